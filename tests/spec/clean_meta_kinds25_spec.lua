-- Specs of the clean stage's metadata for failure kinds seen on page dumps (batch 25):
-- the order of an ambiguous numeric date (a dotted date is day first, a zone on the
-- line decides, the stage option overrides both), a release's date between two dashes
-- after its dateline, a desk byline naming no person that is no headline, and outlets:
-- a masthead in capitals title-cased, one common noun of a byline's job, a team's
-- ordinal label, an issue's number, a logo set over two lines, a masthead over its
-- motto, a government site's banner above the masthead.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, page = pages.run, pages.page
local meta = require("docpipe.clean.meta").new("en")
local dates = require("docpipe.clean.dates").new("en")

local WATER = pages.WATER

-- the water story with its first paragraph opened by a dateline
local function dated(prefix)
  local ps = { prefix .. WATER[1] }
  for k = 2, #WATER do ps[#ps + 1] = WATER[k] end
  return ps
end

-- the water story with one more paragraph naming a later day by its month ("on
-- March 14"), the month-first order of the page's month-name dates
local function with_day(extra)
  local ps = {}
  for k = 1, #WATER do ps[k] = WATER[k] end
  ps[#ps + 1] = extra
  return ps
end

describe("clean meta: the order of an ambiguous numeric date", function()
  it("reads a dotted date day first, whatever the page's month-name dates", function()
    assert.are.equal("2026-04-03", dates:parse("Updated 03.04.2026", false))
  end)

  it("reads a slashed date day first beside a day-first zone on its line", function()
    assert.are.equal("2026-04-07T06:00:00+01:00", dates:parse("Published 07/04/2026 06:00 BST", false))
  end)

  it("reads a slashed date month first beside a US zone on its line", function()
    assert.are.equal("2026-02-10T15:45:00-06:00", dates:parse("02/10/2026 3:45 PM CST", true))
  end)

  it("keeps the page's order when the line's zone is UTC", function()
    assert.are.equal("2026-07-04T06:00:00+00:00", dates:parse("07/04/2026 06:00 UTC", false))
  end)

  it("lets the stage option numeric_dates override the line's zone", function()
    assert.are.equal("2026-07-04T06:00:00+01:00", dates:parse("Published 07/04/2026 06:00 BST", "mdy"))
  end)

  it("dates a page day first by its header's zone though its story writes month first", function()
    local doc = run(page({
      "Kell Weekly Chronicle", "News | Sport | Court", "",
      "Valley water to be cut ten hours a day", "",
      "Reporter: Idony Farrant", "Published 05/03/2026 07:30 GMT", "",
    }, with_day("The board will meet again on March 14 to review the cuts."), { "© 2026 Kell Weekly Chronicle." }))
    assert.are.equal("2026-03-05T07:30:00+00:00", doc.date)
  end)

  it("dates a page by a dotted header date day first", function()
    local doc = run(page({
      "Kell Weekly Chronicle", "News | Sport | Court", "",
      "Valley water to be cut ten hours a day", "",
      "By Idony Farrant", "05.03.2026 07:30 CET", "",
    }, with_day("The board will meet again on March 14 to review the cuts."), { "© 2026 Kell Weekly Chronicle." }))
    assert.are.equal("2026-03-05T07:30:00+01:00", doc.date)
  end)
end)

describe("clean meta: a release's date between dashes after its dateline", function()
  it("takes the date into the dateline's prefix", function()
    local r = meta.dateline("PORT ELLAN, Isle of Vay – March 3, 2026 – " .. WATER[1])
    assert.are.equal("PORT ELLAN, Isle of Vay", r and r.place)
    assert.are.equal(WATER[1], r and r.rest)
  end)

  it("takes a numeric date too", function()
    local r = meta.dateline("KELL HARBOUR – 03.03.2026 – " .. WATER[1])
    assert.are.equal("KELL HARBOUR", r and r.place)
    assert.are.equal(WATER[1], r and r.rest)
  end)

  it("dates the page by it and keeps the paragraph without it", function()
    local doc = run(page({
      "Vay Islands Tourism Board", "Visit | Stay | Press Room", "",
      "FOR IMMEDIATE RELEASE", "",
      "Valley water to be cut ten hours a day", "",
    }, dated("PORT ELLAN, Isle of Vay – March 3, 2026 – "), { "###", "© 2026 Vay Islands Tourism Board." }))
    assert.are.equal("2026-03-03", doc.date)
    assert.are.equal("PORT ELLAN, Isle of Vay", doc.dateline)
    assert.are.equal(WATER[1], doc.paragraphs[1])
  end)

  it("leaves a paragraph that names a date after a dash in its sentence", function()
    local r = meta.dateline("PORT ELLAN – The board said on March 3, 2026 – a Tuesday – that the cuts would start.")
    assert.are.equal("The board said on March 3, 2026 – a Tuesday – that the cuts would start.", r and r.rest)
  end)
end)

describe("clean meta: a desk byline naming no person", function()
  it("is a desk line", function()
    assert.is_true(meta.desk_line("Kell Courier Bureau"))
    assert.is_true(meta.desk_line("Metro Desk"))
  end)

  it("is no desk line in a sentence", function()
    assert.is_false(meta.desk_line("Meet the team"))
  end)

  it("leaves the headline over the standfirst above it", function()
    local doc = run(page({
      "Kell Courier", "City | Nation | Sport", "",
      "KMC clears Rs 96-crore plan to replace old water mains in four wards",
      "Residents have complained of cloudy water for two summers",
      "Kell Courier Bureau",
      "Published: Jun 16, 2026, 22:40 IST", "",
    }, WATER, { "© 2026 Kell Courier Publications Pvt Ltd." }))
    assert.are.equal("KMC clears Rs 96-crore plan to replace old water mains in four wards", doc.title)
    assert.are.same({}, doc.authors)
  end)
end)

describe("clean meta: outlets", function()
  it("title-cases a masthead in capitals the page writes nowhere else", function()
    local doc = run(page({
      "THE HARBOUR STAR", "The paper of the valley", "",
      "Valley water to be cut ten hours a day", "",
      "By Idony Farrant", "March 3, 2026 5:48 pm", "",
    }, WATER, { "Harbour Star Publications Ltd. © 2026." }))
    assert.are.equal("The Harbour Star", doc.outlet)
  end)

  it("keeps an acronym of a masthead in capitals", function()
    assert.are.equal("KPL News", meta.caps_masthead("KPL NEWS", "water cut"))
    assert.are.equal("The Vale Star", meta.caps_masthead("THE VALE STAR", "water cut"))
    assert.are.equal("KVRN TV", meta.caps_masthead("KVRN TV", "water cut"))
  end)

  it("takes no common noun of a byline's job as the outlet", function()
    local doc = run(page({
      "KELL HARBOUR REGATTA", "11-12 July 2026 · Kell Basin · Free entry", "",
      "Home · Boaters · Traders · News", "",
      "Valley water to be cut ten hours a day", "",
      "By Idony Farrant · Regatta press officer", "3 March 2026", "",
    }, with_day("The regatta's organisers said boats would still be welcome."), { "Kell Harbour Regatta is run by volunteers." }))
    assert.are.equal("Kell Harbour Regatta", doc.outlet)
    assert.is_true(meta.common_noun("Regatta", "the regatta's boats"))
    assert.is_false(meta.common_noun("Post", "the post office"))
  end)

  it("takes no team's ordinal label as the outlet", function()
    local doc = run(page({
      "Orvanne RFC", "Est. 1902 | Proud of the valley", "",
      "Home", "Club News", "Fixtures", "",
      "Valley water to be cut ten hours a day", "",
      "Posted by Idony Farrant on 3 March 2026", "",
      "2nd XV | County League", "",
    }, WATER, { "© 2026 Orvanne RFC." }))
    assert.are_not.equal("2nd XV", doc.outlet)
    assert.are.equal("Orvanne RFC", doc.outlet)
  end)

  it("takes no issue's number as the outlet", function()
    local doc = run(page({
      "Norvale Government Information Office", "Home | News | Gazette", "",
      "Valley water to be cut ten hours a day", "",
      "Bulletin No. 07/2026", "Friday 6 March 2026", "Government Information Office", "",
    }, WATER, { "© 2026 Norvale Government Information Office." }))
    assert.are_not.equal("Bulletin No. 07/2026", doc.outlet)
  end)

  it("joins a masthead a logo sets over two lines when the page writes it joined", function()
    local ps = with_day("Orvanne Valley District Public Health urged residents to boil drinking water.")
    local doc = run(page({
      "Orvanne Valley District", "Public Health", "",
      "Home | Services | Newsroom", "",
      "Valley water to be cut ten hours a day", "",
      "By Idony Farrant", "March 3, 2026", "",
    }, ps, { "Orvanne Valley District Public Health", "© 2026 Orvanne Valley District." }))
    assert.are.equal("Orvanne Valley District Public Health", doc.outlet)
  end)

  it("takes the masthead over its motto, not the publisher of the copyright line", function()
    local doc = run(page({
      "Kell & Orvanne Gazette", "Serving Kell, Orvanne and the valley villages since 1902", "",
      "News | Sport | Court", "",
      "Valley water to be cut ten hours a day", "",
      "Reporter: Idony Farrant", "March 3, 2026", "",
    }, WATER, { "© Dunmere Valley Media Ltd 2026" }))
    assert.are.equal("Kell & Orvanne Gazette", doc.outlet)
  end)

  it("passes over a government site's banner to its masthead", function()
    local doc = run(page({
      "Department of Fisheries News (RSS)", "",
      "An official website of the State of Norvale", "Here's how you know", "",
      "Norvale Department of Fisheries", "",
      "Home", "Anglers", "Industry", "News Room", "",
      "Valley water to be cut ten hours a day", "",
      "FOR IMMEDIATE RELEASE", "March 3, 2026", "",
    }, with_day("The Norvale Department of Fisheries also closed two ponds to anglers."), { "Norvale Department of Fisheries" }))
    assert.are.equal("Norvale Department of Fisheries", doc.outlet)
    assert.is_true(meta.site_banner("An official website of the State of Norvale"))
    assert.is_false(meta.site_banner("An official visit to the valley"))
  end)

  -- regression: a user's banner pattern was tried only on lines opening on "#", "A" or
  -- "H" (the shipped list's byte test), and a bad one failed documents at run time
  it("tries a user's site_banners pattern on any line and rejects a bad one at once", function()
    local user = require("docpipe.clean.meta").new("en", nil, nil, { site_banners = { "veskaria media group network" } })
    assert.is_true(user.site_banner("Veskaria Media Group Network"))
    assert.is_false(meta.site_banner("Veskaria Media Group Network"))
    local ok, err = pcall(require("docpipe.clean.meta").new, "en", nil, nil, { site_banners = { "(bad" } })
    assert.is_false(ok)
    assert.matches("site_banners: bad pattern '%(bad'", err)
  end)
end)
