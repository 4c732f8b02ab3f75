/*
 * lua_html.h: the docpipe.html binding over dp_html.c: parse a page into a
 * flat list of text blocks, the elements that hold them, and its metadata
 * elements; detect and convert character sets.
 */
#ifndef LUA_HTML_H
#define LUA_HTML_H

#include <lua.h>

/* Push the html table (parse, charset, to_utf8) onto the stack. */
int dp_lua_open_html(lua_State *L);

#endif
