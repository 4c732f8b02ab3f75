-- Specs of the clean stage's kinds of development sets h114 to h116: a subhead opening
-- on "Help" before a word in lower case; a subhead under an advertisement's one-line
-- copy closed by a telephone number; a language switch named in English followed by the
-- account's menu words over the masthead; an "AD" label in capitals joined to its copy;
-- a reader's comment opening on its signature (a handle, a date and a time, a colon); a
-- mixed-case bare dateline whose place opens on a saint's name ("San NAME NAME — ...");
-- a byline of a name in capitals running into the outlet's short name and a role; an
-- advertiser's name line over copy carrying an offer under a label; a picture's title
-- line, its caption and a "Courtesy NAME" credit inside the body. Every page below is
-- invented (fictional towns, people, firms and outlets).

local pages = require "tests.clean_pages"
local run, lines, has = pages.run, pages.lines, pages.has_paragraph

local P1, P2, P3, P4, P5, P6 = table.unpack(pages.ESTUARY)

local head = pages.estuary_head
-- page(body [, head]): the header (head() when nil), the body's lines, the footer
local page = pages.framed(head(), pages.ESTUARY_FOOT)

describe("clean kinds b14: a subhead opening on 'Help'", function()
  it("keeps 'Help for ...' above its paragraph, no legal line", function()
    local doc = run(page { P1, "", P2, "", P3, "", "Help for commuters", "", P4, "", P5, "", P6, "" })
    assert.is_true(has(doc, "Help for commuters"))
    assert.is_true(has(doc, "reduced timetable"))
  end)
end)

describe("clean kinds b14: a subhead under an ad's copy closed by a phone number", function()
  it("drops the copy, keeps the subhead", function()
    local doc = run(page({
      P1, P2, P3,
      "Advertisement",
      "Quayside Oyster Bar, Lormont: spring tasting menu until 30.04. – bookings 04 71 22 33 44",
      "Commuters face a week of delays",
      P4, P5, P6, "",
    }))
    assert.is_false(has(doc, "Oyster Bar"))
    assert.is_true(has(doc, "Commuters face a week of delays"))
    assert.is_true(has(doc, "reduced timetable"))
  end)
end)

describe("clean kinds b14: a language switch in English and the account's menu", function()
  it("takes the line under 'Portuguese English Login Join' as the masthead", function()
    local hd = {
      "   [1]Skip to content",
      "   [2]Portuguese [3]English [4]Login [5]Join", "",
      "   [6]Lormont Estuary Gazette", "",
      "     * [7]Home",
      "     * [8]News",
      "     * [9]Opinion", "",
      "Ferry crews to strike for two days over rota dispute", "",
      "   By Aldous Penhallow",
      "   Published 3 March 2025", "",
    }
    local refs = { "", "References", "" }
    for k = 1, 9 do refs[#refs + 1] = ("   %d. https://gazette.example/%d/"):format(k, k) end
    local doc = run(page({ "   " .. P1, "", "   " .. P2, "", "   " .. P3, "", "   " .. P4, "", table.unpack(refs) }, hd))
    assert.are.equal("Lormont Estuary Gazette", doc.outlet)
  end)
end)

describe("clean kinds b14: an 'AD' label joined to its copy", function()
  it("drops 'AD Stay ... from 4,500 yen a night'", function()
    local doc = run(page {
      P1, "", P2, "", P3, "",
      "AD Stay on the estuary this spring - riverside guesthouse rooms from 4,500 yen a night", "",
      P4, "", P5, "",
    })
    assert.is_false(has(doc, "riverside guesthouse"))
    assert.is_true(has(doc, "reduced timetable"))
  end)
end)

describe("clean kinds b14: reader comments opening on their signature", function()
  it("drops 'NAME - date time: comment' under the story of a hard-wrapped page", function()
    local doc = run(lines {
      "Skip to main content", "",
      "LORMONT ESTUARY GAZETTE", "",
      "News  Sport  Opinion  Contact", "",
      "Ferry crews to strike for two days over rota dispute", "",
      "by ALDOUS PENHALLOW",
      "Chief Reporter",
      "Monday 3 March 2025 4:32pm GMT", "",
      "Ferry crews on the Lormont estuary will strike for two days next week",
      "after talks on a new rota broke down, the boatmen's union said on",
      "Monday.", "",
      "The union said its members had worked more than forty extra shifts each",
      "since the spring because the operator had not filled nine vacant posts.", "",
      "\"We have asked for a fair rota for a year and we have been ignored,\"",
      "said union organiser Bettrys Harnell.", "",
      "The operator said it would run a reduced timetable with relief crews and",
      "that foot passengers should check its website before travelling.", "",
      "Talks are due to resume at the conciliation service on Friday, and the",
      "union said the strike could still be called off if the operator made an",
      "offer.", "",
      "EstuaryWalker - 3 March 2025 7:12pm: About time somebody stood up for",
      "the crews. They work in all weathers.", "",
      "NorthShoreMum | 03/03/2025 20:40: How are the students meant to get",
      "to their exams next week?", "",
      "Show more comments", "",
      "(c) 2025 Lormont Estuary Gazette Ltd. Registered in England and Wales.",
    })
    assert.is_false(has(doc, "About time somebody"))
    assert.is_false(has(doc, "How are the students"))
    assert.is_true(has(doc, "Talks are due to resume"))
  end)
end)

describe("clean kinds b14: a bare dateline opening on a saint's name", function()
  it("takes 'San Pablo Ixtenco' (a given name after 'San') as the dateline", function()
    local lead = "San Pablo Ixtenco — A cooperative of potters in this village south of the valley opened a small museum of glazes on Saturday."
    local doc = run(page { lead, "", P2, "", "The museum sits in the old school of San Pablo Ixtenco, which closed in 1998.", "", P4, "" })
    assert.are.equal("San Pablo Ixtenco", doc.dateline)
    assert.is_true(has(doc, "A cooperative of potters"))
    assert.is_false(has(doc, "San Pablo Ixtenco — A"))
  end)
end)

describe("clean kinds b14: a name in capitals, the outlet's short name and a role", function()
  it("reads 'By ALDOUS PENHALLOW Gazette Staff Writer' as the author, the masthead as the outlet", function()
    local hd = {
      "   #[1]Lormont Estuary Gazette - News RSS", "",
      "   [2]Skip to main content",
      "   [3]Subscribe",
      "   [4]Log In", "",
      "   [5]Lormont Estuary Gazette", "",
      "     * [6]News",
      "     * [7]Sports",
      "     * [8]Opinion", "",
      "   Light rain",
      "   52° Lormont", "",
      "Ferry crews to strike for two days over rota dispute", "",
      "   By ALDOUS PENHALLOW Gazette Staff Writer",
      "   Mar 3, 2025 6:30 PM GMT", "",
    }
    local refs = { "", "References", "" }
    for k = 1, 8 do refs[#refs + 1] = ("   %d. https://gazette.example/%d/"):format(k, k) end
    local doc = run(page({ "   " .. P1, "", "   " .. P2, "", "   " .. P3, "", "   " .. P4, "",
      "   (c) 2025 Lormont Estuary Gazette. All rights reserved.", table.unpack(refs) }, hd))
    assert.are.same({ "Aldous Penhallow" }, doc.authors)
    assert.are.equal("Lormont Estuary Gazette", doc.outlet)
  end)
end)

describe("clean kinds b14: an advertiser's name line over copy with an offer", function()
  it("drops both under the label across a blank line", function()
    local doc = run(page {
      P1, "", P2, "", P3, "",
      "ADVERTISEMENT", "",
      "Estuary Chandlery Supplies",
      "Ropes, lifejackets and charts for every crossing. 15% off for club members.", "",
      P4, "", P5, "",
    })
    assert.is_false(has(doc, "Estuary Chandlery Supplies"))
    assert.is_false(has(doc, "Ropes, lifejackets"))
    assert.is_true(has(doc, "reduced timetable"))
  end)
end)

describe("clean kinds b14: a picture's title, caption and 'Courtesy' credit in the body", function()
  it("drops the three lines, keeps the paragraphs around them", function()
    local doc = run(page {
      P1, "", P2, "", P3, "",
      "Night crossing",
      "A relief crew takes the last ferry across the estuary in February 2025.",
      "Courtesy Lormont Boatmen's Union", "",
      P4, "", P5, "",
    })
    assert.is_false(has(doc, "Night crossing"))
    assert.is_false(has(doc, "relief crew takes the last ferry"))
    assert.is_false(has(doc, "Courtesy Lormont"))
    assert.is_true(has(doc, "reduced timetable"))
  end)
end)
