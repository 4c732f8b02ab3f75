--- rouge: score each document's summary against a reference summary with ROUGE.
--
-- Input: the prediction (option `summary`, default doc.summary: a list of sentence strings,
-- or one string) and the reference (option `reference`, default doc.highlights: a list of
-- sentence strings forming one reference summary, a string with one sentence per line, or
-- a list of such references, scored against each and the best kept per figure as
-- rouge-score's score_multi does). In a list each item is one sentence: line breaks inside
-- an item are folded to spaces, and the items are joined by "\n", which is where ROUGE-Lsum
-- splits sentences.
-- Output: doc.meta.rouge = { rouge1 = {precision, recall, f1}, rouge2 = ..., rougeL = ...,
-- rougeLsum = ... } (the types of option `types`), fractions in [0, 1]. finish returns the
-- corpus means over the documents scored: { documents = N, skipped = N, rouge1 =
-- {precision, recall, f1}, ... } (`docpipe run` prints it on stderr, `docpipe eval` as a
-- table).
--
-- Method: rouge-score's (Google) ROUGE-N, ROUGE-L and summary-level ROUGE-Lsum, with Porter
-- stemming of tokens longer than three characters as NLTK stems them; see
-- docpipe.rouge.score for every step. Values match rouge-score's to 1e-6 on the test vectors.
--
-- Fair scoring: the summary stage reads doc.highlights when it is there (the default method
-- gives sentences sharing words with them a bonus). When the highlights are the reference,
-- move them out of its sight before the summary stage, as pipelines/rouge.yaml does with the
-- `fields` stage (rename highlights -> reference, then `reference: reference` here).
--
-- A document whose reference field is missing, null or empty gets no score and a warning
-- and is counted as skipped; a missing summary field scores as an empty summary (0), with a
-- warning.
--
-- Units: scores are fractions in [0, 1]; no offsets.

local dp = require "docpipe"
local rouge = require "docpipe.rouge.score"

local concat, gsub, type, ipairs = table.concat, string.gsub, type, ipairs

-- helpers ---------------------------------------------------------------------------------

-- One sentence per line: line breaks inside an item become spaces.
local function one_line(s)
  return (gsub(s, "%s*\n%s*", " "))
end

-- A list of sentence strings (or a string) as text with one sentence per line; nil when
-- the value holds no text at all.
local function as_text(v)
  if type(v) == "string" then
    return v:find("%S") and v or nil
  end
  if type(v) ~= "table" then return nil end
  local parts = {}
  for _, s in ipairs(v) do
    if type(s) == "string" and s:find("%S") then parts[#parts + 1] = one_line(s) end
  end
  if #parts == 0 then return nil end
  return concat(parts, "\n")
end

-- The references of a field value: a list of texts (several when the value is a list of
-- lists or of multi-line strings given as separate references).
local function references(v)
  if type(v) == "table" and type(v[1]) == "table" then
    local out = {}
    for _, r in ipairs(v) do
      local t = as_text(r)
      if t then out[#out + 1] = t end
    end
    return out
  end
  local t = as_text(v)
  return t and { t } or {}
end

local function new_sums(types)
  local s = {}
  for _, t in ipairs(types) do s[t] = { precision = 0, recall = 0, f1 = 0 } end
  return s
end

local M = {
  name = "rouge",
  doc = "ROUGE-1/2/L/Lsum of doc.summary against a reference (default doc.highlights), as rouge-score computes it; corpus means at the end.",
}

M.options = {
  reference = { type = "string", default = "highlights", doc = "field holding the reference summary (list of sentences or a string)" },
  summary = { type = "string", default = "summary", doc = "field holding the summary to score (list of sentences or a string)" },
  types = { type = "list", default = { "rouge1", "rouge2", "rougeL", "rougeLsum" }, doc = "ROUGE types: rouge1..rouge9, rougeL, rougeLsum" },
  stem = { type = "boolean", default = true, doc = "Porter-stem tokens longer than 3 characters (rouge-score's use_stemmer)" },
  stemmer = { type = "string", default = "porter_nltk", doc = "docpipe.stem algorithm used when stem is on" },
}

-- stage -----------------------------------------------------------------------------------

function M.init(opts, ctx)
  opts = opts or {}
  for k, spec in pairs(M.options) do
    if opts[k] == nil then opts[k] = spec.default end
  end
  local types = {}
  for _, t in ipairs(opts.types) do types[#types + 1] = t end
  if #types == 0 then error("rouge: types is empty", 0) end
  ctx.opts = opts
  -- the scorer (it holds functions) and the types live beside ctx.state: with -j N the
  -- engine merges each worker's ctx.state (numbers add up) for finish
  ctx.types = types
  ctx.scorer = rouge.new({ types = types, stem = opts.stem, stemmer = opts.stemmer })
  ctx.state = ctx.state or {}
  local st = ctx.state
  st.sums = new_sums(types)
  st.n, st.skipped = 0, 0
end

function M.process(doc, ctx)
  if not (ctx.scorer and ctx.state and ctx.state.sums) then M.init(ctx.opts, ctx) end
  local opts, st = ctx.opts, ctx.state
  local warn = ctx.warn or function() end
  local refs = references(doc[opts.reference])
  if #refs == 0 then
    warn(doc, ("no reference in field '%s': not scored"):format(opts.reference))
    st.skipped = st.skipped + 1
    return doc
  end
  local v = doc[opts.summary]
  if v == nil or v == dp.null then
    warn(doc, ("no summary in field '%s': scored as empty"):format(opts.summary))
  end
  local pred = as_text(v) or ""
  local best
  for _, ref in ipairs(refs) do
    local s = ctx.scorer:score(ref, pred)
    if not best then
      best = s
    else
      for t, x in pairs(s) do
        if x.f1 > best[t].f1 then best[t] = x end
      end
    end
  end
  local out = dp.object({})
  for _, t in ipairs(ctx.types) do
    local x = best[t]
    out[t] = dp.object({ precision = x.precision, recall = x.recall, f1 = x.f1 })
    local sum = st.sums[t]
    sum.precision = sum.precision + x.precision
    sum.recall = sum.recall + x.recall
    sum.f1 = sum.f1 + x.f1
  end
  if type(doc.meta) ~= "table" then doc.meta = dp.object({}) end
  doc.meta.rouge = out
  st.n = st.n + 1
  return doc
end

function M.finish(ctx)
  local st = ctx.state
  if not (st and st.sums) then return nil end
  local out = dp.object({ documents = st.n, skipped = st.skipped })
  local types = ctx.types
  if not types then  -- a merged state without init in this state: the keys of sums
    types = {}
    for t in pairs(st.sums) do types[#types + 1] = t end
    table.sort(types)
  end
  for _, t in ipairs(types) do
    local s, n = st.sums[t], st.n
    out[t] = dp.object({
      precision = n > 0 and s.precision / n or 0,
      recall = n > 0 and s.recall / n or 0,
      f1 = n > 0 and s.f1 / n or 0,
    })
  end
  return out
end

return M
