/*
 * lua_yaml.c: pushes a dp_yaml tree as Lua values plus a positions table
 * (see lua_yaml.h).
 */
#include "lua_yaml.h"
#include "dp_yaml.h"
#include "lua_json.h"

#include <errno.h>
#include <lauxlib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NODES 1000000  /* nodes after alias expansion */

static int is_one_of(const char *s, const char *const *list) {
    for (; *list; list++)
        if (strcmp(s, *list) == 0) return 1;
    return 0;
}

/* Push a plain scalar with its core-schema type. */
static void push_plain(lua_State *L, const char *s, size_t len) {
    static const char *const nulls[] = { "", "~", "null", "Null", "NULL", NULL };
    static const char *const trues[] = { "true", "True", "TRUE", NULL };
    static const char *const falses[] = { "false", "False", "FALSE", NULL };
    static const char *const infs[] = { ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", NULL };
    static const char *const ninfs[] = { "-.inf", "-.Inf", "-.INF", NULL };
    static const char *const nans[] = { ".nan", ".NaN", ".NAN", NULL };
    if (is_one_of(s, nulls)) { lua_pushlightuserdata(L, NULL); return; }
    if (is_one_of(s, trues)) { lua_pushboolean(L, 1); return; }
    if (is_one_of(s, falses)) { lua_pushboolean(L, 0); return; }
    if (is_one_of(s, infs)) { lua_pushnumber(L, HUGE_VAL); return; }
    if (is_one_of(s, ninfs)) { lua_pushnumber(L, -HUGE_VAL); return; }
    if (is_one_of(s, nans)) { lua_pushnumber(L, NAN); return; }
    size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    if (i < len && s[i] >= '0' && s[i] <= '9') {
        char *end;
        errno = 0;
        if (s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'o') && i == 0) {
            long long v = strtoll(s + 2, &end, s[1] == 'x' ? 16 : 8);
            if (*end == '\0' && end != s + 2 && errno == 0) { lua_pushinteger(L, v); return; }
        } else {
            size_t j = i;
            while (j < len && s[j] >= '0' && s[j] <= '9') j++;
            if (j == len) {
                long long v = strtoll(s, &end, 10);
                if (errno == 0) { lua_pushinteger(L, v); return; }
            }
        }
    }
    if (len > 0 && strspn(s, "+-0123456789.eE") == len && strpbrk(s, "0123456789")) {
        char *end;
        double d = strtod(s, &end);
        if (*end == '\0') { lua_pushnumber(L, d); return; }
    }
    lua_pushlstring(L, s, len);
}

static void push_pos(lua_State *L, const dp_yaml_node *nd) {
    lua_createtable(L, 0, 2);
    lua_pushinteger(L, nd->line);
    lua_setfield(L, -2, "line");
    lua_pushinteger(L, nd->column);
    lua_setfield(L, -2, "column");
}

/* A YAML 1.1 merge key: `<<` written plain (a quoted "<<" is an ordinary key). */
static int is_merge_key(const dp_yaml_node *k) {
    return k->kind == DP_YAML_SCALAR && k->plain && k->len == 2 && memcmp(k->value, "<<", 2) == 0;
}

static int push_node(lua_State *L, const dp_yaml_node *nd, int ipos, char *err, size_t errlen,
                     const dp_yaml_node **where);

/* Merge the mapping src (its Lua table at index s, with positions) into the
 * table at t (positions pe): each key t does not hold yet is copied with its
 * value and positions. */
static void merge_one(lua_State *L, int t, int pe, int s, int ipos) {
    lua_pushvalue(L, s);
    lua_rawget(L, ipos);
    int spe = lua_gettop(L);
    lua_getfield(L, spe, "keys");
    lua_getfield(L, spe, "values");
    lua_getfield(L, pe, "keys");
    lua_getfield(L, pe, "values");
    int sk = spe + 1, sv = spe + 2, tk = spe + 3, tv = spe + 4;
    lua_pushnil(L);
    while (lua_next(L, s)) {
        lua_pushvalue(L, -2);
        if (lua_rawget(L, t) != LUA_TNIL) {  /* an explicit key (or an earlier mapping) wins */
            lua_pop(L, 2);
            continue;
        }
        lua_pop(L, 1);
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, t);  /* t[k] = v; k stays for lua_next */
        lua_pushvalue(L, -1);
        lua_pushvalue(L, -1);
        lua_rawget(L, sk);
        lua_rawset(L, tk);
        lua_pushvalue(L, -1);
        lua_pushvalue(L, -1);
        lua_rawget(L, sv);
        lua_rawset(L, tv);
    }
    lua_settop(L, spe - 1);
}

/* YAML 1.1's merge type: `<<: *m` merges the mapping m into the mapping at t,
 * `<<: [*a, *b]` each mapping of the list, the earlier first; the mapping's
 * own keys win over merged ones, wherever `<<` stands. */
static int apply_merge(lua_State *L, int t, int pe, const dp_yaml_node *v, const dp_yaml_node *k,
                       int ipos, char *err, size_t errlen, const dp_yaml_node **where) {
    (void)k;
    size_t n = v->kind == DP_YAML_SEQ ? v->n : 1;
    for (size_t i = 0; i < n; i++) {
        const dp_yaml_node *m = v->kind == DP_YAML_SEQ ? v->items[i] : v;
        if (m->kind != DP_YAML_MAP) {
            snprintf(err, errlen, "a merge key (<<) takes a mapping or a list of mappings "
                     "(such as *defaults), not a %s",
                     m->kind == DP_YAML_SEQ ? "list" : "plain value");
            *where = m;
            return 0;
        }
        if (!push_node(L, m, ipos, err, errlen, where)) return 0;
        merge_one(L, t, pe, lua_gettop(L), ipos);
        lua_pop(L, 1);
    }
    return 1;
}

/* Push the Lua value for nd; record positions of tables in table at ipos.
 * Returns 0 with a message pushed on a duplicate key. */
static int push_node(lua_State *L, const dp_yaml_node *nd, int ipos, char *err, size_t errlen,
                     const dp_yaml_node **where) {
    luaL_checkstack(L, 8, "yaml");
    if (nd->kind == DP_YAML_SCALAR) {
        if (nd->plain) push_plain(L, nd->value, nd->len);
        else lua_pushlstring(L, nd->value, nd->len);
        return 1;
    }
    int is_map = nd->kind == DP_YAML_MAP;
    lua_createtable(L, is_map ? 0 : (int)nd->n, is_map ? (int)nd->n : 0);
    if (is_map) dp_json_push_object_mt(L); else dp_json_push_array_mt(L);
    lua_setmetatable(L, -2);
    int t = lua_gettop(L);
    /* positions[t] = {line, column, keys = {}, values = {}} */
    push_pos(L, nd);
    int pe = lua_gettop(L);
    lua_newtable(L);
    lua_setfield(L, pe, "keys");
    lua_newtable(L);
    lua_setfield(L, pe, "values");
    lua_pushvalue(L, t);
    lua_pushvalue(L, pe);
    lua_rawset(L, ipos);
    const dp_yaml_node *merge = NULL, *merge_key = NULL;  /* a `<<: ...` entry */
    for (size_t i = 0; i < nd->n; i++) {
        const dp_yaml_node *v = is_map ? nd->items[2 * i + 1] : nd->items[i];
        if (is_map) {
            const dp_yaml_node *k = nd->items[2 * i];
            if (is_merge_key(k)) {  /* applied after the explicit keys, which win */
                if (merge) {
                    snprintf(err, errlen, "duplicate key '<<'");
                    *where = k;
                    return 0;
                }
                merge = v;
                merge_key = k;
                continue;
            }
            if (k->kind != DP_YAML_SCALAR) {
                snprintf(err, errlen, "a mapping key must be a plain value, not a %s",
                         k->kind == DP_YAML_MAP ? "mapping" : "list");
                *where = k;
                return 0;
            }
            if (!push_node(L, k, ipos, err, errlen, where)) return 0;
            if (lua_isnil(L, -1) || lua_type(L, -1) == LUA_TLIGHTUSERDATA) {
                lua_pop(L, 1);
                lua_pushliteral(L, "null");
            }
            if (lua_type(L, -1) == LUA_TNUMBER && lua_tonumber(L, -1) != lua_tonumber(L, -1)) {
                /* .nan: Lua tables take no NaN key (rawset would raise) */
                snprintf(err, errlen, "a mapping key cannot be NaN");
                *where = k;
                return 0;
            }
            lua_pushvalue(L, -1);
            lua_rawget(L, t);
            if (!lua_isnil(L, -1)) {
                snprintf(err, errlen, "duplicate key '%s'",
                         lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?");
                *where = k;
                return 0;
            }
            lua_pop(L, 1);
            /* keys[k] = pos(k); values[k] = pos(v) */
            lua_getfield(L, pe, "keys");
            lua_pushvalue(L, -2);
            push_pos(L, k);
            lua_rawset(L, -3);
            lua_pop(L, 1);
        } else {
            lua_pushinteger(L, (lua_Integer)i + 1);
        }
        lua_getfield(L, pe, "values");
        lua_pushvalue(L, -2);
        push_pos(L, v);
        lua_rawset(L, -3);
        lua_pop(L, 1);
        if (!push_node(L, v, ipos, err, errlen, where)) return 0;
        lua_rawset(L, t);
    }
    if (merge && !apply_merge(L, t, pe, merge, merge_key, ipos, err, errlen, where)) return 0;
    lua_settop(L, t);
    return 1;
}

/* The parsed document sits in a userdata while its values are pushed, so
 * that a Lua error on the way (no memory, stack overflow) cannot leak it:
 * the collector frees it then. */
typedef struct doc_box {
    dp_yaml_doc *doc;
} doc_box;

static int doc_box_gc(lua_State *L) {
    doc_box *b = (doc_box *)lua_touserdata(L, 1);
    dp_yaml_free(b->doc);
    b->doc = NULL;
    return 0;
}

static int yaml_load(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    const char *name = luaL_optstring(L, 2, "<yaml>");
    lua_settop(L, 2);
    doc_box *box = (doc_box *)lua_newuserdatauv(L, sizeof *box, 0);  /* index 3 */
    box->doc = NULL;
    if (luaL_newmetatable(L, "docpipe.yaml.doc")) {
        lua_pushcfunction(L, doc_box_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_setmetatable(L, 3);
    dp_yaml_error e;
    box->doc = dp_yaml_parse(s, n, MAX_NODES, &e);
    if (!box->doc) {
        luaL_pushfail(L);
        if (e.line) lua_pushfstring(L, "%s:%d:%d: %s", name, e.line, e.column, e.message);
        else lua_pushfstring(L, "%s: %s", name, e.message);
        return 2;
    }
    lua_newtable(L);  /* positions, index 4 */
    char err[200];
    const dp_yaml_node *where = NULL;
    const dp_yaml_node *root = dp_yaml_root(box->doc);
    int ok = push_node(L, root, 4, err, sizeof err, &where);
    int line = where ? where->line : 0, col = where ? where->column : 0;
    dp_yaml_free(box->doc);
    box->doc = NULL;
    if (!ok) {
        luaL_pushfail(L);
        lua_pushfstring(L, "%s:%d:%d: %s", name, line, col, err);
        return 2;
    }
    lua_pushvalue(L, 4);  /* value, positions */
    return 2;
}

int dp_lua_open_yaml(lua_State *L) {
    static const luaL_Reg funcs[] = {
        { "load", yaml_load },
        { NULL, NULL },
    };
    luaL_newlib(L, funcs);
    return 1;
}
