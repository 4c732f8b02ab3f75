--- docpipe.summary.rank: sentence vectors, similarities and graph ranking for the summary stage.
--
-- Sentences come in as lists of terms (stemmed, lowercased content words). This module
-- builds TF-IDF vectors with the inverse document frequency taken over the document's own
-- sentences (idf = log(1 + N / df), N sentences, df sentences holding the term), compares
-- them by cosine, and ranks sentences on a similarity graph with weighted PageRank
-- (power iteration), as in TextRank (Mihalcea & Tarau 2004, "TextRank: Bringing Order
-- into Texts": overlap similarity |Si ∩ Sj| / (log |Si| + log |Sj|)) and continuous LexRank
-- (Erkan & Radev 2004, "LexRank: Graph-based Lexical Centrality as Salience in Text
-- Summarization": idf-modified cosine, edges under a threshold dropped). The default
-- method's vectors, centrality and directed sums are in docpipe.docvec (C, term ids; its
-- Lua reference is docpipe.summary.docvec), whose results equal these up to floating-point
-- rounding.
--
-- Units: sentences are addressed by their 1-based index in the lists passed in; no offsets.

local log, sqrt, abs = math.log, math.sqrt, math.abs

local M = {}

--- Term frequencies of a list of terms.
-- @tparam {string} terms
-- @treturn table term -> count
function M.counts(terms)
  local tf = {}
  for _, t in ipairs(terms) do tf[t] = (tf[t] or 0) + 1 end
  return tf
end

--- In-document inverse document frequencies.
-- @tparam {{string}} term_lists one list of terms per sentence
-- @treturn table term -> idf
function M.idf(term_lists)
  local df, n = {}, #term_lists
  for _, terms in ipairs(term_lists) do
    local seen = {}
    for _, t in ipairs(terms) do
      if not seen[t] then seen[t] = true; df[t] = (df[t] or 0) + 1 end
    end
  end
  local idf = {}
  for t, d in pairs(df) do idf[t] = log(1 + n / d) end
  return idf
end

--- TF-IDF vector of a term list and its Euclidean norm.
-- Terms missing from idf get the weight of a term seen in one sentence (`default_idf`).
-- @treturn table term -> weight
-- @treturn number norm
function M.vector(terms, idf, default_idf)
  local v, norm = {}, 0
  for t, c in pairs(M.counts(terms)) do
    local w = c * (idf[t] or default_idf or 1)
    v[t] = w
    norm = norm + w * w
  end
  return v, sqrt(norm)
end

--- Cosine of two vectors given with their norms (0 when either is empty).
function M.cosine(a, na, b, nb)
  if na == 0 or nb == 0 then return 0 end
  local dot = 0
  for t, w in pairs(a) do
    local x = b[t]
    if x then dot = dot + w * x end
  end
  return dot / (na * nb)
end

--- Weighted PageRank over a weight matrix.
-- @tparam {{number}} W W[j][i] >= 0 is the weight of the edge j -> i (W[i][i] ignored)
-- @tparam number d damping factor (probability of following an edge), e.g. 0.85
-- @treturn {number} scores summing to 1
function M.pagerank(W, d, max_iter, tol)
  local n = #W
  if n == 0 then return {} end
  max_iter, tol = max_iter or 100, tol or 1e-7
  -- incoming edges of each node as parallel lists (source, share of the source's weight)
  local out = {}
  for j = 1, n do
    local s = 0
    for i = 1, n do
      local w = W[j][i]
      if i ~= j and w and w > 0 then s = s + w end
    end
    out[j] = s
  end
  local src, share = {}, {}
  for i = 1, n do src[i], share[i] = {}, {} end
  for j = 1, n do
    if out[j] > 0 then
      for i = 1, n do
        local w = W[j][i]
        if i ~= j and w and w > 0 then
          local k = #src[i] + 1
          src[i][k], share[i][k] = j, w / out[j]
        end
      end
    end
  end
  local p = {}
  for i = 1, n do p[i] = 1 / n end
  for _ = 1, max_iter do
    local dangling = 0
    for j = 1, n do if out[j] == 0 then dangling = dangling + p[j] end end
    local q, delta = {}, 0
    for i = 1, n do
      local s, si, sh = 0, src[i], share[i]
      for k = 1, #si do s = s + sh[k] * p[si[k]] end
      q[i] = (1 - d) / n + d * (s + dangling / n)
      delta = delta + abs(q[i] - p[i])
    end
    p = q
    if delta < tol then break end
  end
  return p
end

--- TextRank similarity matrix from term lists (content overlap normalised by length).
function M.textrank_matrix(term_lists)
  local n, sets, sizes = #term_lists, {}, {}
  for i, terms in ipairs(term_lists) do
    local set, k = {}, 0
    for _, t in ipairs(terms) do if not set[t] then set[t] = true; k = k + 1 end end
    sets[i], sizes[i] = set, #terms
  end
  local W = {}
  for i = 1, n do W[i] = {} end
  for i = 1, n do
    for j = i + 1, n do
      local common = 0
      for t in pairs(sets[i]) do if sets[j][t] then common = common + 1 end end
      local w = 0
      if common > 0 then
        local den = log(sizes[i]) + log(sizes[j])
        w = den > 0 and common / den or common
      end
      W[i][j], W[j][i] = w, w
    end
  end
  return W
end

--- Cosine similarity matrix of TF-IDF vectors; entries below `threshold` become 0.
function M.cosine_matrix(vecs, norms, threshold)
  local n, W = #vecs, {}
  threshold = threshold or 0
  for i = 1, n do W[i] = {} end
  for i = 1, n do
    for j = i + 1, n do
      local c = M.cosine(vecs[i], norms[i], vecs[j], norms[j])
      if c < threshold then c = 0 end
      W[i][j], W[j][i] = c, c
    end
  end
  return W
end

return M
