/*
 * dp_limits.h: resource limits for the Lua state that runs stages: a
 * limiting allocator (bytes in use by the whole state) and a time limit
 * enforced by an instruction-count hook. Engine layer.
 *
 * The limits are armed only while a stage runs (docpipe.limits.arm /
 * disarm from scripts/engine.lua), so the engine can always report and
 * recover. Time is wall-clock milliseconds per call (CLOCK_MONOTONIC);
 * memory is bytes allocated by the Lua state. The time limit is watched by
 * a thread of its own, which interrupts a late stage with a signal (see
 * dp_limits.c); coroutines made by cocreate check the clock themselves.
 */
#ifndef DP_LIMITS_H
#define DP_LIMITS_H

#include <lua.h>
#include <signal.h>

/* The signal the time limit's watchdog sends to a thread whose stage ran
 * past its deadline (its handler sets a count hook in that thread). SIGURG
 * is ignored by default and rarely used otherwise. */
#define DP_LIMITS_SIGNAL SIGURG

/* A new Lua state whose allocator counts and limits memory; NULL when
 * memory runs out. Close it with dp_limits_close. */
lua_State *dp_limits_newstate(void);

/* Closes a state made by dp_limits_newstate and frees its accounting. */
void dp_limits_close(lua_State *L);

/* Pushes the docpipe.limits module: arm(time_ms, memory_bytes),
 * cocreate(f) (coroutine.create whose coroutine keeps the time limit),
 * disarm() -> nil | "time" | "memory", hit() -> nil | "time" | "memory"
 * (whether a limit was hit since arm), used() -> bytes in use (nil when
 * the state is not ours). In a state not made by dp_limits_newstate (the
 * Lua module loaded by another program) every call does nothing. */
int dp_lua_open_limits(lua_State *L);

#endif
