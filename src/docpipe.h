/*
 * docpipe.h: the public C interface of libdocpipe.
 *
 * docpipe runs pipelines of Lua stages (clean, sentences, quotes, summary,
 * and your own) over documents. This header is all an embedder needs:
 *
 *     dp_error err;
 *     dp_pipeline *p = dp_pipeline_open("news", &err);
 *     if (!p) { fprintf(stderr, "%s\n", err.message); return 1; }
 *     char *out;
 *     if (dp_pipeline_run_text(p, "page-1", text, len, &out, &err) == 0) {
 *         puts(out);      // a JSON array of the resulting documents (output.fields)
 *         free(out);
 *     }
 *     dp_pipeline_close(p);
 *
 * Ownership, once for every function: strings passed in are borrowed and
 * copied if kept; every char ** result is malloc'd and belongs to the
 * caller, who frees it with free(); a dp_pipeline belongs to the caller
 * until dp_pipeline_close. err may be NULL; when given it is always filled
 * (code 0 and message "" on success), and err->message stays valid until
 * the next call that receives the same err.
 *
 * Errors: functions returning int return 0 on success and the error code
 * otherwise; functions returning a pointer return NULL on failure.
 *
 * Threads: a dp_pipeline holds its own Lua state, so different pipelines
 * may run in different threads at once; one pipeline must not be used by
 * two threads at the same time. The only process-wide parts are the time
 * limit's watchdog (limits.time_ms): the first stage call starts one
 * detached thread and installs a handler for SIGURG, which the watchdog
 * sends to a thread whose stage call ran past its limit. A program that
 * uses SIGURG itself should not embed docpipe in the same process.
 *
 * Documents in and out are JSON objects in docpipe's document model
 * (README: "The document"): offsets in JSON are 0-based, end-exclusive code
 * point offsets into "text".
 */
#ifndef DOCPIPE_H
#define DOCPIPE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define DOCPIPE_VERSION "0.1.0"

/* Error codes (the same numbers as the command's exit codes). */
enum {
    DP_OK = 0,
    DP_ERR_STAGE = 1,   /* a stage failed on the document (on_error: fail) */
    DP_ERR_CONFIG = 2,  /* the pipeline does not load or validate, or bad arguments */
    DP_ERR_INPUT = 4,   /* the input document is not a JSON object with a "text" string */
    DP_ERR_MEMORY = 5   /* out of memory */
};

typedef struct dp_error {
    int code;             /* DP_OK or one of the codes above */
    const char *message;  /* what went wrong, "" when nothing did */
    char buf_[1024];      /* private storage for message */
} dp_error;

typedef struct dp_pipeline dp_pipeline;

/* The library's version, e.g. "0.1.0". */
const char *dp_version(void);

/* Opens a pipeline: a YAML file path, or a built-in name ("news", "clean",
 * "sentences", "quotes", "summary", "html", "rouge"). The lookup is the
 * command's: a file of that name, relative to the current folder, comes
 * before the built-in of the same name (a folder does not count), so a
 * program that means the built-in whatever folder it runs in writes
 * "builtin:news". Stages are loaded and their init run. Returns NULL on
 * failure with every validation error in err->message, one per line, as
 * FILE:LINE:COLUMN: message (the first line saying so when a file was read
 * in place of a built-in). */
dp_pipeline *dp_pipeline_open(const char *name_or_path, dp_error *err);

/* Sets option `option` of every stage named `stage` to a JSON value,
 * e.g. dp_pipeline_set_option(p, "summary", "sentences", "2", &err).
 * The value is validated like the pipeline file's `with:` options and the
 * stage's init runs again. 0 on success. */
int dp_pipeline_set_option(dp_pipeline *p, const char *stage, const char *option,
                           const char *json_value, dp_error *err);

/* Runs one document, given as a JSON object ({"id", "text", ...}) of len
 * bytes. *out receives a JSON array of the resulting documents (empty when
 * a stage dropped it; several when a stage split it; a document kept with
 * on_error: keep carries its "errors"). Each document is written as the
 * pipeline's output.fields say: only those fields, in that order, a field
 * the document lacks left out (every field when the pipeline names none,
 * as the built-in pipelines do); always as JSON objects, whatever
 * output.format says. Returns 0, or DP_ERR_INPUT (message: what is wrong
 * with the input, e.g. "invalid JSON at column C", C the first byte that
 * cannot be read, from 1), DP_ERR_STAGE (message: stage, document id,
 * error and traceback), DP_ERR_MEMORY; *out is NULL then. */
int dp_pipeline_run_json(dp_pipeline *p, const char *json, size_t len, char **out,
                         dp_error *err);

/* The same for a text held in memory: a document {"id": id, "text": text}
 * (text: len bytes of UTF-8; invalid bytes are replaced by U+FFFD). id may
 * be NULL ("doc"). The output as for dp_pipeline_run_json (output.fields). */
int dp_pipeline_run_text(dp_pipeline *p, const char *id, const char *text, size_t len,
                         char **out, dp_error *err);

/* Calls every stage's finish and returns their results as a JSON object
 * {stage: result} in *out ("{}" when none has one). 0 on success. */
int dp_pipeline_finish(dp_pipeline *p, char **out, dp_error *err);

/* Frees the pipeline and its Lua state. NULL is allowed. */
void dp_pipeline_close(dp_pipeline *p);

#ifdef __cplusplus
}
#endif

#endif
