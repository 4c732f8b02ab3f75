/*
 * dp_utf8.h: UTF-8 primitives (plain C, no Lua).
 *
 * Units: every offset here is a 0-based byte offset or a 0-based code point
 * index, as each function says. A byte that does not start a valid UTF-8
 * sequence (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF)
 * counts as one code point everywhere, so counts and conversions never fail.
 */
#ifndef DP_UTF8_H
#define DP_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length in bytes of the valid sequence starting at s[0] (1..4), or 0 when
 * s[0..n) does not start with a valid UTF-8 sequence. *cp gets the code
 * point when cp is not NULL and the sequence is valid. */
size_t dp_utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Encode cp (<= 0x10FFFF) into out[0..4); returns the byte count. */
size_t dp_utf8_encode(uint32_t cp, char out[4]);

/* Byte offset of the first invalid byte, or n when s[0..n) is valid. */
size_t dp_utf8_check(const char *s, size_t n);

/* Number of code points in s[0..n). */
size_t dp_utf8_len(const char *s, size_t n);

/* Byte offset of code point index cp (0-based); n when cp >= length. */
size_t dp_utf8_cp_to_byte(const char *s, size_t n, size_t cp);

/* Code point index of byte offset b (0-based); a b inside a sequence maps to
 * that sequence's index; b >= n gives the length. */
size_t dp_utf8_byte_to_cp(const char *s, size_t n, size_t b);

/* Repair and normalise a loaded text into out (malloc'd, NUL-terminated,
 * owned by the caller): a leading BOM is dropped, CRLF and lone CR become LF,
 * NUL bytes and invalid bytes become U+FFFD. *replaced gets the number of
 * replacements (invalid bytes and NULs). Returns the output length, or
 * (size_t)-1 when memory runs out. */
size_t dp_utf8_repair(const char *s, size_t n, char **out, size_t *replaced);

/* True when c is Unicode white space (White_Space property). */
int dp_utf8_is_space(uint32_t c);

#endif
