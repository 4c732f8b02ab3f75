-- Specs of the clean stage's metadata kinds of development sets h79 and h80: a line
-- giving an updated clock before its published date and time; Norfolk Island's and the
-- Falklands' zones (NFT read only right after a clock time); a copyright holder cut at
-- the period of "No." numbering the body in its name; an issuing office opening the
-- page under a state's banner; a logo's second line holding the rest of the name before
-- a tagline; a masthead in two languages. Every page below is invented (fictional
-- towns, people and outlets).

local pages = require "tests.clean_pages"
local run = pages.run
local dates = require("docpipe.clean.dates").new("en")

local body = pages.paragraphs

local page = pages.stacked

local PARAS = pages.ROAD

describe("clean meta round 27: dates", function()
  it("reads the published time of a line giving an updated clock before it", function()
    assert.are.equal("2024-06-17T07:40:00+02:00",
      (dates:parse_published("Updated: 10:12 CEST | Published: 17.06.2024 07:40 CEST", true)))
    -- (no clock of its own: the published date alone, never the updated clock)
    assert.are.equal("2024-06-17", (dates:parse_published("Updated: 10:12 CEST | Published: 17.06.2024", true)))
    local doc = run(page({
      "The Brevik Local",
      "English news from Brevik and the fjord",
      "",
      "Harbour road to be repaired before autumn",
      "By Ingrid Solhaug",
      "Updated: 11:05 CEST | Published: 04.09.2024 08:15 CEST",
      "",
    }, PARAS, { "© 2024 The Brevik Local" }))
    assert.are.equal("2024-09-04T08:15:00+02:00", doc.date)
  end)

  it("reads NFT right after a clock time as Norfolk Island Time, and FKT as the Falklands'", function()
    assert.are.equal("2025-06-12T15:40:00+11:00", dates:parse("Thursday 12 June 2025, 3:40pm NFT"))
    assert.are.equal("2025-01-08T09:00:00+12:00", dates:parse("8 January 2025, 9:00am NFDT"))
    assert.are.equal("2024-05-09T14:20:00-03:00", dates:parse("Thursday 9 May 2024 - 14:20 FKT"))
    -- (the token elsewhere on a dated line is no zone)
    assert.are.equal("2025-06-03", dates:parse("NFT drop: 3 June 2025, 10:00"))
    assert.are.equal("2025-06-03", dates:parse("3 June 2025, 10:00 - NFT sale"))
    local doc = run(page({
      "THE ANSON BAY NOTICE",
      "Island news every week",
      "",
      "Harbour road to be repaired before autumn",
      "By Meredith Quintal-Adams",
      "Monday 14 April 2025, 10:05am NFT",
      "",
    }, PARAS, { "© 2025 The Anson Bay Notice" }))
    assert.are.equal("2025-04-14T10:05:00+11:00", doc.date)
  end)
end)

describe("clean meta round 27: outlets", function()
  it("keeps the number of a numbered body in a copyright holder ('No. 412')", function()
    local doc = run(page({
      "Rural Municipality of Willow Flats No. 412",
      "Serving ratepayers since 1912",
      "",
      "Home | Council | Bylaws | Taxes | News",
      "",
      "Council sets harbour road repair schedule",
      "",
      "Posted by Municipal Office",
      "August 6, 2024 9:00 a.m. CST",
      "",
    }, body(
      "Council for the Rural Municipality of Willow Flats No. 412 voted on Tuesday to repair the old harbour road before the autumn storms.",
      "Work will begin next month and is expected to take about six weeks, with one lane kept open to traffic during the day.",
      "The repairs will be paid for from the roads budget and a provincial grant, the administrator said."),
      { "(c) 2024 Rural Municipality of Willow Flats No. 412 | Box 12, Ferndale, SK" }))
    assert.are.equal("Rural Municipality of Willow Flats No. 412", doc.outlet)
  end)

  it("takes the issuing office opening the page over its state named in a banner", function()
    local doc = run(page({
      "   Skip to main content",
      "",
      "   Wescona Office of Rivers and Lakes",
      "",
      "   Find a Lake   Permits   Boating   News   About",
      "",
      "   An official website of the State of Wescona. Here's how you know.",
      "",
      "News Releases",
      "",
      "Harbour road to close for repairs at two lakeside parks",
      "",
      "   FOR IMMEDIATE RELEASE",
      "   August 6, 2024, 9:00 a.m. CDT",
      "",
    }, body(
      "   MILLBROOK, Wes. — The Office of Rivers and Lakes will repair the old harbour road at two lakeside parks before the autumn storms, the office announced Tuesday.",
      "   Work will begin next month and is expected to take about six weeks, with one lane kept open to traffic during the day.",
      "   About the Office of Rivers and Lakes",
      "   The Office of Rivers and Lakes manages 40 lakes and their shores across the state."),
      { "   Copyright © 2024 State of Wescona. All rights reserved." }))
    assert.are.equal("Wescona Office of Rivers and Lakes", doc.outlet)
  end)

  it("joins a logo's second line holding the rest of the name before a tagline", function()
    local doc = run(page({
      "English | Français",
      "",
      "VAL DORÉE",
      "Visitors Bureau - Alps, France",
      "",
      "Home · Plan your trip · Where to stay · News · Contact",
      "",
      "News > Trails",
      "",
      "Harbour road to the lake reopens for the summer season",
      "",
      "05 Jun 2024 · 10:00 CEST",
      "By Amélie Fournier-Vidal, Press Office",
      "",
    }, PARAS, {
      "Photographs by Luc Marchand for the Val Dorée Visitors Bureau.",
      "",
      "© 2024 Val Dorée Visitors Bureau · Privacy",
    }))
    assert.are.equal("Val Dorée Visitors Bureau", doc.outlet)
  end)

  it("takes the name in the page's language of a masthead in two languages", function()
    local doc = run(page({
      "Papur Bro Glan Eithin",
      "Glan Eithin Community News",
      "Cymraeg | English",
      "Hafan / Home | Newyddion / News | Cysylltu / Contact",
      "",
      "Harbour road to be repaired before autumn",
      "Eleri Vaughan-Price",
      "6 August 2024, 9:00am BST",
      "",
    }, PARAS, { "© 2024 Papur Bro Glan Eithin / Glan Eithin Community News. Run by volunteers." }))
    assert.are.equal("Glan Eithin Community News", doc.outlet)
  end)
end)
