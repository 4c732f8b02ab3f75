/* Tests for the embedding interface in docpipe.h. */
#include "dp_test.h"
#include "docpipe.h"

#include <stdlib.h>

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
    CHECK_INT(dp_pipeline_run_json(p, "{bad", 4, &out, &err), DP_ERR_INPUT);
    dp_pipeline_close(p);
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

DP_TEST_MAIN("api", test_open_errors, test_run_json, test_run_text_and_options, test_set_option,
             test_version)
