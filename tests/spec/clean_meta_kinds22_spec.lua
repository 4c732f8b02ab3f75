-- Specs of the clean stage's metadata for the failure kinds of blind sets AB and AC
-- (batch 22): a byline in capitals with a Mc surname, a dated "Posted by" line under
-- the body when the header has neither byline nor date, a headline opening on a sum
-- over a picture's caption closed by a photographer's credit, a masthead's kicker line
-- over the headline, a role after a byline's comma ("Head of Press"), a section label
-- under a byline ("Local News"), a masthead under a cookie notice's heading, and a
-- university's one-line masthead over its menu.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")

local P1 = "The old tannery at Rosskerry will be turned into 38 flats and a riverside bakery after councillors approved the plans on Monday night by six votes to four."
local P2 = "Neighbours had objected to the scheme, saying the narrow lane beside the river could not take the extra traffic, and asked for a larger car park."
local P3 = "\"This building has stood empty for far too long, and the town deserves to see it used again,\" said committee chair Orla Tiernan after the vote."
local P4 = "The developer, Brackenford Homes, said work could start in the spring and would take about two years to finish."

describe("clean meta: bylines in capitals with a Mc surname", function()
  it("reads a name in capitals with a Mc prefix as a person", function()
    assert.is_true(meta.is_person("ROISIN McCARTAN"))
    assert.is_true(meta.caps_name("ROISIN McCARTAN"))
  end)

  it("writes a Mc name read from capitals in title case with its inner capital", function()
    local nl = meta.name_line("ROISIN McCARTAN", nil, true)
    assert.are.same({ "Roisin McCartan" }, nl.authors)
  end)

  it("takes a capitals name with a Mc surname over its role line as the author, not the outlet", function()
    local doc = run(lines {
      "THE ROSSKERRY ARGUS",
      "News  Sport  Farming  Community  Jobs",
      "NEWS",
      "Old tannery flats plan approved despite traffic fears",
      "ROISIN McCARTAN",
      "Senior Reporter",
      "Tuesday 14 October 2025, 9:10am BST",
      "", P1, "", P2, "", P3, "", P4,
    })
    assert.are.same({ "Roisin McCartan" }, doc.authors)
    assert.are_not.equal("ROISIN McCARTAN", doc.outlet)
  end)
end)

describe("clean meta: a dated byline under the body", function()
  it("takes 'Posted by NAME on DATE' under a list after the body when the header has neither", function()
    local doc = run(lines {
      "GLENCARRA WHEELERS",
      "Road and gravel cycling in the Carra hills",
      "Home  About  Rides  Races  Results  Join",
      "Carra Hills Sportive 2025: wind, rain and a new club record",
      "2 days ago · Ride reports",
      "", P1, "", P2, "", P3, "", P4,
      "",
      "Top finishers",
      "1. Ewan Lachlan (Glencarra Wheelers) 3:12:40",
      "2. Moira Dunbar (Strathfell CC) 3:14:02",
      "3. Iain Rennick (Unattached) 3:15:55",
      "",
      "Full results are on the Results page.",
      "",
      "Posted by Fenella Drummond-Hay on 14 September 2025",
      "",
      "Categories: Ride reports, Carra Hills Sportive",
    })
    assert.are.same({ "Fenella Drummond-Hay" }, doc.authors)
    assert.are.equal("2025-09-14", doc.date)
  end)
end)

describe("clean meta: titles", function()
  it("never reads a line closed by a photographer's credit as a headline", function()
    assert.is_true(meta.credit_end("Stallholders pack up at the flooded quay on Monday. – Aled Pryor/Photographer"))
    assert.is_true(meta.credit_end("The new ferry leaves the slipway. (Photo: Ines Garrow)"))
    assert.is_false(meta.credit_end("Council names new harbour master"))
  end)

  it("takes a headline opening on a sum over the byline, not the caption under the header", function()
    local doc = run(lines {
      "THE SOUTHSHORE MERCURY",
      "Your Parish. Your Voice.",
      "NEWS  PARISH NEWS  BUSINESS  SPORTS  LETTERS",
      "Parish News",
      "$12m to rebuild Kelby Point ferry pier",
      "Dorrit Ashcombe and Leroy Maitland-Hughes, Staff Writers",
      "Updated: Thursday | March 5, 2026 | 3:20 p.m.",
      "Ferry passengers wait on the damaged Kelby Point pier on Wednesday. – Tobias Renfrew/Photographer",
      "", "KELBY POINT, St Ardell — The St Ardell Parish Council has set aside $12 million to rebuild the Kelby Point ferry pier, which was damaged in a storm last year.",
      "", P2, "", P3, "", P4,
    })
    assert.are.equal("$12m to rebuild Kelby Point ferry pier", doc.title)
  end)

  it("passes over a masthead's kicker line in capitals over the headline", function()
    assert.is_true(meta.title_furniture("HARBOUR NOTES · Town Life"))
    assert.is_false(meta.title_furniture("FLOOD WARNING · River to peak at noon"))
    local doc = run(lines {
      "Ardlow Vale Community Hall",
      "Home | About Us | Classes | Room Hire | Events | Vale Notes | Contact",
      "", "VALE NOTES · Community Life",
      "", "Neighbours fill the hall for the first winter craft fair",
      "",
      "Words by Tamsin Oakridge | Photos by Bram Hollis",
      "12 Dec 2025",
      "", P1, "", P2, "", P3, "", P4,
    })
    assert.are.equal("Neighbours fill the hall for the first winter craft fair", doc.title)
  end)
end)

describe("clean meta: outlets", function()
  it("reads 'Head of Press' after a byline's comma as a role, not an outlet", function()
    local by = meta.byline("By Leontyne Arvidsson, Head of Press")
    assert.are.same({ "Leontyne Arvidsson" }, by.authors)
    assert.is_nil(by.outlet)
  end)

  it("reads 'Local News' as a section label, no outlet", function()
    assert.is_true(meta.section_label("Local News"))
    local doc = run(lines {
      "Skip to content",
      "Motuara Island News",
      "Home  News  Sport  Business  Notices  Contact",
      "Council backs new wharf for Tevai",
      "Posted by Rangi Holloway on 3 March 2026",
      "Local News",
      "", P1, "", P2, "", P3, "", P4,
    })
    assert.are.equal("Motuara Island News", doc.outlet)
  end)

  it("reads a masthead in capitals under a cookie notice's heading", function()
    local doc = run(lines {
      "Cookies on this site",
      "We use cookies to give you the best experience. Accept all | Manage preferences",
      "THE KELVERN ADVERTISER",
      "Serving Kelvern and the Ashby Valley since 1882",
      "News  Sport  What's On  Farming  Jobs",
      "Old tannery flats plan approved despite traffic fears",
      "Reporter: Hamish Lorne",
      "Tuesday 14 October 2025",
      "", P1, "", P2, "", P3, "", P4,
      "",
      "© 2025 The Kelvern Advertiser",
    })
    assert.are.equal("The Kelvern Advertiser", doc.outlet)
  end)

  it("reads a university's one-line masthead over the site's menu", function()
    local doc = run(lines {
      "Northmoor Valley State University Extension",
      "Find Your County Office  |  Give  |  Search",
      "Programs   Publications   Events   News   About",
      "Keeping garden ponds healthy through the winter",
      "By Della Kirkwood",
      "November 3, 2025",
      "", P1, "", P2, "", P3, "", P4,
    })
    assert.are.equal("Northmoor Valley State University Extension", doc.outlet)
  end)
end)
