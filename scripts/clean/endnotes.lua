--- A closing note on a journalism programme that funds or shares the story.
--
-- Method: outlets close a story written under a credit programme with a standing line
-- on the programme ("The NAME is funded by ...", "The NAME is a partnership between
-- ...", "This reporting is supported by the NAME"). Such a line is end matter, not the
-- article: among the last kept blocks of the body window, a block that names a
-- programme (en/clean_meta_programmes.txt, which the byline rules read too; the stage
-- option outlet_programmes adds more) and describes it (it opens with the name and
-- says what the programme is, who funds it or what it is part of; or it says that
-- the work is funded or supported by it), quoting and reporting no one, goes.
-- Guard: an article about such a programme names it in two kept blocks or more above
-- the closing run; then nothing goes. jusText's end-of-text context (Pomikálek 2011).
-- Units: indices into the list of live blocks (1-based); lengths in words.

local dp = require "docpipe"
local re = dp.re

local M = {}

local MAX_NOTE_WORDS = 60
local MAX_NOTES = 3
local MIN_ABOUT = 2

-- a news sentence: a quotation or a reporting verb
local rx_news = re.compile("[\"“”]|\\b(?:said|says|told|announced|announces|added|according to)\\b", "i")

--- Matchers of a language's programme notes, with extra programme names (a list); the
-- expressions are compiled on first use (most pages close with no programme note).
function M.new(lang, extra)
  local names = {}
  for _, w in ipairs(dp.data.list(lang .. "/clean_meta_programmes.txt")) do names[#names + 1] = w:lower() end
  for _, w in ipairs(extra or {}) do names[#names + 1] = w:lower() end
  return { names = names }
end

-- compile the matchers of m (once)
local function compile(m)
  local q = {}
  for i, w in ipairs(m.names) do q[i] = "\\Q" .. w .. "\\E" end
  local prog = "(?:" .. table.concat(q, "|") .. ")"
  -- any mention of a programme
  m.name = re.compile("(?<![\\p{L}\\p{N}])" .. prog .. "(?![\\p{L}\\p{N}])", "i")
  -- "The NAME (LJI) is funded by / is a partnership / supports / is part of ..."
  m.opens = re.compile("^(?:the\\s+)?" .. prog .. "(?:\\s*\\([^)]{1,12}\\))?(?:\\s+program(?:me)?)?,?\\s+"
    .. "(?:(?:is|was|are)\\s+(?:(?:jointly\\s+|also\\s+|partly\\s+|generously\\s+)?(?:funded|financed|supported|sponsored|paid for|run|administered|operated|made possible)\\b"
    .. "|part\\s+of\\b|an?\\s+[^.!?]{0,60}?\\b(?:partnership|programm?e?|initiative|collaboration|scheme|service|project|fund|network|organi[sz]ation|non-?profit|charity)\\b)"
    .. "|(?:supports|funds|places|pays|brings|aims|works)\\b)", "i")
  -- "This reporting is funded by the NAME", "... made possible through the NAME"
  m.credits = re.compile("\\b(?:funded|financed|supported|sponsored|made possible|produced|paid for)\\s+(?:in part\\s+)?(?:by|through|with (?:support|funding) from|under|as part of)\\s+(?:the\\s+)?" .. prog, "i")
end

-- a block naming a programme: a plain search of the lower-cased text first
local function names_one(m, text)
  local low = text:lower()
  for _, w in ipairs(m.names) do
    if low:find(w, 1, true) then return true end
  end
  return false
end

-- a programme note: a short block naming a programme and saying what it is
local function is_note(m, b)
  if b.nw > MAX_NOTE_WORDS or b.bullet or not names_one(m, b.text) or rx_news:find(b.text) then return false end
  if not m.opens then compile(m) end
  return m.opens:find(b.text) ~= nil or m.credits:find(b.text) ~= nil
end

--- Drop the programme notes closing the body window ws..we (sets b.take, b.why).
function M.drop(m, live, ws, we)
  if not (m and m.names and #m.names > 0) then return end
  local notes, x = {}, we
  while x >= ws and #notes < MAX_NOTES do
    local b = live[x]
    if b.take and not b.keep then
      if not is_note(m, b) then break end
      notes[#notes + 1] = b
    end
    x = x - 1
  end
  if #notes == 0 then return end
  -- (an article about the programme: it is named above the closing run)
  local about = 0
  for y = ws, x do
    local b = live[y]
    if b.take and m.name:find(b.text) then
      about = about + 1
      if about >= MIN_ABOUT then return end
    end
  end
  for _, b in ipairs(notes) do
    b.take = false
    b.why = "programme note (end matter)"
  end
end

return M
