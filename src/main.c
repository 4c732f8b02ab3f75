/*
 * main.c: the `docpipe` command line: run, check, stages, lua, help.
 * Diagnostics go to stderr as "docpipe: ..."; help goes to stdout.
 */
#include "dp_engine.h"
#include "dp_run.h"
#include "dp_stderr.h"
#include "lua_docpipe.h"

#include <lauxlib.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage_main[] =
    "usage: docpipe COMMAND [ARGS]\n"
    "\n"
    "Runs pipelines of Lua stages over news articles and other documents.\n"
    "\n"
    "commands:\n"
    "  run PIPELINE [INPUT ...]   run a pipeline over files, folders or stdin\n"
    "  check PIPELINE             validate a pipeline and its stage options\n"
    "  stages                     list the built-in stages and their options\n"
    "  pipelines                  list the built-in pipelines\n"
    "  eval [INPUT.jsonl ...]     summarise and score with ROUGE, print a table\n"
    "  new-stage NAME [DIR]       write a stage skeleton, its spec and a pipeline\n"
    "  lua FILE [ARGS ...]        run a Lua script with the docpipe module\n"
    "  test [SPEC ...]            run busted specs with the docpipe module\n"
    "  help [COMMAND]             show help for a command\n"
    "\n"
    "options:\n"
    "  -h, --help                 show this help\n"
    "  -V, --version              print the version\n"
    "\n"
    "exit codes: 0 ok, 1 some documents failed, 2 usage or configuration error,\n"
    "3 I/O error, 130 interrupted.\n";

static const char usage_run[] =
    "usage: docpipe run PIPELINE [INPUT ...] [options]\n"
    "\n"
    "PIPELINE is a YAML file or the name of a built-in pipeline (see\n"
    "`docpipe pipelines`); a file of that name comes first, builtin:NAME is\n"
    "always the built-in. INPUT is a file, a folder (walked recursively in\n"
    "sorted order; inside folders only .txt .text .jsonl .ndjson .html .htm)\n"
    "or - for standard input (the default). A .jsonl file holds one document\n"
    "per line ({\"id\", \"text\" or \"html\", ...}); an .html or .htm file is a\n"
    "saved web page (its article becomes the text); any other file is one\n"
    "text document whose id is the file name without its extension.\n"
    "\n"
    "options:\n"
    "  -f, --format FORMAT        jsonl, json, markdown, text or html (default: the\n"
    "                             pipeline's output.format); text sets documents\n"
    "                             apart by a line holding only a form feed\n"
    "  -o, --output FILE          write to FILE (atomically) instead of stdout\n"
    "      --errors FILE          record failed documents there as JSON Lines\n"
    "      --input-format FORMAT  text or jsonl: how to read stdin (default:\n"
    "                             detected from the first byte)\n"
    "  -j, --jobs N               worker threads (default: the online cores), started\n"
    "                             as work waits for them; the output is the same,\n"
    "                             in input order, for any N\n"
    "  -q, --quiet                no progress, tracebacks or summaries on stderr, and\n"
    "                             no warning a written record keeps (in meta.warnings\n"
    "                             of JSON output, or of an --errors record): a warning\n"
    "                             nothing keeps is still printed, and so are the\n"
    "                             stages' finish results (data, not diagnostics)\n"
    "      --shard I/N            take only every N-th record, starting with the I-th\n"
    "                             (1-based): N runs with I = 1..N cover the input once\n"
    "      --hadoop-counters      write reporter:counter:docpipe,NAME,N lines on stderr\n"
    "                             at the end (Hadoop Streaming): the counts of --stats\n"
    "      --stats                per-stage counts and CPU time, documents/s and\n"
    "                             MB/s on stderr at the end\n"
    "      --stats-json FILE      the same as JSON in FILE, with the stages' finish\n"
    "                             results\n"
    "-o, --errors and --stats-json may not name an input, a document of an input\n"
    "folder or a new file the folder walk would read (by any link or spelling):\n"
    "exit 2 before anything is opened.\n"
    "\n"
    "exit codes: 0 ok, 1 some documents failed, 2 usage or configuration error,\n"
    "3 I/O error (an input unreadable, the output unwritable), 130 interrupted;\n"
    "when several happen, the gravest: 130, then 3, then 1. A closed output pipe\n"
    "(`| head`) is no error.\n";

static const char usage_check[] =
    "usage: docpipe check PIPELINE\n"
    "\n"
    "Loads the pipeline and every stage, validates all options and runs each\n"
    "stage's init (where a stage checks what a type cannot say), without reading\n"
    "any input. Errors are printed as FILE:LINE:COLUMN: message.\n";

static const char usage_stages[] =
    "usage: docpipe stages [--markdown] [NAME or FILE.lua ...]\n"
    "\n"
    "Lists the built-in stages (or the ones named: built-in names or stage files)\n"
    "with their options, types, defaults and docs; --markdown prints the same as a\n"
    "Markdown reference.\n";

static const char usage_new_stage[] =
    "usage: docpipe new-stage NAME [DIR]\n"
    "\n"
    "Writes a stage skeleton DIR/NAME.lua (DIR defaults to the current folder),\n"
    "its busted spec DIR/NAME_spec.lua and a pipeline DIR/NAME.yaml that runs\n"
    "it. Existing files are not overwritten.\n";

static const char usage_pipelines[] =
    "usage: docpipe pipelines\n\nLists the built-in pipelines with their stages.\n";

static const char usage_lua[] =
    "usage: docpipe lua FILE [ARGS ...]\n"
    "\n"
    "Runs a Lua 5.4 script with `require \"docpipe\"` available; ARGS are in\n"
    "the global table arg, as with the lua interpreter.\n";

static int usage_error(const char *msg, const char *usage) {
    fprintf(stderr, "docpipe: %s\n\n%s", msg, usage);
    return DP_EXIT_USAGE;
}

static int cmd_run(int argc, char **argv) {
    dp_run_opts o;
    memset(&o, 0, sizeof o);
    const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    if (!inputs) return DP_EXIT_USAGE;
    size_t n = 0;
    int only_inputs = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (only_inputs || a[0] != '-' || strcmp(a, "-") == 0) {
            if (!o.pipeline) o.pipeline = a;
            else inputs[n++] = a;
        } else if (strcmp(a, "--") == 0) {
            only_inputs = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage_run, stdout);
            free(inputs);
            return 0;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            o.quiet = 1;
        } else if (strcmp(a, "--stats") == 0) {
            o.stats = 1;
        } else if (strcmp(a, "--hadoop-counters") == 0) {
            o.hadoop_counters = 1;
        } else if (strcmp(a, "--shard") == 0) {
            /* I/N: two whole numbers written plainly; the message repeats the value given */
            long si = 0, sn = 0;
            const char *why = NULL;
            if (!val) why = "needs a value I/N";
            else {
                const char *p = val;
                char *end;
                if (*p < '0' || *p > '9') why = "not I/N, two whole numbers";
                else {
                    /* a number past what a long holds is too large, not malformed:
                       strtol then says ERANGE, and the digits are still read to their end */
                    errno = 0;
                    si = strtol(p, &end, 10);
                    int si_big = errno == ERANGE || si > INT_MAX;
                    if (*end != '/' || end[1] < '0' || end[1] > '9') why = "not I/N, two whole numbers";
                    else {
                        errno = 0;
                        sn = strtol(end + 1, &end, 10);
                        int sn_big = errno == ERANGE || sn > INT_MAX;
                        if (*end) why = "not I/N, two whole numbers";
                        else if (sn_big) why = "N is too large: at most 2147483647";
                        else if (sn < 1) why = "N must be 1 or more";
                        else if (si_big) why = "I is too large";
                        else if (si < 1 || si > sn) why = "I must be from 1 to N";
                    }
                }
            }
            if (why) {
                if (val)
                    fprintf(stderr, "docpipe: --shard '%s': %s (I/N with 1 <= I <= N, e.g. --shard 2/8)\n", val, why);
                else
                    fprintf(stderr, "docpipe: --shard %s (with 1 <= I <= N, e.g. --shard 2/8)\n", why);
                free(inputs);
                return DP_EXIT_USAGE;
            }
            o.shard_index = (int)si;
            o.shard_count = (int)sn;
            i++;
        } else if (strncmp(a, "-j", 2) == 0 || strcmp(a, "--jobs") == 0) {
            const char *num = a[1] == 'j' && a[2] ? a + 2 : val;
            if (!num) {
                fprintf(stderr, "docpipe: %s needs a number of workers\n", a);
                free(inputs);
                return DP_EXIT_USAGE;
            }
            char *end;
            long j = strtol(num, &end, 10);
            if (*end || j < 1 || j > 256) {
                fprintf(stderr, "docpipe: -j takes a number of workers from 1 to 256, not '%s'\n", num);
                free(inputs);
                return DP_EXIT_USAGE;
            }
            o.jobs = (int)j;
            if (num == val) i++;
        } else if (strcmp(a, "-f") == 0 || strcmp(a, "--format") == 0 ||
                   strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0 ||
                   strcmp(a, "--errors") == 0 || strcmp(a, "--input-format") == 0 ||
                   strcmp(a, "--stats-json") == 0) {
            if (!val) {
                fprintf(stderr, "docpipe: %s needs a value\n\n%s", a, usage_run);
                free(inputs);
                return DP_EXIT_USAGE;
            }
            char c = a[1] == '-' ? a[2] : a[1];
            if (strcmp(a, "--input-format") == 0) {
                if (strcmp(val, "text") == 0) o.input_format = DP_FMT_TEXT;
                else if (strcmp(val, "jsonl") == 0) o.input_format = DP_FMT_JSONL;
                else { free(inputs); return usage_error("--input-format takes text or jsonl", usage_run); }
            } else if (strcmp(a, "--errors") == 0) o.errors = val;
            else if (strcmp(a, "--stats-json") == 0) o.stats_json = val;
            else if (c == 'f') o.format = val;
            else o.output = val;
            i++;
        } else {
            fprintf(stderr, "docpipe: unknown option '%s'\n\n%s", a, usage_run);
            free(inputs);
            return DP_EXIT_USAGE;
        }
    }
    if (!o.pipeline) { free(inputs); return usage_error("run needs a PIPELINE", usage_run); }
    if (o.format && strcmp(o.format, "jsonl") != 0 && strcmp(o.format, "json") != 0 &&
        strcmp(o.format, "markdown") != 0 && strcmp(o.format, "text") != 0 &&
        strcmp(o.format, "html") != 0) {
        fprintf(stderr, "docpipe: unknown format '%s' (jsonl, json, markdown, text or html)\n", o.format);
        free(inputs);
        return DP_EXIT_USAGE;
    }
    if (o.jobs == 0) {  /* default: one worker per online core */
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        o.jobs = cores > 0 ? (int)(cores > 256 ? 256 : cores) : 1;
    }
    o.inputs = inputs;
    o.ninputs = n;
    int code = dp_run(&o);
    free(inputs);
    return code;
}

/* Calls docpipe.cli's function `fn` with the arguments as strings; it
 * prints what it has to and returns the exit code. */
static int engine_call(const char *fn, int argc, char **argv) {
    lua_State *L = dp_engine_state();
    if (!L) return DP_EXIT_USAGE;
    lua_getglobal(L, "require");
    lua_pushliteral(L, "docpipe.cli");
    int code = DP_EXIT_USAGE;
    if (dp_engine_pcall(L, 1, 1) == LUA_OK) {
        lua_getfield(L, -1, fn);
        luaL_checkstack(L, argc, "too many arguments");
        for (int i = 0; i < argc; i++) lua_pushstring(L, argv[i]);
        if (dp_engine_pcall(L, argc, 1) == LUA_OK) code = (int)lua_tointeger(L, -1);
        else fprintf(stderr, "docpipe: %s\n", lua_tostring(L, -1));
    } else {
        fprintf(stderr, "docpipe: %s\n", lua_tostring(L, -1));
    }
    dp_engine_close(L);
    return code;
}

static int cmd_lua(int argc, char **argv) {
    if (argc < 1) return usage_error("lua needs a FILE", usage_lua);
    lua_State *L = dp_engine_state();
    if (!L) return DP_EXIT_USAGE;
    lua_createtable(L, argc, 1);
    for (int i = 0; i < argc; i++) {
        lua_pushstring(L, argv[i]);
        lua_rawseti(L, -2, i);
    }
    lua_setglobal(L, "arg");
    int code = 0;
    if (luaL_loadfile(L, argv[0]) != LUA_OK) {
        fprintf(stderr, "docpipe: %s\n", lua_tostring(L, -1));
        code = DP_EXIT_USAGE;
    } else {
        luaL_checkstack(L, argc, "too many arguments");
        for (int i = 1; i < argc; i++) lua_pushstring(L, argv[i]);
        if (dp_engine_pcall(L, argc - 1, 0) != LUA_OK) {
            fprintf(stderr, "docpipe: %s\n", lua_tostring(L, -1));
            code = 1;
        }
    }
    dp_engine_close(L);
    return code;
}

/* docpipe test [busted options] [SPEC ...]: busted with docpipe preloaded */
static int cmd_test(int argc, char **argv) {
    lua_State *L = dp_engine_state();
    if (!L) return DP_EXIT_USAGE;
    lua_createtable(L, argc + 1, 1);
    lua_pushliteral(L, "docpipe test");
    lua_rawseti(L, -2, 0);
    for (int i = 0; i < argc; i++) {
        lua_pushstring(L, argv[i]);
        lua_rawseti(L, -2, i + 1);
    }
    struct stat st;
    if (argc == 0 && stat("spec", &st) != 0) {
        /* no spec/ folder: the *_spec.lua files here and below, where
         * `docpipe new-stage` writes its spec */
        lua_pushliteral(L, ".");
        lua_rawseti(L, -2, 1);
    }
    lua_setglobal(L, "arg");
    int code = 0;
    if (luaL_loadstring(L, "local ok, runner = pcall(require, 'busted.runner')\n"
                           "if not ok then error('docpipe test needs busted for Lua 5.4 "
                           "(Debian package lua-busted): ' .. tostring(runner), 0) end\n"
                           "runner({ standalone = false })") != LUA_OK ||
        dp_engine_pcall(L, 0, 0) != LUA_OK) {
        fprintf(stderr, "docpipe: %s\n", lua_tostring(L, -1));
        code = 1;
    }
    dp_engine_close(L);
    return code;
}

static int cmd_help(const char *topic) {
    if (!topic) { fputs(usage_main, stdout); return 0; }
    if (strcmp(topic, "run") == 0) fputs(usage_run, stdout);
    else if (strcmp(topic, "check") == 0) fputs(usage_check, stdout);
    else if (strcmp(topic, "stages") == 0) fputs(usage_stages, stdout);
    else if (strcmp(topic, "pipelines") == 0) fputs(usage_pipelines, stdout);
    else if (strcmp(topic, "lua") == 0) fputs(usage_lua, stdout);
    else if (strcmp(topic, "new-stage") == 0) fputs(usage_new_stage, stdout);
    else if (strcmp(topic, "eval") == 0) {
        static char help[] = "--help";
        char *args[] = { help };
        return engine_call("eval", 1, args);
    }
    else if (strcmp(topic, "test") == 0)
        fputs("usage: docpipe test [busted options] [SPEC ...]\n\n"
              "Runs busted specs with the docpipe module; without SPEC, the spec/ folder,\n"
              "or the *_spec.lua files in and below the current folder when there is none.\n",
              stdout);
    else if (strcmp(topic, "help") == 0) fputs("usage: docpipe help [COMMAND]\n", stdout);
    else {
        fprintf(stderr, "docpipe: no help for '%s'\n", topic);
        return DP_EXIT_USAGE;
    }
    return 0;
}

int main(int argc, char **argv) {
    /* every diagnostic reaches the terminal cleaned (no escape sequence from a
     * file name, a message or a document); `docpipe lua` runs the user's own
     * program, whose stderr is its own */
    if (argc < 2 || strcmp(argv[1], "lua") != 0) dp_stderr_install_filter();
    if (argc < 2) { fputs(usage_main, stderr); return DP_EXIT_USAGE; }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) return cmd_help(NULL);
    if ((strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0 || strcmp(cmd, "pipelines") == 0) &&
        argc > 2) {
        fprintf(stderr, "docpipe: %s takes no arguments\n", cmd);
        return DP_EXIT_USAGE;
    }
    if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
        printf("docpipe %s (%s)\n", DP_VERSION, LUA_RELEASE);
        return 0;
    }
    if (strcmp(cmd, "help") == 0) return cmd_help(argc > 2 ? argv[2] : NULL);
    if (strcmp(cmd, "run") == 0) return cmd_run(argc - 2, argv + 2);
    if (strcmp(cmd, "lua") == 0) return cmd_lua(argc - 2, argv + 2);
    if (strcmp(cmd, "test") == 0) return cmd_test(argc - 2, argv + 2);
    if (strcmp(cmd, "check") == 0) {
        if (argc > 2 && (strcmp(argv[2], "-h") == 0 || strcmp(argv[2], "--help") == 0))
            return cmd_help("check");
        if (argc != 3) return usage_error("check needs exactly one PIPELINE", usage_check);
        return engine_call("check", 1, argv + 2);
    }
    if (strcmp(cmd, "stages") == 0) {
        if (argc > 2 && (strcmp(argv[2], "-h") == 0 || strcmp(argv[2], "--help") == 0))
            return cmd_help("stages");
        return engine_call("stages", argc - 2, argv + 2);
    }
    if (strcmp(cmd, "pipelines") == 0) return engine_call("pipelines", 0, NULL);
    if (strcmp(cmd, "eval") == 0) return engine_call("eval", argc - 2, argv + 2);
    if (strcmp(cmd, "new-stage") == 0) {
        if (argc < 3 || argc > 4 || argv[2][0] == '-')
            return usage_error("new-stage needs a NAME (and optionally a DIR)", usage_new_stage);
        return engine_call("new_stage", argc - 2, argv + 2);
    }
    fprintf(stderr, "docpipe: unknown command '%s'\n\n%s", cmd, usage_main);
    return DP_EXIT_USAGE;
}
