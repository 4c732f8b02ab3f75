/*
 * dp_ranges.c: which ranges meet a set of spans (see dp_ranges.h).
 */
#include "dp_ranges.h"

#include <stdlib.h>

/* A span as two integers (start, end), ordered by start. */
static int by_start(const void *x, const void *y) {
    int64_t p = ((const int64_t *)x)[0], q = ((const int64_t *)y)[0];
    return (p > q) - (p < q);
}

void dp_ranges_meet(size_t n, const int64_t *a, const int64_t *b, size_t m, const int64_t *s,
                    const int64_t *e, int64_t *scratch, unsigned char *out) {
    for (size_t k = 0; k < m; k++) {
        scratch[2 * k] = s[k];
        scratch[2 * k + 1] = e[k];
    }
    qsort(scratch, m, 2 * sizeof *scratch, by_start);
    /* reach: the highest end among the first k + 1 spans, in place of the end */
    for (size_t k = 1; k < m; k++)
        if (scratch[2 * k + 1] < scratch[2 * k - 1]) scratch[2 * k + 1] = scratch[2 * k - 1];
    for (size_t i = 0; i < n; i++) {
        size_t lo = 0, hi = m;       /* how many spans start at or before b[i] */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (scratch[2 * mid] <= b[i]) lo = mid + 1;
            else hi = mid;
        }
        out[i] = lo > 0 && scratch[2 * lo - 1] >= a[i];
    }
}
