-- Specs of the clean stage's metadata for failure kinds seen on page dumps (batch 26):
-- a byline's role line opened by the outlet's short name ("Gazette Staff Reporter"
-- under a name in capitals), a full date under the body after "Posted" when the header
-- gives only a relative time, an issue or edition label over the headline that is no
-- title, and outlets: a button word, a board over the state's footer name, the site's
-- own name over a parent organisation in its menu.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, page, lynx_wrap = pages.run, pages.page, pages.lynx_wrap

local WATER = pages.WATER

-- the water story hard-wrapped as a lynx dump sets it
local function wrapped()
  local ps = {}
  for k = 1, #WATER do ps[k] = lynx_wrap(WATER[k], 76) end
  return ps
end

describe("clean meta: a byline's role line opened by the outlet's short name", function()
  it("reads a name in capitals over a role line opened by the outlet's word in a lynx dump", function()
    local doc = run(page({
      "   [1]Skip to content", "", "   [2]ORVANNE VALLEY GAZETTE", "",
      "     * [3]Home", "     * [4]News", "     * [5]Sport", "",
      "Valley water to be cut ten hours a day", "",
      "   MERIEL ASHCOMBE-TRAY", "   Gazette Staff Reporter", "",
      "   Friday, March 6, 2026", "",
    }, wrapped(), {
      "   © 2026 Orvanne Valley Gazette", "", "References", "",
      "   1. https://gazette.orvanne.example/#main", "   2. https://gazette.orvanne.example/",
      "   3. https://gazette.orvanne.example/", "   4. https://gazette.orvanne.example/news",
      "   5. https://gazette.orvanne.example/sport",
    }))
    assert.are.same({ "Meriel Ashcombe-Tray" }, doc.authors)
    assert.are.equal("Orvanne Valley Gazette", doc.outlet)
  end)

  it("takes no role line opened by the outlet's word as the outlet in a dump without its link list", function()
    local doc = run(page({
      "   [1]Skip to content", "", "   [2]ORVANNE VALLEY GAZETTE", "",
      "     * [3]Home", "     * [4]News", "     * [5]Sport", "",
      "Valley water to be cut ten hours a day", "",
      "   MERIEL ASHCOMBE-TRAY", "   Gazette Staff Reporter", "",
      "   Friday, March 6, 2026", "",
    }, wrapped(), { "   © 2026 Orvanne Valley Gazette" }))
    assert.are.same({ "Meriel Ashcombe-Tray" }, doc.authors)
    assert.are.equal("Orvanne Valley Gazette", doc.outlet)
  end)

  it("reads a name over a role line opened by the outlet's word on a plain page", function()
    local doc = run(page({
      "The Kell Herald", "News | Sport | Business", "",
      "Valley water to be cut ten hours a day", "",
      "Tobin Reyne", "Herald Staff Writer", "",
      "March 6, 2026", "",
    }, WATER, { "© 2026 The Kell Herald" }))
    assert.are.same({ "Tobin Reyne" }, doc.authors)
  end)

  it("reads a name in capitals over the outlet's word and a correspondent", function()
    local doc = run(page({
      "Brannock Ledger", "Home | News | Farming", "",
      "Valley water to be cut ten hours a day", "",
      "HESTER QUILLAN", "Ledger Correspondent", "",
      "Published March 6, 2026", "",
    }, WATER, { "© 2026 Brannock Ledger" }))
    assert.are.same({ "Hester Quillan" }, doc.authors)
  end)
end)

describe("clean meta: a role line opened by the outlet's short name", function()
  local meta = require("docpipe.clean.meta").new("en")
  it("reads the outlet's word and job words as such a role line", function()
    assert.is_true(meta.outlet_role_line("Gazette Staff Reporter"))
    assert.is_true(meta.outlet_role_line("Ledger Correspondent"))
  end)

  it("reads no name, no outlet alone and no role of several pieces as such a role line", function()
    assert.is_false(meta.outlet_role_line("Ada Baker"))
    assert.is_false(meta.outlet_role_line("Gazette"))
    assert.is_false(meta.outlet_role_line("Gazette Staff | Photos"))
    assert.is_false(meta.outlet_role_line("Staff Reporter"))
  end)

  it("leaves an outlet's word and a job alone on its line no plain role line", function()
    assert.is_false(meta.is_role_line("Herald Reporter"))
  end)
end)

describe("clean meta: a post's full date under the body after a relative header time", function()
  local function club(foot)
    return page({
      "Kell Harbour Rowing Club", "Home | Crews | Results | Join", "",
      "Valley water to be cut ten hours a day", "",
      "Words by Tamsin Orrey | 3 days ago", "",
    }, WATER, foot)
  end

  it("reads the date of a Posted line with an ordinal day and the post's sections", function()
    local doc = run(club { "Posted 12th May 2026 in News, Events", "", "© 2026 Kell Harbour Rowing Club" })
    assert.are.equal("2026-05-12", doc.date)
    assert.is_false(pages.has_paragraph(doc, "Posted 12th"))
  end)

  it("reads the date of a Posted on line with three sections", function()
    local doc = run(club { "Posted on 4 March 2026 in Club news, Juniors, Regattas", "", "© 2026 Kell Harbour Rowing Club" })
    assert.are.equal("2026-03-04", doc.date)
  end)

  it("reads the date of a Posted line with a section joined by an ampersand", function()
    local doc = run(club { "Posted 21st February 2026 in Fixtures & Results, Seniors", "", "© 2026 Kell Harbour Rowing Club" })
    assert.are.equal("2026-02-21", doc.date)
  end)
end)

describe("clean meta: an issue or edition label over the headline is no title", function()
  local function newsletter(label)
    return page({
      "The Orvanne Parish Courier", "News of the parishes of the Orvanne valley", "",
      "Home  |  Parishes  |  Courier  |  Give  |  Contact", "",
      label, "",
      "Valley water to be cut ten hours a day", "",
      "By Idony Farrant in Kell", "", "6 March 2026", "",
    }, WATER, { "© 2026 The Orvanne Parish Courier" })
  end

  it("takes the headline under an issue's number and its feast and year", function()
    assert.are.equal("Valley water to be cut ten hours a day", run(newsletter("Issue 87 – Lent 2026")).title)
  end)

  it("takes the headline under a volume's and number's label with a season and year", function()
    assert.are.equal("Valley water to be cut ten hours a day", run(newsletter("Vol. 12, No. 3 – Spring 2026")).title)
  end)

  it("takes the headline under an issue's number and a month and year", function()
    assert.are.equal("Valley water to be cut ten hours a day", run(newsletter("Issue 41, March 2026")).title)
  end)

  it("takes the headline under an edition named by its season and year", function()
    assert.are.equal("Valley water to be cut ten hours a day", run(newsletter("Spring 2026 Edition")).title)
  end)

  it("takes the headline under a numbered edition", function()
    assert.are.equal("Valley water to be cut ten hours a day", run(newsletter("Edition 12 | Winter 2025/26")).title)
  end)
end)

describe("clean meta: outlets", function()
  it("takes no button's word over the masthead as the outlet", function()
    local doc = run(page({
      "Skip to main content", "", "Donate", "",
      "Orvanne Valley Otter Trust", "", "Caring for the valley's rivers since 1991", "",
      "Home  About us  News  Get involved  Shop", "", "News", "",
      "Valley water to be cut ten hours a day", "",
      "By Idony Farrant · Communications Officer", "", "Published 6 March 2026", "",
    }, WATER, { "Donate now", "", "© 2026 Orvanne Valley Otter Trust" }))
    assert.are.equal("Orvanne Valley Otter Trust", doc.outlet)
  end)

  it("takes no subscribe button over the masthead as the outlet", function()
    local doc = run(page({
      "Subscribe", "", "Kell Harbour Courier", "",
      "Home | News | Sport | Business", "",
      "Valley water to be cut ten hours a day", "",
      "By Tobin Reyne", "March 6, 2026", "",
    }, WATER, { "© 2026 Kell Harbour Courier" }))
    assert.are.equal("Kell Harbour Courier", doc.outlet)
  end)

  it("takes the board opening the page over the state named by the footer's copyright", function()
    local doc = run(page({
      "   BRANNOCK STATE BOARD OF NURSING EXAMINERS", "",
      "   Home   Licensing   Complaints   Meetings   News", "",
      "   FOR IMMEDIATE RELEASE", "   March 6, 2026", "",
      "Valley water to be cut ten hours a day", "",
    }, wrapped(), {
      "   Brannock State Board of Nursing Examiners", "   12 Capitol Row, Kell", "",
      "   (c) 2026 State of Brannock",
    }))
    assert.are.equal("Brannock State Board of Nursing Examiners", doc.outlet)
  end)

  it("takes the office opening the page over the commonwealth named by the footer", function()
    local doc = run(page({
      "Orvanne Commonwealth Water Resources Commission", "",
      "Home | Permits | Drought | News", "",
      "Valley water to be cut ten hours a day", "",
      "March 6, 2026", "",
    }, WATER, { "Orvanne Commonwealth Water Resources Commission, 4 Quay St, Kell", "", "© 2026 Commonwealth of Orvanne" }))
    assert.are.equal("Orvanne Commonwealth Water Resources Commission", doc.outlet)
  end)

  it("takes the site's name a dump's feed link gives over a parent organisation in its menu", function()
    local doc = run(page({
      "   #[1]Kell County Library RSS feed [2]alternate", "",
      "   [3]Skip to main content", "",
      "   [4]Orvanne Regional Council",
      "     * [5]Orvanne Regional Council Libraries",
      "     * [6]Find your branch",
      "     * [7]Give", "",
      "   [8]Kell County Library", "",
      "     * [9]Home", "     * [10]Events", "     * [11]News", "",
      "Valley water to be cut ten hours a day", "",
      "   Posted by [12]Idony Farrant on March 6, 2026", "",
    }, wrapped(), {
      "   Kell County Library, 3 Market Row, Kell", "", "References", "",
      "   1. https://library.kell.example/feed", "   2. https://library.kell.example/feed",
      "   3. https://library.kell.example/#main", "   4. https://www.orvanne.example/",
      "   5. https://www.orvanne.example/libraries", "   6. https://www.orvanne.example/branches",
      "   7. https://www.orvanne.example/give", "   8. https://library.kell.example/",
      "   9. https://library.kell.example/", "  10. https://library.kell.example/events",
      "  11. https://library.kell.example/news", "  12. https://library.kell.example/staff/farrant",
    }))
    assert.are.equal("Kell County Library", doc.outlet)
  end)
end)
