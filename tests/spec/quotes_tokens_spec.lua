-- Specs of the quotes stage's tokens (scripts/quotes/text.lua over docpipe.text.tokens):
-- the tokens built in C with their paragraphs and quote marks are the ones the former
-- Lua loop built, the paragraph split and the possessive base. Passages are invented.

local dp = require "docpipe"
local qtext = require "docpipe.quotes.text"

-- The tokens as the stage built them before the C tokenizer took paragraphs and quote
-- marks: docpipe.text.tokens, then a Lua pass adding para, sent, quote marks and the
-- typewriter quotes '' and ``.
local function reference_tokens(text)
  local toks = dp.text.tokens(text, qtext.ABBR)
  local paras = qtext.paragraphs(text)
  local out, pi = {}, 1
  local para = paras[1]
  local i = 1
  while i <= #toks do
    local tok = toks[i]
    while para and para.e < tok.s do pi = pi + 1; para = paras[pi] end
    tok.para, tok.sent = pi, false
    if tok.k == "p" then
      local t, nx = tok.t, toks[i + 1]
      if (t == "'" or t == "`") and nx and nx.t == t and nx.s == tok.e + 1 then
        tok.t, tok.low, tok.e, tok.k = t .. t, t .. t, nx.e, "q"
        tok.fam, tok.side = "double", t == "`" and "open" or "both"
        i = i + 1
      elseif qtext.QUOTE_CHARS[t] then
        local q = qtext.QUOTE_CHARS[t]
        tok.k, tok.fam, tok.side = "q", q.fam, q.side
      end
    end
    out[#out + 1] = tok
    i = i + 1
  end
  return out
end

local FIELDS = { "s", "e", "t", "k", "low", "cap", "ws", "para", "sent", "fam", "side" }

local function same_tokens(text)
  local got, want = qtext.tokenize(text), reference_tokens(text)
  assert.are.equal(#want, #got, "token count")
  for i = 1, #want do
    for _, f in ipairs(FIELDS) do
      assert.are.equal(want[i][f], got[i][f], ("token %d field %s"):format(i, f))
    end
  end
end

describe("quotes tokens", function()
  it("are the tokens of the former Lua pass on newswire text with paragraphs", function()
    same_tokens("HALVERTON, June 3 (Tidewire) - Mayor Ines Okafor said on Tuesday that the "
      .. "ferry \"will run again by May.\"\n\n“We are not there yet,” she added. ‘Soon,’ "
      .. "said Mr. J. Brandt of the U.S. office.\nIt's the council’s call.\n\n\n  « Oui », dit-il.")
  end)

  it("are the tokens of the former Lua pass with typewriter quotes and stray marks", function()
    same_tokens("``Go now,'' Capt. Rhee said. ''' `` x '' `'` Dr.Vos\r\n\r\nEnd.'")
  end)

  it("are the tokens of the former Lua pass on invalid UTF-8 and lone marks", function()
    same_tokens("a\255b “ \226\128 ” \" ' end")
    same_tokens("")
    same_tokens("   \n\n  ")
  end)
end)

describe("quotes tokens with a caller's quote map", function()
  -- the tokenizer asks the map only for punctuation whose first byte starts one of its
  -- string keys: every key is still found, others (numbers, "") change nothing
  local function kinds(text, quotes, doubled)
    local toks = dp.text.tokens(text, {}, { paragraphs = { { s = 1, e = #text } },
      quotes = quotes, doubled = doubled })
    local out = {}
    for i, t in ipairs(toks) do out[i] = t.k .. (t.fam and (":" .. t.fam .. ":" .. t.side) or "") end
    return out
  end
  it("makes every key of the map a quote mark, keys sharing a first byte included", function()
    local q = { ["\u{2020}"] = { fam = "double", side = "open" },   -- E2 80 A0
      ["\u{201C}"] = { fam = "double", side = "close" },            -- E2 80 9C
      ["|"] = { fam = "single", side = "both" },
      [7] = { fam = "double", side = "open" }, [""] = { fam = "double", side = "open" } }
    assert.same({ "q:double:open", "w", "q:double:close", "p", "q:single:both", "w", "p", "p" },
      kinds("\u{2020}a\u{201C} \u{2014}|7 ! \u{2018}", q))
  end)
  it("joins a doubled character only when the doubled map has it", function()
    assert.same({ "q:double:open", "w", "p", "p" },
      kinds("##x''", {}, { ["#"] = { fam = "double", side = "open" } }))
  end)
end)

describe("quotes paragraphs", function()
  it("splits at blank lines, with white space on them, and not inside a line", function()
    local text = "One line\nwrapped here\n \t\nSecond.\r\n\r\nThird"
    local p = qtext.paragraphs(text)
    local got = {}
    for i, sp in ipairs(p) do got[i] = text:sub(sp.s, sp.e) end
    assert.are.same({ "One line\nwrapped here", "Second.", "Third" }, got)
  end)

  it("finds a blank line after line breaks that open no blank line", function()
    local text = "a\nb\n c\n\t\r\nd"
    local p = qtext.paragraphs(text)
    assert.are.same({ { s = 1, e = 6 }, { s = 11, e = 11 } }, p)
  end)

  it("keeps a text without line breaks as one paragraph", function()
    local text = ("Words and more words. "):rep(50)
    local p = qtext.paragraphs(text)
    assert.are.equal(1, #p)
    assert.are.same({ 1, #text - 1 }, { p[1].s, p[1].e })
  end)
end)

describe("quotes possessive base", function()
  local function base(t) return qtext.base({ t = t }) end

  it("drops 's and 'S and says the word was possessive", function()
    assert.are.same({ "Okafor", true }, { base("Okafor's") })
    assert.are.same({ "NASA", true }, { base("NASA'S") })
  end)

  it("keeps words without the ending, short words included", function()
    assert.are.same({ "Okafors", false }, { base("Okafors") })
    assert.are.same({ "s", false }, { base("s") })
    assert.are.same({ "is", false }, { base("is") })
  end)

  it("drops a possessive ’s whole (all three bytes of the apostrophe)", function()
    assert.are.same({ "Brandt", true }, { base("Brandt\u{2019}s") })
    assert.are.same({ "", true }, { base("\u{2019}s") })
    assert.are.same({ "", true }, { base("'s") })
    assert.are.same({ "x\128s", false }, { base("x\128s") })
    assert.are.same({ "Vos", false }, { base("Vos") })
    assert.are.same({ "ab's", true }, { base("ab's's") })
  end)

  it("gives the lower-case base with ’ written as '", function()
    assert.are.equal("o'neill", qtext.lower_base({ t = "O’Neill" }))
    assert.are.equal("okafor", qtext.lower_base({ t = "Okafor's" }))
  end)
end)
