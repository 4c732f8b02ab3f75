-- Specs of the clean stage's metadata for failure kinds seen on real page dumps (batch
-- 15): a byline whose name runs into its date ("by NAME28 Nov 2026412"), a person
-- credited for pictures beside the reporter, a byline set apart from the header's
-- timestamp by a picture and a sponsor line, a headline hard-wrapped past the body's
-- column, a line of timestamps ("... Updated ...") set apart from the byline by a
-- picture and its caption.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")

local P = {
  "The ferry between Carrow Sound and the island of Inchmorra will sail only twice a day from next month after the older of its two boats failed a hull survey, the island council said on Monday.",
  "The council said a replacement hull plate had been ordered from a yard in the north but would take at least ten weeks to arrive and fit, leaving one boat to carry cars, freight and the school run.",
  "\"We know what this means for people who work on the mainland, and we are sorry,\" said council leader Morwen Tallack, who added that a freight-only crossing at dawn would be kept for the island's two shops.",
  "Islanders have asked for a second boat to be chartered for the summer months, when visitors fill most of the car deck, and the council said it would put the request to the regional transport board.",
}

-- a paragraph hard-wrapped as `lynx -dump -width=100` sets it: three spaces of margin,
-- lines broken before the word that would pass the column
local wrap = pages.lynx_wrap

local function body(width)
  local t = {}
  for _, p in ipairs(P) do t[#t + 1] = ""; t[#t + 1] = wrap(p, width or 94) end
  return t
end

local function page(head)
  local t = { "     * News", "     * Islands", "     * Transport", "" }
  for _, l in ipairs(head) do t[#t + 1] = l end
  for _, l in ipairs(body()) do t[#t + 1] = l end
  return lines(t)
end

describe("clean meta: a byline's name run into its date", function()
  it("splits a name glued to a date and a count at the digits", function()
    local by = meta.byline("by Tamsin Orrell28 Nov 2026412")
    assert.is_truthy(by)
    assert.are.same({ "Tamsin Orrell" }, by.authors)
  end)

  it("takes the glued byline above the timestamp as the author", function()
    local doc = run(page {
      "Inchmorra ferry to sail twice a day after hull survey fails",
      "",
      "   by Tamsin Orrell28 Nov 2026412",
      "   28 Nov, 2026 28 Nov, 2026",
    })
    assert.are.same({ "Tamsin Orrell" }, doc.authors)
    assert.are.equal("2026-11-28", doc.date)
  end)

  it("still reads a name in capitals before its date, and a name with no date whole", function()
    assert.are.same({ "Tamsin Orrell" }, meta.byline("By TAMSIN ORRELL 28 Nov 2026").authors)
    assert.are.same({ "Tamsin Orrell", "Jago Kessell" }, meta.byline("By Tamsin Orrell and Jago Kessell").authors)
  end)
end)

describe("clean meta: people credited for pictures", function()
  it("keeps the reporter and drops a person credited for photography or video", function()
    assert.are.same({ "Ysolde Marrack" },
      meta.byline("by Ysolde Marrack (reporting) and Kit Penrose (photography)").authors)
    assert.are.same({ "Ysolde Marrack" },
      meta.byline("By Ysolde Marrack and Kit Penrose (video)").authors)
  end)

  it("reads a byline between the headline and a header set apart by a picture and a sponsor", function()
    local doc = run(page {
      "Inchmorra ferry to sail twice a day after hull survey fails",
      "",
      "   The older ferry at its berth in Carrow Sound. Photograph: Kit Penrose for the Packet",
      "",
      "   by Ysolde Marrack (reporting) and Kit Penrose (photography)",
      "   Main image: The older ferry at its berth in Carrow Sound. Photograph: Kit Penrose for the Packet",
      "",
      "   Island crossings is supported by",
      "   The Harrowgate Maritime Trust About this content",
      "",
      "   Mon 30 Nov 2026 09.00 GMT",
    })
    assert.are.same({ "Ysolde Marrack" }, doc.authors)
  end)
end)

describe("clean meta: a headline wrapped past the body's column", function()
  local long = "Inchmorra ferry to sail only twice a day as the older boat fails hull survey and council asks for"
  it("joins the short line in lower case that continues a headline filling the wrap width", function()
    local doc = run(page { long, "a charter", "", "   By Tamsin Orrell", "   Mon 30 Nov 2026 09.00 GMT" })
    assert.are.equal(long .. " a charter", doc.title)
  end)

  it("does not join a line that opens in capitals, or one under a short headline", function()
    local doc = run(page { long, "Islands", "", "   By Tamsin Orrell", "   Mon 30 Nov 2026 09.00 GMT" })
    assert.are.equal(long, doc.title)
    local short = "Inchmorra ferry to sail twice a day after hull survey fails"
    doc = run(page { short, "islands desk", "", "   By Tamsin Orrell", "   Mon 30 Nov 2026 09.00 GMT" })
    assert.are.equal(short, doc.title)
  end)
end)

describe("clean meta: a line of timestamps apart from the byline", function()
  it("dates the page from a published-and-updated line under the headline", function()
    local doc = run(page {
      "Inchmorra ferry to sail twice a day after hull survey fails",
      "",
      "   November 28, 2026 at 6:01 am Updated November 29, 2026 at 3:33 pm",
      "   Skipper Jago Kessell stands by the older ferry at its berth in Carrow Sound, where it has been",
      "   laid up since October. (Kit Penrose / The Packet)",
      "   Deckhands load freight onto the one ferry still sailing. (Kit Penrose / The Packet) Deckhands",
      "   load freight onto the one ferry still sailing. (Kit Penrose / The Packet)",
      "   Tamsin Orrell",
      "   By Tamsin Orrell",
      "   Packet transport reporter",
    })
    assert.are.equal("2026-11-28", doc.date)
    assert.are.same({ "Tamsin Orrell" }, doc.authors)
  end)
end)

describe("clean meta: a byline's date without its year", function()
  local dates = require("docpipe.clean.dates").new("en")
  local story = "The ferry last broke down on November 28, 2026, when a storm bent its ramp."

  it("takes the year the page writes beside the same month and day", function()
    assert.are.equal("2026-11-28", dates:yearless("By Tamsin Orrell Nov. 28 at 3:57 PM Follow @torrell", story))
  end)

  it("gives no date when the page writes that day in two years or a later year", function()
    assert.is_nil(dates:yearless("By Tamsin Orrell Nov. 28 at 3:57 PM", story .. " A year on, on 28 November 2027, it sailed."))
    assert.is_nil(dates:yearless("By Tamsin Orrell Nov. 28 at 3:57 PM", story .. " © 2027 The Packet"))
    assert.is_nil(dates:yearless("By Tamsin Orrell Nov. 28 at 3:57 PM", "The ferry broke down again."))
  end)

  it("dates the page from a byline with a month and day when a caption gives the year", function()
    local doc = run(page {
      "Inchmorra ferry to sail twice a day after hull survey fails",
      "",
      "   By Tamsin Orrell November 28 at 3:57 PM Follow @torrell",
      "",
      "   November 28, 2026 The older ferry at its berth in Carrow Sound. (Kit Penrose / The Packet)",
    })
    assert.are.equal("2026-11-28", doc.date)
    assert.are.same({ "Tamsin Orrell" }, doc.authors)
  end)
end)
