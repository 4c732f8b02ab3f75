/* Unit tests for dp_yaml.c. */
#include "dp_test.h"
#include "dp_yaml.h"

static dp_yaml_doc *parse(const char *s, dp_yaml_error *e) {
    return dp_yaml_parse(s, strlen(s), 1000, e);
}

static void test_tree_and_positions(void) {
    dp_yaml_error e;
    dp_yaml_doc *d = parse("name: x\nstages:\n  - stage: clean\n  - 'quoted'\n", &e);
    CHECK(d != NULL);
    if (!d) return;
    const dp_yaml_node *r = dp_yaml_root(d);
    CHECK_INT(r->kind, DP_YAML_MAP);
    CHECK_INT(r->n, 2);
    CHECK_STR(r->items[0]->value, "name");
    CHECK_INT(r->items[0]->line, 1);
    const dp_yaml_node *seq = r->items[3];
    CHECK_INT(seq->kind, DP_YAML_SEQ);
    CHECK_INT(seq->n, 2);
    CHECK_INT(seq->items[0]->line, 3);
    CHECK_INT(seq->items[0]->column, 5);
    CHECK_INT(seq->items[1]->plain, 0);
    CHECK_STR(seq->items[1]->value, "quoted");
    dp_yaml_free(d);
}

static void test_errors(void) {
    dp_yaml_error e;
    CHECK(parse("a: [1, 2\n", &e) == NULL);
    CHECK_INT(e.line, 2);
    CHECK(parse("", &e) == NULL);
    CHECK_STR(e.message, "the file holds no YAML document");
    CHECK(parse("a: *nope\n", &e) == NULL);
    CHECK_STR(e.message, "unknown alias");
    CHECK(parse("a:\tb: c\n", &e) == NULL);
}

static void test_aliases(void) {
    dp_yaml_error e;
    dp_yaml_doc *d = parse("base: &b {x: 1}\nother: *b\n", &e);
    CHECK(d != NULL);
    if (d) {
        const dp_yaml_node *r = dp_yaml_root(d);
        CHECK(r->items[1] == r->items[3]);  /* shared, not copied */
        dp_yaml_free(d);
    }
    /* a billion laughs is refused by the expansion bound */
    const char *bomb =
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
    CHECK(parse(bomb, &e) == NULL);
    CHECK(strstr(e.message, "alias") != NULL);
}

DP_TEST_MAIN("yaml", test_tree_and_positions, test_errors, test_aliases)
