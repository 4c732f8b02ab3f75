/* Unit tests for dp_tfidf.c: weights, norms, centrality and cosines of a
 * three-sentence document, checked against the formulas written out. */
#include "dp_test.h"
#include "dp_tfidf.h"

#include <math.h>

static int near(double a, double b) { return fabs(a - b) < 1e-12; }

/* sentence 0: terms 0 (twice) and 1; sentence 1: terms 1 and 2;
 * sentence 2: no term (its norm is 0) */
static const size_t FIRST[] = { 0, 2, 4, 4 };
static const uint32_t SID[] = { 0, 1, 1, 2 };
static const uint32_t DF[] = { 1, 2, 1 }, TOTAL[] = { 2, 2, 1 };

static void weigh(double *w, double *norm, double *dw, double *dnorm) {
    const double counts[] = { 2, 1, 1, 1 };
    for (int k = 0; k < 4; k++) w[k] = counts[k];
    dp_tfidf_weigh(3, FIRST, SID, w, 3, DF, TOTAL, norm, dw, dnorm);
}

static void test_weights_are_count_times_in_document_idf(void) {
    double w[4], norm[3], dw[3], dnorm;
    weigh(w, norm, dw, &dnorm);
    double idf0 = log(1.0 + 3.0 / 1.0), idf1 = log(1.0 + 3.0 / 2.0), idf2 = idf0;
    CHECK(near(w[0], 2 * idf0));
    CHECK(near(w[1], idf1));
    CHECK(near(w[2], idf1));
    CHECK(near(w[3], idf2));
    CHECK(near(norm[0], sqrt(4 * idf0 * idf0 + idf1 * idf1)));
    CHECK(near(norm[2], 0.0));
    CHECK(near(dw[1], 2 * idf1));
    CHECK(near(dnorm, sqrt(4 * idf0 * idf0 + 4 * idf1 * idf1 + idf2 * idf2)));
}

static void test_centrality_is_cosine_to_document_and_directed_sums(void) {
    double w[4], norm[3], dw[3], dnorm, cent[3], fwd[3], bwd[3], acc[3];
    weigh(w, norm, dw, &dnorm);
    dp_tfidf_centrality(3, FIRST, SID, w, norm, 3, dw, dnorm, cent, fwd, bwd, acc);
    double c0 = (w[0] * dw[0] + w[1] * dw[1]) / (norm[0] * dnorm);
    double c01 = w[1] * w[2] / (norm[0] * norm[1]);
    CHECK(near(cent[0], c0));
    CHECK(near(cent[2], 0.0));
    CHECK(near(fwd[0], c01));   /* sentence 2 adds nothing */
    CHECK(near(bwd[1], c01));
    CHECK(near(bwd[0], 0.0));
    CHECK(near(fwd[2], 0.0));
    double cent2[3];
    dp_tfidf_centrality(3, FIRST, SID, w, norm, 3, dw, dnorm, cent2, NULL, NULL, NULL);
    for (int i = 0; i < 3; i++) CHECK(cent2[i] == cent[i]);
}

static void test_cosine_dense_matches_sparse_dot(void) {
    double w[4], norm[3], dw[3], dnorm;
    weigh(w, norm, dw, &dnorm);
    double jw[3] = { 0, w[2], w[3] };  /* sentence 1, dense */
    CHECK(near(dp_tfidf_cosine_dense(FIRST, SID, w, norm, 0, jw, norm[1]),
               w[1] * w[2] / (norm[0] * norm[1])));
    CHECK(dp_tfidf_cosine_dense(FIRST, SID, w, norm, 2, jw, norm[1]) == 0.0);
    CHECK(near(dp_tfidf_cosine_dense(FIRST, SID, w, norm, 1, jw, norm[1]), 1.0));
}

DP_TEST_MAIN("tfidf", test_weights_are_count_times_in_document_idf,
             test_centrality_is_cosine_to_document_and_directed_sums,
             test_cosine_dense_matches_sparse_dot)
