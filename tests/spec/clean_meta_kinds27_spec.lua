-- Specs of the clean stage's metadata for failure kinds seen on page dumps (batch 27):
-- dotted numeric dates written year first ("2026.03.04", "2026. 3. 4.") and day first
-- with a dot after the year ("04.03.2026. 09:15 CET", over the headline), a footer's
-- "This article was first published on DATE" when the header gives only a relative
-- time, a dateline in mixed case before a colon ("Merrin Flats: ..."), a contributor
-- credited for help ("Compiled with help from NAME"), and outlets: a station's
-- frequency after its name, a site vendor's credit, a section label of an association's
-- site, a writer's role after a byline's dot, a release's "From: OFFICE".
-- Every page below is invented (fictional towns, people and outlets).

local dp = require "docpipe"
local pages = require "tests.clean_pages"
local dates = require "docpipe.clean.dates"
local run, page = pages.run, pages.page

local WATER = pages.WATER

describe("clean meta: dotted numeric dates", function()
  local P = dates.new("en")

  it("reads a year-first dotted date with its time and zone", function()
    assert.are.equal("2026-03-04T09:15:00+02:00", (P:parse("2026.03.04 09:15 EET  |  Updated 2026.03.04 10:20 EET")))
  end)

  it("reads a year-first dotted date written with spaces and a closing dot", function()
    assert.are.equal("2026-03-04", (P:parse("2026. 3. 4.")))
    assert.is_true(P:is_timestamp("2026. 03. 04."))
  end)

  it("reads a day-first dotted date with a dot after the year, its time and zone", function()
    assert.are.equal("2026-03-04T09:15:00+01:00", (P:parse("04.03.2026. 09:15 CET")))
  end)

  it("reads no date in a version number or an address", function()
    assert.is_nil(P:parse("Version 2026.03.04"))
    assert.is_nil(P:parse("v2026.03.04"))
    assert.is_nil(P:parse("build 2026.03.04.7"))
    assert.is_nil(P:parse("host 10.2026.03.04"))
  end)

  it("dates a page by a year-first dotted header line and keeps its headline and byline", function()
    local doc = run(page({
      "Sildra Tech", "Start-ups · Fintech · Events", "", "Start-ups", "",
      "Valley water to be cut ten hours a day",
      "The district board says its two reservoirs are nearly empty",
      "Auste Varnaite, Orvanne correspondent",
      "2026.03.04 09:15 EET  |  Updated 2026.03.04 10:20 EET",
    }, WATER, { "© 2026 Sildra Tech" }))
    assert.are.equal("2026-03-04T09:15:00+02:00", doc.date)
    assert.are.equal("Valley water to be cut ten hours a day", doc.title)
    assert.are.same({ "Auste Varnaite" }, doc.authors)
  end)

  it("dates a page by a timestamp line right over its headline when the byline is under it", function()
    local doc = run(page({
      "Morvic Business", "Tourism · Markets · Property", "", "Markets", "",
      "04.03.2026. 09:15 CET", "",
      "Valley water to be cut ten hours a day", "",
      "Reservoirs hold less than a tenth of their capacity", "",
      "By Jelka Dravic · Senior editor, farming", "",
    }, WATER, { "© 2026 Morvic Business" }))
    assert.are.equal("2026-03-04T09:15:00+01:00", doc.date)
    assert.are.same({ "Jelka Dravic" }, doc.authors)
  end)
end)

describe("clean meta: a footer's first-published line under a relative header time", function()
  it("dates a page by 'This article was first published on DATE' under the body", function()
    local doc = run(page({
      "Orvanne Shinty Club", "Home | News | Fixtures", "",
      "Valley water to be cut ten hours a day", "",
      "2 days ago · 3 min read", "",
    }, WATER, {
      "This article was first published on Sunday 8 March 2026.", "",
      "Share", "Facebook", "", "© 2026 Orvanne Shinty Club",
    }))
    assert.are.equal("2026-03-08", doc.date)
  end)

  it("dates a page by 'This story was originally published on DATE'", function()
    local doc = run(page({
      "Orvanne Shinty Club", "Home | News | Fixtures", "",
      "Valley water to be cut ten hours a day", "",
      "5 days ago", "",
    }, WATER, { "This story was originally published on March 8, 2026.", "", "© 2026 Orvanne Shinty Club" }))
    assert.are.equal("2026-03-08", doc.date)
  end)
end)

describe("clean meta: a dateline in mixed case before a colon", function()
  local LEAD = "Graziers across the Merrin tablelands have recorded their first big falls of the wet season three weeks early, with some gauges catching 50 millimetres in one storm."
  local function cattle(lead, caption)
    local ps = { lead }
    for k = 1, #WATER do ps[#ps + 1] = WATER[k] end
    return run(page({
      "Saltbush Country News", "Home    Station News    Markets    Weather", "",
      "Updated 3 days ago", "",
      "Wet season rains arrive early on the Merrin tablelands", "",
      "By the Saltbush Country News desk", "",
      caption, "",
    }, ps, { "Rainfall, weekend to Monday 9am", "Merrin Flats homestead 50mm", "Tallow Creek 31mm", "",
      "© 2026 Saltbush Country News" }))
  end

  it("reads a place of two words before a colon opening the first paragraph", function()
    local doc = cattle("Merrin Flats: " .. LEAD, "Storm clouds over the Merrin Flats homestead on Saturday. (Supplied: Oona Brill)")
    assert.are.equal("Merrin Flats", doc.dateline)
    assert.are.equal(LEAD, doc.paragraphs[1])
  end)

  it("reads no dateline in a label before a colon", function()
    local doc = cattle("Update: " .. LEAD, "Storm clouds over the homestead on Saturday. (Supplied: Oona Brill)")
    assert.are.equal(dp.null, doc.dateline)
    assert.are.equal("Update: " .. LEAD, doc.paragraphs[1])
  end)

  it("reads no dateline in a person's name before a colon", function()
    local doc = cattle("Oona Brill: " .. LEAD, "Storm clouds over the homestead on Saturday. (Supplied: Oona Brill)")
    assert.are.equal(dp.null, doc.dateline)
    assert.are.equal("Oona Brill: " .. LEAD, doc.paragraphs[1])
  end)
end)

describe("clean meta: a contributor credited for help", function()
  it("reads 'Compiled with help from NAME, chapter' as a contributor line", function()
    local doc = run(page({
      "ORVANNE OLD GIRLS' UNION", "Home | News | Reunions", "",
      "Valley water to be cut ten hours a day", "",
      "Sunday 1 March 2026", "",
    }, WATER, { "Compiled with help from Sereana Vunilagi, Lautoka chapter.", "", "Orvanne Old Girls' Union · PO Box 12, Orvanne" }))
    assert.are.same({ "Sereana Vunilagi" }, doc.contributors)
  end)

  it("reads no contributor in a sentence opening 'With help from'", function()
    local doc = run(page({
      "Orvanne Gazette", "Home | News", "",
      "Valley water to be cut ten hours a day", "",
      "Sunday 1 March 2026", "",
    }, WATER, { "With help from the district council, the club has also repaired the old pavilion roof before winter.", "", "© 2026 Orvanne Gazette" }))
    assert.are.same({}, doc.contributors)
  end)
end)

describe("clean meta: outlets", function()
  it("takes a station's name without the frequency after it", function()
    local doc = run(page({
      "Skip to content", "Radio Kelloway 88.7 FM", "The Voice of the Valley",
      "Home | News | Sports | Listen Live", "",
      "Valley water to be cut ten hours a day", "",
      "Reporter: Tansy Obray", "Posted: Tuesday, March 10, 2026 — 4:15 PM", "",
    }, WATER, { "Radio Kelloway 88.7 FM | P.O. Box 14, Kelloway", "© 2026 Radio Kelloway. All rights reserved." }))
    assert.are.equal("Radio Kelloway", doc.outlet)
  end)

  it("takes no site vendor's credit as the outlet and reads a release's 'From:' office", function()
    local doc = run(page({
      "Skip to Main Content", "Create a Website Account - Manage notification subscriptions and more.",
      "Website Sign In", "Harlan County Michigan", "Home | Government | Departments", "",
      "News Flash", "",
      "Valley water to be cut ten hours a day", "",
      "From: Harlan County Water Board", "Release Date: 03/06/2026", "",
    }, WATER, {
      "The Harlan County Water Board meets on the first Monday of each month.", "",
      "Contact Us  Accessibility  Site Map  Copyright Notices", "Government Websites by CivicForge",
    }))
    assert.are.equal("Harlan County Water Board", doc.outlet)
  end)

  it("takes no section label of an association's site as the outlet", function()
    local doc = run(page({
      "ORVANNE OLD GIRLS' UNION", "\"Strong in Service\"", "", "Home | About Us | News | Reunions", "",
      "ALUMNI NEWS", "",
      "Sunday 1 March 2026", "",
      "Valley water to be cut ten hours a day", "",
      "SEINI VAKA", "Honorary Secretary", "",
      "Old girls of the class of 1980 after Saturday's service. Photo: Supplied", "",
    }, WATER, { "Orvanne Old Girls' Union · PO Box 12, Orvanne", "Copyright © 2026 OOGU. All rights reserved." }))
    assert.are_not.equal("Alumni News", doc.outlet)
    assert.are.equal("Orvanne Old Girls' Union", doc.outlet)
  end)

  it("takes no writer's role after a byline's dot as the outlet", function()
    local doc = run(page({
      "Morvic Business", "Tourism · Markets · Property", "", "Markets", "",
      "March 4, 2026", "",
      "Valley water to be cut ten hours a day", "",
      "Reservoirs hold less than a tenth of their capacity", "",
      "By Jelka Dravic · Senior editor, farming", "",
    }, WATER, { "Subscribe to the Morvic Business newsletter", "© 2026 Morvic Business" }))
    assert.are.equal("Morvic Business", doc.outlet)
    assert.are.same({ "Jelka Dravic" }, doc.authors)
  end)
end)
