-- Specs of the quotes stage for a definite description of an organisation that repeats
-- the head noun of one described before ("The Kelvar valley water authority ... The
-- authority said"): the speaker is that description, not the organisation named
-- nearest before the cue. Every passage is invented (fictional people, places and
-- organisations). The runner is that of quotes_spec.lua.

local qrun = require "tests.quotes_run"
local run = qrun.run

-- the quote whose content is `text`
local function by_text(qs, text)
  for _, q in ipairs(qs) do
    if q.text == text then return q end
  end
  return nil
end

describe("quotes: 'the authority said' after 'The NAME harbour authority'", function()
  it("resolves to the description whose head it repeats, past a nearer organisation", function()
    local qs = run({
      "The Kelvar valley water authority on Monday approved a new reservoir.",
      "Critics, led by the Upper Kelvar Farmers' Guild, said they would go to court.",
      "The authority said work would start in the spring.",
    })
    local q = by_text(qs, "work would start in the spring")
    assert.is_not_nil(q)
    assert.are.equal("The Kelvar valley water authority", q.speaker)
    assert.are.equal("The authority", q.speaker_mention)
  end)
  it("passes over a bare repetition and a possessive on the way back", function()
    local qs = run({
      "A regional dockworkers' union in Salvano voted to strike.",
      "Talks with the union failed on Friday, said Edda Moravcik, the union's negotiator.",
      "The Salvano Shipping Federation called the strike illegal.",
      "The union said the strike would go ahead.",
    })
    local q = by_text(qs, "the strike would go ahead")
    assert.is_not_nil(q)
    assert.are.equal("A regional dockworkers' union", q.speaker)
  end)
  it("resolves a head the generic list does not hold ('the ministry')", function()
    local qs = run({
      "The Norvish fisheries ministry published new quotas on Tuesday.",
      "The Coastal Trawlers' Cooperative rejected them.",
      "The ministry said the quotas were final.",
    })
    local q = by_text(qs, "the quotas were final")
    assert.is_not_nil(q)
    assert.are.equal("The Norvish fisheries ministry", q.speaker)
  end)
  it("keeps an organisation named with that word first", function()
    local qs = run({
      "The Tarnwick Harbour Authority approved the plan.",
      "The Quayside Traders' Association objected.",
      "The authority said the plan was final.",
    })
    local q = by_text(qs, "the plan was final")
    assert.is_not_nil(q)
    assert.are.equal("Tarnwick Harbour Authority", q.speaker)
  end)
  it("does not read a head that modifies another noun as a mention", function()
    local qs = run({
      "Union leaders in Orvet met on Monday.",
      "The Orvet Port Company said talks had failed.",
      "The union said the strike would go ahead.",
    })
    local q = by_text(qs, "the strike would go ahead")
    assert.is_not_nil(q)
    assert.are_not.equal("Union leaders in Orvet", q.speaker)
  end)
  it("gives the name a description stands beside as an appositive", function()
    local qs = run({
      "Pugh worked for Kestrel Airways, a Delta-based charter airline, in May.",
      "The Tarnwick Pilots' Guild objected.",
      "The airline said he was qualified.",
    })
    local q = by_text(qs, "he was qualified")
    assert.is_not_nil(q)
    assert.are.equal("Kestrel Airways", q.speaker)
  end)
end)
