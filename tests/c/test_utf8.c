/* Unit tests for dp_utf8.c. */
#include "dp_test.h"
#include "dp_utf8.h"

#include <stdlib.h>

static void test_decode(void) {
    uint32_t cp = 0;
    CHECK_INT(dp_utf8_decode("A", 1, &cp), 1);
    CHECK_INT(cp, 'A');
    CHECK_INT(dp_utf8_decode("\xC3\xA9", 2, &cp), 2);
    CHECK_INT(cp, 0xE9);
    CHECK_INT(dp_utf8_decode("\xE2\x80\x9C", 3, &cp), 3);
    CHECK_INT(cp, 0x201C);
    CHECK_INT(dp_utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
    CHECK_INT(cp, 0x1F600);
    CHECK_INT(dp_utf8_decode("\xC0\xAF", 2, &cp), 0);         /* overlong */
    CHECK_INT(dp_utf8_decode("\xED\xA0\x80", 3, &cp), 0);     /* surrogate */
    CHECK_INT(dp_utf8_decode("\xF4\x90\x80\x80", 4, &cp), 0); /* > U+10FFFF */
    CHECK_INT(dp_utf8_decode("\xE2\x80", 2, &cp), 0);         /* truncated */
}

static void test_encode(void) {
    char b[4];
    CHECK_INT(dp_utf8_encode(0x41, b), 1);
    CHECK_INT(dp_utf8_encode(0xE9, b), 2);
    CHECK(b[0] == (char)0xC3 && b[1] == (char)0xA9);
    CHECK_INT(dp_utf8_encode(0xFFFD, b), 3);
    CHECK_INT(dp_utf8_encode(0x1F600, b), 4);
}

static void test_len_and_offsets(void) {
    const char *s = "h\xC3\xA9llo \xE2\x80\x9Cq\xE2\x80\x9D";  /* hello “q” */
    size_t n = strlen(s);
    CHECK_INT(dp_utf8_len(s, n), 9);
    CHECK_INT(dp_utf8_cp_to_byte(s, n, 0), 0);
    CHECK_INT(dp_utf8_cp_to_byte(s, n, 2), 3);
    CHECK_INT(dp_utf8_cp_to_byte(s, n, 9), n);
    CHECK_INT(dp_utf8_cp_to_byte(s, n, 100), n);
    CHECK_INT(dp_utf8_byte_to_cp(s, n, 3), 2);
    CHECK_INT(dp_utf8_byte_to_cp(s, n, 2), 1);  /* inside é: that code point */
    CHECK_INT(dp_utf8_byte_to_cp(s, n, n), 9);
    CHECK_INT(dp_utf8_len("a\xFF" "b", 3), 3);  /* an invalid byte counts once */
    CHECK_INT(dp_utf8_check("ok\xFFno", 5), 2);
    CHECK_INT(dp_utf8_check("fine", 4), 4);
}

static void test_repair(void) {
    char *out;
    size_t replaced;
    size_t len = dp_utf8_repair("\xEF\xBB\xBFline1\r\nline2\rx\xFFy\0z", 21, &out, &replaced);
    CHECK_STR(out, "line1\nline2\nx\xEF\xBF\xBDy\xEF\xBF\xBDz");
    CHECK_INT(len, strlen(out));
    CHECK_INT(replaced, 2);
    free(out);
    len = dp_utf8_repair("", 0, &out, &replaced);
    CHECK_INT(len, 0);
    CHECK_STR(out, "");
    CHECK_INT(replaced, 0);
    free(out);
}

static void test_space(void) {
    CHECK(dp_utf8_is_space(' '));
    CHECK(dp_utf8_is_space(0xA0));
    CHECK(dp_utf8_is_space(0x2009));
    CHECK(dp_utf8_is_space(0x3000));
    CHECK(!dp_utf8_is_space('x'));
    CHECK(!dp_utf8_is_space(0x200B));  /* zero width space is not White_Space */
}

DP_TEST_MAIN("utf8", test_decode, test_encode, test_len_and_offsets, test_repair, test_space)
