--- Evaluate the clean stage on the shared boilerplate-removal pages.
--
-- Run from the repo root: ./docpipe lua tests/clean_eval.lua [DATA_DIR [EXTRA_DUMPS_DIR]]
-- (DATA_DIR defaults to ../shared/data). For every page with a text dump and a gold
-- text (pages/cnn2012/*.lynx.txt with *.gold.txt, pages/text/*.lynx.txt with
-- pages/html/<id>.expected.txt) it prints precision, recall and F1 over 4-word shingles
-- (lowercased \w+ tokens, multiset overlap, as in the article-extraction-benchmark) of
-- title + body against the gold text, then the mean F1 per set. Pages whose gold is a
-- list of snippets (expected.json: "with" must appear, "without" must not) print the
-- snippet hits instead. The seed page (seed/gold.json) and the invented pages of
-- examples/ (examples/gold/*.json) are checked field by field.
-- Units: none (scores in [0, 1]).

package.path = "scripts/?.lua;" .. package.path
local dp = require "docpipe"
local clean = require "docpipe.stages.clean"

local DATA = arg and arg[1] or "../shared/data"

local function read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local function ls(dir, suffix)
  local out = {}
  local p = io.popen('ls "' .. dir .. '" 2>/dev/null')
  if p then
    for name in p:lines() do
      if name:sub(-#suffix) == suffix then out[#out + 1] = name end
    end
    p:close()
  end
  table.sort(out)
  return out
end

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

-- optional: a folder of further dumps of pages/html/*.html (made with
-- `lynx -dump -nolist -width=100 -assume_charset=utf-8 -display_charset=utf-8`)
local EXTRA = arg and arg[2]
if EXTRA then
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

print("field-by-field gold")
fields("seed", read(DATA .. "/seed/cnn-north-korea-amnesty.txt"), read(DATA .. "/seed/gold.json"))
for _, name in ipairs(ls("examples/gold", ".json")) do
  local id = name:gsub("%.json$", "")
  fields("examples/" .. id, read("examples/" .. id .. ".txt"), read("examples/gold/" .. name))
end
if m1 and m2 then print(("overall mean F1: cnn2012 %.3f, text %.3f"):format(m1, m2)) end
