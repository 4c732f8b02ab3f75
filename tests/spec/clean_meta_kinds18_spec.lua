-- Specs of the clean stage's metadata for the failure kinds found on blind sets T and
-- U (batch 18): page furniture taken for the headline (a release's reference number,
-- a byline naming only the staff, a role line under a name in capitals, a breadcrumb
-- of sections set apart by slashes), a picture credit in a byline taken for the
-- outlet, a copyright holder with a legal form in parentheses, and "Newsletter
-- compiled by NAME, ROLE." contributors.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")

local P1 = "Dredging of the channel at Tollbrook Harbour will start in May and close the inner basin to yachts for six weeks, the harbour board said on Monday."
local P2 = "The board said silt carried down by the winter floods had left the channel too shallow for the ferry at low tide, and that the work would cost about 2.4 million."
local P3 = "\"We have timed the work so that the summer season is not lost, and we will keep owners told of every change,\" said board chair Idris Wenlock."
local P4 = "Moorings in the outer basin will stay open throughout the work, the board said."

describe("clean meta: furniture above the headline", function()
  it("reads a reference number alone on its line as no headline", function()
    assert.is_true(meta.title_furniture("TBHB/NR/2027/11"))
    assert.is_true(meta.title_furniture("Ref: KX-4/118/2026"))
    assert.is_false(meta.title_furniture("Harbour dues rise by 4 per cent"))
  end)

  it("takes the headline under a release's reference number, not the number", function()
    local doc = run(lines {
      "TOLLBROOK HARBOUR BOARD",
      "Home | About | Moorings | Notices | News",
      "News Releases",
      "TBHB/NR/2027/11",
      "Inner basin to close for six weeks of dredging",
      "Issued: 3 March 2027, 09:00",
      P1, P2, P3, P4,
    })
    assert.are.equal("Inner basin to close for six weeks of dredging", doc.title)
  end)

  it("reads a byline naming only the staff as no headline", function()
    assert.is_true(meta.staff_line("Staff report"))
    assert.is_true(meta.staff_line("From staff reports"))
    assert.is_true(meta.staff_line("Staff and wire reports"))
    assert.is_false(meta.staff_line("Staff shortage closes ward"))
    assert.is_false(meta.staff_line("Reports"))
  end)

  it("takes extra staff byline words from the staff_words option", function()
    assert.is_false(meta.staff_line("Staff bulletin"))
    local m2 = require("docpipe.clean.meta").new("en", nil, nil, { staff_words = { "bulletin" } })
    assert.is_true(m2.staff_line("Staff bulletin"))
  end)

  it("takes the headline over a highlights box and a staff byline, and reads the box", function()
    local doc = run(lines {
      "Tollbrook Harbour Board",
      "Home | About | Moorings | Notices | News",
      "Inner basin to close for six weeks of dredging",
      "At a glance",
      "• Work starts on May 4 and ends in mid-June",
      "• Outer basin moorings stay open",
      "• Ferry times stay the same all spring",
      "Staff report",
      "March 3, 2027",
      P1, P2, P3, P4,
    })
    assert.are.equal("Inner basin to close for six weeks of dredging", doc.title)
    assert.are.same({}, doc.authors)
    assert.are.same({ "Work starts on May 4 and ends in mid-June", "Outer basin moorings stay open",
      "Ferry times stay the same all spring" }, doc.highlights)
  end)

  it("reads a breadcrumb of sections split by slashes as no headline", function()
    assert.is_true(meta.slash_path("News Room / Local News"))
    assert.is_true(meta.slash_path("Home / Sport / Rowing"))
    assert.is_false(meta.slash_path("Harbour board / council row deepens over dredging"))
    assert.is_false(meta.slash_path("Idris Wenlock / Harbour Board"))
  end)

  it("takes the headline under a breadcrumb of sections, not the breadcrumb", function()
    local doc = run(lines {
      "Tollbrook Harbour Board",
      "Home | About | Moorings | Notices | Careers",
      "",
      "Harbour News / Local News",
      "",
      "Inner basin to close for six weeks of dredging as silt builds up",
      "By Nerys Tallack · Harbour Reporter",
      "March 3, 2027",
      "", P1, "", P2, "", P3, "", P4,
    })
    assert.are.equal("Inner basin to close for six weeks of dredging as silt builds up", doc.title)
    assert.are.same({ "Nerys Tallack" }, doc.authors)
  end)

  it("reads the chief of a desk as a role line", function()
    assert.is_true(meta.is_role_line("Northern Bureau Chief"))
    assert.is_true(meta.is_role_line("Bureau Chief"))
    assert.is_false(meta.is_role_line("Chief"))
  end)

  it("takes a name in capitals over a bureau chief's role line as the author", function()
    local doc = run(lines {
      "The Tollbrook Mercury",
      "NEWS  SPORT  BUSINESS  OPINION",
      "",
      "Inner basin to close for six weeks of dredging at Tollbrook",
      "",
      "IDWAL PENGELLY",
      "Coastal Bureau Chief",
      "",
      "3 March 2027",
      "", P1, "", P2, "", P3, "", P4,
    })
    assert.are.equal("Inner basin to close for six weeks of dredging at Tollbrook", doc.title)
    assert.are.same({ "Idwal Pengelly" }, doc.authors)
  end)
end)

describe("clean meta: outlets", function()
  it("does not take a picture credit in a byline for the outlet", function()
    local by = meta.byline("Words by Nerys Tallack | Photos by Cai Morva")
    assert.are.same({ "Nerys Tallack" }, by.authors)
    assert.is_nil(by.outlet)
  end)

  it("reads the copyright holder before a legal form in parentheses", function()
    local doc = run(lines {
      "Please confirm you are over 18.",
      "Yes   No",
      "",
      "Media Release",
      "",
      "Harvest at Tollbrook vineyards starts two weeks early",
      "3 March 2027",
      "", P1, "", P2, "", P3, "", P4,
      "",
      "© 2027 Tollbrook Vineyards (Pty) Ltd. All rights reserved. | Privacy",
    })
    assert.are.equal("Tollbrook Vineyards", doc.outlet)
  end)
end)

describe("clean meta: contributors", function()
  it("reads the compiler of a newsletter as a contributor, not the role after the name", function()
    assert.are.same({ "Ewan Treloar" },
      meta.contributors("Newsletter compiled by Ewan Treloar, Parish Clerk. Items for the May issue by 20th April please."))
    assert.are.same({ "Lowri Madoc" }, meta.contributors("This week's bulletin was edited by Lowri Madoc."))
  end)

  it("keeps a credited name whose surname is a job word", function()
    assert.are.same({ "Ada Baker", "Jon Clerk" }, meta.contributors("Reporting by Ada Baker and Jon Clerk"))
  end)
end)
