-- Specs of the clean stage for the body failure kinds found on blind pages (issue 4,
-- round 19): an advertisement under its label made of a brand, a dash and a two-sentence
-- slogan; a promotion closed by a button run into it after a question to the reader; a
-- booking box (a call, a price line, a button) closing the body; a donation button over
-- its appeal; a caption closed by "(OUTLET / PHOTOGRAPHER)"; a "File photo of ..."
-- caption; a blog's post footer and a credit line naming a team.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph

local P1 = "The Brindle Vale district council voted on Monday to close the old cattle market on Quarry Road and turn the site into a bus station and forty homes by 2028."
local P2 = "Council leader Osric Pennefather said the market had lost money for six years running and that the last regular auction was held there in the spring of 2023."
local P3 = "\"Nobody wants to lose the market, but we cannot keep paying to heat an empty shed,\" Pennefather told councillors at the meeting in the town hall."
local P4 = "Traders who still use the site on Saturdays will be offered stalls at the Corn Exchange at the same rent until the end of next year, the council said."

-- a page with blank lines between blocks: masthead, headline, byline, date, the blocks
-- head (each its own group), P1, the blocks mid, P2 P3 P4, the blocks foot; a block
-- given as a table is one group of lines
local HEADER = { "Brindle Vale Courier", "", "News | Sport | Farming | Letters", "",
    "Brindle Vale council votes to close old cattle market", "", "By Tamsin Oldacre", "",
    "Tuesday 14 April 2026 09:20 BST", "" }
local FOOTER = { "Share: Facebook | X | Email", "", "© 2026 Brindle Vale Courier. All rights reserved." }
local function page(head, mid, foot)
  return pages.story(HEADER, P1, { P2, P3, P4 }, head, mid, foot, FOOTER)
end

local function all_kept(doc)
  for _, p in ipairs { P1, P2, P3, P4 } do assert.is_true(has_paragraph(doc, p), p) end
end

describe("clean: an advertisement of a brand and a short slogan under its label", function()
  it("drops 'BRAND – slogan. Call.' under an advertisement label", function()
    local doc = run(page(nil, { "ADVERTISEMENT", "Vale Pay – Send money to family in seconds. Dial *220# today." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Vale Pay"))
    doc = run(page(nil, { { "SPONSORED", "Brindle Mutual — Farm insurance made for the valley. Get a quote online in minutes." } }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Brindle Mutual"))
  end)

  it("keeps a paragraph with a clause between dashes under a label", function()
    local p = "Brindle Vale Council – which owns the market – said the sale would fund the new bus station and pay off the loan taken out in 2019."
    local doc = run(page(nil, { "Advertisement", p }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, p))
  end)

  it("keeps a brand and a short slogan with no label", function()
    local p = "Quarry Road Motors – Family run since 1962. Still on the corner."
    local doc = run(page(nil, { p }))
    assert.is_true(has_paragraph(doc, p))
  end)
end)

describe("clean: a promotion closed by a button after a question to the reader", function()
  it("drops 'Could you ...? ... Find out more'", function()
    local doc = run(page(nil, nil, { "Could you help run the market museum? Volunteer days start on Saturday 9 May. Find out more" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "market museum"))
  end)

  it("keeps a paragraph that asks a question and ends with a stop", function()
    local p = "Could the market have been saved? Traders say a smaller hall might have worked. The council says it looked at that in 2021."
    local doc = run(page(nil, nil, { p }))
    assert.is_true(has_paragraph(doc, p))
  end)
end)

describe("clean: a booking box closing the body", function()
  it("drops a call, a price line and the button under them", function()
    local doc = run(page(nil, nil, { { "Book now for the Vale Show", "Tickets from £8. Members' early booking opens 2 May.", "Buy tickets" } }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Book now for the Vale Show"))
    assert.is_false(has_paragraph(doc, "Tickets from £8"))
  end)

  it("keeps the body's last lines over a button with no offer", function()
    local a = "Doors open at 7pm."
    local b = "The auction starts at 8pm sharp in the main hall."
    local doc = run(page(nil, nil, { { a, b, "Buy tickets" } }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, b))
  end)
end)

describe("clean: a donation button over its appeal", function()
  it("drops 'Give to the ... appeal' above an appeal that went", function()
    local doc = run(page(nil, { { "Give to the market museum appeal", "Every gift, of any size, keeps the museum open. Donate today" } }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Give to the market museum appeal"))
  end)
end)

describe("clean: captions", function()
  it("drops a caption closed by '(OUTLET / PHOTOGRAPHER)'", function()
    local doc = run(page(nil, { "The last auctioneer rings the bell for the final time at the old cattle market on Quarry Road. (Vale Archive / R. Dunmore)" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "rings the bell"))
  end)

  it("keeps a sentence closed by a ratio in parentheses", function()
    local p = "Prices at the final sale were the lowest in a decade, the auctioneers said in their report. (Cattle / Sheep ratio)"
    local doc = run(page(nil, { p }))
    all_kept(doc)
  end)

  it("drops a 'File photo of ...' caption under the header or between paragraphs", function()
    local doc = run(page({ "File photo of farmers waiting for the last auction at the old cattle market in the rain." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "File photo of"))
    doc = run(page(nil, { "File photo of cattle pens at the old market on Quarry Road." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "File photo of"))
  end)
end)

describe("clean: a blog's post footer and a team credit", function()
  it("drops 'This entry was posted on ... filed under ...'", function()
    local doc = run(page(nil, nil, { "This entry was posted on Tuesday, April 14, 2026 at 9:20 am and is filed under Council, Markets. You can follow any responses to this entry through the RSS 2.0 feed." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "This entry was posted"))
  end)

  it("drops a credit line naming a team", function()
    local doc = run(page(nil, nil, { "Compiled by the Brindle Vale Courier News team." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Compiled by"))
    assert.are.same({}, doc.meta.contributors or {})
  end)

  it("keeps a sentence naming a team that compiled a report", function()
    local p = "The figures were compiled by the council's markets team and published on Friday."
    local doc = run(page(nil, nil, { p }))
    assert.is_true(has_paragraph(doc, p))
  end)
end)
