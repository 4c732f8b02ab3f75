-- Specs of the clean stage for the body failure kinds of the fifth blind page set
-- (issue 4): a hard-wrapped dump whose longest lines were left unwrapped (the wrap
-- width is read from the wrapped lines; a line that ends no sentence goes on into a
-- lower-case line), republication notes and a credit line under the body, captions
-- closed by "PHOTO/ NAME" or "Courtesy of X", and a review's info box of fact lines.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local has_paragraph = pages.has_paragraph
local blocks = require "docpipe.clean.blocks"
local dp = require "docpipe"

local P1 = "The Marrow Creek school board voted on Monday to close Fennick Elementary at the end of the school year, moving its 214 pupils to two larger schools across the river."
local P2 = "Superintendent Odalys Brennan-Kerr said the building needed a new roof and boiler that would cost more than the district spends on repairs in five years."
local P3 = "\"We did not come to this lightly,\" board president Corwin Abernathy said. \"But we cannot keep asking families to send children to a building that leaks.\""
local P4 = "Parents who spoke at the meeting asked the board to wait a year while a group of them raised money for the repairs, but the motion to delay failed 4-3."

-- P1..P4 hard-wrapped at `width` columns with a three-space indent
local function wrapped(width)
  local out = {}
  for _, p in ipairs { P1, P2, P3, P4 } do
    local line = "  "
    for w in p:gmatch("%S+") do
      if #line + 1 + #w > width then out[#out + 1] = line; line = "  " end
      line = line .. " " .. w
    end
    out[#out + 1] = line
    out[#out + 1] = ""
  end
  return out
end

local function page(body, tail)
  local t = { "   Marrow Creek Courier", "   News   Schools   Sports   Obituaries", "",
    "Board votes to close Fennick Elementary after 71 years", "",
    "   By Imelda Coveney", "   Nov. 24, 2026", "" }
  for _, l in ipairs(body) do t[#t + 1] = l end
  for _, l in ipairs(tail or {}) do t[#t + 1] = l end
  t[#t + 1] = ""
  t[#t + 1] = "   © 2026 Marrow Creek Courier. All rights reserved."
  return lines(t)
end

local function exact(doc, want)
  assert.are.same(want, { table.unpack(doc.paragraphs) })
end

describe("clean: body kinds of the fifth blind set", function()
  it("reads the wrap width from wrapped lines, not from long lines left unwrapped", function()
    local body = wrapped(72)
    -- three prompts the dumper did not wrap, each alone in its paragraph
    local long = {
      "   Local news needs local readers. Become a member of the Marrow Creek Courier today and help us keep reporting.",
      "   Got a tip about schools in Marrow Creek? Our education desk wants to hear from you, in confidence, any day of the week.",
      "   Marrow Creek Courier is a member of the Valley News Cooperative and follows its code of practice for all published stories.",
    }
    local t = {}
    for i, l in ipairs(body) do t[#t + 1] = l; if i == 3 then t[#t + 1] = long[1]; t[#t + 1] = "" end end
    local text = page(t, { long[2], "", long[3] })
    local W = blocks.wrap_width(dp.text.lines(text))
    assert.is_true(W >= 70 and W <= 73, tostring(W))
    local doc = run(text)
    for _, p in ipairs { P1, P2, P3, P4 } do assert.is_true(has_paragraph(doc, p), p) end
  end)

  it("joins a line that ends no sentence to the lower-case line that goes on with it", function()
    -- wrapped at 70 but one line broke early (a dumper that counted a wide character
    -- twice): "... at the end of the school" / "year, moving ..."
    local body = wrapped(70)
    local t = {}
    for _, l in ipairs(body) do t[#t + 1] = l end
    t[#t + 1] = "   The district will hold an open house at both schools in the week before the"
    t[#t + 1] = "   spring term, when families can meet the teachers and see the classrooms."
    local doc = run(page(t))
    assert.is_true(has_paragraph(doc, "in the week before the spring term, when families"))
    assert.is_true(has_paragraph(doc, P1))
  end)

  it("drops republication notes and a people-only credit line under the body", function()
    local t = {}
    for _, p in ipairs { P1, P2, P3, P4 } do t[#t + 1] = "   " .. p; t[#t + 1] = "" end
    local doc = run(page(t, {
      "   Data reporting by Harriet Oyelowo-Banks.", "",
      "   This story was originally published by the Valley Schools Desk, a nonprofit newsroom. It was produced in partnership with the Courier.", "",
      "   You may republish this story for free under a Creative Commons license.", "",
    }))
    exact(doc, { P1, P2, P3, P4 })
  end)

  it("keeps a body sentence about reporting by a newspaper", function()
    local t = {}
    for _, p in ipairs { P1, P2 } do t[#t + 1] = "   " .. p; t[#t + 1] = "" end
    t[#t + 1] = "   Reporting by the Courier in 2024 first showed the roof had failed."; t[#t + 1] = ""
    for _, p in ipairs { P3, P4 } do t[#t + 1] = "   " .. p; t[#t + 1] = "" end
    local doc = run(page(t))
    assert.is_true(has_paragraph(doc, "Reporting by the Courier in 2024 first showed the roof had failed."))
  end)

  it("drops captions closed by a PHOTO/ NAME or a Courtesy of credit", function()
    local t = { "   Parents listen to the vote at Fennick Elementary on Monday. PHOTO/ GRETA LOWENSTEIN-ABARA", "" }
    for i, p in ipairs { P1, P2, P3, P4 } do
      t[#t + 1] = "   " .. p; t[#t + 1] = ""
      if i == 2 then t[#t + 1] = "   The school's gym, built in 1955. Courtesy of Marrow Creek Historical Society"; t[#t + 1] = "" end
      if i == 3 then t[#t + 1] = "   Pupils leave Fennick Elementary on Friday. Photo/Valley Pictures"; t[#t + 1] = "" end
    end
    local doc = run(page(t))
    exact(doc, { P1, P2, P3, P4 })
  end)

  it("lets the dateline open the body once the caption above it is gone", function()
    local doc = run(lines { "THE MARROW CREEK COURIER", "", "Board votes to close Fennick Elementary after 71 years", "",
      "By Imelda Coveney", "", "Parents listen to the vote on Monday. PHOTO/ GRETA LOWENSTEIN-ABARA", "",
      "MARROW CREEK, Nov. 23 – " .. P1, "", P2, "", P3, "", P4, "", "© 2026 Marrow Creek Courier." })
    assert.are.equal(P1, doc.paragraphs[1])
    assert.are.equal("MARROW CREEK", doc.dateline)
  end)

  it("drops a review's info box of fact lines: a film, a book, a concert", function()
    local boxes = {
      { "FENNICK: A SCHOOL STORY", "Not rated. 94 minutes. Directed by Pell Ashdown. Opens Friday at the Rialto." },
      { "The Lantern Years", "By Odile Fairweather", "Harbor Lane Press, 312 pages, $28" },
      { "Marrow Creek Chamber Players", "When: 7:30 p.m. Saturday", "Where: Fennick Hall, 40 River Road", "Tickets: $15 to $30 at the door" },
    }
    for _, box in ipairs(boxes) do
      local t = {}
      for _, p in ipairs { P1, P2, P3, P4 } do t[#t + 1] = "   " .. p; t[#t + 1] = "" end
      for _, l in ipairs(box) do t[#t + 1] = "   " .. l end
      local doc = run(page(t))
      exact(doc, { P1, P2, P3, P4 })
    end
  end)

  it("adds fact cues through the fact_cues option", function()
    -- (a wine's box set between two paragraphs)
    local t = {}
    for i, p in ipairs { P1, P2, P3, P4 } do
      t[#t + 1] = "   " .. p; t[#t + 1] = ""
      if i == 2 then
        for _, l in ipairs { "FENNICK RIDGE PINOT NOIR", "Grapes: Pinot noir, with a little gamay from the upper slopes.",
          "Region: Marrow Valley, on the north bank of the river.", "Drink: Now, or over the next five years." } do
          t[#t + 1] = "   " .. l
        end
        t[#t + 1] = ""
      end
    end
    local text = page(t)
    assert.is_true(has_paragraph(run(text), "Region: Marrow Valley"))
    exact(run(text, { fact_cues = { "^(grapes|region|drink)\\s*:" } }), { P1, P2, P3, P4 })
  end)

  it("keeps two short body paragraphs with figures on consecutive lines", function()
    local doc = run(lines { "Marrow Creek Courier", "Board votes to close Fennick Elementary after 71 years",
      "By Imelda Coveney", "Nov. 24, 2026", P1, P2, "Enrolment has fallen from 390 in 2016 to 214 this year.",
      "The vote was 5-2.", P3, P4, "© 2026 Marrow Creek Courier." })
    assert.is_true(has_paragraph(doc, "Enrolment has fallen from 390 in 2016 to 214 this year."))
    assert.is_true(has_paragraph(doc, "The vote was 5-2."))
  end)
end)
