-- Specs of the quotes stage for the edges of reported content: the words right after a
-- cue that look like a time adverbial but open the content ("say this year's ..."),
-- and the symbols that end the content before the sentence's full stop ("60%.").
-- Every passage is invented (fictional people, places and organisations). The runner
-- is that of quotes_spec.lua.

local qrun = require "tests.quotes_run"
local run = qrun.run

describe("quotes: a time word after the cue that opens the content", function()
  it("keeps 'this' before a possessive time noun", function()
    local qs = run("Beekeepers around Tolven say this spring's honey yield is the lowest on record.")
    assert.are.equal(1, #qs)
    assert.are.equal("this spring's honey yield is the lowest on record", qs[1].text)
  end)
  it("keeps 'last' before a possessive time noun", function()
    local qs = run("The ferry operator said last month's storms had cancelled forty crossings.")
    assert.are.equal(1, #qs)
    assert.are.equal("last month's storms had cancelled forty crossings", qs[1].text)
  end)
  it("keeps 'this' as the content's subject", function()
    local qs = run("Rafaela Oduya said this was the wettest summer she could remember.")
    assert.are.equal(1, #qs)
    assert.are.equal("this was the wettest summer she could remember", qs[1].text)
  end)
  it("keeps 'early' as a modifier of the content's subject", function()
    local qs = run("The county surveyor said early readings showed no damage to the dam.")
    assert.are.equal(1, #qs)
    assert.are.equal("early readings showed no damage to the dam", qs[1].text)
  end)
  it("ends the adverbial at its time noun, not at the article after it", function()
    local qs = run("The county surveyor said this week the dam showed no damage.")
    assert.are.equal(1, #qs)
    assert.are.equal("the dam showed no damage", qs[1].text)
  end)
  it("still leaves a whole adverbial out", function()
    local qs = run("The county surveyor said on Tuesday the dam showed no damage.")
    assert.are.equal(1, #qs)
    assert.are.equal("the dam showed no damage", qs[1].text)
    qs = run("The county surveyor said last week that the dam showed no damage.")
    assert.are.equal(1, #qs)
    assert.are.equal("the dam showed no damage", qs[1].text)
  end)
end)

describe("quotes: a symbol before the sentence's full stop belongs to the content", function()
  local cases = {
    { "The orchard growers' league said losses were between 20% and 35%.", "losses were between 20% and 35%" },
    { "The weather office said the valley reached 43°.", "the valley reached 43°" },
    { "The assayer said the ore held gold at 2‰.", "the ore held gold at 2‰" },
    { "The coach said the new keeper stood 6′4″.", "the new keeper stood 6′4″" },
    { "The treasurer said sales fell (again).", "sales fell (again)" },
    { "The treasurer said the fee was 12€.", "the fee was 12€" },
    { "The treasurer said the rate would stay at 3.5.", "the rate would stay at 3.5" },
    { "The treasurer said the loan came from the U.S.", "the loan came from the U.S." },
  }
  for _, c in ipairs(cases) do
    it("keeps the end of: " .. c[2], function()
      local qs = run(c[1])
      assert.are.equal(1, #qs)
      assert.are.equal(c[2], qs[1].text)
    end)
  end
  it("still drops the sentence's own end marks", function()
    for _, s in ipairs({ "The treasurer said the fee would rise...", "The treasurer said the fee would rise\u{2026}",
        "The treasurer said the fee would rise!", "(The treasurer said the fee would rise.)" }) do
      local qs = run(s)
      assert.are.equal(1, #qs)
      assert.are.equal("the fee would rise", qs[1].text)
    end
  end)
  it("keeps a symbol before a comma in content that runs on", function()
    local qs = run("Turnout was 71%, the returning officer said.")
    assert.are.equal(1, #qs)
    assert.are.equal("Turnout was 71%", qs[1].text)
  end)
end)
