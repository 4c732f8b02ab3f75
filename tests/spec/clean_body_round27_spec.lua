-- Specs of the clean stage for body failure kinds (round 27): notices or teasers closing
-- the body, each a headline stamped with its own date after a spaced dash ("HEADLINE -
-- posted DATE"), with the one-sentence blurb under it in its group; a prompt closing the
-- body that asks readers to write to the outlet under a short label ("Have your say:
-- Letters ... can be left at our office or emailed to us."); and a picture credit
-- standing as a block of its own, with its terms of use after it ("Photographs by NAME
-- for the ORG. Free to use with credit."). Every page below is invented (fictional
-- towns, people, outlets and bodies).

local pages = require "tests.clean_pages"
local run = pages.run

local HEAD = { "THE QUILLBERRY HERALD", "Serving the Quill valley since 1958", "",
  "Home | News | Notices | Sport | Contact", "",
  "Quillberry ferry timetable cut as second boat goes in for repairs", "",
  "By Osric Fenwhistle-Adeyemi", "March 4, 2026", "" }
local P1 = "The ferry between Quillberry and Tollan Island will run four times a day instead of seven from Monday, after the older of the two boats was taken out of service for hull repairs."
local P2 = "The operator said the repairs were expected to take six weeks and that the remaining boat would carry freight on its first crossing of each day."
local P3 = "Island residents who commute to the mainland for work said the reduced timetable would add more than an hour to their journey on most days."
local P4 = "A spokesperson for the operator said a replacement vessel had been sought from another route but that none was available before the summer."
local FOOT = { "(c) 2026 The Quillberry Herald. All rights reserved." }

local page = pages.framed(HEAD, FOOT)

describe("clean: notices closing the body, each stamped with its own date", function()
  it("drops them and their blurbs under a label", function()
    local doc = run(page { P1, "", P2, "", P3, "", P4, "", "NOTICES", "",
      "Library closed for stocktake on Thursday - posted 2 March 2026",
      "The Quillberry library will reopen on Friday morning at the usual time.", "",
      "Found: set of keys on the quay wall - posted 1 March 2026",
      "Handed in at the harbour office. Please call in with proof of ownership." })
    assert.same({ P1, P2, P3, P4 }, doc.paragraphs)
  end)

  it("drops a run of two with no label over them", function()
    local doc = run(page { P1, "", P2, "", P3, "", P4, "",
      "Harbour festival dates announced - posted February 27, 2026",
      "The festival returns to the quay over the first weekend of August.", "",
      "Bowls club opens its season early – posted on February 25, 2026",
      "Members will play their first matches on the green behind the church on Saturday." })
    assert.same({ P1, P2, P3, P4 }, doc.paragraphs)
  end)

  it("keeps a dated subhead and its paragraph closing the body under kept paragraphs", function()
    local s = "Timetable to be reviewed with the island council - posted March 6, 2026"
    local p = "The operator will review the reduced timetable with the island council at the end of the month."
    local doc = run(page { P1, "", P2, "", P3, "", P4, "", s, p })
    assert.same({ P1, P2, P3, P4, s, p }, doc.paragraphs)
  end)
end)

describe("clean: a prompt closing the body that asks readers to write in", function()
  it("drops it under a short label", function()
    local doc = run(page { P1, "", P2, "", P3, "", P4, "",
      "Your views: Letters to the editor can be handed in at the Herald office on Mill Street or emailed to us. Please include your full name." })
    assert.same({ P1, P2, P3, P4 }, doc.paragraphs)
  end)

  it("keeps a closing paragraph that reports someone's request", function()
    local p = "Next steps: residents can email the operator with their views, the spokesperson said, and a meeting with us is planned."
    local doc = run(page { P1, "", P2, "", P3, "", P4, "", p })
    assert.same({ P1, P2, P3, P4, p }, doc.paragraphs)
  end)
end)

describe("clean: a picture credit standing as a block of its own", function()
  it("drops it with its terms of use after it", function()
    local doc = run(page { P1, "", P2, "", P3, "", P4, "",
      "Photographs by Maren Tolliday-Okoro for the Quill Valley Ferry Trust. Free to use with credit." })
    assert.same({ P1, P2, P3, P4 }, doc.paragraphs)
  end)

  it("drops a bare one between paragraphs", function()
    local doc = run(page { P1, "", P2, "", "Photographs by Tobin Marchetti-Vale for the Tollan Island Heritage Society.", "", P3, "", P4 })
    assert.same({ P1, P2, P3, P4 }, doc.paragraphs)
  end)

  it("keeps a paragraph opened by photographs that do something", function()
    local p = "Photographs by Maren Tolliday-Okoro of the old ferry will hang in the harbour office until the repairs are finished. The exhibition is free."
    local doc = run(page { P1, "", P2, "", p, "", P3, "", P4 })
    assert.same({ P1, P2, p, P3, P4 }, doc.paragraphs)
  end)
end)

describe("clean: an editor's note closing the body that names an address", function()
  it("keeps it (a correction note is text)", function()
    local n = "Editor's note: An earlier version of this story gave the wrong date for the repairs. Readers who spot an error can email us."
    local doc = run(page { P1, "", P2, "", P3, "", P4, "", n })
    assert.same({ P1, P2, P3, P4, n }, doc.paragraphs)
  end)
end)

describe("clean: one notice stamped with its own date closing the body", function()
  it("drops it and its blurb right under a label that went", function()
    local doc = run(page { P1, "", P2, "", P3, "", P4, "", "COMMUNITY NOTICES", "",
      "Quay car park resurfacing next week - posted March 3, 2026",
      "The car park will be closed to vehicles from Monday to Wednesday." })
    assert.same({ P1, P2, P3, P4 }, doc.paragraphs)
  end)
end)
