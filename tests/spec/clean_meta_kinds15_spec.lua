-- Specs of the clean stage's metadata for the failure kinds found on blind set P
-- (batch 15): a role or unit after a byline's comma read as a person ("NAME, Duty
-- Forecaster", "By A and B, Athletic Communications", "Compiled by: NAME,
-- Communications Officer"), an organisation's unit as the author ("By: County
-- Communications Unit"), a beat and role after a middle dot read as the outlet ("By
-- NAME · Orchard Editor"), and a long masthead with an acronym inside under a cookie
-- banner. Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")

local P1 = "A new renal unit has opened at Harrowby Cross Hospital, which the trust says will let about 1,200 more patients a year have dialysis closer to home."
local P2 = "The £4.2 million unit has 18 treatment stations, a training room for patients who dialyse at home and its own entrance from the car park."
local P3 = "\"Patients told us the drive to Wendlebury three times a week was the hardest part of their treatment,\" said the unit's lead nurse, Orla Penketh."
local P4 = "The trust said the unit would open six days a week from July and would take its first patients from the waiting list at Wendlebury."

describe("clean meta: roles and units after a byline's comma", function()
  it("reads a role after a name and a comma as the role, not a second author", function()
    local by = meta.name_line("Tamsin Oduya-Fell, Duty Forecaster")
    assert.is_truthy(by)
    assert.are.same({ "Tamsin Oduya-Fell" }, by.authors)
  end)

  it("reads a unit after two names and a comma as the writers' unit, not a third author", function()
    local by = meta.byline("By Corin Hadley and Bex Amundsen, Athletic Communications")
    assert.are.same({ "Corin Hadley", "Bex Amundsen" }, by.authors)
    assert.is_nil(by.outlet)
  end)

  it("reads a unit closing on Office as no outlet", function()
    local by = meta.byline("By Ilse Varnum, Press Office")
    assert.are.same({ "Ilse Varnum" }, by.authors)
    assert.is_nil(by.outlet)
  end)

  it("reads a contributor's role after a comma as no second contributor", function()
    assert.are.same({ "Nyokabi Wambura-Oti" }, meta.contributors("Compiled by: Nyokabi Wambura-Oti, Communications Officer"))
  end)

  it("reads an organisation's unit as no person", function()
    assert.is_false(meta.is_person("County Communications Unit"))
    assert.is_false(meta.is_person("Planning Directorate"))
    assert.is_false(meta.is_person("Cabinet Secretariat"))
  end)

  it("gives no author for a byline naming an organisation's unit", function()
    local by = meta.byline("By: District Communications Unit")
    assert.is_true(not by or #by.authors == 0)
    assert.is_true(not by or by.outlet == nil)
  end)
end)

describe("clean meta: a beat and a role after a middle dot", function()
  it("reads a beat the lists lack before a role word as a role, not the outlet", function()
    local by = meta.byline("By Aoife Ní Bhraonáin · Orchard Editor")
    assert.are.same({ "Aoife Ní Bhraonáin" }, by.authors)
    assert.is_nil(by.outlet)
    by = meta.byline("By Cathal Rooney · Forestry Correspondent")
    assert.is_nil(by.outlet)
  end)

  it("keeps the outlet of an acronym before a role word", function()
    local by = meta.byline("By Dara Quill · KVTN Political Reporter")
    assert.are.equal("KVTN", by.outlet)
  end)

  it("takes the masthead as outlet, not the beat before a role word", function()
    local doc = run(lines {
      "The Furrow Weekly",
      "News  Dairy  Beef  Tillage",
      "Renal unit opens at Harrowby Cross with 18 treatment stations",
      "By Aoife Ní Bhraonáin · Orchard Editor",
      "Tuesday 24 November 2026",
      "", P1, "", P2, "", P3, "", P4,
      "", "© The Furrow Weekly 2026",
    })
    assert.are.same({ "Aoife Ní Bhraonáin" }, doc.authors)
    assert.are.equal("The Furrow Weekly", doc.outlet)
  end)
end)

describe("clean meta: a long masthead under a cookie banner", function()
  it("takes a masthead of six words with an acronym inside that the page writes twice", function()
    local doc = run(lines {
      "We use cookies to make this website work. You can accept all cookies or choose which ones to allow.",
      "Accept all cookies   Reject optional cookies   Cookie settings",
      "",
      "Skip to main content",
      "Harrowby Cross Hospitals NHS Foundation Trust",
      "Search this site",
      "Our hospitals | Services A-Z | Patients and visitors | News | Contact us",
      "",
      "New renal unit opens at Harrowby Cross Hospital",
      "",
      "Published: 3 June 2026",
      "", P1, "", P2, "", P3, "", P4,
      "", "© Harrowby Cross Hospitals NHS Foundation Trust 2026",
    })
    assert.are.equal("Harrowby Cross Hospitals NHS Foundation Trust", doc.outlet)
  end)
end)

describe("clean meta: unit words from the stage option", function()
  it("reads a unit closing on an extra unit word as no author", function()
    local m = require("docpipe.clean.meta").new("en", nil, nil, { unit_words = { "cell" } })
    local by = m.byline("By Ilse Varnum, Outreach Cell")
    assert.are.same({ "Ilse Varnum" }, by.authors)
    assert.is_nil(by.outlet)
  end)
end)
