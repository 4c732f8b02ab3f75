-- WST read by the page's evidence: Western Australia's Western Standard Time (+08:00,
-- the default) or West Samoa Time (+13:00) on a page naming Samoa (blind set h119).
-- Every page below is invented.

local dates = require("docpipe.clean.dates").new("en")

describe("clean zones: WST", function()
  after_each(function() dates:page_zones("") end)

  it("reads WST as Samoa's on a page naming Samoa", function()
    dates:page_zones("Village news from Falealupo, Savai'i, Samoa\nThursday 20 February 2025 | 11:05 am WST")
    assert.are.equal("2025-02-20T11:05:00+13:00", (dates:parse("Thursday 20 February 2025 | 11:05 am WST")))
    dates:page_zones("Apia harbour notes\n20 Feb 2025 11:05 WST")
    assert.are.equal("2025-02-20T11:05:00+13:00", (dates:parse("20 Feb 2025 11:05 WST")))
  end)

  it("reads WST as Western Australia's on a page naming Perth, or with no evidence", function()
    dates:page_zones("Perth council notes\n20 Feb 2025 11:05 WST")
    assert.are.equal("2025-02-20T11:05:00+08:00", (dates:parse("20 Feb 2025 11:05 WST")))
    dates:page_zones("Harbour notes\n20 Feb 2025 11:05 WST")
    assert.are.equal("2025-02-20T11:05:00+08:00", (dates:parse("20 Feb 2025 11:05 WST")))
    -- (the evidence of both: the default reading)
    dates:page_zones("Flights from Perth to Apia, Samoa\n20 Feb 2025 11:05 WST")
    assert.are.equal("2025-02-20T11:05:00+08:00", (dates:parse("20 Feb 2025 11:05 WST")))
  end)
end)
