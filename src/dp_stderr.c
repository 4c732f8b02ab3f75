/*
 * dp_stderr.c: standard error shared by the progress line and the messages
 * (see dp_stderr.h).
 */
#include "dp_stderr.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int shown;  /* a progress line is on the terminal, no newline after it */

static void clear_locked(void) {
    if (!shown) return;
    fputs("\r\033[K", stderr);
    shown = 0;
}

void dp_stderr_progress(const char *line) {
    pthread_mutex_lock(&mu);
    fprintf(stderr, "\r%s\033[K", line);
    fflush(stderr);
    shown = 1;
    pthread_mutex_unlock(&mu);
}

void dp_stderr_clear(void) {
    pthread_mutex_lock(&mu);
    clear_locked();
    fflush(stderr);
    pthread_mutex_unlock(&mu);
}

void dp_stderr_write(const char *s, size_t n) {
    pthread_mutex_lock(&mu);
    clear_locked();
    fwrite(s, 1, n, stderr);
    fflush(stderr);
    pthread_mutex_unlock(&mu);
}

void dp_stderr_printf(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    pthread_mutex_lock(&mu);
    clear_locked();
    vfprintf(stderr, fmt, ap);
    fflush(stderr);
    pthread_mutex_unlock(&mu);
    va_end(ap);
}
