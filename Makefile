# docpipe: see README.md. `make` builds ./docpipe; `make test` runs every test.

PREFIX ?= /usr/local
DESTDIR ?=
BUILD ?= build
CC ?= cc

PKGS := lua5.4 libpcre2-8 yaml-0.1 libcjson libutf8proc gumbo
DEB_PKGS := gcc make pkg-config liblua5.4-dev lua5.4 libpcre2-dev libyaml-dev \
            libcjson-dev libutf8proc-dev libstemmer-dev libgumbo-dev lua-busted parallel

WARN := -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion \
        -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wundef -Wcast-qual \
        -Wwrite-strings -Wnull-dereference
CFLAGS ?= -O2 -g
SAN ?=
ALL_CFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -fPIC $(WARN) $(CFLAGS) $(SAN) \
              $(shell pkg-config --cflags $(PKGS) 2>/dev/null) -Isrc -I$(BUILD)
LDLIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm -pthread
# A Lua C module takes the Lua API from the interpreter that loads it.
MODLIBS := $(shell pkg-config --libs libpcre2-8 yaml-0.1 libcjson libutf8proc gumbo 2>/dev/null) -lstemmer -lm
SOVERSION := 0
VERSION := 0.1.0
ALL_LDFLAGS := $(LDFLAGS) $(SAN)

LIB_SRC := $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJ := $(patsubst src/%.c,$(BUILD)/%.o,$(LIB_SRC)) $(BUILD)/builtin.o
EMBEDDED := $(sort $(shell find scripts pipelines -type f \( -name '*.lua' -o -name '*.yaml' -o -name '*.txt' -o -name '*.tsv' -o -name '*.json' \) 2>/dev/null))
C_TESTS := $(patsubst tests/c/%.c,$(BUILD)/tests/%,$(wildcard tests/c/test_*.c))

.PHONY: all deps test test-c demo install uninstall clean sanitize

all: docpipe $(BUILD)/libdocpipe.so.$(VERSION) $(BUILD)/docpipe.so $(BUILD)/docpipe.pc

docpipe: $(BUILD)/main.o $(BUILD)/libdocpipe.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/libdocpipe.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/libdocpipe.so.$(VERSION): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libdocpipe.so.$(SOVERSION) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)
	ln -sf libdocpipe.so.$(VERSION) $(BUILD)/libdocpipe.so.$(SOVERSION)
	ln -sf libdocpipe.so.$(SOVERSION) $(BUILD)/libdocpipe.so

$(BUILD)/docpipe.so: $(LIB_OBJ)
	$(CC) -shared $(ALL_LDFLAGS) -o $@ $^ $(MODLIBS)

$(BUILD)/docpipe.pc: docpipe.pc.in Makefile | $(BUILD)
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' docpipe.pc.in > $@

$(BUILD)/%.o: src/%.c $(wildcard src/*.h) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/embed: tools/embed.c | $(BUILD)
	$(CC) -std=c11 -O1 $(shell pkg-config --cflags lua5.4) -o $@ $< $(shell pkg-config --libs lua5.4)

$(BUILD)/builtin.c: $(BUILD)/embed $(EMBEDDED)
	$(BUILD)/embed $@ $(EMBEDDED)

$(BUILD)/builtin.o: $(BUILD)/builtin.c src/dp_builtin.h
	$(CC) $(ALL_CFLAGS) -Wno-overlength-strings -c -o $@ $<

$(BUILD):
	mkdir -p $(BUILD)/tests

$(BUILD)/tests/%: tests/c/%.c tests/c/dp_test.h tests/c/lua_same.h $(BUILD)/libdocpipe.a
	$(CC) $(ALL_CFLAGS) -Itests/c -o $@ $< $(BUILD)/libdocpipe.a $(ALL_LDFLAGS) $(LDLIBS)

# Installs whatever of the Debian packages docpipe needs is missing.
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "deps: all present"; exit 0; fi; \
	echo "deps: installing$$missing"; \
	if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing

test-c: $(C_TESTS)

test: docpipe $(C_TESTS)
	@BUILD=$(BUILD) sh tests/run.sh

# The same tests built with AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize:
	$(MAKE) BUILD=build-san SAN="-fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer -fno-sanitize-recover=undefined,float-cast-overflow" \
	  CFLAGS="-O1 -g" DOCPIPE_BIN=build-san/docpipe build-san/docpipe test-san

build-san/docpipe: $(BUILD)/main.o $(BUILD)/libdocpipe.a
	$(CC) $(ALL_LDFLAGS) -o $@ $^ $(LDLIBS)

test-san: $(C_TESTS)
	@ASAN_OPTIONS=detect_leaks=1 BUILD=$(BUILD) DOCPIPE_BIN=$(BUILD)/docpipe sh tests/run.sh

demo: deps
	$(MAKE) docpipe
	./docpipe run news examples/ -f markdown

LUA_CMOD := lib/lua/5.4
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/pkgconfig \
	  $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/$(LUA_CMOD) $(DESTDIR)$(PREFIX)/share/docpipe \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man5
	install -m 755 docpipe $(DESTDIR)$(PREFIX)/bin/docpipe
	install -m 644 $(BUILD)/libdocpipe.a $(DESTDIR)$(PREFIX)/lib/libdocpipe.a
	install -m 755 $(BUILD)/libdocpipe.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/
	ln -sf libdocpipe.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libdocpipe.so.$(SOVERSION)
	ln -sf libdocpipe.so.$(SOVERSION) $(DESTDIR)$(PREFIX)/lib/libdocpipe.so
	install -m 644 src/docpipe.h $(DESTDIR)$(PREFIX)/include/docpipe.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' docpipe.pc.in \
	  > $(DESTDIR)$(PREFIX)/lib/pkgconfig/docpipe.pc
	install -m 755 $(BUILD)/docpipe.so $(DESTDIR)$(PREFIX)/$(LUA_CMOD)/docpipe.so
	cp -R scripts pipelines $(DESTDIR)$(PREFIX)/share/docpipe/
	install -m 644 man/docpipe.1 $(DESTDIR)$(PREFIX)/share/man/man1/docpipe.1
	install -m 644 man/docpipe-pipeline.5 $(DESTDIR)$(PREFIX)/share/man/man5/docpipe-pipeline.5

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/docpipe $(DESTDIR)$(PREFIX)/lib/libdocpipe.a \
	  $(DESTDIR)$(PREFIX)/lib/libdocpipe.so* $(DESTDIR)$(PREFIX)/include/docpipe.h \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig/docpipe.pc $(DESTDIR)$(PREFIX)/$(LUA_CMOD)/docpipe.so \
	  $(DESTDIR)$(PREFIX)/share/man/man1/docpipe.1 $(DESTDIR)$(PREFIX)/share/man/man5/docpipe-pipeline.5
	rm -rf $(DESTDIR)$(PREFIX)/share/docpipe

clean:
	rm -rf build build-san docpipe

# make bench: MB/s, documents/s and peak RSS of every built-in pipeline and of each stage
# alone, at -j 1 and on all cores, side by side with ICU's sentence iterator, the npm
# package compromise and `wc -w` on the same text (tests/bench/run.lua prints one table).
# BENCH_RUNS runs of each (the median), BENCH_MB of CNN stories, BENCH_SEED_MB of seed
# pages for `clean`, BENCH_PEER_MB of the same stories for compromise (about 0.05 MB/s).
BENCH := $(BUILD)/bench
BENCH_RUNS ?= 3
BENCH_MB ?= 20
BENCH_SEED_MB ?= 5
BENCH_PEER_MB ?= 1
BENCH_CNN := $(BENCH)/cnn-$(BENCH_MB)mb.jsonl
BENCH_CORPORA := $(BENCH_CNN) $(BENCH)/cnn-$(BENCH_MB)mb.split.jsonl \
                 $(BENCH)/seed-$(BENCH_SEED_MB)mb.jsonl $(BENCH)/pages.jsonl \
                 $(BENCH)/cnn-$(BENCH_PEER_MB)mb.jsonl

.PHONY: bench bench-peers

bench: docpipe $(BENCH_CORPORA) bench-peers
	@BENCH_DIR=$(BENCH) BENCH_RUNS=$(BENCH_RUNS) BENCH_JOBS=$(BENCH_JOBS) BENCH_CNN=$(BENCH_CNN) \
	  BENCH_SPLIT=$(BENCH)/cnn-$(BENCH_MB)mb.split.jsonl BENCH_SEED=$(BENCH)/seed-$(BENCH_SEED_MB)mb.jsonl \
	  BENCH_PAGES=$(BENCH)/pages.jsonl BENCH_PEER=$(BENCH)/cnn-$(BENCH_PEER_MB)mb.jsonl \
	  ./docpipe lua tests/bench/run.lua

$(BENCH):
	mkdir -p $@

$(BENCH)/cnn-%mb.jsonl: tests/bench/make_corpus.lua | docpipe $(BENCH)
	./docpipe lua tests/bench/make_corpus.lua $@ $*

$(BENCH)/cnn-%mb.split.jsonl: $(BENCH)/cnn-%mb.jsonl | docpipe
	./docpipe run sentences $< -q -o $@

$(BENCH)/seed-%mb.jsonl: tests/bench/make_pages.lua | docpipe $(BENCH)
	./docpipe lua tests/bench/make_pages.lua seed $@ $*

$(BENCH)/pages.jsonl: tests/bench/make_pages.lua | docpipe $(BENCH)
	./docpipe lua tests/bench/make_pages.lua html $@

# The peers: installs what is missing (libicu-dev, GNU time, node) with apt-get and
# compromise with npm; a peer that cannot be had is left out with its reason in
# $(BENCH)/NAME.why, which the table shows as "n/a (why)".
bench-peers: | $(BENCH)
	@missing=""; for p in libicu-dev time; do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "bench: installing$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO=sudo; fi; \
	  { $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; } \
	    || echo "bench: could not install$$missing; the peers that need it are left out"; \
	fi
	@if $(CC) -O2 -o $(BENCH)/icu_sentences tests/bench/icu_sentences.c \
	    $$(pkg-config --cflags --libs icu-uc libcjson) >$(BENCH)/icu.log 2>&1; then rm -f $(BENCH)/icu.why; \
	  else rm -f $(BENCH)/icu_sentences; echo "did not build, see $(BENCH)/icu.log" > $(BENCH)/icu.why; fi
	@if [ -f $(BENCH)/node_modules/compromise/package.json ]; then rm -f $(BENCH)/compromise.why; \
	  elif ! command -v npm >/dev/null 2>&1; then echo "npm not installed" > $(BENCH)/compromise.why; \
	  elif (cd $(BENCH) && npm install --no-audit --no-fund --prefix . compromise) >$(BENCH)/npm.log 2>&1; \
	  then rm -f $(BENCH)/compromise.why; \
	  else echo "npm install compromise failed, see $(BENCH)/npm.log" > $(BENCH)/compromise.why; fi

# make fuzz (each libFuzzer target for FUZZ_SECONDS, default 600) and make fuzz-smoke
# (a short run of each, for CI): see fuzz.mk.
include fuzz.mk
