/*
 * lua_sbd.h: Lua 5.4 binding of dp_sbd, the sentence boundary detector
 * (the table docpipe.sbd).
 */
#ifndef DP_LUA_SBD_H
#define DP_LUA_SBD_H

#include <lua.h>

/*
 * Push a new table with the function new (see lua_sbd.c). The caller
 * stores it as docpipe.sbd. Returns 1.
 */
int dp_lua_open_sbd(lua_State *L);

#endif
