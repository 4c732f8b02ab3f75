/*
 * dp_tokens.h: word and punctuation tokens over UTF-8 (plain C, no Lua),
 * the token classes of the quotes stage (scripts/quotes/text.lua).
 *
 * A word is a run of word characters that may hold the joiners ' (U+0027),
 * U+2019, '-', '.' and U+2011 between two word characters (don't, In-ho,
 * U.S, 3.5). Every other code point that is not white space is a
 * punctuation token of its own; a byte that starts no valid UTF-8 sequence
 * (as dp_utf8_decode decides) is a one-byte punctuation token.
 *
 * Classes (by code point): white space is U+0009..U+000D, U+0020, U+00A0,
 * U+1680, U+2000..U+200B, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF.
 * Word characters are ASCII letters and digits, U+00AA, U+00B5, U+00BA, and
 * every code point from U+00C0 up except U+00D7, U+00F7, the blocks
 * U+2000..U+2BFF (punctuation, symbols), U+3000..U+303F, U+FE30..U+FE4F,
 * U+FF00..U+FF0F and white space. Upper case: A-Z, U+00C0..U+00DE but
 * U+00D7, the even code points of Latin Extended-A (U+0100..U+017F, not
 * U+0138), Greek U+0391..U+03A9 and Cyrillic U+0400..U+042F.
 *
 * Units: 0-based byte offsets, end exclusive.
 */
#ifndef DP_TOKENS_H
#define DP_TOKENS_H

#include <stddef.h>
#include <stdint.h>

typedef enum dp_token_kind { DP_TOKEN_WORD = 1, DP_TOKEN_PUNCT = 2 } dp_token_kind;

typedef struct dp_token {
    size_t start, end;   /* byte offsets, end exclusive */
    dp_token_kind kind;
    int cap;             /* a word whose first code point is upper case */
    int ws;              /* white space, or the start of the text, before it */
} dp_token;

typedef struct dp_tokenizer {
    const char *s;
    size_t n, pos;
    int ws;
} dp_tokenizer;

/* Start tokenizing s[0..n) (s need not be NUL-terminated). */
void dp_tokens_init(dp_tokenizer *t, const char *s, size_t n);

/* The next token: returns 1 and fills *tok, or 0 at the end of the text. */
int dp_tokens_next(dp_tokenizer *t, dp_token *tok);

/* The classes above, for one code point. */
int dp_tokens_is_space(uint32_t cp);
int dp_tokens_is_word(uint32_t cp);
int dp_tokens_is_upper(uint32_t cp);

#endif
