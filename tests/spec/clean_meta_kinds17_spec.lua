-- Specs of the clean stage's metadata for the failure kinds found on blind set S
-- (batch 17): a job title after a byline's middle dot or bar whose modifiers are in no
-- list ("Member Communications Manager") taken as a second author; a news ticker's item
-- under the menu ("Breaking News | ...") taken as the headline above the real one; and
-- a name in capitals on its own line between the headline and the body, over its role
-- line, when the timestamp stands above the headline ("TAPIWA MUZENDA" kind). Every
-- page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")
local dates = require("docpipe.clean.dates").new("en")

local K = {
  "Members of Tern Valley Federal Credit Union will be able to apply for a car loan entirely in the mobile app from next month, the credit union said on Tuesday.",
  "Until now members had to visit one of its four branches to sign the loan papers, a step that added two or three days to most applications.",
  "\"Most of our members told us the branch visit was the slowest part,\" said Orla Pennick, the credit union's head of lending.",
  "Loans of up to $40,000 can be approved in the app within a day, the credit union said.",
}

local M = {
  "Residents of Ashgrove Heights were without power for a second night after a transformer fire at the Pellow Road substation on Thursday.",
  "The utility said crews had brought in a mobile transformer and expected to restore supply to most of the 2,300 homes by Saturday afternoon.",
  "\"We have been throwing out food for two days now,\" said retired nurse Delphine Marrow, 68.",
  "The cause of the fire is under investigation.",
}

local V = {
  "FISHERS at Lake Mbiriro say they will stop landing their catch at the new council jetty until it gets lights and a cold room, two weeks after the old beach landing was closed.",
  "About 300 fishers use the landing, selling bream and kapenta to traders from as far as Rusvinga.",
  "Council spokesperson Mr Tafara Chigumba said lights would be fitted \"before the end of the month\".",
  "The fishers' association said it would meet the council again on March 3.",
}

local with_body = pages.page

describe("clean meta: a job title after a byline's middle dot or bar", function()
  it("reads a title closing on a job head word as a role, whatever its modifiers", function()
    local b = meta.byline("By Orla Pennick · Member Communications Manager", dates)
    assert.are.same({ "Orla Pennick" }, b.authors)
    b = meta.byline("By Ruairi Talbot | Digital Engagement Coordinator", dates)
    assert.are.same({ "Ruairi Talbot" }, b.authors)
    b = meta.byline("By Wenna Carrow · Community Outreach Director", dates)
    assert.are.same({ "Wenna Carrow" }, b.authors)
    b = meta.byline("By Idris Faulkes · Lending Product Specialist", dates)
    assert.are.same({ "Idris Faulkes" }, b.authors)
  end)

  it("keeps two names set apart by a middle dot", function()
    local b = meta.byline("By Orla Pennick · Ruairi Talbot", dates)
    assert.are.same({ "Orla Pennick", "Ruairi Talbot" }, b.authors)
  end)

  it("takes one author from a credit union's byline with a long job title", function()
    local doc = run(with_body({
      "Skip to main content", "Tern Valley Federal Credit Union", "Personal  Business  Loans  About Us",
      "Home > About Us > Member News", "Member News",
      "Apply for a car loan in the app from next month",
      "By Orla Pennick · Member Communications Manager", "March 4, 2026",
    }, K, { "Share this article", "© 2026 Tern Valley Federal Credit Union. Privacy Policy" }))
    assert.are.same({ "Orla Pennick" }, doc.authors)
    assert.are.equal("Apply for a car loan in the app from next month", doc.title)
  end)
end)

describe("clean meta: a news ticker's item is no headline", function()
  it("reads a ticker label and a bar, colon or dash as a ticker line", function()
    assert.is_true(meta.ticker_line("Breaking News | Heavy snow closes the Pellow pass"))
    assert.is_true(meta.ticker_line("LATEST: Ferry sailings resume at noon"))
    assert.is_true(meta.ticker_line("Just in — Council votes to keep the library open"))
    assert.is_true(meta.ticker_line("Developing: Water main burst on Kestrel Street"))
  end)

  it("reads no ticker line in a headline that only starts with such a word", function()
    assert.is_false(meta.ticker_line("Latest figures show house prices falling in Ashgrove"))
    assert.is_false(meta.ticker_line("Breaking the cycle of debt in rural towns"))
    assert.is_false(meta.ticker_line("Live music returns to the Pellow Road bandstand"))
  end)

  it("takes more labels from the ticker_labels option", function()
    local m = require("docpipe.clean.meta").new("en", nil, nil, { ticker_labels = { "Eilnachricht" } })
    assert.is_true(m.ticker_line("Eilnachricht: Brücke gesperrt"))
  end)

  it("takes the headline under a ticker line, not the ticker", function()
    local doc = run(with_body({
      "Subscribe to our e-paper", "THE ASHGROVE COURIER", "News  Sport  Business  Letters  Obituaries",
      "Breaking News | Flood watch issued for the Pellow valley", "",
      "Substation fire leaves Ashgrove homes dark for second night", "",
      "Corin Maddox, Metro correspondent", "",
      "Updated Feb 6, 2026 8:14 PM — First published Feb 6, 2026 4:02 PM",
    }, M, { "Share  Email", "© 2026 The Ashgrove Courier" }))
    assert.are.equal("Substation fire leaves Ashgrove homes dark for second night", doc.title)
  end)
end)

describe("clean meta: a name in capitals over its role line under the headline", function()
  it("takes the name as the author, title-cased, when the timestamp stands above the headline", function()
    local doc = run(with_body({
      "The Mbiriro Herald", "Home News Business Sport Opinion", "Sunday, 15 February 2026, 07:30", "",
      "Fishers boycott new council jetty at Lake Mbiriro", "",
      "RUTENDO MAKWIRA", "Senior Reporter", "",
      "Key facts", "• About 300 fishers use the landing", "• The old beach landing closed on February 1",
    }, V, { "2 comments", "Related", "© 2026 The Mbiriro Herald" }))
    assert.are.same({ "Rutendo Makwira" }, doc.authors)
    assert.are.equal("Fishers boycott new council jetty at Lake Mbiriro", doc.title)
  end)

  it("takes a name in mixed case over its role line too", function()
    local doc = run(with_body({
      "The Mbiriro Herald", "Home News Business Sport Opinion", "Sunday, 15 February 2026, 07:30", "",
      "Fishers boycott new council jetty at Lake Mbiriro", "",
      "Rutendo Makwira", "Environment Reporter",
    }, V, { "© 2026 The Mbiriro Herald" }))
    assert.are.same({ "Rutendo Makwira" }, doc.authors)
  end)

  it("takes no author from a section label over a role line", function()
    local doc = run(with_body({
      "The Mbiriro Herald", "Home News Business Sport Opinion", "Sunday, 15 February 2026, 07:30", "",
      "Fishers boycott new council jetty at Lake Mbiriro", "",
      "LOCAL NEWS", "Senior Reporter",
    }, V, { "© 2026 The Mbiriro Herald" }))
    assert.are.same({}, doc.authors)
  end)
end)
