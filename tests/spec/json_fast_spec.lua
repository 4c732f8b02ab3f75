-- docpipe.json's decoding of edge cases (numbers, escapes, spans), and its fast paths: the
-- writer of small flat objects such as sentences, and the runner's output buffer
-- (`docpipe run` writes JSON Lines without a Lua string per document). Each fast path
-- must give what the general path gives.
local dp = require "docpipe"
local json = dp.json

local DOCPIPE = os.getenv("DOCPIPE_BIN") or "./docpipe"

local function read_all(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local function write_file(path, s)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
end

describe("docpipe.json decoding", function()
  it("decodes escapes, surrogate pairs and an escaped slash in one string", function()
    local v = json.decode('{"s":"a\\"b\\\\c\\u00e9\\ud83d\\ude00\\/\\t"}')
    assert.are.equal('a"b\\cé😀/\t', v.s)
  end)

  it("reads numbers as cJSON and the literal say: integers exact, 1e2 a float, -0 the integer 0", function()
    local v = json.decode('{"a":1e2,"b":-0,"c":9007199254740993,"d":123456789012345678,"e":-2.5}')
    assert.are.equal("float", math.type(v.a))
    assert.are.equal(100.0, v.a)
    assert.are.equal("integer", math.type(v.b))
    assert.are.equal(0, v.b)
    assert.are.equal(9007199254740993, v.c)
    assert.are.equal(123456789012345678, v.d)
    assert.are.equal(-2.5, v.e)
  end)

  it("reads a number beyond a double as the largest double of its sign, so it can be written back", function()
    local v = json.decode('{"x":1E400,"y":-1e999,"z":1e308}')
    assert.are.equal(1.7976931348623157e308, v.x)
    assert.are.equal(-1.7976931348623157e308, v.y)
    assert.are.equal(1e308, v.z)
    assert.are.equal('{"x":1.7976931348623157e+308}', json.encode({ x = v.x }))
  end)

  it("leaves to cJSON what strict JSON refuses: a leading zero, an escaped NUL, a BOM", function()
    assert.are.equal(1, json.decode('{"a":01}').a)
    assert.are.equal("x", json.decode('{"a":"x\\u0000y"}').a)  -- the string ends at the NUL
    assert.are.equal(1, json.decode('\239\187\191{"a":1}').a)
  end)

  it("refuses a lone surrogate with cJSON's message", function()
    local v, err = json.decode('{"a":"\\ud800"}')
    assert.is_nil(v)
    assert.are.equal("invalid JSON at line 1, column 7", err)
  end)

  it("converts a span that comes before the record's text, and uses the last text of two", function()
    local v = json.decode('{"q":{"start":5,"end":9},"text":"Café “ok”."}', true)
    assert.are.equal(7, v.q.start)
    assert.are.equal(14, v.q["end"])
    v = json.decode('{"text":"one","text":"Café “ok”.","q":{"start":5,"end":9}}', true)
    assert.are.equal("Café “ok”.", v.text)
    assert.are.equal(7, v.q.start)
    assert.are.equal(14, v.q["end"])
  end)

  it("marks a span outside the text so that it is written back as it was read", function()
    local s = '{"text":"é","q":{"start":1,"end":2}}'
    local v = json.decode(s, true)
    assert.are.equal(1, v.q.start)
    assert.are.equal(s, json.encode(v, { spans = v.text }))
  end)

  it("reads an object with many members and a deep array", function()
    local parts = {}
    for i = 1, 5000 do parts[i] = ('"k%d":%d'):format(i, i) end
    local v = json.decode("{" .. table.concat(parts, ",") .. "}")
    assert.are.equal(5000, v.k5000)
    local deep = json.decode(("["):rep(600) .. ("]"):rep(600))
    assert.are.equal("table", type(deep[1][1]))
  end)
end)

describe("docpipe.json flat objects", function()
  it("keeps a whole float in a small object as a float", function()
    assert.are.equal('{"a":3.0,"b":"x"}', json.encode({ a = 3.0, b = "x" }))
    assert.are.equal('[{"start":1,"end":2.0}]', json.encode({ { start = 1, ["end"] = 2.0 } }))
  end)

  it("writes a sentence table with its span converted to code points", function()
    local text = "Café “ok”. Next."
    local s = json.encode({ text = text, sentences = { { text = "Next.", start = 17, ["end"] = 21 } } },
      { spans = text })
    assert.are.equal('{"text":"Café “ok”. Next.","sentences":[{"text":"Next.","start":11,"end":16}]}', s)
  end)

  it("writes an empty unmarked table as [] and one with string keys as an object", function()
    assert.are.equal("[[],{\"x\":1}]", json.encode({ {}, { x = 1 } }))
  end)

  it("refuses NaN in a small object with the general message", function()
    local ok, err = pcall(json.encode, { a = 0 / 0 })
    assert.is_false(ok)
    assert.matches("cannot encode NaN or infinity", err)
  end)
end)

describe("docpipe run JSON output", function()
  local dir = os.tmpname()
  os.remove(dir)
  assert(os.execute("mkdir -p " .. dir))
  write_file(dir .. "/nan.lua", [[
return {
  name = "nan",
  process = function(doc)
    if doc.text:find("bad", 1, true) then doc.score = 0 / 0 end
    return doc
  end,
}
]])
  write_file(dir .. "/p.yaml", "stages:\n  - stage: nan.lua\n  - stage: sentences\non_error: skip\n")
  local input = dir .. "/in.jsonl"
  write_file(input, table.concat({
    '{"id":"a","text":"Rain fell on Oxvale. Crews cleared the road."}',
    '{"id":"b","text":"A bad day."}',
    '{"id":"c","text":"Mayor Tilda Brenn said “Wait.” Nobody did."}',
  }, "\n") .. "\n")

  local function run(jobs)
    local out, errs = dir .. "/out" .. jobs .. ".jsonl", dir .. "/errs" .. jobs .. ".jsonl"
    os.execute(("%s run %s %s -o %s --errors %s -j %d -q 2>/dev/null"):format(DOCPIPE,
      dir .. "/p.yaml", input, out, errs, jobs))
    return read_all(out), read_all(errs)
  end

  it("writes each document as json.encode does, -j 1 and -j 2 alike", function()
    local out1 = run(1)
    local out2 = run(2)
    assert.are.equal(out1, out2)
    local lines = {}
    for line in out1:gmatch("[^\n]+") do lines[#lines + 1] = line end
    assert.are.equal(2, #lines)
    local doc = json.decode(lines[1], true)
    assert.are.equal("a", doc.id)
    assert.are.equal("Crews cleared the road.", doc.sentences[2].text)
    assert.are.equal(lines[1], json.encode(doc, { spans = doc.text }))
  end)

  it("reports a document that cannot be written and writes the others", function()
    local _, errs1 = run(1)
    local _, errs2 = run(2)
    assert.are.equal(errs1, errs2)
    local rec = json.decode(errs1:match("[^\n]+"))
    assert.are.equal("b", rec.id)
    assert.are.equal("output", rec.stage)
    assert.are.equal("cannot write document 'b': json.encode: cannot encode NaN or infinity", rec.error)
  end)
end)

-- Random small objects of the kinds documents hold, written by both writers.
describe("docpipe.json flat-object writer against the general one", function()
  local rng = 20251129
  local function rand(n)  -- deterministic, the same on every run
    rng = (rng * 1103515245 + 12345) % 2147483648
    return rng % n + 1
  end
  local keys = { "start", "end", "text", "id", "a", "b", "t\\u00e9" }

  it("writes 3000 random small objects as the general writer does", function()
    local text = "Café “ok”. Second one here."
    local vals = { "w", "q\"t", 3, -7, 2.5, 3.0, true, false, dp.null, "é" }
    for _ = 1, 3000 do
      local t = {}
      for _ = 1, rand(6) do t[keys[rand(#keys)]:gsub("\\u00e9", "é")] = vals[rand(#vals)] end
      if rand(2) == 1 then t.start, t["end"] = rand(40) - 2, rand(40) - 2 end
      local general = setmetatable({}, { __index = t })  -- another mark: the general writer
      for k, v in pairs(t) do rawset(general, k, v) end
      for _, opts in ipairs({ {}, { spans = text } }) do
        assert.are.equal(json.encode({ general }, opts), json.encode({ t }, opts))
      end
    end
  end)
end)
