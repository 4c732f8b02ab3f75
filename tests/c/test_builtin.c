/*
 * test_builtin.c: the files compiled into the binary (build/builtin.c,
 * written by tools/embed.c): sorted and found by path, and each .lua file
 * carrying the bytecode the module searcher loads, compiled under the
 * chunk name "@PATH" with its line information.
 */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/dp_builtin.h"
#include "dp_test.h"

static int is_lua(const char *path) {
    size_t n = strlen(path);
    return n > 4 && strcmp(path + n - 4, ".lua") == 0;
}

static void test_sorted_and_found(void) {
    size_t n = 0;
    for (const dp_builtin_file *f = dp_builtin_files; f->path; f++, n++) {
        if (n > 0) CHECK(strcmp(f[-1].path, f->path) < 0);
        CHECK(dp_builtin_find(f->path) == f);
        CHECK(f->data[f->len] == '\0');
    }
    CHECK(n > 50);
    CHECK(dp_builtin_find("scripts/stages/clean.lua") != NULL);
    CHECK(dp_builtin_find("pipelines/news.yaml") != NULL);
    CHECK(dp_builtin_find("scripts/stages/no-such.lua") == NULL);
}

static void test_lua_files_carry_bytecode(void) {
    lua_State *L = luaL_newstate();
    int lua_files = 0;
    for (const dp_builtin_file *f = dp_builtin_files; f->path; f++) {
        if (!is_lua(f->path)) {
            CHECK(f->code == NULL);
            CHECK_INT(f->code_len, 0);
            continue;
        }
        lua_files++;
        CHECK(f->code != NULL);
        if (!f->code) continue;
        CHECK(f->code_len > 4 && memcmp(f->code, LUA_SIGNATURE, 4) == 0);
        /* loads as bytecode only; the chunk keeps the source's name and lines */
        int rc = luaL_loadbufferx(L, f->code, f->code_len, "ignored", "b");
        CHECK_INT(rc, LUA_OK);
        if (rc != LUA_OK) { fprintf(stderr, "%s: %s\n", f->path, lua_tostring(L, -1)); lua_pop(L, 1); continue; }
        lua_Debug ar;
        lua_getinfo(L, ">S", &ar);
        char want[512];
        snprintf(want, sizeof want, "@%s", f->path);
        CHECK_STR(ar.source, want);
        CHECK_STR(ar.what, "main");
        /* and the source beside it still compiles (the fallback) */
        CHECK_INT(luaL_loadbufferx(L, f->data, f->len, want, "t"), LUA_OK);
        lua_pop(L, 1);
    }
    CHECK(lua_files > 40);
    lua_close(L);
}

DP_TEST_MAIN("builtin",
             test_sorted_and_found,
             test_lua_files_carry_bytecode)
