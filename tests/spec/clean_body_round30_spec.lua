-- Specs of the clean stage for body failure kinds (round 30): capitals subheads past a
-- run of debris lines (two "READ MORE:" links, a caption above them) in a hard-wrapped
-- page; a one-line "Read also: HEADLINE" card whose date the dumper wrapped to a line
-- of its own (no barrier to the window); advertisements (copy under a label past a
-- banner's image name, an exclamation and a free estimate, a "-- Advert --" label over
-- copy closed by a telephone number, a label in capitals in another language); a
-- caption closed by a "Name Name/The Outlet" credit and an author's contact line ("NAME
-- can be reached at ..."). Every page below is invented (fictional towns, people,
-- outlets, companies).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph

local HEAD = {
  "THE SALTHOLM GAZETTE", "Home | News | Farming | Sport | Notices | Subscribe", "",
  "Ferry operator cuts winter sailings to the outer skerries", "",
  "By Wenna Trevithick", "", "Published: 3 October 2025", "",
}
local FOOT = {
  "", "Tags: Ferries, Skerries, Transport", "", "Most read", "Lifeboat crew rescue kayaker off Brannock Head",
  "School bus route changes from November", "", "(c) 2025 Saltholm Gazette Ltd. All rights reserved.",
}
-- (paragraphs hard-wrapped at about 72 columns, no indent)
local P1 = {
  "Winter sailings to the outer skerries will fall from five a week to three",
  "from November, the island ferry operator said on Thursday, blaming the",
  "cost of fuel and a shortage of crew for its smaller vessels.",
}
local P2 = {
  "The operator said the change would save about a fifth of its winter",
  "running costs and that the timetable would be reviewed in the spring,",
  "when its second boat returns from a refit at the mainland yard.",
}
local P3 = {
  "Shopkeepers on the larger islands said the cut would leave them with",
  "empty shelves for days at a time, since most of their stock arrives on",
  "the morning boat and cannot be kept for long without a freezer.",
}
local P4 = {
  "The harbour board said it would ask the operator to keep a fourth",
  "sailing in weeks when the forecast shows a long run of gales, and that",
  "it would meet island councillors to discuss the timetable next week.",
}
local P3_TEXT = "Shopkeepers on the larger islands said the cut would leave them with"
local P4_TEXT = "The harbour board said it would ask the operator to keep a fourth"

local function page(body, head)
  local t = {}
  for _, l in ipairs(head or HEAD) do t[#t + 1] = l end
  for _, l in ipairs(body) do
    -- (a table: lines of one group)
    if type(l) == "table" then for _, x in ipairs(l) do t[#t + 1] = x end else t[#t + 1] = l end
  end
  for _, l in ipairs(FOOT) do t[#t + 1] = l end
  return lines(t)
end

describe("clean: a capitals subhead past a run of debris lines", function()
  it("keeps a subhead under two \"READ MORE:\" links, over a paragraph", function()
    local doc = run(page { P1, "", P2, "",
      { "READ MORE: Skerries school to get a new boat for its pupils", "READ MORE: Harbour wall repairs finished early" }, "",
      "WHAT THE SHOPS SAY", "", P3, "", P4 })
    assert.is_true(has_paragraph(doc, "WHAT THE SHOPS SAY"))
    assert.is_false(has_paragraph(doc, "READ MORE"))
    assert.is_true(has_paragraph(doc, P3_TEXT))
  end)

  it("keeps a subhead under a caption wrapped over two lines, over a paragraph", function()
    local doc = run(page { P1, "", P2, "",
      { "[Photo] The morning boat at the Saltholm slipway, which has served the", "skerries since 1931. Photo: Jory Penhale" }, "",
      "WHAT HAPPENS NOW", "", P3, "", P4 })
    assert.is_true(has_paragraph(doc, "WHAT HAPPENS NOW"))
    assert.is_false(has_paragraph(doc, "Jory Penhale"))
  end)

  it("drops a box heading past two links over dated headlines", function()
    local doc = run(page { P1, "", P2, "", P3, "", P4, "",
      { "READ MORE: Skerries school to get a new boat for its pupils", "READ MORE: Harbour wall repairs finished early" }, "",
      "MORE ISLAND NEWS", "Lifeboat crew rescue kayaker off Brannock Head (02/10/2025)",
      "Pier café wins a regional award (28/09/2025)" })
    assert.is_false(has_paragraph(doc, "MORE ISLAND NEWS"))
  end)
end)

describe("clean: a one-line card with its date wrapped under it", function()
  it("keeps the article going past \"Read also: HEADLINE\" / \"(date)\" and a subhead", function()
    local doc = run(page { P1, "", P2, "",
      { "   Read also: [14]Skerries ferry crews vote on a new rota", "   (19 September 2025)" }, "",
      "Islanders ask for a fourth boat", "", P3, "", P4 })
    assert.is_true(has_paragraph(doc, P3_TEXT))
    assert.is_true(has_paragraph(doc, P4_TEXT))
    assert.is_true(has_paragraph(doc, "Islanders ask for a fourth boat"))
    assert.is_false(has_paragraph(doc, "Read also"))
    assert.is_false(has_paragraph(doc, "19 September 2025"))
  end)
end)

describe("clean: advertisement copy under a label", function()
  it("drops copy past a banner's image name under the label", function()
    local doc = run(page { P1, "", P2, "", "- Advertisement -", "",
      { "[skerry-haulage-banner.gif]", "Skerry Haulage - pallets to the outer islands every Monday and Thursday.", "Phone 40 212." }, "",
      P3, "", P4 })
    assert.is_false(has_paragraph(doc, "Skerry Haulage"))
    assert.is_true(has_paragraph(doc, P3_TEXT))
  end)

  it("drops copy with an exclamation and a free on-site estimate in a page of one line per paragraph", function()
    local body = {}
    for _, p in ipairs { P1, P2 } do body[#body + 1] = table.concat(p, " ") end
    body[#body + 1] = "Advertisement"
    body[#body + 1] = "Winter is coming! Saltholm Glazing & Doors - double glazing, storm doors and free on-site estimates across the islands."
    for _, p in ipairs { P3, P4 } do body[#body + 1] = table.concat(p, " ") end
    local doc = run(page(body))
    assert.is_false(has_paragraph(doc, "Saltholm Glazing"))
    assert.is_true(has_paragraph(doc, P3_TEXT))
  end)

  it("drops a \"-- Advert --\" label and the copy under it closed by a telephone number", function()
    local doc = run(page { P1, "", P2, "",
      { "-- Advert --", "PENHALE'S BAKERY, Quay Street. Winter orders now being taken:",
        "saffron buns, pasties and heavy cake. Tel 01632 960 377.", "-----------" }, "",
      P3, "", P4 })
    assert.is_false(has_paragraph(doc, "Advert"))
    assert.is_false(has_paragraph(doc, "PENHALE'S BAKERY"))
    assert.is_true(has_paragraph(doc, P3_TEXT))
  end)

  -- (a page of one line per paragraph: the label shares its group with the body)
  local function packed(copy)
    local body = {}
    for _, p in ipairs { P1, P2 } do body[#body + 1] = table.concat(p, " ") end
    body[#body + 1] = "Advertisement"
    body[#body + 1] = copy
    for _, p in ipairs { P3, P4 } do body[#body + 1] = table.concat(p, " ") end
    return run(page(body))
  end

  it("drops copy of an advertiser's name, a colon and a telephone number under a label", function()
    local doc = packed("Trewin & Sons Plumbing: boilers serviced and repaired across all the islands within the week, Tel 01632 960 588.")
    assert.is_false(has_paragraph(doc, "Trewin & Sons"))
    assert.is_true(has_paragraph(doc, P3_TEXT))
  end)

  it("keeps a paragraph under a label that gives a number to call and reports who said so", function()
    local doc = packed("Islanders who are stranded can call the harbour office on 01632 960 100 for a place on the relief boat, the board said.")
    assert.is_true(has_paragraph(doc, "Islanders who are stranded"))
  end)

  it("drops a label in capitals in another language (\"PUBLICITÉ\") and its copy", function()
    local doc = run(page { P1, "", P2, "",
      { "PUBLICITÉ", "Skerrinet Max: 20 Go pour 4 000 FCFA. Activez avec *212#" }, "",
      P3, "", P4 })
    assert.is_false(has_paragraph(doc, "PUBLICITÉ"))
    assert.is_false(has_paragraph(doc, "Skerrinet"))
    assert.is_true(has_paragraph(doc, P3_TEXT))
  end)
end)

describe("clean: captions and contact lines", function()
  it("drops a caption closed by a \"Name Name/The Outlet\" credit", function()
    local doc = run(page { "The morning boat leaving the Saltholm slipway on a calm Sunday in June. Wenna Trevithick/The Saltholm Island Gazette", "",
      P1, "", P2, "", P3, "", P4 })
    assert.is_false(has_paragraph(doc, "The morning boat leaving"))
    assert.is_true(has_paragraph(doc, "Winter sailings to the outer skerries"))
  end)

  it("drops the author's contact line closing the article", function()
    local doc = run(page { P1, "", P2, "", P3, "", P4, "",
      "Wenna Trevithick can be reached at wtrevithick@saltholmgazette.example or 01632 960 144." })
    assert.is_false(has_paragraph(doc, "can be reached"))
    assert.is_true(has_paragraph(doc, P4_TEXT))
  end)
end)

describe("clean: a lone bulleted lead", function()
  -- (regression, from a bad-input test: the page's only bullet, a 30-word lead, became
  -- a highlight and left the body)
  local function doc_of(first)
    return run(lines {
      "Harbour wall repairs begin", "By Jo Penrose", "June 3, 2024", "",
      first, "",
      "The work is expected to last six weeks and will close part of the quay to vehicles.", "",
      "Councillor Amy Trask said the delay had been caused by a shortage of stone from the quarry at Lanreath.",
    })
  end
  it("is the first paragraph, not a highlight", function()
    local doc = doc_of("• Repairs to the harbour wall at Porthkennack began on Monday after months of delay, the council said in a statement that also promised to keep the quay open to fishing boats throughout the work.")
    assert.are.same({}, doc.highlights)
    assert.are.equal("Repairs to the harbour wall at Porthkennack began", doc.paragraphs[1]:sub(1, 49))
  end)
  it("stays a highlight when it is short, or one of several bullets", function()
    local doc = run(lines {
      "Harbour wall repairs begin", "By Jo Penrose", "June 3, 2024", "",
      "• Repairs to the harbour wall began on Monday after months of delay", "",
      "• Part of the quay will close to vehicles for six weeks", "",
      "Repairs to the harbour wall at Porthkennack began on Monday after months of delay, the council said in a statement.", "",
      "The work is expected to last six weeks and will close part of the quay to vehicles.",
    })
    assert.are.equal(2, #doc.highlights)
  end)
end)
