-- The rule the ad_verbs option's docs state (scripts/stages/clean.lua, the header of
-- en/clean_body_ad_verbs.txt): copy with no label opens with the verb capitalised and
-- then a word in lower case. These specs keep the docs true. Every page is invented.

local clean = require "docpipe.stages.clean"

local BODY = {
  "The Harlow Bay ferry will run an extra evening crossing from next month, the island council said on Monday, after a summer in which queues at the pier often stretched past the car park.",
  "Council member Ines Talbrook said the crossing would cost about 90,000 pounds a year and would be paid for by a small rise in the fare for visitors' cars.",
  "Residents who commute to the mainland have asked for a later boat for years, she said, and the operator has found a second crew to run it.",
  "The new timetable starts on the first Monday of next month and will be reviewed after the winter, the council said.",
}

-- the reason the block `ad` went for, set between the body's paragraphs, or nil
local function reason(ad, opts)
  local ctx = { opts = opts or {}, state = {}, stage = "clean", warn = function() end }
  clean.init(ctx.opts, ctx)
  local page = table.concat({ "Ferry adds evening crossing", "", BODY[1], "", BODY[2], "", ad, "",
    BODY[3], "", BODY[4] }, "\n") .. "\n"
  local doc = clean.process({ id = "t", text = page, meta = {}, errors = {} }, ctx)
  for _, r in ipairs(doc.meta.removed or {}) do
    if r.text == ad then return r.reason end
  end
  return nil
end

local TAIL = " on your home insurance with Harbour Mutual. Call 0800 555 0199 today."

describe("clean: ad_verbs as documented", function()
  it("takes copy that opens with the capitalised verb and a word in lower case", function()
    assert.are.equal("advertisement", reason("Save up to 20%" .. TAIL))
    assert.are.equal("advertisement", reason("SAVE up to 20%" .. TAIL))
  end)

  it("keeps a block whose word after the verb is no lower-case letter, or whose verb is not capitalised", function()
    assert.is_nil(reason("Save 20%" .. TAIL))
    assert.is_nil(reason("Save £20" .. TAIL))
    assert.is_nil(reason("save up to 20%" .. TAIL))
  end)

  it("reads an option's verb by the same rule, in any case in the list", function()
    assert.are.equal("advertisement", reason("Snag up to 20% off" .. TAIL, { ad_verbs = { "SNAG" } }))
    assert.is_nil(reason("Snag 20% off" .. TAIL, { ad_verbs = { "snag" } }))
  end)

  it("asks no such word of copy whose line opens with its label", function()
    assert.are.equal("advertisement", reason("ADVERTISEMENT: Save 20%" .. TAIL))
  end)
end)
