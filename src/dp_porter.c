/*
 * dp_porter.c: NLTK's Porter stemmer (mode NLTK_EXTENSIONS) in C; see
 * dp_porter.h for the method and its departures from Porter (1980).
 *
 * The word is stemmed in place in the output buffer: b[0..k) is the word
 * so far. A rule is (suffix, replacement, condition on the stem left when
 * the suffix is removed); rule lists are tried in order and the first
 * rule whose suffix matches decides, whether or not its condition holds.
 */
#include "dp_porter.h"

#include <string.h>

typedef struct word {
    char *b;
    size_t k;  /* length */
} word;

static int is_vowel_letter(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Is b[i] a consonant? A letter other than a e i o u, and other than a y
 * after a consonant; y first in the word is a consonant. In a run of y's
 * the answer alternates, so it is found from the letter before the run. */
static int is_cons(const char *b, size_t i) {
    if (is_vowel_letter(b[i])) return 0;
    if (b[i] != 'y') return 1;
    size_t j = i;
    while (j > 0 && b[j - 1] == 'y') j--;
    /* b[j] is the first y of the run */
    int first = j == 0 ? 1 : is_vowel_letter(b[j - 1]);  /* y after a vowel: consonant */
    return ((i - j) % 2 == 0) ? first : !first;
}

/* The measure m of b[0..n): how many vowel-consonant transitions. */
static int measure(const char *b, size_t n) {
    int m = 0, prev_cons = 1, prev_set = 0;
    for (size_t i = 0; i < n; i++) {
        int c;
        if (is_vowel_letter(b[i])) c = 0;
        else if (b[i] == 'y') c = i == 0 ? 1 : !prev_cons;
        else c = 1;
        if (prev_set && !prev_cons && c) m++;
        prev_cons = c;
        prev_set = 1;
    }
    return m;
}

static int contains_vowel(const char *b, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!is_cons(b, i)) return 1;
    return 0;
}

/* Condition *d: ends with a double consonant. */
static int ends_double_cons(const char *b, size_t n) {
    return n >= 2 && b[n - 1] == b[n - 2] && is_cons(b, n - 1);
}

/* Condition *o: ends consonant-vowel-consonant, the last not w, x or y;
 * NLTK also counts a two-letter stem vowel + consonant. */
static int ends_cvc(const char *b, size_t n) {
    if (n >= 3 && is_cons(b, n - 3) && !is_cons(b, n - 2) && is_cons(b, n - 1) &&
        b[n - 1] != 'w' && b[n - 1] != 'x' && b[n - 1] != 'y')
        return 1;
    return n == 2 && !is_cons(b, 0) && is_cons(b, 1);
}

static int ends(const word *w, const char *suffix) {
    size_t n = strlen(suffix);
    return w->k >= n && memcmp(w->b + w->k - n, suffix, n) == 0;
}

/* Replace the last `drop` bytes with rep (never longer than what it
 * replaces plus what earlier steps removed: see dp_porter.h). */
static void replace(word *w, size_t drop, const char *rep) {
    size_t n = strlen(rep);
    memcpy(w->b + w->k - drop, rep, n);
    w->k = w->k - drop + n;
}

enum cond { M_GT0, M_GT1, NONE };

typedef struct rule {
    const char *suffix, *rep;
    enum cond cond;
} rule;

static int holds(enum cond c, const char *b, size_t n) {
    switch (c) {
    case M_GT0: return measure(b, n) > 0;
    case M_GT1: return measure(b, n) > 1;
    default: return 1;
    }
}

/* The first rule whose suffix matches decides. Returns 1 when a suffix
 * matched (whether or not it was replaced). */
static int apply(word *w, const rule *rules, size_t nrules) {
    for (size_t r = 0; r < nrules; r++) {
        const rule *ru = &rules[r];
        if (!ends(w, ru->suffix)) continue;
        size_t s = strlen(ru->suffix);
        if (holds(ru->cond, w->b, w->k - s)) replace(w, s, ru->rep);
        return 1;
    }
    return 0;
}

#define NRULES(a) (sizeof(a) / sizeof((a)[0]))

static void step1a(word *w) {
    static const rule rules[] = {
        { "sses", "ss", NONE }, { "ies", "i", NONE }, { "ss", "ss", NONE }, { "s", "", NONE },
    };
    if (w->k == 4 && ends(w, "ies")) { replace(w, 3, "ie"); return; }  /* dies -> die */
    apply(w, rules, NRULES(rules));
}

static void step1b(word *w) {
    if (ends(w, "ied")) {  /* died -> die, spied -> spi */
        replace(w, 3, w->k == 4 ? "ie" : "i");
        return;
    }
    if (ends(w, "eed")) {
        if (measure(w->b, w->k - 3) > 0) replace(w, 3, "ee");
        return;
    }
    size_t cut = 0;
    if (ends(w, "ed") && contains_vowel(w->b, w->k - 2)) cut = 2;
    else if (ends(w, "ing") && contains_vowel(w->b, w->k - 3)) cut = 3;
    if (!cut) return;
    w->k -= cut;
    if (ends(w, "at")) { replace(w, 2, "ate"); return; }
    if (ends(w, "bl")) { replace(w, 2, "ble"); return; }
    if (ends(w, "iz")) { replace(w, 2, "ize"); return; }
    if (ends_double_cons(w->b, w->k)) {
        char last = w->b[w->k - 1];
        if (last != 'l' && last != 's' && last != 'z') w->k--;
        return;
    }
    /* NLTK's rule list also matches the literal suffix "*d" here (its
     * marker for the double-consonant rule): "x*d" -> "xd". Kept so the
     * results stay the same for any input. */
    if (ends(w, "*d")) { replace(w, 2, "d"); return; }
    if (measure(w->b, w->k) == 1 && ends_cvc(w->b, w->k)) replace(w, 0, "e");
}

static void step1c(word *w) {
    if (w->k >= 1 && w->b[w->k - 1] == 'y') {
        size_t s = w->k - 1;
        if (s > 1 && is_cons(w->b, s - 1)) w->b[w->k - 1] = 'i';
    }
}

static void step2(word *w) {
    static const rule rules[] = {
        { "ational", "ate", M_GT0 }, { "tional", "tion", M_GT0 }, { "enci", "ence", M_GT0 },
        { "anci", "ance", M_GT0 },   { "izer", "ize", M_GT0 },    { "bli", "ble", M_GT0 },
        { "alli", "al", M_GT0 },     { "entli", "ent", M_GT0 },   { "eli", "e", M_GT0 },
        { "ousli", "ous", M_GT0 },   { "ization", "ize", M_GT0 }, { "ation", "ate", M_GT0 },
        { "ator", "ate", M_GT0 },    { "alism", "al", M_GT0 },    { "iveness", "ive", M_GT0 },
        { "fulness", "ful", M_GT0 }, { "ousness", "ous", M_GT0 }, { "aliti", "al", M_GT0 },
        { "iviti", "ive", M_GT0 },   { "biliti", "ble", M_GT0 },  { "fulli", "ful", M_GT0 },
    };
    /* NLTK: -alli -> -al first, then step 2 again on the result */
    while (ends(w, "alli") && measure(w->b, w->k - 4) > 0) replace(w, 4, "al");
    if (apply(w, rules, NRULES(rules))) return;
    /* logi -> log when the stem with its l has a positive measure */
    if (ends(w, "logi") && measure(w->b, w->k - 3) > 0) replace(w, 4, "log");
}

static void step3(word *w) {
    static const rule rules[] = {
        { "icate", "ic", M_GT0 }, { "ative", "", M_GT0 }, { "alize", "al", M_GT0 },
        { "iciti", "ic", M_GT0 }, { "ical", "ic", M_GT0 }, { "ful", "", M_GT0 },
        { "ness", "", M_GT0 },
    };
    apply(w, rules, NRULES(rules));
}

static void step4(word *w) {
    static const rule rules[] = {
        { "al", "", M_GT1 },   { "ance", "", M_GT1 }, { "ence", "", M_GT1 }, { "er", "", M_GT1 },
        { "ic", "", M_GT1 },   { "able", "", M_GT1 }, { "ible", "", M_GT1 }, { "ant", "", M_GT1 },
        { "ement", "", M_GT1 }, { "ment", "", M_GT1 }, { "ent", "", M_GT1 },
    };
    static const rule rest[] = {
        { "ou", "", M_GT1 },  { "ism", "", M_GT1 }, { "ate", "", M_GT1 }, { "iti", "", M_GT1 },
        { "ous", "", M_GT1 }, { "ive", "", M_GT1 }, { "ize", "", M_GT1 },
    };
    if (apply(w, rules, NRULES(rules))) return;
    if (ends(w, "ion")) {  /* (m>1 and (*S or *T)) ION -> */
        size_t s = w->k - 3;
        if (measure(w->b, s) > 1 && (w->b[s - 1] == 's' || w->b[s - 1] == 't')) w->k = s;
        return;
    }
    apply(w, rest, NRULES(rest));
}

static void step5(word *w) {
    if (ends(w, "e")) {  /* 5a: both conditions are tried */
        size_t s = w->k - 1;
        int m = measure(w->b, s);
        if (m > 1 || (m == 1 && !ends_cvc(w->b, s))) w->k = s;
    }
    /* 5b: (m>1 and *d and *L) -> single letter, m of the word less one l */
    if (ends(w, "ll") && measure(w->b, w->k - 1) > 1) w->k--;
}

/* NLTK's irregular forms: the word is mapped and not stemmed further. */
static const char *const irregular[][2] = {
    { "sky", "sky" },         { "skies", "sky" },       { "dying", "die" },
    { "lying", "lie" },       { "tying", "tie" },       { "news", "news" },
    { "innings", "inning" },  { "inning", "inning" },   { "outings", "outing" },
    { "outing", "outing" },   { "cannings", "canning" }, { "canning", "canning" },
    { "howe", "howe" },       { "proceed", "proceed" }, { "exceed", "exceed" },
    { "succeed", "succeed" },
};

size_t dp_porter_stem(const char *in, size_t len, char *out) {
    for (size_t i = 0; i < NRULES(irregular); i++) {
        size_t n = strlen(irregular[i][0]);
        if (n == len && memcmp(in, irregular[i][0], n) == 0) {
            size_t m = strlen(irregular[i][1]);
            memmove(out, irregular[i][1], m);
            out[m] = '\0';
            return m;
        }
    }
    if (out != in) memmove(out, in, len);
    word w = { out, len };
    if (len > 2) {
        step1a(&w);
        step1b(&w);
        step1c(&w);
        step2(&w);
        step3(&w);
        step4(&w);
        step5(&w);
    }
    out[w.k] = '\0';
    return w.k;
}
