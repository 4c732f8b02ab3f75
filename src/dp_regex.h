/*
 * dp_regex.h: docpipe's regular-expression primitive, a thin layer over
 * PCRE2 (8-bit code units, https://www.pcre.org/current/doc/html/).
 *
 * Plain C11, no Lua. Every pattern is compiled with PCRE2_UTF | PCRE2_UCP
 * (so \w, \d, \s, \b and [[:alpha:]] follow Unicode properties) and
 * PCRE2_MATCH_INVALID_UTF (a subject with invalid UTF-8 never raises an
 * error: an invalid byte matches no pattern item, not even . or [^x],
 * while the valid stretches around it match normally).
 * The newline convention is fixed to LF (write \R or start the pattern
 * with (*ANYCRLF) to treat CR LF as one line end). JIT compilation is
 * used when the PCRE2 build supports it; a JIT failure falls back to the
 * interpreter silently.
 *
 * Units: every offset in this API is a 0-based byte offset into the
 * subject; a group spans [start, end) (end exclusive). An unset group has
 * start == end == DP_RE_UNSET (SIZE_MAX).
 *
 * Ownership and threads:
 *  - A dp_regex is immutable after compilation and reference counted:
 *    dp_regex_compile returns it with one reference, dp_regex_retain adds
 *    one, dp_regex_free drops one and frees the pattern with the last.
 *    Reference counting is atomic, and matching only reads the regex, so
 *    one dp_regex may be used by several threads at once.
 *  - A dp_match holds the PCRE2 match data (ovector and the interpreter's
 *    backtracking memory, reused from call to call) and, created on
 *    demand, a private JIT stack. Use one dp_match per thread; it may be
 *    used with any regex (it grows when a regex has more groups).
 *  - A dp_regex_cache is an LRU map (pattern bytes, flags) -> dp_regex.
 *    It is not synchronised: use one per thread or lock around it.
 * No function keeps mutable global state.
 */
#ifndef DP_REGEX_H
#define DP_REGEX_H

#include <stddef.h>
#include <stdint.h>

/* Compile flags; OR them together. */
enum {
    DP_RE_CASELESS  = 1u << 0, /* i: PCRE2_CASELESS (Unicode case folding) */
    DP_RE_MULTILINE = 1u << 1, /* m: ^ and $ also match at inner line ends */
    DP_RE_DOTALL    = 1u << 2, /* s: . also matches \n */
    DP_RE_EXTENDED  = 1u << 3  /* x: ignore white space and # comments */
};
#define DP_RE_ALL_FLAGS (DP_RE_CASELESS | DP_RE_MULTILINE | DP_RE_DOTALL | DP_RE_EXTENDED)

/* Offset value of a group that did not take part in the match. */
#define DP_RE_UNSET SIZE_MAX

typedef struct dp_regex dp_regex;
typedef struct dp_match dp_match;
typedef struct dp_regex_cache dp_regex_cache;

/*
 * Compile pat[0..len) (may contain NUL bytes; must be valid UTF-8).
 * Returns a new regex with one reference, or NULL on error; then, when
 * err != NULL and errlen > 0, err holds a NUL-terminated message
 * "bad pattern at offset N: MESSAGE" where N is the 0-based byte offset in
 * the pattern at which PCRE2 detected the problem. Unknown flag bits and
 * memory exhaustion are reported the same way (offset 0).
 */
dp_regex *dp_regex_compile(const char *pat, size_t len, unsigned flags,
                           char *err, size_t errlen);

/* Add a reference; returns re. */
dp_regex *dp_regex_retain(dp_regex *re);

/* Drop a reference (NULL is a no-op); the last one frees the regex. */
void dp_regex_free(dp_regex *re);

/* Number of capture groups (not counting group 0). */
unsigned dp_regex_capture_count(const dp_regex *re);

/*
 * Number of the group called name (NUL-terminated), or -1 when the
 * pattern has no such group (or, with (?J), the name is not unique).
 */
int dp_regex_group_index(const dp_regex *re, const char *name);

/* The pattern source (not NUL-terminated; *len receives its length). */
const char *dp_regex_pattern(const dp_regex *re, size_t *len);

/* The DP_RE_* flags the regex was compiled with. */
unsigned dp_regex_flags(const dp_regex *re);

/*
 * Match data. dp_match_new(re) sizes it for re (re may be NULL: group 0
 * only); it grows by itself when used with a regex that has more groups.
 * Returns NULL when out of memory. dp_match_free(NULL) is a no-op.
 */
dp_match *dp_match_new(const dp_regex *re);
void dp_match_free(dp_match *m);

/*
 * Search subj[0..len) for re, starting at byte offset start (0 <= start
 * <= len; lookbehinds and \b may look at bytes before start, and ^ without
 * DP_RE_MULTILINE only matches at offset 0). The subject may contain NUL
 * bytes and invalid UTF-8.
 * Returns > 0 on a match: 1 + the number of the highest group that was
 * set (so group 0 and every group below the result may be read from m);
 * 0 when there is no match; < 0 on an error (a PCRE2 error code: for
 * example a start beyond len, the match or depth limit, or no memory;
 * see dp_regex_error_message). After a result <= 0, m reads as unset.
 */
int dp_regex_exec(const dp_regex *re, const char *subj, size_t len,
                  size_t start, dp_match *m);

/*
 * The bytes that may open a match starting at offset 0 of a subject: set[c]
 * is 1 when a subject whose first byte is c may match there (c < 128: a
 * one-byte subject is tried with PCRE2_PARTIAL_HARD and PCRE2_ANCHORED, a
 * full or a partial match setting it; every byte from 128 up is set, a lone
 * lead byte being no valid subject), 0 when none can. A subject of zero
 * bytes is not covered: try it. For a pattern opening with ^ this tells
 * from the first byte alone that a text cannot match at all. Returns 0, or
 * -1 when out of memory (then every byte is set).
 */
int dp_regex_first_bytes(const dp_regex *re, unsigned char set[256]);
/* The result of the last dp_regex_exec with m (0 before any). */
int dp_match_count(const dp_match *m);

/*
 * Start / end (exclusive) byte offset of group g in the last successful
 * match; DP_RE_UNSET when the group was not set, when g is out of range,
 * or when the last exec did not match.
 */
size_t dp_match_start(const dp_match *m, unsigned g);
size_t dp_match_end(const dp_match *m, unsigned g);

/* Write the message for an error code from dp_regex_exec into buf. */
void dp_regex_error_message(int code, char *buf, size_t buflen);

/*
 * LRU cache of compiled patterns keyed by (pattern bytes, flags).
 * dp_regex_cache_new(capacity): capacity 0 is taken as 1; NULL when out
 * of memory. dp_regex_cache_get returns the cached regex, compiling and
 * inserting it on a miss (evicting the least recently used entry when
 * full). The returned regex is owned by the cache: it stays valid until
 * the next dp_regex_cache_get or dp_regex_cache_free on the same cache;
 * call dp_regex_retain to keep it longer (and dp_regex_free when done).
 * On a compile error it returns NULL with err set as in dp_regex_compile;
 * failures are not cached. dp_regex_cache_free(NULL) is a no-op; it drops
 * the cache's references (retained regexes stay alive).
 */
dp_regex_cache *dp_regex_cache_new(size_t capacity);
dp_regex *dp_regex_cache_get(dp_regex_cache *c, const char *pat, size_t len,
                             unsigned flags, char *err, size_t errlen);
size_t dp_regex_cache_size(const dp_regex_cache *c);
void dp_regex_cache_free(dp_regex_cache *c);

#endif
