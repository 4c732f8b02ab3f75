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
-- their low share of function words) goes too; so do up to two short lines that are no
-- sentence closing the table's group under it (the result under a scorecard, "NAME won
-- by two wickets", a link to the full table; on a page of no blank lines, when each
-- holds a figure or a result word and a paragraph follows). A match report's other
-- fact lines go anywhere in the window: a score line in a group of its own or between
-- two paragraph lines ("Half-time: NAME 0-9 NAME 1-7": two capitalised names, each with
-- its score) and a team's line-up (a name and a colon over eight players' names or
-- more set apart by semicolons and commas, with hardly a function word: M.lineup). After the shallow features of Boilerpipe
-- (Kohlschütter et al. 2010: token shares, here of figures).
-- Units: indices into the list of live blocks (1-based); shares are fractions of the
-- block's tokens.

local find, gsub = string.find, string.gsub

local M = {}

local MIN_FIGURES = 0.25
local MAX_DENSITY = 0.25
local LOOSE_DENSITY = 0.15
local MAX_TAIL = 2        -- closing lines under a table (a result, a link)
local MAX_TAIL_WORDS = 8
local LINE_DENSITY = 0.1  -- a score line's or a line-up's share of function words
local PARAGRAPH_WORDS = 10 -- a paragraph line beside a fact line on a page with no blank lines

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

-- a paragraph line: a sentence of PARAGRAPH_WORDS or more, with the function words of
-- prose (a fact line, "NAME: Tries: NAME, NAME. Cons: NAME 2.", has hardly any)
local function paragraph(n)
  return n.sentence and n.nw >= PARAGRAPH_WORDS and n.density > MAX_DENSITY
end

-- the table's closing lines after its last data line z: up to MAX_TAIL short lines
-- that are no sentence, in the table's group and closing it (a blank line or the
-- page's end under them): the result under a scorecard ("NAME won by two wickets"), a
-- link to the full table ("Full scorecard on NAME"); a subhead over the next paragraph
-- stands across a blank line, or in its group on a page of one paragraph a line
-- @return the table's last line
local function tail(live, z, we, results)
  local t = z
  while t - z < MAX_TAIL and t + 1 <= we do
    local c = live[t + 1]
    if c.group ~= live[z].group or c.keep or c.bullet or c.sentence or c.nw < 2 or c.nw > MAX_TAIL_WORDS
      or c.class ~= "short" then break end
    t = t + 1
  end
  if t > z and (not live[t + 1] or live[t + 1].group ~= live[z].group) then return t end
  -- (on a page of one paragraph a line, the group runs on into the next paragraph: the
  -- lines go when each holds a figure or a result word, en/clean_body_result_words.txt,
  -- "NAME won by three wickets", "Full scorecard on NAME"; a subhead holds neither)
  if t > z and results and paragraph(live[t + 1]) then
    for y = z + 1, t do
      local text = live[y].text
      if not find(text, "%d") then
        local hit = false
        for w in text:gmatch("%a+") do if results[w:lower()] then hit = true; break end end
        if not hit then return z end
      end
    end
    return t
  end
  return z
end

-- a block set apart from its neighbour n: a blank line between them, or on a page of
-- one paragraph a line, n a paragraph
local function apart(b, n)
  return not n or n.group ~= b.group or paragraph(n)
end

-- a score of figures, "2", "102", or goals and points, "1-17"; four figures in a row
-- are a year
local function plain_score(x)
  return find(x, "-", 1, true) ~= nil or #x <= 3
end

--- Whether text is a score line: two names, each with its score, perhaps under a
-- label ("Half-time: NAME 0-9 NAME 1-7", "Full-time: NAME 2 NAME 1"). The scores are
-- figures or goals-points pairs; the names capitalised, with no figure.
function M.score_line(text)
  local t = gsub(text, "\226\128[\147\148]", "-")
  t = gsub(t, "^[%a][%a%- ]*:%s*", "", 1)
  t = gsub(t, "%.$", "")
  local a, s1, _, s2 = t:match("^(%u[^%d:;,]-)%s+(%d+%-?%d*)%s+(%u[^%d:;,]-)%s+(%d+%-?%d*)$")
  -- (a plain score has at most three figures: "NAME - posted 11 June 2025" is a day,
  -- a month and a year)
  return a ~= nil and #s1 <= 5 and #s2 <= 5 and plain_score(s1) and plain_score(s2)
end

-- the words of a name in a line-up: capitalised (a letter past ASCII too: "Ó"), or a
-- name's particle
local PARTICLES = { de = true, van = true, von = true, da = true, di = true, le = true, la = true, du = true, der = true, den = true }
local function name_item(item)
  local n = 0
  for w in item:gmatch("%S+") do
    local c = w:byte()
    if not (find(w, "^%u") or c >= 195 or PARTICLES[w]) then return false end
    n = n + 1
  end
  return n >= 1 and n <= 4
end

--- Whether block b is a team's line-up: a team's name and a colon, then players'
-- names by position, the lines of the formation set apart by semicolons (two or more)
-- and the players of a line by commas, scores or substitutes in brackets ("NAME: S
-- Whelan; C Daly, M Corr, P Ryan; ... Sub: R Ó Cearbhaill (1-0)."): eight names or
-- more, nine in ten of the items names (a sub-label, "Subs:", passed over), hardly a
-- function word.
function M.lineup(b)
  local text = b.text
  if b.nw < 8 or b.density > LINE_DENSITY or b.keep or b.bullet then return false end
  local semi = find(text, ";", 1, true)
  if not semi or not find(text, ";", semi + 1, true) then return false end
  local head, rest = text:match("^([^:;,]+):%s*(.*)$")
  if not head or not find(head, "^%u") or select(2, gsub(head, "%S+", "")) > 4 then return false end
  rest = gsub(gsub(rest, "%b()", ""), "%u%a+:%s", ";")
  local names, items = 0, 0
  for item in rest:gmatch("[^;,.]+") do
    if find(item, "%S") then
      items = items + 1
      if name_item(item) then names = names + 1 end
    end
  end
  return names >= 8 and names >= 0.9 * items
end

--- Drop the tables of figures inside the window [ws, we] (b.take / b.why): under a
-- short heading, or closing the window; results: the set of lower-case result words
-- (en/clean_body_result_words.txt) telling a table's closing lines on a page of one
-- paragraph a line.
function M.drop_tables(live, ws, we, results)
  local x = ws
  while x <= we do
    if heading(live[x]) and x + 1 <= we and row(live, x + 1, we) then
      local z, n = run(live, x + 1, we)
      if n >= 2 then
        z = tail(live, z, we, results)
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
  -- a lone score line ("Half-time: NAME 0-9 NAME 1-7") in a group of its own, and a
  -- team's line-up
  for y = ws, we do
    local b = live[y]
    -- (hardly a function word in either: most blocks end the test here)
    if b.density <= LINE_DENSITY and b.take and not b.keep and not b.bullet then
      -- (a figure, a space and a capital: the first score and the second name)
      if b.nw <= 12 and find(b.text, "%d %u") and apart(b, live[y - 1]) and apart(b, live[y + 1])
        and M.score_line(b.text) then
        b.take = false
        b.why = "score line"
      elseif b.nw >= 8 and M.lineup(b) then
        b.take = false
        b.why = "line-up"
      end
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
