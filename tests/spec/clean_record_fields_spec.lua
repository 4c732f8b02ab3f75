-- Specs of the clean stage on a JSON Lines record that brings its own metadata: a
-- field the page does not give keeps the record's value, as the title, authors,
-- outlet and date always did (regression: "highlights": [] and "dateline": null
-- were written over a CNN-style record's own highlights and dateline, exit 0).
-- The pages are invented.

local dp = require "docpipe"
local clean = require "docpipe.stages.clean"

local function run(doc)
  local ctx = { opts = {}, state = {}, stage = "clean", warn = function() end }
  clean.init(ctx.opts, ctx)
  doc.meta, doc.errors = doc.meta or {}, doc.errors or {}
  return clean.process(doc, ctx)
end

local TEXT = "The harbour board approved the new ferry terminal on Tuesday after a two-year fight.\n\n"
  .. "Work begins in spring, the board said, and the terminal opens in 2028.\n"

describe("clean: a record's own fields", function()
  it("keeps the record's highlights, dateline and contributors when the page has none", function()
    local doc = run({ id = "r", text = TEXT, title = "Ferry terminal approved",
      highlights = { "The board voted 5-2", "Work begins in spring" },
      dateline = "SALTMERE", contributors = { "Ines Varga contributed reporting." } })
    assert.same({ "The board voted 5-2", "Work begins in spring" }, doc.highlights)
    assert.equal("SALTMERE", doc.dateline)
    assert.same({ "Ines Varga contributed reporting." }, doc.contributors)
    assert.equal("Ferry terminal approved", doc.title)
  end)
  it("fills them from the page when the record has none (empty, null or missing)", function()
    local doc = run({ id = "r", text = TEXT, highlights = {}, dateline = dp.null })
    assert.same({}, doc.highlights)
    assert.equal(dp.null, doc.dateline)
    local doc2 = run({ id = "r", text = "SALTMERE (Coastal Herald) — " .. TEXT })
    assert.equal("string", type(doc2.dateline))
  end)
end)
