-- docpipe.json: types kept both ways, key order, span conversion.
local dp = require "docpipe"
local json = dp.json

describe("docpipe.json", function()
  it("keeps integers as integers and floats as floats", function()
    local v = json.decode('{"i": 3, "f": 2.5, "big": 1e300}')
    assert.are.equal("integer", math.type(v.i))
    assert.are.equal("float", math.type(v.f))
    assert.are.equal('{"f":2.5,"i":3}', json.encode({ i = 3, f = 2.5 }))
  end)

  it("keeps an empty list as [] and an empty object as {}", function()
    local v = json.decode('{"a": [], "o": {}}')
    assert.are.equal('{"a":[],"o":{}}', json.encode(v))
    assert.are.equal("[]", json.encode({}))
    assert.are.equal("{}", json.encode(dp.object()))
  end)

  it("maps null to docpipe.null and back", function()
    local v = json.decode('[1, null, 3]')
    assert.are.equal(dp.null, v[2])
    assert.are.equal(3, v[3])
    assert.are.equal("[1,null,3]", json.encode(v))
  end)

  it("writes document fields in the model's order", function()
    local s = json.encode({ text = "t", id = "x", zeta = 1, alpha = 2, title = "T" })
    assert.are.equal('{"id":"x","title":"T","text":"t","alpha":2,"zeta":1}', s)
  end)

  it("converts Lua byte spans to code point spans on encode", function()
    local text = "Café “ok”."
    local s = json.encode({ text = text, sentences = { { text = "“ok”", start = 7, ["end"] = 14 } } },
      { spans = text })
    assert.truthy(s:find('"start":5,"end":9', 1, true))
  end)

  it("converts code point spans back to byte spans on decode", function()
    local v = json.decode('{"text":"Café “ok”.","q":{"start":5,"end":9}}', true)
    assert.are.equal(7, v.q.start)
    assert.are.equal(14, v.q["end"])
    assert.are.equal("“ok”", v.text:sub(v.q.start, v.q["end"]))
  end)

  it("keeps integers beyond 2^53 exact both ways", function()
    local v = json.decode('{"a":1234567890123456789,"b":9007199254740993,"c":-9223372036854775808}')
    assert.are.equal(1234567890123456789, v.a)
    assert.are.equal(9007199254740993, v.b)
    assert.are.equal(math.mininteger, v.c)
    assert.are.equal('{"a":1234567890123456789,"b":9007199254740993}', json.encode({ a = v.a, b = v.b }))
    assert.are.equal('[9223372036854775807]', json.encode({ math.maxinteger }))
  end)

  it("reads a big integer after strings holding digits and escapes", function()
    local v = json.decode('{"s":"12 \\" 34","t":[1,2.5],"big":123456789012345678}')
    assert.are.equal(123456789012345678, v.big)
  end)

  it("leaves a user's start/end outside the text as written", function()
    local s = '{"text":"Short.","range":{"start":10,"end":20}}'
    assert.are.equal(s, json.encode(json.decode(s, true), { spans = "Short." }))
  end)

  it("returns nil and a position for invalid JSON", function()
    local v, err = json.decode('{"a": 1,\n "b": }')
    assert.is_nil(v)
    assert.matches("line 2, column %d+", err)
  end)

  it("rejects trailing data after the value", function()
    local v, err = json.decode('{"a": 1} x')
    assert.is_nil(v)
    assert.matches("unexpected data", err)
  end)

  it("raises on values JSON cannot hold", function()
    assert.has_error(function() json.encode({ f = print }) end)
    assert.has_error(function() json.encode({ n = 0 / 0 }) end)
  end)

  it("counts the bytes it writes as U+FFFD when asked (count_replaced)", function()
    local opts = { count_replaced = true }
    local s, n = json.encode({ text = "ok \xff\xfe bad", ["k\xc3"] = "a\0" }, opts)
    assert.are.equal('{"text":"ok \u{FFFD}\u{FFFD} bad","k\u{FFFD}":"a\u{FFFD}"}', s)
    assert.are.equal(4, n)
    assert.are.same({ '{"a":"é"}', 0 }, { json.encode({ a = "é" }, opts) })
    assert.are.equal(1, select("#", json.encode({ a = "\xff" })))
  end)

  it("refuses a table that contains itself", function()
    local t = {}
    t.self = t
    assert.has_error(function() json.encode(t) end)
  end)

  it("decodes deeply nested arrays up to cJSON's nesting limit without crashing", function()
    local deep = string.rep("[", 5000) .. string.rep("]", 5000)
    local v, err = json.decode(deep)
    assert.is_nil(v)
    assert.is_string(err)
  end)
end)
