/*
 * dp_tokens.c: word and punctuation tokens (see dp_tokens.h). One pass,
 * no allocation: the caller keeps the tokenizer on its stack.
 */
#include "dp_tokens.h"
#include "dp_utf8.h"

#define BAD 0xFFFFFFFFu  /* a byte that starts no valid sequence */

/* The code point at s[i] (i < n) and its length in *len; BAD with length 1
 * for a byte that starts no valid sequence (dp_utf8_decode's strict rules:
 * no overlong forms, surrogates or code points past U+10FFFF). */
static uint32_t decode(const char *s, size_t n, size_t i, size_t *len) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) { *len = 1; return c; }
    uint32_t cp;
    *len = dp_utf8_decode(s + i, n - i, &cp);
    if (*len == 0) { *len = 1; return BAD; }
    return cp;
}

int dp_tokens_is_space(uint32_t cp) {
    return cp == 32 || (cp >= 9 && cp <= 13) || cp == 0xA0 || cp == 0x1680 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

int dp_tokens_is_word(uint32_t cp) {
    if (cp == BAD) return 0;
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
    if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
    if (cp == 0xD7 || cp == 0xF7) return 0;
    if (cp >= 0x2000 && cp <= 0x2BFF) return 0;
    if (cp >= 0x3000 && cp <= 0x303F) return 0;
    if (cp >= 0xFE30 && cp <= 0xFE4F) return 0;
    if (cp >= 0xFF00 && cp <= 0xFF0F) return 0;
    return !dp_tokens_is_space(cp);
}

int dp_tokens_is_upper(uint32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return 1;
    if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 0 && cp != 0x138;
    if (cp >= 0x391 && cp <= 0x3A9) return 1;
    if (cp >= 0x400 && cp <= 0x42F) return 1;
    return 0;
}

static int is_joiner(uint32_t cp) {
    return cp == '\'' || cp == 0x2019 || cp == '-' || cp == '.' || cp == 0x2011;
}

void dp_tokens_init(dp_tokenizer *t, const char *s, size_t n) {
    t->s = s;
    t->n = n;
    t->pos = 0;
    t->ws = 1;
}

int dp_tokens_next(dp_tokenizer *t, dp_token *tok) {
    const char *s = t->s;
    size_t n = t->n, i = t->pos, len;
    uint32_t cp = 0;
    while (i < n) {
        cp = decode(s, n, i, &len);
        if (cp == BAD || !dp_tokens_is_space(cp)) break;
        t->ws = 1;
        i += len;
    }
    if (i >= n) { t->pos = n; return 0; }
    tok->start = i;
    tok->ws = t->ws;
    t->ws = 0;
    if (dp_tokens_is_word(cp)) {
        tok->kind = DP_TOKEN_WORD;
        tok->cap = dp_tokens_is_upper(cp);
        size_t j = i + len;
        while (j < n) {
            size_t l2;
            uint32_t c2 = decode(s, n, j, &l2);
            if (dp_tokens_is_word(c2)) { j += l2; continue; }
            if (c2 == BAD || !is_joiner(c2) || j + l2 >= n) break;
            size_t l3;
            if (!dp_tokens_is_word(decode(s, n, j + l2, &l3))) break;
            j += l2;
        }
        tok->end = j;
    } else {
        tok->kind = DP_TOKEN_PUNCT;
        tok->cap = 0;
        tok->end = i + len;
    }
    t->pos = tok->end;
    return 1;
}
