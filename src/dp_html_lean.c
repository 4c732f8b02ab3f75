/*
 * dp_html_lean.c: the lean copy of a page that gumbo parses (see
 * dp_html_lean.h). Most of a news page's bytes are what the flat view
 * never reads: script and style bodies (65% of the 38 evaluation pages),
 * then attributes (srcset, data-*, inline SVG path data ...) and the
 * indentation between tags; gumbo's time is about proportional to the
 * bytes it reads.
 */
#include "dp_html_lean.h"
#include "dp_mem.h"

#include <stdlib.h>
#include <string.h>

static int is_ws(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

static int lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int is_alpha(int c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

/* Does s[0..n) begin with the lower-case lit, ignoring ASCII case? */
static int starts_ci(const char *s, size_t n, const char *lit) {
    size_t k = strlen(lit);
    if (n < k) return 0;
    for (size_t i = 0; i < k; i++)
        if (lower((unsigned char)s[i]) != lit[i]) return 0;
    return 1;
}

static int name_char(int c) {
    return c && !is_ws(c) && c != '/' && c != '>';
}

/* s[a..z) equals the lower-case lit, ignoring ASCII case? */
static int span_is(const char *s, size_t a, size_t z, const char *lit) {
    return z - a == strlen(lit) && starts_ci(s + a, z - a, lit);
}

/* The same for a string literal: the lengths are compared first. */
#define SPAN_IS(s, a, z, lit) \
    ((z) - (a) == sizeof lit - 1 && lower((unsigned char)(s)[a]) == (lit)[0] && starts_ci((s) + (a), (z) - (a), lit))

/* s[i..n) starts "</NAME" followed by white space, '/' or '>' (or the end)? */
static int end_tag_at(const char *s, size_t n, size_t i, const char *name) {
    size_t k = strlen(name);
    if (i + 2 + k > n || s[i] != '<' || s[i + 1] != '/') return 0;
    if (!starts_ci(s + i + 2, n - i - 2, name)) return 0;
    return i + 2 + k == n || !name_char((unsigned char)s[i + 2 + k]);
}

static int start_tag_at(const char *s, size_t n, size_t i, const char *name) {
    size_t k = strlen(name);
    if (i + 1 + k > n || s[i] != '<') return 0;
    if (!starts_ci(s + i + 1, n - i - 1, name)) return 0;
    return i + 1 + k == n || !name_char((unsigned char)s[i + 1 + k]);
}

/* End of a script body starting at i: the offset of its "</script" (the
 * tokenizer's script data, escaped and double escaped states). */
static size_t script_end(const char *s, size_t n, size_t i) {
    int st = 0;  /* 0: script data, 1: escaped ("<!--" seen), 2: double escaped */
    while (i < n) {
        const char *p = memchr(s + i, '<', n - i);
        size_t j = p ? (size_t)(p - s) : n;
        if (st != 0) {  /* a "-->" before the next '<' returns to script data */
            size_t m = i, back = 0;
            while (m + 2 < j) {
                const char *q = memchr(s + m, '-', j - m);
                if (!q) break;
                m = (size_t)(q - s);
                if (m + 2 < n && s[m + 1] == '-' && s[m + 2] == '>') { back = m + 3; break; }
                m++;
            }
            if (back) { st = 0; i = back; continue; }
        }
        if (!p) return n;
        if (st == 0) {
            if (end_tag_at(s, n, j, "script")) return j;
            if (j + 3 < n && s[j + 1] == '!' && s[j + 2] == '-' && s[j + 3] == '-') { st = 1; i = j + 2; continue; }
        } else if (st == 1) {
            if (end_tag_at(s, n, j, "script")) return j;
            if (start_tag_at(s, n, j, "script")) { st = 2; i = j + 7; continue; }
        } else if (end_tag_at(s, n, j, "script")) {
            st = 1;
            i = j + 8;
            continue;
        }
        i = j + 1;
    }
    return n;
}

/* The offset of the first "</NAME" at or after i (n when there is none). */
static size_t raw_end(const char *s, size_t n, size_t i, const char *name) {
    while (i < n) {
        const char *p = memchr(s + i, '<', n - i);
        if (!p) return n;
        size_t j = (size_t)(p - s);
        if (end_tag_at(s, n, j, name)) return j;
        i = j + 1;
    }
    return n;
}

/* The end of a comment starting at s[i] == "<!--": after "-->" or "--!>",
 * at once for "<!-->" and "<!--->", n when unterminated. */
static size_t comment_end(const char *s, size_t n, size_t i) {
    size_t k = i + 4;
    if (k < n && s[k] == '>') return k + 1;
    if (k + 1 < n && s[k] == '-' && s[k + 1] == '>') return k + 2;
    while (k + 2 < n) {
        const char *q = memchr(s + k, '-', n - k - 2);
        if (!q) return n;
        size_t m = (size_t)(q - s);
        if (s[m + 1] == '-') {
            if (s[m + 2] == '>') return m + 3;
            if (m + 3 < n && s[m + 2] == '!' && s[m + 3] == '>') return m + 4;
        }
        k = m + 1;
    }
    return n;
}

/* One attribute of a tag, the tokenizer's way, from s[*p] (before attribute
 * name state): returns 1 with its name s[*na..*nz) and whole span
 * s[*na..*z) (value and quotes included) and *quoted (0: no value or an
 * unquoted one, 1: a quoted value); 0 at the end of the tag, *p after its
 * '>' and *selfc set for "/>"; -1 when the page ends inside the tag (the
 * tokenizer then drops it). */
static int next_attr(const char *s, size_t n, size_t *p, size_t *na, size_t *nz, size_t *z,
                     int *quoted, int *selfc) {
    size_t i = *p;
    for (;;) {
        while (i < n && is_ws((unsigned char)s[i])) i++;
        if (i >= n) return -1;
        if (s[i] == '>') { *p = i + 1; *selfc = 0; return 0; }
        if (s[i] != '/') break;
        /* self-closing start tag state: "/>" ends the tag, else reconsume */
        if (i + 1 < n && s[i + 1] == '>') { *p = i + 2; *selfc = 1; return 0; }
        i++;
    }
    *na = i;
    i++;  /* the first character is the name's, even '=', quotes or '<' */
    while (i < n && name_char((unsigned char)s[i]) && s[i] != '=') i++;
    *nz = i;
    *quoted = 0;
    size_t k = i;  /* after attribute name state */
    while (k < n && is_ws((unsigned char)s[k])) k++;
    if (k < n && s[k] == '=') {
        k++;
        while (k < n && is_ws((unsigned char)s[k])) k++;
        if (k >= n) return -1;
        if (s[k] == '"' || s[k] == '\'') {
            const char *q = memchr(s + k + 1, s[k], n - k - 1);
            if (!q) return -1;
            i = (size_t)(q - s) + 1;
            *quoted = 1;
        } else {  /* unquoted: to white space or '>' ("x=>" is an empty value) */
            while (k < n && !is_ws((unsigned char)s[k]) && s[k] != '>') k++;
            i = k;
        }
    }
    *z = i;
    *p = i;
    return 1;
}

/* The index + 1 of an attribute name in DP_HTML_LEAN_ATTRS, 0 when it is
 * not kept. */
static int kept_attr(const char *s, size_t a, size_t z) {
    static const char *const keep[] = { DP_HTML_LEAN_ATTRS };
    size_t len = z - a;
    if (len < 2 || len > 14) return 0;
    int c = lower((unsigned char)s[a]);
    for (size_t k = 0; k < sizeof keep / sizeof keep[0]; k++) {
        const char *name = keep[k];
        if (name[0] != c) continue;
        size_t i = 1;
        while (i < len && name[i] && lower((unsigned char)s[a + i]) == name[i]) i++;
        if (i == len && !name[len]) return (int)k + 1;
    }
    return 0;
}

/* Can the style attribute whose span (name, '=' and value) is s[a..z)
 * hide its element? dp_html.c reads "display:none" and "visibility:hidden"
 * in the first 255 bytes of the value that are not white space, lower
 * case; a character reference may spell them, so a value with '&' can. */
static int style_can_hide(const char *s, size_t a, size_t z) {
    char buf[256];
    size_t k = 0;
    const char *eq = memchr(s + a, '=', z - a);
    if (!eq) return 0;
    for (size_t i = (size_t)(eq - s) + 1; i < z && k < sizeof buf - 1; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '&') return 1;
        if (!is_ws(c) && c != '"' && c != '\'') buf[k++] = (char)lower(c);
    }
    buf[k] = '\0';
    return strstr(buf, "display:none") != NULL || strstr(buf, "visibility:hidden") != NULL;
}

/* ---- references to long attribute values ------------------------------ */

const char *dp_html_lean_ref(const dp_html_lean_refs *r, size_t at) {
    size_t lo = 0, hi = r ? r->n : 0;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->at[mid] < at) lo = mid + 1;
        else hi = mid;
    }
    return lo < r->n && r->at[lo] == at ? r->text + r->off[r->val[lo]] : NULL;
}

void dp_html_lean_refs_free(dp_html_lean_refs *r) {
    free(r->at);
    free(r->val);
    free(r->text);
    free(r->off);
    free(r->slots);
    memset(r, 0, sizeof *r);
}

static size_t hash_bytes(const char *s, size_t n) {
    size_t h = 14695981039346656037u;  /* FNV-1a */
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

/* The index of the value s[0..n) among the distinct values (added when
 * new); -1 when memory runs out. */
static long intern(dp_html_lean_refs *r, const char *s, size_t n) {
    if (2 * (r->n_vals + 1) > r->n_slots) {  /* grow the table, at most half full */
        size_t ns = r->n_slots ? 2 * r->n_slots : 1024;
        unsigned *slots = calloc(ns, sizeof *slots);
        if (!slots) return -1;
        for (size_t v = 0; v < r->n_vals; v++) {
            const char *t = r->text + r->off[v];
            size_t h = hash_bytes(t, strlen(t)) & (ns - 1);
            while (slots[h]) h = (h + 1) & (ns - 1);
            slots[h] = (unsigned)v + 1;
        }
        free(r->slots);
        r->slots = slots;
        r->n_slots = ns;
    }
    size_t h = hash_bytes(s, n) & (r->n_slots - 1);
    while (r->slots[h]) {
        const char *t = r->text + r->off[r->slots[h] - 1];
        if (strncmp(t, s, n) == 0 && t[n] == '\0') return (long)r->slots[h] - 1;
        h = (h + 1) & (r->n_slots - 1);
    }
    if (!dp_grow((void **)&r->text, &r->text_cap, r->text_len + n + 1, 1) ||
        !dp_grow((void **)&r->off, &r->cap_vals, r->n_vals + 1, sizeof *r->off))
        return -1;
    memcpy(r->text + r->text_len, s, n);
    r->text[r->text_len + n] = '\0';
    r->off[r->n_vals] = r->text_len;
    r->text_len += n + 1;
    r->slots[h] = (unsigned)r->n_vals + 1;
    return (long)r->n_vals++;
}

/* Does the parser itself read this attribute's value? */
static int parser_reads(const char *s, size_t a, size_t z) {
    return SPAN_IS(s, a, z, "type") || SPAN_IS(s, a, z, "encoding") || SPAN_IS(s, a, z, "color") ||
           SPAN_IS(s, a, z, "face") || SPAN_IS(s, a, z, "size") || SPAN_IS(s, a, z, "prompt");
}

/* Does the value s[0..n) (valid UTF-8) hold nothing the parser would
 * change: no character reference start, no control character (C0, DEL,
 * C1: gumbo writes U+FFFD for those, and CR is folded into LF) and no
 * noncharacter (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF)? */
static int plain_value(const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        unsigned c = p[i];
        if (c < 0x20 || c == 0x7F || c == '&') return 0;
        if (c < 0x80) continue;
        if (c == 0xC2 && i + 1 < n && p[i + 1] < 0xA0) return 0;
        if (c == 0xEF && i + 2 < n && ((p[i + 1] == 0xB7 && p[i + 2] >= 0x90 && p[i + 2] <= 0xAF) ||
                                       (p[i + 1] == 0xBF && p[i + 2] >= 0xBE)))
            return 0;
        if (c >= 0xF0 && i + 3 < n && (p[i + 1] & 0x0F) == 0x0F && p[i + 2] == 0xBF && p[i + 3] >= 0xBE)
            return 0;
    }
    return 1;
}

/* Write the attribute s[na..z) (name s[na..nz)) to out + *w as a reference
 * to its value when that is long, plain (plain_value) and not read by the
 * parser; 1 when written. The reference is never longer than
 * what it replaces. */
static int write_ref(const char *s, size_t na, size_t nz, size_t z, char *out, size_t *w,
                     dp_html_lean_refs *r) {
    if (!r || z - nz < 8) return 0;
    size_t va = nz;
    while (va < z && s[va] != '=') va++;
    if (va >= z) return 0;
    va++;
    while (va < z && is_ws((unsigned char)s[va])) va++;
    size_t vz = z;
    if (va < z && (s[va] == '"' || s[va] == '\'')) { va++; vz--; }
    if (vz < va + 8 || parser_reads(s, na, nz) || !plain_value(s + va, vz - va)) return 0;
    long idx = intern(r, s + va, vz - va), v = idx;
    if (idx < 0) return 0;
    char num[24];
    size_t k = 0;
    do { num[sizeof num - 1 - k++] = (char)('0' + v % 10); v /= 10; } while (v > 0);
    if (k + 4 > vz - va) return 0;  /* "=\"\x01N\"" must not be longer */
    if (!dp_grow((void **)&r->at, &r->cap_at, r->n + 1, sizeof *r->at) ||
        !dp_grow((void **)&r->val, &r->cap_val, r->n + 1, sizeof *r->val))
        return 0;
    size_t o = *w;
    memcpy(out + o, s + na, nz - na);
    o += nz - na;
    out[o++] = '=';
    r->at[r->n] = o;
    r->val[r->n] = (unsigned)idx;
    r->n++;
    out[o++] = '"';
    out[o++] = '\x01';
    memcpy(out + o, num + sizeof num - k, k);
    o += k;
    out[o++] = '"';
    *w = o;
    return 1;
}

/* Write the tag starting at s[i] == '<' (a letter or "/" and a letter
 * follows) to out + *o: its name, then for a start tag its kept
 * attributes. Returns the offset after the tag, or 0 when the page ends
 * inside it (nothing written); *name_end gets the end of its name and
 * *selfc its self-closing flag. */
static size_t copy_tag(const char *s, size_t n, size_t i, char *out, size_t *o, size_t *name_end,
                       int *selfc, dp_html_lean_refs *refs) {
    int end = s[i + 1] == '/';
    size_t a = i + 1 + (size_t)end, p = a;
    while (p < n && name_char((unsigned char)s[p])) p++;
    if (p >= n) return 0;
    *name_end = p;
    size_t w = *o;
    memcpy(out + w, s + i, p - i);
    w += p - i;
    int last = 0;  /* the last written: 0 tag name or a bare name, 1 quoted value, 2 unquoted value */
    size_t na = 0, nz = 0, z = 0;
    int quoted = 0, r;
    unsigned long seen = 0;  /* the kept names met: the parser keeps the first of duplicates */
    while ((r = next_attr(s, n, &p, &na, &nz, &z, &quoted, selfc)) == 1) {
        int k = end ? 0 : kept_attr(s, na, nz);
        if (!k || (seen >> k & 1)) continue;
        seen |= 1ul << k;
        if (SPAN_IS(s, na, nz, "style") && !style_can_hide(s, na, z)) continue;  /* a style that cannot hide */
        if (last != 1) out[w++] = ' ';
        if (write_ref(s, na, nz, z, out, &w, refs)) { last = 1; continue; }
        memcpy(out + w, s + na, z - na);
        w += z - na;
        last = quoted ? 1 : z > nz ? 2 : 0;
    }
    if (r < 0) return 0;
    if (*selfc && !end) {
        if (last == 2) out[w++] = ' ';
        out[w++] = '/';
    }
    out[w++] = '>';
    *o = w;
    return p;
}

/* Does the tag whose name is s[k..e) nest: not a void element, and not one
 * whose end tag may be left out (p, li, td ...), which the parser closes by
 * itself? */
static int nesting_tag(const char *s, size_t k, size_t e) {
    /* those that do not, by length (every tag of the page passes here) */
    static const char *const flat[] = {
        "", "p", "br hr li dt dd tr td th rb rt rp", "col img wbr rtc xmp",
        "area base link meta html head body", "embed input param track tbody thead tfoot frame image title style",
        "source option keygen script iframe", "caption bgsound noembed", "colgroup optgroup basefont noframes textarea"
    };
    size_t len = e - k;
    if (len == 0) return 0;
    if (len >= sizeof flat / sizeof flat[0]) return 1;
    for (const char *f = flat[len]; *f; f += len + (f[len] == ' ')) {  /* names of len letters */
        size_t i = 0;
        while (i < len && lower((unsigned char)s[k + i]) == f[i]) i++;
        if (i == len) return 0;
    }
    return 1;
}

/* HTML white space: tab, line feed, form feed, carriage return, space. */
static const unsigned char WS[256] = { ['\t'] = 1, ['\n'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1 };

/* Copy the text s[i..j) to out + *o, each run of two or more white space
 * characters written as one (a line feed when the run holds one). */
static void copy_text(const char *s, size_t i, size_t j, char *out, size_t *o) {
    const unsigned char *u = (const unsigned char *)s;
    size_t w = *o;
    while (i < j) {
        size_t k = i;
        while (k + 1 < j && !(WS[u[k]] && WS[u[k + 1]])) k++;
        if (k + 1 >= j) k = j;
        memcpy(out + w, s + i, k - i);
        w += k - i;
        if (k >= j) break;
        int nl = 0;
        for (;;) {  /* indentation: eight spaces at a time */
            while (k + 8 <= j && memcmp(s + k, "        ", 8) == 0) k += 8;
            if (k >= j || !WS[u[k]]) break;
            nl |= u[k++] == '\n';
        }
        out[w++] = nl ? '\n' : ' ';
        i = k;
    }
    *o = w;
}

/* SVG and MathML elements that neither end foreign content (as <p> or
 * <font color> do) nor open HTML inside it (integration points:
 * foreignObject, desc, title, mi, mo, mn, ms, mtext, annotation-xml). */
static int foreign_element(const char *s, size_t a, size_t z) {
    static const char *const names[] = {
        "animate", "animatemotion", "animatetransform", "circle", "clippath", "defs", "ellipse",
        "feblend", "fecolormatrix", "fecomponenttransfer", "fecomposite", "feconvolvematrix",
        "fediffuselighting", "fedisplacementmap", "fedistantlight", "fedropshadow", "feflood",
        "fefunca", "fefuncb", "fefuncg", "fefuncr", "fegaussianblur", "feimage", "femerge",
        "femergenode", "femorphology", "feoffset", "fepointlight", "fespecularlighting",
        "fespotlight", "fetile", "feturbulence", "filter", "g", "image", "line", "lineargradient",
        "marker", "mask", "metadata", "mpath", "path", "pattern", "polygon", "polyline",
        "radialgradient", "rect", "script", "set", "stop", "style", "switch", "symbol", "text",
        "textpath", "tspan", "use", "view",
        "annotation", "maction", "menclose", "merror", "mfenced", "mfrac", "mmultiscripts", "mover",
        "mpadded", "mphantom", "mprescripts", "mroot", "mrow", "mspace", "msqrt", "mstyle", "msub",
        "msubsup", "msup", "mtable", "mtd", "mtr", "munder", "munderover", "none", "semantics"
    };
    int c = lower((unsigned char)s[a]);
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (names[k][0] == c && span_is(s, a, z, names[k])) return 1;
    return 0;
}

/* The end of the raw text or script body that starts at e after the start
 * tag whose name is s[a..z), e when it is no such element. */
static size_t raw_body_end(const char *s, size_t n, size_t a, size_t z, size_t e) {
    static const char *const rawtext[] = { "title", "textarea", "xmp", "iframe", "noembed", "noframes", "style" };
    if (z - a < 3 || z - a > 9) return e;
    if (SPAN_IS(s, a, z, "script")) return script_end(s, n, e);
    if (SPAN_IS(s, a, z, "plaintext")) return n;  /* the rest of the page is its text */
    for (size_t r = 0; r < sizeof rawtext / sizeof rawtext[0]; r++)
        if (span_is(s, a, z, rawtext[r])) return raw_end(s, n, e, rawtext[r]);
    return e;
}

/* Does the tag whose name is s[a..z) end a <select> ("in select" and "in
 * select in table" insertion modes)? */
static int ends_select(const char *s, size_t a, size_t z, int end) {
    static const char *const table[] = { "caption", "table", "tbody", "tfoot", "thead", "tr", "td", "th" };
    if (SPAN_IS(s, a, z, "select")) return 1;
    if (!end && (SPAN_IS(s, a, z, "input") || SPAN_IS(s, a, z, "keygen") || SPAN_IS(s, a, z, "textarea")))
        return 1;
    for (size_t k = 0; k < sizeof table / sizeof table[0]; k++)
        if (span_is(s, a, z, table[k])) return 1;
    return 0;
}

char *dp_html_lean(const char *s, size_t n, size_t *outlen, dp_html_lean_refs *refs) {
    /* the copy is never longer than the page (see copy_tag); the margin is
     * untouched memory */
    char *out = malloc(2 * n + 64);
    if (!out) return NULL;
    size_t o = 0, i = 0;
    int foreign = 0;   /* open <svg> or <math> */
    int verbatim = 0;  /* in foreign content, a tag that may have left it was met:
                        * everything as written until the last </svg> or </math> */
    int pre = 0;       /* open <pre> or <listing>: white space kept */
    int select = 0;    /* in <select>, where only script is raw text and svg is ignored */
    size_t depth = 0, excess = 0;  /* nesting tags open, and start tags left out */
    while (i < n) {
        const char *lt = memchr(s + i, '<', n - i);
        size_t j = lt ? (size_t)(lt - s) : n;
        if (pre || verbatim) { memcpy(out + o, s + i, j - i); o += j - i; }
        else copy_text(s, i, j, out, &o);
        i = j;
        if (i >= n) break;
        if (i + 3 < n && s[i + 1] == '!' && s[i + 2] == '-' && s[i + 3] == '-') {
            size_t e = comment_end(s, n, i);
            /* kept after a '<' of text, which would open a tag with what follows */
            if (verbatim || (o > 0 && out[o - 1] == '<')) { memcpy(out + o, s + i, e - i); o += e - i; }
            i = e;
            continue;
        }
        int end = i + 2 < n && s[i + 1] == '/' && is_alpha((unsigned char)s[i + 2]);
        if (!end && !(i + 1 < n && is_alpha((unsigned char)s[i + 1]))) {
            /* "<!DOCTYPE", "<![CDATA[", "<?", "</ " ... and a lone '<': as written */
            size_t e = i + 1;
            if (foreign && i + 9 <= n && memcmp(s + i, "<![CDATA[", 9) == 0) {
                e = n;
                for (size_t m = i + 9; m + 3 <= n; m++)
                    if (s[m] == ']' && s[m + 1] == ']' && s[m + 2] == '>') { e = m + 3; break; }
            } else if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?' || s[i + 1] == '/')) {
                const char *q = memchr(s + i, '>', n - i);
                e = q ? (size_t)(q - s) + 1 : n;
            }
            memcpy(out + o, s + i, e - i);
            o += e - i;
            i = e;
            continue;
        }
        size_t name = i + 1 + (size_t)end, name_end = name, tag_o = o;
        size_t ref_mark = refs ? refs->n : 0;  /* the references of this tag start here */
        int selfc = 0;
        size_t e = copy_tag(s, n, i, out, &o, &name_end, &selfc, refs);
        if (!e) {  /* the page ends inside the tag */
            if (refs) refs->n = ref_mark;
            memcpy(out + o, s + i, n - i);
            o += n - i;
            break;
        }
        if (nesting_tag(s, name, name_end) && !(selfc && !end)) {
            if (end) {
                if (excess && !(o > 0 && out[o - 1] == '<')) {  /* the end tag of one left out */
                    excess--;
                    o = tag_o;
                    if (refs) refs->n = ref_mark;
                    i = e;
                    continue;
                }
                if (depth) depth--;
            } else if (depth >= DP_HTML_LEAN_MAX_NESTING && !(tag_o > 0 && out[tag_o - 1] == '<')) {
                excess++;
                o = tag_o;
                if (refs) refs->n = ref_mark;
                i = e;
                continue;
            } else {
                depth++;
            }
        }
        int svg = SPAN_IS(s, name, name_end, "svg") || SPAN_IS(s, name, name_end, "math");
        int pre_tag = SPAN_IS(s, name, name_end, "pre") || SPAN_IS(s, name, name_end, "listing");
        if (foreign && !verbatim) {
            int point = SPAN_IS(s, name, name_end, "title") || SPAN_IS(s, name, name_end, "desc");
            if (end) {
                if (svg) foreign--;
                else if (!point && !foreign_element(s, name, name_end)) verbatim = 1;
            } else if (svg) {
                if (!selfc) foreign++;
            } else if (point) {
                /* an integration point holding text only stays foreign content */
                const char *q = selfc ? NULL : memchr(s + e, '<', n - e);
                char close[8] = "desc";
                if (SPAN_IS(s, name, name_end, "title")) memcpy(close, "title", 6);
                if (!selfc && !(q && end_tag_at(s, n, (size_t)(q - s), close))) verbatim = 1;
            } else if (!foreign_element(s, name, name_end)) {
                verbatim = 1;
            }
            if (verbatim) {
                o = tag_o;
                if (refs) refs->n = ref_mark;
                memcpy(out + o, s + i, e - i);
                o += e - i;
            }
            i = e;
            continue;
        }
        if (verbatim) {
            o = tag_o;
            if (refs) refs->n = ref_mark;
            memcpy(out + o, s + i, e - i);
            o += e - i;
            if (end) {
                if (svg && foreign && --foreign == 0) verbatim = 0;
                else if (pre_tag && pre) pre--;
                i = e;
            } else if (svg) {
                if (!selfc) foreign++;
                i = e;
            } else {
                if (pre_tag) pre++;
                size_t stop = raw_body_end(s, n, name, name_end, e);  /* as written */
                memcpy(out + o, s + e, stop - e);
                o += stop - e;
                i = stop;
            }
            continue;
        }
        if (select && ends_select(s, name, name_end, end)) {
            select = 0;
            if (!end && SPAN_IS(s, name, name_end, "select")) { i = e; continue; }  /* closes, opens none */
        }
        if (end) {
            if (svg) { if (foreign) foreign--; }
            else if (pre_tag && pre) pre--;
            i = e;
            continue;
        }
        if (select) {
            /* the parser ignores the other start tags there: no raw text */
            size_t stop = SPAN_IS(s, name, name_end, "script") ? script_end(s, n, e) : e;
            i = stop;  /* a script body goes */
            continue;
        }
        if (svg) {
            if (!selfc) foreign++;
            i = e;
            continue;
        }
        if (pre_tag) { pre++; i = e; continue; }
        if (SPAN_IS(s, name, name_end, "select")) { select = 1; i = e; continue; }
        size_t stop = raw_body_end(s, n, name, name_end, e);
        int drop = 0;
        if (stop > e && SPAN_IS(s, name, name_end, "script")) {
            /* keep JSON-LD: look for its type in the start tag */
            int ld = 0;
            for (size_t m = i; m + 7 <= e; m++)
                if (starts_ci(s + m, e - m, "ld+json")) { ld = 1; break; }
            drop = !ld;
        } else if (stop > e && SPAN_IS(s, name, name_end, "style")) {
            drop = 1;
        }
        if (!drop) { memcpy(out + o, s + e, stop - e); o += stop - e; }
        i = stop;
    }
    out[o] = '\0';
    *outlen = o;
    return out;
}
