/* Unit tests for dp_ranges.c: which closed ranges meet a set of closed
 * spans, against the test written out (every pair) on edge cases and on
 * pseudo-random ones. */
#include "dp_ranges.h"
#include "dp_test.h"

static unsigned char naive(int64_t a, int64_t b, size_t m, const int64_t *s, const int64_t *e) {
    for (size_t k = 0; k < m; k++)
        if (s[k] <= b && e[k] >= a) return 1;
    return 0;
}

/* The number of ranges on which dp_ranges_meet and the pairwise test disagree
 * (the first one reported on stderr). */
static int mismatches(size_t n, const int64_t *a, const int64_t *b, size_t m, const int64_t *s,
                      const int64_t *e) {
    int64_t scratch[64];
    unsigned char out[64];
    int bad = 0;
    dp_ranges_meet(n, a, b, m, s, e, scratch, out);
    for (size_t i = 0; i < n; i++)
        if (out[i] != naive(a[i], b[i], m, s, e) && bad++ == 0)
            fprintf(stderr, "range [%lld, %lld] of %zu against %zu spans: got %d\n",
                    (long long)a[i], (long long)b[i], n, m, out[i]);
    return bad;
}

static void test_edges(void) {
    const int64_t a[] = { 1, 10, 20, 30, 41 }, b[] = { 5, 19, 25, 40, 45 };
    const int64_t s1[] = { 5 }, e1[] = { 5 };                 /* touches range 0's end */
    const int64_t s2[] = { 26, 19 }, e2[] = { 29, 20 };       /* a gap; unsorted */
    const int64_t s3[] = { 42, 42, 42 }, e3[] = { 41, 43, 10 }; /* equal starts; end < start */
    unsigned char out[5];
    int64_t scratch[6];
    dp_ranges_meet(5, a, b, 0, s1, e1, scratch, out);          /* no span */
    for (int i = 0; i < 5; i++) CHECK_INT(out[i], 0);
    dp_ranges_meet(5, a, b, 1, s1, e1, scratch, out);
    CHECK_INT(out[0], 1);
    CHECK_INT(out[1], 0);
    CHECK_INT(mismatches(5, a, b, 2, s2, e2), 0);
    dp_ranges_meet(5, a, b, 2, s2, e2, scratch, out);
    CHECK_INT(out[1], 1);
    CHECK_INT(out[2], 1);
    CHECK_INT(out[3], 0);
    CHECK_INT(mismatches(5, a, b, 3, s3, e3), 0);
}

/* 500 pseudo-random cases, one check for all of them (so that the count of
 * tests says how many properties hold, not how many ranges were drawn). */
static void test_random(void) {
    unsigned long seed = 7;
    int bad = 0, met = 0;
    for (int t = 0; t < 500; t++) {
        int64_t a[16], b[16], s[16], e[16];
        seed = seed * 6364136223846793005u + 1442695040888963407u;
        size_t n = (seed >> 33) % 16, m = (seed >> 45) % 16;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            a[i] = (int64_t)((seed >> 33) % 60);
            b[i] = a[i] + (int64_t)((seed >> 50) % 15);
        }
        for (size_t k = 0; k < m; k++) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            s[k] = (int64_t)((seed >> 33) % 70) - 5;
            e[k] = s[k] + (int64_t)((seed >> 50) % 12) - 1;
        }
        bad += mismatches(n, a, b, m, s, e);
        for (size_t i = 0; i < n; i++) met += naive(a[i], b[i], m, s, e);
    }
    CHECK_INT(bad, 0);
    CHECK(met > 100);   /* the cases are not all misses */
}

DP_TEST_MAIN("ranges", test_edges, test_random)
