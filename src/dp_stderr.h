/*
 * dp_stderr.h: standard error, shared by the progress line of `docpipe run`
 * and every other message, from any thread (the runner, the workers of -j N,
 * a stage's print).
 *
 * The progress line is drawn without a newline; a message written while it
 * is on the terminal would be glued to it. Every writer goes through here:
 * a shown progress line is erased first (carriage return, erase to the end
 * of the line), and the next tick draws it again. One mutex orders the
 * writes, so two threads' lines never interleave.
 */
#ifndef DP_STDERR_H
#define DP_STDERR_H

#include <stddef.h>

/* Draw the progress line (text without "\r" or newline) and mark it shown. */
void dp_stderr_progress(const char *line);

/* Erase the progress line when it is shown; nothing otherwise. */
void dp_stderr_clear(void);

/* Erase a shown progress line, then write n bytes of s (as given: the
 * caller ends its line). */
void dp_stderr_write(const char *s, size_t n);

/* printf to stderr the same way: the progress line erased first. */
void dp_stderr_printf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* A diagnostic's bytes s[0..n) made safe for a terminal, into out (room for
 * 3 * n bytes): every control character but newline and tab (ESC, CR, BS,
 * DEL, and the C1 controls U+0080..U+009F, CSI among them) becomes a space,
 * as document ids are shown; a byte that starts no valid UTF-8 sequence
 * becomes U+FFFD; valid UTF-8 is kept. Returns the length written. used:
 * NULL, or where the bytes used are counted (an incomplete sequence at the
 * end is then left unused, for the next call). */
size_t dp_stderr_clean(const char *s, size_t n, char *out, size_t *used);

/* For the docpipe command: standard error becomes a stream that cleans every
 * byte written to it with dp_stderr_clean (C messages, Lua's io.stderr, a
 * stage's print, the progress line's text), so no file name, message or
 * document can drive the terminal; the progress line's own "\r" and erase
 * sequence go around it. Call before any Lua state is made. */
void dp_stderr_install_filter(void);

#endif
