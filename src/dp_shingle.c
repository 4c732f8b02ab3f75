/*
 * dp_shingle.c: repeats in a sequence of word ids (see dp_shingle.h). The
 * pair table is open addressing with linear probing, sized to a power of
 * two at least twice the number of pairs, allocated per call.
 */
#include "dp_shingle.h"

#include <stdlib.h>

typedef struct pair_slot {
    int64_t a, b;
    size_t last;  /* DP_SHINGLE_NONE: empty */
} pair_slot;

static size_t pair_hash(int64_t a, int64_t b) {
    uint64_t h = (uint64_t)a * 0x9E3779B97F4A7C15u;
    h ^= (uint64_t)b + 0x632BE59BD9B4E019u + (h << 6) + (h >> 2);
    h ^= h >> 29;
    return (size_t)h;
}

int dp_shingle_next_pair(const int64_t *tok, size_t n, size_t maxgap, size_t *nxt) {
    if (n == 0) return 0;
    nxt[n - 1] = DP_SHINGLE_NONE;
    if (n < 2) return 0;
    size_t cap = 16;
    while (cap < 2 * n) cap <<= 1;
    pair_slot *t = malloc(cap * sizeof *t);
    if (!t) return -1;
    for (size_t s = 0; s < cap; s++) t[s].last = DP_SHINGLE_NONE;
    size_t mask = cap - 1;
    for (size_t i = 0; i + 1 < n; i++) {
        int64_t a = tok[i], b = tok[i + 1];
        size_t s = pair_hash(a, b) & mask;
        while (t[s].last != DP_SHINGLE_NONE && (t[s].a != a || t[s].b != b)) s = (s + 1) & mask;
        nxt[i] = DP_SHINGLE_NONE;
        if (t[s].last == DP_SHINGLE_NONE) {
            t[s].a = a;
            t[s].b = b;
        } else if (i - t[s].last <= maxgap) {
            nxt[t[s].last] = i;
        }
        t[s].last = i;
    }
    free(t);
    return 0;
}

size_t dp_shingle_repeats(const int64_t *tok, size_t n, size_t minw, size_t maxw,
                          const size_t *nxt, size_t *out_i, size_t *out_k) {
    size_t count = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        size_t j = nxt[i];
        while (j != DP_SHINGLE_NONE) {
            size_t k = j - i;
            if (k > maxw || j + k > n) break;
            if (k >= minw) {
                size_t x = 2;
                while (x < k && tok[i + x] == tok[j + x]) x++;
                if (x >= k) {
                    out_i[count] = i;
                    out_k[count] = k;
                    count++;
                    break;
                }
            }
            j = nxt[j];
        }
    }
    return count;
}

static size_t tri_hash(const int64_t *t) {
    return pair_hash((int64_t)pair_hash(t[0], t[1]), t[2]);
}

int dp_shingle_contained(const int64_t *ids, const size_t *start, const size_t *len,
                         size_t nlists, size_t minw, size_t *out) {
    if (minw < 3) minw = 3;
    size_t ncand = 0;
    for (size_t i = 0; i < nlists; i++) {
        out[i] = 0;
        if (len[i] >= minw) ncand++;
    }
    if (ncand == 0) return 0;
    /* the candidates by their first three ids: head[slot] -> first candidate,
     * chain[i] -> the next candidate with the same three ids */
    size_t cap = 16;
    while (cap < 2 * ncand) cap <<= 1;
    size_t *head = malloc((cap + nlists) * sizeof *head);
    if (!head) return -1;
    size_t *chain = head + cap;
    for (size_t s = 0; s < cap; s++) head[s] = DP_SHINGLE_NONE;
    size_t shortest = DP_SHINGLE_NONE;
    for (size_t i = nlists; i-- > 0;) {  /* backwards: each chain in list order */
        chain[i] = DP_SHINGLE_NONE;
        if (len[i] < minw) continue;
        const int64_t *b = ids + start[i];
        size_t s = tri_hash(b) & (cap - 1);
        while (head[s] != DP_SHINGLE_NONE) {
            const int64_t *h = ids + start[head[s]];
            if (h[0] == b[0] && h[1] == b[1] && h[2] == b[2]) break;
            s = (s + 1) & (cap - 1);
        }
        chain[i] = head[s];
        head[s] = i;
        if (len[i] < shortest) shortest = len[i];
    }
    size_t left = ncand;
    for (size_t j = 0; j < nlists && left > 0; j++) {
        size_t m = len[j];
        if (m < shortest + 3) continue;
        const int64_t *a = ids + start[j];
        for (size_t p = 0; p + 2 < m; p++) {
            size_t s = tri_hash(a + p) & (cap - 1);
            size_t i = DP_SHINGLE_NONE;
            while (head[s] != DP_SHINGLE_NONE) {
                const int64_t *h = ids + start[head[s]];
                if (h[0] == a[p] && h[1] == a[p + 1] && h[2] == a[p + 2]) { i = head[s]; break; }
                s = (s + 1) & (cap - 1);
            }
            for (; i != DP_SHINGLE_NONE; i = chain[i]) {
                size_t k = len[i];
                if (out[i] || i == j || m < k + 3 || p + k > m) continue;
                const int64_t *b = ids + start[i];
                size_t y = 3;
                while (y < k && a[p + y] == b[y]) y++;
                if (y == k) {
                    out[i] = j + 1;
                    left--;
                }
            }
        }
    }
    free(head);
    return 0;
}

/* The class of a byte for next_word's ASCII fast path, by table (a byte a
 * lookup instead of six comparisons; a page's words are scanned once per page):
 * 1 an ASCII letter or digit, 2 a byte past ASCII, 0 any other ASCII byte. */
static const unsigned char BYTE_CLASS[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

static int ascii_alnum(unsigned char c) {
    return BYTE_CLASS[c] == 1;
}

int dp_shingle_next_word(const char *s, size_t n, size_t *pos, dp_span *w) {
    size_t i = *pos;
    /* ASCII that is not a letter or digit is never a word character */
    while (i < n && BYTE_CLASS[(unsigned char)s[i]] == 0) i++;
    if (i >= n) { *pos = n; return 0; }
    if ((unsigned char)s[i] >= 0x80) { *pos = i; return dp_text_next_word(s, n, pos, w); }
    size_t start = i;
    while (i < n && ascii_alnum((unsigned char)s[i])) i++;
    if (i < n) {
        unsigned char c = (unsigned char)s[i];
        /* a character outside ASCII, or a joiner (' - . ,) before a word character,
         * may continue the word (a joiner at the end or before ASCII that is no
         * letter or digit does not) */
        int joiner = c == '\'' || c == '-' || c == '.' || c == ',';
        if (c >= 0x80 || (joiner && i + 1 < n &&
                          ((unsigned char)s[i + 1] >= 0x80 || ascii_alnum((unsigned char)s[i + 1])))) {
            *pos = start;
            return dp_text_next_word(s, n, pos, w);
        }
    }
    w->start = start;
    w->end = i;
    *pos = i;
    return 1;
}

int dp_shingle_digits(const char *w, size_t n) {
    size_t d = 0;
    for (size_t i = 0; i < n; i++) d += (unsigned)((unsigned char)w[i] - '0') <= 9u;
    if (!d) return 0;
    return n == 4 && d == 4 ? 2 : 1;
}
