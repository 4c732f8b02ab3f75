/*
 * dp_text.c: white space normalisation, the word tokenizer and paragraph
 * splitting. Character classes come from utf8proc (Unicode general
 * categories); everything else is a byte scan.
 */
#include "dp_text.h"
#include "dp_utf8.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

/* Decode one code point at s[i]; an invalid byte reads as U+FFFD, 1 byte.
 * An ASCII byte is its own code point: read here, without the call (most
 * bytes of most texts; dp_utf8_decode gives the same). */
static inline size_t next_cp(const char *s, size_t n, size_t i, uint32_t *cp) {
    unsigned char b = (unsigned char)s[i];
    if (b < 0x80) { *cp = b; return 1; }
    size_t k = dp_utf8_decode(s + i, n - i, cp);
    if (!k) { *cp = 0xFFFD; return 1; }
    return k;
}

static int is_word_cp(uint32_t c) {
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    switch (utf8proc_category((utf8proc_int32_t)c)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

static int is_digit(uint32_t c) { return c >= '0' && c <= '9'; }

/* ASCII white space (a subset of dp_utf8_is_space). */
static int is_ascii_space(unsigned char c);

/* dp_utf8_is_space, an ASCII code point tested here without the call. */
static inline int is_space_cp(uint32_t c) {
    return c < 0x80 ? is_ascii_space((unsigned char)c) : dp_utf8_is_space(c);
}

size_t dp_text_normalize_space(const char *s, size_t n, char *out) {
    size_t i = 0, o = 0;
    int pending = 0;
    while (i < n) {
        uint32_t c;
        size_t k = next_cp(s, n, i, &c);
        if (is_space_cp(c)) {
            pending = o > 0;
        } else {
            if (pending) { out[o++] = ' '; pending = 0; }
            for (size_t j = 0; j < k; j++) out[o++] = s[i + j];
        }
        i += k;
    }
    out[o] = '\0';
    return o;
}

dp_span dp_text_trim(const char *s, size_t n) {
    dp_span sp = { 0, 0 };
    size_t i = 0, last_end = 0, first = n;
    while (i < n) {
        uint32_t c;
        size_t k = next_cp(s, n, i, &c);
        if (!is_space_cp(c)) { first = i; last_end = i + k; break; }
        i += k;
    }
    if (first == n) { sp.start = sp.end = n; return sp; }
    /* The end, read backwards while the bytes are ASCII: an ASCII byte is a
     * code point of its own in any decoding (never a continuation byte), so
     * the last ASCII byte that is no space ends the text. A byte of 0x80 or
     * more sends the reading forward from the first non-space, as the
     * decoding from the start would read it (invalid bytes included). */
    size_t j = n;
    while (j > last_end && is_ascii_space((unsigned char)s[j - 1])) j--;
    if (j > last_end && (unsigned char)s[j - 1] < 0x80) {
        sp.start = first;
        sp.end = j;
        return sp;
    }
    i = last_end;
    while (i < n) {
        uint32_t c;
        size_t k = next_cp(s, n, i, &c);
        if (!is_space_cp(c)) {
            if (first == n) first = i;
            last_end = i + k;
        }
        i += k;
    }
    if (first == n) { sp.start = sp.end = n; return sp; }
    sp.start = first;
    sp.end = last_end;
    return sp;
}

int dp_text_next_word(const char *s, size_t n, size_t *pos, dp_span *w) {
    size_t i = *pos;
    uint32_t c = 0;
    while (i < n) {
        size_t k = next_cp(s, n, i, &c);
        if (is_word_cp(c)) break;
        i += k;
    }
    if (i >= n) { *pos = n; return 0; }
    size_t start = i, periods = 0, letters_between = 0, only_initials = 1;
    uint32_t prev = 0;
    while (i < n) {
        size_t k = next_cp(s, n, i, &c);
        if (is_word_cp(c)) { prev = c; i += k; letters_between++; continue; }
        int joiner = c == '\'' || c == 0x2019 || c == '-' || c == '.' ||
                     (c == ',' && is_digit(prev));
        if (!joiner || i + k >= n) break;
        uint32_t nx;
        next_cp(s, n, i + k, &nx);
        if (!is_word_cp(nx) || (c == ',' && !is_digit(nx))) break;
        if (c == '.') {
            periods++;
            if (letters_between != 1 || is_digit(prev)) only_initials = 0;
        }
        letters_between = 0;
        i += k;
    }
    /* "U.S." keeps its final period: single letters separated by periods. */
    if (periods > 0 && only_initials && letters_between == 1 && !is_digit(prev) &&
        i < n && s[i] == '.')
        i++;
    w->start = start;
    w->end = i;
    *pos = i;
    return 1;
}

/* ASCII white space, as C's isspace in the C locale (Lua's %s). */
static int is_ascii_space(unsigned char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

int dp_text_next_field(const char *s, size_t n, size_t *pos, dp_span *w) {
    size_t i = *pos;
    while (i < n && is_ascii_space((unsigned char)s[i])) i++;
    if (i >= n) { *pos = n; return 0; }
    size_t start = i;
    while (i < n && !is_ascii_space((unsigned char)s[i])) i++;
    w->start = start;
    w->end = i;
    *pos = i;
    return 1;
}

static int is_ascii_letter(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int dp_text_next_ascii_word(const char *s, size_t n, size_t *pos, dp_span *w) {
    size_t i = *pos;
    while (i < n && !is_ascii_letter((unsigned char)s[i])) i++;
    if (i >= n) { *pos = n; return 0; }
    size_t start = i++;
    while (i < n && (is_ascii_letter((unsigned char)s[i]) || s[i] == '.')) i++;
    w->start = start;
    w->end = i;
    *pos = i;
    return 1;
}

dp_span dp_text_trim_spaces(const char *s, size_t n) {
    dp_span t = { 0, 0 };
    size_t a = 0, b = n;
    while (a < n && s[a] == ' ') a++;
    if (a == n) return t;
    while (b > a && s[b - 1] == ' ') b--;
    t.start = a;
    t.end = b;
    return t;
}

/* End of the line that starts at i (index of '\n' or n). */
static size_t line_end(const char *s, size_t n, size_t i) {
    while (i < n && s[i] != '\n') i++;
    return i;
}

static int blank(const char *s, size_t a, size_t b) {
    dp_span t = dp_text_trim(s + a, b - a);
    return t.start == t.end;
}

int dp_text_next_paragraph(const char *s, size_t n, size_t *pos, dp_span *p) {
    size_t i = *pos;
    /* skip blank lines */
    while (i < n) {
        size_t e = line_end(s, n, i);
        if (!blank(s, i, e)) break;
        i = e < n ? e + 1 : n;
    }
    if (i >= n) { *pos = n; return 0; }
    size_t start = i, end = i;
    while (i < n) {
        size_t e = line_end(s, n, i);
        if (blank(s, i, e)) break;
        end = e;
        i = e < n ? e + 1 : n;
    }
    dp_span t = dp_text_trim(s + start, end - start);
    p->start = start + t.start;
    p->end = start + t.end;
    *pos = i;
    return 1;
}

size_t dp_text_nfc(const char *s, size_t n, char **out) {
    utf8proc_uint8_t *dst = NULL;
    utf8proc_ssize_t len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &dst,
                                        UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (len < 0) { *out = NULL; return (size_t)-1; }
    *out = (char *)dst;
    return (size_t)len;
}

size_t dp_text_case(const char *s, size_t n, int upper, char *out) {
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0, o = 0;
    while (i < n) {
        unsigned char b = (unsigned char)s[i];
        if (b < 0x80) { /* ASCII: no table lookup */
            if (upper) out[o++] = (char)(b >= 'a' && b <= 'z' ? b - 32 : b);
            else out[o++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
            i++;
            continue;
        }
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &c);
        if (k <= 0) { out[o++] = s[i++]; continue; } /* not UTF-8: kept */
        c = upper ? utf8proc_toupper(c) : utf8proc_tolower(c);
        o += (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)out + o);
        i += (size_t)k;
    }
    return o;
}

/* ---- shape ------------------------------------------------------------ */

/* the bits a byte sets on its own, by table (one lookup a byte: a page's blocks are
 * each scanned once per page); C2 is looked at with the byte after it */
#define L DP_SHAPE_LOWER
#define U DP_SHAPE_UPPER
#define W DP_SHAPE_WIDE
#define S DP_SHAPE_SLASH
#define B DP_SHAPE_BAR
#define C DP_SHAPE_COMMA
#define D DP_SHAPE_DIGIT
#define K DP_SHAPE_COLON
#define A DP_SHAPE_AT
#define H DP_SHAPE_HYPHEN
#define P DP_SHAPE_PAREN
#define Q DP_SHAPE_QUESTION
#define G DP_SHAPE_SIGN
#define T DP_SHAPE_LATIN1
static const unsigned SHAPE_BITS[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, G, G, G, G, 0, P, 0, G, G, C, H, 0, S,
    D, D, D, D, D, D, D, D, D, D, K, 0, G, G, G, Q,
    A, U, U, U, U, U, U, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, G, G, G, G, G,
    G, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, G, B, G, G, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, T, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W,
    W, W, W, W, W, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};
#undef L
#undef U
#undef W
#undef S
#undef B
#undef C
#undef D
#undef K
#undef A
#undef H
#undef P
#undef Q
#undef G
#undef T

/* Does s[0..n) end a sentence: . ! ? or an ellipsis, perhaps inside closing quotes
 * or brackets (" ' ) ] and the UTF-8 of U+201D, U+2019, U+00BB)? */
static int ends_sentence(const unsigned char *s, size_t n) {
    size_t e = n; /* s[e - 1] is the byte looked at */
    while (e > 0) {
        unsigned char c = s[e - 1];
        if (c == '"' || c == '\'' || c == ')' || c == ']') e--;
        else if ((c == 0x9D || c == 0x99) && e >= 3 && s[e - 2] == 0x80 && s[e - 3] == 0xE2) e -= 3;
        else if (c == 0xBB && e >= 2 && s[e - 2] == 0xC2) e -= 2;
        else break;
    }
    if (e == 0) return 0;
    unsigned char c = s[e - 1];
    if (c == '.' || c == '!' || c == '?') return 1;
    return c == 0xA6 && e >= 3 && s[e - 2] == 0x80 && s[e - 3] == 0xE2;
}

dp_text_shape dp_text_shape_of(const char *str, size_t n) {
    const unsigned char *s = (const unsigned char *)str;
    dp_text_shape sh;
    sh.first = n >= 1 ? s[0] : -1;
    sh.second = n >= 2 ? s[1] : -1;
    sh.last = n >= 1 ? s[n - 1] : -1;
    unsigned f = 0;
    size_t cont = 0; /* continuation bytes, 80..BF */
    for (size_t i = 0; i < n; i++) {
        /* (eight ASCII bytes at a time: none is a continuation byte or the lead
         * byte C2, only their bits count) */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull) break;
            f |= SHAPE_BITS[s[i]] | SHAPE_BITS[s[i + 1]] | SHAPE_BITS[s[i + 2]] | SHAPE_BITS[s[i + 3]]
               | SHAPE_BITS[s[i + 4]] | SHAPE_BITS[s[i + 5]] | SHAPE_BITS[s[i + 6]] | SHAPE_BITS[s[i + 7]];
            i += 8;
        }
        if (i >= n) break;
        unsigned char c = s[i];
        f |= SHAPE_BITS[c];
        cont += (c & 0xC0) == 0x80;
        if (c == 0xC2 && i + 1 < n) {
            if (s[i + 1] == 0xA9) f |= DP_SHAPE_COPYRIGHT;
            else if (s[i + 1] == 0xB7) f |= DP_SHAPE_MIDDOT;
        }
    }
    /* (in valid UTF-8 every code point has one lead byte: the bytes that are no
     * continuation byte count them, as dp_utf8_len would) */
    sh.chars = dp_utf8_check(str, n) == n ? n - cont : n;
    if (memchr(s + (n > 40 ? n - 40 : 0), ':', n > 40 ? 40 : n)) f |= DP_SHAPE_COLON_END;
    if (ends_sentence(s, n)) f |= DP_SHAPE_SENTENCE;
    sh.flags = f;
    return sh;
}
