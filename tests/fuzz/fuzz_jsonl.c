/*
 * fuzz_jsonl.c: libFuzzer target for the JSON Lines reader path.
 *
 * 1. C: dp_json_decode_push(bytes, spans on); when it decodes, the value is
 *    encoded with dp_json_encode_value (spans into its "text", when it has
 *    one), decoded again and encoded again: the second encoding must equal
 *    the first (reading back what docpipe wrote changes nothing), both
 *    must be valid UTF-8 of the stated length, and the only acceptable
 *    encode failure is a NaN or infinity (JSON such as 1e999).
 * 3. docpipe.json.decode (which tries its fast reader first) against
 *    dp_json_decode_push (cJSON), spans on and off: both fail with the same
 *    message, or give values alike in type, integer/float, bytes,
 *    metatable and pairs order.
 * 2. Lua: require("docpipe.engine").json_doc(bytes, "f", "f.jsonl", 1),
 *    the function the runner calls for each line; a document it returns
 *    must have a valid UTF-8 "text" and an id, and must survive
 *    dp.json.encode -> dp.json.decode -> dp.json.encode unchanged.
 */
#include <stdint.h>
#include <string.h>

#include "dp_utf8.h"
#include "fuzz_lua.h"
#include "lua_json.h"
#include "../c/lua_same.h"

static const char *const JSON_DOC =
    "local engine, dp = require 'docpipe.engine', require 'docpipe'\n"
    "return function(bytes)\n"
    "  local doc, err = engine.json_doc(bytes, 'f', 'f.jsonl', 1)\n"
    "  if doc == nil then\n"
    "    if type(err) ~= 'string' or err == '' then fuzz_fail('json_doc: nil without a message') end\n"
    "    return\n"
    "  end\n"
    "  if type(doc.text) ~= 'string' then fuzz_fail('json_doc: no text string') end\n"
    "  if doc.id == nil or doc.id == dp.null then fuzz_fail('json_doc: no id') end\n"
    "  if not dp.utf8.valid(doc.text) then fuzz_fail('json_doc: text is not valid UTF-8') end\n"
    "  local ok, s = pcall(dp.json.encode, doc, { spans = doc.text })\n"
    "  if not ok then\n"
    "    if not tostring(s):find('NaN or infinity', 1, true) then fuzz_fail('encode: ' .. tostring(s)) end\n"
    "    return\n"
    "  end\n"
    "  local d2, e2 = dp.json.decode(s, true)\n"
    "  if d2 == nil then fuzz_fail('the encoded document does not decode: ' .. tostring(e2)) end\n"
    "  local s2 = dp.json.encode(d2, { spans = d2.text })\n"
    "  if s2 ~= s then fuzz_fail('encode(decode(s)) ~= s:\\n' .. s .. '\\n' .. s2) end\n"
    "end\n";

/* Encode the value on the top of the stack, with spans into its "text"
 * field when it is a table holding a string there. */
static char *encode_top(lua_State *L, size_t *len, char *err, size_t errlen) {
    int v = lua_gettop(L);
    const char *text = NULL;
    size_t tlen = 0;
    if (lua_istable(L, v)) {
        lua_getfield(L, v, "text");
        if (lua_type(L, -1) == LUA_TSTRING) text = lua_tolstring(L, -1, &tlen);
    }
    char *out = dp_json_encode_value(L, v, text, tlen, 0, len, err, errlen);
    lua_settop(L, v);
    if (out && (strlen(out) != *len || dp_utf8_check(out, *len) != *len)) {
        fprintf(stderr, "encode: bad output length or UTF-8\n");
        abort();
    }
    return out;
}


/* Step 3: json.decode against dp_json_decode_push. */
static void check_readers_agree(lua_State *L, const char *s, size_t n, int spans) {
    int top = lua_gettop(L);
    char err[160];
    err[0] = '\0';
    int okc = dp_json_decode_push(L, s, n, spans, err, sizeof err);
    if (!okc) lua_pushnil(L);
    static int dec_ref;
    fuzz_lua_chunk(L, "return require('docpipe').json.decode", &dec_ref);
    lua_pushlstring(L, s, n);
    lua_pushboolean(L, spans);
    if (lua_pcall(L, 2, 2, 0) != LUA_OK) {
        fprintf(stderr, "json.decode raised: %s\n", lua_tostring(L, -1));
        abort();
    }
    int okf = !lua_isnil(L, -2);
    if (okc != okf || (!okc && strcmp(lua_tostring(L, -1), err) != 0) ||
        (okc && !lua_same(L, top + 1, top + 2, 0, 1100))) {
        fprintf(stderr, "json.decode and cJSON disagree (spans %d): %s / %s\n", spans,
                okc ? "decoded" : err, okf ? "decoded" : lua_tostring(L, -1));
        abort();
    }
    lua_settop(L, top);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    fuzz_lua_warm("require 'docpipe.engine'\n");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    lua_State *L = fuzz_lua_state();
    char err[160];
    err[0] = '\0';
    if (dp_json_decode_push(L, (const char *)data, size, 1, err, sizeof err)) {
        size_t len1, len2;
        char *j1 = encode_top(L, &len1, err, sizeof err);
        lua_pop(L, 1);
        if (!j1) {
            if (!strstr(err, "NaN or infinity")) {
                fprintf(stderr, "encode failed: %s\n", err);
                abort();
            }
        } else {
            if (!dp_json_decode_push(L, j1, len1, 1, err, sizeof err)) {
                fprintf(stderr, "docpipe's own JSON does not decode: %s\n%s\n", err, j1);
                abort();
            }
            char *j2 = encode_top(L, &len2, err, sizeof err);
            lua_pop(L, 1);
            if (!j2 || len1 != len2 || memcmp(j1, j2, len1) != 0) {
                fprintf(stderr, "encode(decode(j)) ~= j:\n%s\n%s\n", j1, j2 ? j2 : err);
                abort();
            }
            free(j2);
            free(j1);
        }
    } else if (err[0] == '\0') {
        fprintf(stderr, "decode failed without a message\n");
        abort();
    }

    check_readers_agree(L, (const char *)data, size, 1);
    check_readers_agree(L, (const char *)data, size, 0);

    static int doc_ref;
    fuzz_lua_chunk(L, JSON_DOC, &doc_ref);
    lua_pushlstring(L, (const char *)data, size);
    if (dp_engine_pcall(L, 1, 0) != LUA_OK) fuzz_lua_error(L);
    fuzz_lua_done(L);
    return 0;
}
