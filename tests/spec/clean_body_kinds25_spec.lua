-- Specs of the clean stage for the body failure kinds found on blind pages (issue 4,
-- round 25): a subhead under an advertisement's copy, a broadcaster's pointer to a
-- programme ("Listen to the full interview on NAME at 6 ... on 91.3 FM"), a funder's
-- disclaimer ("Any views, findings, conclusions or recommendations expressed ... do not
-- necessarily reflect those of ..."); on a page of one paragraph a line, a lone score
-- line and the result lines under a scorecard; a log-in prompt written "login"; a match
-- sponsor's notice. Guards: prose with the same words stays.
-- Every page below is invented (fictional towns, people, stations and outlets).

local pages = require "tests.clean_pages"
local has_paragraph = pages.has_paragraph
local run = pages.run

local P1 = "Ferry fares between Corran Point and the Isle of Skerra will rise by a fifth from next month, the island council's transport committee decided on Tuesday."
local P2 = "The council said fuel and crew costs had gone up by more than a third since the fares were last set, three years ago."
local P3 = "\"People here have no other way to reach the hospital or the secondary school,\" said Skerra community councillor Morag Vennick."
local P4 = "The committee will review the fares again in March, once the new timetable has run for a full winter."

local HEADER = { "The Skerra Courier", "", "Home | News | Sport | Notices | Contact", "",
  "Skerra ferry fares to rise by a fifth", "", "By Ewan Tullis", "Wednesday 14 October 2026", "" }
local FOOTER = { "Share this story: Facebook | Email", "", "© 2026 The Skerra Courier" }
local function page(head, mid, foot, lead, packed)
  return pages.story(HEADER, lead or P1, { P3, P4 }, head, mid, foot, FOOTER, packed)
end
local function all_kept(doc)
  for _, p in ipairs { P1, P3, P4 } do assert.is_true(has_paragraph(doc, p), p) end
end

describe("clean: a subhead under an advertisement", function()
  it("keeps a subhead between an advertisement's copy and the next paragraph", function()
    for _, ad in ipairs {
      { "Advertisement", "Kestrel Mobile — 5GB for $3 this weekend. Text GO to 5550 now!" },
      { "ADVERTISEMENT", "Corran Motors: new and used cars, finance available. Call 01632 960 441 today!" },
      { "Advertisement", "Harbour Savings Bank", "Loans for the whole island. Apply online today." } } do
      local mid = { P2 }
      for _, l in ipairs(ad) do mid[#mid + 1] = l end
      mid[#mid + 1] = "Islanders worried"
      local doc = run(page(nil, mid, nil, nil, true))
      all_kept(doc)
      assert.is_true(has_paragraph(doc, P2))
      assert.is_true(has_paragraph(doc, "Islanders worried"), ad[2])
      for i = 2, #ad do assert.is_false(has_paragraph(doc, ad[i]), ad[i]) end
    end
  end)

  it("drops an advertisement's slogan line that is not closed by a stop above it", function()
    local doc = run(page(nil, { P2, "Advertisement", "Orchard Fresh Juices", "Pressed on the island every morning" }, nil, nil, true))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Pressed on the island every morning"))
    assert.is_false(has_paragraph(doc, "Orchard Fresh Juices"))
  end)
end)

describe("clean: a broadcaster's pointer to its programme", function()
  it("drops a pointer to the programme by its frequency, channel or days", function()
    for _, l in ipairs {
      "Listen to the full interview with councillor Vennick on Island Morning at 7, Monday to Friday on 96.4 FM.",
      "Watch the full report on Skerra Tonight at 6.30 p.m. on Channel 14.",
      "Tune in to The Harbour Hour, weekdays at noon on 1404 AM, for more on the ferry fares.",
      "Hear more from the islanders on Evening Desk, Monday through Friday at 5." } do
      local doc = run(page(nil, { P2 }, { l }))
      all_kept(doc)
      assert.is_true(has_paragraph(doc, P2))
      assert.is_false(has_paragraph(doc, l), l)
    end
  end)

  it("keeps news sentences that listen or watch", function()
    for _, l in ipairs {
      "She will listen to the residents on Monday and report to the committee in March.",
      "Watch parties for the ferry debate were held in nine villages on Monday to Friday evenings, the council said.",
      "Listeners to Skerra's community radio station on 96.4 FM have raised £4,000 for the lifeboat this year." } do
      local doc = run(page(nil, { P2, l }))
      all_kept(doc)
      assert.is_true(has_paragraph(doc, l), l)
    end
  end)
end)

describe("clean: a funder's disclaimer under a release", function()
  it("drops the funder's disclaimer with the grantee's line before it", function()
    for _, l in ipairs {
      "The Skerra Heritage Fund is an independent charity and the island partner of the National Lottery Arts Board. Any views, findings, conclusions or recommendations expressed in these events do not necessarily represent those of the National Lottery Arts Board.",
      "Any opinions, findings, conclusions, or recommendations expressed in this program do not necessarily reflect the views of the Skerra Arts Endowment.",
      "The views expressed in this newsletter are those of its contributors and do not necessarily reflect those of the Corran Point Trust." } do
      local doc = run(page(nil, { P2 }, { l, "Media contact: Isla Brodie, 01632 960 118" }))
      all_kept(doc)
      assert.is_true(has_paragraph(doc, P2))
      assert.is_false(has_paragraph(doc, l), l)
    end
  end)

  it("keeps a sentence that reports a disclaimer", function()
    local l = "The views expressed in the leaflet do not necessarily reflect those of the council, a spokesman said, adding that it had not paid for it."
    local doc = run(page(nil, { P2, l }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, l))
  end)
end)

-- a match report's fact lines on a page of one paragraph a line (no blank lines)
local M1 = "Tarrant St Giles beat Harlow Vale by three wickets at Copse Lane on Saturday to go top of the Marsh League's first division."
local M2 = "Harlow Vale were bowled out for 198 after their openers had put on 90, with the slow left-armer Kemi Obi taking three wickets."
local M3 = "\"We never panicked, even when we lost three quick wickets,\" Tarrant captain Aled Quell said after the match."
local M4 = "Tarrant host Brockhurst next Saturday, when a win would give them a lead of ten points with four games left."
local MHEAD = { "Marsh League Cricket", "Home | Fixtures | Results | Tables | Clubs | Contact",
  "Tarrant St Giles go top with three-wicket win", "Words by Gwen Larkspur", "Sunday 21st June 2026" }
local MFOOT = { "Share this story: Facebook | Email", "© 2026 Marsh League Cricket" }
local function match_page(mid)
  return pages.story(MHEAD, M1, { M3, M4 }, nil, mid, nil, MFOOT, true)
end
local function match_kept(doc)
  for _, p in ipairs { M1, M2, M3, M4 } do assert.is_true(has_paragraph(doc, p), p) end
end
local CARD = { "SCORECARD", "Harlow Vale 198 all out (46.3 overs): P Denny 72, S Marsh 41; K Obi 3-29",
  "Tarrant St Giles 201-7 (44.1 overs): A Quell 88, J Ruddock 35; D Frome 4-51" }

describe("clean: a match report's fact lines on a page with no blank lines", function()
  it("drops a lone score line between paragraphs", function()
    for _, l in ipairs { "Half-time: Tarrant 0-9 Kilmessan 1-7", "Full-time: Kilmessan Rovers 2 Ashgrove United 3" } do
      local doc = run(match_page { M2, l })
      match_kept(doc)
      assert.is_false(has_paragraph(doc, l), l)
    end
  end)

  it("drops the result line and the scorecard link under a scorecard", function()
    local box = { M2, CARD[1], CARD[2], CARD[3], "Tarrant St Giles won by three wickets", "Full scorecard on LeagueScores" }
    local doc = run(match_page(box))
    match_kept(doc)
    for i = 3, #box do assert.is_false(has_paragraph(doc, box[i]), box[i]) end
  end)

  it("keeps a subhead under a scorecard", function()
    local s = "Brockhurst stayed second after beating Old Mossley by six wickets at the Rec, with Tom Ashby making an unbeaten century."
    local doc = run(match_page { M2, CARD[1], CARD[2], CARD[3], "Elsewhere in the first division", s })
    match_kept(doc)
    assert.is_true(has_paragraph(doc, "Elsewhere in the first division"))
    assert.is_true(has_paragraph(doc, s))
  end)
end)

describe("clean: a match-facts box on a page with no blank lines", function()
  it("drops the box with its heading when its score line heads it", function()
    local box = { "Match facts", "Tarrant 27 Kilmessan 24",
      "Tarrant: Tries: Quell, Ruddock, Obi. Cons: Denny 3. Pens: Denny 2.",
      "Kilmessan: Tries: Frome, Marsh. Cons: Frome 2. Pen: Frome.", "Referee: T. Ashby", "Attendance: 1,812" }
    local doc = run(pages.story(MHEAD, M1, { M3, M4 }, nil, { M2 }, { box }, MFOOT, true))
    match_kept(doc)
    for _, l in ipairs(box) do assert.is_false(has_paragraph(doc, l), l) end
  end)
end)

describe("clean: result_words", function()
  it("extends the words of a result line under a scorecard", function()
    local box = { M2, CARD[1], CARD[2], CARD[3], "Harlow Vale conceded with eight overs left", M3 }
    local doc = run(pages.story(MHEAD, M1, { M4 }, nil, box, nil, MFOOT, true), { result_words = { "conceded" } })
    assert.is_false(has_paragraph(doc, "Harlow Vale conceded with eight overs left"))
    doc = run(pages.story(MHEAD, M1, { M4 }, nil, box, nil, MFOOT, true))
    assert.is_true(has_paragraph(doc, "Harlow Vale conceded with eight overs left"))
  end)
end)

describe("clean: a club's notices under a match report", function()
  it("drops a prompt to log in written as one word", function()
    for _, s in ipairs { "Members: login to the Members' Area to download the full fixture list (PDF).",
      "Please login to download the entry form for the summer sevens." } do
      local doc = run(pages.story(MHEAD, M1, { M3, M4 }, nil, { M2 }, { s }, MFOOT, true))
      match_kept(doc)
      assert.is_false(has_paragraph(doc, s), s)
    end
  end)

  it("drops the match sponsor's notice under the report", function()
    for _, s in ipairs { "Today's match was sponsored by Ruddock & Daughters Plumbing.",
      "This week's match sponsor is The Wheatsheaf at Copse Lane.",
      "Saturday's game was kindly sponsored by Harlow Vale Motors" } do
      local doc = run(pages.story(MHEAD, M1, { M3, M4 }, nil, { M2 }, { s }, MFOOT, true))
      match_kept(doc)
      assert.is_false(has_paragraph(doc, s), s)
    end
  end)

  it("keeps news sentences on a match's sponsor", function()
    for _, s in ipairs { "Today's match was sponsored by the district council, which paid for the new covers, the club said.",
      "The match was sponsored by a local builder for the third year running, and the club hopes to keep the deal until 2028.",
      "Our match sponsors have been with the club since it was founded in 1952 and have paid for two new pavilions in that time." } do
      local doc = run(pages.story(MHEAD, M1, { M3, M4 }, nil, { M2, s }, nil, MFOOT, true))
      match_kept(doc)
      assert.is_true(has_paragraph(doc, s), s)
    end
  end)
end)
