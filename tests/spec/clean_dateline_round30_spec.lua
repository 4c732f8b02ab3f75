-- Specs of the clean stage's datelines of development sets h99 to h103: a mixed-case
-- place with its day and month closed by a colon ("Kelbagh, Jun 12:", as Indian papers
-- open every story) taken when the day is the page's date or the page writes the place
-- on another line, and a mixed-case place of several words with a lower-case particle
-- before a colon ("Villa del Cardo:") taken when the page's weather box names it; a
-- label in capitals and a colon before a pronoun of the first person ("TARRANT: We
-- ...") is a speaker's turn, no dateline. Every
-- page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run = pages.run
local meta = require("docpipe.clean.meta").new("en")

local body = pages.paragraphs
local page = pages.stacked

local MORE = {
  "Officials said four of the six pumps would run in two shifts from Thursday, with lights fitted for the night work.",
  "Farmers along the canal said the low water had already cost them a week of irrigation in the middle of the sowing season.",
  "The department said it would review the schedule at the end of the month once the reservoir levels were known.",
}

describe("clean dateline round 30: a place, a day and month and a colon", function()
  local lead = "Kelbagh, Jun 12: The irrigation department on Wednesday ordered its pumping stations on the main canal to run round the clock."
  local art = "Canal pumps to run round the clock\n|\n" .. lead

  it("reads the place when the day and month are the page's date, or the day before it", function()
    local dl = meta.dateline(lead, art, "page", "2024-06-12T23:47:00+05:30")
    assert.are.equal("Kelbagh", dl and dl.place)
    assert.are.equal("The irrigation department", dl.rest:sub(1, 25))
    -- (a story filed one evening and put online after midnight)
    assert.are.equal("Kelbagh", meta.dateline(lead, art, "page", "2024-06-13T00:40:00+05:30").place)
    -- (the day first, "Kelbagh, 12 June:")
    local lead2 = "Kelbagh, 12 June: The irrigation department on Wednesday ordered its pumping stations on the main canal to run round the clock."
    assert.are.equal("Kelbagh", meta.dateline(lead2, art, "page", "2024-06-12").place)
    -- (across a month's end: "Jun 30" on a page of 1 July)
    local lead3 = "Kelbagh, Jun 30: The irrigation department on Sunday ordered its pumping stations on the main canal to run round the clock."
    assert.are.equal("Kelbagh", meta.dateline(lead3, art, "page", "2024-07-01").place)
  end)

  it("reads it when the page writes the place after another word on one line", function()
    local pg = "Trending: Power cuts schedule for Kelbagh city released | Monsoon tracker\n" .. lead
    assert.are.equal("Kelbagh", meta.dateline(lead, art, pg).place)
  end)

  it("leaves it with no evidence: another day, no date, no page", function()
    assert.is_nil(meta.dateline(lead, art, "page", "2024-06-16T10:00:00+05:30"))
    assert.is_nil(meta.dateline(lead, art, "page", "2024-05-12"))
    assert.is_nil(meta.dateline(lead, art, "page"))
    assert.is_nil(meta.dateline(lead))
    -- (a weekday or a label stays out even on the page's date; so does a name)
    local lead4 = "Update, Jun 12: The irrigation department on Wednesday ordered its pumping stations on the main canal to run round the clock."
    assert.is_nil(meta.dateline(lead4, art, "page", "2024-06-12"))
    local lead5 = "Maria Hensleigh, Jun 12: The irrigation department on Wednesday ordered its pumping stations on the main canal to run round the clock."
    assert.is_nil(meta.dateline(lead5, art, "page", "2024-06-12"))
  end)

  it("reads it on a page whose date line gives the day, under a caption", function()
    local doc = run(page({
      "THE DOABA HERALD",
      "",
      "Home | State | Cities | Business | Sports | Opinion",
      "",
      "Canal pumps to run round the clock as water level falls",
      "",
      "By Harjeet Sandhawalia",
      "",
      "Published: 12 Jun 2024, 11:47 PM IST | Last updated: 9 hours ago",
      "",
      "Pumps at a station on the main canal. (File photo)",
      "",
    }, body(lead, MORE[1], MORE[2], MORE[3], pages.WATER[1]), { "© 2024 The Doaba Herald" }))
    assert.are.equal("Kelbagh", doc.dateline)
    assert.is_true(pages.has_paragraph(doc, "The irrigation department on Wednesday"))
    assert.is_false(pages.has_paragraph(doc, "Kelbagh, Jun 12"))
  end)
end)

describe("clean dateline round 30: a place with a particle before a colon", function()
  local lead = "Villa del Cardo: Inspectors from the town hall have begun visiting holiday flats in the coastal districts of the municipality."
  local art = "Town hall inspectors visit holiday flats\n|\n" .. lead

  it("reads the place the page's weather box names", function()
    local pg = "Home · Local · Property\nVilla del Cardo 24°C · Sunny · UV 9\n" .. lead
    assert.are.equal("Villa del Cardo", meta.dateline(lead, art, pg).place)
    -- (no weather box: no evidence; and a speaker's name stays a speaker's)
    assert.is_nil(meta.dateline(lead, art, "Home · Local · Property\n" .. lead))
    local lead2 = "Ramona Aldecoa: Inspectors from the town hall have begun visiting holiday flats in the coastal districts of the municipality."
    assert.is_nil(meta.dateline(lead2, art, "Ramona Aldecoa 24°C\n" .. lead2))
  end)

  it("reads it on a page under a caption with its credit", function()
    local doc = run(page({
      "The Island Weekly",
      "English news for the western isles since 2004",
      "",
      "Home · Local News · Property · Motoring · What's On",
      "",
      "Villa del Cardo 24°C · Sunny · UV 9",
      "",
      "Town hall inspectors target unlicensed holiday flats",
      "",
      "By Gemma Trelawny",
      "",
      "Published: 07/06/2025 09:30 WEST",
      "",
      "Flats in the harbour district. Photo: TIW",
      "",
    }, body(lead, pages.WATER[1], pages.WATER[2], pages.WATER[3], pages.WATER[4]), { "© 2025 The Island Weekly" }))
    assert.are.equal("Villa del Cardo", doc.dateline)
    assert.is_true(pages.has_paragraph(doc, "Inspectors from the town hall"))
    assert.is_false(pages.has_paragraph(doc, "Villa del Cardo:"))
  end)
end)

describe("clean dateline round 30: a speaker's turn in capitals", function()
  it("reads no dateline from a label in capitals before a colon and 'I' or 'We'", function()
    assert.is_nil(meta.dateline("TARRANT: We ordered the two ferries three years ago and they were built at the yard across the bay."))
    assert.is_nil(meta.dateline("TARRANT: I think the two ferries will be ready before the summer season starts in the bay."))
    -- (a place in capitals before a colon and a lead in the third person stays a dateline)
    assert.are.equal("TARRANT", meta.dateline("TARRANT: Workers ordered the two ferries three years ago and they were built at the yard across the bay.").place)
    -- (and a dash is no speaker's mark)
    assert.are.equal("TARRANT", meta.dateline("TARRANT — We Are Family, a charity for carers, has opened a second drop-in centre in the town.").place)
  end)
end)
