--- wordcount: count and rank the content words of a text (helper of the keywords example stage).
--
-- The keywords stage (keywords.lua, in this folder) requires this module as
-- `require "wordcount"`: a stage may require modules that sit beside it.
--
-- Method: plain term frequency, the oldest keyword heuristic (Luhn 1958, "The automatic
-- creation of literature abstracts"): split the text into words with docpipe.text.words,
-- fold case (ASCII letters only: string.lower leaves other letters as they are), turn a
-- curly apostrophe into a straight one, drop a possessive 's, drop stopwords, words
-- shorter than a minimum number of characters (code points) and, unless asked for, tokens
-- without a letter (years, amounts). Optionally fold a plural into its singular when both
-- occur ("cranes" -> "crane", "stories" -> "story"). Ranking: count, descending; ties go to
-- the word seen first, so the ranking is deterministic and favours the top of the story.
--
-- Units: counts are occurrences; lengths are code points. No byte offsets are produced.

local dp = require "docpipe"

local lower, sort, concat = string.lower, table.sort, table.concat
local type, ipairs, pairs = type, ipairs, pairs
local words_of, utf8_len, trim = dp.text.words, dp.utf8.len, dp.text.trim

-- helpers ---------------------------------------------------------------------------------

local function normalize(word)
  local w = lower((word:gsub("\226\128\153", "'")))   -- U+2019 RIGHT SINGLE QUOTATION MARK
  w = w:gsub("'s$", "")
  return w
end

local function has_letter(w)
  return w:find("[%a\128-\255]") ~= nil
end

-- words ending in s that are not plurals of the word without the s
local NOT_PLURAL = { news = true, means = true, series = true, species = true }

-- plural -> singular when the singular is counted too; returns the folded table
local function fold_plurals(counts, first)
  local moves = {}
  for w in pairs(counts) do
    local sing, tail = nil, w:sub(-2)
    if NOT_PLURAL[w] or tail == "ss" or tail == "us" or tail == "is" then
      sing = nil
    elseif w:sub(-3) == "ies" and counts[w:sub(1, -4) .. "y"] then
      sing = w:sub(1, -4) .. "y"
    elseif w:sub(-1) == "s" and counts[w:sub(1, -2)] then
      sing = w:sub(1, -2)
    end
    if sing then moves[#moves + 1] = { w, sing } end
  end
  for _, m in ipairs(moves) do
    local plural, sing = m[1], m[2]
    counts[sing] = counts[sing] + counts[plural]
    if first[plural] < first[sing] then first[sing] = first[plural] end
    counts[plural], first[plural] = nil, nil
  end
  return counts
end

local M = {}

--- Parse a word list: one entry per line, blank lines and # comments skipped, lowercased.
-- @param content the file's text
-- @return a set (word -> true)
function M.parse_list(content)
  local set = {}
  for line in (content .. "\n"):gmatch("([^\n]*)\n") do
    local w = trim(line)
    if w ~= "" and w:sub(1, 1) ~= "#" then set[normalize(w)] = true end
  end
  return set
end

--- The normalised form of one word token (what is counted).
M.normalize = normalize

--- Count the content words of one or more texts.
-- @param texts a string or a list of strings
-- @param opts {stop = set, min_length = integer (default 1), numbers = boolean,
--   plurals = boolean (fold plurals, default true)}
-- @return counts (word -> n), first (word -> position of first occurrence), total
--   (number of words counted)
function M.count(texts, opts)
  opts = opts or {}
  local stop, min_length = opts.stop or {}, opts.min_length or 1
  if type(texts) == "string" then texts = { texts } end
  local counts, first, total, pos = {}, {}, 0, 0
  for _, text in ipairs(texts) do
    for _, token in ipairs(words_of(text)) do
      pos = pos + 1
      local w = normalize(token)
      if not stop[w] and utf8_len(w) >= min_length and (opts.numbers or has_letter(w)) then
        if counts[w] then
          counts[w] = counts[w] + 1
        else
          counts[w], first[w] = 1, pos
        end
        total = total + 1
      end
    end
  end
  if opts.plurals ~= false then fold_plurals(counts, first) end
  return counts, first, total
end

--- The n most frequent words.
-- @param counts word -> n
-- @param n how many (nil: all)
-- @param opts {first = word -> position (tie-break, else alphabetical), min_count = integer,
--   docs = word -> number of documents (second key, descending, before the tie-break)}
-- @return list of {word = w, count = n}
function M.top(counts, n, opts)
  opts = opts or {}
  local first, docs, min_count = opts.first, opts.docs, opts.min_count or 1
  local list = {}
  for w, c in pairs(counts) do
    if c >= min_count then list[#list + 1] = { word = w, count = c } end
  end
  sort(list, function(a, b)
    if a.count ~= b.count then return a.count > b.count end
    if docs and docs[a.word] ~= docs[b.word] then return (docs[a.word] or 0) > (docs[b.word] or 0) end
    if first and first[a.word] ~= first[b.word] then return first[a.word] < first[b.word] end
    return a.word < b.word
  end)
  if n and #list > n then
    for i = #list, n + 1, -1 do list[i] = nil end
  end
  return list
end

--- Add counts into a running total; returns the total.
function M.merge(into, counts)
  for w, c in pairs(counts) do into[w] = (into[w] or 0) + c end
  return into
end

--- A short text form of a ranking, "word:count, ..." (for logs and tests).
function M.format(list)
  local out = {}
  for i, e in ipairs(list) do out[i] = e.word .. ":" .. e.count end
  return concat(out, ", ")
end

return M
