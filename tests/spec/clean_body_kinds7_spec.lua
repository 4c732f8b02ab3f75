-- Specs of the clean stage for the body failure kinds of the tenth blind page set
-- (issue 4): an association's membership prompt under the article ("Not a member yet?
-- Join ... today"), advertisement copy under its label closed by a call to the
-- advertiser's premises or staff ("Visit us on ...!", "Talk to our team today"), a
-- release's "About the NAME" box, and a closing one-line paragraph above a long run of
-- short footer lines. Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines

local P1 = "The Ardle Valley Growers' Association will pay members up to half the cost of replacing orchard netting torn by last week's hailstorm, its board decided on Monday."
local P2 = "About 70 of the association's 240 fruit farms reported damage, most of it on the exposed slopes above Kilbrenna, according to a survey by the group's field officers."
local P3 = "\"Netting is the one thing between a crop and the next storm,\" said board chair Orla Tennent-Masaki. \"Nobody should have to wait a season to put it back.\""
local P4 = "Claims must reach the association office on Quarry Lane by Jan. 15, with receipts and photographs of the damaged rows."

local function page(middle, tail)
  local t = { "Ardle Valley Growers' Association", "Home | News | Members | Contact", "",
    "Hail netting grants open to members until Jan. 15", "By Tomas Quillfeather", "December 2, 2026", "",
    P1, "", P2, "" }
  for _, l in ipairs(middle or {}) do t[#t + 1] = l end
  t[#t + 1] = P3; t[#t + 1] = ""; t[#t + 1] = P4; t[#t + 1] = ""
  for _, l in ipairs(tail or {}) do t[#t + 1] = l end
  t[#t + 1] = "© 2026 Ardle Valley Growers' Association. All rights reserved."
  return lines(t)
end

describe("clean: body kinds of the tenth blind page set", function()
  it("drops a membership prompt: a question and a call to join today", function()
    for _, prompt in ipairs {
      "Not a member yet? Join the Ardle Valley Growers' Association today and save on fuel, seed and more.",
      "Not a member yet? Become a member and get our field guides free.",
    } do
      assert.same({ P1, P2, P3, P4 }, run(page(nil, { prompt, "" })).paragraphs)
    end
  end)

  it("keeps body sentences that say join, members and today", function()
    local s = "Growers who join the scheme today will be paid before the spring planting, and members who joined earlier keep their place in the queue, the board said."
    assert.same({ P1, P2, s, P3, P4 }, run(page({ s, "" })).paragraphs)
    local s2 = "Two new members joined the board today after the annual vote at the Kilbrenna hall."
    assert.same({ P1, P2, P3, P4, s2 }, run(page(nil, { s2, "" })).paragraphs)
  end)

  it("drops ad copy under its label closed by a call to visit or talk to the advertiser", function()
    for _, ad in ipairs {
      { "Advertisement", "Corran Home Furnishings – 0% financing on dining sets through March. Visit us on Mill Street!" },
      { "SPONSORED", "Pellow Cellar Supplies oak staves - steady flavour, a third of the cost of new casks. Talk to our team today." },
      { "Advertisement", "", "Brackley Roofing – storm repairs with a ten-year guarantee. Contact us today." },
      { "Sponsored", "Dunmore Tyres - winter tyres fitted while you wait. Speak to one of our advisers." },
    } do
      ad[#ad + 1] = ""
      assert.same({ P1, P2, P3, P4 }, run(page(ad)).paragraphs)
    end
  end)

  it("keeps body sentences that say visit us and talk to our team", function()
    local s = "Visitors can see the new netting at the demonstration orchard on Quarry Lane, and growers may talk to our team of field officers, the association said."
    assert.same({ P1, P2, s, P3, P4 }, run(page({ s, "" })).paragraphs)
    -- (no advertisement label above it: a closing sentence of the release stays)
    local s2 = "Growers with questions about the grants can visit us at the Quarry Lane office today."
    assert.same({ P1, P2, P3, P4, s2 }, run(page(nil, { s2, "" })).paragraphs)
  end)

  it("drops a release's 'About the NAME' box with a web address, however long", function()
    local tail = { "About the Ardle Valley Growers' Association",
      "The Ardle Valley Growers' Association is a farmers' cooperative founded in 1952 that represents more than 240 fruit farms in the valley and runs two packing sheds. Learn more at ardlegrowers.example.",
      "", "Media contact:", "Ines Halloran, press officer", "press@ardlegrowers.example | 555-0188", "", "###", "" }
    assert.same({ P1, P2, P3, P4 }, run(page(nil, tail)).paragraphs)
    -- (an "About the ..." subhead over a paragraph about something else stays)
    local sub = { "About the netting", "", "The grant covers hail netting of the standard four-millimetre mesh and the posts and wires that hold it, the association said.", "" }
    local doc = run(page(nil, sub))
    assert.equal("About the netting", doc.paragraphs[5])
  end)

  it("keeps a closing one-line paragraph above a long run of short footer lines", function()
    local close = "Members can also call the office at 555-0132."
    local tail = { close, "", "Download this article (PDF)", "", "Coming up",
      "Jan. 8 – Pruning workshop, Kilbrenna hall", "Jan. 20 – Spray licence refresher", "",
      "Ardle Valley Growers' Association · 4 Quarry Lane, Kilbrenna · Office hours Mon–Fri 9–5", "" }
    assert.same({ P1, P2, P3, P4, close }, run(page(nil, tail)).paragraphs)
  end)
end)

describe("clean: pull quotes", function()
  it("keeps a quote that opens its paragraph when a pull quote of the same words stands above it", function()
    -- (regression: the quoted words were cut from the paragraph as a repeated caption,
    -- leaving '" " Tennent-Masaki said.')
    local pull = "\"Netting is the one thing between a crop and the next storm.\""
    local q = "\"Netting is the one thing between a crop and the next storm,\" Tennent-Masaki said. \"Nobody should have to wait a season to put it back.\""
    -- one paragraph per line, no blank lines (as many mobile saves come)
    local doc = run(lines { "Ardle Valley Growers' Association", "Home | News | Members | Contact",
      "Hail netting grants open to members until Jan. 15", "By Tomas Quillfeather", "December 2, 2026",
      P1, P2, pull, q, P4, "© 2026 Ardle Valley Growers' Association. All rights reserved." })
    assert.same({ P1, P2, q, P4 }, doc.paragraphs)
  end)
end)
