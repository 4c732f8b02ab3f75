/*
 * dp_mem.h: growing arrays, the one realloc pattern the C core repeats.
 */
#ifndef DP_MEM_H
#define DP_MEM_H

#include <stddef.h>

/* Make *p (an array of *cap items of `size` bytes) hold at least `need` items:
 * when need > *cap, the capacity doubles from 16 until it is enough and *p is
 * realloc'ed; *p and *cap change only on success. Returns 1 on success, 0 when
 * memory runs out or need * size would overflow a size_t (then *p is unchanged
 * and still owned by the caller). */
int dp_grow(void **p, size_t *cap, size_t need, size_t size);

#endif
