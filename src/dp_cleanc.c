/*
 * dp_cleanc.c: byte-level helpers of the clean stage (see dp_cleanc.h).
 */
#include "dp_cleanc.h"

#include <string.h>

static int has_digit(const char *s, size_t from, size_t to) {
    for (size_t i = from; i < to; i++)
        if (s[i] >= '0' && s[i] <= '9') return 1;
    return 0;
}

int dp_cleanc_digit_outside(const char *s, size_t n, size_t a, size_t b) {
    if (a > n) a = n;
    if (b > n) b = n;
    if (b < a) b = a;
    return has_digit(s, 0, a) || has_digit(s, b, n);
}

void dp_cleanc_mask(const char *s, size_t n, size_t a, size_t b, char *out) {
    if (a > n) a = n;
    if (b > n) b = n;
    if (b < a) b = a;
    memcpy(out, s, a);
    memset(out + a, ' ', b - a);
    memcpy(out + b, s + b, n - b);
}

int dp_cleanc_plain_ascii(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80 || s[i] == '(') return 0;
    return 1;
}

int dp_cleanc_has_any(const char *s, size_t n, const char *const *needle, const size_t *len,
                      size_t k) {
    for (size_t i = 0; i < k; i++) {
        if (len[i] == 0) return 1;
        if (len[i] > n) continue;
        const char *p = s, *end = s + n - len[i] + 1;
        while (p < end && (p = memchr(p, needle[i][0], (size_t)(end - p))) != NULL) {
            if (memcmp(p, needle[i], len[i]) == 0) return 1;
            p++;
        }
    }
    return 0;
}
