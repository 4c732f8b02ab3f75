/*
 * dp_html_lean.h: a lean copy of an HTML page for the parser (plain C, no
 * Lua): the bytes that cannot change the flat view dp_html.c builds are
 * left out before gumbo reads the page.
 *
 * Method: a small scanner follows the HTML tokenizer's states (WHATWG HTML,
 * "tokenization": tag open, tag name, the attribute name and value states,
 * self-closing start tag, comments, RCDATA, RAWTEXT, script data and its
 * escape states) and writes:
 *  - every start tag with only the attributes in DP_HTML_LEAN_ATTRS, as
 *    written, in their order (so a duplicate keeps its first value), and its
 *    self-closing flag; every end tag as "</name>" (the tokenizer ignores
 *    the attributes of end tags);
 *  - no comments ("<!--" to "-->" or "--!>", and "<!-->", "<!--->");
 *  - no bodies of script (except application/ld+json) and style elements;
 *    the bodies of title, textarea, xmp, iframe, noembed, noframes and
 *    plaintext as written;
 *  - each run of two or more white space characters between tags as one
 *    (a line feed when the run holds one, else a space), except inside
 *    pre and listing;
 *  - long attribute values as references (see dp_html_lean_refs), and a
 *    style attribute only when it can hide its element;
 *  - other bytes as written; an unterminated tag and what follows it as
 *    written.
 * Inside <svg> and <math> (foreign content) script and style are markup,
 * not raw text, so no body is left out there. A tag there that may end
 * foreign content or open HTML inside it (a <p>, <font color>, the end tag
 * of an HTML element, foreignObject, a title holding markup ...) makes
 * everything as written up to the last </svg> or </math>: the tokenizer
 * may be in HTML raw text by then. Inside <select> only script is raw text
 * (the parser ignores style, title ... there) and svg is ignored. The tree
 * gumbo builds from the copy is the one it builds from the page less
 * comments, those bodies and the attributes never read, with neighbouring
 * text nodes joined and white space runs shorter. Known differences, all
 * on broken markup: white space before a comment directly inside a table
 * (not in a cell) goes with the text after it (foster parenting); the
 * parser's limit of three identical formatting elements (the "Noah's Ark"
 * clause) counts elements whose dropped attributes differed as identical;
 * a valueless duplicate attribute no longer swallows the name of the next
 * one (a gumbo 0.10 bug with max_errors 0). Start tags that would open more
 * than DP_HTML_LEAN_MAX_NESTING elements at once are left out with as many
 * end tags (see dp_html_lean).
 *
 * Units: byte offsets and lengths.
 */
#ifndef DP_HTML_LEAN_H
#define DP_HTML_LEAN_H

#include <stddef.h>

/* The attributes kept: those dp_html.c reads, and those that change how
 * the page is parsed (input's type in a table, isindex's prompt, font's
 * color, face and size, annotation-xml's encoding). */
#define DP_HTML_LEAN_ATTRS \
    "alt", "aria-hidden", "class", "color", "content", "data-component", "data-testid", \
    "datetime", "encoding", "face", "hidden", "href", "http-equiv", "id", "itemprop", \
    "itemtype", "lang", "name", "prompt", "property", "rel", "role", "size", "style", "type"

/* Long attribute values, written to the copy as a short reference (a U+0001
 * and a number, which the parser reads as U+FFFD and the number): gumbo
 * reads each byte of a value one by one, and class names are most of a
 * lean page. Equal values get equal references, so the parser's
 * comparisons of attributes hold. A value with a character reference is
 * written as it is (the parser decodes it), and so are type, encoding,
 * color, face, size and prompt, which the parser reads. */
typedef struct dp_html_lean_refs {
    size_t *at;          /* offset in the copy of each reference's opening quote, ascending */
    unsigned *val;       /* its value: an index in off */
    size_t n, cap_at, cap_val;
    char *text;          /* the values, NUL-terminated, back to back */
    size_t text_len, text_cap;
    size_t *off;         /* of each distinct value in text */
    size_t n_vals, cap_vals;
    unsigned *slots;     /* a hash table of distinct values: index + 1, 0 when free */
    size_t n_slots;
} dp_html_lean_refs;

/* The value of the reference whose opening quote is at offset at of the
 * copy, or NULL when no reference starts there. */
const char *dp_html_lean_ref(const dp_html_lean_refs *refs, size_t at);

void dp_html_lean_refs_free(dp_html_lean_refs *refs);

/* Elements open at once, as Blink's parser caps the tree depth. */
#define DP_HTML_LEAN_MAX_NESTING 512

/* The lean copy of the UTF-8 page s[0..n) (malloc'd, NUL-terminated, at
 * most n bytes; owned by the caller), its length in *outlen; NULL when
 * memory runs out. Start tags that would open more than
 * DP_HTML_LEAN_MAX_NESTING elements at once are left out, with as many end
 * tags after them: the parser's scope checks walk the open elements, so a
 * page nested 100,000 deep would take minutes; its text stays, in the
 * element at the cap. The depth is estimated from the tags that nest (not
 * void elements, not those whose end tag may be left out). refs: NULL to
 * write every value as it is, else it gets the long values (see
 * dp_html_lean_refs; zero it first, free it with dp_html_lean_refs_free). */
char *dp_html_lean(const char *s, size_t n, size_t *outlen, dp_html_lean_refs *refs);

#endif
