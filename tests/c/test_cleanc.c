/* Unit tests for dp_cleanc.c. */
#include "dp_test.h"
#include "dp_cleanc.h"
#include "dp_shingle.h"
#include "dp_regex.h"

#include <stdlib.h>

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
        if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] >= 0xAA && s[i + 2] <= 0xAE) return 1;
        if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x81 && s[i + 2] >= 0xA6 && s[i + 2] <= 0xA9) return 1;
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
    CHECK_INT(dp_cleanc_may_control("a\xe2\x80\xaa", 4), 1);      /* U+202A */
    CHECK_INT(dp_cleanc_may_control("a\xe2\x80\xae", 4), 1);      /* U+202E */
    CHECK_INT(dp_cleanc_may_control("a\xe2\x80\xaf", 4), 0);      /* U+202F, a narrow no-break space */
    CHECK_INT(dp_cleanc_may_control("a\xe2\x81\xa6", 4), 1);      /* U+2066 */
    CHECK_INT(dp_cleanc_may_control("a\xe2\x81\xa9", 4), 1);      /* U+2069 */
    CHECK_INT(dp_cleanc_may_control("a\xe2\x81\xa5", 4), 0);      /* U+2065 (unassigned) */
    CHECK_INT(dp_cleanc_may_control("a\xe2\x80\x8f", 4), 0);      /* U+200F, kept */
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

/* ends_open against the pattern blocks.lua read it with ([.!?:;"'”’)\]]\s*$
 * finds nothing), over strings made of pieces: closers, white space of
 * every kind, letters, and broken UTF-8 (lead bytes alone, stray
 * continuation bytes, the first bytes of a wide space) */
static void test_ends_open(void) {
    CHECK_INT(dp_cleanc_ends_open("", 0), 1);
    CHECK_INT(dp_cleanc_ends_open("   ", 3), 1);
    CHECK_INT(dp_cleanc_ends_open("It rained.", 10), 0);
    CHECK_INT(dp_cleanc_ends_open("It rained.  \t", 13), 0);
    CHECK_INT(dp_cleanc_ends_open("and then the", 12), 1);
    CHECK_INT(dp_cleanc_ends_open("he said \xE2\x80\x9D\xC2\xA0", 13), 0);
    CHECK_INT(dp_cleanc_ends_open("(Photograph:", 12), 0);
    CHECK_INT(dp_cleanc_ends_open("caf\xC3\xA9", 5), 1);
    const char *pat = "[.!?:;\"'\xE2\x80\x9D\xE2\x80\x99)\\]]\\s*$";
    dp_regex *re = dp_regex_compile(pat, strlen(pat), 0, NULL, 0);
    dp_match *m = dp_match_new(re);
    CHECK(re != NULL && m != NULL);
    if (!re || !m) return;
    static const char *const piece[] = {
        "a", " ", ".", "!", ")", "]", "\"", "\t", "\v", "\n", "x.",
        "\xC2\x85", "\xC2\xA0", "\xE1\x9A\x80", "\xE1\xA0\x8E", "\xE2\x80\x80", "\xE2\x80\x8A",
        "\xE2\x80\x8B", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\xAF", "\xE2\x81\x9F",
        "\xE3\x80\x80", "\xE2\x80\x9D", "\xE2\x80\x99", "\xE2\x80\x9C", "\xC3\xA9",
        "\xC2", "\xE2", "\xE2\x80", "\x80", "\x9D", "\xA0", "\xFF", "\xF0\x9F\x98",
    };
    size_t np = sizeof piece / sizeof *piece;
    unsigned seed = 12345;
    char buf[64];
    for (int t = 0; t < 200000; t++) {
        size_t n = 0;
        int k = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 6;
        for (int j = 0; j < k; j++) {
            const char *p = piece[((seed = seed * 1103515245u + 12345u) >> 16) % np];
            size_t l = strlen(p);
            memcpy(buf + n, p, l);
            n += l;
        }
        int want = dp_regex_exec(re, buf, n, 0, m) == 0;
        if (dp_cleanc_ends_open(buf, n) != want) {
            buf[n] = 0;
            fprintf(stderr, "ends_open(\"%s\")\n", buf);
            CHECK_INT(dp_cleanc_ends_open(buf, n), want);
            break;
        }
    }
    dp_match_free(m);
    dp_regex_free(re);
}

/* lines of a text split at its line feeds, for the width tests (the
 * pointers point into text) */
static size_t split_lines(const char *text, const char **line, size_t *len, size_t max) {
    size_t k = 0;
    const char *p = text;
    while (*p && k < max) {
        const char *nl = strchr(p, '\n');
        size_t l = nl ? (size_t)(nl - p) : strlen(p);
        line[k] = p, len[k] = l, k++;
        if (!nl) break;
        p = nl + 1;
    }
    return k;
}

static void test_wrap_width(void) {
    const char *line[64];
    size_t len[64], chars[64];
    /* no lines, too few, short ones: not wrapped */
    CHECK_INT(dp_cleanc_wrap_width(NULL, NULL, 0, 1, NULL), 0);
    CHECK_INT(dp_cleanc_wrap_width(line, len, split_lines("a\nb\n", line, len, 64), 1, chars), 0);
    /* a paragraph wrapped at 51 (every line breaks before a word that would
     * not fit; the lines end no sentence) */
    const char *wrapped =
        "The council met on Tuesday to discuss the plan for\n"
        "the new bridge over the river, which residents have\n"
        "asked for since the old one closed in the spring of\n"
        "last year, and the engineers said that the design\n"
        "could be ready by the end of the summer if funding\n"
        "arrives in time, though some members still doubted\n"
        "that the cost estimate of forty million dollars was\n"
        "realistic given the prices of steel and concrete.\n";
    size_t n = split_lines(wrapped, line, len, 64);
    CHECK_INT(n, 8);
    long W = dp_cleanc_wrap_width(line, len, n, 1, chars);
    CHECK_INT(W, 51); /* (the third longest: 51, 51, 51, 50, ...) */
    CHECK_INT(chars[0], 50);
    CHECK_INT(dp_cleanc_narrow_width(line, len, n, W), W);
    /* characters, not bytes: the same lines with an accented letter in each
     * are still wrapped at 51 characters */
    static char acc[8][80];
    const char *aline[8];
    size_t alen[8];
    for (size_t i = 0; i < n; i++) {
        /* (the first letter doubled into "é": one more byte, the same count) */
        acc[i][0] = '\xC3', acc[i][1] = '\xA9';
        memcpy(acc[i] + 2, line[i] + 1, len[i] - 1);
        aline[i] = acc[i], alen[i] = len[i] + 1;
    }
    CHECK_INT(dp_cleanc_wrap_width(aline, alen, n, 1, chars), 51);
    CHECK_INT(chars[0], 50);
    /* invalid UTF-8 counts in bytes: a stray byte in each line makes it one longer */
    for (size_t i = 0; i < n; i++) acc[i][0] = '\xFF', acc[i][1] = 'x';
    CHECK_INT(dp_cleanc_wrap_width(aline, alen, n, 1, chars), 52);
    CHECK_INT(chars[0], 51);
    /* lines ending sentences are not wrapped */
    const char *closed =
        "This line is a sentence and it ends right here ok.\n"
        "This line is a sentence and it ends right here ok.\n"
        "This line is a sentence and it ends right here ok.\n"
        "This line is a sentence and it ends right here ok.\n";
    n = split_lines(closed, line, len, 64);
    CHECK_INT(dp_cleanc_wrap_width(line, len, n, 1, chars), 0);
    /* huge lines and lines of white space only: no crash, no column */
    size_t big = 1 << 20;
    char *huge = malloc(big);
    CHECK(huge != NULL);
    if (!huge) return;
    memset(huge, 'a', big);
    for (size_t i = 7; i < big; i += 9) huge[i] = ' ';
    const char *hl[5] = { huge, huge, "  \v ", huge, "" };
    size_t hn[5] = { big, big, 4, big - 3, 0 };
    long hw = dp_cleanc_wrap_width(hl, hn, 5, 1, chars);
    CHECK(hw == 0 || hw >= 40);
    memset(huge, '\xE2', big);
    hn[3] = big;
    hw = dp_cleanc_wrap_width(hl, hn, 5, 1, chars);
    CHECK(hw == 0 || hw >= 40);
    free(huge);
}

/* the candidates of the floating cue patterns: by word ids and literals,
 * within word limits, sorted, each once */
static void test_cues(void) {
    const long limit[6] = { 10, 3, 100, 30, 6, 100 };
    dp_cleanc_cues *c = dp_cleanc_cues_new(limit, 6);
    CHECK(c != NULL);
    if (!c) return;
    const long share[3] = { 4, 2, 1 }, photo[2] = { 5, 1 }, bar[1] = { 3 }, deg[2] = { 6, 9 };
    CHECK_INT(dp_cleanc_cues_map(c, 7, share, 3), 1);
    CHECK_INT(dp_cleanc_cues_map(c, 900, photo, 2), 1);
    CHECK_INT(dp_cleanc_cues_map(c, 0, photo, 2), 0);
    CHECK_INT(dp_cleanc_cues_map(c, DP_CLEANC_CUES_MAX_ID + 1, photo, 2), 0);
    CHECK_INT(dp_cleanc_cues_literal(c, "|", 1, 1u << 7, bar, 1), 1);
    CHECK_INT(dp_cleanc_cues_literal(c, "\xC2\xB0", 2, 0, deg, 2), 1);
    const long *out;
    /* two words of ids 7 and 900 in a block of 2 words: 1, 2, 4, 5, each once, sorted */
    dp_cleanc_cues_begin(c, 2);
    dp_cleanc_cues_add_id(c, 900);
    dp_cleanc_cues_add_id(c, 7);
    dp_cleanc_cues_add_id(c, 7);
    dp_cleanc_cues_add_id(c, 5);      /* no patterns */
    dp_cleanc_cues_add_id(c, -3);     /* out of range: none */
    dp_cleanc_cues_add_id(c, 1 << 30);
    dp_cleanc_cues_add_text(c, "", 0, 0, 0);
    size_t n = dp_cleanc_cues_end(c, &out);
    CHECK_INT(n, 4);
    if (n == 4) {
        CHECK_INT(out[0], 1);
        CHECK_INT(out[1], 2);
        CHECK_INT(out[2], 4);
        CHECK_INT(out[3], 5);
    }
    /* a block of 8 words: pattern 2 (limit 3) and 5 (limit 6) are out */
    dp_cleanc_cues_begin(c, 8);
    dp_cleanc_cues_add_id(c, 7);
    dp_cleanc_cues_add_id(c, 900);
    n = dp_cleanc_cues_end(c, &out);
    CHECK_INT(n, 2);
    if (n == 2) CHECK(out[0] == 1 && out[1] == 4);
    /* literals: "|" only in a text whose shape has the bit (or without a shape);
     * the degree sign always searched (no bits), its unknown number 9 dropped */
    const char *t = "News | Sport 20\xC2\xB0";
    dp_cleanc_cues_begin(c, 3);
    dp_cleanc_cues_add_text(c, t, strlen(t), 1, 0);
    n = dp_cleanc_cues_end(c, &out);
    CHECK_INT(n, 1);
    if (n == 1) CHECK_INT(out[0], 6);
    dp_cleanc_cues_begin(c, 3);
    dp_cleanc_cues_add_text(c, t, strlen(t), 0, 0);
    n = dp_cleanc_cues_end(c, &out);
    CHECK_INT(n, 2);
    if (n == 2) CHECK(out[0] == 3 && out[1] == 6);
    /* a broken sequence holds no degree sign; a lead byte alone at the end neither */
    dp_cleanc_cues_begin(c, 3);
    dp_cleanc_cues_add_text(c, "20\xC2", 3, 0, 0);
    dp_cleanc_cues_add_text(c, "\xB0\xC2 ", 3, 0, 0);
    CHECK_INT(dp_cleanc_cues_end(c, &out), 0);
    /* an id mapped again replaces its list; clear forgets every id */
    CHECK_INT(dp_cleanc_cues_map(c, 7, bar, 1), 1);
    dp_cleanc_cues_begin(c, 1);
    dp_cleanc_cues_add_id(c, 7);
    n = dp_cleanc_cues_end(c, &out);
    CHECK_INT(n, 1);
    if (n == 1) CHECK_INT(out[0], 3);
    dp_cleanc_cues_clear(c);
    dp_cleanc_cues_begin(c, 1);
    dp_cleanc_cues_add_id(c, 7);
    dp_cleanc_cues_add_id(c, 900);
    CHECK_INT(dp_cleanc_cues_end(c, &out), 0);
    /* many ids: the map grows */
    int mapped = 1;
    for (size_t id = 1; id < 100000; id += 7) mapped &= dp_cleanc_cues_map(c, id, share, 3);
    CHECK_INT(mapped, 1);
    dp_cleanc_cues_begin(c, 1);
    dp_cleanc_cues_add_id(c, 99996);
    n = dp_cleanc_cues_end(c, &out);
    CHECK_INT(n, 3);
    dp_cleanc_cues_free(c);
    dp_cleanc_cues_free(NULL);
    /* no patterns at all */
    c = dp_cleanc_cues_new(NULL, 0);
    CHECK(c != NULL);
    if (!c) return;
    dp_cleanc_cues_begin(c, 0);
    dp_cleanc_cues_add_id(c, 1);
    dp_cleanc_cues_add_text(c, "x", 1, 1, 0);
    CHECK_INT(dp_cleanc_cues_end(c, &out), 0);
    dp_cleanc_cues_free(c);
}

/* dp_cleanc_next_digit_word gives the words of a full dp_shingle_next_word scan
 * that hold an ASCII digit, in order */
static int digit_words_agree(const char *s, size_t n) {
    size_t a = 0, b = 0;
    dp_span u, v;
    for (;;) {
        int got = dp_cleanc_next_digit_word(s, n, &a, &u), want = 0;
        while (dp_shingle_next_word(s, n, &b, &v)) {
            int digit = 0;
            for (size_t k = v.start; k < v.end; k++) digit |= s[k] >= '0' && s[k] <= '9';
            if (digit) { want = 1; break; }
        }
        if (got != want) return 0;
        if (!got) return a == n;
        if (u.start != v.start || u.end != v.end) return 0;
    }
}

static void test_next_digit_word(void) {
    const char *cases[] = {
        "", "no digits here", "7", "a7", "7a", "the 1990s and 2024", "U.S. 2024 U.S.2024",
        "1,000,000 people, 3.5% of them", "covid-19 and COVID-19's", "A1. B2, c3", "x 1.y 2,z",
        "caf\xC3\xA9 2 \xC3\xA9""2\xC3\xA9 \xE2\x80\x9C""12\xE2\x80\x9D", "tab\t9\nnew\r1\v2\f3",
        "ab\x80""9 \xC3""7 \xFF""8", "rock'n'roll 4'33 don\xE2\x80\x99t 5\xE2\x80\x99s", "...9 --7-- 8.",
        "1 2 3 4 5 6 7 8 9 0", "word  12  word", "12-", "-12", "1.", "1.a", "a.1", "3,5", "3, 5",
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) CHECK_INT(digit_words_agree(cases[i], strlen(cases[i])), 1);
    /* random strings over bytes that start, join and break words */
    const char alpha[] = "aZ09 .,-'\t\xC3\xA9\xE2\x80\x99\x80";
    unsigned seed = 12345;
    int bad = 0;
    for (int r = 0; r < 20000; r++) {
        char buf[24];
        size_t n = (size_t)(r % 24);
        for (size_t k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            buf[k] = alpha[(seed >> 16) % (sizeof alpha - 1)];
        }
        if (!digit_words_agree(buf, n)) bad++;
    }
    CHECK_INT(bad, 0);
    /* a word found: its bounds and the position past it */
    size_t pos = 0;
    dp_span w;
    CHECK_INT(dp_cleanc_next_digit_word("In 2024, 3.5% rose", 18, &pos, &w), 1);
    CHECK_INT((long)w.start, 3);
    CHECK_INT((long)w.end, 7);
    CHECK_INT(dp_cleanc_next_digit_word("In 2024, 3.5% rose", 18, &pos, &w), 1);
    CHECK_INT((long)w.start, 9);
    CHECK_INT((long)w.end, 12);
    CHECK_INT(dp_cleanc_next_digit_word("In 2024, 3.5% rose", 18, &pos, &w), 0);
    CHECK_INT((long)pos, 18);
}

DP_TEST_MAIN("cleanc", test_digit_outside, test_mask, test_plain_ascii, test_has_any, test_may_control,
             test_ends_open, test_wrap_width, test_cues, test_next_digit_word)
