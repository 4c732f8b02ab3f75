/*
 * test_regex.c: unit tests for src/dp_regex.c (PCRE2 wrapper and cache).
 * Offsets are 0-based bytes, [start, end).
 */
#include <stdlib.h>
#include <string.h>

#include "../../src/dp_regex.h"
#include "dp_test.h"

static char err[256];

static dp_regex *compile(const char *pat, unsigned flags) {
    err[0] = '\0';
    return dp_regex_compile(pat, strlen(pat), flags, err, sizeof err);
}

/* Match pat against subj from 0; returns exec's result, m keeps groups. */
static int run(const char *pat, unsigned flags, const char *subj, dp_match *m) {
    dp_regex *re = compile(pat, flags);
    if (!re) return -1000;
    int rc = dp_regex_exec(re, subj, strlen(subj), 0, m);
    dp_regex_free(re);
    return rc;
}

static void test_compile_error_reports_offset_and_message(void) {
    CHECK(compile("a(b", 0) == NULL);
    CHECK_STR(err, "bad pattern at offset 3: missing closing parenthesis");
    CHECK(compile("ab)", 0) == NULL);
    CHECK_STR(err, "bad pattern at offset 2: unmatched closing parenthesis");
    CHECK(compile("[z-a]", 0) == NULL);
    CHECK(strncmp(err, "bad pattern at offset 3: ", 25) == 0);
    CHECK(compile("\\p{NoSuchProperty}", 0) == NULL);
    CHECK(strncmp(err, "bad pattern at offset ", 22) == 0);
    /* the pattern itself must be valid UTF-8 */
    CHECK(compile("ab\xff", 0) == NULL);
    CHECK(strstr(err, "offset 2: UTF-8 error") != NULL);
    /* unknown flag bits are refused */
    CHECK(dp_regex_compile("a", 1, 1u << 10, err, sizeof err) == NULL);
    CHECK_STR(err, "bad pattern at offset 0: unknown flag bits");
    /* a short error buffer is truncated, not overrun */
    char small[12];
    memset(small, 'x', sizeof small);
    CHECK(dp_regex_compile("(", 1, 0, small, 8) == NULL);
    CHECK_STR(small, "bad pat");
    CHECK(small[8] == 'x');
    /* NULL err is allowed */
    CHECK(dp_regex_compile("(", 1, 0, NULL, 0) == NULL);
}

static void test_exec_reports_byte_offsets_and_groups(void) {
    dp_match *m = dp_match_new(NULL);
    dp_regex *re = compile("(\\d+)-(\\d+)", 0);
    CHECK(re != NULL);
    CHECK_INT(dp_regex_capture_count(re), 2);
    const char *s = "pages 12-345 and 6-7";
    CHECK_INT(dp_regex_exec(re, s, strlen(s), 0, m), 3);
    CHECK_INT(dp_match_count(m), 3);
    CHECK_INT(dp_match_start(m, 0), 6);
    CHECK_INT(dp_match_end(m, 0), 12);
    CHECK_INT(dp_match_start(m, 1), 6);
    CHECK_INT(dp_match_end(m, 1), 8);
    CHECK_INT(dp_match_start(m, 2), 9);
    CHECK_INT(dp_match_end(m, 2), 12);
    /* out-of-range group reads as unset */
    CHECK(dp_match_start(m, 3) == DP_RE_UNSET);
    /* start offset */
    CHECK_INT(dp_regex_exec(re, s, strlen(s), 12, m), 3);
    CHECK_INT(dp_match_start(m, 0), 17);
    CHECK_INT(dp_match_end(m, 0), 20);
    /* no match */
    CHECK_INT(dp_regex_exec(re, "none", 4, 0, m), 0);
    CHECK(dp_match_start(m, 0) == DP_RE_UNSET);
    /* start past the end is an error, start == len is fine */
    CHECK(dp_regex_exec(re, s, strlen(s), strlen(s) + 1, m) < 0);
    CHECK_INT(dp_regex_exec(re, s, strlen(s), strlen(s), m), 0);
    char msg[128];
    dp_regex_error_message(dp_regex_exec(re, s, 3, 4, m), msg, sizeof msg);
    CHECK(strstr(msg, "offset") != NULL);
    dp_regex_free(re);
    dp_match_free(m);
}

static void test_unset_groups_read_as_unset(void) {
    dp_match *m = dp_match_new(NULL);
    /* group 1 unset, group 2 set */
    CHECK_INT(run("(a)|(b)", 0, "xb", m), 3);
    CHECK(dp_match_start(m, 1) == DP_RE_UNSET);
    CHECK(dp_match_end(m, 1) == DP_RE_UNSET);
    CHECK_INT(dp_match_start(m, 2), 1);
    /* trailing unset group: result counts only up to the highest set one */
    CHECK_INT(run("(a)|(b)", 0, "xa", m), 2);
    CHECK_INT(dp_match_start(m, 1), 1);
    CHECK(dp_match_start(m, 2) == DP_RE_UNSET);
    dp_match_free(m);
}

static void test_utf8_and_unicode_properties(void) {
    dp_match *m = dp_match_new(NULL);
    /* \p{Lu}: first upper-case letter is the two-byte É at byte 4 */
    CHECK_INT(run("\\p{Lu}\\p{Ll}+", 0, "the \xc3\x89" "cole", m), 1);
    CHECK_INT(dp_match_start(m, 0), 4);
    CHECK_INT(dp_match_end(m, 0), 10);
    /* UCP: \w and \b know non-ASCII letters */
    CHECK_INT(run("\\b\\w+\\b", 0, "\xc2\xab" "caf\xc3\xa9\xc2\xbb", m), 1);
    CHECK_INT(dp_match_start(m, 0), 2);
    CHECK_INT(dp_match_end(m, 0), 7);
    /* . is one code point, not one byte (three-byte euro sign) */
    CHECK_INT(run("^.$", 0, "\xe2\x82\xac", m), 1);
    CHECK_INT(dp_match_end(m, 0), 3);
    /* \d covers other decimal digits (Devanagari four) under UCP */
    CHECK_INT(run("^\\d$", 0, "\xe0\xa5\xaa", m), 1);
    /* \s covers NO-BREAK SPACE */
    CHECK_INT(run("a\\sb", 0, "a\xc2\xa0" "b", m), 1);
    /* a four-byte character */
    CHECK_INT(run("\\p{So}", 0, "ok \xf0\x9f\x98\x80!", m), 1);
    CHECK_INT(dp_match_start(m, 0), 3);
    CHECK_INT(dp_match_end(m, 0), 7);
    dp_match_free(m);
}

static void test_flags(void) {
    dp_match *m = dp_match_new(NULL);
    /* caseless uses Unicode case folding */
    CHECK_INT(run("\xc3\xa9" "cole", 0, "\xc3\x89" "COLE", m), 0);
    CHECK_INT(run("\xc3\xa9" "cole", DP_RE_CASELESS, "\xc3\x89" "COLE", m), 1);
    CHECK_INT(run("\xce\xa3", DP_RE_CASELESS, "\xcf\x83", m), 1); /* Sigma, sigma */
    /* multiline */
    CHECK_INT(run("^b$", 0, "a\nb\nc", m), 0);
    CHECK_INT(run("^b$", DP_RE_MULTILINE, "a\nb\nc", m), 1);
    CHECK_INT(dp_match_start(m, 0), 2);
    /* dotall */
    CHECK_INT(run("a.b", 0, "a\nb", m), 0);
    CHECK_INT(run("a.b", DP_RE_DOTALL, "a\nb", m), 1);
    /* extended */
    CHECK_INT(run("a b # comment", DP_RE_EXTENDED, "ab", m), 1);
    CHECK_INT(run("a b", 0, "ab", m), 0);
    /* combined */
    CHECK_INT(run("^B.C$", DP_RE_CASELESS | DP_RE_MULTILINE | DP_RE_DOTALL, "a\nb\nc", m), 1);
    dp_regex *re = compile("x", DP_RE_CASELESS | DP_RE_DOTALL);
    CHECK_INT(dp_regex_flags(re), DP_RE_CASELESS | DP_RE_DOTALL);
    size_t len = 0;
    CHECK_STR(dp_regex_pattern(re, &len), "x");
    CHECK_INT(len, 1);
    dp_regex_free(re);
    dp_match_free(m);
}

static void test_named_groups(void) {
    dp_regex *re = compile("(?<day>\\d+) (?<month>\\p{L}+) (\\d{4})", 0);
    CHECK(re != NULL);
    CHECK_INT(dp_regex_capture_count(re), 3);
    CHECK_INT(dp_regex_group_index(re, "day"), 1);
    CHECK_INT(dp_regex_group_index(re, "month"), 2);
    CHECK_INT(dp_regex_group_index(re, "year"), -1);
    CHECK_INT(dp_regex_group_index(re, ""), -1);
    CHECK_INT(dp_regex_group_index(re, NULL), -1);
    dp_match *m = dp_match_new(re);
    const char *s = "on 14 M\xc3\xa4rz 2021";
    CHECK_INT(dp_regex_exec(re, s, strlen(s), 0, m), 4);
    CHECK_INT(dp_match_start(m, 2), 6);
    CHECK_INT(dp_match_end(m, 2), 11);
    CHECK_INT(dp_match_start(m, 3), 12);
    dp_match_free(m);
    dp_regex_free(re);
}

static void test_invalid_utf8_subject_never_errors(void) {
    dp_match *m = dp_match_new(NULL);
    const char s[] = "ab\xff\xfe" "cd\xc3"; /* bad bytes, truncated sequence at the end */
    size_t n = sizeof s - 1;
    dp_regex *re = compile("c.", 0);
    CHECK_INT(dp_regex_exec(re, s, n, 0, m), 1);
    CHECK_INT(dp_match_start(m, 0), 4);
    CHECK_INT(dp_match_end(m, 0), 6);
    dp_regex_free(re);
    /* invalid bytes match no item, not even . or a negated class */
    re = compile("b.c|b[^x]c|b..c", 0);
    CHECK_INT(dp_regex_exec(re, s, n, 0, m), 0);
    dp_regex_free(re);
    /* a start offset inside a multi-byte character is accepted */
    re = compile("\\w", 0);
    const char *e = "\xc3\xa9z";
    CHECK_INT(dp_regex_exec(re, e, 3, 1, m), 1);
    CHECK_INT(dp_match_start(m, 0), 2);
    dp_regex_free(re);
    /* every start offset of an invalid subject works */
    re = compile("(?:)", 0);
    for (size_t i = 0; i <= n; i++) CHECK(dp_regex_exec(re, s, n, i, m) >= 0);
    dp_regex_free(re);
    dp_match_free(m);
}

static void test_nul_bytes_in_pattern_and_subject(void) {
    dp_match *m = dp_match_new(NULL);
    dp_regex *re = dp_regex_compile("a\0b", 3, 0, err, sizeof err);
    CHECK(re != NULL);
    CHECK_INT(dp_regex_exec(re, "xa\0b", 4, 0, m), 1);
    CHECK_INT(dp_match_start(m, 0), 1);
    CHECK_INT(dp_match_end(m, 0), 4);
    dp_regex_free(re);
    /* empty pattern and empty subject */
    re = dp_regex_compile("", 0, 0, err, sizeof err);
    CHECK(re != NULL);
    CHECK_INT(dp_regex_exec(re, "", 0, 0, m), 1);
    CHECK_INT(dp_match_end(m, 0), 0);
    CHECK_INT(dp_regex_exec(re, NULL, 0, 0, m), 1);
    dp_regex_free(re);
    dp_match_free(m);
}

static void test_match_data_grows_with_more_groups(void) {
    dp_regex *small = compile("a", 0);
    dp_match *m = dp_match_new(small);
    dp_regex *big = compile("(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)", 0);
    const char *s = "--abcdefghijkl";
    CHECK_INT(dp_regex_exec(big, s, strlen(s), 0, m), 13);
    CHECK_INT(dp_match_start(m, 12), 13);
    CHECK_INT(dp_match_end(m, 12), 14);
    CHECK_INT(dp_regex_exec(small, s, strlen(s), 0, m), 1);
    CHECK(dp_match_start(m, 1) == DP_RE_UNSET);
    dp_regex_free(small);
    dp_regex_free(big);
    dp_match_free(m);
}

static void test_deep_backtracking_on_long_subject(void) {
    /* overflows the default JIT stack; must still give the right answer */
    size_t n = 200000;
    char *s = malloc(n);
    CHECK(s != NULL);
    if (!s) return;
    for (size_t i = 0; i < n; i++) s[i] = (i % 2) ? 'a' : 'b';
    dp_match *m = dp_match_new(NULL);
    dp_regex *re = compile("^(a|b)*$", 0);
    CHECK_INT(dp_regex_exec(re, s, n, 0, m), 2);
    CHECK_INT(dp_match_end(m, 0), n);
    CHECK_INT(dp_match_start(m, 1), n - 1);
    dp_regex_free(re);
    dp_match_free(m);
    free(s);
}

static void test_retain_keeps_regex_alive(void) {
    dp_regex *re = compile("x+", 0);
    CHECK(dp_regex_retain(re) == re);
    dp_regex_free(re);
    dp_match *m = dp_match_new(re);
    CHECK_INT(dp_regex_exec(re, "axxb", 4, 0, m), 1); /* still alive */
    CHECK_INT(dp_match_end(m, 0), 3);
    dp_regex_free(re);
    dp_regex_free(NULL);
    dp_match_free(m);
    dp_match_free(NULL);
}

static void test_cache_hit_returns_same_object(void) {
    dp_regex_cache *c = dp_regex_cache_new(4);
    dp_regex *a = dp_regex_cache_get(c, "a+", 2, 0, err, sizeof err);
    dp_regex *b = dp_regex_cache_get(c, "a+", 2, 0, err, sizeof err);
    CHECK(a != NULL);
    CHECK(a == b);
    /* same pattern, other flags: another entry */
    dp_regex *ci = dp_regex_cache_get(c, "a+", 2, DP_RE_CASELESS, err, sizeof err);
    CHECK(ci != NULL && ci != a);
    CHECK_INT(dp_regex_flags(ci), DP_RE_CASELESS);
    /* key uses the given length, not NUL termination */
    dp_regex *pre = dp_regex_cache_get(c, "a+b", 2, 0, err, sizeof err);
    CHECK(pre == a);
    CHECK_INT(dp_regex_cache_size(c), 2);
    /* errors are reported and not cached */
    CHECK(dp_regex_cache_get(c, "(", 1, 0, err, sizeof err) == NULL);
    CHECK_STR(err, "bad pattern at offset 1: missing closing parenthesis");
    CHECK_INT(dp_regex_cache_size(c), 2);
    dp_regex_cache_free(c);
    dp_regex_cache_free(NULL);
}

static void test_cache_evicts_least_recently_used(void) {
    dp_regex_cache *c = dp_regex_cache_new(3);
    char pat[32];
    dp_regex *first = dp_regex_cache_get(c, "p0", 2, 0, err, sizeof err);
    dp_regex_retain(first); /* keep it usable after eviction */
    dp_regex *keep = dp_regex_cache_get(c, "keep", 4, 0, err, sizeof err);
    dp_match *m = dp_match_new(NULL);
    for (int i = 1; i < 500; i++) {
        int n = snprintf(pat, sizeof pat, "p%d", i);
        dp_regex *re = dp_regex_cache_get(c, pat, (size_t)n, 0, err, sizeof err);
        CHECK(re != NULL);
        CHECK(dp_regex_cache_size(c) <= 3);
        /* touching "keep" each round keeps it most recently used */
        CHECK(dp_regex_cache_get(c, "keep", 4, 0, err, sizeof err) == keep);
        if (i % 100 == 0) CHECK_INT(dp_regex_exec(re, pat, (size_t)n, 0, m), 1);
    }
    CHECK_INT(dp_regex_cache_size(c), 3);
    /* the retained, evicted regex still works */
    CHECK_INT(dp_regex_exec(first, "xp0", 3, 0, m), 1);
    CHECK_INT(dp_match_start(m, 0), 1);
    /* a recent pattern is a hit, an old one was recompiled */
    dp_regex *p499 = dp_regex_cache_get(c, "p499", 4, 0, err, sizeof err);
    CHECK(dp_regex_cache_get(c, "p499", 4, 0, err, sizeof err) == p499);
    dp_regex *again = dp_regex_cache_get(c, "p0", 2, 0, err, sizeof err);
    CHECK(again != NULL && again != first);
    dp_regex_cache_free(c);
    CHECK_INT(dp_regex_exec(first, "p0", 2, 0, m), 1); /* outlives the cache */
    dp_regex_free(first);
    /* capacity 0 behaves as 1 */
    c = dp_regex_cache_new(0);
    dp_regex *x = dp_regex_cache_get(c, "x", 1, 0, err, sizeof err);
    CHECK(dp_regex_cache_get(c, "x", 1, 0, err, sizeof err) == x);
    CHECK(dp_regex_cache_get(c, "y", 1, 0, err, sizeof err) != NULL);
    CHECK_INT(dp_regex_cache_size(c), 1);
    dp_regex_cache_free(c);
    dp_match_free(m);
}

/* Every byte under 128 that opens a match at offset 0, as a string in byte order. */
static void first_bytes_of(const char *pat, unsigned flags, char *out) {
    dp_regex *re = compile(pat, flags);
    unsigned char set[256];
    CHECK(re != NULL);
    CHECK_INT(dp_regex_first_bytes(re, set), 0);
    size_t k = 0;
    for (int c = 1; c < 128; c++) if (set[c]) out[k++] = (char)c;
    out[k] = '\0';
    int high = 0;
    for (int c = 128; c < 256; c++) high += set[c];
    CHECK_INT(high, 128); /* lead bytes: always */
    dp_regex_free(re);
}

static void test_first_bytes_of_a_match_at_the_start(void) {
    char got[130];
    /* an optional group and an alternation; caseless: both cases */
    first_bytes_of("^(\\d+ )?comments?|^(ends|\\(ends\\))\\s*:?$", DP_RE_CASELESS, got);
    CHECK_STR(got, "(0123456789CEce");
    /* case kept without the flag */
    first_bytes_of("^Ends", 0, got);
    CHECK_STR(got, "E");
    /* a floating pattern: the bytes a match may start with at offset 0 */
    first_bytes_of("(?<![a-z])all rights", DP_RE_CASELESS, got);
    CHECK_STR(got, "Aa");
    /* Unicode folding: a caseless k also matches U+212A (a lead byte, set anyway) */
    first_bytes_of("^\\x{212A}elvin", DP_RE_CASELESS, got);
    CHECK_STR(got, "Kk");
    /* nothing consumed before a failing item: none */
    first_bytes_of("^\\s*:$", 0, got);
    CHECK_STR(got, "\t\n\v\f\r :");
    /* a pattern that may match the empty string: every byte */
    first_bytes_of("^x?", 0, got);
    CHECK_INT((int)strlen(got), 127);
}

DP_TEST_MAIN("regex",
             test_compile_error_reports_offset_and_message,
             test_exec_reports_byte_offsets_and_groups,
             test_unset_groups_read_as_unset,
             test_utf8_and_unicode_properties,
             test_flags,
             test_named_groups,
             test_invalid_utf8_subject_never_errors,
             test_nul_bytes_in_pattern_and_subject,
             test_match_data_grows_with_more_groups,
             test_deep_backtracking_on_long_subject,
             test_retain_keeps_regex_alive,
             test_cache_hit_returns_same_object,
             test_cache_evicts_least_recently_used,
             test_first_bytes_of_a_match_at_the_start)
