-- Specs of the clean stage for a box set apart between two rule lines inside the body
-- ("-----" / a status line and a text-us line / "-----"), which round 28's change (a rule
-- line never joins the lines next to it) had let through as body text. The page is
-- invented (a fictional island, ferry and people).

local pages = require "tests.clean_pages"
local run = pages.run

local HEAD = { "THE SKERRAVOE ISLANDER", "", "Home | Ferry | Notices | Events", "",
  "Ferry adds evening sailings during pier repairs", "", "By Oona Claddagh", "Posted 6 August 2024", "" }
local FOOT = { "(c) 2024 The Skerravoe Islander" }
local page = pages.framed(HEAD, FOOT)
local P1 = "The island ferry will add two evening sailings a week while the mainland pier is repaired, the operator said on Tuesday."
local P2 = "The repairs are expected to take six weeks and will close the outer berth to cars on weekday mornings, the county council said."
local P3 = "Passengers with cars are asked to book in advance, as the outer berth will be closed on weekday mornings while the work goes on."

describe("clean: a box between two rule lines", function()
  it("drops a short status box framed by rule lines", function()
    local doc = run(page { P1, "", P2, "", "----------------------------------------",
      "SERVICE STATUS: All sailings running as normal today.",
      "Text STATUS to 0800 555 010 for updates.",
      "----------------------------------------", "", P3 })
    assert.same({ P1, P2, P3 }, doc.paragraphs)
  end)

  it("keeps a quoted paragraph between rule lines", function()
    local Q = "\"We know people have work and hospital appointments on the mainland,\" said skipper Ronan Mac Aodha."
    local doc = run(page { P1, "", "========================================", Q,
      "========================================", "", P2, "", P3 })
    assert.same({ P1, Q, P2, P3 }, doc.paragraphs)
  end)
end)
