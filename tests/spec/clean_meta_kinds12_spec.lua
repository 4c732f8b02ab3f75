-- Specs of the clean stage's metadata for failure kinds (batch 17): the order of a
-- numeric date under a zone outside North America ("10/05/2026, 14:20 IDT" is May 10),
-- a masthead written as a bare domain name ("kestrelwire.ie"), and a byline in capitals
-- of short names ("ISOLDE MARRACK") over a timestamp line.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")
local dates = require("docpipe.clean.dates").new("en")
local dp = require "docpipe"

local W = pages.WATER

local page = pages.water_page

describe("clean meta: numeric dates under a zone outside North America", function()
  it("reads a page writing a zone outside the US and Canada as day first", function()
    for _, z in ipairs({ "IDT", "MUT", "BNT", "BRT", "UZT", "CLT", "AWST", "CEST" }) do
      assert.is_true(dates:day_first_hint("Posted 10/05/2026 14:20 " .. z), z)
    end
  end)

  it("reads a page writing a US or Canadian zone as month first", function()
    for _, z in ipairs({ "EDT", "PT", "HST", "HDT", "AST", "ADT", "NST", "NDT", "AKDT" }) do
      assert.is_false(dates:day_first_hint("Posted 10/05/2026 2:20 p.m. " .. z), z)
    end
  end)

  it("takes no order from UTC, written by pages of every country", function()
    assert.is_nil(dates:day_first_hint("Posted 10/05/2026 14:20 UTC"))
  end)

  it("dates a stamp in Israel daylight time day first", function()
    local doc = run(page({
      "Dune fences to go up along the Qeren Tal shore",
      "",
      "By Noa Halperin",
      "Published: 10/05/2026, 14:20 IDT",
    }))
    assert.are.equal("2026-05-10T14:20:00+03:00", doc.date)
  end)

  it("keeps the numeric_dates option over the zone", function()
    local p = page({
      "Dune fences to go up along the Qeren Tal shore",
      "",
      "By Noa Halperin",
      "Published: 10/05/2026, 14:20 IDT",
    })
    assert.are.equal("2026-10-05T14:20:00+03:00", run(p, { numeric_dates = "mdy" }).date)
  end)
end)

describe("clean meta: a masthead written as a bare domain name", function()
  it("reads a bare domain name and no other", function()
    assert.are.equal("kestrelwire.ie", meta.domain_name("kestrelwire.ie"))
    assert.are.equal("www.orvanne-post.co.uk", meta.domain_name("www.orvanne-post.co.uk"))
    assert.are.equal("valleyledger.news", meta.domain_name("valleyledger.news"))
    assert.is_nil(meta.domain_name("kestrelwire.ie/politics"))
    assert.is_nil(meta.domain_name("https://kestrelwire.ie"))
    assert.is_nil(meta.domain_name("harbour-photo.jpg"))
    assert.is_nil(meta.domain_name("Read more on kestrelwire.ie"))
    assert.is_nil(meta.domain_name("Vol.II"))
  end)

  it("takes a domain masthead under a cookie notice as the outlet, as written", function()
    local doc = run(page({
      "Accept all cookies",
      "We use cookies to improve your experience. Manage settings",
      "",
      "kestrelwire.ie",
      "Irish news in English",
      "",
      "Orvanne valley water to be cut ten hours a day",
      "",
      "By Maeve Dunleavy",
      "November 12, 2026",
    }, { "kestrelwire.ie is a service of Kestrel Broadcasting. Copyright 2026. All rights reserved." }))
    assert.are.equal("kestrelwire.ie", doc.outlet)
    assert.are.same({ "Maeve Dunleavy" }, doc.authors)
  end)

  it("takes no outlet from a domain named inside a sentence", function()
    local doc = run(page({
      "Orvanne valley water to be cut ten hours a day",
      "",
      "By Maeve Dunleavy",
      "November 12, 2026",
    }, { "Readers can send tips through kestrelwire.ie at any hour." }))
    assert.are.equal(dp.null, doc.outlet)
  end)

  it("takes no outlet from the web address of a press release's contact block", function()
    local doc = run(page({
      "Media contact: Brona Keshet",
      "press@orvannewater.ie",
      "orvannewater.ie",
      "",
      "Orvanne valley water to be cut ten hours a day",
      "",
      "November 12, 2026",
    }, { "Media contact: Brona Keshet", "press@orvannewater.ie", "orvannewater.ie" }))
    assert.are.equal(dp.null, doc.outlet)
  end)
end)

describe("clean meta: a byline in capitals of short names", function()
  it("tells two or three plausible names in capitals from acronyms", function()
    assert.is_true(meta.caps_name("ISOLDE MARRACK"))
    assert.is_true(meta.caps_name("ANA LUZ KOVAC"))
    assert.is_false(meta.caps_name("KVRN TV"))
    assert.is_false(meta.caps_name("ORV NEWS"))
    assert.is_false(meta.caps_name("LOCAL POLITICS"))
    assert.is_false(meta.caps_name("KVRN"))
  end)

  it("reads a name in capitals of short words above a timestamp line as the author", function()
    local doc = run(page({
      "Orvanne valley water to be cut ten hours a day",
      "",
      "   Harbour Press",
      "   ISOLDE MARRACK",
      "   Harbour PressDecember 2, 2026",
    }))
    assert.are.same({ "Isolde Marrack" }, doc.authors)
    assert.are.equal("2026-12-02", doc.date)
    assert.are.equal("Harbour Press", doc.outlet)
  end)

  it("keeps a call sign in capitals above a timestamp line as the outlet", function()
    local doc = run(page({
      "Orvanne valley water to be cut ten hours a day",
      "",
      "KVRN",
      "December 2, 2026 10:05 AM",
    }))
    assert.are.same({}, doc.authors)
    assert.are.equal("KVRN", doc.outlet)
  end)

  it("reads no section label in capitals above a timestamp line as an author", function()
    local doc = run(page({
      "Orvanne valley water to be cut ten hours a day",
      "",
      "LOCAL POLITICS",
      "December 2, 2026 10:05 AM",
    }))
    assert.are.same({}, doc.authors)
  end)
end)
