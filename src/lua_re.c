/*
 * lua_re.c: the Lua binding of dp_regex, the table docpipe.re.
 *
 * Units: Lua offsets are 1-based, inclusive byte offsets (an empty match
 * at byte i is reported as start i, end i - 1, like string.find).
 *
 *   re.compile(pat [, flags])  -> regex (userdata "docpipe.regex"); flags is a
 *                                 string of i m s x. Given a regex, returns it.
 *   rx:find(s [, init])        -> start, end, captures... | nil
 *   rx:match(s [, init])       -> captures... (or the whole match) | nil
 *   rx:gmatch(s [, init])      -> iterator yielding captures (or the whole match)
 *   rx:gsub(s, repl [, n])     -> string, number of matches
 *   rx:split(s [, max])        -> list of pieces
 *   rx:first_bytes()           -> set of the bytes that may open a match at
 *                                 position 1: a table byte value -> true
 *                                 (dp_regex_first_bytes; 128..255 always in)
 *   re.find(s, pat [, init [, flags]]), re.match(...), re.gmatch(...),
 *   re.gsub(s, pat, repl [, n [, flags]]), re.split(s, pat [, max [, flags]]):
 *                                 pat is a pattern string (compiled through
 *                                 the cache) or a regex (then flags must be nil).
 *   re.escape(s)               -> pattern matching s literally (extension)
 *
 * Details:
 *  - init may be negative (counts from the end) as in string.find; an init
 *    beyond #s + 1 gives no match.
 *  - A capture group that did not take part in the match is returned as
 *    false (so the number of results is fixed).
 *  - Iteration (gmatch, gsub, split) follows Lua 5.4's string.gsub rule: an
 *    empty match is not accepted where the previous match ended; after a
 *    refused empty match the search resumes one UTF-8 character later.
 *  - gsub repl: a string where $0 is the whole match, $N / ${N} group N,
 *    ${name} a named group, $$ a dollar sign (an unset group inserts
 *    nothing; any other use of $ raises); a table indexed with the first
 *    capture (or the whole match); or a function called with the captures
 *    (or the whole match). A false or nil result from the table or
 *    function keeps the original text. n limits the number of
 *    replacements; the count returned is the number of matches replaced.
 *  - split returns the pieces between matches; captures in the separator
 *    are not included; a zero-width match at the start or end of s does
 *    not split (so "abc" split on "" gives a, b, c), while a non-empty
 *    separator there yields an empty first / last piece. max > 0 limits
 *    the number of pieces (the last piece holds the rest). An empty s
 *    gives { "" }.
 *  - Compiled patterns are cached (LRU, CACHE_CAPACITY entries) by
 *    (pattern, flags); a regex object holds its own reference, so eviction
 *    never invalidates it.
 *  - Errors: wrong arguments raise the usual "bad argument #N to 'NAME'
 *    (...)"; a bad pattern raises "docpipe.re: bad pattern at offset N:
 *    MESSAGE" (N: 0-based byte offset in the pattern, as PCRE2 reports it).
 */
#include <stdint.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "dp_regex.h"
#include "lua_re.h"

#define RE_MT "docpipe.regex"
#define STATE_MT "docpipe.re.state"
#define CACHE_CAPACITY 256
#define LOCAL_OV 32 /* ovector slots kept on the C stack (16 pairs) */

typedef struct {
    dp_regex_cache *cache;
    dp_match *m;
    int held;       /* regex userdata in the state's user value (see arg_regex) */
} re_state;

typedef struct {
    const void *tag; /* &rx_tag: tells a regex userdata (see test_rx) */
    dp_regex *re;    /* one reference, dropped by __gc */
} re_ud;

/* The address every regex userdata holds in its tag. */
static const char rx_tag = 0;

/* ---- helpers ---------------------------------------------------------- */

static re_state *get_state(lua_State *L) {
    re_state *st = (re_state *)lua_touserdata(L, lua_upvalueindex(1));
    /* only in finalizers running after the state's own, at lua_close */
    if (!st->cache || !st->m) luaL_error(L, "docpipe.re: used after the module was closed");
    return st;
}

/* The regex userdata at idx, or NULL. Told by its size and its tag, not
 * by its metatable: luaL_testudata looks the metatable up in the registry
 * by name, and even a comparison with the metatable costs three API calls,
 * most of the cost of a short match. (lua_rawlen is 0 for anything but a
 * full userdata or a string, so only a full userdata of a regex's size has
 * its first bytes read; no other userdata holds the address of rx_tag.) */
static re_ud *test_rx(lua_State *L, int idx) {
    re_ud *ud = (re_ud *)lua_touserdata(L, idx);
    if (ud && lua_rawlen(L, idx) == sizeof *ud && ud->tag == &rx_tag) return ud;
    return NULL;
}

static dp_regex *check_rx(lua_State *L, int idx) {
    re_ud *ud = test_rx(L, idx);
    if (!ud || !ud->re) {
        if (!ud) luaL_typeerror(L, idx, RE_MT);
        luaL_argerror(L, idx, "regex was freed");
    }
    return ud->re;
}

static unsigned check_flags(lua_State *L, int idx) {
    size_t n;
    const char *f = luaL_optlstring(L, idx, "", &n);
    unsigned flags = 0;
    for (size_t i = 0; i < n; i++) {
        switch (f[i]) {
        case 'i': flags |= DP_RE_CASELESS; break;
        case 'm': flags |= DP_RE_MULTILINE; break;
        case 's': flags |= DP_RE_DOTALL; break;
        case 'x': flags |= DP_RE_EXTENDED; break;
        default:
            return (unsigned)luaL_argerror(L, idx,
                lua_pushfstring(L, "invalid flag '%c' (expected i, m, s or x)", f[i]));
        }
    }
    return flags;
}

/* Push a new, empty regex userdata (filled in by the caller). */
static re_ud *new_ud(lua_State *L) {
    re_ud *ud = (re_ud *)lua_newuserdatauv(L, sizeof *ud, 0);
    ud->tag = &rx_tag;
    ud->re = NULL;
    luaL_setmetatable(L, RE_MT);
    return ud;
}

/* Cached regex for pattern string at pidx with flags at fidx; raises. */
static dp_regex *cached(lua_State *L, re_state *st, int pidx, int fidx) {
    size_t plen;
    const char *pat = luaL_checklstring(L, pidx, &plen);
    unsigned flags = check_flags(L, fidx);
    char err[256];
    dp_regex *re = dp_regex_cache_get(st->cache, pat, plen, flags, err, sizeof err);
    if (!re) luaL_error(L, "docpipe.re: %s", err);
    return re;
}

/*
 * The regex for module-function argument pidx: a regex userdata, or a
 * pattern compiled with the flags at fidx. A cached regex is kept alive by
 * a userdata pushed on the stack: any allocation may run a finalizer that
 * uses docpipe.re and evicts cache entries while the regex is in use.
 * That userdata is kept too, in the state's user value (a list indexed by
 * flags + 1 of tables pattern -> regex userdata), so that a pattern string
 * used again costs a table lookup: a new userdata a call (made, then
 * finalized by the collector) and the hashing of the pattern for the cache
 * cost more than most matches. Past CACHE_CAPACITY patterns the tables
 * start empty again (the collector frees the userdata no longer held).
 * Upvalue 1 is the state.
 */
static dp_regex *arg_regex(lua_State *L, re_state *st, int pidx, int fidx) {
    re_ud *ud = test_rx(L, pidx);
    if (ud) {
        if (!lua_isnoneornil(L, fidx))
            luaL_argerror(L, fidx, "flags must be nil when a compiled regex is given");
        return check_rx(L, pidx);
    }
    luaL_checkstring(L, pidx);
    unsigned flags = check_flags(L, fidx);
    if (lua_getiuservalue(L, lua_upvalueindex(1), 1) != LUA_TTABLE) { /* held */
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setiuservalue(L, lua_upvalueindex(1), 1);
        st->held = 0;
    }
    if (lua_rawgeti(L, -1, (lua_Integer)flags + 1) != LUA_TTABLE) { /* held, by_pattern */
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_rawseti(L, -3, (lua_Integer)flags + 1);
    }
    lua_pushvalue(L, pidx);
    if (lua_rawget(L, -2) == LUA_TUSERDATA) { /* held, by_pattern, ud */
        lua_replace(L, -3);
        lua_pop(L, 1);
        return ((re_ud *)lua_touserdata(L, -1))->re;
    }
    lua_pop(L, 1);
    re_ud *holder = new_ud(L); /* held, by_pattern, ud */
    holder->re = dp_regex_retain(cached(L, st, pidx, fidx));
    if (st->held >= CACHE_CAPACITY) {
        lua_newtable(L);
        lua_setiuservalue(L, lua_upvalueindex(1), 1);
        st->held = 0;
    } else {
        lua_pushvalue(L, pidx);
        lua_pushvalue(L, -2);
        lua_rawset(L, -4);
        st->held++;
    }
    lua_replace(L, -3);
    lua_pop(L, 1);
    return holder->re;
}

/* Start position from a Lua init (1-based, negative from the end), 0-based. */
static size_t start_pos(lua_Integer pos, size_t len) {
    if (pos > 0) return (size_t)pos - 1;
    if (pos == 0 || pos < -(lua_Integer)len) return 0;
    return len - (size_t)(-pos);
}

/* Storage for a copy of the ovector: on the C stack or in a userdata. */
static size_t *ov_buffer(lua_State *L, const dp_regex *re, size_t *local) {
    size_t need = 2 * ((size_t)dp_regex_capture_count(re) + 1);
    if (need <= LOCAL_OV) return local;
    return (size_t *)lua_newuserdatauv(L, need * sizeof(size_t), 0);
}

/*
 * Run re on s from start; on a match copy all offsets into ov (so that
 * Lua code run afterwards cannot clobber them) and return 1; 0 if none.
 */
static int exec(lua_State *L, re_state *st, const dp_regex *re, const char *s,
                size_t len, size_t start, size_t *ov) {
    int rc = dp_regex_exec(re, s, len, start, st->m);
    if (rc < 0) {
        char msg[256];
        dp_regex_error_message(rc, msg, sizeof msg);
        return luaL_error(L, "docpipe.re: match failed: %s", msg);
    }
    if (rc == 0) return 0;
    unsigned pairs = dp_regex_capture_count(re) + 1;
    for (unsigned g = 0; g < pairs; g++) {
        ov[2 * g] = dp_match_start(st->m, g);
        ov[2 * g + 1] = dp_match_end(st->m, g);
    }
    return 1;
}

/* Byte length of the UTF-8 character at s[i] (1 for an invalid byte). */
static size_t utf8_step(const char *str, size_t len, size_t i) {
    const unsigned char *s = (const unsigned char *)str;
    unsigned c = s[i];
    size_t n;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) n = 2;
    else if (c >= 0xE0 && c <= 0xEF) n = 3;
    else if (c >= 0xF0 && c <= 0xF4) n = 4;
    else return 1;
    if (n > len - i) return 1;
    for (size_t k = 1; k < n; k++)
        if ((s[i + k] & 0xC0) != 0x80) return 1;
    if ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] >= 0xA0) ||
        (c == 0xF0 && s[i + 1] < 0x90) || (c == 0xF4 && s[i + 1] >= 0x90))
        return 1;
    return n;
}

/*
 * Next acceptable match at or after pos, where last is the end of the
 * previous match (SIZE_MAX for none): an empty match at last is refused
 * and the search resumes one character further (Lua 5.4's rule).
 */
static int next_match(lua_State *L, re_state *st, const dp_regex *re, const char *s,
                      size_t len, size_t pos, size_t last, size_t *ov) {
    while (pos <= len) {
        if (!exec(L, st, re, s, len, pos, ov)) return 0;
        if (ov[0] != ov[1] || ov[0] != last) return 1;
        if (ov[0] >= len) return 0;
        pos = ov[0] + utf8_step(s, len, ov[0]);
    }
    return 0;
}

/* Push group g (false when unset). */
static void push_group(lua_State *L, const char *s, const size_t *ov, unsigned g) {
    if (ov[2 * g] == DP_RE_UNSET) lua_pushboolean(L, 0);
    else lua_pushlstring(L, s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
}

/* Push the captures, or the whole match when whole and there are none. */
static int push_captures(lua_State *L, const dp_regex *re, const char *s,
                         const size_t *ov, int whole) {
    unsigned n = dp_regex_capture_count(re);
    if (n == 0) {
        if (!whole) return 0;
        push_group(L, s, ov, 0);
        return 1;
    }
    luaL_checkstack(L, (int)n, "too many captures");
    for (unsigned g = 1; g <= n; g++) push_group(L, s, ov, g);
    return (int)n;
}

/* ---- find / match ----------------------------------------------------- */

static int do_find(lua_State *L, re_state *st, const dp_regex *re, int sidx, int iidx, int find) {
    size_t len;
    const char *s = luaL_checklstring(L, sidx, &len);
    size_t init = start_pos(luaL_optinteger(L, iidx, 1), len);
    if (init > len) {
        luaL_pushfail(L);
        return 1;
    }
    size_t local[LOCAL_OV];
    size_t *ov = ov_buffer(L, re, local);
    if (!exec(L, st, re, s, len, init, ov)) {
        luaL_pushfail(L);
        return 1;
    }
    if (!find) return push_captures(L, re, s, ov, 1);
    lua_pushinteger(L, (lua_Integer)ov[0] + 1);
    lua_pushinteger(L, (lua_Integer)ov[1]);
    return 2 + push_captures(L, re, s, ov, 0);
}

/* ---- gmatch ----------------------------------------------------------- */

/* upvalues: state, regex userdata, subject, next position, end of last match */
static int gmatch_aux(lua_State *L) {
    re_state *st = get_state(L);
    const dp_regex *re = check_rx(L, lua_upvalueindex(2));
    size_t len;
    const char *s = lua_tolstring(L, lua_upvalueindex(3), &len);
    lua_Integer pos = lua_tointeger(L, lua_upvalueindex(4));
    lua_Integer last = lua_tointeger(L, lua_upvalueindex(5));
    if (pos < 0 || (size_t)pos > len) return 0;
    size_t local[LOCAL_OV];
    size_t *ov = ov_buffer(L, re, local);
    if (!next_match(L, st, re, s, len, (size_t)pos, last < 0 ? SIZE_MAX : (size_t)last, ov)) {
        lua_pushinteger(L, (lua_Integer)len + 1); /* exhausted */
        lua_replace(L, lua_upvalueindex(4));
        return 0;
    }
    lua_pushinteger(L, (lua_Integer)ov[1]);
    lua_replace(L, lua_upvalueindex(4));
    lua_pushinteger(L, (lua_Integer)ov[1]);
    lua_replace(L, lua_upvalueindex(5));
    return push_captures(L, re, s, ov, 1);
}

static int do_gmatch(lua_State *L, int rxidx, int sidx, int iidx) {
    size_t len;
    luaL_checklstring(L, sidx, &len);
    size_t init = start_pos(luaL_optinteger(L, iidx, 1), len);
    if (init > len) init = len + 1; /* nothing to iterate */
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, rxidx);
    lua_pushvalue(L, sidx);
    lua_pushinteger(L, (lua_Integer)init);
    lua_pushinteger(L, -1);
    lua_pushcclosure(L, gmatch_aux, 5);
    return 1;
}

/* ---- gsub ------------------------------------------------------------- */

/*
 * Parse the reference after the '$' at r[*i] (i points at the '$').
 * Returns the group number, or -1 for "$$"; advances *i past it; raises
 * on malformed references and unknown groups.
 */
static int repl_ref(lua_State *L, const dp_regex *re, const char *r, size_t rlen, size_t *i) {
    size_t j = *i + 1;
    unsigned ncap = dp_regex_capture_count(re);
    if (j < rlen && r[j] == '$') {
        *i = j + 1;
        return -1;
    }
    int braced = j < rlen && r[j] == '{';
    if (braced) j++;
    size_t from = j;
    long g = -1;
    if (j < rlen && r[j] >= '0' && r[j] <= '9') {
        g = 0;
        while (j < rlen && r[j] >= '0' && r[j] <= '9') {
            if (g <= 100000) g = g * 10 + (r[j] - '0');
            j++;
        }
    } else if (braced) {
        while (j < rlen && r[j] != '}') j++;
    }
    if (j == from || (braced && (j >= rlen || r[j] != '}')))
        return luaL_error(L, "docpipe.re: invalid use of '$' in replacement string");
    if (g < 0) { /* ${name} */
        char name[256];
        size_t n = j - from;
        int idx = -1;
        if (n < sizeof name && memchr(r + from, '\0', n) == NULL) {
            memcpy(name, r + from, n);
            name[n] = '\0';
            idx = dp_regex_group_index(re, name);
        }
        if (idx < 0)
            return luaL_error(L, "docpipe.re: unknown group name '%s' in replacement string",
                              lua_pushlstring(L, r + from, n));
        g = idx;
    } else if (g > (long)ncap) {
        return luaL_error(L, "docpipe.re: invalid capture index $%s in replacement string",
                          lua_pushlstring(L, r + from, j - from));
    }
    *i = braced ? j + 1 : j;
    return (int)g;
}

/* Check a replacement string once, before any match (b == NULL), or expand it. */
static void expand_repl(lua_State *L, luaL_Buffer *b, const dp_regex *re, const char *r,
                        size_t rlen, const char *s, const size_t *ov) {
    size_t i = 0;
    while (i < rlen) {
        const char *dollar = memchr(r + i, '$', rlen - i);
        size_t lit = dollar ? (size_t)(dollar - (r + i)) : rlen - i;
        if (b && lit) luaL_addlstring(b, r + i, lit);
        i += lit;
        if (i >= rlen) break;
        int g = repl_ref(L, re, r, rlen, &i);
        if (!b) continue;
        if (g < 0) luaL_addchar(b, '$');
        else if (ov[2 * g] != DP_RE_UNSET)
            luaL_addlstring(b, s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
    }
}

static int do_gsub(lua_State *L, re_state *st, const dp_regex *re, int sidx, int ridx, int nidx) {
    size_t len, rlen = 0;
    const char *s = luaL_checklstring(L, sidx, &len);
    int rt = lua_type(L, ridx);
    luaL_argexpected(L, rt == LUA_TNUMBER || rt == LUA_TSTRING || rt == LUA_TFUNCTION ||
                     rt == LUA_TTABLE, ridx, "string/function/table");
    lua_Integer maxn = luaL_optinteger(L, nidx, LUA_MAXINTEGER);
    const char *r = NULL;
    if (rt == LUA_TNUMBER || rt == LUA_TSTRING) {
        r = lua_tolstring(L, ridx, &rlen);
        expand_repl(L, NULL, re, r, rlen, s, NULL); /* raises on a bad reference */
    }
    size_t local[LOCAL_OV];
    size_t *ov = ov_buffer(L, re, local);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    size_t pos = 0, last = SIZE_MAX, copied = 0;
    lua_Integer n = 0;
    while (n < maxn && next_match(L, st, re, s, len, pos, last, ov)) {
        n++;
        luaL_addlstring(&b, s + copied, ov[0] - copied);
        if (r) {
            expand_repl(L, &b, re, r, rlen, s, ov);
        } else {
            if (rt == LUA_TFUNCTION) {
                lua_pushvalue(L, ridx);
                int nargs = push_captures(L, re, s, ov, 1);
                lua_call(L, nargs, 1);
            } else {
                unsigned g = dp_regex_capture_count(re) > 0 ? 1 : 0;
                push_group(L, s, ov, g);
                lua_gettable(L, ridx);
            }
            if (!lua_toboolean(L, -1)) {
                lua_pop(L, 1);
                luaL_addlstring(&b, s + ov[0], ov[1] - ov[0]);
            } else if (!lua_isstring(L, -1)) {
                return luaL_error(L, "docpipe.re: invalid replacement value (a %s)",
                                  luaL_typename(L, -1));
            } else {
                luaL_addvalue(&b);
            }
        }
        copied = pos = last = ov[1];
    }
    luaL_addlstring(&b, s + copied, len - copied);
    luaL_pushresult(&b);
    lua_pushinteger(L, n);
    return 2;
}

/* ---- split ------------------------------------------------------------ */

static int do_split(lua_State *L, re_state *st, const dp_regex *re, int sidx, int midx) {
    size_t len;
    const char *s = luaL_checklstring(L, sidx, &len);
    lua_Integer maxp = luaL_optinteger(L, midx, 0);
    size_t local[LOCAL_OV];
    size_t *ov = ov_buffer(L, re, local);
    lua_newtable(L);
    int t = lua_gettop(L);
    lua_Integer np = 0;
    size_t pos = 0, last = SIZE_MAX, copied = 0;
    while ((maxp <= 0 || np < maxp - 1) && next_match(L, st, re, s, len, pos, last, ov)) {
        pos = last = ov[1];
        if (ov[0] == ov[1] && (ov[0] == 0 || ov[0] == len)) continue;
        lua_pushlstring(L, s + copied, ov[0] - copied);
        lua_rawseti(L, t, ++np);
        copied = ov[1];
    }
    lua_pushlstring(L, s + copied, len - copied);
    lua_rawseti(L, t, ++np);
    lua_settop(L, t);
    return 1;
}

/* ---- regex methods ---------------------------------------------------- */

/* (find and match take their arguments where they are: the helpers push
 * above them and return the values on top, and a lua_settop to fix the
 * slots would cost a tenth of a short match) */
static int m_find(lua_State *L) {
    return do_find(L, get_state(L), check_rx(L, 1), 2, 3, 1);
}

static int m_gmatch(lua_State *L) {
    lua_settop(L, 3);
    check_rx(L, 1);
    return do_gmatch(L, 1, 2, 3);
}

static int m_gsub(lua_State *L) {
    lua_settop(L, 4);
    return do_gsub(L, get_state(L), check_rx(L, 1), 2, 3, 4);
}

static int m_match(lua_State *L) {
    return do_find(L, get_state(L), check_rx(L, 1), 2, 3, 0);
}

static int m_split(lua_State *L) {
    lua_settop(L, 3);
    return do_split(L, get_state(L), check_rx(L, 1), 2, 3);
}

static int m_first_bytes(lua_State *L) {
    const dp_regex *re = check_rx(L, 1);
    unsigned char set[256];
    if (dp_regex_first_bytes(re, set) != 0) return luaL_error(L, "docpipe.re: out of memory");
    lua_createtable(L, 0, 0);
    for (int c = 0; c < 256; c++) {
        if (!set[c]) continue;
        lua_pushboolean(L, 1);
        lua_rawseti(L, -2, c);
    }
    return 1;
}

static int m_gc(lua_State *L) {
    re_ud *ud = (re_ud *)luaL_checkudata(L, 1, RE_MT);
    dp_regex_free(ud->re);
    ud->re = NULL;
    return 0;
}

static int m_tostring(lua_State *L) {
    re_ud *ud = (re_ud *)luaL_checkudata(L, 1, RE_MT);
    if (!ud->re) {
        lua_pushliteral(L, "docpipe.regex (freed)");
        return 1;
    }
    size_t plen;
    const char *pat = dp_regex_pattern(ud->re, &plen);
    unsigned flags = dp_regex_flags(ud->re);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addstring(&b, "docpipe.regex /");
    luaL_addlstring(&b, pat, plen);
    luaL_addchar(&b, '/');
    if (flags & DP_RE_CASELESS) luaL_addchar(&b, 'i');
    if (flags & DP_RE_MULTILINE) luaL_addchar(&b, 'm');
    if (flags & DP_RE_DOTALL) luaL_addchar(&b, 's');
    if (flags & DP_RE_EXTENDED) luaL_addchar(&b, 'x');
    luaL_pushresult(&b);
    return 1;
}

/* ---- module functions ------------------------------------------------- */

static int f_compile(lua_State *L) {
    lua_settop(L, 2);
    if (test_rx(L, 1)) {
        if (!lua_isnoneornil(L, 2))
            luaL_argerror(L, 2, "flags must be nil when a compiled regex is given");
        check_rx(L, 1);
        lua_settop(L, 1);
        return 1;
    }
    luaL_checkstring(L, 1);
    check_flags(L, 2);
    re_ud *ud = new_ud(L);
    ud->re = dp_regex_retain(cached(L, get_state(L), 1, 2));
    return 1;
}

static int f_escape(lua_State *L) {
    size_t len;
    const char *s = luaL_checklstring(L, 1, &len);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0) {
            luaL_addstring(&b, "\\x00");
            continue;
        }
        if (c < 0x80 && c != '_' && !(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z') &&
            !(c >= 'A' && c <= 'Z'))
            luaL_addchar(&b, '\\');
        luaL_addchar(&b, (char)c);
    }
    luaL_pushresult(&b);
    return 1;
}

static int f_find(lua_State *L) {
    lua_settop(L, 4);
    luaL_checkstring(L, 1);
    re_state *st = get_state(L);
    return do_find(L, st, arg_regex(L, st, 2, 4), 1, 3, 1);
}

static int f_gmatch(lua_State *L) {
    lua_settop(L, 4);
    luaL_checkstring(L, 1);
    if (test_rx(L, 2)) {
        arg_regex(L, get_state(L), 2, 4); /* checks flags */
        return do_gmatch(L, 2, 1, 3);
    }
    arg_regex(L, get_state(L), 2, 4); /* pushes the holder */
    return do_gmatch(L, lua_gettop(L), 1, 3);
}

static int f_gsub(lua_State *L) {
    lua_settop(L, 5);
    luaL_checkstring(L, 1);
    re_state *st = get_state(L);
    return do_gsub(L, st, arg_regex(L, st, 2, 5), 1, 3, 4);
}

static int f_match(lua_State *L) {
    lua_settop(L, 4);
    luaL_checkstring(L, 1);
    re_state *st = get_state(L);
    return do_find(L, st, arg_regex(L, st, 2, 4), 1, 3, 0);
}

static int f_split(lua_State *L) {
    lua_settop(L, 4);
    luaL_checkstring(L, 1);
    re_state *st = get_state(L);
    return do_split(L, st, arg_regex(L, st, 2, 4), 1, 3);
}

static int state_gc(lua_State *L) {
    re_state *st = (re_state *)luaL_checkudata(L, 1, STATE_MT);
    dp_regex_cache_free(st->cache);
    dp_match_free(st->m);
    st->cache = NULL;
    st->m = NULL;
    return 0;
}

static const luaL_Reg re_methods[] = {
    {"find", m_find},
    {"first_bytes", m_first_bytes},
    {"gmatch", m_gmatch},
    {"gsub", m_gsub},
    {"match", m_match},
    {"split", m_split},
    {NULL, NULL}
};

static const luaL_Reg re_meta[] = {
    {"__gc", m_gc},
    {"__tostring", m_tostring},
    {NULL, NULL}
};

static const luaL_Reg re_funcs[] = {
    {"compile", f_compile},
    {"escape", f_escape},
    {"find", f_find},
    {"gmatch", f_gmatch},
    {"gsub", f_gsub},
    {"match", f_match},
    {"split", f_split},
    {NULL, NULL}
};

int dp_lua_open_re(lua_State *L) {
    re_state *st = (re_state *)lua_newuserdatauv(L, sizeof *st, 1);
    st->cache = NULL;
    st->m = NULL;
    st->held = 0;
    if (luaL_newmetatable(L, STATE_MT)) {
        lua_pushcfunction(L, state_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    st->cache = dp_regex_cache_new(CACHE_CAPACITY);
    st->m = dp_match_new(NULL);
    if (!st->cache || !st->m) return luaL_error(L, "docpipe.re: out of memory");
    int sidx = lua_gettop(L);

    luaL_newmetatable(L, RE_MT); /* (re)bind the methods to this state */
    luaL_newlibtable(L, re_methods);
    lua_pushvalue(L, sidx);
    luaL_setfuncs(L, re_methods, 1);
    lua_setfield(L, -2, "__index");
    luaL_setfuncs(L, re_meta, 0);
    lua_pop(L, 1);

    luaL_newlibtable(L, re_funcs);
    lua_pushvalue(L, sidx);
    luaL_setfuncs(L, re_funcs, 1);
    lua_remove(L, sidx);
    return 1;
}
