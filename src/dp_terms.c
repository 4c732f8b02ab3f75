/*
 * dp_terms.c: the content term of a word (see dp_terms.h).
 */
#include "dp_terms.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct dp_terms {
    dp_stem *stem;          /* borrowed; NULL: no stemming */
    /* the stopwords: open addressing over entries 1..count (slot 0 empty) */
    uint32_t *slots, *hash;
    size_t *off, *len;
    char *arena;
    size_t cap, count, ecap, alen, acap;
    char *buf;              /* the folded word */
    size_t bcap;
};

static uint32_t hash_of(const char *s, size_t n) {
    uint64_t h = 0xcbf29ce484222325u;   /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3u;
    }
    return (uint32_t)(h ^ (h >> 32));
}

static int grow(void **p, size_t *cap, size_t want, size_t elem) {
    if (want <= *cap) return 1;
    size_t c = *cap ? *cap : 16;
    while (c < want) c *= 2;
    void *q = realloc(*p, c * elem);
    if (!q) return 0;
    *p = q;
    *cap = c;
    return 1;
}

dp_terms *dp_terms_new(dp_stem *stem) {
    dp_terms *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    t->stem = stem;
    t->cap = 64;
    t->slots = calloc(t->cap, sizeof *t->slots);
    if (!t->slots) { free(t); return NULL; }
    return t;
}

void dp_terms_free(dp_terms *t) {
    if (!t) return;
    free(t->slots);
    free(t->hash);
    free(t->off);
    free(t->len);
    free(t->arena);
    free(t->buf);
    free(t);
}

/* The entry of s[0..n), 0 when absent; *slot: where it would go. */
static uint32_t find(const dp_terms *t, const char *s, size_t n, uint32_t h, size_t *slot) {
    size_t k = h & (t->cap - 1);
    uint32_t e;
    while ((e = t->slots[k]) != 0) {
        if (t->hash[e] == h && t->len[e] == n && memcmp(t->arena + t->off[e], s, n) == 0) return e;
        k = (k + 1) & (t->cap - 1);
    }
    *slot = k;
    return 0;
}

int dp_terms_is_stopword(const dp_terms *t, const char *s, size_t n) {
    size_t slot;
    return find(t, s, n, hash_of(s, n), &slot) != 0;
}

int dp_terms_add_stopword(dp_terms *t, const char *s, size_t n) {
    uint32_t h = hash_of(s, n);
    size_t slot;
    if (find(t, s, n, h, &slot)) return 1;
    if (2 * (t->count + 1) >= t->cap) {     /* keep the table at most half full */
        size_t cap = 2 * t->cap;
        uint32_t *slots = calloc(cap, sizeof *slots);
        if (!slots) return 0;
        for (size_t e = 1; e <= t->count; e++) {
            size_t k = t->hash[e] & (cap - 1);
            while (slots[k]) k = (k + 1) & (cap - 1);
            slots[k] = (uint32_t)e;
        }
        free(t->slots);
        t->slots = slots;
        t->cap = cap;
        find(t, s, n, h, &slot);
    }
    size_t e = t->count + 1, c1 = t->ecap, c2 = t->ecap, c3 = t->ecap;
    if (e >= UINT32_MAX) return 0;
    if (!grow((void **)&t->arena, &t->acap, t->alen + n + 1, 1) ||
        !grow((void **)&t->hash, &c1, e + 1, sizeof *t->hash) ||
        !grow((void **)&t->off, &c2, e + 1, sizeof *t->off) ||
        !grow((void **)&t->len, &c3, e + 1, sizeof *t->len)) return 0;
    t->ecap = c1;
    if (n) memcpy(t->arena + t->alen, s, n);
    t->hash[e] = h;
    t->off[e] = t->alen;
    t->len[e] = n;
    t->alen += n;
    t->count = e;
    t->slots[slot] = (uint32_t)e;
    return 1;
}

int dp_terms_term(dp_terms *t, const char *w, size_t n, const char **term, size_t *len) {
    if (!grow((void **)&t->buf, &t->bcap, n + 1, 1)) return -1;
    char *x = t->buf;
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {        /* fold: A-Z lowercased, ’ made ' */
        unsigned char c = (unsigned char)w[i];
        if (c == 0xE2 && i + 2 < n && (unsigned char)w[i + 1] == 0x80 &&
            (unsigned char)w[i + 2] == 0x99) {
            x[m++] = '\'';
            i += 2;
        } else {
            x[m++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }
    x[m] = '\0';
    if (m < 2 || dp_terms_is_stopword(t, x, m)) return 0;
    if (x[m - 1] == 's' && x[m - 2] == '\'') {  /* possessive 's off */
        m -= 2;
        x[m] = '\0';
        if (dp_terms_is_stopword(t, x, m)) return 0;
    }
    if (!t->stem) {
        *term = x;
        *len = m;
        return 1;
    }
    const char *s = dp_stem_word(t->stem, x, m, len);
    if (!s) return -1;
    *term = s;
    return 1;
}
