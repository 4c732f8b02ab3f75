-- Specs of docpipe.html.extract on teasers of other stories set into or beside the
-- article: a rail of cards (linked headline + blurb) between the paragraphs, an "up
-- next" box after them, a second story with its own headline, and the cases that must
-- stay (subheads that are links over long sections). Every page here is invented
-- (tests/fixtures/html/teasers.html and the snippets below: fictional places, people and
-- outlets, newswire style).

local htmlinput = require "docpipe.htmlinput"

local DIR = "tests/fixtures/html/"

local function read(name)
  local f = assert(io.open(DIR .. name, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local function has(text, needle) return text:find(needle, 1, true) ~= nil end

local function text_of(html)
  return htmlinput.html_doc("t", "t.html", html).text
end

-- the article of the snippets: five paragraphs around a slot for the block under test
local LEDE = {
  "SELDWICK (Valley Gazette) -- The town council of Seldwick voted on Thursday to close the old swimming baths on Mill Street at the end of the summer, after engineers found cracks in the roof of the main hall, the mayor said.",
  "The baths, opened in 1931, draw about 90,000 swimmers a year, among them most of the town's primary schools, which hold their weekly lessons in the small pool.",
  "\"We cannot ask children to swim under a roof that our own engineers will not stand under,\" said Mayor Tobias Wendler after the vote, which passed by nine votes to four.",
}
local TAIL = {
  "Repairs would cost about 6 million crowns, the council's report said, against 14 million for a new building on the site of the former bus depot.",
  "Swimming clubs said they would ask the regional sports board to pay for buses to the pool in Lindau, forty minutes away, until a new hall opens.",
}

local function page(block, after)
  local p = {}
  for _, s in ipairs(LEDE) do p[#p + 1] = "<p>" .. s .. "</p>" end
  p[#p + 1] = block or ""
  for _, s in ipairs(TAIL) do p[#p + 1] = "<p>" .. s .. "</p>" end
  return ([[<html><head><title>Seldwick to close Mill Street baths</title></head><body>
<div class="top-links"><a href="/">Valley Gazette</a> <a href="/news">News</a></div>
<div class="wrap"><article class="item"><h1>Seldwick to close Mill Street baths</h1>
<div class="item-body">]] .. table.concat(p, "\n") .. [[</div>]] .. (after or "") ..
    [[</article></div></body></html>]])
end

local function keeps_article(text)
  for _, s in ipairs(LEDE) do assert.is_true(has(text, s:sub(1, 60)), s) end
  for _, s in ipairs(TAIL) do assert.is_true(has(text, s:sub(1, 60)), s) end
end

local CARD_A = "A new cycle path along the river will link the station with the hospital by next spring, the region's planners said on Monday."
local CARD_B = "Three bakeries on the market square will stay open on Sundays from May under a trial that the traders' association asked for."

describe("docpipe.html.extract teasers", function()
  it("drops a rail of teaser cards set between the article's paragraphs", function()
    local t = htmlinput.html_doc("teasers.html", DIR .. "teasers.html", read("teasers.html")).text
    assert.is_false(has(t, "The lake authority picked the smaller of two bidders"))
    assert.is_false(has(t, "Drivers on the Tamsel bridge will pay more"))
    assert.is_false(has(t, "Work to deepen the entrance to Ostraven harbour"))
    assert.is_true(has(t, "The vote, 212 to 31 on a turnout"))
    assert.is_true(has(t, "The operator, Tamsel Lake Lines, said"))
  end)

  it("drops an up-next box of teasers after the article", function()
    local t = htmlinput.html_doc("teasers.html", DIR .. "teasers.html", read("teasers.html")).text
    assert.is_false(has(t, "Up next"))
    assert.is_false(has(t, "Parents in Nordby and Hallum were told"))
    assert.is_false(has(t, "Traders returned to the covered market"))
    assert.is_true(has(t, "The county council said it would run extra buses"))
  end)

  it("leaves out a second story with its own headline after the article", function()
    local t = htmlinput.html_doc("teasers.html", DIR .. "teasers.html", read("teasers.html")).text
    assert.is_false(has(t, "Anglers on Lake Tamsel may start fishing for pike"))
    assert.is_false(has(t, "Fishing clubs on the northern shore"))
    -- the whole article, in page order
    local first = t:find("OSTRAVEN (Lakeshore Ledger)", 1, true)
    local last = t:find("The county council said it would run extra buses", 1, true)
    assert.is_truthy(first)
    assert.is_truthy(last)
    assert.is_true(first < last)
  end)

  it("drops teasers written as list items of headline and blurb", function()
    local t = text_of(page([[<ul class="strip">
<li><h3><a href="/2031/river-path">Cycle path to link station and hospital</a></h3><p>]] .. CARD_A .. [[</p></li>
<li><h3><a href="/2031/sunday-bakeries">Bakeries to open on Sundays in trial</a></h3><p>]] .. CARD_B .. [[</p></li>
</ul>]]))
    assert.is_false(has(t, CARD_A))
    assert.is_false(has(t, CARD_B))
    keeps_article(t)
  end)

  it("drops flat teasers: linked headings each with a blurb", function()
    local t = text_of(page(nil, [[<div class="more"><h2>More from the valley</h2>
<h3><a href="/2031/river-path">Cycle path to link station and hospital</a></h3><p>]] .. CARD_A .. [[</p>
<h3><a href="/2031/sunday-bakeries">Bakeries to open on Sundays in trial</a></h3><p>]] .. CARD_B .. [[</p>
</div>]]))
    assert.is_false(has(t, CARD_A))
    assert.is_false(has(t, CARD_B))
    assert.is_false(has(t, "More from the valley"))
    keeps_article(t)
  end)

  it("keeps sections whose subheads are links when the sections are long", function()
    local s1 = "The first of the two plans, drawn up by the architects of the town hall extension, keeps the facade of 1931 and puts a new steel roof over the old hall, with a second pool for schools in the former boiler house."
    local s2 = "The council's engineers said the plan would close the baths for at least two years, and that the steel roof could only be ordered once the regional heritage office had approved it."
    local s3 = "The second plan would clear the site and build a new hall on the bus depot land, which the town bought in 2024 and has used as a car park since then, at a higher cost."
    local s4 = "Its backers on the council said a new hall would cost less to heat and could open within three years, while the old baths stayed open until the day the new ones were ready."
    local t = text_of(page([[<div class="plans">
<div class="plan"><h3><a href="/docs/plan-a.pdf">Plan A: keep the old hall</a></h3><p>]] .. s1 .. [[</p><p>]] .. s2 .. [[</p></div>
<div class="plan"><h3><a href="/docs/plan-b.pdf">Plan B: build on the depot site</a></h3><p>]] .. s3 .. [[</p><p>]] .. s4 .. [[</p></div>
</div>]]))
    for _, s in ipairs({ s1, s2, s3, s4 }) do assert.is_true(has(t, s:sub(1, 60)), s) end
    keeps_article(t)
  end)

  it("keeps in-story links to other stories between the article's paragraphs", function()
    local t = text_of(page([[<p><a href="/2031/baths-history">Ninety years of swimming on Mill Street</a></p>
<p>The council will hold a public meeting on the closure in the town hall on the first Monday of June.</p>
<p><a href="/2031/lindau-pool">Lindau pool to add early lanes for school groups</a></p>]]))
    assert.is_true(has(t, "Ninety years of swimming on Mill Street"))
    assert.is_true(has(t, "Lindau pool to add early lanes for school groups"))
    keeps_article(t)
  end)

  it("leaves out a sibling story with its own headline beside the article", function()
    local other = "LINDAU (Valley Gazette) -- The regional sports board will decide next month whether to pay for school buses to the Lindau pool, its chairwoman Marta Oslund said on Friday, after three towns asked for help."
    local html = page():gsub("</article></div>", "</article><article class=\"item\"><h1>Sports board to rule on pool buses</h1><div class=\"item-body\"><p>"
      .. other .. "</p><p>" .. TAIL[2]:gsub("Swimming clubs", "Parents' groups") .. "</p></div></article></div>")
    local t = text_of(html)
    assert.is_false(has(t, "The regional sports board will decide next month"))
    keeps_article(t)
  end)

  it("leaves out the next story in an <article> of its own beside the article", function()
    local other = "LINDAU (Valley Gazette) -- The regional sports board will decide next month whether to pay for school buses to the Lindau pool, its chairwoman Marta Oslund said on Friday, after three towns asked for help."
    local html = "<html><body><main><article class=\"story\"><h1>Seldwick to close baths</h1><p>"
      .. table.concat(LEDE, "</p><p>") .. "</p><p>" .. table.concat(TAIL, "</p><p>")
      .. "</p></article><article class=\"story\"><h1>Sports board to rule on pool buses</h1><p>" .. other
      .. "</p><p>Parents' groups said they would ask the board for help with the fares, a spokeswoman said.</p></article></main></body></html>"
    local t = text_of(html)
    assert.is_false(has(t, "The regional sports board will decide next month"))
    assert.is_false(has(t, "Parents' groups said they would ask the board"))
    keeps_article(t)
  end)
end)
