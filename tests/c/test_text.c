/* Unit tests for dp_text.c. */
#include "dp_test.h"
#include "dp_text.h"

static char buf[256];

static const char *norm(const char *s) {
    dp_text_normalize_space(s, strlen(s), buf);
    return buf;
}

static void test_normalize_space(void) {
    CHECK_STR(norm("  a \n\t b\xC2\xA0\xC2\xA0" "c  "), "a b c");
    CHECK_STR(norm(""), "");
    CHECK_STR(norm(" \n "), "");
    CHECK_STR(norm("caf\xC3\xA9"), "caf\xC3\xA9");
}

static void test_trim(void) {
    const char *s = "\xE2\x80\x83 word \n";  /* em space first */
    dp_span t = dp_text_trim(s, strlen(s));
    CHECK_INT(t.start, 4);
    CHECK_INT(t.end, 8);
    t = dp_text_trim("   ", 3);
    CHECK_INT(t.end - t.start, 0);
}

/* The words of s joined by '|'. */
static const char *words(const char *s) {
    size_t pos = 0, o = 0, n = strlen(s);
    dp_span w;
    while (dp_text_next_word(s, n, &pos, &w)) {
        if (o) buf[o++] = '|';
        memcpy(buf + o, s + w.start, w.end - w.start);
        o += w.end - w.start;
    }
    buf[o] = '\0';
    return buf;
}

static void test_words(void) {
    CHECK_STR(words("Hello, world!"), "Hello|world");
    CHECK_STR(words("don't stop"), "don't|stop");
    CHECK_STR(words("don\xE2\x80\x99t"), "don\xE2\x80\x99t");
    CHECK_STR(words("the U.S. said"), "the|U.S.|said");
    CHECK_STR(words("Park In-ho, 58"), "Park|In-ho|58");
    CHECK_STR(words("3.5 percent of 200,000"), "3.5|percent|of|200,000");
    CHECK_STR(words("ends here."), "ends|here");
    CHECK_STR(words("caf\xC3\xA9 \xD0\x9C\xD0\xB8\xD1\x80"), "caf\xC3\xA9|\xD0\x9C\xD0\xB8\xD1\x80");
    CHECK_STR(words("-- ... --"), "");
    CHECK_STR(words("a, b"), "a|b");
}

static void test_paragraphs(void) {
    const char *s = "\n  first line\nsecond line \n \n\nnext\n\n\n";
    size_t pos = 0, n = strlen(s);
    dp_span p;
    CHECK(dp_text_next_paragraph(s, n, &pos, &p));
    CHECK_INT(p.start, 3);
    CHECK_INT(p.end, 25);
    CHECK(dp_text_next_paragraph(s, n, &pos, &p));
    CHECK_INT(p.start, 30);
    CHECK_INT(p.end, 34);
    CHECK(!dp_text_next_paragraph(s, n, &pos, &p));
}

DP_TEST_MAIN("text", test_normalize_space, test_trim, test_words, test_paragraphs)
