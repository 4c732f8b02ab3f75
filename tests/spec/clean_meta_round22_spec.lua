-- Specs of the clean stage's metadata kinds of development sets h69 and h70: a headline
-- holding a number and a number's compound ("Level 4 ... 42-bed ...") read as a line of
-- names; a page's counter ("Post Views: N") taken for the outlet; a portal's tagline
-- under a masthead in capitals; a newsletter's writer holding its copyright; a logo's
-- image file name left by a text browser beside the masthead's name; a masthead with its
-- tagline after a dash under a shorter copyright holder; a photo caption in the present
-- tense kept over a dateline paragraph. Every page below is invented (fictional towns,
-- people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")

local P2 = "The ward was built over 11 months with money from the district's development budget and a grant from the national health fund."
local P3 = "\"No mother should have to travel half a day to give birth safely,\" said district health officer Dr. Wanjiru Tebogo-Aseka."
local P4 = "Nurses and two clinical officers have already been posted to the clinic, and the recruitment of a surgeon is under way."

describe("clean meta round 22: a county portal's header", function()
  local lead = "Varsel — Patients in the lower wards of Orundi District will no longer have to travel to the regional hospital for emergency care after a new wing opened on Tuesday."
  local function portal(mast, tagline, head, counter)
    return lines {
      "Skip to content", "Accessibility | Text size A- A A+ | High contrast", "",
      mast, tagline, "",
      "Home  About the District  Departments  Services  Tenders  Careers  News  Contact Us", "",
      "Home > News > Health", "",
      head, "",
      "By Directorate of Communications",
      "Published: 14/05/2025 10:15 EAT",
      "Category: Health",
      counter, "",
      lead, "", P2, "", P3, "", P4, "",
      "Copyright (c) 2025 District Council of Orundi. All Rights Reserved.", "",
    }
  end

  it("reads a headline holding a number and a number's compound as the headline, not a name", function()
    assert.is_nil(meta.name_line("Varsel Level 3 Clinic opens 24-hour emergency ward"))
    local doc = run(portal("ORUNDI DISTRICT NEWS", "Official news portal of the District Council of Orundi",
      "Varsel Level 3 Clinic opens 24-hour emergency ward", "Post Views: 2,317"))
    assert.are.equal("Varsel Level 3 Clinic opens 24-hour emergency ward", doc.title)
  end)

  it("takes no page counter for the outlet", function()
    for _, s in ipairs { "Post Views: 2,317", "2,317 views", "Views: 2,317", "Viewed 2,317 times" } do
      assert.is_true(meta.counter_line(s), s)
    end
    assert.is_false(meta.counter_line("Channel 4 News"))
    local doc = run(portal("ORUNDI DISTRICT NEWS", "Official news portal of the District Council of Orundi",
      "Varsel Level 3 Clinic opens 24-hour emergency ward", "Post Views: 2,317"))
    assert.are_not.equal("Post Views: 2,317", doc.outlet)
  end)

  it("takes the masthead over a portal's tagline for the outlet, its short words in the page's casing", function()
    local doc = run(portal("ORU VALE COUNTY NEWS", "Official news portal of the County Government of Oru Vale",
      "New emergency wing opens at Varsel clinic", ""))
    assert.are.equal("New emergency wing opens at Varsel clinic", doc.title)
    assert.are.equal("Oru Vale County News", doc.outlet)
  end)
end)

describe("clean meta round 22: a newsletter's writer holding its copyright", function()
  it("tells the writer's own name from an outlet read as a name", function()
    assert.is_true(meta.writer_holder("Marguerite Oyelaran-Fisk", "The Tribunal Letter"))
    -- (a masthead naming the holder itself, or a person: the holder is the outlet)
    assert.is_false(meta.writer_holder("Marguerite Oyelaran-Fisk", "Marguerite Oyelaran-Fisk"))
    assert.is_false(meta.writer_holder("Marguerite Oyelaran-Fisk", "Oliver Brandt"))
    -- (no given name opening the holder: an outlet's name read as a person's)
    assert.is_false(meta.writer_holder("Dorset Evening Star", "The Tribunal Letter"))
  end)

  it("keeps the name over the date as the author and the masthead as the outlet", function()
    local doc = run(lines {
      "The Tribunal Letter", "Subscribe", "Sign in",
      "The tenancy ruling that landlords keep misreading",
      "A county court says a deposit clause written into an app's terms never bound the tenants who tapped past it.",
      "Marguerite Oyelaran-Fisk",
      "Mar 4, 2025",
      "Share",
      "Last week a county court judge refused to let a letting agency keep the deposits of eleven tenants, holding that the clause it relied on was never part of their agreements.",
      "The agency had added the clause to the terms of its app in 2023, and tenants saw it only as a banner they could close with one tap.",
      "That is a narrower ruling than some landlords' groups have suggested, and it turns on how the terms were shown, not on what they said.",
      "Thanks for reading The Tribunal Letter! Subscribe for free to receive new posts.",
      "© 2025 Marguerite Oyelaran-Fisk",
      "Privacy ∙ Terms ∙ Collection notice", "",
    })
    assert.are.same({ "Marguerite Oyelaran-Fisk" }, doc.authors)
    assert.are.equal("The Tribunal Letter", doc.outlet)
  end)
end)

describe("clean meta round 22: a logo's image file name beside the masthead", function()
  local body = {
    "   LINDEN FALLS — For three quarters on Friday night, Harlow Creek looked like the better team. Then",
    "   Linden Falls' defense made the one play it needed.",
    "",
    "   Senior linebacker Tavian Mercer stopped the Hawks' running back a yard short on fourth down",
    "   with 1:10 left, and Linden Falls held on for a 24-21 district win before a sellout crowd.",
    "",
    "   \"I saw the hole open and I went,\" Mercer said. \"Coach told us all week they would run that",
    "   play on that down.\"",
    "",
    "   Linden Falls trailed 21-10 early in the fourth quarter before quarterback Eli Varga led two",
    "   scoring drives in just over five minutes.",
    "",
  }
  local function dump(top, foot)
    local t = {}
    for _, l in ipairs(top) do t[#t + 1] = l end
    for _, l in ipairs(body) do t[#t + 1] = l end
    for _, l in ipairs(foot) do t[#t + 1] = l end
    -- (the dump's list of links, which tells its link numbers)
    t[#t + 1] = "References"
    t[#t + 1] = ""
    for k = 1, 8 do t[#t + 1] = ("   %d. https://www.example.org/link/%d"):format(k, k) end
    return lines(t)
  end

  it("cuts the image's name from the masthead's outlet", function()
    local doc = run(dump({
      "   [1]Skip to main content", "",
      "   [2]Quarry Ridge Prep Report [qrpr-logo.png]", "",
      "   [3]Football [4]Volleyball [5]Scores [6]Rankings", "",
      "Linden Falls holds off Harlow Creek 24-21 with late goal-line stand", "",
      "   By DARNELL OKAFOR",
      "   Posted Oct. 4, 2024 at 11:20 p.m. CDT", "",
    }, { "   (c) 2024 Quarry Ridge Prep Report. All rights reserved.", "" }))
    assert.are.equal("Quarry Ridge Prep Report", doc.outlet)
  end)

  it("takes a name of no outlet word beside its logo's file, under a cookie notice, when the page writes it again", function()
    local doc = run(dump({
      "   [1]Skip to content", "",
      "   We use cookies to make our website work and to help us understand how",
      "   people use it. [2]Accept all cookies [3]Manage preferences", "",
      "   [4]Harlow Wetlands Conservancy [harlow-logo.svg]", "",
      "   [5]Donate [6]Join [7]Shop", "",
      "Linden Falls holds off Harlow Creek 24-21 with late goal-line stand", "",
      "   Posted on 4 October 2024 by [8]Imogen Castellane", "",
    }, { "   Harlow Wetlands Conservancy, The Old Mill, Linden Falls.", "" }))
    assert.are.equal("Harlow Wetlands Conservancy", doc.outlet)
  end)

  it("takes no image's file name alone for the outlet", function()
    local outlet = require "docpipe.clean.outlet"
    local st = { meta = meta, dates = require("docpipe.clean.dates").new("en") }
    assert.is_nil(outlet.line({ text = "[qrpr-logo.png]", nw = 1 }, st))
    assert.are.equal("Quarry Ridge Prep Report", outlet.line({ text = "Quarry Ridge Prep Report [qrpr-logo.png]", nw = 5 }, st))
  end)
end)

describe("clean meta round 22: a masthead with its tagline after a dash", function()
  it("takes the masthead's name over a shorter copyright holder", function()
    local doc = run(lines {
      "Kanaal Circuit — Tech news from the river delta", "",
      "Menu   News   Reviews   Startups   Security   Podcast", "",
      "Dredging firm pauses sensor rollout after firmware flaw found", "",
      "By Maartje Lindqvist", "",
      "2025-03-11 09:40 CET", "",
      "A dredging company in the delta has stopped installing its new depth sensors after researchers found a flaw that lets anyone on the same network read their data.",
      "", "The firm said it expected to ship a fix within three weeks and had told its customers to keep the sensors off public networks until then.",
      "", "The flaw was found by two researchers at a security company in the delta, who reported it to the firm in February.",
      "", "Get the Kanaal Circuit Daily in your inbox every weekday. Free, and you can unsubscribe at any time.",
      "", "© 2025 Kanaal Media B.V. · Chamber of Commerce no. 81234567", "",
    })
    assert.are.equal("Kanaal Circuit", doc.outlet)
  end)
end)

describe("clean meta round 22: a present-tense caption over the dateline paragraph", function()
  it("reads a caption closing on the day the picture was taken as a caption", function()
    assert.is_true(meta.caption_like("Grower Osric Blackwood checks a row of wilting vines on his plot near Pell Hill, last Tuesday."))
    assert.is_false(meta.caption_like("The council passed the budget on Tuesday."))
  end)

  it("reads the dateline of the paragraph under it", function()
    local doc = run(lines {
      "The Pell Valley Courier", "",
      "Vine growers count losses as leaf blight spreads", "",
      "By Desmond Achebe-Lowe", "",
      "Published: Feb 11, 2025 12:05 AM EST", "",
      "Grower Osric Blackwood checks a row of wilting vines on his plot near Pell Hill, last Tuesday.", "",
      "ASHGROVE, Westmere — Vine growers in the hills of northern Westmere say a fast-spreading leaf blight has damaged as much as a third of this year's crop.", "",
      "The disease, which turns the leaves brown before the vines wilt, was first reported in two districts in early January.", "",
      "\"Half of what I planted is gone,\" said Blackwood, who has farmed near Pell Hill for 31 years.", "",
    })
    assert.are.equal("ASHGROVE, Westmere", doc.dateline)
  end)
end)
