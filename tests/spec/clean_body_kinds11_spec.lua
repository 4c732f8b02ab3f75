-- Specs of the clean stage for body failure kinds (issue 4, round 11): a press
-- release's end matter under "Notes to editors" (or "Editor's notes", "Media contact"), an
-- appeal closed by its price ("Adopt from £40"), a body sentence closing on "newsletter",
-- an agency's syndication and publication notes for other editors, and an inline
-- advertisement closed by a call to book with a brand and save a percentage. Every page
-- below is invented (fictional towns, people, parks, charities, agencies and brands).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph

-- a wildlife park's press release
local Z1 = "Keepers at Thornfield Wildlife Park are celebrating the birth of three snow leopard cubs, the first born at the park in nine years."
local Z2 = "The cubs were born on 2 June to five-year-old Sasha, who came to Thornfield from a partner park in 2022 as part of a breeding programme for the species."
local Z3 = "Head keeper Dorota Lindqvist said: \"All three cubs are feeding well and their mother is very relaxed, so we are leaving the family in peace for now.\""
local Z4 = "Fewer than 7,000 snow leopards are thought to remain in the wild, where they are threatened by poaching and the loss of their prey."
local Z5 = "The park has not yet named the cubs. Supporters will be able to suggest names in the park's spring newsletter."
local Z6 = "Visitors should be able to see the family in the Mountain Trail enclosure from September, once the cubs are confident outside."

local function release(middle, tail)
  local t = { "Thornfield Wildlife Park", "Visit | Animals | Conservation | News", "",
    "Snow leopard triplets born at Thornfield", "", "Posted by the Press Office on 14 July 2026", "",
    Z1, "", Z2, "", Z3, "", Z4, "" }
  for _, l in ipairs(middle) do t[#t + 1] = l end
  for _, l in ipairs { Z5, "", Z6, "" } do t[#t + 1] = l end
  for _, l in ipairs(tail) do t[#t + 1] = l end
  for _, l in ipairs { "", "Thornfield Wildlife Park, Quarry Lane, Thornfield", "Registered charity no. 1123456",
    "© Thornfield Zoological Trust 2026" } do
    t[#t + 1] = l
  end
  return run(lines(t))
end

local NOTES = { "Notes to editors",
  "Thornfield Wildlife Park is a conservation charity caring for more than 120 species. It funds field work in nine countries.",
  "Images of the cubs are available on request.", "",
  "Media contact", "Ruth Penhallow, Press Officer", "press@thornfield.example | 01632 960 211" }

describe("clean: a press release's end matter", function()
  it("drops everything from a Notes to editors heading on", function()
    local doc = release({}, NOTES)
    for _, p in ipairs { Z1, Z2, Z3, Z4, Z5, Z6 } do assert.is_true(has_paragraph(doc, p), p) end
    assert.is_false(has_paragraph(doc, "Notes to editors"))
    assert.is_false(has_paragraph(doc, "is a conservation charity caring for"))
    assert.is_false(has_paragraph(doc, "available on request"))
  end)

  it("drops the end matter under an Editor's notes heading", function()
    local doc = release({}, { "Editor's notes",
      "Thornfield Wildlife Park is a conservation charity caring for more than 120 species. It funds field work in nine countries.",
      "High-resolution images are available on request." })
    for _, p in ipairs { Z1, Z2, Z3, Z4, Z5, Z6 } do assert.is_true(has_paragraph(doc, p), p) end
    assert.is_false(has_paragraph(doc, "is a conservation charity caring for"))
    assert.is_false(has_paragraph(doc, "available on request"))
  end)

  it("drops an appeal closed by its price and keeps the paragraph under it", function()
    local doc = release({ "You can help protect snow leopards in the wild by sponsoring one today. Sponsor from £35", "" }, NOTES)
    assert.is_false(has_paragraph(doc, "by sponsoring one today"))
    for _, p in ipairs { Z1, Z2, Z3, Z4, Z5, Z6 } do assert.is_true(has_paragraph(doc, p), p) end
  end)

  it("keeps a body paragraph that closes on the word newsletter", function()
    local doc = release({}, {})
    assert.is_true(has_paragraph(doc, Z5))
  end)
end)

-- a court-reporting agency's story
local C1 = "A builder who left a trench unguarded outside a primary school has been fined £12,000 after a pupil fell into it and broke her arm."
local C2 = "Darren Pollitt, 44, of Kestrel Close, Ambleworth, admitted a breach of health and safety law at Ambleworth Magistrates' Court."
local C3 = "The court heard that the trench on Mill Hey Road had been left without a barrier for two days while Pollitt waited for a delivery of pipes."
local C4 = "Magistrates said the danger would have been plain to anyone walking past the school gates at home time."
local C5 = "The story was later offered for syndication by the agency, which sells court copy to a dozen regional papers."
local C6 = "Pollitt was also ordered to pay £1,800 in costs and a victim surcharge."

local function court(extra_top, extra_end, body)
  local t = { "Pennine Court Reports", "Home | Crown Court | Magistrates | Inquests", "",
    "Builder fined after pupil falls into unguarded trench", "", "Reporter: Harriet Oduya",
    "Tuesday 4 August 2026 11:20 BST", "" }
  for _, l in ipairs(extra_top) do t[#t + 1] = l end
  for _, p in ipairs(body or { C1, C2, C3, C4, C6 }) do t[#t + 1] = p; t[#t + 1] = "" end
  for _, l in ipairs(extra_end) do t[#t + 1] = l end
  for _, l in ipairs { "", "Latest from court", "Woman denies theft from charity shop - 3 August 2026", "",
    "© Pennine Court Reports Ltd 2026. All rights reserved." } do
    t[#t + 1] = l
  end
  return run(lines(t))
end

describe("clean: an agency's notes to other editors", function()
  it("drops the syndication note and the note telling editors to check with the newsdesk", function()
    local doc = court({ "This article is available for syndication. Call the newsdesk on 01632 960 587.", "" },
      { "Reporting restrictions may apply to this case. Check with the newsdesk before publication." })
    for _, p in ipairs { C1, C2, C3, C4, C6 } do assert.is_true(has_paragraph(doc, p), p) end
    assert.is_false(has_paragraph(doc, "available for syndication"))
    assert.is_false(has_paragraph(doc, "Check with the newsdesk"))
  end)

  it("keeps body sentences about syndication, reporting restrictions and the newsdesk", function()
    local R = "Reporting restrictions apply to the case because the pupil is nine, and the newsdesk of the local paper agreed not to name the school."
    local doc = court({}, {}, { C1, C2, C3, C5, R, C4, C6 })
    for _, p in ipairs { C1, C2, C3, C5, R, C4, C6 } do assert.is_true(has_paragraph(doc, p), p) end
  end)
end)

-- a regional paper's story with an inline advertisement
local A1 = "The park authority of Lago Verde will close the trail to the Cerro Blanco glacier in the afternoons from next month because the ice has become unstable in the heat."
local A2 = "Rangers say the glacier has lost about 40 metres of its front in the past three summers, and blocks of ice now fall into the lake several times a day."
local A3 = "Guided walks onto the ice will continue in the mornings, when it is firmer, said park director Inés Calfucura."
local A4 = "Tour operators in the town of Puerto Lenga fear the shorter day will cost them bookings. Travellers who book early can still save 15% on boat trips, the operators' association said."
local A5 = "Some guides have started offering bird-watching walks in the forest below the glacier instead."

local function paper(ad)
  local t = { "The Andes Herald", "News | Patagonia | Travel | Opinion", "",
    "Glacier trail to close in the afternoons as ice weakens", "", "By Tomás Ñancupil in Puerto Lenga", "August 3, 2026", "",
    A1, "", A2, "", A3, "" }
  for _, l in ipairs(ad) do t[#t + 1] = l end
  for _, l in ipairs { A4, "", A5, "", "Comments (3)", "", "© 2026 The Andes Herald" } do t[#t + 1] = l end
  return run(lines(t))
end

describe("clean: an inline advertisement calling to book and save", function()
  it("drops the copy under its label that closes on booking with a brand and a saving", function()
    local doc = paper { "ADVERTISEMENT", "Explore the fjords of the far south. Book your lodge with Lenga Stays and save 20% this autumn.", "" }
    assert.is_false(has_paragraph(doc, "Book your lodge with Lenga Stays"))
    for _, p in ipairs { A1, A2, A3, A4, A5 } do assert.is_true(has_paragraph(doc, p), p) end
  end)

  it("drops an unlabelled line offering a saving when the reader books, closed without a stop", function()
    local doc = paper { "Winter cabins by the lake: save 12% when you book online", "" }
    assert.is_false(has_paragraph(doc, "save 12% when you book online"))
    for _, p in ipairs { A1, A2, A3, A4, A5 } do assert.is_true(has_paragraph(doc, p), p) end
  end)

  it("keeps a body sentence about booking early and saving", function()
    local doc = paper {}
    for _, p in ipairs { A1, A2, A3, A4, A5 } do assert.is_true(has_paragraph(doc, p), p) end
  end)
end)
