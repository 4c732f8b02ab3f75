-- Specs of the clean stage's metadata for failure kinds seen on page dumps (batch 24):
-- a mixed-case dateline with a numeric date and a colon, a date wrapped inside its
-- clock time, an absolute date under the body when the header gives a relative one, a
-- wrapped meridiem and zone that is no outlet, a job after a byline's middle dot, an
-- office that is no author, the writer's byline under the site's own "Posted by", a
-- breadcrumb under its label, a section's label over the headline, a notice's fields,
-- a box item holding a share word, "With reports from" contributor lines.
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

local FOOT = { "© 2026 Orvanne Courier. All rights reserved." }

describe("clean meta: datelines with a numeric date", function()
  local head = {
    "ORVANNE COURIER", "Home | News | Business | Sport", "",
    "Valley water to be cut ten hours a day", "",
    "By Idony Farrant", "3 March 2026 09:15", "",
  }

  it("reads a mixed-case place before a day-first numeric date and a colon", function()
    local doc = run(page(head, dated("Orvanne, 03.03.2026: "), FOOT))
    assert.are.equal("Orvanne", doc.dateline)
    assert.are.equal(WATER[1], doc.paragraphs[1])
  end)

  it("reads it before a slashed date and a dash too", function()
    local r = meta.dateline("Kell Harbour, 03/03/2026 – " .. WATER[1])
    assert.are.equal("Kell Harbour", r and r.place)
  end)

  it("takes no person before a colon and a date without its year", function()
    assert.is_nil(meta.dateline("Idony Farrant, 03.03: " .. WATER[1]))
  end)
end)

describe("clean meta: dates", function()
  it("joins a published time wrapped between its clock and its meridiem and zone", function()
    local head = {
      "   Lagoon Morning Star", "", "     * News", "     * Sports", "",
      "Valley water to be cut ten hours a day", "",
      "   Idony Farrant, Staff Writer", "",
      "   Updated Mar 3, 2026, 4:55 PM ChST — First published Mar 3, 2026, 6:05",
      "   AM ChST", "",
    }
    local ps = {}
    for k, p in ipairs(WATER) do ps[k] = "   " .. p end
    local doc = run(page(head, ps, { "   Copyright © 2026 Lagoon Morning Star." }))
    assert.are.equal("2026-03-03T06:05:00+10:00", doc.date)
    assert.are.equal("Lagoon Morning Star", doc.outlet)
  end)

  it("takes the full timestamp under the body when the header gives only a relative time", function()
    local head = {
      "ORVANNE COURIER", "Home • News • Sport • Faith", "",
      "Valley water to be cut ten hours a day", "",
      "Staff report", "2 days ago", "",
    }
    local foot = { "Tuesday 3 March 2026 10:20 AM (GMT+13:00)", "", "Other news", "Ferry timetable changes (1 week ago)", "", FOOT[1] }
    local doc = run(page(head, WATER, foot))
    assert.are.equal("2026-03-03T10:20:00+13:00", doc.date)
  end)

  it("takes no date under the body when the header has no relative time", function()
    local head = {
      "ORVANNE COURIER", "Home • News • Sport • Faith", "",
      "Valley water to be cut ten hours a day", "",
      "Staff report", "",
    }
    local foot = { "Tuesday 3 March 2026 10:20 AM (GMT+13:00)", "", FOOT[1] }
    local doc = run(page(head, WATER, foot))
    assert.are_not.equal("2026-03-03T10:20:00+13:00", doc.date)
  end)

  it("knows zones by the list's spelling only", function()
    assert.is_true(dates:is_zone("ChST"))
    assert.is_true(dates:is_zone("AEDT"))
    assert.is_false(dates:is_zone("Cat"))
    assert.is_true(dates:is_zone("PHST"))
    assert.are.equal("2026-03-03T09:05:00+10:00", dates:parse_published("March 3, 2026 9:05 AM ChST"))
  end)
end)

describe("clean meta: bylines", function()
  local function by_page(byline)
    local head = {
      "Little Orvanne Parish Council", "Home", "News", "Meetings", "Contact", "",
      "Valley water to be cut ten hours a day", "",
      byline, "Published 3rd March 2026", "",
    }
    return run(page(head, WATER, { "© 2026 Little Orvanne Parish Council" }))
  end

  it("reads an office after the byline's middle dot as the writer's job", function()
    local doc = by_page("By Idony Farrant · Parish Clerk")
    assert.are.same({ "Idony Farrant" }, doc.authors)
    assert.are.equal("Little Orvanne Parish Council", doc.outlet)
  end)

  it("reads a bureau's chief after the middle dot as a job, no outlet", function()
    local by = meta.byline("By Idony Farrant · Orvanne Bureau Chief", dates)
    assert.are.same({ "Idony Farrant" }, by.authors)
    assert.is_nil(by.outlet)
  end)

  it("keeps a second person after a middle dot", function()
    local by = meta.byline("By Idony Farrant · Tamsin Orrell", dates)
    assert.are.same({ "Idony Farrant", "Tamsin Orrell" }, by.authors)
  end)

  it("reads an office posting a release as no author", function()
    local by = meta.byline("Posted by the Office of Communications and Public Affairs", dates)
    assert.are.same({}, by and by.authors or {})
  end)

  it("takes the writer's byline under the site's own \"Posted by\"", function()
    local head = {
      "Orvanne Voice", "Home", "News", "What's On", "About", "",
      "Valley water to be cut ten hours a day",
      "Posted on 3rd March 2026 by Orvanne Voice", "",
      "Words by Idony Farrant · Pictures by Tamsin Orrell", "",
    }
    local doc = run(page(head, WATER, { "© 2026 Orvanne Voice" }))
    assert.are.same({ "Idony Farrant" }, doc.authors)
    assert.are.equal("Orvanne Voice", doc.outlet)
  end)
end)

describe("clean meta: titles", function()
  it("passes over a breadcrumb under its label", function()
    local head = {
      "Orvanne Town Council", "Home   About   Councillors   News   Contact", "",
      "You are here: Home / News", "",
      "Valley water to be cut ten hours a day", "",
      "Published: 03/03/2026", "Words by Idony Farrant, Communications Officer", "",
    }
    local doc = run(page(head, WATER, FOOT))
    assert.are.equal("Valley water to be cut ten hours a day", doc.title)
    assert.is_true(meta.title_furniture("You are here: Home / News"))
    assert.is_false(meta.title_furniture("Youth club reopens in Orvanne"))
  end)

  it("passes over a section's label in title case over a headline in sentence case", function()
    local head = {
      "Orvanne FA", "Find a club", "Competitions", "News", "Contact",
      "News",
      "Women’s and Girls’ Football",
      "Record number of girls’ teams registered in the valley",
      "Tuesday 3 March 2026",
      "By Orvanne FA Media Team",
    }
    local doc = run(page(head, WATER, FOOT))
    assert.are.equal("Record number of girls’ teams registered in the valley", doc.title)
  end)

  it("keeps a headline over its standfirst", function()
    local head = {
      "ORVANNE COURIER", "Home | News | Business | Sport", "",
      "Valley Water Cuts Begin Monday",
      "Households in nine hamlets lose supply for ten hours a day.", "",
      "By Idony Farrant", "3 March 2026 09:15", "",
    }
    local doc = run(page(head, WATER, FOOT))
    assert.are.equal("Valley Water Cuts Begin Monday", doc.title)
  end)

  it("passes over a notice's fields", function()
    local head = {
      "Orvanne Ferries", "Routes   Fares   Advisories   Help", "",
      "SERVICE NOTICE", "",
      "Pump failure cancels morning sailings on Kell – Orvanne route", "",
      "Route: Kell – Orvanne",
      "Status: Cancelled sailings",
      "Posted: Mar 3, 2026 6:45 AM PST", "",
    }
    local doc = run(page(head, WATER, { "© 2026 Orvanne Ferries Corporation" }))
    assert.are.equal("Pump failure cancels morning sailings on Kell – Orvanne route", doc.title)
  end)
end)

describe("clean meta: highlights and contributors", function()
  it("keeps a boxed item that holds a share word", function()
    local head = {
      "ORVANNE COURIER", "Home | News | Business | Sport", "",
      "Valley water to be cut ten hours a day", "",
      "Posted On: 03 MAR 2026 4:15PM by Orvanne Information Office", "",
      "Key facts",
      "➢ Nine hamlets lose water ten hours a day from Monday",
      "➢ Households to pay half the tanker cost; the board to share the rest",
      "➢ Cuts reviewed every two weeks until the reservoirs recover", "",
    }
    local doc = run(page(head, WATER, FOOT))
    assert.are.same({ "Nine hamlets lose water ten hours a day from Monday",
      "Households to pay half the tanker cost; the board to share the rest",
      "Cuts reviewed every two weeks until the reservoirs recover" }, doc.highlights)
  end)

  it("reads \"With reports from\" as a contributor line", function()
    local ps = {}
    for k, p in ipairs(WATER) do ps[k] = p end
    ps[#ps + 1] = "With reports from Tamsin Orrell and Kit Penrose"
    local head = {
      "ORVANNE COURIER", "Home | News | Business | Sport", "",
      "Valley water to be cut ten hours a day", "",
      "By Idony Farrant", "3 March 2026 09:15", "",
    }
    local doc = run(page(head, ps, FOOT))
    assert.are.same({ "Tamsin Orrell", "Kit Penrose" }, doc.contributors)
    assert.are.same({ "Kit Penrose" }, meta.contributors("Reports from Kit Penrose"))
    assert.are.same({ "Kit Penrose" }, meta.contributors("With reporting by Kit Penrose"))
    assert.is_nil(meta.contributors("Reports from the valley suggest the dam held"))
  end)
end)

describe("clean meta: outlets", function()
  it("reads a station's name before its frequency and band as the outlet", function()
    local head = {
      "This website uses cookies. Accept all Reject Customise",
      "Orvanne Valley Radio 98.2 FM", "Your valley. Your station.", "LISTEN LIVE",
      "News", "Sport", "What's On", "Contact",
      "Local News",
      "Valley water to be cut ten hours a day",
      "By Idony Farrant in Kell", "4 hours ago",
    }
    local doc = run(page(head, WATER, { "© 2026 Orvanne Valley Radio Ltd" }))
    assert.are.equal("Orvanne Valley Radio", doc.outlet)
    assert.are.equal("Orvanne Valley Radio", meta.call_sign("Orvanne Valley Radio 98.2 FM"))
    assert.is_nil(meta.call_sign("Kell Hospital 104 FM"))
  end)

  it("reads one menu word over the story as a section, no outlet", function()
    local head = {
      "Orvanne Evening Courier", "News  Sport  What's On  Jobs", "",
      "Valley water to be cut ten hours a day", "",
      "IDONY FARRANT", "Water Reporter", "",
      "06:00, 3 MAR 2026", "", "NEWS", "",
    }
    local doc = run(page(head, WATER, { "© 2026 Orvanne Media Ltd" }))
    assert.are.equal("Orvanne Evening Courier", doc.outlet)
  end)

  it("reads the writers' unit as staff, no outlet", function()
    assert.is_true(meta.unit_name("Government Media Unit"))
    assert.is_false(meta.unit_name("Orvanne Courier"))
  end)

  it("takes the publication a footer says is published by its publisher", function()
    local head = {
      "ORVANNE VALLEY SYNOD", "Te Reo Orvanne – The Valley Voice", "Official paper of the Synod since 1961", "",
      "Home • News • Circuits • Youth • Give", "",
      "Valley water to be cut ten hours a day", "",
      "Staff report", "3 days ago", "",
    }
    local foot = { "Te Reo Orvanne is published by the Synod Communications Office, Kell.", "© 2026 Orvanne Valley Synod." }
    local doc = run(page(head, WATER, foot))
    assert.are.equal("Te Reo Orvanne", doc.outlet)
  end)

  it("takes the issuing office under a state's name over the menu", function()
    local head = {
      "Skip to main content",
      "An official website of the State of Orvanne   Here's how you know",
      "Orvanne Department of Water Supply",
      "Home   Districts   Permits   News   About Us",
      "Home / News / Releases", "",
      "Valley water to be cut ten hours a day", "",
      "March 3, 2026", "",
    }
    local doc = run(page(head, WATER, { "© 2026 State of Orvanne" }))
    assert.are.equal("Orvanne Department of Water Supply", doc.outlet)
  end)

  it("keeps a state's name with no office under it", function()
    local head = {
      "Skip to main content",
      "Government of Orvanne",
      "Home   Districts   Permits   News   About Us", "",
      "Valley water to be cut ten hours a day", "",
      "March 3, 2026", "",
    }
    local doc = run(page(head, WATER, { "© 2026 Government of Orvanne" }))
    assert.are.equal("Government of Orvanne", doc.outlet)
  end)

  it("takes the publication named over its tagline under its publisher's name", function()
    local head = {
      "   Kell Valley University", "   Deep Furrow", "   The research magazine of Kell Valley", "",
      "   Home  Stories  Issues  Podcast  About", "",
      "SPRING 2026 | WATER", "",
      "Valley water to be cut ten hours a day", "",
      "   Words by Idony Farrant", "   March 3, 2026", "",
    }
    local ps = {}
    for k, p in ipairs(WATER) do ps[k] = "   " .. p end
    local doc = run(page(head, ps, { "   © 2026 Kell Valley University" }))
    assert.are.equal("Deep Furrow", doc.outlet)
  end)

  it("gives an office's news section the office's full name the page writes", function()
    local head = {
      "Skip to Main Content", "City of Kell, Orvanne", "Government", "Departments", "Residents", "",
      "News Flash", "", "Fire Department News", "", "Posted on: March 3, 2026", "",
      "Valley water to be cut ten hours a day", "",
    }
    local ps = { "The Kell Fire Department said on Friday that " .. WATER[1]:sub(1, 1):lower() .. WATER[1]:sub(2) }
    for k = 2, #WATER do ps[k] = WATER[k] end
    local doc = run(page(head, ps, { "Return to Previous Page" }))
    assert.are.equal("Kell Fire Department", doc.outlet)
  end)
end)

describe("clean meta: a job alone after a byline's middle dot", function()
  it("reads one job word after the middle dot as the writer's job, no outlet", function()
    local by = meta.byline("By Idony Farrant · Secretary", dates)
    assert.are.same({ "Idony Farrant" }, by.authors)
    assert.is_nil(by.outlet)
    assert.is_true(meta.job_word("Clerk"))
    assert.is_false(meta.job_word("Guardian"))
  end)
end)
