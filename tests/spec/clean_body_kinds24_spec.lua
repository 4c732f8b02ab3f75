-- Specs of the clean stage for the body failure kinds found on blind pages (issue 4,
-- round 24): a match report's fact lines (the result line and the scorecard link under
-- a scorecard, a lone half-time score line, the teams' line-ups, a standfirst under
-- the byline). Guards: prose with the same words stays.
-- Every page below is invented (fictional towns, people, clubs and outlets).

local pages = require "tests.clean_pages"
local has_paragraph = pages.has_paragraph
local run = pages.run

local P1 = "Tarrant St Giles beat Harlow Vale by three wickets at Copse Lane on Saturday to go top of the Marsh League's first division for the first time since 2019."
local P2 = "Harlow Vale were bowled out for 198 after their openers had put on 90, with the slow left-armer Kemi Obi taking three wickets in a spell of nine overs."
local P3 = "\"We never panicked, even when we lost three quick wickets,\" Tarrant captain Aled Quell said. \"The younger players held their nerve at the end.\""
local P4 = "Tarrant host Brockhurst next Saturday, when a win would give them a lead of ten points with four games left."

local HEADER = { "Marsh League Cricket", "", "Home | Fixtures | Results | Tables | Clubs | Contact", "",
  "Tarrant St Giles go top with three-wicket win", "", "Words by Gwen Larkspur", "Sunday 21st June 2026", "" }
local FOOTER = { "Share this story: Facebook | Email", "", "© 2026 Marsh League Cricket" }
local function page(head, mid, foot, lead)
  return pages.story(HEADER, lead or P1, { P2, P3, P4 }, head, mid, foot, FOOTER)
end
local function all_kept(doc)
  for _, p in ipairs { P1, P2, P3, P4 } do assert.is_true(has_paragraph(doc, p), p) end
end

local CARD = { "SCORECARD", "Harlow Vale 198 all out (46.3 overs): P Denny 72, S Marsh 41; K Obi 3-29",
  "Tarrant St Giles 201-7 (44.1 overs): A Quell 88, J Ruddock 35; D Frome 4-51" }

describe("clean: a match report's fact lines", function()
  it("drops the result line and the scorecard link under a scorecard", function()
    for _, tail in ipairs {
      { "Tarrant St Giles won by three wickets" },
      { "Tarrant St Giles won by 3 wickets", "Full scorecard on LeagueScores" },
      { "Harlow Vale won by 42 runs" } } do
      local box = { table.unpack(CARD) }
      for _, l in ipairs(tail) do box[#box + 1] = l end
      local doc = run(page(nil, { P2, box }))
      all_kept(doc)
      for i = 2, #box do assert.is_false(has_paragraph(doc, box[i]), box[i]) end
    end
  end)

  it("keeps a subhead under a scorecard across a blank line", function()
    local doc = run(page(nil, { P2, CARD, "Elsewhere in the first division", "Brockhurst stayed second after beating Old Mossley by six wickets at the Rec, with Tom Ashby making an unbeaten century." }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, "Elsewhere in the first division"))
  end)

  it("drops a lone half-time score line between paragraphs", function()
    for _, l in ipairs { "Half-time: Tarrant 0-9 Kilmessan 1-7", "Half-time: Harlow Vale 1 Tarrant St Giles 0",
      "Full-time: Kilmessan Rovers 2 Ashgrove United 3" } do
      local doc = run(page(nil, { l }))
      all_kept(doc)
      assert.is_false(has_paragraph(doc, l), l)
    end
  end)

  it("keeps a sentence giving the half-time score", function()
    local s = "At half-time it was Tarrant 0-9 Kilmessan 1-7, and the visitors had the wind at their backs."
    local doc = run(page(nil, { s }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, s))
  end)

  it("drops the teams' line-ups under the report", function()
    local a = "KILMESSAN: D Furey; P Ryle, T Corcoran, M Hession; B Kenny, L Deasy, S Hanrahan; C Gilsenan (0-1), F Brody; R Nangle (0-3), E Tuite (1-2), G Moynagh; A Cullinan (0-5, 0-3f), J Phelan, N Carberry (0-1). Subs: K Ó Dálaigh (0-1), P Garvey."
    local b = "Ashgrove United: Pemberton; Okoro, Lisle, Dray, Fenwick; Achterberg, Moss (Quayle 70), Rudd; Tannahill, Ferris (1), Ibekwe (2)."
    local doc = run(page(nil, nil, { a, b }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, a))
    assert.is_false(has_paragraph(doc, b))
  end)

  it("keeps a sentence listing names with semicolons", function()
    local s = "The new committee is made up of chair Rhona Pell; treasurer Dev Anand, who served for six years; and the secretary, Max Ulverston."
    local doc = run(page(nil, nil, { s }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, s))
  end)

  it("drops a one-sentence standfirst under the byline", function()
    local s = "Teenager Ruddock hits the winning boundary at Copse Lane as the champions slip to a second defeat"
    local doc = run(page({ s }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, s))
  end)

  it("keeps a lead paragraph closed by a stop under the byline", function()
    local s = "Teenager Ruddock hit the winning boundary at Copse Lane on Saturday as the champions slipped to a second defeat."
    local doc = run(page({ s }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, s))
  end)
end)

describe("clean: advertisement, sponsor and donation copy", function()
  it("drops a brand's copy under a label closed by a call to ask at a shop", function()
    for _, ad in ipairs {
      "Karoo Feeds – high-protein lick for the dry season. Ask at your nearest co-op.",
      "Dunmore Seeds – hardy grass mixes for upland pasture. Available at your local stockist." } do
      local doc = run(page(nil, { "ADVERTISEMENT", ad }))
      all_kept(doc)
      assert.is_false(has_paragraph(doc, ad), ad)
    end
  end)

  it("drops a match-ball sponsor's notice with a call to sponsor", function()
    for _, s in ipairs {
      "Our match ball this week was sponsored by The Wheatsheaf at Copse Lane – curry night every Thursday, booking advised. Want to sponsor a match ball? Speak to Nell at the bar.",
      "Today's match ball was kindly sponsored by Ruddock & Daughters Plumbing.",
      "Interested in advertising on our website? Email the club secretary." } do
      local doc = run(page(nil, { s }))
      all_kept(doc)
      assert.is_false(has_paragraph(doc, s), s)
    end
  end)

  it("keeps a news sentence on a sponsor", function()
    for _, s in ipairs {
      "The new scoreboard was sponsored by Ruddock & Daughters Plumbing, who also paid for the nets, the club treasurer said.",
      "Would the club want to sponsor a junior side? The committee will decide at its meeting in July, Quell said." } do
      local doc = run(page(nil, { s }))
      all_kept(doc)
      assert.is_true(has_paragraph(doc, s), s)
    end
  end)

  it("drops a donation ask whose call gives a second way to give", function()
    for _, s in ipairs {
      "A gift of $25 buys a month of basic medicines for the Holy Cross clinic at Tarrant. Give online or speak to your parish treasurer.",
      "A donation of £10 pays for a week of hot meals at the Harlow Vale night shelter. Donate online today." } do
      local doc = run(page(nil, nil, { s }))
      all_kept(doc)
      assert.is_false(has_paragraph(doc, s), s)
    end
  end)

  it("keeps a news sentence on a gift", function()
    local s = "A gift of $25,000 from the Harlow Vale Rotary Club paid for the new roof, and volunteers will give their time to paint the hall in May."
    local doc = run(page(nil, nil, { s }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, s))
  end)
end)

describe("clean: captions and photo notes", function()
  it("drops a caption closed by a bracketed picture credit", function()
    for _, c in ipairs {
      "The old pavilion at Copse Lane, closed since the floods of 2024. (Courier photo)",
      "Kemi Obi celebrates her third wicket. (File photo)",
      "The new nets at the Rec. (Picture: Dai Frome)" } do
      local doc = run(page({ c }))
      all_kept(doc)
      assert.is_false(has_paragraph(doc, c), c)
    end
  end)

  it("drops a photo note pointing to the club's page", function()
    for _, c in ipairs {
      "Photos from the day are on our Facebook page – thanks to Bryn Ashby for taking them.",
      "More pictures from the presentation night are in the gallery on our website." } do
      local doc = run(page(nil, nil, { c }))
      all_kept(doc)
      assert.is_false(has_paragraph(doc, c), c)
    end
  end)

  it("keeps a sentence about photos posted online", function()
    local s = "Photos of the damaged nets posted on the club's Facebook page were shared more than 2,000 times, and the police have asked anyone with information to come forward."
    local doc = run(page(nil, nil, { s }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, s))
  end)
end)

describe("clean: end matter", function()
  it("drops a members' prompt to log in and download", function()
    local s = "Members: log in to the Members' Area to download the full fixture list (PDF)."
    local doc = run(page(nil, nil, { s }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, s))
  end)

  it("drops a 'For more information' heading over a media contact", function()
    local doc = run(page(nil, nil, { { "For more information", "Media contact: Gwen Larkspur, press@marshleague.example, 01632 960 112" } }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "For more information"))
  end)

  it("drops the outlet's own imprint line under the body", function()
    local s = "Marsh League Cricket is published every week of the season by the Marsh League Management Committee."
    local doc = run(page(nil, nil, { s }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, s))
  end)

  it("keeps a news sentence on what another body publishes", function()
    local s = "The averages are published every week of the season by the Marsh League's statistician, Owen Pryce, who has kept them since 1988."
    local doc = run(page(nil, nil, { s }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, s))
  end)
end)

describe("clean: a pull quote leaving out a word of its sentence", function()
  local said = "Club chair Mair Ashby said the jubilee season would mix old rivals with new fixtures. \"We want to play the teams our grandfathers played, but we also want people to see that this is a living club,\" she said."
  it("drops the pull quote set out under the paragraph", function()
    local pq = "“We want people to see that this is a living club.”"
    local doc = run(page(nil, { said, pq }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, said))
    assert.is_false(has_paragraph(doc, pq))
  end)

  it("keeps a quoted paragraph sharing only some words with another", function()
    local q = "“We want people to come and see for themselves that this is a club for every village in the valley.”"
    local doc = run(page(nil, { said, q }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, q))
  end)
end)

describe("clean: a paragraph between an advertisement and the footer", function()
  -- a page of one paragraph a line (no blank lines), an advertisement's block above the
  -- last paragraph and the footer under it
  local function packed(ad, extra)
    local t = { "The Orvanne Courier", "Home | News | Sport | Contact", "Water cuts for nine hamlets from Monday",
      "By Idony Farrant", "12 March 2026", pages.WATER[1], pages.WATER[2], pages.WATER[3] }
    for _, l in ipairs(ad) do t[#t + 1] = l end
    t[#t + 1] = pages.WATER[4]
    if extra then t[#t + 1] = extra end
    for _, l in ipairs { "Share this story: Facebook | Email", "More news", "Road to close for bridge repairs",
      "Library hours cut", "© 2026 The Orvanne Courier" } do t[#t + 1] = l end
    return pages.lines(t)
  end

  it("keeps the last paragraph under an advertisement's copy", function()
    for _, ad in ipairs {
      { "Advertisement", "Harrow Tyres – fitting while you wait. Book online today." },
      { "Advertisement", "Kelso Fencing", "Posts, rails and gates for every farm. Call 01632 960 441." },
      { "Advertisement", "Harrow Tyres – fitting while you wait", "Book online today" } } do
      local doc = run(packed(ad))
      assert.is_true(has_paragraph(doc, pages.WATER[4]), ad[2])
      assert.is_false(has_paragraph(doc, ad[2]), ad[2])
    end
  end)

  it("keeps it with a fifth paragraph under it too", function()
    local doc = run(packed({ "Advertisement", "Harrow Tyres – fitting while you wait. Book online today." },
      "Residents can collect bottled water from the village hall at Orvanne on weekday mornings, the board said."))
    assert.is_true(has_paragraph(doc, pages.WATER[4]))
  end)
end)

describe("clean: boilerplate cues read as they mean", function()
  it("keeps a news sentence asking someone to share the rest", function()
    for _, s in ipairs {
      "The villages asked the board to share the rest of the fund.",
      "Quell said the club would share the gate money with the league." } do
      local doc = run(page(nil, { s }))
      all_kept(doc)
      assert.is_true(has_paragraph(doc, s), s)
    end
  end)

  it("drops a share line naming the thing shared", function()
    local s = "Share the story with a friend"
    local doc = run(page(nil, nil, { s }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, s))
  end)

  it("keeps a news sentence on thanks to sponsors", function()
    for _, s in ipairs {
      "The mayor thanked the sponsors and the volunteers who ran the tea tent.",
      "The fireworks were free this year thanks to the town's sponsors." } do
      local doc = run(page(nil, { s }))
      all_kept(doc)
      assert.is_true(has_paragraph(doc, s), s)
    end
  end)

  it("drops a book's publication line and an order line on their own", function()
    for _, s in ipairs {
      "The Long Furrow by Ines Marwood is published by Tidemark Books (312pp, £17.99).",
      "To order a copy for £15.29 go to eastbrookbookshop.example or call 01632 960 778." } do
      local doc = run(page(nil, nil, { s }))
      all_kept(doc)
      assert.is_false(has_paragraph(doc, s), s)
    end
  end)
end)
