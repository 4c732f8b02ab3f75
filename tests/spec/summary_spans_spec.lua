-- Specs of the summary stage reading the sentences stage's unread list through its spans
-- (docpipe.docvec's dv:sentences, src/lua_docvec.c): the same summary, spans and quote
-- marks as the stage's Lua loop over the built list ({text, start, end} tables), on texts
-- made to reach its edge cases: repeats up to case and white space (within a line and
-- over a line break), lines joined, CR LF, Unicode spaces, sentences without a word, many
-- sentences of one shape, white space trimmed by the stage only. The texts are invented.

local dp = require "docpipe"
local sentences = require "docpipe.stages.sentences"
local summary = require "docpipe.stages.summary"

local TEXTS = {
  "The ferry left at dawn. THE FERRY  LEFT AT DAWN. The ferry left at noon.\n\nThe ferry\nleft at dawn. Islanders cheered.",
  "Storms closed the pier on Monday.\r\nCrews worked\r\n  through the night.\r\n\r\nStorms  closed the\r\npier on Monday. It reopened on Friday.",
  "A vote is due.\u{00A0}The council met late. ... \u{2014} !\n\n\u{2003}The council met late.\u{2003} Nothing else changed.",
  "“We are ready,” the mayor said. “We are ready,” THE MAYOR said. He left \"at once and\n\nnever came back.",
  "Line 1 says something. Line 2 says something. Line 3 says something. LINE 1 SAYS SOMETHING. Line 4 says something. Line 2  says something.",
  "One.\n\nTwo words.\n\n \n\nThree short words.",
  -- white space that the splitter keeps at a sentence's end and dp.text.trim drops (the
  -- offsets are then the trimmed text's), joined or not
  "Boats left the harbor.\u{1680} Ships came\u{1680} in.\u{1680}\n\nNets dried\u{2028}on the quay.\u{2028}",
  "Residents of Port Evander said the water rose fast. “It came up in an hour,” one said. Officials said the bridge would stay shut. The bridge was built in 1962. Engineers will inspect it this week. Shops on Quay Street moved stock upstairs.",
}

local function new_ctx(stage, opts)
  local ctx = { opts = opts or {}, state = {}, stage = stage.name, warn = function() end }
  stage.init(ctx.opts, ctx)
  return ctx
end

-- The document after sentences (opts: the sentences stage's) and summary, with the list
-- left unread by summary (fast) or built before it (#doc.sentences).
local function run(text, sopts, opts, build, quotes)
  local doc = sentences.process({ id = "x", text = text, meta = {} }, new_ctx(sentences, sopts))
  if build then local _ = #doc.sentences end
  doc.quotes = quotes
  return summary.process(doc, new_ctx(summary, opts))
end

local function same_run(text, sopts, opts, quotes)
  local fast = run(text, sopts, opts, false, quotes)
  local slow = run(text, sopts, opts, true, quotes)
  assert.are.same(slow.summary, fast.summary)
  assert.are.same(slow.meta.summary, fast.meta.summary)
  assert.are.equal(0, rawlen(fast.sentences))   -- summary read the spans, not the tables
  assert.are.same(sentences.split(text, sopts), fast.sentences)
end

describe("summary over the sentences stage's spans", function()
  it("gives what the loop over the built list gives, for every method and quotes option", function()
    for _, text in ipairs(TEXTS) do
      for _, sopts in ipairs({ {}, { join_lines = false } }) do
        for _, method in ipairs({ "default", "lead", "textrank", "lexrank" }) do
          for _, q in ipairs({ "allow", "prefer", "avoid" }) do
            same_run(text, sopts, { method = method, quotes = q, sentences = 0, words = 1000 })
            same_run(text, sopts, { method = method, quotes = q, sentences = 2 })
          end
        end
      end
    end
  end)

  it("marks quotes from doc.quotes spans the same way", function()
    local text = TEXTS[7]
    local quotes = { { start = 53, ["end"] = 80, type = "direct" }, { start = 1, ["end"] = 5, type = "indirect" } }
    for _, q in ipairs({ "prefer", "avoid" }) do
      same_run(text, {}, { method = "lead", quotes = q, sentences = 3 }, quotes)
    end
  end)

  it("reads only an unread list over doc.text", function()
    local dv = dp.docvec.new(function(w) return w:lower() end)
    local det = dp.sbd.new({ abbreviations = {} })
    local text = "Boats left. Ships came."
    dv:reset()
    assert.is_nil(dv:sentences(det:split(text), text))        -- a built list
    assert.is_nil(dv:sentences(det:sentences(text), text .. " ")) -- another text
    assert.is_nil(dv:sentences(nil, text))
    local n, from, to, nw = dv:sentences(det:sentences(text), text)
    assert.are.same({ 2, { 1, 13 }, { 11, 23 }, { 2, 2 } }, { n, from, to, nw })
    assert.are.equal("Ships came.", dv:text(2))
    assert.has_error(function() dv:commit() end)
    dv:reset()
    assert.has_error(function() dv:text(1) end)
  end)
end)
