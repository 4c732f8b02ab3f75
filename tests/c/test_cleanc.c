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

/* every position and every run length around each control, against a byte-by-byte
 * reading (the eight-byte path must not skip one, nor take a line feed or a space for
 * one, whatever the bytes before it) */
static int slow_may_control(const unsigned char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned c = s[i];
        if ((c < 0x20 && c != 0x0A) || c == 0x7F) return 1;
        if (c == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F) return 1;
        if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0x8B || s[i + 2] == 0xA8 || s[i + 2] == 0xA9))
            return 1;
        if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF) return 1;
    }
    return 0;
}

static void test_may_control(void) {
    const char *plain = "North Korea plans prisoner release\nto mark dead leader's birthday.\n\n";
    CHECK_INT(dp_cleanc_may_control(plain, strlen(plain)), 0);
    CHECK_INT(dp_cleanc_may_control("", 0), 0);
    CHECK_INT(dp_cleanc_may_control("\n\n\n\n\n\n\n\n\n", 9), 0);
    CHECK_INT(dp_cleanc_may_control("a\tb", 3), 1);             /* a tab (the stage turns it into spaces first) */
    CHECK_INT(dp_cleanc_may_control("abcdefgh\x7f", 9), 1);       /* DEL past the first eight */
    CHECK_INT(dp_cleanc_may_control("\nabcdefg\x0b", 9), 1);      /* a control after a line feed */
    CHECK_INT(dp_cleanc_may_control("x\xc2\x85y", 4), 1);         /* U+0085 */
    CHECK_INT(dp_cleanc_may_control("x\xc2\xa0y", 4), 0);         /* U+00A0: no control */
    CHECK_INT(dp_cleanc_may_control("\xef\xbb\xbfHello", 8), 1);  /* a byte-order mark */
    CHECK_INT(dp_cleanc_may_control("a\xe2\x80\x8b", 4), 1);      /* U+200B */
    CHECK_INT(dp_cleanc_may_control("a\xe2\x80\xa9", 4), 1);      /* U+2029 */
    CHECK_INT(dp_cleanc_may_control("a\xe2\x80\x9d", 4), 0);      /* a closing quote */
    /* cut short at the end, and invalid UTF-8 around the runs */
    CHECK_INT(dp_cleanc_may_control("a\xe2\x80", 3), 0);
    CHECK_INT(dp_cleanc_may_control("a\xc2", 2), 0);
    CHECK_INT(dp_cleanc_may_control("\xff\xc2\x80", 3), 1);
    /* each byte value at each offset of a run of 1 to 20 bytes of "a" or "\n" */
    unsigned char buf[24];
    for (int fill = 0; fill < 2; fill++)
        for (size_t n = 1; n <= 20; n++)
            for (size_t at = 0; at < n; at++)
                for (int c = 0; c < 256; c++) {
                    memset(buf, fill ? '\n' : 'a', n);
                    buf[at] = (unsigned char)c;
                    int want = slow_may_control(buf, n);
                    if (dp_cleanc_may_control((const char *)buf, n) != want) {
                        CHECK_INT(dp_cleanc_may_control((const char *)buf, n), want);
                        return;
                    }
                }
    /* and pairs: a line feed or a space beside each byte (borrows and carries) */
    for (size_t at = 0; at + 1 < 16; at++)
        for (int c = 0; c < 256; c++)
            for (int d = 0; d < 256; d += 5) {
                memset(buf, ' ', 16);
                buf[at] = (unsigned char)d;
                buf[at + 1] = (unsigned char)c;
                int want = slow_may_control(buf, 16);
                if (dp_cleanc_may_control((const char *)buf, 16) != want) {
                    CHECK_INT(dp_cleanc_may_control((const char *)buf, 16), want);
                    return;
                }
            }
}

DP_TEST_MAIN("cleanc", test_digit_outside, test_mask, test_plain_ascii, test_has_any, test_may_control)
