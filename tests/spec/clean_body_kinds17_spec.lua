-- Specs of the clean stage for the body failure kinds found on blind pages (issue 4,
-- round 17): a caption closed by an agency's "- AGENCY pic" / "- Pic by NAME" /
-- "(File pic)" credit, a caption naming a vessel under the header, a release's end
-- matter ("Notes to editors", "(ENDS)", an About box with no web address), a ranking
-- table under a heading with a figure in parentheses, a download link with a file size
-- and a results heading left alone above its dropped lines.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph

local P1 = "The Brannock river authority agreed on Monday to raise the flood wall along the east bank by a metre, after the water came within a hand's width of the top twice this winter."
local P2 = "Authority chair Oriel Fanshaw said the wall had been built for the floods of the 1970s and no longer matched the river it was meant to hold back in a wet year."
local P3 = "\"We watched the gauge all night in January and nobody wants to do that again,\" Fanshaw told members at the meeting in the old pump house on Quay Street."
local P4 = "Work is due to start in the spring and should take a year, with the towpath kept open to walkers for most of that time, the authority said after the vote."

-- a page: masthead, headline, byline, the lines head, P1, the lines mid, P2 P3 P4,
-- the lines foot; one blank line between blocks
local HEADER = { "Brannock Courier", "", "News | Sport | Rivers | Weather", "",
    "Brannock river authority backs higher flood wall", "", "By Tamsin Arkwright", "",
    "Tuesday 10 March 2026 07:45 GMT", "" }
local FOOTER = { "© 2026 Brannock Courier. All rights reserved." }
local function page(head, mid, foot)
  return pages.story(HEADER, P1, { P2, P3, P4 }, head, mid, foot, FOOTER)
end

local function all_kept(doc)
  for _, p in ipairs { P1, P2, P3, P4 } do assert.is_true(has_paragraph(doc, p), p) end
end

describe("clean: captions closed by an agency's pic credit", function()
  it("drops a caption closed by '- AGENCY pic'", function()
    local doc = run(page({ "Volunteers stacking sandbags along the east bank at Brannock on Sunday. - BNA pic" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "stacking sandbags"))
    doc = run(page(nil, { "The old pump house on Quay Street during the January flood. — Courier photo" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "old pump house on Quay Street during"))
  end)

  it("drops a caption closed by '- Pic by NAME' or '(File pic)'", function()
    local doc = run(page({ "Water over the towpath near the Brannock weir last winter. - Pic by Idris Kettle" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Water over the towpath"))
    doc = run(page(nil, { "Oriel Fanshaw at the flood gauge on the east bank. (File pic)" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "at the flood gauge"))
  end)

  it("keeps a paragraph that mentions a picture without a credit", function()
    local p = "Residents were asked to send the authority a pic of any water over the path. - the authority said"
    local doc = run(page(nil, { p }))
    all_kept(doc)
  end)
end)

describe("clean: a caption naming a vessel under the header", function()
  it("drops a short caption with a long proper name above the lead", function()
    local doc = run(page({ "The dredger Maid of Brannock at Quay Street wharf." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "The dredger Maid of Brannock"))
  end)

  it("keeps a short lead sentence in title-heavy words", function()
    local lead = "The Brannock River Authority met at Quay Street on Monday."
    local doc = run(page({ lead }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, lead))
  end)

  it("keeps a subhead between paragraphs that quotes a word in single quotes", function()
    -- (a subhead that ends on a common noun and places something, as a caption would:
    -- the headline's single quotes tell it apart)
    local sub = "Wardens felt 'ignored' on the east bank"
    local doc = run(page(nil, { sub }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, sub))
  end)
end)

describe("clean: a release's end matter", function()
  it("drops a Notes to editors heading and its paragraph", function()
    local doc = run(page(nil, nil, { "Notes to editors\nThe Brannock river authority was set up in 1931. Its crews have inspected the wall 40 times this year." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Notes to editors"))
    assert.is_false(has_paragraph(doc, "was set up in 1931"))
  end)

  it("drops an (ENDS) marker and the contact line under it", function()
    local doc = run(page(nil, nil, { "(ENDS)",
      "For further information please contact the Press Office, Office of the Chief Executive, Brannock River Authority, on 00000 or email press@brannock.example" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "(ENDS)"))
    assert.is_false(has_paragraph(doc, "For further information"))
  end)

  it("drops an About box with no web address closing the release", function()
    local doc = run(page(nil, nil, { "About the Brannock River Authority\nThe Brannock River Authority maintains flood defences along 60 kilometres of the river. Its board is elected by the parishes.",
      "Media contact:\nCarys Weddell\nPress Officer\n555-0142" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "About the Brannock River Authority"))
    assert.is_false(has_paragraph(doc, "maintains flood defences"))
  end)
end)

describe("clean: tables and result boxes inside the body", function()
  it("drops a ranking table under a heading with a figure in parentheses", function()
    local doc = run(page(nil, { "Final placings (top 5)\n1. Oriel Fanshaw 42.5\n2. Idris Kettle 40\n3. Carys Weddell 39.5\n4. Tamsin Arkwright 37\n5. Jory Pendle 36" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Final placings"))
    assert.is_false(has_paragraph(doc, "1. Oriel Fanshaw 42.5"))
  end)

  it("drops a pointer to a download with its file size", function()
    local doc = run(page(nil, nil, { "The full survey and its maps are available on the authority's site. Download report (1.4 MB)" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Download report"))
  end)

  it("drops a results heading whose result lines went", function()
    local doc = run(page(nil, { "Results\nSenior: 1 O Fanshaw (Brannock RC) 1:12:08; 2 I Kettle (Quay CC) st; 3 C Weddell (Brannock RC) +0:52\nJunior: 1 J Pendle (Quay CC) 58:40; 2 T Arkwright (Brannock RC) +0:36; 3 M Hale (Weir CC) st" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Results"))
    assert.is_false(has_paragraph(doc, "Senior: 1 O Fanshaw"))
  end)
end)

describe("clean: an About box of a wire release", function()
  it("keeps the issuer's About paragraph in a release carried by a wire", function()
    local t = {}
    for _, l in ipairs { "Brannock Courier", "", "Brannock river authority backs higher flood wall", "",
      "BRANNOCK, March 10, 2026 /Vale Wire/ -- " .. P1, "", P2, "", P3, "", P4, "",
      "About Brannock River Authority", "",
      "Brannock River Authority maintains flood defences along 60 kilometres of the river in the county.", "",
      "Media contact:", "Carys Weddell", "555-0142", "", "SOURCE Brannock River Authority" } do t[#t + 1] = l end
    local doc = run(lines(t))
    assert.is_true(has_paragraph(doc, P4))
    assert.is_true(has_paragraph(doc, "maintains flood defences"))
  end)
end)
