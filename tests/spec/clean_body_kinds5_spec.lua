-- Specs of the clean stage for the body failure kinds of the eighth blind page set
-- (issue 4): a release hard-wrapped narrower than its unwrapped header and footer lines
-- (lines broken before a capital, a headline over its date line), a release's "About"
-- box and "###" end mark, advertisement copy "Brand – tagline. Call to action." under
-- its label, a review's closing practical line, a subhead under an empty ad label.
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local blocks = require "docpipe.clean.blocks"
local dp = require "docpipe"

-- greedy wrapping at W characters, as a text dumper does
local function wrap(text, W)
  local out, cur = {}, ""
  for w in text:gmatch("%S+") do
    if cur == "" then cur = w
    elseif utf8.len(cur) + 1 + utf8.len(w) > W then out[#out + 1] = cur; cur = w
    else cur = cur .. " " .. w end
  end
  out[#out + 1] = cur
  return out
end

local R1 = "The Corvell Bay Harbour Trust will dredge the inner basin of the old fishing port this summer, letting the ferry to Inchmarra dock at low tide for the first time in a decade."
local R2 = "The work, paid for by a grant from the Maritime Renewal Fund and by the Trust's own reserves, is due to take eleven weeks and will close the north quay to boats."
local R3 = "\"Skippers have been timing their lives around the tide for years,\" said Harbour Master Ingrid Solvang-Mbeki. \"That ends this summer.\""
local R4 = "The Trust said the dredged silt would be tested and, if clean, spread on farmland at Tolleshaw under an agreement with the Corvell Bay Farmers' Union."

local function release(W, middle, tail)
  local t = { "Corvell Bay Harbour Trust | About the Harbour | Moorings | Notices to Mariners | Contact Us",
    "Newsroom > Releases",
    "Corvell Bay Harbour Trust to dredge old port so ferry can dock at low tide",
    "June 2, 2027",
    "Press office: Dervla Okonjo-Hart, 555-0177, press@corvellharbour.example", "" }
  local function para(p) for _, l in ipairs(wrap(p, W)) do t[#t + 1] = l end; t[#t + 1] = "" end
  para(R1); para(R2)
  for _, l in ipairs(middle or {}) do t[#t + 1] = l end
  para(R3); para(R4)
  for _, l in ipairs(tail or {}) do t[#t + 1] = l end
  t[#t + 1] = "Corvell Bay Harbour Trust | Harbour Office, Quay Street | Privacy | Accessibility | Site map"
  return lines(t)
end

describe("clean: body kinds of the eighth blind page set", function()
  it("reflows a page wrapped narrower than its unwrapped header lines, across capitals", function()
    for _, W in ipairs { 58, 64, 70 } do
      local doc = run(release(W))
      assert.same({ R1, R2, R3, R4 }, doc.paragraphs)
      assert.equal("Corvell Bay Harbour Trust to dredge old port so ferry can dock at low tide", doc.title)
    end
  end)

  it("estimates the wrap column from the lines that certainly wrap", function()
    local ls = dp.text.lines(release(60))
    local W0 = blocks.wrap_width(ls)
    assert.is_true(W0 > 70)
    local W = blocks.narrow_width(ls, W0)
    assert.is_true(W >= 55 and W <= 60)
    -- a page wrapped at its longest lines keeps its column
    local plain = {}
    for _, p in ipairs { R1, R2, R3, R4 } do
      for _, l in ipairs(wrap(p, 72)) do plain[#plain + 1] = l end
      plain[#plain + 1] = ""
    end
    local W = blocks.wrap_width(plain)
    assert.equal(W, blocks.narrow_width(plain, W))
  end)

  it("drops a release's About box with a web address and the ### end mark", function()
    local tail = { "About Corvell Bay Harbour Trust",
      "Corvell Bay Harbour Trust is a charitable trust that runs the port for its users.", "Find us at corvellharbour.example.",
      "", "###", "", "Media contact: Dervla Okonjo-Hart, 555-0177", "" }
    assert.same({ R1, R2, R3, R4 }, run(release(64, nil, tail)).paragraphs)
    -- (an "About" heading that no paragraph about the same name follows is no box)
    local subhead = { "About the silt", "", "Tests by the county laboratory found no heavy metals in samples taken from the basin last autumn, the Trust said.", "" }
    local doc = run(release(200, nil, subhead))
    assert.equal("About the silt", doc.paragraphs[5])
  end)

  it("drops 'Brand – tagline. Call to action.' copy under an advertisement label", function()
    for _, ad in ipairs {
      { "Advertisement", "", "Tarrow Freight – pallets across the islands. Request a quote online." },
      { "ADVERTISEMENT", "", "Kessock Savings Bank - loans for fishing boats. Visit any branch today." },
      { "Sponsored", "", "Hallin Outdoor – waterproof gear for every trail. Find a store near you." },
    } do
      ad[#ad + 1] = ""
      assert.same({ R1, R2, R3, R4 }, run(release(200, ad)).paragraphs)
    end
  end)

  it("drops a review's closing line of practical facts", function()
    local t = { "Harbour Lights Review", "", "A storm of a Tempest in a cold fish market", "By Oona Vasquez-Tull", "", R1, "", R2, "", R3, "",
      "The Tempest is at the Net Loft Theatre until 14 August. Tickets from £16. Running time: 2 hours 25 minutes, with one interval.",
      "", "© 2027 Harbour Lights Review" }
    assert.same({ R1, R2, R3 }, run(lines(t)).paragraphs)
    -- (a closing sentence of prose naming a theatre and a date stays)
    local keep = "The production moves to the Net Loft Theatre until 14 August, and the cast said they hoped to tour it next year."
    t[12] = keep
    assert.same({ R1, R2, R3, keep }, run(lines(t)).paragraphs)
  end)

  it("keeps a subhead right under an empty advertisement label", function()
    local t = { "Corvell Bay Chronicle", "Harbour dredging to begin in June", "By Ruairi Fenwick-Adu",
      "June 2, 2027 09:15 BST", R1, R2, "ADVERTISEMENT", "Silt and farmland", R3, R4, "© 2027 Corvell Bay Chronicle" }
    assert.same({ R1, R2, "Silt and farmland", R3, R4 }, run(lines(t)).paragraphs)
    -- (a brand's name and short copy under the label stay an advertisement)
    t[8] = "Advertise with the Corvell Bay Chronicle"
    assert.same({ R1, R2, R3, R4 }, run(lines(t)).paragraphs)
    t[8] = "Tarrow Freight"
    table.insert(t, 9, "Pallets across the islands. Request a quote online.")
    assert.same({ R1, R2, R3, R4 }, run(lines(t)).paragraphs)
  end)
end)
