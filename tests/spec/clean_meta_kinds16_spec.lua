-- Specs of the clean stage's metadata for the failure kinds found on blind sets Q and
-- R (batch 16): a labelled publication date in one field of a line of fields set apart
-- by bars ("Posted: ... | Category: ...", "Media release | Date of publication: ... |
-- Reference: ...") missed, or beaten by a date in a highlight; a weather or tide
-- widget's readings ("Wind: SW 58mph  Next high water: 17.42") taken as the headline;
-- a language switch ("Cymraeg") taken as the masthead; and a masthead naming a place
-- ("... International Airport") whose copyright holder is the organisation publishing
-- the page ("... International Airport Authority"). Every page below is invented
-- (fictional towns, people and outlets).

local dp = require "docpipe"
local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")
local dates = require("docpipe.clean.dates").new("en")

local W = {
  "Walkers on the Tollen Ridge path will have to take a signed detour for six weeks from Monday while rangers rebuild a stretch of the trail that slipped in the February storms.",
  "The rangers said about 300 metres of the path above Corrie Bheag had moved downhill and that the ground beneath it was still too wet to walk on safely.",
  "\"We know how much people love this route, and we would rather close it for a few weeks than see someone hurt,\" said head ranger Fennella Strang.",
  "The detour adds about 40 minutes to the full ridge walk and follows the old drove road past the Achtoran bothy.",
}

local R = {
  "The Larchmont Water Commission has approved a 2.4 per cent increase in household water charges from 1 July, below the 5.9 per cent rise the utility asked for in its plan.",
  "The commission said the utility had not shown that all of its planned spending on new meters was needed in the next three years.",
  "\"Households should pay for what the network needs and nothing more,\" said commission chair Odile Marchetti.",
  "A typical household will pay about $31 more a year under the draft decision.",
}

local F = {
  "Ferry services between Hallsay and the mainland were cancelled for a third day on Wednesday as gales of up to 70mph swept the west coast.",
  "The operator said no sailings would run before Thursday afternoon at the earliest and that freight would go first when the weather eased.",
  "\"The shelves are getting very thin now,\" said Marsaili Budge, who runs the shop at Baile Ard.",
  "Forecasters expect the wind to drop overnight on Thursday.",
}

local C = {
  "Ardcarrig County Council will close the Kilbrannan road at Drumlea for three weekends in March while a culvert under the road is replaced.",
  "The council said the old stone culvert had partly collapsed in the January floods and could no longer carry the stream safely.",
  "A signed diversion will run through Ballyfern, adding about ten minutes to journeys.",
  "Local access for residents will be kept at all times.",
}

local P = {
  "Harrowgate Port will open a new cruise terminal in May, the port authority said on Monday, after two years of building on the old timber wharf.",
  "The terminal can handle ships carrying up to 3,000 passengers and has a coach park for 40 coaches.",
  "\"This is the biggest change to the waterfront in fifty years,\" said chief executive Ottoline Grieve.",
  "The first cruise call is booked for 12 May.",
}

local with_body = pages.page

describe("clean dates: a labelled publication date in a line of fields", function()
  it("reads the date of a Posted field before other fields", function()
    assert.are.equal("2026-03-14T08:15:00+00:00",
      dates:field_published("Posted: 14 March 2026 08:15 GMT | Category: Paths, Access | Tags: ridge, detour"))
  end)

  it("reads the date of a Date of publication field between other fields", function()
    assert.are.equal("2025-10-09",
      dates:field_published("Press statement | Date of publication: 9 October 2025 | Ref: PS/2025/118"))
  end)

  it("reads a Posted on field with a numeric date and a time among dots", function()
    assert.are.equal("2026-05-21", dates:field_published("Filed under: Harbour · Posted on 21/05/2026 at 14:05 · 6 comments", true))
  end)

  it("reads no publication date from an updated field or a line without fields", function()
    assert.is_nil(dates:field_published("Page ID: 4471 | Last updated: 10 October 2025"))
    assert.is_nil(dates:field_published("Posted: 14 March 2026 08:15 GMT"))
    assert.is_nil(dates:field_published("Consultation | Submissions close on 30 November 2025 | Ref: C/118"))
    -- (a teaser's headline beside its date: no line of fields)
    assert.is_nil(dates:field_published("Posted 20 Nov 2026 | Ferry timetable changes for the winter holidays on all island routes"))
  end)

  it("takes more labels from the published_labels option", function()
    local d = require("docpipe.clean.dates").new("en", { "Date de publication" })
    assert.are.equal("2025-10-09", d:field_published("Communiqué | Date de publication: 9 October 2025 | Réf. 118"))
  end)

  it("dates a page by a footer field line when the header gives only a relative time", function()
    local doc = run(with_body({
      "Tollen Hillwalkers' Club", "Home | Walks | Club nights | Gallery | Join", "", "Club news", "",
      "Tollen Ridge path to close for six weeks of repairs", "3 hours ago", "", "Words by Ailsa Drummond",
    }, W, {
      "Posted: 14 March 2026 08:15 GMT | Category: Paths, Access | Tags: ridge, detour", "",
      "Tollen Hillwalkers' Club is run by volunteers.", "Privacy | Contact | Site by Cairnweb",
    }))
    assert.are.equal("2026-03-14T08:15:00+00:00", doc.date)
    assert.are.equal("Tollen Ridge path to close for six weeks of repairs", doc.title)
  end)

  it("dates a release by its field line, not by a date in a highlight under it", function()
    local doc = run(with_body({
      "Skip to content", "", "Larchmont Water Commission", "", "About   Decisions   Consultations   Media", "",
      "Home > Media > Statements", "",
      "Commission approves smaller rise in household water charges", "",
      "Press statement | Date of publication: 9 October 2025 | Ref: PS/2025/118", "",
      "Key points", "", "- Charges to rise 2.4 per cent from 1 July", "- Consultation on the draft closes on 30 November 2025",
    }, R, { "Last updated: 10 October 2025", "", "© Larchmont Water Commission" }))
    assert.are.equal("2025-10-09", doc.date)
  end)

  it("takes no date from a highlight's date under the headline", function()
    local doc = run(with_body({
      "Skip to content", "", "Larchmont Water Commission", "", "About   Decisions   Consultations   Media", "",
      "Commission approves smaller rise in household water charges", "",
      "Key points", "", "- Charges to rise 2.4 per cent from 1 July", "- Consultation on the draft closes on 30 November 2025",
    }, R, { "© Larchmont Water Commission" }))
    assert.are.equal(dp.null, doc.date)
  end)

  it("takes no date from field lines that give different dates (a comment thread)", function()
    local doc = run(with_body({
      "Tollen Hillwalkers' Club", "Home | Walks | Club nights | Gallery | Join", "",
      "Tollen Ridge path to close for six weeks of repairs", "", "Words by Ailsa Drummond",
    }, W, {
      "Comments", "",
      "Great news, it was getting dangerous up there.", "Hamish | Posted: 15 March 2026 09:02", "",
      "About time too.", "Morag | Posted: 16 March 2026 18:40", "",
      "Privacy | Contact | Site by Cairnweb",
    }))
    assert.are.equal(dp.null, doc.date)
  end)
end)

describe("clean meta: a widget's readings are no headline", function()
  it("reads weather and tide fields as readings", function()
    assert.is_true(meta.reading_line("Wind: SW 58mph Next high water: 17.42"))
    assert.is_true(meta.reading_line("Weather: 9°C Light rain Wind: W 41mph"))
    assert.is_true(meta.reading_line("High water: 06:12 (4.1m) Low water: 12:30 (0.8m)"))
  end)

  it("reads a headline with a colon and a figure as no reading", function()
    assert.is_false(meta.reading_line("Storm Morag: 70mph gusts cancel Hallsay ferry for third day"))
    assert.is_false(meta.reading_line("Budget 2026: council freezes parking charges"))
    assert.is_false(meta.reading_line("Ferry cancelled for third day as gales batter Hallsay"))
  end)

  it("takes the headline under a weather widget, not the widget", function()
    local doc = run(lines {
      "THE HALLSAY NEWS", "News from the western isles", "News   Sport   Notices   Jobs",
      "Weather: 9°C Light rain  Wind: W 41mph",
      "Ferry cancelled for third day as gales batter Hallsay",
      "By Ruairidh MacLeod", "Wednesday, 11 February 2026 at 9:14am",
      F[1], F[2], F[3], F[4],
      "© The Hallsay News Ltd 2026",
    })
    assert.are.equal("Ferry cancelled for third day as gales batter Hallsay", doc.title)
    assert.are.equal("2026-02-11", doc.date)
  end)

  it("takes the headline under a tide widget whose label holds a reading's word", function()
    local doc = run(lines {
      "THE HALLSAY NEWS", "News from the western isles", "News   Sport   Notices   Jobs",
      "Wind: NW 35mph  Next high water: 06:12",
      "Ferry cancelled for third day as gales batter Hallsay",
      "Reporter: Ruairidh MacLeod", "Wednesday, 11 February 2026 at 9:14am",
      F[1], F[2], F[3], F[4],
      "© The Hallsay News Ltd 2026",
    })
    assert.are.equal("Ferry cancelled for third day as gales batter Hallsay", doc.title)
    assert.are.same({ "Ruairidh MacLeod" }, doc.authors)
  end)

  it("keeps a headline with a colon and a reading as the title", function()
    local doc = run(with_body({
      "THE HALLSAY NEWS", "News   Sport   Notices   Jobs", "",
      "Storm Morag: 70mph gusts cancel Hallsay ferry for third day", "",
      "By Ruairidh MacLeod", "Wednesday, 11 February 2026 at 9:14am",
    }, F, { "© The Hallsay News Ltd 2026" }))
    assert.are.equal("Storm Morag: 70mph gusts cancel Hallsay ferry for third day", doc.title)
  end)

  it("takes more reading words from the reading_words option", function()
    local m = require("docpipe.clean.meta").new("en", nil, nil, { reading_words = { "swell" } })
    assert.is_true(m.reading_line("Sea: 2.1m swell"))
    assert.is_false(meta.reading_line("Sea: 2.1m swell"))
  end)
end)

describe("clean meta: a language switch is no outlet", function()
  it("reads language names and codes as a language switch", function()
    assert.is_true(meta.language_switch("Cymraeg"))
    assert.is_true(meta.language_switch("Gaeilge"))
    assert.is_true(meta.language_switch("English | Français"))
    assert.is_true(meta.language_switch("EN | FR"))
    assert.is_true(meta.language_switch("Te reo Māori"))
    assert.is_false(meta.language_switch("Ardcarrig County Council"))
    assert.is_false(meta.language_switch("English Heritage"))
    assert.is_false(meta.language_switch("EN"))
  end)

  it("takes the masthead under a language switch as the outlet", function()
    local doc = run(with_body({
      "Skip to main content", "Gaeilge", "Ardcarrig County Council", "Comhairle Contae Ard Carraig", "Search", "",
      "Home › News", "", "Kilbrannan road to close for three weekends for culvert work", "",
      "Published: 19 February 2026",
    }, C, { "Contact us | Accessibility | Privacy", "© Ardcarrig County Council 2026" }))
    assert.are.equal("Ardcarrig County Council", doc.outlet)
    assert.are.equal("2026-02-19", doc.date)
  end)

  it("takes more language names from the language_names option", function()
    local m = require("docpipe.clean.meta").new("en", nil, nil, { language_names = { "Ruoktu" } })
    assert.is_true(m.language_switch("Ruoktu"))
    assert.is_false(meta.language_switch("Ruoktu"))
  end)
end)

describe("clean meta: the organisation publishing under a place's masthead", function()
  it("extends a masthead's name by the copyright holder's organisation head word", function()
    assert.are.equal("Harrowgate Port Authority", meta.org_extension("Harrowgate Port", "© Harrowgate Port Authority 2026"))
    assert.are.equal("Kelmoor Fire and Rescue Service",
      meta.org_extension("Kelmoor Fire and Rescue", "Copyright 2025 Kelmoor Fire and Rescue Service. All rights reserved."))
  end)

  it("keeps a publication's name and a holder without a head word", function()
    assert.is_nil(meta.org_extension("The Hallsay News", "© The Hallsay News Trust 2026"))
    assert.is_nil(meta.org_extension("Harrowgate Port", "© Harrowgate Port Holdings 2026"))
    assert.is_nil(meta.org_extension("Harrowgate Port", "Harrowgate Port Authority | Privacy"))
  end)

  it("takes the copyright holder's full name as the outlet under a shorter masthead", function()
    local doc = run(with_body({
      "Harrowgate Port", "Cargo   Cruise   Marinas   Media", "", "News release", "",
      "Harrowgate to open new cruise terminal in May", "", "Monday, 9 March 2026",
    }, P, { "Media contact: press@harrowgateport.example", "", "© Harrowgate Port Authority 2026" }))
    assert.are.equal("Harrowgate Port Authority", doc.outlet)
  end)

  it("takes more head words from the outlet_org_heads option", function()
    local m = require("docpipe.clean.meta").new("en", nil, nil, { outlet_org_heads = { "conservancy" } })
    assert.are.equal("Harrowgate Port Conservancy", m.org_extension("Harrowgate Port", "© Harrowgate Port Conservancy 2026"))
    assert.is_nil(meta.org_extension("Harrowgate Port", "© Harrowgate Port Conservancy 2026"))
  end)
end)
