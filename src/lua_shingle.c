/*
 * lua_shingle.c: docpipe.shingle, words as interned ids and the repeats
 * among them (dp_shingle.c), for the clean stage's block analysis.
 *
 *   shingle.interner() -> it
 *       A word table that lives from page to page: each distinct word gets
 *       an id (1, 2, ...) once, and later pages cost one hash lookup per
 *       word, with no Lua string made for a word seen before.
 *   it:ids(texts [, flag_of [, mask [, hitmask]]]) -> lists, counts, bits, first [, hits]
 *       Tokenises each string of the list texts into the words of
 *       docpipe.text.words after ASCII lower-casing (as string.lower) and
 *       turns each word into its id. A new word gets flags flag_of(word) (an
 *       integer; 0 without flag_of), kept with its id. lists[i]: the ids of
 *       texts[i]; counts[i]: how many of its words have flags & mask ~= 0
 *       (mask 1 by default); bits[i]: the union (|) of its words' flags;
 *       first[i]: how many ids come before texts[i]'s (#texts + 1 entries,
 *       the last one the total). With hitmask, hits[i]: the ids of texts[i]'s
 *       words whose flags & hitmask ~= 0, in text order, or nil when it has
 *       none (a caller that looks a few words up needs not walk every id).
 *       The ids of the whole call, in order, are the interner's current
 *       stream (see it:repeats).
 *       flag_of may also be a table of rules, read in C with no call into
 *       Lua for each new word: { {set, bits [, list [, own]]}, ...,
 *       digit = d, year = y }. For each rule whose set is not nil (in
 *       order): when set[word] is neither nil nor false the word gets bits,
 *       or with own = true the value's own bits unless it is true (a value
 *       that is not true and no number of integer value raises), and with a
 *       list, the word is appended to it (at its raw length + 1); a word
 *       holding an ASCII digit gets d, one of exactly four ASCII digits d | y
 *       (dp_shingle_digits). The flags are the union (|): what the Lua
 *       function
 *         f = 0; for each rule: v = set and set[w]; if v then
 *           f = f | (own and v ~= true and v or bits)
 *           if list then list[#list + 1] = w end end
 *         if w:find("%d") then f = f | d end; if w is 4 digits then f = f | y end
 *       returns.
 *   it:ids(blocks, flag_of, mask, hitmask, hintbit) -> first
 *       The same with hintbit (an integer) given: blocks is a list of
 *       tables, each read by its field text, and what the lists above would
 *       hold for it is written into the block itself, in this order: ids
 *       (lists[i]), nw (#ids), nstop (counts[i]), hint (bits[i] & hintbit
 *       ~= 0), bits (bits[i]) and, with hitmask, hits (hits[i], only when
 *       it has some); first as above. One call and no Lua loop for what a
 *       tokeniser of blocks writes into them (docpipe.clean.blocks).
 *   it:intern() -> a new table word -> id of every word interned so far
 *       (built at each call from the interner's own table: no Lua string or
 *       table entry is kept for each word as it is interned)
 *   it:id(word) -> the id of word (its exact bytes), or nil when it was not
 *       interned (interns nothing)
 *   it:count() -> the number of words interned so far
 *   it:repeats(minw, maxw) -> list {i1, k1, i2, k2, ...}
 *       shingle.repeats over the current stream (the last it:ids call).
 *   shingle.contained(lists [, minw]) -> table i -> j
 *       For each list of ids lists[i] of minw (5 by default, at least 3) ids
 *       or more that appears, in order and contiguous, inside a list at least
 *       3 ids longer: the index j of the first such list (dp_shingle_contained).
 *   shingle.repeats(tok, n, minw, maxw) -> list {i1, k1, i2, k2, ...}
 *       The repeats of dp_shingle_repeats over tok[1..n] (integers): each
 *       index i (1-based, in order) at which k words come again at i + k.
 *
 * Memory: the interner's tables come from the Lua state's allocator (so
 * docpipe's memory limit counts them) and are freed with the interner.
 * Units: 1-based indices; lengths in words.
 */
#include "lua_shingle.h"
#include "dp_shingle.h"

#include <lauxlib.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define INTERNER_MT "docpipe.shingle.interner"

typedef struct slot {  /* 16 bytes: the table of 200,000 words takes 8 MB */
    uint32_t hash;
    uint32_t off, len;    /* the word in the arena */
    uint32_t id;          /* 0: empty */
} slot;

typedef struct interner {
    lua_Alloc alloc;
    void *aud;
    char *arena;          /* the words, end to end */
    size_t arena_len, arena_cap;
    slot *slots;          /* open addressing, at most half full */
    size_t cap, count;
    int64_t *flags;       /* flags[id] */
    size_t flags_cap;
    int64_t *tok;         /* the current stream */
    size_t ntok, tok_cap;
    char *low;            /* scratch: a text lower-cased */
    size_t low_cap;
    size_t *work;         /* scratch for it:repeats (3 entries a token) */
    size_t work_cap;
} interner;

/* Grow *p (elem bytes each, *cap of them) to hold at least want; 0 when
 * memory runs out. */
static int grow(interner *it, void **p, size_t *cap, size_t want, size_t elem) {
    if (want <= *cap) return 1;
    size_t c = *cap ? *cap : 64;
    while (c < want) c *= 2;
    void *q = it->alloc(it->aud, *p, *cap * elem, c * elem);
    if (!q) return 0;
    *p = q;
    *cap = c;
    return 1;
}

static uint32_t word_hash(const char *s, size_t n) {
    uint64_t h = 0xcbf29ce484222325u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3u;
    }
    return (uint32_t)(h ^ (h >> 32));
}

static int rehash(interner *it, size_t cap) {
    slot *t = it->alloc(it->aud, NULL, 0, cap * sizeof *t);
    if (!t) return 0;
    memset(t, 0, cap * sizeof *t);
    for (size_t k = 0; k < it->cap; k++) {
        if (!it->slots[k].id) continue;
        size_t s = (size_t)it->slots[k].hash & (cap - 1);
        while (t[s].id) s = (s + 1) & (cap - 1);
        t[s] = it->slots[k];
    }
    if (it->slots) it->alloc(it->aud, it->slots, it->cap * sizeof *it->slots, 0);
    it->slots = t;
    it->cap = cap;
    return 1;
}

static interner *check_it(lua_State *L) {
    return luaL_checkudata(L, 1, INTERNER_MT);
}

static int it_gc(lua_State *L) {
    interner *it = check_it(L);
    if (it->arena) it->alloc(it->aud, it->arena, it->arena_cap, 0);
    if (it->slots) it->alloc(it->aud, it->slots, it->cap * sizeof *it->slots, 0);
    if (it->flags) it->alloc(it->aud, it->flags, it->flags_cap * sizeof *it->flags, 0);
    if (it->tok) it->alloc(it->aud, it->tok, it->tok_cap * sizeof *it->tok, 0);
    if (it->low) it->alloc(it->aud, it->low, it->low_cap, 0);
    if (it->work) it->alloc(it->aud, it->work, it->work_cap * sizeof *it->work, 0);
    memset(it, 0, sizeof *it);
    it->alloc = lua_getallocf(L, &it->aud);
    return 0;
}

static int s_interner(lua_State *L) {
    interner *it = lua_newuserdatauv(L, sizeof *it, 0);
    memset(it, 0, sizeof *it);
    it->alloc = lua_getallocf(L, &it->aud);
    luaL_setmetatable(L, INTERNER_MT);
    return 1;
}

/* s[0..n) with A-Z lowered into low (string.lower in the C locale: other bytes
 * stay). Eight bytes at a time: a byte gets 0x20 when it is below 0x80, at least
 * 'A' and at most 'Z' (the high bit of each byte's sums tells, with no carry
 * between bytes as each byte is first cut to seven bits); a byte a loop costs
 * some ten instructions, the words of a page are lowered once per page. */
static void lower_ascii(const char *s, size_t n, char *low) {
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    size_t k = 0;
    for (; k + 8 <= n; k += 8) {
        uint64_t x;
        memcpy(&x, s + k, 8);
        uint64_t seven = x & ~high;
        uint64_t ge_a = seven + ones * (0x80 - 'A');    /* high bit: byte >= 'A' */
        uint64_t gt_z = seven + ones * (0x80 - 'Z' - 1); /* high bit: byte > 'Z' */
        uint64_t upper = ge_a & ~gt_z & ~x & high;       /* and below 0x80 */
        x |= upper >> 2;
        memcpy(low + k, &x, 8);
    }
    for (; k < n; k++) {
        char c = s[k];
        low[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
}

/* flag_of as a table of rules (see it:ids), read once per call: the rules'
 * sets and lists sit on the stack at the indices kept here */
#define MAX_RULES 8
typedef struct flag_rules {
    int n;
    int set[MAX_RULES], list[MAX_RULES], own[MAX_RULES]; /* list 0: none */
    int raw[MAX_RULES];   /* the set is a table with no metatable (read once a call) */
    int64_t bits[MAX_RULES];
    int64_t digit, year;
} flag_rules;

/* The flags of the new word on the stack top by the rules (the word stays). */
static int64_t rule_flags(lua_State *L, const flag_rules *r, const char *w, size_t n) {
    int64_t f = 0;
    for (int k = 0; k < r->n; k++) {
        lua_pushvalue(L, -1);
        /* as set[w] in Lua (metamethods too; a table without any answers as rawget,
         * some 40 instructions less) */
        if (r->raw[k]) lua_rawget(L, r->set[k]);
        else lua_gettable(L, r->set[k]);
        if (lua_toboolean(L, -1)) {
            if (r->own[k] && !(lua_isboolean(L, -1))) {
                /* (a number with an integer value, as Lua's | takes it: a string
                 * raises there too) */
                int isnum = 0;
                int64_t v = lua_type(L, -1) == LUA_TNUMBER ? (int64_t)lua_tointegerx(L, -1, &isnum) : 0;
                if (!isnum) luaL_error(L, "shingle: a rule's value is not an integer");
                f |= v;
            } else {
                f |= r->bits[k];
            }
            if (r->list[k]) {
                lua_pushvalue(L, -2);
                lua_rawseti(L, r->list[k], (lua_Integer)lua_rawlen(L, r->list[k]) + 1);
            }
        }
        lua_pop(L, 1);
    }
    int d = dp_shingle_digits(w, n);
    if (d) f |= r->digit;
    if (d == 2) f |= r->year;
    return f;
}

/* The id of word w[0..n), interned when new (stack: 1 the interner, 2 the
 * texts, 3 flag_of or nil; with rules (not NULL) the rules' tables read by
 * flag_rules); its flags in *flag. */
static int64_t intern_word(lua_State *L, interner *it, const char *w, size_t n, int64_t *flag,
                           const flag_rules *rules) {
    uint32_t h = word_hash(w, n);
    size_t s = (size_t)h & (it->cap - 1);
    while (it->slots[s].id) {
        slot *e = &it->slots[s];
        if (e->hash == h && e->len == n && memcmp(it->arena + e->off, w, n) == 0) {
            *flag = it->flags[e->id];
            return e->id;
        }
        s = (s + 1) & (it->cap - 1);
    }
    int64_t id = (int64_t)it->count + 1;
    if (n > UINT32_MAX || it->arena_len + n > UINT32_MAX || id > (int64_t)UINT32_MAX)
        luaL_error(L, "shingle: the interner is full (make a new one)");
    if (!grow(it, (void **)&it->arena, &it->arena_cap, it->arena_len + n, 1) ||
        !grow(it, (void **)&it->flags, &it->flags_cap, (size_t)id + 1, sizeof *it->flags))
        luaL_error(L, "shingle: out of memory");
    memcpy(it->arena + it->arena_len, w, n);
    it->slots[s].hash = h;
    it->slots[s].off = (uint32_t)it->arena_len;
    it->slots[s].len = (uint32_t)n;
    it->slots[s].id = (uint32_t)id;
    it->arena_len += n;
    it->count++;
    it->flags[id] = 0;
    int64_t f = 0;
    if (rules) {
        /* (the word's bytes are read from the arena, which only this call grows) */
        lua_pushlstring(L, w, n);
        f = rule_flags(L, rules, it->arena + it->arena_len - n, n);
        it->flags[id] = f;
        lua_pop(L, 1);
    } else if (!lua_isnil(L, 3)) {
        lua_pushlstring(L, w, n);
        lua_pushvalue(L, 3);
        lua_insert(L, -2);
        lua_call(L, 1, 1);
        int isnum;
        f = (int64_t)lua_tointegerx(L, -1, &isnum);
        if (!isnum) luaL_error(L, "shingle: flag_of must return an integer");
        it->flags[id] = f;
        lua_pop(L, 1);
    }
    /* keep the table at most half full */
    if (2 * it->count >= it->cap && !rehash(it, 2 * it->cap)) luaL_error(L, "shingle: out of memory");
    *flag = f;
    return id;
}

static int it_ids(lua_State *L) {
    interner *it = check_it(L);
    luaL_checktype(L, 2, LUA_TTABLE);
    int with_rules = lua_type(L, 3) == LUA_TTABLE;
    if (!lua_isnoneornil(L, 3) && !with_rules) luaL_checktype(L, 3, LUA_TFUNCTION);
    int64_t mask = (int64_t)luaL_optinteger(L, 4, 1);
    int with_hits = !lua_isnoneornil(L, 5);
    int64_t hitmask = with_hits ? (int64_t)luaL_checkinteger(L, 5) : 0;
    int into = !lua_isnoneornil(L, 6);
    int64_t hintbit = into ? (int64_t)luaL_checkinteger(L, 6) : 0;
    lua_settop(L, 3);
    if (!it->slots && !rehash(it, 1024)) return luaL_error(L, "shingle: out of memory");
    flag_rules rules;
    if (with_rules) {
        /* each rule's set and list on the stack, past the intern table */
        rules.n = 0;
        lua_Integer nr = (lua_Integer)lua_rawlen(L, 3);
        for (lua_Integer k = 1; k <= nr; k++) {
            if (lua_rawgeti(L, 3, k) != LUA_TTABLE) return luaL_error(L, "shingle: rule %d is not a table", (int)k);
            int e = lua_gettop(L);
            if (lua_rawgeti(L, e, 1) == LUA_TNIL) { /* no set: the rule is skipped */
                lua_pop(L, 2);
                continue;
            }
            if (rules.n == MAX_RULES) return luaL_error(L, "shingle: more than %d rules", MAX_RULES);
            int r = rules.n++;
            lua_replace(L, e); /* the set takes the rule's place */
            rules.set[r] = e;
            rules.raw[r] = lua_type(L, e) == LUA_TTABLE && !lua_getmetatable(L, e);
            if (lua_gettop(L) > e) lua_pop(L, 1); /* the metatable */
            lua_rawgeti(L, 3, k);
            lua_rawgeti(L, -1, 2);
            int isnum;
            rules.bits[r] = (int64_t)lua_tointegerx(L, -1, &isnum);
            if (!isnum) return luaL_error(L, "shingle: rule %d has no integer bits", (int)k);
            lua_pop(L, 1);
            lua_rawgeti(L, -1, 4);
            rules.own[r] = lua_toboolean(L, -1);
            lua_pop(L, 1);
            if (lua_rawgeti(L, -1, 3) == LUA_TNIL) {
                lua_pop(L, 2);
                rules.list[r] = 0;
            } else {
                luaL_checktype(L, -1, LUA_TTABLE);
                lua_remove(L, -2); /* the list stays */
                rules.list[r] = lua_gettop(L);
            }
        }
        lua_getfield(L, 3, "digit");
        rules.digit = (int64_t)luaL_optinteger(L, -1, 0);
        lua_getfield(L, 3, "year");
        rules.year = (int64_t)luaL_optinteger(L, -1, 0);
        lua_pop(L, 2);
    }
    lua_Integer nt = (lua_Integer)lua_rawlen(L, 2);
    /* (into: only first, at lists + 3, the lists' slots left empty) */
    int lists = lua_gettop(L) + 1;
    if (into) {
        lua_settop(L, lists + 2);
    } else {
        lua_createtable(L, (int)nt, 0); /* lists */
        lua_createtable(L, (int)nt, 0); /* lists + 1: counts */
        lua_createtable(L, (int)nt, 0); /* lists + 2: bits */
    }
    lua_createtable(L, (int)nt + 1, 0); /* lists + 3: first */
    if (with_hits && !into) lua_createtable(L, (int)nt, 0); /* lists + 4: hits */
    it->ntok = 0;
    for (lua_Integer i = 1; i <= nt; i++) {
        size_t len, pos = 0, start = it->ntok;
        int blk = 0;
        if (into) {
            /* the block stays on the stack (at blk) for the writes below */
            if (lua_rawgeti(L, 2, i) != LUA_TTABLE) return luaL_error(L, "shingle: blocks[%d] is not a table", (int)i);
            blk = lua_gettop(L);
            lua_getfield(L, blk, "text");
        } else {
            lua_rawgeti(L, 2, i);
        }
        const char *s = lua_tolstring(L, -1, &len);
        if (!s) return luaL_error(L, "shingle: texts[%d] is not a string", (int)i);
        /* a text of len bytes holds at most (len + 1) / 2 words */
        if (!grow(it, (void **)&it->low, &it->low_cap, len + 1, 1) ||
            !grow(it, (void **)&it->tok, &it->tok_cap, it->ntok + (len + 1) / 2, sizeof *it->tok))
            return luaL_error(L, "shingle: out of memory");
        char *low = it->low;
        lower_ascii(s, len, low);
        lua_pop(L, 1);
        int64_t count = 0, bits = 0;
        dp_span w;
        while (dp_shingle_next_word(low, len, &pos, &w)) {
            int64_t f;
            int64_t id = intern_word(L, it, it->low + w.start, w.end - w.start, &f, with_rules ? &rules : NULL);
            low = it->low;
            if (f & mask) count++;
            bits |= f;
            it->tok[it->ntok++] = id;
        }
        size_t m = it->ntok - start;
        lua_createtable(L, (int)m, 0);
        for (size_t k = 0; k < m; k++) {
            lua_pushinteger(L, (lua_Integer)it->tok[start + k]);
            lua_rawseti(L, -2, (lua_Integer)k + 1);
        }
        if (into) {
            lua_setfield(L, blk, "ids");
            lua_pushinteger(L, (lua_Integer)m);
            lua_setfield(L, blk, "nw");
            lua_pushinteger(L, (lua_Integer)count);
            lua_setfield(L, blk, "nstop");
            lua_pushboolean(L, (bits & hintbit) != 0);
            lua_setfield(L, blk, "hint");
            lua_pushinteger(L, (lua_Integer)bits);
            lua_setfield(L, blk, "bits");
        } else {
            lua_rawseti(L, lists, i);
            lua_pushinteger(L, (lua_Integer)count);
            lua_rawseti(L, lists + 1, i);
            lua_pushinteger(L, (lua_Integer)bits);
            lua_rawseti(L, lists + 2, i);
        }
        lua_pushinteger(L, (lua_Integer)start);
        lua_rawseti(L, lists + 3, i);
        if (with_hits && (bits & hitmask)) {
            lua_createtable(L, 1, 0);
            lua_Integer h = 0;
            for (size_t k = 0; k < m; k++) {
                int64_t id = it->tok[start + k];
                if (it->flags[id] & hitmask) {
                    lua_pushinteger(L, (lua_Integer)id);
                    lua_rawseti(L, -2, ++h);
                }
            }
            if (into) lua_setfield(L, blk, "hits");
            else lua_rawseti(L, lists + 4, i);
        }
        if (into) lua_pop(L, 1); /* the block */
    }
    lua_pushinteger(L, (lua_Integer)it->ntok);
    lua_rawseti(L, lists + 3, nt + 1);
    if (into) return 1;
    return with_hits ? 5 : 4;
}

static int it_intern(lua_State *L) {
    interner *it = check_it(L);
    lua_createtable(L, 0, it->count > INT_MAX ? INT_MAX : (int)it->count);
    for (size_t k = 0; k < it->cap; k++) {
        const slot *e = &it->slots[k];
        if (!e->id) continue;
        lua_pushlstring(L, it->arena + e->off, e->len);
        lua_pushinteger(L, (lua_Integer)e->id);
        lua_rawset(L, -3);
    }
    return 1;
}

/* The slot of word w[0..n) with hash h: its entry, or the empty one where it
 * would go. */
static slot *find_slot(const interner *it, const char *w, size_t n, uint32_t h) {
    size_t s = (size_t)h & (it->cap - 1);
    while (it->slots[s].id) {
        slot *e = &it->slots[s];
        if (e->hash == h && e->len == n && memcmp(it->arena + e->off, w, n) == 0) return e;
        s = (s + 1) & (it->cap - 1);
    }
    return &it->slots[s];
}

static int it_id(lua_State *L) {
    interner *it = check_it(L);
    size_t n;
    const char *w = luaL_checklstring(L, 2, &n);
    const slot *e = it->slots ? find_slot(it, w, n, word_hash(w, n)) : NULL;
    if (e && e->id) lua_pushinteger(L, (lua_Integer)e->id);
    else lua_pushnil(L);
    return 1;
}

static int it_count(lua_State *L) {
    lua_pushinteger(L, (lua_Integer)check_it(L)->count);
    return 1;
}

/* Push the flat list of (i, k) repeats of tok[0..n), 1-based; idx has room
 * for 3 n entries (NULL: a userdata is made). */
static int push_repeats(lua_State *L, const int64_t *tok, size_t n, lua_Integer minw, lua_Integer maxw,
                        size_t *idx) {
    if (minw < 0 || maxw < 0) return luaL_error(L, "shingle: negative word count");
    if (n < 2) {
        lua_createtable(L, 0, 0);
        return 1;
    }
    if (!idx) idx = lua_newuserdatauv(L, 3 * n * sizeof *idx, 0);
    size_t *nxt = idx, *out_i = idx + n, *out_k = idx + 2 * n;
    if (dp_shingle_next_pair(tok, n, (size_t)maxw, nxt) != 0) return luaL_error(L, "shingle: out of memory");
    size_t c = dp_shingle_repeats(tok, n, (size_t)minw, (size_t)maxw, nxt, out_i, out_k);
    lua_createtable(L, (int)(2 * c), 0);
    for (size_t k = 0; k < c; k++) {
        lua_pushinteger(L, (lua_Integer)out_i[k] + 1);
        lua_rawseti(L, -2, 2 * (lua_Integer)k + 1);
        lua_pushinteger(L, (lua_Integer)out_k[k]);
        lua_rawseti(L, -2, 2 * (lua_Integer)k + 2);
    }
    return 1;
}

static int it_repeats(lua_State *L) {
    interner *it = check_it(L);
    lua_Integer minw = luaL_checkinteger(L, 2), maxw = luaL_checkinteger(L, 3);
    if (!grow(it, (void **)&it->work, &it->work_cap, 3 * it->ntok, sizeof *it->work))
        return luaL_error(L, "shingle: out of memory");
    return push_repeats(L, it->tok, it->ntok, minw, maxw, it->work);
}

static int s_repeats(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer n = luaL_checkinteger(L, 2);
    lua_Integer minw = luaL_checkinteger(L, 3), maxw = luaL_checkinteger(L, 4);
    luaL_argcheck(L, n >= 0 && (lua_Unsigned)n <= lua_rawlen(L, 1), 2, "out of the list");
    size_t nn = (size_t)n;
    int64_t *tok = lua_newuserdatauv(L, (nn ? nn : 1) * sizeof *tok, 0);
    for (size_t k = 0; k < nn; k++) {
        lua_rawgeti(L, 1, (lua_Integer)k + 1);
        int isnum;
        tok[k] = (int64_t)lua_tointegerx(L, -1, &isnum);
        if (!isnum) return luaL_error(L, "shingle.repeats: tok[%d] is not an integer", (int)k + 1);
        lua_pop(L, 1);
    }
    return push_repeats(L, tok, nn, minw, maxw, NULL);
}

static int s_contained(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer minw = luaL_optinteger(L, 2, 5);
    size_t nl = lua_rawlen(L, 1), total = 0;
    for (size_t i = 0; i < nl; i++) {
        if (lua_rawgeti(L, 1, (lua_Integer)i + 1) != LUA_TTABLE)
            return luaL_error(L, "shingle.contained: lists[%d] is not a list", (int)i + 1);
        total += lua_rawlen(L, -1);
        lua_pop(L, 1);
    }
    /* the scratch comes from malloc, not from Lua (no garbage for the collector);
     * nothing below raises before it is freed */
    size_t *idx = malloc((3 * nl + 1) * sizeof *idx);
    int64_t *ids = malloc((total ? total : 1) * sizeof *ids);
    if (!idx || !ids) {
        free(idx);
        free(ids);
        return luaL_error(L, "shingle: out of memory");
    }
    size_t *start = idx, *len = idx + nl, *out = idx + 2 * nl;
    size_t o = 0;
    int bad = 0;
    for (size_t i = 0; i < nl && !bad; i++) {
        lua_rawgeti(L, 1, (lua_Integer)i + 1);
        size_t m = lua_rawlen(L, -1);
        start[i] = o;
        len[i] = m;
        for (size_t k = 1; k <= m && !bad; k++) {
            lua_rawgeti(L, -1, (lua_Integer)k);
            int isnum;
            ids[o++] = (int64_t)lua_tointegerx(L, -1, &isnum);
            if (!isnum) bad = (int)i + 1;
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    int err = bad ? 0 : dp_shingle_contained(ids, start, len, nl, minw < 3 ? 3 : (size_t)minw, out);
    if (bad || err) {
        free(idx);
        free(ids);
        if (bad) return luaL_error(L, "shingle.contained: lists[%d] holds a value that is not an integer", bad);
        return luaL_error(L, "shingle: out of memory");
    }
    lua_createtable(L, 0, 0);
    for (size_t i = 0; i < nl; i++) {
        if (!out[i]) continue;
        lua_pushinteger(L, (lua_Integer)out[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    free(idx);
    free(ids);
    return 1;
}

int dp_lua_open_shingle(lua_State *L) {
    static const luaL_Reg methods[] = {
        { "count", it_count },
        { "id", it_id },
        { "ids", it_ids },
        { "intern", it_intern },
        { "repeats", it_repeats },
        { NULL, NULL },
    };
    static const luaL_Reg funcs[] = {
        { "contained", s_contained },
        { "interner", s_interner },
        { "repeats", s_repeats },
        { NULL, NULL },
    };
    if (luaL_newmetatable(L, INTERNER_MT)) {
        luaL_newlib(L, methods);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, it_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_pop(L, 1);
    luaL_newlib(L, funcs);
    return 1;
}
