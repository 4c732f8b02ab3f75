-- Specs of the clean stage's metadata for the failure kinds found on sets V and W
-- (batch 19): datelines with a weekday, a date in capitals before an office in
-- parentheses or a date without its year in parentheses; a masthead's tagline and a
-- form's text field taken for the headline; a headline repeated at the end of a
-- breadcrumb; a second writer after a semicolon ("Reported by A; Written by B"); an
-- acronym in a masthead in capitals ("... CC"); a "Posted DATE in SECTION" line under
-- the body; a "Key facts" bullet of few words.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")

local P2 = "The growers' union met on Tuesday night in the village hall, where about 200 members voted to delay deliveries by at least four days."
local P3 = "\"We only ask for our own money a little earlier, so we can pay the cutters,\" said union chair Ottilie Brannagh."
local P4 = "The mill processed just under a million tons of beet last season and employs about 500 workers."

describe("clean meta: datelines", function()
  it("takes a capitals place, its region and a date with an abbreviated weekday before a double hyphen", function()
    local d = meta.dateline("MARROW FORD, Tessel District, Wed. Sept. 10, 2025 -- Beet growers in the Tessel valley say they will hold back deliveries to the mill next week.")
    assert.are.equal("MARROW FORD, Tessel District", d and d.place)
    assert.are.equal("Beet growers in the Tessel valley say they will hold back deliveries to the mill next week.", d.rest)
  end)

  it("takes a place with a date in capitals and the issuing office in parentheses", function()
    local d = meta.dateline("PORT ANVERA, 14 MARCH 2026 (MINISTRY OF FISHERIES) – The Ministry has closed the reef to net fishing for three months.")
    assert.are.equal("PORT ANVERA", d and d.place)
    assert.are.equal("MINISTRY OF FISHERIES", d.outlet)
    assert.are.equal("The Ministry has closed the reef to net fishing for three months.", d.rest)
  end)

  it("takes a capitals place with a date without its year in parentheses before a colon", function()
    local d = meta.dateline("BATU LINTANG (June 9): Landslides cut the trunk road to the interior for the second time this month.")
    assert.are.equal("BATU LINTANG", d and d.place)
    assert.are.equal("Landslides cut the trunk road to the interior for the second time this month.", d.rest)
  end)

  it("takes the lead's dateline of a weekly's page and its headline under the tagline", function()
    local doc = run(lines {
      "Home  News  Sports  Features  Letters",
      "",
      "THE TESSEL RECORD",
      "The Valley's Independent Weekly Since 1952",
      "",
      "Beet growers threaten to hold back deliveries over advance",
      "",
      "Posted: Wednesday, September 10, 2025. 3:40 pm.",
      "",
      "By Aurelio Penhale, Staff Writer",
      "",
      "MARROW FORD, Tessel District, Wed. Sept. 10, 2025 -- Beet growers in the Tessel valley say they will hold back deliveries to the mill next week unless it pays an advance.",
      "", P2, "", P3, "", P4, "",
    })
    assert.are.equal("MARROW FORD, Tessel District", doc.dateline)
    assert.are.equal("Beet growers threaten to hold back deliveries over advance", doc.title)
    assert.is_true(pages.has_paragraph(doc, "Beet growers in the Tessel valley say"))
    assert.is_false(pages.has_paragraph(doc, "Wed. Sept. 10"))
  end)
end)

describe("clean meta: furniture taken for the headline", function()
  it("reads a masthead's tagline closing on its founding year as furniture", function()
    assert.is_true(meta.title_furniture("The Valley's Independent Weekly Since 1952"))
    assert.is_true(meta.title_furniture("Serving the Coast Daily Since 1911"))
    assert.is_false(meta.title_furniture("Driest Summer Since 1976 Empties Reservoirs"))
    assert.is_false(meta.title_furniture("Harbour dues rise by 4 per cent"))
  end)

  it("reads a text field drawn as underscores as furniture", function()
    assert.is_true(meta.title_furniture("Search ____________________ Search"))
    assert.is_true(meta.title_furniture("Email: __________ Subscribe"))
  end)

  it("keeps a lynx page's headline repeated at the end of a breadcrumb, and the office in the dateline as the outlet", function()
    local doc = run(lines {
      "   Skip to content",
      "",
      "                       GOVERNMENT OF ANVERA",
      "                         Ministry of Fisheries",
      "",
      "     * Home",
      "     * About",
      "     * Press Releases",
      "     * Contact",
      "",
      "   Search ____________________ Search",
      "",
      "   Home >> Press Releases >> Reef closed to net fishing for three months",
      "",
      "Reef closed to net fishing for three months",
      "",
      "   Posted by Fisheries Press Office | 14 March 2026, 9:15am |",
      "   Notices",
      "",
      "   PORT ANVERA, 14 MARCH 2026 (MINISTRY OF FISHERIES) – The Ministry has",
      "   closed the outer reef to net fishing for three months to let fish",
      "   stocks recover after the bleaching of last summer.",
      "",
      "   Line fishing from canoes will still be allowed inside the lagoon, the",
      "   Ministry said, and patrols will be stepped up at night.",
      "",
      "   \"The reef feeds our villages, and it needs a rest,\" the Minister said",
      "   at the launch of the closure on Friday.",
      "",
      "   Fishers who lose income will be paid a weekly allowance until June.",
      "",
      "   Copyright © 2026 Government of Anvera. All rights reserved.",
    })
    assert.are.equal("Reef closed to net fishing for three months", doc.title)
    assert.are.equal("PORT ANVERA", doc.dateline)
    assert.are.equal("Ministry of Fisheries", doc.outlet)
  end)
end)

describe("clean meta: bylines and outlets", function()
  it("reads both writers of \"Reported by A; Written by B\"", function()
    local r = meta.byline("Reported by Tomaž Orlen; Written by Ivana Kresnik")
    assert.are.same({ "Tomaž Orlen", "Ivana Kresnik" }, r and r.authors)
    assert.is_nil(r.outlet)
    r = meta.byline("Story by Ada Penwarden; Words by Hollis Quarrie")
    assert.are.same({ "Ada Penwarden", "Hollis Quarrie" }, r and r.authors)
  end)

  it("gives a capitals masthead's acronym the page's own mixed-case spelling", function()
    assert.are.equal("Marlow Harriers AC", meta.outlet_case("Marlow Harriers Ac", "Marlow Harriers AC is affiliated to the county."))
    assert.are.equal("Marlow Harriers", meta.outlet_case("Marlow Harriers", "MARLOW HARRIERS"))
    assert.are.equal("Tarn News", meta.outlet_case("Tarn News", "TARN News and Tarn News"))
  end)

  it("takes the mixed-case name of a club's capitals masthead and the date of its Posted line under the body", function()
    local doc = run(lines {
      "MARLOW HARRIERS AC",
      "Road | Track | Cross-country | Juniors | Join | Results",
      "",
      "2 weeks ago",
      "",
      "Penwarden wins Coldharbour Ten on the hill finish",
      "",
      "BY HOLLIS QUARRIE",
      "Club Secretary",
      "",
      "Runners from Marlow Harriers took four of the top ten places in the Coldharbour Ten on Sunday, with Ada Penwarden winning the women's race on the final climb.",
      "",
      "Penwarden and Rosa Tindle of Eastfield broke clear on the second lap and stayed together across the moor in a strong wind.",
      "",
      "On the last climb to the church, Penwarden pulled away to win by nine seconds.",
      "",
      "Our next event is the club five-mile handicap on 14 September.",
      "",
      "Posted Sun 31 Aug 2025 18:20 in Race reports",
      "",
      "Marlow Harriers AC is affiliated to the county association. © 2025 Marlow Harriers AC",
    })
    assert.are.equal("Marlow Harriers AC", doc.outlet)
    assert.are.equal("2025-08-31", doc.date)
  end)
end)

describe("clean meta: highlights", function()
  it("reads every bullet of a Key facts box, a short labelled one too", function()
    local doc = run(lines {
      "Anvera Insurance Council",
      "",
      "Council fines Harbourline Mutual $800,000 over slow flood claims",
      "",
      "Key facts",
      "• Penalty: $800,000",
      "• 2,100 home claims reviewed after the Tessel floods",
      "• 140 policyholders waited more than a year",
      "",
      "PORT ANVERA, March 14, 2026 — The Anvera Insurance Council has fined Harbourline Mutual $800,000 after finding that it took too long to settle flood claims.",
      "",
      "A review by the council found that Harbourline had paid fewer than half of the claims within the 60 days the rules allow.",
      "",
      "The insurer said it had hired more adjusters and would pay interest on late claims.",
      "",
      "The fine goes to the province's consumer education fund.",
    })
    assert.are.same({ "Penalty: $800,000", "2,100 home claims reviewed after the Tessel floods", "140 policyholders waited more than a year" }, doc.highlights)
  end)
end)

describe("clean meta: a mixed-case place and a comma opening the lead", function()
  local ARTICLE = "Penwarden wins Tollcaster Open. The tournament was held in the town of Tollcaster for the ninth year."
  it("takes a place the article writes after \"town of\" or \"in\"", function()
    local d = meta.dateline("Tollcaster, Grandmaster Ilse Varga won the ninth Tollcaster Open on Sunday with a round to spare.", ARTICLE)
    assert.are.equal("Tollcaster", d and d.place)
    assert.are.equal("Grandmaster Ilse Varga won the ninth Tollcaster Open on Sunday with a round to spare.", d.rest)
  end)

  it("takes no sentence adverb, person or unplaced word before a comma", function()
    assert.is_nil(meta.dateline("Yesterday, Grandmaster Ilse Varga won the ninth Tollcaster Open on Sunday with a round to spare.", "Yesterday in Yesterday"))
    assert.is_nil(meta.dateline("Varga, who is 27, won the ninth Tollcaster Open on Sunday with a round to spare.", ARTICLE))
    assert.is_nil(meta.dateline("Meanwhile, Grandmaster Ilse Varga won the ninth Tollcaster Open on Sunday with a round to spare.", ARTICLE))
    assert.is_nil(meta.dateline("Varga, Grandmaster of the club, won the ninth Tollcaster Open on Sunday with a round to spare.", ARTICLE))
  end)
end)
