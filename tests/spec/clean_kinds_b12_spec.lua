-- Specs of the clean stage's kinds of development sets h111 and h112: a byline name over
-- the writer's e-mail address line over the date line; an author's e-mail address alone
-- on its line in the author box; a row of the page's top buttons ("Menu Search") above
-- the masthead; a date line of two stamps and a relative time, set apart by bars, over
-- 20 words; dated teasers of other stories opened by ">"; a copyright holder with a
-- dotted legal form ("S.r.l."). Every page below is invented (fictional towns, people
-- and outlets).

local pages = require "tests.clean_pages"
local run, lines, has = pages.run, pages.lines, pages.has_paragraph

local L1 = "ORVANNE — Households in nine hamlets of the Orvanne valley will have their water cut for ten hours a day from Monday, the district water board said on Friday."
local L2 = "The board said its two reservoirs held less than a tenth of their capacity after the driest autumn since records began in the valley."
local L3 = "\"Nobody wants to do this, but the taps would run dry by spring,\" said board spokeswoman Idony Farrant."
local L4 = "The cuts will be reviewed every two weeks and lifted once the reservoirs pass a fifth of their capacity."

describe("clean kinds b12: a byline name over its e-mail address over the date", function()
  it("reads the name as the author, the address line passed over", function()
    local doc = run(lines {
      "Subscribe | Log in", "",
      "ORVANNE VALLEY HERALD", "",
      "News   Sport   Opinion   Obituaries", "",
      "Water board orders daily cuts across nine valley hamlets", "",
      "Perpetua Ashdown-Kell",
      "pashdown@orvanneherald.example",
      "Nov 4, 2025 at 6:10 am CET", "",
      L1, "", L2, "", L3, "", L4, "",
      "Copyright © 2025 Orvanne Valley Herald. All rights reserved.", "",
    })
    assert.are.same({ "Perpetua Ashdown-Kell" }, doc.authors)
    assert.are.equal("Water board orders daily cuts across nine valley hamlets", doc.title)
    assert.is_false(has(doc, "pashdown@"))
  end)
end)

describe("clean kinds b12: an author's e-mail address alone in the author box", function()
  it("drops the address line over the author's note", function()
    local doc = run(lines {
      "Orvanne Valley Herald",
      "News  Sport  Opinion  Obituaries  Classifieds",
      "Water board orders daily cuts across nine valley hamlets",
      "Perpetua Ashdown-Kell | Staff Reporter",
      "Published November 4, 2025 at 6:10 a.m. CET",
      L1, L2, L3, L4,
      "pashdown@orvanneherald.example",
      "Perpetua Ashdown-Kell covers the valley's councils and its water. She joined the Herald in 2021.",
      "Most read",
      "© 2025 Orvanne Valley Herald Ltd. All rights reserved.",
    })
    assert.is_false(has(doc, "pashdown@"))
    assert.is_true(has(doc, "lifted once the reservoirs"))
  end)
end)

describe("clean kinds b12: the page's top buttons on one line over the masthead", function()
  it("takes the masthead under 'Menu Search', its ampersand kept, for the outlet", function()
    local doc = run(lines {
      "Menu   Search",
      "Orvanne & Lesser Vale Herald",
      "Sign in  |  Register", "",
      "News   Sport   What's On   Property   Jobs", "",
      "Water board orders daily cuts across nine valley hamlets", "",
      "By Perpetua Ashdown-Kell, Local Democracy Reporter",
      "06:10 GMT, Tuesday 4 November 2025", "",
      L1, "", L2, "", L3, "", L4, "",
      "(c) 2025 Orvanne & Lesser Vale Herald. Registered in England and Wales.", "",
    })
    assert.are.equal("Orvanne & Lesser Vale Herald", doc.outlet)
  end)
end)

describe("clean kinds b12: a long date line of two stamps and a relative time", function()
  it("reads the line as the date line: the headline and the 'NAME | ROLE' byline above it", function()
    local doc = run(lines {
      "ORVANNE EXPRESS",
      "Home | Valley | State | Nation | Weather | Epaper",
      "Valley / Orvanne",
      "Water board orders daily cuts across nine valley hamlets as reservoirs run low",
      "Perpetua Ashdown | Senior Correspondent",
      "First published: 04 Nov 2025, 06:10 AM IST | Last updated: 04 Nov 2025, 10:40 AM IST | 2 hours ago",
      L1, L2, L3, L4,
      "© 2025 Orvanne Express. All rights reserved.",
    })
    assert.are.equal("Water board orders daily cuts across nine valley hamlets as reservoirs run low", doc.title)
    assert.are.same({ "Perpetua Ashdown" }, doc.authors)
    assert.are.equal("2025-11-04T06:10:00+05:30", doc.date)
  end)
end)

describe("clean kinds b12: dated teasers opened by '>'", function()
  it("drops the suggested-reading items under their label", function()
    local doc = run(lines {
      "Orvanne Valley Herald", "",
      "News   Sport   Opinion   Obituaries", "",
      "Water board orders daily cuts across nine valley hamlets", "",
      "By Perpetua Ashdown-Kell",
      "November 4, 2025", "",
      L1, "", L2, "",
      "ALSO ON THE HERALD",
      "  > Valley farmers ask for a share of the spring water (Oct. 21, 2025)",
      "  > Orvanne dam repairs to start after the winter (Sept. 30, 2025)", "",
      L3, "", L4, "",
      "Copyright © 2025 Orvanne Valley Herald. All rights reserved.", "",
    })
    assert.is_false(has(doc, "Valley farmers ask"))
    assert.is_false(has(doc, "dam repairs"))
    assert.is_true(has(doc, "taps would run dry"))
  end)
end)

describe("clean kinds b12: a copyright holder with a dotted legal form", function()
  it("takes the form whole and off, not the name cut at its first dot", function()
    local doc = run(lines {
      "We value your privacy",
      "ACCEPT ALL   REJECT",
      "Home  News  Travel  Food  Living",
      "",
      "Water board orders daily cuts across nine valley hamlets", "",
      "Words: Perpetua Ashdown",
      "Published 04/11/2025 at 06:10 CET", "",
      L1, "", L2, "", L3, "", L4, "",
      "Follow the Orvanne Courier on Facebook", "",
      "© 2025 Orvanne Courier S.r.l. · P.IVA 01234567890 · Orvanne", "",
    })
    assert.are_not.equal("Orvanne Courier S", doc.outlet)
    assert.are.equal("Orvanne Courier", doc.outlet)
  end)
end)
