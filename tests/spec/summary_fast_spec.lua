-- Specs of the summary stage's cheaper paths (scripts/stages/summary.lua): quote spans
-- found by binary search over spans sorted by start, the repeat check that keeps the first
-- text of a (word count, last word) pair as a bare string, and the word -> term memo kept
-- by docpipe.docvec from one document to the next. The sentences are invented.

local dp = require "docpipe"
local summary = require "docpipe.stages.summary"

local SENTS = {
  "Ferry service to Calder Island resumed on Tuesday after a week of storms.",
  "The harbor master, Lena Okafor, said the new pier had held up well.",
  "\"We lost two moorings and nothing else,\" Okafor said.",
  "Islanders had relied on a fishing boat for groceries and mail.",
  "The ferry operator plans an extra evening crossing on Fridays.",
  "Tickets bought during the closure will be refunded.",
}

local make_doc = require("tests.summary_docs").make_doc

local function new_ctx(opts)
  local ctx = { opts = opts or {}, state = {}, stage = "summary", warn = function() end }
  summary.init(ctx.opts, ctx)
  return ctx
end

local function run(doc, opts) return summary.process(doc, new_ctx(opts)) end

describe("summary cost paths", function()
  it("marks every sentence a direct quote span touches, with spans out of order and nested", function()
    local base = make_doc(SENTS)
    local s = base.sentences
    local quotes = {
      -- listed last-first: a short span inside sentence 5, a long span over sentences 2-3
      -- holding a shorter one, and a span that touches sentence 4 only at its last byte
      { start = s[5].start + 4, ["end"] = s[5].start + 10, type = "direct" },
      { start = s[2].start + 3, ["end"] = s[3].start + 5, type = "mixed" },
      { start = s[2].start + 5, ["end"] = s[2].start + 9, type = "direct" },
      { start = s[4]["end"], ["end"] = s[4]["end"] + 1, type = "direct" },
      { start = s[6].start, ["end"] = s[6]["end"], type = "indirect" },
    }
    local doc = run(make_doc(SENTS, { quotes = quotes }), { quotes = "avoid", method = "lead", sentences = 2 })
    assert.are.same({ SENTS[1], SENTS[6] }, doc.summary)
    doc = run(make_doc(SENTS, { quotes = quotes }), { quotes = "prefer", method = "lead", sentences = 4 })
    assert.are.same({ SENTS[2], SENTS[3], SENTS[4], SENTS[5] }, doc.summary)
  end)

  it("drops the third copy of a sentence as well as the second, and keeps a near twin", function()
    local twin = SENTS[1]:gsub("Tuesday", "Monday")   -- same word count and last word
    local sents = { SENTS[1], SENTS[1]:upper(), twin, "  " .. SENTS[1]:lower(), SENTS[2] }
    local doc = run(make_doc(sents), { method = "lead", sentences = 5 })
    assert.are.same({ SENTS[1], twin, SENTS[2] }, doc.summary)
  end)

  it("tells apart sentences of one shape (word count, last word's length) by their text", function()
    local sents = { "Boats left the harbor at dawn.", "Boats left the harbor at noon.",
                    "BOATS  left the harbor at DAWN.", "Ships left the harbor at noon!", SENTS[2] }
    local doc = run(make_doc(sents), { method = "lead", sentences = 5 })
    assert.are.same({ sents[1], sents[2], sents[4], SENTS[2] }, doc.summary)
  end)

  it("gives a document the same summary whatever documents the stage saw before", function()
    local opts = { sentences = 2 }
    local fresh = run(make_doc(SENTS, { title = "Calder Island ferry back" }), opts)
    local ctx = new_ctx(opts)
    summary.process(make_doc({ "Ferries, ferry and FERRY crossings.", "Island storms ended." }), ctx)
    local again = summary.process(make_doc(SENTS, { title = "Calder Island ferry back" }), ctx)
    assert.are.same(fresh.summary, again.summary)
    assert.are.same(fresh.meta.summary.sentences, again.meta.summary.sentences)
  end)
end)
