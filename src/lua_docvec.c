/*
 * lua_docvec.c: docpipe.docvec, one document's sentences as TF-IDF vectors
 * over term ids (dp_tfidf.c), with the words of docpipe.text.words turned
 * into terms through a memo kept in C.
 *
 *   docvec.new(term [, list]) -> dv
 *       term(word) -> string or false/nil: the content term of a word (the
 *       caller's rules: case, stopwords, stemming). It is called once per
 *       distinct word; later the word costs one hash lookup, with no Lua
 *       string made. The memo lives as long as dv (emptied at dv:reset once
 *       it holds 100,000 words). With list true, term(words) -> terms, at
 *       instead: terms[k] (a string) is the term of words[at[k]], and a
 *       word whose index is not in at has none; one call for the new words
 *       of a whole text (dv:scan, dv:id_set) or document (dv:sentences), in
 *       order of first appearance. term must not use dv.
 *   docvec.new(rule) -> dv
 *       the same with the terms given by a rule of docvec.rule, in C: no
 *       Lua call, table or string per new word.
 *   docvec.rule(stopwords, stemmer) -> rule
 *       the summary stage's term rule (dp_terms.h: ASCII lowercased, ’
 *       made ', no one-letter word, no stopword, possessive 's off,
 *       stemmed): stopwords a set (word -> true; its string keys with a
 *       true value, compared byte for byte), stemmer a docpipe.stem
 *       stemmer or false (words kept as they are).
 *   rule:term(word) -> term or false
 *   docvec.meets(from, to, n, starts, ends) -> list of n booleans
 *       whether range i, [from[i], to[i]], meets some span k, [starts[k],
 *       ends[k]] (closed: starts[k] <= to[i] and ends[k] >= from[i]);
 *       false when from[i] or to[i] is no integer (a sentence not found in
 *       the text). starts and ends: lists of integers of one length (the
 *       direct and mixed quotes of a document). dp_ranges_meet in one
 *       call, instead of a Lua binary search per sentence.
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
 *   dv:sentences(list, text) -> n, from, to, nwords, or nil
 *                               the candidate sentences of a document
 *                               whose doc.sentences is the sentences
 *                               stage's unread list over text
 *                               (docpipe.sbd det:sentences, read through
 *                               its spans, dp_sbd_lazy_get: no table or
 *                               string per sentence), added as sentences
 *                               1..n right after dv:reset: what the
 *                               summary stage's Lua loop over the built
 *                               list adds (see candidates_of_spans), the
 *                               same sentences in the same order. from,
 *                               to: 1-based inclusive byte offsets of
 *                               each text in text; nwords: its word
 *                               count. nil (nothing added) when list is
 *                               no unread list over text.
 *   dv:text(i) -> the text of sentence i added by dv:sentences (the
 *                               sentence's text trimmed, as the built
 *                               list's `text` is trimmed by the stage)
 *
 * Memory: from the Lua state's allocator (docpipe's memory limit counts it),
 * freed with dv. Units: 1-based sentence indices and term ids.
 */
#include "lua_docvec.h"
#include "dp_ranges.h"
#include "dp_terms.h"
#include "dp_tfidf.h"
#include "dp_text.h"
#include "lua_sbd.h"
#include "lua_stem.h"

#include <lauxlib.h>
#include <string.h>

#define DOCVEC_MT "docpipe.docvec"
#define RULE_MT "docpipe.docvec.rule"
#define MEMO_MAX 100000
#define WPENDING UINT32_MAX

/* A span of dv:sentences' list between its two passes: the span (0-based,
 * end exclusive), its trimmed text in the sentence text, the trimmed
 * text's offsets in the document (a, b: 0-based, end exclusive), its word
 * count, last word's length and words (wtok[w0..w1)). */
struct span_rec {
    size_t sa, sb, ca, cb, a, b, nw, last_len, w0, w1;
};

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
    uint32_t *wterm;      /* per word entry: term entry, 0 not a term, WPENDING not known yet */
    size_t wterm_cap;
    int list;             /* term takes a list of words */
    dp_terms *rule;       /* the terms come from this rule (docvec.rule, user value 1), not term */
    /* the words of the text being read (word entries), and the new ones
     * among them, for one call of term (bstamp: in batch bserial) */
    uint32_t *wtok, *batch, *bstamp;
    size_t nwt, nb, wtok_cap, batch_cap, bstamp_cap;
    uint32_t bserial;
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
    /* dv:sentences: 5 per sentence: its span in the text (0-based, end
     * exclusive), its trimmed text's span in the sentence text (the span,
     * or the span joined) and whether the list joins lines; the shapes and
     * keys of the repeat check; scratch for joined texts and keys */
    size_t *src;
    size_t src_cap;
    int spans_doc;        /* the sentences came from dv:sentences */
    dv_tab shapes, keys;
    size_t *shape_first;  /* per shape entry: its first sentence (+1), 0 once keyed */
    size_t shape_first_cap;
    struct span_rec *recs;  /* per span of the list, between dv:sentences' passes */
    size_t recs_cap;
    char *jbuf, *obuf, *kbuf;
    size_t jbuf_cap, obuf_cap, kbuf_cap;
} docvec;

#define GROW(L, d, arr, want) \
    do { if (!grow((d), (void **)&(d)->arr, &(d)->arr##_cap, (want), sizeof *(d)->arr)) oom(L); } while (0)

static void oom(lua_State *L);

static int grow_to(docvec *d, void **p, size_t *cap, size_t want, size_t elem) {
    size_t c = *cap ? *cap : 64;
    while (c < want) c *= 2;
    void *q = d->alloc(d->aud, *p, *cap * elem, c * elem);
    if (!q) return 0;
    *p = q;
    *cap = c;
    return 1;
}

/* *p holds at least want elements of elem bytes (*cap of them), grown by
 * doubling; 0 when memory runs out. The test inline: it runs for every word
 * and term added, the growth rarely. */
static inline int grow(docvec *d, void **p, size_t *cap, size_t want, size_t elem) {
    return want <= *cap || grow_to(d, p, cap, want, elem);
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

/* Start a batch of new words (d->batch). */
static void batch_begin(docvec *d) {
    d->nb = 0;
    if (++d->bserial == UINT32_MAX) {
        if (d->bstamp) memset(d->bstamp, 0, d->bstamp_cap * sizeof *d->bstamp);
        d->bserial = 1;
    }
}

static uint32_t intern_term(lua_State *L, docvec *d, const char *ts, size_t tn);

/* Append the word entries of the words of s[0..n) to d->wtok, words not in
 * the memo added to it: with their term at once under a rule, else as
 * pending and to the batch; the word count, and the last word in *last.
 * (A word left pending by a term call that raised an error is batched
 * again.) */
static size_t tokenise(lua_State *L, docvec *d, const char *s, size_t n, dp_span *last) {
    size_t pos = 0, nw = 0;
    dp_span w;
    last->start = last->end = 0;
    while (dp_text_next_word(s, n, &pos, &w)) {
        nw++;
        *last = w;
        const char *ws = s + w.start;
        size_t wn = w.end - w.start, slot = 0;
        uint32_t h = str_hash(ws, wn);
        uint32_t e = tab_find(&d->words, ws, wn, h, &slot);
        if (!e) {
            e = tab_add(d, &d->words, ws, wn, h, slot);
            if (!e) oom(L);
            GROW(L, d, wterm, (size_t)e + 1);
            GROW(L, d, bstamp, (size_t)e + 1);
            d->wterm[e] = WPENDING;
            d->bstamp[e] = 0;
            if (d->rule) {
                const char *ts;
                size_t tn;
                int r = dp_terms_term(d->rule, ws, wn, &ts, &tn);
                if (r < 0) oom(L);
                d->wterm[e] = r ? intern_term(L, d, ts, tn) : 0;
            }
        }
        if (d->wterm[e] == WPENDING && d->bstamp[e] != d->bserial) {
            d->bstamp[e] = d->bserial;
            if (d->nb >= d->batch_cap) GROW(L, d, batch, d->nb + 1);
            d->batch[d->nb++] = e;
        }
        if (d->nwt >= d->wtok_cap) GROW(L, d, wtok, d->nwt + 1);
        d->wtok[d->nwt++] = e;
    }
    return nw;
}

/* The term entry of the term ts[0..tn), added when new. */
static uint32_t intern_term(lua_State *L, docvec *d, const char *ts, size_t tn) {
    uint32_t th = str_hash(ts, tn);
    size_t tslot = 0;
    uint32_t te = tab_find(&d->terms, ts, tn, th, &tslot);
    if (!te) {
        te = tab_add(d, &d->terms, ts, tn, th, tslot);
        if (!te) oom(L);
        GROW(L, d, stamp, (size_t)te + 1);
        GROW(L, d, loc, (size_t)te + 1);
        GROW(L, d, seen, (size_t)te + 1);
        d->stamp[te] = d->loc[te] = d->seen[te] = 0;
    }
    return te;
}

/* Set the term of word entry e from the term function's answer at the top
 * of the stack (popped). */
static void set_term(lua_State *L, docvec *d, uint32_t e) {
    uint32_t te = 0;
    if (lua_type(L, -1) == LUA_TSTRING) {
        size_t tn;
        const char *ts = lua_tolstring(L, -1, &tn);
        te = intern_term(L, d, ts, tn);
    } else if (!lua_isnil(L, -1) && !(lua_isboolean(L, -1) && !lua_toboolean(L, -1))) {
        luaL_error(L, "docvec: term must return a string, false or nil");
    }
    lua_pop(L, 1);
    d->wterm[e] = te;
}

/* The terms of the batch's words, from term (the userdata's user value 1):
 * one call with their list, or one per word. */
static void batch_resolve(lua_State *L, docvec *d) {
    if (d->nb == 0) return;
    luaL_checkstack(L, 4, "docvec");
    const dv_tab *t = &d->words;
    if (d->list) {
        lua_getiuservalue(L, 1, 1);
        lua_createtable(L, d->nb > 0x7fffffff ? 0x7fffffff : (int)d->nb, 0);
        for (size_t k = 0; k < d->nb; k++) {
            uint32_t e = d->batch[k];
            lua_pushlstring(L, t->arena + t->off[e], t->len[e]);
            lua_rawseti(L, -2, (lua_Integer)k + 1);
        }
        lua_call(L, 1, 2);
        if (!lua_istable(L, -2) || !lua_istable(L, -1))
            luaL_error(L, "docvec: term must return two lists");
        lua_Integer na = (lua_Integer)lua_rawlen(L, -1);
        for (lua_Integer k = 1; k <= na; k++) {
            lua_Integer i = (lua_rawgeti(L, -1, k), lua_tointeger(L, -1));
            lua_pop(L, 1);
            if (i < 1 || (size_t)i > d->nb) luaL_error(L, "docvec: term's at[%d] is no index of words", (int)k);
            lua_rawgeti(L, -2, k);
            if (lua_type(L, -1) != LUA_TSTRING) luaL_error(L, "docvec: term's terms[%d] is no string", (int)k);
            set_term(L, d, d->batch[i - 1]);
        }
        for (size_t k = 0; k < d->nb; k++)  /* not in at: no term */
            if (d->wterm[d->batch[k]] == WPENDING) d->wterm[d->batch[k]] = 0;
        lua_pop(L, 2);
    } else {
        for (size_t k = 0; k < d->nb; k++) {
            uint32_t e = d->batch[k];
            lua_getiuservalue(L, 1, 1);
            lua_pushlstring(L, t->arena + t->off[e], t->len[e]);
            lua_call(L, 1, 1);
            set_term(L, d, e);
        }
    }
    d->nb = 0;
}

/* The pending sentence's terms: those of the words wtok[w0..w1). */
static void pend_words(lua_State *L, docvec *d, size_t w0, size_t w1) {
    d->np = 0;
    GROW(L, d, ptok, w1 - w0 + 1);
    for (size_t k = w0; k < w1; k++) {
        uint32_t te = d->wterm[d->wtok[k]];
        if (te) d->ptok[d->np++] = te;
    }
}

/* ---- docvec.rule: the term rule of dp_terms.c ---------------------------- */

typedef struct rule_ud {
    dp_terms *t;
} rule_ud;

static int rule_gc(lua_State *L) {
    rule_ud *r = luaL_checkudata(L, 1, RULE_MT);
    dp_terms_free(r->t);
    r->t = NULL;
    return 0;
}

static dp_terms *check_rule(lua_State *L, int arg) {
    rule_ud *r = luaL_checkudata(L, arg, RULE_MT);
    if (!r->t) luaL_error(L, "docvec: rule used after collection");
    return r->t;
}

/* docvec.rule(stopwords, stemmer) */
static int f_rule(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    dp_stem *st = lua_toboolean(L, 2) ? dp_lua_check_stem(L, 2) : NULL;
    lua_settop(L, 2);
    rule_ud *r = lua_newuserdatauv(L, sizeof *r, 1);  /* 1 the stemmer, kept alive */
    r->t = NULL;
    luaL_setmetatable(L, RULE_MT);
    lua_pushvalue(L, 2);
    lua_setiuservalue(L, 3, 1);
    r->t = dp_terms_new(st);
    if (!r->t) oom(L);
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        if (lua_type(L, -2) == LUA_TSTRING && lua_toboolean(L, -1)) {
            size_t n;
            const char *w = lua_tolstring(L, -2, &n);
            if (!dp_terms_add_stopword(r->t, w, n)) oom(L);
        }
        lua_pop(L, 1);
    }
    return 1;
}

/* rule:term(word) */
static int rule_term(lua_State *L) {
    dp_terms *t = check_rule(L, 1);
    size_t n;
    const char *w = luaL_checklstring(L, 2, &n);
    const char *ts;
    size_t tn;
    int r = dp_terms_term(t, w, n, &ts, &tn);
    if (r < 0) oom(L);
    if (r) lua_pushlstring(L, ts, tn);
    else lua_pushboolean(L, 0);
    return 1;
}

/* docvec.meets(from, to, n, starts, ends) */
static int f_meets(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_Integer ln = luaL_checkinteger(L, 3);
    luaL_checktype(L, 4, LUA_TTABLE);
    luaL_checktype(L, 5, LUA_TTABLE);
    luaL_argcheck(L, ln >= 0 && ln < 0x7fffffff, 3, "bad count");
    size_t n = (size_t)ln, m = lua_rawlen(L, 4);
    luaL_argcheck(L, lua_rawlen(L, 5) == m, 5, "starts and ends differ in length");
    luaL_argcheck(L, m < 0x7fffffff, 4, "too many spans");
    /* a, b (the ranges with integer offsets, packed), s, e, scratch (2 m);
     * then per range whether it has integer offsets, and the answers */
    int64_t *buf = lua_newuserdatauv(L, (2 * n + 4 * m) * sizeof *buf + 2 * n + 1, 0);
    int64_t *a = buf, *b = a + n, *sp = b + n, *ep = sp + m, *scratch = ep + m;
    unsigned char *has = (unsigned char *)(scratch + 2 * m), *met = has + n;
    for (size_t k = 0; k < m; k++) {
        int ok1, ok2;
        lua_rawgeti(L, 4, (lua_Integer)k + 1);
        lua_rawgeti(L, 5, (lua_Integer)k + 1);
        sp[k] = (int64_t)lua_tointegerx(L, -2, &ok1);
        ep[k] = (int64_t)lua_tointegerx(L, -1, &ok2);
        if (!ok1 || !ok2) return luaL_error(L, "docvec.meets: span %d is no pair of integers", (int)k + 1);
        lua_pop(L, 2);
    }
    size_t nr = 0;
    for (size_t i = 0; i < n; i++) {
        int ok1, ok2;
        lua_rawgeti(L, 1, (lua_Integer)i + 1);
        lua_rawgeti(L, 2, (lua_Integer)i + 1);
        int64_t x = (int64_t)lua_tointegerx(L, -2, &ok1), y = (int64_t)lua_tointegerx(L, -1, &ok2);
        lua_pop(L, 2);
        has[i] = ok1 && ok2;
        if (has[i]) { a[nr] = x; b[nr] = y; nr++; }
    }
    dp_ranges_meet(nr, a, b, m, sp, ep, scratch, met);
    lua_createtable(L, (int)n, 0);
    for (size_t i = 0, r = 0; i < n; i++) {
        lua_pushboolean(L, has[i] && met[r]);
        if (has[i]) r++;
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

static int dv_new(lua_State *L) {
    dp_terms *rule = NULL;
    if (luaL_testudata(L, 1, RULE_MT)) rule = check_rule(L, 1);
    else luaL_checktype(L, 1, LUA_TFUNCTION);
    int list = lua_toboolean(L, 2);
    lua_settop(L, 1);
    docvec *d = lua_newuserdatauv(L, sizeof *d, 2);  /* 1 term or rule, 2 the text of dv:sentences */
    memset(d, 0, sizeof *d);
    d->list = list;
    d->rule = rule;
    d->alloc = lua_getallocf(L, &d->aud);
    d->jcached = 0;
    luaL_setmetatable(L, DOCVEC_MT);
    lua_pushvalue(L, 1);
    lua_setiuservalue(L, -2, 1);
    if (!tab_init(d, &d->words) || !tab_init(d, &d->terms) || !tab_init(d, &d->shapes) ||
        !tab_init(d, &d->keys)) oom(L);
    return 1;
}

#define FREE(d, arr) release((d), (d)->arr, (d)->arr##_cap * sizeof *(d)->arr)

static int dv_gc(lua_State *L) {
    docvec *d = check_dv(L);
    tab_free(d, &d->words);
    tab_free(d, &d->terms);
    tab_free(d, &d->shapes);
    tab_free(d, &d->keys);
    FREE(d, wtok); FREE(d, batch); FREE(d, bstamp); FREE(d, recs);
    FREE(d, src); FREE(d, shape_first); FREE(d, jbuf); FREE(d, obuf); FREE(d, kbuf);
    FREE(d, wterm); FREE(d, stamp); FREE(d, loc); FREE(d, seen);
    FREE(d, glob); FREE(d, df); FREE(d, total); FREE(d, pos);
    FREE(d, first); FREE(d, tfirst); FREE(d, sid); FREE(d, w); FREE(d, tok); FREE(d, ptok);
    FREE(d, norm); FREE(d, dw); FREE(d, acc); FREE(d, jw);
    lua_Alloc a = d->alloc;
    void *aud = d->aud;
    memset(d, 0, sizeof *d);   /* (d->rule too: the rule may be collected with dv) */
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
    d->spans_doc = 0;
    lua_pushnil(L);
    lua_setiuservalue(L, 1, 2);
    return 0;
}

static int dv_scan(lua_State *L) {
    docvec *d = check_dv(L);
    size_t n;
    const char *s = luaL_checklstring(L, 2, &n);
    dp_span last;
    batch_begin(d);
    d->nwt = 0;
    lua_Integer nw = (lua_Integer)tokenise(L, d, s, n, &last);
    batch_resolve(L, d);
    pend_words(L, d, 0, d->nwt);
    lua_pushinteger(L, nw);
    if (nw) lua_pushlstring(L, s + last.start, last.end - last.start);
    else lua_pushnil(L);
    return 2;
}

/* Add the pending sentence (dv:commit). */
static void commit_pending(lua_State *L, docvec *d) {
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
}

static int dv_commit(lua_State *L) {
    docvec *d = check_dv(L);
    if (d->finished) return luaL_error(L, "docvec: commit after finish");
    if (d->spans_doc) return luaL_error(L, "docvec: commit after sentences");
    commit_pending(L, d);
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
    size_t n;
    const char *s = luaL_checklstring(L, 2, &n);
    lua_settop(L, 2);
    dp_span last;
    batch_begin(d);
    d->nwt = 0;
    tokenise(L, d, s, n, &last);
    batch_resolve(L, d);
    lua_newtable(L);  /* 3 */
    if (++d->seen_serial == UINT32_MAX) {
        if (d->seen) memset(d->seen, 0, d->seen_cap * sizeof *d->seen);
        d->seen_serial = 1;
    }
    lua_Integer count = 0;
    for (size_t k = 0; k < d->nwt; k++) {
        uint32_t te = d->wterm[d->wtok[k]];
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

/* ---- dv:sentences: the candidates read from the sentences stage's spans -- */

/* The first occurrence of p[0..pn) (pn > 0) in s[0..n), as string.find
 * with plain = true finds it; its offset, or (size_t)-1. */
static size_t find_plain(const char *s, size_t n, const char *p, size_t pn) {
    for (size_t i = 0; i + pn <= n;) {
        const char *c = memchr(s + i, p[0], n - pn + 1 - i);
        if (!c) break;
        i = (size_t)(c - s);
        if (memcmp(s + i, p, pn) == 0) return i;
        i++;
    }
    return (size_t)-1;
}

/* The text of span [a, b) of text as the built list's `text` holds it:
 * the bytes themselves, or (join: the list joins lines) with each run of
 * white space holding CR or LF as one space, written in *buf (dp_sbd_join;
 * *joined set). */
static const char *span_text(lua_State *L, docvec *d, char **buf, size_t *cap, const char *text,
                             size_t a, size_t b, int join, size_t *len, int *joined) {
    const char *s = text + a;
    size_t n = b - a;
    *joined = 0;
    *len = n;
    if (!join || (!memchr(s, '\n', n) && !memchr(s, '\r', n))) return s;
    if (!grow(d, (void **)buf, cap, n + 1, 1)) oom(L);
    *len = dp_sbd_join(s, n, *buf);
    *joined = 1;
    return *buf;
}

/* The trimmed text of sentence k (0-based) added by dv:sentences. */
static const char *sentence_text(lua_State *L, docvec *d, char **buf, size_t *cap, const char *text,
                                 size_t k, size_t *len) {
    const size_t *r = d->src + 5 * k;
    size_t n;
    int joined;
    const char *s = span_text(L, d, buf, cap, text, r[0], r[1], (int)r[4], &n, &joined);
    *len = r[3] - r[2];
    return s + r[2];
}

/* The repeat check's key of s[0..n) in d->kbuf: lower(normalize_space(s)),
 * ASCII case folded as Lua's string.lower folds it in the C locale. */
static size_t repeat_key(lua_State *L, docvec *d, const char *s, size_t n) {
    GROW(L, d, kbuf, n + 1);
    size_t k = dp_text_normalize_space(s, n, d->kbuf);
    for (size_t i = 0; i < k; i++)
        if (d->kbuf[i] >= 'A' && d->kbuf[i] <= 'Z') d->kbuf[i] = (char)(d->kbuf[i] + 32);
    return k;
}

/* 1 when the key in d->kbuf[0..n) was seen (else it is remembered). */
static int key_seen(lua_State *L, docvec *d, size_t n) {
    uint32_t h = str_hash(d->kbuf, n);
    size_t slot = 0;
    if (tab_find(&d->keys, d->kbuf, n, h, &slot)) return 1;
    if (!tab_add(d, &d->keys, d->kbuf, n, h, slot)) oom(L);
    return 0;
}

static void tab_clear(dv_tab *t) {
    if (t->count) memset(t->slots, 0, t->cap * sizeof *t->slots);
    t->count = t->alen = 0;
}

/* The summary stage's repeat check (`repeated` in scripts/stages/summary.lua):
 * 1 when the text s[0..n) equals the text of an earlier kept sentence up to
 * ASCII case and white space. Keys are computed only when an earlier kept
 * sentence has the same shape (word count, last word's length), as there:
 * equal keys mean equal shapes. */
static int repeated(lua_State *L, docvec *d, const char *text, const char *s, size_t n,
                    size_t nw, size_t last_len) {
    size_t shape[2] = { nw, last_len };
    uint32_t h = str_hash((const char *)shape, sizeof shape);
    size_t slot = 0;
    uint32_t e = tab_find(&d->shapes, (const char *)shape, sizeof shape, h, &slot);
    if (!e) {
        e = tab_add(d, &d->shapes, (const char *)shape, sizeof shape, h, slot);
        if (!e) oom(L);
        GROW(L, d, shape_first, (size_t)e + 1);
        d->shape_first[e] = d->n + 1;   /* the sentence about to be added */
        return 0;
    }
    if (d->shape_first[e]) {            /* a second one: key the first */
        size_t on;
        const char *o = sentence_text(L, d, &d->obuf, &d->obuf_cap, text, d->shape_first[e] - 1, &on);
        key_seen(L, d, repeat_key(L, d, o, on));
        d->shape_first[e] = 0;
    }
    return key_seen(L, d, repeat_key(L, d, s, n));
}

/* dv:sentences(list, text): for each span of the unread list, what the
 * stage's loop does with the built list's {text, start, end}: text trimmed
 * (dp.text.trim); the offsets those of the trimmed text when it is not
 * text:sub(start, end) and is found in it; tokenised; added unless it has
 * no word or repeats an earlier one. */
static int dv_sentences(lua_State *L) {
    docvec *d = check_dv(L);
    if (d->finished || d->n) return luaL_error(L, "docvec: sentences after sentences were added");
    dp_sbd_lazy z;
    size_t tn;
    const char *text = lua_type(L, 3) == LUA_TSTRING ? lua_tolstring(L, 3, &tn) : NULL;
    if (!text || !dp_sbd_lazy_get(L, 2, &z) || z.len != tn ||
        (z.text != text && memcmp(z.text, text, tn) != 0)) {
        lua_pushnil(L);
        return 1;
    }
    lua_settop(L, 3);
    lua_pushvalue(L, 3);
    lua_setiuservalue(L, 1, 2);         /* dv:text reads it */
    d->spans_doc = 1;
    tab_clear(&d->shapes);
    tab_clear(&d->keys);
    int pre = z.n > 0x7fffffff ? 0x7fffffff : (int)z.n;
    lua_createtable(L, pre, 0);         /* 4 from */
    lua_createtable(L, pre, 0);         /* 5 to */
    lua_createtable(L, pre, 0);         /* 6 nwords */
    /* pass 1: each span's text trimmed, its offsets, its words (the new
     * ones given to term in one batch) */
    GROW(L, d, recs, z.n + 1);
    batch_begin(d);
    d->nwt = 0;
    for (size_t i = 0; i < z.n; i++) {
        struct span_rec *r = &d->recs[i];
        size_t sa = z.spans[i].start, sb = z.spans[i].end, sn;
        r->nw = 0;
        if (sb < sa || sb > tn) continue;  /* (never: spans of this text) */
        int joined;
        const char *st = span_text(L, d, &d->jbuf, &d->jbuf_cap, text, sa, sb, z.join, &sn, &joined);
        dp_span t = dp_text_trim(st, sn);
        const char *clean = st + t.start;
        size_t cn = t.end - t.start;
        r->sa = sa; r->sb = sb; r->ca = t.start; r->cb = t.end;
        r->a = sa; r->b = sb;
        if (cn && !(cn == sb - sa && memcmp(text + sa, clean, cn) == 0)) {
            size_t x = find_plain(text + sa, sb - sa, clean, cn);
            if (x != (size_t)-1) { r->a = sa + x; r->b = r->a + cn; }
        }
        dp_span last;
        r->w0 = d->nwt;
        r->nw = tokenise(L, d, clean, cn, &last);
        r->w1 = d->nwt;
        r->last_len = last.end - last.start;
    }
    batch_resolve(L, d);
    /* pass 2: the sentences with a word that repeat none before, added */
    for (size_t i = 0; i < z.n; i++) {
        const struct span_rec *r = &d->recs[i];
        if (r->nw == 0) continue;
        size_t sn;
        int joined;
        const char *st = span_text(L, d, &d->jbuf, &d->jbuf_cap, text, r->sa, r->sb, z.join, &sn, &joined);
        if (repeated(L, d, text, st + r->ca, r->cb - r->ca, r->nw, r->last_len)) continue;
        GROW(L, d, src, 5 * (d->n + 1));
        size_t *sr = d->src + 5 * d->n;
        sr[0] = r->sa; sr[1] = r->sb; sr[2] = r->ca; sr[3] = r->cb; sr[4] = (size_t)z.join;
        pend_words(L, d, r->w0, r->w1);
        commit_pending(L, d);
        lua_Integer k = (lua_Integer)d->n;
        lua_pushinteger(L, (lua_Integer)r->a + 1);
        lua_rawseti(L, 4, k);
        lua_pushinteger(L, (lua_Integer)r->b);
        lua_rawseti(L, 5, k);
        lua_pushinteger(L, (lua_Integer)r->nw);
        lua_rawseti(L, 6, k);
    }
    lua_pushinteger(L, (lua_Integer)d->n);
    lua_insert(L, 4);
    return 4;
}

static int dv_text(lua_State *L) {
    docvec *d = check_dv(L);
    size_t i = check_sentence(L, d, 2);
    if (!d->spans_doc || lua_getiuservalue(L, 1, 2) != LUA_TSTRING)
        return luaL_error(L, "docvec: text of a sentence not added by dv:sentences");
    const char *text = lua_tostring(L, -1);
    size_t n;
    const char *s = sentence_text(L, d, &d->obuf, &d->obuf_cap, text, i, &n);
    lua_pushlstring(L, s, n);
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
    { "sentences", dv_sentences },
    { "text", dv_text },
    { NULL, NULL },
};

int dp_lua_open_docvec(lua_State *L) {
    static const luaL_Reg funcs[] = {
        { "new", dv_new },
        { "rule", f_rule },
        { "meets", f_meets },
        { NULL, NULL },
    };
    static const luaL_Reg rule_methods[] = {
        { "term", rule_term },
        { NULL, NULL },
    };
    if (luaL_newmetatable(L, RULE_MT)) {
        lua_pushcfunction(L, rule_gc);
        lua_setfield(L, -2, "__gc");
        luaL_newlib(L, rule_methods);
        lua_setfield(L, -2, "__index");
    }
    lua_pop(L, 1);
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
