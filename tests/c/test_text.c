/* Unit tests for dp_text.c. */
#include "dp_test.h"
#include "dp_text.h"
#include "dp_utf8.h"

#include <stdint.h>
#include <stdlib.h>

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

/* The by-code-point readings dp_text_trim and dp_text_normalize_space had
 * before their ASCII fast paths (every code point decoded from the start,
 * an invalid byte one U+FFFD): the fast paths must give the same. */
static size_t ref_cp(const char *s, size_t n, size_t i, uint32_t *cp) {
    size_t k = dp_utf8_decode(s + i, n - i, cp);
    if (!k) { *cp = 0xFFFD; return 1; }
    return k;
}

static dp_span ref_trim(const char *s, size_t n) {
    dp_span sp = { n, n };
    size_t i = 0, last_end = 0, first = n;
    while (i < n) {
        uint32_t c;
        size_t k = ref_cp(s, n, i, &c);
        if (!dp_utf8_is_space(c)) { if (first == n) first = i; last_end = i + k; }
        i += k;
    }
    if (first == n) return sp;
    sp.start = first;
    sp.end = last_end;
    return sp;
}

static size_t ref_norm(const char *s, size_t n, char *out) {
    size_t i = 0, o = 0;
    int pending = 0;
    while (i < n) {
        uint32_t c;
        size_t k = ref_cp(s, n, i, &c);
        if (dp_utf8_is_space(c)) pending = o > 0;
        else {
            if (pending) { out[o++] = ' '; pending = 0; }
            for (size_t j = 0; j < k; j++) out[o++] = s[i + j];
        }
        i += k;
    }
    out[o] = '\0';
    return o;
}

/* Random strings over pieces that meet at the edges: ASCII spaces and
 * letters, multi-byte spaces (no-break, em, ideographic), a lone
 * continuation byte, a truncated lead byte, an accented letter, NUL. */
static void test_fast_paths_random(void) {
    static const char *piece[] = { " ", "\t", "\n", "a", "Z", ".", "\xC2\xA0", "\xE2\x80\x83",
        "\xE3\x80\x80", "\x80", "\xC3", "\xE2\x80", "\xC3\xA9", "\xF0\x9F\x98\x80", "\0", "\x0B" };
    char s[64], a[80], b[80];
    unsigned seed = 12345;
    int mismatches = 0;
    for (int round = 0; round < 50000; round++) {
        size_t n = 0;
        seed = seed * 1103515245u + 12345u;
        int parts = (int)((seed >> 16) % 9);
        for (int p = 0; p < parts; p++) {
            seed = seed * 1103515245u + 12345u;
            const char *x = piece[(seed >> 16) % (sizeof piece / sizeof *piece)];
            size_t len = x[0] ? strlen(x) : 1;
            memcpy(s + n, x, len);
            n += len;
        }
        dp_span t = dp_text_trim(s, n), r = ref_trim(s, n);
        if (t.start != r.start || t.end != r.end) mismatches++;
        size_t la = dp_text_normalize_space(s, n, a), lb = ref_norm(s, n, b);
        if (la != lb || memcmp(a, b, la) != 0) mismatches++;
    }
    CHECK_INT(mismatches, 0);
    /* the edges the backward reading meets */
    dp_span t = dp_text_trim("a \xC2\xA0", 4);
    CHECK_INT(t.start, 0);
    CHECK_INT(t.end, 1);
    t = dp_text_trim(" a\xC3 ", 4);          /* a truncated lead byte is no space */
    CHECK_INT(t.end, 3);
    t = dp_text_trim("\xC2\xA0" "ab  \t", 7);
    CHECK_INT(t.start, 2);
    CHECK_INT(t.end, 4);
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

/* The spans a next_* function finds in s, joined by '|'. */
static const char *spans(int (*next)(const char *, size_t, size_t *, dp_span *), const char *s) {
    size_t pos = 0, o = 0, n = strlen(s);
    dp_span w;
    while (next(s, n, &pos, &w)) {
        if (o) buf[o++] = '|';
        memcpy(buf + o, s + w.start, w.end - w.start);
        o += w.end - w.start;
    }
    buf[o] = '\0';
    return buf;
}

static void test_fields(void) {
    /* runs of bytes that are not ASCII white space: Lua's "%S+" */
    CHECK_STR(spans(dp_text_next_field, "  a  bc\t\nd\v\f\re "), "a|bc|d|e");
    CHECK_STR(spans(dp_text_next_field, "no-break\xC2\xA0space, x."), "no-break\xC2\xA0space,|x.");
    CHECK_STR(spans(dp_text_next_field, " \t\n"), "");
    CHECK_STR(spans(dp_text_next_field, ""), "");
}

static void test_ascii_words(void) {
    /* "[A-Za-z][A-Za-z.]*": letters then letters and dots; digits and bytes past
     * ASCII end a word */
    CHECK_STR(spans(dp_text_next_ascii_word, "updated 10:26 a.m. EST, Wed."), "updated|a.m.|EST|Wed.");
    CHECK_STR(spans(dp_text_next_ascii_word, ".x9y caf\xC3\xA9"), "x|y|caf");
    CHECK_STR(spans(dp_text_next_ascii_word, "12 -- 34"), "");
}

static void test_trim_spaces(void) {
    dp_span t = dp_text_trim_spaces("  a b ", 6);
    CHECK_INT(t.start, 2);
    CHECK_INT(t.end, 5);
    /* only U+0020: a tab or a no-break space is text */
    t = dp_text_trim_spaces("\ta\xC2\xA0", 4);
    CHECK_INT(t.start, 0);
    CHECK_INT(t.end, 4);
    t = dp_text_trim_spaces("   ", 3);
    CHECK_INT(t.start, 0);
    CHECK_INT(t.end, 0);
    t = dp_text_trim_spaces("", 0);
    CHECK_INT(t.end, 0);
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

/* s in lower (upper = 0) or upper case, NUL-terminated in buf */
static const char *cased(const char *s, int upper) {
    size_t n = strlen(s);
    if (DP_TEXT_CASE_BOUND(n) >= sizeof buf) return NULL;
    buf[dp_text_case(s, n, upper, buf)] = '\0';
    return buf;
}

static void test_case(void) {
    /* ÉLOÏSE ŁUKASZ ØRSTED <-> éloïse łukasz ørsted */
    CHECK_STR(cased("\xC3\x89LO\xC3\x8FSE \xC5\x81UKASZ \xC3\x98RSTED", 0),
              "\xC3\xA9lo\xC3\xAFse \xC5\x82ukasz \xC3\xB8rsted");
    CHECK_STR(cased("\xC3\xA9lo\xC3\xAFse", 1), "\xC3\x89LO\xC3\x8FSE");
    /* Greek ZΩΉ and Cyrillic ИВАН to lower case: ζωή иван */
    CHECK_STR(cased("\xCE\x96\xCE\xA9\xCE\x89 \xD0\x98\xD0\x92\xD0\x90\xD0\x9D", 0),
              "\xCE\xB6\xCF\x89\xCE\xAE \xD0\xB8\xD0\xB2\xD0\xB0\xD0\xBD");
    /* a 2-byte letter whose capital takes 3 bytes: U+0250 -> U+2C6F */
    CHECK_STR(cased("\xC9\x90", 1), "\xE2\xB1\xAF");
    /* digits, punctuation and bytes that are not UTF-8 are kept */
    CHECK_STR(cased("Ab-1 \xFF\xC3", 0), "ab-1 \xFF\xC3");
    CHECK_INT(dp_text_case("", 0, 1, buf), 0);
}

static void test_shape(void) {
    /* "He said: \"No.\"" closes a sentence inside its quote */
    const char *s = "He said: \"No.\"";
    dp_text_shape sh = dp_text_shape_of(s, strlen(s));
    CHECK_INT(sh.chars, 14);
    CHECK_INT(sh.first, 'H');
    CHECK_INT(sh.second, 'e');
    CHECK_INT(sh.last, '"');
    CHECK(sh.flags & DP_SHAPE_SENTENCE);
    CHECK(sh.flags & DP_SHAPE_UPPER);
    CHECK(sh.flags & DP_SHAPE_LOWER);
    CHECK(sh.flags & DP_SHAPE_COLON_END);
    CHECK(!(sh.flags & (DP_SHAPE_SLASH | DP_SHAPE_BAR | DP_SHAPE_COMMA | DP_SHAPE_WIDE)));
    /* U+2026 closes a sentence inside U+201D; U+00E9 is counted as one character */
    s = "caf\xC3\xA9\xE2\x80\xA6\xE2\x80\x9D";
    sh = dp_text_shape_of(s, strlen(s));
    CHECK_INT(sh.chars, 6);
    CHECK(sh.flags & DP_SHAPE_SENTENCE);
    CHECK(sh.flags & DP_SHAPE_WIDE);
    /* a ':' 41 bytes from the end is not among the last 40; U+00A9 and U+00B7 */
    char buf2[64];
    memset(buf2, 'x', sizeof buf2);
    buf2[0] = ':';
    memcpy(buf2 + 1, "\xC2\xA9\xC2\xB7|,/", 7);
    sh = dp_text_shape_of(buf2, 41);
    CHECK(!(sh.flags & DP_SHAPE_COLON_END));
    CHECK(sh.flags & DP_SHAPE_COPYRIGHT);
    CHECK(sh.flags & DP_SHAPE_MIDDOT);
    CHECK(sh.flags & DP_SHAPE_BAR);
    CHECK(sh.flags & DP_SHAPE_COMMA);
    CHECK(sh.flags & DP_SHAPE_SLASH);
    CHECK(!(sh.flags & DP_SHAPE_SENTENCE));
    sh = dp_text_shape_of(buf2, 40);
    CHECK(sh.flags & DP_SHAPE_COLON_END);
    /* the bits of bytes read eight at a time (a run of ASCII) and of those after it */
    s = "lower case| text, more/ \xC2\xA9 x";
    sh = dp_text_shape_of(s, strlen(s));
    CHECK_INT(sh.chars, 27);
    CHECK(sh.flags & DP_SHAPE_BAR);
    CHECK(sh.flags & DP_SHAPE_COMMA);
    CHECK(sh.flags & DP_SHAPE_SLASH);
    CHECK(sh.flags & DP_SHAPE_COPYRIGHT);
    CHECK(!(sh.flags & DP_SHAPE_UPPER));
    /* the bits of single bytes: digits, ':' anywhere, '@', '-', '(', '?', the signs
     * (# $ % & * + < = > [ \ ] ^ _ ` { } ~) and the lead byte C2 */
    s = "a";
    sh = dp_text_shape_of(s, strlen(s));
    CHECK(!(sh.flags & (DP_SHAPE_DIGIT | DP_SHAPE_COLON | DP_SHAPE_AT | DP_SHAPE_HYPHEN
                        | DP_SHAPE_PAREN | DP_SHAPE_QUESTION | DP_SHAPE_SIGN | DP_SHAPE_LATIN1)));
    s = "x7 y: a@b c-d (e) f? g$ \xC2\xB0";
    sh = dp_text_shape_of(s, strlen(s));
    CHECK(sh.flags & DP_SHAPE_DIGIT);
    CHECK(sh.flags & DP_SHAPE_COLON);
    CHECK(sh.flags & DP_SHAPE_AT);
    CHECK(sh.flags & DP_SHAPE_HYPHEN);
    CHECK(sh.flags & DP_SHAPE_PAREN);
    CHECK(sh.flags & DP_SHAPE_QUESTION);
    CHECK(sh.flags & DP_SHAPE_SIGN);
    CHECK(sh.flags & DP_SHAPE_LATIN1);
    CHECK(!(sh.flags & DP_SHAPE_WIDE));
    /* each sign alone; ')' '!' '.' ';' and quotes are none */
    for (const char *g = "#$%&*+<=>[\\]^_`{}~"; *g; g++) {
        sh = dp_text_shape_of(g, 1);
        CHECK(sh.flags & DP_SHAPE_SIGN);
    }
    for (const char *g = ")!.;'\""; *g; g++) {
        sh = dp_text_shape_of(g, 1);
        CHECK(!(sh.flags & (DP_SHAPE_SIGN | DP_SHAPE_PAREN)));
    }
    /* a byte's own bits are all but the ones of its place */
    CHECK(!(DP_SHAPE_BYTE_BITS & (DP_SHAPE_SENTENCE | DP_SHAPE_COLON_END)));
    CHECK(DP_SHAPE_BYTE_BITS & DP_SHAPE_COLON);
    /* invalid UTF-8: bytes; a text too short for its bytes */
    sh = dp_text_shape_of("a\x80", 2);
    CHECK_INT(sh.chars, 2);
    sh = dp_text_shape_of("", 0);
    CHECK_INT(sh.chars, 0);
    CHECK_INT(sh.first, -1);
    CHECK_INT(sh.second, -1);
    CHECK_INT(sh.last, -1);
    CHECK_INT(sh.flags, 0);
}

DP_TEST_MAIN("text", test_normalize_space, test_trim, test_fast_paths_random, test_words, test_fields, test_ascii_words, test_trim_spaces,
             test_paragraphs, test_case, test_shape)
