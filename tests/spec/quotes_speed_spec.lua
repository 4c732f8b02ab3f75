-- Specs of the quotes stage's second speed-up (issue 8): each shortcut must give what the
-- code it replaced gave. The byte tests of word shapes against the Lua patterns they
-- stand for, the sort that skips ordered lists against table.sort, the tokenizer's one
-- lookup per word (find_mask) against one lookup per set (find), the tokenizer's ASCII
-- fast path against the token rules, the cached region after a quotation against a
-- fresh one, tokens filled again in reused tables (with.pool) against new ones. Every
-- passage is invented.

local dp = require "docpipe"
local qtext = require "docpipe.quotes.text"
local ent = require "docpipe.quotes.entities"
local order = require "docpipe.quotes.order"
local speaker = require "docpipe.quotes.speaker"
local lexicon = require "docpipe.quotes.lexicon"

local L = lexicon.load("en", {}, false)

-- words of every ending the shape tests look at, and short and odd ones
local WORDS = { "", "a", "n", "i", "an", "en", "on", "ai", "oi", "xi", "Ai", "German", "Korean",
  "Sweden", "Chinese", "ese", "Polish", "ish", "fish", "Czech", "each", "ch", "Dutch", "Iraqi",
  "Thai", "Hawaii", "Tai", "taxi", "Ben", "Iran", "Japan", "Chen", "Xi", "XI", "IRAQI",
  "officer", "doctor", "or", "er", "r", "dentist", "ist", "list", "historian", "ian", "Ian",
  "servant", "ant", "agent", "ent", "student", "mayor", "writer", "pianist", "x", "ab", "abc",
  "café", "naïve", "Ōe", "ÉN", "ﬁsh", "fa\u{2019}i", "O'Brien", "U.S.", "3rd", "2019",
  "Americain", "Danish", "Spanish", "Scotch", "Punch", "Saudi", "Mumbai", "Bali" }

local function demonym_pattern(w)
  return (w:find("[ae]n$") or w:find("ese$") or w:find("ish$") or w:find("[^aeiou]ch$")
    or w:find("[^aeiou]i$")) ~= nil
end

local function role_pattern(w)
  return (w:find("[eo]r$") or w:find("ist$") or w:find("ian$") or w:find("ant$")
    or w:find("ent$")) ~= nil
end

-- a small deterministic generator (no math.random: the same lists on every run)
local function lcg(seed)
  local x = seed
  return function(n)
    x = (x * 1103515245 + 12345) % 2147483648
    return x % n + 1
  end
end

describe("quotes speed-up", function()
  it("tells a demonym's ending by bytes as the patterns do", function()
    for _, w in ipairs(WORDS) do
      assert.are.equal(demonym_pattern(w), ent.demonym_shape(w), w)
    end
  end)

  it("tells a role noun's ending by bytes as the patterns do", function()
    for _, w in ipairs(WORDS) do
      assert.are.equal(role_pattern(w), ent.role_shape(w), w)
    end
  end)

  it("reads ages, plural roles and acronyms as before the byte pre-tests", function()
    local function tok(t) return { k = "w", t = t, low = t:lower(), cap = t:find("^%u") ~= nil } end
    assert.is_true(speaker.is_age(tok("29-year-old")))
    assert.is_false(speaker.is_age(tok("year-old")))
    assert.is_false(speaker.is_age(tok("x29-year-old")))
    assert.is_false(speaker.is_age({ k = "p", t = ",", low = "," }))
    assert.are.equal("group", speaker.role_of(L, tok("officials")).kind)
    assert.is_nil(speaker.role_of(L, tok("s")))
    assert.is_true(qtext.is_acronym(tok("NATO")))
    assert.is_true(qtext.is_acronym(tok("U.S.")))
    assert.is_false(qtext.is_acronym(tok("Nato")))
    assert.is_false(qtext.is_acronym(tok("A")))
    assert.is_false(qtext.is_acronym(tok("3M")))
    assert.is_false(qtext.is_acronym({ k = "p", t = "--", low = "--" }))
  end)

  it("sorts by a field exactly as table.sort does, ties and all", function()
    local rnd = lcg(7)
    for n = 0, 40 do
      for _, range in ipairs({ 3, 1000 }) do
        local list = {}
        for i = 1, n do list[i] = { start = rnd(range), id = i } end
        local want = {}
        for i = 1, n do want[i] = list[i] end
        table.sort(want, function(x, y) return x.start < y.start end)
        local got = order.by(list, "start")
        for i = 1, n do assert.are.equal(want[i], got[i]) end
      end
    end
  end)

  it("leaves a list in strictly ascending order as it is", function()
    local list = { { first = 1 }, { first = 4 }, { first = 9 } }
    local a, b, c = list[1], list[2], list[3]
    assert.are.equal(list, order.by(list, "first"))
    assert.are.equal(a, list[1]); assert.are.equal(b, list[2]); assert.are.equal(c, list[3])
    assert.is_true(order.ascending(list, "first"))
    assert.is_false(order.ascending({ { first = 2 }, { first = 2 } }, "first"))
  end)

  it("merges two lists as table.sort orders the two appended", function()
    local rnd = lcg(11)
    for n = 0, 30 do
      for _, range in ipairs({ 4, 500 }) do
        local a, b = {}, {}
        local x = 0
        for i = 1, n do x = x + rnd(range // 4 + 1); a[i] = { first = x, id = "a" .. i } end
        x = 0
        for i = 1, rnd(n + 1) - 1 do x = x + rnd(range // 4 + 1); b[i] = { first = x, id = "b" .. i } end
        if n % 5 == 0 and #a > 1 then a[1], a[2] = a[2], a[1] end   -- out of order now and then
        local want = {}
        for _, v in ipairs(a) do want[#want + 1] = v end
        for _, v in ipairs(b) do want[#want + 1] = v end
        table.sort(want, function(p, q) return p.first < q.first end)
        local got = order.merge(a, b, "first")
        assert.are.equal(#want, #got)
        for i = 1, #want do assert.are.equal(want[i], got[i]) end
      end
    end
  end)

  it("finds the words of each set with one lookup per word as with one per set", function()
    local sets = { pronoun = L.pronoun, cue = L.cue_first, nominal = L.nominal,
      odd = { said = true, the = false, ["don't"] = true, [3] = true } }
    local text = "“We won’t,” she said. He told the Board that they DON’T agree; the claim "
      .. "said it all. Ms. Ola Brandt's warning, he added, was the statement's point."
    local _, by_set = dp.text.tokens(text, qtext.ABBR, { find = sets })
    local mask = qtext.find_mask(sets)
    local _, by_mask = dp.text.tokens(text, qtext.ABBR,
      { find_mask = mask.map, find_names = mask.names })
    for _, name in ipairs({ "pronoun", "cue", "nominal", "odd" }) do
      assert.are.same(by_set[name], by_mask[name], name)
    end
    assert.is_true(#by_mask.odd >= 2)   -- "said" twice, "don't" once; "the" (false) never
    assert.are.equal(mask, qtext.find_mask(sets))   -- merged once per table
  end)

  it("splits ASCII words at every boundary the token rules draw", function()
    local cases = {
      { "Hello world", { "Hello", "world" } },
      { "U.S.-led talks", { "U.S.", "-", "led", "talks" } },   -- the initialism keeps its point
      { "U.S-led talks", { "U.S-led", "talks" } },
      { "a'", { "a", "'" } },
      { "a'b", { "a'b" } },
      { "9-", { "9", "-" } },
      { "x-\u{00E9}t\u{00E9}", { "x-\u{00E9}t\u{00E9}" } },
      { "x.\u{00E9}", { "x.\u{00E9}" } },
      { "a\u{2011}b", { "a\u{2011}b" } },
      { "don't stop", { "don't", "stop" } },
      { "don’t stop", { "don’t", "stop" } },
      { "end. Next", { "end", ".", "Next" } },
      { "a- b", { "a", "-", "b" } },
      { "café au lait", { "café", "au", "lait" } },
      { "naïve x", { "naïve", "x" } },
      { "Ōe said", { "Ōe", "said" } },
      { "abc\u{00A0}def", { "abc", "def" } },
      { "abc\u{2014}def", { "abc", "\u{2014}", "def" } },
      { "x\255y", { "x", "\255", "y" } },
      { "3.5 m", { "3.5", "m" } },
      { "tail", { "tail" } },
      { "tail.", { "tail", "." } },
      { "In-ho", { "In-ho" } },
      { "(CNN)Waiting", { "(", "CNN", ")", "Waiting" } },
    }
    for _, c in ipairs(cases) do
      local toks = dp.text.tokens(c[1])
      local got = {}
      for i, t in ipairs(toks) do got[i] = t.t end
      assert.are.same(c[2], got, c[1])
    end
    local toks = dp.text.tokens(" Ab\tcd")
    assert.is_true(toks[1].ws and toks[1].cap)
    assert.is_true(toks[2].ws)
    assert.is_false(toks[2].cap)
    assert.are.equal(2, toks[1].s); assert.are.equal(3, toks[1].e)
    assert.are.equal(5, toks[2].s); assert.are.equal(6, toks[2].e)
  end)

  it("fills reused token tables exactly as new ones, whatever the tokens before held", function()
    local texts = {
      "“We will rebuild,” Mayor Ines Okafor's aide said. St. Mary’s Guild met; Dr. Vos left.",
      "plain words only here, and more plain words, and a few more of them to be longer",
      "''Typewriter,'' he said. «Nine.» 'Eight.' JONES’S dog. O’Brien's car. U.S. talks…",
      "short",
      "",
    }
    local function with(pool)
      return { find = { pronoun = L.pronoun, cue = L.cue_first, nominal = L.nominal },
        abbrs = ent.TITLE_ABBR, pool = pool }
    end
    local pool = {}
    for round = 1, 2 do
      for _, text in ipairs(texts) do
        local P, _, pf = qtext.tokenize(text, with(pool))
        local F, _, ff = qtext.tokenize(text, with(nil))
        assert.are.equal(#F, #P)
        for i = 1, #F do assert.are.same(F[i], P[i], ("%q token %d"):format(text, i)) end
        assert.are.same(ff, pf)
        -- what the stage's rules cache on tokens must not reach the next text's tokens
        for _, t in ipairs(P) do
          qtext.base(t)
          if t.cap then t.base_low = t.base_low or "x" end
        end
      end
      assert.is_true(#pool >= 20)
    end
  end)

  it("puts new tables in a pool that a failed call left half filled", function()
    local stale = { k = "w", t = "x", low = "x", s = 1, e = 1, para = 1, sent = 1,
      fam = "double", side = "open" }   -- a quote mark's fields under a word's k
    local pool = { stale, busy = true }
    local w = { find = {}, abbrs = ent.TITLE_ABBR, pool = pool }
    local T = qtext.tokenize("word", w)
    assert.are_not.equal(stale, T[1])
    assert.is_nil(T[1].fam)
    assert.are.equal(T[1], pool[1])
    assert.is_nil(pool.busy)
    local T2 = qtext.tokenize("again", w)
    assert.are.equal(T[1], T2[1])   -- reused now
    assert.are.equal("again", T2[1].t)
  end)

  it("reads the tables of a pool that has no record of their fields", function()
    -- a pool filled by hand (a quote mark, a capitalised word, both after white space):
    -- the tokenizer keeps no record of it (pool.fields), so it reads what to clear
    local mark = { k = "q", t = "\u{201C}", low = "\u{201C}", s = 1, e = 3, para = 1,
      sent = 1, fam = "double", side = "open", ws = true }
    local word = { k = "w", t = "Xu", low = "xu", s = 4, e = 5, para = 1, sent = 1,
      cap = true, ws = true, base_ = "Xu", poss_ = false, base_low = "xu" }
    local pool = { mark, word }
    local w = { find = {}, abbrs = ent.TITLE_ABBR, pool = pool }
    local T = qtext.tokenize("word,", w)
    local F = qtext.tokenize("word,", { find = {}, abbrs = ent.TITLE_ABBR })
    assert.are.equal(mark, T[1])
    assert.are.equal(word, T[2])
    assert.are.same(F, T)
    assert.is_nil(pool.fields)
  end)

  it("keeps a record of the fields of the pool's tables, the same as reading them", function()
    -- tokens of every kind, capitalised or not, with and without white space before,
    -- each text filling the tables of the one before in another shape
    local texts = { "“Yes,” Ann said.", "no! 'Quoted' Words, then \"more\" (here)",
      "A B C d e f", "“”‘’«»", "x", "Mr. O’Neil’s U.S. trip… done." }
    local pool = {}
    local function with(p) return { find = {}, abbrs = ent.TITLE_ABBR, pool = p } end
    for round = 1, 3 do
      for k = 1, #texts do
        local text = texts[(k + round) % #texts + 1]
        local P = qtext.tokenize(text, with(pool))
        local F = qtext.tokenize(text, with(nil))
        for i = 1, #F do assert.are.same(F[i], P[i], ("%q token %d"):format(text, i)) end
        assert.is_true(type(pool.fields) == "userdata")
      end
    end
  end)

  it("lowers a word of any length the same way (short ones on the C stack)", function()
    for _, n in ipairs({ 1, 20, 63, 64, 65, 200 }) do
      local w = ("A\u{2019}b"):rep(n)
      local T = qtext.tokenize("x " .. w, { find = {}, abbrs = ent.TITLE_ABBR })
      assert.are.equal(w, T[2].t)
      assert.are.equal((w:lower():gsub("\u{2019}", "'")), T[2].low)
    end
  end)

  it("stores no field on a token but those the pool clears, bases on capitals only", function()
    local stage = require "docpipe.stages.quotes"
    local known = { s = true, e = true, t = true, k = true, low = true, cap = true, ws = true,
      para = true, sent = true, fam = true, side = true, base_ = true, poss_ = true,
      base_low = true }
    local seen = {}
    local orig = qtext.tokenize
    qtext.tokenize = function(text, w)
      local T, p, f = orig(text, w)
      seen[#seen + 1] = T
      return T, p, f
    end
    local ok, err = pcall(function()
      for _, text in ipairs({
        "“We will rebuild the pier,” Mayor Ines Okafor said on Tuesday. She added that the "
          .. "ferry “will run again by May,” according to the harbour board.",
        "Port spokesman Tomas Reyes told reporters the strike was over. “It is done,” he said. "
          .. "Ms. Okafor’s office, in a statement, said she was pleased. Critics disagreed.",
      }) do
        stage.extract({ text = text, title = "Harbour Board Says Strike Over" }, {}, L)
      end
    end)
    qtext.tokenize = orig
    assert.is_true(ok, err)
    assert.is_true(#seen >= 2)
    for _, T in ipairs(seen) do
      for _, t in ipairs(T) do
        for key in pairs(t) do assert.is_true(known[key], "token field " .. tostring(key)) end
        if not t.cap then
          assert.is_nil(t.base_); assert.is_nil(t.poss_); assert.is_nil(t.base_low)
        end
      end
    end
  end)

  it("gives the same region after a quotation when asked again", function()
    local direct = require "docpipe.quotes.direct"
    local marks = require "docpipe.quotes.marks"
    local text = "“We will rebuild the pier,” Mayor Ines Okafor said on Tuesday. “Soon.”"
    local T, paras, found = qtext.tokenize(text, { find = {}, abbrs = ent.TITLE_ABBR })
    ent.sentences(T, found)
    local C = { T = T, paras = paras, spans = marks.find(T, paras, text, found.quote) }
    local lo, hi = direct.post_region(C, 1)
    assert.are.equal("Mayor", T[lo].t)
    assert.are.equal("Tuesday", T[hi].t)
    local lo2, hi2 = direct.post_region(C, 1)
    assert.are.equal(lo, lo2); assert.are.equal(hi, hi2)
    local C2 = { T = T, paras = paras, spans = C.spans }
    local lo3, hi3 = direct.post_region(C2, 2)
    assert.is_true(lo3 > hi3)   -- nothing after the last quotation
  end)
end)
