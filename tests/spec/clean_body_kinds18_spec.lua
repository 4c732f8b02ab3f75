-- Specs of the clean stage for the body failure kinds found on blind pages (issue 4,
-- round 18): an advertisement's copy under its label closed by the advertiser's
-- sign-off ("NAME Bank — Growing with you."), a promotion closed by a button's text run
-- into it with no stop ("... on sale now. Fireworks every Friday! Buy tickets"), ...
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph

local P1 = "The Caldmoor harbour board agreed on Tuesday to deepen the inner basin by two metres, so that the larger ferries on the island route can berth at low tide from next summer."
local P2 = "Board chair Wenna Trelask said the dredging would cost about 4 million and be paid for from harbour dues over the next ten years, without any rise in fares."
local P3 = "\"We have turned ferries away at low water for three winters now,\" Trelask told members at the meeting in the old custom house on Wharf Lane."
local P4 = "Work is due to start in October and should take six months, with the slipway kept open to fishing boats for most of that time, the board said after the vote."

-- a page in one paragraph a line (no blank lines inside the body): masthead,
-- headline, byline, the lines head, P1, the lines mid, P2 P3 P4, the lines foot
local HEADER = { "Caldmoor Gazette", "", "News | Sport | Harbour | Weather", "",
    "Caldmoor harbour board backs deeper basin for ferries", "", "By Idris Penhallow", "",
    "Wednesday 11 March 2026 08:15 GMT", "" }
local FOOTER = { "", "© 2026 Caldmoor Gazette. All rights reserved." }
local function page(head, mid, foot, blank)
  return pages.story(HEADER, P1, { P2, P3, P4 }, head, mid, foot, FOOTER, not blank)
end

local function all_kept(doc)
  for _, p in ipairs { P1, P2, P3, P4 } do assert.is_true(has_paragraph(doc, p), p) end
end

describe("clean: an advertisement's copy closed by the advertiser's sign-off", function()
  it("drops the copy under its label closed by 'NAME — slogan'", function()
    for _, blank in ipairs { false, true } do
      local doc = run(page(nil, { "ADVERTISEMENT", "Open a Harbour Saver account in five minutes. No monthly fees for a year. Trelowen Building Society — Saving made simple." }, nil, blank))
      all_kept(doc)
      assert.is_false(has_paragraph(doc, "Harbour Saver account"))
      doc = run(page(nil, { "Advertisement", "Switch your energy to a greener tariff this spring. Porthkerris Power & Light — Energy you can trust." }, nil, blank))
      all_kept(doc)
      assert.is_false(has_paragraph(doc, "greener tariff"))
    end
  end)

  it("keeps a paragraph under an empty label with a clause set off by dashes", function()
    local p = "The board's engineer, Morwen Tregear, said the work was overdue. Caldmoor Harbour Board — which also runs the lighthouse — will publish the plans."
    local doc = run(page(nil, { "Advertisement", p }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, p))
  end)

  it("keeps a paragraph closed by a name and a dash without a label", function()
    local p = "The ferries will keep running through the works. Caldmoor Harbour Board — Serving the islands."
    local doc = run(page(nil, { p }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, p))
  end)
end)

describe("clean: a promotion closed by a button's text", function()
  it("drops a promotion closed by an unstopped call after an exclamation", function()
    local doc = run(page(nil, { "Season passes for the summer regatta are on sale now. Live music every Saturday! Buy tickets" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Season passes"))
  end)

  it("drops a promotion with an offer closed by an unstopped call", function()
    local doc = run(page(nil, { "Tickets for the harbour festival are on sale now. Get your tickets" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "harbour festival are on sale"))
  end)

  it("keeps a paragraph that ends on a stop", function()
    local p = "Tickets for the harbour festival went on sale on Monday, the board said. Fans were urged to buy tickets early."
    local doc = run(page(nil, { p }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, p))
  end)
end)

describe("clean: a pull quote repeating a paragraph in other quote marks", function()
  it("drops a pull quote in curly quotes repeating a paragraph closed by 'he asked'", function()
    local q = "\"The tide does not wait for the dredger. If the work starts in winter, who pays for the storm days?\" he asked."
    local pq = "“The tide does not wait for the dredger. If the work starts in winter, who pays for the storm days?”"
    for _, blank in ipairs { false, true } do
      local doc = run(page(nil, { q, pq }, nil, blank))
      all_kept(doc)
      assert.is_true(has_paragraph(doc, q))
      assert.equal(1, select(2, table.concat(doc.paragraphs or {}, "\n"):gsub("storm days", "")))
    end
  end)

  it("keeps a quoted paragraph that a longer one only echoes in part", function()
    local a = "“We will dredge the basin once, and do it properly,” Trelask said."
    local b = "“We will dredge the basin once, and do it properly, and then we will look after it,” she told the board later."
    local doc = run(page(nil, { a, b }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, a))
    assert.is_true(has_paragraph(doc, b))
  end)
end)

describe("clean: an image's alt text over its credited caption", function()
  -- the alt line and the caption in one group (no blank line between), between P1 and P2
  local function alt_page(alt, caption)
    local t = { "Caldmoor Gazette", "", "News | Sport | Harbour | Weather", "",
      "Caldmoor harbour board backs deeper basin for ferries", "", "By Idris Penhallow", "",
      "Wednesday 11 March 2026 08:15 GMT", "", P1, "", alt, caption, "", P2, "", P3, "", P4, "",
      "© 2026 Caldmoor Gazette. All rights reserved." }
    return lines(t)
  end

  it("drops an alt line repeating the caption's words", function()
    local doc = run(alt_page("[7]Inner basin at Caldmoor harbour during the March storm",
      "The Caldmoor inner basin during the March storm. Photo: Caldmoor Harbour Board"))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Inner basin at Caldmoor"))
    doc = run(alt_page("Ferry Morvoren at the Wharf Lane berth",
      "The ferry Morvoren at its Wharf Lane berth last winter. Photo: Jory Pascoe"))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Ferry Morvoren at the"))
  end)

  it("keeps a subhead right above a credited caption", function()
    local doc = run(alt_page("Fares to stay the same",
      "The Caldmoor inner basin during the March storm. Photo: Caldmoor Harbour Board"))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, "Fares to stay the same"))
  end)
end)

describe("clean: an end box and a contact line closing the article", function()
  local function end_page(tail)
    local t = { "Caldmoor Gazette", "", "News | Sport | Harbour | Weather", "",
      "Caldmoor harbour board backs deeper basin for ferries", "", "By Idris Penhallow", "",
      "Wednesday 11 March 2026 08:15 GMT", "", P1, "", "What happens next", "", P2, "", P3, "", P4, "" }
    for _, l in ipairs(tail) do t[#t + 1] = l end
    t[#t + 1] = ""
    t[#t + 1] = "Support the Caldmoor Gazette"
    t[#t + 1] = "Your gift keeps island news free to read. Give today"
    t[#t + 1] = ""
    t[#t + 1] = "Share: Facebook · X · Email · Print"
    t[#t + 1] = ""
    t[#t + 1] = "© 2026 Caldmoor Gazette. All rights reserved."
    return lines(t)
  end

  it("drops a heading and its short text in one group under the last paragraph", function()
    local doc = run(end_page { "Did you know?", "The inner basin was last dredged in 1987, when the island ferry carried forty cars." })
    all_kept(doc)
    assert.is_true(has_paragraph(doc, "What happens next"))
    assert.is_false(has_paragraph(doc, "last dredged in 1987"))
    assert.is_false(has_paragraph(doc, "Did you know"))
  end)

  it("drops the contact line above such a box, past a correction note", function()
    local doc = run(end_page { "Skippers with questions can contact the harbour office at office@caldmoor-harbour.example or on 01632 960 555.", "",
      "This article was updated on 12 March to correct the depth of the basin.", "",
      "Harbour prayer", "Lord of the sea, keep all who work on these waters safe in every storm. Amen." })
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Skippers with questions"))
    assert.is_true(has_paragraph(doc, "updated on 12 March to correct"))
    assert.is_false(has_paragraph(doc, "Lord of the sea"))
  end)

  it("keeps a last section whose subhead stands apart by a blank line", function()
    local p = "The board will meet again in April to choose a contractor for the dredging work."
    local doc = run(end_page { "Next steps", "", p })
    all_kept(doc)
    assert.is_true(has_paragraph(doc, p))
    assert.is_true(has_paragraph(doc, "Next steps"))
  end)
end)

describe("clean: a release's fact box and its end mark", function()
  local function release(box_and_tail)
    local t = { "Caldmoor Ferry Company", "", "News releases", "",
      "Caldmoor ferry passenger wins lifetime island pass", "", "CALDMOOR — " .. P1, "", P2, "", P3, "" }
    for _, l in ipairs(box_and_tail) do t[#t + 1] = l end
    t[#t + 1] = ""
    t[#t + 1] = "Privacy Policy | Accessibility | Terms of Use"
    t[#t + 1] = "© 2026 Caldmoor Ferry Company"
    return lines(t)
  end
  local closing = "Island ferries sail every day at 7:10 a.m. and 5:40 p.m. from Wharf Lane. Fares from the Caldmoor Ferry Company support the upkeep of the island's three harbours and their lighthouses."

  it("keeps the paragraph under a fact box with a dated field", function()
    local doc = run(release { "Draw details", "Winner: Elowen Pascoe, Tregarth", "Prize: lifetime island pass", "Drawing: March 2, 2026", "Ticket: bought at Wharf Lane kiosk", "", closing, "", "###" })
    assert.is_true(has_paragraph(doc, "Island ferries sail every day"))
    assert.is_true(has_paragraph(doc, P2))
  end)

  it("keeps nothing under the release's ### end mark", function()
    local doc = run(release { closing, "", "###", "", "Sailing times",
      "If you feel unwell on a crossing, please tell the crew or call 01632 960 777 at any time of day." })
    assert.is_true(has_paragraph(doc, "Island ferries sail every day"))
    assert.is_false(has_paragraph(doc, "feel unwell on a crossing"))
  end)
end)
