-- Specs of the clean stage's datelines of development sets h89 to h98: a bare place
-- before a dash whose lead opens on a compound ("Thirty-one ...") or on a name and its
-- apposition ("Coldwave, a Dunmere-based ..."); a wire dateline whose region joins two
-- names by "and" or holds a particle glued by an apostrophe ("Côte d'Ivoire"); a
-- mixed-case place with its day and month closed by a colon ("Tarvanpur, Aug. 21:");
-- the dateline read under a caption and its credit split over two lines, or under a
-- standfirst when it is a wire dateline. Every page below is invented (fictional towns,
-- people and outlets).

local pages = require "tests.clean_pages"
local run = pages.run
local meta = require("docpipe.clean.meta").new("en")

local body = pages.paragraphs

local page = pages.stacked

local MORE = {
  "The ferry company said the timetable would be reviewed once the works were finished in the spring.",
  "Residents said they had waited more than ten years for the works to begin.",
}

describe("clean dateline round 29: bare places", function()
  it("reads a bare place whose lead opens on a compound or on a name and a comma", function()
    local lead = "Kelvara – Thirty-one member dairies of the valley's cooperative have agreed to buy their feed jointly for the first time."
    local art = "Dairies join forces\n|\n" .. lead .. "\n|\nThe order was approved at the assembly in Kelvara on Saturday."
    assert.are.equal("Kelvara", meta.dateline(lead, art, "page").place)
    local lead2 = "Dunmere — Coldwave, a Dunmere-based company that runs refrigerated warehouses, has raised $3 million in a funding round."
    local dl = meta.dateline(lead2, "Cold-chain firm raises funds\n|\n" .. lead2, "page")
    assert.are.equal("Dunmere", dl.place)
    assert.are.equal("Coldwave, a Dunmere-based", dl.rest:sub(1, 25))
    -- (a label stays a label, and a place the article never writes again is none)
    local lead3 = "Analysis — Coldwave, a Dunmere-based company that runs refrigerated warehouses, has raised $3 million in a funding round."
    assert.is_nil(meta.dateline(lead3, "Cold-chain firm raises funds\n|\n" .. lead3, "page"))
    local lead4 = "Harlow — Coldwave, a cold-chain company that runs refrigerated warehouses, has raised $3 million in a funding round."
    assert.is_nil(meta.dateline(lead4, "Cold-chain firm raises funds\n|\n" .. lead4, "page"))
  end)
end)

describe("clean dateline round 29: wire datelines", function()
  it("reads a region joining two names by 'and' or holding a particle with an apostrophe", function()
    local dl = meta.dateline("SOUTH CORAL CAY, Turks and Caicos Islands (Island Courier) -- The government will dredge the harbour channel early next year, the minister said.")
    assert.are.equal("SOUTH CORAL CAY, Turks and Caicos Islands", dl.place)
    assert.are.equal("Island Courier", dl.outlet)
    dl = meta.dateline("BOUAFLÉ, Côte d'Ivoire (LBM) -- Cocoa processor Sanvi Lagune said on Wednesday it would double its grinding capacity.")
    assert.are.equal("BOUAFLÉ, Côte d'Ivoire", dl.place)
    assert.are.equal("LBM", dl.outlet)
    assert.are.equal("Cocoa processor", dl.rest:sub(1, 15))
  end)

  it("reads a mixed-case place with its day and month closed by a colon", function()
    local lead = "Tarvanpur, Aug. 21: The hill road linking the plains with Tarvanpur was reopened to light vehicles on Wednesday afternoon."
    local dl = meta.dateline(lead, "Hill road reopens\n|\n" .. lead, "page")
    assert.are.equal("Tarvanpur", dl.place)
    assert.are.equal("The hill road", dl.rest:sub(1, 13))
    -- (the article must write the place again after another word: the lead's own
    -- opening is no evidence)
    local lead2 = "Tarvanpur, Aug. 21: The hill road linking the plains with the town was reopened to light vehicles on Wednesday afternoon."
    assert.is_nil(meta.dateline(lead2, "Hill road reopens\n|\n" .. lead2, "page"))
    -- (a weekday is no place, and a short line after the colon is no lead)
    local lead3 = "Monday, Aug. 21: The hill road linking the plains with Monday was reopened to light vehicles."
    assert.is_nil(meta.dateline(lead3, "Hill road\n|\n" .. lead3, "page"))
    local lead4 = "Tarvanpur, Aug. 21: Road reopened."
    assert.is_nil(meta.dateline(lead4, "Road to Tarvanpur\n|\n" .. lead4 .. " in Tarvanpur", "page"))
  end)
end)

describe("clean dateline round 29: the lead under a caption or a standfirst", function()
  local W = pages.WATER
  it("reads the dateline under a caption and its credit on two lines", function()
    local doc = run(page({
      "THE HARBOUR WAVE",
      "English news from Selka",
      "",
      "Home | Local | Tourism | Environment | Culture | Opinion",
      "",
      "Fishers report a sharp fall in the crab catch as the sea warms",
      "",
      "By Lorna Vaskell, Ostra News",
      "Posted : 2025-09-18 15:20 KST   Updated : 2025-09-18 17:02 KST",
      "",
      "A crab boat heads out of the harbour off the south coast of Selka on Sept. 16.",
      "(Ostra News)",
      "",
      "Font size  A+  A-    Print    Share",
      "",
    }, body("PORT AVRIL, Selka Province (Ostra News) -- Crab fishers on the southern coast of Selka Island landed far fewer crabs this summer than a year earlier, their cooperative said Thursday, blaming a long spell of warm sea water.",
      W[1], W[2], W[3], W[4]), { "© 2025 The Harbour Wave" }))
    assert.are.equal("PORT AVRIL, Selka Province", doc.dateline)
    assert.is_true(pages.has_paragraph(doc, "Crab fishers on the southern coast"))
    assert.is_false(pages.has_paragraph(doc, "PORT AVRIL"))
  end)

  local function railway(lead)
    return run(page({
      "Skip to main navigation",
      "",
      "Valmere Mountain Railway",
      "",
      "Timetable | Tickets | Media",
      "",
      "Rebuilt cog railcars reach the glacier line",
      "",
      "Press release",
      "12.02.2025, 11:00 CET",
      "",
      "The rebuilt trains, the oldest still running on any Alpine cog line, will carry passengers again from the start of the summer season.",
      "",
      "[railcar_arrival.jpg]",
      "A rebuilt railcar on a low-loader at the workshop gate. Photo: Valmere Mountain Railway / T. Imboden",
      "",
    }, body(lead, W[1], W[2], W[3], W[4]), { "© 2025 Valmere Mountain Railway" }))
  end

  it("reads a wire dateline under a standfirst, and no speaker's label", function()
    local doc = railway("VALMERE, Switzerland - Three rebuilt cog railcars for the route to the glacier station reached the company's workshop on Tuesday night after a four-day trip by lorry from the works.")
    assert.are.equal("VALMERE, Switzerland", doc.dateline)
    assert.is_true(pages.has_paragraph(doc, "Three rebuilt cog railcars"))
    assert.is_false(pages.has_paragraph(doc, "VALMERE, Switzerland -"))
    -- (under a standfirst only a wire dateline is read: a speaker's label in capitals
    -- before a colon stays in the text)
    doc = railway("HOLLOWAY: We ordered the two railcars three years ago and they were built at the plant in the valley below the line.")
    assert.are.equal(require("docpipe").null, doc.dateline)
    assert.is_true(pages.has_paragraph(doc, "HOLLOWAY: We ordered"))
  end)
end)
