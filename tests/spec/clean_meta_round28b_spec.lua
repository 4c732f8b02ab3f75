-- Specs of the clean stage's metadata kinds of development sets h81 to h88 (outlets,
-- authors, titles): a release's labels joined by a dash are never the headline; a
-- site's own banner under an account's prompt names the outlet; a copyright holder
-- with a curly apostrophe; a top bar opening on the day's date and a site's several
-- skip links are passed over to the masthead; a publication over its tagline naming
-- its publisher; a byline's team opening on the masthead's acronym; "The" not added
-- from a footer's sentence when the copyright sign writes the name without it; an
-- office after a byline's comma ("Harbour Master") is a job; a Malay name holding
-- "Haji" is a name. Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run = pages.run

local body = pages.paragraphs

local page = pages.stacked

local PARAS = pages.ROAD

describe("clean meta round 28b: titles", function()
  it("never takes a release's labels joined by a dash as the headline", function()
    local doc = run(page({
      "Skip to Main Content",
      "Sign in to your account - save your searches and more.",
      "DUNMARROW DISTRICT",
      "Home | Services | News | Contact",
      "District News",
      "PRESS RELEASE – FOR IMMEDIATE RELEASE",
      "Council agrees harbour road repairs before the autumn storms",
      "March 3, 2025, 10:15 a.m. EST",
      "",
    }, PARAS, { "Dunmarrow District | 4 Quay Street | Dunmarrow" }))
    assert.are.equal("Council agrees harbour road repairs before the autumn storms", doc.title)
  end)
end)

describe("clean meta round 28b: outlets", function()
  it("reads the outlet from a site's own banner under an account's prompt", function()
    local doc = run(page({
      "Skip to Main Content",
      "Create an Account - Manage alerts, save forms and more.",
      "Sign In",
      "HALLORAN BAY DISTRICT",
      "Official Website of Halloran Bay District, Oregon",
      "Government | Departments | Community | Business",
      "",
      "Council agrees harbour road repairs before the autumn storms",
      "March 3, 2025, 10:15 a.m. PST",
      "",
    }, body(
      "Halloran Bay District council voted on Tuesday to repair the old harbour road before the autumn storms, after residents complained about potholes for two winters.",
      "Work will begin next month and is expected to take about six weeks, with one lane kept open to traffic during the day.",
      "The repairs will be paid for from the roads budget and a grant from the regional fund, the council's finance officer said."),
      { "Halloran Bay District | 12 Pier Road | Halloran Bay, OR" }))
    assert.are.equal("Halloran Bay District", doc.outlet)
  end)

  it("reads a copyright holder holding a curly apostrophe", function()
    local doc = run(page({
      "Member Login | Join Us",
      "",
      "Harbour road to be repaired before autumn",
      "By Ailsa Brodie",
      "Posted 3rd March 2025 at 10:15 GMT",
      "",
    }, PARAS, { "© 2025 Carrick Rovers Supporters’ Association | Privacy | Contact" }))
    assert.are.equal("Carrick Rovers Supporters’ Association", doc.outlet)
  end)

  it("passes over a top bar opening on the day's date to the masthead", function()
    local doc = run(page({
      "Wednesday, October 8, 2025          e-Paper | Subscribe | Log in",
      "",
      "LINDARA MARKETS WEEKLY",
      "Business news from the coast and beyond",
      "",
      "Home  Markets  Companies  Farming  Banking  Energy  Opinion",
      "",
      "FARMING",
      "",
      "Harbour road to be repaired before autumn",
      "",
      "Ama Osei-Bonsu | Senior Markets Reporter",
      "Wednesday, October 8, 2025 | 08:15 GMT",
      "",
    }, PARAS, {
      "Subscribe for unlimited access to Lindara Markets Weekly.",
      "",
      "About Us | Advertise | Contact Us | Terms and Conditions",
    }))
    assert.are.equal("Lindara Markets Weekly", doc.outlet)
  end)

  it("passes over a site's several skip links to the masthead", function()
    local doc = run(page({
      "Skip to global navigation",
      "Skip to this site navigation",
      "Skip to the main content",
      "Skip to this site information section",
      "Fenwater Gorge State Park",
      "Nevada",
      "",
      "Fenwater Gorge State Park to repair harbour road before autumn",
      "News Release Date: March 3, 2025",
      "",
    }, body(
      "Crews at Fenwater Gorge State Park will repair the old harbour road before the autumn storms, after visitors complained about potholes for two winters.",
      "Work will begin next month and is expected to take about six weeks, with one lane kept open to traffic during the day."),
      { "Contact Us" }))
    assert.are.equal("Fenwater Gorge State Park", doc.outlet)
  end)

  it("takes a publication over its tagline naming its publisher", function()
    local doc = run(page({
      "Skip to content",
      "Village of Orrin Falls",
      "Home Residents Council Services Contact Us",
      "Orrin Falls Courier",
      "News from the Village of Orrin Falls",
      "Courier home › Council News",
      "",
      "Harbour road to be repaired before autumn",
      "By Ruth Calloway",
      "May 15, 2024 at 3:00 p.m. EDT",
      "",
    }, PARAS, { "© 2024 Village of Orrin Falls. All rights reserved." }))
    assert.are.equal("Orrin Falls Courier", doc.outlet)
  end)

  it("reads a byline's team opening on the masthead's acronym as the masthead", function()
    local doc = run(page({
      "Skip to content",
      "Pallister Snow Safety Centre",
      "",
      "Harbour road to be repaired before autumn",
      "By PSSC Field Staff",
      "March 3, 2025",
      "",
    }, PARAS, { "© 2025 Pallister Snow Safety Centre | Privacy" }))
    assert.are.equal("Pallister Snow Safety Centre", doc.outlet)
  end)

  it("adds no 'The' from a footer's sentence when the copyright sign writes the name without it", function()
    local doc = run(page({
      "BRACKEN VALE LAND REPORT",
      "Independent reporting on land and water in the vale",
      "",
      "Harbour road to be repaired before autumn",
      "By Tessa Vane, Bracken Vale Land Report",
      "July 9, 2024",
      "",
    }, PARAS, { "The Bracken Vale Land Report is a reader-supported newsletter. © 2024 Bracken Vale Land Report LLC. All rights reserved." }))
    assert.are.equal("Bracken Vale Land Report", doc.outlet)
  end)
end)

describe("clean meta round 28b: authors", function()
  it("reads an office after a byline's comma as the writer's job, no second author", function()
    local doc = run(page({
      "PORTHLEVEN MARINE TRUST",
      "",
      "Harbour road to be repaired before autumn",
      "Posted by Kerensa Trewin, Harbour Master",
      "3 March 2025",
      "",
    }, PARAS, { "© 2025 Porthleven Marine Trust" }))
    assert.are.same({ "Kerensa Trewin" }, doc.authors)
  end)

  it("reads a Malay name holding 'Haji' as a name", function()
    local doc = run(page({
      "THE TUTONG STAR",
      "",
      "Harbour road to be repaired before autumn",
      "Siti Aminah Haji Yusof | Senior Reporter",
      "Published : 22/05/2025 | 08:30 AM",
      "",
    }, PARAS, { "© 2025 The Tutong Star" }))
    assert.are.same({ "Siti Aminah Haji Yusof" }, doc.authors)
  end)
end)
