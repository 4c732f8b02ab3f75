-- Specs of the clean stage for body failure kinds (issue 4, round 9): a closing note on
-- the credit programme that funds or shares the story, teaser cards whose headline a
-- dump writes twice (on one line or a few lines apart, with the card's blurb), a run of
-- long headline lines, a caption under a bare "Caption" label, a player's countdown, a
-- picture's description written twice, a wire caption's "In this photo ..." opener
-- (and the dateline lead paragraph below it), an embedded post's label and a
-- programme's listen-back promo. Every page below is invented (fictional towns,
-- people, outlets and programmes, unless a programme named in
-- en/clean_meta_programmes.txt).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph
local teasers = require "docpipe.clean.teasers"

local P1 = "The Harlow Bend town council voted 6-3 on Monday to close the old swing bridge over the Merrin River to cars from June, after engineers found corrosion in two of its four main girders."
local P2 = "Mayor Odile Fenwright said the bridge would stay open to people on foot and on bicycles while the council sought money for a replacement, which engineers priced at about $14 million."
local P3 = "\"We cannot ask drivers to cross a bridge our own engineers will not sign off on,\" Fenwright told a packed meeting at the Harlow Bend community hall on Monday night."
local P4 = "Drivers will have to use the Kessel Road crossing, about six kilometres downstream, which the council expects to add ten minutes to the trip for most people in the east of town."

local function page(middle, tail)
  local t = { "Merrin Valley Courier", "News  Sport  Weather  Obituaries", "",
    "Harlow Bend to close swing bridge to cars after girders corrode",
    "By Tamsin Abernethy-Roe", "Tuesday 3 March 2026 07:15 GMT", "", P1, "", P2, "" }
  for _, l in ipairs(middle or {}) do t[#t + 1] = l end
  t[#t + 1] = P3; t[#t + 1] = ""; t[#t + 1] = P4; t[#t + 1] = ""
  for _, l in ipairs(tail or {}) do t[#t + 1] = l end
  t[#t + 1] = ""
  t[#t + 1] = "© 2026 Merrin Valley Courier. All rights reserved."
  return lines(t)
end

local function keeps_all(doc)
  for _, p in ipairs { P1, P2, P3, P4 } do assert.is_true(has_paragraph(doc, p), p) end
end

describe("clean: closing notes on a credit programme", function()
  it("drops a closing note describing the programme that funds the reporter", function()
    local doc = run(page(nil, { "The Local Journalism Initiative is funded by the Government of Canada.", "",
      "Share this story", "Most read", "1 Ferry timetable changes for spring" }))
    keeps_all(doc)
    assert.is_false(has_paragraph(doc, "Local Journalism Initiative is funded"))
  end)

  it("drops a closing note saying the programme is a partnership", function()
    local doc = run(page(nil, { "The Local Democracy Reporting Service is a partnership between regional publishers and a public broadcaster to report on councils and courts." }))
    keeps_all(doc)
    assert.is_false(has_paragraph(doc, "is a partnership between regional publishers"))
  end)

  it("drops a closing line saying the reporting is supported by a programme", function()
    local doc = run(page(nil, { "This reporter's position is supported by Report for America, a national service programme that places journalists in local newsrooms." }))
    keeps_all(doc)
    assert.is_false(has_paragraph(doc, "supported by Report for America"))
  end)

  it("drops a programme named in the outlet_programmes option", function()
    local doc = run(page(nil, { "The Merrin Civic Newsroom Fund supports public-interest reporting in the valley's smaller towns." }),
      { outlet_programmes = { "Merrin Civic Newsroom Fund" } })
    keeps_all(doc)
    assert.is_false(has_paragraph(doc, "Merrin Civic Newsroom Fund supports"))
  end)

  it("keeps the paragraphs of an article about the programme", function()
    local A1 = "Ottawa will extend the Local Journalism Initiative for three more years, the heritage minister announced on Thursday, ending months of doubt for dozens of small newsrooms."
    local A2 = "The Local Journalism Initiative pays part of the salary of about 400 reporters at papers and radio stations across the country, many of them in towns with no other local news."
    local A3 = "Editors had warned that the Local Journalism Initiative's end would leave some councils with no reporter at their meetings at all, the Pine Rapids Herald reported last month."
    local A4 = "The Local Journalism Initiative is funded by the Government of Canada through a federal heritage fund."
    local doc = run(lines { "Pine Rapids Herald", "News  Sport", "", "Ottawa extends local news programme for three years",
      "By Wendell Ashgrove", "Friday 6 March 2026 09:00 EST", "", A1, "", A2, "", A3, "", A4, "",
      "© 2026 Pine Rapids Herald" })
    for _, p in ipairs { A1, A2, A3, A4 } do assert.is_true(has_paragraph(doc, p), p) end
  end)

  it("keeps a closing news sentence that names a programme", function()
    local last = "The Courier's two council reporters are funded by the Local Journalism Initiative, editor Mabel Quint said on Monday, and both will cover the bridge."
    local doc = run(page(nil, { last }))
    keeps_all(doc)
    assert.is_true(has_paragraph(doc, last))
  end)
end)

describe("clean: teaser cards written twice", function()
  it("finds the opening words of a line written twice", function()
    assert.equals(4, (teasers.doubled("Ferry fares to rise Ferry fares to rise")))
    assert.equals(2, (teasers.doubled("Meet the Meet the \"river keepers\" of Harlow Bend")))
    assert.is_nil(teasers.doubled("The river rose and the river fell"))
    assert.is_nil(teasers.doubled("Very very cold night in the valley"))
  end)

  it("drops headlines written twice on their line inside the body", function()
    local doc = run(page({ "Why the valley's orchards are moving uphill Why the valley's orchards are moving uphill",
      "Meet the Meet the \"river keepers\" who count every salmon in the Merrin", "" }))
    keeps_all(doc)
    assert.is_false(has_paragraph(doc, "orchards are moving uphill"))
    assert.is_false(has_paragraph(doc, "river keepers"))
  end)

  it("drops a teaser card whose headline stands twice, with its blurb", function()
    local doc = run(page({
      "Opinion",
      "Column: The valley cannot afford to lose another crossing",
      "HB-BRIDGE-FILE-0412",
      "Opinion",
      "Column: The valley cannot afford to lose another crossing",
      "When the old ferry stopped running in 1998, the east side of Harlow Bend lost its shortest road to the hospital, and the town has argued about a new crossing ever since.",
      "" }))
    keeps_all(doc)
    assert.is_false(has_paragraph(doc, "Column: The valley cannot afford"))
    assert.is_false(has_paragraph(doc, "When the old ferry stopped running in 1998"))
  end)

  it("keeps a paragraph that repeats a line far from it", function()
    local sub = "What happens to the buses"
    local doc = run(page({ sub, "Bus route 12 will turn at the bridge from June, and the council will add a shuttle from the east bank to the station every twenty minutes at peak times.", "" }))
    keeps_all(doc)
    assert.is_true(has_paragraph(doc, "Bus route 12 will turn at the bridge"))
  end)

  it("drops a run of long headline lines in one group", function()
    local doc = run(page({
      "Volunteers rebuild the old ferry landing after the spring floods on the Merrin",
      "Harlow Bend school board delays vote on a new sports field near the river",
      "Kessel Road traffic lights to be replaced by a roundabout next summer, council says",
      "Merrin Valley farmers count the cost of a wet winter in the lower fields", "" }))
    keeps_all(doc)
    assert.is_false(has_paragraph(doc, "Volunteers rebuild the old ferry landing"))
    assert.is_false(has_paragraph(doc, "farmers count the cost"))
  end)
end)

describe("clean: captions and players", function()
  it("drops the block under a bare Caption label and a player's countdown", function()
    local doc = run(page({ "Caption",
      "Engineers inspect the corroded girders of the Harlow Bend swing bridge in February.",
      "Wait 1 second to continue.", "" }))
    keeps_all(doc)
    assert.is_false(has_paragraph(doc, "Engineers inspect the corroded girders"))
    assert.is_false(has_paragraph(doc, "Wait 1 second"))
  end)

  it("drops a picture's description written twice", function()
    local doc = run(page({ "Tollkeeper Ansel Marrow on the swing bridge he has opened for boats since 1987, with his dog Pip.", "",
      "Tollkeeper Ansel Marrow on the swing bridge that he has opened for passing boats since 1987, with his dog Pip", "" }))
    keeps_all(doc)
    assert.is_false(has_paragraph(doc, "Tollkeeper Ansel Marrow"))
  end)

  it("drops a wire caption and keeps the dateline lead paragraph under it", function()
    local lead = "HARLOW BEND (Valley Wire) — The town council voted on Monday to close the old swing bridge to cars from June, after engineers found corrosion in two of its four main girders and warned it could fail under a heavy lorry."
    local doc = run(lines { "Valley Wire", "News  Business", "", "Harlow Bend to close swing bridge to cars",
      "By Tamsin Abernethy-Roe", "Tuesday 3 March 2026 07:15 GMT", "",
      "In this photo provided by the Harlow Bend council, engineers inspect the corroded girders of the swing bridge over the Merrin River, Feb. 12, 2026. The council said on Monday that the bridge would close to cars from June while it looks for money to replace it.",
      "HARLOW BEND COUNCIL", "", lead,
      "In this photo provided by the Harlow Bend council",
      "View all (3)", "", P2, "", P3, "", P4, "", "© 2026 Valley Wire" })
    assert.is_true(has_paragraph(doc, "The town council voted on Monday to close the old swing bridge"))
    for _, p in ipairs { P2, P3, P4 } do assert.is_true(has_paragraph(doc, p), p) end
    assert.is_false(has_paragraph(doc, "In this photo provided by"))
    assert.is_false(has_paragraph(doc, "View all"))
  end)
end)

describe("clean: embeds and promos", function()
  it("drops an embedded post's label and a programme's listen-back promo", function()
    local doc = run(page({ "Twitter post by @HarlowBendCouncil: The swing bridge will close to vehicles from 1 June. Pedestrians and cyclists can still cross. Image Copyright @HarlowBendCouncil", "" },
      { "Listen to Valley Drive live at 07:30 and 17:30 weekdays - or listen back here." }))
    keeps_all(doc)
    assert.is_false(has_paragraph(doc, "Twitter post by"))
    assert.is_false(has_paragraph(doc, "listen back here"))
  end)
end)
