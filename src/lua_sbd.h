/*
 * lua_sbd.h: Lua 5.4 binding of dp_sbd, the sentence boundary detector
 * (the table docpipe.sbd).
 */
#ifndef DP_LUA_SBD_H
#define DP_LUA_SBD_H

#include <lua.h>
#include <stddef.h>

struct dp_span;

#define DP_SBD_LAZY_MT "docpipe.sbd.lazy"

/*
 * Push a new table with the function new (see lua_sbd.c). The caller
 * stores it as docpipe.sbd. Returns 1.
 */
int dp_lua_open_sbd(lua_State *L);

/*
 * A sentence list from det:sentences() that nothing has read yet: its
 * tables are not built, and the JSON writer writes it from these spans,
 * byte for byte as it writes the tables det:split() returns. text is the
 * string split (kept alive by the list), len its length in bytes; spans
 * are 0-based [start, end) byte offsets into it; join is 1 when each run
 * of white space holding a line break is to be written as one space in a
 * sentence's text.
 */
typedef struct dp_sbd_lazy {
    const char *text;
    size_t len;
    int join;
    size_t n;
    const struct dp_span *spans;
} dp_sbd_lazy;

/* The list at idx when it is such an unread list (fills *out and returns
 * 1), else 0. Never raises; looks only, builds nothing. */
int dp_sbd_lazy_get(lua_State *L, int idx, dp_sbd_lazy *out);

/* Build the tables of the unread list at idx now (a no-op for any other
 * value): afterwards it is the list det:split() would have returned. */
void dp_sbd_lazy_build(lua_State *L, int idx);

/* s[0..n) with each run of white space holding CR or LF as one space,
 * written to out (room for n bytes); returns the length written. */
size_t dp_sbd_join(const char *s, size_t n, char *out);

#endif
