-- Specs of the clean stage's metadata for the failure kinds found on the second blind
-- set (batch 13): a name and its role on two lines with no "By", a byline in capitals
-- over a social handle, "By: NAME - Role / @handle", the town after a byline's comma,
-- separators left closing an outlet, "With files from" and "Edited by" contributors.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")


local P1 = "Work to replace the swing bridge at Oxmere Quay will start in March and close the crossing to cars for five months, the harbour trust said on Tuesday."
local P2 = "The trust said the steel deck, built in 1931, had worn beyond repair, and that a new deck would cost about £3.1 million, most of it from a regional transport grant."
local P3 = "\"We know this is a long closure for people who cross every day, and we have tried to keep it as short as the work allows,\" said trust chair Wenna Polglase."
local P4 = "Pedestrians will be able to use a temporary footbridge beside the quay for most of the work, the trust said."

describe("clean meta: role lines", function()
  it("reads a desk word the lists lack before a job word as a role line", function()
    assert.is_true(meta.is_role_line("Motoring Editor"))
    assert.is_true(meta.is_role_line("Court Reporter"))
    assert.is_true(meta.is_role_line("Gardening Columnist"))
  end)

  it("does not read a name, a salutation or a column title as a role line", function()
    assert.is_false(meta.is_role_line("Fiona Tregarth Reporter"))
    assert.is_false(meta.is_role_line("Ask the Editor"))
    assert.is_false(meta.is_role_line("Letters to the Editor"))
    assert.is_false(meta.is_role_line("Herald Reporter"))
  end)

  it("takes a name over a role line with no opener as the author, the headline above as title", function()
    local doc = run(lines {
      "The Oxmere Packet",
      "News  Sport  Business  Opinion",
      "Swing bridge at Oxmere Quay to close to cars for five months",
      "Jory Penhallow",
      "Motoring Editor",
      "Tuesday 24 November 2026 10.30 GMT",
      "", P1, "", P2, "", P3, "", P4,
    })
    assert.are.equal("Swing bridge at Oxmere Quay to close to cars for five months", doc.title)
    assert.are.same({ "Jory Penhallow" }, doc.authors)
  end)
end)

describe("clean meta: bylines", function()
  it("reads the name of 'By: NAME - Role / @handle'", function()
    local by = meta.byline("By: Kerensa Vosper-Mill - Reporter / @kvospermill")
    assert.is_truthy(by)
    assert.are.same({ "Kerensa Vosper-Mill" }, by.authors)
    assert.is_true(by.staff)
  end)

  it("reads a name in capitals before a role after a spaced hyphen", function()
    local by = meta.byline("By: DEMELZA TREWIN-ASH - Environment Writer")
    assert.are.same({ "Demelza Trewin-Ash" }, by.authors)
    assert.is_nil(by.outlet)
  end)

  it("drops a separator closing a byline's outlet", function()
    local by = meta.name_line("Tamsin Roskilly · Oxmere Radio News ·")
    assert.is_truthy(by)
    assert.are.same({ "Tamsin Roskilly" }, by.authors)
    assert.are.equal("Oxmere Radio News", by.outlet)
  end)

  it("marks one capitalised word after a byline's comma as a weak outlet", function()
    local by = meta.byline("By Kitto Blamey, Oxmere")
    assert.are.same({ "Kitto Blamey" }, by.authors)
    assert.are.equal("Oxmere", by.outlet)
    assert.are.equal("bar", by.outlet_weak)
  end)

  it("keeps a byline in capitals over a social handle line as the author", function()
    local doc = run(lines {
      "   The Oxmere Packet",
      "",
      "Swing bridge at Oxmere Quay to close to cars for five months",
      "",
      "   By JORY PENHALLOW-KEAST",
      "   @jpenhallow",
      "",
      "   Tuesday, November 24, 2026",
      "",
      "   " .. P1, "", "   " .. P2, "", "   " .. P3, "", "   " .. P4,
    })
    assert.are.same({ "Jory Penhallow-Keast" }, doc.authors)
  end)

  it("does not take the town after a byline's comma as the outlet when the story names it", function()
    local doc = run(lines {
      "THE OXMERE PACKET",
      "Home  News  Sport  Business",
      "Oxmere Quay swing bridge to close to cars for five months",
      "By Kitto Blamey, Oxmere",
      "Published 24th November 2026",
      P1, P2, P3, P4,
    })
    assert.are.same({ "Kitto Blamey" }, doc.authors)
    assert.are.equal("The Oxmere Packet", doc.outlet)
  end)
end)

describe("clean meta: contributors", function()
  it("reads 'With files from NAME' as a contributor line", function()
    assert.are.same({ "Lowenna Pascoe" }, meta.contributors("With files from Lowenna Pascoe"))
    assert.are.same({ "Lowenna Pascoe" }, meta.contributors("Compiled with files from Lowenna Pascoe"))
  end)

  it("takes no agency from 'With files from' as a person", function()
    assert.is_nil(meta.contributors("With files from The Canadian Press"))
  end)

  it("reads 'Edited by NAME' as a contributor line", function()
    assert.are.same({ "Bryok Tonkin" }, meta.contributors("Edited by Bryok Tonkin"))
  end)

  it("takes a 'Compiled with files from' line closing the body as the contributor", function()
    local doc = run(lines {
      "The Oxmere Packet",
      "Swing bridge at Oxmere Quay to close to cars for five months",
      "By Kitto Blamey",
      "November 24, 2026",
      P1, P2, P3, P4,
      "Compiled with files from Lowenna Pascoe",
      "© 2026 The Oxmere Packet",
    })
    assert.are.same({ "Lowenna Pascoe" }, doc.contributors)
    assert.are.equal(4, #doc.paragraphs)
  end)
end)

describe("clean meta: contributors and mastheads the stage reads", function()
  it("takes 'With files from NAME' closing the body as the contributor", function()
    local doc = run(lines { "The Oxmere Packet", "Swing bridge at Oxmere Quay to close to cars for five months",
      "By Kitto Blamey", "November 24, 2026", P1, P2, P3, P4, "With files from Lowenna Pascoe" })
    assert.are.same({ "Lowenna Pascoe" }, doc.contributors)
  end)
  it("takes an 'Edited by NAME' line under the byline as a contributor, not an author", function()
    local doc = run(lines { "The Oxmere Packet", "Swing bridge at Oxmere Quay to close to cars for five months",
      "Words by Kitto Blamey", "Edited by Bryok Tonkin", "24 November 2026", P1, P2, P3, P4 })
    assert.are.same({ "Kitto Blamey" }, doc.authors)
    assert.are.same({ "Bryok Tonkin" }, doc.contributors)
  end)
  it("drops a separator closing an outlet line", function()
    local doc = run(lines { "Swing bridge at Oxmere Quay to close to cars for five months",
      "By Kitto Blamey", "Oxmere Herald ·", "November 24, 2026", P1, P2, P3, P4 })
    assert.are.equal("Oxmere Herald", doc.outlet)
  end)
  it("reads a capitals masthead between icons as the outlet", function()
    local doc = run(lines { "☰  OXMERE PACKET  🔍", "Transport", "Swing bridge at Oxmere Quay to close to cars for five months",
      "By Kitto Blamey", "November 24, 2026", P1, P2, P3, P4 })
    assert.are.equal("Oxmere Packet", doc.outlet)
  end)
end)
