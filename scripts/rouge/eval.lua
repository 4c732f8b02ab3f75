--- docpipe.rouge.eval: the `docpipe eval` command: run a summarising pipeline over JSON Lines
-- records and print the ROUGE means as a table.
--
--   docpipe eval [INPUT.jsonl ...] [-p PIPELINE] [-m METHOD[,METHOD...]] [-n SENTENCES]
--                [--full] [--json] [-q]
--
-- INPUT: JSON Lines files, one record per line ({id, text or article, highlights, ...});
-- none or "-" reads standard input. A record without "text" is accepted here (unlike
-- `docpipe run`): the pipeline's `fields` stage maps it (the built-in `rouge` pipeline
-- renames article -> text and highlights -> reference).
-- PIPELINE (default the built-in `rouge`, whatever files the current folder holds): a built-in name or a YAML file; it must hold a `rouge` stage.
-- METHOD: runs the pipeline once per summary method given (the `summary` stage's `method`
-- option), one table row each; "all" means lead,textrank,lexrank,default. SENTENCES sets the
-- summary stage's `sentences` option.
-- Output (stdout): a Markdown table of F1 in percent (with --full: precision, recall and F1)
-- for every ROUGE type the rouge stage computes; with --json the finish results as JSON, one
-- line per method. Failed documents are reported on stderr (not with -q: only counted) and
-- left out of the means.
-- Exit codes: 0 ok, 1 some documents failed, a binary input was not read, or no record was
-- scored (no table is printed then: no record, every one failed, none with a reference
-- summary), 2 usage or pipeline error, 3 unreadable input (a folder among them).
--
-- Method: the same engine calls `docpipe run` makes (engine.open, Pipeline:run,
-- Pipeline:finish); the pipeline is opened afresh for every method so no state is shared.
--
-- Units: scores printed in percent (0-100) with two decimals; JSON in fractions.

local dp = require "docpipe"
local engine = require "docpipe.engine"

local concat, format = table.concat, string.format

local ALL_METHODS = { "lead", "textrank", "lexrank", "default" }
local NAMES = { rouge1 = "ROUGE-1", rouge2 = "ROUGE-2", rougeL = "ROUGE-L", rougeLsum = "ROUGE-Lsum" }

local USAGE = [[
usage: docpipe eval [INPUT.jsonl ...] [options]

Runs a summarising pipeline (default: the built-in `rouge` pipeline: fields,
sentences, summary, rouge; a file named rouge does not replace it) over JSON Lines records with a reference summary
({id, text or article, highlights}) and prints the ROUGE means as a table.

options:
  -p, --pipeline PIPELINE   a built-in pipeline or a YAML file with a rouge stage
  -m, --method LIST         summary methods to compare, comma-separated
                            (lead, textrank, lexrank, default; all = every one)
  -n, --sentences N         summary length in sentences
      --full                precision, recall and F1 (default: F1 only)
      --json                the corpus results as JSON, one line per method
  -q, --quiet               count failed documents without reporting each
]]

local function eprint(s) io.stderr:write("docpipe: ", s, "\n") end

local function split_list(s)
  local out = {}
  for x in s:gmatch("[^,%s]+") do out[#out + 1] = x end
  return out
end

-- Parse the arguments: returns the options table or nil, message.
local function parse(args)
  -- (the default is the built-in itself, as builtin:rouge: a file named rouge in the
  -- current folder does not take its place; -p rouge looks a file up first, as run does;
  -- o.pipeline is the name shown)
  local o = { inputs = {}, pipeline = "rouge", ref = "builtin:rouge" }
  local i = 1
  while i <= #args do
    local a = args[i]
    local function value()
      i = i + 1
      if args[i] == nil then error({ usage = "missing value after " .. a }) end
      return args[i]
    end
    if a == "-h" or a == "--help" then
      o.help = true
    elseif a == "-p" or a == "--pipeline" then
      o.pipeline = value()
      o.ref = o.pipeline
    elseif a == "-m" or a == "--method" then
      o.methods = split_list(value())
      if #o.methods == 1 and o.methods[1] == "all" then o.methods = ALL_METHODS end
    elseif a == "-n" or a == "--sentences" then
      local v = value()
      o.sentences = math.tointeger(tonumber(v))
      if not o.sentences or o.sentences < 1 then error({ usage = "--sentences takes a positive integer, got " .. v }) end
    elseif a == "--full" then
      o.full = true
    elseif a == "--json" then
      o.json = true
    elseif a == "-q" or a == "--quiet" then
      o.quiet = true
    elseif a ~= "-" and a:sub(1, 1) == "-" then
      error({ usage = "unknown option '" .. a .. "'" })
    else
      o.inputs[#o.inputs + 1] = a
    end
    i = i + 1
  end
  if #o.inputs == 0 then o.inputs[1] = "-" end
  return o
end

-- All records of the inputs as {line, name, source, lineno}. Returns nil, message when an
-- input cannot be read.
-- A file with a NUL byte in its first 8 KiB is binary (git's rule, as `docpipe run` reads
-- inputs): reported and not read, counted in `skipped`. An input without a record is warned
-- about, as `docpipe run` does.
local function read_records(inputs)
  local recs, skipped = {}, 0
  for _, path in ipairs(inputs) do
    local f, err
    if path == "-" then f = io.stdin else f, err = io.open(path, "rb") end
    if not f then return nil, err end
    local name = path == "-" and "stdin" or (path:match("([^/]+)$"):gsub("%.[^.]*$", ""))
    local shown = path == "-" and "(standard input)" or path
    local head, rerr = f:read(8192)
    if not head and rerr then  -- (a folder opens, and fails at the first read)
      if f ~= io.stdin then f:close() end
      return nil, ("%s: %s"):format(shown, rerr)
    end
    head = head or ""
    if head:find("\0", 1, true) then
      eprint(("%s: binary file (a NUL byte in the first 8 KiB), not read"):format(shown))
      skipped = skipped + 1
    else
      local n, before = 0, #recs
      local function add(line)
        n = n + 1
        if line:find("%S") then
          recs[#recs + 1] = { line = line, name = name, source = path, lineno = n }
        end
      end
      -- (the first 8 KiB read above: its lines, the last one completed by the rest)
      local last = head:match("([^\n]*)$")
      for line in head:sub(1, #head - #last):gmatch("([^\n]*)\n") do add(line) end
      local first = true
      for line in f:lines() do
        if first then line, first = last .. line, false end
        add(line)
      end
      if first and last ~= "" then add(last) end
      if #recs == before then
        eprint(("%s: warning: no records in this JSON Lines file (empty, or blank lines only)"):format(shown))
      end
    end
    if f ~= io.stdin then f:close() end
  end
  return recs, skipped
end

-- The document of a record; like engine.json_doc, but a record without "text" is kept.
local function record_doc(r)
  local doc, err = engine.json_doc(r.line, r.name, r.source, r.lineno)
  if doc then return doc end
  if not tostring(err):find('"text"', 1, true) then return nil, err end
  doc = dp.json.decode((dp.utf8.clean(r.line)), true)
  if type(doc) ~= "table" then return nil, err end
  if doc.id == nil or doc.id == dp.null then doc.id = ("%s:%d"):format(r.name, r.lineno) end
  if doc.source == nil then doc.source = ("%s:%d"):format(r.source, r.lineno) end
  return doc
end

-- Run the pipeline (with the method set when given) over the records. Returns the rouge
-- stage's finish result, the failure count, or nil, message.
local function run_once(o, recs, method)
  local p, errs = engine.open(o.ref)
  if not p then return nil, concat(errs, "\n") end
  local rouge_stage
  for _, st in ipairs(p.stages) do
    if st.mod.name == "rouge" then rouge_stage = st.name end
  end
  if not rouge_stage then return nil, ("pipeline %s has no rouge stage"):format(o.pipeline) end
  local settings = {}
  if method then settings[#settings + 1] = { "method", method } end
  if o.sentences then settings[#settings + 1] = { "sentences", o.sentences } end
  for _, s in ipairs(settings) do
    local ok, err = p:set_option("summary", s[1], s[2])
    if not ok then return nil, err end
  end
  local failed = 0
  for _, r in ipairs(recs) do
    local doc, err = record_doc(r)
    if not doc then
      failed = failed + 1
      if not o.quiet then eprint(("%s:%d: %s"):format(r.source, r.lineno, tostring(err))) end
    else
      local _, fails = p:run(doc)
      if #fails > 0 then
        failed = failed + 1
        if not o.quiet then eprint(fails[1].error) end
      end
    end
  end
  local res = p:finish() or {}
  local out = res[rouge_stage]
  if type(out) ~= "table" then return nil, "the rouge stage returned no result" end
  if out.error then return nil, "rouge stage: " .. tostring(out.error) end
  return out, failed
end

-- The ROUGE types present in a result, in the usual order.
local function types_of(res)
  local out, seen = {}, {}
  for _, t in ipairs({ "rouge1", "rouge2", "rouge3", "rouge4", "rougeL", "rougeLsum" }) do
    if type(res[t]) == "table" then out[#out + 1] = t; seen[t] = true end
  end
  for k, v in pairs(res) do
    if type(v) == "table" and not seen[k] then out[#out + 1] = k end
  end
  return out
end

local function pct(x) return format("%.2f", 100 * (x or 0)) end

--- The table for rows {label, result} (Markdown).
local function table_text(rows, full)
  local types = types_of(rows[1][2])
  local head, rule = { "method", "docs" }, { "---", "---:" }
  for _, t in ipairs(types) do
    local n = NAMES[t] or t
    if full then
      for _, k in ipairs({ "P", "R", "F1" }) do head[#head + 1] = n .. " " .. k; rule[#rule + 1] = "---:" end
    else
      head[#head + 1] = n; rule[#rule + 1] = "---:"
    end
  end
  local lines = { "| " .. concat(head, " | ") .. " |", "| " .. concat(rule, " | ") .. " |" }
  for _, row in ipairs(rows) do
    local res = row[2]
    local cells = { row[1], tostring(res.documents or 0) }
    for _, t in ipairs(types) do
      local s = res[t] or {}
      if full then
        cells[#cells + 1] = pct(s.precision); cells[#cells + 1] = pct(s.recall)
      end
      cells[#cells + 1] = pct(s.f1)
    end
    lines[#lines + 1] = "| " .. concat(cells, " | ") .. " |"
  end
  return concat(lines, "\n")
end

local M = {}

M.usage = USAGE

--- Runs `docpipe eval` with the command-line arguments; returns the exit code.
function M.main(...)
  local args = { ... }
  local ok, o = pcall(parse, args)
  if not ok then
    if type(o) == "table" and o.usage then
      eprint(o.usage)
      io.stderr:write("\n", USAGE)
      return 2
    end
    error(o, 0)
  end
  if o.help then io.write(USAGE); return 0 end
  local recs, skipped = read_records(o.inputs)
  if not recs then eprint(skipped); return 3 end
  local methods = o.methods or { false }
  local rows, failed_total, scored = {}, 0, 0
  local t0 = os.clock()
  for _, m in ipairs(methods) do
    local res, failed = run_once(o, recs, m or nil)
    if not res then
      for line in tostring(failed):gmatch("[^\n]+") do eprint(line) end
      return 2
    end
    failed_total = failed_total + failed
    scored = scored + (tonumber(res.documents) or 0)
    rows[#rows + 1] = { m or o.pipeline, res, m or dp.null }
  end
  -- (no table of zeros when no record was scored: a mean of nothing is no score)
  if scored == 0 then
    eprint(#recs == 0 and "nothing to evaluate: no records in the input"
      or failed_total >= #recs * #methods and ("nothing to evaluate: every record failed (%d)"):format(#recs)
      or ("nothing to evaluate: no record has a reference summary (%d record(s) without one)"):format(#recs))
    return 1
  end
  if o.json then
    for _, row in ipairs(rows) do
      print(dp.json.encode(dp.object({ method = row[3], result = row[2] })))
    end
  else
    local inputs = concat(o.inputs, ", ")
    print(("ROUGE %s (%%) of pipeline %s on %s: %d records, %.1f s"):format(
      o.full and "precision, recall and F1" or "F1", o.pipeline, inputs, #recs, os.clock() - t0))
    print("")
    print(table_text(rows, o.full))
  end
  if failed_total > 0 or skipped > 0 then
    if failed_total > 0 then eprint(("%d document run(s) failed"):format(failed_total)) end
    if skipped > 0 then eprint(("%d binary input(s) not read"):format(skipped)) end
    return 1
  end
  return 0
end

return M
