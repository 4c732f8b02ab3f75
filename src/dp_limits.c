/*
 * dp_limits.c: the limiting allocator and the time-limit hook (see
 * dp_limits.h). The accounting lives in the allocator's user data, so each
 * state carries its own and nothing is global.
 */
#include "dp_limits.h"

#include <lauxlib.h>
#include <stdlib.h>
#include <time.h>

#define HOOK_EVERY 1000  /* instructions between two looks at the clock */

typedef struct limits {
    size_t used;             /* bytes the state holds */
    size_t mem_limit;        /* 0: none */
    int armed;
    int mem_hit, time_hit;
    long time_ms;            /* 0: none */
    struct timespec deadline;
} limits;

static void *limited_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    limits *lm = ud;
    if (ptr == NULL) osize = 0;  /* osize holds the object type then */
    if (nsize == 0) {
        free(ptr);
        lm->used -= osize;
        return NULL;
    }
    if (lm->armed && lm->mem_limit && nsize > osize && lm->used + (nsize - osize) > lm->mem_limit) {
        lm->mem_hit = 1;
        return NULL;
    }
    void *np = ptr ? realloc(ptr, nsize) : malloc(nsize);
    if (np) lm->used = lm->used - osize + nsize;
    return np;
}

lua_State *dp_limits_newstate(void) {
    limits *lm = calloc(1, sizeof *lm);
    if (!lm) return NULL;
    lua_State *L = lua_newstate(limited_alloc, lm);
    if (!L) { free(lm); return NULL; }
    /* Generational collection: a stage makes many short-lived tables and
     * strings per document, the case Lua 5.4's generational mode is for. */
    lua_gc(L, LUA_GCGEN, 0, 0);
    return L;
}

void dp_limits_close(lua_State *L) {
    if (!L) return;
    void *ud;
    lua_getallocf(L, &ud);
    lua_close(L);
    free(ud);
}

/* The state's accounting, or NULL when the state was not made by
 * dp_limits_newstate (docpipe loaded as a module into another program's
 * Lua): limits are then not enforced. */
static limits *get(lua_State *L) {
    void *ud;
    if (lua_getallocf(L, &ud) != limited_alloc) return NULL;
    return ud;
}

static int past(const struct timespec *t) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec > t->tv_sec || (now.tv_sec == t->tv_sec && now.tv_nsec >= t->tv_nsec);
}

/* The count hook: once past the deadline it raises at every call, so a
 * stage that catches the error meets it again. */
static void hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    limits *lm = get(L);
    if (lm && lm->armed && lm->time_ms > 0 && (lm->time_hit || past(&lm->deadline))) {
        lm->time_hit = 1;
        luaL_error(L, "time limit of %d ms exceeded", (int)lm->time_ms);
    }
}

/* limits.arm(time_ms, memory_bytes): 0 or nil means no limit */
static int l_arm(lua_State *L) {
    limits *lm = get(L);
    if (!lm) return 0;
    lm->time_ms = (long)luaL_optinteger(L, 1, 0);
    lm->mem_limit = (size_t)luaL_optinteger(L, 2, 0);
    lm->mem_hit = lm->time_hit = 0;
    lm->armed = 1;
    if (lm->time_ms > 0) {
        clock_gettime(CLOCK_MONOTONIC, &lm->deadline);
        lm->deadline.tv_sec += lm->time_ms / 1000;
        lm->deadline.tv_nsec += (lm->time_ms % 1000) * 1000000L;
        if (lm->deadline.tv_nsec >= 1000000000L) {
            lm->deadline.tv_sec++;
            lm->deadline.tv_nsec -= 1000000000L;
        }
        lua_sethook(L, hook, LUA_MASKCOUNT, HOOK_EVERY);
    }
    return 0;
}

static int push_hit(lua_State *L, const limits *lm) {
    if (!lm) lua_pushnil(L);
    else if (lm->time_hit) lua_pushliteral(L, "time");
    else if (lm->mem_hit) lua_pushliteral(L, "memory");
    else lua_pushnil(L);
    return 1;
}

/* limits.disarm() -> nil | "time" | "memory" */
static int l_disarm(lua_State *L) {
    limits *lm = get(L);
    push_hit(L, lm);
    if (!lm) return 1;
    lm->armed = 0;
    lua_sethook(L, NULL, 0, 0);
    lm->mem_hit = lm->time_hit = 0;
    return 1;
}

/* limits.hit() -> nil | "time" | "memory", without disarming */
static int l_hit(lua_State *L) { return push_hit(L, get(L)); }

/* limits.used() -> bytes held by the state */
static int l_used(lua_State *L) {
    limits *lm = get(L);
    if (lm) lua_pushinteger(L, (lua_Integer)lm->used);
    else lua_pushnil(L);
    return 1;
}

int dp_lua_open_limits(lua_State *L) {
    static const luaL_Reg funcs[] = {
        { "arm", l_arm },
        { "disarm", l_disarm },
        { "hit", l_hit },
        { "used", l_used },
        { NULL, NULL },
    };
    luaL_newlib(L, funcs);
    return 1;
}
