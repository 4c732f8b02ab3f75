/*
 * dp_utf8.c: UTF-8 decoding, validation, counting, offset conversion and the
 * repair applied to every loaded text. Follows RFC 3629, Table 3-7 of the
 * Unicode Standard (well-formed byte sequences).
 */
#include "dp_utf8.h"

#include <stdlib.h>
#include <string.h>

size_t dp_utf8_decode(const char *str, size_t n, uint32_t *cp) {
    const unsigned char *s = (const unsigned char *)str;
    if (n == 0) return 0;
    unsigned char c = s[0];
    if (c < 0x80) { if (cp) *cp = c; return 1; }
    size_t len;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1Fu; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; v = c & 0x0Fu; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; v = c & 0x07u; min = 0x10000; }
    else return 0;
    if (n < len) return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3Fu);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    if (cp) *cp = v;
    return len;
}

size_t dp_utf8_encode(uint32_t cp, char out[4]) {
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Step over one code point; an invalid byte is one step. */
static size_t step(const char *s, size_t n) {
    if ((unsigned char)s[0] < 0x80) return 1;
    size_t k = dp_utf8_decode(s, n, NULL);
    return k ? k : 1;
}

size_t dp_utf8_check(const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        /* sixteen, then eight ASCII bytes at a time */
        while (i + 16 <= n) {
            uint64_t w[2];
            memcpy(w, s + i, 16);
            if ((w[0] | w[1]) & 0x8080808080808080ull) break;
            i += 16;
        }
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= n) break;
        if ((unsigned char)s[i] < 0x80) { i++; continue; }
        size_t k = dp_utf8_decode(s + i, n - i, NULL);
        if (!k) return i;
        i += k;
    }
    return n;
}

size_t dp_utf8_len(const char *s, size_t n) {
    size_t count = 0;
    for (size_t i = 0; i < n; count++) i += step(s + i, n - i);
    return count;
}

size_t dp_utf8_cp_to_byte(const char *s, size_t n, size_t cp) {
    size_t i = 0;
    while (i < n && cp > 0) { i += step(s + i, n - i); cp--; }
    return i < n ? i : n;
}

size_t dp_utf8_byte_to_cp(const char *s, size_t n, size_t b) {
    size_t i = 0, count = 0;
    if (b > n) b = n;
    while (i < b) {
        size_t k = step(s + i, n - i);
        if (i + k > b) break;  /* b falls inside this sequence */
        i += k;
        count++;
    }
    return count;
}

size_t dp_utf8_repair(const char *s, size_t n, char **out, size_t *replaced) {
    static const char repl[3] = { (char)0xEF, (char)0xBF, (char)0xBD };
    size_t cap = n + n / 2 + 4, o = 0, i = 0, bad = 0;
    char *buf = malloc(cap);
    if (!buf) return (size_t)-1;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < n) {
        if (o + 4 >= cap) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb) { free(buf); return (size_t)-1; }
            buf = nb;
        }
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x80) {
            /* a run of printable ASCII is copied as it is; the output grows
             * one byte per byte here, so the room check above still holds
             * once the run is bounded by what is left of the buffer */
            size_t room = cap - o - 4;
            size_t lim = n - i < room ? n : i + room, j = i + 1;
            /* eight bytes at a time while none is >= 0x80 or < 0x20 (the
             * second test: a byte below 0x20 borrows into its top bit) */
            while (j + 8 <= lim) {
                uint64_t w;
                memcpy(&w, s + j, 8);
                if ((w | ((w - 0x2020202020202020ull) & ~w)) & 0x8080808080808080ull) break;
                j += 8;
            }
            while (j < lim && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x80) j++;
            memcpy(buf + o, s + i, j - i);
            o += j - i;
            i = j;
            continue;
        }
        if (c == '\r') {
            buf[o++] = '\n';
            i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
        } else if (c == 0) {
            memcpy(buf + o, repl, 3); o += 3; i++; bad++;
        } else if (c < 0x80) {
            buf[o++] = (char)c; i++;
        } else {
            size_t k = dp_utf8_decode(s + i, n - i, NULL);
            if (k) { memcpy(buf + o, s + i, k); o += k; i += k; }
            else { memcpy(buf + o, repl, 3); o += 3; i++; bad++; }
        }
    }
    buf[o] = '\0';
    *out = buf;
    if (replaced) *replaced = bad;
    return o;
}

int dp_utf8_is_space(uint32_t c) {
    if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return 1;
    if (c < 0x85) return 0;
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}
