/*
 * dp_engine.h: a Lua state ready to run pipelines: standard libraries,
 * the docpipe module preloaded, and the engine (scripts/engine.lua).
 *
 * All state lives in the returned lua_State; there are no globals, so one
 * state per thread is safe.
 */
#ifndef DP_ENGINE_H
#define DP_ENGINE_H

#include <lua.h>

/* A new state, or NULL when memory runs out. Its allocator counts and can
 * limit memory, and `require "docpipe.limits"` arms the stage limits (see
 * dp_limits.h). Close it with dp_engine_close. */
lua_State *dp_engine_state(void);

/* Closes a state made by dp_engine_state. NULL is allowed. */
void dp_engine_close(lua_State *L);

/* Calls the function at the top of the stack (with nargs arguments below
 * it, the usual lua_pcall layout) with a traceback handler. On error the
 * message with its traceback is left on the stack. Returns the lua_pcall
 * status. */
int dp_engine_pcall(lua_State *L, int nargs, int nresults);

/* Pushes the docpipe.engine module; 0 with an error message pushed
 * instead when it cannot be loaded. */
int dp_engine_module(lua_State *L);

/* Opens pipeline `ref` (a YAML path or a built-in name) and pushes it.
 * On failure pushes the error lines joined by "\n" (each FILE:LINE:COLUMN:
 * message) and returns 0. init: call the stages' init. */
int dp_engine_open(lua_State *L, const char *ref, int init);

#endif
