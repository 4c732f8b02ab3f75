-- on_error keep and skip, and --errors (record_failed): a failed document goes on, or is
-- recorded, as it entered the failing stage, whatever the stage changed before it raised
-- (regression: it carried the stage's changes: text, fields, meta, deep tables), with the
-- warnings the stage gave through ctx.warn before it raised.
local engine = require "docpipe.engine"
local dp = require "docpipe"

local DIR = "tests/spec/fixtures"

local function pipeline(on_error, record, first)
  local yaml = "stages:\n" .. (first and ("  - stage: " .. first .. "\n") or "")
    .. "  - stage: mutator.lua\n    on_error: " .. on_error .. "\n"
  local p = assert(engine.load(yaml, "t.yaml", DIR))
  assert(p:init())
  p.record_failed = record
  return p
end

-- a document with deep tables, a marked list, a warning it came with, and one table
-- it holds twice
local function document(text)
  local shared = { n = 1 }
  return dp.object({ id = "d", text = text, meta = dp.object({ warnings = dp.array({ "old" }) }),
    nested = { deep = { x = "orig" }, list = dp.array({ 1 }) }, one = shared, two = shared })
end

-- warnings: those the document must hold (default: the one it came with)
local function assert_as_entered(d, text, warnings)
  assert.are.equal(text, d.text)
  assert.is_nil(d.added)
  assert.is_nil(d.seen_tag)
  assert.are.same(warnings or { "old" }, d.meta.warnings)
  assert.is_nil(d.meta.tag)
  assert.are.equal("orig", d.nested.deep.x)
  assert.are.same({ 1 }, d.nested.list)
  -- the array mark: an empty or one-item list is written as a list again
  assert.are.equal(getmetatable(dp.array()), getmetatable(d.nested.list))
  assert.are.equal(d.one, d.two)
end

-- what a failed document holds of the failed call: the warning it gave through ctx.warn
local LOOKED = { "old", "mutator: about to look" }

describe("a failed document is the one that entered the stage", function()
  it("goes on unchanged under on_error: keep, with its error", function()
    local p = pipeline("keep")
    local outs, fails, status = p:run(document("it went boom"))
    assert.are.equal("ok", status)
    assert.are.equal(1, #fails)
    assert.are.equal(1, #outs)
    assert_as_entered(outs[1], "it went boom", LOOKED)
    assert.matches("went boom", outs[1].errors[1].message)
    assert.are.equal('{"id":"d","text":"it went boom","meta":{"warnings":["old","mutator: about to look"]},'
      .. '"errors":[{"message":"stage \'mutator\' failed on document \'d\': '
      .. 'tests/spec/fixtures/mutator.lua:21: went boom","stage":"mutator"}],'
      .. '"nested":{"deep":{"x":"orig"},"list":[1]},"one":{"n":1},"two":{"n":1}}',
      p:format(outs[1]))
  end)

  it("keeps what a stage changed in a document that went through", function()
    local outs = pipeline("keep"):run(document("quiet"))
    assert.are.equal("quiet (changed)", outs[1].text)
    assert.are.equal("replaced", outs[1].nested.deep.x)
    assert.are.same({ "old", "mutator: about to look" }, outs[1].meta.warnings)
  end)

  it("is recorded as it entered under on_error: skip", function()
    local outs, fails = pipeline("skip"):run(document("boom"))
    assert.are.equal(0, #outs)
    assert_as_entered(fails[1].document, "boom", LOOKED)
  end)

  it("is recorded as it entered under on_error: fail with --errors (record_failed)", function()
    local outs, fails, status = pipeline("fail", true):run(document("boom"))
    assert.are.equal("fail", status)
    assert.are.equal(0, #outs)
    assert_as_entered(fails[1].document, "boom", LOOKED)
  end)

  it("takes no copy on the default path (on_error: fail, no --errors)", function()
    local _, fails = pipeline("fail"):run(document("boom"))
    -- the document as the stage left it: nothing was copied to undo its changes
    assert.are.equal("boom (changed)", fails[1].document.text)
  end)

  it("undoes a failed call in a table shared with another document, and only that call", function()
    -- the first fails: the second must not see what the failed call wrote in their meta
    local outs, fails = pipeline("keep", false, "sharer.lua"):run({ id = "s", text = "boom|calm" })
    assert.are.equal(1, #fails)
    assert.are.equal("boom", outs[1].text)
    assert.are.equal("none", outs[2].seen_tag)
    -- the second fails: the first's changes to the shared meta stay (it went through)
    outs, fails = pipeline("keep", false, "sharer.lua"):run({ id = "s", text = "calm|boom" })
    assert.are.equal(1, #fails)
    assert.are.equal("calm (changed)", outs[1].text)
    assert.are.equal("boom", outs[2].text)
    assert.are.equal(outs[1].meta, outs[2].meta)
    assert.are.equal("mutated", outs[2].meta.tag)
    -- (one warning from each call, the failed one's kept as ctx.warn gave it)
    assert.are.same({ "mutator: about to look", "mutator: about to look" }, outs[2].meta.warnings)
  end)

  it("copes with a document that holds itself", function()
    local d = document("boom")
    d.self = d
    local outs = pipeline("keep"):run(d)
    assert.are.equal(outs[1], outs[1].self)
    assert.are.equal("boom", outs[1].text)
  end)
end)

-- the binary's snapshot is C (src/dp_engine.c); the Lua one serves a state docpipe did not
-- make (the Lua module in another program): both undo the same changes
for _, impl in ipairs({ { "C", engine.snapshot, engine.restore },
                        { "Lua", engine.lua_snapshot, engine.lua_restore } }) do
  local name, snapshot, restore = impl[1], impl[2], impl[3]
  describe("snapshot and restore (" .. name .. ")", function()
    it("put back every table reachable from the document, in place", function()
      local d = document("x")
      local meta, list, deep = d.meta, d.nested.list, d.nested.deep
      local saved, mts = snapshot(d)
      d.text = "y"
      d.added = { 1, 2 }
      d.meta.warnings[#d.meta.warnings + 1] = "new"
      d.meta = { other = true }
      deep.x = "changed"
      d.nested.deep = { x = "replaced" }
      setmetatable(list, nil)
      list[2] = "added"
      setmetatable(d.one, { __index = function() return 1 end })
      d.one.n = 2
      restore(saved, mts)
      assert_as_entered(d, "x")
      assert.are.equal(meta, d.meta)
      assert.are.equal(deep, d.nested.deep)
      assert.is_nil(getmetatable(d.one))
      assert.are.equal(1, d.one.n)
    end)

    it("copes with cycles and tables as keys", function()
      local d, k = { id = "c" }, { "key" }
      d.self, d[k] = d, "v"
      local saved, mts = snapshot(d)
      d.self, d[k], k[1] = nil, nil, "changed"
      restore(saved, mts)
      assert.are.equal(d, d.self)
      assert.are.equal("v", d[k])
      assert.are.equal("key", k[1])
    end)
  end)
end

-- (regression: a list the sentences stage left unread, built by a failing stage that
-- only read it, came out empty: the snapshot gave it back its unread metatable, and its
-- spans had been dropped when it was built)
describe("on_error keep after a stage that read the unread sentence list", function()
  for _, mode in ipairs { "keep", "skip" } do
    it("gives the sentences back as they entered (" .. mode .. ", --errors)", function()
      local yaml = "stages:\n  - stage: sentences\n  - stage: sentence_reader.lua\n    on_error: " .. mode .. "\n"
      local p = assert(engine.load(yaml, "t.yaml", DIR))
      assert(p:init())
      p.record_failed = true
      local outs, failures = p:run(dp.object({ id = "b", text = "Second doc. Bad." }))
      local d = mode == "keep" and outs[1] or failures[1].document
      assert.are.equal(2, #d.sentences)
      assert.are.equal("Second doc.", d.sentences[1].text)
      assert.are.equal("Bad.", d.sentences[2].text)
      -- (written as JSON from the list, the same)
      assert.truthy(dp.json.encode(d.sentences):find('"text":"Bad."', 1, true))
    end)
  end
end)

