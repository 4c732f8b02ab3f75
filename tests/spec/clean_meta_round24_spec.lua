-- Specs of the clean stage's metadata kinds of development sets h73 and h74: a site's
-- menu run together with a hyphenated item and a link in another script; Bangladesh's
-- "BdST" zone; an editor's label credit beside the paper's imprint; an office of a
-- body ("Water Quality Committee Chair", "Fair Board Secretary") as a role, never a
-- name or a headline; a newsletter's table of contents ("In this issue: ...") over the
-- headline; a copyright holder closed by a middle dot; a dateline's agency kept as the
-- dateline writes it. Pending: a byline's last comma piece naming the masthead in
-- capitals, and two "NAME | ROLE" lines, one a writer (both need the stage's header
-- reading). Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")

local P1 = "At least 60 homes and a school have been washed away by the Kolanadi river in Ramgarh upazila over the past week, as the swollen river eats into its western bank."
local P2 = "The worst-hit villages are Char Doulat and Paschim Ghona, where some 700 families have moved their belongings onto the embankment, local officials said."
local P3 = "\"We have moved three times in five years,\" said Amena Begum, 52, sitting beside the few things she managed to save."
local P4 = "The regional water development office said geo-bags were being dumped at the two most vulnerable points along the bank."

describe("clean meta round 24: a daily's header over its menu", function()
  local function daily(published, footer)
    return lines {
      "Daily Kolanadi Sentinel",
      "Friday, August 8, 2025",
      "Home National Politics Business Country Sports Opinion Lifestyle Tech E-paper বাংলা",
      "E-paper | Sign In | Subscribe",
      "Country",
      "River erosion swallows 60 homes in Ramgarh in a week",
      "Farid Hossain Talukder, Ramgarh",
      published,
      P1, P2, P3, P4,
      "Topics: river erosion, Ramgarh",
      footer,
      "© 2025 Daily Kolanadi Sentinel. All rights reserved.",
    }
  end

  it("reads a menu run together with a hyphenated item and a link in another script as a menu", function()
    assert.is_true(meta.menu_line("Home National Politics Business Country Sports Opinion Lifestyle Tech E-paper বাংলা"))
    assert.is_true(meta.menu_line("Home News Sport Well-being Travel"))
    -- (a headline in title case, a dash between spaces, two words of another script)
    assert.is_false(meta.menu_line("Storm Hits Home Counties Hard"))
    assert.is_false(meta.menu_line("Home News - Sport Business"))
    assert.is_false(meta.menu_line("Home News বাংলা हिन्दी Sport"))
  end)

  it("reads BdST as Bangladesh time, and the labelled published time over the masthead's date", function()
    local doc = run(daily("Published: 07 Aug 2025 09:15 AM BdST | Updated: 07 Aug 2025 07:40 PM BdST",
      "Editor: Nasrin Akhter Chowdhury | Published by Kolanadi Sentinel Publications Ltd"))
    assert.are.equal("2025-08-07T09:15:00+06:00", doc.date)
    assert.are.equal("River erosion swallows 60 homes in Ramgarh in a week", doc.title)
    assert.are.same({ "Farid Hossain Talukder" }, doc.authors)
  end)

  it("takes no contributor from an editor's label credit beside the paper's imprint", function()
    assert.is_nil(meta.contributors("Editor: Nasrin Akhter Chowdhury | Published by Kolanadi Sentinel Publications Ltd"))
    -- (an editing credit of its own still is one)
    assert.are.same({ "Nasrin Akhter Chowdhury" }, meta.contributors("Editor: Nasrin Akhter Chowdhury"))
    local doc = run(daily("Published: 07 Aug 2025 09:15 AM BdST",
      "Editor: Nasrin Akhter Chowdhury | Published by Kolanadi Sentinel Publications Ltd"))
    assert.are.same({}, doc.contributors)
  end)
end)

describe("clean meta round 24: an office of a body", function()
  local Q1 = "Volunteers who surveyed Lake Ossining over the long weekend found zebra mussels at three new locations in the east basin, the association's water quality committee reported this week."
  local Q2 = "The new colonies were found on the public dock at Birch Road and along the rocky point south of the campground, at depths of four to eight feet."
  local Q3 = "In all, 28 volunteers in 11 boats checked 160 points around the lake, the largest survey the association has run."

  it("reads an office of a named body as a role, never a name", function()
    assert.is_true(meta.is_role_line("Water Quality Committee Chair"))
    assert.is_true(meta.is_role_line("Roads and Trails Board Secretary"))
    assert.is_true(meta.body_office("Harbour Trust Board Chair"))
    -- (a given name first, no body's head word before the job, a body alone)
    assert.is_false(meta.body_office("Jenna Board Secretary"))
    assert.is_false(meta.body_office("Water Quality Chair"))
    assert.is_false(meta.body_office("Roads and Trails Board"))
  end)

  it("reads the name over it as the author, and a table of contents as no headline", function()
    assert.is_true(meta.title_furniture("In this issue: Zebra mussel survey * Regatta results * Board election notice"))
    assert.is_false(meta.title_furniture("Zebra mussels found at three new spots in the east basin"))
    local doc = run(lines {
      "LAKE OSSINING ASSOCIATION",
      "Marlow County, Michigan",
      "Home | About Us | Membership | Lake Maps | Events | Contact",
      "",
      "NEWSLETTER -- Summer 2025",
      "",
      "In this issue: Zebra mussel survey results * Regatta results * Board election notice",
      "",
      "Zebra mussels found at three new spots in the east basin",
      "Halvard Ostrowski",
      "Water Quality Committee Chair",
      "Posted June 12, 2025 8:30 a.m. EDT",
      "",
      Q1, "", Q2, "", Q3, "",
      "Copyright 2025 Lake Ossining Association",
    })
    assert.are.equal("Zebra mussels found at three new spots in the east basin", doc.title)
    assert.are.same({ "Halvard Ostrowski" }, doc.authors)
  end)

  it("reads a byline's last comma piece naming an office of a body as the writer's job", function()
    local by = meta.byline("By Odessa Fenwright, Fair Board Secretary")
    assert.are.same({ "Odessa Fenwright" }, by.authors)
    local doc = run(lines {
      "Quarry Hollow Fair", "",
      "Heat rules for livestock barns this year", "",
      "By Odessa Fenwright, Fair Board Secretary",
      "July 2, 2025", "",
      "Barns will open their side doors from noon on any day the forecast reaches 88 degrees, the board decided at its June meeting.", "",
      "Exhibitors must water their animals every two hours and keep a log the barn superintendent will check each evening.", "",
      "Fans will be provided for every pen in the swine and sheep barns, paid for by a grant from the county farm bureau.",
    })
    assert.are.same({ "Odessa Fenwright" }, doc.authors)
  end)
end)

describe("clean meta round 24: outlets", function()
  local R1 = "Strong winds did not stop a record entry of 96 dogs at the society's summer trial on Saturday, held on the hill above Nant Isaf farm."
  local R2 = "Course director Emrys Vaughan set a testing course with a 400-yard outrun, and only a handful of dogs finished the shed inside the time."
  local R3 = "Local handler Ifan Rhys-Morgan took the open title with his young dog Nell, losing only six points on the course."

  it("ends a copyright holder at a middle dot", function()
    local doc = run(lines {
      "Cymdeithas Treialon Cŵn Defaid Dyffryn Eithin",
      "Dyffryn Eithin Sheepdog Trials Society",
      "Hafan / Home Treialon / Trials Canlyniadau / Results Cysylltu / Contact",
      "",
      "« Back to News",
      "",
      "Rhys-Morgan and Nell take the Open at a windswept Dyffryn Eithin trial",
      "Posted by Gwenno Prys-Hughes on Sat 23rd August 2025",
      "",
      R1, "", R2, "", R3, "",
      "© 2025 Dyffryn Eithin Sheepdog Trials Society · Registered charity no. 1098765 · Website by Cwm Digital",
    })
    assert.are.equal("Dyffryn Eithin Sheepdog Trials Society", doc.outlet)
  end)

  it("keeps a dateline's agency as the dateline writes it, though the footer adds \"The\"", function()
    local doc = run(lines {
      "View this email in your browser | Forward to a colleague",
      "",
      "THE HARBOUR LEDGER",
      "Port business, in English, before the market opens",
      "Issue #88",
      "",
      "------------------------------------------------------------",
      "",
      "SHIPPING",
      "",
      "Grain terminals pause expansion as export tax talks drag on",
      "",
      "Tomasz Wierzbicki",
      "Shipping Editor",
      "2024-09-04 08:30 BRT",
      "",
      "PONTA GROSSA, Parana (Harbour Ledger) -- Two of the state's largest grain terminals have put expansion plans on hold until the export tax is settled, executives told the Harbour Ledger.",
      "",
      "The pause affects projects worth about 900 million reais, according to figures the companies shared with the newsletter.",
      "",
      "\"We cannot build on a promise,\" said one terminal's finance director, who asked not to be named.",
      "",
      "(c) 2024 The Harbour Ledger. All rights reserved.",
    })
    assert.are.equal("Harbour Ledger", doc.outlet)
  end)

  -- a byline name written as the masthead in capitals is the outlet
  -- (stages/clean.lua, the byline-outlet step)
  it("reads a byline's last comma piece written as the masthead in capitals as the outlet", function()
    local doc = run(lines {
      "KAMPALA TOUCHLINE", "The Sports Weekly", "",
      "Nsambya Rangers edge Mukono Lions to go top",
      "By Okello Ssentamu and Nabirye Atim, Kampala Touchline",
      "Sunday, 14 September 2025, 18:30 EAT", "",
      "A header from substitute Joel Kato three minutes from time gave Nsambya Rangers a 1-0 win over Mukono Lions on Sunday.", "",
      "Rangers, who had lost once all season, looked set for a frustrating afternoon after the Lions held firm for 85 minutes.", "",
      "Coach Patrick Odoi's decision to bring on the 19-year-old Kato paid off when he rose to meet a corner at the far post.",
    })
    assert.are.same({ "Okello Ssentamu", "Nabirye Atim" }, doc.authors)
    assert.are.equal("Kampala Touchline", doc.outlet)
  end)

  -- a name line under a name line read as a byline, both "NAME | ROLE", is a second
  -- author (stages/clean.lua, the header's byline loop)
  it("reads two \"NAME | ROLE\" lines as two authors", function()
    local doc = run(lines {
      "Schuman Quarter", "",
      "Negotiators strike deal on cross-border hydrogen networks directive", "",
      "Jorien Van Acker | Senior Energy Correspondent",
      "Wouter Claeskens | Reporter",
      "Published 2025-04-09 17:05 CEST", "",
      "BRUSSELS — Negotiators from the European Parliament and the Council reached a provisional deal early on Wednesday on rules for cross-border hydrogen networks.", "",
      "The deal was struck at around 3:40 a.m. after a 14-hour session, diplomats said.", "",
      "Member states will have two years to map their networks and open them to third-party suppliers.",
    })
    assert.are.same({ "Jorien Van Acker", "Wouter Claeskens" }, doc.authors)
  end)

  -- (regression of the first version: a role alone, in a language the role lists do not
  -- hold, under the name became a second author)
  it("reads a role line in another language under the byline's name as no author", function()
    local doc = run(lines {
      "Papur Bro Dyffryn Tawel", "",
      "Village hall reopens after two-year restoration", "",
      "Elinor Rhys-Pugh",
      "Gohebydd Lleol",
      "Published 2025-03-14 10:20 GMT", "",
      "The village hall in Pentre Isaf reopened on Saturday after a two-year restoration paid for by a community share offer and a lottery grant.", "",
      "More than 200 people attended the opening, organisers said.", "",
      "The hall will host a weekly market from next month.",
    })
    assert.are.same({ "Elinor Rhys-Pugh" }, doc.authors)
  end)
end)
