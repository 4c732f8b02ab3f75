-- Specs of the clean stage's cheap tests before its costly ones (issue 4): cue patterns
-- filed under their first two bytes, one call for the literal-bearing cues, numeric
-- dates read with ASCII digits only (a Unicode digit matched \d and then read as nil,
-- which failed the page). Every page below is invented.

local clean = require "docpipe.stages.clean"
local ev = require "docpipe.clean.evidence"
local normalize = require "docpipe.clean.normalize"
local dates = require("docpipe.clean.dates").new("en")

local function run(text)
  local ctx = { opts = { explain = true }, state = {}, stage = "clean", warn = function() end }
  clean.init(ctx.opts, ctx)
  return clean.process({ id = "t", text = text, meta = {}, errors = {} }, ctx)
end

local function lines(t) return table.concat(t, "\n") .. "\n" end

-- the flags of the block whose text is `text` (explain output)
local function flags_of(doc, text)
  for _, b in ipairs(doc.meta.clean_blocks) do
    if b.text == text then return b.flags end
  end
  return nil
end

local BODY = {
  "The Harlow Bay ferry will run an extra evening crossing from next month, the island council said on Monday, after a summer in which queues at the pier often stretched past the car park.",
  "Council member Ines Talbrook said the crossing would cost about 90,000 pounds a year and would be paid for by a small rise in the fare for visitors' cars.",
  "Residents who commute to the mainland have asked for a later boat for years, she said, and the operator has found a second crew to run it.",
}

describe("clean: cue patterns by their first two bytes", function()
  it("files an anchored pattern under the first two bytes of its literals", function()
    assert.are.same({ sh = true, pr = true }, ev.first_pairs("^(share|print) this\\b"))
  end)

  it("files a pattern under its first byte when a second letter could fold to a non-ASCII one", function()
    -- caseless k and s also match U+212A and U+017F
    assert.is_nil(ev.first_pairs("^skip to content"))
    assert.is_nil(ev.first_pairs("^\\d+ of \\d+$"))
    assert.is_nil(ev.first_pairs("^(x|share)\\b"))
  end)

  it("still finds the cues of both kinds of bucket, in any case", function()
    local doc = run(lines {
      "SKIP TO MAIN CONTENT", "", "Ferry adds evening crossing", "", "By Petra Olunde", "",
      BODY[1], "", BODY[2], "", BODY[3], "", "Share this story", "", "Sponsored content", "", "3 of 12",
    })
    assert.is_truthy(flags_of(doc, "SKIP TO MAIN CONTENT"):find("cue:navigation", 1, true))
    assert.is_truthy(flags_of(doc, "Share this story"):find("cue:share", 1, true))
    assert.is_truthy(flags_of(doc, "Sponsored content"):find("cue:ads", 1, true))
    assert.is_truthy(flags_of(doc, "3 of 12"):find("cue:media", 1, true))
  end)

  it("finds the cues that need a literal sign (a bar, a chevron) after the one-call test", function()
    local doc = run(lines {
      "Home | Island | Transport | Weather", "", "Home › Island › Transport", "",
      "Ferry adds evening crossing", "", BODY[1], "", BODY[2], "", BODY[3],
    })
    assert.is_truthy(flags_of(doc, "Home | Island | Transport | Weather"):find("cue:navigation", 1, true))
    assert.is_truthy(flags_of(doc, "Home › Island › Transport"):find("cue:navigation", 1, true))
  end)
end)

describe("clean: numeric dates in ASCII digits", function()
  it("reads \\d as an ASCII digit in a date pattern, inside a class too", function()
    assert.are.equal("([0-9]{1,2})[/.0-9]", normalize.ascii_digits("(\\d{1,2})[/.\\d]"))
    assert.are.equal("a\\\\d", normalize.ascii_digits("a\\\\d"))
  end)

  it("reads no date from Unicode digits instead of failing", function()
    assert.is_nil(dates:find("Posted ١٢/٠٣/٢٠٢٤"))
    assert.has_no.errors(function() dates:is_timestamp("March 3, 2024 ٣ pm") end)
    assert.are.equal("2024-03-12", dates:parse("Posted 2024-03-12"))
    assert.are.equal("2024-12-03", dates:parse("Posted 12/03/2024", false))
  end)

  it("cleans a page with a date in Arabic-Indic digits", function()
    local doc = run(lines { "Ferry adds evening crossing", "", "Posted ١٢/٠٣/٢٠٢٤", "", BODY[1], "", BODY[2], "", BODY[3] })
    assert.are.equal(3, #doc.paragraphs)
    assert.are.equal(BODY[1], doc.paragraphs[1])
  end)
end)
