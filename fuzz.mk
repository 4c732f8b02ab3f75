# fuzz.mk: libFuzzer targets for docpipe's C core (included by the Makefile;
# on its own: make -f Makefile -f fuzz.mk fuzz-smoke).
#
#   make fuzz        build every target and run each for FUZZ_SECONDS (600);
#                    `make -j2 fuzz` runs two at a time
#   make fuzz-smoke  the same for FUZZ_SMOKE_SECONDS (20) each, for CI
#   make fuzz-build  only build them (build-fuzz/fuzz_*)
#   make fuzz-deps   install clang 14 and its runtime (libclang-rt-14-dev)
#                    when missing
#
# The library sources are compiled into build-fuzz/ with
# -fsanitize=fuzzer-no-link,address,undefined; the targets in tests/fuzz/
# link them with -fsanitize=fuzzer,address,undefined. Each run first
# replays tests/fuzz/regressions/TARGET/* (inputs that once crashed), then
# fuzzes a working corpus in build-fuzz/corpus/TARGET, seeded from
# tests/fuzz/corpus/TARGET (the repository's seeds are never written to).
# A crash, leak, undefined behaviour or timeout stops the run and leaves
# the input in build-fuzz/artifacts/TARGET/; the make target then fails.

FUZZ_BUILD ?= build-fuzz
FUZZ_CC ?= clang-14
FUZZ_SECONDS ?= 600
FUZZ_SMOKE_SECONDS ?= 20
FUZZ_TIMEOUT ?= 30
FUZZ_RSS_MB ?= 2048
FUZZ_FLAGS ?=
FUZZ_DEB_PKGS := clang-14 libclang-rt-14-dev

FUZZ_TARGETS := fuzz_yaml fuzz_jsonl fuzz_utf8 fuzz_regex fuzz_sbd
# -max_len for each target
FUZZ_MAXLEN_fuzz_yaml := 4096
FUZZ_MAXLEN_fuzz_jsonl := 4096
FUZZ_MAXLEN_fuzz_utf8 := 2048
FUZZ_MAXLEN_fuzz_regex := 1024
FUZZ_MAXLEN_fuzz_sbd := 4096

FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 $(FUZZ_SAN) \
               $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -Isrc -I$(BUILD)
FUZZ_LIB_OBJ := $(patsubst src/%.c,$(FUZZ_BUILD)/obj/%.o,$(LIB_SRC)) $(FUZZ_BUILD)/obj/builtin.o
FUZZ_BINS := $(addprefix $(FUZZ_BUILD)/,$(FUZZ_TARGETS))

.PHONY: fuzz fuzz-smoke fuzz-build fuzz-deps fuzz-clean \
        $(addprefix fuzz-run-,$(FUZZ_TARGETS)) $(addprefix fuzz-smoke-,$(FUZZ_TARGETS))

fuzz: $(addprefix fuzz-run-,$(FUZZ_TARGETS))
fuzz-smoke: $(addprefix fuzz-smoke-,$(FUZZ_TARGETS))
fuzz-build: $(FUZZ_BINS)

# the objects and targets are made by pattern rules: keep them
.SECONDARY: $(FUZZ_LIB_OBJ) $(FUZZ_BINS)

# Installs the compiler and libFuzzer runtime when missing (as `deps` does).
fuzz-deps:
	@missing=""; for p in $(FUZZ_DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "fuzz-deps: installing$$missing"; \
	if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing

$(FUZZ_BUILD)/obj/.dir:
	mkdir -p $(FUZZ_BUILD)/obj && touch $@

# Order-only on fuzz-deps: the compiler is checked before the first
# compile, without rebuilding everything each time.
$(FUZZ_BUILD)/obj/%.o: src/%.c $(wildcard src/*.h) | $(FUZZ_BUILD)/obj/.dir fuzz-deps
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/obj/builtin.o: $(BUILD)/builtin.c src/dp_builtin.h | $(FUZZ_BUILD)/obj/.dir fuzz-deps
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz_lua.h tests/c/lua_same.h $(FUZZ_LIB_OBJ) | fuzz-deps
	$(FUZZ_CC) $(FUZZ_CFLAGS) -D_GNU_SOURCE -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB_OBJ) $(LDLIBS)

# Run one target: fuzz_run TARGET SECONDS. Replays the regressions, then
# fuzzes; fails on a crash file written during this run.
define fuzz_run
	@set -e; t=$(1); secs=$(2); b=$(FUZZ_BUILD); \
	mkdir -p $$b/corpus/$$t $$b/artifacts/$$t; \
	cp -n tests/fuzz/corpus/$$t/* $$b/corpus/$$t/ 2>/dev/null || true; \
	dict=""; [ -f tests/fuzz/$$t.dict ] && dict="-dict=tests/fuzz/$$t.dict"; \
	regs=$$(ls tests/fuzz/regressions/$$t/* 2>/dev/null || true); \
	if [ -n "$$regs" ]; then \
	  echo "$$t: replaying $$(echo $$regs | wc -w) regression input(s)"; \
	  $$b/$$t -timeout=$(FUZZ_TIMEOUT) -rss_limit_mb=$(FUZZ_RSS_MB) $$regs \
	    >$$b/$$t.replay.log 2>&1 || { tail -n 40 $$b/$$t.replay.log; echo "$$t: a regression input fails"; exit 1; }; \
	fi; \
	touch $$b/artifacts/$$t/.start; \
	echo "$$t: fuzzing for $${secs}s (log: $$b/$$t.log)"; \
	rc=0; $$b/$$t -max_total_time=$$secs -max_len=$(FUZZ_MAXLEN_$(1)) -timeout=$(FUZZ_TIMEOUT) \
	  -rss_limit_mb=$(FUZZ_RSS_MB) -print_final_stats=1 -artifact_prefix=$$b/artifacts/$$t/ \
	  $$dict $(FUZZ_FLAGS) $$b/corpus/$$t >$$b/$$t.log 2>&1 || rc=$$?; \
	grep -E '^#[0-9]+[[:space:]]+(DONE|INITED)' $$b/$$t.log | tail -n 1 || true; \
	grep -E '^stat::(number_of_executed_units|peak_rss_mb)' $$b/$$t.log || true; \
	found=$$(find $$b/artifacts/$$t -type f -newer $$b/artifacts/$$t/.start \
	  \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) || true); \
	if [ $$rc -ne 0 ] || [ -n "$$found" ]; then \
	  grep -v -E '^(#[0-9]+ |INFO: |MS: |0x)' $$b/$$t.log | tail -n 50; \
	  echo "$$t: FAILED (exit $$rc); input(s): $$found"; \
	  echo "  reproduce: $$b/$$t FILE; keep it as tests/fuzz/regressions/$$t/NAME once fixed"; \
	  exit 1; \
	fi; \
	echo "$$t: ok"
endef

$(addprefix fuzz-run-,$(FUZZ_TARGETS)): fuzz-run-%: $(FUZZ_BUILD)/%
	$(call fuzz_run,$*,$(FUZZ_SECONDS))

$(addprefix fuzz-smoke-,$(FUZZ_TARGETS)): fuzz-smoke-%: $(FUZZ_BUILD)/%
	$(call fuzz_run,$*,$(FUZZ_SMOKE_SECONDS))

fuzz-clean:
	rm -rf $(FUZZ_BUILD)
