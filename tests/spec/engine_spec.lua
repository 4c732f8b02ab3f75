-- docpipe.engine: pipeline validation, the stage contract, on_error.
local engine = require "docpipe.engine"
local dp = require "docpipe"

local DIR = "tests/spec/fixtures"

local function load(yaml)
  return engine.load(yaml, "t.yaml", DIR)
end

describe("docpipe.engine", function()
  it("loads a stage from a path relative to the pipeline, with a helper beside it", function()
    local p = assert(load("stages:\n  - stage: splitter.lua\n    with: {prefix: x}\n"))
    assert(p:init())
    local outs, fails, status = p:run({ id = "d", text = "One.\n\nTwo." })
    assert.are.equal("ok", status)
    assert.are.equal(0, #fails)
    assert.are.equal(2, #outs)
    assert.are.equal("x-d-1", outs[1].id)
    assert.are.equal("Two.", outs[2].text)
  end)

  -- regression: a stage returning {text = ...} gave a document with no id (written
  -- "id": null, or "# nil" in Markdown) and no source
  it("keeps the id and source a document came with when a stage returns one without", function()
    local p = assert(load("stages:\n  - stage: renewer.lua\n"))
    assert(p:init())
    local outs, fails, status = p:run({ id = "k1", source = "in.jsonl:3", text = "hi" })
    assert.are.equal("ok", status)
    assert.are.equal(0, #fails)
    assert.are.same({ id = "k1", source = "in.jsonl:3", text = "HI" }, outs[1])
    p = assert(load("stages:\n  - stage: renewer.lua\n    with: {mode: list}\n"))
    assert(p:init())
    outs = p:run({ id = "k2", source = "s", text = "hi" })
    assert.are.same({ id = "k2", source = "s", text = "a" }, outs[1])
    assert.are.same({ id = "own", source = "s", text = "b" }, outs[2])
  end)

  it("fills option defaults", function()
    local p = assert(load("stages:\n  - stage: splitter.lua\n"))
    assert.are.equal("p", p.stages[1].opts.prefix)
    assert.are.equal(10, p.stages[1].opts.limit)
  end)

  it("counts a document a stage returns nil for as dropped", function()
    local p = assert(load("stages:\n  - stage: splitter.lua\n"))
    assert(p:init())
    local outs = p:run({ id = "e", text = "" })
    assert.are.equal(0, #outs)
    assert.are.equal(1, p.counts.dropped)
  end)

  it("returns the finish results by stage name", function()
    local p = assert(load("stages:\n  - stage: splitter.lua\n"))
    assert(p:init())
    p:run({ id = "a", text = "x" })
    p:run({ id = "b", text = "y" })
    assert.are.same({ seen = 2 }, p:finish().splitter)
  end)

  it("rejects an option of the wrong type at its line and column", function()
    local p, errs = load("stages:\n  - stage: splitter.lua\n    with:\n      limit: many\n")
    assert.is_nil(p)
    assert.are.equal("t.yaml:4:14: option 'limit' of stage 'splitter' must be an integer, got string 'many'",
      errs[1])
  end)

  -- regression: "[1, 2]" reached the stage and failed inside it ("attempt to index a
  -- number value")
  it("rejects a list option holding an item that is not a string", function()
    local p, errs = load("stages:\n  - stage: clean\n    with:\n      ad_verbs: [snag, 2]\n")
    assert.is_nil(p)
    assert.are.equal("t.yaml:4:24: option 'ad_verbs' of stage 'clean' must be a list of strings, got number (2) as item 2",
      errs[1])
  end)

  -- regression: the column was the "[" (or the first "-") of the list, not the bad item
  it("points a list option's bad item at the item's own line and column", function()
    local _, errs = load("stages:\n  - stage: fields\n    with:\n      drop: [1, \"x\"]\n")
    assert.are.equal("t.yaml:4:14: option 'drop' of stage 'fields' must be a list of strings,"
      .. " got number (1) as item 1", errs[1])
    _, errs = load("stages:\n  - stage: fields\n    with:\n      drop:\n        - x\n        - {a: 1}\n")
    assert.are.equal("t.yaml:6:11: option 'drop' of stage 'fields' must be a list of strings,"
      .. " got mapping as item 2", errs[1])
  end)

  -- regression: -f text and -f markdown showed a document's warnings nowhere
  it("hands the runner a document's warnings once each, and whether the output keeps them", function()
    local p = assert(load("stages:\n  - stage: summary\n"))
    assert(p:init())
    local doc = engine.text_doc("blank", "blank.txt", "caf\xe9 \n")
    local _, _, status, warns, kept = p:step(doc, "text")
    assert.are.equal("ok", status)
    assert.are.same({ "document 'blank': invalid UTF-8: 1 byte(s) replaced by U+FFFD",
      "document 'blank': summary: no doc.sentences (run the sentences stage first); summary left empty" },
      warns)
    assert.are.same({ false, false }, kept)
    assert.are.same({ true, true }, select(5, p:step(engine.text_doc("b", "b.txt", ""), "jsonl")))
    local q = assert(load("stages:\n  - stage: sentences\noutput: {fields: [id, text]}\n"))
    assert(q:init())
    local _, _, _, w, k = q:step(engine.text_doc("e", "e.txt", " "), "jsonl")
    assert.are.same({ "document 'e': empty document" }, w)
    assert.are.same({ false }, k)
  end)

  -- warner.lua warns, then drops, fails on or clears the warnings of a document.
  local function warner(on_error)
    local p = assert(load("stages:\n  - stage: warner.lua\n    on_error: " .. on_error .. "\n"))
    assert(p:init())
    return p
  end

  -- regression: -q printed these nowhere, deciding "kept" by the output format alone
  it("keeps a warning only where a written record holds it: dropped, failed or cleared documents do not", function()
    local p = warner("skip")
    local function step(text)
      local _, _, _, w, k = p:step(engine.json_doc(('{"id":"x","text":"%s"}'):format(text), "f", "f", 1), "jsonl")
      return w, k
    end
    local w, k = step("keep")
    assert.are.same({ "document 'x': warner: seen" }, w)
    assert.are.same({ true }, k)
    w, k = step("drop")
    assert.are.same({ "document 'x': warner: seen" }, w)
    assert.are.same({ false }, k)
    w, k = step("clear")
    assert.are.same({ "document 'x': warner: seen" }, w)
    assert.are.same({ false }, k)
    -- a failed document: its error record (written with --errors) holds the warning
    w, k = step("boom")
    assert.are.same({ "document 'x': warner: seen" }, w)
    assert.are.same({ "errors" }, k)
  end)

  -- regression: a record from an earlier run had its warnings printed again as this run's
  it("hands the runner only the warnings this run added, not those the record came with", function()
    local p = warner("skip")
    local doc = engine.json_doc('{"id":"x","text":"keep","meta":{"warnings":["old","x: older"]}}', "f", "f", 1)
    local _, _, _, w = p:step(doc, "text")
    assert.are.same({ "document 'x': warner: seen" }, w)
    doc = engine.json_doc('{"id":"y","text":"a\\u0000b","meta":{"warnings":["old"]}}', "f", "f", 1)
    _, _, _, w = p:step(doc, "text")
    assert.are.same({ "document 'y': 1 escaped NUL(s) (\\u0000) replaced by U+FFFD",
      "document 'y': warner: seen" }, w)
  end)

  -- regression: a text file warned "empty document", a JSON Lines record did not
  it("warns a JSON Lines record whose text is empty or white space alone, as a text file", function()
    for _, text in ipairs({ "", " \\n\\t " }) do
      local doc = engine.json_doc(('{"id":"e","text":"%s"}'):format(text), "f", "f", 1)
      assert.are.same({ "empty document" }, doc.meta.warnings)
    end
    assert.is_nil(engine.json_doc('{"id":"e","text":"x"}', "f", "f", 1).meta)
  end)

  -- regression: 1 was "integer" and 2.5 "number" in the messages; both are numbers
  it("calls every numeric value a number, with its value", function()
    local _, errs = load("stages:\n  - stage: sentences\n    with: {language: 3}\n")
    assert.matches("must be a string, got number %(3%)$", errs[1])
    _, errs = load("stages:\n  - stage: sentences\n    with: {language: 3.5}\n")
    assert.matches("must be a string, got number %(3%.5%)$", errs[1])
    _, errs = load("stages:\n  - stage: summary\n    with: {sentences: 2.5}\n")
    assert.matches("must be an integer, got number %(2%.5%)$", errs[1])
    _, errs = load("name: 7\nstages:\n  - stage: sentences\n")
    assert.are.equal("t.yaml:1:7: 'name' must be a string, got number (7)", errs[1])
  end)

  it("rejects a value outside an option's choices", function()
    local _, errs = load("stages:\n  - stage: splitter.lua\n    with: {mode: shred}\n")
    assert.matches("must be one of split, keep", errs[1])
  end)

  it("suggests the closest option name", function()
    local _, errs = load("stages:\n  - stage: splitter.lua\n    with: {prefx: a}\n")
    assert.matches("has no option 'prefx' %(did you mean 'prefix'%?%)", errs[1])
  end)

  it("points an option of the stage written beside stage: to with:", function()
    local _, errs = load("stages:\n  - stage: clean\n    explain: true\n  - stage: sentences\n    bogus: 1\n")
    assert.are.equal(2, #errs)
    assert.are.equal("t.yaml:3:5: unknown key 'explain' in a stage entry ('explain' is an option"
      .. " of stage 'clean': did you mean to put it under with:?)", errs[1])
    -- a key that is no option of the stage gets no such hint
    assert.are.equal("t.yaml:5:5: unknown key 'bogus' in a stage entry", errs[2])
  end)

  it("points a misspelt option of the stage written beside stage: to its name under with:", function()
    local _, errs = load("stages:\n  - stage: clean\n    explian: true\n  - stage: clean\n    on_eror: skip\n")
    assert.are.equal(2, #errs)
    assert.are.equal("t.yaml:3:5: unknown key 'explian' in a stage entry (did you mean 'explain',"
      .. " an option of stage 'clean', under with:?)", errs[1])
    -- a key nearer one of the entry's own keys gets that one
    assert.are.equal("t.yaml:5:5: unknown key 'on_eror' in a stage entry (did you mean 'on_error'?)", errs[2])
  end)

  it("suggests the closest built-in stage", function()
    local _, errs = load("stages:\n  - stage: sumary\n")
    assert.matches("t.yaml:2:12: unknown stage 'sumary' %(did you mean 'summary'%?%)", errs[1])
  end)

  it("reports every error, not just the first", function()
    local _, errs = load("nme: x\nstages:\n  - stage: nope\noutput: {format: xml}\n")
    assert.are.equal(3, #errs)
  end)

  it("requires a stages list", function()
    local _, errs = load("name: empty\n")
    assert.matches("no 'stages' list", errs[1])
  end)

  it("rejects a pipeline that is not a mapping", function()
    local _, errs = load("- a\n- b\n")
    assert.matches("must be a mapping", errs[1])
  end)

  it("keeps a failed document with its error under on_error: keep", function()
    local p = assert(engine.load("stages:\n  - stage: ../../cli/fixtures/boom.lua\n    on_error: keep\n",
      "t.yaml", DIR))
    assert(p:init())
    local outs, fails, status = p:run({ id = "b", text = "boom" })
    assert.are.equal("ok", status)
    assert.are.equal(1, #outs)
    assert.are.equal(1, #fails)
    assert.matches("went boom", outs[1].errors[1].message)
  end)

  it("stops under on_error: fail", function()
    local p = assert(engine.load("stages:\n  - stage: ../../cli/fixtures/boom.lua\n", "t.yaml", DIR))
    assert(p:init())
    local outs, fails, status = p:run({ id = "b", text = "boom" })
    assert.are.equal("fail", status)
    assert.are.equal(0, #outs)
    assert.matches("stage 'boom' failed on document 'b'", fails[1].error)
    assert.matches("stack traceback", fails[1].traceback)
  end)

  it("selects output fields and converts spans in JSON", function()
    local p = assert(load("stages:\n  - stage: splitter.lua\n    with: {mode: keep}\n" ..
      "output: {format: jsonl, fields: [id, spans]}\n"))
    assert(p:init())
    local doc = { id = "s", text = "é ab", spans = { { start = 4, ["end"] = 5 } } }
    assert.are.equal('{"id":"s","spans":[{"start":2,"end":4}]}', p:format(doc))
  end)

  it("opens the built-in pipelines", function()
    for _, name in ipairs(engine.builtin_pipelines()) do
      local p, errs = engine.open(name, true)
      assert.is_table(p, errs and errs[1])
    end
  end)

  it("writes null for docpipe.null", function()
    local p = assert(load("stages:\n  - stage: splitter.lua\n    with: {mode: keep}\n"))
    assert(p:init())
    assert.are.equal('{"id":"n","title":null}', p:format({ id = "n", title = dp.null }))
  end)
end)

describe("docpipe.cpu_clock", function()
  it("counts CPU seconds of this thread, growing with work", function()
    local dp = require "docpipe"
    local t0 = dp.cpu_clock()
    assert.is_true(type(t0) == "number" and t0 >= 0)
    local x = 0
    for i = 1, 3e6 do x = x + i % 7 end
    local t1 = dp.cpu_clock()
    assert.is_true(x > 0)
    assert.is_true(t1 > t0)
  end)
end)

describe("the reader of saved web pages", function()
  it("reads a page under the default limits and names the limit it went over", function()
    local engine = require "docpipe.engine"
    local f = assert(io.open("../shared/data/pages/html/rdb-yahoo-2.html", "rb"))
    local page = f:read("a")
    f:close()
    local saved = engine.default_limits.time_ms
    engine.default_limits.time_ms = 1
    local doc, err = engine.text_doc("yahoo", "yahoo.html", page)
    engine.default_limits.time_ms = saved
    assert.is_nil(doc)
    assert.are.equal("reading the page took over 1 ms (the default limits.time_ms)", err)
    -- within the limits the same page reads
    doc = engine.text_doc("yahoo", "yahoo.html", page)
    assert.is_true(#doc.text > 1000)
  end)
end)

describe("the loader of a text file", function()
  it("warns of a file of white space alone as of an empty one", function()
    for _, bytes in ipairs { "", "  \n\t\n   \n", "\r\n\r\n" } do
      local doc = engine.text_doc("blank", "blank.txt", bytes)
      assert.are.same({ "empty document" }, { table.unpack(doc.meta.warnings) })
    end
    assert.is_nil(engine.text_doc("one", "one.txt", " x \n").meta)
  end)

  it("reads a NUL past the first 8 KiB as text and names it a NUL, not bad encoding", function()
    local head = ("The storm reached the coast. "):rep(300) -- 8,700 bytes
    local doc = assert(engine.text_doc("late", "late.txt", head .. "\0After \xff it.\0\n"))
    assert.are.equal(head .. "\u{FFFD}After \u{FFFD} it.\u{FFFD}\n", doc.text)
    assert.are.same({ "invalid UTF-8: 1 byte(s) replaced by U+FFFD",
      "2 NUL byte(s) after the first 8 KiB (the first at byte 8701) replaced by U+FFFD; read as text" },
      { table.unpack(doc.meta.warnings) })
    -- one in the first 8 KiB: a binary file, not a document
    local none, err = engine.text_doc("early", "early.txt", "The storm\0" .. head)
    assert.is_nil(none)
    assert.are.equal("binary file (a NUL byte in the first 8 KiB), skipped", err)
  end)

  it("names a raw NUL byte in a JSON Lines record as a NUL", function()
    local doc = engine.json_doc('{"text":"a\0b"}', "f", "f", 1)
    assert.are.equal("a\u{FFFD}b", doc.text)
    assert.are.same({ "1 NUL byte(s) replaced by U+FFFD" }, { table.unpack(doc.meta.warnings) })
  end)
end)

describe("a JSON Lines record with escaped surrogates", function()
  local engine = require "docpipe.engine"

  it("reads an unpaired surrogate as U+FFFD with a warning, keeping pairs", function()
    local doc = engine.json_doc([[{"id":"s","text":"lone \udc80 here, pair \ud83d\ude00, text \\ud800."}]], "f", "f", 1)
    assert.are.equal("lone \u{FFFD} here, pair \u{1F600}, text \\ud800.", doc.text)
    assert.matches("1 unpaired surrogate escape", doc.meta.warnings[1])
  end)

  it("replaces a high surrogate followed by another high one", function()
    local doc = engine.json_doc([[{"text":"\ud800\ud800\udc00"}]], "f", "f", 1)
    assert.are.equal("\u{FFFD}\u{10000}", doc.text)
  end)
end)

describe("json_doc's C reader of plain records", function()
  local engine = require "docpipe.engine"
  local dp = require "docpipe"

  -- the document as JSON with its metatable kinds, to compare two readings
  local function shown(doc, err)
    if doc == nil then return "nil: " .. tostring(err) end
    return dp.json.encode(doc, { spans = type(doc.text) == "string" and doc.text or nil })
      .. " " .. tostring((getmetatable(doc) or {}).__name)
  end

  it("reads every record as the Lua reader does", function()
    local records = {
      '{"id":"a","text":"One. Two."}',
      '{"text":"no id, no source"}',
      '{"id":null,"source":"s.txt","text":"a null id"}',
      '{"id":7,"text":"a number id","title":"T","n":[1,2.5,true,null]}',
      '{"id":"m","text":"with meta","meta":{"warnings":["old"]}}',
      '{"id":"m","text":"null meta","meta":null}',
      '{"id":"m","text":"list meta","meta":[]}',
      '{"id":"m","text":"bad meta","meta":3}',
      '{"id":"e","text":"  \\n\\t "}',
      '{"id":"e","text":""}',
      '{"id":"u","text":"an escape \\u00e9 and \\u0000"}',
      '{"id":"b","text":"a\\\\u0000 escaped backslash"}',
      '\239\187\191{"id":"bom","text":"x"}',
      '{"id":"cr","text":"x"}\r',
      '{"id":"bad","text":"caf\233"}',
      '{"id":"nul","text":"a\0b"}',
      '{"id":"s","text":"One.","sentences":[{"start":0,"end":4}]}',
      '{"id":"s","text":"One.","sentences":[{"start":0,"end":40}]}',
      '{"id":"h","html":"<p>Hi</p>"}',
      '{"id":"h","text":5}',
      '[1,2]',
      '{"id":"x","text":"x"',
      '   {"id":"ws","text":"spaces around"}   ',
      '{"id":"dup","text":"first","text":"second"}',
    }
    for i, r in ipairs(records) do
      for _, at in ipairs({ { "f.jsonl", "f.jsonl", i }, { "n\0ul", "-", 3 }, { "g", "g", 2.0 } }) do
        local fast = shown(engine.json_doc(r, at[1], at[2], at[3]))
        local slow = shown(engine.lua_json_doc(r, at[1], at[2], at[3]))
        assert.are.equal(slow, fast, ("record %d: %s"):format(i, r))
      end
    end
  end)
end)
