/* Unit tests for dp_html_lean.c: the lean copy of a page that gumbo parses
 * (tricky tags, kept attributes, comments, white space, raw text), and
 * pages whose flat view must not change with it. The pages are invented. */
#include "dp_test.h"
#include "dp_html.h"
#include "dp_html_lean.h"

#include <stdlib.h>

static char got[4096];

static const char *lean(const char *s) {
    size_t n;
    char *out = dp_html_lean(s, strlen(s), &n, NULL);
    if (!out) return "(oom)";
    snprintf(got, sizeof got, "%s", out);
    CHECK(n <= strlen(s));  /* never longer than the page */
    CHECK_INT(strlen(out), n);
    free(out);
    return got;
}

static void test_lean_keeps_read_attributes(void) {
    CHECK_STR(lean("<div class=\"story\" data-x=\"1\" id=top tabindex=2 role=main>t</div>"),
              "<div class=\"story\"id=top role=main>t</div>");  /* no space needed after a quote */
    CHECK_STR(lean("<img src=\"/a.jpg\" srcset=\"/a.jpg 1x, /b.jpg 2x\" alt=\"A harbour at dawn\">"),
              "<img alt=\"A harbour at dawn\">");
    CHECK_STR(lean("<meta property='og:title' content='Mill reopens'>"),
              "<meta property='og:title'content='Mill reopens'>");
    CHECK_STR(lean("<a href=/x target=_blank rel=author>Ana Ruiz</a>"),
              "<a href=/x rel=author>Ana Ruiz</a>");
    /* names are matched without case, as the tokenizer lowers them */
    CHECK_STR(lean("<P CLASS=lede DATA-Y=2>x</P>"), "<P CLASS=lede>x</P>");
}

static void test_lean_quoted_values_with_markup(void) {
    /* a '>' inside a quoted value does not end the tag */
    CHECK_STR(lean("<a title=\"1 > 0\" href=\"/p?a=1&b=2\">go</a>"), "<a href=\"/p?a=1&b=2\">go</a>");
    CHECK_STR(lean("<span data-tip='<b>x</b>' class=tip>y</span>"), "<span class=tip>y</span>");
    /* an unquoted value ends at white space or '>', and may hold quotes and '/' */
    CHECK_STR(lean("<a data-u=a\"b href=c/>x</a>"), "<a href=c/>x</a>");
    CHECK_STR(lean("<a href=x=>y</a>"), "<a href=x=>y</a>");
    /* "x=>" is an empty value that ends the tag */
    CHECK_STR(lean("<p class=>text</p>"), "<p class=>text</p>");
}

static void test_lean_bare_and_duplicate_attributes(void) {
    CHECK_STR(lean("<div hidden data-x class=a>x</div>"), "<div hidden class=a>x</div>");
    /* the parser keeps the first of duplicates: so does the copy, once */
    CHECK_STR(lean("<p class=\"a\" CLASS=\"b\" id=x id=y>z</p>"), "<p class=\"a\"id=x>z</p>");
    /* a style that cannot hide goes, and a later duplicate cannot take its place */
    CHECK_STR(lean("<div style=\"color:red\" style=\"display:none\">x</div>"), "<div>x</div>");
}

static void test_lean_malformed_tags(void) {
    /* attributes without white space between them */
    CHECK_STR(lean("<div class=\"a\"id=\"b\"data-z=\"c\">x</div>"), "<div class=\"a\"id=\"b\">x</div>");
    /* a '/' that is not "/>" is skipped; a name may start with '=' or a quote */
    CHECK_STR(lean("<div/class=\"a\">x</div>"), "<div class=\"a\">x</div>");
    CHECK_STR(lean("<a \"x\"=1 =y class=b>c</a>"), "<a class=b>c</a>");
    /* self-closing flags stay, after an unquoted value with a space */
    CHECK_STR(lean("<img src=a alt=\"b\"/>"), "<img alt=\"b\"/>");
    CHECK_STR(lean("<img alt=x />"), "<img alt=x />");
    CHECK_STR(lean("<br/>"), "<br/>");
    /* end tags lose their attributes (the tokenizer ignores them) */
    CHECK_STR(lean("<b>x</b class=\"y\" >"), "<b>x</b>");
    /* "</ x>" is a bogus comment, "<3" is text: as written */
    CHECK_STR(lean("a</ x class=y>b <3 c"), "a</ x class=y>b <3 c");
    /* a page that ends inside a tag keeps that tag as written */
    CHECK_STR(lean("<p>x<a href=\"y data-q=1"), "<p>x<a href=\"y data-q=1");
    CHECK_STR(lean("<p>x<a"), "<p>x<a");
}

static void test_lean_comments_and_raw_text(void) {
    CHECK_STR(lean("a<!-- <p class=x>hidden</p> -->b<!-->c<!--->d<!-- x --!>e"), "abcde");
    CHECK_STR(lean("<!DOCTYPE html><p>x</p>"), "<!DOCTYPE html><p>x</p>");
    /* a comment after a '<' of text stays: "<" and "b" would make a tag */
    CHECK_STR(lean("<p>1 <<!-- x -->b</p>"), "<p>1 <<!-- x -->b</p>");
    /* script and style bodies go, JSON-LD stays; RCDATA and RAWTEXT as written */
    CHECK_STR(lean("<script src=a.js>var x = '<p>';</script><style>p{}</style>"
                   "<script type=\"application/ld+json\">{\"a\":  1}</script>"),
              "<script></script><style></style><script type=\"application/ld+json\">{\"a\":  1}</script>");
    CHECK_STR(lean("<title>A  <b data-x=1>bold</b>  title</title>"),
              "<title>A  <b data-x=1>bold</b>  title</title>");
    CHECK_STR(lean("<textarea data-y=2>  <i data-z=3>  </textarea>"),
              "<textarea>  <i data-z=3>  </textarea>");
    /* plaintext: the rest of the page is text */
    CHECK_STR(lean("<plaintext><b data-x=1>  x"), "<plaintext><b data-x=1>  x");
}

static void test_lean_white_space(void) {
    CHECK_STR(lean("<p>a   b\t\tc</p>\n\n  <div>\n</div>"), "<p>a b c</p>\n<div>\n</div>");
    /* kept inside pre and listing */
    CHECK_STR(lean("<pre class=c>x   y\n\n z</pre> <p>a  b</p>"), "<pre class=c>x   y\n\n z</pre> <p>a b</p>");
    CHECK_STR(lean("<listing>x   y</listing>"), "<listing>x   y</listing>");
}

static void test_lean_foreign_content(void) {
    /* SVG attributes go */
    CHECK_STR(lean("<svg viewBox=\"0 0 9 9\"><path d=\"M0 0L9 9\"/><g class=\"icon\"/></svg>"),
              "<svg><path/><g class=\"icon\"/></svg>");
    /* in <svg> a script is markup, not raw text */
    CHECK_STR(lean("<svg><script>a<tspan data-x=1>c</tspan></script></svg>"),
              "<svg><script>a<tspan>c</tspan></script></svg>");
    /* a title holding text only stays foreign content */
    CHECK_STR(lean("<svg><title>Share  this</title><path d=\"M1\"/></svg>"),
              "<svg><title>Share this</title><path/></svg>");
    /* a tag that may end foreign content (<p>, <font color>, an integration point
     * with markup) leaves everything as written up to the last </svg> or </math>,
     * where the parser may be in HTML raw text */
    CHECK_STR(lean("<svg><path d=\"1\"/><p class=x data-y=2>t</p><title>  a  <!-- c --></title>"
                   "<script>var x;</script></svg><p data-z=1>u  v</p>"),
              "<svg><path/><p class=x data-y=2>t</p><title>  a  <!-- c --></title>"
              "<script>var x;</script></svg><p>u v</p>");
    CHECK_STR(lean("<math><annotation-xml encoding=\"text/html\" id=m><p>x</p></annotation-xml></math>"),
              "<math><annotation-xml encoding=\"text/html\" id=m><p>x</p></annotation-xml></math>");
    CHECK_STR(lean("<svg><font color=red size=2 data-x=3>x</font></svg>"),
              "<svg><font color=red size=2 data-x=3>x</font></svg>");
    /* CDATA in foreign content ends at "]]>" */
    CHECK_STR(lean("<svg><![CDATA[ a > <b data-x=1> ]]><g data-y=\"2\"/></svg>"),
              "<svg><![CDATA[ a > <b data-x=1> ]]><g/></svg>");
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

/* The flat view of pages with such tags is the one of the whole page. */
static void test_lean_flat_view_unchanged(void) {
    parse("<div style='color: red' data-a='1>2'><p title=\"a > b\">One <!-- x --> two</p>"
          "<p style='DISPLAY : none'>hidden</p><p style='display&#58;none'>hidden too</p>"
          "<p style=\"font-size:2em\" style=\"display:none\">shown</p>"
          "<span data-b=x/>three</span>   <b>four</b></div>");
    CHECK_INT(doc.n_blocks, 3);
    CHECK_STR(block(0), "One two");
    CHECK_STR(block(1), "shown");
    CHECK_STR(block(2), "three four");
    dp_html_free(&doc);
}

/* Long values are written as references and read back whole; equal values
 * share one. */
static void test_lean_references(void) {
    const char *page = "<div class=\"story-body main\" id=x data-q=1><p class=\"story-body main\">t</p>"
                       "<a href=\"/a?x=1&amp;y=2\" class=\"link-inline\">u</a><input type=\"hiddenvalue\"></div>";
    dp_html_lean_refs refs;
    memset(&refs, 0, sizeof refs);
    size_t n;
    char *out = dp_html_lean(page, strlen(page), &n, &refs);
    CHECK(out != NULL && n <= strlen(page));
    CHECK_INT(refs.n, 3);       /* two class values (one twice); not the href with '&' */
    CHECK_INT(refs.n_vals, 2);
    const char *at = strstr(out, "class=\"\x01");
    CHECK(at != NULL);
    if (at) CHECK_STR(dp_html_lean_ref(&refs, (size_t)(at - out) + 6), "story-body main");
    CHECK(dp_html_lean_ref(&refs, 0) == NULL);
    CHECK(strstr(out, "href=\"/a?x=1&amp;y=2\"") != NULL);
    CHECK(strstr(out, "type=\"hiddenvalue\"") != NULL);  /* the parser reads type */
    free(out);
    dp_html_lean_refs_free(&refs);
}

/* gumbo (max_errors 0) joins the name of a valueless duplicate attribute to
 * the next one ("class hidden" becomes "classhidden"); the copy holds no
 * duplicates, so the next attribute keeps its name. */
static void test_duplicate_attribute_keeps_next(void) {
    parse("<p class=a class hidden>gone</p><p data-x data-x hidden>gone too</p><p>kept</p>");
    CHECK_INT(doc.n_blocks, 1);
    CHECK_STR(block(0), "kept");
    dp_html_free(&doc);
}

DP_TEST_MAIN("html_lean", test_lean_keeps_read_attributes, test_lean_quoted_values_with_markup,
             test_lean_bare_and_duplicate_attributes, test_lean_malformed_tags,
             test_lean_comments_and_raw_text, test_lean_white_space, test_lean_foreign_content,
             test_lean_flat_view_unchanged, test_lean_references, test_duplicate_attribute_keeps_next)
