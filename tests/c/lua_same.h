/*
 * lua_same: whether two Lua values are alike in every way json.decode's
 * caller could see: type, integer or float, bytes, metatable, and for a
 * table the same keys in the same pairs() order with values alike in turn
 * (to max_depth levels: deeper is "not alike"). Shared by the C test of the
 * JSON reader (tests/c/test_json_fast.c) and its fuzz harness
 * (tests/fuzz/fuzz_jsonl.c), which hold the fast reader equal to cJSON's.
 * Indices a and b are stack indices (absolute or relative); the stack is
 * left as found. Returns 1 or 0.
 */
#ifndef DP_TEST_LUA_SAME_H
#define DP_TEST_LUA_SAME_H

#include <lauxlib.h>
#include <lua.h>
#include <string.h>

static int lua_same(lua_State *L, int a, int b, int depth, int max_depth) {
    a = lua_absindex(L, a);
    b = lua_absindex(L, b);
    int t = lua_type(L, a);
    if (t != lua_type(L, b) || depth > max_depth) return 0;
    luaL_checkstack(L, 12, "lua_same");
    switch (t) {
    case LUA_TNUMBER:
        if (lua_isinteger(L, a) != lua_isinteger(L, b)) return 0;
        if (lua_isinteger(L, a)) return lua_tointeger(L, a) == lua_tointeger(L, b);
        return lua_tonumber(L, a) == lua_tonumber(L, b);
    case LUA_TSTRING: {
        size_t la, lb;
        const char *sa = lua_tolstring(L, a, &la), *sb = lua_tolstring(L, b, &lb);
        return la == lb && memcmp(sa, sb, la) == 0;
    }
    case LUA_TBOOLEAN: return lua_toboolean(L, a) == lua_toboolean(L, b);
    case LUA_TLIGHTUSERDATA: return lua_touserdata(L, a) == lua_touserdata(L, b);
    case LUA_TTABLE: {
        int ma = lua_getmetatable(L, a), mb = lua_getmetatable(L, b);
        int ok = ma == mb && (!ma || lua_rawequal(L, -1, -2));
        lua_pop(L, ma + mb);
        if (!ok || lua_rawlen(L, a) != lua_rawlen(L, b)) return 0;
        lua_pushnil(L);
        int ka = lua_gettop(L);
        lua_pushnil(L);
        int kb = lua_gettop(L);
        for (;;) {  /* both tables walked in step: the same keys in the same order */
            lua_pushvalue(L, ka);
            int na = lua_next(L, a);
            lua_pushvalue(L, kb);
            int nb = lua_next(L, b);
            if (na != nb) { lua_settop(L, ka - 1); return 0; }
            if (!na) break;
            int top = lua_gettop(L);  /* ka kb ka' va kb' vb */
            if (!lua_same(L, top - 3, top - 1, depth + 1, max_depth) || !lua_same(L, top - 2, top, depth + 1, max_depth)) {
                lua_settop(L, ka - 1);
                return 0;
            }
            lua_copy(L, top - 3, ka);
            lua_copy(L, top - 1, kb);
            lua_settop(L, kb);
        }
        lua_settop(L, ka - 1);
        return 1;
    }
    default: return 0;
    }
}

#endif
