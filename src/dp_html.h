/*
 * dp_html.h: HTML pages to UTF-8 text blocks and metadata elements (plain C,
 * no Lua).
 *
 * Method: the character set is found as the WHATWG Encoding and HTML
 * standards describe ("determining the character encoding": byte order mark,
 * then a prescan for <meta charset> and <meta http-equiv="Content-Type">),
 * with two practical rules of browsers and of trafilatura: a page that
 * declares nothing is UTF-8 when it is valid UTF-8 and windows-1252
 * otherwise, and a page that declares a single-byte Latin set but is valid
 * UTF-8 holding multi-byte sequences is UTF-8 (a saved page re-encoded
 * without fixing its meta). The bytes are converted with iconv and parsed
 * by gumbo, an HTML5 parser that follows the standard's tree construction,
 * so broken markup gives the tree a browser builds.
 *
 * The tree is then flattened in one walk into what boilerplate removal
 * needs (after Boilerpipe's text blocks and Readability's node scoring):
 *  - blocks: each run of text between block-level tags (p, div, li, h1, td,
 *    ..., and a run of two <br>), white space collapsed, a single <br> kept
 *    as a line break, with the number of its bytes inside links, the
 *    element that holds it, and the class and id of the inline elements in it;
 *  - elements: every block-level element that holds a block, with its
 *    parent, tag and a hint string (class, id, role, itemprop, the last part
 *    of itemtype; lower case) for the scorer;
 *  - items: the metadata elements (title, meta tags, JSON-LD scripts,
 *    <time datetime>, rel=author links, the canonical link, itemprop
 *    elements, the lang of <html>, the alt text of images).
 * Skipped with their content: script, style, noscript, template, svg, math,
 * iframe, canvas, object, form controls and media, and elements hidden by
 * the hidden attribute, aria-hidden="true" or an inline display:none or
 * visibility:hidden style (as Readability's visibility test).
 *
 * Speed: gumbo reads a lean copy of the page (dp_html_lean.h: no script and
 * style bodies, comments, unread attributes; long values as references),
 * allocates from chunks freed at once, and a page that is clean UTF-8 is
 * not copied before that (tests/bench/html_bench.lua times it).
 *
 * Units: 0-based byte offsets into dp_html_doc.arena, [off, off + len).
 */
#ifndef DP_HTML_H
#define DP_HTML_H

#include <stddef.h>

/* Where the character set came from. */
typedef enum dp_html_cs_source {
    DP_HTML_CS_BOM,        /* a byte order mark */
    DP_HTML_CS_META,       /* <meta charset> or http-equiv Content-Type */
    DP_HTML_CS_UTF8,       /* no usable declaration (or a Latin one), valid UTF-8 */
    DP_HTML_CS_DEFAULT,    /* no declaration, not UTF-8: windows-1252 */
    DP_HTML_CS_GIVEN       /* named by the caller */
} dp_html_cs_source;

/* Name of a source: "bom", "meta", "utf-8", "default", "given". */
const char *dp_html_cs_source_name(dp_html_cs_source s);

/* Find the character set of buf[0..n) and write its canonical label (lower
 * case: "utf-8", "utf-16le", "utf-16be", "windows-1252", "gb18030",
 * "shift_jis", ... or the declared label as written, lowered) to label
 * (NUL-terminated, at most labelsz - 1 bytes). The prescan reads the first
 * 64 KiB and stops at <body. */
dp_html_cs_source dp_html_detect_charset(const char *buf, size_t n, char *label, size_t labelsz);

/* Canonical label for a declared encoding label (WHATWG aliases: latin1,
 * iso-8859-1 and us-ascii are windows-1252, gb2312 and gbk are gb18030,
 * utf-16 is utf-16le); "" when the label is empty. (A UTF-16 label found by
 * the prescan means UTF-8: the bytes it was read from are ASCII-compatible.) */
void dp_html_canonical_label(const char *in, size_t n, char *label, size_t labelsz);

/* Convert buf[0..n) from charset to UTF-8 (malloc'd, NUL-terminated, owned
 * by the caller). A BOM is dropped, CRLF and CR become LF, bytes that are
 * invalid in the charset and NULs become U+FFFD, counted in *replaced. An
 * unknown charset sets *unknown to 1 and the bytes are read as UTF-8 when
 * they are valid UTF-8, else as windows-1252. Returns
 * the length, or (size_t)-1 when memory runs out. */
size_t dp_html_to_utf8(const char *buf, size_t n, const char *charset, char **out,
                       size_t *replaced, int *unknown);

/* One element that holds text. */
typedef struct dp_html_elem {
    int parent;              /* index in elems, -1 for the root */
    int depth;               /* 0 for the root (<html>) */
    size_t tag_off, tag_len; /* tag name, lower case */
    size_t hint_off, hint_len; /* "class id role itemprop itemtype", lower case */
} dp_html_elem;

/* One text block. */
typedef struct dp_html_block {
    size_t off, len;         /* the text: white space collapsed, '\n' for one <br> */
    size_t link_len;         /* bytes of the text inside <a href> */
    int elem;                /* the innermost block-level element holding it */
    size_t hint_off, hint_len; /* class and id of inline elements in it (lower case, at most 255 bytes) */
} dp_html_block;

/* Kinds of metadata items. */
typedef enum dp_html_item_kind {
    DP_HTML_TITLE,           /* value: the <title> text */
    DP_HTML_META,            /* key: name, property, itemprop or http-equiv (lower case); value: content */
    DP_HTML_JSONLD,          /* value: a <script type="application/ld+json"> body */
    DP_HTML_TIME,            /* key: datetime; value: the element's text */
    DP_HTML_AUTHOR_LINK,     /* key: href; value: the text of a rel=author link */
    DP_HTML_CANONICAL,       /* value: href of <link rel=canonical> */
    DP_HTML_ITEMPROP,        /* key: itemprop (lower case); value: content, datetime or text */
    DP_HTML_LANG,            /* value: the lang attribute of <html> */
    DP_HTML_IMG              /* value: the alt text of an <img> in the body, as written
                                (16 to 1000 bytes) */
} dp_html_item_kind;

typedef struct dp_html_item {
    dp_html_item_kind kind;
    size_t key_off, key_len;
    size_t val_off, val_len;
    int elem;                /* the innermost exported element around it, or -1 */
} dp_html_item;

typedef struct dp_html_doc {
    char charset[40];        /* the label used */
    dp_html_cs_source charset_source;
    size_t replaced;         /* bytes replaced by U+FFFD in the conversion */
    int unknown_charset;     /* the declared charset was unknown to iconv */
    char *arena;             /* every string, back to back */
    size_t arena_len, arena_cap;
    dp_html_elem *elems;
    size_t n_elems, cap_elems;
    dp_html_block *blocks;
    size_t n_blocks, cap_blocks;
    dp_html_item *items;
    size_t n_items, cap_items;
} dp_html_doc;

/* Parse the page buf[0..n). charset is the caller's label or NULL to
 * detect it. Returns 0 and fills *doc (free it with dp_html_free), or -1
 * when memory runs out (doc left empty). */
int dp_html_parse(const char *buf, size_t n, const char *charset, dp_html_doc *doc);

void dp_html_free(dp_html_doc *doc);

#endif
