-- Specs of the quotes stage for constructions new users reported (cue spans, a
-- parenthetical attribution inside a sentence, short reported clauses, "NAME of ORG
-- said", "according to data from ..."). Every passage is invented (fictional people,
-- places and organisations). The splitter and runner are those of quotes_spec.lua.

local dp = require "docpipe"
local quotes = require "docpipe.stages.quotes"

local qrun = require "tests.quotes_run"
local split, run = qrun.split, qrun.run

-- a passage of one sentence with abbreviations in it ("Dr.", "St."), which the tiny
-- splitter would cut
local function run1(text)
  local doc = { id = "t", text = text, sentences = { { text = text, start = 1, ["end"] = #text } },
    meta = {}, errors = {} }
  local o = {}
  for k, spec in pairs(quotes.options) do o[k] = spec.default end
  local ctx = { opts = o, state = {}, stage = "quotes", warn = function() end }
  quotes.init(o, ctx)
  return quotes.process(doc, ctx).quotes
end

-- the quotes of a passage whose cue, speaker or content matches
local function find(qs, field, value)
  for _, q in ipairs(qs) do
    if q[field] == value then return q end
  end
  return nil
end

describe("quotes: an adverbial after the addressee is no part of the cue", function()
  it("ends the cue at the addressee before a preposition (reported speech)", function()
    local qs = run("The night train to Vell will run again from May, she told reporters outside the depot.")
    assert.are.equal(1, #qs)
    assert.are.equal("told reporters", qs[1].cue)
    assert.are.equal("The night train to Vell will run again from May", qs[1].text)
  end)
  it("ends the cue at the addressee before a preposition (direct speech)", function()
    local qs = run("\u{201C}We will not sign this,\u{201D} Oskar Brenn told journalists inside the hall.")
    assert.are.equal(1, #qs)
    assert.are.equal("told journalists", qs[1].cue)
    assert.are.equal("Oskar Brenn", qs[1].speaker)
  end)
  it("keeps a time phrase before a clause after the addressee", function()
    local qs = run("Oskar Brenn told the panel on Thursday how the pumps had failed.")
    assert.are.equal(1, #qs)
    assert.are.equal("how the pumps had failed", qs[1].text)
  end)
  it("keeps a how-clause after 'about' after the addressee", function()
    local qs = run("Oskar Brenn told the panel about how the pumps had failed.")
    assert.are.equal(1, #qs)
    assert.are.equal("how the pumps had failed", qs[1].text)
    assert.are.equal("told the panel", qs[1].cue)
  end)
end)

describe("quotes: 'CONTENT, NP said [time], and CLAUSE with a cue of its own'", function()
  it("attributes the clause before the attribution, not the one after it", function()
    local qs = run("Hail flattened a third of the barley around Orsk, farmers said on Friday, and some warned that bread prices would rise.")
    local q = find(qs, "speaker", "farmers")
    assert.is_truthy(q)
    assert.are.equal("Hail flattened a third of the barley around Orsk", q.text)
    assert.are.equal("said", q.cue)
    for _, x in ipairs(qs) do assert.is_falsy(x.text:find("^and some")) end
  end)
  it("gives the second report its own speaker", function()
    local qs = run("The hive losses doubled over the winter, farmers said on Friday, but the county warned that the figures were incomplete.")
    local a, b = find(qs, "speaker", "farmers"), find(qs, "cue", "warned")
    assert.are.equal("The hive losses doubled over the winter", a.text)
    assert.are.equal("the figures were incomplete", b.text)
  end)
end)

describe("quotes: a parenthetical attribution by an organisation or role noun", function()
  it("finds 'CONTENT, the city said, MORE' like 'CONTENT, the city said.'", function()
    local qs = run("The ferry pier at Kell will reopen after a year of work, the council said, a month ahead of plan.")
    local q = find(qs, "text", "The ferry pier at Kell will reopen after a year of work")
    assert.is_truthy(q)
    assert.are.equal("the council", q.speaker_mention)
    assert.are.equal("said", q.cue)
  end)
  it("finds it after a plural role noun", function()
    local qs = run("Two of the four lifts will stay shut until June, officials said, three weeks past the deadline.")
    local q = find(qs, "text", "Two of the four lifts will stay shut until June")
    assert.is_truthy(q)
    assert.are.equal("officials", q.speaker)
  end)
end)

describe("quotes: a two-word reported clause after an explicit subject and cue", function()
  it("reports 'NAME said it rained' and 'NAME said that she left'", function()
    local qs = run("Ilse Marren said it snowed.")
    assert.are.equal(1, #qs)
    assert.are.equal("it snowed", qs[1].text)
    assert.are.equal("Ilse Marren", qs[1].speaker)
    qs = run("Ilse Marren said that he resigned.")
    assert.are.equal(1, #qs)
    assert.are.equal("he resigned", qs[1].text)
  end)
  it("still reports nothing for 'said it again', 'said it all', 'said nothing else'", function()
    assert.are.equal(0, #run("Ilse Marren said it again."))
    assert.are.equal(0, #run("Ilse Marren said it all."))
    assert.are.equal(0, #run("Ilse Marren said nothing else."))
  end)
  it("reports nothing for a name then a noun ('announced Hale's leave', 'admitted to the NIH ward')", function()
    assert.are.equal(0, #run("Dorn Atwell announced Hale's leave."))
    assert.are.equal(0, #run("She was the third patient admitted to the KMC ward."))
  end)
end)

describe("quotes: 'NAME of ORGANISATION said': the person speaks", function()
  it("before the cue, with a title and a possessive in the organisation", function()
    local qs = run1("Dr. Selma Ardent of St. Oriel's Clinic said the wing would close in June.")
    assert.are.equal(1, #qs)
    assert.are.equal("Selma Ardent", qs[1].speaker)
  end)
  it("before the cue, a given name and a surname", function()
    local qs = run("Hugo Marsh of Pellow Savings said rates would rise this year.")
    assert.are.equal("Hugo Marsh", qs[1].speaker)
  end)
  it("after the cue", function()
    local qs = run("\u{201C}Rates will rise,\u{201D} said Hugo Marsh of Pellow Savings.")
    assert.are.equal("Hugo Marsh", qs[1].speaker)
  end)
  it("keeps an organisation name with 'of' whole", function()
    local qs = run("The Bank of Vellmark said rates would rise this year.")
    assert.are.equal("Bank of Vellmark", qs[1].speaker)
  end)
end)

describe("quotes: 'according to data from X': the source is X, not a cut phrase", function()
  it("keeps an -ing modifier before an organisation noun", function()
    local qs = run("River levels fell by a metre in July, according to the trust's gauging station.")
    assert.are.equal(1, #qs)
    assert.are.equal("the trust's gauging station", qs[1].speaker)
  end)
  it("does not read a verb in -ed before a document noun as a modifier", function()
    local qs = run("The panel asked for records from Vesna Tull and her husband, explaining that donors \u{201C}must know where the money goes.\u{201D}")
    for _, q in ipairs(qs) do assert.is_not.equal("Vesna Tull", q.speaker) end
  end)
  it("gives the body the data come from", function()
    local qs = run("River levels fell by a metre in July, according to data from the trust's gauging station.")
    assert.are.equal("the trust's gauging station", qs[1].speaker)
    qs = run("River levels fell by a metre in July, according to figures from the river agency.")
    assert.are.equal("the river agency", qs[1].speaker)
  end)
end)

describe("quotes: a dateline's place is no speaker", function()
  it("does not give 'it said' to the town of an upper-case dateline", function()
    local qs = run({ "ORSKELL, Wrenmoor \u{2014} Barley prices rose 4% on Monday.",
      "Prices will rise again in June, it said." })
    assert.are.equal(1, #qs)
    assert.is_not.equal("ORSKELL", qs[1].speaker)
    qs = run({ "ORSKELL (Kell Wire) - Barley prices rose 4% on Monday.",
      "Prices will rise again in June, it said." })
    assert.is_not.equal("ORSKELL", qs[1].speaker)
  end)
  it("keeps an acronym before a dash without a comma or agency", function()
    local qs = run("BANKO -- the growers' alliance -- will meet on Friday, it said.")
    assert.are.equal("BANKO", qs[1].speaker)
  end)
end)
