-- Specs of the clean stage's metadata for the failure kinds found on blind set O: a
-- headline wrapped by the dumper before a line that opens with a figure or after a
-- word that leaves its phrase open, and a job title after a byline's bar or dot
-- (a role and its modifier, "Deputy Editor") read as the outlet.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")

local P = {
  "The town council of Wrenfield voted on Tuesday night to pay for a one-year trial in which a nurse and a social worker, rather than police officers, answer some emergency calls about people in distress.",
  "Council members said the teams would work from the fire station on Kestle Road from eight in the morning to midnight and would be sent by dispatchers when a caller reports no weapon and no crime.",
  "\"Most of these calls are about someone who is frightened or unwell, and a uniform does not help them,\" said council member Odile Fenwright, who proposed the trial last spring.",
  "The police department said it supported the trial and would send officers with the teams if a dispatcher was unsure, and the council asked for a report on the first six months in the autumn.",
}

-- a paragraph hard-wrapped as lynx sets it: three spaces of margin, lines broken
-- before the word that would pass the column
local wrap = pages.lynx_wrap

-- a lynx dump: numbered links in the menu and the byline, the body wrapped at the
-- width, the list of references closing the page
local function lynx_page(head, width)
  local t = { "   #[1]The Wrenfield Courier", "", "   [2]Skip to content", "   [3]The Wrenfield Courier", "",
    "     * [4]Town Hall", "     * [5]Schools", "     * [6]Public Safety", "", "   [7]Search", "", "Town Hall", "" }
  for _, l in ipairs(head) do t[#t + 1] = l end
  for _, p in ipairs(P) do t[#t + 1] = ""; t[#t + 1] = wrap(p, width or 79) end
  for _, l in ipairs { "", "References", "", "   1. https://courier.example/feed/", "   2. https://courier.example/#main",
    "   3. https://courier.example/", "   4. https://courier.example/town-hall/", "   5. https://courier.example/schools/",
    "   6. https://courier.example/public-safety/", "   7. https://courier.example/search/",
    "   8. https://courier.example/author/anselm-rooke/" } do t[#t + 1] = l end
  return lines(t)
end

local BY = { "", "   by [8]Anselm Rooke", "   03/10/2026 8:40 PM ET" }

local function head(title, cont)
  local t = { title, cont }
  for _, l in ipairs(BY) do t[#t + 1] = l end
  return t
end

describe("clean meta: a wrapped headline going on with a figure", function()
  local cut = "Wrenfield council funds trial sending nurses instead of police to some"
  it("joins a continuation opening with a figure after a word that leaves the phrase open", function()
    local doc = run(lynx_page(head(cut, "999 calls")))
    assert.are.equal(cut .. " 999 calls", doc.title)
    assert.are.same({ "Anselm Rooke" }, doc.authors)
  end)

  it("joins a continuation in lower case after an open word a little short of the width", function()
    local t = "Wrenfield council funds a one-year trial of crisis teams for the"
    local doc = run(lynx_page(head(t, "night shift")))
    assert.are.equal(t .. " night shift", doc.title)
  end)

  it("joins a continuation opening with a currency sign after an open word", function()
    local t = "Wrenfield council sets aside reserves for crisis team trial costing up to"
    local doc = run(lynx_page(head(t, "$3.1 million")))
    assert.are.equal(t .. " $3.1 million", doc.title)
  end)

  it("does not join a reading time or a count under a full headline that closes its phrase", function()
    local t = "Wrenfield council funds a one-year trial sending nurses to crisis calls"
    local doc = run(lynx_page(head(t, "4 min read")))
    assert.are.equal(t, doc.title)
  end)

  it("reads a numbered link's headline and its figure line as one headline", function()
    local doc = run(lynx_page(head("[9]" .. cut, "999 calls")))
    assert.are.equal(cut .. " 999 calls", doc.title)
  end)

  it("takes more open words from the open_words option", function()
    local t = "Wrenfield council funds trial sending nurses instead of police beyond"
    assert.are.equal(t, run(lynx_page(head(t, "999 calls"))).title)
    assert.are.equal(t .. " 999 calls", run(lynx_page(head(t, "999 calls")), { open_words = { "beyond" } }).title)
  end)

  it("tells a line ending in a word that leaves its phrase open", function()
    assert.is_true(meta.open_end("Crisis teams to answer calls for"))
    assert.is_true(meta.open_end("Council sends nurses to some"))
    assert.is_false(meta.open_end("Harbour strike is over"))
    assert.is_false(meta.open_end("Ferry fares go up"))
    assert.is_false(meta.open_end("Council votes 6-3"))
  end)

  it("does not join under a short headline ending in an open word", function()
    local t = "Crisis teams to answer calls for"
    local doc = run(lynx_page(head(t, "12 months")))
    assert.are.equal(t, doc.title)
  end)
end)

describe("clean meta: a job title after a byline's bar or dot is no outlet", function()
  it("reads a modified role after a middle dot as the author's job, not an outlet", function()
    for _, s in ipairs { "By Oriane Mollet · Deputy Editor", "By Oriane Mollet | Assistant Editor",
      "By Oriane Mollet · Executive Editor", "By Oriane Mollet, Managing Editor", "By Oriane Mollet · Associate Editor",
      "By Oriane Mollet · Contributing Writer" } do
      local by = meta.byline(s)
      assert.is_truthy(by, s)
      assert.are.same({ "Oriane Mollet" }, by.authors, s)
      assert.is_nil(by.outlet, s)
    end
  end)

  it("leaves a modified role out of the author's name when no separator stands between", function()
    assert.are.same({ "Oriane Mollet" }, meta.byline("By Oriane Mollet Deputy Editor").authors)
  end)

  it("keeps a modifier word inside an outlet's name when no role word follows it", function()
    assert.are.equal("Kestrel Executive Review", meta.byline("By Oriane Mollet, Kestrel Executive Review").outlet)
  end)

  it("takes more modifiers from the role_modifiers option", function()
    local m = require("docpipe.clean.meta").new("en", nil, nil, { role_modifiers = { "weekend" } })
    assert.is_nil(m.byline("By Oriane Mollet · Weekend Editor").outlet)
  end)

  it("still reads the outlet before a role after a bar", function()
    local by = meta.byline("By Oriane Mollet | Tollbridge Post Deputy Editor")
    assert.are.equal("Tollbridge Post", by.outlet)
  end)

  it("takes the masthead as the outlet when the byline's tail is a modified role", function()
    local doc = run(lines {
      "Skip to main content",
      "Tollbridge Post",
      "Subscribe | Sign in | Events | Jobs",
      "News  Markets  Property  People",
      "Markets",
      "Wrenfield savings bank moves £300m of deposits into local housing loans",
      "By Oriane Mollet · Deputy Editor",
      "Thursday, 12 March 2026, 08:00",
      "",
      "The Wrenfield Savings Bank said on Wednesday it would lend £300m of its deposits to housing associations in the county over the next five years, the largest such commitment by a regional lender.",
      "",
      "The bank's chief executive, Corvin Hale, told the Tollbridge Post the loans would be priced a little below the market rate and repaid over thirty years.",
      "",
      "\"Our savers live here, and they want the money to do some good here,\" he said.",
      "",
      "Housing associations in the county have said for years that they cannot find lenders willing to wait that long for their money.",
    })
    assert.are.same({ "Oriane Mollet" }, doc.authors)
    assert.are.equal("Tollbridge Post", doc.outlet)
  end)
end)
