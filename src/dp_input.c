/*
 * dp_input.c: expands folders into sorted file lists and reads records
 * from files and standard input (see dp_input.h).
 */
#define _GNU_SOURCE
#include "dp_input.h"
#include "dp_stderr.h"

#include <dirent.h>
#include <strings.h>
#include <poll.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FILE_BUF (1 << 16)  /* stdio buffer of an input file */

struct dp_input {
    char **queue;        /* paths still to read, in order */
    size_t nqueue, head, capqueue;
    dp_input_format fmt;
    FILE *cur;           /* open JSONL stream, or NULL */
    char *cur_path, *cur_name;
    size_t cur_line;
    char *buf;           /* the last record's bytes */
    size_t bufcap;
    size_t bytes;
    char *fbuf;             /* stdio buffer of the open file (one at a time) */
    char *gbuf;             /* getdelim's line buffer */
    size_t gcap;
    unsigned char *back;    /* bytes read ahead (format detection), read again first */
    size_t nback, backpos, capback;
    struct { dev_t dev; ino_t ino; } *seen;  /* folders walked, against link loops */
    size_t nseen, capseen;
    /* a folder named as an input, while it is walked: its path, the queue
     * entries after it (the walk ends when only those are left) and whether
     * it gave anything (a record, or an error) */
    char *walk;
    size_t walk_rest;
    int walk_found;
    int cur_named;          /* the open JSON Lines file was named as an input */
    size_t cur_records;     /* records the open JSON Lines file gave */
    char errmsg[512];
    /* dp_input_set_cancel: a pipe, FIFO or terminal is read through a stream
     * that waits on the descriptor and on cancel_fd at once, so a signal
     * (which makes cancel_fd readable) ends a read that waits for a writer */
    int cancel_fd;          /* -1: none */
    int cancelled;          /* a read was cut short: the input ends here */
    FILE *std_in;           /* stdin, read that way (made once) */
    int cur_fd;             /* the descriptor under in->cur */
};

/* The cancellable stream over fd: reads wait for fd or cancel_fd. */
typedef struct { dp_input *in; int fd, owned; } cancel_stream;

static ssize_t cancel_read(void *c, char *buf, size_t n) {
    cancel_stream *cs = c;
    for (;;) {
        struct pollfd p[2] = { { cs->fd, POLLIN, 0 }, { cs->in->cancel_fd, POLLIN, 0 } };
        if (poll(p, 2, -1) < 0) {
            if (errno == EINTR) continue;  /* the signal's byte is seen next time */
            return -1;
        }
        if (p[1].revents) {
            cs->in->cancelled = 1;
            errno = EINTR;
            return -1;
        }
        ssize_t k = read(cs->fd, buf, n);
        if (k < 0 && errno == EINTR) continue;
        return k;
    }
}

static int cancel_close(void *c) {
    cancel_stream *cs = c;
    int r = cs->owned ? close(cs->fd) : 0;
    free(cs);
    return r;
}

static FILE *cancel_open(dp_input *in, int fd, int owned) {
    cancel_stream *cs = malloc(sizeof *cs);
    if (!cs) return NULL;
    cs->in = in;
    cs->fd = fd;
    cs->owned = owned;
    cookie_io_functions_t io = { cancel_read, NULL, NULL, cancel_close };
    FILE *f = fopencookie(cs, "rb", io);
    if (!f) free(cs);
    return f;
}

void dp_input_set_cancel(dp_input *in, int fd) {
    if (in) in->cancel_fd = fd;
}

int dp_input_cancelled(const dp_input *in) { return in && in->cancelled; }

static int push_path(dp_input *in, const char *path) {
    if (in->nqueue == in->capqueue) {
        size_t nc = in->capqueue ? in->capqueue * 2 : 16;
        char **nq = realloc(in->queue, nc * sizeof *nq);
        if (!nq) return 0;
        in->queue = nq;
        in->capqueue = nc;
    }
    in->queue[in->nqueue] = strdup(path);
    if (!in->queue[in->nqueue]) return 0;
    in->nqueue++;
    return 1;
}

static int name_cmp(const struct dirent **a, const struct dirent **b) {
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int not_hidden(const struct dirent *d) { return d->d_name[0] != '.'; }

static int ends_with(const char *s, const char *suffix);

/* A FIFO, socket or device with a document's name inside a folder is not
 * read (a FIFO would wait for its writer, perhaps for ever; a device may
 * never end) but said so on stderr, naming it: a warning, the exit code
 * stays 0. Named on the command line, it is read. */
static void skip_special(const char *dir, const char *name, const char *what) {
    dp_stderr_printf("docpipe: %s%s%s: warning: %s, not a regular file: skipped (inside a folder "
                     "only regular files are read; name it on the command line to read it)\n",
                     dir, dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/", name, what);
}

static const char *special_kind(mode_t m) {
    if (S_ISFIFO(m)) return "a FIFO";
    if (S_ISSOCK(m)) return "a socket";
    if (S_ISCHR(m)) return "a character device";
    if (S_ISBLK(m)) return "a block device";
    return "not a regular file";
}

/* Inside a folder only documents are read: sub-folders and files ending in
 * .txt, .text, .jsonl or .ndjson (a file named on the command line is
 * always read). */
static int is_doc_name(const char *name) {
    static const char *const exts[] = { ".txt", ".text", ".jsonl", ".ndjson", ".html", ".htm",
                                        NULL };
    for (int i = 0; exts[i]; i++)
        if (ends_with(name, exts[i])) return 1;
    return 0;
}

static int wanted(const char *dir, const struct dirent *d) {
    int doc = is_doc_name(d->d_name);
    if (d->d_type == DT_DIR) return 1;
    if (d->d_type == DT_REG) return doc;
    if (d->d_type != DT_UNKNOWN && d->d_type != DT_LNK) {  /* FIFOs, devices, sockets */
        if (doc)
            skip_special(dir, d->d_name, d->d_type == DT_FIFO ? "a FIFO"
                                         : d->d_type == DT_SOCK ? "a socket"
                                         : d->d_type == DT_CHR  ? "a character device"
                                         : d->d_type == DT_BLK  ? "a block device"
                                                                : "not a regular file");
        return 0;
    }
    char path[4096];
    struct stat st;
    snprintf(path, sizeof path, "%s/%s", dir, d->d_name);
    if (stat(path, &st) != 0) return doc;  /* a dangling link: reported when read */
    if (doc && !S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))
        skip_special(dir, d->d_name, special_kind(st.st_mode));
    return S_ISDIR(st.st_mode) || (S_ISREG(st.st_mode) && doc);
}

/* 1 when the folder was walked before (a link loop or a second way in);
 * otherwise remembers it. */
static int seen_before(dp_input *in, const char *dir) {
    struct stat st;
    if (stat(dir, &st) != 0) return 0;
    for (size_t i = 0; i < in->nseen; i++)
        if (in->seen[i].dev == st.st_dev && in->seen[i].ino == st.st_ino) return 1;
    if (in->nseen == in->capseen) {
        size_t nc = in->capseen ? in->capseen * 2 : 16;
        void *ns = realloc(in->seen, nc * sizeof *in->seen);
        if (!ns) return 0;
        in->seen = ns;
        in->capseen = nc;
    }
    in->seen[in->nseen].dev = st.st_dev;
    in->seen[in->nseen].ino = st.st_ino;
    in->nseen++;
    return 0;
}

/* Insert the sorted contents of folder dir at the head of the queue.
 * Returns 0 (errno set) when the folder cannot be read. A folder walked
 * before is skipped. */
static int expand_dir(dp_input *in, const char *dir) {
    if (seen_before(in, dir)) return 1;
    struct dirent **list;
    int n = scandir(dir, &list, not_hidden, name_cmp);
    if (n < 0) return 0;
    char **found = calloc((size_t)n + 1, sizeof *found);
    size_t k = 0;
    for (int i = 0; i < n; i++) {
        if (found && wanted(dir, list[i])) {
            size_t len = strlen(dir) + strlen(list[i]->d_name) + 2;
            found[k] = malloc(len);
            if (found[k]) {
                snprintf(found[k], len, "%s%s%s", dir,
                         dir[strlen(dir) - 1] == '/' ? "" : "/", list[i]->d_name);
                k++;
            }
        }
        free(list[i]);
    }
    free(list);
    if (!found) return 1;
    /* splice found[0..k) in at in->head */
    size_t rest = in->nqueue - in->head;
    if (in->nqueue + k > in->capqueue) {
        size_t nc = in->capqueue ? in->capqueue : 16;
        while (nc < in->nqueue + k) nc *= 2;
        char **nq = realloc(in->queue, nc * sizeof *nq);
        if (!nq) { for (size_t i = 0; i < k; i++) free(found[i]); free(found); return 1; }
        in->queue = nq;
        in->capqueue = nc;
    }
    memmove(in->queue + in->head + k, in->queue + in->head, rest * sizeof *in->queue);
    memcpy(in->queue + in->head, found, k * sizeof *found);
    in->nqueue += k;
    free(found);
    return 1;
}

dp_input *dp_input_open(const char *const *paths, size_t n, dp_input_format fmt) {
    dp_input *in = calloc(1, sizeof *in);
    if (!in) return NULL;
    in->cancel_fd = -1;
    in->fmt = fmt;
    if (n == 0 && !push_path(in, "-")) { dp_input_close(in); return NULL; }
    for (size_t i = 0; i < n; i++)
        if (!push_path(in, paths[i])) { dp_input_close(in); return NULL; }
    return in;
}

/* s ends with suffix, ASCII case ignored: "PAGE.TXT" and "Feed.JSONL" are
 * documents too (files copied from other systems) */
static int ends_with(const char *s, const char *suffix) {
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcasecmp(s + a - b, suffix) == 0;
}

/* "dir/name.ext" -> "name" (malloc'd) */
static char *base_name(const char *path) {
    if (strcmp(path, "-") == 0) return strdup("stdin");
    const char *slash = strrchr(path, '/');
    const char *b = slash ? slash + 1 : path;
    char *out = strdup(b);
    if (!out) return NULL;
    char *dot = strrchr(out, '.');
    if (dot && dot != out) *dot = '\0';
    return out;
}

static int reserve(dp_input *in, size_t need) {
    if (need <= in->bufcap) return 1;
    size_t nc = in->bufcap ? in->bufcap : 65536;
    while (nc < need) nc *= 2;
    char *nb = realloc(in->buf, nc);
    if (!nb) return 0;
    in->buf = nb;
    in->bufcap = nc;
    return 1;
}

/* Read all of f into in->buf. */
static int slurp(dp_input *in, FILE *f, size_t *len) {
    size_t n = 0;
    if (in->backpos < in->nback) {
        n = in->nback - in->backpos;
        if (!reserve(in, n + 1)) return 0;
        memcpy(in->buf, in->back + in->backpos, n);
        in->backpos = in->nback;
    }
    for (;;) {
        if (!reserve(in, n + 65536 + 1)) return 0;
        size_t k = fread(in->buf + n, 1, in->bufcap - n - 1, f);
        n += k;
        if (k == 0) break;
    }
    if (ferror(f)) return 0;
    in->buf[n] = '\0';
    *len = n;
    in->bytes += n;
    return 1;
}

/* Keep byte c read ahead; 0 when memory runs out. */
static int keep_back(dp_input *in, int c) {
    if (in->nback == in->capback) {
        size_t nc = in->capback ? in->capback * 2 : 64;
        unsigned char *nb = realloc(in->back, nc);
        if (!nb) return 0;
        in->back = nb;
        in->capback = nc;
    }
    in->back[in->nback++] = (unsigned char)c;
    return 1;
}

static void close_cur(dp_input *in) {
    if (in->cur && in->cur != stdin && in->cur != in->std_in) fclose(in->cur);
    in->cur = NULL;
    free(in->cur_path);
    free(in->cur_name);
    in->cur_path = in->cur_name = NULL;
}

/* Next line of the open JSONL stream; 0 at its end. */
static int next_line(dp_input *in, dp_record *rec) {
    for (;;) {
        size_t n = 0;
        int nl = 0;
        /* which buffer holds the line: a flag, not a pointer compared, as both
         * may still be NULL (a blank first line read ahead for detection) */
        int in_gbuf = 0;
        char *line;
        /* bytes read ahead (format detection) first */
        while (in->backpos < in->nback) {
            int c = in->back[in->backpos++];
            if (c == '\n') { nl = 1; break; }
            if (!reserve(in, n + 2)) return 0;
            in->buf[n++] = (char)c;
        }
        if (!nl) {
            /* getdelim keeps NUL bytes and grows one buffer, so one huge
             * line costs one buffer */
            ssize_t k = getdelim(&in->gbuf, &in->gcap, '\n', in->cur);
            if (in->cancelled) return 0;  /* a line cut short by the signal: not read */
            if (k < 0) {
                if (n == 0) return 0;  /* the end (or an error: see ferror) */
            } else {
                size_t m = (size_t)k;
                if (m > 0 && in->gbuf[m - 1] == '\n') { nl = 1; m--; }
                if (n == 0) {
                    in_gbuf = 1;
                    n = m;
                } else {
                    if (!reserve(in, n + m + 1)) return 0;
                    memcpy(in->buf + n, in->gbuf, m);
                    n += m;
                }
            }
        }
        if (!in_gbuf && !reserve(in, n + 1)) return 0;
        line = in_gbuf ? in->gbuf : in->buf;
        line[n] = '\0';
        in->bytes += n + (size_t)nl;
        in->cur_line++;
        size_t i = 0;
        while (i < n && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) i++;
        if (i == n) continue;  /* blank line */
        in->cur_records++;
        rec->kind = DP_REC_JSONL;
        rec->source = in->cur_path;
        rec->name = in->cur_name;
        rec->line = in->cur_line;
        rec->unterminated = !nl;
        rec->data = line;
        rec->len = n;
        return 1;
    }
}

static int error_record(dp_input *in, dp_record *rec, const char *path, const char *what) {
    snprintf(in->errmsg, sizeof in->errmsg, "%s: %s", path, what);
    char *copy = strdup(path);
    free(in->cur_path);
    free(in->cur_name);
    in->cur_path = copy;
    in->cur_name = NULL;
    rec->kind = DP_REC_ERROR;
    rec->source = in->cur_path;
    rec->name = in->cur_path;
    rec->line = 0;
    rec->unterminated = 0;
    rec->data = in->errmsg;
    rec->len = strlen(in->errmsg);
    return 1;
}

/* An input that was read but is no document docpipe reads: its message. */
static int bad_record(dp_input *in, dp_record *rec, const char *path, const char *what) {
    int r = error_record(in, rec, path, what);
    rec->kind = DP_REC_BAD;
    return r;
}

/* A JSON Lines stream in UTF-16: its first bytes are a UTF-16 byte order
 * mark, or ASCII with NUL bytes between (UTF-16 without a mark). The bytes
 * looked at (at most 4, not past a newline) are kept and read again. Returns
 * the message, or NULL. */
static const char *utf16_jsonl(dp_input *in, FILE *f) {
    unsigned char b[4];
    size_t n = 0;
    if (in->backpos == in->nback) in->backpos = in->nback = 0;
    /* bytes already read ahead (standard input's format detection) first */
    for (size_t i = in->backpos; i < in->nback && n < 4; i++) {
        b[n++] = in->back[i];
        if (in->back[i] == '\n') break;
    }
    while (n < 4 && (n == 0 || b[n - 1] != '\n')) {
        int c = getc(f);
        if (c == EOF) break;
        if (!keep_back(in, c)) break;
        b[n++] = (unsigned char)c;
    }
    if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
        return "JSON Lines in UTF-16 (byte order mark); save it as UTF-8";
    if (n == 4 && ((b[0] > 0 && b[0] < 0x80 && b[1] == 0 && b[2] > 0 && b[2] < 0x80 && b[3] == 0) ||
                   (b[0] == 0 && b[1] > 0 && b[1] < 0x80 && b[2] == 0 && b[3] > 0 && b[3] < 0x80)))
        return "JSON Lines in UTF-16 (NUL bytes between ASCII characters); save it as UTF-8";
    return NULL;
}

/* The target a dangling symbolic link will be made as (see dp_input.h):
 * for the folder check here and the output's final path in dp_run.c. */
char *dp_link_target(const char *path) {
    char *cur = strdup(path);
    for (int hops = 0; cur && hops < 40; hops++) {
        struct stat st;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode)) {
            if (hops > 0) return cur;
            free(cur);
            return NULL;
        }
        char buf[4096];
        ssize_t n = readlink(cur, buf, sizeof buf - 1);
        if (n <= 0) break;
        buf[n] = '\0';
        const char *slash = strrchr(cur, '/');
        size_t dir = buf[0] == '/' || !slash ? 0 : (size_t)(slash - cur) + 1;
        char *next = malloc(dir + (size_t)n + 1);
        if (!next) break;
        memcpy(next, cur, dir);
        memcpy(next + dir, buf, (size_t)n + 1);
        free(cur);
        cur = next;
    }
    free(cur);
    return NULL;
}

/* The end of a walk of a folder named as an input: one that gave nothing
 * (no document file in it or below it, or only empty ones) is said so on
 * stderr, instead of a run that reads nothing in silence. A warning: the
 * exit code stays 0. */
static void end_walk(dp_input *in) {
    if (!in->walk || in->cur || in->nqueue - in->head != in->walk_rest) return;
    if (!in->walk_found)
        dp_stderr_printf("docpipe: %s: warning: no documents in this folder (in a folder only "
                         ".txt, .text, .jsonl, .ndjson, .html and .htm files are read)\n",
                         in->walk);
    free(in->walk);
    in->walk = NULL;
}

static int next_record(dp_input *in, dp_record *rec);

int dp_input_next(dp_input *in, dp_record *rec) {
    int r = next_record(in, rec);
    if (r && in->walk) in->walk_found = 1;
    return r;
}

static int next_record(dp_input *in, dp_record *rec) {
    for (;;) {
        if (in->cur) {
            if (next_line(in, rec)) return 1;
            int bad = ferror(in->cur);
            /* a JSON Lines file named as an input that gave no record: said so,
             * as an empty text file is (inside a folder, the folder's own
             * warning covers it) */
            if (in->cancelled) return 0;  /* cut short by a signal: the input ends here */
            if (!bad && in->cur_named && in->cur_records == 0 && in->cur != stdin &&
                in->cur != in->std_in)
                dp_stderr_printf("docpipe: %s: warning: no records in this JSON Lines file "
                                 "(empty, or blank lines only)\n", in->cur_path);
            char *path = in->cur_path ? strdup(in->cur_path) : NULL;
            close_cur(in);
            if (bad) {
                int r = error_record(in, rec, path ? path : "?", strerror(errno));
                free(path);
                return r;
            }
            free(path);
        }
        end_walk(in);
        if (in->head >= in->nqueue) return 0;
        char *path = in->queue[in->head++];
        int is_stdin = strcmp(path, "-") == 0;
        struct stat st;
        if (!is_stdin) {
            if (stat(path, &st) != 0) {
                int r = error_record(in, rec, path, strerror(errno));
                free(path);
                return r;
            }
            if (S_ISDIR(st.st_mode)) {
                size_t rest = in->nqueue - in->head, seen = in->nseen;
                if (!expand_dir(in, path)) {
                    int r = error_record(in, rec, path, strerror(errno));
                    free(path);
                    return r;
                }
                /* a folder named as an input, walked for the first time */
                if (!in->walk && in->nseen > seen) {
                    in->walk = path;
                    in->walk_rest = rest;
                    in->walk_found = 0;
                    continue;
                }
                free(path);
                continue;
            }
            /* named on the command line: a FIFO or a device is read as a stream */
        }
        FILE *f = is_stdin ? stdin : fopen(path, "rb");
        int fd = is_stdin ? 0 : f ? fileno(f) : -1;
        if (in->cancel_fd >= 0 && is_stdin) {
            static char std_in_buf[FILE_BUF];  /* (one dp_input reads stdin at a time) */
            if (!in->std_in && (in->std_in = cancel_open(in, 0, 0)) != NULL)
                setvbuf(in->std_in, std_in_buf, _IOFBF, sizeof std_in_buf);
            if (in->std_in) f = in->std_in;
        } else if (in->cancel_fd >= 0 && f && fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) {
            /* a FIFO or device named on the command line: may wait too */
            int fd2 = dup(fd);
            FILE *g = fd2 >= 0 ? cancel_open(in, fd2, 1) : NULL;
            if (g) { fclose(f); f = g; fd = fd2; }
            else if (fd2 >= 0) close(fd2);
        }
        in->cur_fd = fd;
        /* a 64 KiB buffer: glibc's default is 4 KiB, a read system call per
         * 4 KiB (setvbuf with a NULL buffer keeps that size). Files are read
         * one at a time, so one buffer serves them all; stdin, never closed,
         * gets a static one before its first read. */
        if (f == stdin) {
            static char stdin_buf[FILE_BUF];
            static int stdin_buffered;
            if (!stdin_buffered) {
                stdin_buffered = 1;
                setvbuf(f, stdin_buf, _IOFBF, sizeof stdin_buf);
            }
        } else if (f && f != in->std_in) {
            if (!in->fbuf) in->fbuf = malloc(FILE_BUF);
            if (in->fbuf) setvbuf(f, in->fbuf, _IOFBF, FILE_BUF);
        }
        if (!f) {
            int r = error_record(in, rec, path, strerror(errno));
            free(path);
            return r;
        }
        dp_input_format fmt = in->fmt;
        if (fmt == DP_FMT_AUTO) {
            if (is_stdin) {
                /* the first byte after white space and a BOM decides; every
                 * byte read here is kept and read again by the reader */
                int c, bom = 0;
                size_t k = 0;
                while ((c = getc(f)) != EOF) {
                    if (!keep_back(in, c)) break;
                    k++;
                    if (c == 0xEF && k <= 3 && bom == 0) { bom = 1; continue; }
                    if (bom == 1 && (c == 0xBB || c == 0xBF) && k <= 3) continue;
                    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') continue;
                    break;
                }
                fmt = c == '{' ? DP_FMT_JSONL : DP_FMT_TEXT;
            } else {
                fmt = ends_with(path, ".jsonl") || ends_with(path, ".ndjson") ? DP_FMT_JSONL
                                                                              : DP_FMT_TEXT;
            }
        }
        free(in->cur_path);
        free(in->cur_name);
        in->cur_path = strdup(path);
        in->cur_name = base_name(path);
        in->cur_line = 0;
        free(path);
        if (fmt == DP_FMT_JSONL) {
            in->cur = f;
            in->cur_named = !in->walk;
            in->cur_records = 0;
            const char *u16 = utf16_jsonl(in, f);
            if (u16) {
                /* said once for the file, not as invalid JSON on every line */
                char *p2 = strdup(in->cur_path);
                close_cur(in);
                in->backpos = in->nback = 0;  /* the bytes looked at go with it */
                int r = bad_record(in, rec, p2 ? p2 : "?", u16);
                free(p2);
                return r;
            }
            continue;
        }
        size_t len;
        int ok = slurp(in, f, &len);
        int err = errno;
        if (f != stdin && f != in->std_in) fclose(f);
        if (in->cancelled) return 0;  /* cut short by a signal: not a document */
        if (!ok) return error_record(in, rec, in->cur_path, strerror(err));
        rec->kind = DP_REC_TEXT;
        rec->source = in->cur_path;
        rec->name = in->cur_name;
        rec->line = 0;
        rec->unterminated = 0;
        rec->data = in->buf;
        rec->len = len;
        return 1;
    }
}

size_t dp_input_bytes(const dp_input *in) { return in->bytes; }

int dp_file_id_of(const char *path, dp_file_id *id) {
    struct stat st;
    memset(id, 0, sizeof *id);
    if (stat(path, &st) == 0) {
        if (!S_ISREG(st.st_mode)) return 0;  /* a device, a FIFO, a folder: never a document */
        id->dev = st.st_dev;
        id->ino = st.st_ino;
        return 1;
    }
    /* not made yet: follow a dangling link to the name it will be made as */
    char *cur = dp_link_target(path);
    if (!cur) cur = strdup(path);
    if (!cur) return 0;
    char *slash = strrchr(cur, '/');
    const char *base = slash ? slash + 1 : cur;
    if (slash) *slash = '\0';
    int ok = *base && stat(slash ? (slash == cur ? "/" : cur) : ".", &st) == 0 && S_ISDIR(st.st_mode);
    if (ok) {
        id->dev = st.st_dev;
        id->ino = st.st_ino;
        id->name = strdup(base);
        ok = id->name != NULL;
    }
    free(cur);
    return ok;
}

/* The walk of dp_input_would_read: the folders already walked, the files
 * looked for and the first found. */
typedef struct probe {
    const dp_file_id *ids;
    size_t nids;
    struct { dev_t dev; ino_t ino; } *seen;
    size_t nseen, capseen;
    long hit;
} probe;

static void probe_dir(probe *p, const char *dir, int depth) {
    struct stat ds;
    if (p->hit >= 0 || depth > 256 || stat(dir, &ds) != 0 || !S_ISDIR(ds.st_mode)) return;
    for (size_t i = 0; i < p->nseen; i++)
        if (p->seen[i].dev == ds.st_dev && p->seen[i].ino == ds.st_ino) return;
    if (p->nseen == p->capseen) {
        size_t nc = p->capseen ? p->capseen * 2 : 16;
        void *ns = realloc(p->seen, nc * sizeof *p->seen);
        if (!ns) return;
        p->seen = ns;
        p->capseen = nc;
    }
    p->seen[p->nseen].dev = ds.st_dev;
    p->seen[p->nseen].ino = ds.st_ino;
    p->nseen++;
    /* a file to be made in this folder under a name the walk takes */
    for (size_t i = 0; i < p->nids && p->hit < 0; i++)
        if (p->ids[i].name && p->ids[i].dev == ds.st_dev && p->ids[i].ino == ds.st_ino &&
            p->ids[i].name[0] != '.' && is_doc_name(p->ids[i].name))
            p->hit = (long)i;
    struct dirent **list;
    int n = p->hit < 0 ? scandir(dir, &list, not_hidden, name_cmp) : -1;
    for (int k = 0; k < n; k++) {
        const struct dirent *d = list[k];
        char path[4096];
        snprintf(path, sizeof path, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", d->d_name);
        int doc = is_doc_name(d->d_name);
        struct stat st;
        if (p->hit >= 0) {
        } else if (d->d_type == DT_DIR) {
            probe_dir(p, path, depth + 1);
        } else if (d->d_type == DT_REG) {
            for (size_t i = 0; doc && i < p->nids && p->hit < 0; i++)
                if (!p->ids[i].name && p->ids[i].ino == d->d_ino && stat(path, &st) == 0 &&
                    st.st_dev == p->ids[i].dev && st.st_ino == p->ids[i].ino)
                    p->hit = (long)i;
        } else if (d->d_type == DT_LNK || d->d_type == DT_UNKNOWN) {
            if (stat(path, &st) == 0) {
                if (S_ISDIR(st.st_mode)) probe_dir(p, path, depth + 1);
                for (size_t i = 0; doc && S_ISREG(st.st_mode) && i < p->nids && p->hit < 0; i++)
                    if (!p->ids[i].name && st.st_dev == p->ids[i].dev && st.st_ino == p->ids[i].ino)
                        p->hit = (long)i;
            } else if (doc) {  /* a dangling link: read once its target is made */
                dp_file_id t;
                if (dp_file_id_of(path, &t) && t.name)
                    for (size_t i = 0; i < p->nids && p->hit < 0; i++)
                        if (p->ids[i].name && t.dev == p->ids[i].dev && t.ino == p->ids[i].ino &&
                            strcmp(t.name, p->ids[i].name) == 0)
                            p->hit = (long)i;
                free(t.name);
            }
        }
        free(list[k]);
    }
    if (n >= 0) free(list);
}

long dp_input_would_read(const char *const *paths, size_t n, const dp_file_id *ids, size_t nids,
                         const char **folder) {
    probe p;
    memset(&p, 0, sizeof p);
    p.ids = ids;
    p.nids = nids;
    p.hit = -1;
    for (size_t i = 0; i < n && p.hit < 0; i++) {
        struct stat st;
        if (strcmp(paths[i], "-") == 0 || stat(paths[i], &st) != 0 || !S_ISDIR(st.st_mode)) continue;
        probe_dir(&p, paths[i], 0);
        if (p.hit >= 0 && folder) *folder = paths[i];
    }
    free(p.seen);
    return p.hit;
}

int dp_input_would_block(const dp_input *in) {
    FILE *f = in->cur;
    if (!f || in->backpos < in->nback) return 0;
#ifdef __GLIBC__
    if (f->_IO_read_ptr < f->_IO_read_end) return 0;  /* bytes in stdio's buffer */
    struct pollfd p = { in->cur_fd, POLLIN, 0 };
    return poll(&p, 1, 0) == 0;
#else
    return 0;  /* the buffer cannot be looked at: never said to block */
#endif
}

void dp_input_close(dp_input *in) {
    if (!in) return;
    close_cur(in);
    if (in->std_in) fclose(in->std_in);
    for (size_t i = in->head; i < in->nqueue; i++) free(in->queue[i]);
    free(in->queue);
    free(in->buf);
    free(in->back);
    free(in->gbuf);
    free(in->fbuf);
    free(in->seen);
    free(in->walk);
    free(in);
}
