--- Page text to blocks: unwrap hard-wrapped lines, mark bullets, find repeated text.
--
-- Method. A page saved as text (a browser's text dump, `lynx -dump`, copy and paste)
-- is a list of lines (normalised first by docpipe.clean.normalize).
--  1. Hard wrapping is detected from the line lengths: the text is wrapped at column W
--     when at least three lines reach 85% of the longest one and most of those do not
--     end a sentence. A line is then joined with the next when the next one's first
--     word would not have fitted on it (length + 1 + word > W), which is how a wrapping
--     dumper breaks lines; a new bullet never continues the line before; a word
--     hyphenated at the line end stays joined.
--  2. Each logical line is a block; blank lines separate groups (`group` numbers
--     them); indentation, bullet markers and items set apart by runs of spaces (a menu
--     or button row, `gaps`) are kept as evidence.
--  3. The page is tokenised in one call (lower-cased words of dp.text.words, each
--     interned to a small integer), which also counts each block's function words
--     (`nstop`) and notes words that announce a contributor line (`hint`).
--  4. Captions printed twice (a photo caption and its copy, a gallery of "X. X."
--     captions, a label repeated ten times) are found as adjacent repeats of the same
--     word sequence over the whole page, across block boundaries, by following each
--     pair of words to its next occurrence; every copy is cut, and a later block that
--     is only another copy of a cut caption goes too. A repeat of five words or fewer
--     counts only when every copy is a block of its own ("Stay with me, stay with me"
--     is the writer's); when one copy is a block of its own and another closes or sits
--     inside a longer paragraph (not at its start, where a caption's second copy runs
--     on into its credit), only the block of its own goes: a pull quote set out beside
--     the sentence it repeats.
--  5. `contained` tells which body block only repeats, in order, the words of a longer
--     one (a pull quote set out away from its sentence).
-- Repetition inside a page is the duplicate evidence of boilerplate detectors
-- (Boilerpipe's and jusText's features work per block; what a page prints twice tells a
-- gallery caption or a pull quote from prose).
-- Units: byte offsets are 1-based inclusive into the block's text.

local dp = require "docpipe"
local normalize = require "docpipe.clean.normalize"

local re = dp.re
local concat = table.concat
local ulen = utf8.len
local words_of = dp.text.words
local normalize_space = dp.text.normalize_space

local rx_bullet = re.compile("^([*•·‣▪◦●○►▸+–-]|\\d{1,2}[.)])\\s+")
local rx_tag = re.compile("</?(?:a|img|span|div|p|br|b|i|em|strong|font|iframe|script|noscript|source|video)(?:\\s+[a-z-]+\\s*=\\s*(?:'[^']*'|\"[^\"]*\"|[^\\s>]+))*\\s*/?>", "i")
local rx_wide_space = re.compile("[\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{202F}\\x{205F}\\x{3000}]")
local rx_open = re.compile("[.!?:;\"'”’)\\]]\\s*$")

local function clen(s) return ulen(s) or #s end

-- does the text hold U+2000..U+200A or U+202F (E2 80 80..8A, E2 80 AF)
local function wide_e2(text)
  local i = text:find("\226\128", 1, true)
  while i do
    local c = text:byte(i + 2)
    if c and ((c >= 128 and c <= 138) or c == 175) then return true end
    i = text:find("\226\128", i + 3, true)
  end
  return false
end

local M = {}

M.decode_entities = function(s) return (normalize.decode_entities(s)) end

-- the k-th largest of the numbers in t (a running top-k list for a small k: sorting the
-- whole list costs more)
local function kth_largest(t, k)
  if k > 16 then
    table.sort(t)
    return t[#t - k + 1]
  end
  local top, m = {}, 0 -- descending
  for i = 1, #t do
    local v = t[i]
    if m < k or v > top[k] then
      if m < k then m = m + 1 end
      local j = m
      while j > 1 and top[j - 1] < v do top[j] = top[j - 1]; j = j - 1 end
      top[j] = v
    end
  end
  return top[k]
end

--- Estimate the wrap column of a hard-wrapped text, or nil when not wrapped.
function M.wrap_width(lines)
  -- lengths in bytes first; characters only for the lines near the longest (a line
  -- shorter in bytes than 80% of the byte estimate is shorter in characters too)
  local lens, sorted = {}, {}
  for i = 1, #lines do local l = lines[i]
    local n = #l
    lens[i] = n
    if n > 0 then sorted[#sorted + 1] = n end
  end
  if #sorted < 3 then return nil end
  local k = math.max(3, math.ceil(#sorted / 100))
  local W0 = kth_largest(sorted, k)
  if W0 < 40 then return nil end
  sorted = {}
  for i = 1, #lines do local l = lines[i]
    local n = lens[i]
    if n >= 0.8 * W0 then
      n = clen(l)
      lens[i] = n
      sorted[#sorted + 1] = n
    end
  end
  -- the wrap column: the longest length reached by a few lines (a heading or a long
  -- word the dumper could not break may stick out beyond it)
  if #sorted < 3 then return nil end
  local W = kth_largest(sorted, math.min(k, #sorted))
  if W < 40 then return nil end
  local near, open = 0, 0
  for i = 1, #lines do local l = lines[i]
    if lens[i] >= 0.85 * W then
      near = near + 1
      if not rx_open:find(l) then open = open + 1 end
    end
  end
  if near >= 3 and open >= 0.5 * near then return W end
  return nil
end

--- Split a (normalised) page into blocks.
-- @return list of {text, indent, group, bullet (marker or nil), first, last (line numbers)}, W
function M.split(text)
  if text:find("\r", 1, true) then text = text:gsub("\r\n?", "\n") end
  if text:find("\t", 1, true) then text = text:gsub("\t", "    ") end
  -- no-break and other wide spaces become plain spaces, once for the page
  -- (looked for by their lead bytes first: U+00A0 is C2 A0, the others start E1 9A,
  -- E2 80, E2 81 or E3 80, and E2 80 also starts the curly quotes)
  if (text:find("\194\160", 1, true) or text:find("\225\154\128", 1, true) or text:find("\226\129\159", 1, true)
      or text:find("\227\128\128", 1, true) or wide_e2(text)) and rx_wide_space:find(text) then
    text = rx_wide_space:gsub(text, " ")
  end
  local lines = dp.text.lines(text)
  local W = M.wrap_width(lines)
  local blocks, group, prev_blank = {}, 0, true
  local cur
  local byte = string.byte
  for i = 1, #lines do local raw = lines[i]
    -- (a line that neither starts nor ends with a space is its own body: no copy)
    local c1, cz = byte(raw, 1), byte(raw, -1)
    local first_char, body
    if c1 and c1 ~= 32 and cz ~= 32 then
      first_char, body = 1, raw
    else
      first_char = raw:find("[^ ]")
      body = ""
      if first_char then
        local e = #raw
        while byte(raw, e) == 32 do e = e - 1 end
        body = raw:sub(first_char, e)
      end
    end
    if body == "" then
      prev_blank = true
      cur = nil
    else
      if prev_blank then group = group + 1 end
      prev_blank = false
      local indent = first_char - 1
      -- a bullet starts with a digit, * + - or the lead byte of • · – ▪ ... (C2, E2)
      local b1 = byte(body, 1)
      local marker = ((b1 >= 48 and b1 <= 57) or b1 == 42 or b1 == 43 or b1 == 45 or b1 == 194 or b1 == 226)
        and rx_bullet:match(body)
      local joined = false
      -- a number or a dash at the start of a wrapped line is not a list item
      local weak = marker and (marker:find("^%d") or marker == "-" or marker == "–")
      -- a wrapped line continues at the text column of the line it continues
      if cur and W and (not marker or weak) then
        local column = cur.indent + (cur.bullet and #cur.bullet + 1 or 0)
        if math.abs(indent - column) <= 1 then
          local first = body:match("^(%S+)")
          local prev = lines[cur.last]
          local plen = clen(prev)
          local tail = prev:find("%s+$")
          if tail then plen = plen - (#prev - tail + 1) end
          if plen + 1 + clen(first) > W then
            local sep = " "
            -- a word hyphenated at the end of the line stays joined ("co-" + "founder")
            if cur.text:sub(-1) == "-" and not cur.text:sub(-2, -2):match("%s") then sep = "" end
            cur.text = cur.text .. sep .. body
            cur.last = i
            joined = true
          end
        end
      end
      if not joined then
        cur = { text = body, indent = indent, group = group, first = i, last = i }
        if marker then
          local s, e = rx_bullet:find(body)
          cur.bullet = body:sub(s, e):match("^(%S+)")
          -- a symbol bullet goes; a list number stays part of the item's text
          if not cur.bullet:find("^%d") then cur.text = body:sub(e + 1) end
        end
        blocks[#blocks + 1] = cur
      end
    end
  end
  for _i = 1, #blocks do local b = blocks[_i]
    -- HTML tags the dumper left in the text (an anchor inside a caption, an <img>)
    if b.text:find("<", 1, true) then b.text = rx_tag:gsub(b.text, " ") end
    local t = b.text
    if t:find("  ", 1, true) or byte(t, 1) == 32 or byte(t, -1) == 32 then
      -- items set apart by runs of spaces ("News   Sports   Weather"): a menu or a
      -- button row; a gap after sentence punctuation does not count
      local gaps = 0
      for c in b.text:gmatch("(%S)   *%S") do
        if not c:find("[.!?:;\"']") then gaps = gaps + 1 end
      end
      if gaps > 0 then b.gaps = gaps end
      b.text = normalize_space(b.text)
    end
  end
  return blocks, W
end

-- what a word is, as bits: 1 a function word (stop), 2 a word announcing a contributor
-- line (hints), 4 a four-digit number (a year), 8 holds a digit, 16 a word of a relative
-- time ("ago", "now", "today", "yesterday", "this"); a hints entry that is a number
-- gives its own bits instead of 2 (32: a word that triggers a cue pattern)
local RELATIVE = { ago = true, now = true, today = true, yesterday = true, this = true }
local function word_flags(w, stop, hints)
  local f = 0
  if stop and stop[w] then f = f | 1 end
  local h = hints and hints[w]
  if h then f = f | (h == true and 2 or h) end
  if w:find("%d") then
    f = f | 8
    if #w == 4 and w:find("^%d%d%d%d$") then f = f | 4 end
  end
  if RELATIVE[w] then f = f | 16 end
  return f
end
M.WORD_STOP, M.WORD_HINT, M.WORD_YEAR, M.WORD_DIGIT, M.WORD_RELATIVE = 1, 2, 4, 8, 16

-- a word that separates the blocks in the one tokenisation call (dp.text.words costs
-- about as much per call as per few words, so the page is tokenised in one go)
local SEP = "0qzsep0"

--- Tokenise every block: b.ids (its lower-cased words as interned numbers), b.nw
-- (words); with a word set `stop`, b.nstop (words in it); with `hints`, b.hint (true
-- when a word of that set occurs); b.bits, the union of its words' bits (word_flags).
-- @param keep optional table kept from page to page (the stage's state): the interned
--   words, their flags and the token array live on in it, so that a new page only
--   costs lookups for the words seen before (it is reset past 200,000 words)
-- @return the intern table (word -> id)
function M.tokenize(blocks, stop, hints, keep)
  keep = keep or {}
  if not keep.intern or keep.nextid > 200000 then
    keep.intern, keep.flag, keep.nextid, keep.tok = {}, {}, 0, {}
    keep.stop, keep.hints = stop, hints
  end
  local intern, flag, nextid, tok = keep.intern, keep.flag, keep.nextid, keep.tok
  local parts = {}
  for i = 1, #blocks do local b = blocks[i]; parts[i] = b.text end
  local all = words_of(concat(parts, " \n" .. SEP .. "\n "):lower())
  local first, n = { 0 }, 0
  local bi, nstop, bits, start = 1, 0, 0, 1
  local unpack = table.unpack
  local function close_block()
    local b = blocks[bi]
    if b then
      local m = n - start + 1
      -- the block's slice of the token array, built in one go (a table that grows
      -- one element at a time is resized again and again)
      b.ids = m == 0 and {} or (m < 4000 and { unpack(tok, start, n) } or table.move(tok, start, n, 1, {}))
      b.nw, b.nstop, b.hint, b.bits = m, nstop, bits & 2 ~= 0, bits
    end
    first[bi + 1] = n
  end
  for k = 1, #all do
    local w = all[k]
    local id = intern[w]
    if not id then
      if w == SEP then
        close_block()
        bi, nstop, bits, start = bi + 1, 0, 0, n + 1
        goto continue
      end
      nextid = nextid + 1
      id = nextid
      intern[w] = id
      flag[id] = word_flags(w, stop, hints)
    end
    do
      local f = flag[id]
      nstop = nstop + (f & 1)
      bits = bits | f
      n = n + 1
      tok[n] = id
    end
    ::continue::
  end
  close_block()
  keep.nextid = nextid
  -- the document as one token stream, for cut_repeats (entries past n are stale)
  if bi == #blocks then blocks.tok, blocks.ntok, blocks.first = tok, n, first end
  return intern
end

-- cut the tokens flagged in dead (indices into the block's ids) out of the block text
local function apply_cuts(b, dead_local, removed)
  local _, starts, ends = dp.text.word_spans(b.text)
  if #starts ~= #b.ids then return end -- tokenisation differs: leave the block alone
  local n = #starts
  local parts, cuts, pos = {}, {}, 1
  local k = 1
  while k <= n do
    if dead_local[k] then
      local first = k
      while k <= n and dead_local[k] do k = k + 1 end
      local last = k - 1
      local cs = starts[first]
      -- the cut ends where the next kept word starts (takes the punctuation along)
      local ce = (k <= n) and (starts[k] - 1) or #b.text
      -- keep an opening quote or bracket that belongs to the next kept word
      if k <= n then
        local tail = b.text:sub(ends[last] + 1, ce)
        local lead = tail:match("([\"'“‘(%[]+)%s*$")
        if lead then ce = ce - #lead - #(tail:match("%s*$")) end
      end
      parts[#parts + 1] = b.text:sub(pos, cs - 1)
      cuts[#cuts + 1] = dp.text.trim(b.text:sub(cs, ce))
      pos = ce + 1
    else
      k = k + 1
    end
  end
  if #cuts == 0 then return end
  parts[#parts + 1] = b.text:sub(pos)
  b.text = normalize_space(concat(parts, " "))
  b.cut = cuts
  for _, c in ipairs(cuts) do removed[#removed + 1] = { text = c, reason = "repeated caption" } end
  -- the words left
  local keep_i = {}
  for x = 1, n do
    if not dead_local[x] then keep_i[#keep_i + 1] = b.ids[x] end
  end
  b.ids, b.nw, b.nstop = keep_i, #keep_i, nil
  if #keep_i == 0 then
    b.removed = "repeated caption"
    b.removed_text = b.text
  end
end

--- Cut adjacent repeats of 3 or more words (captions printed twice, repeated labels).
-- Blocks left empty get `removed = "repeated caption"`; partly cut blocks get their
-- text shortened and the cut text listed in `cut`. Tokenises the blocks when needed.
-- opts: min_words (3), max_words (150), keep (a table kept from page to page, to reuse
-- the position table; ids must then come from the same tokenize keep table).
-- @return list of removed text pieces {text, reason}
function M.cut_repeats(blocks, opts)
  opts = opts or {}
  local minw = opts.min_words or 3
  local maxw = opts.max_words or 150
  if blocks[1] and not blocks[1].ids then M.tokenize(blocks) end
  -- the document as one token stream; first[bi] is the index before block bi's first token
  local tok, first, n = blocks.tok, blocks.first, blocks.ntok
  if not tok then
    tok, first = {}, {}
    local n0 = 0
    for bi = 1, #blocks do
      local ids = blocks[bi].ids
      first[bi] = n0
      for k = 1, #ids do tok[n0 + k] = ids[k] end
      n0 = n0 + #ids
    end
    first[#blocks + 1] = n0
    n = n0
  end
  blocks.tok, blocks.first, blocks.ntok = nil, nil, nil
  local function block_of(x) -- binary search: the block holding token x
    local lo, hi = 1, #blocks
    while lo < hi do
      local mid = (lo + hi + 1) // 2
      if first[mid] < x then lo = mid else hi = mid - 1 end
    end
    return lo
  end
  -- the next occurrence of the same two words within maxw tokens (a repeat of 3 words or
  -- more starts with one), kept only where there is one
  -- (the table of last positions may live on from page to page in opts.keep: a
  -- position is stored as base + i, and one below this page's base is from another)
  local keep = opts.keep
  local last, base
  if keep and n < 1048576 then
    if not keep.last or keep.last_n > 300000 then keep.last, keep.last_n, keep.base = {}, 0, 0 end
    last = keep.last
    keep.base = keep.base + 1048576
    base = keep.base
  else
    last, base = {}, 0
  end
  local nxt, added = {}, 0
  for i = 1, n - 1 do
    local key = tok[i] * 1048576 + tok[i + 1]
    local p = last[key]
    if p then
      p = p - base
      if p > 0 and i - p <= maxw then nxt[p] = i end
    else
      added = added + 1
    end
    last[key] = base + i
  end
  if keep and keep.last == last then keep.last_n = keep.last_n + added end
  local dead, segs, touched = {}, {}, {}
  local nd = 0
  local function starts_unit(x)
    local bi = block_of(x)
    local loc = x - first[bi]
    if loc == 1 then return true end
    local b = blocks[bi]
    if not b.starts then
      local _, starts, ends = dp.text.word_spans(b.text)
      b.starts, b.ends = starts, ends
    end
    local a, z = b.ends[loc - 1], b.starts[loc]
    return (a and z and b.text:sub(a + 1, z - 1):find("[.!?:;]")) and true or false
  end
  local done = 0 -- tokens before this index are settled
  -- the candidates in page order: the positions whose pair of words comes again
  for i0 = 1, n - 1 do
    local i = i0
    if nxt[i0] and i > done then
      local best = nil
      local j = nxt[i]
      while j do
        local k = j - i
        if k > maxw or j + k - 1 > n then break end
        if k >= minw then
          local ok = true
          for x = 2, k - 1 do
            if tok[i + x] ~= tok[j + x] then ok = false; break end
          end
          if ok then best = k; break end
        end
        j = nxt[j]
      end
      if best then
        -- the same repeat can be read from several starting words (a caption ending in
        -- "2021" after a line ending in "2021"); start it at a block or sentence start
        local shift = 0
        while shift < best and i + 2 * best + shift <= n and tok[i + shift] == tok[i + 2 * best + shift] do
          shift = shift + 1
        end
        for t = 0, shift do
          if starts_unit(i + t) then i = i + t; break end
        end
        -- how many copies follow
        local copies = 2
        while i + (copies + 1) * best - 1 <= n do
          local ok = true
          for x = 0, best - 1 do
            if tok[i + copies * best + x] ~= tok[i + x] then ok = false; break end
          end
          if not ok then break end
          copies = copies + 1
        end
        -- a copy that is a whole block beside a copy inside a longer paragraph: a pull
        -- quote, only the block of its own goes
        local whole, anywhole, inside = {}, false, 0
        for c = 0, copies - 1 do
          local a, z = i + c * best, i + (c + 1) * best - 1
          local ba, bz = block_of(a), block_of(z)
          local na = #blocks[ba].ids
          local isw = ba == bz and a - first[ba] == 1 and z - first[bz] == na
          whole[c] = isw
          if isw then anywhole = true end
          if not isw and ba == bz and a - first[ba] > 1 and na >= best + 8 then inside = inside + 1 end
        end
        local partial = anywhole and inside > 0
        -- a short repeat (5 words or fewer) counts only as whole blocks: inside prose it
        -- is the writer's ("Stay with me, stay with me", "About Ashford Valley Power"
        -- above "Ashford Valley Power supplies...")
        if best <= 5 then
          for c = 0, copies - 1 do if not whole[c] then copies = 0; break end end
        end
        if copies > 0 then
          local seg = {}
          for x = 0, best - 1 do seg[#seg + 1] = tok[i + x] end
          segs[#segs + 1] = seg
        end
        for c = 0, copies - 1 do
          if not partial or whole[c] then
            local a, z = i + c * best, i + (c + 1) * best - 1
            for x = a, z do dead[x] = true end
            for bi = block_of(a), block_of(z) do touched[bi] = true end
            nd = nd + 1
          end
        end
        if copies > 0 then done = i + copies * best - 1 end
      end
    end
  end
  -- adjacent blocks with the same words (a name under a photo printed twice), and a
  -- block that is only another copy of a cut caption
  local function same_ids(x, y)
    if #x ~= #y then return false end
    for k = 1, #x do if x[k] ~= y[k] then return false end end
    return true
  end
  local prev
  for bi = 1, #blocks do local b = blocks[bi]
    local ids = b.ids
    local m = #ids
    if m > 0 then
      if m >= 2 and prev and same_ids(ids, blocks[prev].ids) then
        b.all_dead, blocks[prev].all_dead = true, true
        touched[bi], touched[prev] = true, true
        nd = nd + 1
      end
      if m >= minw then
        for _i = 1, #segs do local seg = segs[_i]
          if same_ids(ids, seg) then b.all_dead = true; touched[bi] = true; nd = nd + 1; break end
        end
      end
      prev = bi
    end
  end
  -- apply: cut runs of dead tokens out of the blocks touched
  local removed = {}
  if nd == 0 then return removed end
  for bi = 1, #blocks do local b = blocks[bi]
    if touched[bi] then
      local m, pos = #b.ids, first[bi]
      local all, any = true, false
      if b.all_dead then
        any = true
      else
        for x = 1, m do
          if dead[pos + x] then any = true else all = false end
        end
      end
      if any and (all or b.all_dead) then
        b.removed = "repeated caption"
        b.removed_text = b.text
      elseif any then
        local dl = {}
        for x = 1, m do dl[x] = dead[pos + x] end
        apply_cuts(b, dl, removed)
      end
      b.all_dead = nil
    end
  end
  return removed
end

--- Blocks of `list` whose words all appear, in order, inside a longer block of `list`
-- (a pull quote set out away from the sentence it repeats).
-- @param list blocks with ids (the body candidates)
-- @param min_words shortest block tested (default 5)
-- @return set: block -> the longer block that holds its words
function M.contained(list, min_words)
  min_words = min_words or 5
  -- the first three words of each candidate, then where they occur (looked for only
  -- in blocks long enough to hold the shortest candidate and three words more, and
  -- only where the first word is a candidate's first word)
  local want, want1, shortest = {}, {}, math.huge
  for _i = 1, #list do local b = list[_i]
    local ids = b.ids
    local m = #ids
    if m >= min_words then
      want[(ids[1] * 1048576 + ids[2]) * 1048576 + ids[3]] = true
      want1[ids[1]] = true
      if m < shortest then shortest = m end
    end
  end
  if shortest == math.huge then return {} end
  local index = {}
  for _i = 1, #list do local b = list[_i]
    local ids = b.ids
    local key
    for k = 1, (#ids >= shortest + 3 and #ids - 2 or 0) do
      if want1[ids[k]] then
        key = (ids[k] * 1048576 + ids[k + 1]) * 1048576 + ids[k + 2]
      else
        key = nil
      end
      if key and want[key] then
        local l = index[key]
        if not l then l = {}; index[key] = l end
        l[#l + 1] = b
        l[#l + 1] = k
      end
    end
  end
  local out = {}
  for _i = 1, #list do local b = list[_i]
    local ids = b.ids
    local m = #ids
    if m >= min_words then
      local key = (ids[1] * 1048576 + ids[2]) * 1048576 + ids[3]
      local l = index[key]
      for x = 1, l and #l or 0, 2 do
        local a, p = l[x], l[x + 1]
        local aids = a.ids
        if a ~= b and #aids >= m + 3 and p + m - 1 <= #aids then
          local ok = true
          for y = 4, m do
            if aids[p + y - 1] ~= ids[y] then ok = false; break end
          end
          if ok then out[b] = a; break end
        end
      end
    end
  end
  return out
end

return M
