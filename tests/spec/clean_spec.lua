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

    it("reads 'By A, B and C, Outlet'", function()
      local b = meta.byline("By Marisol Tenorio-Vance, Gideon Pratchard and Lena Osei, Coastline Wire")
      assert.are.same({ "Marisol Tenorio-Vance", "Gideon Pratchard", "Lena Osei" }, b.authors)
      assert.are.equal("Coastline Wire", b.outlet)
    end)

    it("reads 'By A, B' with no 'and' as two people", function()
      local b = meta.byline("By Tomasz Ferrante, Lucille Abara")
      assert.are.same({ "Tomasz Ferrante", "Lucille Abara" }, b.authors)
      assert.is_nil(b.outlet)
    end)

    it("reads 'By A | Outlet' and 'By A | email'", function()
      local b = meta.byline("By Harriet Okonjo-Blythe | The Wexcombe Courier")
      assert.are.same({ "Harriet Okonjo-Blythe" }, b.authors)
      assert.are.equal("The Wexcombe Courier", b.outlet)
      b = meta.byline("By Noor Havili | nhavili@swledger.example")
      assert.are.same({ "Noor Havili" }, b.authors)
      assert.is_nil(b.outlet)
    end)

    it("drops a role after the names: 'Written by A, Staff Writer', 'By A, Transport Correspondent'", function()
      local b = meta.byline("Written by Priya Castellane-Ng, Staff Writer")
      assert.are.same({ "Priya Castellane-Ng" }, b.authors)
      assert.is_nil(b.outlet)
      b = meta.byline("By Oliver Pennick, Transport Correspondent")
      assert.are.same({ "Oliver Pennick" }, b.authors)
      assert.is_nil(b.outlet)
    end)

    it("keeps an outlet whose last word is also a role word whole", function()
      assert.are.equal("Nordic Wire", meta.byline("From Sigrun Aalto, Nordic Wire").outlet)
      assert.are.equal("Associated Press", meta.byline("By Dana Velk, Associated Press").outlet)
    end)

    it("reads 'By A, with B' as two authors", function()
      assert.are.same({ "Samir Oduya", "Grace Ellery" }, meta.byline("By Samir Oduya, with Grace Ellery").authors)
    end)

    it("writes an all-capitals byline in title case", function()
      assert.are.same({ "Benedikt Saarinen" }, meta.byline("BY BENEDIKT SAARINEN").authors)
    end)

    it("reads openers such as 'Opinion by', 'Interview by' and a lower-case 'by:'", function()
      assert.are.same({ "Caterina Moussalli" }, meta.byline("Opinion by Caterina Moussalli").authors)
      assert.are.same({ "Anouk Verhagen" }, meta.byline("Interview by Anouk Verhagen").authors)
      assert.are.same({ "Kayla Brent-Moss" }, meta.byline("by: Kayla Brent-Moss").authors)
    end)

    it("reads a line of names without an opener, with an outlet after a comma", function()
      local b = meta.name_line("Iona MacLarnon and Sefton Achebe-Ward")
      assert.are.same({ "Iona MacLarnon", "Sefton Achebe-Ward" }, b.authors)
      b = meta.name_line("Eleanor Pryce and Kofi Mensah, The Evening Herald")
      assert.are.same({ "Eleanor Pryce", "Kofi Mensah" }, b.authors)
      assert.are.equal("The Evening Herald", b.outlet)
      assert.is_nil(meta.name_line("News Sport Weather"))
      assert.is_nil(meta.name_line("The council met on Tuesday."))
    end)

    it("tells a role line from a name", function()
      assert.is_true(meta.is_role_line("Staff Writer"))
      assert.is_true(meta.is_role_line("Sports Reporter"))
      assert.is_false(meta.is_role_line("Petra Lindqvist-Moore"))
    end)

    it("reads a byline after a date on one line: 'Posted on DATE by NAME'", function()
      local doc = run(page {
        "Volunteers pull two tons of trash from Mill Creek",
        "Posted on June 3, 2024 by Marcy Tallis",
        "",
        body_lines(),
      })
      assert.are.same({ "Marcy Tallis" }, doc.authors)
      assert.are.equal("2024-06-03", doc.date)
      assert.are.equal("Volunteers pull two tons of trash from Mill Creek", doc.title)
    end)

    it("takes a byline without opener above the outlet and the timestamp", function()
      local doc = run(page {
        "Port Evander to close its old ferry terminal",
        "Iona MacLarnon and Sefton Achebe-Ward",
        "The Saltire Herald",
        "Mon 3 Jun 2024 14.05 BST",
        "",
        body_lines(),
      })
      assert.are.same({ "Iona MacLarnon", "Sefton Achebe-Ward" }, doc.authors)
      assert.are.equal("The Saltire Herald", doc.outlet)
      assert.are.equal("Port Evander to close its old ferry terminal", doc.title)
    end)

    it("gives no authors for 'By Staff Writer' and keeps it out of the title", function()
      local doc = run(page {
        "Port Evander to close its old ferry terminal",
        "By Staff Writer",
        "June 3, 2024",
        "",
        body_lines(),
      })
      assert.are.same({}, doc.authors)
      assert.are.equal("Port Evander to close its old ferry terminal", doc.title)
    end)

    it("reads a masthead name in a byline as the outlet", function()
      local doc = run(page {
        "Dorset Evening Star",
        "",
        "Port Evander to close its old ferry terminal",
        "Eleanor Pryce and Kofi Mensah, Dorset Evening Star",
        "June 3, 2024",
        "",
        body_lines(),
      })
      assert.are.same({ "Eleanor Pryce", "Kofi Mensah" }, doc.authors)
      assert.are.equal("Dorset Evening Star", doc.outlet)
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

    it("reads 'CITY, State (Outlet) —' and 'CITY:'", function()
      local d = meta.dateline("CORRAN FORD, Ore. (Coastline Wire) — Hundreds of people were stranded.")
      assert.are.equal("CORRAN FORD, Ore.", d.place)
      assert.are.equal("Coastline Wire", d.outlet)
      d = meta.dateline("FARLOW BAY: Volunteers counted 1,412 nesting pairs.")
      assert.are.equal("FARLOW BAY", d.place)
      assert.are.equal("Volunteers counted 1,412 nesting pairs.", d.rest)
    end)

    it("reads a press-wire dateline with a year and a slashed outlet", function()
      local d = meta.dateline("ASHFORD, Conn., June 3, 2024 /PRNewswire/ -- Ashford Valley Power today announced plans.")
      assert.are.equal("ASHFORD, Conn.", d.place)
      assert.are.equal("PRNewswire", d.outlet)
      assert.are.equal("Ashford Valley Power today announced plans.", d.rest)
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
      { "2024-06-03T14:05:00Z", "2024-06-03T14:05:00+00:00" },
      { "Published: 2024-06-03T14:05:00+02:00", "2024-06-03T14:05:00+02:00" },
      { "2024-06-03", "2024-06-03" },
      { "2024/06/03 10:00 UTC", "2024-06-03T10:00:00+00:00" },
      { "3 June 2024", "2024-06-03" },
      { "3rd June 2024", "2024-06-03" },
      { "Jun 3 2024", "2024-06-03" },
      { "03 Jun, 2024, 08:00 ET", "2024-06-03T08:00:00-04:00" },
      { "Jun. 3, 2024 5:05 p.m. ET", "2024-06-03T17:05:00-04:00" },
      { "Monday, June 3, 2024, 5:30 a.m. CDT", "2024-06-03T05:30:00-05:00" },
      { "Mon 3 Jun 2024 14.05 BST   Last modified on Mon 3 Jun 2024 16.40 BST", "2024-06-03T14:05:00+01:00" },
      { "Posted: 3 June 2024 08:30 CEST", "2024-06-03T08:30:00+02:00" },
      { "Published June 3, 2024 at 11:48 p.m.", "2024-06-03" },
      { "Updated 6:12 AM EDT, Mon June 3, 2024", "2024-06-03T06:12:00-04:00" },
      { "Published 7:02 p.m. CT June 3, 2024 | Updated 9:15 p.m. CT June 3, 2024", "2024-06-03T19:02:00-05:00" },
      { "06/13/2024", "2024-06-13" },
      { "13/06/2024", "2024-06-13" },
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

    it("reads an ambiguous numeric date day first or month first as told", function()
      assert.are.equal("2024-06-03T16:20:00+01:00", (dates:parse("16:20 BST, 03/06/2024", true)))
      assert.are.equal("2024-03-06", (dates:parse("03/06/2024", false)))
      assert.are.equal("2024-03-06", (dates:parse("03/06/2024")))
    end)

    it("takes the page's habit for numeric dates from its other dates, else its zones", function()
      assert.is_true(dates:day_first_hint("Opens on Monday 10 June. 03/06/2024"))
      assert.is_false(dates:day_first_hint("Opens on June 10. 03/06/2024"))
      assert.is_true(dates:day_first_hint("14:05 AEST 3/6/2024"))
      assert.is_false(dates:day_first_hint("5:05 p.m. ET 6/3/2024"))
      assert.is_nil(dates:day_first_hint("6/3/2024"))
    end)

    it("recognises a relative time and gives it no date", function()
      assert.is_true(dates:is_relative("Updated 2 hours ago"))
      assert.is_true(dates:is_relative("5 mins ago"))
      assert.is_true(dates:is_relative("yesterday"))
      assert.is_false(dates:is_relative("2 hours ago the river rose"))
      assert.is_nil(dates:parse("Updated 2 hours ago"))
    end)

    it("dates the page from the absolute timestamp under a relative one", function()
      local doc = run(page {
        "Port Evander to close its old ferry terminal",
        "By Marta Quillon",
        "Updated 2 hours ago",
        "Published June 3, 2024 at 11:48 p.m.",
        "",
        body_lines(),
      })
      assert.are.equal("2024-06-03", doc.date)
      assert.are.equal("timestamp (relative)", reason_of(doc, "Updated 2 hours ago"))
    end)

    it("reads a numeric date day first on a page that writes its dates day first", function()
      local doc = run(page {
        "Port Evander to close its old ferry terminal",
        "By Marta Quillon",
        "03/06/2024",
        "",
        body_lines(),
        "The new timetable starts on 10 June.",
      })
      assert.are.equal("2024-06-03", doc.date)
    end)

    it("follows the numeric_dates option", function()
      local p = page { "Port Evander to close its old ferry terminal", "By Marta Quillon", "03/06/2024", "", body_lines() }
      assert.are.equal("2024-03-06", run(p, { numeric_dates = "mdy" }).date)
      assert.are.equal("2024-06-03", run(p, { numeric_dates = "dmy" }).date)
      assert.has_error(function() run(p, { numeric_dates = "ymd" }) end)
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

    -- (regression: most blocks not kept had no reason in clean_blocks though
    -- meta.removed gave one, and a block a keep pattern put in the text said kept false)
    it("gives every block not kept the reason meta.removed gives, and a kept keep block kept", function()
      local doc = run(STANDARD, { explain = true, keep = { "^Harbor plans divide" } })
      local reasons = {}
      for _, r in ipairs(doc.meta.removed) do reasons[r.text] = r.reason end
      local kept_keep = false
      for _, b in ipairs(doc.meta.clean_blocks) do
        if b.kept then
          assert.is_nil(b.reason)
          if b.flags:find("keep") then kept_keep = true end
        else
          assert.are.equal(reasons[b.text] or "(not in meta.removed)", b.reason)
        end
      end
      assert.is_true(kept_keep)
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
local read = require("tests.evalfiles").read

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

describe("clean stage text normalisation", function()
  local normalize = require "docpipe.clean.normalize"

  it("repairs UTF-8 read as Windows-1252 and keeps curly quotes", function()
    assert.are.equal("“It’s been long,” said José — twice.",
      (normalize.fix_mojibake("â€œItâ€™s been long,â€ said JosÃ© â€” twice.")))
  end)

  it("leaves correct accented text alone", function()
    assert.are.equal("naïve déjà vu, Zürich, São Paulo", (normalize.fix_mojibake("naïve déjà vu, Zürich, São Paulo")))
  end)

  it("composes a letter and its combining mark (NFC)", function()
    assert.are.equal("Renée", (normalize.nfc("Rene\u{301}e")))
  end)

  it("removes control characters, the byte-order mark and zero-width spaces", function()
    local out = normalize.text("\u{FEFF}One\7 two\u{200B} three", {})
    assert.are.equal("One two three", out)
  end)

  -- (regression: only the ESC byte went, leaving "[31m" before each coloured word; the
  -- line separators did not break lines, gluing a byline to its date)
  it("removes a terminal's colour sequences whole and breaks lines at U+2028, U+2029 and NEL", function()
    assert.are.equal("Red alert and plain", (normalize.text("\27[1;31mRed alert\27[0m and \27[Kplain", {})))
    assert.are.equal("By Mara Quillon\nJune 3\nPage two\nEnd",
      (normalize.text("By Mara Quillon\u{2028}June 3\u{2029}Page two\u{85}End", {})))
  end)

  -- (regression: a form feed inside a line broke it, cutting a paragraph in two, and a
  -- vertical tab went without a trace, gluing two words: "the\fplan", "vertical\vtab")
  it("reads a form feed or vertical tab inside a line as a space, a form feed at a line's edge as a break", function()
    local out, rep = normalize.text("The mayor said the\12plan would\11\11take two years.", {})
    assert.are.equal("The mayor said the plan would take two years.", out)
    assert.are.equal(3, rep.controls)
    assert.are.equal("One.\n\n\nTwo.\n\nThree.\n\nFour.",
      (normalize.text("One.\n\12\nTwo.\12\nThree.\n\12Four.", {})))
    assert.are.equal("\nStart, end.\n", (normalize.text("\12Start, end.\12", {})))
    assert.are.equal("Edge tab.\nNext.", (normalize.text("Edge tab.\11\nNext.", {})))
  end)

  it("decodes HTML entities, numeric and named", function()
    assert.are.equal("A & B’s – “C” ", (normalize.decode_entities("A &amp; B&#8217;s &ndash; &ldquo;C&rdquo;&nbsp;")))
  end)

  it("lists what it changed in meta.normalized", function()
    local doc = run("By Rene&#769;e Aldana\r\n\r\nThe ferry resumed service on Monday after a three-week suspension caused by a cracked shaft, the authority said.\r\n")
    assert.are.equal(1, doc.meta.normalized.nfc)
    assert.are.equal(1, doc.meta.normalized.entities)
    assert.are.same({ "Renée Aldana" }, doc.authors)
  end)

  it("folds no-break spaces and runs of spaces inside a paragraph", function()
    local doc = run("The ferry\u{A0}resumed   service on Monday after a three-week suspension caused by a cracked propeller shaft, the authority said.\n")
    assert.are.equal("The ferry resumed service on Monday after a three-week suspension caused by a cracked propeller shaft, the authority said.", doc.paragraphs[1])
  end)

  it("turns each step off with its option", function()
    local doc = run("Itâ€™s a test of the option that keeps the text exactly as the page had it, the editor said on Monday.\n", { mojibake = false })
    assert.is_truthy(doc.paragraphs[1]:find("â€™", 1, true))
    doc = run("Fish &amp; chips were served to the 400 guests at the harbour festival on Monday, the organisers said.\n", { entities = false })
    assert.is_truthy(doc.paragraphs[1]:find("&amp;", 1, true))
  end)

  it("removes lynx link numbers and the closing References list", function()
    local doc = run(lines {
      "   [1]Home [2]News",
      "",
      "Harbor Hawks force Game 7",
      "",
      "   By [3]Desmond Okafor-Lynn",
      "   June 3, 2024",
      "",
      "   Guard [4]Tavita Momoa scored 29 points on Monday night as the Harbor Hawks beat the Lakeshore",
      "   Owls 101-96 to force a deciding game in the final of the Coastal League.",
      "",
      "   The Owls had led the series 3-2 after winning the fifth game by 22 points at home on Friday",
      "   night, and they led this game by nine points with four minutes left to play.",
      "",
      "References",
      "",
      "   1. https://sentinel.example/",
      "   2. https://sentinel.example/news",
      "   3. https://sentinel.example/staff/desmond",
      "   4. https://sentinel.example/tag/momoa",
    })
    assert.are.same({ "Desmond Okafor-Lynn" }, doc.authors)
    assert.is_truthy(doc.paragraphs[1]:find("^Guard Tavita Momoa scored 29 points"))
    assert.are.equal("link references (lynx)", reason_of(doc, "https://sentinel.example/"))
  end)
end)

describe("clean stage layouts", function()
  it("reflows text hard-wrapped without indentation", function()
    local doc = run(lines {
      "The county library board voted 5-2 on Monday night to end late fines",
      "on children's books, joining more than a dozen library systems in the",
      "region that have dropped the charges in the past three years.",
      "",
      "Board members who supported the change said fines kept poorer families",
      "away from the library while bringing in little money, about $11,000 a",
      "year, less than one percent of the system's budget, the board said.",
    })
    assert.are.equal(2, #doc.paragraphs)
    assert.is_truthy(doc.paragraphs[1]:find("late fines on children's books", 1, true))
  end)

  it("reads one paragraph per line with no blank lines between", function()
    local doc = run(lines { BODY[1], BODY[2], BODY[3] })
    assert.are.same({ BODY[1], BODY[2], BODY[3] }, doc.paragraphs)
  end)

  it("takes the headline set at the left margin of a lynx dump", function()
    local doc = run(lines {
      "   Northfield Ledger",
      "     * Home",
      "     * News",
      "",
      "   Science",
      "",
      "Volunteers count record number of nesting terns",
      "",
      "   3 June 2024",
      "",
      "   Volunteers counted 1,412 nesting pairs of common terns on Gull Spit this weekend, the highest",
      "   number since monitoring began on the shingle bank in 1983, the bird club said on Monday.",
      "",
      "   The count, carried out over two days by 38 volunteers from the Farlow Bay Bird Club, beat the",
      "   previous record of 1,190 pairs set in 2019, and most of the birds were sitting on eggs.",
    })
    assert.are.equal("Volunteers count record number of nesting terns", doc.title)
    assert.are.equal("2024-06-03", doc.date)
  end)
end)

describe("clean stage block kinds", function()
  local function body_with(extra_at, extra)
    local t = { "Port Evander to close its old ferry terminal", "By Marta Quillon", "June 3, 2024", "" }
    for i = 1, #BODY do
      t[#t + 1] = BODY[i]
      t[#t + 1] = ""
      if i == extra_at then
        for _, l in ipairs(extra) do t[#t + 1] = l end
        t[#t + 1] = ""
      end
    end
    return run(lines(t))
  end

  it("drops a cookie banner", function()
    local doc = run(page {
      "We use cookies to give you the best experience on our site. By clicking Accept all, you agree to the storing of cookies.",
      "Accept all   Reject all",
      "",
      "Port Evander to close its old ferry terminal",
      "By Marta Quillon",
      "June 3, 2024",
      "",
      body_lines(),
    })
    assert.are.same(BODY, doc.paragraphs)
    assert.are.equal("boilerplate: cookie", reason_of(doc, "We use cookies"))
  end)

  it("drops a share bar of items set apart by spaces", function()
    local doc = body_with(1, { "Share   Tweet   Email   Print" })
    assert.are.same(BODY, doc.paragraphs)
  end)

  it("drops captions that carry a photo credit", function()
    local doc = body_with(2, { "Residents wade through floodwater on Main Street on Monday. (Photo: Abel Dunmore/Coastline Wire)" })
    assert.are.same(BODY, doc.paragraphs)
    assert.are.equal("boilerplate: caption", reason_of(doc, "Residents wade"))
    doc = body_with(2, { "Fishing boats in the harbour. Photograph: Erin Scholes/Alamy" })
    assert.are.same(BODY, doc.paragraphs)
  end)

  it("drops gallery counters and their captions", function()
    local doc = body_with(1, { "1 of 2", "The burnt-out roof of the market. (Photo: Katrin Oberle/RVC)", "2 of 2", "Firefighters above the square. (Photo: Vellmar Fire Service)" })
    assert.are.same(BODY, doc.paragraphs)
  end)

  it("drops a pull quote set apart from the sentence it repeats", function()
    local doc = body_with(1, { "\"We want to get it right for the people who depend on the boats every day.\"" })
    assert.are.same(BODY, doc.paragraphs)
    assert.are.equal("repeated text (pull quote)", reason_of(doc, "\"We want to get it right"))
  end)

  it("keeps a subhead between paragraphs, in capitals too", function()
    local doc = body_with(2, { "What happens next" })
    assert.is_true(has_paragraph(doc, "What happens next"))
    doc = body_with(2, { "EARLY YEARS" })
    assert.is_true(has_paragraph(doc, "EARLY YEARS"))
  end)

  it("keeps a bullet list introduced by a sentence ending in a colon, without its bullets", function()
    local doc = body_with(2, { "The new pier will have:", "- two berths for the island ferries", "- a covered waiting room", "- a cycle park" })
    assert.is_true(has_paragraph(doc, "The new pier will have:"))
    assert.is_true(has_paragraph(doc, "a covered waiting room"))
    assert.is_false(has_paragraph(doc, "- a covered"))
  end)

  it("keeps numbered items that are sentences", function()
    local doc = body_with(1, { "1. Fares will rise by 2.5 percent, the smallest increase in six years, the authority said.", "", "2. The night boat will run on Fridays and Saturdays from the first week of July onwards." })
    assert.is_true(has_paragraph(doc, "1. Fares will rise"))
    assert.is_true(has_paragraph(doc, "2. The night boat"))
  end)

  it("drops a 'Read more' list and a 'Related:' list inside the body", function()
    local doc = body_with(2, { "Read more:", "Dam operators warn of higher releases", "Photos: Valley towns under water" })
    assert.are.same(BODY, doc.paragraphs)
    doc = body_with(2, { "Related:", "* Firefighters gain ground on Colville blaze", "* How to choose an air purifier" })
    assert.are.same(BODY, doc.paragraphs)
  end)

  it("drops an advertisement label and the copy under it", function()
    local doc = body_with(3, { "Sponsored", "Upgrade to Plus for ad-free reading. Try it free for 30 days." })
    assert.are.same(BODY, doc.paragraphs)
    doc = body_with(3, { "Advertisement", "Scroll to continue with content" })
    assert.are.same(BODY, doc.paragraphs)
  end)

  it("drops a newsletter box inside the body", function()
    local doc = body_with(2, { "Sign up for Harbor Today", "The day's news, every morning at 7.", "Sign up" })
    assert.are.same(BODY, doc.paragraphs)
  end)

  it("drops a comment section after the body", function()
    local doc = run(page {
      "Port Evander to close its old ferry terminal", "By Marta Quillon", "June 3, 2024", "",
      body_lines(),
      "Comments (14)",
      "Sign in to comment",
      "Rita_M · 3 hours ago",
      "Praying for everyone on the islands. My sister takes that ferry twice a day and it is always late.",
      "Reply   Like (12)",
    })
    assert.are.same(BODY, doc.paragraphs)
  end)

  it("keeps footnotes that close the article", function()
    local doc = body_with(5, { "[1] Figures from the harbor authority's 2023 passenger survey, the latest available." })
    assert.is_true(has_paragraph(doc, "[1] Figures from the harbor authority"))
  end)

  it("takes the headline, not the standfirst under it", function()
    local doc = run(page {
      "Port Evander to close its old ferry terminal",
      "The harbor authority says the new pier will double the number of crossings, but ferry crews ask for more time",
      "By Marta Quillon",
      "June 3, 2024",
      "",
      body_lines(),
    })
    assert.are.equal("Port Evander to close its old ferry terminal", doc.title)
    assert.are.equal("standfirst", reason_of(doc, "The harbor authority says the new pier"))
  end)

  it("takes the outlet from the masthead when nothing else names it", function()
    local doc = run(page { "Harbor City Press", "News   Sports   Weather", "", "Port Evander to close its old ferry terminal", "By Marta Quillon", "June 3, 2024", "", body_lines() })
    assert.are.equal("Harbor City Press", doc.outlet)
  end)

  it("drops an author's note that names the byline's author", function()
    local doc = run(page {
      "Port Evander to close its old ferry terminal", "By Marta Quillon", "June 3, 2024", "",
      body_lines(),
      "Marta Quillon is a former ferry captain who writes about the islands.",
    })
    assert.are.same(BODY, doc.paragraphs)
    assert.are.equal("author note", reason_of(doc, "Marta Quillon is a former"))
  end)

  it("keeps the writer's own repetitions in prose", function()
    local doc = run("\"Stay with me, stay with me,\" the nurse said, and the driver held her hand until the ambulance crew arrived at the scene.\n")
    assert.are.equal("\"Stay with me, stay with me,\" the nurse said, and the driver held her hand until the ambulance crew arrived at the scene.", doc.paragraphs[1])
  end)
end)

-- regressions of batch 6 (pages written and scored before the stage was changed)
describe("clean stage regressions", function()
  local HEAD = { "Port Evander to close its old ferry terminal", "By Marta Quillon", "June 3, 2024", "" }
  -- one paragraph a line, no blank lines between them (one blank-line group)
  local function packed(extra_at, extra)
    local t = {}
    for _, l in ipairs(HEAD) do t[#t + 1] = l end
    for i = 1, #BODY do
      t[#t + 1] = BODY[i]
      if i == extra_at then for _, l in ipairs(extra) do t[#t + 1] = l end end
    end
    return run(lines(t))
  end

  it("stops an advertisement's copy at the next paragraph of a packed page", function()
    local doc = packed(2, { "ADVERTISEMENT" })
    assert.are.same(BODY, doc.paragraphs)
    doc = packed(2, { "Advertisement", "Story continues below" })
    assert.are.same(BODY, doc.paragraphs)
  end)

  it("drops a numbered list of headlines under a 'Most read' heading", function()
    local doc = packed(2, { "Most read", "1. Wildfire near Cascabel Ridge forces evacuations",
      "2. Restaurant owner reopens after flood damage", "3. High school names new football coach" })
    assert.are.same(BODY, doc.paragraphs)
    assert.are.equal("related links", reason_of(doc, "2. Restaurant owner"))
  end)

  it("drops an inline 'RELATED:' link line", function()
    local doc = packed(3, { "RELATED: Ferry fares to rise for the first time in a decade" })
    assert.are.same(BODY, doc.paragraphs)
    assert.are.equal("boilerplate: readmore", reason_of(doc, "RELATED: Ferry fares"))
  end)

  it("drops a caption right above a picture credit, and credits in several forms", function()
    local doc = packed(1, { "The old terminal building at dawn on Monday.", "Photo: Abel Dunmore/Coastline Wire" })
    assert.are.same(BODY, doc.paragraphs)
    assert.are.equal("caption (above a credit)", reason_of(doc, "The old terminal building at dawn"))
    for _, credit in ipairs {
      "The terminal in 1958 CREDIT: Ilse Marrow",
      "Passengers queue for the last boat (Harbour Images)",
      "Gazette photo by Rolf Emmerich",
      "Credit...Rosalind Tate for the Harbor Gazette",
      "The terminal has stood since 1958. Buy Now",
      "Image 2 of 5",
    } do
      doc = packed(2, { credit })
      assert.are.same(BODY, doc.paragraphs, credit)
    end
  end)

  it("keeps a short paragraph above a credit when it quotes someone", function()
    local doc = packed(2, { "\"We are ready,\" she said.", "Photo: Abel Dunmore/Coastline Wire" })
    assert.is_true(has_paragraph(doc, "\"We are ready,\" she said."))
  end)

  it("drops teaser blurbs between the headlines of a related list", function()
    local t = {}
    for _, l in ipairs(HEAD) do t[#t + 1] = l end
    for _, l in ipairs(body_lines()) do t[#t + 1] = l end
    for _, l in ipairs {
      "More from the Harbor Gazette",
      "Island school gets a new roof",
      "Council votes on harbour parking",
      "Lifeboat crew rescues two kayakers",
      "The volunteers were called out twice in one afternoon as the wind rose over the bay.",
      "Storm closes the coast road",
      "Bus timetable changes from Monday",
    } do t[#t + 1] = l end
    local doc = run(lines(t))
    assert.are.same(BODY, doc.paragraphs)
  end)

  it("keeps live-blog entry headings and drops the entry times", function()
    local doc = run(lines {
      "The Harbor Gazette", "",
      "Storm live: ferries cancelled as gales reach the bay", "",
      "Marta Quillon and Tomas Brandt",
      "Mon 3 Jun 2024 09.12 BST", "",
      "Key events",
      "2h ago  Crossings suspended",
      "4h ago  Warning issued", "",
      "2h ago",
      "14.35 BST",
      "Crossings suspended",
      BODY[1],
      BODY[2],
      "4h ago",
      "12.20 BST",
      "Warning issued",
      BODY[3],
      BODY[4],
    })
    assert.are.same({ "Crossings suspended", BODY[1], BODY[2], "Warning issued", BODY[3], BODY[4] }, doc.paragraphs)
    assert.are.equal("Storm live: ferries cancelled as gales reach the bay", doc.title)
    assert.are.same({ "Marta Quillon", "Tomas Brandt" }, { table.unpack(doc.authors) })
    assert.are.equal("2024-06-03T09:12:00+01:00", doc.date)
    assert.are.equal("The Harbor Gazette", doc.outlet)
  end)

  it("reads a picture credit line in the header as neither title nor author", function()
    local doc = run(page {
      "Features", "",
      "The last ferryman of Port Evander", "",
      "Words by Marta Quillon",
      "Photographs by Ilse Marrow",
      "Published 3 June 2024", "",
      body_lines(),
    })
    assert.are.equal("The last ferryman of Port Evander", doc.title)
    assert.are.same({ "Marta Quillon" }, { table.unpack(doc.authors) })
  end)

  it("reads a stacked byline of names with their role lines", function()
    local doc = run(page {
      "June 3, 2024 07:30 GMT", "",
      "Port Evander to close its old ferry terminal", "",
      "Marta Quillon", "Senior Correspondent", "Tomas Brandt", "Economics Editor", "",
      body_lines(),
    })
    assert.are.same({ "Marta Quillon", "Tomas Brandt" }, { table.unpack(doc.authors) })
    assert.are.equal("Port Evander to close its old ferry terminal", doc.title)
    assert.are.equal("2024-06-03T07:30:00+00:00", doc.date)
  end)

  it("reads a 'Text:' byline", function()
    local doc = run(page { "Port Evander to close its old ferry terminal", "Text: Marta Quillon and Tomas Brandt", "03.06.2024 08:15 CEST", "", body_lines() })
    assert.are.same({ "Marta Quillon", "Tomas Brandt" }, { table.unpack(doc.authors) })
    assert.are.equal("Port Evander to close its old ferry terminal", doc.title)
    assert.are.equal("2024-06-03T08:15:00+02:00", doc.date)
  end)

  it("does not take a correspondent's region for the outlet from a breadcrumb", function()
    local doc = run(page {
      "The Caledonian Standard", "Home > News > Scotland", "",
      "Port Evander to close its old ferry terminal",
      "By Marta Quillon, Scotland Correspondent",
      "June 3, 2024", "",
      body_lines(),
      "The Caledonian Standard Ltd · Registered in Scotland",
    })
    assert.are.equal("The Caledonian Standard", doc.outlet)
  end)

  it("reads a byline filed from a place: 'By NAME in CITY'", function()
    local doc = run(page { "Port Evander to close its old ferry terminal", "By Marta Quillon in Lisbon", "June 3, 2024", "", body_lines() })
    assert.are.same({ "Marta Quillon" }, { table.unpack(doc.authors) })
    assert.are.equal("Port Evander to close its old ferry terminal", doc.title)
  end)

  it("reads a 'Reviewed by' line under the byline as no author and no title", function()
    local doc = run(page {
      "Port Evander to close its old ferry terminal", "",
      "By Marta Quillon", "Reviewed by Ilse Marrow, PhD", "Originally published June 3, 2024", "",
      body_lines(),
    })
    assert.are.equal("Port Evander to close its old ferry terminal", doc.title)
    assert.are.same({ "Marta Quillon" }, { table.unpack(doc.authors) })
    assert.are.equal("2024-06-03", doc.date)
  end)

  it("takes the headline, not a standfirst across a blank line", function()
    local doc = run(page {
      "Port Evander to close its old ferry terminal", "",
      "The new pier will double the number of crossings, but ferry crews ask for more time", "",
      "By Marta Quillon", "June 3, 2024", "",
      body_lines(),
    })
    assert.are.equal("Port Evander to close its old ferry terminal", doc.title)
  end)

  it("keeps the closing paragraph after a data box", function()
    local doc = packed(4, { "Match facts", "Harbour City 2 Rivergate 1", "Scorers: Ekdahl 12, 64; Moreau 58 pen", "Attendance: 48,210" })
    assert.are.same(BODY, doc.paragraphs)
  end)

  it("finds no pull quote when the candidates are too short to be inside another block", function()
    local a = { ids = { 1, 2, 3, 4, 5 } }
    local b = { ids = { 6, 7, 8, 9, 10, 11 } }
    assert.are.same({}, blocks.contained({ a, b }, 5))
    local c = { ids = { 9, 1, 2, 3, 4, 5, 6, 7, 8 } }
    local found = blocks.contained({ a, b, c }, 5)
    assert.are.equal(c, found[a])
  end)
end)

-- batch 8 of the fixture pages: what an unseen set of pages showed (reader prompts,
-- market-data notes, pull quotes read loosely, author notes, published before updated,
-- dates beside other words, a headline printed twice)
describe("clean stage reader prompts, notes and publish times", function()
  local prompts = require("docpipe.clean.prompts").new("en")
  local function story(before, after)
    local t = { "Port Evander to close its old ferry terminal", "", "By Marta Quillon", "June 3, 2024", "" }
    for _, l in ipairs(before or {}) do t[#t + 1] = l end
    for i = 1, #BODY do
      t[#t + 1] = BODY[i]
      t[#t + 1] = ""
      if i == 3 and after and after.mid then
        for _, l in ipairs(after.mid) do t[#t + 1] = l; t[#t + 1] = "" end
      end
    end
    for _, l in ipairs(after and after.tail or {}) do t[#t + 1] = l; t[#t + 1] = "" end
    return run(lines(t))
  end

  it("prefers the published time to an updated line above it", function()
    local doc = run(page {
      "Port Evander to close its old ferry terminal", "",
      "By Marta Quillon", "Updated 6:02 PM EDT, June 3, 2024", "Published 3:14 PM EDT, June 3, 2024", "",
      body_lines(),
    })
    assert.are.equal("2024-06-03T15:14:00-04:00", doc.date)
  end)

  it("prefers the published time on a line that gives the updated one first", function()
    assert.are.same({ "2024-06-02T15:10:00-05:00", "published" },
      { dates:parse_published("Updated: Jun. 3, 2024 at 9:02 AM CDT | Published: Jun. 2, 2024 at 3:10 PM CDT") })
    -- a published clock with the updated one's day
    assert.are.same({ "2024-06-03T15:14:00-04:00", "published" },
      { dates:parse_published("Updated 6:02 PM EDT, June 3, 2024 · Published 3:14 PM EDT") })
    -- labels after the date: the date is the published one
    assert.are.same({ "2024-06-03T15:14:00-04:00" }, { (dates:parse_published("June 3, 2024 3:14 PM EDT (updated 6:02 PM)")) })
    assert.are.same({ "2024-06-03T18:02:00-04:00", "updated" }, { dates:parse_published("Last updated 6:02 PM EDT, June 3, 2024") })
  end)

  it("reads a date line with a reading time, and the bare name above it as the author", function()
    assert.is_true(dates:is_timestamp("8 June 2025 • 5 min read"))
    local doc = run(page {
      "Port Evander to close its old ferry terminal", "",
      "Marta Quillon", "3 June 2024 · 6 min read", "",
      body_lines(),
    })
    assert.are.equal("2024-06-03", doc.date)
    assert.are.same({ "Marta Quillon" }, { table.unpack(doc.authors) })
  end)

  it("takes a date-only line with other words between the headline and the body", function()
    local doc = run(page {
      "Port Evander to close its old ferry terminal", "",
      "Print edition | Harbours | June 3, 2024", "",
      body_lines(),
    })
    assert.are.equal("2024-06-03", doc.date)
    assert.are.same(BODY, doc.paragraphs)
  end)

  it("removes a newsletter prompt that never says newsletter, and the consent line under its box", function()
    local doc = story(nil, { mid = {
      "Enjoyed this story? Get the best of the Evander Courier delivered every Sunday morning.",
      "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
    } })
    assert.are.same(BODY, doc.paragraphs)
    assert.are.equal("boilerplate: newsletter", reason_of(doc, "Enjoyed this story?"))
    assert.are.equal("boilerplate: newsletter", reason_of(doc, "protected by reCAPTCHA"))
  end)

  it("tells a prompt to the reader from article text about sign-ups", function()
    assert.are.equal("newsletter", prompts:kind("Want more harbour news? Our free Ferry Report lands in your inbox every Friday.", 15))
    assert.are.equal("newsletter", prompts:kind("You can opt out at any time. We will never sell your email address.", 13))
    -- reported speech, a quote, and text about sign-ups that speaks to no one stay
    assert.is_nil(prompts:kind("More than 2,000 residents signed up for the county's flood alerts by email, officials said.", 16))
    assert.is_nil(prompts:kind("\"You can sign up for the newsletter at the library,\" Enquist said.", 12))
    assert.is_nil(prompts:kind("The council's weekly newsletter will list the new ferry times from March.", 12))
  end)

  it("removes a market-data widget's delay note and keeps a delay in the news", function()
    local doc = story(nil, { mid = {
      "Quote data delayed by at least 15 minutes. Market data provided by Quotemark.",
      "The morning ferry was delayed by 45 minutes on Monday after a rope fouled its propeller, the operator said.",
    } })
    assert.are.equal("boilerplate: widget", reason_of(doc, "Quote data delayed"))
    assert.is_true(has_paragraph(doc, "delayed by 45 minutes"))
  end)

  it("removes a chart's icon, caption and ticker line, which is no subhead", function()
    local doc = run(lines {
      "Port Evander to close its old ferry terminal", "By Marta Quillon", "June 3, 2024",
      BODY[1], BODY[2], "Stock chart icon", "Tessaline Lines stock over the past year.", "TSLN 52.18 -8.47 (-13.97%)",
      "Data delayed 20 minutes.", BODY[3], BODY[4], BODY[5],
    })
    assert.are.same(BODY, doc.paragraphs)
  end)

  it("removes a pull quote that differs in apostrophes, and its attribution line", function()
    local body = { table.unpack(BODY) }
    body[4] = "\"We have waited a long time for this, and we don't want to get it wrong for the people who depend on the boats,\" said Marisol Enquist, the company's director of operations."
    local t = { "Port Evander to close its old ferry terminal", "", "By Marta Quillon", "June 3, 2024", "" }
    for i = 1, 5 do
      t[#t + 1] = body[i]; t[#t + 1] = ""
      if i == 4 then
        t[#t + 1] = "“We don’t want to get it wrong for the people who depend on the boats.”"
        t[#t + 1] = "— Marisol Enquist, Tessaline Lines"
        t[#t + 1] = ""
      end
    end
    local doc = run(lines(t))
    assert.are.same(body, doc.paragraphs)
    assert.are.equal("repeated text (pull quote)", reason_of(doc, "We don’t want"))
    assert.are.equal("pull quote attribution", reason_of(doc, "— Marisol Enquist"))
  end)

  it("removes a pull quote that skips words with an ellipsis", function()
    local doc = story(nil, { mid = { "\"We have waited a long time for this ... for the people who depend on the boats every day.\"" } })
    assert.are.same(BODY, doc.paragraphs)
  end)

  it("removes a writer's note at the end, also when the byline does not name the writer", function()
    local doc = story(nil, { tail = {
      "Tamsin Okafor writes about ports and shipping from Halifax. Her last piece for the Courier was about the closing of the Dunmore boatyard.",
    } })
    assert.are.same(BODY, doc.paragraphs)
    assert.are.equal("author note", reason_of(doc, "Tamsin Okafor writes about"))
    -- the byline author "covers ..." with a contact line
    doc = story(nil, { tail = { "Marta Quillon covers transport for the Courier. Reach her at mquillon@courier.example." } })
    assert.are.same(BODY, doc.paragraphs)
  end)

  it("keeps a closing paragraph about a person the story names", function()
    local doc = story(nil, { tail = { "Marisol Enquist is a former editor of the Courier who joined Tessaline Lines in 2019." } })
    assert.is_true(has_paragraph(doc, "Marisol Enquist is a former editor"))
  end)

  it("keeps the headline printed twice above the byline as the title", function()
    local doc = run(page {
      "Evander Courier", "",
      "Port Evander to close its old ferry terminal", "",
      "Port Evander to close its old ferry terminal",
      "The new pier will double the number of crossings.",
      "By Marta Quillon", "June 3, 2024", "",
      body_lines(),
    })
    assert.are.equal("Port Evander to close its old ferry terminal", doc.title)
    assert.are.same(BODY, doc.paragraphs)
  end)

  it("takes no weather widget line for the headline", function()
    local doc = run(page {
      "WKHN Channel 4", "72°F Partly Cloudy", "",
      "Port Evander to close its old ferry terminal", "",
      "By Marta Quillon, WKHN Channel 4", "June 3, 2024", "",
      body_lines(),
    })
    assert.are.equal("Port Evander to close its old ferry terminal", doc.title)
    assert.are.equal("WKHN Channel 4", doc.outlet)
  end)

  it("writes a masthead in capitals as the page writes the name elsewhere", function()
    local t = { "HARBORLIGHT", "", "Port Evander to close its old ferry terminal", "", "By Marta Quillon", "June 3, 2024", "" }
    for _, p in ipairs(BODY) do t[#t + 1] = p; t[#t + 1] = "" end
    t[#t + 1] = "This article appears in the summer issue of Harborlight."
    local doc = run(lines(t))
    assert.are.equal("Harborlight", doc.outlet)
    t[1] = "KVRN"
    assert.are.equal("KVRN", run(lines(t)).outlet)
  end)

  it("joins a contributor sentence hard-wrapped over two lines of a lynx dump", function()
    local doc = run(lines {
      "   Tidewater Press", "",
      "Port Evander to close its old ferry terminal", "",
      "   By MARTA QUILLON", "   Published 3:14 PM EDT, June 3, 2024", "",
      "   PORT EVANDER, Maine (TP) — The harbor authority of Port Evander said Tuesday that it",
      "   would close the old ferry terminal in March and move all crossings to the new pier.", "",
      "   The decision follows two years of complaints from passengers about delays at the",
      "   terminal, which was built in 1958 and has not been renovated since the early 1990s.", "",
      "   Tidewater Press writer Rafael Ito in Bangor, Maine, and Corinne Adair in",
      "   Portland contributed to this report.", "",
    })
    assert.are.same({ "Rafael Ito", "Corinne Adair" }, { table.unpack(doc.contributors) })
    assert.are.equal(2, #doc.paragraphs)
  end)
end)

-- the invented fixture pages of tests/fixtures/clean/, each against its gold
describe("clean stage on the fixture pages", function()
  local dir = "tests/fixtures/clean"
  local names = {}
  local p = io.popen('ls "' .. dir .. '" 2>/dev/null')
  if p then
    for name in p:lines() do
      if name:sub(-5) == ".json" then names[#names + 1] = name:sub(1, -6) end
    end
    p:close()
  end
  table.sort(names)
  for _, id in ipairs(names) do
    it("cleans " .. id .. " as its gold says", function()
      local gold = dp.json.decode(read(dir .. "/" .. id .. ".json"))
      local doc = run(read(dir .. "/" .. id .. ".txt"))
      for _, field in ipairs { "title", "authors", "outlet", "date", "dateline", "highlights", "contributors", "paragraphs" } do
        assert.are.same(gold[field], doc[field], id .. ": " .. field)
      end
    end)
  end
  it("has at least a dozen fixture pages", function()
    assert.is_true(#names >= 12)
  end)
end)

describe("clean after a stage that set metadata", function()
  it("keeps the title, authors, outlet and date it was given and fills the rest", function()
    local ctx = { opts = {}, state = {} }
    for k, o in pairs(clean.options) do ctx.opts[k] = o.default end
    clean.init(ctx.opts, ctx)
    local doc = clean.process({ id = "p", title = "From the page's JSON-LD", authors = { "Ana Ruiz" },
      outlet = dp.null, date = "2024-06-03T10:00:00Z",
      text = "Rain hits Tolvik\n\nBy Marek Holt, Valley Post\n\n"
        .. "TOLVIK (Valley Post) - Heavy rain flooded the lower town on Monday, and the council "
        .. "opened two schools as shelters for the night while crews cleared the drains.\n\n"
        .. "The river is expected to fall by Wednesday, the water authority said in a statement.\n" }, ctx)
    assert.are.equal("From the page's JSON-LD", doc.title)
    assert.are.same({ "Ana Ruiz" }, { table.unpack(doc.authors) })
    assert.are.equal("2024-06-03T10:00:00Z", doc.date)
    assert.are.equal("TOLVIK", doc.dateline:upper())
  end)
end)
