/*
 * lua_docvec.h: Lua 5.4 binding of dp_tfidf with a word -> term memo in C
 * (the table docpipe.docvec, used by the summary stage).
 */
#ifndef DP_LUA_DOCVEC_H
#define DP_LUA_DOCVEC_H

#include <lua.h>

/* Push a new table with the function new (see lua_docvec.c). The caller
 * stores it as docpipe.docvec. Returns 1. */
int dp_lua_open_docvec(lua_State *L);

#endif
