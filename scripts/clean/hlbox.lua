--- A highlights box set under the lead paragraph, inside the body window.
--
-- Method: a release or a news page may set its box of key points ("At a glance",
-- "Key facts:", en/clean_body_box_heads.txt) under the first paragraph instead of
-- above the text. Such a box is the heading of a highlights box (a line of up to six
-- words matching a box heading, no bullet) under one or two kept paragraphs, two bullet
-- items or more under it (each of two words or more, no cue), and the text resuming
-- under them with a kept sentence. The heading goes and the items become the page's
-- highlights (b.hl_item; docpipe.stages.clean reads them when no box stands above the
-- body). A list that a sentence of the text introduces ("The berth has three parts:")
-- has no box heading and stays; a box deeper in the text (under a third paragraph) is
-- left alone: a fact box of the story is not its summary.
-- Units: indices into the list of live blocks (1-based); lengths in words.

local M = {}

local MAX_HEAD_WORDS = 6  -- the longest box heading
local MAX_LEAD = 2        -- the most kept paragraphs above the box

--- Mark a highlights box under the lead paragraph in the window ws..we.
-- @param head the box heading matcher (docpipe.clean.body: box_head), may be nil
function M.mark(head, live, ws, we)
  if not head then return end
  local kept = 0
  for x = ws, we - 3 do
    local b = live[x]
    if kept >= 1 and not b.bullet and not b.keep and b.nw >= 1 and b.nw <= MAX_HEAD_WORDS and head:find(b.text) then
      local y = x + 1
      while y <= we and live[y].bullet and not live[y].keep and not live[y].cue and live[y].nw >= 2 do y = y + 1 end
      local n = live[y]
      if y - x - 1 >= 2 and y <= we and n.take and n.sentence and not n.bullet then
        b.take = false
        b.why = "highlights heading"
        for z = x + 1, y - 1 do
          local c = live[z]
          c.take = false
          c.why = "highlight"
          c.hl_item = true
        end
        return
      end
    end
    if b.take and not b.bullet then
      kept = kept + 1
      if kept > MAX_LEAD then return end
    end
  end
end

return M
