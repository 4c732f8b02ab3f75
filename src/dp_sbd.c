/*
 * dp_sbd.c: rule-based sentence boundary detection (see dp_sbd.h).
 *
 * Method: in the spirit of the Pragmatic Segmenter (Kevin Dias,
 * diasks2/pragmatic_segmenter, and its English Golden Rules), written
 * afresh. Each paragraph is split on its own. Candidate boundaries are
 * runs of . ! ? ... and the stops U+2026 U+203C U+2047-U+2049 U+FF01
 * U+FF1F U+FF0E U+3002, with the closing quotes, brackets and reference
 * marks ([1]) after them, and line breaks. Each is decided from the token
 * before it and the word after it, with the word lists of the detector:
 *   - general abbreviations (and multi-period ones made of 1-2 letter
 *     parts: U.S., e.g., Ph.D.) end a sentence only before a capitalised
 *     sentence starter: "in the U.S. The ..." splits, "the U.S. Government"
 *     does not; after U.S. or U.K. a plural-looking capitalised word then a
 *     lowercase word (not and/of/for) starts one too ("the U.S. Regulators
 *     in Europe ..."), unless it is a terminal follower ("U.S. Marines");
 *   - terminal abbreviations (Inc., Jr., etc., St., Calif.) end one before
 *     any capitalised word that is no terminal follower ("Inc. Chief") when
 *     the word before them closes a name: it ends with , or & or starts
 *     with a capital or digit, and neither opens the sentence nor is a
 *     starter ("The St. Louis ..." is Saint);
 *   - titles (Mr., Gov.) never end one before a name, a number or a quote;
 *     numeric abbreviations (No., p.) count only before a number (else a
 *     single capital is an initial: "Ramon P. Ortiz");
 *   - a.m./p.m. end one before a capitalised word, unless it is a time
 *     follower (day, month, zone) or the time closes a short opening phrase
 *     that starts with a time opener ("At 5 a.m. Mr. Smith went ...");
 *   - a single capital is an initial after a capitalised word, at the
 *     start of a sentence, before another initial, or after an initial
 *     preceder ("by J. Smith"); else it ends the sentence before a
 *     capitalised word; before a starter it always does ("Plan B. The");
 *     "I" after a lowercase word is the pronoun;
 *   - an abbreviated journal title goes on: an initial, or a capitalised
 *     word of 2-4 letters after an initial or an abbreviation, is no
 *     boundary before a general abbreviation with its period ("J. Clin.
 *     Oncol.", "J. Am. Chem. Soc.": the title words are in abbreviations.txt);
 *   - a period inside a token (3.5, $1.50, v2.0, URLs, e-mail addresses) is
 *     no boundary, except "word.Word" run together and reference numbers
 *     after a word or ")" ("care.11 12 Take": the sentence ends after them);
 *   - ! and ? end a sentence before a capitalised word or a digit, but not
 *     inside an open quotation or bracket (tracked over the paragraph; a
 *     straight ' opens one only when a closing ' follows), not before "(",
 *     not after exclamation names (Yahoo!) unless a starter follows, nor
 *     after a closing quote before an attribution (capitalised words, then
 *     an attribution verb and punctuation or a preposition: "Why?" Ruiz
 *     said., "Run!" Cruz shouted from the steps); a dash
 *     between the mark and the capitalised word is skipped;
 *   - after any stop a lowercase word continues the sentence (not one with
 *     a capital inside after a plain word: "phones. eBay ..."); a period
 *     inside a quotation ends a sentence as in newswire gold;
 *   - ellipses: "..." or U+2026 attached to a word ends a sentence before a
 *     capitalised word (not before an attribution after a closing quote);
 *     a free-standing or bracketed one does not, unless a closing quote or
 *     bracket follows a spaced one before a capitalised word that is no
 *     attribution ("know . . ." The coach ..."); a spaced
 *     four-dot ellipsis does; in "word. . . . The" the sentence ends after
 *     "word.";
 *   - lists: markers (1. 1) 1.) a. a) (a)) and bullets start a sentence at
 *     a line start, and in running text when they form a sequence (1, 2, 3
 *     or a, b, c) starting at a line start or after a stop; a marker's own
 *     period is no boundary; a lone number that a wrap put at a line start
 *     ("February\n5. Born") is none;
 *   - a line break after a line without a final stop ends a sentence (a
 *     headline or list line) before a capitalised word, digit, quote or
 *     bullet, unless the line ends in , ; - & ( / or a line continuation
 *     word or a verb of attribution or an em or en dash, or the paragraph
 *     is hard-wrapped there (see wrapped(): widths in characters, judged
 *     from the paragraph's own lines); a ? or ! at a wrapped line end is
 *     decided as in running text; before a
 *     lowercase word it is a wrapped line unless no later line of the
 *     paragraph ends with . ! ? : or ; (then the lines are a list). A
 *     period at a line end before a lowercase word still ends the sentence
 *     unless it follows an abbreviation; before a bullet line it always
 *     does.
 * A Unicode space (U+00A0 and others) after a stop counts as white space
 * and is trimmed off the sentences.
 * The scan is linear: one pass (32 bytes at a time where SSE2 is there)
 * finds the list markers, one the candidates; the quote tracker and the
 * white space before each candidate advance with the scan; per-paragraph
 * facts (longest line, last line with a stop, where a ' closes a
 * quotation) are computed once when first needed; the token before a stop
 * is looked at by its last 256 bytes.
 *
 * Inside a paragraph, positions are 1-based and inclusive (pos), as in the
 * Lua the rules were first written in; at() reads a byte, -1 outside.
 */
#include "dp_sbd.h"
#include "dp_mem.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

typedef ptrdiff_t pos;

#define MAX_TOKEN 256  /* longer tokens are looked at by their last 256 bytes */

/* ---- word sets -------------------------------------------------------- */

typedef struct went {
    uint32_t off, len, hash;
    uint32_t tag;  /* in dp_sbd.abbr: the lists that hold the word, a bit each */
} went;

typedef struct wset {
    uint32_t *slot;  /* 0 empty, else entry index + 1; nslot a power of two */
    size_t nslot;
    went *ent;
    size_t nent, capent;
    char *pool;
    size_t plen, pcap;
    size_t maxlen;
} wset;

struct dp_sbd {
    wset sets[DP_SBD_NLISTS];
    wset abbr;  /* the words of the abbreviation lists together, tagged by list */
};

static int fold_list(int list) { return list >= DP_SBD_STARTERS; }

static int lc(int b) { return b >= 'A' && b <= 'Z' ? b + 32 : b; }
static int uc(int b) { return b >= 'a' && b <= 'z' ? b - 32 : b; }

static uint32_t hash_bytes(const unsigned char *w, size_t len, int fold) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= (uint32_t)(fold ? lc(w[i]) : w[i]);
        h *= 16777619u;
    }
    return h;
}

/* The entry of w[0..len), whose hash_bytes() is h, in the set (compared
 * with ASCII case folded when fold; folded sets store lowercase words), or
 * NULL. */
static const went *wset_find(const wset *ws, const unsigned char *w, size_t len, int fold, uint32_t h) {
    if (!ws->nslot || len > ws->maxlen) return NULL;
    size_t mask = ws->nslot - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        uint32_t k = ws->slot[i];
        if (!k) return NULL;
        const went *e = &ws->ent[k - 1];
        if (e->hash != h || e->len != len) continue;
        const unsigned char *p = (const unsigned char *)ws->pool + e->off;
        size_t j = 0;
        if (fold) {
            while (j < len && p[j] == lc(w[j])) j++;
        } else {
            while (j < len && p[j] == w[j]) j++;
        }
        if (j == len) return e;
    }
}

static int wset_has(const wset *ws, const unsigned char *w, size_t len, int fold) {
    if (!ws->nslot || len > ws->maxlen) return 0;
    return wset_find(ws, w, len, fold, hash_bytes(w, len, fold)) != NULL;
}

static int wset_grow(wset *ws) {
    size_t n = ws->nslot ? ws->nslot * 2 : 64;
    uint32_t *slot = calloc(n, sizeof *slot);
    if (!slot) return -1;
    for (size_t k = 0; k < ws->nent; k++) {
        size_t i = ws->ent[k].hash & (n - 1);
        while (slot[i]) i = (i + 1) & (n - 1);
        slot[i] = (uint32_t)(k + 1);
    }
    free(ws->slot);
    ws->slot = slot;
    ws->nslot = n;
    return 0;
}

/* Add w[0..len) (stored in lowercase when fold), with the tag bits given
 * (or-ed into the entry when the word is there already). */
static int wset_add(wset *ws, const unsigned char *w, size_t len, int fold, uint32_t tag) {
    if (len > UINT32_MAX / 2) return -1;
    if (ws->nslot && len <= ws->maxlen) {
        const went *e = wset_find(ws, w, len, fold, hash_bytes(w, len, fold));
        if (e) { ws->ent[e - ws->ent].tag |= tag; return 0; }
    }
    if ((ws->nent + 1) * 2 > ws->nslot && wset_grow(ws)) return -1;
    if (ws->nent == ws->capent) {
        size_t cap = ws->capent ? ws->capent * 2 : 32;
        went *e = realloc(ws->ent, cap * sizeof *e);
        if (!e) return -1;
        ws->ent = e;
        ws->capent = cap;
    }
    if (ws->plen + len > ws->pcap) {
        size_t cap = ws->pcap ? ws->pcap * 2 : 512;
        while (cap < ws->plen + len) cap *= 2;
        char *p = realloc(ws->pool, cap);
        if (!p) return -1;
        ws->pool = p;
        ws->pcap = cap;
    }
    if (ws->plen + len > UINT32_MAX) return -1;
    for (size_t i = 0; i < len; i++) ws->pool[ws->plen + i] = (char)(fold ? lc(w[i]) : w[i]);
    uint32_t h = hash_bytes(w, len, fold);
    ws->ent[ws->nent] = (went){ (uint32_t)ws->plen, (uint32_t)len, h, tag };
    ws->plen += len;
    size_t i = h & (ws->nslot - 1);
    while (ws->slot[i]) i = (i + 1) & (ws->nslot - 1);
    ws->nent++;
    ws->slot[i] = (uint32_t)ws->nent;
    if (len > ws->maxlen) ws->maxlen = len;
    return 0;
}

dp_sbd *dp_sbd_new(void) {
    return calloc(1, sizeof(dp_sbd));
}

static void wset_free(wset *ws) {
    free(ws->slot);
    free(ws->ent);
    free(ws->pool);
}

void dp_sbd_free(dp_sbd *sbd) {
    if (!sbd) return;
    for (int i = 0; i < DP_SBD_NLISTS; i++) wset_free(&sbd->sets[i]);
    wset_free(&sbd->abbr);
    free(sbd);
}

/* The lists that token_kind() reads through dp_sbd.abbr. */
static int abbr_list(int list) {
    return list == DP_SBD_ABBREVIATIONS || list == DP_SBD_TITLES || list == DP_SBD_NUMERIC ||
           list == DP_SBD_TIME || list == DP_SBD_TERMINAL;
}

/* Add w[0..len) to the list's set, and to dp_sbd.abbr for an abbreviation list. */
static int sbd_add(dp_sbd *sbd, int list, const unsigned char *w, size_t len) {
    int r = wset_add(&sbd->sets[list], w, len, 0, 0);
    if (!r && abbr_list(list)) r = wset_add(&sbd->abbr, w, len, 0, 1u << list);
    return r;
}

int dp_sbd_add_word(dp_sbd *sbd, dp_sbd_list list, const char *w, size_t len) {
    if (!sbd || (int)list < 0 || list >= DP_SBD_NLISTS || (!w && len)) return -1;
    wset *ws = &sbd->sets[list];
    const unsigned char *u = (const unsigned char *)w;
    if (fold_list(list)) return wset_add(ws, u, len, 1, 0);
    /* as written, in capitals and capitalised, without one final period */
    if (len && u[len - 1] == '.') len--;
    if (!len) return 0;
    unsigned char small[64];
    unsigned char *buf = len <= sizeof small ? small : malloc(len);
    if (!buf) return -1;
    int r = sbd_add(sbd, list, u, len);
    for (size_t i = 0; i < len; i++) buf[i] = (unsigned char)uc(u[i]);
    if (!r) r = sbd_add(sbd, list, buf, len);
    memcpy(buf + 1, u + 1, len - 1);
    if (!r) r = sbd_add(sbd, list, buf, len);
    if (buf != small) free(buf);
    return r;
}

int dp_sbd_list_by_name(const char *name) {
    static const char *const names[DP_SBD_NLISTS] = {
        "abbreviations", "titles", "numeric", "time", "exclamation_names",
        "terminal", "starters", "time_followers", "time_openers",
        "line_continuations", "initial_preceders", "terminal_followers",
        "attribution_verbs",
    };
    if (!name) return -1;
    for (int i = 0; i < DP_SBD_NLISTS; i++)
        if (strcmp(name, names[i]) == 0) return i;
    return -1;
}

/* ---- characters -------------------------------------------------------- */

/* Byte classes, a table lookup each (B_S white space: space \t \n \v \f
 * \r; B_U A-Z; B_L a-z; B_D 0-9; B_H 0x80-0xFF; B_J - and /, the joints
 * of a compound). The tests take a byte (0..255) or -1 (at(): outside the
 * paragraph), which is in no class. */
enum { B_S = 1, B_U = 2, B_L = 4, B_D = 8, B_H = 16, B_J = 32 };
static const unsigned char byte_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0,  /* 0x00 */
    0, B_S, B_S, B_S, B_S, B_S, 0, 0,  /* 0x08 */
    0, 0, 0, 0, 0, 0, 0, 0,  /* 0x10 */
    0, 0, 0, 0, 0, 0, 0, 0,  /* 0x18 */
    B_S, 0, 0, 0, 0, 0, 0, 0,  /* 0x20 */
    0, 0, 0, 0, 0, B_J, 0, B_J,  /* 0x28 */
    B_D, B_D, B_D, B_D, B_D, B_D, B_D, B_D,  /* 0x30 */
    B_D, B_D, 0, 0, 0, 0, 0, 0,  /* 0x38 */
    0, B_U, B_U, B_U, B_U, B_U, B_U, B_U,  /* 0x40 */
    B_U, B_U, B_U, B_U, B_U, B_U, B_U, B_U,  /* 0x48 */
    B_U, B_U, B_U, B_U, B_U, B_U, B_U, B_U,  /* 0x50 */
    B_U, B_U, B_U, 0, 0, 0, 0, 0,  /* 0x58 */
    0, B_L, B_L, B_L, B_L, B_L, B_L, B_L,  /* 0x60 */
    B_L, B_L, B_L, B_L, B_L, B_L, B_L, B_L,  /* 0x68 */
    B_L, B_L, B_L, B_L, B_L, B_L, B_L, B_L,  /* 0x70 */
    B_L, B_L, B_L, 0, 0, 0, 0, 0,  /* 0x78 */
    B_H, B_H, B_H, B_H, B_H, B_H, B_H, B_H,  /* 0x80 */
    B_H, B_H, B_H, B_H, B_H, B_H, B_H, B_H,  /* 0x88 */
    B_H, B_H, B_H, B_H, B_H, B_H, B_H, B_H,  /* 0x90 */
    B_H, B_H, B_H, B_H, B_H, B_H, B_H, B_H,  /* 0x98 */
    B_H, B_H, B_H, B_H, B_H, B_H, B_H, B_H,  /* 0xA0 */
    B_H, B_H, B_H, B_H, B_H, B_H, B_H, B_H,  /* 0xA8 */
    B_H, B_H, B_H, B_H, B_H, B_H, B_H, B_H,  /* 0xB0 */
    B_H, B_H, B_H, B_H, B_H, B_H, B_H, B_H,  /* 0xB8 */
    B_H, B_H, B_H, B_H, B_H, B_H, B_H, B_H,  /* 0xC0 */
    B_H, B_H, B_H, B_H, B_H, B_H, B_H, B_H,  /* 0xC8 */
    B_H, B_H, B_H, B_H, B_H, B_H, B_H, B_H,  /* 0xD0 */
    B_H, B_H, B_H, B_H, B_H, B_H, B_H, B_H,  /* 0xD8 */
    B_H, B_H, B_H, B_H, B_H, B_H, B_H, B_H,  /* 0xE0 */
    B_H, B_H, B_H, B_H, B_H, B_H, B_H, B_H,  /* 0xE8 */
    B_H, B_H, B_H, B_H, B_H, B_H, B_H, B_H,  /* 0xF0 */
    B_H, B_H, B_H, B_H, B_H, B_H, B_H, B_H,  /* 0xF8 */
};

static inline int bclass(int b, int set) { return (unsigned)b < 256u && (byte_class[b] & set); }
static inline int is_sp(int b) { return bclass(b, B_S); }
static inline int is_upper(int b) { return bclass(b, B_U); }
static inline int is_lower(int b) { return bclass(b, B_L); }
static inline int is_digit(int b) { return bclass(b, B_D); }
static inline int is_alpha(int b) { return bclass(b, B_U | B_L); }
static inline int is_alnum(int b) { return bclass(b, B_U | B_L | B_D); }  /* ASCII */
/* a word character next to an apostrophe: ASCII alnum or any non-ASCII byte */
static inline int is_wordb(int b) { return bclass(b, B_U | B_L | B_D | B_H); }

/* Length of a Unicode space at s[i] (1-based, s[1..n]): U+00A0, U+2000-U+200A,
 * U+202F, U+205F, U+3000; 0 for anything else. */
static int uspace_len(const unsigned char *s, pos n, pos i) {
    if (i < 1 || i + 1 > n) return 0;
    int b0 = s[i - 1], b1 = s[i];
    if (b0 == 0xC2) return b1 == 0xA0 ? 2 : 0;
    if (i + 2 > n) return 0;
    int b2 = s[i + 1];
    if (b0 == 0xE2 && b1 == 0x80 && (b2 <= 0x8A || b2 == 0xAF)) return 3;
    if (b0 == 0xE2 && b1 == 0x81 && b2 == 0x9F) return 3;
    if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) return 3;
    return 0;
}

/* Length of a format character that shows nothing at s[i] (1-based): the
 * zero-width space, non-joiner and joiner (U+200B-U+200D), the word joiner
 * (U+2060) and U+FEFF (a byte order mark left in a text); 0 otherwise. */
static int invisible_len(const unsigned char *s, pos n, pos i) {
    if (i < 1 || i + 2 > n) return 0;
    int b0 = s[i - 1], b1 = s[i], b2 = s[i + 1];
    if (b0 == 0xE2 && b1 == 0x80 && b2 >= 0x8B && b2 <= 0x8D) return 3;
    if (b0 == 0xE2 && b1 == 0x81 && b2 == 0xA0) return 3;
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) return 3;
    return 0;
}

/* Whether s[a..z] (1-based, inclusive) holds something to read: a byte
 * that is no white space, ASCII or Unicode, and no invisible format
 * character (a zero-width space or a BOM alone is no sentence). Decided at
 * the first byte for almost every sentence. */
static int has_visible(const unsigned char *s, pos n, pos a, pos z) {
    for (pos i = a; i <= z;) {
        if (is_sp(s[i - 1])) { i++; continue; }
        if (s[i - 1] < 0xC2) return 1;
        int k = uspace_len(s, n, i);
        if (!k) k = invisible_len(s, n, i);
        if (!k) return 1;
        i += k;
    }
    return 0;
}

/* Length of a Unicode space ending at s[z], or 0. */
static int uspace_end(const unsigned char *s, pos n, pos z) {
    if (z >= 2 && uspace_len(s, n, z - 1) == 2) return 2;
    if (z >= 3 && uspace_len(s, n, z - 2) == 3) return 3;
    return 0;
}

enum { C_END, C_UPPER, C_LOWER, C_DIGIT, C_OTHER };

/* Class of the character at q in s[1..n]. */
static int cclass(const unsigned char *s, pos n, pos q) {
    if (q < 1 || q > n) return C_END;
    int b = s[q - 1];
    if (is_upper(b)) return C_UPPER;
    if (is_lower(b)) return C_LOWER;
    if (is_digit(b)) return C_DIGIT;
    int b2 = q + 1 <= n ? s[q] : -1;
    if (b == 195) {  /* Latin-1 letters */
        int c = b2 < 0 ? 0 : b2;
        if (c >= 128 && c <= 158 && c != 151) return C_UPPER;
        if (c >= 159 && c != 183) return C_LOWER;
    } else if (b >= 196 && b <= 197) {
        /* Latin Extended-A: capitals are the even code points, the odd
         * ones in two ranges */
        long cp = (long)(b - 192) * 64 + ((b2 < 0 ? 128 : b2) - 128);
        int odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
        if (cp == 0x138 || cp == 0x149) return C_LOWER;
        if (cp == 0x178) return C_UPPER;
        return ((cp % 2 == 1) == odd_upper) ? C_UPPER : C_LOWER;
    } else if (b >= 206 && b <= 211) {  /* Greek and Cyrillic */
        long cp = (long)(b - 192) * 64 + ((b2 < 0 ? 128 : b2) - 128);
        if ((cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x400 && cp <= 0x42F)) return C_UPPER;
        if ((cp >= 0x3AC && cp <= 0x3CE) || (cp >= 0x430 && cp <= 0x45F)) return C_LOWER;
    }
    return C_OTHER;
}

/* Stop kinds of 3-byte sequences. */
enum { ST_NONE, ST_ELL, ST_EXCL, ST_DOT };

static int mb_stop3(int b0, int b1, int b2) {
    if (b0 == 0xE2) {
        if (b1 == 0x80 && b2 == 0xA6) return ST_ELL;                     /* U+2026 */
        if (b1 == 0x80 && b2 == 0xBC) return ST_EXCL;                    /* U+203C */
        if (b1 == 0x81 && b2 >= 0x87 && b2 <= 0x89) return ST_EXCL;      /* U+2047-9 */
    } else if (b0 == 0xEF) {
        if (b1 == 0xBC && (b2 == 0x81 || b2 == 0x9F)) return ST_EXCL;    /* U+FF01 U+FF1F */
        if (b1 == 0xBC && b2 == 0x8E) return ST_DOT;                     /* U+FF0E */
    } else if (b0 == 0xE3) {
        if (b1 == 0x80 && b2 == 0x82) return ST_DOT;                     /* U+3002 */
    }
    return ST_NONE;
}

/* ---- scanning ------------------------------------------------------------ */

/* Byte sets to scan for. Each scanner tests 32 (then 16) bytes at a time
 * for its ASCII members (and, where the set has members >= 0x80, for any
 * such byte; a mask may flag a few more bytes), then looks up the bytes it
 * flagged in the set's table. */

/* Candidates: . ! ? CR LF and the lead bytes of the 3-byte stops. */
static const unsigned char cand_tab[256] = {
    ['.'] = 1, ['!'] = 1, ['?'] = 1, ['\r'] = 1, ['\n'] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1,
};

/* The punctuation that ends a list marker: . ) */
static const unsigned char mark_tab[256] = { ['.'] = 1, [')'] = 1 };

/* What the quotation tracker reads: " ' ` ( ) [ ] and the lead bytes of
 * U+00AB U+00BB and the curly quotes. */
static const unsigned char quote_tab[256] = {
    ['"'] = 1, ['\''] = 1, ['`'] = 1, ['('] = 1, [')'] = 1, ['['] = 1, [']'] = 1, [194] = 1, [226] = 1,
};

#if defined(__SSE2__) && defined(__GNUC__)
#define EQ(v, c) _mm_cmpeq_epi8((v), _mm_set1_epi8((char)(c)))
/* The first i in [from, n) with tab[s[i]] set, or n; MASK(v) gives the
 * bytes of the 16-byte vector v that may be members. */
#define DEFINE_SCAN(name, tab, MASK)                                                   \
    static size_t name(const unsigned char *s, size_t i, size_t n) {                   \
        while (i + 32 <= n) {                                                          \
            const __m128i *p = (const __m128i *)(const void *)(s + i);                 \
            unsigned mask = (unsigned)_mm_movemask_epi8(MASK(_mm_loadu_si128(p))) |    \
                            (unsigned)_mm_movemask_epi8(MASK(_mm_loadu_si128(p + 1))) << 16; \
            while (mask) {                                                             \
                unsigned b = (unsigned)__builtin_ctz(mask);                            \
                if (tab[s[i + b]]) return i + b;                                       \
                mask &= mask - 1;                                                      \
            }                                                                          \
            i += 32;                                                                   \
        }                                                                              \
        while (i + 16 <= n) {                                                          \
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));       \
            unsigned mask = (unsigned)_mm_movemask_epi8(MASK(v));                      \
            while (mask) {                                                             \
                unsigned b = (unsigned)__builtin_ctz(mask);                            \
                if (tab[s[i + b]]) return i + b;                                       \
                mask &= mask - 1;                                                      \
            }                                                                          \
            i += 16;                                                                   \
        }                                                                              \
        while (i < n && !tab[s[i]]) i++;                                               \
        return i;                                                                      \
    }
/* . ! ? and, in one signed compare, the bytes below 14 (CR, LF and a few
 * other controls) and from 0x80 */
#define CAND_MASK(v) _mm_or_si128(_mm_or_si128(EQ(v, '.'), EQ(v, '!')),                  \
                                  _mm_or_si128(EQ(v, '?'), _mm_cmplt_epi8(v, _mm_set1_epi8(14))))
#define MARK_MASK(v) _mm_or_si128(EQ(v, '.'), EQ(v, ')'))
#define QUOTE_MASK(v) _mm_or_si128(_mm_or_si128(_mm_or_si128(EQ(v, '"'), EQ(v, '\'')),     \
                                                _mm_or_si128(EQ(v, '`'), EQ(v, '('))),     \
                                   _mm_or_si128(_mm_or_si128(EQ(v, ')'), EQ(v, '[')),      \
                                                _mm_or_si128(EQ(v, ']'),                   \
                                                             _mm_cmplt_epi8(v, _mm_setzero_si128()))))
#else
#define DEFINE_SCAN(name, tab, MASK)                                                   \
    static size_t name(const unsigned char *s, size_t i, size_t n) {                   \
        while (i < n && !tab[s[i]]) i++;                                               \
        return i;                                                                      \
    }
#endif

DEFINE_SCAN(scan_cand, cand_tab, CAND_MASK)
DEFINE_SCAN(scan_mark, mark_tab, MARK_MASK)
DEFINE_SCAN(scan_quote, quote_tab, QUOTE_MASK)

/* ---- a paragraph -------------------------------------------------------- */

typedef struct cand {
    pos start, item, period;  /* period 0: none */
    int value, style;
    unsigned char line_start, after_stop, letter, initial, has_next;
} cand;

typedef struct vec {
    void *p;
    size_t n, cap;
} vec;

/* Scratch memory of dp_sbd_split_in (dp_sbd_work in dp_sbd.h): the vectors keep
 * their room from text to text; `seen` is all clear between calls. */
typedef struct dp_sbd_work {
    vec forced, suppress, breaks, cands;
    uint32_t seen[15 * 1024 / 32];  /* (style, value) pairs of list candidates */
    int oom;
    int had_break;  /* the last text had a CR or LF after its leading white space */
} work;

static void *vec_push(work *w, vec *v, size_t size) {
    if (!dp_grow(&v->p, &v->cap, v->n + 1, size)) { w->oom = 1; return NULL; }
    return (char *)v->p + size * v->n++;
}

static void push_pos(work *w, vec *v, pos x) {
    pos *p = vec_push(w, v, sizeof(pos));
    if (p) *p = x;
}

typedef struct para {
    const dp_sbd *d;
    work *w;
    const unsigned char *s;  /* the paragraph, trimmed; position i is s[i - 1] */
    pos n;
    pos cur;                 /* start of the current sentence */
    /* quote tracker */
    int dq;
    long cq, sq, gq, br;
    pos nextq;               /* next quote mark or bracket not yet read, 0: none, -1: not looked for */
    pos last_close;          /* -1 until computed */
    /* lazily computed */
    pos last_stop_line;      /* -1 until computed */
    pos wrap_width;          /* -1 until computed */
    int ragged;              /* -1 until computed */
    int full_lines;          /* lines the next line's first word would not have fitted on (with ragged) */
    /* white space before the candidates: the last one, and up to where
     * the paragraph was looked at for it */
    pos last_ws, ws_seen;
    /* sentence_initial and fronted_time caches, for cur */
    pos first_ns_cur, first_ns;
    pos words_cur;
    int nwords;
    pos word_s[5], word_e[5];
} para;

static inline int at(const para *p, pos i) {
    return i >= 1 && i <= p->n ? p->s[i - 1] : -1;
}

static int bullet_at(const para *p, pos i) {
    if (at(p, i) != 0xE2) return 0;
    int b1 = at(p, i + 1), b2 = at(p, i + 2);
    return (b1 == 0x80 && (b2 == 0xA2 || b2 == 0xA3)) ||  /* U+2022 U+2023 */
           (b1 == 0x81 && b2 == 0x83) ||                  /* U+2043 */
           (b1 == 0x97 && (b2 == 0xA6 || b2 == 0x8F)) ||  /* U+25E6 U+25CF */
           (b1 == 0x96 && (b2 == 0xAA || b2 == 0xA0));    /* U+25AA U+25A0 */
}

/* A closing quote (U+201D U+2019 U+203A) in the 3 bytes from i. */
static int mb_close_at(const para *p, pos i) {
    return at(p, i) == 0xE2 && at(p, i + 1) == 0x80 &&
           (at(p, i + 2) == 0x9D || at(p, i + 2) == 0x99 || at(p, i + 2) == 0xBA);
}

/* An opening quote (U+201C U+2018 U+2039 U+201E) in the 3 bytes from i. */
static int mb_open_at(const para *p, pos i) {
    return at(p, i) == 0xE2 && at(p, i + 1) == 0x80 &&
           (at(p, i + 2) == 0x9C || at(p, i + 2) == 0x98 || at(p, i + 2) == 0xB9 ||
            at(p, i + 2) == 0x9E);
}

static int mb_stop_at(const para *p, pos i) {
    return mb_stop3(at(p, i), at(p, i + 1), at(p, i + 2));
}

static pos find_nonspace(const para *p, pos from) {
    for (pos i = from < 1 ? 1 : from; i <= p->n; i++)
        if (!is_sp(p->s[i - 1])) return i;
    return 0;
}

/* Start of the non-space token that ends at e (at most MAX_TOKEN back). */
static pos token_start(const para *p, pos e) {
    pos i = e, stop = e - MAX_TOKEN;
    while (i >= 1 && i > stop && !is_sp(p->s[i - 1])) i--;
    return i + 1;
}

/* Skip opening quotes and brackets at q; returns the new position. */
static pos skip_openers(const para *p, pos q, int *quote, int *paren) {
    *quote = *paren = 0;
    while (q <= p->n) {
        int b = at(p, q);
        if (b == '"' || b == '\'' || b == '`') { *quote = 1; q++; }
        else if (b == '(' || b == '[' || b == '{') { *paren = 1; q++; }
        else if (b == 194 && at(p, q + 1) == 171) { *quote = 1; q += 2; }  /* U+00AB */
        else if (b == 226 && mb_open_at(p, q)) { *quote = 1; q += 3; }
        else break;
    }
    return q;
}

/* Last position of the closing quotes and brackets right after e. */
static pos skip_closers(const para *p, pos e) {
    for (;;) {
        int b = at(p, e + 1);
        if (b == '"' || b == ')' || b == ']' || b == '}') {
            e++;
        } else if (b == '\'') {
            if (is_wordb(at(p, e + 2)) && !mb_close_at(p, e + 2)) break;  /* an apostrophe: Jr.'s */
            e++;
        } else if (b == 194 && at(p, e + 2) == 187) {  /* U+00BB */
            e += 2;
        } else if (b == 226 && mb_close_at(p, e + 1)) {
            /* U+2019 in a word (not before another closing quote: 'Go home.'") */
            if (at(p, e + 3) == 0x99 && is_wordb(at(p, e + 4)) && !mb_close_at(p, e + 4)) break;
            e += 3;
        } else {
            break;
        }
    }
    return e;
}

/* Whether the line ending at e (its last non-space byte) ends with a stop,
 * possibly followed by closing quotes and brackets (with colon, : or ;
 * count too). */
static int line_ends_with_stop(const para *p, pos e, int colon) {
    pos i = e;
    while (i >= 1) {
        int b = p->s[i - 1];
        if (b == '"' || b == '\'' || b == ')' || b == ']' || b == '}') i--;
        else if (b >= 128 && i >= 3 && mb_close_at(p, i - 2)) i -= 3;
        else if (b == 187 && at(p, i - 1) == 194) i -= 2;
        else break;
    }
    int b = at(p, i);
    if (b == '.' || b == '!' || b == '?') return 1;
    if (colon && (b == ':' || b == ';')) return 1;
    if (b >= 128 && i >= 3 && mb_stop_at(p, i - 2)) return 1;
    return 0;
}

/* ---- quotation tracker -------------------------------------------------- */

static pos find_quote_mark(const para *p, pos from) {
    if (from > p->n) return 0;
    size_t i = scan_quote(p->s, (size_t)from - 1, (size_t)p->n);
    return i < (size_t)p->n ? (pos)i + 1 : 0;
}

/* Whether a ' that can close a quotation follows a (computed once: the
 * last ' after a non-space byte and before a non-alphanumeric one or the
 * end, found the way a left-to-right search of non-overlapping matches
 * finds it). */
static int closing_after(para *p, pos a) {
    if (p->last_close < 0) {
        p->last_close = 0;
        pos q = 1;
        for (;;) {
            pos c = 0;
            /* the next ' (memchr), then its neighbours: as a byte loop over i
             * testing s[i - 1], s[i] == '\'' and s[i + 1] would */
            for (pos i = q; i + 2 <= p->n;) {
                const unsigned char *h = memchr(p->s + i, '\'', (size_t)(p->n - 1 - i));
                if (!h) break;
                i = (pos)(h - p->s);
                if (!is_sp(p->s[i - 1]) && !is_alnum(p->s[i + 1])) { c = i; break; }
                i++;
            }
            if (!c && p->n >= 2 && p->n - 1 >= q && !is_sp(p->s[p->n - 2]) && p->s[p->n - 1] == '\'')
                c = p->n - 1;
            if (!c) break;
            p->last_close = c + 1;
            q = c + 2;
        }
    }
    return p->last_close > a;
}

/* Is position q inside an open quotation or bracket? Reads the quote marks
 * up to q (q must not decrease between calls). */
static int inside_quote(para *p, pos q) {
    if (p->nextq < 0) p->nextq = find_quote_mark(p, 1);
    while (p->nextq && p->nextq <= q) {
        pos a = p->nextq;
        int b = p->s[a - 1];
        int prev = at(p, a - 1);
        int opening = a == 1 || is_sp(prev) || prev == '(' || prev == '[' || prev == '-';
        pos width = 1;
        if (b == '"') {
            p->dq = opening;
        } else if (b == '(' || b == '[') {
            p->br++;
        } else if (b == ')' || b == ']') {
            if (p->br > 0) p->br--;
        } else if (b == '`') {
            p->sq++;
        } else if (b == '\'') {
            int nb = at(p, a + 1);
            if (is_wordb(prev) && is_wordb(nb)) {
                /* an apostrophe inside a word */
            } else if (opening && nb >= 0 && !is_sp(nb)) {
                if (closing_after(p, a)) p->sq++;
            } else if (p->sq > 0) {
                p->sq--;
            }
        } else if (b == 194) {
            int b2 = at(p, a + 1);
            if (b2 == 171) { p->gq++; width = 2; }
            else if (b2 == 187) { if (p->gq > 0) p->gq--; width = 2; }
        } else {  /* 226 */
            if (at(p, a + 1) == 0x80) {
                int b3 = at(p, a + 2);
                if (b3 == 0x9C) { p->cq++; width = 3; }
                else if (b3 == 0x9D) { if (p->cq > 0) p->cq--; width = 3; }
                else if (b3 == 0x98) { p->sq++; width = 3; }
                else if (b3 == 0x99) {
                    int nb = at(p, a + 3);
                    if (!(is_wordb(prev) && is_wordb(nb)) && p->sq > 0) p->sq--;
                    width = 3;
                }
            }
        }
        p->nextq = find_quote_mark(p, a + width);
    }
    return p->dq || p->cq > 0 || p->sq > 0 || p->gq > 0 || p->br > 0;
}

/* ---- list markers --------------------------------------------------------- */

enum { K_NUM, K_LOWER, K_UPPER };
enum { P_DOT, P_PAREN, P_DOTPAREN, P_PARENPAREN, P_ENCLOSED };

static int seen_get(const work *w, int style, int value) {
    unsigned k = (unsigned)(style * 1024 + value);
    return (w->seen[k / 32] >> (k % 32)) & 1u;
}

static void seen_set(work *w, int style, int value, int on) {
    unsigned k = (unsigned)(style * 1024 + value);
    if (on) w->seen[k / 32] |= 1u << (k % 32);
    else w->seen[k / 32] &= ~(1u << (k % 32));
}

static int cmp_pos(const void *a, const void *b) {
    pos x = *(const pos *)a, y = *(const pos *)b;
    return x < y ? -1 : x > y;
}

/* Find list markers and bullets: w->forced gets the sorted positions
 * before which a sentence must start, w->suppress the (ascending)
 * positions of marker periods that are no boundary. */
static int wrapped(para *p, pos i, pos q);

/* Does a wrap end the line before the one starting at q: that line ends
 * without . ! ? : or ; and the paragraph is wrapped there? */
static int wrapped_before(para *p, pos q) {
    pos i = q - 1;
    while (i >= 1 && is_sp(p->s[i - 1])) i--;
    if (i < 1 || line_ends_with_stop(p, i, 1)) return 0;
    return wrapped(p, i, q);
}

static void list_markers(para *p) {
    work *w = p->w;
    const unsigned char *s = p->s;
    pos n = p->n;
    w->forced.n = w->suppress.n = w->cands.n = 0;
    /* bullets in running text start a new item */
    for (const unsigned char *b = s + 1; (b = memchr(b, 0xE2, (size_t)(s + n - b))) != NULL; b++) {
        pos a = b - s + 1;
        if (a + 2 <= n && bullet_at(p, a) && is_sp(s[a - 2])) push_pos(w, &w->forced, a);
    }
    /* markers: 1. 1) 1.) a. a) (a): a run of ASCII alphanumerics (after a
     * byte that is none) ended by . or ) (then maybe ")") and white space.
     * Such matches never overlap, so each . or ) after an alphanumeric is
     * looked at on its own; runs longer than 3 bytes are never markers. */
    for (pos k = 2; k <= n; k++) {
        k = (pos)scan_mark(s, (size_t)k - 1, (size_t)n) + 1;
        if (k > n) break;
        int c1 = s[k - 1];
        if (!is_alnum(s[k - 2])) continue;
        pos we = k - 1, a = we;
        while (a > 1 && a > we - 4 && is_alnum(s[a - 2])) a--;
        if (a > 1 && is_alnum(s[a - 2])) continue;  /* a longer run */
        int pid = -1;
        if (at(p, k + 1) == ')') {
            if (is_sp(at(p, k + 2))) pid = c1 == '.' ? P_DOTPAREN : P_PARENPAREN;
        } else if (is_sp(at(p, k + 1))) {
            pid = c1 == '.' ? P_DOT : P_PAREN;
        }
        if (pid < 0) continue;
        pos len = we - a + 1;
        int kind = -1;
        int all_digits = 1;
        for (pos i = a; i <= we; i++)
            if (!is_digit(s[i - 1])) { all_digits = 0; break; }
        if (all_digits && len <= 3) kind = K_NUM;
        else if (len == 1 && is_lower(s[a - 1])) kind = K_LOWER;
        else if (len == 1) kind = K_UPPER;
        if (kind < 0) continue;
        pos start = a;
        int style = pid;
        if (at(p, a - 1) == '(' && pid == P_PAREN) {  /* (a) */
            start = a - 1;
            style = P_ENCLOSED;
        }
        /* what precedes the marker: a bullet, a line start, a stop, or a word */
        pos item = start;
        pos i = start - 1;
        while (i >= 1 && (s[i - 1] == ' ' || s[i - 1] == '\t')) i--;
        int at_bullet = i >= 3 && bullet_at(p, i - 2);
        if (at_bullet) {
            item = i - 2;
            i = item - 1;
            while (i >= 1 && (s[i - 1] == ' ' || s[i - 1] == '\t')) i--;
        }
        int pb = at(p, i);
        int line_start = i == 0 || pb == '\n' || pb == '\r';
        if (!(line_start || at_bullet || i < start - 1)) continue;
        int after_stop = 0;
        if (!line_start) {
            pos j = i;
            while (j >= 1) {
                int c = s[j - 1];
                if (c == '"' || c == '\'' || c == ')' || c == ']') j--;
                else if (c >= 128 && j >= 3 && mb_close_at(p, j - 2)) j -= 3;
                else break;
            }
            int c = at(p, j);
            after_stop = c == '.' || c == '!' || c == '?';
        }
        int prev_cap = 0;
        if (!line_start && !at_bullet) prev_cap = cclass(s, n, token_start(p, i)) == C_UPPER;
        cand *c = vec_push(w, &w->cands, sizeof(cand));
        if (!c) return;
        int value = 0;
        if (kind == K_NUM) {
            for (pos t = a; t <= we; t++) value = value * 10 + (s[t - 1] - '0');
        } else {
            value = s[a - 1];
        }
        c->start = start;
        c->item = item;
        c->value = value;
        c->style = kind * 5 + style;
        c->line_start = (unsigned char)(line_start || at_bullet);
        c->after_stop = (unsigned char)after_stop;
        c->period = (pid == P_DOT || pid == P_DOTPAREN) ? a + len : 0;
        c->letter = kind == K_UPPER;
        c->initial = (unsigned char)(kind == K_UPPER && prev_cap);  /* "John A. Smith" */
    }
    /* whether a later candidate continues each one (same style, next value) */
    cand *cs = w->cands.p;
    size_t nc = w->cands.n;
    for (size_t k = nc; k-- > 0;) {
        cs[k].has_next = (unsigned char)seen_get(w, cs[k].style, cs[k].value + 1);
        seen_set(w, cs[k].style, cs[k].value, 1);
    }
    for (size_t k = 0; k < nc; k++) seen_set(w, cs[k].style, cs[k].value, 0);
    const cand *last = NULL;
    for (size_t k = 0; k < nc; k++) {
        const cand *c = &cs[k];
        int accept = 0;
        if (c->initial) {
            accept = 0;
        } else if (c->line_start) {
            /* not a lone number that a wrap put at a line start ("on February\n5.
             * Born in 1923"): the line before ends mid-sentence and is full */
            accept = c->has_next || (last && c->style == last->style && c->value == last->value + 1) ||
                     !wrapped_before(p, c->item);
        } else if (last && c->style == last->style && c->value == last->value + 1) {
            accept = 1;
        } else if (c->after_stop || (last && (c->value == 1 || c->value == 97 || c->value == 65))) {
            /* a list starting after a stop, or a new list right after another one */
            accept = c->has_next;
        }
        if (accept) {
            last = c;
            if (c->period) push_pos(w, &w->suppress, c->period);
            /* a capital-letter marker alone at a line start may be an initial */
            if (c->item > 1 && !(c->letter && c->line_start && !c->after_stop))
                push_pos(w, &w->forced, c->item);
        }
    }
    if (w->forced.n > 1) qsort(w->forced.p, w->forced.n, sizeof(pos), cmp_pos);
}

/* ---- deciding candidates -------------------------------------------------- */

typedef enum { T_REGULAR, T_TITLE, T_NUMERIC, T_TIME, T_ABBR, T_TERMINAL, T_INITIAL } tkind;

static int in_set(const para *p, int list, const unsigned char *w, size_t len) {
    return wset_has(&p->d->sets[list], w, len, fold_list(list));
}

/* The kind of t[0..len) in the lists of abbreviations (matched as
 * written; one lookup for all of them), or T_REGULAR. */
static tkind listed_kind(const para *p, const unsigned char *t, size_t len) {
    const wset *ws = &p->d->abbr;
    if (!ws->nslot || len > ws->maxlen) return T_REGULAR;
    const went *e = wset_find(ws, t, len, 0, hash_bytes(t, len, 0));
    if (!e) return T_REGULAR;
    if (e->tag & (1u << DP_SBD_TITLES)) return T_TITLE;
    if (e->tag & (1u << DP_SBD_NUMERIC)) return T_NUMERIC;
    if (e->tag & (1u << DP_SBD_TIME)) return T_TIME;
    if (e->tag & (1u << DP_SBD_TERMINAL)) return T_TERMINAL;
    return T_ABBR;
}

/* Kind of the token t[0..len) before a period. */
static tkind token_kind(const para *p, const unsigned char *t, size_t len) {
    if (!len) return T_REGULAR;
    tkind listed = listed_kind(p, t, len);
    if (listed != T_REGULAR) return listed;
    if (len == 1 && is_upper(t[0])) return T_INITIAL;
    if (len == 1 && is_lower(t[0])) return T_ABBR;
    /* multi-period abbreviation of one- or two-letter parts: U.S, e.g, Ph.D */
    if (len >= 2 && is_alpha(t[0])) {
        size_t k = 0;
        if (t[1] == '.') k = 1;
        else if (is_alpha(t[1]) && len >= 3 && t[2] == '.') k = 2;
        if (k) {
            int ok = 1;
            for (size_t i = k + 1; i < len && ok; i++) ok = is_alpha(t[i]) || t[i] == '.';
            for (size_t i = 0; i + 2 < len && ok; i++)
                if (is_alpha(t[i]) && is_alpha(t[i + 1]) && is_alpha(t[i + 2])) ok = 0;
            for (size_t i = 0; i + 1 < len && ok; i++)
                if (t[i] == '.' && t[i + 1] == '.') ok = 0;
            if (ok) return T_ABBR;
        }
    }
    /* the last part of a compound: "D-Calif", "(R-Wash" */
    size_t i = len, stop = len > p->d->abbr.maxlen ? len - p->d->abbr.maxlen : 0;
    while (i > stop && !(byte_class[t[i - 1]] & B_J)) i--;  /* longer parts are no abbreviation */
    if (i > 0 && i < len && (t[i - 1] == '-' || t[i - 1] == '/')) {
        listed = listed_kind(p, t + i, len - i);
        if (listed == T_TITLE || listed == T_TERMINAL || listed == T_ABBR) return listed;
    }
    return T_REGULAR;
}

/* The word after a candidate: class of its first character after opening
 * quotes and brackets, its ASCII letters, and what was skipped. */
typedef struct nword {
    int cls, quote, paren;
    pos q2;
    pos w, wlen;  /* the run of ASCII letters at q2 (wlen 0: none) */
} nword;

static nword next_word(const para *p, pos q) {
    nword r;
    r.q2 = skip_openers(p, q, &r.quote, &r.paren);
    r.cls = cclass(p->s, p->n, r.q2);
    r.w = r.q2;
    pos e = r.q2;
    while (e <= p->n && is_alpha(p->s[e - 1])) e++;
    r.wlen = e - r.q2;
    return r;
}

static int starter(const para *p, const nword *nw) {
    return nw->wlen > 0 && in_set(p, DP_SBD_STARTERS, p->s + nw->w - 1, (size_t)nw->wlen);
}

/* Start of the token that ends just before the candidate at a (a never
 * decreases). */
static pos token_before(para *p, pos a) {
    /* the last white space before a: between the previous candidate and a,
     * else the one found then (each byte is looked at once) */
    pos i = a - 1;
#if defined(__SSE2__) && defined(__GNUC__)
    /* sixteen positions i-15..i (bytes s[i-16..i-1]) at a time, all after ws_seen */
    while (i - 16 >= p->ws_seen && i >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p->s + i - 16));
        __m128i sp = _mm_or_si128(EQ(v, ' '), _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(8)),
                                                            _mm_cmplt_epi8(v, _mm_set1_epi8(14))));
        unsigned m = (unsigned)_mm_movemask_epi8(sp);
        if (m) {
            p->last_ws = i - 15 + (31 - __builtin_clz(m));  /* the highest: the last one */
            i = p->ws_seen;
            break;
        }
        i -= 16;
    }
#endif
    for (; i > p->ws_seen; i--) {
        if (is_sp(p->s[i - 1])) { p->last_ws = i; break; }
    }
    if (a - 1 > p->ws_seen) p->ws_seen = a - 1;
    pos t = p->last_ws + 1;
    if (a - MAX_TOKEN > t) t = a - MAX_TOKEN;
    if (p->cur > t) t = p->cur;
    return t;
}

/* Is the token starting at ts the first token of the current sentence? */
static int sentence_initial(para *p, pos ts) {
    if (p->first_ns_cur != p->cur) {
        p->first_ns_cur = p->cur;
        p->first_ns = find_nonspace(p, p->cur);
    }
    return p->first_ns == 0 || p->first_ns >= ts;
}

/* Does a time at token ts close a short opening phrase ("At 5 a.m.")? The
 * words of s[cur..ts-1], at most five, with the first two looked up. */
static int fronted_time(para *p, pos ts) {
    if (p->words_cur != p->cur) {
        p->words_cur = p->cur;
        p->nwords = 0;
        pos i = p->cur;
        while (p->nwords < 5) {
            while (i <= p->n && is_sp(p->s[i - 1])) i++;
            if (i > p->n) break;
            p->word_s[p->nwords] = i;
            while (i <= p->n && !is_sp(p->s[i - 1])) i++;
            p->word_e[p->nwords] = i - 1;
            p->nwords++;
        }
    }
    int count = 0;
    for (int k = 0; k < p->nwords && p->word_s[k] <= ts - 1; k++) count++;
    if (count > 4 || count == 0) return 0;
    for (int k = 0; k < 2 && k < count; k++) {
        pos e = p->word_e[k] < ts - 1 ? p->word_e[k] : ts - 1;
        if (in_set(p, DP_SBD_TIME_OPENERS, p->s + p->word_s[k] - 1, (size_t)(e - p->word_s[k] + 1)))
            return 1;
    }
    return 0;
}

/* Does the terminal abbreviation at ts close a name? True when the word
 * before it ends with , or & ("Tulsa, Okla.", "Briggs & Co.") or starts
 * with a capital or a digit ("Main St.", "Elmer Pike Sr.", "5th Ave."),
 * unless that word opens the sentence or is a sentence starter ("The St.
 * Louis ..."): then the abbreviation may start a name ("St." as Saint). */
static int ends_name(para *p, pos ts) {
    const unsigned char *s = p->s;
    pos i = ts - 1;
    while (i >= 1 && is_sp(s[i - 1])) i--;
    if (i < p->cur || i < 1) return 0;
    if (s[i - 1] == ',' || s[i - 1] == '&') return 1;
    pos pa = token_start(p, i);
    if (pa < p->cur) pa = p->cur;
    while (pa <= i && (s[pa - 1] == '(' || s[pa - 1] == '[' || s[pa - 1] == '"' ||
                       s[pa - 1] == '\'' || s[pa - 1] == '`'))
        pa++;
    if (pa > i) return 0;
    int c = cclass(s + pa - 1, i - pa + 1, 1);
    if (c == C_DIGIT) return 1;
    if (c != C_UPPER || sentence_initial(p, pa)) return 0;
    pos we = pa;
    while (we <= i && is_alpha(s[we - 1])) we++;
    if (we > pa && in_set(p, DP_SBD_STARTERS, s + pa - 1, (size_t)(we - pa))) return 0;
    return 1;
}

/* A line starting at q with a bullet or a "- " / "* " marker. */
static int bullet_line(const para *p, pos q) {
    if (!q) return 0;
    return bullet_at(p, q) || ((p->s[q - 1] == '-' || p->s[q - 1] == '*') && is_sp(at(p, q + 1)));
}

/* A lowercase word with a capital inside it (eBay, iPhone): a name that starts
 * a sentence in lowercase. */
static int camel_word(const unsigned char *w, pos len) {
    for (pos k = 1; k < len && k < 3; k++)
        if (is_upper(w[k])) return is_lower(w[len - 1]);
    return 0;
}

/* An abbreviation of single capitals with periods, the final one dropped (U.S, U.K). */
static int dotted_capitals(const unsigned char *t, size_t len) {
    if (len < 3 || !(len & 1)) return 0;
    for (size_t k = 0; k < len; k++)
        if ((k & 1) ? t[k] != '.' : !is_upper(t[k])) return 0;
    return 1;
}

/* After U.S. or U.K.: does the capitalised word at nw start a new sentence as
 * the plural subject of a clause ("... in the U.S. Regulators in Europe",
 * "the U.S. Dealers blame ...")? A plural-looking word (ends in a lowercase s
 * not after s, u or i), not a word that continues a name
 * (sentences_terminal_followers.txt: Marines, Forces), then a lowercase word
 * that does not join two name words (and, of, for). */
static int plural_subject(const para *p, const nword *nw) {
    const unsigned char *s = p->s;
    pos w = nw->w, len = nw->wlen;
    if (len < 4 || !is_upper(s[w - 1]) || s[w + len - 2] != 's') return 0;
    int pre = s[w + len - 3];
    if (!is_lower(pre) || pre == 's' || pre == 'u' || pre == 'i') return 0;
    for (pos k = 1; k < len; k++)
        if (!is_lower(s[w + k - 1])) return 0;
    if (at(p, w + len) != ' ') return 0;
    pos n2 = w + len + 1;
    pos e2 = n2;
    while (e2 <= p->n && is_lower(s[e2 - 1])) e2++;
    pos l2 = e2 - n2;
    if (l2 == 0 || (e2 <= p->n && is_alpha(s[e2 - 1]))) return 0;
    if ((l2 == 3 && memcmp(s + n2 - 1, "and", 3) == 0) || (l2 == 2 && memcmp(s + n2 - 1, "of", 2) == 0) ||
        (l2 == 3 && memcmp(s + n2 - 1, "for", 3) == 0))
        return 0;
    return !in_set(p, DP_SBD_TERMINAL_FOLLOWERS, s + w - 1, (size_t)len);
}

/* An abbreviated word of a journal's title at w (wlen ASCII letters): a
 * capital, one to seven more letters, then a period ("Clin.", "Am."): 2 when
 * it is a general abbreviation (abbreviations.txt: Clin, Oncol, Med, Sci), 1
 * when it is not listed, 0 when it is no such word. */
static int journal_word(const para *p, pos w, pos wlen) {
    if (wlen < 2 || wlen > 8 || at(p, w + wlen) != '.' || !is_upper(at(p, w))) return 0;
    return listed_kind(p, p->s + w - 1, (size_t)wlen) == T_ABBR ? 2 : 1;
}

/* Does an abbreviated journal title go on at nw ("J. Clin. Oncol.", "N. Engl.
 * J. Med.", "J. Am. Chem. Soc.")? The word there is a listed abbreviation with
 * its period, or a short capitalised word with a period ("Am.") before one. */
static int journal_goes_on(const para *p, const nword *nw) {
    int k = journal_word(p, nw->w, nw->wlen);
    if (k != 1) return k == 2;
    if (nw->wlen > 4) return 0;
    pos q = nw->w + nw->wlen + 1;
    while (q <= p->n && at(p, q) == ' ') q++;
    pos e = q;
    while (e <= p->n && is_alpha(p->s[e - 1])) e++;
    return journal_word(p, q, e - q) == 2;
}

/* Is the token before the one at ts (skipping spaces) an initial or a listed
 * abbreviation with its period, capitalised ("J.", "Proc.")? */
static int after_journal_word(const para *p, pos ts) {
    pos i = ts - 1;
    while (i >= 1 && p->s[i - 1] == ' ') i--;
    if (i < 2 || i < p->cur || p->s[i - 1] != '.') return 0;
    pos pa = token_start(p, i);
    while (pa < i && (p->s[pa - 1] == '(' || p->s[pa - 1] == '[')) pa++;
    size_t len = (size_t)(i - pa);
    if (!len || !is_upper(p->s[pa - 1])) return 0;
    return len == 1 || listed_kind(p, p->s + pa - 1, len) == T_ABBR;
}

/* Decide a single period whose token is s[ts..a-1] (openers stripped); q is
 * the next non-space position after the stop and its closers, nl whether
 * the white space before q holds a line break. */
static int period_boundary(para *p, pos ts, pos a, pos q, int nl) {
    const unsigned char *s = p->s;
    const unsigned char *tok = s + ts - 1;
    size_t tlen = a > ts ? (size_t)(a - ts) : 0;
    tkind kind = token_kind(p, tok, tlen);
    nword nw = next_word(p, q);
    int cls = nw.cls;
    if (kind == T_REGULAR && nl) return 1;  /* a stop at a line end */
    if (nl && bullet_line(p, q)) return 1;   /* "- Harbor Ave.\n- Pell River Bridge" */
    if (cls == C_LOWER)
        return kind == T_REGULAR && nw.wlen >= 3 && nw.wlen <= 12 && camel_word(s + nw.w - 1, nw.wlen);
    if (kind == T_REGULAR) {
        /* a short word inside an abbreviated journal title: "J. Am. Chem. Soc." */
        if (tlen >= 2 && tlen <= 4 && is_upper(tok[0]) && cls == C_UPPER && at(p, nw.w + nw.wlen) == '.' &&
            journal_goes_on(p, &nw) && after_journal_word(p, ts))
            return 0;
        return 1;
    }
    if (kind == T_TITLE) return 0;
    if (kind == T_NUMERIC) {
        /* not before a number: a word ("said no."), or an initial ("Ramon P. Ortiz") */
        if (cls == C_DIGIT) return 0;
        if (!(tlen == 1 && is_upper(tok[0]))) return cls == C_UPPER;
        kind = T_INITIAL;
    }
    if (cls == C_DIGIT) return 0;
    if (nw.paren) return 0;
    if (kind == T_ABBR) {
        if (cls != C_UPPER) return 0;
        return starter(p, &nw) || (dotted_capitals(tok, tlen) && plural_subject(p, &nw));
    }
    if (kind == T_TERMINAL) {
        if (cls != C_UPPER) return 0;
        if (starter(p, &nw)) return 1;
        if (nw.wlen && in_set(p, DP_SBD_TERMINAL_FOLLOWERS, s + nw.w - 1, (size_t)nw.wlen)) return 0;
        return ends_name(p, ts);
    }
    if (kind == T_TIME) {
        if (cls != C_UPPER) return 0;
        if (starter(p, &nw)) return 1;
        if (nw.wlen && in_set(p, DP_SBD_TIME_FOLLOWERS, s + nw.w - 1, (size_t)nw.wlen)) return 0;
        if (fronted_time(p, ts)) return 0;
        return 1;
    }
    /* an initial: a single capital letter */
    if (cls != C_UPPER) return 0;
    if (is_upper(at(p, nw.q2)) && at(p, nw.q2 + 1) == '.') return 0;  /* another initial */
    if (at(p, nw.w + nw.wlen) == '.' && journal_goes_on(p, &nw)) return 0;  /* "J. Clin. Oncol." */
    if (sentence_initial(p, ts)) return 0;
    if (starter(p, &nw)) return 1;  /* "Plan B. The ..." */
    /* the word before (skipping spaces), without leading ( [ " ' ` */
    pos i = ts - 1;
    while (i >= 1 && is_sp(s[i - 1])) i--;
    if (i < p->cur || i < 1) return 0;
    pos pa = token_start(p, i);
    while (pa <= i && (s[pa - 1] == '(' || s[pa - 1] == '[' || s[pa - 1] == '"' ||
                       s[pa - 1] == '\'' || s[pa - 1] == '`'))
        pa++;
    if (pa > i) return 0;
    if (cclass(s + pa - 1, i - pa + 1, 1) == C_UPPER) return 0;  /* Jonas E. Smith */
    if (tlen == 1 && tok[0] == 'I') return 1;                     /* you and I. Did ... */
    pos la = i + 1;
    while (la > pa && is_alpha(s[la - 2])) la--;
    if (la > i) la = pa;  /* no final letters: the whole word */
    if (in_set(p, DP_SBD_INITIAL_PRECEDERS, s + la - 1, (size_t)(i - la + 1))) return 0;
    return 1;
}

/* The number of characters in s[a..b] (UTF-8 continuation bytes not counted;
 * 0 when b < a): line widths are in characters, as a wrap counts them. */
static pos chars_in(const unsigned char *s, pos a, pos b) {
    if (b < a) return 0;
    pos len = b - a + 1, cont = 0, k = 0;
    const unsigned char *t = s + a - 1;
    /* eight bytes at a time: a continuation byte has bit 7 set, bit 6 clear */
    for (; k + 8 <= len; k += 8) {
        uint64_t x;
        memcpy(&x, t + k, 8);
        cont += __builtin_popcountll(x & ~(x << 1) & 0x8080808080808080ULL);
    }
    for (; k < len; k++) cont += (t[k] & 0xC0) == 0x80;
    return len - cont;
}

/* The first CR or LF at or after i, or n + 1. */
static pos eol_from(const para *p, pos i) {
    if (i > p->n) return p->n + 1;
    const unsigned char *e = memchr(p->s + i - 1, '\n', (size_t)(p->n - i + 1));
    pos lim = e ? (pos)(e - p->s) + 1 : p->n + 1;
    const unsigned char *r = lim > i ? memchr(p->s + i - 1, '\r', (size_t)(lim - i)) : NULL;
    return r ? (pos)(r - p->s) + 1 : lim;
}

/* The longest line of the paragraph in characters (lines split at each CR or LF). */
static pos wrap_width(para *p) {
    if (p->wrap_width < 0) {
        pos best = 0;
        for (pos start = 1; start <= p->n + 1;) {
            pos i = eol_from(p, start);
            /* bytes bound characters: count only a line that may be the longest */
            if (i - start > best) {
                pos c = chars_in(p->s, start, i - 1);
                if (c > best) best = c;
            }
            start = i + 1;
        }
        p->wrap_width = best;
    }
    return p->wrap_width;
}

/* Is the paragraph ragged: do lines that end without . ! ? (not the last
 * line) end short, with room for the next line's first word? Then the line
 * breaks were put by hand (headlines, lists), not by wrapping. One such line
 * in ten full ones is allowed: a long wrapped paragraph may hold a short line
 * (a double space in the source, a hand break). Also counts the full lines. */
static int ragged(para *p, pos width) {
    if (p->ragged < 0) {
        const unsigned char *s = p->s;
        int short_lines = 0;
        pos start = 1;
        for (pos i = 1; i <= p->n; i++) {
            i = eol_from(p, i);
            if (i > p->n) break;
            pos j = i - 1;
            while (j >= start && is_sp(s[j - 1])) j--;
            pos q = find_nonspace(p, i);
            if (q && j >= start) {
                pos we = q;
                while (we <= p->n && !is_sp(s[we - 1])) we++;
                pos lb = (j - start + 1) + 1 + (we - q);  /* in bytes: no fewer than characters */
                if (lb > width && chars_in(s, start, j) + 1 + chars_in(s, q, we - 1) > width) p->full_lines++;
                else if (!line_ends_with_stop(p, j, 0)) short_lines++;
            }
            if (!q) break;
            /* the next line starts after this line break */
            pos k = i;
            while (k + 1 <= p->n && (s[k] == '\n' || s[k] == '\r')) k++;
            start = k + 1;
            i = k;
        }
        p->ragged = short_lines * 10 > p->full_lines;
    }
    return p->ragged;
}

/* With only one full line (a long line and the next): does the line ending
 * at i end in a name that runs on to the next line ("taken to Carrow\nGeneral
 * Hospital")? Its last word is capitalised or a number, and the line is no
 * title-case headline (no lowercase word of 4+ letters). Otherwise the long
 * line is a headline ("... Approves Rate Increase for Summer\nThe board").
 * Asked only when the next line starts with a capital letter. */
static int name_runs_on(para *p, pos i) {
    const unsigned char *s = p->s;
    pos ls = i;
    while (ls >= 1 && s[ls - 1] != '\n' && s[ls - 1] != '\r') ls--;
    pos ws = i;
    while (ws > ls + 1 && !is_sp(s[ws - 2])) ws--;
    if (!is_upper(s[ws - 1]) && !is_digit(s[ws - 1])) return 0;
    for (pos k = ls + 1; k <= i; k++) {
        if (k > ls + 1 && !is_sp(s[k - 2])) continue;
        if (!is_lower(s[k - 1])) continue;
        pos e = k;
        while (e <= i && is_alpha(s[e - 1])) e++;
        if (e - k >= 4) return 1;
    }
    return 0;
}

/* Was the line ending at i (next line at q) wrapped by a fixed width? True
 * when the next line's first word would not have fitted on it, in a
 * paragraph that is not ragged and whose lines show a width: its longest line
 * has 50+ characters, or (narrow columns: 40, 30) at least two lines before
 * the last are full, as a wrap leaves them (one full line is no evidence: the
 * longest line always is). */
static int wrapped(para *p, pos i, pos q) {
    pos width = wrap_width(p);
    if (width < 20 || ragged(p, width)) return 0;
    if (p->full_lines < 2 && (width < 50 || (is_upper(p->s[q - 1]) && !name_runs_on(p, i)))) return 0;
    pos ls = i;
    while (ls >= 1 && p->s[ls - 1] != '\n' && p->s[ls - 1] != '\r') ls--;
    pos we = q;
    while (we + 1 <= p->n && !is_sp(p->s[we])) we++;
    if ((i - ls) + 1 + (we - q + 1) <= width) return 0;  /* bytes bound characters */
    return chars_in(p->s, ls + 1, i) + 1 + chars_in(p->s, q, we) > width;
}

/* End of the last line of the paragraph that ends with . ! ? : or ; (0: none). */
static pos last_stop_line(para *p) {
    if (p->last_stop_line < 0) {
        p->last_stop_line = 0;
        pos start = 1;
        for (pos i = 1; i <= p->n + 1; i++) {
            if (i > p->n || p->s[i - 1] == '\n' || p->s[i - 1] == '\r') {
                pos j = i - 1;
                while (j >= start && is_sp(p->s[j - 1])) j--;
                if (j >= start && line_ends_with_stop(p, j, 1)) p->last_stop_line = j;
                start = i + 1;
            }
        }
    }
    return p->last_stop_line;
}

static void add_break(para *p, pos e) {
    push_pos(p->w, &p->w->breaks, e);
    p->cur = e + 1;
}

/* A line break at a inside the paragraph; returns where the scan goes on. */
static pos line_break(para *p, pos a) {
    const unsigned char *s = p->s;
    pos q = find_nonspace(p, a);
    pos i = a - 1;
    while (i >= 1 && is_sp(s[i - 1])) i--;
    if (q && i >= p->cur && !line_ends_with_stop(p, i, 0)) {
        int cls = cclass(s, p->n, q);
        int quote, paren;
        if (skip_openers(p, q, &quote, &paren) > q) cls = C_OTHER;
        int bullet = bullet_at(p, q) || ((s[q - 1] == '-' || s[q - 1] == '*') && is_sp(at(p, q + 1)));
        int lastb = at(p, i);
        pos j = i;
        while (j >= 1 && j > i - 32 && is_alpha(s[j - 1])) j--;
        /* a line that ends in a function word or a verb of attribution
         * ("... three times," said / Keane.) is no headline */
        int dash = i >= 3 && s[i - 3] == 0xE2 && s[i - 2] == 0x80 && (lastb == 0x93 || lastb == 0x94);
        int continued = lastb == ',' || lastb == ';' || lastb == '-' || lastb == '&' ||
                        lastb == '(' || lastb == '/' || dash ||
                        (j < i && (in_set(p, DP_SBD_LINE_CONTINUATIONS, s + j, (size_t)(i - j)) ||
                                   in_set(p, DP_SBD_ATTRIBUTION_VERBS, s + j, (size_t)(i - j))));
        if (bullet) {
            add_break(p, i);
        } else if (continued || wrapped(p, i, q)) {
            /* a wrapped line */
        } else if (cls == C_LOWER) {
            if (last_stop_line(p) < a) add_break(p, i);
        } else {
            add_break(p, i);
        }
    }
    return q ? q : p->n + 1;
}

/* Skip leading ( [ " ' ` (and { when brace) of s[ts..a-1]. */
static pos strip_openers(const para *p, pos ts, pos a, int brace) {
    while (ts < a) {
        int b = p->s[ts - 1];
        if (b == '(' || b == '[' || b == '"' || b == '\'' || b == '`' || (brace && b == '{')) ts++;
        else break;
    }
    return ts;
}

/* A preposition of place or time at q, such as follows a verb of attribution
 * ("Ruiz shouted from the steps", "Ruiz said on Tuesday"). */
static int place_word(const para *p, pos q) {
    static const char *const words[] = { "from", "on", "in", "at", "to", "after", "outside",
                                         "during", "as", "with", "into", "across", NULL };
    if (!q) return 0;
    pos e = q;
    while (e <= p->n && is_lower(p->s[e - 1])) e++;
    if (e <= p->n && !is_sp(p->s[e - 1])) return 0;
    for (int k = 0; words[k]; k++) {
        size_t l = strlen(words[k]);
        if ((size_t)(e - q) == l && memcmp(p->s + q - 1, words[k], l) == 0) return 1;
    }
    return 0;
}

/* Does an attribution start at q ("Ruiz said.", "Rep. Ada Mills asked,"): one
 * to four capitalised words, the first no sentence starter but maybe "I",
 * then a verb of sentences_attribution_verbs.txt ended by punctuation? */
static int attribution(const para *p, pos q) {
    const unsigned char *s = p->s;
    pos i = q;
    for (int k = 0; k < 5 && i; k++) {
        pos e = i;
        while (e <= p->n && !is_sp(s[e - 1])) e++;
        int c = cclass(s, p->n, i);
        if (c == C_LOWER) {
            pos we = i;
            while (we < e && is_alpha(s[we - 1])) we++;
            int punct = we < e && (s[we - 1] == '.' || s[we - 1] == ',' || s[we - 1] == ';' ||
                                   s[we - 1] == ':' || s[we - 1] == '!' || s[we - 1] == '?');
            if (k == 0 || !in_set(p, DP_SBD_ATTRIBUTION_VERBS, s + i - 1, (size_t)(we - i))) return 0;
            return punct || (we == e && place_word(p, find_nonspace(p, e)));
        }
        if (c != C_UPPER) return 0;
        /* the subject is a name or "I", not a starter ("Nobody answered.") */
        if (k == 0 && !(e == i + 1 && s[i - 1] == 'I')) {
            pos we = i;
            while (we < e && is_alpha(s[we - 1])) we++;
            if (we > i && in_set(p, DP_SBD_STARTERS, s + i - 1, (size_t)(we - i))) return 0;
        }
        i = find_nonspace(p, e);
    }
    return 0;
}

/* Reference numbers right after the stop at a: 1-3 digits, maybe more
 * groups after spaces ("11 12"), then a space and a capitalised word. The
 * last digit, or 0. */
static pos footnote_end(const para *p, pos a) {
    pos z = a;
    int nd = 0;
    while (is_digit(at(p, z + 1)) && nd < 4) { z++; nd++; }
    if (nd > 3) return 0;
    for (;;) {
        pos k = z + 1;
        int m = 0;
        if (at(p, k) != ' ') break;
        while (is_digit(at(p, k + 1)) && m < 4) { k++; m++; }
        if (m < 1 || m > 3 || at(p, k + 1) != ' ') break;
        z = k;
    }
    if (at(p, z + 1) == ' ' && is_upper(at(p, z + 2)) && is_lower(at(p, z + 3))) return z;
    return 0;
}

/* A run of stops starting at a; returns where the scan goes on. */
static pos stop_run(para *p, pos a) {
    const unsigned char *s = p->s;
    pos n = p->n;
    int b = s[a - 1];
    pos e = a;
    int dots = 0, excl = 0, chars = 0;
    while (e <= n) {
        int c = s[e - 1];
        if (c == '.') { dots++; e++; }
        else if (c == '!' || c == '?') { excl = 1; e++; }
        else if (c >= 224) {
            int t = mb_stop_at(p, e);
            if (!t) break;
            if (t == ST_ELL) dots += 3;
            else if (t == ST_EXCL) excl = 1;
            else dots++;
            e += 3;
        } else {
            break;
        }
        chars++;
    }
    pos re = e - 1;
    pos ts = token_before(p, a);
    int attached = a > 1 && !is_sp(s[a - 2]);
    /* spaced ellipsis ". . ." */
    int spaced = 1;
    if (!excl && chars == 1 && b == '.') {
        pos k = re;
        while (at(p, k + 1) == ' ' && at(p, k + 2) == '.') { k += 2; spaced++; }
        if (spaced >= 3) re = k;
    }
    pos ce = skip_closers(p, re);
    /* reference marks after the stop belong to the sentence: "martyr.[1][2] The" */
    for (;;) {
        if (at(p, ce + 1) != '[' || !is_digit(at(p, ce + 2))) break;
        pos z = ce + 2;
        while (is_digit(at(p, z + 1))) z++;
        if (at(p, z + 1) != ']') break;
        ce = z + 1;
    }
    int after = at(p, ce + 1);
    pos q = 0;
    int nl = 0;
    int usp = after >= 128 ? uspace_len(s, n, ce + 1) : 0;  /* "stop.\u00A0Next" */
    if (usp) after = ' ';
    if (after >= 0 && is_sp(after)) {
        q = find_nonspace(p, ce + 1 + usp);
        if (q) {
            for (pos k = ce + 1; k < q; k++)
                if (s[k - 1] == '\n' || s[k - 1] == '\r') { nl = 1; break; }
        }
    }
    int brk = 0;
    pos break_at = ce;
    if (after < 0 || (is_sp(after) && !q)) {
        brk = 1;  /* end of paragraph */
    } else if (!is_sp(after)) {
        /* no space after the stop: "world.Today", else no boundary */
        if (b >= 128 && !excl && chars == 1 && dots == 1) {
            int cls = cclass(s, n, ce + 1);  /* full-width stop in running text */
            brk = cls != C_LOWER && cls != C_DIGIT;
        } else if (b == '.' && chars == 1 && ce == re && spaced < 3 && a > 1 &&
                   (is_lower(s[a - 2]) || is_digit(s[a - 2])) && is_upper(at(p, a + 1)) &&
                   is_lower(at(p, a + 2))) {
            /* the whole token (up to MAX_TOKEN bytes past the stop) */
            pos lim = a + MAX_TOKEN < n ? a + MAX_TOKEN : n;
            pos we = ts;
            while (we <= lim && !is_sp(s[we - 1])) we++;
            int url = 0;
            for (pos k = ts; k < we && !url; k++) {
                if (s[k - 1] == '@') url = 1;
                else if (s[k - 1] == ':' && k + 2 < we && s[k] == '/' && s[k + 1] == '/') url = 1;
            }
            if (we - ts >= 4 && lc(s[ts - 1]) == 'w' && lc(s[ts]) == 'w' && lc(s[ts + 1]) == 'w' &&
                s[ts + 2] == '.')
                url = 1;
            pos bts = strip_openers(p, ts, a, 0);
            if (!url && token_kind(p, s + bts - 1, (size_t)(a - bts)) == T_REGULAR) brk = 1;
        } else if (b == '.' && chars == 1 && ce == re && a > 2 && is_digit(after) &&
                   ((is_lower(s[a - 2]) && is_lower(s[a - 3])) || s[a - 2] == ')')) {
            /* reference numbers after the stop: "a consultation.11 12 Take ...",
             * "(type 2).10 This ..." */
            pos z = footnote_end(p, a);
            pos bts = strip_openers(p, ts, a, 0);
            if (z && token_kind(p, s + bts - 1, (size_t)(a - bts)) == T_REGULAR) {
                brk = 1;
                break_at = z;
            }
        }
    } else if (spaced >= 3) {
        int cls = next_word(p, q).cls;
        if (attached && spaced >= 4) {
            if (cls == C_UPPER) { brk = 1; break_at = a; }
        } else if (!attached && spaced >= 4) {
            brk = cls != C_LOWER;
        } else if (attached) {
            brk = cls == C_UPPER;
        } else if (ce > re && cls == C_UPPER) {
            /* closed by a quote or bracket: "... know . . .” The coach left" */
            brk = nl || !attribution(p, q);
        }
    } else if (excl) {
        nword nw = next_word(p, q);
        int nq = s[q - 1];
        if (nw.cls == C_LOWER || nq == '.' || nq == '!' || nq == '?') {
            brk = 0;  /* a lowercase word or another stop follows ("! ! !") */
        } else if (nl && !wrapped(p, ce, q)) {
            brk = 1;
        } else if (nw.paren || inside_quote(p, ce)) {
            brk = 0;
        } else if (ce > re && nw.cls == C_UPPER && attribution(p, q)) {
            brk = 0;  /* "Why now?" Ruiz said. */
        } else {
            pos bts = strip_openers(p, ts, a, 0);
            if (in_set(p, DP_SBD_EXCLAMATION_NAMES, s + bts - 1, (size_t)(a - bts))) {
                brk = nw.cls == C_UPPER && starter(p, &nw);
            } else if (nw.cls == C_OTHER) {
                /* a dash between the mark and the capitalised word */
                pos de = q;
                while (de <= n && !is_sp(s[de - 1])) de++;
                pos dlen = de - q;
                int dash = 0;
                if (de <= n) {
                    const unsigned char *t = s + q - 1;
                    dash = (dlen == 1 && t[0] == '-') || (dlen == 2 && t[0] == '-' && t[1] == '-') ||
                           (dlen == 3 && t[0] == 0xE2 && t[1] == 0x80 && (t[2] == 0x93 || t[2] == 0x94));
                }
                if (dash) {
                    pos q3 = find_nonspace(p, q + dlen);
                    brk = q3 && cclass(s, n, q3) == C_UPPER;
                } else {
                    brk = 1;
                }
            } else {
                brk = 1;
            }
        }
    } else if (dots >= 2) {
        /* unspaced ellipsis "..." or U+2026 */
        int pb = at(p, a - 1);
        if (pb == '[' || pb == '(') brk = 0;
        else brk = next_word(p, q).cls == C_UPPER &&
                   /* "I just don't know..." Kessler said. */
                   !(!nl && ce > re && attribution(p, q));
    } else {
        /* a single period (or full-width stop) */
        pos bts = strip_openers(p, ts, a, 1);
        if (a - bts >= 3 && s[bts - 1] == 0xE2 && s[bts] == 0x80 && (s[bts + 1] == 0x9C || s[bts + 1] == 0x98))
            bts += 3;  /* one opening curly quote */
        brk = period_boundary(p, bts, a, q, nl);
    }
    if (brk) add_break(p, break_at);
    if (brk && break_at != ce) return break_at + 1;
    if (q) return q;
    return ce + 1;
}

/* Split one paragraph s[0..n) (trimmed); w->breaks gets the sentence end
 * positions (1-based inclusive, ascending, possibly repeated). */
static void split_paragraph(const dp_sbd *d, work *w, const unsigned char *s, pos n) {
    para P;
    memset(&P, 0, sizeof P);
    para *p = &P;
    p->d = d;
    p->w = w;
    p->s = s;
    p->n = n;
    p->cur = 1;
    p->last_close = p->last_stop_line = p->wrap_width = -1;
    p->ragged = -1;
    p->full_lines = 0;
    p->nextq = -1;  /* looked for on the first question */
    p->first_ns_cur = p->words_cur = -1;
    list_markers(p);
    if (w->oom) return;
    /* forced breaks, then the ones found by the scan (both ascending): merged below */
    w->breaks.n = 0;
    const pos *forced = w->forced.p;
    size_t nforced = w->forced.n, fi = 0;
    const pos *suppress = w->suppress.p;
    size_t nsup = w->suppress.n, si = 0;
    pos next = 1;
    while (next <= n) {
        pos a = (pos)scan_cand(s, (size_t)next - 1, (size_t)n) + 1;
        if (a > n) break;
        int b = s[a - 1];
        while (fi < nforced && forced[fi] <= a) {
            if (forced[fi] > p->cur) p->cur = forced[fi];
            fi++;
        }
        while (si < nsup && suppress[si] < a) si++;
        if (b == '\n' || b == '\r') {
            next = line_break(p, a);
        } else if (b >= 128 && !mb_stop_at(p, a)) {
            next = a + 1;
        } else if (si < nsup && suppress[si] == a) {
            next = a + 1;
        } else {
            next = stop_run(p, a);
        }
        if (w->oom) return;
    }
}

/* ---- the whole text -------------------------------------------------------- */

/* Store a sentence span if there is room; count it either way. */
static void emit(dp_span *out, size_t cap, size_t *count, size_t start, size_t end) {
    if (*count < cap) {
        out[*count].start = start;
        out[*count].end = end;
    }
    (*count)++;
}

dp_sbd_work *dp_sbd_work_new(void) { return calloc(1, sizeof(work)); }

int dp_sbd_work_had_break(const dp_sbd_work *w) { return w->had_break; }

void dp_sbd_work_free(dp_sbd_work *w) {
    if (!w) return;
    free(w->forced.p);
    free(w->suppress.p);
    free(w->breaks.p);
    free(w->cands.p);
    free(w);
}

size_t dp_sbd_split(const dp_sbd *sbd, const char *text, size_t n, dp_span *out, size_t cap) {
    work *w = dp_sbd_work_new();
    if (!w) return (size_t)-1;
    size_t count = dp_sbd_split_in(sbd, w, text, n, out, cap);
    dp_sbd_work_free(w);
    return count;
}

size_t dp_sbd_split_in(const dp_sbd *sbd, dp_sbd_work *w, const char *text, size_t n,
                       dp_span *out, size_t cap) {
    const unsigned char *t = (const unsigned char *)text;
    if (w->oom) {  /* a call cut short may have left list marks behind */
        memset(w->seen, 0, sizeof w->seen);
        w->oom = 0;
    }
    size_t count = 0;
    int has_cr = n && memchr(t, '\r', n) != NULL;
    w->had_break = has_cr;  /* and with the first LF found below */
    size_t i = 0;  /* 0-based from here on */
    while (i < n) {
        /* the paragraph starts at the first non-space byte */
        while (i < n && is_sp(t[i])) i++;
        if (i >= n) break;
        size_t ps = i, stop = n, next = n;
        int stopped = 0;
        for (size_t k = ps; k < n; k++) {
            if (!has_cr) {
                const unsigned char *nl = memchr(t + k, '\n', n - k);
                if (!nl) break;
                w->had_break = 1;
                k = (size_t)(nl - t);
            } else if (t[k] != '\n' && t[k] != '\r') {
                continue;
            }
            size_t b = k;
            if (t[k] == '\r' && k + 1 < n && t[k + 1] == '\n') b = k + 1;
            size_t dd = b + 1;
            while (dd < n && (t[dd] == ' ' || t[dd] == '\t' || t[dd] == '\f' || t[dd] == '\v')) dd++;
            if (dd >= n || t[dd] == '\n' || t[dd] == '\r') {
                stop = k;
                next = dd;
                stopped = 1;
                break;
            }
            k = b;
        }
        size_t pe = stop;  /* exclusive */
        while (pe > ps && is_sp(t[pe - 1])) pe--;
        if (pe > ps) {
            const unsigned char *s = t + ps;
            pos pn = (pos)(pe - ps);
            split_paragraph(sbd, w, s, pn);
            if (w->oom) break;
            /* merge the forced item starts (as ends before them) and the breaks */
            const pos *f = w->forced.p, *bk = w->breaks.p;
            size_t nf = w->forced.n, nb = w->breaks.n, fi = 0, bi = 0;
            pos from = 1, last = 0;
            for (;;) {
                pos e;
                if (fi < nf && (bi >= nb || f[fi] - 1 <= bk[bi])) e = f[fi++] - 1;
                else if (bi < nb) e = bk[bi++];
                else if (last < pn) e = pn;
                else break;
                if (e <= last || e < from) continue;
                pos a = from;
                while (a <= pn && is_sp(s[a - 1])) a++;
                for (int k; a <= pn && s[a - 1] >= 0xC2 && (k = uspace_len(s, pn, a)) > 0;) {
                    a += k;  /* Unicode spaces */
                    while (a <= pn && is_sp(s[a - 1])) a++;
                }
                pos z = e;
                while (z >= from && is_sp(s[z - 1])) z--;
                for (int k; z >= from && s[z - 1] >= 0x80 && (k = uspace_end(s, pn, z)) > 0;) {
                    z -= k;
                    while (z >= from && is_sp(s[z - 1])) z--;
                }
                if (a <= pn && a <= z && has_visible(s, pn, a, z))
                    emit(out, cap, &count, ps + (size_t)a - 1, ps + (size_t)z);
                from = e + 1;
                last = e;
                if (e >= pn) break;
            }
        }
        if (!stopped) break;
        i = next;
    }
    return w->oom ? (size_t)-1 : count;
}
