/*
 * lua_sbd.c: docpipe.sbd, the Lua binding of the sentence boundary
 * detector in dp_sbd.c.
 *
 *   docpipe.sbd.new(lists) -> detector
 *       lists: a table kind -> list of words, kind one of abbreviations,
 *       titles, numeric, time, exclamation_names, terminal, starters,
 *       time_followers, time_openers, line_continuations,
 *       initial_preceders, terminal_followers, attribution_verbs
 *       (see dp_sbd.h for how each is matched). Raises
 *       on an unknown kind or a word that is no string or number.
 *   det:split(text [, join_lines]) -> list of {text, start, end}
 *       The sentences of text (paragraph by paragraph), marked as a JSON
 *       array. start/end are 1-based inclusive byte offsets into text;
 *       `text` is text:sub(start, end), except that with join_lines (the
 *       default) each run of white space holding a line break is written
 *       as one space.
 *   det:spans(text) -> starts, ends
 *       The same sentences as two lists of offsets (1-based inclusive).
 *   det:sentences(text [, join_lines]) -> list
 *       What det:split returns, built when first read: the split is done
 *       now and only its spans are kept (with text); the first index,
 *       length, assignment or pairs() on the list builds its tables, and
 *       it is then the very list det:split would have returned (the same
 *       metatable, the same tables in the same order). Until then the JSON
 *       writer writes it straight from the spans (dp_sbd_lazy_get), byte
 *       for byte as it writes the built list: the `sentences` stage's
 *       output then costs no Lua table or string per sentence. rawlen,
 *       rawget and next() see an empty table until it is built.
 *
 * The detector owns an output buffer and the splitter's scratch memory,
 * reused from call to call, so splitting allocates nothing on the C heap
 * after the first documents.
 */
#include "lua_sbd.h"
#include "dp_sbd.h"
#include "lua_json.h"

#include <lauxlib.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SBD_MT "docpipe.sbd.detector"

typedef struct sbd_ud {
    dp_sbd *d;
    dp_span *spans;  /* reused output buffer */
    size_t cap;
    char *join;      /* reused buffer for joined sentence texts */
    size_t join_cap;
    dp_sbd_work *work;  /* the splitter's reused scratch memory */
} sbd_ud;

static sbd_ud *check_ud(lua_State *L) {
    sbd_ud *ud = (sbd_ud *)luaL_checkudata(L, 1, SBD_MT);
    if (!ud->d) luaL_error(L, "docpipe.sbd: detector already freed");
    return ud;
}

static int m_gc(lua_State *L) {
    sbd_ud *ud = (sbd_ud *)luaL_checkudata(L, 1, SBD_MT);
    dp_sbd_free(ud->d);
    dp_sbd_work_free(ud->work);
    free(ud->spans);
    free(ud->join);
    ud->work = NULL;
    ud->d = NULL;
    ud->spans = NULL;
    ud->join = NULL;
    ud->cap = ud->join_cap = 0;
    return 0;
}

/* Split the string at index 2 into ud->spans; returns the count. */
static size_t run_split(lua_State *L, sbd_ud *ud, const char *s, size_t n) {
    if (!ud->spans) {
        ud->cap = 256;
        ud->spans = malloc(ud->cap * sizeof *ud->spans);
        if (!ud->spans) { ud->cap = 0; luaL_error(L, "docpipe.sbd: out of memory"); }
    }
    if (!ud->work && !(ud->work = dp_sbd_work_new())) luaL_error(L, "docpipe.sbd: out of memory");
    for (;;) {
        size_t count = dp_sbd_split_in(ud->d, ud->work, s, n, ud->spans, ud->cap);
        if (count == (size_t)-1) luaL_error(L, "docpipe.sbd: out of memory");
        if (count <= ud->cap) return count;
        size_t cap = count + count / 4;
        dp_span *p = realloc(ud->spans, cap * sizeof *p);
        if (!p) luaL_error(L, "docpipe.sbd: out of memory");
        ud->spans = p;
        ud->cap = cap;
    }
}

size_t dp_sbd_join(const char *s, size_t n, char *o) {
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || (c >= 9 && c <= 13)) {
            size_t j = i;
            int nl = 0;
            while (j < n && (s[j] == ' ' || (s[j] >= 9 && s[j] <= 13))) {
                if (s[j] == '\n' || s[j] == '\r') nl = 1;
                j++;
            }
            if (nl) o[k++] = ' ';
            else { memcpy(o + k, s + i, j - i); k += j - i; }
            i = j;
        } else {
            o[k++] = (char)c;
            i++;
        }
    }
    return k;
}

/* Push s[0..n) with each run of white space holding CR or LF as one space
 * (*buf, *cap: a reused buffer). */
static void push_joined_in(lua_State *L, char **buf, size_t *cap, const char *s, size_t n) {
    if (!memchr(s, '\n', n) && !memchr(s, '\r', n)) {
        lua_pushlstring(L, s, n);
        return;
    }
    if (*cap < n) {
        char *p = realloc(*buf, n);
        if (!p) luaL_error(L, "docpipe.sbd: out of memory");
        *buf = p;
        *cap = n;
    }
    lua_pushlstring(L, *buf, dp_sbd_join(s, n, *buf));
}

static void push_joined(lua_State *L, sbd_ud *ud, const char *s, size_t n) {
    push_joined_in(L, &ud->join, &ud->join_cap, s, n);
}

/* det:split(text [, join_lines]) */
static int m_split(lua_State *L) {
    sbd_ud *ud = check_ud(L);
    size_t n;
    const char *s = luaL_checklstring(L, 2, &n);
    int join = lua_isnoneornil(L, 3) ? 1 : lua_toboolean(L, 3);
    size_t count = run_split(L, ud, s, n);
    /* a text without line breaks (most) has no sentence to join */
    if (join && !dp_sbd_work_had_break(ud->work)) join = 0;
    luaL_checkstack(L, 6, "docpipe.sbd");
    lua_createtable(L, count > (size_t)0x7fffffff ? 0x7fffffff : (int)count, 0);
    dp_json_push_array_mt(L);
    lua_setmetatable(L, -2);
    /* the keys are the method's upvalues: a raw set with a string at hand
     * skips lua_setfield's lookup of the C string */
    for (size_t i = 0; i < count; i++) {
        const dp_span *sp = &ud->spans[i];
        lua_createtable(L, 0, 3);
        lua_pushvalue(L, lua_upvalueindex(1));
        if (join) push_joined(L, ud, s + sp->start, sp->end - sp->start);
        else lua_pushlstring(L, s + sp->start, sp->end - sp->start);
        lua_rawset(L, -3);
        lua_pushvalue(L, lua_upvalueindex(2));
        lua_pushinteger(L, (lua_Integer)sp->start + 1);
        lua_rawset(L, -3);
        lua_pushvalue(L, lua_upvalueindex(3));
        lua_pushinteger(L, (lua_Integer)sp->end);
        lua_rawset(L, -3);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 1;
}

/* det:spans(text) -> starts, ends */
static int m_spans(lua_State *L) {
    sbd_ud *ud = check_ud(L);
    size_t n;
    const char *s = luaL_checklstring(L, 2, &n);
    size_t count = run_split(L, ud, s, n);
    int pre = count > (size_t)0x7fffffff ? 0x7fffffff : (int)count;
    lua_createtable(L, pre, 0);
    dp_json_push_array_mt(L);
    lua_setmetatable(L, -2);
    lua_createtable(L, pre, 0);
    dp_json_push_array_mt(L);
    lua_setmetatable(L, -2);
    for (size_t i = 0; i < count; i++) {
        lua_pushinteger(L, (lua_Integer)ud->spans[i].start + 1);
        lua_rawseti(L, -3, (lua_Integer)i + 1);
        lua_pushinteger(L, (lua_Integer)ud->spans[i].end);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    return 2;
}

/* ---- the unread list (det:sentences) ---------------------------------- */

#define LAZY_MT DP_SBD_LAZY_MT

/* What an unread list keeps: its spans (the text is the user value). */
typedef struct lazy_ud {
    size_t n;
    int join;
    dp_span spans[];
} lazy_ud;

/* The registry's key of the weak table list -> lazy_ud. */
static const char lazy_map_key = 0;

static void push_lazy_map(lua_State *L) {
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &lazy_map_key) == LUA_TTABLE) return;
    lua_pop(L, 1);
    lua_newtable(L);
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &lazy_map_key);
}

/* 1 when the value at idx has the unread list's metatable. */
static int has_lazy_mt(lua_State *L, int idx) {
    if (!lua_getmetatable(L, idx)) return 0;
    luaL_getmetatable(L, LAZY_MT);
    int is = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return is;
}

int dp_sbd_lazy_get(lua_State *L, int idx, dp_sbd_lazy *out) {
    if (lua_type(L, idx) != LUA_TTABLE || !lua_checkstack(L, 4)) return 0;
    idx = lua_absindex(L, idx);
    if (!has_lazy_mt(L, idx)) return 0;
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &lazy_map_key) != LUA_TTABLE) { lua_pop(L, 1); return 0; }
    lua_pushvalue(L, idx);
    lua_rawget(L, -2);
    lazy_ud *z = (lazy_ud *)lua_touserdata(L, -1);
    int ok = 0;
    if (z && lua_getiuservalue(L, -1, 1) == LUA_TSTRING) {
        out->text = lua_tolstring(L, -1, &out->len);  /* the user value keeps it */
        out->join = z->join;
        out->n = z->n;
        out->spans = z->spans;
        ok = 1;
    }
    lua_pop(L, z ? 3 : 2);
    return ok;
}

void dp_sbd_lazy_build(lua_State *L, int idx) {
    if (lua_type(L, idx) != LUA_TTABLE) return;
    idx = lua_absindex(L, idx);
    if (!has_lazy_mt(L, idx)) return;
    luaL_checkstack(L, 8, "docpipe.sbd");
    int top = lua_gettop(L);
    push_lazy_map(L);
    int map = lua_gettop(L);
    lua_pushvalue(L, idx);
    lua_rawget(L, map);
    lazy_ud *z = (lazy_ud *)lua_touserdata(L, -1);
    /* marked built first: whatever happens next, it is never built twice */
    dp_json_push_array_mt(L);
    lua_setmetatable(L, idx);
    if (z) {
        /* (its spans stay in the map, weak by the list, until the list is
         * collected: a list given back its unread metatable, as the engine's
         * snapshot does when a failing stage had read it (on_error keep or
         * skip, --errors), is built again from them, the same) */
        int zi = lua_gettop(L);
        lua_getiuservalue(L, zi, 1);
        size_t n;
        const char *s = lua_tolstring(L, -1, &n);
        char *buf = NULL;
        size_t cap = 0;
        if (z->join) {  /* a joined sentence is never longer than its span */
            for (size_t i = 0; i < z->n; i++)
                if (z->spans[i].end - z->spans[i].start > cap) cap = z->spans[i].end - z->spans[i].start;
            buf = (char *)lua_newuserdatauv(L, cap ? cap : 1, 0);  /* freed by the GC */
        }
        /* the tables det:split builds, the same way */
        for (size_t i = 0; s && i < z->n; i++) {
            const dp_span *sp = &z->spans[i];
            lua_createtable(L, 0, 3);
            lua_pushliteral(L, "text");
            if (z->join) push_joined_in(L, &buf, &cap, s + sp->start, sp->end - sp->start);
            else lua_pushlstring(L, s + sp->start, sp->end - sp->start);
            lua_rawset(L, -3);
            lua_pushliteral(L, "start");
            lua_pushinteger(L, (lua_Integer)sp->start + 1);
            lua_rawset(L, -3);
            lua_pushliteral(L, "end");
            lua_pushinteger(L, (lua_Integer)sp->end);
            lua_rawset(L, -3);
            lua_rawseti(L, idx, (lua_Integer)i + 1);
        }
    }
    lua_settop(L, top);
}

static int lz_index(lua_State *L) {
    dp_sbd_lazy_build(L, 1);
    lua_settop(L, 2);
    lua_rawget(L, 1);
    return 1;
}

static int lz_newindex(lua_State *L) {
    dp_sbd_lazy_build(L, 1);
    lua_settop(L, 3);
    lua_rawset(L, 1);
    return 0;
}

static int lz_len(lua_State *L) {
    dp_sbd_lazy_build(L, 1);
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, 1));
    return 1;
}

static int lz_next(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    if (lua_next(L, 1)) return 2;
    lua_pushnil(L);
    return 1;
}

static int lz_pairs(lua_State *L) {
    dp_sbd_lazy_build(L, 1);
    lua_pushcfunction(L, lz_next);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* det:sentences(text [, join_lines]) */
static int m_sentences(lua_State *L) {
    sbd_ud *ud = check_ud(L);
    size_t n;
    const char *s = luaL_checklstring(L, 2, &n);
    int join = lua_isnoneornil(L, 3) ? 1 : lua_toboolean(L, 3);
    size_t count = run_split(L, ud, s, n);
    if (join && !dp_sbd_work_had_break(ud->work)) join = 0;  /* nothing to join */
    luaL_checkstack(L, 6, "docpipe.sbd");
    if (count == 0) {  /* nothing to build: the empty list itself */
        lua_createtable(L, 0, 0);
        dp_json_push_array_mt(L);
        lua_setmetatable(L, -2);
        return 1;
    }
    if (count > (SIZE_MAX - sizeof(lazy_ud)) / sizeof(dp_span))
        return luaL_error(L, "docpipe.sbd: out of memory");
    lazy_ud *z = (lazy_ud *)lua_newuserdatauv(L, sizeof *z + count * sizeof(dp_span), 1);
    z->n = count;
    z->join = join;
    memcpy(z->spans, ud->spans, count * sizeof(dp_span));
    lua_pushvalue(L, 2);
    lua_setiuservalue(L, -2, 1);
    int zi = lua_gettop(L);
    lua_createtable(L, 0, 0);
    luaL_setmetatable(L, LAZY_MT);
    int list = lua_gettop(L);
    push_lazy_map(L);
    lua_pushvalue(L, list);
    lua_pushvalue(L, zi);
    lua_rawset(L, -3);
    lua_settop(L, list);
    return 1;
}

static int m_tostring(lua_State *L) {
    sbd_ud *ud = (sbd_ud *)luaL_checkudata(L, 1, SBD_MT);
    lua_pushfstring(L, "docpipe.sbd detector (%p)", (void *)ud);
    return 1;
}

/* docpipe.sbd.new(lists) */
static int f_new(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    sbd_ud *ud = (sbd_ud *)lua_newuserdatauv(L, sizeof *ud, 0);
    memset(ud, 0, sizeof *ud);
    luaL_setmetatable(L, SBD_MT);
    ud->d = dp_sbd_new();
    if (!ud->d) return luaL_error(L, "docpipe.sbd: out of memory");
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        /* key at -2, list at -1 */
        if (lua_type(L, -2) != LUA_TSTRING)
            return luaL_error(L, "docpipe.sbd.new: list names must be strings");
        const char *kind = lua_tostring(L, -2);
        int list = dp_sbd_list_by_name(kind);
        if (list < 0) return luaL_error(L, "docpipe.sbd.new: unknown list '%s'", kind);
        if (!lua_istable(L, -1))
            return luaL_error(L, "docpipe.sbd.new: list '%s' must be a table of words", kind);
        lua_Integer len = (lua_Integer)lua_rawlen(L, -1);
        for (lua_Integer i = 1; i <= len; i++) {
            int t = lua_rawgeti(L, -1, i);
            if (t != LUA_TSTRING && t != LUA_TNUMBER)
                return luaL_error(L, "docpipe.sbd.new: list '%s' item %d is a %s, not a word", kind,
                                  (int)i, luaL_typename(L, -1));
            size_t wl;
            const char *w = lua_tolstring(L, -1, &wl);  /* converts a number on the stack only */
            if (dp_sbd_add_word(ud->d, (dp_sbd_list)list, w, wl) != 0)
                return luaL_error(L, "docpipe.sbd: out of memory");
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    return 1;
}

int dp_lua_open_sbd(lua_State *L) {
    static const luaL_Reg methods[] = {
        {"split", m_split},
        {"spans", m_spans},
        {"sentences", m_sentences},
        {NULL, NULL}
    };
    static const luaL_Reg meta[] = {
        {"__gc", m_gc},
        {"__tostring", m_tostring},
        {NULL, NULL}
    };
    static const luaL_Reg funcs[] = {
        {"new", f_new},
        {NULL, NULL}
    };
    if (luaL_newmetatable(L, SBD_MT)) {
        luaL_setfuncs(L, meta, 0);
        luaL_newlibtable(L, methods);
        lua_pushliteral(L, "text");
        lua_pushliteral(L, "start");
        lua_pushliteral(L, "end");
        luaL_setfuncs(L, methods, 3);  /* the keys of a sentence table */
        lua_setfield(L, -2, "__index");
    }
    lua_pop(L, 1);
    if (luaL_newmetatable(L, LAZY_MT)) {
        static const luaL_Reg lazy[] = {
            {"__index", lz_index},
            {"__newindex", lz_newindex},
            {"__len", lz_len},
            {"__pairs", lz_pairs},
            {NULL, NULL}
        };
        luaL_setfuncs(L, lazy, 0);
        lua_pushliteral(L, "array");  /* a list, as the built one is */
        lua_setfield(L, -2, "__name");
    }
    lua_pop(L, 1);
    luaL_newlib(L, funcs);
    return 1;
}
