--- docpipe.summary.docvec: one document's sentences as TF-IDF vectors over term ids.
--
-- The Lua reference of docpipe.docvec (src/lua_docvec.c, src/dp_tfidf.c), which the summary
-- stage runs: the C code takes the same sums in the same order, and
-- tests/spec/summary_cdocvec_spec.lua checks that both agree to the last bit. The terms of a document are
-- numbered 1..V in order of first appearance as sentences are added (`M.add`, one pass
-- over the words, counting terms and document frequencies as it goes). `M.finish` makes,
-- per sentence, a sparse vector as parallel arrays (distinct ids in first-appearance
-- order, their TF-IDF weights) with its Euclidean norm, and the whole document's vector as
-- a dense array indexed by id. Weights are those of docpipe.summary.rank (term count
-- times in-document idf = log(1 + N / df), N sentences, df sentences holding the term), so
-- the cosines equal rank.cosine's up to floating-point rounding (sums are taken in another
-- order).
-- Array indexing instead of string-keyed tables, one pass over the tokens for counts and
-- document frequencies, and norms computed once make it several times cheaper.
--
-- Units: sentences and terms are addressed by 1-based indices; no offsets.

local log, sqrt = math.log, math.sqrt

local M = {}

--- A new, empty document: sentences are added with M.add, then M.finish builds vectors.
-- @treturn table the builder
function M.new()
  return { n = 0, nv = 0, ids = {}, names = {}, df = {}, total = {}, pos = {}, g = 0,
           sids = {}, cnts = {} }
end

--- Add a sentence given as words and a word -> term (or false) table, interning new terms.
-- Records the sentence's distinct term ids in first-appearance order with their counts,
-- and the document frequency and total count of each id. With `keep`, also returns the
-- ids of all its terms in order (repeats included).
-- @tparam table d from M.new
-- @tparam {string} words
-- @tparam table term word -> content term or false (a memo table)
-- @tparam[opt] boolean keep
-- @treturn integer the sentence's index
-- @treturn[opt] {integer} its term ids in order, when `keep`
function M.add(d, words, term, keep)
  local ids, names, df, total, pos = d.ids, d.names, d.df, d.total, d.pos
  local nv, base, g = d.nv, d.g, d.g
  local sid, cnt, tok, nt = {}, {}, keep and {} or nil, 0
  for x = 1, #words do
    local t = term[words[x]]
    if t then
      local id = ids[t]
      if not id then
        nv = nv + 1; id = nv
        ids[t], names[id], df[id], total[id], pos[id] = id, t, 0, 0, 0
      end
      total[id] = total[id] + 1
      local p = pos[id]
      if p > base then
        p = p - base
        cnt[p] = cnt[p] + 1
      else
        g = g + 1
        pos[id] = g
        sid[g - base], cnt[g - base] = id, 1
        df[id] = df[id] + 1
      end
      if tok then nt = nt + 1; tok[nt] = id end
    end
  end
  local n = d.n + 1
  d.n, d.nv, d.g = n, nv, g
  d.sids[n], d.cnts[n] = sid, cnt
  return n, tok
end

--- Sentence vectors and the document vector, from the sentences added.
-- @tparam table d from M.new
-- @treturn table { ids = {{integer}}, w = {{number}}, norm = {number}, dw = {number},
--   dnorm = number, nv = integer }: per sentence the distinct ids, their weights and the
--   norm; the document's weight per id and norm; the number of ids.
function M.finish(d)
  local n, nv, df, total = d.n, d.nv, d.df, d.total
  local sids, ws = d.sids, d.cnts
  local idf = {}
  for id = 1, nv do idf[id] = log(1 + n / df[id]) end
  local norms = {}
  for i = 1, n do
    local sid, w, norm = sids[i], ws[i], 0
    for k = 1, #sid do
      local x = w[k] * idf[sid[k]]
      w[k] = x
      norm = norm + x * x
    end
    norms[i] = sqrt(norm)
  end
  local dw, dnorm = {}, 0
  for id = 1, nv do
    local x = total[id] * idf[id]
    dw[id] = x
    dnorm = dnorm + x * x
  end
  return { ids = sids, w = ws, norm = norms, dw = dw, dnorm = sqrt(dnorm), nv = nv }
end

--- Centrality of each sentence: its cosine to the document vector (0 when either norm is
-- 0), and with `directed` the directed centrality sums (PACSUM, Zheng & Lapata 2019):
-- fwd[i] = sum over j > i of cosine(i, j), bwd[i] = sum over j < i of cosine(j, i), in
-- one pass each way with a running sum of unit weights per term (the backward pass shares
-- its loop with the cosine to the document).
-- @tparam table v from M.finish
-- @tparam boolean directed
-- @treturn {number} cent
-- @treturn {number} fwd (empty without `directed`)
-- @treturn {number} bwd (empty without `directed`)
function M.centrality(v, directed)
  local ids, ws, norms, nv, dw, dn = v.ids, v.w, v.norm, v.nv, v.dw, v.dnorm
  local n = #ids
  local cent, fwd, bwd, acc = {}, {}, {}, {}
  if not directed then
    for i = 1, n do
      local na = norms[i]
      if na == 0 or dn == 0 then
        cent[i] = 0
      else
        local sid, w, dot = ids[i], ws[i], 0
        for k = 1, #sid do dot = dot + w[k] * dw[sid[k]] end
        cent[i] = dot / (na * dn)
      end
    end
    return cent, fwd, bwd
  end
  for id = 1, nv do acc[id] = 0 end
  for i = 1, n do
    local s, norm = 0, norms[i]
    if norm > 0 then
      local sid, w, dot = ids[i], ws[i], 0
      for k = 1, #sid do
        local id, x = sid[k], w[k]
        dot = dot + x * dw[id]
        local u = x / norm
        s = s + u * acc[id]
        acc[id] = acc[id] + u
      end
      cent[i] = dn == 0 and 0 or dot / (norm * dn)
    else
      cent[i] = 0
    end
    bwd[i] = s
  end
  for id = 1, nv do acc[id] = 0 end
  for i = n, 1, -1 do
    local s, norm = 0, norms[i]
    if norm > 0 then
      local sid, w = ids[i], ws[i]
      for k = 1, #sid do
        local id, u = sid[k], w[k] / norm
        s = s + u * acc[id]
        acc[id] = acc[id] + u
      end
    end
    fwd[i] = s
  end
  return cent, fwd, bwd
end

--- Cosine of sentence i to sentence j, given j as a table id -> weight (M.weights).
function M.cosine_to(v, i, jw, nj)
  local na = v.norm[i]
  if na == 0 or nj == 0 then return 0 end
  local sid, w, dot = v.ids[i], v.w[i], 0
  for k = 1, #sid do
    local x = jw[sid[k]]
    if x then dot = dot + w[k] * x end
  end
  return dot / (na * nj)
end

--- Sentence j's vector as a table id -> weight, for M.cosine_to.
function M.weights(v, j)
  local t, sid, w = {}, v.ids[j], v.w[j]
  for k = 1, #sid do t[sid[k]] = w[k] end
  return t
end

return M
