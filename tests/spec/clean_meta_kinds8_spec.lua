-- Specs of the clean stage's metadata for the failure kinds found on the tenth blind
-- page set (batch 23): page furniture taken for the headline (a menu with "·"
-- separators, a call to action "Buy tickets", a link to the page in another language),
-- a byline filed from a place of several words with a lower-case particle, a
-- contributor whose given name opens with an apostrophe (Sesotho "'M..." names), an
-- outlet title-cased from capitals ("Hall Of Science") and a section word of a byline's
-- role ("Regions Correspondent") read as the outlet.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")

local P1, P2, P3, P4 = table.unpack(pages.WATER)
local HEAD = "Orvanne valley hamlets face daily water cuts as reservoirs run low"

describe("clean meta: page furniture is no headline", function()
  it("passes over a menu with dot separators above the headline", function()
    local doc = run(lines {
      "Menu",
      "THE ORVANNE COURIER",
      "Valley News · Tessbury · Marlow Cross · Districts · Sports · Notices",
      "",
      HEAD,
      "",
      "Posted by Idris Kellaway on November 29, 2026",
      "",
      P1, "", P2, "", P3, "", P4,
    })
    assert.are.equal(HEAD, doc.title)
    for _, p in ipairs(doc.paragraphs) do assert.are_not.equal(HEAD, p) end
  end)

  it("takes the headline under a release's date, not a call to action above it", function()
    -- (a long headline that the body's search reads as its first paragraph)
    local head = "Tessbury Hall of Rivers to open flood and drought gallery in early March"
    local doc = run(lines {
      "TESSBURY HALL OF RIVERS",
      "Visit | Exhibits | Learning | Membership | Newsroom",
      "",
      "Buy tickets",
      "",
      "Newsroom > Press releases",
      "",
      "FOR IMMEDIATE RELEASE",
      "November 24, 2026",
      "",
      head,
      "",
      "New rota shares the cuts between the upper and lower hamlets",
      "",
      "TESSBURY, Ore. (Nov. 24, 2026) – " .. P1, "", P2, "", P3, "", P4,
    })
    assert.are.equal(head, doc.title)
    for _, p in ipairs(doc.paragraphs) do assert.are_not.equal(head, p) end
  end)

  it("passes over a link to the page in another language under the headline", function()
    local doc = run(lines {
      "EL HERALDO DE ORVANNE",
      "Noticias | Deportes | Opinión | English",
      "",
      HEAD,
      "",
      "Lea esta nota en español",
      "",
      "By Idris Kellaway in San Lázaro del Monte",
      "11/29/2026 5:45 PM ET",
      "",
      P1, "", P2, "", P3, "", P4,
    })
    assert.are.equal(HEAD, doc.title)
  end)

  it("tells furniture lines from headlines", function()
    assert.is_true(meta.title_furniture("Home · Tessbury · Marlow Cross · Sports"))
    assert.is_true(meta.title_furniture("Subscribe now"))
    assert.is_true(meta.title_furniture("Sign in"))
    assert.is_true(meta.title_furniture("Lire cet article en français"))
    assert.is_false(meta.title_furniture(HEAD))
    assert.is_false(meta.title_furniture("Watchdog fines Tessbury council over lost files"))
    assert.is_false(meta.title_furniture("Día de los Muertos parade draws record crowd in Tessbury"))
    assert.is_false(meta.title_furniture("Mayor · 'We will rebuild the bridge'"))
  end)
end)

describe("clean meta: names past ASCII", function()
  it("reads a byline with an accented hyphenated surname filed from a place with a particle", function()
    local r = meta.byline("By Inés Carvajal-Ibáñez in San Lázaro del Monte")
    assert.are.same({ "Inés Carvajal-Ibáñez" }, r.authors)
    assert.are.same({ "Tobin Marsh" }, meta.byline("By Tobin Marsh in Lisbon").authors)
  end)

  it("takes a contributor whose given name opens with an apostrophe", function()
    assert.are.same({ "'Matseliso Khoboko" }, meta.contributors("Additional reporting by 'Matseliso Khoboko"))
    assert.are.same({ "’Mamohau Lesia" }, meta.contributors("Additional reporting by ’Mamohau Lesia"))
    assert.is_true(meta.is_person("'Matseliso Khoboko"))
    -- (a phrase in single quotes is no name)
    assert.is_false(meta.is_person("'Good Morning'"))
  end)
end)

describe("clean meta: outlet names", function()
  it("takes the page's mixed-case form of a masthead in capitals", function()
    assert.are.equal("Tessbury Hall of Science",
      meta.outlet_case("Tessbury Hall Of Science", "TESSBURY HALL OF SCIENCE\n...\n© 2026 Tessbury Hall of Science."))
  end)

  it("keeps small words in lower case when the page writes the name only in capitals", function()
    assert.are.equal("El Heraldo de Orvanne", meta.outlet_case("El Heraldo De Orvanne", "EL HERALDO DE ORVANNE"))
    -- (a name with no capitalised small word stays as it is)
    assert.are.equal("The Orvanne Courier", meta.outlet_case("The Orvanne Courier", "the orvanne courier"))
  end)

  it("reads no section word of a byline's role as the outlet", function()
    local doc = run(lines {
      "Skip to main content",
      "",
      "ORVANNE LEDGER",
      "",
      "Politics | Business | Regions | Culture | Opinion",
      "",
      HEAD,
      "",
      "By Idris Kellaway · Regions Correspondent",
      "",
      "29 November 2026 14:03 CET",
      "",
      P1, "", P2, "", P3, "", P4,
    })
    assert.are.equal("Orvanne Ledger", doc.outlet)
    assert.are.same({ "Idris Kellaway" }, doc.authors)
  end)
end)
