/*
 * dp_builtin.h: the files compiled into the binary (scripts/ and
 * pipelines/), generated at build time by tools/embed.c into
 * build/builtin.c. Paths are relative to the repository root, e.g.
 * "scripts/stages/clean.lua", "pipelines/news.yaml".
 */
#ifndef DP_BUILTIN_H
#define DP_BUILTIN_H

#include <stddef.h>

typedef struct dp_builtin_file {
    const char *path;
    const char *data;  /* NUL-terminated, len bytes */
    size_t len;
    /* a .lua file's bytecode (lua_dump of the source loaded with the chunk
     * name "@PATH", debug information kept; code_len bytes), else NULL */
    const char *code;
    size_t code_len;
} dp_builtin_file;

/* Terminated by an entry whose path is NULL; sorted by path. */
extern const dp_builtin_file dp_builtin_files[];

/* The embedded file at path, or NULL. */
const dp_builtin_file *dp_builtin_find(const char *path);

#endif
