/*
 * dp_cleanc.c: byte-level helpers of the clean stage (see dp_cleanc.h).
 */
#include "dp_cleanc.h"
#include "dp_shingle.h"
#include "dp_utf8.h"

#include <stdint.h>
#include <stdlib.h>
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

static int ascii_space(unsigned char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

int dp_cleanc_next_digit_word(const char *s, size_t n, size_t *pos, dp_span *w) {
    size_t lo = *pos, i = lo;
    while (i < n) {
        while (i < n && (unsigned char)(s[i] - '0') > 9) i++;
        if (i >= n) break;
        /* the digit's word starts after the white space before it (no word holds
         * any), and not before lo, where a word ends */
        size_t p = i;
        while (p > lo && !ascii_space((unsigned char)s[p - 1])) p--;
        dp_span t;
        while (dp_shingle_next_word(s, n, &p, &t)) {
            for (size_t k = t.start; k < t.end; k++) {
                if ((unsigned char)(s[k] - '0') <= 9) {
                    *w = t;
                    *pos = t.end;
                    return 1;
                }
            }
            /* (the word holding s[i] comes at the latest when a word ends past i) */
            if (t.end > i) break;
        }
        lo = p;
        i = p > i ? p : i + 1;
    }
    *pos = n;
    return 0;
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
    if (c == 0xE2) {
        if (i + 2 >= n) return 0;
        unsigned char b = s[i + 1], d = s[i + 2];
        if (b == 0x80) return d == 0x8B || (d >= 0xA8 && d <= 0xAE); /* U+200B, U+2028-U+202E */
        return b == 0x81 && d >= 0xA6 && d <= 0xA9;
    }
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

/* ---- the wrap column (blocks.lua's wrap_width and narrow_width) ---------- */

/* ASCII white space, Lua's %s in the C locale: space, \t \n \v \f \r */
static int asp(unsigned char c) { return c == ' ' || (c >= 9 && c <= 13); }

/* the bytes of the PCRE2 \s character (with UCP) that ends at s[e - 1], or 0:
 * ASCII white space, U+0085, U+00A0 (C2 ..), U+1680, U+180E (E1 ..), U+2000..
 * U+200A, U+2028, U+2029, U+202F (E2 80 ..), U+205F (E2 81 9F), U+3000 (E3 80
 * 80). A lead byte is never a continuation byte, so a sequence read back from
 * its last byte is the one a forward reading decodes */
static size_t space_before(const unsigned char *s, size_t e) {
    if (e >= 1 && asp(s[e - 1])) return 1;
    if (e >= 2 && s[e - 2] == 0xC2 && (s[e - 1] == 0x85 || s[e - 1] == 0xA0)) return 2;
    if (e >= 3) {
        unsigned char a = s[e - 3], b = s[e - 2], c = s[e - 1];
        if (a == 0xE1 && ((b == 0x9A && c == 0x80) || (b == 0xA0 && c == 0x8E))) return 3;
        if (a == 0xE2 && b == 0x80 && ((c >= 0x80 && c <= 0x8A) || c == 0xA8 || c == 0xA9 || c == 0xAF))
            return 3;
        if (a == 0xE2 && b == 0x81 && c == 0x9F) return 3;
        if (a == 0xE3 && b == 0x80 && c == 0x80) return 3;
    }
    return 0;
}

int dp_cleanc_ends_open(const char *str, size_t n) {
    const unsigned char *s = (const unsigned char *)str;
    size_t e = n, k;
    while ((k = space_before(s, e)) > 0) e -= k;
    if (e == 0) return 1;
    switch (s[e - 1]) {
    case '.': case '!': case '?': case ':': case ';': case '"': case '\'': case ')': case ']':
        return 0;
    }
    /* U+201D and U+2019 (E2 80 9D, E2 80 99) */
    if (e >= 3 && s[e - 3] == 0xE2 && s[e - 2] == 0x80 && (s[e - 1] == 0x9D || s[e - 1] == 0x99)) return 0;
    return 1;
}

/* the lines and what the estimates read of each (blocks.lua's line_facts):
 * index i is line i + 1 */
typedef struct {
    const unsigned char *const *line;
    const size_t *len;
    size_t n;
    size_t *first;   /* 1-based byte of the first byte that is no space (U+0020), 0 when blank */
    size_t *ind;     /* first - 1, or the length of a blank line */
    long *chars;     /* characters, -1 until measured */
    long *lens;      /* wrap_width's lengths (bytes, then characters near the longest) */
    unsigned char *only; /* wrapped_lines' set */
    long *sorted;
} wctx;

/* clen: code points of a valid UTF-8 string, else bytes. (A valid string
 * holds as many code points as bytes that are no continuation byte,
 * 10xxxxxx: counted eight bytes at a time, as dp_utf8_len decodes each) */
static long clen(const unsigned char *s, size_t n) {
    if (dp_utf8_check((const char *)s, n) != n) return (long)n;
    const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
    size_t cont = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        if (!(x & high)) continue;
        /* (bit 7 of each byte set with bit 6 clear, moved to bit 0 and summed) */
        uint64_t c = (x & ~(x << 1) & high) >> 7;
        cont += (size_t)((c * ones) >> 56);
    }
    for (; i < n; i++) cont += (s[i] & 0xC0) == 0x80;
    return (long)(n - cont);
}

static long line_chars(wctx *w, size_t i) {
    if (w->chars[i] < 0) w->chars[i] = clen(w->line[i], w->len[i]);
    return w->chars[i];
}

/* text_start: the 1-based byte where line i's text starts (its first byte
 * that is no ASCII white space), 0 when none */
static size_t text_start(const wctx *w, size_t i) {
    size_t f = w->first[i];
    if (f == 0) return 0;
    const unsigned char *l = w->line[i];
    if (l[f - 1] >= 9 && l[f - 1] <= 13) {
        while (f <= w->len[i] && asp(l[f - 1])) f++;
        return f <= w->len[i] ? f : 0;
    }
    return f;
}

/* the first run of bytes that are no ASCII white space in line i (Lua's
 * find(l, "%S+")): 0-based [*s, *e); returns 0 when there is none */
static int first_field(const wctx *w, size_t i, size_t *s, size_t *e) {
    const unsigned char *l = w->line[i];
    size_t n = w->len[i], a = 0;
    while (a < n && asp(l[a])) a++;
    if (a == n) return 0;
    size_t b = a;
    while (b < n && !asp(l[b])) b++;
    *s = a, *e = b;
    return 1;
}

/* ends_in_url: does the line's last field hold "://"? */
static int ends_in_url(const unsigned char *l, size_t n) {
    size_t e = n;
    while (e > 0 && asp(l[e - 1])) e--;
    size_t a = e;
    while (a > 0 && !asp(l[a - 1])) a--;
    for (size_t i = a; i + 3 <= e; i++)
        if (l[i] == ':' && l[i + 1] == '/' && l[i + 2] == '/') return 1;
    return 0;
}

static int has_url(const unsigned char *l, size_t n) {
    const unsigned char *p = l, *end = l + n;
    while (end - p >= 3 && (p = memchr(p, ':', (size_t)(end - p - 2))) != NULL) {
        if (p[1] == '/' && p[2] == '/') return 1;
        p++;
    }
    return 0;
}

static int by_descending(const void *a, const void *b) {
    long x = *(const long *)a, y = *(const long *)b;
    return x < y ? 1 : x > y ? -1 : 0;
}

/* the k-th largest of t[0 .. m) (1 <= k <= m), duplicates counted */
static long kth_largest(long *t, size_t m, size_t k) {
    qsort(t, m, sizeof *t, by_descending);
    return t[k - 1];
}

/* the three largest, duplicates counted, as blocks.lua keeps them */
static void top3(long v, long *t1, long *t2, long *t3) {
    if (v > *t1) *t3 = *t2, *t2 = *t1, *t1 = v;
    else if (v > *t2) *t3 = *t2, *t2 = v;
    else *t3 = v;
}

/* wrapped_lines: fills w->only and returns 1 with *c3_out, or returns 0 */
static int wrapped_lines(wctx *w, double limit, long *c3_out) {
    long c1 = -1, c2 = -1, c3 = -1, pn = 0;
    for (size_t i = 0; i < w->n; i++) {
        long n = w->lens[i];
        if (n > 0 && pn >= 40 && pn > c3 && w->ind[i - 1] == w->ind[i]) top3(pn, &c1, &c2, &c3);
        pn = n;
    }
    if (c3 < 40) return 0;
    long near = 0, over = 0, good = 0, bad = 0;
    memset(w->only, 0, w->n);
    for (size_t i = 0; i + 1 < w->n; i++) {
        long n = w->lens[i];
        if (n > c1) {
            over++;
            if ((double)over > limit) return 0;
        }
        size_t s, e;
        if (n >= 40 && w->lens[i + 1] > 0 && w->ind[i] == w->ind[i + 1] && first_field(w, i + 1, &s, &e)) {
            w->only[i] = 1;
            if ((double)n >= 0.8 * (double)c1) near++;
            if (n + 1 + (long)(e - s) > c3) good++;
            else {
                /* (a next line that opens a list item tells nothing: "12." "3)" "*" "+"
                 * "-", or a word of up to three bytes opening past ASCII, "•") */
                const unsigned char *x = w->line[i + 1] + s;
                size_t m = e - s, d = 0;
                while (d < m && x[d] >= '0' && x[d] <= '9') d++;
                int number = d >= 1 && d + 1 == m && (x[d] == '.' || x[d] == ')');
                int sign = m == 1 && (x[0] == '*' || x[0] == '+' || x[0] == '-');
                int symbol = m <= 3 && x[0] >= 194;
                if (!(number || sign || symbol)) bad++;
            }
        }
    }
    long floor6 = 2 * over > 6 ? 2 * over : 6;
    if (near >= 3 && good >= floor6 && (double)good >= 0.75 * (double)(good + bad)) {
        *c3_out = c3;
        return 1;
    }
    return 0;
}

static long wrap_width(wctx *w) {
    size_t n = w->n;
    long cnt = 0, t1 = -1, t2 = -1, t3 = -1;
    int urls = 0;
    for (size_t i = 0; i < n && !urls; i++) urls = has_url(w->line[i], w->len[i]);
    for (size_t i = 0; i < n; i++) {
        long m = (long)w->len[i];
        if (urls && m >= 40 && ends_in_url(w->line[i], w->len[i])) m = 0;
        w->lens[i] = m;
        if (m > 0) {
            cnt++;
            if (m > t3) top3(m, &t1, &t2, &t3);
        }
    }
    if (cnt < 3) return 0;
    size_t k = (size_t)((cnt + 99) / 100);
    if (k < 3) k = 3;
    int only = 0;
    long W0 = t3;
    if (t3 >= 50) {
        double limit = (double)cnt / 15.0;
        if (limit < 4) limit = 4;
        long top = 0;
        for (size_t i = 0; i < n; i++) {
            if ((double)w->lens[i] >= 0.8 * (double)t3) {
                top++;
                if ((double)top > limit) break;
            }
        }
        if ((double)top <= limit) {
            long c3;
            only = wrapped_lines(w, limit, &c3);
            if (only) W0 = c3;
        }
    }
    size_t m = 0;
    if (k > 3) {
        for (size_t i = 0; i < n; i++)
            if (w->lens[i] > 0 && (!only || w->only[i])) w->sorted[m++] = w->lens[i];
        if (m == 0) return 0;
        W0 = kth_largest(w->sorted, m, k < m ? k : m);
        m = 0;
    }
    if (W0 < 40) return 0;
    for (size_t i = 0; i < n; i++) {
        if ((double)w->lens[i] >= 0.8 * (double)W0) {
            w->lens[i] = line_chars(w, i);
            if (!only || w->only[i]) w->sorted[m++] = w->lens[i];
        }
    }
    if (m < 3) return 0;
    long W = kth_largest(w->sorted, m, k < m ? k : m);
    if (W < 40) return 0;
    long near = 0, open = 0, closed = 0;
    double at = 0.85 * (double)W;
    for (size_t i = 0; i < n; i++)
        if ((double)w->lens[i] >= at && (!only || w->only[i])) near++;
    if (near < 3) return 0;
    for (size_t i = 0; i < n; i++) {
        if ((double)w->lens[i] >= at && (!only || w->only[i])) {
            if (dp_cleanc_ends_open((const char *)w->line[i], w->len[i])) open++;
            else closed++;
            if ((double)open >= 0.5 * (double)near) return W;
            if ((double)(near - closed) < 0.5 * (double)near) return 0;
        }
    }
    return 0;
}

/* narrow_at: does m pass as the column the body was wrapped at? */
static int narrow_at(wctx *w, long W, long m) {
    long above = 0, near = 0, good = 0, bad = 0;
    double q = 0.75 * (double)m;
    for (size_t i = 0; i + 1 < w->n; i++) {
        if ((double)w->len[i] >= q && w->ind[i] == w->ind[i + 1] && text_start(w, i + 1)) {
            long L = line_chars(w, i);
            if (L > m) {
                if (L <= W) above++;
            } else if ((double)L >= q) {
                near++;
                if (dp_cleanc_ends_open((const char *)w->line[i], w->len[i])) {
                    size_t s = 0, e = 0;
                    first_field(w, i + 1, &s, &e);
                    if (L + 1 + clen(w->line[i + 1] + s, e - s) > m) good++;
                    else bad++;
                }
            }
        }
    }
    double most = 0.2 * (double)near;
    if (most < 2) most = 2;
    return (double)above <= most && good >= 4 && (double)good >= 0.75 * (double)(good + bad);
}

/* does line i open as a list item: "^%s*%d+[.)]?%s" or "^%s*[*+%-]%s" */
static int opens_item(const wctx *w, size_t i) {
    const unsigned char *l = w->line[i];
    size_t n = w->len[i], a = 0;
    while (a < n && asp(l[a])) a++;
    if (a < n && l[a] >= '0' && l[a] <= '9') {
        while (a < n && l[a] >= '0' && l[a] <= '9') a++;
        if (a < n && (l[a] == '.' || l[a] == ')')) a++;
        return a < n && asp(l[a]);
    }
    if (a < n && (l[a] == '*' || l[a] == '+' || l[a] == '-')) return a + 1 < n && asp(l[a + 1]);
    return 0;
}

/* tight_at: does m, one or two columns short of W, pass? */
static int tight_at(wctx *w, long W, long m) {
    long top = 0, above = 0;
    for (size_t i = 0; i + 1 < w->n; i++) {
        if ((long)w->len[i] >= m - 1 && w->ind[i] == w->ind[i + 1] && text_start(w, i + 1) && !opens_item(w, i + 1)) {
            long L = line_chars(w, i);
            if (L > m && L <= W) {
                above++;
                if (above > 1) return 0;
            }
            if (L >= m - 1 && L <= m) top++;
        }
    }
    return top >= 6 && (above == 0 || top >= 8);
}

static long narrow_width(wctx *w, long W) {
    long n = 0, m = 0, m2 = 0, m3 = 0;
    size_t i1 = 0, i2 = 0; /* 1-based line numbers, 0 for none */
    for (size_t i = 0; i + 1 < w->n; i++) {
        size_t s = text_start(w, i + 1);
        if (!s) continue;
        unsigned char b = w->line[i + 1][s - 1];
        if (b >= 'a' && b <= 'z' && w->len[i] >= 40 && w->ind[i] == w->ind[i + 1] &&
            dp_cleanc_ends_open((const char *)w->line[i], w->len[i])) {
            long L = line_chars(w, i);
            /* (a line longer than W was not wrapped at W) */
            if (L > W) L = 0;
            else n++;
            if (L == 0) {
            } else if (L > m) m3 = m2, m2 = m, i2 = i1, m = L, i1 = i + 1;
            else if (L > m2) m3 = m2, m2 = L, i2 = i + 1;
            else if (L > m3) m3 = L;
        }
    }
    if (n < 4) return W;
    if (m <= W - 3 && narrow_at(w, W, m)) return m;
    if (m < W && m >= W - 2 && tight_at(w, W, m) && narrow_at(w, W, m)) return m;
    /* (the longest in one paragraph: no blank line between them; n >= 4 gives
     * both line numbers) */
    size_t lo = i1 < i2 ? i1 : i2, hi = i1 < i2 ? i2 : i1;
    int one = 1;
    for (size_t i = lo; i <= hi && lo >= 1; i++)
        if (!text_start(w, i - 1)) {
            one = 0;
            break;
        }
    if (m2 <= W - 3 && m2 <= m - 3 && n >= 5 && narrow_at(w, W, m2)) return m2;
    if (one && m3 <= W - 3 && m3 <= m2 - 3 && n >= 6 && narrow_at(w, W, m3)) return m3;
    return W;
}

/* the facts of the lines (one allocation), or 0 when memory runs out */
static int wctx_init(wctx *w, const char *const *line, const size_t *len, size_t count) {
    w->line = (const unsigned char *const *)line;
    w->len = len;
    w->n = count;
    size_t words = count ? count : 1;
    if (words > SIZE_MAX / (2 * sizeof(size_t) + 3 * sizeof(long) + 1)) return 0;
    char *mem = malloc(words * (2 * sizeof(size_t) + 3 * sizeof(long) + 1));
    if (!mem) return 0;
    w->first = (size_t *)mem;
    w->ind = w->first + words;
    w->chars = (long *)(w->ind + words);
    w->lens = w->chars + words;
    w->sorted = w->lens + words;
    w->only = (unsigned char *)(w->sorted + words);
    for (size_t i = 0; i < count; i++) {
        const unsigned char *l = w->line[i];
        size_t f = 0;
        while (f < len[i] && l[f] == ' ') f++;
        w->first[i] = f < len[i] ? f + 1 : 0;
        w->ind[i] = f < len[i] ? f : len[i];
        w->chars[i] = -1;
    }
    return 1;
}

long dp_cleanc_wrap_width(const char *const *line, const size_t *len, size_t count, int narrow,
                          size_t *chars) {
    wctx w;
    if (!wctx_init(&w, line, len, count)) return -1;
    long W = wrap_width(&w);
    if (W > 0 && narrow) W = narrow_width(&w, W);
    if (W > 0 && chars)
        for (size_t i = 0; i < count; i++) chars[i] = (size_t)line_chars(&w, i);
    free(w.first);
    return W;
}

long dp_cleanc_narrow_width(const char *const *line, const size_t *len, size_t count, long W) {
    wctx w;
    if (!wctx_init(&w, line, len, count)) return -1;
    W = narrow_width(&w, W);
    free(w.first);
    return W;
}

/* ---- the candidates of the floating cue patterns (evidence.lua's cue_kind) - */

typedef struct {
    char *s;
    size_t n;
    unsigned bits;
    long limit;          /* the largest limit of its patterns */
    size_t at, k;        /* its patterns: pool[at .. at + k) */
} cue_literal;

struct dp_cleanc_cues {
    long *limit;         /* limit[o], o = 1 .. count */
    size_t count;
    size_t *span;        /* id -> (at << 16 | k) + 1 into pool, 0 for none; ids < nspan */
    size_t nspan;
    long *pool;          /* the ids' lists of patterns */
    size_t npool, cappool;
    cue_literal *lit;
    size_t nlit;
    long *lpool;         /* the literals' lists */
    size_t nlpool;
    unsigned char *seen; /* seen[o]: o is a candidate of the block */
    long *hits;          /* the block's candidates */
    size_t nh;
    long nw;
};

dp_cleanc_cues *dp_cleanc_cues_new(const long *limit, size_t count) {
    dp_cleanc_cues *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    c->count = count;
    c->limit = malloc((count + 1) * sizeof *c->limit);
    c->seen = calloc(count + 1, 1);
    c->hits = malloc((count + 1) * sizeof *c->hits);
    if (!c->limit || !c->seen || !c->hits) {
        dp_cleanc_cues_free(c);
        return NULL;
    }
    c->limit[0] = 0;
    for (size_t o = 1; o <= count; o++) c->limit[o] = limit[o - 1];
    return c;
}

void dp_cleanc_cues_free(dp_cleanc_cues *c) {
    if (!c) return;
    for (size_t i = 0; i < c->nlit; i++) free(c->lit[i].s);
    free(c->lit);
    free(c->lpool);
    free(c->limit);
    free(c->span);
    free(c->pool);
    free(c->seen);
    free(c->hits);
    free(c);
}

/* (a list of up to 65535 patterns, at most count: the rest is dropped) */
static size_t cap_list(const dp_cleanc_cues *c, size_t k) {
    if (k > c->count) k = c->count;
    return k > 0xFFFF ? 0xFFFF : k;
}

int dp_cleanc_cues_map(dp_cleanc_cues *c, size_t id, const long *orders, size_t k) {
    if (id < 1 || id > DP_CLEANC_CUES_MAX_ID) return 0;
    k = cap_list(c, k);
    if (id >= c->nspan) {
        size_t n = c->nspan ? c->nspan : 256;
        while (n <= id) n *= 2;
        size_t *sp = realloc(c->span, n * sizeof *sp);
        if (!sp) return 0;
        memset(sp + c->nspan, 0, (n - c->nspan) * sizeof *sp);
        c->span = sp, c->nspan = n;
    }
    if (c->npool + k > c->cappool) {
        size_t n = c->cappool ? c->cappool : 256;
        while (n < c->npool + k) n *= 2;
        long *p = realloc(c->pool, n * sizeof *p);
        if (!p) return 0;
        c->pool = p, c->cappool = n;
    }
    memcpy(c->pool + c->npool, orders, k * sizeof *orders);
    c->span[id] = ((c->npool << 16) | k) + 1;
    c->npool += k;
    return 1;
}

void dp_cleanc_cues_clear(dp_cleanc_cues *c) {
    if (c->span) memset(c->span, 0, c->nspan * sizeof *c->span);
    c->npool = 0;
}

int dp_cleanc_cues_literal(dp_cleanc_cues *c, const char *lit, size_t len, unsigned bits,
                           const long *orders, size_t k) {
    if (len == 0) return 1;
    k = cap_list(c, k);
    cue_literal *l = realloc(c->lit, (c->nlit + 1) * sizeof *l);
    if (!l) return 0;
    c->lit = l;
    long *p = realloc(c->lpool, (c->nlpool + k + 1) * sizeof *p);
    if (!p) return 0;
    c->lpool = p;
    char *s = malloc(len);
    if (!s) return 0;
    memcpy(s, lit, len);
    cue_literal *e = &c->lit[c->nlit++];
    e->s = s, e->n = len, e->bits = bits, e->at = c->nlpool, e->k = k, e->limit = 0;
    for (size_t i = 0; i < k; i++) {
        long o = orders[i];
        c->lpool[c->nlpool++] = o;
        if (o >= 1 && (size_t)o <= c->count && c->limit[o] > e->limit) e->limit = c->limit[o];
    }
    return 1;
}

void dp_cleanc_cues_begin(dp_cleanc_cues *c, long nw) {
    for (size_t i = 0; i < c->nh; i++) c->seen[c->hits[i]] = 0;
    c->nh = 0;
    c->nw = nw;
}

/* add the patterns of a list within their word limit, each once */
static void add_list(dp_cleanc_cues *c, const long *l, size_t k) {
    for (size_t i = 0; i < k; i++) {
        long o = l[i];
        if (o < 1 || (size_t)o > c->count || c->seen[o] || c->nw > c->limit[o]) continue;
        c->seen[o] = 1;
        c->hits[c->nh++] = o;
    }
}

void dp_cleanc_cues_add_id(dp_cleanc_cues *c, long long id) {
    if (id < 1 || (unsigned long long)id >= c->nspan) return;
    size_t sp = c->span[id];
    if (!sp) return;
    sp--;
    add_list(c, c->pool + (sp >> 16), sp & 0xFFFF);
}

static int holds(const char *s, size_t n, const char *lit, size_t k) {
    if (k > n) return 0;
    const char *p = s, *end = s + n - k + 1;
    while (p < end && (p = memchr(p, lit[0], (size_t)(end - p))) != NULL) {
        if (memcmp(p, lit, k) == 0) return 1;
        p++;
    }
    return 0;
}

void dp_cleanc_cues_add_text(dp_cleanc_cues *c, const char *text, size_t n, int has_shape,
                             unsigned shape) {
    for (size_t i = 0; i < c->nlit; i++) {
        const cue_literal *l = &c->lit[i];
        if (c->nw > l->limit) continue;
        if (has_shape && l->bits != 0 && (shape & l->bits) == 0) continue;
        if (holds(text, n, l->s, l->n)) add_list(c, c->lpool + l->at, l->k);
    }
}

size_t dp_cleanc_cues_end(dp_cleanc_cues *c, const long **out) {
    /* (a few candidates: insertion sort) */
    long *h = c->hits;
    for (size_t i = 1; i < c->nh; i++) {
        long v = h[i];
        size_t j = i;
        while (j > 0 && h[j - 1] > v) h[j] = h[j - 1], j--;
        h[j] = v;
    }
    *out = h;
    return c->nh;
}
