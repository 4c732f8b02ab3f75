-- Regression specs of the clean stage for defects testers found with bad input (left
-- noted last session, fixed in round 31): a UTC offset after one space ("GMT -0330"),
-- a headline opening on an emoji, a byline of many names longer than a byline line, a
-- timestamp that reads no date ("Published 12345 GMT") never the outlet. Every page below
-- is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines

local TITLE = "Council approves harbour road repairs before storms"
local BODY = {
  "The council voted on Tuesday to repair the old harbour road before the autumn storms, after residents complained about potholes for two winters.",
  "",
  "Work will begin next month and is expected to take six weeks, the council said, with one lane kept open for buses and delivery vans at all times.",
  "",
  "The repairs will cost about 1.2 million dollars, paid from the road fund and a regional grant agreed last year.",
  "",
  "© 2026 The Harbour Gazette",
}

local function page(title, byline, stamp)
  local t = { "The Harbour Gazette", "", title, "", byline, stamp, "" }
  for _, l in ipairs(BODY) do t[#t + 1] = l end
  return run(lines(t))
end

describe("clean, noted defects: dates", function()
  it("reads a UTC offset written after one space", function()
    assert.are.equal("2026-03-03T10:15:00-03:30", page(TITLE, "By Mara Quill", "Published March 3, 2026 10:15 GMT -0330").date)
    assert.are.equal("2026-03-03T10:15:00+05:30", page(TITLE, "By Mara Quill", "Published March 3, 2026 10:15 UTC +05:30").date)
    -- (a dash after the zone, then words, is no offset)
    assert.are.equal("2026-03-03T10:15:00+00:00", page(TITLE, "By Mara Quill", "Published March 3, 2026 10:15 GMT - Harbour desk").date)
  end)
end)

describe("clean, noted defects: titles, bylines, outlets", function()
  it("keeps a headline opening on an emoji as the title", function()
    local doc = page("🚧 " .. TITLE, "By Mara Quill", "Published March 3, 2026")
    assert.are.equal("🚧 " .. TITLE, doc.title)
    assert.are.equal("The Harbour Gazette", doc.outlet)
  end)

  it("reads a byline of eleven names, longer than a byline line, as the authors", function()
    local doc = page(TITLE, "By Ana Bell, Tom Reyes, Lia Park, Sam Ortiz, Eve Chan, Max Dunn, Ida Holm, Ben Cole, Kit Shaw, Ron Vale and Ada Fox",
      "Published March 3, 2026")
    assert.are.equal(11, #doc.authors)
    assert.are.equal("Ada Fox", doc.authors[11])
    assert.are.equal(TITLE, doc.title)
  end)

  it("never takes a timestamp that reads no date for the outlet", function()
    local doc = page(TITLE, "By Mara Quill", "Published 12345 GMT")
    assert.are.equal("The Harbour Gazette", doc.outlet)
    assert.are.same({ "Mara Quill" }, doc.authors)
  end)
end)
