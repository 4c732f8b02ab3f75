-- Specs of the clean stage for the failure kinds found on blind pages (batch 12 of
-- tests/fixtures/clean): a byline whose name runs into its role or into a sentence about
-- its author, a name alone under a player's buttons, headline-shaped quote lines and
-- pull quotes inside the body, captions with a "NAME/OUTLET" credit, contact lines, the
-- article resuming under a box set inside it, "The" of an outlet's name. Every page
-- below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph
local meta = require("docpipe.clean.meta").new("en")


local P1 = "The Tolvane county board voted on Thursday to rebuild the old pier at Marrow Point, after two winters in which storms tore away more than a third of its deck and railings."
local P2 = "The work will cost about $2.4 million and should start in the spring, the board said, with the state paying half of it through its coastal repair fund."
local P3 = "\"People fish off that pier every day of the year, and we want them to keep doing it safely,\" said board chair Odile Brannagh, who grew up in the town."
local P4 = "The pier will stay closed until the work is done, and a temporary platform will be built beside the boat ramp for anglers."

describe("clean: bylines that run on", function()
  it("reads a name running into its role with no separator as the author", function()
    local by = meta.name_line("Eleanor Vasquez-Hale Rural affairs correspondent")
    assert.is_truthy(by)
    assert.are.same({ "Eleanor Vasquez-Hale" }, by.authors)
  end)

  it("keeps a byline that runs into a sentence about its author", function()
    local by = meta.byline("By Dana Whitcombe, a senior reporter covering smart home devices and consumer tech. Her work has appeared in three other publications.")
    assert.is_truthy(by)
    assert.are.same({ "Dana Whitcombe" }, by.authors)
  end)

  it("takes no programme name after a From label for a person", function()
    assert.is_nil(meta.byline("From All Things Local"))
    assert.is_false(meta.is_person("All Things Local"))
  end)

  it("takes the headline, not a shorter subheadline, and a name-role byline", function()
    local doc = run(lines {
      "Marrow Point Tribune", "News", "Local", "",
      "Storm-battered Marrow Point pier to be rebuilt at a cost of $2.4 million",
      "Work to start in the spring",
      "Nadia Okonjo-Ferris Coastal affairs reporter",
      "Published 12 March 2026, 10:15 GMT", "",
      P1, "", P2, "", P3, "", P4, "",
    })
    assert.are.equal("Storm-battered Marrow Point pier to be rebuilt at a cost of $2.4 million", doc.title)
    assert.are.same({ "Nadia Okonjo-Ferris" }, doc.authors)
  end)

  it("finds a name alone under a programme label and a player's buttons", function()
    local doc = run(lines {
      "Tolvane Public Radio", "News", "Programs", "",
      "Tolvane will rebuild its storm-battered pier",
      "March 12, 2026 · 6:00 AM ET",
      "Heard on Morning Tide",
      "Ravi Castellano",
      "Listen · 3:10",
      "Transcript",
      P1, P2, P3, P4,
      "© 2026 Tolvane Public Radio",
    })
    assert.are.same({ "Ravi Castellano" }, doc.authors)
  end)
end)

describe("clean: boilerplate inside the body", function()
  it("drops a headline-shaped quote line between paragraphs", function()
    local doc = run(lines {
      "Pier to be rebuilt", "By Odile Brannagh", "March 12, 2026", "",
      P1, "", P2, "",
      "'We want them to keep fishing': why the town fought for its pier", "",
      P3, "", P4, "",
    })
    assert.is_false(has_paragraph(doc, "why the town fought"))
    assert.is_true(has_paragraph(doc, P4))
  end)

  it("drops a pull quote that joins two quoted sentences the paragraph splits", function()
    local doc = run(lines {
      "Pier to be rebuilt", "By Odile Brannagh", "March 12, 2026", "",
      P1, "", P2, "",
      "\"We lost the railings first,\" said harbour master Ivo Tresize. \"Then the storms took the deck, plank by plank, until the end of it was gone.\"", "",
      "\"We lost the railings first. Then the storms took the deck, plank by plank, until the end of it was gone.\"", "",
      P3, "", P4, "",
    })
    assert.is_false(has_paragraph(doc, "We lost the railings first. Then"))
    assert.is_true(has_paragraph(doc, "said harbour master Ivo Tresize"))
  end)

  it("drops a caption and its NAME/OUTLET credit line", function()
    local doc = run(lines {
      "Pier to be rebuilt", "By Odile Brannagh", "March 12, 2026",
      "Anglers on the last open stretch of the Marrow Point pier.",
      "Ivo Tresize/TPR",
      P1, P2, P3, P4,
    })
    assert.is_false(has_paragraph(doc, "Anglers on the last open stretch"))
    assert.is_false(has_paragraph(doc, "Ivo Tresize/TPR"))
    assert.is_true(has_paragraph(doc, P1))
  end)

  it("keeps a paragraph above an image line that carries its own caption", function()
    local doc = run(lines {
      "Pier to be rebuilt", "By Odile Brannagh", "March 12, 2026",
      P1, P2,
      "Contractors will start on the seaward end, where the deck is weakest.",
      "Image: Waves break over the end of the pier. (TPR News: Ivo Tresize)",
      P3, P4,
    })
    assert.is_true(has_paragraph(doc, "Contractors will start on the seaward end"))
    assert.is_false(has_paragraph(doc, "Waves break over"))
  end)

  it("drops a contact line that asks a question and gives an address", function()
    local doc = run(lines {
      "Pier to be rebuilt", "By Odile Brannagh", "March 12, 2026",
      P1, P2, P3, P4,
      "Have a story idea? Email tips@tolvanetribune.example or call 555-0182.",
    })
    assert.is_false(has_paragraph(doc, "story idea"))
  end)

  it("keeps the paragraphs that resume after a related box and a share label", function()
    local doc = run(lines {
      "Pier to be rebuilt", "By Odile Brannagh", "March 12, 2026",
      P1, P2, P3,
      "RELATED ARTICLES",
      "Storm damage closes two beaches",
      "Harbour fees to rise next year",
      "Share this article",
      "Share",
      "Brannagh said the board would also look at adding lights to the pier so that it can stay open after dark in the winter months.",
      P4,
      "Do you have a story? Email tips@tolvanetribune.example",
      "© 2026 Tolvane Tribune",
    })
    assert.is_true(has_paragraph(doc, "adding lights to the pier"))
    assert.is_true(has_paragraph(doc, P4))
    assert.is_false(has_paragraph(doc, "Harbour fees"))
  end)

  it("does not take another story's blurb under a related headline as the article", function()
    local doc = run(lines {
      "Pier to be rebuilt", "By Odile Brannagh", "March 12, 2026",
      P1, P2, P3, P4,
      "RELATED ARTICLES",
      "Storm damage closes two beaches",
      "The county closed two beaches near Marrow Point after the storm washed away their steps, the board said.",
      "© 2026 Tolvane Tribune",
    })
    assert.is_false(has_paragraph(doc, "washed away their steps"))
  end)
end)

describe("clean: outlet names", function()
  it("keeps The of a masthead written on a line of its own among the menu", function()
    local doc = run(lines {
      "Skip to main content", "Sign in", "The Tolvane Tribune", "News", "Sport", "",
      "Pier to be rebuilt at a cost of $2.4 million", "",
      "Odile Brannagh Coastal affairs reporter", "Thu 12 Mar 2026 10.15 GMT", "",
      P1, "", P2, "", P3, "", P4, "",
      "© 2026 Tolvane Tribune Media Ltd. All rights reserved.",
    })
    assert.are.equal("The Tolvane Tribune", doc.outlet)
  end)

  it("keeps The of an outlet named in a byline in capitals", function()
    local doc = run(lines {
      "Daily Gull", "Home | News | Sport",
      "Pier to be rebuilt at a cost of $2.4 million after storms",
      "By ODILE BRANNAGH, COASTAL REPORTER FOR THE DAILY GULL",
      "Published: 10:15 GMT, 12 March 2026",
      P1, P2, P3, P4,
    })
    assert.are.equal("The Daily Gull", doc.outlet)
  end)
end)
