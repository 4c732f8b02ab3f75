-- Specs of docpipe.docvec (src/lua_docvec.c, src/dp_tfidf.c), the C twin of
-- docpipe.summary.docvec that the summary stage uses: the same term numbering, weights,
-- norms, centrality and cosines to the last bit, the word -> term memo, the id sets and
-- overlaps of titles and highlights. Sentences are written for the test.

local dp = require "docpipe"
local docvec = require "docpipe.summary.docvec"

-- Words are their own terms, lowercased, except the stopwords below (false).
local STOP = { the = true, a = true, of = true, ["in"] = true }
local calls = 0
local function term(w)
  calls = calls + 1
  local x = w:lower()
  if STOP[x] then return false end
  return x
end

-- The summary stage's term rule (docpipe.docvec.rule, src/dp_terms.c) written in Lua, as
-- a list term function of docpipe.docvec (it was the stage's own before the rule moved to
-- C), in docpipe.docvec's list form (one call for the new words of a document): terms, at, terms[k] being the term of words[at[k]], the word
-- lowercased, curly apostrophes made straight, possessive 's removed, stemmed; stopwords
-- and one-letter tokens have none. docpipe.docvec asks once per distinct word and
-- remembers the answer. The words are lowercased and their apostrophes replaced in one
-- call each over the words joined by spaces (both act byte by byte, and a word of
-- docpipe.text.words holds no white space), then split again; the stems come from one
-- stemmer call.
local lower, concat, find, gsub, fields = string.lower, table.concat, string.find, string.gsub, dp.text.fields
local byte, sub = string.byte, string.sub
local function make_terms(stop, stemmer)
  return function(words)
    local all = lower(concat(words, " "))
    if find(all, "’", 1, true) then all = gsub(all, "’", "'") end
    local xs = fields(all)
    local bases, at, k = {}, {}, 0
    for i = 1, #xs do
      local x = xs[i]
      if #x > 1 and not stop[x] then
        local base = x
        if byte(x, -1) == 115 and byte(x, -2) == 39 then base = sub(x, 1, -3) end  -- 's
        if base == x or not stop[base] then
          k = k + 1
          bases[k], at[k] = base, i
        end
      end
    end
    return stemmer and stemmer:stems(bases) or bases, at
  end
end

local TEXTS = {
  "Park met Amnesty in the prison.",
  "Amnesty said North Korea, Korea, a nation",
  "The of",
  "Prison camp: Park, park!",
  "Weather",
  "Korea park Amnesty camp of",
}

-- Both builders over TEXTS.
local function build()
  local dv = dp.docvec.new(term)
  dv:reset()
  local d = docvec.new()
  local memo = setmetatable({}, { __index = function(m, w) local t = term(w); m[w] = t; return t end })
  for _, s in ipairs(TEXTS) do
    dv:scan(s)
    dv:commit()
    docvec.add(d, dp.text.words(s), memo)
  end
  dv:finish()
  return dv, docvec.finish(d), d
end

describe("docpipe.docvec", function()
  it("gives the centrality and directed sums of summary.docvec to the last bit", function()
    local dv, v = build()
    for _, directed in ipairs({ true, false }) do
      local c1, f1, b1 = dv:centrality(directed)
      local c2, f2, b2 = docvec.centrality(v, directed)
      assert.are.equal(#c2, #c1)
      for i = 1, #TEXTS do
        assert.are.equal(c2[i], c1[i])
        if directed then
          assert.are.equal(f2[i], f1[i])
          assert.are.equal(b2[i], b1[i])
        end
      end
      if not directed then assert.are.same({}, f1) end
    end
  end)

  it("gives the cosines of summary.docvec to the last bit, whatever the order of calls", function()
    local dv, v = build()
    for _, j in ipairs({ 1, 4, 1, 6, 2, 3, 5 }) do
      for i = 1, #TEXTS do
        assert.are.equal(docvec.cosine_to(v, i, docvec.weights(v, j), v.norm[j]), dv:cosine(i, j))
      end
    end
    assert.are.equal(0, dv:cosine(3, 1))
  end)

  it("returns the word count and last word of a scanned text, and nothing for no words", function()
    local dv = dp.docvec.new(term)
    dv:reset()
    local nw, last = dv:scan("  Korea, the park said.")
    assert.are.equal(4, nw)
    assert.are.equal("said", last)
    nw, last = dv:scan(" -- ")
    assert.are.equal(0, nw)
    assert.is_nil(last)
  end)

  it("keeps each sentence's terms in order, repeats included, and numbers them by first appearance", function()
    local dv = build()
    assert.are.same({ "amnesty", "said", "north", "korea", "korea", "nation" }, dv:terms(2))
    assert.are.same({}, dv:terms(3))
    local n, nv = dv:count()
    assert.are.equal(6, n)
    assert.are.equal(10, nv)
  end)

  it("calls the term function once per distinct word across documents", function()
    calls = 0
    local dv = dp.docvec.new(term)
    for _ = 1, 3 do
      dv:reset()
      dv:scan("Park park the Park")
      dv:commit()
    end
    assert.are.equal(3, calls)
  end)

  it("numbers terms afresh for each document after reset", function()
    local dv = dp.docvec.new(term)
    dv:reset()
    dv:scan("alpha beta")
    dv:commit()
    dv:reset()
    dv:scan("beta gamma")
    dv:commit()
    dv:finish()
    local set, n = dv:id_set("Gamma alpha beta")
    assert.are.equal(3, n)                      -- alpha counts, but has no id in this document
    assert.are.same({ [1] = true, [2] = true }, set)
  end)

  it("gives title overlap as the share of the title's distinct terms found in a sentence", function()
    local dv = build()
    local set, n = dv:id_set("The Park of the Korea camp, Park again")
    assert.are.equal(4, n)                      -- park, korea, camp, again
    assert.are.equal(1 / 4, dv:overlap(1, set, n))   -- park
    assert.are.equal(3 / 4, dv:overlap(6, set, n))   -- korea, park, camp
    assert.are.equal(0, dv:overlap(3, set, n))
    assert.are.equal(0, dv:overlap(1, {}, 0))
  end)

  it("rejects a term function answer that is not a string, false or nil", function()
    local dv = dp.docvec.new(function() return 1 end)
    dv:reset()
    assert.has_error(function() dv:scan("word") end)
  end)

  it("refuses cosines before finish and sentences out of range", function()
    local dv = dp.docvec.new(term)
    dv:reset()
    dv:scan("alpha")
    dv:commit()
    assert.has_error(function() dv:cosine(1, 1) end)
    dv:finish()
    assert.has_error(function() dv:cosine(1, 2) end)
    assert.has_error(function() dv:commit() end)
  end)

  it("asks a list term function once per text for its new words, in order of first appearance", function()
    local asked = {}
    local dv = dp.docvec.new(function(words)
      asked[#asked + 1] = table.concat(words, " ")
      local terms, at = {}, {}
      for i, w in ipairs(words) do
        local t = term(w)
        if t then terms[#terms + 1], at[#at + 1] = t, i end
      end
      return terms, at
    end, true)
    dv:reset()
    dv:scan("Park park the Park")
    dv:commit()
    dv:scan("the Prison park")
    dv:commit()
    dv:scan("park")
    dv:commit()
    assert.are.same({ "Park park the", "Prison" }, asked)
    assert.are.same({ "park", "park", "park" }, dv:terms(1))
    assert.are.same({ "prison", "park" }, dv:terms(2))
    local set, n = dv:id_set("The PRISON camp")
    assert.are.equal(2, n)
    assert.are.same({ [2] = true }, set)
    assert.are.same({ "Park park the", "Prison", "The PRISON camp" }, asked)
  end)

  it("asks again for the words of a list term function that failed", function()
    local fail, asked = true, 0
    local dv = dp.docvec.new(function(words)
      asked = asked + 1
      if fail then error("no") end
      return { "x" }, { 2 }
    end, true)
    dv:reset()
    assert.has_error(function() dv:scan("alpha beta") end)
    fail = false
    dv:reset()
    dv:scan("alpha beta")
    dv:commit()
    assert.are.same({ "x" }, dv:terms(1))
    assert.are.equal(2, asked)
    dv:reset()
    assert.has_error(function() dp.docvec.new(function() return { "x" }, { 3 } end, true):scan("a b") end)
  end)

  it("gives the summary stage's terms from its list term function", function()
    -- the rule word by word: lowercased, curly apostrophe straight, possessive 's off
    -- unless that leaves a stopword, stemmed; no stopword or one-letter word
    local stop = { the = true, it = true, ["it's"] = true, he = true, s = true }
    local st = dp.stem.new("english")
    local function rule(w, stemmer)
      local x = w:lower():gsub("’", "'")
      if #x < 2 or stop[x] then return false end
      local base = x:match("^(.*)'s$") or x
      if base ~= x and stop[base] then return false end
      return stemmer and stemmer:stem(base) or base
    end
    local words = dp.text.words("The Mayor’s plan: IT'S it’s He's a B s's Ships' RUNNING naïve "
      .. "Café's 200,000 U.S. x's dog's's co-op O'Brien’S")
    for _, stemmer in ipairs({ st, false }) do
      local terms, at = make_terms(stop, stemmer)(words)
      local got = {}
      for i = 1, #words do got[i] = false end
      for k, i in ipairs(at) do got[i] = terms[k] end
      for i, w in ipairs(words) do assert.are.equal(rule(w, stemmer), got[i], w) end
    end
  end)
end)

describe("docpipe.docvec.rule", function()
  -- the stage's rule in C (src/dp_terms.c) against its Lua statement, make_terms
  local stop = { the = true, it = true, ["it's"] = true, he = true, s = true, [""] = true,
    ["o'brien"] = true, off = false }
  local EDGE = { "The", "Mayor’s", "plan", "IT'S", "it’s", "He's", "a", "B", "s's", "Ships'",
    "RUNNING", "naïve", "Café's", "200,000", "U.S.", "x's", "dog's's", "co-op", "O'Brien’S",
    "'s", "’s", "’", "x’", "É", "ÉCOLE", "\226\128", "ab\226\128", "\226\128\153\226\128\153",
    "it’S", "OFF", "off's", "Ab", "ZZ", "@#", "stemming’s", "GENERALIZATIONS", "" }

  local function lua_terms(words, stemmer)
    local terms, at = make_terms(stop, stemmer)(words)
    local got = {}
    for i = 1, #words do got[i] = false end
    for k, i in ipairs(at) do got[i] = terms[k] end
    return got
  end

  it("gives make_terms' term of every word, with and without a stemmer", function()
    for _, alg in ipairs({ "english", "porter_nltk", false }) do
      local st = alg and dp.stem.new(alg)
      local rule = dp.docvec.rule(stop, st)
      -- EDGE without "" (make_terms joins its words by spaces: an empty word has no field)
      local words = {}
      for _, w in ipairs(EDGE) do if w ~= "" then words[#words + 1] = w end end
      local want = lua_terms(words, st)
      for i, w in ipairs(words) do assert.are.equal(want[i], rule:term(w), w) end
      -- the words of a text, as docvec gives them
      local text = "Parliament’s speaker said the BBC's reporters weren't told; O'Neill’s "
        .. "co-workers' 1,000 U.K. claims, and it’s Running running RUNS runner's."
      words = dp.text.words(text)
      want = lua_terms(words, st)
      for i, w in ipairs(words) do assert.are.equal(want[i], rule:term(w), w) end
    end
    assert.are.equal(false, dp.docvec.rule(stop, false):term(""))
  end)

  it("gives a docvec the terms of the list term function, sentence by sentence", function()
    local st = dp.stem.new("english")
    local a = dp.docvec.new(dp.docvec.rule(stop, st))
    local b = dp.docvec.new(make_terms(stop, st), true)
    local texts = { "The Mayor’s plan: IT'S it’s He's a B s's Ships' RUNNING naïve",
      "Café's 200,000 U.S. x's dog's's co-op O'Brien’S", "the it", "Running runs; the runner's" }
    for _, dv in ipairs({ a, b }) do
      dv:reset()
      for _, s in ipairs(texts) do dv:scan(s); dv:commit() end
    end
    for i = 1, #texts do assert.are.same(b:terms(i), a:terms(i)) end
    assert.are.same({ b:count() }, { a:count() })
  end)

  it("keeps its stemmer and reports bad arguments", function()
    local rule = dp.docvec.rule({ the = true }, dp.stem.new("english"))
    collectgarbage()
    collectgarbage()
    assert.are.equal("run", rule:term("Running"))
    assert.has_error(function() dp.docvec.rule("the", false) end)
    assert.has_error(function() dp.docvec.rule({}, "english") end)
    assert.has_error(function() rule:term() end)
  end)
end)

describe("docpipe.docvec.meets", function()
  -- the Lua it replaces in the summary stage: spans sorted by start, reach[k] the highest
  -- end among the first k, a range [a, b] meets a span when reach[k] >= a for the last k
  -- whose start <= b
  local function lua_meets(from, to, n, starts, ends)
    local spans = {}
    for k = 1, #starts do spans[k] = { starts[k], ends[k] } end
    table.sort(spans, function(x, y) return x[1] < y[1] end)
    local st, reach, r = {}, {}, -math.huge
    for k, sp in ipairs(spans) do
      st[k] = sp[1]
      if sp[2] > r then r = sp[2] end
      reach[k] = r
    end
    local out = {}
    for i = 1, n do
      local q = false
      if from[i] then
        local lo, hi = 0, #st
        while lo < hi do
          local mid = (lo + hi + 1) // 2
          if st[mid] <= to[i] then lo = mid else hi = mid - 1 end
        end
        q = lo > 0 and reach[lo] >= from[i]
      end
      out[i] = q
    end
    return out
  end

  it("answers as the Lua binary search on edge cases", function()
    local from = { 1, 10, 20, nil, 30, 41, 50, 100 }
    local to = { 5, 19, 25, nil, 40, 45, 60, 100 }
    local cases = {
      { {}, {} },                                 -- no span
      { { 5 }, { 5 } },                           -- touches the end of range 1
      { { 19, 1 }, { 20, 1 } },                   -- touches ends on both sides; unsorted
      { { 26 }, { 29 } },                         -- between two ranges
      { { 42, 42, 42 }, { 41, 43, 10 } },         -- equal starts; an end before its start
      { { -5 }, { 1000 } },                       -- covers all
      { { 100, 61 }, { 100, 99 } },
    }
    for _, c in ipairs(cases) do
      assert.are.same(lua_meets(from, to, 8, c[1], c[2]), dp.docvec.meets(from, to, 8, c[1], c[2]))
    end
    assert.are.same({}, dp.docvec.meets({}, {}, 0, { 1 }, { 2 }))
  end)

  it("answers as the Lua binary search on random ranges and spans", function()
    local seed = 12345
    local function rnd(n) seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n end
    for _ = 1, 300 do
      local n, m = rnd(12), rnd(8)
      local from, to, starts, ends = {}, {}, {}, {}
      for i = 1, n do
        if rnd(6) > 0 then from[i] = rnd(60); to[i] = from[i] + rnd(15) end
      end
      for k = 1, m do starts[k] = rnd(70) - 5; ends[k] = starts[k] + rnd(12) - 1 end
      assert.are.same(lua_meets(from, to, n, starts, ends), dp.docvec.meets(from, to, n, starts, ends))
    end
  end)

  it("reports spans that are no integers", function()
    assert.has_error(function() dp.docvec.meets({ 1 }, { 2 }, 1, { 1.5 }, { 2 }) end)
    assert.has_error(function() dp.docvec.meets({ 1 }, { 2 }, 1, { 1 }, {}) end)
  end)
end)
