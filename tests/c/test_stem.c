/* Unit tests for dp_porter.c (NLTK's Porter) and dp_stem.c (libstemmer and
 * porter_nltk behind one interface). The last test reads the 3,079
 * word -> stem pairs NLTK's PorterStemmer gives in
 * ../shared/data/summary/rouge_vectors.json (run from the repository root). */
#include "dp_porter.h"
#include "dp_stem.h"
#include "dp_test.h"

#include <cJSON.h>
#include <stdlib.h>

static char buf[256];

static const char *porter(const char *w) {
    dp_porter_stem(w, strlen(w), buf);
    return buf;
}

/* Porter's own examples from the 1980 paper, where NLTK keeps them. */
static void test_paper_examples(void) {
    CHECK_STR(porter("caresses"), "caress");
    CHECK_STR(porter("ponies"), "poni");
    CHECK_STR(porter("caress"), "caress");
    CHECK_STR(porter("cats"), "cat");
    CHECK_STR(porter("feed"), "feed");
    CHECK_STR(porter("agreed"), "agre");
    CHECK_STR(porter("plastered"), "plaster");
    CHECK_STR(porter("motoring"), "motor");
    CHECK_STR(porter("sing"), "sing");
    CHECK_STR(porter("conflated"), "conflat");
    CHECK_STR(porter("hopping"), "hop");
    CHECK_STR(porter("falling"), "fall");
    CHECK_STR(porter("filing"), "file");
    CHECK_STR(porter("relational"), "relat");
    CHECK_STR(porter("conditional"), "condit");
    CHECK_STR(porter("generalization"), "gener");
    CHECK_STR(porter("hopefulness"), "hope");
    CHECK_STR(porter("electrical"), "electr");
    CHECK_STR(porter("adjustment"), "adjust");
    CHECK_STR(porter("adoption"), "adopt");
    CHECK_STR(porter("controlling"), "control");
    CHECK_STR(porter("rate"), "rate");
    CHECK_STR(porter("cease"), "ceas");
}

/* Where NLTK_EXTENSIONS departs from the paper and from Snowball. */
static void test_nltk_departures(void) {
    CHECK_STR(porter("dies"), "die");       /* ies -> ie in four letters */
    CHECK_STR(porter("flies"), "fli");
    CHECK_STR(porter("died"), "die");       /* ied -> ie in four letters */
    CHECK_STR(porter("spied"), "spi");
    CHECK_STR(porter("used"), "use");       /* *o on a two-letter stem */
    CHECK_STR(porter("enjoy"), "enjoy");    /* y stays after a vowel */
    CHECK_STR(porter("played"), "play");
    CHECK_STR(porter("happy"), "happi");
    CHECK_STR(porter("cry"), "cri");
    CHECK_STR(porter("skies"), "sky");      /* irregular forms */
    CHECK_STR(porter("dying"), "die");
    CHECK_STR(porter("news"), "news");
    CHECK_STR(porter("innings"), "inning");
    CHECK_STR(porter("succeed"), "succeed");
    CHECK_STR(porter("successfully"), "success");  /* fulli -> ful */
    CHECK_STR(porter("radically"), "radic");       /* alli -> al, step 2 again */
    CHECK_STR(porter("geology"), "geolog");        /* logi -> log with the l */
    CHECK_STR(porter("possibly"), "possibl");      /* bli -> ble */
}

static void test_short_and_odd_words(void) {
    CHECK_STR(porter(""), "");
    CHECK_STR(porter("a"), "a");
    CHECK_STR(porter("is"), "is");          /* two letters: as they are */
    CHECK_STR(porter("yyy"), "yyy");
    CHECK_STR(porter("2012"), "2012");
    CHECK_STR(porter("1990s"), "1990");
    CHECK_STR(porter("syzygy"), "syzygi");
    /* a long word: in place, never longer than it was */
    char w[200];
    memset(w, 'y', sizeof w - 1);
    w[sizeof w - 1] = '\0';
    size_t n = dp_porter_stem(w, strlen(w), w);
    CHECK(n <= sizeof w - 1);
    CHECK_INT(strlen(w), n);
    CHECK_INT(dp_porter_stem("runnings", 8, buf), 3);
    CHECK_STR(buf, "run");
}

static void test_stemmer_objects(void) {
    dp_stem *nltk = dp_stem_new("porter_nltk");
    dp_stem *snow = dp_stem_new("porter");
    dp_stem *eng = dp_stem_new("english");
    dp_stem *fr = dp_stem_new("french");
    CHECK(nltk && snow && eng && fr);
    CHECK(dp_stem_new("klingon") == NULL);
    CHECK(dp_stem_new(NULL) == NULL);
    if (!nltk || !snow || !eng || !fr) return;
    CHECK_STR(dp_stem_name(eng), "english");
    size_t n = 0;
    CHECK_STR(dp_stem_word(nltk, "played", 6, &n), "play");
    CHECK_INT(n, 4);
    CHECK_STR(dp_stem_word(snow, "played", 6, NULL), "plai");   /* Snowball's porter */
    CHECK_STR(dp_stem_word(eng, "generously", 10, NULL), "generous");
    CHECK_STR(dp_stem_word(eng, "running", 7, NULL), "run");
    CHECK_STR(dp_stem_word(fr, "continuellement", 15, NULL), "continuel");
    /* the result is a copy of the stem, not of the input buffer */
    char word[] = "hopefulness";
    const char *r = dp_stem_word(nltk, word, strlen(word), NULL);
    CHECK_STR(r, "hope");
    CHECK_STR(word, "hopefulness");
    const char *names[64];
    size_t k = dp_stem_algorithms(names, 64);
    CHECK(k > 10);
    CHECK_STR(names[0], "porter_nltk");
    int has_english = 0;
    for (size_t i = 1; i < k && i < 64; i++) has_english |= strcmp(names[i], "english") == 0;
    CHECK(has_english);
    CHECK_INT(dp_stem_algorithms(NULL, 0), k);
    dp_stem_free(nltk);
    dp_stem_free(snow);
    dp_stem_free(eng);
    dp_stem_free(fr);
    dp_stem_free(NULL);
}

static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = len >= 0 ? malloc((size_t)len + 1) : NULL;
    if (s && fread(s, 1, (size_t)len, f) != (size_t)len) { free(s); s = NULL; }
    if (s) s[len] = '\0';
    fclose(f);
    return s;
}

/* Every word -> stem pair NLTK gives (rouge-score's stemmer). */
static void test_nltk_pairs(void) {
    char *json = read_file("../shared/data/summary/rouge_vectors.json");
    CHECK(json != NULL);
    if (!json) return;
    cJSON *root = cJSON_Parse(json);
    free(json);
    cJSON *pairs = cJSON_GetObjectItem(cJSON_GetObjectItem(root, "porter_stems"), "pairs");
    CHECK(cJSON_IsArray(pairs));
    CHECK_INT(cJSON_GetArraySize(pairs), 3079);
    dp_stem *s = dp_stem_new("porter_nltk");
    int bad = 0, n = 0;
    cJSON *p;
    cJSON_ArrayForEach(p, pairs) {
        const char *w = cJSON_GetStringValue(cJSON_GetArrayItem(p, 0));
        const char *want = cJSON_GetStringValue(cJSON_GetArrayItem(p, 1));
        if (!w || !want) { bad++; continue; }
        const char *got = dp_stem_word(s, w, strlen(w), NULL);
        n++;
        if (!got || strcmp(got, want) != 0) {
            bad++;
            if (bad <= 10) fprintf(stderr, "porter_nltk: %s -> %s, want %s\n", w, got, want);
        }
    }
    CHECK_INT(n, 3079);
    CHECK_INT(bad, 0);
    dp_stem_free(s);
    cJSON_Delete(root);
}

DP_TEST_MAIN("test_stem", test_paper_examples, test_nltk_departures, test_short_and_odd_words,
             test_stemmer_objects, test_nltk_pairs)
