/*
 * dp_tfidf.h: one document's sentences as TF-IDF vectors, their norms, the
 * document vector, centrality and directed centrality sums (plain C, no Lua).
 *
 * Sentences are sparse vectors in compressed rows: sentence i (0-based)
 * holds the distinct term ids sid[first[i] .. first[i+1]) (0-based ids
 * below nv, in first-appearance order) with their counts in w[]. Weights
 * are count * idf, idf = log(1 + n / df) over the document's own n
 * sentences (df: sentences holding the term), as the summary stage's
 * docpipe.summary.docvec computes them; every sum is taken in the same
 * order as that Lua code, so results are equal to the last bit.
 *
 * Units: 0-based sentence and term indices; no offsets.
 */
#ifndef DP_TFIDF_H
#define DP_TFIDF_H

#include <stddef.h>
#include <stdint.h>

/* Turn the counts w[] into TF-IDF weights in place; norm[i] = Euclidean
 * norm of sentence i; dw[id] = total[id] * idf (the document vector, total
 * = the term's count in the document) and *dnorm its norm. df and total
 * hold nv entries each, df[id] >= 1. */
void dp_tfidf_weigh(size_t n, const size_t *first, const uint32_t *sid, double *w,
                    size_t nv, const uint32_t *df, const uint32_t *total,
                    double *norm, double *dw, double *dnorm);

/* cent[i] = cosine of sentence i to the document vector (0 when a norm is
 * 0). With directed (fwd, bwd and acc non-NULL; acc: nv scratch entries):
 * fwd[i] = sum over j > i of cosine(i, j), bwd[i] = sum over j < i of
 * cosine(j, i) (PACSUM, Zheng & Lapata 2019), by a running sum of unit
 * weights per term in each direction. */
void dp_tfidf_centrality(size_t n, const size_t *first, const uint32_t *sid, const double *w,
                         const double *norm, size_t nv, const double *dw, double dnorm,
                         double *cent, double *fwd, double *bwd, double *acc);

/* Cosine of sentence i to a vector given dense (jw[id], 0 where absent,
 * every weight >= 0) with its norm nj; 0 when a norm is 0. */
double dp_tfidf_cosine_dense(const size_t *first, const uint32_t *sid, const double *w,
                             const double *norm, size_t i, const double *jw, double nj);

#endif
