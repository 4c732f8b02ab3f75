/*
 * fuzz_lua.h: the Lua side shared by docpipe's libFuzzer targets.
 *
 * One lua_State per process, made on first use with dp_engine_state() (the
 * docpipe module preloaded, built-in scripts embedded). DOCPIPE_PATH is
 * unset so only the embedded scripts load, and `loadfile`/`dofile` are
 * replaced by functions that refuse: a fuzzed pipeline naming a stage path
 * such as "/dev/stdin" must not read (or run) files of the machine.
 *
 * fuzz_lua_chunk(L, code) compiles a helper chunk once and keeps the
 * function it returns in the registry; fuzz_fail(msg) is given to Lua as
 * the global `fuzz_fail`: an invariant broken in Lua code aborts the
 * process, so libFuzzer saves the input as a crash. Lua errors (bad
 * input) are not failures.
 */
#ifndef FUZZ_LUA_H
#define FUZZ_LUA_H

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>

#include "dp_engine.h"

static int fuzz_lua_fail(lua_State *L) {
    fprintf(stderr, "fuzz invariant broken: %s\n", luaL_optstring(L, 1, "(no message)"));
    abort();
    return 0;
}

static int fuzz_lua_nofile(lua_State *L) {
    luaL_pushfail(L);
    lua_pushfstring(L, "fuzz: '%s' not read (files are off while fuzzing)",
                    luaL_optstring(L, 1, "?"));
    return 2;
}

static int fuzz_lua_nodofile(lua_State *L) {
    return luaL_error(L, "fuzz: dofile is off while fuzzing");
}

static lua_State *fuzz_lua_state(void) {
    static lua_State *L;
    if (L) return L;
    unsetenv("DOCPIPE_PATH");
    L = dp_engine_state();
    if (!L) { fprintf(stderr, "fuzz: no Lua state\n"); abort(); }
    lua_pushcfunction(L, fuzz_lua_fail);
    lua_setglobal(L, "fuzz_fail");
    lua_pushcfunction(L, fuzz_lua_nofile);
    lua_setglobal(L, "loadfile");
    lua_pushcfunction(L, fuzz_lua_nodofile);
    lua_setglobal(L, "dofile");
    return L;
}

/* Push the function returned by `code` (compiled and run once; *ref keeps
 * it in the registry). A chunk that fails to load is a harness bug. */
static void fuzz_lua_chunk(lua_State *L, const char *code, int *ref) {
    if (*ref == 0) {
        if (luaL_loadstring(L, code) != LUA_OK || dp_engine_pcall(L, 0, 1) != LUA_OK ||
            !lua_isfunction(L, -1)) {
            fprintf(stderr, "fuzz: helper chunk failed: %s\n", lua_tostring(L, -1));
            abort();
        }
        *ref = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    lua_rawgeti(L, LUA_REGISTRYINDEX, *ref);
}

/* After a Lua error (message on the top of the stack): with
 * FUZZ_STRICT_LUA=1 in the environment it aborts, to hunt for code that
 * raises where it should return an error (off by default: for the targets
 * a Lua error is an acceptable answer). */
static void fuzz_lua_error(lua_State *L) {
    static int strict = -1;
    if (strict < 0) strict = getenv("FUZZ_STRICT_LUA") && *getenv("FUZZ_STRICT_LUA") == '1';
    if (!strict) return;
    fprintf(stderr, "fuzz: Lua error: %s\n", lua_tostring(L, -1));
    abort();
}

/* Called after every input: empty the stack and collect everything.
 * libFuzzer looks for a leak (an LSan pass over the whole heap, which is
 * slow) after each input that made more allocations than it freed, and
 * turns that check off for good after 1000 such inputs. With the modules
 * loaded beforehand (fuzz_lua_warm) and a full collection at the end of
 * each input, the Lua state's own allocations balance out, so the check
 * stays on and runs only when something really kept memory. (A minor,
 * generational collection is cheaper but leaves some garbage for later,
 * which triggers the slow check after most inputs.) */
static void fuzz_lua_done(lua_State *L) {
    lua_settop(L, 0);
    lua_gc(L, LUA_GCCOLLECT);
}

/* Run a chunk once before fuzzing (from LLVMFuzzerInitialize) to load what
 * the target's code will use, so those lasting allocations are not made
 * while an input runs. */
static void fuzz_lua_warm(const char *code) {
    lua_State *L = fuzz_lua_state();
    if (luaL_loadstring(L, code) != LUA_OK || dp_engine_pcall(L, 0, 0) != LUA_OK) {
        fprintf(stderr, "fuzz: warm-up chunk failed: %s\n", lua_tostring(L, -1));
        abort();
    }
    fuzz_lua_done(L);
}

#endif
