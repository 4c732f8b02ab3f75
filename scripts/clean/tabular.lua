--- Tables of figures set inside an article's window: a box score, a market table,
-- election returns, a weather table.
--
-- Method: a data line is a block in which a quarter or more of the tokens hold a
-- digit and function words are fewer still (stopword density at most 0.25 and below
-- the share of figures), no long paragraph (not jusText's "good"). Such lines read as
-- prose to the window (they may end in a full stop: "Overtime: 7, KFL, Lindqvist 3,
-- 2:14.") but are the page's data, not its text. Rows of one shape (figures and words
-- in the same order: "North ward: 1,204 for, 388 against." over "South ward: 977 for,
-- 1,015 against.") are data lines too, whatever their function words. A run of two
-- data lines or more under a short heading (an all-capitals label, "BOX SCORE", or a
-- short line that is no sentence, "Results") goes with its heading; a short
-- non-sentence line inside the run ("Scoring summary") goes with it when data lines
-- follow, and after two data lines a line with any figure and hardly a function word
-- (density at most 0.15) continues it. A run of three data lines or more closing the
-- window goes without a heading; a short heading whose data lines went already (for
-- their low share of function words) goes too. After the shallow features of Boilerpipe
-- (Kohlschütter et al. 2010: token shares, here of figures).
-- Units: indices into the list of live blocks (1-based); shares are fractions of the
-- block's tokens.

local find, gsub = string.find, string.gsub

local M = {}

local MIN_FIGURES = 0.25
local MAX_DENSITY = 0.25
local LOOSE_DENSITY = 0.15

--- Whether a block is a line of figures; loose: a line continuing a table (any
-- figure with hardly a function word: "Three stars: 1. NAME, TEAM; 2. NAME, TEAM").
function M.is_data(b, loose)
  if b.keep or b.class == "good" or b.nw < 2 or b.nw > 60 or b.density > MAX_DENSITY then return false end
  local text = b.text
  if not find(text, "%d") then return false end
  -- (tokens holding a digit, over the block's words)
  local _, fig = gsub(text, "%S*%d%S*", "")
  local share = fig / b.nw
  if loose and fig >= 1 and b.density <= LOOSE_DENSITY then return true end
  return share >= MIN_FIGURES and share > b.density
end

--- The shape of a short line of figures: each figure "#", each run of words "w",
-- punctuation kept ("North ward: 1,204 for, 388 against." -> "w: #w, #w."), or nil
-- for a line with no figure or over 20 words.
function M.shape(b)
  local text = b.text
  if b.nw > 20 or not find(text, "%d") then return nil end
  local s = gsub(text, "%d[%d,.:/%%+-]*", "#")
  s = gsub(s, "[%a\128-\255][%w\128-\255'-]*", "w")
  s = gsub(s, "w[%sw]*w", "w")
  return s
end

-- a data line, or one of rows of one shape (the line above or below it has the same)
local function row(live, y, we)
  local b = live[y]
  if b.listed then return false end
  if M.is_data(b) then return true end
  local s = M.shape(b)
  if not s then return false end
  return (y > 1 and M.shape(live[y - 1]) == s) or (y < we and M.shape(live[y + 1]) == s)
end

-- a short heading: a dropped all-capitals label or a short line that is no sentence
local function heading(b)
  if b.bullet or b.keep or b.cue then return false end
  if b.label and not b.ending then return b.nw <= 6 end
  -- (a figure in brackets qualifies a heading: "Final standings (top 6)")
  return b.class == "short" and not b.sentence and b.nw >= 1 and b.nw <= 5
    and (not b.text:find("%d") or not b.text:gsub("%b()", ""):find("%d"))
end

local function drop(b)
  b.take = false
  b.why = "data table"
end

-- the end of a run of data lines from x (a short heading between two of them is
-- passed over; after two data lines a loose one continues it), and how many data lines
-- it holds
local function run(live, x, we)
  local y, n = x, 0
  while y <= we do
    local b = live[y]
    if row(live, y, we) or (n >= 2 and M.is_data(b, true)) then n = n + 1
    elseif not (heading(b) and y + 1 <= we and row(live, y + 1, we)) then break end
    y = y + 1
  end
  return y - 1, n
end

--- Drop the tables of figures inside the window [ws, we] (b.take / b.why): under a
-- short heading, or closing the window.
function M.drop_tables(live, ws, we)
  local x = ws
  while x <= we do
    if heading(live[x]) and x + 1 <= we and row(live, x + 1, we) then
      local z, n = run(live, x + 1, we)
      if n >= 2 then
        for y = x, z do drop(live[y]) end
        x = z
      end
    end
    x = x + 1
  end
  -- a short heading left alone above two lines of figures that went already (for a low
  -- share of function words: "Results" over "Men: 1 NAME (CLUB) 3:22:40; ..."; read
  -- loosely, as figures with hardly a function word) goes with them
  for y = ws, we - 2 do
    local h = live[y]
    if h.take and heading(h) and not live[y + 1].take and not live[y + 2].take
      and M.is_data(live[y + 1], true) and M.is_data(live[y + 2], true) then
      drop(h)
    end
  end
  -- a run of three data lines or more closing the window, with no heading
  local a = we
  while a >= ws and M.is_data(live[a]) do a = a - 1 end
  if we - a >= 3 then
    for y = a + 1, we do drop(live[y]) end
  end
end

return M
