--- Tokens for the quotes stage.
--
-- Splits a document text into word, quote-mark and punctuation tokens, each with its
-- byte span, its paragraph and a few flags the attribution rules need (capitalised,
-- possessive, white space before). The scanning is docpipe.text.tokens, in C
-- (src/dp_tokens.c: invalid bytes count as punctuation; words keep inner ' ’ - .:
-- don't, In-ho, U.S., 3.5); this module gives it the word lists that decide the rest:
-- the paragraphs (blocks separated by blank lines, found here), the quote characters
-- (QUOTE_CHARS), the typewriter quotes '' and `` (DOUBLED) and the abbreviations that
-- keep their point (ABBR). The C side builds every token table in one pass, sized for
-- the fields the stage adds later, so that no table grows. For the stage (M.tokenize with
-- `with`) the same pass also numbers the sentences, gives capitalised words their base,
-- and lists what the later passes look for (words of given sets, capitals, quote marks,
-- the token ranges of given sentences), so that those passes visit only the tokens that
-- matter instead of walking every token again; the rules that read these stay in Lua.
--
-- Units: byte offsets, 1-based inclusive (`tok.s`, `tok.e`; M.last_byte when e is left out).
-- @module docpipe.quotes.text

local dp = require "docpipe"

local byte, sub, lower = string.byte, string.sub, string.lower
local find, gsub = string.find, string.gsub
local tokens = dp.text.tokens

local M = {}

-- quote characters: kind is the family, side "open", "close" or "both" (straight)
local QUOTE_CHARS = {
  ['"'] = { fam = "double", side = "both" },
  ["\u{201C}"] = { fam = "double", side = "open" },   -- “
  ["\u{201D}"] = { fam = "double", side = "close" },  -- ”
  ["\u{201E}"] = { fam = "double", side = "open" },   -- „
  ["\u{201F}"] = { fam = "double", side = "open" },   -- ‟
  ["\u{00AB}"] = { fam = "double", side = "open" },   -- «
  ["\u{00BB}"] = { fam = "double", side = "close" },  -- »
  ["'"] = { fam = "single", side = "both" },
  ["\u{2018}"] = { fam = "single", side = "open" },   -- ‘
  ["\u{2019}"] = { fam = "single", side = "close" },  -- ’
  ["\u{2039}"] = { fam = "single", side = "open" },   -- ‹
  ["\u{203A}"] = { fam = "single", side = "close" },  -- ›
}
M.QUOTE_CHARS = QUOTE_CHARS

-- Split a block at single line breaks that end a paragraph: the line before ends a
-- sentence (or a quotation), or the next line opens a quotation. Hard-wrapped lines,
-- which end mid-sentence, stay together.
local LINE_END = { [46] = true, [33] = true, [63] = true, [58] = true, [34] = true, [41] = true }
-- the bytes are read one by one (no substring per line break): a white space byte is a
-- space, tab or carriage return; ” ’ … (E2 80 9D/99/A6) and » (C2 BB) end a line, " “ « ‘
-- (22, E2 80 9C, C2 AB, E2 80 98) open the next
local HWS = { [32] = true, [9] = true, [13] = true }
local CLOSE_3 = { [0x9D] = true, [0x99] = true, [0xA6] = true }
local function split_lines(text, s, e, out)
  local start = s
  local pos = s
  while true do
    local nl = find(text, "\n", pos, true)
    if not nl or nl > e then break end
    local a = nl - 1
    while a >= start and HWS[byte(text, a)] do a = a - 1 end
    local b = nl + 1
    while b <= e and HWS[byte(text, b)] do b = b + 1 end
    if a >= start and b <= e then
      -- the last three bytes of the line, those at or after start
      local c3 = byte(text, a)
      local c2 = a - 1 >= start and byte(text, a - 1)
      local c1 = a - 2 >= start and byte(text, a - 2)
      local ends = LINE_END[c3] or (c1 == 0xE2 and c2 == 0x80 and CLOSE_3[c3])
        or (c2 == 0xC2 and c3 == 0xBB)
      if not ends then
        local h1, h2, h3 = byte(text, b, b + 2)   -- may read past e, as the pattern did
        ends = h1 == 0x22 or (h1 == 0xE2 and h2 == 0x80 and (h3 == 0x9C or h3 == 0x98))
          or (h1 == 0xC2 and h2 == 0xAB)
      end
      if ends then
        out[#out + 1] = { s = start, e = a }
        start = b
      end
    end
    pos = nl + 1
  end
  out[#out + 1] = { s = start, e = e }
end

-- the first blank line at or after pos: a line break, white space, a line break (each
-- line break is found by a plain search; the pattern is tried there only)
local function blank_line(text, pos)
  local nl = find(text, "\n", pos, true)
  while nl do
    local a, b = find(text, "^\n[ \t\r]*\n", nl)
    if a then return a, b end
    nl = find(text, "\n", nl + 1, true)
  end
  return nil
end

local SPACE = { [32] = true, [9] = true, [10] = true, [11] = true, [12] = true, [13] = true }

--- Paragraph spans: list of {s, e} (trimmed). Paragraphs are blocks separated by blank
-- lines; inside a block a single line break also separates paragraphs when the line
-- before ends a sentence or the next line opens a quotation.
function M.paragraphs(text)
  local out, pos, n = {}, 1, #text
  while pos <= n do
    local a, b = blank_line(text, pos)
    local e = a and a - 1 or n
    -- the block trimmed of white space (%s: space, \t \n \v \f \r), found in place
    local l = find(text, "%S", pos)
    if l and l <= e then
      local r = e
      while SPACE[byte(text, r)] do r = r - 1 end
      split_lines(text, l, r, out)
    end
    if not a then break end
    pos = b
  end
  return out
end

-- words that take an abbreviation point: titles and initials ("Mr.", "Rep.", "J.", "G.K.")
local ABBR = { mr = true, mrs = true, ms = true, dr = true, prof = true, sen = true,
  rep = true, gov = true, gen = true, lt = true, col = true, capt = true, sgt = true,
  rev = true, st = true, jr = true, sr = true, messrs = true, mt = true, ft = true }
M.ABBR = ABBR
-- and the titles the sentences stage knows (data/en/abbreviations_titles.txt: "Maj.",
-- "Cpl.", "Supt.", "Atty.")
M.TITLES = {}
do
  local ok, lines = pcall(function() return require("docpipe").data.list("en/abbreviations_titles.txt") end)
  for _, line in ipairs(ok and type(lines) == "table" and lines or {}) do
    local w = line:match("^%s*(%S+)")
    if w then ABBR[lower(w)] = true; M.TITLES[lower(w)] = true end
  end
end

-- quote characters written twice in a row: typewriter double quotes ('' ``)
local DOUBLED = {
  ["'"] = { fam = "double", side = "both" },
  ["`"] = { fam = "double", side = "open" },
}
M.DOUBLED = DOUBLED

-- The sets of a `with.find` map merged into one map, low form -> bits (bit j - 1: the
-- j-th name in sorted order), so that the tokenizer looks each word up once instead of
-- once per set (docpipe.text.tokens' find_mask and find_names). Built once per `with.find`
-- table (the sets are read then: a caller that changes a set passes a new table). At
-- most 8 sets (the tokenizer's limit).
local masks = setmetatable({}, { __mode = "k" })
local function find_mask(find)
  local m = masks[find]
  if m then return m end
  local names = {}
  for name, set in pairs(find) do
    if type(set) == "table" then names[#names + 1] = name end
  end
  table.sort(names, function(a, b) return tostring(a) < tostring(b) end)
  for j = #names, 9, -1 do names[j] = nil end
  local map = {}
  for j, name in ipairs(names) do
    local bit = 1 << (j - 1)
    for key, v in pairs(find[name]) do
      if v and type(key) == "string" then map[key] = (map[key] or 0) | bit end
    end
  end
  m = { map = map, names = names }
  masks[find] = m
  return m
end
M.find_mask = find_mask

--- Tokenize text. Returns a list of tokens
-- {s, e, t (text), k ("w" word, "q" quote mark, "p" punctuation), low (lower case, ’ as '),
--  cap (first letter upper case), ws (white space before), para (paragraph index),
--  sent (false, set by docpipe.quotes.entities.sentences)}, quote marks with fam
-- ("double", "single") and side ("open", "close", "both"); and the paragraphs.
-- The tokens, with their paragraphs and quote marks, are built in C (docpipe.text.tokens
-- with QUOTE_CHARS and DOUBLED).
-- With `with` (the quotes stage's call), the same C pass also gathers what the stage's
-- later passes would otherwise walk every token for, returned third as found
-- (docpipe.text.tokens' found):
--   with.find, a map name -> set of low forms: found[name], the indices of the words in
--     each set; always found.lower (the set of the words written in lower case),
--     found.cap and found.quote (the indices of the capitalised words and of the quote
--     marks), found.long and found.long_cap (by paragraph, the count of words of four
--     bytes or more and of those capitalised); capitalised words come with their base
--     cached as M.base and M.lower_base give it (base_, poss_, base_low);
--   with.abbrs, a set of low forms: the sentences numbered (sent, as
--     docpipe.quotes.entities.sentences numbers them with abbrs as its titles), with
--     found.sent_first and found.starts;
--   with.ranges, a list of {start, end} byte ranges (the sentences stage's): found.ranges,
--     their token ranges {first, last};
--   with.pool, a list of token tables to fill again (the tokens of an earlier call with
--     the same pool, which must no longer be in use): the i-th token is the pool's i-th
--     table, cleared of the fields it does not get (cap, ws, fam, side, base_, poss_,
--     base_low), and the pool grows as needed. No other field may be stored on a token,
--     and base_, poss_, base_low on capitalised words only (the tokenizer clears those
--     where the table's former token was capitalised); no field the tokenizer set may
--     be changed (it keeps a record of each table's k, cap and ws in pool.fields, and
--     neither reads them back nor writes them again when they keep their value).
--     Building a token table costs most of the tokenizer's time; filling one again
--     about half. The words of with.find are looked up once per word (find_mask).
-- With `with`, cap and ws are left out where they are false (nil, read the same way), so
-- that most token tables take half the memory, and so is e (M.last_byte gives it).
function M.tokenize(text, with)
  local paras = M.paragraphs(text)
  local opts = { paragraphs = paras, quotes = QUOTE_CHARS, doubled = DOUBLED }
  if with then
    local mask = find_mask(with.find or {})
    opts.find_mask, opts.find_names = mask.map, mask.names
    opts.sentences, opts.ranges = with.abbrs, with.ranges
    opts.lower, opts.caps, opts.marks, opts.bases, opts.long = true, true, true, true, 4
    opts.sparse = true
    opts.pool = with.pool
  end
  local toks, found = tokens(text, ABBR, opts)
  return toks, paras, found
end

--- The byte offset of the token's last byte (1-based inclusive): s + #t - 1. The stage's
-- tokens (M.tokenize with `with`) carry no e, one field fewer for the tokenizer to write
-- per token; the few rules that cut text out read it here.
function M.last_byte(tok)
  return tok.s + #tok.t - 1
end

--- Word without a possessive ending ('s, ’s, or a trailing apostrophe token is separate).
-- The ending is an s or S after ' or ’ (U+2019, all three of its bytes go). Cached on
-- capitalised tokens only (base_, poss_), the ones the tokenizer gives them to and clears
-- them on when it fills a pooled table again.
function M.base(tok)
  local b = tok.base_
  if b then return b, tok.poss_ end
  local t = tok.t
  local n = #t
  local last = byte(t, n)
  local poss, cut = false, 0
  if n >= 2 and (last == 115 or last == 83) then  -- 's or ’s (’ is three bytes)
    local before = byte(t, n - 1)   -- read only for a final s: most words have none
    if before == 39 then poss, cut = true, 2
    elseif before == 0x99 and n >= 4 and byte(t, n - 2) == 0x80 and byte(t, n - 3) == 0xE2 then
      poss, cut = true, 4
    end
  end
  b = poss and sub(t, 1, n - cut) or t
  if tok.cap then tok.base_, tok.poss_ = b, poss end   -- cached on a capitalised token
  return b, poss
end

--- The base (M.base) in ASCII lower case with ’ written as ' (not cached).
function M.lower_base(tok)
  local b = lower((M.base(tok)))
  if find(b, "\u{2019}", 1, true) then b = gsub(b, "\u{2019}", "'") end
  return b
end

--- True when the word token is all upper case letters (an acronym like KCNA, NK).
function M.is_acronym(tok)
  -- a word whose first byte is a capital is capitalised (cap): test the flag, then that
  -- byte, first
  if tok.k ~= "w" or not tok.cap or #tok.t < 2 then return false end
  local b = byte(tok.t, 1)   -- the pattern needs a capital first
  return b >= 65 and b <= 90 and tok.t:find("^[A-Z][A-Z0-9&%.]*$") ~= nil
    and tok.t:find("%u.*%u") ~= nil
end

return M
