/* Unit tests for dp_shingle.c. */
#include "dp_test.h"
#include "dp_shingle.h"

/* dp_shingle_next_word finds exactly the words of dp_text_next_word. */
static int same_words(const char *s) {
    size_t n = strlen(s), p1 = 0, p2 = 0;
    dp_span a, b;
    for (;;) {
        int r1 = dp_text_next_word(s, n, &p1, &a);
        int r2 = dp_shingle_next_word(s, n, &p2, &b);
        if (r1 != r2) return 0;
        if (!r1) return 1;
        if (a.start != b.start || a.end != b.end || p1 != p2) return 0;
    }
}

static void test_next_word_matches_text_words(void) {
    static const char *cases[] = {
        "", " ", "word", "two words", "said. Then", "U.S. troops", "the U.S.", "U.S.",
        "co-founder", "end-", "-start", "rock 'n' roll", "don't", "don\xE2\x80\x99t",
        "200,000 people", "a, b", "1,2", "x,", "e.g. this", "3.5 per cent", "v.1.2",
        "caf\xC3\xA9 au lait", "\xE2\x80\x9CQuoted,\xE2\x80\x9D he said", "na\xC3\xAFve.",
        "A.B.C.", "A.B.C.D", "trail'", "'lead", "x--y", "x-.y", "Smith's.", "2012-01-10T09:45",
        "\xE2\x80\x94" "dash" "\xE2\x80\x94", "tab\tsep\nline", "mid\xC2\xA0space", "\xFF bad \xC3",
        "abc\xCC\x81 combining", "x. y", "x.y", "x.", "x'", "x-", "x,1", "1,x", "9,",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int ok = same_words(cases[i]);
        if (!ok) fprintf(stderr, "differs on \"%s\"\n", cases[i]);
        CHECK(ok);
    }
}

static void test_next_pair_links_each_pair_to_its_next_occurrence(void) {
    /* a b c a b c d a b */
    const int64_t tok[] = { 1, 2, 3, 1, 2, 3, 4, 1, 2 };
    size_t nxt[9];
    CHECK_INT(dp_shingle_next_pair(tok, 9, 150, nxt), 0);
    CHECK_INT(nxt[0], 3);
    CHECK_INT(nxt[3], 7);
    CHECK_INT(nxt[1], 4);
    CHECK(nxt[2] == DP_SHINGLE_NONE);  /* c a, then c d */
    CHECK(nxt[7] == DP_SHINGLE_NONE);
    CHECK(nxt[8] == DP_SHINGLE_NONE);
    /* past maxgap: no link */
    CHECK_INT(dp_shingle_next_pair(tok, 9, 3, nxt), 0);
    CHECK_INT(nxt[0], 3);
    CHECK(nxt[3] == DP_SHINGLE_NONE);
}

static void test_repeats_finds_the_shortest_tandem_copy(void) {
    /* x a b c a b c y: "a b c" twice from index 1 */
    const int64_t tok[] = { 9, 1, 2, 3, 1, 2, 3, 8 };
    size_t nxt[8], oi[8], ok[8];
    dp_shingle_next_pair(tok, 8, 150, nxt);
    size_t c = dp_shingle_repeats(tok, 8, 3, 150, nxt, oi, ok);
    CHECK_INT(c, 1);
    CHECK_INT(oi[0], 1);
    CHECK_INT(ok[0], 3);
    /* shorter than minw: nothing */
    CHECK_INT(dp_shingle_repeats(tok, 8, 4, 150, nxt, oi, ok), 0);
    /* a copy that runs past the end does not count */
    const int64_t cut[] = { 1, 2, 3, 1, 2 };
    size_t nx2[5];
    dp_shingle_next_pair(cut, 5, 150, nx2);
    CHECK_INT(dp_shingle_repeats(cut, 5, 3, 150, nx2, oi, ok), 0);
    /* the same pair again but different words between: no repeat */
    const int64_t diff[] = { 1, 2, 5, 1, 2, 6 };
    size_t nx3[6];
    dp_shingle_next_pair(diff, 6, 150, nx3);
    CHECK_INT(dp_shingle_repeats(diff, 6, 3, 150, nx3, oi, ok), 0);
}

static void test_repeats_of_short_sequences(void) {
    const int64_t one[] = { 1 };
    size_t nxt[1], oi[1], ok[1];
    CHECK_INT(dp_shingle_next_pair(one, 1, 150, nxt), 0);
    CHECK(nxt[0] == DP_SHINGLE_NONE);
    CHECK_INT(dp_shingle_repeats(one, 1, 3, 150, nxt, oi, ok), 0);
    CHECK_INT(dp_shingle_next_pair(one, 0, 150, nxt), 0);
}

/* dp_shingle_digits: 0 no ASCII digit, 1 some, 2 exactly four ASCII digits */
static void test_digits_of_a_word(void) {
    CHECK_INT(dp_shingle_digits("", 0), 0);
    CHECK_INT(dp_shingle_digits("word", 4), 0);
    CHECK_INT(dp_shingle_digits("/:", 2), 0);          /* the bytes around '0'..'9' */
    CHECK_INT(dp_shingle_digits("\xD9\xB3", 2), 0);    /* an Arabic-Indic digit: not ASCII */
    CHECK_INT(dp_shingle_digits("2024", 4), 2);
    CHECK_INT(dp_shingle_digits("0000", 4), 2);
    CHECK_INT(dp_shingle_digits("20245", 5), 1);
    CHECK_INT(dp_shingle_digits("202", 3), 1);
    CHECK_INT(dp_shingle_digits("1990s", 5), 1);
    CHECK_INT(dp_shingle_digits("a1b2", 4), 1);
    CHECK_INT(dp_shingle_digits("1,00", 4), 1);
    CHECK_INT(dp_shingle_digits("9", 1), 1);
    CHECK_INT(dp_shingle_digits("20\0" "24", 5), 1);     /* a NUL byte inside */
}

DP_TEST_MAIN("shingle", test_next_word_matches_text_words, test_digits_of_a_word,
             test_next_pair_links_each_pair_to_its_next_occurrence,
             test_repeats_finds_the_shortest_tandem_copy, test_repeats_of_short_sequences)
