/*
 * fuzz_utf8.c: libFuzzer target for the UTF-8 and text primitives
 * (dp_utf8.h, dp_text.h), with their invariants asserted:
 *  - dp_utf8_check: the prefix it accepts is valid and the byte it stops
 *    at starts no valid sequence; dp_utf8_decode/encode agree;
 *  - dp_utf8_len counts the steps of the decoder (an invalid byte is one);
 *  - cp_to_byte / byte_to_cp are inverse on code point boundaries
 *    (byte_to_cp(cp_to_byte(i)) == i for i <= len) and byte_to_cp maps a
 *    byte inside a sequence to that sequence;
 *  - dp_utf8_repair: valid UTF-8 without NUL or CR, no leading BOM, the
 *    replacement count bounded, idempotent, and a no-op on text that is
 *    already clean;
 *  - dp_text_normalize_space: no leading, trailing or double spaces, no
 *    other white space, idempotent;
 *  - dp_text_trim / next_word / next_paragraph: spans within bounds,
 *    non-empty, ordered and non-overlapping, positions always advancing;
 *  - dp_tokens_next: tokens within bounds, non-empty, ordered and
 *    non-overlapping; only white space between them (ws set exactly when
 *    there is some, or at the start); a punctuation token is one code
 *    point or one invalid byte.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dp_text.h"
#include "dp_tokens.h"
#include "dp_utf8.h"

#define FAIL(msg) do { fprintf(stderr, "fuzz_utf8: %s (line %d)\n", msg, __LINE__); abort(); } while (0)
#define ENSURE(cond) do { if (!(cond)) FAIL(#cond); } while (0)

static int has_space(const char *s, size_t a, size_t b) {
    for (size_t i = a; i < b;) {
        uint32_t c;
        size_t k = dp_utf8_decode(s + i, b - i, &c);
        if (k && dp_utf8_is_space(c)) return 1;
        i += k ? k : 1;
    }
    return 0;
}

static void check_utf8(const char *s, size_t n) {
    size_t ok = dp_utf8_check(s, n);
    ENSURE(ok <= n);
    ENSURE(dp_utf8_check(s, ok) == ok);
    if (ok < n) ENSURE(dp_utf8_decode(s + ok, n - ok, NULL) == 0);

    /* walk the text: decode/encode agree, len counts the steps */
    size_t count = 0, i = 0;
    while (i < n) {
        uint32_t c;
        size_t k = dp_utf8_decode(s + i, n - i, &c);
        if (k) {
            char buf[4];
            ENSURE(k <= 4 && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF));
            ENSURE(dp_utf8_encode(c, buf) == k && memcmp(buf, s + i, k) == 0);
        }
        i += k ? k : 1;
        count++;
    }
    size_t len = dp_utf8_len(s, n);
    ENSURE(len == count && len <= n);

    /* conversions: every code point for short texts, a sample otherwise */
    size_t stride = len <= 64 ? 1 : len / 32;
    for (size_t cp = 0; cp <= len; cp += stride) {
        size_t b = dp_utf8_cp_to_byte(s, n, cp);
        ENSURE(b <= n);
        ENSURE(dp_utf8_byte_to_cp(s, n, b) == cp);
        if (cp == len) ENSURE(b == n);
    }
    ENSURE(dp_utf8_cp_to_byte(s, n, len) == n);
    ENSURE(dp_utf8_cp_to_byte(s, n, len + 5) == n);
    ENSURE(dp_utf8_cp_to_byte(s, n, SIZE_MAX) == n);
    ENSURE(dp_utf8_byte_to_cp(s, n, n) == len);
    ENSURE(dp_utf8_byte_to_cp(s, n, SIZE_MAX) == len);
    size_t bstride = n <= 64 ? 1 : n / 32;
    for (size_t b = 0; b <= n; b += bstride) {
        size_t cp = dp_utf8_byte_to_cp(s, n, b);
        size_t at = dp_utf8_cp_to_byte(s, n, cp);
        ENSURE(cp <= len && at <= b);
        /* b lies in the code point that starts at `at` */
        if (b < n) {
            size_t k = dp_utf8_decode(s + at, n - at, NULL);
            ENSURE(b < at + (k ? k : 1));
        }
    }
}

static void check_repair(const char *s, size_t n) {
    char *out, *again;
    size_t replaced, replaced2;
    size_t m = dp_utf8_repair(s, n, &out, &replaced);
    ENSURE(m != (size_t)-1);
    ENSURE(out[m] == '\0' && strlen(out) == m);  /* no NUL inside */
    ENSURE(dp_utf8_check(out, m) == m);
    ENSURE(memchr(out, '\r', m) == NULL);
    ENSURE(!(m >= 3 && memcmp(out, "\xEF\xBB\xBF", 3) == 0 &&
             !(n >= 6 && memcmp(s, "\xEF\xBB\xBF\xEF\xBB\xBF", 6) == 0)));
    ENSURE(replaced <= n);
    ENSURE(m <= 3 * n);
    /* the replacements are what made it differ */
    int clean = dp_utf8_check(s, n) == n && memchr(s, '\r', n) == NULL &&
                memchr(s, '\0', n) == NULL && !(n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0);
    if (clean) ENSURE(replaced == 0 && m == n && memcmp(out, s, n) == 0);
    if (replaced == 0 && memchr(s, '\r', n) == NULL) ENSURE(m + 3 >= n);
    /* idempotent (apart from a second BOM that the first pass exposed) */
    if (!(m >= 3 && memcmp(out, "\xEF\xBB\xBF", 3) == 0)) {
        size_t m2 = dp_utf8_repair(out, m, &again, &replaced2);
        ENSURE(m2 == m && replaced2 == 0 && memcmp(again, out, m) == 0);
        free(again);
    }
    free(out);
}

static void check_text(const char *s, size_t n) {
    char *out = malloc(n + 1), *out2 = malloc(n + 1);
    ENSURE(out && out2);
    size_t m = dp_text_normalize_space(s, n, out);
    ENSURE(m <= n && out[m] == '\0');
    if (m) ENSURE(out[0] != ' ' && out[m - 1] != ' ');
    ENSURE(strstr(out, "  ") == NULL || memchr(out, '\0', m) != NULL);
    for (size_t i = 0; i < m;) {  /* the only white space left is ' ' */
        uint32_t c;
        size_t k = dp_utf8_decode(out + i, m - i, &c);
        if (k && c != ' ') ENSURE(!dp_utf8_is_space(c));
        if (k && c == ' ') ENSURE(i > 0 && i + 1 < m && out[i + 1] != ' ');
        i += k ? k : 1;
    }
    size_t m2 = dp_text_normalize_space(out, m, out2);
    ENSURE(m2 == m && memcmp(out, out2, m) == 0);
    free(out2);
    free(out);

    dp_span t = dp_text_trim(s, n);
    ENSURE(t.start <= t.end && t.end <= n);
    if (t.start < t.end) {  /* it starts with a character that is not white space */
        uint32_t c;
        size_t k = dp_utf8_decode(s + t.start, n - t.start, &c);
        ENSURE(k == 0 || !dp_utf8_is_space(c));
    } else {
        ENSURE(t.start == n);  /* nothing but white space */
    }
    dp_span t2 = dp_text_trim(s + t.start, t.end - t.start);
    ENSURE(t2.start == 0 && t2.end == t.end - t.start);

    /* words */
    size_t pos = 0, prev_end = 0, words = 0;
    dp_span w;
    while (dp_text_next_word(s, n, &pos, &w)) {
        ENSURE(w.start >= prev_end && w.start < w.end && w.end <= n);
        ENSURE(pos == w.end);
        ENSURE(!has_space(s, w.start, w.end));
        ENSURE(++words <= n);
        prev_end = w.end;
    }
    ENSURE(pos == n);
    ENSURE(dp_text_next_word(s, n, &pos, &w) == 0);

    /* paragraphs */
    pos = 0;
    prev_end = 0;
    size_t paras = 0, last_pos = 0;
    dp_span p;
    while (dp_text_next_paragraph(s, n, &pos, &p)) {
        ENSURE(p.start >= prev_end && p.start < p.end && p.end <= n);
        ENSURE(pos >= p.end && pos <= n && pos > last_pos);
        dp_span pt = dp_text_trim(s + p.start, p.end - p.start);
        ENSURE(pt.start == 0 && pt.end == p.end - p.start);  /* trimmed */
        ENSURE(memmem(s + p.start, p.end - p.start, "\n\n", 2) == NULL);
        ENSURE(++paras <= n);
        prev_end = p.end;
        last_pos = pos;
    }
    ENSURE(pos == n);
}

static void check_tokens(const char *s, size_t n) {
    dp_tokenizer t;
    dp_token k;
    size_t last = 0;
    dp_tokens_init(&t, s, n);
    while (dp_tokens_next(&t, &k)) {
        ENSURE(k.start >= last && k.start < k.end && k.end <= n);
        /* the gap holds white space only, and ws says whether it has any */
        int gap_space = k.start > last || last == 0;
        for (size_t i = last; i < k.start;) {
            uint32_t c;
            size_t len = dp_utf8_decode(s + i, k.start - i, &c);
            ENSURE(len > 0 && dp_tokens_is_space(c));
            i += len;
        }
        ENSURE(k.ws == gap_space);
        if (k.kind == DP_TOKEN_PUNCT) {
            uint32_t c;
            size_t len = dp_utf8_decode(s + k.start, n - k.start, &c);
            ENSURE(k.end - k.start == (len ? len : 1));
        } else {
            ENSURE(k.kind == DP_TOKEN_WORD);
        }
        last = k.end;
    }
    for (size_t i = last; i < n;) {  /* only white space after the last token */
        uint32_t c;
        size_t len = dp_utf8_decode(s + i, n - i, &c);
        ENSURE(len > 0 && dp_tokens_is_space(c));
        i += len;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    /* an exact-size copy, so reads past the end are caught */
    char *s = malloc(size ? size : 1);
    if (!s) return 0;
    memcpy(s, data, size);
    check_utf8(s, size);
    check_repair(s, size);
    check_text(s, size);
    check_tokens(s, size);
    free(s);
    return 0;
}
