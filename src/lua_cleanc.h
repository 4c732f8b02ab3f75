/*
 * lua_cleanc.h: Lua 5.4 binding of dp_cleanc (the table docpipe.cleanc).
 */
#ifndef DP_LUA_CLEANC_H
#define DP_LUA_CLEANC_H

#include <lua.h>

/*
 * Push a new table with the functions clock_mask, has_any and stamp_words
 * (see lua_cleanc.c). The
 * caller stores it as docpipe.cleanc. Returns 1.
 */
int dp_lua_open_cleanc(lua_State *L);

#endif
