/*
 * dp_run.h: `docpipe run`: reads the inputs, runs every document through
 * the pipeline and writes the results.
 *
 * Exit codes (also in the README):
 *   0  every document went through (also when the output pipe was closed
 *      early: the reader wanted no more)
 *   1  some documents failed (a stage error, an unreadable or binary
 *      input, a malformed JSON Lines record); see stderr or --errors
 *   2  usage or configuration error (bad arguments, pipeline errors)
 *   3  I/O error: an input could not be read (missing, unreadable,
 *      vanished), or the output could not be written (disk full, bad path)
 *   130  interrupted by SIGINT or SIGTERM: the document in flight was
 *        finished, the output flushed (and -o FILE put in place)
 */
#ifndef DP_RUN_H
#define DP_RUN_H

#include "dp_input.h"

#include <stddef.h>

enum {
    DP_EXIT_OK = 0,
    DP_EXIT_FAILED = 1,
    DP_EXIT_USAGE = 2,
    DP_EXIT_OUTPUT = 3,
    DP_EXIT_IO = 3,
    DP_EXIT_INTERRUPTED = 130
};

typedef struct dp_run_opts {
    const char *pipeline;          /* YAML path or built-in name */
    const char *const *inputs;     /* files, folders, "-" */
    size_t ninputs;
    const char *format;            /* NULL: the pipeline's output.format */
    const char *output;            /* NULL or "-": standard output */
    const char *errors;            /* NULL: report failures on stderr only */
    dp_input_format input_format;
    int quiet;
    int stats;                     /* --stats: a table on stderr at the end */
    int jobs;                      /* -j N: worker threads (1: none) */
    int shard_index, shard_count;  /* --shard I/N: records k with k % N == I - 1 */
    int hadoop_counters;           /* --hadoop-counters: counter lines on stderr */
    const char *stats_json;        /* --stats-json FILE */
} dp_run_opts;

/* Runs the pipeline; returns an exit code. */
int dp_run(const dp_run_opts *o);

#endif
