-- Specs of the clean stage for the body failure kinds found on blind pages (issue 4,
-- round 21): a closing news section (a short heading over a paragraph about the next
-- game or event) after a table of figures; a newsroom tip-off (a question and a
-- contact channel), a sales line (a call to buy with a price and a saving) and a
-- question to the reader over a booking call closed by a button ("Book here."); an
-- outlet's publication-schedule notice and a one-line pointer to results elsewhere
-- under the body.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local has_paragraph = pages.has_paragraph

local P1 = "The Dunmore Vale Kestrels beat the Harlow Bridge Otters 3-2 on Saturday afternoon at the Cobb Lane ground, their fourth win in a row."
local P2 = "Striker Amadou Fenwick scored twice in the second half after the visitors had led for most of the first hour."
local P3 = "\"We kept going and the goals came,\" manager Rosalind Treharne said after the match. \"I am proud of the way they answered.\""
local P4 = "The result lifts the Kestrels to third place in the Eastern League with a game in hand on the two clubs above them."

local HEADER = { "Dunmore Vale Kestrels FC", "", "Home | Fixtures | Squad | Tickets | Shop", "",
    "Fenwick double sends Kestrels past Otters", "", "Posted by Lionel Ashcombe on 14 March 2026", "" }
local FOOTER = { "Share: Facebook | X | Email", "", "© 2026 Dunmore Vale Kestrels FC. All rights reserved." }
local function page(head, mid, foot)
  return pages.story(HEADER, P1, { P2, P3, P4 }, head, mid, foot, FOOTER)
end
local run = pages.run

local function all_kept(doc)
  for _, p in ipairs { P1, P2, P3, P4 } do assert.is_true(has_paragraph(doc, p), p) end
end

local TABLE = { "MATCH SUMMARY", "1st half: HBO – Pruitt (Quayle) 12:00 | HBO – Quayle (Pruitt, Dale) 38:10",
  "2nd half: DVK – Fenwick (Osei) 61:05", "DVK – Fenwick 77:40 | DVK – Osei (Marsh, Fenwick) 84:12",
  "Corners: HBO 4, DVK 9", "Shots: HBO 8, DVK 17" }

describe("clean: a closing news section after a table of figures", function()
  it("keeps a short heading and its paragraph about the next game after a box score", function()
    local nx = "The Kestrels visit the Westbury Rovers on Tuesday night before hosting the Elmstead Rangers on 28 March."
    local doc = run(page(nil, nil, { TABLE, "Coming up", nx, "Man of the match: 1. Fenwick (DVK) 2. Osei (DVK) 3. Pruitt (HBO)",
      "Match gallery (18 photos) ›" }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, "Coming up"))
    assert.is_true(has_paragraph(doc, nx))
    assert.is_false(has_paragraph(doc, "Shots: HBO 8"))
    assert.is_false(has_paragraph(doc, "Match gallery"))
  end)

  it("keeps a closing section about the next meeting after a table of votes", function()
    local nx = "Members meet again on Thursday 2 April to set the budget for the pitch repairs."
    local votes = { "VOTES", "Motion 1: 14 for, 3 against, 2 abstentions | Motion 2: 9 for, 8 against, 2 abstentions",
      "Motion 3: 11 for, 6 against, 2 abstentions", "Motion 4: 12 for, 7 against, 0 abstentions", "Turnout: 19 of 21", "Proxies: 4 of 19" }
    local doc = run(page(nil, nil, { votes, "What happens next", nx, "Thanks to our match sponsor, Treharne Motors." }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, nx))
    assert.is_true(has_paragraph(doc, "What happens next"))
  end)
end)

describe("clean: newsroom tip-offs and promotions under or inside the body", function()
  it("drops a question to the reader with a messaging channel of the newsroom", function()
    local doc = run(page(nil, nil, { "Have you a story for us? WhatsApp the newsdesk on 041 555 0173." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "story for us"))
    doc = run(page(nil, nil, { "Got a story? Text our newsroom on 0161 555 0192." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Got a story"))
  end)

  it("drops a sales line inside the body: a call to buy, a price and a saving", function()
    local doc = run(page(nil, { "Buy a monthly Vale Pass for £40 in the club shop – save up to 25%!" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Vale Pass"))
  end)

  it("drops a question to the reader over a course closed by a button 'Book here.'", function()
    local doc = run(page(nil, nil, { "Fancy learning to play? Our Walking Football sessions start on 4 May. Book here." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Walking Football"))
  end)

  it("keeps a paragraph that asks a question and reports the answer", function()
    local p = "Can the Kestrels stay in the top three? Treharne thinks so, and the board has promised money for two loan signings."
    local doc = run(page(nil, nil, { p }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, p))
  end)
end)

describe("clean: notices and pointers under the body", function()
  it("drops the outlet's next-issue notice after the body", function()
    local doc = run(page(nil, nil, { "Next issue: 27/03/2026. Adverts close Monday 23/03/2026 at 5pm." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Next issue"))
  end)

  it("drops a one-line pointer to the results elsewhere after the body", function()
    local doc = run(page(nil, nil, { "Full results are on the league website." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Full results"))
  end)

  it("keeps a closing sentence about the next edition of an event", function()
    local p = "The next edition of the tournament is due in the summer of 2027, the league said."
    local doc = run(page(nil, nil, { p }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, p))
  end)

  it("keeps a news sentence about results still to come", function()
    local p = "Results of the vote are expected on Friday."
    local doc = run(page(nil, nil, { p }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, p))
  end)
end)
