/*
 * dp_mem.c: growing arrays (see dp_mem.h).
 */
#include "dp_mem.h"

#include <stdint.h>
#include <stdlib.h>

int dp_grow(void **p, size_t *cap, size_t need, size_t size) {
    if (need <= *cap) return 1;
    if (size == 0 || need > SIZE_MAX / size) return 0;
    size_t nc = *cap ? *cap : 16;
    while (nc < need) nc = nc > SIZE_MAX / 2 ? need : nc * 2;
    if (nc > SIZE_MAX / size) nc = need;
    void *np = realloc(*p, nc * size);
    if (!np) return 0;
    *p = np;
    *cap = nc;
    return 1;
}
