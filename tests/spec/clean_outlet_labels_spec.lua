--- The clean stage's outlet: a release's header label is no outlet ("FOR IMMEDIATE
-- RELEASE" over the headline used to be read as the masthead "For Immediate Release"),
-- and a broadcaster's call sign with its service ("KVRN TV") stays as written (it used
-- to come out as "Kvrn Tv"). Every page below is invented.

local dp = require "docpipe"
local pages = require "tests.clean_pages"
local run, lines, WATER = pages.run, pages.lines, pages.WATER

local function page(top, tail)
  local t = {}
  for _, l in ipairs(top) do t[#t + 1] = l end
  for _, l in ipairs { "", "Orvanne valley water cut to ten hours a day", "",
      "By Lena Ortiz", "November 20, 2026 6:10 PM PST", "" } do t[#t + 1] = l end
  for _, p in ipairs(WATER) do t[#t + 1] = p; t[#t + 1] = "" end
  for _, l in ipairs(tail or {}) do t[#t + 1] = l end
  return lines(t)
end

describe("clean: outlet labels", function()
  it("reads no outlet from a release's header label", function()
    assert.are.equal(dp.null, run(page { "FOR IMMEDIATE RELEASE" }).outlet)
    assert.are.equal(dp.null, run(page { "Embargoed until 00:01" }).outlet)
  end)

  it("still reads a masthead above such a label", function()
    local doc = run(page({ "Orvanne Valley Water Board", "FOR IMMEDIATE RELEASE" },
      { "Orvanne Valley Water Board, 12 Mill Road, Orvanne." }))
    assert.are.equal("Orvanne Valley Water Board", doc.outlet)
  end)

  it("keeps a call sign with its service as written", function()
    local doc = run(page({ "KVRN TV", "News | Weather | Sports" }, { "Copyright 2026 KVRN TV. All rights reserved." }))
    assert.are.equal("KVRN TV", doc.outlet)
  end)

  it("still title-cases a masthead of words in capitals", function()
    local doc = run(page({ "ORVANNE VALLEY COURIER", "News | Weather | Sports" }))
    assert.are.equal("Orvanne Valley Courier", doc.outlet)
  end)
end)
