/* Unit tests for dp_litset.c: held equal to a naive search (each literal
 * looked for at each position, ASCII letters in either case). */
#include "dp_litset.h"
#include "dp_test.h"

#include <stdint.h>
#include <string.h>

static unsigned char low(unsigned char c) { return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c; }

/* the naive answer: the OR of the masks of the literals s holds */
static uint64_t naive(const char *const *lit, const uint64_t *mask, size_t k, const char *s, size_t n) {
    uint64_t m = 0;
    for (size_t i = 0; i < k; i++) {
        size_t len = strlen(lit[i]);
        for (size_t p = 0; p + len <= n; p++) {
            size_t j = 0;
            while (j < len && low((unsigned char)s[p + j]) == low((unsigned char)lit[i][j])) j++;
            if (j == len) {
                m |= mask[i];
                break;
            }
        }
    }
    return m;
}

static void test_basic(void) {
    dp_litset *ls = dp_litset_new();
    CHECK(ls != NULL);
    CHECK_INT(dp_litset_add(ls, "ago", 3, 1), 1);
    CHECK_INT(dp_litset_add(ls, "|", 1, 2), 1);
    CHECK_INT(dp_litset_add(ls, "all rights reserved", 19, 4), 1);
    CHECK_INT(dp_litset_add(ls, "\xC2\xA9", 2, 8), 1); /* the copyright sign */
    CHECK_INT(dp_litset_add(ls, "x", 0, 16), 0);       /* an empty literal: refused */
    /* not prepared: every bit (nothing ruled out) */
    CHECK(dp_litset_scan(ls, "", 0) == ~(uint64_t)0);
    CHECK_INT(dp_litset_prepare(ls), 1);
    /* empty text, case, the literal at the end or alone, a cut literal */
    CHECK(dp_litset_scan(ls, "", 0) == 0);
    CHECK(dp_litset_scan(ls, "3 hours AGO", 11) == 1);
    CHECK(dp_litset_scan(ls, "ago", 3) == 1);
    CHECK(dp_litset_scan(ls, "3 hours ag", 10) == 0);
    CHECK(dp_litset_scan(ls, "a|b", 3) == 2);
    CHECK(dp_litset_scan(ls, "ALL Rights RESERVED.", 20) == 4);
    CHECK(dp_litset_scan(ls, "all rights reserve", 18) == 0);
    /* UTF-8: the sign's bytes, not another character's; Kelvin and long s are not
     * ASCII letters (the caller keeps k and s out of its literals) */
    CHECK(dp_litset_scan(ls, "\xC2\xA9 2024", 7) == 8);
    CHECK(dp_litset_scan(ls, "\xC3\xA9\xC2", 3) == 0);
    CHECK(dp_litset_scan(ls, "\xE2\x84\xAA", 3) == 0);
    /* a set added to after a scan: prepared again */
    CHECK_INT(dp_litset_add(ls, "new", 3, 32), 1);
    CHECK(dp_litset_scan(ls, "new", 3) == ~(uint64_t)0);
    CHECK_INT(dp_litset_prepare(ls), 1);
    CHECK(dp_litset_scan(ls, "NEW ago", 7) == 33);
    dp_litset_free(ls);
    dp_litset_free(NULL);
}

/* overlapping literals (the failure links) and random texts against the naive
 * search */
static void test_against_naive(void) {
    static const char *lit[] = { "he", "she", "his", "hers", "a", "aab", "ab|", "|", "\xE2\x80\x94",
                                 "e-mail", "ZZ", "hers and his" };
    uint64_t mask[sizeof lit / sizeof *lit];
    size_t k = sizeof lit / sizeof *lit;
    dp_litset *ls = dp_litset_new();
    for (size_t i = 0; i < k; i++) {
        mask[i] = (uint64_t)1 << (i % 7); /* shared bits, as the caller gives them */
        CHECK_INT(dp_litset_add(ls, lit[i], strlen(lit[i]), mask[i]), 1);
    }
    CHECK_INT(dp_litset_prepare(ls), 1);
    CHECK(dp_litset_scan(ls, "ushers", 6) == naive(lit, mask, k, "ushers", 6));
    CHECK(dp_litset_scan(ls, "HERS AND HIS", 12) == naive(lit, mask, k, "HERS AND HIS", 12));
    const char alpha[] = "aAbBhHeEsSrR| -\xE2\x80\x94zZ";
    unsigned seed = 4242;
    int bad = 0;
    for (int r = 0; r < 20000; r++) {
        char buf[32];
        size_t n = (size_t)(r % 32);
        for (size_t j = 0; j < n; j++) {
            seed = seed * 1103515245u + 12345u;
            buf[j] = alpha[(seed >> 16) % (sizeof alpha - 1)];
        }
        if (dp_litset_scan(ls, buf, n) != naive(lit, mask, k, buf, n)) bad++;
    }
    CHECK_INT(bad, 0);
    dp_litset_free(ls);
}

DP_TEST_MAIN("litset", test_basic, test_against_naive)
