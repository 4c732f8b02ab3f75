-- Specs of the clean stage on input shapes found by a bad-input check (round 22): an
-- indented dump whose blank lines keep the indent (a Lua error in the unwrapper), a
-- "References" list with text after it or an article's own "References" heading (body
-- text cut with the list), and a block of one 800 KB "word" (PCRE2's match limit in
-- the cue patterns). Every page below is invented.

local pages = require "tests.clean_pages"
local run = pages.run

local P = {
  "The harbour council voted on Tuesday to build a new sea wall along the eastern quay, three months after storm surges flooded more than two hundred homes.",
  "The wall will cost about 14 million crowns and is due to be finished before the winter storms of next year, the council's engineer said.",
  "Residents who had campaigned for the wall said they were relieved but warned that the work must not be delayed by disputes over the design.",
  "The council will meet again next month to choose a builder for the wall, officials said on Tuesday evening.",
}

local function has(doc, needle)
  return doc.text:find(needle, 1, true) ~= nil
end

describe("clean on an indented dump whose blank lines keep the indent", function()
  for _, indent in ipairs { "  ", "\t" } do
    it("cleans it (indent " .. (indent == "\t" and "a tab" or "two spaces") .. ")", function()
      local t = {}
      for _, p in ipairs(P) do t[#t + 1] = indent .. p; t[#t + 1] = indent end
      local doc = run(table.concat(t, "\n") .. "\n")
      for i = 2, 4 do assert.is_true(has(doc, P[i]), P[i]) end
    end)
  end
end)

describe("clean on a lynx references list", function()
  it("cuts the list alone and keeps the text after it", function()
    local doc = run(table.concat({ P[1], "", P[2], "", "References", "", "   Visible links:",
      "   1. https://harbour.example/a", "   2. https://harbour.example/b", "", "   Hidden links:",
      "   3. https://harbour.example/c", "", P[3], "", P[4] }, "\n") .. "\n")
    assert.is_true(has(doc, P[3]))
    assert.is_true(has(doc, P[4]))
    assert.is_false(has(doc, "harbour.example"))
  end)

  -- (regression: the list-end rule of round 22 stopped at an entry lynx left relative,
  -- so the whole list stayed and "By [13]NAME" kept its link number)
  it("takes a list whose first entries are relative links, and cuts the link numbers", function()
    local doc = run(table.concat({ "Harbour wall approved", "", "   By [13]Mara Quillon", "",
      "   " .. P[1], "", "   " .. P[2], "", "References", "", "    1. #content", "    2. /news/",
      "    3. https://harbour.example/a", "   13. https://harbour.example/authors/mara-quillon" }, "\n") .. "\n")
    assert.are.same({ "Mara Quillon" }, doc.authors)
    assert.is_false(has(doc, "#content"))
    assert.is_true(has(doc, P[2]))
  end)

  it("leaves an article's own References heading over labelled items", function()
    local doc = run(table.concat({ P[1], "", P[2], "", "References", "",
      "1. Survey: the 2024 study of the eastern quay by the harbour engineers.",
      "2. Budget: the cost estimate published in January by the finance office.", "",
      P[3], "", P[4] }, "\n") .. "\n")
    assert.is_true(has(doc, "1. Survey: the 2024 study"))
    assert.is_true(has(doc, P[3]))
    assert.is_true(has(doc, P[4]))
  end)
end)

describe("clean on a block of one enormous word", function()
  it("gives a document, not a regex error", function()
    local doc = run(("x"):rep(800000))
    assert.are.equal("table", type(doc))
  end)
end)
