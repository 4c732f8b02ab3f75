-- docpipe.text and docpipe.utf8: the Lua face of the C text primitives.
local dp = require "docpipe"

describe("docpipe.text", function()
  it("normalises white space, Unicode spaces included", function()
    assert.are.equal("a b c", dp.text.normalize_space("  a\u{00A0}\n b\tc "))
  end)

  it("trims Unicode white space", function()
    assert.are.equal("x y", dp.text.trim("\u{2003} x y \n"))
  end)

  it("tokenizes words with inner apostrophes, hyphens and initialisms", function()
    assert.are.same({ "Park", "In-ho", "didn't", "visit", "the", "U.S.", "in", "2011" },
      { table.unpack(dp.text.words("Park In-ho didn't visit the U.S. in 2011.")) })
  end)

  it("gives a text's shape from one scan: characters, end bytes and what it holds", function()
    local S = dp.text.SHAPE
    local chars, first, second, last, flags = dp.text.shape("© Ana/Reuters.”")
    assert.are.equal(15, chars)
    assert.are.equal(0xC2, first)
    assert.are.equal(0xA9, second)
    assert.are.equal(0x9D, last)
    assert.is_true(flags & S.sentence ~= 0)
    assert.is_true(flags & S.copyright ~= 0)
    assert.is_true(flags & S.slash ~= 0)
    assert.is_true(flags & S.upper ~= 0 and flags & S.lower ~= 0)
    assert.is_true(flags & S.colon_end == 0)
  end)

  it("tells the single bytes a text holds: digits, colon, @, hyphen, paren, question mark, signs, C2", function()
    local S = dp.text.SHAPE
    local flags = select(5, dp.text.shape("x7 y: a@b c-d (e) f? g$ \194\176"))
    for _, k in ipairs { "digit", "colon", "at", "hyphen", "paren", "question", "sign", "latin1" } do
      assert.is_true(flags & S[k] ~= 0, k)
    end
    assert.are.equal(0, flags & S.wide)
    assert.are.equal(S.lower, select(5, dp.text.shape("plain")))
    -- (a byte's own bits: never the bits of its place, sentence end or colon near the end)
    assert.are.equal(0, S.byte_bits & (S.sentence | S.colon_end))
    assert.are.equal(S.colon, select(5, dp.text.shape(":")) & S.byte_bits)
  end)

  it("counts bytes for invalid UTF-8 and gives nil bytes past a short text's end", function()
    local chars, first, second, last, flags = dp.text.shape("a\128")
    assert.are.equal(2, chars)
    assert.are.equal(97, first)
    assert.are.equal(128, second)
    assert.are.equal(128, last)
    assert.are.equal(dp.text.SHAPE.lower, flags)
    chars, first, second, last, flags = dp.text.shape("")
    assert.are.equal(0, chars)
    assert.is_nil(first)
    assert.is_nil(second)
    assert.is_nil(last)
    assert.are.equal(0, flags)
  end)

  it("returns word spans as 1-based inclusive byte offsets", function()
    local s = "Café opens"
    local words, starts, ends = dp.text.word_spans(s)
    assert.are.equal("Café", words[1])
    assert.are.equal(1, starts[1])
    assert.are.equal(5, ends[1])
    assert.are.equal("opens", s:sub(starts[2], ends[2]))
  end)

  it("splits paragraphs on blank lines with offsets into the text", function()
    local s = "One.\nStill one.\n\n  Two.  \n"
    local ps = dp.text.paragraphs(s)
    assert.are.equal(2, #ps)
    assert.are.equal("One.\nStill one.", ps[1].text)
    assert.are.equal("Two.", s:sub(ps[2].start, ps[2]["end"]))
  end)

  it("composes to Unicode NFC", function()
    assert.are.equal("caf\u{E9}", dp.text.nfc("cafe\u{301}"))
    assert.are.equal("\u{212B}" == "\u{C5}", false)
    assert.are.equal("\u{C5}", dp.text.nfc("\u{212B}"))  -- the angstrom sign is a singleton
  end)

  it("returns a string that is not UTF-8 unchanged, with false", function()
    local s, ok = dp.text.nfc("ab\255")
    assert.are.equal("ab\255", s)
    assert.is_false(ok)
  end)

  it("splits lines", function()
    assert.are.same({ "a", "", "b" }, { table.unpack(dp.text.lines("a\n\nb")) })
  end)

  it("splits lines with where each starts and ends without its spaces", function()
    local lines, firsts, lasts, leads = dp.text.lines("  a b \n\n   \nxy\n\tc", true)
    assert.are.same({ "  a b ", "", "   ", "xy", "\tc" }, lines)
    assert.are.same({ 3, 0, 0, 1, 1 }, firsts)
    assert.are.same({ 5, 0, 0, 2, 2 }, lasts)
    assert.are.same({ 97, 0, 0, 120, 9 }, leads)
    assert.are.equal(1, select("#", dp.text.lines("a")))
  end)

  it("lists the fields of a text as gmatch('%S+') does", function()
    for _, s in ipairs { "  a  bc\t\nd\v\f\re ", "no-break\u{A0}space, x.", "", " \t " } do
      local want = {}
      for t in s:gmatch("%S+") do want[#want + 1] = t end
      assert.are.same(want, dp.text.fields(s))
    end
  end)

  it("lists the ASCII words of a piece of a text as gmatch('%a[%a.]*') does", function()
    local s = "updated 10:26 a.m. EST, Wed. caf\u{E9}"
    local function want(i, j)
      local w = {}
      for t in s:sub(i, j):gmatch("%a[%a.]*") do w[#w + 1] = t end
      return w
    end
    for _, r in ipairs { { 1, -1 }, { 1, 8 }, { 15, 18 }, { 16, 40 }, { 9, 8 }, { -5, -1 }, { 0, 100 } } do
      assert.are.same(want(r[1], r[2]), dp.text.ascii_words(s, r[1], r[2]))
    end
    assert.are.same(want(1, -1), dp.text.ascii_words(s))
  end)
end)

describe("docpipe.utf8", function()
  it("counts code points", function()
    assert.are.equal(4, dp.utf8.len("Café"))
  end)

  it("converts between bytes and code points", function()
    local s = "“Hi”"
    assert.are.equal(1, dp.utf8.byte_to_cp(s, 4))
    assert.are.equal(4, dp.utf8.cp_to_byte(s, 1))
  end)

  it("reports and repairs invalid UTF-8", function()
    local ok, at = dp.utf8.valid("ab\255c")
    assert.is_false(ok)
    assert.are.equal(3, at)
    local fixed, n = dp.utf8.clean("ab\255c")
    assert.are.equal("ab\u{FFFD}c", fixed)
    assert.are.equal(1, n)
  end)

  it("fixes invalid UTF-8 and NULs byte by byte as json.encode does, nothing else", function()
    local fixed, n = dp.utf8.fix("ok \xff\xfe bad\r\n\0\xe2\x82")
    assert.are.equal("ok \u{FFFD}\u{FFFD} bad\r\n\u{FFFD}\u{FFFD}\u{FFFD}", fixed)
    assert.are.equal(5, n)
    local s = "\xEF\xBB\xBFvalid é\r"
    local same, none = dp.utf8.fix(s)
    assert.are.equal(s, same)
    assert.are.equal(0, none)
  end)

  it("takes substrings by code point", function()
    assert.are.equal("afé", dp.utf8.sub("Café", 2))
    assert.are.equal("é", dp.utf8.sub("Café", -1))
  end)
end)

describe("docpipe.data", function()
  it("lists a data file without comments and blank lines", function()
    local words = dp.data.list("en/stopwords.txt")
    assert.is_true(#words > 50)
    for _, w in ipairs(words) do assert.is_nil(w:match("^#")) end
  end)

  it("returns nil and a message for a missing data file", function()
    local v, err = dp.data.read("en/no-such-file.txt")
    assert.is_nil(v)
    assert.matches("no data file", err)
  end)
end)

describe("docpipe.text.tokens", function()
  local function show(list)
    local out = {}
    for i, t in ipairs(list) do out[i] = t.k .. ":" .. t.t end
    return table.concat(out, " ")
  end

  it("gives words and punctuation with 1-based inclusive byte spans", function()
    local s = "“Yes,” Park In-ho said."
    local t = dp.text.tokens(s)
    assert.are.equal("p:“ w:Yes p:, p:” w:Park w:In-ho w:said p:.", show(t))
    for _, tok in ipairs(t) do assert.are.equal(tok.t, s:sub(tok.s, tok.e)) end
    assert.are.same({ 1, 3 }, { t[1].s, t[1].e })
    assert.is_true(t[1].ws)
    assert.is_false(t[2].ws)
    assert.is_true(t[5].cap)
    assert.is_false(t[7].cap)
  end)

  it("writes low in ASCII lower case with a curly apostrophe straightened", function()
    local t = dp.text.tokens("DON’T Stop")
    assert.are.equal("don't", t[1].low)
    assert.are.equal("DON’T", t[1].t)
    assert.are.equal("stop", t[2].low)
  end)

  it("keeps the point of initials, initialisms and listed abbreviations", function()
    local t = dp.text.tokens("Mr. J. Smith of the U.S. Army met Gen. Lee at 5 p.m.", { mr = true })
    assert.are.equal("w:Mr. w:J. w:Smith w:of w:the w:U.S. w:Army w:met w:Gen p:. w:Lee w:at w:5 w:p.m p:.",
      show(t))
    assert.are.equal("mr", t[1].low)
    assert.are.equal(3, t[1].e)
  end)

  it("returns an empty list for white space only", function()
    assert.are.equal(0, #dp.text.tokens(" \n\t"))
  end)
end)

describe("docpipe.text.tokens with the quotes stage's options", function()
  local QUOTES = { ['"'] = { fam = "double", side = "both" },
    ["\u{201C}"] = { fam = "double", side = "open" }, ["\u{2019}"] = { fam = "single", side = "close" } }
  local DOUBLED = { ["'"] = { fam = "double", side = "both" }, ["`"] = { fam = "double", side = "open" } }

  local function show(list)
    local out = {}
    for i, t in ipairs(list) do out[i] = t.k .. ":" .. t.t end
    return table.concat(out, " ")
  end

  it("gives each token the index of the first paragraph ending at or after its start", function()
    local s = "One two.\n\nThree. Four"
    local t = dp.text.tokens(s, nil, { paragraphs = { { s = 1, e = 8 }, { s = 11, e = 21 } } })
    local paras = {}
    for i, tok in ipairs(t) do paras[i] = tok.para end
    assert.are.same({ 1, 1, 1, 2, 2, 2 }, paras)
  end)

  it("gives a token after the last paragraph the count of paragraphs plus one", function()
    local t = dp.text.tokens("a b", nil, { paragraphs = { { s = 1, e = 1 } } })
    assert.are.same({ 1, 2 }, { t[1].para, t[2].para })
    t = dp.text.tokens("a b", nil, { paragraphs = {} })
    assert.are.same({ 1, 1 }, { t[1].para, t[2].para })
  end)

  it("sets sent to false on every token", function()
    for _, tok in ipairs(dp.text.tokens("“Yes,” he said.", nil, {})) do
      assert.is_false(tok.sent)
    end
  end)

  it("makes the listed characters quote marks with their family and side", function()
    local t = dp.text.tokens("“No,” he said, \"fine\".", nil, { quotes = QUOTES })
    assert.are.equal("q:“ w:No p:, p:” w:he w:said p:, q:\" w:fine q:\" p:.", show(t))
    assert.are.same({ "double", "open" }, { t[1].fam, t[1].side })
    assert.are.same({ "double", "both" }, { t[8].fam, t[8].side })
    assert.is_nil(t[4].fam)
    assert.are.equal("”", t[4].low)
  end)

  it("joins a typewriter quote written twice into one quote mark", function()
    local t = dp.text.tokens("``Go,'' she said. ''' x", nil, { quotes = QUOTES, doubled = DOUBLED })
    assert.are.equal("q:`` w:Go p:, q:'' w:she w:said p:. q:'' p:' w:x", show(t))
    assert.are.same({ "double", "open", "``", 1, 2 }, { t[1].fam, t[1].side, t[1].low, t[1].s, t[1].e })
    assert.are.same({ "double", "both", 6, 7 }, { t[4].fam, t[4].side, t[4].s, t[4].e })
    assert.is_true(t[5].ws)
  end)

  it("leaves a quote character that is not listed as punctuation", function()
    local t = dp.text.tokens("'x' `y", nil, { doubled = DOUBLED })
    assert.are.equal("p:' w:x p:' p:` w:y", show(t))
  end)
end)

describe("docpipe.text.tokens on a huge single word", function()
  it("does not reserve a slot per few bytes of input", function()
    local s = ("x"):rep(10 * 1024 * 1024)
    collectgarbage("collect")
    local before = collectgarbage("count")
    local t = dp.text.tokens(s)
    local grew = collectgarbage("count") - before
    assert.are.equal(1, #t)
    assert.is_true(grew < 2 * 10 * 1024 + 4096, "grew " .. grew .. " KB")  -- the token's two strings, not 40 MB of slots
  end)
end)
