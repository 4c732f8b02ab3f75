-- Specs of the clean stage for the body failure kinds of the sixth blind page set's
-- first run (issue 4, unseen pages): an advertisement's copy under its label across a
-- blank line, closed by a call to action ("... from $99. Book now"); a caption's
-- "Courtesy of the ..." credit naming the body that opens the first paragraph (the
-- paragraph keeps its first words); an agency credit naming no person and a reaction
-- widget's question under the article; a bulleted highlights box that ends at its first
-- line without a bullet (a caption under it); bullets written with », ›, ➤, ■ and the
-- like. Guards: body sentences quoting a price, a phone number or "call" stay. Every
-- page below is invented (fictional towns, people, outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines

local P1 = "The Wrenfield parish council on Monday agreed to buy the old creamery on Mill Lane and turn it into a community hall, ending a two-year search for a site."
local P2 = "The council will pay 410,000 pounds for the building, most of it from a lottery grant, and hopes to open the hall in the spring of 2028."
local P3 = "\"We have been meeting in the church vestry for eleven years,\" said parish clerk Nia Fenwick. \"Now we will have a room of our own.\""
local P4 = "The creamery closed in 1994 and has been empty since a furniture maker moved out in 2019."

-- a page of paragraphs with blank lines between, extra blocks after the second one and
-- under the last
local function page(middle, after)
  local t = { "The Wrenfield Gazette", "News  Sport  Business  Opinion", "",
    "Parish council to buy old creamery for community hall", "", "By Tamsin Arkwright",
    "Tuesday 24 November 2026 17:10 GMT", "", P1, "", P2, "" }
  for _, l in ipairs(middle or {}) do t[#t + 1] = l; t[#t + 1] = "" end
  for _, p in ipairs { P3, P4 } do t[#t + 1] = p; t[#t + 1] = "" end
  for _, l in ipairs(after or {}) do t[#t + 1] = l; t[#t + 1] = "" end
  t[#t + 1] = "(c) 2026 The Wrenfield Gazette. All rights reserved."
  return lines(t)
end

local function paragraphs(doc) return { table.unpack(doc.paragraphs) } end

describe("clean: body kinds of the sixth blind set's first run", function()
  it("drops an advertisement's copy closed by a call to action under its label across a blank line", function()
    for _, ad in ipairs {
      { "Advertisement", "Fenbrook Garden Centre – bulbs and bare-root roses from £4.99. Shop now" },
      { "Sponsored", "Switch your broadband in ten minutes. Get a quote" },
      { "ADVERTISEMENT", "Wrenfield Motors – winter tyre check for £15. Call 01632 960 118 today!" },
      { "Sponsored", "Fly to the coast this winter with Larkair. Book your seat now" },
    } do
      assert.same({ P1, P2, P3, P4 }, paragraphs(run(page(ad))))
    end
  end)

  it("drops a call-to-action block with a price or a discount even without a label", function()
    local doc = run(page({ "Boiler service from £59, 10% off this month. Limited slots – order now" }))
    assert.same({ P1, P2, P3, P4 }, paragraphs(doc))
  end)

  it("keeps body sentences that quote a price, a phone number or the word call", function()
    local keep = {
      "Residents who want to help can call the parish office on 01632 960 552 before Friday.",
      "Tickets for the opening night cost £5, and the council said people should book now.",
      "\"Call it a hall, call it a home, but come along,\" Fenwick said. \"Book now.\"",
    }
    for _, s in ipairs(keep) do
      local doc = run(page({ "Advertisement", s }))
      assert.same({ P1, P2, s, P3, P4 }, paragraphs(doc))
    end
  end)

  it("keeps the first words of a paragraph that a caption's credit names", function()
    local t = { "The Wrenfield Gazette", "News | Sport | Business", "Parish council to buy old creamery for community hall",
      "Staff report", "11/24/2026 5:10 PM ET",
      "The old creamery on Mill Lane, seen in 1962. Photo courtesy of the Wrenfield Parish Council",
      "The Wrenfield Parish Council on Monday agreed to buy the old creamery on Mill Lane and turn it into a community hall.",
      P2, P3, P4, "(c) 2026 The Wrenfield Gazette. All rights reserved." }
    local doc = run(lines(t))
    assert.same({ "The Wrenfield Parish Council on Monday agreed to buy the old creamery on Mill Lane and turn it into a community hall.",
      P2, P3, P4 }, paragraphs(doc))
  end)

  it("drops an agency credit naming no person and a reaction widget's question", function()
    for _, l in ipairs { "With inputs from agencies", "(With inputs from PTI)", "Reporting by agencies",
      "Do you like the content of this article?", "Did you find this article useful?", "Was this story helpful?" } do
      local doc = run(page(nil, { l }))
      assert.same({ P1, P2, P3, P4 }, paragraphs(doc))
      assert.same({}, { table.unpack(doc.contributors) })
    end
  end)

  it("ends a bulleted highlights box at its first line without a bullet (a caption under it)", function()
    local t = { "The Wrenfield Gazette", "News | Sport | Business", "Parish council to buy old creamery for community hall",
      "By Tamsin Arkwright", "24 November 2026 17:10 GMT", "Key facts",
      "▪ The council will pay 410,000 pounds for the creamery",
      "▪ Most of the money comes from a lottery grant",
      "▪ The hall should open in the spring of 2028",
      "Parish clerk Nia Fenwick outside the old creamery on Monday. Wrenfield Gazette/Ola Brennan",
      P1, P2, P3, P4, "(c) 2026 The Wrenfield Gazette. All rights reserved." }
    local doc = run(lines(t))
    assert.same({ "The council will pay 410,000 pounds for the creamery", "Most of the money comes from a lottery grant",
      "The hall should open in the spring of 2028" }, { table.unpack(doc.highlights) })
    assert.same({ P1, P2, P3, P4 }, paragraphs(doc))
  end)

  it("reads », ›, ➤, ■ and ∙ as bullets of a highlights box", function()
    for _, mark in ipairs { "»", "›", "➤", "■", "∙", "▶" } do
      local t = { "The Wrenfield Gazette", "News  Sport  Business", "", "Parish council to buy old creamery for community hall", "",
        "By Tamsin Arkwright", "24 November 2026 17:10 GMT", "", "In brief",
        mark .. " The council will pay 410,000 pounds for the creamery",
        mark .. " Most of the money comes from a lottery grant",
        mark .. " The hall should open in the spring of 2028", "" }
      for _, p in ipairs { P1, P2, P3, P4 } do t[#t + 1] = p; t[#t + 1] = "" end
      t[#t + 1] = "(c) 2026 The Wrenfield Gazette. All rights reserved."
      local doc = run(lines(t))
      assert.same({ "The council will pay 410,000 pounds for the creamery", "Most of the money comes from a lottery grant",
        "The hall should open in the spring of 2028" }, { table.unpack(doc.highlights) }, mark)
      assert.same({ P1, P2, P3, P4 }, paragraphs(doc), mark)
    end
  end)
end)
