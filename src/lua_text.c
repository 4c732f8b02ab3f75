/*
 * lua_text.c: docpipe.utf8 and docpipe.text, thin bindings over dp_utf8.c and
 * dp_text.c (docpipe.text.tokens, over dp_tokens.c, is in lua_tokens.c). Results
 * are built on the Lua stack (luaL_Buffer or tables), so an error cannot leak
 * memory.
 */
#include "lua_text.h"
#include "dp_text.h"
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

/* utf8.fix(s) -> s with each NUL and each byte that starts no valid UTF-8
 * sequence replaced by U+FFFD, as json.encode writes strings, and the
 * number replaced (the same string, not a copy, when it is 0). Unlike clean
 * it changes nothing else (CR and a leading BOM stay), so every code point
 * stays one code point. One pass over valid text. */
static int u_fix(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    size_t i = dp_utf8_check(s, n);
    const char *z = memchr(s, '\0', i);
    if (z) i = (size_t)(z - s);
    if (i == n) {
        lua_settop(L, 1);
        lua_pushinteger(L, 0);
        return 2;
    }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_addlstring(&b, s, i);
    lua_Integer bad = 0;
    while (i < n) {
        size_t k = s[i] ? dp_utf8_decode(s + i, n - i, NULL) : 0;
        if (k) {
            luaL_addlstring(&b, s + i, k);
            i += k;
        } else {
            luaL_addlstring(&b, "\xEF\xBF\xBD", 3);
            bad++;
            i++;
        }
    }
    luaL_pushresult(&b);
    lua_pushinteger(L, bad);
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
        { "fix", u_fix },
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

/* text.trim(s) -> s without leading and trailing Unicode white space (s itself,
 * not a copy, when it has none) */
static int t_trim(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    dp_span sp = dp_text_trim(s, n);
    if (sp.start == 0 && sp.end == n && lua_type(L, 1) == LUA_TSTRING) lua_pushvalue(L, 1);
    else lua_pushlstring(L, s + sp.start, sp.end - sp.start);
    return 1;
}

/* The list of the pieces of the string argument 1 that next() finds one after
 * the other (dp_text_next_word, dp_text_next_field). */
static int push_pieces(lua_State *L, int (*next)(const char *, size_t, size_t *, dp_span *)) {
    size_t n, pos = 0;
    const char *s = luaL_checklstring(L, 1, &n);
    dp_span w;
    lua_Integer k = 0;
    new_array(L, 0);
    while (next(s, n, &pos, &w)) {
        lua_pushlstring(L, s + w.start, w.end - w.start);
        lua_rawseti(L, -2, ++k);
    }
    return 1;
}

/* text.words(s) -> list of words (see dp_text_next_word) */
static int t_words(lua_State *L) {
    return push_pieces(L, dp_text_next_word);
}

/* text.fields(s) -> list of the runs of bytes that are not ASCII white space
 * (dp_text_next_field: the matches of Lua's "%S+"), in one call instead of an
 * iterator call per field */
static int t_fields(lua_State *L) {
    return push_pieces(L, dp_text_next_field);
}

/* text.ascii_words(s [, i [, j]]) -> list of the ASCII words of s:sub(i, j)
 * (dp_text_next_ascii_word: the matches of "[A-Za-z][A-Za-z.]*" in that piece
 * alone, so a word running past j is cut at j); i and j are 1-based inclusive
 * bytes, read as string.sub reads them (negative from the end, clamped) */
static int t_ascii_words(lua_State *L) {
    size_t n, pos;
    const char *s = luaL_checklstring(L, 1, &n);
    lua_Integer i = luaL_optinteger(L, 2, 1), j = luaL_optinteger(L, 3, -1);
    lua_Integer len = (lua_Integer)n;
    if (i < 0) i = i < -len ? 1 : len + i + 1;
    else if (i == 0) i = 1;
    if (j < 0) j = j < -len ? 0 : len + j + 1;
    else if (j > len) j = len;
    dp_span w;
    lua_Integer k = 0;
    new_array(L, 0);
    if (i > j) return 1;
    pos = (size_t)(i - 1);
    size_t end = (size_t)j;
    while (dp_text_next_ascii_word(s, end, &pos, &w)) {
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

/* text.lower(s), text.upper(s) -> s in lower or upper case, code point by code
 * point (Unicode simple case mappings, by utf8proc: "ÉLOÏSE" <-> "éloïse"; the
 * string library's lower/upper change only A-Z and a-z); bytes that are not
 * valid UTF-8 are kept */
static int case_map(lua_State *L, int upper) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    luaL_Buffer b;
    char *out = luaL_buffinitsize(L, &b, DP_TEXT_CASE_BOUND(n));
    luaL_pushresultsize(&b, dp_text_case(s, n, upper, out));
    return 1;
}
static int t_lower(lua_State *L) { return case_map(L, 0); }
static int t_upper(lua_State *L) { return case_map(L, 1); }

/* text.table(narr [, nrec]) -> an empty table with room for narr items at 1..narr
 * and nrec other keys (Lua has no table.new): a map by token index filled in a loop
 * then never grows. */
static int t_table(lua_State *L) {
    lua_Integer narr = luaL_checkinteger(L, 1);
    lua_Integer nrec = luaL_optinteger(L, 2, 0);
    luaL_argcheck(L, narr >= 0 && narr <= (1 << 26), 1, "out of range");
    luaL_argcheck(L, nrec >= 0 && nrec <= (1 << 26), 2, "out of range");
    lua_createtable(L, (int)narr, (int)nrec);
    return 1;
}

/* text.lines(s [, spaces]) -> list of lines without their "\n"; with spaces
 * true, three more lists, one item a line: firsts and lasts, the 1-based
 * inclusive bytes where the line starts and ends without the spaces (U+0020)
 * around it (dp_text_trim_spaces; 0 and 0 for a line of spaces or an empty
 * one), and leads, the byte at firsts (0 for such a line): what a caller
 * splitting the page into blocks would otherwise ask a line at a time */
static int t_lines(lua_State *L) {
    size_t n, i = 0;
    const char *s = luaL_checklstring(L, 1, &n);
    int spaces = lua_toboolean(L, 2);
    lua_settop(L, 1);
    lua_Integer k = 0;
    /* (the lists made at their size, up to a million lines: a list that grows is
     * rebuilt at every power of two) */
    size_t breaks = 0;
    for (const char *p = s; (p = memchr(p, '\n', n - (size_t)(p - s))) != NULL; p++) breaks++;
    size_t count = n == 0 ? 0 : (s[n - 1] == '\n' ? breaks : breaks + 1);
    int nlines = count < 1000000 ? (int)count : 1000000;
    new_array(L, nlines);
    if (spaces) {
        new_array(L, nlines);
        new_array(L, nlines);
        new_array(L, nlines);
    }
    while (i < n) {
        const char *nl = memchr(s + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - s) : n;
        k++;
        lua_pushlstring(L, s + i, e - i);
        lua_rawseti(L, 2, k);
        if (spaces) {
            dp_span t = dp_text_trim_spaces(s + i, e - i);
            int blank = t.end == 0;
            lua_pushinteger(L, blank ? 0 : (lua_Integer)t.start + 1);
            lua_rawseti(L, 3, k);
            lua_pushinteger(L, blank ? 0 : (lua_Integer)t.end);
            lua_rawseti(L, 4, k);
            lua_pushinteger(L, blank ? 0 : (unsigned char)s[i + t.start]);
            lua_rawseti(L, 5, k);
        }
        i = e + 1;
    }
    return spaces ? 4 : 1;
}

/* text.shape(s) -> chars, first, second, last, flags: dp_text_shape_of (the bytes
 * are nil when s is shorter; flags is a sum of the bits of text.SHAPE; SHAPE.byte_bits
 * is the mask of the bits one byte sets wherever it stands, DP_SHAPE_BYTE_BITS) */
static int t_shape(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    dp_text_shape sh = dp_text_shape_of(s, n);
    lua_pushinteger(L, (lua_Integer)sh.chars);
    if (sh.first >= 0) lua_pushinteger(L, sh.first); else lua_pushnil(L);
    if (sh.second >= 0) lua_pushinteger(L, sh.second); else lua_pushnil(L);
    if (sh.last >= 0) lua_pushinteger(L, sh.last); else lua_pushnil(L);
    lua_pushinteger(L, (lua_Integer)sh.flags);
    return 5;
}

int dp_lua_open_text(lua_State *L) {
    static const luaL_Reg funcs[] = {
        { "ascii_words", t_ascii_words },
        { "fields", t_fields },
        { "lines", t_lines },
        { "nfc", t_nfc },
        { "lower", t_lower },
        { "upper", t_upper },
        { "normalize_space", t_normalize_space },
        { "paragraphs", t_paragraphs },
        { "shape", t_shape },
        { "table", t_table },
        { "tokens", dp_lua_text_tokens },
        { "trim", t_trim },
        { "word_spans", t_word_spans },
        { "words", t_words },
        { NULL, NULL },
    };
    luaL_newlib(L, funcs);
    /* text.SHAPE: the bits of text.shape's flags, by name */
    static const struct { const char *name; unsigned bit; } bits[] = {
        { "sentence", DP_SHAPE_SENTENCE }, { "lower", DP_SHAPE_LOWER },
        { "upper", DP_SHAPE_UPPER }, { "wide", DP_SHAPE_WIDE },
        { "slash", DP_SHAPE_SLASH }, { "copyright", DP_SHAPE_COPYRIGHT },
        { "colon_end", DP_SHAPE_COLON_END }, { "bar", DP_SHAPE_BAR },
        { "comma", DP_SHAPE_COMMA }, { "middot", DP_SHAPE_MIDDOT },
        { "digit", DP_SHAPE_DIGIT }, { "colon", DP_SHAPE_COLON },
        { "at", DP_SHAPE_AT }, { "hyphen", DP_SHAPE_HYPHEN },
        { "paren", DP_SHAPE_PAREN }, { "question", DP_SHAPE_QUESTION },
        { "sign", DP_SHAPE_SIGN }, { "latin1", DP_SHAPE_LATIN1 },
        { "byte_bits", DP_SHAPE_BYTE_BITS },
    };
    lua_createtable(L, 0, (int)(sizeof bits / sizeof bits[0]));
    for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++) {
        lua_pushinteger(L, (lua_Integer)bits[i].bit);
        lua_setfield(L, -2, bits[i].name);
    }
    lua_setfield(L, -2, "SHAPE");
    return 1;
}
