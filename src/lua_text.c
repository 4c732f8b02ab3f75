/*
 * lua_text.c: docpipe.utf8 and docpipe.text, thin bindings over dp_utf8.c,
 * dp_text.c and dp_tokens.c. Results are built on the Lua stack (luaL_Buffer or
 * tables), so an error cannot leak memory.
 */
#include "lua_text.h"
#include "dp_text.h"
#include "dp_tokens.h"
#include "dp_utf8.h"
#include "lua_json.h"

#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

/* ---- docpipe.utf8 ---------------------------------------------------- */

/* utf8.len(s) -> number of code points (an invalid byte counts as one) */
static int u_len(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    lua_pushinteger(L, (lua_Integer)dp_utf8_len(s, n));
    return 1;
}

/* utf8.valid(s) -> true | false, 1-based byte position of the first invalid byte */
static int u_valid(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    size_t bad = dp_utf8_check(s, n);
    if (bad == n) { lua_pushboolean(L, 1); return 1; }
    lua_pushboolean(L, 0);
    lua_pushinteger(L, (lua_Integer)bad + 1);
    return 2;
}

/* utf8.clean(s) -> repaired string, number of replacements (see dp_utf8_repair) */
static int u_clean(lua_State *L) {
    size_t n, replaced;
    const char *s = luaL_checklstring(L, 1, &n);
    /* the common case: valid UTF-8 with no BOM, CR or NUL comes back as the
     * same string, without a copy */
    if (!(n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) && !memchr(s, '\r', n) &&
        !memchr(s, '\0', n) && dp_utf8_check(s, n) == n) {
        lua_settop(L, 1);
        lua_pushinteger(L, 0);
        return 2;
    }
    char *out;
    size_t len = dp_utf8_repair(s, n, &out, &replaced);
    if (len == (size_t)-1) return luaL_error(L, "not enough memory");
    lua_pushlstring(L, out, len);
    free(out);
    lua_pushinteger(L, (lua_Integer)replaced);
    return 2;
}

/* utf8.byte_to_cp(s, b) -> 0-based code point index of 1-based byte b */
static int u_byte_to_cp(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    lua_Integer b = luaL_checkinteger(L, 2);
    luaL_argcheck(L, b >= 1 && (size_t)b <= n + 1, 2, "byte offset out of range");
    lua_pushinteger(L, (lua_Integer)dp_utf8_byte_to_cp(s, n, (size_t)b - 1));
    return 1;
}

/* utf8.cp_to_byte(s, c) -> 1-based byte offset of 0-based code point c */
static int u_cp_to_byte(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    lua_Integer c = luaL_checkinteger(L, 2);
    luaL_argcheck(L, c >= 0, 2, "code point index must be >= 0");
    lua_pushinteger(L, (lua_Integer)dp_utf8_cp_to_byte(s, n, (size_t)c) + 1);
    return 1;
}

/* utf8.sub(s, i [, j]) -> substring by code points, 1-based inclusive,
 * negative indexes count from the end, like string.sub */
static int u_sub(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    lua_Integer len = (lua_Integer)dp_utf8_len(s, n);
    lua_Integer i = luaL_checkinteger(L, 2), j = luaL_optinteger(L, 3, -1);
    if (i < 0) i = len + i + 1 > 0 ? len + i + 1 : 1;
    if (i == 0) i = 1;
    if (j < 0) j = len + j + 1;
    if (j > len) j = len;
    if (i > j) { lua_pushliteral(L, ""); return 1; }
    size_t b = dp_utf8_cp_to_byte(s, n, (size_t)i - 1);
    size_t e = dp_utf8_cp_to_byte(s, n, (size_t)j);
    lua_pushlstring(L, s + b, e - b);
    return 1;
}

int dp_lua_open_utf8(lua_State *L) {
    static const luaL_Reg funcs[] = {
        { "byte_to_cp", u_byte_to_cp },
        { "clean", u_clean },
        { "cp_to_byte", u_cp_to_byte },
        { "len", u_len },
        { "sub", u_sub },
        { "valid", u_valid },
        { NULL, NULL },
    };
    luaL_newlib(L, funcs);
    return 1;
}

/* ---- docpipe.text ---------------------------------------------------- */

static void new_array(lua_State *L, int narr) {
    lua_createtable(L, narr, 0);
    dp_json_push_array_mt(L);
    lua_setmetatable(L, -2);
}

/* text.normalize_space(s) -> s with white space runs as one space, trimmed */
static int t_normalize_space(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    luaL_Buffer b;
    char *out = luaL_buffinitsize(L, &b, n + 1);
    size_t len = dp_text_normalize_space(s, n, out);
    luaL_pushresultsize(&b, len);
    return 1;
}

/* text.trim(s) -> s without leading and trailing Unicode white space */
static int t_trim(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    dp_span sp = dp_text_trim(s, n);
    lua_pushlstring(L, s + sp.start, sp.end - sp.start);
    return 1;
}

/* text.words(s) -> list of words (see dp_text_next_word) */
static int t_words(lua_State *L) {
    size_t n, pos = 0;
    const char *s = luaL_checklstring(L, 1, &n);
    dp_span w;
    lua_Integer k = 0;
    new_array(L, 0);
    while (dp_text_next_word(s, n, &pos, &w)) {
        lua_pushlstring(L, s + w.start, w.end - w.start);
        lua_rawseti(L, -2, ++k);
    }
    return 1;
}

/* text.word_spans(s) -> words, starts, ends (1-based inclusive bytes) */
static int t_word_spans(lua_State *L) {
    size_t n, pos = 0;
    const char *s = luaL_checklstring(L, 1, &n);
    dp_span w;
    lua_Integer k = 0;
    new_array(L, 0);
    new_array(L, 0);
    new_array(L, 0);
    while (dp_text_next_word(s, n, &pos, &w)) {
        k++;
        lua_pushlstring(L, s + w.start, w.end - w.start);
        lua_rawseti(L, -4, k);
        lua_pushinteger(L, (lua_Integer)w.start + 1);
        lua_rawseti(L, -3, k);
        lua_pushinteger(L, (lua_Integer)w.end);
        lua_rawseti(L, -2, k);
    }
    return 3;
}

/* text.paragraphs(s) -> list of {text, start, end}: blocks between blank
 * lines, trimmed; start/end 1-based inclusive bytes into s */
static int t_paragraphs(lua_State *L) {
    size_t n, pos = 0;
    const char *s = luaL_checklstring(L, 1, &n);
    dp_span p;
    lua_Integer k = 0;
    new_array(L, 0);
    while (dp_text_next_paragraph(s, n, &pos, &p)) {
        lua_createtable(L, 0, 3);
        lua_pushlstring(L, s + p.start, p.end - p.start);
        lua_setfield(L, -2, "text");
        lua_pushinteger(L, (lua_Integer)p.start + 1);
        lua_setfield(L, -2, "start");
        lua_pushinteger(L, (lua_Integer)p.end);
        lua_setfield(L, -2, "end");
        lua_rawseti(L, -2, ++k);
    }
    return 1;
}

/* text.nfc(s) -> s in Unicode Normalization Form C (UAX #15, by utf8proc);
 * a string that is not valid UTF-8 comes back unchanged, with false */
static int t_nfc(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    char *out;
    size_t len = dp_text_nfc(s, n, &out);
    if (len == (size_t)-1) {
        lua_pushvalue(L, 1);
        lua_pushboolean(L, 0);
        return 2;
    }
    lua_pushlstring(L, out, len);
    free(out);
    return 1;
}

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
enum { K_S, K_E, K_T, K_K, K_LOW, K_CAP, K_WS, K_PARA, K_SENT, K_FAM, K_SIDE, K_W, K_P, K_Q, K_N };
static const char *const token_keys[K_N] = { "s", "e", "t", "k", "low", "cap", "ws", "para",
                                             "sent", "fam", "side", "w", "p", "q" };

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

static void set_bool(lua_State *L, int tok, int key, int v) {
    lua_pushvalue(L, key);
    lua_pushboolean(L, v);
    lua_rawset(L, tok);
}

/* text.tokens(s [, abbreviations [, opts]]) -> list of tokens
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
 *   for the fields the quotes stage adds later. */
static int t_tokens(lua_State *L) {
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
    dp_tokens_init(&tz, s, n);
    while (dp_tokens_next(&tz, &tok)) {
        size_t len = tok.end - tok.start;
        const char *t = s + tok.start;
        lua_createtable(L, 0, opts ? 16 : 8);
        int kind = K + K_P;
        if (tok.kind == DP_TOKEN_WORD) {
            kind = K + K_W;
            /* low: ASCII lower case, U+2019 as ' (most words: t itself) */
            int same = 1;
            for (size_t i = 0; same && i < len; i++)
                if ((t[i] >= 'A' && t[i] <= 'Z') || (unsigned char)t[i] == 0xE2) same = 0;
            if (same) {
                lua_pushlstring(L, t, len);
            } else {
                luaL_buffinit(L, &b);
                for (size_t i = 0; i < len; i++) {
                    unsigned char c = (unsigned char)t[i];
                    if (c == 0xE2 && i + 2 < len && (unsigned char)t[i + 1] == 0x80 &&
                        (unsigned char)t[i + 2] == 0x99) {
                        luaL_addchar(&b, '\'');
                        i += 2;
                    } else {
                        luaL_addchar(&b, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
                    }
                }
                luaL_pushresult(&b);
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
        } else {
            if (doubled && len == 1 && tok.end < n && s[tok.end] == t[0] &&
                quote_class(L, doubled, t, 1)) {
                /* a typewriter quote written twice ('' ``): one token */
                tok.end++;
                len++;
                tz.pos = tok.end;
                kind = K + K_Q;
            } else if (quote_class(L, quotes, t, len)) {
                kind = K + K_Q;
            }
            if (kind == K + K_Q) {   /* fam and side on the stack */
                int fam = lua_gettop(L) - 1;
                set_at(L, tt, K + K_FAM, fam);
                set_at(L, tt, K + K_SIDE, fam + 1);
            }
            lua_pushlstring(L, t, len);
            int str = lua_gettop(L);
            set_at(L, tt, K + K_T, str);
            set_at(L, tt, K + K_LOW, str);
        }
        lua_settop(L, tt);
        set_at(L, tt, K + K_K, kind);
        set_int(L, tt, K + K_S, (lua_Integer)tok.start + 1);
        set_int(L, tt, K + K_E, (lua_Integer)tok.end);
        set_bool(L, tt, K + K_CAP, tok.cap);
        set_bool(L, tt, K + K_WS, tok.ws);
        if (opts) {
            if (paras)
                set_int(L, tt, K + K_PARA, para_of(L, paras, &pi, &pe, (lua_Integer)tok.start + 1));
            set_bool(L, tt, K + K_SENT, 0);
        }
        lua_rawseti(L, list, ++k);
    }
    return 1;
}

/* text.lines(s) -> list of lines without their "\n" */
static int t_lines(lua_State *L) {
    size_t n, i = 0;
    const char *s = luaL_checklstring(L, 1, &n);
    lua_Integer k = 0;
    new_array(L, 0);
    while (i < n) {
        size_t e = i;
        while (e < n && s[e] != '\n') e++;
        lua_pushlstring(L, s + i, e - i);
        lua_rawseti(L, -2, ++k);
        i = e + 1;
    }
    return 1;
}

int dp_lua_open_text(lua_State *L) {
    static const luaL_Reg funcs[] = {
        { "lines", t_lines },
        { "nfc", t_nfc },
        { "normalize_space", t_normalize_space },
        { "paragraphs", t_paragraphs },
        { "tokens", t_tokens },
        { "trim", t_trim },
        { "word_spans", t_word_spans },
        { "words", t_words },
        { NULL, NULL },
    };
    luaL_newlib(L, funcs);
    return 1;
}
