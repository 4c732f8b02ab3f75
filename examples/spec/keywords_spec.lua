-- Specs of the keywords example stage and its helper module.
-- Run from the repo root: ./docpipe lua tests/busted.lua examples/spec/keywords_spec.lua
local dp = require "docpipe"

-- a stage's folder is on the module path when docpipe loads it from a pipeline; here the
-- spec loads it by hand, so it puts the folder there itself
package.path = "examples/stages/?.lua;" .. package.path
local wordcount = require "wordcount"
local keywords = dofile("examples/stages/keywords.lua")

local function new_ctx(over)
  local opts = {}
  for k, o in pairs(keywords.options) do opts[k] = o.default end
  for k, v in pairs(over or {}) do opts[k] = v end
  local ctx = { opts = opts, stage = "keywords", warnings = {}, dir = "./examples/stages" }
  ctx.warn = function(_, msg) ctx.warnings[#ctx.warnings + 1] = msg end
  keywords.init(opts, ctx)
  return ctx
end

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

describe("wordcount", function()
  it("counts words case-folded, without stopwords, short words and numbers", function()
    local counts, _, total = wordcount.count("The Port and the port: 2,300 at it. Ports!", {
      stop = { the = true, ["and"] = true }, min_length = 3, plurals = false })
    assert.same({ port = 2, ports = 1 }, counts)
    assert.equal(3, total)
  end)

  it("keeps numbers when asked", function()
    local counts = wordcount.count("In 2028 and 2028", { numbers = true, min_length = 3 })
    assert.equal(2, counts["2028"])
  end)

  it("drops a possessive and reads a curly apostrophe as a straight one", function()
    assert.equal("veskaria", wordcount.normalize("Veskaria’s"))
    assert.equal("don't", wordcount.normalize("Don’t"))
  end)

  it("folds a plural into its singular only when the singular occurs", function()
    local counts = wordcount.count("crane cranes cranes story stories docks", {})
    assert.same({ crane = 3, story = 2, docks = 1 }, counts)
  end)

  it("does not fold words that only look like plurals", function()
    local counts = wordcount.count("new news status statu", {})
    assert.same({ new = 1, news = 1, status = 1, statu = 1 }, counts)
  end)

  it("ranks by count, then by first occurrence", function()
    local counts, first = wordcount.count("zebra apple zebra mango apple kiwi", {})
    assert.equal("zebra:2, apple:2, mango:1", wordcount.format(wordcount.top(counts, 3, { first = first })))
  end)

  it("ranks ties alphabetically without positions", function()
    assert.equal("a:2, b:1, c:1", wordcount.format(wordcount.top({ c = 1, a = 2, b = 1 })))
  end)

  it("applies a minimum count", function()
    assert.equal("a:2", wordcount.format(wordcount.top({ c = 1, a = 2, b = 1 }, nil, { min_count = 2 })))
  end)

  it("parses a word list, skipping comments and blank lines", function()
    assert.same({ the = true, ["don't"] = true }, wordcount.parse_list("# header\n\nThe\n  don’t  \n"))
  end)
end)

describe("keywords stage", function()
  it("declares its options with types, defaults and docs", function()
    for name, o in pairs(keywords.options) do
      assert.is_string(o.type, name)
      assert.is_not_nil(o.default, name)
      assert.is_string(o.doc, name)
    end
    assert.equal(8, keywords.options.top.default)
  end)

  it("tags a document with its top words from title and paragraphs", function()
    local ctx = new_ctx({ top = 3 })
    local doc = keywords.process({
      id = "d1", text = "ignored",
      title = "Ferry crews strike in Oskarsby",
      paragraphs = { "Ferry crews said the ferry would not sail.", "The ferry company said crews were paid late." },
    }, ctx)
    assert.same({ "ferry", "crews", "strike" }, doc.keywords)
  end)

  it("falls back to doc.text when no listed field is present", function()
    local doc = keywords.process({ id = "d2", text = "Orchards and orchards of apricots." }, new_ctx())
    assert.same({ "orchards", "apricots" }, doc.keywords)
  end)

  it("reads sentence tables with a text field", function()
    local ctx = new_ctx({ fields = { "sentences" } })
    local doc = keywords.process({ id = "d3", text = "x",
      sentences = { { text = "Gulls over the harbour.", start = 1, ["end"] = 23 }, { text = "Gulls again.", start = 25, ["end"] = 36 } } }, ctx)
    assert.same({ "gulls", "harbour" }, doc.keywords)
  end)

  it("warns and sets an empty list when there is no text", function()
    local ctx = new_ctx()
    local doc = keywords.process({ id = "d4" }, ctx)
    assert.same({}, doc.keywords)
    assert.same({ "no text to count" }, ctx.warnings)
  end)

  it("treats blank fields and blank text as no text", function()
    local ctx = new_ctx()
    local doc = keywords.process({ id = "d4b", text = "  \n", title = "", paragraphs = {} }, ctx)
    assert.same({}, doc.keywords)
    assert.equal(1, #ctx.warnings)
  end)

  it("returns words with counts when asked", function()
    local doc = keywords.process({ id = "d5", text = "Tide tide moon" }, new_ctx({ counts = true, top = 1 }))
    assert.equal("tide", doc.keywords[1].word)
    assert.equal(2, doc.keywords[1].count)
  end)

  it("adds the stopwords given as an option", function()
    local doc = keywords.process({ id = "d6", text = "Harbour harbour gulls" }, new_ctx({ stopwords = { "Harbour" } }))
    assert.same({ "gulls" }, doc.keywords)
  end)

  it("loads a stopword list through docpipe.data when it is not beside the stage", function()
    local ctx = new_ctx({ stopwords_file = "en/stopwords.txt" })
    assert.is_true(ctx.state.stop["the"])
  end)

  it("fails at init when the stopword list is missing", function()
    assert.has_error(function() new_ctx({ stopwords_file = "no-such-list.txt" }) end)
  end)

  it("reports corpus counts and document frequencies at finish", function()
    local ctx = new_ctx()
    keywords.process({ id = "a", text = "Harbour cranes and harbour gulls." }, ctx)
    keywords.process({ id = "b", text = "Gulls over the orchard." }, ctx)
    local r = keywords.finish(ctx)
    assert.equal(2, r.documents)
    assert.equal(6, r.words)
    assert.same({ word = "gulls", count = 2, documents = 2 }, r.top[1])
    assert.same({ word = "harbour", count = 2, documents = 1 }, r.top[2])
  end)

  it("names the subject of the example pages", function()
    local expected = {
      ["harbor-strike"] = { "saltmere", "port", "crane" },
      ["library-flood"] = { "library", "town", "chain" },
      ["orchard-frost"] = { "apricot", "frost", "growers" },
      ["footbridge-vote"] = { "city", "council", "public" },
    }
    local ctx = new_ctx({ top = 3 })
    for name, want in pairs(expected) do
      local gold = dp.json.decode(read("examples/gold/" .. name .. ".json"))
      local doc = keywords.process({ id = name, title = gold.title, paragraphs = gold.paragraphs }, ctx)
      assert.same(want, doc.keywords, name)
    end
  end)
end)
