/*
 * dp_yaml.h: a YAML document as a tree of nodes with source positions
 * (plain C over libyaml, no Lua).
 *
 * Positions are 1-based lines and columns. Anchors and aliases are
 * resolved by sharing the anchored node; the total size after expansion is
 * bounded (max_nodes), so an alias bomb is refused early instead of
 * expanding. All nodes belong to the dp_yaml_doc and are freed with it.
 */
#ifndef DP_YAML_H
#define DP_YAML_H

#include <stddef.h>

typedef enum { DP_YAML_SCALAR, DP_YAML_SEQ, DP_YAML_MAP } dp_yaml_kind;

typedef struct dp_yaml_node dp_yaml_node;
struct dp_yaml_node {
    dp_yaml_kind kind;
    int line, column;       /* where the node starts, 1-based */
    char *value;            /* scalar text, NUL-terminated (scalars only) */
    size_t len;             /* scalar length in bytes */
    int plain;              /* scalar written without quotes or block style */
    dp_yaml_node **items;   /* SEQ: n items; MAP: 2n, key then value */
    size_t n;
    size_t weight;          /* nodes in this subtree once aliases are expanded */
};

typedef struct dp_yaml_doc dp_yaml_doc;

typedef struct dp_yaml_error {
    char message[256];
    int line, column;       /* 1-based; 0 when unknown */
} dp_yaml_error;

/* Parse the first document of s[0..n). Returns NULL and fills err on a
 * syntax error, an empty stream, or when alias expansion would exceed
 * max_nodes. The returned doc is owned by the caller. */
dp_yaml_doc *dp_yaml_parse(const char *s, size_t n, size_t max_nodes, dp_yaml_error *err);

/* The root node (never NULL for a parsed doc). */
const dp_yaml_node *dp_yaml_root(const dp_yaml_doc *doc);

void dp_yaml_free(dp_yaml_doc *doc);

#endif
