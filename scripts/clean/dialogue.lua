--- Dialogue dashes: a paragraph of reported speech opened by an en dash, as Finnish,
-- Swedish, Portuguese and other news styles quote ("– The yard has not been this full
-- since October. ..., Pulkkinen said."), keeps its dash.
--
-- docpipe.clean.blocks reads a line opening with "– " as a list item and takes the
-- symbol off (a list's bullet is no text). A dialogue dash is text: the gold keeps it.
-- Method: a run of blocks in a row of the body (the blocks the stage took), each opened
-- by an en dash, is speech, not a list, when
--   * the block over the run introduces nothing (it does not end in ':'), and is no
--     item itself (a list's items sit together under their introducing sentence);
--   * every block of the run is a full sentence (closed by . ! ? or a closing quote) of
--     DIALOGUE_MIN_WORDS words or more (a list's items are short or no sentences);
--   * one block of the run closes with an attribution of speech: a comma, a name of
--     capitalised words or a pronoun and a verb of speech (en/clean_dialogue_verbs.txt)
--     closing its last sentence ("..., Kyllönen said.", "..., he added."), or the verb
--     before the name ("..., said Pulkkinen.").
-- The language of the page plays no part: the shape of the paragraphs and their place
-- among ordinary paragraphs decide.
-- Units: none.

local dp = require "docpipe"
local lists = require "docpipe.clean.lists"

local re = dp.re
local byte, find = string.byte, string.find

local M = {}

-- the words a dialogue paragraph has at least (a list item is most often shorter)
local DIALOGUE_MIN_WORDS = 6
-- the dash that opens speech: en dash (U+2013; an em dash is no bullet, so it stays)
local EN_DASH = "–"

--- A reader for the language lang (the verbs of en/clean_dialogue_verbs.txt, with more,
-- a list, after them).
function M.new(lang, more)
  local verbs = {}
  for _, w in ipairs(lists.entries(lang or "en", "clean_dialogue_verbs.txt", more)) do verbs[#verbs + 1] = lists.literal(w:lower()) end
  local alt = table.concat(verbs, "|")
  local name = "\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:\\s+(?:(?:de|da|dos|van|von|af|al)\\s+)?\\p{Lu}[\\p{L}\\p{M}'’.-]*){0,3}"
  local pronoun = "(?i:he|she|they|we|it|I)"
  -- (the attribution closes the paragraph: a few words may follow the verb, "he said
  -- on Monday", "she told reporters")
  local rx_attr = nil
  local function attr(t)
    rx_attr = rx_attr or re.compile(",\\s+(?:(?:" .. name .. "|" .. pronoun .. ")\\s+(?:" .. alt .. ")|(?:" .. alt .. ")\\s+" .. name
      .. ")(?:\\s+[^,.!?]{1,40})?[.!?][\"'”’»]?$")
    return rx_attr:find(t) ~= nil
  end

  local D = {}

  -- a full sentence: closed by . ! ? or a closing quote after one
  local function sentence(b)
    local z = byte(b.text, -1)
    return b.nw >= DIALOGUE_MIN_WORDS and (z == 46 or z == 33 or z == 63
      or find(b.text, "[.!?][\"'\226\194][\128-\191]*[\128-\191]*$") ~= nil)
  end

  --- The dash to put back before the text of block i of live (a block the stage took,
  -- opened by a bullet), or nil: EN_DASH when a run of dialogue holds the block. The
  -- run is read once, from its first block the caller asks about; each of its blocks
  -- keeps the answer (b.dialogue: the dash, or false).
  function D:dash(live, i)
    local b = live[i]
    if b.dialogue ~= nil then return b.dialogue or nil end
    if b.bullet ~= EN_DASH then return nil end
    -- the run: the taken blocks in a row opened by an en dash (blocks the stage left
    -- out between them, a caption, are passed over), and the taken block over it
    local run, above = { b }, nil
    for y = i - 1, 1, -1 do
      local c = live[y]
      if c.take then
        if c.bullet ~= EN_DASH then above = c; break end
        table.insert(run, 1, c)
      end
    end
    for y = i + 1, #live do
      local c = live[y]
      if c.take then
        if c.bullet ~= EN_DASH then break end
        run[#run + 1] = c
      end
    end
    local ok = not (above and (above.bullet or byte(above.text, -1) == 58))
    local said = false
    for k = 1, #run do
      if not ok then break end
      local c = run[k]
      if not sentence(c) then ok = false
      elseif not said and attr(c.text) then said = true end
    end
    local mark = ok and said and EN_DASH or false
    for k = 1, #run do run[k].dialogue = mark end
    return mark or nil
  end

  return D
end

return M
