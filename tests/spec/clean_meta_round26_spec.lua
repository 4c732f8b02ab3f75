-- Specs of the clean stage's metadata kinds of development sets h77 and h78: Armenia's
-- zone, AMT, and the other unambiguous zones added with it; a bare place before a dash
-- that the article writes nowhere but the page's imprint gives as an address; a photo
-- caption closed by its credit sentence over the dateline's paragraph; jobs joined by
-- "&" or "and" after a byline's comma ("NAME, President & CEO"), never an outlet; a
-- dated masthead ("NAME · SUNDAY 19.10.2025") over a footer's company copyright. Every
-- page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")
local dates = require("docpipe.clean.dates").new("en")

describe("clean meta round 26: zones", function()
  it("reads AMT as Armenia Time, and the zones added with it", function()
    assert.are.equal("2025-03-14T09:05:00+04:00", dates:parse("14.03.2025 09:05 AMT"))
    assert.are.equal("2019-01-10T08:00:00+04:30", dates:parse("10 January 2019, 08:00 IRDT"))
    assert.are.equal("2018-12-02T17:30:00-02:00", dates:parse("02/12/2018 17:30 BRST"))
    assert.are.equal("2025-06-03T10:15:00+13:00", dates:parse("3 June 2025 10:15 WSST"))
    assert.are.equal("2025-06-03T10:15:00-03:00", dates:parse("3 June 2025 10:15 FKST"))
  end)

  it("gives an AMT page its time and offset", function()
    local doc = run(lines {
      "THE ARAVAN COURIER",
      "News from the highlands in English",
      "",
      "Water supply restored to Dzorashen after pipe burst",
      "By Ani Melkonyan-Sarkisyan",
      "21.02.2025 18:40 AMT",
      "",
      "Water supply to the village of Dzorashen was restored on Friday evening, two days after a main pipe burst under the road to the regional centre.",
      "",
      "Repair crews worked through the night to replace a 40-metre section of the pipe, the regional water company said.",
      "",
      "Residents had been supplied by tanker trucks while the repairs went on.",
      "",
      "© 2025 The Aravan Courier",
    })
    assert.are.equal("2025-02-21T18:40:00+04:00", doc.date)
  end)
end)

describe("clean meta round 26: datelines", function()
  it("reads a bare place before a dash that the page's imprint gives as an address", function()
    local lead = "Kulhudhoo — The island council on Sunday approved a plan to rebuild the harbour wall damaged by the monsoon swells, officials said."
    local art = "Council approves harbour wall plan\n|\n" .. lead
    assert.is_nil(meta.dateline(lead, art, "page"))
    local dl = meta.dateline(lead, art, "Home\n" .. lead .. "\n© 2025 Lagoon Post. Kulhudhoo, Republic of Maldives.")
    assert.are.equal("Kulhudhoo", dl.place)
    -- (a name written beside no region is no address)
    assert.is_nil(meta.dateline(lead, art, "Home\n" .. lead .. "\nKulhudhoo, Harbour Road 4"))
    local doc = run(lines {
      "Lagoon Post",
      "Home | News | Business | Sport",
      "",
      "Island council approves harbour wall plan",
      "By Aishath Nazeema Ali",
      "3 March 2025, 10:20 MVT",
      "",
      "Velidé — The island council on Sunday approved a plan to rebuild the harbour wall damaged by the monsoon swells, officials said.",
      "",
      "The wall, built in the 1990s, was breached in two places in September and fishermen have since moored their boats on the lagoon side.",
      "",
      "Work is expected to start in May and take six months, the council said.",
      "",
      "© 2025 Lagoon Post. All rights reserved. Velidé, Republic of Maldives.",
    })
    assert.are.equal("Velidé", doc.dateline)
    assert.are.equal("The island council", doc.paragraphs[1]:sub(1, 18))
  end)

  it("reads a photo caption closed by its credit sentence as a caption, so the dateline opens the next paragraph", function()
    assert.is_true(meta.caption_like("The two foals graze in the paddock on their first day out. Photo by Ines Marwood-Tate, Brackenfold Farm Park."))
    assert.is_true(meta.caption_like("Keepers weigh the chick on Monday morning. Picture: Tobias Lindgren"))
    assert.is_false(meta.caption_like("The farm park said the foals were born on Aug. 3 and are both healthy, according to its vet."))
  end)
end)

describe("clean meta round 26: bylines", function()
  it("reads jobs joined by '&' or 'and' after the byline's comma as the writer's, never an outlet", function()
    for _, s in ipairs { "By Delphine Osei-Marlow, President & CEO", "By Delphine Osei-Marlow, Editor and Publisher",
      "By Delphine Osei-Marlow, Chair & Treasurer", "By Delphine Osei-Marlow, CEO" } do
      local by = meta.byline(s)
      assert.are.same({ "Delphine Osei-Marlow" }, by.authors)
      assert.is_nil(by.outlet)
    end
    -- (an outlet's name holding "&" stays one)
    assert.are.equal("Reef & Rock Mining Weekly", meta.byline("By Delphine Osei-Marlow, Reef & Rock Mining Weekly").outlet)
    local doc = run(lines {
      "Harlow Bend Business Association",
      "Member Login | Join | Events | News | Contact",
      "",
      "Survey finds members short of delivery drivers",
      "By Delphine Osei-Marlow, President & CEO",
      "2025-10-02 09:15 CDT",
      "",
      "More than half of the association's members said they could not find enough delivery drivers this autumn, according to a survey published on Thursday.",
      "",
      "The survey of 140 businesses found that shops and restaurants were the hardest hit, with many cutting delivery hours.",
      "",
      "The association will hold a meeting with the county's job centre later this month.",
      "",
      "© 2025 Harlow Bend Business Association. All rights reserved.",
    })
    assert.are.same({ "Delphine Osei-Marlow" }, doc.authors)
    assert.are.equal("Harlow Bend Business Association", doc.outlet)
  end)
end)

describe("clean meta round 26: outlets", function()
  it("takes a dated masthead's name over the footer's company copyright holder", function()
    local doc = run(lines {
      "BRAMBLECOTE TRIATHLON · SATURDAY 14.06.2025",
      "",
      "Home | The Races | Enter | Course | Volunteer | News",
      "",
      "Swim leg moved to the north lake after algae tests",
      "By Owen Trescothick-Hale",
      "Published 2 May 2025, 11:00 BST",
      "",
      "The swim leg of this year's Bramblecote Triathlon will move to the north lake after water tests found algae in the reservoir used since 2019, organisers said.",
      "",
      "The new swim course is the same length and starts from the sailing club's slipway, about a mile from the transition area.",
      "",
      "Competitors will be sent new maps by email in the coming weeks.",
      "",
      "© 2025 Bramblecote Endurance Events Ltd · Privacy · Terms",
    })
    assert.are.equal("Bramblecote Triathlon", doc.outlet)
  end)
end)
