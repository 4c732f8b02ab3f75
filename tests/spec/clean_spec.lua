-- Specs of the clean stage (scripts/stages/clean.lua and scripts/clean/*.lua).
-- Every page below is invented (fictional towns, people and outlets, newswire style);
-- the last block reads the real seed page from ../shared/data when it is there.

local dp = require "docpipe"
local clean = require "docpipe.stages.clean"
local dates = require("docpipe.clean.dates").new("en")
local meta = require("docpipe.clean.meta").new("en")
local blocks = require "docpipe.clean.blocks"

local function run(text, opts)
  local ctx = { opts = opts or {}, state = {}, stage = "clean", warn = function() end }
  clean.init(ctx.opts, ctx)
  return clean.process({ id = "t", text = text, meta = {}, errors = {} }, ctx)
end

local function lines(t) return table.concat(t, "\n") .. "\n" end

local function reason_of(doc, needle)
  for _, r in ipairs(doc.meta.removed) do
    if r.text:find(needle, 1, true) then return r.reason end
  end
  return nil
end

local function has_paragraph(doc, needle)
  for _, p in ipairs(doc.paragraphs) do
    if p:find(needle, 1, true) then return true end
  end
  return false
end

-- body paragraphs of an invented story, reused by several pages
local BODY = {
  "The harbor authority of Port Evander said Tuesday that it would close the old ferry terminal in March and move all crossings to the new pier on the north shore of the bay.",
  "The decision follows two years of complaints from passengers about delays at the terminal, which was built in 1958 and has not been renovated since the early 1990s, the authority said in a statement.",
  "Ferry operator Tessaline Lines, which carries about 4,000 passengers a day between the town and the islands, welcomed the move but said it needed more time to train its crews for the new pier.",
  "\"We have waited a long time for this, and we want to get it right for the people who depend on the boats every day,\" said Marisol Enquist, the company's director of operations.",
  "The authority expects the new pier to handle up to twice as many crossings as the old terminal once the work on its second berth is finished next year.",
}

local function page(parts)
  local out = {}
  for _, p in ipairs(parts) do
    if type(p) == "table" then
      for _, l in ipairs(p) do out[#out + 1] = l end
    else
      out[#out + 1] = p
    end
  end
  return lines(out)
end

local function body_lines(from, to)
  local t = {}
  for i = from or 1, to or #BODY do
    t[#t + 1] = BODY[i]
    t[#t + 1] = ""
  end
  return t
end

local STANDARD = page {
  "Skip to main content",
  "  * Home",
  "  * World",
  "  * Business",
  "  * Sign in",
  "",
  "Port Evander to close its old ferry terminal",
  "",
  "By Marta Quillon and Tobias Renn, Coastwire",
  "updated 9:45 AM EST, Tue January 10, 2012",
  "A ferry leaves the old terminal at dawn on Monday.",
  "A ferry leaves the old terminal at dawn on Monday.",
  "  • The old ferry terminal closes in March",
  "  • All crossings move to the new pier on the north shore",
  "  • The ferry operator asks for more time to train crews",
  "",
  "PORT EVANDER, Norland (Coastwire) -- " .. BODY[1],
  "",
  BODY[2],
  "",
  "Harbor plans divide the town council",
  "Island schools reopen after storm",
  "Ferry fares to rise in spring",
  "Five things to know about the new pier",
  "",
  BODY[3],
  "",
  "A new pier",
  "",
  BODY[4],
  "",
  BODY[5],
  "",
  "Coastwire's Ilse Varga contributed to this report.",
  "",
  "Part of complete coverage on",
  "updated 10:26 AM EST, Wed February 6, 2013",
  "Fishermen in the northern bays say the season has been the worst in a decade and ask the regional government for help.",
  "updated 7:09 PM EST, Tue February 5, 2013",
  "A small museum on the islands has reopened after a two-year restoration of its lighthouse collection, its curator said.",
  "Share this story on Facebook",
  "Advertisement",
  "© 2012 Coastwire Media. All Rights Reserved.",
}

describe("clean stage", function()
  describe("on a complete invented page", function()
    local doc = run(STANDARD)

    it("takes the title from the headline above the byline", function()
      assert.are.equal("Port Evander to close its old ferry terminal", doc.title)
    end)

    it("keeps only the body paragraphs, in order, without the dateline prefix", function()
      assert.are.same({
        BODY[1], BODY[2], BODY[3], "A new pier", BODY[4], BODY[5],
      }, doc.paragraphs)
    end)

    it("joins the paragraphs of the text with exactly one blank line", function()
      assert.are.equal(table.concat(doc.paragraphs, "\n\n"), doc.text)
      assert.is_nil(doc.text:find("\n\n\n", 1, true))
    end)

    it("removes navigation lines with a navigation reason", function()
      assert.are.equal("boilerplate: navigation", reason_of(doc, "Skip to main content"))
      assert.are.equal("navigation", reason_of(doc, "Business"))
    end)

    it("removes both copies of a repeated photo caption", function()
      local n = 0
      for _, r in ipairs(doc.meta.removed) do
        if r.text:find("A ferry leaves the old terminal", 1, true) then
          n = n + 1
          assert.are.equal("repeated caption", r.reason)
        end
      end
      assert.are.equal(2, n)
      assert.is_false(has_paragraph(doc, "A ferry leaves"))
    end)

    it("reads the highlight bullets without their bullet character", function()
      assert.are.same({
        "The old ferry terminal closes in March",
        "All crossings move to the new pier on the north shore",
        "The ferry operator asks for more time to train crews",
      }, doc.highlights)
      assert.are.equal("highlight", reason_of(doc, "The old ferry terminal closes in March"))
    end)

    it("splits a 'By A and B, Outlet' byline into people and outlet", function()
      assert.are.same({ "Marta Quillon", "Tobias Renn" }, doc.authors)
      assert.are.equal("byline", reason_of(doc, "By Marta Quillon"))
    end)

    it("takes the outlet from the dateline", function()
      assert.are.equal("Coastwire", doc.outlet)
    end)

    it("keeps the place of the dateline only", function()
      assert.are.equal("PORT EVANDER, Norland", doc.dateline)
      assert.are.equal("dateline", reason_of(doc, "(Coastwire) --"))
    end)

    it("dates the page from its own timestamp, not from a teaser's", function()
      assert.are.equal("2012-01-10T09:45:00-05:00", doc.date)
      assert.are.equal("timestamp (other story)", reason_of(doc, "updated 10:26 AM EST, Wed February 6, 2013"))
    end)

    it("drops a run of related-story links inside the body but keeps a lone subhead", function()
      assert.are.equal("related links", reason_of(doc, "Harbor plans divide the town council"))
      assert.are.equal("related links", reason_of(doc, "Five things to know about the new pier"))
      assert.is_true(has_paragraph(doc, "A new pier"))
    end)

    it("reads contributors from the contributor line and removes it from the body", function()
      assert.are.same({ "Ilse Varga" }, doc.contributors)
      assert.are.equal("contributor line", reason_of(doc, "contributed to this report"))
    end)

    it("drops the teasers of other stories after the body", function()
      assert.is_false(has_paragraph(doc, "Fishermen in the northern bays"))
      assert.is_truthy(reason_of(doc, "A small museum on the islands"))
    end)

    it("drops share prompts, advertisement labels and copyright footers", function()
      assert.is_truthy(reason_of(doc, "Share this story on Facebook"))
      assert.are.equal("boilerplate: ads", reason_of(doc, "Advertisement"))
      assert.is_truthy(reason_of(doc, "All Rights Reserved"))
    end)

    it("lists every removed block as {text, reason}", function()
      assert.is_true(#doc.meta.removed > 20)
      for _, r in ipairs(doc.meta.removed) do
        assert.are.equal("string", type(r.text))
        assert.are.equal("string", type(r.reason))
      end
    end)
  end)

  describe("bylines", function()
    it("reads 'From X, Outlet' as one author and the outlet", function()
      local b = meta.byline("From Lena Ostrova, Coastwire")
      assert.are.same({ "Lena Ostrova" }, b.authors)
      assert.are.equal("Coastwire", b.outlet)
    end)

    it("cuts the outlet before a role: 'By X, Outlet Political Reporter'", function()
      local b = meta.byline("By Anders Holm, Coastwire Political Reporter")
      assert.are.same({ "Anders Holm" }, b.authors)
      assert.are.equal("Coastwire", b.outlet)
    end)

    it("reads a list of several authors with initials", function()
      local b = meta.byline("By Dana R. Velk, Juan de la Serra, Mei-Lin Hart and Tom Oduya, Coastwire")
      assert.are.same({ "Dana R. Velk", "Juan de la Serra", "Mei-Lin Hart", "Tom Oduya" }, b.authors)
    end)

    it("gives no people for a staff byline but keeps its outlet", function()
      local b = meta.byline("By the Coastwire Wire Staff")
      assert.are.same({}, b.authors)
      assert.are.equal("Coastwire", b.outlet)
    end)

    it("cuts a date and a handle off the byline", function()
      local b = meta.byline("by Selma Arkwright @selma_ark February 1, 2016: 12:41 PM ET", dates)
      assert.are.same({ "Selma Arkwright" }, b.authors)
    end)

    it("does not take 'From around the web' for a byline", function()
      assert.is_nil(meta.byline("From around the web"))
    end)

    it("leaves authors empty and outlet null when the page has no byline", function()
      local doc = run(page {
        "Storm closes the island schools",
        "",
        body_lines(),
      })
      assert.are.same({}, doc.authors)
      assert.are.equal(dp.null, doc.outlet)
      assert.are.equal(dp.null, doc.date)
      assert.are.equal(dp.null, doc.dateline)
      assert.are.same({}, doc.highlights)
      assert.are.same({}, doc.contributors)
    end)
  end)

  describe("datelines", function()
    it("reads 'CITY, Country (Outlet) --'", function()
      local d = meta.dateline("Seaford, Norland (Coastwire) -- The council met on Tuesday.")
      assert.are.equal("Seaford, Norland", d.place)
      assert.are.equal("Coastwire", d.outlet)
      assert.are.equal("The council met on Tuesday.", d.rest)
    end)

    it("reads 'CITY (Reuters) -'", function()
      local d = meta.dateline("BRANDMOOR (Reuters) - Shares fell on Monday.")
      assert.are.equal("BRANDMOOR", d.place)
      assert.are.equal("Reuters", d.outlet)
      assert.are.equal("Shares fell on Monday.", d.rest)
    end)

    it("reads 'CITY, June 3 (Newswire) -' and drops the date", function()
      local d = meta.dateline("KELLSTON, June 3 (Newswire) - The mill reopened.")
      assert.are.equal("KELLSTON", d.place)
      assert.are.equal("Newswire", d.outlet)
      assert.are.equal("The mill reopened.", d.rest)
    end)

    it("reads a capitalised place with a dash and no outlet", function()
      local d = meta.dateline("NEW HARROW — Voters went to the polls.")
      assert.are.equal("NEW HARROW", d.place)
      assert.are.equal("Voters went to the polls.", d.rest)
    end)

    it("removes an outlet-only prefix '(Outlet) --' and leaves the place null", function()
      local doc = run(page {
        "Storm closes the island schools",
        "By Anders Holm, Coastwire",
        "",
        "(Coastwire) -- " .. BODY[1],
        "",
        body_lines(2),
      })
      assert.are.equal(BODY[1], doc.paragraphs[1])
      assert.are.equal(dp.null, doc.dateline)
      assert.are.equal("Coastwire", doc.outlet)
    end)

    it("does not take a parenthetical remark for a dateline", function()
      assert.is_nil(meta.dateline("Kellan (pictured) is a former sailor."))
      assert.is_nil(meta.dateline("The U.S. economy grew."))
    end)
  end)

  describe("contributor lines", function()
    it("reads 'X and Y contributed to this report' without the outlet possessive", function()
      assert.are.same({ "Katia Morell", "Rob Fenwick" },
        meta.contributors("Coastwire's Katia Morell and Rob Fenwick contributed to this report."))
    end)

    it("reads 'Reporting by ...; Editing by ...' and drops the place", function()
      assert.are.same({ "Jiro Tanaka", "Ola Berg", "Mark Hollis" },
        meta.contributors("Reporting by Jiro Tanaka and Ola Berg in Kellston; Editing by Mark Hollis"))
    end)

    it("reads a long list with a role word and 'along with'", function()
      assert.are.same({ "Ana Ruiz", "Bo Lind", "Cora Pell", "Miguel Sato" },
        meta.contributors("Coastwire's Ana Ruiz, Bo Lind and Cora Pell, along with journalist Miguel Sato, contributed to this report."))
    end)

    it("gives nothing for a pronoun", function()
      assert.is_nil(meta.contributors("He contributed to this report."))
    end)
  end)

  describe("dates", function()
    local cases = {
      { "updated 9:45 AM EST, Tue January 10, 2012", "2012-01-10T09:45:00-05:00" },
      { "updated 7:27 PM EDT, Fri July 25, 2014", "2014-07-25T19:27:00-04:00" },
      { "Updated 0339 GMT (1139 HKT) November 19, 2019", "2019-11-19T03:39:00+00:00" },
      { "November 28, 2013 -- Updated 0203 GMT (1003 HKT)", "2013-11-28T02:03:00+00:00" },
      { "Published 3:15 p.m. ET Nov. 18, 2019", "2019-11-18T15:15:00-05:00" },
      { "Posted June 3, 2014 9 a.m. PT", "2014-06-03T09:00:00-07:00" },
      { "Tue 10 Jan 2012 09.45 GMT", "2012-01-10T09:45:00+00:00" },
      { "10 June 2014 14:30 BST", "2014-06-10T14:30:00+01:00" },
      { "3 March 2015 18:00 CET", "2015-03-03T18:00:00+01:00" },
      { "2012-01-10T09:45:00Z", "2012-01-10T09:45:00+00:00" },
      { "2012-01-10T09:45:00-0500", "2012-01-10T09:45:00-05:00" },
      { "19 November 2019", "2019-11-19" },
      { "January 10, 2012", "2012-01-10" },
      { "January 10, 2012 9:45 AM", "2012-01-10" },
    }
    for _, c in ipairs(cases) do
      it("turns '" .. c[1] .. "' into " .. c[2], function()
        assert.are.equal(c[2], (dates:parse(c[1])))
      end)
    end

    it("resolves ET to EST or EDT by the US daylight-saving rule", function()
      assert.are.equal("2016-03-12T10:00:00-05:00", (dates:parse("March 12, 2016 10:00 AM ET")))
      assert.are.equal("2016-03-14T10:00:00-04:00", (dates:parse("March 14, 2016 10:00 AM ET")))
    end)

    it("tells a timestamp line from a sentence that holds a date", function()
      assert.is_true(dates:is_timestamp("updated 9:45 AM EST, Tue January 10, 2012"))
      assert.is_true(dates:is_timestamp("19 November 2019"))
      assert.is_false(dates:is_timestamp("The council met on January 10, 2012 to vote on the harbor plan."))
    end)

    it("rejects an impossible calendar date", function()
      assert.is_nil(dates:parse("February 30, 2012"))
    end)
  end)

  describe("block evidence", function()
    it("unwraps a hard-wrapped dump into one block per paragraph", function()
      local wrapped = lines {
        "   The harbor authority of Port Evander said Tuesday that it would close the old ferry",
        "   terminal in March and move all crossings to the new pier.",
        "   Short line.",
        "   The decision follows two years of complaints from passengers about delays at the",
        "   terminal, which was built in 1958 and has not been renovated since the early 1990s, the",
        "   authority said in a statement that was read out by its spokesman on the pier at noon.",
      }
      local bl = blocks.split(wrapped)
      assert.are.equal(3, #bl)
      assert.are.equal("Short line.", bl[2].text)
      assert.is_truthy(bl[1].text:find("ferry terminal in March", 1, true))
      assert.is_truthy(bl[3].text:find("the terminal, which was built", 1, true))
    end)

    it("cuts a caption printed twice inside a paragraph block", function()
      local bl = blocks.split(lines {
        "Rescuers worked through the night. A crane lifts a car from the river. A crane lifts a car from the river.",
      })
      local removed = blocks.cut_repeats(bl)
      assert.are.equal("Rescuers worked through the night.", bl[1].text)
      assert.are.equal("repeated caption", removed[1].reason)
    end)

    it("removes a label repeated many times", function()
      local bl = blocks.split(lines { "Storm photos", "Island in the storm", "Island in the storm", "Island in the storm" })
      blocks.cut_repeats(bl)
      assert.is_nil(bl[1].removed)
      assert.are.equal("repeated caption", bl[2].removed)
      assert.are.equal("repeated caption", bl[4].removed)
    end)

    it("decodes HTML character references left by the dump", function()
      assert.are.equal("Kellan's \"pier\" & more", blocks.decode_entities("Kellan&#39;s &quot;pier&quot; &amp; more"))
    end)
  end)

  describe("options", function()
    it("drops blocks matching a drop pattern", function()
      local doc = run(STANDARD, { drop = { "^The authority expects" } })
      assert.is_false(has_paragraph(doc, "The authority expects"))
      assert.are.equal("drop pattern", reason_of(doc, "The authority expects"))
    end)

    it("keeps blocks matching a keep pattern", function()
      local doc = run(STANDARD, { keep = { "^Harbor plans divide" } })
      assert.is_true(has_paragraph(doc, "Harbor plans divide the town council"))
    end)

    it("reports a bad user pattern", function()
      assert.has_error(function() run(STANDARD, { drop = { "(" } }) end)
    end)

    it("explains every block when asked", function()
      local doc = run(STANDARD, { explain = true })
      assert.is_true(#doc.meta.clean_blocks > 10)
      assert.are.equal("string", type(doc.meta.clean_blocks[1].class))
    end)
  end)

  it("keeps the sentences of a text too short to score as the body", function()
    local doc = run("The council met.\r\n\r\nIt voted 5-2.\r\n")
    assert.are.same({ "The council met.", "It voted 5-2." }, doc.paragraphs)
  end)

  it("returns an empty body for an empty page", function()
    local doc = run("")
    assert.are.equal("", doc.text)
    assert.are.same({}, doc.paragraphs)
    assert.are.equal(dp.null, doc.title)
  end)
end)

-- the seed page against its hand-made gold (read from ../shared/data, not copied)
local function read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local SEED = read("../shared/data/seed/cnn-north-korea-amnesty.txt")
local GOLD = read("../shared/data/seed/gold.json")

describe("clean stage on the seed page", function()
  if not (SEED and GOLD) then
    pending("../shared/data/seed is not there")
    return
  end
  local gold = dp.json.decode(GOLD)
  local doc = run(SEED)
  for _, field in ipairs { "title", "authors", "outlet", "date", "dateline", "highlights", "contributors", "paragraphs" } do
    it("gives the gold " .. field, function()
      assert.are.same(gold[field], doc[field])
    end)
  end

  it("removes each of the gold's dropped examples", function()
    for _, t in ipairs(gold.dropped_examples) do
      assert.is_truthy(reason_of(doc, t), t)
    end
  end)
end)
