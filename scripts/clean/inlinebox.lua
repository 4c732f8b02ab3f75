--- A teaser box set inside an article: a card linking another story between two of
-- the article's paragraphs.
--
-- Method: a page saved as text writes such a card as a run of short lines, opened by
-- a bare cue ("More", "Read more", "Related", "See also": a navigation, read-more or
-- related-box cue of up to four words), then a topic label and the other story's
-- headline, closed by that story's date stamp (a timestamp line, perhaps under a
-- label such as "This content was published on"). The stamp is a barrier to the
-- main-text window (evidence.score), so the card would cut the article in two and the
-- window keep only one half. A run of two to six short lines, no sentence or byline
-- among them, with a headline-shaped line, opened by such a cue and closed by a
-- timestamp, standing between two paragraphs (sentences of body length, good or
-- near-good), is a teaser card: its stamp is no barrier (b.teaser_stamp) and all its
-- lines go (b.inbox). A box may list up to four stories, each headline (a bullet
-- item or a headline-shaped line) closed by its own stamp: all its stamps are no
-- barrier. jusText's context rule (Pomikálek 2011) read across a box: text
-- on both sides makes the box an insert, not the article's header.
-- A topic's link box: a line "TOPIC More" (the box's heading and its "More" link run
-- together), then up to MAX_LINKS bullet or headline lines that are no sentences,
-- then "More in TOPIC" ("More from", "More on", "More about") with the same topic:
-- the heading and its closing link name one topic, so the lines between are its
-- links; all go (b.inbox).
-- A fact box's dated field ("Drawing: April 26, 2025") among three "Label: value" lines
-- or more in one group, over a paragraph, is the box's date: no barrier either
-- (b.teaser_stamp); docpipe.clean.factbox judges the box.
-- Units: indices into the list of live blocks (1-based); lengths in words.

local ev = require "docpipe.clean.evidence"

local M = {}

local MAX_CUE_WORDS = 4
local MAX_BOX = 6

local OPENERS = { navigation = true, readmore = true }
local MAX_LINKS = 10
local MAX_TOPIC_WORDS = 6
local find, lower, byte, sub = string.find, string.lower, string.byte, string.sub

local function paragraph(b)
  return b ~= nil and b.sentence and not b.cue and not b.label and not b.bullet
    and (b.class == "good" or b.class == "neargood")
end

-- a topic's link box opened at x ("TOPIC More" ... "More in TOPIC"): its last index
local function topic_box(live, x)
  local o = live[x]
  local topic = o.nw >= 2 and o.nw <= MAX_TOPIC_WORDS + 1 and not o.sentence and o.text:match("^(.-%S)%s+More$")
  if not topic then return nil end
  topic = lower(topic)
  for y = x + 1, math.min(#live, x + MAX_LINKS + 1) do
    local b = live[y]
    local via, t
    if b.class == "short" then via, t = b.text:match("^More (%l+) (.+)$") end
    if t then
      if (via == "in" or via == "from" or via == "on" or via == "about") and lower(t) == topic and y > x + 1 then return y end
      return nil
    end
    if b.keep or b.timestamp or b.byline or (b.sentence and not b.bullet) or not (b.bullet or ev.headline_shaped(b)) then
      return nil
    end
  end
  return nil
end

-- a "Label: value" line of a box ("Prize: $1.8 million", "Drawing: April 26, 2025"):
-- a capital, up to twelve letters, digits, apostrophes or spaces, a colon, white space
-- and more text
-- (the label's bytes as one run: the colon is none of them, so the run's first other
-- byte must be the colon; twelve optional items in a row, "[%w'’ ]?" each, are tried
-- in every combination when no colon follows)
local function field(b)
  if not (b ~= nil and b.class == "short" and not b.keep and not b.byline and not b.bullet) then return false end
  local t = b.text
  local _, colon = find(t, "^%u[%w'’ ]*:")
  return colon ~= nil and colon <= 14 and find(t, "^%s+%S", colon + 1) ~= nil
end

-- A fact box's dated field: a timestamp written as a field ("Drawing: April 26, 2025")
-- among three fields or more in one group (no blank line between them), with a
-- paragraph right under the run: the box's date, not another story's stamp, so no
-- barrier to the window (b.teaser_stamp); the box itself is docpipe.clean.factbox's.
local function fact_stamps(live)
  for x = 1, #live - 1 do
    local s = live[x]
    if s.timestamp and not s.teaser_stamp and field(s) then
      local a, z = x, x
      while field(live[a - 1]) and live[a - 1].group == s.group do a = a - 1 end
      while field(live[z + 1]) and live[z + 1].group == s.group do z = z + 1 end
      if z - a >= 2 and paragraph(live[z + 1]) then s.teaser_stamp = true end
    end
  end
end

-- a bullet item of three words or more written as a headline (a capital first, no
-- stop at its end): a linked story's title in a list
local function bullet_headline(b)
  local t = b.text
  return b.bullet ~= nil and not b.sentence and b.nw >= 3 and b.nw <= 30 and byte(t, -1) ~= 46
    and find(t, "^%u") ~= nil
end

-- A box of several stories ("Read also:", then "headline" and its "(date)" two or
-- three times): past the stamp at y, a further item is one or two short headline-shaped
-- lines, no sentence, closed by another stamp; the index of the last stamp, up to
-- MAX_ITEMS items.
local MAX_ITEMS = 4
local function more_items(live, y)
  for _ = 2, MAX_ITEMS do
    local h = live[y + 1]
    if not (h and h.class == "short" and not h.sentence and not h.keep and not h.timestamp and not h.byline
      and (ev.headline_shaped(h) or bullet_headline(h))) then return y end
    local z = y + 2
    local s = live[z]
    if s and s.class == "short" and not s.timestamp and not s.sentence and not s.keep then z = z + 1; s = live[z] end
    if not (s and s.timestamp and not s.byline and not s.keep) then return y end
    y = z
  end
  return y
end

-- A card on one line ("Read also: HEADLINE") whose date stamp, "(21 August 2024)", the
-- dumper wrapped to a line of its own in the same group: under a paragraph, over the
-- article's next paragraph (perhaps under a subhead of up to eight words, no sentence),
-- the stamp is the card's, no barrier (b.teaser_stamp); the card's lines go (b.inbox)
local function wrapped_card(live, x)
  local o, s = live[x], live[x + 1]
  if not (s and s.timestamp and s.group == o.group and s.nw <= 8 and not s.byline and not s.keep
    and o.nw <= 30 and not o.sentence and not o.keep and find(o.text, ":", 1, true) and paragraph(live[x - 1])) then return end
  local n = live[x + 2]
  if not (paragraph(n) or (n and n.class == "short" and not n.sentence and not n.cue and n.nw <= 8 and paragraph(live[x + 3]))) then return end
  o.inbox = true; s.inbox = true; s.teaser_stamp = true
end

--- Mark the teaser cards of live blocks (b.inbox on each line, b.teaser_stamp on the
-- closing timestamp) and topics' link boxes (b.inbox).
function M.mark(live)
  for x = 1, #live - 2 do
    local o = live[x]
    -- (a suffix test on the last bytes: an end-anchored pattern is tried at every position;
    -- a block closing on a stop, o.sentence, cannot close on "e" and costs no call)
    if o.class == "short" and not o.sentence and byte(o.text, -1) == 101 and sub(o.text, -5) == " More" then
      local z = topic_box(live, x)
      if z then for y = x, z do live[y].inbox = true end end
    end
  end
  for x = 2, #live - 2 do
    local o = live[x]
    if (OPENERS[o.cue] or o.ending) and o.nw <= MAX_CUE_WORDS and not o.sentence and not o.keep
      and paragraph(live[x - 1]) then
      local y, headline = x + 1, false
      while y <= #live and y - x < MAX_BOX do
        local b = live[y]
        if b.timestamp or b.byline or b.sentence or b.keep or b.class ~= "short" then break end
        headline = headline or ev.headline_shaped(b) or bullet_headline(b)
        y = y + 1
      end
      local s = live[y]
      if headline and s and s.timestamp and not s.byline and not s.keep then y = more_items(live, y) end
      s = live[y]
      if headline and s and s.timestamp and not s.byline and not s.keep and paragraph(live[y + 1]) then
        for z = x, y do live[z].inbox = true; if live[z].timestamp then live[z].teaser_stamp = true end end
      end
    elseif o.cue == "readmore" and live[x + 1].timestamp then wrapped_card(live, x)
    end
  end
  fact_stamps(live)
end

return M
