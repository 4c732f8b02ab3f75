/*
 * fuzz_regex.c: libFuzzer target for docpipe's regular expressions.
 *
 * Input layout: byte 0 holds the flags (bits 0-3: i m s x) and the mode
 * (bit 4: step by bytes instead of characters after an empty match;
 * bit 5: start with a match data sized for group 0 only, so it must
 * grow); byte 1 the pattern length and byte 2 the replacement length
 * (each taken modulo what is left); then the pattern, the replacement
 * string and the subject.
 *
 * C: dp_regex_compile, then dp_regex_exec over all matches with the
 * offsets checked (group 0 set, inside the subject, at or after the start;
 * every group unset or a valid span; groups at or above the result unset),
 * the LRU cache returning one regex per key, and an exec past the end
 * reporting an error.
 * Lua: the docpipe.re binding on the same pattern and subject: gmatch
 * terminates, gsub with "$0", a function returning nil and an empty table
 * all give back the subject with the gmatch count, the fuzzed replacement
 * either works with that count or raises a docpipe.re error, split gives
 * between 1 and count + 1 pieces, find and match agree.
 */
#include <stdint.h>
#include <string.h>

#include "dp_regex.h"
#include "dp_utf8.h"
#include "fuzz_lua.h"

#define FAIL(msg) do { fprintf(stderr, "fuzz_regex: %s (line %d)\n", msg, __LINE__); abort(); } while (0)
#define ENSURE(cond) do { if (!(cond)) FAIL(#cond); } while (0)

static const char *const RE_LUA =
    "local re = require('docpipe').re\n"
    "return function(pat, flags, subj, repl)\n"
    "  local ok, rx = pcall(re.compile, pat, flags)\n"
    "  if not ok then\n"
    "    if not tostring(rx):find('docpipe.re: bad pattern at offset', 1, true) then\n"
    "      fuzz_fail('compile: ' .. tostring(rx))\n"
    "    end\n"
    "    return\n"
    "  end\n"
    "  local n = 0\n"
    "  for _ in rx:gmatch(subj) do\n"
    "    n = n + 1\n"
    "    if n > #subj + 1 then fuzz_fail('gmatch does not end') end\n"
    "  end\n"
    "  local out, k = rx:gsub(subj, '$0')\n"
    "  if out ~= subj or k ~= n then fuzz_fail(('gsub $0: %d vs %d matches'):format(k, n)) end\n"
    "  out, k = rx:gsub(subj, function() return nil end)\n"
    "  if out ~= subj or k ~= n then fuzz_fail('gsub with a function returning nil') end\n"
    "  out, k = rx:gsub(subj, {})\n"
    "  if out ~= subj or k ~= n then fuzz_fail('gsub with an empty table') end\n"
    "  out, k = rx:gsub(subj, '$0', 1)\n"
    "  if out ~= subj or k ~= math.min(n, 1) then fuzz_fail('gsub with n = 1') end\n"
    "  local ok2, o2, k2 = pcall(rx.gsub, rx, subj, repl)\n"
    "  if ok2 then\n"
    "    if type(o2) ~= 'string' or k2 ~= n then fuzz_fail('gsub with the fuzzed replacement') end\n"
    "  elseif not tostring(o2):find('docpipe.re: ', 1, true) then\n"
    "    fuzz_fail('gsub raised ' .. tostring(o2))\n"
    "  end\n"
    "  local parts = rx:split(subj)\n"
    "  if #parts < 1 or #parts > n + 1 then fuzz_fail(('split: %d pieces for %d matches'):format(#parts, n)) end\n"
    "  local total = 0\n"
    "  for _, p in ipairs(parts) do total = total + #p end\n"
    "  if total > #subj then fuzz_fail('split pieces longer than the subject') end\n"
    "  if #rx:split(subj, 2) > 2 then fuzz_fail('split with max = 2') end\n"
    "  local s, e = rx:find(subj)\n"
    "  if (s ~= nil) ~= (n > 0) then fuzz_fail('find and gmatch disagree') end\n"
    "  if s and not (s >= 1 and s <= e + 1 and e <= #subj) then fuzz_fail('find: bad span') end\n"
    "  if (rx:match(subj) ~= nil) ~= (s ~= nil) then fuzz_fail('find and match disagree') end\n"
    "  if s then\n"
    "    local s2 = rx:find(subj, -#subj - 5)\n"
    "    if s2 ~= s then fuzz_fail('find with a negative init') end\n"
    "  end\n"
    "  local o3 = re.gsub(subj, pat, '$0', nil, flags)\n"
    "  if o3 ~= subj then fuzz_fail('re.gsub with the pattern string') end\n"
    "end\n";

static dp_regex_cache *cache;

static void check_match(const dp_regex *re, const dp_match *m, int rc, size_t start,
                        size_t len) {
    unsigned ncap = dp_regex_capture_count(re);
    ENSURE(rc >= 1 && (unsigned)rc <= ncap + 1);
    ENSURE(dp_match_count(m) == rc);
    size_t s0 = dp_match_start(m, 0), e0 = dp_match_end(m, 0);
    ENSURE(s0 != DP_RE_UNSET && e0 != DP_RE_UNSET);
    ENSURE(s0 >= start && s0 <= e0 && e0 <= len);
    for (unsigned g = 0; g <= ncap + 1; g++) {
        size_t a = dp_match_start(m, g), b = dp_match_end(m, g);
        if (g >= (unsigned)rc) ENSURE(a == DP_RE_UNSET && b == DP_RE_UNSET);
        ENSURE((a == DP_RE_UNSET) == (b == DP_RE_UNSET));
        if (a != DP_RE_UNSET) ENSURE(a <= b && b <= len);
    }
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    fuzz_lua_warm("require 'docpipe'\n");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 3) return 0;
    unsigned flags = data[0] & 15u;
    int byte_steps = (data[0] >> 4) & 1, small_md = (data[0] >> 5) & 1;
    size_t rest = size - 3;
    size_t plen = data[1] % (rest + 1);
    rest -= plen;
    size_t rlen = data[2] % (rest + 1);
    rest -= rlen;
    /* exact-size copies, so reads past the end are caught */
    char *pat = malloc(plen + 1), *repl = malloc(rlen + 1), *subj = malloc(rest + 1);
    if (!pat || !repl || !subj) { free(pat); free(repl); free(subj); return 0; }
    memcpy(pat, data + 3, plen);
    memcpy(repl, data + 3 + plen, rlen);
    memcpy(subj, data + 3 + plen + rlen, rest);
    size_t slen = rest;

    char err[256];
    dp_regex *re = dp_regex_compile(pat, plen, flags, err, sizeof err);
    if (!re) {
        ENSURE(strncmp(err, "bad pattern at offset ", 22) == 0);
    } else {
        size_t got;
        const char *src = dp_regex_pattern(re, &got);
        ENSURE(got == plen && memcmp(src, pat, plen) == 0 && src[plen] == '\0');
        ENSURE(dp_regex_flags(re) == flags);
        ENSURE(dp_regex_group_index(re, "") == -1);
        (void)dp_regex_group_index(re, "name");
        dp_match *m = dp_match_new(small_md ? NULL : re);
        ENSURE(m != NULL);
        size_t start = 0, iters = 0;
        while (start <= slen) {
            ENSURE(iters++ <= slen + 1);
            int rc = dp_regex_exec(re, subj, slen, start, m);
            if (rc <= 0) {
                ENSURE(dp_match_count(m) == rc);
                ENSURE(dp_match_start(m, 0) == DP_RE_UNSET);
                break;
            }
            check_match(re, m, rc, start, slen);
            size_t e0 = dp_match_end(m, 0);
            if (e0 > start) {
                start = e0;
            } else if (byte_steps) {
                start++;
            } else {
                size_t k = start < slen ? dp_utf8_decode(subj + start, slen - start, NULL) : 1;
                start += k ? k : 1;
            }
        }
        ENSURE(dp_regex_exec(re, subj, slen, slen + 1, m) < 0);
        ENSURE(dp_match_start(m, 0) == DP_RE_UNSET);
        dp_match_free(m);
        dp_regex_free(re);

        if (!cache) cache = dp_regex_cache_new(4);
        dp_regex *a = dp_regex_cache_get(cache, pat, plen, flags, err, sizeof err);
        dp_regex *b = dp_regex_cache_get(cache, pat, plen, flags, err, sizeof err);
        ENSURE(a != NULL && a == b);
        ENSURE(dp_regex_cache_size(cache) <= 4);
    }

    static int re_ref;
    lua_State *L = fuzz_lua_state();
    fuzz_lua_chunk(L, RE_LUA, &re_ref);
    lua_pushlstring(L, pat, plen);
    char fl[5];
    size_t nf = 0;
    if (flags & DP_RE_CASELESS) fl[nf++] = 'i';
    if (flags & DP_RE_MULTILINE) fl[nf++] = 'm';
    if (flags & DP_RE_DOTALL) fl[nf++] = 's';
    if (flags & DP_RE_EXTENDED) fl[nf++] = 'x';
    lua_pushlstring(L, fl, nf);
    lua_pushlstring(L, subj, slen);
    lua_pushlstring(L, repl, rlen);
    if (dp_engine_pcall(L, 4, 0) != LUA_OK) fuzz_lua_error(L);
    fuzz_lua_done(L);
    free(pat);
    free(repl);
    free(subj);
    return 0;
}
