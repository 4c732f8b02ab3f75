/*
 * lua_stem.h: Lua 5.4 binding of dp_stem, the word stemmers (the table
 * docpipe.stem).
 */
#ifndef DP_LUA_STEM_H
#define DP_LUA_STEM_H

#include "dp_stem.h"

#include <lua.h>

/*
 * Push a new table with the functions new and algorithms (see
 * lua_stem.c). The caller stores it as docpipe.stem. Returns 1.
 */
int dp_lua_open_stem(lua_State *L);

/*
 * The stemmer of the docpipe.stem stemmer at stack index arg (raises an
 * argument error when it is none, or an error when it was freed). It
 * belongs to that userdata: keep the userdata alive while it is used.
 */
dp_stem *dp_lua_check_stem(lua_State *L, int arg);

#endif
