--- Helpers of the quotes specs: a tiny sentence splitter and a runner of the stage.
-- `split(text)` -> list of {text, start, end} (1-based byte offsets, inclusive), cut
-- as the sentences stage would on the specs' plain passages; `run(paragraphs, opts)`
-- -> the stage's quotes and the text (paragraphs joined by a blank line; options at
-- their declared defaults unless given).
local quotes = require "docpipe.stages.quotes"

local M = {}

-- tiny splitter: a sentence ends at . ? ! (and a closing quote mark after it) before
-- white space and an upper-case letter or an opening quote mark, or at a paragraph end
function M.split(text)
  local out, start, i, n = {}, 1, 1, #text
  local function push(e)
    local s = start
    while s <= e and text:sub(s, s):find("%s") do s = s + 1 end
    local x = e
    while x >= s and text:sub(x, x):find("%s") do x = x - 1 end
    if x >= s then out[#out + 1] = { text = text:sub(s, x), start = s, ["end"] = x } end
  end
  while i <= n do
    local c = text:sub(i, i)
    if c == "\n" and text:sub(i + 1, i + 1) == "\n" then
      push(i - 1); start = i + 2; i = i + 2
    elseif c == "." or c == "?" or c == "!" then
      local j = i + 1
      while true do
        local q3 = text:sub(j, j + 2)
        if q3 == "\u{201D}" or q3 == "\u{2019}" or q3 == "\u{00BB}" then j = j + 3
        elseif text:sub(j, j) == '"' then j = j + 1
        else break end
      end
      local k = j
      while text:sub(k, k) == " " do k = k + 1 end
      local nx = text:sub(k, k + 2)
      if k > j and (nx:find("^%u") or nx:find("^\u{201C}") or nx:find('^"') or nx:find("^\u{00AB}")) then
        push(j - 1); start = k; i = k
      else
        i = i + 1
      end
    else
      i = i + 1
    end
  end
  push(n)
  return out
end

function M.run(paragraphs, opts)
  local text = type(paragraphs) == "table" and table.concat(paragraphs, "\n\n") or paragraphs
  local doc = { id = "t", text = text, sentences = M.split(text), meta = {}, errors = {} }
  local o = {}
  for k, spec in pairs(quotes.options) do o[k] = spec.default end
  for k, v in pairs(opts or {}) do o[k] = v end
  local ctx = { opts = o, state = {}, stage = "quotes", warn = function() end }
  quotes.init(o, ctx)
  return quotes.process(doc, ctx).quotes, text
end

return M
