/*
 * dp_tfidf.c: TF-IDF sentence vectors and centrality (see dp_tfidf.h).
 * Method: in-document idf = log(1 + N / df) (as docpipe.summary.rank), cosine
 * similarity, PACSUM directed sums (Zheng & Lapata 2019) in one pass each
 * way. Sums run in the order of docpipe.summary.docvec's Lua loops.
 */
#include "dp_tfidf.h"

#include <math.h>

void dp_tfidf_weigh(size_t n, const size_t *first, const uint32_t *sid, double *w,
                    size_t nv, const uint32_t *df, const uint32_t *total,
                    double *norm, double *dw, double *dnorm) {
    /* dw first holds the idf, then the document weights */
    for (size_t id = 0; id < nv; id++) dw[id] = log(1.0 + (double)n / (double)df[id]);
    for (size_t i = 0; i < n; i++) {
        double s = 0.0;
        for (size_t k = first[i]; k < first[i + 1]; k++) {
            double x = w[k] * dw[sid[k]];
            w[k] = x;
            s = s + x * x;
        }
        norm[i] = sqrt(s);
    }
    double d = 0.0;
    for (size_t id = 0; id < nv; id++) {
        double x = (double)total[id] * dw[id];
        dw[id] = x;
        d = d + x * x;
    }
    *dnorm = sqrt(d);
}

void dp_tfidf_centrality(size_t n, const size_t *first, const uint32_t *sid, const double *w,
                         const double *norm, size_t nv, const double *dw, double dnorm,
                         double *cent, double *fwd, double *bwd, double *acc) {
    int directed = fwd && bwd && acc;
    if (directed)
        for (size_t id = 0; id < nv; id++) acc[id] = 0.0;
    for (size_t i = 0; i < n; i++) {
        double na = norm[i], s = 0.0;
        if (na > 0) {
            double dot = 0.0;
            for (size_t k = first[i]; k < first[i + 1]; k++) {
                uint32_t id = sid[k];
                double x = w[k];
                dot = dot + x * dw[id];
                if (directed) {
                    double u = x / na;
                    s = s + u * acc[id];
                    acc[id] = acc[id] + u;
                }
            }
            cent[i] = dnorm == 0 ? 0.0 : dot / (na * dnorm);
        } else {
            cent[i] = 0.0;
        }
        if (directed) bwd[i] = s;
    }
    if (!directed) return;
    for (size_t id = 0; id < nv; id++) acc[id] = 0.0;
    for (size_t i = n; i-- > 0;) {
        double na = norm[i], s = 0.0;
        if (na > 0) {
            for (size_t k = first[i]; k < first[i + 1]; k++) {
                uint32_t id = sid[k];
                double u = w[k] / na;
                s = s + u * acc[id];
                acc[id] = acc[id] + u;
            }
        }
        fwd[i] = s;
    }
}

double dp_tfidf_cosine_dense(const size_t *first, const uint32_t *sid, const double *w,
                             const double *norm, size_t i, const double *jw, double nj) {
    double na = norm[i];
    if (na == 0 || nj == 0) return 0.0;
    double dot = 0.0;
    for (size_t k = first[i]; k < first[i + 1]; k++) dot = dot + w[k] * jw[sid[k]];
    return dot / (na * nj);
}
