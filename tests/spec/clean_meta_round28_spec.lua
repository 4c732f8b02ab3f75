-- Specs of the clean stage's metadata kinds of development sets h81 to h88: mixed-case
-- datelines of places holding lower-case particles ("Paso de los Talas:", "Brdce pri
-- Lozi –"); a capitals dateline whose region holds a lower-case region word before the
-- outlet in parentheses; a bare place before a dash that only the page's other lines
-- write again (a menu, a weather box, an address); dates written "17. 9. 2024"; Niue's
-- and West Greenland's zones; a published date read before an updated one written
-- with its month's name; IST read by the page's evidence (Irish, Israeli or Indian);
-- a contributor credit naming a role and the outlet before the name ("Gazette intern
-- NAME contributed to this report."). Every page below is invented (fictional towns,
-- people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")
local dates = require("docpipe.clean.dates").new("en")

local body = pages.paragraphs

local page = pages.stacked

local MORE = {
  "The ferry company said the timetable would be reviewed once the works were finished in the spring.",
  "Residents said they had waited more than ten years for the works to begin.",
}

describe("clean meta round 28: datelines", function()
  it("reads a mixed-case place holding particles before a colon or a dash", function()
    local lead = "Villar de las Moras: Two of the valley's largest dairies will cut milk collection to four days a week from May, their owners said on Monday."
    local art = "Dairies cut collection\n|\n" .. lead .. "\n|\nFarmers near Villar de las Moras said the cut would cost them dearly."
    local dl = meta.dateline(lead, art, "page")
    assert.are.equal("Villar de las Moras", dl.place)
    assert.are.equal("Two of the valley's", dl.rest:sub(1, 19))
    local lead2 = "Gorenje pri Vrbi – A storm that swept over the hills on Sunday evening flattened maize fields and tore roofs from two barns, farmers said."
    local art2 = "Storm flattens maize\n|\n" .. lead2
    dl = meta.dateline(lead2, art2, "Home\n" .. lead2)
    assert.are.equal("Gorenje pri Vrbi", dl.place)
  end)

  it("reads a capitals place with a lower-case region word before the outlet in parentheses", function()
    local dl = meta.dateline("KAMPONG ROLUOS, Takeo province (The Delta Ledger) -- The opening of a new ferry landing has been postponed by three months, officials said.")
    assert.are.equal("KAMPONG ROLUOS, Takeo province", dl.place)
    assert.are.equal("The Delta Ledger", dl.outlet)
    assert.are.equal("The opening of", dl.rest:sub(1, 14))
  end)

  it("reads a bare place before a dash that only the page's other lines write again", function()
    local lead = "Brenza — The regional council on Thursday approved money for new flood walls along the river, ending two years of argument over the cost."
    local art = "Council approves flood walls\n|\n" .. lead
    -- (the dateline's own line is no evidence)
    assert.is_nil(meta.dateline(lead, art, "Home | News\n\n" .. lead))
    -- (a weather box, an address, a caption: the place after another word or before a
    -- temperature)
    assert.are.equal("Brenza", meta.dateline(lead, art, "Home | News\nBrenza 21°C | Lake 18°C\n\n" .. lead).place)
    assert.are.equal("Brenza", meta.dateline(lead, art, lead .. "\n\nValley Post Ltd, 4 Mill Street, Brenza | Tel 555 0100").place)
    assert.are.equal("Brenza", meta.dateline(lead, art, "The river wall at Brenza in May. Photo: Ida Kern\n\n" .. lead).place)
    -- (one word the article also writes in lower case is an English word, no place)
    local lead3 = "Split — The regional council on Thursday approved money for new flood walls, after a vote that split the ruling group down the middle."
    assert.is_nil(meta.dateline(lead3, "Council approves flood walls\n|\n" .. lead3, "Ferry Split–Vis: 15:30\n\n" .. lead3))
    -- (a label stays a label)
    local lead4 = "Analysis — The regional council on Thursday approved money for new flood walls along the river, ending two years of argument."
    assert.is_nil(meta.dateline(lead4, "Council\n|\n" .. lead4, "Latest Analysis | Opinion\n\n" .. lead4))
    local doc = run(page({
      "THE LAKELAND OBSERVER",
      "Home | News | Brenza | Valleys | Sport",
      "Brenza 21°C | Lake 18°C",
      "",
      "Council approves flood walls for the river",
      "By Livia Ostermann",
      "03.02.2025, 08:30 CET",
      "",
    }, body(lead, MORE[1], MORE[2]), { "© 2025 The Lakeland Observer" }))
    assert.are.equal("Brenza", doc.dateline)
    assert.are.equal("The regional council", doc.paragraphs[1]:sub(1, 20))
  end)
end)

describe("clean meta round 28: dates", function()
  it("reads a day-first date with a space after each dot", function()
    assert.are.equal("2024-09-17T11:42:00+02:00", dates:parse("Published: 17. 9. 2024, 11:42 CEST · Updated: 17. 9. 2024, 13:05 CEST"))
    assert.are.equal("2025-03-04", dates:parse("4. 3. 2025"))
    -- (a version number is none)
    assert.is_nil(dates:parse("v1. 2. 2024"))
  end)

  it("reads NUT as Niue's zone on a page naming Niue only, and WGT as West Greenland's", function()
    assert.are.equal("2024-11-27T14:05:00-02:00", dates:parse("27 November 2024, 14:05 WGT"))
    -- (NUT spells a word: no zone on a page that does not name Niue)
    dates:page_zones("Harbour notice\n04/09/2024 3:10pm NUT")
    assert.are.equal("2024-09-04", dates:parse("04/09/2024 3:10pm NUT"))
    dates:page_zones("Hakupu Village Council, Niue\n04/09/2024 3:10pm NUT")
    assert.are.equal("2024-09-04T15:10:00-11:00", dates:parse("04/09/2024 3:10pm NUT"))
    assert.are.equal("2024-09-04T15:10:00-11:00",
      (dates:parse_published("Published 04/09/2024 3:10pm NUT | Updated 5 September 2024")))
    dates:page_zones("")
  end)

  it("reads the published date before an updated one written with its month's name", function()
    assert.are.equal("2024-09-04T15:10:00+01:00",
      (dates:parse_published("Published 04/09/2024 3:10pm BST | Updated 5 September 2024")))
    local doc = run(page({
      "HAKUPU VILLAGE COUNCIL, NIUE",
      "Official news and public notices",
      "",
      "Harbour ramp to close for six weeks",
      "Government Communications Office",
      "Published 04/09/2024 3:10pm NUT | Updated 5 September 2024",
      "",
    }, body("The boat ramp at the main harbour will close to the public for six weeks from Monday while the wharf is rebuilt, the infrastructure department said.", MORE[1], MORE[2]), { "(c) 2024 Hakupu Village Council, Niue" }))
    assert.are.equal("2024-09-04T15:10:00-11:00", doc.date)
  end)

  it("reads IST by the page's evidence: Irish with a .ie address or euro amounts, else India's", function()
    local head = {
      "Carrowmore County Council",
      "",
      "Council secures funding for greenway",
      "Published: 03/10/2024 11:20 IST",
      "",
    }
    local paras = body("The council has welcomed the allocation of €4.2 million for the first section of the greenway along the old railway line, it said on Thursday.", MORE[1], MORE[2])
    local doc = run(page(head, paras, { "Email: press@carrowmorecoco.ie", "© Carrowmore County Council 2024" }))
    assert.are.equal("2024-10-03T11:20:00+01:00", doc.date)
    -- (no evidence: India's, as the zone list gives it)
    local plain = body("The council has welcomed the allocation of funds for the first section of the greenway along the old railway line, it said on Thursday.", MORE[1], MORE[2])
    doc = run(page(head, plain, { "© Carrowmore County Council 2024" }))
    assert.are.equal("2024-10-03T11:20:00+05:30", doc.date)
    -- (evidence of two readings: the list's own)
    doc = run(page(head, paras, { "Email: press@carrowmore.in", "© Carrowmore County Council 2024" }))
    assert.are.equal("2024-10-03T11:20:00+05:30", doc.date)
  end)
end)

describe("clean meta round 28: contributors", function()
  it("reads a contributor credit naming a role and the outlet before the name", function()
    assert.are.same({ "Tamsin Oakridge" }, meta.contributors("Gazette intern Tamsin Oakridge contributed to this report."))
    local doc = run(page({
      "Harwick Valley Gazette",
      "",
      "County weighs fee on heavy trucks",
      "By Corwin Ashby",
      "March 4, 2025",
      "",
    }, body("County commissioners on Tuesday weighed a new fee on heavy trucks hauling water to well pads, saying the traffic is wearing out gravel roads faster than the county can grade them.", MORE[1], MORE[2],
      "Gazette intern Tamsin Oakridge contributed to this report."), { "© 2025 Harwick Valley Gazette" }))
    assert.are.same({ "Tamsin Oakridge" }, doc.contributors)
  end)
end)
