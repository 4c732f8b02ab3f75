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
#include <sys/types.h>

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

/* A file the run will write, to be looked for among the documents of the
 * input folders: an existing regular file by device and inode (name NULL),
 * a file not made yet by the folder it will be made in and its name there
 * (a dangling link followed to its target). */
typedef struct dp_file_id {
    dev_t dev;
    ino_t ino;
    char *name;  /* malloc'd; NULL for an existing file */
} dp_file_id;

/* The path a symbolic link leads to when its target does not exist yet
 * (a dangling link), following links to links (a relative target taken
 * from the link's folder); a new string the caller frees, or NULL when
 * path is no link, on a loop (40 links), or when memory runs out. */
char *dp_link_target(const char *path);

/* Fills *id for path; 0 when there is nothing to look for (a device, a
 * FIFO, a folder, or a new file whose folder does not exist). */
int dp_file_id_of(const char *path, dp_file_id *id);

/* Walks the folders among paths with the rules of the reader (hidden
 * entries skipped, documents by their extension, links followed, each
 * folder once) without reading a file, and returns the index of the first
 * of ids[] that is one of their documents, or would be one once made (its
 * folder is walked and its name is a document's); *folder is the input
 * folder it is in. -1 when none is. */
long dp_input_would_read(const char *const *paths, size_t n, const dp_file_id *ids, size_t nids,
                         const char **folder);

#endif
