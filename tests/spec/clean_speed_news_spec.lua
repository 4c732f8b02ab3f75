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
  it("flags new words by a table of rules as the Lua function did", function()
    local stop = { the = true, of = true, ["caf\195\169"] = true }
    local hints = { reporting = true, by = true, share = 32, print = 34, ["2024"] = true, ["4x4s"] = 64.0 }
    local relative = setmetatable({ ago = true }, { __index = function(_, w) return w == "today" or nil end })
    local texts = {
      "The mayor of Brantwick said 2024 was the year; reporting by Ana Lim, 2 days ago",
      "Share or print this today: 4x4s cost $30,000 in 1990s. THE OF caf\195\169 CAF\195\169",
      "", "20245 0001 1,000 3.5 a1 \217\163\217\164 x",
    }
    math.randomseed(11)
    local alpha = { "a", "the", "Share", "print", "By", "0", "9", " ", ".", ",", "-", "'", "\195\169", "\128", "ago" }
    for _ = 1, 300 do
      local t = {}
      for k = 1, math.random(0, 12) do t[k] = alpha[math.random(#alpha)] end
      texts[#texts + 1] = table.concat(t, math.random(2) == 1 and " " or "")
    end
    -- the function the rules replace (blocks.tokenize before)
    local fresh_a, fresh_b = {}, {}
    local function flag_of(w)
      local f = 0
      if stop[w] then f = 1 end
      local h = hints[w]
      if h then fresh_a[#fresh_a + 1] = w; f = f | (h == true and 2 or h) end
      if w:find("%d") then f = f | ((#w == 4 and w:find("^%d%d%d%d$")) and 12 or 8) end
      if relative[w] then f = f | 16 end
      return f
    end
    local rules = { { stop, 1 }, { nil, 128 }, { hints, 2, fresh_b, true }, { relative, 16 }, digit = 8, year = 4 }
    local a, b = dp.shingle.interner(), dp.shingle.interner()
    local ra = { a:ids(texts, flag_of, 1, 2 | 32) }
    local rb = { b:ids(texts, rules, 1, 2 | 32) }
    assert.are.same(ra, rb)
    assert.are.same(fresh_a, fresh_b)
    -- each word alone: its own flags, as bits
    local words = {}
    for w in pairs(a:intern()) do words[#words + 1] = w end
    table.sort(words)
    local _, _, bits_a = a:ids(words, flag_of, 1)
    local _, _, bits_b = b:ids(words, rules, 1)
    assert.are.same(bits_a, bits_b)
    -- a value of a set with own bits that is no integer raises, as | raised
    for _, v in ipairs { {}, "64", 2.5 } do
      assert.has_error(function() return 0 | v end)
      assert.has_error(function() dp.shingle.interner():ids({ "x" }, { { { x = v }, 2, nil, true } }) end)
    end
  end)
end)
