-- Specs of the sentences stage (scripts/stages/sentences.lua).
-- Inputs are invented newswire sentences (fictional people, places and companies), except
-- the two specs that read the shared test data from ../shared/data (the seed page's gold
-- sentences and the English Golden Rules of the Pragmatic Segmenter), and the ones that
-- read the project's own invented example pages (examples/gold) and test sets
-- (tests/fixtures/sbd).
-- Offsets are byte offsets, 1-based inclusive, into the input text.

local dp = require "docpipe"
local sentences = require "docpipe.stages.sentences"

local function texts(text, opts)
  local out = {}
  for i, s in ipairs(sentences.split(text, opts)) do out[i] = s.text end
  return out
end

local function read_json(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return assert(dp.json.decode(s))
end

local function run_stage(doc, opts)
  local ctx = { opts = opts or { language = "en", abbreviations = {}, join_lines = true },
                state = {}, stage = "sentences", warn = function() end }
  sentences.init(ctx.opts, ctx)
  return sentences.process(doc, ctx)
end

describe("sentences stage", function()

  describe("spans", function()
    it("gives trimmed texts whose start/end point at them in the input", function()
      local text = "  The ferry sank near Kessel Point. All 40 passengers were rescued.  "
      local got = sentences.split(text)
      assert.are.equal(2, #got)
      assert.are.same({ text = "The ferry sank near Kessel Point.", start = 3, ["end"] = 35 }, got[1])
      assert.are.same({ text = "All 40 passengers were rescued.", start = 37, ["end"] = 67 }, got[2])
      for _, s in ipairs(got) do assert.are.equal(s.text, text:sub(s.start, s["end"])) end
    end)

    it("counts multi-byte characters as bytes in offsets", function()
      local text = "Mayor Zoë Ärnfeldt résigned. Her deputy took over."
      local got = sentences.split(text)
      assert.are.equal(2, #got)
      assert.are.equal("Her deputy took over.", text:sub(got[2].start, got[2]["end"]))
      assert.are.equal(#"Mayor Zoë Ärnfeldt résigned.", got[1]["end"])
    end)

    it("writes a line break inside a sentence as one space in text but keeps the span", function()
      local text = "The council met on a cold \nevening in the old hall."
      local got = sentences.split(text)
      assert.are.equal(1, #got)
      assert.are.equal("The council met on a cold evening in the old hall.", got[1].text)
      assert.are.equal(text, text:sub(got[1].start, got[1]["end"]))
    end)

    it("joins a lone CR like a line break, and leaves a text without breaks as its spans", function()
      local text = "It was a cold\rnight in Oxvale. Crews worked on."
      local got = sentences.split(text)
      assert.are.equal("It was a cold night in Oxvale.", got[1].text)
      assert.are.equal(30, got[1]["end"])
      got = sentences.split("No breaks here. None at all.")
      assert.are.same({ "No breaks here.", "None at all." }, { got[1].text, got[2].text })
      assert.are.same({ 1, 15, 17, 28 }, { got[1].start, got[1]["end"], got[2].start, got[2]["end"] })
    end)

    it("splits many texts with one detector as it splits each alone", function()
      -- the detector keeps its scratch memory from text to text (lists leave marks there)
      local det = require("docpipe").sbd.new({ abbreviations = { "Mr" } })
      local a = "Bring:\n1. Tents\n2. Maps"
      local b = "Bring these. 1) a tent 2) a map 3) a lamp."
      local first = det:split(a)
      for _ = 1, 50 do det:split(b); det:split(a) end
      local again = det:split(a)
      assert.are.equal(#first, #again)
      for i = 1, #first do assert.are.same(first[i], again[i]) end
      assert.are.same({ "Bring:", "1. Tents", "2. Maps" }, { again[1].text, again[2].text, again[3].text })
    end)

    it("keeps the line break in text with join_lines = false", function()
      local text = "The council met on a cold \nevening in the old hall."
      local got = sentences.split(text, { join_lines = false })
      assert.are.equal(text, got[1].text)
    end)

    it("returns no sentences for empty or blank text", function()
      assert.are.same({}, sentences.split(""))
      assert.are.same({}, sentences.split(" \n\n \t "))
    end)
  end)

  describe("paragraphs", function()
    it("never joins sentences across a blank line, even without a final stop", function()
      assert.are.same({ "Road closures in Tarnwick", "The main bridge stays shut until Friday." },
        texts("Road closures in Tarnwick\n\nThe main bridge stays shut until Friday."))
    end)

    it("never lets a sentence run over a paragraph break after an abbreviation", function()
      assert.are.same({ "The contract went to Velden & Co.", "officials said later that week." },
        texts("The contract went to Velden & Co.\n\n  officials said later that week."))
    end)

    it("treats a line of spaces as a blank line and handles CRLF", function()
      local got = sentences.split("First note here.\r\n  \r\nSecond note here.")
      assert.are.equal(2, #got)
      assert.are.equal("Second note here.", got[2].text)
      assert.are.equal(23, got[2].start)
    end)
  end)

  describe("stops", function()
    it("splits on periods, question marks and exclamation marks", function()
      assert.are.same({ "Who called the meeting?", "Nobody knows!", "The room stayed empty." },
        texts("Who called the meeting? Nobody knows! The room stayed empty."))
    end)

    it("keeps doubled and mixed marks together", function()
      assert.are.same({ "Really?!", "The fare doubled!!", "Riders were furious." },
        texts("Really?! The fare doubled!! Riders were furious."))
    end)

    it("splits sentences run together without a space", function()
      assert.are.same({ "The dam held.", "Water levels fell overnight." },
        texts("The dam held.Water levels fell overnight."))
    end)

    it("handles full-width stops", function()
      assert.are.same({ "The market opened．", "Prices rose．" }, texts("The market opened．Prices rose．"))
    end)
  end)

  describe("abbreviations", function()
    it("keeps titles with the name that follows", function()
      assert.are.same({ "Gov. Lena Marsh met Sen. Tomas Reyes and Dr. Ida Vahl on Tuesday.", "They spoke for an hour." },
        texts("Gov. Lena Marsh met Sen. Tomas Reyes and Dr. Ida Vahl on Tuesday. They spoke for an hour."))
    end)

    it("keeps months, states and company suffixes inside a sentence", function()
      assert.are.same({ "Orvane Inc. moved to Salem, Ore., on Jan. 5 and hired 30 people." },
        texts("Orvane Inc. moved to Salem, Ore., on Jan. 5 and hired 30 people."))
    end)

    it("ends a sentence at an abbreviation followed by a common sentence starter", function()
      assert.are.same({ "The plant opened in Portland, Ore.", "The mayor attended." },
        texts("The plant opened in Portland, Ore. The mayor attended."))
      assert.are.same({ "We packed tents, stoves, ropes etc.", "The rest stayed home." },
        texts("We packed tents, stoves, ropes etc. The rest stayed home."))
    end)

    it("does not end a sentence at an abbreviation before a capitalised non-starter", function()
      assert.are.same({ "Trucks of the U.S. Army Corps arrived." },
        texts("Trucks of the U.S. Army Corps arrived."))
    end)

    it("keeps a company form with a word that continues it (share class, job title)", function()
      assert.are.same({ "Shares of Harlan Mesk Corp. Class B fell." },
        texts("Shares of Harlan Mesk Corp. Class B fell."))
      assert.are.same({ "Orvane Systems Inc. Chief Executive Lia Brandt said demand was strong." },
        texts("Orvane Systems Inc. Chief Executive Lia Brandt said demand was strong."))
    end)

    it("ends a sentence at a company form, suffix, street or state before any capitalised word", function()
      assert.are.same({ "The contract went to Tarrant Mills Corp.", "Shares rose 6 percent." },
        texts("The contract went to Tarrant Mills Corp. Shares rose 6 percent."))
      assert.are.same({ "The school is named after Elmer Pike Sr.", "Students chose the name." },
        texts("The school is named after Elmer Pike Sr. Students chose the name."))
      assert.are.same({ "The fire started on Orchard St.", "Firefighters came quickly." },
        texts("The fire started on Orchard St. Firefighters came quickly."))
      assert.are.same({ "The festival returns to Brandt, Mich.", "Organizers expect 20,000 visitors." },
        texts("The festival returns to Brandt, Mich. Organizers expect 20,000 visitors."))
      assert.are.same({ "The store sells pens, paper, folders, etc.", "Prices start at $1." },
        texts("The store sells pens, paper, folders, etc. Prices start at $1."))
    end)

    it("reads St. as Saint after a lowercase word, a sentence starter or at the start", function()
      assert.are.same({ "The St. Louis team won in St. Louis.", "Visiting St. Louis was fun." },
        texts("The St. Louis team won in St. Louis. Visiting St. Louis was fun."))
    end)

    it("keeps a German legal form after & Co.", function()
      assert.are.same({ "The Halder GmbH & Co. KG is a partnership." },
        texts("The Halder GmbH & Co. KG is a partnership."))
    end)

    it("handles U.S. inside and at the end of a sentence", function()
      assert.are.same({ "The firm moved to the U.S. in 2001.", "It opened in the U.S.", "The U.S. Navy helped." },
        texts("The firm moved to the U.S. in 2001. It opened in the U.S. The U.S. Navy helped."))
    end)

    it("keeps e.g., i.e., St. and No. inside a sentence", function()
      assert.are.same({ "Bring food, e.g. bread, and water, i.e. two liters, to St. Agnes Hall, room No. 4." },
        texts("Bring food, e.g. bread, and water, i.e. two liters, to St. Agnes Hall, room No. 4."))
    end)

    it("treats No. as a word when no number follows", function()
      assert.are.same({ "She said no.", "The vote failed." }, texts("She said no. The vote failed."))
    end)

    it("accepts extra abbreviations through the option", function()
      local text = "The lot is in Kessel Twp. Grange Road runs past it."
      assert.are.same({ "The lot is in Kessel Twp.", "Grange Road runs past it." }, texts(text))
      assert.are.same({ text }, texts(text, { abbreviations = { "Twp" } }))
    end)

    it("fails clearly for a language without data files", function()
      assert.has_error(function() sentences.split("Hello there.", { language = "xx" }) end)
    end)
  end)

  describe("initials", function()
    it("keeps first and middle initials with the name", function()
      assert.are.same({ "The study was led by J. R. Tolland and Mira K. Ostrava.", "It took two years." },
        texts("The study was led by J. R. Tolland and Mira K. Ostrava. It took two years."))
    end)

    it("ends a sentence at a single capital that is not an initial", function()
      assert.are.same({ "The jacket comes only in size L.", "Exchanges are free." },
        texts("The jacket comes only in size L. Exchanges are free."))
    end)

    it("ends a sentence at a letter after a capitalised word before a sentence starter", function()
      assert.are.same({ "Residents were told to follow Plan B.", "The shelters opened at 6 p.m." },
        texts("Residents were told to follow Plan B. The shelters opened at 6 p.m."))
    end)

    it("reads P. (a numeric abbreviation) as an initial when no number follows", function()
      assert.are.same({ "Ramon P. Ortiz, 54, was named director." },
        texts("Ramon P. Ortiz, 54, was named director."))
    end)

    it("reads I after a lowercase word as the pronoun", function()
      assert.are.same({ "The winners were Ana and I.", "Did you see Karl I. Brandt there?" },
        texts("The winners were Ana and I. Did you see Karl I. Brandt there?"))
    end)
  end)

  describe("times", function()
    it("ends a sentence at a.m./p.m. before a capitalised word", function()
      assert.are.same({ "The meeting ended at 4 p.m.", "Reporters waited outside." },
        texts("The meeting ended at 4 p.m. Reporters waited outside."))
    end)

    it("keeps a time followed by a lowercase word, a day or a time zone", function()
      assert.are.same({ "Crews met at 9 a.m. Monday and again at 5 p.m. ET on Tuesday." },
        texts("Crews met at 9 a.m. Monday and again at 5 p.m. ET on Tuesday."))
      assert.are.same({ "The bus leaves at 6:45 a.m. on weekdays." }, texts("The bus leaves at 6:45 a.m. on weekdays."))
    end)

    it("keeps a time that closes a short opening phrase", function()
      assert.are.same({ "By 7 a.m. Officer Dale Brenner had closed the road." },
        texts("By 7 a.m. Officer Dale Brenner had closed the road."))
    end)

    it("ends a sentence at a time that closes a short clause", function()
      assert.are.same({ "It was 5 a.m.", "Police had sealed the street." },
        texts("It was 5 a.m. Police had sealed the street."))
    end)
  end)

  describe("numbers", function()
    it("keeps decimals and money inside and splits after them", function()
      assert.are.same({ "Shares rose 3.5% to $12.75.", "Analysts expected $1.2 billion." },
        texts("Shares rose 3.5% to $12.75. Analysts expected $1.2 billion."))
    end)

    it("splits after ordinals and years", function()
      assert.are.same({ "She finished 2nd.", "The race began in 1998.", "It grew every year." },
        texts("She finished 2nd. The race began in 1998. It grew every year."))
    end)

    it("keeps version numbers and dates with dots", function()
      assert.are.same({ "Version 2.4.1 shipped on 11.03.2024 to all users." },
        texts("Version 2.4.1 shipped on 11.03.2024 to all users."))
    end)
  end)

  describe("web addresses", function()
    it("keeps URLs and e-mail addresses and splits after them", function()
      assert.are.same({ "Forms are at https://www.orvane.example.com/forms.html.", "Write to press@orvane.example.org.", "Staff reply daily." },
        texts("Forms are at https://www.orvane.example.com/forms.html. Write to press@orvane.example.org. Staff reply daily."))
    end)
  end)

  describe("ellipses", function()
    it("ends a sentence at an attached ellipsis before a capitalised word", function()
      assert.are.same({ "Prices fell…", "Then they rose again...", "Nobody knew why." },
        texts("Prices fell… Then they rose again... Nobody knew why."))
    end)

    it("keeps an ellipsis before a lowercase word, or a spaced or bracketed one", function()
      assert.are.same({ "The river rose… and rose . . . I watched it [...] all night." },
        texts("The river rose… and rose . . . I watched it [...] all night."))
    end)

    it("ends a sentence at a four-dot spaced ellipsis", function()
      assert.are.same({ "The notes stop here . . . .", "Later pages are lost." },
        texts("The notes stop here . . . . Later pages are lost."))
    end)
  end)

  describe("quotes and brackets", function()
    it("keeps ? and ! inside a quotation followed by the speech verb", function()
      assert.are.same({ "\"Why now?\" she asked.", "\"We waited for years!\" he said.", "The crowd cheered." },
        texts("\"Why now?\" she asked. \"We waited for years!\" he said. The crowd cheered."))
    end)

    it("keeps a capitalised attribution after a quoted question with the quotation", function()
      assert.are.same({ "“You call this a plan?” Ruiz said.", "“I call it a guess.”" },
        texts("“You call this a plan?” Ruiz said. “I call it a guess.”"))
      assert.are.same({ "“Why now?”", "The question hung in the air." },
        texts("“Why now?” The question hung in the air."))
    end)

    it("ends a sentence after nested quotes that close after the stop", function()
      assert.are.same({ "The clerk recalled, “He told us, ‘Go home.’”", "Then the doors were locked." },
        texts("The clerk recalled, “He told us, ‘Go home.’” Then the doors were locked."))
    end)

    it("keeps reference numbers written right after the stop with the sentence", function()
      assert.are.same({ "The gap shows in a consultation.11 12", "Take the common cold." },
        texts("The gap shows in a consultation.11 12 Take the common cold."))
      assert.are.same({ "It is slow thinking (type 2).10", "This model helps." },
        texts("It is slow thinking (type 2).10 This model helps."))
    end)

    it("does not read a sentence starter after a quoted question as an attribution", function()
      assert.are.same({ "She asked, \"Is it safe?\"", "Nobody answered." },
        texts("She asked, \"Is it safe?\" Nobody answered."))
    end)

    it("keeps ? and ! inside an open quotation", function()
      assert.are.same({ "\"Will the bridge be finished? Nobody knows,\" the engineer said." },
        texts("\"Will the bridge be finished? Nobody knows,\" the engineer said."))
    end)

    it("splits a quotation at its periods, as newswire does", function()
      assert.are.same({ "“We are ready.", "The talks start Monday,” Ruiz said." },
        texts("“We are ready. The talks start Monday,” Ruiz said."))
    end)

    it("puts quotes and brackets that close after the stop into the sentence", function()
      assert.are.same({ "It was, she said, “a disaster.”", "The cleanup began.", "(Crews worked all night.)", "Roads reopened." },
        texts("It was, she said, “a disaster.” The cleanup began. (Crews worked all night.) Roads reopened."))
    end)

    it("keeps a stop inside brackets followed by a lowercase word", function()
      assert.are.same({ "The mayor said (in a statement on Monday.) that roads would reopen." },
        texts("The mayor said (in a statement on Monday.) that roads would reopen."))
    end)

    it("keeps names spelled with an exclamation mark inside the sentence", function()
      assert.are.same({ "She joined Yahoo! Research in 2019.", "She left Yahoo!", "The team was sad." },
        texts("She joined Yahoo! Research in 2019. She left Yahoo! The team was sad."))
    end)

    it("keeps reference marks after the stop with the sentence", function()
      assert.are.same({ "The dam was finished in 1962.[4][5]", "It holds 40 million cubic meters." },
        texts("The dam was finished in 1962.[4][5] It holds 40 million cubic meters."))
    end)

    it("keeps an exclamation before a comma or dash", function()
      assert.are.same({ "\"Stop!\", the guard shouted — then he ran." },
        texts("\"Stop!\", the guard shouted — then he ran."))
    end)
  end)

  describe("dashes", function()
    it("keeps em and en dashes inside a sentence", function()
      assert.are.same({ "The council voted 5–2 — a narrow margin — to build it.", "Residents were split." },
        texts("The council voted 5–2 — a narrow margin — to build it. Residents were split."))
    end)

    it("treats a no-break space after a stop as white space and trims it", function()
      local text = "The vote passed.\u{A0}Critics said it was rushed."
      local got = sentences.split(text)
      assert.are.same({ "The vote passed.", "Critics said it was rushed." }, { got[1].text, got[2] and got[2].text })
      assert.are.equal(#"The vote passed.\u{A0}" + 1, got[2].start)
    end)

    it("splits after a question mark followed by a dash and a capitalised word", function()
      assert.are.same({ "Who pays?", "— The county, officials said." },
        texts("Who pays? — The county, officials said."))
    end)
  end)

  describe("lists", function()
    it("splits numbered items in running text", function()
      assert.are.same({ "1. Close the valves", "2. Drain the tank", "3. Call the crew" },
        texts("1. Close the valves 2. Drain the tank 3. Call the crew"))
    end)

    it("splits numbered items with parentheses and lettered items", function()
      assert.are.same({ "1) Roads are shut.", "2) Schools are closed." }, texts("1) Roads are shut. 2) Schools are closed."))
      assert.are.same({ "a. check the map", "b. pack water" }, texts("a. check the map b. pack water"))
    end)

    it("splits bulleted items", function()
      assert.are.same({ "• Roads closed in the north", "• Schools shut for two days" },
        texts("• Roads closed in the north • Schools shut for two days"))
    end)

    it("splits list lines", function()
      assert.are.same({ "Safety tips:", "- Stay indoors", "- Charge your phone" },
        texts("Safety tips:\n- Stay indoors\n- Charge your phone"))
    end)

    it("does not take a number in running text for a list marker", function()
      assert.are.same({ "Payments under 1. above and 2. above are due in May." },
        texts("Payments under 1. above and 2. above are due in May."))
    end)
  end)

  describe("line breaks", function()
    it("ends a headline line that has no final stop", function()
      assert.are.same({ "Flood warning issued for Tarnwick", "Residents near the river were told to leave." },
        texts("Flood warning issued for Tarnwick\nResidents near the river were told to leave."))
    end)

    it("joins a line broken before a lowercase word", function()
      assert.are.same({ "The levee was built in 1962 and\nraised twice since." },
        texts("The levee was built in 1962 and\nraised twice since.", { join_lines = false }))
      assert.are.same({ "Water reached the library basement overnight." },
        texts("Water reached the library\nbasement overnight."))
    end)

    it("ends a sentence at a period closing a line even before a lowercase word", function()
      assert.are.same({ "Fares rise in May.", "(details below)" }, texts("Fares rise in May.\n(details below)"))
      assert.are.same({ "Pay at the kiosk.", "tickets are not sold on board." },
        texts("Pay at the kiosk.\ntickets are not sold on board."))
    end)

    it("splits a block of lines none of which ends with a stop", function()
      assert.are.same({ "opening hours", "parking", "group visits" }, texts("opening hours\nparking\ngroup visits"))
    end)

    it("joins hard-wrapped lines that end before the wrap width", function()
      local text = "The authority said it would ask the commercial court in Dunmorrow on\n" ..
                   "Tuesday for an order declaring the walkout unlawful, arguing that the\n" ..
                   "Guild had not given notice."
      assert.are.equal(1, #texts(text))
    end)

    it("does not read a ragged block (a short line without a stop) as hard-wrapped", function()
      assert.are.same({ "Ferry service to resume", "Repairs to the Ashby pier are finished ahead of schedule",
                        "The first boat leaves at 7 a.m. Saturday." },
        texts("Ferry service to resume\nRepairs to the Ashby pier are finished ahead of schedule\n" ..
              "The first boat leaves at 7 a.m. Saturday."))
    end)
  end)

  describe("stage", function()
    it("sets doc.sentences as an array for process()", function()
      local doc = run_stage({ id = "d", text = "The strike ended. Trains run again.", meta = {}, errors = {} })
      assert.are.equal(2, #doc.sentences)
      assert.are.equal("Trains run again.", doc.sentences[2].text)
      assert.are.equal(19, doc.sentences[2].start)
      assert.are.equal(35, doc.sentences[2]["end"])
    end)

    it("gives an empty list when the document has no text", function()
      local doc = run_stage({ id = "d", meta = {}, errors = {} })
      assert.are.same({}, doc.sentences)
      assert.are.equal("[]", dp.json.encode(doc.sentences))
    end)
  end)

  describe("gold data", function()
    it("reproduces the seed page's gold sentences exactly", function()
      local gold = read_json("../shared/data/seed/gold.json")
      local text = table.concat(gold.paragraphs, "\n\n")
      local got = sentences.split(text)
      assert.are.same(gold.sentences, texts(text))
      for _, s in ipairs(got) do assert.are.equal(s.text, text:sub(s.start, s["end"])) end
    end)

    for _, name in ipairs({ "footbridge-vote", "harbor-strike", "library-flood", "orchard-frost" }) do
      it("reproduces the gold sentences of the example page " .. name, function()
        local gold = read_json("examples/gold/" .. name .. ".json")
        assert.are.same(gold.sentences, texts(table.concat(gold.paragraphs, "\n\n")))
      end)
    end
  end)
end)

describe("sentences stage: months, ellipses before attributions, line-end attributions", function()
  it("ends a sentence after a month abbreviation before a capitalised word", function()
    assert.are.same({ "The vote was put off until early Nov.", "Council members will meet again." },
      texts("The vote was put off until early Nov. Council members will meet again."))
  end)

  it("keeps a month abbreviation before its day number", function()
    assert.are.same({ "The ferry sailed on Nov. 3 from Port Ellery." },
      texts("The ferry sailed on Nov. 3 from Port Ellery."))
  end)

  it("keeps an ellipsis in a quote with the attribution after it", function()
    assert.are.same({ '"I can\'t say..." Marlow replied, and left the room.' },
      texts('"I can\'t say..." Marlow replied, and left the room.'))
  end)

  it("still ends a sentence at an ellipsis before a new one", function()
    assert.are.same({ "The lights went out...", "Nobody moved." },
      texts("The lights went out... Nobody moved."))
  end)

  it("does not take a line ending in a verb of attribution for a headline", function()
    assert.are.same({ '"We waited all night," said Okafor.', '"Nobody came."' },
      texts('"We waited all night," said\nOkafor. "Nobody came."'))
  end)
end)

-- Fixes of the round that wrote holdout2_en.json (each asserts the right value).
describe("sentences stage: U.S. before a plural subject, hard wraps by the paragraph's own lines", function()
  it("ends a sentence at U.S. before a plural common noun that starts a clause", function()
    assert.are.same({ "The drug is already approved in the U.S.", "Regulators in Canada will rule in May." },
      texts("The drug is already approved in the U.S. Regulators in Canada will rule in May."))
    assert.are.same({ "Sales have slowed in the U.K.", "Dealers blame higher rates." },
      texts("Sales have slowed in the U.K. Dealers blame higher rates."))
  end)

  it("keeps plural words that continue a name after U.S. in the sentence", function()
    assert.are.same({ "Two U.S. Marines were hurt in the blast." }, texts("Two U.S. Marines were hurt in the blast."))
    assert.are.same({ "The U.S. Customs and Border Protection agency seized the boat." },
      texts("The U.S. Customs and Border Protection agency seized the boat."))
  end)

  it("ends a sentence at a single capital before a plural subject such as Inspectors", function()
    assert.are.same({ "The cafe got a grade of C.", "Inspectors found mice in the storeroom." },
      texts("The cafe got a grade of C. Inspectors found mice in the storeroom."))
  end)

  it("ends a sentence at a spaced ellipsis closed by a quote before a new capitalised sentence", function()
    assert.are.same({ "\u{201C}I just don't know . . .\u{201D}", "The coach left the room." },
      texts("\u{201C}I just don't know . . .\u{201D} The coach left the room."))
    assert.are.same({ "\u{201C}We tried . . .\u{201D} Okafor said, his voice trailing off." },
      texts("\u{201C}We tried . . .\u{201D} Okafor said, his voice trailing off."))
  end)

  it("keeps an attribution whose verb is followed by a preposition after a quoted exclamation", function()
    assert.are.same({ "\u{201C}We won!\u{201D} Alina Cruz shouted from the steps.", "The crowd cheered." },
      texts("\u{201C}We won!\u{201D} Alina Cruz shouted from the steps. The crowd cheered."))
  end)

  it("runs a line ending in an em or en dash on to the next", function()
    assert.are.same({ "PORT ELLIS, Maine \u{2014} The ferry ran aground at 5 a.m.", "Nobody was hurt." },
      texts("PORT ELLIS, Maine \u{2014}\nThe ferry ran aground at 5 a.m. Nobody was hurt."))
  end)

  it("starts a new item at a bullet line after a line ending in an abbreviation", function()
    assert.are.same({ "Roads closed:", "- Harbor Ave.", "- Pell River Bridge" },
      texts("Roads closed:\n- Harbor Ave.\n- Pell River Bridge"))
  end)

  it("starts a sentence at a lowercase name with a capital inside after a stop", function()
    assert.are.same({ "The company sold 2 million phones.", "eBay listings doubled." },
      texts("The company sold 2 million phones. eBay listings doubled."))
  end)

  it("joins a paragraph hard-wrapped at 40 columns where a line ends in a capitalised word", function()
    local text = "Three people were taken to Carrow\nGeneral Hospital on Sunday after the\ncrash. Police said the driver of the\ntruck had fallen asleep."
    assert.are.same({ "Three people were taken to Carrow General Hospital on Sunday after the crash.",
                      "Police said the driver of the truck had fallen asleep." }, texts(text))
  end)

  it("measures a wrapped line in characters, not bytes", function()
    local text = "\u{201C}The river crested at 6 a.m.,\u{201D} said\nJos\u{E9} Mu\u{F1}oz, director of the Pell\nValley Emergency Management Office.\nResidents were told to leave."
    assert.are.same({ "\u{201C}The river crested at 6 a.m.,\u{201D} said Jos\u{E9} Mu\u{F1}oz, director of the Pell Valley Emergency Management Office.",
                      "Residents were told to leave." }, texts(text))
  end)

  it("still splits a short headline stack above a sentence", function()
    assert.are.same({ "Mayor Resigns", "Council Names Interim Leader", "Mayor Ada Quinn resigned on Monday." },
      texts("Mayor Resigns\nCouncil Names Interim Leader\nMayor Ada Quinn resigned on Monday."))
  end)

  it("splits a long title-case headline line from a shorter sentence under it", function()
    assert.are.same({ "Regional Water Authority Approves Emergency Rate Increase for Summer", "The vote was 5-2." },
      texts("Regional Water Authority Approves Emergency Rate Increase for Summer\nThe vote was 5-2."))
  end)

  it("joins a two-line wrap whose first line ends in a name", function()
    assert.are.same({ "Three workers were hurt on Friday at the Kelso Foods plant outside Dunmore County, a spokeswoman said." },
      texts("Three workers were hurt on Friday at the Kelso Foods plant outside Dunmore\nCounty, a spokeswoman said."))
  end)

  it("does not let one short line make a long wrapped paragraph ragged", function()
    local text = "The board met for six hours on\nMonday and heard from more than 40\nresidents, most of whom opposed the\nplan to close the Ashby pool\nfor good. Members will vote in June,\nafter a second hearing at Ashby High\nSchool in the old gym. The district\nsays it cannot afford repairs that\nwould cost $2 million or more over\nthe next ten years, and that the\npool loses money every summer.\nParents say the pool is the only\nplace in town where children can\nlearn to swim."
    assert.are.same({ "The board met for six hours on Monday and heard from more than 40 residents, most of whom opposed the plan to close the Ashby pool for good.",
                      "Members will vote in June, after a second hearing at Ashby High School in the old gym.",
                      "The district says it cannot afford repairs that would cost $2 million or more over the next ten years, and that the pool loses money every summer.",
                      "Parents say the pool is the only place in town where children can learn to swim." },
      texts(text))
  end)

  it("does not end a sentence at a ? that a wrap put at a line end inside a quotation", function()
    local text = "\u{201C}So what is the plan, besides\na lot of drinking, and how\nlong is that going to last?\nJust one night, two nights?\u{201D}\nasked Warne, who had been at\nthe bar since noon with the\nrest of the team."
    assert.are.same({ "\u{201C}So what is the plan, besides a lot of drinking, and how long is that going to last? Just one night, two nights?\u{201D} asked Warne, who had been at the bar since noon with the rest of the team." },
      texts(text))
  end)

  it("does not take a number that a wrap put at a line start for a list marker", function()
    local text = "The former leader had been admitted to\nthe hospital with pneumonia on February\n5. Born in 1923, he led the country for\nthree decades and wrote four books about\nit."
    assert.are.same({ "The former leader had been admitted to the hospital with pneumonia on February 5.",
                      "Born in 1923, he led the country for three decades and wrote four books about it." },
      texts(text))
  end)
end)

describe("sentences stage on the English Golden Rules", function()
  local rules = read_json("../shared/data/sbd/golden_rules_en.json")
  -- Rules that the stage does not pass (none at present); they are listed, not asserted.
  local KNOWN_FAILING = {}
  local passing = 0

  local function trimmed(list)
    local out = {}
    for i, s in ipairs(list) do out[i] = dp.text.trim(s) end
    return out
  end

  for _, rule in ipairs(rules) do
    local got = trimmed(texts(rule.text))
    if trimmed(rule.expected)[1] ~= nil and not KNOWN_FAILING[rule.id] then
      it(string.format("passes golden rule %d: %s", rule.id, rule.name), function()
        assert.are.same(trimmed(rule.expected), got)
      end)
    end
    local ok = #got == #rule.expected
    for i = 1, #got do ok = ok and got[i] == dp.text.trim(rule.expected[i] or "") end
    if ok then passing = passing + 1 end
  end

  it("passes at least 52 of the 52 golden rules", function()
    assert.are.equal(52, #rules)
    assert.is_true(passing >= 52, "golden rules passed: " .. passing)
  end)
end)

-- The project's own invented newswire cases (tests/fixtures/sbd/, written for issue 3):
-- cases_en.json covers every kind of boundary the issue lists; holdout_en.json was
-- written in two batches after rounds of tuning, to measure the rules on cases they
-- were not tuned on (59/61 and 58/60 when first scored). holdout2_en.json (180 longer
-- news paragraphs, text hard-wrapped at 40, 60 and 72 columns, headline + deck + body
-- blocks, lists after a colon, quotes over several sentences) was scored before the
-- next round: 161/180 as first labelled, 165/180 once four labels were brought to the
-- stage's quotation convention; holdout3_en.json (39) was written after that round,
-- to check its fixes on fresh text: 38/39 when first scored (25/39 by the rules before).
-- The floors are the counts passed when they were last raised; a drop is a regression.
describe("sentences stage on the invented test sets", function()
  local function passed(path)
    local cases = read_json(path)
    local pass = 0
    for _, c in ipairs(cases) do
      local got = texts(c.text)
      local ok = #got == #c.expected
      for i = 1, #got do ok = ok and dp.text.trim(got[i]) == dp.text.trim(c.expected[i] or "") end
      if ok then pass = pass + 1 end
    end
    return pass, #cases
  end

  it("passes at least 265 of the 266 cases of cases_en.json", function()
    local pass, total = passed("tests/fixtures/sbd/cases_en.json")
    assert.are.equal(266, total)
    assert.is_true(pass >= 265, "cases_en.json passed: " .. pass)
  end)

  it("passes at least 119 of the 121 cases of holdout_en.json", function()
    local pass, total = passed("tests/fixtures/sbd/holdout_en.json")
    assert.are.equal(121, total)
    assert.is_true(pass >= 119, "holdout_en.json passed: " .. pass)
  end)

  it("passes at least 179 of the 180 cases of holdout2_en.json", function()
    local pass, total = passed("tests/fixtures/sbd/holdout2_en.json")
    assert.are.equal(180, total)
    assert.is_true(pass >= 179, "holdout2_en.json passed: " .. pass)
  end)

  it("passes at least 38 of the 39 cases of holdout3_en.json", function()
    local pass, total = passed("tests/fixtures/sbd/holdout3_en.json")
    assert.are.equal(39, total)
    assert.is_true(pass >= 38, "holdout3_en.json passed: " .. pass)
  end)
end)
