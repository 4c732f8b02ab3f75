/*
 * lua_docpipe.c: assembles the `docpipe` module (null, array, object, re,
 * utf8, text, json, yaml, data, version) and the searcher for built-in Lua
 * modules (see lua_docpipe.h).
 */
#include "lua_docpipe.h"
#include "dp_builtin.h"
#include "dp_limits.h"
#include "dp_stderr.h"
#include "lua_cleanc.h"
#include "lua_docvec.h"
#include "lua_html.h"
#include "lua_json.h"
#include "lua_re.h"
#include "lua_sbd.h"
#include "lua_shingle.h"
#include "lua_stem.h"
#include "lua_text.h"
#include "lua_yaml.h"

#include <errno.h>
#include <lauxlib.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Push the content of a file on disk; 1 on success, 0 when it cannot be
 * opened (nothing pushed). */
static int push_disk_file(lua_State *L, const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    char chunk[8192];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) luaL_addlstring(&b, chunk, k);
    int bad = ferror(f), err = errno;
    fclose(f);
    luaL_pushresult(&b);
    if (bad) { lua_pop(L, 1); errno = err; return 0; }
    return 1;
}

/* A folder on the way to path (the DOCPIPE_PATH entry root[0..len), or one
 * inside it) cannot be searched: a warning naming it, once per folder in
 * the process (every -j worker looks its stages up). */
static void unsearchable_folder(lua_State *L, const char *root, size_t len, const char *path, int err) {
    static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
    static char warned[16][512];
    static int nwarned;
    char dir[512];
    snprintf(dir, sizeof dir, "%.*s", (int)len, root);
    struct stat st;
    if (stat(dir, &st) == 0 && access(dir, X_OK) == 0) {  /* a folder inside it */
        snprintf(dir, sizeof dir, "%s", path);
        char *slash = strrchr(dir, '/');
        if (slash) *slash = '\0';
    }
    (void)L;
    pthread_mutex_lock(&mu);
    int seen = 0;
    for (int i = 0; i < nwarned; i++)
        if (strcmp(warned[i], dir) == 0) seen = 1;
    if (!seen && nwarned < 16) snprintf(warned[nwarned++], sizeof warned[0], "%s", dir);
    pthread_mutex_unlock(&mu);
    if (!seen)
        dp_stderr_printf("docpipe: %s: warning: a DOCPIPE_PATH folder that cannot be searched (%s): "
                         "skipped\n", dir, strerror(err));
}

int dp_lua_find_file(lua_State *L, const char *rel) {
    const char *env = getenv("DOCPIPE_PATH");
    int is_pipeline = strncmp(rel, "pipelines/", 10) == 0;
    if (env && *env) {
        const char *p = env;
        while (*p) {
            const char *colon = strchr(p, ':');
            size_t len = colon ? (size_t)(colon - p) : strlen(p);
            /* a root is laid out like scripts/; pipelines sit inside it or
             * beside it (as the repository's pipelines/ beside scripts/) */
            for (int beside = 0; len > 0 && beside <= is_pipeline; beside++) {
                lua_pushfstring(L, "%s/%s%s", lua_pushlstring(L, p, len), beside ? "../" : "", rel);
                lua_remove(L, -2);
                const char *path = lua_tostring(L, -1);
                if (push_disk_file(L, path)) {
                    lua_insert(L, -2);  /* content, path */
                    return 1;
                }
                /* not there: the next folder, then the built-in; there but
                 * not readable: an error, as for a pipeline file in the
                 * current folder; a folder that cannot be searched: a
                 * warning, and the lookup goes on */
                int err = errno;
                struct stat st;
                if (stat(path, &st) == 0 || errno == ELOOP)  /* (ELOOP: a link to itself) */
                {
                    lua_pushfstring(L, "%s: cannot read the file (%s)", path,
                                    errno != ELOOP && S_ISDIR(st.st_mode) ? "a folder" : strerror(err));
                    return lua_error(L);
                }
                if (errno == EACCES) unsearchable_folder(L, p, len, path, errno);
                lua_pop(L, 1);
            }
            if (!colon) break;
            p = colon + 1;
        }
    }
    lua_pushfstring(L, "%s%s", is_pipeline ? "" : "scripts/", rel);
    const dp_builtin_file *f = dp_builtin_find(lua_tostring(L, -1));
    if (!f) { lua_pop(L, 1); return 0; }
    lua_pushlstring(L, f->data, f->len);
    lua_pushfstring(L, "builtin:%s", lua_tostring(L, -2));
    lua_remove(L, -3);
    return 1;
}

/* package.searchers entry: docpipe.A.B -> A/B.lua */
static int searcher(lua_State *L) {
    const char *name = luaL_checkstring(L, 1);
    if (strncmp(name, "docpipe.", 8) != 0) return 0;
    luaL_gsub(L, name + 8, ".", "/");
    lua_pushliteral(L, ".lua");
    lua_concat(L, 2);
    if (!dp_lua_find_file(L, lua_tostring(L, -1))) {
        lua_pushfstring(L, "no built-in module '%s' (looked for %s in $DOCPIPE_PATH and the binary)",
                        name, lua_tostring(L, -1));
        return 1;
    }
    /* content, origin */
    size_t len;
    const char *code = lua_tolstring(L, -2, &len);
    const char *origin = lua_tostring(L, -1);
    int builtin = strncmp(origin, "builtin:", 8) == 0;
    lua_pushfstring(L, "@%s", builtin ? origin + 8 : origin);
    /* a built-in module loads from the bytecode compiled at build time (a
     * fraction of the cost of parsing); should this Lua not read that
     * bytecode (another version's format), from its source */
    const dp_builtin_file *f = builtin ? dp_builtin_find(origin + 8) : NULL;
    if (f && f->code && luaL_loadbufferx(L, f->code, f->code_len, lua_tostring(L, -1), "b") == LUA_OK)
        lua_remove(L, -2);  /* chunk name */
    else if (f && f->code)
        lua_pop(L, 1);      /* the bytecode's error message */
    if (!lua_isfunction(L, -1) && luaL_loadbuffer(L, code, len, lua_tostring(L, -1)) != LUA_OK)
        return luaL_error(L, "error loading module '%s':\n\t%s", name, lua_tostring(L, -1));
    lua_pushvalue(L, -3);  /* origin as the loader's second argument */
    return 2;
}

static void install_searcher(lua_State *L) {
    lua_getglobal(L, "package");
    if (!lua_istable(L, -1)) { lua_pop(L, 1); return; }
    lua_getfield(L, -1, "searchers");
    if (lua_istable(L, -1)) {
        lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, -1, i);
            int same = lua_tocfunction(L, -1) == searcher;
            lua_pop(L, 1);
            if (same) { lua_pop(L, 2); return; }
        }
        /* after the preload searcher, before the path searchers */
        for (lua_Integer i = n; i >= 2; i--) {
            lua_rawgeti(L, -1, i);
            lua_rawseti(L, -2, i + 1);
        }
        lua_pushcfunction(L, searcher);
        lua_rawseti(L, -2, 2);
    }
    lua_pop(L, 2);
}

/* dp_lua_find_file(arg 1), called protected: content, origin | nil, nil */
static int find_file_p(lua_State *L) {
    if (dp_lua_find_file(L, lua_tostring(L, 1))) return 2;
    lua_pushnil(L);
    lua_pushnil(L);
    return 2;
}

/* docpipe.data.read(path) -> content | nil, message */
static int data_read(lua_State *L) {
    const char *path = luaL_checkstring(L, 1);
    if (path[0] == '/' || strncmp(path, "./", 2) == 0 || strncmp(path, "../", 3) == 0) {
        if (push_disk_file(L, path)) return 1;
        luaL_pushfail(L);
        lua_pushfstring(L, "cannot read data file '%s'", path);
        return 2;
    }
    lua_pushcfunction(L, find_file_p);
    lua_pushfstring(L, "data/%s", path);
    if (lua_pcall(L, 1, 2, 0) != LUA_OK) {  /* there, but it cannot be read */
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2;
    }
    if (!lua_isnil(L, -2)) {
        lua_pop(L, 1);
        return 1;
    }
    luaL_pushfail(L);
    lua_pushfstring(L, "no data file '%s' (looked in $DOCPIPE_PATH/data and the binary)", path);
    return 2;
}

/* docpipe.data.list(path) -> list of trimmed lines, blank and #-lines skipped;
 * raises when the file is missing */
static int data_list(lua_State *L) {
    lua_settop(L, 1);
    lua_pushcfunction(L, data_read);
    lua_pushvalue(L, 1);
    lua_call(L, 1, 2);
    if (lua_isnil(L, -2)) return luaL_error(L, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
    size_t n;
    const char *s = lua_tolstring(L, -1, &n);
    lua_createtable(L, 0, 0);
    dp_json_push_array_mt(L);
    lua_setmetatable(L, -2);
    lua_Integer k = 0;
    size_t i = 0;
    while (i < n) {
        size_t e = i;
        while (e < n && s[e] != '\n') e++;
        size_t a = i, z = e;
        while (a < z && (s[a] == ' ' || s[a] == '\t' || s[a] == '\r')) a++;
        while (z > a && (s[z - 1] == ' ' || s[z - 1] == '\t' || s[z - 1] == '\r')) z--;
        if (z > a && s[a] != '#') {
            lua_pushlstring(L, s + a, z - a);
            lua_rawseti(L, -2, ++k);
        }
        i = e + 1;
    }
    return 1;
}

/* docpipe.array([t]) / docpipe.object([t]): mark t (or a new table) */
static int mark(lua_State *L, int array) {
    if (lua_isnoneornil(L, 1)) {
        lua_settop(L, 0);
        lua_newtable(L);
    } else {
        luaL_checktype(L, 1, LUA_TTABLE);
        lua_settop(L, 1);
    }
    if (array) dp_json_push_array_mt(L); else dp_json_push_object_mt(L);
    lua_setmetatable(L, 1);
    return 1;
}

static int l_array(lua_State *L) { return mark(L, 1); }
static int l_object(lua_State *L) { return mark(L, 0); }

/* docpipe.builtin(prefix) -> sorted list of built-in file paths under
 * prefix (e.g. "scripts/stages/") */
static int l_builtin(lua_State *L) {
    const char *prefix = luaL_checkstring(L, 1);
    size_t plen = strlen(prefix);
    lua_Integer k = 0;
    lua_newtable(L);
    for (const dp_builtin_file *f = dp_builtin_files; f->path; f++) {
        if (strncmp(f->path, prefix, plen) != 0) continue;
        lua_pushstring(L, f->path);
        lua_rawseti(L, -2, ++k);
    }
    return 1;
}

/* docpipe.builtin_file(rel) -> content, origin | nil: a file relative to
 * the repository layout ("pipelines/news.yaml", "stages/clean.lua" under
 * scripts/), $DOCPIPE_PATH first; raises "PATH: cannot read the file
 * (REASON)" for a file in a DOCPIPE_PATH folder that is there but cannot be
 * read (as require and docpipe.data.read do) */
static int l_builtin_file(lua_State *L) {
    const char *rel = luaL_checkstring(L, 1);
    if (strncmp(rel, "scripts/", 8) == 0) rel += 8;
    if (!dp_lua_find_file(L, rel)) { luaL_pushfail(L); return 1; }
    return 2;
}

/* docpipe.is_null(v) -> true for nil and docpipe.null */
static int l_is_null(lua_State *L) {
    lua_pushboolean(L, lua_isnil(L, 1) ||
                           (lua_type(L, 1) == LUA_TLIGHTUSERDATA && lua_touserdata(L, 1) == NULL));
    return 1;
}

/* docpipe.cpu_clock() -> seconds of CPU time used by the calling thread
 * (CLOCK_THREAD_CPUTIME_ID), unlike os.clock, which counts every thread of
 * the process: with -j N the workers would count each other's time. Falls
 * back to os.clock's process time where the thread clock is missing. */
static int l_cpu_clock(lua_State *L) {
    struct timespec t;
#ifdef CLOCK_THREAD_CPUTIME_ID
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t) == 0) {
        lua_pushnumber(L, (lua_Number)t.tv_sec + (lua_Number)t.tv_nsec / 1e9);
        return 1;
    }
#else
    (void)t;
#endif
    lua_pushnumber(L, (lua_Number)clock() / (lua_Number)CLOCKS_PER_SEC);
    return 1;
}

/* docpipe.stderr.write(s): s to standard error, a progress line of
 * `docpipe run` erased first (dp_stderr.h); what a stage's print uses */
static int l_stderr_write(lua_State *L) {
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    dp_stderr_write(s, n);
    return 0;
}

static int open_stderr(lua_State *L) {
    static const luaL_Reg funcs[] = { { "write", l_stderr_write }, { NULL, NULL } };
    luaL_newlib(L, funcs);
    return 1;
}

/* package.preload["docpipe.limits"] and ["docpipe.stderr"], so the engine
 * finds them also when docpipe is a module loaded by another program */
static void preload_limits(lua_State *L) {
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
    lua_pushcfunction(L, dp_lua_open_limits);
    lua_setfield(L, -2, "docpipe.limits");
    lua_pushcfunction(L, open_stderr);
    lua_setfield(L, -2, "docpipe.stderr");
    lua_pop(L, 1);
}

/* docpipe.terminal_columns(): the width in columns of the terminal on
 * standard output, or nil when standard output is no terminal (a pipe, a
 * file) or its width is unknown; `docpipe stages` wraps its descriptions to it */
static int l_terminal_columns(lua_State *L) {
    struct winsize ws;
    if (isatty(1) && ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
        lua_pushinteger(L, ws.ws_col);
        return 1;
    }
    lua_pushnil(L);
    return 1;
}

int luaopen_docpipe(lua_State *L) {
    static const luaL_Reg funcs[] = {
        { "array", l_array },
        { "builtin", l_builtin },
        { "builtin_file", l_builtin_file },
        { "cpu_clock", l_cpu_clock },
        { "is_null", l_is_null },
        { "object", l_object },
        { "terminal_columns", l_terminal_columns },
        { NULL, NULL },
    };
    static const luaL_Reg data_funcs[] = {
        { "list", data_list },
        { "read", data_read },
        { NULL, NULL },
    };
    install_searcher(L);
    preload_limits(L);
    luaL_newlib(L, funcs);
    lua_pushlightuserdata(L, NULL);
    lua_setfield(L, -2, "null");
    lua_pushliteral(L, DP_VERSION);
    lua_setfield(L, -2, "version");
    dp_lua_open_re(L);
    lua_setfield(L, -2, "re");
    dp_lua_open_utf8(L);
    lua_setfield(L, -2, "utf8");
    dp_lua_open_text(L);
    lua_setfield(L, -2, "text");
    dp_lua_open_sbd(L);
    lua_setfield(L, -2, "sbd");
    dp_lua_open_shingle(L);
    lua_setfield(L, -2, "shingle");
    dp_lua_open_cleanc(L);
    lua_setfield(L, -2, "cleanc");
    dp_lua_open_docvec(L);
    lua_setfield(L, -2, "docvec");
    dp_lua_open_stem(L);
    lua_setfield(L, -2, "stem");
    dp_lua_open_json(L);
    lua_setfield(L, -2, "json");
    dp_lua_open_html(L);
    lua_setfield(L, -2, "html");
    dp_lua_open_yaml(L);
    lua_setfield(L, -2, "yaml");
    luaL_newlib(L, data_funcs);
    lua_setfield(L, -2, "data");
    /* docpipe.load_pipeline(ref) -> pipeline | nil, errors: the engine is
     * Lua code loaded on first use, so this layer does not depend on it */
    if (luaL_loadstring(L, "return function(ref, no_init)\n"
                           "  local p, errs = require('docpipe.engine').open(ref, no_init)\n"
                           "  if not p then return nil, table.concat(errs, '\\n') end\n"
                           "  return p\n"
                           "end") == LUA_OK)
        lua_call(L, 0, 1);
    lua_setfield(L, -2, "load_pipeline");
    return 1;
}

void dp_lua_preload(lua_State *L) {
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
    lua_pushcfunction(L, luaopen_docpipe);
    lua_setfield(L, -2, "docpipe");
    lua_pop(L, 1);
    install_searcher(L);
}
