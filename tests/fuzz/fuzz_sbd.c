/*
 * fuzz_sbd.c: libFuzzer target for the sentence splitter (dp_sbd.c through
 * docpipe.sbd) and the JSON writer's path for unread sentence lists
 * (enc_lazy in lua_json.c), with the `sentences` stage's English lists.
 *
 * For any bytes as the text:
 * 1. det:spans: every span lies within the text (1-based, inclusive),
 *    after the one before it, non-empty, and starts and ends on a byte
 *    that is no ASCII white space.
 * 2. det:sentences (the unread list) written as JSON is byte for byte
 *    det:split's list written as JSON, in a document whose text is
 *    written before the list (the writer then copies each sentence from
 *    it) and after it (order), with spans into the text, into a prefix of
 *    it and none, lines joined and not; read, it is det:split's list.
 */
#include <stdint.h>
#include <string.h>

#include "fuzz_lua.h"

static const char *const SBD_CHECK =
    "local dp, sentences = require 'docpipe', require 'docpipe.stages.sentences'\n"
    "local ctx = { opts = { language = 'en', abbreviations = {}, join_lines = true }, state = {} }\n"
    "sentences.init(ctx.opts, ctx)\n"
    "local det, json = ctx.state.detector, dp.json\n"
    "local function sp(b) return b == 32 or (b >= 9 and b <= 13) end\n"
    "return function(t)\n"
    "  local starts, ends = det:spans(t)\n"
    "  if #starts ~= #ends then fuzz_fail('spans: lists of different lengths') end\n"
    "  local prev = 0\n"
    "  for i = 1, #starts do\n"
    "    local a, b = starts[i], ends[i]\n"
    "    if not (a > prev and a <= b and b <= #t) then\n"
    "      fuzz_fail(('span %d: %d..%d after %d in %d bytes'):format(i, a, b, prev, #t))\n"
    "    end\n"
    "    if sp(t:byte(a)) or sp(t:byte(b)) then fuzz_fail(('span %d: not trimmed'):format(i)) end\n"
    "    prev = b\n"
    "  end\n"
    "  for _, join in ipairs({ true, false }) do\n"
    "    local eager = det:split(t, join)\n"
    "    if #eager ~= #starts then fuzz_fail('split and spans disagree') end\n"
    "    for _, spans in ipairs({ t, t:sub(1, #t // 2), false }) do\n"
    "      for _, order in ipairs({ false, { 'sentences', 'text' } }) do\n"
    "        local opts = { spans = spans or nil, order = order or nil }\n"
    "        local want = json.encode({ id = 'f', text = t, sentences = eager }, opts)\n"
    "        local got = json.encode({ id = 'f', text = t, sentences = det:sentences(t, join) }, opts)\n"
    "        if got ~= want then fuzz_fail('unread list written otherwise:\\n' .. want .. '\\n' .. got) end\n"
    "      end\n"
    "    end\n"
    "    local lazy = det:sentences(t, join)\n"
    "    if #lazy ~= #eager then fuzz_fail('unread list: another length once read') end\n"
    "    for i = 1, #eager do\n"
    "      local x, y = lazy[i], eager[i]\n"
    "      if x.text ~= y.text or x.start ~= y.start or x['end'] ~= y['end'] then\n"
    "        fuzz_fail(('unread list: sentence %d differs once read'):format(i))\n"
    "      end\n"
    "    end\n"
    "  end\n"
    "end\n";

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    fuzz_lua_warm("require 'docpipe.stages.sentences'\n");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    lua_State *L = fuzz_lua_state();
    static int ref;
    fuzz_lua_chunk(L, SBD_CHECK, &ref);
    lua_pushlstring(L, (const char *)data, size);
    if (dp_engine_pcall(L, 1, 0) != LUA_OK) fuzz_lua_error(L);
    fuzz_lua_done(L);
    return 0;
}
