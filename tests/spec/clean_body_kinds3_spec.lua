-- Specs of the clean stage for the body failure kinds of the fifth blind page set's
-- first run (issue 4, unseen pages): a caption right above the first paragraph (opened
-- by an image marker, closed by a credit in parentheses or by a "NAME/Outlet" credit
-- glued to its last sentence), a highlights box under an "At a glance:" heading and a
-- player's running time, prompts to the reader and standing notes on the outlet's own
-- work, press-release end matter, a "Read more: HEADLINE" line in a hard-wrapped dump,
-- and a correction note under the contributor line (kept). Guards: body sentences of a
-- similar shape stay. Every page below is invented (fictional towns, people, outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines

local P1 = "TOLLBRIDGE — The Fenmarch district council on Tuesday approved a plan to rebuild the collapsed footbridge over the Sallow river, setting aside 3.4 million pounds for the work."
local P1_BODY = "The Fenmarch district council on Tuesday approved a plan to rebuild the collapsed footbridge over the Sallow river, setting aside 3.4 million pounds for the work."
local P2 = "Engineers said the old timber bridge, built in 1962, had been weakened by two winters of floods before it gave way in September. Nobody was hurt."
local P3 = "\"People have been walking an extra two miles to reach the station,\" said councillor Ruth Danvers. \"They will have a new bridge by next autumn.\""
local P4 = "Work is due to start in March and the contractor, Holm & Pyke, expects the crossing to reopen in October."

local function page(before, after)
  local t = { "The Fenmarch Herald", "News  Sport  Business  Opinion", "",
    "Council backs 3.4m plan to rebuild Sallow footbridge", "", "By Aled Pryce", "Tuesday 24 November 2026 17:10 GMT", "" }
  for _, l in ipairs(before or {}) do t[#t + 1] = l; t[#t + 1] = "" end
  for _, p in ipairs { P1, P2, P3, P4 } do t[#t + 1] = p; t[#t + 1] = "" end
  for _, l in ipairs(after or {}) do t[#t + 1] = l; t[#t + 1] = "" end
  t[#t + 1] = "(c) 2026 The Fenmarch Herald. All rights reserved."
  return lines(t)
end

local BODY = { P1_BODY, P2, P3, P4 }

local function paragraphs(doc) return { table.unpack(doc.paragraphs) } end

describe("clean: body kinds of the fifth blind set's first run", function()
  it("drops a caption right above the first paragraph, opened by an image marker or closed by a credit", function()
    for _, cap in ipairs {
      "[image] Walkers cross the temporary pontoon near Tollbridge on Monday.",
      "The remains of the footbridge lie in the Sallow river near Tollbridge. (Fenmarch Herald)",
      "Walkers use the temporary pontoon near Tollbridge. (Vale Press Agency)",
      "The remains of the footbridge lie in the river. The bridge was built in 1962.Ivo Castell/The Fenmarch Herald",
    } do
      local doc = run(page({ cap }))
      assert.are.same(BODY, paragraphs(doc))
      assert.are.equal("TOLLBRIDGE", doc.dateline)
    end
  end)

  it("keeps a body sentence closed by a parenthesis that is no credit", function()
    local s = "The council's own survey found 412 people a day used the old bridge (about a third of them cyclists)."
    local doc = run(page(nil, { s }))
    assert.are.same({ P1_BODY, P2, P3, P4, s }, paragraphs(doc))
  end)

  it("leaves a highlights box under an \"At a glance:\" heading out of the body and drops running times", function()
    local doc = run(page({ "At a glance:", "• The council approved 3.4 million pounds for a new bridge",
      "• Work is due to start in March", "• The crossing should reopen in October" },
      { "Video: The old bridge before the floods", "Running time: 2 minutes 5 seconds", "2m 5s" }))
    assert.are.same(BODY, paragraphs(doc))
    assert.are.same({ "The council approved 3.4 million pounds for a new bridge", "Work is due to start in March",
      "The crossing should reopen in October" }, { table.unpack(doc.highlights) })
  end)

  it("keeps a list that a sentence of the article introduces", function()
    local intro = "The plan sets out three conditions for the contractor:"
    local items = { "• The crossing must take cyclists as well as walkers", "• Work must stop during the spring fish run",
      "• The old abutments must be reused where they are sound" }
    local doc = run(page(nil, { intro, items[1], items[2], items[3] }))
    assert.are.same({ P1_BODY, P2, P3, P4, intro, "The crossing must take cyclists as well as walkers",
      "Work must stop during the spring fish run", "The old abutments must be reused where they are sound" }, paragraphs(doc))
  end)

  it("drops a prompt asking readers to send us something and a note on the outlet's own work", function()
    local doc = run(page(nil, { "Seen flooding where you live? Tell us about it through our reader line.",
      "This story is part of our series on rural transport. Find out how we choose the stories we follow." }))
    assert.are.same(BODY, paragraphs(doc))
  end)

  it("keeps an attributed sentence telling residents whom to contact and a quoted question", function()
    local s = "Residents with questions about the diversion can contact the council's highways team, a spokesperson said."
    local q = "\"Where did the money for the old bridge go? Tell us that first,\" said resident Omar Felton."
    local doc = run(page(nil, { s, q }))
    assert.are.same({ P1_BODY, P2, P3, P4, s, q }, paragraphs(doc))
  end)

  it("drops press-release end matter: see-also note, contact label, taxonomy lines and a donation appeal", function()
    local doc = run(page(nil, { "For more of the Fenmarch Herald's reporting on the Sallow valley, please visit our district page.",
      "For further information, please contact:", "Mira Tallant, press officer, +44 20 5550 0142, press@fenmarch.example",
      "Region / District Fenmarch, Sallow Vale", "Topics Transport, Flooding",
      "Your gift today can help us keep reporting on the towns and villages of the Sallow valley for years to come." }))
    assert.are.same(BODY, paragraphs(doc))
  end)

  it("keeps a body sentence about a gift and about topics", function()
    local a = "A gift of 200,000 pounds from a local trust will pay for lighting on the new bridge."
    local b = "Topics raised at the meeting included parking near the station and the cost of the temporary pontoon."
    local doc = run(page(nil, { a, b }))
    assert.are.same({ P1_BODY, P2, P3, P4, a, b }, paragraphs(doc))
  end)

  it("drops a \"Read more: HEADLINE\" line wrapped over two lines in a hard-wrapped dump", function()
    local t = { "The Fenmarch Herald", "", "Council backs 3.4m plan to rebuild Sallow footbridge", "", "By Aled Pryce",
      "Tuesday 24 November 2026 17:10 GMT", "",
      "TOLLBRIDGE - The Fenmarch district council on Tuesday approved a plan to",
      "rebuild the collapsed footbridge over the Sallow river, setting aside 3.4",
      "million pounds for the work.", "",
      "Read more: Pontoon crossing to stay open through the winter months after",
      "review", "",
      "Engineers said the old timber bridge, built in 1962, had been weakened by",
      "two winters of floods before it gave way in September. Nobody was hurt.", "",
      "(c) 2026 The Fenmarch Herald." }
    local doc = run(lines(t))
    assert.are.same({ P1_BODY, P2 }, paragraphs(doc))
  end)

  it("keeps a correction note standing under the contributor line", function()
    local note = "This story has been corrected to show that the bridge was built in 1962, not 1926."
    local doc = run(page(nil, { "Hollis Barrow contributed reporting.", note }))
    assert.are.same({ P1_BODY, P2, P3, P4, note }, paragraphs(doc))
    assert.are.same({ "Hollis Barrow" }, { table.unpack(doc.contributors) })
  end)
end)
