-- Specs of the clean stage's kinds of development set h113: a byline's role after
-- beats joined by an ampersand ("NAME | Climate & Coastlines correspondent"), no outlet; a
-- "Tags" heading alone over its row of tags in a lynx dump; a subhead in sentence case
-- under an advertisement's copy closed by a link's arrow ("... View offer »"); the
-- story's last paragraph (two sentences, attributed) between a list of related links
-- and the contributor line. Every page below is invented (fictional towns, people and
-- outlets).

local pages = require "tests.clean_pages"
local run, lines, has = pages.run, pages.lines, pages.has_paragraph

local L1 = "Brennmoor: Households in nine hamlets of the Brennmoor valley will have their water cut for ten hours a day from Monday, the district water board said on Friday."
local L2 = "The board said its two reservoirs held less than a tenth of their capacity after the driest autumn since records began in the valley."
local L3 = "\"Nobody wants to do this, but the taps would run dry by spring,\" said board spokeswoman Idony Farrant."
local L4 = "The cuts will be reviewed every two weeks and lifted once the reservoirs pass a fifth of their capacity."

describe("clean kinds b13: a role after beats joined by an ampersand", function()
  it("reads 'Climate & Coastlines correspondent' as the writer's role, the masthead as the outlet", function()
    local doc = run(lines {
      "EN | DE", "",
      "Brennmoor Courant", "",
      "Independent news from the Brennmoor valley", "",
      "Home   News   Climate   Coastlines   Opinion   Contact", "",
      "Home / News / Valley", "",
      "Water board orders daily cuts across nine valley hamlets", "",
      "Wendeline Osterhagen | Climate & Coastlines correspondent", "",
      "Published: 04.11.2025 06:10 (CET)", "",
      L1, "", L2, "", L3, "", L4, "",
      "Tags: water, reservoirs, Brennmoor valley", "",
    })
    assert.are.same({ "Wendeline Osterhagen" }, doc.authors)
    assert.are.equal("Brennmoor Courant", doc.outlet)
  end)
end)

describe("clean kinds b13: a 'Tags' heading alone over its row of tags", function()
  it("drops the heading and the tags of a lynx dump under the body", function()
    local doc = run(lines {
      "   [1]Skip to main content", "",
      "   [2]Brennmoor Courant", "",
      "     * [3]News",
      "     * [4]Sport",
      "     * [5]Opinion", "",
      "Water board orders daily cuts across nine valley hamlets", "",
      "   By Wendeline Osterhagen, Brennmoor Courant",
      "   Posted: Tuesday, November 4, 2025 6:10 am CET", "",
      "   " .. L1, "",
      "   " .. L2, "",
      "   " .. L3, "",
      "   " .. L4, "",
      "   Tags",
      "   [6]Wildfire [7]Roads [8]Elm Valley [9]Brennmoor County", "",
      "   [10]Wendeline Osterhagen",
      "   Wendeline Osterhagen covers the valley's councils and its water for the Courant.",
      "   Reach her at [11]wosterhagen@courant.example or 555-0142.", "",
      "Comments (2)", "",
      "   [12]Log in to comment.", "",
      "   (c) 2025 Brennmoor Courant. All rights reserved.", "",
      "References", "",
      "   1. https://courant.example/#main",
      "   2. https://courant.example/",
      "   3. https://courant.example/news/",
      "   4. https://courant.example/sport/",
      "   5. https://courant.example/opinion/",
      "   6. https://courant.example/tag/wildfire/",
      "   7. https://courant.example/tag/roads/",
      "   8. https://courant.example/tag/elm-valley/",
      "   9. https://courant.example/tag/brennmoor-county/",
      "   10. https://courant.example/author/wosterhagen/",
      "   11. mailto:wosterhagen@courant.example",
      "   12. https://courant.example/login/",
    })
    assert.is_true(has(doc, "lifted once the reservoirs"))
    assert.is_false(has(doc, "Tags"))
    assert.is_false(has(doc, "Wildfire"))
  end)
end)

describe("clean kinds b13: a subhead under an advertisement's copy closed by an arrow", function()
  it("keeps the subhead in sentence case, the copy goes", function()
    local doc = run(lines {
      "Brennmoor Courant",
      "News › Valley",
      "Water board orders daily cuts across nine valley hamlets",
      "By Wendeline Osterhagen",
      "Tuesday 4 November 2025, 06:10 CET",
      L1, L2,
      "Sponsored",
      "Cottage of the month: stone farmhouse with orchard and well, 3 km from the lake – €240,000. View offer »",
      "A valley used to plenty",
      L3, L4,
      "© 2025 Brennmoor Courant · All rights reserved",
    })
    assert.is_true(has(doc, "A valley used to plenty"))
    assert.is_false(has(doc, "View offer"))
  end)
end)

describe("clean kinds b13: the last paragraph between related links and the contributor line", function()
  it("keeps two attributed sentences under 'Read more:' as the story's", function()
    local doc = run(lines {
      "World  Business  Markets  More",
      "Brennmoor Wire",
      "Water board orders daily cuts across nine valley hamlets",
      "By Wendeline Osterhagen and Corvin Maltby",
      "November 4, 2025 6:10 AM CET",
      "BRENNMOOR, Nov 4 (Brennmoor Wire) - Households in nine hamlets of the Brennmoor valley will have their water cut for ten hours a day from Monday, the district water board said on Friday.",
      L2, L3,
      "Read more:",
      "Valley farmers count cost of dry autumn",
      "Board names new chief engineer",
      "Hoteliers said guests had begun cancelling winter bookings. A spokesman for the tourist office declined to comment.",
      "Reporting by Wendeline Osterhagen; Editing by Corvin Maltby",
      "Our Standards: The Brennmoor Wire Principles.",
    })
    assert.is_true(has(doc, "Hoteliers said guests had begun cancelling"))
    assert.is_false(has(doc, "Board names new chief engineer"))
  end)

  it("keeps a one-sentence closing paragraph over the contributor line (no link)", function()
    local doc = run(lines {
      "World  Business  Markets  More",
      "Brennmoor Wire",
      "Water board orders daily cuts across nine valley hamlets",
      "By Wendeline Osterhagen and Corvin Maltby",
      "November 4, 2025 6:10 AM CET",
      "BRENNMOOR, Nov 4 (Brennmoor Wire) - Households in nine hamlets of the Brennmoor valley will have their water cut for ten hours a day from Monday, the district water board said on Friday.",
      L2, L3,
      "Read more:",
      "Valley farmers count cost of dry autumn",
      "Board names new chief engineer",
      "Trading in the board's bonds was suspended for an hour on Tuesday afternoon.",
      "Reporting by Wendeline Osterhagen; Editing by Corvin Maltby",
      "Our Standards: The Brennmoor Wire Principles.",
    })
    assert.is_true(has(doc, "Trading in the board's bonds"))
  end)
  it("keeps two attributed sentences between related links and the page's footer", function()
    local doc = run(lines {
      "World  Business  Markets  More",
      "Brennmoor Wire",
      "Water board orders daily cuts across nine valley hamlets",
      "By Wendeline Osterhagen and Corvin Maltby",
      "November 4, 2025 6:10 AM CET",
      "BRENNMOOR, Nov 4 (Brennmoor Wire) - Households in nine hamlets of the Brennmoor valley will have their water cut for ten hours a day from Monday, the district water board said on Friday.",
      L2, L3,
      "Read more:",
      "Valley farmers count cost of dry autumn",
      "Board names new chief engineer",
      "Hoteliers said guests had begun cancelling winter bookings. A spokesman for the tourist office declined to comment.",
      "Our Standards: The Brennmoor Wire Principles.",
    })
    assert.is_true(has(doc, "Hoteliers said guests had begun cancelling"))
  end)
end)
