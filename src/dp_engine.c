/*
 * dp_engine.c: creates the Lua state for the engine and opens pipelines
 * through docpipe.engine (see dp_engine.h).
 */
#include "dp_engine.h"
#include "dp_limits.h"
#include "lua_docpipe.h"

#include <lauxlib.h>
#include <lualib.h>

static int traceback(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (!msg) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) return 1;
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

int dp_engine_pcall(lua_State *L, int nargs, int nresults) {
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, traceback);
    lua_insert(L, base);
    int status = lua_pcall(L, nargs, nresults, base);
    lua_remove(L, base);
    return status;
}

lua_State *dp_engine_state(void) {
    lua_State *L = dp_limits_newstate();
    if (!L) return NULL;
    luaL_openlibs(L);
    dp_lua_preload(L);
    return L;
}

void dp_engine_close(lua_State *L) { dp_limits_close(L); }

int dp_engine_module(lua_State *L) {
    lua_getglobal(L, "require");
    lua_pushliteral(L, "docpipe.engine");
    if (dp_engine_pcall(L, 1, 1) != LUA_OK) {
        lua_pushfstring(L, "cannot load the engine: %s", lua_tostring(L, -1));
        lua_remove(L, -2);
        return 0;
    }
    return 1;
}

int dp_engine_open(lua_State *L, const char *ref, int init) {
    if (!dp_engine_module(L)) return 0;
    lua_getfield(L, -1, "open");
    lua_remove(L, -2);
    lua_pushstring(L, ref);
    lua_pushboolean(L, !init);
    if (dp_engine_pcall(L, 2, 2) != LUA_OK) return 0;
    if (!lua_isnil(L, -2)) {
        lua_pop(L, 1);
        return 1;
    }
    /* nil, {lines}: join them */
    luaL_Buffer b;
    int list = lua_gettop(L);
    luaL_buffinit(L, &b);
    lua_Integer n = lua_istable(L, list) ? (lua_Integer)lua_rawlen(L, list) : 0;
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, list, i);
        if (i > 1) luaL_addchar(&b, '\n');
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    lua_replace(L, list - 1);
    lua_settop(L, list - 1);
    return 0;
}
