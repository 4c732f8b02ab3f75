-- Specs of the clean stage for three kinds of block left in the body (fixer B11): a
-- photo caption over its credit line in capitals, a name and an outlet set apart by a
-- slash ("NAME NAME/THE OUTLET"), in a hard-wrapped page, the caption printed twice;
-- an advertisement's copy under its label across a blank line, the advertiser's name a
-- sentence of its own over a list of goods and the opening hours; a standfirst of two
-- wrapped lines with no closing stop right under the share bar, above the lead. Every
-- page below is invented (fictional towns, people, outlets, companies).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph

describe("clean: a caption over its credit line in capitals", function()
  local page = lines {
    "Tarrow Bay Gazette", "",
    "News | Harbour | Business | Sport", "",
    "Oyster farmers on Tarrow Bay move their racks to deeper water", "",
    "By Leontyne Abara", "",
    "Published March 4, 2025 at 9:12 a.m.", "",
    "Fenna Dulac checks a rack of young oysters off Morrow Point on March 2.",
    "PIETER WOLSTAN/TARROW BAY GAZETTE", "",
    "MORROW POINT — Oyster farmers on the western shore of Tarrow Bay are moving",
    "their racks into deeper water this spring after two summers in which the",
    "shallows grew too warm for the young shellfish to survive the hottest weeks of",
    "August.", "",
    "The county's shellfish board said eleven of the bay's fourteen farms had asked",
    "for new leases further from shore, the most requests it has had in one year",
    "since the leases were first handed out more than thirty years ago.", "",
    "Fenna Dulac checks a rack of young oysters off Morrow Point on March 2.",
    "PIETER WOLSTAN/TARROW BAY GAZETTE", "",
    "\"We lost nearly half of the seed two years running,\" said Fenna Dulac, whose",
    "family has farmed the point since the 1970s. \"Deeper water is colder water, and",
    "that is the only thing that has worked for us so far.\"", "",
    "The board will vote on the new leases at its April meeting in the town hall, and",
    "a public hearing on the plan is set for the week before.", "",
    "(c) 2025 Tarrow Bay Gazette",
  }

  it("drops the caption both times and keeps the paragraphs", function()
    local doc = run(page)
    assert.is_false(has_paragraph(doc, "checks a rack of young oysters"))
    assert.is_false(has_paragraph(doc, "PIETER WOLSTAN"))
    assert.is_true(has_paragraph(doc, "Oyster farmers on the western shore"))
    assert.is_true(has_paragraph(doc, "The county's shellfish board said"))
    assert.is_true(has_paragraph(doc, "We lost nearly half of the seed"))
  end)
end)

describe("clean: an advertiser's name and its goods under a label", function()
  local P = {
    "   Crews from three counties worked through the night to hold the Sorrel Creek",
    "   fire south of the highway, the forest district said on Tuesday morning.",
    "",
    "   The fire had burned about 3,400 acres by Tuesday and was 20% contained,",
    "   according to the district, which has closed two campgrounds near the creek.",
  }
  local page = lines {
    "   Canyon Ledger", "",
    "   Sorrel Creek fire held south of the highway", "",
    "   By MARISOL TENNANT", "",
    "   Published June 11, 2024 at 7:02 AM MDT", "",
    P[1], P[2], P[3], P[4], P[5], "",
    "   ADVERTISEMENT", "",
    "   Dunmore Hardware & Garden Centre. Hoses, sprinklers, fire hose fittings.",
    "   Open 7 days all summer.", "",
    "   Residents of the Ashgrove subdivision were told on Monday night to be ready",
    "   to leave, and the sheriff's office said deputies would go door to door.", "",
    "   (c) 2024 Canyon Ledger",
  }

  it("drops the copy and keeps the paragraph under it", function()
    local doc = run(page)
    assert.is_false(has_paragraph(doc, "Dunmore Hardware"))
    assert.is_false(has_paragraph(doc, "Open 7 days"))
    assert.is_true(has_paragraph(doc, "Residents of the Ashgrove subdivision"))
    assert.is_true(has_paragraph(doc, "The fire had burned about 3,400 acres"))
  end)
end)

describe("clean: a standfirst under the share bar", function()
  local page = lines {
    "KESTLE VALE OBSERVER", "",
    "News > Transport", "",
    "Ferry crossing to Hollin Isle suspended as slipway repairs run late", "",
    "Oswin Pardoe | Transport Reporter",
    "Tuesday 9 April 2024 08:30 BST", "",
    "Share   Facebook   X   Email   Copy link", "",
    "Island traders say the longer closure could keep day visitors away for the",
    "whole of the Easter holidays", "",
    "The council said on Monday that repairs to the slipway at Hollin Quay would",
    "not be finished until the end of the month, three weeks later than planned,",
    "after divers found more damage to the concrete than surveys had shown.", "",
    "Passengers can still reach the island on the smaller foot ferry, which runs",
    "four times a day from the harbour, the council said in a statement.", "",
    "(c) 2024 Kestle Vale Observer",
  }

  it("drops the standfirst and keeps the lead", function()
    local doc = run(page)
    assert.is_false(has_paragraph(doc, "Island traders say"))
    assert.is_true(has_paragraph(doc, "The council said on Monday that repairs"))
    assert.is_true(has_paragraph(doc, "Passengers can still reach the island"))
  end)
end)
