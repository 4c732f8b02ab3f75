-- Specs of the clean stage's metadata for the failure kinds found on the fourth blind
-- set: datelines in mixed case with a region and a colon, capitals datelines carrying a
-- date and an en dash; a byline sharing its line with a timestamp after a bar; a sign-off
-- after the body ("— NAME, Role"); a "First published" line as the only absolute date;
-- a date and its time with the zone on two lines; a wire credit in parentheses; a
-- capitals masthead under a bulleted menu; a highlight bullet with no stopword; and the
-- time zones added to en/clean_timezones.txt. Every page below is invented (fictional
-- towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")
local dates = require("docpipe.clean.dates").new("en")

local P1 = "The ferry between Tollin Sound and Cray Island will run an extra sailing on weekdays from January, the island trust said on Friday, after a year of complaints about full boats."
local P2 = "Trust manager Ailsa Drummond-Kerr said the extra sailing would leave the island at 6.40am, so that shift workers could reach the mainland hospital by eight."
local P3 = "\"People have been standing on the pier watching a full boat leave without them. That cannot go on,\" she said."
local P4 = "The trust said fares would not rise to pay for the extra sailing, which will be funded from harbour dues for at least two years."

describe("clean meta: datelines", function()
  it("reads a mixed-case dateline with a region ended by a colon", function()
    local dl = meta.dateline("Tollin Sound, NZ: The ferry between the two towns will run on Sundays.")
    assert.are.equal("Tollin Sound, NZ", dl.place)
    assert.are.equal("The ferry between the two towns will run on Sundays.", dl.rest)
    dl = meta.dateline("Port Ellery, Tasmania — The council voted to close the pool.")
    assert.are.equal("Port Ellery, Tasmania", dl.place)
  end)

  it("does not read two names before a colon as a dateline", function()
    assert.is_nil(meta.dateline("Smith, Jones: The two firms will merge next year."))
    assert.is_nil(meta.dateline("Mara Quill, Reporter: The council met on Friday."))
  end)

  it("reads a capitals dateline with a region, a month and day and an en dash", function()
    local dl = meta.dateline("MBARARO, Uganda, December 3 – Hundreds of farmers marched on Friday.")
    assert.are.equal("MBARARO, Uganda", dl.place)
    assert.are.equal("Hundreds of farmers marched on Friday.", dl.rest)
    dl = meta.dateline("KESTLE FALLS, Eastern Province, Nov. 28 — The road reopened.")
    assert.are.equal("KESTLE FALLS, Eastern Province", dl.place)
  end)

  it("takes the mixed-case dateline off the first paragraph of a page", function()
    local doc = run(lines {
      "Cray Island Courier",
      "Ferry to add early weekday sailing from January",
      "By Fenella Rowse",
      "Friday 27 November 2026",
      "", "Tollin Sound, Qld: " .. P1, "", P2, "", P3, "", P4,
    })
    assert.are.equal("Tollin Sound, Qld", doc.dateline)
    assert.are.equal(P1, doc.paragraphs[1])
  end)
end)

describe("clean meta: bylines and sign-offs", function()
  it("reads names sharing their line with a timestamp after a bar as a byline", function()
    local by = meta.byline("Orla Baptiste-Crane | Updated Dec. 2, 2026 at 4:10 p.m. EST", dates)
    assert.is_truthy(by)
    assert.are.same({ "Orla Baptiste-Crane" }, by.authors)
    -- a section label before a bar is no author
    assert.is_nil(meta.byline("Local News | December 2, 2026", dates))
  end)

  it("takes the author of a 'NAME | Published DATE' line with the time on the next line", function()
    local doc = run(lines {
      "Cray Island Courier",
      "Ferry to add early weekday sailing from January",
      "Fenella Rowse | Published Nov 27, 2026",
      "6:40 PM AEST",
      "", P1, "", P2, "", P3, "", P4,
    })
    assert.are.same({ "Fenella Rowse" }, doc.authors)
    assert.are.equal("2026-11-27T18:40:00+10:00", doc.date)
    assert.are.equal("Ferry to add early weekday sailing from January", doc.title)
  end)

  it("reads a sign-off with a name and a role as the author", function()
    assert.are.same({ "Tamsin Errol" }, meta.signoff("— Tamsin Errol, Courier correspondent").authors)
    assert.are.same({ "Tamsin Errol" }, meta.signoff("-- Tamsin Errol, Senior Reporter").authors)
    -- a quoted speaker with a title that is no journalist's job is not a sign-off
    assert.is_nil(meta.signoff("— Tamsin Errol, mayor of Tollin Sound"))
    assert.is_nil(meta.signoff("— Tamsin Errol"))
  end)

  it("takes the author from a sign-off after the body when the header names none", function()
    local doc = run(lines {
      "Cray Island Courier",
      "Ferry to add early weekday sailing from January",
      "Friday 27 November 2026",
      "", P1, "", P2, "", P3, "", P4,
      "– Tamsin Errol, Island Affairs Reporter",
      "© 2026 Cray Island Courier",
    })
    assert.are.same({ "Tamsin Errol" }, doc.authors)
    assert.is_false(pages.has_paragraph(doc, "Tamsin Errol"))
  end)
end)

describe("clean meta: dates", function()
  it("takes a 'First published' line under the body when the top gives a relative time only", function()
    local doc = run(lines {
      "Cray Island Courier",
      "Ferry to add early weekday sailing from January",
      "By Fenella Rowse",
      "Published 4 hours ago",
      "", P1, "", P2, "", P3, "", P4,
      "First published: Fri, 27 Nov 2026, 2:30pm NZDT",
    })
    assert.are.equal("2026-11-27T14:30:00+13:00", doc.date)
  end)

  it("reads a date and the time with its zone on the line under it together", function()
    local doc = run(lines {
      "Cray Island Courier",
      "Ferry to add early weekday sailing from January",
      "By Fenella Rowse",
      "Friday, 27 Nov 2026",
      "8:15 AM MYT",
      "", P1, "", P2, "", P3, "", P4,
    })
    assert.are.equal("2026-11-27T08:15:00+08:00", doc.date)
  end)

  it("reads a clock line as a clock line only", function()
    assert.is_true(dates:is_clock_line("9:05 AM MYT"))
    assert.is_true(dates:is_clock_line("07:20 ACDT"))
    assert.is_false(dates:is_clock_line("Updated 3 hours ago"))
    assert.is_false(dates:is_clock_line("12 dead in floods"))
  end)
end)

describe("clean meta: time zones", function()
  local function at(zone) return dates:parse("27 November 2026 10:00 " .. zone) end
  it("reads MYT as Malaysia time, +08:00", function() assert.are.equal("2026-11-27T10:00:00+08:00", at("MYT")) end)
  it("reads NPT as Nepal time, +05:45", function() assert.are.equal("2026-11-27T10:00:00+05:45", at("NPT")) end)
  it("reads BDT as Bangladesh time, +06:00", function() assert.are.equal("2026-11-27T10:00:00+06:00", at("BDT")) end)
  it("reads MMT as Myanmar time, +06:30", function() assert.are.equal("2026-11-27T10:00:00+06:30", at("MMT")) end)
  it("reads SLST as Sri Lanka time, +05:30", function() assert.are.equal("2026-11-27T10:00:00+05:30", at("SLST")) end)
  it("reads WITA as central Indonesia time, +08:00", function() assert.are.equal("2026-11-27T10:00:00+08:00", at("WITA")) end)
  it("reads WIT as eastern Indonesia time, +09:00", function() assert.are.equal("2026-11-27T10:00:00+09:00", at("WIT")) end)
  it("reads ACDT as Australian central daylight time, +10:30", function() assert.are.equal("2026-11-27T10:00:00+10:30", at("ACDT")) end)
  it("reads AWDT as Australian western daylight time, +09:00", function() assert.are.equal("2026-11-27T10:00:00+09:00", at("AWDT")) end)
  it("reads ChST as Chamorro (Guam) time, +10:00", function() assert.are.equal("2026-11-27T10:00:00+10:00", at("ChST")) end)
  it("reads BRT as Brasília time, -03:00", function() assert.are.equal("2026-11-27T10:00:00-03:00", at("BRT")) end)
  it("keeps CST as US Central time, -06:00", function() assert.are.equal("2026-11-27T10:00:00-06:00", at("CST")) end)
end)

describe("clean meta: contributors, outlet, highlights", function()
  it("reads the names of a wire credit in parentheses", function()
    assert.are.same({ "Ines Macharia", "Dorcas Wanjiku", "Piet Haldane" },
      meta.contributors("(Reporting by Ines Macharia and Dorcas Wanjiku; Editing by Piet Haldane)"))
  end)

  it("reads a qualified reporting credit ('Data reporting by NAME')", function()
    assert.are.same({ "Hollis Varga" }, meta.contributors("Data reporting by Hollis Varga."))
  end)

  it("takes the capitals masthead under a bulleted menu as the outlet, not the first item", function()
    local doc = run(lines {
      "   * Home",
      "   * News",
      "   * Sport",
      "   * Opinion",
      "",
      "   CRAY ISLAND COURIER",
      "   The island's weekly since 1921",
      "",
      "Ferry to add early weekday sailing from January",
      "",
      "   By Fenella Rowse",
      "   Friday 27 November 2026",
      "", "   " .. P1, "", "   " .. P2, "", "   " .. P3, "", "   " .. P4,
    })
    assert.are.equal("Cray Island Courier", doc.outlet)
  end)

  it("keeps a highlight bullet with no stopword in a box of highlights", function()
    local doc = run(lines {
      "Cray Island Courier",
      "Ferry to add early weekday sailing from January",
      "By Fenella Rowse",
      "Friday 27 November 2026",
      "",
      "Highlights",
      "• The extra sailing leaves the island at 6.40am",
      "• Fares will not rise to pay for it",
      "• Shift workers welcome earlier crossing",
      "", P1, "", P2, "", P3, "", P4,
    })
    assert.are.same({ "The extra sailing leaves the island at 6.40am", "Fares will not rise to pay for it",
      "Shift workers welcome earlier crossing" }, doc.highlights)
  end)
end)
