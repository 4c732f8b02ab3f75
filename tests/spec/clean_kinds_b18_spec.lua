-- Specs of the clean stage's kinds of development set h124: a paragraph of speech
-- opened by a dialogue dash keeps its dash (a list of dash items under an introducing
-- sentence still loses its bullets); a byline's place before a role in lower case
-- ("NAME | Tarnbury correspondent") is the writer's post, no outlet, and an author box
-- of the byline's name over a bio line that opens with the role goes; the outlet as the
-- dateline writes it when the masthead only adds "The". Every page below is invented
-- (fictional towns, people, firms and outlets).

local dp = require "docpipe"
local pages = require "tests.clean_pages"
local run, lines, has = pages.run, pages.lines, pages.has_paragraph

local P1 = "The Varrow quarry will reopen its second crushing line in April after orders for road stone picked up over the winter, the owners said on Thursday."
local P2 = "About forty workers laid off in the autumn will be called back in stages, starting with the drivers and the maintenance crew."
local P3 = "Site manager Oskari Vellamo said the order book for the spring was the fullest it had been for three years."
local P4 = "The company expects to hire a further ten people in the summer if the regional road programme goes ahead as planned."
local P5 = "The quarry has been worked since the 1950s and is the largest private employer in the valley."

local function page(body, o)
  o = o or {}
  local t = {}
  for _, l in ipairs(o.mast or { "Varrow Valley Times", "" }) do t[#t + 1] = l end
  for _, l in ipairs({ "Home | News | Business | Sport | Contact", "",
    "Varrow quarry to reopen second crushing line in April", "",
    o.byline or "By Linnea Haukka", "", o.date or "Published 4 March 2025", "" }) do t[#t + 1] = l end
  for _, l in ipairs(body) do t[#t + 1] = l end
  for _, l in ipairs({ "", "About | Contact | Privacy", "", o.foot or "(c) 2025 Varrow Valley Times. All rights reserved." }) do t[#t + 1] = l end
  return lines(t)
end
local paras = pages.paragraphs

describe("clean kinds b18: a dialogue dash", function()
  local S1 = "– The order book has not been this full since 2021. We can plan the whole season now, Vellamo said."
  local S2 = "– Nobody is talking about a boom yet. It is a good spring, not a new era, he added."
  it("keeps the dash of paragraphs of speech set between ordinary paragraphs", function()
    local d = run(page(paras(P1, P2, P3, S1, P4, S2, P5)))
    assert.is_true(has(d, S1), "the first speech paragraph with its dash")
    assert.is_true(has(d, S2), "the second speech paragraph with its dash")
    assert.equals(7, #d.paragraphs)
  end)
  it("keeps the dash of two speech paragraphs in a row, one closed by the attribution", function()
    local S0 = "– We have waited for this call since the autumn and the crews are ready to start."
    local d = run(page(paras(P1, P2, P3, S0, S1, P4, P5)))
    assert.is_true(has(d, S0))
    assert.is_true(has(d, S1))
  end)
  it("still takes the bullets off a list of dash items under an introducing sentence", function()
    local body = paras(P1, P2, "The company listed three conditions for the restart:")
    for _, l in ipairs({ "– Orders for at least 200,000 tonnes, Vellamo said.", "– A new dust permit from the county.",
      "– Repairs to the haul road bridge.", "", P4, "", P5, "" }) do body[#body + 1] = l end
    local d = run(page(body))
    assert.is_true(has(d, "A new dust permit from the county."))
    assert.is_false(has(d, "– A new dust permit from the county."))
    assert.is_false(has(d, "– Orders for at least 200,000 tonnes, Vellamo said."))
  end)
  it("takes the dash off a run of short items closed by no attribution", function()
    local d = run(page(paras(P1, P2, P3, "– Crushing line two restarts in April.", P4, P5)))
    assert.is_false(has(d, "– Crushing line two restarts in April."))
  end)
end)

describe("clean kinds b18: a place before the writer's role", function()
  it("reads no outlet from a place before a role in lower case after a bar", function()
    for _, by in ipairs({ "Linnea Haukka | Tarnbury correspondent", "By Linnea Haukka | Tarnbury bureau chief",
      "By Linnea Haukka, Tarnbury bureau chief" }) do
      local d = run(page(paras(P1, P2, P3, P4, P5), { byline = by, mast = { "Varrow Valley Times", "The English edition of the Varrow Courier", "" } }))
      assert.equals("Varrow Valley Times", d.outlet, by)
      assert.same({ "Linnea Haukka" }, d.authors, by)
    end
  end)
  it("drops an author box of the byline's name over a bio line opening with the role", function()
    local d = run(page(paras(P1, P2, P3, P4, P5, "Linnea Haukka", "Tarnbury correspondent. Follows industry, transport and local politics in the valley."),
      { byline = "Linnea Haukka | Tarnbury correspondent" }))
    assert.equals(5, #d.paragraphs)
    assert.is_false(has(d, "Linnea Haukka"))
    d = run(page(paras(P1, P2, P3, P4, P5, "Linnea Haukka", "Business reporter. Writes about quarrying, energy and jobs.")))
    assert.equals(5, #d.paragraphs)
  end)
  it("keeps a closing paragraph under a name that is no byline author's", function()
    local d = run(page(paras(P1, P2, P3, P4, P5, "Oskari Vellamo", "Site manager. Has worked at the quarry for twenty years and trained most of its drivers.")))
    assert.is_true(has(d, "Site manager. Has worked at the quarry"))
  end)
end)

describe("clean kinds b18: the outlet as the dateline writes it", function()
  it("does not add the masthead's The to the dateline's and byline's name", function()
    local d = run(page(paras("VARROW, Ostmark (Valley Courier) -- " .. P1, P2, P3, P4, P5),
      { mast = { "THE VALLEY COURIER", "" }, byline = "By Linnea Haukka, Valley Courier", foot = "(c) 2025 The Valley Courier. All rights reserved." }))
    assert.equals("Valley Courier", d.outlet)
    assert.equals("VARROW, Ostmark", d.dateline)
  end)
end)
