/*
 * dp_cleanc.c: byte-level helpers of the clean stage (see dp_cleanc.h).
 */
#include "dp_cleanc.h"

#include <stdint.h>
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

/* the byte run at s[i] (i < n) that may open a control: 1 for a control byte,
 * else whether a C2, E2 or EF byte opens one of the sequences listed in
 * dp_cleanc.h */
static int control_at(const unsigned char *s, size_t n, size_t i) {
    unsigned char c = s[i];
    if ((c < 0x20 && c != '\n') || c == 0x7F) return 1;
    if (c == 0xC2) return i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9F;
    if (c == 0xE2)
        return i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0x8B || s[i + 2] == 0xA8 || s[i + 2] == 0xA9);
    if (c == 0xEF) return i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF;
    return 0;
}

int dp_cleanc_may_control(const char *str, size_t n) {
    const unsigned char *s = (const unsigned char *)str;
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    size_t i = 0;
    while (i < n) {
        /* (eight bytes at a time while each is printable ASCII, 0x20..0x7E, or a
         * line feed; every byte below 0x80, so each sum stays in its byte: the high
         * bit of x + 0x60 is clear for a byte below 0x20, that of x + 1 set for
         * 0x7F, that of (x ^ '\n') + 0x7F set for a byte that is no line feed) */
        while (i + 8 <= n) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            if (x & high) break;
            uint64_t not_lf = ((x ^ (ones * '\n')) + ones * 0x7F) & high;
            uint64_t low = ~(x + ones * 0x60) & high;
            uint64_t del = (x + ones) & high;
            if ((low & not_lf) | del) break;
            i += 8;
        }
        if (i >= n) break;
        if (control_at(s, n, i)) return 1;
        i++;
    }
    return 0;
}
