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

  --- Mark the dialogue paragraphs of the body: each block of live that the stage took
  -- and that a run of dialogue holds gets b.dialogue = EN_DASH (the caller puts the
  -- dash back before its text). Only pages with a block bulleted by an en dash are
  -- read past one test per block.
  function D:mark(live)
    local taken = nil
    for i = 1, #live do
      local b = live[i]
      if b.bullet == EN_DASH and b.take then taken = true; break end
    end
    if not taken then return end
    -- the body's blocks in order (the ones the stage took)
    local body = {}
    for i = 1, #live do
      local b = live[i]
      if b.take then body[#body + 1] = b end
    end
    local k = 1
    while k <= #body do
      if body[k].bullet == EN_DASH then
        local j = k
        while j < #body and body[j + 1].bullet == EN_DASH do j = j + 1 end
        local above = body[k - 1]
        local ok = not (above and (above.bullet or byte(above.text, -1) == 58))
        local said = false
        for y = k, j do
          if not ok then break end
          if not sentence(body[y]) then ok = false
          elseif not said and attr(body[y].text) then said = true end
        end
        if ok and said then
          for y = k, j do body[y].dialogue = EN_DASH end
        end
        k = j + 1
      else
        k = k + 1
      end
    end
  end

  return D
end

return M
