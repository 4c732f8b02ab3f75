--- Evaluate the clean stage on the shared boilerplate-removal pages.
--
-- Run from the repo root: ./docpipe lua tests/clean_eval.lua [DATA_DIR [EXTRA_DUMPS_DIR [FIXTURE_DIR]]]
-- (DATA_DIR defaults to ../shared/data, FIXTURE_DIR to tests/fixtures/clean; pass "" to
-- skip the extra dumps). For every page with a text dump and a gold
-- text (pages/cnn2012/*.lynx.txt with *.gold.txt, pages/text/*.lynx.txt with
-- pages/html/<id>.expected.txt) it prints precision, recall and F1 over 4-word shingles
-- (lowercased \w+ tokens, multiset overlap, as in the article-extraction-benchmark) of
-- title + body against the gold text, then the mean F1 per set. Pages whose gold is a
-- list of snippets (expected.json: "with" must appear, "without" must not) print the
-- snippet hits instead. The seed page (seed/gold.json), the invented pages of
-- examples/ (examples/gold/*.json) and the invented fixtures of tests/fixtures/clean/
-- (*.txt with *.json gold) are checked field by field: paragraph F1 (exact paragraphs
-- after white space is folded, multiset overlap), shingle F1 of the body, and per-field
-- metadata accuracy (title, authors, date, dateline; outlet, highlights and contributors
-- reported beside). Then the 200 already-clean articles of
-- summary/cnn_sample.jsonl (field `article` as the text): the mean share of each
-- article's 4-word shingles that the cleaned text keeps. Last, the CPU time to clean the
-- seed page (os.clock over a loop, microseconds per page, best of 10 rounds, with a
-- fixed Lua loop timed beside it to show how loaded the machine is).
-- Units: none (scores in [0, 1]); times in microseconds of CPU.

package.path = "scripts/?.lua;" .. package.path
local dp = require "docpipe"
local clean = require "docpipe.stages.clean"

local DATA = arg and arg[1] or "../shared/data"

local evalfiles = require "tests.evalfiles"
local read, ls = evalfiles.read, evalfiles.ls

local function shingles(text, n)
  local toks = {}
  for w in dp.re.gmatch(text, "\\w+") do toks[#toks + 1] = w:lower() end
  local bag, total = {}, 0
  for i = 1, #toks - n + 1 do
    local k = table.concat(toks, " ", i, i + n - 1)
    bag[k] = (bag[k] or 0) + 1
    total = total + 1
  end
  return bag, total
end

local function prf(pred, gold)
  local pb, pt = shingles(pred, 4)
  local gb, gt = shingles(gold, 4)
  local common = 0
  for k, c in pairs(pb) do
    local g = gb[k]
    if g then common = common + math.min(c, g) end
  end
  local p = pt > 0 and common / pt or 0
  local r = gt > 0 and common / gt or 0
  local f = (p + r) > 0 and 2 * p * r / (p + r) or 0
  return p, r, f
end

local function run(text)
  local ctx = { opts = {} }
  clean.init(ctx.opts, ctx)
  local doc = { id = "eval", text = text, meta = {} }
  return clean.process(doc, ctx)
end

local function str(v)
  if v == dp.null or v == nil then return "" end
  return v
end

local function evaluate(set, dir, gold_of)
  local files = ls(dir, ".lynx.txt")
  local sum, n = 0, 0
  print(("%s (%d pages)"):format(set, #files))
  for _, name in ipairs(files) do
    local id = name:gsub("%.lynx%.txt$", "")
    local doc = run(read(dir .. "/" .. name))
    local pred = str(doc.title) .. "\n" .. doc.text
    local gold, kind = gold_of(id)
    if kind == "text" then
      local p, r, f = prf(pred, gold)
      sum, n = sum + f, n + 1
      print(("  %-36s P %.3f  R %.3f  F1 %.3f"):format(id, p, r, f))
    elseif kind == "snippets" then
      local with, without = 0, 0
      local low = pred:lower()
      for _, s in ipairs(gold.with or {}) do if low:find(s:lower(), 1, true) then with = with + 1 end end
      for _, s in ipairs(gold.without or {}) do if not low:find(s:lower(), 1, true) then without = without + 1 end end
      print(("  %-36s snippets: with %d/%d, without %d/%d"):format(id, with, #(gold.with or {}), without, #(gold.without or {})))
    else
      print(("  %-36s (no gold)"):format(id))
    end
  end
  if n > 0 then print(("  mean F1 %.3f over %d pages"):format(sum / n, n)) end
  return n > 0 and sum / n or nil
end

local m1 = evaluate("cnn2012", DATA .. "/pages/cnn2012", function(id)
  local g = read(DATA .. "/pages/cnn2012/" .. id .. ".gold.txt")
  if g then return g, "text" end
end)

local m2 = evaluate("text", DATA .. "/pages/text", function(id)
  local g = read(DATA .. "/pages/html/" .. id .. ".expected.txt")
  if g then return g, "text" end
  local j = read(DATA .. "/pages/html/" .. id .. ".expected.json")
  if j then return dp.json.decode(j), "snippets" end
end)

-- optional: a folder of further dumps of pages/html/*.html, made as pages/text/ was:
--   for f in ../shared/data/pages/html/*.html; do case $f in *.expected.html) continue;; esac
--     lynx -dump -nolist -width=100 -assume_charset=utf-8 -display_charset=utf-8 "$f" \
--       > /tmp/dumps/$(basename "$f" .html).lynx.txt; done
--   ./docpipe lua tests/clean_eval.lua ../shared/data /tmp/dumps
local EXTRA = arg and arg[2]
if EXTRA and EXTRA ~= "" then
  evaluate("extra (" .. EXTRA .. ")", EXTRA, function(id)
    local g = read(DATA .. "/pages/html/" .. id .. ".expected.txt")
    if g then return g, "text" end
    local j = read(DATA .. "/pages/html/" .. id .. ".expected.json")
    if j then return dp.json.decode(j), "snippets" end
  end)
end

-- pages with a field-by-field gold: the seed, and the invented pages of examples/
local function same(a, b)
  if type(a) ~= "table" or a == dp.null then return a == b end
  if type(b) ~= "table" or #a ~= #b then return false end
  for i = 1, #a do if a[i] ~= b[i] then return false end end
  return true
end

local function fields(label, page, goldtext)
  if not (page and goldtext) then return end
  local gold = dp.json.decode(goldtext)
  local doc = run(page)
  local ok, total, bad = 0, 0, {}
  for _, k in ipairs { "title", "authors", "outlet", "date", "dateline", "highlights", "contributors", "paragraphs" } do
    total = total + 1
    if same(doc[k], gold[k]) then ok = ok + 1 else bad[#bad + 1] = k end
  end
  local _, _, f = prf(str(doc.title) .. "\n" .. doc.text, gold.title .. "\n" .. table.concat(gold.paragraphs, "\n\n"))
  print(("  %-36s fields exact %d/%d, shingle F1 %.3f%s"):format(label, ok, total, f,
    #bad > 0 and ("  (differs: " .. table.concat(bad, ", ") .. ")") or ""))
end

local function norm(p) return dp.text.normalize_space(p) end

-- paragraph F1: exact paragraphs (white space folded), multiset overlap
local function para_f1(pred, gold)
  local bag, common = {}, 0
  for _, p in ipairs(gold) do local k = norm(p); bag[k] = (bag[k] or 0) + 1 end
  for _, p in ipairs(pred) do
    local k = norm(p)
    if (bag[k] or 0) > 0 then bag[k] = bag[k] - 1; common = common + 1 end
  end
  if #pred == 0 and #gold == 0 then return 1 end
  local p = #pred > 0 and common / #pred or 0
  local r = #gold > 0 and common / #gold or 0
  return (p + r) > 0 and 2 * p * r / (p + r) or 0
end

local META = { "title", "authors", "date", "dateline" }
local OTHER = { "outlet", "highlights", "contributors" }

local function fields(label, page, goldtext, acc)
  if not (page and goldtext) then return end
  local gold = dp.json.decode(goldtext)
  local doc = run(page)
  local ok, bad = 0, {}
  for _, k in ipairs { "title", "authors", "outlet", "date", "dateline", "highlights", "contributors", "paragraphs" } do
    if same(doc[k], gold[k]) then ok = ok + 1 else bad[#bad + 1] = k end
  end
  local gtitle = gold.title ~= dp.null and gold.title or ""
  local _, _, f = prf(str(doc.title) .. "\n" .. doc.text, gtitle .. "\n" .. table.concat(gold.paragraphs, "\n\n"))
  local pf = para_f1(doc.paragraphs, gold.paragraphs)
  print(("  %-36s fields exact %d/8, paragraph F1 %.3f, shingle F1 %.3f%s"):format(label, ok, pf, f,
    #bad > 0 and ("  (differs: " .. table.concat(bad, ", ") .. ")") or ""))
  if acc then
    acc.n = acc.n + 1
    acc.pf = acc.pf + pf
    acc.sf = acc.sf + f
    for _, k in ipairs(META) do
      acc.meta_total = acc.meta_total + 1
      if same(doc[k], gold[k]) then acc.meta_ok = acc.meta_ok + 1 end
    end
    for _, k in ipairs(OTHER) do
      acc[k] = (acc[k] or 0) + (same(doc[k], gold[k]) and 1 or 0)
    end
  end
end

local function new_acc() return { n = 0, pf = 0, sf = 0, meta_ok = 0, meta_total = 0 } end
local function report(label, acc)
  if acc.n == 0 then return end
  print(("  %s: %d pages, mean paragraph F1 %.3f, mean shingle F1 %.3f, metadata (title, authors, date, dateline) %d/%d = %.1f%%; outlet %d/%d, highlights %d/%d, contributors %d/%d"):format(
    label, acc.n, acc.pf / acc.n, acc.sf / acc.n, acc.meta_ok, acc.meta_total, 100 * acc.meta_ok / acc.meta_total,
    acc.outlet, acc.n, acc.highlights, acc.n, acc.contributors, acc.n))
end

print("field-by-field gold")
local seen = new_acc()
fields("seed", read(DATA .. "/seed/cnn-north-korea-amnesty.txt"), read(DATA .. "/seed/gold.json"), seen)
for _, name in ipairs(ls("examples/gold", ".json")) do
  local id = name:gsub("%.json$", "")
  fields("examples/" .. id, read("examples/" .. id .. ".txt"), read("examples/gold/" .. name), seen)
end
report("seed + examples", seen)
local FIX = arg and arg[3] or "tests/fixtures/clean"
local fx = new_acc()
for _, name in ipairs(ls(FIX, ".json")) do
  local id = name:gsub("%.json$", "")
  fields("fixtures/" .. id, read(FIX .. "/" .. id .. ".txt"), read(FIX .. "/" .. name), fx)
end
report("fixtures", fx)

-- already-clean text: how much of each article survives
local keep_mean
do
  local path = DATA .. "/summary/cnn_sample.jsonl"
  local f = io.open(path, "rb")
  if f then
    local sum, n, low, low_id = 0, 0, 2, nil
    for line in f:lines() do
      local r = dp.json.decode(line)
      if r and r.article then
        local doc = run(r.article)
        local gb, gt = shingles(r.article, 4)
        local pb = shingles(doc.text, 4)
        local c = 0
        for k, v in pairs(gb) do local p = pb[k]; if p then c = c + math.min(v, p) end end
        local keep = gt > 0 and c / gt or 1
        sum, n = sum + keep, n + 1
        if keep < low then low, low_id = keep, r.id end
      end
    end
    f:close()
    if n > 0 then
      keep_mean = sum / n
      print(("already-clean articles (summary/cnn_sample.jsonl): mean 4-shingle retention %.4f over %d, lowest %.3f (%s)"):format(keep_mean, n, low, low_id))
    end
  end
end

-- CPU time per page on the seed
do
  local page = read(DATA .. "/seed/cnn-north-korea-amnesty.txt")
  if page then
    local ctx = { opts = {} }
    clean.init(ctx.opts, ctx)
    for _ = 1, 10 do clean.process({ id = "t", text = page, meta = {} }, ctx) end
    -- the best of 10 rounds of 30 pages (other processes on the machine only add time),
    -- beside a fixed Lua loop that tells how fast the machine runs at the moment
    local best, cal = math.huge, math.huge
    for _ = 1, 10 do
      local t0 = os.clock()
      for _ = 1, 30 do clean.process({ id = "t", text = page, meta = {} }, ctx) end
      best = math.min(best, (os.clock() - t0) / 30 * 1e6)
      t0 = os.clock()
      local x = 0
      for i = 1, 1000000 do x = x + i end
      cal = math.min(cal, (os.clock() - t0) * 1e3)
    end
    print(("time: %.0f us of CPU per seed page (%d bytes), best of 10 rounds of 30; a 1e6-step Lua add loop takes %.1f ms here now"):format(best, #page, cal))
  end
end
if m1 and m2 then print(("overall mean F1: cnn2012 %.3f, text %.3f"):format(m1, m2)) end
