-- Specs of the clean stage's metadata kinds of development sets h71 and h72: a
-- breadcrumb whose last label is in sentence case ("Section / Sub section") taken for the
-- headline; a bare place before a dash missed when the lead goes on with a number
-- ("Place — Around 4,000 ..."); a staff byline naming its publication ("By Valley
-- Ledger Staff") read as a person. Every page below is invented (fictional towns,
-- people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")

local P2 = "The market's stalls were built over the winter by a dozen volunteers using timber salvaged from the old ferry shed on the quay."
local P3 = "\"We wanted a place where growers could sell straight to the town without paying a shop's rent,\" said organiser Delphine Achterberg."
local P4 = "The market opens every Saturday from 8am until noon, and stallholders pay a small fee that goes to the upkeep of the square."

describe("clean meta round 23: a breadcrumb over the headline", function()
  local function blog(crumb)
    return lines {
      "Kestrel Bay Growers Market",
      "Saturdays on the old quay", "",
      "Visit   Stallholders   Stories   Volunteer   Contact", "",
      crumb, "",
      "Inside the shed: how a dozen volunteers rebuilt the market's stalls", "",
      "Words by Marisol Quennell", "",
      "Sat 8 Mar 2025 · 10:20 AM", "",
      "On a cold Thursday evening in January, the old ferry shed on Kestrel Bay's quay was full of sawdust and the smell of linseed oil as volunteers sanded down planks.",
      "", P2, "", P3, "", P4, "",
      "Tags: Volunteers, Inside the shed, Market news", "",
    }
  end

  it("reads short labels set apart by slashes or angle marks as a breadcrumb", function()
    for _, s in ipairs { "Stories / Inside the shed", "Home › Community › Local markets", "News > Harbour life",
      "Stories » Behind the stalls" } do
      assert.is_true(meta.crumb_path(s), s)
    end
    -- (a headline with a slash: a longer clause, a number, a word in lower case opening a
    -- part, or a closing mark)
    for _, s in ipairs { "Ferry fares / what the new timetable means for island commuters", "Open 24 / 7",
      "Council votes / residents react", "Stories / Inside the shed.", "Rain or shine" } do
      assert.is_false(meta.crumb_path(s), s)
    end
  end)

  it("takes the headline under a breadcrumb in sentence case, not the breadcrumb", function()
    for _, crumb in ipairs { "Stories / Inside the shed", "Stories › Inside the shed" } do
      local doc = run(blog(crumb))
      assert.are.equal("Inside the shed: how a dozen volunteers rebuilt the market's stalls", doc.title, crumb)
    end
  end)
end)

describe("clean meta round 23: a bare place before a dash and a lead opening on a number", function()
  local function page(lead)
    return lines {
      "The Northfjord Courier", "",
      "News   Fisheries   Weather   Opinion", "",
      "Ferry cancelled as ice closes the harbour at Skálavík", "",
      "By Ingibjörg Rasmussen-Toft", "",
      "2025-01-14 09:40 GMT", "",
      lead, "",
      "The harbour master said the ice had formed overnight as the temperature fell to minus 19 degrees, the coldest night of the year so far.",
      "",
      "\"We cannot risk the hull of the ferry in ice this thick,\" said harbour master Jógvan Eliasen-Dahl.",
      "",
      "The ferry company said it would run a bus to the airport at Vágar until the harbour reopened.",
      "",
    }
  end

  it("reads the place when the lead goes on with a number after its first word", function()
    local doc = run(page("Skálavík — Around 2,400 islanders in Skálavík were left without their ferry link on Tuesday after ice closed the harbour mouth."))
    assert.are.equal("Skálavík", doc.dateline)
    assert.are.equal("Around 2,400 islanders in Skálavík were left without their ferry link on Tuesday after ice closed the harbour mouth.", doc.paragraphs[1])
  end)

  it("still reads no label before a dash as a place", function()
    local doc = run(page("Update — Around 2,400 islanders in Skálavík were left without their ferry link on Tuesday after ice closed the harbour mouth."))
    assert.is_true(doc.dateline == nil or doc.dateline == require("docpipe").null)
  end)
end)

describe("clean meta round 23: a staff byline naming its publication", function()
  it("names no person in \"By OUTLET Staff\"", function()
    for _, s in ipairs { "By Valley Ledger Staff", "By Harbour Review staff", "By Orvanne Times Staff" } do
      local r = meta.byline(s)
      assert.is_truthy(r, s)
      assert.are.same({}, r.authors, s)
    end
    -- (a person's name before "Staff Writer" stays)
    assert.are.same({ "Marisol Quennell" }, meta.byline("By Marisol Quennell, Staff Writer").authors)
  end)

  it("takes no author from the staff byline of a page", function()
    local doc = run(lines {
      "The Valley Ledger", "",
      "News   Courts   Schools   Sport   Opinion", "",
      "County approves new bus route to the Orvanne valley hamlets", "",
      "By Valley Ledger Staff", "",
      "March 3, 2025", "",
      "County commissioners on Monday approved a new bus route that will link nine hamlets of the Orvanne valley with the county seat twice a day.",
      "", "The route will cost about $180,000 a year to run and will be paid for from the county's transport levy, officials said.",
      "", "\"For a lot of older residents this is the difference between staying at home and moving to town,\" said commissioner Ottoline Brackett.",
      "", "The first buses are due to run in May, once the county has hired two more drivers.", "",
    })
    assert.are.same({}, doc.authors)
  end)
end)
