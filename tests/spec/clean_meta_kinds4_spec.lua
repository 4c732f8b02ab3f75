-- Specs of the clean stage's metadata for the failure kinds found on the fifth blind
-- set (batch 15): names with accented one- and two-letter words ("Ní", "Ó"), a
-- "Published:" line in the footer as the only absolute date, a dateline under a kept
-- photo caption, a dateline in parentheses with its date, a menu run together above the
-- headline, a byline naming the dateline's agency, desk names, box labels in capitals,
-- edition lines and short copyright holders as outlets.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")

local P1 = "The harbour board at Cullane voted on Thursday to dredge the inner basin next spring, ending three years of groundings by fishing boats at low tide."
local P2 = "The work will cost about €2.4 million and take eleven weeks, the board said, with most of the money from a national fisheries grant."
local P3 = "\"We have had boats sitting on the mud twice a day since the storms,\" said skipper Donncha Ruane. \"This cannot come soon enough.\""
local P4 = "The board said the basin would stay open to boats during the work, with one berth closed at a time."

describe("clean meta: names with accented short words", function()
  it("reads names holding 'Ní' and 'Ó' as people, in a byline and a contributor line", function()
    assert.is_true(meta.is_person("Siofra Ní Bhriain"))
    assert.is_true(meta.is_person("Tadhg Ó Ceallaigh"))
    assert.are.same({ "Siofra Ní Bhriain" }, meta.byline("By Siofra Ní Bhriain, Western Correspondent").authors)
    assert.are.same({ "Tadhg Ó Ceallaigh" }, meta.contributors("Additional reporting by Tadhg Ó Ceallaigh"))
  end)

  it("still reads a capitals token inside a mixed-case piece as an acronym, not a name", function()
    assert.is_false(meta.is_person("CNN Political Reporter"))
    assert.is_false(meta.is_person("Orla KVRN"))
  end)
end)

describe("clean meta: dates from footer metadata", function()
  it("takes a 'Published:' line under the body when the top gives a relative time only (CRLF page)", function()
    local src = table.concat({
      "Cullane Today",
      "Harbour basin at Cullane to be dredged next spring",
      "By Siofra Ní Bhriain, Western Correspondent",
      "3 days ago",
      P1, P2, P3, P4,
      "Additional reporting by Tadhg Ó Ceallaigh",
      "Published: Thursday, 26 Nov 2026 17:20",
      "Updated: Friday, 27 Nov 2026 08:05",
      "Share this article",
    }, "\r\n") .. "\r\n"
    local doc = run(src)
    assert.are.same({ "Siofra Ní Bhriain" }, doc.authors)
    assert.are.equal("2026-11-26", doc.date)
    assert.are.same({ "Tadhg Ó Ceallaigh" }, doc.contributors)
    assert.are.equal(P1, doc.paragraphs[1])
  end)

  it("does not take a published line of a teaser when the header has its own date", function()
    local doc = run(lines {
      "Cullane Today",
      "Harbour basin at Cullane to be dredged next spring",
      "By Siofra Ní Bhriain",
      "Friday, 27 Nov 2026 09:00",
      "", P1, "", P2, "", P3, "", P4,
      "", "Published: Monday, 2 Nov 2026 10:00",
    })
    assert.are.equal("2026-11-27", doc.date:sub(1, 10))
  end)
end)

describe("clean meta: datelines", function()
  it("reads the dateline of the paragraph after a kept caption with a credit", function()
    assert.is_true(meta.caption_like("A trawler waits for the tide in the inner basin on Nov. 20. (Cullane Today)"))
    assert.is_true(meta.caption_like("Boats at their moorings. © 2026 Private"))
    assert.is_false(meta.caption_like(P1))
  end)

  it("reads a dateline in parentheses with its date, in either date order", function()
    local d = meta.dateline("(Marrowby, November 26, 2026) – The authorities should " .. P2)
    assert.is_truthy(d)
    assert.are.equal("Marrowby", d.place)
    assert.are.equal("The authorities should " .. P2, d.rest)
    d = meta.dateline("(Port Halen, 26 November 2026) — Officials said " .. P2)
    assert.are.equal("Port Halen", d and d.place)
    -- a parenthetical remark opening a paragraph is no dateline
    assert.is_nil(meta.dateline("(Updated with comment from the board.) The board said " .. P2))
  end)

  it("takes a dateline in parentheses on a release page and leaves it out of the paragraph", function()
    local doc = run(lines {
      "Tidewatch",
      "",
      "Places Topics Reports Take Action About Donate",
      "",
      "November 26, 2026",
      "",
      "News release",
      "",
      "Cullane: Let Fishing Crews See Their Lawyers",
      "",
      "(Cullane, November 26, 2026) — " .. P1,
      "", P2, "", P3, "", P4,
    })
    assert.are.equal("Cullane", doc.dateline)
    assert.are.equal(P1, doc.paragraphs[1])
    assert.are.equal("Cullane: Let Fishing Crews See Their Lawyers", doc.title)
  end)
end)

describe("clean meta: menus", function()
  it("reads a title-case run of menu words as a menu, not a headline", function()
    assert.is_true(meta.menu_line("Countries Topics Reports Get Involved About Donate"))
    assert.is_true(meta.menu_line("News Sport Business Opinion Weather"))
    assert.is_false(meta.menu_line("Lorvania: Free Detained Journalists Before Election"))
    assert.is_false(meta.menu_line("Business Reports Record Profits"))
    assert.is_false(meta.menu_line("Harbour Board Votes To Dredge Basin"))
  end)
end)

describe("clean meta: outlets", function()
  it("credits no person for a byline naming the dateline's agency; that agency is the outlet", function()
    local doc = run(lines {
      "The Marrow Daily",
      "Harbour basin at Cullane to be dredged next spring",
      "By Kessun News",
      "Posted : 2026-11-26 17:40 KST",
      "A trawler in the inner basin on Nov. 20. (Kessun News)",
      "CULLANE, Nov. 26 (Kessun News) -- " .. P1,
      P2, P3, P4,
    })
    assert.are.same({}, doc.authors)
    assert.are.equal("Kessun News", doc.outlet)
    assert.are.equal("CULLANE", doc.dateline)
    assert.are.equal(P1, doc.paragraphs[#doc.paragraphs - 3])
  end)

  it("reads a desk's name after 'By' as staff, not as the outlet", function()
    local by = meta.byline("By Web Desk")
    assert.is_truthy(by)
    assert.are.same({}, by.authors)
    assert.is_nil(by.outlet)
    assert.is_nil(meta.byline("By Digital Team") and meta.byline("By Digital Team").outlet)
    -- an outlet that names itself is still read
    assert.are.equal("Coastline Wire", meta.byline("By Ama Reyes, Coastline Wire").outlet)
  end)

  it("does not read a box label in capitals written once as an outlet; a masthead in capitals stays one", function()
    local text = "Cullane Checks\nFACT CHECK\nTHE CLAIM\nA video shows a flood.\nOUR RATING\nFALSE\n© 2026 Cullane Checks"
    assert.is_nil(meta.attested_outlet("The Claim", text, "THE CLAIM"))
    -- a name in capitals the page writes again, or holding an outlet word, is an outlet
    assert.are.equal("Lumen Tide", meta.attested_outlet("Lumen Tide", "LUMEN TIDE\n© 2026 Lumen Tide", "LUMEN TIDE"))
    assert.are.equal("The Cullane Herald", meta.attested_outlet("The Cullane Herald", "THE CULLANE HERALD\n", "THE CULLANE HERALD"))
  end)

  it("does not take a box label in capitals under the byline as the outlet", function()
    local doc = run(lines {
      "Cullane Checks",
      "",
      "Harbour video does not show the basin flooding last week",
      "",
      "Words by Siofra Ní Bhriain",
      "",
      "Published 26 November 2026",
      "",
      "THE CLAIM",
      "",
      "A video shows the inner basin flooding after the storm.",
      "", P1, "", P2, "", P3, "", P4,
      "", "© 2026 Cullane Checks. All rights reserved.",
    })
    assert.are.equal("Cullane Checks", doc.outlet)
  end)

  it("cuts an edition's words off an outlet the page writes once, keeping the masthead's name", function()
    local text = "Coastline News\nSearch Coastline News\nCoastline News North Shore\n(Coastline News: Ana Ruiz)\n"
    assert.are.equal("Coastline News", meta.attested_outlet("Coastline News North Shore", text))
    -- a name the page writes as a whole more than once stays whole
    assert.are.equal("Coastline News North Shore",
      meta.attested_outlet("Coastline News North Shore", text .. "Coastline News North Shore\n"))
  end)

  it("takes the masthead's full name over a short copyright holder the masthead holds", function()
    local text = "The Cullane Evening Echo\n...\nThe Cullane Evening Echo is a member of a press council.\n© 2026 Cullane Media Ltd."
    assert.are.equal("The Cullane Evening Echo", meta.fuller_outlet("Cullane", { "The Cullane Evening Echo" }, text))
    -- a masthead written once is no evidence
    assert.are.equal("Cullane", meta.fuller_outlet("Cullane", { "The Cullane Evening Echo" }, "The Cullane Evening Echo\n© Cullane"))
  end)
end)
