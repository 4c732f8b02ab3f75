-- Specs of docpipe.stem, the binding of the stemmers in src/dp_stem.c (libstemmer and the
-- NLTK Porter variant of src/dp_porter.c). The last one reads the 3,079 word -> stem pairs
-- NLTK gives, from ../shared/data/summary/rouge_vectors.json.

local dp = require "docpipe"

describe("docpipe.stem", function()
  it("stems with NLTK's Porter as rouge-score does", function()
    local st = dp.stem.new("porter_nltk")
    assert.are.equal("porter_nltk", st:name())
    assert.are.equal("run", st:stem("running"))
    assert.are.equal("play", st:stem("played"))
    assert.are.equal("sky", st:stem("skies"))
    assert.are.equal("use", st:stem("used"))
    assert.are.equal("gener", st:stem("generously"))
    assert.are.equal("news", st:stem("news"))
  end)

  it("stems with Snowball's algorithms through libstemmer", function()
    assert.are.equal("plai", dp.stem.new("porter"):stem("played"))
    assert.are.equal("generous", dp.stem.new("english"):stem("generously"))
    assert.are.equal("continuel", dp.stem.new("french"):stem("continuellement"))
    assert.are.equal("generous", dp.stem.new("en"):stem("generously"))  -- ISO 639 code
  end)

  it("stems a list in one call, leaving words shorter than min_len as they are", function()
    local st = dp.stem.new("porter_nltk")
    local out = st:stems({ "this", "was", "running", "skies" }, 4)
    assert.are.same({ "thi", "was", "run", "sky" }, out)
    assert.are.same({ "thi", "wa", "run", "sky" }, st:stems({ "this", "was", "running", "skies" }))
    assert.are.equal("[]", dp.json.encode(st:stems({})))      -- a JSON array
    assert.has_error(function() st:stems({ "ok", 3 }) end)
  end)

  it("lists the algorithms with porter_nltk first", function()
    local names = dp.stem.algorithms()
    assert.are.equal("porter_nltk", names[1])
    local set = {}
    for _, n in ipairs(names) do set[n] = true end
    assert.is_true(set.english and set.porter and set.german and true or false)
  end)

  it("rejects an unknown algorithm, naming the known ones", function()
    local ok, err = pcall(dp.stem.new, "klingon")
    assert.is_false(ok)
    assert.is_truthy(err:find("unknown algorithm 'klingon'", 1, true))
    assert.is_truthy(err:find("porter_nltk", 1, true))
  end)

  it("passes empty and short strings and non-letters through", function()
    local st = dp.stem.new("porter_nltk")
    assert.are.equal("", st:stem(""))
    assert.are.equal("is", st:stem("is"))
    assert.are.equal("2012", st:stem("2012"))
    assert.are.equal("1990", st:stem("1990s"))
  end)

  it("stems all 3,079 NLTK word -> stem pairs exactly", function()
    local f = assert(io.open("../shared/data/summary/rouge_vectors.json", "rb"))
    local v = dp.json.decode(f:read("a"))
    f:close()
    local pairs_ = v.porter_stems.pairs
    assert.are.equal(3079, #pairs_)
    local st = dp.stem.new("porter_nltk")
    local words, want = {}, {}
    for i, p in ipairs(pairs_) do words[i], want[i] = p[1], p[2] end
    local got = st:stems(words)
    local bad = {}
    for i = 1, #words do
      if got[i] ~= want[i] then bad[#bad + 1] = words[i] .. " -> " .. got[i] .. ", want " .. want[i] end
    end
    assert.are.same({}, bad)
  end)
end)
