-- Specs of docpipe.clean.blocks and the C primitives it runs on (docpipe.shingle):
-- interned word ids, adjacent repeats, contained blocks, the wrap column.
-- Every text below is invented (fictional towns, people and outlets, newswire style).

local dp = require "docpipe"
local blocks = require "docpipe.clean.blocks"
local shingle = dp.shingle

local function lines(t) return table.concat(t, "\n") .. "\n" end

describe("docpipe.shingle interner", function()
  it("gives a word the same id on every page, whatever its case", function()
    local it = shingle.interner()
    local a = it:ids({ "The Harbor board met", "the harbor" })
    local b = it:ids({ "HARBOR board" })
    assert.are.same({ 1, 2, 3, 4 }, a[1])
    assert.are.same({ 1, 2 }, a[2])
    assert.are.same({ 2, 3 }, b[1])
    assert.are.equal(4, it:count())
    assert.are.equal(2, it:intern()["harbor"])
  end)

  it("looks a word up by it:id as in the table it:intern builds, interning nothing", function()
    local it = shingle.interner()
    assert.is_nil(it:id("harbor")) -- (no table yet)
    assert.are.same({}, it:intern())
    local texts = { "The Harbor board met; caf\195\169 CAF\195\169 2024 x", "" }
    for k = 1, 3000 do texts[#texts + 1] = "w" .. k .. " the W" .. k end -- (past a rehash)
    it:ids(texts)
    local intern = it:intern()
    local n = 0
    for w, id in pairs(intern) do
      n = n + 1
      assert.are.equal(id, it:id(w))
    end
    assert.are.equal(it:count(), n)
    for _, w in ipairs { "The", "HARBOR", "w3001", "", "caf\195\137", "harbo", "harborr" } do
      assert.is_nil(it:id(w))
    end
    assert.are.equal(it:count(), n)
    assert.are.equal(3, it:id("board"))
  end)

  it("lowers every ASCII capital, eight bytes at a time or one by one, and no other byte", function()
    local it = shingle.interner()
    -- (capitals at every position of an 8-byte word, bytes past ASCII beside them:
    -- "@[`{" sit just outside A-Z and a-z, and \195\137 is É)
    local text = "ABCDEFGHIJKLMNOPQRSTUVWXYZ @[`{ Z\195\137Z aZ@A[Z`Z{Z zzZZzzZZq"
    local ids = it:ids({ text })[1]
    local want = it:ids({ string.lower(text) })[1]
    assert.are.same(want, ids)
    local intern = it:intern()
    assert.is_truthy(intern["abcdefghijklmnopqrstuvwxyz"])
    assert.is_truthy(intern["zzzzzzzzq"])
    assert.is_nil(intern["ABCDEFGHIJKLMNOPQRSTUVWXYZ"])
  end)

  it("lists the ids of the words whose flags meet a hit mask, by text", function()
    local it = shingle.interner()
    local function flag_of(w) return (w == "share" or w == "print") and 32 or 0 end
    local lists, _, bits, _, hits = it:ids({ "Share or print this", "the harbor", "print" }, flag_of, 1, 32)
    assert.are.same({ lists[1][1], lists[1][3] }, hits[1])
    assert.is_nil(hits[2])
    assert.are.same({ lists[1][3] }, hits[3])
    assert.are.equal(0, bits[2])
    -- (without a hit mask, four results)
    assert.are.equal(4, select("#", it:ids({ "share" }, flag_of)))
  end)

  it("keeps every id when its table grows past thousands of words", function()
    local it = shingle.interner()
    local texts = {}
    for i = 1, 300 do
      local w = {}
      for k = 1, 100 do w[k] = "w" .. (i * 100 + k) end
      texts[i] = table.concat(w, " ")
    end
    local lists = it:ids(texts)
    assert.are.equal(30000, it:count())
    local again = it:ids({ "w101 W30100 w15050" })[1]
    assert.are.same({ lists[1][1], lists[300][100], lists[150][50] }, again)
    assert.are.equal(lists[150][50], it:intern()["w15050"])
  end)

  it("tokenises as docpipe.text.words does", function()
    local text = "U.S. co-founder Mara O\u{2019}Neill paid $200,000 \u{2014} \u{201C}caf\u{00E9}\u{201D}, she said."
    local it = shingle.interner()
    local ids = it:ids({ text })[1]
    local rev = {}
    for w, id in pairs(it:intern()) do rev[id] = w end
    local got = {}
    for k, id in ipairs(ids) do got[k] = rev[id] end
    assert.are.same(dp.text.words(text:lower()), got)
  end)

  it("sums each text's word flags: the count under the mask and their union", function()
    local it = shingle.interner()
    local flags = { the = 1, of = 1, reporting = 2 }
    local calls = 0
    local function flag_of(w) calls = calls + 1; return flags[w] or 0 end
    local lists, counts, bits, first = it:ids({ "The mayor of Brantwick", "", "Reporting by Ana Lim" }, flag_of, 1)
    assert.are.same({ 2, 0, 0 }, counts)
    assert.are.same({ 1, 0, 2 }, bits)
    assert.are.same({ 0, 4, 4, 8 }, first)
    assert.are.same({}, lists[2])
    assert.are.equal(8, calls)
    -- a word seen before keeps its flags without another call
    it:ids({ "the mayor" }, flag_of, 1)
    assert.are.equal(8, calls)
  end)

  it("finds a run of words printed twice in a row in its last page", function()
    local it = shingle.interner()
    it:ids({ "Ferry crews at Oslin Quay", "Ferry crews at Oslin Quay", "The strike ended on Monday" })
    assert.are.same({ 1, 5 }, it:repeats(3, 150))
    assert.are.same({}, it:repeats(6, 150))
  end)
end)

describe("docpipe.shingle.repeats", function()
  it("returns each position whose words come again right after, with the length", function()
    -- 9 1 2 3 1 2 3 8: "1 2 3" twice from the second word
    assert.are.same({ 2, 3 }, shingle.repeats({ 9, 1, 2, 3, 1, 2, 3, 8 }, 8, 3, 150))
    -- the same pair again with other words between is no repeat
    assert.are.same({}, shingle.repeats({ 1, 2, 5, 1, 2, 6 }, 6, 3, 150))
    -- a copy cut short by the end of the text is no repeat
    assert.are.same({}, shingle.repeats({ 1, 2, 3, 1, 2 }, 5, 3, 150))
    assert.are.same({}, shingle.repeats({}, 0, 3, 150))
  end)
end)

describe("docpipe.shingle.contained", function()
  it("maps a list to the first list at least three words longer that holds it", function()
    local quote = { 5, 6, 7, 8, 9 }
    local para = { 1, 2, 5, 6, 7, 8, 9, 3, 4 }
    local short = { 5, 6, 7, 8, 9, 10, 11 }
    local out = shingle.contained({ quote, short, para }, 5)
    assert.are.equal(3, out[1])
    assert.is_nil(out[2])
    assert.is_nil(out[3])
    -- shorter than min_words: not looked for
    assert.are.same({}, shingle.contained({ quote, para }, 6))
  end)
end)

describe("docpipe.clean.blocks", function()
  it("tokenizes every block and keeps its words' flags", function()
    local bl = blocks.split(lines { "Storm closes the Kellan bridge", "", "Reporting by Ana Lim" })
    local keep = {}
    local intern = blocks.tokenize(bl, { the = true, by = true }, { reporting = true }, keep)
    assert.are.equal(5, bl[1].nw)
    assert.are.equal(1, bl[1].nstop)
    assert.is_false(bl[1].hint)
    assert.is_true(bl[2].hint)
    assert.are.equal(bl[1].ids[3], intern:id("the"))
    -- the words live on in keep: the next page reuses their ids
    local bl2 = blocks.split("The bridge\n")
    blocks.tokenize(bl2, {}, {}, keep)
    assert.are.equal(bl[1].ids[3], bl2[1].ids[1])
  end)

  it("cuts a caption printed twice after tokenize, and without it", function()
    local page = lines {
      "Volunteers fill sandbags in Marrow Falls on Sunday. Volunteers fill sandbags in Marrow Falls on Sunday.",
      "",
      "The river is expected to crest on Tuesday, officials said.",
    }
    local bl = blocks.split(page)
    blocks.tokenize(bl, {}, {}, {})
    local removed = blocks.cut_repeats(bl)
    assert.are.equal("repeated caption", bl[1].removed)
    assert.is_nil(bl[2].removed)
    local bl2 = blocks.split(page)
    local removed2 = blocks.cut_repeats(bl2) -- tokenises by itself
    assert.are.equal("repeated caption", bl2[1].removed)
    assert.are.same(#removed, #removed2)
  end)

  it("finds the repeats of the page it was given, not of the last page tokenized", function()
    local keep = {}
    local a = blocks.split(lines { "Photo: Lena Ortiz for the Courier", "Photo: Lena Ortiz for the Courier", "", "Body text of the story goes here." })
    blocks.tokenize(a, {}, {}, keep)
    local b = blocks.split(lines { "An unrelated story about the Tarrow council vote." })
    blocks.tokenize(b, {}, {}, keep)
    blocks.cut_repeats(a)
    assert.are.equal("repeated caption", a[1].removed)
    assert.are.equal("repeated caption", a[2].removed)
  end)

  -- the Lua VM instructions (in thousands) that cut_repeats spends on the page
  local function kilo_instructions(page)
    local bl = blocks.split(page)
    blocks.tokenize(bl, {}, {}, {})
    local count = 0
    debug.sethook(function() count = count + 1 end, "", 1000)
    local ok, err = pcall(blocks.cut_repeats, bl)
    debug.sethook()
    assert(ok, err)
    return count, bl
  end

  it("keeps a word repeated through a paragraph and reads it in linear time", function()
    -- the copies of a short repeat inside one paragraph are the writer's: nothing is
    -- cut, and each start inside the run used to walk the rest of it (quadratic: 16
    -- times the work for 4 times the words; linear is 4)
    for _, unit in ipairs { "word ", "Alpha Beta, " } do
      local small, bl = kilo_instructions(unit:rep(1000) .. "\n")
      assert.is_nil(bl[1].removed)
      assert.are.equal(#unit * 1000 - 1, #bl[1].text)
      local large = kilo_instructions(unit:rep(4000) .. "\n")
      assert.is_true(large < 6 * small, unit .. ": " .. small .. " then " .. large)
    end
  end)

  it("reads a run of short lines that are one repeat in linear time", function()
    -- blocks of three words printed again and again, then a longer line that opens
    -- with them: every start used to walk all the copies to find the last one not whole
    local function page(n) return ("Exit poll data\n"):rep(n) .. "Exit poll data closed at eight in most states\n" end
    local small, bl = kilo_instructions(page(300))
    assert.are.equal("repeated caption", bl[1].removed)
    assert.is_nil(bl[#bl].removed)
    local large = kilo_instructions(page(1200))
    assert.is_true(large < 6 * small, small .. " then " .. large)
  end)

  it("reads a hard-wrapped text whose lines end in curly quotes as closed sentences", function()
    local w = {}
    for i = 1, 4 do
      w[#w + 1] = "\u{201C}We will rebuild the pier before the summer season,\u{201D} said Mayor Ilse Brandt " .. i .. "\u{201D}"
    end
    assert.is_nil(blocks.wrap_width(w))
    local open = {}
    for i = 1, 4 do open[#open + 1] = "The council voted on Tuesday to rebuild the pier before the summer season and " .. i end
    assert.are.equal(#open[1], blocks.wrap_width(open))
  end)

  it("counts the gaps of a menu row, also inside an indented or tagged line", function()
    local bl = blocks.split(lines { "Home   News   Sports   Weather", "", "  Local   Business   Opinion", "", "<b>Search</b>   Sign in   Subscribe" })
    assert.are.equal(3, bl[1].gaps)
    assert.are.equal("Home News Sports Weather", bl[1].text)
    assert.are.equal(2, bl[2].gaps)
    assert.are.equal(2, bl[3].gaps)
    assert.are.equal("Search Sign in Subscribe", bl[3].text)
  end)

  it("counts gaps as the pattern loop it replaces does (space_gaps)", function()
    local function ref(t)
      local gaps = 0
      for c in t:gmatch("(%S)   *%S") do
        if not c:find("[.!?:;\"']") then gaps = gaps + 1 end
      end
      return gaps
    end
    for _, t in ipairs {
      "", " ", "  ", "a  ", "  a", "a  b", "a b", "a   b", "a  b  c", "a  b  c  d", "a.  B", "a.  B  c",
      "a  \tb", "a\t  b", "a  b\n", "a    ", "\"x\"  y", "é  è", "ab  cd  ef   gh", " a  b ", "a  b c  d",
      "Home   News   Sports   Weather", "It rained.  The pier shut.  Ferries ran late;  buses too",
    } do
      assert.are.equal(ref(t), blocks.space_gaps(t), ("%q"):format(t))
    end
  end)

  it("finds a pull quote repeated inside a longer block", function()
    local bl = blocks.split(lines {
      "The ferry will run again once the new engines arrive from Dunmore, the operator said on Friday.",
      "",
      "once the new engines arrive from Dunmore",
    })
    blocks.tokenize(bl, {}, {}, {})
    local found = blocks.contained(bl, 5)
    assert.are.equal(bl[1], found[bl[2]])
    assert.is_nil(found[bl[1]])
  end)
end)
