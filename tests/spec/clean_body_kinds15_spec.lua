-- Specs of the clean stage for a body failure kind (issue 4, round 15): the copy of an
-- advertisement right under its "ADVERTISEMENT" label, one line of a brand's name, a
-- call to action not closing the block ("Recharge now with 20% bonus data.", "Shop now
-- at any branch.") and an offer, goes with its label; a paragraph of the article under
-- the label (a speaker, a quotation, a dateline) stays. Every page below is invented
-- (fictional towns, people, firms and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph

local K1 = "Farmers in the Dorrel valley will be able to hire small threshers at half the usual rate from next month under a scheme run by the district farm office."
local K2 = "The office has bought twelve machines with a grant from the regional development fund and will lend them to cooperatives for up to ten days at a time."
local K3 = "District farm officer Maren Ostby said the machines would save families about a week of hand threshing in the harvest season."
local K4 = "About 400 households are expected to use the scheme in its first year, with priority for those farming on steep terraces."
local K5 = "The office plans to add two drying sheds in the valley next year if the scheme proves popular, Ostby said."

-- a page of one paragraph a line, the label and the line under it in one group
-- (tight) or the label alone in its group (the copy across a blank line)
local function page(ad, tight)
  local t = { "The Dorrel Gazette", "Home | News | Farming | Sport", "",
    "Dorrel farmers to hire threshers at half price", "By Ansel Varga | Dorrel", "Sun, Jun 14, 2026", "",
    K1, "", K2, "", K3, "" }
  for i, l in ipairs(ad) do
    t[#t + 1] = l
    if not tight or i == #ad then t[#t + 1] = "" end
  end
  for _, l in ipairs { K4, "", K5, "", "Related Stories", "Dorrel market hall to reopen", "",
    "© 2026 The Dorrel Gazette. All rights reserved." } do
    t[#t + 1] = l
  end
  return run(lines(t))
end

local function body_intact(doc)
  for _, p in ipairs { K1, K2, K3, K4, K5 } do assert.is_true(has_paragraph(doc, p), p) end
end

describe("clean: an advertisement's copy right under its label", function()
  it("drops a brand's copy with a call and a bonus offer right under the label", function()
    local doc = page({ "ADVERTISEMENT", "Kestrel Telecom: Stay connected in every village. Top up now with 15% bonus airtime." }, true)
    assert.is_false(has_paragraph(doc, "Kestrel Telecom"))
    assert.is_false(has_paragraph(doc, "ADVERTISEMENT"))
    body_intact(doc)
  end)

  it("drops a shop's specials with a call to shop at a branch right under the label", function()
    local doc = page({ "Advertisement", "GRAINWAY – Weekend specials on maize, sugar and cooking oil. Shop now at any store." }, true)
    assert.is_false(has_paragraph(doc, "GRAINWAY"))
    body_intact(doc)
  end)

  it("drops the same copy under its label across a blank line", function()
    local doc = page { "ADVERTISEMENT", "Harlow Motors – Spring deals on every pickup in stock. Book now for a free test drive at our showroom." }
    assert.is_false(has_paragraph(doc, "Harlow Motors"))
    body_intact(doc)
  end)

  it("drops copy that opens on its call and closes on a price", function()
    local doc = page({ "ADVERTISEMENT", "Order today from the Copper Kettle bakery and get a dozen rolls for $6. Free delivery across town." }, true)
    assert.is_false(has_paragraph(doc, "Copper Kettle"))
    body_intact(doc)
  end)

  it("keeps a paragraph of the article with a speaker under the label", function()
    local P = "Cooperative leader Ilse Hardcastle said members would book the machines early, because the harvest window on the terraces is short."
    local doc = page({ "ADVERTISEMENT", P }, true)
    assert.is_true(has_paragraph(doc, P))
    body_intact(doc)
  end)

  it("keeps a dateline paragraph with a quotation under the label", function()
    local P = "DORREL – \"Shop now, they told us, but the prices went up 20% overnight,\" one farmer at the market recalled on Saturday."
    local doc = page({ "Advertisement", P }, true)
    assert.is_true(has_paragraph(doc, P))
    body_intact(doc)
  end)

  it("keeps a paragraph on a firm's offer with no call under the label", function()
    local P = "Harlow Motors: The dealer in the valley town will offer farmers a 10% discount on small tractors during the scheme's first year."
    local doc = page({ "ADVERTISEMENT", P }, true)
    assert.is_true(has_paragraph(doc, P))
    body_intact(doc)
  end)
  -- (round 31, blind set h108: a hotel's copy with a season's offer and a stay priced as
  -- a bargain, a blank line under the label)
  it("drops a hotel's copy with a season's offer and a stay at a bargain's price", function()
    local doc = page({ "Advertisement", "Hotel Edelweiss Dorrel – Wellness, half board and the best view of the valley. Late summer offer: 7 nights for the price of 6." })
    assert.is_false(has_paragraph(doc, "Hotel Edelweiss Dorrel"))
    body_intact(doc)
  end)

  it("keeps a sentence of the article on a price compared under the label", function()
    local P = "Families said the hire fee was fair, calling the scheme seven days of threshing for the price of one, and asked the office to extend it."
    local doc = page({ "Advertisement", P })
    assert.is_true(has_paragraph(doc, P))
    body_intact(doc)
  end)
end)
