-- Specs of the clean stage for body failure kinds (round 23): an advertisement's copy
-- under its label weighed by its evidence (one rule for shapes no narrow rule knew: a
-- verbless slogan over an imperative, a brand set off by a bar, a brand and a dash over
-- a long offer closed by "This week only.", the label opening the copy's own line),
-- with news paragraphs under a label that stay; a button right under the copy; a short
-- closing sentence above a match's facts box; a caption closed by "Pic by NAME"; a
-- match's score line and its "Match facts" heading above the scorers; a share bar under
-- the article that names the page's kind ("Share this callout: Facebook | ..."). Every
-- page below is invented (fictional towns, people, outlets, companies and products).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph

-- a business story with the lines of mid set between its second and third paragraphs
local function story_with(mid)
  local t = {
    "THE GREYWATER GAZETTE", "News | Business | Sport | Opinion", "",
    "Boatyard to lay off 40 as orders for fishing vessels dry up", "",
    "By Peregrine Allardyce", "Published: 3 March 2026", "",
    "Hollins Marine said on Tuesday it would cut 40 of its 160 jobs at its Greywater boatyard after orders for new fishing vessels fell for a third year in a row.",
    "",
    "The company blamed higher fuel costs for the fleet and tighter quotas, which it said had left skippers unwilling to commit to new hulls.",
    "",
  }
  for _, l in ipairs(mid) do t[#t + 1] = l end
  for _, l in ipairs {
    "Union officials said they would meet the management next week to discuss voluntary redundancies and retraining for the workers affected.",
    "",
    "Hollins Marine will publish its annual accounts at the end of April.",
    "", "Copyright (c) 2026 Greywater Gazette Ltd. All rights reserved.",
  } do t[#t + 1] = l end
  return run(lines(t))
end

describe("clean: an advertisement's copy under its label, weighed by its evidence", function()
  it("drops a verbless slogan over an imperative to the reader, and the button under it", function()
    local doc = story_with {
      "Advertisement", "", "Home insurance, simplified. Get your cover with Tollan Mutual in five minutes.", "Learn more", "",
    }
    assert.is_false(has_paragraph(doc, "Tollan Mutual"))
    assert.is_false(has_paragraph(doc, "Learn more"))
    assert.is_true(has_paragraph(doc, "Union officials said"))
    assert.equals(4, #doc.paragraphs)
  end)

  it("drops a brand set off by a bar, in the label's group, closed by a call to the reader", function()
    local doc = story_with {
      "ADVERTISEMENT",
      "Corran Wealth | Independent pension advice for families on the coast since 1988. Speak to us this week.", "",
    }
    assert.is_false(has_paragraph(doc, "Corran Wealth"))
    assert.equals(4, #doc.paragraphs)
  end)

  it("drops a brand and a dash over a long offer closed by \"This week only.\"", function()
    local doc = story_with {
      "ADVERTISEMENT", "", "Marrowby Garden Centre – Spring sale on compost, seed trays, hand tools and raised beds. This week only.", "",
    }
    assert.is_false(has_paragraph(doc, "Marrowby Garden Centre"))
    assert.equals(4, #doc.paragraphs)
  end)

  it("drops copy after the label on its own line", function()
    local doc = story_with {
      "Advertisement: Pellard Ropes Ltd - marine-grade mooring lines, cut to length, shipped to your yard. Ask our team.", "",
    }
    assert.is_false(has_paragraph(doc, "Pellard Ropes"))
    assert.equals(4, #doc.paragraphs)
  end)

  it("keeps a paragraph under a label that reports what someone said", function()
    local doc = story_with {
      "Advertisement", "", "Buyers have held back for now, the yard's sales manager said, but could return this spring.", "",
    }
    assert.is_true(has_paragraph(doc, "Buyers have held back for now"))
    assert.equals(5, #doc.paragraphs)
  end)

  it("keeps a paragraph under a label that mentions prices", function()
    local doc = story_with {
      "ADVERTISEMENT", "", "A new trawler of 15 metres now costs about £1.2 million, up from £800,000 five years ago.", "",
    }
    assert.is_true(has_paragraph(doc, "A new trawler of 15 metres"))
    assert.equals(5, #doc.paragraphs)
  end)

  it("keeps a short paragraph of one sentence of reported fact under a label", function()
    local doc = story_with {
      "Advertisement", "", "The yard built its first steel hull in 1962.", "",
    }
    assert.is_true(has_paragraph(doc, "The yard built its first steel hull in 1962."))
    assert.equals(5, #doc.paragraphs)
  end)

  it("keeps a paragraph in the label's group that reads as narrative", function()
    local doc = story_with {
      "Advertisement",
      "Order books were full as recently as 2022, when the yard had to turn away work from owners in Norway and Iceland.", "",
    }
    assert.is_true(has_paragraph(doc, "Order books were full as recently as 2022"))
    assert.equals(5, #doc.paragraphs)
  end)

  it("keeps a report on a firm's offer, a name and a colon over a price, under a label", function()
    local doc = story_with {
      "ADVERTISEMENT", "", "Pellman Chandlery: The supplier will cut the price of diesel for the fleet to £1.05 a litre from April.", "",
    }
    assert.is_true(has_paragraph(doc, "Pellman Chandlery"))
    assert.equals(5, #doc.paragraphs)
  end)

  it("keeps the same copy when no label stands above it", function()
    local doc = story_with {
      "Marrowby Garden Centre – Spring sale on compost, seed trays, hand tools and raised beds. This week only.", "",
    }
    assert.is_true(has_paragraph(doc, "Marrowby Garden Centre"))
  end)
end)

-- a match report dumped one paragraph per line, with a facts box under it
describe("clean: a short closing sentence right above a match's facts box", function()
  local doc = run(lines {
    "THE LOWFIELD SPORTS POST", "HOME | FOOTBALL | RUGBY | CRICKET | RESULTS",
    "Harbour Rovers snatch late win at Millbeck",
    "By TOMOS ELLERBY",
    "Sat, 7 March 2026 | 18:10 GMT",
    "Harbour Rovers came from a goal down to beat Millbeck Town 2-1 at Castle Lane on Saturday, with substitute Ira Kenworthy scoring the winner three minutes from time.",
    "Millbeck had led through a first-half header from Dainton Hesketh, and should have doubled their lead when Ollie Brasher hit the post early in the second half.",
    "Rovers manager Cal Weatherall said his side had kept going. \"We were poor for an hour, but the players never stopped running and the changes worked,\" he said.",
    "The result lifts Rovers to fourth in the table, three points behind the leaders with eight matches left to play this season.",
    "Millbeck stay ninth and host Dunmere next Saturday.",
    "MATCH FACTS",
    "Harbour Rovers 2 (Pike 70', Kenworthy 87')",
    "Millbeck Town 1 (Hesketh 31')",
    "Venue: Castle Lane, Millbeck",
    "Attendance: 3,214",
    "Tags: Harbour Rovers, Millbeck Town, League One",
    "© 2026 Lowfield Sports Post. All Rights Reserved.",
  })
  it("keeps the closing sentence and drops the box", function()
    assert.is_true(has_paragraph(doc, "Millbeck stay ninth and host Dunmere next Saturday."))
    assert.is_false(has_paragraph(doc, "MATCH FACTS"))
    assert.is_false(has_paragraph(doc, "Attendance"))
    assert.equals(5, #doc.paragraphs)
  end)
end)

describe("clean: a caption closed by a \"Pic by NAME\" credit", function()
  local W = pages.WATER
  local doc = run(pages.page({
    "Orvanne Valley Courier", "News | Sport | Business", "",
    "Water cuts for nine hamlets from Monday", "",
    "By Aurelie Danquart", "Saturday, 7 March 2026",
  }, {
    W[1], W[2],
    "Villagers fill containers at the fountain in Lesbrosses on Friday evening. Pic by Mathis Corveau",
    W[3], W[4],
  }, { "Copyright © 2026 Orvanne Valley Courier. All rights reserved." }))
  it("drops the caption and keeps the story", function()
    assert.is_false(has_paragraph(doc, "Pic by"))
    assert.equals(4, #doc.paragraphs)
  end)
end)

-- a club's match report wrapped as lynx sets it, a facts box closing it
describe("clean: a match's score line and its heading above the scorers", function()
  local wrap = pages.lynx_wrap
  local t = {
    "Pentrebach RFC", "Home | News | Fixtures | Teams | Contact", "",
    "Pentrebach edge Glanrhyd in wet derby", "",
    "By Iestyn Maelor-Price | Club Press Officer", "Sunday 8th March 2026", "",
    wrap("Pentrebach held on for a narrow win over Glanrhyd at Cae'r Afon on Saturday, with a late penalty from outside half Gruffydd Tallis deciding a derby played in driving rain.", 78), "",
    wrap("Glanrhyd led at the break after two tries from their back row, but Pentrebach's pack took control in the second half and their scrum won three penalties in a row.", 78), "",
    wrap("Flanker Dafydd Owsley crossed twice after the interval and was named player of the match by the sponsors for a display that included seventeen tackles.", 78), "",
    wrap("Pentrebach travel to Llwynhir next Saturday, with the return fixture against Glanrhyd due on Easter Monday.", 78), "",
    "Match facts", "",
    "   Pentrebach 17 Glanrhyd 16 (HT 5-10)", "",
    wrap("Pentrebach: Tries: Owsley, Pritchard-Lowe, Bevington. Cons: Tallis. Pen: Tallis.", 78), "",
    wrap("Player of the match: Dafydd Owsley (sponsored by Cae'r Afon Garage)", 78), "",
    "   Referee: Ceri Vaughan-Lloyd", "",
    "   Tags: First XV Derby", "",
    "   © 2026 Pentrebach RFC. All rights reserved.",
  }
  local doc = run(lines(t))
  it("drops the heading and the score line with the scorers", function()
    assert.is_false(has_paragraph(doc, "Match facts"))
    assert.is_false(has_paragraph(doc, "Pentrebach 17 Glanrhyd 16"))
    assert.is_false(has_paragraph(doc, "Tries:"))
    assert.equals(4, #doc.paragraphs)
  end)
end)

describe("clean: a share bar under the article that names the page's kind", function()
  local doc = run(lines {
    "Harnbeck Fell Rescue", "Home   About   Incidents   Donate   Contact", "",
    "Climber rescued after fall on Harn Crag", "",
    "Wilf Atterby", "Sat 07/03/2026 20:15 GMT", "",
    "The team was called at 11:40 on Saturday after a climber fell about ten metres while leading a route on the upper tier of Harn Crag.", "",
    "Team members reached her within the hour, gave pain relief and lowered her on a stretcher to the road, where an ambulance was waiting.", "",
    "She was taken to hospital with a suspected broken ankle and injuries to her back.", "",
    "Share this incident: Facebook | X | Email", "",
    "Support the team", "",
    "Every rescue is paid for by donations from the public, so if you have enjoyed a day on the fells, please think about giving to the team.", "",
    "Harnbeck Fell Rescue is a registered charity. In an emergency dial 999 and ask for the police.", "",
    "(c) 2026 Harnbeck Fell Rescue | Privacy | Site map",
  })
  it("ends the body at the share bar", function()
    assert.is_false(has_paragraph(doc, "Every rescue is paid for"))
    assert.is_false(has_paragraph(doc, "registered charity"))
    assert.equals(3, #doc.paragraphs)
  end)
end)

-- (regression of the first version: on a page without blank lines the label's group
-- runs on, and once the copy read as copy the loop went on through the body's list)
describe("clean: a list under an advertisement's copy on a page without blank lines", function()
  it("drops the copy and keeps the sentence that opens the list and its items", function()
    local doc = run(lines {
      "Larchfield Ski Touring Club", "Home | Trails | Membership | Contact",
      "Avalanche risk rises on the upper bowls after heavy snowfall",
      "By Ingrid Castellane",
      "Posted January 12, 2026, 7:10 PM MST",
      "Avalanche risk on the club's upper bowls rose to considerable on Sunday after 60 centimetres of new snow fell over the weekend, the club's safety officer said.",
      "SPONSORED",
      "Ridgeback Outfitters — 2026 touring skis in stock now. Rentals open every weekend.",
      "Before heading out, members should:",
      "• Check the club's avalanche bulletin, updated each morning at 7 a.m.;",
      "• Carry a transceiver, a probe and a shovel on every tour;",
      "• Tour in pairs and leave a route plan at the hut.",
      "The safety officer said the risk would be reviewed on Wednesday after the next snow survey.",
    })
    assert.is_false(has_paragraph(doc, "Ridgeback Outfitters"))
    assert.is_true(has_paragraph(doc, "Before heading out, members should:"))
    assert.is_true(has_paragraph(doc, "Carry a transceiver, a probe and a shovel on every tour;"))
    assert.is_true(has_paragraph(doc, "Tour in pairs and leave a route plan at the hut."))
  end)
end)
