--- docpipe.rouge.score: ROUGE-N, ROUGE-L and ROUGE-Lsum as the rouge-score package computes them.
--
-- Method: Lin (2004), "ROUGE: A Package for Automatic Evaluation of Summaries", as
-- implemented by Google's rouge-score (google-research/google-research, rouge/rouge_scorer.py,
-- tokenize.py), the implementation behind most published summarisation figures; it agrees
-- with the original ROUGE-1.5.5.pl without stemming. Followed step by step:
--   tokens     lowercase; every run of characters other than a-z 0-9 becomes a space; split on
--              white space; with stemming, tokens of more than three bytes are Porter-stemmed
--              as NLTK's PorterStemmer does (docpipe.stem "porter_nltk", exact on NLTK's
--              outputs). Python's lowercase turns two non-ASCII letters into ASCII ones (the
--              Kelvin sign into k, the dotted capital I into i + a combining dot); they are
--              mapped the same way here, every other non-ASCII character separates tokens.
--   rougeN     clipped n-gram overlap: hits = sum over n-grams of min(count in target, count in
--              prediction); precision = hits / prediction n-grams, recall = hits / target
--              n-grams (each at least 1 in the divisor).
--   rougeL     longest common subsequence of the two token lists (newlines are white space).
--   rougeLsum  summary-level LCS: both texts split into sentences at "\n" (empty lines
--              dropped); for each target sentence the union of its LCS with every predicted
--              sentence (one LCS each, read back from the table as rouge-score does, so ties
--              resolve alike), counted against the remaining token counts of both sides so that
--              no token is counted twice (as ROUGE-1.5.5 does).
--   F1         2PR / (P + R), 0 when P + R = 0; all three are 0 when either side has no token.
-- The values reproduce every vector of ../shared/data/summary/rouge_vectors.json: its edge
-- cases and CNN/DailyMail pairs to 1e-6 (their 6 decimals), rouge-score's upstream tests to
-- their 5 places (tests/spec/rouge_spec.lua).
--
-- Units: scores are fractions in [0, 1]; texts are UTF-8 strings; no offsets.

local dp = require "docpipe"

local lower, gsub, gmatch, concat = string.lower, string.gsub, string.gmatch, table.concat
local min, tointeger = math.min, math.tointeger

-- helpers ---------------------------------------------------------------------------------

local function fmeasure(p, r)
  if p + r > 0 then return 2 * p * r / (p + r) end
  return 0
end

local function score(p, r)
  return { precision = p, recall = r, f1 = fmeasure(p, r) }
end

local ZERO = function() return score(0, 0) end

-- n-gram counts of a token list: map n-gram -> count, and the total.
local function ngrams(tokens, n)
  local counts, total = {}, 0
  for i = 1, #tokens - n + 1 do
    local g = n == 1 and tokens[i] or concat(tokens, " ", i, i + n - 1)
    counts[g] = (counts[g] or 0) + 1
    total = total + 1
  end
  return counts, total
end

-- Length of the longest common subsequence (two rows).
local function lcs_length(a, b)
  local na, nb = #a, #b
  if na == 0 or nb == 0 then return 0 end
  local prev, cur = {}, {}
  for j = 0, nb do prev[j] = 0 end
  for i = 1, na do
    cur[0] = 0
    local ai = a[i]
    for j = 1, nb do
      if ai == b[j] then
        cur[j] = prev[j - 1] + 1
      else
        local x, y = prev[j], cur[j - 1]
        cur[j] = x > y and x or y
      end
    end
    prev, cur = cur, prev
  end
  return prev[nb]
end

-- The full LCS table of ref x can (rows 0..#ref, columns 0..#can).
local function lcs_table(ref, can)
  local t = {}
  local nr, nc = #ref, #can
  local row0 = {}
  for j = 0, nc do row0[j] = 0 end
  t[0] = row0
  for i = 1, nr do
    local row, up = { [0] = 0 }, t[i - 1]
    local ri = ref[i]
    for j = 1, nc do
      if ri == can[j] then
        row[j] = up[j - 1] + 1
      else
        local x, y = up[j], row[j - 1]
        row[j] = x > y and x or y
      end
    end
    t[i] = row
  end
  return t
end

-- Indices (into ref) of one LCS of ref and can, read back as rouge-score's _backtrack_norec.
local function lcs_indices(ref, can)
  local t = lcs_table(ref, can)
  local i, j, out = #ref, #can, {}
  while i > 0 and j > 0 do
    if ref[i] == can[j] then
      out[#out + 1] = i
      i, j = i - 1, j - 1
    elseif t[i][j - 1] > t[i - 1][j] then
      j = j - 1
    else
      i = i - 1
    end
  end
  return out
end

local function count_tokens(sents)
  local c = {}
  for _, s in ipairs(sents) do
    for _, t in ipairs(s) do c[t] = (c[t] or 0) + 1 end
  end
  return c
end

local M = {}

--- The ROUGE types this module knows: rouge1 .. rouge9, rougeL, rougeLsum.
function M.valid_type(name)
  if name == "rougeL" or name == "rougeLsum" then return true end
  return type(name) == "string" and name:match("^rouge[1-9]$") ~= nil
end

M.DEFAULT_TYPES = { "rouge1", "rouge2", "rougeL", "rougeLsum" }

--- Tokens of a text as rouge-score makes them.
-- @tparam string text
-- @tparam[opt] function stem a function word -> stem, applied to tokens longer than 3 bytes
-- @treturn table list of tokens
function M.tokenize(text, stem)
  text = gsub(text, "\226\132\170", "k")        -- U+212A KELVIN SIGN lowercases to k
  text = gsub(text, "\196\176", "i")            -- U+0130 lowercases to i + U+0307
  text = gsub(lower(text), "[^a-z0-9]+", " ")
  local out = {}
  for t in gmatch(text, "%S+") do
    if stem and #t > 3 then t = stem(t) end
    out[#out + 1] = t
  end
  return out
end

--- ROUGE-N of token lists.
function M.rouge_n(target, prediction, n)
  local tc, tt = ngrams(target, n)
  local pc, pt = ngrams(prediction, n)
  local hits = 0
  for g, k in pairs(pc) do
    local m = tc[g]
    if m then hits = hits + min(k, m) end
  end
  return score(hits / (pt > 0 and pt or 1), hits / (tt > 0 and tt or 1))
end

--- ROUGE-L of token lists.
function M.rouge_l(target, prediction)
  if #target == 0 or #prediction == 0 then return ZERO() end
  local l = lcs_length(target, prediction)
  return score(l / #prediction, l / #target)
end

--- ROUGE-Lsum of lists of sentences (each a token list).
function M.rouge_lsum(ref_sents, can_sents)
  if #ref_sents == 0 or #can_sents == 0 then return ZERO() end
  local m, n = 0, 0
  for _, s in ipairs(ref_sents) do m = m + #s end
  for _, s in ipairs(can_sents) do n = n + #s end
  if m == 0 or n == 0 then return ZERO() end
  local cr, cc = count_tokens(ref_sents), count_tokens(can_sents)
  local hits = 0
  for _, r in ipairs(ref_sents) do
    -- union of the LCS indices of r with every candidate sentence, in order
    local union, list = {}, {}
    for _, c in ipairs(can_sents) do
      for _, i in ipairs(lcs_indices(r, c)) do
        if not union[i] then union[i] = true; list[#list + 1] = i end
      end
    end
    table.sort(list)
    for _, i in ipairs(list) do
      local t = r[i]
      if (cc[t] or 0) > 0 and (cr[t] or 0) > 0 then
        hits = hits + 1
        cc[t] = cc[t] - 1
        cr[t] = cr[t] - 1
      end
    end
  end
  return score(hits / n, hits / m)
end

-- The lines of a text that are not empty (rouge-score's get_sents without sentence splitting).
local function lines(text)
  local out = {}
  for line in gmatch(text .. "\n", "([^\n]*)\n") do
    if line ~= "" then out[#out + 1] = line end
  end
  return out
end

local Scorer = {}
Scorer.__index = Scorer

--- A scorer.
-- @tparam[opt] table opts `types` (list, default rouge1 rouge2 rougeL rougeLsum), `stem`
--   (boolean, default true), `stemmer` (a docpipe.stem algorithm, default "porter_nltk")
-- @return a scorer with :score(target, prediction) and :tokens(text)
function M.new(opts)
  opts = opts or {}
  local types = opts.types or M.DEFAULT_TYPES
  for _, t in ipairs(types) do
    if not M.valid_type(t) then
      error(("rouge: unknown type %q (rouge1..rouge9, rougeL, rougeLsum)"):format(tostring(t)), 0)
    end
  end
  local self = setmetatable({ types = types }, Scorer)
  if opts.stem ~= false then
    local st = dp.stem.new(opts.stemmer or "porter_nltk")
    local cache, size = {}, 0
    self.stem = function(w)
      local s = cache[w]
      if s then return s end
      s = st:stem(w)
      if size > 200000 then cache, size = {}, 0 end   -- bounded memo
      cache[w] = s
      size = size + 1
      return s
    end
  end
  return self
end

--- The tokens of a text with this scorer's stemming.
function Scorer:tokens(text)
  return M.tokenize(text, self.stem)
end

--- Scores of prediction against target (strings; sentences on separate lines for rougeLsum).
-- @treturn table type -> {precision, recall, f1}
function Scorer:score(target, prediction)
  local out = {}
  local tt, pt, ts, ps
  for _, kind in ipairs(self.types) do
    if kind == "rougeLsum" then
      if not ts then
        ts, ps = {}, {}
        for i, l in ipairs(lines(target)) do ts[i] = self:tokens(l) end
        for i, l in ipairs(lines(prediction)) do ps[i] = self:tokens(l) end
      end
      out[kind] = M.rouge_lsum(ts, ps)
    else
      if not tt then tt, pt = self:tokens(target), self:tokens(prediction) end
      if kind == "rougeL" then
        out[kind] = M.rouge_l(tt, pt)
      else
        out[kind] = M.rouge_n(tt, pt, tointeger(tonumber(kind:match("%d+"))))
      end
    end
  end
  return out
end

return M
