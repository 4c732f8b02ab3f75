/* Unit tests for dp_tokens.c. */
#include "dp_test.h"
#include "dp_tokens.h"

static char buf[512];

/* The tokens of s as "w:TEXT" / "p:TEXT", with "^" before a token that
 * follows white space and "+" on a capitalised word, joined by '|'. */
static const char *toks(const char *s) {
    size_t o = 0, n = strlen(s);
    dp_tokenizer t;
    dp_token k;
    dp_tokens_init(&t, s, n);
    while (dp_tokens_next(&t, &k)) {
        if (o) buf[o++] = '|';
        if (k.ws) buf[o++] = '^';
        buf[o++] = k.kind == DP_TOKEN_WORD ? 'w' : 'p';
        if (k.cap) buf[o++] = '+';
        buf[o++] = ':';
        memcpy(buf + o, s + k.start, k.end - k.start);
        o += k.end - k.start;
    }
    buf[o] = '\0';
    return buf;
}

static void test_words_and_joiners(void) {
    CHECK_STR(toks("Park In-ho don't"), "^w+:Park|^w+:In-ho|^w:don't");
    CHECK_STR(toks("U.S. 3.5"), "^w+:U.S|p:.|^w:3.5");
    CHECK_STR(toks("don\xE2\x80\x99t"), "^w:don\xE2\x80\x99t");   /* U+2019 joins */
    CHECK_STR(toks("end- x"), "^w:end|p:-|^w:x");                   /* no word after */
    CHECK_STR(toks("a--b"), "^w:a|p:-|p:-|w:b");
}

static void test_quotes_and_punctuation(void) {
    CHECK_STR(toks("\"Yes,\" he said."), "^p:\"|w+:Yes|p:,|p:\"|^w:he|^w:said|p:.");
    CHECK_STR(toks("\xE2\x80\x9CNo\xE2\x80\x9D"), "^p:\xE2\x80\x9C|w+:No|p:\xE2\x80\x9D");
    CHECK_STR(toks("x \xE2\x80\x94 y"), "^w:x|^p:\xE2\x80\x94|^w:y");  /* em dash */
}

static void test_classes(void) {
    CHECK_STR(toks("\xC3\x89mile caf\xC3\xA9"), "^w+:\xC3\x89mile|^w:caf\xC3\xA9");
    CHECK_STR(toks("a\xC2\xA0" "b"), "^w:a|^w:b");                    /* no-break space */
    CHECK_STR(toks("\xC3\x97"), "^p:\xC3\x97");                       /* multiplication sign */
    CHECK(dp_tokens_is_upper(0x100) && !dp_tokens_is_upper(0x101));
    CHECK(dp_tokens_is_word(0x4E2D) && !dp_tokens_is_word(0x2014));
    CHECK(dp_tokens_is_space(0x3000) && !dp_tokens_is_space('x'));
}

static void test_invalid_and_empty(void) {
    CHECK_STR(toks("a\xFF" "b"), "^w:a|p:\xFF|w:b");  /* invalid byte: its own token */
    CHECK_STR(toks("caf\xC3"), "^w:caf|p:\xC3");       /* truncated sequence */
    /* an overlong form of '/' is three invalid bytes (found by fuzz_utf8) */
    CHECK_STR(toks("a\xE0\x80\xAF" "b"), "^w:a|p:\xE0|p:\x80|p:\xAF|w:b");
    CHECK_STR(toks(""), "");
    CHECK_STR(toks(" \n\t "), "");
}

DP_TEST_MAIN("tokens", test_words_and_joiners, test_quotes_and_punctuation, test_classes,
             test_invalid_and_empty)
