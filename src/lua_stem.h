/*
 * lua_stem.h: Lua 5.4 binding of dp_stem, the word stemmers (the table
 * docpipe.stem).
 */
#ifndef DP_LUA_STEM_H
#define DP_LUA_STEM_H

#include <lua.h>

/*
 * Push a new table with the functions new and algorithms (see
 * lua_stem.c). The caller stores it as docpipe.stem. Returns 1.
 */
int dp_lua_open_stem(lua_State *L);

#endif
