-- Specs of the clean stage for the body failure kinds of the eleventh blind page set
-- (issue 4): a photo caption closed by a "©" credit (an agency and a person set apart
-- by a slash, or a person alone), an affiliate or sponsorship disclosure wherever it
-- stands, a subhead right under a price box's run of links, and a release's
-- "About NAME" box whose paragraph describes NAME ("NAME is a ...") with no web
-- address. Every page below is invented (fictional towns, people, firms and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines

local P1 = "Ferry crossings between Harrowmere and the Pell islands will double from March after the harbour board approved a second berth on Thursday."
local P2 = "The board said the new berth, built on the site of an old coal wharf, would cost 14 million crowns and take eleven months to finish."
local P3 = "\"We have turned people away every summer for a decade,\" said harbour master Ilse Varrow. \"That ends next year.\""
local P4 = "Islanders have asked for a later evening sailing, which the operator said it would consider once the berth opens."

-- the page: middle above the first paragraph, inner between the second and the third,
-- tail under the last
local function page(middle, tail, inner)
  local t = { "HARROWMERE COURIER", "News | Sport | Islands | Business", "",
    "Pell ferry crossings to double as second berth approved", "By Mattis Dunleavy", "December 3, 2026", "" }
  for _, l in ipairs(middle or {}) do t[#t + 1] = l end
  for k, p in ipairs { P1, P2, P3, P4 } do
    t[#t + 1] = p; t[#t + 1] = ""
    if k == 2 then for _, l in ipairs(inner or {}) do t[#t + 1] = l end end
  end
  for _, l in ipairs(tail or {}) do t[#t + 1] = l end
  t[#t + 1] = "© 2026 Harrowmere Courier. All rights reserved."
  return lines(t)
end

describe("clean: body kinds of the eleventh blind page set", function()
  it("drops a photo caption closed by a © credit", function()
    for _, cap in ipairs {
      "Passengers board the morning ferry at Pell Quay. © HPA/Delia Marsh",
      "The old coal wharf at low tide. ©Ridgeline Photo/Tomas Eberle",
      "Harbour master Ilse Varrow on the new berth's slipway. © Corrin Agency / Joel Renner",
      "A crane lifts the first pontoon into place. (c) NPX/Hanna Liedtke",
      "Gulls over the harbour wall at dawn. © Tomas Eberle",
    } do
      assert.same({ P1, P2, P3, P4 }, run(page({ cap, "" })).paragraphs)
      assert.same({ P1, P2, P3, P4 }, run(page(nil, nil, { cap, "" })).paragraphs)
      -- (above the paragraph that carries the dateline, in its group)
      assert.same({ P1, P2, P3, P4 }, run(page({ cap })).paragraphs)
    end
  end)

  it("keeps a body paragraph that names a copyright or a slash", function()
    local s = "The board's map of the berth, marked © Harrowmere Harbour Board 1974, was found in a drawer at the harbour office, Varrow said."
    assert.same({ P1, P2, s, P3, P4 }, run(page(nil, nil, { s, "" })).paragraphs)
    local s2 = "Fares on the 24/7 night service will rise by a tenth, the operator Pell Lines/Harrowmere said."
    assert.same({ P1, P2, s2, P3, P4 }, run(page(nil, nil, { s2, "" })).paragraphs)
    local s3 = "The berth's plans, © 2019 by the harbour board, show a second slipway for the lifeboat."
    assert.same({ P1, P2, s3, P3, P4 }, run(page(nil, nil, { s3, "" })).paragraphs)
  end)

  it("drops an affiliate or sponsorship disclosure wherever it stands", function()
    for _, d in ipairs {
      "If you buy something through links in this article, we may earn a small commission. Find out more.",
      "We may earn a commission from purchases made through links on this page.",
      "This article contains affiliate links. The Courier may receive a share of the sale at no extra cost to you.",
      "Disclosure: we earn an affiliate commission on purchases made through our links.",
      "Paid partnership with Corrin Outdoor",
      "Sponsored links",
    } do
      assert.same({ P1, P2, P3, P4 }, run(page({ d, "" })).paragraphs)
      assert.same({ P1, P2, P3, P4 }, run(page(nil, { d, "" })).paragraphs)
      assert.same({ P1, P2, P3, P4 }, run(page(nil, nil, { d, "" })).paragraphs)
    end
  end)

  it("keeps body sentences about affiliate commissions and paid partnerships", function()
    local s = "Affiliate commissions now make up a fifth of the ferry operator's booking revenue, its chief executive told shareholders."
    assert.same({ P1, P2, P3, P4, s }, run(page(nil, { s, "" })).paragraphs)
    local s2 = "The regulator fined two travel influencers who failed to label a paid partnership with the operator, it said on Tuesday."
    assert.same({ P1, P2, P3, P4, s2 }, run(page(nil, { s2, "" })).paragraphs)
  end)

  it("keeps a subhead right under a price box's run of links", function()
    local R1 = "The Corrin Trail 2 is a walking watch that lasts a full week on one charge, which is more than most rivals at twice the price can manage."
    local R2 = "The screen is bright enough to read in full sun, though the buttons are small for gloved hands."
    local R3 = "Battery life is the standout. In a week of daily hikes with the map on, the watch still had a fifth of its charge left."
    local t = { "TRAILKIT", "Reviews | Watches | Boots | Deals", "",
      "Corrin Trail 2 review: a walking watch that lasts all week", "By Ruth Okonkwo-Bale", "November 20, 2026", "",
      R1, R2, "Best Corrin Trail 2 prices today", "$189 at Pinemart", "$194 at Outfitta", "See all prices",
      "Battery life", R3, "", "© 2026 Trailkit" }
    assert.same({ R1, R2, "Battery life", R3 }, run(lines(t)).paragraphs)
  end)

  it("still drops the last link of a run of headlines right above a paragraph", function()
    local t = { "HARROWMERE COURIER", "News | Sport | Islands | Business", "",
      "Pell ferry crossings to double as second berth approved", "By Mattis Dunleavy", "December 3, 2026", "",
      P1, P2, "More on the islands", "Pell school to reopen after storm repairs", "Island bus route cut to three days a week",
      "Ferry fares", P3, P4, "", "© 2026 Harrowmere Courier" }
    local doc = run(lines(t))
    assert.same({ P1, P2, P3, P4 }, doc.paragraphs)
  end)

  it("drops a related story's headline closing a run of links though it shares the paragraph's topic word", function()
    -- (regression: a six-word headline over a paragraph with "ferry-borne" was kept as a subhead)
    local Q = "The old berth was rebuilt in 2011 and sold at the time as ferry-proof against storms, a claim the board no longer makes."
    local t = { "HARROWMERE COURIER", "News | Sport | Islands | Business", "",
      "Pell ferry crossings to double as second berth approved", "By Mattis Dunleavy", "December 3, 2026", "",
      P1, P2, "More on the islands", "Pell school to reopen after storm repairs", "Island bus route cut to three days a week",
      "Harrowmere braces for second ferry strike", Q, P4, "", "© 2026 Harrowmere Courier" }
    assert.same({ P1, P2, Q, P4 }, run(lines(t)).paragraphs)
  end)

  it("drops a release's 'About NAME' box that describes NAME, with no web address", function()
    local tail = { "About Halvard Freight",
      "Halvard Freight is a rail logistics company based in Tarrow, running 30 trains a week between the port and four inland terminals.",
      "", "Media contact:", "Press office", "press@halvard.example", "" }
    assert.same({ P1, P2, P3, P4 }, run(page(nil, tail)).paragraphs)
    local tail2 = { "About the Pell Islands Trust", "",
      "The Pell Islands Trust is an independent charity that looks after the islands' harbours, paths and two lighthouses.", "" }
    assert.same({ P1, P2, P3, P4 }, run(page(nil, tail2)).paragraphs)
  end)

  it("keeps a body paragraph that describes a firm without an About heading above it", function()
    local s = "Halvard Freight is a rail logistics company based in Tarrow that has bid to run the cargo side of the new berth."
    assert.same({ P1, P2, P3, P4, s }, run(page(nil, { s, "" })).paragraphs)
    -- (an "About NAME" subhead over a self-description with the article going on below it)
    local sub = { "About Tarrow", "", "Tarrow is a market town of 9,000 people at the head of the estuary, and most of the ferry's crew live there.", "",
      "Its council has backed the second berth since the plan was first put forward in 2019, the harbour board said.", "" }
    local doc = run(page(nil, sub))
    assert.same({ P1, P2, P3, P4, sub[1], sub[3], sub[5] }, doc.paragraphs)
  end)
end)
