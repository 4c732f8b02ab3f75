-- Specs of the clean stage's metadata for the failure kinds found on the eighth blind
-- page set (batch 20): a byline in capitals with no "By" over its role line, a "Words by
-- NAME" byline over a "Photography: NAME" credit, "All rights reserved" never an
-- outlet, a masthead under a cookie notice or a menu's rows, a copyright holder with a
-- company word ("Publications") against a masthead in capitals, a capitals dateline with
-- a parenthesised date ("PLACE, St. (Mon. DD, YYYY) —"), a mixed-case dateline with a
-- month and day ("Place, Nov 29 –"), and a contact line that is no byline.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")

local P1 = "The harbour board of Kessendale has approved a new breakwater for the fishing port, after three winters in which storms damaged boats moored inside the old wall."
local P2 = "The breakwater, 400 metres long, will be built of rock brought by barge from a quarry on the north coast, and is due to be finished by the autumn of 2028."
local P3 = "\"The fishermen have waited long enough for a harbour that keeps them safe in a gale,\" said board chairman Tobias Hensleigh."
local P4 = "Work on the foundations is expected to start in March, once the board has chosen a contractor."

describe("clean meta: bylines in capitals over a role line", function()
  it("reads a capitals name with no 'By' over its role line as the author", function()
    local doc = run(lines {
      "We use cookies on this site. Read our cookie policy. [OK]",
      "KESSENDALE WEEKLY NEWS",
      "Home  News  Sport  Business  Community",
      "Harbour board approves new breakwater for fishing port",
      "4 hours ago",
      "TOBIN MARSH",
      "Harbour Correspondent",
      "",
      P1, "", P2, "", P3, "", P4, "",
      "Published 28/11/2026 07:30 GMT",
      "Kessendale Weekly News, 2 Quay Row. © 2026 All rights reserved.",
    })
    assert.are.same({ "Tobin Marsh" }, doc.authors)
  end)

  it("does not read a capitals name with no role line under it as a byline by that rule", function()
    assert.is_falsy(meta.name_line("TOBIN MARSH"))
    assert.are.same({ "Tobin Marsh" }, meta.name_line("TOBIN MARSH", nil, true).authors)
  end)

  it("does not read a 'Media Contact: NAME, Role' line as a byline", function()
    assert.is_falsy(meta.name_line("Media Contact: Ilse Varnholt, Communications Manager, 555-0107"))
  end)
end)

describe("clean meta: 'Words by' over a picture credit label", function()
  it("reads 'Words by NAME' above a 'Photography: NAME' credit as the byline", function()
    local doc = run(lines {
      "THE KESSENDALE REVIEW",
      "",
      "Harbour board approves new breakwater for fishing port",
      "",
      "Words by Anneliese Crowther",
      "Photography: Dominik Sallow",
      "",
      "Sat, 28 Nov 2026 – 09:15 GMT",
      "",
      P1, "", P2, "", P3, "", P4,
    })
    assert.are.same({ "Anneliese Crowther" }, doc.authors)
    assert.are.equal("2026-11-28T09:15:00+00:00", doc.date)
  end)
end)

describe("clean meta: outlets of mastheads and copyright lines", function()
  it("never takes 'All rights reserved' as the outlet and reads the masthead under a cookie notice", function()
    local doc = run(lines {
      "We use cookies on this site. Read our cookie policy. [OK]",
      "KESSENDALE WEEKLY NEWS",
      "Home  News  Sport  Business  Community",
      "Harbour board approves new breakwater for fishing port",
      "TOBIN MARSH",
      "Harbour Correspondent",
      "",
      P1, "", P2, "", P3, "", P4, "",
      "Kessendale Weekly News, 2 Quay Row. © 2026 All rights reserved.",
    })
    assert.are.equal("Kessendale Weekly News", doc.outlet)
  end)

  it("reads no outlet from a copyright line that names no holder", function()
    local doc = run(lines {
      "Harbour board approves new breakwater for fishing port",
      "By Tobin Marsh",
      "",
      P1, "", P2, "", P3, "", P4, "",
      "© 2026 All rights reserved.",
    })
    assert.are_not.equal("All rights reserved", doc.outlet)
  end)

  it("prefers a masthead in capitals to the copyright holder's company name", function()
    local doc = run(lines {
      "Skip to content",
      "Home | News | Business | Regions | Sport",
      "Subscribe   Log in",
      "THE KESSENDALE LANTERN",
      "Harbour board approves new breakwater for fishing port",
      "Reporter: Tobin Marsh",
      "Saturday, 28 November 2026, 08:00",
      "",
      P1, "", P2, "", P3, "", P4, "",
      "THE KESSENDALE LANTERN",
      "(c) 2026 Kessendale Lantern Publications Ltd. All rights reserved.",
    })
    assert.are.equal("The Kessendale Lantern", doc.outlet)
  end)

  it("does not take a 'Press Release' label under the menu's rows as the masthead", function()
    local doc = run(lines {
      "Kessendale Harbour Board | About | Notices | Contact | Careers | Visit",
      "Newsroom > Press Releases",
      "Press Release",
      "Harbour board approves new breakwater for fishing port",
      "November 28, 2026",
      "",
      "KESSENDALE, Maine (Nov. 28, 2026) — " .. P1, "", P2, "", P3, "", P4, "",
      "© 2026 Kessendale Harbour Board | 1 Quay Row",
    })
    assert.are_not.equal("Press Release", doc.outlet)
  end)
end)

describe("clean meta: datelines carrying a date", function()
  it("reads a capitals dateline with a parenthesised date before the dash", function()
    local dl = meta.dateline("KESSENDALE, Maine (Nov. 28, 2026) — " .. P1)
    assert.is_truthy(dl)
    assert.are.equal("KESSENDALE, Maine", dl.place)
    assert.are.equal(P1, dl.rest)
  end)

  it("takes the date of a release's dateline when the page gives no other", function()
    local doc = run(lines {
      "Kessendale Harbour Board",
      "News Release",
      "Harbour board approves new breakwater for fishing port",
      "",
      "KESSENDALE, Maine (Nov. 28, 2026) — " .. P1, "", P2, "", P3, "", P4,
    })
    assert.are.equal("KESSENDALE, Maine", doc.dateline)
    assert.are.equal("2026-11-28", doc.date)
  end)

  it("reads a mixed-case dateline of place, month and day before a dash", function()
    local dl = meta.dateline("Port Kessen, Nov 28 – " .. P1)
    assert.is_truthy(dl)
    assert.are.equal("Port Kessen", dl.place)
    assert.are.equal("Kessendale", meta.dateline("Kessendale, 28 November – " .. P1).place)
  end)

  it("does not read a name with a date before a dash as a dateline", function()
    assert.is_falsy(meta.dateline("Maria Hensleigh, Nov 28 – " .. P1))
    assert.is_falsy(meta.dateline("Port Kessen, Nov 28: " .. P1))
  end)
end)
