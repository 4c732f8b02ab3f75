/* Tests for the embedding interface in docpipe.h. */
#include "dp_test.h"
#include "docpipe.h"
#include "lua_json.h"

#include <lauxlib.h>
#include <stdlib.h>
#include <unistd.h>

static void test_open_errors(void) {
    dp_error err;
    CHECK(dp_pipeline_open("no-such-pipeline", &err) == NULL);
    CHECK_INT(err.code, DP_ERR_CONFIG);
    CHECK(strstr(err.message, "no pipeline 'no-such-pipeline'") != NULL);
    CHECK(dp_pipeline_open("tests/cli/fixtures/unknown_stage.yaml", &err) == NULL);
    CHECK(strstr(err.message, "unknown_stage.yaml:3:12: unknown stage 'sentence'") != NULL);
    CHECK(dp_pipeline_open(NULL, NULL) == NULL);  /* err may be NULL */
}

static void test_run_json(void) {
    dp_error err;
    dp_pipeline *p = dp_pipeline_open("sentences", &err);
    CHECK(p != NULL);
    if (!p) return;
    CHECK_INT(err.code, DP_OK);
    CHECK_STR(err.message, "");
    const char *in = "{\"id\": \"d\", \"text\": \"Caf\xC3\xA9 opens. It closes.\", \"extra\": 7}";
    char *out = NULL;
    CHECK_INT(dp_pipeline_run_json(p, in, strlen(in), &out, &err), 0);
    CHECK(out && out[0] == '[');
    CHECK(out && strstr(out, "{\"text\":\"It closes.\",\"start\":12,\"end\":22}") != NULL);
    CHECK(out && strstr(out, "\"extra\":7") != NULL);
    free(out);
    CHECK_INT(dp_pipeline_run_json(p, "[1]", 3, &out, &err), DP_ERR_INPUT);
    CHECK(out == NULL);
    CHECK(strstr(err.message, "JSON object") != NULL);
    CHECK_INT(dp_pipeline_run_json(p, "{\"id\": 1}", 9, &out, &err), DP_ERR_INPUT);
    CHECK(strstr(err.message, "\"text\"") != NULL);
    /* the column of the first byte that cannot be read: the 'b' (regression:
     * column 3, cJSON's pointer one byte past it) */
    CHECK_INT(dp_pipeline_run_json(p, "{bad", 4, &out, &err), DP_ERR_INPUT);
    CHECK_STR(err.message, "invalid JSON at column 2");
    CHECK_INT(dp_pipeline_run_json(p, "{\"text\": \"a\"", 12, &out, &err), DP_ERR_INPUT);
    CHECK_STR(err.message, "unexpected end of JSON at column 13");
    dp_pipeline_close(p);
}

/* run_json and run_text write each document as the pipeline's output.fields
 * say (those fields, in that order, a missing one left out), as JSON whatever
 * output.format is (docpipe.h). */
static void test_output_fields(void) {
    char path[] = "/tmp/dp_test_api_XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0) return;
    const char *yaml = "stages:\n  - stage: sentences\noutput:\n  format: markdown\n"
                       "  fields: [sentences, id, nosuch]\n";
    CHECK_INT((int)write(fd, yaml, strlen(yaml)), (int)strlen(yaml));
    close(fd);
    dp_error err;
    dp_pipeline *p = dp_pipeline_open(path, &err);
    CHECK(p != NULL);
    if (p) {
        const char *in = "{\"id\": \"d\", \"text\": \"One. Two.\", \"extra\": 7}";
        char *out = NULL;
        CHECK_INT(dp_pipeline_run_json(p, in, strlen(in), &out, &err), 0);
        CHECK_STR(out, "[{\"sentences\":[{\"text\":\"One.\",\"start\":0,\"end\":4},"
                       "{\"text\":\"Two.\",\"start\":5,\"end\":9}],\"id\":\"d\"}]");
        free(out);
        CHECK_INT(dp_pipeline_run_text(p, "t", "Hi.", 3, &out, &err), 0);
        CHECK_STR(out, "[{\"sentences\":[{\"text\":\"Hi.\",\"start\":0,\"end\":3}],\"id\":\"t\"}]");
        free(out);
        dp_pipeline_close(p);
    }
    unlink(path);
}

/* The position in a JSON error message is the 1-based line and column (in
 * bytes) of the first byte that cannot be read, or of the end when the text
 * ends too soon; json.decode and the JSON Lines reader both word it here. */
static void test_json_error_columns(void) {
    static const struct { const char *in, *want; } cases[] = {
        { "{bad", "invalid JSON at line 1, column 2" },
        { "{oops}", "invalid JSON at line 1, column 2" },
        { "[1,}", "invalid JSON at line 1, column 4" },
        { "x", "invalid JSON at line 1, column 1" },
        { "", "unexpected end of JSON at line 1, column 1" },
        { "   ", "unexpected end of JSON at line 1, column 4" },
        { "{\"a\":1", "unexpected end of JSON at line 1, column 7" },
        { "\"abc", "unexpected end of JSON at line 1, column 5" },
        { "{\"a\" 1}", "invalid JSON at line 1, column 6" },
        { "{\"a\":1,}", "invalid JSON at line 1, column 8" },
        { "[1.2.3]", "invalid JSON at line 1, column 5" },
        { "[-x]", "invalid JSON at line 1, column 3" },
        { "[tru]", "invalid JSON at line 1, column 5" },
        { "{\"a\":\"\\x\"}", "invalid JSON at line 1, column 8" },     /* the escape letter */
        { "{\"a\":\"\\ud800\"}", "invalid JSON at line 1, column 7" },  /* the lone surrogate's \ */
        { "{\"a\":\"\\u12g4\", x}", "invalid JSON at line 1, column 16" }, /* a bad hex digit is cJSON's 0 */
        { "[1e5, 01, +1]", "invalid JSON at line 1, column 11" },       /* 01 reads, as in cJSON */
        { "{\"a\": 1,\n \"b\": }", "invalid JSON at line 2, column 7" },
        { "\xEF\xBB\xBF{x", "invalid JSON at line 1, column 5" },       /* a BOM counts its bytes */
    };
    lua_State *L = luaL_newstate();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char err[160] = "";
        int top = lua_gettop(L);
        CHECK_INT(dp_json_decode_push(L, cases[i].in, strlen(cases[i].in), 0, err, sizeof err), 0);
        CHECK_STR(err, cases[i].want);
        lua_settop(L, top);
    }
    /* past cJSON's nesting limit: the bracket that opens level 1001 */
    char deep[1100];
    memset(deep, '[', 1001);
    deep[1001] = '\0';
    char err[160] = "";
    CHECK_INT(dp_json_decode_push(L, deep, 1001, 0, err, sizeof err), 0);
    CHECK_STR(err, "JSON nested deeper than 1000 levels at line 1, column 1001");
    lua_close(L);
}

static void test_run_text_and_options(void) {
    dp_error err;
    dp_pipeline *p = dp_pipeline_open("tests/cli/fixtures/boom_fail.yaml", &err);
    CHECK(p != NULL);
    if (!p) return;
    char *out = NULL;
    CHECK_INT(dp_pipeline_run_text(p, "calm", "Nothing here.", 13, &out, &err), 0);
    CHECK(out && strstr(out, "\"checked\":true") != NULL);
    free(out);
    CHECK_INT(dp_pipeline_run_text(p, "loud", "It went boom.", 13, &out, &err), DP_ERR_STAGE);
    CHECK(strstr(err.message, "stage 'boom' failed on document 'loud'") != NULL);
    CHECK(strstr(err.message, "stack traceback") != NULL);
    CHECK_INT(dp_pipeline_set_option(p, "boom", "nope", "1", &err), DP_ERR_CONFIG);
    CHECK(strstr(err.message, "has no option 'nope'") != NULL);
    CHECK_INT(dp_pipeline_finish(p, &out, &err), 0);
    CHECK_STR(out, "{}");
    free(out);
    dp_pipeline_close(p);
    dp_pipeline_close(NULL);
}

static void test_set_option(void) {
    dp_error err;
    dp_pipeline *p = dp_pipeline_open("summary", &err);
    CHECK(p != NULL);
    if (!p) return;
    CHECK_INT(dp_pipeline_set_option(p, "summary", "sentences", "\"two\"", &err), DP_ERR_CONFIG);
    CHECK(strstr(err.message, "must be an integer") != NULL);
    CHECK_INT(dp_pipeline_set_option(p, "summary", "sentences", "1", &err), 0);
    const char *text = "The river rose on Monday. Roads closed in the valley. Schools shut early.";
    char *out = NULL;
    CHECK_INT(dp_pipeline_run_text(p, "r", text, strlen(text), &out, &err), 0);
    CHECK(out && strstr(out, "\"summary\":[\"") != NULL);
    CHECK(out && strstr(out, "\"summary\":[\"The river rose on Monday.\"]") != NULL);
    free(out);
    dp_pipeline_close(p);
}

static void test_version(void) { CHECK_STR(dp_version(), DOCPIPE_VERSION); }

DP_TEST_MAIN("api", test_open_errors, test_run_json, test_json_error_columns, test_output_fields, test_run_text_and_options, test_set_option,
             test_version)
