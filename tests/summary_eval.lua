--- summary_eval: ROUGE of the summary stage's methods on CNN stories, by halves, for tuning.
--
-- Reads ../shared/data/summary/cnn_sample.jsonl ({id, article, highlights[]}), splits each
-- article once with the sentences stage, runs the summary stage with each method (3
-- sentences; no title, and the highlights are not shown to it: they are the reference)
-- and scores the sentences (one per line) against the highlights (one per line) with
-- docpipe's ROUGE (docpipe.rouge.score: rouge-score's algorithm, Porter stemming as NLTK).
-- It prints F1 for ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum per method, for stories
-- 1-100, 101-200 and all, and the default method's margin over Lead-3: weights of
-- data/en/summary_weights.txt are chosen where both halves keep a margin.
-- `docpipe eval ../shared/data/summary/cnn_sample.jsonl -m all` gives the same figures
-- for all stories through the rouge pipeline.
--
-- Usage: ./docpipe lua tests/summary_eval.lua [from-to] [stemmer=NAME] [name=value ...]
--   from-to       only stories from..to (1-based, inclusive)
--   stemmer=NAME  the summary stage's `stemmer` option (default: the stage's default)
--   name=value    override a weight of data/en/summary_weights.txt for the default method
--
-- Results (F1 %, 200 stories, `docpipe eval ../shared/data/summary/cnn_sample.jsonl -m all`,
-- the same numbers as the "all" rows here; Lead-3 from docpipe's own sentences):
--   method     ROUGE-1  ROUGE-2  ROUGE-L  ROUGE-Lsum
--   lead         28.89    10.88    18.99       25.77
--   textrank     26.43     8.89    17.58       23.16
--   lexrank      25.97     8.17    17.37       23.13
--   default      30.48    11.78    20.09       26.96   (+1.60 +0.89 +1.10 +1.19 over lead;
--                                                       1-100: +1.16 +0.66 +0.77 +0.85,
--                                                       101-200: +2.03 +1.12 +1.44 +1.53)
--
-- Units: scores in percent.

local dp = require "docpipe"
local summary = require "docpipe.stages.summary"
local sentences = require "docpipe.stages.sentences"
local rouge = require "docpipe.rouge.score"

local DATA = "../shared/data/summary/cnn_sample.jsonl"
local TYPES = { "rouge1", "rouge2", "rougeL", "rougeLsum" }

-- arguments ---------------------------------------------------------------------------------

local from, to, weights, stemmer = 1, math.huge, {}, nil
for _, a in ipairs(arg or {}) do
  local x, y = a:match("^(%d+)%-(%d+)$")
  local k, v = a:match("^([%w_]+)=(.+)$")
  if x then from, to = tonumber(x), tonumber(y)
  elseif k == "stemmer" then stemmer = v
  elseif k and tonumber(v) then weights[k] = tonumber(v)
  else error("bad argument: " .. a) end
end

-- data ----------------------------------------------------------------------------------------

local function stage_ctx(mod, opts)
  local ctx = { opts = opts or {}, state = {}, stage = mod.name, warn = function() end }
  for k, spec in pairs(mod.options or {}) do
    if ctx.opts[k] == nil then ctx.opts[k] = spec.default end
  end
  if mod.init then mod.init(ctx.opts, ctx) end
  return ctx
end

local stories, k = {}, 0
local f = assert(io.open(DATA, "rb"))
local split = stage_ctx(sentences)
for line in f:lines() do
  k = k + 1
  if k >= from and k <= to then
    local s = dp.json.decode(line)
    s.n = k
    s.sentences = sentences.process({ id = s.id, text = s.article, meta = {} }, split).sentences
    s.reference = table.concat(s.highlights, "\n")
    stories[#stories + 1] = s
  end
end
f:close()

-- run ---------------------------------------------------------------------------------------

local scorer = rouge.new({ types = TYPES })
local methods = { "lead", "textrank", "lexrank", "default" }
local groups = { { "1-100", function(n) return n <= 100 end }, { "101-200", function(n) return n > 100 end },
                 { "all", function() return true end } }
local t0 = os.clock()
local res = {}
for _, m in ipairs(methods) do
  local ctx = stage_ctx(summary, { method = m, sentences = 3, stemmer = stemmer,
                                   weights = m == "default" and weights or nil })
  res[m] = {}
  for _, g in ipairs(groups) do
    res[m][g[1]] = { n = 0 }
    for _, t in ipairs(TYPES) do res[m][g[1]][t] = 0 end
  end
  for _, s in ipairs(stories) do
    local doc = summary.process({ id = s.id, text = s.article, sentences = s.sentences, meta = {} }, ctx)
    local sc = scorer:score(s.reference, table.concat(doc.summary, "\n"))
    for _, g in ipairs(groups) do
      if g[2](s.n) then
        local r = res[m][g[1]]
        r.n = r.n + 1
        for _, t in ipairs(TYPES) do r[t] = r[t] + sc[t].f1 end
      end
    end
  end
end

print(("%d stories (%d-%d), 3 sentences, stemmer %s, %.1f s"):format(#stories, from, math.min(to, k),
  stemmer or summary.options.stemmer.default, os.clock() - t0))
print(("%-9s %-8s %5s %7s %7s %7s %9s"):format("method", "stories", "n", "R1", "R2", "RL", "RLsum"))
for _, g in ipairs(groups) do
  for _, m in ipairs(methods) do
    local r = res[m][g[1]]
    if r.n > 0 then
      print(("%-9s %-8s %5d %7.2f %7.2f %7.2f %9.2f"):format(m, g[1], r.n, 100 * r.rouge1 / r.n,
        100 * r.rouge2 / r.n, 100 * r.rougeL / r.n, 100 * r.rougeLsum / r.n))
    end
  end
  local d, l = res.default[g[1]], res.lead[g[1]]
  if d.n > 0 then
    print(("%-9s %-8s %5s %+7.2f %+7.2f %+7.2f %+9.2f"):format("margin", g[1], "", 100 * (d.rouge1 - l.rouge1) / d.n,
      100 * (d.rouge2 - l.rouge2) / d.n, 100 * (d.rougeL - l.rougeL) / d.n, 100 * (d.rougeLsum - l.rougeLsum) / d.n))
  end
end
