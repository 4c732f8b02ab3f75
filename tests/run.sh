#!/bin/sh
# Runs every test: the C unit tests, the busted specs (inside the docpipe
# binary, so they see the same module the stages see) and the command-line
# tests, then the examples in docs/ and README.md (tests/doc_examples.lua).
# Ends with one line: "N passed, N failed".
BUILD=${BUILD:-build}
DOCPIPE_BIN=${DOCPIPE_BIN:-./docpipe}
export DOCPIPE_BIN
export DOCPIPE_PATH=scripts
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

count() {  # count "N passed, N failed" in $log; a missing line is one failure
  line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  if [ -z "$line" ]; then
    echo "$1: no result line (crashed?)"
    tail -n 20 "$log"
    p=0; f=1   # the crash is this test's one failure (the line below prints it)
    failed=$((failed + 1))
    return
  fi
  p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
  f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
  passed=$((passed + p))
  failed=$((failed + f))
}

# C unit tests
for t in "$BUILD"/tests/test_*; do
  [ -x "$t" ] || continue
  "$t" >"$log" 2>&1
  rc=$?
  grep -v ' passed, ' "$log" | head -n 40
  count "$t"
  echo "$(basename "$t"): $p passed, $f failed"
  [ $rc -ne 0 ] && [ "$f" = 0 ] && { echo "$t exited $rc"; failed=$((failed + 1)); }
done

# busted specs, run by the docpipe binary
# (TAP: a crash or an early exit shows as an exit status other than 0 or as
# fewer results than the plan line "1..N" announces: each counts as a failure)
"$DOCPIPE_BIN" lua tests/busted.lua tests/spec examples/spec >"$log" 2>&1
rc=$?
grep -E '^not ok|^#' "$log" | head -n 80
p=$(grep -cE '^ok ' "$log")
f=$(grep -cE '^not ok ' "$log")
plan=$(grep -E '^1\.\.[0-9]+$' "$log" | tail -n 1 | cut -d. -f3)
if [ "$p" -eq 0 ] && [ "$f" -eq 0 ]; then
  echo "busted: no tests ran"; tail -n 20 "$log"; f=1
elif [ -z "$plan" ] || [ $((p + f)) -ne "$plan" ]; then
  echo "busted: $((p + f)) results for a plan of ${plan:-(none)} (crashed?)"; tail -n 20 "$log"; f=$((f + 1))
elif [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then
  echo "busted exited $rc"; tail -n 20 "$log"; f=1
fi
echo "specs: $p passed, $f failed"
passed=$((passed + p))
failed=$((failed + f))

# command-line tests
sh tests/cli/run.sh >"$log" 2>&1
grep -E '^(FAIL|  )' "$log" | head -n 60
count cli
echo "cli: $p passed, $f failed"

# the examples in the documentation, run as tests
"$DOCPIPE_BIN" lua tests/doc_examples.lua docs/guide.md docs/reference.md README.md >"$log" 2>&1
grep -E '^(FAIL|  )' "$log" | head -n 60
count docs
echo "docs: $p passed, $f failed"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
