-- Specs of the clean stage's metadata kinds of development sets h89 to h98 (second
-- fixer of round 29): a headline cut as a repeat because a breadcrumb trail above it
-- writes it after the section's label, which the page also prints on a line of its
-- own; a job title whose beat joins two fields ("Learning and Engagement Officer")
-- after a byline's comma, wrapped onto the next line or broken by a slash, read as an
-- outlet; a masthead's owner, a trust, taken for the masthead; a masthead in capitals
-- before a dash and a tagline in lower case. Every page below is invented (fictional
-- towns, people and outlets).

local pages = require "tests.clean_pages"
local run = pages.run
local meta = require("docpipe.clean.meta").new("en")

local body = pages.paragraphs
local page = pages.stacked
local wrap = pages.lynx_wrap

local LEAD = "The parish council on Monday agreed to resurface the lane past the old mill, after two winters of complaints about flooding and potholes from people living along it."
local MORE = {
  "The work will be done in April by a contractor from Hollbrook and will close the lane to traffic for about nine days, the council's clerk said.",
  "Councillors also agreed to ask the county to clear the drains under the mill bridge, which they said had not been cleaned in more than five years.",
  "A public meeting about the plans will be held in the village hall next month, and drawings of the new drainage are on display in the library.",
}

describe("clean meta round 29b: a headline repeated by a breadcrumb trail", function()
  it("keeps the headline a breadcrumb's last crumb repeats, under the section's label", function()
    local doc = run(page({
      "Parish of Ashcombe Vale",
      "Home",
      "Council",
      "Services",
      "Contact",
      "",
      "Home › Parish News › Council Agrees to Resurface Mill Lane Before Spring",
      "Parish News",
      "Council Agrees to Resurface Mill Lane Before Spring",
      "Posted on: February 3, 2025 2:10 PM EST",
      "",
    }, body(LEAD, MORE[1], MORE[2], MORE[3]), { "© 2025 Parish of Ashcombe Vale" }))
    assert.are.equal("Council Agrees to Resurface Mill Lane Before Spring", doc.title)
    -- (the trail and the section's label stay out of the text)
    for _, p in ipairs(doc.paragraphs) do assert.is_nil(p:find("Parish News", 1, true)) end
  end)

  it("does not make a caption printed twice a headline", function()
    local doc = run(page({
      "Parish of Ashcombe Vale",
      "",
      "Council agrees to resurface Mill Lane",
      "Posted on: February 3, 2025 2:10 PM EST",
      "",
    }, body(LEAD, "Photos › Parish News › The lane past the old mill after the January floods",
      "Parish News", "The lane past the old mill after the January floods", MORE[1], MORE[2], MORE[3]),
      { "© 2025 Parish of Ashcombe Vale" }))
    assert.are.equal("Council agrees to resurface Mill Lane", doc.title)
  end)
end)

describe("clean meta round 29b: a job title's words are no outlet", function()
  it("reads a job whose beat joins two fields after a byline's comma as the writer's job", function()
    local by = meta.byline("By Gwenno Pryce, Learning and Engagement Officer")
    assert.are.same({ "Gwenno Pryce" }, by.authors)
    assert.is_nil(by.outlet)
    assert.is_nil(meta.byline("By Gwenno Pryce, Marketing & Communications Manager").outlet)
    -- (broken by a slash)
    by = meta.byline("By Gwenno Pryce, Learning and Engagement / Officer")
    assert.are.same({ "Gwenno Pryce" }, by.authors)
    assert.is_nil(by.outlet)
    -- (names joined by "and" stay names, an outlet after them stays the outlet)
    assert.are.same({ "Ann Lowry", "Bryn Marsh", "Carys Price" }, meta.byline("By Ann Lowry, Bryn Marsh and Carys Price").authors)
    assert.are.equal("Vale Courier", meta.byline("By Ann Lowry, Bryn Marsh and Carys Price, Vale Courier").outlet)
    assert.is_nil(meta.job_tail("By Ann Lowry, Bryn Marsh", "Reporter"))
    assert.are.equal("By Gwenno Pryce", meta.job_tail("By Gwenno Pryce, Learning and Engagement", "Officer"))
  end)

  it("reads no outlet from a job title wrapped onto the byline's next line", function()
    local doc = run(page({
      "   Skip to content",
      "",
      "   Nantglyn Woollen Mill Museum",
      "",
      "   Visit What's On Collections Learning Support Us Shop",
      "",
      "Looms back at work in the weaving shed after a winter's repairs",
      "",
      "   Posted on 12th March 2025 by Gwenno Pryce, Learning and Engagement",
      "   Officer",
      "",
    }, body(wrap(LEAD, 76), wrap(MORE[1], 76), wrap(MORE[2], 76), wrap(MORE[3], 76)),
      { "   Nantglyn Woollen Mill Museum, Nantglyn, Denbighshire", "", "   (c) 2025 Nantglyn Woollen Mill Museum Trust | Privacy" }))
    assert.are.same({ "Gwenno Pryce" }, doc.authors)
    -- (the trust that owns the museum is no outlet: the masthead names it)
    assert.are.equal("Nantglyn Woollen Mill Museum", doc.outlet)
  end)

  it("leaves a museum's owner, its trust, out of the masthead's name", function()
    assert.is_nil(meta.org_extension("Nantglyn Woollen Mill Museum", "(c) 2025 Nantglyn Woollen Mill Museum Trust | Privacy"))
    assert.are.equal("Harrowgate Port Authority", meta.org_extension("Harrowgate Port", "© Harrowgate Port Authority 2026"))
  end)
end)

describe("clean meta round 29b: a masthead in capitals before a tagline", function()
  it("reads the name in capitals before a dash and a lower-case tagline, title-cased", function()
    local doc = run(page({
      "This website uses cookies. Do you accept analytical cookies?",
      "",
      "Accept    Refuse    More information",
      "",
      "TOWN OF KERSVELDE – official website",
      "",
      "NL | EN | FR",
      "",
      "Living | Visiting | Business | News | Contact",
      "",
      "Mill Lane to be resurfaced before spring",
      "",
      "Published on 03/02/2025 at 14:10 (CET)",
      "",
    }, body(LEAD, MORE[1], MORE[2], MORE[3]),
      { "Gemeente Kersvelde – Markt 1 – 8900 Kersvelde", "", "© 2025 Gemeente Kersvelde" }))
    assert.are.equal("Town of Kersvelde", doc.outlet)
  end)
end)
