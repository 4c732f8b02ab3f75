--- make bench: the throughput of docpipe's pipelines and stages, side by side with peers.
--
-- Runs each built-in pipeline (news, sentences, quotes, summary, html) and each stage
-- alone (the one-stage pipelines tests/bench/stage_*.yaml) at -j 1 and -j N (N: the online
-- cores, or BENCH_JOBS), and in the same run, on the same text, the peers: ICU's sentence
-- break iterator (tests/bench/icu_sentences.c), the npm package compromise doing
-- sentences and quotations (tests/bench/compromise_peer.js) and `wc -w` as a floor. Every
-- command reads its corpus and writes its output to a file under BENCH_DIR/out/, so output
-- is included. Each measurement is repeated BENCH_RUNS times (default 3), the runs of all
-- rows interleaved so that a burst of load on the machine spreads over the rows, and the
-- median is printed: one table, then the ratios the issues ask for, the clean stage's
-- CPU time per page and the time to read a saved web page of 1 to 1.6 MB. A peer that is missing is shown as "n/a (why)", and the rest still runs.
--
-- Method: wall time from `date +%s%N` around the command; user and system CPU time and
-- peak RSS from GNU time (`/usr/bin/time -f`); retired instructions from
-- `perf stat -e instructions` where the machine supports it; each stage's own CPU time
-- from docpipe's --stats-json, asked for on the first of the runs only (it times every
-- stage call, which the other runs, whose wall times make the medians, do not pay).
-- The corpora and the peers are built by the Makefile's `bench` target, which passes
-- their paths in the environment:
--   BENCH_DIR (build/bench), BENCH_RUNS, BENCH_JOBS, BENCH_CNN (the CNN sample repeated,
--   {id, text}), BENCH_SPLIT (the same after `docpipe run sentences`), BENCH_SEED (the
--   seed page repeated, {id, text}), BENCH_PAGES (saved web pages, {id, text = "", html}),
--   BENCH_PEER (the first stories of BENCH_CNN, for compromise).
--
-- Run from the repo root: ./docpipe lua tests/bench/run.lua (use `make bench`).
-- Units: MB are 2^20 bytes (as docpipe --stats); MB/s and documents/s over wall time
-- unless a column says CPU; RSS in MB; times in seconds, the clean stage per page in
-- microseconds.

local dp = require "docpipe"

local getenv, execute, popen = os.getenv, os.execute, io.popen
local fmt, concat, sort = string.format, table.concat, table.sort
local floor, huge = math.floor, math.huge

local MB = 1048576

-- Shell and files ---------------------------------------------------------------------

local function quote(s)
  return "'" .. tostring(s):gsub("'", "'\\''") .. "'"
end

local function capture(cmd)
  local p = popen(cmd .. " 2>/dev/null")
  if not p then return "" end
  local s = p:read("a") or ""
  p:close()
  return (s:gsub("%s+$", ""))
end

local read_file = require("tests.evalfiles").read

local function exists(path)
  local f = io.open(path, "rb")
  if f then f:close() end
  return f ~= nil
end

local function file_size(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local n = f:seek("end")
  f:close()
  return n
end

local function count_lines(path)
  return tonumber(capture("wc -l < " .. quote(path))) or 0
end

-- Settings ----------------------------------------------------------------------------

local DIR = getenv("BENCH_DIR") or "build/bench"
local RUNS = math.max(1, floor(tonumber(getenv("BENCH_RUNS") or "") or 3))
local CORES = tonumber(capture("nproc")) or 1
local JOBS = math.max(1, floor(tonumber(getenv("BENCH_JOBS") or "") or CORES))
local DOCPIPE = getenv("DOCPIPE_BIN") or "./docpipe"
local OUT, TMP = DIR .. "/out", DIR .. "/tmp"
execute("mkdir -p " .. quote(OUT) .. " " .. quote(TMP))

local CORPUS = {
  cnn = { path = getenv("BENCH_CNN") or DIR .. "/cnn-20mb.jsonl", what = "CNN sample repeated, JSONL {id, text}" },
  split = { path = getenv("BENCH_SPLIT") or DIR .. "/cnn-20mb.split.jsonl", what = "the CNN corpus after `run sentences`" },
  seed = { path = getenv("BENCH_SEED") or DIR .. "/seed-5mb.jsonl", what = "the seed page repeated, JSONL {id, text}" },
  pages = { path = getenv("BENCH_PAGES") or DIR .. "/pages.jsonl", what = "38 + 8 saved web pages, JSONL {id, text = \"\", html}" },
  peer = { path = getenv("BENCH_PEER") or DIR .. "/cnn-1mb.jsonl", what = "the first stories of the CNN corpus" },
}
for name, c in pairs(CORPUS) do
  c.bytes = file_size(c.path)
  if not c.bytes then
    io.stderr:write(fmt("bench: corpus %s missing (%s): run `make bench`\n", name, c.path))
    os.exit(2)
  end
  c.docs = count_lines(c.path)
end

-- GNU time for CPU and RSS, perf for instructions, where they work.
local TIME = exists("/usr/bin/time") and execute("/usr/bin/time -f %M -o /dev/null true >/dev/null 2>&1") and "/usr/bin/time" or nil
local PERF, perf_why = nil, "perf not installed"
if capture("command -v perf") ~= "" then
  local pf = TMP .. "/perf-probe.txt"
  execute(fmt("perf stat -x, -e instructions -o %s -- true >/dev/null 2>&1", quote(pf)))
  local s = read_file(pf) or ""
  local n = s:match("\n(%d+),[^\n]*instructions") or s:match("^(%d+),[^\n]*instructions")
  if n then PERF = "perf" else
    perf_why = s:find("not supported", 1, true) and "perf stat -e instructions: <not supported> here"
      or "perf stat -e instructions did not count"
  end
end

-- One measurement ---------------------------------------------------------------------

--- Runs a shell command once; returns {wall, cpu, rss, instr, rc}: seconds, CPU seconds
-- (user + system, nil without GNU time), peak RSS in MB, instructions (nil without perf).
local function measure(cmd)
  local tf, wf, pf = TMP .. "/time.txt", TMP .. "/wall.txt", TMP .. "/perf.txt"
  os.remove(tf); os.remove(pf)
  local inner = cmd
  if TIME then inner = fmt("%s -f '%%U %%S %%M' -o %s %s", TIME, tf, inner) end
  if PERF then inner = fmt("perf stat -x, -e instructions -o %s -- %s", pf, inner) end
  local script = fmt("t0=$(date +%%s%%N); %s; rc=$?; t1=$(date +%%s%%N); echo $t0 $t1 $rc > %s",
    inner, wf)
  execute("sh -c " .. quote(script))
  local t0, t1, rc = (read_file(wf) or ""):match("(%d+) (%d+) (%d+)")
  local r = { wall = t0 and (tonumber(t1) - tonumber(t0)) / 1e9 or nil, rc = tonumber(rc) or -1 }
  local t = read_file(tf)
  if t then
    local u, s, m = t:match("([%d.]+) ([%d.]+) (%d+)%s*$")
    if u then r.cpu, r.rss = tonumber(u) + tonumber(s), tonumber(m) / 1024 end
  end
  local p = read_file(pf)
  if p then r.instr = tonumber(p:match("\n(%d+),[^\n]*instructions") or p:match("^(%d+),")) end
  return r
end

-- The rows ----------------------------------------------------------------------------

local function docpipe_row(group, name, pipeline, corpus, mb_corpus)
  return {
    group = group, name = name, pipeline = pipeline, corpus = corpus,
    bytes = CORPUS[mb_corpus or corpus].bytes, docs = CORPUS[corpus].docs,
    jobs = JOBS > 1 and { 1, JOBS } or { 1 },
    -- stats: time the stages too (--stats-json costs a clock read per stage and
    -- document, so only the first run of a row asks for it)
    cmd = function(j, tag, stats)
      return fmt("%s run %s %s -j %d -q %s> %s 2> %s", DOCPIPE, pipeline,
        quote(CORPUS[corpus].path), j,
        stats and ("--stats-json " .. quote(TMP .. "/" .. tag .. ".stats.json") .. " ") or "",
        quote(OUT .. "/" .. tag .. ".jsonl"), quote(TMP .. "/" .. tag .. ".err"))
    end,
  }
end

local ROWS = {
  docpipe_row("pipeline", "news", "news", "cnn"),
  docpipe_row("pipeline", "sentences", "sentences", "cnn"),
  docpipe_row("pipeline", "quotes", "quotes", "cnn"),
  docpipe_row("pipeline", "summary", "summary", "cnn"),
  docpipe_row("pipeline", "html", "html", "pages"),
  docpipe_row("stage", "clean", "tests/bench/stage_clean.yaml", "seed"),
  docpipe_row("stage", "sentences", "tests/bench/stage_sentences.yaml", "cnn"),
  docpipe_row("stage", "quotes", "tests/bench/stage_quotes.yaml", "split", "cnn"),
  docpipe_row("stage", "summary", "tests/bench/stage_summary.yaml", "split", "cnn"),
  docpipe_row("stage", "html", "tests/bench/stage_html.yaml", "pages"),
}

local function peer_row(name, corpus, why, cmd)
  return { group = "peer", name = name, corpus = corpus, bytes = CORPUS[corpus].bytes,
    docs = CORPUS[corpus].docs, jobs = { 1 }, why = why, cmd = cmd }
end

local function why_file(name)
  local s = read_file(DIR .. "/" .. name .. ".why")
  return s and (s:gsub("%s+$", "")) or nil
end

local icu_bin = DIR .. "/icu_sentences"
local icu_why = why_file("icu") or (not exists(icu_bin) and "not built") or nil
local node_why = why_file("compromise")
  or (capture("command -v node") == "" and "node not installed")
  or (not exists(DIR .. "/node_modules/compromise/package.json") and "compromise not installed") or nil
local PEERS = {
  icu = peer_row("ICU sentence iterator", "cnn", icu_why, function(_, tag)
    return fmt("%s < %s > %s 2> %s", quote(icu_bin), quote(CORPUS.cnn.path),
      quote(OUT .. "/" .. tag .. ".jsonl"), quote(TMP .. "/" .. tag .. ".err"))
  end),
  compromise = peer_row("compromise sentences+quotations", "peer", node_why, function(_, tag)
    return fmt("env NODE_PATH=%s node tests/bench/compromise_peer.js %s > %s 2> %s",
      quote(DIR .. "/node_modules"), quote(CORPUS.peer.path),
      quote(OUT .. "/" .. tag .. ".jsonl"), quote(TMP .. "/" .. tag .. ".err"))
  end),
  wc = peer_row("wc -w (floor)", "cnn", nil, function(_, tag)
    return fmt("env LC_ALL=C.UTF-8 wc -w < %s > %s 2> %s", quote(CORPUS.cnn.path),
      quote(OUT .. "/" .. tag .. ".txt"), quote(TMP .. "/" .. tag .. ".err"))
  end),
}
ROWS[#ROWS + 1] = PEERS.icu
ROWS[#ROWS + 1] = PEERS.compromise
ROWS[#ROWS + 1] = PEERS.wc

-- Measuring ---------------------------------------------------------------------------

local function tag_of(row, j)
  return fmt("%s-%s-j%d", row.group, row.name:gsub("[^%w]+", "_"), j)
end

-- The stage CPU seconds of a docpipe run (all stages), and the documents it read.
local function read_stats(tag)
  local s = read_file(TMP .. "/" .. tag .. ".stats.json")
  local st = s and dp.json.decode(s)
  if type(st) ~= "table" then return nil end
  local cpu = 0
  for _, stage in ipairs(st.stages or {}) do cpu = cpu + (tonumber(stage.cpu_seconds) or 0) end
  return cpu, tonumber(st.read)
end

local load_start = capture("cut -d' ' -f1-3 /proc/loadavg")
local started = os.time()
io.stderr:write(fmt("bench: %d rows, %d run(s) each, -j 1 and -j %d; progress below\n",
  #ROWS, RUNS, JOBS))
for run = 1, RUNS do
  for _, row in ipairs(ROWS) do
    if not row.why then
      row.runs = row.runs or {}
      for _, j in ipairs(row.jobs) do
        local tag = tag_of(row, j)
        local r = measure(row.cmd(j, tag, run == 1))
        if row.pipeline and run == 1 then r.stage_cpu, r.read = read_stats(tag) end
        if r.rc ~= 0 then
          local err = (read_file(TMP .. "/" .. tag .. ".err") or ""):match("[^\n]+") or ""
          row.failed = fmt("exit %d%s", r.rc, err ~= "" and (": " .. err) or "")
        end
        row.runs[j] = row.runs[j] or {}
        table.insert(row.runs[j], r)
        io.stderr:write(fmt("bench: run %d/%d  %-8s %-32s -j %d  %7.2f s\n", run, RUNS,
          row.group, row.name, j, r.wall or -1))
      end
    end
  end
end

-- Medians -----------------------------------------------------------------------------

local function median(list, key)
  local v = {}
  for _, r in ipairs(list or {}) do
    if r[key] then v[#v + 1] = r[key] end
  end
  if #v == 0 then return nil end
  sort(v)
  local m = (#v + 1) / 2
  return (v[floor(m)] + v[math.ceil(m)]) / 2
end

local function extreme(list, key, max)
  local best = nil
  for _, r in ipairs(list or {}) do
    local x = r[key]
    if x and (best == nil or (max and x > best) or (not max and x < best)) then best = x end
  end
  return best
end

for _, row in ipairs(ROWS) do
  row.m = {}
  for _, j in ipairs(row.jobs) do
    local runs = row.runs and row.runs[j]
    if runs then
      local wall = median(runs, "wall")
      local lo, hi = extreme(runs, "wall", false), extreme(runs, "wall", true)
      local docs = median(runs, "read") or row.docs
      row.m[j] = {
        wall = wall, cpu = median(runs, "cpu"), rss = extreme(runs, "rss", true),
        instr = median(runs, "instr"), stage_cpu = median(runs, "stage_cpu"), docs = docs,
        mbs = wall and row.bytes / MB / wall, dps = wall and docs / wall,
        spread = wall and #runs > 1 and (hi - lo) / wall * 100 or nil,
      }
    end
  end
end

-- The table ---------------------------------------------------------------------------

local function num(x, width, prec)
  if not x then return fmt("%" .. width .. "s", "-") end
  if x == huge then return fmt("%" .. width .. "s", "inf") end
  if not prec then
    prec = x >= 100 and 0 or x >= 10 and 1 or x >= 1 and 2 or x >= 0.1 and 3 or 4
  end
  return fmt("%" .. width .. "." .. prec .. "f", x)
end

local function inputs_line(key)
  local c = CORPUS[key]
  return fmt("  %-6s %-52s %7.2f MB %6d docs  %s", key, c.what, c.bytes / MB, c.docs, c.path)
end

local out = {}
local function say(...) out[#out + 1] = fmt(...) end

local head = capture("git rev-parse --short HEAD")
local dirty = capture("git status --porcelain --untracked-files=no | head -1") ~= "" and "+changes" or ""
say("docpipe bench  %s  docpipe %s (%s%s)", os.date("%Y-%m-%d %H:%M"),
  (capture(DOCPIPE .. " --version"):match("docpipe (%S+)") or "?"), head, dirty)
say("machine: %s, %d online cores; load average %s at the start, %s at the end",
  capture("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'"), CORES,
  load_start, capture("cut -d' ' -f1-3 /proc/loadavg"))
say("NOTE: this machine is shared and noisy (other builds and tests run beside the bench):")
say("      wall-clock rates move by tens of percent between runs; the CPU MB/s column and the")
say("      ratios over CPU time are steadier. Medians of %d run(s) (BENCH_RUNS); 'spread' is", RUNS)
say("      (slowest - fastest) / median of the -j 1 wall times. %d min in all.",
  floor((os.time() - started) / 60 + 0.5))
say("instructions: %s", PERF and "perf stat -e instructions, median, in 10^9" or ("not counted (" .. perf_why .. ")"))
say("inputs (MB = 2^20 bytes):")
for _, k in ipairs({ "cnn", "split", "seed", "pages", "peer" }) do say("%s", inputs_line(k)) end
say("")

local jN = JOBS
local hdr = fmt("%-8s %-32s %-6s %7s %6s | %8s %8s %8s %7s | %8s %8s %5s | %7s %7s | %8s%s",
  "", "", "input", "MB", "docs", "MB/s", "docs/s", "CPU MB/s", "spread",
  "MB/s", "docs/s", "x j1", "RSS MB", "RSS MB", "stage", PERF and "  G instr" or "")
local hdr0 = fmt("%-8s %-32s %-6s %7s %6s | %-34s | %-23s | %-7s %-7s | %-8s",
  "", "", "", "", "", "-j 1", "-j " .. jN, "-j 1", "-j " .. jN, "CPU MB/s")
say("%s", hdr0)
say("%s", hdr)
say("%s", (hdr:gsub("[^|]", "-")))
local group_shown = {}
for _, row in ipairs(ROWS) do
  local label = group_shown[row.group] and "" or row.group
  group_shown[row.group] = true
  local m1, mN = row.m[1] or {}, row.m[jN] or {}
  if row.why then
    say("%-8s %-32s %-6s %7.2f %6d | n/a (%s)", label, row.name, row.corpus, row.bytes / MB,
      row.docs, row.why)
  else
    local stage = m1.stage_cpu and m1.stage_cpu > 0 and row.bytes / MB / m1.stage_cpu or nil
    local line = fmt("%-8s %-32s %-6s %7.2f %6d | %8s %8s %8s %7s | %8s %8s %5s | %7s %7s | %8s",
      label, row.name, row.corpus, row.bytes / MB, floor(m1.docs or row.docs),
      num(m1.mbs, 8), num(m1.dps, 8), num(m1.cpu and m1.cpu > 0 and row.bytes / MB / m1.cpu, 8),
      m1.spread and fmt("%.0f%%", m1.spread) or "-",
      jN > 1 and row.m[jN] and num(mN.mbs, 8) or fmt("%8s", "-"),
      jN > 1 and row.m[jN] and num(mN.dps, 8) or fmt("%8s", "-"),
      jN > 1 and row.m[jN] and m1.mbs and num(mN.mbs / m1.mbs, 5, 2) or fmt("%5s", "-"),
      num(m1.rss, 7, 1), jN > 1 and row.m[jN] and num(mN.rss, 7, 1) or fmt("%7s", "-"),
      num(stage, 8))
    if PERF then line = line .. "  " .. num(m1.instr and m1.instr / 1e9, 7, 2) end
    if row.failed then line = line .. "  (" .. row.failed .. ")" end
    say("%s", line)
  end
end
say("")
say("  stage CPU MB/s: the row's MB over the CPU time docpipe --stats-json gives its stages (no")
say("  reading, parsing or writing); 'quotes' and 'summary' alone read documents already split")
say("  (input split), their MB being the CNN corpus's text; 'html' reads records with an empty")
say("  text so that the html stage, not the reader, extracts the article. Peers run once per")
say("  process, single-threaded; compromise reads only the first %.1f MB of the same stories.",
  CORPUS.peer.bytes / MB)
say("")

-- Ratios and targets ------------------------------------------------------------------

local function find(group, name)
  for _, row in ipairs(ROWS) do
    if row.group == group and row.name == name then return row end
  end
end

local function rate(row, j, cpu)
  local m = row and not row.why and row.m[j]
  if not m then return nil end
  if cpu then return m.cpu and m.cpu > 0 and row.bytes / MB / m.cpu or nil end
  return m.mbs
end

local function ratio_line(label, a, b, target, note)
  local missing = a.why and a or b.why and b
  if missing then
    say("  %-30s n/a (%s: %s)", label, missing.name, missing.why)
    return
  end
  local w1, c1 = rate(a, 1), rate(a, 1, true)
  local pw, pc = rate(b, 1), rate(b, 1, true)
  local wN = jN > 1 and rate(a, jN) or nil
  local r1 = w1 and pw and w1 / pw
  local rc = c1 and pc and c1 / pc
  local rN = wN and pw and wN / pw
  -- the verdict for `docpipe run` as a user runs it (-j all cores, the default) and
  -- per core (-j 1, where CPU time is also looked at)
  local verdict = ""
  if target and r1 then
    local one = r1 >= target and "met" or (rc and rc >= target) and "met on CPU time, not on wall time"
      or "NOT met"
    verdict = rN and fmt("  target >= %g: at -j %d (the default) %s; at -j 1 %s", target, jN,
      rN >= target and "met" or "NOT met", one) or fmt("  target >= %g: %s", target, one)
  end
  say("  %-30s -j 1 %8s   CPU %8s   -j %d %8s%s%s", label, num(r1, 8), num(rc, 8), jN,
    num(rN, 8), verdict, note and ("  (" .. note .. ")") or "")
end

say("ratios (docpipe MB/s / peer MB/s, medians; wall clock, CPU time, docpipe on all cores):")
local p_news, p_sent, p_quotes = find("pipeline", "news"), find("pipeline", "sentences"), find("pipeline", "quotes")
ratio_line("sentences / ICU", p_sent, PEERS.icu, 1, "issues 3 and 8")
ratio_line("news / ICU", p_news, PEERS.icu, 0.25, "issue 8")
ratio_line("news / compromise", p_news, PEERS.compromise, 100, "issue 8")
ratio_line("quotes / compromise", p_quotes, PEERS.compromise, nil, "the same tasks")
ratio_line("sentences / wc -w", p_sent, PEERS.wc, nil, "wc -w is the floor")
ratio_line("ICU / wc -w", PEERS.icu, PEERS.wc, nil, nil)
if jN > 1 then
  local parts = {}
  for _, row in ipairs(ROWS) do
    if row.pipeline and row.m[1] and row.m[jN] and row.m[1].mbs then
      parts[#parts + 1] = fmt("%s %s %.2f", row.group == "stage" and "stage" or "", row.name,
        row.m[jN].mbs / row.m[1].mbs):gsub("^ ", "")
    end
  end
  say("  -j %d / -j 1 (target >= 1.7 on two cores, issue 8; needs %d idle cores to mean much):", jN, jN)
  for i = 1, #parts, 5 do say("    %s", concat(parts, ", ", i, math.min(i + 4, #parts))) end
end
if p_news and p_news.m[1] and p_news.m[1].rss then
  local rss = math.max(p_news.m[1].rss, p_news.m[jN] and p_news.m[jN].rss or 0)
  say("  news peak RSS: %.1f MB on %.1f MB of input (target < 64 MB whatever the size, issue 8): %s",
    rss, p_news.bytes / MB, rss < 64 and "met" or "NOT met")
end

-- The clean stage per page (issue 4) ---------------------------------------------------

local c = find("stage", "clean")
local m = c and c.m[1]
if m and m.docs and m.docs > 0 then
  local page = read_file("../shared/data/seed/cnn-north-korea-amnesty.txt") or ""
  local stage_us = m.stage_cpu and m.stage_cpu / m.docs * 1e6
  local proc_us = m.cpu and m.cpu / m.docs * 1e6
  say("clean, per seed-sized page (%d bytes, %d pages, -j 1): %s us of CPU in the stage, %s us in",
    #page, floor(m.docs), num(stage_us, 1, 0), num(proc_us, 1, 0))
  say("  the whole process (reading, JSON, writing included); target well under 1000 us (issue 4): %s",
    stage_us and (stage_us < 500 and "met" or stage_us < 1000 and "under 1000 us, not well under" or "NOT met") or "-")
end

-- A saved web page of about 1 MB (issue 10) --------------------------------------------

do
  local p = popen(quote(DOCPIPE) .. " lua tests/bench/html_bench.lua 2>&1")
  local lines = p and p:read("a") or ""
  local ok = p and p:close()
  if not ok then
    say("html input per page: tests/bench/html_bench.lua failed: %s", (lines:gsub("%s+$", "")))
  elseif lines ~= "" then
    say("html input per page (tests/bench/html_bench.lua: median CPU of 20 runs; parse = charset +")
    say("  gumbo + block view, document = parse + extraction + metadata; target: a 1 MB page in a few ms, issue 10):")
    for l in lines:gmatch("[^\n]+") do say("  %s", l) end
  end
end

print(concat(out, "\n"))
