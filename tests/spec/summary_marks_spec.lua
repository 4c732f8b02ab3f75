-- Specs of the summary stage's quotation mark heuristic (has_quote_marks in
-- scripts/stages/summary.lua, used when a document has no doc.quotes): the marks are found
-- by plain finds of their first bytes, and it must flag the same sentences as the version
-- that walked them with gmatch, kept here as the reference. The sentences are invented.

local dp = require "docpipe"
local summary = require "docpipe.stages.summary"
local make_doc = require("tests.summary_docs").make_doc

-- the reference: the marks listed by gmatch, then read in order
local OPEN = { ["“"] = true, ["„"] = true, ["«"] = true }
local CLOSE = { ["”"] = true, ["»"] = true }

local function stop_set()
  local set = {}
  for _, word in ipairs(dp.data.list("en/stopwords.txt")) do set[word:lower()] = true end
  return set
end

local function speechlike(inner, min_words, stop)
  local ws = dp.text.words(inner)
  if #ws < min_words then return false end
  for _, w in ipairs(ws) do
    if not w:find("^[%u%d]") and not stop[w:lower()] then return true end
  end
  return false
end

local function reference(text, min_words, stop)
  if not (text:find('"', 1, true) or text:find("\226", 1, true) or text:find("\194", 1, true)) then
    return false
  end
  local marks = {}
  for p, ch in text:gmatch("()([\"\226\194][\128-\191]*)") do
    if ch == '"' then marks[#marks + 1] = { p, '"' }
    elseif OPEN[ch] then marks[#marks + 1] = { p, "open" }
    elseif CLOSE[ch] then marks[#marks + 1] = { p, "close" } end
  end
  local open_at = nil
  for _, m in ipairs(marks) do
    local p, kind = m[1], m[2]
    if open_at == nil then
      if kind == "close" then return true end
      open_at = p
    else
      if kind == "open" then return true end
      if speechlike(text:sub(open_at, p), min_words, stop) then return true end
      open_at = nil
    end
  end
  return open_at ~= nil
end

-- Whether the stage takes `s` as holding a quote: with quotes = "prefer" and one sentence
-- wanted, it picks s over a plain first sentence only then.
local PLAIN = "Plain opening line without marks."
local function stage_says(s, min_words)
  local opts = { quotes = "prefer", method = "lead", sentences = 1 }
  if min_words then opts.weights = { quote_min_words = min_words } end
  local ctx = { opts = opts, state = {}, stage = "summary", warn = function() end }
  summary.init(ctx.opts, ctx)
  local doc = summary.process(make_doc({ PLAIN, s }), ctx)
  return doc.summary[1] == s
end

local CASES = {
  'He said "we will go home now" on the pier.',
  'The "Day of the Sun" festival opened.',
  'The "Day Of THE Sun" festival opened.',           -- a stopword in capitals
  'The "Day of tHe Sun" festival opened.',           -- and in mixed case
  'Tickets for "12 Angry Men" sold out.',
  'Only "two words" were said.',
  'An unpaired " mark stays open.',
  '“Curly quotes open and close” here.',
  '„Low open“ then more words.',
  '«Guillemets hold these words» he said.',
  'It ends with a close” mark.',
  'It’s an apostrophe — and a dash – too.',
  'A mark "\128with a stray byte" after it.',
  'Bytes \226\128\156\128 of a longer character.',
  'A lone lead byte at the end \226',
  'A lone lead byte at the end \194',
  'A guillemet at the very end \194\171',
  'A close at the very end \194\187',
  'A no-break\194\160space only.',
  'Words "quoted «mixed» marks" end here.',
  'Title "In The Name Of" and "then they went away" too.',
  'Title "In The Name Of" and "Then They Went Away" too.',
  'A curly close right after "\226\128\157 one.',
  'Four bytes \226\128\156\128\128 of nothing.',
  'An emoji 😀 and "a quote in it" too.',
  '"Starts with a quote and never closes it.',
  'Two "open "marks" in "a row" here.',
  '"" empty quotes and "" again.',
  '„nested “inner” outer“ marks.',
}

describe("summary quotation marks without doc.quotes", function()
  local stop = stop_set()
  for _, min_words in ipairs({ 3, 1, 5 }) do
    it("flags the sentences the gmatch reference flags, quote_min_words " .. min_words, function()
      local flagged = 0
      for _, s in ipairs(CASES) do
        local want = reference(s, min_words, stop)
        if want then flagged = flagged + 1 end
        assert.are.equal(want, stage_says(s, min_words ~= 3 and min_words or nil), s)
      end
      assert.is_true(flagged > 5 and flagged < #CASES)   -- both answers are exercised
    end)
  end
end)
