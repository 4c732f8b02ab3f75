/*
 * lua_tokens.c: docpipe.text.tokens, the quotes stage's tokenizer binding. The
 * tokens come from dp_tokens.c; this file builds one Lua table per token and,
 * when the options ask for them, the lists the stage would otherwise gather in
 * extra passes over the tokens (sentence numbers, words of given sets, capitalised
 * words, quote marks, token ranges of byte ranges). Split from lua_text.c so that
 * the plain text bindings stay small.
 */
#include "lua_text.h"
#include "lua_sbd.h"
#include "dp_sbd.h"
#include "dp_tokens.h"
#include "dp_utf8.h"

#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

/* An initial or initialism as the quotes tokenizer keeps its point: one
 * ASCII capital ("J"), or capitals joined by points ("U.S", "G.K"). */
static int initialism(const char *t, size_t n) {
    if (n == 0 || t[0] < 'A' || t[0] > 'Z') return 0;
    if (n == 1) return 1;
    if (n < 3 || t[1] != '.' || t[2] < 'A' || t[2] > 'Z') return 0;
    for (size_t i = 3; i < n; i++)
        if (t[i] != '.' && (t[i] < 'A' || t[i] > 'Z')) return 0;
    return 1;
}

/* A quote-mark class from a map char -> {fam, side} at index map (0: none):
 * pushes fam and side and returns 1 when t[0..len) is a key, else pushes
 * nothing and returns 0. */
static int quote_class(lua_State *L, int map, const char *t, size_t len) {
    if (!map) return 0;
    lua_pushlstring(L, t, len);
    if (lua_rawget(L, map) != LUA_TTABLE) { lua_pop(L, 1); return 0; }
    lua_getfield(L, -1, "fam");
    lua_getfield(L, -2, "side");
    lua_remove(L, -3);
    return 1;
}

/* The first bytes of the string keys of the map at index map (0: none) as
 * flags in first[256], so that a punctuation token whose first byte starts no
 * key is known to be no quote mark without a string made and looked up
 * (quote_class costs a string and two table reads; most punctuation tokens
 * are commas and full stops). */
static void key_first_bytes(lua_State *L, int map, unsigned char first[256]) {
    memset(first, 0, 256);
    if (!map) return;
    lua_pushnil(L);
    while (lua_next(L, map)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING) {   /* (lua_tolstring on a number key would
                                                   change it under lua_next) */
            size_t kl;
            const char *k = lua_tolstring(L, -1, &kl);
            if (kl > 0) first[(unsigned char)k[0]] = 1;
        }
    }
}

/* The 1-based paragraph index of a token starting at 1-based byte s: the
 * first paragraph (from *pi on) whose end is at or after s; past the last
 * one, the count of paragraphs + 1. *pe caches that paragraph's end. */
static lua_Integer para_of(lua_State *L, int paras, lua_Integer *pi, lua_Integer *pe,
                           lua_Integer s) {
    while (*pe >= 0 && *pe < s) {
        ++*pi;
        *pe = -1;
        if (lua_rawgeti(L, paras, *pi) == LUA_TTABLE) {
            lua_getfield(L, -1, "e");
            *pe = lua_tointeger(L, -1);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    return *pi;
}

/* The field names of a token, pushed once per call (lua_rawset with these
 * skips the lookup of a C string that lua_setfield does per field). */
enum { K_S, K_E, K_T, K_K, K_LOW, K_CAP, K_WS, K_PARA, K_SENT, K_FAM, K_SIDE, K_BASE,
       K_POSS, K_BASE_LOW, K_W, K_P, K_Q, K_N };
static const char *const token_keys[K_N] = { "s", "e", "t", "k", "low", "cap", "ws", "para",
                                             "sent", "fam", "side", "base_", "poss_",
                                             "base_low", "w", "p", "q" };

/* tok[key] = the value at index v (both absolute stack indexes) */
static void set_at(lua_State *L, int tok, int key, int v) {
    lua_pushvalue(L, key);
    lua_pushvalue(L, v);
    lua_rawset(L, tok);
}

static void set_int(lua_State *L, int tok, int key, lua_Integer v) {
    lua_pushvalue(L, key);
    lua_pushinteger(L, v);
    lua_rawset(L, tok);
}

static void set_nil(lua_State *L, int tok, int key) {
    lua_pushvalue(L, key);
    lua_pushnil(L);
    lua_rawset(L, tok);
}

static void set_bool(lua_State *L, int tok, int key, int v) {
    lua_pushvalue(L, key);
    lua_pushboolean(L, v);
    lua_rawset(L, tok);
}

/* The base of a capitalised word (opts.bases) as docpipe.quotes.text.base and
 * lower_base give it: base_, the text t[0..len) without a final 's or ’s; poss_,
 * whether it had one; base_low, base_ in ASCII lower case with ’ as ' (low, the
 * token's, at index low, is that of all of t without the kept point; t's string
 * is at low + 1). */
static void set_base(lua_State *L, int tok, int K, int low, const char *t, size_t len,
                     int point) {
    size_t cut = 0, lowlen;
    const char *ls = lua_tolstring(L, low, &lowlen);
    if (!point && len >= 2 && (t[len - 1] == 's' || t[len - 1] == 'S')) {
        if (t[len - 2] == '\'') {
            cut = 2;
        } else if (len >= 4 && (unsigned char)t[len - 2] == 0x99 &&
                   (unsigned char)t[len - 3] == 0x80 && (unsigned char)t[len - 4] == 0xE2) {
            cut = 4;
        }
    }
    if (cut && lowlen >= 2) {
        lua_pushlstring(L, t, len - cut);
        set_at(L, tok, K + K_BASE, lua_gettop(L));
        lua_pushlstring(L, ls, lowlen - 2);   /* "'s" ends low */
        set_at(L, tok, K + K_BASE_LOW, lua_gettop(L));
        lua_pop(L, 2);
        set_bool(L, tok, K + K_POSS, 1);
        return;
    }
    set_at(L, tok, K + K_BASE, low + 1);
    set_bool(L, tok, K + K_POSS, 0);
    if (point) {
        lua_pushvalue(L, low);
        lua_pushliteral(L, ".");
        lua_concat(L, 2);
        set_at(L, tok, K + K_BASE_LOW, lua_gettop(L));
        lua_pop(L, 1);
    } else {
        set_at(L, tok, K + K_BASE_LOW, low);
    }
}

/* Sentence numbers as the quotes stage counts them (opts.sentences), one token at
 * a time: a paragraph break starts a sentence; so does ". ! ? …" followed, after
 * any closing quote marks written against it, by white space and a capital, a
 * quote mark or a digit in the same paragraph, unless the point follows a word of
 * the abbreviation set (keys: low forms) or a one-letter capital without a space
 * between. The closing marks keep the sentence of their terminator. */
typedef struct {
    int abbrs, first, starts;   /* stack indexes: set; found.sent_first, found.starts */
    lua_Integer sent, last_sent, prev_para, run_sent, term_para, nstarts;
    int have_prev, pending, term_abbr, prev_semi;
    int prev_kind, prev_cap;    /* the token before: K_W/K_P/K_Q, capitalised */
    size_t prev_len;            /* its text's length in bytes */
} dp_sentence_state;

/* Does the word token at index i of list have its low in the set at index set? */
static int low_in(lua_State *L, int list, int key_low, lua_Integer i, int set) {
    int in = 0;
    if (lua_rawgeti(L, list, i) == LUA_TTABLE) {
        lua_pushvalue(L, key_low);
        if (lua_rawget(L, -2) == LUA_TSTRING) {
            in = lua_rawget(L, set) != LUA_TNIL && lua_toboolean(L, -1);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return in;
}

/* The sentence number of the token (kind K_W/K_P/K_Q, text t of len bytes,
 * paragraph para) at index idx; records sentence starts in the state's lists. */
static lua_Integer sentence_of(lua_State *L, dp_sentence_state *st, int list, int K, int kind,
                               int q_open, const dp_token *tok, const char *t, size_t len,
                               lua_Integer para, lua_Integer idx) {
    lua_Integer ts;
    if (st->have_prev && para != st->prev_para) st->sent++;
    st->prev_para = para;
    if (st->pending && kind == K_Q && !q_open && !tok->ws) {
        ts = st->run_sent;   /* a closing mark after the terminator */
    } else {
        if (st->pending) {
            st->pending = 0;
            if (para == st->term_para && tok->ws && !st->term_abbr &&
                (tok->cap || kind == K_Q || (len > 0 && t[0] >= '0' && t[0] <= '9')))
                st->sent++;
        }
        ts = st->sent;
    }
    st->have_prev = 1;
    int new_sent = ts != st->last_sent;
    if (new_sent) {
        st->last_sent = ts;
        lua_pushinteger(L, idx);
        lua_rawseti(L, st->first, ts);
    }
    if (kind == K_W && (new_sent || st->prev_semi)) {
        lua_pushinteger(L, idx);
        lua_rawseti(L, st->starts, ++st->nstarts);
    }
    int term = kind == K_P && ((len == 1 && (t[0] == '.' || t[0] == '!' || t[0] == '?')) ||
                               (len == 3 && memcmp(t, "\xE2\x80\xA6", 3) == 0));
    if (term) {
        st->pending = 1;
        st->run_sent = ts;
        st->term_para = para;
        st->term_abbr = t[0] == '.' && st->prev_kind == K_W && !tok->ws &&
                        ((st->prev_len == 1 && st->prev_cap) ||
                         low_in(L, list, K + K_LOW, idx - 1, st->abbrs));
    }
    st->prev_semi = kind == K_P && len == 1 && t[0] == ';';
    st->prev_kind = kind;
    st->prev_cap = tok->cap;
    st->prev_len = len;
    return ts;
}

/* Token ranges of byte ranges (opts.ranges), walked along with the tokens: for
 * each range {start, end} in order, the first token from the walk's position on
 * that starts at or after start, and the tokens from there that end at or before
 * end (none when the next token already ends after it); a range whose start or
 * end is no number, or that is no table, is skipped. The ranges may be a sentence list
 * of docpipe.sbd nothing has read yet (det:sentences): its spans are read as they are,
 * so that its tables are not built here (the same ranges: start = span start + 1, end =
 * span end). */
typedef struct {
    int ranges, out;            /* stack indexes: the ranges, found.ranges */
    lua_Integer r, nout, first;
    int phase;                  /* 0 done, 1 looking for the first token, 2 in the range */
    lua_Number a, b;
    const dp_span *spans;       /* the unread list's spans (0-based, end exclusive), or NULL */
    size_t nspans;
} dp_range_walk;

static void range_next(lua_State *L, dp_range_walk *w) {
    w->phase = 0;
    if (w->spans) {
        if ((size_t)w->r < w->nspans) {
            const dp_span *sp = &w->spans[w->r++];
            w->a = (lua_Number)((lua_Integer)sp->start + 1);
            w->b = (lua_Number)(lua_Integer)sp->end;
            w->phase = 1;
        }
        return;
    }
    while (lua_geti(L, w->ranges, ++w->r) != LUA_TNIL) {
        if (lua_istable(L, -1)) {
            int ok1, ok2;
            lua_getfield(L, -1, "start");
            lua_getfield(L, -2, "end");
            w->a = lua_tonumberx(L, -2, &ok1);
            w->b = lua_tonumberx(L, -1, &ok2);
            lua_pop(L, 2);
            if (ok1 && ok2) {
                lua_pop(L, 1);
                w->phase = 1;
                return;
            }
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static void range_add(lua_State *L, dp_range_walk *w, lua_Integer first, lua_Integer last) {
    lua_createtable(L, 2, 0);
    lua_pushinteger(L, first);
    lua_rawseti(L, -2, 1);
    lua_pushinteger(L, last);
    lua_rawseti(L, -2, 2);
    lua_rawseti(L, w->out, ++w->nout);
}

/* token idx, bytes s..e (1-based, inclusive) */
static void range_token(lua_State *L, dp_range_walk *w, lua_Integer idx, lua_Integer s,
                        lua_Integer e) {
    while (w->phase) {
        if (w->phase == 1) {
            if ((lua_Number)s < w->a) return;
            w->first = idx;
            w->phase = 2;
        }
        if ((lua_Number)e <= w->b) return;
        if (idx - 1 >= w->first) range_add(L, w, w->first, idx - 1);
        range_next(L, w);
    }
}

/* What each table of opts.pool holds: one byte per table (the i-th table at [i - 1]),
 * in pool.fields, a userdata, so that a table filled again is cleared of what its
 * former token had without reading the table back (two lookups per token, a tenth of
 * the tokenizer's time), and the fields that keep their value are not written again:
 * k when the kind is the same, cap and ws when both tokens have them (true). */
enum { HAD_Q = 1, HAD_CAP = 2, HAD_WS = 4, HAD_W = 8 };   /* k "q" (with fam and side),
                                                             cap (base_...), ws, k "w" */

/* The pool's record, with room for n + 1 tables (a text of n bytes has at most n
 * tokens): made for an empty pool, grown (its bytes kept) as needed; NULL for a pool
 * that holds tables but no record (filled by hand: its tables are read instead). */
static unsigned char *pool_had(lua_State *L, int pool, size_t n) {
    unsigned char *had = NULL;
    size_t have = 0;
    if (lua_getfield(L, pool, "fields") == LUA_TUSERDATA) {
        had = lua_touserdata(L, -1);
        have = lua_rawlen(L, -1);
    } else if (lua_rawlen(L, pool) > 0) {
        lua_pop(L, 1);
        return NULL;
    }
    lua_pop(L, 1);
    if (have < n + 1) {
        size_t size = n + 1 > 2 * have ? n + 1 : 2 * have;
        unsigned char *grown = lua_newuserdatauv(L, size, 0);
        if (have) memcpy(grown, had, have);
        memset(grown + have, 0, size - have);
        lua_setfield(L, pool, "fields");   /* the pool keeps it alive */
        had = grown;
    }
    return had;
}

/* A word's low form into out (room for len bytes: it is never longer): ASCII lower
 * case, U+2019 as '; returns its length in bytes. */
static size_t lower_word(char *out, const char *t, size_t len) {
    size_t m = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80 &&
            (unsigned char)t[i + 2] == 0x99) {
            out[m++] = '\'';
            i += 2;
        } else {
            out[m++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
    }
    return m;
}

/* the longest word lowered in a buffer on the C stack (longer ones: a luaL_Buffer) */
#define DP_SHORT_WORD 64

/* the most sets text.tokens looks words up in (opts.find) */
#define DP_FIND_MAX 8

/* text.tokens(s [, abbreviations [, opts]]) -> list of tokens [, found]
 *   {s, e, t, k, low, cap, ws}: s/e 1-based inclusive byte offsets, t the
 *   token's text, k "w" (word) or "p" (punctuation, one code point), low
 *   t in ASCII lower case with U+2019 written as ', cap (word starting
 *   with an upper-case letter), ws (white space or the text's start
 *   before it). Classes as dp_tokens.h. A word followed by '.' keeps the
 *   point (in t and e, not in low) when it is an initial or initialism
 *   ("J.", "U.S.") or when abbreviations (a set: lower-case word -> true)
 *   holds its low form ("mr" for "Mr.").
 *   opts (the quotes stage's tokens, docpipe.quotes.text): paragraphs, a
 *   list of {s, e} in text order, gives each token para (the index of the
 *   first paragraph ending at or after it) and sent = false; quotes, a map
 *   character -> {fam, side}, makes those punctuation tokens quote marks (k
 *   "q" with fam and side); doubled, the same for a character written twice
 *   in a row ('' ``), which then is one token. The token tables are sized
 *   for the fields the quotes stage adds later.
 *   Word statistics gathered in the same pass come back as a second value,
 *   found (only when opts asks for one of them): opts.find, a map name ->
 *   set (keys are low forms), gives found[name], the ascending list of the
 *   indices of the word tokens whose low is a key of that set with a value
 *   other than false; opts.find_mask, a map low form -> integer, with
 *   opts.find_names, a list of names, stand for opts.find (and replace it):
 *   found[find_names[j]] lists the word tokens whose low maps to a number
 *   with bit j - 1 set (one lookup per word instead of one per set; see
 *   docpipe.quotes.text); opts.lower = true gives found.lower, the set of the low
 *   forms of the words that are not capitalised; opts.caps = true gives
 *   found.cap, the ascending list of the indices of the capitalised words;
 *   opts.marks = true gives found.quote, that of the quote marks;
 *   opts.sentences, a set of abbreviations (low forms), numbers the
 *   sentences (sent, see sentence_of) and gives found.sent_first (sentence
 *   number -> index of its first token) and found.starts (the indices of the
 *   words opening a sentence or following ";"); opts.bases = true gives each
 *   capitalised word base_, poss_ and base_low (see set_base); opts.ranges,
 *   a list of {start, end} byte ranges in text order, gives found.ranges,
 *   their token ranges {first, last} (see dp_range_walk), and found.ranges_n,
 *   the length of opts.ranges (# reads it; a sentence list of docpipe.sbd that
 *   nothing has read is neither built nor read but through its spans, so that
 *   a caller can pass doc.sentences without testing it for emptiness, which
 *   would build it); opts.sparse = true
 *   leaves cap and ws out where they would be false (nil reads the same in a
 *   test), leaves e out (it is s + #t - 1: one field fewer to write per token,
 *   read by the few rules that cut text) and sizes each token table for the
 *   fields it will get;
 *   opts.pool (with sparse and paragraphs), a list of token tables: the i-th token
 *   is the pool's i-th table, filled again (fields the token lacks are
 *   cleared: ws; fam and side where the former token was a quote mark; cap,
 *   base_, poss_, base_low where it was capitalised: no other field may be
 *   stored on a token, nor base_, poss_, base_low on others, and no field the
 *   tokenizer set may be changed, as k, cap and ws are not written again when
 *   they keep their value), and new tables
 *   join the pool (pool.busy is true while a call fills it: a call that
 *   finds it true, after one that failed, makes new tables instead; pool.fields
 *   records which of those fields each table holds, see pool_had), so
 *   that a caller that tokenizes one document after
 *   another (and keeps no token of the one before) makes no new tables;
 *   opts.long = N (with
 *   paragraphs) gives found.long and found.long_cap, lists by paragraph index
 *   of the count of words of at least N bytes and of those capitalised (0
 *   for a paragraph without any). */
int dp_lua_text_tokens(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    int abbr = lua_istable(L, 2) ? 2 : 0;
    int opts = lua_istable(L, 3) ? 3 : 0;
    int paras = 0, quotes = 0, doubled = 0;
    lua_Integer pi = 1, pe = -1;
    lua_settop(L, 3);
    if (opts) {
        lua_getfield(L, opts, "paragraphs");
        paras = lua_istable(L, -1) ? lua_gettop(L) : 0;
        lua_getfield(L, opts, "quotes");
        quotes = lua_istable(L, -1) ? lua_gettop(L) : 0;
        lua_getfield(L, opts, "doubled");
        doubled = lua_istable(L, -1) ? lua_gettop(L) : 0;
        if (paras) {
            pi = 0;
            pe = 0;   /* para_of moves to the first paragraph */
        }
    }
    unsigned char quote_first[256], doubled_first[256];   /* see key_first_bytes */
    key_first_bytes(L, quotes, quote_first);
    key_first_bytes(L, doubled, doubled_first);
    /* the statistics asked for: sets to look words up in, found */
    int found = 0, nfind = 0, sets = 0, lower = 0, caps = 0, marks = 0, bases = 0, sparse = 0;
    int mask = 0;   /* opts.find_mask: low -> bits of the sets holding it */
    int pool = 0;   /* opts.pool: token tables to reuse */
    dp_sentence_state sn;
    memset(&sn, 0, sizeof sn);
    dp_range_walk rw;
    memset(&rw, 0, sizeof rw);
    sn.sent = 1;
    lua_Integer nfound[DP_FIND_MAX] = { 0 }, ncaps = 0, nmarks = 0;
    lua_Integer long_min = 0, npara = 0;
    lua_Integer *counts = NULL;   /* long, long_cap by paragraph (1-based) */
    if (opts) {
        /* options, found and its lists, two slots per set, lua_next's key */
        luaL_checkstack(L, 30 + 2 * DP_FIND_MAX, "tokens options");
        lua_getfield(L, opts, "find");
        int fmap = lua_istable(L, -1) ? lua_gettop(L) : 0;
        lua_getfield(L, opts, "find_mask");
        int mmap = lua_istable(L, -1) ? lua_gettop(L) : 0;
        lua_getfield(L, opts, "find_names");
        int mnames = lua_istable(L, -1) ? lua_gettop(L) : 0;
        if (mmap && mnames) {
            fmap = 0;   /* the masks stand for opts.find */
            mask = mmap;
        }
        int want_lower = lua_getfield(L, opts, "lower") != LUA_TNIL && lua_toboolean(L, -1);
        int want_caps = lua_getfield(L, opts, "caps") != LUA_TNIL && lua_toboolean(L, -1);
        int want_marks = lua_getfield(L, opts, "marks") != LUA_TNIL && lua_toboolean(L, -1);
        bases = lua_getfield(L, opts, "bases") != LUA_TNIL && lua_toboolean(L, -1);
        sparse = lua_getfield(L, opts, "sparse") != LUA_TNIL && lua_toboolean(L, -1);
        lua_getfield(L, opts, "pool");
        pool = lua_istable(L, -1) && sparse && paras ? lua_gettop(L) : 0;
        lua_getfield(L, opts, "sentences");
        int abbrs = lua_istable(L, -1) ? lua_gettop(L) : 0;
        lua_getfield(L, opts, "ranges");
        rw.ranges = lua_istable(L, -1) ? lua_gettop(L) : 0;
        lua_getfield(L, opts, "long");
        long_min = paras ? lua_tointeger(L, -1) : 0;
        if (fmap || mask || want_lower || want_caps || want_marks || abbrs || rw.ranges ||
            long_min > 0) {
            lua_newtable(L);
            found = lua_gettop(L);
        }
        if (rw.ranges) {
            /* how many ranges were given (found.ranges_n), read without building an
             * unread sentence list: its spans stand for its tables */
            dp_sbd_lazy lz;
            lua_Integer given;
            if (dp_sbd_lazy_get(L, rw.ranges, &lz)) {
                rw.spans = lz.spans;
                rw.nspans = lz.n;
                given = (lua_Integer)lz.n;
            } else {
                given = luaL_len(L, rw.ranges);
            }
            lua_pushliteral(L, "ranges_n");
            lua_pushinteger(L, given);
            lua_rawset(L, found);
            lua_newtable(L);
            rw.out = lua_gettop(L);
            lua_pushliteral(L, "ranges");
            lua_pushvalue(L, rw.out);
            lua_rawset(L, found);
            range_next(L, &rw);
        }
        if (abbrs) {
            sn.abbrs = abbrs;
            lua_newtable(L);
            sn.first = lua_gettop(L);
            lua_pushliteral(L, "sent_first");
            lua_pushvalue(L, sn.first);
            lua_rawset(L, found);
            lua_newtable(L);
            sn.starts = lua_gettop(L);
            lua_pushliteral(L, "starts");
            lua_pushvalue(L, sn.starts);
            lua_rawset(L, found);
        }
        if (mask) {
            /* one list per name, at sets + 2 * j + 1 (as below): found[name] = list */
            sets = lua_gettop(L) + 1;
            lua_Integer nn = (lua_Integer)lua_rawlen(L, mnames);
            for (lua_Integer j = 1; j <= nn && nfind < DP_FIND_MAX; j++) {
                lua_rawgeti(L, mnames, j);              /* name */
                lua_newtable(L);                        /* name, list */
                lua_insert(L, -2);                      /* list, name */
                lua_pushvalue(L, -2);
                lua_rawset(L, found);                   /* list */
                lua_pushnil(L);                         /* list, (slot) */
                lua_insert(L, -2);                      /* (slot), list */
                nfind++;
            }
        }
        if (fmap) {
            /* pairs (set, list) from sets on; found[name] = list */
            sets = lua_gettop(L) + 1;
            lua_pushnil(L);
            while (lua_next(L, fmap)) {                 /* key, set */
                if (lua_istable(L, -1) && nfind < DP_FIND_MAX) {
                    lua_newtable(L);                    /* key, set, list */
                    lua_pushvalue(L, -3);
                    lua_pushvalue(L, -2);
                    lua_rawset(L, found);
                    lua_pushvalue(L, -3);               /* key, set, list, key */
                    lua_remove(L, -4);                  /* set, list, key */
                    nfind++;
                } else {
                    lua_pop(L, 1);
                }
            }
        }
        if (want_marks) {
            lua_newtable(L);
            marks = lua_gettop(L);
            lua_pushliteral(L, "quote");
            lua_pushvalue(L, marks);
            lua_rawset(L, found);
        }
        if (want_caps) {
            lua_newtable(L);
            caps = lua_gettop(L);
            lua_pushliteral(L, "cap");
            lua_pushvalue(L, caps);
            lua_rawset(L, found);
        }
        if (want_lower) {
            /* room for the distinct lower-case words of news text (about one per 16
             * bytes), so that the set seldom grows */
            lua_createtable(L, 0, (int)(n / 16 < 65536 ? n / 16 : 65536));
            lower = lua_gettop(L);
            lua_pushliteral(L, "lower");
            lua_pushvalue(L, lower);
            lua_rawset(L, found);
        }
        if (long_min > 0) {
            npara = (lua_Integer)lua_rawlen(L, paras);
            counts = lua_newuserdatauv(L, sizeof(lua_Integer) * 2 * (size_t)(npara + 2), 0);
            memset(counts, 0, sizeof(lua_Integer) * 2 * (size_t)(npara + 2));
        }
    }
    luaL_checkstack(L, K_N + 16, "too many tokens");
    int K = lua_gettop(L) + 1;   /* token_keys[i] at K + i */
    for (int i = 0; i < K_N; i++) lua_pushstring(L, token_keys[i]);
    luaL_Buffer b;
    dp_tokenizer tz;
    dp_token tok;
    lua_Integer k = 0;
    /* room for a token per 4 bytes (news text has one per 5), at most 64 Ki up
     * front, so that the list does not grow on an ordinary document */
    lua_createtable(L, (int)(n / 4 < 65536 ? n / 4 : 65536), 0);
    int list = lua_gettop(L);
    int tt = list + 1;           /* the token's table */
    /* a pool marked busy was being filled by a call that failed part way: its
     * tables may mix two tokens' fields, so this call puts new ones in their place */
    int fresh = 0;
    unsigned char *had = NULL;   /* the pool's record of its tables' fields */
    if (pool) {
        had = pool_had(L, pool, n);
        fresh = lua_getfield(L, pool, "busy") != LUA_TNIL;
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
        lua_setfield(L, pool, "busy");
    }
    dp_tokens_init(&tz, s, n);
    while (dp_tokens_next(&tz, &tok)) {
        size_t len = tok.end - tok.start;
        const char *t = s + tok.start;
        /* sparse tokens have at most 8 fields (7 without e), except capitalised
         * words (base_, poss_, base_low, cap) and quote marks (fam, side): room for 16 */
        int roomy = !sparse || (tok.kind == DP_TOKEN_WORD ? tok.cap
                                                          : (t[0] == '"' || t[0] == '\'' || t[0] == '`' ||
                                                             (unsigned char)t[0] >= 0xC0));
        int reused = 0, old_q = 0, old_cap = 0, old_ws = 1;
        int old_kind = 0;   /* the former token's k (K + K_W/K_P/K_Q) when known, else 0 */
        if (pool) {
            if (lua_rawgeti(L, pool, k + 1) == LUA_TTABLE && !fresh && had) {
                reused = 1;
                old_q = had[k] & HAD_Q;
                old_cap = had[k] & HAD_CAP;
                old_ws = had[k] & HAD_WS;
                old_kind = K + (old_q ? K_Q : had[k] & HAD_W ? K_W : K_P);
            } else if (lua_type(L, -1) == LUA_TTABLE && !fresh) {
                /* what the table's former token held: a quote mark has fam and side, a
                 * capitalised word cap and maybe base_, poss_, base_low */
                reused = 1;
                lua_pushvalue(L, K + K_K);
                lua_rawget(L, -2);
                old_q = lua_rawequal(L, -1, K + K_Q);
                lua_pushvalue(L, K + K_CAP);
                lua_rawget(L, -3);
                old_cap = lua_toboolean(L, -1);
                lua_pop(L, 2);
                set_nil(L, lua_gettop(L), K + K_E);   /* a table filled by hand may have e */
            } else {
                lua_pop(L, 1);
                lua_createtable(L, 0, 16);
                lua_pushvalue(L, -1);
                lua_rawseti(L, pool, k + 1);
            }
        } else {
            lua_createtable(L, 0, opts && roomy ? 16 : 8);
        }
        int kind = K + K_P;
        int q_open = 0;
        if (tok.kind == DP_TOKEN_WORD) {
            kind = K + K_W;
            /* low: ASCII lower case, U+2019 as ' (most words: t itself) */
            int same = 1;
            for (size_t i = 0; same && i < len; i++)
                if ((t[i] >= 'A' && t[i] <= 'Z') || (unsigned char)t[i] == 0xE2) same = 0;
            if (same) {
                lua_pushlstring(L, t, len);
            } else if (len <= DP_SHORT_WORD) {
                /* a word of ordinary length: lowered on the C stack (no luaL_Buffer) */
                char lowered[DP_SHORT_WORD];
                lua_pushlstring(L, lowered, lower_word(lowered, t, len));
            } else {
                luaL_buffinitsize(L, &b, len);
                luaL_pushresultsize(&b, lower_word(luaL_buffaddr(&b), t, len));
            }
            int low = lua_gettop(L);
            int point = 0;
            if (tok.end < n && s[tok.end] == '.') {
                if (initialism(t, len)) point = 1;
                else if (abbr) {
                    lua_pushvalue(L, low);
                    point = lua_rawget(L, abbr) != LUA_TNIL && lua_toboolean(L, -1);
                    lua_pop(L, 1);
                }
            }
            if (point) {
                /* the point joins t, not low */
                tok.end++;
                len++;
                tz.pos = tok.end;
                lua_pushlstring(L, t, len);
            } else if (same) {
                lua_pushvalue(L, low);
            } else {
                lua_pushlstring(L, t, len);
            }
            set_at(L, tt, K + K_LOW, low);
            set_at(L, tt, K + K_T, low + 1);
            if (bases && tok.cap) set_base(L, tt, K, low, t, len, point);
            if (mask) {
                lua_pushvalue(L, low);
                if (lua_rawget(L, mask) == LUA_TNUMBER) {
                    lua_Integer bits = lua_tointeger(L, -1);
                    for (int j = 0; j < nfind; j++) {
                        if (bits & ((lua_Integer)1 << j)) {
                            lua_pushinteger(L, k + 1);
                            lua_rawseti(L, sets + 2 * j + 1, ++nfound[j]);
                        }
                    }
                }
                lua_pop(L, 1);
            } else {
                for (int j = 0; j < nfind; j++) {
                    lua_pushvalue(L, low);
                    if (lua_rawget(L, sets + 2 * j) != LUA_TNIL && lua_toboolean(L, -1)) {
                        lua_pushinteger(L, k + 1);
                        lua_rawseti(L, sets + 2 * j + 1, ++nfound[j]);
                    }
                    lua_pop(L, 1);
                }
            }
            if (caps && tok.cap) {
                lua_pushinteger(L, k + 1);
                lua_rawseti(L, caps, ++ncaps);
            }
            if (lower && !tok.cap) {
                lua_pushvalue(L, low);
                lua_pushboolean(L, 1);
                lua_rawset(L, lower);
            }
        } else {
            unsigned char c0 = (unsigned char)t[0];
            if (doubled && doubled_first[c0] && len == 1 && tok.end < n && s[tok.end] == t[0] &&
                quote_class(L, doubled, t, 1)) {
                /* a typewriter quote written twice ('' ``): one token */
                tok.end++;
                len++;
                tz.pos = tok.end;
                kind = K + K_Q;
            } else if (quote_first[c0] && quote_class(L, quotes, t, len)) {
                kind = K + K_Q;
            }
            if (kind == K + K_Q) {   /* fam and side on the stack */
                int fam = lua_gettop(L) - 1;
                const char *side = lua_tostring(L, fam + 1);
                q_open = side && strcmp(side, "open") == 0;
                set_at(L, tt, K + K_FAM, fam);
                set_at(L, tt, K + K_SIDE, fam + 1);
                if (marks) {
                    lua_pushinteger(L, k + 1);
                    lua_rawseti(L, marks, ++nmarks);
                }
            }
            lua_pushlstring(L, t, len);
            int str = lua_gettop(L);
            set_at(L, tt, K + K_T, str);
            set_at(L, tt, K + K_LOW, str);
        }
        lua_settop(L, tt);
        if (reused) {
            /* the fields the table's former token may have left that this one lacks */
            if (!tok.ws && old_ws) set_nil(L, tt, K + K_WS);
            if (old_q && kind != K + K_Q) {
                set_nil(L, tt, K + K_FAM);
                set_nil(L, tt, K + K_SIDE);
            }
            if (old_cap && !tok.cap) set_nil(L, tt, K + K_CAP);
            if (old_cap && !(bases && tok.cap && kind == K + K_W)) {
                set_nil(L, tt, K + K_BASE);
                set_nil(L, tt, K + K_POSS);
                set_nil(L, tt, K + K_BASE_LOW);
            }
        }
        if (rw.phase) range_token(L, &rw, k + 1, (lua_Integer)tok.start + 1, (lua_Integer)tok.end);
        if (kind != old_kind) set_at(L, tt, K + K_K, kind);
        set_int(L, tt, K + K_S, (lua_Integer)tok.start + 1);
        if (!sparse) set_int(L, tt, K + K_E, (lua_Integer)tok.end);
        if ((tok.cap || !sparse) && !(old_kind && old_cap))
            set_bool(L, tt, K + K_CAP, tok.cap);
        if ((tok.ws || !sparse) && !(old_kind && old_ws)) set_bool(L, tt, K + K_WS, tok.ws);
        if (opts) {
            if (paras) {
                lua_Integer p = para_of(L, paras, &pi, &pe, (lua_Integer)tok.start + 1);
                set_int(L, tt, K + K_PARA, p);
                if (counts && kind == K + K_W && (lua_Integer)len >= long_min && p <= npara + 1) {
                    counts[2 * p]++;
                    if (tok.cap) counts[2 * p + 1]++;
                }
            }
            if (sn.abbrs) {
                lua_Integer p = paras ? pi : 0;
                set_int(L, tt, K + K_SENT, sentence_of(L, &sn, list, K, kind - K, q_open, &tok,
                                                      s + tok.start, len, p, k + 1));
            } else {
                set_bool(L, tt, K + K_SENT, 0);
            }
        }
        if (had) had[k] = (unsigned char)((kind == K + K_Q ? HAD_Q : 0) | (tok.cap ? HAD_CAP : 0) |
                                          (tok.ws ? HAD_WS : 0) | (kind == K + K_W ? HAD_W : 0));
        lua_rawseti(L, list, ++k);
    }
    if (rw.phase == 2 && k >= rw.first) range_add(L, &rw, rw.first, k);
    if (pool) {
        lua_pushnil(L);
        lua_setfield(L, pool, "busy");
    }
    if (!found) return 1;
    if (counts) {
        lua_createtable(L, (int)(npara + 1), 0);
        lua_createtable(L, (int)(npara + 1), 0);
        for (lua_Integer p = 1; p <= npara + 1; p++) {
            lua_pushinteger(L, counts[2 * p]);
            lua_rawseti(L, -3, p);
            lua_pushinteger(L, counts[2 * p + 1]);
            lua_rawseti(L, -2, p);
        }
        lua_setfield(L, found, "long_cap");
        lua_setfield(L, found, "long");
    }
    lua_pushvalue(L, found);
    return 2;
}
