-- Specs of the clean stage's metadata for failure kinds (batch 16): a credit
-- programme's name before a role word in a byline ("NAME, Local Journalism Initiative
-- Reporter"), a broadcaster's masthead of call sign and frequency over a footer whose
-- holder was cut before a generic word ("© 2026 KXYZ Student Media"), a byline whose
-- name runs into its outlet ("NAME OUTLET"), and a timestamp line opened by an outlet's
-- credit glued to the date ("Associated PressDecember 2, 2016").
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")
local dates = require("docpipe.clean.dates").new("en")

local W = pages.WATER

local page = pages.water_page

describe("clean meta: a credit programme's name before a role", function()
  it("reads a programme's name and a role word after a comma as the role, not a second author", function()
    local by = meta.name_line("Osric Pellward, Local Journalism Initiative Reporter")
    assert.is_truthy(by)
    assert.are.same({ "Osric Pellward" }, by.authors)
    by = meta.byline("By Tamsin Greaveley, Report for America Corps Member")
    assert.is_truthy(by)
    assert.are.same({ "Tamsin Greaveley" }, by.authors)
  end)

  it("reads a programme's name and a role word between bars as the role", function()
    local by = meta.name_line("Idris Vantongeren | Local Democracy Reporting Service Reporter")
    assert.is_truthy(by)
    assert.are.same({ "Idris Vantongeren" }, by.authors)
  end)

  it("counts a programme's name and a role alone as a role line", function()
    assert.is_truthy(meta.is_role_line("Local Journalism Initiative Reporter"))
    assert.is_falsy(meta.is_role_line("Local Journalism Initiative funding"))
  end)

  it("keeps the reporter as the only author of the page", function()
    local doc = run(page({
      "THE ORVANNE CLARION",
      "",
      "Orvanne valley water to be cut ten hours a day",
      "",
      "Osric Pellward, Local Journalism Initiative Reporter",
      "Published Nov 28, 2026 3:10 p.m. EST",
    }, { "© 2026 The Orvanne Clarion" }))
    assert.are.same({ "Osric Pellward" }, doc.authors)
    assert.are.equal("The Orvanne Clarion", doc.outlet)
  end)
end)

describe("clean meta: a broadcaster's masthead and a footer cut before a generic word", function()
  it("takes the call sign of a masthead of call sign and frequency", function()
    local doc = run(page({
      "KQRV 88.3 FM | Orvanne Valley College Radio",
      "",
      "Orvanne valley water to be cut ten hours a day",
      "",
      "Posted by Mabyn Trevose on 11/28/2026 5:45 PM ET",
    }, { "© 2026 KQRV Student Media. Run by student volunteers." }))
    assert.are.equal("KQRV", doc.outlet)
  end)

  it("takes the call sign of a television masthead", function()
    local doc = run(page({
      "WDKN-TV | Channel 9 Orvanne",
      "",
      "Orvanne valley water to be cut ten hours a day",
      "",
      "Posted by Mabyn Trevose on 11/28/2026 5:45 PM ET",
    }))
    assert.are.equal("WDKN-TV", doc.outlet)
  end)

  it("leaves no dangling modifier where a copyright holder was cut before a generic word", function()
    local doc = run(page({
      "Orvanne valley water to be cut ten hours a day",
      "",
      "Posted by Mabyn Trevose on 11/28/2026 5:45 PM ET",
    }, { "© 2026 Brackenfold Community Media. All rights reserved." }))
    assert.are.equal("Brackenfold Community Media", doc.outlet)
  end)

  it("takes more modifiers from the stage option outlet_modifiers", function()
    local foot = { "Orvanne Radio is on air every day. Listen to Orvanne Radio.", "© 2026 Orvanne Radio Volunteer Media." }
    local head = { "Orvanne valley water to be cut ten hours a day", "", "Posted by Mabyn Trevose on 11/28/2026 5:45 PM ET" }
    assert.are_not.equal("Orvanne Radio", run(page(head, foot)).outlet)
    assert.are.equal("Orvanne Radio", run(page(head, foot), { outlet_modifiers = { "Volunteer" } }).outlet)
  end)

  it("keeps a holder cut before a legal form whole", function()
    assert.are.equal("Harbour Interactive", meta.undangle("Harbour Interactive", "© 2026 Harbour Interactive Inc. All rights reserved.", "Harbour news"))
  end)

  it("takes the name before the modifier when the page writes it elsewhere", function()
    local doc = run(page({
      "Orvanne valley water to be cut ten hours a day",
      "",
      "Posted by Mabyn Trevose on 11/28/2026 5:45 PM ET",
    }, { "KQRV is a listener-supported station. Support KQRV today.", "© 2026 KQRV Student Media." }))
    assert.are.equal("KQRV", doc.outlet)
  end)
end)

describe("clean meta: a byline's name run into its outlet", function()
  it("splits a name from an outlet in capitals after it", function()
    local by = meta.name_line("Perrin Ashdown and Kit Valcourt ORVANNE DAILY")
    assert.is_truthy(by)
    assert.are.same({ "Perrin Ashdown", "Kit Valcourt" }, by.authors)
    assert.are.equal("ORVANNE DAILY", by.outlet)
  end)

  it("splits a name from an outlet opened by The", function()
    local by = meta.byline("By Mina Sato The Orvanne Ledger")
    assert.is_truthy(by)
    assert.are.same({ "Mina Sato" }, by.authors)
    assert.are.equal("The Orvanne Ledger", by.outlet)
  end)

  it("reads no headline in title case as a name and an outlet", function()
    assert.is_falsy(meta.name_line("Perrin Ashdown Joins The Orvanne Ledger"))
    assert.is_falsy(meta.name_line("Orvanne Crest Line launches weekly Harbour Express"))
  end)

  it("takes the person as the author and the rest as the outlet on a page", function()
    local doc = run(page({
      "Orvanne valley water to be cut ten hours a day",
      "",
      "   Perrin Ashdown ORVANNE DAILY",
      "   Published 7:07 PM EST Nov 28, 2026",
    }))
    assert.are.same({ "Perrin Ashdown" }, doc.authors)
    assert.are.equal("ORVANNE DAILY", doc.outlet)
  end)
end)

describe("clean meta: an outlet's credit glued to a date", function()
  it("reads a date glued to the word before it", function()
    assert.are.equal("2026-12-02", dates:parse("Harbour PressDecember 2, 2026"))
  end)

  it("counts a line of an outlet's credit and a date as a timestamp line", function()
    assert.is_true(dates:is_timestamp("Harbour PressDecember 2, 2026"))
    assert.is_true(dates:is_timestamp("Coastline Wire Nov. 28, 2026 3:05 PM"))
    -- (words that name no publication stay no timestamp)
    assert.is_false(dates:is_timestamp("Parish Council Meeting December 2, 2026"))
  end)

  it("reads the byline in capitals above such a line as the author, the credit as the outlet", function()
    local doc = run(page({
      "Orvanne valley water to be cut ten hours a day",
      "",
      "   Harbour Press",
      "   ISOLDEVA MARRACKOVA",
      "   Harbour PressDecember 2, 2026",
    }))
    assert.are.same({ "Isoldeva Marrackova" }, doc.authors)
    assert.are.equal("2026-12-02", doc.date)
    assert.are.equal("Harbour Press", doc.outlet)
  end)
end)
