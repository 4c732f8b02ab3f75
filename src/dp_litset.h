/*
 * dp_litset.h: which of a set of literal strings a text holds, in one scan
 * (plain C, no Lua): a prefilter for regular expressions, each literal
 * standing for the patterns every match of which holds it.
 *
 * Matching: bytes, ASCII letters in either case (a literal's A-Z match a-z
 * and the other way round); every other byte only itself. A literal that a
 * caseless regular expression might match otherwise (a "k" or "s", which
 * match U+212A and U+017F caselessly; a non-ASCII letter) must not be added
 * as it is: the caller cuts it into pieces without such characters.
 * Units: byte lengths; a literal is found anywhere in the text.
 */
#ifndef DP_LITSET_H
#define DP_LITSET_H

#include <stddef.h>
#include <stdint.h>

typedef struct dp_litset dp_litset;

/* A new, empty set; NULL when memory runs out. */
dp_litset *dp_litset_new(void);
void dp_litset_free(dp_litset *ls);

/* Add lit[0 .. len) (len >= 1) with its mask, any bits the caller gives it
 * (a group of patterns). Returns 1, or 0 when memory runs out or len is 0. */
int dp_litset_add(dp_litset *ls, const char *lit, size_t len, uint64_t mask);

/* Make the automaton of the literals added so far (after an add, before a
 * scan: dp_litset_scan does not change the set, and may run in several
 * threads at once after this). Its size: some 4 bytes a literal byte times
 * the number of distinct bytes (A-Z counted as a-z) in the literals.
 * Returns 1, or 0 when memory runs out (or over 254 distinct bytes). */
int dp_litset_prepare(dp_litset *ls);

/* The OR of the masks of the literals s[0 .. n) holds; 0 when it holds none;
 * every bit when the set is not prepared since its last add.
 * Work: a table lookup and an OR a byte. */
uint64_t dp_litset_scan(const dp_litset *ls, const char *s, size_t n);

#endif
