/* Unit tests for dp_cleanc.c. */
#include "dp_test.h"
#include "dp_cleanc.h"

static void test_digit_outside(void) {
    const char *s = "updated 9:45 AM EST, Tue January 10, 2012";
    size_t n = strlen(s);
    /* the date "January 10, 2012" is [25, 41): the clock's digits stand before it */
    CHECK_INT(dp_cleanc_digit_outside(s, n, 25, 41), 1);
    const char *d = "May 20, 2024";
    CHECK_INT(dp_cleanc_digit_outside(d, strlen(d), 0, 12), 0);
    const char *p = "Posted on June 3, 2024 by NAME";
    CHECK_INT(dp_cleanc_digit_outside(p, strlen(p), 10, 22), 0);
    /* a digit right after the range, or right before it */
    CHECK_INT(dp_cleanc_digit_outside("May 20, 2024 7", 14, 0, 12), 1);
    CHECK_INT(dp_cleanc_digit_outside("1May", 4, 1, 4), 1);
    /* ranges past the end are clamped; an empty range hides nothing */
    CHECK_INT(dp_cleanc_digit_outside("ab12", 4, 2, 99), 0);
    CHECK_INT(dp_cleanc_digit_outside("ab12", 4, 99, 99), 1);
    CHECK_INT(dp_cleanc_digit_outside("ab12", 4, 3, 1), 1);
    CHECK_INT(dp_cleanc_digit_outside("", 0, 0, 0), 0);
    /* bytes beyond ASCII are no digits */
    CHECK_INT(dp_cleanc_digit_outside("\xD9\xA3 x", 4, 0, 0), 0);
}

static void test_mask(void) {
    char out[64];
    const char *s = "9:45 AM, January 10, 2012 EST";
    size_t n = strlen(s);
    dp_cleanc_mask(s, n, 9, 25, out);
    out[n] = 0;
    CHECK_STR(out, "9:45 AM,                  EST");
    dp_cleanc_mask("abc", 3, 0, 3, out);
    out[3] = 0;
    CHECK_STR(out, "   ");
    dp_cleanc_mask("abc", 3, 2, 50, out);
    out[3] = 0;
    CHECK_STR(out, "ab ");
    dp_cleanc_mask("abc", 3, 2, 1, out);
    out[3] = 0;
    CHECK_STR(out, "abc");
}

static void test_plain_ascii(void) {
    CHECK_INT(dp_cleanc_plain_ascii("updated 9:45 AM EST", 19), 1);
    CHECK_INT(dp_cleanc_plain_ascii("", 0), 1);
    CHECK_INT(dp_cleanc_plain_ascii("May 2 (EST)", 11), 0);
    CHECK_INT(dp_cleanc_plain_ascii("caf\xC3\xA9", 5), 0);
    CHECK_INT(dp_cleanc_plain_ascii("x\x7F", 2), 1);
}

static void test_has_any(void) {
    const char *seps[] = { "|", ",", "\xC2\xB7", "\xE2\x80\xA2" };
    const size_t lens[] = { 1, 1, 2, 3 };
    const char *a = "Senior Reporter | Managing Editor";
    CHECK_INT(dp_cleanc_has_any(a, strlen(a), seps, lens, 4), 1);
    CHECK_INT(dp_cleanc_has_any("Search", 6, seps, lens, 4), 0);
    /* a needle of several bytes only whole: "\xE2\x80" alone is no bullet */
    CHECK_INT(dp_cleanc_has_any("a \xE2\x80\x99 b", 7, seps, lens, 4), 0);
    CHECK_INT(dp_cleanc_has_any("Home \xE2\x80\xA2 News", 12, seps, lens, 4), 1);
    /* at the very end, and a needle longer than s */
    CHECK_INT(dp_cleanc_has_any("x\xC2\xB7", 3, seps, lens, 4), 1);
    CHECK_INT(dp_cleanc_has_any("\xE2", 1, seps + 3, lens + 3, 1), 0);
    /* an empty needle is found at once; no needle finds nothing */
    const char *empty[] = { "" };
    const size_t zero[] = { 0 };
    CHECK_INT(dp_cleanc_has_any("", 0, empty, zero, 1), 1);
    CHECK_INT(dp_cleanc_has_any("abc", 3, seps, lens, 0), 0);
}

DP_TEST_MAIN("cleanc", test_digit_outside, test_mask, test_plain_ascii, test_has_any)
