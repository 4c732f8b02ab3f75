--- summary_eval: ROUGE of the summary stage's methods on CNN stories.
--
-- Reads ../shared/data/summary/cnn_sample.jsonl ({id, article, highlights[]}), splits each
-- article into sentences (docpipe.stages.sentences when it loads and works, else the simple
-- splitter below), runs the summary stage with each method (3 sentences, no title or
-- highlights given: the highlights are the reference) and scores the joined sentences
-- against the joined highlights with ROUGE-1 and ROUGE-2 F1, averaged over stories.
--
-- ROUGE here follows rouge-score's tokenizer (lowercase, every run of characters other
-- than a-z 0-9 becomes a space, tokens of more than three characters stemmed) but stems
-- with the light stemmer docpipe.summary.stem instead of Porter, so values run a little
-- apart from published ones; the script first checks its n-gram counting against the
-- unstemmed reference values in ../shared/data/summary/rouge_vectors.json.
--
-- Usage: ./docpipe lua tests/summary_eval.lua [from-to] [name=value ...]
--   from-to      only stories from..to (1-based, inclusive), e.g. 101-200 for a held-out half
--   name=value   override a weight of data/en/summary_weights.txt for the default method
--
-- Units: none (scores in percent).

local dp = require "docpipe"
local summary = require "docpipe.stages.summary"
local stem = require("docpipe.summary.stem").stem

local DATA = "../shared/data/summary/"

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

-- arguments ---------------------------------------------------------------------------------

local from, to, weights = 1, math.huge, {}
for _, a in ipairs(arg or {}) do
  local x, y = a:match("^(%d+)%-(%d+)$")
  local k, v = a:match("^([%w_]+)=(.+)$")
  if x then from, to = tonumber(x), tonumber(y)
  elseif k and tonumber(v) then weights[k] = tonumber(v)
  else error("bad argument: " .. a) end
end

-- ROUGE -------------------------------------------------------------------------------------

local function tokens(s, use_stem)
  local out = {}
  for t in s:lower():gsub("[^a-z0-9]+", " "):gmatch("%S+") do
    if use_stem and #t > 3 then t = stem(t) end
    out[#out + 1] = t
  end
  return out
end

local function ngrams(toks, n)
  local c, total = {}, 0
  for i = 1, #toks - n + 1 do
    local g = table.concat(toks, " ", i, i + n - 1)
    c[g] = (c[g] or 0) + 1
    total = total + 1
  end
  return c, total
end

-- ROUGE-N F1 of a prediction against a target (token lists).
local function rouge_n(target, pred, n)
  local tc, tt = ngrams(target, n)
  local pc, pt = ngrams(pred, n)
  local hit = 0
  for g, k in pairs(pc) do
    local m = tc[g]
    if m then hit = hit + math.min(k, m) end
  end
  if hit == 0 then return 0 end
  local p, r = hit / pt, hit / tt
  return 2 * p * r / (p + r)
end

-- check the counting against the reference implementation's unstemmed values
do
  local v = dp.json.decode(read(DATA .. "rouge_vectors.json"))
  local ok, n = 0, 0
  for _, c in ipairs(v.cnndm_lead3.cases) do
    local t, p = tokens(c.target, false), tokens(c.prediction, false)
    for key, order in pairs({ rouge1 = 1, rouge2 = 2 }) do
      n = n + 1
      if math.abs(rouge_n(t, p, order) - c.nostem[key].f) < 1e-5 then ok = ok + 1 end
    end
  end
  print(("ROUGE check (unstemmed, rouge_vectors.json cnndm_lead3): %d/%d values match"):format(ok, n))
end

-- sentence splitting ------------------------------------------------------------------------

-- Simple splitter: ends at . ! ? (with closing quotes/brackets) before white space and an
-- upper-case letter, digit or opening quote; not after a few common abbreviations or a
-- single capital initial.
local ABBREV = {}
for w in ("mr mrs ms dr st jr sr prof gen sen rep gov lt col sgt capt rev no vs inc co corp ltd jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n"):gmatch("%S+") do
  ABBREV[w] = true
end

local function simple_split(text)
  local out, start, i, n = {}, 1, 1, #text
  while i <= n do
    local a, b = text:find("[%.!?]+[\"')%]\226\128\153\157]*", i)
    if not a then break end
    local after = text:sub(b + 1, b + 4)
    local ws = after:match("^%s+")
    local next_char = ws and text:sub(b + 1 + #ws, b + 1 + #ws) or ""
    local prev = text:sub(start, a - 1):match("([%w%.]+)$") or ""
    local boundary = ws and (next_char:match("[%u%d\"'(]") or next_char == "\226")
    if boundary and text:sub(a, a) == "." then
      if ABBREV[prev:lower()] or prev:match("^%u$") then boundary = false end
    end
    if boundary or b == n then
      local s = dp.text.trim(text:sub(start, b))
      if s ~= "" then
        local x = text:find(s, start, true)
        out[#out + 1] = { text = s, start = x, ["end"] = x + #s - 1 }
      end
      start = b + 1
    end
    i = b + 1
  end
  local rest = dp.text.trim(text:sub(start))
  if rest ~= "" then
    local x = text:find(rest, start, true)
    out[#out + 1] = { text = rest, start = x, ["end"] = x + #rest - 1 }
  end
  return out
end

local splitter, splitter_name = simple_split, "simple splitter (tests/summary_eval.lua)"
do
  local ok, stage = pcall(require, "docpipe.stages.sentences")
  if ok and type(stage) == "table" and stage.process then
    local function stage_split(text)
      local ctx = { opts = {}, state = {}, stage = "sentences", warn = function() end }
      for k, spec in pairs(stage.options or {}) do ctx.opts[k] = spec.default end
      if stage.init then stage.init(ctx.opts, ctx) end
      local doc = stage.process({ id = "eval", text = text, meta = {}, errors = {} }, ctx)
      return doc and doc.sentences
    end
    local works, got = pcall(stage_split, "Mr. Lee arrived on Monday. He said it was fine. Then he left.")
    if works and type(got) == "table" and #got == 3 and got[1].start then
      splitter, splitter_name = stage_split, "docpipe.stages.sentences"
    else
      io.stderr:write("docpipe.stages.sentences did not split the probe text; using the simple splitter\n")
    end
  end
end
print("sentences: " .. splitter_name)

-- run ---------------------------------------------------------------------------------------

local stories = {}
local k = 0
for line in read(DATA .. "cnn_sample.jsonl"):gmatch("[^\n]+") do
  k = k + 1
  if k >= from and k <= to then stories[#stories + 1] = dp.json.decode(line) end
end

local methods = { "lead", "textrank", "lexrank", "default" }
local runs = {}
for _, m in ipairs(methods) do
  local ctx = { opts = { method = m, sentences = 3, weights = m == "default" and weights or nil }, state = {}, stage = "summary" }
  summary.init(ctx.opts, ctx)
  runs[m] = ctx
end

local sums = {}
for _, m in ipairs(methods) do sums[m] = { r1 = 0, r2 = 0, n = 0, words = 0 } end
local t0 = os.clock()
for _, story in ipairs(stories) do
  local sents = splitter(story.article)
  local target = tokens(table.concat(story.highlights, "\n"), true)
  for _, m in ipairs(methods) do
    local doc = { id = story.id, text = story.article, sentences = sents, meta = {}, errors = {} }
    doc = summary.process(doc, runs[m])
    local pred = tokens(table.concat(doc.summary, "\n"), true)
    local s = sums[m]
    s.r1 = s.r1 + rouge_n(target, pred, 1)
    s.r2 = s.r2 + rouge_n(target, pred, 2)
    s.words = s.words + #pred
    s.n = s.n + 1
  end
end

print(("%d stories (%d-%d), 3 sentences, %.1f s"):format(#stories, from, math.min(to, k), os.clock() - t0))
print(("%-10s %7s %7s %9s"):format("method", "R1 F1", "R2 F1", "tokens"))
for _, m in ipairs(methods) do
  local s = sums[m]
  print(("%-10s %7.2f %7.2f %9.1f"):format(m, 100 * s.r1 / s.n, 100 * s.r2 / s.n, s.words / s.n))
end
print("published (rouge-score, Porter): lead-3 28.83 / 10.69, TextRank 25.17 / 8.06, LexRank 23.46 / 7.02")
