-- Specs of the clean stage's metadata kinds found on the first runs of blind sets h106
-- to h108: a contributor credit in the passive ("Reporting contributed by NAME in
-- PLACE."); a mixed-case place before a colon whose only evidence is the town's
-- airport or harbour named elsewhere on the page; a capitals dateline of a bilingual
-- town's two names ("BOZEN/BOLZANO --"). Fixture pages from the same sets hold the
-- outlets: a copyright holder closing on a publisher's word in another language
-- ("Medien GmbH": holiday_flats_cap), a capitals masthead as the page writes it in
-- mixed case ("The Bras d'Or Courier": cape_breton_cabot_trail), a capitals masthead
-- with no organisation's word under a cookie notice too long for its cue
-- (lemvig_harbour_bathing). Every page below is invented (fictional towns, people and
-- outlets).

local meta = require("docpipe.clean.meta").new("en")

describe("clean meta round 31: contributors", function()
  it("reads a contributor credit written in the passive", function()
    assert.are.same({ "Komala Rudani" }, meta.contributors("Reporting contributed by Komala Rudani in Tembesar."))
    assert.are.same({ "Ines Varga", "Tomasz Wick" },
      meta.contributors("Additional research was contributed by Ines Varga and Tomasz Wick."))
    -- (a sentence about a fund's donors is none)
    assert.is_nil(meta.contributors("Funding contributed by the regional council paid for the survey."))
  end)
end)

describe("clean meta round 31: datelines", function()
  local article = "Kestrelpur port reopens\n|\nTrawlers returned on Monday. Trials at the Kestrelpur airport ended."
  it("reads a mixed-case place before a colon when the page names the town's airport", function()
    local r = meta.dateline("Kestrelpur: Hundreds of trawlers were winched onto the slipways on Monday as the ban began.",
      "Trawlers returned on Monday.", article)
    assert.are.equal("Kestrelpur", r and r.place)
    assert.are.equal("Hundreds of trawlers were winched onto the slipways on Monday as the ban began.", r.rest)
  end)
  it("keeps a speaker's or a label's colon when the page gives no such evidence", function()
    assert.is_nil(meta.dateline("Kestrelpur: Hundreds of trawlers were winched onto the slipways on Monday as the ban began.",
      "Trawlers returned on Monday.", "Trawlers returned on Monday."))
  end)
end)

describe("clean meta round 31: a bilingual town's dateline", function()
  it("reads a capitals dateline of two names set apart by a slash", function()
    local r = meta.dateline("VELDEN/VELDENO -- The provincial government will close the two passes to private cars on four weekends next summer.")
    assert.are.equal("VELDEN/VELDENO", r and r.place)
    assert.are.equal("The provincial government will close the two passes to private cars on four weekends next summer.", r.rest)
  end)
end)
