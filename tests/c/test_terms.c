/* Unit tests for dp_terms.c, the content term of a word (the summary
 * stage's rule; its Lua statement, make_terms, is held equal to it by
 * tests/spec/summary_cdocvec_spec.lua). */
#include "dp_terms.h"
#include "dp_test.h"

static dp_terms *T;

/* The term of w, or "-" when it has none. */
static const char *term(const char *w) {
    const char *t;
    size_t n;
    int r = dp_terms_term(T, w, strlen(w), &t, &n);
    if (r < 0) return "(oom)";
    if (r == 0) return "-";
    CHECK_INT(n, strlen(t));
    return t;
}

static void add_stopwords(void) {
    static const char *stop[] = { "the", "it", "it's", "he", "s" };
    for (size_t i = 0; i < sizeof stop / sizeof stop[0]; i++)
        CHECK(dp_terms_add_stopword(T, stop[i], strlen(stop[i])));
    CHECK(dp_terms_add_stopword(T, "the", 3));  /* a repeat */
}

static void test_fold_stopwords_and_possessive_without_stemmer(void) {
    T = dp_terms_new(NULL);
    CHECK(T != NULL);
    add_stopwords();
    CHECK(dp_terms_is_stopword(T, "it's", 4));
    CHECK(!dp_terms_is_stopword(T, "It's", 4));      /* byte for byte */
    CHECK_STR(term("The"), "-");                      /* lowercased, a stopword */
    CHECK_STR(term("a"), "-");                        /* one byte */
    CHECK_STR(term("É"), "\xc3\x89");                 /* two bytes, not folded (ASCII only) */
    CHECK_STR(term("IT\xe2\x80\x99S"), "-");          /* it's */
    CHECK_STR(term("He's"), "-");                     /* he + 's: a stopword base */
    CHECK_STR(term("s's"), "-");
    CHECK_STR(term("Mayor\xe2\x80\x99s"), "mayor");   /* ’ made ' then 's off */
    CHECK_STR(term("dog's's"), "dog's");              /* one 's only */
    CHECK_STR(term("Ships'"), "ships'");
    CHECK_STR(term("'s"), "");                        /* base "" is no stopword here */
    CHECK_STR(term("x\xe2\x80"), "x\xe2\x80");        /* a cut ’ stays */
    CHECK_STR(term("\xe2\x80\x99\xe2\x80\x99"), "''");
    CHECK_STR(term("U.S."), "u.s.");
    CHECK_STR(term("200,000"), "200,000");
    dp_terms_free(T);
}

static void test_stems_the_base(void) {
    dp_stem *st = dp_stem_new("english");
    CHECK(st != NULL);
    T = dp_terms_new(st);
    add_stopwords();
    CHECK_STR(term("RUNNING"), "run");
    CHECK_STR(term("Runner\xe2\x80\x99s"), "runner");
    CHECK_STR(term("the"), "-");
    CHECK_STR(term("Generalizations"), "general");
    dp_terms_free(T);
    dp_stem_free(st);
}

DP_TEST_MAIN("terms", test_fold_stopwords_and_possessive_without_stemmer, test_stems_the_base)
