-- Specs of the clean stage for the body failure kinds found on blind pages (issue 4,
-- round 22): inline advertisement copy (a label set between dashes, a label opening
-- the copy's own line, an offer with a rate and a dial code, a sponsor's thanks, a
-- sponsor's name and slogan), captions with no credit (names at a place with no
-- verb, a position marker "(right)"), an author's note under the body, a pointer to
-- another page of the site, a standing non-discrimination notice, and a court
-- release's closing "The case is ..." line, which stays.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local has_paragraph = pages.has_paragraph
local run = pages.run

local P1 = "The Orrin Falls town council on Tuesday approved a plan to rebuild the Weir Street footbridge, closed since floods damaged its supports last winter."
local P2 = "The new bridge will cost about $2.4 million, most of it from a state resilience grant, and should open to walkers and cyclists by next September."
local P3 = "\"People have been walking an extra mile to get to the school for a year,\" council member Dolores Ingvaldsen said. \"That ends now.\""
local P4 = "Work is due to start in March, when the river is usually at its lowest, and the contractor will keep one lane of Weir Street open throughout."

local HEADER = { "Orrin Falls Ledger", "", "News | Sports | Opinion | Obituaries | Subscribe", "",
    "Council approves new Weir Street footbridge", "", "By Maren Halvorsby", "January 14, 2026", "" }
local FOOTER = { "Share: Facebook | X | Email", "", "© 2026 Orrin Falls Ledger. All rights reserved." }
local function page(head, mid, foot, lead)
  return pages.story(HEADER, lead or P1, { P2, P3, P4 }, head, mid, foot, FOOTER)
end

local function all_kept(doc, lead)
  for _, p in ipairs { lead or P1, P2, P3, P4 } do assert.is_true(has_paragraph(doc, p), p) end
end

describe("clean: inline advertisement copy", function()
  it("drops a label set between dashes and the copy under it", function()
    for _, label in ipairs { "— Advertisement —", "- ADVERTISEMENT -", "~ Sponsored ~" } do
      local doc = run(page(nil, { label, "Harbour Lane Furnishers: 0% interest on dining sets, 10 months to pay. Visit us beside the ferry terminal!" }))
      all_kept(doc)
      assert.is_false(has_paragraph(doc, label), label)
      assert.is_false(has_paragraph(doc, "Harbour Lane Furnishers"), label)
    end
  end)

  it("drops copy with a label opening its own line", function()
    local doc = run(page(nil, { "ADVERTISEMENT: Top up with Kestrel Mobile Wallet and win free data every week!" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Kestrel Mobile Wallet"))
  end)

  it("drops an offer with a rate, a starting sum and a dial code to call", function()
    local doc = run(page(nil, { "Grow your savings with a Tidewell Fixed Deposit – 9.4% p.a. net returns. Start with just Shs 50,000. Dial *318# today." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Tidewell Fixed Deposit"))
  end)

  it("drops a brand's call to book on its own web address", function()
    local doc = run(page(nil, { "Fly direct to Porto and Halifax with Norrland Air. Book now at norrlandair.example" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Norrland Air"))
  end)

  it("drops a thanks to the sponsor with its slogan and call", function()
    local doc = run(page(nil, nil, { "Thanks to our sponsor: Brantley Ford – Proud to support Orrin Falls families. Stop in and see our winter deals!" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Brantley Ford"))
  end)

  it("drops a sponsor's name and slogan under a sponsor heading", function()
    -- (inside the body, under its second paragraph)
    local doc = run(pages.story(HEADER, P1, { P3, P4 }, nil,
      { P2, { "THANK YOU TO OUR BRIDGE SPONSOR", "Weir Valley Credit Union — Serving Orrin Falls since 1961" } }, nil, FOOTER))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Weir Valley Credit Union"))
  end)

  it("keeps a results line opening on the word Advertising with a sum", function()
    local p = "Advertising: revenue at the Ledger's parent fell 4% to $3.1 million in the quarter."
    local doc = run(page(nil, { p }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, p))
  end)

  it("keeps a news sentence with a percentage and a price", function()
    local p = "Bus fares rise 5% to $3 from Monday, the transit board said."
    local doc = run(page(nil, { p }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, p))
  end)
end)

describe("clean: captions with no credit", function()
  it("drops names at a place with no verb above the lead", function()
    local c = "Bridge engineer Tomas Ekwueme and council member Dolores Ingvaldsen at the Weir Street crossing on the survey day."
    local doc = run(page({ c }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Tomas Ekwueme and"))
  end)

  it("drops a caption with a position marker above a dateline lead", function()
    local c = "Engineer Tomas Ekwueme (left) shows a corroded bolt to council members at the Weir Street crossing."
    local lead = "ORRIN FALLS – " .. P1
    local doc = run(page({ c }, nil, nil, lead))
    assert.is_false(has_paragraph(doc, "corroded bolt"))
    assert.is_true(has_paragraph(doc, P1))
  end)

  it("keeps a lead paragraph that names people with a position marker and reports", function()
    local lead = "Council member Dolores Ingvaldsen (right) said on Tuesday the town would rebuild the Weir Street footbridge, closed since floods damaged its supports last winter."
    local doc = run(page(nil, nil, nil, lead))
    all_kept(doc, lead)
  end)

  it("keeps a short paragraph whose verb in the present comes before a place", function()
    local p = "The grant moves Orrin Falls to third in the state queue, two places behind Harlow."
    local doc = run(page(nil, { p }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, p))
  end)

  it("keeps a sentence with a position marker that narrates in the past tense", function()
    local p = "Striker Tomas Ekwueme (left) scored twice in the second half at the Weir Street ground."
    local doc = run(page(nil, { p }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, p))
  end)
end)

describe("clean: an author's note under the body", function()
  it("drops a note on the byline's author with a way to reach her", function()
    local doc = run(page(nil, nil, { "Maren Halvorsby covers the town council each week. Reach her at mhalvorsby@orrinledger.example or 555-0162." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "covers the town council"))
  end)

  it("drops a note on the byline's author's life and work", function()
    local doc = run(page(nil, nil, { "Maren Halvorsby grew up in Orrin Falls and now runs the Ledger's city desk." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "grew up in Orrin Falls"))
  end)

  it("keeps a closing news paragraph that names another person", function()
    local p = "Dolores Ingvaldsen grew up on Weir Street and said she would walk the new bridge on its first day."
    local doc = run(page(nil, nil, { p }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, p))
  end)
end)

describe("clean: notices and closing lines of a release", function()
  it("drops a pointer to another page of the site under the body", function()
    local doc = run(page(nil, nil, { "For the latest information on road closures, see our Travel Updates page." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Travel Updates page"))
  end)

  it("drops a standing non-discrimination notice under a release", function()
    local doc = run(page(nil, nil, { "The Orrin Falls School District does not discriminate on the basis of race, color, national origin, sex, religion, age or disability in its programs and activities." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "does not discriminate"))
  end)

  it("keeps a court release's closing line naming the case above its media contact", function()
    local p = "The case is Lindgren v. Orrin Falls Feed Mill, No. C25-0481."
    local doc = run(page(nil, nil, { p, "Media contact: Anneke Voss, Public Information Officer, 555-0177, avoss@courts.example", "More news" }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, p))
  end)

  -- regression: the first word was looked up only when it was at most 11 bytes long, so
  -- a user's longer imperative (the option ad_verbs) never matched
  it("reads a user's ad verb of any length", function()
    local W = pages.WATER
    for _, v in ipairs({ "Modernise", "Revolutionise" }) do
      local ad = v .. " your patio with the Kestrel Outdoor Living range this spring. Shop now at kestrel.example"
      local text = pages.page({ "Orvanne Valley Courier", "", "Valley water to be cut ten hours a day", "",
        "By Idony Farrant", "March 3, 2026", "" }, { W[1], W[2], ad, W[3], W[4] }, { "© Orvanne Valley Courier 2026" })
      assert.is_false(has_paragraph(run(text, { ad_verbs = { v:lower() } }), v))
      assert.is_true(has_paragraph(run(text, {}), v))
    end
  end)
end)
