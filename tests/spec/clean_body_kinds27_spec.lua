-- Specs of the clean stage for body failure kinds (issue 4, round 27): a paragraph of a
-- hard-wrapped dump cut in two where a closing box was wrapped wider than the body, a
-- numbered paragraph wrapped back to the margin, a sentence with a price and a phone
-- line, unlabelled advertisement copy (BRAND – slogan, then an order or visit call), a
-- pointer to a download with its file size, a station's pointer to a programme in
-- another language and a button label glued to a sentence's end. Every page below is
-- invented (fictional towns, people, outlets, products and programmes).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph

-- a lynx page: the body wrapped at 78 columns, the closing "About" box at 83
local LYNX = {
  "ORRIN VALLEY WATER BOARD", "", "   Clean water for every home in the valley", "",
  "   Home | Billing | Outages | Projects | Board Meetings | News | Contact", "",
  "News Releases", "", "   FOR IMMEDIATE RELEASE", "   Date: March 9, 2026", "",
  "Water board lets households behind on bills pay off balance over a year", "",
  "   BRACKEN FORD — The Orrin Valley Water Board on Monday adopted a plan that",
  "   lets households more than three months behind on their bills pay on a",
  "   12-month schedule without late fees while their accounts are reviewed.", "",
  "   The board voted 5-2 for the plan at its monthly meeting in Bracken Ford",
  "   after a public hearing at which more than 60 residents asked to speak, most",
  "   of them from the older streets on the east side of the valley.", "",
  "   \"We kept hearing from families who wanted to pay but could not find the",
  "   whole amount at once, and the late fees only dug them a deeper hole there,\"",
  "   said board Chair Wendeline Osterhagen. \"This plan keeps the water on and",
  "   the money coming in.\"", "",
  "   The two votes against came from members Ruairi Dunmore and Pell Achterberg,",
  "   who said the board should first finish its review of the rate schedule.", "",
  "   Payments can be made at any of these places:", "",
  "   1. The board's office, 14 Weir Street, Bracken Ford.", "",
  "   2. The Cobb Ford filter plant visitor centre, 200 Plant Road, Cobb Ford,",
  "   Harwick.", "",
  "   The plan takes effect on April 1, and households can sign up from that day.", "",
  "   ###", "",
  "   About the Water Board",
  "   The Orrin Valley Water Board supplies drinking water to about 41,000 houses and",
  "   businesses and runs the Cobb Ford filter plant in Harwick. Its seven members are",
  "   elected for terms of four years.", "",
  "   Orrin Valley Water Board | 14 Weir Street, Suite 200 | Bracken Ford | Phone (555) 010",
  "   Accessibility | Privacy Policy | Public Records | Site Map",
}

describe("clean: paragraphs of a hard-wrapped dump", function()
  local doc = run(lines(LYNX))

  it("joins a line the body's column could not hold the next word on when a closing box is wrapped wider", function()
    assert.is_true(has_paragraph(doc, "pay on a 12-month schedule without late fees while their accounts are reviewed."))
  end)

  it("joins a quote's first line ending in a quote mark and comma with the attribution below it", function()
    assert.is_true(has_paragraph(doc, "deeper hole there,\" said board Chair Wendeline Osterhagen."))
  end)

  it("joins a numbered paragraph wrapped back to the margin", function()
    assert.is_true(has_paragraph(doc, "2. The Cobb Ford filter plant visitor centre, 200 Plant Road, Cobb Ford, Harwick."))
    assert.is_true(has_paragraph(doc, "1. The board's office, 14 Weir Street, Bracken Ford."))
  end)

  it("keeps the short lines of a wrapped page apart", function()
    assert.is_true(has_paragraph(doc, "The plan takes effect on April 1, and households can sign up from that day."))
    assert.is_false(has_paragraph(doc, "that day. ###"))
  end)
end)

local P1 = "The Harlow Bend growers' association will move its weighing office into the old creamery on Mill Street next month, after the lease on its rooms above the post office ran out."
local P2 = "Association secretary Maud Quenneville said the creamery's cold room would let members store samples overnight for the first time."
local P3 = "\"We have wanted our own roof for twenty years, and now we have one,\" Quenneville told members at Tuesday's meeting in the Harlow Bend hall."
local P4 = "The office will open on weekdays from 8 a.m. to 4 p.m., and members can still drop off forms at the post office until the end of the month."

local function page(middle, tail)
  local t = { "Merrin Valley Courier", "News  Sport  Farming  Obituaries", "",
    "Growers' association to move weighing office into old creamery",
    "By Tamsin Abernethy-Roe", "Tuesday 3 March 2026 07:15 GMT", "", P1, "", P2, "" }
  for _, l in ipairs(middle or {}) do t[#t + 1] = l end
  t[#t + 1] = P3; t[#t + 1] = ""; t[#t + 1] = P4; t[#t + 1] = ""
  for _, l in ipairs(tail or {}) do t[#t + 1] = l end
  t[#t + 1] = ""
  t[#t + 1] = "© 2026 Merrin Valley Courier. All rights reserved."
  return lines(t)
end

describe("clean: a body sentence with a monthly price", function()
  it("keeps a sentence saying what a landlord will charge a month", function()
    local s = "The creamery's owner, Bertil Oyelaran, will charge the association $450 a month for the rooms and has agreed to put in a phone line and a broadband connection."
    local doc = run(page({ s, "" }))
    assert.is_true(has_paragraph(doc, s))
  end)

  it("keeps a sentence with a small monthly fee that a council will charge", function()
    local s = "Households on the new route will pay $12 a month for the service, the same as in the rest of the valley, the council's waste officer Ines Parrado said."
    local doc = run(page({ s, "" }))
    assert.is_true(has_paragraph(doc, s))
  end)

  it("still drops a subscription offer's price line", function()
    local doc = run(page(nil, { "Just $1.99 a week for the first three months. Cancel anytime." }))
    assert.is_false(has_paragraph(doc, "Just $1.99 a week"))
    assert.is_true(has_paragraph(doc, P4))
  end)
end)

describe("clean: advertisement copy of a brand, a slogan and a call", function()
  it("drops a brand's slogan closed by a call to visit its shop under a label", function()
    local doc = run(page({ "ADVERTISEMENT", "Harlow Farm Supplies – fencing wire, feed troughs and drench guns at wholesale prices. Visit our shop on Quarry Lane, Harlow Bend.", "" }))
    assert.is_false(has_paragraph(doc, "Harlow Farm Supplies"))
    assert.is_true(has_paragraph(doc, P3))
  end)

  it("drops a brand's slogan closed by a long order call and a phone number", function()
    local doc = run(page({ "Merrin Gold Calf Pellets – stronger calves from day one. Order now from your nearest farm store or call 0801 555 0199.", "" }))
    assert.is_false(has_paragraph(doc, "Merrin Gold Calf Pellets"))
    assert.is_true(has_paragraph(doc, P3))
  end)

  it("keeps a news sentence that quotes a shop owner after a dash", function()
    local s = "Harlow Farm Supplies – the valley's oldest feed merchant – will close its Quarry Lane shop in May, owner Dermot Ashgrove said on Monday."
    local doc = run(page({ s, "" }))
    assert.is_true(has_paragraph(doc, s))
  end)
end)

describe("clean: end matter pointers", function()
  it("drops a pointer to a download with its file size", function()
    local doc = run(page({ "Full minutes and the treasurer's report for the year are available as a PDF download (318 KB).", "" }))
    assert.is_false(has_paragraph(doc, "PDF download"))
    assert.is_true(has_paragraph(doc, P3))
  end)

  it("drops a station's pointer to the story read in another language on a programme", function()
    local doc = run(page(nil, { "Listen to this story in Merrish on our Morning Report at 7 AM." }))
    assert.is_false(has_paragraph(doc, "Listen to this story"))
    assert.is_true(has_paragraph(doc, P4))
  end)

  it("cuts a button's label glued to the end of a sentence and keeps the sentence", function()
    local s = "Seats for the association's spring dinner go on sale on Friday at the creamery office and through the association's website."
    local doc = run(page({ s .. " Buy tickets", "" }))
    assert.is_true(has_paragraph(doc, s))
    assert.is_false(has_paragraph(doc, "Buy tickets"))
    doc = run(page({ "The full list of members' prices for the season is pinned up in the creamery office. Read more", "" }))
    assert.is_false(has_paragraph(doc, "Read more"))
  end)

  it("keeps a paragraph whose last words are a quoted call", function()
    local s = "The association's new posters carry a single line in large type: \"Weigh here first.\""
    local doc = run(page({ s, "" }))
    assert.is_true(has_paragraph(doc, s))
  end)
end)
