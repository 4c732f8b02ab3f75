-- Specs of the clean stage's metadata for the failure kinds of blind sets AT and AU
-- (issue 4): a box heading or a menu item taken as the title, a government site's
-- banner taken as the title, a byline with its place and a relative time, a meta bar
-- of a date, names and sections, a desk byline, numeric dates in a dateline, and the
-- outlet among several names. Every page below is invented (fictional towns, people
-- and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")
local dates = require("docpipe.clean.dates").new("en")
local dp_null = require("docpipe").null

local P1 = "Growers in the Orvanne hills have started selling their pears through a new cooperative store in Wenmouth, a move the district farm office says could raise what they earn by a fifth."
local P2 = "The store, built by the Orvanne Growers' Union with a loan from a savings group, opened on Monday and took in nine tonnes of fruit in its first two days."
local P3 = "\"The trader gives you cash today, but he decides the weight and the price,\" said grower Idony Farrant, who farms four acres near Kellow."
local P4 = "The union said it would open two collection points in the upper valley before the next harvest, which begins in September."
local BODY = { P1, P2, P3, P4 }

local function blank_page(head)
  local t = {}
  for _, l in ipairs(head) do t[#t + 1] = l end
  for _, p in ipairs(BODY) do t[#t + 1] = ""; t[#t + 1] = p end
  return lines(t)
end

local function packed_page(head)
  local t = {}
  for _, l in ipairs(head) do t[#t + 1] = l end
  for _, p in ipairs(BODY) do t[#t + 1] = p end
  return lines(t)
end

local HEAD = "Orvanne growers turn to cooperative store to beat the traders"

describe("clean meta: the title over a box heading or a menu", function()
  it("takes the headline, not a box heading over bullets, above a byline with a place and a relative time", function()
    local doc = run(blank_page {
      "The Orvanne Weekly", "", "Home | News | Farming | Sport | Opinion", "", "FARMING", "",
      HEAD, "", "By Ruta Kaskel in Wenmouth · 4 hours ago", "",
      "At a glance", "• New union store opened in Wenmouth on Monday",
      "• Growers are paid most of the price on delivery", "• Upper valley growers say the store is too far",
    })
    assert.are.equal(HEAD, doc.title)
    assert.are.same({ "Ruta Kaskel" }, doc.authors)
  end)

  it("takes the headline over a byline crediting words and photos on a page with no blank lines", function()
    local doc = run(packed_page {
      "The Orvanne Messenger", "Newsletter of the Orvanne Growers' Union", "Home", "Union", "Opening Hours",
      "Markets", "Contact", "News › Farming", HEAD, "Words by Idony Ferris | Photos by Caleb Ormsby", "3 March 2026",
    })
    assert.are.equal(HEAD, doc.title)
    assert.are.same({ "Idony Ferris" }, doc.authors)
    assert.are.equal("2026-03-03", doc.date)
  end)

  it("takes the headline over a 'Story by | Pictures by' byline with no blank lines", function()
    local doc = run(packed_page {
      "The Kellow Herald", "Home", "Fixtures", "News", HEAD,
      "Story by Wenna Polglase | Pictures by Jory Trewin", "14 May 2026",
    })
    assert.are.equal(HEAD, doc.title)
    assert.are.same({ "Wenna Polglase" }, doc.authors)
  end)

  it("takes the headline above a short box heading over a list, not the heading, when no byline is read", function()
    local doc = run(blank_page {
      "The Orvanne Weekly", "", HEAD, "", "Ruta Kaskel, Wenmouth · 2 days ago", "",
      "Opening hours", "• Monday to Friday, 8am to 5pm", "• Saturday, 9am to noon",
    })
    assert.are.equal(HEAD, doc.title)
  end)

  it("still takes a short heading over a list as the title when no headline stands above it", function()
    local doc = run(blank_page {
      "The Orvanne Weekly", "", "Home | News | Farming", "", "Harvest in numbers", "• Nine tonnes in two days", "• Four hundred growers",
    })
    assert.are.equal("Harvest in numbers", doc.title)
  end)

  it("takes the headline, not the 'Key facts' heading of the bullets under the date", function()
    local doc = run(blank_page {
      "The Orvanne Weekly", "", HEAD, "", "March 3, 2026", "",
      "Key facts", "• The store opened on Monday", "• Nine tonnes in two days",
    })
    assert.are.equal(HEAD, doc.title)
  end)
end)

describe("clean meta: a government site's banner", function()
  it("reads the banner lines as title furniture", function()
    assert.is_true(meta.title_furniture("An official website of the State of Norvale. Here's how you know"))
    assert.is_true(meta.title_furniture("An official website of the United States government"))
    assert.is_true(meta.title_furniture("Official websites use .gov"))
    assert.is_true(meta.title_furniture("Secure .gov websites use HTTPS"))
    assert.is_false(meta.title_furniture("Officials use new website to track the harvest"))
  end)

  it("takes the headline under a release's contact, not the banner, in a lynx dump", function()
    local doc = run(lines {
      "                    Norvale State Board of Pharmacy", "",
      "   Home | About the Board | Licensing | Complaints | Newsroom | Contact", "",
      "   An official website of the State of Norvale. Here's how you know", "",
      "NEWS RELEASE", "", "   FOR IMMEDIATE RELEASE", "   April 7, 2026", "",
      "   Contact: Odile Brackett, Public Information Officer",
      "   (555) 0142-3310 | press@pharmacy.norvale.example", "",
      "Board fines Kellow Ridge pharmacy over missing controlled drugs", "",
      "   KELLOW RIDGE — The Norvale State Board of Pharmacy on Monday fined a", "   pharmacy in Kellow Ridge after an audit found that 412 doses of a", "   controlled drug could not be accounted for.", "",
      "   The board voted 6-1 to impose the fine and to require monthly audits", "   for two years, the board said in a statement on Tuesday.", "",
      "   \"Every dose has to be counted, every time,\" said board president", "   Dr. Amos Penhale. \"That is the whole point of the rules.\"", "",
      "   The pharmacy may appeal the order within 30 days of its issue.", "",
    })
    assert.are.equal("Board fines Kellow Ridge pharmacy over missing controlled drugs", doc.title)
  end)

  it("takes the headline under the banner lines of a federal site", function()
    local doc = run(blank_page {
      "An official website of the United States government", "", "Official websites use .gov", "",
      "Secure .gov websites use HTTPS", "", "Office of Rural Orchards", "",
      HEAD, "", "March 3, 2026",
    })
    assert.are.equal(HEAD, doc.title)
  end)
end)

describe("clean meta: bylines", function()
  it("cuts the place and a relative time after a separator from a byline", function()
    assert.are.same({ "Ruta Kaskel" }, meta.byline("By Ruta Kaskel in Wenmouth · 4 hours ago", dates).authors)
    assert.are.same({ "Jory Penhallow" }, meta.byline("By Jory Penhallow at Kellow | 2 hours ago", dates).authors)
  end)

  it("reads the names of a meta bar of a date, names joined by '&' and sections", function()
    local by = meta.byline("14 June 2026 | Kit Bramble & Nessa Quill | Club News, Racing", dates)
    assert.are.same({ "Kit Bramble", "Nessa Quill" }, by.authors)
    assert.are.same({ "Ama Tiller" }, meta.byline("June 14, 2026 | Ama Tiller", dates).authors)
  end)

  it("reads no names from a meta bar of a date and sections only", function()
    assert.is_nil(meta.byline("14 June 2026 | Club News | Racing", dates))
  end)

  it("takes both names and the date of a meta bar on the page", function()
    local doc = run(blank_page {
      "Kellow Sailing Club", "", "Home | Racing | Training | Social | Join", "",
      "Spring Series Race 2: a stiff breeze and a broken boom", "",
      "14 June 2026 | Kit Bramble & Nessa Quill | Club News, Racing",
    })
    assert.are.same({ "Kit Bramble", "Nessa Quill" }, doc.authors)
    assert.are.equal("2026-06-14", doc.date)
  end)

  it("reads a desk byline closing on 'Newsdesk' as staff, no person", function()
    local by = meta.byline("By Valley Newsdesk", dates)
    assert.are.same({}, by.authors)
    assert.is_true(by.staff)
    assert.are.same({}, meta.byline("By Courier News Desk", dates).authors)
    assert.are.same({}, meta.byline("By Gazette Newsroom", dates).authors)
    assert.are.same({}, meta.byline("By Digital Team", dates).authors)
    assert.are.same({ "Tamsin Orrell" }, meta.byline("By Tamsin Orrell", dates).authors)
  end)

  it("gives no author for a desk byline on the page", function()
    local doc = run(blank_page {
      "The Orvanne Wool Bulletin", "", HEAD, "", "By Bulletin Newsdesk", "", "Published 2 November 2026, 18:45 SAST",
    })
    assert.are.same({}, doc.authors)
    assert.are.equal(HEAD, doc.title)
  end)

  it("takes more desk words from the option desk_words", function()
    local doc = run(blank_page {
      "The Orvanne Wool Bulletin", "", HEAD, "", "By Bulletin Wiredesk", "", "Published 2 November 2026",
    }, { desk_words = { "wiredesk" } })
    assert.are.same({}, doc.authors)
  end)
end)

local F1 = "Ferry services between Ashcombe and the outer islands will run on a winter timetable from next month, the harbour authority said on Tuesday."
local F2 = "The authority said two of its four ferries would go into dry dock for repairs, and that the crossing would run twice a day instead of four times."
local F3 = "\"We know this is hard on people who cross every day,\" said authority chair Wenna Polglase."
local FHEAD = "Ferries to outer islands cut to two crossings a day"

local function ferry(lead, under)
  local t = { "The Ashcombe Ledger", "", FHEAD, "" }
  if under then t[#t + 1] = under; t[#t + 1] = "" end
  for _, p in ipairs { lead, F2, F3 } do t[#t + 1] = p; t[#t + 1] = "" end
  return lines(t)
end

describe("clean meta: numeric dates in a dateline", function()
  it("reads a year-first dotted date with its time and zone in a dateline and cuts it", function()
    local doc = run(ferry("ASHCOMBE, 2026.02.17 11:42 EET — " .. F1))
    assert.are.equal("ASHCOMBE", doc.dateline)
    assert.are.equal("2026-02-17T11:42:00+02:00", doc.date)
    assert.are.equal(F1, doc.paragraphs[1])
  end)

  it("reads a day-first dotted date before the agency in a dateline and cuts it", function()
    local doc = run(ferry("ASHCOMBE, 17.02.2026 (Ledger) — " .. F1))
    assert.are.equal("ASHCOMBE", doc.dateline)
    assert.are.equal("2026-02-17", doc.date)
    assert.are.equal(F1, doc.paragraphs[1])
  end)

  it("reads an ISO date before the agency in a dateline and cuts it", function()
    local doc = run(ferry("ASHCOMBE, 2026-02-17 (Ledger) — " .. F1))
    assert.are.equal("ASHCOMBE", doc.dateline)
    assert.are.equal("2026-02-17", doc.date)
    assert.are.equal(F1, doc.paragraphs[1])
  end)

  it("keeps the time and zone after a worded date in a dateline", function()
    local doc = run(ferry("ASHCOMBE, Feb. 17, 2026 11:42 EET — " .. F1))
    assert.are.equal("ASHCOMBE", doc.dateline)
    assert.are.equal("2026-02-17T11:42:00+02:00", doc.date)
  end)

  it("keeps the time of a dotted date with a zone on a line of its own", function()
    assert.are.equal("2026-02-17T11:42:00+09:00", run(ferry(F1, "2026. 2. 17. 11:42 KST")).date)
    assert.are.equal("2026-02-17T09:05:00+01:00", run(ferry(F1, "17.2.2026. 9:05 CET")).date)
    assert.are.equal("2026-02-17", run(ferry(F1, "17.2.2026. 9:05")).date)
  end)
end)

describe("clean meta: the file-photo caption opener", function()
  it("never reads FILE before a dash as a dateline", function()
    local cap = "The Ashcombe ferry Marisol leaves the harbour for the outer islands on a calm morning in May last year."
    for _, dash in ipairs { " - ", " — ", " -- " } do
      local doc = run(ferry("FILE" .. dash .. cap, "February 17, 2026"))
      assert.are.equal(dp_null, doc.dateline)
    end
  end)

  it("reads the dateline of the paragraph under a FILE caption", function()
    local cap = "FILE - The Ashcombe ferry Marisol leaves the harbour for the outer islands on a calm morning in May last year."
    local t = { "The Ashcombe Ledger", "", FHEAD, "", "February 17, 2026", "", cap, "", "ASHCOMBE — " .. F1, "", F2, "", F3, "" }
    assert.are.equal("ASHCOMBE", run(lines(t)).dateline)
  end)

  it("reads a numeric date written wrong as a date shape, no clock widget", function()
    assert.is_true(dates:date_shaped("2026.02.30 11:42 EET"))
    assert.is_true(dates:date_shaped("30/02/2026"))
    assert.is_false(dates:date_shaped("Last trade 9:41 AM EDT"))
  end)

  it("does not name a line holding an impossible date a clock widget", function()
    local t = { "The Ashcombe Ledger", "", FHEAD, "", "By Lena Hart", "", "2026.02.30 11:42 EET", "",
      "ASHCOMBE — " .. F1, "", F2, "", F3, "" }
    local doc = run(lines(t))
    local reason
    for _, r in ipairs(doc.meta.removed) do
      if r.text == "2026.02.30 11:42 EET" then reason = r.reason end
    end
    assert.is_string(reason)
    assert.are_not.equal("boilerplate: widget", reason)
    assert.are.equal(dp_null, doc.date)
  end)
end)

describe("clean meta: the outlet among several names", function()
  local function page(head, foot)
    local t = {}
    for _, l in ipairs(head) do t[#t + 1] = l end
    for _, p in ipairs(BODY) do t[#t + 1] = ""; t[#t + 1] = p end
    t[#t + 1] = ""
    for _, l in ipairs(foot or {}) do t[#t + 1] = l end
    return lines(t)
  end

  it("drops a station's call sign before its name when the page writes the name alone", function()
    local doc = run(page({ "KVW Radio Kellowen", "", "News | Sport | Listen live", "", HEAD, "", "By Ruta Kaskel", "", "March 3, 2026" },
      { "© 2026 Radio Kellowen. All rights reserved." }))
    assert.are.equal("Radio Kellowen", doc.outlet)
  end)

  it("keeps a call sign the page never leaves off", function()
    local doc = run(page({ "KVW Radio Kellowen", "", "News | Sport | Listen live", "", HEAD, "", "By Ruta Kaskel", "", "March 3, 2026" },
      { "© 2026 KVW Radio Kellowen. All rights reserved." }))
    assert.are.equal("KVW Radio Kellowen", doc.outlet)
  end)

  it("reads a station's name and band before its frequency as the masthead", function()
    assert.are.equal("Orvanne FM", meta.call_sign("Orvanne FM 97.4 – The Voice of the Valley"))
    local doc = run(page({ "Orvanne FM 97.4 – The Voice of the Valley", "", "News | Sport | Listen live", "", HEAD, "", "By Orvanne FM Newsroom", "", "March 3, 2026" },
      { "© 2026 Orvanne Broadcasting (Pty) Ltd" }))
    assert.are.equal("Orvanne FM", doc.outlet)
  end)

  it("keeps the masthead's dash when the copyright holder writes the name without it", function()
    local doc = run(page({ "Methodist Circuit – Western Isles District", "", "Home | News | Churches", "", HEAD, "", "March 3, 2026" },
      { "© 2026 Methodist Circuit Western Isles District. All rights reserved." }))
    assert.are.equal("Methodist Circuit – Western Isles District", doc.outlet)
  end)

  it("takes the publication's own name under its publisher's masthead", function()
    local doc = run(page({ "Shire of Wenmouth", "", "Home   Council   Services   Community   Contact", "",
      "Wenmouth Clarion – Community Newsletter", "Issue 88 · March 2026", "", HEAD, "", "Words by Ruta Kaskel", "Friday 6 March 2026" },
      { "© Shire of Wenmouth 2026   Privacy   Sitemap" }))
    assert.are.equal("Wenmouth Clarion", doc.outlet)
  end)

  it("keeps the publisher's masthead over a section's bulletin that shares no word with it", function()
    local doc = run(page({ "Shire of Wenmouth", "", "Home   Council   Services   Community   Contact", "",
      "Weekly Bulletin", "", HEAD, "", "Friday 6 March 2026" },
      { "© Shire of Wenmouth 2026   Privacy   Sitemap" }))
    assert.are.equal("Shire of Wenmouth", doc.outlet)
  end)

  it("keeps the masthead over its tagline naming a kind of publication", function()
    local doc = run(page({ "THE KELLOW BUSINESS CHRONICLE", "Kellow's Business Newspaper", "Home", "News", "Markets", "", HEAD, "", "March 3, 2026" },
      { "© 2026 The Kellow Business Chronicle. All rights reserved." }))
    assert.are.equal("The Kellow Business Chronicle", doc.outlet)
  end)

  it("takes the full name an acronym stands for from a notice naming 'the' publication", function()
    assert.are.equal("Orvanne Farm Ledger", meta.acronym_expansion("OFL", { "Get the Orvanne Farm Ledger briefing every Monday" }))
    assert.are.equal("OFL", meta.acronym_expansion("OFL", { "Our farm ledger is open" }))
  end)

  it("takes a society's name over its founding year, under a name in another language", function()
    local doc = run(page({ "Cymdeithas Aredig Cwm Llwyd", "Cwm Llwyd Ploughing Society", "Est. 1951", "",
      "Home", "About", "Matches", "News", "", HEAD, "", "Posted on 6 March 2026 by Ruta Kaskel" },
      { "Registered charity no. 1188420 · Cwm Llwyd Ploughing Society" }))
    assert.are.equal("Cwm Llwyd Ploughing Society", doc.outlet)
  end)

  it("keeps a domain-shaped name of the copyright line as the page writes it", function()
    local doc = run(page({ "MarketPulse.kv – Business News from Kellow in English", "", "Home | Markets | Companies", "", HEAD, "", "March 3, 2026" },
      { "© 2026 MarketPulse.kv. All rights reserved." }))
    assert.are.equal("MarketPulse.kv", doc.outlet)
  end)
end)
