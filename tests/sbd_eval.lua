--- sbd_eval: score the sentences stage on the shared sentence-boundary test sets.
--
-- Run from the repository root: ./docpipe lua tests/sbd_eval.lua [-v]
-- (with DOCPIPE_PATH=scripts to use the files on disk). Reads ../shared/data/sbd/
-- golden_rules_en.json, golden_rules_extra_en.json and bug_cases.json ({text, expected[]})
-- and ../shared/data/seed/gold.json (paragraphs joined by a blank line), and the project's
-- own invented cases tests/fixtures/sbd/cases_en.json, holdout_en.json, holdout2_en.json
-- and holdout3_en.json (same shape; each holdout set was written before the round of
-- tuning that followed it, to measure generality), and prints, per
-- file, how many cases come out exactly as expected (sentence texts after trimming).
-- With -v it also prints every failing case.
--
-- Units: counts of cases.

local dp = require "docpipe"
local sentences = require "docpipe.stages.sentences"

local verbose = false
for _, a in ipairs(arg or {}) do
  if a == "-v" then verbose = true end
end

local read = require("tests.evalfiles").read

local function read_json(path)
  return assert(dp.json.decode(assert(read(path), "cannot read " .. path)))
end

local function texts(text)
  local out = {}
  for _, s in ipairs(sentences.split(text)) do out[#out + 1] = s.text end
  return out
end

local function same(a, b)
  if #a ~= #b then return false end
  for i = 1, #a do
    if dp.text.trim(a[i]) ~= dp.text.trim(b[i]) then return false end
  end
  return true
end

local function show(label, got, want)
  print("  FAIL " .. label)
  for _, s in ipairs(want) do print("    want: " .. s) end
  for _, s in ipairs(got) do print("    got:  " .. s) end
end

local function eval_file(name, dir)
  local cases = read_json((dir or "../shared/data/sbd/") .. name)
  local pass, failed = 0, {}
  for _, c in ipairs(cases) do
    local got = texts(c.text)
    if same(got, c.expected) then
      pass = pass + 1
    else
      failed[#failed + 1] = c.id
      if verbose then show(name .. " #" .. tostring(c.id) .. " " .. tostring(c.name or ""), got, c.expected) end
    end
  end
  local ids = {}
  for i, id in ipairs(failed) do ids[i] = tostring(id) end
  print(string.format("%-28s %3d / %3d  failing: %s", name, pass, #cases, table.concat(ids, " ")))
  return pass, #cases
end

local gold = read_json("../shared/data/seed/gold.json")
local got = texts(table.concat(gold.paragraphs, "\n\n"))
local seed_ok = same(got, gold.sentences)
print(string.format("%-28s %s (%d sentences, %d expected)", "seed gold.json", seed_ok and "exact" or "DIFFERS", #got, #gold.sentences))
if not seed_ok and verbose then show("seed", got, gold.sentences) end

eval_file("golden_rules_en.json")
eval_file("golden_rules_extra_en.json")
eval_file("bug_cases.json")
eval_file("cases_en.json", "tests/fixtures/sbd/")
eval_file("holdout_en.json", "tests/fixtures/sbd/")
eval_file("holdout2_en.json", "tests/fixtures/sbd/")
eval_file("holdout3_en.json", "tests/fixtures/sbd/")
