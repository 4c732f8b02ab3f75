--- Evaluate HTML input (docpipe.htmlinput: gumbo parse, article extraction, metadata)
-- on the shared pages.
--
-- Run from the repo root: ./docpipe lua tests/html_eval.lua [--clean] [--show ID] [DATA_DIR]
-- (DATA_DIR defaults to ../shared/data). For every page of pages/html/ with an expected
-- text (aeb-*, rdb-*, np-*) and every pages/cnn2012/*.html with its .gold.txt it prints
-- precision, recall and F1 over 4-word shingles (lowercased \w+ tokens, multiset
-- overlap) of title + body against the expected text, then the mean F1 per set (aeb+rdb
-- together is the acceptance number of issue 10), and for the aeb set also the
-- article-extraction-benchmark's own figure (body only, case kept, each page's counts
-- normalised, F1 of the mean precision and mean recall). traf-* pages print their
-- must-contain / must-not-contain snippet hits. rdb-* pages compare title, byline and
-- published date with Readability's expected metadata (title: equal after folding case,
-- space and quotes; byline: one contains the other's names after dropping "By"; date:
-- the same day and minute when both have a time; a second line counts titles equal once
-- a trailing " | Site" or " - Author" part is dropped: Readability keeps such a part
-- in a title the page declares (og:title, JSON-LD), and so does docpipe's title, while
-- its meta.html.headline drops it). Last: the time per page and MB/s.
-- --clean runs the clean stage after the extraction (as pipelines/html.yaml does);
-- --show ID prints that page's extracted text; --captions keeps figure captions.
-- Units: none (scores in [0, 1]); times in milliseconds of CPU.

package.path = "scripts/?.lua;" .. package.path
local dp = require "docpipe"
local htmlinput = require "docpipe.htmlinput"

local DATA, with_clean, show = "../shared/data", false, nil
do
  local i = 1
  while arg and arg[i] do
    if arg[i] == "--clean" then with_clean = true
    elseif arg[i] == "--captions" then htmlinput.defaults.captions = true
    elseif arg[i] == "--show" then show = arg[i + 1]; i = i + 1
    else DATA = arg[i] end
    i = i + 1
  end
end

local clean, clean_ctx
if with_clean then
  clean = require "docpipe.stages.clean"
  clean_ctx = { opts = {}, state = {}, stage = "clean", warn = function() end }
  clean.init(clean_ctx.opts, clean_ctx)
end

local evalfiles = require "tests.evalfiles"
local read, ls = evalfiles.read, evalfiles.ls

local function tokens(text, lower)
  local toks = {}
  for w in dp.re.gmatch(text, "\\w+") do toks[#toks + 1] = lower and w:lower() or w end
  return toks
end

local function shingles(text, lower)
  local toks = tokens(text, lower)
  local bag, total = {}, 0
  for i = 1, math.max(1, #toks - 3) do
    if toks[i] then
      local k = table.concat(toks, " ", i, math.min(i + 3, #toks))
      bag[k] = (bag[k] or 0) + 1
      total = total + 1
    end
  end
  return bag, total
end

-- tp, fp, fn over 4-word shingles
local function counts(pred, gold, lower)
  local pb, pt = shingles(pred, lower)
  local gb, gt = shingles(gold, lower)
  local tp = 0
  for k, c in pairs(pb) do
    local g = gb[k]
    if g then tp = tp + math.min(c, g) end
  end
  return tp, pt - tp, gt - tp
end

local function prf(pred, gold)
  local tp, fp, fn = counts(pred, gold, true)
  local p = tp + fp > 0 and tp / (tp + fp) or 0
  local r = tp + fn > 0 and tp / (tp + fn) or 0
  local f = (p + r) > 0 and 2 * p * r / (p + r) or 0
  return p, r, f
end

local cpu, bytes_total = 0, 0
local function run(path, id)
  local bytes = read(path)
  local t0 = os.clock()
  local doc = htmlinput.html_doc(id, path, bytes)
  if with_clean then
    doc.meta = doc.meta or {}
    local title, authors, date = doc.title, doc.authors, doc.date
    doc = clean.process(doc, clean_ctx)
    -- the page's metadata wins over the text heuristics
    if title ~= dp.null and title ~= nil then doc.title = title end
    if authors and #authors > 0 then doc.authors = authors end
    if date ~= dp.null and date ~= nil then doc.date = date end
  end
  cpu = cpu + (os.clock() - t0)
  bytes_total = bytes_total + #bytes
  if show == id then
    print("---- " .. id .. " (" .. tostring(doc.meta.html.root) .. ")")
    print("TITLE: " .. tostring(doc.title))
    print(doc.text)
    print("----")
  end
  return doc
end

local function str(v) return (v == nil or v == dp.null) and "" or tostring(v) end

local results = {}
local function add(set, id, doc, gold)
  local pred = str(doc.title) .. "\n\n" .. str(doc.text)
  local p, r, f = prf(pred, gold)
  results[set] = results[set] or {}
  local tp, fp, fn = counts(str(doc.text), gold, false)
  local s = tp + fp + fn
  if s > 0 then tp, fp, fn = tp / s, fp / s, fn / s end
  table.insert(results[set], { id = id, p = p, r = r, f = f, tp = tp, fp = fp, fn = fn })
  print(("%-44s P %.3f  R %.3f  F1 %.3f"):format(id, p, r, f))
end

local function mean(list, k)
  local s = 0
  for _, x in ipairs(list) do s = s + x[k] end
  return #list > 0 and s / #list or 0
end

-- the benchmark's aggregate: F1 of mean precision and mean recall of normalised counts
local function aeb_f1(list)
  local ps, rs = {}, {}
  for _, x in ipairs(list) do
    if x.tp + x.fp > 0 then ps[#ps + 1] = { v = (x.fp == 0 and x.fn == 0) and 1 or x.tp / (x.tp + x.fp) } end
    if x.tp + x.fn > 0 then rs[#rs + 1] = { v = (x.fp == 0 and x.fn == 0) and 1 or x.tp / (x.tp + x.fn) } end
  end
  local p, r = mean(ps, "v"), mean(rs, "v")
  return p + r > 0 and 2 * p * r / (p + r) or 0, p, r
end

local HTML = DATA .. "/pages/html"
print("== pages/html (title + body vs expected text)")
local metas = {}
for _, name in ipairs(ls(HTML, ".html")) do
  if not name:find("%.expected%.html$") then
    local id = name:gsub("%.html$", "")
    local gold = read(HTML .. "/" .. id .. ".expected.txt")
    local snippets = read(HTML .. "/" .. id .. ".expected.json")
    local doc = run(HTML .. "/" .. name, id)
    if gold then
      add(id:match("^(%a+)%-"), id, doc, gold)
    elseif snippets then
      local exp = dp.json.decode(snippets)
      local text = str(doc.title) .. "\n" .. str(doc.text)
      local flat = dp.text.normalize_space(text)
      local hit, miss, leak = 0, {}, {}
      for _, s in ipairs(exp.with or {}) do
        if flat:find(dp.text.normalize_space(s), 1, true) then hit = hit + 1 else miss[#miss + 1] = s end
      end
      local clean_no = 0
      for _, s in ipairs(exp.without or {}) do
        if flat:find(dp.text.normalize_space(s), 1, true) then leak[#leak + 1] = s else clean_no = clean_no + 1 end
      end
      results.traf = results.traf or {}
      table.insert(results.traf, { id = id, ok = #miss == 0 and #leak == 0 })
      print(("%-44s with %d/%d  without %d/%d%s%s"):format(id, hit, #(exp.with or {}), clean_no,
        #(exp.without or {}), #miss > 0 and ("  MISSING: " .. table.concat(miss, " | ")) or "",
        #leak > 0 and ("  LEAKED: " .. table.concat(leak, " | ")) or ""))
    end
    local em = read(HTML .. "/" .. id .. ".expected-metadata.json")
    if em then metas[#metas + 1] = { id = id, exp = dp.json.decode(em), doc = doc } end
  end
end

print("== pages/cnn2012 (title + body vs gold text)")
local CNN = DATA .. "/pages/cnn2012"
for _, name in ipairs(ls(CNN, ".html")) do
  local id = name:gsub("%.html$", "")
  local gold = read(CNN .. "/" .. id .. ".gold.txt")
  if gold then add("cnn2012", id, run(CNN .. "/" .. name, id), gold) end
end

print("== means (F1 over 4-word shingles, title + body, lowercased)")
local both = {}
for _, set in ipairs { "aeb", "rdb", "np", "cnn2012" } do
  local l = results[set] or {}
  print(("%-10s pages %2d  P %.3f  R %.3f  F1 %.3f"):format(set, #l, mean(l, "p"), mean(l, "r"), mean(l, "f")))
  if set == "aeb" or set == "rdb" then for _, x in ipairs(l) do both[#both + 1] = x end end
end
print(("%-10s pages %2d  F1 %.3f   (issue 10 target >= 0.96)"):format("aeb+rdb", #both, mean(both, "f")))
do
  local f, p, r = aeb_f1(results.aeb or {})
  print(("aeb, the benchmark's own aggregate (body only, case kept): P %.3f  R %.3f  F1 %.3f"):format(p, r, f))
end
local traf_ok = 0
for _, x in ipairs(results.traf or {}) do if x.ok then traf_ok = traf_ok + 1 end end
print(("traf       pages %2d  all snippets right on %d"):format(#(results.traf or {}), traf_ok))

print("== metadata vs Readability's expected (rdb-*)")
local function fold(s)
  s = str(s):lower():gsub("[’‘`]", "'"):gsub("[“”]", '"')
  return dp.text.normalize_space((s:gsub("[^%w%s]", " ")))
end
local function byline_fold(s)
  s = fold(s):gsub("^by ", "")
  return s
end
local tally = { title = { 0, 0 }, byline = { 0, 0 }, date = { 0, 0 } }
local loose = { 0, 0 }   -- titles equal once a trailing " | Site" / " - Author" part is dropped
local SUFFIX = dp.re.compile("\\s+[|\\-–—]\\s+[^|\\-–—]+$")
local function strip_suffix(s) return (SUFFIX:gsub(str(s), "")) end
for _, m in ipairs(metas) do
  local e, d = m.exp, m.doc
  local line = { ("%-22s"):format(m.id) }
  local function check(field, want, got, ok)
    if want == nil or want == dp.null or want == "" then return end
    local t = tally[field]
    t[2] = t[2] + 1
    if ok then t[1] = t[1] + 1 end
    line[#line + 1] = ("%s %s"):format(field, ok and "ok" or ("MISS (want " .. tostring(want) .. ", got " .. str(got) .. ")"))
  end
  check("title", e.title, d.title, fold(e.title) == fold(d.title))
  if str(e.title) ~= "" then
    loose[2] = loose[2] + 1
    local a, b = fold(e.title), fold(d.title)
    if a == b or fold(strip_suffix(e.title)) == b or a == fold(strip_suffix(d.title)) then loose[1] = loose[1] + 1 end
  end
  local authors = type(d.authors) == "table" and table.concat(d.authors, ", ") or ""
  local eb, gb = byline_fold(e.byline), byline_fold(authors)
  check("byline", e.byline, authors, gb ~= "" and (eb:find(gb, 1, true) ~= nil or gb:find(eb, 1, true) ~= nil))
  local ed, gd = str(e.publishedTime), str(d.date)
  local same = ed:sub(1, 10) == gd:sub(1, 10) and (#gd <= 10 or #ed <= 10 or ed:sub(12, 16) == gd:sub(12, 16))
  check("date", e.publishedTime, d.date, gd ~= "" and same)
  print(table.concat(line, "  "))
end
local total_ok, total_n = 0, 0
for _, f in ipairs { "title", "byline", "date" } do
  local t = tally[f]
  total_ok, total_n = total_ok + t[1], total_n + t[2]
  print(("%-7s %d/%d"):format(f, t[1], t[2]))
end
print(("all     %d/%d = %.2f   (issue 10 target >= 0.90)"):format(total_ok, total_n, total_n > 0 and total_ok / total_n or 0))
print(("titles with a site or author suffix ignored: %d/%d; all fields then %d/%d = %.2f"):format(loose[1], loose[2],
  total_ok - tally.title[1] + loose[1], total_n, total_n > 0 and (total_ok - tally.title[1] + loose[1]) / total_n or 0))
print(("== speed: %.1f MB in %.0f ms of CPU: %.1f MB/s, %.1f ms per page"):format(bytes_total / 1e6,
  cpu * 1000, bytes_total / 1e6 / cpu, cpu * 1000 / (#both + #(results.np or {}) + #(results.cnn2012 or {}) + #(results.traf or {}))))
