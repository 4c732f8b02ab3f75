-- A stage that gives back a malformed document fails on it, under its on_error, rather
-- than having it written ("text": 5 went out as it was; regression found by this
-- session's bad-input helper).
local engine = require "docpipe.engine"
local dp = require "docpipe"

local function pipeline()
  local p = assert(engine.load("stages:\n  - stage: malformer.lua\n    on_error: skip\n", "t.yaml", "tests/spec/fixtures"))
  assert(p:init())
  return p
end

describe("a stage's malformed document", function()
  it("fails when its text is no string, naming the type", function()
    local outs, failures = pipeline():run(dp.object({ id = "a", text = "One." }))
    assert.are.equal(0, #outs)
    assert.truthy(failures[1].error:find("process returned a document whose text is a number", 1, true))
  end)

  it("fails when its meta is no table", function()
    local outs, failures = pipeline():run(dp.object({ id = "b", text = "One." }))
    assert.are.equal(0, #outs)
    assert.truthy(failures[1].error:find("whose meta is a string", 1, true))
  end)

  it("fails when an item of a returned list is malformed, naming the item", function()
    local outs, failures = pipeline():run(dp.object({ id = "c", text = "One." }))
    assert.are.equal(0, #outs)
    assert.truthy(failures[1].error:find("list whose item 2 is a document whose text is a table", 1, true))
  end)

  it("lets a document without a text, or a well-formed one, through", function()
    local p = pipeline()
    local outs = p:run(dp.object({ id = "d", text = "One." }))
    assert.are.equal(1, #outs)
    assert.is_nil(outs[1].text)
    outs = p:run(dp.object({ id = "e", text = "One." }))
    assert.are.equal("One.", outs[1].text)
  end)
end)
