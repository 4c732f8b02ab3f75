#!/bin/sh
# Command-line tests: run the docpipe binary on fixture files and check the
# exit code, stdout and stderr. Prints FAIL lines and "N passed, N failed".
D=${DOCPIPE_BIN:-./docpipe}
# the binary by an absolute path, for commands run from another folder
Dabs="$(cd "$(dirname "$D")" && pwd)/$(basename "$D")"
F=tests/cli/fixtures
pass=0
fail=0
out=$(mktemp)
err=$(mktemp)
tmpd=$(mktemp -d)
trap 'rm -rf "$out" "$err" "$tmpd"' EXIT

# run NAME EXPECTED_EXIT CMD...: runs CMD with $out and $err captured
run() {
  name=$1; want=$2; shift 2
  "$@" >"$out" 2>"$err"
  got=$?
  if [ "$got" -eq "$want" ]; then pass=$((pass + 1))
  else fail=$((fail + 1)); echo "FAIL $name: exit $got, want $want"; sed 's/^/  /' "$err" | head -n 8; fi
}

# has NAME FILE PATTERN: FILE ($out or $err) matches the extended regex
has() {
  if grep -qE -- "$3" "$2"; then pass=$((pass + 1))
  else fail=$((fail + 1)); echo "FAIL $1: no match for /$3/"; sed 's/^/  /' "$2" | head -n 8; fi
}

# lacks NAME FILE PATTERN: FILE does not match
lacks() {
  if grep -qE -- "$3" "$2"; then fail=$((fail + 1)); echo "FAIL $1: unexpected /$3/"
  else pass=$((pass + 1)); fi
}

# lines NAME FILE N: FILE has exactly N lines
lines() {
  n=$(wc -l <"$2")
  if [ "$n" -eq "$3" ]; then pass=$((pass + 1))
  else fail=$((fail + 1)); echo "FAIL $1: $n lines, want $3"; fi
}

# --- help and version
run version 0 "$D" --version
has version "$out" '^docpipe [0-9]+\.[0-9]+\.[0-9]+'
run help 0 "$D" --help
has help "$out" 'run PIPELINE'
run help-run 0 "$D" help run
has help-run "$out" '--errors FILE'
run no-args 2 "$D"
run unknown-command 2 "$D" frobnicate
has unknown-command "$err" "unknown command 'frobnicate'"
run run-no-pipeline 2 "$D" run
run bad-format-flag 2 "$D" run sentences -f yaml "$F/note.txt"

# --- built-in stages and pipelines
run stages 0 "$D" stages
has stages "$out" '^sentences:'
has stages-options "$out" 'language'
run pipelines 0 "$D" pipelines
has pipelines "$out" '^news'
has pipelines-quotes "$out" '^quotes'
has pipelines-clean "$out" '^clean +News pages saved as text'
# every option's description starts in one column, however long a name or default is
# (regression: dateline_place_nouns pushed its line's description 4 columns right)
run stages-columns 0 "$D" stages
has stages-long-name "$out" '^    [a-z_]{17,} '
cols=$(awk '/^ {5,}[^ ]/ { match($0, /^ +/); print RLENGTH; next }
  /^    [^ ]/ { if (match($0, /^    [^ ]+ +[^ ]+ +default [^ ]* +/) && RLENGTH < length($0)) print RLENGTH }' "$out" | sort -u)
if [ "$(echo "$cols" | wc -l)" -eq 1 ] && [ -n "$cols" ]; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAIL stages-columns: descriptions start in columns $(echo $cols)"; fi
run check-builtin 0 "$D" check news
has check-builtin "$out" 'ok: news: 4 stages'
# the clean stage alone, as a built-in pipeline, run from another folder
printf 'Ferry adds evening crossing\n\nThe Harlow Bay ferry will run an extra evening crossing from next month, the island council said on Monday.\n\nShare this story\n' > "$tmpd/ferry.txt"
run builtin-clean 0 sh -c "cd '$tmpd' && '$Dabs' run clean ferry.txt"
has builtin-clean "$out" '"title":"Ferry adds evening crossing".*"removed":\[.*\{"text":"Share this story","reason":"end of article marker"\}'
lacks builtin-clean-alone "$out" '"sentences"'
# a file in the current folder named like a built-in pipeline is read in its place (by
# design), and when it does not load the error says so and names builtin:NAME (regression:
# the README's embedding example built ./quotes, and `docpipe run quotes` then said only
# "quotes: the pipeline holds a NUL byte (byte 8): not YAML text")
mkdir "$tmpd/shadowed"
cp /bin/true "$tmpd/shadowed/quotes"
printf 'stages:\n  - stage: sentences\n' > "$tmpd/shadowed/news"
printf 'stagez: []\n' > "$tmpd/shadowed/summary"
run shadow-binary 2 sh -c "cd '$tmpd/shadowed' && echo 'He said \"yes.\"' | '$Dabs' run quotes"
has shadow-binary "$err" "^docpipe: \./quotes is read in place of the built-in pipeline 'quotes' \(a file in the current folder comes first\); rename it, or write builtin:quotes for the built-in$"
has shadow-binary-cause "$err" '^docpipe: quotes: the pipeline holds a NUL byte'
run shadow-yaml 2 sh -c "cd '$tmpd/shadowed' && '$Dabs' check summary"
has shadow-yaml "$err" "^docpipe: \./summary is read in place of the built-in pipeline 'summary'"
has shadow-yaml-cause "$err" "summary:1:1: unknown key 'stagez'"
run shadow-builtin 0 sh -c "cd '$tmpd/shadowed' && echo 'He said \"yes.\"' | '$Dabs' run builtin:quotes -q"
has shadow-builtin "$out" '"quotes":\[\{'
# a file that loads is used, in silence; ./NAME is the file and says nothing of built-ins
run shadow-loads 0 sh -c "cd '$tmpd/shadowed' && echo 'One. Two.' | '$Dabs' run news -q"
has shadow-loads "$out" '"sentences":\['
lacks shadow-loads-file "$out" '"summary"'
run shadow-dot-slash 2 sh -c "cd '$tmpd/shadowed' && '$Dabs' check ./quotes"
lacks shadow-dot-slash "$err" 'in place of'
# docpipe eval runs the built-in rouge pipeline by default whatever files the folder holds
# (regression: it opened the bare name, so a file ./rouge took its place); -p rouge looks
# the file up first, as docpipe run does
printf 'stagez: []\n' > "$tmpd/shadowed/rouge"
printf '{"id":"a","text":"The council met on Monday. It approved the ferry.","highlights":["The council approved the ferry."]}\n' > "$tmpd/shadowed/refs.jsonl"
run eval-shadowed 0 sh -c "cd '$tmpd/shadowed' && '$Dabs' eval refs.jsonl"
has eval-shadowed "$out" '^\| rouge \| 1 \| [0-9.]+ \|'
lacks eval-shadowed-err "$err" 'in place of'
run eval-shadowed-p 2 sh -c "cd '$tmpd/shadowed' && '$Dabs' eval -p rouge refs.jsonl"
has eval-shadowed-p "$err" "^docpipe: \./rouge is read in place of the built-in pipeline 'rouge'"
rm "$tmpd/shadowed/rouge" "$tmpd/shadowed/refs.jsonl"
# docpipe eval on a binary or an empty input: said as such, no table of zero means
# (regression: a zero table and exit 1 for a binary file, a zero table and exit 0 for an
# empty one); a good file beside a binary one is scored, the binary one reported
printf '\000\001binary' > "$tmpd/ev_bin.jsonl"; : > "$tmpd/ev_empty.jsonl"
printf '{"id":"a","text":"The council met on Monday. It approved the ferry.","highlights":["The council approved the ferry."]}\n' > "$tmpd/ev_ok.jsonl"
run eval-binary 1 "$D" eval "$tmpd/ev_bin.jsonl"
has eval-binary "$err" 'ev_bin.jsonl: binary file \(a NUL byte in the first 8 KiB\), not read'
has eval-binary-none "$err" 'nothing to evaluate: no records in the input'
lacks eval-binary-table "$out" 'ROUGE'
run eval-empty 1 "$D" eval "$tmpd/ev_empty.jsonl"
has eval-empty "$err" 'ev_empty.jsonl: warning: no records in this JSON Lines file'
lacks eval-empty-table "$out" '\| rouge \|'
run eval-all-failed 1 sh -c "printf 'not json\\n' | '$Dabs' eval"
has eval-all-failed "$err" 'every record failed \(1\)'
lacks eval-all-failed-table "$out" '\| rouge \|'
run eval-ok-and-binary 1 "$D" eval "$tmpd/ev_ok.jsonl" "$tmpd/ev_bin.jsonl"
has eval-ok-and-binary "$out" '^\| rouge \| 1 \| [0-9.]+ \|'
has eval-ok-and-binary-err "$err" '1 binary input\(s\) not read'
# eval on a folder: named, exit 3, no traceback; records without a reference summary
# (skipped by the rouge stage): said, no table of zeros, exit 1 (regressions: a Lua
# traceback "Is a directory"; a zero table and exit 0)
mkdir -p "$tmpd/ev_dir"
run eval-folder 3 "$D" eval "$tmpd/ev_dir"
has eval-folder "$err" 'ev_dir: Is a directory$'
lacks eval-folder-traceback "$err" 'traceback'
printf '{"id":"a","text":"The council met on Monday. It approved the ferry."}\n' > "$tmpd/ev_nohl.jsonl"
run eval-no-reference 1 "$D" eval "$tmpd/ev_nohl.jsonl"
has eval-no-reference "$err" 'nothing to evaluate: no record has a reference summary \(1 record\(s\) without one\)'
lacks eval-no-reference-table "$out" '\| rouge \|'
run eval-no-reference-json 1 "$D" eval --json "$tmpd/ev_nohl.jsonl"
lacks eval-no-reference-json "$out" '"documents":0'
# a file that is there but cannot be opened (a link to itself; an unreadable file when
# not root) is an error naming why, not a silent fall back to the built-in of that name
mkdir "$tmpd/looped"
ln -s sentences "$tmpd/looped/sentences"
run unopenable-pipeline 2 sh -c "cd '$tmpd/looped' && echo 'One. Two.' | '$Dabs' run sentences"
has unopenable-pipeline "$err" '^docpipe: sentences: cannot read the file \(Too many levels of symbolic links\)'
# docpipe pipelines lists the built-ins themselves, whatever files the folder holds
run shadow-pipelines 0 sh -c "cd '$tmpd/shadowed' && '$Dabs' pipelines"
has shadow-pipelines "$out" '^ +stages: clean -> sentences -> quotes -> summary; output: jsonl'
lacks shadow-pipelines-err "$err" '.'
# no build command in the documentation writes a file named like a built-in pipeline
# (regression: `cc examples/embed/quotes.c ... -o quotes`)
names=$("$D" pipelines | awk '/^[a-z]/ { printf "%s%s", sep, $1; sep = "|" }')
if grep -rnE -- "-o +(\./)?($names)( |$|\\)" README.md docs man examples/embed >"$tmpd/o_names.txt"; then
  fail=$((fail + 1)); echo "FAIL docs-build-names: a build writes a built-in pipeline's name:"; sed 's/^/  /' "$tmpd/o_names.txt"
else pass=$((pass + 1)); fi
run builtin-unknown 2 "$D" check builtin:nws
has builtin-unknown "$err" "no built-in pipeline 'nws' \(clean, html, news, quotes, rouge, sentences, summary\) \(did you mean 'news'\?\)$"
# a bare name that is no file and no built-in says so with the same built-in message (one
# lookup; it said "no pipeline 'nws': not a file, and not a built-in pipeline (...)")
run bare-unknown 2 "$D" check nws
has bare-unknown "$err" "^docpipe: no pipeline 'nws': no such file, and no built-in pipeline 'nws' \(clean, html, news, quotes, rouge, sentences, summary\) \(did you mean 'news'\?\)$"
# a record's "meta" must be an object: null is none, [] an empty object (as PHP writes
# it), anything else an input error (regression: a Lua traceback in clean for a string,
# number or null; [] lost meta.removed and the warnings on output)
printf '{"id":"m1","meta":null,"text":"The mayor spoke."}\n{"id":"m2","meta":"x","text":"The mayor spoke."}\n{"id":"m3","meta":[],"text":"The mayor spoke."}\n{"id":"m4","meta":[1],"text":"The mayor spoke."}\n' > "$tmpd/meta.jsonl"
run meta-kinds 1 "$D" run clean "$tmpd/meta.jsonl"
has meta-kinds-null "$out" '"id":"m1".*"meta":\{"removed":\[\]\}'
has meta-kinds-empty-list "$out" '"id":"m3".*"meta":\{"removed":\[\]\}'
has meta-kinds-string "$err" "meta.jsonl:2: \"meta\" must be a JSON object, got string 'x'"
has meta-kinds-list "$err" 'meta.jsonl:4: "meta" must be a JSON object, got list'
lacks meta-kinds-traceback "$err" 'traceback'
# a page of furniture only gives an empty text and says so (regression: no word of it)
printf 'Home | News | Sport | Weather\nSign in\nSubscribe\nAbout us | Contact | Privacy\n' > "$tmpd/nav.txt"
run clean-no-text 0 sh -c "cd '$tmpd' && '$Dabs' run clean nav.txt"
has clean-no-text "$err" "warning: document 'nav': clean: no article text found: all 4 blocks were removed as boilerplate \(see meta.removed\)"
has clean-no-text-field "$out" '"text":"".*"warnings":\["clean: no article text found'

# --- configuration errors point at FILE:LINE:COLUMN
run yaml-syntax 2 "$D" check "$F/bad_yaml.yaml"
has yaml-syntax "$err" 'bad_yaml.yaml:[0-9]+:[0-9]+: '
# a stage name that is neither a name nor a path lists the built-in stages (regression:
# "bad stage name 'builtin:nosuch'" alone)
printf 'stages:\n  - stage: builtin:sentenses\n' > "$tmpd/bn.yaml"
run stage-bad-name 2 "$D" check "$tmpd/bn.yaml"
has stage-bad-name "$err" "bad stage name 'builtin:sentenses': a stage is a built-in stage's name \\(clean, .*sentences.*\\) or a path to a \\.lua file \\(did you mean 'sentences'\\?\\)$"
# a tab where a token should start is named as the likely cause (regression: libyaml's
# "found character that cannot start any token" alone)
printf 'stages:\n\t- stage: sentences\n' > "$tmpd/tabs.yaml"
run yaml-tab 2 "$D" check "$tmpd/tabs.yaml"
has yaml-tab "$err" 'tabs.yaml:2:1: found character that cannot start any token .*\(a tab: tabs cannot indent YAML\)$'
printf 'stages:\n  - stage: sentences\n@x\n' > "$tmpd/at.yaml"
run yaml-not-tab 2 "$D" check "$tmpd/at.yaml"
lacks yaml-not-tab "$err" 'tabs cannot'
# the standard input named twice is an error (regression: a second, empty document)
run stdin-twice 2 sh -c "echo 'Hi there.' | '$Dabs' run sentences - -"
has stdin-twice "$err" '^docpipe: the standard input \(-\) is named 2 times; name it once$'
lines stdin-twice-out "$out" 0
# an unclosed bracket or quote is found where the file ends: the message also says where
# it opened (regression: only the end of the file was named)
printf 'name: t\nstages:\n  - stage: clean\n    with: {explain: true\n' > "$tmpd/open_flow.yaml"
run yaml-open-flow 2 "$D" check "$tmpd/open_flow.yaml"
has yaml-open-flow "$err" "open_flow.yaml:5:1: did not find expected ',' or '}' while parsing a flow mapping opened at line 4, column 11$"
printf 'name: "t\n' > "$tmpd/open_quote.yaml"
run yaml-open-quote 2 "$D" check "$tmpd/open_quote.yaml"
has yaml-open-quote "$err" "open_quote.yaml:2:1: found unexpected end of stream while scanning a quoted scalar opened at line 1, column 7$"
# a list option's bad item is pointed at itself (regression: at the list's "["), and
# every numeric value is called a number (regression: "integer" here, "number" there)
printf 'name: t\nstages:\n  - stage: fields\n    with:\n      drop: [1, "x"]\n  - stage: sentences\n    with:\n      language: 2.5\n' > "$tmpd/list_item.yaml"
run list-item 2 "$D" check "$tmpd/list_item.yaml"
has list-item "$err" "list_item.yaml:5:14: option 'drop' of stage 'fields' must be a list of strings, got number \(1\) as item 1$"
has list-item-number "$err" "list_item.yaml:8:17: option 'language' of stage 'sentences' must be a string, got number \(2\.5\)$"
run unknown-key 2 "$D" check "$F/unknown_key.yaml"
has unknown-key "$err" "unknown_key.yaml:4:1: unknown key 'outptu' in the pipeline \(did you mean 'output'\?\)"
run unknown-stage 2 "$D" check "$F/unknown_stage.yaml"
has unknown-stage "$err" "unknown_stage.yaml:3:12: unknown stage 'sentence' \(did you mean 'sentences'\?\)"
run bad-option 2 "$D" check "$F/bad_option.yaml"
has bad-option "$err" "bad_option.yaml:5:18: option 'sentences' of stage 'summary' must be an integer, got string"
# a bad limit names the value's type (regression: "got 2s", "got table: 0x55...")
printf 'name: t\nlimits:\n  time_ms: 2s\n  memory_mb: [1]\nstages:\n  - stage: sentences\n' > "$tmpd/limits_type.yaml"
run limits-type 2 "$D" check "$tmpd/limits_type.yaml"
has limits-type-string "$err" "limits_type.yaml:3:12: limits.time_ms must be a positive integer, got string '2s'$"
has limits-type-list "$err" "limits_type.yaml:4:14: limits.memory_mb must be a positive integer, got list$"
# a limit too large is an error at its line and column (regression: memory_mb 1000000000000
# was accepted, 9223372036854775807 wrapped to a negative byte count, no limit at all)
printf 'limits: {memory_mb: 1000000000000}\nstages:\n  - stage: sentences\n    limits:\n      memory_mb: 9223372036854775807\n      time_ms: 9223372036854775808\n' > "$tmpd/limits_big.yaml"
run limits-big 2 "$D" run "$tmpd/limits_big.yaml" "$F/note.txt"
lines limits-big-out "$out" 0
has limits-big-pipeline "$err" "limits_big.yaml:1:21: limits.memory_mb is too large: at most 16777216 \(16 TiB\), got 1000000000000$"
has limits-big-stage "$err" "limits_big.yaml:5:18: limits.memory_mb is too large: at most 16777216 \(16 TiB\), got 9223372036854775807$"
has limits-big-time "$err" "limits_big.yaml:6:16: limits.time_ms is too large: at most 2147483647 \(about 24.8 days\), got 9223372036854775808$"
printf 'limits: {memory_mb: 16777216, time_ms: 2147483647}\nstages:\n  - stage: sentences\n' > "$tmpd/limits_max.yaml"
run limits-max 0 "$D" check "$tmpd/limits_max.yaml"
# a choice misspelt gets a suggestion, and a string of the wrong type shows its value
printf 'name: t\nstages:\n  - stage: summary\n    with:\n      method: textrnk\n  - stage: clean\n    with:\n      length_low: seventy\n' > "$tmpd/choice.yaml"
run option-choice 2 "$D" check "$tmpd/choice.yaml"
has option-choice "$err" "choice.yaml:5:15: option 'method' of stage 'summary' must be one of lead, textrank, lexrank, default, got 'textrnk' \(did you mean 'textrank'\?\)$"
has option-string-value "$err" "choice.yaml:8:19: option 'length_low' of stage 'clean' must be an integer, got string 'seventy'$"
# a number option's bounds (min/max in its declaration) and NaN or infinity
printf 'name: t\nstages:\n  - stage: summary\n    with:\n      sentences: -1\n      words: 50\n' > "$tmpd/range.yaml"
run option-range 2 "$D" check "$tmpd/range.yaml"
has option-range "$err" "range.yaml:5:18: option 'sentences' of stage 'summary' must be at least 0, got -1$"
printf 'name: t\nstages:\n  - stage: clean\n    with:\n      length_low: -5\n      stopwords_high: 1.5\n' > "$tmpd/clean_range.yaml"
run option-range-clean 2 "$D" check "$tmpd/clean_range.yaml"
has option-range-clean-low "$err" "clean_range.yaml:5:19: option 'length_low' of stage 'clean' must be at least 0, got -5$"
has option-range-clean-high "$err" "clean_range.yaml:6:23: option 'stopwords_high' of stage 'clean' must be at most 1, got 1.5$"
printf 'name: t\nstages:\n  - stage: clean\n    with:\n      stopwords_low: .nan\n      stopwords_high: .inf\n' > "$tmpd/nan.yaml"
run option-nan 2 "$D" check "$tmpd/nan.yaml"
has option-nan "$err" "nan.yaml:5:22: option 'stopwords_low' of stage 'clean' must be a finite number, got -?nan$"
has option-inf "$err" "nan.yaml:6:23: option 'stopwords_high' of stage 'clean' must be a finite number, got inf$"
printf 'name: t\nstages:\n  - stage: summary\n    with:\n      sentences: 0\n      words: 40\n' > "$tmpd/range_ok.yaml"
printf 'name: t\nstages:\n  - stage: clean\n    with:\n      explain: yes\n' > "$tmpd/yes.yaml"
run option-bool-yes 2 "$D" check "$tmpd/yes.yaml"
has option-bool-yes "$err" "yes.yaml:5:16: option 'explain' of stage 'clean' must be a boolean, got string 'yes' \\(write true\\)$"
printf 'name: t\nstages:\n  - stage: clean\n    with:\n      explain: "true"\n      drop: "^Sponsored"\n      numeric_dates: ymd\n' > "$tmpd/hints.yaml"
run option-hints 2 "$D" check "$tmpd/hints.yaml"
has option-hint-quoted-bool "$err" "hints.yaml:5:16: option 'explain' of stage 'clean' must be a boolean, got string 'true' \\(write true, without quotes\\)$"
has option-hint-list "$err" "hints.yaml:6:13: option 'drop' of stage 'clean' must be a list, got string '\\^Sponsored' \\(write a list: \\['\\^Sponsored'\\]\\)$"
has option-choice-numeric-dates "$err" "hints.yaml:7:22: option 'numeric_dates' of stage 'clean' must be one of auto, dmy, mdy, got 'ymd'"
run help-stages-usage 0 "$D" help stages
has help-stages-usage "$out" 'usage: docpipe stages \[--markdown\] \[NAME or FILE.lua ...\]'
run help-check-init 0 "$D" help check
has help-check-init "$out" "runs each"
run option-range-edge 0 "$D" check "$tmpd/range_ok.yaml"
run stages-range 0 "$D" stages summary
has stages-range "$out" 'how many sentences at most \(0: no limit, then `words` must be set; at least 0\)$'
lacks stages-range-one-parenthesis "$out" 'set\) \(at least'
run not-mapping 2 "$D" check "$F/not_mapping.yaml"
has not-mapping "$err" 'not_mapping.yaml:1:1: a pipeline must be a mapping'
run missing-pipeline 2 "$D" run nosuchpipeline "$F/note.txt"
has missing-pipeline "$err" "no pipeline 'nosuchpipeline'"
run run-bad-yaml 2 "$D" run "$F/unknown_stage.yaml" "$F/note.txt"

# a bad pattern in one of the clean stage's word-list options is named with its option
# (regression: the error named a line of scripts/clean/body.lua and an offset in a joined pattern)
printf 'stages:\n  - stage: clean\n    with:\n      ad_calls: ["(unclosed"]\n' > "$tmpd/bad_ad_calls.yaml"
run bad-clean-pattern 2 "$D" run "$tmpd/bad_ad_calls.yaml" "$F/note.txt"
has bad-clean-pattern "$err" "bad_ad_calls.yaml:4:18: stage 'clean' rejected its configuration: bad ad_calls pattern \"\\(unclosed\": "
# a drop or keep pattern matching the empty string would drop or keep every block: rejected
# (regression: `drop: [""]` passed `docpipe check` and dropped the title and the header)
printf 'stages:\n  - stage: clean\n    with:\n      drop: [""]\n' > "$tmpd/empty_drop.yaml"
run empty-drop-pattern 2 "$D" check "$tmpd/empty_drop.yaml"
has empty-drop-pattern "$err" "empty_drop.yaml:4:14: stage 'clean' rejected its configuration: drop pattern \"\" matches the empty string, so it would match every block: give one that needs some text"
printf 'stages:\n  - stage: clean\n    with:\n      keep: ["^\\\\s*$", "x*"]\n' > "$tmpd/empty_keep.yaml"
run empty-keep-pattern 2 "$D" check "$tmpd/empty_keep.yaml"
has empty-keep-pattern "$err" "empty_keep.yaml:4:24: stage .clean. rejected its configuration: keep pattern \"x\\*\" matches the empty string"

# --- inputs: text files, JSONL with extra fields kept, stdin
run text-file 0 "$D" run sentences "$F/note.txt"
has text-file-id "$out" '"id":"note"'
has text-file-sentence "$out" '"sentences":\[\{"text":"plain text from a file\.","start":0,"end":23\}\]'
run jsonl-extra 0 "$D" run sentences "$F/two.jsonl"
lines jsonl-extra "$out" 2
has jsonl-extra-kept "$out" '"lang":"en"'
has jsonl-extra-int "$out" '"rank":3'
has jsonl-empty-list "$out" '"tags":\[\]'
run stdin-jsonl 0 sh -c "\"$D\" run sentences < $F/two.jsonl"
lines stdin-jsonl "$out" 2
has stdin-jsonl "$out" '"id":"a2"'
# (a blank first line, read ahead to tell the format, before JSON Lines: it crashed
# with both line buffers still unallocated)
run stdin-blank-first 0 sh -c "(printf '\\r\\n  \\n'; cat $F/two.jsonl) | \"$D\" run sentences"
lines stdin-blank-first "$out" 2
has stdin-blank-first "$out" '"id":"a2"'
run stdin-text 0 sh -c "printf 'One here. Two there.' | \"$D\" run sentences -"
has stdin-text "$out" '"id":"stdin"'
has stdin-text-split "$out" '"text":"Two there\."'
run stdin-forced-text 0 sh -c "printf '{not json' | \"$D\" run sentences --input-format text"
has stdin-forced-text "$out" '"text":"\{not json"'
run folder 0 "$D" run sentences -f json "$F/folder"
has folder-json "$out" '^\['
ids=$(grep -oE '"id":"[a-z0-9]+"' "$out" | tr '\n' ' ')
if [ "$ids" = '"id":"z1" "id":"c" "id":"b" ' ]; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAIL folder-order: $ids"; fi

# --- output formats
run format-text 0 "$D" run sentences -f text "$F/note.txt"
has format-text "$out" '^plain text from a file\.$'
# documents in -f text are set apart by a line holding only a form feed (a blank line
# is a paragraph break inside one); the README's awk recipe splits them again
# (regression: they were set apart by a blank line, so where one ended was lost)
printf 'One. Two.\n\nThree.\n' > "$tmpd/ff1.txt"; printf 'Four. Five.\n' > "$tmpd/ff2.txt"
run format-text-docs 0 "$D" run sentences -f text "$tmpd/ff1.txt" "$tmpd/ff2.txt"
ff=$(printf '\f')
lines format-text-docs "$out" 5
has format-text-docs-ff "$out" "^$ff\$"
(cd "$tmpd" && awk 'BEGIN { RS = "\f\n" } { printf "%s", $0 > ("doc" NR ".txt") }' "$out")
if [ "$(cat "$tmpd/doc1.txt")" = "$(printf 'One. Two.\n\nThree.')" ] && [ "$(cat "$tmpd/doc2.txt")" = "Four. Five." ] && [ ! -e "$tmpd/doc3.txt" ]; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAIL format-text-split: the README's awk recipe did not give the two documents back"; fi
run format-json-empty 0 sh -c "printf '' | \"$D\" run sentences -f json --input-format jsonl"
has format-json-empty "$out" '^\[\]$'
run output-file 0 "$D" run sentences "$F/two.jsonl" -o "$tmpd/out.jsonl"
lines output-file "$tmpd/out.jsonl" 2
# the file -o replaces keeps its permissions (regression: it became 644)
echo old > "$tmpd/mode.jsonl"; chmod 640 "$tmpd/mode.jsonl"
run output-keeps-mode 0 "$D" run sentences "$F/two.jsonl" -o "$tmpd/mode.jsonl"
mode=$(stat -c %a "$tmpd/mode.jsonl")
if [ "$mode" = 640 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL output-keeps-mode: mode $mode, want 640"; fi
run output-bad-dir 3 "$D" run sentences "$F/two.jsonl" -o "$tmpd/no/such/dir/out.jsonl"

# --- outputs: devices, links, failed runs
if [ -c /dev/full ]; then
  run output-dev-full 3 "$D" run sentences "$F/two.jsonl" -o /dev/full
  has output-dev-full "$err" 'No space left on device'
  if [ -c /dev/full ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL /dev/full was replaced"; fi
  # an --errors file that cannot be written is not said to hold the failures
  run errors-dev-full 3 "$D" run "$F/boom_skip.yaml" "$F/boom.jsonl" --errors /dev/full
  has errors-dev-full "$err" 'cannot write /dev/full'
  has errors-dev-full-count "$err" '1 document\(s\) failed$'
  lacks errors-dev-full-not-recorded "$err" 'recorded in'
fi
# past the file size limit (ulimit -f): a write error (exit 3), no temporary file left
mkdir "$tmpd/fsz"
i=0
while [ $i -lt 400 ]; do
  echo '{"id":"d'$i'","text":"One sentence here. Another one there. And a third one to make it long."}'
  i=$((i + 1))
done >"$tmpd/fsz-in.jsonl"
(ulimit -f 20 && "$D" run sentences "$tmpd/fsz-in.jsonl" -o "$tmpd/fsz/out.jsonl") >"$out" 2>"$err"
got=$?
if [ "$got" -eq 3 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL file-size-limit: exit $got, want 3"; fi
has file-size-limit "$err" 'cannot write .*out.jsonl: File too large'
if [ -z "$(ls "$tmpd/fsz")" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL file-size-limit left: $(ls "$tmpd/fsz")"; fi
echo old > "$tmpd/real.jsonl"
ln -s "$tmpd/real.jsonl" "$tmpd/link.jsonl"
run output-symlink 0 "$D" run sentences "$F/two.jsonl" -o "$tmpd/link.jsonl"
if [ -L "$tmpd/link.jsonl" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL symlink replaced"; fi
lines output-symlink-target "$tmpd/real.jsonl" 2
# a link to a file not made yet: the file is made, the link kept
ln -s new-target.jsonl "$tmpd/dangling.jsonl"
run output-dangling-symlink 0 "$D" run sentences "$F/two.jsonl" -o "$tmpd/dangling.jsonl"
if [ -L "$tmpd/dangling.jsonl" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL dangling symlink replaced"; fi
lines output-dangling-symlink-target "$tmpd/new-target.jsonl" 2
# a loop of links: an error, the links kept
ln -s loop-b "$tmpd/loop-a"
ln -s loop-a "$tmpd/loop-b"
run output-symlink-loop 3 "$D" run sentences "$F/two.jsonl" -o "$tmpd/loop-a"
has output-symlink-loop "$err" 'Too many levels of symbolic links'
if [ -L "$tmpd/loop-a" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL symlink loop replaced"; fi
echo OLD > "$tmpd/keep.jsonl"
run output-fail-keeps-old 1 "$D" run "$F/boom_fail.yaml" "$F/boom.jsonl" -o "$tmpd/keep.jsonl"
has output-fail-keeps-old "$tmpd/keep.jsonl" '^OLD$'
has output-fail-message "$err" 'was not written'
run output-same-as-errors 2 "$D" run sentences "$F/two.jsonl" -o "$tmpd/same.jsonl" --errors "$tmpd/same.jsonl"
has output-same-as-errors "$err" 'name the same file'
# the same new file named two ways (./x and x, a link to a file not made yet): the
# files compared, not the spellings (regression: the -o rename overwrote the failed
# documents, or the statistics)
mkdir -p "$tmpd/same2"
ln -s same3.out "$tmpd/same2/same3.link"
two="$PWD/$F/two.jsonl"
for pair in "same2.out ./same2.out --errors" "same3.out same3.link --errors" "s4.out ./s4.out --stats-json" "sub/../s5.out s5.out --errors"; do
  set -- $pair
  mkdir -p "$tmpd/same2/sub"
  (cd "$tmpd/same2" && "$Dabs" run sentences "$two" -o "$1" $3 "$2") >"$out" 2>"$err"
  got=$?
  if [ $got -eq 2 ] && [ ! -e "$tmpd/same2/$1" ]; then pass=$((pass + 1))
  else fail=$((fail + 1)); echo "FAIL output-same-spelling $pair: exit $got, want 2 and no file"; fi
  has "output-same-spelling $pair" "$err" 'name(s)? the same file'
done
# two different new files are no clash
(cd "$tmpd/same2" && "$Dabs" run sentences "$two" -o a.out --errors ./b.out) >"$out" 2>"$err"
if [ $? -eq 0 ] && [ -s "$tmpd/same2/a.out" ] && [ -e "$tmpd/same2/b.out" ]; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAIL output-not-same"; fi
run output-directory 3 "$D" run sentences "$F/two.jsonl" -o "$tmpd"

# --- bad input, one message each (robustness round 2)
# the stage-failure line names the document with its control characters made spaces, as
# the warning line does (regression: a newline split the line, an ESC reached the terminal)
printf '{"id":"line1\\nline2\\u001b[31mRED","text":"b"}\n' > "$tmpd/weirdid.jsonl"
printf 'local M = { name = "failall" }\nfunction M.process(doc) error("bad") end\nreturn M\n' > "$tmpd/failall.lua"
printf 'on_error: skip\nstages:\n  - stage: failall.lua\n' > "$tmpd/failall.yaml"
run weird-id-failure 1 "$D" run "$tmpd/failall.yaml" "$tmpd/weirdid.jsonl"
has weird-id-failure "$err" "stage 'failall' failed on document 'line1 line2 \[31mRED': "
if grep -q "$(printf '\033')" "$err"; then fail=$((fail + 1)); echo "FAIL weird-id-failure: an ESC on stderr"; else pass=$((pass + 1)); fi
# file names and stage messages reach stderr cleaned as document ids are: an ESC or CR
# becomes a space, a Lua traceback keeps its lines, valid UTF-8 stays (regression: a file
# named with ESC [ 31m, or a stage doing error("\27[2J"), drove the terminal)
escname="$tmpd/$(printf 'a\033[31mred\rcafé')"
printf 'Some text here.\n' > "$escname.txt"
printf 'local M = { name = "escerr" }\nfunction M.process(doc) error("\\27[2J boom \\xc2\\x9b1m") end\nreturn M\n' > "$tmpd/escerr.lua"
printf 'stages:\n  - stage: escerr.lua\n' > "$tmpd/escerr.yaml"
run esc-stage-error 1 "$D" run "$tmpd/escerr.yaml" "$escname.txt"
has esc-stage-error "$err" "a \[31mred café\.txt: stage 'escerr' failed on document 'a \[31mred café': .*escerr\.lua:2:  \[2J boom  1m$"
has esc-stage-error-traceback "$err" "^stack traceback:$"
has esc-stage-error-traceback-tab "$err" "$(printf '^\t')"
run esc-missing-file 3 "$D" run sentences "$tmpd/$(printf 'no\033]0;title\007such')"
has esc-missing-file "$err" "no ]0;title such: No such file or directory"
if LC_ALL=C grep -q "$(printf '[\033\007\r]')" "$err"; then fail=$((fail + 1)); echo "FAIL esc-missing-file: a control character on stderr"; else pass=$((pass + 1)); fi
run esc-stage-error-raw 1 "$D" run "$tmpd/escerr.yaml" "$escname.txt"
if LC_ALL=C grep -q "$(printf '[\033\r]\|\302\233')" "$err"; then fail=$((fail + 1)); echo "FAIL esc-stage-error-raw: a control character on stderr"; else pass=$((pass + 1)); fi
# a limit reached in init is said as such, with the limit and its option (regression:
# "rejected its configuration: memory limit ... exceeded")
printf 'local M = {name = "hog"}\nfunction M.init(ctx) local t = {} for i = 1, 1e8 do t[i] = ("x"):rep(100) .. i end end\nfunction M.process(doc) return doc end\nreturn M\n' > "$tmpd/hog.lua"
printf 'limits:\n  memory_mb: 20\nstages:\n  - stage: hog.lua\n' > "$tmpd/hog.yaml"
run init-memory-limit 2 "$D" run "$tmpd/hog.yaml" "$F/note.txt"
has init-memory-limit "$err" "hog\.yaml:4:5: stage 'hog' could not start: its init reached the memory limit of 20 MB \(limits\.memory_mb\)$"
printf 'limits:\n  time_ms: 100\nstages:\n  - stage: hog.lua\n' > "$tmpd/hogt.yaml"
run init-time-limit 2 "$D" check "$tmpd/hogt.yaml"
has init-time-limit "$err" "hogt\.yaml:4:5: stage 'hog' could not start: its init reached the time limit of 100 ms \(limits\.time_ms\)$"
# YAML merge keys in a pipeline are applied, explicit keys winning (regression: `<<:
# *defaults` gave "has no option '<<'")
printf 'stages:\n  - stage: sentences\n    with: &common\n      join_lines: false\n  - stage: sentences\n    with:\n      <<: *common\n      language: en\n' > "$tmpd/merge.yaml"
run yaml-merge 0 "$D" check "$tmpd/merge.yaml"
has yaml-merge "$out" '^ok: '
printf 'stages:\n  - stage: sentences\n    with: &common\n      bogus: 1\n  - stage: sentences\n    with:\n      <<: *common\n' > "$tmpd/mergebad.yaml"
run yaml-merge-bad-option 2 "$D" check "$tmpd/mergebad.yaml"
has yaml-merge-bad-option "$err" "mergebad\.yaml:4:7: stage 'sentences' has no option 'bogus'"
printf 'stages:\n  - stage: sentences\n    with:\n      <<: 5\n' > "$tmpd/mergenum.yaml"
run yaml-merge-not-mapping 2 "$D" check "$tmpd/mergenum.yaml"
has yaml-merge-not-mapping "$err" "mergenum\.yaml:4:11: a merge key \(<<\) takes a mapping or a list of mappings"
# JSON Lines saved as UTF-16: said once, exit 1 (regression: "invalid JSON at column 1" per
# half-line, or "truncated record")
printf '\377\376{\000"\000i\000d\000"\000:\000"\000a\000"\000,\000"\000t\000e\000x\000t\000"\000:\000"\000o\000k\000"\000}\000\n\000{\000"\000i\000d\000"\000:\000"\000b\000"\000}\000\n\000' > "$tmpd/u16full.jsonl"
printf '\377\376{\000"\000' > "$tmpd/u16.jsonl"
printf '{\000"\000i\000d\000"\000:\000"\000a\000"\000}\000\n\000' > "$tmpd/u16nobom.jsonl"
for f in u16full u16; do
  run utf16-jsonl-$f 1 "$D" run sentences "$tmpd/$f.jsonl"
  has utf16-jsonl-$f "$err" "^docpipe: $tmpd/$f.jsonl: JSON Lines in UTF-16 \(byte order mark\); save it as UTF-8$"
  n=$(grep -c "$f.jsonl" "$err")
  if [ "$n" -eq 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL utf16-jsonl-$f: $n lines name the file"; fi
  lines utf16-jsonl-$f-out "$out" 0
done
run utf16-jsonl-nobom 1 "$D" run sentences "$tmpd/u16nobom.jsonl"
has utf16-jsonl-nobom "$err" "^docpipe: $tmpd/u16nobom.jsonl: JSON Lines in UTF-16 \(NUL bytes between ASCII characters\); save it as UTF-8$"
lacks utf16-jsonl-nobom-invalid "$err" 'invalid JSON'
# a text of Unicode white space alone (NBSP, U+3000, a zero-width space, a stray BOM) is
# an empty document, as an ASCII-blank one is; sentences makes no sentence of it
# (regression: no warning; a zero-width space or a BOM alone was a sentence)
printf ' \t\n\302\240\343\200\200\n' > "$tmpd/ws_unicode.txt"
printf ' \t\n\302\240\343\200\200\n\342\200\213\357\273\277\n' > "$tmpd/onlyws.txt"
for f in ws_unicode onlyws; do
  run unicode-blank-$f 0 "$D" run sentences "$tmpd/$f.txt" -f jsonl
  has unicode-blank-$f "$err" "warning: document '$f': empty document$"
  has unicode-blank-$f-sentences "$out" '"sentences":\[\]'
done
run unicode-blank-clean 0 "$D" run clean "$tmpd/onlyws.txt" -f jsonl
has unicode-blank-clean "$err" "warning: document 'onlyws': empty document$"
# (JSON Lines too, through both readers: the fast one, and the one for a record with meta)
printf '{"id":"j1","text":"\\u00a0\\u200b"}\n{"id":"j2","text":" \302\240\342\200\213\357\273\277"}\n{"id":"j3","text":"\302\240\343\200\200","meta":{}}\n{"id":"j4","text":"\302\240x"}\n' > "$tmpd/ws.jsonl"
run unicode-blank-jsonl 0 "$D" run sentences "$tmpd/ws.jsonl"
for id in j1 j2 j3; do has unicode-blank-jsonl-$id "$err" "warning: document '$id': empty document$"; done
lacks unicode-blank-jsonl-j4 "$err" "document 'j4'"
printf 'A zero\342\200\213width space. \357\273\277\n\n\342\200\213\n' > "$tmpd/zw.txt"
run zero-width-sentence 0 "$D" run sentences "$tmpd/zw.txt" -f jsonl
has zero-width-sentence "$out" '"sentences":\[\{"text":"A zero.width space\.","start":0,"end":19\}\]'
# a stage's finish that returns what JSON cannot hold fails, naming the stage (regression:
# "docpipe: finish: value nested too deeply", no stage, exit 0)
printf 'local M = { name = "fe2" }\nfunction M.process(d) return d end\nfunction M.finish() local t = {}; t.t = t; return t end\nreturn M\n' > "$tmpd/finret.lua"
printf 'stages:\n  - stage: finret.lua\n' > "$tmpd/finret.yaml"
for j in 1 2; do
  run finish-unencodable-j$j 1 "$D" run "$tmpd/finret.yaml" "$F/two.jsonl" -j $j
  has finish-unencodable-j$j "$err" "^docpipe: stage 'fe2' failed in finish: its result cannot be written as JSON: .*nested too deeply"
  has finish-unencodable-j$j-count "$err" '1 stage finish step\(s\) failed$'
done
# an empty JSON Lines file named on the command line: a warning, exit 0 (regression: silence)
: > "$tmpd/empty.jsonl"
printf '\n  \n' > "$tmpd/blank.jsonl"
for f in empty blank; do
  run empty-jsonl-$f 0 "$D" run sentences "$tmpd/$f.jsonl"
  has empty-jsonl-$f "$err" "^docpipe: $tmpd/$f.jsonl: warning: no records in this JSON Lines file \(empty, or blank lines only\)$"
  lines empty-jsonl-$f "$err" 1
done
run empty-jsonl-quiet 0 "$D" run sentences "$tmpd/empty.jsonl" -q
lines empty-jsonl-quiet "$err" 1
mkdir -p "$tmpd/emptyjl"
: > "$tmpd/emptyjl/e.jsonl"
run empty-jsonl-folder 0 "$D" run sentences "$tmpd/emptyjl"
lacks empty-jsonl-folder "$err" 'no records in this JSON Lines file'
has empty-jsonl-folder "$err" 'no documents in this folder'

# --- finish failures, dropped documents, init checks
run finish-fails 1 "$D" run "$F/finish_fails.yaml" "$F/two.jsonl"
has finish-fails "$err" "stage 'fin' failed in finish: .*finish broke"
lines finish-fails-output "$out" 2
# (regression: it was counted as "1 document(s) failed; recorded in FILE", the file empty)
run finish-fails-errors 1 "$D" run "$F/finish_fails.yaml" "$F/two.jsonl" --errors "$tmpd/fin_err.jsonl"
has finish-fails-errors "$err" "1 stage finish step\(s\) failed$"
lacks finish-fails-errors "$err" "document\(s\) failed"
printf '{"id":"k","text":"keep me"}\n{"id":"x","text":"drop me"}\n' > "$tmpd/drop.jsonl"
run dropped 0 "$D" run "$F/dropper.yaml" "$tmpd/drop.jsonl"
lines dropped "$out" 1
has dropped-message "$err" '1 document\(s\) dropped by stages'
run check-runs-init 2 "$D" check "$F/bad_language.yaml"
has check-runs-init "$err" "bad_language.yaml:3:22: stage 'sentences' rejected its configuration"

# --- inputs from a breaker's list
mkdir -p "$tmpd/loop/d"; echo "A one." > "$tmpd/loop/d/a.txt"; ln -s . "$tmpd/loop/d/self"
run folder-link-loop 0 "$D" run sentences "$tmpd/loop/d"
lines folder-link-loop "$out" 1
# a folder's documents are told by their extension in any case (regression: PAGE.TXT and
# FEED.JSONL skipped, and a .JSONL named on the command line read as text)
mkdir -p "$tmpd/caps"
printf 'The mayor spoke on Monday.\n' > "$tmpd/caps/PAGE.TXT"
printf '{"id":"j1","text":"The mayor spoke on Monday."}\n' > "$tmpd/caps/FEED.JSONL"
run folder-ext-case 0 "$D" run sentences "$tmpd/caps"
lines folder-ext-case "$out" 2
has folder-ext-case-jsonl "$out" '"id":"j1","source":"[^"]*FEED.JSONL:1"'
has folder-ext-case-text "$out" '"id":"PAGE"'
# a folder named as an input that gives no document is said so, also with -q (regression:
# exit 0 and not a word); exit 0 as for any warning; a folder with documents, and a
# sub-folder without any inside one with some, say nothing
mkdir -p "$tmpd/nodocs/sub" "$tmpd/somedocs/empty"
printf 'notes\n' > "$tmpd/nodocs/sub/README.md"
printf 'One. Two.\n' > "$tmpd/somedocs/a.txt"
for j in 1 2; do
  run folder-no-documents-j$j 0 "$D" run sentences -q -j $j "$tmpd/nodocs" "$tmpd/somedocs" "$F/note.txt"
  has folder-no-documents-j$j "$err" "^docpipe: $tmpd/nodocs: warning: no documents in this folder \(in a folder only \.txt, \.text, \.jsonl, \.ndjson, \.html and \.htm files are read\)$"
  lines folder-no-documents-only-one-j$j "$err" 1
  lines folder-no-documents-out-j$j "$out" 2
done
run folder-empty 0 "$D" run sentences "$tmpd/somedocs/empty"
has folder-empty "$err" "^docpipe: $tmpd/somedocs/empty: warning: no documents in this folder"
lines folder-empty "$out" 0
if command -v runuser >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
  mkdir -p "$tmpd/locked"; echo x > "$tmpd/locked/x.txt"; chmod 000 "$tmpd/locked"; chmod 755 "$tmpd"
  run folder-unreadable 3 runuser -u nobody -- "$D" run sentences "$tmpd/locked"
  has folder-unreadable "$err" 'locked: Permission denied'
  chmod 755 "$tmpd/locked"
fi
mkfifo "$tmpd/fifo"
(printf 'From a pipe.\n' > "$tmpd/fifo") &
run named-fifo 0 "$D" run sentences "$tmpd/fifo"
has named-fifo "$out" '"text":"From a pipe\."'
wait
# a FIFO (or socket, device) with a document's name inside a folder is not read (it
# could wait for a writer for ever) but said so, naming it, also with -q (regression:
# skipped in silence); exit 0, a warning; the folder's regular files are read
mkdir -p "$tmpd/fifodir"
printf 'A regular one.\n' > "$tmpd/fifodir/a.txt"
mkfifo "$tmpd/fifodir/p.txt"
run folder-fifo 0 timeout 10 "$D" run sentences -q "$tmpd/fifodir"
has folder-fifo "$err" "^docpipe: $tmpd/fifodir/p\.txt: warning: a FIFO, not a regular file: skipped \(inside a folder only regular files are read; name it on the command line to read it\)$"
lines folder-fifo-one "$err" 1
has folder-fifo-read "$out" '"text":"A regular one\.'
lacks folder-fifo-no-docs "$err" 'no documents'
rm -f "$tmpd/fifodir/p.txt"
run stdin-leading-space 0 sh -c "printf '\n\n   Indented.\n' | '$D' run sentences"
has stdin-leading-space "$out" '"start":5,"end":14'
run escaped-nul 0 sh -c "printf '{\"id\":\"z\",\"text\":\"abc\\\\u0000def.\"}\n' | '$D' run sentences"
has escaped-nul "$out" '"text":"abc.def\."'
has escaped-nul-warning "$out" 'escaped NUL'
cp "$F/two.jsonl" "$tmpd/in.jsonl"
run errors-over-input 2 "$D" run sentences "$tmpd/in.jsonl" --errors "$tmpd/in.jsonl"
lines errors-over-input-kept "$tmpd/in.jsonl" 2
run yaml-two-documents 2 "$D" check "$F/two_documents.yaml"
has yaml-two-documents "$err" 'two_documents.yaml:2:1: the file holds more than one YAML document'
run yaml-list-key 2 "$D" check "$F/list_key.yaml"
has yaml-list-key "$err" 'list_key.yaml:2:3: a mapping key must be a plain value, not a list'

# --- -j N: the same output in the same order, whatever N
i=0; while [ $i -lt 300 ]; do echo "{\"id\":\"p$i\",\"text\":\"Item $i is here. Dr. Lee said it was number $i. It ends.\"}"; i=$((i + 1)); done > "$tmpd/many.jsonl"
run jobs-1 0 "$D" run sentences -j 1 "$tmpd/many.jsonl" -o "$tmpd/j1.jsonl"
run jobs-3 0 "$D" run sentences -j 3 "$tmpd/many.jsonl" -o "$tmpd/j3.jsonl"
if cmp -s "$tmpd/j1.jsonl" "$tmpd/j3.jsonl"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL jobs: -j 3 differs from -j 1"; fi
lines jobs-3 "$tmpd/j3.jsonl" 300
run jobs-news-1 0 "$D" run news -j 1 examples/ ../shared/data/seed/cnn-north-korea-amnesty.txt -o "$tmpd/n1.jsonl"
run jobs-news-2 0 "$D" run news -j 2 examples/ ../shared/data/seed/cnn-north-korea-amnesty.txt -o "$tmpd/n2.jsonl"
if cmp -s "$tmpd/n1.jsonl" "$tmpd/n2.jsonl"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL jobs: news -j 2 differs from -j 1"; fi
run jobs-fail 1 "$D" run "$F/boom_fail.yaml" -j 2 "$F/boom.jsonl" "$tmpd/many.jsonl"
lines jobs-fail "$out" 1
run jobs-skip 1 "$D" run "$F/boom_skip.yaml" -j 2 "$F/boom.jsonl" "$tmpd/many.jsonl" --errors "$tmpd/je.jsonl" --stats
lines jobs-skip "$out" 302
lines jobs-skip-errors "$tmpd/je.jsonl" 1
has jobs-skip-stats "$err" 'documents: 303 read, 302 written, 0 dropped, 1 failed'
run jobs-finish-1 0 "$D" run examples/keywords.yaml -j 1 examples/
grep '^docpipe: finish' "$err" > "$tmpd/f1.txt"
run jobs-finish-2 0 "$D" run examples/keywords.yaml -j 2 examples/
grep '^docpipe: finish' "$err" > "$tmpd/f2.txt"
if [ -s "$tmpd/f1.txt" ] && cmp -s "$tmpd/f1.txt" "$tmpd/f2.txt"; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAIL jobs: finish results differ between -j 1 and -j 2"; cat "$tmpd/f1.txt" "$tmpd/f2.txt"; fi
# workers start as batches wait for them, up to N (regression: all N loaded the
# pipeline for one document, start-up growing with -j): one document at -j 4
# loads it twice (the main thread and one worker), 300 documents at -j 4 in
# at most five states, the output, finish results and counts those of -j 1
run jobs-lazy-one 0 "$D" run "$F/counted.yaml" -j 4 "$F/note.txt"
lines jobs-lazy-one "$err" 2
run jobs-lazy-many-1 0 "$D" run "$F/counted.yaml" -j 1 "$tmpd/many.jsonl" -o "$tmpd/lazy1.jsonl" --stats
sed -n 's/^documents: \([^;]*\);.*/\1/p' "$err" > "$tmpd/lazy1.stats"
run jobs-lazy-many-4 0 "$D" run "$F/counted.yaml" -j 4 "$tmpd/many.jsonl" -o "$tmpd/lazy4.jsonl" --stats
n=$(grep -c '^loaded$' "$err")
if [ "$n" -ge 2 ] && [ "$n" -le 5 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL jobs-lazy-many: $n loads"; fi
if cmp -s "$tmpd/lazy1.jsonl" "$tmpd/lazy4.jsonl" && [ -s "$tmpd/lazy1.stats" ] &&
   sed -n 's/^documents: \([^;]*\);.*/\1/p' "$err" | cmp -s - "$tmpd/lazy1.stats"; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAIL jobs-lazy-many: -j 4 output or counts differ from -j 1"; fi
# a finish result is data: printed with -q too, and kept per stage in --stats-json
# (regression: -q dropped it, --stats-json had none)
printf '%s\n' "local dp = require 'docpipe'" "local f = assert(io.open(arg[1]))" \
  "local s = dp.json.decode(f:read('a')).stages" "print(s[1].finish == nil, s[#s].name, s[#s].finish.documents)" > "$tmpd/fin.lua"
for j in 1 2; do
  run finish-quiet-j$j 0 "$D" run examples/keywords.yaml -q -j $j examples/ --stats-json "$tmpd/fin$j.json"
  has finish-quiet-j$j "$err" '^docpipe: finish: \{"keywords":\{"documents":4,'
  run finish-stats-json-j$j 0 "$D" lua "$tmpd/fin.lua" "$tmpd/fin$j.json"
  has finish-stats-json-j$j "$out" '^true	keywords	4$'
done
run jobs-bad 2 "$D" run sentences -j 0 "$F/note.txt"
has jobs-bad "$err" '-j takes a number of workers from 1 to 256'

# --- beyond one machine: --shard, Hadoop counters, the GNU parallel recipe
i=0; while [ $i -lt 400 ]; do echo "{\"id\":\"r$i\",\"source\":\"corpus:$i\",\"text\":\"Row $i begins. It has two sentences.\"}"; i=$((i + 1)); done > "$tmpd/corpus.jsonl"
"$D" run sentences -j 1 "$tmpd/corpus.jsonl" > "$tmpd/single.jsonl"
for k in 1 2 3; do "$D" run sentences --shard $k/3 "$tmpd/corpus.jsonl"; done | sort > "$tmpd/shards.sorted"
sort "$tmpd/single.jsonl" > "$tmpd/single.sorted"
if cmp -s "$tmpd/single.sorted" "$tmpd/shards.sorted"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL shard: 3 shards do not cover the input once"; fi
run shard-bad 2 "$D" run sentences --shard 4/3 "$tmpd/corpus.jsonl"
# a bad value is repeated in the message (regression: the same words for every value)
run shard-bad-range 2 "$D" run sentences --shard 3/2 "$tmpd/corpus.jsonl"
has shard-bad-range "$err" "^docpipe: --shard '3/2': I must be from 1 to N \(I/N with 1 <= I <= N, e.g. --shard 2/8\)$"
lines shard-bad-range-out "$out" 0
run shard-bad-word 2 "$D" run sentences --shard x "$tmpd/corpus.jsonl"
has shard-bad-word "$err" "^docpipe: --shard 'x': not I/N, two whole numbers"
run shard-bad-zero 2 "$D" run sentences --shard 0/0 "$tmpd/corpus.jsonl"
has shard-bad-zero "$err" "^docpipe: --shard '0/0': N must be 1 or more"
run shard-bad-half 2 "$D" run sentences --shard 1/ "$tmpd/corpus.jsonl"
has shard-bad-half "$err" "^docpipe: --shard '1/': not I/N"
run shard-bad-tail 2 "$D" run sentences --shard 2/8x "$tmpd/corpus.jsonl"
has shard-bad-tail "$err" "^docpipe: --shard '2/8x': not I/N"
# a number too large for the count is said so (regression: "not I/N, two whole numbers"
# for a 20-digit I or N, past what strtol reads)
run shard-big-i 2 "$D" run sentences --shard 99999999999999999999/2 "$tmpd/corpus.jsonl"
has shard-big-i "$err" "^docpipe: --shard '99999999999999999999/2': I is too large \(I/N with"
run shard-big-n 2 "$D" run sentences --shard 1/99999999999999999999 "$tmpd/corpus.jsonl"
has shard-big-n "$err" "^docpipe: --shard '1/99999999999999999999': N is too large: at most 2147483647 \(I/N with"
run shard-big-n-int 2 "$D" run sentences --shard 1/2147483648 "$tmpd/corpus.jsonl"
has shard-big-n-int "$err" "^docpipe: --shard '1/2147483648': N is too large: at most 2147483647 \(I/N with"
lines shard-big-out "$out" 0
run shard-missing 2 "$D" run sentences --shard
has shard-missing "$err" "^docpipe: --shard needs a value I/N"
# README recipes (regression: the words promised what the commands did not do)
# a record with article instead of text: the README's jq line makes it readable
printf '{"id":"c1","article":"Ferry sails. Band plays."}\n' > "$tmpd/cnn.jsonl"
run readme-article-plain 1 "$D" run sentences "$tmpd/cnn.jsonl"
has readme-article-plain "$err" 'the record has no "text" or "html" string'
jqline=$(sed -n "s/.*\`\(jq -c '.text \/\/= .article |\)\$/\1/p" README.md)
if command -v jq >/dev/null 2>&1 && [ -n "$jqline" ]; then
  run readme-article-jq 0 sh -c "jq -c '.text //= .article | del(.article)' '$tmpd/cnn.jsonl' | '$Dabs' run sentences -q"
  has readme-article-jq "$out" '"id":"c1".*"sentences":\[\{"text":"Ferry sails\."'
else fail=$((fail + 1)); echo "FAIL readme-article-jq: no jq line in the README"; fi
# the Lua module path keeps Lua's default after it, as examples/embed/sentences.lua says
run readme-lua-cpath 0 grep -F "LUA_CPATH='PREFIX/lib/lua/5.4/?.so;;'" README.md
run readme-no-bare-cpath 1 grep -F 'LUA_CPATH=PREFIX/lib/lua/5.4/?.so`' README.md
run hadoop-counters 0 "$D" run sentences --hadoop-counters "$tmpd/corpus.jsonl"
has hadoop-counters "$err" '^reporter:counter:docpipe,documents_written,400$'
# the counters are those of --stats (regression: a malformed line was counted
# as failed but not as read: read 2, written 2, failed 1): read every record
# seen, failed the documents failed in stages, input errors apart
run hadoop-counters-bad 1 "$D" run "$F/boom_skip.yaml" "$F/boom.jsonl" "$F/malformed.jsonl" --hadoop-counters --stats -q
for c in documents_read,6 documents_written,4 documents_failed,1 input_errors,1 io_errors,0 documents_dropped,0; do
  has hadoop-counters-bad-${c%,*} "$err" "^reporter:counter:docpipe,$c\$"
done
has hadoop-counters-bad-stats "$err" 'documents: 6 read, 4 written, 0 dropped, 1 failed \(1 input errors\)'
if command -v parallel >/dev/null 2>&1; then
  run gnu-parallel-pipe 0 sh -c "cat '$tmpd/corpus.jsonl' | parallel --will-cite --pipe --block 2k -k '$Dabs' run sentences -j 1 -q"
  if cmp -s "$out" "$tmpd/single.jsonl"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL gnu parallel --pipe output differs from a single run"; fi
  run gnu-parallel-pipe-part 0 parallel --will-cite --pipe-part -a "$tmpd/corpus.jsonl" --block 3k -k "$Dabs" run sentences -j 1 -q
  if cmp -s "$out" "$tmpd/single.jsonl"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL gnu parallel --pipe-part output differs from a single run"; fi
else
  echo "# skipped: GNU parallel not installed (Debian package parallel)"
fi

# --- more bad input: empty files, a huge line, deep JSON, YAML shapes
: > "$tmpd/empty.txt"
run empty-file 0 "$D" run sentences "$tmpd/empty.txt"
has empty-file "$out" '"text":"".*empty document'
printf '  \n\t\n   \n' > "$tmpd/blank.txt"
run blank-file 0 "$D" run sentences "$tmpd/blank.txt"
has blank-file "$out" '"warnings":\["empty document"\]'
# an empty or blank page is an empty document in every input format, said so (regression:
# an empty .html file, and a record's "html": "", warned only "html: no article text
# found"); a page with markup and no article still says that
: > "$tmpd/empty.html"
printf ' \n\n' > "$tmpd/blank.htm"
printf '{"id":"eh","html":""}\n{"id":"bh","html":"\\n \\n"}\n' > "$tmpd/emptyhtml.jsonl"
printf '<html><body></body></html>\n' > "$tmpd/bare.html"
run empty-html 0 "$D" run news "$tmpd/empty.html" "$tmpd/blank.htm" "$tmpd/emptyhtml.jsonl" "$tmpd/bare.html"
for id in empty blank eh bh; do
  has empty-html-$id "$err" "^docpipe: [^ ]*: warning: document '$id': empty document$"
done
has empty-html-bare "$err" "^docpipe: [^ ]*bare.html: warning: document 'bare': html: no article text found$"
lines empty-html-out "$out" 5
lines empty-html-err "$err" 6
awk 'BEGIN { for (i = 0; i < 400000; i++) printf "Word number %d is here. ", i; print "" }' > "$tmpd/huge.txt"
run huge-line 0 "$D" run sentences -q "$tmpd/huge.txt" -o "$tmpd/huge.jsonl"
if [ "$(grep -o '"text":"Word number' "$tmpd/huge.jsonl" | wc -l)" -eq 400001 ]; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAIL huge-line: not the text and its 400000 sentences"; fi
awk 'BEGIN { printf "{\"id\":\"deep\",\"text\":\"x.\",\"n\":"; for (i = 0; i < 100000; i++) printf "["; for (i = 0; i < 100000; i++) printf "]"; print "}" }' > "$tmpd/deep.jsonl"
echo '{"id":"after","text":"Still here."}' >> "$tmpd/deep.jsonl"
run deep-json 1 "$D" run sentences "$tmpd/deep.jsonl"
has deep-json "$err" 'deep.jsonl:1: '
has deep-json-next "$out" '"id":"after"'
# said as what it is (regression: "invalid JSON at column 1029"); brackets in a string
# do not count
has deep-json-message "$err" 'deep.jsonl:1: JSON nested deeper than 1000 levels at column 1029$'
awk 'BEGIN { printf "{\"id\":\"d999\",\"text\":\"[[{{ \\\"[[\",\"n\":"; for (i = 0; i < 999; i++) printf "["; for (i = 0; i < 999; i++) printf "]"; print "}" }' > "$tmpd/deep999.jsonl"
run deep-json-limit 0 "$D" run sentences "$tmpd/deep999.jsonl"
has deep-json-limit "$out" '"id":"d999"'
# a number beyond a double in an extra field (regression: the document failed at write)
echo '{"id":"huge-number","text":"One. Two.","x":1E400}' > "$tmpd/hugenum.jsonl"
run huge-number 0 "$D" run sentences "$tmpd/hugenum.jsonl"
has huge-number "$out" '"x":1.7976931348623157e\+308'
printf 'stages:\n\t- stage: sentences\n' > "$tmpd/tabs.yaml"
run yaml-tabs 2 "$D" check "$tmpd/tabs.yaml"
has yaml-tabs "$err" 'tabs.yaml:2:1: '
printf 'defaults: &d {sentences: 2}\nstages:\n  - stage: summary\n    with: *d\n' > "$tmpd/anchor.yaml"
run yaml-anchor 2 "$D" check "$tmpd/anchor.yaml"
has yaml-anchor "$err" "unknown key 'defaults'"
printf 'stages:\n  - stage: summary\n    with: &d {sentences: 2}\n  - stage: summary\n    name: again\n    with: *d\n' > "$tmpd/alias.yaml"
run yaml-alias 0 "$D" check "$tmpd/alias.yaml"
printf 'a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]\n' > "$tmpd/bomb.yaml"
run yaml-alias-bomb 2 "$D" check "$tmpd/bomb.yaml"
has yaml-alias-bomb "$err" 'alias bomb'
# a pipeline without a stage is an error (regression: `stages: []` ran, passing every
# document through as read)
printf 'name: e\nstages: []\n' > "$tmpd/no_stages.yaml"
run stages-empty 2 "$D" check "$tmpd/no_stages.yaml"
has stages-empty "$err" "no_stages.yaml:2:9: a pipeline needs at least one stage$"
run stages-empty-run 2 "$D" run "$tmpd/no_stages.yaml" "$F/note.txt"
lines stages-empty-run "$out" 0
printf 'name: e\n' > "$tmpd/no_stages_key.yaml"
run stages-missing 2 "$D" check "$tmpd/no_stages_key.yaml"
has stages-missing "$err" "no_stages_key.yaml:1:1: the pipeline has no 'stages' list$"
printf 'stages: 5\n' > "$tmpd/stages5.yaml"
run yaml-wrong-type 2 "$D" check "$tmpd/stages5.yaml"
has yaml-wrong-type "$err" "stages5.yaml:1:9: 'stages' must be a list"

# a form feed or vertical tab inside a line of a page is a space in clean, not a paragraph
# break (regression: "the\fplan" became two paragraphs, "would\vtake" one word); a form
# feed alone on a line still parts paragraphs
printf 'Council approves harbour plan\n\nThe council voted on Tuesday to approve the harbour plan, officials said.\n\f\nThe mayor said the\fplan would\vtake two years.\n' > "$tmpd/ff.txt"
run clean-form-feed 0 "$D" run clean "$tmpd/ff.txt"
has clean-form-feed "$out" '"paragraphs":\["The council voted on Tuesday to approve the harbour plan, officials said\.","The mayor said the plan would take two years\."\]'

# a number id that no 64-bit integer or double holds as written is kept exactly, as the
# string of its literal (regression: 123456789012345678901 came out 1.2345678901234568e+20,
# 1e400 as 1.7976931348623157e+308); an id that fits keeps its number type
printf '{"id":9007199254740993,"text":"One."}\n{"id":123456789012345678901,"text":"Two."}\n{"id":-98765432109876543210,"text":"Three.","meta":{"id":1}}\n{"id":1e400,"text":"Four."}\n{"id":1.5,"text":"Five."}\n' > "$tmpd/bigids.jsonl"
run big-ids 0 "$D" run sentences "$tmpd/bigids.jsonl"
has big-id-int64 "$out" '^\{"id":9007199254740993,'
has big-id-beyond-64 "$out" '^\{"id":"123456789012345678901",'
has big-id-negative "$out" '^\{"id":"-98765432109876543210",'
has big-id-beyond-double "$out" '^\{"id":"1e400",'
has big-id-float "$out" '^\{"id":1\.5,'
# a number id whose double names another value than the one written (rounded, or read
# as 0.0) is the string of its literal too, in both readers (the fast one, and the
# cJSON one a record with an escaped NUL goes through); one that reads back the same
# (1.50 is 1.5) stays a number (regression: 1.00000000000000000001 came out 1.0, the
# id of another record, 1e-400 as 0.0, 9007199254740993.0 as 9007199254740992.0)
printf '{"id":1.00000000000000000001,"text":"a"}\n{"id":1.0,"text":"a"}\n{"id":1e-400,"text":"a"}\n{"id":0.0,"text":"a"}\n{"id":12345678901234567.0,"text":"a"}\n{"id":9007199254740993.0,"text":"a"}\n{"id":1.50,"text":"a"}\n{"id":2.5e-3,"text":"a"}\n{"id":9007199254740993.0,"text":"a\\u0000"}\n{"id":1e-400,"text":"a","meta":{"x":1}}\n' > "$tmpd/ids2.jsonl"
run rounded-ids 0 "$D" run sentences "$tmpd/ids2.jsonl" -q
"$D" lua /dev/stdin "$out" > "$tmpd/ids2.got" <<'LUA'
local dp = require "docpipe"
for line in io.lines(arg[1]) do
  local id = dp.json.decode(line).id
  io.write(type(id) == "string" and ("%q"):format(id) or ("%s"):format(math.type(id) .. " " .. ("%.17g"):format(id)), "\n")
end
LUA
printf '"1.00000000000000000001"\nfloat 1\n"1e-400"\nfloat 0\n"12345678901234567.0"\n"9007199254740993.0"\nfloat 1.5\nfloat 0.0025000000000000001\n"9007199254740993.0"\n"1e-400"\n' > "$tmpd/ids2.want"
if cmp -s "$tmpd/ids2.got" "$tmpd/ids2.want"; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAIL rounded-ids:"; diff "$tmpd/ids2.want" "$tmpd/ids2.got" | sed 's/^/  /'; fi

# output.fields: a misspelt model field is an error at its line and column with a
# suggestion (regression: accepted, the field never written); a field of one's own is not
printf 'stages:\n  - stage: sentences\noutput:\n  format: jsonl\n  fields: [id, titel, figures, sentence]\n' > "$tmpd/badfields.yaml"
run output-fields-misspelt 2 "$D" check "$tmpd/badfields.yaml"
has output-fields-misspelt "$err" "badfields.yaml:5:16: unknown field 'titel' in output.fields \(did you mean 'title'\?\)$"
has output-fields-misspelt2 "$err" "badfields.yaml:5:32: unknown field 'sentence' in output.fields \(did you mean 'sentences'\?\)$"
lacks output-fields-own "$err" "figures"
run output-fields-misspelt-run 2 "$D" run "$tmpd/badfields.yaml" "$F/note.txt"
lines output-fields-misspelt-run "$out" 0
printf 'stages:\n  - stage: sentences\noutput:\n  fields: [id, figures, sentences]\n' > "$tmpd/ownfields.yaml"
run output-fields-own 0 "$D" check "$tmpd/ownfields.yaml"
# an empty output.fields and a field named twice are errors at their line and column
# (regression: [] wrote {} for every document, [id, id] was accepted)
printf 'stages:\n  - stage: sentences\noutput:\n  fields: []\n' > "$tmpd/nofields.yaml"
run output-fields-empty 2 "$D" run "$tmpd/nofields.yaml" "$F/note.txt"
has output-fields-empty "$err" "nofields.yaml:4:11: output.fields is empty: name the fields to write, or leave output.fields out to write every field$"
lines output-fields-empty-run "$out" 0
printf 'stages:\n  - stage: sentences\noutput:\n  fields: [id, text, id]\n' > "$tmpd/twicefields.yaml"
run output-fields-twice 2 "$D" check "$tmpd/twicefields.yaml"
has output-fields-twice "$err" "twicefields.yaml:4:22: field 'id' is named twice in output.fields$"

# a pipeline file not in UTF-8 is said so plainly (regression: a UTF-16 mark before UTF-8
# text read as CJK characters, 'got string ...'; invalid UTF-8 placed at 1:1); UTF-8 with
# its mark, and real UTF-16 behind its mark, are read
printf '\377\376 bad\nstages: []\n' > "$tmpd/mark16.yaml"
run yaml-utf16-mark 2 "$D" check "$tmpd/mark16.yaml"
has yaml-utf16-mark "$err" "mark16.yaml: the pipeline starts with a UTF-16 byte order mark but is not UTF-16 text; save it as UTF-8$"
printf 's\000t\000a\000g\000e\000s\000:\000\n\000' > "$tmpd/nomark16.yaml"
run yaml-utf16-nomark 2 "$D" check "$tmpd/nomark16.yaml"
has yaml-utf16-nomark "$err" "nomark16.yaml: the pipeline is UTF-16 \(without a byte order mark\); save it as UTF-8$"
printf 'stages:\n  - stage: sentences # caf\351\n' > "$tmpd/latin1.yaml"
run yaml-bad-utf8 2 "$D" check "$tmpd/latin1.yaml"
has yaml-bad-utf8 "$err" "latin1.yaml:2:27: invalid UTF-8 \(byte 0xE9\); the pipeline must be UTF-8$"
printf '\357\273\277stages:\n  - stage: sentences\n' > "$tmpd/bom8.yaml"
run yaml-utf8-bom 0 "$D" check "$tmpd/bom8.yaml"
printf '\377\376s\000t\000a\000g\000e\000s\000:\000\n\000 \000 \000-\000 \000s\000t\000a\000g\000e\000:\000 \000s\000e\000n\000t\000e\000n\000c\000e\000s\000\n\000' > "$tmpd/real16.yaml"
run yaml-utf16-real 0 "$D" check "$tmpd/real16.yaml"

# a failure for the memory limit or for what process returned has a traceback, not an
# empty one (regression: "traceback":"" in the --errors record, nothing on stderr): the
# allocation's Lua frames, or where process is defined
printf 'local M = { name = "hog" }\nfunction M.process(doc)\n  local t = {}\n  for i = 1, 1e9 do t[i] = ("x"):rep(1000) .. i end\n  return doc\nend\nreturn M\n' > "$tmpd/hog.lua"
printf 'limits: {memory_mb: 20}\nstages:\n  - stage: hog.lua\n' > "$tmpd/hog.yaml"
printf 'local M = { name = "numret" }\nfunction M.process(doc)\n  return 42\nend\nreturn M\n' > "$tmpd/numret.lua"
printf 'stages:\n  - stage: numret.lua\n' > "$tmpd/numret.yaml"
run memory-limit-traceback 1 "$D" run "$tmpd/hog.yaml" "$F/note.txt" --errors "$tmpd/hog_errors.jsonl"
has memory-limit-traceback "$tmpd/hog_errors.jsonl" '"error":"stage .hog. failed on document .note.: memory limit of 20 MB exceeded \(limits.memory_mb\)"'
has memory-limit-traceback-where "$tmpd/hog_errors.jsonl" '"traceback":"stack traceback \(the allocation refused\):\\n\\t[^"]*hog\.lua:4: in function'
run memory-limit-traceback-stderr 1 "$D" run "$tmpd/hog.yaml" "$F/note.txt"
has memory-limit-traceback-stderr "$err" '^	[^ ]*hog\.lua:4: in function'
run returned-number-traceback 1 "$D" run "$tmpd/numret.yaml" "$F/note.txt" --errors "$tmpd/numret_errors.jsonl"
has returned-number-traceback "$tmpd/numret_errors.jsonl" '"traceback":"\(no traceback: process returned; it is defined at [^"]*numret\.lua:2\)"'

# a JSON Lines file whose last line is cut inside a record (read while written, cut short)
# says so (regression: "invalid JSON at column 19"); exit 1 as for a malformed record, the
# records before it written; a line ended by a newline is still plain invalid JSON (its end named)
printf '{"id":"a","text":"One."}\n{"id":"b","text":"Two and thr' > "$tmpd/cut.jsonl"
run truncated-record 1 "$D" run sentences "$tmpd/cut.jsonl" --errors "$tmpd/cut_errors.jsonl"
has truncated-record "$err" "cut.jsonl:2: truncated record \(the file ends inside it\)$"
lines truncated-record-out "$out" 1
has truncated-record-errors "$tmpd/cut_errors.jsonl" '"error":"[^"]*cut.jsonl:2: truncated record \(the file ends inside it\)","line":2,"stage":"input"'
run truncated-record-stdin 1 sh -c "printf '{\"id\":\"a\",\"text\":\"One.\"}\n{\"id\":\"b\",\"n\":[1,2' | '$D' run sentences -j 2"
has truncated-record-stdin "$err" "^docpipe: -:2: truncated record \(the input ends inside it\)$"
printf '{"id":"a","text":"One and thr\n' > "$tmpd/cutnl.jsonl"
run truncated-newline 1 "$D" run sentences "$tmpd/cutnl.jsonl"
has truncated-newline "$err" "cutnl.jsonl:1: unexpected end of JSON at column 30$"

# a key given twice in a JSON Lines record: read, the last value kept, with a warning
# naming FILE:LINE and the key (regression: the last won in silence); in any object of
# the record, through the fast reader, the cJSON one (a \u escape) and a large object
printf '{"id":"a","text":"First.","text":"Second."}\n{"id":"b","text":"Caf\\u00e9.","meta":{"k":1,"k":2}}\n{"a":1,"b":2,"c":3,"d":4,"e":5,"f":6,"g":7,"h":8,"i":9,"j":10,"k":11,"l":12,"m":13,"n":14,"o":15,"p":16,"q":17,"a":18,"id":"c","text":"Third."}\n{"id":"d","text":"Plain."}\n' > "$tmpd/dupkeys.jsonl"
run duplicate-keys 0 "$D" run sentences "$tmpd/dupkeys.jsonl"
lines duplicate-keys-out "$out" 4
has duplicate-keys-last "$out" '^\{"id":"a",.*"text":"Second\.",'
has duplicate-keys-warn "$err" "dupkeys.jsonl:1: warning: document 'a': duplicate key 'text' in the record: the last value is kept$"
has duplicate-keys-warn-meta "$err" "dupkeys.jsonl:2: warning: document 'b': duplicate key 'k' in the record: the last value is kept$"
has duplicate-keys-warn-large "$err" "dupkeys.jsonl:3: warning: document 'c': duplicate key 'a' in the record: the last value is kept$"
lacks duplicate-keys-plain "$err" "document 'd'"

# --- stage authoring commands
run new-stage 0 "$D" new-stage wordy "$tmpd"
has new-stage "$out" 'wrote .*/wordy_spec.lua'
run new-stage-exists 2 "$D" new-stage wordy "$tmpd"
# a folder that does not exist is said so, with the command that makes it
run new-stage-no-folder 3 "$D" new-stage wordy "$tmpd/no/such"
has new-stage-no-folder "$err" "folder .*/no/such does not exist; make it first \\(mkdir -p "
# a folder that is there but takes no file names the file and the reason (regression:
# /proc was said not to exist, with "mkdir -p /proc" as the fix)
run new-stage-proc 3 "$D" new-stage wordy /proc
has new-stage-proc "$err" '^docpipe: new-stage: cannot write /proc/wordy\.lua: No such file or directory$'
run new-stage-spec 0 sh -c "cd '$tmpd' && '$Dabs' test wordy_spec.lua"
# `docpipe test` alone finds the skeleton's spec (no spec/ folder there)
mkdir -p "$tmpd/ns"
run new-stage-ns 0 "$D" new-stage tidy "$tmpd/ns"
run test-no-args 0 sh -c "cd '$tmpd/ns' && '$Dabs' test"
has test-no-args "$out" '[1-9][0-9]* successes / 0 failures / 0 errors'
printf 'One two three.\n' > "$tmpd/w.txt"
run new-stage-run 0 sh -c "cd '$tmpd' && '$Dabs' run wordy.yaml w.txt"
has new-stage-run "$out" '"wordy":3'
run stages-markdown 0 "$D" stages --markdown sentences
has stages-markdown "$out" '^\| `language` \| string \| `"en"` \|'
# a string default is quoted ("" is no blank), and on a terminal the descriptions wrap
# at its width in their own column; in a pipe each option stays one line, for grep
# (regression: "default en", and lines of 500 characters on an 80-column terminal)
# an option's choices are shown beside its description, as its bounds are
printf 'return { name = "pick", doc = "Picks.", options = { mode = { type = "string", default = "x", choices = { "x", "y" }, doc = "the mode" } }, process = function(d) return d end }\n' > "$tmpd/pick.lua"
run stages-choices 0 "$D" stages "$tmpd/pick.lua"
has stages-choices "$out" '^    mode +string +default "x" +the mode \(one of: x, y\)$'
run stages-quoted 0 "$D" stages sentences
has stages-quoted "$out" '^    language +string +default "en" +language of'
run stages-pipe 0 "$D" stages clean
has stages-pipe-oneline "$out" '^    ad_verbs .{400,}$'
if command -v script >/dev/null 2>&1 && script -qc true /dev/null >/dev/null 2>&1 </dev/null; then
  script -qc "stty cols 90; '$Dabs' stages clean" "$tmpd/stages.log" >/dev/null 2>&1 </dev/null
  tr -d '\r' < "$tmpd/stages.log" | grep -v '^Script ' > "$tmpd/stages.txt"
  # (characters, not bytes: the descriptions hold "£" and "—")
  if LC_ALL=C.UTF-8 grep -qE '^.{91,}$' "$tmpd/stages.txt"; then fail=$((fail + 1)); echo "FAIL stages-wrapped: a line wider than 90 columns"
  else pass=$((pass + 1)); fi
  has stages-wrapped-indent "$tmpd/stages.txt" '^ {40,}[a-z(\"]'
  has stages-wrapped-words "$tmpd/stages.txt" 'never are; the copy'
else
  echo "skip stages-wrapped: no usable script(1)"
fi
run stages-unknown 2 "$D" stages sentense
has stages-unknown "$err" "did you mean 'sentences'"
run stages-file 0 "$D" stages "$F/boom.lua"
has stages-file "$out" '^boom: fails on documents'

# --- stdin JSON Lines behind a byte-order mark
run stdin-bom-jsonl 0 sh -c "printf '\357\273\277{\"id\":\"b\",\"text\":\"Bom line.\"}\n' | '$D' run sentences"
has stdin-bom-jsonl "$out" '"id":"b"'

# --- invalid UTF-8 (and NULs) a stage writes reach no output raw: every writer repairs it
# as the JSON encoder does (each such byte becomes U+FFFD), with one warning per document
# naming the fields (regression: -f text and -f markdown wrote the raw bytes, -f jsonl and
# -f json replaced them in silence)
printf 'local M = {name = "badutf"}\nfunction M.process(doc) doc.text = "ok \\xff\\xfe bad"; doc.title = "T\\xc3"; return doc end\nreturn M\n' > "$tmpd/badutf.lua"
printf 'stages:\n  - stage: badutf.lua\n' > "$tmpd/badutf.yaml"
for f in jsonl json text markdown html; do
  for j in 1 2; do
    run badutf-$f-j$j 0 "$D" run "$tmpd/badutf.yaml" -f $f -j $j "$F/note.txt"
    if LC_ALL=C grep -q "$(printf '[\377\376\303]')" "$out"; then fail=$((fail + 1)); echo "FAIL badutf-$f-j$j: raw invalid bytes in the output"
    else pass=$((pass + 1)); fi
    has badutf-$f-j$j-fffd "$out" "ok $(printf '\357\277\275\357\277\275') bad"
    has badutf-$f-j$j-title "$out" "T$(printf '\357\277\275')"
    has badutf-$f-j$j-warning "$err" "^docpipe: .*note\.txt: warning: document 'note': invalid UTF-8 \(or NUL\) written to fields 'text' \(2\), 'title' \(1\): 3 byte\(s\) replaced by U\+FFFD$"
    has badutf-$f-j$j-count "$err" '^docpipe: 1 warning\(s\) in 1 document\(s\)$'
  done
done
# the JSON formats keep the warning in meta.warnings, as every other warning
run badutf-meta 0 "$D" run "$tmpd/badutf.yaml" "$F/note.txt"
has badutf-meta "$out" '"meta":\{"warnings":\["invalid UTF-8 \(or NUL\) written to fields'
# valid text: no warning
printf 'local M = {name = "okutf"}\nfunction M.process(doc) doc.title = "Caf\\xc3\\xa9"; return doc end\nreturn M\n' > "$tmpd/okutf.lua"
printf 'stages:\n  - stage: okutf.lua\n' > "$tmpd/okutf.yaml"
for f in jsonl text markdown; do
  run okutf-$f 0 "$D" run "$tmpd/okutf.yaml" -f $f "$F/note.txt"
  if [ -s "$err" ]; then fail=$((fail + 1)); echo "FAIL okutf-$f: stderr not empty"; sed 's/^/  /' "$err" | head -3; else pass=$((pass + 1)); fi
done

# --- a failing stage under each on_error
run on-error-fail 1 "$D" run "$F/boom_fail.yaml" "$F/boom.jsonl"
has on-error-fail-stage "$err" "stage 'boom' failed on document 'd2'"
has on-error-fail-where "$err" 'boom.lua:5: the document went boom'
has on-error-fail-traceback "$err" 'stack traceback'
lines on-error-fail "$out" 1
# the closing lines say the run stopped there and the rest was not read (regression:
# only "1 document(s) failed", as if the run had gone on)
has on-error-fail-stopped "$err" '^docpipe: the run stopped at the failed document \(on_error: fail\): the input after it was not read$'
run on-error-fail-j2 1 "$D" run "$F/boom_fail.yaml" -j 2 "$F/boom.jsonl"
has on-error-fail-j2-stopped "$err" '^docpipe: the run stopped at the failed document \(on_error: fail\): the input after it was not read$'
run on-error-fail-o 1 "$D" run "$F/boom_fail.yaml" "$F/boom.jsonl" -o "$tmpd/failo.jsonl"
has on-error-fail-o-stopped "$err" "^docpipe: the run stopped at the failed document \\(on_error: fail\\): the input after it was not read; $tmpd/failo.jsonl was not written$"
run on-error-skip 1 "$D" run "$F/boom_skip.yaml" "$F/boom.jsonl" --errors "$tmpd/errors.jsonl"
lines on-error-skip "$out" 2
lacks on-error-skip-d2 "$out" '"d2"'
lines on-error-skip-errors "$tmpd/errors.jsonl" 1
has on-error-skip-record "$tmpd/errors.jsonl" '"id":"d2".*"stage":"boom"'
has on-error-skip-document "$tmpd/errors.jsonl" '"document":\{"id":"d2"'
has on-error-skip-record "$tmpd/errors.jsonl" ',"record":\{"id": "d2", "text": "Then it went boom\."\}\}$'
run on-error-keep 1 "$D" run "$F/boom_keep.yaml" "$F/boom.jsonl"
lines on-error-keep "$out" 3
has on-error-keep-error "$out" '"id":"d2","errors":\[\{"message":"stage .boom. failed'
# keep with --errors: the record holds the document as it entered the stage, as the
# README says of every failed document (regression: no "document")
run on-error-keep-errors 1 "$D" run "$F/boom_keep.yaml" "$F/boom.jsonl" --errors "$tmpd/keep_err.jsonl"
has on-error-keep-errors-document "$tmpd/keep_err.jsonl" '^\{"id":"d2",.*"document":\{"id":"d2","source":"[^"]*boom.jsonl:2","text":"Then it went boom\."\},.*"record":'
lacks on-error-keep-errors-later "$tmpd/keep_err.jsonl" '"document":\{[^}]*"errors"'
# a document that fails at output (a value JSON cannot hold) is in --errors with the
# document, those values as markers, and a traceback that says there is none; so is one
# a later stage failed on after an earlier stage stored a function in it (regression: no
# "document", no "record", traceback "")
cat > "$tmpd/unenc.lua" <<'LUA'
local M = { name = "unenc" }
function M.process(doc)
  if doc.id == "a" then doc.x = doc
  elseif doc.id == "b" then doc.f = function() end; doc.n = 0/0
  elseif doc.id == "c" then doc.k = { [true] = 1, [1.5] = 2 } end
  return doc
end
return M
LUA
printf 'local M = { name = "failall" }\nfunction M.process(doc) error("bad") end\nreturn M\n' > "$tmpd/failall.lua"
printf 'on_error: skip\nstages:\n  - stage: unenc.lua\n' > "$tmpd/unenc.yaml"
printf 'on_error: skip\nstages:\n  - stage: unenc.lua\n  - stage: failall.lua\n' > "$tmpd/unenc_fail.yaml"
printf '{"id":"a","text":"A."}\n{"id":"b","text":"B."}\n{"id":"c","text":"C."}\n' > "$tmpd/abc.jsonl"
run output-fail-errors 1 "$D" run "$tmpd/unenc.yaml" "$tmpd/abc.jsonl" --errors "$tmpd/unenc_err.jsonl" -q
lines output-fail-errors "$tmpd/unenc_err.jsonl" 3
has output-fail-errors-cycle "$tmpd/unenc_err.jsonl" '^\{"id":"a",.*"document":\{"id":"a",.*"x":"<cycle>"\},.*"stage":"output","traceback":"\(no traceback available\)","record":\{"id":"a","text":"A\."\}\}$'
has output-fail-errors-function "$tmpd/unenc_err.jsonl" '^\{"id":"b",.*"document":\{.*"f":"<function>".*"n":"<nan>"'
has output-fail-errors-key "$tmpd/unenc_err.jsonl" '^\{"id":"c",.*"document":\{.*"k":\{("1.5":2,"<boolean key true>":1|"<boolean key true>":1,"1.5":2)\}'
run stage-fail-unencodable 1 "$D" run "$tmpd/unenc_fail.yaml" "$tmpd/abc.jsonl" --errors "$tmpd/unenc_err2.jsonl" -q
has stage-fail-unencodable "$tmpd/unenc_err2.jsonl" '^\{"id":"b",.*"document":\{.*"f":"<function>".*"stage":"failall"'
n=$(grep -c '"document":' "$tmpd/unenc_err2.jsonl")
if [ "$n" -eq 3 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL stage-fail-unencodable: $n of 3 records with a document"; fi
# a failed document goes on (keep) or is recorded (skip, fail with --errors) as it entered
# the stage, at -j 1 and -j 2 (regression: with what the stage changed before it raised)
cat > "$tmpd/mut.lua" <<'LUA'
local M = { name = "mut", doc = "changes a document, then fails on boom" }
function M.process(doc, ctx)
  doc.text = doc.text .. " CHANGED"
  doc.nested.deep.x = "changed"
  ctx.warn(doc, "looked")
  if doc.text:find("boom", 1, true) then error("went boom") end
  return doc
end
return M
LUA
for m in keep skip fail; do printf 'on_error: %s\nstages:\n  - stage: mut.lua\n' $m > "$tmpd/mut_$m.yaml"; done
printf '{"id":"a","text":"calm","nested":{"deep":{"x":"orig"}}}\n{"id":"b","text":"boom","nested":{"deep":{"x":"orig"}}}\n' > "$tmpd/mut.jsonl"
# (with the warning the stage gave through ctx.warn before it raised)
entered='"document":\{"id":"b","source":"[^"]*mut.jsonl:2","text":"boom","meta":\{"warnings":\["mut: looked"\]\},"nested":\{"deep":\{"x":"orig"\}\}\}'
for j in 1 2; do
  run mut-keep-j$j 1 "$D" run "$tmpd/mut_keep.yaml" "$tmpd/mut.jsonl" -j $j
  has mut-keep-j$j "$out" '^\{"id":"b","source":"[^"]*mut.jsonl:2","text":"boom","meta":\{"warnings":\["mut: looked"\]\},"errors":\[\{"message":"stage .mut. failed on document .b.: [^"]*went boom","stage":"mut"\}\],"nested":\{"deep":\{"x":"orig"\}\}\}$'
  has mut-keep-ok-j$j "$out" '^\{"id":"a",.*"text":"calm CHANGED","meta":\{"warnings":\["mut: looked"\]\},"nested":\{"deep":\{"x":"changed"\}\}\}$'
  run mut-skip-j$j 1 "$D" run "$tmpd/mut_skip.yaml" "$tmpd/mut.jsonl" -j $j --errors "$tmpd/mut_skip_err.jsonl"
  has mut-skip-j$j "$tmpd/mut_skip_err.jsonl" "$entered"
  run mut-fail-j$j 1 "$D" run "$tmpd/mut_fail.yaml" "$tmpd/mut.jsonl" -j $j --errors "$tmpd/mut_fail_err.jsonl" -q
  has mut-fail-j$j "$tmpd/mut_fail_err.jsonl" "$entered"
  # kept in the error record: -q leaves it off stderr
  lacks mut-fail-warning-j$j "$err" "document 'b': mut: looked"
done

# --- --stats and --stats-json: counts that add up
run stats 1 "$D" run "$F/boom_skip.yaml" "$F/boom.jsonl" "$F/malformed.jsonl" --stats -q --errors "$tmpd/e.jsonl"
has stats-table "$err" '^boom +5 +4 +0 +1 '
# read counts every record seen: 6 = 4 written + 0 dropped + 1 failed + 1 input error
has stats-totals "$err" 'documents: 6 read, 4 written, 0 dropped, 1 failed \(1 input errors\)'
run stats-json 0 "$D" run sentences "$F/two.jsonl" --stats-json "$tmpd/stats.json"
has stats-json "$tmpd/stats.json" '"read":[[:space:]]*2'
has stats-json-stage "$tmpd/stats.json" '"name":[[:space:]]*"sentences"'
# stage CPU is each worker's own thread time: with -j 2 the stages together
# cannot use more CPU than the whole process (process time would count the
# other worker's time too, and the stages' sum would pass the process's on two cores)
many=""
for i in $(seq 1 30); do many="$many examples/footbridge-vote.txt examples/harbor-strike.txt"; done
# shellcheck disable=SC2086
run stats-json-j2 0 "$D" run news $many -j 2 --stats-json "$tmpd/stats2.json" -o "$tmpd/o2.jsonl"
cat > "$tmpd/cpu.lua" <<'LUA'
local dp = require "docpipe"
local f = assert(io.open(arg[1])); local st = dp.json.decode(f:read("a")); f:close()
local sum = 0
for _, s in ipairs(st.stages) do sum = sum + s.cpu_seconds end
print(("stage cpu %.6f, process cpu %.6f"):format(sum, st.cpu_seconds))
os.exit(st.cpu_seconds > 0 and sum <= st.cpu_seconds and 0 or 1)
LUA
run stats-cpu-within-process 0 "$D" lua "$tmpd/cpu.lua" "$tmpd/stats2.json"

# --- a stage's finish state merged over workers: rouge at -j 2 (regression: its scorer
# lived in ctx.state and could not cross workers)
for i in 1 2 3 4 5 6; do
  printf '{"id":"r%d","text":"The council of Marlow Bay voted to close the old pier on Tuesday. Repairs would cost more than a new one. Fishermen said they would protest.","highlights":["Marlow Bay council votes to close the old pier","Fishermen plan a protest"]}\n' "$i"
done > "$tmpd/rouge.jsonl"
run rouge-j2 0 "$D" run rouge "$tmpd/rouge.jsonl" -j 2 -o "$tmpd/rouge-out.jsonl"
has rouge-j2-finish "$err" '"documents":6'
lacks rouge-j2-no-merge-problem "$err" 'cannot cross workers'
# a function kept in ctx.state beside data: at -j 2 the data crosses and finish sees it,
# as at -j 1; a warning names the value, no document counted as failed (regression:
# exit 1, "1 document(s) failed; recorded in E" with E empty and --stats-json failed 0,
# and finish saw an empty state)
printf 'local M = {name = "fnstate"}\nfunction M.process(doc, ctx) ctx.state.f = print; ctx.state.n = (ctx.state.n or 0) + 1; return doc end\nfunction M.finish(ctx) return {n = ctx.state.n} end\nreturn M\n' > "$tmpd/fnstate.lua"
printf 'stages:\n  - stage: fnstate.lua\n' > "$tmpd/fnstate.yaml"
for j in 1 2; do
  run fnstate-j$j 0 "$D" run "$tmpd/fnstate.yaml" "$F/two.jsonl" -j $j --errors "$tmpd/fe.jsonl" --stats-json "$tmpd/fs.json"
  has fnstate-j$j-finish "$err" '^docpipe: finish: \{"fnstate":\{"n":2\}\}$'
  lacks fnstate-j$j-failed "$err" 'failed'
  lines fnstate-j$j-out "$out" 2
  lines fnstate-j$j-errors "$tmpd/fe.jsonl" 0
done
has fnstate-j2-warning "$err" "^docpipe: warning: stage 'fnstate': ctx\.state\.f cannot cross workers .*its finish sees the state without it"

# --- DOCPIPE_PATH: a pipeline inside the folder (pipelines/NAME.yaml) or beside it
mkdir -p "$tmpd/dpp/lib/pipelines"
printf 'stages:\n  - stage: sentences\n' > "$tmpd/dpp/lib/pipelines/inside.yaml"
mkdir -p "$tmpd/dpp/pipelines"
printf 'stages:\n  - stage: sentences\n' > "$tmpd/dpp/pipelines/beside.yaml"
run docpipe-path-inside 0 env DOCPIPE_PATH="$tmpd/dpp/lib" "$D" run inside "$F/note.txt"
has docpipe-path-inside "$out" '"sentences":\['
run docpipe-path-beside 0 env DOCPIPE_PATH="$tmpd/dpp/lib" "$D" run beside "$F/note.txt"
# a file there that cannot be read is an error naming it and why, exit 2; a folder
# that cannot be searched is a warning naming it, and the built-in is used
# (regression: both skipped in silence, the built-in used)
mkdir -p "$tmpd/dpx/stages" "$tmpd/dpx/pipelines"
ln -s clean.lua "$tmpd/dpx/stages/clean.lua"; mkdir "$tmpd/dpx/pipelines/news.yaml"
# an error placed in a built-in pipeline names it as built in, and one read from a
# DOCPIPE_PATH folder by its path (regression: "news.yaml:9:7", as if a file in the
# current folder)
mkdir -p "$tmpd/dpi/stages" "$tmpd/dpo/pipelines"
printf 'local M = {name = "summary", options = {sentences = {type = "integer", default = 3}}}\nfunction M.init(ctx) error("init says no") end\nfunction M.process(doc) return doc end\nreturn M\n' > "$tmpd/dpi/stages/summary.lua"
run builtin-pipeline-where 2 env DOCPIPE_PATH="$tmpd/dpi" "$D" check news
has builtin-pipeline-where "$err" "^docpipe: builtin:pipelines/news\.yaml:9:7: stage 'summary' rejected its configuration: .*init says no$"
run builtin-pipeline-where-forced 2 env DOCPIPE_PATH="$tmpd/dpi" "$D" run builtin:news "$F/note.txt"
has builtin-pipeline-where-forced "$err" "^docpipe: builtin:pipelines/news\.yaml:9:7: stage 'summary'"
printf 'stages:\n  - stage: sentences\n    with: {bogus: 1}\n' > "$tmpd/dpo/pipelines/news.yaml"
run path-pipeline-where 2 env DOCPIPE_PATH="$tmpd/dpo" "$D" check news
has path-pipeline-where "$err" "^docpipe: $tmpd/dpo/pipelines/news\.yaml:3:12: stage 'sentences' has no option 'bogus'$"
run docpipe-path-stage-unreadable 2 env DOCPIPE_PATH="$tmpd/dpx" "$D" run clean "$F/note.txt"
has docpipe-path-stage-unreadable "$err" "error loading stage 'clean': $tmpd/dpx/stages/clean.lua: cannot read the file \\(Too many levels of symbolic links\\)"
run docpipe-path-pipeline-unreadable 2 env DOCPIPE_PATH="$tmpd/dpx" "$D" check news
has docpipe-path-pipeline-unreadable "$err" "^docpipe: $tmpd/dpx/pipelines/news.yaml: cannot read the file \\(a folder\\)$"
if command -v runuser >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
  chmod 755 "$tmpd"
  mkdir -p "$tmpd/dpa/stages" "$tmpd/dpb/pipelines" "$tmpd/dpc/stages"
  printf 'return {}\n' > "$tmpd/dpa/stages/clean.lua"; chmod 000 "$tmpd/dpa/stages/clean.lua"
  printf 'stages:\n  - stage: sentences\n' > "$tmpd/dpb/pipelines/news.yaml"; chmod 000 "$tmpd/dpb/pipelines/news.yaml"
  : > "$tmpd/dpc/stages/clean.lua"; chmod 000 "$tmpd/dpc"
  run docpipe-path-mode000-stage 2 runuser -u nobody -- env DOCPIPE_PATH="$tmpd/dpa" "$D" check news
  has docpipe-path-mode000-stage "$err" "$tmpd/dpa/stages/clean.lua: cannot read the file \\(Permission denied\\)"
  run docpipe-path-mode000-pipeline 2 runuser -u nobody -- env DOCPIPE_PATH="$tmpd/dpb" "$D" check news
  has docpipe-path-mode000-pipeline "$err" "^docpipe: $tmpd/dpb/pipelines/news.yaml: cannot read the file \\(Permission denied\\)$"
  run docpipe-path-mode000-folder 0 runuser -u nobody -- env DOCPIPE_PATH="$tmpd/dpc" "$D" run news -j 2 "$F/note.txt"
  has docpipe-path-mode000-folder "$err" "^docpipe: $tmpd/dpc: warning: a DOCPIPE_PATH folder that cannot be searched \\(Permission denied\\): skipped$"
  lines docpipe-path-mode000-folder-once "$err" 1
  chmod 755 "$tmpd/dpc"
fi

# --- a folder named like a built-in pipeline does not hide it (regression)
mkdir -p "$tmpd/shadow/news"
printf 'Ferry sails. Band plays.\n' > "$tmpd/shadow/news/a.txt"
run shadow-folder 0 sh -c "cd '$tmpd/shadow' && '$Dabs' run news news/"
has shadow-folder "$out" '"id":"a"'
run shadow-folder-path 2 sh -c "cd '$tmpd/shadow' && '$Dabs' run ./news news/"
has shadow-folder-path "$err" 'cannot read the file \(a folder\?\)'

# --- --stats-json may not overwrite an input or the output
cp "$F/note.txt" "$tmpd/victim.txt"
run stats-json-input 2 "$D" run sentences "$tmpd/victim.txt" --stats-json "$tmpd/victim.txt"
has stats-json-input "$err" 'is also an input'
run stats-json-output 2 "$D" run sentences "$tmpd/victim.txt" --stats-json "$tmpd/same.x" -o "$tmpd/same.x"
has stats-json-output "$err" '--stats-json names the same file as -o'
# nor the standard input when it is read (regression: -o /dev/stdin on a pipe hung for
# ever, docpipe holding the pipe's write end itself; on a file it was overwritten)
run stdin-output 2 sh -c "printf 'Hello there.\n' | timeout 10 '$Dabs' run sentences -o /dev/stdin"
has stdin-output "$err" '^docpipe: the output \(-o /dev/stdin\) is the standard input, which this run reads$'
run stdin-errors 2 sh -c "timeout 10 '$Dabs' run sentences - --errors /dev/stdin < '$tmpd/victim.txt'"
has stdin-errors "$err" '^docpipe: the --errors file \(/dev/stdin\) is the standard input'
run stdin-stats 2 sh -c "printf 'Hello there.\n' | timeout 10 '$Dabs' run sentences --stats-json /dev/fd/0"
has stdin-stats "$err" 'the --stats-json file \(/dev/fd/0\) is the standard input'
cmp -s "$F/note.txt" "$tmpd/victim.txt" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL stdin-errors: the input was overwritten"; }
# (a terminal or /dev/null may be both)
run stdin-devnull 0 sh -c "'$Dabs' run sentences -o /dev/null < /dev/null"

# --- no output may be a document of an input folder, by any name or link, nor
# made there (regression: -o dir/page.txt replaced the page with JSON, exit 0;
# --errors dir/page.txt emptied it before it was read); refused before any
# output is opened, exit 2, the folder as it was
mkdir -p "$tmpd/infold/sub" "$tmpd/elsewhere"
printf 'Ferry sails. Band plays.\n' > "$tmpd/infold/a.txt"
printf 'The band played.\n' > "$tmpd/infold/sub/b.txt"
cp -R "$tmpd/infold" "$tmpd/infold.orig"
ln -s "$tmpd/infold/a.txt" "$tmpd/alink.txt"
ln "$tmpd/infold/sub/b.txt" "$tmpd/bhard.txt"
ln -s "$tmpd/infold/sub" "$tmpd/sublink"
ln -s "$tmpd/elsewhere/later.txt" "$tmpd/infold/dangling.txt"
for spec in "o:-o $tmpd/infold/a.txt" "errors:--errors $tmpd/infold/a.txt" \
            "stats:--stats-json $tmpd/infold/sub/b.txt" "spelled:-o $tmpd/infold/sub/../a.txt" \
            "symlink:--errors $tmpd/alink.txt" "hardlink:-o $tmpd/bhard.txt" \
            "linked-folder:--stats-json $tmpd/sublink/b.txt"; do
  run "folder-output-${spec%%:*}" 2 "$D" run sentences "$tmpd/infold" ${spec#*:}
  has "folder-output-${spec%%:*}" "$err" 'is also an input \(a document of the folder .*infold\); it would be overwritten'
done
# a new file where the walk would read it (the folder, a sub-folder, the
# target of a dangling link inside it) is refused the same way
for spec in "new:-o $tmpd/infold/out.jsonl" "new-sub:--errors $tmpd/infold/sub/err.jsonl" \
            "new-via-link:--errors $tmpd/sublink/err.txt" "dangling:--stats-json $tmpd/elsewhere/later.txt"; do
  run "folder-output-${spec%%:*}" 2 "$D" run sentences "$tmpd/infold" ${spec#*:}
  has "folder-output-${spec%%:*}" "$err" 'would also be an input \(a document of the folder .*infold\); it would be read back'
done
rm "$tmpd/infold/dangling.txt"
run folder-output-untouched 0 diff -r "$tmpd/infold" "$tmpd/infold.orig"
lines folder-output-untouched "$out" 0
# standard input that is a file is an input too (told by the standard-input check,
# which runs first)
run stdin-file-errors 2 sh -c "'$Dabs' run sentences --errors '$tmpd/infold/a.txt' < '$tmpd/infold/a.txt'"
has stdin-file-errors "$err" 'the --errors file \(.*/infold/a.txt\) is the standard input, which this run reads'
# a name the walk does not read is fine: another extension, a hidden file
run folder-output-json 0 "$D" run sentences "$tmpd/infold" -o "$tmpd/infold/out.json" --errors "$tmpd/infold/.err.jsonl"
lines folder-output-json "$tmpd/infold/out.json" 2

# --- bad input is reported and the rest goes on
run malformed-jsonl 1 "$D" run sentences "$F/malformed.jsonl"
lines malformed-jsonl "$out" 2
has malformed-jsonl-where "$err" 'malformed.jsonl:2: invalid JSON'
# the column is that of the first byte that cannot be read, counted from 1 (regression:
# "{bad" said column 3, one past the 'b', cJSON's error pointer), the same as
# docpipe.json.decode and dp_pipeline_run_json; a record that ends too soon names the end
printf '{bad\n{"id":"b","text":"x"\n{"id":"c","text":"\\q"}\n{"id":"d","text":"Fine."}\n' > "$tmpd/badcol.jsonl"
run json-error-column 1 "$D" run sentences "$tmpd/badcol.jsonl"
has json-error-column "$err" 'badcol.jsonl:1: invalid JSON at column 2$'
has json-error-column-end "$err" 'badcol.jsonl:2: unexpected end of JSON at column 21$'
has json-error-column-escape "$err" 'badcol.jsonl:3: invalid JSON at column 20$'
has json-error-column-next "$out" '"id":"d"'
run json-error-column-stdin 1 sh -c "printf '{bad\n' | '$D' run sentences"
has json-error-column-stdin "$err" '^docpipe: -:1: invalid JSON at column 2$'
run missing-input 3 "$D" run sentences "$F/nope.txt" "$F/note.txt"
has missing-input "$err" 'nope.txt: No such file'
lines missing-input "$out" 1
printf 'ab\000cd' > "$tmpd/bin.dat"
run binary-input 1 "$D" run sentences "$tmpd/bin.dat"
has binary-input "$err" 'bin.dat: binary file'
# a text saved as UTF-16 with a byte order mark is read, not skipped as binary
# (regression: "binary file (a NUL byte in the first 8 KiB), skipped", exit 1)
printf '\377\376D\000o\000c\000k\000 \000s\000t\000r\000i\000k\000e\000 \000e\000n\000d\000s\000.\000' > "$tmpd/utf16le.txt"
run utf16le-input 0 "$D" run sentences "$tmpd/utf16le.txt"
has utf16le-input "$out" '"text":"Dock strike ends\."'
lacks utf16le-no-warning "$out" 'warnings'
printf '\376\377\000O\000k\000.\330\000' > "$tmpd/utf16be.txt"
run utf16be-input 0 "$D" run sentences "$tmpd/utf16be.txt"
has utf16be-input "$out" '"text":"Ok\.'
has utf16be-bad-unit "$out" 'invalid UTF-16BE: 1 code unit\(s\) replaced by U\+FFFD'
# a U+0000 in UTF-16 is one bad code unit, not a "NUL byte after the first 8 KiB"
printf '\377\376O\000\000\000k\000.\000' > "$tmpd/utf16nul.txt"
run utf16-nul 0 "$D" run sentences "$tmpd/utf16nul.txt"
has utf16-nul "$out" '"warnings":\["invalid UTF-16LE: 1 code unit\(s\) replaced by U\+FFFD"\]'
printf 'caf\351 ok.' > "$tmpd/latin1.txt"
run invalid-utf8 0 "$D" run sentences "$tmpd/latin1.txt"
has invalid-utf8 "$out" 'caf\xEF\xBF\xBD|caf�'
has invalid-utf8-warning "$out" 'invalid UTF-8: 1 byte'
# a NUL past the first 8 KiB: read as text, the NUL named as a NUL (not bad encoding)
awk 'BEGIN { for (i = 0; i < 300; i++) printf "The storm reached the coast. "; printf "%c", 0; print "After it." }' > "$tmpd/late-nul.txt"
run late-nul 0 "$D" run sentences "$tmpd/late-nul.txt"
has late-nul "$out" '"warnings":\["1 NUL byte\(s\) after the first 8 KiB \(the first at byte 8701\) replaced by U\+FFFD; read as text"\]'
lacks late-nul-not-encoding "$out" 'invalid UTF-8'

# --- a document's warnings go to stderr in every format, naming the input and the id
# (regression: -f text and -f markdown showed them nowhere, and the run was silent)
for fmt in text markdown html jsonl json; do
  run warn-$fmt 0 "$D" run news "$tmpd/blank.txt" -f $fmt
  has warn-$fmt "$err" "^docpipe: $tmpd/blank.txt: warning: document 'blank': empty document\$"
done
run warn-late-nul-text 0 "$D" run sentences "$tmpd/late-nul.txt" -f text
has warn-late-nul-text "$err" "late-nul.txt: warning: document 'late-nul': 1 NUL byte\(s\) after the first 8 KiB \(the first at byte 8701\)"
run warn-invalid-utf8-markdown 0 "$D" run sentences "$tmpd/latin1.txt" -f markdown
has warn-invalid-utf8-markdown "$err" "latin1.txt: warning: document 'latin1': invalid UTF-8: 1 byte\(s\) replaced by U\+FFFD"
# a JSON Lines record: the file and line, then the record's own id; the same with -j 2
printf '{"id":"ok","text":"Fine."}\n{"id":"z","text":"a\\u0000b."}\n' > "$tmpd/nul.jsonl"
run warn-jsonl-line 0 "$D" run sentences "$tmpd/nul.jsonl" -f text -j 2
has warn-jsonl-line "$err" "^docpipe: $tmpd/nul.jsonl:2: warning: document 'z': 1 escaped NUL\(s\)"
grep warning: "$err" > "$tmpd/warn-once.lines"
lines warn-jsonl-once "$tmpd/warn-once.lines" 1
# a stage's warning (ctx.warn) is shown too
printf 'stages:\n  - stage: summary\n' > "$tmpd/summary_alone.yaml"
run warn-stage 0 "$D" run "$tmpd/summary_alone.yaml" "$F/note.txt" -f markdown
has warn-stage "$err" "note.txt: warning: document 'note': summary: no doc.sentences"
# -q leaves a warning off stderr only when the written record keeps it (JSON with meta)
run warn-quiet-text 0 "$D" run news "$tmpd/blank.txt" -f text -q
has warn-quiet-text "$err" "warning: document 'blank': empty document"
run warn-quiet-jsonl 0 "$D" run news "$tmpd/blank.txt" -f jsonl -q
lacks warn-quiet-jsonl "$err" 'warning'
has warn-quiet-jsonl-kept "$out" '"warnings":\["empty document"\]'
printf 'stages:\n  - stage: sentences\noutput:\n  format: jsonl\n  fields: [id, text]\n' > "$tmpd/no_meta.yaml"
run warn-quiet-no-meta 0 "$D" run "$tmpd/no_meta.yaml" "$tmpd/blank.txt" -q
has warn-quiet-no-meta "$err" "warning: document 'blank': empty document"
# -q decides "kept" per document: a warning is left off only when a written record holds
# it (regression: warnings of a dropped document, of a failed one with no --errors file
# and of one whose stage cleared meta.warnings were printed nowhere with -q)
run warn-quiet-per-doc 1 "$D" run "$F/warner.yaml" "$F/warner.jsonl" -q
lacks warn-quiet-written "$err" "document 'w1'"
has warn-quiet-dropped "$err" "warner.jsonl:2: warning: document 'w2': warner: looked at w2"
has warn-quiet-failed "$err" "warner.jsonl:3: warning: document 'w3': warner: looked at w3"
has warn-quiet-cleared "$err" "warner.jsonl:4: warning: document 'w4': warner: looked at w4"
run warn-quiet-errors-file 1 "$D" run "$F/warner.yaml" "$F/warner.jsonl" -q --errors "$tmpd/w.err"
lacks warn-quiet-errors-file "$err" "document 'w3'"
has warn-quiet-errors-record "$tmpd/w.err" '"meta":\{"warnings":\["warner: looked at w3"\]\}'
has warn-quiet-errors-dropped "$err" "document 'w2'"
# a document's warning comes before its failure, and the failure names FILE:LINE too
# (regression: the failure came first, with no FILE:LINE)
run warn-before-fail 1 "$D" run "$F/warner.yaml" "$F/warner.jsonl" -f text
grep "document 'w3'" "$err" | grep -n . > "$tmpd/w3.lines"
has warn-before-fail "$tmpd/w3.lines" "^1:docpipe: .*warner.jsonl:3: warning: document 'w3'"
has fail-names-line "$tmpd/w3.lines" "^2:docpipe: .*warner.jsonl:3: stage 'warner' failed on document 'w3'"
# the total: on the closing summary, --stats, --stats-json and the Hadoop counters
# (regression: nowhere)
has warn-total "$err" '^docpipe: 4 warning\(s\) in 4 document\(s\)$'
run warn-total-stats 1 "$D" run "$F/warner.yaml" "$F/warner.jsonl" --stats --stats-json "$tmpd/ws.json" --hadoop-counters
has warn-total-stats "$err" '^warnings: 4 in 4 document\(s\)$'
has warn-total-stats-json "$tmpd/ws.json" '"warnings":	4'
has warn-total-stats-json-docs "$tmpd/ws.json" '"warned_documents":	4'
has warn-total-counter "$err" '^reporter:counter:docpipe,warnings,4$'
has warn-total-counter-docs "$err" '^reporter:counter:docpipe,documents_warned,4$'
run warn-total-none 0 "$D" run sentences "$F/note.txt"
lacks warn-total-none "$err" 'warning'
# warnings a record brings from an earlier run are not printed again as this run's
# (regression: `docpipe run clean x | docpipe run sentences` printed clean's warnings twice)
printf '{"id":"o","text":"Fine.","meta":{"warnings":["empty document"]}}\n' > "$tmpd/old_warn.jsonl"
run warn-inherited 0 "$D" run sentences "$tmpd/old_warn.jsonl"
lacks warn-inherited "$err" 'warning'
has warn-inherited-kept "$out" '"warnings":\["empty document"\]'
# a JSON Lines record with an empty or white-space text warns as a text file does
# (regression: no warning)
printf '{"id":"e1","text":""}\n{"id":"e2","text":" \\n\\t"}\n{"id":"e3","text":"Words."}\n' > "$tmpd/empty.jsonl"
run warn-empty-jsonl 0 "$D" run sentences "$tmpd/empty.jsonl" -f text
has warn-empty-jsonl-1 "$err" "empty.jsonl:1: warning: document 'e1': empty document"
has warn-empty-jsonl-2 "$err" "empty.jsonl:2: warning: document 'e2': empty document"
lacks warn-empty-jsonl-3 "$err" "'e3'"
# run --help says what -q does with warnings (regression: the wrong way round)
run help-run-quiet 0 "$D" help run
has help-run-quiet "$out" 'no warning a written record keeps'
# `docpipe stages` with several names shows each (regression: only the last)
run stages-several 0 "$D" stages clean sentences
has stages-several-clean "$out" '^clean: '
has stages-several-sentences "$out" '^sentences: '
run stages-several-bad 2 "$D" stages clean nosuchstage
has stages-several-bad "$err" "no built-in stage 'nosuchstage'"
# a stage's init error names the stage once and points at the option's value
# (regression: "stage 'clean' rejected its configuration: clean: ...", at the key)
# (numeric_dates now declares its choices, checked before init: a bad drop pattern is
# init's to find)
printf 'stages:\n  - stage: clean\n    with:\n      language: en\n      drop: ["(unclosed"]\n' > "$tmpd/badre.yaml"
run init-error-value 2 "$D" check "$tmpd/badre.yaml"
has init-error-value "$err" "badre.yaml:5:14: stage 'clean' rejected its configuration: bad drop pattern"
lacks init-error-once "$err" "configuration: clean:"

# --- on a terminal, a diagnostic clears the progress line first (\r, erase line) instead
# of being glued onto it (regression: "... s left\033[Kdocpipe: ...: warning: ...")
if command -v script >/dev/null 2>&1 && script -qc true /dev/null >/dev/null 2>&1 </dev/null; then
  i=0; : > "$tmpd/prog.jsonl"
  while [ $i -lt 8 ]; do echo "{\"id\":\"p$i\",\"text\":\"x\"}" >> "$tmpd/prog.jsonl"; i=$((i + 1)); done
  echo '{"id":"late","text":"a\u0000b"}' >> "$tmpd/prog.jsonl"
  env -u NO_COLOR -u DOCPIPE_NO_PROGRESS TERM=xterm script -qc \
    "'$Dabs' run '$PWD/$F/slow.yaml' '$tmpd/prog.jsonl' -o '$tmpd/prog.out' -j 1" "$tmpd/prog.log" >/dev/null 2>&1 </dev/null
  esc=$(printf '\033')
  cr=$(printf '\r')
  has progress-drawn "$tmpd/prog.log" "${cr}docpipe: [0-9]+ documents, "
  has progress-cleared "$tmpd/prog.log" "${cr}${esc}\\[Kdocpipe: [^ ]*prog.jsonl:9: warning: document 'late'"
  lacks progress-glued "$tmpd/prog.log" "[^${cr}]${esc}\\[Kdocpipe: [^0-9]"
  # a stage's print, from the main thread (-j 1) and from a worker (-j 2), erases the
  # progress line first too (regression: "... MB/sstage says: p6")
  printf -- '-- busy 0.2 s a document; prints for one\nlocal M = { name = "printer" }\nfunction M.process(doc)\n  local t = os.clock()\n  while os.clock() - t < 0.2 do end\n  if doc.id == "p6" then print("stage says: " .. doc.id) end\n  return doc\nend\nreturn M\n' > "$tmpd/printer.lua"
  printf 'name: printer\nstages:\n  - stage: printer.lua\n' > "$tmpd/printer.yaml"
  for j in 1 2; do
    env -u NO_COLOR -u DOCPIPE_NO_PROGRESS TERM=xterm script -qc \
      "'$Dabs' run '$tmpd/printer.yaml' '$tmpd/prog.jsonl' -o '$tmpd/print.out' -j $j" "$tmpd/print$j.log" >/dev/null 2>&1 </dev/null
    # (with -j 2 the line may not be drawn yet when p6 prints: only -j 1 must show it)
    [ $j = 1 ] && has "progress-print-j$j" "$tmpd/print$j.log" "${cr}${esc}\\[Kstage says: p6"
    has "progress-print-line-j$j" "$tmpd/print$j.log" "stage says: p6"
    lacks "progress-print-glued-j$j" "$tmpd/print$j.log" "MB/s[^${cr}]*stage says"
  done
else
  echo "skip progress-cleared: no usable script(1)"
fi

# --- an interrupted run whose -o write failed says the file was not written
# (regression: "interrupted: 13 document(s) written", and no file)
# (each document's record is larger than the file size limit, so that the write fails
# with the first document processed: on a loaded machine only one may be done in time)
i=0; : > "$tmpd/wide.jsonl"
while [ $i -lt 50 ]; do printf '{"id":"w%d","text":"%02000d"}\n' $i 0 >> "$tmpd/wide.jsonl"; i=$((i + 1)); done
sh -c "ulimit -f 1; exec '$D' run '$F/slow.yaml' '$tmpd/wide.jsonl' -o '$tmpd/wide.out' -j 1" 2>"$err" &
pid=$!
sleep 1.5
kill -INT $pid
wait $pid
got=$?
if [ $got -eq 130 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL interrupted-unwritten: exit $got, want 130"; fi
has interrupted-unwritten "$err" "interrupted: [0-9]+ document\(s\) processed; $tmpd/wide.out was not written"
lacks interrupted-unwritten-claim "$err" 'document\(s\) written'
if [ -e "$tmpd/wide.out" ]; then fail=$((fail + 1)); echo "FAIL interrupted-unwritten: a file"; else pass=$((pass + 1)); fi

# --- a second SIGINT ends the run at once, and takes the -o temporary file with it
# (regression: a stray OUT.tmp.PID)
printf 'local M = { name = "slug", doc = "busy for 3 s of CPU per document" }\nfunction M.process(doc) local t = os.clock(); while os.clock() - t < 3 do end; return doc end\nreturn M\n' > "$tmpd/slug.lua"
printf 'stages:\n  - stage: slug.lua\n' > "$tmpd/slug.yaml"
mkdir -p "$tmpd/sig2"
"$D" run "$tmpd/slug.yaml" "$tmpd/wide.jsonl" -o "$tmpd/sig2/out.jsonl" -j 1 2>"$err" &
pid=$!
sleep 1
kill -INT $pid
sleep 0.3
kill -INT $pid
wait $pid
left=$(ls "$tmpd/sig2")
if [ -z "$left" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL second-sigint: left $left"; fi

# --- exit codes: the gravest outcome wins, 130 > 3 > 1 > 0
# a failed document (1) and an unreadable input (3) in one run: 3
run exit-3-over-1 3 "$D" run sentences "$tmpd/bin.dat" "$F/nope.txt"
# a failed document (1) and an unwritable --stats-json (3): 3 (regression: 1)
run exit-stats-over-1 3 "$D" run sentences "$tmpd/bin.dat" --stats-json /dev/full
# a --stats-json that cannot be created ends the run before it reads anything, exit 3, an
# output that cannot be written, as -o and --errors (regression: found only at the end,
# after the whole run; then exit 2 where -o and --errors gave 3)
run stats-json-no-folder 3 "$D" run "$F/slow.yaml" "$F/two.jsonl" --stats-json "$tmpd/no/such/dir/s.json"
has stats-json-no-folder "$err" "^docpipe: cannot write --stats-json $tmpd/no/such/dir/s.json: No such file or directory$"
lines stats-json-no-folder "$err" 1
lines stats-json-no-folder-out "$out" 0
run output-no-folder 3 "$D" run "$F/slow.yaml" "$F/two.jsonl" -o "$tmpd/no/such/dir/o.jsonl"
has output-no-folder "$err" "^docpipe: cannot write $tmpd/no/such/dir/o.jsonl: No such file or directory$"
run errors-no-folder 3 "$D" run "$F/slow.yaml" "$F/two.jsonl" --errors "$tmpd/no/such/dir/e.jsonl"
has errors-no-folder "$err" "^docpipe: cannot open $tmpd/no/such/dir/e.jsonl: No such file or directory$"

# --- SIGINT and SIGTERM: the document in flight finishes, output is complete, exit 130
for sig in INT TERM; do
  i=0; while [ $i -lt 50 ]; do echo "{\"id\":\"s$i\",\"text\":\"x\"}"; i=$((i + 1)); done > "$tmpd/fifty.jsonl"
  "$D" run "$F/slow.yaml" "$tmpd/fifty.jsonl" -o "$tmpd/sig.jsonl" 2>"$err" &
  pid=$!
  sleep 1
  kill -$sig $pid
  wait $pid
  got=$?
  if [ $got -eq 130 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL sig$sig: exit $got, want 130"; fi
  has sig$sig-message "$err" 'interrupted: [0-9]+ document'
  n=$(grep -c '^{"id":"s[0-9]*","source":.*}$' "$tmpd/sig.jsonl")
  total=$(wc -l < "$tmpd/sig.jsonl")
  if [ "$n" -ge 1 ] && [ "$n" -eq "$total" ] && [ "$n" -lt 50 ]; then pass=$((pass + 1))
  else fail=$((fail + 1)); echo "FAIL sig$sig-output: $n complete of $total lines"; fi
done

# --- a stage stuck inside one C call (a Lua pattern backtracking in string.find: no
# Lua instruction runs, so neither limits.time_ms nor the signal can cut it short): the
# first signal ends the run after the grace time (3 s), the documents done are written,
# the one in flight is named, exit 130 (regression: the run waited for ever, and only a
# second SIGTERM ended it, with 143 and nothing written)
printf 'local M = { name = "cstuck" }\nfunction M.process(doc)\n  if doc.id == "stuck" then doc.r = string.rep("a", 5000):find(".-.-.-.-b") end\n  return doc\nend\nreturn M\n' > "$tmpd/cstuck.lua"
printf 'limits: {time_ms: 1000}\nstages:\n  - stage: cstuck.lua\n' > "$tmpd/cstuck.yaml"
printf '{"id":"a1","text":"x"}\n{"id":"a2","text":"y"}\n{"id":"stuck","text":"z"}\n{"id":"a4","text":"w"}\n' > "$tmpd/cstuck.jsonl"
for j in 1 2; do
  for sig in INT TERM; do
    rm -f "$tmpd/cstuck.out"
    "$D" run "$tmpd/cstuck.yaml" "$tmpd/cstuck.jsonl" -j $j -o "$tmpd/cstuck.out" 2>"$err" &
    pid=$!
    sleep 1
    t0=$(date +%s)
    kill -$sig $pid
    # a watchdog of our own: a run that does not end within 20 s is killed
    ( sleep 20; kill -KILL $pid 2>/dev/null ) & guard=$!
    wait $pid
    got=$?
    t1=$(date +%s)
    kill $guard 2>/dev/null
    if [ $got -eq 130 ] && [ $((t1 - t0)) -le 8 ]; then pass=$((pass + 1))
    else fail=$((fail + 1)); echo "FAIL cstuck-j$j-$sig: exit $got after $((t1 - t0)) s, want 130 within 8 s"; fi
    has cstuck-j$j-$sig-named "$err" "^docpipe: interrupted: the document at $tmpd/cstuck.jsonl:3 did not finish within 3 s of the signal: not written$"
    has cstuck-j$j-$sig-count "$err" '^docpipe: interrupted: 2 document\(s\) written$'
    n=$(grep -c '^{"id":"a[12]",.*}$' "$tmpd/cstuck.out")
    if [ "$n" -eq 2 ] && [ "$(wc -l < "$tmpd/cstuck.out")" -eq 2 ]; then pass=$((pass + 1))
    else fail=$((fail + 1)); echo "FAIL cstuck-j$j-$sig-output: $n of 2 documents"; fi
  done
done
# a second signal ends the run at once, with the same code 130 (regression: 143 for SIGTERM)
"$D" run "$tmpd/cstuck.yaml" "$tmpd/cstuck.jsonl" -j 1 -o "$tmpd/cstuck2.out" 2>"$err" &
pid=$!
sleep 1
kill -TERM $pid
sleep 0.3
kill -TERM $pid
wait $pid
got=$?
if [ $got -eq 130 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL second-sigterm: exit $got, want 130"; fi

# --- a signal while the run waits on an idle input pipe ends it at once: exit 130, the
# output so far whole and closed, no document named as unfinished (regression: the run
# waited until the writer closed the pipe, so timeout(1) could not stop it, and at -j 2
# then said "the document - did not finish within 3 s of the signal")
printf 'local dp = require "docpipe"\nlocal f = assert(io.open(arg[1])); local a = dp.json.decode(f:read("a"))\nos.exit(#a == tonumber(arg[2]) and (#a == 0 or a[1].id == "early") and 0 or 1)\n' > "$tmpd/idle_check.lua"
for n in 0 1; do
 for j in 1 2; do
  for sig in TERM INT; do
    rm -f "$tmpd/idle.fifo"; mkfifo "$tmpd/idle.fifo"
    early=; [ $n -eq 1 ] && early='{"id":"early","text":"Early one. Two."}'
    ( echo "$early"; sleep 8; printf '{"id":"late","text":"Late."}\n' ) > "$tmpd/idle.fifo" &
    writer=$!
    "$D" run sentences -j $j -f json -o "$tmpd/idle.json" < "$tmpd/idle.fifo" 2>"$err" &
    pid=$!
    sleep 1
    t0=$(date +%s)
    kill -$sig $pid
    wait $pid
    got=$?
    t1=$(date +%s)
    kill $writer 2>/dev/null
    if [ $got -eq 130 ] && [ $((t1 - t0)) -le 2 ]; then pass=$((pass + 1))
    else fail=$((fail + 1)); echo "FAIL idle-pipe-$n-j$j-$sig: exit $got after $((t1 - t0)) s, want 130 at once"; fi
    has idle-pipe-j$j-$sig-count "$err" "^docpipe: interrupted: $n document\\(s\\) written$"
    lacks idle-pipe-j$j-$sig-named "$err" 'did not finish'
    run idle-pipe-j$j-$sig-json 0 "$D" lua "$tmpd/idle_check.lua" "$tmpd/idle.json" $n
  done
 done
done

# --- --stats of a run cut short at -j 2 (a closed output, an interrupt): a stage counts
# only the documents read and handed out (regression: also those the workers had done
# beyond, "16 read" under "clean 64")
cat > "$tmpd/stats_cut.lua" <<'LUA'
local dp = require "docpipe"
local f = assert(io.open(arg[1])); local st = dp.json.decode(f:read("a")); f:close()
local s = st.stages[1]
print(("read %d, written %d, %s in %d, out %d"):format(st.read, st.written, s.name, s["in"], s.out))
-- written: the documents that reached the output; with the output closed early (arg[3]),
-- fewer than were handed to it, and output_closed says so
local closed = arg[3] == "closed"
os.exit(st.read > 0 and st.read < tonumber(arg[2]) and s["in"] == st.read and s.out == st.read
  and (closed and st.output_closed == true and st.written < st.read
       or not closed and st.output_closed == nil and st.written == st.read) and 0 or 1)
LUA
awk 'BEGIN { for (i = 0; i < 4000; i++) printf "{\"id\":\"h%d\",\"text\":\"The ferry left at dawn. It carried forty cars. Nobody waved.\"}\n", i }' > "$tmpd/head.jsonl"
"$D" run sentences "$tmpd/head.jsonl" -j 2 --stats-json "$tmpd/head_stats.json" 2>"$err" | head -n 1 > /dev/null
run stats-closed-output 0 "$D" lua "$tmpd/stats_cut.lua" "$tmpd/head_stats.json" 4000 closed
# --stats after | head: written counts only what reached the output, and says it was
# closed early (regression: every document handed to the output counted as written)
for j in 1 2; do
  "$D" run sentences "$tmpd/head.jsonl" -j $j --stats 2>"$err" | head -n 3 > /dev/null
  has stats-head-j$j-closed "$err" '^the output was closed early \(its reader stopped, as head does\): written counts only the documents that reached it$'
  if awk '/^documents: / { if ($2 + 0 > $4 + 0) ok = 1 } END { exit !ok }' "$err"; then pass=$((pass + 1))
  else fail=$((fail + 1)); echo "FAIL stats-head-j$j: written not below read"; grep '^documents' "$err"; fi
done
"$D" run "$F/slow.yaml" "$tmpd/fifty.jsonl" -j 2 --stats-json "$tmpd/int_stats.json" -o "$tmpd/int.jsonl" 2>"$err" &
pid=$!
sleep 1
kill -INT $pid
wait $pid
run stats-interrupted 0 "$D" lua "$tmpd/stats_cut.lua" "$tmpd/int_stats.json" 50

# --- SIGINT while the output is blocked on a full pipe: the write is finished, not cut
# (regression: EINTR made stdio drop its buffer, exit 3 and half a record)
i=0; while [ $i -lt 3000 ]; do
  echo "{\"id\":\"p$i\",\"text\":\"The ferry left Port Ellery at dawn. It carried forty cars and a brass band. Nobody on the quay waved.\"}"
  i=$((i + 1))
done > "$tmpd/pipe.jsonl"
rm -f "$tmpd/pipe.pid" "$tmpd/pipe.rc"
( "$D" run sentences "$tmpd/pipe.jsonl" -j 1 2>"$err" & echo $! > "$tmpd/pipe.pid"; wait $!; echo $? > "$tmpd/pipe.rc" ) |
  ( sleep 3; cat > "$tmpd/pipe.out" ) &
reader=$!
sleep 1.5
kill -INT "$(cat "$tmpd/pipe.pid")"
wait $reader
got=$(cat "$tmpd/pipe.rc")
if [ "$got" -eq 130 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL sigint-blocked-write: exit $got, want 130"; fi
n=$(grep -c '^{"id":"p[0-9]*",.*"sentences":\[.*\]}$' "$tmpd/pipe.out")
total=$(wc -l < "$tmpd/pipe.out")
if [ "$n" -ge 1 ] && [ "$n" -eq "$total" ]; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAIL sigint-blocked-write-output: $n complete of $total lines"; fi

# --- a stream that trickles in: each document comes out before the next one arrives,
# at -j 1 and -j 2 (regression: -j 2 held a part-filled batch until 16 documents)
for j in 1 2; do
  ( echo '{"id":"t1","text":"First one. Done."}'; sleep 2; echo '{"id":"t2","text":"Second. Done."}' ) |
    "$D" run sentences -j $j > "$tmpd/trickle$j.jsonl" 2>"$err" &
  tpid=$!
  sleep 1
  n=$(wc -l < "$tmpd/trickle$j.jsonl")
  if [ "$n" -eq 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL trickle-j$j: $n lines out after 1 s, want 1"; fi
  wait $tpid
  lines trickle-j$j-end "$tmpd/trickle$j.jsonl" 2
done

# --- docpipe lua: a script with many arguments (regression: the stack overflowed)
printf 'print(select("#", ...), arg[0] ~= nil, arg[100])\n' > "$tmpd/args.lua"
run lua-many-args 0 "$D" lua "$tmpd/args.lua" $(seq 1 100)
has lua-many-args "$out" '^100	true	100$'
run lua-missing-file 2 "$D" lua "$tmpd/none.lua"
has lua-missing-file "$err" 'cannot open'

# --- embedding: install into a prefix, build the C example with pkg-config,
# run the Lua example with a plain lua5.4, read the man pages
if [ -z "${DOCPIPE_SKIP_INSTALL:-}" ]; then
  pfx="$tmpd/prefix"
  # a plain build and install, whatever make (or make sanitize) runs these tests
  plain_make="env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u BUILD -u SAN -u CFLAGS make -s"
  run install 0 $plain_make install PREFIX="$pfx"
  for f in bin/docpipe include/docpipe.h lib/libdocpipe.a lib/libdocpipe.so lib/pkgconfig/docpipe.pc \
           lib/lua/5.4/docpipe.so share/docpipe/scripts/stages/clean.lua share/docpipe/pipelines/news.yaml \
           share/man/man1/docpipe.1 share/man/man5/docpipe-pipeline.5; do
    if [ -e "$pfx/$f" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL install: no $f"; fi
  done
  has pkg-config-prefix "$pfx/lib/pkgconfig/docpipe.pc" "^prefix=$pfx\$"
  flags=$(PKG_CONFIG_PATH="$pfx/lib/pkgconfig" pkg-config --cflags --libs docpipe)
  run embed-c-build 0 sh -c "cc examples/embed/quotes.c $flags -o '$tmpd/quotes'"
  run embed-c-run 0 env LD_LIBRARY_PATH="$pfx/lib" "$tmpd/quotes" ../shared/data/seed/cnn-north-korea-amnesty.txt
  has embed-c-title "$out" "^title: North Korea plans prisoner release to mark dead leaders' birthdays$"
  has embed-c-speaker "$out" '^speaker: Park In-ho$'
  # linked statically: docpipe.pc's private requirements name every library
  sflags=$(PKG_CONFIG_PATH="$pfx/lib/pkgconfig" pkg-config --cflags --static --libs docpipe)
  run embed-c-static-build 0 sh -c "cc examples/embed/quotes.c -Wl,-Bstatic -ldocpipe -Wl,-Bdynamic $sflags -o '$tmpd/quotes-static'"
  run embed-c-static-run 0 "$tmpd/quotes-static" ../shared/data/seed/cnn-north-korea-amnesty.txt
  has embed-c-static-speaker "$out" '^speaker: Park In-ho$'
  run embed-lua 0 env LUA_CPATH="$pfx/lib/lua/5.4/?.so" lua5.4 examples/embed/sentences.lua "Dr. Ada Moreau arrived at 9 a.m. on Monday. She left at noon."
  has embed-lua-regex "$out" '^first year:	1887$'
  has embed-lua-sentence "$out" '^2	She left at noon\.	'
  # the module leaves the host program's coroutine functions alone
  printf 'local c = coroutine.create\nlocal dp = require "docpipe"\nlocal p = dp.load_pipeline("sentences")\nprint(coroutine.create == c, #p:run({id = "x", text = "One. Two."})[1].sentences)\n' > "$tmpd/coro.lua"
  run embed-lua-coroutines 0 env LUA_CPATH="$pfx/lib/lua/5.4/?.so" lua5.4 "$tmpd/coro.lua"
  has embed-lua-coroutines "$out" '^true	2$'
  run installed-binary 0 sh -c "cd /tmp && '$pfx/bin/docpipe' run sentences '$PWD/$F/note.txt'"
  run man-docpipe 0 sh -c "MANWIDTH=80 man -l '$pfx/share/man/man1/docpipe.1' | col -b"
  has man-docpipe "$out" 'docpipe - run pipelines of Lua stages'
  run man-pipeline 0 sh -c "MANWIDTH=80 man -l '$pfx/share/man/man5/docpipe-pipeline.5' | col -b"
  has man-pipeline "$out" 'on_error'
  run uninstall 0 $plain_make uninstall PREFIX="$pfx"
  if [ -e "$pfx/bin/docpipe" ] || [ -e "$pfx/lib/libdocpipe.so" ]; then fail=$((fail + 1)); echo "FAIL uninstall left files"
  else pass=$((pass + 1)); fi
fi

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
