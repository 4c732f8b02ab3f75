/*
 * lua_text.h: Lua bindings of the UTF-8 and text primitives (docpipe.utf8,
 * docpipe.text). Offsets in Lua are 1-based inclusive byte offsets, as in
 * Lua's string library; code point indexes are named as such.
 */
#ifndef LUA_TEXT_H
#define LUA_TEXT_H

#include <lua.h>

int dp_lua_open_utf8(lua_State *L);
int dp_lua_open_text(lua_State *L);

/* docpipe.text.tokens (lua_tokens.c), registered by dp_lua_open_text */
int dp_lua_text_tokens(lua_State *L);

#endif
