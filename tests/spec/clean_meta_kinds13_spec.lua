-- Specs of the clean stage's metadata for the failure kinds found on blind set N:
-- a page's numeric dates telling their own order, an episode's label over a
-- headline, a bureau of the paper after a byline's names, a team with a weekday in a
-- "Posted by" line, and an "Editor:" line among a paper's imprint lines.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")
local dates = require("docpipe.clean.dates").new("en")

local P1 = "The council of Varnsby voted on Monday to close the old tram depot on Quarry Street and move its workshops to a new site beside the ring road by the end of next year."
local P2 = "Councillors said the depot, opened in 1911, would cost about 4 million crowns to repair, and that the new site would let the city run longer trams on its busiest lines."
local P3 = "\"We have kept this building going for as long as we could, but it is no longer safe for the people who work there,\" said transport councillor Edda Rasmark."
local P4 = "The city said no jobs would be lost and that the old building would be offered for sale once the workshops had moved."

describe("clean meta: numeric dates tell their order", function()
  it("reads a page's ambiguous numeric dates day first when another has a first number over 12", function()
    assert.is_true(dates:day_first_hint("Posted 04.03.2026 09:10\nRelated: 28.02.2026\n"))
  end)

  it("reads them month first when another has a second number over 12", function()
    assert.is_false(dates:day_first_hint("Posted 04/03/2026\nRelated: 02/28/2026\n"))
  end)

  it("gives no order from numeric dates that disagree", function()
    assert.is_nil(dates:day_first_hint("28.02.2026 and 02.28.2026"))
  end)

  it("dates a dotted timestamp with no zone day first when a related story's date can only be", function()
    local doc = run(lines {
      "VARNSBY DAILY",
      "",
      "Council votes to close the old tram depot on Quarry Street",
      "",
      "By ANNIKA SOLBERG",
      "04.03.2026 09:10",
      "",
      P1, "", P2, "", P3, "", P4,
      "",
      "Related",
      "City budget leaves tram fares unchanged",
      "28.02.2026",
    })
    assert.are.equal("2026-03-04", doc.date)
  end)

  it("keeps the numeric_dates option over the page's numeric dates", function()
    local doc = run(lines {
      "VARNSBY DAILY", "",
      "Council votes to close the old tram depot on Quarry Street", "",
      "By ANNIKA SOLBERG", "04.03.2026 09:10", "",
      P1, "", P2, "", P3, "", P4, "", "Related", "City budget leaves tram fares unchanged", "28.02.2026",
    }, { numeric_dates = "mdy" })
    assert.are.equal("2026-04-03", doc.date)
  end)
end)

describe("clean meta: an episode's label is no headline", function()
  it("reads an episode's or an issue's label, with a duration, as title furniture", function()
    assert.is_true(meta.title_furniture("Episode 52 · 41 min"))
    assert.is_true(meta.title_furniture("Ep. 7"))
    assert.is_true(meta.title_furniture("Season 3, Episode 11"))
    assert.is_true(meta.title_furniture("Issue 19"))
    assert.is_true(meta.title_furniture("Episode 9 | 27:45"))
  end)

  it("does not read a headline opening with an episode's label as furniture", function()
    assert.is_false(meta.title_furniture("Episode 52: Why the trams are leaving Varnsby"))
  end)

  it("takes the headline under an episode's label as the title", function()
    local doc = run(lines {
      "Varnsby Radio",
      "News · Culture · Podcasts",
      "",
      "PODCASTS / CITY LINES",
      "",
      "Episode 52 · 41 min",
      "",
      "Why Varnsby's tram depot could not be saved",
      "",
      "By Oskar Lindqvar · Producer",
      "3 days ago",
      "",
      P1, "", P2, "", P3, "", P4,
    })
    assert.are.equal("Why Varnsby's tram depot could not be saved", doc.title)
  end)
end)

describe("clean meta: a desk of the paper is no outlet", function()
  it("takes the masthead, not a bureau after the byline's names, as the outlet", function()
    local doc = run(lines {
      "The Marrowfield Courier",
      "",
      "News | Politics | Sports | Opinion",
      "",
      "House approves ferry fare freeze after long debate",
      "",
      "By Renata Okoro and Jamal Whitby, Capitol Bureau",
      "",
      "03/11/2026 4:20 PM ET",
      "",
      P1, "", P2, "", P3, "", P4,
    })
    assert.are.equal("The Marrowfield Courier", doc.outlet)
    assert.are.same({ "Renata Okoro", "Jamal Whitby" }, doc.authors)
  end)

  it("reads no outlet from a bureau, a team or a newsroom in a byline, nor a weekday before its date", function()
    local b = meta.byline("By Renata Okoro, Capitol Bureau", dates)
    assert.are.same({ "Renata Okoro" }, b.authors)
    assert.is_nil(b.outlet)
    b = meta.byline("Posted by Newsroom on Wed 11 Mar 2026", dates)
    assert.is_nil(b and b.outlet)
    b = meta.byline("Posted by Press Office Team on Thursday, 12 March 2026", dates)
    assert.is_nil(b and b.outlet)
    b = meta.byline("By Renata Okoro on Sunday, 8 March 2026", dates)
    assert.are.same({ "Renata Okoro" }, b.authors)
  end)

  it("keeps an organisation's name closing on Bureau as a masthead", function()
    assert.is_false(meta.is_desk("Marrowfield County Farm Bureau"))
  end)

  it("takes no team and no weekday from a posted-by line, and the masthead under the hours line", function()
    local doc = run(lines {
      "We use cookies to improve your visit. Accept all | Manage preferences",
      "",
      "Open today 10:00am – 6:00pm | Last entry 5:00pm",
      "",
      "Hollin Bay Aquarium & Gardens",
      "",
      "Visit", "Animals", "Support us",
      "",
      "Otter pups born at Hollin Bay for the first time in a decade",
      "",
      "Posted by Press Office Team on Thursday, 12 March 2026",
      "",
      P1, "", P2, "", P3, "", P4,
      "",
      "Hollin Bay Aquarium & Gardens, Pier Road, Hollin Bay",
      "© Hollin Bay Marine Trust 2026",
    })
    assert.are.equal("Hollin Bay Aquarium & Gardens", doc.outlet)
    assert.are.same({}, doc.authors)
    assert.are.equal("2026-03-12", doc.date)
  end)
end)

describe("clean meta: a paper's imprint names no contributor", function()
  it("reads a paper's imprint lines", function()
    assert.is_true(meta.imprint_line("Printed and published by the editor for Varnsby Media Ltd"))
    assert.is_true(meta.imprint_line("Publisher: Halvard Ekse"))
    assert.is_true(meta.imprint_line("Registration No. 1187"))
    assert.is_false(meta.imprint_line("The city said it published the plans on Monday."))
  end)

  it("takes no contributor from an Editor line among the imprint at the page's foot", function()
    local doc = run(lines {
      "Varnsby Daily Post", "",
      "Council votes to close the old tram depot on Quarry Street", "",
      "By Annika Solberg", "4 March 2026", "",
      P1, "", P2, "", P3, "", P4,
      "",
      "Related News",
      "City budget leaves tram fares unchanged",
      "",
      "Editor: Halvard Ekse",
      "Published by the editor on behalf of Varnsby Media Ltd, 12 Kanal Street, Varnsby",
      "News: +47-555-0101 | Advertising: ads@varnsbypost.example",
      "© 2026 Varnsby Daily Post. All rights reserved.",
    })
    assert.are.same({}, doc.contributors)
  end)

  it("still takes an Editor line under a release's body as a contributor", function()
    local doc = run(lines {
      "Varnsby City Council", "",
      "Council votes to close the old tram depot on Quarry Street", "",
      "4 March 2026", "",
      P1, "", P2, "", P3, "", P4,
      "",
      "Editor: Halvard Ekse",
      "",
      "Related Terms",
    })
    assert.are.same({ "Halvard Ekse" }, doc.contributors)
  end)
end)
