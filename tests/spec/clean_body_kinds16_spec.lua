-- Specs of the clean stage for the body failure kinds found on blind pages (issue 4,
-- round 16): photo captions with no credit between paragraphs or under the header, a
-- caption closed by a "Pic: NAME" credit, advertisement copy under a SPONSORED label,
-- a volunteer appeal and its "Find out more" button, a match-facts box, a lynx line
-- that wrapped early because of a link number, a release's contact line above its
-- About box, and a closing line above "– ENDS –".
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph
local body = require "docpipe.clean.body"
local blocks = require "docpipe.clean.blocks"

local P1 = "The Marrowby harbour board agreed on Monday to spend £3.2m on a new breakwater at the mouth of the harbour, after two winters in which storms damaged a dozen moored boats."
local P2 = "Board chair Wenna Tregarthen said the old wall had been patched so often that engineers could no longer say how long it would last in a heavy sea."
local P3 = "\"We have been lucky twice, and nobody here wants to find out what happens the third time,\" Tregarthen told members at the meeting in the harbour office."
local P4 = "Work is due to start in the autumn and should take eighteen months, with the harbour kept open to fishing boats throughout, the board said after the vote."

-- a page: masthead, headline, byline, the lines head, P1, the lines mid, P2 P3 P4,
-- the lines foot; one blank line between blocks
local HEADER = { "Marrowby Mercury", "", "News | Sport | Boats | Weather", "",
    "Marrowby harbour board backs £3.2m breakwater", "", "By Loveday Penhallow", "",
    "Tuesday 10 March 2026 07:45 GMT", "" }
local FOOTER = { "© 2026 Marrowby Mercury. All rights reserved." }
local function page(head, mid, foot)
  return pages.story(HEADER, P1, { P2, P3, P4 }, head, mid, foot, FOOTER)
end

local function all_kept(doc)
  for _, p in ipairs { P1, P2, P3, P4 } do assert.is_true(has_paragraph(doc, p), p) end
end

describe("clean: photo captions with no credit", function()
  it("drops a caption between paragraphs that shows a thing or a person, with no full stop", function()
    local doc = run(page(nil, { "Fishing boats moored inside the old wall at Marrowby" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Fishing boats moored inside"))
    doc = run(page(nil, { "Wenna Tregarthen walks her dog along the harbour wall" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "walks her dog"))
  end)

  it("drops a caption ending in a full stop under the header, above the lead", function()
    local doc = run(page({ "The harbour mouth from the lighthouse, with the old wall on the left." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "The harbour mouth from the lighthouse"))
  end)

  it("keeps subheads that narrate, ask or are in title case, and short headline lines", function()
    for _, sub in ipairs { "Repairs that went on for two winters", "What the engineers did not say",
      "A Wall Forty Years in the Making", "Board backs plan for new wall" } do
      local doc = run(page(nil, { sub }))
      all_kept(doc)
      assert.is_true(has_paragraph(doc, sub), sub)
    end
  end)

  it("reads a caption's shape and a subhead's apart", function()
    assert.is_true(body.bare_caption("Nets drying on the quay at Porthallow"))
    assert.is_true(body.bare_caption("The skipper mends his nets beside the slipway"))
    assert.is_false(body.bare_caption("Talks that went on for a year"))
    assert.is_false(body.bare_caption("How the new wall will be paid for"))
    assert.is_false(body.bare_caption("Nets drying on the quay: a photo essay"))
  end)

  it("drops a caption closed by a Pic: credit with no final full stop", function()
    local doc = run(page({ "The slipway at Porthallow where the new wall will begin. Pic: Jory Vellanoweth" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Pic: Jory"))
    doc = run(page(nil, { "Boats sheltering in the inner harbour. Photograph: Morwenna Kitto" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Photograph: Morwenna"))
  end)
end)

describe("clean: advertisements and appeals inside the body", function()
  it("drops the copy under a SPONSORED label that offers stock and opening hours", function()
    local doc = run(page(nil, { "SPONSORED",
      "Batten down at Trewin Chandlery – rope, fenders and storm covers in stock. Open until 8 p.m." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Trewin Chandlery"))
  end)

  it("drops a volunteer appeal and the button under it", function()
    local doc = run(page(nil, nil, { "Become a volunteer: find a crew near you and join us on the quay.\nFind out more" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Become a volunteer"))
    assert.is_false(has_paragraph(doc, "Find out more"))
  end)
end)

describe("clean: a match-facts box", function()
  it("drops the box, its score line and its heading", function()
    local t = {}
    for _, l in ipairs { "Marrowby Mercury", "", "Marrowby Gigs beat Porthallow in the harbour race", "",
      "By Loveday Penhallow", "", "Sunday 15 March 2026 18:10 GMT", "",
      "Marrowby came from two lengths down to beat Porthallow by a canvas in the annual gig race across the bay on Sunday, with their stroke Kerenza Hocking urging a final push in the last hundred metres.",
      "", "The visitors had led from the start after a fast turn at the buoy, but they tired in the chop off the point and could not hold the home crew at the finish.",
      "", "Hocking said the crew had trained twice a day for a month and had saved something for the last stretch, which they knew would be rough.",
      "", "Race facts", "", "Marrowby 14:02 Porthallow 14:04",
      "Marrowby: Stroke: Hocking. Bow: Treloar. Cox: Pascoe 2.",
      "Referee: J. Angove", "Attendance: 1,250", "", "© 2026 Marrowby Mercury." } do t[#t + 1] = l end
    local doc = run(lines(t))
    assert.is_true(has_paragraph(doc, "Marrowby came from two lengths down"))
    assert.is_true(has_paragraph(doc, "Hocking said the crew"))
    assert.is_false(has_paragraph(doc, "Race facts"))
    assert.is_false(has_paragraph(doc, "Marrowby 14:02"))
    assert.is_false(has_paragraph(doc, "Referee"))
  end)
end)

describe("clean: lynx link numbers and the unwrapper", function()
  it("joins a line that the dumper wrapped with its link numbers in", function()
    local text = table.concat({
      "   The count, made in March by the harbour board's own divers from the",
      "   Marrowby Sub-Aqua Club, found 140 lobsters along the same lines where",
      "   310 were recorded ten years ago, and the divers said the numbers fell",
      "   fastest near the outfall, where the water was warm and cloudy all year.",
      "",
      "   The survey, carried out in January by the Department of Coastal",
      "   Fisheries with volunteers from the harbour's dive club, counted 212 crabs",
      "   along the same lines where 506 were recorded seven years ago, said the",
      "   report, which the board will discuss at its meeting in the spring.",
      "",
      "   A second survey is planned for the summer, when the divers will count the",
      "   young lobsters in the shallows and compare them with last year's numbers,",
      "   and the board will publish both reports on its website in the autumn.",
      "" }, "\n")
    -- line 6 lost 4 bytes of link number ("[20]Department") after the dumper wrapped it
    local joined = false
    for _, b in ipairs(blocks.split(text, { [6] = 4 })) do
      if b.text:find("Department of Coastal Fisheries with", 1, true) then joined = true end
    end
    assert.is_true(joined)
    joined = false
    for _, b in ipairs(blocks.split(text)) do
      if b.text:find("Department of Coastal Fisheries with", 1, true) then joined = true end
    end
    assert.is_false(joined)
  end)
end)

describe("clean: the end of a press release", function()
  local function release(last, after)
    local t = { "Marrowby Harbour Board", "", "News releases", "",
      "Harbour board backs new breakwater", "", "12 March 2026", "", P1, "", P2, "", P4, "", last, "" }
    for _, l in ipairs(after) do t[#t + 1] = l end
    return lines(t)
  end

  it("drops a contact line above the release's About box", function()
    local doc = run(release("For more information about the works, contact the harbour office at 555-0142 or office@marrowbyharbour.example.",
      { "About Marrowby Harbour Board", "",
        "Marrowby Harbour Board is a trust port that has run the harbour for its users since 1894. It looks after the quays, the moorings and the lighthouse.",
        "", "Media contact: Demelza Rowe, 555-0143" }))
    assert.is_true(has_paragraph(doc, P4))
    assert.is_false(has_paragraph(doc, "For more information about the works"))
  end)

  it("keeps a closing line above an ENDS marker", function()
    local doc = run(release("The next meeting of the board will be held in May.",
      { "– ENDS –", "", "Notes to editors", "",
        "Marrowby Harbour Board is a trust port that has run the harbour since 1894." }))
    assert.is_true(has_paragraph(doc, P4))
    assert.is_true(has_paragraph(doc, "The next meeting of the board will be held in May."))
  end)
end)
