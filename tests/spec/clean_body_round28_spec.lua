-- Specs of the clean stage for body failure kinds (round 28): a hard-wrapped page whose
-- header holds a ticker and a menu wider than the body's column (a paragraph must not
-- break where the next line opens with a figure); a sentence with few function words
-- introducing a list; a subhead over such a sentence right under a gallery's lines; a
-- numbered step of the article that speaks to the reader of members and comments; a
-- bare "[IMG]" marker over a caption; a caption right under its credit line or its
-- image marker; an advertisement slot's "Scroll to continue" filler; an advertisement
-- set between two rules of dashes; an appeal box above its button; a prompt opened by a
-- link arrow; a "Related" list with a line that went for its few function words; a
-- notice in capitals linking away ("Click here ..."); and a brand's list of services in
-- longer sentences under an advertisement label; a short block opening the body right
-- above the dateline paragraph. Every page below is invented
-- (fictional towns, people, outlets and companies).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines

local HEAD = { "THE BRANWICK COURIER", "News from the Lathe valley", "",
  "Home | News | Business | Sport | Opinion", "",
  "Branwick council agrees to rebuild the Ferrow Lane culvert", "",
  "By Odile Marchetti-Haye", "March 3, 2026", "" }
local P1 = "Branwick's district council has agreed to rebuild the culvert under Ferrow Lane, which collapsed during the January storms and has kept the road closed for six weeks."
local P2 = "The work will cost about 620,000 pounds and should take four months, the council's highways officer told members at a meeting on Monday evening."
local P3 = "Residents of the lane have had to take a detour of more than three miles to reach the school and the surgery since the collapse."
local P4 = "\"We have been patient, but the detour adds half an hour to every trip,\" said resident Crispin Adebayo-Lowe, who runs a farm shop on the lane."
local P5 = "The council said it would publish a timetable for the works on its website once a contractor has been appointed."
local FOOT = { "(c) 2026 The Branwick Courier. All rights reserved." }

local function page(body, head)
  local t = {}
  for _, l in ipairs(head or HEAD) do t[#t + 1] = l end
  for _, l in ipairs(body) do t[#t + 1] = l end
  t[#t + 1] = ""
  for _, l in ipairs(FOOT) do t[#t + 1] = l end
  return lines(t)
end

local function has(doc, needle) return pages.has_paragraph(doc, needle) end

describe("clean: a hard-wrapped page with a ticker and a menu wider than its body", function()
  it("joins a paragraph whose next line opens with a figure", function()
    local t = {
      "THE UPPER LATHE GROUNDWATER LETTER",
      "Independent reporting on wells, springs, rivers and the law in the Lathe valleys",
      "",
      "Home | Wells | Springs | Courts and Permits | Drought Watch | Archives | Search",
      "About | Support the Letter",
      "",
      "Wells board limits new permits as the aquifer keeps falling",
      "",
      "By Tamsin Okonkwo-Reyes",
      "May 6, 2026",
      "",
      "DROUGHT WATCH  Harl Reservoir 58% full (-1.9 pts)  |  Stage 3 water restrictions",
      "in 6 districts  |  Burn bans: 9 districts",
      "",
      "The board of the Upper Lathe wells district voted 5-2 on Monday night to cap",
      "new production permits from the Corran aquifer for at least a year, the first",
      "such limit in the district's history, after a summer of falling well levels",
      "across the valley.",
      "",
      "District general manager Ilse Varga told the board that monitoring wells in",
      "the southern half of the district had dropped an average of 41 feet since",
      "2019, and that several domestic wells near Quarry Road had gone dry in August.",
      "",
      "The order bars the district from granting new permits above 12 acre-feet a",
      "year unless an applicant can show the well will not draw down neighbouring",
      "wells by more than four feet, and it requires meters on all existing permitted",
      "wells from January.",
      "",
      "A second hearing on the order will be held at the district office next month,",
      "and written comments can be sent to the board until the end of the summer, the",
      "district said in a statement on Tuesday.",
      "",
      "The lone vote against came from director Amos Kettering, who said the cap",
      "would fall hardest on small landowners hoping to sell to developers along the",
      "new highway corridor south of the town.",
      "",
      "An attorney for two proposed housing estates, Gwendolyn Marsh, told the board",
      "her clients were reviewing their options, including a challenge in the",
      "district court, and that the estates had already paid for engineering studies",
      "of their planned wells and pipelines.",
      "",
      "Exempt domestic and livestock wells, which under state law do not need a",
      "district permit, are not affected by the order, and the board said it would",
      "publish a guide for owners of those wells before the autumn.",
      "",
      "Several residents who spoke at the meeting said the board had waited too long",
      "to act, pointing to the dry wells along Quarry Road and to a spring at the old",
      "mill that stopped flowing for the first time in living memory last year.",
      "",
      "The district will hold a public hearing on its long-term plan for the aquifer",
      "in September, and the board said it expects to revisit the cap once the autumn",
      "rains have been measured at its monitoring wells.",
      "",
      "(c) 2026 The Upper Lathe Groundwater Letter. All rights reserved.",
    }
    local doc = run(lines(t))
    assert.is_true(has(doc, "an average of 41 feet since 2019, and that several domestic wells"))
  end)
end)

describe("clean: a sentence with few function words introducing a list", function()
  it("keeps the sentence with its items", function()
    local intro = "Wardens recommend these precautions while Ferrow Lane remains closed to traffic:"
    local doc = run(page { P1, "", P2, "", intro, "",
      "    1. Use the signed diversion through Hollin Cross rather than the farm tracks.",
      "    2. Allow an extra half hour for journeys to the school and the surgery.",
      "    3. Report any new subsidence on the verges to the council's highways line.", "",
      P3, "", P4, "", P5 })
    assert.is_true(has(doc, intro))
  end)
end)

describe("clean: a subhead over a sentence introducing a list, under a gallery", function()
  it("keeps the subhead", function()
    local doc = run(page { P1, "", P2, "",
      "   The collapsed culvert after the January storms",
      "   Image 2 of 3",
      "   Ferrow Lane closed at the Hollin Cross junction",
      "",
      "What the engineers found", "",
      "   Over three days of inspections, the engineers recorded:", "",
      "     * a cracked crown along most of the culvert's length",
      "     * two collapsed wing walls on the downstream side", "",
      P3, "", P4, "", P5 })
    assert.is_true(has(doc, "What the engineers found"))
  end)
end)

describe("clean: a numbered step of the article that speaks of members and comments", function()
  it("keeps the step", function()
    local doc = run(page { P1, "", P2, "",
      "We are asking residents to do three things before the consultation closes:", "",
      "1. Send a written response to the council, even a short one, saying how the",
      "   closure has affected your journeys.", "",
      "2. Come to the public meeting at Branwick village hall on March 20 at 7 PM.", "",
      "3. Talk to your neighbours and your family members. Every comment counts.", "",
      P3, "", P4, "", P5 })
    assert.is_true(has(doc, "3. Talk to your neighbours and your family members. Every comment counts."))
  end)
end)

describe("clean: a bare [IMG] marker over a caption", function()
  it("drops the marker with its caption", function()
    local doc = run(page { P1, "", P2, "", "[IMG]",
      "Sandbags along Ferrow Lane near the Hollin Cross junction in January.",
      "(Photo: Courier/Aled Fenwick)", "", P3, "", P4, "", P5 })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: a caption right under its credit line or its image marker", function()
  it("drops a caption under a credit line, the two alone in their group", function()
    local doc = run(page { P1, "", P2, "", "Photo: Aled Fenwick",
      "Engineers inspect the collapsed culvert, looking downstream.", "", P3, "", P4, "", P5 })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)

  it("drops a caption under an image marker whose words it opens with", function()
    local doc = run(page { P1, "", P2, "", "[Image: The collapsed culvert under Ferrow Lane]",
      "The collapsed culvert under Ferrow Lane, which will be replaced by a concrete box section.", "",
      P3, "", P4, "", P5 })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: an advertisement slot's filler asking the reader to scroll", function()
  it("drops it under the label", function()
    local doc = run(page { P1, P2, "- ADVERTISEMENT -", "Scroll to continue with content", P3, P4, P5 })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: an advertisement set between two rules of dashes", function()
  it("drops the copy, the rule under it not joined to it", function()
    local t = { "THE BRANWICK COURIER", "", "Branwick council agrees to rebuild the Ferrow Lane culvert", "",
      "By Odile Marchetti-Haye", "March 3, 2026", "" }
    for _, p in ipairs { P1, P2 } do t[#t + 1] = pages.lynx_wrap(p, 76):gsub("\n   ", "\n"):gsub("^  ", ""); t[#t + 1] = "" end
    t[#t + 1] = string.rep("-", 74)
    t[#t + 1] = "Advertisement"
    t[#t + 1] = "Fly Branwick - Lisbon from 59 euros this spring. Limited seats. Book now at"
    t[#t + 1] = "your travel agent."
    t[#t + 1] = string.rep("-", 74)
    t[#t + 1] = ""
    for _, p in ipairs { P3, P5 } do t[#t + 1] = pages.lynx_wrap(p, 76):gsub("\n   ", "\n"):gsub("^  ", ""); t[#t + 1] = "" end
    local doc = run(lines(t))
    assert.is_false(has(doc, "Fly Branwick"))
    assert.is_true(has(doc, "Residents of the lane"))
  end)
end)

describe("clean: an appeal box closing the body above its button", function()
  it("drops the heading and the blurb", function()
    local doc = run(page { P1, P2, P3, P4,
      "Remember the hospice in your will",
      "Gifts in wills pay for one in every three days of our care. Find out more about leaving a legacy to Branwick Hospice.",
      "Find out more", "Stay in touch",
      "Sign up to our e-newsletter for news, events and ways to get involved.",
      "Your email address Subscribe" })
    assert.same({ P1, P2, P3, P4 }, doc.paragraphs)
  end)
end)

describe("clean: a prompt opened by a link arrow", function()
  it("drops it between two paragraphs", function()
    local doc = run(page { P1, "", P2, "", ">> Pledge or donate to the Ferrow Lane appeal online - every pound counts. Donate now", "", P3, "", P4, "", P5 })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: a Related list with a line that went for its few function words", function()
  it("drops every line of the list", function()
    local long = "The highways officer said the new culvert would be built from precast concrete sections, which can be lifted into place in a few days, and that the lane would reopen to cars before the work on the verges and the drainage ditches was finished in the summer."
    local doc = run(page { P1, "", P2, "", P3, "", "RELATED STORIES",
      "Fuel prices to rise in the district, retailers warn — 2 February 2026",
      "New Lathe Valley Railway carriage arrives at Branwick — 21 January 2026",
      "Market price holds steady despite weak demand — 9 January 2026", "",
      long, "", P4, "", P5 })
    assert.same({ P1, P2, P3, long, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: a notice in capitals linking away", function()
  it("drops it between two paragraphs", function()
    local doc = run(page { P1, "", P2, "",
      "NOTICE: Planned water maintenance, Ward 4 – Tuesday 10/03/2026, 09:00 to 15:00. Click here for affected streets.", "",
      P3, "", P4, "", P5 })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: a brand's list of services under an advertisement label", function()
  it("drops the copy when its sentence runs to twelve words", function()
    local doc = run(page { P1, P2, P3, "Advertisement",
      "Lathe Timber & Joinery — bespoke garden sheds, gates and summer houses built in the valley. Free quotes.",
      P4, P5 })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)
end)

describe("clean: a short block opening the body right above the dateline paragraph", function()
  it("drops it (a caption with an agency's credit)", function()
    local lead = "BRANWICK, Lathe – " .. P1
    local doc = run(page { "Culvert site map",
      "The Ferrow Lane culvert lies between the farm shop and the Hollin Cross junction. LVC map", "",
      lead, "", P2, "", P3, "", P4, "", P5 })
    assert.same({ P1, P2, P3, P4, P5 }, doc.paragraphs)
  end)
end)
