-- Specs of the quotes stage's one-pass scan: what docpipe.text.tokens gathers while it
-- builds the tokens (docpipe.quotes.text.tokenize with `with`) must be what the former
-- Lua passes over every token computed: the sentence numbers of
-- docpipe.quotes.entities.sentences, the positions of words of a set, the possessive
-- base of docpipe.quotes.text.base, the token ranges of the sentences stage's byte
-- ranges, the quotation spans of docpipe.quotes.marks over all tokens, the cue phrases
-- of docpipe.quotes.lexicon. Every passage is invented.

local dp = require "docpipe"
local qtext = require "docpipe.quotes.text"
local ent = require "docpipe.quotes.entities"
local marks = require "docpipe.quotes.marks"
local lexicon = require "docpipe.quotes.lexicon"

local L = lexicon.load("en", {}, false)

local TEXTS = {
  "Harbour Board Meets Today\n\nThe board met; it said little. Ola Brandt Speaks Out Now\n\nok",
  "Mayor Ines Okafor said on Tuesday that the ferry \"will run again by May.\" Critics disagreed.",
  "“We are not there yet.” She paused. “Soon.”\n\n‘Fine,’ said Mr. J. Brandt of the U.S. office; "
    .. "he left at 5 p.m. 3 ferries waited… Then it rained!",
  "Dr. Vos met Gen. Halloran and Miss. Alder. Maj. Tennant’s aide, Capt. Rhee, wasn't there. A. B. Corrin "
    .. "arrived. “Why?” “Because.” 12 people left.\n\nNew paragraph ends here.\nLast line",
  "Ends with a point after a quote.” Next. ''Typewriter,'' he said. ``Open.'' Done.",
  "St. Mary’s Guild and the Dockers’ Union met; Harbour Commissioner Elif Yildiz’s staff "
    .. "said so. JONES’S dog. O’Brien's car. A's grade. ’S.",
  "",
  "   \n\n  ",
  ". ! ? … ; “",
  "one two. three four? Five… six! “Seven.” 'Eight.' «Nine.» 10. eleven",
}

local function with_sets()
  return { find = { pronoun = L.pronoun, cue = L.cue_first, nominal = L.nominal },
    abbrs = ent.TITLE_ABBR }
end

-- the sentence index the Lua pass computes (docpipe.quotes.entities.sentences without found)
local function lua_index(text)
  local T = qtext.tokenize(text)
  ent.sentences(T)
  return T, ent.index(T)
end

describe("quotes scan", function()
  it("numbers the sentences in the tokenizer as the Lua pass does", function()
    for _, text in ipairs(TEXTS) do
      local T, _, found = qtext.tokenize(text, with_sets())
      local R, ix = lua_index(text)
      assert.are.equal(#R, #T)
      for i = 1, #R do
        assert.are.equal(R[i].sent, T[i].sent, ("%q token %d"):format(text, i))
      end
      assert.are.same(ix.sent_first, found.sent_first)
      assert.are.same(ix.starts, found.starts)
      ent.sentences(T, found)
      local fx = ent.index(T)
      assert.are.same(ix.lower_seen, fx.lower_seen)
      assert.are.same(ix.headline, fx.headline)
    end
  end)

  it("lists the words of each set, the lower-case words, the capitals and the marks", function()
    for _, text in ipairs(TEXTS) do
      local T, _, found = qtext.tokenize(text, with_sets())
      local want = { pronoun = {}, cue = {}, nominal = {}, cap = {}, quote = {}, lower = {} }
      for i, t in ipairs(T) do
        if t.k == "w" then
          if L.pronoun[t.low] then table.insert(want.pronoun, i) end
          if L.cue_first[t.low] then table.insert(want.cue, i) end
          if L.nominal[t.low] then table.insert(want.nominal, i) end
          if t.cap then table.insert(want.cap, i) else want.lower[t.low] = true end
        elseif t.k == "q" then
          table.insert(want.quote, i)
        end
      end
      for _, key in ipairs({ "pronoun", "cue", "nominal", "cap", "quote", "lower" }) do
        assert.are.same(want[key], found[key], ("%q %s"):format(text, key))
      end
    end
  end)

  it("counts the long words and the capitalised ones of each paragraph", function()
    local text = "Harbour Board Meets Today\n\nThe board said little about the ferry."
    local _, _, found = qtext.tokenize(text, with_sets())
    assert.are.same({ 4, 4, 0 }, { found.long[1], found.long_cap[1], found.long_cap[2] })
    assert.are.equal(5, found.long[2])   -- board said little about ferry
    assert.are.same({ [1] = true }, ent.headline_paras((function()
      local T, _, f = qtext.tokenize(text, with_sets())
      ent.sentences(T, f)
      return T
    end)()))
  end)

  it("gives capitalised words the base that docpipe.quotes.text.base gives", function()
    for _, text in ipairs(TEXTS) do
      local T = qtext.tokenize(text, with_sets())
      local R = qtext.tokenize(text)
      for i, t in ipairs(T) do
        if t.cap then
          local b, poss = qtext.base(R[i])
          assert.are.same({ b, poss, qtext.lower_base(R[i]) }, { t.base_, t.poss_, t.base_low })
        else
          assert.is_nil(t.base_low)
        end
      end
    end
  end)

  it("leaves false cap and ws out of the stage's tokens and keeps every true one", function()
    local T = qtext.tokenize("“Yes,” Park said.", with_sets())
    local R = qtext.tokenize("“Yes,” Park said.")
    for i, t in ipairs(T) do
      assert.are.equal(R[i].cap or nil, t.cap)
      assert.are.equal(R[i].ws or nil, t.ws)
    end
    assert.is_true(T[1].ws)
    assert.is_nil(T[2].ws)
  end)

  it("walks byte ranges to token ranges as the former walk over the tokens", function()
    local function walk(T, sents)
      local out, i = {}, 1
      for _, s in ipairs(sents) do
        local a, b = tonumber(s.start), tonumber(s["end"])
        if a and b then
          local t = T[i]
          while t and t.s < a do i = i + 1; t = T[i] end
          local first = i
          while t and qtext.last_byte(t) <= b do i = i + 1; t = T[i] end   -- t.e: sparse tokens have none
          if i - 1 >= first then out[#out + 1] = { first, i - 1 } end
        end
      end
      return out
    end
    local text = "Ada Ruiz said so. \"Yes,\" he said.  Then: no. Last"
    local cases = {
      { { start = 1, ["end"] = 17 }, { start = 19, ["end"] = 34 }, { start = 37, ["end"] = 46 },
        { start = 48, ["end"] = 51 } },
      { { start = 1, ["end"] = 14 }, { start = 5, ["end"] = 20 }, { start = 16, ["end"] = 15 },
        { start = "x", ["end"] = 3 }, { start = 30, ["end"] = 999 }, { start = 1, ["end"] = 2 } },
      { { start = 3, ["end"] = 3.5 }, { start = 2.5, ["end"] = 14 }, { start = "20", ["end"] = "40" } },
      { { start = 60, ["end"] = 70 } },
    }
    for _, sents in ipairs(cases) do
      local w = with_sets()
      w.ranges = sents
      local T, _, found = qtext.tokenize(text, w)
      assert.are.same(walk(T, sents), found.ranges)
    end
  end)

  it("walks an unread sentence list through its spans, unbuilt, as the built list", function()
    local sentences = require "docpipe.stages.sentences"
    local sctx = { opts = {}, state = {} }
    sentences.init(sctx.opts, sctx)
    for _, text in ipairs(TEXTS) do
      local doc = sentences.process({ text = text }, sctx)
      local w = with_sets()
      w.ranges = doc.sentences
      local _, _, found = qtext.tokenize(text, w)
      assert.are.equal(0, rawlen(doc.sentences))   -- not built by the tokenizer
      local built = with_sets()
      built.ranges = doc.sentences                 -- # builds it
      assert.are.equal(#doc.sentences, found.ranges_n)
      local _, _, want = qtext.tokenize(text, built)
      assert.are.same(want.ranges, found.ranges)
      assert.are.equal(#doc.sentences, want.ranges_n)
    end
    local _, _, found = qtext.tokenize("No sentences given.", (function()
      local w = with_sets(); w.ranges = {}; return w end)())
    assert.are.equal(0, found.ranges_n)
    assert.are.same({}, found.ranges)
  end)

  it("finds the quotation spans from the quote marks alone as from every token", function()
    local texts = {
      "“Open at the end of the paragraph\n\n“and it goes on,” she said. Then more",
      "He said “one” and ‘two’ then “three\nstill three” and 'four' ended.\n\nNew “five",
      "“Unclosed quote runs\n\nwithout marks to the end",
      "No marks at all here.",
      "'Arrow\" and the rest, said Ola. “Fine.” \"Straight\" and \"run on. \"Next one\" here.",
    }
    for _, text in ipairs(texts) do
      local T, paras, found = qtext.tokenize(text, with_sets())
      assert.are.same(marks.find(T, paras, text), marks.find(T, paras, text, found.quote))
    end
  end)

  it("finds the quotations nested in a span from the quote marks alone as from every token", function()
    local texts = {
      "“My father used to say, ‘Never sell the boat,’ and he kept it,” Ola said.",
      "“She told me, “Wait here,” and then ‘left,’ ” he said. “No marks inside.”",
      "“A ‘single’ and ‘two’ and a ‘dangling one” and more.",
      "“Runs on ‘with an inner mark\n\nand ends’ here,” she said.",
      "“Traders’ ‘Guild’ met,” said Ola. ‘Outer “inner” end.’",
      "“”",
      "No marks at all here.",
      "",
    }
    for _, text in ipairs(texts) do
      local T, paras, found = qtext.tokenize(text, with_sets())
      for _, span in ipairs(marks.find(T, paras, text, found.quote)) do
        assert.are.same(marks.inner(T, span), marks.inner(T, span, found.quote))
      end
      -- a span the stage does not pair (an open one: no last) holds nothing
      assert.are.same({}, marks.inner(T, { first = 1 }, found.quote))
    end
    -- one case holds a nested quotation for sure
    local text = texts[1]
    local T, paras, found = qtext.tokenize(text, with_sets())
    local span = marks.find(T, paras, text, found.quote)[1]
    local inner = marks.inner(T, span, found.quote)
    assert.are.equal(1, #inner)
    assert.are.equal("Never sell the boat,", text:sub(inner[1].inner_s, inner[1].inner_e))
  end)

  it("matches a cue by its second word as trying every phrase of its first word does", function()
    -- option cues of three words sharing a first word with a one-word cue
    local LX = lexicon.load("en", { "grumbled", "grumbled about it", "sniped at length\tfrag",
      "sniped" }, false)
    local function brute(lx, T, i, hi)
      local t = T[i]
      local list = t and t.k == "w" and lx.cue_first[t.low]
      if not list then return nil end
      for _, words in ipairs(list) do
        local ok = true
        for k = 2, #words do
          local u = T[i + k - 1]
          if not u or (hi and i + k - 1 > hi) or u.k ~= "w" or u.low ~= words[k] then
            ok = false
            break
          end
        end
        if ok then return i + #words - 1, lx.cue_tag[words.key] end
      end
    end
    local text = "He was quoted as saying so, was told, is said to be, was quoted. "
      .. "She said in a statement that it was, according to Ola, called for calm and was "
      .. "called on Monday; the union calls for talks and calls on members, then calls on. "
      .. "Ola grumbled about the fare, grumbled about it, grumbled at it and sniped at him."
    local T = qtext.tokenize(text)
    for _, lx in ipairs({ L, LX }) do
      for i = 1, #T do
        for _, hi in ipairs({ #T, i, i + 1, i + 2 }) do
          local e1, g1 = brute(lx, T, i, hi)
          local e2, g2 = lexicon.match_cue(lx, T, i, hi, true)
          assert.are.same({ e1, g1 }, { e2, g2 })
        end
      end
    end
  end)
end)
