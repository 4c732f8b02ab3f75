/*
 * dp_ranges.h: which ranges meet a set of spans (plain C, no Lua).
 *
 * dp_ranges_meet: out[i] = 1 when the closed range [a[i], b[i]] meets
 * some closed span [s[k], e[k]] (that is s[k] <= b[i] and e[k] >= a[i]),
 * else 0, for i in [0, n) and k in [0, m). Any integer unit (the summary
 * stage gives 1-based inclusive byte offsets: a sentence meets a quote).
 * The spans come in any order; a span with e[k] < s[k] meets the ranges
 * the test above says. scratch holds 2 m integers. Cost: O((n + m) log m)
 * (the spans sorted by start, each range a binary search over the highest
 * end among the spans starting at or before its end).
 */
#ifndef DP_RANGES_H
#define DP_RANGES_H

#include <stddef.h>
#include <stdint.h>

void dp_ranges_meet(size_t n, const int64_t *a, const int64_t *b, size_t m, const int64_t *s,
                    const int64_t *e, int64_t *scratch, unsigned char *out);

#endif
