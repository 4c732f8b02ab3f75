/*
 * dp_stderr.c: standard error shared by the progress line and the messages
 * (see dp_stderr.h).
 */
#define _GNU_SOURCE  /* fopencookie */
#include "dp_stderr.h"
#include "dp_utf8.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int shown;  /* a progress line is on the terminal, no newline after it */
static FILE *raw;  /* the real standard error once the filter is installed, else NULL */

/* Where the progress line's own control sequences go: around the filter. */
static FILE *term(void) { return raw ? raw : stderr; }

size_t dp_stderr_clean(const char *s, size_t n, char *out, size_t *used) {
    size_t i = 0, o = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) { out[o++] = (char)c; i++; continue; }
        if (c == '\n' || c == '\t') { out[o++] = (char)c; i++; continue; }
        if (c < 0x80) { out[o++] = ' '; i++; continue; }  /* ESC, CR, BS, DEL, ... */
        uint32_t cp;
        size_t k = dp_utf8_decode(s + i, n - i, &cp);
        if (k == 0 && used && n - i < 4) {
            /* perhaps a sequence cut by the end of this write: left for the next */
            size_t want = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 1;
            int prefix = want > n - i;
            for (size_t j = 1; prefix && j < n - i; j++)
                if (((unsigned char)s[i + j] & 0xC0) != 0x80) prefix = 0;
            if (prefix) break;
        }
        if (k == 0) { memcpy(out + o, "\xEF\xBF\xBD", 3); o += 3; i++; continue; }
        if (cp >= 0x80 && cp < 0xA0) { out[o++] = ' '; i += k; continue; }  /* C1: CSI */
        memcpy(out + o, s + i, k);
        o += k;
        i += k;
    }
    if (used) *used = i;
    return o;
}

/* The filter between every writer of stderr and the terminal: a sequence
 * cut between two writes waits in carry for the rest. */
static char carry[4];
static size_t ncarry;

static ssize_t filter_write(void *cookie, const char *s, size_t n) {
    (void)cookie;
    size_t done = 0;
    while (done < n) {
        char in[4096 + 4], buf[3 * (4096 + 4)];
        size_t m = n - done < 4096 ? n - done : 4096, used;
        memcpy(in, carry, ncarry);
        memcpy(in + ncarry, s + done, m);
        size_t len = ncarry + m;
        size_t o = dp_stderr_clean(in, len, buf, &used);
        ncarry = len - used;  /* (at most 3 bytes) */
        memcpy(carry, in + used, ncarry);
        fwrite(buf, 1, o, raw);
        done += m;
    }
    fflush(raw);
    return (ssize_t)n;
}

static int filter_close(void *cookie) {
    (void)cookie;
    if (ncarry) {  /* a sequence the output ended inside */
        char buf[16];
        size_t o = dp_stderr_clean(carry, ncarry, buf, NULL);
        fwrite(buf, 1, o, raw);
        ncarry = 0;
    }
    fflush(raw);
    return 0;
}

void dp_stderr_install_filter(void) {
    if (raw) return;
    cookie_io_functions_t io = { NULL, filter_write, NULL, filter_close };
    FILE *f = fopencookie(NULL, "w", io);
    if (!f) return;  /* (no memory: the messages go out as they are) */
    setvbuf(f, NULL, _IONBF, 0);
    raw = stderr;
    stderr = f;
}

static void clear_locked(void) {
    if (!shown) return;
    fputs("\r\033[K", term());
    shown = 0;
}

void dp_stderr_progress(const char *line) {
    pthread_mutex_lock(&mu);
    fflush(stderr);
    fputs("\r", term());
    fflush(term());
    fputs(line, stderr);  /* (through the filter: it may name a file) */
    fflush(stderr);
    fputs("\033[K", term());
    fflush(term());
    shown = 1;
    pthread_mutex_unlock(&mu);
}

void dp_stderr_clear(void) {
    pthread_mutex_lock(&mu);
    clear_locked();
    fflush(term());
    pthread_mutex_unlock(&mu);
}

void dp_stderr_write(const char *s, size_t n) {
    pthread_mutex_lock(&mu);
    clear_locked();
    fflush(term());
    fwrite(s, 1, n, stderr);
    fflush(stderr);
    pthread_mutex_unlock(&mu);
}

void dp_stderr_printf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    pthread_mutex_lock(&mu);
    clear_locked();
    fflush(term());
    vfprintf(stderr, fmt, ap);
    fflush(stderr);
    pthread_mutex_unlock(&mu);
    va_end(ap);
}
