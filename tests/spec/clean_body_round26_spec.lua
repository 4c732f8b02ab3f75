-- Specs of the clean stage for body failure kinds (round 26): a pull quote set over two
-- indented lines, repeating the last sentence of a paragraph (the paragraph keeps its
-- sentence); a caption closed by its credit as a sentence of its own ("Photo by NAME,
-- NAME."), above a lead carrying a dateline; copy under an advertisement label of a
-- brand, a spaced dash and a verbless fragment, with a call under it; an empty
-- advertisement slot's house link ("Advertise with NAME"); a sponsor's label alone on
-- its line ("Official partner") over the sponsor's copy; a one-line offer with no stop
-- under a label ("NAME: Triple points ..."); an advertisement's small print opened by an
-- asterisk under the copy carrying it; and a prompt closing the body that points at a
-- control of the page ("click JOIN above") or opens with a question and gives an
-- e-mail address. Every page below is invented (fictional towns, people, outlets and
-- companies).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines

local HEAD = { "THE MARROWDALE SENTINEL", "News from the upper valley", "",
  "Home | News | Business | Sport | Opinion", "",
  "Marrowdale council approves new footbridge over the Tarn", "",
  "By Wilhelmina Oduya-Parr", "June 12, 2026", "" }
local P1 = "Marrowdale's town council has approved plans for a new footbridge over the River Tarn, replacing the timber crossing that was closed after last winter's floods."
local P2 = "The steel bridge will cost about 1.4 million pounds and is expected to open to walkers and cyclists in the spring, the council's planning officer told members on Tuesday."
local P3 = "Councillors voted nine to two in favour after a debate of more than an hour. \"People have waited long enough to cross the river without a detour of two miles,\" said councillor Annis Blaykemore."
local P4 = "Residents of the east bank had collected more than 2,000 signatures calling for the crossing to be replaced before the summer fair."
local P5 = "Work on the foundations is due to start in September, once the river is at its lowest."
local FOOT = { "(c) 2026 The Marrowdale Sentinel. All rights reserved." }

local page = pages.framed(HEAD, FOOT)

describe("clean: a pull quote set over two indented lines", function()
  it("keeps the sentence it repeats inside the paragraph", function()
    local q = "\"Every spring the same families are cut off from the school and the shops,\" said councillor Desmond Ferraby, whose ward covers the east bank. \"This bridge finally gives them a way across that will not wash away.\""
    local doc = run(page { P1, "", P2, "", q, "",
      "        \"This bridge finally gives them a way across",
      "                  that will not wash away.\"",
      "                                  - Councillor Desmond Ferraby", "",
      P4, "", P5 })
    assert.same({ P1, P2, q, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: a caption closed by its credit as a sentence of its own", function()
  it("drops it above a lead carrying a dateline, which then gives the dateline", function()
    local doc = run(page { "[Footbridge design]",
      "An artist's drawing of the planned footbridge seen from the west bank. Photo by Tobiah Wrenfield, Marrowdale Town Council.", "",
      "MARROWDALE, Cumbria — " .. P1, "", P2, "", P3, "", P4, "", P5 })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
    assert.equal("MARROWDALE, Cumbria", doc.dateline)
  end)

  it("drops one between two paragraphs, with a credit naming a body", function()
    local doc = run(page { P1, "", P2, "", "[River Tarn]",
      "The closed timber crossing after the floods in January. Photos courtesy of the Tarn Valley Trust.", "",
      P3, "", P4, "", P5 })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)

  it("keeps a paragraph whose last sentence is no credit", function()
    local p = "The exhibition of the bridge designs opens at the library on Monday. Photographs by local schoolchildren will hang beside the drawings."
    local doc = run(page { P1, "", P2, "", p, "", P3, "", P4, "", P5 })
    assert.same({ P1, P2, p, P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: advertisement copy of a brand, a dash and a verbless fragment", function()
  it("drops it and the call under it, in the label's group", function()
    local doc = run(page { P1, "", P2, "", "ADVERTISEMENT",
      "Tarnside Canoe Hire - half-day paddles to the falls and caves at Greyling.",
      "Book online and get a free map!", "",
      P3, "", P4, "", P5 })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: an empty advertisement slot's house link", function()
  it("drops the line and keeps the subhead under it", function()
    local doc = run(page { P1, "", P2, "", "Advertisement", "", "Advertise with Marrowdale Sentinel", "",
      "Detour stays until spring", "", P3, "", P4, "", P5 })
    assert.same({ P1, P2, "Detour stays until spring", P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: a sponsor's label alone on its line", function()
  it("drops it and the sponsor's copy under it", function()
    local doc = run(page { P1, "", P2, "", "Official partner", "",
      "Fellgate Building Society – Proud to support Marrowdale's walkers for the 5th year. Save for your next trip with our Summit Saver.", "",
      P3, "", P4, "", P5 })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: a one-line offer with no stop under a label", function()
  it("drops a brand's name, a colon and an offer", function()
    local doc = run(page { P1, "", P2, "", "ADVERTISEMENT", "", "Valleylink Mobile: Triple points on every top-up this June", "",
      "What the survey shows", "", P3, "", P4, "", P5 })
    assert.same({ P1, P2, "What the survey shows", P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: an advertisement's small print opened by an asterisk", function()
  it("drops it under the copy that carries the asterisk", function()
    local doc = run(lines { "Marrowdale council approves new footbridge over the Tarn", "By Wilhelmina Oduya-Parr",
      "June 12, 2026", P1, P2, "SPONSORED BY",
      "Tarn Valley Credit Union – Proud Member of the Marrowdale Business Club. Home loans from 4.99% APR*. Apply online or visit our High Street branch.",
      "*APR = Annual Percentage Rate. Rates subject to change. Deposits insured by the Tarn Savings Fund.",
      P3, P4, P5, "(c) 2026 The Marrowdale Sentinel. All rights reserved." })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: a prompt closing the body", function()
  it("drops one pointing at a control of the page", function()
    local doc = run(page { P1, "", P2, "", P3, "", P4, "", P5, "",
      "HELPERS WANTED! No experience needed - we train. Stewards, drivers and first aiders all welcome. Call in any Thursday at 7 PM or click VOLUNTEER above." })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)

  it("drops a question and an e-mail address", function()
    local doc = run(page { P1, "", P2, "", P3, "", P4, "", P5, "",
      "Questions about the works? Read our bridge FAQs or email bridge@marrowdale.example.org" })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)

  it("keeps a closing paragraph that reports a contact", function()
    local p6 = "Residents with questions can write to the planning office, the council said, and a public meeting will be held in July."
    local doc = run(page { P1, "", P2, "", P3, "", P4, "", P5, "", p6 })
    assert.same({ P1, P2, P3, P4, P5, p6 }, doc.paragraphs)
  end)
end)
