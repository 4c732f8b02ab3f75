/*
 * dp_test.h: a tiny unit-test harness for docpipe's C tests.
 *
 * Each test file defines test functions and a DP_TEST_MAIN list; every
 * CHECK counts one assertion. The binary prints failures as
 * "FILE:LINE: check failed: EXPR" and ends with "N passed, N failed";
 * its exit status is 1 when anything failed.
 */
#ifndef DP_TEST_H
#define DP_TEST_H

#include <stdio.h>
#include <string.h>

static int dp_test_passed, dp_test_failed;

#define CHECK(expr) do { \
    if (expr) dp_test_passed++; \
    else { dp_test_failed++; \
        fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #expr); } \
} while (0)

#define CHECK_STR(got, want) do { \
    const char *g_ = (got), *w_ = (want); \
    if (g_ && w_ && strcmp(g_, w_) == 0) dp_test_passed++; \
    else { dp_test_failed++; \
        fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__, \
                g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } \
} while (0)

#define CHECK_INT(got, want) do { \
    long long g_ = (long long)(got), w_ = (long long)(want); \
    if (g_ == w_) dp_test_passed++; \
    else { dp_test_failed++; \
        fprintf(stderr, "%s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); } \
} while (0)

typedef void (*dp_test_fn)(void);

static int dp_test_run(const char *suite, const dp_test_fn *fns, size_t n) {
    for (size_t i = 0; i < n; i++) fns[i]();
    printf("%s: %d passed, %d failed\n", suite, dp_test_passed, dp_test_failed);
    return dp_test_failed ? 1 : 0;
}

#define DP_TEST_MAIN(suite, ...) \
    int main(void) { \
        static const dp_test_fn fns_[] = { __VA_ARGS__ }; \
        return dp_test_run(suite, fns_, sizeof fns_ / sizeof fns_[0]); \
    }

#endif
