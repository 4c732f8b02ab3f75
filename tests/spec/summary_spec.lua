-- Specs of the summary stage (scripts/stages/summary.lua).
-- The story below is invented (fictional town, people and river); sentences are given
-- literally with their byte offsets (1-based inclusive), as the sentences stage gives them.

local dp = require "docpipe"
local summary = require "docpipe.stages.summary"

local STORY = {
  "Flooding closed the main bridge in Port Evander on Monday, cutting the harbor town off from the regional highway for the first time in 40 years.",
  "The Marlow River rose nearly two meters overnight after three days of heavy rain, the county weather office said.",
  "Mayor Idris Kellan ordered the evacuation of 300 homes along the riverbank and opened the town's two schools as shelters.",
  "\"We have never seen the water come up this fast, and we are asking everyone near the river to leave now,\" Kellan told reporters.",
  "Emergency crews rescued a family of four from the roof of their car near the old mill.",
  "No injuries were reported.",
  "The bridge, built in 1962, will stay closed until engineers can inspect its supports, the county roads department said.",
  "\"It could be a week before we know whether it is safe,\" said roads director Anya Forsberg.",
  "Shop owners on Quay Street began moving stock to upper floors as the water reached the harbor wall.",
  "More rain is forecast for Wednesday.",
}

local make_doc = require("tests.summary_docs").make_doc

local function run(doc, opts)
  local warnings = {}
  local ctx = { opts = opts or {}, state = {}, stage = "summary",
                warn = function(_, msg) warnings[#warnings + 1] = msg end }
  summary.init(ctx.opts, ctx)
  return summary.process(doc, ctx), warnings
end

local function index_of(list, s)
  for i, x in ipairs(list) do if x == s then return i end end
  return nil
end

local function word_count(list)
  local n = 0
  for _, s in ipairs(list) do n = n + #dp.text.words(s) end
  return n
end

-- The output is well formed: texts from the input, in document order, no repeats, offsets
-- parallel and pointing at the texts.
local function assert_valid(doc, source)
  local seen, last = {}, 0
  assert.are.equal(#doc.summary, #doc.meta.summary.sentences)
  for i, s in ipairs(doc.summary) do
    assert.is_true(#dp.text.words(s) > 0)
    assert.is_nil(seen[s])
    seen[s] = true
    local k = index_of(source, s)
    assert.is_not_nil(k)
    assert.is_true(k > last)
    last = k
    local span = doc.meta.summary.sentences[i]
    assert.are.equal(s, doc.text:sub(span.start, span["end"]))
  end
end

describe("summary stage", function()
  it("returns three sentences by default and as many as the option asks", function()
    local doc = run(make_doc(STORY))
    assert.are.equal(3, #doc.summary)
    doc = run(make_doc(STORY), { sentences = 5 })
    assert.are.equal(5, #doc.summary)
    doc = run(make_doc(STORY), { sentences = 1 })
    assert.are.equal(1, #doc.summary)
  end)

  it("keeps the chosen sentences in document order with parallel offsets", function()
    local doc = run(make_doc(STORY), { sentences = 4 })
    assert_valid(doc, STORY)
    assert.are.equal("default", doc.meta.summary.method)
    local first = doc.meta.summary.sentences[1]
    assert.are.equal(1, first.start)
    assert.are.equal(#STORY[1], first["end"])
  end)

  it("puts the lead sentence in the default summary of a news story", function()
    local doc = run(make_doc(STORY))
    assert.are.equal(STORY[1], doc.summary[1])
  end)

  it("never repeats a sentence, even when the text repeats one", function()
    local sents = { STORY[1], STORY[1], STORY[2], STORY[2], STORY[3], STORY[5] }
    for _, method in ipairs({ "lead", "textrank", "lexrank", "default" }) do
      local doc = run(make_doc(sents), { method = method })
      assert.are.equal(3, #doc.summary)
      local seen = {}
      for _, s in ipairs(doc.summary) do
        assert.is_nil(seen[s])
        seen[s] = true
      end
    end
    local lead = run(make_doc(sents), { method = "lead" })
    assert.are.same({ STORY[1], STORY[2], STORY[3] }, lead.summary)
  end)

  -- (a text of thousands of lines of one shape, all with the same word count and last
  -- word, once made the repeat test compare each with every earlier one: 14 s for 1 MB)
  it("keeps thousands of sentences of one shape apart and still drops their repeats", function()
    local sents = {}
    for i = 1, 3000 do sents[i] = ("Line number %d says something."):format(i) end
    sents[#sents + 1] = "LINE NUMBER 2 SAYS SOMETHING."
    local doc = run(make_doc(sents), { method = "lead", sentences = 4 })
    assert.are.same({ sents[1], sents[2], sents[3], sents[4] }, doc.summary)
  end)

  it("treats sentences differing only in case and spacing as repeats", function()
    local sents = { STORY[1], STORY[1]:upper(), STORY[2], "  " .. STORY[2]:gsub(" ", "  ") }
    local doc = run(make_doc(sents), { method = "lead" })
    assert.are.same({ STORY[1], STORY[2] }, doc.summary)
  end)

  it("treats sentences differing only in Unicode white space as repeats, not near twins", function()
    local nbsp = "\194\160"
    local twin = STORY[1]:gsub("bridge", "road")      -- same word count and last word
    local sents = { STORY[1], (STORY[1]:gsub(" ", nbsp, 3):gsub(" ", "\t", 2)), twin,
                    STORY[1]:lower(), STORY[2] }
    local doc = run(make_doc(sents), { method = "lead", sentences = 5 })
    assert.are.same({ STORY[1], twin, STORY[2] }, doc.summary)
  end)

  it("trims Unicode white space around a sentence and points its offsets at the text", function()
    local doc = make_doc({ STORY[1], STORY[10] })
    local a = #STORY[1] + 2
    doc.text = doc.text:sub(1, a - 1) .. "\194\160" .. STORY[10] .. " \t"
    doc.sentences[2] = { text = "\194\160" .. STORY[10] .. " \t", start = a, ["end"] = #doc.text }
    doc = run(doc, { method = "lead" })
    assert.are.same({ STORY[1], STORY[10] }, doc.summary)
    local span = doc.meta.summary.sentences[2]
    assert.are.equal(STORY[10], doc.text:sub(span.start, span["end"]))
  end)

  it("finds quotation marks of every kind in sentences without doc.quotes", function()
    local sents = {
      "“We will rebuild the pier before summer,” harbor master Tova Lind said.",
      "«The water came in faster than anyone expected,» a ferry pilot said.",
      "The council’s budget for repairs doubled to 4 million crowns.",
      "She called the damage \"worse than the storm of 1998 by far.\"",
      "Temperatures fell to 2°C overnight.",
      "Residents will not be allowed back until Friday.”",
    }
    local doc = run(make_doc(sents), { quotes = "avoid", method = "lead", sentences = 2 })
    assert.are.same({ sents[3], sents[5] }, doc.summary)
    doc = run(make_doc(sents), { quotes = "prefer", method = "lead", sentences = 4 })
    assert.are.same({ sents[1], sents[2], sents[4], sents[6] }, doc.summary)
  end)

  it("leaves out a near copy of a sentence already picked (MMR) unless mmr_lambda is 1", function()
    local copy = "Flooding closed the main bridge in Port Evander on Monday, cutting the harbor town off from the regional highway."
    local sents = { STORY[1], copy, STORY[2], STORY[3], STORY[7] }
    local doc = run(make_doc(sents), { sentences = 2 })
    assert.are.same({ STORY[1], STORY[2] }, doc.summary)
    doc = run(make_doc(sents), { sentences = 2, weights = { mmr_lambda = 1 } })
    assert.are.same({ STORY[1], copy }, doc.summary)
  end)

  it("never emits an empty sentence or one without words", function()
    local sents = { "", "   ", "...", STORY[6], "--", STORY[10] }
    local doc = run(make_doc(sents), { method = "lead", sentences = 5 })
    assert.are.same({ STORY[6], STORY[10] }, doc.summary)
    doc = run(make_doc({ "", " " }))
    assert.are.equal(0, #doc.summary)
    assert.are.equal(0, #doc.meta.summary.sentences)
  end)

  it("returns fewer sentences than asked when the document has fewer", function()
    local doc = run(make_doc({ STORY[1], STORY[2] }), { sentences = 3 })
    assert.are.same({ STORY[1], STORY[2] }, doc.summary)
    doc = run(make_doc({ STORY[5] }), { method = "textrank", sentences = 3 })
    assert.are.same({ STORY[5] }, doc.summary)
  end)

  it("keeps within the word budget by skipping sentences that do not fit", function()
    for _, budget in ipairs({ 20, 40, 60 }) do
      local doc = run(make_doc(STORY), { words = budget, sentences = 0 })
      assert.is_true(#doc.summary >= 1)
      assert.is_true(word_count(doc.summary) <= budget)
      assert_valid(doc, STORY)
    end
    -- only "No injuries were reported." (4 words) fits in 5 words; nothing is cut
    local doc = run(make_doc(STORY), { words = 5, method = "lead" })
    assert.are.same({ STORY[6] }, doc.summary)
  end)

  it("applies both the sentence count and the word budget", function()
    local doc = run(make_doc(STORY), { sentences = 2, words = 1000 })
    assert.are.equal(2, #doc.summary)
    doc = run(make_doc(STORY), { sentences = 5, words = 45 })
    assert.is_true(#doc.summary <= 5)
    assert.is_true(word_count(doc.summary) <= 45)
  end)

  it("returns valid output with every method", function()
    for _, method in ipairs({ "lead", "textrank", "lexrank", "default" }) do
      local doc = run(make_doc(STORY, { title = "Floods cut off Port Evander" }), { method = method })
      assert.are.equal(3, #doc.summary)
      assert.are.equal(method, doc.meta.summary.method)
      assert_valid(doc, STORY)
    end
  end)

  it("takes the first sentences with the lead method", function()
    local doc = run(make_doc(STORY), { method = "lead" })
    assert.are.same({ STORY[1], STORY[2], STORY[3] }, doc.summary)
  end)

  it("picks the most connected sentences with textrank and lexrank", function()
    -- three sentences share "reservoir dam engineers"; the others share nothing
    local sents = {
      "The harvest festival opened on Saturday.",
      "Engineers inspected the reservoir dam after the storm.",
      "A brass band played on the square.",
      "The reservoir dam held, engineers said, though the spillway was damaged.",
      "Engineers will return to the reservoir dam next week.",
      "Tickets cost five dollars.",
    }
    for _, method in ipairs({ "textrank", "lexrank" }) do
      local doc = run(make_doc(sents), { method = method, sentences = 3 })
      assert.are.same({ sents[2], sents[4], sents[5] }, doc.summary)
    end
  end)

  it("avoids sentences with direct quotes when asked", function()
    local doc = run(make_doc(STORY), { quotes = "avoid", sentences = 5 })
    assert.are.equal(5, #doc.summary)
    assert.is_nil(index_of(doc.summary, STORY[4]))
    assert.is_nil(index_of(doc.summary, STORY[8]))
  end)

  it("falls back to quoted sentences under avoid only when nothing else is left", function()
    local doc = run(make_doc({ STORY[4], STORY[8], STORY[10] }), { quotes = "avoid", method = "lead" })
    assert.are.same({ STORY[4], STORY[8], STORY[10] }, doc.summary)
    doc = run(make_doc({ STORY[4], STORY[8], STORY[10] }), { quotes = "avoid", method = "lead", sentences = 1 })
    assert.are.same({ STORY[10] }, doc.summary)
  end)

  it("takes sentences with direct quotes first when asked to prefer them", function()
    local doc = run(make_doc(STORY), { quotes = "prefer", sentences = 3 })
    assert.is_not_nil(index_of(doc.summary, STORY[4]))
    assert.is_not_nil(index_of(doc.summary, STORY[8]))
    assert_valid(doc, STORY)
  end)

  it("finds quotes from doc.quotes spans when the quotes stage ran", function()
    local base = make_doc(STORY)
    local s7 = base.sentences[7]
    -- a direct quote inside sentence 7, and an indirect one (reported speech) in sentence 2
    local quotes = {
      { text = "built in 1962", start = s7.start + 12, ["end"] = s7.start + 24, type = "direct" },
      { text = "rose nearly two meters", start = base.sentences[2].start + 17,
        ["end"] = base.sentences[2].start + 38, type = "indirect" },
    }
    local doc = run(make_doc(STORY, { quotes = quotes }), { quotes = "prefer", method = "lead", sentences = 2 })
    assert.are.same({ STORY[1], STORY[7] }, doc.summary)
    doc = run(make_doc(STORY, { quotes = quotes }), { quotes = "avoid", method = "lead", sentences = 7 })
    assert.is_nil(index_of(doc.summary, STORY[7]))
    assert.is_not_nil(index_of(doc.summary, STORY[2]))
    assert.is_not_nil(index_of(doc.summary, STORY[4]))  -- not in doc.quotes, so not a quote
  end)

  it("does not take a quoted name in title case for a quote", function()
    local sents = {
      "The festival, known as the \"Night of the Lanterns,\" draws thousands each year.",
      "\"We expect the biggest crowd yet,\" organizer Lena Brask said.",
      "Roads near the harbor will close at noon.",
    }
    local doc = run(make_doc(sents), { quotes = "avoid", method = "lead", sentences = 2 })
    assert.are.same({ sents[1], sents[3] }, doc.summary)
  end)

  it("uses highlight words to pick sentences with the default method", function()
    local hl = { "Emergency crews rescue a family of four from a car roof near the old mill" }
    local plain = run(make_doc(STORY))
    assert.is_nil(index_of(plain.summary, STORY[5]))
    local doc = run(make_doc(STORY, { highlights = hl }))
    assert.is_not_nil(index_of(doc.summary, STORY[5]))
  end)

  it("lets the weights option override the weights data file", function()
    local hl = { "Shop owners on Quay Street move stock to upper floors" }
    local w = { position = 0, forward = 0, centrality = 0, quote = 0, highlights = 1 }
    local doc = run(make_doc(STORY, { highlights = hl }), { sentences = 1, weights = w })
    assert.are.same({ STORY[9] }, doc.summary)
  end)

  it("locates bare sentence strings in the text", function()
    local doc = make_doc({ STORY[1], STORY[2] })
    doc.sentences = { STORY[1], STORY[2] }
    doc = run(doc, { method = "lead" })
    assert.are.same({ STORY[1], STORY[2] }, doc.summary)
    assert.are.equal(#STORY[1] + 2, doc.meta.summary.sentences[2].start)
  end)

  it("gives the offsets of the trimmed sentence text", function()
    local doc = make_doc({ STORY[1], STORY[2] })
    doc.text = doc.text .. "\n\n" .. STORY[10]
    local a = #STORY[1] + #STORY[2] + 2
    doc.sentences[3] = { text = "\n\n" .. STORY[10], start = a + 1, ["end"] = #doc.text }
    doc = run(doc, { method = "lead" })
    assert.are.equal(STORY[10], doc.summary[3])
    local span = doc.meta.summary.sentences[3]
    assert.are.equal(STORY[10], doc.text:sub(span.start, span["end"]))
  end)

  it("warns and leaves an empty summary when there are no sentences", function()
    local doc, warnings = run({ id = "x", text = "Some text.", meta = {}, errors = {} })
    assert.are.equal(0, #doc.summary)
    assert.are.equal(1, #warnings)
    assert.is_truthy(warnings[1]:find("sentences", 1, true))
  end)

  it("stems terms with libstemmer's english by default, so inflected forms meet", function()
    -- sentences 2 and 3 share words only through their stems (flood, damag, villag)
    local sents = {
      "Officials closed the mountain pass.",
      "Flooding damaged the villages.",
      "The floods damage village roads.",
      "A concert drew crowds.",
      "Tourists photographed the glacier.",
    }
    local doc = run(make_doc(sents), { method = "textrank", sentences = 2 })
    assert.are.same({ sents[2], sents[3] }, doc.summary)
    doc = run(make_doc(sents), { method = "textrank", sentences = 2, stemmer = "none" })
    assert.are.same({ sents[1], sents[2] }, doc.summary)
    doc = run(make_doc(sents), { method = "textrank", sentences = 2, stemmer = "porter" })
    assert.are.same({ sents[2], sents[3] }, doc.summary)
  end)

  it("rejects an unknown method, quotes mode, weight or stemmer, and no limit at all", function()
    assert.has_error(function() run(make_doc(STORY), { method = "magic" }) end)
    assert.has_error(function() run(make_doc(STORY), { quotes = "never" }) end)
    assert.has_error(function() run(make_doc(STORY), { sentences = 0, words = 0 }) end)
    assert.has_error(function() run(make_doc(STORY), { weights = { postion = 2 } }) end)
    assert.has_error(function() run(make_doc(STORY), { stemmer = "klingon" }) end)
  end)

  it("summarises the seed article in three of its own sentences", function()
    local f = assert(io.open("../shared/data/seed/gold.json", "rb"))
    local gold = dp.json.decode(f:read("a"))
    f:close()
    local text = table.concat(gold.paragraphs, "\n\n")
    local sents, cursor = {}, 1
    for _, s in ipairs(gold.sentences) do
      local a, b = text:find(s, cursor, true)
      assert.is_not_nil(a)
      sents[#sents + 1] = { text = s, start = a, ["end"] = b }
      cursor = b + 1
    end
    local doc = run({ id = "seed", text = text, sentences = sents, title = gold.title,
                      highlights = gold.highlights, meta = {}, errors = {} })
    assert.are.equal(3, #doc.summary)
    assert_valid(doc, gold.sentences)
    assert.are.equal(gold.sentences[1], doc.summary[1])
  end)
end)

describe("summary options", function()
  local function init(opts)
    local ctx = { opts = opts, state = {} }
    return pcall(summary.init, opts, ctx)
  end

  it("refuses a negative sentence count with its own message", function()
    local ok, err = init({ sentences = -5 })
    assert.is_false(ok)
    assert.are.equal("summary: sentences must be 0 (no limit) or more, got -5", err)
  end)

  it("refuses a weight that is not a finite number", function()
    local ok, err = init({ weights = { forward = 0 / 0 } })
    assert.is_false(ok)
    assert.matches("weight forward must be a finite number", err)
  end)
end)
