/*
 * lua_docvec.c: docpipe.docvec, one document's sentences as TF-IDF vectors
 * over term ids (dp_tfidf.c), with the words of docpipe.text.words turned
 * into terms through a memo kept in C.
 *
 *   docvec.new(term) -> dv
 *       term(word) -> string or false/nil: the content term of a word (the
 *       caller's rules: case, stopwords, stemming). It is called once per
 *       distinct word; later the word costs one hash lookup, with no Lua
 *       string made. The memo lives as long as dv (emptied at dv:reset once
 *       it holds 100,000 words).
 *   dv:reset()                  start a new document (no sentences)
 *   dv:scan(text) -> nw, last   tokenise text (docpipe.text.words) into the
 *                               pending sentence; its word count and last
 *                               word (nil when none)
 *   dv:commit() -> i            add the pending sentence as sentence i:
 *                               terms numbered 1.. in order of first
 *                               appearance in the document
 *   dv:finish()                 TF-IDF weights, norms, document vector
 *   dv:centrality(directed) -> cent, fwd, bwd  (lists; fwd, bwd empty
 *                               unless directed; see dp_tfidf_centrality)
 *   dv:cosine(i, j) -> cosine of sentences i and j (summed in i's order)
 *   dv:id_set(text) -> set, n   the ids (set[id] = true) of the distinct
 *                               terms of text that occur in the document's
 *                               sentences, and the number of distinct terms
 *   dv:overlap(i, set, n) -> share of n: distinct ids of sentence i in set
 *   dv:terms(i) -> list         sentence i's terms in order, repeats kept
 *   dv:count() -> sentences, terms
 *
 * Memory: from the Lua state's allocator (docpipe's memory limit counts it),
 * freed with dv. Units: 1-based sentence indices and term ids.
 */
#include "lua_docvec.h"
#include "dp_tfidf.h"
#include "dp_text.h"

#include <lauxlib.h>
#include <string.h>

#define DOCVEC_MT "docpipe.docvec"
#define MEMO_MAX 100000

typedef struct dv_tab {   /* strings -> entry 1.., open addressing */
    uint32_t *slots;      /* entry index, 0 empty */
    uint32_t *hash, *off, *len;  /* per entry (index 0 unused) */
    char *arena;
    size_t cap, count, ecap, alen, acap;
} dv_tab;

typedef struct docvec {
    lua_Alloc alloc;
    void *aud;
    dv_tab words, terms;
    uint32_t *wterm;      /* per word entry: term entry, 0 not a term */
    size_t wterm_cap;
    /* per term entry: document stamp, local id (0-based), id_set stamp */
    uint32_t *stamp, *loc, *seen;
    size_t stamp_cap, loc_cap, seen_cap;
    uint32_t serial, seen_serial;
    /* the document, per local id: term entry, df, total, position of the
     * id in sid[] (+1) for the sentence being added */
    uint32_t *glob, *df, *total;
    size_t *pos;
    size_t nv, glob_cap, df_cap, total_cap, pos_cap;
    /* sentences: distinct ids (sid) with counts, then weights (w); all
     * their term ids (tok); first/tfirst: where each sentence starts */
    size_t *first, *tfirst;
    size_t n, first_cap, tfirst_cap;
    uint32_t *sid;
    double *w;
    size_t ns, sid_cap, w_cap;
    uint32_t *tok;
    size_t nt, tok_cap;
    /* the pending sentence: term entries */
    uint32_t *ptok;
    size_t np, ptok_cap;
    /* after finish: per sentence norm; per id document weight, scratch */
    double *norm, *dw, *acc, *jw;
    size_t norm_cap, dw_cap, acc_cap, jw_cap;
    double dnorm;
    size_t jcached;       /* sentence loaded in jw (+1), 0 none */
    int finished;
} docvec;

#define GROW(L, d, arr, want) \
    do { if (!grow((d), (void **)&(d)->arr, &(d)->arr##_cap, (want), sizeof *(d)->arr)) oom(L); } while (0)

static void oom(lua_State *L);

static int grow(docvec *d, void **p, size_t *cap, size_t want, size_t elem) {
    if (want <= *cap) return 1;
    size_t c = *cap ? *cap : 64;
    while (c < want) c *= 2;
    void *q = d->alloc(d->aud, *p, *cap * elem, c * elem);
    if (!q) return 0;
    *p = q;
    *cap = c;
    return 1;
}

static void release(docvec *d, void *p, size_t bytes) {
    if (p) d->alloc(d->aud, p, bytes, 0);
}

static uint32_t str_hash(const char *s, size_t n) {
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3u;
    }
    return (uint32_t)(h ^ (h >> 32));
}

static int tab_rehash(docvec *d, dv_tab *t, size_t cap) {
    uint32_t *s = d->alloc(d->aud, NULL, 0, cap * sizeof *s);
    if (!s) return 0;
    memset(s, 0, cap * sizeof *s);
    for (size_t e = 1; e <= t->count; e++) {
        size_t k = (size_t)t->hash[e] & (cap - 1);
        while (s[k]) k = (k + 1) & (cap - 1);
        s[k] = (uint32_t)e;
    }
    release(d, t->slots, t->cap * sizeof *t->slots);
    t->slots = s;
    t->cap = cap;
    return 1;
}

/* The entry of s[0..n) in t, 0 when absent; *slot: where it goes. */
static uint32_t tab_find(const dv_tab *t, const char *s, size_t n, uint32_t h, size_t *slot) {
    size_t k = (size_t)h & (t->cap - 1);
    uint32_t e;
    while ((e = t->slots[k]) != 0) {
        if (t->hash[e] == h && t->len[e] == n && memcmp(t->arena + t->off[e], s, n) == 0) return e;
        k = (k + 1) & (t->cap - 1);
    }
    *slot = k;
    return 0;
}

/* Add s[0..n) at slot; its entry index, or 0 when memory runs out. */
static uint32_t tab_add(docvec *d, dv_tab *t, const char *s, size_t n, uint32_t h, size_t slot) {
    size_t e = t->count + 1, c1 = t->ecap, c2 = t->ecap, c3 = t->ecap;
    if (n > UINT32_MAX || t->alen + n > UINT32_MAX || e >= UINT32_MAX) return 0;
    if (!grow(d, (void **)&t->arena, &t->acap, t->alen + n, 1)) return 0;
    if (!grow(d, (void **)&t->hash, &c1, e + 1, sizeof *t->hash) ||
        !grow(d, (void **)&t->off, &c2, e + 1, sizeof *t->off) ||
        !grow(d, (void **)&t->len, &c3, e + 1, sizeof *t->len)) return 0;
    t->ecap = c1;
    memcpy(t->arena + t->alen, s, n);
    t->hash[e] = h;
    t->off[e] = (uint32_t)t->alen;
    t->len[e] = (uint32_t)n;
    t->alen += n;
    t->count = e;
    t->slots[slot] = (uint32_t)e;
    if (2 * t->count >= t->cap && !tab_rehash(d, t, 2 * t->cap)) return 0;
    return (uint32_t)e;
}

static void tab_free(docvec *d, dv_tab *t) {
    release(d, t->slots, t->cap * sizeof *t->slots);
    release(d, t->hash, t->ecap * sizeof *t->hash);
    release(d, t->off, t->ecap * sizeof *t->off);
    release(d, t->len, t->ecap * sizeof *t->len);
    release(d, t->arena, t->acap);
    memset(t, 0, sizeof *t);
}

static int tab_init(docvec *d, dv_tab *t) {
    return tab_rehash(d, t, 1024);
}

static docvec *check_dv(lua_State *L) {
    return luaL_checkudata(L, 1, DOCVEC_MT);
}

static void oom(lua_State *L) {
    luaL_error(L, "docvec: out of memory");
}

/* The term entry of word s[0..n) (0: not a term), calling term(word) the
 * first time (the function is the userdata's user value 1). */
static uint32_t word_term(lua_State *L, docvec *d, const char *s, size_t n) {
    uint32_t h = str_hash(s, n);
    size_t slot = 0;
    uint32_t e = tab_find(&d->words, s, n, h, &slot);
    if (e) return d->wterm[e];
    lua_getiuservalue(L, 1, 1);
    lua_pushlstring(L, s, n);
    lua_call(L, 1, 1);
    uint32_t te = 0;
    if (lua_type(L, -1) == LUA_TSTRING) {
        size_t tn;
        const char *ts = lua_tolstring(L, -1, &tn);
        uint32_t th = str_hash(ts, tn);
        size_t tslot = 0;
        te = tab_find(&d->terms, ts, tn, th, &tslot);
        if (!te) {
            te = tab_add(d, &d->terms, ts, tn, th, tslot);
            if (!te) oom(L);
            GROW(L, d, stamp, (size_t)te + 1);
            GROW(L, d, loc, (size_t)te + 1);
            GROW(L, d, seen, (size_t)te + 1);
            d->stamp[te] = d->loc[te] = d->seen[te] = 0;
        }
    } else if (!lua_isnil(L, -1) && !(lua_isboolean(L, -1) && !lua_toboolean(L, -1))) {
        luaL_error(L, "docvec: term must return a string, false or nil");
    }
    lua_pop(L, 1);
    /* the call may not have changed the table: find the slot again */
    if (tab_find(&d->words, s, n, h, &slot)) return te;
    e = tab_add(d, &d->words, s, n, h, slot);
    if (!e) oom(L);
    GROW(L, d, wterm, (size_t)e + 1);
    d->wterm[e] = te;
    return te;
}

static int dv_new(lua_State *L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    docvec *d = lua_newuserdatauv(L, sizeof *d, 1);
    memset(d, 0, sizeof *d);
    d->alloc = lua_getallocf(L, &d->aud);
    d->jcached = 0;
    luaL_setmetatable(L, DOCVEC_MT);
    lua_pushvalue(L, 1);
    lua_setiuservalue(L, -2, 1);
    if (!tab_init(d, &d->words) || !tab_init(d, &d->terms)) oom(L);
    return 1;
}

#define FREE(d, arr) release((d), (d)->arr, (d)->arr##_cap * sizeof *(d)->arr)

static int dv_gc(lua_State *L) {
    docvec *d = check_dv(L);
    tab_free(d, &d->words);
    tab_free(d, &d->terms);
    FREE(d, wterm); FREE(d, stamp); FREE(d, loc); FREE(d, seen);
    FREE(d, glob); FREE(d, df); FREE(d, total); FREE(d, pos);
    FREE(d, first); FREE(d, tfirst); FREE(d, sid); FREE(d, w); FREE(d, tok); FREE(d, ptok);
    FREE(d, norm); FREE(d, dw); FREE(d, acc); FREE(d, jw);
    lua_Alloc a = d->alloc;
    void *aud = d->aud;
    memset(d, 0, sizeof *d);
    d->alloc = a;
    d->aud = aud;
    return 0;
}

static int dv_reset(lua_State *L) {
    docvec *d = check_dv(L);
    if (!d->words.slots) return luaL_error(L, "docvec: used after collection");
    if (d->words.count >= MEMO_MAX) {   /* empty the memo */
        d->words.count = d->terms.count = 0;
        d->words.alen = d->terms.alen = 0;
        memset(d->words.slots, 0, d->words.cap * sizeof *d->words.slots);
        memset(d->terms.slots, 0, d->terms.cap * sizeof *d->terms.slots);
    }
    if (d->serial == UINT32_MAX - 1 || d->words.count == 0) {
        if (d->stamp) memset(d->stamp, 0, d->stamp_cap * sizeof *d->stamp);
        if (d->seen) memset(d->seen, 0, d->seen_cap * sizeof *d->seen);
        d->serial = d->seen_serial = 0;
    }
    d->serial++;
    d->nv = d->n = d->ns = d->nt = d->np = 0;
    d->jcached = 0;
    d->finished = 0;
    return 0;
}

static int dv_scan(lua_State *L) {
    docvec *d = check_dv(L);
    size_t n, pos = 0;
    const char *s = luaL_checklstring(L, 2, &n);
    dp_span w, last = { 0, 0 };
    lua_Integer nw = 0;
    d->np = 0;
    while (dp_text_next_word(s, n, &pos, &w)) {
        nw++;
        last = w;
        uint32_t te = word_term(L, d, s + w.start, w.end - w.start);
        if (te) {
            if (d->np >= d->ptok_cap) GROW(L, d, ptok, d->np + 1);
            d->ptok[d->np++] = te;
        }
    }
    lua_pushinteger(L, nw);
    if (nw) lua_pushlstring(L, s + last.start, last.end - last.start);
    else lua_pushnil(L);
    return 2;
}

static int dv_commit(lua_State *L) {
    docvec *d = check_dv(L);
    if (d->finished) return luaL_error(L, "docvec: commit after finish");
    size_t np = d->np, base = d->ns;
    GROW(L, d, first, d->n + 2);
    GROW(L, d, tfirst, d->n + 2);
    GROW(L, d, sid, d->ns + np + 1);
    GROW(L, d, w, d->ns + np + 1);
    GROW(L, d, tok, d->nt + np + 1);
    GROW(L, d, glob, d->nv + np + 1);
    GROW(L, d, df, d->nv + np + 1);
    GROW(L, d, total, d->nv + np + 1);
    GROW(L, d, pos, d->nv + np + 1);
    d->first[d->n] = d->ns;
    d->tfirst[d->n] = d->nt;
    for (size_t k = 0; k < np; k++) {
        uint32_t te = d->ptok[k];
        if (d->stamp[te] != d->serial) {
            d->stamp[te] = d->serial;
            d->loc[te] = (uint32_t)d->nv;
            d->glob[d->nv] = te;
            d->df[d->nv] = d->total[d->nv] = 0;
            d->pos[d->nv] = 0;
            d->nv++;
        }
        uint32_t id = d->loc[te];
        d->total[id]++;
        size_t p = d->pos[id];
        if (p > base) {
            d->w[p - 1] += 1.0;
        } else {
            d->sid[d->ns] = id;
            d->w[d->ns] = 1.0;
            d->ns++;
            d->pos[id] = d->ns;
            d->df[id]++;
        }
        d->tok[d->nt++] = id;
    }
    d->np = 0;
    d->n++;
    d->first[d->n] = d->ns;
    d->tfirst[d->n] = d->nt;
    lua_pushinteger(L, (lua_Integer)d->n);
    return 1;
}

static int dv_finish(lua_State *L) {
    docvec *d = check_dv(L);
    if (d->finished) return 0;
    GROW(L, d, norm, d->n + 1);
    GROW(L, d, dw, d->nv + 1);
    GROW(L, d, acc, d->nv + 1);
    GROW(L, d, jw, d->nv + 1);
    dp_tfidf_weigh(d->n, d->first, d->sid, d->w, d->nv, d->df, d->total, d->norm, d->dw, &d->dnorm);
    for (size_t id = 0; id < d->nv; id++) d->jw[id] = 0.0;
    d->jcached = 0;
    d->finished = 1;
    return 0;
}

static docvec *check_finished(lua_State *L) {
    docvec *d = check_dv(L);
    if (!d->finished) luaL_error(L, "docvec: call finish first");
    return d;
}

static void push_list(lua_State *L, const double *x, size_t n) {
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0; i < n; i++) {
        lua_pushnumber(L, x[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

static int dv_centrality(lua_State *L) {
    docvec *d = check_finished(L);
    int directed = lua_toboolean(L, 2);
    size_t n = d->n;
    /* cent, fwd and bwd: 3 n doubles of scratch */
    double *buf = lua_newuserdatauv(L, (3 * n + 1) * sizeof *buf, 0);
    double *cent = buf, *fwd = buf + n, *bwd = buf + 2 * n;
    dp_tfidf_centrality(n, d->first, d->sid, d->w, d->norm, d->nv, d->dw, d->dnorm, cent,
                        directed ? fwd : NULL, directed ? bwd : NULL, directed ? d->acc : NULL);
    push_list(L, cent, n);
    push_list(L, fwd, directed ? n : 0);
    push_list(L, bwd, directed ? n : 0);
    return 3;
}

static size_t check_sentence(lua_State *L, const docvec *d, int arg) {
    lua_Integer i = luaL_checkinteger(L, arg);
    luaL_argcheck(L, i >= 1 && (size_t)i <= d->n, arg, "no such sentence");
    return (size_t)i - 1;
}

static int dv_cosine(lua_State *L) {
    docvec *d = check_finished(L);
    size_t i = check_sentence(L, d, 2), j = check_sentence(L, d, 3);
    if (d->jcached != j + 1) {
        if (d->jcached)
            for (size_t k = d->first[d->jcached - 1]; k < d->first[d->jcached]; k++) d->jw[d->sid[k]] = 0.0;
        for (size_t k = d->first[j]; k < d->first[j + 1]; k++) d->jw[d->sid[k]] = d->w[k];
        d->jcached = j + 1;
    }
    lua_pushnumber(L, dp_tfidf_cosine_dense(d->first, d->sid, d->w, d->norm, i, d->jw, d->norm[j]));
    return 1;
}

static int dv_id_set(lua_State *L) {
    docvec *d = check_dv(L);
    size_t n, pos = 0;
    const char *s = luaL_checklstring(L, 2, &n);
    lua_settop(L, 2);
    lua_newtable(L);  /* 3 */
    if (++d->seen_serial == UINT32_MAX) {
        if (d->seen) memset(d->seen, 0, d->seen_cap * sizeof *d->seen);
        d->seen_serial = 1;
    }
    dp_span w;
    lua_Integer count = 0;
    while (dp_text_next_word(s, n, &pos, &w)) {
        uint32_t te = word_term(L, d, s + w.start, w.end - w.start);
        if (!te || d->seen[te] == d->seen_serial) continue;
        d->seen[te] = d->seen_serial;
        count++;
        if (d->stamp[te] == d->serial && d->loc[te] < d->nv) {
            lua_pushboolean(L, 1);
            lua_rawseti(L, 3, (lua_Integer)d->loc[te] + 1);
        }
    }
    lua_pushinteger(L, count);
    return 2;
}

static int dv_overlap(lua_State *L) {
    docvec *d = check_dv(L);
    size_t i = check_sentence(L, d, 2);
    luaL_checktype(L, 3, LUA_TTABLE);
    lua_Integer rn = luaL_checkinteger(L, 4);
    if (rn == 0) {
        lua_pushinteger(L, 0);
        return 1;
    }
    lua_Integer hit = 0;
    for (size_t k = d->first[i]; k < d->first[i + 1]; k++) {
        if (lua_rawgeti(L, 3, (lua_Integer)d->sid[k] + 1) != LUA_TNIL) hit++;
        lua_pop(L, 1);
    }
    lua_pushnumber(L, (lua_Number)hit / (lua_Number)rn);
    return 1;
}

static int dv_terms(lua_State *L) {
    docvec *d = check_dv(L);
    size_t i = check_sentence(L, d, 2);
    size_t a = d->tfirst[i], b = d->tfirst[i + 1];
    lua_createtable(L, (int)(b - a), 0);
    for (size_t k = a; k < b; k++) {
        uint32_t te = d->glob[d->tok[k]];
        lua_pushlstring(L, d->terms.arena + d->terms.off[te], d->terms.len[te]);
        lua_rawseti(L, -2, (lua_Integer)(k - a) + 1);
    }
    return 1;
}

static int dv_count(lua_State *L) {
    docvec *d = check_dv(L);
    lua_pushinteger(L, (lua_Integer)d->n);
    lua_pushinteger(L, (lua_Integer)d->nv);
    return 2;
}

static const luaL_Reg dv_methods[] = {
    { "reset", dv_reset },
    { "scan", dv_scan },
    { "commit", dv_commit },
    { "finish", dv_finish },
    { "centrality", dv_centrality },
    { "cosine", dv_cosine },
    { "id_set", dv_id_set },
    { "overlap", dv_overlap },
    { "terms", dv_terms },
    { "count", dv_count },
    { NULL, NULL },
};

int dp_lua_open_docvec(lua_State *L) {
    static const luaL_Reg funcs[] = {
        { "new", dv_new },
        { NULL, NULL },
    };
    if (luaL_newmetatable(L, DOCVEC_MT)) {
        lua_pushcfunction(L, dv_gc);
        lua_setfield(L, -2, "__gc");
        luaL_newlib(L, dv_methods);
        lua_setfield(L, -2, "__index");
    }
    lua_pop(L, 1);
    luaL_newlib(L, funcs);
    return 1;
}
