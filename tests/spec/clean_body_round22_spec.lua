-- Specs of the clean stage for body failure kinds (round 22): a broadcaster's page
-- hard-wrapped with no margin whose longest lines are unwrapped list items (the wrap
-- column read one too wide left a sentence cut before a capitalised word), with an
-- audio player's note on the synthetic voice, a caption closed by "(Submitted by NAME)"
-- and a "Social Sharing" label; an advertisement's copy under its label that opens with
-- an imperative or carries a free offer; a newsletter's thanks to the reader with a
-- prompt to share; an extension newsletter's capitals subhead under a numbered list and
-- its end matter under the author's note; a photo caption above its "NAME/Photographer"
-- credit across a blank line, printed again in a gallery. Every page below is invented
-- (fictional towns, people, outlets, companies and products).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph

-- wrapped at 66 columns with no margin; three list items of the footer run to 67-72
local FERRY = {
  "Skip to Main Content",
  "NLB",
  "Menu",
  "Sign In",
  "",
  "Lakeshore",
  "Local News | Weather | Roads | NLB Radio | Podcasts",
  "",
  "Island ferry back in service after two-week breakdown on Lake",
  "Tamarack",
  "",
  "Ysolde Marchetti · NLB News ·",
  "Posted: Feb 12, 2026 7:00 AM EST | Last Updated: February 12",
  "",
  "Listen to this article",
  "Estimated 3 minutes",
  "The audio version of this story is read by a synthetic voice.",
  "Report any pronunciation problems to our newsroom.",
  "",
  "Passengers board the ferry at Pellow Bay on Monday morning, the",
  "first crossing since the pump failed. (Submitted by Orla",
  "Penhallow)",
  "",
  "Social Sharing",
  "Facebook | X | Email | Reddit | LinkedIn",
  "",
  "The ferry linking three island communities on Lake Tamarack to the",
  "mainland returned to service on Monday, nearly two weeks after a",
  "fuel pump failed during a storm in late January.",
  "",
  "The only route links Heron Isle, Ashcombe Island, Little Sorrel",
  "Key and Pellow Bay Crossing to the mainland dock at Marrow Point.",
  "",
  "Engineers had to wait for a replacement pump to arrive from a",
  "supplier in the south, said Delphine Arsenault, who manages marine",
  "operations for the provincial transport department.",
  "",
  "\"We had the part on a truck within days, but the road closures",
  "slowed everything down,\" Arsenault said. \"Nobody on the islands",
  "should have to wait this long.\"",
  "",
  "In Heron Isle, Mayor Tobias Quennell said the council had arranged",
  "water taxis for medical appointments and that the local store had",
  "run short of milk and bread by the weekend.",
  "",
  "The province said it will review whether a second vessel should be",
  "kept on standby during the winter months and report to the island",
  "councils by the end of April.",
  "",
  "With files from Casimir Oduya",
  "",
  "Popular Now in Lakeshore",
  "1 Snow clearing budget runs dry two months early in three lakeside towns",
  "2 Regional hospital opens new wing for children after five long years",
  "3 Island ferry back in service after two-week breakdown on the lake",
  "4 Curling club marks 100 years",
  "",
  "©2026 Northern Lakes Broadcasting. All rights reserved.",
}

describe("clean: a page wrapped at 66 columns whose footer's list items run longer", function()
  local doc = run(lines(FERRY))

  it("joins a line the next capitalised word would have overrun at the body's column", function()
    assert.is_true(has_paragraph(doc, "The only route links Heron Isle, Ashcombe Island, Little Sorrel Key and Pellow Bay Crossing to the mainland dock at Marrow Point."))
  end)

  it("drops the audio player's note on the synthetic voice", function()
    assert.is_false(has_paragraph(doc, "synthetic voice"))
  end)

  it("drops a wrapped caption closed by a \"(Submitted by NAME)\" credit", function()
    assert.is_false(has_paragraph(doc, "Passengers board the ferry"))
  end)

  it("drops the \"Social Sharing\" label", function()
    assert.is_false(has_paragraph(doc, "Social Sharing"))
  end)

  it("keeps the story", function()
    assert.equals(6, #doc.paragraphs)
    assert.is_true(has_paragraph(doc, "Engineers had to wait for a replacement pump"))
  end)
end)

describe("clean: an audio player's note in another wording", function()
  local doc = run(lines {
    "THE KESTREL DAILY", "News | Sport | Business", "",
    "Library extends opening hours for exam season", "",
    "By Auberon Fitch", "March 2, 2026", "",
    "Listen to this article", "This article is narrated by an AI voice. We are still teaching it how to read the names of local places and people.", "",
    "The central library in Kestrel will stay open until 10 p.m. on weekdays from Monday to give students more room to revise before the summer exams, the town council said.",
    "",
    "Librarian Maud Okonkwo-Reyes said the extra hours would be staffed by volunteers from the sixth-form college and would run until the end of June.",
    "",
    "The council said it would review the change in July after counting how many people used the building in the evenings.",
    "", "© 2026 The Kestrel Daily",
  })

  it("drops the note and keeps the story", function()
    assert.is_false(has_paragraph(doc, "narrated by an AI voice"))
    assert.equals(3, #doc.paragraphs)
  end)
end)

local function story_with(mid)
  local t = {
    "THE SALTMARSH LEDGER", "Markets | Companies | Property | Opinion", "",
    "Harbour operator warns on profit as container volumes fall", "",
    "By Ottoline Braga", "Published: 14 May 2026", "",
    "Brackwater Ports said on Thursday that first-half profit would fall by as much as 40 per cent after container volumes through its two terminals dropped for a fifth month.",
    "",
    "The company blamed weaker demand from furniture and electronics importers and a price war with a rival terminal across the estuary.",
    "",
  }
  for _, l in ipairs(mid) do t[#t + 1] = l end
  for _, l in ipairs {
    "Analysts at Fenwick Securities cut their target price for the shares by a fifth and said the dividend could be trimmed in August.",
    "",
    "Brackwater Ports will publish its interim results on 29 July.",
    "", "Copyright (c) 2026 Saltmarsh Ledger Ltd. All rights reserved.",
  } do t[#t + 1] = l end
  return run(lines(t))
end

describe("clean: an advertisement's copy under its label, with no brand and dash", function()
  it("drops copy that opens with an imperative and names a brand", function()
    local doc = story_with {
      "ADVERTISEMENT", "", "Open a business savings account with Tidewell Mutual Bank today.", "Terms and conditions apply.", "",
      "ADVERTISEMENT", "",
    }
    assert.is_false(has_paragraph(doc, "Tidewell Mutual"))
    assert.is_true(has_paragraph(doc, "Analysts at Fenwick Securities"))
  end)

  it("drops copy that carries a free period", function()
    local doc = story_with {
      "Advertisement", "", "Online bookkeeping for small shops. Start free for 14 days at Ledgerly.", "",
    }
    assert.is_false(has_paragraph(doc, "Ledgerly"))
    assert.is_true(has_paragraph(doc, "Analysts at Fenwick Securities"))
  end)

  it("keeps a paragraph under an empty label that opens with a noun", function()
    local doc = story_with {
      "Advertisement", "", "Open data released by the Harbour Authority on Monday shows the terminal handled 12 per cent fewer containers in April than a year earlier.", "",
    }
    assert.is_true(has_paragraph(doc, "Open data released by the Harbour Authority"))
  end)
end)

describe("clean: a newsletter's thanks to the reader with a prompt to share", function()
  local doc = run(lines {
    "Field & Ledger", "Subscribe", "Sign in", "",
    "What the new grain-storage rules mean for small co-ops", "",
    "Ingrid Solvay-Marsh", "Apr 9, 2026", "",
    "The farm ministry's new storage rules take effect on July 1, and most of the questions I have had this week come from co-ops with fewer than twenty members.",
    "",
    "The short answer is that the moisture-testing requirement applies to every silo, whatever its size, but the record-keeping rules only apply above 500 tonnes.",
    "",
    "Thanks for reading Field & Ledger! This post is public so feel free to share it.",
    "",
    "Co-ops that share a silo should agree now on who keeps the testing log, because inspectors will ask for one log per silo, not per member.",
    "",
    "Share", "", "© 2026 Ingrid Solvay-Marsh",
  })

  it("drops the thanks and its prompt, keeping the paragraphs on either side", function()
    assert.is_false(has_paragraph(doc, "Thanks for reading"))
    assert.is_true(has_paragraph(doc, "The short answer is that the moisture-testing requirement"))
    assert.is_true(has_paragraph(doc, "Co-ops that share a silo"))
  end)
end)

-- an extension office's newsletter hard-wrapped at 72 columns with no margin
local EXT = {
  "PELL COUNTY EXTENSION",
  "Agriculture | 4-H Youth | Home & Garden | Calendar | Contact Us", "",
  "Home > Newsletters > Farm Notes > May 2026", "",
  "FARM NOTES", "Volume 9, Issue 4", "",
  "------------------------------------------------------------------------", "",
  "Summer Grazing: Keep Cattle Cool and Watered", "",
  "By Rosalind Achebe-Moore and Ewan Threlkeld, Pell County Extension",
  "May 6, 2026", "",
  "Print this article | Email | Download PDF (210 KB)", "",
  "Hot weather arrives early in the valley most years, and cattle on open",
  "pasture feel it before anyone else does. Animals that are short of",
  "water or shade eat less, gain less and are slower to breed back.", "",
  "A mature cow can drink more than 20 gallons of water on a hot day, and",
  "she will drink less if the water is warm, dirty or hard to reach. Plan",
  "your water points before the first heat wave rather than after it.", "",
  "Before turnout, walk each paddock and check the following:", "",
  "1. Make sure every paddock has a water point within a quarter mile of",
  "   where the cattle graze most of the day.",
  "2. Clean troughs and check float valves, and repair any leaks that turn",
  "   the ground around the trough into mud.",
  "3. Look for shade along fence lines and in the corners of each paddock,",
  "   and plan temporary shade where there is none.", "",
  "MIND THE AFTERNOON HEAT", "",
  "Move cattle and work them in the early morning, before the heat builds,",
  "and avoid hauling animals in the afternoon whenever you can. Cattle",
  "store heat during the day and take hours to cool down after sunset.", "",
  "Our office lends out a portable water tester free of charge to any",
  "producer in the county who wants to check water quality this summer.", "",
  "------------------------------------------------------------------------", "",
  "Rosalind Achebe-Moore is the livestock and forage educator for Pell",
  "County Extension. Ewan Threlkeld is a county extension agent who works",
  "with beef and sheep producers.", "",
  "UPCOMING EVENTS",
  "  May 14, 2026 -- Pasture Walk, Threlkeld Farm, 6:00 p.m.",
  "  May 21, 2026 -- Beef Quality Assurance Training, Extension Office",
  "  June 3, 2026 -- 4-H Dairy Show, County Fairgrounds", "",
  "Pell County Extension | 18 Market Street, Room 4",
  "Phone: (555) 014-2210 | Office hours: Monday-Friday, 8 a.m. to 4 p.m.", "",
  "Subscribe to Farm Notes by email | Unsubscribe | Newsletter archive", "",
  "Extension programs are open to all without regard to race, color,",
  "national origin, sex, religion, age, disability or veteran status.",
  "Please ask for accommodations at least two weeks before an event.", "",
  "Copyright 2026 Pell County Extension. All rights reserved.",
}

describe("clean: an extension newsletter's subhead and end matter", function()
  local doc = run(lines(EXT))

  it("keeps a capitals subhead under a numbered list's last item", function()
    assert.is_true(has_paragraph(doc, "MIND THE AFTERNOON HEAT"))
    assert.is_true(has_paragraph(doc, "3. Look for shade along fence lines"))
  end)

  it("ends the body at the authors' note: the events, the contact block and the statement go", function()
    assert.is_false(has_paragraph(doc, "livestock and forage educator"))
    assert.is_false(has_paragraph(doc, "Pasture Walk"))
    assert.is_false(has_paragraph(doc, "4-H Dairy Show"))
    assert.is_false(has_paragraph(doc, "18 Market Street"))
    assert.is_false(has_paragraph(doc, "Office hours"))
    assert.is_false(has_paragraph(doc, "without regard to race"))
  end)

  it("keeps the last paragraph of the article", function()
    assert.is_true(has_paragraph(doc, "Our office lends out a portable water tester"))
  end)
end)

describe("clean: a caption above its \"NAME/Photographer\" credit across a blank line, printed again in a gallery", function()
  local doc = run(lines {
    "Skip to main content", "", "The Coral Coast Gazette", "",
    "News   Business   Sport   Letters   Obituaries", "",
    "Fishers count losses as sargassum chokes Wickham Bay", "",
    "Desmond Arrindell | Staff Reporter", "",
    "Published: Mar 3, 2026 12:05 AM AST", "",
    "Share: Facebook   X   WhatsApp   Email", "",
    "Fisherman Clovis Baptiste hauls a net clogged with seaweed onto the jetty at Wickham Bay, last Friday.",
    "",
    "Anselm Greaves/Photographer",
    "",
    "WICKHAM BAY, St Anne — Fishers on the east coast say a record bloom of sargassum has kept their boats ashore for most of the past three weeks, and some fear the season's best months are already lost.",
    "",
    "The seaweed, which drifts in from the open Atlantic, has piled up to a metre deep along the shore and clogs engines within minutes of leaving the landing site.",
    "",
    "\"Three weeks now mi cannot go out proper,\" said Clovis Baptiste, who has fished from the bay for 24 years. \"Every day the weed come back.\"",
    "",
    "The fisheries division said it had asked for two more clearing barges and expected them by the end of the month.",
    "",
    "Photo Gallery (1 of 2)", "",
    "Fisherman Clovis Baptiste hauls a net clogged with seaweed onto the jetty at Wickham Bay, last Friday.",
    "",
    "Anselm Greaves/Photographer", "",
    "Tags: Fisheries  Environment", "",
    "© 2026 The Coral Coast Gazette",
  })

  it("drops the caption and opens the body on the dateline paragraph", function()
    assert.is_false(has_paragraph(doc, "hauls a net clogged"))
    assert.equals("WICKHAM BAY, St Anne", doc.dateline)
    assert.is_true(has_paragraph(doc, "The fisheries division said"))
  end)
end)
