--- Specs for docpipe.re, the PCRE2 binding (src/lua_re.c).
-- Offsets are 1-based inclusive byte offsets, as everywhere in Lua.

local re = require("docpipe").re

-- Message of the error raised by f(...), without the "file:line: " prefix.
local function err_of(f, ...)
  local ok, msg = pcall(f, ...)
  assert.is_false(ok)
  return (tostring(msg):gsub("^[^:]*:%d+: ", ""))
end

local function pack(...) return { n = select("#", ...), ... } end

describe("re.compile", function()
  it("returns a docpipe.regex object that prints its pattern and flags", function()
    local rx = re.compile("a+b", "ix")
    assert.are.equal("userdata", type(rx))
    assert.are.equal("docpipe.regex /a+b/ix", tostring(rx))
    assert.are.equal("docpipe.regex /x/", tostring(re.compile("x")))
  end)

  it("returns a compiled regex given as pattern unchanged", function()
    local rx = re.compile("a")
    assert.are.equal(rx, re.compile(rx))
  end)

  it("applies the i, m, s and x flags", function()
    assert.is_nil(re.compile("élan"):find("ÉLAN"))
    assert.are.same({ 1, 5 }, { re.compile("élan", "i"):find("ÉLAN") })
    assert.is_nil(re.compile("^b$"):find("a\nb"))
    assert.are.same({ 3, 3 }, { re.compile("^b$", "m"):find("a\nb") })
    assert.is_nil(re.compile("a.b"):find("a\nb"))
    assert.are.same({ 1, 3 }, { re.compile("a.b", "s"):find("a\nb") })
    assert.are.same({ 1, 2 }, { re.compile("a b  # letters", "x"):find("ab") })
    assert.are.same({ 3, 5 }, { re.compile("^b.c$", "smi"):find("a\nB\nC") })
  end)

  it("always matches with Unicode semantics (UTF and UCP)", function()
    -- \w, \b and \d know non-ASCII letters and digits
    assert.are.equal("Zürich", re.match("«Zürich»", "\\b\\w+\\b"))
    assert.are.equal("४२", re.match("no. ४२", "\\d+"))
    assert.are.equal("Ö", re.match("öÖ", "\\p{Lu}"))
    -- . is one code point
    assert.are.same({ 1, 3 }, { re.find("€", "^.$") })
  end)

  it("raises 'bad pattern at offset N: MESSAGE' for a bad pattern", function()
    assert.are.equal("docpipe.re: bad pattern at offset 3: missing closing parenthesis",
      err_of(re.compile, "a(b"))
    assert.are.equal("docpipe.re: bad pattern at offset 1: unmatched closing parenthesis",
      err_of(re.compile, "a)"))
    assert.matches("^docpipe%.re: bad pattern at offset 2: UTF%-8 error",
      err_of(re.compile, "ab\255"))
    -- the module functions report the same
    assert.are.equal("docpipe.re: bad pattern at offset 3: missing closing parenthesis",
      err_of(re.find, "abc", "a(b"))
  end)

  it("rejects unknown flags and non-string patterns", function()
    assert.are.equal("bad argument #2 to 'compile' (invalid flag 'q' (expected i, m, s or x))",
      err_of(function() return re.compile("a", "iq") end))
    assert.are.equal("bad argument #1 to 'compile' (string expected, got nil)",
      err_of(function() return re.compile() end))
    assert.are.equal("bad argument #2 to 'compile' (flags must be nil when a compiled regex is given)",
      err_of(function() return re.compile(re.compile("a"), "i") end))
  end)

  it("keeps regex objects valid after their cache entries are evicted", function()
    local first = re.compile("first(\\d)")
    for i = 1, 600 do re.find("x", "p" .. i) end
    assert.are.equal("7", first:match("first7"))
  end)
end)

describe("rx:find", function()
  local rx = re.compile("(\\d+)-(\\d+)")

  it("returns 1-based inclusive byte offsets and the captures", function()
    assert.are.same({ 7, 12, "12", "345" }, { rx:find("pages 12-345") })
  end)

  it("counts offsets in bytes over multi-byte characters", function()
    assert.are.same({ 8, 11 }, { re.compile("\\d+"):find("café: 2021") })
  end)

  it("returns only start and end when the pattern has no captures", function()
    local r = pack(re.compile("b+"):find("abbc"))
    assert.are.equal(2, r.n)
    assert.are.same({ 2, 3 }, { r[1], r[2] })
  end)

  it("returns nil when there is no match", function()
    local r = pack(rx:find("no digits"))
    assert.are.equal(1, r.n)
    assert.is_nil(r[1])
  end)

  it("reports an empty match at byte i as start i, end i - 1", function()
    assert.are.same({ 1, 0 }, { re.compile("x*"):find("abc") })
    assert.are.same({ 4, 3 }, { re.compile("$"):find("abc") })
  end)

  it("returns false for a group that did not take part in the match", function()
    local r = pack(re.compile("(a)|(b)"):find("b"))
    assert.are.equal(4, r.n)
    assert.are.same({ 1, 1, false, "b" }, { r[1], r[2], r[3], r[4] })
  end)

  it("starts at init, counting negative init from the end like string.find", function()
    local d = re.compile("\\d")
    assert.are.same({ 3, 3 }, { d:find("1a23", 2) })
    assert.are.same({ 4, 4 }, { d:find("1a23", -1) })
    assert.are.same({ 1, 1 }, { d:find("1a23", -10) })
    assert.are.same({ 1, 1 }, { d:find("1a23", 0) })
    assert.is_nil(d:find("1a23", 5))
    assert.are.same({ 5, 4 }, { re.compile(""):find("1a23", 5) })
    assert.is_nil(re.compile(""):find("1a23", 6))
  end)

  it("lets lookbehind and \\b see the bytes before init", function()
    assert.is_nil(re.compile("\\bb"):find("ab", 2))
    assert.are.same({ 2, 2 }, { re.compile("(?<=a)b"):find("ab", 2) })
  end)

  it("does not fail on invalid UTF-8 in the subject", function()
    assert.are.same({ 4, 5 }, { re.compile("c.", "s"):find("ab\255cd\195") })
    -- an invalid byte matches nothing, not even .
    assert.is_nil(re.compile("b.c"):find("ab\255cd"))
  end)

  it("handles NUL bytes in subject and pattern", function()
    assert.are.same({ 2, 4 }, { re.compile("a\0b"):find("xa\0b") })
  end)

  it("raises for a missing subject or a bad init", function()
    assert.are.equal("bad argument #1 to 'find' (string expected, got nil)",
      err_of(function() return rx:find(nil) end))
    assert.are.equal("bad argument #2 to 'find' (number expected, got string)",
      err_of(function() return rx:find("1-2", "x") end))
    assert.are.equal("bad argument #1 to 'find' (docpipe.regex expected, got string)",
      err_of(function() return rx.find("1-2") end))
  end)

  it("refuses a userdata that is no regex (a regex is told by its tag, not its metatable)", function()
    assert.is_truthy(err_of(function() return rx.find(io.stdout, "1-2") end):find("docpipe.regex expected", 1, true))
    assert.is_truthy(err_of(function() return rx.match(io.stderr, "1-2") end):find("docpipe.regex expected", 1, true))
    assert.is_truthy(err_of(function() return re.find("1-2", io.stdout) end))
  end)
end)

describe("rx:match", function()
  it("returns the captures", function()
    assert.are.same({ "2021", "03" }, { re.compile("(\\d+)-(\\d+)"):match("on 2021-03") })
  end)

  it("returns the whole match when there are no captures", function()
    assert.are.equal("2021-03", re.compile("\\d+-\\d+"):match("on 2021-03"))
  end)

  it("honours init and returns nil without a match", function()
    local w = re.compile("\\w+")
    assert.are.equal("two", w:match("one two", 4))
    assert.are.equal("wo", w:match("one two", -2))
    assert.is_nil(w:match("one two", 8))
    assert.is_nil(w:match("   "))
  end)

  it("returns false for an unset group", function()
    assert.are.same({ false, "b" }, { re.compile("(a)?(b)"):match("b") })
  end)
end)

describe("rx:gmatch", function()
  local function collect(it_fn)
    local out = {}
    for a, b in it_fn do out[#out + 1] = b == nil and a or (a .. "=" .. tostring(b)) end
    return out
  end

  it("yields the whole match when the pattern has no captures", function()
    assert.are.same({ "one", "twó", "3" }, collect(re.compile("\\w+"):gmatch("one, twó; 3")))
  end)

  it("yields the captures of each match", function()
    assert.are.same({ "a=1", "b=2" }, collect(re.compile("(\\w)=(\\d)"):gmatch("a=1 b=2")))
  end)

  it("yields empty matches like string.gmatch", function()
    for _, s in ipairs({ "abxd", "", "xx", "axxb", "ab" }) do
      local want = {}
      for m in s:gmatch("x*") do want[#want + 1] = m end
      assert.are.same(want, collect(re.compile("x*"):gmatch(s)))
    end
  end)

  it("steps over whole UTF-8 characters after an empty match", function()
    assert.are.same({ "", "", "" }, collect(re.compile(""):gmatch("éa")))
  end)

  it("starts at init", function()
    assert.are.same({ "b", "c" }, collect(re.compile("\\w"):gmatch("abc", 2)))
    assert.are.same({ "c" }, collect(re.compile("\\w"):gmatch("abc", -1)))
    assert.are.same({}, collect(re.compile("\\w"):gmatch("abc", 9)))
  end)

  it("keeps returning nil once exhausted", function()
    local next_word = re.compile("\\w+"):gmatch("a")
    assert.are.equal("a", next_word())
    assert.is_nil(next_word())
    assert.is_nil(next_word())
  end)

  it("is independent of other matches run by the loop body", function()
    local rx = re.compile("\\w+")
    local out = {}
    for w in rx:gmatch("ab cd") do
      out[#out + 1] = w .. (rx:match("zz " .. w) or "")
    end
    assert.are.same({ "abzz", "cdzz" }, out)
  end)
end)

describe("rx:gsub", function()
  it("expands $0, $N, ${N}, ${name} and $$ in a replacement string", function()
    local rx = re.compile("(?<d>\\d+)/(\\d+)")
    assert.are.same({ "[3/4|3|4|3|40|$]", 1 },
      { rx:gsub("3/4", "[$0|$1|$2|${d}|${2}0|$$]") })
  end)

  it("inserts nothing for an unset group", function()
    assert.are.same({ "<>b", 1 }, { re.compile("(a)?b"):gsub("b", "<$1>$0") })
  end)

  it("uses the first capture, or the whole match, as key into a table", function()
    local t = { cat = "dog", ["grey"] = "gray" }
    assert.are.same({ "dog and gray mice", 4 },
      { re.compile("\\w+"):gsub("cat and grey mice", t) })
    assert.are.same({ "<dog> <x>", 2 },
      { re.compile("<(\\w+)>"):gsub("<cat> <x>", { cat = "<dog>" }) })
  end)

  it("calls a function with the captures, or the whole match", function()
    assert.are.same({ "3 7", 2 },
      { re.compile("(\\d)\\+(\\d)"):gsub("1+2 3+4", function(a, b) return a + b end) })
    assert.are.same({ "ONE two", 2 },
      { re.compile("\\w+"):gsub("one two", function(w)
          if w == "one" then return w:upper() end
          return false
        end) })
  end)

  it("passes false for an unset capture to the function", function()
    local seen
    re.compile("(a)?(b)"):gsub("b", function(a, b) seen = { a, b } end)
    assert.are.same({ false, "b" }, seen)
  end)

  it("replaces at most n matches and counts the replacements", function()
    local rx = re.compile("o")
    assert.are.same({ "f0o bar boo", 1 }, { rx:gsub("foo bar boo", "0", 1) })
    assert.are.same({ "f00 bar b00", 4 }, { rx:gsub("foo bar boo", "0") })
    assert.are.same({ "foo", 0 }, { rx:gsub("foo", "0", 0) })
    assert.are.same({ "foo", 0 }, { rx:gsub("foo", "0", -1) })
    assert.are.same({ "xyz", 0 }, { rx:gsub("xyz", "0") })
  end)

  it("treats empty matches like string.gsub", function()
    for _, s in ipairs({ "abxd", "", "x", "xx", "axxb", "hello world" }) do
      local want, wn = s:gsub("x*", "-")
      local got, gn = re.compile("x*"):gsub(s, "-")
      assert.are.same({ want, wn }, { got, gn })
    end
    local want, wn = ("one two  three"):gsub("%s*", "|")
    local got, gn = re.compile("\\s*"):gsub("one two  three", "|")
    assert.are.same({ want, wn }, { got, gn })
  end)

  it("agrees with string.gsub and string.gmatch on equivalent patterns", function()
    local subjects = { "" }
    local function grow(prefix, n)
      if n == 0 then return end
      for _, c in ipairs({ "a", "b" }) do
        subjects[#subjects + 1] = prefix .. c
        grow(prefix .. c, n - 1)
      end
    end
    grow("", 4)
    local equivalents = { -- Lua pattern, PCRE pattern
      { "a*", "a*" }, { "a-", "a*?" }, { "b?", "b?" }, { "[ab]*", "[ab]*" },
      { "ab*", "ab*" }, { "", "" }, { "a*$", "a*$" },
    }
    local checked = 0
    for _, p in ipairs(equivalents) do
      for _, s in ipairs(subjects) do
        local want, wn = s:gsub(p[1], "<%0>")
        local got, gn = re.gsub(s, p[2], "<$0>")
        assert.are.same({ want, wn }, { got, gn })
        local wl, gl = {}, {}
        for m in s:gmatch(p[1]) do wl[#wl + 1] = m end
        for m in re.gmatch(s, p[2]) do gl[#gl + 1] = m end
        assert.are.same(wl, gl)
        checked = checked + 1
      end
    end
    assert.are.equal(7 * 31, checked)
  end)

  it("never splits a UTF-8 character when inserting at empty matches", function()
    assert.are.same({ "-é-a-", 3 }, { re.compile(""):gsub("éa", "-") })
  end)

  it("accepts a number as replacement", function()
    assert.are.same({ "a1b", 1 }, { re.compile("-"):gsub("a-b", 1) })
  end)

  it("survives the replacement function running the same regex", function()
    local rx = re.compile("(\\w)(\\w*)")
    local out = rx:gsub("ab cd", function(a, rest)
      local inner = rx:gsub(a .. rest, "$2$1")
      return inner:upper()
    end)
    assert.are.equal("BA DC", out)
  end)

  it("survives the replacement function evicting its pattern from the cache", function()
    local out, n = re.gsub("a1 b2", "(\\w)(\\d)", function(l, d)
      for i = 1, 600 do re.find("z", "evict" .. i) end
      return d .. l
    end)
    assert.are.same({ "1a 2b", 2 }, { out, n })
  end)

  it("raises for a bad replacement", function()
    local rx = re.compile("(a)")
    assert.are.equal("docpipe.re: invalid capture index $2 in replacement string",
      err_of(function() return rx:gsub("a", "$2") end))
    assert.are.equal("docpipe.re: unknown group name 'x' in replacement string",
      err_of(function() return rx:gsub("a", "${x}") end))
    assert.are.equal("docpipe.re: invalid use of '$' in replacement string",
      err_of(function() return rx:gsub("a", "$") end))
    assert.are.equal("docpipe.re: invalid use of '$' in replacement string",
      err_of(function() return rx:gsub("a", "US$ 5") end))
    -- checked even when nothing matches
    assert.are.equal("docpipe.re: invalid capture index $9 in replacement string",
      err_of(function() return rx:gsub("zzz", "$9") end))
    assert.are.equal("docpipe.re: invalid replacement value (a table)",
      err_of(function() return rx:gsub("a", function() return {} end) end))
    assert.are.equal("bad argument #2 to 'gsub' (string/function/table expected, got boolean)",
      err_of(function() return rx:gsub("a", true) end))
    assert.are.equal("bad argument #2 to 'gsub' (string/function/table expected, got nil)",
      err_of(function() return rx:gsub("a") end))
  end)
end)

describe("rx:split", function()
  it("returns the pieces between matches", function()
    assert.are.same({ "a", "b", "c" }, re.compile("\\s*,\\s*"):split("a , b,c"))
  end)

  it("keeps empty pieces next to non-empty separators", function()
    assert.are.same({ "", "a", "", "b", "" }, re.compile(","):split(",a,,b,"))
  end)

  it("does not split at zero-width matches at the ends", function()
    assert.are.same({ "a", "b", "d" }, re.compile("x*"):split("abxd"))
    assert.are.same({ "a", " ", "b" }, re.compile("\\b"):split("a b"))
    assert.are.same({ "é", "t", "é" }, re.compile(""):split("été"))
  end)

  it("splits sentences at a zero-width lookaround", function()
    assert.are.same({ "One. ", "Two! ", "Three" },
      re.compile("(?<=[.!?] )(?=\\p{Lu})"):split("One. Two! Three"))
  end)

  it("returns the whole string when nothing matches", function()
    assert.are.same({ "abc" }, re.compile(","):split("abc"))
    assert.are.same({ "" }, re.compile(","):split(""))
    assert.are.same({ "" }, re.compile("x*"):split(""))
  end)

  it("limits the number of pieces to max, the last one holding the rest", function()
    local comma = re.compile(",")
    assert.are.same({ "a", "b,c" }, comma:split("a,b,c", 2))
    assert.are.same({ "a,b,c" }, comma:split("a,b,c", 1))
    assert.are.same({ "a", "b", "c" }, comma:split("a,b,c", 0))
    assert.are.same({ "a", "b", "c" }, comma:split("a,b,c", 10))
  end)

  it("leaves captured separators out of the pieces", function()
    assert.are.same({ "a", "b", "c" }, re.compile("(;|,)"):split("a;b,c"))
  end)
end)

describe("module functions", function()
  it("take the subject first, then the pattern and flags last", function()
    assert.are.same({ 1, 3 }, { re.find("ABC", "abc", 1, "i") })
    assert.are.same({ 1, 3 }, { re.find("ABC", "abc", nil, "i") })
    assert.are.equal("B", re.match("aBc", "b", 1, "i"))
    local words = {}
    for w in re.gmatch("Ab aB", "ab", 1, "i") do words[#words + 1] = w end
    assert.are.same({ "Ab", "aB" }, words)
    assert.are.same({ "x x", 2 }, { re.gsub("Ab aB", "ab", "x", nil, "i") })
    assert.are.same({ "x Ab", 1 }, { re.gsub("Ab Ab", "ab", "x", 1, "i") })
    assert.are.same({ "1", "2", "3" }, re.split("1A2a3", "a", nil, "i"))
    assert.are.same({ "1", "2a3" }, re.split("1A2a3", "a", 2, "i"))
  end)

  it("accept a compiled regex in place of the pattern", function()
    local rx = re.compile("\\d")
    assert.are.same({ 2, 2 }, { re.find("a1", rx) })
    assert.are.equal("1", re.match("a1", rx))
    assert.are.same({ "a#", 1 }, { re.gsub("a1", rx, "#") })
    assert.are.same({ "a", "b" }, re.split("a1b", rx))
    local n = 0
    for _ in re.gmatch("1 2 3", rx) do n = n + 1 end
    assert.are.equal(3, n)
  end)

  it("raise the standard argument errors", function()
    assert.are.equal("bad argument #1 to 'find' (string expected, got nil)",
      err_of(function() return re.find(nil, "x") end))
    assert.are.equal("bad argument #2 to 'match' (string expected, got nil)",
      err_of(function() return re.match("x") end))
    assert.are.equal("bad argument #5 to 'gsub' (invalid flag 'g' (expected i, m, s or x))",
      err_of(function() return re.gsub("x", "x", "y", nil, "g") end))
    assert.are.equal("bad argument #4 to 'split' (flags must be nil when a compiled regex is given)",
      err_of(function() return re.split("x", re.compile("x"), nil, "i") end))
  end)

  it("keep a pattern string's regex apart for each set of flags", function()
    assert.are.same({ 1, 3 }, { re.find("ABC", "abc", nil, "i") })
    assert.is_nil(re.find("ABC", "abc"))
    assert.are.same({ 1, 3 }, { re.find("ABC", "abc", nil, "i") })
    assert.are.same({ 1, 1 }, { re.find("a\nb", "^a$", nil, "m") })
    assert.is_nil(re.find("a\nb", "^a$"))
  end)

  it("still match a pattern string used again after many others and a collection", function()
    assert.are.equal("7", re.match("first7", "first(\\d)"))
    for i = 1, 600 do re.find("x", "q" .. i) end
    collectgarbage()
    assert.are.equal("8", re.match("first8", "first(\\d)"))
    local n = 0
    for _ in re.gmatch("1 2 3", "\\d") do collectgarbage(); n = n + 1 end
    assert.are.equal(3, n)
    assert.are.equal("docpipe.re: bad pattern at offset 1: missing closing parenthesis",
      err_of(function() return re.find("x", "(") end))
  end)
end)

describe("re.escape", function()
  it("quotes every ASCII punctuation, space and NUL so the text matches literally", function()
    local text = "a.b*c (d) [e] {f} $g ^h |i? +j \\k #l\0m"
    assert.are.equal("a\\.b\\*c\\ \\(d\\)\\ \\[e\\]\\ \\{f\\}\\ \\$g\\ \\^h\\ \\|i\\?\\ \\+j\\ \\\\k\\ \\#l\\x00m",
      re.escape(text))
    assert.are.same({ 1, #text }, { re.find(text, "^" .. re.escape(text) .. "$") })
    assert.are.same({ 1, #text }, { re.find(text, "^" .. re.escape(text) .. "$", 1, "x") })
  end)

  it("leaves letters, digits, underscore and non-ASCII characters alone", function()
    assert.are.equal("Zoë_42", re.escape("Zoë_42"))
  end)
end)

describe("rx:first_bytes", function()
  -- the ASCII bytes of a set, as a string in byte order
  local function ascii(set)
    local out = {}
    for c = 0, 127 do if set[c] then out[#out + 1] = string.char(c) end end
    return table.concat(out)
  end

  it("gives the bytes that may open a match at the start of a text", function()
    local rx = re.compile("^(\\d+ )?comments?|^\\(ends\\)", "i")
    assert.are.equal("(0123456789Cc", ascii(rx:first_bytes()))
    -- (and every text opening with another byte fails)
    assert.is_nil(rx:find("no comments"))
    assert.is_truthy(rx:find("12 Comments"))
  end)

  it("counts every byte from 128 up in, and every byte when the match may be empty", function()
    local set = re.compile("^e"):first_bytes()
    assert.are.equal("e", ascii(set))
    assert.is_true(set[0xC3] and set[0xFF])
    assert.are.equal(128, #ascii(re.compile("^x?"):first_bytes()))
  end)
end)
