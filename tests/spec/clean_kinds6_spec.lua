-- Specs of the clean stage for the failure kinds found on the seventh blind page set
-- (batch 19): bylines whose name is followed by "on DATE" or "at PLACE", desk names and
-- edition labels that are no outlet, "Last update:" above "Published:", a mixed-case
-- "Place, Region –" dateline with a region in no list, company legal forms after a
-- copyright holder, an author box's lone name line, an "Editor: NAME" credit, an
-- advertisement's copy opened by its call to action and a betting prompt.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines, has_paragraph = pages.run, pages.lines, pages.has_paragraph
local meta = require("docpipe.clean.meta").new("en")
local dates = require("docpipe.clean.dates").new("en")

local P1 = "The council of Marrowby will reopen the old tram depot as a covered market in the spring, after a two-year restoration paid for by a heritage grant."
local P2 = "The depot, built in 1904, has stood empty since the last trams ran in 1961, and its roof was patched with tarpaulins for most of the past decade."
local P3 = "\"People have asked us for a market under a roof for years, and now they will have one in the most handsome building in town,\" said council leader Orla Penhaligon."
local P4 = "Forty stalls will open in April, with space for another twenty once the east hall is finished, the council said."

-- A page of the Marrowby Courier: masthead, headline and byline, then the lines given.
local function page(rest)
  local t = { "Marrowby Courier", "", "Tram depot to reopen as covered market in spring", "",
    "By Orrin Castellane" }
  for _, l in ipairs(rest) do t[#t + 1] = l end
  return lines(t)
end

describe("clean kinds 6: bylines with a date or a place after the name", function()
  it("reads the name of 'Posted by NAME on DATE at TIME' with the dates parser", function()
    local by = meta.byline("Posted by Rosalind Achterberg-Lowe on 03/14/2026 at 9:05 AM EST", dates)
    assert.are.same({ "Rosalind Achterberg-Lowe" }, by.authors)
    assert.are.same({ "Tobin Marsh" }, meta.byline("Written by Tobin Marsh on March 3, 2026", dates).authors)
  end)

  it("drops the venue or place of 'By NAME at PLACE'", function()
    assert.are.same({ "Ffion Caddell" }, meta.byline("By Ffion Caddell at Larkhollow Park", dates).authors)
  end)

  it("does not take a byline naming no person before 'at'", function()
    assert.is_nil(meta.byline("By the river at Larkhollow", dates))
  end)
end)

describe("clean kinds 6: outlet", function()
  it("never takes a desk or team name for the outlet, and cuts an edition label after a bar", function()
    local doc = run(lines {
      "Marrowby Courier | Weekend Edition",
      "",
      "Tram depot to reopen as covered market in spring",
      "",
      "News Desk",
      "Published: 27/11/2026 - 09:12",
      "",
      P1, "", P2, "", P3, "", P4,
    })
    assert.are.equal("Marrowby Courier", doc.outlet)
    assert.are.same({}, doc.authors)
  end)

  it("reads a desk name as a desk", function()
    assert.is_true(meta.is_desk("Sports Desk"))
    assert.is_true(meta.is_desk("Digital Team"))
    assert.is_false(meta.is_desk("Desk"))
    assert.is_false(meta.is_desk("Marrowby Courier"))
  end)

  it("strips a company's legal form from a copyright holder the page names without it", function()
    for _, form in ipairs { "OÜ", "GmbH", "Sdn Bhd", "Pty Ltd", "AS" } do
      local doc = run(lines {
        "Tram depot to reopen as covered market in spring",
        "",
        "By Orrin Castellane",
        "",
        P1, "", P2, "", P3, "", P4,
        "",
        "Follow Tramline Weekly on social media.",
        "© 2026 Tramline Weekly " .. form,
      })
      assert.are.equal("Tramline Weekly", doc.outlet, form)
    end
  end)

  it("keeps the copyright holder whole when the page never names it without the form", function()
    local doc = run(lines {
      "Tram depot to reopen as covered market in spring",
      "",
      "By Orrin Castellane",
      "",
      P1, "", P2, "", P3, "", P4,
      "",
      "© 2026 Tramline Weekly GmbH",
    })
    assert.are.equal("Tramline Weekly GmbH", doc.outlet)
  end)
end)

describe("clean kinds 6: dates", function()
  it("takes 'Published:' over a 'Last update:' line above it", function()
    local doc = run(page {
      "Last update: 28/11/2026 - 17:45",
      "Published: 27/11/2026 - 21:10",
      "",
      P1, "", P2, "", P3, "", P4,
    })
    assert.are.equal("2026-11-27", doc.date:sub(1, 10))
  end)
end)

describe("clean kinds 6: mixed-case datelines", function()
  it("reads 'Place, Region –' with a region in no list before a sentence", function()
    local dl = meta.dateline("Oskarvik Harbour, Tellmark – The council of Oskarvik will reopen the old tram depot as a covered market.")
    assert.is_truthy(dl)
    assert.are.equal("Oskarvik Harbour, Tellmark", dl.place)
  end)

  it("does not read two names before a dash or a colon as a dateline", function()
    assert.is_nil(meta.dateline("Walker, Thomas – The two men were seen leaving the depot shortly before midnight on Friday."))
    assert.is_nil(meta.dateline("Oskarvik Harbour, Tellmark: The council of Oskarvik will reopen the old tram depot as a covered market."))
    assert.is_nil(meta.dateline("Oskarvik Harbour, Tellmark – Reopened."))
  end)
end)

describe("clean kinds 6: end matter", function()
  it("drops an author box's lone name line above its note and counts an 'Editor: NAME' credit", function()
    local doc = run(page {
      "",
      P1, "", P2, "", P3, "", P4,
      "",
      "Orrin Castellane",
      "Orrin Castellane has covered local government for the Marrowby Courier since 2018.",
      "",
      "Editor: Wenna Trelawny",
    })
    assert.is_false(has_paragraph(doc, "Orrin Castellane"))
    assert.are.same({ "Wenna Trelawny" }, doc.contributors)
  end)

  it("does not take a masthead imprint 'Publisher: A | Editor: B | Tel: ...' as a credit", function()
    assert.is_nil(meta.contributors("Publisher: Tobin Marsh | Editor: Wenna Trelawny | Tel: 01632 960 412"))
    assert.are.same({ "Wenna Trelawny" }, meta.contributors("Editor: Wenna Trelawny"))
  end)
end)

describe("clean kinds 6: advertising", function()
  it("drops copy under an advertisement label opened by its call to action", function()
    local doc = run(page {
      "",
      P1, "", P2, "",
      "Advertisement",
      "Treat yourself this spring: two nights in Marrowby from £99. Harbourside Inns.",
      "", P3, "", P4,
    })
    assert.is_false(has_paragraph(doc, "Treat yourself"))
    assert.is_true(has_paragraph(doc, "Forty stalls"))
  end)

  it("drops a betting prompt with odds closed by a call to compare prices", function()
    local doc = run(page {
      "",
      P1, "", P2, "",
      "Marrowby Rovers are 5/1 to win the county cup. Check the latest odds for Saturday here.",
      "", P3, "", P4,
    })
    assert.is_false(has_paragraph(doc, "5/1"))
  end)

  it("keeps a body sentence opening with an imperative and a colon when no label is above", function()
    local doc = run(page {
      "",
      P1, "", P2, "",
      "Plan your visit: the market will open from 8am to 6pm every day except Monday, the council said.",
      "", P3, "", P4,
    })
    assert.is_true(has_paragraph(doc, "Plan your visit"))
  end)
end)
