--- Tokens for the quotes stage.
--
-- Splits a document text into word, quote-mark and punctuation tokens, each with its
-- byte span, its paragraph and a few flags the attribution rules need (capitalised,
-- possessive, white space before). Pure Lua over UTF-8 (invalid bytes count as
-- punctuation); words keep inner ' ’ - . (don't, In-ho, U.S., 3.5) as the contract's
-- `dp.text.words` does. Paragraphs are blocks separated by blank lines.
--
-- Units: byte offsets, 1-based inclusive (`tok.s`, `tok.e`).
-- @module docpipe.quotes.text

local byte, sub, lower, find = string.byte, string.sub, string.lower, string.find

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

--- Decode the code point at byte i: returns cp, byte length (invalid byte: nil, 1).
local function decode(s, i)
  local c = byte(s, i)
  if not c then return nil, 0 end
  if c < 0x80 then return c, 1 end
  local n, cp
  if c >= 0xF0 and c < 0xF8 then n, cp = 4, c & 0x07
  elseif c >= 0xE0 then n, cp = 3, c & 0x0F
  elseif c >= 0xC2 and c < 0xE0 then n, cp = 2, c & 0x1F
  else return nil, 1 end
  for k = 1, n - 1 do
    local cc = byte(s, i + k)
    if not cc or cc < 0x80 or cc > 0xBF then return nil, 1 end
    cp = (cp << 6) | (cc & 0x3F)
  end
  return cp, n
end
M.decode = decode

local function is_space(cp)
  return cp == 32 or (cp >= 9 and cp <= 13) or cp == 0xA0 or cp == 0x1680
    or (cp >= 0x2000 and cp <= 0x200B) or cp == 0x2028 or cp == 0x2029
    or cp == 0x202F or cp == 0x205F or cp == 0x3000 or cp == 0xFEFF
end

local function is_wordchar(cp)
  if not cp then return false end
  if cp < 0x80 then
    return (cp >= 48 and cp <= 57) or (cp >= 65 and cp <= 90) or (cp >= 97 and cp <= 122)
  end
  if cp < 0xC0 then return cp == 0xAA or cp == 0xB5 or cp == 0xBA end
  if cp == 0xD7 or cp == 0xF7 then return false end
  if cp >= 0x2000 and cp <= 0x2BFF then return false end   -- punctuation, symbols
  if cp >= 0x3000 and cp <= 0x303F then return false end
  if cp >= 0xFE30 and cp <= 0xFE4F then return false end
  if cp >= 0xFF00 and cp <= 0xFF0F then return false end
  return not is_space(cp)
end

--- True when code point cp is an upper-case letter (ASCII, Latin-1, Latin Extended-A,
-- Greek, Cyrillic; other scripts count as not upper case).
local function is_upper(cp)
  if not cp then return false end
  if cp >= 65 and cp <= 90 then return true end
  if cp >= 0xC0 and cp <= 0xDE then return cp ~= 0xD7 end
  if cp >= 0x100 and cp <= 0x17F then return cp % 2 == 0 and cp ~= 0x138 end
  if cp >= 0x391 and cp <= 0x3A9 then return true end
  if cp >= 0x400 and cp <= 0x42F then return true end
  return false
end
M.is_upper = is_upper

local JOINERS = { [39] = true, [0x2019] = true, [45] = true, [46] = true, [0x2011] = true }

-- byte tables for the ASCII fast paths of the tokenizer (same classes as is_space and
-- is_wordchar give for code points below 0x80)
local ASCII_SPACE, ASCII_WORD = {}, {}
for c = 9, 13 do ASCII_SPACE[c] = true end
ASCII_SPACE[32] = true
for c = 48, 57 do ASCII_WORD[c] = true end
for c = 65, 90 do ASCII_WORD[c] = true end
for c = 97, 122 do ASCII_WORD[c] = true end
local ASCII_CHAR = {}
for c = 0, 127 do ASCII_CHAR[c] = string.char(c) end

-- Split a block at single line breaks that end a paragraph: the line before ends a
-- sentence (or a quotation), or the next line opens a quotation. Hard-wrapped lines,
-- which end mid-sentence, stay together.
local LINE_END = { [46] = true, [33] = true, [63] = true, [58] = true, [34] = true, [41] = true }
local function split_lines(text, s, e, out)
  local start = s
  local pos = s
  while true do
    local nl = text:find("\n", pos, true)
    if not nl or nl > e then break end
    local a = nl - 1
    while a >= start and text:sub(a, a):find("[ \t\r]") do a = a - 1 end
    local b = nl + 1
    while b <= e and text:sub(b, b):find("[ \t\r]") do b = b + 1 end
    local last = a >= start and byte(text, a) or nil
    local tail = text:sub(math.max(start, a - 2), a)
    local head = text:sub(b, b + 2)
    local ends = (last and LINE_END[last]) or tail:find("\u{201D}$") or tail:find("\u{2019}$")
      or tail:find("\u{00BB}$") or tail:find("\u{2026}$")
    local opens = head:find("^\"") or head:find("^\u{201C}") or head:find("^\u{00AB}")
      or head:find("^\u{2018}")
    if a >= start and b <= e and (ends or opens) then
      out[#out + 1] = { s = start, e = a }
      start = b
    end
    pos = nl + 1
  end
  out[#out + 1] = { s = start, e = e }
end

--- Paragraph spans: list of {s, e} (trimmed). Paragraphs are blocks separated by blank
-- lines; inside a block a single line break also separates paragraphs when the line
-- before ends a sentence or the next line opens a quotation.
function M.paragraphs(text)
  local out, pos, n = {}, 1, #text
  while pos <= n do
    local a, b = text:find("\n[ \t\r]*\n", pos)
    local e = a and a - 1 or n
    local seg = sub(text, pos, e)
    local l = seg:find("%S")
    if l then
      local r = #seg - seg:reverse():find("%S") + 1
      split_lines(text, pos + l - 1, pos + r - 1, out)
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

--- Tokenize text. Returns a list of tokens
-- {s, e, t (text), k ("w" word, "q" quote mark, "p" punctuation), low (lower case, ’ as '),
--  cap (first letter upper case), ws (white space before), para (paragraph index)}.
function M.tokenize(text)
  -- Lua calls into C (byte, find, sub) dominate here: each token costs as few of them
  -- as possible (ASCII runs are matched with one find, the byte after a word is kept)
  local toks, nt = {}, 0
  local paras = M.paragraphs(text)
  local pi = 1
  local para = paras[1]
  local i = 1
  local ws = true
  local b0 = byte(text, 1)
  while b0 do
    local cp, len
    if b0 < 0x80 then cp, len = b0, 1 else cp, len = decode(text, i) end
    if ASCII_SPACE[b0] then
      ws = true
      local nb = byte(text, i + 1)
      if nb and ASCII_SPACE[nb] then
        local _, e = find(text, "^[ \t\n\v\f\r]+", i)   -- a run of white space at once
        i = e + 1
        b0 = byte(text, i)
      else
        i = i + 1
        b0 = nb
      end
    elseif b0 >= 0x80 and cp and is_space(cp) then
      ws = true
      i = i + len
      b0 = byte(text, i)
    elseif ASCII_WORD[b0] or (b0 >= 0x80 and is_wordchar(cp)) then
      local s = i
      local j, c
      local nonascii = b0 >= 0x80
      if nonascii then
        j = i + len
      else
        local _, e = find(text, "^[0-9A-Za-z]+", i)   -- the ASCII run at once
        j = e + 1
      end
      c = byte(text, j)
      while c do
        if c < 0x80 then
          if ASCII_WORD[c] then
            local _, e = find(text, "^[0-9A-Za-z]+", j)
            j = e + 1
            c = byte(text, j)
          elseif c == 39 or c == 45 or c == 46 then      -- ' - . inside a word
            local c3 = byte(text, j + 1)
            if c3 and (ASCII_WORD[c3] or (c3 >= 0x80 and is_wordchar((decode(text, j + 1))))) then
              j = j + 1
              c = c3
            else
              break
            end
          else
            break
          end
        else
          local c2, l2 = decode(text, j)
          if is_wordchar(c2) then
            nonascii = true
            j = j + l2
            c = byte(text, j)
          elseif c2 and JOINERS[c2] then
            local c3 = decode(text, j + l2)
            if is_wordchar(c3) then
              nonascii = true
              j = j + l2
              c = byte(text, j)
            else
              break
            end
          else
            break
          end
        end
      end
      local t = sub(text, s, j - 1)
      while para and para.e < s do pi = pi + 1; para = paras[pi] end
      local low = lower(t)
      if nonascii then low = low:gsub("\u{2019}", "'") end
      if c == 46 and (ABBR[low] or t:find("^%u$") or t:find("^%u%.%u[%.%u]*$")) then
        t = t .. "."
        j = j + 1
        c = byte(text, j)
      end
      nt = nt + 1
      -- sent (set by docpipe.quotes.entities.sentences) is given a slot here so that the
      -- token table is sized once
      toks[nt] = { s = s, e = j - 1, t = t, k = "w", low = low,
        cap = is_upper(cp), ws = ws, para = pi, sent = false }
      ws = false
      i = j
      b0 = c
    else
      local t = b0 < 0x80 and ASCII_CHAR[b0] or sub(text, i, i + len - 1)
      while para and para.e < i do pi = pi + 1; para = paras[pi] end
      local q = QUOTE_CHARS[t]
      if b0 == 39 or b0 == 96 then
        local pair = sub(text, i, i + 1)
        if pair == "''" or pair == "``" then  -- typewriter double quotes
          t, len = pair, 2
          q = { fam = "double", side = pair == "``" and "open" or "both" }
        end
      end
      nt = nt + 1
      if q then
        toks[nt] = { s = i, e = i + len - 1, t = t, k = "q", low = t,
          cap = false, ws = ws, para = pi, fam = q.fam, side = q.side, sent = false }
      else
        toks[nt] = { s = i, e = i + len - 1, t = t, k = "p", low = t,
          cap = false, ws = ws, para = pi, sent = false }
      end
      ws = false
      i = i + len
      b0 = byte(text, i)
    end
  end
  return toks, paras
end

--- Word without a possessive ending ('s, ’s, or a trailing apostrophe token is separate).
function M.base(tok)
  local b = tok.base_
  if b then return b, tok.poss_ end
  local t = tok.t
  b = t:gsub("['\u{2019}][sS]$", "")
  tok.base_, tok.poss_ = b, b ~= t   -- cached on the token
  return b, b ~= t
end

--- True when the word token is all upper case letters (an acronym like KCNA, NK).
function M.is_acronym(tok)
  return tok.k == "w" and #tok.t >= 2 and tok.t:find("^[A-Z][A-Z0-9&%.]*$") ~= nil
    and tok.t:find("%u.*%u") ~= nil
end

return M
