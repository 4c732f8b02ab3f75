/*
 * icu_sentences.c: the peer for the sentence benchmark. Reads JSON Lines
 * ({"text": ...}) like `docpipe run sentences`, splits each text with ICU's
 * sentence break iterator (UAX #29, ubrk_open(UBRK_SENTENCE)) and writes
 * each document's sentence offsets as one JSON line, so both sides parse,
 * split and write. Usage: icu_sentences < corpus.jsonl > out
 */
#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

int main(void) {
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    UChar *u = NULL;
    int32_t ucap = 0;
    long docs = 0, sentences = 0;
    UErrorCode st = U_ZERO_ERROR;
    UBreakIterator *bi = ubrk_open(UBRK_SENTENCE, "en_US", NULL, 0, &st);
    if (U_FAILURE(st)) { fprintf(stderr, "ubrk_open: %s\n", u_errorName(st)); return 1; }
    while ((len = getline(&line, &cap, stdin)) > 0) {
        cJSON *j = cJSON_ParseWithLength(line, (size_t)len);
        const cJSON *t = j ? cJSON_GetObjectItemCaseSensitive(j, "text") : NULL;
        if (!cJSON_IsString(t)) { cJSON_Delete(j); continue; }
        int32_t n = 0;
        st = U_ZERO_ERROR;
        u_strFromUTF8(NULL, 0, &n, t->valuestring, -1, &st);
        if (n + 1 > ucap) { ucap = n + 1; u = realloc(u, (size_t)ucap * sizeof *u); }
        st = U_ZERO_ERROR;
        u_strFromUTF8(u, ucap, &n, t->valuestring, -1, &st);
        st = U_ZERO_ERROR;
        ubrk_setText(bi, u, n, &st);
        fputs("{\"sentences\":[", stdout);
        int32_t start = ubrk_first(bi), end;
        int first = 1;
        while ((end = ubrk_next(bi)) != UBRK_DONE) {
            printf("%s[%d,%d]", first ? "" : ",", start, end);
            first = 0;
            start = end;
            sentences++;
        }
        fputs("]}\n", stdout);
        docs++;
        cJSON_Delete(j);
    }
    fprintf(stderr, "icu: %ld documents, %ld sentences\n", docs, sentences);
    ubrk_close(bi);
    free(u);
    free(line);
    return 0;
}
