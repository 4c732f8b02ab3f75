-- Specs of the clean stage's metadata for the failure kinds found on sets X and Y
-- (batch 20): a byline in capitals with letters beyond ASCII title-cased byte by byte
-- ("CÉLINE" -> "CÉline"); a release's contact line, with a phone number or an e-mail
-- address, taken for the headline; a contact label, and a role after the byline's dot,
-- taken for the outlet.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local ucase = require "docpipe.clean.ucase"

local P2 = "The ferry company said the vessel would be back in service by the end of the month after repairs to its bow door."
local P3 = "\"We are sorry for the trouble this causes islanders,\" said operations manager Teodor Vallance."
local P4 = "Passengers holding tickets for cancelled sailings can claim a full refund at the harbour office or online."

describe("clean meta: case beyond ASCII", function()
  it("lowers and raises accented, Greek and Cyrillic capitals", function()
    assert.are.equal("éloïse łukasz ørsted", ucase.lower("ÉLOÏSE ŁUKASZ ØRSTED"))
    assert.are.equal("ÉLOÏSE ŁUKASZ", ucase.upper("éloïse łukasz"))
    assert.are.equal("Ζωή Иван", ucase.title("ΖΩΉ ИВАН"))
  end)

  it("title-cases a byline in capitals with accented capitals inside its words", function()
    local doc = run(lines {
      "THE ISLAND COURIER", "",
      "Ferry withdrawn for a month after bow door damage", "",
      "By ANDRÉ DESCHÊNES-LAFLÈCHE", "",
      "PORT MERRIN — The only car ferry serving Halloran Island has been withdrawn for repairs after its bow door was damaged in a storm on Sunday night.",
      "", P2, "", P3, "", P4, "",
    })
    assert.are.same({ "André Deschênes-Laflèche" }, doc.authors)
  end)
end)

describe("clean meta: contact lines", function()
  it("does not take a release's contact line with a phone number for the headline", function()
    local doc = run(lines {
      "HALLORAN ISLAND FERRY COMPANY", "",
      "FOR IMMEDIATE RELEASE", "",
      "Contact: Mirela Odantz, Communications, (611) 555-0192, modantz@hiferry.example", "",
      "MV Corran Star withdrawn for bow door repairs", "",
      "PORT MERRIN — The only car ferry serving Halloran Island has been withdrawn for repairs after its bow door was damaged in a storm on Sunday night.",
      "", P2, "", P3, "", P4, "",
    })
    assert.are.equal("MV Corran Star withdrawn for bow door repairs", doc.title)
  end)

  it("passes over a contact line between a release's date and its headline", function()
    local doc = run(lines {
      "HALLORAN ISLAND FERRY COMPANY", "",
      "FOR IMMEDIATE RELEASE", "April 14, 2026 10:05 AM", "",
      "Contact: Mirela Odantz, Communications, +44 1632 960 118, modantz@hiferry.example", "",
      "Island ferry returns to service two weeks early", "",
      "Repairs to bow door finished ahead of schedule", "",
      "PORT MERRIN — The only car ferry serving Halloran Island will return to service on Friday, two weeks earlier than planned, the company said.",
      "", P2, "", P3, "", P4, "",
    })
    assert.are.equal("Island ferry returns to service two weeks early", doc.title)
  end)

  it("does not take a media contact line with an e-mail address for the headline", function()
    local doc = run(lines {
      "Halloran Island Council", "",
      "Media contact: press office, press@halloran.example", "",
      "Council sets aside emergency fund for stranded hauliers", "",
      "The council will pay overnight costs for lorry drivers stranded at Port Merrin while the island's only car ferry is repaired.",
      "", P2, "", P3, "", P4, "",
    })
    assert.are.equal("Council sets aside emergency fund for stranded hauliers", doc.title)
  end)

  it("does not take a contact label for the outlet but the organisation's masthead written once", function()
    local doc = run(lines {
      "Skip to main content",
      "Office of the Harbour Commissioner of Halloran",
      "Home", "About the Office", "Newsroom", "",
      "Home / Newsroom / Press Releases", "",
      "FOR IMMEDIATE RELEASE", "",
      "Contact: Press Office", "press@harbour.halloran.example", "(611) 555-0170", "",
      "Harbour Commissioner Fines Ferry Operator Over Late Safety Checks", "",
      "PORT MERRIN — The Harbour Commissioner today fined the Halloran Island Ferry Company for carrying out the safety checks of its bow door weeks late.",
      "", P2, "", P3, "", P4, "",
    })
    assert.are.equal("Office of the Harbour Commissioner of Halloran", doc.outlet)
  end)
end)

describe("clean meta: a role after the byline's dot", function()
  it("does not take the unit before a job after the byline's dot for the outlet", function()
    local doc = run(lines {
      "HALLORAN HARRIERS", "",
      "Fixtures", "Tickets", "Club Shop", "News", "",
      "Harriers hold on for a draw at Corran Park", "",
      "By Petronella Vask · Announcer & Media Relations Manager", "",
      "The Harriers came from a goal down to draw 1-1 at Corran Park on Saturday, their third draw in a row.",
      "", P2, "", P3, "", P4, "",
    })
    assert.are.same({ "Petronella Vask" }, doc.authors)
    assert.are_not.equal("Announcer & Media Relations", doc.outlet)
  end)

  it("does not take a role with an ampersand after the byline's dot for the outlet", function()
    local doc = run(lines {
      "HALLORAN HARRIERS", "",
      "Fixtures", "Tickets", "Club Shop", "News", "",
      "Harriers hold on for a draw at Corran Park", "",
      "By Petronella Vask · Communications & Community Officer", "",
      "The Harriers came from a goal down to draw 1-1 at Corran Park on Saturday, their third draw in a row.",
      "", P2, "", P3, "", P4, "",
    })
    assert.are.same({ "Petronella Vask" }, doc.authors)
    assert.are_not.equal("Communications & Community Officer", doc.outlet)
  end)
end)

describe("clean meta: a copyright holder cut before its company's words", function()
  it("takes the masthead in capitals written once that holds the copyright holder's first word", function()
    local doc = run(lines {
      "Skip to content",
      "Monday, April 13, 2026",
      "Login | Subscribe | e-Paper",
      "THE CORVANE TRADE GAZETTE",
      "Home", "Markets", "Shipping", "Opinion", "",
      "Shipping",
      "Ferry operator orders second vessel after record season",
      "Reporter: Idris Mabeko-Tull", "",
      "PORT MERRIN: The Halloran Island Ferry Company has ordered a second car ferry after carrying a record number of passengers last season.",
      "", P2, "", P3, "", P4, "",
      "© 2026 Corvane Media Group Ltd. All Rights Reserved.",
    })
    assert.are.equal("The Corvane Trade Gazette", doc.outlet)
  end)
end)

describe("clean meta: a name and a role under the headline", function()
  it("takes a name and a role word after a comma on its own line under the headline", function()
    local doc = run(lines {
      "Halloran Field Station", "",
      "Station diary", "",
      "Storm week: the anemometer, the generator and a very patient cook", "",
      "Wendeline Orcutt, station engineer", "",
      "2 days ago · 4 minute read", "",
      "The storm arrived on Tuesday evening and did not leave until Sunday, which meant five days of nobody going further than the generator shed.",
      "", P2, "", P3, "", P4, "",
    })
    assert.are.same({ "Wendeline Orcutt" }, doc.authors)
  end)

  it("takes a job noun the stage option job_nouns adds", function()
    local doc = run(lines {
      "Halloran Field Station", "",
      "Storm week: the anemometer, the generator and a very patient cook", "",
      "Wendeline Orcutt, station mechanic", "",
      "2 days ago · 4 minute read", "",
      "The storm arrived on Tuesday evening and did not leave until Sunday, which meant five days of nobody going further than the generator shed.",
      "", P2, "", P3, "", P4, "",
    }, { job_nouns = { "mechanic" } })
    assert.are.same({ "Wendeline Orcutt" }, doc.authors)
  end)

  it("does not take a place and a lower-case phrase naming no job under the headline", function()
    local doc = run(lines {
      "Halloran Field Station", "",
      "Storm week: the anemometer, the generator and a very patient cook", "",
      "Corran Point, north shore", "",
      "The storm arrived on Tuesday evening and did not leave until Sunday, which meant five days of nobody going further than the generator shed.",
      "", P2, "", P3, "", P4, "",
    })
    assert.are.same({}, doc.authors)
  end)

  it("does not take a place and its region under the headline for a byline", function()
    local doc = run(lines {
      "Halloran Field Station", "",
      "Storm week: the anemometer, the generator and a very patient cook", "",
      "Port Merrin, Halloran Island", "",
      "The storm arrived on Tuesday evening and did not leave until Sunday, which meant five days of nobody going further than the generator shed.",
      "", P2, "", P3, "", P4, "",
    })
    assert.are.same({}, doc.authors)
  end)
end)
