-- Specs of the quotes stage (scripts/stages/quotes.lua and scripts/quotes/*.lua).
-- Every passage below is invented (fictional people, places and organisations).
-- Sentences are given to the stage as the sentences stage would, from a tiny local
-- splitter; the last block checks the stage against the hand-made gold of the seed page
-- read from ../shared/data/seed/gold.json.

local dp = require "docpipe"
local quotes = require "docpipe.stages.quotes"

-- tiny splitter: a sentence ends at . ? ! (and a closing quote mark after it) before
-- white space and an upper-case letter or an opening quote mark, or at a paragraph end
local function split(text)
  local out, start, i, n = {}, 1, 1, #text
  local function push(e)
    local s = start
    while s <= e and text:sub(s, s):find("%s") do s = s + 1 end
    local x = e
    while x >= s and text:sub(x, x):find("%s") do x = x - 1 end
    if x >= s then out[#out + 1] = { text = text:sub(s, x), start = s, ["end"] = x } end
  end
  while i <= n do
    local c = text:sub(i, i)
    if c == "\n" and text:sub(i + 1, i + 1) == "\n" then
      push(i - 1); start = i + 2; i = i + 2
    elseif c == "." or c == "?" or c == "!" then
      local j = i + 1
      while true do
        local q3 = text:sub(j, j + 2)
        if q3 == "\u{201D}" or q3 == "\u{2019}" or q3 == "\u{00BB}" then j = j + 3
        elseif text:sub(j, j) == '"' then j = j + 1
        else break end
      end
      local k = j
      while text:sub(k, k) == " " do k = k + 1 end
      local nx = text:sub(k, k + 2)
      if k > j and (nx:find("^%u") or nx:find("^\u{201C}") or nx:find('^"') or nx:find("^\u{00AB}")) then
        push(j - 1); start = k; i = k
      else
        i = i + 1
      end
    else
      i = i + 1
    end
  end
  push(n)
  return out
end

local function run(paragraphs, opts)
  local text = type(paragraphs) == "table" and table.concat(paragraphs, "\n\n") or paragraphs
  local doc = { id = "t", text = text, sentences = split(text), meta = {}, errors = {} }
  local o = {}
  for k, spec in pairs(quotes.options) do o[k] = spec.default end
  for k, v in pairs(opts or {}) do o[k] = v end
  local ctx = { opts = o, state = {}, stage = "quotes", warn = function() end }
  quotes.init(o, ctx)
  return quotes.process(doc, ctx).quotes, text
end

local function find(qs, needle)
  for _, q in ipairs(qs) do
    if q.text:find(needle, 1, true) then return q end
  end
  return nil
end

local function of_type(qs, t)
  local out = {}
  for _, q in ipairs(qs) do if q.type == t then out[#out + 1] = q end end
  return out
end

describe("quotes stage: direct quotes", function()
  it("attributes a quote to the speaker named after the cue ('..., said NAME')", function()
    local qs = run({ "\u{201C}The bridge will reopen in May,\u{201D} said transport minister Oskar Brandvold." })
    assert.equal(1, #qs)
    assert.equal("The bridge will reopen in May,", qs[1].text)
    assert.equal("direct", qs[1].type)
    assert.equal("Oskar Brandvold", qs[1].speaker)
    assert.equal("said", qs[1].cue)
    assert.equal("transport minister Oskar Brandvold", qs[1].speaker_mention)
  end)

  it("gives the span of the inner text as 1-based inclusive byte offsets", function()
    local qs, text = run({ "Residents were angry. \u{201C}Nobody told us anything,\u{201D} said Mirela Osk." })
    assert.equal(1, #qs)
    assert.equal("Nobody told us anything,", text:sub(qs[1].start, qs[1]["end"]))
  end)

  it("gives both parts of a quote interrupted by its attribution the same speaker", function()
    local qs = run({
      "Mayor Greta Lindqvist spoke outside the flooded town hall on Sunday.",
      "\u{201C}We will not stop,\u{201D} she said, \u{201C}until every street is dry.\u{201D}",
    })
    local a, b = find(qs, "We will not stop"), find(qs, "until every street")
    assert.equal("We will not stop,", a.text)
    assert.equal("until every street is dry.", b.text)
    assert.equal("Greta Lindqvist", a.speaker)
    assert.equal("Greta Lindqvist", b.speaker)
    assert.equal("she", a.speaker_mention)
    assert.equal("said", b.cue)
    assert.equal(a.group, b.group)
  end)

  it("lets a continuation quote with no cue take the previous speaker", function()
    local qs = run({ "\"We counted every ballot twice,\" Tomas Reyna said. \"The result stands.\"" })
    local b = find(qs, "The result stands")
    assert.equal("The result stands.", b.text)
    assert.equal("Tomas Reyna", b.speaker)
    assert.equal("said", b.cue)
  end)

  it("follows a quote running over paragraphs and attributes both parts", function()
    local qs = run({
      "Harbour pilot Anneke Vos described the night of the collision.",
      "\u{201C}The fog came down in minutes. We could not see the bow.",
      "\u{201C}By the time the horn sounded it was already too late,\u{201D} she said.",
    })
    local a, b = find(qs, "The fog came down"), find(qs, "By the time")
    assert.equal("The fog came down in minutes. We could not see the bow.", a.text)
    assert.equal("Anneke Vos", a.speaker)
    assert.equal("Anneke Vos", b.speaker)
    assert.equal(a.group, b.group)
  end)

  it("attributes a quote introduced by a colon after the speaker", function()
    local qs = run({ "Fire chief Ilse Marani was blunt: \u{201C}Nobody should have been inside.\u{201D}" })
    assert.equal(1, #qs)
    assert.equal("Nobody should have been inside.", qs[1].text)
    assert.equal("Ilse Marani", qs[1].speaker)
    assert.equal("was blunt:", qs[1].cue)
  end)

  it("attributes a quote introduced by 'NAME said:'", function()
    local qs = run({ "Dario Feld opened the bakery in 2009. He said: \u{201C}We bake through the night.\u{201D}" })
    assert.equal("We bake through the night.", qs[1].text)
    assert.equal("Dario Feld", qs[1].speaker)
    assert.equal("He", qs[1].speaker_mention)
  end)

  it("attributes a quote after a dash to the name that follows", function()
    local qs = run({ "\u{201C}The depot will be ready by spring.\u{201D} \u{2014}Depot manager Lars Okonjo" })
    assert.equal("Lars Okonjo", qs[1].speaker)
    assert.equal("\u{2014}", qs[1].cue)
  end)

  it("pairs straight double quotes by order", function()
    local qs = run({ "\"We are not going to guess,\" Ruth Amsel said. \"We will measure.\"" })
    assert.equal(2, #of_type(qs, "direct"))
    assert.equal("We are not going to guess,", qs[1].text)
    assert.equal("We will measure.", qs[2].text)
    assert.equal("Ruth Amsel", qs[2].speaker)
  end)

  it("reads guillemets as quotation marks", function()
    local qs = run({ "\u{00AB}The border stays open,\u{00BB} said customs director Hanne Skov." })
    assert.equal("The border stays open,", qs[1].text)
    assert.equal("Hanne Skov", qs[1].speaker)
  end)

  it("reads single quotes used as quotation marks and keeps a plural possessive inside", function()
    local qs = run({ "'The growers' union will not sign,' said spokesman Emil Varga." })
    assert.equal("The growers' union will not sign,", qs[1].text)
    assert.equal("Emil Varga", qs[1].speaker)
  end)

  it("does not extract scare quotes or quoted names with no speech cue", function()
    local qs = run({
      "The so-called \u{201C}green corridor,\u{201D} announced in March, will link the two parks.",
      "The square, known as the \u{201C}Field of Lanterns,\u{201D} fills every October.",
      "Her first novel, \u{201C}The Glass Orchard\u{201D}, sold well.",
    })
    assert.is_nil(find(qs, "green corridor"))
    assert.is_nil(find(qs, "Field of Lanterns"))
    assert.is_nil(find(qs, "Glass Orchard"))
  end)

  it("extracts a short quoted phrase introduced by a naming cue ('called ... \"...\"')", function()
    local qs = run({ "Senator Vera Holm called the plan \u{201C}a gift to landlords.\u{201D}" })
    local q = find(qs, "a gift to landlords")
    assert.equal("direct", q.type)
    assert.equal("Vera Holm", q.speaker)
    assert.equal("called", q.cue)
  end)

  it("treats the addressee after 'told' as part of the cue, not as the speaker", function()
    local qs = run({ "\u{201C}No decision has been made,\u{201D} company spokesman Ivo Marek told the Valley Courier on Sunday." })
    assert.equal("Ivo Marek", qs[1].speaker)
    assert.equal("told the Valley Courier", qs[1].cue)
  end)
end)

describe("quotes stage: speakers", function()
  it("resolves a later surname to the full name given earlier", function()
    local qs = run({
      "Environmental officer Dev Ramkissoon said testing would continue for six weeks.",
      "\u{201C}We will publish every result,\u{201D} Ramkissoon said.",
    })
    local q = find(qs, "We will publish")
    assert.equal("Dev Ramkissoon", q.speaker)
    assert.equal("Ramkissoon", q.speaker_mention)
  end)

  it("uses the fullest form even when it comes after the first mention", function()
    local qs = run({
      "\u{201C}The library stays open,\u{201D} Mayor Okoye said.",
      "Mayor Lina Okoye spoke after the council vote.",
    })
    assert.equal("Lina Okoye", qs[1].speaker)
  end)

  it("resolves he/she to the most recent person of the same gender", function()
    local qs = run({
      "Trade minister Helga Strandberg met her counterpart, Kofi Mensah, in Bern on Thursday. \u{201C}We are closer than ever,\u{201D} she said. Mensah was more cautious. \u{201C}Closer is not done,\u{201D} he said.",
    })
    assert.equal("Helga Strandberg", find(qs, "closer than ever").speaker)
    assert.equal("Kofi Mensah", find(qs, "Closer is not done").speaker)
  end)

  it("resolves a definite role noun to the person who carried that title", function()
    local qs = run({
      "Senator Priya Ramaswamy introduced the bill on Monday. \u{201C}Renters have waited long enough,\u{201D} the senator said.",
    })
    assert.equal("Priya Ramaswamy", qs[1].speaker)
    assert.equal("the senator", qs[1].speaker_mention)
  end)

  it("expands an acronym the article defines to the organisation's name", function()
    local qs = run({
      "Fares will rise in June, the Northern Rail Authority (NRA) said.",
      "NRA said the money would pay for new signals on the coast line.",
    })
    local q = find(qs, "the money would pay")
    assert.equal("indirect", q.type)
    assert.equal("Northern Rail Authority", q.speaker)
    assert.equal("NRA", q.speaker_mention)
  end)

  it("gives the organisation behind 'the statement said'", function()
    local qs = run({ "In a statement, Kestrel Energy said it would close its Dunmore plant. \u{201C}This was a hard decision,\u{201D} the statement said." })
    assert.equal("Kestrel Energy", find(qs, "hard decision").speaker)
  end)

  it("reports a speaker description as written when no name stands for it", function()
    local qs = run({ "\" Farmers are selling at a loss , \" the agriculture minister said ." })
    assert.equal("the agriculture minister", qs[1].speaker)
  end)

  it("gives docpipe.null as speaker when a pronoun has no antecedent", function()
    local qs = run({ "\u{201C}It will be fine,\u{201D} he said." })
    assert.equal(dp.null, qs[1].speaker)
    assert.equal("he", qs[1].speaker_mention)
  end)
end)

describe("quotes stage: reported speech", function()
  it("finds 'NAME said that CONTENT' with the content's span", function()
    local qs, text = run({ "Councillor Amira Haddou said that the vote would be held again in May." })
    local q = of_type(qs, "indirect")[1]
    assert.equal("the vote would be held again in May", q.text)
    assert.equal(q.text, text:sub(q.start, q["end"]))
    assert.equal("Amira Haddou", q.speaker)
    assert.equal("said", q.cue)
  end)

  it("finds content before ', NAME said.'", function()
    local qs = run({ "Repairs will take at least a month, engineer Tove Lindahl said on Friday." })
    local q = of_type(qs, "indirect")[1]
    assert.equal("Repairs will take at least a month", q.text)
    assert.equal("Tove Lindahl", q.speaker)
  end)

  it("finds content before ', according to NAME' and reads the name with its appositive", function()
    local qs = run({ "Ticket sales fell by a third this year, according to Dilan Marsh, the festival's treasurer." })
    local q = of_type(qs, "indirect")[1]
    assert.equal("Ticket sales fell by a third this year", q.text)
    assert.equal("Dilan Marsh", q.speaker)
    assert.equal("according to", q.cue)
  end)

  it("resolves 'the ministry said in a statement' to the ministry named before", function()
    local qs = run({
      "The Ministry of Fisheries opened an inquiry last week.",
      "Catches fell by 12 percent last year, the ministry said in a statement.",
    })
    local q = of_type(qs, "indirect")[1]
    assert.equal("Catches fell by 12 percent last year", q.text)
    assert.equal("Ministry of Fisheries", q.speaker)
    assert.equal("the ministry", q.speaker_mention)
  end)

  it("finds 'But NAME cautioned that ...' with the surname resolved", function()
    local qs = run({
      "Economist Ruben Castellanos expects growth to return next year.",
      "But Castellanos cautioned that higher rates could delay the recovery.",
    })
    local q = find(qs, "higher rates")
    assert.equal("higher rates could delay the recovery", q.text)
    assert.equal("Ruben Castellanos", q.speaker)
    assert.equal("cautioned", q.cue)
  end)

  it("continues with the same speaker after ', adding that' and flags quoted phrases", function()
    local qs = run({ "Director Paolo Brandt told analysts that profits would return by autumn, adding that fuel costs had \u{201C}finally stopped climbing\u{201D}." })
    local a, b = find(qs, "profits would return"), find(qs, "fuel costs")
    assert.equal("profits would return by autumn", a.text)
    assert.equal("told analysts", a.cue)
    assert.equal("Paolo Brandt", b.speaker)
    assert.equal("adding", b.cue)
    assert.is_true(b.mixed)
    for _, q in ipairs(of_type(qs, "direct")) do
      assert.are_not.equal("finally stopped climbing", q.text)
    end
    assert.equal(0, #of_type(qs, "direct"))
  end)

  it("does not report belief verbs or refusals as speech", function()
    local qs = run({ "Investigators believe the fire started in a storage room. A spokesperson for the owner declined to comment." })
    assert.equal(0, #qs)
  end)
end)

describe("quotes stage: options", function()
  it("leaves out reported speech when include_indirect is false", function()
    local qs = run({ "Councillor Amira Haddou said that the vote would be held again in May. \u{201C}It is fair,\u{201D} she said." },
      { include_indirect = false })
    assert.equal(1, #qs)
    assert.equal("direct", qs[1].type)
  end)

  it("accepts extra cue verbs through the cues option", function()
    local p = { "\u{201C}The trains are always late,\u{201D} griped commuter Sanne Vogel." }
    local without = run(p)
    assert.equal(0, #without)
    local with = run(p, { cues = { "griped" } })
    assert.equal("Sanne Vogel", with[1].speaker)
    assert.equal("griped", with[1].cue)
  end)

  it("keeps a stand-alone quote with no cue only when it has min_words words", function()
    local p = { "The crowd waited in the rain.", "\u{201C}Open the gates now.\u{201D}" }
    assert.equal(0, #run(p))
    local qs = run(p, { min_words = 3 })
    assert.equal("Open the gates now.", qs[1].text)
    assert.equal(dp.null, qs[1].speaker)
  end)
end)

describe("quotes stage: seed page against its hand-made gold", function()
  local f = assert(io.open("../shared/data/seed/gold.json", "rb"))
  local gold = assert(dp.json.decode(f:read("a")))
  f:close()
  local text = table.concat(gold.paragraphs, "\n\n")
  local sents, pos = {}, 1
  for _, s in ipairs(gold.sentences) do
    local a, b = text:find(s, pos, true)
    sents[#sents + 1] = { text = s, start = a, ["end"] = b }
    pos = b + 1
  end
  local para_start, p = {}, 1
  for i, para in ipairs(gold.paragraphs) do
    para_start[i - 1] = p
    p = p + #para + 2
  end
  local doc = { id = "seed", text = text, sentences = sents, title = gold.title, meta = {}, errors = {} }
  local o = {}
  for k, spec in pairs(quotes.options) do o[k] = spec.default end
  local ctx = { opts = o, state = {}, stage = "quotes", warn = function() end }
  quotes.init(o, ctx)
  local qs = quotes.process(doc, ctx).quotes

  it("finds both direct quotes with speaker Park In-ho and cue said", function()
    local direct = of_type(qs, "direct")
    assert.equal(#gold.quotes, #direct)
    for i, g in ipairs(gold.quotes) do
      assert.equal(g.text, direct[i].text)
      assert.equal(g.speaker, direct[i].speaker)
      assert.equal(g.cue, direct[i].cue)
      assert.equal(g.text, text:sub(direct[i].start, direct[i]["end"]))
    end
  end)

  it("finds every reported-speech entry with its speaker and cue in its paragraph", function()
    for _, g in ipairs(gold.reported_speech) do
      local lo = para_start[g.paragraph]
      local hi = lo + #gold.paragraphs[g.paragraph + 1] - 1
      local hit
      for _, q in ipairs(of_type(qs, "indirect")) do
        if q.start >= lo and q["end"] <= hi and q.speaker == g.speaker and q.cue == g.cue then hit = q end
      end
      assert.is_truthy(hit, ("paragraph %d: %s %s"):format(g.paragraph, g.speaker, g.cue))
    end
  end)

  it("extracts nothing from the quoted spans that are not speech", function()
    for _, nq in ipairs(gold.not_quotes) do
      for _, q in ipairs(qs) do
        assert.is_false(q.type == "direct" and q.text == nq)
      end
    end
    assert.equal(2, #of_type(qs, "direct"))
  end)
end)
