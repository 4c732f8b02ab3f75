-- Specs of the clean stage's kinds of development set h118 and a user's page: a page
-- wrapped by hand with a ragged right margin, where a line ending no sentence goes on
-- in a line opened by a capitalised word that would have fitted on it; an
-- advertisement's copy set apart with its label as an indented box between paragraphs
-- at the margin; a picture's credit "NAME/Outlet" on a line of its own under a
-- caption, no outlet's line; a newsletter box's heading ("Get the NAME Evening
-- Digest") over its prompt; a paragraph under a caption inside the body, at the body's
-- end. Every page below is invented (fictional towns, people, firms and outlets).

local pages = require "tests.clean_pages"
local run, lines, has = pages.run, pages.lines, pages.has_paragraph

local P1, P2, P3, P4, P5, P6 = table.unpack(pages.ESTUARY)

local head = pages.estuary_head
-- page(body [, head]): the header (head() when nil), the body's lines, the footer
local page = pages.framed(head(), pages.ESTUARY_FOOT)

describe("clean kinds b15: a page wrapped by hand with a ragged right margin", function()
  -- (each paragraph as its lines, three spaces in: broken short of the widest lines,
  -- some before a word that would have fitted, a capitalised one among them)
  local paras = {
    {
      "The Lormont estuary ferry will stop running for two days next week after",
      "talks between the operator and the boatmen's union broke down on",
      "Monday, leaving about 3,000 daily passengers to find another way across",
      "the water.",
    },
    {
      "Union organiser Bettrys Harnell said crews had worked more than forty",
      "extra shifts each since the spring because the operator had not",
      "filled nine posts. \"We asked for a fair rota a year ago,\" said",
      "Harnell Penrose, who has worked on the crossing for two decades.",
    },
    {
      "The operator said it would run a reduced timetable with relief crews",
      "and that passengers should check its website before travelling. It",
      "said the union had turned down an offer made at the start of",
      "February, and that it remained open to talks at any time.",
    },
    {
      "Most of those who cross the estuary each weekday work at the shipyard",
      "or study at the college on the north shore, which was first built by",
      "Lormont Borough Council in the nineteen-sixties and has grown every",
      "year since.",
    },
    {
      "Talks are due to resume at the conciliation service on Friday, and the",
      "union said the strike could still be called off if the operator made an",
      "acceptable offer before the weekend.",
    },
  }
  local function ragged_page()
    local t = { "   Lormont Estuary Gazette", "", "   Ferry crews to strike for two days over rota dispute", "",
      "   By Aldous Penhallow", "   Published 3 March 2025", "" }
    for _, p in ipairs(paras) do
      for _, l in ipairs(p) do t[#t + 1] = "   " .. l end
      t[#t + 1] = ""
    end
    t[#t + 1] = "   (c) 2025 Lormont Estuary Gazette. All rights reserved."
    return lines(t)
  end
  it("joins a line ending no sentence with the capitalised line under it", function()
    local doc = run(ragged_page())
    assert.is_true(has(doc, "broke down on Monday, leaving"))
    assert.is_true(has(doc, "a year ago,\" said Harnell Penrose, who has worked"))
    assert.is_true(has(doc, "at the start of February, and that it remained"))
    assert.are.equal(5, #doc.paragraphs)
  end)
  it("leaves a strict wrapper's paragraph ends alone", function()
    -- (the same text wrapped at one column: every line stops where its next word would
    -- not have fitted, so no ragged column is read and a short line ending no sentence
    -- over a capitalised one still ends its block)
    local t = {}
    for _, p in ipairs(paras) do
      local words = {}
      for _, l in ipairs(p) do for w in l:gmatch("%S+") do words[#words + 1] = w end end
      local line = ""
      for _, w in ipairs(words) do
        if #line > 0 and #line + 1 + #w > 72 then t[#t + 1] = "   " .. line; line = w
        else line = #line > 0 and (line .. " " .. w) or w end
      end
      t[#t + 1] = "   " .. line
      t[#t + 1] = ""
    end
    t[#t + 1] = "   Related stories"
    t[#t + 1] = "   Harbour board names new chair"
    local doc = run(lines(t))
    assert.is_false(has(doc, "rota dispute Harbour"))
    assert.is_true(has(doc, "which was first built by Lormont Borough Council"))
  end)
end)

describe("clean kinds b15: an advertisement's copy in an indented box", function()
  -- (a page wrapped at 80 columns, its paragraphs at the margin)
  local function wrap(text, ind)
    local out, line = {}, ""
    for w in text:gmatch("%S+") do
      if #line > 0 and #ind + #line + 1 + #w > 80 then out[#out + 1] = ind .. line; line = w
      else line = #line > 0 and (line .. " " .. w) or w end
    end
    out[#out + 1] = ind .. line
    return out
  end
  local function wrapped(box)
    local t = {}
    local function add(l) for _, x in ipairs(l) do t[#t + 1] = x end; t[#t + 1] = "" end
    for _, l in ipairs(head()) do t[#t + 1] = l end
    add(wrap(P1, "")); add(wrap(P2, "")); add(wrap(P3, ""))
    add(box)
    add(wrap(P4, "")); add(wrap(P5, ""))
    t[#t + 1] = "(c) 2025 Lormont Estuary Gazette. All rights reserved."
    return lines(t)
  end
  it("drops the copy set apart with its label, keeps the paragraphs around it", function()
    local box = wrap("Harbour View Rooms: quiet rooms with a view of the bay, ten minutes from the ferry slip. Breakfast is included in every stay.", "  ")
    table.insert(box, 1, "  -- ADVERTISEMENT --")
    local doc = run(wrapped(box))
    assert.is_false(has(doc, "Harbour View Rooms"))
    assert.is_true(has(doc, "reduced timetable"))
    assert.is_true(has(doc, "said union organiser Bettrys Harnell"))
  end)
  it("keeps a paragraph under a label at the body's own margin", function()
    local box = wrap(P6, "")
    table.insert(box, 1, "-- ADVERTISEMENT --")
    local doc = run(wrapped(box))
    assert.is_true(has(doc, "conciliation service on Friday"))
  end)
end)

describe("clean kinds b15: a picture's credit 'NAME/Outlet' under a caption", function()
  it("reads no outlet from the credit line", function()
    local hd = {
      "Estuary Evening Courier", "",
      "Sign in | Subscribe", "",
      "Home | News | Sport | Opinion | Contact", "",
      "Ferry crews to strike for two days over rota dispute", "",
      "By Aldous Penhallow and Mirela Stavrou", "",
      "Published 3 March 2025", "",
      "The ferry slip at Lormont at dawn on Monday. Photo: Mirela Stavrou/Estuary Evening Courier",
      "Mirela Stavrou/Estuary Evening Courier", "",
    }
    local doc = run(lines {
      table.concat(hd, "\n"), P1, "", P2, "", P3, "", P4, "", P5, "", P6, "",
      "(c) 2025 Estuary Evening Courier. All rights reserved.",
    })
    assert.are.equal("Estuary Evening Courier", doc.outlet)
    assert.is_false(has(doc, "Mirela Stavrou/"))
  end)
end)

describe("clean kinds b15: a newsletter box's heading", function()
  it("drops the heading with the prompt under it", function()
    local doc = run(page {
      P1, "", P2, "", P3, "",
      "Get the Gazette Evening Digest",
      "The day's stories from the estuary towns, delivered at 6 p.m. Sign up",
      "",
      P4, "", P5, "", P6, "",
    })
    assert.is_false(has(doc, "Evening Digest"))
    assert.is_true(has(doc, "reduced timetable"))
  end)
  it("keeps a subhead over a paragraph", function()
    local doc = run(page {
      P1, "", P2, "", P3, "",
      "Crews vote again",
      P4,
      "",
      P5, "", P6, "",
    })
    assert.is_true(has(doc, "Crews vote again"))
  end)
end)

describe("clean kinds b15: a paragraph under a caption inside the body", function()
  it("keeps the paragraph under the caption at the body's end", function()
    local doc = run(lines {
      "Home | World | Business | Sport | Culture | Opinion | Subscribe",
      "The Lormont Estuary Gazette",
      "Ferry crews to strike for two days over rota dispute",
      "By Aldous Penhallow and Mirela Stavrou",
      "Published 3 March 2025, 09:12 GMT",
      P1, P2, P3, P4,
      "Photo: The ferry slip at dawn. (Mirela Stavrou/Lormont Estuary Gazette)",
      "According to the harbour office, Lormont Ferries, crossings rose by 9% last year.",
      "Sign up for our morning newsletter",
      "Related: Estuary bridge plan goes to inquiry",
      "(c) 2025 The Lormont Estuary Gazette. All rights reserved. | Privacy | Terms",
    })
    assert.is_true(has(doc, "According to the harbour office, Lormont Ferries, crossings rose"))
    assert.is_false(has(doc, "Photo: The ferry slip"))
    assert.is_false(has(doc, "Sign up"))
  end)
end)
