-- Specs of the clean stage for the body failure kinds of the ninth blind page set
-- (issue 4): reader prompts closing the body (write in, comment on the outlet's social
-- page, stay with the outlet for updates), a caption credited "(Outlet/Name N.)" above
-- the dateline paragraph, advertisement copy closed by "Apply at any branch today!"
-- under its label, and a review's closing production line of a title, a company and
-- label-ish facts ("Conductor: NAME. Further performances until DATE.").
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines

local R1 = "Farmers in the Brannock valley began moving sheep to the low fields on Thursday after an early frost hardened the upland grazing weeks ahead of the usual date."
local R2 = "The regional weather office said night temperatures on the high ground had fallen below minus 12 degrees and were likely to stay there into next week."
local R3 = "\"We have never had to bring them down this early,\" said Moira Castellane-Obi, who keeps 600 ewes above the village. \"The grass is frozen solid.\""
local R4 = "The valley council said it would open its fodder store at Kettle Cross on Monday and deliver hay to families who cannot reach it by road."

-- a page of the Brannock Courier: masthead, title, byline, date, then middle, the four
-- paragraphs, and tail under them
local function page(middle, tail)
  local t = { "BRANNOCK COURIER", "News | Farming | Sport | Opinion", "",
    "Early frost drives Brannock flocks off the hills", "", "By Tomas Vey-Achterberg", "",
    "November 12, 2027 10:40", "" }
  for _, l in ipairs(middle or {}) do t[#t + 1] = l end
  -- (the first paragraph opens with its dateline, which the stage takes off)
  for i, p in ipairs { R1, R2, R3, R4 } do t[#t + 1] = (i == 1 and "LOWER BRANNOCK: " or "") .. p; t[#t + 1] = "" end
  for _, l in ipairs(tail or {}) do t[#t + 1] = l end
  t[#t + 1] = "© 2027 Brannock Courier. All rights reserved."
  return lines(t)
end

describe("clean: body kinds of the ninth blind page set", function()
  it("drops a reader prompt to write in, comment, or stay with the outlet for updates", function()
    for _, prompt in ipairs {
      "Have your say on this story: email news@brannockcourier.example or comment on our Facebook page.",
      "Stay with the Brannock Courier for updates on the frost throughout the day.",
      "Tell us what you think: send us your pictures of the frost and share this story with friends.",
    } do
      assert.same({ R1, R2, R3, R4 }, run(page(nil, { prompt, "" })).paragraphs)
    end
  end)

  it("keeps a body sentence that says comment or updates without addressing the reader", function()
    local keep = "The council declined to comment on the cost but said it would publish updates on the fodder store throughout the day."
    assert.same({ R1, R2, R3, R4, keep }, run(page(nil, { keep, "" })).paragraphs)
  end)

  it("drops a caption credited '(Outlet/Name N.)' above the dateline paragraph", function()
    for _, cap in ipairs {
      "Sheep are driven down the Kettle Cross road on Thursday. (Brannock Courier/Aila K.)",
      "A shepherd checks a frozen trough above the village. (Valley Press Agency/Dunstan Orr)",
    } do
      assert.same({ R1, R2, R3, R4 }, run(page({ cap, "" })).paragraphs)
    end
  end)

  it("keeps a body sentence closed by a parenthesised aside with a slash", function()
    local keep = "Hay now costs 14 crowns a bale at the Kettle Cross market, up from nine last winter (about 60 percent more per bale/day of feed)."
    assert.same({ R1, R2, R3, R4, keep }, run(page(nil, { keep, "" })).paragraphs)
  end)

  it("drops advertisement copy closed by an imperative call 'Apply at any branch today!'", function()
    for _, ad in ipairs {
      { "ADVERTISEMENT", "Brannock Mutual – Winter loans for farm families from 0.9% a month. Apply at any branch today!" },
      { "Advertisement", "Orrin Feeds – Hay and nuts delivered to the farm gate. Order online at orrinfeeds.example now!" },
    } do
      ad[#ad + 1] = ""
      assert.same({ R1, R2, R3, R4 }, run(page(nil, ad)).paragraphs)
    end
  end)

  it("keeps a body sentence that tells families to apply at the council office today", function()
    local keep = "Families who need hay can apply at the council office in Lower Brannock today, the council said."
    assert.same({ R1, R2, R3, R4, keep }, run(page(nil, { keep, "" })).paragraphs)
  end)

  it("drops a review's closing production line of a title, a company and label-ish facts", function()
    local P1 = "The Harbour Opera's new staging of The Salt Widow is a brave, uneven evening that nonetheless ends in real grief, carried by a superb lead."
    local P2 = "Soprano Ilse Marchetti-Dunn sings the widow with a dark, even tone and acts the final scene without a wasted gesture, holding the house in silence."
    local P3 = "The set, a single tilting jetty, is less successful, and the chorus is often left standing at its edge with nothing to do for long stretches."
    local function review(last)
      return lines { "THE KESTREL REVIEW", "", "A widow's grief on a tilting jetty", "", "By Corrado Nyberg", "",
        "December 3, 2027", "", P1, "", P2, "", P3, "", last, "Rating: ★★★☆☆", "", "© 2027 The Kestrel Review" }
    end
    for _, line in ipairs {
      "The Salt Widow. Harbour Opera Company. Conductor: Anselm Roy. Further performances until 20 December.",
      "The Salt Widow. Harbour Opera. Director: Pia Lund. Running time: 2 hours 40 minutes.",
    } do
      assert.same({ P1, P2, P3 }, run(review(line)).paragraphs)
    end
    -- (a closing paragraph of prose naming the conductor stays)
    local keep = "The Salt Widow runs until 20 December. Conductor Anselm Roy keeps the orchestra light. It is worth the trip."
    assert.same({ P1, P2, P3, keep }, run(review(keep)).paragraphs)
  end)
end)
