/*
 * Tests for json.decode's fast reader (lua_json.c): whatever it reads must
 * come out exactly as the cJSON reader (dp_json_decode_push) builds it, the
 * same types (integer or float), strings, marks and even the order pairs()
 * walks a table in; and what it gives up on, the cJSON reader decides with
 * its own message. Each case is decoded both ways, with and without spans,
 * then mutated byte by byte (deterministically) and decoded again.
 */
#include "dp_test.h"
#include "lua_json.h"
#include "lua_same.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdint.h>
#include <stdlib.h>

static lua_State *L_;

/* Decode s both ways (spans on or off); 1 when they agree (both fail, or
 * both give the same value). */
static int agree(const char *s, size_t n, int spans) {
    lua_State *L = L_;
    int top = lua_gettop(L);
    char err[160];
    int okc = dp_json_decode_push(L, s, n, spans, err, sizeof err);
    if (!okc) lua_pushnil(L);
    lua_getglobal(L, "jdecode");
    lua_pushlstring(L, s, n);
    lua_pushboolean(L, spans);
    lua_call(L, 2, 2);  /* value or nil, message */
    int okf = !lua_isnil(L, -2);
    int r;
    if (okc != okf) r = 0;
    else if (!okc) r = strcmp(lua_tostring(L, -1), err) == 0;  /* the same message */
    else r = lua_same(L, top + 1, top + 2, 0, 200);
    if (!r) fprintf(stderr, "test_json_fast: readers disagree (spans %d) on: %.*s\n", spans, (int)n, s);
    lua_settop(L, top);
    return r;
}

static const char *const CASES[] = {
    "{\"id\":\"a1\",\"text\":\"Hello world. It is \\\"fine\\\".\\nNext line\\t\\u00e9\\u20ac\\ud83d\\ude00\"}",
    "{\"id\": 17, \"text\": \"x\", \"meta\": {\"warnings\": [\"w1\", \"w2\"], \"n\": -42}, \"ok\": true, \"no\": false, \"z\": null}",
    "  {\"a\":[1,2,[3,[4,{}]],[]],\"b\":{\"c\":{\"d\":\"\\/\\b\\f\\r\"}}}  \n",
    "{\"text\":\"caf\xC3\xA9\",\"sentences\":[{\"text\":\"caf\xC3\xA9\",\"start\":0,\"end\":4}]}",
    "{\"text\":\"\\u0000x\",\"t\":\"\\ud800\",\"u\":\"\\udc00\\ud800\"}",
    "{\"a\":1.5,\"b\":1e2,\"c\":3.0,\"d\":-0,\"e\":0123,\"f\":123456789012345678,\"g\":9007199254740993}",
    "{\"a\":1,\"a\":2,\"text\":\"x\",\"text\":\"y\"}",
    "[\"a\",\"b\",{\"k\":\"v\"},null,true,false,0,-1,1234567]",
    "\xEF\xBB\xBF{\"bom\":1}",
    "{\"raw\":\"tab\tand\x01" "control\"}",
    "{\"x\":\"\\uZZZZ\",\"y\":\"\\u12\"}",
    "{\"x\":\"ok\"} trailing",
    "{\"x\":\"ok\"}\x01",
    "{\"x\" : \"ok\" , \"y\" : [ 1 , 2 ] }",
    "\"just a string\"",
    "12",
    "nul",
    "{\"k\":\"v\",}",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
    "{\"long key long key long key long key long key long key\":\"a long value, longer than forty bytes, not interned\"}",
    "{\"\xff\xfe\":\"\xc3(\\u00ff\xed\xa0\x80\"}",
};

static void test_cases(void) {
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        size_t n = strlen(CASES[i]);
        CHECK(agree(CASES[i], n, 0));
        CHECK(agree(CASES[i], n, 1));
    }
}

/* Every case with each byte in turn replaced by each of a few bytes that
 * matter to a reader, or cut there: all must agree. */
static void test_mutations(void) {
    static const char subst[] = "\"\\u0dD8c}],:{[ \x01\xc3" "1.e-+nt";
    int bad = 0, tried = 0;
    char buf[512];
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        size_t n = strlen(CASES[i]);
        if (n >= sizeof buf) continue;
        for (size_t at = 0; at < n; at++) {
            for (size_t k = 0; k < sizeof subst; k++) {  /* the last: a NUL */
                memcpy(buf, CASES[i], n);
                buf[at] = subst[k];
                tried++;
                if (!agree(buf, n, (int)(at & 1))) bad++;
            }
            tried++;
            if (!agree(CASES[i], at, 1)) bad++;  /* cut short */
        }
    }
    CHECK(tried > 10000);
    CHECK_INT(bad, 0);
}

/* A long text with escapes spread over it (the fast reader's buffer grows). */
static void test_long(void) {
    size_t n = 200000;
    char *s = malloc(n + 64);
    if (!s) return;
    size_t o = 0;
    o += (size_t)sprintf(s, "{\"id\":\"long\",\"text\":\"");
    uint32_t x = 12345;
    while (o < n) {
        x = x * 1103515245u + 12345u;
        unsigned r = (x >> 16) % 40;
        if (r == 0) { memcpy(s + o, "\\\"", 2); o += 2; }
        else if (r == 1) { memcpy(s + o, "\\n", 2); o += 2; }
        else if (r == 2) { memcpy(s + o, "\\u00e9", 6); o += 6; }
        else if (r == 3) { memcpy(s + o, "\xE2\x80\x9C", 3); o += 3; }
        else s[o++] = (char)('a' + r % 26);
    }
    memcpy(s + o, "\"}", 2);
    o += 2;
    CHECK(agree(s, o, 1));
    CHECK(agree(s, o, 0));
    free(s);
}

static void setup(void) {
    L_ = luaL_newstate();
    luaL_openlibs(L_);
    dp_lua_open_json(L_);
    lua_getfield(L_, -1, "decode");
    lua_setglobal(L_, "jdecode");
    lua_pop(L_, 1);
}

static void test_all(void) {
    setup();
    test_cases();
    test_mutations();
    test_long();
    lua_close(L_);
}

DP_TEST_MAIN("json_fast", test_all)
