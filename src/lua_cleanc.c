/*
 * lua_cleanc.c: Lua 5.4 binding of dp_cleanc (docpipe.cleanc).
 */
#include "lua_cleanc.h"
#include "dp_cleanc.h"
#include "dp_litset.h"
#include "dp_text.h"

#include <lauxlib.h>

/*
 * cleanc.clock_mask(s, i, j) -> string or nil
 * s with its bytes i .. j (1-based, inclusive: a date's span) replaced by
 * spaces, in one call and one new string (instead of two substrings, a
 * run of spaces and their concatenation), so that a clock time is not read
 * inside the date; nil when no ASCII digit stands outside i .. j (then no
 * clock time can be read on the line: the clock patterns need a digit).
 */
static int l_clock_mask(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    lua_Integer i = luaL_checkinteger(L, 2), j = luaL_checkinteger(L, 3);
    size_t a = i < 1 ? 0 : (size_t)(i - 1);
    size_t b = j < 0 ? 0 : (size_t)j;
    if (!dp_cleanc_digit_outside(s, n, a, b)) {
        lua_pushnil(L);
        return 1;
    }
    luaL_Buffer buf;
    char *out = luaL_buffinitsize(L, &buf, n);
    dp_cleanc_mask(s, n, a, b, out);
    luaL_pushresultsize(&buf, n);
    return 1;
}

/* the words of s[lo-1 .. hi) (1-based inclusive lo .. hi, clamped as
 * string.sub clamps them) appended to the list on top of the stack from
 * index k + 1; returns the new count */
static lua_Integer push_piece_words(lua_State *L, const char *s, size_t n, lua_Integer lo,
                                    lua_Integer hi, lua_Integer k) {
    if (lo < 1) lo = 1;
    if (hi > (lua_Integer)n) hi = (lua_Integer)n;
    if (lo > hi) return k;
    size_t pos = (size_t)(lo - 1);
    dp_span w;
    while (dp_text_next_ascii_word(s, (size_t)hi, &pos, &w)) {
        lua_pushlstring(L, s + w.start, w.end - w.start);
        lua_rawseti(L, -2, ++k);
    }
    return k;
}

/*
 * cleanc.stamp_words(s, spans) -> list of words, or nil
 * The ASCII words ("[A-Za-z][A-Za-z.]*", docpipe.text.ascii_words) of s
 * outside the spans, piece by piece from the left: spans is a list of {a, b}
 * (1-based inclusive bytes) apart from each other and sorted last first, as
 * docpipe.clean.dates is_timestamp keeps them; a word running into a span is
 * cut where the span starts, as the piece alone would cut it. The same words,
 * in the same order, as one text.ascii_words call a piece, in one call. nil
 * when s holds a "(" or a byte past ASCII (the caller's general way).
 */
static int l_stamp_words(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    luaL_checktype(L, 2, LUA_TTABLE);
    if (!dp_cleanc_plain_ascii(s, n)) {
        lua_pushnil(L);
        return 1;
    }
    lua_Integer nsp = (lua_Integer)lua_rawlen(L, 2), k = 0, lo = 1;
    lua_createtable(L, 4, 0);
    for (lua_Integer i = nsp; i >= 1; i--) {
        lua_rawgeti(L, 2, i);
        luaL_checktype(L, -1, LUA_TTABLE);
        lua_rawgeti(L, -1, 1);
        lua_rawgeti(L, -2, 2);
        lua_Integer a = luaL_checkinteger(L, -2), b = luaL_checkinteger(L, -1);
        lua_pop(L, 3);
        k = push_piece_words(L, s, n, lo, a - 1, k);
        lo = b + 1;
    }
    push_piece_words(L, s, n, lo, (lua_Integer)n, k);
    return 1;
}

/*
 * cleanc.has_any(s, needle1, ..., needleK) -> boolean (K from 1 to 8)
 * Does s hold any of the needles as plain text: what
 * `find(s, needle1, 1, true) or ... or find(s, needleK, 1, true)` tells
 * (as a boolean), in one call instead of K (a line of fields' separators,
 * "|", "·", "•").
 */
#define HAS_ANY_MAX 8
static int l_has_any(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    int k = lua_gettop(L) - 1;
    luaL_argcheck(L, k >= 1 && k <= HAS_ANY_MAX, 2, "1 to 8 needles");
    const char *needle[HAS_ANY_MAX];
    size_t len[HAS_ANY_MAX];
    for (int i = 0; i < k; i++) needle[i] = luaL_checklstring(L, i + 2, &len[i]);
    lua_pushboolean(L, dp_cleanc_has_any(s, n, needle, len, (size_t)k));
    return 1;
}

/*
 * cleanc.digit_words(texts) -> table
 * The words of the strings in the list texts that hold an ASCII digit, as
 * docpipe.shingle's interner reads them (dp_shingle_next_word, after
 * string.lower: only A-Z change), each mapped to 8, or to 12 when it is four
 * ASCII digits: the bits that docpipe.clean.blocks gives a word by
 * find(w, "%d") and #w == 4 and find(w, "^%d%d%d%d$"), for all the words of a
 * page in one call instead of a pattern search for each new word.
 */
static int l_digit_words(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer nt = (lua_Integer)lua_rawlen(L, 1);
    lua_createtable(L, 0, 0);
    char buf[64];
    for (lua_Integer i = 1; i <= nt; i++) {
        lua_rawgeti(L, 1, i);
        size_t n, pos = 0;
        const char *s = lua_tolstring(L, -1, &n);
        if (!s) return luaL_error(L, "digit_words: texts[%d] is not a string", (int)i);
        dp_span w;
        while (dp_cleanc_next_digit_word(s, n, &pos, &w)) {
            size_t len = w.end - w.start;
            /* (a word longer than the buffer goes through a Lua buffer) */
            luaL_Buffer b;
            char *low = len <= sizeof buf ? buf : luaL_buffinitsize(L, &b, len);
            int all = len == 4;
            for (size_t k = 0; k < len; k++) {
                unsigned char c = (unsigned char)s[w.start + k];
                if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
                if (c < '0' || c > '9') all = 0;
                low[k] = (char)c;
            }
            if (len <= sizeof buf) lua_pushlstring(L, low, len);
            else luaL_pushresultsize(&b, len);
            lua_pushinteger(L, all ? 12 : 8);
            lua_rawset(L, -4);
        }
        lua_pop(L, 1);
    }
    return 1;
}

/*
 * cleanc.may_control(s) -> boolean
 * May s hold a control that docpipe.clean.normalize strips (dp_cleanc.h:
 * a byte 0x00-0x09, 0x0B-0x1F, 0x7F, or the UTF-8 of U+0080-U+009F, U+FEFF,
 * U+200B, U+2028-U+202E, U+2066-U+2069)? false rules out every match of the
 * PCRE2 class of those code points; true leaves the answer to the pattern.
 */
static int l_may_control(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    lua_pushboolean(L, dp_cleanc_may_control(s, n));
    return 1;
}

/* the strings of the list at index idx (its length: *count), as two arrays
 * in a userdata left on the stack (the strings stay anchored by the list),
 * with room for one size_t more a line after them (*extra) */
static void list_strings(lua_State *L, int idx, const char ***line, size_t **len, size_t *count,
                         size_t **extra) {
    luaL_checktype(L, idx, LUA_TTABLE);
    size_t n = (size_t)lua_rawlen(L, idx);
    if (n > ((size_t)1 << 26)) luaL_error(L, "too many lines");
    size_t words = n ? n : 1;
    void *mem = lua_newuserdatauv(L, words * (sizeof(char *) + 2 * sizeof(size_t)), 0);
    *line = (const char **)mem;
    *len = (size_t *)(*line + words);
    *extra = *len + words;
    for (size_t i = 0; i < n; i++) {
        if (lua_rawgeti(L, idx, (lua_Integer)i + 1) != LUA_TSTRING)
            luaL_error(L, "line %d is not a string", (int)i + 1);
        (*line)[i] = lua_tolstring(L, -1, &(*len)[i]);
        lua_pop(L, 1);
    }
    *count = n;
}

/*
 * cleanc.wrap_width(lines [, narrow]) -> W or nil [, chars]
 * The wrap column of the page whose lines (a list of strings without their
 * line feeds, as docpipe.text.lines gives them) are given, in characters:
 * docpipe.clean.blocks' wrap_width, then with narrow true its narrow_width
 * (dp_cleanc_wrap_width), in one call; nil when the page is not wrapped.
 * With a column, chars: a list of each line's length in characters (code
 * points of a valid UTF-8 line, else bytes).
 */
static int l_wrap_width(lua_State *L) {
    const char **line;
    size_t *len, *chars, n;
    int narrow = lua_toboolean(L, 2);
    list_strings(L, 1, &line, &len, &n, &chars);
    long W = dp_cleanc_wrap_width(line, len, n, narrow, chars);
    if (W < 0) return luaL_error(L, "not enough memory");
    if (W == 0) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushinteger(L, W);
    lua_createtable(L, n < (1 << 26) ? (int)n : 0, 0);
    for (size_t i = 0; i < n; i++) {
        lua_pushinteger(L, (lua_Integer)chars[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 2;
}

/*
 * cleanc.narrow_width(lines, W) -> W
 * docpipe.clean.blocks' narrow_width alone (dp_cleanc_narrow_width): a
 * narrower column than W, or W.
 */
static int l_narrow_width(lua_State *L) {
    const char **line;
    size_t *len, *chars, n;
    lua_Integer W = luaL_checkinteger(L, 2);
    luaL_argcheck(L, W > 0 && W < (1 << 30), 2, "out of range");
    list_strings(L, 1, &line, &len, &n, &chars);
    long r = dp_cleanc_narrow_width(line, len, n, (long)W);
    if (r < 0) return luaL_error(L, "not enough memory");
    lua_pushinteger(L, r);
    return 1;
}

/* cleanc.ends_open(s) -> boolean: dp_cleanc_ends_open (no sentence punctuation
 * before the white space closing s) */
static int l_ends_open(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    lua_pushboolean(L, dp_cleanc_ends_open(s, n));
    return 1;
}

/* ---- cleanc.cues: the candidates of the floating cue patterns ---------- */

#define CUES_MT "docpipe.cleanc.cues"

static dp_cleanc_cues **check_cues(lua_State *L) {
    dp_cleanc_cues **c = luaL_checkudata(L, 1, CUES_MT);
    if (!*c) luaL_error(L, "cues object is closed");
    return c;
}

/* the integers of the list at idx (at most max), into a userdata left on the
 * stack; returns them and their count in *k */
static long *int_list(lua_State *L, int idx, size_t max, size_t *k) {
    luaL_checktype(L, idx, LUA_TTABLE);
    size_t n = (size_t)lua_rawlen(L, idx);
    if (n > max) n = max;
    long *v = lua_newuserdatauv(L, (n ? n : 1) * sizeof *v, 0);
    for (size_t i = 0; i < n; i++) {
        lua_rawgeti(L, idx, (lua_Integer)i + 1);
        v[i] = (long)luaL_checkinteger(L, -1);
        lua_pop(L, 1);
    }
    *k = n;
    return v;
}

/*
 * cleanc.cues(limits) -> cues object: docpipe.clean.evidence's floating cue
 * patterns (dp_cleanc_cues), limits[o] the word limit of pattern o (numbers
 * in file order, 1-based). Methods:
 *   cues:map(id, orders)      word id (a docpipe.shingle interner's) -> the
 *                             list of pattern numbers filed under the word
 *   cues:clear()              forget every id (a new interner)
 *   cues:literal(s, bits, orders)  a literal searched for in the text, its
 *                             first byte's shape bits (0: none) and patterns
 *   cues:gather(ids, nw, text, shape, out) -> count
 *       the candidates of a block of nw words: the patterns of its trigger
 *       words' ids (a list, or false for none) and of the literals text
 *       holds (shape: its shape bits, docpipe.text.shape, or false), within
 *       their word limits, sorted, each once, written to out[1 .. count]
 */
static int l_cues_new(lua_State *L) {
    size_t k;
    long *limits = int_list(L, 1, (size_t)1 << 20, &k);
    dp_cleanc_cues **c = lua_newuserdatauv(L, sizeof *c, 0);
    *c = NULL;
    luaL_setmetatable(L, CUES_MT);
    *c = dp_cleanc_cues_new(limits, k);
    if (!*c) return luaL_error(L, "not enough memory");
    return 1;
}

static int l_cues_gc(lua_State *L) {
    dp_cleanc_cues **c = luaL_checkudata(L, 1, CUES_MT);
    dp_cleanc_cues_free(*c);
    *c = NULL;
    return 0;
}

static int l_cues_map(lua_State *L) {
    dp_cleanc_cues **c = check_cues(L);
    lua_Integer id = luaL_checkinteger(L, 2);
    size_t k;
    long *orders = int_list(L, 3, 0xFFFF, &k);
    luaL_argcheck(L, id >= 1 && (size_t)id <= DP_CLEANC_CUES_MAX_ID, 2, "out of range");
    if (!dp_cleanc_cues_map(*c, (size_t)id, orders, k)) return luaL_error(L, "not enough memory");
    return 0;
}

static int l_cues_clear(lua_State *L) {
    dp_cleanc_cues_clear(*check_cues(L));
    return 0;
}

static int l_cues_literal(lua_State *L) {
    dp_cleanc_cues **c = check_cues(L);
    size_t n, k;
    const char *s = luaL_checklstring(L, 2, &n);
    lua_Integer bits = luaL_checkinteger(L, 3);
    long *orders = int_list(L, 4, 0xFFFF, &k);
    if (!dp_cleanc_cues_literal(*c, s, n, (unsigned)bits, orders, k)) return luaL_error(L, "not enough memory");
    return 0;
}

static int l_cues_gather(lua_State *L) {
    dp_cleanc_cues *c = *check_cues(L);
    lua_Integer nw = luaL_checkinteger(L, 3);
    size_t n;
    const char *text = luaL_checklstring(L, 4, &n);
    int has_shape = lua_toboolean(L, 5);
    lua_Integer shape = has_shape ? luaL_checkinteger(L, 5) : 0;
    luaL_checktype(L, 6, LUA_TTABLE);
    dp_cleanc_cues_begin(c, (long)nw);
    if (lua_toboolean(L, 2)) {
        luaL_checktype(L, 2, LUA_TTABLE);
        lua_Integer k = (lua_Integer)lua_rawlen(L, 2);
        for (lua_Integer i = 1; i <= k; i++) {
            int isnum;
            lua_rawgeti(L, 2, i);
            lua_Integer id = lua_tointegerx(L, -1, &isnum);
            lua_pop(L, 1);
            if (isnum) dp_cleanc_cues_add_id(c, (long long)id);
        }
    }
    dp_cleanc_cues_add_text(c, text, n, has_shape, (unsigned)shape);
    const long *out;
    size_t nh = dp_cleanc_cues_end(c, &out);
    for (size_t i = 0; i < nh; i++) {
        lua_pushinteger(L, out[i]);
        lua_rawseti(L, 6, (lua_Integer)i + 1);
    }
    lua_pushinteger(L, (lua_Integer)nh);
    return 1;
}

/* ---- cleanc.litset: which literals a text holds (dp_litset) ------------- */

#define LITSET_MT "docpipe.cleanc.litset"

static dp_litset *check_litset(lua_State *L) {
    dp_litset **ls = luaL_checkudata(L, 1, LITSET_MT);
    if (!*ls) luaL_error(L, "litset object is closed");
    return *ls;
}

/*
 * cleanc.litset() -> object: a set of literals, each with a mask (an
 * integer: 64 bits), matched as bytes with ASCII letters in either case
 * (dp_litset.h: the caller leaves out what a caseless pattern may match
 * otherwise). Methods:
 *   ls:add(lit, mask)          lit: a non-empty string
 *   ls:scan(s) -> mask         the OR of the masks of the literals s holds
 *   ls:scan_list(list, max, out)
 *       for each item of list (a string, or a table whose field "text" is
 *       one), out[i] = its scan; an item longer than max bytes is not read
 *       and gets -1 (every bit: nothing ruled out)
 */
static int l_litset_new(lua_State *L) {
    dp_litset **ls = lua_newuserdatauv(L, sizeof *ls, 0);
    *ls = NULL;
    luaL_setmetatable(L, LITSET_MT);
    *ls = dp_litset_new();
    if (!*ls) return luaL_error(L, "not enough memory");
    return 1;
}

static int l_litset_gc(lua_State *L) {
    dp_litset **ls = luaL_checkudata(L, 1, LITSET_MT);
    dp_litset_free(*ls);
    *ls = NULL;
    return 0;
}

static int l_litset_add(lua_State *L) {
    dp_litset *ls = check_litset(L);
    size_t n;
    const char *s = luaL_checklstring(L, 2, &n);
    lua_Integer mask = luaL_checkinteger(L, 3);
    luaL_argcheck(L, n > 0, 2, "empty literal");
    if (!dp_litset_add(ls, s, n, (uint64_t)mask)) return luaL_error(L, "not enough memory");
    return 0;
}

/* the set, its automaton made when an add came since the last scan */
static dp_litset *prepared(lua_State *L) {
    dp_litset *ls = check_litset(L);
    if (!dp_litset_prepare(ls)) luaL_error(L, "not enough memory");
    return ls;
}

static int l_litset_scan(lua_State *L) {
    dp_litset *ls = prepared(L);
    size_t n;
    const char *s = luaL_checklstring(L, 2, &n);
    lua_pushinteger(L, (lua_Integer)dp_litset_scan(ls, s, n));
    return 1;
}

static int l_litset_scan_list(lua_State *L) {
    dp_litset *ls = prepared(L);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_Integer max = luaL_checkinteger(L, 3);
    luaL_checktype(L, 4, LUA_TTABLE);
    lua_Integer k = (lua_Integer)lua_rawlen(L, 2);
    for (lua_Integer i = 1; i <= k; i++) {
        int t = lua_rawgeti(L, 2, i);
        if (t == LUA_TTABLE) {
            lua_getfield(L, -1, "text");
            lua_remove(L, -2);
        }
        size_t n;
        const char *s = lua_tolstring(L, -1, &n);
        if (!s) return luaL_error(L, "scan_list: item %d has no text", (int)i);
        lua_Integer m = (lua_Integer)n > max ? -1 : (lua_Integer)dp_litset_scan(ls, s, n);
        lua_pop(L, 1);
        lua_pushinteger(L, m);
        lua_rawseti(L, 4, i);
    }
    return 0;
}

int dp_lua_open_cleanc(lua_State *L) {
    static const luaL_Reg litset_methods[] = {
        { "add", l_litset_add },
        { "scan", l_litset_scan },
        { "scan_list", l_litset_scan_list },
        { NULL, NULL },
    };
    if (luaL_newmetatable(L, LITSET_MT)) {
        luaL_newlib(L, litset_methods);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, l_litset_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_pop(L, 1);
    static const luaL_Reg cues_methods[] = {
        { "clear", l_cues_clear },
        { "gather", l_cues_gather },
        { "literal", l_cues_literal },
        { "map", l_cues_map },
        { NULL, NULL },
    };
    if (luaL_newmetatable(L, CUES_MT)) {
        luaL_newlib(L, cues_methods);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, l_cues_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_pop(L, 1);
    static const luaL_Reg funcs[] = {
        { "clock_mask", l_clock_mask },
        { "cues", l_cues_new },
        { "ends_open", l_ends_open },
        { "narrow_width", l_narrow_width },
        { "has_any", l_has_any },
        { "litset", l_litset_new },
        { "digit_words", l_digit_words },
        { "may_control", l_may_control },
        { "stamp_words", l_stamp_words },
        { "wrap_width", l_wrap_width },
        { NULL, NULL },
    };
    luaL_newlib(L, funcs);
    return 1;
}
