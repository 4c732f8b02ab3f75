--- The article's own start under its header, when the main-text window went elsewhere.
--
-- Method: a portal's page saved as text may carry teaser cards whose blurbs outweigh
-- the article in BTE's maximum-sum window (Finn et al. 2001), while the article itself
-- stands lower under its header. The header is the strongest evidence of an article:
-- a timestamp line, with a byline or a name line (a label, a byline) on one of the two
-- lines above it, then no more than MAX_GAP blocks of a picture's debris (markup,
-- media, caption cues, bullet captions: nothing scoring above zero, no barrier), then
-- a lead paragraph carrying a dateline ("MOSCOW (AP) — ...", a sentence of MIN_LEAD
-- words or more). When the chosen window has no header right above it (no timestamp
-- or byline within MAX_GAP blocks, over non-text only) and such an anchored lead
-- stands outside it, the window becomes the best run from that lead (its maximum
-- prefix sum up to the next barrier), if that run is worth at least MIN_SHARE of the
-- chosen window's sum.
-- Units: indices into the list of live blocks (1-based); sums in window score units.

local ev = require "docpipe.clean.evidence"

local M = {}

local NEG = ev.NEG
local score = ev.score
local MAX_GAP = 6
local MIN_LEAD = 10
local MIN_SHARE = 0.5

-- a header line: a byline or a name line / a label over the timestamp
local function named(b)
  return b ~= nil and (b.byline or b.name_line or (b.label and b.class == "short" and b.nw >= 2 and b.nw <= 4)) and true or false
end

-- the index of the header's timestamp above x over non-text only, or nil
local function header_above(live, x)
  local y = x - 1
  while y >= 1 and x - y <= MAX_GAP + 1 do
    local b = live[y]
    if score(b) <= NEG then
      if b.timestamp and (named(live[y - 1]) or named(live[y - 2]) or b.byline) then return y end
      return nil
    end
    if score(b) > 0 or (b.sentence and not b.cue and not b.bullet) then return nil end
    y = y - 1
  end
  return nil
end

-- any header line (a timestamp or a byline) right above x, over non-text only
local function has_header(live, x)
  local y = x - 1
  while y >= 1 and x - y <= MAX_GAP + 1 do
    local b = live[y]
    if b.timestamp or b.byline then return true end
    if score(b) <= NEG or score(b) > 0 then return false end
    y = y - 1
  end
  return false
end

--- The window moved to an anchored lead, or ws, we unchanged.
-- @param dateline the stage's dateline finder (text -> truthy)
function M.window(live, ws, we, dateline)
  if not ws or has_header(live, ws) then return ws, we end
  local best = 0
  for x = ws, we do best = best + score(live[x]) end
  for x = 1, #live do
    local b = live[x]
    if (x < ws or x > we) and b.sentence and b.nw >= MIN_LEAD and not b.cue and not b.bullet and score(b) > 0
      and header_above(live, x) and dateline(b.text) then
      local sum, top, z = 0, 0, x
      for y = x, #live do
        local s = score(live[y])
        if s <= NEG then break end
        sum = sum + s
        if sum > top then top, z = sum, y end
      end
      if top >= MIN_SHARE * best then return x, z end
    end
  end
  return ws, we
end

return M
