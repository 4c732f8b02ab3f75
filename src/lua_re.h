/*
 * lua_re.h: Lua 5.4 binding of dp_regex (the table docpipe.re).
 */
#ifndef DP_LUA_RE_H
#define DP_LUA_RE_H

#include <lua.h>

/*
 * Push a new table with the functions compile, escape, find, gmatch, gsub,
 * match and split (see docs-contract.md and the comment at the top of
 * lua_re.c). The caller stores it as docpipe.re. Each call creates an
 * independent pattern cache (module state held as an upvalue, freed by
 * the garbage collector). Returns 1.
 */
int dp_lua_open_re(lua_State *L);

#endif
