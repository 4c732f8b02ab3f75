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

local byte, sub, lower = string.byte, string.sub, string.lower

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

--- Tokenize text. Returns a list of tokens
-- {s, e, t (text), k ("w" word, "q" quote mark, "p" punctuation), low (lower case, ’ as '),
--  cap (first letter upper case), ws (white space before), para (paragraph index)}.
function M.tokenize(text)
  local toks = {}
  local paras = M.paragraphs(text)
  local pi = 1
  local i, n = 1, #text
  local ws = true
  while i <= n do
    local cp, len = decode(text, i)
    if cp and is_space(cp) then
      ws = true
      i = i + len
    elseif is_wordchar(cp) then
      local s = i
      local j = i + len
      while j <= n do
        local c2, l2 = decode(text, j)
        if is_wordchar(c2) then
          j = j + l2
        elseif c2 and JOINERS[c2] then
          local c3 = decode(text, j + l2)
          if is_wordchar(c3) then j = j + l2 else break end
        else
          break
        end
      end
      local t = sub(text, s, j - 1)
      while paras[pi] and paras[pi].e < s do pi = pi + 1 end
      local low = lower(t):gsub("\u{2019}", "'")
      if byte(text, j) == 46 and (ABBR[low] or t:find("^%u$") or t:find("^%u%.%u[%.%u]*$")) then
        t = t .. "."
        j = j + 1
      end
      toks[#toks + 1] = { s = s, e = j - 1, t = t, k = "w", low = low,
        cap = is_upper(cp), ws = ws, para = pi }
      ws = false
      i = j
    else
      local t = sub(text, i, i + len - 1)
      while paras[pi] and paras[pi].e < i do pi = pi + 1 end
      local q = QUOTE_CHARS[t]
      local pair = sub(text, i, i + 1)
      if pair == "''" or pair == "``" then  -- typewriter double quotes
        t, len = pair, 2
        q = { fam = "double", side = pair == "``" and "open" or "both" }
      end
      toks[#toks + 1] = { s = i, e = i + len - 1, t = t, k = q and "q" or "p", low = t,
        cap = false, ws = ws, para = pi, fam = q and q.fam, side = q and q.side }
      ws = false
      i = i + len
    end
  end
  return toks, paras
end

--- Word without a possessive ending ('s, ’s, or a trailing apostrophe token is separate).
function M.base(tok)
  local t = tok.t
  local b = t:gsub("['\u{2019}][sS]$", "")
  return b, b ~= t
end

--- True when the word token is all upper case letters (an acronym like KCNA, NK).
function M.is_acronym(tok)
  return tok.k == "w" and #tok.t >= 2 and tok.t:find("^[A-Z][A-Z0-9&%.]*$") ~= nil
    and tok.t:find("%u.*%u") ~= nil
end

return M
