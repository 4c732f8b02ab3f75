/*
 * dp_limits.c: the limiting allocator and the time limit (see
 * dp_limits.h). The accounting lives in the allocator's user data, so each
 * state carries its own.
 *
 * The time limit costs nothing while a stage runs within it. A count hook
 * would make the Lua VM stop at every instruction (about 30% more
 * instructions on the news pipeline), so the main thread of a state runs
 * without a hook: one watchdog thread per process sleeps until the
 * earliest deadline of the armed states and then sends the thread running
 * the late state a signal (DP_LIMITS_SIGNAL); the handler, in that thread,
 * sets a count hook (lua_sethook is made to be called from a signal
 * handler, as lua.c does for Ctrl-C), and the hook raises the error.
 * A hook set on the main thread does not reach a coroutine that is
 * running, so coroutines made through docpipe.limits.cocreate/cowrap (the
 * engine puts them in place of coroutine.create/wrap) carry the old count
 * hook from birth: only code inside a coroutine pays for it.
 */
#include "dp_limits.h"

#include <lauxlib.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define HOOK_EVERY 1000  /* instructions between two calls of the hook */

/* Small blocks (strings, tables, closures: most of what a stage allocates
 * per document) are kept on per-state free lists by size class when Lua
 * frees them, and handed out again without a trip through malloc: the state
 * belongs to one thread at a time, so the lists need no lock. A block of a
 * class is always allocated at the class's size, so any block on a list
 * fits any request of its class. At most CACHE_MAX bytes are kept. */
#define SMALL_STEP 16
#define SMALL_CLASSES 16                        /* blocks up to 256 bytes */
#define SMALL_MAX (SMALL_STEP * SMALL_CLASSES)
#define CACHE_MAX ((size_t)1 << 20)

typedef struct limits {
    size_t used;             /* bytes the state holds */
    size_t mem_limit;        /* 0: none */
    int armed;
    int mem_hit, time_hit;
    long time_ms;            /* 0: none */
    struct timespec deadline;
    lua_State *L;            /* the state's main thread */
    pthread_t thread;        /* the thread that armed it */
    int watched;             /* in the watchdog's list */
    int signalled;           /* the watchdog has sent its signal for this arm */
    void *cache[SMALL_CLASSES];  /* freed small blocks, one list per size class */
    size_t cached;           /* bytes in the cache */
    /* where the allocation refused for the memory limit was asked (a Lua
     * error for memory runs no message handler: no traceback comes with
     * it); "" when unknown */
    char mem_where[1024];
} limits;

/* The state armed in this thread, for the signal handler; NULL when none.
 * Written by arm before the watchdog can signal the thread. */
static _Thread_local lua_State *volatile armed_here;

static void wd_remove(limits *lm);

static size_t small_class(size_t n) { return (n - 1) / SMALL_STEP; }

static void *small_get(limits *lm, size_t n) {
    size_t c = small_class(n);
    void *p = lm->cache[c];
    if (p) {
        memcpy(&lm->cache[c], p, sizeof(void *));
        lm->cached -= (c + 1) * SMALL_STEP;
        return p;
    }
    return malloc((c + 1) * SMALL_STEP);
}

static void small_put(limits *lm, void *p, size_t n) {
    size_t c = small_class(n), sz = (c + 1) * SMALL_STEP;
    if (lm->cached + sz > CACHE_MAX) { free(p); return; }
    memcpy(p, &lm->cache[c], sizeof(void *));
    lm->cache[c] = p;
    lm->cached += sz;
}

static void cache_free(limits *lm) {
    for (size_t c = 0; c < SMALL_CLASSES; c++) {
        void *p = lm->cache[c];
        while (p) {
            void *next;
            memcpy(&next, p, sizeof next);
            free(p);
            p = next;
        }
        lm->cache[c] = NULL;
    }
    lm->cached = 0;
}

/* The Lua frames of the state's main thread at a refused allocation, as a
 * traceback's lines, into lm->mem_where. Nothing here allocates: lua_getinfo
 * with "Sl" reads the frames and writes into the lua_Debug. (A coroutine
 * running then shows as the frame that resumed it.) */
static void note_where(limits *lm) {
    lm->mem_where[0] = '\0';
    if (!lm->L) return;
    lua_Debug ar;
    size_t k = 0, cap = sizeof lm->mem_where;
    for (int level = 0; level < 12 && lua_getstack(lm->L, level, &ar); level++) {
        if (!lua_getinfo(lm->L, "Sl", &ar)) break;
        int w;
        if (ar.currentline > 0)
            w = snprintf(lm->mem_where + k, cap - k, "\n\t%s:%d: in function <%s:%d>",
                         ar.short_src, ar.currentline, ar.short_src, ar.linedefined);
        else
            w = snprintf(lm->mem_where + k, cap - k, "\n\t%s: in ?", ar.short_src);
        if (w < 0 || (size_t)w >= cap - k) { lm->mem_where[k] = '\0'; break; }
        k += (size_t)w;
    }
}

static void *limited_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    limits *lm = ud;
    if (ptr == NULL) osize = 0;  /* osize holds the object type then */
    if (nsize == 0) {
        if (ptr && osize <= SMALL_MAX) small_put(lm, ptr, osize);
        else free(ptr);
        lm->used -= osize;
        return NULL;
    }
    if (lm->armed && lm->mem_limit && nsize > osize && lm->used + (nsize - osize) > lm->mem_limit) {
        if (!lm->mem_hit) note_where(lm);
        lm->mem_hit = 1;
        return NULL;
    }
    void *np;
    if (ptr && osize > SMALL_MAX && nsize > SMALL_MAX) {
        np = realloc(ptr, nsize);
    } else if (ptr && osize && small_class(osize) == small_class(nsize) && nsize <= SMALL_MAX) {
        np = ptr;  /* the block's class holds the new size too */
    } else {
        np = nsize <= SMALL_MAX ? small_get(lm, nsize) : malloc(nsize);
        if (np && ptr) {
            memcpy(np, ptr, osize < nsize ? osize : nsize);
            if (osize <= SMALL_MAX) small_put(lm, ptr, osize);
            else free(ptr);
        }
    }
    if (np) lm->used = lm->used - osize + nsize;
    return np;
}

lua_State *dp_limits_newstate(void) {
    limits *lm = calloc(1, sizeof *lm);
    if (!lm) return NULL;
    lua_State *L = lua_newstate(limited_alloc, lm);
    if (!L) { free(lm); return NULL; }
    lm->L = L;
    /* Generational collection: a stage makes many short-lived tables and
     * strings per document, the case Lua 5.4's generational mode is for. */
    lua_gc(L, LUA_GCGEN, 0, 0);
    return L;
}

void dp_limits_close(lua_State *L) {
    if (!L) return;
    void *ud;
    lua_getallocf(L, &ud);
    limits *lm = ud;
    if (armed_here == L) armed_here = NULL;
    wd_remove(lm);
    lua_close(L);
    cache_free(lm);
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

/* The hook: once past the deadline it raises at every call, so a stage
 * that catches the error meets it again. On the main thread, a hook that
 * finds no deadline passed (a signal that came late, after a new arm) takes
 * itself off; in a coroutine it stays, as the periodic look at the clock. */
static void hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    limits *lm = get(L);
    if (lm && lm->armed && lm->time_ms > 0 && (lm->time_hit || past(&lm->deadline))) {
        lm->time_hit = 1;
        luaL_error(L, "time limit of %d ms exceeded", (int)lm->time_ms);
    }
    if (lm && L == lm->L) lua_sethook(L, NULL, 0, 0);
}

/* ---- the watchdog ------------------------------------------------------ */

static pthread_mutex_t wd_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wd_cv;
static limits **wd_list;          /* the armed states with a time limit */
static size_t wd_n, wd_cap;
static int wd_state;              /* 0: not started, 1: running, -1: could not start */
static struct timespec wd_target; /* the deadline the watchdog sleeps until */
static int wd_has_target;

static int before(const struct timespec *a, const struct timespec *b) {
    return a->tv_sec < b->tv_sec || (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

static void on_signal(int sig) {
    (void)sig;
    lua_State *L = armed_here;
    /* every HOOK_EVERY instructions, as in coroutines: the engine's few
     * instructions between the failed call and disarm run before the
     * hook raises again */
    if (L) lua_sethook(L, hook, LUA_MASKCOUNT, HOOK_EVERY);
}

static void *watchdog(void *arg) {
    (void)arg;
    pthread_mutex_lock(&wd_mu);
    for (;;) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        wd_has_target = 0;
        for (size_t i = 0; i < wd_n; i++) {
            limits *lm = wd_list[i];
            if (lm->signalled) continue;
            if (!before(&now, &lm->deadline)) {
                lm->signalled = 1;
                pthread_kill(lm->thread, DP_LIMITS_SIGNAL);
            } else if (!wd_has_target || before(&lm->deadline, &wd_target)) {
                wd_target = lm->deadline;
                wd_has_target = 1;
            }
        }
        if (wd_has_target) pthread_cond_timedwait(&wd_cv, &wd_mu, &wd_target);
        else pthread_cond_wait(&wd_cv, &wd_mu);
    }
    return NULL;
}

/* Start the watchdog once; 0 when it cannot run (the count hook is used). */
static int wd_start(void) {
    if (wd_state) return wd_state > 0;
    wd_state = -1;
    pthread_condattr_t ca;
    if (pthread_condattr_init(&ca) != 0) return 0;
    int ok = pthread_condattr_setclock(&ca, CLOCK_MONOTONIC) == 0 &&
             pthread_cond_init(&wd_cv, &ca) == 0;
    pthread_condattr_destroy(&ca);
    if (!ok) return 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    if (sigaction(DP_LIMITS_SIGNAL, &sa, NULL) != 0) return 0;
    pthread_attr_t ta;
    pthread_t t;
    if (pthread_attr_init(&ta) != 0) return 0;
    pthread_attr_setdetachstate(&ta, PTHREAD_CREATE_DETACHED);
    /* the watchdog must not take the signal itself */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, DP_LIMITS_SIGNAL);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    ok = pthread_create(&t, &ta, watchdog, NULL) == 0;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    pthread_attr_destroy(&ta);
    if (ok) wd_state = 1;
    return ok;
}

/* Put lm in the watchdog's list (wd_mu held); 0 when memory runs out. */
static int wd_add(limits *lm) {
    if (!lm->watched) {
        if (wd_n == wd_cap) {
            size_t cap = wd_cap ? wd_cap * 2 : 8;
            limits **p = realloc(wd_list, cap * sizeof *p);
            if (!p) return 0;
            wd_list = p;
            wd_cap = cap;
        }
        wd_list[wd_n++] = lm;
        lm->watched = 1;
    }
    if (!wd_has_target || before(&lm->deadline, &wd_target)) pthread_cond_signal(&wd_cv);
    return 1;
}

static void wd_remove(limits *lm) {
    if (!lm->watched) return;
    pthread_mutex_lock(&wd_mu);
    for (size_t i = 0; i < wd_n; i++)
        if (wd_list[i] == lm) { wd_list[i] = wd_list[--wd_n]; break; }
    lm->watched = 0;
    pthread_mutex_unlock(&wd_mu);
}

/* limits.arm(time_ms, memory_bytes): 0 or nil means no limit */
static int l_arm(lua_State *L) {
    limits *lm = get(L);
    if (!lm) return 0;
    lm->time_ms = (long)luaL_optinteger(L, 1, 0);
    lm->mem_limit = (size_t)luaL_optinteger(L, 2, 0);
    lm->mem_hit = lm->time_hit = 0;
    lm->mem_where[0] = '\0';
    lm->armed = 1;
    if (lm->time_ms > 0) {
        clock_gettime(CLOCK_MONOTONIC, &lm->deadline);
        lm->deadline.tv_sec += lm->time_ms / 1000;
        lm->deadline.tv_nsec += (lm->time_ms % 1000) * 1000000L;
        if (lm->deadline.tv_nsec >= 1000000000L) {
            lm->deadline.tv_sec++;
            lm->deadline.tv_nsec -= 1000000000L;
        }
        int watched = 0;
        if (L == lm->L) {  /* the main thread: the watchdog, if it runs */
            pthread_mutex_lock(&wd_mu);
            if (wd_start()) {
                lm->thread = pthread_self();
                lm->signalled = 0;
                armed_here = lm->L;
                watched = wd_add(lm);
            }
            pthread_mutex_unlock(&wd_mu);
        }
        if (!watched) lua_sethook(L, hook, LUA_MASKCOUNT, HOOK_EVERY);
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

/* limits.disarm() -> nil | "time" | "memory" [, where]: where, for the
 * memory limit, the traceback lines of the allocation refused ("" when
 * unknown) */
static int l_disarm(lua_State *L) {
    limits *lm = get(L);
    push_hit(L, lm);
    if (!lm) return 1;
    int where = lm->mem_hit && !lm->time_hit;
    lm->armed = 0;
    if (armed_here == lm->L) armed_here = NULL;  /* a late signal now does nothing */
    wd_remove(lm);
    lua_sethook(L, NULL, 0, 0);
    lm->mem_hit = lm->time_hit = 0;
    /* pushed once disarmed: the string is allocated above the limit */
    if (where) lua_pushstring(L, lm->mem_where);
    return 1 + where;
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

/* limits.cocreate(f) -> thread: coroutine.create, with the count hook in
 * the new coroutine when the state has limits (the watchdog's signal
 * reaches only the main thread). */
static int l_cocreate(lua_State *L) {
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    if (get(L)) lua_sethook(co, hook, LUA_MASKCOUNT, HOOK_EVERY);
    return 1;
}

int dp_lua_open_limits(lua_State *L) {
    static const luaL_Reg funcs[] = {
        { "arm", l_arm },
        { "cocreate", l_cocreate },
        { "disarm", l_disarm },
        { "hit", l_hit },
        { "used", l_used },
        { NULL, NULL },
    };
    luaL_newlib(L, funcs);
    return 1;
}
