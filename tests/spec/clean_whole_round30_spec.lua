-- Specs of the clean stage for pages it got wrong as a whole (round 30): a stock-quote
-- widget's date inside the body ("As of DATE close" under its quote line) taken as a
-- timestamp, which cut the window before it and anchored the header there (title,
-- byline, highlights and the lead lost); highlights of one paragraph a line set apart
-- by blank lines; a date line of two labelled timestamps in another language set apart
-- by a dash ("LABEL 04.03.2025 09:10 CET - LABEL 04.03.2025 11:00 CET"); labels of other
-- languages in the data files (a German date line, a Norwegian advertisement label); an
-- outlet from the copyright sign closing a footer of fields set apart by bars. Every
-- page below is invented (fictional towns, people, outlets, companies).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph

local P1 = "Korvel Harbour Storage reported a 19 percent rise in first-half net profit on Monday, helped by strong demand for cold rooms from fruit importers and by higher volumes at its trucking arm."
local P2 = "Net profit reached 41.2 million dinars in the six months to June 30, up from 34.6 million a year earlier, the company said in a filing to the exchange."
local P3 = "Chief Executive Maren Volkov said occupancy across the group's sheds averaged 94 percent during the period, the highest since the first of them opened."
local P4 = "\"Importers keep asking for more space than we can build,\" she said. \"We are bringing forward the second phase of the eastern depot to meet that demand.\""
local P5 = "Analysts at a Korvel brokerage said the results beat their forecasts, noting that the company's margins had widened despite higher financing costs this year."

local function quote_page()
  return lines {
    "Korvel Business Ledger", "",
    "Markets | Companies | Energy | Property | Opinion", "",
    "KX Index 8,204.10 ▲ 0.41% | Brent $77.20 ▼ 0.6%", "",
    "Companies", "",
    "Korvel Harbour Storage half-year profit rises 19% on cold-room demand", "",
    "Highlights", "",
    "• Net profit rises to 41.2 million dinars", "",
    "• Revenue up 11% to 210 million dinars", "",
    "• Board backs eastern depot expansion plan", "",
    "By Tobias Wrenfield and Amira Castellane", "",
    "5 Aug 2025 | 10:15 GMT", "",
    "Updated 2 hours ago", "",
    "KORVEL—" .. P1, "",
    P2, "",
    "KORVEL HARBOUR STORAGE (KHSX)", "",
    "KD4.18 +0.07 (+1.70%) | Vol 1.9m | Mkt cap KD2.2bn", "",
    "As of Aug 4, 2025 close", "",
    P3, "",
    P4, "",
    P5, "",
    "Topics: Earnings, Storage", "",
    "© 2025 Korvel Business Ledger. All rights reserved.",
  }
end

describe("clean: a stock-quote widget's date inside the body", function()
  it("keeps the header, the title and the lead above the widget", function()
    local doc = run(quote_page())
    assert.are.equal("Korvel Harbour Storage half-year profit rises 19% on cold-room demand", doc.title)
    assert.are.equal("2025-08-05T10:15:00+00:00", doc.date)
    assert.are.same({ "Tobias Wrenfield", "Amira Castellane" }, { doc.authors[1], doc.authors[2] })
    assert.is_true(has_paragraph(doc, "Net profit reached 41.2 million"))
    assert.is_true(has_paragraph(doc, "Chief Executive Maren Volkov"))
    assert.is_false(has_paragraph(doc, "As of Aug 4"))
    assert.is_false(has_paragraph(doc, "Mkt cap"))
  end)

  it("reads every bulleted highlight of a page of blank-line-separated lines", function()
    local doc = run(lines {
      "Korvel Business Ledger", "",
      "Korvel Harbour Storage half-year profit rises 19% on cold-room demand", "",
      "• Net profit rises to 41.2 million dinars", "",
      "• Revenue up 11% to 210 million dinars", "",
      "• Board backs eastern depot expansion plan", "",
      "By Tobias Wrenfield", "",
      "5 Aug 2025 | 10:15 GMT", "",
      P1, "", P2, "", P3, "", P4, "",
    })
    assert.are.equal(3, #doc.highlights)
    assert.are.equal("Board backs eastern depot expansion plan", doc.highlights[3])
  end)

  it("still reads an 'As of' date line with no quote beside it as a timestamp", function()
    local doc = run(lines {
      "Korvel Business Ledger", "",
      "Korvel port volumes hit a record in July as transit trade grows", "",
      "By Tobias Wrenfield", "",
      "As of Aug 4, 2025", "",
      P1, "", P2, "", P3, "",
    })
    assert.are.equal("2025-08-04", doc.date)
  end)
end)

local WRAPPED = {
  "The town council of Skarvik voted on Tuesday to limit the number of",
  "tourist coaches that may stop in the old harbour to twelve a day from",
  "next season, a move supporters say will protect the narrow streets.",
  "",
  "The proposal passed by 13 votes to 8 after a debate of almost three",
  "hours. Mayor Sunniva Kvamme said the harbour had reached the limit of",
  "what its quays and its patience could carry.",
  "",
  "Under the new rules, coach operators will have to book a stopping slot",
  "through the harbour office at least a month in advance, and coaches",
  "without one will be sent to the car park above the town.",
  "",
}

local function nordic_page(date_line, extra, top)
  local t = {}
  for _, l in ipairs(top or {}) do t[#t + 1] = l end
  for _, l in ipairs {
    "SKARVIKPOSTEN", "Lokalavisa for Skarvik | English edition", "",
    "Nyheter  Sport  Kultur  Meninger  English", "",
    "Skarvik votes to cap tourist coaches at twelve a day", "",
    "The council voted 13-8 for stopping slots. Coach firms call it a",
    "blow to the season.", "",
    "Solveig Brandtzaeg | Journalist",
    date_line, "",
    "Del: Facebook | X | E-post", "",
  } do t[#t + 1] = l end
  for _, l in ipairs(WRAPPED) do t[#t + 1] = l end
  for _, l in ipairs(extra or {}) do t[#t + 1] = l end
  t[#t + 1] = "The county must still approve the cap before it can take effect, and the coach"
  t[#t + 1] = "operators' association said on Wednesday that it would ask the county"
  t[#t + 1] = "governor to reject the decision of the council."
  t[#t + 1] = ""
  t[#t + 1] = "Emner: Turisme  Kommunestyret"
  t[#t + 1] = ""
  t[#t + 1] = "Skarvikposten AS | Kaigata 2, 6999 Skarvik | Tlf. 57 11 22 33"
  t[#t + 1] = "Ansvarlig redaktør: Oddny Lien. © Skarvikposten 2025"
  return lines(t)
end

describe("clean: a date line of two labelled timestamps set apart by a dash", function()
  it("reads the first, its labels in no list", function()
    local doc = run(nordic_page("Birt 04.03.2025 09:10 CET - Uppfært 04.03.2025 11:00 CET"))
    assert.are.equal("2025-03-04T09:10:00+01:00", doc.date)
    assert.are.same({ "Solveig Brandtzaeg" }, { doc.authors[1] })
    assert.is_false(has_paragraph(doc, "Birt 04.03.2025"))
    assert.is_false(has_paragraph(doc, "Solveig Brandtzaeg"))
    -- (the standfirst above the header is no paragraph)
    assert.is_false(has_paragraph(doc, "Coach firms call it"))
    assert.is_true(has_paragraph(doc, "The town council of Skarvik"))
  end)

  it("reads a German date line with 'Uhr' (en/clean_timestamp_words.txt)", function()
    local doc = run(nordic_page("Veröffentlicht am 04.03.2025 um 09:10 Uhr"))
    assert.are.equal("2025-03-04", doc.date:sub(1, 10))
  end)
end)

describe("clean: labels of other languages", function()
  it("drops a Norwegian advertisement label and its copy", function()
    local doc = run(nordic_page("Publisert 04.03.2025 09:10 CET",
      { "ANNONSE", "Hytter til leie - book sommeren nå! 10 % rabatt for abonnenter.", "" }))
    assert.is_false(has_paragraph(doc, "ANNONSE"))
    assert.is_false(has_paragraph(doc, "Hytter til leie"))
    assert.is_true(has_paragraph(doc, "The county must still approve"))
  end)
end)

describe("clean: the outlet from a footer of fields closing on its copyright sign", function()
  it("takes the copyright holder of the page's last block", function()
    -- (a cookie notice over a masthead of one word in capitals, which gives no name)
    local doc = run(nordic_page("Publisert 04.03.2025 09:10 CET", nil, {
      "Vi bruker informasjonskapsler (cookies) for statistikk og annonser. We use cookies",
      "for statistics and advertising. Les mer om personvern.",
      "[Godta alle]  [Kun nødvendige]", "",
    }))
    assert.are.equal("Skarvikposten", doc.outlet)
  end)
end)
