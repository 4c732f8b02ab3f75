-- Specs of the clean stage's metadata for failure kinds seen on page dumps (batch 23):
-- an agency's full name in the byline over its short name in the dateline, a staff
-- byline that is no masthead, a station's name with its band in capitals ("104FM"), a
-- call sign of a digit and capitals before its frequency and the station's name, a
-- masthead the dump split over two lines, highlights marked with ASCII arrows ("> ",
-- "-> ").
-- Every page below is invented (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, page = pages.run, pages.page
local meta = require("docpipe.clean.meta").new("en")

local WATER = pages.WATER

-- the water story with its first paragraph opened by a dateline
local function dated(prefix)
  local ps = { prefix .. WATER[1] }
  for k = 2, #WATER do ps[#ps + 1] = WATER[k] end
  return ps
end

describe("clean meta: an agency's full name in the byline", function()
  local head = {
    "Harbour Daily", "Home  News  Business  Sport  Contact", "",
    "Valley water to be cut ten hours a day", "",
    "By Tanjung Press", "March 3, 2026 09:15", "",
  }
  local foot = { "-- TANJUNG PRESS", "", "Harbour Daily © 2026. Stories from Tanjung Press used with permission." }

  it("takes a byline naming the dateline's agency in full as the outlet, no author", function()
    local doc = run(page(head, dated("ORVANNE, March 3 (Tanjung) -- "), foot))
    assert.are.same({}, doc.authors)
    assert.are.equal("Tanjung Press", doc.outlet)
    assert.are.equal("ORVANNE", doc.dateline)
  end)

  it("keeps a person whose given name is the agency's when the page names them once", function()
    local h = { "Harbour Daily", "Home  News  Business  Sport  Contact", "",
      "Valley water to be cut ten hours a day", "", "By Kestrel Amos", "March 3, 2026 09:15", "" }
    local doc = run(page(h, dated("ORVANNE, March 3 (Kestrel) -- "), { "Harbour Daily © 2026." }))
    assert.are.same({ "Kestrel Amos" }, doc.authors)
    assert.are.equal("Kestrel", doc.outlet)
  end)

  it("gives the agency's full name only on evidence", function()
    local text = "By Tanjung Press\n-- TANJUNG PRESS\n"
    assert.are.equal("Tanjung Press", meta.agency_full("Tanjung", nil, { "Tanjung Press" }, text))
    assert.are.equal("Tanjung", meta.agency_full("Tanjung", nil, { "Tanjung Press" }, "By Tanjung Press\n"))
    assert.are.equal("Tanjung", meta.agency_full("Tanjung", nil, { "Tanjung Staff" }, "Tanjung Staff\nTanjung Staff\n"))
  end)
end)

describe("clean meta: outlets", function()
  it("reads a staff byline as no masthead, the page's first line as the outlet", function()
    local head = {
      "The Coral Ledger", "Home | World | Business | Sport | Opinion", "",
      "Valley water to be cut ten hours a day", "",
      "Staff Report", "Published: Tue 3 Mar 2026, 9:15 AM", "",
    }
    local doc = run(page(head, WATER, { "© 2026 Coral Ledger Publishing. All rights reserved." }))
    assert.are.equal("The Coral Ledger", doc.outlet)
    assert.are.same({}, doc.authors)
  end)

  it("keeps the page's spelling of a band written with digits and capitals", function()
    local head = {
      "BAYSIDE RADIO 104FM", "Listen Live  |  News  |  Sport  |  Shows  |  Contact", "",
      "Valley water to be cut ten hours a day", "",
      "By Idris Pellow · News Reporter", "Tue 3 Mar 2026 | 09:15", "",
    }
    local doc = run(page(head, WATER, { "Bayside Radio 104FM · Registered office: Quay Street, Bayside · Privacy" }))
    assert.are.equal("Bayside Radio 104FM", doc.outlet)
    assert.are.equal("Bayside Radio 104FM", meta.outlet_case("Bayside Radio 104fm", "x Bayside Radio 104FM x"))
  end)

  it("takes a call sign of a digit and capitals before its frequency and name", function()
    local head = {
      "3WVR 88.9 FM Westvale Valley Radio", "Listen Live", "Home  News  Programs  Presenters  Contact", "",
      "Valley water to be cut ten hours a day", "",
      "By Rhian Colley, Breakfast presenter", "Mon 2 Mar 2026, 7:40am AEDT", "",
    }
    local doc = run(page(head, WATER, { "3WVR is proudly supported by Westvale Hardware." }))
    assert.are.equal("3WVR", doc.outlet)
    assert.are.equal("3WVR", meta.call_sign("3WVR 88.9 FM Westvale Valley Radio"))
    assert.are.equal("KQRV", meta.call_sign("KQRV 88.3 FM | College Radio"))
    assert.is_nil(meta.call_sign("3 Ways To Save On Water"))
  end)

  it("joins a masthead the dump split over two lines when the page writes it twice", function()
    local head = {
      "   Skip to the main content", "",
      "   Glenmoor", "   National Park", "   Idaho", "",
      "     * Plan Your Visit", "     * Get Involved", "",
      "Trailhead road to close for bridge repairs", "",
      "   Release Date: March 3, 2026", "",
    }
    local ps = {
      "   GLENMOOR NATIONAL PARK, Idaho – Glenmoor National Park will close the trailhead road for six weeks from April 1 while crews replace the bridge over Alder Creek.",
      "   The road carries about 900 vehicles a day in summer, and the park said visitors should use the shuttle from the south entrance while the work goes on.",
      "   Crews will work on weekdays only, and the park will post updates on the road's status on its alerts page each Friday.",
    }
    local doc = run(page(head, ps, {}))
    assert.are.equal("Glenmoor National Park", doc.outlet)
  end)
end)

describe("clean meta: highlights marked with ASCII arrows", function()
  local function hl_page(items, heading)
    local head = {
      "ORVANNE COURIER", "Home | News | Business | Sport", "",
      "Valley water to be cut ten hours a day", "",
      "By Idony Farrant", "3 March 2026 09:15", "",
    }
    if heading then head[#head + 1] = heading end
    for _, l in ipairs(items) do head[#head + 1] = l end
    head[#head + 1] = ""
    return run(page(head, WATER, { "© 2026 Orvanne Courier" }))
  end

  it("drops a \"> \" marker of highlights under their heading", function()
    local doc = hl_page({ "> Nine hamlets lose water ten hours a day", "> Reservoirs below a tenth of capacity", "> Cuts reviewed every two weeks" }, "Key points")
    assert.are.same({ "Nine hamlets lose water ten hours a day", "Reservoirs below a tenth of capacity", "Cuts reviewed every two weeks" }, doc.highlights)
  end)

  it("reads lines marked \"-> \" one under another as highlights", function()
    local doc = hl_page({ "-> Nine hamlets lose water ten hours a day", "-> Reservoirs below a tenth of capacity", "-> Cuts reviewed every two weeks" })
    assert.are.same({ "Nine hamlets lose water ten hours a day", "Reservoirs below a tenth of capacity", "Cuts reviewed every two weeks" }, doc.highlights)
  end)

  it("tells an ASCII marker from other text", function()
    assert.are.equal(2, meta.ascii_marker("> Item"))
    assert.are.equal(3, meta.ascii_marker("-> Item"))
    assert.is_nil(meta.ascii_marker(">Item"))
    assert.is_nil(meta.ascii_marker("- Item"))
    assert.is_nil(meta.ascii_marker("Item > other"))
  end)
end)
