/*
 * dp_html.c: character set detection, conversion to UTF-8 and the flat
 * block and metadata view of a page parsed by gumbo (see dp_html.h).
 */
#include "dp_html.h"
#include "dp_html_lean.h"
#include "dp_mem.h"
#include "dp_utf8.h"

#include <errno.h>
#include <gumbo.h>
#include <iconv.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- character sets -------------------------------------------------- */

const char *dp_html_cs_source_name(dp_html_cs_source s) {
    switch (s) {
    case DP_HTML_CS_BOM: return "bom";
    case DP_HTML_CS_META: return "meta";
    case DP_HTML_CS_UTF8: return "utf-8";
    case DP_HTML_CS_DEFAULT: return "default";
    case DP_HTML_CS_GIVEN: return "given";
    }
    return "default";
}

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int is_ws(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

static void copy_label(char *label, size_t labelsz, const char *s) {
    if (labelsz == 0) return;
    size_t k = strlen(s);
    if (k >= labelsz) k = labelsz - 1;
    memcpy(label, s, k);
    label[k] = '\0';
}

void dp_html_canonical_label(const char *in, size_t n, char *label, size_t labelsz) {
    char buf[64];
    size_t a = 0, z = n;
    while (a < z && (is_ws((unsigned char)in[a]) || in[a] == '"' || in[a] == '\'')) a++;
    while (z > a && (is_ws((unsigned char)in[z - 1]) || in[z - 1] == '"' || in[z - 1] == '\'')) z--;
    size_t k = 0;
    for (size_t i = a; i < z && k < sizeof buf - 1; i++) buf[k++] = (char)lower((unsigned char)in[i]);
    buf[k] = '\0';
    static const char *const aliases[][2] = {
        { "utf8", "utf-8" }, { "unicode-1-1-utf-8", "utf-8" }, { "x-unicode20utf8", "utf-8" },
        { "unicode11utf8", "utf-8" }, { "unicode20utf8", "utf-8" },
        { "unicode", "utf-16le" }, { "ucs-2", "utf-16le" }, { "utf-16", "utf-16le" },
        { "iso-8859-1", "windows-1252" }, { "iso8859-1", "windows-1252" }, { "iso_8859-1", "windows-1252" },
        { "latin1", "windows-1252" }, { "l1", "windows-1252" }, { "ascii", "windows-1252" },
        { "us-ascii", "windows-1252" }, { "cp1252", "windows-1252" }, { "x-cp1252", "windows-1252" },
        { "cp819", "windows-1252" }, { "ibm819", "windows-1252" }, { "iso-ir-100", "windows-1252" },
        { "ansi_x3.4-1968", "windows-1252" }, { "x-user-defined", "windows-1252" },
        { "iso-8859-9", "windows-1254" }, { "latin5", "windows-1254" },
        { "iso-8859-11", "windows-874" }, { "tis-620", "windows-874" },
        { "gb2312", "gb18030" }, { "gbk", "gb18030" }, { "x-gbk", "gb18030" }, { "chinese", "gb18030" },
        { "sjis", "shift_jis" }, { "x-sjis", "shift_jis" }, { "ms_kanji", "shift_jis" },
        { "windows-31j", "shift_jis" }, { "ks_c_5601-1987", "euc-kr" }, { "windows-949", "euc-kr" },
        { "big5-hkscs", "big5" }, { "x-mac-roman", "macintosh" }, { "mac", "macintosh" },
    };
    for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (strcmp(buf, aliases[i][0]) == 0) { copy_label(label, labelsz, aliases[i][1]); return; }
    copy_label(label, labelsz, buf);
}

/* Case-insensitive prefix test of s[0..n) against lower-case lit. */
static int starts_ci(const char *s, size_t n, const char *lit) {
    size_t k = strlen(lit);
    if (n < k) return 0;
    for (size_t i = 0; i < k; i++)
        if (lower((unsigned char)s[i]) != lit[i]) return 0;
    return 1;
}

/* The charset in a Content-Type value ("text/html; charset=utf-8"), as
 * the HTML standard's "extracting a character encoding from a meta
 * element"; 1 and the span when found. */
static int charset_in_content(const char *s, size_t n, size_t *a, size_t *z) {
    size_t i = 0;
    while (i + 7 <= n) {
        if (!starts_ci(s + i, n - i, "charset")) { i++; continue; }
        i += 7;
        while (i < n && is_ws((unsigned char)s[i])) i++;
        if (i >= n || s[i] != '=') continue;
        i++;
        while (i < n && is_ws((unsigned char)s[i])) i++;
        if (i >= n) return 0;
        if (s[i] == '"' || s[i] == '\'') {
            char q = s[i++];
            size_t b = i;
            while (i < n && s[i] != q) i++;
            if (i >= n) return 0;
            *a = b; *z = i;
            return 1;
        }
        size_t b = i;
        while (i < n && !is_ws((unsigned char)s[i]) && s[i] != ';') i++;
        if (i == b) return 0;
        *a = b; *z = i;
        return 1;
    }
    return 0;
}

/* One attribute of a tag in the prescan ("get an attribute"): advances *p;
 * 0 at the end of the tag. */
static int prescan_attr(const char *s, size_t n, size_t *p, size_t *na, size_t *nz,
                        size_t *va, size_t *vz) {
    size_t i = *p;
    while (i < n && (is_ws((unsigned char)s[i]) || s[i] == '/')) i++;
    if (i >= n || s[i] == '>') { *p = i; return 0; }
    *na = i;
    while (i < n && s[i] != '=' && s[i] != '>' && s[i] != '/' && !is_ws((unsigned char)s[i])) i++;
    *nz = i;
    while (i < n && is_ws((unsigned char)s[i])) i++;
    *va = *vz = i;
    if (i < n && s[i] == '=') {
        i++;
        while (i < n && is_ws((unsigned char)s[i])) i++;
        if (i < n && (s[i] == '"' || s[i] == '\'')) {
            char q = s[i++];
            *va = i;
            while (i < n && s[i] != q) i++;
            *vz = i;
            if (i < n) i++;
        } else {
            *va = i;
            while (i < n && s[i] != '>' && !is_ws((unsigned char)s[i])) i++;
            *vz = i;
        }
    }
    if (*nz == *na) i++;  /* no progress on a stray character */
    *p = i;
    return 1;
}

static int name_is(const char *s, size_t a, size_t z, const char *lit) {
    return z - a == strlen(lit) && starts_ci(s + a, z - a, lit);
}

/* The prescan of the HTML standard over s[0..n): the label declared by the
 * first <meta> that declares one, written to label; 1 when found. */
static int prescan(const char *s, size_t n, char *label, size_t labelsz) {
    size_t i = 0;
    while (i < n) {
        if (s[i] != '<') { i++; continue; }
        if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
            const char *e = NULL;
            for (size_t j = i + 4; j + 3 <= n; j++)
                if (s[j] == '-' && s[j + 1] == '-' && s[j + 2] == '>') { e = s + j; break; }
            if (!e) return 0;
            i = (size_t)(e - s) + 3;
            continue;
        }
        if (starts_ci(s + i, n - i, "<body")) return 0;
        if (starts_ci(s + i, n - i, "<meta") && i + 5 < n &&
            (is_ws((unsigned char)s[i + 5]) || s[i + 5] == '/')) {
            size_t p = i + 5, na, nz, va, vz;
            int http_ct = 0, got = 0;
            size_t ca = 0, cz = 0, ta = 0, tz = 0;
            int have_content = 0;
            while (prescan_attr(s, n, &p, &na, &nz, &va, &vz)) {
                if (name_is(s, na, nz, "http-equiv")) {
                    if (name_is(s, va, vz, "content-type")) http_ct = 1;
                } else if (name_is(s, na, nz, "content")) {
                    ta = va; tz = vz; have_content = 1;
                } else if (name_is(s, na, nz, "charset") && !got) {
                    ca = va; cz = vz; got = 1;
                }
            }
            i = p;
            int found = 0;
            if (got && cz > ca) {
                dp_html_canonical_label(s + ca, cz - ca, label, labelsz);
                found = 1;
            } else if (http_ct && have_content && charset_in_content(s + ta, tz - ta, &ca, &cz) && cz > ca) {
                dp_html_canonical_label(s + ta + ca, cz - ca, label, labelsz);
                found = 1;
            }
            if (found) {
                /* a UTF-16 label read from ASCII-compatible bytes means UTF-8 */
                if (strncmp(label, "utf-16", 6) == 0) copy_label(label, labelsz, "utf-8");
                return 1;
            }
            continue;
        }
        if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?' || s[i + 1] == '/' ||
                          (lower((unsigned char)s[i + 1]) >= 'a' && lower((unsigned char)s[i + 1]) <= 'z'))) {
            /* another tag: skip its name and attributes, so that a "<meta"
             * inside an attribute value does not count */
            size_t p = i + 1;
            if (s[p] == '!' || s[p] == '?') {
                while (p < n && s[p] != '>') p++;
                i = p + 1;
                continue;
            }
            if (s[p] == '/') p++;
            while (p < n && !is_ws((unsigned char)s[p]) && s[p] != '>') p++;
            size_t na, nz, va, vz;
            while (prescan_attr(s, n, &p, &na, &nz, &va, &vz)) {}
            i = p + 1;
            continue;
        }
        i++;
    }
    return 0;
}

/* 1 when s[0..n) holds a valid multi-byte UTF-8 sequence and no invalid byte. */
static int utf8_with_multibyte(const char *s, size_t n) {
    if (dp_utf8_check(s, n) != n) return 0;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80) return 1;
    return 0;
}

static int single_byte_latin(const char *label) {
    return strcmp(label, "windows-1252") == 0 || strncmp(label, "iso-8859-", 9) == 0 ||
           strncmp(label, "windows-125", 11) == 0 || strcmp(label, "macintosh") == 0;
}

dp_html_cs_source dp_html_detect_charset(const char *buf, size_t n, char *label, size_t labelsz) {
    const unsigned char *u = (const unsigned char *)buf;
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        copy_label(label, labelsz, "utf-8");
        return DP_HTML_CS_BOM;
    }
    if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) { copy_label(label, labelsz, "utf-16le"); return DP_HTML_CS_BOM; }
    if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) { copy_label(label, labelsz, "utf-16be"); return DP_HTML_CS_BOM; }
    size_t scan = n < 65536 ? n : 65536;
    char found[40];
    if (prescan(buf, scan, found, sizeof found) && found[0]) {
        if (single_byte_latin(found) && utf8_with_multibyte(buf, n)) {
            copy_label(label, labelsz, "utf-8");
            return DP_HTML_CS_UTF8;
        }
        copy_label(label, labelsz, found);
        return DP_HTML_CS_META;
    }
    if (dp_utf8_check(buf, n) == n) {
        copy_label(label, labelsz, "utf-8");
        return DP_HTML_CS_UTF8;
    }
    copy_label(label, labelsz, "windows-1252");
    return DP_HTML_CS_DEFAULT;
}

static int is_utf8_label(const char *cs) {
    return cs == NULL || cs[0] == '\0' || strcmp(cs, "utf-8") == 0;
}

size_t dp_html_to_utf8(const char *buf, size_t n, const char *charset, char **out,
                       size_t *replaced, int *unknown) {
    *replaced = 0;
    *unknown = 0;
    *out = NULL;
    char label[40];
    dp_html_canonical_label(charset ? charset : "", charset ? strlen(charset) : 0, label, sizeof label);
    if (is_utf8_label(label)) return dp_utf8_repair(buf, n, out, replaced);
    const char *from = label;
    /* glibc's names */
    if (strcmp(label, "windows-1252") == 0) from = "CP1252";
    else if (strcmp(label, "shift_jis") == 0) from = "CP932";
    else if (strcmp(label, "euc-kr") == 0) from = "CP949";
    else if (strcmp(label, "big5") == 0) from = "BIG5-HKSCS";
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) {
        *unknown = 1;
        if (dp_utf8_check(buf, n) == n) return dp_utf8_repair(buf, n, out, replaced);
        cd = iconv_open("UTF-8", "CP1252");
        if (cd == (iconv_t)-1) return dp_utf8_repair(buf, n, out, replaced);
    }
    int utf16 = strncmp(label, "utf-16", 6) == 0;
    size_t cap = n * 3 + 16, len = 0;
    char *dst = malloc(cap);
    if (!dst) { iconv_close(cd); return (size_t)-1; }
    char *in = (char *)(uintptr_t)buf;  /* iconv's prototype lacks const */
    size_t inleft = n;
    /* a BOM of a UTF-16 page is consumed by the detection, not the text */
    if (utf16 && n >= 2 && (((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE) ||
                            ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF))) {
        in += 2;
        inleft -= 2;
    }
    while (inleft > 0) {
        if (cap - len < 16) {
            size_t ncap = cap * 2;
            char *nd = realloc(dst, ncap);
            if (!nd) { free(dst); iconv_close(cd); return (size_t)-1; }
            dst = nd;
            cap = ncap;
        }
        char *o = dst + len;
        size_t oleft = cap - len - 4;
        size_t r = iconv(cd, &in, &inleft, &o, &oleft);
        len = (size_t)(o - dst);
        if (r != (size_t)-1) break;
        if (errno == E2BIG) continue;
        /* EILSEQ or EINVAL (truncated at the end): one replacement, skip a unit */
        memcpy(dst + len, "\xEF\xBF\xBD", 3);
        len += 3;
        (*replaced)++;
        size_t skip = utf16 ? 2 : 1;
        if (skip > inleft) skip = inleft;
        in += skip;
        inleft -= skip;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv_close(cd);
    /* normalise line ends and NULs the way text input is */
    size_t more = 0;
    char *fixed;
    size_t flen = dp_utf8_repair(dst, len, &fixed, &more);
    free(dst);
    if (flen == (size_t)-1) return (size_t)-1;
    *replaced += more;
    *out = fixed;
    return flen;
}

/* ---- the walk -------------------------------------------------------- */

#define MAX_GATHER 400   /* bytes of text kept for a metadata element */
#define MAX_GATHER_NODES 4000

typedef struct frame {
    const GumboNode *node;
    unsigned child;
    int block;        /* a block-level element */
    int exported;     /* index in elems, or -1 */
    long innermost;   /* stack index of the innermost block frame at or above it, or -1 */
    long chain;       /* export_frame's path back down, or -1 */
    int link;         /* an <a href> */
    int pre;
    int head;
} frame;

typedef struct walker {
    dp_html_doc *doc;
    frame *st;
    size_t n_st, cap_st;
    char *cur;                  /* the block being built */
    size_t cur_len, cur_cap;
    size_t cur_link;
    char ihint[256];            /* class and id of inline elements in the block */
    size_t ihint_len;
    int space;                  /* a space is pending before the next text */
    int space_link;             /* ... and was seen inside a link */
    int links, pres, heads;     /* open <a href>, <pre>, <head> */
    int title;                  /* the <title> was seen */
    int oom;
    const char *lean;           /* the copy gumbo parsed */
    size_t lean_len;
    dp_html_lean_refs refs;     /* its long attribute values */
} walker;

static size_t arena_add(walker *w, const char *s, size_t n) {
    dp_html_doc *d = w->doc;
    if (!dp_grow((void **)&d->arena, &d->arena_cap, d->arena_len + n + 1, 1)) { w->oom = 1; return 0; }
    size_t off = d->arena_len;
    if (n) memcpy(d->arena + off, s, n);
    d->arena_len += n;
    d->arena[d->arena_len] = '\0';
    return off;
}

static size_t arena_add_lower(walker *w, const char *s, size_t n) {
    size_t off = arena_add(w, s, n);
    if (!w->oom)
        for (size_t i = 0; i < n; i++) w->doc->arena[off + i] = (char)lower((unsigned char)w->doc->arena[off + i]);
    return off;
}

/* The value of an attribute, a long one looked up in the lean copy's
 * references (gumbo holds U+FFFD and a number for it). */
static const char *attr(const walker *w, const GumboNode *node, const char *name) {
    const GumboAttribute *a = gumbo_get_attribute(&node->v.element.attributes, name);
    if (!a) return NULL;
    const char *q = a->original_value.data;
    if ((unsigned char)a->value[0] == 0xEF && q && q >= w->lean && q < w->lean + w->lean_len) {
        const char *v = dp_html_lean_ref(&w->refs, (size_t)(q - w->lean));
        if (v) return v;
    }
    return a->value;
}

/* Does the space-separated list s hold word (ASCII case-insensitive)? */
static int has_token(const char *s, const char *word) {
    if (!s) return 0;
    size_t k = strlen(word);
    const char *p = s;
    while (*p) {
        while (*p && is_ws((unsigned char)*p)) p++;
        const char *b = p;
        while (*p && !is_ws((unsigned char)*p)) p++;
        if ((size_t)(p - b) == k && starts_ci(b, k, word)) return 1;
    }
    return 0;
}

/* Contains lit (lower case) ignoring case and white space? For styles. */
static int style_has(const char *s, const char *lit) {
    char buf[256];
    size_t k = 0;
    for (; *s && k < sizeof buf - 1; s++)
        if (!is_ws((unsigned char)*s)) buf[k++] = (char)lower((unsigned char)*s);
    buf[k] = '\0';
    return strstr(buf, lit) != NULL;
}

static int hidden(const walker *w, const GumboNode *node) {
    if (attr(w, node, "hidden")) return 1;
    const char *ah = attr(w, node, "aria-hidden");
    if (ah && starts_ci(ah, strlen(ah), "true")) {
        const char *cls = attr(w, node, "class");
        if (!(cls && strstr(cls, "fallback-image"))) return 1;
    }
    const char *st = attr(w, node, "style");
    if (st && (style_has(st, "display:none") || style_has(st, "visibility:hidden"))) return 1;
    return 0;
}

static int skipped_tag(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_OPTION: case GUMBO_TAG_BUTTON: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT: case GUMBO_TAG_DATALIST: case GUMBO_TAG_APPLET: case GUMBO_TAG_FRAMESET:
    case GUMBO_TAG_TITLE: case GUMBO_TAG_MENUITEM:
        return 1;
    default:
        return 0;
    }
}

static int block_tag(GumboTag t) {
    switch (t) {
    case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL:
    case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_CAPTION: case GUMBO_TAG_UL:
    case GUMBO_TAG_LEGEND: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_HEAD: case GUMBO_TAG_LISTING:
    case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_XMP: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_UNKNOWN:
    case GUMBO_TAG_IMG:
        return 1;
    default:
        return 0;
    }
}

/* The tag name of an element, lower case, into the arena. */
static void add_tag_name(walker *w, const GumboNode *node, size_t *off, size_t *len) {
    GumboTag t = node->v.element.tag;
    if (t != GUMBO_TAG_UNKNOWN) {
        const char *name = gumbo_normalized_tagname(t);
        *len = strlen(name);
        *off = arena_add(w, name, *len);
        return;
    }
    GumboStringPiece piece = node->v.element.original_tag;
    gumbo_tag_from_original_text(&piece);
    if (piece.length == 0 || piece.length > 64) {
        *len = 7;
        *off = arena_add(w, "unknown", 7);
        return;
    }
    *len = piece.length;
    *off = arena_add_lower(w, piece.data, piece.length);
}

/* Append one attribute value to the hint being built (lower case). */
static void hint_part(walker *w, const char *v, size_t *len, int last_segment) {
    if (!v || !*v) return;
    size_t n = strlen(v);
    if (last_segment) {
        const char *sl = strrchr(v, '/');
        if (sl) { n -= (size_t)(sl + 1 - v); v = sl + 1; }
    }
    if (n > 300) n = 300;
    if (*len) { arena_add(w, " ", 1); (*len)++; }
    arena_add_lower(w, v, n);
    *len += n;
}

/* Export the frame at stack index i, whose innermost block ancestor was
 * exported as parent (-1: none); its index in elems. */
static int export_one(walker *w, size_t i, int parent) {
    frame *f = &w->st[i];
    int depth = parent >= 0 ? w->doc->elems[parent].depth + 1 : 0;
    dp_html_doc *d = w->doc;
    if (!dp_grow((void **)&d->elems, &d->cap_elems, d->n_elems + 1, sizeof *d->elems)) { w->oom = 1; return -1; }
    dp_html_elem e;
    e.parent = parent;
    e.depth = depth;
    add_tag_name(w, f->node, &e.tag_off, &e.tag_len);
    e.hint_off = d->arena_len;
    e.hint_len = 0;
    hint_part(w, attr(w, f->node, "class"), &e.hint_len, 0);
    hint_part(w, attr(w, f->node, "id"), &e.hint_len, 0);
    hint_part(w, attr(w, f->node, "role"), &e.hint_len, 0);
    hint_part(w, attr(w, f->node, "itemprop"), &e.hint_len, 0);
    hint_part(w, attr(w, f->node, "itemtype"), &e.hint_len, 1);
    hint_part(w, attr(w, f->node, "data-component"), &e.hint_len, 0);
    hint_part(w, attr(w, f->node, "data-testid"), &e.hint_len, 0);
    if (w->oom) return -1;
    f = &w->st[i];
    f->exported = (int)d->n_elems;
    d->elems[d->n_elems++] = e;
    return f->exported;
}

/* Export the block frame at stack index i and its block ancestors not yet
 * exported; its index in elems. No recursion and no walk over inline
 * frames: a page may nest elements thousands deep. */
static int export_frame(walker *w, size_t i) {
    if (w->st[i].exported >= 0) return w->st[i].exported;
    long below = -1, j = (long)i;
    int parent = -1;
    for (;;) {  /* up to the first exported block ancestor, linking the path */
        w->st[j].chain = below;
        below = j;
        long up = j > 0 ? w->st[j - 1].innermost : -1;
        if (up < 0) break;
        if (w->st[up].exported >= 0) { parent = w->st[up].exported; break; }
        j = up;
    }
    for (long k = below; k >= 0; k = w->st[k].chain) {  /* and back down, exporting */
        parent = export_one(w, (size_t)k, parent);
        if (parent < 0) return -1;
    }
    return parent;
}

/* The exported index of the innermost block frame (exported now). */
static int current_elem(walker *w) {
    long b = w->n_st ? w->st[w->n_st - 1].innermost : -1;
    return b >= 0 ? export_frame(w, (size_t)b) : -1;
}

static void flush(walker *w) {
    /* trim trailing spaces and line breaks */
    while (w->cur_len > 0 && (w->cur[w->cur_len - 1] == ' ' || w->cur[w->cur_len - 1] == '\n')) w->cur_len--;
    w->space = 0;
    if (w->cur_len == 0) { w->cur_link = 0; w->ihint_len = 0; return; }
    dp_html_doc *d = w->doc;
    int el = current_elem(w);
    if (w->oom) return;
    if (!dp_grow((void **)&d->blocks, &d->cap_blocks, d->n_blocks + 1, sizeof *d->blocks)) { w->oom = 1; return; }
    dp_html_block b;
    b.off = arena_add(w, w->cur, w->cur_len);
    b.len = w->cur_len;
    b.link_len = w->cur_link > w->cur_len ? w->cur_len : w->cur_link;
    b.elem = el;
    b.hint_off = arena_add(w, w->ihint, w->ihint_len);
    b.hint_len = w->ihint_len;
    if (w->oom) return;
    d->blocks[d->n_blocks++] = b;
    w->cur_len = 0;
    w->cur_link = 0;
    w->ihint_len = 0;
}

static void cur_put(walker *w, const char *s, size_t n) {
    if (!dp_grow((void **)&w->cur, &w->cur_cap, w->cur_len + n + 1, 1)) { w->oom = 1; return; }
    memcpy(w->cur + w->cur_len, s, n);
    w->cur_len += n;
    if (w->links) w->cur_link += n;
}

/* The pending space before a word: never counted as link text, so that
 * "text <a>link</a>" counts the link's own characters. */
static void cur_put_space(walker *w) {
    int links = w->links;
    if (!w->space_link) w->links = 0;
    cur_put(w, " ", 1);
    w->links = links;
}

/* Append text, collapsing white space (kept inside <pre>); U+00A0 counts
 * as a space. */
static void add_text(walker *w, const char *s, size_t n) {
    for (size_t i = 0; i < n && !w->oom;) {
        unsigned char c = (unsigned char)s[i];
        int sp = is_ws(c) || c == 0x0B;
        size_t k = 1;
        if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) { sp = 1; k = 2; }
        if (sp) {
            if (w->pres && (c == '\n')) { cur_put(w, "\n", 1); w->space = 0; }
            else if (w->pres) cur_put(w, " ", 1);
            else {
                if (!w->space) w->space_link = w->links > 0;
                w->space = 1;
            }
            i += k;
            continue;
        }
        size_t j = i;
        while (j < n) {
            unsigned char d = (unsigned char)s[j];
            if (is_ws(d) || d == 0x0B || (d == 0xC2 && j + 1 < n && (unsigned char)s[j + 1] == 0xA0)) break;
            j++;
        }
        if (w->space && w->cur_len > 0 && w->cur[w->cur_len - 1] != '\n') cur_put_space(w);
        w->space = 0;
        cur_put(w, s + i, j - i);
        i = j;
    }
}

static void add_br(walker *w) {
    size_t k = w->cur_len;
    while (k > 0 && w->cur[k - 1] == ' ') k--;
    if (k > 0 && w->cur[k - 1] == '\n') {  /* the second <br> in a row: a new block */
        w->cur_len = k - 1;
        flush(w);
        return;
    }
    if (k == 0) return;
    w->cur_len = k;
    cur_put(w, "\n", 1);
    w->space = 0;
}

/* The text of node's subtree (white space collapsed, at most MAX_GATHER
 * bytes), into the arena. */
static void gather(walker *w, const GumboNode *root, size_t *off, size_t *len) {
    char buf[MAX_GATHER + 8];
    size_t k = 0;
    int space = 0;
    size_t visited = 0;
    const GumboNode *stack[64];
    unsigned idx[64];
    size_t sp = 0;
    stack[0] = root;
    idx[0] = 0;
    sp = 1;
    while (sp > 0 && k < MAX_GATHER && visited < MAX_GATHER_NODES) {
        const GumboNode *n = stack[sp - 1];
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
            const char *t = n->v.text.text;
            for (; *t && k < MAX_GATHER; t++) {
                if (is_ws((unsigned char)*t)) { space = 1; continue; }
                if (space && k > 0) buf[k++] = ' ';
                space = 0;
                buf[k++] = *t;
            }
            sp--;
            continue;
        }
        if (n->type != GUMBO_NODE_ELEMENT || (sp > 1 && skipped_tag(n->v.element.tag)) || sp >= 64) {
            sp--;
            continue;
        }
        if (idx[sp - 1] >= n->v.element.children.length) {
            if (block_tag(n->v.element.tag)) space = 1;
            sp--;
            continue;
        }
        const GumboNode *c = n->v.element.children.data[idx[sp - 1]++];
        visited++;
        stack[sp] = c;
        idx[sp] = 0;
        sp++;
    }
    /* do not cut a UTF-8 sequence */
    while (k > 0 && ((unsigned char)buf[k - 1] & 0xC0) == 0x80) {
        size_t s = k - 1;
        while (s > 0 && ((unsigned char)buf[s] & 0xC0) == 0x80) s--;
        if (dp_utf8_decode(buf + s, k - s, NULL) == k - s) break;
        k = s;
    }
    if (k > 0 && ((unsigned char)buf[k - 1]) >= 0xC0) k--;
    *len = k;
    *off = arena_add(w, buf, k);
}

static void add_item(walker *w, dp_html_item_kind kind, const char *key, size_t klen,
                     const char *val, size_t vlen, int lower_key) {
    dp_html_doc *d = w->doc;
    if (!dp_grow((void **)&d->items, &d->cap_items, d->n_items + 1, sizeof *d->items)) { w->oom = 1; return; }
    dp_html_item it;
    it.kind = kind;
    it.key_len = klen;
    it.key_off = lower_key ? arena_add_lower(w, key ? key : "", klen) : arena_add(w, key ? key : "", klen);
    it.val_len = vlen;
    it.val_off = arena_add(w, val ? val : "", vlen);
    it.elem = -1;
    if (w->oom) return;
    d->items[d->n_items++] = it;
}

/* Add an item whose value is the gathered text of node. */
static void add_item_text(walker *w, dp_html_item_kind kind, const char *key, const GumboNode *node, int elem) {
    size_t off, len;
    gather(w, node, &off, &len);
    if (w->oom) return;
    dp_html_doc *d = w->doc;
    if (!dp_grow((void **)&d->items, &d->cap_items, d->n_items + 1, sizeof *d->items)) { w->oom = 1; return; }
    dp_html_item it;
    it.kind = kind;
    it.key_len = key ? strlen(key) : 0;
    it.key_off = kind == DP_HTML_ITEMPROP ? arena_add_lower(w, key ? key : "", it.key_len)
                                          : arena_add(w, key ? key : "", it.key_len);
    it.val_off = off;
    it.val_len = len;
    it.elem = elem;
    if (w->oom) return;
    d->items[d->n_items++] = it;
}

/* The raw text of a script or title (children are text nodes). */
static void raw_text_item(walker *w, dp_html_item_kind kind, const GumboNode *node) {
    const GumboVector *ch = &node->v.element.children;
    size_t start = w->doc->arena_len, total = 0;
    for (unsigned i = 0; i < ch->length; i++) {
        const GumboNode *c = ch->data[i];
        if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_CDATA) {
            size_t k = strlen(c->v.text.text);
            arena_add(w, c->v.text.text, k);
            total += k;
        }
    }
    if (w->oom) return;
    dp_html_doc *d = w->doc;
    if (!dp_grow((void **)&d->items, &d->cap_items, d->n_items + 1, sizeof *d->items)) { w->oom = 1; return; }
    dp_html_item it;
    it.kind = kind;
    it.key_off = start;
    it.key_len = 0;
    it.val_off = start;
    it.val_len = total;
    it.elem = -1;
    d->items[d->n_items++] = it;
}

/* Metadata carried by an element; called when the walk enters it. */
static void element_items(walker *w, const GumboNode *node) {
    GumboTag t = node->v.element.tag;
    if (node->v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return;
    const char *v;
    switch (t) {
    case GUMBO_TAG_TITLE:
        if (!w->title) {  /* the first <title> of the document */
            w->title = 1;
            add_item_text(w, DP_HTML_TITLE, NULL, node, -1);
        }
        return;
    case GUMBO_TAG_META: {
        const char *content = attr(w, node, "content");
        if (!content) return;
        const char *key = attr(w, node, "property");
        if (!key) key = attr(w, node, "name");
        if (!key) key = attr(w, node, "itemprop");
        if (!key) key = attr(w, node, "http-equiv");
        if (!key) return;
        add_item(w, DP_HTML_META, key, strlen(key), content, strlen(content), 1);
        return;
    }
    case GUMBO_TAG_LINK:
        v = attr(w, node, "rel");
        if (has_token(v, "canonical") && attr(w, node, "href")) {
            const char *h = attr(w, node, "href");
            add_item(w, DP_HTML_CANONICAL, NULL, 0, h, strlen(h), 0);
        } else if (has_token(v, "author") && attr(w, node, "href")) {
            const char *h = attr(w, node, "href");
            add_item(w, DP_HTML_AUTHOR_LINK, h, strlen(h), NULL, 0, 0);
        }
        return;
    case GUMBO_TAG_SCRIPT:
        v = attr(w, node, "type");
        if (v && starts_ci(v, strlen(v), "application/ld+json")) raw_text_item(w, DP_HTML_JSONLD, node);
        return;
    case GUMBO_TAG_HTML:
        v = attr(w, node, "lang");
        if (v) add_item(w, DP_HTML_LANG, NULL, 0, v, strlen(v), 0);
        return;
    default:
        break;
    }
    if (w->heads) return;
    if (t == GUMBO_TAG_TIME) {
        v = attr(w, node, "datetime");
        if (v) add_item_text(w, DP_HTML_TIME, v, node, current_elem(w));
    }
    if (t == GUMBO_TAG_IMG) {  /* the alt text: a caption that repeats it is a caption */
        v = attr(w, node, "alt");
        size_t n = v ? strlen(v) : 0;
        if (n >= 16 && n <= 1000) {
            add_item(w, DP_HTML_IMG, NULL, 0, v, n, 0);
            if (!w->oom) w->doc->items[w->doc->n_items - 1].elem = current_elem(w);
        }
    }
    if (t == GUMBO_TAG_A && has_token(attr(w, node, "rel"), "author")) {
        const char *h = attr(w, node, "href");
        add_item_text(w, DP_HTML_AUTHOR_LINK, h ? h : "", node, current_elem(w));
    }
    v = attr(w, node, "itemprop");
    if (v && *v) {
        const char *val = attr(w, node, "content");
        if (!val) val = attr(w, node, "datetime");
        if (val) {
            add_item(w, DP_HTML_ITEMPROP, v, strlen(v), val, strlen(val), 1);
            if (!w->oom) w->doc->items[w->doc->n_items - 1].elem = current_elem(w);
        } else {
            add_item_text(w, DP_HTML_ITEMPROP, v, node, current_elem(w));
        }
    }
}

static int push(walker *w, const GumboNode *node) {
    if (!dp_grow((void **)&w->st, &w->cap_st, w->n_st + 1, sizeof *w->st)) { w->oom = 1; return 0; }
    frame *f = &w->st[w->n_st++];
    GumboTag t = node->v.element.tag;
    f->node = node;
    f->child = 0;
    f->block = block_tag(t) && t != GUMBO_TAG_IMG && t != GUMBO_TAG_HR;
    f->exported = -1;
    f->chain = -1;
    f->innermost = f->block ? (long)(w->n_st - 1) : w->n_st >= 2 ? w->st[w->n_st - 2].innermost : -1;
    f->link = t == GUMBO_TAG_A && attr(w, node, "href") != NULL;
    f->pre = t == GUMBO_TAG_PRE || t == GUMBO_TAG_LISTING;
    f->head = t == GUMBO_TAG_HEAD;
    if (!f->block) {  /* an inline element: its class and id join the block's hint */
        const char *names[2] = { attr(w, node, "class"), attr(w, node, "id") };
        for (int k = 0; k < 2; k++) {
            const char *v = names[k];
            if (!v || !*v) continue;
            size_t len = strlen(v);
            if (w->ihint_len + len + 2 > sizeof w->ihint) break;
            if (w->ihint_len) w->ihint[w->ihint_len++] = ' ';
            for (size_t i = 0; i < len; i++) w->ihint[w->ihint_len++] = (char)lower((unsigned char)v[i]);
        }
    }
    if (f->link) w->links++;
    if (f->pre) w->pres++;
    if (f->head) w->heads++;
    return 1;
}

static void walk(walker *w, const GumboNode *root) {
    if (root->type != GUMBO_NODE_ELEMENT) return;
    element_items(w, root);
    push(w, root);
    while (w->n_st > 0 && !w->oom) {
        frame *f = &w->st[w->n_st - 1];
        const GumboVector *ch = &f->node->v.element.children;
        if (f->child >= ch->length) {
            /* leave the element */
            if (f->block) flush(w);
            if (f->link) w->links--;
            if (f->pre) w->pres--;
            if (f->head) w->heads--;
            w->n_st--;
            continue;
        }
        const GumboNode *c = ch->data[f->child++];
        switch (c->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
            if (!w->heads) add_text(w, c->v.text.text, strlen(c->v.text.text));
            break;
        case GUMBO_NODE_ELEMENT: {
            GumboTag t = c->v.element.tag;
            element_items(w, c);
            if (w->oom) return;
            if (c->v.element.tag_namespace != GUMBO_NAMESPACE_HTML && t != GUMBO_TAG_UNKNOWN) break;
            if (skipped_tag(t) || hidden(w, c)) break;
            if (t == GUMBO_TAG_BR) { add_br(w); break; }
            if (t == GUMBO_TAG_HR || t == GUMBO_TAG_IMG) { flush(w); break; }
            int blk = block_tag(t);
            if (blk) flush(w);
            push(w, c);
            break;
        }
        default:  /* comments, the document, templates */
            break;
        }
    }
}

/* Is buf[0..n) UTF-8 that dp_html_to_utf8 would leave as it is (no BOM, CR,
 * NUL or invalid byte)? Most pages are: their copy is skipped. */
static int clean_utf8(const char *buf, size_t n, const char *label) {
    return is_utf8_label(label) && !(n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) &&
           memchr(buf, '\r', n) == NULL && memchr(buf, '\0', n) == NULL && dp_utf8_check(buf, n) == n;
}

/* ---- gumbo's memory ---------------------------------------------------- */

/* gumbo allocates every node, attribute and buffer on its own (a tenth of
 * its time went to malloc and free) and frees them one by one after the
 * walk. It gets them from a pool instead, freed at once after the walk:
 * blocks of up to 4 KiB are cut from 256 KiB chunks in power-of-two size
 * classes, and a block gumbo frees (a token's buffers, an outgrown vector)
 * goes on its class's free list for the next request of that class, so a
 * page of many small elements does not pile up its temporaries; larger
 * blocks are malloc'd and freed. Each block has a header with its class. */
#define CHUNK_BYTES (256 * 1024)
#define POOL_CLASSES 9          /* 16, 32, ..., 4096 bytes */
#define POOL_LARGE 0xFF         /* a malloc'd block */

typedef struct chunk {
    struct chunk *next;
    size_t used, cap;
    max_align_t data[];
} chunk;

typedef union block_head {
    max_align_t align;
    unsigned char cls;
} block_head;

typedef struct large_block {
    struct large_block *next, *prev;
    block_head h;
} large_block;

typedef struct pool {
    chunk *chunks;
    large_block *large;  /* the malloc'd blocks in use */
    void *free_list[POOL_CLASSES];
} pool;

static void *pool_alloc(void *userdata, size_t size) {
    pool *pl = userdata;
    unsigned cls = 0;
    while (cls < POOL_CLASSES && ((size_t)16 << cls) < size) cls++;
    block_head *h;
    if (cls == POOL_CLASSES) {
        large_block *lb = malloc(sizeof *lb + size);
        if (!lb) return NULL;
        lb->h.cls = POOL_LARGE;
        lb->prev = NULL;
        lb->next = pl->large;
        if (pl->large) pl->large->prev = lb;
        pl->large = lb;
        return &lb->h + 1;
    }
    if (pl->free_list[cls]) {
        h = pl->free_list[cls];
        memcpy(&pl->free_list[cls], h + 1, sizeof(void *));
        return h + 1;
    }
    size_t need = sizeof *h + ((size_t)16 << cls);
    chunk *c = pl->chunks;
    if (!c || c->cap - c->used < need) {
        c = malloc(sizeof *c + CHUNK_BYTES);
        if (!c) return NULL;
        c->used = 0;
        c->cap = CHUNK_BYTES;
        c->next = pl->chunks;
        pl->chunks = c;
    }
    h = (block_head *)((char *)c->data + c->used);
    c->used += need;
    h->cls = (unsigned char)cls;
    return h + 1;
}

static void pool_free(void *userdata, void *p) {
    pool *pl = userdata;
    if (!p) return;
    block_head *h = (block_head *)p - 1;
    if (h->cls == POOL_LARGE) {
        large_block *lb = (large_block *)((char *)h - offsetof(large_block, h));
        if (lb->prev) lb->prev->next = lb->next;
        else pl->large = lb->next;
        if (lb->next) lb->next->prev = lb->prev;
        free(lb);
        return;
    }
    memcpy(p, &pl->free_list[h->cls], sizeof(void *));
    pl->free_list[h->cls] = h;
}

/* Frees everything gumbo still holds: the chunks (with every small block
 * in them) and the large blocks in use (gumbo_destroy_output is not
 * called: it would free the tree node by node). */
static void pool_release(pool *pl) {
    large_block *lb = pl->large;
    while (lb) {
        large_block *next = lb->next;
        free(lb);
        lb = next;
    }
    chunk *c = pl->chunks;
    while (c) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
    memset(pl, 0, sizeof *pl);
}

int dp_html_parse(const char *buf, size_t n, const char *charset, dp_html_doc *doc) {
    memset(doc, 0, sizeof *doc);
    char label[40];
    if (charset && *charset) {
        dp_html_canonical_label(charset, strlen(charset), label, sizeof label);
        doc->charset_source = DP_HTML_CS_GIVEN;
    } else {
        doc->charset_source = dp_html_detect_charset(buf, n, label, sizeof label);
    }
    char *utf8 = NULL;
    const char *text = buf;  /* the page in UTF-8 */
    int unknown = 0;
    size_t len = n;
    if (!clean_utf8(buf, n, label)) {
        len = dp_html_to_utf8(buf, n, label, &utf8, &doc->replaced, &unknown);
        if (len == (size_t)-1) return -1;
        text = utf8;
    }
    doc->unknown_charset = unknown;
    copy_label(doc->charset, sizeof doc->charset,
               !unknown ? label : dp_utf8_check(buf, n) == n ? "utf-8" : "windows-1252");
    if (strcmp(doc->charset, "") == 0) copy_label(doc->charset, sizeof doc->charset, "utf-8");

    GumboOptions opts = kGumboDefaultOptions;
    opts.max_errors = 0;  /* parse errors are not reported; do not collect them */
    pool pl;
    memset(&pl, 0, sizeof pl);
    opts.allocator = pool_alloc;
    opts.deallocator = pool_free;
    opts.userdata = &pl;
    size_t elen;
    walker w;
    memset(&w, 0, sizeof w);
    char *lean = dp_html_lean(text, len, &elen, &w.refs);
    free(utf8);
    if (!lean) { dp_html_lean_refs_free(&w.refs); return -1; }
    GumboOutput *out = gumbo_parse_with_options(&opts, lean, elen);
    if (!out) { pool_release(&pl); free(lean); dp_html_lean_refs_free(&w.refs); return -1; }
    w.doc = doc;
    w.lean = lean;
    w.lean_len = elen;
    walk(&w, out->root);
    if (!w.oom) flush(&w);
    pool_release(&pl);  /* the whole tree at once */
    free(lean);
    dp_html_lean_refs_free(&w.refs);
    free(w.st);
    free(w.cur);
    if (w.oom) {
        dp_html_free(doc);
        return -1;
    }
    if (!doc->arena) {  /* keep arena valid for empty pages */
        doc->arena = malloc(1);
        if (!doc->arena) return -1;
        doc->arena[0] = '\0';
        doc->arena_cap = 1;
    }
    return 0;
}

void dp_html_free(dp_html_doc *doc) {
    free(doc->arena);
    free(doc->elems);
    free(doc->blocks);
    free(doc->items);
    memset(doc, 0, sizeof *doc);
}
