/*
 * lua_docpipe.h: the Lua module `docpipe` (the primitives every stage
 * sees) and the module searcher that finds built-in Lua modules.
 *
 * Module names map to files: `docpipe.A.B` is scripts/A/B.lua. Each
 * directory in $DOCPIPE_PATH (colon-separated, laid out like scripts/) is
 * searched first, then the files compiled into the binary, so files on
 * disk override the built-in ones.
 */
#ifndef LUA_DOCPIPE_H
#define LUA_DOCPIPE_H

#include <lua.h>

#define DP_VERSION "0.1.0"

/* Opens the module: returns the docpipe table (also installs the searcher
 * into package.searchers once per state). */
int luaopen_docpipe(lua_State *L);

/* Registers luaopen_docpipe as package.preload["docpipe"] and installs the
 * searcher. Call after luaL_openlibs. */
void dp_lua_preload(lua_State *L);

/* Reads a built-in or overridden file: rel is relative to a scripts root
 * (e.g. "stages/clean.lua", "data/en/abbreviations.txt"), or to the
 * repository for "pipelines/NAME.yaml". Pushes the content and its origin
 * (a path on disk or "builtin:scripts/..."); returns 1, or 0 with nothing
 * pushed when not found. */
int dp_lua_find_file(lua_State *L, const char *rel);

#endif
