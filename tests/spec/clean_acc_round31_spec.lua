-- Specs of the clean stage for three defects a new user found (round 31): a lynx
-- headline wrapped onto a second line set deeper than the first (a centred
-- continuation); a short closing paragraph right under an advertisement label above
-- the page's footer; a byline written in lower case under the headline ("by NAME",
-- "By NAME and NAME"), and a lower-case line opening with "by" that is no byline.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph

describe("clean: a lynx headline with a centred continuation line", function()
  local function page(cont)
    return lines({
      "   [1]The Ostmere Herald", "   * [2]News", "   * [3]Weather", "",
      "     Floodgates at Ostmere weir stay shut as river reaches its highest level in",
      cont, "",
      "   Published 9 February 2026, 08:15 GMT | By Corentin Vasquez-Hale, River",
      "   correspondent", "",
      "   OSTMERE, England — The floodgates at Ostmere weir will stay shut until at",
      "   least Wednesday after the river rose overnight to its highest level since",
      "   gauges were installed, the county's flood office said on Monday morning.",
      "   Engineers said the gates were holding well and that the meadows below the",
      "   town had been cleared of livestock as a precaution against a breach.",
      "   \"We have never had this much water against the gates,\" said the office's",
      "   duty manager, Philippa Oduya. \"But they were built for worse than this.\"",
      "",
      "   Share this story",
      "   [4]Facebook [5]X", "",
      "   © The Ostmere Herald 2026",
    })
  end

  it("takes the centred second line into the title", function()
    local doc = run(page("                        thirty years"))
    assert.are.equal("Floodgates at Ostmere weir stay shut as river reaches its highest level in thirty years", doc.title)
    assert.are.same({ "Corentin Vasquez-Hale" }, doc.authors)
    assert.is_false(has_paragraph(doc, "thirty years"))
  end)

  it("still takes a continuation at the headline's own margin", function()
    local doc = run(page("     thirty years"))
    assert.are.equal("Floodgates at Ostmere weir stay shut as river reaches its highest level in thirty years", doc.title)
  end)

  it("takes no line that reaches past the headline's end", function()
    local doc = run(page("                                                     thirty years of records kept"))
    assert.are.equal("Floodgates at Ostmere weir stay shut as river reaches its highest level in", doc.title)
  end)
end)

describe("clean: a short closing paragraph under an advertisement label", function()
  local HEAD = {
    "Tollbridge Evening Post", "Home | News | Sport | Opinion", "",
    "Council puts new bus lanes for Harrow Road out to consultation", "",
    "By Imogen Petrakis-Wold", "", "4 March 2026", "",
  }
  local BODY = {
    "TOLLBRIDGE — The borough council on Tuesday opened a consultation on two new bus lanes along Harrow Road, the busiest route into the town centre.",
    "The lanes would run for a mile in each direction and operate from seven in the morning until seven in the evening on weekdays, the council said.",
    "Shopkeepers on the road said they feared losing the parking bays outside their doors, which the plan would remove during the lanes' hours.",
  }
  local function page(after, foot)
    local t = {}
    for _, l in ipairs(HEAD) do t[#t + 1] = l end
    for _, p in ipairs(BODY) do t[#t + 1] = p; t[#t + 1] = "" end
    t[#t + 1] = "Advertisement"; t[#t + 1] = ""
    t[#t + 1] = after; t[#t + 1] = ""
    for _, l in ipairs(foot or { "Share this article", "Facebook | X | Email", "", "© 2026 Tollbridge Evening Post" }) do
      t[#t + 1] = l
    end
    return lines(t)
  end

  it("keeps the story's last line after the label", function()
    local doc = run(page("The consultation closes on 30 April."))
    assert.are.equal(4, #doc.paragraphs)
    assert.are.equal("The consultation closes on 30 April.", doc.paragraphs[4])
  end)

  it("keeps it above a footer with no share bar", function()
    local doc = run(page("The consultation closes on 30 April.", { "© 2026 Tollbridge Evening Post. All rights reserved." }))
    assert.is_true(has_paragraph(doc, "The consultation closes on 30 April."))
  end)

  it("still drops an advertisement's copy under the label", function()
    local doc = run(page("Get 40% off your first year. Subscribe today!"))
    assert.are.equal(3, #doc.paragraphs)
    assert.is_false(has_paragraph(doc, "Subscribe today"))
  end)

  it("still drops a subscribe prompt under the label", function()
    local doc = run(page("Subscribe to the Evening Post for £1 a week"))
    assert.are.equal(3, #doc.paragraphs)
  end)
end)

describe("clean: a byline in lower case under the headline", function()
  local BODY = {
    "FENMOOR — Crews on the island ferries voted on Thursday to strike for two days later this month in a dispute over a new rota that the operator says it needs.",
    "The union said 84% of the members who voted backed the action. The operator, Fenmoor Sea Links, said it was disappointed and would keep talking.",
    "\"Nobody on these boats wants to strand people on the island, but the rota would have us working nine days in a row,\" said union organiser Bartholomew Kestle.",
  }
  local function page(byline, date)
    local head = { "The Fenmoor Courier", "Home | News | Sport | Weather", "",
      "Ferry crews vote to strike over new rota at Fenmoor harbour", byline }
    if date ~= false then head[#head + 1] = "14 March 2025" end
    return pages.page(head, BODY, { "© 2025 The Fenmoor Courier" })
  end

  it("reads \"by NAME\" in lower case, the name title-cased", function()
    local doc = run(page("by lucinda ferreira-holt"))
    assert.are.same({ "Lucinda Ferreira-Holt" }, doc.authors)
    assert.are.equal("Ferry crews vote to strike over new rota at Fenmoor harbour", doc.title)
    assert.are.equal("2025-03-14", doc.date)
  end)

  it("reads two names in lower case after a capital \"By\"", function()
    local doc = run(page("By lucinda ferreira-holt and tom ashe"))
    assert.are.same({ "Lucinda Ferreira-Holt", "Tom Ashe" }, doc.authors)
  end)

  it("reads it with no date line under it", function()
    local doc = run(page("by lucinda ferreira-holt", false))
    assert.are.same({ "Lucinda Ferreira-Holt" }, doc.authors)
    assert.are.equal("Ferry crews vote to strike over new rota at Fenmoor harbour", doc.title)
    assert.are.equal(3, #doc.paragraphs)
  end)

  it("reads no lower-case line of common words as a byline", function()
    local doc = run(page("by the harbour office"))
    assert.are.same({}, doc.authors)
    doc = run(page("by road and rail"))
    assert.are.same({}, doc.authors)
  end)

  it("reads no lower-case \"by\" line inside the body as a byline", function()
    local t = { "The Fenmoor Courier", "", "Ferry crews vote to strike over new rota at Fenmoor harbour",
      "By Lucinda Ferreira-Holt", "14 March 2025", "" }
    for _, p in ipairs(BODY) do t[#t + 1] = p; t[#t + 1] = "" end
    t[#t + 1] = "Crews last walked out in 2019."; t[#t + 1] = "by morning tide"
    t[#t + 1] = "The timetable for the strike days will be published on Friday, the operator said in a statement."
    t[#t + 1] = ""; t[#t + 1] = "© 2025 The Fenmoor Courier"
    local doc = run(lines(t))
    assert.are.same({ "Lucinda Ferreira-Holt" }, doc.authors)
  end)
end)
