/*
 * lua_shingle.h: Lua 5.4 binding of dp_shingle and a word interning
 * tokenizer (the table docpipe.shingle).
 */
#ifndef DP_LUA_SHINGLE_H
#define DP_LUA_SHINGLE_H

#include <lua.h>

/*
 * Push a new table with the functions word_ids and repeats (see
 * lua_shingle.c). The caller stores it as docpipe.shingle. Returns 1.
 */
int dp_lua_open_shingle(lua_State *L);

#endif
