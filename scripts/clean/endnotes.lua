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
-- So does an outlet's note on the newsroom partnership it belongs to: a block that
-- opens with a name and says it is part, a member or a partner of something, naming
-- media among the members (en/clean_body_media_members.txt: "public radio", "stations",
-- "newsrooms"; the stage option media_members adds more): "NAME is part of the NAME
-- Collaborative, a partnership of public radio and television stations ...".
-- Guard: an article about such a programme names it in two kept blocks or more above
-- the closing run (for a partnership note, the name opening the note); then nothing
-- goes. jusText's end-of-text context (Pomikálek 2011). The outlet's imprint closing
-- the body ("NAME is published four times a year by ...", NAME the page's masthead)
-- goes too (M.drop_imprint).
-- Units: indices into the list of live blocks (1-based); lengths in words.

local dp = require "docpipe"
local re = dp.re

local M = {}

local MAX_NOTE_WORDS = 60
local MAX_NOTES = 3
local MIN_ABOUT = 2

-- a news sentence: a quotation or a reporting verb
local rx_news = re.compile("[\"“”]|\\b(?:said|says|told|announced|announces|added|according to)\\b", "i")

-- "NAME is part of / is a member of / is a partner in ...": the name, then the rest
local MEMBER = ("^((?:the\\s+)?\\p{Lu}[\\p{L}\\p{M}\\p{N}&'’.-]*(?:\\s+(?:of|and|for|the|&|\\p{Lu}[\\p{L}\\p{M}\\p{N}&'’.-]*)){0,6}),?"
  .. "\\s+(?:is|are)\\s+(?:(?:a|an|one)\\s+(?:(?:founding|proud|core)\\s+)?(?:member|partner|part)s?\\s+(?:of|in)|part\\s+of|(?:a\\s+)?member\\s+of)\\s")
local rx_member -- (compiled on first use)

--- Matchers of a language's programme notes, with extra programme names (a list) and
-- extra media words of partnership notes (a list); the expressions are compiled on
-- first use (most pages close with no programme note).
function M.new(lang, extra, media)
  local names = {}
  for _, w in ipairs(dp.data.list(lang .. "/clean_meta_programmes.txt")) do names[#names + 1] = w:lower() end
  for _, w in ipairs(extra or {}) do names[#names + 1] = w:lower() end
  local words = {}
  for _, w in ipairs(dp.data.list(lang .. "/clean_body_media_members.txt")) do words[#words + 1] = w end
  for _, w in ipairs(media or {}) do words[#words + 1] = w end
  return { names = names, media_words = #words > 0 and words or nil }
end

-- compile the matchers of m (once)
local function compile(m)
  local q = {}
  for i, w in ipairs(m.names) do q[i] = re.escape(w) end
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

-- an outlet's partnership note: the name it opens with, or nil
local function member_note(m, b)
  if not m.media_words then return nil end
  rx_member = rx_member or re.compile(MEMBER)
  local _, z, name = rx_member:find(b.text)
  if not z then return nil end
  -- (the media words compiled on first use)
  if not m.media then m.media = re.compile("\\b(?:(?:" .. table.concat(m.media_words, ")|(?:") .. "))\\b", "i") end
  if m.media:find(b.text, z) then return name end
  return nil
end

-- a programme note: a short block naming a programme and saying what it is (or an
-- outlet's partnership note); returns the note's subject for the guard (true: the
-- programmes), or nil
local function is_note(m, b)
  if b.nw > MAX_NOTE_WORDS or b.bullet or rx_news:find(b.text) then return nil end
  if #m.names > 0 and names_one(m, b.text) then
    if not m.opens then compile(m) end
    if m.opens:find(b.text) or m.credits:find(b.text) then return true end
  end
  return member_note(m, b)
end

--- Drop the programme notes closing the body window ws..we (sets b.take, b.why).
function M.drop(m, live, ws, we)
  if not (m and m.names and (#m.names > 0 or m.media_words)) then return end
  local notes, subjects, x = {}, {}, we
  while x >= ws and #notes < MAX_NOTES do
    local b = live[x]
    if b.take and not b.keep then
      local subject = is_note(m, b)
      if not subject then break end
      notes[#notes + 1] = b
      subjects[subject] = true
    end
    x = x - 1
  end
  if #notes == 0 then return end
  -- (an article about the programme or the partnership: it is named above the
  -- closing run)
  local about = 0
  for y = ws, x do
    local b = live[y]
    local named = subjects[true] and m.name and m.name:find(b.text)
    if not named then
      for s in pairs(subjects) do
        if s ~= true and b.text:find(s, 1, true) then named = true; break end
      end
    end
    if b.take and named then
      about = about + 1
      if about >= MIN_ABOUT then return end
    end
  end
  for _, b in ipairs(notes) do
    b.take = false
    b.why = "programme note (end matter)"
  end
end

-- the words of a name, lower-cased, "the" dropped and white space folded
local function folded(name)
  return (name:lower():gsub("^the%s+", ""):gsub("%s+", " "))
end

local IMPRINT_VERBS = { published = true, produced = true, printed = true, edited = true }

--- Drop the outlet's imprint closing the body window ws..we: the last kept block,
-- "NAME is published (four times a year) by ..." (or produced, printed, edited), whose
-- NAME is the page's masthead (one of its first three blocks, a line of up to eight
-- words), quoting and reporting no one. The line names the outlet itself (the metadata
-- rules read the outlet from it): end matter, not the article.
function M.drop_imprint(live, ws, we)
  local x = we
  while x >= ws and not live[x].take do x = x - 1 end
  if x < ws then return end
  local b = live[x]
  if b.keep or b.bullet or b.nw > MAX_NOTE_WORDS then return end
  local t = b.text
  -- (" is p" or " is e" first: published, produced, printed, edited)
  local at = t:find(" is p", 1, true) or t:find(" is e", 1, true)
  if not at or at > 80 or not IMPRINT_VERBS[t:match("^(%a+) ", at + 4)] or rx_news:find(t) then return end
  local name = folded(t:sub(1, at - 1))
  for y = 1, math.min(3, x - 1) do
    local m = live[y]
    if m.nw <= 8 and folded(m.text) == name then
      b.take = false
      b.why = "imprint (end matter)"
      return
    end
  end
end

return M
