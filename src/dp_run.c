/*
 * dp_run.c: the document loop of `docpipe run` (see dp_run.h): records
 * from dp_input become document tables, docpipe.engine's Pipeline:step
 * runs and formats them, and the results go to the output, in input order.
 * Output to a file is written to a temporary file that is renamed into
 * place at the end, so a failed run never leaves a truncated file.
 */
#define _GNU_SOURCE
#include "dp_run.h"
#include "dp_stderr.h"
#include "dp_engine.h"
#include "lua_json.h"

#include <errno.h>
#include <fcntl.h>
#include <lauxlib.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
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
    FILE *stats_f;       /* --stats-json, opened before any input is read */
    char *tmp_path;      /* the temporary output file, renamed to final_path */
    char *final_path;
    size_t written;      /* documents written */
    size_t failed;       /* documents that failed, inputs that could not be read */
    size_t read;         /* documents read */
    size_t input_errors; /* records that were not documents (malformed, binary) */
    size_t io_errors;    /* inputs that could not be read at all */
    size_t finish_errors; /* stages whose finish failed (no document's) */
    int out_error;       /* errno of a failed write, or EPIPE */
    size_t handed;       /* bytes given to the output stream */
    size_t *ends;        /* handed at the end of each document not yet known to be out */
    size_t nends, head, capends;
    size_t reached;      /* documents whose bytes all left the stream's buffer */
    int out_flushes;     /* the output flushes at every line (a terminal) */
    int out_closed;      /* the JSON array's end is written */
    size_t record_no;    /* records seen, for --shard */
    int progress;        /* draw a progress line on stderr */
    size_t warnings;     /* warnings this run added to documents */
    size_t warned_docs;  /* input documents with at least one of them */
    double t0, last_draw;
    size_t total_bytes;  /* the inputs' size when known (regular files), else 0 */
    dp_input *in;
    /* the grace time after a first signal (GRACE_SECONDS) */
    pthread_mutex_t live_mu;
    pthread_cond_t live_cv;   /* on CLOCK_MONOTONIC */
    int run_over;             /* the run has ended: the grace thread leaves */
    int in_stage;             /* serial: the main thread is inside the stages */
    const char *stuck_src;    /* the document in the stages (serial), or the one */
    size_t stuck_line;        /*   given up (-j N): its input file and line */
    struct pool *pool;        /* -j N: the workers */
    int abandoned;            /* -j N: a document was given up after the grace time */
} runner;

/* What processing one record produced, as a list of events replayed in
 * input order by apply(): the same code serves the single-threaded loop
 * and the workers of -j N, so the output of both is byte for byte the
 * same. */
enum { EV_OUT = 1, EV_FAIL, EV_INFAIL, EV_IOFAIL, EV_READ, EV_STOP, EV_WARN, EV_COUNTS };

typedef struct sink {
    char *buf;
    size_t n, cap;
    int oom;
} sink;

/* A Lua state with the engine and the opened pipeline: the main thread's
 * own, or a worker's. */
typedef struct wctx {
    lua_State *L;
    int engine, pipeline;   /* stack indexes */
    const char *format;
    struct runner *direct;  /* the serial loop: documents go to its output at
                             * once, not through the events; NULL in a worker */
    int out;                /* stack index of the JSON output buffer, or 0 */
} wctx;

/* Set by SIGINT and SIGTERM: the loop stops taking documents, finishes the
 * one in flight, flushes and exits 130. */
static volatile sig_atomic_t interrupted;

/* The -o temporary file while it exists, for the handler: a second signal ends
 * the process at once, and must not leave the file behind. Set before the
 * signals are caught and cleared before the file is renamed or removed. */
static const char *volatile signal_tmp_path;

/* The grace time after the first signal: a document in flight that has not
 * finished by then (a stage stuck in one long C call, such as a Lua pattern
 * backtracking inside string.find, which neither the watchdog nor the signal
 * can cut short) is given up, what was done is written and the run exits 130.
 * The handler wakes the grace thread through a semaphore (sem_post is
 * async-signal-safe). */
#define GRACE_SECONDS 3
static sem_t grace_sem;
static int signal_pipe[2] = { -1, -1 };  /* the handler's self-pipe, for the input */

static void on_signal(int sig) {
    if (interrupted) {  /* the second: end now (unlink and _exit are async-signal-safe) */
        const char *tmp = signal_tmp_path;
        if (tmp) unlink(tmp);
        (void)sig;
        _exit(DP_EXIT_INTERRUPTED);  /* one code for an interrupt: 130 */
    }
    interrupted = 1;
    sem_post(&grace_sem);
    /* wakes a read waiting on an idle pipe, whichever thread the signal hit */
    if (signal_pipe[1] >= 0) {
        int e = errno;
        ssize_t w = write(signal_pipe[1], "", 1);
        (void)w;
        errno = e;
    }
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

/* The exit code of a run in which both a and b happened: one rule for every
 * outcome, the gravest wins: interrupted (130) over an I/O error (3, an
 * input unreadable or the output unwritable) over failed documents (1) over
 * success (0). */
static int graver_exit(int a, int b) {
    static const int order[] = { DP_EXIT_OK, DP_EXIT_FAILED, DP_EXIT_IO, DP_EXIT_INTERRUPTED };
    int ra = 0, rb = 0;
    for (int i = 0; i < 4; i++) {
        if (order[i] == a) ra = i;
        if (order[i] == b) rb = i;
    }
    return rb > ra ? b : a;
}

/* Before any diagnostic on stderr: a progress line shown there is cleared
 * first (carriage return, erase the line), so the message starts a line of its
 * own; the next tick of draw_progress draws it again. Messages written with
 * dp_stderr_printf clear it themselves, also those of a stage's print in a
 * worker thread (dp_stderr.h). */
static void clear_progress(runner *r) {
    (void)r;
    dp_stderr_clear();
}

static void report(runner *r, const char *msg, const char *tb) {
    if (r->o->quiet && r->errs) return;
    if (tb && *tb && !r->o->quiet) dp_stderr_printf("docpipe: %s\n%s\n", msg, tb);
    else dp_stderr_printf("docpipe: %s\n", msg);
}

static void sink_put(sink *s, const void *p, size_t n) {
    if (s->oom) return;
    if (s->n + n > s->cap) {
        size_t nc = s->cap ? s->cap : 4096;
        while (nc < s->n + n) nc *= 2;
        char *nb = realloc(s->buf, nc);
        if (!nb) { s->oom = 1; return; }
        s->buf = nb;
        s->cap = nc;
    }
    memcpy(s->buf + s->n, p, n);
    s->n += n;
}

static void sink_str(sink *s, const char *str, size_t len) {
    if (!str) len = 0;
    sink_put(s, &len, sizeof len);
    if (len) sink_put(s, str, len);
}

/* An event: its type and three strings (any may be NULL). */
static void emit(sink *s, int type, const char *a, size_t alen, const char *b, const char *c) {
    unsigned char t = (unsigned char)type;
    sink_put(s, &t, 1);
    sink_str(s, a, alen);
    sink_str(s, b, b ? strlen(b) : 0);
    sink_str(s, c, c ? strlen(c) : 0);
}

/* SIGINT and SIGTERM held back (or let through again). A write(2) the
 * handler interrupts fails with EINTR, and stdio then drops what its buffer
 * held: the output would lose lines and end in half a record. So the
 * signals wait while the output buffer may go out; they are not held while
 * reading, where a blocked read must return. */
static void hold_signals(int hold, sigset_t *old) {
    if (hold) {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGINT);
        sigaddset(&set, SIGTERM);
        pthread_sigmask(SIG_BLOCK, &set, old);
    } else {
        pthread_sigmask(SIG_SETMASK, old, NULL);
    }
}

#define OUT_BUF (1 << 16)  /* the output's stdio buffer */

static void write_out(runner *r, const char *s, size_t len) {
    if (r->out_error) return;
    /* only a write that may flush the buffer holds the signals back
     * (__fpending: the bytes in the buffer now) */
    int flush = r->out_flushes || __fpending(r->out) + len >= OUT_BUF;
    sigset_t old;
    if (flush) hold_signals(1, &old);
    if (fwrite(s, 1, len, r->out) != len) r->out_error = errno ? errno : EIO;
    else r->handed += len;
    if (flush) hold_signals(0, &old);
}

/* Count the documents whose bytes all left the stream's buffer (the
 * documents "written": after a closed pipe, only those reached the reader's
 * side). __fpending gives the bytes still in the buffer. */
static void note_reached(runner *r) {
    if (r->out_error) return;
    size_t out = r->handed - __fpending(r->out);
    while (r->head < r->nends && r->ends[r->head] <= out) {
        r->head++;
        r->reached++;
    }
    if (r->head == r->nends) r->head = r->nends = 0;
}

/* Flush the output with the signals held back; a failure is recorded in
 * r->out_error, as write_out records one. */
static void flush_out(runner *r) {
    if (r->out_error) return;
    sigset_t old;
    hold_signals(1, &old);
    if (fflush(r->out) != 0) r->out_error = errno ? errno : EIO;
    hold_signals(0, &old);
    note_reached(r);
}

/* Write one formatted document, with the separator its format puts
 * between documents. */
static void out_doc(runner *r, const char *a, size_t al) {
    if (strcmp(r->format, "json") == 0) write_out(r, r->written ? ",\n" : "[\n", 2);
    else if (r->written && (strcmp(r->format, "markdown") == 0))
        write_out(r, "\n---\n\n", 6);
    else if (r->written && (strcmp(r->format, "text") == 0))
        /* a line holding a form feed: a blank line is already a paragraph break
         * inside a document (the page break of plain text, as pdftotext writes) */
        write_out(r, "\f\n", 2);
    write_out(r, a ? a : "", al);
    if (strcmp(r->format, "json") != 0 && (al == 0 || a[al - 1] != '\n'))
        write_out(r, "\n", 1);
    r->written++;
    if (!r->out_error) {
        if (r->nends == r->capends) {
            size_t cap = r->capends ? 2 * r->capends : 256;
            size_t *e = realloc(r->ends, cap * sizeof *e);
            if (e) { r->ends = e; r->capends = cap; }
        }
        if (r->nends < r->capends) r->ends[r->nends++] = r->handed;
        else r->reached++;  /* (no memory to follow it: counted as out) */
        note_reached(r);
    }
}

/* An input that is not a document: its message, and the error record. */
static void input_event(wctx *w, sink *s, int type, const char *source, size_t line,
                        const char *msg) {
    char text[8192];
    if (line) snprintf(text, sizeof text, "%s:%zu: %s", source, line, msg);
    else if (strncmp(msg, source, strlen(source)) == 0) snprintf(text, sizeof text, "%s", msg);
    else snprintf(text, sizeof text, "%s: %s", source, msg);
    lua_State *L = w->L;
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
    emit(s, type, text, strlen(text), NULL, json);
    free(json);
}

/* Push the document for a record, built by docpipe.engine's text_doc or
 * json_doc; 0 (nothing pushed) when the record is not a document, after
 * recording why. raw: the stack index of a JSON Lines record's bytes as a
 * Lua string (made once: the step gets them too). */
/* Serial runs: the main thread enters and leaves the stages (a document's
 * step, or the stages' finish when rec is NULL). The grace thread, once the
 * grace time after a signal is over, gives the run up only while the main
 * thread is inside them: then it is stuck there, and touches neither the
 * output nor the --errors file. r is NULL in a worker. */
static void stage_enter(struct runner *r, const dp_record *rec) {
    if (!r) return;
    pthread_mutex_lock(&r->live_mu);
    r->in_stage = 1;
    r->stuck_src = rec ? (rec->source ? rec->source : "-") : NULL;
    r->stuck_line = rec ? rec->line : 0;
    pthread_cond_broadcast(&r->live_cv);
    pthread_mutex_unlock(&r->live_mu);
}

static void stage_leave(struct runner *r) {
    if (!r) return;
    pthread_mutex_lock(&r->live_mu);  /* (blocks for ever once the run was given up) */
    r->in_stage = 0;
    pthread_mutex_unlock(&r->live_mu);
}

/* 1 when the JSON text s[0..n) ends inside a value: within a string, or
 * with a bracket still open. */
static int ends_inside_value(const char *s, size_t n) {
    long depth = 0;
    int quoted = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (quoted) {
            if (c == '\\') i++;
            else if (c == '"') quoted = 0;
        } else if (c == '"') quoted = 1;
        else if (c == '{' || c == '[') depth++;
        else if (c == '}' || c == ']') depth--;
    }
    return quoted || depth > 0;
}

static int push_doc(wctx *w, const dp_record *rec, sink *s, int raw) {
    lua_State *L = w->L;
    int jsonl = rec->kind == DP_REC_JSONL;
    lua_getfield(L, w->engine, jsonl ? "json_doc" : "text_doc");
    if (jsonl) {
        lua_pushvalue(L, raw);
        lua_pushstring(L, rec->name);
        lua_pushstring(L, rec->source);
        lua_pushinteger(L, (lua_Integer)rec->line);
    } else {
        lua_pushstring(L, rec->name);
        lua_pushstring(L, rec->source);
        lua_pushlstring(L, rec->data, rec->len);
    }
    /* (reading a record runs Lua, a saved page's reader among it: the grace
     * time after a signal holds there too) */
    stage_enter(w->direct, rec);
    int st = dp_engine_pcall(L, jsonl ? 4 : 3, 2);
    stage_leave(w->direct);
    if (st != LUA_OK) {
        input_event(w, s, EV_INFAIL, rec->source, rec->line, lua_tostring(L, -1));
        lua_pop(L, 1);
        return 0;
    }
    if (lua_isnil(L, -2)) {
        /* the last line, cut inside a record (a file read while it is written,
         * or cut short): said as such, not as invalid JSON */
        const char *m = lua_tostring(L, -1);
        if (jsonl && rec->unterminated && ends_inside_value(rec->data, rec->len))
            m = strcmp(rec->source, "-") == 0 ? "truncated record (the input ends inside it)"
                                              : "truncated record (the file ends inside it)";
        input_event(w, s, EV_INFAIL, rec->source, rec->line, m);
        lua_pop(L, 2);
        return 0;
    }
    lua_pop(L, 1);
    return 1;
}

/* "SOURCE[:LINE]: WHAT: MESSAGE" (WHAT may be NULL) in text: the input file
 * named, whatever the document's own source says. Returns the length, a very
 * long line cut at the end of text. */
static size_t where_line(char *text, size_t size, const dp_record *rec, const char *what,
                         const char *m) {
    const char *src = rec->source ? rec->source : "-";
    char at[32] = "";
    if (rec->line) snprintf(at, sizeof at, ":%zu", rec->line);
    int len = snprintf(text, size, "%s%s: %s%s%s", src, at, what ? what : "", what ? ": " : "",
                       m ? m : "");
    if (len < 0) return 0;
    return (size_t)len >= size ? size - 1 : (size_t)len;
}

/* The warnings this run added to the document (the list at stack index list,
 * from Pipeline:step) as events, each "SOURCE[:LINE]: warning: document 'ID':
 * MESSAGE". kept (the list at stack index kept): where each is kept, true (a
 * written document holds it) or "errors" (the error record does); -q leaves
 * out those kept. The first warning of a document is marked, to count the
 * documents that warned. */
static void warn_events(lua_State *L, int list, int kept, const dp_record *rec, sink *s) {
    lua_Integer n = (lua_Integer)lua_rawlen(L, list);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, list, i);
        char text[8192];
        size_t len = where_line(text, sizeof text, rec, "warning", lua_tostring(L, -1));
        lua_pop(L, 1);
        const char *where = NULL;
        if (lua_istable(L, kept)) {
            int t = lua_rawgeti(L, kept, i);
            if (t == LUA_TSTRING) where = "errors";
            else if (t == LUA_TBOOLEAN && lua_toboolean(L, -1)) where = "kept";
            lua_pop(L, 1);
        }
        if (len > 0) emit(s, EV_WARN, text, len, where, i == 1 ? "first" : NULL);
    }
}

/* Process one record into events. Returns 0 when the run must stop
 * (on_error: fail). */
static int process_record(wctx *w, const dp_record *rec, sink *s) {
    if (rec->kind == DP_REC_ERROR || rec->kind == DP_REC_BAD) {
        input_event(w, s, rec->kind == DP_REC_BAD ? EV_INFAIL : EV_IOFAIL, rec->source, 0, rec->data);
        return 1;
    }
    lua_State *L = w->L;
    /* the record's bytes (nil for a text input), below the document */
    if (rec->kind == DP_REC_JSONL) lua_pushlstring(L, rec->data, rec->len);
    else lua_pushnil(L);
    int raw = lua_gettop(L);
    if (!push_doc(w, rec, s, raw)) {
        lua_pop(L, 1);
        return 1;
    }
    emit(s, EV_READ, NULL, 0, NULL, NULL);
    int doc = lua_gettop(L);
    lua_getfield(L, w->pipeline, "step");
    lua_pushvalue(L, w->pipeline);
    lua_pushvalue(L, doc);
    lua_pushstring(L, w->format);
    lua_pushvalue(L, raw);
    /* JSON is encoded into the output buffer, not into a string per document */
    if (w->out) {
        dp_json_output_reset(L, w->out);
        lua_pushvalue(L, w->out);
    } else {
        lua_pushnil(L);
    }
    char text[8192];
    stage_enter(w->direct, rec);
    int st = dp_engine_pcall(L, 5, 5);
    stage_leave(w->direct);
    if (st != LUA_OK) {
        size_t tl = where_line(text, sizeof text, rec, NULL, lua_tostring(L, -1));
        emit(s, EV_FAIL, text, tl, NULL, NULL);
        emit(s, EV_STOP, NULL, 0, NULL, NULL);
        lua_settop(L, raw - 1);
        return 0;
    }
    /* doc, texts, errs, status, warnings, kept; a text that is a number is
     * that many bytes of the output buffer */
    size_t blen = 0, boff = 0;
    const char *bdata = w->out ? dp_json_output_data(L, w->out, &blen) : NULL;
    lua_Integer n = (lua_Integer)lua_rawlen(L, doc + 1);
    for (lua_Integer i = 1; i <= n; i++) {
        size_t len;
        const char *str;
        if (lua_rawgeti(L, doc + 1, i) == LUA_TNUMBER && bdata) {
            lua_Integer k = lua_tointeger(L, -1);
            len = k > 0 && (size_t)k <= blen - boff ? (size_t)k : 0;
            str = bdata + boff;
            boff += len;
        } else {
            str = lua_tolstring(L, -1, &len);
        }
        /* serial: written now (the events would only copy it); the
         * document's other events come after it either way */
        if (w->direct) out_doc(w->direct, str, len);
        else emit(s, EV_OUT, str, len, NULL, NULL);
        lua_pop(L, 1);
    }
    /* the document's warnings before its failures: they happened first (a
     * stage that failed ended the document) */
    warn_events(L, doc + 4, doc + 5, rec, s);
    lua_Integer ne = (lua_Integer)lua_rawlen(L, doc + 2);
    for (lua_Integer i = 1; i <= ne; i++) {
        lua_rawgeti(L, doc + 2, i);
        lua_getfield(L, -1, "message");
        lua_getfield(L, -2, "traceback");
        lua_getfield(L, -3, "json");
        size_t tl = where_line(text, sizeof text, rec, NULL, lua_tostring(L, -3));
        emit(s, EV_FAIL, text, tl, lua_tostring(L, -2), lua_tostring(L, -1));
        lua_pop(L, 4);
    }
    int go_on = strcmp(lua_tostring(L, doc + 3), "fail") != 0;
    if (!go_on) emit(s, EV_STOP, NULL, 0, NULL, NULL);
    lua_settop(L, raw - 1);
    return go_on;
}

/* Read one string of an event at *p. */
static const char *take_str(const char **p, size_t *len) {
    memcpy(len, *p, sizeof *len);
    *p += sizeof *len;
    const char *str = *len ? *p : NULL;
    *p += *len;
    return str;
}

/* Replay events: write documents, report and record failures, count.
 * Returns 0 when the events say the run must stop. */
static int apply(runner *r, const sink *s) {
    const char *p = s->buf, *end = s->buf + s->n;
    int go_on = 1;
    if (s->oom) {
        report(r, "out of memory while keeping a batch's results", NULL);
        r->failed++;
        return 0;
    }
    while (p < end) {
        int type = (unsigned char)*p++;
        size_t al, bl, cl;
        const char *a = take_str(&p, &al);
        const char *b = take_str(&p, &bl);
        const char *c = take_str(&p, &cl);
        char *as = NULL, *bs = NULL;
        switch (type) {
        case EV_OUT:
            out_doc(r, a, al);
            break;
        case EV_FAIL: case EV_INFAIL: case EV_IOFAIL:
            as = a ? strndup(a, al) : NULL;
            bs = b ? strndup(b, bl) : NULL;
            report(r, as ? as : "", bs);
            if (c && r->errs) {
                fwrite(c, 1, cl, r->errs);
                fputc('\n', r->errs);
            }
            r->failed++;
            if (type == EV_INFAIL) r->input_errors++, r->read++;  /* a record seen */
            if (type == EV_IOFAIL) r->io_errors++;
            free(as);
            free(bs);
            break;
        case EV_WARN:
            r->warnings++;
            if (c) r->warned_docs++;
            /* -q leaves out only a warning a written record keeps: a written
             * document (JSON with meta) or the error record in --errors */
            if (!(r->o->quiet && b && (strncmp(b, "kept", bl) == 0 || r->errs))) {
                dp_stderr_printf("docpipe: %.*s\n", (int)al, a ? a : "");
            }
            break;
        case EV_READ: r->read++; break;
        case EV_COUNTS:  /* a worker's stage counts for this batch (-j N) */
            lua_getfield(r->L, r->pipeline, "add_batch_counts");
            lua_pushvalue(r->L, r->pipeline);
            lua_pushlstring(r->L, a ? a : "", al);
            if (dp_engine_pcall(r->L, 2, 0) != LUA_OK) {
                report(r, lua_tostring(r->L, -1), NULL);
                lua_pop(r->L, 1);
            }
            break;
        case EV_STOP: go_on = 0; break;
        default: break;
        }
    }
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
 * followed to its target first (also a target not made yet); anything
 * else (a device such as /dev/stdout or /dev/full, a FIFO) is written
 * directly. */
static FILE *open_output(runner *r) {
    const char *path = r->o->output;
    if (!path || strcmp(path, "-") == 0) return stdout;
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) { errno = EISDIR; return NULL; }
        return fopen(path, "wb");
    }
    r->final_path = realpath(path, NULL);  /* follows a link; NULL for a new file */
    if (!r->final_path) {
        r->final_path = dp_link_target(path);
        if (!r->final_path && lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
            errno = ELOOP;  /* a link that leads nowhere: not replaced by a file */
            return NULL;
        }
    }
    if (!r->final_path) r->final_path = strdup(path);
    if (!r->final_path) return NULL;
    size_t len = strlen(r->final_path) + 32;
    r->tmp_path = malloc(len);
    if (!r->tmp_path) return NULL;
    snprintf(r->tmp_path, len, "%s.tmp.%ld", r->final_path, (long)getpid());
    int existed = stat(r->final_path, &st) == 0;
    FILE *f = fopen(r->tmp_path, "wb");
    /* the file it replaces keeps its permissions */
    if (f && existed) fchmod(fileno(f), st.st_mode & 07777);
    return f;
}

/* The absolute path a file not made yet will have: a dangling link followed
 * to its target, the folder resolved (realpath), the last name kept;
 * NULL when the folder does not exist or memory runs out. */
static char *resolved_new_path(const char *path) {
    char *target = dp_link_target(path);
    const char *p = target ? target : path;
    const char *slash = strrchr(p, '/');
    char *dir = slash ? strndup(p, slash == p ? 1 : (size_t)(slash - p)) : strdup(".");
    const char *base = slash ? slash + 1 : p;
    char *rdir = dir ? realpath(dir, NULL) : NULL;
    char *out = NULL;
    if (rdir && *base) {
        size_t len = strlen(rdir) + strlen(base) + 2;
        out = malloc(len);
        if (out) snprintf(out, len, "%s/%s", strcmp(rdir, "/") == 0 ? "" : rdir, base);
    }
    free(rdir);
    free(dir);
    free(target);
    return out;
}

/* 1 when a and b name the same file: the same device and inode when both
 * exist, else the same resolved path (a new file named two ways, ./x and x,
 * or through a link to a file not made yet). */
static int same_file(const char *a, const char *b) {
    struct stat sa, sb;
    int ea = stat(a, &sa) == 0, eb = stat(b, &sb) == 0;
    if (ea && eb) return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    if (ea != eb) return 0;
    if (strcmp(a, b) == 0) return 1;
    char *ra = resolved_new_path(a), *rb = resolved_new_path(b);
    int same = ra && rb && strcmp(ra, rb) == 0;
    free(ra);
    free(rb);
    return same;
}

/* When standard input is an input of the run (no input named, or "-") and
 * a pipe or regular file: what names it among -o, --errors and
 * --stats-json ("the output (-o FILE)", ...), by device and inode; NULL
 * when none does. (A terminal or /dev/null may be read and written.) */
static const char *stdin_clash(const dp_run_opts *o) {
    static char what[600];
    int reads = o->ninputs == 0;
    for (size_t i = 0; i < o->ninputs; i++)
        if (strcmp(o->inputs[i], "-") == 0) reads = 1;
    struct stat s0, st;
    if (!reads || fstat(0, &s0) != 0 || !(S_ISFIFO(s0.st_mode) || S_ISREG(s0.st_mode))) return NULL;
    const char *const paths[3] = { o->output && strcmp(o->output, "-") != 0 ? o->output : NULL,
                                   o->errors, o->stats_json };
    const char *const names[3] = { "the output (-o ", "the --errors file (", "the --stats-json file (" };
    for (int i = 0; i < 3; i++)
        if (paths[i] && stat(paths[i], &st) == 0 && st.st_dev == s0.st_dev && st.st_ino == s0.st_ino) {
            snprintf(what, sizeof what, "%s%s)", names[i], paths[i]);
            return what;
        }
    return NULL;
}

/* Print the stages' finish results to stderr as JSON (one line). A
 * finish that failed is reported and counted as a failure. */
static void finish(runner *r) {
    lua_State *L = r->L;
    lua_getfield(L, r->pipeline, "finish");
    lua_pushvalue(L, r->pipeline);
    stage_enter(r, NULL);
    int st = dp_engine_pcall(L, 1, 2);
    stage_leave(r);
    if (st != LUA_OK) {
        report(r, lua_tostring(L, -1), NULL);
        lua_pop(L, 1);
        r->failed++;
        r->finish_errors++;
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
        r->finish_errors++;
    }
    lua_pop(L, 1);
    /* the results are data: kept for --stats-json, and printed also with -q */
    lua_pushvalue(L, -1);
    lua_setfield(L, r->pipeline, "finish_results");
    if (!lua_isnil(L, -1)) {
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
    lua_createtable(L, 0, 8);
    lua_pushinteger(L, (lua_Integer)r->read);
    lua_setfield(L, -2, "read");
    /* what reached the output: after a write error (a closed pipe), only the
     * documents whose bytes left the buffer before it */
    lua_pushinteger(L, (lua_Integer)(r->out_error ? r->reached : r->written));
    lua_setfield(L, -2, "written");
    if (r->out_error == EPIPE) {
        lua_pushboolean(L, 1);
        lua_setfield(L, -2, "output_closed");
    }
    lua_pushinteger(L, (lua_Integer)r->input_errors);
    lua_setfield(L, -2, "input_errors");
    lua_pushinteger(L, (lua_Integer)r->io_errors);
    lua_setfield(L, -2, "io_errors");
    lua_pushinteger(L, (lua_Integer)r->warnings);
    lua_setfield(L, -2, "warnings");
    lua_pushinteger(L, (lua_Integer)r->warned_docs);
    lua_setfield(L, -2, "warned_documents");
    lua_pushinteger(L, (lua_Integer)bytes);
    lua_setfield(L, -2, "bytes");
    lua_pushnumber(L, seconds);
    lua_setfield(L, -2, "seconds");
    struct rusage ru;  /* the whole process: reader, writer and workers */
    if (getrusage(RUSAGE_SELF, &ru) == 0) {
        double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
                     (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
        lua_pushnumber(L, cpu);
        lua_setfield(L, -2, "cpu_seconds");
    }
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
        FILE *f = r->stats_f;
        r->stats_f = NULL;
        errno = 0;
        int bad = !f || !json || fprintf(f, "%s\n", json) < 0;
        if (f && fclose(f) != 0) bad = 1;
        if (bad) {
            fprintf(stderr, "docpipe: cannot write %s: %s\n", r->o->stats_json,
                    json ? strerror(errno ? errno : EIO) : err);
            ok = 0;
        }
        free(json);
    }
    return ok;
}

static double now_seconds(void);

/* The progress line: documents, megabytes, rate and, when the size of the
 * input is known, the time left. Drawn at most twice a second. */
static void draw_progress(runner *r, int final) {
    double now = now_seconds();
    if (!final && now - r->last_draw < 0.5) return;
    r->last_draw = now;
    double secs = now - r->t0, mb = (double)dp_input_bytes(r->in) / 1048576.0;
    double rate = secs > 0 ? mb / secs : 0;
    char eta[48] = "";
    if (r->total_bytes && rate > 0) {
        double left = ((double)r->total_bytes / 1048576.0 - mb) / rate;
        if (left >= 0) snprintf(eta, sizeof eta, ", %.0f s left", left);
    }
    char line[160];
    snprintf(line, sizeof line, "docpipe: %zu documents, %.1f MB, %.1f MB/s%s", r->read, mb, rate, eta);
    dp_stderr_progress(line);
    if (final) clear_progress(r);
}

/* The next record of this run: with --shard I/N only every N-th one. */
static int next_record(runner *r, dp_input *in, dp_record *rec) {
    for (;;) {
        if (!dp_input_next(in, rec)) return 0;
        size_t k = r->record_no++;
        if (r->progress) draw_progress(r, 0);
        if (r->o->shard_count <= 1 || k % (size_t)r->o->shard_count == (size_t)(r->o->shard_index - 1))
            return 1;
    }
}

/* ---- -j N: workers, each with its own Lua state ------------------------
 *
 * The main thread reads records into batches (copied, so the reader can go
 * on), hands them to the workers through a ring of 2N slots, and applies
 * the results batch by batch in input order. Memory is bounded by the
 * ring: at most 2N batches of BATCH_DOCS records or BATCH_BYTES bytes (or
 * one larger document) are in flight.
 */

#define BATCH_DOCS 16
#define BATCH_BYTES (1u << 18)

typedef struct batch {
    size_t seq;
    int state;            /* 0 free, 1 ready, 2 taken by a worker, 3 done */
    dp_record *recs;
    char **srcs, **names;  /* the copies recs[i].source and .name point to */
    int cut;               /* stopped early by SIGINT/SIGTERM */
    size_t ndone;          /* records whose events are in out (under the pool's mu) */
    size_t nrec, caprec;
    sink out;
} batch;

typedef struct pool {
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    batch *slots;
    size_t nslots;
    int quit;
    const char *pipeline, *format;
    int timing;           /* time each stage (--stats, --stats-json) */
    int record_failed;    /* --errors: failed documents as they entered the stage */
    char *fatal;          /* a worker that could not start: why */
    int live;             /* workers not yet ended */
    int avail;            /* workers started and holding no batch (also while they start) */
    int ready;            /* batches waiting for a worker (state 1) */
    int abandon;          /* the grace time after a signal is over: stop waiting */
} pool;

/* From the grace thread: the main thread waits no longer for busy workers. */
static void pool_abandon(pool *pl) {
    pthread_mutex_lock(&pl->mu);
    pl->abandon = 1;
    pthread_cond_broadcast(&pl->done);
    pthread_mutex_unlock(&pl->mu);
}

typedef struct worker {
    pool *pl;
    pthread_t thread;
    char *export;         /* Pipeline:export_worker(), for the main thread */
} worker;

static void batch_clear(batch *b) {
    for (size_t i = 0; i < b->nrec; i++) {
        free(b->srcs[i]);
        free(b->names[i]);
        free(b->recs[i].data);
    }
    b->nrec = 0;
    b->ndone = 0;
    b->cut = 0;
    b->out.n = 0;
    b->out.oom = 0;
}

/* Copy rec into the batch; 0 when memory runs out. */
static int batch_add(batch *b, const dp_record *rec) {
    if (b->nrec == b->caprec) {
        size_t nc = b->caprec ? b->caprec * 2 : 16;
        dp_record *nr = realloc(b->recs, nc * sizeof *nr);
        if (!nr) return 0;
        b->recs = nr;
        char **ns = realloc(b->srcs, nc * sizeof *ns);
        if (!ns) return 0;
        b->srcs = ns;
        char **nn = realloc(b->names, nc * sizeof *nn);
        if (!nn) return 0;
        b->names = nn;
        b->caprec = nc;
    }
    dp_record *d = &b->recs[b->nrec];
    *d = *rec;
    char *src = strdup(rec->source ? rec->source : "");
    char *name = strdup(rec->name ? rec->name : "");
    d->data = malloc(rec->len + 1);
    if (!src || !name || !d->data) {
        free(src);
        free(name);
        free(d->data);
        return 0;
    }
    d->source = b->srcs[b->nrec] = src;  /* the batch owns the copies */
    d->name = b->names[b->nrec] = name;
    memcpy(d->data, rec->data, rec->len);
    d->data[rec->len] = '\0';
    b->nrec++;
    return 1;
}

static void *worker_main(void *arg) {
    worker *wk = arg;
    pool *pl = wk->pl;
    wctx w;
    memset(&w, 0, sizeof w);
    w.format = pl->format;
    w.L = dp_engine_state();
    if (!w.L || !dp_engine_module(w.L) || !dp_engine_open(w.L, pl->pipeline, 1)) {
        pthread_mutex_lock(&pl->mu);
        if (!pl->fatal) pl->fatal = strdup(w.L ? lua_tostring(w.L, -1) : "out of memory");
        pl->live--;
        pl->avail--;
        pthread_cond_broadcast(&pl->done);
        pthread_mutex_unlock(&pl->mu);
        dp_engine_close(w.L);
        return NULL;
    }
    w.engine = lua_gettop(w.L) - 1;
    w.pipeline = lua_gettop(w.L);
    lua_pushboolean(w.L, pl->timing);
    lua_setfield(w.L, w.pipeline, "timing");
    lua_pushboolean(w.L, pl->record_failed);
    lua_setfield(w.L, w.pipeline, "record_failed");
    dp_json_output_push(w.L);
    w.out = lua_gettop(w.L);
    sink one;
    memset(&one, 0, sizeof one);
    for (;;) {
        pthread_mutex_lock(&pl->mu);
        batch *b = NULL;
        for (;;) {
            size_t best = (size_t)-1;
            for (size_t i = 0; i < pl->nslots; i++)  /* the oldest ready batch */
                if (pl->slots[i].state == 1 && (best == (size_t)-1 || pl->slots[i].seq < pl->slots[best].seq))
                    best = i;
            if (best != (size_t)-1) {
                b = &pl->slots[best];
                b->state = 2;
                pl->ready--;
                pl->avail--;
                break;
            }
            if (pl->quit) break;
            pthread_cond_wait(&pl->work, &pl->mu);
        }
        pthread_mutex_unlock(&pl->mu);
        if (!b) break;
        for (size_t i = 0; i < b->nrec; i++) {
            if (interrupted) { b->cut = 1; break; }  /* finish only what is in hand */
            /* each record's events join the batch's whole, under the lock: a
             * run given up after a signal writes the records done */
            one.n = 0;
            one.oom = 0;
            int go_on = process_record(&w, &b->recs[i], &one);
            pthread_mutex_lock(&pl->mu);
            sink_put(&b->out, one.buf, one.n);
            if (one.oom) b->out.oom = 1;
            b->ndone = i + 1;
            pthread_mutex_unlock(&pl->mu);
            if (!go_on) break;
        }
        /* the stage counts of this batch go with its results: the main thread
         * counts them only when it hands the batch out (not a batch done
         * after the run stopped: a closed output, an interrupt, a failure) */
        lua_getfield(w.L, w.pipeline, "take_batch_counts");
        lua_pushvalue(w.L, w.pipeline);
        pthread_mutex_lock(&pl->mu);
        if (dp_engine_pcall(w.L, 1, 1) == LUA_OK && lua_isstring(w.L, -1)) {
            size_t cl;
            const char *counts = lua_tolstring(w.L, -1, &cl);
            emit(&b->out, EV_COUNTS, counts, cl, NULL, NULL);
        }
        lua_pop(w.L, 1);
        b->state = 3;
        pl->avail++;
        pthread_cond_broadcast(&pl->done);
        pthread_mutex_unlock(&pl->mu);
    }
    /* what the main thread needs: counts, stage statistics, finish states */
    lua_getfield(w.L, w.pipeline, "export_worker");
    lua_pushvalue(w.L, w.pipeline);
    if (dp_engine_pcall(w.L, 1, 1) == LUA_OK && lua_isstring(w.L, -1))
        wk->export = strdup(lua_tostring(w.L, -1));
    dp_engine_close(w.L);
    free(one.buf);
    pthread_mutex_lock(&pl->mu);
    pl->live--;
    pthread_cond_broadcast(&pl->done);
    pthread_mutex_unlock(&pl->mu);
    return NULL;
}

/* Runs the records of in through jobs workers. Returns 0 when the run
 * stopped (on_error: fail), -1 when the workers could not start. */
static int run_parallel(runner *r, dp_input *in, int jobs) {
    /* on the heap: a run given up after a signal leaves the stuck workers
     * with it (the process ends at once) */
    pool *pl = calloc(1, sizeof *pl);
    if (!pl) return -1;
    pthread_mutex_init(&pl->mu, NULL);
    pthread_cond_init(&pl->work, NULL);
    pthread_cond_init(&pl->done, NULL);
    pl->nslots = 2 * (size_t)jobs;
    pl->slots = calloc(pl->nslots, sizeof *pl->slots);
    pl->pipeline = r->o->pipeline;
    pl->format = r->format;
    pl->timing = r->o->stats || r->o->stats_json;
    pl->record_failed = r->o->errors != NULL;
    worker *wks = calloc((size_t)jobs, sizeof *wks);
    if (!pl->slots || !wks) { free(pl->slots); free(wks); free(pl); return -1; }
    /* the workers are started as they are needed, up to jobs: one when a
     * batch is waiting and every worker started is busy (a short input
     * does not pay for loading the pipeline jobs times) */
    int started = 0, cannot_start = 0;
    pthread_mutex_lock(&r->live_mu);
    r->pool = pl;  /* for the grace thread */
    pthread_mutex_unlock(&r->live_mu);
    int gave_up = 0;
    size_t fill_seq = 0, write_seq = 0;
    int eof = 0, stop = 0, result = 1;
    dp_record rec;
    int pending = 0;      /* rec holds a record read but not yet placed */
    for (;;) {
        /* fill free slots with new batches; when the input has nothing at
         * hand (a pipe waiting for its writer), the batch goes out as it is
         * and everything in flight is written before the read blocks */
        int idle = 0;
        while (!eof && !stop && !interrupted && !idle && fill_seq - write_seq < pl->nslots) {
            batch *b = &pl->slots[fill_seq % pl->nslots];
            size_t bytes = 0;
            while (b->nrec < BATCH_DOCS && bytes < BATCH_BYTES) {
                if (!pending) {
                    if (dp_input_would_block(in)) {
                        idle = 1;
                        if (b->nrec > 0 || fill_seq != write_seq) break;
                        flush_out(r);  /* nothing in flight: the output so far goes out */
                    }
                    if (interrupted || !next_record(r, in, &rec)) { eof = 1; break; }
                    idle = 0;
                }
                pending = 0;
                if (!batch_add(b, &rec)) { pending = 1; break; }
                bytes += rec.len;
            }
            if (b->nrec == 0) {
                if (!idle) eof = 1;  /* idle: nothing new yet, the batches in flight go out */
                break;
            }
            pthread_mutex_lock(&pl->mu);
            b->seq = fill_seq++;
            b->state = 1;
            pl->ready++;
            int more = pl->ready > pl->avail && started < jobs && !cannot_start;
            if (more) {
                pl->live++;
                pl->avail++;
            }
            pthread_cond_signal(&pl->work);
            pthread_mutex_unlock(&pl->mu);
            if (more) {
                wks[started].pl = pl;
                /* SIGINT and SIGTERM blocked in the workers: they go to the
                 * main thread, whose blocked read they must cut short */
                sigset_t old;
                hold_signals(1, &old);
                int made = pthread_create(&wks[started].thread, NULL, worker_main, &wks[started]) == 0;
                hold_signals(0, &old);
                if (made) started++;
                else {
                    cannot_start = 1;  /* the ones there go on with the work */
                    pthread_mutex_lock(&pl->mu);
                    pl->live--;
                    pl->avail--;
                    if (started == 0 && !pl->fatal) pl->fatal = strdup("cannot create a thread");
                    pthread_cond_broadcast(&pl->done);
                    pthread_mutex_unlock(&pl->mu);
                }
            }
        }
        if (write_seq == fill_seq) break;
        /* the next batch in input order; when idle, every batch in flight */
        do {
            batch *b = &pl->slots[write_seq % pl->nslots];
            pthread_mutex_lock(&pl->mu);
            while (b->state != 3 && !pl->fatal && !pl->abandon) pthread_cond_wait(&pl->done, &pl->mu);
            if (b->state != 3 && pl->abandon) {
                /* the grace time after a signal is over and a worker is still
                 * busy with this batch: the records it finished are written,
                 * the one in its hands is named, the workers are left */
                sink part;
                memset(&part, 0, sizeof part);
                sink_put(&part, b->out.buf, b->out.n);
                if (b->out.oom) part.oom = 1;
                if (b->ndone < b->nrec) {
                    r->stuck_src = b->recs[b->ndone].source;
                    r->stuck_line = b->recs[b->ndone].line;
                }
                pthread_mutex_unlock(&pl->mu);
                if (!stop) apply(r, &part);
                free(part.buf);
                gave_up = 1;
                break;
            }
            char *fatal = pl->fatal;
            pthread_mutex_unlock(&pl->mu);
            if (fatal && b->state != 3) { result = -1; break; }
            if (!stop && !apply(r, &b->out)) { stop = 1; result = 0; }
            if (r->out_error) stop = 1;
            /* after a batch cut short by a signal, later batches would leave a
             * gap: the output ends here, a prefix of the input */
            if (b->cut) stop = 1;
            batch_clear(b);
            b->state = 0;
            write_seq++;
        } while (idle && write_seq != fill_seq);
        if (result < 0 || gave_up) break;
        if (idle) flush_out(r);
    }
    pthread_mutex_lock(&pl->mu);
    pl->quit = 1;
    pthread_cond_broadcast(&pl->work);
    /* after a signal, the workers get the grace time to end */
    while (pl->live > 0 && !pl->abandon) pthread_cond_wait(&pl->done, &pl->mu);
    if (pl->live > 0) {
        /* some are stuck (a stage inside one long C call): they are left
         * running, with the pool, and the process ends when the output is
         * in place; the first document still in a worker's hands is named */
        batch *first = NULL;
        for (size_t i = 0; !gave_up && i < pl->nslots; i++) {
            batch *b = &pl->slots[i];
            if (b->state == 2 && b->ndone < b->nrec && (!first || b->seq < first->seq)) first = b;
        }
        if (first) {
            r->stuck_src = first->recs[first->ndone].source;
            r->stuck_line = first->recs[first->ndone].line;
        }
        pthread_mutex_unlock(&pl->mu);
        r->abandoned = 1;
        return stop && result == 0 ? 0 : 1;
    }
    pthread_mutex_unlock(&pl->mu);
    if (gave_up) r->abandoned = 1;
    pthread_mutex_lock(&r->live_mu);
    r->pool = NULL;
    pthread_mutex_unlock(&r->live_mu);
    for (int i = 0; i < started; i++) pthread_join(wks[i].thread, NULL);
    if (pl->fatal) {
        dp_stderr_printf("docpipe: a worker could not start: %s\n", pl->fatal);
        result = -1;
    }
    /* the workers' counts, statistics and finish states, merged */
    lua_State *L = r->L;
    lua_getfield(L, r->pipeline, "import_workers");
    lua_pushvalue(L, r->pipeline);
    lua_createtable(L, started, 0);
    for (int i = 0; i < started; i++) {
        if (wks[i].export) {
            lua_pushstring(L, wks[i].export);
            lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
        }
        free(wks[i].export);
    }
    /* (no document's failure: a stage's merge that raised, or a state that
     * could not cross at all, is its finish step's; a state that crossed
     * without its functions is a warning) */
    if (dp_engine_pcall(L, 2, 1) != LUA_OK) {
        report(r, lua_tostring(L, -1), NULL);
        r->failed++;
        r->finish_errors++;
    } else if (lua_isstring(L, -1)) {  /* a message: some state could not be merged */
        const char *m = lua_tostring(L, -1);
        report(r, m, NULL);
        if (strncmp(m, "warning: ", 9) != 0 || strstr(m, "\nstage '")) {
            r->failed++;
            r->finish_errors++;
        }
    }
    lua_pop(L, 1);
    for (size_t i = 0; i < pl->nslots; i++) {
        batch_clear(&pl->slots[i]);
        free(pl->slots[i].recs);
        free(pl->slots[i].srcs);
        free(pl->slots[i].names);
        free(pl->slots[i].out.buf);
    }
    free(pl->slots);
    free(wks);
    free(pl->fatal);
    pthread_mutex_destroy(&pl->mu);
    pthread_cond_destroy(&pl->work);
    pthread_cond_destroy(&pl->done);
    free(pl);
    return result;
}

/* The line that names the document given up after the grace time. */
static void say_given_up(runner *r) {
    if (r->stuck_src && r->stuck_line)
        fprintf(stderr, "docpipe: interrupted: the document at %s:%zu did not finish within %d s "
                        "of the signal: not written\n", r->stuck_src, r->stuck_line, GRACE_SECONDS);
    else if (r->stuck_src)
        fprintf(stderr, "docpipe: interrupted: the document %s did not finish within %d s "
                        "of the signal: not written\n", r->stuck_src, GRACE_SECONDS);
    else
        fprintf(stderr, "docpipe: interrupted: a stage's finish did not end within %d s of the signal\n",
                GRACE_SECONDS);
}

/* Serial run, in the grace thread, the main thread stuck inside a stage: the
 * documents done are in the output (and their failures in --errors), whole;
 * they are flushed, -o's temporary file renamed into place, and the process
 * ends with 130. Only C and stdio here: the Lua state is the stuck thread's. */
static void give_up(runner *r) {
    say_given_up(r);
    if (strcmp(r->format, "json") == 0 && !r->out_closed && !r->out_error)
        write_out(r, r->written ? "\n]\n" : "[]\n", 3);
    flush_out(r);
    int code = DP_EXIT_INTERRUPTED;
    if (r->out != stdout) {
        if (fclose(r->out) != 0 && !r->out_error) r->out_error = errno;
        if (r->tmp_path) {
            signal_tmp_path = NULL;
            if (!r->out_error && rename(r->tmp_path, r->final_path) != 0) r->out_error = errno;
            if (r->out_error) unlink(r->tmp_path);
        }
    }
    int out_lost = r->out_error && r->out_error != EPIPE;
    if (out_lost)
        fprintf(stderr, "docpipe: interrupted: %zu document(s) processed; %s was not written: %s\n",
                r->written, r->o->output ? r->o->output : "the output", strerror(r->out_error));
    else if (!r->o->quiet)
        fprintf(stderr, "docpipe: interrupted: %zu document(s) written\n", r->written);
    if (r->errs && fclose(r->errs) != 0)
        fprintf(stderr, "docpipe: cannot write %s: %s\n", r->o->errors, strerror(errno));
    if (r->stats_f) fclose(r->stats_f);
    fflush(stderr);
    _exit(code);
}

/* The grace thread: woken by the first signal, it waits GRACE_SECONDS for the
 * run to end; then with -j N it tells the main thread to give up the workers
 * still busy, and in a serial run it gives the run up itself when the main
 * thread is (or gets) stuck inside a stage. */
static void *grace_main(void *arg) {
    runner *r = arg;
    while (sem_wait(&grace_sem) != 0 && errno == EINTR) {}
    struct timespec dl;
    clock_gettime(CLOCK_MONOTONIC, &dl);
    dl.tv_sec += GRACE_SECONDS;
    pthread_mutex_lock(&r->live_mu);
    while (!r->run_over)
        if (pthread_cond_timedwait(&r->live_cv, &r->live_mu, &dl) == ETIMEDOUT) break;
    if (!r->run_over && r->pool) pool_abandon(r->pool);
    while (!r->run_over) {
        if (r->in_stage) give_up(r);  /* does not return */
        pthread_cond_wait(&r->live_cv, &r->live_mu);
    }
    pthread_mutex_unlock(&r->live_mu);
    return NULL;
}

/* Starts the grace thread, with SIGINT and SIGTERM blocked in it (they go to
 * the main thread, whose blocked read they must cut short). 0 on failure. */
static int grace_start(runner *r, pthread_t *t) {
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_mutex_init(&r->live_mu, NULL);
    pthread_cond_init(&r->live_cv, &ca);
    pthread_condattr_destroy(&ca);
    sem_init(&grace_sem, 0, 0);
    sigset_t old;
    hold_signals(1, &old);
    int ok = pthread_create(t, NULL, grace_main, r) == 0;
    hold_signals(0, &old);
    return ok;
}

/* The run is over: the grace thread leaves. */
static void grace_stop(runner *r, pthread_t t) {
    pthread_mutex_lock(&r->live_mu);
    r->run_over = 1;
    pthread_cond_broadcast(&r->live_cv);
    pthread_mutex_unlock(&r->live_mu);
    sem_post(&grace_sem);  /* when no signal came */
    pthread_join(t, NULL);
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
    /* per-stage CPU times cost a system call each: only when asked for */
    lua_pushboolean(r.L, o->stats || o->stats_json);
    lua_setfield(r.L, r.pipeline, "timing");
    /* the copy of each document a stage gets, for --errors: only then */
    lua_pushboolean(r.L, o->errors != NULL);
    lua_setfield(r.L, r.pipeline, "record_failed");
    lua_getfield(r.L, r.pipeline, "output");
    lua_getfield(r.L, -1, "format");
    r.format = o->format ? o->format : lua_tostring(r.L, -1);
    lua_pop(r.L, 2);
    if (!r.format) r.format = "jsonl";
    for (size_t i = 0; i < o->ninputs; i++) {  /* never write over an input */
        const char *clash = o->output && strcmp(o->output, "-") != 0 && same_file(o->output, o->inputs[i])
                                ? o->output
                            : o->errors && same_file(o->errors, o->inputs[i]) ? o->errors
                            : o->stats_json && same_file(o->stats_json, o->inputs[i]) ? o->stats_json
                                                                                     : NULL;
        if (clash) {
            fprintf(stderr, "docpipe: %s is also an input; it would be overwritten\n", clash);
            dp_engine_close(r.L);
            return DP_EXIT_USAGE;
        }
    }
    /* nor over standard input, when it is read: -o /dev/stdin on a pipe
     * would hold the pipe's write end open and wait for ever; on a file,
     * overwrite it */
    size_t dashes = 0;  /* stdin read twice: the second time it is empty */
    for (size_t i = 0; i < o->ninputs; i++) dashes += strcmp(o->inputs[i], "-") == 0;
    if (dashes > 1) {
        fprintf(stderr, "docpipe: the standard input (-) is named %zu times; name it once\n", dashes);
        dp_engine_close(r.L);
        return DP_EXIT_USAGE;
    }
    const char *to_stdin = stdin_clash(o);
    if (to_stdin) {
        fprintf(stderr, "docpipe: %s is the standard input, which this run reads\n", to_stdin);
        dp_engine_close(r.L);
        return DP_EXIT_USAGE;
    }
    {   /* nor over a document of an input folder (or standard input), by any
         * name or link, nor make one there: checked before any output is opened */
        const char *outs[3] = { o->output && strcmp(o->output, "-") != 0 ? o->output : NULL,
                                o->errors, o->stats_json };
        dp_file_id ids[3];
        const char *names[3];
        size_t nids = 0;
        for (int i = 0; i < 3; i++)
            if (outs[i] && dp_file_id_of(outs[i], &ids[nids])) names[nids++] = outs[i];
        struct stat in0;
        int from_stdin = o->ninputs == 0;
        for (size_t i = 0; i < o->ninputs; i++)
            if (strcmp(o->inputs[i], "-") == 0) from_stdin = 1;
        long hit = -1;
        const char *folder = NULL;
        if (from_stdin && fstat(0, &in0) == 0 && S_ISREG(in0.st_mode))
            for (size_t i = 0; i < nids && hit < 0; i++)
                if (!ids[i].name && ids[i].dev == in0.st_dev && ids[i].ino == in0.st_ino) hit = (long)i;
        if (hit >= 0)
            fprintf(stderr, "docpipe: %s is also an input (standard input); it would be overwritten\n",
                    names[hit]);
        else if (nids && (hit = dp_input_would_read(o->inputs, o->ninputs, ids, nids, &folder)) >= 0)
            fprintf(stderr, ids[hit].name ? "docpipe: %s would also be an input (a document of the "
                                            "folder %s); it would be read back\n"
                                          : "docpipe: %s is also an input (a document of the folder "
                                            "%s); it would be overwritten\n",
                    names[hit], folder);
        for (size_t i = 0; i < nids; i++) free(ids[i].name);
        if (hit >= 0) {
            dp_engine_close(r.L);
            return DP_EXIT_USAGE;
        }
    }
    if (o->errors && o->output && same_file(o->errors, o->output)) {
        fprintf(stderr, "docpipe: --errors and -o name the same file (%s)\n", o->errors);
        dp_engine_close(r.L);
        return DP_EXIT_USAGE;
    }
    if (o->stats_json && ((o->output && same_file(o->stats_json, o->output)) ||
                          (o->errors && same_file(o->stats_json, o->errors)))) {
        fprintf(stderr, "docpipe: --stats-json names the same file as %s (%s)\n",
                o->output && same_file(o->stats_json, o->output) ? "-o" : "--errors", o->stats_json);
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
    /* --stats-json is opened (created) now: a path that cannot be written
     * (a missing folder) ends the run before any input is read, not after */
    if (o->stats_json) {
        r.stats_f = fopen(o->stats_json, "w");
        if (!r.stats_f) {
            fprintf(stderr, "docpipe: cannot write --stats-json %s: %s\n", o->stats_json,
                    strerror(errno));
            if (r.errs) fclose(r.errs);
            dp_engine_close(r.L);
            return DP_EXIT_OUTPUT;  /* an output that cannot be written, as -o and --errors */
        }
    }
    r.out = open_output(&r);
    if (r.out && !isatty(fileno(r.out))) {
        /* 64 KiB writes instead of glibc's 4 KiB; a terminal keeps its
         * line buffering. The buffer outlives the stream (stdout is
         * flushed at exit). */
        static char out_buf[OUT_BUF];
        setvbuf(r.out, out_buf, _IOFBF, sizeof out_buf);
    } else if (r.out) {
        r.out_flushes = 1;  /* a terminal: line buffered */
    }
    if (!r.out) {
        fprintf(stderr, "docpipe: cannot write %s: %s\n", o->output, strerror(errno));
        if (r.errs) fclose(r.errs);
        if (r.stats_f) fclose(r.stats_f);
        free(r.tmp_path);
        free(r.final_path);
        dp_engine_close(r.L);
        return DP_EXIT_OUTPUT;
    }
    signal(SIGPIPE, SIG_IGN);
    /* past a file size limit (ulimit -f) a write fails with EFBIG, reported
     * like any other write error (exit 3), instead of the signal ending the
     * process with the -o temporary file left behind */
    signal(SIGXFSZ, SIG_IGN);
    write_frame(&r, "begin_output");
    interrupted = 0;
    signal_tmp_path = r.tmp_path;
    pthread_t grace;
    int grace_on = grace_start(&r, &grace);
    if (pipe2(signal_pipe, O_CLOEXEC | O_NONBLOCK) != 0) signal_pipe[0] = signal_pipe[1] = -1;
    catch_signals();
    dp_input *in = dp_input_open(o->inputs, o->ninputs, o->input_format);
    dp_input_set_cancel(in, signal_pipe[0]);
    r.in = in;
    r.t0 = t0;
    r.last_draw = t0;  /* the first line after half a second */
    /* a progress line only for a person watching: stderr a terminal, not
     * -q, and not turned off (NO_COLOR, DOCPIPE_NO_PROGRESS, TERM=dumb) */
    const char *term = getenv("TERM");
    r.progress = in && !o->quiet && isatty(2) && !getenv("NO_COLOR") &&
                 !getenv("DOCPIPE_NO_PROGRESS") && !(term && strcmp(term, "dumb") == 0);
    for (size_t i = 0; r.progress && i < o->ninputs; i++) {
        struct stat st;
        if (stat(o->inputs[i], &st) == 0 && S_ISREG(st.st_mode)) r.total_bytes += (size_t)st.st_size;
    }
    int stopped = 0;
    int jobs = o->jobs > 0 ? o->jobs : 1;
    if (strcmp(r.format, "html") == 0) jobs = 1;  /* one page, indexed as it is written */
    if (in && jobs > 1) {
        int res = run_parallel(&r, in, jobs);
        if (res == 0) stopped = 1;
        if (res < 0) { stopped = 2; r.failed++; }  /* (2: not on_error's stop) */
    } else {
        dp_json_output_push(r.L);
        wctx w = { r.L, r.engine, r.pipeline, r.format, &r, lua_gettop(r.L) };
        sink ev;
        memset(&ev, 0, sizeof ev);
        dp_record rec;
        while (in && !r.out_error && !interrupted) {
            /* before a read that would block, the output so far goes out */
            if (dp_input_would_block(in)) flush_out(&r);
            if (!next_record(&r, in, &rec)) break;
            if (interrupted) break;  /* the read was cut short by the signal */
            ev.n = 0;
            ev.oom = 0;
            process_record(&w, &rec, &ev);
            if (!apply(&r, &ev)) { stopped = 1; break; }
        }
        free(ev.buf);
        lua_remove(r.L, w.out);
    }
    if (r.progress) draw_progress(&r, 1);
    size_t bytes = in ? dp_input_bytes(in) : 0;
    dp_input_close(in);
    if (strcmp(r.format, "json") == 0 && !r.out_error)
        write_out(&r, r.written ? "\n]\n" : "[]\n", r.written ? 3 : 3);
    r.out_closed = 1;
    if (!r.out_error) write_frame(&r, "end_output");
    if (!stopped && !r.abandoned) finish(&r);
    flush_out(&r);
    int code = r.io_errors ? DP_EXIT_IO : r.failed ? DP_EXIT_FAILED : DP_EXIT_OK;
    if (interrupted) code = graver_exit(code, DP_EXIT_INTERRUPTED);
    if (r.out != stdout) {
        if (fclose(r.out) != 0 && !r.out_error) r.out_error = errno;
        if (r.tmp_path) {
            signal_tmp_path = NULL;  /* renamed or removed below: the handler leaves it */
            /* a run stopped by on_error: fail leaves the old file as it was */
            if (stopped) unlink(r.tmp_path);
            else if (!r.out_error && rename(r.tmp_path, r.final_path) != 0) r.out_error = errno;
            if (r.out_error) unlink(r.tmp_path);
        }
    }
    /* (a closed pipe is no error: the reader wanted no more) */
    int out_lost = r.out_error && r.out_error != EPIPE;
    /* after the output is in place or given up, so that it says what is there */
    if (r.abandoned) say_given_up(&r);  /* also with -q: that document is nowhere */
    if (interrupted && !o->quiet) {
        if (out_lost && r.tmp_path)
            fprintf(stderr, "docpipe: interrupted: %zu document(s) processed; %s was not written\n",
                    r.written, o->output);
        else if (out_lost)
            fprintf(stderr, "docpipe: interrupted: %zu document(s) processed, not all written\n",
                    r.written);
        else
            fprintf(stderr, "docpipe: interrupted: %zu document(s) written\n", r.written);
    }
    if (out_lost) {
        fprintf(stderr, "docpipe: cannot write %s: %s\n", o->output ? o->output : "the output",
                strerror(r.out_error));
        code = graver_exit(code, DP_EXIT_OUTPUT);
    }
    int errs_lost = 0;  /* the --errors file could not be written */
    if (r.errs && fclose(r.errs) != 0) {
        fprintf(stderr, "docpipe: cannot write %s: %s\n", o->errors, strerror(errno));
        code = graver_exit(code, DP_EXIT_OUTPUT);
        errs_lost = 1;
    }
    if (r.failed && !o->quiet) {
        /* what failed, by kind: documents in stages, records that are no
         * document (malformed, binary), inputs that could not be read */
        /* (a stage's finish that failed is no document's failure: said apart,
         * and the --errors file holds none of it) */
        size_t inputs = r.input_errors + r.io_errors + r.finish_errors;
        size_t docs = r.failed > inputs ? r.failed - inputs : 0;
        char what[200] = "";
        size_t k = 0;
        if (docs)
            k += (size_t)snprintf(what + k, sizeof what - k, "%zu document(s) failed", docs);
        if (r.finish_errors && k < sizeof what)
            k += (size_t)snprintf(what + k, sizeof what - k, "%s%zu stage finish step(s) failed", k ? ", " : "",
                                  r.finish_errors);
        if (r.input_errors && k < sizeof what)
            k += (size_t)snprintf(what + k, sizeof what - k, "%s%zu input record(s) or file(s) not a document",
                                  k ? ", " : "", r.input_errors);
        if (r.io_errors && k < sizeof what)
            snprintf(what + k, sizeof what - k, "%s%zu input(s) could not be read", k ? ", " : "",
                     r.io_errors);
        int recorded = o->errors && !errs_lost && (docs || r.input_errors || r.io_errors);
        fprintf(stderr, "docpipe: %s%s%s\n", what, recorded ? "; recorded in " : "",
                recorded ? o->errors : "");
    }
    if (r.warnings && !o->quiet)  /* the total, however many lines went by above */
        fprintf(stderr, "docpipe: %zu warning(s) in %zu document(s)\n", r.warnings, r.warned_docs);
    if (!write_stats(&r, bytes, now_seconds() - t0)) code = graver_exit(code, DP_EXIT_IO);
    lua_getfield(r.L, r.pipeline, "counts");
    lua_getfield(r.L, -1, "dropped");
    lua_Integer dropped = lua_tointeger(r.L, -1);
    lua_pop(r.L, 2);
    if (dropped > 0 && !o->quiet)
        fprintf(stderr, "docpipe: %lld document(s) dropped by stages\n", (long long)dropped);
    if (o->hadoop_counters) {  /* Hadoop Streaming reads these from stderr */
        fprintf(stderr, "reporter:counter:docpipe,documents_read,%zu\n", r.read);
        fprintf(stderr, "reporter:counter:docpipe,documents_written,%zu\n", r.written);
        /* the same counts as --stats: read every record seen, failed the
         * documents failed in stages, records and inputs that are no
         * document counted apart */
        lua_getfield(r.L, r.pipeline, "counts");
        lua_getfield(r.L, -1, "failed");
        lua_Integer stage_failed = lua_tointeger(r.L, -1);
        lua_pop(r.L, 2);
        fprintf(stderr, "reporter:counter:docpipe,documents_failed,%lld\n", (long long)stage_failed);
        fprintf(stderr, "reporter:counter:docpipe,input_errors,%zu\n", r.input_errors);
        fprintf(stderr, "reporter:counter:docpipe,io_errors,%zu\n", r.io_errors);
        fprintf(stderr, "reporter:counter:docpipe,documents_dropped,%lld\n", (long long)dropped);
        fprintf(stderr, "reporter:counter:docpipe,warnings,%zu\n", r.warnings);
        fprintf(stderr, "reporter:counter:docpipe,documents_warned,%zu\n", r.warned_docs);
    }
    if (stopped == 1 && !o->quiet)
        fprintf(stderr, "docpipe: the run stopped at the failed document (on_error: fail): "
                        "the input after it was not read%s%s%s\n",
                o->output ? "; " : "", o->output ? o->output : "", o->output ? " was not written" : "");
    if (grace_on) grace_stop(&r, grace);
    if (r.abandoned) {
        /* workers stuck inside a stage are still running: the process ends
         * here, without waiting for them (nothing of theirs is written) */
        fflush(stdout);
        fflush(stderr);
        _exit(code);
    }
    for (int i = 0, fd; i < 2; i++)
        if ((fd = signal_pipe[i]) >= 0) { signal_pipe[i] = -1; close(fd); }
    free(r.ends);
    free(r.tmp_path);
    free(r.final_path);
    dp_engine_close(r.L);
    return code;
}
