--- The body of a page: the main-text window and the blocks kept inside it.
--
-- Method: BTE's maximum-sum window (Finn et al. 2001) over the block scores of
-- docpipe.clean.evidence, then jusText-style smoothing with the neighbours (Pomikálek
-- 2011): the window neither starts nor ends on highlight bullets or blocks worth nothing;
-- a short opening sentence under the header or carrying a dateline starts the body; short
-- lines between the last paragraph and the end of the article (contributor line, end
-- marker, boilerplate) belong to the body when one of them is a sentence; inside the
-- window cue blocks, all-capitals labels and low-density non-sentences go, the short
-- headline-like lines under a "Related ..." heading go, and so does a run of short
-- headline-like lines (link_run in one blank-line group, or one more across groups)
-- unless a sentence ending in ':' introduces it as a list. Sets b.take (kept) or b.why
-- (the reason it went) on the blocks of the window.
-- Units: indices into the list of live blocks (1-based).

local ev = require "docpipe.clean.evidence"

local NEG = ev.NEG
local score, best_window = ev.score, ev.best_window
local is_linklike, introduces = ev.is_linklike, ev.introduces

local M = {}

--- Choose the body window of live blocks and mark what it keeps.
-- @return ws, we: first and last index of the window (we < ws when there is no body)
function M.select(live, st, o)
  local ws, we = best_window(live)
  if not ws then
    -- nothing scores above zero (a very short text): the sentences are the body
    for x, b in ipairs(live) do
      if b.sentence and not b.cue and not b.label and score(b) > NEG then
        ws = ws or x
        we = x
      end
    end
    if ws then
      for x = ws, we do
        local b = live[x]
        if b.sentence and not b.cue and not b.label and score(b) > NEG then b.take = true
        else b.why = "outside main text (" .. b.class .. ")" end
      end
      return ws, we
    end
  end
  ws, we = ws or 1, we or 0
  -- the window neither starts nor ends with a bullet list (highlights sit just above
  -- the body) or with a block that adds nothing
  while ws <= we and (live[ws].bullet or score(live[ws]) <= 0) and not live[ws].keep do ws = ws + 1 end
  while we >= ws and (live[we].bullet or score(live[we]) <= 0) and not live[we].keep do we = we - 1 end
  -- a short opening sentence ("BOSTON (Reuters) - It is over.") right under the header
  -- or carrying a dateline starts the body
  do
    local x = ws - 1
    while x >= 1 and ws - x <= 2 and live[x].class == "short" and live[x].sentence and score(live[x]) == 0
      and not live[x].cue and not live[x].label and not live[x].bullet do
      x = x - 1
    end
    local first = x + 1
    if first < ws then
      local above = live[x]
      if st.meta.dateline(live[first].text) or (above and (above.bullet or above.timestamp or above.byline)) then
        ws = first
      end
    end
  end

  -- short lines between the last paragraph and the end of the article (a contributor
  -- line, an end marker, boilerplate) belong to the body when one of them is a
  -- sentence: a closing one-line paragraph, perhaps under a last subhead
  do
    local c, sentence = we + 1, false
    while c <= #live and c - we <= 5 and score(live[c]) > NEG and live[c].class == "short"
      and not live[c].cue and not live[c].label and not live[c].bullet and not live[c].drop do
      if live[c].sentence then sentence = true end
      c = c + 1
    end
    local stop = live[c]
    if c - we <= 5 and ((stop and stop.contrib) or (sentence and (not stop or score(stop) <= NEG or stop.cue))) then
      we = c - 1
    end
  end

  -- keep decisions inside the window
  for i = ws, we do
    local b = live[i]
    if b.keep then b.take = true
    elseif b.drop then b.why = "drop pattern"
    elseif b.ending then b.why = "related box heading"
    elseif b.cue then b.why = "boilerplate: " .. b.cue
    elseif b.label then b.why = "label"
    elseif b.class == "bad" and not b.bullet and not (b.sentence and b.nw >= 8) then
      b.why = "low stopword density"
    else b.take = true end
  end
  -- the short headline-like lines under a "Related ..." heading are its links
  for x = ws, we do
    if live[x].ending and not live[x].take then
      local y = x + 1
      while y <= we and is_linklike(live[y]) and not live[y].keep do
        live[y].take = false
        live[y].why = "related links"
        y = y + 1
      end
    end
  end
  -- related-link runs inside the window
  local i = ws
  while i <= we do
    if live[i].take and is_linklike(live[i]) then
      local j = i
      while j + 1 <= we and is_linklike(live[j + 1]) do j = j + 1 end
      -- sub-runs within one group
      local k = i
      while k <= j do
        local g = live[k].group
        local m = k
        while m + 1 <= j and live[m + 1].group == g do m = m + 1 end
        local intro = introduces(live[k - 1]) or introduces(live[k])
        if (m - k + 1 >= o.link_run) and not intro then
          for x = k, m do if not live[x].keep then live[x].take = false; live[x].why = "related links" end end
        end
        k = m + 1
      end
      -- a longer run spread over blank-separated lines
      if j - i + 1 >= o.link_run + 1 then
        local intro = introduces(live[i - 1]) or introduces(live[i])
        if not intro then
          for x = i, j do if not live[x].keep then live[x].take = false; live[x].why = "related links" end end
        end
      end
      i = j + 1
    else
      i = i + 1
    end
  end

  return ws, we
end

return M
