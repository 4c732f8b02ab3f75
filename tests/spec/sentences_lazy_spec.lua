-- det:sentences (docpipe.sbd), the list the sentences stage gives doc.sentences: split
-- now, its tables built when first read. Read in any way, it must be the list det:split
-- returns; written as JSON before it is read, it must come out byte for byte as that list.
local dp = require "docpipe"
local json = dp.json
local sentences = require "docpipe.stages.sentences"

local function detector()
  local ctx = { opts = { language = "en", abbreviations = {}, join_lines = true }, state = {} }
  sentences.init(ctx.opts, ctx)
  return ctx.state.detector
end

local TEXTS = {
  "Dr. Ada Moreau arrived. She left at noon! Mr. Bo\nstayed.\n\nNew paragraph.",
  "Caf\u{e9} opens. It closes at 5 p.m. Then \u{201c}why?\u{201d} she asked.\r\nA second\r\nline here.",
  "One line, no stop",
  "",
  "   \n\n  ",
  "Tabs\tand  spaces.  Wrapped\n   lines   here.\n\n\n\"Quoted.\" End.",
  ("A sentence with \"quotes\" and a \\ backslash. "):rep(40),
}

local function same_lists(a, b)
  assert.are.equal(#b, #a)
  for i = 1, #b do
    assert.are.equal(b[i].text, a[i].text)
    assert.are.equal(b[i].start, a[i].start)
    assert.are.equal(b[i]["end"], a[i]["end"])
  end
end

describe("det:sentences", function()
  local det = detector()

  it("is det:split's list when read by index, length and ipairs", function()
    for _, t in ipairs(TEXTS) do
      for _, join in ipairs({ true, false }) do
        local lazy, eager = det:sentences(t, join), det:split(t, join)
        local n = 0
        for i, s in ipairs(lazy) do
          n = i
          assert.are.equal(eager[i].text, s.text)
        end
        assert.are.equal(#eager, n)
        same_lists(lazy, eager)
        assert.are.equal(getmetatable(eager), getmetatable(lazy))
      end
    end
  end)

  it("walks with pairs in det:split's order, and takes assignments", function()
    local t = TEXTS[1]
    local lazy, eager = det:sentences(t), det:split(t)
    local ka, kb = {}, {}
    for k in pairs(lazy) do ka[#ka + 1] = k end
    for k in pairs(eager) do kb[#kb + 1] = k end
    assert.are.same(kb, ka)
    local fresh = det:sentences(t)
    fresh[#eager + 1] = { text = "x", start = 1, ["end"] = 1 }
    assert.are.equal(#eager + 1, #fresh)
    assert.are.equal(eager[1].text, fresh[1].text)
    local other = det:sentences(t)
    table.insert(other, 1, "first")
    assert.are.equal("first", other[1])
    assert.are.equal(eager[1].text, other[2].text)
  end)

  it("is a list to dp's type checks, and an empty text gives the empty list", function()
    local lazy = det:sentences(TEXTS[1])
    assert.are.equal("array", getmetatable(lazy).__name)
    local empty = det:sentences("")
    assert.are.equal(0, #empty)
    assert.are.equal(json.encode(det:split("")), json.encode(empty))
  end)

  it("is written as JSON, unread, byte for byte as det:split's list", function()
    for _, t in ipairs(TEXTS) do
      for _, join in ipairs({ true, false }) do
        for _, spans in ipairs({ t, t .. "\u{e9}\u{e9} more", t:sub(1, #t // 2), false }) do
          local opts = { spans = spans or nil }
          local eager = json.encode({ id = "d", text = t, sentences = det:split(t, join) }, opts)
          local lazy = det:sentences(t, join)
          assert.are.equal(eager, json.encode({ id = "d", text = t, sentences = lazy }, opts))
          assert.are.equal(json.encode(det:split(t, join), opts), json.encode(lazy, opts))
          -- pretty output builds it, then writes it as any list
          assert.are.equal(json.encode(det:split(t, join), { pretty = true, spans = spans or nil }),
            json.encode(lazy, { pretty = true, spans = spans or nil }))
          assert.are.equal(#det:split(t, join), #lazy)
        end
      end
    end
  end)

  it("copies each sentence from the text written before it, escapes and bad bytes included", function()
    -- the writer copies an unread list's sentences from where it wrote the document's
    -- text; texts built from pieces that are escaped, replaced (NUL, invalid UTF-8) or
    -- multi-byte, and cut anywhere, must still give det:split's bytes, with the text
    -- written first or (order) after the list
    local pieces = { "Word", "word", " ", ". ", "! ", "? ", "\"", "\\", "\n", "\r\n", "\t", "\0",
      "\1", "\31", "\u{e9}", "\u{201c}", "\u{201d}", "\u{2026}", "\xff", "\xc3", "\x80", "\xe2\x80",
      "\xf0\x9f\x98\x80", "Mr. ", "U.S. ", "\n\n", "\u{a0}", "1. ", "\u{3002}", "'", "(", ")" }
    local seed = 12345
    local function rand(n)  -- a fixed sequence, whatever math.random does
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n + 1
    end
    for _ = 1, 400 do
      local parts = {}
      for i = 1, rand(40) - 1 do parts[i] = pieces[rand(#pieces)] end
      local t = table.concat(parts)
      for _, join in ipairs({ true, false }) do
        for _, order in ipairs({ false, { "sentences", "text" } }) do
          local opts = { spans = t, order = order or nil }
          local eager = json.encode({ id = "d", text = t, sentences = det:split(t, join) }, opts)
          assert.are.equal(eager, json.encode({ id = "d", text = t, sentences = det:sentences(t, join) }, opts))
        end
      end
    end
  end)

  it("keeps its text: a later change of doc.text does not change it", function()
    local doc = { text = "First one. Second one." }
    doc.sentences = det:sentences(doc.text)
    doc.text = "Something else entirely."
    assert.are.equal("Second one.", doc.sentences[2].text)
  end)

  it("gives the stage's documents the same JSON as det:split would", function()
    local ctx = { opts = { language = "en", abbreviations = {}, join_lines = true }, state = {} }
    sentences.init(ctx.opts, ctx)
    for _, t in ipairs(TEXTS) do
      local doc = sentences.process({ id = "x", text = t }, ctx)
      local want = json.encode({ id = "x", text = t, sentences = det:split(t) }, { spans = t })
      assert.are.equal(want, json.encode(doc, { spans = t }))
    end
  end)
end)
