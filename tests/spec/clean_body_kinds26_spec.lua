-- Specs of the clean stage for the body failure kinds of blind sets AT and AU (issue 4):
-- a page written from one sentence frame (no caption written twice), a closing line
-- under a league table on a page of no blank lines, an "About the NAME" heading and the
-- self-description under a release, a government site's banner, an appeal's "Support
-- NAME" heading, a sponsor's line, a pointer to another page of the site, an
-- advertisement label in another language, and captions: a credit cut at the wrap, a
-- " / ORG" credit, a wire's file photo.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph

local P1 = "The Orrin Valley water board voted on Tuesday to raise household rates by 4 per cent from April, its first increase in six years, to pay for a new filter plant at Cobb Ford."
local P2 = "Board chair Lettice Amberley said the old plant at Cobb Ford could no longer meet the state's limits on sediment after heavy rain, and that repairs would only buy a year or two."
local P3 = "\"Nobody likes paying more for water, but the alternative is boil notices every spring,\" Amberley told residents at the meeting in the town hall on Tuesday evening."
local P4 = "The new plant is due to open in 2028 and will be paid for with a state loan over thirty years, the board said in a statement after the vote on Tuesday."

-- a story page: masthead, headline, byline, date, P1 P2, the blocks middle, P3 P4, the
-- blocks tail, a footer (each block a line or a table of lines, blank lines between)
local function page(middle, tail)
  local t = { "Orrin Valley Ledger", "News | Sport | Weather | Jobs", "",
    "Orrin Valley water rates to rise 4% to pay for new filter plant", "",
    "By Casimir Thorne-Ellery", "", "Wednesday 4 March 2026", "", P1, "", P2, "" }
  local function add(list)
    for _, l in ipairs(list or {}) do
      if type(l) == "table" then for _, x in ipairs(l) do t[#t + 1] = x end else t[#t + 1] = l end
      t[#t + 1] = ""
    end
  end
  add(middle)
  t[#t + 1] = P3; t[#t + 1] = ""; t[#t + 1] = P4; t[#t + 1] = ""
  add(tail)
  t[#t + 1] = "© 2026 Orrin Valley Ledger. All rights reserved."
  return lines(t)
end

-- the reason a text was removed for (meta.removed), or nil
local function removed_as(doc, needle)
  for _, r in ipairs(doc.meta.removed or {}) do
    if r.text:find(needle, 1, true) then return r.reason end
  end
  return nil
end

describe("clean: a page written from one sentence frame", function()
  local NAMES = { "Orla Benning", "Tomas Verrick", "Hester Lane", "Caleb Moorcroft", "Imogen Saltry",
    "Piers Addow", "Wen Tallis", "Rufus Kember", "Agatha Penrow", "Lionel Storr" }
  local STREETS = { "Fenwick Lane", "Castle Row", "Mill Street", "Orchard Way", "Ferry Road", "Station Hill" }
  local WORKS = { "a single-storey rear extension", "a detached garage", "a loft conversion with two dormer windows" }

  it("keeps every notice of a council's list written from one sentence frame", function()
    local t = { "Harrowby Parish Council", "Home | Council | Planning | Contact", "",
      "Planning decisions: March 2026", "", "Posted by the Parish Clerk on 16 March 2026", "",
      "The planning committee of Harrowby Parish Council met on 12 March and considered the following applications.", "" }
    local notices = {}
    for i = 1, 40 do
      -- (neighbours share the work and often the decision: the same frame, other names)
      local n = ("Application 26/%04d by %s of %d %s, Harrowby, for %s was considered by the planning committee on 12 March and was approved with conditions.")
        :format(100 + i, NAMES[i % #NAMES + 1], 3 * i, STREETS[i % #STREETS + 1], WORKS[(i // 6) % #WORKS + 1])
      notices[i] = n
      t[#t + 1] = n; t[#t + 1] = ""
    end
    t[#t + 1] = "Residents with questions about any decision may contact the Parish Clerk at the council office, which is open on Tuesday and Thursday mornings."
    t[#t + 1] = ""; t[#t + 1] = "Privacy | Accessibility | Contact"
    local doc = run(lines(t))
    local kept = 0
    for _, n in ipairs(notices) do if has_paragraph(doc, n) then kept = kept + 1 end end
    assert.are.equal(40, kept)
  end)

  it("keeps every result of a round-up written from one sentence frame", function()
    local t = { "Fenmouth & District Sunday League", "", "Round-up: every result from the weekend", "",
      "By Carys Elwin", "", "Published 9 February 2026", "",
      "It was a weekend of home wins across all four divisions of the league.", "" }
    local clubs = { "Ashby Town", "Corley Rovers", "Fenmouth United", "Kestrel Vale", "Dunmore Athletic", "Polwith Rangers" }
    local results = {}
    for i = 1, 12 do
      local r = ("%s beat %s %d-0 at home on Saturday, with two goals from %s and one from %s in the second half.")
        :format(clubs[(i // 2) % 6 + 1], clubs[(i + 3) % 6 + 1], 2 + i % 3, NAMES[i % 10 + 1], NAMES[(i + 4) % 10 + 1])
      results[i] = r
      t[#t + 1] = r; t[#t + 1] = ""
    end
    t[#t + 1] = "The league thanks all referees who stood in at short notice."
    local doc = run(lines(t))
    for _, r in ipairs(results) do assert.is_true(has_paragraph(doc, r), r) end
  end)

  it("still drops a picture's description written twice (alt text over its caption)", function()
    local doc = run(page({
      "Mayor Ottilie Brandt with her grandson Piers at the Ferry Lane allotments where she grows prize leeks for the county show.",
      "Mayor Ottilie Brandt with her grandson Piers at the Ferry Lane allotments, where she grows prize-winning leeks for the county show",
    }))
    assert.is_false(has_paragraph(doc, "Mayor Ottilie Brandt"))
    assert.is_true(has_paragraph(doc, P3))
  end)
end)

describe("clean: a league table on a page of no blank lines", function()
  local function netball(table_lines, closer)
    local t = { "Corrow Valley Netball League", "Home | Fixtures | Results | Tables | Contact",
      "Kestrel Vale stay top after a tight Saturday", "By Morwenna Tulk", "Published 14 March 2026",
      "Kestrel Vale kept their place at the top of the first division with a 41-38 win over Polwith on Saturday, their ninth win in ten games.",
      "Polwith led by four goals at half-time, but Kestrel Vale's shooters scored eleven goals without reply in the third quarter.",
      "In the second division Ashby Juniors beat Oxley 35-29 to climb to second place, two points behind Marsh End." }
    for _, l in ipairs(table_lines) do t[#t + 1] = l end
    t[#t + 1] = closer
    t[#t + 1] = "Corrow Valley Netball League"
    t[#t + 1] = "Privacy | Contact"
    return run(lines(t))
  end
  local CLOSER = "The next round will be played in Corrow on Saturday 21 March."

  it("keeps the closing paragraph under the table and drops the rows as a data table", function()
    local doc = netball({ "Table", "1. Kestrel Vale 27 pts", "2. Polwith 24 pts", "3. Glendry 18 pts",
      "4. Dunmore 12 pts", "5. Fenmouth 6 pts", "6. Oxley 3 pts" }, CLOSER)
    assert.is_true(has_paragraph(doc, CLOSER))
    assert.is_false(has_paragraph(doc, "Kestrel Vale 27 pts"))
    assert.are.equal("data table", removed_as(doc, "2. Polwith 24 pts"))
  end)

  it("keeps it under a table with a heading and a row of column names", function()
    local doc = netball({ "Division One", "Team W L Pts", "Kestrel Vale 9 1 27", "Polwith 8 2 24",
      "Glendry 6 4 18", "Dunmore 4 6 12" }, CLOSER)
    assert.is_true(has_paragraph(doc, CLOSER))
    assert.is_false(has_paragraph(doc, "Polwith 8 2 24"))
    assert.are.equal("data table", removed_as(doc, "Polwith 8 2 24"))
  end)

  it("names a menu of numbered items or link numbers navigation, not a data table", function()
    local doc = netball({ "Most read", "1. Kestrel Vale coach steps down", "2. Polwith court to close",
      "3. Glendry junior trials", "4. Umpire course dates" }, CLOSER)
    assert.are.equal("navigation", removed_as(doc, "2. Polwith court to close"))
    local menu = run(lines { "Corrow Valley Netball League", "* [1]Home", "* [2]Fixtures", "* [3]Results",
      "* [4]Tables", "Kestrel Vale stay top after a tight Saturday", "By Morwenna Tulk", "Published 14 March 2026",
      "Kestrel Vale kept their place at the top of the first division with a 41-38 win over Polwith on Saturday, their ninth win in ten games.",
      "Polwith led by four goals at half-time, but Kestrel Vale's shooters scored eleven goals without reply in the third quarter." })
    local r = removed_as(menu, "[3]Results")
    assert.is_string(r)
    assert.are_not.equal("data table", r)
  end)
end)

describe("clean: end matter under a release", function()
  it("drops an About heading over the organisation's self-description after the body", function()
    local doc = run(page(nil, { "-###-", "About the Board",
      "The Orrin Valley Water Board supplies drinking water to 31,000 homes in four townships. Its members are appointed by the county commissioners." }))
    assert.is_true(has_paragraph(doc, P4))
    assert.is_false(has_paragraph(doc, "About the Board"))
    assert.is_false(has_paragraph(doc, "supplies drinking water to 31,000"))
  end)

  it("drops the government site banner lines wherever they stand", function()
    local doc = run(page({ "An official website of the State of Merrow. Here's how you know" },
      { "An official website of the United States government", "Official websites use .gov",
        "Secure .gov websites use HTTPS" }))
    assert.is_true(has_paragraph(doc, P3))
    for _, l in ipairs { "An official website", "Official websites use", "Secure .gov" } do
      assert.is_false(has_paragraph(doc, l), l)
    end
  end)
end)

describe("clean: appeals and sponsor lines", function()
  it("drops a Support NAME heading over an appeal and keeps a Support for ... subhead", function()
    local doc = run(page({ "Support for the plant grew", { "Support Orrin Valley Ledger",
      "Local news costs money to make. If you value it, please consider a monthly donation from $3. Donate now" } }))
    assert.is_false(has_paragraph(doc, "Support Orrin Valley Ledger"))
    assert.is_true(has_paragraph(doc, "Support for the plant grew"))
    assert.is_true(has_paragraph(doc, P3))
  end)

  it("drops a sponsor's line: Presented by BRAND, a slogan and a web address to visit", function()
    local doc = run(page({ "Presented by Cobb Ford Trailers – Built in the valley for the long haul. Visit cobbfordtrailers.example.com" }))
    assert.is_false(has_paragraph(doc, "Presented by Cobb Ford Trailers"))
    assert.is_true(has_paragraph(doc, P3))
  end)
end)

describe("clean: pointers and advertisements", function()
  it("drops a pointer to another page of the site and keeps news of results to come", function()
    local doc = run(page({ "Full results will be published by the board on Monday after the count is checked." },
      { "Full details of the new rates are on the Billing page." }))
    assert.is_false(has_paragraph(doc, "Full details of the new rates"))
    assert.is_true(has_paragraph(doc, "Full results will be published"))
    assert.is_true(has_paragraph(doc, P4))
  end)

  it("drops an advertisement label in another language and the ad copy under it", function()
    for _, label in ipairs { "Reklama", "Anzeige", "Publicité", "Реклама" } do
      local doc = run(page({ label, "Cobb Ford Leasing – Finance for your fleet from 2.9% a year. Get a quote online." }))
      assert.is_false(has_paragraph(doc, label), label)
      assert.is_false(has_paragraph(doc, "Cobb Ford Leasing"), label)
      assert.is_true(has_paragraph(doc, P3), label)
    end
  end)
end)

describe("clean: captions", function()
  it("joins a caption's credit cut at the wrap of a lynx page and drops the caption", function()
    local function wrap(p) return pages.lynx_wrap(p, 79) end
    local t = { "                         Orrin Valley Ledger", "", "   News | Sport | Weather", "",
      "   Orrin Valley water rates to rise 4% to pay for new filter plant", "", "   Wednesday 4 March 2026", "",
      wrap(P1), "", "   Board members at the Cobb Ford plant on Monday. (Photograph:", "   Anselm Grieve)", "",
      wrap(P2), "", wrap(P3), "", wrap(P4), "" }
    local doc = run(lines(t))
    assert.is_false(has_paragraph(doc, "Board members at the Cobb Ford plant"))
    assert.is_false(has_paragraph(doc, "Anselm Grieve"))
    assert.is_true(has_paragraph(doc, "repairs would only buy a year or two."))
  end)

  it("drops a caption closed by a ' / ORG' or ' / NAME' credit", function()
    local doc = run(page({ "Engineers inspect the settling tanks at Cobb Ford during the winter shutdown. / OVWB" },
      { "Residents queue to speak at the board's meeting in the town hall on Tuesday. / Hilde Marrow" }))
    assert.is_false(has_paragraph(doc, "settling tanks"))
    assert.is_false(has_paragraph(doc, "Residents queue"))
    assert.is_true(has_paragraph(doc, P4))
  end)

  it("drops a wire's file-photo caption: FILE - ... (NAME Photo/NAME, File)", function()
    local doc = run(page({ "FILE - Water flows over the weir at Cobb Ford, Jan. 5, 2026. (OVL Photo/Lena Hart, File)" },
      { "FILE — Workers repair a main under Ferry Street in Orrin Valley in 2024." }))
    assert.is_false(has_paragraph(doc, "Water flows over the weir"))
    assert.is_false(has_paragraph(doc, "Workers repair a main"))
    assert.is_true(has_paragraph(doc, P3))
  end)
end)
