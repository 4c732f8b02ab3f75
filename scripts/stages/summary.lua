--- summary: pick the sentences that best summarise a document (extractive summary).
--
-- Input: doc.sentences (list of {text, start, end}, from the sentences stage; a bare string
-- is accepted and located in doc.text), and when present doc.title, doc.highlights and
-- doc.quotes. Output: doc.summary, the chosen sentences' texts in document order, and
-- doc.meta.summary = { sentences = { {start, end}, ... } (parallel to doc.summary),
-- method = NAME }.
--
-- Methods (option `method`):
--   lead      the first sentences (the classic news baseline, "Lead-3").
--   textrank  weighted PageRank over content-word overlap (Mihalcea & Tarau 2004).
--   lexrank   weighted PageRank over TF-IDF cosine, weak edges dropped (Erkan & Radev 2004).
--   default   a linear score of position, centrality (TF-IDF cosine to the whole document),
--             forward centrality (summed cosine to the sentences that follow, after PACSUM,
--             Zheng & Lapata 2019: news elaborates its lead), title and highlight term
--             overlap, a short-sentence and a quote term, then redundancy removal by
--             Maximal Marginal Relevance (Carbonell & Goldstein 1998). Position weighs
--             most: news puts the gist first (lead bias).
-- Terms are lowercased words without stopwords (data/en/stopwords.txt + option
-- `stopwords`), stemmed by Snowball's libstemmer through docpipe.stem (option `stemmer`:
-- "english", Porter2, by default; any docpipe.stem algorithm such as "porter" or
-- "porter_nltk"; "none" keeps words as they are), one memo table per stage instance.
-- Weights and constants live in data/en/summary_weights.txt (documented there) and are
-- overridden by the option `weights`.
-- Cost: terms are numbered per document and sentence vectors are arrays over these ids
-- (docpipe.summary.docvec); the MMR redundancy is computed only for sentences that could
-- still win a round; the repeat check normalises a sentence only when an earlier one has
-- the same word count and last word.
--
-- Guarantees: no sentence twice (nor two with the same text up to case and spacing), no
-- sentence without a word, at most `sentences` sentences and at most `words` words (a
-- sentence that would overflow the budget is skipped, never cut), fewer when the document
-- has fewer. Option `quotes`: "allow" (no constraint; the default method's soft `quote`
-- weight still applies), "prefer" (sentences holding a direct quote are taken first),
-- "avoid" (taken only when too few others remain). A sentence holds a quote when it
-- overlaps a direct or mixed span of doc.quotes; without doc.quotes, when it has a quoted
-- stretch of `quote_min_words` words or more not in title case ("Day of the Sun" is a
-- name), or an unpaired quotation mark (a quote running over sentences).
--
-- Units: byte offsets 1-based inclusive into doc.text.

local dp = require "docpipe"
local rank = require "docpipe.summary.rank"
local docvec = require "docpipe.summary.docvec"

local exp, huge = math.exp, math.huge
local lower, gsub, find, sort = string.lower, string.gsub, string.find, table.sort
local byte, sub = string.byte, string.sub
local words_of, dp_trim, normalize_space = dp.text.words, dp.text.trim, dp.text.normalize_space

local METHODS = { lead = true, textrank = true, lexrank = true, default = true }
local QUOTES = { allow = true, prefer = true, avoid = true }

-- helpers ---------------------------------------------------------------------------------

-- dp.text.trim, skipping the C call when the text starts and ends with a printable ASCII
-- character (then there is nothing to trim).
local function trim(s)
  local b1, b2 = byte(s, 1), byte(s, -1)
  if b1 and b1 > 32 and b1 < 127 and b2 > 32 and b2 < 127 then return s end
  return dp_trim(s)
end

local function is_str(v) return type(v) == "string" end

local function load_weights(overrides)
  local w = {}
  for _, line in ipairs(dp.data.list("en/summary_weights.txt")) do
    local k, v = line:match("^([%w_]+)%s+([-+%d%.eE]+)")
    if k and tonumber(v) then w[k] = tonumber(v) end
  end
  for k, v in pairs(overrides or {}) do
    if w[k] == nil then
      error(("summary: unknown weight %s (see data/en/summary_weights.txt)"):format(tostring(k)), 0)
    end
    local x = tonumber(v)
    if x == nil or x ~= x or x == math.huge or x == -math.huge then
      error(("summary: weight %s must be a finite number, got %s"):format(tostring(k), tostring(v)), 0)
    end
    w[k] = x
  end
  return w
end

local function load_stopwords(extra)
  local set = {}
  for _, word in ipairs(dp.data.list("en/stopwords.txt")) do set[lower(word)] = true end
  for _, word in ipairs(extra or {}) do set[lower(word)] = true end
  return set
end

-- A docpipe.stem stemmer for an algorithm, or false for "none" (words kept as they are);
-- the memo is make_term's.
local function make_stem(algorithm)
  if algorithm == "none" then return false end
  local ok, st = pcall(dp.stem.new, algorithm)
  if not ok then error(("summary: %s"):format(tostring(st)), 0) end
  return st
end

-- A memo table word -> content term, or false: the word lowercased, curly apostrophes
-- made straight, possessive 's removed, stemmed; false for stopwords and one-letter
-- tokens. A missing word is computed by __index (the table is emptied when it grows past
-- 100,000 words), so a word seen before costs one table lookup.
local function make_term(stop, stemmer)
  local size = 0
  return setmetatable({}, { __index = function(memo, w)
    local x = lower(w)
    if find(x, "’", 1, true) then x = gsub(x, "’", "'") end
    local t = false
    if #x > 1 and not stop[x] then
      local base = x
      if byte(x, -1) == 115 and byte(x, -2) == 39 then base = sub(x, 1, -3) end  -- 's
      if base == x or not stop[base] then
        if stemmer then t = stemmer:stem(base) else t = base end
      end
    end
    if size >= 100000 then
      for k in pairs(memo) do memo[k] = nil end
      size = 0
    end
    rawset(memo, w, t)
    size = size + 1
    return t
  end })
end

local OPEN = { ["“"] = true, ["„"] = true, ["«"] = true }
local CLOSE = { ["”"] = true, ["»"] = true }

-- A quoted stretch reads as speech when it has at least `min_words` words and is not in
-- title case (every word capitalised or a stopword: "Day of the Sun" is a name).
local function speechlike(inner, min_words, stop)
  local ws = words_of(inner)
  if #ws < min_words then return false end
  for _, w in ipairs(ws) do
    if not find(w, "^[%u%d]") and not stop[lower(w)] then return true end
  end
  return false
end

-- Heuristic: a speech-like quoted stretch, or an unpaired double quotation mark.
local function has_quote_marks(text, min_words, stop)
  if not (find(text, '"', 1, true) or find(text, "\226", 1, true) or find(text, "\194", 1, true)) then
    return false                                     -- no quotation mark (fast, plain finds)
  end
  local marks = {}
  for p, ch in text:gmatch("()([\"\226\194][\128-\191]*)") do
    if ch == '"' then marks[#marks + 1] = { p, '"' }
    elseif OPEN[ch] then marks[#marks + 1] = { p, "open" }
    elseif CLOSE[ch] then marks[#marks + 1] = { p, "close" } end
  end
  if #marks == 0 then return false end
  local i, open_at = 1, nil
  while i <= #marks do
    local p, kind = marks[i][1], marks[i][2]
    if open_at == nil then
      if kind == "close" then return true end       -- closes a quote opened earlier
      open_at = p
    else
      if kind == "open" then return true end        -- opened twice: runs over sentences
      if speechlike(text:sub(open_at, p), min_words, stop) then return true end
      open_at = nil
    end
    i = i + 1
  end
  return open_at ~= nil                             -- opened and not closed here
end

-- True when a sentence repeats one seen before: the same text up to ASCII case and white
-- space (lower(normalize_space(text)), its key). Sentences with equal keys have the same
-- number of words and the same last word up to case (white space only separates words),
-- so the key is computed only when an earlier sentence shares these two; `seen` maps
-- word count -> lowercased last word -> list of { text, key (computed when needed) }.
local function repeated(seen, clean, ws, nw)
  local by_last = seen[nw]
  if not by_last then by_last = {}; seen[nw] = by_last end
  local last = lower(ws[nw])
  local same = by_last[last]
  if not same then
    by_last[last] = { { text = clean } }
    return false
  end
  local key = lower(normalize_space(clean))
  for x = 1, #same do
    local e = same[x]
    if e.key == nil then e.key = lower(normalize_space(e.text)) end
    if e.key == key then return true end
  end
  same[#same + 1] = { text = clean, key = key }
  return false
end

-- The candidate sentences: text, offsets and word count, their terms added in order to
-- the docvec builder `d` (with `keep`, also `tok`, the term ids in order); empty and
-- repeated ones dropped.
local function candidates(doc, term, d, keep)
  local text = is_str(doc.text) and doc.text or ""
  local out, seen, cursor = {}, {}, 1
  for _, s in ipairs(type(doc.sentences) == "table" and doc.sentences or {}) do
    local stext, a, b
    if is_str(s) then
      stext = s
    elseif type(s) == "table" then
      a, b = s.start, s["end"]
      if math.type(a) ~= "integer" or math.type(b) ~= "integer" then a, b = nil, nil end
      stext = is_str(s.text) and s.text or (a and text:sub(a, b)) or nil
    end
    if stext then
      if not a then                                  -- locate a bare sentence in the text
        local t = trim(stext)
        if t ~= "" then
          local x, y = find(text, t, cursor, true)
          if x then a, b = x, y end
        end
      end
      if a then cursor = b + 1 end
      local clean = trim(stext)
      if a and clean ~= "" and clean ~= text:sub(a, b) then  -- offsets of the trimmed text
        local x, y = find(text:sub(a, b), clean, 1, true)
        if x then a, b = a + x - 1, a + y - 1 end
      end
      local ws = words_of(clean)
      local nw = #ws
      if nw > 0 then
        if not repeated(seen, clean, ws, nw) then
          local _, tok = docvec.add(d, ws, term, keep)
          out[#out + 1] = { text = clean, start = a, ["end"] = b, nwords = nw, tok = tok }
        end
      end
    end
  end
  return out
end

local function mark_quotes(doc, cands, min_words, stop)
  local spans = {}
  if type(doc.quotes) == "table" then
    for _, q in ipairs(doc.quotes) do
      if type(q) == "table" and q.type ~= "indirect"
        and math.type(q.start) == "integer" and math.type(q["end"]) == "integer" then
        spans[#spans + 1] = q
      end
    end
  end
  local use_spans = type(doc.quotes) == "table"
  for _, c in ipairs(cands) do
    local q = false
    if use_spans then
      if c.start then
        for _, sp in ipairs(spans) do
          if sp.start <= c["end"] and sp["end"] >= c.start then q = true; break end
        end
      end
    else
      q = has_quote_marks(c.text, min_words, stop)
    end
    c.quote = q
  end
end

-- The term lists of the candidates (strings), for the methods built on docpipe.summary.rank.
local function term_lists(cands, names)
  local lists = {}
  for i, c in ipairs(cands) do
    local tok, terms = c.tok, {}
    for k = 1, #tok do terms[k] = names[tok[k]] end
    lists[i] = terms
  end
  return lists
end

-- The distinct content terms of a text as a set of document term ids (terms absent from
-- the document's sentences cannot match and get no id) and the number of distinct terms.
local function id_set(text, term, d)
  local ids = d.ids
  local set, seen, n = {}, {}, 0
  local ws = words_of(text)
  for k = 1, #ws do
    local t = term[ws[k]]
    if t and not seen[t] then
      seen[t] = true; n = n + 1
      local id = ids[t]
      if id then set[id] = true end
    end
  end
  return set, n
end

-- Share of the terms of a reference (an id set with its size) found in a sentence, given
-- by its distinct ids.
local function overlap(sid, ref_set, ref_n)
  if ref_n == 0 then return 0 end
  local hit = 0
  for k = 1, #sid do
    if ref_set[sid[k]] then hit = hit + 1 end
  end
  return hit / ref_n
end

local SCORERS = {}

function SCORERS.lead(cands)
  local s = {}
  for i = 1, #cands do s[i] = -i end
  return s
end

function SCORERS.textrank(cands, w, run)
  return rank.pagerank(rank.textrank_matrix(term_lists(cands, run.d.names)), w.textrank_damping or 0.85)
end

function SCORERS.lexrank(cands, w, run)
  local lists, all = term_lists(cands, run.d.names), {}
  for _, terms in ipairs(lists) do
    for _, t in ipairs(terms) do all[#all + 1] = t end
  end
  local idf = rank.idf(lists)
  local vecs, norms = {}, {}
  for i, terms in ipairs(lists) do vecs[i], norms[i] = rank.vector(terms, idf) end
  return rank.pagerank(rank.cosine_matrix(vecs, norms, w.lexrank_threshold or 0.1), w.lexrank_damping or 0.85)
end

function SCORERS.default(cands, w, run, doc, term)
  local n = #cands
  local v = docvec.finish(run.d)
  run.vec = v
  -- centrality, and directed centrality (Zheng & Lapata 2019, PACSUM): similarity to the
  -- sentences after s and to those before it; each divided by its highest value
  local wfwd, wbwd = w.forward or 0, w.backward or 0
  local directed = wfwd ~= 0 or wbwd ~= 0
  local cent, fwd, bwd = docvec.centrality(v, directed)
  local cmax, fmax, bmax = 0, 0, 0
  for i = 1, n do
    if cent[i] > cmax then cmax = cent[i] end
  end
  if directed then
    for i = 1, n do
      if fwd[i] > fmax then fmax = fwd[i] end
      if bwd[i] > bmax then bmax = bwd[i] end
    end
  end
  local tset, tn = {}, 0
  if is_str(doc.title) then tset, tn = id_set(doc.title, term, run.d) end
  local hsets = {}
  if type(doc.highlights) == "table" then
    for _, h in ipairs(doc.highlights) do
      if is_str(h) then
        local set, hn = id_set(h, term, run.d)
        if hn > 0 then hsets[#hsets + 1] = { set, hn } end
      end
    end
  end
  local scale = w.position_scale or 3
  if scale <= 0 then scale = 1e-9 end
  local short = w.short_words or 0
  local wpos, wcent, wtitle, whigh = w.position or 0, w.centrality or 0, w.title or 0, w.highlights or 0
  local wlen, wquote = w.length or 0, w.quote or 0
  local sids, nh = v.ids, #hsets
  local s = {}
  for i = 1, n do
    local c, sid = cands[i], sids[i]
    local h = 0
    for x = 1, nh do
      local hs = hsets[x]
      local o = overlap(sid, hs[1], hs[2])
      if o > h then h = o end
    end
    s[i] = wpos * exp(-(i - 1) / scale)
      + wcent * (cmax > 0 and cent[i] / cmax or 0)
      + wfwd * (fmax > 0 and fwd[i] / fmax or 0)
      + wbwd * (bmax > 0 and bwd[i] / bmax or 0)
      + wtitle * overlap(sid, tset, tn)
      + whigh * h
      + wlen * (c.nwords < short and 1 or 0)
      + wquote * (c.quote and 1 or 0)
  end
  return s
end

-- Pick sentences: groups in order (quote preference), best score first within a group,
-- with MMR redundancy when run.mmr is set; respects the count and word limits. Under MMR
-- a sentence's value is lambda * relevance - (1 - lambda) * redundancy, the redundancy
-- being its highest cosine to a sentence already picked. The redundancy only lowers the
-- value (when lambda <= 1), so it is brought up to date only for sentences whose first
-- term could still beat the best value of the round: most cosines are never computed.
local function pick(cands, scores, opts, w, run)
  local want, budget = opts.sentences, opts.words
  if want <= 0 then want = huge end
  local n = #cands
  local lambda = run.mmr and (w.mmr_lambda or 0.7) or nil
  local smin, smax = huge, -huge
  for i = 1, n do
    if scores[i] < smin then smin = scores[i] end
    if scores[i] > smax then smax = scores[i] end
  end
  local range = smax - smin

  local groups
  if opts.quotes == "allow" then
    groups = { {} }
    for i = 1, n do groups[1][i] = i end
  else
    local first_quote = opts.quotes == "prefer"
    groups = { {}, {} }
    for i, c in ipairs(cands) do
      local g = (c.quote == first_quote) and 1 or 2
      groups[g][#groups[g] + 1] = i
    end
  end

  -- MMR state: value = lambda * relevance; red[i] = highest cosine to the first done[i]
  -- picks; jws/jns = the picks' weight tables and norms
  local value, red, done, jws, jns, prune = scores, nil, nil, nil, nil, false
  local v, cosine_to, keep = run.vec, docvec.cosine_to, 0
  if lambda then
    value, red, done, jws, jns, prune = {}, {}, {}, {}, {}, lambda <= 1
    keep = 1 - lambda
    for i = 1, n do
      value[i] = lambda * (range > 0 and (scores[i] - smin) / range or 1)
      red[i], done[i] = 0, 0
    end
  end

  local picked, used = {}, 0
  for _, group in ipairs(groups) do
    local pool = {}
    for _, i in ipairs(group) do
      if budget <= 0 or cands[i].nwords <= budget then pool[#pool + 1] = i end
    end
    while #picked < want and #pool > 0 do
      local best, best_v, best_k
      local np = #picked
      for k = 1, #pool do
        local i = pool[k]
        local x = value[i]
        if lambda then
          if prune and best and x < best_v then
            x = nil                                  -- cannot beat the best
          else
            local r = red[i]
            for m = done[i] + 1, np do
              local c = cosine_to(v, i, jws[m], jns[m])
              if c > r then r = c end
            end
            red[i], done[i] = r, np
            x = x - keep * r
          end
        end
        if x and (best == nil or x > best_v or (x == best_v and i < best)) then
          best, best_v, best_k = i, x, k
        end
      end
      table.remove(pool, best_k)
      if budget <= 0 or used + cands[best].nwords <= budget then
        picked[#picked + 1] = best
        used = used + cands[best].nwords
        if lambda and #picked < want then
          jws[#picked], jns[#picked] = docvec.weights(v, best), v.norm[best]
        end
      end
    end
    if #picked >= want then break end
  end
  sort(picked)
  return picked
end

local M = {
  name = "summary",
  doc = "Extractive summary: the best sentences in document order (lead, textrank, lexrank or default).",
}

M.options = {
  sentences = { type = "integer", default = 3, doc = "how many sentences at most (0: no limit, then `words` must be set)" },
  words = { type = "integer", default = 0, doc = "word budget for the whole summary (0: off); sentences that do not fit are skipped" },
  method = { type = "string", default = "default", doc = "lead | textrank | lexrank | default" },
  quotes = { type = "string", default = "allow", doc = "allow | prefer | avoid sentences holding direct quotes" },
  weights = { type = "map", default = {}, doc = "overrides of data/en/summary_weights.txt (name -> number)" },
  stopwords = { type = "list", default = {}, doc = "extra stopwords, added to data/en/stopwords.txt" },
  stemmer = { type = "string", default = "english", doc = "docpipe.stem algorithm for terms (english = Snowball Porter2; porter, porter_nltk, ...; none)" },
}

-- stage -----------------------------------------------------------------------------------

function M.init(opts, ctx)
  opts = opts or {}
  for k, spec in pairs(M.options) do
    if opts[k] == nil then opts[k] = spec.default end
  end
  if not METHODS[opts.method] then
    error(("summary: unknown method %q (lead, textrank, lexrank, default)"):format(tostring(opts.method)), 0)
  end
  if not QUOTES[opts.quotes] then
    error(("summary: unknown quotes %q (allow, prefer, avoid)"):format(tostring(opts.quotes)), 0)
  end
  if opts.sentences < 0 or opts.words < 0 then
    error(("summary: %s must be 0 (no limit) or more, got %d"):format(
      opts.sentences < 0 and "sentences" or "words",
      opts.sentences < 0 and opts.sentences or opts.words), 0)
  end
  if opts.sentences == 0 and opts.words == 0 then
    error("summary: sentences and words cannot both be 0 (no limit)", 0)
  end
  ctx.opts = opts
  ctx.state = ctx.state or {}
  ctx.state.weights = load_weights(opts.weights)
  ctx.state.stop = load_stopwords(opts.stopwords)
  ctx.state.term = make_term(ctx.state.stop, make_stem(opts.stemmer))
end

function M.process(doc, ctx)
  if not (ctx.state and ctx.state.weights) then M.init(ctx.opts, ctx) end
  local opts, st = ctx.opts, ctx.state
  local d = docvec.new()
  local cands = candidates(doc, st.term, d, opts.method ~= "default")
  if type(doc.sentences) ~= "table" and ctx.warn then
    ctx.warn(doc, "summary: no doc.sentences (run the sentences stage first); summary left empty")
  end
  mark_quotes(doc, cands, st.weights.quote_min_words or 3, st.stop)
  local run = { mmr = opts.method == "default", d = d }
  local scores = #cands > 0 and SCORERS[opts.method](cands, st.weights, run, doc, st.term) or {}
  local picked = pick(cands, scores, opts, st.weights, run)

  local summary, spans = dp.array({}), dp.array({})
  for _, i in ipairs(picked) do
    local c = cands[i]
    summary[#summary + 1] = c.text
    spans[#spans + 1] = c.start and dp.object({ start = c.start, ["end"] = c["end"] })
      or dp.object({ start = dp.null, ["end"] = dp.null })
  end
  doc.summary = summary
  if type(doc.meta) ~= "table" then doc.meta = dp.object({}) end
  doc.meta.summary = dp.object({ sentences = spans, method = opts.method })
  return doc
end

return M
