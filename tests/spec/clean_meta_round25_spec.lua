-- Specs of the clean stage's metadata kinds of development sets h75 and h76: a
-- mixed-case place before a colon that the headline opens on; a capitals dateline whose
-- two hyphens touch the lead; a byline of names in capitals with a slash glued to the
-- last name before the writers' role; a masthead in capitals over a newsletter's
-- tagline; an office noun alone after a byline's comma ("NAME, Secretary"); a labelled
-- published / updated line whose zone is in no list, over a masthead's date. Every page
-- below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")
local dates = require("docpipe.clean.dates").new("en")

describe("clean meta round 25: datelines", function()
  it("reads a mixed-case place before a colon when the headline opens on it and the body names it", function()
    local doc = run(lines {
      "Norðlýsið Weekly",
      "News from the northern isles",
      "Home | News | Sport | Culture",
      "",
      "Gjógvík backs new ferry slipway despite cost concerns",
      "By Rannvá Dalsgaard",
      "12.03.2025 09:10",
      "",
      "Gjógvík: The village council on Tuesday backed plans for a new ferry slipway on the east side of the bay, a scheme its supporters say will end years of cancelled winter crossings.",
      "",
      "The plan passed by five votes to two after a long debate over the cost, which engineers put at about 38 million kroner.",
      "",
      "\"We cannot leave Gjógvík cut off every time the wind turns east,\" council leader Hanus Joensen said after the vote.",
      "",
      "Work is expected to start next spring and take around eighteen months to finish.",
      "",
      "© 2025 Norðlýsið Weekly",
    })
    assert.are.equal("Gjógvík", doc.dateline)
    assert.are.equal("The village council", doc.paragraphs[1]:sub(1, 19))
  end)

  it("keeps a speaker's name before a colon that no headline opens on as text", function()
    local art = "Council backs slipway\n|\nThe plan passed. We heard Joensen speak."
    assert.is_nil(meta.dateline("Joensen: The council on Tuesday backed plans for a new ferry slipway on the bay.", art, "page"))
  end)

  it("reads a capitals dateline whose two hyphens or dash touch the lead's first word", function()
    local dl = meta.dateline("KOYAMADA, Tottori Prefecture--A 9-kilometer stretch of the coastal road closed since a rockfall will reopen next week.")
    assert.are.equal("KOYAMADA, Tottori Prefecture", dl.place)
    assert.are.equal("A 9-kilometer stretch of the coastal road closed since a rockfall will reopen next week.", dl.rest)
    dl = meta.dateline("BRANTLEY—The county board voted on Monday to close two rural polling places before the spring election.")
    assert.are.equal("BRANTLEY", dl.place)
    -- (a word in capitals and a hyphen touching a word stays text: "ANTI-Tax")
    assert.is_nil(meta.dateline("NON-Members of the club may enter the show this year for a small fee."))
  end)
end)

describe("clean meta round 25: bylines", function()
  it("splits names in capitals from the writers' role at a slash glued to the last name", function()
    local by = meta.byline("By KENJI ARAMAKI and SAYO FUJINAMI/ Staff Writers")
    assert.are.same({ "Kenji Aramaki", "Sayo Fujinami" }, by.authors)
    assert.is_nil(by.outlet)
  end)

  it("reads an office noun alone after the byline's comma as the writer's job, never an outlet", function()
    local by = meta.byline("By Eilidh Morrison, Secretary")
    assert.are.same({ "Eilidh Morrison" }, by.authors)
    assert.is_nil(by.outlet)
    local doc = run(lines {
      "Isle of Corran Harbour Users' Association",
      "Speaking up for harbour users since 2003",
      "",
      "Home | About | Tide Tables | Minutes | Join | Contact",
      "",
      "Pontoon repairs delayed until after the summer season",
      "",
      "Posted on 14th May 2025 at 17:20 BST by Eilidh Morrison, Secretary",
      "",
      "Members will have heard that the contractor due to replace the damaged pontoon fingers at the north quay has pushed the work back until September.",
      "",
      "The council's harbour office told the association on Monday that the replacement parts had not arrived from the supplier and would not do so before July.",
      "",
      "Until then the three damaged berths will stay closed, and visiting boats will be asked to raft up alongside the fuel berth.",
      "",
      "© 2025 Isle of Corran Harbour Users' Association",
    })
    assert.are.same({ "Eilidh Morrison" }, doc.authors)
    assert.are.equal("Isle of Corran Harbour Users' Association", doc.outlet)
  end)
end)

describe("clean meta round 25: outlets", function()
  it("title-cases a masthead in capitals over a newsletter's tagline", function()
    local doc = run(lines {
      "PRAIRIE WIND LINES",
      "The member newsletter of Cottonwood Valley Electric Cooperative",
      "May 2025",
      "",
      "Home | Outage Map | Pay My Bill | Newsletter | Contact Us",
      "",
      "Co-op to bury 12 miles of line along the river road",
      "",
      "By Lorna Vesely, Member Services",
      "Posted May 2, 2025",
      "",
      "Cottonwood Valley Electric Cooperative will bury about 12 miles of overhead line along the river road this summer, the co-op's largest underground project so far.",
      "",
      "The line has been damaged by falling cottonwood limbs in every major storm of the past decade, and crews have struggled to reach it in wet weather.",
      "",
      "The board approved the project at its March meeting, and most of the cost will be covered by a federal resilience grant.",
      "",
      "Copyright 2025 Cottonwood Valley Electric Cooperative",
    })
    assert.are.equal("Prairie Wind Lines", doc.outlet)
    -- (no tagline: a name in capitals with no outlet word stays as written)
    assert.is_nil(meta.caps_masthead("PRAIRIE WIND LINES", "text"))
    assert.are.equal("Prairie Wind Lines", meta.caps_masthead("PRAIRIE WIND LINES", "text", true))
  end)
end)

describe("clean meta round 25: dates", function()
  local S1 = "Three families were moved to a school hall on Wednesday night after the Sorana river burst its bank upstream of the old mill bridge."
  local S2 = "Fire crews pumped water from a dozen homes on the low road until the early hours, and the district office said the river had begun to fall by dawn."
  local S3 = "\"The water came up faster than anyone expected,\" said Tiberiu Lazea, whose workshop stood in half a metre of muddy water."
  local S4 = "The district office said it would assess the bank on Friday and decide whether the road could reopen to traffic."

  it("reads a labelled published and updated line whose zone is in no list as a timestamp", function()
    local s = "Published: 06 Aug 2025 09:15 AM QXST | Updated: 06 Aug 2025 07:40 PM QXST"
    assert.is_true(dates:is_timestamp(s))
    -- (no label: the words stay words)
    assert.is_false(dates:is_timestamp("Kickoff 06 Aug 2025 09:15 AM QXST at Field Two QXST"))
  end)

  it("takes that published time over a masthead's date of today", function()
    local doc = run(lines {
      "The Sorana Valley Courier",
      "Thursday, August 7, 2025",
      "Home | Local | Business | Sport | Opinion",
      "Local",
      "Sorana river bursts its bank above the old mill bridge",
      "Ilinca Vaduva, Sorana",
      "Published: 06 Aug 2025 09:15 AM QXST | Updated: 06 Aug 2025 07:40 PM QXST",
      S1, S2, S3, S4,
      "© 2025 The Sorana Valley Courier. All rights reserved.",
    })
    assert.are.equal("2025-08-06", doc.date)
    assert.are.equal("Sorana river bursts its bank above the old mill bridge", doc.title)
    assert.are.same({ "Ilinca Vaduva" }, doc.authors)
  end)
end)
