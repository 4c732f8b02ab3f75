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

/* Find the next field at or after *pos: a run of bytes that are not ASCII white
 * space (space, \t, \n, \v, \f, \r), what Lua's "%S+" matches in the C locale.
 * Bytes past ASCII are field bytes (a no-break space too). Returns 1 and fills
 * *w, advancing *pos past it, or 0 at the end. */
int dp_text_next_field(const char *s, size_t n, size_t *pos, dp_span *w);

/* Find the next ASCII word at or after *pos: a letter A-Z or a-z, then letters
 * and dots, what the pattern "[A-Za-z][A-Za-z.]*" matches (Lua's "%a[%a.]*" in
 * the C locale). Bytes past ASCII end a word. Returns 1 and fills *w, advancing
 * *pos past it, or 0 at the end. */
int dp_text_next_ascii_word(const char *s, size_t n, size_t *pos, dp_span *w);

/* The span of s[0..n) without the spaces (U+0020 only, not other white space)
 * that open and close it; start == end == 0 when s holds only spaces or is
 * empty. */
dp_span dp_text_trim_spaces(const char *s, size_t n);

/* Find the next paragraph at or after *pos: a block of lines ended by a
 * line holding only white space (or by the end), trimmed. Returns 1 and
 * fills *p, advancing *pos, or 0 when only white space is left. */
int dp_text_next_paragraph(const char *s, size_t n, size_t *pos, dp_span *p);

/* The shape of a short text (a page's block) from one scan, for tests that would
 * otherwise each cost a call and a scan of their own: its length, its first two
 * bytes and its last, and what it holds, as DP_SHAPE_* bits. */
typedef struct dp_text_shape {
    size_t chars;               /* code points when s is valid UTF-8 (dp_utf8_check), else bytes */
    int first, second, last;    /* bytes s[0], s[1], s[n - 1]; -1 when s is shorter */
    unsigned flags;             /* DP_SHAPE_* */
} dp_text_shape;

enum {
    DP_SHAPE_SENTENCE  = 1u << 0, /* ends in . ! ? or U+2026, perhaps inside closing
                                     " ' ) ] and U+201D U+2019 U+00BB */
    DP_SHAPE_LOWER     = 1u << 1, /* holds an ASCII lower-case letter, a-z */
    DP_SHAPE_UPPER     = 1u << 2, /* holds an ASCII capital, A-Z */
    DP_SHAPE_WIDE      = 1u << 3, /* holds a byte C3..F4 (a lead byte past U+00BF) */
    DP_SHAPE_SLASH     = 1u << 4, /* holds '/' */
    DP_SHAPE_COPYRIGHT = 1u << 5, /* holds U+00A9 (C2 A9) */
    DP_SHAPE_COLON_END = 1u << 6, /* holds ':' among its last 40 bytes */
    DP_SHAPE_BAR       = 1u << 7, /* holds '|' */
    DP_SHAPE_COMMA     = 1u << 8, /* holds ',' */
    DP_SHAPE_MIDDOT    = 1u << 9, /* holds U+00B7 (C2 B7) */
    DP_SHAPE_DIGIT     = 1u << 10, /* holds an ASCII digit, 0-9 */
    DP_SHAPE_COLON     = 1u << 11, /* holds ':' anywhere */
    DP_SHAPE_AT        = 1u << 12, /* holds '@' */
    DP_SHAPE_HYPHEN    = 1u << 13, /* holds '-' (U+002D) */
    DP_SHAPE_PAREN     = 1u << 14, /* holds '(' */
    DP_SHAPE_QUESTION  = 1u << 15, /* holds '?' */
    DP_SHAPE_SIGN      = 1u << 16, /* holds one of # $ % & * + < = > [ \ ] ^ _ ` { } ~ */
    DP_SHAPE_LATIN1    = 1u << 17  /* holds the lead byte C2 (U+0080..U+00BF: U+00A9,
                                      U+00B7, U+00BB, U+00B0...) */
};
/* The bits set by one byte alone, whatever its place (all but DP_SHAPE_SENTENCE and
 * DP_SHAPE_COLON_END; DP_SHAPE_COPYRIGHT and DP_SHAPE_MIDDOT need their two bytes):
 * a text that holds a byte holds that byte's bits, so a test for a literal may first
 * test the bits its first byte sets. */
#define DP_SHAPE_BYTE_BITS (~(unsigned)(DP_SHAPE_SENTENCE | DP_SHAPE_COLON_END))

/* The shape of s[0..n) (bytes, not characters, except chars). */
dp_text_shape dp_text_shape_of(const char *s, size_t n);

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
