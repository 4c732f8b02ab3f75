--- Run the quotes stage over a gold file and print predictions as JSONL.
--
-- usage: ./docpipe lua tests/quotes_eval.lua GOLD.jsonl|bug_cases.json [--types direct,mixed]
--   then: python3 ../shared/tools/score_quotes.py GOLD PRED.jsonl [--types direct,mixed]
-- GOLD: records {doc_id, text, ...} (one per line) or {"cases": [{id, input}]}.
-- Output, one line per document: {"doc_id": ..., "quotes": [{"quote", "speaker", "type",
-- "cue"}]}. --types keeps only direct quotes ("direct"), reported speech that contains
-- a quoted phrase ("mixed") and other reported speech ("indirect").
-- Sentences come from the sentences stage when it loads; otherwise the quotes stage
-- splits sentences itself.

local dp = require "docpipe"
local quotes = require "docpipe.stages.quotes"

local function defaults(stage)
  local o = {}
  for k, spec in pairs(stage.options or {}) do o[k] = spec.default end
  return o
end

local args = { ... }
local path, types = nil, nil
local i = 1
while i <= #args do
  if args[i] == "--types" then
    types = {}
    for t in (args[i + 1] or ""):gmatch("[^,]+") do types[t] = true end
    i = i + 2
  else
    path = args[i]
    i = i + 1
  end
end
assert(path, "usage: quotes_eval.lua GOLD.jsonl|bug_cases.json [--types direct,mixed]")

local f = assert(io.open(path, "rb"))
local raw = f:read("a")
f:close()
local docs = {}
if path:match("%.json$") then
  local data = assert(dp.json.decode(raw))
  for _, c in ipairs(data.cases) do docs[#docs + 1] = { id = c.id, text = c.input } end
else
  for line in raw:gmatch("[^\n]+") do
    local d = assert(dp.json.decode(line))
    docs[#docs + 1] = { id = d.doc_id, text = d.text }
  end
end

local ok_s, sentences = pcall(require, "docpipe.stages.sentences")
local sctx
if ok_s and type(sentences) == "table" and sentences.process then
  sctx = { opts = defaults(sentences), state = {}, stage = "sentences", warn = function() end }
  if sentences.init then sentences.init(sctx.opts, sctx) end
else
  sentences = nil
end

local qctx = { opts = defaults(quotes), state = {}, stage = "quotes", warn = function() end }
quotes.init(qctx.opts, qctx)

for _, d in ipairs(docs) do
  local doc = { id = d.id, text = d.text, meta = {}, errors = {} }
  if sentences then
    local ok, res = pcall(sentences.process, doc, sctx)
    if ok and type(res) == "table" then doc = res end
  end
  doc = quotes.process(doc, qctx)
  local out = {}
  for _, q in ipairs(doc.quotes) do
    local kind = q.type == "direct" and "direct" or (q.mixed and "mixed" or "indirect")
    if not types or types[kind] then
      out[#out + 1] = dp.object({ quote = q.text, speaker = q.speaker, type = kind, cue = q.cue })
    end
  end
  io.write(dp.json.encode(dp.object({ doc_id = d.id, quotes = dp.array(out) })), "\n")
end
