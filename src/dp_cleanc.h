/*
 * dp_cleanc.h: small byte-level helpers of the clean stage (plain C, no
 * Lua), for tests that a Lua pattern would make at 150 to 200 machine
 * instructions a byte or through several string copies.
 *
 * Units: 0-based byte offsets; ranges are half-open [a, b).
 */
#ifndef DP_CLEANC_H
#define DP_CLEANC_H

#include <stddef.h>

#include "dp_text.h"

/* Does s[0 .. n) hold an ASCII digit (0-9) outside the range [a, b)?
 * a and b are clamped to n; a range with b <= a hides nothing. Returns 1 or
 * 0. */
int dp_cleanc_digit_outside(const char *s, size_t n, size_t a, size_t b);

/* The next word of s[0 .. n) from byte *pos that holds an ASCII digit (0-9):
 * the words are those of dp_shingle_next_word (docpipe.shingle's interner)
 * read from the start of s, and the ones without a digit are skipped. Sets
 * *w to the word, [start, end) in bytes, and *pos past it; returns 1, or 0
 * (with *pos = n) when no such word is left. *pos must be 0 or a value left
 * by this function or dp_shingle_next_word. Only the white-space-delimited
 * runs that hold a digit are read word by word (a word holds no ASCII white
 * space), the rest of s is skipped at a few instructions a byte. */
int dp_cleanc_next_digit_word(const char *s, size_t n, size_t *pos, dp_span *w);

/* Copy s[0 .. n) to out (n bytes, not terminated) with the bytes of
 * [a, b) (clamped to n) replaced by spaces. */
void dp_cleanc_mask(const char *s, size_t n, size_t a, size_t b, char *out);

/* Is s[0 .. n) plain ASCII without a "(": every byte below 0x80 and none
 * '('? Returns 1 or 0. */
int dp_cleanc_plain_ascii(const char *s, size_t n);

/* Does s[0 .. n) hold any of the k needles (needle[i] of len[i] bytes, an
 * empty needle found at once)? Returns 1 or 0. */
int dp_cleanc_has_any(const char *s, size_t n, const char *const *needle, const size_t *len,
                      size_t k);

/* May s[0 .. n) hold a control that docpipe.clean.normalize strips: does it
 * hold a byte 0x00-0x09, 0x0B-0x1F or 0x7F, or the UTF-8 of U+0080-U+009F
 * (C2 80 .. C2 9F), U+FEFF (EF BB BF), U+200B, U+2028 or U+2029 (E2 80 8B,
 * E2 80 A8, E2 80 A9), or a bidirectional embedding, override or isolate
 * U+202A-U+202E (E2 80 AA .. E2 80 AE) or U+2066-U+2069 (E2 81 A6 .. E2 81
 * A9)? Returns 1 or 0. A pre-test for the PCRE2 class of
 * those code points: every match of it holds one of these byte runs (in
 * valid UTF-8 or not), so 0 rules a match out; 1 leaves the answer to the
 * pattern. Eight bytes at a time over plain text (a page: some one and a
 * half instructions a byte, the pattern some twelve). */
int dp_cleanc_may_control(const char *s, size_t n);

/* The wrap column of a hard-wrapped page, from its lines: the C form of
 * docpipe.clean.blocks' M.wrap_width followed (narrow != 0) by M.narrow_width
 * (scripts/clean/blocks.lua holds the method and the Lua reference that a
 * spec keeps equal to this). line[i] is line i + 1 of the page (len[i] bytes,
 * no line feed; any bytes: invalid UTF-8 is measured in bytes, as Lua's
 * `utf8.len(s) or #s` measures it), count lines in all.
 * Lengths are measured in bytes first and then, for the lines near the
 * longest, in characters (code points when the line is valid UTF-8, else
 * bytes); the column returned is in those characters.
 * chars, when not NULL, gets count entries: each line's length in
 * characters, filled for every line when a column is found (the caller
 * measures the lines it joins in them), left undefined otherwise.
 * Returns the column (40 or more), 0 when the page is not wrapped (the Lua
 * functions' nil), or -1 when memory runs out. Work: a few passes over the
 * lines, each line's bytes read a few times at most. */
long dp_cleanc_wrap_width(const char *const *line, const size_t *len, size_t count, int narrow,
                          size_t *chars);

/* M.narrow_width alone: a narrower column than W (the column found by
 * dp_cleanc_wrap_width with narrow == 0), or W; same lines and units.
 * Returns -1 when memory runs out. */
long dp_cleanc_narrow_width(const char *const *line, const size_t *len, size_t count, long W);

/* Does the line s[0 .. n) end without sentence punctuation: is the
 * character before the white space closing it (ASCII white space, U+0085,
 * U+00A0, U+1680, U+180E, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F,
 * U+3000: what PCRE2's \s takes with UCP) none of . ! ? : ; " ' ) ] U+201D
 * U+2019? What blocks.lua's ends_open tells (the pattern
 * [.!?:;"'”’)\]]\s*$ finds nothing). Returns 1 or 0; 1 for an empty line or
 * one of white space only. */
int dp_cleanc_ends_open(const char *s, size_t n);

/* The candidates of docpipe.clean.evidence's floating cue patterns for one
 * block: the patterns filed under a trigger word the block holds (by the
 * word's id, a small integer of docpipe.shingle's interner) or under a
 * literal its text holds ("|", "»"), within each pattern's word limit, as
 * their numbers in file order (1-based), sorted, each once.
 * A dp_cleanc_cues holds the limits of the patterns, the map from word ids to
 * their patterns and the literals; a block is read by begin, add_id for each
 * of its trigger words' ids, add_text, then end. Not thread-safe (one per
 * Lua state, as the stage's cues). */
typedef struct dp_cleanc_cues dp_cleanc_cues;

/* limit[o - 1]: the word limit of pattern o, for o = 1 .. count. NULL when
 * memory runs out. */
dp_cleanc_cues *dp_cleanc_cues_new(const long *limit, size_t count);
void dp_cleanc_cues_free(dp_cleanc_cues *c);

/* Word id -> patterns orders[0 .. k) (numbers 1 .. count; others are
 * ignored), replacing what the id had. Ids from 1 to DP_CLEANC_CUES_MAX_ID.
 * Returns 0 when memory runs out or the id is out of range. */
#define DP_CLEANC_CUES_MAX_ID ((size_t)1 << 24)
int dp_cleanc_cues_map(dp_cleanc_cues *c, size_t id, const long *orders, size_t k);
/* Forget every word id's patterns (a new interner). */
void dp_cleanc_cues_clear(dp_cleanc_cues *c);

/* A literal lit[0 .. len) (len >= 1; searched for as bytes, case
 * sensitive) and its patterns; bits: the shape bits (dp_text_shape) its
 * first byte sets, 0 when none (then always searched). A block is searched
 * for it only when its words are within the largest limit of its patterns
 * and, given its shape, the shape has one of the bits. Returns 0 when
 * memory runs out. */
int dp_cleanc_cues_literal(dp_cleanc_cues *c, const char *lit, size_t len, unsigned bits,
                           const long *orders, size_t k);

/* Start a block of nw words (the candidates gathered so far are dropped). */
void dp_cleanc_cues_begin(dp_cleanc_cues *c, long nw);
/* Add the patterns of a trigger word's id (an unknown id adds none). */
void dp_cleanc_cues_add_id(dp_cleanc_cues *c, long long id);
/* Add the patterns of the literals text[0 .. n) holds (shape: the text's
 * shape bits when has_shape). */
void dp_cleanc_cues_add_text(dp_cleanc_cues *c, const char *text, size_t n, int has_shape,
                             unsigned shape);
/* The candidates, sorted: their count, and *out pointing at their numbers
 * (valid until the next call on c). */
size_t dp_cleanc_cues_end(dp_cleanc_cues *c, const long **out);

#endif
