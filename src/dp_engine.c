/*
 * dp_engine.c: creates the Lua state for the engine and opens pipelines
 * through docpipe.engine (see dp_engine.h).
 */
#include "dp_engine.h"
#include "dp_limits.h"
#include "dp_utf8.h"
#include "lua_docpipe.h"
#include "lua_json.h"

#include <lauxlib.h>
#include <lualib.h>
#include <string.h>

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

/* snapshot(doc) -> saved, metatables: every table reachable from doc (keys
 * and values, doc included), each mapped in saved to a shallow copy of its
 * contents and in metatables to its metatable, all read raw. restore(saved,
 * metatables) writes them back in place. The engine takes one before a stage
 * runs when a failure must give the document as it entered the stage
 * (on_error keep or skip, --errors); a C loop, as it runs on every document
 * then (the engine has the same in Lua for a state it did not make). */
static void snap_mark(lua_State *L, int v, int saved, int stack, lua_Integer *n) {
    lua_pushvalue(L, v);
    if (lua_rawget(L, saved) == LUA_TNIL) {
        lua_pushvalue(L, v);
        lua_pushboolean(L, 1);  /* seen; its copy replaces this */
        lua_rawset(L, saved);
        lua_pushvalue(L, v);
        lua_rawseti(L, stack, ++*n);
    }
    lua_pop(L, 1);
}

static int l_snapshot(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_newtable(L);  /* 2: saved */
    lua_newtable(L);  /* 3: metatables */
    lua_newtable(L);  /* 4: the tables still to copy */
    lua_Integer n = 0;
    snap_mark(L, 1, 2, 4, &n);
    while (n > 0) {
        luaL_checkstack(L, 8, "snapshot");
        lua_rawgeti(L, 4, n);
        lua_pushnil(L);
        lua_rawseti(L, 4, n--);
        int t = lua_gettop(L);
        /* sized at once: growing a table on the way rehashes it each time */
        int len = (int)lua_rawlen(L, t), keys = 0;
        lua_pushnil(L);
        while (lua_next(L, t)) {
            keys++;
            lua_pop(L, 1);
        }
        lua_createtable(L, len, keys > len ? keys - len : 0);
        int c = t + 1;
        lua_pushnil(L);
        while (lua_next(L, t)) {
            if (lua_type(L, -1) == LUA_TTABLE) snap_mark(L, lua_gettop(L), 2, 4, &n);
            if (lua_type(L, -2) == LUA_TTABLE) snap_mark(L, lua_gettop(L) - 1, 2, 4, &n);
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, c);
        }
        if (lua_getmetatable(L, t)) {
            lua_pushvalue(L, t);
            lua_insert(L, -2);
            lua_rawset(L, 3);
        }
        lua_pushvalue(L, t);
        lua_pushvalue(L, c);
        lua_rawset(L, 2);
        lua_settop(L, t - 1);
    }
    lua_settop(L, 3);
    return 2;
}

static int l_restore(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, 2, LUA_TTABLE);
    lua_settop(L, 2);
    lua_pushnil(L);
    while (lua_next(L, 1)) {  /* the table at 3, its copy at 4 */
        luaL_checkstack(L, 6, "restore");
        lua_pushnil(L);
        while (lua_next(L, 3)) {  /* clear it (existing fields only: allowed) */
            lua_pop(L, 1);
            lua_pushvalue(L, -1);
            lua_pushnil(L);
            lua_rawset(L, 3);
        }
        lua_pushnil(L);
        while (lua_next(L, 4)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, 3);
        }
        lua_pushvalue(L, 3);
        lua_rawget(L, 2);
        lua_setmetatable(L, 3);  /* nil takes away one the stage set */
        lua_pop(L, 1);
    }
    return 0;
}

/* Whether s[0..n) holds a backslash followed by 'u' (string.find's plain
 * "\\u"; memmem is not in C11 or POSIX). */
static int has_u_escape(const char *s, size_t n) {
    const char *end = s + n, *p = s;
    while ((p = memchr(p, '\\', (size_t)(end - p))) != NULL) {
        if (++p < end && *p == 'u') return 1;
    }
    return 0;
}

/* "NAME:LINE" as the engine's ("%s:%d"):format(name, line): the string at
 * index name, whatever bytes it holds, then the integer. */
static void push_at(lua_State *L, int name, lua_Integer line) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    lua_pushvalue(L, name);
    luaL_addvalue(&b);
    luaL_addchar(&b, ':');
    lua_pushfstring(L, "%I", (LUAI_UACINT)line);
    luaL_addvalue(&b);
    luaL_pushresult(&b);
}

/* Whether the value at index 5 is a plain document: an object (json.decode's
 * mark) whose "text" is a string holding more than white space, without
 * "meta". Leaves the stack at 5 either way. */
static int plain(lua_State *L) {
    if (lua_type(L, 5) != LUA_TTABLE || !lua_getmetatable(L, 5)) return 0;
    dp_json_push_object_mt(L);
    int object = lua_rawequal(L, -1, -2);
    lua_settop(L, 5);
    if (!object) return 0;
    size_t tn, i = 0;
    int text = lua_getfield(L, 5, "text");
    if (text == LUA_TSTRING) {
        const char *t = lua_tolstring(L, -1, &tn);
        /* text:find("%S"): Lua's white space, isspace in the C locale */
        while (i < tn && (t[i] == ' ' || (t[i] >= '\t' && t[i] <= '\r'))) i++;
    }
    int meta = lua_getfield(L, 5, "meta");
    lua_settop(L, 5);
    return text == LUA_TSTRING && i < tn && meta == LUA_TNIL;
}

/* json_doc(bytes, name, source, line) -> document | nothing: the engine's
 * json_doc (scripts/engine.lua) for a plain record, in one C call instead of
 * a dozen Lua and C calls: valid UTF-8 without BOM, CR or NUL (utf8.clean
 * would give it back unchanged), no \u escape (none of the \u0000 and
 * lone-surrogate repairs apply), an object (docpipe.json.decode, upvalue 1,
 * with spans) whose "text" is a string holding more than white space and
 * that has no "meta" (no warnings inherited, none to check). The id and
 * source it lacks are set as json_doc sets them ("NAME:LINE",
 * "SOURCE:LINE"). A record that needs no repair but is no plain document
 * (one with "meta" from an earlier run, one without "text") gives false and
 * the value read, untouched, for json_doc's checks; any other record gives
 * nothing, and json_doc reads it itself, from the start. About 6,000
 * instructions of a record's 77,000 on a pipeline of the fields stage
 * alone. */
static int l_json_doc(lua_State *L) {
    size_t n;
    if (lua_type(L, 1) != LUA_TSTRING || lua_type(L, 2) != LUA_TSTRING ||
        lua_type(L, 3) != LUA_TSTRING || !lua_isinteger(L, 4))
        return 0;
    const char *s = lua_tolstring(L, 1, &n);
    if ((n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) || memchr(s, '\r', n) ||
        memchr(s, '\0', n) || dp_utf8_check(s, n) != n || has_u_escape(s, n))
        return 0;
    lua_Integer line = lua_tointeger(L, 4);
    lua_settop(L, 4);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, 1);
    lua_pushboolean(L, 1);
    lua_call(L, 2, 1);  /* 5: the value, or nil (json_doc words the error) */
    if (lua_isnil(L, 5)) return 0;
    if (!plain(L)) {  /* false, the value untouched: json_doc checks it */
        lua_settop(L, 5);
        lua_pushboolean(L, 0);
        lua_insert(L, 5);
        return 2;
    }
    int id = lua_getfield(L, 5, "id");
    int no_id = id == LUA_TNIL || (id == LUA_TLIGHTUSERDATA && lua_touserdata(L, -1) == NULL);
    int no_source = lua_getfield(L, 5, "source") == LUA_TNIL;
    lua_settop(L, 5);
    if (no_id) {
        push_at(L, 2, line);
        lua_setfield(L, 5, "id");
    }
    if (no_source) {
        push_at(L, 3, line);
        lua_setfield(L, 5, "source");
    }
    return 1;
}

static int open_snapshot(lua_State *L) {
    static const luaL_Reg funcs[] = { { "snapshot", l_snapshot }, { "restore", l_restore },
                                      { NULL, NULL } };
    luaL_newlib(L, funcs);
    /* json_doc reads records with docpipe.json.decode (docpipe is loaded:
     * the engine requires it first) */
    lua_getglobal(L, "require");
    lua_pushliteral(L, "docpipe");
    lua_call(L, 1, 1);
    lua_getfield(L, -1, "json");
    lua_getfield(L, -1, "decode");
    lua_pushcclosure(L, l_json_doc, 1);
    lua_setfield(L, -4, "json_doc");
    lua_pop(L, 2);
    return 1;
}

lua_State *dp_engine_state(void) {
    lua_State *L = dp_limits_newstate();
    if (!L) return NULL;
    luaL_openlibs(L);
    dp_lua_preload(L);
    /* for docpipe.engine only: a name outside docpipe.*, which stages may require */
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
    lua_pushcfunction(L, open_snapshot);
    lua_setfield(L, -2, "dp_engine_snapshot");
    lua_pop(L, 1);
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
