-- Specs of the clean stage for body failure kinds (round 25): a "Read also:" box of
-- two or three stories, each a bullet headline closed by its own date stamp, between
-- two paragraphs (the stamps cut the body there); a registration prompt ("This story
-- is free to read for registered users."); bullet teasers closed by a year-first date
-- in brackets ("(2025/03/02)") under a related heading; a link closed by its file's
-- format and size ("(PDF, 2.4 MB)"); verbless advertising copy under a label across a
-- blank line; a prompt to follow the outlet "on our Telegram channel"; a caption closed
-- by an agency's initials and "photo"; a subhead under an advertisement closed by a
-- call with no stop ("... Book now"); and "share by" in prose ("their share by bank
-- transfer"). Every page below is invented (fictional towns, people, outlets and
-- companies).

local pages = require "tests.clean_pages"
local run = pages.run

local HEAD = { "THE VELMORA COURIER", "News from the lake towns", "",
  "Home | News | Business | Sport | Opinion", "",
  "Velmora ferry fares to rise by a fifth as fuel costs climb", "",
  "By Oskar Brandvik", "March 4, 2026", "" }
local P1 = "Fares on the Velmora lake ferries will rise by about a fifth from April, the operator said on Tuesday, blaming a steep increase in the price of marine fuel over the winter."
local P2 = "A single adult crossing between Velmora and Sannholt will cost 6.40 crowns, up from 5.30, while the price of a monthly pass for commuters will go up by 18 per cent."
local P3 = "The operator's chief executive, Linnea Haug, said the company had held fares for three years and could no longer absorb the cost. \"We have cut everything we can cut,\" she said."
local P4 = "Passenger groups said the rise would hit island residents hardest, since many have no other way to reach the shops, schools and the hospital on the mainland."
local P5 = "The town council is expected to discuss a discount scheme for residents at its next meeting, a spokesman said."
local FOOT = { "(c) 2026 The Velmora Courier. All rights reserved." }

local page = pages.framed(HEAD, FOOT)

describe("clean: a box of several dated stories inside the body", function()
  it("cuts the box out and keeps the paragraphs after it", function()
    local doc = run(page { P1, "", P2, "", "Read also:",
      "  * Sannholt harbour wall to be rebuilt next summer", "    (2026-02-20)",
      "  * Ice closes northern crossing for the first time in a decade", "    (2026-01-11)", "",
      P3, "", P4, "", P5 })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)

  it("does so for three stories", function()
    local doc = run(page { P1, "", P2, "", "See also:",
      "  * Sannholt harbour wall to be rebuilt next summer", "    (2026-02-20)",
      "  * Ice closes northern crossing for the first time in a decade", "    (2026-01-11)",
      "  * New timetable adds late boat on Fridays", "    (2025-12-02)", "",
      P3, "", P4, "", P5 })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: a registration prompt", function()
  it("drops it above the first paragraph", function()
    local doc = run(page { "This story is free to read for registered users. Sign in or create an account to read more of our coverage.", "",
      P1, "", P2, "", P3, "", P4, "", P5 })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: bullet teasers closed by a year-first date", function()
  it("drops them under a related heading inside the body", function()
    local doc = run(page { P1, "", P2, "", P3, "", "RELATED STORIES",
      "* Sannholt harbour wall to be rebuilt next summer (2026/02/20)",
      "* Ice closes northern crossing for the first time in a decade (2026/01/11)", "",
      P4, "", P5 })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: dated bullet items of the article's own", function()
  it("keeps a timeline list closing the body", function()
    local I = "The dispute so far:"
    local A, B = "Operator warns of higher fuel costs (2025/11/02)", "Council asks for a fare freeze (2026/01/15)"
    local doc = run(page { P1, "", P2, "", P3, "", P4, "", I, "* " .. A, "* " .. B })
    assert.same({ P1, P2, P3, P4, I, A, B }, doc.paragraphs)
  end)
end)

describe("clean: a link closed by its file's format and size", function()
  it("drops it", function()
    local doc = run(page { P1, "", P2, "", P3, "", "See the new fare table for all crossings (PDF, 2.4 MB)", "", P4, "", P5 })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: verbless advertising copy under a label", function()
  it("drops the copy and its second line across a blank line from the label", function()
    local doc = run(page { P1, "", P2, "", "ADVERTISEMENT", "",
      "Brandvik's Boat Yard - moorings, winter storage and repairs.", "Open every day at the north pier.", "",
      P3, "", P4, "", P5 })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)

  it("drops copy carrying an offer", function()
    local doc = run(page { P1, "", P2, "", "Advertisement", "",
      "Winter Savings at Lakeside Outdoor — wetsuits from NOK 899. Free delivery in Velmora.", "",
      P3, "", P4, "", P5 })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)

  it("keeps a paragraph and a subhead under a label whose copy the page lost", function()
    local doc = run(page { P1, "", P2, "", "Advertisement", "", "Residents worried", "",
      P3, "", P4, "", P5 })
    assert.same({ P1, P2, "Residents worried", P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: a prompt to follow the outlet on a channel", function()
  it("drops it after the body", function()
    local doc = run(page { P1, "", P2, "", P3, "", P4, "", P5, "",
      "Follow The Velmora Courier on our Telegram channel for the latest news." })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: a caption closed by an agency's initials and \"photo\"", function()
  it("drops it under the share line of a page of one paragraph a line", function()
    local head = { "THE VELMORA COURIER", "Home", "News", "Business", "Sport", "Opinion", "Subscribe | Sign in", "News",
      "Velmora ferry fares to rise by a fifth as fuel costs climb", "By Oskar Brandvik, Staff Writer", "04/03/2026",
      "Updated: 05/03/2026 09:20", "Share: Facebook | X | WhatsApp | Email | Print" }
    local doc = run(page({ "Dr. Ingrid Solberg walks along one of the new ramps at the pier on Sunday. VCN photo",
      "VELMORA: " .. P1, P2, P3, P4, P5 }, head))
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: a subhead under advertising copy closed by a call", function()
  it("keeps the subhead in a page of one paragraph a line", function()
    local head = { "THE VELMORA COURIER", "Home | News | Business | Sport | Opinion",
      "Velmora ferry fares to rise by a fifth as fuel costs climb", "By Oskar Brandvik", "March 4, 2026" }
    local doc = run(page({ P1, P2, "Advertisement",
      "Fly direct to Bergstad from NOK 499 – Lakeland Air. Book now", "Residents want discounts", P3, P4, P5 }, head))
    assert.same({ P1, P2, "Residents want discounts", P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: \"share by\" in prose", function()
  it("keeps a paragraph saying who pays a share by transfer", function()
    local S = "The council said the cost would be split with the ferry company, with residents paying their share by bank transfer."
    local doc = run(page { P1, "", P2, "", P3, "", S, "", P4, "", P5 })
    assert.same({ P1, P2, P3, S, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: an appeal to readers inside a long paragraph of a community post", function()
  it("keeps the paragraph", function()
    local A = "We know how hard the fare rise will be for families on the islands, especially those who cross to the mainland for work or school. Please send us your stories — missed shifts, extra costs, changed plans — so we can put them to the operator when we meet. Emails to the usual address, or speak to any committee member at the pier."
    local doc = run(page { P1, "", P2, "", P3, "", A, "", P4, "", P5 })
    assert.same({ P1, P2, P3, A, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: a standfirst under a headline in capitals with no byline", function()
  it("drops the standfirst and keeps the dateline paragraph", function()
    local head = { "VELMORA FERRY USERS' ASSOCIATION", "", "Home | About | Timetables | News | Contact", "",
      "NEWS RELEASE", "", "FOR IMMEDIATE RELEASE", "March 4, 2026, 9:00 a.m.", "",
      "Media contact:", "Ragna Holm, Secretary", "555-0140 | secretary@velmoraferryusers.example", "",
      "FERRY USERS ASK COUNCIL FOR RESIDENT DISCOUNT AS FARES RISE BY A FIFTH", "",
      "Association says island households will pay up to 300 crowns more a month from April", "" }
    local doc = run(page({ "VELMORA — " .. P1, "", P2, "", P3, "", P4, "", P5 }, head))
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)
end)
