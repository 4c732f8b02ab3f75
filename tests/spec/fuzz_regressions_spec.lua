-- Regressions found by fuzzing (tests/fuzz/): each `it` pins the right
-- value for an input that once crashed, hit undefined behaviour or broke
-- an invariant. The raw inputs are in tests/fuzz/regressions/TARGET/.
local dp = require "docpipe"
local json = dp.json

describe("docpipe.json (fuzz regressions)", function()
  it("keeps CR and a leading BOM when it replaces an invalid byte, so spans still fit", function()
    -- regressions/fuzz_jsonl/repair_keeps_cr_bom.jsonl
    local text = "\239\187\191bom\r\nin \192 x"   -- BOM, CRLF, an invalid byte
    local s = json.encode({ text = text, sentences = { { start = 1, ["end"] = #text } } },
      { spans = text })
    assert.are.equal('{"text":"\239\187\191bom\\r\\nin \239\191\189 x",'
      .. '"sentences":[{"start":0,"end":12}]}', s)
    local v = json.decode(s, true)
    assert.are.equal(#v.text, v.sentences[1]["end"])
    assert.are.equal(s, json.encode(v, { spans = v.text }))
  end)

  it("decodes numbers beyond the integer range as floats", function()
    -- regressions/fuzz_jsonl/inf_to_integer.jsonl: 1e999 was converted to an integer
    local v = json.decode('[1e999, -1e999, 1e300, 9007199254740992, 12345678901234567890]')
    -- (beyond a double: the largest double of its sign, see json_fast_spec)
    assert.are.equal("float", math.type(v[1]))
    assert.are.equal(1.7976931348623157e308, v[1])
    assert.are.equal(-1.7976931348623157e308, v[2])
    assert.are.equal("float", math.type(v[3]))
    assert.are.equal("integer", math.type(v[4]))
    assert.are.equal("float", math.type(v[5]))
  end)

  it("writes a float exactly, so reading it back gives the same number", function()
    -- regressions/fuzz_jsonl/float_precision.jsonl: cJSON printed 15 digits when they
    -- matched within an epsilon, and 2512345678901460.5 came back as 2512345678901460
    local v = json.decode('[2512345678901460.31, 0.1, 1e300]')
    assert.are.equal("[2512345678901460.5,0.1,1e+300]", json.encode(v))
    assert.are.equal(v[1], json.decode(json.encode(v))[1])
  end)

  it("keeps span offsets far past the text as written, without a crash", function()
    -- regressions/fuzz_jsonl/huge_span.jsonl
    local s = '{"text":"abc","start":1e300,"end":1e301}'
    local v = json.decode(s, true)
    assert.are.equal(1e300, v.start)
    assert.are.equal(1e301, v["end"])
  end)

  it("keeps an inverted span as written, so a round trip keeps it", function()
    -- regressions/fuzz_jsonl/inverted_span.jsonl
    local s = '{"text":"h\195\169llo","start":4,"end":2}'
    local v = json.decode(s, true)
    assert.are.equal(4, v.start)
    assert.are.equal(2, v["end"])
    assert.are.equal(s, json.encode(v, { spans = v.text }))
  end)

  it("keeps a negative or fractional offset as written", function()
    -- regressions/fuzz_jsonl/negative_start_float_end.jsonl
    local s = '{"text":"abc","q":{"start":-1,"end":2.75}}'
    local v = json.decode(s, true)
    assert.are.equal(-1, v.q.start)
    assert.are.equal(2.75, v.q["end"])
    assert.are.equal(s, json.encode(v, { spans = v.text }))
  end)

  it("converts a span within the text both ways", function()
    local s = '{"text":"h\195\169llo","q":{"start":1,"end":4}}'
    local v = json.decode(s, true)
    assert.are.equal(2, v.q.start)  -- code point 1 is byte 2; é is two bytes
    assert.are.equal(5, v.q["end"])
    assert.are.equal("\195\169ll", v.text:sub(v.q.start, v.q["end"]))
    assert.are.equal(s, json.encode(v, { spans = v.text }))
  end)

  it("keeps a span past the text in code points as written, though it fits in bytes", function()
    -- regressions/fuzz_jsonl/span_past_end_multibyte.jsonl: "é" is 1 code point, 2 bytes;
    -- end = 2 was kept, then converted by the encoder as a byte offset into {0, 1}
    local s = '{"text":"\195\169","start":1,"end":2}'
    local v = json.decode(s, true)
    assert.are.equal(1, v.start)
    assert.are.equal(2, v["end"])
    assert.are.equal("integer", math.type(v["end"]))
    assert.are.equal("object", getmetatable(v).__name)  -- marked: not byte offsets
    assert.are.equal(s, json.encode(v, { spans = v.text }))
  end)

  it("counts spans in the last \"text\" member, the one the table keeps", function()
    -- regressions/fuzz_jsonl/duplicate_text.jsonl
    local v = json.decode('{"text":"\195\169\195\169\195\169","text":"abc","start":1,"end":2}', true)
    assert.are.equal("abc", v.text)
    assert.are.equal(2, v.start)
    assert.are.equal(2, v["end"])
  end)

  it("repairs object keys and orders them by the key written", function()
    -- regressions/fuzz_jsonl/repaired_key_order.jsonl
    local s = json.encode(dp.object({ ["b\255"] = 1, ["b\239\191\189a"] = 2, ["bz"] = 3 }))
    assert.are.equal('{"bz":3,"b\239\191\189":1,"b\239\191\189a":2}', s)
  end)

  it("writes one member for keys written alike, the string key's", function()
    local s = json.encode(dp.object({ [1] = "number", ["1"] = "string" }))
    assert.are.equal('{"1":"string"}', s)
    s = json.encode(dp.object({ ["k\255"] = "a", ["k\254"] = "b" }))
    assert.are.equal('{"k\239\191\189":"a"}', s)   -- the last by original bytes
  end)
end)

describe("docpipe.yaml (fuzz regressions)", function()
  it("refuses a NaN mapping key with its position instead of raising", function()
    -- regressions/fuzz_yaml/nan_key.yaml: rawset raised and leaked the parsed tree
    local v, err = dp.yaml.load("a: 1\n.nan: 2\n", "p.yaml")
    assert.is_nil(v)
    assert.are.equal("p.yaml:2:1: a mapping key cannot be NaN", err)
    local p, errs = require("docpipe.engine").load("stages: [clean]\n{.NaN: 1}: x\n", "p.yaml")
    assert.is_nil(p)
    assert.are.same({ "p.yaml:2:1: a mapping key must be a plain value, not a mapping" }, errs)
  end)

  it("still takes NaN as a value", function()
    local v = dp.yaml.load("a: .nan\n")
    assert.is_true(v.a ~= v.a)
  end)
end)
