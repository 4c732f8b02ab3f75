/*
 * lua_html.c: docpipe.html, a thin binding over dp_html.c.
 *
 *   html.parse(bytes [, charset]) -> page
 *     page.charset, page.charset_source ("bom", "meta", "utf-8", "default",
 *     "given"), page.replaced (bytes replaced by U+FFFD), page.unknown_charset
 *     page.blocks   = { {text, el, tag, links, hint}, ... } in document order;
 *                     links is the number of bytes of text inside <a href>, hint
 *                     (absent when empty) the class and id of inline elements in it
 *     page.elements = { {tag, parent, depth, hint}, ... }; parent is an
 *                     index in elements (nil for the root), hint the lower-case
 *                     class, id, role, itemprop, itemtype, data-component
 *     page.title, page.lang, page.canonical (strings or nil)
 *     page.meta     = { {key, value}, ... } every <meta> with a content
 *     page.jsonld   = { string, ... } the bodies of ld+json scripts
 *     page.times    = { {datetime, text, el}, ... }
 *     page.author_links = { {href, text, el}, ... }
 *     page.itemprops = { {name, value, el}, ... }
 *     page.images   = { {alt, el}, ... } <img> alt texts of 16+ bytes in the body
 *   html.charset(bytes) -> label, source
 *   html.to_utf8(bytes, charset) -> string, replaced, unknown
 *
 * Indexes are 1-based. The parsed page is held by a userdata with a __gc
 * until the tables are built, so an allocation error leaks nothing.
 */
#include "lua_html.h"
#include "dp_html.h"

#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#define DOC_MT "docpipe.html.doc"

static int doc_gc(lua_State *L) {
    dp_html_doc *d = luaL_checkudata(L, 1, DOC_MT);
    dp_html_free(d);
    return 0;
}

static void set_str(lua_State *L, const dp_html_doc *d, const char *key, size_t off, size_t len) {
    lua_pushlstring(L, d->arena + off, len);
    lua_setfield(L, -2, key);
}

static void set_int(lua_State *L, const char *key, lua_Integer v) {
    lua_pushinteger(L, v);
    lua_setfield(L, -2, key);
}

/* html.parse(bytes [, charset]) */
static int h_parse(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    const char *cs = luaL_optstring(L, 2, NULL);
    dp_html_doc *d = lua_newuserdatauv(L, sizeof *d, 0);
    memset(d, 0, sizeof *d);
    luaL_setmetatable(L, DOC_MT);
    int ud = lua_gettop(L);
    if (dp_html_parse(s, n, cs, d) != 0) return luaL_error(L, "docpipe.html: out of memory");

    lua_createtable(L, 0, 16);
    lua_pushstring(L, d->charset);
    lua_setfield(L, -2, "charset");
    lua_pushstring(L, dp_html_cs_source_name(d->charset_source));
    lua_setfield(L, -2, "charset_source");
    set_int(L, "replaced", (lua_Integer)d->replaced);
    lua_pushboolean(L, d->unknown_charset);
    lua_setfield(L, -2, "unknown_charset");

    /* elements; their tag names are kept in a list for the blocks */
    lua_createtable(L, (int)d->n_elems, 0);
    int els = lua_gettop(L);
    for (size_t i = 0; i < d->n_elems; i++) {
        const dp_html_elem *e = &d->elems[i];
        /* room for the fields docpipe.html.extract adds to most elements
         * (more would cost 32 bytes a slot on pages of very many elements) */
        lua_createtable(L, 0, 8);
        set_str(L, d, "tag", e->tag_off, e->tag_len);
        if (e->parent >= 0) set_int(L, "parent", e->parent + 1);
        set_int(L, "depth", e->depth);
        set_str(L, d, "hint", e->hint_off, e->hint_len);
        lua_rawseti(L, els, (lua_Integer)i + 1);
    }
    lua_createtable(L, (int)d->n_blocks, 0);
    for (size_t i = 0; i < d->n_blocks; i++) {
        const dp_html_block *b = &d->blocks[i];
        lua_createtable(L, 0, 8);  /* and chars, lchars, commas */
        set_str(L, d, "text", b->off, b->len);
        set_int(L, "links", (lua_Integer)b->link_len);
        if (b->hint_len) set_str(L, d, "hint", b->hint_off, b->hint_len);
        if (b->elem >= 0) {
            set_int(L, "el", b->elem + 1);
            set_str(L, d, "tag", d->elems[b->elem].tag_off, d->elems[b->elem].tag_len);
        }
        lua_rawseti(L, -2, (lua_Integer)i + 1);
    }
    lua_setfield(L, -3, "blocks");
    lua_setfield(L, -2, "elements");

    lua_newtable(L);
    int meta = lua_gettop(L);
    lua_newtable(L);
    int jsonld = lua_gettop(L);
    lua_newtable(L);
    int times = lua_gettop(L);
    lua_newtable(L);
    int authors = lua_gettop(L);
    lua_newtable(L);
    int props = lua_gettop(L);
    lua_newtable(L);
    int images = lua_gettop(L);
    int page = meta - 1;
    for (size_t i = 0; i < d->n_items; i++) {
        const dp_html_item *it = &d->items[i];
        switch (it->kind) {
        case DP_HTML_TITLE:
            lua_pushlstring(L, d->arena + it->val_off, it->val_len);
            lua_setfield(L, page, "title");
            break;
        case DP_HTML_LANG:
            lua_pushlstring(L, d->arena + it->val_off, it->val_len);
            lua_setfield(L, page, "lang");
            break;
        case DP_HTML_CANONICAL:
            lua_getfield(L, page, "canonical");
            if (lua_isnil(L, -1)) {
                lua_pushlstring(L, d->arena + it->val_off, it->val_len);
                lua_setfield(L, page, "canonical");
            }
            lua_pop(L, 1);
            break;
        case DP_HTML_JSONLD:
            lua_pushlstring(L, d->arena + it->val_off, it->val_len);
            lua_rawseti(L, jsonld, (lua_Integer)lua_rawlen(L, jsonld) + 1);
            break;
        case DP_HTML_META:
            lua_createtable(L, 0, 2);
            set_str(L, d, "key", it->key_off, it->key_len);
            set_str(L, d, "value", it->val_off, it->val_len);
            lua_rawseti(L, meta, (lua_Integer)lua_rawlen(L, meta) + 1);
            break;
        case DP_HTML_TIME:
            lua_createtable(L, 0, 3);
            set_str(L, d, "datetime", it->key_off, it->key_len);
            set_str(L, d, "text", it->val_off, it->val_len);
            if (it->elem >= 0) set_int(L, "el", it->elem + 1);
            lua_rawseti(L, times, (lua_Integer)lua_rawlen(L, times) + 1);
            break;
        case DP_HTML_AUTHOR_LINK:
            lua_createtable(L, 0, 3);
            set_str(L, d, "href", it->key_off, it->key_len);
            set_str(L, d, "text", it->val_off, it->val_len);
            if (it->elem >= 0) set_int(L, "el", it->elem + 1);
            lua_rawseti(L, authors, (lua_Integer)lua_rawlen(L, authors) + 1);
            break;
        case DP_HTML_ITEMPROP:
            lua_createtable(L, 0, 3);
            set_str(L, d, "name", it->key_off, it->key_len);
            set_str(L, d, "value", it->val_off, it->val_len);
            if (it->elem >= 0) set_int(L, "el", it->elem + 1);
            lua_rawseti(L, props, (lua_Integer)lua_rawlen(L, props) + 1);
            break;
        case DP_HTML_IMG:
            lua_createtable(L, 0, 2);
            set_str(L, d, "alt", it->val_off, it->val_len);
            if (it->elem >= 0) set_int(L, "el", it->elem + 1);
            lua_rawseti(L, images, (lua_Integer)lua_rawlen(L, images) + 1);
            break;
        }
    }
    lua_setfield(L, page, "images");
    lua_setfield(L, page, "itemprops");
    lua_setfield(L, page, "author_links");
    lua_setfield(L, page, "times");
    lua_setfield(L, page, "jsonld");
    lua_setfield(L, page, "meta");
    dp_html_free(d);
    lua_remove(L, ud);
    return 1;
}

/* html.charset(bytes) -> label, source */
static int h_charset(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    char label[40];
    dp_html_cs_source src = dp_html_detect_charset(s, n, label, sizeof label);
    lua_pushstring(L, label);
    lua_pushstring(L, dp_html_cs_source_name(src));
    return 2;
}

#define BUF_MT "docpipe.html.buf"

static int buf_gc(lua_State *L) {
    char **p = luaL_checkudata(L, 1, BUF_MT);
    free(*p);
    *p = NULL;
    return 0;
}

/* html.to_utf8(bytes, charset) -> string, replaced, unknown */
static int h_to_utf8(lua_State *L) {
    size_t n, replaced;
    const char *s = luaL_checklstring(L, 1, &n);
    const char *cs = luaL_checkstring(L, 2);
    char **box = lua_newuserdatauv(L, sizeof *box, 0);  /* frees the result on an error */
    *box = NULL;
    luaL_setmetatable(L, BUF_MT);
    int unknown;
    size_t len = dp_html_to_utf8(s, n, cs, box, &replaced, &unknown);
    if (len == (size_t)-1) return luaL_error(L, "docpipe.html: out of memory");
    lua_pushlstring(L, *box, len);
    free(*box);
    *box = NULL;
    lua_pushinteger(L, (lua_Integer)replaced);
    lua_pushboolean(L, unknown);
    return 3;
}

int dp_lua_open_html(lua_State *L) {
    static const luaL_Reg funcs[] = {
        { "charset", h_charset },
        { "parse", h_parse },
        { "to_utf8", h_to_utf8 },
        { NULL, NULL },
    };
    if (luaL_newmetatable(L, DOC_MT)) {
        lua_pushcfunction(L, doc_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_pop(L, 1);
    if (luaL_newmetatable(L, BUF_MT)) {
        lua_pushcfunction(L, buf_gc);
        lua_setfield(L, -2, "__gc");
    }
    lua_pop(L, 1);
    luaL_newlib(L, funcs);
    return 1;
}
