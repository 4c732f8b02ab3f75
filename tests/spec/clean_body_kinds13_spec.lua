-- Specs of the clean stage for body failure kinds (issue 4, round 13): a betting
-- advertisement closed by its small print ("Bet now. 18+ only. Please gamble
-- responsibly."), an inline advertisement that a text dumper wrapped short under its
-- label, an app prompt closed by a link arrow, and an all-capitals subhead that is also
-- a video widget's label ("UP NEXT"). Every page below is invented (fictional towns,
-- people, clubs, firms, outlets and brands).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph

-- a sports site's match report
local S1 = "Harbour United moved three points clear at the top of the Coastal League on Saturday after a 2-0 win over Millbank Rovers at Quayside Park."
local S2 = "Tobias Marlowe opened the scoring after 20 minutes with a low shot from the edge of the area, and Isaac Penhale added a second just after the break."
local S3 = "Rovers had a goal ruled out for offside late in the game and finished with ten men after their captain was sent off."
local S4 = "United travel to Gullhaven next weekend, while Rovers host Saltcombe Athletic on Sunday."

local function sports(middle)
  local t = { "Coastline Sport", "Football | Athletics | Boxing | Results", "",
    "United go three clear with win over Rovers", "", "By Kwabena Asante-Lowry", "May 9, 2026", "",
    S1, "", S2, "" }
  for _, l in ipairs(middle) do t[#t + 1] = l end
  for _, l in ipairs { S3, "", S4, "", "© 2026 Coastline Sport" } do t[#t + 1] = l end
  return run(lines(t))
end

describe("clean: a betting advertisement's small print", function()
  it("drops an odds list closed by a call and its small print", function()
    local doc = sports { "Kestrelbet – Coastal League odds: Harbour United 1.95 | Draw 3.20 | Millbank Rovers 3.75. Bet now. 18+ only. Please gamble responsibly.", "" }
    assert.is_false(has_paragraph(doc, "Kestrelbet"))
    for _, p in ipairs { S1, S2, S3, S4 } do assert.is_true(has_paragraph(doc, p), p) end
  end)

  it("drops a brand's slogan closed by terms and an age limit", function()
    local doc = sports { "Spinharbour – Weekend price boosts on every league game. New customers only. T&Cs apply. 18+ only.", "" }
    assert.is_false(has_paragraph(doc, "Weekend price boosts"))
    for _, p in ipairs { S1, S2, S3, S4 } do assert.is_true(has_paragraph(doc, p), p) end
  end)

  it("keeps a paragraph about the wording that betting advertisements must carry", function()
    local P = "Under the new code, every betting advertisement shown at Quayside Park must remind supporters to gamble responsibly and carry the words 18+ only."
    local doc = sports { P, "" }
    assert.is_true(has_paragraph(doc, P))
  end)
end)

-- a farming weekly's report, dumped by a text browser wrapped at 76 columns
local function farm(ad)
  local t = { "The Furrow Weekly", "", "   News   Livestock   Tillage   Machinery", "",
    "Growers say fertiliser prices will decide spring plantings", "",
    "   By Eamon Threlkeld", "   Tuesday 3 February 2026, 09:15", "",
    "   Tillage growers in the Brannock valley say the price of fertiliser over",
    "   the next six weeks will decide how much barley they sow this spring, with",
    "   some planning to leave part of their ground fallow.", "",
    "   The Brannock Growers' Association said members had paid about a fifth",
    "   more per tonne in January than a year earlier, while grain prices had",
    "   barely moved since the harvest.", "" }
  for _, l in ipairs(ad) do t[#t + 1] = l end
  for _, l in ipairs { "",
    "   Association chairwoman Orla Pennick said several members were waiting",
    "   for the department's decision on a support scheme before ordering.", "",
    "   The department is expected to publish its decision by the end of the",
    "   month, after talks with the farm organisations.", "",
    "   © 2026 The Furrow Weekly" } do t[#t + 1] = l end
  return run(lines(t))
end

describe("clean: an inline advertisement wrapped short by a text dumper", function()
  it("reads the wrapped lines of a short ad under its label as one block and drops it", function()
    local doc = farm { "   Advertisement", "", "   [12]Brackwater Motors – Compact tractors and hedge",
      "   cutters. Finance offers this month." }
    assert.is_false(has_paragraph(doc, "Brackwater Motors"))
    assert.is_false(has_paragraph(doc, "cutters. Finance offers"))
    assert.is_true(has_paragraph(doc, "month, after talks with the farm organisations."))
    assert.is_true(has_paragraph(doc, "Association chairwoman Orla Pennick said several members were waiting for the department's decision"))
  end)

  it("joins a short line ending no sentence with a lower-case line under it", function()
    local blocks = require("docpipe.clean.blocks")
    local text = lines { "   Tillage growers in the Brannock valley say the price of fertiliser over",
      "   the next six weeks will decide how much barley they sow this spring, with",
      "   some planning to leave part of their ground fallow.", "",
      "   [3]Tractor drivers on the valley road were told to",
      "   expect delays while the bridge is repaired.", "",
      "   The Brannock Growers' Association said members had paid about a fifth",
      "   more per tonne in January than a year earlier, while grain prices had",
      "   barely moved since the harvest." }
    local list = blocks.split(text)
    assert.equal(3, #list)
    assert.equal("[3]Tractor drivers on the valley road were told to expect delays while the bridge is repaired.", list[2].text)
  end)

  it("does not join a short line with a lower-case line that closes no sentence", function()
    local blocks = require("docpipe.clean.blocks")
    local text = lines { "   Tillage growers in the Brannock valley say the price of fertiliser over",
      "   the next six weeks will decide how much barley they sow this spring, with",
      "   some planning to leave part of their ground fallow.", "",
      "   Tractor drivers on the valley road and the quay",
      "   see also the bridge notice", "",
      "   The Brannock Growers' Association said members had paid about a fifth",
      "   more per tonne in January than a year earlier, while grain prices had",
      "   barely moved since the harvest." }
    local list = blocks.split(text)
    assert.equal(4, #list)
    assert.equal("see also the bridge notice", list[3].text)
  end)
end)

-- a weather service's news page
local W1 = "Heavy rain is expected across the Tarnmoor hills from Thursday evening, with up to 80mm possible on high ground by Friday afternoon, the Northvale Weather Office said."
local W2 = "Rivers in the lower valley are already high after a wet fortnight, and forecasters said flooding of roads and low-lying farmland was likely."
local W3 = "An amber warning for rain is in force from 6pm on Thursday until midday on Friday."

local function weather(middle)
  local t = { "Northvale Weather Office", "Forecasts | Warnings | Climate | News", "",
    "Amber rain warning for the Tarnmoor hills", "", "By Petra Lindqvist-Moore", "12 March 2026 14:00 UTC", "",
    W1, "" }
  for _, l in ipairs(middle) do t[#t + 1] = l end
  for _, l in ipairs { W2, "", W3, "", "© Northvale Weather Office 2026" } do t[#t + 1] = l end
  return run(lines(t))
end

describe("clean: an app prompt closed by a link arrow", function()
  it("drops a prompt to download an app that ends on a link arrow", function()
    local doc = weather { "Get flood warnings on your phone. Download the Northvale Weather app ▸", "" }
    assert.is_false(has_paragraph(doc, "Download the Northvale"))
    for _, p in ipairs { W1, W2, W3 } do assert.is_true(has_paragraph(doc, p), p) end
  end)

  it("drops a prompt that closes on an arrow without naming an app", function()
    local doc = weather { "See the latest warnings for your area ›", "" }
    assert.is_false(has_paragraph(doc, "See the latest warnings"))
    for _, p in ipairs { W1, W2, W3 } do assert.is_true(has_paragraph(doc, p), p) end
  end)

  it("keeps a paragraph about the weather office's app", function()
    local P = "The office's new phone app, launched last month, has been downloaded more than 40,000 times, and forecasters said it would carry the warning updates."
    local doc = weather { P, "" }
    assert.is_true(has_paragraph(doc, P))
  end)
end)

-- a college athletics site's game story
local C1 = "Ravensbrook State held off a late rally to beat Tamsin Hill 64-59 on Saturday night and stay unbeaten at home this season."
local C2 = "Junior guard Delphine Okafor-Reyes scored 22 points, and the Hawks made 11 of 12 free throws in the final two minutes."
local C3 = "Ravensbrook State led by 14 points early in the fourth quarter before Tamsin Hill cut the lead to two with 40 seconds left."
local C4 = "The Hawks visit Orchard Valley on Tuesday at 7 p.m. The game will be shown on the conference's streaming service."

local function college(sub1, sub2)
  return run(lines { "Ravensbrook State Athletics", "Tickets Shop Schedule Roster News", "",
    "Hawks hold off Tamsin Hill to stay unbeaten at home", "", "By Corwin Aldana", "3/7/2026 10:05 PM ET", "",
    C1, "", C2, "", sub1, "", C3, "", sub2, "", C4, "", "© 2026 Ravensbrook State University Athletics" })
end

describe("clean: an all-capitals subhead that is also a media label", function()
  it("keeps UP NEXT between two paragraphs as a subhead", function()
    local doc = college("HOW IT HAPPENED", "UP NEXT")
    assert.is_true(has_paragraph(doc, "UP NEXT"))
    assert.is_true(has_paragraph(doc, "HOW IT HAPPENED"))
    for _, p in ipairs { C1, C2, C3, C4 } do assert.is_true(has_paragraph(doc, p), p) end
  end)

  it("drops a media label in capitals that names a gallery between two paragraphs", function()
    local doc = college("HOW IT HAPPENED", "PHOTO GALLERY")
    assert.is_false(has_paragraph(doc, "PHOTO GALLERY"))
    for _, p in ipairs { C1, C2, C3, C4 } do assert.is_true(has_paragraph(doc, p), p) end
  end)

  it("drops an Up next label above a video's title", function()
    local doc = run(lines { "Ravensbrook State Athletics", "Tickets Shop Schedule Roster News", "",
      "Hawks hold off Tamsin Hill to stay unbeaten at home", "", "By Corwin Aldana", "3/7/2026 10:05 PM ET", "",
      C1, "", C2, "", "UP NEXT", "", "Coach Brandt on the win over Tamsin Hill 02:41", "", C3, "", C4, "",
      "© 2026 Ravensbrook State University Athletics" })
    assert.is_false(has_paragraph(doc, "UP NEXT"))
    for _, p in ipairs { C1, C2, C3, C4 } do assert.is_true(has_paragraph(doc, p), p) end
  end)
end)
