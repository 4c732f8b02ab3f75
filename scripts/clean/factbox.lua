--- Info boxes set inside an article: a review's or a listing's box of facts.
--
-- Method: a film, book, concert or restaurant review often closes (or opens) with a box
-- of short fact lines: the title in capitals, then "Rated R for language. 142 minutes.
-- Opens Friday at ...", or "Hours: ...", "Price: ...", "Bookings: ..." (the fact cues
-- of en/clean_body_fact_cues.txt, PCRE2 patterns; the stage option fact_cues adds
-- more). Such a box reads as short prose to the window but is the page's data. A run
-- of two blocks or more in one group (no blank line between them), each a fact line (a
-- short block with a cue) or a short line that is no sentence (the title, an address),
-- goes when it holds three cues or more, from two fact lines or from one under a
-- heading line, and the window keeps two paragraphs of prose besides it. The box
-- features of Boilerpipe (Kohlschütter et al. 2010: short blocks, set apart) with
-- listed cues as evidence of the box's kind. The box run into one closing line (three
-- short sentences or more, each with a cue) goes too (M.drop_line).
-- Units: indices into the list of live blocks (1-based); lengths in words.

local dp = require "docpipe"
local re = dp.re

local M = {}

local MAX_FACT_WORDS = 30 -- a fact line is short
local MAX_HEAD_WORDS = 8  -- a heading or an address line in the box
local MAX_BOX_HEAD = 4    -- the box's heading above it, across a blank line
local MIN_CUES = 3
local MIN_PROSE_WORDS = 15 -- a paragraph of prose kept besides the box

-- what every listed cue but the label line's holds: a digit, a star or a half, or one
-- of these words (one search for it and the label pattern is cheaper than all the
-- patterns; a user's extra cues are always tried)
local GATE = "\\d|press|books|publish|editions|records|[★☆✩½]|rated|directed|starring|voices|isbn|out of|open|playing|showing|screen|referee|umpire|attendance|crowd|scorer|tries|cons:|pens?:|goals?:|booked|sent off|subs|replacements|man of the match|player of the match"

--- A matcher of fact lines for a language, with extra patterns (a list). The first
-- pattern of the data file is the label line's.
function M.new(lang, extra)
  local src = dp.data.list(lang .. "/clean_body_fact_cues.txt")
  local pats = {}
  for _, p in ipairs(src) do pats[#pats + 1] = re.compile(p, "i") end
  for _, p in ipairs(extra or {}) do pats[#pats + 1] = re.compile(p, "i") end
  local gate = nil
  if not (extra and #extra > 0) and #src > 0 then gate = re.compile(GATE, "i") end
  return { pats = pats, gate = gate }
end

-- the number of cues a block holds
local function cues(m, b)
  local t = b.text
  -- (the label pattern is anchored: searched alone, it fails at once)
  if m.gate and not m.gate:find(t) and not m.pats[1]:find(t) then return 0 end
  local n = 0
  for i = 1, #m.pats do if m.pats[i]:find(t) then n = n + 1 end end
  return n
end

-- a short line that is no sentence: the box's title or an address
local function head(b)
  return not b.sentence and b.nw >= 1 and b.nw <= MAX_HEAD_WORDS
end

-- a block that may sit in a box: short, no bullet, not kept by the user
local function boxable(b)
  return not b.keep and not b.bullet and b.nw <= MAX_FACT_WORDS
end

-- the box's heading across a blank line above the box at x ("Match facts", "The
-- details"): a short line that is no sentence, with no other text to head
local function drop_heading(live, ws, x)
  local h = live[x - 1]
  if x - 1 >= ws and h.take and not h.keep and not h.bullet and h.group ~= live[x].group
    and not h.sentence and h.nw >= 1 and h.nw <= MAX_BOX_HEAD and not h.text:find("[:?]$") then
    h.take = false; h.why = "info box (its heading)"
  end
end

--- Drop the info boxes inside the window [ws, we] (b.take / b.why).
function M.drop(m, live, ws, we)
  if #m.pats == 0 then return end
  local x = ws
  while x < we do
    -- a run of two short blocks or more in one group, one of them a heading or an
    -- address line (no sentence); the cues are counted in such runs only
    local z, heads = x, head(live[x]) and 1 or 0
    if boxable(live[x]) then
      while z < we and live[z + 1].group == live[x].group and boxable(live[z + 1]) do
        z = z + 1
        if head(live[z]) then heads = heads + 1 end
      end
    end
    if z > x and heads > 0 then
      M.drop_run(m, live, ws, we, x, z)
    end
    x = z + 1
  end
end

-- the boxes inside the run [a, z] of short blocks: a stretch of fact lines and
-- headings with three cues or more, from two fact lines or from one and a heading
function M.drop_run(m, live, ws, we, a, z)
  local n = {}
  for i = a, z do n[i] = cues(m, live[i]) end
  local x = a
  while x < z do
    local y, total, facts, heads = x, 0, 0, 0
    while y <= z do
      if n[y] > 0 then facts = facts + 1; total = total + n[y]
      elseif head(live[y]) then heads = heads + 1
      else break end
      y = y + 1
    end
    local e = y - 1
    if e > x and total >= MIN_CUES and (facts >= 2 or (facts >= 1 and heads >= 1)) then
      -- prose kept besides the box
      local prose = 0
      for i = ws, we do
        local b = live[i]
        if (i < x or i > e) and b.take and b.sentence and b.nw >= MIN_PROSE_WORDS then prose = prose + 1 end
      end
      if prose >= 2 then
        for i = x, e do
          if live[i].take then live[i].take = false; live[i].why = "info box" end
        end
        if x == a then drop_heading(live, ws, x) end
      end
    end
    x = math.max(e, x) + 1
  end
end

local rx_sentence_gap = re.compile("(?<=[a-z0-9)][.!?])\\s+(?=\\p{Lu})")
-- a sentence that is a name only, of up to six words each capitalised or a short
-- function word ("The Last Voyage.", "Northbay State Opera.")
local NAME_WORD = "(?:\\p{Lu}[\\p{L}\\p{M}'’&-]*|of|the|and|a|an|in|on|at|for|de|la|le|del|von|van)"
local rx_name_part = re.compile("^" .. NAME_WORD .. "(?:\\s+" .. NAME_WORD .. "){0,5}[.!?]?$")

-- a match's score line ("Cwm Aled 27 Pont Isaf 24 (HT 12-10)", "NAME 2-1 NAME"): two
-- names each with its score, or two names about one score, a half-time score in
-- brackets after them perhaps
local rx_score_line = re.compile("^\\p{Lu}[^\\d.!?]{0,40}?\\s\\d{1,3}(?:\\s*[-–]\\s*\\d{1,3})?,?\\s+\\p{Lu}[^\\d.!?]{0,40}?(?:\\s\\d{1,3})?(?:\\s*\\([^()]{1,20}\\))?$")
-- the box's score line across a blank line above the box's first line at y (over the
-- scorers, under the heading "Match facts"): a short line that is no sentence; it goes
-- as the box's, and the line above it may be the heading. @return the box's first line
local function score_title(live, ws, y)
  local h = live[y - 1]
  if y - 1 > ws and h.take and not h.keep and not h.bullet and h.group ~= live[y].group and not h.sentence
    and h.nw >= 3 and h.nw <= MAX_HEAD_WORDS and h.text:find("%d") and rx_score_line:find(h.text) then
    h.take = false; h.why = "info box"
    return y - 1
  end
  return y
end

--- Drop the practical line that closes a review (the box run into one paragraph:
-- "NAME is at the X Theatre until DATE. Tickets from €18. Running time: 2 hours
-- 40 minutes."): the last kept block of the window, short (MAX_FACT_WORDS), of three
-- sentences or more each holding a fact cue (each sentence tried on its own, so a
-- label cue opens it) or being a name only (the work, its company: "The Last Voyage.
-- Northbay State Opera. Conductor: NAME. Further performances until 9 May."; two cued
-- sentences at least), with two paragraphs of prose kept above.
function M.drop_line(m, live, ws, we)
  if #m.pats == 0 then return end
  local x = we
  while x >= ws and not live[x].take do x = x - 1 end
  if x < ws then return end
  local b = live[x]
  if b.keep or b.bullet or b.nw > MAX_FACT_WORDS or b.nw < 6 or not b.sentence then return end
  local t = b.text
  -- (three sentences: two gaps "x. X" at least, counted cheaply first)
  local _, gaps = t:gsub("[%l%d)][.!?] %u", "")
  if gaps < 2 or (m.gate and not m.gate:find(t)) then return end
  local parts = rx_sentence_gap:split(t)
  if #parts < 3 then return end
  -- (a part without a cue may be a name: the work's title or its company, "The Last
  -- Voyage.", "Northbay State Opera.", when two parts have cues)
  local cued = 0
  for i = 1, #parts do
    if cues(m, { text = parts[i] }) > 0 then cued = cued + 1
    elseif not rx_name_part:find(parts[i]) then return end
  end
  if cued < 2 then return end
  local prose = 0
  for i = ws, x - 1 do
    local c = live[i]
    if c.take and c.sentence and c.nw >= MIN_PROSE_WORDS then prose = prose + 1 end
  end
  if prose >= 2 then
    b.take = false; b.why = "info box"
    -- the box's title lines right above it in its group ("Cwm Aled 27 Pont Isaf 24"
    -- over the scorers), then its heading across a blank line
    local y = x
    while y - 1 > ws and y - 1 >= x - 2 and live[y - 1].group == b.group and live[y - 1].take
      and boxable(live[y - 1]) and head(live[y - 1]) do
      y = y - 1
      live[y].take = false; live[y].why = "info box"
    end
    drop_heading(live, ws, score_title(live, ws, y))
  end
end

return M
