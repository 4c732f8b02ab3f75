/*
 * dp_yaml.c: builds a dp_yaml_node tree from libyaml's event stream,
 * keeping the start mark of every node and resolving aliases by sharing.
 */
#include "dp_yaml.h"
#include "dp_mem.h"
#include "dp_utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

typedef struct anchor {
    char *name;
    dp_yaml_node *node;
} anchor;

struct dp_yaml_doc {
    dp_yaml_node *root;
    dp_yaml_node **all;  /* every node allocated, for freeing */
    size_t nall, capall;
    anchor *anchors;
    size_t nanchors, capanchors;
    size_t max_nodes;
};

#define MAX_DEPTH 200

static void set_err(dp_yaml_error *err, const char *msg, const yaml_mark_t *m) {
    snprintf(err->message, sizeof err->message, "%s", msg);
    err->line = m ? (int)m->line + 1 : 0;
    err->column = m ? (int)m->column + 1 : 0;
}

static dp_yaml_node *new_node(dp_yaml_doc *d, dp_yaml_kind kind, const yaml_mark_t *m) {
    if (!dp_grow((void **)&d->all, &d->capall, d->nall + 1, sizeof *d->all)) return NULL;
    dp_yaml_node *nd = calloc(1, sizeof *nd);
    if (!nd) return NULL;
    nd->kind = kind;
    nd->line = (int)m->line + 1;
    nd->column = (int)m->column + 1;
    nd->weight = 1;
    d->all[d->nall++] = nd;
    return nd;
}

static int add_anchor(dp_yaml_doc *d, const yaml_char_t *name, dp_yaml_node *nd) {
    if (!name) return 1;
    if (!dp_grow((void **)&d->anchors, &d->capanchors, d->nanchors + 1, sizeof *d->anchors))
        return 0;
    d->anchors[d->nanchors].name = strdup((const char *)name);
    if (!d->anchors[d->nanchors].name) return 0;
    d->anchors[d->nanchors++].node = nd;
    return 1;
}

static dp_yaml_node *find_anchor(dp_yaml_doc *d, const yaml_char_t *name) {
    for (size_t i = d->nanchors; i-- > 0;)  /* the latest definition wins */
        if (strcmp(d->anchors[i].name, (const char *)name) == 0) return d->anchors[i].node;
    return NULL;
}

/* The byte at mark (its line and column, in characters) of the text
 * [s, e); -1 past the end. */
static int char_at(const unsigned char *s, const unsigned char *e, const yaml_mark_t *m) {
    for (size_t line = 0; line < m->line && s < e; s++)
        if (*s == '\n') line++;
    for (size_t col = 0; s < e && *s != '\n'; s++)
        if ((*s & 0xC0) != 0x80 && col++ == m->column) return *s;
    return -1;
}

static int next_event(yaml_parser_t *p, yaml_event_t *ev, dp_yaml_error *err) {
    if (yaml_parser_parse(p, ev)) return 1;
    char msg[256];
    int n = snprintf(msg, sizeof msg, "%s%s%s", p->problem ? p->problem : "syntax error",
                     p->context ? " " : "", p->context ? p->context : "");
    /* An unclosed bracket is found only where the text ends or the next key
     * begins, often far below it: say where the construct opened too. */
    if (p->context && n > 0 && (size_t)n < sizeof msg
        && p->context_mark.line != p->problem_mark.line)
        snprintf(msg + n, sizeof msg - (size_t)n, " opened at line %d, column %d",
                 (int)p->context_mark.line + 1, (int)p->context_mark.column + 1);
    /* a tab where a token should start: the usual cause, an indent typed with tabs */
    n = (int)strlen(msg);
    if (p->problem && strstr(p->problem, "cannot start any token") && p->input.string.start &&
        char_at(p->input.string.start, p->input.string.end, &p->problem_mark) == '\t' &&
        (size_t)n < sizeof msg)
        snprintf(msg + n, sizeof msg - (size_t)n, " (a tab: tabs cannot indent YAML)");
    set_err(err, msg, &p->problem_mark);
    return 0;
}

/* Parse the node that starts with ev (already read). */
static dp_yaml_node *parse_node(dp_yaml_doc *d, yaml_parser_t *p, yaml_event_t *ev,
                                int depth, dp_yaml_error *err) {
    if (depth > MAX_DEPTH) { set_err(err, "nested too deeply", &ev->start_mark); return NULL; }
    dp_yaml_node *nd = NULL;
    switch (ev->type) {
    case YAML_ALIAS_EVENT:
        nd = find_anchor(d, ev->data.alias.anchor);
        if (!nd) set_err(err, "unknown alias", &ev->start_mark);
        return nd;
    case YAML_SCALAR_EVENT:
        nd = new_node(d, DP_YAML_SCALAR, &ev->start_mark);
        if (!nd) break;
        nd->value = malloc(ev->data.scalar.length + 1);
        if (!nd->value) return NULL;
        memcpy(nd->value, ev->data.scalar.value, ev->data.scalar.length);
        nd->value[ev->data.scalar.length] = '\0';
        nd->len = ev->data.scalar.length;
        /* an explicit !!str tag makes a plain scalar a string (YAML 1.2) */
        nd->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
                    !(ev->data.scalar.tag && strcmp((const char *)ev->data.scalar.tag, YAML_STR_TAG) == 0);
        if (!add_anchor(d, ev->data.scalar.anchor, nd)) return NULL;
        return nd;
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
        int is_map = ev->type == YAML_MAPPING_START_EVENT;
        yaml_event_type_t end_type = is_map ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
        nd = new_node(d, is_map ? DP_YAML_MAP : DP_YAML_SEQ, &ev->start_mark);
        if (!nd) break;
        const yaml_char_t *an = is_map ? ev->data.mapping_start.anchor : ev->data.sequence_start.anchor;
        size_t cap = 0, count = 0;
        for (;;) {
            yaml_event_t child;
            if (!next_event(p, &child, err)) return NULL;
            if (child.type == end_type) { yaml_event_delete(&child); break; }
            dp_yaml_node *c = parse_node(d, p, &child, depth + 1, err);
            yaml_event_delete(&child);
            if (!c) return NULL;
            if (!dp_grow((void **)&nd->items, &cap, count + 1, sizeof *nd->items)) break;
            nd->items[count++] = c;
            nd->weight += c->weight;
            if (nd->weight > d->max_nodes) {
                set_err(err, d->nanchors ? "document too large once aliases are expanded (alias bomb?)"
                                         : "document too large (more nodes than docpipe reads)",
                        &ev->start_mark);
                return NULL;
            }
        }
        nd->n = is_map ? count / 2 : count;
        /* an anchor on a collection is registered when it is complete */
        if (!add_anchor(d, an, nd)) return NULL;
        return nd;
    }
    default:
        set_err(err, "unexpected YAML event", &ev->start_mark);
        return NULL;
    }
    set_err(err, "out of memory", NULL);
    return NULL;
}

/* The encoding checked before libyaml reads the text, whose own errors for
 * text that is no UTF-8 are garbled (a UTF-8 file behind a UTF-16 mark is
 * read as CJK characters) or placed at 1:1: 0 and err set when the text is
 * not one a pipeline is written in. UTF-8 (with or without its mark) is
 * read, and UTF-16 behind its mark when it is that (libyaml decodes it);
 * UTF-16 without a mark, UTF-32, a UTF-16 mark before other text and
 * invalid UTF-8 are said as such. */
static int check_encoding(const char *s, size_t n, dp_yaml_error *err) {
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) ||
                   (u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF))) {
        set_err(err, "the pipeline is UTF-32; save it as UTF-8", NULL);
        return 0;
    }
    if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        /* a pipeline's keys are ASCII: in UTF-16 most code units have a zero high byte */
        size_t hi = u[0] == 0xFF ? 1 : 0, units = 0, zeros = 0;
        for (size_t i = 2; i + 1 < n; i += 2, units++)
            if (u[i + hi] == 0) zeros++;
        if ((n % 2) == 0 && units > 0 && zeros * 2 >= units) return 1;
        set_err(err, "the pipeline starts with a UTF-16 byte order mark but is not UTF-16 text; "
                     "save it as UTF-8", NULL);
        return 0;
    }
    const char *nul = memchr(s, '\0', n);
    if (nul) {
        size_t at = (size_t)(nul - s);
        if (n >= 2 && (u[0] == 0 || u[1] == 0))
            set_err(err, "the pipeline is UTF-16 (without a byte order mark); save it as UTF-8",
                    NULL);
        else {
            snprintf(err->message, sizeof err->message,
                     "the pipeline holds a NUL byte (byte %zu): not YAML text; save it as UTF-8",
                     at + 1);
            err->line = err->column = 0;
        }
        return 0;
    }
    size_t bad = dp_utf8_check(s, n);
    if (bad < n) {
        int line = 1, col = 1;
        for (size_t i = 0; i < bad; i++) {
            if (s[i] == '\n') { line++; col = 1; }
            else if ((u[i] & 0xC0) != 0x80) col++;
        }
        if (line == 1 && bad >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) col--;
        snprintf(err->message, sizeof err->message,
                 "invalid UTF-8 (byte 0x%02X); the pipeline must be UTF-8", u[bad]);
        err->line = line;
        err->column = col;
        return 0;
    }
    return 1;
}

dp_yaml_doc *dp_yaml_parse(const char *s, size_t n, size_t max_nodes, dp_yaml_error *err) {
    yaml_parser_t p;
    yaml_event_t ev;
    memset(err, 0, sizeof *err);
    if (!check_encoding(s, n, err)) return NULL;
    dp_yaml_doc *d = calloc(1, sizeof *d);
    if (!d || !yaml_parser_initialize(&p)) { free(d); set_err(err, "out of memory", NULL); return NULL; }
    d->max_nodes = max_nodes;
    yaml_parser_set_input_string(&p, (const unsigned char *)s, n);
    int ok = 0;
    /* stream start, document start (or stream end), node */
    while (next_event(&p, &ev, err)) {
        yaml_event_type_t t = ev.type;
        if (t == YAML_STREAM_END_EVENT) {
            yaml_event_delete(&ev);
            set_err(err, "the file holds no YAML document", NULL);
            break;
        }
        if (t == YAML_STREAM_START_EVENT || t == YAML_DOCUMENT_START_EVENT) {
            yaml_event_delete(&ev);
            continue;
        }
        d->root = parse_node(d, &p, &ev, 0, err);
        yaml_event_delete(&ev);
        ok = d->root != NULL;
        /* the document's end, then the stream's: a second document is an
         * error rather than something silently ignored */
        while (ok && next_event(&p, &ev, err)) {
            yaml_event_type_t after = ev.type;
            yaml_mark_t mark = ev.start_mark;
            yaml_event_delete(&ev);
            if (after == YAML_STREAM_END_EVENT) break;
            if (after == YAML_DOCUMENT_START_EVENT) {
                set_err(err, "the file holds more than one YAML document (only one is read)", &mark);
                ok = 0;
            }
        }
        if (ok && err->message[0]) ok = 0;  /* a syntax error after the document */
        break;
    }
    yaml_parser_delete(&p);
    if (!ok) { dp_yaml_free(d); return NULL; }
    return d;
}

const dp_yaml_node *dp_yaml_root(const dp_yaml_doc *doc) { return doc->root; }

void dp_yaml_free(dp_yaml_doc *d) {
    if (!d) return;
    for (size_t i = 0; i < d->nall; i++) {
        free(d->all[i]->value);
        free(d->all[i]->items);
        free(d->all[i]);
    }
    free(d->all);
    for (size_t i = 0; i < d->nanchors; i++) free(d->anchors[i].name);
    free(d->anchors);
    free(d);
}
