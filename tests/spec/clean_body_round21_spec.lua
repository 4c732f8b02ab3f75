-- Specs of the clean stage for body failure kinds (round 21): a press release's list of
-- "•" items wrapped with a hanging indent and its About box whose paragraph names the
-- company after an opening clause, a capitals subhead right under an advertisement, an
-- advertisement's copy under its label (a brand, a dash and short promotional
-- sentences), an advertisement label given in two languages, the headlines of other
-- stories under a bare "Read more" label, and a lynx dump's author boxes over a
-- Creative Commons republishing notice. Every page below is invented (fictional towns,
-- people, outlets, companies and products).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph

-- a release wrapped at 76 columns, its list items set with "•" and a hanging indent
local RELEASE = {
  "Wirepoint Releases", "Home | Releases | Sectors | Send a Release | Sign In", "",
  "NEWS RELEASE", "",
  "Brannock Turbines Wins Order for 60 Rotor Sets from Solway Wind Partners", "",
  "Order is the company's largest since it opened its Kelso plant", "",
  "NEWS PROVIDED BY", "Brannock Turbines Ltd.", "March 3, 2026 07:30 GMT", "",
  "KELSO, Scotland, March 3, 2026 /Wirepoint Releases/ -- Brannock Turbines Ltd.",
  "(\"Brannock\"), a maker of rotor blades for onshore wind farms, today announced",
  "that it has signed a contract with Solway Wind Partners to supply 60 rotor sets",
  "for two wind farms in the Southern Uplands over the next three years.", "",
  "The rotor sets will be built at the company's plant in Kelso, where Brannock",
  "expects to take on about 80 more workers before the first deliveries are due in",
  "the spring of 2027, the company said in a statement issued on Tuesday morning.", "",
  "\"This order gives our Kelso plant steady work for years and shows that rural",
  "manufacturing can compete,\" said Morven Achterlonie, Brannock's chief executive.", "",
  "The main terms of the contract include:", "",
  "• Delivery of 60 rotor sets for the Carrick Moss and Ettle Hill wind farms,",
  "  with the first twelve due by the end of June 2027;", "",
  "• A ten-year service agreement covering blade inspections, repairs and spare",
  "  parts held at the Kelso plant for Solway's engineers; and", "",
  "• An option for Solway Wind Partners to order up to 24 further rotor sets",
  "  before the end of September 2028.", "",
  "The value of the contract was not disclosed. Brannock expects the order to add",
  "to its revenue from the second half of its 2027 financial year.", "",
  "About Brannock Turbines Ltd.", "",
  "Established in 2009 and based in Kelso, Scotland, Brannock Turbines designs and",
  "builds rotor blades for onshore wind farms in Britain and Ireland and services",
  "more than 900 turbines. For more information, visit www.brannock.example.", "",
  "Forward-Looking Statements", "",
  "This release contains forward-looking statements about the timing of deliveries,",
  "expected revenue and the exercise of options. These statements rest on current",
  "expectations and are subject to risks that could cause actual results to differ",
  "materially, including delays in planning consents and in the supply of resin.", "",
  "Media Contact:", "Isla Fairbairn", "press@brannock.example", "",
  "(c) 2026 Wirepoint Releases Ltd. All Rights Reserved.",
}

describe("clean: a release's list of bullet items with a hanging indent", function()
  local doc = run(lines(RELEASE))

  it("joins each \"•\" item with the line that continues it at the item's text column", function()
    assert.is_true(has_paragraph(doc, "Delivery of 60 rotor sets for the Carrick Moss and Ettle Hill wind farms, with the first twelve due by the end of June 2027;"))
    assert.is_true(has_paragraph(doc, "An option for Solway Wind Partners to order up to 24 further rotor sets before the end of September 2028."))
  end)

  it("keeps the list's introduction and the paragraph after the list", function()
    assert.is_true(has_paragraph(doc, "The main terms of the contract include:"))
    assert.is_true(has_paragraph(doc, "The value of the contract was not disclosed."))
  end)

  it("ends the release at an About box whose paragraph names the company after an opening clause", function()
    assert.is_false(has_paragraph(doc, "Established in 2009"))
    assert.is_false(has_paragraph(doc, "About Brannock Turbines"))
    assert.is_false(has_paragraph(doc, "forward-looking statements"))
  end)
end)

-- a page hard-wrapped at 70 columns with no margin: a capitals subhead under an
-- advertisement set between two paragraphs
local GLEN = {
  "THE GLENARM HERALD", "News | Sport | What's On | Notices | Subscribe", "",
  "Council closes Glenarm harbour car park for sea wall repairs", "",
  "Fionnuala Drennan", "", "Published: 09:30 GMT, Tuesday 10 March 2026", "",
  "The harbour car park in Glenarm will close for eight weeks from Monday",
  "while contractors rebuild a section of the sea wall that was damaged",
  "in the January storms, the district council has confirmed this week.", "",
  "The council said the wall had been inspected twice since the storms",
  "and that engineers had found the core of the wall washed out along a",
  "stretch of about forty metres beside the slipway used by the boats.", "",
  "Parking will be available at the old school on Mill Brae during the",
  "works, and a minibus will run to the harbour every half hour between",
  "eight in the morning and six in the evening, the council said.", "",
  "ADVERTISEMENT", "",
  "Drennock Fuels - Kerosene and gas delivered across the glens. Order",
  "by Monday for Wednesday delivery. Tel 028 2888 0147", "",
  "TRADERS CONCERNED", "",
  "The closure has worried traders on the harbour front, who say that",
  "visitors who cannot park close to the water are likely to drive on to",
  "the next village rather than stop for lunch or an ice cream there.", "",
  "Ruairi McKeague, who runs the Quay Cafe, said the works could not have",
  "come at a worse time for businesses that rely on spring visitors and",
  "asked the council to keep part of the car park open at weekends.", "",
  "Share this story", "Facebook X WhatsApp Email", "",
  "(c) 2026 Glenarm Herald Ltd. All rights reserved.",
}

describe("clean: a capitals subhead right under an advertisement", function()
  local doc = run(lines(GLEN))

  it("keeps the subhead between the paragraph above the advertisement and the paragraph below it", function()
    assert.is_true(has_paragraph(doc, "TRADERS CONCERNED"))
    assert.is_true(has_paragraph(doc, "The closure has worried traders on the harbour front"))
  end)

  it("drops the advertisement's label and copy", function()
    assert.is_false(has_paragraph(doc, "ADVERTISEMENT"))
    assert.is_false(has_paragraph(doc, "Drennock Fuels"))
  end)
end)

local HEADER = {
  "The Carrow Bay Mail", "Home | News | Business | Sport | Letters", "",
  "Fishing co-operative opens cold store on the east quay", "",
  "By Oonagh Brereton", "Thursday, March 5, 2026", "",
}
local LEAD = "The Carrow Bay fishing co-operative opened a cold store on the east quay on Wednesday, letting its members keep their catch for up to a week before it goes to market."
local REST = {
  "The store, built with a grant from the regional development fund, can hold about 40 tonnes of fish and shellfish at a time.",
  "Co-operative secretary Padraig Nolloth told members that the store would let boats stay in port during the worst of the winter weather without losing their catch.",
  "The store will be open to non-members for a fee from April, once the co-operative has set its charges for the first year.",
}
local function ad_page(label, copy)
  return pages.story(HEADER, LEAD, REST, nil, { label, copy }, nil, { "(c) 2026 The Carrow Bay Mail" })
end

describe("clean: an advertisement's copy under its label", function()
  it("drops a brand, a dash and short sentences closed by an exclamation", function()
    local doc = run(ad_page("ADVERTISEMENT", "Lingua Viva - Italian for newcomers. Evening and weekend classes, small groups, near the tram stop. Trial lesson free!"))
    assert.is_false(has_paragraph(doc, "Lingua Viva"))
    assert.is_true(has_paragraph(doc, "The store, built with a grant"))
  end)

  it("drops a brand, a dash and a rate of credit with a call to visit", function()
    local doc = run(ad_page("ADVERTISEMENT", "Quayside Motors — 0% financing on all 2026 vans. Visit our showroom on Dock Road or call 555-0162."))
    assert.is_false(has_paragraph(doc, "Quayside Motors"))
  end)

  it("keeps a paragraph of the article under the label", function()
    local doc = run(ad_page("ADVERTISEMENT", "Dock Road - the main route to the quay - will be resurfaced next month at a cost of about $80,000, with the work done at night."))
    assert.is_true(has_paragraph(doc, "Dock Road - the main route to the quay"))
  end)
end)

describe("clean: an advertisement label given in two languages", function()
  it("drops the label when one of its two parts is a known one", function()
    local doc = run(ad_page("Fógra / Advertisement", "Nolloth Hardware - paint, tools and garden supplies. Free delivery on orders over $50."))
    assert.is_false(has_paragraph(doc, "Fógra"))
    assert.is_false(has_paragraph(doc, "Advertisement"))
    assert.is_true(has_paragraph(doc, "The store, built with a grant"))
  end)

  it("keeps a pair of words set apart by a slash that is no label", function()
    local doc = run(ad_page("Arrivals / Departures", "The ferry timetable for the spring will be published on the co-operative's notice board next week, along with the tide tables."))
    assert.is_true(has_paragraph(doc, "Arrivals / Departures"))
  end)
end)

describe("clean: the headlines of other stories under a bare \"Read more\" label", function()
  local doc = run(pages.story(HEADER, LEAD, REST, nil,
    { "READ MORE", "Harbour board to raise mooring fees from April", "Opinion: Why our small ports need more than grants" },
    nil, { "(c) 2026 The Carrow Bay Mail" }))

  it("drops the headlines, each alone in its group, up to the paragraph the body resumes with", function()
    assert.is_false(has_paragraph(doc, "Harbour board to raise mooring fees"))
    assert.is_false(has_paragraph(doc, "Opinion: Why our small ports"))
    assert.is_true(has_paragraph(doc, "The store, built with a grant"))
  end)
end)

-- a lynx dump (three spaces of margin): author boxes under the body, then a Creative
-- Commons republishing notice
local LYNX = {
  "   [1]Skip to content", "", "   Northgate Courier", "",
  "     * [2]News", "     * [3]Housing", "     * [4]Schools", "     * [5]Donate", "",
  "Tenants' group wins repairs at Elmcroft tower after two-year campaign", "",
  "   By Ines Varga-Holt and Tobias Quennell, Northgate Courier", "",
  "   Published March 2, 2026, 6:00 a.m. CST", "",
  pages.lynx_wrap("The city's housing authority has agreed to replace the lifts and the heating system at the Elmcroft tower after a two-year campaign by its tenants' association, officials said Monday.", 78), "",
  pages.lynx_wrap("The tower, which has 180 flats, has had only one working lift for most of the past year, and many of its older residents have been unable to leave their homes without help from neighbours.", 78), "",
  pages.lynx_wrap("\"We were told again and again that there was no money for this,\" said Marguerite Okonjo, who chairs the association. \"We kept going because people on the top floors had no other choice.\"", 78), "",
  pages.lynx_wrap("The work is expected to start in June and to take about nine months, during which a temporary lift will be fitted on the outside of the building, the authority said.", 78), "",
  "   [6]Ines Varga-Holt", "",
  "   Ines Varga-Holt covers housing and transit in Northgate for the Northgate",
  "   Courier. She can be reached at ines@northgatecourier.example.", "",
  "   [7]Tobias Quennell", "",
  "   Tobias Quennell is a neighbourhood reporting fellow at the Northgate",
  "   Courier.", "",
  "Republish this story", "",
  "   This work is licensed under a Creative Commons license. You can republish",
  "   it for free as long as you credit the Northgate Courier. [8]Learn more.", "",
  "More From Housing", "",
  "     * [9]Rent board hears plea to cap increases at older blocks",
  "       Feb. 27, 2026", "",
  "   (c) 2026 Northgate Courier. [10]Privacy Policy [11]Contact Us", "",
  "References", "",
  "   1. https://northgatecourier.example/2026/03/02/elmcroft/#main",
  "   2. https://northgatecourier.example/news/",
  "   3. https://northgatecourier.example/housing/",
  "   4. https://northgatecourier.example/schools/",
  "   5. https://northgatecourier.example/donate/",
  "   6. https://northgatecourier.example/author/ines-varga-holt/",
  "   7. https://northgatecourier.example/author/tobias-quennell/",
  "   8. https://northgatecourier.example/republish/",
  "   9. https://northgatecourier.example/2026/02/27/rent-board/",
  "  10. https://northgatecourier.example/privacy/",
  "  11. https://northgatecourier.example/contact/",
}

describe("clean: a lynx dump's author boxes over a republishing notice", function()
  local doc = run(lines(LYNX))

  it("keeps the body's last paragraph", function()
    assert.is_true(has_paragraph(doc, "a temporary lift will be fitted on the outside of the building"))
  end)

  it("drops the Creative Commons notice that offers the story for republishing", function()
    assert.is_false(has_paragraph(doc, "Creative Commons"))
  end)

  it("drops the author boxes: the names alone and their notes", function()
    assert.is_false(has_paragraph(doc, "can be reached at"))
    assert.is_false(has_paragraph(doc, "reporting fellow"))
    for _, p in ipairs(doc.paragraphs) do
      assert.are_not.equal("Ines Varga-Holt", p)
      assert.are_not.equal("Tobias Quennell", p)
    end
  end)
end)
