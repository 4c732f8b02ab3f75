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
-- "porter_nltk"; "none" keeps words as they are), computed once per distinct word for the
-- stage instance (the memo of docpipe.docvec, in C), by the rule of docpipe.docvec.rule
-- (src/dp_terms.h states it: no Lua call, table or string per new word; the stopwords
-- and the stemmer are this stage's data and option; tests/spec/summary_cdocvec_spec.lua
-- holds it equal to the rule written in Lua, word by word and as a list term function).
-- Weights and constants live in data/en/summary_weights.txt (documented there) and are
-- overridden by the option `weights`.
-- Cost: the sentences stage's unread list is read through its spans (dv:sentences, in C)
-- instead of being built as tables and strings; words are tokenised, turned into terms and numbered per document in C by
-- docpipe.docvec (src/lua_docvec.c), which also holds the sentence vectors and computes
-- the weights, centrality and cosines (dp_tfidf.c, the same sums in the same order as the
-- Lua reference docpipe.summary.docvec); the MMR redundancy is computed only for sentences that could
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

local exp, huge = math.exp, math.huge
local lower, find, sort = string.lower, string.find, table.sort
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
-- the memo is docpipe.docvec's.
local function make_stem(algorithm)
  if algorithm == "none" then return false end
  local ok, st = pcall(dp.stem.new, algorithm)
  if not ok then error(("summary: %s"):format(tostring(st)), 0) end
  return st
end

local OPEN = { ["“"] = true, ["„"] = true, ["«"] = true }
local CLOSE = { ["”"] = true, ["»"] = true }

-- A quoted stretch reads as speech when it has at least `min_words` words and is not in
-- title case (every word capitalised or a stopword: "Day of the Sun" is a name).
-- The first byte is tested as a number (%u and %d are A-Z and 0-9 in the C locale), and a
-- word found as it is in `stop` is a stopword with no lower() call (the keys are lowercase).
local function speechlike(inner, min_words, stop)
  local ws = words_of(inner)
  if #ws < min_words then return false end
  for _, w in ipairs(ws) do
    local b = byte(w)
    if not ((b >= 65 and b <= 90) or (b >= 48 and b <= 57)) and not stop[w]
      and not stop[lower(w)] then
      return true
    end
  end
  return false
end

-- The kind of the quotation mark at byte p of text, where a '"', "\226" or "\194" byte is:
-- '"', "open", "close" or nil, for the character made of that byte and the UTF-8
-- continuation bytes after it (the pattern "[\"\226\194][\128-\191]*" there).
local function mark_kind(text, p)
  local b0, b1, b2, b3 = byte(text, p, p + 3)
  local n = 1                                        -- bytes in the character
  if b1 and b1 >= 128 and b1 <= 191 then
    n = 2
    if b2 and b2 >= 128 and b2 <= 191 then
      n = 3
      if b3 and b3 >= 128 and b3 <= 191 then return nil end  -- 4 bytes or more: no mark
    end
  end
  if n == 1 then return b0 == 34 and '"' or nil end
  local ch = sub(text, p, p + n - 1)
  return (OPEN[ch] and "open") or (CLOSE[ch] and "close") or nil
end

-- Heuristic: a speech-like quoted stretch, or an unpaired double quotation mark.
-- The marks are taken in order as they are found, the next byte of each of the three kinds
-- by a plain find (memchr): a pattern tried at every byte (gmatch) cost ~300 instructions
-- a byte, most of this function's time.
local function has_quote_marks(text, min_words, stop)
  local q, e, c = find(text, '"', 1, true), find(text, "\226", 1, true), find(text, "\194", 1, true)
  if not (q or e or c) then
    return false                                     -- no quotation mark
  end
  local open_at = nil
  while q or e or c do
    local p = q                                      -- the first of the three
    if e and (not p or e < p) then p = e end
    if c and (not p or c < p) then p = c end
    local kind = mark_kind(text, p)
    -- the continuation bytes after p hold none of the three bytes: look on from p + 1
    if p == q then q = find(text, '"', p + 1, true)
    elseif p == e then e = find(text, "\226", p + 1, true)
    else c = find(text, "\194", p + 1, true) end
    if kind then
      if open_at == nil then
        if kind == "close" then return true end     -- closes a quote opened earlier
        open_at = p
      else
        if kind == "open" then return true end      -- opened twice: runs over sentences
        if speechlike(sub(text, open_at, p), min_words, stop) then return true end
        open_at = nil
      end
    end
  end
  return open_at ~= nil                             -- opened and not closed here
end

-- True when a sentence repeats one seen before: the same text up to ASCII case and white
-- space (lower(normalize_space(text)), its key). Sentences with equal keys have the same
-- number of words and the same last word up to ASCII case, hence of the same byte length
-- (white space only separates words), so the key is computed only when an earlier
-- sentence shares these two numbers, its shape; `seen` maps shape (one integer: no table
-- per word count and no lowercased copy of each last word) -> the first such text (a
-- string) or, once a second one comes, the set of their keys (a key looked up, not
-- compared with each: a text of thousands of lines of one shape, "Line N says
-- something.", stays linear). Shapes that overlap only cost a key computed in vain.
local function repeated(seen, clean, last_word, nw)
  local shape = (#last_word << 32) | nw
  local same = seen[shape]
  if not same then
    seen[shape] = clean
    return false
  end
  if type(same) == "string" then
    same = { [lower(normalize_space(same))] = true }
    seen[shape] = same
  end
  local key = lower(normalize_space(clean))
  if same[key] then return true end
  same[key] = true
  return false
end

-- The candidate sentences, each added in order to the docpipe.docvec `dv` (sentence i of
-- dv is candidate i); empty and repeated ones dropped. As parallel lists (one table per
-- field, not one per sentence: fewer tables to make and collect): { n = count, text =
-- {string}, from = {integer or nil}, to = {integer or nil} (offsets, nil when not found),
-- nwords = {integer}, quote = {boolean} (set by mark_quotes), dv = dv when the texts are
-- read from dv (text_of) }.
-- The sentences stage's unread list (det:sentences) is read by dv:sentences through its
-- spans, in C: the same candidates as the loop below over its built list, with no table
-- or string per sentence and no Lua step per sentence; `text`
-- is then filled only for the sentences read (text_of).
local function candidates(doc, dv)
  local text = is_str(doc.text) and doc.text or ""
  local sn, sfrom, sto, snwords = dv:sentences(doc.sentences, text)
  if sn then
    return { n = sn, text = {}, from = sfrom, to = sto, nwords = snwords, quote = {}, dv = dv }
  end
  local texts, from, to, nwords = {}, {}, {}, {}
  local out = { n = 0, text = texts, from = from, to = to, nwords = nwords, quote = {} }
  local seen, cursor, n = {}, 1, 0
  for _, s in ipairs(type(doc.sentences) == "table" and doc.sentences or {}) do
    local stext, a, b
    local ts = type(s)
    if ts == "string" then
      stext = s
    elseif ts == "table" then
      a, b = s.start, s["end"]
      if math.type(a) ~= "integer" or math.type(b) ~= "integer" then a, b = nil, nil end
      stext = s.text
      if type(stext) ~= "string" then stext = a and text:sub(a, b) or nil end
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
      if a and clean ~= "" and not (#clean == b - a + 1 and find(text, clean, a, true) == a) then
        -- offsets of the trimmed text (when it is not text:sub(a, b), tested without a copy)
        local x, y = find(text:sub(a, b), clean, 1, true)
        if x then a, b = a + x - 1, a + y - 1 end
      end
      local nw, last = dv:scan(clean)
      if nw > 0 then
        if not repeated(seen, clean, last, nw) then
          dv:commit()
          n = n + 1
          texts[n], from[n], to[n], nwords[n] = clean, a, b, nw
        end
      end
    end
  end
  out.n = n
  return out
end

-- The text of candidate i (fetched from dv:sentences' spans the first time).
local function text_of(cands, i)
  local s = cands.text[i]
  if not s then
    s = cands.dv:text(i)
    cands.text[i] = s
  end
  return s
end

-- A sentence holds a quote when its range meets a direct or mixed span of doc.quotes
-- (docpipe.docvec.meets: one C call over all sentences, dp_ranges.c; a Lua binary search
-- per sentence cost more than the rest of this function); without doc.quotes, by its marks.
local function mark_quotes(doc, cands, min_words, stop)
  if type(doc.quotes) == "table" then
    local starts, ends, k = {}, {}, 0
    for _, q in ipairs(doc.quotes) do
      if type(q) == "table" and q.type ~= "indirect"
        and math.type(q.start) == "integer" and math.type(q["end"]) == "integer" then
        k = k + 1
        starts[k], ends[k] = q.start, q["end"]
      end
    end
    cands.quote = dp.docvec.meets(cands.from, cands.to, cands.n, starts, ends)
    return
  end
  local quote = cands.quote
  for i = 1, cands.n do
    quote[i] = has_quote_marks(text_of(cands, i), min_words, stop)
  end
end

-- The term lists of the candidates (strings), for the methods built on docpipe.summary.rank.
local function term_lists(cands, dv)
  local lists = {}
  for i = 1, cands.n do lists[i] = dv:terms(i) end
  return lists
end

local SCORERS = {}

function SCORERS.lead(cands)
  local s = {}
  for i = 1, cands.n do s[i] = -i end
  return s
end

function SCORERS.textrank(cands, w, run)
  return rank.pagerank(rank.textrank_matrix(term_lists(cands, run.dv)), w.textrank_damping or 0.85)
end

function SCORERS.lexrank(cands, w, run)
  local lists, all = term_lists(cands, run.dv), {}
  for _, terms in ipairs(lists) do
    for _, t in ipairs(terms) do all[#all + 1] = t end
  end
  local idf = rank.idf(lists)
  local vecs, norms = {}, {}
  for i, terms in ipairs(lists) do vecs[i], norms[i] = rank.vector(terms, idf) end
  return rank.pagerank(rank.cosine_matrix(vecs, norms, w.lexrank_threshold or 0.1), w.lexrank_damping or 0.85)
end

function SCORERS.default(cands, w, run, doc)
  local n, dv = cands.n, run.dv
  dv:finish()
  -- centrality, and directed centrality (Zheng & Lapata 2019, PACSUM): similarity to the
  -- sentences after s and to those before it; each divided by its highest value
  local wfwd, wbwd = w.forward or 0, w.backward or 0
  local directed = wfwd ~= 0 or wbwd ~= 0
  local cent, fwd, bwd = dv:centrality(directed)
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
  if is_str(doc.title) then tset, tn = dv:id_set(doc.title) end
  local hsets = {}
  if type(doc.highlights) == "table" then
    for _, h in ipairs(doc.highlights) do
      if is_str(h) then
        local set, hn = dv:id_set(h)
        if hn > 0 then hsets[#hsets + 1] = { set, hn } end
      end
    end
  end
  local scale = w.position_scale or 3
  if scale <= 0 then scale = 1e-9 end
  local short = w.short_words or 0
  local wpos, wcent, wtitle, whigh = w.position or 0, w.centrality or 0, w.title or 0, w.highlights or 0
  local wlen, wquote = w.length or 0, w.quote or 0
  local nh = #hsets
  local nwords, quote = cands.nwords, cands.quote
  local s = {}
  for i = 1, n do
    local h = 0
    for x = 1, nh do
      local hs = hsets[x]
      local o = dv:overlap(i, hs[1], hs[2])
      if o > h then h = o end
    end
    s[i] = wpos * exp(-(i - 1) / scale)
      + wcent * (cmax > 0 and cent[i] / cmax or 0)
      + wfwd * (fmax > 0 and fwd[i] / fmax or 0)
      + wbwd * (bmax > 0 and bwd[i] / bmax or 0)
      + wtitle * (tn > 0 and dv:overlap(i, tset, tn) or 0)
      + whigh * h
      + wlen * (nwords[i] < short and 1 or 0)
      + wquote * (quote[i] and 1 or 0)
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
  local n, nwords = cands.n, cands.nwords
  local lambda = run.mmr and (w.mmr_lambda or 0.7) or nil
  local smin, smax = huge, -huge
  for i = 1, n do
    if scores[i] < smin then smin = scores[i] end
    if scores[i] > smax then smax = scores[i] end
  end
  local range = smax - smin

  -- the pool of each group: its sentences that fit in the word budget by themselves
  local pools = { {} }
  if opts.quotes == "allow" then
    local pool, k = pools[1], 0
    for i = 1, n do
      if budget <= 0 or nwords[i] <= budget then k = k + 1; pool[k] = i end
    end
  else
    local first_quote = opts.quotes == "prefer"
    pools[2] = {}
    local quote = cands.quote
    for i = 1, n do
      if budget <= 0 or nwords[i] <= budget then
        local pool = pools[(quote[i] == first_quote) and 1 or 2]
        pool[#pool + 1] = i
      end
    end
  end

  -- MMR state: value = lambda * relevance; red[i] = highest cosine to the first done[i]
  -- picks (dv:cosine)
  local value, red, done, prune = scores, nil, nil, false
  local dv, keep = run.dv, 0
  if lambda then
    value, red, done, prune = {}, {}, {}, lambda <= 1
    keep = 1 - lambda
    for i = 1, n do
      value[i] = lambda * (range > 0 and (scores[i] - smin) / range or 1)
      red[i], done[i] = 0, 0
    end
  end

  local picked, used = {}, 0
  for _, pool in ipairs(pools) do
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
              local c = dv:cosine(i, picked[m])
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
      if budget <= 0 or used + nwords[best] <= budget then
        picked[#picked + 1] = best
        used = used + nwords[best]
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
  sentences = { type = "integer", default = 3, min = 0, doc = "how many sentences at most (0: no limit, then `words` must be set)" },
  words = { type = "integer", default = 0, min = 0, doc = "word budget for the whole summary (0: off); sentences that do not fit are skipped" },
  method = { type = "string", default = "default", choices = { "lead", "textrank", "lexrank", "default" },
    doc = "how sentences are ranked: the first ones (lead), TextRank, LexRank or the default linear score" },
  quotes = { type = "string", default = "allow", choices = { "allow", "prefer", "avoid" },
    doc = "sentences holding direct quotes: no constraint (allow), taken first (prefer), or taken only when too few others remain (avoid)" },
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
  ctx.state.dv = dp.docvec.new(dp.docvec.rule(ctx.state.stop, make_stem(opts.stemmer)))
end

function M.process(doc, ctx)
  if not (ctx.state and ctx.state.weights) then M.init(ctx.opts, ctx) end
  local opts, st = ctx.opts, ctx.state
  local dv = st.dv
  dv:reset()
  local cands = candidates(doc, dv)
  if type(doc.sentences) ~= "table" and ctx.warn then
    ctx.warn(doc, "summary: no doc.sentences (run the sentences stage first); summary left empty")
  end
  mark_quotes(doc, cands, st.weights.quote_min_words or 3, st.stop)
  local run = { mmr = opts.method == "default", dv = dv }
  local scores = cands.n > 0 and SCORERS[opts.method](cands, st.weights, run, doc) or {}
  local picked = pick(cands, scores, opts, st.weights, run)

  local summary, spans = dp.array({}), dp.array({})
  local from, to = cands.from, cands.to
  for _, i in ipairs(picked) do
    summary[#summary + 1] = text_of(cands, i)
    spans[#spans + 1] = from[i] and dp.object({ start = from[i], ["end"] = to[i] })
      or dp.object({ start = dp.null, ["end"] = dp.null })
  end
  doc.summary = summary
  if type(doc.meta) ~= "table" then doc.meta = dp.object({}) end
  doc.meta.summary = dp.object({ sentences = spans, method = opts.method })
  return doc
end

return M
