-- Specs of the clean stage's reflow of a lynx dump whose "References" list holds web
-- addresses longer than the column the body was wrapped at: a dumper breaks no
-- address, so those lines must not set the wrap column (they did: the column came out
-- at the longest address and every paragraph was cut at its sentence ends); and lynx
-- 2.9's list headed "Visible links:" (when a page has links with no text), which was
-- not taken for the references list. The page below is invented (a fictional island,
-- outlet and people).

local pages = require "tests.clean_pages"
local blocks = require "docpipe.clean.blocks"
local run = pages.run

-- ps wrapped at width columns after a margin of three spaces, as lynx -dump does
local function wrap(ps, width)
  local out = {}
  for _, p in ipairs(ps) do
    local cur = ""
    for w in p:gmatch("%S+") do
      if cur ~= "" and 3 + #cur + 1 + #w > width then out[#out + 1] = "   " .. cur; cur = w
      else cur = cur == "" and w or cur .. " " .. w end
    end
    out[#out + 1] = "   " .. cur
    out[#out + 1] = ""
  end
  return out
end

local PS = {
  "Work on the new breakwater at Port Sorrel will stop for eight weeks over the nesting season after the island's bird wardens found terns nesting on the rock stockpile, the harbour board said on Monday.",
  "Under a plan agreed with the contractor, heavy lifting will halt from 1 May until the end of June, although the delivery of stone by barge will continue on weekdays.",
  "\"We would rather lose two months than lose the colony,\" said warden Ottilie Marchbank, who first reported the nests. \"The birds were here long before the barges.\"",
  "The board said the pause would add about a quarter to the cost of the first phase, which it expects to finish next spring.",
}

local function page(visible)
  local t = { "   [1]Skip to content", "", "   [2]Sorrel Island Times", "",
    "   [3]Home [4]News [5]Sport [6]Weather", "", "NEWS", "",
    "Breakwater work paused for nesting terns", "", "   By [7]Hamish Tregarth", "",
    "   Published 12/04/2026 09:10 BST", "" }
  for _, l in ipairs(wrap(PS, 76)) do t[#t + 1] = l end
  for _, l in ipairs({ "   (c) 2026 Sorrel Island Times", "", "References", "" }) do t[#t + 1] = l end
  if visible then t[#t + 1] = "   Visible links:" end
  for _, l in ipairs({
    "   1. https://www.sorrelislandtimes.example/news/2026/04/12/breakwater-work-paused-for-nesting-terns#content",
    "   2. https://www.sorrelislandtimes.example/",
    "   3. https://www.sorrelislandtimes.example/news/2026/04/10/ferry-timetable-changes-easter",
    "   4. https://www.sorrelislandtimes.example/news/2026/04/09/school-roof-repairs-approved",
    "   5. https://www.sorrelislandtimes.example/sport/2026/04/11/gig-rowing-season-opens-early",
    "   6. https://www.sorrelislandtimes.example/weather/2026/04/12/gales-expected-on-tuesday",
    "   7. https://www.sorrelislandtimes.example/authors/hamish-tregarth-senior-reporter-harbour-and-transport",
    "   8. https://www.facebook.com/sharer/sharer.php?u=https://www.sorrelislandtimes.example/news/2026/04/12/breakwater",
    "   9. https://x.example/intent/post?url=https://www.sorrelislandtimes.example/news/2026/04/12/breakwater-work-paused",
    "  10. https://api.whatsapp.example/send?text=https://www.sorrelislandtimes.example/news/2026/04/12/breakwater-work" }) do
    t[#t + 1] = l
  end
  if visible then t[#t + 1] = ""; t[#t + 1] = "   Hidden links:"; t[#t + 1] = "  11. https://www.sorrelislandtimes.example/#top" end
  return table.concat(t, "\n") .. "\n"
end

describe("clean reflow beside a references list of long addresses", function()
  it("measures the wrap column without the lines that end in an address", function()
    local ls = {}
    for l in page():gmatch("(.-)\n") do ls[#ls + 1] = l end
    local W = blocks.wrap_width(ls)
    assert.is_true(W ~= nil and W <= 76 and W >= 72, "wrap column " .. tostring(W))
  end)

  it("joins each wrapped paragraph whole", function()
    local doc = run(page())
    assert.are.same(PS, doc.paragraphs)
  end)

  it("takes lynx 2.9's list headed \"Visible links:\" for the references list: link numbers cut, byline read", function()
    local doc = run(page(true))
    assert.are.same(PS, doc.paragraphs)
    assert.are.same({ "Hamish Tregarth" }, doc.authors)
    local cut = false
    for _, r in ipairs(doc.meta.removed) do
      if r.reason == "link references (lynx)" and r.text:find("Hidden links:", 1, true) then cut = true end
    end
    assert.is_true(cut)
  end)

  it("still measures a page whose body lines end in no address", function()
    local ls = wrap(PS, 70)
    assert.is_true(blocks.wrap_width(ls) <= 70)
  end)
end)
