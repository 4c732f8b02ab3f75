-- docpipe.cleanc: the clean stage's C helpers (src/lua_cleanc.c) give what the Lua
-- they replace gave.
local dp = require "docpipe"

describe("docpipe.cleanc", function()
  it("masks a date's span with spaces, or gives nil when no digit stands outside it", function()
    local s = "updated 9:45 AM EST, Tue January 10, 2012"
    local a, b = s:find("January 10, 2012", 1, true)
    assert.are.equal(s:sub(1, a - 1) .. string.rep(" ", b - a + 1) .. s:sub(b + 1),
      dp.cleanc.clock_mask(s, a, b))
    assert.is_nil(dp.cleanc.clock_mask("May 20, 2024", 1, 12))
    assert.is_nil(dp.cleanc.clock_mask("Posted on June 3, 2024 by NAME", 11, 22))
    assert.are.equal(string.rep(" ", 13) .. "7", dp.cleanc.clock_mask("May 20, 2024 7", 1, 12))
    assert.are.equal("1   ", dp.cleanc.clock_mask("1May", 2, 4))
  end)

  it("lists the ASCII words outside spans as text.ascii_words lists each piece", function()
    local s = "updated 9:45 AM EST, Tue January 10, 2012"
    -- (spans sorted last first, as dates.lua is_timestamp keeps them)
    local sp = { { 26, 41 }, { 17, 19 }, { 9, 15 } }
    local want, lo = {}, 1
    for i = #sp, 0, -1 do
      local x = sp[i]
      local hi = x and x[1] - 1 or #s
      if lo <= hi then
        for _, w in ipairs(dp.text.ascii_words(s, lo, hi)) do want[#want + 1] = w end
      end
      if x then lo = x[2] + 1 end
    end
    assert.are.same({ "updated", "Tue" }, want)
    assert.are.same(want, dp.cleanc.stamp_words(s, sp))
    -- (a word running into a span is cut where the span starts)
    assert.are.same({ "Jan", "x" }, dp.cleanc.stamp_words("Jan10 x", { { 4, 5 } }))
    assert.are.same({ "a.b" }, dp.cleanc.stamp_words("a.b", {}))
    assert.are.same({}, dp.cleanc.stamp_words("2024", { { 1, 4 } }))
    -- (a "(" or a byte beyond ASCII: the caller's general way)
    assert.is_nil(dp.cleanc.stamp_words("May 2, 2024 (EST)", { { 1, 11 } }))
    assert.is_nil(dp.cleanc.stamp_words("2 mai 2024 à 10h", { { 1, 10 } }))
  end)

  it("tells whether a text holds any of several plain needles, as plain finds tell", function()
    for _, s in ipairs { "Senior Reporter | Managing Editor", "Search", "A, B", "Home · News",
      "Home • News", "it’s", "", "a.b*c" } do
      local want = (s:find("|", 1, true) or s:find(",", 1, true) or s:find("·", 1, true)
        or s:find("•", 1, true)) and true or false
      assert.are.equal(want, dp.cleanc.has_any(s, "|", ",", "·", "•"))
    end
    assert.is_true(dp.cleanc.has_any("abc", ""))
    assert.is_true(dp.cleanc.has_any("a.b*c", "*"))
    assert.has_error(function() dp.cleanc.has_any("abc") end)
  end)
end)
