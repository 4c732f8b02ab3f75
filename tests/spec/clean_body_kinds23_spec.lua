-- Specs of the clean stage for the body failure kinds found on blind pages (issue 4,
-- round 23): a sports match-facts box set inside the report (a capitals heading, the
-- score line, the scorers by kind after a dash, label lines), an advertisement's copy
-- under its label (a brand, a dash and its services in lower case, then its opening
-- hours as the call), and a contact prompt under the body (a question to the reader,
-- then whom to talk to or call, with a phone number or an address). Guards: prose
-- with the same words stays.
-- Every page below is invented (fictional towns, people, clubs and outlets).

local pages = require "tests.clean_pages"
local has_paragraph = pages.has_paragraph
local run = pages.run

local P1 = "Glenharrow came from ten points down at half-time to beat Kilbarchan Vale 31-17 at Millbrae Park on Saturday and climb to second in the Tweedwater League."
local P2 = "The visitors led 13-3 at the break after a try from their captain, but Glenharrow's forwards took hold of the game once the wind dropped in the second half."
local P3 = "\"We kept it tight and trusted the pack,\" head coach Morag Lindsay said. \"The young lads showed real nerve in the last ten minutes.\""
local P4 = "Glenharrow travel to Ardmillan next Saturday, kick-off 2.30pm, and a supporters' bus will leave the clubhouse at noon."

local HEADER = { "Glenharrow RFC", "", "Home | Club News | Fixtures | Teams | Shop | Contact", "",
    "Glenharrow sink Kilbarchan Vale with second-half fightback", "", "Posted by Ailsa Brodie on 18 January 2026", "" }
local FOOTER = { "Share this post", "", "© 2026 Glenharrow RFC" }
local function page(head, mid, foot)
  return pages.story(HEADER, P1, { P2, P3, P4 }, head, mid, foot, FOOTER)
end
local function all_kept(doc)
  for _, p in ipairs { P1, P2, P3, P4 } do assert.is_true(has_paragraph(doc, p), p) end
end

describe("clean: a match-facts box inside the report", function()
  it("drops the box of the score, the scorers after a dash and the officials", function()
    local box = { "MATCH FACTS", "Glenharrow 31 Kilbarchan Vale 17",
      "Glenharrow: Tries - Dunmore 2, Ferrie. Cons - Ochil 2. Pens - Ochil 4.",
      "Kilbarchan Vale: Tries - Pardew, Skene. Con - Lusk. Pen - Lusk.",
      "Referee: M. Tolland (SRU)", "Player of the match: Ewan Dunmore" }
    local doc = run(page(nil, { box }))
    all_kept(doc)
    for i = 2, #box do assert.is_false(has_paragraph(doc, box[i]), box[i]) end
  end)

  it("drops a football box with goals after an en dash", function()
    local box = { "FULL TIME", "Harrowdale Town 2 Mossend United 1",
      "Harrowdale Town: Goals – Abernethy 12, Quinlan 77.", "Mossend United: Goals – Strachan 54.",
      "Referee: P. Lindqvist", "Attendance: 1,240" }
    local doc = run(page(nil, { box }))
    all_kept(doc)
    for i = 2, #box do assert.is_false(has_paragraph(doc, box[i]), box[i]) end
  end)

  it("keeps a report sentence naming the scorers after a dash", function()
    local s = "The tries came late - Dunmore twice from close range and Ferrie on the wing - as the visitors tired in the heavy ground."
    local doc = run(page(nil, { s }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, s))
  end)
end)

describe("clean: advertisement copy with opening hours", function()
  it("drops a brand and its services in lower case closed by its opening days", function()
    for _, ad in ipairs {
      "Brackenridge Timber & Tools – fencing, decking and garden sheds under one roof. Now open Sundays until 4pm.",
      "Tarrow Glass – windows, doors and shower screens made to measure. Now open weekdays from 7am.",
      "Ferncliff Paints – interior and exterior paint mixed to order. Now open 7 days." } do
      local doc = run(page(nil, { "Advertisement", ad }))
      all_kept(doc)
      assert.is_false(has_paragraph(doc, ad), ad)
    end
  end)

  it("keeps a news sentence on opening hours under an advertisement label", function()
    local s = "The Millbrae Park clubhouse will now open Saturdays until 6pm, club secretary Iain Rennick said."
    local doc = run(page(nil, { "Advertisement", s }))
    all_kept(doc)
    assert.is_true(has_paragraph(doc, s))
  end)
end)

describe("clean: a contact prompt under the body", function()
  it("drops a question to the reader then whom to call, with a phone number", function()
    for _, c in ipairs {
      "Questions about the rebate? Talk to your branch officer or call the Members' Helpline on 0800 412 775.",
      "Need help with your claim? Speak to our claims team on (09) 447 2210.",
      "Not sure if you qualify? Phone the advice line on 0508 221 904 or email help@tarrowcoop.example." } do
      local doc = run(page(nil, nil, { c }))
      all_kept(doc)
      assert.is_false(has_paragraph(doc, c), c)
    end
  end)

  it("keeps a news sentence telling someone to call", function()
    for _, s in ipairs {
      "Asked about the plan, she said to call the council on Monday.",
      "Why did the clubhouse close? Members were told to call the secretary on Monday for an explanation, Rennick said." } do
      local doc = run(page(nil, nil, { s }))
      all_kept(doc)
      assert.is_true(has_paragraph(doc, s), s)
    end
  end)
end)
