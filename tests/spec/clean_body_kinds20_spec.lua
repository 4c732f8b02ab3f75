-- Specs of the clean stage for the body failure kinds found on blind pages (issue 4,
-- round 20): a caption closed by a credit that names no one ("(Supplied)"); an
-- advertisement under its label made of a brand, a dash and a list of services with an
-- offer and a call; a lone button line inside the body; a question to the reader with a
-- call to register; a share prompt; the attribution line under a repeated pull quote; an
-- "About the host" box after the body.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local has_paragraph = pages.has_paragraph

local P1 = "The Corlow Bay harbour board agreed on Thursday to dredge the inner basin for the first time in eleven years, at a cost of 2.4 million dollars."
local P2 = "Harbour master Ottoline Skerrow said silt had cut the depth at the fuel quay to less than two metres at low tide, and that two trawlers had run aground since May."
local P3 = "\"We are turning boats away at low water, and every boat we turn away takes its catch to another port,\" Skerrow told the board."
local P4 = "Work is due to start in February and to take about nine weeks, with the basin closed to boats over twelve metres on weekdays."

local HEADER = { "Corlow Bay Tidings", "", "News | Fishing | Sport | Notices", "",
    "Harbour board votes to dredge the inner basin", "", "By Peregrine Holloway", "",
    "Friday 6 March 2026 10:05 GMT", "" }
local FOOTER = { "Share: Facebook | X | Email", "", "© 2026 Corlow Bay Tidings. All rights reserved." }
local function page(head, mid, foot)
  return pages.story(HEADER, P1, { P2, P3, P4 }, head, mid, foot, FOOTER)
end
local function run(text) return pages.run(text) end

local function all_kept(doc)
  for _, p in ipairs { P1, P2, P3, P4 } do assert.is_true(has_paragraph(doc, p), p) end
end

describe("clean: a caption closed by a credit that names no one", function()
  it("drops a caption closed by '(Supplied)' or '(Submitted photo)'", function()
    local doc = run(page({ "Skerrow and board chair Leontyne Abbot walk the fuel quay at low tide. (Supplied)" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "walk the fuel quay"))
    doc = run(page({ "A trawler waits for the tide outside the inner basin on Tuesday. (Contributed photo)" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "waits for the tide"))
  end)
end)

describe("clean: an advertisement of a brand and a list of services under its label", function()
  it("drops 'BRAND - services. Offer, call.' under an advertisement label", function()
    local doc = run(page(nil, { "Advertisement", "Kestrel Roofing - gutters, slates and chimneys. Free estimate, call now." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Kestrel Roofing"))
  end)

  it("keeps a paragraph with a lower-case clause after a dash under a label", function()
    local p = "Corlow Bay Council - which owns the quay - will pay for half of the work. The rest comes from the fishing fund."
    local doc = run(page(nil, { "Advertisement", p }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, p))
  end)
end)

describe("clean: a lone button line inside the body", function()
  it("drops 'Book now' standing alone between paragraphs", function()
    local doc = run(page(nil, { "Book now" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Book now"))
  end)
end)

describe("clean: prompts to the reader", function()
  it("drops a question to the reader over a call to register", function()
    local doc = run(page(nil, nil, { "Want to help at the harbour open day? Register at the board office or scan the QR code on the fish market notice board." }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "harbour open day"))
  end)

  it("drops a share prompt", function()
    local doc = run(page(nil, nil, { "Enjoyed this story? Share it with your friends!" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Enjoyed this story"))
  end)

  it("keeps a quoted question and call to register", function()
    local p = "\"Why wait for the dredger? Register with the board now and you keep your berth,\" Skerrow told skippers at the quay on Wednesday."
    local doc = run(page(nil, nil, { p }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, "Why wait for the dredger?"))
  end)

  it("keeps a question the article answers", function()
    local p = "Why did the board wait so long? Skerrow said the survey of the basin took two years to finish."
    local doc = run(page(nil, nil, { p }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, p))
  end)
end)

describe("clean: the attribution line under a repeated pull quote", function()
  it("drops 'NAME, role' under a pull quote that repeats the body", function()
    local doc = run(page(nil, { "“We are turning boats away at low water, and every boat we turn away takes its catch to another port”", "Ottoline Skerrow, harbour master" }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "Ottoline Skerrow, harbour master"))
  end)
end)

describe("clean: an About box after the body", function()
  it("drops 'About the host' and the host's bio", function()
    local doc = run(page(nil, nil, { { "Episode resources", "Dredging Permit Guide (PDF)", "Ask the Harbour Office" }, { "About the host", "Jocasta Fennimore is a county extension educator and has hosted Tidewater Talk since 2021." }, { "Related episodes", "Ep. 41: Winter moorings", "Ep. 40: The fuel quay" } }))
    all_kept(doc)
    assert.is_false(has_paragraph(doc, "About the host"))
    assert.is_false(has_paragraph(doc, "Jocasta Fennimore"))
  end)
end)

describe("clean: a short subhead that reads like a button", function()
  it("keeps 'Apply online' over the paragraph it announces", function()
    local p = "Skippers who want a berth during the works can apply online from Monday, and the board will answer every application within ten days of receiving it."
    local doc = run(page(nil, { "Apply online", p }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, "Apply online"))
    assert.is_true(has_paragraph(doc, p))
  end)
end)
