/*
 * lua_json.c: JSON encode and decode between JSON text and Lua values,
 * with docpipe's array/object marks, null sentinel, key order and span
 * conversion (see lua_json.h). Decoding is cJSON's (the tree is then
 * copied onto the Lua stack); encoding writes straight into a buffer, byte
 * for byte what cJSON prints, small flat objects (sentences) in one pass
 * over their keys.
 */
#include "lua_json.h"
#include "dp_text.h"
#include "dp_utf8.h"
#include "lua_sbd.h"

#include <cJSON.h>
#include <errno.h>
#include <float.h>
#include <locale.h>
#include <math.h>
#include <lauxlib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#define ARRAY_MT "docpipe.array"
#define OBJECT_MT "docpipe.object"
#define MAX_DEPTH 1000

/* The mark of an object whose start/end were read as written, not as
 * offsets into the text (they lay outside it): the encoder writes them back
 * as they are, so a round trip never changes them. */
#define RAW_SPAN_MT "docpipe.object.raw"

static void push_raw_span_mt(lua_State *L) {
    if (luaL_newmetatable(L, RAW_SPAN_MT)) {
        lua_pushliteral(L, "object");
        lua_setfield(L, -2, "__name");
    }
}

void dp_json_push_array_mt(lua_State *L) {
    if (luaL_newmetatable(L, ARRAY_MT)) {
        lua_pushliteral(L, "array");
        lua_setfield(L, -2, "__name");
    }
}

void dp_json_push_object_mt(lua_State *L) {
    if (luaL_newmetatable(L, OBJECT_MT)) {
        lua_pushliteral(L, "object");
        lua_setfield(L, -2, "__name");
    }
}

/* ---- span conversion ------------------------------------------------- */

/* Incremental byte<->code point conversion over one text: offsets mostly
 * arrive in ascending order, so each lookup continues from the last one. */
typedef struct span_conv {
    const char *text;
    size_t len;
    size_t byte, cp;  /* a known pair: cp = code points in text[0..byte) */
    size_t cplen;     /* code points in the text, (size_t)-1 until counted */
} span_conv;

/* Code points in text[0..b), a sequence that b falls inside not counted
 * (an invalid byte counts as one); the known pair moves to the last code
 * point boundary at or before b. One pass, ASCII a byte at a time. */
static size_t conv_byte_to_cp(span_conv *c, size_t b) {
    if (b > c->len) b = c->len;
    if (b < c->byte) c->byte = c->cp = 0;
    const unsigned char *s = (const unsigned char *)c->text;
    size_t i = c->byte, cp = c->cp;
    while (i < b) {
#ifdef __SSE2__
        while (i + 64 <= b) {  /* sixty-four ASCII bytes */
            const __m128i *v = (const __m128i *)(const void *)(s + i);
            __m128i o = _mm_or_si128(_mm_or_si128(_mm_loadu_si128(v), _mm_loadu_si128(v + 1)),
                                     _mm_or_si128(_mm_loadu_si128(v + 2), _mm_loadu_si128(v + 3)));
            if (_mm_movemask_epi8(o)) break;
            i += 64;
            cp += 64;
        }
        while (i + 16 <= b &&
               _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + i))) == 0) {
            i += 16;  /* sixteen ASCII bytes */
            cp += 16;
        }
        if (i >= b) break;
        /* the ASCII bytes of the next sixteen (those before b), at once */
        if (i + 16 <= c->len) {
            unsigned m = (unsigned)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)(s + i)));
            size_t rem = b - i;
            if (rem < 16) m &= (1u << rem) - 1;
            if (!m) {
                size_t k = rem < 16 ? rem : 16;
                i += k;
                cp += k;
                continue;
            }
            unsigned z = (unsigned)__builtin_ctz(m);  /* then s[i + z] >= 0x80, i + z < b */
            i += z;
            cp += z;
        }
#endif
        if (s[i] < 0x80) { i++; cp++; continue; }
        size_t k = dp_utf8_decode(c->text + i, c->len - i, NULL);
        if (!k) k = 1;
        if (i + k > b) break;  /* b falls inside this sequence */
        i += k;
        cp++;
    }
    c->byte = i;
    c->cp = cp;
    return cp;
}

/* The text's length in code points, counted once. */
static size_t conv_cp_len(span_conv *c) {
    if (c->cplen == (size_t)-1) c->cplen = dp_utf8_len(c->text, c->len);
    return c->cplen;
}

static size_t conv_cp_to_byte(span_conv *c, size_t cp) {
    if (cp < c->cp) c->byte = c->cp = 0;
    size_t b = dp_utf8_cp_to_byte(c->text + c->byte, c->len - c->byte, cp - c->cp);
    c->byte += b;
    c->cp += dp_utf8_byte_to_cp(c->text + c->byte - b, b, b);
    return c->byte;
}

/* ---- encode ---------------------------------------------------------- */

/* The encoder walks the Lua value once and writes JSON straight into a
 * growing buffer, byte for byte what cJSON_PrintUnformatted (or
 * cJSON_Print, when pretty) writes for the same value built as a cJSON
 * tree: the same key order, escapes, number forms and layout. */

typedef struct obuf {
    char *p;
    size_t n, cap;
    int oom;
    size_t bad;  /* bytes written as U+FFFD: NULs and bytes starting no valid UTF-8 sequence */
} obuf;

static int ob_grow(obuf *b, size_t k);

/* Room for k more bytes (and a final NUL); 0 when memory runs out. */
static inline int ob_room(obuf *b, size_t k) {
    if (b->cap - b->n > k && !b->oom) return 1;
    return ob_grow(b, k);
}

static int ob_grow(obuf *b, size_t k) {
    if (b->oom) return 0;
    if (b->cap - b->n > k) return 1;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap - b->n <= k) {
        if (cap > SIZE_MAX / 2) { b->oom = 1; return 0; }
        cap *= 2;
    }
    char *p = realloc(b->p, cap);
    if (!p) { b->oom = 1; return 0; }
    b->p = p;
    b->cap = cap;
    return 1;
}

static inline void ob_put(obuf *b, const char *s, size_t k) {
    if (!ob_room(b, k)) return;
    memcpy(b->p + b->n, s, k);
    b->n += k;
}

static inline void ob_putc(obuf *b, char c) {
    if (!ob_room(b, 1)) return;
    b->p[b->n++] = c;
}

static void ob_tabs(obuf *b, size_t k) {
    if (!ob_room(b, k)) return;
    memset(b->p + b->n, '\t', k);
    b->n += k;
}

/* Where a string put_string wrote (a document's text) lies in the output,
 * so that a slice of it (a sentence) can be copied from there instead of
 * being escaped again. Offsets are 0-based bytes: the string's byte x
 * (x a boundary between the pieces put_string writes: not a UTF-8
 * continuation byte, or the string's end) was written at output offset
 * out + x + delta, delta being that of the last event with end <= x (0
 * before the first). An event is a piece written otherwise than given (an
 * escape, a U+FFFD), ending at string offset `end` (exclusive). */
typedef struct smap_ev {
    size_t end;       /* string offset just after the piece */
    ptrdiff_t delta;  /* bytes written minus bytes given, up to end */
} smap_ev;

typedef struct strmap {
    const char *text;  /* the string mapped (NULL: none), text[0..len) */
    size_t len;
    size_t out;        /* output offset of text[0] (after the opening quote) */
    smap_ev *ev;       /* malloc'd, ascending end */
    size_t nev, cap;
    int broken;        /* an event was lost (memory): the map is not used */
    int nonascii;      /* the string has a byte from 0x80 */
    size_t cur;        /* lookup cursor: events before it have end <= cur_x */
    size_t cur_x;
    ptrdiff_t cur_d;
} strmap;

/* Note a piece of the string ending at `end` written with `extra` more
 * bytes than given. */
static void smap_note(strmap *m, size_t end, ptrdiff_t extra) {
    if (m->broken) return;
    if (m->nev == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        smap_ev *ev = cap < SIZE_MAX / sizeof *ev ? realloc(m->ev, cap * sizeof *ev) : NULL;
        if (!ev) { m->broken = 1; return; }
        m->ev = ev;
        m->cap = cap;
    }
    ptrdiff_t d = (m->nev ? m->ev[m->nev - 1].delta : 0) + extra;
    m->ev[m->nev].end = end;
    m->ev[m->nev].delta = d;
    m->nev++;
}

/* The output offset of the mapped string's byte x (a piece boundary,
 * x <= len). Cheapest when x does not decrease from call to call. */
static size_t smap_at(strmap *m, size_t x) {
    if (x < m->cur_x) { m->cur = 0; m->cur_d = 0; }
    while (m->cur < m->nev && m->ev[m->cur].end <= x) m->cur_d = m->ev[m->cur++].delta;
    m->cur_x = x;
    return (size_t)((ptrdiff_t)(m->out + x) + m->cur_d);
}

typedef struct enc {
    lua_State *L;
    int order;          /* stack index of a list of top-level keys in order, or 0 */
    span_conv *spans;
    char *err;
    size_t errlen;
    obuf out;
    int pretty;
    size_t fdepth;      /* nesting depth as cJSON counts it for the layout */
    const void *array_mt, *object_mt;  /* the two marks */
    const void *raw_mt;                /* objects whose start/end are not offsets */
    char *jbuf;         /* a joined sentence's text (enc_lazy), malloc'd */
    size_t jcap;
    strmap tmap;        /* where the text given for spans was written, if it was */
} enc;

/* The document model's keys in output order (their rank); others follow,
 * sorted. Looked up by length first: this runs for every key written. */
#define RANK(lit, r) if (memcmp(k, lit, n) == 0) return r
static int key_rank(const char *k, size_t n) {
    switch (n) {
    case 2: RANK("id", 0); break;
    case 3: RANK("url", 2); RANK("end", 12); RANK("cue", 15); break;
    case 4: RANK("date", 6); RANK("text", 10); RANK("type", 16); RANK("meta", 21); break;
    case 5: RANK("title", 3); RANK("start", 11); break;
    case 6: RANK("source", 1); RANK("outlet", 5); RANK("quotes", 19); RANK("errors", 22); break;
    case 7: RANK("authors", 4); RANK("speaker", 13); RANK("summary", 20); break;
    case 8: RANK("dateline", 7); break;
    case 9: RANK("sentences", 18); break;
    case 10: RANK("highlights", 8); RANK("paragraphs", 17); break;
    case 12: RANK("contributors", 9); break;
    case 15: RANK("speaker_mention", 14); break;
    default: break;
    }
    return 1000;
}
#undef RANK

typedef struct okey {
    const char *s;      /* the key as written: valid UTF-8 without NULs */
    size_t slen;
    const char *orig;   /* the key's string form before repair */
    size_t olen;
    char *fixed;        /* s when it is a repaired copy (malloc'd), else NULL */
    int is_num;         /* the key is a number */
    int rank;           /* its place in the model's (or the caller's) order */
    int vidx;           /* stack index of the value (stack mode) */
    lua_Integer slot;   /* anchor slot of the key (anchor mode) */
    int skip;           /* written alike as the next key: left out */
    int plain;          /* s is printable ASCII without '"' or '\\': written as it is */
} okey;

/* Bytewise order of two strings without NULs, as strcmp orders them. */
static int bytes_cmp(const char *a, size_t an, const char *b, size_t bn) {
    int c = memcmp(a, b, an < bn ? an : bn);
    if (c) return c;
    return an < bn ? -1 : an > bn;
}

/* Model order, then bytewise; keys written the same (1 and "1", or two
 * strings repaired alike) are ordered by type and original bytes. */
static int key_cmp(const okey *p, const okey *q) {
    if (p->rank != q->rank) return p->rank < q->rank ? -1 : 1;
    int c = bytes_cmp(p->s, p->slen, q->s, q->slen);
    if (c) return c;
    if (p->is_num != q->is_num) return p->is_num ? -1 : 1;
    return bytes_cmp(p->orig, p->olen, q->orig, q->olen);
}

static int key_qcmp(const void *a, const void *b) {
    return key_cmp((const okey *)a, (const okey *)b);
}

static void sort_keys(okey *k, size_t n) {
    if (n > 16) { qsort(k, n, sizeof *k, key_qcmp); return; }
    for (size_t i = 1; i < n; i++) {  /* insertion sort: objects are small */
        okey t = k[i];
        size_t j = i;
        while (j > 0 && key_cmp(&k[j - 1], &t) > 0) { k[j] = k[j - 1]; j--; }
        k[j] = t;
    }
}

static int enc_value(enc *e, int idx, int depth);

/* A copy of s[0..len), NUL-terminated, with each NUL and each byte that
 * starts no valid UTF-8 sequence replaced by U+FFFD, or NULL when memory
 * runs out. Nothing else changes: unlike dp_utf8_repair it keeps CR and a
 * leading BOM, so every code point of s stays exactly one code point and
 * span offsets counted in s still hold in the string written. */
static char *utf8_fixed(const char *s, size_t len) {
    if (len > (SIZE_MAX - 1) / 3) return NULL;
    char *out = malloc(3 * len + 1);
    if (!out) return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t k = s[i] ? dp_utf8_decode(s + i, len - i, NULL) : 0;
        if (k) {
            memcpy(out + o, s + i, k);
            o += k;
            i += k;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    out[o] = '\0';
    return out;
}

/* 1 when s[0..len) can be written as a JSON string as it is. */
static int json_clean(const char *s, size_t len) {
    size_t i = 0;
    while (i < len && (unsigned char)s[i] - 1u < 0x7Fu) i++;  /* 0x01..0x7F */
    if (i == len) return 1;
    return memchr(s, 0, len) == NULL && dp_utf8_check(s, len) == len;
}

/* Byte classes for strings: 0 copied as is, 1 escaped, 2 starts a
 * multi-byte sequence (or is invalid), 3 NUL. */
static const unsigned char str_class[256] = {
    3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  /* '"' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,  /* '\\' */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
};

/* 1 when the eight bytes in w hold a control character, '"', '\\' or a
 * byte from 0x80 (the bytes put_string does not copy as they are). */
static inline int swar_special(uint64_t w) {
    uint64_t hi = w & 0x8080808080808080ULL;
    uint64_t ctl = (w - 0x2020202020202020ULL) & ~w;
    uint64_t q = w ^ 0x2222222222222222ULL, bs = w ^ 0x5C5C5C5C5C5C5C5CULL;
    uint64_t zq = (q - 0x0101010101010101ULL) & ~q, zb = (bs - 0x0101010101010101ULL) & ~bs;
    return (hi | ((ctl | zq | zb) & 0x8080808080808080ULL)) != 0;
}

static void put_string_m(obuf *b, const char *s, size_t len, strmap *m);

/* Write s[0..len) as a JSON string: NULs and bytes that start no valid
 * UTF-8 sequence as U+FFFD, '"' '\\' and control characters escaped as
 * cJSON escapes them (\b \f \n \r \t, else \u00xx). */
static void put_string(obuf *b, const char *s, size_t len) { put_string_m(b, s, len, NULL); }

/* put_string, noting in m (when not NULL) each piece written otherwise
 * than given (smap_note; m->out is set by the caller). */
static void put_string_m(obuf *b, const char *s, size_t len, strmap *m) {
    const unsigned char *u = (const unsigned char *)s;
    if (!ob_room(b, len + 2)) return;
    b->p[b->n++] = '"';
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        /* a run of bytes copied as they are, sixteen (or eight) at a time
         * while no byte is a control character, '"', '\\' or non-ASCII */
#ifdef __SSE2__
        {
            const __m128i sp = _mm_set1_epi8(0x20), dq = _mm_set1_epi8('"'),
                          bsl = _mm_set1_epi8('\\');
            while (j + 16 <= len) {
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + j));
                /* signed: bytes >= 0x80 are below 0x20 too: the set is
                 * exactly the bytes whose str_class is not 0 */
                __m128i sel = _mm_or_si128(_mm_cmplt_epi8(v, sp),
                                           _mm_or_si128(_mm_cmpeq_epi8(v, dq), _mm_cmpeq_epi8(v, bsl)));
                unsigned mask = (unsigned)_mm_movemask_epi8(sel);
                if (mask) {
                    j += (unsigned)__builtin_ctz(mask);  /* the first such byte */
                    goto found;
                }
                j += 16;
            }
        }
#endif
        while (j + 8 <= len) {
            uint64_t w;
            memcpy(&w, u + j, 8);
            if (swar_special(w)) break;
            j += 8;
        }
        while (j < len && !str_class[u[j]]) j++;
#ifdef __SSE2__
    found:
#endif
        if (j > i) { ob_put(b, s + i, j - i); i = j; }
        if (i >= len) break;
        unsigned char c = u[i];
        if (c == '"' || c == '\\') {  /* the common escapes, as case 1 writes them */
            if (!ob_room(b, 2)) return;
            b->p[b->n++] = '\\';
            b->p[b->n++] = (char)c;
            i++;
            if (m) smap_note(m, i, 1);
            continue;
        }
        if (m && c >= 0x80) m->nonascii = 1;
        if (c >= 0xC2 && c <= 0xDF && i + 1 < len && (u[i + 1] & 0xC0) == 0x80) {
            ob_put(b, s + i, 2);  /* a valid 2-byte sequence */
            i += 2;
            continue;
        }
        switch (str_class[c]) {
        case 1: {
            char esc[8];
            size_t k = 2;
            esc[0] = '\\';
            switch (c) {
            case '"': esc[1] = '"'; break;
            case '\\': esc[1] = '\\'; break;
            case '\b': esc[1] = 'b'; break;
            case '\f': esc[1] = 'f'; break;
            case '\n': esc[1] = 'n'; break;
            case '\r': esc[1] = 'r'; break;
            case '\t': esc[1] = 't'; break;
            default:
                snprintf(esc + 1, sizeof esc - 1, "u%04x", c);
                k = 6;
            }
            ob_put(b, esc, k);
            i++;
            if (m) smap_note(m, i, (ptrdiff_t)k - 1);
            break;
        }
        case 2: {
            size_t k = dp_utf8_decode(s + i, len - i, NULL);
            if (k) { ob_put(b, s + i, k); i += k; }
            else {
                ob_put(b, "\xEF\xBF\xBD", 3);
                i++;
                b->bad++;
                if (m) smap_note(m, i, 2);
            }
            break;
        }
        default:  /* NUL */
            ob_put(b, "\xEF\xBF\xBD", 3);
            i++;
            b->bad++;
            if (m) smap_note(m, i, 2);
        }
    }
    ob_putc(b, '"');
}

/* Write u in decimal at p (room for 20 bytes); returns the end. */
static inline char *write_uint(char *p, unsigned long long u) {
    static const char pairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    static const unsigned long long pow10[20] = {
        1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL, 10000000ULL,
        100000000ULL, 1000000000ULL, 10000000000ULL, 100000000000ULL, 1000000000000ULL,
        10000000000000ULL, 100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
        100000000000000000ULL, 1000000000000000000ULL, 10000000000000000000ULL,
    };
    /* the number of digits: from the bit length (1233 / 4096 ~ log10 2), then one compare */
    size_t nd = 1;
    if (u >= 10) {
        unsigned t = ((unsigned)(64 - __builtin_clzll(u)) * 1233u) >> 12;
        nd = t + 1 - (u < pow10[t]);
    }
    char *q = p + nd;
    while (u >= 100) {  /* two digits a division */
        unsigned d = (unsigned)(u % 100);
        u /= 100;
        q -= 2;
        memcpy(q, pairs + 2 * d, 2);
    }
    if (u >= 10) {
        memcpy(q - 2, pairs + 2 * u, 2);
    } else {
        q[-1] = (char)('0' + u);
    }
    return p + nd;
}

/* Write v in decimal: one room check, then the digits in place. */
static void put_integer(obuf *b, lua_Integer v) {
    if (!ob_room(b, 21)) return;  /* "-" and 20 digits at most */
    unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    char *p = b->p + b->n;
    if (v < 0) *p++ = '-';
    b->n = (size_t)(write_uint(p, u) - b->p);
}

/* A float as cJSON prints a number (through cJSON itself, so the form is
 * exactly its own); 0 when memory runs out. */
/* A float in the shortest form that reads back as the same double (15,
 * 16 or 17 significant digits), with ".0" on a whole number so that it
 * reads back as a float, not an integer. */
static int put_float(obuf *b, double d) {
    char buf[40];
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, d);
        if (strtod(buf, NULL) == d) break;
    }
    if (!strpbrk(buf, ".eEn")) strcat(buf, ".0");
    ob_put(b, buf, strlen(buf));
    return 1;
}

/* The metatable of the value at idx: 1 array mark, 2 object mark, 3 other,
 * 0 none. */
static int mark_of(enc *e, int idx) {
    if (!lua_getmetatable(e->L, idx)) return 0;
    const void *mt = lua_topointer(e->L, -1);
    lua_pop(e->L, 1);
    return mt == e->array_mt ? 1 : mt == e->object_mt ? 2 : mt == e->raw_mt ? 4 : 3;
}

/* 1 when the table at idx (with mark) is to be written as an array. */
static int is_array(lua_State *L, int idx, int mark, lua_Integer *n) {
    *n = (lua_Integer)lua_rawlen(L, idx);
    if (mark == 1) return 1;
    if (mark == 2 || mark == 4) return 0;
    lua_Integer count = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (!lua_isinteger(L, -1)) { lua_pop(L, 1); return 0; }
        lua_Integer k = lua_tointeger(L, -1);
        if (k < 1 || k > *n) { lua_pop(L, 1); return 0; }
        count++;
    }
    return count == *n;
}

static int enc_fail(enc *e, const char *msg) {
    snprintf(e->err, e->errlen, "%s", msg);
    return 0;
}

static int enc_array(enc *e, int idx, int depth, lua_Integer n) {
    lua_State *L = e->L;
    ob_putc(&e->out, '[');
    e->fdepth++;
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, idx, i);
        int ok = enc_value(e, lua_gettop(L), depth + 1);
        lua_pop(L, 1);
        if (!ok) return 0;
        if (i < n) {
            if (e->pretty) ob_put(&e->out, ", ", 2);
            else ob_putc(&e->out, ',');
        }
    }
    ob_putc(&e->out, ']');
    e->fdepth--;
    return !e->out.oom;
}

#define STACK_KEYS 1000  /* objects with more keys keep them in an anchor table */

typedef struct keyset {
    okey *k;
    size_t n, cap;
    okey small[8];
} keyset;

static void keys_free(keyset *ks) {
    for (size_t i = 0; i < ks->n; i++) free(ks->k[i].fixed);
    if (ks->k != ks->small) free(ks->k);
    ks->k = ks->small;
    ks->n = 0;
    ks->cap = sizeof ks->small / sizeof ks->small[0];
}

static inline okey *keys_add(keyset *ks) {
    if (ks->n == ks->cap) {
        size_t cap = ks->cap * 2;
        okey *k = malloc(cap * sizeof *k);
        if (!k) return NULL;
        memcpy(k, ks->k, ks->n * sizeof *k);
        if (ks->k != ks->small) free(ks->k);
        ks->k = k;
        ks->cap = cap;
    }
    okey *k = &ks->k[ks->n++];
    k->fixed = NULL;
    return k;
}

/* 1 when put_string would copy s[0..n) as it is (a key such as "text"):
 * eight bytes at a time, the last word padded with 'a'. */
static int plain_ascii(const char *s, size_t n) {
    if (n < 16) {  /* a key such as "text": a byte at a time */
        for (size_t j = 0; j < n; j++)
            if (str_class[(unsigned char)s[j]]) return 0;
        return 1;
    }
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (swar_special(w)) return 0;
    }
    if (i < n) {
        unsigned char t[8];
        memset(t, 'a', sizeof t);
        memcpy(t, s + i, n - i);
        uint64_t w;
        memcpy(&w, t, 8);
        if (swar_special(w)) return 0;
    }
    return 1;
}

/* Fill in the string forms of the key k at stack index kidx (a string, or
 * a number converted in place: kidx holds a copy). 0 when memory runs out. */
static int key_forms(lua_State *L, okey *k, int kidx, int is_num) {
    k->is_num = is_num;
    k->orig = lua_tolstring(L, kidx, &k->olen);
    k->s = k->orig;
    k->slen = k->olen;
    k->plain = plain_ascii(k->orig, k->olen);
    if (!k->plain && !json_clean(k->orig, k->olen)) {  /* a key is a JSON string too */
        k->fixed = utf8_fixed(k->orig, k->olen);
        if (!k->fixed) return 0;
        k->s = k->fixed;
        k->slen = strlen(k->fixed);
    }
    return 1;
}

/* Collect the JSON keys of the table at idx. Stack mode (anchor 0): each
 * key and value stay on the stack; returns -1 when there are too many.
 * Anchor mode: anchor[slot] holds the key, anchor[slot+1] the value and
 * anchor[slot+2] the key's string form. Returns 1, or 0 when memory runs
 * out. */
static int collect_keys(enc *e, int idx, int anchor, keyset *ks) {
    lua_State *L = e->L;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        int t = lua_type(L, -2);
        if (t != LUA_TSTRING && t != LUA_TNUMBER) {  /* no JSON key can hold it */
            char msg[96];
            snprintf(msg, sizeof msg, "cannot encode a %s key as JSON", luaL_typename(L, -2));
            lua_pop(L, 2);
            enc_fail(e, msg);
            return 0;
        }
        if (!anchor) {
            /* room for eight more keys (three slots each: value, key and its copy) */
            if (ks->n >= STACK_KEYS || (ks->n % 8 == 0 && !lua_checkstack(L, 3 * 8 + 4))) {
                lua_pop(L, 2);
                return -1;
            }
            okey *k = keys_add(ks);
            if (!k) { lua_pop(L, 2); return 0; }
            int top = lua_gettop(L);
            k->vidx = top;
            lua_pushvalue(L, -2);  /* the copy lua_next goes on from */
            if (!key_forms(L, k, top - 1, t == LUA_TNUMBER)) { lua_pop(L, 1); return 0; }
        } else {
            okey *k = keys_add(ks);
            if (!k) { lua_pop(L, 2); return 0; }
            lua_Integer slot = (lua_Integer)(3 * (ks->n - 1) + 1);
            k->slot = slot;
            lua_rawseti(L, anchor, slot + 1);  /* the value */
            lua_pushvalue(L, -1);
            lua_rawseti(L, anchor, slot);
            lua_pushvalue(L, -1);
            if (!key_forms(L, k, lua_gettop(L), t == LUA_TNUMBER)) { lua_pop(L, 2); return 0; }
            lua_rawseti(L, anchor, slot + 2);  /* keeps the string form alive */
        }
    }
    return 1;
}

/* The table's start and end as integers (looked up as the reader of the
 * table sees them); 1 when both are integers. */
static int start_end(enc *e, int idx, int mark, keyset *ks, int anchor, lua_Integer *st,
                     lua_Integer *en) {
    lua_State *L = e->L;
    if (mark == 3 || anchor) {  /* metamethods may answer, or the values are not at hand */
        lua_getfield(L, idx, "start");
        lua_getfield(L, idx, "end");
        int ok = lua_isinteger(L, -1) && lua_isinteger(L, -2);
        if (ok) { *st = lua_tointeger(L, -2); *en = lua_tointeger(L, -1); }
        lua_pop(L, 2);
        return ok;
    }
    int have = 0;
    for (size_t i = 0; i < ks->n; i++) {
        const okey *k = &ks->k[i];
        if (k->is_num) continue;
        if (k->olen == 5 && memcmp(k->orig, "start", 5) == 0) {
            if (!lua_isinteger(L, k->vidx)) return 0;
            *st = lua_tointeger(L, k->vidx);
            have |= 1;
        } else if (k->olen == 3 && memcmp(k->orig, "end", 3) == 0) {
            if (!lua_isinteger(L, k->vidx)) return 0;
            *en = lua_tointeger(L, k->vidx);
            have |= 2;
        }
    }
    return have == 3;
}

/* ---- flat objects ------------------------------------------------------ */

/* The common small object, such as a sentence {text, start, end}, written
 * in one pass over lua_next: at most FLAT_KEYS keys, all strings that need
 * no escape, and values that are strings, numbers, booleans or null. Byte
 * for byte what enc_object writes for it (the same key order, span
 * conversion and number forms); no Lua code runs and nothing is allocated
 * on the Lua side while it looks, so the strings it points to stay put.
 * Returns 1 when written, 0 on a memory error or a value that cannot be
 * written (the message set), -1 when the object is not flat (nothing
 * written, the stack as it was): enc_object then writes it. */

#define FLAT_KEYS 8

typedef struct fkey {
    const char *k;     /* the key */
    size_t klen;
    int rank;
    int type;          /* the value's Lua type */
    const char *s;     /* a string value */
    size_t slen;
    lua_Integer i;     /* an integer value */
    double d;          /* a float value */
    int is_int, b;
} fkey;

static int flat_cmp(const fkey *p, const fkey *q) {
    if (p->rank != q->rank) return p->rank < q->rank ? -1 : 1;
    return bytes_cmp(p->k, p->klen, q->k, q->klen);
}

static int enc_flat(enc *e, int idx, int mark) {
    lua_State *L = e->L;
    fkey ks[FLAT_KEYS];
    size_t n = 0;
    int base = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        fkey *f = &ks[n];
        if (n == FLAT_KEYS || lua_type(L, -2) != LUA_TSTRING) { lua_settop(L, base); return -1; }
        f->k = lua_tolstring(L, -2, &f->klen);
        f->type = lua_type(L, -1);
        switch (f->type) {
        case LUA_TSTRING: f->s = lua_tolstring(L, -1, &f->slen); break;
        case LUA_TNUMBER:
            f->is_int = lua_isinteger(L, -1);  /* 3.0 stays a float */
            if (f->is_int) f->i = lua_tointeger(L, -1);
            else {
                f->d = lua_tonumber(L, -1);
                if (f->d != f->d || f->d - f->d != 0) { lua_settop(L, base); return -1; }
            }
            break;
        case LUA_TBOOLEAN: f->b = lua_toboolean(L, -1); break;
        case LUA_TLIGHTUSERDATA:
            if (lua_touserdata(L, -1) == NULL) break;
            /* fall through */
        default: lua_settop(L, base); return -1;
        }
        if (!plain_ascii(f->k, f->klen)) { lua_settop(L, base); return -1; }
        f->rank = key_rank(f->k, f->klen);
        n++;
        lua_pop(L, 1);
    }
    if (n == 0) return -1;  /* {} or [] as enc_object decides */
    const fkey *ord[FLAT_KEYS];  /* insertion sort: model order, then bytewise */
    for (size_t i = 0; i < n; i++) {
        const fkey *t = &ks[i];
        size_t j = i;
        while (j > 0 && flat_cmp(ord[j - 1], t) > 0) { ord[j] = ord[j - 1]; j--; }
        ord[j] = t;
    }
    /* start/end as offsets into the text: both integers, within it */
    int span = 0;
    lua_Integer st = 0, en = 0;
    if (e->spans && mark != 4) {
        int have = 0;
        for (size_t i = 0; i < n; i++) {
            const fkey *f = ord[i];
            int is_st = f->klen == 5 && memcmp(f->k, "start", 5) == 0;
            int is_en = f->klen == 3 && memcmp(f->k, "end", 3) == 0;
            if (!is_st && !is_en) continue;
            if (f->type != LUA_TNUMBER || !f->is_int) { have = -1; break; }
            if (is_st) { st = f->i; have |= 1; }
            else { en = f->i; have |= 2; }
        }
        span = have == 3 && !(st < 1 || en < st - 1 || (size_t)en > e->spans->len);
    }
    obuf *o = &e->out;
    ob_putc(o, '{');
    for (size_t i = 0; i < n; i++) {
        const fkey *f = ord[i];
        if (!ob_room(o, f->klen + 4)) return 0;
        o->p[o->n++] = '"';
        memcpy(o->p + o->n, f->k, f->klen);
        o->n += f->klen;
        o->p[o->n++] = '"';
        o->p[o->n++] = ':';
        int is_st = span && f->klen == 5 && memcmp(f->k, "start", 5) == 0;
        int is_en = span && f->klen == 3 && memcmp(f->k, "end", 3) == 0;
        if (is_st || is_en) {
            size_t b = is_st ? (size_t)(st - 1) : (size_t)en;
            put_integer(o, (lua_Integer)conv_byte_to_cp(e->spans, b));
        } else {
            switch (f->type) {
            case LUA_TSTRING: put_string(o, f->s, f->slen); break;
            case LUA_TNUMBER:
                if (f->is_int) put_integer(o, f->i);
                else put_float(o, f->d);
                break;
            case LUA_TBOOLEAN:
                if (f->b) ob_put(o, "true", 4);
                else ob_put(o, "false", 5);
                break;
            default: ob_put(o, "null", 4);
            }
        }
        if (i + 1 < n) ob_putc(o, ',');
    }
    ob_putc(o, '}');
    return !o->oom;
}

static int enc_object(enc *e, int idx, int depth, int mark) {
    lua_State *L = e->L;
    if (!e->pretty && mark == 2 && !(depth == 0 && e->order)) {  /* (unmarked: tried) */
        int r = enc_flat(e, idx, mark);
        if (r >= 0) return r;
    }
    int base = lua_gettop(L);
    int anchor = 0;
    keyset ks;
    ks.k = ks.small;
    ks.n = 0;
    ks.cap = sizeof ks.small / sizeof ks.small[0];
    int r = collect_keys(e, idx, 0, &ks);
    if (r < 0) {  /* a big object: keep its keys and values in a table */
        lua_settop(L, base);
        keys_free(&ks);
        lua_newtable(L);
        anchor = lua_gettop(L);
        r = collect_keys(e, idx, anchor, &ks);
    }
    if (!r) {
        keys_free(&ks);
        lua_settop(L, base);
        return 0;
    }
    if (ks.n == 0 && mark == 0) {  /* an empty unmarked table: [] */
        keys_free(&ks);
        lua_settop(L, base);
        return enc_array(e, idx, depth, 0);
    }
    for (size_t i = 0; i < ks.n; i++) {
        okey *k = &ks.k[i];
        k->rank = key_rank(k->s, k->slen);
        if (depth == 0 && e->order) {  /* the caller's order comes first */
            lua_Integer no = (lua_Integer)lua_rawlen(L, e->order);
            for (lua_Integer j = 1; j <= no; j++) {
                lua_rawgeti(L, e->order, j);
                const char *want = lua_tostring(L, -1);
                int hit = want && strlen(want) == k->slen && memcmp(want, k->s, k->slen) == 0;
                lua_pop(L, 1);
                if (hit) { k->rank = -1000 + (int)j; break; }
            }
        }
    }
    sort_keys(ks.k, ks.n);
    /* keys written alike: only the last one in key order is kept (a string
     * key over a number key), as a JSON reader keeps the last of duplicate
     * members */
    size_t last = (size_t)-1;
    for (size_t i = 0; i < ks.n; i++) {
        okey *k = &ks.k[i];
        k->skip = i + 1 < ks.n && k->slen == ks.k[i + 1].slen &&
                  memcmp(k->s, ks.k[i + 1].s, k->slen) == 0;
        if (!k->skip) last = i;
    }
    lua_Integer st = 0, en = 0;
    int span = 0;  /* 1: start/end are converted offsets, -1: not yet known */
    if (e->spans && mark != 4) span = -1;
    obuf *o = &e->out;
    ob_putc(o, '{');
    e->fdepth++;
    if (e->pretty) ob_putc(o, '\n');
    int ok = 1;
    for (size_t i = 0; ok && i < ks.n; i++) {
        okey *k = &ks.k[i];
        if (k->skip) continue;
        if (e->pretty) ob_tabs(o, e->fdepth);
        if (k->plain && !e->pretty) {  /* most keys: "key": in one copy */
            if (!ob_room(o, k->slen + 3)) break;
            o->p[o->n++] = '"';
            memcpy(o->p + o->n, k->s, k->slen);
            o->n += k->slen;
            o->p[o->n++] = '"';
            o->p[o->n++] = ':';
        } else {
            put_string(o, k->s, k->slen);
            /* a repaired key: each byte replaced (1 byte -> 3) counts */
            if (k->fixed) o->bad += (k->slen - k->olen) / 2;
            if (e->pretty) ob_put(o, ":\t", 2);
            else ob_putc(o, ':');
        }
        int is_start = k->slen == 5 && memcmp(k->s, "start", 5) == 0;
        int is_end = k->slen == 3 && memcmp(k->s, "end", 3) == 0;
        if (span == -1 && (is_start || is_end)) {
            span = start_end(e, idx, mark, &ks, anchor, &st, &en) &&
                   /* only a span within the text is an offset into it:
                    * anything else (a user's own start/end, a stale span)
                    * is written as it is */
                   !(st < 1 || en < st - 1 || (size_t)en > e->spans->len);
        }
        if (span == 1 && (is_start || is_end)) {
            /* Lua start s (1-based) -> code points before byte s-1; Lua
             * end e (inclusive) -> code points in text[0..e). */
            size_t b = is_start ? (size_t)(st - 1) : (size_t)en;
            put_integer(o, (lua_Integer)conv_byte_to_cp(e->spans, b));
        } else if (anchor) {
            lua_rawgeti(L, anchor, k->slot + 1);
            ok = enc_value(e, lua_gettop(L), depth + 1);
            lua_pop(L, 1);
        } else {
            ok = enc_value(e, k->vidx, depth + 1);
        }
        if (ok && i != last) ob_putc(o, ',');
        if (ok && e->pretty) ob_putc(o, '\n');
    }
    if (ok) {
        if (e->pretty) ob_tabs(o, e->fdepth - 1);
        ob_putc(o, '}');
        e->fdepth--;
    }
    keys_free(&ks);
    lua_settop(L, base);
    return ok && !o->oom;
}

/* A sentence list nothing has read yet (det:sentences, see lua_sbd.h),
 * written from its spans: byte for byte what enc_array and enc_flat write
 * for the list det:split returns, whose items are {text, start, end} with
 * integer offsets (so the keys in model order, and start/end converted
 * when they lie within the text given for spans). */
static int enc_lazy(enc *e, const dp_sbd_lazy *z) {
    obuf *o = &e->out;
    ob_putc(o, '[');
    for (size_t i = 0; i < z->n; i++) {
        const dp_span *sp = &z->spans[i];
        const char *s = z->text + sp->start;
        size_t len = sp->end - sp->start;
        lua_Integer st = (lua_Integer)sp->start + 1, en = (lua_Integer)sp->end;
        int span = e->spans && !(st < 1 || en < st - 1 || (size_t)en > e->spans->len);
        int joined = z->join && (memchr(s, '\n', len) || memchr(s, '\r', len));
        if (span && !joined && z->text == e->tmap.text && z->len == e->tmap.len && len &&
            sp->end <= z->len && (s[0] & 0xC0) != 0x80 &&
            (sp->end == z->len || (z->text[sp->end] & 0xC0) != 0x80)) {
            /* the common sentence, written with one room check: its text
             * a slice of the text written already, cut between the pieces
             * put_string writes (so the same bytes as put_string(s, len)),
             * its offsets within the text given for spans (in an ASCII
             * text, as seen when it was written, byte offsets are code
             * point offsets) */
            int ascii = e->tmap.text == e->spans->text && !e->tmap.nonascii;
            size_t cs = ascii ? (size_t)(st - 1) : conv_byte_to_cp(e->spans, (size_t)(st - 1));
            size_t ce = ascii ? (size_t)en : conv_byte_to_cp(e->spans, (size_t)en);
            size_t from = smap_at(&e->tmap, sp->start), to = smap_at(&e->tmap, sp->end);
            /* {"text":"…","start":N,"end":N}, : 37 bytes and 20 digits each */
            if (!ob_room(o, to - from + 80)) return 0;
            char *p = o->p + o->n;
            memcpy(p, "{\"text\":\"", 9);
            p += 9;
            memcpy(p, o->p + from, to - from);
            p += to - from;
            memcpy(p, "\",\"start\":", 10);
            p += 10;
            p = write_uint(p, cs);
            memcpy(p, ",\"end\":", 7);
            p += 7;
            p = write_uint(p, ce);
            *p++ = '}';
            if (i + 1 < z->n) *p++ = ',';
            o->n = (size_t)(p - o->p);
            continue;
        }
        ob_put(o, "{\"text\":", 8);
        if (joined) {
            if (e->jcap < len) {
                char *p = realloc(e->jbuf, len);
                if (!p) return enc_fail(e, "out of memory");
                e->jbuf = p;
                e->jcap = len;
            }
            put_string(o, e->jbuf, dp_sbd_join(s, len, e->jbuf));
        } else {
            put_string(o, s, len);
        }
        ob_put(o, ",\"start\":", 9);
        put_integer(o, span ? (lua_Integer)conv_byte_to_cp(e->spans, (size_t)(st - 1)) : st);
        ob_put(o, ",\"end\":", 7);
        put_integer(o, span ? (lua_Integer)conv_byte_to_cp(e->spans, (size_t)en) : en);
        ob_putc(o, '}');
        if (i + 1 < z->n) ob_putc(o, ',');
    }
    ob_putc(o, ']');
    return !o->oom;
}

static int enc_table(enc *e, int idx, int depth) {
    lua_State *L = e->L;
    if (depth > MAX_DEPTH) return enc_fail(e, "value nested too deeply (a cycle?)");
    luaL_checkstack(L, 8, "json encode");
    int mark = mark_of(e, idx);
    if (mark == 3) {  /* an unread sentence list? */
        dp_sbd_lazy z;
        if (dp_sbd_lazy_get(L, idx, &z)) {
            if (!e->pretty) return enc_lazy(e, &z);
            dp_sbd_lazy_build(L, idx);  /* the general writer's layout */
            mark = mark_of(e, idx);
        }
    }
    lua_Integer n;
    /* a table whose keys are all strings is an object, even unmarked
     * (its length is 0): the flat writer settles the common ones */
    if (mark == 0 && !e->pretty && !(depth == 0 && e->order)) {
        int r = enc_flat(e, idx, mark);
        if (r >= 0) return r;
    }
    /* an unmarked table without a sequence is an object unless it is
     * empty: enc_object finds out as it collects the keys */
    if (mark == 0 && lua_rawlen(L, idx) == 0) return enc_object(e, idx, depth, mark);
    if (is_array(L, idx, mark, &n)) return enc_array(e, idx, depth, n);
    return enc_object(e, idx, depth, mark);
}

static int enc_value(enc *e, int idx, int depth) {
    lua_State *L = e->L;
    obuf *o = &e->out;
    switch (lua_type(L, idx)) {
    case LUA_TNIL: ob_put(o, "null", 4); break;
    case LUA_TBOOLEAN:
        if (lua_toboolean(L, idx)) ob_put(o, "true", 4);
        else ob_put(o, "false", 5);
        break;
    case LUA_TNUMBER: {
        if (lua_isinteger(L, idx)) {  /* exact, all 64 bits */
            put_integer(o, lua_tointeger(L, idx));
            break;
        }
        double d = lua_tonumber(L, idx);
        if (d != d || d - d != 0) return enc_fail(e, "cannot encode NaN or infinity");
        if (!put_float(o, d)) return 0;
        break;
    }
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        if (e->spans && s == e->spans->text && len == e->spans->len && !e->tmap.text) {
            /* the text the spans count in: note where it goes (enc_lazy
             * copies its sentences from there) */
            e->tmap.out = o->n + 1;
            put_string_m(o, s, len, &e->tmap);
            if (!o->oom && !e->tmap.broken) e->tmap.text = s;
            e->tmap.len = len;
        } else {
            put_string(o, s, len);
        }
        break;
    }
    case LUA_TTABLE: return enc_table(e, idx, depth);
    case LUA_TLIGHTUSERDATA:
        if (lua_touserdata(L, idx) == NULL) { ob_put(o, "null", 4); break; }
        /* fall through */
    default: {
        char msg[96];
        snprintf(msg, sizeof msg, "cannot encode a %s as JSON", luaL_typename(L, idx));
        return enc_fail(e, msg);
    }
    }
    return !o->oom;
}

static char *encode(lua_State *L, int idx, int order, const char *spans, size_t spans_len,
                    int pretty, obuf *reuse, size_t from, size_t *len, size_t *bad, char *err,
                    size_t errlen);

char *dp_json_encode_value(lua_State *L, int idx, const char *spans, size_t spans_len,
                           int pretty, size_t *len, char *err, size_t errlen) {
    return encode(L, idx, 0, spans, spans_len, pretty, NULL, 0, len, NULL, err, errlen);
}

/* order: stack index of a list of top-level keys to write first, or 0.
 * reuse: a buffer to write into from byte `from` on (the result points
 * into it and is not to be freed; on failure the buffer is cut back to
 * `from`), or NULL for a new malloc'd result. bad (when not NULL) gets the
 * number of bytes of strings and keys written as U+FFFD (NULs and bytes
 * that start no valid UTF-8 sequence): counted as they are written, so
 * valid text costs nothing more. */
static char *encode(lua_State *L, int idx, int order, const char *spans, size_t spans_len,
                    int pretty, obuf *reuse, size_t from, size_t *len, size_t *bad, char *err,
                    size_t errlen) {
    span_conv conv = { spans, spans_len, 0, 0, (size_t)-1 };
    enc e;
    memset(&e, 0, sizeof e);
    e.L = L;
    e.order = order;
    e.spans = spans ? &conv : NULL;
    e.err = err;
    e.errlen = errlen;
    e.pretty = pretty;
    if (reuse) {
        e.out = *reuse;
        e.out.n = from;
        e.out.oom = 0;
    }
    e.out.bad = 0;
    idx = lua_absindex(L, idx);
    luaL_checkstack(L, 4, "json encode");
    dp_json_push_array_mt(L);
    e.array_mt = lua_topointer(L, -1);
    dp_json_push_object_mt(L);
    e.object_mt = lua_topointer(L, -1);
    push_raw_span_mt(L);
    e.raw_mt = lua_topointer(L, -1);
    lua_pop(L, 3);  /* all stay referenced by the registry */
    err[0] = '\0';
    int top = lua_gettop(L);
    int ok = enc_value(&e, idx, 0);
    lua_settop(L, top);
    free(e.jbuf);
    free(e.tmap.ev);
    if (ok) ob_room(&e.out, 0);  /* room for the final NUL */
    if (!ok || e.out.oom) {
        if (reuse) {
            e.out.n = from;
            e.out.oom = 0;
            *reuse = e.out;
        } else {
            free(e.out.p);
        }
        if (!err[0]) snprintf(err, errlen, "out of memory");
        return NULL;
    }
    e.out.p[e.out.n] = '\0';
    *len = e.out.n - from;
    if (bad) *bad = e.out.bad;
    if (reuse) *reuse = e.out;
    return e.out.p + from;
}

/* ---- decode ---------------------------------------------------------- */

/* Decoding state: the span conversion, and the source text with a cursor
 * over its number literals. cJSON keeps numbers as doubles, so an integer
 * beyond 2^53 is read again from its literal: cJSON's depth-first order of
 * nodes is the order of the literals in the text. */
typedef struct dec {
    span_conv *spans;
    const char *src;
    size_t n;
    size_t seen;      /* number nodes met so far */
    size_t scanned;   /* number literals passed by the cursor */
    size_t pos;       /* the cursor: where to look for the next literal */
} dec;

/* The duplicate keys the last json.decode of this thread met inside an
 * object (the last one is kept, as a Lua table keeps one value a key):
 * how many and the first one's name; json.duplicates() tells and forgets
 * (the JSON Lines reader warns of them). */
static _Thread_local struct { size_t n; char key[80]; } dup_note;

static void note_dup(const char *k, size_t kl) {
    if (dup_note.n++ == 0) {
        if (kl >= sizeof dup_note.key) kl = sizeof dup_note.key - 1;
        memcpy(dup_note.key, k, kl);
        dup_note.key[kl] = '\0';
    }
}

/* The literal of the k-th number (0-based) of the text: *len and a pointer,
 * or NULL. Moves the cursor forward only. */
static const char *number_literal(dec *d, size_t k, size_t *len) {
    const char *s = d->src;
    size_t i = d->pos;
    while (i < d->n) {
        char c = s[i];
        if (c == '"') {  /* skip a string with its escapes */
            for (i++; i < d->n && s[i] != '"'; i++)
                if (s[i] == '\\') i++;
            i++;
            continue;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            size_t a = i;
            while (i < d->n && strchr("+-0123456789.eE", s[i]) && s[i]) i++;
            if (d->scanned++ == k) {
                d->pos = i;
                *len = i - a;
                return s + a;
            }
            continue;
        }
        i++;
    }
    d->pos = i;
    return NULL;
}

/* Push a number node: an integer when its literal is one and fits. */
static void push_number(lua_State *L, const cJSON *j, dec *d) {
    size_t k = d->seen++;
    double v = j->valuedouble;
    size_t len;
    if (v > -9007199254740992.0 && v < 9007199254740992.0) {
        /* range first: converting inf or 1e300 to an integer is undefined */
        if (v != (double)(lua_Integer)v) { lua_pushnumber(L, v); return; }
        /* a whole number: an integer unless written as a float (3.0, 1e2) */
        const char *wl = d->src && k >= d->scanned ? number_literal(d, k, &len) : NULL;
        if (wl && (memchr(wl, '.', len) || memchr(wl, 'e', len) || memchr(wl, 'E', len)))
            lua_pushnumber(L, v);
        else
            lua_pushinteger(L, (lua_Integer)v);
        return;
    }
    const char *lit = d->src && k >= d->scanned ? number_literal(d, k, &len) : NULL;
    if (lit && len < 24 && !memchr(lit, '.', len) && !memchr(lit, 'e', len) && !memchr(lit, 'E', len)) {
        char buf[24], *end;
        memcpy(buf, lit, len);
        buf[len] = '\0';
        errno = 0;
        long long x = strtoll(buf, &end, 10);
        if (errno == 0 && *end == '\0') { lua_pushinteger(L, (lua_Integer)x); return; }
    }
    /* a literal beyond a double (1E400) reads as the largest double of its
     * sign, as jq does, so that the document can be written back */
    if (isinf(v)) v = v > 0 ? DBL_MAX : -DBL_MAX;
    lua_pushnumber(L, v);
}

static void dec_push(lua_State *L, const cJSON *j, dec *d, int depth);

/* A code point offset (a JSON number) as a size_t: below 0 is 0, and
 * anything from 2^53 up is past the end of any text; clamping avoids the
 * undefined conversion of a double such as -1e300 or 1e300 that size_t
 * cannot hold. */
static size_t cp_offset(double d) {
    if (!(d > 0)) return 0;
    return d < 9007199254740992.0 ? (size_t)d : (size_t)9007199254740992.0;
}

static void dec_object(lua_State *L, const cJSON *j, dec *d, int depth) {
    span_conv *spans = d->spans;
    int n = cJSON_GetArraySize(j);
    lua_createtable(L, 0, n);
    dp_json_push_object_mt(L);
    lua_setmetatable(L, -2);
    const cJSON *st = NULL, *en = NULL;
    for (const cJSON *c = j->child; c; c = c->next) {
        if (spans && strcmp(c->string, "start") == 0) st = c;
        else if (spans && strcmp(c->string, "end") == 0) en = c;
        lua_pushstring(L, c->string);
        if (lua_rawget(L, -2) != LUA_TNIL) note_dup(c->string, strlen(c->string));
        lua_pop(L, 1);
        dec_push(L, c, d, depth + 1);
        lua_setfield(L, -2, c->string);
    }
    /* Only a span within the text is converted, as the encoder converts
     * only spans within the text: whole numbers 0 <= start <= end <= the
     * text's length in code points. Anything else is kept as written, so
     * reading back what was written never changes it. */
    if (st && en && cJSON_IsNumber(st) && cJSON_IsNumber(en) && st->valuedouble >= 0 &&
        en->valuedouble >= st->valuedouble && st->valuedouble == floor(st->valuedouble) &&
        en->valuedouble == floor(en->valuedouble) &&
        cp_offset(en->valuedouble) <= conv_cp_len(spans)) {
        size_t bs = conv_cp_to_byte(spans, cp_offset(st->valuedouble));
        size_t be = conv_cp_to_byte(spans, cp_offset(en->valuedouble));
        lua_pushinteger(L, (lua_Integer)bs + 1);
        lua_setfield(L, -2, "start");
        lua_pushinteger(L, (lua_Integer)be);
        lua_setfield(L, -2, "end");
    } else if (st && en && cJSON_IsNumber(st) && cJSON_IsNumber(en)) {
        /* Kept as written, and marked so: a pair outside the text in code
         * points may well lie within it in bytes ({"text":"é","start":1,
         * "end":2}), which the encoder would otherwise convert. */
        push_raw_span_mt(L);
        lua_setmetatable(L, -2);
    }
}

static void dec_push(lua_State *L, const cJSON *j, dec *d, int depth) {
    luaL_checkstack(L, 4, "json decode");
    if (cJSON_IsNull(j)) lua_pushlightuserdata(L, NULL);
    else if (cJSON_IsFalse(j)) lua_pushboolean(L, 0);
    else if (cJSON_IsTrue(j)) lua_pushboolean(L, 1);
    else if (cJSON_IsNumber(j)) push_number(L, j, d); else if (cJSON_IsString(j)) lua_pushstring(L, j->valuestring);
    else if (cJSON_IsArray(j)) {
        lua_createtable(L, cJSON_GetArraySize(j), 0);
        dp_json_push_array_mt(L);
        lua_setmetatable(L, -2);
        lua_Integer i = 1;
        for (const cJSON *c = j->child; c; c = c->next) {
            dec_push(L, c, d, depth + 1);
            lua_rawseti(L, -2, i++);
        }
    } else dec_object(L, j, d, depth);
}

/* ---- where a bad text goes wrong ------------------------------------------ *
 * cJSON's error pointer is not always the byte at fault: a value that should be
 * a string ("{bad") is reported one byte past it, and an input that ends too
 * soon at its last byte. So after cJSON has refused a text, this reader, which
 * follows cJSON's grammar (white space is any byte up to 0x20, a UTF-8 BOM may
 * open the text, a number is what strtod reads of the run of number bytes,
 * escapes as cJSON reads them, nesting to CJSON_NESTING_LIMIT), finds the
 * first byte that cannot be read: the offset returned (n when the text ends
 * too soon), *deep set when that byte opens a bracket past the limit. It runs
 * on the error path only. (size_t)-1: it found no fault (then cJSON's own
 * pointer is used). */

#define JB_OK ((size_t)-1)

typedef struct jbad {
    const unsigned char *s;
    size_t n, i;
    int deep;
} jbad;

static void jb_ws(jbad *b) {
    while (b->i < b->n && b->s[b->i] <= 32) b->i++;
}

/* four hex digits at at; cJSON reads a bad digit as making the escape 0 (the
 * string then ends there), no error: so does this */
static unsigned jb_hex4(const unsigned char *p) {
    unsigned v = 0;
    for (size_t k = 0; k < 4; k++) {
        unsigned char c = p[k];
        if (c >= '0' && c <= '9') v = v * 16 + (c - '0');
        else if (c >= 'a' && c <= 'f') v = v * 16 + (c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') v = v * 16 + (c - 'A' + 10);
        else return 0;
    }
    return v;
}

/* As cJSON reads a string: its end (a backslash takes the next byte with
 * it), then its escapes, each within that end; a bad escape comes before a
 * missing closing quote, being earlier in the text. */
static size_t jb_string(jbad *b) {
    if (b->i >= b->n) return b->n;
    if (b->s[b->i] != '"') return b->i;
    size_t q = b->i + 1;
    while (q < b->n && b->s[q] != '"') q += b->s[q] == '\\' ? 2 : 1;
    if (q > b->n) q = b->n;
    for (size_t k = b->i + 1; k < q; k++) {
        if (b->s[k] != '\\') continue;
        if (k + 1 >= q) return q;
        unsigned char e = b->s[k + 1];
        if (e && strchr("bfnrt\"\\/", e)) { k++; continue; }
        if (e != 'u') return k + 1;
        if (q - k < 6) return q;  /* the string ends inside the escape */
        unsigned v = jb_hex4(b->s + k + 2);
        if (v >= 0xDC00 && v <= 0xDFFF) return k;  /* a low surrogate alone */
        if (v >= 0xD800 && v <= 0xDBFF) {          /* a high one needs its pair */
            size_t lo = k + 6;
            if (q - lo < 6) return k;
            if (b->s[lo] != '\\' || b->s[lo + 1] != 'u') return k;
            unsigned w = jb_hex4(b->s + lo + 2);
            if (w < 0xDC00 || w > 0xDFFF) return k;
            k = lo + 5;
        } else k += 5;
    }
    if (q >= b->n) return b->n;  /* no closing quote */
    b->i = q + 1;
    return JB_OK;
}

static size_t jb_value(jbad *b, size_t depth);

static size_t jb_number(jbad *b) {
    size_t k = b->i, m = 0;
    char buf[64];
    while (k + m < b->n && m < sizeof buf - 1 &&
           ((b->s[k + m] >= '0' && b->s[k + m] <= '9') || strchr("+-eE.", b->s[k + m]))
           && b->s[k + m])
        buf[m] = (char)b->s[k + m], m++;
    buf[m] = '\0';
    char *after = NULL;
    (void)strtod(buf, &after);
    if (after == buf) {  /* "-" or "-x": the byte after the sign */
        size_t at = b->s[k] == '-' ? k + 1 : k;
        return at < b->n ? at : b->n;
    }
    b->i = k + (size_t)(after - buf);
    return JB_OK;
}

static size_t jb_word(jbad *b, const char *w) {
    for (size_t k = 0; w[k]; k++) {
        if (b->i + k >= b->n) return b->n;
        if (b->s[b->i + k] != (unsigned char)w[k]) return b->i + k;
    }
    b->i += strlen(w);
    return JB_OK;
}

static size_t jb_list(jbad *b, size_t depth, int object) {
    if (depth >= CJSON_NESTING_LIMIT) { b->deep = 1; return b->i; }
    unsigned char close = object ? '}' : ']';
    b->i++;
    jb_ws(b);
    if (b->i >= b->n) return b->n;
    if (b->s[b->i] == close) { b->i++; return JB_OK; }
    for (;;) {
        size_t r;
        jb_ws(b);
        if (object) {
            if ((r = jb_string(b)) != JB_OK) return r;
            jb_ws(b);
            if (b->i >= b->n) return b->n;
            if (b->s[b->i] != ':') return b->i;
            b->i++;
            jb_ws(b);
        }
        if ((r = jb_value(b, depth + 1)) != JB_OK) return r;
        jb_ws(b);
        if (b->i >= b->n) return b->n;
        if (b->s[b->i] == ',') { b->i++; continue; }
        if (b->s[b->i] == close) { b->i++; return JB_OK; }
        return b->i;
    }
}

static size_t jb_value(jbad *b, size_t depth) {
    if (b->i >= b->n) return b->n;
    unsigned char c = b->s[b->i];
    if (c == 'n') return jb_word(b, "null");
    if (c == 't') return jb_word(b, "true");
    if (c == 'f') return jb_word(b, "false");
    if (c == '"') return jb_string(b);
    if (c == '-' || (c >= '0' && c <= '9')) return jb_number(b);
    if (c == '[') return jb_list(b, depth, 0);
    if (c == '{') return jb_list(b, depth, 1);
    return b->i;
}

static size_t json_bad_at(const char *s, size_t n, int *deep) {
    jbad b = { (const unsigned char *)s, n, 0, 0 };
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) b.i = 3;
    jb_ws(&b);
    size_t r = jb_value(&b, 0);
    *deep = b.deep;
    return r;
}

int dp_json_decode_push(lua_State *L, const char *s, size_t n, int spans, char *err,
                        size_t errlen) {
    const char *end = NULL;
    cJSON *tree = cJSON_ParseWithLengthOpts(s, n, &end, 0);
    if (!tree) {
        int deep = 0;
        size_t off = json_bad_at(s, n, &deep);
        if (off == JB_OK) { fprintf(stderr, "JBOK: %.*s\n", (int)(n > 80 ? 80 : n), s); off = end && end >= s ? (size_t)(end - s) : 0; }
        size_t line = 1, col = 1;
        for (size_t i = 0; i < off && i < n; i++) {
            if (s[i] == '\n') { line++; col = 1; } else col++;
        }
        if (off >= n) snprintf(err, errlen, "unexpected end of JSON at line %zu, column %zu", line, col);
        else if (deep)
            snprintf(err, errlen, "JSON nested deeper than %d levels at line %zu, column %zu",
                     CJSON_NESTING_LIMIT, line, col);
        else snprintf(err, errlen, "invalid JSON at line %zu, column %zu", line, col);
        return 0;
    }
    /* trailing content after the value is an error too */
    if (end) {
        while ((size_t)(end - s) < n && (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')) end++;
        if ((size_t)(end - s) < n) {
            cJSON_Delete(tree);
            snprintf(err, errlen, "unexpected data after the JSON value at byte %zu", (size_t)(end - s) + 1);
            return 0;
        }
    }
    span_conv conv = { NULL, 0, 0, 0, (size_t)-1 };
    span_conv *sp = NULL;
    if (spans && cJSON_IsObject(tree)) {
        /* the last "text" member: it is the one the Lua table keeps */
        const cJSON *t = NULL;
        for (const cJSON *c = tree->child; c; c = c->next)
            if (c->string && strcmp(c->string, "text") == 0) t = c;
        if (cJSON_IsString(t)) {
            conv.text = t->valuestring;
            conv.len = strlen(t->valuestring);
            sp = &conv;
        }
    }
    dec dc = { sp, s, n, 0, 0, 0 };
    dec_push(L, tree, &dc, 0);
    cJSON_Delete(tree);
    return 1;
}

/* ---- fast decode --------------------------------------------------------- */

/* A direct reader for the common record, tried before cJSON by json.decode:
 * it writes the Lua values straight from the text (no cJSON tree, one pass
 * over each string, sixteen bytes at a time), the same tables as
 * dp_json_decode_push builds (the same marks, sizes and order of sets, so
 * even the traversal order of pairs() is the same). It takes only what it
 * is sure reads alike: the four JSON white space bytes, strings whose
 * escapes are the short ones or \u of a nonzero code point (a surrogate
 * only in a pair), integers of up to 15 digits written plainly, true, false
 * and null, nesting to FD_DEPTH. Anything else (an error, a float, a NUL
 * byte, a BOM, "start"/"end" keys when spans are read: their conversion,
 * ...) makes it give up with the stack as it was, and the cJSON reader then
 * decides, with its own messages; so the result is the same either way. */

#define FD_DEPTH 64

typedef struct fdec {
    lua_State *L;
    const unsigned char *p, *end;
    int spans;
    struct dec_buf *db;  /* where unescaped strings are put together */
} fdec;

/* The reused memory of the fast reader (json.decode's upvalue): kept in
 * step with every realloc, so an error raised by Lua loses nothing. */
typedef struct dec_buf {
    char *p;
    size_t cap;
} dec_buf;

#define DEC_BUF_KEEP ((size_t)4 << 20)  /* a larger buffer is freed after use */

#define DEC_BUF_MT "docpipe.json.decode_buffer"

static int dec_buf_gc(lua_State *L) {
    dec_buf *db = (dec_buf *)luaL_checkudata(L, 1, DEC_BUF_MT);
    free(db->p);
    db->p = NULL;
    db->cap = 0;
    return 0;
}

static inline void fd_ws(fdec *d) {
    while (d->p < d->end && (*d->p == ' ' || *d->p == '\n' || *d->p == '\r' || *d->p == '\t')) d->p++;
}

static int fd_hex4(const unsigned char *s, unsigned *v) {
    unsigned h = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = s[i], x;
        if (c >= '0' && c <= '9') x = c - '0';
        else if (c >= 'a' && c <= 'f') x = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') x = c - 'A' + 10;
        else return 0;
        h = (h << 4) | x;
    }
    *v = h;
    return 1;
}

/* The string at d->p (its opening quote) pushed; 0: give up. */
static int fd_string(fdec *d) {
    const unsigned char *p = d->p + 1, *e = d->end;
    const unsigned char *start = p;
    size_t o = 0;  /* bytes in d->buf when an escape was met */
    int esc = 0;
    for (;;) {
        const unsigned char *q = p;
#ifdef __SSE2__
        {
            const __m128i dq = _mm_set1_epi8('"'), bsl = _mm_set1_epi8('\\'), z = _mm_setzero_si128();
            while (q + 16 <= e) {
                __m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
                int m = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, dq),
                                          _mm_or_si128(_mm_cmpeq_epi8(v, bsl), _mm_cmpeq_epi8(v, z))));
                if (m) { q += __builtin_ctz((unsigned)m); goto found; }
                q += 16;
            }
        }
#endif
        while (q < e && *q != '"' && *q != '\\' && *q) q++;
#ifdef __SSE2__
    found:
#endif
        if (q >= e || !*q) return 0;  /* unterminated, or a NUL */
        if (*q == '"' && !esc) {
            lua_pushlstring(d->L, (const char *)start, (size_t)(q - start));
            d->p = q + 1;
            return 1;
        }
        /* copy the run into the buffer (room for it and a 4-byte sequence) */
        size_t run = (size_t)(q - p);
        dec_buf *db = d->db;
        if (o + run + 8 > db->cap) {
            size_t cap = db->cap ? db->cap : 4096;
            while (cap < o + run + 8) cap *= 2;
            char *nb = realloc(db->p, cap);
            if (!nb) return 0;  /* cJSON then runs out of memory too, or not */
            db->p = nb;
            db->cap = cap;
        }
        esc = 1;
        memcpy(db->p + o, p, run);
        o += run;
        if (*q == '"') {
            lua_pushlstring(d->L, db->p, o);
            d->p = q + 1;
            return 1;
        }
        /* an escape */
        if (q + 1 >= e) return 0;
        unsigned char c = q[1];
        char *w = db->p + o;
        switch (c) {
        case '"': case '\\': case '/': *w = (char)c; o++; p = q + 2; continue;
        case 'b': *w = '\b'; o++; p = q + 2; continue;
        case 'f': *w = '\f'; o++; p = q + 2; continue;
        case 'n': *w = '\n'; o++; p = q + 2; continue;
        case 'r': *w = '\r'; o++; p = q + 2; continue;
        case 't': *w = '\t'; o++; p = q + 2; continue;
        case 'u': break;
        default: return 0;
        }
        unsigned cp;
        if (e - q < 6 || !fd_hex4(q + 2, &cp) || cp == 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return 0;
        p = q + 6;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned lo;
            if (e - p < 6 || p[0] != '\\' || p[1] != 'u' || !fd_hex4(p + 2, &lo) || lo < 0xDC00 ||
                lo > 0xDFFF)
                return 0;
            cp = 0x10000 + (((cp & 0x3FF) << 10) | (lo & 0x3FF));
            p += 6;
        }
        if (cp < 0x80) {
            w[0] = (char)cp;
            o += 1;
        } else if (cp < 0x800) {
            w[0] = (char)(0xC0 | (cp >> 6));
            w[1] = (char)(0x80 | (cp & 0x3F));
            o += 2;
        } else if (cp < 0x10000) {
            w[0] = (char)(0xE0 | (cp >> 12));
            w[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
            w[2] = (char)(0x80 | (cp & 0x3F));
            o += 3;
        } else {
            w[0] = (char)(0xF0 | (cp >> 18));
            w[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
            w[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
            w[3] = (char)(0x80 | (cp & 0x3F));
            o += 4;
        }
    }
}

static int fd_value(fdec *d, int depth);

static int fd_number(fdec *d) {
    const unsigned char *p = d->p, *e = d->end;
    int neg = 0;
    if (*p == '-') { neg = 1; p++; }
    const unsigned char *a = p;
    while (p < e && *p >= '0' && *p <= '9') p++;
    size_t nd = (size_t)(p - a);
    if (nd == 0 || nd > 15 || (nd > 1 && *a == '0')) return 0;
    if (p < e && (*p == '.' || *p == 'e' || *p == 'E' || *p == '+' || *p == '-')) return 0;
    lua_Integer v = 0;
    for (const unsigned char *q = a; q < p; q++) v = v * 10 + (*q - '0');
    lua_pushinteger(d->L, neg ? -v : v);
    d->p = p;
    return 1;
}

static int fd_object(fdec *d, int depth) {
    lua_State *L = d->L;
    d->p++;  /* '{' */
    fd_ws(d);
    int base = lua_gettop(L);
    int n = 0;
    if (d->p < d->end && *d->p == '}') {
        d->p++;
    } else {
        for (;;) {
            if (d->p >= d->end || *d->p != '"') return 0;
            if (n % 8 == 0 && !lua_checkstack(L, 2 * 8 + 8)) return 0;
            if (!fd_string(d)) return 0;
            if (d->spans) {
                size_t kl;
                const char *k = lua_tolstring(L, -1, &kl);
                if ((kl == 5 && memcmp(k, "start", 5) == 0) || (kl == 3 && memcmp(k, "end", 3) == 0))
                    return 0;
            }
            fd_ws(d);
            if (d->p >= d->end || *d->p != ':') return 0;
            d->p++;
            fd_ws(d);
            if (!fd_value(d, depth + 1)) return 0;
            n++;
            fd_ws(d);
            if (d->p >= d->end) return 0;
            if (*d->p == ',') { d->p++; fd_ws(d); continue; }
            if (*d->p == '}') { d->p++; break; }
            return 0;
        }
    }
    /* a key given twice: noted (the last value is kept). Keys are strings:
     * a short one is interned, so equal keys share their bytes' address */
    if (n > 1 && n <= 16) {
        const char *kp[16];
        size_t kl[16];
        for (int i = 0; i < n; i++) {
            kp[i] = lua_tolstring(L, base + 1 + 2 * i, &kl[i]);
            for (int j = 0; j < i; j++)
                if (kl[j] == kl[i] && (kp[j] == kp[i] || (kl[i] > 40 && memcmp(kp[j], kp[i], kl[i]) == 0))) {
                    note_dup(kp[i], kl[i]);
                    break;
                }
        }
    }
    lua_createtable(L, 0, n);
    dp_json_push_object_mt(L);
    lua_setmetatable(L, -2);
    int t = lua_gettop(L);
    for (int i = 0; i < n; i++) {
        lua_pushvalue(L, base + 1 + 2 * i);
        if (n > 16) {
            if (lua_rawget(L, t) != LUA_TNIL) {
                size_t kl;
                const char *k = lua_tolstring(L, base + 1 + 2 * i, &kl);
                note_dup(k, kl);
            }
            lua_pop(L, 1);
            lua_pushvalue(L, base + 1 + 2 * i);
        }
        lua_pushvalue(L, base + 2 + 2 * i);
        lua_rawset(L, t);
    }
    if (n) {
        lua_replace(L, base + 1);
        lua_settop(L, base + 1);
    }
    return 1;
}

static int fd_array(fdec *d, int depth) {
    lua_State *L = d->L;
    d->p++;  /* '[' */
    fd_ws(d);
    int base = lua_gettop(L);
    int n = 0;
    if (d->p < d->end && *d->p == ']') {
        d->p++;
    } else {
        for (;;) {
            if (n % 8 == 0 && !lua_checkstack(L, 8 + 8)) return 0;
            if (!fd_value(d, depth + 1)) return 0;
            n++;
            fd_ws(d);
            if (d->p >= d->end) return 0;
            if (*d->p == ',') { d->p++; fd_ws(d); continue; }
            if (*d->p == ']') { d->p++; break; }
            return 0;
        }
    }
    lua_createtable(L, n, 0);
    dp_json_push_array_mt(L);
    lua_setmetatable(L, -2);
    int t = lua_gettop(L);
    for (int i = 0; i < n; i++) {
        lua_pushvalue(L, base + 1 + i);
        lua_rawseti(L, t, (lua_Integer)i + 1);
    }
    if (n) {
        lua_replace(L, base + 1);
        lua_settop(L, base + 1);
    }
    return 1;
}

static int fd_value(fdec *d, int depth) {
    if (d->p >= d->end || depth > FD_DEPTH) return 0;
    const unsigned char *p = d->p;
    size_t left = (size_t)(d->end - p);
    switch (*p) {
    case '"': return fd_string(d);
    case '{': return fd_object(d, depth);
    case '[': return fd_array(d, depth);
    case 't':
        if (left < 4 || memcmp(p, "true", 4) != 0) return 0;
        lua_pushboolean(d->L, 1);
        d->p += 4;
        return 1;
    case 'f':
        if (left < 5 || memcmp(p, "false", 5) != 0) return 0;
        lua_pushboolean(d->L, 0);
        d->p += 5;
        return 1;
    case 'n':
        if (left < 4 || memcmp(p, "null", 4) != 0) return 0;
        lua_pushlightuserdata(d->L, NULL);
        d->p += 4;
        return 1;
    default:
        if (*p == '-' || (*p >= '0' && *p <= '9')) return fd_number(d);
        return 0;
    }
}

/* Push the value of s[0..n) and return 1, or return 0 with the stack as it
 * was: the cJSON reader is then to decide. db: reused memory, or NULL. */
static int fast_decode(lua_State *L, const char *s, size_t n, int spans, dec_buf *db) {
    if (!db) return 0;
    fdec d;
    d.L = L;
    d.p = (const unsigned char *)s;
    d.end = d.p + n;
    d.spans = spans;
    d.db = db;
    int top = lua_gettop(L);
    if (!lua_checkstack(L, 16)) return 0;
    fd_ws(&d);
    int ok = fd_value(&d, 0);
    if (ok) {
        fd_ws(&d);
        ok = d.p == d.end;
    }
    if (db->cap > DEC_BUF_KEEP) { free(db->p); db->p = NULL; db->cap = 0; }
    if (!ok) lua_settop(L, top);
    return ok;
}

/* ---- Lua functions --------------------------------------------------- */

/* The output buffer json.encode reuses (an upvalue). */
typedef struct enc_buf {
    obuf b;
    int busy;  /* an encode is writing into it (a metamethod may call encode again) */
} enc_buf;

#define ENC_BUF_MT "docpipe.json.buffer"
#define ENC_BUF_KEEP ((size_t)4 << 20)  /* a larger buffer is freed after use */

static void enc_buf_gc_buffer(enc_buf *eb) {
    free(eb->b.p);
    eb->b.p = NULL;
    eb->b.cap = eb->b.n = 0;
}

static int json_decode(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    dup_note.n = 0;
    int spans = lua_toboolean(L, 2);
    dec_buf *db = (dec_buf *)lua_touserdata(L, lua_upvalueindex(1));
    if (fast_decode(L, s, n, spans, db)) return 1;
    dup_note.n = 0;  /* what the fast reader noted before it gave up is noted again */
    char err[160];
    int ok = dp_json_decode_push(L, s, n, spans, err, sizeof err);
    if (!ok) {
        luaL_pushfail(L);
        lua_pushstring(L, err);
        return 2;
    }
    return 1;
}


/* json.duplicates() -> nil | count, first key: the keys the last decode of
 * this thread found twice in an object; forgotten once told */
static int json_duplicates(lua_State *L) {
    if (dup_note.n == 0) return 0;
    lua_pushinteger(L, (lua_Integer)dup_note.n);
    lua_pushstring(L, dup_note.key);
    dup_note.n = 0;
    return 2;
}

static int enc_buf_gc(lua_State *L) {
    enc_buf_gc_buffer((enc_buf *)luaL_checkudata(L, 1, ENC_BUF_MT));
    return 0;
}

/* The options of json.encode, a table at index oi (the top of the stack):
 * pretty, spans (the text) and order (left at index oi + 3 while encoding,
 * *order then oi + 3, else 0). */
typedef struct enc_opts {
    int pretty, order;
    const char *spans;
    size_t spans_len;
} enc_opts;

static void read_opts(lua_State *L, int oi, enc_opts *o) {
    memset(o, 0, sizeof *o);
    if (!lua_istable(L, oi)) return;
    lua_getfield(L, oi, "pretty");
    o->pretty = lua_toboolean(L, -1);
    lua_getfield(L, oi, "spans");
    if (lua_type(L, -1) == LUA_TSTRING) o->spans = lua_tolstring(L, -1, &o->spans_len);
    lua_getfield(L, oi, "order");
    if (lua_istable(L, oi + 3)) o->order = oi + 3;
}

static int json_encode(lua_State *L) {
    luaL_checkany(L, 1);
    enc_buf *eb = (enc_buf *)lua_touserdata(L, lua_upvalueindex(1));
    enc_opts op;
    lua_settop(L, 2);
    read_opts(L, 2, &op);
    char err[160];
    size_t len;
    obuf *reuse = eb && !eb->busy ? &eb->b : NULL;
    if (reuse) eb->busy = 1;
    /* opts.count_replaced: the count of bytes written as U+FFFD is returned too */
    int count = lua_istable(L, 2) && lua_getfield(L, 2, "count_replaced") != LUA_TNIL &&
                lua_toboolean(L, -1);
    size_t bad = 0;
    char *out = encode(L, 1, op.order, op.spans, op.spans_len, op.pretty, reuse, 0, &len, &bad,
                       err, sizeof err);
    if (reuse) eb->busy = 0;
    if (out) lua_pushlstring(L, out, len);
    if (!reuse) free(out);
    else if (eb->b.cap > ENC_BUF_KEEP) enc_buf_gc_buffer(eb);
    if (!out) return luaL_error(L, "json.encode: %s", err);
    if (count) {
        lua_pushinteger(L, (lua_Integer)bad);
        return 2;
    }
    return 1;
}

/* ---- the runner's output buffer ---------------------------------------- */

/* A buffer that documents are encoded into one after another, for the
 * runner of `docpipe run`: out:encode(value [, opts]) appends what
 * json.encode(value, opts) returns and gives its length, so the output is
 * written from the buffer without a Lua string per document. Failures are
 * raised as json.encode raises them, with nothing appended. */
#define OUT_BUF_MT "docpipe.json.output"

static int out_encode(lua_State *L) {
    enc_buf *ob = (enc_buf *)luaL_checkudata(L, 1, OUT_BUF_MT);
    luaL_checkany(L, 2);
    if (ob->busy) return luaL_error(L, "json.encode: the output buffer is in use");
    enc_opts op;
    lua_settop(L, 3);
    read_opts(L, 3, &op);
    char err[160];
    size_t len;
    ob->busy = 1;
    size_t bad = 0;
    char *out = encode(L, 2, op.order, op.spans, op.spans_len, op.pretty, &ob->b, ob->b.n, &len,
                       &bad, err, sizeof err);
    ob->busy = 0;
    if (!out) return luaL_error(L, "json.encode: %s", err);
    lua_pushinteger(L, (lua_Integer)len);
    if (bad) {  /* bytes written as U+FFFD (invalid UTF-8, NULs): rare, so told only then */
        lua_pushinteger(L, (lua_Integer)bad);
        return 2;
    }
    return 1;
}

/* out:cut(len): drops the last len bytes appended (a document encoded again) */
static int out_cut(lua_State *L) {
    enc_buf *ob = (enc_buf *)luaL_checkudata(L, 1, OUT_BUF_MT);
    lua_Integer k = luaL_checkinteger(L, 2);
    luaL_argcheck(L, k >= 0 && (size_t)k <= ob->b.n, 2, "more bytes than the buffer holds");
    if (ob->busy) return luaL_error(L, "json.encode: the output buffer is in use");
    ob->b.n -= (size_t)k;
    return 0;
}

static int out_gc(lua_State *L) {
    enc_buf_gc_buffer((enc_buf *)luaL_checkudata(L, 1, OUT_BUF_MT));
    return 0;
}

void dp_json_output_push(lua_State *L) {
    enc_buf *ob = (enc_buf *)lua_newuserdatauv(L, sizeof *ob, 0);
    memset(ob, 0, sizeof *ob);
    if (luaL_newmetatable(L, OUT_BUF_MT)) {
        lua_pushcfunction(L, out_gc);
        lua_setfield(L, -2, "__gc");
        lua_createtable(L, 0, 2);
        lua_pushcfunction(L, out_encode);
        lua_setfield(L, -2, "encode");
        lua_pushcfunction(L, out_cut);
        lua_setfield(L, -2, "cut");
        lua_setfield(L, -2, "__index");
    }
    lua_setmetatable(L, -2);
}

const char *dp_json_output_data(lua_State *L, int idx, size_t *len) {
    enc_buf *ob = (enc_buf *)luaL_checkudata(L, idx, OUT_BUF_MT);
    *len = ob->b.n;
    return ob->b.p ? ob->b.p : "";
}

void dp_json_output_reset(lua_State *L, int idx) {
    enc_buf *ob = (enc_buf *)luaL_checkudata(L, idx, OUT_BUF_MT);
    ob->b.n = 0;
    if (ob->b.cap > ENC_BUF_KEEP) enc_buf_gc_buffer(ob);
}

/* A new buffer (reused from call to call: encoding or decoding a document
 * then allocates nothing on the C heap once it has grown). */
static void push_enc_buf(lua_State *L) {
    enc_buf *eb = (enc_buf *)lua_newuserdatauv(L, sizeof *eb, 0);
    memset(eb, 0, sizeof *eb);
    if (luaL_newmetatable(L, ENC_BUF_MT)) {
        lua_pushcfunction(L, enc_buf_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
}

int dp_lua_open_json(lua_State *L) {
    lua_createtable(L, 0, 2);
    dec_buf *db = (dec_buf *)lua_newuserdatauv(L, sizeof *db, 0);
    memset(db, 0, sizeof *db);
    if (luaL_newmetatable(L, DEC_BUF_MT)) {
        lua_pushcfunction(L, dec_buf_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, -2);
    lua_pushcclosure(L, json_decode, 1);
    lua_setfield(L, -2, "decode");
    lua_pushcfunction(L, json_duplicates);
    lua_setfield(L, -2, "duplicates");
    push_enc_buf(L);
    lua_pushcclosure(L, json_encode, 1);
    lua_setfield(L, -2, "encode");
    return 1;
}
