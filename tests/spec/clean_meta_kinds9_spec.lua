-- Specs of the clean stage's metadata for the failure kinds found on the eleventh blind
-- page set (K): a review's headline with a model number read as a line of bare names
-- above its "Words by" byline, an agency's release whose "Sheriff's Office" heading was
-- read as an author and whose section label "News Flash" (or the menu word "News") was
-- read as the outlet, and a mixed-case place before a colon ("Pellorin: The ...")
-- opening the first paragraph, with the guards that keep labels, fields and speakers
-- out of the dateline.
-- Every page below is invented (fictional towns, people and outlets).

local dp = require "docpipe"
local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")

local P1, P2, P3, P4 = table.unpack(pages.WATER)

describe("clean meta: the headline above a 'Words by' byline", function()
  local head = "Halvern Tide 2 review: a rugged speaker that shrugs off the rain"
  it("takes the line above the byline as the headline, over a review's verdict and specs", function()
    local doc = run(lines {
      "SOUNDBENCH",
      "Reviews  Phones  Audio  Deals  How-to",
      "Home › Reviews › Audio",
      head,
      "Words by Tamsin Okoro-Vale",
      "Posted 3 days ago",
      "Verdict: 4 out of 5 stars",
      "Specs",
      "Price: £89",
      "Battery: 12 hours",
      P1, "", P2, "", P3, "", P4,
    })
    assert.are.equal(head, doc.title)
    assert.are.same({ "Tamsin Okoro-Vale" }, doc.authors)
  end)

  it("reads no line of bare names into a headline whose model number ends the name shape", function()
    assert.is_nil(meta.name_line(head))
    assert.is_nil(meta.name_line("Corvel Arc 5 hands-on: the lightest laptop the firm has made"))
    -- (names before a time still make a line of names)
    assert.are.same({ "Marlowe Quinn" }, meta.name_line("Marlowe Quinn 3 hours ago").authors)
  end)

  it("takes 'Words by' as a byline label", function()
    assert.are.same({ "Tamsin Okoro-Vale" }, meta.byline("Words by Tamsin Okoro-Vale").authors)
  end)
end)

describe("clean meta: an agency's release", function()
  local mast = "Marrowby County Sheriff's Office"
  local function page(heading, label)
    return run(lines {
      mast,
      "Home | About the Sheriff | Divisions | Jail | Contact",
      "Search this site",
      heading,
      label,
      "Sheriff's Office News",
      "Posted on: 11/29/2026 4:10 PM ET",
      "Sheriff's Office asks for help finding a missing hiker",
      "The " .. mast .. " is asking for help in finding a hiker who did not return from a walk on the Fenlow ridge trail on Saturday.",
      P1, "", P2, "", P3,
    })
  end

  it("reads an organisation's heading line as no author", function()
    local doc = page("Sheriff's Office", "News Flash")
    assert.are.same({}, doc.authors)
  end)

  it("takes the masthead as the outlet over a section label and the menu word 'News'", function()
    local doc = page("Sheriff's Office", "News Flash")
    assert.are.equal(mast, doc.outlet)
  end)

  it("knows organisation heads are no surnames", function()
    assert.is_false(meta.is_person("Sheriff's Office"))
    assert.is_false(meta.is_person("Harbour Fire Department"))
    assert.is_false(meta.is_person("Revenue Agency"))
    assert.is_true(meta.is_person("Idris Kellaway"))
  end)

  it("tells a section's label from an outlet's name", function()
    assert.is_true(meta.section_label("News Flash"))
    assert.is_true(meta.section_label("Press Release"))
    assert.is_true(meta.section_label("Breaking News"))
    assert.is_false(meta.section_label("Coastline Wire"))
    assert.is_false(meta.section_label("World News"))
  end)

  it("does not shorten an outlet line to one menu word the page writes again", function()
    local text = "News Flash\nOther News\nNews of the week\n"
    assert.are.equal("News Flash", meta.attested_outlet("News Flash", text, "News Flash"))
  end)
end)

describe("clean meta: a place before a colon opens the first paragraph", function()
  local body = "The district council on Monday announced a grant of 400 crowns for every household whose well ran dry in the drought."
  local later = "Farmers in Pellorin said the money came too late for the autumn sowing."
  local article = "Headline\n|\n" .. body .. "\n|\n" .. later

  it("takes a mixed-case place before a colon as the dateline", function()
    local doc = run(lines {
      "PELLORIN TODAY",
      "Home / Districts",
      "",
      "Drought relief: council sets grant for households with dry wells",
      "Web Desk",
      "Published: Nov 29, 2026, 17:20 IST",
      "",
      "Pellorin: " .. body,
      "",
      later,
      "",
      P2, "", P3,
    })
    assert.are.equal("Pellorin", doc.dateline)
    assert.are.equal(body, doc.paragraphs[1])
  end)

  it("takes a place in capitals and a place with its region before a colon", function()
    assert.are.equal("PELLORIN", meta.dateline("PELLORIN: " .. body, article).place)
    assert.are.equal("Pellorin, Ostmark", meta.dateline("Pellorin, Ostmark: " .. body, article).place)
    -- (the article writes the place before a place noun, "the Sirrapet district")
    local district = "Headline\n|\n" .. body .. "\n|\nRoads to the Sirrapet district offices were closed."
    assert.are.equal("Sirrapet", meta.dateline("Sirrapet: " .. body, district).place)
  end)

  it("takes no label before a colon as a dateline", function()
    for _, label in ipairs { "Note", "Update", "Warning", "Photo", "Editor's note", "Watch", "NOTE", "UPDATE",
      "EDITOR'S NOTE", "WATCH", "Category", "Location", "CATEGORY" } do
      assert.is_nil(meta.dateline(label .. ": " .. body, article), label)
    end
  end)

  it("takes no speaker and no place the article never writes after a preposition", function()
    -- (a speaker's name, a given name in it)
    assert.is_nil(meta.dateline("Ruth Okafor: " .. body, article))
    -- (a surname the article writes, but never after "in", "at" or "from")
    local quoted = "Headline\n|\n" .. body .. "\n|\nCouncillor Vantreece said the grant was fair."
    assert.is_nil(meta.dateline("Vantreece: " .. body, quoted))
    -- (a short remark after the colon is no story's opening sentence)
    assert.is_nil(meta.dateline("Pellorin: Not yet.", article))
  end)

  it("reads no dateline from a sentence's subject before a colon in a later paragraph", function()
    local doc = run(lines {
      "PELLORIN TODAY",
      "",
      "Drought relief: council sets grant for households with dry wells",
      "By Idris Kellaway",
      "Published: Nov 29, 2026, 17:20 IST",
      "",
      body,
      "",
      "Pellorin: " .. later,
      "",
      P2, "", P3,
    })
    assert.are.equal(dp.null, doc.dateline)
    assert.are.equal("Pellorin: " .. later, doc.paragraphs[2])
  end)
end)
