-- Specs of the clean stage for body failure kinds (issue 4, round 10): a teaser card
-- set inside the article ("More" / topic / headline / "published on" / date) that cut
-- the body in two, a caption closed by an "Agency / Name Name" credit, a live blog's
-- entry times and feed label, an outlet's note on the newsroom partnership it belongs
-- to, a book review's publication and ordering line, and a shop's advertisement
-- closed by its opening hours. Every page below is invented (fictional towns, people,
-- outlets, agencies, books and shops).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph

local P1 = "Councillors in the canton of Vallorbe will vote next month on whether to spend 48 million francs moving the hamlet of Sankt Irmen, whose 140 residents live under a creeping rock slope."
local P2 = "The slope above Sankt Irmen has moved by up to 30 centimetres a month since a rockfall closed the valley road two winters ago, according to the cantonal geology office."
local P3 = "\"We can measure the movement but we cannot tell anyone the day it will give way,\" said cantonal geologist Urs Imboden at a briefing in Vallorbe on Tuesday."
local P4 = "Under the plan, the canton would buy the residents' houses at their value before the slide and prepare building land on a terrace about two kilometres down the valley."
local P5 = "Opponents say they want to help the residents of Sankt Irmen but would rather pay compensation and let each family choose where to live, which they say would cost half as much."
local P6 = "The vote takes place on September 20. A survey for the cantonal broadcaster last week found that 61% of voters in Vallorbe would approve the money."

local function swiss(middle, opts)
  local t = { "valnews.example", "Politics | Society | Economy | Culture", "",
    "Vallorbe votes on moving a village under a sliding slope", "",
    "By Lise Amstutz in Vallorbe", "August 11, 2026 - 09:40", "", P1, "", P2, "", P3, "" }
  for _, l in ipairs(middle) do t[#t + 1] = l end
  for _, p in ipairs { P4, "", "What do the opponents want?", "", P5, "", P6, "" } do t[#t + 1] = p end
  for _, l in ipairs { "Share", "", "Comments", "Join the conversation! Log in to comment.", "",
    "valnews.example is a service of the Alpine Broadcasting Group. Copyright 2026. All rights reserved." } do
    t[#t + 1] = l
  end
  return run(lines(t), opts)
end

describe("clean: a teaser card inside the article", function()
  it("resumes the article after a teaser card closed by its story's date and drops the card", function()
    local doc = swiss { "More", "Rockfalls", "How the Alps' moving slopes are watched from space",
      "This content was published on", "Jun 2, 2026", "" }
    for _, p in ipairs { P1, P2, P3, P4, P5, P6 } do assert.is_true(has_paragraph(doc, p), p) end
    assert.is_true(has_paragraph(doc, "What do the opponents want?"))
    assert.is_false(has_paragraph(doc, "moving slopes are watched"))
    assert.is_false(has_paragraph(doc, "This content was published on"))
    assert.is_false(has_paragraph(doc, "Rockfalls"))
    assert.is_false(has_paragraph(doc, "Jun 2, 2026"))
    -- (the article's date is its own, not the card's)
    assert.equals("2026-08-11", doc.date:sub(1, 10))
  end)

  it("keeps the article's date stamp as a barrier when no paragraph stands above the card", function()
    -- (the card's shape as a header: nothing of the article above it, so the date is
    -- the article's, and the page's teaser links above stay out)
    local doc = run(lines { "valnews.example", "", "More", "Rockfalls",
      "How the Alps' moving slopes are watched from space", "Jun 2, 2026", "", P1, "", P2, "", P3, "" })
    assert.is_true(has_paragraph(doc, P1))
    assert.is_false(has_paragraph(doc, "moving slopes are watched"))
    assert.equals("2026-06-02", doc.date:sub(1, 10))
  end)

  it("drops a caption closed by an agency and a photographer set apart by a slash", function()
    local doc = swiss { "A monitoring station above the hamlet of Sankt Irmen. Keystonia / Mirjam Fehr", "" }
    assert.is_false(has_paragraph(doc, "Keystonia / Mirjam Fehr"))
    for _, p in ipairs { P1, P2, P3, P4, P5, P6 } do assert.is_true(has_paragraph(doc, p), p) end
  end)

  it("keeps a body sentence that closes with a slash between words", function()
    local doc = swiss { "The cantonal rail operator says its trains will run every half hour on the line to Vallorbe and Sankt Irmen / Brugg.", "" }
    assert.is_true(has_paragraph(doc, "every half hour on the line"))
  end)
end)

local L = {
  "A water main burst under Quarry Street early Thursday, flooding the lower level of the Harlan Gate bus terminal and forcing the city to close it for the day.",
  "Buses are stopping on Dock Avenue instead, the transit agency said, and staff in orange vests are directing riders to the temporary stops.",
  "Crews expect to have the main repaired by evening, but the terminal will stay closed until the electrical systems are checked, spokesperson Nell Orvis said.",
  "The main, laid in 1931, is one of about 40 miles of cast iron pipe the city plans to replace over the next decade.",
}

local function live(tail, opts)
  return run(lines { "DONATE", "TRANSIT", "LIVE UPDATES: Water main break closes Harlan Gate bus terminal",
    "By Ada Kwiatek", "Published 05/14/2026 6:20 AM ET", "",
    "A burst main flooded the city's main bus terminal on Thursday; here is the latest.", "",
    "LIVE", "", "Updates", "", "10:42 a.m.", "", "Terminal to stay shut all day", "", L[1], "", L[2], "",
    "8:15 a.m.", "", "Temporary stops on Dock Avenue", "", L[3], "", L[4], "", tail or "", "",
    "© 2026 Harlan City Radio | Privacy Policy | Contact Us" }, opts)
end

describe("clean: a live blog's entry times and feed label", function()
  it("drops the entry time lines over the entries' headings and the feed's label", function()
    local doc = live()
    for _, p in ipairs(L) do assert.is_true(has_paragraph(doc, p), p) end
    assert.is_true(has_paragraph(doc, "Terminal to stay shut all day"))
    assert.is_false(has_paragraph(doc, "10:42 a.m."))
    assert.is_false(has_paragraph(doc, "8:15 a.m."))
    for _, p in ipairs(doc.paragraphs) do assert.are_not.equal("Updates", p) end
  end)

  it("keeps a time line that opens a wire story's entry paragraph directly", function()
    local doc = run(lines { "The Latest: Storm knocks out power across Kessel County", "", "By The Wire Service",
      "Published 4:10 p.m. PDT, Monday, March 2, 2026", "",
      "KESSEL, Calif. (AP) — The Latest on the storm across Kessel County (all times local):", "",
      "3:50 p.m.", "",
      "Utility crews say about 12,000 homes in Kessel County are still without power after winds toppled lines overnight.", "",
      "The utility said it hoped to restore most customers by Tuesday morning but warned that some rural roads remained blocked.", "",
      "1:15 p.m.", "",
      "County officials opened two shelters at high schools in Kessel and Marrow Flat for people whose homes lost heat.", "",
      "Copyright 2026 The Wire Service. All rights reserved." })
    assert.is_true(has_paragraph(doc, "3:50 p.m."))
    assert.is_true(has_paragraph(doc, "1:15 p.m."))
  end)

  it("drops an outlet's closing note on the newsroom partnership it belongs to", function()
    local doc = live("Harlan City Radio is part of the Lakeshore News Collaborative, a partnership of public radio and television stations across the region.")
    for _, p in ipairs(L) do assert.is_true(has_paragraph(doc, p), p) end
    assert.is_false(has_paragraph(doc, "Lakeshore News Collaborative"))
  end)

  it("drops a member note whose media words come from the media_members option", function()
    local doc = live("Harlan City Radio is a member of the Lakeshore Reporting Pool, a group of community weeklies.",
      { media_members = { "community weeklies" } })
    assert.is_false(has_paragraph(doc, "Lakeshore Reporting Pool"))
  end)

  it("keeps a closing paragraph saying a hospital is part of a network of clinics", function()
    local doc = live("The Harlan Gate clinic is part of the Eastshore Health Network, a partnership of six hospitals and clinics in the county.")
    assert.is_true(has_paragraph(doc, "Eastshore Health Network"))
  end)
end)

local R = {
  "Halfway through Corin Vail's second novel, a lighthouse keeper's daughter finds a ledger of ships that never reached port, and the book turns from a family story into something colder.",
  "Vail is very good on the work of the place: the lamp oil, the logbooks, the winter weeks when the supply boat does not come and the family counts its flour by the cup.",
  "Not everything works. A late subplot about a land agent feels rushed, and one revelation in the final chapter is signalled too early to land with much force.",
}

describe("clean: a book review's publication and ordering line", function()
  it("drops the line giving the publisher, the page count, the price and how to order", function()
    local doc = run(lines { "The Eastbrook Review", "Books", "",
      "The Keeper's Ledger by Corin Vail review - a lighthouse novel with a cold heart", "",
      "Ines Marwood", "Sat 9 May 2026 09.00 BST", "", R[1], "", R[2], "", R[3], "",
      "The Keeper's Ledger by Corin Vail is published by Tidemark Books (296pp, £16.99). To order a copy for £14.44 go to eastbrookbookshop.example. Delivery charges may apply.", "",
      "More book reviews", "© 2026 The Eastbrook Review Ltd. All rights reserved." })
    for _, p in ipairs(R) do assert.is_true(has_paragraph(doc, p), p) end
    assert.is_false(has_paragraph(doc, "is published by Tidemark Books"))
  end)

  it("keeps a paragraph that reports a book was published by a press", function()
    local doc = run(lines { "The Eastbrook Review", "", "Corin Vail's novel wins the Saltmarsh prize", "",
      "Ines Marwood", "Sat 9 May 2026 09.00 BST", "", R[1], "", R[2], "",
      "The novel was published by Tidemark Books last spring and has sold more than 40,000 copies, the publisher said on Friday.", "",
      "© 2026 The Eastbrook Review Ltd. All rights reserved." })
    assert.is_true(has_paragraph(doc, "was published by Tidemark Books last spring"))
  end)
end)

local F = {
  "The harbour commission said the ferry between Port Carrow and the island of Innish would be out of service for three weeks from Monday while its engines were overhauled.",
  "Hauliers have been told that freight will go on the weekly cargo sailing from Port Carrow, which will run three times a week for the period.",
  "Commissioner Aine Kermode said shops in the north of the island were worried about deliveries of fresh food during the busy summer weeks.",
}

local function ferry(ad)
  return run(lines { "Innish Examiner", "", "Island ferry out of service for three weeks", "",
    "By Colm Brew", "Updated: 14 May 2026", "", F[1], "", F[2], "", "Advertisement", "", ad, "", F[3], "",
    "© 2026 Innish Examiner" })
end

describe("clean: a shop's advertisement under its label", function()
  it("drops an advertisement closed by a shop's opening hours and address", function()
    local doc = ferry("Kermode's Hardware - Garden furniture now in stock. Open 7 days, Harbour Road.")
    for _, p in ipairs(F) do assert.is_true(has_paragraph(doc, p), p) end
    assert.is_false(has_paragraph(doc, "Garden furniture now in stock"))
  end)

  it("drops an advertisement closed by its weekday opening hours", function()
    local doc = ferry("Carrow Bakery - Fresh bread and island cakes. Open Mon-Sat 8am-4pm, Quay Street.")
    assert.is_false(has_paragraph(doc, "Fresh bread and island cakes"))
  end)

  it("keeps a paragraph under the label that says when a place is open", function()
    local doc = ferry("The island's health centre said it would stay open seven days a week while the ferry was out of service.")
    assert.is_true(has_paragraph(doc, "health centre said it would stay open"))
  end)
end)

local A = {
  "TARNOV (WS) — A cargo drone carrying medical supplies to the mountain town of Verhny Lug crashed into a reservoir on Friday shortly after take-off, the regional aviation office said.",
  "The drone, one of six the region bought last year, lost contact with its operators four minutes into the flight and came down about two kilometres from the airfield.",
  "Nobody was hurt, the office said, but the town's clinic would have to wait until Monday for a delivery of insulin and antibiotics by road.",
  "It is the second crash of one of the drones this year. In March another lost power over a forest and was found by hunters a week later.",
}
local T = {
  "A regional health official in the south of the country said on Thursday that three clinics would close over the winter because there were not enough nurses to staff them, a decision that has angered residents of the villages around them who now face a drive of two hours to the nearest doctor.",
  "Shoppers in the capital queued for hours outside electronics stores on Friday as retailers cut prices on televisions, phones and laptops by up to half in the busiest sales weekend of the year, and several chains said their websites had slowed under the number of visitors trying to buy online.",
  "A court in the port city of Zelengrad sentenced a former harbour official to six years in prison on Wednesday for taking bribes from shipping agents in return for letting containers through without inspection, the second such case this year.",
}

local function portal(header)
  local t = { "Portal News", "Home | Mail | News | Sport | Finance", "",
    "Drone carrying medicines crashes into reservoir", "Science", "Wire Service", "12 Comments", "",
    T[1], "", "Clinics", "Wire Service", "", T[2], "", "Sales", "Wire Service", "", T[3], "",
    "Drone carrying medicines crashes into reservoir", "Wire Service" }
  for _, l in ipairs(header) do t[#t + 1] = l end
  for _, l in ipairs { "(BUTTON) 12 Comments", "1 / 4", "", A[1], "", A[2], "", A[3], "", A[4], "",
    "What to Read Next", "Ferry fares to rise in spring", "Terms | Privacy | About our Ads" } do
    t[#t + 1] = l
  end
  return run(lines(t))
end

describe("clean: the article's lead under its header", function()
  it("takes the dateline lead under its byline and timestamp over teaser blurbs above it", function()
    local doc = portal { "IRINA SOLOVKINA", "December 4, 2026, 10:15 AM" }
    -- (the lead's dateline goes to its field)
    assert.is_true(has_paragraph(doc, "A cargo drone carrying medical supplies"))
    assert.equals("TARNOV", doc.dateline)
    for x = 2, #A do assert.is_true(has_paragraph(doc, A[x]), A[x]) end
    for _, p in ipairs(T) do assert.is_false(has_paragraph(doc, p), p) end
  end)

  it("keeps the chosen window when no header stands above the dateline lead", function()
    local doc = portal {}
    assert.is_true(has_paragraph(doc, T[2]))
  end)
end)

describe("clean: a topic's link box inside the article", function()
  local function box(closer)
    return run(lines { "Capital Wire", "", "Harbour tunnel inquiry hears from former engineers", "",
      "By Ros Delacourt", "November 19, 2026 / 6:40 PM", "", P1, "", P2, "",
      "Harbour Tunnel Inquiry More", "",
      "     * Watch live: Chief engineer testifies at tunnel inquiry over flood defences",
      "     * Five key moments from the first day of the harbour tunnel hearings",
      "     * Contractor says it was never shown the flood survey before it started digging",
      "", "   " .. closer, "", P4, "", P6, "", "© 2026 Capital Wire" })
  end

  it("drops a bulleted link box between a \"TOPIC More\" heading and \"More in TOPIC\"", function()
    local doc = box("More in Harbour Tunnel Inquiry")
    for _, p in ipairs { P1, P2, P4, P6 } do assert.is_true(has_paragraph(doc, p), p) end
    assert.is_false(has_paragraph(doc, "Five key moments"))
    assert.is_false(has_paragraph(doc, "Harbour Tunnel Inquiry More"))
    assert.is_false(has_paragraph(doc, "More in Harbour Tunnel Inquiry"))
  end)
end)
