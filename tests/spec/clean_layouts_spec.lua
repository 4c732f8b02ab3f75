-- Specs of the clean stage for page layouts met on unseen pages (batches 10 and 11 of
-- tests/fixtures/clean: regional date and zone forms, byline shapes, captions, labels,
-- notes). Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph
local dates = require("docpipe.clean.dates").new("en")
local meta = require("docpipe.clean.meta").new("en")


local P1 = "The Tolvane county board voted on Thursday to rebuild the old pier at Marrow Point, after two winters in which storms tore away more than a third of its deck and railings."
local P2 = "The work will cost about $2.4 million and should start in the spring, the board said, with the state paying half of it through its coastal repair fund."
local P3 = "\"People fish off that pier every day of the year, and we want them to keep doing it safely,\" said board chair Odile Brannagh, who grew up in the town."
local P4 = "The pier will stay closed until the work is done, and a temporary platform will be built beside the boat ramp for anglers."

-- a page: the lines above the body, the four paragraphs, the lines under it
local function story(top, bottom)
  local t = {}
  for _, l in ipairs(top) do t[#t + 1] = l end
  for _, p in ipairs { P1, P2, P3, P4 } do t[#t + 1] = p; t[#t + 1] = "" end
  for _, l in ipairs(bottom or {}) do t[#t + 1] = l end
  return lines(t)
end

describe("clean: dates of other regions", function()
  it("reads South African time (SAST) as UTC+2", function()
    assert.are.equal("2026-11-29T14:05:00+02:00", dates:parse("29 November 2026 | 14:05 SAST"))
  end)
  it("reads a GMT offset written after the zone (GMT+1)", function()
    assert.are.equal("2026-11-29T15:05:00+01:00", dates:parse("November 29, 2026 3:05 PM GMT+1"))
    assert.are.equal("2026-11-29T15:05:00+14:00", dates:parse("November 29, 2026 3:05 PM GMT+14"))
    assert.are.equal("2026-11-29T15:05:00+05:30", dates:parse("November 29, 2026 3:05 PM UTC+5:30"))
  end)
  it("gives the date alone for an offset no zone has (regression: GMT+99 read as +00:00)", function()
    assert.are.equal("2026-11-29", dates:parse("November 29, 2026 3:05 PM GMT+99"))
    assert.are.equal("2026-11-29", dates:parse("November 29, 2026 3:05 PM UTC+15"))
    assert.are.equal("2026-11-29", dates:parse("November 29, 2026 3:05 PM GMT+5:75"))
    assert.is_true(dates:is_timestamp("November 29, 2026 3:05 PM GMT+99"))
  end)
  it("gives the date alone for an ISO time or offset no clock or zone has (regression: '+99:99' and '24:30' kept)", function()
    assert.are.equal("2026-11-29", dates:parse("2026-11-29T14:05:00+99:99"))
    assert.are.equal("2026-11-29", dates:parse("2026-11-29T14:05:00-25:00"))
    assert.are.equal("2026-11-29", dates:parse("2026-11-29T14:05:00+14:01"))
    assert.are.equal("2026-11-29", dates:parse("2026-11-29T24:30:00Z"))
    assert.are.equal("2026-11-29T14:05:00+14:00", dates:parse("2026-11-29T14:05:00+14:00"))
    assert.are.equal("2026-11-29T23:59:60+00:00", dates:parse("2026-11-29T23:59:60Z"))
  end)
  it("reads the zone word after an ISO date and time (2026-11-28 19:30 UTC)", function()
    assert.are.equal("2026-11-28T19:30:00+00:00", dates:parse("Last updated 2026-11-28 19:30 UTC"))
    assert.are.equal("2026-11-28T07:30:00+00:00", dates:parse("2026-11-28 07:30 GMT+0"))
    assert.are.equal("2026-11-28T19:30:00-05:00", dates:parse("2026-11-28 19:30 EST"))
    -- a zone elsewhere on the line is not the ISO time's
    assert.are.equal("2026-11-28", dates:parse("2026-11-28 19:30 (about 3 pm EST)"))
  end)
  it("reads a year glued to the time by a save as text", function()
    assert.are.equal("2026-11-29T15:05:00+01:00", dates:parse("November 29, 20263:05 PM GMT+1Updated 2 hours ago"))
  end)
  it("takes a date line with a relative update and a reading time beside it as a timestamp", function()
    assert.is_true(dates:is_timestamp("Published Nov 29, 2026 • Last updated 2 hours ago • 3 minute read"))
  end)
  it("takes the 'First uploaded on' line under the body over the header's updated time", function()
    local doc = run(story({ "The Deccan Lantern", "",
      "Tolvane to rebuild the Marrow Point pier", "",
      "Written by Ananya Ravikumar | Updated: November 29, 2026 14:05 IST", "" },
      { "First uploaded on: 29-11-2026 at 13:40 IST" }))
    assert.are.equal("2026-11-29T13:40:00+05:30", doc.date)
  end)
end)

describe("clean: bylines", function()
  it("drops a title before the name (By Dr NAME)", function()
    assert.are.same({ "Ifeoma Castellanos-Baird" }, meta.byline("By Dr Ifeoma Castellanos-Baird").authors)
  end)
  it("reads 'Posted by NAME at 2:05 PM' as one author", function()
    assert.are.same({ "Marguerite Oyelaran" }, meta.byline("Posted by Marguerite Oyelaran at 2:05 PM", dates).authors)
  end)
  it("reads names set apart by a bar in page order", function()
    assert.are.same({ "Katrin Vogelsang", "Malte Reuter" }, meta.name_line("Katrin Vogelsang | Malte Reuter").authors)
  end)
  it("does not take a place after a bar for a second author", function()
    assert.are.same({ "Jane Corrigan" }, meta.byline("By Jane Corrigan | New York", dates).authors)
  end)
  it("reads 'Special to the X' as the outlet, not an author", function()
    local by = meta.byline("By Odessa Prewitt and Lamar Quincey-Hale, Special to the Gazette", dates)
    assert.are.same({ "Odessa Prewitt", "Lamar Quincey-Hale" }, by.authors)
    assert.are.equal("Gazette", by.outlet)
  end)
  it("names the masthead when the byline gives its short form", function()
    local doc = run(story({ "The Marlow Valley Gazette", "",
      "Tolvane to rebuild the Marrow Point pier", "",
      "By Odessa Prewitt, Special to the Gazette", "Nov. 29, 2026, 2:05 p.m. ET", "" }))
    assert.are.equal("The Marlow Valley Gazette", doc.outlet)
    assert.are.same({ "Odessa Prewitt" }, { table.unpack(doc.authors) })
  end)
  it("does not take the city between bars of a byline for the outlet", function()
    local doc = run(story({ "The Deccan Lantern", "",
      "Kestrapur to rebuild the Marrow Point pier", "",
      "Written by Ananya Ravikumar | Kestrapur | Updated: November 29, 2026 14:05 IST", "" },
      { "Tags:", "Kestrapur Pier   Kestrapur news" }))
    assert.are.equal("The Deccan Lantern", doc.outlet)
    assert.are.same({ "Ananya Ravikumar" }, { table.unpack(doc.authors) })
  end)
  it("joins a byline label line to the name under it", function()
    local doc = run(story({ "The Prairie Lamp", "",
      "Tolvane to rebuild the Marrow Point pier", "",
      "Author of the article:", "Ryan Castellane", "Published Nov 29, 2026", "" }))
    assert.are.equal("Tolvane to rebuild the Marrow Point pier", doc.title)
    assert.are.same({ "Ryan Castellane" }, { table.unpack(doc.authors) })
  end)
  it("takes the author from a byline closing the post when the header has none", function()
    local doc = run(story({ "Marrow Point Notes", "",
      "Sunday, November 29, 2026", "",
      "Tolvane to rebuild the Marrow Point pier", "" },
      { "Posted by Marguerite Oyelaran at 2:05 PM", "Labels: pier, county board" }))
    assert.are.same({ "Marguerite Oyelaran" }, { table.unpack(doc.authors) })
  end)
  it("does not take a closing contributor line for the byline", function()
    local doc = run(story({}, { "Reporting by Mirela Dunsany; Editing by Oskar Weatherall" }))
    assert.are.equal(0, #doc.authors)
  end)
  it("reads 'Local Democracy Reporter' as a role, and a 'Quick Read' toggle as no name", function()
    assert.is_true(meta.is_role_line("Local Democracy Reporter"))
    local doc = run(story({ "The Waitaha Lamp", "",
      "Tolvane to rebuild the Marrow Point pier", "",
      "Aroha Tane-Whitford", "Local Democracy Reporter", "5:05pm, 29 Nov 2026 NZDT", "", "Quick Read", "" }))
    assert.are.equal("Tolvane to rebuild the Marrow Point pier", doc.title)
    assert.are.same({ "Aroha Tane-Whitford" }, { table.unpack(doc.authors) })
    assert.are.equal("2026-11-29T17:05:00+13:00", doc.date)
  end)
end)

describe("clean: title", function()
  it("does not take a blog's tagline above a menu for the title", function()
    local doc = run(story({ "Marrow Point Notes", "A neighbourhood blog about the north shore, since 2011", "",
      "Home   About   Contact   Archive", "",
      "Sunday, November 29, 2026", "",
      "Tolvane to rebuild the Marrow Point pier", "" }))
    assert.are.equal("Tolvane to rebuild the Marrow Point pier", doc.title)
  end)
  it("does not take a caption above a picture credit for the title", function()
    local doc = run(story({ "Tolvane to rebuild the Marrow Point pier", "",
      "Storms tore away a third of the deck.", "",
      "Anglers on the pier at Marrow Point in the summer of 2019", "Image: Jens Wittkamp/Naturbild", "",
      "Katrin Vogelsang | Malte Reuter", "November 29, 2026", "" }))
    assert.are.equal("Tolvane to rebuild the Marrow Point pier", doc.title)
    assert.are.same({ "Katrin Vogelsang", "Malte Reuter" }, { table.unpack(doc.authors) })
  end)
end)

describe("clean: furniture in and around the body", function()
  local doc = run(story({ "Tolvane to rebuild the Marrow Point pier", "",
    "By Jess Pemberton", "Posted Sun 29 Nov 2026 at 4:05am", "",
    "Key points:", "The pier lost a third of its deck in two winters", "The state pays half of the $2.4 million",
    "Anglers on the pier at dawn. (TCB Rural: Jess Pemberton)", "",
    "Play Video", "Anglers say the pier is part of the town. Video: TCB News", "",
    "This article appears in the December 2026 issue of The Tolvane Quarterly.", "" },
    { "Read: County opens new boat ramp", "", "Also Read | Storm season ends early", "",
      "Illustration by Juno Fairweather for The Tolvane Quarterly", "",
      "Click here to join The Tolvane Quarterly on WhatsApp and get the latest news", "",
      "Article content", "" }))
  it("reads unbulleted lines under a 'Key points:' heading as highlights", function()
    assert.are.same({ "The pier lost a third of its deck in two winters", "The state pays half of the $2.4 million" },
      { table.unpack(doc.highlights) })
  end)
  it("drops a caption closed by '(Outlet: NAME)' and one closed by 'Video: Outlet'", function()
    assert.is_false(has_paragraph(doc, "Anglers on the pier at dawn"))
    assert.is_false(has_paragraph(doc, "Anglers say the pier"))
  end)
  it("drops a print-issue note, 'Read:' and 'Also Read |' links, an illustration credit, a WhatsApp prompt and 'Article content'", function()
    for _, s in ipairs { "December 2026 issue", "County opens", "Storm season", "Illustration by", "WhatsApp", "Article content" } do
      assert.is_false(has_paragraph(doc, s), s)
    end
    assert.are.equal(4, #doc.paragraphs)
  end)
  it("keeps a sentence ending in a source note in parentheses", function()
    local d = run(story({}, { "The pier was built in 1921 and last rebuilt in 1977. (Source: Tolvane County Archive)", "" }))
    assert.is_true(has_paragraph(d, "last rebuilt in 1977"))
  end)
  it("drops a lynx caption between an image's name and a credit line", function()
    local d = run(lines {
      "   The Asahara Lamp", "",
      "Tolvane to rebuild the Marrow Point pier", "",
      "   By Haruto Sakamoto / Asahara Lamp Staff Writer", "",
      "   [pier.jpg]",
      "   Anglers on the pier at Marrow Point on",
      "   Saturday.",
      "   The Asahara Lamp", "",
      "   MARROW POINT, Tolvane -- The county board voted on Thursday to rebuild the old pier,",
      "   after two winters in which storms tore away more than a third of its deck.", "",
      "   The work will cost about $2.4 million and should start in the spring, the board",
      "   said, with the state paying half of it through its coastal repair fund.", "",
    })
    assert.is_false(has_paragraph(d, "Anglers on the pier"))
    assert.are.equal("MARROW POINT, Tolvane", d.dateline)
    assert.are.equal(2, #d.paragraphs)
  end)
end)

describe("clean: author notes", function()
  it("drops a note about all the byline authors ('A, B, and C are staff writers at')", function()
    local doc = run(story({ "Tolvane to rebuild the Marrow Point pier", "",
      "By Tomasz Wieliczko, Ana Belén Ortega, and Kwame Asante-Darko", "November 29, 2026", "" },
      { "Tomasz Wieliczko, Ana Belén Ortega, and Kwame Asante-Darko are staff writers at The Tolvane Quarterly.", "" }))
    assert.are.equal(4, #doc.paragraphs)
  end)
  it("drops a note that gives the author's title ('Dr NAME is a consultant')", function()
    local doc = run(story({ "Tolvane to rebuild the Marrow Point pier", "",
      "By Dr Ifeoma Castellanos-Baird", "Sun 29/11/2026 - 06:00", "" },
      { "Dr Ifeoma Castellanos-Baird is a consultant in emergency medicine at Tolvane General Hospital.", "" }))
    assert.are.same({ "Ifeoma Castellanos-Baird" }, { table.unpack(doc.authors) })
    assert.are.equal("2026-11-29", doc.date)
    assert.are.equal(4, #doc.paragraphs)
  end)
end)

describe("clean: a one-word outlet between bars", function()
  it("takes it when no paragraph names it", function()
    local doc = run(story({ "The Deccan Lantern", "",
      "Tolvane to rebuild the Marrow Point pier", "",
      "By Ananya Ravikumar | Bloomfeld | Updated: November 29, 2026 14:05 IST", "" }))
    assert.are.equal("Bloomfeld", doc.outlet)
  end)
end)
