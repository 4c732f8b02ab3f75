/*
 * dp_terms.h: the content term of a word, the rule of the summary stage
 * (plain C, no Lua; tests/spec/summary_cdocvec_spec.lua holds it equal to
 * the rule written in Lua, make_terms there).
 *
 * For a word w (UTF-8 bytes, a word of dp_text_next_word):
 *   x    = w with A-Z lowercased (ASCII only, as Lua's string.lower in the
 *          C locale) and every U+2019 (’, bytes E2 80 99) made "'";
 *   none when x is 1 byte or shorter or a stopword;
 *   base = x less a final "'s" (possessive); none when base differs from
 *          x and is a stopword;
 *   term = the stem of base (dp_stem_word), or base without a stemmer.
 * The stopwords are data the caller gives (the stage reads them from
 * data/en/stopwords.txt and its option), compared byte for byte: give them
 * lowercased.
 *
 * Units: bytes. Ownership: dp_terms_new() returns an object the caller
 * frees with dp_terms_free(); the stemmer is borrowed (it must outlive the
 * object). The string dp_terms_term() gives belongs to the object (or to
 * the stemmer) and stays valid until the next call. One object per thread.
 */
#ifndef DP_TERMS_H
#define DP_TERMS_H

#include "dp_stem.h"

#include <stddef.h>

typedef struct dp_terms dp_terms;

/* A rule with no stopword, stemming with stem (NULL: words kept as they
 * are once folded); NULL when memory runs out. */
dp_terms *dp_terms_new(dp_stem *stem);

void dp_terms_free(dp_terms *t);

/* Add the stopword s[0..n) (a repeat is ignored); 0 when memory runs out. */
int dp_terms_add_stopword(dp_terms *t, const char *s, size_t n);

/* 1 when s[0..n) is a stopword. */
int dp_terms_is_stopword(const dp_terms *t, const char *s, size_t n);

/*
 * The term of word w[0..n): 1 with the term in *term (NUL-terminated, its
 * length in *len), 0 when the word has none, -1 when memory runs out.
 */
int dp_terms_term(dp_terms *t, const char *w, size_t n, const char **term, size_t *len);

#endif
