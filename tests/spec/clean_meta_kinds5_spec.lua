-- Specs of the clean stage's metadata for the failure kinds found on the sixth blind
-- page set (batch 17): label bylines ("WRITER: NAME", "Story: NAME"), "LABEL: value"
-- field lines that are neither headline nor outlet, a footer "Published: ... | Last
-- updated: ..." pair under a relative time with a reading time, a section name of the
-- menu taken from a byline's role instead of the masthead, the time zones of the
-- Pacific, Central Asian and Middle Eastern press, and a caption closing a bulleted box.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")
local dates = require("docpipe.clean.dates").new("en")

local P1 = "The council of Marrowby will reopen the old tram depot as a covered market in the spring, after a two-year restoration paid for by a heritage grant."
local P2 = "The depot, built in 1904, has stood empty since the last trams ran in 1961, and its roof was patched with tarpaulins for most of the past decade."
local P3 = "\"People have asked us for a market under a roof for years, and now they will have one in the most handsome building in town,\" said council leader Orla Penhaligon."
local P4 = "Forty stalls will open in April, with space for another twenty once the east hall is finished, the council said."

describe("clean meta: label bylines", function()
  it("reads the name of a 'WRITER: NAME' label byline", function()
    local by = meta.byline("WRITER: Tavita Lemalu-Hart")
    assert.is_truthy(by)
    assert.are.same({ "Tavita Lemalu-Hart" }, by.authors)
  end)

  it("reads the names of 'Story:', 'Reporter:' and 'Journalist:' label bylines", function()
    assert.are.same({ "Ines Harrowgate" }, meta.byline("Story: Ines Harrowgate").authors)
    assert.are.same({ "Kwabena Oduro-Fitch" }, meta.byline("Reporter: Kwabena Oduro-Fitch").authors)
    assert.are.same({ "Malia Tuipulotu" }, meta.byline("Journalist: Malia Tuipulotu").authors)
  end)

  it("does not read a headline opening 'Story' without a colon as a byline", function()
    assert.is_falsy(meta.byline("Story Bridge Repairs Begin"))
  end)
end)

describe("clean meta: field lines", function()
  it("reads 'LABEL: value' lines with a field label as fields", function()
    assert.are.equal("Category", (meta.field_line("Category: Local News")))
    assert.are.equal("NEWSPAPER SECTION", (meta.field_line("NEWSPAPER SECTION: Business")))
    assert.are.equal("Edition", (meta.field_line("Edition: Weekend")))
  end)

  it("does not read a headline with a colon or a sentence as a field", function()
    assert.is_nil(meta.field_line("Analysis: Why the depot deal matters"))
    assert.is_nil(meta.field_line("Region: The council said it would meet again."))
  end)

  it("takes more field labels from the field_labels option", function()
    local m = require("docpipe.clean.meta").new("en", nil, { "dossier" })
    assert.are.equal("Dossier", (m.field_line("Dossier: Coastal towns")))
    assert.is_nil(meta.field_line("Dossier: Coastal towns"))
  end)

  it("passes over field lines to the headline, the label byline and the masthead", function()
    local doc = run(lines {
      "The Marrowby Courier",
      "Home | News | Business | Sport | Opinion",
      "",
      "Tram depot to reopen as covered market in spring",
      "Restoration of the 1904 building paid for by heritage grant",
      "",
      "PUBLISHED : 27 Nov 2026 at 09:12",
      "NEWSPAPER SECTION: Local",
      "Category: Town news",
      "WRITER: Bettany Rusk-Oyelaran",
      "",
      P1, P2, P3, P4,
      "",
      "© 2026 The Marrowby Courier",
    })
    assert.are.equal("Tram depot to reopen as covered market in spring", doc.title)
    assert.are.same({ "Bettany Rusk-Oyelaran" }, doc.authors)
    assert.are.equal("The Marrowby Courier", doc.outlet)
    assert.are.equal("2026-11-27", doc.date)
  end)
end)

describe("clean meta: footer dates", function()
  it("reads a relative time with a reading time as a relative time", function()
    assert.is_true(dates:is_relative("5 hrs ago · 3 min read"))
    assert.is_true(dates:is_relative("Yesterday | 6 min read"))
    assert.is_false(dates:is_relative("Jan 3 · 5 min read"))
  end)

  it("takes the published time of a footer 'Published: ... | Last updated: ...' line", function()
    local doc = run(lines {
      "Tramline",
      "",
      "News   Transport   Heritage   Guides",
      "",
      "Tram depot to reopen as covered market in spring",
      "",
      "By Orrin Castellane",
      "",
      "4 hrs ago · 3 min read",
      "",
      P1, "", P2, "", P3, "", P4,
      "",
      "Published on 26 Nov 2026, 7:45 pm GMT • Last modified on 27 Nov 2026, 8:10 am GMT",
      "",
      "© 2026 Tramline Media.",
    })
    assert.are.equal("2026-11-26T19:45:00+00:00", doc.date)
  end)

  it("does not take a long footer line with words beside its date as the date", function()
    local doc = run(lines {
      "Tramline",
      "",
      "Tram depot to reopen as covered market in spring",
      "",
      "By Orrin Castellane",
      "",
      "4 hrs ago · 3 min read",
      "",
      P1, "", P2, "", P3, "", P4,
      "",
      "Published 20 Nov 2026, 9:00 am GMT | Ferry timetable changes for the winter holidays on all island routes from next week",
    })
    assert.are_not.equal("2026-11-20T09:00:00+00:00", doc.date)
  end)
end)

describe("clean meta: section names", function()
  it("takes the masthead, not a menu section named by the byline's role, as the outlet", function()
    local doc = run(lines {
      "Gearloft",
      "",
      "News   Motoring   Reviews   Deals",
      "",
      "Motoring",
      "",
      "Tram depot to reopen as covered market in spring",
      "",
      "By Orrin Castellane, Motoring Editor",
      "",
      "2 days ago · 4 min read",
      "",
      P1, "", P2, "", P3, "", P4,
      "",
      "Published: 25 November 2026, 11:00 UTC | Last updated: 26 November 2026, 09:00 UTC",
      "",
      "© 2026 Gearloft Media. All rights reserved.",
    })
    assert.are.equal("Gearloft", doc.outlet)
    assert.are.same({ "Orrin Castellane" }, doc.authors)
    assert.are.equal("2026-11-25T11:00:00+00:00", doc.date)
  end)
end)

describe("clean meta: time zones", function()
  local ZONES = {
    FJT = "+12:00", FJST = "+13:00", TOT = "+13:00", WST = "+08:00", SST = "-11:00",
    PGT = "+10:00", SBT = "+11:00", VUT = "+11:00", NCT = "+11:00", CHAST = "+12:45",
    CHADT = "+13:45", MVT = "+05:00", AFT = "+04:30", IRST = "+03:30", AZT = "+04:00",
    GET = "+04:00", TRT = "+03:00",
  }
  local names = {}
  for z in pairs(ZONES) do names[#names + 1] = z end
  table.sort(names)
  for _, z in ipairs(names) do
    it("reads the zone " .. z .. " as UTC" .. ZONES[z], function()
      assert.are.equal("2026-11-29T10:15:00" .. ZONES[z], (dates:parse("Nov 29, 2026 | 10:15 " .. z)))
    end)
  end

  it("reads AST as Atlantic Standard Time", function()
    assert.are.equal("2026-11-29T10:15:00-04:00", (dates:parse("Nov 29, 2026 10:15 AST")))
  end)

  it("reads AMT as Armenia Time (the English-language press's reading)", function()
    assert.are.equal("2026-11-29T10:15:00+04:00", (dates:parse("29 Nov 2026 10:15 AMT")))
  end)
end)

describe("clean meta: highlights boxes", function()
  it("ends a bulleted box at an unbulleted caption under it", function()
    local doc = run(lines {
      "The Marrowby Courier",
      "Home | News | Business | Sport | Opinion",
      "",
      "Tram depot to reopen as covered market in spring",
      "By Bettany Rusk-Oyelaran",
      "27 November 2026 09:12 GMT",
      "Key facts",
      "• Forty stalls will open in April in the restored depot",
      "• The restoration took two years and a heritage grant",
      "Council leader Orla Penhaligon walks through the east hall on Thursday. Marrowby Courier/Jem Falk",
      P1, P2, P3, P4,
    })
    assert.are.same({ "Forty stalls will open in April in the restored depot",
      "The restoration took two years and a heritage grant" }, doc.highlights)
  end)
end)
