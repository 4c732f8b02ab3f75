/*
 * dp_porter.h: the Porter stemmer as NLTK's PorterStemmer computes it in
 * its default mode, NLTK_EXTENSIONS (plain C, no Lua).
 *
 * Why a second Porter: ROUGE as the rouge-score package computes it
 * (google-research rouge/, used for nearly every published summarisation
 * figure) stems with NLTK's PorterStemmer, whose NLTK extensions differ
 * from Snowball's frozen "porter" and from Porter2 ("english") on common
 * words: y stays after a vowel (play -> play, not plai), "used" -> "use",
 * "dies" -> "die", "-alli" and "-fulli" in step 2, and a short table of
 * irregular forms (skies -> sky, dying -> die, news -> news, ...). Snowball
 * "porter" stems 73 and "english" 55 of the 3,079 word -> stem pairs in
 * ../shared/data/summary/rouge_vectors.json differently; this file stems
 * all of them as NLTK does (tests/c/test_stem.c, tests/spec/stem_spec.lua).
 *
 * Method: M. F. Porter, "An algorithm for suffix stripping", Program 14.3
 * (1980) 130-137, steps 1a to 5b, with the departures NLTK 3.x makes in
 * nltk/stem/porter.py (NLTK_EXTENSIONS), written afresh in C:
 *   - words of one or two bytes are returned as they are;
 *   - irregular forms: sky skies -> sky, dying -> die, lying -> lie,
 *     tying -> tie, news -> news, inning innings -> inning, outing
 *     outings -> outing, canning cannings -> canning, howe -> howe,
 *     proceed exceed succeed unchanged;
 *   - step 1a: "ies" -> "ie" in a four-letter word (dies -> die);
 *   - step 1b: "ied" -> "ie" in a four-letter word, else "ied" -> "i";
 *     condition *o also holds for a two-letter stem vowel + consonant
 *     (us(ed) -> use);
 *   - step 1c: y -> i only after a consonant that is not the first letter
 *     (happy -> happi, enjoy -> enjoy, cry -> cri, by -> by);
 *   - step 2: "alli" -> "al" is tried first and step 2 is run again on the
 *     result; "bli" -> "ble" (not "abli"); "fulli" -> "ful"; "logi" ->
 *     "log" when the stem with its "l" has a positive measure;
 *   - in every step the first rule whose suffix matches decides, even when
 *     its condition fails (then the word is left as it is), as in NLTK.
 *
 * Units: bytes. The input is one word in lower case; letters are the ASCII
 * a-z (a, e, i, o, u are vowels, y is a vowel after a consonant), every
 * other byte counts as a consonant, as in NLTK for ASCII input. For words
 * with non-ASCII letters the result may differ from NLTK, which counts
 * code points where this counts bytes.
 *
 * Ownership: the caller provides the output buffer; nothing is allocated.
 * No state: the function is safe to call from several threads at once.
 */
#ifndef DP_PORTER_H
#define DP_PORTER_H

#include <stddef.h>

/*
 * Stem word[0..len) into out, which must hold len + 1 bytes (a stem is
 * never longer than its word); out is NUL-terminated. Returns the length
 * of the stem. word and out may be the same buffer.
 */
size_t dp_porter_stem(const char *word, size_t len, char *out);

#endif
