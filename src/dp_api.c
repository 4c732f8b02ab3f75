/*
 * dp_api.c: the embedding interface declared in docpipe.h: a pipeline is
 * a Lua state holding docpipe.engine and one opened pipeline.
 */
#include "docpipe.h"
#include "dp_engine.h"
#include "lua_json.h"

#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct dp_pipeline {
    lua_State *L;  /* stack: 1 = docpipe.engine, 2 = the pipeline */
};

#define ENGINE 1
#define PIPELINE 2

static int set_error(dp_error *err, int code, const char *msg) {
    if (!err) return code;
    err->code = code;
    snprintf(err->buf_, sizeof err->buf_, "%s", msg ? msg : "");
    err->message = err->buf_;
    return code;
}

static int ok(dp_error *err) { return set_error(err, DP_OK, ""); }

/* Copy the Lua string at the top into a malloc'd C string and pop it. */
static char *take_string(lua_State *L) {
    size_t len;
    const char *s = lua_tolstring(L, -1, &len);
    char *out = malloc(len + 1);
    if (out) {
        memcpy(out, s, len);
        out[len] = '\0';
    }
    lua_pop(L, 1);
    return out;
}

const char *dp_version(void) { return DOCPIPE_VERSION; }

dp_pipeline *dp_pipeline_open(const char *name_or_path, dp_error *err) {
    if (!name_or_path) { set_error(err, DP_ERR_CONFIG, "no pipeline given"); return NULL; }
    dp_pipeline *p = calloc(1, sizeof *p);
    if (!p || !(p->L = dp_engine_state())) {
        free(p);
        set_error(err, DP_ERR_MEMORY, "out of memory");
        return NULL;
    }
    if (!dp_engine_module(p->L) || !dp_engine_open(p->L, name_or_path, 1)) {
        set_error(err, DP_ERR_CONFIG, lua_tostring(p->L, -1));
        dp_pipeline_close(p);
        return NULL;
    }
    ok(err);
    return p;
}

int dp_pipeline_set_option(dp_pipeline *p, const char *stage, const char *option,
                           const char *json_value, dp_error *err) {
    if (!p || !stage || !option || !json_value)
        return set_error(err, DP_ERR_CONFIG, "dp_pipeline_set_option: a NULL argument");
    lua_State *L = p->L;
    char msg[200];
    if (!dp_json_decode_push(L, json_value, strlen(json_value), 0, msg, sizeof msg)) {
        char full[300];
        snprintf(full, sizeof full, "option '%s' of stage '%s': %s", option, stage, msg);
        return set_error(err, DP_ERR_CONFIG, full);
    }
    int value = lua_gettop(L);
    lua_getfield(L, PIPELINE, "set_option");
    lua_pushvalue(L, PIPELINE);
    lua_pushstring(L, stage);
    lua_pushstring(L, option);
    lua_pushvalue(L, value);
    int code = DP_OK;
    if (dp_engine_pcall(L, 4, 2) != LUA_OK) code = set_error(err, DP_ERR_CONFIG, lua_tostring(L, -1));
    else if (lua_isnil(L, -2)) code = set_error(err, DP_ERR_CONFIG, lua_tostring(L, -1));
    else ok(err);
    lua_settop(L, PIPELINE);
    return code;
}

/* Runs the document at the top of the stack (popped) into *out. */
static int run_doc(dp_pipeline *p, char **out, dp_error *err) {
    lua_State *L = p->L;
    int doc = lua_gettop(L);
    lua_getfield(L, PIPELINE, "run_to_json");
    lua_pushvalue(L, PIPELINE);
    lua_pushvalue(L, doc);
    int code = DP_OK;
    if (dp_engine_pcall(L, 2, 2) != LUA_OK) {
        code = set_error(err, DP_ERR_STAGE, lua_tostring(L, -1));
    } else if (lua_isnil(L, -2)) {
        code = set_error(err, DP_ERR_STAGE, lua_tostring(L, -1));
    } else {
        lua_pop(L, 1);
        *out = take_string(L);
        code = *out ? ok(err) : set_error(err, DP_ERR_MEMORY, "out of memory");
    }
    lua_settop(L, PIPELINE);
    return code;
}

/* Calls engine.FN(args...) expecting doc | nil, message; pushes the doc. */
static int make_doc(dp_pipeline *p, int nargs, dp_error *err) {
    lua_State *L = p->L;
    if (dp_engine_pcall(L, nargs, 2) != LUA_OK) {
        set_error(err, DP_ERR_INPUT, lua_tostring(L, -1));
        lua_settop(L, PIPELINE);
        return DP_ERR_INPUT;
    }
    if (lua_isnil(L, -2)) {
        set_error(err, DP_ERR_INPUT, lua_tostring(L, -1));
        lua_settop(L, PIPELINE);
        return DP_ERR_INPUT;
    }
    lua_pop(L, 1);
    return DP_OK;
}

int dp_pipeline_run_json(dp_pipeline *p, const char *json, size_t len, char **out,
                         dp_error *err) {
    if (out) *out = NULL;
    if (!p || !json || !out) return set_error(err, DP_ERR_CONFIG, "dp_pipeline_run_json: a NULL argument");
    lua_State *L = p->L;
    lua_settop(L, PIPELINE);
    lua_getfield(L, ENGINE, "json_doc");
    lua_pushlstring(L, json, len);
    lua_pushliteral(L, "doc");
    lua_pushliteral(L, "json");
    lua_pushnil(L);
    if (make_doc(p, 4, err) != DP_OK) return DP_ERR_INPUT;
    return run_doc(p, out, err);
}

int dp_pipeline_run_text(dp_pipeline *p, const char *id, const char *text, size_t len,
                         char **out, dp_error *err) {
    if (out) *out = NULL;
    if (!p || !text || !out) return set_error(err, DP_ERR_CONFIG, "dp_pipeline_run_text: a NULL argument");
    lua_State *L = p->L;
    lua_settop(L, PIPELINE);
    lua_getfield(L, ENGINE, "text_doc");
    lua_pushstring(L, id ? id : "doc");
    lua_pushliteral(L, "text");
    lua_pushlstring(L, text, len);
    if (make_doc(p, 3, err) != DP_OK) return DP_ERR_INPUT;
    return run_doc(p, out, err);
}

int dp_pipeline_finish(dp_pipeline *p, char **out, dp_error *err) {
    if (out) *out = NULL;
    if (!p || !out) return set_error(err, DP_ERR_CONFIG, "dp_pipeline_finish: a NULL argument");
    lua_State *L = p->L;
    lua_getfield(L, PIPELINE, "finish");
    lua_pushvalue(L, PIPELINE);
    if (dp_engine_pcall(L, 1, 1) != LUA_OK) {
        int code = set_error(err, DP_ERR_STAGE, lua_tostring(L, -1));
        lua_settop(L, PIPELINE);
        return code;
    }
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        *out = malloc(3);
        if (!*out) return set_error(err, DP_ERR_MEMORY, "out of memory");
        memcpy(*out, "{}", 3);
        return ok(err);
    }
    char msg[160];
    size_t len;
    *out = dp_json_encode_value(L, -1, NULL, 0, 0, &len, msg, sizeof msg);
    lua_settop(L, PIPELINE);
    return *out ? ok(err) : set_error(err, DP_ERR_STAGE, msg);
}

void dp_pipeline_close(dp_pipeline *p) {
    if (!p) return;
    if (p->L) dp_engine_close(p->L);
    free(p);
}
