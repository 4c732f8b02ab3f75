/*
 * dp_stem.h: word stemmers behind one interface (plain C, no Lua).
 *
 * A stemmer object serves one algorithm:
 *   - every algorithm of Snowball's libstemmer (Debian libstemmer-dev),
 *     by its Snowball name or ISO 639 code: "english" (Porter2), "porter"
 *     (Porter 1980 as Martin Porter froze it), "french", "german", ...
 *     (dp_stem_algorithms lists them);
 *   - "porter_nltk": the Porter stemmer as NLTK computes it in its default
 *     mode (dp_porter.c), which rouge-score, and so docpipe's `rouge`
 *     stage, uses. Snowball's "porter" differs from it on common words
 *     (played -> plai, days -> dai, used -> us): see dp_porter.h.
 *
 * Units: bytes; words are UTF-8 and should be lower case (Snowball and
 * NLTK both expect it; no case folding is done here).
 *
 * Ownership: dp_stem_new() returns an object the caller frees with
 * dp_stem_free(). The string dp_stem_word() returns belongs to the object
 * and stays valid until its next call or dp_stem_free(). An object keeps
 * per-call state, so use one per thread; there are no globals.
 */
#ifndef DP_STEM_H
#define DP_STEM_H

#include <stddef.h>

typedef struct dp_stem dp_stem;

/* The name of the NLTK Porter variant. */
#define DP_STEM_PORTER_NLTK "porter_nltk"

/*
 * A stemmer for algorithm (see above); NULL when the name is unknown or
 * memory runs out.
 */
dp_stem *dp_stem_new(const char *algorithm);

void dp_stem_free(dp_stem *s);

/* The algorithm's name as given to dp_stem_new. */
const char *dp_stem_name(const dp_stem *s);

/*
 * Stem word[0..len). Returns the stem (NUL-terminated; its length in
 * *out_len when out_len is not NULL), or NULL when memory runs out. A
 * word too long for libstemmer (over INT_MAX bytes) comes back as it is.
 */
const char *dp_stem_word(dp_stem *s, const char *word, size_t len, size_t *out_len);

/*
 * The names of the available algorithms: "porter_nltk" first, then
 * libstemmer's canonical names in its order. Writes up to cap pointers
 * (static strings) into names and returns how many there are in all.
 */
size_t dp_stem_algorithms(const char **names, size_t cap);

#endif
