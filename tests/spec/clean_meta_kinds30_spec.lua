-- Specs of the clean stage's metadata for a Title Case headline (issue 4; found by a
-- new-user check): a headline of four or more capitalised words was read as a
-- person's name, so the page had no title, or the headline became the author. Every
-- page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")
local dp_null = require("docpipe").null

local P1 = "The Tillbrook parish food pantry marked its 25th year on Sunday with a lunch for the volunteers who have kept its shelves stocked since it opened in a church storeroom in 2001."
local P2 = "Organisers said the pantry now serves about 140 households a week, more than twice as many as five years ago, and relies on donations from three supermarkets in the town."
local P3 = "\"We started with two shelves and a kettle,\" said founding volunteer Agnes Morrow, who still works the Tuesday shift."

local function page(head)
  local t = { "The Tillbrook Herald", "" }
  for _, l in ipairs(head) do t[#t + 1] = l; t[#t + 1] = "" end
  for _, p in ipairs { P1, P2, P3 } do t[#t + 1] = p; t[#t + 1] = "" end
  return lines(t)
end

describe("clean meta: a Title Case headline", function()
  for _, head in ipairs {
    "Parish Food Pantry Marks 25 Years of Feeding Neighbours",
    "Volunteers Celebrate Food Pantry Anniversary",
    "Council Approves New Budget",
    "Museum Reopens After Repairs",
  } do
    it("takes '" .. head .. "' as the title over a byline", function()
      local doc = run(page { head, "By Margaret Kealy", "April 5, 2026" })
      assert.are.equal(head, doc.title)
      assert.are.same({ "Margaret Kealy" }, doc.authors)
    end)
  end

  it("takes it as the title, not the author, on a page with no byline", function()
    local doc = run(page { "Council Approves New Budget", "April 5, 2026" })
    assert.are.equal("Council Approves New Budget", doc.title)
    assert.are.same({}, doc.authors)
  end)

  it("is no person's name, while a name of four words opening on a given name is", function()
    assert.is_false(meta.is_person("Volunteers Celebrate Food Pantry Anniversary"))
    assert.is_false(meta.is_person("Council Approves New Budget"))
    assert.is_true(meta.is_person("Mary Anne Fenwick Hale"))
    assert.is_true(meta.is_person("J. R. Tolliver Mays"))
    -- (no English given name first, but a name's particle or a letter past ASCII)
    assert.is_true(meta.is_person("Ciarán Mac Giolla Rua"))
    assert.is_true(meta.is_person("Abdul Rahman Al Sayed"))
    assert.is_true(meta.is_person("Tevita Van Der Pol"))
    assert.is_true(meta.is_person("Kevin Okafor"))
  end)

  it("reads a contributor after a plural possessive outlet", function()
    local doc = run(page { "Ferry fares rise for the first time in six years", "By Lena Hart", "April 5, 2026" }
      .. "\nHarbour News' Jessica Napoli contributed to this report.\n")
    assert.are.same({ "Jessica Napoli" }, doc.contributors)
  end)
end)
