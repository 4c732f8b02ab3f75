/*
 * fuzz_yaml.c: libFuzzer target for the pipeline file path.
 *
 * 1. dp_yaml_parse on the raw bytes, then a walk of the tree checking what
 *    dp_yaml.h promises: a root, 1-based positions, NUL-terminated scalars
 *    of the stated length, items only on collections, and each subtree's
 *    weight (1 + its items' weights) within max_nodes.
 * 2. The same bytes through the engine's pipeline loader,
 *    require("docpipe.engine").load(text, "fuzz.yaml", nil), which runs
 *    dp.yaml.load and validates the pipeline. It must return a pipeline or
 *    nil and a non-empty list of "fuzz.yaml:..." strings; a Lua error is
 *    acceptable, a crash, leak or undefined behaviour is not.
 */
#include <stdint.h>
#include <string.h>

#include "dp_yaml.h"
#include "fuzz_lua.h"

#define MAX_NODES 20000

static size_t walk(const dp_yaml_node *nd, int depth) {
    if (!nd || depth > 1000) abort();
    if (nd->line < 1 || nd->column < 1) abort();
    if (nd->kind == DP_YAML_SCALAR) {
        if (!nd->value || nd->value[nd->len] != '\0' || nd->items || nd->n) abort();
        if (nd->weight != 1) abort();
        return 1;
    }
    if (nd->kind != DP_YAML_SEQ && nd->kind != DP_YAML_MAP) abort();
    if (nd->value) abort();
    size_t count = nd->kind == DP_YAML_MAP ? 2 * nd->n : nd->n;
    if (count && !nd->items) abort();
    size_t w = 1;
    for (size_t i = 0; i < count; i++) w += walk(nd->items[i], depth + 1);
    if (w != nd->weight) abort();
    return w;
}

static const char *const LOAD =
    "local engine = require 'docpipe.engine'\n"
    "return function(text)\n"
    "  local p, errs = engine.load(text, 'fuzz.yaml', nil)\n"
    "  if p then\n"
    "    if type(p.stages) ~= 'table' or type(p:describe()) ~= 'string' then\n"
    "      fuzz_fail('a loaded pipeline without stages or description')\n"
    "    end\n"
    "    return\n"
    "  end\n"
    "  if type(errs) ~= 'table' or #errs == 0 then fuzz_fail('load failed without errors') end\n"
    "  for _, e in ipairs(errs) do\n"
    "    if type(e) ~= 'string' or e:sub(1, 9) ~= 'fuzz.yaml' then\n"
    "      fuzz_fail('error line not naming the file: ' .. tostring(e))\n"
    "    end\n"
    "  end\n"
    "end\n";

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    /* the engine and every built-in stage, loaded once */
    fuzz_lua_warm("local e = require 'docpipe.engine'\n"
                  "for _, n in ipairs(e.builtin_stages()) do require('docpipe.stages.' .. n) end\n"
                  "e.load('stages: [clean]\\n', 'warm.yaml', nil)\n");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    dp_yaml_error err;
    dp_yaml_doc *doc = dp_yaml_parse((const char *)data, size, MAX_NODES, &err);
    if (doc) {
        size_t w = walk(dp_yaml_root(doc), 0);
        if (w > MAX_NODES) abort();
        dp_yaml_free(doc);
    } else {
        if (err.message[0] == '\0' || memchr(err.message, '\0', sizeof err.message) == NULL)
            abort();
        if (err.line < 0 || err.column < 0) abort();
    }

    static int load_ref;
    lua_State *L = fuzz_lua_state();
    fuzz_lua_chunk(L, LOAD, &load_ref);
    lua_pushlstring(L, (const char *)data, size);
    if (dp_engine_pcall(L, 1, 0) != LUA_OK) fuzz_lua_error(L);
    fuzz_lua_done(L);
    return 0;
}
