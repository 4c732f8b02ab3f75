-- Specs of the clean stage's metadata for the failure kinds found on the ninth blind
-- page set (batch 22): an acronym logo over the name it stands for, a copyright holder
-- that is the short form of a masthead in capitals, a credit programme in a byline
-- ("Local Journalism Initiative Reporter") that is no outlet, a correspondent's city
-- confirmed only by a photo credit's "© City State Opera", and a bare mixed-case place
-- before an em dash opening the first paragraph ("Place Name — ...").
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")

local P1, P2, P3, P4 = table.unpack(pages.WATER)

describe("clean meta: outlet forms on unseen pages", function()
  it("prefers the name an acronym logo stands for when a line outside the body writes it", function()
    local doc = run(lines {
      "OCL",
      "Orvanne Curling League",
      "About | League | Fixtures | Results | Contact",
      "Tessbury rink takes the winter title after a final-end steal",
      "Web Desk | 29 November 2026 14:03 CET",
      "",
      P1, "", P2, "", P3, "", P4, "",
      "Orvanne Curling League · Registered club no. 2210 · Rink Lane 4, Tessbury",
    })
    assert.are.equal("Orvanne Curling League", doc.outlet)
  end)

  it("keeps an acronym when no line outside the body spells it out", function()
    assert.are.equal("OCL", meta.acronym_expansion("OCL", { "About | League", "Contact us" }))
    assert.are.equal("OCL", meta.acronym_expansion("OCL", { "Orvanne Ladies Curling" }))
    assert.are.equal("Orvanne Curling League", meta.acronym_expansion("OCL", { "Orvanne Curling League · Rink Lane 4" }))
  end)

  it("reads a copyright holder's short name as the masthead in capitals that holds it", function()
    local doc = run(lines {
      "We use cookies to give you the best experience on our website. By continuing you agree to our use of cookies. Accept | Settings",
      "THE ORVANNE VALLEY MAIL",
      "News | Opinion | Business | Sport | Life",
      "Water cuts ordered for nine hamlets as reservoirs run low",
      "Berenice Aldous and Corwin Hale, Staff Writers",
      "Sunday, 29 November 2026, 08:00",
      "",
      P1, "", P2, "", P3, "", P4, "",
      "Contact us | Advertise | Terms of use | © Orvanne Valley Media Ltd 2026",
    })
    assert.are.equal("The Orvanne Valley Mail", doc.outlet)
    -- (a one-word holder needs the masthead written twice: a town's name as often)
    assert.are.equal("Orvanne", meta.fuller_outlet("Orvanne", { "The Orvanne Valley Mail" }, "THE ORVANNE VALLEY MAIL\n© Orvanne"))
  end)

  it("never takes a credit programme in a byline as the outlet", function()
    local doc = run(lines {
      "THE TESSBURY RECORD",
      "Serving the valley since 1921",
      "NEWS   COMMUNITY   SCHOOLS   SPORTS",
      "Water board orders cuts for nine hamlets in the valley",
      "",
      "By Maud Pelling · Local Journalism Initiative Reporter",
      "",
      "11/26/2026 5:45 PM ET",
      "",
      P1, "", P2, "", P3, "", P4, "",
      "The Tessbury Record · 14 Mill Street, Tessbury · © 2026 All rights reserved",
    })
    assert.are.same({ "Maud Pelling" }, doc.authors)
    assert.are.equal("The Tessbury Record", doc.outlet)
  end)

  it("does not confirm a correspondent's city as the outlet by a photo credit's copyright sign", function()
    local doc = run(lines {
      "ORVANNE TIMES",
      "Valley news in English",
      "Politics  Economy  Culture  Sport  Opinion",
      "",
      "New opera triumphs in Tessbury on its opening night",
      "",
      "Idony Farrant, Tessbury correspondent",
      "28.11.2026, 19:45",
      "",
      "The soprano in the title role. Photo: © Tessbury State Opera / K. Wend",
      "",
      P1, "", P2, "", P3, "", P4, "",
      "All rights reserved. Use of materials is allowed only with a hyperlink to Orvanne Times. © 2026",
    })
    assert.are.equal("Orvanne Times", doc.outlet)
  end)
end)

describe("clean meta: a bare place before a dash", function()
  local article = "Water cuts ordered for nine hamlets\n|\nIn Upper Orvanne, residents said they had bought bottled water for weeks."
  local rest = "Households in nine hamlets will have their water cut for ten hours a day from Monday."

  it("reads a bare mixed-case place before an em dash that the article names again", function()
    local dl = meta.dateline("Upper Orvanne — " .. rest, article)
    assert.are.equal("Upper Orvanne", dl.place)
    assert.are.equal(rest, dl.rest)
    local doc = run(lines {
      "THE ORVANNE VALLEY MAIL",
      "Water cuts ordered for nine hamlets as reservoirs run low",
      "Berenice Aldous, Staff Writer",
      "Sunday, 29 November 2026, 08:00",
      "",
      "Upper Orvanne — " .. P1, "", P2, "",
      "In Upper Orvanne, where the cuts were announced at a packed meeting, residents said they had already been buying bottled water for weeks.", "",
      P3, "", P4, "",
    })
    assert.are.equal("Upper Orvanne", doc.dateline)
    assert.are.equal(P1, doc.paragraphs[1])
  end)

  it("does not read a bare place the article never names again", function()
    assert.is_nil(meta.dateline("Lower Brecken — " .. rest, article))
    assert.is_nil(meta.dateline("Upper Orvanne — " .. rest))
  end)

  it("does not read a label, a person's name or a short remark before a dash as a dateline", function()
    local text = article .. " The Analysis team and Update desk met John Smith in Upper Orvanne."
    assert.is_nil(meta.dateline("Analysis — " .. rest, text))
    assert.is_nil(meta.dateline("Update — " .. rest, text))
    assert.is_nil(meta.dateline("John Smith — " .. rest, text))
    assert.is_nil(meta.dateline("Upper Orvanne — Cuts begin Monday.", text))
    assert.is_nil(meta.dateline("Upper Orvanne: Cuts begin Monday.", text))
  end)
end)
