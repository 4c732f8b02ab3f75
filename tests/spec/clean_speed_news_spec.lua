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
end)
