-- The markdown and text writers.
local md = require "docpipe.writers.markdown"
local text = require "docpipe.writers.text"
local dp = require "docpipe"

local doc = {
  id = "d1", source = "d1.txt", title = "Bridge vote passes", authors = { "Ada Moreau" },
  outlet = "Valley Gazette", date = "2024-06-03T21:05:00-04:00", dateline = "PORT ELLIS",
  summary = { "The council voted 5-2.", "“We won,” she said." },
  highlights = { "Council approves bridge" },
  quotes = {
    { type = "direct", text = "We will not stop,", speaker = "Ada Moreau", cue = "said", group = 1 },
    { type = "direct", text = "until it is done.", speaker = "Ada Moreau", cue = "said", group = 1 },
    { type = "indirect", text = "the cost would rise", speaker = "Tom Reyes", cue = "warned" },
    { type = "direct", text = "No comment.", speaker = dp.null, cue = dp.null },
  },
  text = "# Not a heading. <b>bold</b>\n\nSecond paragraph.",
  keywords = { "bridge", "vote" },
}

describe("the markdown writer", function()
  local out = md.write(doc)

  it("starts with the title as a heading", function()
    assert.are.equal("# Bridge vote passes", out:match("^[^\n]+"))
  end)

  it("writes the byline with a readable date", function()
    assert.truthy(out:find("*By Ada Moreau · Valley Gazette · 3 June 2024, 21:05 (UTC-04:00) · PORT ELLIS*", 1, true))
  end)

  it("writes the summary as bullets", function()
    assert.truthy(out:find("## Summary\n\n- The council voted 5-2.\n", 1, true))
  end)

  it("joins the parts of one utterance and ends it as said", function()
    assert.truthy(out:find("- “We will not stop, … until it is done.”", 1, true))
  end)

  it("groups quotes by speaker and marks reported speech with its cue", function()
    assert.truthy(out:find("**Tom Reyes**\n\n- *warned:* the cost would rise", 1, true))
    assert.truthy(out:find("**Unattributed**", 1, true))
  end)

  it("puts highlights before quotes", function()
    assert.is_true(out:find("## Highlights", 1, true) < out:find("## Quotes", 1, true))
  end)

  it("escapes Markdown and HTML in document text", function()
    local body = md.write({ id = "x", text = "# Not a heading. <b>bold</b> *stars*" })
    assert.truthy(body:find("\\# Not a heading. \\<b\\>bold\\</b\\> \\*stars\\*", 1, true))
  end)

  it("writes only the fields the pipeline names, and the extra ones it names", function()
    local only = md.write(doc, { "id", "title", "summary", "keywords" })
    assert.is_nil(only:find("## Quotes", 1, true))
    assert.is_nil(only:find("## Highlights", 1, true))
    assert.truthy(only:find("**keywords**: bridge, vote", 1, true))
  end)

  it("balances a quote mark cut by a sentence boundary", function()
    assert.are.equal("“Nobody is against it.”", md.balanced("“Nobody is against it."))
    assert.are.equal("“It ends here,” he said.", md.balanced("It ends here,” he said."))
  end)

  it("formats dates with and without a time", function()
    assert.are.equal("10 January 2012", md.human_date("2012-01-10"))
    assert.are.equal("10 January 2012, 09:45 (UTC)", md.human_date("2012-01-10T09:45:00Z"))
  end)
end)

describe("the text writer", function()
  it("writes the title, a blank line and the text", function()
    assert.are.equal("T\n\nBody.", text.write({ title = "T", text = "Body." }))
  end)

  it("leaves out the title when the fields do not name it", function()
    assert.are.equal("Body.", text.write({ title = "T", text = "Body." }, { "text" }))
  end)
end)
