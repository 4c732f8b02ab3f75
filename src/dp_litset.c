/*
 * dp_litset.c: which of a set of literal strings a text holds (dp_litset.h).
 *
 * An Aho-Corasick automaton over the literals, lower-cased (ASCII), made into
 * a full transition table on the first scan after an add: the bytes that
 * appear in no literal share one column (class 0) and A-Z share the columns
 * of a-z, so a page's bytes cost a table lookup and an OR each.
 */
#include "dp_litset.h"

#include <stdlib.h>
#include <string.h>

struct dp_litset {
    /* the literals as added (lower-cased), back to back */
    unsigned char *bytes;
    size_t nbytes, cap_bytes;
    size_t *start;            /* literal i: bytes[start[i] .. start[i + 1]) */
    uint64_t *mask;
    size_t count, cap;
    /* the automaton (built == 0: to be made again) */
    int built;
    unsigned char cls[256];   /* byte -> column */
    size_t ncls;
    uint32_t *delta;          /* state * ncls + column -> state */
    uint64_t *out;            /* state -> OR of the masks of the literals ending there */
    size_t nstates;
};

static inline unsigned char lower(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

dp_litset *dp_litset_new(void) {
    dp_litset *ls = calloc(1, sizeof *ls);
    if (!ls) return NULL;
    ls->start = malloc(sizeof *ls->start);
    if (!ls->start) {
        free(ls);
        return NULL;
    }
    ls->start[0] = 0;
    return ls;
}

static void drop_automaton(dp_litset *ls) {
    free(ls->delta);
    free(ls->out);
    ls->delta = NULL;
    ls->out = NULL;
    ls->built = 0;
}

void dp_litset_free(dp_litset *ls) {
    if (!ls) return;
    drop_automaton(ls);
    free(ls->bytes);
    free(ls->start);
    free(ls->mask);
    free(ls);
}

int dp_litset_add(dp_litset *ls, const char *s, size_t len, uint64_t mask) {
    if (len == 0 || len > ((size_t)1 << 20)) return 0;
    if (ls->count == ls->cap) {
        size_t cap = ls->cap ? ls->cap * 2 : 64;
        uint64_t *m = realloc(ls->mask, cap * sizeof *m);
        if (!m) return 0;
        ls->mask = m;
        size_t *st = realloc(ls->start, (cap + 1) * sizeof *st);
        if (!st) return 0;
        ls->start = st;
        ls->cap = cap;
    }
    if (ls->nbytes + len > ls->cap_bytes) {
        size_t cap = ls->cap_bytes ? ls->cap_bytes : 1024;
        while (cap < ls->nbytes + len) cap *= 2;
        unsigned char *b = realloc(ls->bytes, cap);
        if (!b) return 0;
        ls->bytes = b;
        ls->cap_bytes = cap;
    }
    for (size_t i = 0; i < len; i++) ls->bytes[ls->nbytes + i] = lower((unsigned char)s[i]);
    ls->nbytes += len;
    ls->mask[ls->count] = mask;
    ls->count++;
    ls->start[ls->count] = ls->nbytes;
    drop_automaton(ls);
    return 1;
}

/* the automaton: a trie of the literals (at most nbytes + 1 states), its
 * failure links followed breadth first to fill every transition */
static int build(dp_litset *ls) {
    memset(ls->cls, 0, sizeof ls->cls);
    size_t ncls = 1;
    for (size_t i = 0; i < ls->nbytes; i++) {
        unsigned char c = ls->bytes[i];
        if (!ls->cls[c]) {
            ls->cls[c] = (unsigned char)ncls++;
            if (ncls > 255) return 0;
        }
    }
    for (unsigned c = 'A'; c <= 'Z'; c++) ls->cls[c] = ls->cls[c + 32];
    size_t max = ls->nbytes + 1;
    uint32_t *delta = calloc(max * ncls, sizeof *delta);
    uint64_t *out = calloc(max, sizeof *out);
    uint32_t *fail = calloc(max, sizeof *fail);
    uint32_t *queue = calloc(max, sizeof *queue);
    if (!delta || !out || !fail || !queue) {
        free(delta);
        free(out);
        free(fail);
        free(queue);
        return 0;
    }
    /* the trie (0: the root; a transition to 0 from a state past the root is
     * "none yet" until the failure links fill it) */
    size_t n = 1;
    for (size_t i = 0; i < ls->count; i++) {
        uint32_t s = 0;
        for (size_t k = ls->start[i]; k < ls->start[i + 1]; k++) {
            size_t col = ls->cls[ls->bytes[k]];
            if (!delta[s * ncls + col]) delta[s * ncls + col] = (uint32_t)n++;
            s = delta[s * ncls + col];
        }
        out[s] |= ls->mask[i];
    }
    /* breadth first: each state's missing transitions are its failure state's */
    size_t head = 0, tail = 0;
    for (size_t col = 0; col < ncls; col++) {
        uint32_t t = delta[col];
        if (t) {
            fail[t] = 0;
            queue[tail++] = t;
        }
    }
    while (head < tail) {
        uint32_t s = queue[head++];
        out[s] |= out[fail[s]];
        for (size_t col = 0; col < ncls; col++) {
            uint32_t t = delta[s * ncls + col];
            if (t) {
                fail[t] = delta[fail[s] * ncls + col];
                queue[tail++] = t;
            } else {
                delta[s * ncls + col] = delta[fail[s] * ncls + col];
            }
        }
    }
    free(fail);
    free(queue);
    ls->delta = delta;
    ls->out = out;
    ls->ncls = ncls;
    ls->nstates = n;
    ls->built = 1;
    return 1;
}

int dp_litset_prepare(dp_litset *ls) {
    return ls->built || build(ls);
}

uint64_t dp_litset_scan(const dp_litset *ls, const char *s, size_t n) {
    if (!ls->built) return ~(uint64_t)0;
    const unsigned char *p = (const unsigned char *)s;
    const uint32_t *delta = ls->delta;
    const uint64_t *out = ls->out;
    const unsigned char *cls = ls->cls;
    size_t ncls = ls->ncls;
    uint64_t m = 0;
    uint32_t st = 0;
    for (size_t i = 0; i < n; i++) {
        st = delta[st * ncls + cls[p[i]]];
        m |= out[st];
    }
    return m;
}
