-- Specs of the clean stage for body failure kinds (round 29): capitals subheads past a
-- line of debris (a share line or a "Read more:" line above, a caption below) or read as
-- a footer link ("HELP ..."); advertisements (a label between spaced rules, a label and a
-- double hyphen opening the copy's line, a verbless dashed fragment under a label in its
-- group, a call after a dash under a label, an appeal closed by "VERB now ›"); reader
-- prompts and end matter (an account prompt, an About box under an acronym with the
-- release's trailer above it, an About box over "Forward-Looking Statements", an "About
-- the author:" note, a contact line about "this article"); captions (a caption's wrapped
-- line, "Click to enlarge", a "NAME/Outlet" credit over a photo shop's button, a credit in
-- brackets, a standfirst over a picture above the dateline paragraph, a gallery's
-- counter). Every page below is invented (fictional towns, people, outlets, companies).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph

local HEAD = {
  "THE MARRANBY COURIER", "Home | News | Farming | Sport | Notices | Subscribe", "",
  "Drought pushes hay prices to a ten-year high across the Marranby plain", "",
  "By Orla Penhaligon", "", "Published: 14 August 2025", "",
}
local FOOT = {
  "", "Tags: Farming, Drought, Hay", "", "Most read", "Tidal pool reopens after repairs",
  "School bus route changes from September", "", "(c) 2025 Marranby Courier Ltd. All rights reserved.",
}
local P1 = "Hay is selling for more than twice last year's price at the Marranby sale yard, where farmers say the dry summer has cut the first cut of grass by half."
local P2 = "Dairy farmers on the plain, who need the most winter feed, say they have started to sell young stock because they cannot afford to feed them until spring."
local P3 = "The farmers' union has asked the regional council to open a fund for feed and transport costs before the end of the month, its chairman said on Tuesday."
local P4 = "The council said it would consider the request at its meeting next week, and that officers were already talking to hauliers about freight rates."

local function page(body)
  local t = {}
  for _, l in ipairs(HEAD) do t[#t + 1] = l end
  for _, l in ipairs(body) do
    -- (a table: lines of one group)
    if type(l) == "table" then for _, x in ipairs(l) do t[#t + 1] = x end else t[#t + 1] = l end
  end
  for _, l in ipairs(FOOT) do t[#t + 1] = l end
  return lines(t)
end

describe("clean: a capitals subhead past a line of debris", function()
  it("keeps a subhead under a share line, over a paragraph", function()
    local doc = run(page { P1, "", P2, "", "Share this story: Facebook Email Print", "", "WHAT THE UNION WANTS", "", P3, "", P4 })
    assert.is_true(has_paragraph(doc, "WHAT THE UNION WANTS"))
    assert.is_false(has_paragraph(doc, "Share this story"))
  end)

  it("keeps a subhead under a \"Read more:\" line, over a paragraph", function()
    local doc = run(page { P1, "", P2, "", "Read more: Silage contractors report a busy June (12 June 2025)", "", "COUNCIL TO DECIDE", "", P3, "", P4 })
    assert.is_true(has_paragraph(doc, "COUNCIL TO DECIDE"))
    assert.is_false(has_paragraph(doc, "Silage contractors"))
  end)

  it("keeps a subhead over a caption, the section's paragraph under it", function()
    local doc = run(page { P1, "", P2, "", "BALES ON SALE", "", "Round bales stacked at the sale yard on Monday. Photo: Tamsin Rowe", "", P3, "", P4 })
    assert.is_true(has_paragraph(doc, "BALES ON SALE"))
    assert.is_false(has_paragraph(doc, "Round bales stacked"))
  end)

  it("keeps a subhead of three words or more that opens with a footer word (\"HELP\")", function()
    local doc = run(page { P1, "", P2, "", "HELP MAY BE ON THE WAY", "", P3, "", P4 })
    assert.is_true(has_paragraph(doc, "HELP MAY BE ON THE WAY"))
  end)

  it("drops a box heading under a share line over dated headlines", function()
    local doc = run(page { P1, "", P2, "", P3, "", P4, "", "Share this story: Facebook Email Print", "",
      "MORE FARMING NEWS", "Silage contractors report a busy June (12/06/2025)", "Wool prices steady at the spring sale (02/06/2025)" })
    assert.is_false(has_paragraph(doc, "MORE FARMING NEWS"))
  end)
end)

describe("clean: advertisements inside the body", function()
  it("drops a label set between spaced rules and the copy under it", function()
    local doc = run(page { P1, "", P2, "", "- - - Sponsored - - -",
      "Harlow Plant Hire: telehandlers from £95 a day, delivered to the farm. Book now at our Marranby yard.", "", P3, "", P4 })
    assert.is_false(has_paragraph(doc, "Sponsored"))
    assert.is_false(has_paragraph(doc, "Harlow Plant Hire"))
    assert.is_true(has_paragraph(doc, P3))
  end)

  it("drops copy whose line opens with the label and a double hyphen", function()
    local doc = run(page { P1, "", P2, "", "ADVERTISEMENT -- Learn to weld in a weekend! Small groups, all tools provided. Penrock Skills Centre, Mill Lane.", "", P3, "", P4 })
    assert.is_false(has_paragraph(doc, "Learn to weld"))
    assert.is_true(has_paragraph(doc, P3))
  end)

  it("drops a verbless dashed fragment and its call under a label in the label's group", function()
    local doc = run(page { P1, "", P2, "", "ADVERTISEMENT",
      "Kestle Farm Cottages, Orchard Lane -- quiet rooms, river views, weekly rates for harvest crews.",
      "Ask at the farm shop or on the Courier classifieds page.", "", P3, "", P4 })
    assert.is_false(has_paragraph(doc, "Kestle Farm Cottages"))
    assert.is_false(has_paragraph(doc, "Ask at the farm shop"))
    assert.is_true(has_paragraph(doc, P3))
  end)

  it("drops a line under a label whose call opens the clause after a dash", function()
    local doc = run(page { P1, "", P2, "", "ADVERTISEMENT", "", "Cider tasting in the orchards above the river - book a summer visit with Tregonning Cider Works.", "", P3, "", P4 })
    assert.is_false(has_paragraph(doc, "Cider tasting"))
    assert.is_true(has_paragraph(doc, P3))
  end)

  it("drops an appeal with a price closed by \"VERB now ›\"", function()
    local doc = run(page { P1, "", P2, "", "SPONSOR A HEDGEHOG from $30 — your pack includes a certificate and a yearly report. Sponsor now ›", "", P3, "", P4 })
    assert.is_false(has_paragraph(doc, "SPONSOR A HEDGEHOG"))
  end)
end)

describe("clean: reader prompts and end matter", function()
  it("drops an account prompt opened by a question (\"log in or register\")", function()
    local doc = run(page { P1, "", P2, "", "Selling a tractor? Post your advert free — log in or register.", "", P3, "", P4 })
    assert.is_false(has_paragraph(doc, "Selling a tractor"))
    assert.is_true(has_paragraph(doc, P3))
  end)

  local REL_HEAD = {
    "Marranby Water Authority", "Home | Media | Releases | Contact", "",
    "Authority opens two new boreholes for the plain's farms", "",
    "Media release | 14 August 2025", "",
  }
  local R1 = "MARRANBY, 14 August: The Marranby Water Authority has opened two new boreholes on the eastern plain to supply stock water to farms hit by the drought."
  local R2 = "The boreholes will give about 400 cubic metres of water a day, enough for some 6,000 cattle, the Authority said in a statement issued on Thursday."
  local R3 = "Farmers can collect water from filling points at Ketherow and Lanvean from Monday, between 7 a.m. and 7 p.m., free of charge until the end of October."

  it("drops an About box under an acronym of the name and the trailer above it", function()
    local t = {}
    for _, l in ipairs(REL_HEAD) do t[#t + 1] = l end
    for _, l in ipairs { R1, "", R2, "", R3, "",
      "Issued by: Communications Unit, MWA, Marranby", "Media contact: press[at]mwa.example | Tel: +44 1632 960 000", "",
      "About MWA", "",
      "The Marranby Water Authority is a public body responsible for water supply and drainage on the Marranby plain and the hills around it.", "",
      "Share: Facebook | X | Email", "", "Previous releases" } do t[#t + 1] = l end
    local doc = run(lines(t))
    assert.is_true(has_paragraph(doc, "Farmers can collect water"))
    assert.is_false(has_paragraph(doc, "Issued by"))
    assert.is_false(has_paragraph(doc, "Media contact"))
    assert.is_false(has_paragraph(doc, "About MWA"))
    assert.is_false(has_paragraph(doc, "is a public body"))
  end)

  it("drops an About box over a \"Forward-Looking Statements\" notice", function()
    local t = {}
    for _, l in ipairs(REL_HEAD) do t[#t + 1] = l end
    for _, l in ipairs { R1, "", R2, "", R3, "",
      "About Lanvean Borehole Services", "",
      "Lanvean Borehole Services is an employee-owned drilling company founded in 2009 to serve farms and villages of the south-west. It employs 60 people.", "",
      "Forward-Looking Statements", "",
      "This release contains forward-looking statements about supply and timelines that are subject to risks and uncertainties. Actual results may differ materially.", "",
      "(c) 2025 Marranby Water Authority" } do t[#t + 1] = l end
    local doc = run(lines(t))
    assert.is_true(has_paragraph(doc, "Farmers can collect water"))
    assert.is_false(has_paragraph(doc, "employee-owned"))
    assert.is_false(has_paragraph(doc, "Forward-Looking"))
    assert.is_false(has_paragraph(doc, "forward-looking statements about"))
  end)

  it("drops an author note opened by an \"About the author:\" label", function()
    local doc = run(page { P1, "", P2, "", P3, "", P4, "", "Share: Facebook Email", "",
      "About the author: Orla Penhaligon volunteers as the Courier's farming correspondent and writes our monthly market page." })
    assert.is_true(has_paragraph(doc, P4))
    assert.is_false(has_paragraph(doc, "About the author"))
  end)

  it("drops a contact line about the page itself closing the body", function()
    local doc = run(page { P1, "", P2, "", P3, "", P4, "",
      "Questions about this item may be directed to the Courier office at 01632-555-0199, Monday through Friday." })
    assert.is_true(has_paragraph(doc, P4))
    assert.is_false(has_paragraph(doc, "Questions about this item"))
  end)
end)

describe("clean: captions inside the body", function()
  it("drops a caption's wrapped line under the caption", function()
    local doc = run(page { P1, "", "[Photo] The chairman of the farmers' union, Mr Kenver Tremayne",
      "(left), and members inspect a dry silage pit near Lanvean this morning.", "", P2, "", P3, "", P4 })
    assert.is_false(has_paragraph(doc, "(left), and members"))
    assert.is_true(has_paragraph(doc, P2))
  end)

  it("drops a caption closed by \"Click to enlarge\"", function()
    local doc = run(page { P1, "", P2, "", "[hay-prices-chart.png]", "Chart of hay prices at the sale yard since 2015. Click to enlarge.", "", P3, "", P4 })
    assert.is_false(has_paragraph(doc, "Click to enlarge"))
  end)

  it("drops a caption printed over a \"NAME/Outlet\" credit and a photo shop's button", function()
    local t = {}
    for _, l in ipairs(HEAD) do t[#t + 1] = l end
    for _, l in ipairs { "Farmer Jory Pascoe checks the last of his hay near Ketherow on Monday.", "Tamsin Rowe/Courier", "Buy Now",
      "Farmer Jory Pascoe checks the last of his hay near Ketherow on Monday.", "Tamsin Rowe/Courier", P1, P2, P3, P4 } do t[#t + 1] = l end
    for _, l in ipairs(FOOT) do t[#t + 1] = l end
    local doc = run(lines(t))
    assert.is_false(has_paragraph(doc, "checks the last of his hay"))
    assert.is_true(has_paragraph(doc, P1))
  end)

  it("drops a caption over a credit in brackets on a line of its own", function()
    local doc = run(page { P1, "", P2, "", { "A farmer loads hay bales onto a trailer near Lanvean on Aug. 12.", "(Marranby Courier)" }, "", P3, "", P4 })
    assert.is_false(has_paragraph(doc, "loads hay bales"))
    assert.is_false(has_paragraph(doc, "(Marranby Courier)"))
    assert.is_true(has_paragraph(doc, P3))
  end)

  it("drops a standfirst over a picture above the dateline paragraph", function()
    local t = {}
    for _, l in ipairs(HEAD) do t[#t + 1] = l end
    for _, l in ipairs { "The first new boreholes on the plain in twenty years are due to open next week.", "",
      "[borehole_ketherow.jpg]", "Drilling at the Ketherow borehole. Photo: Marranby Water Authority", "",
      "KETHEROW, Cornwall - Two new boreholes on the eastern plain will supply stock water to farms hit by the drought from Monday, the water authority said on Thursday.", "",
      P2, "", P3, "", P4 } do t[#t + 1] = l end
    for _, l in ipairs(FOOT) do t[#t + 1] = l end
    local doc = run(lines(t))
    assert.is_false(has_paragraph(doc, "The first new boreholes"))
    assert.is_true(has_paragraph(doc, "Two new boreholes on the eastern plain"))
  end)

  it("drops a gallery's counter alone on its line", function()
    local doc = run(page { P1, "", P2, "", "1/4", "", "Bales at the sale yard. Photo: Marranby Courier", "", P3, "", P4 })
    assert.is_false(has_paragraph(doc, "1/4"))
    assert.is_true(has_paragraph(doc, P3))
  end)
end)
