-- Specs of the clean stage's metadata for the failure kinds of blind sets AV to AY
-- (issue 4): an organisation's name over a release's header taken as the title, a
-- release's contact person taken as its author, a place in capitals closed by a full
-- stop opening the first paragraph, and outlets written with an ampersand, a hyphen or
-- in capitals. Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines, lynx_wrap = pages.run, pages.lines, pages.lynx_wrap
local dp_null = require("docpipe").null

local R1 = "The Hollister Valley Board of Pharmacy on Wednesday approved a rule that lets pharmacists renew a prescription for a chronic illness for up to 90 days when the prescriber cannot be reached."
local R2 = "The board voted 6-2 for the rule after a public hearing in Marrow Falls and more than 300 written comments, most of them from pharmacies in small towns."
local R3 = "\"A patient should not go without insulin because a clinic is closed for a long weekend,\" said board chair Odalys Penhallow."
local R4 = "The rule takes effect on July 1 and will be reviewed by the board after two years."

-- a release dumped by lynx: the masthead at the left margin, the header and the text
-- indented, the headline at the margin
local function release(masthead, contact, headline, tagline)
  local t = { masthead, "", tagline or "   Protecting patients through pharmacy regulation", "",
    "   Home | Licensing | Discipline | Laws & Rules | News | Contact", "", "News Releases", "",
    "   FOR IMMEDIATE RELEASE", "   Date: March 4, 2026", "" }
  for _, l in ipairs(contact) do t[#t + 1] = l end
  t[#t + 1] = ""
  t[#t + 1] = headline
  for _, p in ipairs({ "MARROW FALLS — " .. R1, R2, R3, R4 }) do
    t[#t + 1] = ""
    t[#t + 1] = lynx_wrap(p, 76)
  end
  t[#t + 1] = ""
  return lines(t)
end

local HEAD = "Pharmacists may renew chronic prescriptions for 90 days under new rule"
local CONTACT_BLOCK = { "   Media contact:", "   Tobiah Wrenfield, Public Affairs Officer", "   (555) 555-0134 | press@hvbp.example" }
local CONTACT_LINE = { "   Contact: Tobiah Wrenfield, Public Affairs Officer", "   (555) 555-0134 | press@hvbp.example" }

describe("clean meta: an organisation's masthead over a release", function()
  it("takes the release's headline, not the agency's name in capitals over its header", function()
    local doc = run(release("HOLLISTER VALLEY BOARD OF PHARMACY", CONTACT_BLOCK, HEAD))
    assert.are.equal(HEAD, doc.title)
  end)
  it("takes the release's headline, not the district's name in title case over its header", function()
    local doc = run(release("Orvanne Valley Water District", CONTACT_LINE, HEAD, "   Report a leak: (555) 555-0190"))
    assert.are.equal(HEAD, doc.title)
  end)
  it("keeps a headline in title case at the page's top that names no organisation", function()
    local top = "Kellow Harvest Fair Returns For Its Fortieth Year"
    local doc = run(release(top, CONTACT_LINE, "News from the valley"))
    assert.are.equal(top, doc.title)
  end)
end)

describe("clean meta: a release's contact person", function()
  it("gives no author for the name under a lone media contact label", function()
    local doc = run(release("HOLLISTER VALLEY BOARD OF PHARMACY", CONTACT_BLOCK, HEAD))
    assert.are.same({}, doc.authors)
  end)
  it("gives no author for the name on a contact line", function()
    local doc = run(release("Orvanne Valley Water District", CONTACT_LINE, HEAD))
    assert.are.same({}, doc.authors)
  end)
end)

local NEWS_HEAD = { "THE KELLOWAY COAST TIMES", "", "HOME  NEWS  FARMING  SPORT", "",
  "Fishermen demand fuel subsidy as prices climb", "", "By Ebele Nantongo", "Published: 12/03/2026", "" }
local N2 = "The fishermen, under their umbrella body, the Kelloway Boat Owners Association, say the price of petrol has risen by a third since January."
local N3 = "\"We cannot go out if we cannot buy fuel,\" said the association's chairman, Mr Oduya Kiwanuka."
local N4 = "The district fisheries office said it would meet the fishermen next week."
local function news(first)
  local t = {}
  for _, l in ipairs(NEWS_HEAD) do t[#t + 1] = l end
  for _, p in ipairs({ first, N2, N3, N4 }) do t[#t + 1] = p; t[#t + 1] = "" end
  return lines(t)
end

describe("clean meta: a place in capitals closed by a full stop", function()
  it("reads a dateline from a capitals place and a full stop that the article names in mixed case", function()
    local doc = run(news("KELLOWAY. Fishermen working from landing sites in Kelloway District have threatened to keep their boats ashore unless the government cuts the price of fuel."))
    assert.are.equal("KELLOWAY", doc.dateline)
    assert.are.equal("Fishermen working from landing sites in Kelloway District have threatened to keep their boats ashore unless the government cuts the price of fuel.", doc.paragraphs[1])
  end)
  it("reads no dateline from a label in capitals closed by a full stop", function()
    local doc = run(news("UPDATE. Fishermen working from landing sites in Kelloway District have threatened to keep their boats ashore unless the government cuts the price of fuel."))
    assert.are.equal(dp_null, doc.dateline)
  end)
  it("reads no dateline from an acronym the article never writes as a place", function()
    local doc = run(news("KBOA. Fishermen working from landing sites in Kelloway District have threatened to keep their boats ashore unless the government cuts the price of fuel."))
    assert.are.equal(dp_null, doc.dateline)
  end)
end)

local C1 = "Members of the Hollin Bay club took three of the five races at the autumn regatta on the Wenmouth estuary on Saturday, their best result in a decade."
local C2 = "The club's youth crew won the junior fours by two lengths after leading from the start, and the veterans' pair held off a late challenge from Kellow."
local C3 = "\"The youngsters trained through the summer and it showed,\" said the club's head coach, Idony Farrant."
local C4 = "The regatta's next round is at Marrow Falls on 18 October, when the club will race in all five classes."
local function club(top, foot)
  local t = {}
  for _, l in ipairs(top) do t[#t + 1] = l end
  for _, p in ipairs({ C1, C2, C3, C4 }) do t[#t + 1] = p; t[#t + 1] = "" end
  for _, l in ipairs(foot or {}) do t[#t + 1] = l end
  return lines(t)
end
local CLUB_HEAD = "Hollin Bay crews take three titles at autumn regatta"

describe("clean meta: the outlet named by a masthead", function()
  it("takes a masthead in capitals with an ampersand, title-cased, when the page writes it again", function()
    local doc = run(club({ "HOLLIN BAY ROWING & SAILING ASSOCIATION", "", "Home › News › Results", "", CLUB_HEAD, "",
      "By Ruta Kaskel · Results Secretary", "Updated 4 October 2026", "" },
      { "The Hollin Bay Rowing & Sailing Association is a registered charity.", "" }))
    assert.are.equal("Hollin Bay Rowing & Sailing Association", doc.outlet)
  end)
  it("takes a newsletter's hyphenated name at the page's top, not a prompt to subscribe", function()
    local doc = run(club({ "Tauvale-i-uta Parish Newsletter", "Congregational Church – Wenmouth District", "",
      "Home | About | Services | Youth | Newsletter | Contact", "", CLUB_HEAD, "",
      "Posted by Ruta Kaskel on October 4, 2026", "" }))
    assert.are.equal("Tauvale-i-uta Parish Newsletter", doc.outlet)
  end)
  it("takes the masthead over the headline for a byline naming its last word", function()
    local doc = run(club({ "   Wenmouth Town Council", "", "     * Home", "     * Bulletin", "     * Contact", "",
      "Wenmouth Weekly Bulletin", "", CLUB_HEAD, "", "   By Bulletin Staff", "   Saturday, 4 October 2026", "" }))
    assert.are.equal("Wenmouth Weekly Bulletin", doc.outlet)
  end)
  it("takes a club's name as its official site's banner writes it over the footer's longer form", function()
    local doc = run(club({ "Official Website of Hollin Bay RC", "", "Home  News  Fixtures  Club  Shop", "", CLUB_HEAD, "",
      "By Club Media Desk", "4 October 2026", "" }, { "© 2026 Hollin Bay Rowing Club. All rights reserved.", "" }))
    assert.are.equal("Hollin Bay RC", doc.outlet)
  end)
  it("takes an organisation's name set over two lines under its place and region", function()
    local doc = run(club({ "   Skip to main content", "", "   Wenmouth County, Ohio", "   Board of Regattas", "",
      "     * Home", "     * News", "", CLUB_HEAD, "", "   FOR IMMEDIATE RELEASE", "   October 4, 2026", "" },
      { "The Wenmouth County Board of Regattas is a board of five members named by the county.", "",
        "Wenmouth County Board of Regattas | 12 Quay Street, Wenmouth", "" }))
    assert.are.equal("Wenmouth County Board of Regattas", doc.outlet)
  end)
  it("takes no outlet from a state's official banner", function()
    local doc = run(club({ "Official Website of the State of Wescona", "", CLUB_HEAD, "",
      "By Ruta Kaskel", "4 October 2026", "" }))
    assert.are_not.equal("State of Wescona", doc.outlet)
  end)
end)
