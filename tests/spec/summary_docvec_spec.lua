-- Specs of docpipe.summary.docvec (scripts/summary/docvec.lua): term-id vectors of one
-- document's sentences, checked against the string-keyed reference in
-- docpipe.summary.rank. Sentences are lists of words, written for the test.

local docvec = require "docpipe.summary.docvec"
local rank = require "docpipe.summary.rank"

-- Words are their own terms except the stopwords below (false).
local TERM = setmetatable({ the = false, a = false, of = false },
  { __index = function(_, w) return w end })

local SENTS = {
  { "park", "amnesty", "the", "prison" },
  { "amnesty", "north", "korea", "korea", "a" },
  { "the", "of" },
  { "prison", "camp", "park", "park" },
  { "weather" },
  { "korea", "park", "amnesty", "camp", "of" },
}

local function build()
  local d = docvec.new()
  for _, ws in ipairs(SENTS) do docvec.add(d, ws, TERM) end
  return docvec.finish(d), d
end

-- The reference: rank's string-keyed vectors of the same term lists.
local function reference()
  local lists, all = {}, {}
  for i, ws in ipairs(SENTS) do
    lists[i] = {}
    for _, w in ipairs(ws) do
      if TERM[w] then lists[i][#lists[i] + 1] = w; all[#all + 1] = w end
    end
  end
  local idf = rank.idf(lists)
  local vecs, norms = {}, {}
  for i, t in ipairs(lists) do vecs[i], norms[i] = rank.vector(t, idf) end
  local dvec, dnorm = rank.vector(all, idf)
  return vecs, norms, dvec, dnorm
end

local function near(a, b) return math.abs(a - b) < 1e-12 end

describe("summary.docvec", function()
  it("numbers terms in order of first appearance and counts them per sentence", function()
    local v, d = build()
    assert.are.same({ "park", "amnesty", "prison", "north", "korea", "camp", "weather" }, d.names)
    assert.are.same({ 2, 4, 5 }, v.ids[2])
    assert.are.same({}, v.ids[3])
    assert.are.equal(0, v.norm[3])
  end)

  it("keeps each sentence's term ids in order, repeats included, when asked", function()
    local d = docvec.new()
    local i, tok = docvec.add(d, SENTS[2], TERM, true)
    assert.are.equal(1, i)
    assert.are.same({ 1, 2, 3, 3 }, tok)
    assert.is_nil(select(2, docvec.add(d, SENTS[1], TERM)))
  end)

  it("gives the TF-IDF weights and norms of rank.vector", function()
    local v, d = build()
    local vecs, norms = reference()
    for i = 1, #SENTS do
      assert.is_true(near(norms[i], v.norm[i]), "norm " .. i)
      for k, id in ipairs(v.ids[i]) do
        assert.is_true(near(vecs[i][d.names[id]], v.w[i][k]), "weight " .. i)
      end
    end
  end)

  it("gives the cosine to the document and the pairwise cosine sums to later and earlier sentences", function()
    local v = build()
    local vecs, norms, dvec, dnorm = reference()
    for _, directed in ipairs({ true, false }) do
      local cent, fwd, bwd = docvec.centrality(v, directed)
      for i = 1, #SENTS do
        assert.is_true(near(rank.cosine(vecs[i], norms[i], dvec, dnorm), cent[i]), "cent " .. i)
        if directed then
          local f, b = 0, 0
          for j = 1, #SENTS do
            local c = rank.cosine(vecs[i], norms[i], vecs[j], norms[j])
            if j > i then f = f + c elseif j < i then b = b + c end
          end
          assert.is_true(near(f, fwd[i]), "fwd " .. i)
          assert.is_true(near(b, bwd[i]), "bwd " .. i)
        else
          assert.is_nil(fwd[i])
        end
      end
      assert.are.equal(0, cent[3])
    end
    local _, fwd, bwd = docvec.centrality(v, true)
    assert.are.equal(0, fwd[3])
    assert.are.equal(0, bwd[5])
    assert.is_true(fwd[1] > 0.5)
  end)

  it("gives the cosine between two sentences of rank.cosine", function()
    local v = build()
    local vecs, norms = reference()
    for i = 1, #SENTS do
      for j = 1, #SENTS do
        local c = docvec.cosine_to(v, i, docvec.weights(v, j), v.norm[j])
        assert.is_true(near(rank.cosine(vecs[i], norms[i], vecs[j], norms[j]), c), i .. "," .. j)
      end
    end
  end)
end)
