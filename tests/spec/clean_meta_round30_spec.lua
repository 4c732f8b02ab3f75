-- Specs of the clean stage's metadata kinds of development sets h99 to h103: AST and
-- AMT read by the page's evidence (Arabia's or the Atlantic's, the Amazon's or
-- Armenia's); a zone followed by its offset in brackets; Saint Pierre and Miquelon's
-- PMST/PMDT; a name with a lower-case particle glued to its surname ("al-"); a byline in
-- capitals over a role opened by the outlet's hyphenated short name; a section word of
-- the menu never the masthead; a byline's outlet cut before a role word; a copyright
-- holder before its name in another language in brackets; an edition's masthead; a
-- logo's file name; "With a report from NAME". Every page below is invented (fictional
-- towns, people and outlets).

local pages = require "tests.clean_pages"
local run = pages.run
local meta = require("docpipe.clean.meta").new("en")
local dates = require("docpipe.clean.dates").new("en")

local body = pages.paragraphs
local page = pages.stacked

local LEAD, MORE = pages.FOOTBRIDGE[1], { pages.FOOTBRIDGE[2], pages.FOOTBRIDGE[3] }

describe("clean meta round 30: zones", function()
  it("reads AST as Arabia Standard Time on a page naming the Gulf's countries, else Atlantic", function()
    dates:page_zones("Basra port news, Iraq\n12 May 2025 09:40 AST")
    assert.are.equal("2025-05-12T09:40:00+03:00", (dates:parse("12 May 2025 09:40 AST")))
    dates:page_zones("Halifax harbour notes, Canada\n12 May 2025 09:40 AST")
    assert.are.equal("2025-05-12T09:40:00-04:00", (dates:parse("12 May 2025 09:40 AST")))
    -- (the evidence of both: the default reading, Atlantic)
    dates:page_zones("Flights from Halifax to Kuwait\n12 May 2025 09:40 AST")
    assert.are.equal("2025-05-12T09:40:00-04:00", (dates:parse("12 May 2025 09:40 AST")))
    -- ("AST" inside a word is no zone's evidence to weigh)
    dates:page_zones("EAST COAST PODCAST from Iraq")
    assert.are.equal("2025-05-12T09:40:00-04:00", (dates:parse("12 May 2025 09:40 AST")))
    dates:page_zones("")
  end)

  it("reads AMT as Amazon Time on a page naming Brazil's Amazon, else Armenia's", function()
    dates:page_zones("River news from Manaus, Amazonas\nMay 12, 2025 - 4:20 p.m. AMT")
    assert.are.equal("2025-05-12T16:20:00-04:00", (dates:parse("May 12, 2025 - 4:20 p.m. AMT")))
    dates:page_zones("Yerevan city notes\nMay 12, 2025 - 4:20 p.m. AMT")
    assert.are.equal("2025-05-12T16:20:00+04:00", (dates:parse("May 12, 2025 - 4:20 p.m. AMT")))
    dates:page_zones("")
  end)

  it("reads a zone's offset written after it in brackets", function()
    assert.are.equal("2025-05-12T09:40:00+03:00", (dates:parse("12 May 2025 | 09:40 AST (GMT+3)")))
    assert.are.equal("2025-05-12T10:00:00+05:00", (dates:parse("Date: 2025-05-12 10:00 (UZT, UTC+05:00)")))
    assert.are.equal("2025-05-12T10:00:00+05:00", (dates:parse("2025-05-12 10:00 (UZT)")))
    -- (an offset no zone has: the zone's own)
    assert.are.equal("2025-05-12T09:40:00-04:00", (dates:parse("12 May 2025 | 09:40 AST (GMT+99)")))
  end)

  it("reads Saint Pierre and Miquelon's PMDT and PMST", function()
    assert.are.equal("2025-07-02T11:05:00-02:00", (dates:parse("Published July 2, 2025 11:05 a.m. PMDT")))
    assert.are.equal("2025-01-14T08:30:00-03:00", (dates:parse("Published January 14, 2025 8:30 a.m. PMST")))
  end)
end)

describe("clean meta round 30: bylines", function()
  it("reads a name with a lower-case particle glued to its surname, over a bar and a role", function()
    assert.are.same({ "Karim al-Wahbani" }, meta.name_line("Karim al-Wahbani | Energy Correspondent").authors)
    assert.are.same({ "Hoda el-Masri" }, meta.name_line("Hoda el-Masri").authors)
    -- (a particle's shape opening the line is no name)
    assert.is_nil(meta.name_line("al-Wahbani"))
    local doc = run(page({
      "THE WADI ORAN TRIBUNE",
      "",
      "Home | Local | Business | Sport",
      "",
      "Wadi Oran opens new footbridge after three-year dispute",
      "",
      "• Bridge will carry pedestrians and bicycles",
      "• Two villages waited a decade for a crossing",
      "",
      "Karim al-Wahbani | Energy Correspondent",
      "",
      "Tuesday, 6 May 2025 10:15",
      "",
    }, body(LEAD, MORE[1], MORE[2]), { "© 2025 The Wadi Oran Tribune" }))
    assert.are.equal("Wadi Oran opens new footbridge after three-year dispute", doc.title)
    assert.are.same({ "Karim al-Wahbani" }, doc.authors)
  end)

  it("reads a byline in capitals over a role opened by the outlet's hyphenated short name", function()
    assert.is_true(meta.outlet_role_line("Courier-Ledger Staff Writer"))
    assert.is_true(meta.outlet_role_line("Post-Gazette Reporter"))
    assert.is_false(meta.outlet_role_line("Courier-Ledger Staff Writer, Sports"))
    local doc = run(page({
      "THE MARLOW FLATS HERALD-DISPATCH",
      "",
      "News | Sports | Ag | Obituaries",
      "",
      "Council approves footbridge over the Varne",
      "",
      "By ODETTE FRAYNE",
      "Herald-Dispatch Staff Writer",
      "Wednesday, Sept. 4, 2024 at 5:30 PM CDT",
      "",
    }, body(LEAD, MORE[1], MORE[2]), { "Copyright 2024 The Marlow Flats Herald-Dispatch" }))
    assert.are.equal("Council approves footbridge over the Varne", doc.title)
    assert.are.same({ "Odette Frayne" }, doc.authors)
  end)
end)

describe("clean meta round 30: outlets", function()
  it("never takes a section word of the menu for the masthead", function()
    local doc = run(page({
      "   Skip to main content Varne Valley Courier",
      "",
      "   Français | English",
      "",
      "     * News",
      "     * Environment",
      "     * Climate",
      "     * About",
      "",
      "   Environment",
      "",
      "Council approves footbridge over the Varne",
      "",
      "   By Idris Penhallow",
      "   September 24, 2025",
      "",
    }, body(LEAD, MORE[1], MORE[2]), { "Support the Varne Valley Courier" }))
    assert.are_not.equal("News", doc.outlet)
  end)

  it("reads a byline's outlet cut before a role word as the masthead's fuller name", function()
    local doc = run(page({
      "Skip to main content",
      "Menu",
      "Search",
      "The Varne Lakes Reporter",
      "Local News | Outdoors | Events",
      "",
      "Council approves footbridge over the Varne",
      "",
      "By Idris Penhallow, The Varne Lakes Reporter",
      "Posted: Jul 27, 2024 9:05 PM EDT",
      "",
    }, body(LEAD, MORE[1], MORE[2]), { "© 2024 The Varne Lakes Reporter. All rights reserved." }))
    assert.are.equal("The Varne Lakes Reporter", doc.outlet)
  end)

  it("reads a copyright holder written before its name in another language in brackets", function()
    local doc = run(page({
      "Skip to main content",
      "",
      "Council approves footbridge over the Varne",
      "",
      "Published 12.06.2024",
      "",
    }, body(LEAD, MORE[1], MORE[2]), { "© 2024 Varnowo Town Hall (Urząd Miejski w Varnowie)" }))
    assert.are.equal("Varnowo Town Hall", doc.outlet)
  end)

  it("reads the name before an edition's label in the masthead line", function()
    local doc = run(page({
      "CA | ES | EN",
      "",
      "VALL DE VARNA · Varna Valley Gazette — English edition",
      "",
      "News | Culture | Agenda | Weather",
      "",
      "Home › Countryside",
      "",
      "Council approves footbridge over the Varne",
      "",
      "By Idris Penhallow",
      "12/06/2025 · 18:40 CEST",
      "",
    }, body(LEAD, MORE[1], MORE[2]), { "Contact | Privacy" }))
    assert.are.equal("Varna Valley Gazette", doc.outlet)
  end)

  it("reads a logo's file name as the name the page writes twice", function()
    local doc = run(page({
      "[varne-weekly-logo.svg]",
      "",
      "Council approves footbridge over the Varne",
      "",
      "By Idris Penhallow",
      "26.9.2024",
      "",
    }, body(LEAD, MORE[1], MORE[2]), {
      "Varne Weekly in your inbox every Monday.",
      "",
      "Varne Weekly | Editor Mira Hollis | news@varneweekly.example",
    }))
    assert.are.equal("Varne Weekly", doc.outlet)
  end)
end)

describe("clean meta round 30: contributors", function()
  it("reads 'With a report from NAME'", function()
    assert.are.same({ "Tomasa Ilagan" }, meta.contributors("With a report from Tomasa Ilagan"))
    assert.are.same({ "Tomasa Ilagan", "Benito Cruz" }, meta.contributors("With an additional report by Tomasa Ilagan and Benito Cruz"))
    assert.is_nil(meta.contributors("A report from the council said the bridge was safe"))
  end)
  it("takes the line out of the body of a page (the stage tries it: regression, never tried)", function()
    for _, line in ipairs { "With a report from Tomasa Ilagan", "(With a report from Tomasa Ilagan)" } do
      local doc = run(page({
        "Varne Weekly",
        "",
        "Council approves new footbridge",
        "By Corwin Ashby",
        "March 4, 2025",
        "",
      }, body(LEAD, MORE[1], MORE[2], line), { "© 2025 Varne Weekly" }))
      assert.are.same({ "Tomasa Ilagan" }, doc.contributors)
      assert.is_nil(doc.text:find("Ilagan", 1, true))
    end
  end)
end)

describe("clean meta: a doubled byline opener", function()
  -- (regression, from a bad-input test: "By By By" gave the author "By By")
  it("reads 'By By NAME' and 'By NAME and By NAME' without the extra openers", function()
    assert.are.same({ "Jane Marsh" }, meta.byline("By By Jane Marsh").authors)
    assert.are.same({ "Jane Marsh", "Tom Reyes" }, meta.byline("By Jane Marsh and By Tom Reyes").authors)
    assert.are.same({ "Jane Marsh", "Tom Reyes" }, meta.byline("By Jane Marsh, By Tom Reyes").authors)
    assert.are.same({ "Anne Byers", "Tom Reyes" }, meta.byline("By Anne Byers and Tom Reyes").authors)
  end)
  it("reads 'By By By' as a byline naming no one, so no author and the headline kept", function()
    assert.are.same({}, meta.byline("By By By").authors)
    local doc = run(page({ "Council approves new footbridge", "By By By", "March 4, 2025", "" }, body(LEAD, MORE[1], MORE[2]), { "© 2025 Varne Weekly" }))
    assert.are.same({}, doc.authors)
    assert.are.equal("Council approves new footbridge", doc.title)
  end)
end)
