/*
 * dp_input.h: walks the inputs of a run and yields raw records (plain C).
 *
 * An input is a file, a folder (walked recursively, entries in bytewise
 * sorted order, hidden entries skipped, only files ending in .txt, .text,
 * .jsonl or .ndjson read) or "-" for standard input. A
 * `.jsonl` file yields one record per non-blank line; any other file is one
 * text record. For standard input the format is detected from the first
 * non-blank byte ('{' means JSON Lines) unless forced. Records are read
 * incrementally: a JSON Lines stream is never held whole in memory.
 */
#ifndef DP_INPUT_H
#define DP_INPUT_H

#include <stddef.h>

typedef enum { DP_FMT_AUTO, DP_FMT_TEXT, DP_FMT_JSONL } dp_input_format;

typedef enum {
    DP_REC_TEXT,   /* data is a whole text document */
    DP_REC_JSONL,  /* data is one JSON Lines line */
    DP_REC_ERROR,  /* the input could not be read: data is the message */
    DP_REC_BAD     /* the input was read but holds no document docpipe can read
                    * (JSON Lines in UTF-16): data is the message */
} dp_record_kind;

typedef struct dp_record {
    dp_record_kind kind;
    const char *source;  /* the path, or "-" for stdin */
    const char *name;    /* the file name without folder and extension ("stdin") */
    size_t line;         /* 1-based line number (JSONL), else 0 */
    int unterminated;    /* JSONL: the line is the input's last and no newline ends it */
    char *data;          /* the bytes, NUL-terminated; owned by the reader */
    size_t len;
} dp_record;

typedef struct dp_input dp_input;

/* paths: the inputs as given (none means stdin). Copies what it keeps. */
dp_input *dp_input_open(const char *const *paths, size_t n, dp_input_format fmt);

/* Next record: 1 and fills *rec (valid until the next call), 0 at the end. */
int dp_input_next(dp_input *in, dp_record *rec);

/* Bytes read so far (for statistics). */
size_t dp_input_bytes(const dp_input *in);

/* 1 when the next record of the open stream is not at hand: nothing is
 * buffered and the descriptor has no data ready (a pipe or terminal
 * waiting for its writer), so reading it would block; 0 otherwise, also
 * for regular files and where the C library's buffer cannot be looked at.
 * The runner hands out what it has and flushes its output then. */
int dp_input_would_block(const dp_input *in);

/* fd: a descriptor that becomes readable when reading should stop (the
 * read end of a signal handler's self-pipe). From then on a pipe, FIFO,
 * terminal or device (stdin, or named) is read through a stream that
 * waits on both, and the input ends when fd is readable:
 * dp_input_next returns 0 and dp_input_cancelled 1. Regular files are
 * read as before. */
void dp_input_set_cancel(dp_input *in, int fd);
int dp_input_cancelled(const dp_input *in);

void dp_input_close(dp_input *in);

#endif
