-- Specs of the clean stage's metadata kinds of development sets h67 and h68: a mixed-case
-- dateline before a dash whose lead opens on a possessive; a zone wrapped onto a line of
-- its own under a timestamp; a masthead over its publisher's copyright; a reviewer's
-- credit in the header; a byline's outlet holding "&"; South American zones. Every page
-- below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")
local dates = require("docpipe.clean.dates").new("en")

local P2 = "The Ostrava Row co-operative said its members had bought 40 new mills this year, twice as many as in any year since the scheme began in Tervale."
local P3 = "\"We cannot keep up with the orders,\" said the co-operative's chair, Ilse Marwick, who has run the Tervale mill for eleven years."

-- a page: masthead, headline, header lines, then the paragraphs
local function page(mast, head, header, paras, foot)
  local t = { mast, "", head, "" }
  for _, l in ipairs(header) do t[#t + 1] = l; t[#t + 1] = "" end
  for _, p in ipairs(paras) do t[#t + 1] = p; t[#t + 1] = "" end
  for _, l in ipairs(foot or {}) do t[#t + 1] = l; t[#t + 1] = "" end
  return lines(t)
end

describe("clean meta round 21: a mixed-case dateline before a dash", function()
  local lead = "Tervale — Tervale's grain millers have asked the regional council for a new loan scheme to replace ageing equipment, warning that several mills could close."
  it("reads 'Tervale —' when the lead opens on a possessive", function()
    local doc = run(page("Grainline Weekly", "Millers seek loans as equipment ages", { "By Hanne Solberg", "June 3, 2026" }, { lead, P2, P3 }))
    assert.are.equal("Tervale", doc.dateline)
    assert.are.equal("Tervale's grain millers have asked the regional council for a new loan scheme to replace ageing equipment, warning that several mills could close.", doc.paragraphs[1])
  end)
  it("takes no sentence's subject before a dash", function()
    local p = "Marwick — who has run the mill for eleven years — said the co-operative's members had bought forty new mills this year."
    local doc = run(page("Grainline Weekly", "Millers seek loans as equipment ages", { "By Hanne Solberg", "June 3, 2026" }, { p, P2, P3 }))
    assert.are.equal(require("docpipe").null, doc.dateline)
    assert.are.equal(p, doc.paragraphs[1])
  end)
  it("reads a place with its region and a possessive lead", function()
    local r = meta.dateline("Kalamos Bay, Kefalonia – Kefalonia's ferry operators said on Monday that summer sailings would start two weeks late this year.")
    assert.are.equal("Kalamos Bay, Kefalonia", r.place)
  end)
end)

describe("clean meta round 21: a zone alone under a timestamp", function()
  local head = { "By Corin Wexley", "Filed Mar. 4, 2026, 3:10 p.m. EST | Updated Mar. 5, 2026, 8:45 a.m.", "EST" }
  it("is no outlet, and the masthead names the page", function()
    local doc = run(page("Harlow Valley Courier", "Mills win grant to replace ageing equipment", head, { P2, P3, "The grant will be paid in two parts, the council said." }))
    assert.are.equal("Harlow Valley Courier", doc.outlet)
    assert.are.equal("2026-03-04T15:10:00-05:00", doc.date)
  end)
  it("gives its zone to a date line that had none", function()
    local doc = run(page("Harlow Valley Courier", "Mills win grant to replace ageing equipment",
      { "By Corin Wexley", "Published Mar. 4, 2026, 3:10 p.m.", "EST" }, { P2, P3, "The grant will be paid in two parts, the council said." }))
    assert.are.equal("2026-03-04T15:10:00-05:00", doc.date)
    assert.are.equal("Harlow Valley Courier", doc.outlet)
  end)
  it("leaves the outlet to the masthead that a staff byline's short name closes", function()
    local doc = run(page("Kelder Court Review", "Mills win grant to replace ageing equipment",
      { "By Court Review Staff", "Filed Mar. 4, 2026, 3:10 p.m. EST | Updated Mar. 5, 2026, 8:45 a.m.", "EST" },
      { P2, P3, "The grant will be paid in two parts, the council said." }))
    assert.are.equal("Kelder Court Review", doc.outlet)
  end)
  it("reads a zone alone as the rest of a clock line", function()
    assert.is_true(dates:is_clock_line("EST"))
    assert.is_true(dates:is_clock_line("(AEDT)"))
    assert.is_false(dates:is_clock_line("Est"))
    assert.is_false(dates:is_clock_line("NEWS"))
  end)
end)

describe("clean meta round 21: a masthead over its publisher's copyright", function()
  it("keeps the masthead over 'NAME Publishing Society'", function()
    local doc = run(page("The Fenwick Beacon", "Students vote to freeze the union levy", { "By Ada Orrell", "October 3, 2025" },
      { P2, P3, "The vote will be reviewed by the union's board next term." }, { "© 2025 The Fenwick Beacon Publishing Society. All rights reserved." }))
    assert.are.equal("The Fenwick Beacon", doc.outlet)
  end)
  it("names a publisher's name no organisation of the masthead", function()
    assert.is_nil(meta.org_extension("The Fenwick Beacon", "© 2025 The Fenwick Beacon Publishing Society. All rights reserved."))
    assert.is_nil(meta.org_extension("Harrowgate Port", "© Harrowgate Port Media Trust 2026"))
    assert.are.equal("Harrowgate Port Authority", meta.org_extension("Harrowgate Port", "© Harrowgate Port Authority 2026"))
  end)
end)

describe("clean meta round 21: a reviewer's credit in the header", function()
  local headline = "Valley clinic opens walk-in care for children and teens"
  it("is no title, and the byline over it names the author", function()
    local doc = run(page("Marrowdale Health", headline,
      { "By Tessa Pembury", "Medically reviewed by Dr. Osric Talbot, MD, Chief Medical Officer", "Photographs by Luz Arriaga", "Posted 2026-01-22" },
      { P2, P3, "The clinic will be open from 10 a.m. to 10 p.m. every day, the hospital said." }))
    assert.are.equal(headline, doc.title)
    assert.are.same({ "Tessa Pembury" }, doc.authors)
  end)
  it("is a field of the header, with or without its colon", function()
    assert.is_truthy(meta.field_line("Medically reviewed by Dr. Osric Talbot, MD, Chief Medical Officer"))
    assert.is_truthy(meta.field_line("Fact-checked by: Nadia Kowal"))
    assert.is_nil(meta.field_line("The plan was reviewed by the council on Monday."))
  end)
end)

describe("clean meta round 21: a byline's outlet holding '&'", function()
  it("reads 'A and B, Reef & Ridge Mining Weekly' as two authors and the outlet", function()
    local by = meta.byline("By Pieter Maas and Thandi Mokoena, Reef & Ridge Mining Weekly")
    assert.are.same({ "Pieter Maas", "Thandi Mokoena" }, by.authors)
    assert.are.equal("Reef & Ridge Mining Weekly", by.outlet)
  end)
  it("keeps a role with '&' a role, and two people two authors", function()
    local by = meta.byline("By Pieter Maas, Food & Drink Editor")
    assert.are.same({ "Pieter Maas" }, by.authors)
    by = meta.byline("By Pieter Maas & Thandi Mokoena")
    assert.are.same({ "Pieter Maas", "Thandi Mokoena" }, by.authors)
  end)
end)

describe("clean meta round 21: South American zones", function()
  for zone, off in pairs { ART = "-03:00", BOT = "-04:00", COT = "-05:00", PET = "-05:00", VET = "-04:00", SRT = "-03:00" } do
    it("reads " .. zone .. " as UTC" .. off, function()
      assert.are.equal("2024-08-14T16:45:00" .. off, dates:parse("14.08.2024 · 16:45 " .. zone))
    end)
  end
  it("reads no such word in lower case as a zone", function()
    assert.are.equal("2024-08-14", dates:parse("14.08.2024 · 16:45 art"))
  end)
end)
