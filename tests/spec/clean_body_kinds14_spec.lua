-- Specs of the clean stage for body failure kinds (issue 4, round 14): a call-to-action
-- button under a membership or donation appeal ("Become a member today.", "Join now"),
-- a picture's caption closed by its credit and a full stop ("... on Saturday. Photo:
-- NAME."), a pull quote's "— NAME" attribution under a pull quote that went as a repeat,
-- and a highlights box ("At a glance") set under the lead paragraph. Every page below is
-- invented (fictional towns, people, bodies and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph

-- a town paper's council report
local C1 = "The Brackwater town council voted 6-3 on Tuesday to rebuild the Mill Lane footbridge, closed since a storm tore away one of its spans in January."
local C2 = "The new bridge will cost about 1.8 million pounds, two thirds of it from a regional flood fund, and is due to open before next winter."
local C3 = "\"People have been walking a mile round to get to the school,\" councillor Petra Oakshott said. \"That ends next year.\""
local C4 = "Work is expected to start in May, once the river has dropped below its spring level."
local BODY = { C1, C2, C3, C4 }

local function council(middle, opts)
  local t = { "The Brackwater Echo", "News | Sport | Opinion | Letters", "",
    "Council backs new footbridge for Mill Lane", "", "By Linnea Farquhar", "March 4, 2026", "",
    C1, "", C2, "" }
  for _, l in ipairs(middle) do t[#t + 1] = l end
  for _, l in ipairs { C3, "", C4, "", "© 2026 The Brackwater Echo" } do t[#t + 1] = l end
  return run(lines(t), opts)
end

local function paragraphs(doc) return { table.unpack(doc.paragraphs) } end

describe("clean: a call-to-action button under an appeal", function()
  it("drops a membership button under a reader-supported appeal", function()
    local doc = council { "Support local journalism. The Brackwater Echo is reader-supported.", "Become a member today.", "" }
    assert.are.same(BODY, paragraphs(doc))
  end)

  it("drops a bare join button under a membership appeal", function()
    local doc = council { "Support independent local news",
      "The Brackwater Echo is funded by its readers. Become a member from 5 pounds a month and get our weekend briefing.",
      "Join now", "" }
    assert.are.same(BODY, paragraphs(doc))
  end)

  it("drops a donate button under a donation appeal", function()
    local doc = council { "Your gift keeps the Echo free for everyone in the valley.", "Donate today", "" }
    assert.are.same(BODY, paragraphs(doc))
  end)

  it("drops a longer button naming the outlet under an appeal", function()
    local doc = council { "Support local journalism. The Brackwater Echo is reader-supported.", "Join the Echo today", "" }
    assert.are.same(BODY, paragraphs(doc))
  end)

  it("keeps a subhead under an appeal that announces the paragraph under it", function()
    local P = "The bridge campaign collected 2,400 signatures in a month, the largest petition the council has received."
    local doc = council { "Support local journalism. The Brackwater Echo is reader-supported.", "", "Join the bridge campaign", P, "" }
    assert.is_true(has_paragraph(doc, "Join the bridge campaign"))
    assert.is_true(has_paragraph(doc, P))
  end)

  it("takes more button texts from the button_calls option", function()
    local middle = { "Support local journalism. The Brackwater Echo is reader-supported.", "Chip in 10 pounds a year", "" }
    assert.is_true(has_paragraph(council(middle), "Chip in 10 pounds a year"))
    assert.are.same(BODY, paragraphs(council(middle, { button_calls = { "chip in \\d+ pounds a (year|month)" } })))
  end)

  it("keeps a paragraph opening with an imperative under an appeal", function()
    local P = "Join the walk across the old ford on Saturday at 10am, the bridge group said, when engineers will explain the plans."
    local doc = council { "Support local journalism. The Brackwater Echo is reader-supported.", "", P, "" }
    assert.is_true(has_paragraph(doc, P))
    assert.is_false(has_paragraph(doc, "reader-supported"))
  end)
end)

describe("clean: a caption closed by its credit and a full stop", function()
  it("drops a caption closed by \"Photo: NAME.\"", function()
    local doc = council { "Walkers cross the river on stepping stones near Mill Lane on Sunday. Photo: Oskar Brennagh.", "" }
    assert.are.same(BODY, paragraphs(doc))
  end)

  it("drops a caption closed by \"Picture: NAME/Outlet.\" and by \"Photo by NAME.\"", function()
    for _, cap in ipairs {
      "The broken span of the Mill Lane footbridge after the January storm. Picture: Ada Quennell/Brackwater Echo.",
      "Councillors at Tuesday's meeting in the town hall. Photo by Rhona de Vries.",
    } do
      local doc = council { cap, "" }
      assert.are.same(BODY, paragraphs(doc))
    end
  end)

  it("keeps a body sentence naming a photograph and its maker", function()
    local P = "The council's bid included an old photograph by Hester Lomax."
    local doc = council { P, "" }
    assert.is_true(has_paragraph(doc, P))
  end)
end)

describe("clean: a pull quote's attribution under a repeated pull quote", function()
  it("drops the dash-led attribution line under a pull quote printed after its paragraph", function()
    local P = "\"People have been walking a mile round to get to the school for months now,\" councillor Petra Oakshott said."
    local Q = "\"People have been walking a mile round to get to the school for months now.\""
    local t = { "The Brackwater Echo", "", "Council backs new footbridge for Mill Lane", "", "By Linnea Farquhar",
      "March 4, 2026", "", C1, "", C2, "", P, Q, "— Councillor Petra Oakshott", "", C4, "" }
    local doc = run(lines(t))
    assert.are.same({ C1, C2, P, C4 }, paragraphs(doc))
  end)

  it("drops the attribution under a pull quote repeating the close of its paragraph", function()
    local P = "\"We will not leave the children stranded,\" Oakshott said. \"This bridge is the safest way to the school.\""
    local Q = "\"This bridge is the safest way to the school.\""
    local t = { "The Brackwater Echo", "", "Council backs new footbridge for Mill Lane", "", "By Linnea Farquhar",
      "March 4, 2026", "", C1, "", C2, "", P, Q, "— Councillor Petra Oakshott", "", C4, "" }
    local doc = run(lines(t))
    assert.are.same({ C1, C2, P, C4 }, paragraphs(doc))
  end)

  it("drops an en-dash attribution with a role under a repeated pull quote", function()
    local P = "\"We have waited long enough for a safe crossing, and the children deserve one,\" said head teacher Tobias Wren."
    local Q = "\"We have waited long enough for a safe crossing, and the children deserve one.\""
    local t = { "The Brackwater Echo", "", "Parents welcome footbridge vote", "", "By Linnea Farquhar", "March 5, 2026", "",
      C1, "", P, Q, "– Tobias Wren, head teacher, Mill Lane Primary", "", C2, "", C4, "" }
    local doc = run(lines(t))
    assert.are.same({ C1, P, C2, C4 }, paragraphs(doc))
  end)
end)

describe("clean: a highlights box under the lead paragraph", function()
  local R1 = "KELDHAVEN, May 6, 2026 – The Keldhaven Port Authority will open a second ferry berth on June 1, doubling the number of sailings to the outer islands in summer, the authority announced today."
  local R2 = "The new berth, on the north side of the inner harbour, will take the larger vessels of the island service, while the old berth will be kept for freight."
  local R3 = "\"Islanders asked us for more sailings, and this berth lets us give them that,\" said Ingrid Solberg-Hale, chief executive of the authority."
  local R4 = "The 14-million-dollar project was paid for by harbour dues and did not use public money."
  local function release(box)
    local t = { "Keldhaven Port Authority", "Ferries   Freight   Marinas   Media", "", "News release",
      "Keldhaven port to open second ferry berth before summer", "", R1, "" }
    for _, l in ipairs(box) do t[#t + 1] = l end
    for _, l in ipairs { "", R2, "", R3, "", R4, "", "-30-", "", "Media contact:", "Nils Arnesen", "" } do t[#t + 1] = l end
    return run(lines(t))
  end
  local ITEMS = { "Second ferry berth opens June 1", "Summer sailings to the outer islands to double",
    "$14-million project paid for by harbour dues" }

  it("reads an \"At a glance\" box of bullets under the lead paragraph as highlights", function()
    local doc = release { "At a glance", "• " .. ITEMS[1], "• " .. ITEMS[2], "• " .. ITEMS[3] }
    assert.are.same(ITEMS, { table.unpack(doc.highlights) })
    assert.are.same({ R1:gsub("^KELDHAVEN, May 6, 2026 – ", ""), R2, R3, R4 }, paragraphs(doc))
  end)

  it("reads a \"Key facts:\" box of dashed items under the lead paragraph as highlights", function()
    local doc = release { "Key facts:", "- " .. ITEMS[1], "- " .. ITEMS[2], "- " .. ITEMS[3] }
    assert.are.same(ITEMS, { table.unpack(doc.highlights) })
  end)

  it("keeps a list that a sentence of the lead introduces and reads no highlights", function()
    local intro = "The berth has three parts:"
    local items = { "• A floating pontoon for foot passengers", "• A ramp for cars and vans", "• A covered waiting room" }
    local doc = release { intro, items[1], items[2], items[3] }
    assert.are.same({}, { table.unpack(doc.highlights) })
    assert.is_true(has_paragraph(doc, "A ramp for cars and vans"))
  end)
end)
