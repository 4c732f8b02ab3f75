/*
 * dp_sbd.h: rule-based sentence boundary detection (plain C, no Lua).
 *
 * A detector (dp_sbd) holds the word lists the rules consult; it is built
 * once from data files (scripts/data/<language>/abbreviations*.txt,
 * sentence_starters.txt, sentences_*.txt: the `sentences` stage loads
 * them) and is read-only afterwards, so one detector can split any number
 * of texts, from several threads at once. dp_sbd_split() splits a whole
 * text: first into paragraphs (blocks between blank lines; a line of
 * spaces and tabs counts as blank), then each paragraph into sentences; no
 * sentence runs over a paragraph break. Every sentence comes back as a
 * span trimmed of white space.
 *
 * Method: in the spirit of the Pragmatic Segmenter (Kevin Dias,
 * diasks2/pragmatic_segmenter, and its English "Golden Rules"), written
 * afresh; it is the C form of the rules first written in Lua for the
 * `sentences` stage, with the same results. Candidate boundaries are the
 * runs of . ! ? ... and full-width stops (with the closing quotes,
 * brackets and reference marks such as [1] after them) and the line breaks
 * inside a paragraph; each is decided from the token before it and the
 * word after it with the word lists: abbreviations end a sentence only
 * before a listed sentence starter, terminal ones (Inc., Jr., "Main St.",
 * "Tulsa, Okla.") before any capitalised word that does not continue the
 * name, titles never before a name, numeric abbreviations only count
 * before a number, a.m./p.m. end one before a
 * capitalised word unless it is a day, month or zone or the time closes a
 * short opening phrase; single capitals are initials after a capitalised
 * word; ! and ? do not end a sentence inside an open quotation or bracket
 * nor before an attribution ("Why?" Ruiz said.);
 * list markers and bullets start sentences; a line break ends a headline
 * or list line unless the paragraph is hard-wrapped (judged from its own
 * line lengths, in characters). dp_sbd.c describes
 * every rule. The scan is linear in the text; the token before a stop is
 * looked at by its last 256 bytes at most.
 *
 * Units: 0-based byte offsets into the text given; a dp_span is
 * [start, end), end exclusive. Text is UTF-8 (invalid bytes are tolerated
 * and count as "other" characters); letters beyond ASCII are classed
 * upper/lower case for Latin-1, Latin Extended-A, Greek and Cyrillic.
 *
 * Ownership: dp_sbd_new() returns a detector the caller frees with
 * dp_sbd_free(); dp_sbd_add_word() copies the word. dp_sbd_split() writes
 * into the caller's array and allocates only scratch memory it frees
 * before returning; dp_sbd_split_in() takes scratch memory the caller keeps
 * (dp_sbd_work_new/free) instead.
 */
#ifndef DP_SBD_H
#define DP_SBD_H

#include "dp_text.h"

#include <stddef.h>

/* The word lists. The first six (up to TERMINAL) match a token as
 * written, capitalised and in capitals, and drop one final period from the
 * word given ("Gov." and "gov" both add gov, Gov, GOV); the others match
 * without regard to ASCII case. */
typedef enum dp_sbd_list {
    DP_SBD_ABBREVIATIONS,      /* general: end a sentence only before a sentence starter */
    DP_SBD_TITLES,             /* Mr, Gov, Sen: never end one before a name */
    DP_SBD_NUMERIC,            /* No, p, Fig: abbreviations only before a number */
    DP_SBD_TIME,               /* a.m, p.m */
    DP_SBD_EXCLAMATION_NAMES,  /* Yahoo: a ! that is part of a name */
    DP_SBD_TERMINAL,           /* Inc, Jr, etc, St, Calif: end a name, so often a sentence */
    DP_SBD_STARTERS,           /* capitalised words that start a sentence after an abbreviation */
    DP_SBD_TIME_FOLLOWERS,     /* days, months, zones: a time does not end before them */
    DP_SBD_TIME_OPENERS,       /* "at", "by": a time in a short opening phrase */
    DP_SBD_LINE_CONTINUATIONS, /* a line ending in one of these runs on (and, of, the) */
    DP_SBD_INITIAL_PRECEDERS,  /* "by J. Smith": a capital after these is an initial */
    DP_SBD_TERMINAL_FOLLOWERS, /* "Inc. Chief Executive": capitalised words that continue */
    DP_SBD_ATTRIBUTION_VERBS,  /* "Why?" Ruiz said.: verbs of an attribution after a quote */
    DP_SBD_NLISTS
} dp_sbd_list;

typedef struct dp_sbd dp_sbd;

/* A new detector with empty lists, or NULL when memory runs out. */
dp_sbd *dp_sbd_new(void);

/* Free a detector (NULL is fine). */
void dp_sbd_free(dp_sbd *sbd);

/* Add w[0..len) to a list (with its case variants, see dp_sbd_list).
 * Returns 0, or -1 when list is no list or memory runs out. Adding a word
 * twice is harmless. */
int dp_sbd_add_word(dp_sbd *sbd, dp_sbd_list list, const char *w, size_t len);

/* The list named name ("abbreviations", "titles", "numeric", "time",
 * "exclamation_names", "terminal", "starters", "time_followers",
 * "time_openers", "line_continuations", "initial_preceders",
 * "terminal_followers", "attribution_verbs"), or -1. */
int dp_sbd_list_by_name(const char *name);

/* Split text[0..n) into sentences. Stores the first min(count, cap) spans
 * in out (in text order, each trimmed, non-empty and within [0, n), none
 * overlapping) and returns count, the number of sentences, which may be
 * larger than cap (call again with a larger array); returns (size_t)-1 when
 * memory runs out. out may be NULL when cap is 0. */
size_t dp_sbd_split(const dp_sbd *sbd, const char *text, size_t n, dp_span *out, size_t cap);

/* Scratch memory for dp_sbd_split_in(), kept from text to text so that
 * splitting allocates nothing once it has grown. One per thread: a work
 * area is not shared between calls running at the same time. */
typedef struct dp_sbd_work dp_sbd_work;
dp_sbd_work *dp_sbd_work_new(void);  /* NULL when memory runs out */
void dp_sbd_work_free(dp_sbd_work *w);

/* dp_sbd_split() with the caller's scratch memory w. */
size_t dp_sbd_split_in(const dp_sbd *sbd, dp_sbd_work *w, const char *text, size_t n,
                       dp_span *out, size_t cap);

/* After dp_sbd_split_in(sbd, w, text, n, ...): 0 when no sentence span
 * holds a CR or LF byte (the text has none after its leading white
 * space), 1 when one may. */
int dp_sbd_work_had_break(const dp_sbd_work *w);

#endif
