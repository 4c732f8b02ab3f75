/* Unit tests for dp_html.c: character sets, conversion, blocks, elements and
 * metadata items. The pages are invented. */
#include "dp_test.h"
#include "dp_html.h"

#include <stdlib.h>

static char label[40];

static const char *detect(const char *s, dp_html_cs_source *src) {
    *src = dp_html_detect_charset(s, strlen(s), label, sizeof label);
    return label;
}

static void test_charset_detection(void) {
    dp_html_cs_source src;
    CHECK_STR(detect("\xEF\xBB\xBF<p>caf\xC3\xA9</p>", &src), "utf-8");
    CHECK_INT(src, DP_HTML_CS_BOM);
    CHECK_STR(detect("<meta charset=\"ISO-8859-1\"><p>caf\xE9</p>", &src), "windows-1252");
    CHECK_INT(src, DP_HTML_CS_META);
    CHECK_STR(detect("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">", &src),
              "shift_jis");
    CHECK_INT(src, DP_HTML_CS_META);
    CHECK_STR(detect("<meta content='text/html;charset=gb2312' http-equiv='content-type'>", &src), "gb18030");
    /* a meta inside a comment or an attribute value does not count */
    CHECK_STR(detect("<!-- <meta charset=koi8-r> --><p>plain</p>", &src), "utf-8");
    CHECK_INT(src, DP_HTML_CS_UTF8);
    CHECK_STR(detect("<a title=\"<meta charset=koi8-r>\">x</a>", &src), "utf-8");
    /* after <body> the prescan stops */
    CHECK_STR(detect("<body><meta charset=koi8-r>", &src), "utf-8");
    /* no declaration: valid UTF-8, else windows-1252 */
    CHECK_STR(detect("<p>caf\xC3\xA9</p>", &src), "utf-8");
    CHECK_INT(src, DP_HTML_CS_UTF8);
    CHECK_STR(detect("<p>caf\xE9</p>", &src), "windows-1252");
    CHECK_INT(src, DP_HTML_CS_DEFAULT);
    /* a Latin declaration on bytes that are UTF-8 with multi-byte sequences */
    CHECK_STR(detect("<meta charset=iso-8859-1><p>caf\xC3\xA9</p>", &src), "utf-8");
    CHECK_INT(src, DP_HTML_CS_UTF8);
    /* a UTF-16 label in a meta means UTF-8 */
    CHECK_STR(detect("<meta charset=utf-16>", &src), "utf-8");
    CHECK_STR(detect("\xFF\xFE<\0p\0>\0", &src), "utf-16le");
}

static void test_to_utf8(void) {
    char *out;
    size_t replaced;
    int unknown;
    size_t n = dp_html_to_utf8("caf\xE9 \x93ok\x94", 9, "windows-1252", &out, &replaced, &unknown);
    CHECK_STR(out, "caf\xC3\xA9 \xE2\x80\x9Cok\xE2\x80\x9D");
    CHECK_INT(n, strlen(out));
    CHECK_INT(replaced, 0);
    CHECK_INT(unknown, 0);
    free(out);
    /* 0x81 is undefined in windows-1252 */
    dp_html_to_utf8("a\x81z", 3, "windows-1252", &out, &replaced, &unknown);
    CHECK_STR(out, "a\xEF\xBF\xBDz");
    CHECK_INT(replaced, 1);
    free(out);
    /* invalid UTF-8 and CRLF */
    dp_html_to_utf8("a\xC3z\r\nb", 6, "utf-8", &out, &replaced, &unknown);
    CHECK_STR(out, "a\xEF\xBF\xBDz\nb");
    CHECK_INT(replaced, 1);
    free(out);
    dp_html_to_utf8("\xFF\xFE" "h\0i\0", 6, "utf-16le", &out, &replaced, &unknown);
    CHECK_STR(out, "hi");
    free(out);
    /* an unknown label: valid UTF-8 stays UTF-8 */
    dp_html_to_utf8("caf\xC3\xA9", 5, "x-no-such-set", &out, &replaced, &unknown);
    CHECK_STR(out, "caf\xC3\xA9");
    CHECK_INT(unknown, 1);
    free(out);
}

static dp_html_doc doc;

static void parse(const char *s) {
    dp_html_free(&doc);
    CHECK_INT(dp_html_parse(s, strlen(s), NULL, &doc), 0);
}

static char tmp[512];

static const char *block(size_t i) {
    if (i >= doc.n_blocks) return "(none)";
    snprintf(tmp, sizeof tmp, "%.*s", (int)doc.blocks[i].len, doc.arena + doc.blocks[i].off);
    return tmp;
}

static const char *elem_tag(int e) {
    if (e < 0) return "(none)";
    snprintf(tmp, sizeof tmp, "%.*s", (int)doc.elems[e].tag_len, doc.arena + doc.elems[e].tag_off);
    return tmp;
}

static const char *elem_hint(int e) {
    snprintf(tmp, sizeof tmp, "%.*s", (int)doc.elems[e].hint_len, doc.arena + doc.elems[e].hint_off);
    return tmp;
}

static void test_blocks(void) {
    parse("<html><body><div class='Story Main' id=top><h1>Port  closes</h1>"
          "<p>First <b>line</b>\n of text, <a href='/x'>a link</a>.</p>"
          "Loose text<p>Two<br>lines</p><p>Para one<br><br>Para two</p>"
          "<ul><li>one</li><li>two</li></ul></div></body></html>");
    CHECK_INT(doc.n_blocks, 8);
    CHECK_STR(block(0), "Port closes");
    CHECK_STR(elem_tag(doc.blocks[0].elem), "h1");
    CHECK_STR(block(1), "First line of text, a link.");
    CHECK_INT(doc.blocks[1].link_len, 6);
    CHECK_STR(block(2), "Loose text");
    CHECK_STR(elem_tag(doc.blocks[2].elem), "div");
    CHECK_STR(elem_hint(doc.blocks[2].elem), "story main top");
    CHECK_STR(block(3), "Two\nlines");
    CHECK_STR(block(4), "Para one");
    CHECK_STR(block(5), "Para two");
    CHECK_STR(block(6), "one");
    CHECK_STR(elem_tag(doc.blocks[6].elem), "li");
    /* parents: li -> ul -> div -> body -> html */
    int li = doc.blocks[6].elem;
    int ul = doc.elems[li].parent;
    CHECK_STR(elem_tag(ul), "ul");
    CHECK_STR(elem_tag(doc.elems[ul].parent), "div");
    CHECK_INT(doc.elems[doc.elems[ul].parent].depth, 2);
    CHECK_STR(doc.charset, "utf-8");
}

static void test_skipped(void) {
    parse("<body><script>var s = '<p>no</p>';</script><style>p{}</style>"
          "<noscript><p>no script</p></noscript><p hidden>hidden</p>"
          "<p aria-hidden=\"true\">aria</p><p style=\"display: none\">styled</p>"
          "<svg><text>chart</text></svg><form><input value=x><button>Go</button><label>Name</label></form>"
          "<p>kept&nbsp;&amp; shown</p></body>");
    CHECK_INT(doc.n_blocks, 2);
    CHECK_STR(block(0), "Name");
    CHECK_STR(block(1), "kept & shown");
}

static void test_inline_hints(void) {
    parse("<div><p><span class=\"Byline\">By Ana Ruiz</span></p><p>Plain</p></div>");
    CHECK_INT(doc.n_blocks, 2);
    CHECK_INT(doc.blocks[0].hint_len, 6);
    CHECK(strncmp(doc.arena + doc.blocks[0].hint_off, "byline", 6) == 0);
    CHECK_INT(doc.blocks[1].hint_len, 0);
}

static const dp_html_item *item(dp_html_item_kind k, size_t nth) {
    for (size_t i = 0; i < doc.n_items; i++)
        if (doc.items[i].kind == k && nth-- == 0) return &doc.items[i];
    return NULL;
}

static const char *val(const dp_html_item *it) {
    if (!it) return "(none)";
    snprintf(tmp, sizeof tmp, "%.*s", (int)it->val_len, doc.arena + it->val_off);
    return tmp;
}

static const char *key(const dp_html_item *it) {
    if (!it) return "(none)";
    snprintf(tmp, sizeof tmp, "%.*s", (int)it->key_len, doc.arena + it->key_off);
    return tmp;
}

static void test_items(void) {
    parse("<html lang=en-GB><head><title> Mine  inquiry | Courier </title>"
          "<meta property='OG:Title' content='Mine inquiry'><meta name=author content='Ana Ruiz'>"
          "<link rel='canonical' href='https://c.example/a'>"
          "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"</p>x\"}</script>"
          "</head><body><div class=meta><a rel=author href='/ana'>Ana Ruiz</a>"
          "<time datetime='2030-05-01T10:00Z'>May 1</time><span itemprop=author>Tom Lee</span>"
          "<meta itemprop=datePublished content=2030-05-01></div><p>Body text.</p></body></html>");
    CHECK_STR(val(item(DP_HTML_TITLE, 0)), "Mine inquiry | Courier");
    CHECK_STR(val(item(DP_HTML_LANG, 0)), "en-GB");
    CHECK_STR(key(item(DP_HTML_META, 0)), "og:title");
    CHECK_STR(val(item(DP_HTML_META, 0)), "Mine inquiry");
    CHECK_STR(key(item(DP_HTML_META, 1)), "author");
    CHECK_STR(val(item(DP_HTML_CANONICAL, 0)), "https://c.example/a");
    CHECK_STR(val(item(DP_HTML_JSONLD, 0)), "{\"@type\":\"NewsArticle\",\"headline\":\"</p>x\"}");
    CHECK_STR(key(item(DP_HTML_AUTHOR_LINK, 0)), "/ana");
    CHECK_STR(val(item(DP_HTML_AUTHOR_LINK, 0)), "Ana Ruiz");
    CHECK_STR(key(item(DP_HTML_TIME, 0)), "2030-05-01T10:00Z");
    CHECK_STR(val(item(DP_HTML_TIME, 0)), "May 1");
    const dp_html_item *t = item(DP_HTML_TIME, 0);
    CHECK(t && t->elem >= 0);
    if (t && t->elem >= 0) CHECK_STR(elem_hint(t->elem), "meta");
    CHECK_STR(key(item(DP_HTML_ITEMPROP, 0)), "author");
    CHECK_STR(val(item(DP_HTML_ITEMPROP, 0)), "Tom Lee");
    CHECK_STR(key(item(DP_HTML_META, 2)), "datepublished");
    /* the title is no text block, the body is */
    CHECK_STR(block(doc.n_blocks - 1), "Body text.");
}

/* The alt text of body images of 16 bytes or more, with the element around them. */
static void test_image_alts(void) {
    parse("<html><head><title>t</title></head><body><div class=pic>"
          "<img src=a.jpg alt='Crews close the eleven gates on Monday.'><img src=b.jpg alt='logo'>"
          "</div><p>Body text.</p></body></html>");
    const dp_html_item *im = item(DP_HTML_IMG, 0);
    CHECK_STR(val(im), "Crews close the eleven gates on Monday.");
    CHECK(im && im->elem >= 0);
    if (im && im->elem >= 0) CHECK_STR(elem_hint(im->elem), "pic");
    CHECK(item(DP_HTML_IMG, 1) == NULL);
}

/* Script and style bodies are left out before parsing; the tree must be the
 * one of the whole page: a "</div>" in a string, the escaped states of a
 * "<!--" and "<script" in a script, a script inside <svg>, RCDATA. */
static void test_script_elision(void) {
    parse("<div><script>var a = '</div><p>fake</p>';</script><p>one</p></div>"
          "<script><!-- document.write('<script>x()</script>'); --></script><p>two</p>"
          "<script><!-- <script> </script> still script <p>no</p> --></script><p>three</p>"
          "<textarea><script></textarea><p>four</p>"
          "<svg><script>var b;</script></svg><p>five</p>"
          "<style>p::after{content:'</p><p>x'}</style><p>six</p>"
          "<script type='application/ld+json'>{\"a\":1}</script>");
    CHECK_INT(doc.n_blocks, 6);
    CHECK_STR(block(0), "one");
    CHECK_STR(block(1), "two");
    CHECK_STR(block(2), "three");
    CHECK_STR(block(3), "four");
    CHECK_STR(block(4), "five");
    CHECK_STR(block(5), "six");
    CHECK_STR(val(item(DP_HTML_JSONLD, 0)), "{\"a\":1}");
}

static void test_charset_in_parse(void) {
    const char *page = "<meta charset=windows-1252><p>Ren\xE9" "e</p>";
    dp_html_free(&doc);
    CHECK_INT(dp_html_parse(page, strlen(page), NULL, &doc), 0);
    CHECK_STR(doc.charset, "windows-1252");
    CHECK_INT(doc.charset_source, DP_HTML_CS_META);
    CHECK_STR(block(0), "Ren\xC3\xA9" "e");
    dp_html_free(&doc);
    CHECK_INT(dp_html_parse("<p>x</p>", 8, "latin1", &doc), 0);
    CHECK_STR(doc.charset, "windows-1252");
    CHECK_INT(doc.charset_source, DP_HTML_CS_GIVEN);
}

static void test_edge_pages(void) {
    parse("");
    CHECK_INT(doc.n_blocks, 0);
    parse("plain text only");
    CHECK_INT(doc.n_blocks, 1);
    CHECK_STR(block(0), "plain text only");
    /* deep nesting does not recurse on the C stack */
    size_t depth = 20000;
    char *deep = malloc(depth * 5 + 16);
    size_t k = 0;
    for (size_t i = 0; i < depth; i++) { memcpy(deep + k, "<div>", 5); k += 5; }
    memcpy(deep + k, "deep", 5);
    dp_html_free(&doc);
    CHECK_INT(dp_html_parse(deep, k + 4, NULL, &doc), 0);
    CHECK_INT(doc.n_blocks, 1);
    CHECK_STR(block(0), "deep");
    free(deep);
    dp_html_free(&doc);
}

/* Pages nested far deeper than any real one: no stack overflow (the walk
 * and the export of elements are iterative), no quadratic parse (start tags
 * past 512 open elements are left out, the text kept). */
static void test_pathological_nesting(void) {
    size_t reps = 30000, k = 0;
    const char *cell = "<table><tr><td>";
    char *page = malloc(reps * strlen(cell) + 64);
    for (size_t i = 0; i < reps; i++) { memcpy(page + k, cell, strlen(cell)); k += strlen(cell); }
    memcpy(page + k, "Cell text.", 10);
    k += 10;
    CHECK_INT(dp_html_parse(page, k, NULL, &doc), 0);
    CHECK_INT(doc.n_blocks, 1);
    CHECK_STR(block(0), "Cell text.");
    int maxdepth = 0;
    for (size_t i = 0; i < doc.n_elems; i++)
        if (doc.elems[i].depth > maxdepth) maxdepth = doc.elems[i].depth;
    CHECK(maxdepth > 100 && maxdepth <= 4 * 512 + 8);  /* table, tbody, tr, td per level */
    dp_html_free(&doc);
    free(page);

    reps = 100000;  /* unclosed formatting elements */
    page = malloc(reps * 5 + 64);
    k = 0;
    memcpy(page + k, "<p>Start. ", 10);
    k += 10;
    for (size_t i = 0; i < reps; i++) { memcpy(page + k, "<b>x ", 5); k += 5; }
    memcpy(page + k, "end.</p>", 8);
    k += 8;
    CHECK_INT(dp_html_parse(page, k, NULL, &doc), 0);
    CHECK_INT(doc.n_blocks, 1);
    CHECK(strncmp(block(0), "Start. x x ", 11) == 0);
    CHECK(doc.blocks[0].len == 7 + 2 * reps + 4);  /* every x kept */
    dp_html_free(&doc);
    free(page);

    /* end tags of elements left out are left out too: what follows is a sibling */
    char buf[64 * 700 + 200];
    k = 0;
    for (int i = 0; i < 600; i++) { memcpy(buf + k, "<div>", 5); k += 5; }
    memcpy(buf + k, "inner", 5);
    k += 5;
    for (int i = 0; i < 600; i++) { memcpy(buf + k, "</div>", 6); k += 6; }
    memcpy(buf + k, "<p>after</p>", 12);
    k += 12;
    CHECK_INT(dp_html_parse(buf, k, NULL, &doc), 0);
    CHECK_INT(doc.n_blocks, 2);
    CHECK_STR(block(1), "after");
    CHECK(doc.elems[doc.blocks[1].elem].depth < 10);
    dp_html_free(&doc);
}

DP_TEST_MAIN("html", test_charset_detection, test_to_utf8, test_blocks, test_skipped,
             test_inline_hints, test_items, test_image_alts, test_script_elision, test_charset_in_parse,
             test_edge_pages, test_pathological_nesting)
