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

/* Does s[0 .. n) hold an ASCII digit (0-9) outside the range [a, b)?
 * a and b are clamped to n; a range with b <= a hides nothing. Returns 1 or
 * 0. */
int dp_cleanc_digit_outside(const char *s, size_t n, size_t a, size_t b);

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
 * E2 80 A8, E2 80 A9)? Returns 1 or 0. A pre-test for the PCRE2 class of
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

#endif
