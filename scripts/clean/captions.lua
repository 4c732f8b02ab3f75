--- Photo captions left inside the body window of a page saved as text.
--
-- Method: a page saved as text often writes a picture's description twice, once as the
-- image's alternative text and once as its caption, the two a little different ("X
-- with his daughter in his back yard ..." / "X with his daughter in his backyard,
-- ..."), or keeps the caption's full text above a shortened copy that carries the
-- credit. An article does not say the same thing twice in a row, so two neighbouring
-- short blocks that open with the same two words and share most of their words (or a
-- block sharing its opening words with the caption right under it in its group) are
-- captions. They must be the SAME text, not one sentence frame filled twice (a council's
-- list of notices, a results round-up): a caption written twice names the same people,
-- places and numbers, so the capitalised words and numbers of each block stand in the
-- other (one miss allowed, for a spelling or a possessive). Quoted text is left
-- alone (a pull quote beside its paragraph is docpipe.clean.body's). After
-- Kohlschütter et al. (2010): captions are short, repeated, low-link text.
-- Units: indices into the list of live blocks (1-based); lengths in words.

local M = {}

local MAX_WORDS = 45     -- the longest caption
local MIN_WORDS = 6      -- the shortest block compared
local MIN_SHARED = 0.6   -- share of the words of the two blocks in common (Jaccard)
local OPENING = 5        -- words of a shared opening with a caption cue line

-- the share of the distinct words of two blocks that both hold (Jaccard), over their
-- word ids (lower-cased words, docpipe.clean.blocks)
local function similar(ia, ib)
  local sa, na = {}, 0
  for _, w in ipairs(ia) do if not sa[w] then sa[w] = true; na = na + 1 end end
  local sb, nb, common = {}, 0, 0
  for _, w in ipairs(ib) do
    if not sb[w] then
      sb[w] = true; nb = nb + 1
      if sa[w] then common = common + 1 end
    end
  end
  return common / (na + nb - common) >= MIN_SHARED
end

-- the first n words alike
local function same_opening(ia, ib, n)
  if #ia < n or #ib < n then return false end
  for i = 1, n do if ia[i] ~= ib[i] then return false end end
  return true
end

-- quoted text (a pull quote, a quotation), tested last: a plain search
local function quoted(b)
  local t = b.text
  return t:find('"', 1, true) or t:find("“", 1, true) or t:find("”", 1, true)
end

-- the capitalised words and numbers of text a missing from the words of text b (lower
-- case): a count, stopping past limit. Plain byte classes, no pattern engine.
local function names_missing(ta, tb, limit)
  local words = {}
  for w in tb:gmatch("[%w\128-\255]+") do words[w:lower()] = true end
  local miss = 0
  for w in ta:gmatch("[%w\128-\255]+") do
    local c = w:byte(1)
    if ((c >= 65 and c <= 90) or (c >= 48 and c <= 57)) and not words[w:lower()] then
      miss = miss + 1
      if miss > limit then return miss end
    end
  end
  return miss
end

-- the same text written twice, not one sentence frame filled with other names
local function same_names(a, b)
  return names_missing(a.text, b.text, 1) <= 1 and names_missing(b.text, a.text, 1) <= 1
end

local function drop(b, why)
  if b.take and not b.keep then b.take = false; b.why = why end
end

--- Drop the doubled captions of the body window ws..we.
function M.drop(live, ws, we)
  for x = ws, we - 1 do
    local a = live[x]
    local ia = a.ids
    -- (cheap tests first: both short enough, both open with the same two words)
    if a.take and ia and a.nw >= MIN_WORDS and a.nw <= MAX_WORDS then
      local b = live[x + 1]
      local ib = b.ids
      if ib and ia[1] == ib[1] and ia[2] == ib[2] and b.nw >= MIN_WORDS and b.nw <= MAX_WORDS
        and not a.keep and not b.keep then
        if b.take and b.nw <= 1.6 * a.nw and a.nw <= 1.6 * b.nw and similar(ia, ib)
          and not quoted(a) and not quoted(b) and same_names(a, b) then
          drop(a, "caption (written twice)")
          drop(b, "caption (written twice)")
        elseif not b.take and not a.bullet and b.cue == "caption" and b.group == a.group
          and same_opening(ia, ib, OPENING) and not quoted(a) then
          drop(a, "caption (above its shortened copy)")
        end
      end
    end
  end
end

-- a picture credit on the line under its caption, in capitals, a name and an outlet set
-- apart by a slash ("NAME NAME/THE OUTLET", "NAME NAME / AGENCY"): at most CREDIT_WORDS
-- words, no lower-case letter, one to four words on either side of the slash
local CREDIT_WORDS = 10
local function capitals_credit(c)
  if c.nw < 2 or c.nw > CREDIT_WORDS or c.keep or c.bullet then return false end
  local t = c.text
  local s = t:find("/", 1, true)
  if not s or t:find("%l") or t:find("[.!?:;]$") then return false end
  local l, r = t:sub(1, s - 1), t:sub(s + 1)
  local function run(x, lo, hi)
    local n = 0
    for w in x:gmatch("%S+") do
      n = n + 1
      if n > hi or not (w:find("^[%u\128-\255][%u\128-\255'’.&-]*$") or w == "&") then return false end
    end
    return n >= lo
  end
  return run(l, 1, 4) and run(r, 1, 5)
end

--- Drop the captions of the body window ws..we that stand right over a credit line of
-- their group in capitals (capitals_credit: "NAME walks between rows of young vines
-- near NAME on Feb. 13." / "NAME NAME/NAME VALLEY COURIER"): a short block of prose,
-- quoting no one; the credit line is the stage's (a label)
function M.drop_credited(live, ws, we)
  for x = ws, we - 1 do
    local a = live[x]
    if a.take and not a.keep and not a.bullet and a.nw >= 3 and a.nw <= MAX_WORDS then
      local c = live[x + 1]
      if c.group == a.group and c.nw <= CREDIT_WORDS and a.text:find("%l") and capitals_credit(c)
        and not quoted(a) then
        drop(a, "caption (over its credit)")
        drop(c, "picture credit")
      end
    end
  end
end

-- a short line at the margin with no stop at its end, opening on a capital, between two
-- indented blocks: the shape of a subhead in a dump that indents its paragraphs (lynx
-- -nolist sets its text three spaces in and its headings at the margin)
local SUBHEAD_MAX = 12
local function margin_line(live, y)
  local b, p, n = live[y], live[y - 1], live[y + 1]
  return b.indent == 0 and p ~= nil and n ~= nil and p.indent > 0 and n.indent > 0
    and b.nw >= 2 and b.nw <= SUBHEAD_MAX and not b.bullet and not b.cue
    and not b.text:find("[.!?:;,\"“”]%s*$") and b.text:find("^[%u\128-\255]") ~= nil
end

--- Is live[x] a subhead, not a caption, in a dump that indents its paragraphs: a line
-- at the margin between indented blocks (margin_line), when the body window ws..we
-- holds another line of that shape (the page's other subhead)? A caption there is set
-- in as deep as the text (docpipe.clean.body's bare captions ask this first).
function M.margin_subhead(live, x, ws, we)
  -- (cheap tests first: at the margin, over an indented block)
  local n = live[x + 1]
  if live[x].indent ~= 0 or not n or n.indent == 0 or not margin_line(live, x) then return false end
  for y = math.max(ws, 2), math.min(we, #live - 1) do
    if y ~= x and live[y].indent == 0 and margin_line(live, y) then return true end
  end
  return false
end

return M
