/* Unit tests for dp_stderr_clean (dp_stderr.c): what reaches the terminal. */
#include "dp_test.h"
#include "dp_stderr.h"

static const char *clean(const char *s, size_t n, size_t *used) {
    static char out[256];
    size_t o = dp_stderr_clean(s, n, out, used);
    out[o] = '\0';
    return out;
}

static void test_escape_sequences_become_spaces(void) {
    const char *s = "a\033[31mred\r\b\x7f" "b";
    CHECK_STR(clean(s, strlen(s), NULL), "a [31mred   b");
    /* C1 controls (CSI U+009B) too */
    CHECK_STR(clean("x\xc2\x9b" "2J", 5, NULL), "x 2J");
}

static void test_newlines_tabs_and_valid_utf8_are_kept(void) {
    const char *s = "msg\nstack traceback:\n\t[C]: caf\xc3\xa9 \xe2\x80\x94 \xf0\x9f\x98\x80";
    CHECK_STR(clean(s, strlen(s), NULL), s);
}

static void test_invalid_bytes_become_fffd(void) {
    CHECK_STR(clean("ok \xff\xfe", 5, NULL), "ok \xef\xbf\xbd\xef\xbf\xbd");
}

static void test_a_sequence_cut_at_the_end_waits(void) {
    size_t used = 0;
    CHECK_STR(clean("ab\xc3", 3, &used), "ab");
    CHECK_INT(used, 2);
    CHECK_STR(clean("ab\xc3", 3, NULL), "ab\xef\xbf\xbd");
}

DP_TEST_MAIN("stderr", test_escape_sequences_become_spaces, test_newlines_tabs_and_valid_utf8_are_kept,
             test_invalid_bytes_become_fffd, test_a_sequence_cut_at_the_end_waits)
