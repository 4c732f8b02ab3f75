/*
 * dp_shingle.h: repeats in a sequence of word ids (plain C, no Lua).
 *
 * A text tokenised into interned word ids (equal words, equal ids) is a
 * sequence of integers; a caption or label printed twice in a row is a
 * tandem repeat in it: tok[i .. i+k-1] == tok[i+k .. i+2k-1], or more
 * generally the same k words again at j = i + k. The search follows each
 * pair of adjacent ids (a 2-shingle) to its next occurrence, through one
 * hash table built in a single pass, instead of comparing every window.
 *
 * Units: 0-based indices into the sequence; lengths in words.
 */
#ifndef DP_SHINGLE_H
#define DP_SHINGLE_H

#include "dp_text.h"

#include <stddef.h>
#include <stdint.h>

/* No next occurrence. */
#define DP_SHINGLE_NONE ((size_t)-1)

/* For each i < n - 1: nxt[i] = the next j > i where the pair
 * (tok[j], tok[j+1]) equals (tok[i], tok[i+1]), when j - i <= maxgap, else
 * DP_SHINGLE_NONE (also for i = n - 1). nxt holds n entries. Returns 0, or
 * -1 when memory runs out (nxt is then undefined). */
int dp_shingle_next_pair(const int64_t *tok, size_t n, size_t maxgap, size_t *nxt);

/* The repeats of minw..maxw words that start with a repeated pair: for each
 * i in page order whose pair comes again, the smallest distance k = j - i
 * over the chain of next occurrences j (while k <= maxw and the copy ends
 * inside the sequence) with k >= minw and tok[i .. i+k-1] == tok[j .. j+k-1].
 * Writes each (i, k) to out_i/out_k (room for n entries each) and returns
 * the count. nxt comes from dp_shingle_next_pair with maxgap = maxw. */
size_t dp_shingle_repeats(const int64_t *tok, size_t n, size_t minw, size_t maxw,
                          const size_t *nxt, size_t *out_i, size_t *out_k);

/* Which lists only repeat, in order, the words of a longer one: nlists lists
 * of ids, list i being ids[start[i] .. start[i] + len[i]). For each list i of
 * minw (at least 3) ids or more, out[i] = j + 1 for the first list j != i
 * (in order, then by position) with len[j] >= len[i] + 3 that holds list i
 * as a contiguous run, else 0. Returns 0, or -1 when memory runs out. */
int dp_shingle_contained(const int64_t *ids, const size_t *start, const size_t *len,
                         size_t nlists, size_t minw, size_t *out);

/* The next word at or after *pos, exactly as dp_text_next_word finds it,
 * with a fast path for words of ASCII letters and digits ended by ASCII
 * white space or punctuation that cannot join (anything else goes through
 * dp_text_next_word from the word's start). */
int dp_shingle_next_word(const char *s, size_t n, size_t *pos, dp_span *w);

/* The digits of word w[0..n) (bytes): 0 when it holds no ASCII digit, 1 when
 * it holds one (what Lua's find(w, "%d") tells), 2 when it is exactly four
 * ASCII digits (#w == 4 and find(w, "^%d%d%d%d$"): a year). */
int dp_shingle_digits(const char *w, size_t n);

#endif
