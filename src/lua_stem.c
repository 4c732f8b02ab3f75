/*
 * lua_stem.c: docpipe.stem, the Lua binding of the stemmers in dp_stem.c.
 *
 *   docpipe.stem.new(algorithm) -> stemmer
 *       algorithm: "porter_nltk" (NLTK's Porter, as rouge-score stems),
 *       "english" (Snowball Porter2), "porter" (Snowball's Porter 1980),
 *       or any other libstemmer name or ISO 639 code ("french", "de").
 *       Raises "docpipe.stem: unknown algorithm 'NAME' (...)" listing them.
 *   docpipe.stem.algorithms() -> list of names ("porter_nltk" first)
 *   st:stem(word) -> the stem of one word (lower case expected)
 *   st:stems(words [, min_len]) -> a new list (a JSON array) holding the
 *       stem of each word of at least min_len bytes (default 0: all) and
 *       the shorter words as they are; one call for a whole sentence.
 *   st:name() -> the algorithm's name
 *
 * Units: bytes (min_len counts bytes). A stemmer keeps a reusable buffer;
 * each Lua state makes its own, and it is freed by the garbage collector.
 */
#include "lua_stem.h"
#include "dp_stem.h"
#include "lua_json.h"

#include <lauxlib.h>
#include <string.h>

#define STEM_MT "docpipe.stem.stemmer"

typedef struct stem_ud {
    dp_stem *s;
} stem_ud;

dp_stem *dp_lua_check_stem(lua_State *L, int arg) {
    stem_ud *ud = (stem_ud *)luaL_checkudata(L, arg, STEM_MT);
    if (!ud->s) luaL_error(L, "docpipe.stem: stemmer already freed");
    return ud->s;
}

static dp_stem *check_stem(lua_State *L) {
    return dp_lua_check_stem(L, 1);
}

static int m_gc(lua_State *L) {
    stem_ud *ud = (stem_ud *)luaL_checkudata(L, 1, STEM_MT);
    dp_stem_free(ud->s);
    ud->s = NULL;
    return 0;
}

/* Push the stem of word[0..len). */
static void push_stem(lua_State *L, dp_stem *s, const char *w, size_t len) {
    size_t n;
    const char *r = dp_stem_word(s, w, len, &n);
    if (!r) luaL_error(L, "docpipe.stem: out of memory");
    lua_pushlstring(L, r, n);
}

/* st:stem(word) */
static int m_stem(lua_State *L) {
    dp_stem *s = check_stem(L);
    size_t len;
    const char *w = luaL_checklstring(L, 2, &len);
    push_stem(L, s, w, len);
    return 1;
}

/* st:stems(words [, min_len]) */
static int m_stems(lua_State *L) {
    dp_stem *s = check_stem(L);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_Integer min_len = luaL_optinteger(L, 3, 0);
    lua_Integer n = (lua_Integer)lua_rawlen(L, 2);
    lua_createtable(L, n > 0x7fffffff ? 0x7fffffff : (int)n, 0);
    dp_json_push_array_mt(L);
    lua_setmetatable(L, -2);
    for (lua_Integer i = 1; i <= n; i++) {
        if (lua_rawgeti(L, 2, i) != LUA_TSTRING)
            return luaL_error(L, "docpipe.stem: stems: item %d is a %s, not a string", (int)i,
                              luaL_typename(L, -1));
        size_t len;
        const char *w = lua_tolstring(L, -1, &len);
        if ((lua_Integer)len >= min_len) {
            push_stem(L, s, w, len);
            lua_remove(L, -2);
        }
        lua_rawseti(L, -2, i);
    }
    return 1;
}

static int m_name(lua_State *L) {
    lua_pushstring(L, dp_stem_name(check_stem(L)));
    return 1;
}

static int m_tostring(lua_State *L) {
    stem_ud *ud = (stem_ud *)luaL_checkudata(L, 1, STEM_MT);
    lua_pushfstring(L, "docpipe.stem stemmer %s (%p)", ud->s ? dp_stem_name(ud->s) : "freed",
                    (void *)ud);
    return 1;
}

/* Push the algorithm names as a list. */
static void push_algorithms(lua_State *L) {
    const char *names[128];
    size_t n = dp_stem_algorithms(names, 128);
    if (n > 128) n = 128;
    lua_createtable(L, (int)n, 0);
    dp_json_push_array_mt(L);
    lua_setmetatable(L, -2);
    for (size_t i = 0; i < n; i++) {
        lua_pushstring(L, names[i]);
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
}

/* docpipe.stem.new(algorithm) */
static int f_new(lua_State *L) {
    const char *alg = luaL_checkstring(L, 1);
    stem_ud *ud = (stem_ud *)lua_newuserdatauv(L, sizeof *ud, 0);
    ud->s = NULL;
    luaL_setmetatable(L, STEM_MT);
    ud->s = dp_stem_new(alg);
    if (!ud->s) {
        push_algorithms(L);
        lua_pushliteral(L, ", ");
        lua_insert(L, -2);
        /* join the names */
        luaL_Buffer b;
        int list = lua_gettop(L), sep = list - 1;
        luaL_buffinit(L, &b);
        lua_Integer n = (lua_Integer)lua_rawlen(L, list);
        for (lua_Integer i = 1; i <= n; i++) {
            if (i > 1) { lua_pushvalue(L, sep); luaL_addvalue(&b); }
            lua_rawgeti(L, list, i);
            luaL_addvalue(&b);
        }
        luaL_pushresult(&b);
        return luaL_error(L, "docpipe.stem: unknown algorithm '%s' (%s)", alg, lua_tostring(L, -1));
    }
    return 1;
}

/* docpipe.stem.algorithms() */
static int f_algorithms(lua_State *L) {
    push_algorithms(L);
    return 1;
}

int dp_lua_open_stem(lua_State *L) {
    static const luaL_Reg methods[] = {
        {"stem", m_stem},
        {"stems", m_stems},
        {"name", m_name},
        {NULL, NULL}
    };
    static const luaL_Reg meta[] = {
        {"__gc", m_gc},
        {"__tostring", m_tostring},
        {NULL, NULL}
    };
    static const luaL_Reg funcs[] = {
        {"new", f_new},
        {"algorithms", f_algorithms},
        {NULL, NULL}
    };
    if (luaL_newmetatable(L, STEM_MT)) {
        luaL_setfuncs(L, meta, 0);
        luaL_newlib(L, methods);
        lua_setfield(L, -2, "__index");
    }
    lua_pop(L, 1);
    luaL_newlib(L, funcs);
    return 1;
}
