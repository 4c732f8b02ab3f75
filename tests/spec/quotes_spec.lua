-- Specs of the quotes stage (scripts/stages/quotes.lua and scripts/quotes/*.lua).
-- Every passage below is invented (fictional people, places and organisations).
-- Sentences are given to the stage as the sentences stage would, from a tiny local
-- splitter. The last blocks check the stage against the hand-made gold of the seed page
-- (../shared/data/seed/gold.json), the invented passages of tests/fixtures/quotes/ and
-- the PolNeAR sample (../shared/data/quotes/polnear_dev_sample.jsonl), scored as
-- ../shared/tools/score_quotes.py scores them.

local dp = require "docpipe"
local quotes = require "docpipe.stages.quotes"

local qrun = require "tests.quotes_run"
local split, run = qrun.split, qrun.run

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

  it("resolves a surname to a full name first given in the possessive with ’s", function()
    local qs = run({
      "The plan was announced at Mara Delacroix\u{2019}s farm near Tolven on Tuesday.",
      "\u{201C}We are ready for the harvest,\u{201D} Delacroix said.",
    })
    local q = find(qs, "We are ready")
    assert.equal("Mara Delacroix", q.speaker)
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

describe("quotes stage: sieves for direct quotes", function()
  it("keeps a quotation nested in a quote as part of it", function()
    local qs = run({ "\u{201C}When the forecast said \u{2018}moderate swell\u{2019},\u{201D} Ingrid Soames said, \u{201C}nobody expected waves over the breakwater.\u{201D}" })
    local a = find(qs, "When the forecast")
    assert.equal("When the forecast said \u{2018}moderate swell\u{2019},", a.text)
    assert.equal("Ingrid Soames", a.speaker)
    assert.equal("said", a.cue)
    for _, q in ipairs(qs) do assert.are_not.equal("moderate swell", q.text) end
    assert.equal(2, #of_type(qs, "direct"))
  end)

  it("gives a nested quote introduced by a cue its own speaker ('My mother told us, ...')", function()
    local qs = run({ "\u{201C}My mother always told us, \u{2018}Never sell the land, whatever they offer,\u{2019}\u{201D} said Tuomas Aaltonen-Diallo." })
    local outer, inner = find(qs, "My mother"), nil
    for _, q in ipairs(qs) do if q.text:find("^Never sell") then inner = q end end
    assert.equal("Tuomas Aaltonen-Diallo", outer.speaker)
    assert.equal("Never sell the land, whatever they offer,", inner.text)
    assert.equal("mother of Tuomas Aaltonen-Diallo", inner.speaker)
    assert.equal("My mother", inner.speaker_mention)
    assert.equal("told", inner.cue)
  end)

  it("joins the parts of a quote interrupted by a long attribution", function()
    local qs = run({ "\"I have nothing against a bridge,\" said Wendell Obi-Farraday, who owns a hardware store on Mill Street, \"but I drive over potholes every morning.\"" })
    local a, b = find(qs, "nothing against"), find(qs, "potholes")
    assert.equal("I have nothing against a bridge,", a.text)
    assert.equal("but I drive over potholes every morning.", b.text)
    assert.equal("Wendell Obi-Farraday", a.speaker)
    assert.equal("Wendell Obi-Farraday", b.speaker)
    assert.equal("said", b.cue)
    assert.equal(a.group, b.group)
  end)

  it("attributes a quote after a colon to the subject of the clause before it", function()
    local qs = run({ "The head of the nurses\u{2019} union, Abena Kusi-Mensah, had a short message for the health minister: \u{201C}Pay us or lose us.\u{201D}" })
    assert.equal("Pay us or lose us.", qs[1].text)
    assert.equal("Abena Kusi-Mensah", qs[1].speaker)
    assert.equal("had a short message for the health minister:", qs[1].cue)
  end)

  it("continues the speaker of the previous paragraph's quote in a paragraph that opens with a bare quote", function()
    local qs = run({
      "Retired judge Edmund Farrow-Kaplan led the inquiry into the riot.",
      "\u{201C}The prison was built for 600 men and held 1,100,\u{201D} Farrow-Kaplan said at a press conference.",
      "\u{201C}Nobody who looked at those numbers could have been surprised.\u{201D}",
    })
    local q = find(qs, "Nobody who looked")
    assert.equal("Edmund Farrow-Kaplan", q.speaker)
    assert.equal("said", q.cue)
  end)

  it("gives a bare quote after a person's sentence to that person ('Asante was more cautious.')", function()
    local qs = run({ "Trade minister Helena Strand met Kwame Asante in Geneva. Asante was more cautious. \u{201C}Closer is not the same as done.\u{201D}" })
    local q = find(qs, "Closer is not")
    assert.equal("Closer is not the same as done.", q.text)
    assert.equal("Kwame Asante", q.speaker)
    assert.equal(dp.null, q.cue)
  end)

  it("gives a bare quote after reported speech to its speaker (', Schiff said. \"...\"')", function()
    local qs = run({ "The ministry may wait until the talks end, Councillor Ada Pellworm said. \u{201C}Nobody wants to upset the negotiations this week.\u{201D}" })
    local q = find(qs, "Nobody wants")
    assert.equal("direct", q.type)
    assert.equal("Nobody wants to upset the negotiations this week.", q.text)
    assert.equal("Ada Pellworm", q.speaker)
    assert.equal("said", q.cue)
  end)

  it("does not let a full stop inside the marks carry the next sentence's cue back to the quote", function()
    local qs = run({ "Union leader Kwabena Fairweather-Lowe criticized the reform as \u{201C}a pay cut for people who can no longer fight back.\u{201D} The labour ministry said the reform would save money." })
    for _, q in ipairs(qs) do
      if q.text:find("pay cut", 1, true) then assert.equal("Kwabena Fairweather-Lowe", q.speaker) end
    end
    assert.equal("labour ministry", find(qs, "would save money").speaker:gsub("^[Tt]he ", ""))
  end)
end)

describe("quotes stage: quoted words that are not speech", function()
  it("does not extract a nickname inside a name", function()
    local qs = run({ "Former miner Jozef \u{201C}Jozzy\u{201D} Halloran, 81, appears in the film. \u{201C}I went down that shaft at fifteen,\u{201D} Halloran said." })
    assert.is_nil(find(qs, "Jozzy"))
    local q = find(qs, "went down that shaft")
    assert.equal("I went down that shaft at fifteen,", q.text)
    assert.equal("Jozef Halloran", q.speaker)
    assert.equal("said", q.cue)
  end)

  it("does not extract words mentioned as words ('the word \"closure\"')", function()
    local qs = run({ "The word \u{201C}closure\u{201D} is never spoken in the film, director Tobiah Rens said." })
    for _, q in ipairs(qs) do assert.are_not.equal("closure", q.text) end
    local q = of_type(qs, "indirect")[1]
    assert.equal("The word \u{201C}closure\u{201D} is never spoken in the film", q.text)
    assert.equal("Tobiah Rens", q.speaker)
    assert.equal("said", q.cue)
    assert.is_false(q.mixed)
  end)

  it("does not extract titles after a work noun or labels after 'known as'", function()
    local qs = run({
      "The documentary \u{201C}Salt and Iron\u{201D} opens on Friday. The soundtrack includes the folk song \u{201C}Coal Dust Lullaby\u{201D}.",
      "The programme, known locally as \u{201C}the tea van\u{201D}, costs about 90,000 francs a year.",
    })
    assert.equal(0, #qs)
  end)

  it("does not extract a name given with a naming cue ('dubbed the tower \"the Cheese Grater\"')", function()
    local qs = run({ "Critics have dubbed the new tower \u{201C}the Cheese Grater\u{201D}, and its architect does not mind." })
    assert.equal(0, #of_type(qs, "direct"))
    assert.is_nil(find(qs, "Cheese Grater"))
  end)

  it("does not extract a label after 'what it calls a'", function()
    local qs = run({ "The authority wants to build what it calls a \u{201C}smart terminal\u{201D} by 2028." })
    assert.equal(0, #of_type(qs, "direct"))
  end)

  it("reports a short phrase after 'called' and an object both as a direct quote and as a mixed quote", function()
    local qs = run({ "Health minister Teresa Lind-Oduya called the decision \u{201C}responsible and right.\u{201D}" })
    local d = of_type(qs, "direct")[1]
    assert.equal("responsible and right.", d.text)
    assert.equal("Teresa Lind-Oduya", d.speaker)
    assert.equal("called", d.cue)
    local m = of_type(qs, "indirect")[1]
    assert.equal("the decision \u{201C}responsible and right.\u{201D}", m.text)
    assert.is_true(m.mixed)
  end)
end)

describe("quotes stage: speaker resolution", function()
  it("prefers the subject of the previous sentence to a nearer name in a by-phrase", function()
    local qs = run({ "Aid worker Yevgenia Castaneda-Rowe arrived in Kessa on Monday. The convoy had been held for three days by customs officer Tariq Baldursson. \u{201C}We had food for six thousand people sitting in a car park,\u{201D} she said." })
    assert.equal("We had food for six thousand people sitting in a car park,", qs[1].text)
    assert.equal("Yevgenia Castaneda-Rowe", qs[1].speaker)
    assert.equal("she", qs[1].speaker_mention)
    assert.equal("said", qs[1].cue)
  end)

  it("resolves she to the clause subject when two women are named", function()
    local qs = run({
      "Shadow housing secretary Imogen Blackwood-Tate clashed with the housing minister, Fenella Drury, on Wednesday.",
      "\u{2018}This government has built fewer homes than any since the war,\u{2019} she said.",
      "Drury rejected the claim. \u{2018}The figures are three years old,\u{2019} she said.",
    })
    assert.equal("Imogen Blackwood-Tate", find(qs, "fewer homes").speaker)
    assert.equal("Fenella Drury", find(qs, "three years old").speaker)
  end)

  it("learns a gender from pronouns that refer to the sentence subject", function()
    local qs = run({
      "Deputy Mayor Hortense Gallardo presented the budget, two weeks after a heated session with Councillor Bertrand Oyelowo-Fisk over her figures.",
      "Oyelowo-Fisk was not persuaded. \u{201C}We were promised the same thing last year,\u{201D} he said.",
    })
    assert.equal("We were promised the same thing last year,", qs[1].text)
    assert.equal("Bertrand Oyelowo-Fisk", qs[1].speaker)
    assert.equal("said", qs[1].cue)
  end)

  it("resolves a role noun to a person named later (cataphora)", function()
    local qs = run({
      "Lindqvist Ferries will retire four vessels by next summer, the company\u{2019}s finance director said on Wednesday.",
      "\u{201C}The boats are safe, but they are tired,\u{201D} said Joaquim Ferreira-Lund, the finance director, in an interview.",
    })
    local q = find(qs, "will retire four vessels")
    assert.equal("Lindqvist Ferries will retire four vessels by next summer", q.text)
    assert.equal("said", q.cue)
    assert.equal("Joaquim Ferreira-Lund", q.speaker)
    assert.equal("the company\u{2019}s finance director", q.speaker_mention)
  end)

  it("resolves an age used as a noun ('the 29-year-old said') to the person just named", function()
    local qs = run({ "Striker Dejan Mavrakis scored twice on Saturday. \u{201C}I have waited two years for a night like this,\u{201D} the 29-year-old said." })
    assert.equal("I have waited two years for a night like this,", qs[1].text)
    assert.equal("Dejan Mavrakis", qs[1].speaker)
    assert.equal("the 29-year-old", qs[1].speaker_mention)
    assert.equal("said", qs[1].cue)
  end)

  it("takes the name in an appositive after a description ('said one resident, NAME, 64')", function()
    local qs = run({ "\u{201C}The water came in through the floor,\u{201D} said one resident, Pilar Quintanilla-Obi, 64, who has lived on Weir Street for years." })
    assert.equal("The water came in through the floor,", qs[1].text)
    assert.equal("Pilar Quintanilla-Obi", qs[1].speaker)
    assert.equal("said", qs[1].cue)
  end)

  it("chooses between two people with one surname by the title's gender ('Mr.' and 'Ms.')", function()
    local qs = run({
      "Peter Haldane-Oruc, the owner of a bakery, has filed for bankruptcy. His wife, Marisol Haldane-Oruc, runs the shop next door.",
      "\u{201C}The rent doubled in two years,\u{201D} Mr. Haldane-Oruc said.",
      "Ms. Haldane-Oruc said she would keep her shop open.",
    })
    assert.equal("Peter Haldane-Oruc", find(qs, "rent doubled").speaker)
    assert.equal("Marisol Haldane-Oruc", find(qs, "keep her shop").speaker)
  end)

  it("resolves 'the company said' and 'it said' to the organisation named before", function()
    local qs = run({
      "Meridian Telecom said on Friday that a software fault had caused the outage.",
      "\u{201C}We apologise unreservedly,\u{201D} the company said in a statement. It said customers would receive a credit on their next bill.",
    })
    local a, b = find(qs, "apologise"), find(qs, "receive a credit")
    assert.equal("We apologise unreservedly,", a.text)
    assert.equal("Meridian Telecom", a.speaker)
    assert.equal("the company", a.speaker_mention)
    assert.equal("customers would receive a credit on their next bill", b.text)
    assert.equal("Meridian Telecom", b.speaker)
    assert.equal("said", b.cue)
  end)

  it("reads a spokesperson phrase with its organisation and skips a relative clause", function()
    local qs = run({ "A spokesman for the interior ministry, who asked not to be named, said army engineers would arrive on Sunday." })
    assert.equal("army engineers would arrive on Sunday", qs[1].text)
    assert.equal("A spokesman for the interior ministry", qs[1].speaker)
    assert.equal("said", qs[1].cue)
  end)
end)

describe("quotes stage: reported speech and attributions", function()
  it("keeps the appositive of a sentence-initial 'According to NAME, the ROLE of ORG,' out of the content", function()
    local qs = run({ "According to Ramona Ekwueme, the president of the Calder Valley Growers\u{2019} Association, the drought has cost farmers 40 million dollars." })
    assert.equal("the drought has cost farmers 40 million dollars", qs[1].text)
    assert.equal("Ramona Ekwueme", qs[1].speaker)
    assert.equal("According to", qs[1].cue)
  end)

  it("gives the agent of 'figures released by X' as the speaker of 'according to'", function()
    local qs = run({
      "The National Rail Safety Board (NRSB) ordered inspections of 140 bridges on Monday.",
      "Ticket sales fell by a third this year, according to figures published by the NRSB.",
    })
    local q = find(qs, "Ticket sales")
    assert.equal("Ticket sales fell by a third this year", q.text)
    assert.equal("National Rail Safety Board", q.speaker)
    assert.equal("according to", q.cue)
  end)

  it("reports findings and calls as attributions ('The study found that', 'called on')", function()
    local qs = run({
      "The study found that voters in the three largest counties had been removed at twice the rate.",
      "Councillor Ada Pellworm called on the council to publish every contract.",
    })
    local a, b = find(qs, "voters in the three"), find(qs, "to publish every contract")
    assert.equal("voters in the three largest counties had been removed at twice the rate", a.text)
    assert.equal("the council to publish every contract", b.text)
    assert.equal("The study", a.speaker)
    assert.equal("found", a.cue)
    assert.equal("Ada Pellworm", b.speaker)
    assert.equal("called on", b.cue)
  end)

  it("makes a mixed quote of an object and a quoted phrase after a non-speech verb", function()
    local qs = run({ "Former president Anselm Vree criticized the health law as a \u{201C}crazy system\u{201D} during a campaign stop." })
    local q = of_type(qs, "indirect")[1]
    assert.equal("the health law as a \u{201C}crazy system\u{201D}", q.text)
    assert.equal("Anselm Vree", q.speaker)
    assert.equal("criticized", q.cue)
    assert.is_true(q.mixed)
    assert.equal(0, #of_type(qs, "direct"))
  end)

  it("continues the speaker of a direct quote in ', adding that ...'", function()
    local qs = run({ "Oyelowo-Fisk was not persuaded. \u{201C}We were promised the same thing last year,\u{201D} he said, adding that the city had not published its pension figures since 2021." })
    local q = find(qs, "pension figures")
    assert.equal("the city had not published its pension figures since 2021", q.text)
    assert.equal("indirect", q.type)
    assert.equal("adding", q.cue)
    assert.equal("Oyelowo-Fisk", q.speaker)
  end)

  it("lets the clause subject speak after 'and said' or 'but said'", function()
    local qs = run({ "The Association of Retail Grocers welcomed the plan but said it would need time to change its tills." })
    local q = find(qs, "need time")
    assert.equal("it would need time to change its tills", q.text)
    assert.equal("Association of Retail Grocers", q.speaker)
    assert.equal("said", q.cue)
  end)

  it("finds the content on both sides of a parenthetical attribution", function()
    local qs = run({ "Transport minister Ana Ruiz spoke on Monday. The new tunnel, she said, would open two years late." })
    local a, b = find(qs, "The new tunnel"), find(qs, "would open two years late")
    assert.equal("The new tunnel", a.text)
    assert.equal("would open two years late", b.text)
    assert.equal("Ana Ruiz", a.speaker)
    assert.equal("Ana Ruiz", b.speaker)
    assert.equal("said", b.cue)
  end)

  it("reads a headline 'NAME: CONTENT' as an attribution", function()
    local qs = run({ "Harbour Chief Says Dredging Will Start In Spring", "Sigrun Aldana-Price said the channel would be dredged in the spring." })
    local q = find(qs, "Dredging Will Start")
    assert.equal("Dredging Will Start In Spring", q.text)
    assert.equal("Harbour Chief", q.speaker)
    assert.equal("Says", q.cue)
  end)

  it("does not report a cue inside a conditional clause of other reported content", function()
    local qs = run({ "The guild said its members would stay out until the authority agreed to a binding limit on job losses." })
    assert.equal(1, #qs)
    assert.equal("its members would stay out until the authority agreed to a binding limit on job losses", qs[1].text)
    assert.equal("The guild", qs[1].speaker)
    assert.equal("said", qs[1].cue)
  end)
end)

describe("quotes stage: doc.speakers", function()
  it("counts the quotes of each speaker, most quoted first, the parts of one utterance once", function()
    local text = table.concat({
      "\u{201C}We will not stop,\u{201D} Mayor Greta Lindqvist said, \u{201C}until every street is dry.\u{201D}",
      "Lindqvist said the pumps would run all night. Engineer Tove Amsel said the river had peaked.",
    }, "\n\n")
    local doc = { id = "t", text = text, meta = {}, errors = {} }
    local o = {}
    for k, spec in pairs(quotes.options) do o[k] = spec.default end
    local ctx = { opts = o, state = {}, stage = "quotes", warn = function() end }
    quotes.init(o, ctx)
    doc = quotes.process(doc, ctx)
    assert.same({ name = "Greta Lindqvist", quotes = 2 }, doc.speakers[1])
    assert.same({ name = "Tove Amsel", quotes = 1 }, doc.speakers[2])
    assert.equal(2, #doc.speakers)
  end)
end)

-- A port of ../shared/tools/score_quotes.py: overlap matching of predicted quotes to gold
-- units (parts exploded), speaker accuracy by last word. Returns P, R, F1, speaker accuracy.
local function score(gold_docs, pred_of, types)
  local QM = "[\"\u{201C}\u{201D}\u{2018}\u{2019}'\u{00AB}\u{00BB}\u{201E}\u{201F}`]"
  local function norm(s)
    s = dp.text.normalize_space(s or "")
    local prev
    repeat
      prev = s
      s = dp.re.gsub(s, "^(" .. QM .. "|\\s)+|(" .. QM .. "|\\s)+$", "")
      s = dp.re.gsub(s, "[,.;:]+$", "")
    until s == prev
    s = dp.re.gsub(s, "^that\\s+", "", nil, "i")
    return s:lower()
  end
  local function toks(s)
    local set, n = {}, 0
    for w in dp.re.gmatch(norm(s), "\\w+") do if not set[w] then set[w] = true; n = n + 1 end end
    return set, n
  end
  local function jacc(a, b)
    local ta, na = toks(a)
    local tb, nb = toks(b)
    if na == 0 or nb == 0 then return 0 end
    local inter = 0
    for w in pairs(ta) do if tb[w] then inter = inter + 1 end end
    return inter / (na + nb - inter)
  end
  local function last_word(s)
    local last
    for w in dp.re.gmatch(s or "", "[^\\W\\d_]+(?:-[^\\W\\d_]+)*") do last = w end
    return last and last:lower()
  end
  local function speaker_ok(pred, names)
    local lw = last_word(pred)
    if not lw then return false end
    for _, n in pairs(names) do
      if type(n) == "string" and n ~= "" then
        if lw == last_word(n) then return true end
        local head = n:match("^[^,]*")
        for w in dp.re.gmatch(head, "[^\\W\\d_]+(?:-[^\\W\\d_]+)*") do
          if w:lower() == lw then return true end
        end
      end
    end
    return false
  end
  local n_gold, n_pred, matched, spk_ok = 0, 0, 0, 0
  for _, g in ipairs(gold_docs) do
    local units = {}
    for _, q in ipairs(g.quotes) do
      if types[q.type] then
        local names = { q.speaker, q.speaker_resolved, q.speaker_mention }
        local parts = (type(q.parts) == "table" and #q.parts > 0) and q.parts or { { text = q.quote } }
        for _, p in ipairs(parts) do units[#units + 1] = { text = p.text, names = names } end
      end
    end
    local preds = pred_of(g)
    n_gold, n_pred = n_gold + #units, n_pred + #preds
    for _, p in ipairs(preds) do
      local hit
      for _, u in ipairs(units) do
        if not u.used and norm(u.text) == norm(p.text) then hit = { u }; break end
      end
      if not hit then
        local best, bu = 0, nil
        for _, u in ipairs(units) do
          if not u.used then
            local j = jacc(u.text, p.text)
            if j > best then best, bu = j, u end
          end
        end
        if best >= 0.5 then
          hit = { bu }
        else
          local cov = {}
          for _, u in ipairs(units) do
            local nu = norm(u.text)
            if not u.used and nu ~= "" and norm(p.text):find(nu, 1, true) then cov[#cov + 1] = u end
          end
          if #cov > 1 then hit = cov end
        end
      end
      for _, u in ipairs(hit or {}) do
        u.used = true
        matched = matched + 1
        if speaker_ok(p.speaker, u.names) then spk_ok = spk_ok + 1 end
      end
    end
  end
  local P = n_pred > 0 and matched / n_pred or 0
  local R = n_gold > 0 and matched / n_gold or 0
  local F = (P + R) > 0 and 2 * P * R / (P + R) or 0
  return P, R, F, matched > 0 and spk_ok / matched or 0
end

local function read_jsonl(path)
  local out = {}
  for line in io.lines(path) do
    if line:find("%S") then out[#out + 1] = assert(dp.json.decode(line)) end
  end
  return out
end

local function predictions(kinds)
  local o = {}
  for k, spec in pairs(quotes.options) do o[k] = spec.default end
  local ctx = { opts = o, state = {}, stage = "quotes", warn = function() end }
  quotes.init(o, ctx)
  return function(g)
    local doc = quotes.process({ id = g.doc_id, text = g.text, meta = {}, errors = {} }, ctx)
    local out = {}
    for _, q in ipairs(doc.quotes) do
      local kind = q.type == "direct" and "direct" or (q.mixed and "mixed" or "indirect")
      if kinds[kind] then out[#out + 1] = q end
    end
    return out
  end
end

describe("quotes stage: constructions found on real news pages", function()
  it("attributes a quote after coordinated predicates to the clause's subject ('looked out and said, ...')", function()
    local qs = run({ "Union organiser Henrik Aasgaard climbed onto a bollard, looked out at the crowd and said, \"We did not want this.\"" })
    local q = find(qs, "We did not want this")
    assert.equal("direct", q.type)
    assert.equal("Henrik Aasgaard", q.speaker)
    assert.equal("said", q.cue)
  end)

  it("attributes a quote followed by a pronoun and any verb closing the clause ('she began,', 'Smith let drop.')", function()
    local qs = run({ "Ilona Varga-Reyes retired on Friday. \"After nine years,\" she began, \"I am going home.\" \"It was time, and I can't see how it could go on,\" Varga-Reyes let drop." })
    local a, b, c = find(qs, "After nine years"), find(qs, "I am going home"), find(qs, "It was time")
    assert.equal("Ilona Varga-Reyes", a.speaker)
    assert.equal("began", a.cue)
    assert.equal("Ilona Varga-Reyes", b.speaker)
    assert.equal("Ilona Varga-Reyes", c.speaker)
    assert.equal("let drop", c.cue)
  end)

  it("gives the bare answer after a question to the person asked, not to the one asking", function()
    local qs = run({ "Chief Tomas Brandvik told the court he had seen the officer at nine. \"Did you see him alive again?\" prosecutor Alma Reyes-Holt asked. \"I did not.\"" })
    assert.equal("Alma Reyes-Holt", find(qs, "Did you see him").speaker)
    assert.equal("Tomas Brandvik", find(qs, "I did not").speaker)
  end)

  it("alternates speakers over adjacent quotes of an exchange ('\"Where?\" \"All over the car.\"')", function()
    local qs = run({ "\"Was there blood?\" prosecutor Alma Reyes-Holt asked. \"Yes, sir,\" Sgt. Piet Vandermolen responded. \"Where?\" \"All over the car.\"" })
    assert.equal("Alma Reyes-Holt", find(qs, "Where?").speaker)
    assert.equal("Piet Vandermolen", find(qs, "All over the car").speaker)
  end)

  it("gives a bare question in a paragraph of its own to the questioner of the exchange", function()
    local qs = run({ "\"Will you resign?\" one reporter asked.", "\"No,\" Oona Beckwith said.",
      "\"When did you first see the warning?\"", "\"Last spring.\"" })
    assert.equal("one reporter", find(qs, "When did you first").speaker)
    assert.equal("Oona Beckwith", find(qs, "Last spring").speaker)
  end)

  it("does not take 'Read more:' before a quoted title as a speaker", function()
    local qs = run({ "The series has a new title. Read more: \"Walking Wounded\" from comics to the screen." })
    assert.is_nil(find(qs, "Walking Wounded"))
  end)

  it("does not take a quoted addressee of 'tell' as speech ('sources tell \"The Harbour Post\" that')", function()
    local qs = run({ "While the network has been quiet, sources tell \"The Harbour Post\" that the drama is set in Kestrel Bay." })
    for _, q in ipairs(of_type(qs, "direct")) do assert.are_not.equal("The Harbour Post", q.text) end
  end)

  it("skips a medium between the speaker and the cue ('NAME on Facebook said, ...')", function()
    local qs = run({ "The Varne Clinic page has been flooded with comments. Matteo Rinaldi-Ward on Facebook said, \"The manager should resign.\"" })
    assert.equal("Matteo Rinaldi-Ward", find(qs, "manager should resign").speaker)
  end)

  it("lets 'he' refer to a person described by two coordinated roles ('Former player and official NAME concurred')", function()
    local qs = run({ "\"The game has grown,\" said coach Christian Gourdon. Former player and ex-Varne official Jean-Michel Moutard concurred. \"I am surprised by the quality,\" he said." })
    assert.equal("Jean-Michel Moutard", find(qs, "surprised by the quality").speaker)
  end)

  it("gives 'their statement' to the organisation that is the subject just before", function()
    local qs = run({ "Tom Aske told the Kestrel Gazette that he was angry. The Veterans League also expressed their discontent. \"Veterans should not be mocked,\" their statement read." })
    assert.equal("Veterans League", find(qs, "should not be mocked").speaker)
  end)

  it("gives the quote after 'NAME's call over the radio:' to NAME", function()
    local qs = run({ "Sgt. Clara Henning went back to the car. Jurors heard Henning's frantic call over the police radio: \"Officer down! Get me help!\"" })
    assert.equal("Clara Henning", find(qs, "Officer down").speaker)
  end)

  it("opens a new quote at an opening-shaped mark after a full stop and joins the two ('people. \"Apart')", function()
    local qs = run({ "\"We look at what they're like as people. \"Apart from that, we want people who work well in a team,\" Simon Mitchell said." })
    local a, b = find(qs, "what they're like as people"), find(qs, "Apart from that")
    assert.equal("We look at what they're like as people.", a.text)
    assert.equal("Apart from that, we want people who work well in a team,", b.text)
    assert.equal("Simon Mitchell", a.speaker)
    assert.equal("Simon Mitchell", b.speaker)
    assert.equal(a.group, b.group)
  end)

  it("does not open a single-quoted span at a single mark followed by a stray double one ('Arrow\" and')", function()
    local qs = run({ "She worked on 'Arrow\" and \"The Lantern.\" \"In designing the suit, I wanted to embrace the past,\" said Colleen Atwater." })
    local q = find(qs, "In designing the suit")
    assert.equal("In designing the suit, I wanted to embrace the past,", q.text)
    assert.equal("Colleen Atwater", q.speaker)
  end)

  it("leaves a lower-case quote completing a sentence begun before it to reported speech as mixed", function()
    local qs = run({ "The email, sent by Robin Pauls, \"in no way reflects the attitudes of our staff,\" director Tom Mattis said in a statement." })
    assert.equal(0, #of_type(qs, "direct"))
    local q = find(qs, "in no way reflects")
    assert.equal("indirect", q.type)
    assert.is_true(q.mixed)
    assert.equal("Tom Mattis", q.speaker)
  end)

  it("keeps a quote inside a reason clause after the cue as reported content ('he said he wrote because, \"...\"')", function()
    local qs = run({ "The letter, which he said he wrote in part because, \"so many people struggle to strike the right balance,\" has been praised." })
    assert.equal(0, #of_type(qs, "direct"))
  end)

  it("continues the speaker of reported speech that comes between a quote and its continuation", function()
    local qs = run({ "\"The game has grown,\" said Christian Gourdon. Jean Moutard agreed. Over the past decade \"girls have raised the level,\" he said. \"I am surprised by the quality.\"" })
    assert.equal("Jean Moutard", find(qs, "surprised by the quality").speaker)
  end)

  it("resolves a pronoun to the person an appositive names ('The patient, a carpenter named NAME,')", function()
    local qs = run({ "The patient, a 34-year-old carpenter named Goran Velasko, lost his hand in 2023. \"I want to hold my daughter's hand again,\" he told doctors." })
    assert.equal("Goran Velasko", find(qs, "hold my daughter").speaker)
  end)

  it("reads 'the two men' as one speaker phrase", function()
    local qs = run({ "\"We will be back at sea next month,\" the two men added." })
    local q = find(qs, "back at sea")
    assert.equal("the two men", q.speaker)
    assert.equal("added", q.cue)
  end)

  it("makes the name in an appositive after a possessive description the subject ('Kealy's lawyer, NAME,')", function()
    local qs = run({ "Judge Harriet Stone spoke first. Kealy's lawyer, Simone Achterberg, had asked for a shorter sentence. \"He is ashamed of what he did,\" she told the court." })
    assert.equal("Simone Achterberg", find(qs, "ashamed of what he did").speaker)
  end)

  it("gives a quote after 'According to NAME, who ..., ' to NAME as a direct quote", function()
    local qs = run({ "According to Lt. Col. Ravi Okonkwo-Marsh, who coordinates the army's support, \"Our field clinics can be running within 48 hours.\"" })
    local q = find(qs, "Our field clinics")
    assert.equal("direct", q.type)
    assert.equal("Ravi Okonkwo-Marsh", q.speaker)
    assert.equal("According to", q.cue)
  end)

  it("resolves 'it' to an organisation described but not named ('The regional health board urged ...')", function()
    local qs = run({ "Flu cases have doubled, said Dr. Amara Kessel, an epidemiologist at the University of Brenn. The regional health board urged people over 65 to get vaccinated. \"It is not too late,\" it said." })
    assert.equal("The regional health board", find(qs, "It is not too late").speaker)
  end)

  it("reads military ranks as titles ('Maj. NAME', 'Chief Warrant Officer 5 NAME')", function()
    local qs = run({ "\"He was a force of nature,\" said Maj. Andre Jeansonne of the 135th Aviation Regiment. \"Marines never leave anybody behind,\" Marine Maj. Gen. Joseph Osterfeld said. \"He was born to fly,\" said Chief Warrant Officer 5 Reggie Lanier on the Guard's website." })
    assert.equal("Andre Jeansonne", find(qs, "force of nature").speaker)
    assert.equal("Joseph Osterfeld", find(qs, "never leave anybody").speaker)
    assert.equal("Reggie Lanier", find(qs, "born to fly").speaker)
  end)

  it("learns a person's gender from an appositive 'a ... man' and resolves 'he' to them", function()
    local qs = run({ "The onlookers did nothing, says Nour, a gay Syrian man. Article 520 of the Syrian Penal Code states: \"Any unnatural intercourse shall be punished.\" \"Whenever we hear this, we know it is meant for us,\" he says." })
    assert.equal("Nour", find(qs, "Whenever we hear this").speaker)
  end)

  it("does not link a lone given name to a longer name that only comes later", function()
    local qs = run({ "Huskins' father, Michael, made an appeal to the kidnappers: \"Don't hurt her.\" \"It's like a nightmare,\" her father told the affiliate. Reporting by Michael Martens." })
    assert.equal("Michael", find(qs, "Don't hurt her").speaker)
    assert.equal("Michael", find(qs, "like a nightmare").speaker)
  end)

  it("does not report the text of a sign as a quote", function()
    local qs = run({ "The shop closes on Saturday. A sign in the window reads 'Closing down - thank you for 112 years'." })
    assert.is_nil(find(qs, "Closing down"))
  end)
end)

describe("quotes stage: coreference of speakers", function()
  it("gives a quote of 'the voice says' to the person who spoke last on the recording", function()
    local qs = run({ "On the tape, a man who identified himself as Oskar Lindahl-Peres says he is safe. \"Tell my sister I am fine,\" the voice says." })
    assert.equal("Oskar Lindahl-Peres", find(qs, "Tell my sister").speaker)
  end)

  it("does not take a description named by an appositive after a prepositional phrase for a new person", function()
    local qs = run({
      "Ilse Moreno-Vos vanished on Monday. Moreno-Vos' father, Anton, made an appeal on the radio.",
      "The editor of the Harwick Gazette, Petra Lindqvist, said the paper had received a letter. The Gazette reported that Moreno-Vos' father said he had received a call from his daughter. He called the police at once, he told the newspaper. \"I just want my daughter home,\" he said.",
    })
    assert.equal("Anton", find(qs, "my daughter home").speaker)
  end)

  it("gives 'the witness replied' after a question to the person testifying", function()
    local qs = run({
      "Night watchman Rurik Salvesen, 61, told the jury he saw a man at the gate. \"He wore a grey coat,\" Salvesen said.",
      "Prosecutor Odile Marchetti-Kane asked: \"Was he alone?\"",
      "\"Yes, madam,\" the witness replied.",
      "\"Where did he go?\"",
      "\"Towards the river.\"",
    })
    assert.equal("Rurik Salvesen", find(qs, "Yes, madam").speaker)
    assert.equal("Odile Marchetti-Kane", find(qs, "Where did he go").speaker)
    assert.equal("Rurik Salvesen", find(qs, "Towards the river").speaker)
  end)

  it("gives a yes or no answer after an asked question to the other party, with no 'you' in it", function()
    local qs = run({ "Prosecutor Anton Akintola-Berg handed the witness, Marisol Quayle, a pair of boots. \"Are these the boots?\" she asked, turning them over. \"Yes.\"" })
    assert.equal("Marisol Quayle", find(qs, "Are these the boots").speaker)
    assert.equal("Anton Akintola-Berg", find(qs, "Yes.").speaker)
  end)

  it("links 'his grandmother' to the woman whose grandson he was named as", function()
    local qs = run({
      "Wilhelmina Strand-Okoro, 88, still bakes every morning in Pellbury.",
      "Her grandson Matteo wants to sell the shop. His grandmother is not convinced. \"Bread is not a business, it is a habit,\" she says.",
    })
    assert.equal("Wilhelmina Strand-Okoro", find(qs, "Bread is not").speaker)
  end)

  it("resolves 'the 64-year-old' to the person in focus, not a publication after 'the' or a town before a country", function()
    local qs = run({
      "The painter Ansel Korhonen-Diaz still works every day. His portraits made the cover of the Lakeland Review in 1990.",
      "\"I paint faces because they change,\" he says. A retrospective opens next month in Dornwick, Scotland.",
      "\"It is strange to see it all at once,\" the 64-year-old says.",
    })
    assert.equal("Ansel Korhonen-Diaz", find(qs, "strange to see").speaker)
  end)

  it("takes the name of 'One resident, identified as NAME, wrote' as the speaker", function()
    local qs = run({ "One resident, identified as Rosa Delacroix-Imbert, wrote: \"The park is all we have.\" Another reader, posting as Ned Vass, said, \"Leave the park alone.\"" })
    assert.equal("Rosa Delacroix-Imbert", find(qs, "The park is all").speaker)
    assert.equal("Ned Vass", find(qs, "Leave the park").speaker)
  end)

  it("gives 'NAME of the ORGANISATION says' to the person", function()
    local qs = run({ "Winger Dario Castellane of the Harbour City Gulls says, \"We play for the fans.\"" })
    assert.equal("Dario Castellane", find(qs, "We play for").speaker)
  end)

  it("does not give a role to a name that a cue follows ('his ailing mother, NAME said')", function()
    local qs = run({
      "Tobias Ekwueme-Lind denied the charges. The trip was a visit to his ailing mother, Ekwueme-Lind said.",
      "Prosecutor Ruth Abernathy-Sol said the trip was a cover. \"We know the answer,\" he said.",
    })
    assert.equal("Tobias Ekwueme-Lind", find(qs, "We know the answer").speaker)
  end)

  it("does not count an object pronoun as a vote for its clause's subject's gender", function()
    local qs = run({
      "Nurse Beatrix Olawale-Fern, 56, has won an award. Her manager, Ciaran Hollister, nominated her for the prize. \"She never asks for anything,\" he said.",
    })
    assert.equal("Ciaran Hollister", find(qs, "never asks").speaker)
  end)

  it("resolves 'the grandmother of five' like an age", function()
    local qs = run({ "Gudrun Achebe-Marsh will spend the prize on a piano. \"The old one is missing three keys,\" the grandmother of five said." })
    assert.equal("Gudrun Achebe-Marsh", find(qs, "missing three keys").speaker)
  end)

  it("gives a quote after 'He laughs.' to the person the pronoun refers to", function()
    local qs = run({ "Sculptor Emil Varga-Holt has worked in the same shed for fifty years. Will he retire? He laughs. \"Not while my hands work.\"" })
    assert.equal("Emil Varga-Holt", find(qs, "Not while my hands").speaker)
  end)

  it("reads 'answered' as a cue after a role noun", function()
    local qs = run({ "The mayor of Tarnholt, Judit Sandoval-Ek, faced residents on Monday.", "\"Where will the buses go?\" one man shouted.", "\"To the new depot,\" the mayor answered." })
    assert.equal("Judit Sandoval-Ek", find(qs, "To the new depot").speaker)
  end)

  it("resolves 'the agency said' to the organisation described before it", function()
    local qs = run({ "Three sailors were rescued off Merrow Head. The coastguard said the wind had turned. \"The sea rose in minutes,\" the agency said in a statement." })
    assert.equal("The coastguard", find(qs, "The sea rose").speaker)
  end)

  it("reads 'the family said' as a speaker, not an adverb", function()
    local qs = run({ "Firefighter Lorcan Abiodun died on Sunday. \"He lived to help others,\" the family said." })
    assert.equal("the family", find(qs, "He lived to help").speaker)
  end)

  it("gives 'the statement added' to whoever said it in a statement, and 'a statement on X's page' to X", function()
    local qs = run({
      "\"Our son was a kind man,\" Abiodun's family said in a statement. \"We are so proud of him,\" the statement added.",
      "\"We mourn a brother,\" said a statement on the Kelby Firefighters Union's website.",
    })
    assert.equal("Abiodun's family", find(qs, "We are so proud").speaker)
    assert.equal("Kelby Firefighters Union", find(qs, "We mourn a brother").speaker)
  end)
end)

describe("quotes stage: cues found on a second batch of real news pages", function()
  it("gives 'AGENCY quoted NAME as saying' to the person quoted", function()
    local qs = run({ "\"We will rebuild the bridge by spring,\" the Varna Courier quoted Mayor Ines Halvorsen-Abara as saying." })
    assert.equal("Ines Halvorsen-Abara", find(qs, "rebuild the bridge").speaker)
  end)

  it("reads 'is alleged to have told' as the cue 'told' after the speaker", function()
    local qs = run({ "\"I am ready to travel,\" Corwin Adeyemi-Stroud is alleged to have told the undercover officer in March. \"Nobody will stop me.\"" })
    assert.equal("Corwin Adeyemi-Stroud", find(qs, "ready to travel").speaker)
    assert.equal("Corwin Adeyemi-Stroud", find(qs, "Nobody will stop").speaker)
  end)
end)

describe("quotes stage: invented passages of tests/fixtures/quotes", function()
  local docs = {}
  for _, name in ipairs({ "passages_a", "passages_b", "passages_c", "passages_d", "passages_e",
      "passages_f", "passages_g", "passages_h", "passages_i", "passages_j" }) do
    for _, d in ipairs(read_jsonl("tests/fixtures/quotes/" .. name .. ".jsonl")) do docs[#docs + 1] = d end
  end

  it("finds their direct quotes with F1 of 0.95 or more and the right speaker for 0.95 or more", function()
    local _, _, f, spk = score(docs, predictions({ direct = true }), { direct = true })
    assert.is_true(f >= 0.95, ("direct F1 %.3f"):format(f))
    assert.is_true(spk >= 0.95, ("speaker accuracy %.3f"):format(spk))
  end)

  it("finds all their quotes and attributions with F1 of 0.9 or more", function()
    local all = { direct = true, mixed = true, indirect = true }
    local _, _, f = score(docs, predictions(all), all)
    assert.is_true(f >= 0.9, ("F1 %.3f"):format(f))
  end)

  it("extracts none of their negatives (titles, nicknames, labels, words as words)", function()
    local pred = predictions({ direct = true, mixed = true, indirect = true })
    for _, g in ipairs(docs) do
      local texts = {}
      for _, q in ipairs(pred(g)) do texts[q.text] = true end
      for _, n in ipairs(g.negatives or {}) do
        assert.is_nil(texts[n.text], g.doc_id .. ": " .. n.text)
      end
    end
  end)
end)

describe("quotes stage: the PolNeAR sample (../shared/data/quotes)", function()
  local docs = read_jsonl("../shared/data/quotes/polnear_dev_sample.jsonl")

  it("finds direct and mixed quotes with span F1 of 0.90 or more and speaker accuracy of 0.85 or more", function()
    local dm = { direct = true, mixed = true }
    local _, _, f, spk = score(docs, predictions(dm), dm)
    assert.is_true(f >= 0.90, ("direct+mixed F1 %.3f"):format(f))
    assert.is_true(spk >= 0.85, ("speaker accuracy %.3f"):format(spk))
  end)

  it("finds indirect attributions with recall of 0.6 or more", function()
    local _, r = score(docs, predictions({ indirect = true }), { indirect = true })
    assert.is_true(r >= 0.6, ("indirect recall %.3f"):format(r))
  end)
end)

describe("quotes stage: the attributions option", function()
  it("leaves out attributions that are not speech when attributions is false", function()
    local p = { "The study found that voters had been removed at twice the rate. Councillor Ada Pellworm said the council would appeal." }
    assert.truthy(find(run(p), "voters had been removed"))
    local qs = run(p, { attributions = false })
    assert.is_nil(find(qs, "voters had been removed"))
    assert.equal("Ada Pellworm", find(qs, "would appeal").speaker)
  end)
end)

describe("quotes stage: cues as written", function()
  it("gives 'told reporters' and 'added' as cues, with the addressee outside the speaker", function()
    local qs = run({ "Fire chief Ilse Marani told reporters that the blaze was under control. \u{201C}We were lucky with the wind,\u{201D} she added." })
    local a, b = find(qs, "blaze was under control"), find(qs, "lucky with the wind")
    assert.equal("the blaze was under control", a.text)
    assert.equal("told reporters", a.cue)
    assert.equal("Ilse Marani", a.speaker)
    assert.equal("We were lucky with the wind,", b.text)
    assert.equal("added", b.cue)
    assert.equal("Ilse Marani", b.speaker)
  end)

  it("resolves a role noun to the person given that role in an appositive ('Park In-ho, the president of ...')", function()
    local qs = run({ "Park In-ho, the president of Daily NK, spoke in Seoul. Prisoners are often released in spring, the president said." })
    local q = find(qs, "Prisoners are often released")
    assert.equal("Prisoners are often released in spring", q.text)
    assert.equal("Park In-ho", q.speaker)
    assert.equal("the president", q.speaker_mention)
    assert.equal("said", q.cue)
  end)
end)

describe("quotes stage: passive cues, clauses and long subjects", function()
  it("takes a passive cue phrase ('is quoted as saying', 'was heard saying') from cue_passive.txt, the subject before it speaking", function()
    local qs = run({ "The ferry sailed late. \u{201C}The engines were never serviced,\u{201D} a deckhand on one of the boats is quoted as saying.",
      "Councillor Odile Varga was quoted as saying \u{201C}the fund will be wound up by June.\u{201D}",
      "\u{201C}Get everyone out now,\u{201D} a guard at the gate was heard saying." })
    local a, b, c = find(qs, "never serviced"), find(qs, "wound up by June"), find(qs, "Get everyone out")
    assert.equal("direct", a.type)
    assert.equal("a deckhand on one of the boats", a.speaker)
    assert.equal("is quoted as saying", a.cue)
    assert.equal("direct", b.type)
    assert.equal("Odile Varga", b.speaker)
    assert.equal("was quoted as saying", b.cue)
    assert.equal("a guard at the gate", c.speaker)
    assert.equal("was heard saying", c.cue)
  end)

  it("attributes a direct quote across a participle or relative clause before the cue ('having ..., she said')", function()
    local qs = run({ "Rita Osei ran the clinic for years. \u{201C}The town owes her a great deal,\u{201D} having worked beside her since 1998, she said.",
      "\u{201C}We will not close the library,\u{201D} who has led the council since May, Tomas Brecker told reporters." })
    local a, b = find(qs, "owes her a great deal"), find(qs, "not close the library")
    assert.equal("direct", a.type)
    assert.equal("The town owes her a great deal,", a.text)
    assert.equal("Rita Osei", a.speaker)
    assert.equal("direct", b.type)
    assert.equal("Tomas Brecker", b.speaker)
    assert.equal("told reporters", b.cue)
  end)

  it("gives a quote after a coordinated subject to the appositive name, or to the coordinated description", function()
    local qs = run({ "\u{201C}She loved the sea more than anything,\u{201D} her aunt and uncle, Mirela Dobos, wrote Saturday.",
      "\u{201C}He always came home for Sunday lunch,\u{201D} his sister and brother said in a statement." })
    local a, b = find(qs, "loved the sea"), find(qs, "Sunday lunch")
    assert.equal("direct", a.type)
    assert.equal("Mirela Dobos", a.speaker)
    assert.equal("wrote", a.cue)
    assert.equal("direct", b.type)
    assert.equal("his sister and brother", b.speaker)
  end)

  it("gives a document sent 'to RECIPIENT from AUTHOR' to its author before a colon cue", function()
    local qs = run({ "A letter to pupils from the headteacher of Fernhill College, which the twins attend, read in part: \u{201C}We are all thinking of the family.\u{201D}",
      "A notice from the warden to tenants read: \u{201C}The lifts will be out of service.\u{201D}" })
    local q = find(qs, "thinking of the family")
    assert.equal("direct", q.type)
    assert.equal("the headteacher of Fernhill College", q.speaker)
    assert.equal("read", q.cue)
    assert.equal("the warden", find(qs, "lifts will be out").speaker)
  end)
end)
