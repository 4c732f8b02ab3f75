/* Unit tests for dp_mem.c. */
#include "dp_test.h"
#include "dp_mem.h"

#include <stdint.h>
#include <stdlib.h>

static void test_grow_doubles_from_16_and_keeps_the_items(void) {
    int *a = NULL;
    size_t cap = 0;
    CHECK_INT(dp_grow((void **)&a, &cap, 1, sizeof *a), 1);
    CHECK_INT(cap, 16);
    for (int i = 0; i < 16; i++) a[i] = i;
    CHECK_INT(dp_grow((void **)&a, &cap, 17, sizeof *a), 1);
    CHECK_INT(cap, 32);
    CHECK_INT(a[15], 15);
    CHECK_INT(dp_grow((void **)&a, &cap, 200, sizeof *a), 1);
    CHECK_INT(cap, 256);
    CHECK_INT(a[0] + a[9], 9);
    free(a);
}

static void test_grow_without_need_changes_nothing(void) {
    char *b = malloc(8);
    char *was = b;
    size_t cap = 8;
    CHECK_INT(dp_grow((void **)&b, &cap, 8, 1), 1);
    CHECK(b == was);
    CHECK_INT(cap, 8);
    CHECK_INT(dp_grow((void **)&b, &cap, 0, 1), 1);
    CHECK_INT(cap, 8);
    free(b);
}

static void test_grow_refuses_a_size_that_overflows(void) {
    double *d = NULL;
    size_t cap = 0;
    CHECK_INT(dp_grow((void **)&d, &cap, SIZE_MAX / 4, sizeof *d), 0);
    CHECK(d == NULL);
    CHECK_INT(cap, 0);
    CHECK_INT(dp_grow((void **)&d, &cap, 3, 0), 0);
    CHECK_INT(cap, 0);
}

DP_TEST_MAIN("mem", test_grow_doubles_from_16_and_keeps_the_items,
             test_grow_without_need_changes_nothing, test_grow_refuses_a_size_that_overflows)
