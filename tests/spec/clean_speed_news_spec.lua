-- Specs of the clean stage's shortcuts for long paragraphs (a news story of one
-- paragraph, as the news pipeline feeds it): each gives what the longer way gave.
-- Every text below is invented.

local dp = require "docpipe"
local meta = require("docpipe.clean.meta").new("en")
local blocks = require "docpipe.clean.blocks"

describe("clean on one-paragraph stories", function()
  it("trims a dateline's rest as dp.text.trim does, whatever its ends", function()
    local story = "A ferry ran aground off Harlow Bay on Tuesday, the island council said, and its "
      .. "forty passengers were taken ashore by the lifeboat crew before the tide turned."
    for _, tail in ipairs { "", " ", "\t", "\n", "\194\160", "\227\128\128", "\226\128\137", "\194\133", " x", "\128", "\226\128" } do
      for _, lead in ipairs { "", " " } do
        local dl = meta.dateline("(CNN)" .. lead .. story .. tail)
        assert.are.equal("CNN", dl and dl.outlet)
        assert.are.equal(dp.text.trim(lead .. story .. tail), dl.rest, ("%q"):format(tail))
      end
    end
  end)

  it("finds no contained block on a page of one block, as the C scan finds none", function()
    local one = blocks.split("The ferry ran aground off Harlow Bay on Tuesday and the ferry ran aground again.\n")
    blocks.tokenize(one)
    assert.are.same({}, blocks.contained(one, 3))
    local lists = { one[1].ids }
    assert.are.same({}, dp.shingle.contained(lists, 3))
  end)

  it("gives a word's digit and year bits from one C call as the pattern searches did", function()
    local texts = {
      "In 2024, 3.5% of the 1,000 U.S. voters (COVID-19 survey) said 12-year-olds' 4x4s cost $30,000.",
      "Caf\195\169 2 \195\169" .. "2 \226\128\156" .. "12\226\128\157 rock'n'roll 4'33 A1. B2, c3 1990s",
      "", "no digits at all", "tab\t9\nnew\r1 ...9 --7-- 8. 1.a a.1 3,5 3, 5 2024 20245 0001",
    }
    math.randomseed(7)
    local alpha = { "a", "Z", "0", "9", " ", ".", ",", "-", "'", "\t", "\195\169", "\226\128\153", "\128" }
    for _ = 1, 300 do
      local t = {}
      for k = 1, math.random(0, 30) do t[k] = alpha[math.random(#alpha)] end
      texts[#texts + 1] = table.concat(t)
    end
    local it = dp.shingle.interner()
    it:ids(texts)
    local want = {}
    for w in pairs(it:intern()) do
      if w:find("%d") then want[w] = (#w == 4 and w:find("^%d%d%d%d$")) and 12 or 8 end
    end
    assert.are.same(want, dp.cleanc.digit_words(texts))
  end)
end)
