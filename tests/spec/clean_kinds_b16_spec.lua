-- Specs of the clean stage's kinds of development sets h119-h122: a bare mixed-case
-- dateline before a spaced hyphen, or a hyphen-joined place with a lower-case joiner
-- before a dash; the outlet from a footer's copyright line closed by a registration
-- tail or a company's dotted legal form in lower case; a teaser label of another story
-- and its headline on one line inside the body; a subhead at the margin of a dump that
-- indents its paragraphs; a clock written "11h30" with its zone in brackets. Every page
-- below is invented (fictional towns, people, firms and outlets).

local dp = require "docpipe"
local pages = require "tests.clean_pages"
local run, lines, has = pages.run, pages.lines, pages.has_paragraph

local P1, P2, P3, P4, P5 = table.unpack(pages.ESTUARY, 1, 5)

-- a page: masthead lines, menu, headline, byline, date, the body's lines, a footer
local function page(body, o)
  o = o or {}
  local t = {}
  for _, l in ipairs(o.mast or { "LORMONT ESTUARY GAZETTE", "" }) do t[#t + 1] = l end
  for _, l in ipairs({ "Home | News | Sport | Opinion | Contact", "",
    "Ferry crews to strike for two days over rota dispute", "",
    "By Aldous Penhallow", "", o.date or "Published 3 March 2025", "" }) do t[#t + 1] = l end
  for _, l in ipairs(body) do t[#t + 1] = l end
  for _, l in ipairs({ "", "About | Contact | Privacy", "", o.foot or "(c) 2025 Lormont Estuary Gazette. All rights reserved." }) do t[#t + 1] = l end
  return lines(t)
end
local paras = pages.paragraphs

describe("clean kinds b16: a bare mixed-case dateline before a dash", function()
  it("takes a hyphen-joined place with a lower-case joiner by its shape", function()
    local d = run(page(paras("Marsac-sur-Lormont — " .. P1, P2, P3, P4)))
    assert.equals("Marsac-sur-Lormont", d.dateline)
    assert.equals(P1, d.paragraphs[1])
    d = run(page(paras("Barwick-upon-Tees – " .. P1, P2, P3, P4)))
    assert.equals("Barwick-upon-Tees", d.dateline)
  end)
  it("takes a place of capitalised words before a spaced hyphen when the page writes it again", function()
    local d = run(page(paras("A ferry waits at its berth near Kelder Flats on Monday. Photo: Oswin Tarr",
      "Kelder Flats - " .. P1, P2, P3, P4)))
    assert.equals("Kelder Flats", d.dateline)
    assert.equals(P1, d.paragraphs[1])
  end)
  it("takes no sentence's first words, title-case words or a person before a spaced hyphen", function()
    for _, lead in ipairs({ "Officials - ", "Senior Officials - ", "Mayor Jane Doe - ", "Dry Season Arrives - ", "Kelder Flats - " }) do
      local d = run(page(paras(lead .. P1, P2, P3, P4)))
      assert.equals(dp.null, d.dateline, lead)
      assert.equals(lead .. P1, d.paragraphs[1])
    end
  end)
  it("takes no hyphen-joined word without a joiner or opening on one", function()
    for _, lead in ipairs({ "Jean-Marc — ", "Mid-Year — " }) do
      local d = run(page(paras(lead .. P1, P2, P3, P4)))
      assert.equals(dp.null, d.dateline, lead)
    end
  end)
end)

describe("clean kinds b16: the outlet from a footer's copyright line", function()
  local mast = { "Your news from the estuary", "" }
  it("ends the holder at a spaced dash before a registration tail", function()
    local d = run(page(paras(P1, P2, P3, P4), { mast = mast, foot = "© 2025 The Lormont Estuary Post — P.IVA 01234560998" }))
    assert.equals("The Lormont Estuary Post", d.outlet)
  end)
  it("ends the holder at a registration label", function()
    local d = run(page(paras(P1, P2, P3, P4), { mast = mast, foot = "© 2025 Lormont Estuary Post Reg. No 0123456" }))
    assert.equals("Lormont Estuary Post", d.outlet)
    d = run(page(paras(P1, P2, P3, P4), { mast = mast, foot = "© 2025 Lormont Estuary Post VAT GB123456789" }))
    assert.equals("Lormont Estuary Post", d.outlet)
  end)
  it("takes a dotted legal form in lower case off the name the page writes without it", function()
    local d = run(page(paras(P1, P2, P3, P4), { mast = { "Lormont Monitor – news of the estuary in English", "" },
      foot = "© 2025 Lormont Monitor s.r.o. | About us | Privacy" }))
    assert.equals("Lormont Monitor", d.outlet)
  end)
end)

describe("clean kinds b16: a teaser label and another story's headline on one line", function()
  it("drops the line inside the body", function()
    for _, l in ipairs({ "Also on the Gazette: Ferry timetable changes at Pellow Quay from 9 September",
      "Don't miss: Our guide to parking permits in the old town (updated for 2024)",
      "Elsewhere in Lormont: Shipyard orders two new tugs" }) do
      local d = run(page(paras(P1, P2, l, P3, P4, P5)))
      assert.is_false(has(d, l:sub(1, 20)), l)
      assert.is_true(has(d, P3))
    end
  end)
  it("keeps a sentence after such a label", function()
    local l = "Don't miss: the vote is on Friday, and the polls open at seven in the morning."
    local d = run(page(paras(P1, P2, l, P3, P4, P5)))
    assert.is_true(has(d, l))
  end)
end)

describe("clean kinds b16: a subhead at the margin of a dump that indents its paragraphs", function()
  local wrap = pages.lynx_wrap
  it("keeps every line at the margin between indented paragraphs as a subhead", function()
    local body = {
      wrap(P1, 76), "", wrap(P2, 76), "",
      "Crews say rota is unsafe", "",
      wrap(P3, 76), "", wrap(P4, 76), "",
      "Passengers on the north shore asked to plan ahead", "",
      wrap(P5, 76), "",
      wrap("Talks are due to resume at the conciliation service on Friday, and the union said the strike could still be called off.", 76), "",
    }
    local d = run(page(body))
    assert.is_true(has(d, "Crews say rota is unsafe"))
    assert.is_true(has(d, "Passengers on the north shore asked to plan ahead"))
    assert.is_true(has(d, P5))
  end)
  it("reads a lone caption-shaped line at the margin, the page's only one, as before", function()
    local body = {
      wrap(P1, 76), "", wrap(P2, 76), "",
      "Passengers on the north shore asked to plan ahead", "",
      wrap(P3, 76), "", wrap(P4, 76), "", wrap(P5, 76), "",
    }
    local d = run(page(body))
    assert.is_false(has(d, "Passengers on the north shore asked to plan ahead"))
    assert.is_true(has(d, P3))
  end)
end)

describe("clean kinds b16: a clock written with an h", function()
  it("reads 11h30 and its zone in brackets", function()
    local d = run(page(paras(P1, P2, P3, P4), { date = "April 22, 2025 — 11h30 (BRT)" }))
    assert.equals("2025-04-22T11:30:00-03:00", d.date)
    d = run(page(paras(P1, P2, P3, P4), { date = "22 April 2025, 18h45 CEST" }))
    assert.equals("2025-04-22T18:45:00+02:00", d.date)
  end)
  it("reads no age as a clock", function()
    local d = run(page(paras(P1, P2, P3, P4), { date = "22 April 2025 · updated 3h ago" }))
    assert.equals("2025-04-22", d.date)
  end)
end)
