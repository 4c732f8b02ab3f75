/* Unit tests for dp_limits.c: the allocator's small-block cache hands out
 * blocks that hold what was written into them, across frees, reuse and
 * reallocations over the class boundaries, and the byte count of the
 * limits module stays exact. */
#include "dp_test.h"
#include "dp_limits.h"

#include <lauxlib.h>
#include <lualib.h>

/* Runs chunk in L; returns its string result (or the error) in buf. */
static char buf[256];
static const char *run(lua_State *L, const char *chunk) {
    if (luaL_dostring(L, chunk) != LUA_OK) {
        snprintf(buf, sizeof buf, "error: %s", lua_tostring(L, -1));
    } else {
        snprintf(buf, sizeof buf, "%s", lua_tostring(L, -1) ? lua_tostring(L, -1) : "(nil)");
    }
    lua_settop(L, 0);
    return buf;
}

/* Strings and tables of every small size, freed and made again many
 * times: each keeps its own content. */
static void test_reuse_keeps_content(void) {
    lua_State *L = dp_limits_newstate();
    CHECK(L != NULL);
    luaL_openlibs(L);
    CHECK_STR(run(L,
        "for round = 1, 20 do\n"
        "  local t = {}\n"
        "  for n = 1, 300 do t[n] = string.rep(string.char(65 + (n + round) % 26), n) end\n"
        "  for n = 1, 300 do\n"
        "    local s = t[n]\n"
        "    if #s ~= n or s ~= string.rep(string.char(65 + (n + round) % 26), n) then\n"
        "      return 'bad string ' .. n .. ' in round ' .. round end\n"
        "  end\n"
        "  t = nil\n"
        "  collectgarbage()\n"
        "end\n"
        "return 'ok'"), "ok");
    dp_limits_close(L);
}

/* Tables grown one element at a time cross from small blocks to malloc'd
 * ones and shrink back when rehashed: their elements survive each move. */
static void test_realloc_across_classes(void) {
    lua_State *L = dp_limits_newstate();
    luaL_openlibs(L);
    CHECK_STR(run(L,
        "local sum = 0\n"
        "for round = 1, 50 do\n"
        "  local t, h = {}, {}\n"
        "  for i = 1, 100 do t[i] = i * round; h['k' .. i] = i end\n"
        "  for i = 1, 95 do h['k' .. i] = nil end\n"
        "  h.x = 1; collectgarbage()\n"
        "  for i = 1, 100 do if t[i] ~= i * round then return 'bad array ' .. i end end\n"
        "  for i = 96, 100 do if h['k' .. i] ~= i then return 'bad hash ' .. i end end\n"
        "  sum = sum + #t\n"
        "end\n"
        "return tostring(sum)"), "5000");
    dp_limits_close(L);
}

/* The limits module's used() counts the bytes the state holds: what a
 * released table took comes back whether its blocks went to the cache or
 * to free(). */
static void test_used_is_exact(void) {
    lua_State *L = dp_limits_newstate();
    luaL_openlibs(L);
    dp_lua_open_limits(L);
    lua_setglobal(L, "limits");
    CHECK_STR(run(L,
        "collectgarbage(); collectgarbage()\n"
        "local before = limits.used()\n"
        "if before ~= collectgarbage('count') * 1024 then return 'used differs from count' end\n"
        "local t = {}\n"
        "for i = 1, 2000 do t[i] = { i, tostring(i) .. 'x' } end\n"
        "if limits.used() <= before then return 'no growth' end\n"
        "t = nil\n"
        "collectgarbage(); collectgarbage()\n"
        "return limits.used() == collectgarbage('count') * 1024 and 'ok' or 'mismatch'"), "ok");
    dp_limits_close(L);
}

DP_TEST_MAIN("limits", test_reuse_keeps_content, test_realloc_across_classes, test_used_is_exact)
