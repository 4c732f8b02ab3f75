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

/* ASCII classes, so that the common bytes need no decoding and no calls */
enum { A_OTHER = 0, A_SPACE = 1, A_WORD = 2, A_JOIN = 4 };
static const unsigned char ascii_class[128] = {
    ['\t'] = A_SPACE, ['\n'] = A_SPACE, ['\v'] = A_SPACE, ['\f'] = A_SPACE, ['\r'] = A_SPACE,
    [' '] = A_SPACE, ['\''] = A_JOIN, ['-'] = A_JOIN, ['.'] = A_JOIN,
    ['0'] = A_WORD, ['1'] = A_WORD, ['2'] = A_WORD, ['3'] = A_WORD, ['4'] = A_WORD,
    ['5'] = A_WORD, ['6'] = A_WORD, ['7'] = A_WORD, ['8'] = A_WORD, ['9'] = A_WORD,
    ['A'] = A_WORD, ['B'] = A_WORD, ['C'] = A_WORD, ['D'] = A_WORD, ['E'] = A_WORD,
    ['F'] = A_WORD, ['G'] = A_WORD, ['H'] = A_WORD, ['I'] = A_WORD, ['J'] = A_WORD,
    ['K'] = A_WORD, ['L'] = A_WORD, ['M'] = A_WORD, ['N'] = A_WORD, ['O'] = A_WORD,
    ['P'] = A_WORD, ['Q'] = A_WORD, ['R'] = A_WORD, ['S'] = A_WORD, ['T'] = A_WORD,
    ['U'] = A_WORD, ['V'] = A_WORD, ['W'] = A_WORD, ['X'] = A_WORD, ['Y'] = A_WORD,
    ['Z'] = A_WORD,
    ['a'] = A_WORD, ['b'] = A_WORD, ['c'] = A_WORD, ['d'] = A_WORD, ['e'] = A_WORD,
    ['f'] = A_WORD, ['g'] = A_WORD, ['h'] = A_WORD, ['i'] = A_WORD, ['j'] = A_WORD,
    ['k'] = A_WORD, ['l'] = A_WORD, ['m'] = A_WORD, ['n'] = A_WORD, ['o'] = A_WORD,
    ['p'] = A_WORD, ['q'] = A_WORD, ['r'] = A_WORD, ['s'] = A_WORD, ['t'] = A_WORD,
    ['u'] = A_WORD, ['v'] = A_WORD, ['w'] = A_WORD, ['x'] = A_WORD, ['y'] = A_WORD,
    ['z'] = A_WORD,
};

int dp_tokens_next(dp_tokenizer *t, dp_token *tok) {
    const char *s = t->s;
    size_t n = t->n, i = t->pos, len;
    uint32_t cp = 0;
    /* ASCII white space and a run of ASCII word characters first (the same
     * classes as the code point tests below) */
    while (i < n && (unsigned char)s[i] < 0x80 && ascii_class[(unsigned char)s[i]] == A_SPACE) {
        t->ws = 1;
        i++;
    }
    if (i < n && (unsigned char)s[i] < 0x80 && ascii_class[(unsigned char)s[i]] == A_WORD) {
        size_t j = i + 1;
        while (j < n && (unsigned char)s[j] < 0x80 && ascii_class[(unsigned char)s[j]] == A_WORD) j++;
        /* a word that ends at a plain ASCII byte that is no joiner (or at the
         * end of the text) is complete; otherwise the general loop goes on */
        if (j >= n || ((unsigned char)s[j] < 0x80 && ascii_class[(unsigned char)s[j]] != A_JOIN)) {
            tok->start = i;
            tok->ws = t->ws;
            t->ws = 0;
            tok->kind = DP_TOKEN_WORD;
            tok->cap = s[i] >= 'A' && s[i] <= 'Z';
            tok->end = j;
            t->pos = j;
            return 1;
        }
    }
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
