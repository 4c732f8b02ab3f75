/*
 * dp_text.h: text primitives over UTF-8 (plain C, no Lua): white space,
 * words and paragraphs.
 *
 * Units: 0-based byte offsets; a dp_span is [start, end), end exclusive.
 * Character classes follow the Unicode general categories as reported by
 * utf8proc (letters L*, marks M*, numbers N*) and the White_Space property.
 */
#ifndef DP_TEXT_H
#define DP_TEXT_H

#include <stddef.h>

typedef struct dp_span {
    size_t start, end;  /* byte offsets, end exclusive */
} dp_span;

/* Collapse every run of white space in s[0..n) to one ASCII space and drop
 * leading and trailing white space. out must hold n + 1 bytes; it is
 * NUL-terminated. Returns the output length. */
size_t dp_text_normalize_space(const char *s, size_t n, char *out);

/* The span of s[0..n) without leading and trailing white space. */
dp_span dp_text_trim(const char *s, size_t n);

/* Find the next word at or after *pos: a run of letters, marks and digits,
 * which may hold the joiners ' (U+0027), U+2019, '-', '.', ',' (digits only,
 * as in 200,000) between two word characters, and keeps the final '.' of an
 * initialism such as "U.S.". Returns 1 and fills *w, advancing *pos past it,
 * or 0 at the end. */
int dp_text_next_word(const char *s, size_t n, size_t *pos, dp_span *w);

/* Find the next paragraph at or after *pos: a block of lines ended by a
 * line holding only white space (or by the end), trimmed. Returns 1 and
 * fills *p, advancing *pos, or 0 when only white space is left. */
int dp_text_next_paragraph(const char *s, size_t n, size_t *pos, dp_span *p);

/* Unicode Normalization Form C (UAX #15) of s[0..n), by utf8proc, into
 * *out (malloc'd, NUL-terminated, owned by the caller). Returns the length,
 * or (size_t)-1 when s is not valid UTF-8 or memory runs out (*out NULL). */
size_t dp_text_nfc(const char *s, size_t n, char **out);

/* The bytes dp_text_case may write for n bytes of input (a case mapping can
 * turn a 2-byte character into a 3-byte one, e.g. U+0250 -> U+2C6F). */
#define DP_TEXT_CASE_BOUND(n) ((n) + (n) / 2 + 4)

/* s[0..n) in lower case (upper = 0) or upper case (upper = 1), code point by
 * code point, by the simple case mappings of the Unicode Character Database
 * (UnicodeData.txt fields 12-13, through utf8proc_tolower / utf8proc_toupper):
 * "ÉLOÏSE" <-> "éloïse", Greek, Cyrillic; no special casing (German ß stays,
 * final sigma is not chosen by position). Bytes that are not valid UTF-8 are
 * copied as they are. out must hold DP_TEXT_CASE_BOUND(n) bytes; it is not
 * NUL-terminated. Returns the output length in bytes. */
size_t dp_text_case(const char *s, size_t n, int upper, char *out);

#endif
