/* Unit tests for dp_sbd.c, the sentence boundary detector. The word lists
 * are small ones written here (invented text throughout), so each rule is
 * pinned down apart from the tuning of the data files. */
#include "dp_sbd.h"
#include "dp_test.h"

#include <stdlib.h>

static char buf[4096];

static void add_all(dp_sbd *d, dp_sbd_list list, const char *const *words) {
    for (; *words; words++) CHECK_INT(dp_sbd_add_word(d, list, *words, strlen(*words)), 0);
}

static dp_sbd *detector(void) {
    static const char *const abbr[] = { "co", "Corp", "Inc", "e.g", "etc", "Jr", "St", NULL };
    static const char *const titles[] = { "Mr", "Mrs", "Dr", "Gov", "Sen.", NULL };
    static const char *const numeric[] = { "No", "p", "Fig", NULL };
    static const char *const time[] = { "a.m", "p.m", NULL };
    static const char *const excl[] = { "Yahoo", NULL };
    static const char *const starters[] = { "The", "It", "He", "She", "But", "They", NULL };
    static const char *const followers[] = { "Monday", "EST", NULL };
    static const char *const openers[] = { "at", "by", NULL };
    static const char *const cont[] = { "and", "of", "the", NULL };
    static const char *const prec[] = { "by", "with", NULL };
    static const char *const terminal[] = { "Inc", "Jr", "etc", "St", "Okla", "N.Y", NULL };
    static const char *const tfollow[] = { "Chief", "Day", "Marines", NULL };
    static const char *const verbs[] = { "said", "asked", NULL };
    dp_sbd *d = dp_sbd_new();
    CHECK(d != NULL);
    add_all(d, DP_SBD_ABBREVIATIONS, abbr);
    add_all(d, DP_SBD_TITLES, titles);
    add_all(d, DP_SBD_NUMERIC, numeric);
    add_all(d, DP_SBD_TIME, time);
    add_all(d, DP_SBD_EXCLAMATION_NAMES, excl);
    add_all(d, DP_SBD_STARTERS, starters);
    add_all(d, DP_SBD_TIME_FOLLOWERS, followers);
    add_all(d, DP_SBD_TIME_OPENERS, openers);
    add_all(d, DP_SBD_LINE_CONTINUATIONS, cont);
    add_all(d, DP_SBD_INITIAL_PRECEDERS, prec);
    add_all(d, DP_SBD_TERMINAL, terminal);
    add_all(d, DP_SBD_TERMINAL_FOLLOWERS, tfollow);
    add_all(d, DP_SBD_ATTRIBUTION_VERBS, verbs);
    return d;
}

/* Split s into sp and check the invariants every split must keep: spans
 * non-empty, trimmed, in order, not overlapping, within [0, n). *ok is
 * cleared (with a message) when one does not hold. */
static size_t split_checked(const dp_sbd *d, const char *s, size_t n, dp_span *sp, size_t cap,
                            int *ok_out) {
    size_t count = dp_sbd_split(d, s, n, sp, cap);
    if (count == (size_t)-1) { *ok_out = 0; return 0; }
    size_t k = count < cap ? count : cap;
    size_t prev_end = 0;
    for (size_t i = 0; i < k; i++) {
        int ok = sp[i].start < sp[i].end && sp[i].end <= n && sp[i].start >= prev_end;
        const unsigned char *u = (const unsigned char *)s;
        if (ok) {
            unsigned char a = u[sp[i].start], z = u[sp[i].end - 1];
            ok = !(a == ' ' || (a >= 9 && a <= 13)) && !(z == ' ' || (z >= 9 && z <= 13));
        }
        if (!ok) {
            fprintf(stderr, "bad span %zu [%zu, %zu) of %zu in \"%.*s\"\n", i, sp[i].start, sp[i].end, n,
                    (int)n, s);
            *ok_out = 0;
            return count;
        }
        prev_end = sp[i].end;
    }
    return count;
}

/* The sentences of s joined by " | ". */
static const char *split(const dp_sbd *d, const char *s) {
    dp_span sp[64];
    int ok = 1;
    size_t n = split_checked(d, s, strlen(s), sp, 64, &ok);
    CHECK(ok);
    size_t o = 0;
    for (size_t i = 0; i < n && i < 64; i++) {
        if (i) { memcpy(buf + o, " | ", 3); o += 3; }
        memcpy(buf + o, s + sp[i].start, sp[i].end - sp[i].start);
        o += sp[i].end - sp[i].start;
    }
    buf[o] = '\0';
    return buf;
}

static void test_lists(void) {
    dp_sbd *d = dp_sbd_new();
    CHECK_INT(dp_sbd_list_by_name("titles"), DP_SBD_TITLES);
    CHECK_INT(dp_sbd_list_by_name("initial_preceders"), DP_SBD_INITIAL_PRECEDERS);
    CHECK_INT(dp_sbd_list_by_name("terminal"), DP_SBD_TERMINAL);
    CHECK_INT(dp_sbd_list_by_name("terminal_followers"), DP_SBD_TERMINAL_FOLLOWERS);
    CHECK_INT(dp_sbd_list_by_name("attribution_verbs"), DP_SBD_ATTRIBUTION_VERBS);
    CHECK_INT(dp_sbd_list_by_name("nope"), -1);
    CHECK_INT(dp_sbd_add_word(d, DP_SBD_NLISTS, "x", 1), -1);
    CHECK_INT(dp_sbd_add_word(d, DP_SBD_TITLES, "Rep.", 4), 0);
    CHECK_INT(dp_sbd_add_word(d, DP_SBD_TITLES, "Rep", 3), 0);  /* twice is harmless */
    CHECK_INT(dp_sbd_add_word(d, DP_SBD_TITLES, ".", 1), 0);    /* empty after the period */
    /* "Rep." is a title as written, in capitals, capitalised; not "rep." */
    CHECK_STR(split(d, "We met REP. Vance today."), "We met REP. Vance today.");
    CHECK_STR(split(d, "We met Rep. Vance today."), "We met Rep. Vance today.");
    CHECK_STR(split(d, "They sent a rep. Vance came."), "They sent a rep. | Vance came.");
    dp_sbd_free(d);
    dp_sbd_free(NULL);
}

static void test_paragraphs_and_spans(void) {
    dp_sbd *d = detector();
    CHECK_STR(split(d, ""), "");
    CHECK_STR(split(d, " \n \t\n "), "");
    CHECK_STR(split(d, "  The ferry sank. All were rescued.  "), "The ferry sank. | All were rescued.");
    /* a blank line (spaces allowed) ends a paragraph, and a sentence */
    CHECK_STR(split(d, "No stop here\n  \nNext part"), "No stop here | Next part");
    CHECK_STR(split(d, "First note.\r\n\r\nSecond note."), "First note. | Second note.");
    const char *s = "Alpha beta. Gamma delta.";
    dp_span sp[4];
    CHECK_INT(dp_sbd_split(d, s, strlen(s), sp, 4), 2);
    CHECK_INT(sp[0].start, 0);
    CHECK_INT(sp[0].end, 11);
    CHECK_INT(sp[1].start, 12);
    CHECK_INT(sp[1].end, 24);
    /* a small array: the count is still the whole count */
    CHECK_INT(dp_sbd_split(d, s, strlen(s), sp, 1), 2);
    CHECK_INT(dp_sbd_split(d, s, strlen(s), NULL, 0), 2);
    dp_sbd_free(d);
}

static void test_abbreviations(void) {
    dp_sbd *d = detector();
    /* a general abbreviation ends a sentence only before a starter */
    CHECK_STR(split(d, "He joined Briggs & Co. The firm grew."), "He joined Briggs & Co. | The firm grew.");
    CHECK_STR(split(d, "He joined Briggs & Co. Harlow was there."), "He joined Briggs & Co. Harlow was there.");
    CHECK_STR(split(d, "Fruit, e.g. pears, sold out."), "Fruit, e.g. pears, sold out.");
    /* multi-period abbreviations of short parts need no list */
    CHECK_STR(split(d, "It rained in the U.S. The crops failed."), "It rained in the U.S. | The crops failed.");
    CHECK_STR(split(d, "The U.S. Navy left."), "The U.S. Navy left.");
    /* after U.S. a plural-looking word before a lowercase word starts a
     * sentence, unless and/of/for follows or it is a terminal follower */
    CHECK_STR(split(d, "It rained in the U.S. Farmers lost crops."), "It rained in the U.S. | Farmers lost crops.");
    CHECK_STR(split(d, "The U.S. Customs and Border office."), "The U.S. Customs and Border office.");
    CHECK_STR(split(d, "The U.S. Marines met."), "The U.S. Marines met.");
    /* titles never end one before a name */
    CHECK_STR(split(d, "We saw Dr. Orland Vesk there."), "We saw Dr. Orland Vesk there.");
    CHECK_STR(split(d, "Ask Sen. Marra now."), "Ask Sen. Marra now.");
    /* compounds: the last part decides */
    CHECK_STR(split(d, "Orla Vesk, D-Mr. Tane spoke."), "Orla Vesk, D-Mr. Tane spoke.");
    /* numeric ones count only before a number */
    CHECK_STR(split(d, "See No. 5 on the list."), "See No. 5 on the list.");
    CHECK_STR(split(d, "She said no. The vote failed."), "She said no. | The vote failed.");
    dp_sbd_free(d);
}

static void test_terminal_abbreviations(void) {
    dp_sbd *d = detector();
    /* after a name they end a sentence before any capitalised word ... */
    CHECK_STR(split(d, "It went to Tarrow Mills Inc. Shares rose."), "It went to Tarrow Mills Inc. | Shares rose.");
    CHECK_STR(split(d, "It moved to Tulsa, Okla. Workers left."), "It moved to Tulsa, Okla. | Workers left.");
    CHECK_STR(split(d, "It was born in Ithaca, N.Y. Harlow grew."), "It was born in Ithaca, N.Y. | Harlow grew.");
    CHECK_STR(split(d, "A fire hit Orchard St. Crews came."), "A fire hit Orchard St. | Crews came.");
    CHECK_STR(split(d, "We sold pens, paper, etc. Prices rose."), "We sold pens, paper, etc. | Prices rose.");
    /* ... except a follower, a lowercase word or a number */
    CHECK_STR(split(d, "Tarrow Inc. Chief Ana Vesk spoke."), "Tarrow Inc. Chief Ana Vesk spoke.");
    CHECK_STR(split(d, "Orla Vesk Jr. Day is in May."), "Orla Vesk Jr. Day is in May.");
    CHECK_STR(split(d, "Tarrow Inc. said no."), "Tarrow Inc. said no.");
    /* not after a lowercase word, the first word or a starter: St. as Saint */
    CHECK_STR(split(d, "We flew to St. Tarrow today."), "We flew to St. Tarrow today.");
    CHECK_STR(split(d, "The St. Tarrow team won."), "The St. Tarrow team won.");
    CHECK_STR(split(d, "Visiting St. Tarrow was fun."), "Visiting St. Tarrow was fun.");
    /* a starter always ends the sentence */
    CHECK_STR(split(d, "We flew to St. The plane was late."), "We flew to St. | The plane was late.");
    dp_sbd_free(d);
}

static void test_times_and_initials(void) {
    dp_sbd *d = detector();
    CHECK_STR(split(d, "We left at 5 p.m. The bus was late."), "We left at 5 p.m. | The bus was late.");
    CHECK_STR(split(d, "It opens at 9 a.m. Monday in Tarrow."), "It opens at 9 a.m. Monday in Tarrow.");
    CHECK_STR(split(d, "At 5 a.m. Orla Vesk went out."), "At 5 a.m. Orla Vesk went out.");
    CHECK_STR(split(d, "It ended at 5 a.m. Orla Vesk went out."), "It ended at 5 a.m. | Orla Vesk went out.");
    /* initials */
    CHECK_STR(split(d, "Jonas E. Harrow spoke."), "Jonas E. Harrow spoke.");
    CHECK_STR(split(d, "A letter by J. Harrow came."), "A letter by J. Harrow came.");
    CHECK_STR(split(d, "It comes in size M. Returns are free."), "It comes in size M. | Returns are free.");
    CHECK_STR(split(d, "It was you and I. Did they see?"), "It was you and I. | Did they see?");
    /* a capital after a capitalised word ends a sentence before a starter */
    CHECK_STR(split(d, "Use Plan B. The rest failed."), "Use Plan B. | The rest failed.");
    /* a numeric abbreviation not before a number can be an initial */
    CHECK_STR(split(d, "Orla P. Vesk spoke."), "Orla P. Vesk spoke.");
    dp_sbd_free(d);
}

static void test_periods_in_tokens(void) {
    dp_sbd *d = detector();
    CHECK_STR(split(d, "It rose 3.5 percent to $1.50 a share."), "It rose 3.5 percent to $1.50 a share.");
    CHECK_STR(split(d, "Mail desk@tarrow.example now."), "Mail desk@tarrow.example now.");
    CHECK_STR(split(d, "Hello world.Today is fine."), "Hello world. | Today is fine.");
    CHECK_STR(split(d, "Go to www.Tarrow.example today."), "Go to www.Tarrow.example today.");
    /* reference numbers after the stop stay with the sentence */
    CHECK_STR(split(d, "It was a gap in care.11 12 Take the case."), "It was a gap in care.11 12 | Take the case.");
    CHECK_STR(split(d, "It was slow (type 2).10 This works."), "It was slow (type 2).10 | This works.");
    CHECK_STR(split(d, "It rose to 3.10 Tarrow units."), "It rose to 3.10 Tarrow units.");
    dp_sbd_free(d);
}

static void test_exclamations_and_quotes(void) {
    dp_sbd *d = detector();
    CHECK_STR(split(d, "Stop! Go home."), "Stop! | Go home.");
    CHECK_STR(split(d, "What now? 40 people came."), "What now? | 40 people came.");
    CHECK_STR(split(d, "\"Why now?\" she asked."), "\"Why now?\" she asked.");
    CHECK_STR(split(d, "\"Is it over? Nobody knows,\" he said."), "\"Is it over? Nobody knows,\" he said.");
    CHECK_STR(split(d, "He works at Yahoo! Mail is down."), "He works at Yahoo! Mail is down.");
    CHECK_STR(split(d, "He works at Yahoo! The site is down."), "He works at Yahoo! | The site is down.");
    CHECK_STR(split(d, "Run! - Tarrow is flooding."), "Run! | - Tarrow is flooding.");
    /* an attribution after a quoted question continues the sentence */
    CHECK_STR(split(d, "\"A plan?\" Orla Vesk said. \"No.\""), "\"A plan?\" Orla Vesk said. | \"No.\"");
    CHECK_STR(split(d, "\"A plan?\" Orla Vesk said nothing."), "\"A plan?\" | Orla Vesk said nothing.");
    /* nested closing quotes after a stop */
    CHECK_STR(split(d, "He said, \xE2\x80\x9CThey told us, \xE2\x80\x98Go.\xE2\x80\x99\xE2\x80\x9D Then he left."),
              "He said, \xE2\x80\x9CThey told us, \xE2\x80\x98Go.\xE2\x80\x99\xE2\x80\x9D | Then he left.");
    /* a no-break space after a stop is white space, trimmed off */
    CHECK_STR(split(d, "It passed.\xC2\xA0" "Critics left."), "It passed. | Critics left.");
    /* a period inside a quotation ends a sentence, as newswire gold does */
    CHECK_STR(split(d, "\xE2\x80\x9CWe are ready. The talks start Monday,\xE2\x80\x9D he said."),
              "\xE2\x80\x9CWe are ready. | The talks start Monday,\xE2\x80\x9D he said.");
    /* closers and reference marks stay with their sentence */
    CHECK_STR(split(d, "He was a martyr.[1][2] The town grew."), "He was a martyr.[1][2] | The town grew.");
    CHECK_STR(split(d, "(It rained.) The match went on."), "(It rained.) | The match went on.");
    dp_sbd_free(d);
}

static void test_ellipses_and_stops(void) {
    dp_sbd *d = detector();
    CHECK_STR(split(d, "Well... The rain stopped."), "Well... | The rain stopped.");
    CHECK_STR(split(d, "It was really ... well, odd."), "It was really ... well, odd.");
    CHECK_STR(split(d, "He paused. . . . The crowd waited."), "He paused. | . . . The crowd waited.");
    CHECK_STR(split(d, "Wait\xE2\x80\xA6 Then go."), "Wait\xE2\x80\xA6 | Then go.");
    CHECK_STR(split(d, "They quote [...] the rest."), "They quote [...] the rest.");
    CHECK_STR(split(d, "\xE5\xA5\xBD\xE3\x80\x82\xE5\x86\x8D\xE8\xA7\x81\xE3\x80\x82"),
              "\xE5\xA5\xBD\xE3\x80\x82 | \xE5\x86\x8D\xE8\xA7\x81\xE3\x80\x82");
    dp_sbd_free(d);
}

static void test_lists_and_lines(void) {
    dp_sbd *d = detector();
    CHECK_STR(split(d, "Bring:\n1. Tents\n2. Maps"), "Bring: | 1. Tents | 2. Maps");
    /* in running text, only a sequence that starts after a stop */
    CHECK_STR(split(d, "Bring these. 1) a tent 2) a map 3) a lamp."), "Bring these. | 1) a tent | 2) a map | 3) a lamp.");
    CHECK_STR(split(d, "You need 1) a tent 2) a map."), "You need 1) a tent 2) a map.");
    CHECK_STR(split(d, "Pack \xE2\x80\xA2 tents \xE2\x80\xA2 maps"), "Pack | \xE2\x80\xA2 tents | \xE2\x80\xA2 maps");
    CHECK_STR(split(d, "John A. Smith won."), "John A. Smith won.");
    /* a line without a stop: a headline before a capital, a wrapped line
     * before a lowercase word or after a continuation */
    CHECK_STR(split(d, "Storm hits Tarrow\nThe river rose."), "Storm hits Tarrow | The river rose.");
    CHECK_STR(split(d, "The river rose\nslowly all night."), "The river rose\nslowly all night.");
    CHECK_STR(split(d, "Prices of\nBread rose."), "Prices of\nBread rose.");
    CHECK_STR(split(d, "features\ncontact manager\nevents"), "features | contact manager | events");
    /* a ragged paragraph (a short line without a stop) is not hard-wrapped */
    CHECK_STR(split(d, "Ferry service to resume\n"
                       "Repairs to the Tarrow pier are finished ahead of schedule\n"
                       "The first boat leaves Saturday."),
              "Ferry service to resume | Repairs to the Tarrow pier are finished ahead of schedule | "
              "The first boat leaves Saturday.");
    CHECK_STR(split(d, "It ended.\nmost went home."), "It ended. | most went home.");
    /* hard-wrapped paragraphs run on: two lines, the first of 50+
     * characters ending in a name that goes on ... */
    CHECK_STR(split(d, "The council of Tarrow met on a cold evening to vote with Mayor\n"
                       "Ann Olsen on the bridge, which most members did support."),
              "The council of Tarrow met on a cold evening to vote with Mayor\n"
              "Ann Olsen on the bridge, which most members did support.");
    /* ... but not a title-case headline over a shorter sentence */
    CHECK_STR(split(d, "Tarrow Council Approves Emergency Repairs to the Old Bridge\n"
                       "The vote was 5-2."),
              "Tarrow Council Approves Emergency Repairs to the Old Bridge | The vote was 5-2.");
    /* narrow columns: two full lines or more show the width (in characters:
     * the curly quotes count one each) */
    CHECK_STR(split(d, "\xE2\x80\x9CWe are ready,\xE2\x80\x9D said Ana\n"
                       "Lutz of the Tarrow Harbor\n"
                       "Board. The ferry sails at\n"
                       "noon."),
              "\xE2\x80\x9CWe are ready,\xE2\x80\x9D said Ana\nLutz of the Tarrow Harbor\nBoard. | "
              "The ferry sails at\nnoon.");
    /* a line ending in an em dash runs on; a bullet line after an
     * abbreviation at a line end starts an item */
    CHECK_STR(split(d, "TARROW \xE2\x80\x94\nThe river rose."), "TARROW \xE2\x80\x94\nThe river rose.");
    CHECK_STR(split(d, "Bidders:\n- Kell Inc.\n- Vesta Co."), "Bidders: | - Kell Inc. | - Vesta Co.");
    dp_sbd_free(d);
}

/* Random byte soup from newswire pieces: the invariants hold, the count is
 * stable, and nothing reads outside the text (run under the sanitizers). */
static void test_invariants(void) {
    static const char *const pieces[] = {
        "Mr.", "a.m.", "U.S.", "1.", "(a)", "\xE2\x80\xA2", "...", ". . .", ".", "!", "?", "\"",
        "'", "\xE2\x80\x9C", "\xE2\x80\x9D", "(", ")", "[1]", "\n", "\n\n", "\r\n", " ", "  ", "The",
        "said", "x", "J.", "I.", "\xC3\x89va", "\xE3\x80\x82", "\xE2", "\xC3", "Yahoo!", "--", "e.g.",
        "\xC2\xA0", "\xE2\x80\xAF", "Inc.", "St.", ".11", "12", "\xE2\x80\x99", "Tulsa,",
    };
    dp_sbd *d = detector();
    unsigned seed = 12345;
    dp_span sp[256];
    int ok = 1, same = 1;
    for (int t = 0; t < 3000; t++) {
        size_t o = 0;
        int k = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 40;
        for (int i = 0; i < k; i++) {
            const char *p = pieces[((seed = seed * 1103515245u + 12345u) >> 16) % (sizeof pieces / sizeof *pieces)];
            size_t l = strlen(p);
            memcpy(buf + o, p, l);
            o += l;
            if ((seed >> 20) & 1) buf[o++] = ' ';
        }
        /* exactly n bytes, no NUL after them, so a read past the end shows */
        char *s = malloc(o ? o : 1);
        memcpy(s, buf, o);
        size_t c1 = split_checked(d, s, o, sp, 256, &ok);
        size_t c2 = dp_sbd_split(d, s, o, NULL, 0);
        if (c1 != c2) same = 0;
        free(s);
    }
    CHECK(ok);
    CHECK(same);
    dp_sbd_free(d);
}

/* One work area kept over many texts (dp_sbd_split_in) gives what a fresh
 * one gives each time: lists (whose marks the work area holds between
 * paragraphs), the random soup of test_invariants, and an array too small. */
static void test_reused_work(void) {
    static const char *const texts[] = {
        "Bring:\n1. Tents\n2. Maps", "Bring these. 1) a tent 2) a map 3) a lamp.",
        "You need 1) a tent 2) a map.", "a) one b) two. c) three\n(d) four",
        "Pack \xE2\x80\xA2 tents \xE2\x80\xA2 maps", "Mr. Vance left at 5 p.m. The rest stayed.",
        "", "First note.\r\n\r\nSecond note.",
    };
    static const char *const pieces[] = {
        "1.", "2.", "3.", "a)", "b)", "(c)", "A.", "\n", " ", "The", "x.", "\xE2\x80\xA2", "said",
    };
    dp_sbd *d = detector();
    dp_sbd_work *w = dp_sbd_work_new();
    CHECK(w != NULL);
    dp_span a[64], b[64];
    int same = 1;
    unsigned seed = 777;
    for (int t = 0; t < 2000; t++) {
        const char *s = texts[t % (int)(sizeof texts / sizeof *texts)];
        size_t n = strlen(s);
        if (t % 2) {  /* every other text: list pieces at random */
            size_t o = 0;
            int k = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 30;
            for (int i = 0; i < k; i++) {
                const char *p = pieces[((seed = seed * 1103515245u + 12345u) >> 16) % (sizeof pieces / sizeof *pieces)];
                memcpy(buf + o, p, strlen(p));
                o += strlen(p);
                buf[o++] = ' ';
            }
            s = buf;
            n = o;
        }
        size_t c1 = dp_sbd_split(d, s, n, a, 64);
        size_t c2 = dp_sbd_split_in(d, w, s, n, b, 64);
        if (c1 != c2) same = 0;
        for (size_t i = 0; same && i < c1 && i < 64; i++)
            if (a[i].start != b[i].start || a[i].end != b[i].end) same = 0;
        if (t % 7 == 0) CHECK_INT(dp_sbd_split_in(d, w, s, n, NULL, 0), c1);  /* count only */
    }
    CHECK(same);
    dp_sbd_work_free(w);
    dp_sbd_work_free(NULL);
    dp_sbd_free(d);
}

DP_TEST_MAIN("test_sbd", test_lists, test_paragraphs_and_spans, test_abbreviations, test_terminal_abbreviations,
             test_times_and_initials, test_periods_in_tokens, test_exclamations_and_quotes,
             test_ellipses_and_stops, test_lists_and_lines, test_invariants, test_reused_work)
