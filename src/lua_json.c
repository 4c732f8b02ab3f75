/*
 * lua_json.c: JSON encode and decode between cJSON trees and Lua values,
 * with docpipe's array/object marks, null sentinel, key order and span
 * conversion (see lua_json.h).
 */
#include "lua_json.h"
#include "dp_utf8.h"

#include <cJSON.h>
#include <errno.h>
#include <math.h>
#include <lauxlib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARRAY_MT "docpipe.array"
#define OBJECT_MT "docpipe.object"
#define MAX_DEPTH 1000

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

static size_t conv_byte_to_cp(span_conv *c, size_t b) {
    if (b > c->len) b = c->len;
    if (b < c->byte) c->byte = c->cp = 0;
    size_t add = dp_utf8_byte_to_cp(c->text + c->byte, c->len - c->byte, b - c->byte);
    c->cp += add;
    c->byte = c->byte + dp_utf8_cp_to_byte(c->text + c->byte, c->len - c->byte, add);
    return c->cp;
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

typedef struct enc {
    lua_State *L;
    int order;          /* stack index of a list of top-level keys in order, or 0 */
    span_conv *spans;
    char *err;
    size_t errlen;
} enc;

/* The document model's keys in output order; others follow, sorted. */
static const char *const key_order[] = {
    "id", "source", "url", "title", "authors", "outlet", "date", "dateline",
    "highlights", "contributors", "text", "start", "end", "speaker", "speaker_mention",
    "cue", "type", "paragraphs", "sentences", "quotes", "summary", "meta", "errors", NULL
};

static int key_rank(const char *k) {
    for (int i = 0; key_order[i]; i++)
        if (strcmp(k, key_order[i]) == 0) return i;
    return 1000;
}

typedef struct okey {
    const char *s;      /* the key as written: a string, valid UTF-8 without NULs */
    const char *orig;   /* the key's string form before repair */
    size_t olen;
    int is_num;         /* the key is a number */
    int rank;           /* its place in the model's (or the caller's) order */
    lua_Integer slot;   /* where the original key sits in the anchor table */
} okey;

/* Model order, then bytewise; keys written the same (1 and "1", or two
 * strings repaired alike) are ordered by type and original bytes, so the
 * order never depends on qsort or on the table's traversal. */
static int key_cmp(const void *a, const void *b) {
    const okey *p = (const okey *)a, *q = (const okey *)b;
    int rx = p->rank, ry = q->rank;
    if (rx != ry) return rx < ry ? -1 : 1;
    int c = strcmp(p->s, q->s);
    if (c) return c;
    if (p->is_num != q->is_num) return p->is_num ? -1 : 1;
    c = memcmp(p->orig, q->orig, p->olen < q->olen ? p->olen : q->olen);
    if (c) return c;
    return p->olen < q->olen ? -1 : p->olen > q->olen;
}

static cJSON *enc_value(enc *e, int idx, int depth);

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
    return strlen(s) == len && dp_utf8_check(s, len) == len;
}

/* 1 when the table at idx is to be written as an array. */
static int is_array(lua_State *L, int idx, lua_Integer *n) {
    int kind = 0;  /* 1 array mark, 2 object mark */
    if (lua_getmetatable(L, idx)) {
        luaL_getmetatable(L, ARRAY_MT);
        if (lua_rawequal(L, -1, -2)) kind = 1;
        lua_pop(L, 1);
        luaL_getmetatable(L, OBJECT_MT);
        if (lua_rawequal(L, -1, -2)) kind = 2;
        lua_pop(L, 2);
    }
    *n = (lua_Integer)lua_rawlen(L, idx);
    if (kind == 1) return 1;
    if (kind == 2) return 0;
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

/* Converted value for a start/end field, or -1 when no conversion applies. */
static int span_field(enc *e, int tidx, const char *key, lua_Integer *out) {
    if (!e->spans) return 0;
    if (strcmp(key, "start") != 0 && strcmp(key, "end") != 0) return 0;
    lua_getfield(e->L, tidx, "start");
    lua_getfield(e->L, tidx, "end");
    int ok = lua_isinteger(e->L, -1) && lua_isinteger(e->L, -2);
    lua_pop(e->L, 2);
    if (!ok) return 0;
    lua_getfield(e->L, tidx, "start");
    lua_getfield(e->L, tidx, "end");
    lua_Integer st = lua_tointeger(e->L, -2), en = lua_tointeger(e->L, -1);
    lua_pop(e->L, 2);
    /* only a span that lies within the text is an offset into it: anything
     * else (a user's own start/end, a stale span) is written as it is */
    if (st < 1 || en < st - 1 || (size_t)en > e->spans->len) return 0;
    lua_Integer v = key[0] == 's' ? st : en;
    /* Lua start s (1-based) -> code points before byte s-1; Lua end e
     * (inclusive) -> code points in text[0..e). */
    size_t b = key[0] == 's' ? (size_t)(v > 0 ? v - 1 : 0) : (size_t)v;
    *out = (lua_Integer)conv_byte_to_cp(e->spans, b);
    return 1;
}

static cJSON *enc_table(enc *e, int idx, int depth) {
    lua_State *L = e->L;
    lua_Integer n;
    if (depth > MAX_DEPTH) { enc_fail(e, "value nested too deeply (a cycle?)"); return NULL; }
    luaL_checkstack(L, 8, "json encode");
    if (is_array(L, idx, &n)) {
        cJSON *arr = cJSON_CreateArray();
        if (!arr) return NULL;
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, idx, i);
            cJSON *item = enc_value(e, lua_gettop(L), depth + 1);
            lua_pop(L, 1);
            if (!item) { cJSON_Delete(arr); return NULL; }
            cJSON_AddItemToArray(arr, item);
        }
        return arr;
    }
    /* collect keys, sort them, emit: anchor[3i+1] holds the original key,
     * anchor[3i+2] its string form and anchor[3i+3] the repaired form when
     * the string form is no valid JSON string, so all stay alive while we
     * sort */
    size_t cap = 16, nk = 0;
    okey *keys = malloc(cap * sizeof *keys);
    if (!keys) return NULL;
    lua_newtable(L);
    int anchor = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        int t = lua_type(L, -1);
        if (t != LUA_TSTRING && t != LUA_TNUMBER) continue;  /* not a JSON key */
        if (nk == cap) {
            cap *= 2;
            okey *nkeys = realloc(keys, cap * sizeof *keys);
            if (!nkeys) { free(keys); lua_settop(L, anchor - 1); return NULL; }
            keys = nkeys;
        }
        lua_Integer slot = (lua_Integer)(3 * nk + 1);
        okey *k = &keys[nk];
        lua_pushvalue(L, -1);
        lua_rawseti(L, anchor, slot);
        lua_pushvalue(L, -1);
        k->orig = lua_tolstring(L, -1, &k->olen);  /* converts the copy only */
        k->s = k->orig;
        k->is_num = t == LUA_TNUMBER;
        k->slot = slot;
        lua_rawseti(L, anchor, slot + 1);
        if (!json_clean(k->orig, k->olen)) {  /* a key is a JSON string too */
            char *fixed = utf8_fixed(k->orig, k->olen);
            if (!fixed) { free(keys); lua_settop(L, anchor - 1); return NULL; }
            lua_pushstring(L, fixed);
            free(fixed);
            k->s = lua_tostring(L, -1);
            lua_rawseti(L, anchor, slot + 2);
        }
        nk++;
    }
    for (size_t i = 0; i < nk; i++) {
        keys[i].rank = key_rank(keys[i].s);
        if (depth == 0 && e->order) {  /* the caller's order comes first */
            lua_Integer no = (lua_Integer)lua_rawlen(L, e->order);
            for (lua_Integer j = 1; j <= no; j++) {
                lua_rawgeti(L, e->order, j);
                const char *want = lua_tostring(L, -1);
                int hit = want && strcmp(want, keys[i].s) == 0;
                lua_pop(L, 1);
                if (hit) { keys[i].rank = -1000 + (int)j; break; }
            }
        }
    }
    qsort(keys, nk, sizeof *keys, key_cmp);
    cJSON *obj = cJSON_CreateObject();
    for (size_t i = 0; obj && i < nk; i++) {
        /* keys written alike: only the last one in key_cmp order is kept
         * (a string key over a number key), as a JSON reader would keep
         * the last of duplicate members */
        if (i + 1 < nk && strcmp(keys[i].s, keys[i + 1].s) == 0) continue;
        lua_Integer conv;
        cJSON *item;
        if (span_field(e, idx, keys[i].s, &conv)) {
            item = cJSON_CreateNumber((double)conv);
        } else {
            lua_rawgeti(L, anchor, keys[i].slot);
            lua_rawget(L, idx);
            item = enc_value(e, lua_gettop(L), depth + 1);
            lua_pop(L, 1);
        }
        if (!item) { cJSON_Delete(obj); obj = NULL; break; }
        cJSON_AddItemToObject(obj, keys[i].s, item);
    }
    free(keys);
    lua_pop(L, 1);  /* anchor */
    return obj;
}

static cJSON *enc_value(enc *e, int idx, int depth) {
    lua_State *L = e->L;
    switch (lua_type(L, idx)) {
    case LUA_TNIL: return cJSON_CreateNull();
    case LUA_TBOOLEAN: return cJSON_CreateBool(lua_toboolean(L, idx));
    case LUA_TNUMBER: {
        if (lua_isinteger(L, idx)) {  /* exact, all 64 bits */
            char buf[32];
            snprintf(buf, sizeof buf, "%lld", (long long)lua_tointeger(L, idx));
            return cJSON_CreateRaw(buf);
        }
        double d = lua_tonumber(L, idx);
        if (d != d || d - d != 0) { enc_fail(e, "cannot encode NaN or infinity"); return NULL; }
        return cJSON_CreateNumber(d);
    }
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        if (!json_clean(s, len)) {
            /* JSON strings are UTF-8 without NULs: repair a copy */
            char *fixed = utf8_fixed(s, len);
            if (!fixed) return NULL;
            cJSON *r = cJSON_CreateString(fixed);
            free(fixed);
            return r;
        }
        return cJSON_CreateString(s);
    }
    case LUA_TTABLE: return enc_table(e, idx, depth);
    case LUA_TLIGHTUSERDATA:
        if (lua_touserdata(L, idx) == NULL) return cJSON_CreateNull();
        /* fall through */
    default: {
        char msg[96];
        snprintf(msg, sizeof msg, "cannot encode a %s as JSON", luaL_typename(L, idx));
        enc_fail(e, msg);
        return NULL;
    }
    }
}

static char *encode(lua_State *L, int idx, int order, const char *spans, size_t spans_len,
                    int pretty, size_t *len, char *err, size_t errlen);

char *dp_json_encode_value(lua_State *L, int idx, const char *spans, size_t spans_len,
                           int pretty, size_t *len, char *err, size_t errlen) {
    return encode(L, idx, 0, spans, spans_len, pretty, len, err, errlen);
}

/* order: stack index of a list of top-level keys to write first, or 0 */
static char *encode(lua_State *L, int idx, int order, const char *spans, size_t spans_len,
                    int pretty, size_t *len, char *err, size_t errlen) {
    span_conv conv = { spans, spans_len, 0, 0, (size_t)-1 };
    enc e = { L, order, spans ? &conv : NULL, err, errlen };
    idx = lua_absindex(L, idx);
    err[0] = '\0';
    cJSON *tree = enc_value(&e, idx, 0);
    if (!tree) {
        if (!err[0]) snprintf(err, errlen, "out of memory");
        return NULL;
    }
    char *out = pretty ? cJSON_Print(tree) : cJSON_PrintUnformatted(tree);
    cJSON_Delete(tree);
    if (!out) { snprintf(err, errlen, "out of memory"); return NULL; }
    *len = strlen(out);
    return out;
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
    if (v > -9007199254740992.0 && v < 9007199254740992.0) {
        /* range first: converting inf or 1e300 to an integer is undefined */
        if (v == (double)(lua_Integer)v) lua_pushinteger(L, (lua_Integer)v);
        else lua_pushnumber(L, v);
        return;
    }
    size_t len;
    const char *lit = d->src && k >= d->scanned ? number_literal(d, k, &len) : NULL;
    if (lit && len < 24 && !memchr(lit, '.', len) && !memchr(lit, 'e', len) && !memchr(lit, 'E', len)) {
        char buf[24], *end;
        memcpy(buf, lit, len);
        buf[len] = '\0';
        errno = 0;
        long long x = strtoll(buf, &end, 10);
        if (errno == 0 && *end == '\0') { lua_pushinteger(L, (lua_Integer)x); return; }
    }
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

int dp_json_decode_push(lua_State *L, const char *s, size_t n, int spans, char *err,
                        size_t errlen) {
    const char *end = NULL;
    cJSON *tree = cJSON_ParseWithLengthOpts(s, n, &end, 0);
    if (!tree) {
        size_t off = end && end >= s ? (size_t)(end - s) : 0;
        size_t line = 1, col = 1;
        for (size_t i = 0; i < off && i < n; i++) {
            if (s[i] == '\n') { line++; col = 1; } else col++;
        }
        if (off >= n) snprintf(err, errlen, "unexpected end of JSON at line %zu, column %zu", line, col);
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

/* ---- Lua functions --------------------------------------------------- */

static int json_decode(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    int spans = lua_toboolean(L, 2);
    char err[160];
    if (!dp_json_decode_push(L, s, n, spans, err, sizeof err)) {
        luaL_pushfail(L);
        lua_pushstring(L, err);
        return 2;
    }
    return 1;
}

static int json_encode(lua_State *L) {
    luaL_checkany(L, 1);
    int pretty = 0, order = 0;
    const char *spans = NULL;
    size_t spans_len = 0;
    lua_settop(L, 2);
    if (lua_istable(L, 2)) {
        lua_getfield(L, 2, "pretty");
        pretty = lua_toboolean(L, -1);
        lua_getfield(L, 2, "spans");
        if (lua_type(L, -1) == LUA_TSTRING) spans = lua_tolstring(L, -1, &spans_len);
        lua_getfield(L, 2, "order");  /* index 5: stays on the stack while encoding */
        if (lua_istable(L, 5)) order = 5;
    }
    char err[160];
    size_t len;
    char *out = encode(L, 1, order, spans, spans_len, pretty, &len, err, sizeof err);
    if (!out) return luaL_error(L, "json.encode: %s", err);
    lua_pushlstring(L, out, len);
    free(out);
    return 1;
}

int dp_lua_open_json(lua_State *L) {
    static const luaL_Reg funcs[] = {
        { "decode", json_decode },
        { "encode", json_encode },
        { NULL, NULL },
    };
    luaL_newlib(L, funcs);
    return 1;
}
