-- Specs of the clean stage's kinds of development set h123: a dateline in capitals
-- with letters past ASCII and a place particle before its outlet in parentheses; an
-- advertisement's copy under its label (across a blank line, hard-wrapped over two
-- lines, indented, or one paragraph a line) opening on the advertiser's name and a
-- dash and carrying an offer or a call; a subhead in quotes that quotes a fragment of
-- a later sentence, no pull quote. Every page below is invented (fictional towns,
-- people, firms and outlets).

local dp = require "docpipe"
local pages = require "tests.clean_pages"
local run, lines, has = pages.run, pages.lines, pages.has_paragraph

local P1 = "The harbour board will close the old fish market for eight months from April to rebuild its sea wall and roof, the board's chairman said on Tuesday."
local P2 = "Stallholders will move to a temporary hall beside the ferry terminal, where the board has promised the same rents and longer opening hours."
local P3 = "\"We know the move is hard for families who have sold fish here for generations,\" said board chairman Oriel Vantongeren."
local P4 = "The rebuilding will cost about 6.2 million and is paid for by the regional government and a loan from the port's own reserves."
local P5 = "Traders said they would meet the board again next week to agree on parking and deliveries at the temporary hall."

local function page(body, o)
  o = o or {}
  local t = {}
  local ind = o.indent or ""
  for _, l in ipairs({ "MERROW QUAY ECHO", "", "Home | News | Harbour | Sport | Contact", "",
    "Old fish market to close for eight months of repairs", "",
    "By Idwal Penderry", "", "Published 4 March 2025", "" }) do t[#t + 1] = (l ~= "" and ind or "") .. l end
  for _, l in ipairs(body) do t[#t + 1] = (l ~= "" and ind or "") .. l end
  for _, l in ipairs({ "", "About | Contact | Privacy", "", "(c) 2025 Merrow Quay Echo. All rights reserved." }) do
    t[#t + 1] = (l ~= "" and ind or "") .. l
  end
  return lines(t)
end
-- each paragraph followed by a blank line; a table is a paragraph's lines, hard-wrapped;
-- with wrap, every other paragraph is hard-wrapped at that width
local function paras(...)
  local t = {}
  local args = { ... }
  local wrap = type(args[#args]) == "number" and table.remove(args) or nil
  for _, p in ipairs(args) do
    if type(p) == "table" then for _, l in ipairs(p) do t[#t + 1] = l end
    elseif wrap then
      local line = ""
      for w in p:gmatch("%S+") do
        if #line > 0 and #line + 1 + #w > wrap then t[#t + 1] = line; line = w
        else line = #line > 0 and (line .. " " .. w) or w end
      end
      t[#t + 1] = line
    else t[#t + 1] = p end
    t[#t + 1] = ""
  end
  return t
end

describe("clean kinds b17: a dateline in capitals past ASCII", function()
  it("takes a place in capitals with accents and a particle before its outlet in parentheses", function()
    local d = run(page(paras("PUERTO ÁNIMAS, Isla del Sur (Merrow Quay Echo) -- " .. P1, P2, P3, P4)))
    assert.equals("PUERTO ÁNIMAS, Isla del Sur", d.dateline)
    assert.equals(P1, d.paragraphs[1])
  end)
  it("counts a place's letters past ASCII", function()
    local d = run(page(paras("ÉZE -- " .. P1, P2, P3, P4)))
    assert.equals("ÉZE", d.dateline)
    assert.equals(P1, d.paragraphs[1])
  end)
end)

describe("clean kinds b17: an advertisement's copy under its label", function()
  it("takes copy hard-wrapped over two lines, the advertiser's name and a dash, a price and a call", function()
    local d = run(page(paras(P1, P2, "Advertisement",
      { "Gasthof Lindenruh Ostbach - sauna weekend with breakfast included from", "EUR 149 per room. Book now." },
      P3, P4, P5, 80)))
    assert.is_false(has(d, "Gasthof Lindenruh"))
    assert.is_false(has(d, "EUR 149"))
    assert.equals(5, #d.paragraphs)
  end)
  it("takes indented copy of a name, a dash and a list over a call with a discount", function()
    local d = run(page(paras(P1, P2, "ADVERTISEMENT",
      { "Yak Ridge Lodge - hot showers, home-baked bread, trekking guides.", "Book direct and save 15%." },
      P3, P4, P5), { indent = "   " }))
    assert.is_false(has(d, "Yak Ridge Lodge"))
    assert.is_false(has(d, "Book direct"))
    assert.equals(5, #d.paragraphs)
  end)
  it("takes copy of one line, a name and a dash over special rates, in a page of one paragraph a line", function()
    local body = { P1, P2, "Advertisement",
      "Coral Shelf Resort — snorkel tours, beach huts and island boat trips. Early booking rates for May.",
      P3, P4, P5 }
    local d = run(page(body))
    assert.is_false(has(d, "Coral Shelf Resort"))
    assert.equals(5, #d.paragraphs)
  end)
  it("keeps a body paragraph under a label whose copy is elsewhere", function()
    local P6 = "Harbour traders - fishmongers, net makers and ice sellers - said the board had not asked them about the dates."
    for i, body in ipairs({
      paras(P1, P2, "Advertisement", P6, P3, P4),
      { P1, P2, "Advertisement", P6, P3, P4 },
      paras(P1, P2, "Advertisement", { "Harbour traders - fishmongers, net makers and ice sellers - said the",
        "board had not asked them about the dates." }, P3, P4, 72),
      paras(P1, P2, "Advertisement", { "Harbour traders - fishmongers, net makers and ice sellers - want a",
        "new hall. Book now, they say, or lose the summer trade." }, P3, P4, 72),
    }) do
      local d = run(page(body))
      assert.is_true(has(d, "Harbour traders - fishmongers"), i)
    end
  end)
end)

describe("clean kinds b17: a subhead in quotes quoting a fragment of a later sentence", function()
  local Q = "\"This is a hard winter for the harbour,\" said fish seller Wenna Polglase, who has kept a stall in the market for 31 years. \"Half of us do not know where we will be in June.\""
  it("keeps a short quoted line of no verb whose words stand mid-sentence in the paragraph under it", function()
    local d = run(page(paras(P1, P2, "'A hard winter for the harbour'", Q, P4, P5)))
    assert.is_true(has(d, "'A hard winter for the harbour'"))
    assert.is_true(has(d, Q))
  end)
  it("still takes a pull quote repeating a whole sentence or its verb", function()
    for _, pq in ipairs({ "'This is a hard winter for the harbour'", "\"Half of us do not know where we will be in June\"" }) do
      local d = run(page(paras(P1, P2, Q, pq, P4, P5)))
      assert.is_false(has(d, pq), pq)
      assert.is_true(has(d, Q))
    end
  end)
end)
