--- sentences: split doc.text into sentences (rule-based sentence boundary detection).
--
-- Input: doc.text. Output: doc.sentences, a list of {text, start, end}.
-- Each paragraph (a block of doc.text between blank lines; a line of spaces counts as
-- blank) is split on its own: no sentence runs over a paragraph break, none joins two.
-- A sentence's span start..end is trimmed of white space. `text` is that span, except that
-- (with the default join_lines = true) each run of white space holding a line break is
-- written as one space ("a cold \nnight" -> "a cold night"); so
-- doc.text:sub(start, end) == text for every sentence without a line break in it.
--
-- Method: in the spirit of the Pragmatic Segmenter (Kevin Dias, diasks2/pragmatic_segmenter,
-- and its English Golden Rules), written afresh. Candidate boundaries are found with
-- string.find: runs of . ! ? … ‼ and full-width stops, with the closing quotes, brackets
-- and reference marks ([1]) after them, and line breaks. Each is decided from the token
-- before it and the word after it, with word lists from data/<language>/:
--   * general abbreviations (abbreviations.txt + option `abbreviations`, and multi-period
--     ones made of 1-2 letter parts: U.S., e.g., Ph.D.) end a sentence only before a
--     capitalised sentence starter (sentence_starters.txt): "in the U.S. The ..." splits,
--     "the U.S. Government" does not;
--   * titles (abbreviations_titles.txt: Mr., Gov., Sen.) never end one before a name, a
--     number or a quote; abbreviations_numeric.txt (No., p., Fig.) count only before a
--     number ("She said no. The ..." splits);
--   * a.m./p.m. (abbreviations_time.txt) end one before a capitalised word, unless it is a
--     day, month or zone (sentences_time_followers.txt) or the time closes a short opening
--     phrase (sentences_time_openers.txt: "At 5 a.m. Mr. Smith went ...");
--   * a single capital letter is an initial after a capitalised word ("Jonas E. Smith"),
--     at the start of a sentence, before another initial, or after a word of
--     sentences_initial_preceders.txt ("by J. Smith"); else it ends the sentence before a
--     capitalised word ("size M. Returns are free."); "I" after a lowercase word is the
--     pronoun ("you and I. Did ...");
--   * a period inside a token (decimals, money, versions, dates, URLs, e-mail addresses)
--     is no boundary, except "word.Word" run together ("Hello world.Today is ...");
--   * ! and ? end a sentence before a capitalised word or a digit, but not inside an open
--     quotation or bracket (tracked over the paragraph; a straight ' opens one only when a
--     closing ' follows), not before "(", and not after names like Yahoo!
--     (sentences_exclamation_names.txt) unless a sentence starter follows; a dash between
--     the mark and the capitalised word is skipped;
--   * after any stop (and closing quotes) a lowercase word continues the sentence
--     ("Why now?" she asked.); a period inside a quotation ends a sentence as in newswire
--     gold ("“We are ready. The talks start Monday,” he said." is two sentences);
--   * ellipses: "..." or "…" attached to a word ends a sentence before a capitalised word;
--     a free-standing, spaced or bracketed one ("really ... well", ". . .", "[...]") does
--     not; a spaced four-dot ellipsis does; in "word. . . . The" the sentence ends after
--     "word." and the next one starts with ". . .";
--   * lists: markers (1. 1) 1.) a. a) (a)) and bullets (• ‣ ⁃ ◦ ▪ ● ■) start a new
--     sentence at the start of a line, and in running text when they form a sequence
--     (1, 2, 3 or a, b, c) that starts at a line start or after a stop; a marker's own
--     period is no boundary; a capital letter after a capitalised word is an initial,
--     not a marker ("John A. Smith");
--   * a line break inside a paragraph after a line without a final stop ends a sentence
--     (a headline or list line) before a capitalised word, digit, quote or bullet, unless
--     the line ends in , ; - & ( / or a word of sentences_line_continuations.txt, or the
--     paragraph is hard-wrapped there (the next line's first word would not have fitted
--     on the line, with lines of 50+ bytes); before a lowercase word it is a wrapped line,
--     unless no later line of the paragraph ends with . ! ? : or ; (then the lines are a
--     list: "features\ncontact manager\nevents"). A period at a line end followed by a
--     lowercase word still ends the sentence unless it follows an abbreviation.
-- The scan is linear: string.find over the paragraph, no per-character tables; tokens
-- longer than 256 bytes are looked at by their last 256 bytes.
--
-- Options: language (data files under data/<language>/), abbreviations (extra general
-- abbreviations, without the final period), join_lines.
-- M.split(text [, opts]) returns the sentence list of any string (offsets into it).
--
-- Units: byte offsets, 1-based inclusive, into doc.text (into `text` for M.split).

local dp = require "docpipe"

local find, sub, byte, match, gsub = string.find, string.sub, string.byte, string.match, string.gsub
local lower, upper = string.lower, string.upper
local gmatch = string.gmatch
local sort, concat = table.sort, table.concat
local max = math.max

-- Multi-byte stops: the kind of each 3-byte UTF-8 sequence.
local MB_STOP = {
  ["\226\128\166"] = "ell",   -- … horizontal ellipsis
  ["\226\128\188"] = "excl",  -- ‼
  ["\226\129\135"] = "excl",  -- ⁇
  ["\226\129\136"] = "excl",  -- ⁈
  ["\226\129\137"] = "excl",  -- ⁉
  ["\239\188\129"] = "excl",  -- ！ full-width
  ["\239\188\159"] = "excl",  -- ？ full-width
  ["\239\188\142"] = "dot",   -- ． full-width full stop
  ["\227\128\130"] = "dot",   -- 。 ideographic full stop
}

-- Closing quotes and brackets that may follow a stop (multi-byte ones).
local MB_CLOSE = {
  ["\226\128\157"] = true,  -- ”
  ["\226\128\153"] = true,  -- ’ (an apostrophe when a letter follows)
  ["\226\128\186"] = true,  -- ›
}

-- Opening quotes and brackets skipped before a word.
local MB_OPEN = {
  ["\226\128\156"] = "q",  -- “
  ["\226\128\152"] = "q",  -- ‘
  ["\226\128\185"] = "q",  -- ‹
  ["\226\128\158"] = "q",  -- „
}

local BULLETS = {
  "\226\128\162", -- •
  "\226\128\163", -- ‣
  "\226\129\131", -- ⁃
  "\226\151\166", -- ◦
  "\226\150\170", -- ▪
  "\226\151\143", -- ●
  "\226\150\160", -- ■
}
local BULLET_SET = {}
for _, b in ipairs(BULLETS) do BULLET_SET[b] = true end

local DASHES = { ["-"] = true, ["--"] = true, ["\226\128\147"] = true, ["\226\128\148"] = true }

local rules_cache = {}

local function is_space(b)
  return b == 32 or (b ~= nil and b >= 9 and b <= 13)
end

local function is_alpha(b)
  return b ~= nil and ((b >= 65 and b <= 90) or (b >= 97 and b <= 122))
end

local function is_alnum(b)
  return b ~= nil and ((b >= 48 and b <= 57) or (b >= 65 and b <= 90) or (b >= 97 and b <= 122) or b >= 128)
end

--- Class of the character at q: "upper", "lower", "digit", "other" or "end".
local function char_class(s, q)
  local b = byte(s, q)
  if not b then return "end" end
  if b >= 65 and b <= 90 then return "upper" end
  if b >= 97 and b <= 122 then return "lower" end
  if b >= 48 and b <= 57 then return "digit" end
  if b == 195 then -- Latin-1 letters
    local b2 = byte(s, q + 1) or 0
    if b2 >= 128 and b2 <= 158 and b2 ~= 151 then return "upper" end
    if b2 >= 159 and b2 ~= 183 then return "lower" end
  elseif b >= 196 and b <= 197 then
    -- Latin Extended-A: capitals are the even code points, the odd ones in two ranges
    local cp = (b - 192) * 64 + ((byte(s, q + 1) or 128) - 128)
    local odd_upper = (cp >= 0x139 and cp <= 0x148) or (cp >= 0x179 and cp <= 0x17E)
    if cp == 0x138 or cp == 0x149 then return "lower" end
    if cp == 0x178 then return "upper" end
    return ((cp % 2 == 1) == odd_upper) and "upper" or "lower"
  elseif b >= 206 and b <= 211 then -- Greek and Cyrillic
    local cp = (b - 192) * 64 + ((byte(s, q + 1) or 128) - 128)
    if (cp >= 0x391 and cp <= 0x3A9) or (cp >= 0x400 and cp <= 0x42F) then return "upper" end
    if (cp >= 0x3AC and cp <= 0x3CE) or (cp >= 0x430 and cp <= 0x45F) then return "lower" end
  end
  return "other"
end

--- Add a word to a set as written, capitalised and in capitals.
local function add_variants(set, w)
  w = gsub(w, "%.$", "")
  if w == "" then return end
  set[w] = true
  set[upper(w)] = true
  set[upper(sub(w, 1, 1)) .. sub(w, 2)] = true
end

local function read_list(path, required)
  local ok, list = pcall(dp.data.list, path)
  if ok and type(list) == "table" then return list end
  if required then
    error("sentences: no data file '" .. path .. "' (language data missing?)", 0)
  end
  return {}
end

--- Build (and cache) the rule tables for a language and extra abbreviations.
local function build_rules(language, extra)
  language = language or "en"
  local key = language
  if extra and #extra > 0 then key = language .. "\0" .. concat(extra, "\0") end
  if rules_cache[key] then return rules_cache[key] end
  local R = { abbr = {}, titles = {}, numeric = {}, time = {}, starters = {},
              time_followers = {}, time_openers = {}, continuations = {}, initial_preceders = {},
              excl_names = {} }
  local d = language .. "/"
  for _, w in ipairs(read_list(d .. "abbreviations.txt", true)) do add_variants(R.abbr, w) end
  for _, w in ipairs(extra or {}) do add_variants(R.abbr, tostring(w)) end
  for _, w in ipairs(read_list(d .. "abbreviations_titles.txt")) do add_variants(R.titles, w) end
  for _, w in ipairs(read_list(d .. "abbreviations_numeric.txt")) do add_variants(R.numeric, w) end
  for _, w in ipairs(read_list(d .. "abbreviations_time.txt")) do add_variants(R.time, w) end
  for _, w in ipairs(read_list(d .. "sentences_exclamation_names.txt")) do add_variants(R.excl_names, w) end
  for _, w in ipairs(read_list(d .. "sentence_starters.txt")) do R.starters[lower(w)] = true end
  for _, w in ipairs(read_list(d .. "sentences_time_followers.txt")) do R.time_followers[lower(w)] = true end
  for _, w in ipairs(read_list(d .. "sentences_time_openers.txt")) do R.time_openers[lower(w)] = true end
  for _, w in ipairs(read_list(d .. "sentences_line_continuations.txt")) do R.continuations[lower(w)] = true end
  for _, w in ipairs(read_list(d .. "sentences_initial_preceders.txt")) do R.initial_preceders[lower(w)] = true end
  rules_cache[key] = R
  return R
end

--- Kind of the token before a period: "title", "numeric", "time", "abbr", "initial"
-- or "regular".
local function token_kind(R, tok)
  if tok == "" then return "regular" end
  if R.titles[tok] then return "title" end
  if R.numeric[tok] then return "numeric" end
  if R.time[tok] then return "time" end
  if R.abbr[tok] then return "abbr" end
  if find(tok, "^%u$") then return "initial" end
  if find(tok, "^%l$") then return "abbr" end
  -- multi-period abbreviation made of one- or two-letter parts: U.S, e.g, Ph.D, U.S.A
  if find(tok, "^%a%a?%.[%a%.]*$") and not find(tok, "%a%a%a") and not find(tok, "%.%.") then
    return "abbr"
  end
  -- the last part of a compound: "D-Calif", "(R-Wash"
  local tail = match(tok, "[%-/]([^%-/]+)$")
  if tail then
    if R.titles[tail] then return "title" end
    if R.abbr[tail] then return "abbr" end
  end
  return "regular"
end

local MAX_TOKEN = 256 -- longer tokens are cut here (keeps the scan linear on blobs)

--- Start of the non-space token that ends at position e (at most MAX_TOKEN bytes back).
local function token_start(s, e)
  local i = e
  local stop = e - MAX_TOKEN
  while i >= 1 and i > stop and not is_space(byte(s, i)) do i = i - 1 end
  return i + 1
end

--- Skip opening quotes and brackets at q. Returns the new position, whether a quote
-- and whether a bracket was skipped.
local function skip_openers(s, q, stop)
  local quote, paren = false, false
  while q <= stop do
    local b = byte(s, q)
    if b == 34 or b == 39 or b == 96 then quote = true; q = q + 1
    elseif b == 40 or b == 91 or b == 123 then paren = true; q = q + 1
    elseif b == 194 and byte(s, q + 1) == 171 then quote = true; q = q + 2 -- «
    elseif b == 226 and MB_OPEN[sub(s, q, q + 2)] then quote = true; q = q + 3
    else break end
  end
  return q, quote, paren
end

--- Last position of the closing quotes/brackets that directly follow position e.
local function skip_closers(s, e)
  while true do
    local b = byte(s, e + 1)
    if b == 34 or b == 41 or b == 93 or b == 125 then
      e = e + 1
    elseif b == 39 then
      if is_alnum(byte(s, e + 2)) then break end -- an apostrophe: Jr.'s
      e = e + 1
    elseif b == 194 and byte(s, e + 2) == 187 then -- »
      e = e + 2
    elseif b == 226 and MB_CLOSE[sub(s, e + 1, e + 3)] then
      if sub(s, e + 1, e + 3) == "\226\128\153" and is_alnum(byte(s, e + 4)) then break end
      e = e + 3
    else
      break
    end
  end
  return e
end

--- Whether the line ending at position e (last non-space byte) ends with a stop,
-- possibly followed by closing quotes/brackets (with `colon`, also : or ;).
local function line_ends_with_stop(s, e, colon)
  local i = e
  while i >= 1 do
    local b = byte(s, i)
    if b == 34 or b == 39 or b == 41 or b == 93 or b == 125 then
      i = i - 1
    elseif b >= 128 and i >= 3 and MB_CLOSE[sub(s, i - 2, i)] then
      i = i - 3
    elseif b == 187 and byte(s, i - 1) == 194 then
      i = i - 2
    else
      break
    end
  end
  local b = byte(s, i)
  if b == 46 or b == 33 or b == 63 then return true end
  if colon and (b == 58 or b == 59) then return true end
  if b and b >= 128 and i >= 3 and MB_STOP[sub(s, i - 2, i)] then return true end
  return false
end

-- Quotation tracker: is position p inside an open quotation or bracket? Scans the
-- quote marks and brackets of the paragraph incrementally (asked-for positions must not
-- decrease). A straight ' opens a quotation only when a closing ' follows later in the
-- paragraph (else it is an elision: 'round, 'nineties).
local function new_quote_tracker(s)
  local T = { dq = false, cq = 0, sq = 0, gq = 0, br = 0 }
  local last_close -- lazily: position of the last ' that can close a quotation
  local function closing_after(a)
    if not last_close then
      last_close = 0
      local p = 1
      while true do
        local c = find(s, "%S'[^%w]", p) or find(s, "%S'$", p)
        if not c then break end
        last_close = c + 1
        p = c + 2
      end
    end
    return last_close > a
  end
  local QUOTE_SET = "[\"'`%(%)%[%]\194\226]"
  local nextq = find(s, QUOTE_SET, 1) -- next quote mark or bracket not yet read
  function T.inside(p)
    while nextq and nextq <= p do
      local a = nextq
      local b = byte(s, a)
      local prev, nb = byte(s, a - 1), nil
      local opening_ctx = (a == 1) or is_space(prev) or prev == 40 or prev == 91 or prev == 45
      local width = 1
      if b == 34 then
        T.dq = opening_ctx
      elseif b == 40 or b == 91 then
        T.br = T.br + 1
      elseif b == 41 or b == 93 then
        if T.br > 0 then T.br = T.br - 1 end
      elseif b == 96 then
        T.sq = T.sq + 1
      elseif b == 39 then
        nb = byte(s, a + 1)
        if is_alnum(prev) and is_alnum(nb) then
          -- apostrophe inside a word
        elseif opening_ctx and nb and not is_space(nb) then
          if closing_after(a) then T.sq = T.sq + 1 end
        elseif T.sq > 0 then
          T.sq = T.sq - 1
        end
      elseif b == 194 then
        local b2 = byte(s, a + 1)
        if b2 == 171 then T.gq = T.gq + 1; width = 2
        elseif b2 == 187 then T.gq = max(0, T.gq - 1); width = 2 end
      else -- 226
        local t = sub(s, a, a + 2)
        if t == "\226\128\156" then T.cq = T.cq + 1; width = 3
        elseif t == "\226\128\157" then T.cq = max(0, T.cq - 1); width = 3
        elseif t == "\226\128\152" then T.sq = T.sq + 1; width = 3
        elseif t == "\226\128\153" then
          nb = byte(s, a + 3)
          if not (is_alnum(prev) and is_alnum(nb)) and T.sq > 0 then T.sq = T.sq - 1 end
          width = 3
        end
      end
      nextq = find(s, QUOTE_SET, a + width)
    end
    return T.dq or T.cq > 0 or T.sq > 0 or T.gq > 0 or T.br > 0
  end
  return T
end

--- Find list markers and bullets in a paragraph. Returns the sorted positions before
-- which a sentence must start, and the set of marker periods that are no boundary.
local function list_markers(s)
  local forced, suppress = {}, {}
  -- bullets in running text start a new item
  for _, bl in ipairs(BULLETS) do
    local p = 1
    while true do
      local a = find(s, bl, p, true)
      if not a then break end
      if a > 1 and is_space(byte(s, a - 1)) then forced[#forced + 1] = a end
      p = a + #bl
    end
  end
  -- markers: 1. 1) 1.) a. a) (a)
  local cands = {}
  local p = 1
  while true do
    local a, e, w, punct = find(s, "%f[%w](%w+)([%.%)]%)?)%s", p)
    if not a then break end
    p = e
    local len = #w
    local kind
    if find(w, "^%d+$") and len <= 3 then kind = "num"
    elseif len == 1 and find(w, "^%l$") then kind = "lower"
    elseif len == 1 then kind = "upper" end
    if kind then
      local start = a
      local style = punct
      if byte(s, a - 1) == 40 and punct == ")" then -- (a)
        start = a - 1
        style = "()"
      end
      -- what precedes the marker: a bullet, a line start, a stop, or a word
      local item = start
      local i = start - 1
      while i >= 1 and (byte(s, i) == 32 or byte(s, i) == 9) do i = i - 1 end
      local at_bullet = i >= 3 and BULLET_SET[sub(s, i - 2, i)]
      if at_bullet then
        item = i - 2
        i = item - 1
        while i >= 1 and (byte(s, i) == 32 or byte(s, i) == 9) do i = i - 1 end
      end
      local pb = byte(s, i)
      local line_start = (i == 0) or pb == 10 or pb == 13
      -- the marker must stand apart: after a line start, a bullet or some space
      if line_start or at_bullet or i < start - 1 then
        local after_stop = false
        if not line_start then
          local j = i
          while j >= 1 do
            local c = byte(s, j)
            if c == 34 or c == 39 or c == 41 or c == 93 then j = j - 1
            elseif c >= 128 and j >= 3 and MB_CLOSE[sub(s, j - 2, j)] then j = j - 3
            else break end
          end
          local c = byte(s, j)
          after_stop = c == 46 or c == 33 or c == 63
        end
        local prev_cap = false
        if not line_start and not at_bullet then
          local ws = token_start(s, i)
          prev_cap = char_class(s, ws) == "upper"
        end
        local value = kind == "num" and tonumber(w) or byte(w)
        cands[#cands + 1] = {
          start = start, item = item, value = value, style = kind .. style,
          line_start = line_start or at_bullet, after_stop = after_stop,
          period = (punct == "." or punct == ".)") and (a + len) or nil,
          letter = (kind == "upper"),
          initial = (kind == "upper") and prev_cap, -- "John A. Smith": an initial, not a list
        }
      end
    end
  end
  -- whether a later candidate continues each one (same style, next value)
  local seen = {}
  for k = #cands, 1, -1 do
    local c = cands[k]
    c.has_next = seen[c.style .. ":" .. (c.value + 1)] or false
    seen[c.style .. ":" .. c.value] = true
  end
  local last
  for _, c in ipairs(cands) do
    local accept = false
    if c.initial then
      accept = false
    elseif c.line_start then
      accept = true
    elseif last and c.style == last.style and c.value == last.value + 1 then
      accept = true
    elseif c.after_stop or (last and (c.value == 1 or c.value == 97 or c.value == 65)) then
      -- a list starting after a stop, or a new list right after another one
      accept = c.has_next
    end
    if accept then
      last = c
      if c.period then suppress[c.period] = true end
      -- a capital-letter marker alone at a line start may be an initial: no forced break
      if c.item > 1 and not (c.letter and c.line_start and not c.after_stop) then
        forced[#forced + 1] = c.item
      end
    end
  end
  sort(forced)
  return forced, suppress
end

--- Split one paragraph s (trimmed) into sentence end positions (inclusive).
local function split_paragraph(R, s)
  local n = #s
  local breaks = {}
  local forced, suppress = list_markers(s)
  for _, f in ipairs(forced) do breaks[#breaks + 1] = f - 1 end
  local fi = 1
  local cur = 1                       -- start of the current sentence
  local quotes = new_quote_tracker(s)
  local last_stop_line                -- lazily: end of the last line ending with a stop
  local wrap_width                    -- lazily: the longest line of the paragraph (bytes)

  -- Was the line ending at i (break at a, next line at q) wrapped by a fixed width? True
  -- when the next line's first word would not have fitted on it (greedy wrapping).
  local function wrapped(i, a, q)
    if not wrap_width then
      wrap_width = 0
      local p = 1
      while true do
        local lb = find(s, "[\r\n]", p)
        local len = (lb or (n + 1)) - p
        if len > wrap_width then wrap_width = len end
        if not lb then break end
        p = lb + 1
      end
    end
    if wrap_width < 50 then return false end
    local ls = i
    while ls >= 1 and byte(s, ls) ~= 10 and byte(s, ls) ~= 13 do ls = ls - 1 end
    local _, we = find(s, "^%S+", q)
    return (i - ls) + 1 + (we - q + 1) > wrap_width
  end

  -- Start of the token that ends just before the candidate at a (a never decreases):
  -- the white space of the paragraph is read once, ahead of the scan.
  local last_ws, ws_next = 0, find(s, "%s", 1)
  local function token_before(a)
    while ws_next and ws_next < a do
      last_ws = ws_next
      ws_next = find(s, "%s", ws_next + 1)
    end
    return max(last_ws + 1, a - MAX_TOKEN, cur)
  end

  local function add_break(e)
    breaks[#breaks + 1] = e
    cur = e + 1
  end

  local function sync_forced(p)
    while forced[fi] and forced[fi] <= p do
      if forced[fi] > cur then cur = forced[fi] end
      fi = fi + 1
    end
  end

  -- Information about the word at q (after white space): class, word, flags.
  local function next_word(q)
    local q2, quote, paren = skip_openers(s, q, n)
    local cls = char_class(s, q2)
    local w = match(s, "^%a+", q2)
    return cls, w, quote, paren, q2
  end

  -- Is the token starting at ts the first token of the current sentence?
  local function sentence_initial(ts)
    local f = find(s, "%S", cur)
    return f == nil or f >= ts
  end

  -- The word before position ts (skipping spaces), without surrounding punctuation.
  local function previous_word(ts)
    local i = ts - 1
    while i >= 1 and is_space(byte(s, i)) do i = i - 1 end
    if i < cur or i < 1 then return nil end
    local a = token_start(s, i)
    local w = sub(s, a, i)
    w = gsub(w, "^[%(%[\"'`]+", "")
    return w
  end

  -- Does a time at token ts close a short opening phrase ("At 5 a.m.")?
  local function fronted_time(ts)
    local head = sub(s, cur, ts - 1)
    local count, first, second = 0, nil, nil
    for w in gmatch(head, "%S+") do
      count = count + 1
      if count == 1 then first = lower(w) elseif count == 2 then second = lower(w) end
      if count > 4 then return false end
    end
    if count == 0 then return false end
    return (first and R.time_openers[first]) or (second and R.time_openers[second]) or false
  end

  -- Decide a single period whose token is tok (starting at ts, openers stripped); q is
  -- the next non-space position after the stop and its closers, nl whether the white
  -- space before q holds a line break.
  local function period_boundary(tok, ts, q, nl)
    local kind = token_kind(R, tok)
    local cls, w, quote, paren, q2 = next_word(q)
    if kind == "regular" and nl then return true end -- a stop at a line end
    if cls == "lower" then return false end
    if kind == "regular" then return true end
    if kind == "title" then return false end
    if kind == "numeric" then
      if cls == "digit" then return false end
      return cls == "upper"
    end
    if cls == "digit" then return false end
    if paren then return false end
    if kind == "abbr" then
      if cls ~= "upper" then return false end
      return (w and R.starters[lower(w)]) or false
    end
    if kind == "time" then
      if cls ~= "upper" then return false end
      if w and R.starters[lower(w)] then return true end
      if w and R.time_followers[lower(w)] then return false end
      if fronted_time(ts) then return false end
      return true
    end
    -- initial: a single capital letter
    if cls ~= "upper" then return false end
    if find(s, "^%u%.", q2) then return false end          -- another initial follows
    if sentence_initial(ts) then return false end
    local pw = previous_word(ts)
    if not pw or pw == "" then return false end
    if char_class(pw, 1) == "upper" then return false end  -- Jonas E. Smith
    if tok == "I" then return true end                      -- you and I. Did ...
    if w and R.starters[lower(w)] then return true end
    local pwl = lower(match(pw, "%a+$") or pw)
    if R.initial_preceders[pwl] then return false end
    return true
  end

  local pos = 1
  while true do
    local a = find(s, "[%.!?\r\n\226\227\239]", pos)
    if not a then break end
    local b = byte(s, a)
    sync_forced(a)
    if b == 10 or b == 13 then
      -- line break inside the paragraph, after a line without a final stop
      local q = find(s, "%S", a)
      local i = a - 1
      while i >= 1 and is_space(byte(s, i)) do i = i - 1 end
      if q and i >= cur and not line_ends_with_stop(s, i) then
        local cls = char_class(s, q)
        local q2 = skip_openers(s, q, n)
        if q2 > q then cls = "other" end
        local bullet = BULLET_SET[sub(s, q, q + 2)] or
          ((byte(s, q) == 45 or byte(s, q) == 42) and is_space(byte(s, q + 1)))
        local lastb = byte(s, i)
        local j = i
        while j >= 1 and j > i - 32 and is_alpha(byte(s, j)) do j = j - 1 end
        local continued = lastb == 44 or lastb == 59 or lastb == 45 or lastb == 38 or lastb == 40 or lastb == 47
          or (j < i and R.continuations[lower(sub(s, j + 1, i))] ~= nil)
        if bullet then
          add_break(i)
        elseif continued or wrapped(i, a, q) then
          -- wrapped line
        elseif cls == "lower" then
          if not last_stop_line then
            last_stop_line = 0
            local p = 1
            while true do
              local lb = find(s, "[\r\n]", p)
              local le = (lb or (n + 1)) - 1
              local j = le
              while j >= p and is_space(byte(s, j)) do j = j - 1 end
              if j >= p and line_ends_with_stop(s, j, true) then last_stop_line = j end
              if not lb then break end
              p = lb + 1
            end
          end
          if last_stop_line < a then add_break(i) end
        else
          add_break(i)
        end
      end
      pos = q or (n + 1)
    elseif b >= 128 and not MB_STOP[sub(s, a, a + 2)] then
      pos = a + 1
    elseif suppress[a] then
      pos = a + 1
    else
      -- a run of stops
      local p, dots, excl, chars = a, 0, false, 0
      while p <= n do
        local c = byte(s, p)
        if c == 46 then dots = dots + 1; p = p + 1
        elseif c == 33 or c == 63 then excl = true; p = p + 1
        elseif c >= 224 then
          local t = MB_STOP[sub(s, p, p + 2)]
          if not t then break end
          if t == "ell" then dots = dots + 3 elseif t == "excl" then excl = true else dots = dots + 1 end
          p = p + 3
        else
          break
        end
        chars = chars + 1
      end
      local re = p - 1
      local ts = token_before(a)
      local attached = a > 1 and not is_space(byte(s, a - 1))
      -- spaced ellipsis ". . ."
      local spaced = 1
      if not excl and chars == 1 and b == 46 then
        local k = re
        while sub(s, k + 1, k + 2) == " ." do k = k + 2; spaced = spaced + 1 end
        if spaced >= 3 then re = k end
      end
      local ce = skip_closers(s, re)
      -- reference marks after the stop belong to the sentence: "martyr.[1][2] The"
      while true do
        local _, ze = find(s, "^%[%d+%]", ce + 1)
        if not ze then break end
        ce = ze
      end
      local after = byte(s, ce + 1)
      local q, nl
      if after == nil then
        q = nil
      elseif is_space(after) then
        q = find(s, "%S", ce + 1)
        if q then nl = find(sub(s, ce + 1, q - 1), "[\r\n]") ~= nil end
      end
      local inside = quotes.inside(ce)
      local brk = false
      local break_at = ce
      if after == nil or (is_space(after) and not q) then
        brk = true -- end of paragraph
      elseif not is_space(after) then
        -- no space after the stop: "world.Today", else no boundary
        if b >= 128 and not excl and chars == 1 and dots == 1 then
          local cls = char_class(s, ce + 1) -- full-width stop in running text
          brk = cls ~= "lower" and cls ~= "digit"
        elseif b == 46 and chars == 1 and ce == re and spaced < 3 and a > 1
          and find(s, "^[%l%d]", a - 1) and find(s, "^%u%l", a + 1) then
          local whole = match(sub(s, ts, a + MAX_TOKEN), "^%S*")
          local tok = gsub(sub(s, ts, a - 1), "^[%(%[\"'`]+", "")
          if not (find(whole, "@", 1, true) or find(whole, "://", 1, true) or find(lower(whole), "^www%."))
            and token_kind(R, tok) == "regular" then
            brk = true
          end
        end
      elseif spaced >= 3 then
        local cls = next_word(q)
        if attached and spaced >= 4 then
          if cls == "upper" then brk = true; break_at = a end
        elseif not attached and spaced >= 4 then
          brk = cls ~= "lower"
        elseif attached then
          brk = cls == "upper"
        end
      elseif excl then
        local cls, w, quote, paren, q2 = next_word(q)
        if cls == "lower" or find(s, "^[%.!?]", q) then
          brk = false -- a lowercase word or another stop follows ("! ! !")
        elseif nl then
          brk = true
        elseif paren or inside then
          brk = false
        else
          local tok = gsub(sub(s, ts, a - 1), "^[%(%[\"'`]+", "")
          if R.excl_names[tok] then
            brk = cls == "upper" and w ~= nil and R.starters[lower(w)] or false
          elseif cls == "other" then
            local dash = match(s, "^(%S+)%s", q)
            if dash and DASHES[dash] then
              local q3 = find(s, "%S", q + #dash)
              brk = q3 ~= nil and char_class(s, q3) == "upper"
            else
              brk = true
            end
          else
            brk = true
          end
        end
      elseif dots >= 2 then
        -- unspaced ellipsis "..." or "…"
        local pb = byte(s, a - 1)
        if pb == 91 or pb == 40 then
          brk = false
        else
          local cls = next_word(q)
          brk = cls == "upper"
        end
      else
        -- a single period (or full-width stop)
        local tok = gsub(sub(s, ts, a - 1), "^[%(%[{\"'`]+", "")
        tok = gsub(tok, "^\226\128[\156\152]", "")
        local bts = ts + (#sub(s, ts, a - 1) - #tok)
        brk = period_boundary(tok, bts, q, nl)
      end
      if brk then add_break(break_at) end
      if brk and break_at < ce then
        pos = break_at + 1
      elseif q and is_space(after or 0) then
        pos = q
      else
        pos = ce + 1
      end
    end
  end
  return breaks
end

--- Paragraph spans of text: list of {start, end} (trimmed, 1-based inclusive).
local function paragraph_spans(text)
  local spans = {}
  local n = #text
  local pos = 1
  while pos <= n do
    local s = find(text, "%S", pos)
    if not s then break end
    local stop -- position of the line break that starts a blank line
    local p = s
    local nextpos
    while true do
      local a = find(text, "[\r\n]", p)
      if not a then break end
      local b = a
      if byte(text, a) == 13 and byte(text, a + 1) == 10 then b = a + 1 end
      local _, d = find(text, "^[ \t\f\v]*", b + 1)
      local c = byte(text, d + 1)
      if c == nil or c == 10 or c == 13 then
        stop = a
        nextpos = d + 1
        break
      end
      p = b + 1
    end
    local e = (stop or (n + 1)) - 1
    while e >= s and is_space(byte(text, e)) do e = e - 1 end
    if e >= s then spans[#spans + 1] = { s, e } end
    if not stop then break end
    pos = nextpos
  end
  return spans
end

local M = {
  name = "sentences",
  doc = "Split doc.text into sentences {text, start, end}, paragraph by paragraph (rule-based, abbreviation-aware).",
}

M.options = {
  language = { type = "string", default = "en", doc = "language of the data files (scripts/data/<language>/)" },
  abbreviations = { type = "list", default = {}, doc = "extra general abbreviations (without the final period), added to abbreviations.txt" },
  join_lines = { type = "boolean", default = true, doc = "write line breaks inside a sentence as one space in `text` (the span is unchanged)" },
}

--- Split text into sentences. opts: language, abbreviations, join_lines.
-- Returns a list of {text, start, end} with byte offsets into text.
function M.split(text, opts)
  opts = opts or {}
  local R = opts.rules or build_rules(opts.language, opts.abbreviations)
  local join = opts.join_lines ~= false
  local out = {}
  for _, span in ipairs(paragraph_spans(text)) do
    local ps, pe = span[1], span[2]
    local para = sub(text, ps, pe)
    local breaks = split_paragraph(R, para)
    sort(breaks)
    breaks[#breaks + 1] = #para
    local from = 1
    local last = 0
    for _, e in ipairs(breaks) do
      if e > last and e >= from then
        local a = find(para, "%S", from)
        local z = e
        while z >= from and is_space(byte(para, z)) do z = z - 1 end
        if a and a <= z then
          local t = sub(para, a, z)
          if join and find(t, "[\r\n]") then t = gsub(t, "%s*[\r\n]%s*", " ") end
          out[#out + 1] = { text = t, start = ps + a - 1, ["end"] = ps + z - 1 }
        end
        from = e + 1
        last = e
      end
    end
  end
  return out
end

function M.init(opts, ctx)
  ctx.state.rules = build_rules(opts.language, opts.abbreviations)
end

function M.process(doc, ctx)
  local opts = ctx and ctx.opts or {}
  local rules = ctx and ctx.state and ctx.state.rules or build_rules(opts.language, opts.abbreviations)
  local list = {}
  if type(doc.text) == "string" then
    list = M.split(doc.text, { rules = rules, join_lines = opts.join_lines })
  end
  doc.sentences = dp.array(list)
  return doc
end

return M
