-- Specs of the clean stage for the body failure kinds found on blind pages (issue 4):
-- a table of figures under a short heading inside the window (a box score, market
-- table, election returns), bullet links under a "Read also:" label across a blank
-- line, a "Tap to expand" label and its caption with a "Credit: NAME" credit, the blurb
-- under an audio widget, a one-sentence closing paragraph above a "— AB" sign-off.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph
local tabular = require "docpipe.clean.tabular"


local P1 = "The Orrin Valley water board voted on Tuesday to raise household rates by 4 per cent from April, its first increase in six years, to pay for a new filter plant at Cobb Ford."
local P2 = "Board chair Lettice Amberley said the old plant at Cobb Ford could no longer meet the state's limits on sediment after heavy rain, and that repairs would only buy a year or two."
local P3 = "\"Nobody likes paying more for water, but the alternative is boil notices every spring,\" Amberley told residents at the meeting in the town hall on Tuesday evening."
local P4 = "The new plant is due to open in 2028 and will be paid for with a state loan over thirty years, the board said in a statement after the vote on Tuesday."

local function page(middle, tail)
  local t = { "Orrin Valley Ledger", "News  Sport  Weather  Jobs", "",
    "Orrin Valley water rates to rise 4% to pay for new filter plant",
    "By Casimir Thorne-Ellery", "Wednesday 4 March 2026 08:30 GMT", "", P1, "", P2, "" }
  for _, l in ipairs(middle or {}) do t[#t + 1] = l end
  t[#t + 1] = P3; t[#t + 1] = ""; t[#t + 1] = P4; t[#t + 1] = ""
  for _, l in ipairs(tail or {}) do t[#t + 1] = l end
  t[#t + 1] = ""
  t[#t + 1] = "© 2026 Orrin Valley Ledger. All rights reserved."
  return lines(t)
end

describe("clean: tables of figures inside the body", function()
  it("reads a line of scores or prices as data and a sentence with figures as prose", function()
    local function block(text, nw, density, class)
      return { text = text, nw = nw, density = density, class = class or "short" }
    end
    assert.is_true(tabular.is_data(block("Harrow Town 2 0 1 - 3", 6, 0)))
    assert.is_true(tabular.is_data(block("Brent crude $81.36 +1.2%", 4, 0)))
    assert.is_false(tabular.is_data(block("The council spent 2 years and $4 million on the plan.", 11, 0.36)))
    assert.is_false(tabular.is_data(block("Referees: Anna Holt, Mo Ferris", 5, 0)))
  end)

  -- (regression: "NAME - posted 11 June 2025" read as two names and their scores)
  it("reads a score line's scores and never a day, a month and a year as one", function()
    assert.is_true(tabular.score_line("Half-time: Rovers 0-9 Town 1-7"))
    assert.is_true(tabular.score_line("Lakers 102 Celtics 99"))
    assert.is_false(tabular.score_line("Pier closed to swimmers Friday - posted 11 June 2025"))
  end)

  it("drops a box score under a capitals heading closing the window, heading included", function()
    local doc = run(lines { "Orrin Valley Ledger", "Sport  Scores  Fixtures", "",
      "Ferrymen come from behind to beat Cobb Ford 3-1",
      "By Casimir Thorne-Ellery", "Saturday 7 March 2026 17:55 GMT", "",
      "Rosa Marsh scored twice in the second half as the Orrin Valley Ferrymen came from a goal down to beat Cobb Ford 3-1 at Riverside Park on Saturday afternoon.",
      "", "Cobb Ford led through a Tam Ames penalty after 14 minutes, and the visitors defended deep until Marsh headed in a corner from Ines Keane on the hour.",
      "", "\"We kept going and the goals came, that is all you can ask of them,\" said Ferrymen coach Dorian Pell, whose side moved up to third in the table.",
      "", "Cobb Ford have now lost four in a row.", "",
      "MATCH FACTS",
      "Orrin Valley 0 3 - 3",
      "Cobb Ford 1 0 - 1",
      "First half: 1, CFD, Ames 7 (pen), 14:05.",
      "Second half: 2, OVA, Marsh 11 (Keane), 60:12. 3, OVA, Marsh 12, 71:40. 4, OVA, Dunleavy 3 (Marsh), 88:02.",
      "Shots on target: Orrin Valley 3-9 - 12. Cobb Ford 4-2 - 6.",
      "Players of the match: 1. Rosa Marsh, OVA; 2. Ines Keane, OVA; 3. Tam Ames, CFD.",
      "", "MORE SPORT", "Ferrymen sign winger from Harrow Town", "",
      "© 2026 Orrin Valley Ledger. All rights reserved.", })
    assert.is_true(has_paragraph(doc, "Cobb Ford have now lost four in a row."))
    for _, needle in ipairs { "MATCH FACTS", "Orrin Valley 0 3", "First half:", "Second half:", "Shots on target", "Players of the match" } do
      assert.is_false(has_paragraph(doc, needle), needle)
    end
  end)

  it("drops a results table under a short heading in the middle of the body", function()
    local doc = run(page({
      "How the wards voted",
      "North ward: 1,204 for, 388 against.",
      "South ward: 977 for, 1,015 against.",
      "Riverside ward: 640 for, 212 against.", "",
    }))
    assert.is_false(has_paragraph(doc, "How the wards voted"))
    assert.is_false(has_paragraph(doc, "North ward"))
    assert.is_false(has_paragraph(doc, "Riverside ward"))
    assert.is_true(has_paragraph(doc, "Nobody likes paying more"))
    assert.is_true(has_paragraph(doc, "The new plant is due"))
  end)

  it("keeps a short subhead over a paragraph that quotes figures", function()
    local doc = run(page({ "The cost", "",
      "The plant will cost $38 million, of which $30 million comes from the state and the rest from rates over 30 years.", "" }))
    assert.is_true(has_paragraph(doc, "The plant will cost $38 million"))
  end)
end)

describe("clean: related-story labels and UI captions", function()
  it("drops the bullet links under a Read also label across a blank line", function()
    local doc = run(page({ "Read also:", "", "- Cobb Ford plant fails sediment test again", "- Board names new finance chief", "" }))
    assert.is_false(has_paragraph(doc, "Cobb Ford plant fails"))
    assert.is_false(has_paragraph(doc, "Board names new finance chief"))
    assert.is_true(has_paragraph(doc, "Nobody likes paying more"))
  end)

  it("drops a Tap to expand label and the caption credited with an initial", function()
    local doc = run(page({ "Tap to expand", "The filter beds at Cobb Ford after the March floods. Credit: R. Vantongeren", "" }))
    assert.is_false(has_paragraph(doc, "Tap to expand"))
    assert.is_false(has_paragraph(doc, "The filter beds at Cobb Ford"))
    assert.are.equal(4, #doc.paragraphs)
  end)
end)

describe("clean: media widgets and closing lines", function()
  it("drops the programme blurb under an audio widget with a duration", function()
    local doc = run(lines { "Orrin Valley Radio", "News  Listen  Schedule", "",
      "Orrin Valley water rates to rise 4% to pay for new filter plant",
      "By Casimir Thorne-Ellery", "Wednesday 4 March 2026 08:30 GMT", "",
      "Audio", "Valley Drive Time 9:15",
      "Board chair Lettice Amberley joins the programme to discuss the new rates.", "",
      P1, "", P2, "", P3, "", P4, "" })
    assert.is_false(has_paragraph(doc, "joins the programme"))
    assert.are.equal(4, #doc.paragraphs)
  end)

  it("keeps a sentence after a widget line that is no programme blurb", function()
    local doc = run(lines { "Orrin Valley Radio", "",
      "Orrin Valley water rates to rise 4% to pay for new filter plant",
      "By Casimir Thorne-Ellery", "Wednesday 4 March 2026 08:30 GMT", "",
      "Valley Drive Time 9:15", P1, "", P2, "", P3, "", P4, "" })
    assert.is_true(has_paragraph(doc, "The Orrin Valley water board voted"))
  end)

  it("keeps a one-sentence closing paragraph above a sign-off, past a caption", function()
    local doc = run(page(nil, {
      "Residents queue to speak at the water board meeting. Photo: Orrin Valley Ledger",
      "The board meets again on April 2.", "— CTE",
    }))
    assert.is_true(has_paragraph(doc, "The board meets again on April 2."))
    assert.is_false(has_paragraph(doc, "Residents queue to speak"))
    assert.is_false(has_paragraph(doc, "CTE"))
  end)

  it("adds programme blurb patterns through the media_blurbs option", function()
    local text = lines { "Orrin Valley Radio", "",
      "Orrin Valley water rates to rise 4% to pay for new filter plant",
      "By Casimir Thorne-Ellery", "Wednesday 4 March 2026 08:30 GMT", "",
      "Audio", "Valley Drive Time 9:15", "Our reporter went along to the board meeting in the town hall on Tuesday evening to hear what residents had to say.", "",
      P1, "", P2, "", P3, "", P4, "" }
    assert.is_true(has_paragraph(run(text), "Our reporter went along"))
    assert.is_false(has_paragraph(run(text, { media_blurbs = { "^Our reporter went along\\b" } }), "Our reporter went along"))
  end)
end)
