/*
 * dp_stem.c: one interface over Snowball's libstemmer and the NLTK Porter
 * variant in dp_porter.c (see dp_stem.h).
 */
#include "dp_stem.h"
#include "dp_porter.h"

#include <libstemmer.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#define DP_STEM_NAME_MAX 32

struct dp_stem {
    struct sb_stemmer *sb;  /* NULL for porter_nltk */
    char *buf;              /* porter_nltk output, reused */
    size_t cap;
    char name[DP_STEM_NAME_MAX];
};

dp_stem *dp_stem_new(const char *algorithm) {
    if (!algorithm || strlen(algorithm) >= DP_STEM_NAME_MAX) return NULL;
    dp_stem *s = calloc(1, sizeof *s);
    if (!s) return NULL;
    strcpy(s->name, algorithm);
    if (strcmp(algorithm, DP_STEM_PORTER_NLTK) == 0) return s;
    s->sb = sb_stemmer_new(algorithm, NULL);  /* UTF-8 */
    if (!s->sb) { free(s); return NULL; }
    return s;
}

void dp_stem_free(dp_stem *s) {
    if (!s) return;
    sb_stemmer_delete(s->sb);
    free(s->buf);
    free(s);
}

const char *dp_stem_name(const dp_stem *s) { return s->name; }

const char *dp_stem_word(dp_stem *s, const char *word, size_t len, size_t *out_len) {
    if (s->sb && len <= INT_MAX) {
        const sb_symbol *r = sb_stemmer_stem(s->sb, (const sb_symbol *)word, (int)len);
        if (!r) return NULL;
        if (out_len) *out_len = (size_t)sb_stemmer_length(s->sb);
        return (const char *)r;
    }
    if (len + 1 > s->cap) {
        size_t cap = len + 1 < 64 ? 64 : len + 1;
        char *p = realloc(s->buf, cap);
        if (!p) return NULL;
        s->buf = p;
        s->cap = cap;
    }
    size_t n;
    if (s->sb) {  /* too long for libstemmer: unchanged */
        memcpy(s->buf, word, len);
        s->buf[len] = '\0';
        n = len;
    } else {
        n = dp_porter_stem(word, len, s->buf);
    }
    if (out_len) *out_len = n;
    return s->buf;
}

size_t dp_stem_algorithms(const char **names, size_t cap) {
    size_t n = 0;
    if (n < cap) names[n] = DP_STEM_PORTER_NLTK;
    n++;
    for (const char **p = sb_stemmer_list(); *p; p++) {
        if (n < cap) names[n] = *p;
        n++;
    }
    return n;
}
