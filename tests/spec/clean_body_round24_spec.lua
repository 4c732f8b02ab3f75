-- Specs of the clean stage for body failure kinds (round 24): a pull quote whose
-- sentence opens a longer paragraph of quoted speech (the repeat cut took the sentence
-- out of the paragraph, leaving '" Every month ...'); a teaser of another story
-- stamped with its date in brackets under a "MORE ... NEWS" label; an events list of
-- dated entries ("July 4 -- Boat parade ...") after the body of a page hard-wrapped
-- with no margin, two entries joined into one block by the unwrapping. Every page below
-- is invented (fictional towns, people, outlets and companies).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines

local HEAD = { "THE TERRANOVA LEDGER", "Business news from the river ports", "",
  "Home | Markets | Ports | Farming | Opinion", "",
  "Grain barge operators delay new fleet as river dredging stalls", "",
  "By Ilaria Benvenuto", "March 3, 2026", "" }
local P1 = "Three of the largest grain barge operators on the Terranova river have put orders for new vessels on hold after the port authority postponed a decision on dredging the upper channel, according to company executives."
local P2 = "The orders, worth about 400 million lire in all, were due to be signed before the end of the quarter. At least two have now been pushed back to next year, executives told the Ledger."
local P4 = "Shippers say the channel has silted up faster than expected since the floods of last spring, and that barges now sail with a third of their load to clear the shallows near Cassolo."
local P5 = "The port authority said in a statement that it was reviewing the engineering studies and would set a timetable in due course."
local FOOT = { "(c) 2026 The Terranova Ledger. All rights reserved." }

describe("clean: a pull quote whose sentence opens a longer paragraph", function()
  local Q = "\"We cannot order a barge on a maybe. Every month without a channel is a month our lenders ask the same thing,\" said Corrado Vismara, finance director of Fluvia Transporti, which had planned four new barges."
  it("keeps the paragraph whole when the quote goes on past the repeated sentence", function()
    for _, pull in ipairs { "    \"We cannot order a barge on a maybe.\"", "\"We cannot order a barge on a maybe.\"" } do
      local t = {}
      for _, l in ipairs(HEAD) do t[#t + 1] = l end
      for _, l in ipairs { P1, "", P2, "", pull, "", Q, "", P4, "", P5, "" } do t[#t + 1] = l end
      for _, l in ipairs(FOOT) do t[#t + 1] = l end
      assert.same({ P1, P2, Q, P4, P5 }, run(lines(t)).paragraphs)
    end
  end)

  it("keeps the paragraph whole when its next sentence is the writer's", function()
    local S = "The channel is the whole business. Without it, operators say, the new barges would spend half the year tied up at the quays of Cassolo and Verreto."
    local t = {}
    for _, l in ipairs(HEAD) do t[#t + 1] = l end
    for _, l in ipairs { P1, "", P2, "", "The channel is the whole business.", "", S, "", P4, "", P5, "" } do t[#t + 1] = l end
    for _, l in ipairs(FOOT) do t[#t + 1] = l end
    assert.same({ P1, P2, S, P4, P5 }, run(lines(t)).paragraphs)
  end)
end)

describe("clean: a teaser of another story with its date in brackets", function()
  local function page(more)
    local t = {}
    for _, l in ipairs(HEAD) do t[#t + 1] = l end
    for _, l in ipairs { P1, "", P2, "", P4, "", P5, "", "Share this: Facebook | WhatsApp | X", "" } do t[#t + 1] = l end
    for _, l in ipairs(more) do t[#t + 1] = l end
    t[#t + 1] = ""
    for _, l in ipairs(FOOT) do t[#t + 1] = l end
    return lines(t)
  end

  it("drops the dated headlines under a label closing the body", function()
    for _, first in ipairs {
      "Port pilots' overtime to be paid before the holidays, says the authority (01/03/2026)",
      "Port pilots' overtime to be paid before the holidays, says the authority (posted March 1, 2026)",
    } do
      local doc = run(page { "MORE PORTS NEWS", first,
        "Fuel stocks steady at Cassolo depot despite late tanker (28/02/2026)",
        "River museum opens a new hall (27/02/2026)" })
      assert.same({ P1, P2, P4, P5 }, doc.paragraphs)
    end
  end)

  it("keeps a dated subhead between two paragraphs", function()
    local sub = "What the operators asked for (February 2026)"
    local t = {}
    for _, l in ipairs(HEAD) do t[#t + 1] = l end
    for _, l in ipairs { P1, "", P2, "", sub, "", P4, "", P5, "" } do t[#t + 1] = l end
    for _, l in ipairs(FOOT) do t[#t + 1] = l end
    assert.same({ P1, P2, sub, P4, P5 }, run(lines(t)).paragraphs)
  end)
end)

describe("clean: an events list of dated entries after the body", function()
  -- hard-wrapped at 72 columns with no margin; the second entry reaches the column
  local WRAPPED = {
    "LAKE MERROW CONSERVANCY", "Tallis County", "",
    "Home | About | Membership | Events | Contact", "",
    "Zebra mussels found on two more docks in the east bay", "",
    "By Wendell Ostrowski", "Posted June 9, 2026", "",
    "Volunteers who checked docks and swim rafts around Lake Merrow over the",
    "holiday weekend found zebra mussels on two more docks in the east bay,",
    "the conservancy's water committee said this week.",
    "",
    "The new finds were on private docks off Birchwood Lane and near the",
    "county beach, in water four to six feet deep. The first colony, found",
    "last summer at the marina, has not spread past the breakwall, the",
    "committee said.",
    "",
    "Mussels spread mainly on boats, trailers and bait buckets moved from",
    "one lake to another, and once established they can coat docks, foul",
    "water intakes and cut the feet of swimmers on the beaches.",
    "",
    "The committee asks every boater to clean, drain and dry their boat",
    "before launching, and to report any shells on docks or rafts to the",
    "conservancy office with a photo and the location.",
    "",
    "UPCOMING EVENTS",
    "July 4 -- Flotilla, boats gather off the county beach at noon.",
    "July 18 -- Annual meeting and board election, Tallis Town Hall, 10 a.m.",
    "Aug. 8 -- Shoreline cleanup, meet at the public launch at 8 a.m.",
    "",
    "Lake Merrow Conservancy is a nonprofit organization.",
    "Copyright 2026. All rights reserved.",
  }
  local BODY = {
    "Volunteers who checked docks and swim rafts around Lake Merrow over the holiday weekend found zebra mussels on two more docks in the east bay, the conservancy's water committee said this week.",
    "The new finds were on private docks off Birchwood Lane and near the county beach, in water four to six feet deep. The first colony, found last summer at the marina, has not spread past the breakwall, the committee said.",
    "Mussels spread mainly on boats, trailers and bait buckets moved from one lake to another, and once established they can coat docks, foul water intakes and cut the feet of swimmers on the beaches.",
    "The committee asks every boater to clean, drain and dry their boat before launching, and to report any shells on docks or rafts to the conservancy office with a photo and the location.",
  }

  it("starts a new block at each dated entry of a hard-wrapped list", function()
    local blocks = require "docpipe.clean.blocks"
    local bl = blocks.split(lines(WRAPPED))
    local texts = {}
    for _, b in ipairs(bl) do texts[b.text] = true end
    assert.is_true(texts["July 18 -- Annual meeting and board election, Tallis Town Hall, 10 a.m."])
    assert.is_true(texts["Aug. 8 -- Shoreline cleanup, meet at the public launch at 8 a.m."])
    -- (a wrapped sentence of prose still joins)
    assert.is_true(texts[BODY[1]])
  end)

  it("drops the entries: no body text", function()
    assert.same(BODY, run(lines(WRAPPED)).paragraphs)
  end)

  it("drops a run of dated entries closing the window of a page of one paragraph a line", function()
    local t = { "Lake Merrow Conservancy", "Home | About | Membership | Events | Contact",
      "Zebra mussels found on two more docks in the east bay", "By Wendell Ostrowski", "Posted June 9, 2026" }
    for _, p in ipairs(BODY) do t[#t + 1] = p end
    for _, l in ipairs {
      "July 4 -- Flotilla on the lake for members and their guests, boats gather off the county beach at noon, with a picnic after the parade.",
      "July 18 -- Annual meeting and board election at the Tallis Town Hall, with reports from the water and the shoreline committees, 10 a.m.",
      "Aug. 8 -- Shoreline cleanup around the whole lake, meet at the public launch at 8 a.m. with gloves, bags and a drink of water for the morning.",
      "Copyright 2026 Lake Merrow Conservancy. All rights reserved." } do t[#t + 1] = l end
    assert.same(BODY, run(lines(t)).paragraphs)
  end)

  it("keeps a dated list that a sentence introduces", function()
    local intro = "The conservancy has set three dates for volunteers this summer, and the committee asks members to come to as many as they can:"
    local t = { "Lake Merrow Conservancy", "Home | About | Membership | Events | Contact",
      "Zebra mussels found on two more docks in the east bay", "By Wendell Ostrowski", "Posted June 9, 2026" }
    for _, p in ipairs(BODY) do t[#t + 1] = p end
    local items = {
      "July 4 -- Dock inspections on the east shore for members and their guests, boats gather off the county beach at noon.",
      "July 18 -- Dock inspections on the west shore, with the shoreline committee's boats leaving the marina at 10 a.m.",
    }
    t[#t + 1] = intro
    for _, l in ipairs(items) do t[#t + 1] = l end
    t[#t + 1] = "Copyright 2026 Lake Merrow Conservancy. All rights reserved."
    local want = {}
    for _, p in ipairs(BODY) do want[#want + 1] = p end
    want[#want + 1] = intro
    for _, l in ipairs(items) do want[#want + 1] = l end
    assert.same(want, run(lines(t)).paragraphs)
  end)
end)
