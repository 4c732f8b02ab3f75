/*
 * quotes.c: embeds docpipe in a C program. Runs the built-in `news`
 * pipeline on a page saved as text and prints the page's title and who is
 * quoted, using only docpipe.h.
 *
 * Build against an installed docpipe (to a name that is no pipeline's: a
 * file `quotes` in the folder would be read in place of the built-in
 * pipeline `quotes` by `docpipe run quotes`):
 *     cc quotes.c $(pkg-config --cflags --libs docpipe) -o quotes-demo
 * Run:
 *     ./quotes-demo page.txt
 */
#include <docpipe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reads a whole file into a malloc'd buffer. */
static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t k;
    while (buf && (k = fread(buf + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) { free(buf); buf = NULL; }
            buf = nb;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

/* Prints every value of "key":"..." found in json after from (a small
 * scan for this example; a real program would use a JSON library). */
static void print_values(const char *json, const char *key, const char *label) {
    char pat[64];
    snprintf(pat, sizeof pat, "\"%s\":\"", key);
    for (const char *p = strstr(json, pat); p; p = strstr(p + 1, pat)) {
        const char *v = p + strlen(pat), *e = v;
        while (*e && *e != '"') e += (*e == '\\' && e[1]) ? 2 : 1;
        printf("%s: %.*s\n", label, (int)(e - v), v);
    }
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s PAGE.txt\n", argv[0]);
        return 2;
    }
    size_t len;
    char *text = slurp(argv[1], &len);
    if (!text) { perror(argv[1]); return 1; }
    dp_error err;
    dp_pipeline *p = dp_pipeline_open("news", &err);
    if (!p) {
        fprintf(stderr, "docpipe: %s\n", err.message);
        free(text);
        return 1;
    }
    char *out = NULL;
    int rc = dp_pipeline_run_text(p, "page", text, len, &out, &err);
    if (rc != 0) {
        fprintf(stderr, "docpipe: %s\n", err.message);
    } else {
        print_values(out, "title", "title");
        print_values(out, "speaker", "speaker");
        free(out);
    }
    dp_pipeline_close(p);
    free(text);
    return rc == 0 ? 0 : 1;
}
