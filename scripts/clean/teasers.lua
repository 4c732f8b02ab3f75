--- Teaser cards and captions set inside the body window of a page saved as text.
--
-- Method: a card that links to another story leaves its headline twice in a text dump
-- (a browser writes the link's text and then the alt text of the card's picture, or the
-- headline of the picture's link and of the title's link), on one line ("Lost ferry
-- found Lost ferry found", "Welcome to Welcome to ...") or on two lines a few lines
-- apart with labels between them ("Column:", a section, the picture's slug); a
-- one-block blurb under the second copy, closing its blank-line group, is the card's.
-- The repetition is the evidence: an article does not write a line twice in a row.
-- Only lines that are no sentence are read as headlines.
-- A bare "Caption" label over a block makes it a caption, and a player's countdown
-- ("Wait 1 second to continue.", en/clean_boilerplate.txt) goes as media. jusText's
-- context rule (Pomikálek 2011), read from the card's side.
-- Units: indices into the list of live blocks (1-based); lengths in words.

local dp = require "docpipe"
local re = dp.re
local ev = require "docpipe.clean.evidence"

local M = {}

local MAX_LINE_WORDS = 40    -- the longest line read as a doubled headline
local MAX_GAP = 4            -- the farthest apart (in blocks) two copies of a card's headline
local MAX_BLURB_WORDS = 60   -- the longest blurb under a card
local MAX_CAPTION_WORDS = 40

local rx_caption_label = re.compile("^(?:image |photo |picture |video )?caption\\s*:?$", "i")

-- the opening k >= 2 words (strings or word ids) written twice in a row: k, or nil
local function doubled_run(w)
  for k = 2, #w // 2 do
    if w[k + 1] == w[1] then
      local same = true
      for i = 2, k do
        if w[i] ~= w[k + i] then same = false; break end
      end
      if same then return k end
    end
  end
  return nil
end

-- a line whose opening words are written twice in a row (k >= 2 words): "A B A B ...";
-- k and the line's number of words, or nil
local function doubled(text)
  -- (cheap test first: the first word stands again further on)
  local first = text:match("^%S+")
  if not first or not text:find(" " .. first .. " ", #first + 1, true) then return nil end
  local w = {}
  for t in text:gmatch("%S+") do w[#w + 1] = t end
  local k = doubled_run(w)
  if k then return k, #w end
  return nil
end
M.doubled = doubled

local function drop(b, why)
  if b.take and not b.keep then
    b.take = false
    b.why = why
  end
end

--- Drop the teaser cards and labelled captions of the body window ws..we.
function M.drop(live, ws, we)
  local seen = {}
  for x = ws, we do
    local b = live[x]
    -- (a headline is no sentence: paragraphs are passed over at once)
    if not b.sentence and b.nw >= 3 and b.nw <= MAX_LINE_WORDS then
      -- a headline written twice on its line (its opening words at least)
      if b.take and not b.keep and b.nw >= 4 and b.ids and doubled_run(b.ids) then
        drop(b, "teaser (headline written twice)")
      end
      -- a card's headline written again a few lines down, labels between the copies
      -- (the shape of the line is checked only when it repeats)
      local y = seen[b.text]
      if y and x - y <= MAX_GAP and ev.headline_shaped(b) then
        local between = true
        for z = y + 1, x - 1 do
          local c = live[z]
          if c.sentence or c.class ~= "short" then between = false; break end
        end
        if between then
          for z = y, x do drop(live[z], "teaser card") end
          -- the blurb under the second copy, closing its group
          local u, v = live[x + 1], live[x + 2]
          if u and x + 1 <= we and u.group == b.group and u.nw <= MAX_BLURB_WORDS and not u.bullet
            and (not v or v.group ~= u.group) then
            drop(u, "teaser card (blurb)")
          end
        end
      end
      seen[b.text] = x
    end
    -- the block under a bare "Caption" label, in its group
    if x > ws and live[x - 1].nw <= 2 and b.take and not b.keep and b.nw <= MAX_CAPTION_WORDS then
      local l = live[x - 1]
      if l.group == b.group and rx_caption_label:find(l.text) then
        drop(l, "caption label")
        drop(b, "caption (under a label)")
      end
    end
  end
end

-- a block closed by another story's date in brackets, no stop after it: "NAME wins
-- the cup final (01/12/2024)", "Loon pair returns (posted May 28, 2025)"; the text
-- before the bracket headline-shaped (ev.headline_shaped: no full stop, a capital)
-- (a bullet item so shaped too, "* NAME wins the cup final (2024/12/01)": a list of
-- links; ev.headline_shaped turns bullets down, so its other tests are made here)
local MAX_DATED_WORDS = 24
-- (an item opened by ">", an arrow in ASCII that no list reads as a bullet: "> Bridge
-- repairs to close Route 243 overnight (Sept. 30, 2024)", read as a bullet item)
local function arrow_item(b)
  return string.byte(b.text, 1) == 62 and b.text:find("^>%s*%u") ~= nil
end
local function shaped(b)
  local arrow = not b.bullet and arrow_item(b)
  if not b.bullet and not arrow then return ev.headline_shaped(b) end
  return not (b.cue or b.timestamp or b.byline or b.contrib or b.ending or b.drop) and (arrow or b.text:find("^%u") ~= nil)
end
local function dated_headline(b, dates, day_first)
  local t = b.text
  -- (the last byte first: ")")
  if string.byte(t, -1) ~= 41 or b.nw < 4 or b.nw > MAX_DATED_WORDS or b.sentence then return false end
  local at, inner = t:match("()%(([^()]*)%)$")
  if not at or at < 8 or #inner > 40 or not inner:find("%d") or not shaped(b) then return false end
  if t:sub(1, at - 1):find("[.!?:;,]%s*$") then return false end
  return dates:parse(inner, day_first) ~= nil
end

--- Drop the teasers of other stories stamped with their dates in brackets
-- ("Teachers' pay rise agreed, says union (01/12/2024)"), a gold convention: teasers
-- of other stories with their dates go. A kept block shaped so (dated_headline) goes
-- when it stands at the window's edge or beside a block that went (a "MORE NEWS"
-- label, another teaser): a subhead so dated between two kept paragraphs stays.
-- @param dates the stage's date parser (docpipe.clean.dates), day_first its order
function M.drop_dated(live, ws, we, dates, day_first)
  if not dates then return end
  for x = ws, we do
    local b = live[x]
    if b.take and not b.keep and dated_headline(b, dates, day_first) then
      local p, n = live[x - 1], live[x + 1]
      -- (a bullet item only beside a block of the window that went: a timeline list may
      -- open or close the body)
      local item = b.bullet or arrow_item(b)
      local went = item and ((x > ws and not p.take) or (x < we and not n.take))
      if went or (not item and (x == ws or x == we or (p and not p.take) or (n and not n.take))) then
        b.take = false
        b.why = "teaser (dated headline)"
      end
    end
  end
end

-- a notice or teaser closed by its own date stamp after a spaced dash, a bar or a middle
-- dot, perhaps after a posting word, nothing after it: "Pier closed to swimmers Friday -
-- posted 11 June 2025", "Loon pair returns | 28 May 2025"; the text before the stamp
-- headline-shaped (no stop, a capital)
local rx_stamp_sep = re.compile("\\s(?:-|–|—|\\||·)\\s+(?:(?:posted|published|added|updated)(?:\\s+on)?:?\\s+)?(?=\\S)", "i")
local function stamped_headline(b, dates, day_first)
  -- (the cheap tests first: a short line holding a digit, no sentence)
  if b.nw < 4 or b.nw > MAX_DATED_WORDS or b.sentence or not (b.bits and b.bits & 8 ~= 0 or not b.bits)
    or b.bullet or not b.take or b.keep then return false end
  local t = b.text
  local c = string.byte(t, -1)
  if not c or c < 48 or c > 57 then return false end
  -- (the last separator of the line)
  local at, e = rx_stamp_sep:find(t)
  while at do
    local a2, e2 = rx_stamp_sep:find(t, e + 1)
    if not a2 then break end
    at, e = a2, e2
  end
  if not at or at < 8 or #t - e > 30 then return false end
  local head = t:sub(1, at - 1)
  if head:find("[.!?:;,]$") or not head:find("^%u") then return false end
  -- (the stamp a date alone, no time: the date's spans run from its first byte to its last)
  local stamp = t:sub(e + 1)
  local iso, r = dates:parse(stamp, day_first)
  if not iso or #iso ~= 10 or not r.spans[1] then return false end
  local lo, hi = #stamp, 0
  for _, sp in ipairs(r.spans) do
    if sp[1] < lo then lo = sp[1] end
    if sp[2] > hi then hi = sp[2] end
  end
  return lo == 1 and hi == #stamp
end

--- Drop the notices or teasers closing the body, each a headline stamped with its
-- own date after a dash (stamped_headline) and perhaps its one-block blurb under it in
-- its group, closing the group: a run from the window's last kept block up, of two
-- items or more, or of one under a block that went (a "COMMUNITY NOTICES" label); not
-- introduced by a sentence ending in ':'. Teasers of other stories with their dates go.
-- @param dates the stage's date parser (docpipe.clean.dates), day_first its order
function M.drop_stamped(live, ws, we, dates, day_first)
  if not dates then return end
  local z = we
  while z >= ws and not live[z].take do z = z - 1 end
  local items, gone, a, top = 0, {}, z, nil
  while a > ws do
    local b = live[a]
    if not b.take then
      a = a - 1
    elseif stamped_headline(b, dates, day_first) then
      gone[#gone + 1] = a; items = items + 1; top = a; a = a - 1
    else
      local h = live[a - 1]
      -- (a blurb: its headline right above it in its group, nothing under it in its group)
      local n = live[a + 1]
      if h.group == b.group and (not n or n.group ~= b.group) and not b.bullet and not b.keep
        and b.nw <= MAX_BLURB_WORDS and stamped_headline(h, dates, day_first) then
        gone[#gone + 1] = a; gone[#gone + 1] = a - 1; items = items + 1; top = a - 1; a = a - 2
      else
        break
      end
    end
  end
  if items == 0 or a < ws or ev.introduces(live[a]) then return end
  -- (one item alone only right under a block of the window that went)
  if items < 2 and (top - 1 < ws or live[top - 1].take) then return end
  for _, x in ipairs(gone) do live[x].take = false; live[x].why = "teaser (stamped with its date)" end
end

-- an entry of a dated list: a month (dates:month, en/clean_months.txt), a day (perhaps
-- a year) and a spaced dash opening the block ("July 4 -- Boat parade ...", "Aug. 9 –
-- Loon count ...")
local function dated_entry(b, dates)
  local t = b.text
  local c = string.byte(t, 1)
  if not c or c < 65 or c > 90 or b.nw > 40 then return false end
  local m, e = t:match("^(%a+)%.? %d%d?,?[ %d]-()[-\226]")
  if not m or not dates:month(m) then return false end
  return t:find("^%-%-? ", e) ~= nil or t:find("^\226\128[\147\148] ", e) ~= nil
end

--- Drop an events list closing the body: a run of two dated entries or more
-- (dated_entry) after the article's last kept paragraph, nothing kept after it in the
-- window, not introduced by a sentence ending in ':'; a capitals heading kept right
-- above it ("UPCOMING EVENTS") goes with it.
-- @param dates the stage's date parser (docpipe.clean.dates)
function M.drop_events(live, ws, we, dates)
  if not dates then return end
  local z = we
  while z >= ws and not live[z].take do z = z - 1 end
  local a = z
  while a >= ws and live[a].take and not live[a].keep and dated_entry(live[a], dates) do a = a - 1 end
  if z - a < 2 or a < ws then return end
  local h = live[a]
  if ev.introduces(h) then return end
  for x = a + 1, z do live[x].take = false; live[x].why = "events list" end
  if h.label and not h.keep and not h.sentence and a > ws then h.take = false; h.why = "events list (heading)" end
end

return M
