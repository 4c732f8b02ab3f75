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

#endif
