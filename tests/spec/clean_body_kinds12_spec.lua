-- Specs of the clean stage for body failure kinds (issue 4, round 12): an unlabelled
-- inline advertisement of a brand, a dash and a slogan closed by a call ("BRAND – Home
-- loans made easy. Approval in a day. Apply online today."), an author box closing the
-- article (name line, role line, a note naming the writer by first name), and a club's
-- or a charity's report closed by a "NAME, ROLE" sign-off and a donation appeal. Every
-- page below is invented (fictional towns, people, clubs, charities, outlets and brands).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph

-- a business daily's report
local B1 = "Spice exporters in Marrowby have asked the Commerce Ministry to extend a cheap credit scheme that is due to expire at the end of the year, saying higher freight costs have squeezed their margins."
local B2 = "In a letter to the ministry, the Marrowby Spice Exporters' Council said shipments of cardamom fell 8% in the first half of the year, while insurance premiums on the southern route rose by a third."
local B3 = "Council chairman Ravindra Oakes said many smaller firms were borrowing at commercial rates to fill orders that had already been agreed."
local B4 = "A ministry spokesman said the request would be considered with other budget proposals next month."
local B5 = "Exporters have also asked for faster refunds of sales tax, some of which have been pending since the spring."

local function business(middle)
  local t = { "The Marrowby Ledger", "Markets | Companies | Economy | Opinion", "",
    "Spice exporters seek extension of cheap credit scheme", "", "By Anoushka Brill", "September 3, 2026", "",
    B1, "", B2, "", B3, "" }
  for _, l in ipairs(middle) do t[#t + 1] = l end
  for _, l in ipairs { B4, "", B5, "", "© 2026 Marrowby Ledger Ltd" } do t[#t + 1] = l end
  return run(lines(t))
end

-- a games site's news story with an author box at the end
local G1 = "Fernhollow Games has pushed back the launch of its sailing adventure Brinewind to next spring, the studio said on Tuesday, blaming problems with the game's online mode."
local G2 = "The game had been due in November. Studio director Halvard Quince said the team wanted \"a few more months to get the crossplay right\"."
local G3 = "Fernhollow said players who had pre-ordered could ask for a refund through the store where they bought the game."
local G4 = "Brinewind is the studio's first release since its 2022 puzzle game Lanternfall, which sold more than a million copies."

local function gaming(box)
  local t = { "Pixel Quarry", "News | Reviews | Guides | Videos", "",
    "Brinewind delayed to next spring over crossplay problems", "", "By Odalys Fenwick-Trey", "October 8, 2026", "",
    G1, "", G2, "", G3, "", G4, "" }
  for _, l in ipairs(box) do t[#t + 1] = l end
  for _, l in ipairs { "", "Tags: Brinewind, Fernhollow Games", "© 2026 Pixel Quarry Media" } do t[#t + 1] = l end
  return run(lines(t))
end

-- a volunteer lifeboat crew's shout report
local R1 = "The crew was paged at 09:40 on Saturday after a kayaker was seen in difficulty off Skerrow Point in a strong offshore wind."
local R2 = "The inshore boat reached him within 15 minutes. He was cold but unhurt and was taken back to the slipway at Dunmere, where he was checked over by paramedics."
local R3 = "Conditions along the headland can change quickly at this time of year. Check the forecast before you set out and always carry a way of calling for help."
local R4 = "Thanks to the walkers on the cliff path who raised the alarm and kept watch until the boat arrived."

local function rescue(tail)
  local t = { "Dunmere Volunteer Lifeboat", "Home | About | Shouts | Donate | Contact", "",
    "Shout 22/2026 – Kayaker blown offshore near Skerrow Point", "", "Posted by Morven Ashcroft on 9 August 2026", "",
    R1, "", R2, "", R3, "", R4, "" }
  for _, l in ipairs(tail) do t[#t + 1] = l end
  for _, l in ipairs { "", "Donate now", "Dunmere Volunteer Lifeboat is a registered charity, no. 1187654." } do t[#t + 1] = l end
  return run(lines(t))
end

describe("clean: an unlabelled inline advertisement", function()
  it("drops a brand, a dash and a slogan closed by a call to apply", function()
    local doc = business { "Harrowgate Savings Bank – Business loans made simple. Decisions in 48 hours. Apply online today.", "" }
    assert.is_false(has_paragraph(doc, "Business loans made simple"))
    for _, p in ipairs { B1, B2, B3, B4, B5 } do assert.is_true(has_paragraph(doc, p), p) end
  end)

  it("drops a brand's slogan closed by a call to book", function()
    local doc = business { "Saltmarsh Travel — Spice routes by rail. Small groups, expert guides. Book now.", "" }
    assert.is_false(has_paragraph(doc, "Spice routes by rail"))
    for _, p in ipairs { B1, B2, B3, B4, B5 } do assert.is_true(has_paragraph(doc, p), p) end
  end)

  it("keeps a paragraph that opens with a name and a dash and reports an appeal", function()
    local P = "Marrowby Spice Exporters' Council – which represents 140 firms – said members who had lost orders could apply online today for a share of an emergency fund, the council said."
    local doc = business { P, "" }
    assert.is_true(has_paragraph(doc, P))
  end)

  it("keeps a paragraph of long sentences that ends on a call quoted from a bank", function()
    local P = "Harrowgate Savings Bank – the region's largest lender to small exporters – has opened a new window for cardamom growers, and its branch managers are telling farmers to apply online today."
    local doc = business { P, "" }
    assert.is_true(has_paragraph(doc, P))
  end)
end)

describe("clean: an author box closing the article", function()
  it("drops the name line, the role line and a note naming the writer by first name", function()
    local doc = gaming { "Odalys Fenwick-Trey", "Senior News Writer",
      "Odalys covers racing, sailing and anything with a map editor. Before joining Pixel Quarry she wrote for a student gaming blog." }
    for _, p in ipairs { G1, G2, G3, G4 } do assert.is_true(has_paragraph(doc, p), p) end
    assert.is_false(has_paragraph(doc, "Odalys covers racing"))
    assert.is_false(has_paragraph(doc, "Senior News Writer"))
    assert.is_false(has_paragraph(doc, "Odalys Fenwick-Trey"))
  end)

  it("keeps a closing paragraph about another person who shares the writer's first name", function()
    local P = "Odalys Marchetti, who leads the studio's online team, joined Fernhollow last year from a mobile developer."
    local doc = gaming { P }
    assert.is_true(has_paragraph(doc, P))
  end)
end)

describe("clean: a report's sign-off and a donation appeal", function()
  it("drops a closing NAME, ROLE sign-off of the author and the donation appeal under it", function()
    local doc = rescue { "Morven Ashcroft, Lifeboat Operations Manager", "",
      "Every shout is paid for by public donations. It costs about £60,000 a year to keep the boat on station. Please consider supporting us." }
    for _, p in ipairs { R1, R2, R3, R4 } do assert.is_true(has_paragraph(doc, p), p) end
    assert.is_false(has_paragraph(doc, "Morven Ashcroft, Lifeboat Operations Manager"))
    assert.is_false(has_paragraph(doc, "Please consider supporting us"))
  end)

  it("drops a donation appeal that asks the reader to donate today", function()
    local doc = rescue { "The crew are all volunteers and the station relies on your generosity. Please donate today to keep us on call." }
    for _, p in ipairs { R1, R2, R3, R4 } do assert.is_true(has_paragraph(doc, p), p) end
    assert.is_false(has_paragraph(doc, "relies on your generosity"))
  end)

  it("keeps a closing paragraph reporting a fundraising appeal", function()
    local P = "The station's fundraising committee hopes to raise £20,000 this year towards a new tractor for launching the boat, and a sponsored swim is planned for September."
    local doc = rescue { P }
    assert.is_true(has_paragraph(doc, P))
  end)
end)

describe("clean.bio: an author box's lines", function()
  local bio = require("docpipe.clean.bio").new("en")
  local meta = require("docpipe.clean.meta").new("en")
  local authors = { "Morven Ashcroft" }
  local function blk(text)
    local n = 0
    for _ in text:gmatch("%S+") do n = n + 1 end
    return { text = text, nw = n, take = true }
  end

  it("reads a byline author's closing NAME, ROLE line as a sign-off", function()
    assert.equal("author sign-off", bio:box_line(blk("Morven Ashcroft, Team Leader"), nil, authors, meta))
    assert.equal("author sign-off", bio:box_line(blk("Morven Ashcroft, Senior Reporter"), nil, authors, meta))
  end)

  it("reads a role line right above an author note as the box's role line", function()
    local note = { text = "Morven covers ...", nw = 3, take = false, why = "author note" }
    assert.equal("author box role", bio:box_line(blk("News Writer"), note, authors, meta))
  end)

  it("reads no sign-off in a sentence, another person's line or a line with kept text below", function()
    assert.is_nil(bio:box_line(blk("Morven Ashcroft, the coxswain, thanked them."), nil, authors, meta))
    assert.is_nil(bio:box_line(blk("Halvard Quince, Team Leader"), nil, authors, meta))
    assert.is_nil(bio:box_line(blk("Morven Ashcroft, Team Leader"), blk("More text follows here."), authors, meta))
  end)

  it("reads a closing note naming a byline author by first name, with a writer's cue", function()
    local none = function() return false end
    assert.is_true(bio:is_note("Odalys covers racing games and strategy. Before joining Pixel Quarry she wrote for a blog.", 15, { "Odalys Fenwick-Trey" }, none))
    assert.is_false(bio:is_note("Odalys is happy with the new boat and hopes to sail it in May.", 14, { "Odalys Fenwick-Trey" }, none))
  end)
end)
