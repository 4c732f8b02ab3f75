/*
 * dp_run.c: the document loop of `docpipe run` (see dp_run.h): records
 * from dp_input become document tables, docpipe.engine's Pipeline:step
 * runs and formats them, and the results go to the output, in input order.
 * Output to a file is written to a temporary file that is renamed into
 * place at the end, so a failed run never leaves a truncated file.
 */
#define _GNU_SOURCE
#include "dp_run.h"
#include "dp_engine.h"
#include "lua_json.h"

#include <errno.h>
#include <lauxlib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct runner {
    lua_State *L;
    int pipeline;        /* stack index of the pipeline object */
    int engine;          /* stack index of the docpipe.engine module */
    const dp_run_opts *o;
    const char *format;
    FILE *out, *errs;
    char *tmp_path;      /* the temporary output file, renamed to final_path */
    char *final_path;
    size_t written;      /* documents written */
    size_t failed;       /* documents that failed, inputs that could not be read */
    size_t read;         /* documents read */
    size_t input_errors; /* records that were not documents (malformed, binary) */
    size_t io_errors;    /* inputs that could not be read at all */
    int out_error;       /* errno of a failed write, or EPIPE */
} runner;

/* Set by SIGINT and SIGTERM: the one mutable file-level variable, because a
 * signal handler can reach nothing else. The loop stops taking documents,
 * finishes the one in flight, flushes and exits 130. */
static volatile sig_atomic_t interrupted;

static void on_signal(int sig) {
    interrupted = 1;
    signal(sig, SIG_DFL);  /* a second signal ends the process at once */
}

static void catch_signals(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  /* no SA_RESTART: a blocked read returns */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

static void report(runner *r, const char *msg, const char *tb) {
    if (r->o->quiet && r->errs) return;
    fprintf(stderr, "docpipe: %s\n", msg);
    if (tb && *tb && !r->o->quiet) fprintf(stderr, "%s\n", tb);
}

/* Write an error record (a JSON line) to the errors file, if any. */
static void write_error_json(runner *r, const char *json) {
    if (!r->errs) return;
    fputs(json, r->errs);
    fputc('\n', r->errs);
}

/* An input that is not a document: report it and record it. */
static void input_failure(runner *r, const char *source, size_t line, const char *msg) {
    char text[8192];
    if (line) snprintf(text, sizeof text, "%s:%zu: %s", source, line, msg);
    else if (strncmp(msg, source, strlen(source)) == 0) snprintf(text, sizeof text, "%s", msg);
    else snprintf(text, sizeof text, "%s: %s", source, msg);
    r->failed++;
    report(r, text, NULL);
    if (r->errs) {
        lua_State *L = r->L;
        lua_createtable(L, 0, 4);
        lua_pushstring(L, source);
        lua_setfield(L, -2, "source");
        if (line) { lua_pushinteger(L, (lua_Integer)line); lua_setfield(L, -2, "line"); }
        lua_pushliteral(L, "input");
        lua_setfield(L, -2, "stage");
        lua_pushstring(L, text);
        lua_setfield(L, -2, "error");
        char err[160];
        size_t len;
        char *json = dp_json_encode_value(L, -1, NULL, 0, 0, &len, err, sizeof err);
        lua_pop(L, 1);
        if (json) { write_error_json(r, json); free(json); }
    }
}

static void write_out(runner *r, const char *s, size_t len) {
    if (r->out_error) return;
    if (fwrite(s, 1, len, r->out) != len) r->out_error = errno ? errno : EIO;
}

/* Push the document for a record, built by docpipe.engine's text_doc or
 * json_doc; 0 (nothing pushed) when the record is not a document, after
 * recording why. */
static int push_doc(runner *r, const dp_record *rec) {
    lua_State *L = r->L;
    int jsonl = rec->kind == DP_REC_JSONL;
    lua_getfield(L, r->engine, jsonl ? "json_doc" : "text_doc");
    if (jsonl) {
        lua_pushlstring(L, rec->data, rec->len);
        lua_pushstring(L, rec->name);
        lua_pushstring(L, rec->source);
        lua_pushinteger(L, (lua_Integer)rec->line);
    } else {
        lua_pushstring(L, rec->name);
        lua_pushstring(L, rec->source);
        lua_pushlstring(L, rec->data, rec->len);
    }
    if (dp_engine_pcall(L, jsonl ? 4 : 3, 2) != LUA_OK) {
        input_failure(r, rec->source, rec->line, lua_tostring(L, -1));
        lua_pop(L, 1);
        return 0;
    }
    if (lua_isnil(L, -2)) {
        input_failure(r, rec->source, rec->line, lua_tostring(L, -1));
        lua_pop(L, 2);
        return 0;
    }
    lua_pop(L, 1);
    return 1;
}

/* Run the document at the top of the stack (popped). Returns 0 when the
 * run must stop (on_error: fail). */
static int run_doc(runner *r, const dp_record *rec) {
    lua_State *L = r->L;
    int doc = lua_gettop(L);
    lua_getfield(L, r->pipeline, "step");
    lua_pushvalue(L, r->pipeline);
    lua_pushvalue(L, doc);
    lua_pushstring(L, r->format);
    if (rec->kind == DP_REC_JSONL) lua_pushlstring(L, rec->data, rec->len);
    else lua_pushnil(L);
    if (dp_engine_pcall(L, 4, 3) != LUA_OK) {
        report(r, lua_tostring(L, -1), NULL);
        lua_settop(L, doc - 1);
        r->failed++;
        return 0;
    }
    /* doc, texts, errs, status */
    lua_Integer n = (lua_Integer)lua_rawlen(L, doc + 1);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, doc + 1, i);
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        if (strcmp(r->format, "json") == 0) write_out(r, r->written ? ",\n" : "[\n", 2);
        else if (r->written && (strcmp(r->format, "markdown") == 0))
            write_out(r, "\n---\n\n", 6);
        else if (r->written && (strcmp(r->format, "text") == 0))
            write_out(r, "\n", 1);  /* a blank line between documents */
        write_out(r, s, len);
        if (strcmp(r->format, "json") != 0 && (len == 0 || s[len - 1] != '\n'))
            write_out(r, "\n", 1);
        r->written++;
        lua_pop(L, 1);
    }
    lua_Integer ne = (lua_Integer)lua_rawlen(L, doc + 2);
    for (lua_Integer i = 1; i <= ne; i++) {
        lua_rawgeti(L, doc + 2, i);
        lua_getfield(L, -1, "message");
        lua_getfield(L, -2, "traceback");
        report(r, lua_tostring(L, -2), lua_tostring(L, -1));
        lua_pop(L, 2);
        lua_getfield(L, -1, "json");
        write_error_json(r, lua_tostring(L, -1));
        lua_pop(L, 2);
        r->failed++;
    }
    int go_on = strcmp(lua_tostring(L, doc + 3), "fail") != 0;
    lua_settop(L, doc - 1);
    return go_on;
}

/* Write what Pipeline:begin_output or Pipeline:end_output (fn) returns for
 * the format: the HTML page's head and tail, "" for the other formats. */
static void write_frame(runner *r, const char *fn) {
    lua_State *L = r->L;
    lua_getfield(L, r->pipeline, fn);
    lua_pushvalue(L, r->pipeline);
    lua_pushstring(L, r->format);
    if (dp_engine_pcall(L, 2, 1) != LUA_OK) {
        report(r, lua_tostring(L, -1), NULL);
        lua_pop(L, 1);
        return;
    }
    size_t len = 0;
    const char *s = lua_tolstring(L, -1, &len);
    if (s && len) write_out(r, s, len);
    lua_pop(L, 1);
}

/* Opens the output. A regular file (or a new one) is written through a
 * temporary file beside it, renamed at the end; a symbolic link is
 * followed to its target first; anything else (a device such as
 * /dev/stdout or /dev/full, a FIFO) is written directly. */
static FILE *open_output(runner *r) {
    const char *path = r->o->output;
    if (!path || strcmp(path, "-") == 0) return stdout;
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) { errno = EISDIR; return NULL; }
        return fopen(path, "wb");
    }
    r->final_path = realpath(path, NULL);  /* follows a link; NULL for a new file */
    if (!r->final_path) r->final_path = strdup(path);
    if (!r->final_path) return NULL;
    size_t len = strlen(r->final_path) + 32;
    r->tmp_path = malloc(len);
    if (!r->tmp_path) return NULL;
    snprintf(r->tmp_path, len, "%s.tmp.%ld", r->final_path, (long)getpid());
    return fopen(r->tmp_path, "wb");
}

/* 1 when a and b name the same existing file, or the same new path. */
static int same_file(const char *a, const char *b) {
    struct stat sa, sb;
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    return strcmp(a, b) == 0;
}

/* Print the stages' finish results to stderr as JSON (one line). A
 * finish that failed is reported and counted as a failure. */
static void finish(runner *r) {
    lua_State *L = r->L;
    lua_getfield(L, r->pipeline, "finish");
    lua_pushvalue(L, r->pipeline);
    if (dp_engine_pcall(L, 1, 2) != LUA_OK) {
        report(r, lua_tostring(L, -1), NULL);
        lua_pop(L, 1);
        r->failed++;
        return;
    }
    /* results, failures (list of {message, traceback}) */
    lua_Integer nf = lua_istable(L, -1) ? (lua_Integer)lua_rawlen(L, -1) : 0;
    for (lua_Integer i = 1; i <= nf; i++) {
        lua_rawgeti(L, -1, i);
        lua_getfield(L, -1, "message");
        lua_getfield(L, -2, "traceback");
        report(r, lua_tostring(L, -2), lua_tostring(L, -1));
        lua_pop(L, 3);
        r->failed++;
    }
    lua_pop(L, 1);
    if (!lua_isnil(L, -1) && !r->o->quiet) {
        char err[160];
        size_t len;
        char *json = dp_json_encode_value(L, -1, NULL, 0, 0, &len, err, sizeof err);
        if (json) {
            fprintf(stderr, "docpipe: finish: %s\n", json);
            free(json);
        } else {
            fprintf(stderr, "docpipe: finish: %s\n", err);
        }
    }
    lua_pop(L, 1);
}

/* Push the totals table for Pipeline:stats. */
static void push_totals(runner *r, size_t bytes, double seconds) {
    lua_State *L = r->L;
    lua_createtable(L, 0, 7);
    lua_pushinteger(L, (lua_Integer)r->read);
    lua_setfield(L, -2, "read");
    lua_pushinteger(L, (lua_Integer)r->written);
    lua_setfield(L, -2, "written");
    lua_pushinteger(L, (lua_Integer)r->input_errors);
    lua_setfield(L, -2, "input_errors");
    lua_pushinteger(L, (lua_Integer)r->io_errors);
    lua_setfield(L, -2, "io_errors");
    lua_pushinteger(L, (lua_Integer)bytes);
    lua_setfield(L, -2, "bytes");
    lua_pushnumber(L, seconds);
    lua_setfield(L, -2, "seconds");
}

/* --stats and --stats-json: per-stage counts and times, totals. */
static int write_stats(runner *r, size_t bytes, double seconds) {
    lua_State *L = r->L;
    int ok = 1;
    if (r->o->stats) {
        lua_getfield(L, r->pipeline, "stats_text");
        lua_pushvalue(L, r->pipeline);
        push_totals(r, bytes, seconds);
        if (dp_engine_pcall(L, 2, 1) == LUA_OK) fprintf(stderr, "%s\n", lua_tostring(L, -1));
        else fprintf(stderr, "docpipe: stats: %s\n", lua_tostring(L, -1));
        lua_pop(L, 1);
    }
    if (r->o->stats_json) {
        lua_getfield(L, r->pipeline, "stats");
        lua_pushvalue(L, r->pipeline);
        push_totals(r, bytes, seconds);
        char err[160];
        size_t len;
        char *json = NULL;
        if (dp_engine_pcall(L, 2, 1) == LUA_OK)
            json = dp_json_encode_value(L, -1, NULL, 0, 1, &len, err, sizeof err);
        else
            snprintf(err, sizeof err, "%s", lua_tostring(L, -1));
        lua_pop(L, 1);
        FILE *f = json ? fopen(r->o->stats_json, "w") : NULL;
        if (!f || fprintf(f, "%s\n", json) < 0 || fclose(f) != 0) {
            fprintf(stderr, "docpipe: cannot write %s: %s\n", r->o->stats_json,
                    json ? strerror(errno) : err);
            ok = 0;
        }
        free(json);
    }
    return ok;
}

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int dp_run(const dp_run_opts *o) {
    double t0 = now_seconds();
    runner r;
    memset(&r, 0, sizeof r);
    r.o = o;
    r.L = dp_engine_state();
    if (!r.L) { fprintf(stderr, "docpipe: out of memory\n"); return DP_EXIT_USAGE; }
    if (!dp_engine_module(r.L) || !dp_engine_open(r.L, o->pipeline, 1)) {
        const char *msg = lua_tostring(r.L, -1);
        while (msg && *msg) {  /* one "docpipe: " line per error */
            const char *nl = strchr(msg, '\n');
            int len = nl ? (int)(nl - msg) : (int)strlen(msg);
            fprintf(stderr, "docpipe: %.*s\n", len, msg);
            msg = nl ? nl + 1 : "";
        }
        dp_engine_close(r.L);
        return DP_EXIT_USAGE;
    }
    r.engine = lua_gettop(r.L) - 1;
    r.pipeline = lua_gettop(r.L);
    lua_getfield(r.L, r.pipeline, "output");
    lua_getfield(r.L, -1, "format");
    r.format = o->format ? o->format : lua_tostring(r.L, -1);
    lua_pop(r.L, 2);
    if (!r.format) r.format = "jsonl";
    for (size_t i = 0; i < o->ninputs; i++) {  /* never write over an input */
        const char *clash = o->output && strcmp(o->output, "-") != 0 && same_file(o->output, o->inputs[i])
                                ? o->output
                            : o->errors && same_file(o->errors, o->inputs[i]) ? o->errors : NULL;
        if (clash) {
            fprintf(stderr, "docpipe: %s is also an input; it would be overwritten\n", clash);
            dp_engine_close(r.L);
            return DP_EXIT_USAGE;
        }
    }
    if (o->errors && o->output && same_file(o->errors, o->output)) {
        fprintf(stderr, "docpipe: --errors and -o name the same file (%s)\n", o->errors);
        dp_engine_close(r.L);
        return DP_EXIT_USAGE;
    }
    if (o->errors) {
        r.errs = fopen(o->errors, "w");
        if (!r.errs) {
            fprintf(stderr, "docpipe: cannot open %s: %s\n", o->errors, strerror(errno));
            dp_engine_close(r.L);
            return DP_EXIT_OUTPUT;
        }
    }
    r.out = open_output(&r);
    if (!r.out) {
        fprintf(stderr, "docpipe: cannot write %s: %s\n", o->output, strerror(errno));
        if (r.errs) fclose(r.errs);
        free(r.tmp_path);
        free(r.final_path);
        dp_engine_close(r.L);
        return DP_EXIT_OUTPUT;
    }
    signal(SIGPIPE, SIG_IGN);
    write_frame(&r, "begin_output");
    interrupted = 0;
    catch_signals();
    dp_input *in = dp_input_open(o->inputs, o->ninputs, o->input_format);
    dp_record rec;
    int stopped = 0;
    while (in && !r.out_error && !interrupted && dp_input_next(in, &rec)) {
        int pushed = 0;
        if (interrupted) break;  /* the read was cut short by the signal */
        if (rec.kind == DP_REC_ERROR) {
            input_failure(&r, rec.source, 0, rec.data);
            r.io_errors++;
        } else {
            pushed = push_doc(&r, &rec);
            if (pushed) r.read++;
            else r.input_errors++;
        }
        if (pushed && !run_doc(&r, &rec)) { stopped = 1; break; }
    }
    size_t bytes = in ? dp_input_bytes(in) : 0;
    dp_input_close(in);
    if (strcmp(r.format, "json") == 0 && !r.out_error)
        write_out(&r, r.written ? "\n]\n" : "[]\n", r.written ? 3 : 3);
    if (!r.out_error) write_frame(&r, "end_output");
    if (!stopped) finish(&r);
    if (fflush(r.out) != 0 && !r.out_error) r.out_error = errno;
    int code = r.io_errors ? DP_EXIT_IO : r.failed ? DP_EXIT_FAILED : DP_EXIT_OK;
    if (interrupted) {
        code = DP_EXIT_INTERRUPTED;
        if (!o->quiet)
            fprintf(stderr, "docpipe: interrupted: %zu document(s) written\n", r.written);
    }
    if (r.out != stdout) {
        if (fclose(r.out) != 0 && !r.out_error) r.out_error = errno;
        if (r.tmp_path) {
            /* a run stopped by on_error: fail leaves the old file as it was */
            if (stopped) unlink(r.tmp_path);
            else if (!r.out_error && rename(r.tmp_path, r.final_path) != 0) r.out_error = errno;
            if (r.out_error) unlink(r.tmp_path);
        }
    }
    if (r.out_error == EPIPE) {
        if (!interrupted) code = r.io_errors ? DP_EXIT_IO : r.failed ? DP_EXIT_FAILED : DP_EXIT_OK;
    } else if (r.out_error) {
        fprintf(stderr, "docpipe: cannot write %s: %s\n", o->output ? o->output : "the output",
                strerror(r.out_error));
        code = DP_EXIT_OUTPUT;
    }
    if (r.errs && fclose(r.errs) != 0) {
        fprintf(stderr, "docpipe: cannot write %s: %s\n", o->errors, strerror(errno));
        code = DP_EXIT_OUTPUT;
    }
    if (r.failed && !o->quiet)
        fprintf(stderr, "docpipe: %zu document(s) failed%s%s\n", r.failed,
                o->errors ? ", recorded in " : "", o->errors ? o->errors : "");
    if (!write_stats(&r, bytes, now_seconds() - t0) && code == DP_EXIT_OK) code = DP_EXIT_IO;
    lua_getfield(r.L, r.pipeline, "counts");
    lua_getfield(r.L, -1, "dropped");
    lua_Integer dropped = lua_tointeger(r.L, -1);
    lua_pop(r.L, 2);
    if (dropped > 0 && !o->quiet)
        fprintf(stderr, "docpipe: %lld document(s) dropped by stages\n", (long long)dropped);
    if (stopped && o->output && !o->quiet)
        fprintf(stderr, "docpipe: the run stopped (on_error: fail); %s was not written\n", o->output);
    free(r.tmp_path);
    free(r.final_path);
    dp_engine_close(r.L);
    return code;
}
