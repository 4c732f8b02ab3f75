--- Page text to blocks: unwrap hard-wrapped lines, mark bullets, find repeated text.
--
-- Method. A page saved as text (a browser's text dump, `lynx -dump`, copy and paste)
-- is a list of lines (normalised first by docpipe.clean.normalize).
--  1. Hard wrapping is detected from the line lengths: the text is wrapped at column W
--     when at least three lines reach 85% of the longest one and most of those do not
--     end a sentence (measured on the lines that a line at the same column continues
--     when only a few lines come near the longest: a prompt or a footer left unwrapped
--     sticks out). A few long header or footer lines left unwrapped can still set W
--     above the body's column: the lines that certainly wrap (no sentence end, the
--     next line going on in lower case) then tell it from below (M.narrow_width; one or
--     two such lines of a closing box wrapped wider than the body do not count; one or
--     two columns short of W when six continued lines or more reach it and none goes
--     past it: the lines at W were unwrapped list items or a menu).
--     A line is then joined with the next when the next one's first word would not
--     have fitted on it (length + 1 + word > W), which is how a wrapping dumper breaks
--     lines, or when it ends no sentence, reaches 75% of W and the next one goes on in
--     lower case (60% when that one closes the sentence: a box set narrower than the
--     text, an inline advertisement, wraps short), or when it leaves a bracket open that the
--     next line closes and ends with (60% of W: "... (Photograph:" / "NAME)"); a new
--     bullet never continues the line before, nor does an entry of a dated list ("Aug.
--     9 -- ...") under a line that opened one ("July 12 -- ...") (a numbered paragraph wrapped back to its
--     own margin goes on when the next word did not fit); a line longer than W
--     that could have been broken before W was left unwrapped (a headline over its
--     date line) and nothing continues it; a word hyphenated at the line end stays
--     joined. A line measures its dumped length: the bytes of lynx link numbers cut
--     from it after the dumper wrapped it ("[20]") count (M.split's pad). A page wrapped
--     by hand, its right margin ragged (lines broken although the next word fitted,
--     ragged_width), also joins a line ending no sentence with the next whatever its
--     first letter when that word would not have fitted within the column so read.
--  2. Each logical line is a block; blank lines separate groups (`group` numbers
--     them); indentation, bullet markers and items set apart by runs of spaces (a menu
--     or button row, `gaps`) are kept as evidence.
--  3. The page is tokenised in one C call (docpipe.shingle: the lower-cased words of
--     dp.text.words, each interned to a small integer in a hash table that lives from
--     page to page), which also counts each block's function words (`nstop`) and notes
--     words that announce a contributor line (`hint`).
--  4. Captions printed twice (a photo caption and its copy, a gallery of "X. X."
--     captions, a label repeated ten times) are found as adjacent repeats of the same
--     word sequence over the whole page, across block boundaries, by following each
--     pair of words to its next occurrence (one hash table of word pairs, in C); every
--     copy is cut, and a later block that is only another copy of a cut caption goes
--     too. A repeat of five words or fewer counts only when every copy is a block of
--     its own ("Stay with me, stay with me" is the writer's); when one copy is a block
--     of its own and another opens, closes or sits inside a longer paragraph (8 words
--     longer or more), only the block of its own goes: a pull quote set out beside the
--     sentence it repeats, and a sentence is never cut out of a paragraph (a copy over
--     whole blocks in a row, a pull quote set on two indented lines, is one of its
--     own). Two copies,
--     the second opening a block whose sentence goes on in lower case after it (a
--     caption credited "Courtesy of the Cedar Bend Fire Department" above "The Cedar
--     Bend Fire Department will ..."), are the article naming the credited body: kept.
--     List items are marked by a number or one of the symbols of M.BULLETS (• ▪ ► »
--     › ➤ ∙ ■ ...).
--  5. `contained` tells which body block only repeats, in order, the words of a longer
--     one (a pull quote set out away from its sentence), through each block's first
--     three words (docpipe.shingle.contained).
-- Repetition inside a page is the duplicate evidence of boilerplate detectors
-- (Boilerpipe's and jusText's features work per block; what a page prints twice tells a
-- gallery caption or a pull quote from prose).
-- Units: byte offsets are 1-based inclusive into the block's text.

local dp = require "docpipe"
local normalize = require "docpipe.clean.normalize"

local re = dp.re
local concat = table.concat
local normalize_space = dp.text.normalize_space
local byte = string.byte
local find, sub = string.find, string.sub
local new_table = dp.text.table
local interner, repeats, contained = dp.shingle.interner, dp.shingle.repeats, dp.shingle.contained
local wrap_width = dp.cleanc.wrap_width

-- the symbols that mark a list item (one list for the stage: M.BULLETS), before a
-- space; every one is ASCII or starts with the byte C2 or E2 (see M.split)
local BULLETS = "*•·‣▪◦●○►▸▹▶▷➤➢➜→»›∙⁃■□◆◇♦✓✔+–-"
local rx_bullet = re.compile("^([" .. BULLETS .. "]|\\d{1,2}[.)])\\s+")
local rx_tag = re.compile("</?(?:a|img|span|div|p|br|b|i|em|strong|font|iframe|script|noscript|source|video)(?:\\s+[a-z-]+\\s*=\\s*(?:'[^']*'|\"[^\"]*\"|[^\\s>]+))*\\s*/?>", "i")
local rx_wide_space = re.compile("[\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{202F}\\x{205F}\\x{3000}]")
local rx_open = re.compile("[.!?:;\"'”’)\\]]\\s*$")

-- characters in s, or its bytes when it is not valid UTF-8 (what `utf8.len(s) or #s` gives):
-- docpipe's C utf8.valid (sixteen ASCII bytes at a time) and utf8.len cost a few
-- instructions a byte, Lua's utf8.len some thirty. Safe: both read valid UTF-8 by the
-- same strict rules (no overlong forms, surrogates or code points past U+10FFFF), and
-- on a valid string both count its code points
local uvalid, dlen = dp.utf8.valid, dp.utf8.len
local function clen(s)
  if uvalid(s) then return dlen(s) end
  return #s
end

-- does the line end without sentence punctuation (rx_open finds nothing)? The last
-- character is looked at in Lua when it is ASCII (after ASCII white space), by rx_open
-- otherwise (\s also takes Unicode spaces)
-- (a full stop, "!" or "?": the last byte of a sentence, what "[.!?]$" finds)
local STOP_END = { [46] = true, [33] = true, [63] = true }
local CLOSE = {}
for c in ([[.!?:;"')]] .. "]"):gmatch(".") do CLOSE[c:byte()] = true end
local function ends_open(l)
  local e = #l
  local c = byte(l, e)
  while c == 32 or (c and c >= 9 and c <= 13) do e = e - 1; c = byte(l, e) end
  if not c then return true end
  if c < 128 then return not CLOSE[c] end
  return not rx_open:find(l)
end

-- where the ASCII white space closing line l starts (what find(l, "%s+$") gives), or
-- nil: read back from the last byte (the pattern is tried at every byte of the line,
-- some forty instructions each, for every wrapped line of a dump)
local function trailing_space(l)
  local e = #l
  local c = byte(l, e)
  while c == 32 or (c and c >= 9 and c <= 13) do e = e - 1; c = byte(l, e) end
  if e < #l then return e + 1 end
  return nil
end

-- The column a ragged wrapper broke the body's lines short of, or false: a dumper that
-- wraps by hand or by a rougher rule leaves its right margin ragged, breaking lines
-- whose next word would still have fitted within W. Measured on the lines that
-- certainly wrap (RAGGED_FROM of W or more, no sentence end, the next line at the same
-- column going on in lower case): s = length + 1 + the next line's first word. When at
-- least two of them (and RAGGED_SHARE of them) have s within W, by RAGGED_MAX columns at most,
-- the wrapper broke lines at s or later: the column is the smallest such s, less one.
-- A line that ends no sentence and whose next word would not have fitted within that
-- column then goes on in the next line whatever its first letter ("... said" /
-- "Dolores NAME, who ..."). A strict dumper (lynx, w3m) leaves none: false (or a
-- few, one in ten, in a dump whose HTML entities were decoded after it wrapped:
-- "Hong Kong&#39;s ... airport on" reads four columns short).
local RAGGED_MAX, RAGGED_FROM, RAGGED_SHARE = 4, 0.75, 0.15
local function ragged_width(lines, chars, firsts, leads, W, pad)
  local n, r, lo = 0, 0, W + 1
  for i = 1, #lines - 1 do
    local f = firsts[i + 1]
    local c = leads[i + 1]
    if c >= 97 and c <= 122 and f == firsts[i] and f > 0 then
      local l = lines[i]
      local plen = chars[i]
      local tail = trailing_space(l)
      if tail then plen = plen - (#l - tail + 1) end
      if pad and pad[i] then plen = plen + pad[i] end
      if plen >= RAGGED_FROM * W and ends_open(l) then
        local nx = lines[i + 1]
        local e = (find(nx, " ", f, true) or #nx + 1) - 1
        local s = plen + 1 + clen(sub(nx, f, e))
        n = n + 1
        if s <= W and s >= W - RAGGED_MAX then
          r = r + 1
          if s < lo then lo = s end
        end
      end
    end
  end
  if r >= 2 and r >= RAGGED_SHARE * n then return lo - 1 end
  return false
end

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

-- does line t open as an entry of a list of dated or numbered items: a capitalised
-- word (a month, "Aug."), a number of one or two digits and a spaced dash ("July 12
-- -- General meeting ...", "Stage 3 – ..."): two such lines in a row are two entries
local function list_entry(t)
  local e = select(2, find(t, "^%u%a*%.? %d%d?,? *"))
  if not e then return false end
  return find(t, "^%-%-? ", e + 1) ~= nil or find(t, "^\226\128[\147\148] ", e + 1) ~= nil
end

-- is the line a rule of three or more dashes, equals signs, underscores, asterisks,
-- tildes or hashes ("-----", "=====", "———"): the border of a box, which neither
-- continues a line nor is continued (only a line opening with one of those is read)
local RULE_BYTE = { [45] = true, [61] = true, [95] = true, [42] = true, [126] = true, [35] = true, [226] = true }
local function rule_line(t)
  local c = byte(t, 1)
  if not RULE_BYTE[c] or #t < 3 then return false end
  if c == 226 then
    -- (a long dash or a box-drawing line, "—", "–", "─"; a curly quote is passed at once)
    local c2, c3 = byte(t, 2, 3)
    if not ((c2 == 128 and (c3 == 147 or c3 == 148)) or (c2 == 148 and c3 == 128)) then return false end
    t = t:gsub("\226\128[\147\148]", "-"):gsub("\226\148\128", "-")
  end
  return not find(t, "[^%-=_*~# ]")
end

local M = {}
M.BULLETS = BULLETS
--- Is the line a rule of three or more dashes, =, _, *, ~ or # ("-----", "==="): a box's border. @return boolean
M.rule_line = rule_line

-- interner -> the blocks whose token stream it holds (weak keys)
local streamed = setmetatable({}, { __mode = "k" })

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

-- What the width estimates read of each line, taken once for the page (the estimates
-- go over the lines several times): ind[i], the spaces (U+0020) opening line i, or its
-- length when it holds nothing else (two lines start at the same column when theirs
-- are equal); first[i] and lead[i], the byte where its text starts and that byte's
-- value (0 for a blank line), as dp.text.lines gives them (found here when not given);
-- chars[i], its length in characters, filled when first asked (line_chars)
local function line_facts(lines, firsts, leads)
  if not firsts then
    firsts, leads = {}, {}
    for i = 1, #lines do
      local l = lines[i]
      local f = find(l, "[^ ]") or 0
      firsts[i], leads[i] = f, f > 0 and byte(l, f) or 0
    end
  end
  local ind = {}
  for i = 1, #lines do
    local f = firsts[i]
    ind[i] = f > 0 and f - 1 or #lines[i]
  end
  return { ind = ind, first = firsts, lead = leads, chars = {} }
end

-- clen(lines[i]), once per line
local function line_chars(at, lines, i)
  local n = at.chars[i]
  if not n then
    n = clen(lines[i])
    at.chars[i] = n
  end
  return n
end

-- the first byte of line i that is no white space (what find(lines[i], "%S") gives),
-- or nil: the byte after its opening spaces, unless that is a control of white space
local function text_start(at, lines, i)
  local f = at.first[i]
  if f == 0 then return nil end
  local c = at.lead[i]
  if c >= 9 and c <= 13 then return find(lines[i], "%S", f) end
  return f
end

-- does the line end in a web address ("   17. https://...", "Link: http://...")?
local function ends_in_url(l)
  local p = find(l, "%S+%s*$")
  return p ~= nil and find(l, "://", p, true) ~= nil
end

-- The lines a wrapping dumper wrapped (a set of line numbers), when the page's longest
-- lines were left unwrapped, else nil: lines of 40 bytes or more that a line at the
-- same column continues, when three or more are as long as 80% of the longest of them,
-- at most `limit` lines are longer, and the next line's first word would not have
-- fitted on three quarters of those (six at least, twice as many as the longer lines)
local function wrapped_lines(lines, lens, limit, ind)
  local c1, c2, c3, pn = -1, -1, -1, 0
  for i = 1, #lines do
    local n = lens[i]
    if n > 0 and pn >= 40 and pn > c3 and ind[i - 1] == ind[i] then
      if pn > c1 then c1, c2, c3 = pn, c1, c2 elseif pn > c2 then c2, c3 = pn, c2 else c3 = pn end
    end
    pn = n
  end
  if c3 < 40 then return nil end
  local cont, near, over, good, bad = {}, 0, 0, 0, 0
  for i = 1, #lines - 1 do
    local n = lens[i]
    if n > c1 then
      over = over + 1
      if over > limit then return nil end
    end
    -- (a next line of white space alone, "  " or a tab kept from the indent, is blank)
    local nx = lines[i + 1]
    local s, e = nil, nil
    if n >= 40 and lens[i + 1] > 0 and ind[i] == ind[i + 1] then s, e = find(nx, "%S+") end
    if s then
      cont[i] = true
      if n >= 0.8 * c1 then near = near + 1 end
      -- (a next line that opens a list item tells nothing)
      if n + 1 + (e - s + 1) > c3 then good = good + 1
      else
        local w = nx:sub(s, e)
        if not (find(w, "^%d+[.)]$") or find(w, "^[*+%-]$") or (#w <= 3 and byte(w, 1) >= 194)) then bad = bad + 1 end
      end
    end
  end
  if near >= 3 and good >= math.max(6, 2 * over) and good >= 0.75 * (good + bad) then return cont, c3 end
  return nil
end

--- Estimate the wrap column of a hard-wrapped text, or nil when not wrapped.
-- When only a few lines (up to 4, or one in 15) come near the longest, they may be a
-- prompt or a footer the dumper left unwrapped, alone in its paragraph, that would
-- overstate the column: then only the lines it wrapped are measured, when they tell
-- (wrapped_lines).
-- (M.split asks docpipe.cleanc.wrap_width, the same method in C, which
-- tests/spec/clean_wrap_width_c_spec.lua holds equal to this and M.narrow_width)
-- @param at optional: the lines' facts (line_facts)
function M.wrap_width(lines, at)
  at = at or line_facts(lines)
  -- lengths in bytes first; characters only for the lines near the longest (a line
  -- shorter in bytes than 80% of the byte estimate is shorter in characters too)
  -- (the three largest kept on the way: k is 3 up to 300 lines)
  local lens, cnt, t1, t2, t3 = {}, 0, -1, -1, -1
  local urls = at.urls
  if urls == nil then
    urls = false
    for i = 1, #lines do if find(lines[i], "://", 1, true) then urls = true; break end end
  end
  for i = 1, #lines do
    local n = #lines[i]
    -- (a line ending in a web address, a lynx "References" entry: a dumper breaks no
    -- address, so its length tells nothing of the column; it counts as blank here)
    if urls and n >= 40 and ends_in_url(lines[i]) then n = 0 end
    lens[i] = n
    if n > 0 then
      cnt = cnt + 1
      if n > t3 then
        if n > t1 then t1, t2, t3 = n, t1, t2 elseif n > t2 then t2, t3 = n, t2 else t3 = n end
      end
    end
  end
  if cnt < 3 then return nil end
  local k = math.max(3, math.ceil(cnt / 100))
  local only, W0 = nil, t3
  if t3 >= 50 then
    local limit, top = math.max(4, cnt / 15), 0
    for i = 1, #lines do
      if lens[i] >= 0.8 * t3 then
        top = top + 1
        if top > limit then break end
      end
    end
    if top <= limit then
      local c3
      only, c3 = wrapped_lines(lines, lens, limit, at.ind)
      if only then W0 = c3 end
    end
  end
  local sorted = {}
  if k > 3 then
    for i = 1, #lines do local n = lens[i]; if n > 0 and (not only or only[i]) then sorted[#sorted + 1] = n end end
    W0 = kth_largest(sorted, math.min(k, #sorted))
    sorted = {}
  end
  if W0 < 40 then return nil end
  for i = 1, #lines do
    local n = lens[i]
    if n >= 0.8 * W0 then
      n = line_chars(at, lines, i)
      lens[i] = n
      if not only or only[i] then sorted[#sorted + 1] = n end
    end
  end
  -- the wrap column: the longest length reached by a few lines (a heading or a long
  -- word the dumper could not break may stick out beyond it)
  if #sorted < 3 then return nil end
  local W = kth_largest(sorted, math.min(k, #sorted))
  if W < 40 then return nil end
  local near, open, closed = 0, 0, 0
  for i = 1, #lines do if lens[i] >= 0.85 * W and (not only or only[i]) then near = near + 1 end end
  if near < 3 then return nil end
  -- (counted until the answer is known: most lines open, or too many closed)
  for i = 1, #lines do
    if lens[i] >= 0.85 * W and (not only or only[i]) then
      if ends_open(lines[i]) then open = open + 1 else closed = closed + 1 end
      if open >= 0.5 * near then return W end
      if near - closed < 0.5 * near then return nil end
    end
  end
  return nil
end

-- does m pass as the column the body was wrapped at (see M.narrow_width)?
local function narrow_at(lines, W, m, at)
  local above, near, good, bad = 0, 0, 0, 0
  local ind = at.ind
  for i = 1, #lines - 1 do
    local l, nx = lines[i], lines[i + 1]
    if #l >= 0.75 * m and ind[i] == ind[i + 1] and text_start(at, lines, i + 1) then
      local L = line_chars(at, lines, i)
      if L > m then
        if L <= W then above = above + 1 end
      elseif L >= 0.75 * m then
        near = near + 1
        if ends_open(l) then
          local s, e = find(nx, "%S+")
          if L + 1 + clen(nx:sub(s, e)) > m then good = good + 1 else bad = bad + 1 end
        end
      end
    end
  end
  return above <= math.max(2, 0.2 * near) and good >= 4 and good >= 0.75 * (good + bad)
end

-- does m, one or two columns short of W, pass as the column the body was wrapped at?
-- Six or more continued lines (the next line at the same column goes on, opening no
-- list item) reach m - 1 or m and none is longer than m up to W: a body wrapped at W
-- would have some at W too; what reaches W is unwrapped list items, a menu, a footer
-- (see M.narrow_width)
local function tight_at(lines, W, m, at)
  local top, above, ind = 0, 0, at.ind
  for i = 1, #lines - 1 do
    local l, nx = lines[i], lines[i + 1]
    if #l >= m - 1 and ind[i] == ind[i + 1] and text_start(at, lines, i + 1) and not find(nx, "^%s*%d+[.)]?%s")
      and not find(nx, "^%s*[*+%-]%s") then
      local L = line_chars(at, lines, i)
      if L > m and L <= W then
        above = above + 1
        if above > 1 then return false end
      end
      if L >= m - 1 and L <= m then top = top + 1 end
    end
  end
  -- (one line past m counts only against fewer than eight at m: a body wrapped at W
  -- would put more than one of its lines past m; one alone is a menu or a tagline
  -- left unwrapped over the body, "Home | News | ... | Archive")
  return top >= 6 and (above == 0 or top >= 8)
end

--- A narrower wrap column than M.wrap_width's W, or W.
-- A few long lines a dumper left unwrapped (a menu, a contact line, a headline, a
-- footer, on lines of their own in a header without blank lines) can set the
-- estimate above the column the body was wrapped at. The lines that certainly wrap
-- (40 characters or more, no sentence end, the next line at the same column going on
-- in lower case) tell the column from below: m, the longest of them. m is taken when
-- at least four such lines stop 3 or more columns short of W, at most 2 continued
-- lines (or one in 5 of those near m) are longer than m and not longer than W, and at
-- least three quarters (four at least) of the open continued lines from 75% of m up
-- would not have had room for the next line's first word within m.
-- One or two of those lines longer than all the others by 3 columns or more, in one
-- paragraph (a closing box the dumper wrapped wider than the body: "About the Board"),
-- do not set m: then the next longest is tried.
-- @param at optional: the lines' facts (line_facts)
function M.narrow_width(lines, W, at)
  at = at or line_facts(lines)
  local ind = at.ind
  -- (the three longest, with their line numbers)
  local n, m, m2, m3, i1, i2 = 0, 0, 0, 0, 0, 0
  for i = 1, #lines - 1 do
    local s = text_start(at, lines, i + 1)
    if s then
      local b = s == at.first[i + 1] and at.lead[i + 1] or byte(lines[i + 1], s)
      if b >= 97 and b <= 122 and #lines[i] >= 40 and ind[i] == ind[i + 1] and ends_open(lines[i]) then
        local L = line_chars(at, lines, i)
        -- (a line longer than W was not wrapped at W: a ticker or a tagline over the
        -- body, "DROUGHT WATCH  ... 61% full  |  Stage 2 restrictions" / "in 4 counties")
        if L > W then L = 0 else n = n + 1 end
        if L == 0 then
        elseif L > m then m, m2, m3, i1, i2 = L, m, m2, i, i1
        elseif L > m2 then m2, m3, i2 = L, m2, i
        elseif L > m3 then m3 = L end
      end
    end
  end
  if n < 4 then return W end
  if m <= W - 3 and narrow_at(lines, W, m, at) then return m end
  if m < W and m >= W - 2 and tight_at(lines, W, m, at) and narrow_at(lines, W, m, at) then return m end
  -- (the longest in one paragraph: no blank line between them)
  local lo, hi = math.min(i1, i2), math.max(i1, i2)
  local one = true
  for i = lo, hi do if not text_start(at, lines, i) then one = false; break end end
  if m2 <= W - 3 and m2 <= m - 3 and n >= 5 and narrow_at(lines, W, m2, at) then return m2 end
  if one and m3 <= W - 3 and m3 <= m2 - 3 and n >= 6 and narrow_at(lines, W, m3, at) then return m3 end
  return W
end

-- a white-space byte of Lua's %s (C locale): \t \n \v \f \r and the space
local function is_space(c) return c == 32 or (c >= 9 and c <= 13) end
-- the sentence punctuation that a gap may follow and still not count
local GAP_PUNCT = { [46] = true, [33] = true, [63] = true, [58] = true, [59] = true, [34] = true, [39] = true }

--- The gaps of text t: each place where a byte that is no white space is followed by
-- two spaces or more and then again such a byte, counted when the first byte is no
-- sentence punctuation (. ! ? : ; " '); a match ends on the byte after the spaces, which
-- opens no next one. The same count as the loop it replaces,
--   for c in t:gmatch("(%S)   *%S") do if not c:find("[.!?:;\"']") then gaps = gaps + 1 end end
-- which tried its pattern at every byte of the text: some 500K instructions on a
-- one-paragraph story of 4 KB with two spaces after its sentences; this one jumps from
-- one double space to the next with a plain search.
function M.space_gaps(t)
  local gaps, init = 0, 1
  local p = find(t, "  ", 1, true)
  while p do
    -- the run of spaces from p ends before q
    local q = p + 2
    while byte(t, q) == 32 do q = q + 1 end
    -- (a match opens on the byte before the run, from init on, and closes on the byte
    -- after it; else the next one opens at q or later)
    local c, d = byte(t, p - 1), byte(t, q)
    if p > init and not is_space(c) and d and not is_space(d) then
      if not GAP_PUNCT[c] then gaps = gaps + 1 end
      init = q + 1
    else
      init = q
    end
    p = find(t, "  ", init, true)
  end
  return gaps
end

--- Split a (normalised) page into blocks.
-- @param pad optional: line number -> bytes the line lost after the dumper wrapped it
-- (lynx link numbers, "[12]", cut by docpipe.clean.normalize); a line is measured at
-- its dumped length when the next one's first word is tested against the width
-- @return list of {text, indent, group, bullet (marker or nil), first, last (line numbers)}, W
function M.split(text, pad)
  if text:find("\r", 1, true) then text = text:gsub("\r\n?", "\n") end
  if text:find("\t", 1, true) then text = text:gsub("\t", "    ") end
  -- no-break and other wide spaces become plain spaces, once for the page
  -- (looked for by their lead bytes first: U+00A0 is C2 A0, the others start E1 9A,
  -- E2 80, E2 81 or E3 80, and E2 80 also starts the curly quotes)
  if (text:find("\194\160", 1, true) or text:find("\225\154\128", 1, true) or text:find("\226\129\159", 1, true)
      or text:find("\227\128\128", 1, true) or wide_e2(text)) and rx_wide_space:find(text) then
    text = rx_wide_space:gsub(text, " ")
  end
  -- (with each line's first and last byte that is not a space, and the first one's
  -- value, from the C pass that splits the page: three calls a line fewer)
  local lines, firsts, lasts, leads = dp.text.lines(text, true)
  -- the wrap column, M.wrap_width then M.narrow_width, in one C call (the same
  -- method; the Lua functions are its reference, held equal by a spec): some
  -- 3,000 instructions a line in Lua, where many lines are measured several
  -- times; with a column, chars lists each line's length in characters
  local W, chars = wrap_width(lines, true)
  -- (the ragged column, found when first asked: nil until then)
  local rw
  local function ragged(lines, chars, firsts, leads, W, pad, s)
    if rw == nil then rw = ragged_width(lines, chars, firsts, leads, W, pad) end
    return rw and s > rw
  end
  local blocks, group, prev_blank = {}, 0, true
  local cur
  for i = 1, #lines do local raw = lines[i]
    -- (a line that neither starts nor ends with a space is its own body: no copy)
    local first_char, last_char = firsts[i], lasts[i]
    local body
    if first_char == 0 then
      body = ""
    elseif first_char == 1 and last_char == #raw then
      body = raw
    else
      body = sub(raw, first_char, last_char)
    end
    if body == "" then
      prev_blank = true
      cur = nil
    else
      if prev_blank then group = group + 1 end
      prev_blank = false
      local indent = first_char - 1
      -- a bullet starts with a digit, * + - or the lead byte of • · – ▪ ... (C2, E2)
      local b1 = leads[i]
      -- (the marker, and where the white space after it ends, from one search)
      local marker, mark_end
      if (b1 >= 48 and b1 <= 57) or b1 == 42 or b1 == 43 or b1 == 45 or b1 == 194 or b1 == 226 then
        local _
        _, mark_end, marker = rx_bullet:find(body)
      end
      local joined = false
      -- a number or a dash at the start of a wrapped line is not a list item
      local weak = marker and ((b1 >= 48 and b1 <= 57) or marker == "-" or marker == "–")
      -- a wrapped line continues at the text column of the line it continues
      if cur and W and (not marker or weak) and not rule_line(body) and not rule_line(cur.text) then
        local column = cur.indent + (cur.bullet and #cur.bullet + 1 or 0)
        -- (or the item's own margin, when a numbered paragraph was wrapped back to it
        -- and the next word would not have fitted: "4. The Fairgrounds, 3 Fair Lane," /
        -- "Pinegate.")
        local back = cur.bullet and not marker and indent == cur.indent and byte(cur.bullet, 1) <= 57
        -- (a bullet of several bytes, "•", counts its characters: "• Supply of ..." /
        -- "  capacity of ...")
        if math.abs(indent - column) <= 1 or back
          or (cur.bullet and byte(cur.bullet, 1) >= 128 and math.abs(indent - cur.indent - clen(cur.bullet) - 1) <= 1) then
          local first = body:match("^(%S+)")
          local prev = lines[cur.last]
          local plen = chars[cur.last]
          local tail = trailing_space(prev)
          if tail then plen = plen - (#prev - tail + 1) end
          if pad and pad[cur.last] then plen = plen + pad[cur.last] end
          -- (or, whatever the width says, when the line ends no sentence, reaches three
          -- quarters of the width and the next one goes on in lower case: a sentence cut
          -- where a dumper wrapped narrower than the page's longest lines; 60% of it when
          -- the next line closes the sentence, as in a narrow inline box)
          -- (a line longer than W that the dumper could have broken before W was left
          -- unwrapped: a headline over its date line; nothing continues it)
          local b1 = byte(body, 1)
          local sp = plen > W + 1 and find(prev, " ", 1, true)
          if sp and sp <= W and not find(prev, "^ ") then
          -- (a new entry of a dated list, "Aug. 9 -- ...", under an entry opened so)
          elseif b1 >= 65 and b1 <= 90 and list_entry(body) and list_entry(cur.text) then
          elseif plen + 1 + clen(first) > W
            or (not back and b1 >= 97 and b1 <= 122 and ends_open(prev) and (plen >= 0.75 * W
              or (plen >= 0.6 * W and STOP_END[byte(body, -1)])))
            -- (or a bracket the line opened and left open, that the next line closes
            -- and ends with: a caption's credit cut at the wrap, "... (Photograph:" /
            -- "NAME)")
            or (not back and byte(body, -1) == 41 and plen >= 0.6 * W and find(prev, "%([^)]*$")
              and not find(body, "(", 1, true))
            -- (or the next word would not have fitted within the column a ragged
            -- wrapper broke the page's lines short of: ragged_width)
            or (not marker and not back and plen + 1 + clen(first) > W - RAGGED_MAX - 1 and ends_open(prev)
              and ragged(lines, chars, firsts, leads, W, pad, plen + 1 + clen(first))) then
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
        -- (made with room for the fields that tokenize and the clean stage's evidence
        -- add later, text, indent, group, first, last, bullet, ids, hits, nw, nstop,
        -- hint, bits, gaps, chars, density, sentence, label, class...: a table that
        -- grows is rebuilt at 9 and 17; a constructor listing them as nil would store
        -- each nil key through the slow path of a table write)
        cur = new_table(0, 22)
        cur.text, cur.indent, cur.group, cur.first, cur.last = body, indent, group, i, i
        if marker then
          -- (the marker is the match up to its white space: no byte of it is one)
          cur.bullet = marker
          -- a symbol bullet goes; a list number stays part of the item's text
          if b1 < 48 or b1 > 57 then cur.text = body:sub(mark_end + 1) end
        end
        blocks[#blocks + 1] = cur
      end
    end
  end
  -- the lines holding two spaces in a row, from one scan of the page (a block's text
  -- is made of its lines' trimmed text joined by one space or none, so only a block
  -- with such a line, or whose tags were cut out, can hold a run of spaces)
  local dbl = {}
  local p = text:find("  ", 1, true)
  if p then
    local li, start = 1, 1 -- line li starts at byte `start` of the page
    while p do
      while start + #lines[li] <= p do start = start + #lines[li] + 1; li = li + 1 end
      dbl[li] = true
      p = text:find("  ", start + #lines[li] + 1, true)
    end
  end
  local has_tag = text:find("<", 1, true)
  for _i = 1, #blocks do local b = blocks[_i]
    -- HTML tags the dumper left in the text (an anchor inside a caption, an <img>)
    local tagged = has_tag and b.text:find("<", 1, true)
    if tagged then b.text = rx_tag:gsub(b.text, " ") end
    local spaced = tagged
    for x = b.first, tagged and 0 or b.last do if dbl[x] then spaced = true; break end end
    local t = b.text
    if spaced and (t:find("  ", 1, true) or byte(t, 1) == 32 or byte(t, -1) == 32) then
      -- items set apart by runs of spaces ("News   Sports   Weather"): a menu or a
      -- button row; a gap after sentence punctuation does not count
      local gaps = M.space_gaps(b.text)
      if gaps > 0 then b.gaps = gaps end
      b.text = normalize_space(b.text)
    end
  end
  -- a block on the line right under a rule line is marked rule_above, one on the line
  -- right over one rule_below: the borders of a box ("-----" / text / "-----"), which
  -- the body's ruled_box reads (the rule lines themselves carry no words)
  for x = 1, #blocks do
    local b = blocks[x]
    if RULE_BYTE[byte(b.text, 1)] and rule_line(b.text) then
      local up, dn = blocks[x - 1], blocks[x + 1]
      if up and up.last == b.first - 1 then up.rule_below = true end
      if dn and dn.first == b.last + 1 then dn.rule_above = true end
    end
  end
  return blocks, W
end

-- what a word is, as bits: 1 a function word (stop), 2 a word announcing a contributor
-- line (hints), 4 a four-digit number (a year), 8 holds a digit, 16 a word of a relative
-- time ("ago", "now", "today", "yesterday", "this"); a hints entry that is a number
-- gives its own bits instead of 2 (32: a word that triggers a cue pattern)
local RELATIVE = { ago = true, now = true, today = true, yesterday = true, this = true }
M.WORD_STOP, M.WORD_HINT, M.WORD_YEAR, M.WORD_DIGIT, M.WORD_RELATIVE = 1, 2, 4, 8, 16

--- Tokenise every block: b.ids (its lower-cased words as interned numbers), b.nw
-- (words); with a word set `stop`, b.nstop (words in it); with `hints`, b.hint (true
-- when a word of that set occurs); b.bits, the union of its words' bits (above).
-- The page is tokenised and interned in one C call (docpipe.shingle: the words of
-- dp.text.words after string.lower, looked up in a hash table that lives from page to
-- page), which also sums the flags per block.
-- @param keep optional table kept from page to page (the stage's state): the interned
--   words and their flags live on in it, so that a new page only costs lookups for the
--   words seen before (it is reset past 200,000 words)
-- @param hitmask optional word bits: b.hits lists the ids of the block's words that
--   have one of them (nil when none does), for a caller that looks only those up
-- @return the interner (it:id(word) gives a word's id: no Lua table of the words is
--   kept, where one entry a new word cost its insertion and the collector's walks of
--   a table of up to 200,000 words), and keep.fresh: the words with a hint interned
--   for the first time, not yet read (see above)
function M.tokenize(blocks, stop, hints, keep, hitmask)
  keep = keep or {}
  local it = keep.interner
  if not it or it:count() > 200000 then
    it = interner()
    keep.interner = it
  end
  -- (the new words that have a hint are also listed in keep.fresh, until a reader
  -- empties it: docpipe.clean.evidence maps the cue trigger words among them)
  local fresh = keep.fresh or {}
  keep.fresh = fresh
  -- (the word's bits, above, given by the interner to each word it has not seen,
  -- some hundred a news story while the vocabulary grows: the sets looked up and the
  -- digits read in C, where a call into Lua for each new word cost some 1,000
  -- instructions; a hint word is listed in fresh as it is interned)
  local flag_of = {
    { stop, M.WORD_STOP }, { hints, M.WORD_HINT, fresh, true }, { RELATIVE, M.WORD_RELATIVE },
    digit = M.WORD_DIGIT, year = M.WORD_YEAR,
  }
  -- (each block's ids, nw, nstop, hint (a word with WORD_HINT), bits and, with hitmask,
  -- hits written into it by the interner: no lists of them and no loop here)
  local first = it:ids(blocks, flag_of, 1, hitmask, M.WORD_HINT)
  -- the page as one token stream, for cut_repeats: the interner holds it until its
  -- next call (`streamed` tells which blocks it belongs to)
  blocks.interner, blocks.first = it, first
  streamed[it] = blocks
  return it, fresh
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
  -- (b.hits no longer tells the block's words: its readers walk b.ids)
  b.ids, b.nw, b.nstop, b.hits = keep_i, #keep_i, nil, nil
  if #keep_i == 0 then
    b.removed = "repeated caption"
    b.removed_text = b.text
  end
end

--- Cut adjacent repeats of 3 or more words (captions printed twice, repeated labels).
-- Blocks left empty get `removed = "repeated caption"` (and the block under one gets
-- `under_repeat`, the emptied block); partly cut blocks get their
-- text shortened and the cut text listed in `cut`. Tokenises the blocks when needed.
-- opts: min_words (3), max_words (150). The repeats are found over the token stream
-- that M.tokenize left with the interner, or over the blocks' ids when there is none.
-- @return list of removed text pieces {text, reason}
function M.cut_repeats(blocks, opts)
  opts = opts or {}
  local minw = opts.min_words or 3
  local maxw = opts.max_words or 150
  if blocks[1] and not blocks[1].ids then M.tokenize(blocks) end
  -- the page as one token stream (first[bi]: the index before block bi's first token),
  -- and the candidates in page order: each position whose pair of words comes again
  -- within maxw tokens, with the shortest repeat of minw words or more starting there
  -- (docpipe.shingle follows each pair to its next occurrence)
  local it, first = blocks.interner, blocks.first
  blocks.interner, blocks.first = nil, nil
  local cand
  if it and first and streamed[it] == blocks then
    cand = it:repeats(minw, maxw)
  else
    local tok, n0 = {}, 0
    first = {}
    for bi = 1, #blocks do
      local ids = blocks[bi].ids
      first[bi] = n0
      for k = 1, #ids do tok[n0 + k] = ids[k] end
      n0 = n0 + #ids
    end
    first[#blocks + 1] = n0
    cand = repeats(tok, n0, minw, maxw)
  end
  local n = first[#blocks + 1]
  -- (the block found last is tried first: the calls come in runs over one repeat)
  local nb, last_bi = #blocks, 1
  local function block_of(x) -- binary search: the block holding token x
    local b = last_bi
    if first[b] < x and (b == nb or first[b + 1] >= x) then return b end
    local lo, hi = 1, nb
    while lo < hi do
      local mid = (lo + hi + 1) // 2
      if first[mid] < x then lo = mid else hi = mid - 1 end
    end
    last_bi = lo
    return lo
  end
  -- the id of token x (1 <= x <= n), through the last two blocks read (the copies of
  -- a repeat are compared word by word, most often across two blocks)
  local a1, z1, ids1, a2, z2, ids2 = 1, 0, nil, 1, 0, nil
  local function tok(x)
    if x >= a1 and x <= z1 then return ids1[x - a1 + 1] end
    if x >= a2 and x <= z2 then return ids2[x - a2 + 1] end
    local bi = block_of(x)
    a2, z2, ids2 = a1, z1, ids1
    a1, z1, ids1 = first[bi] + 1, first[bi + 1], blocks[bi].ids
    return ids1[x - a1 + 1]
  end
  -- (ndead[bi]: how many of block bi's tokens are dead)
  local dead, segs, touched, ndead = {}, {}, {}, {}
  local nd = 0
  -- the word spans of block b (1-based bytes), kept on it
  local function spans(b)
    if not b.starts then
      local _, starts, ends = dp.text.word_spans(b.text)
      b.starts, b.ends = starts, ends
    end
    return b.starts, b.ends
  end
  -- the byte where block b's word k + 1 starts when no stop stands between it and
  -- word k (the sentence goes on), else nil
  local function goes_on(b, k)
    local starts, ends = spans(b)
    local e, s = ends[k], starts[k + 1]
    if e and s and not b.text:sub(e + 1, s - 1):find("[.!?:;]") then return s end
    return nil
  end
  local function starts_unit(x)
    local bi = block_of(x)
    local loc = x - first[bi]
    if loc == 1 then return true end
    local b = blocks[bi]
    local starts, ends = spans(b)
    local a, z = ends[loc - 1], starts[loc]
    return (a and z and b.text:sub(a + 1, z - 1):find("[.!?:;]")) and true or false
  end
  -- how many tokens from y on each equal the token p before them (tok(y) == tok(y - p),
  -- up to n). The run last walked is kept per distance p: the candidates inside one
  -- long run (a word printed 10,000 times in one paragraph, whose copies are not
  -- blocks of their own and so are never cut) read it instead of walking it again,
  -- which kept the page quadratic.
  local run_lo, run_hi = {}, {} -- per p: [lo, hi) match, hi is the first miss (or n + 1)
  local function run_from(y, p)
    local lo, hi = run_lo[p], run_hi[p]
    if not lo or y < lo or y > hi then
      hi = y
      while hi <= n and tok(hi) == tok(hi - p) do hi = hi + 1 end
      run_lo[p], run_hi[p] = y, hi
    end
    return hi - y
  end
  -- how many nonempty blocks from block bi on in a row have as many words as it does
  -- (empty blocks between them do not count and do not break the row): the copies of a
  -- repeat starting at bi that are whole blocks, when bi is a block of `best` words
  local same_len
  local function whole_copies(x, best)
    local bi = block_of(x)
    if x - first[bi] ~= 1 or #blocks[bi].ids ~= best then return 0 end
    if not same_len then
      same_len = {}
      local nx -- the next nonempty block
      for b = #blocks, 1, -1 do
        local m = #blocks[b].ids
        if m > 0 then
          same_len[b] = (nx and #blocks[nx].ids == m) and same_len[nx] + 1 or 1
          nx = b
        end
      end
    end
    return same_len[bi]
  end
  local done = 0 -- tokens before this index are settled
  for c0 = 1, #cand, 2 do
    local i = cand[c0]
    if i > done then
      local best = cand[c0 + 1]
      -- the same repeat can be read from several starting words (a caption ending in
      -- "2021" after a line ending in "2021"); start it at a block or sentence start
      local shift = 0
      while shift < best and i + 2 * best + shift <= n and tok(i + shift) == tok(i + 2 * best + shift) do
        shift = shift + 1
      end
      for t = 0, shift do
        if starts_unit(i + t) then i = i + t; break end
      end
      -- how many copies follow: the first two are equal (the candidate, and the shift
      -- above only moves along equal words), so each further copy equals the one before
      local copies = 2 + run_from(i + 2 * best, best) // best
      -- a short repeat (5 words or fewer) counts only as whole blocks: inside prose it
      -- is the writer's ("Stay with me, stay with me", "About Ashford Valley Power"
      -- above "Ashford Valley Power supplies..."); tested here, before the walk over
      -- every copy below (the copies of a word printed 10,000 times in a paragraph)
      if best <= 5 and whole_copies(i, best) < copies then goto next_cand end
      -- a copy that is a whole block beside a copy inside a longer paragraph: a pull
      -- quote, only the block of its own goes
      local whole, anywhole, inside, lead_at = {}, false, 0, nil
      for c = 0, copies - 1 do
        local a, z = i + c * best, i + (c + 1) * best - 1
        local ba, bz = block_of(a), block_of(z)
        local na = #blocks[ba].ids
        local isw = ba == bz and a - first[ba] == 1 and z - first[bz] == na
        -- (or whole blocks in a row: a pull quote set over two indented lines)
        if not isw and ba ~= bz and a - first[ba] == 1 and z == first[bz + 1] then isw = true end
        whole[c] = isw
        if isw then anywhole = true end
        if not isw and ba == bz and na >= best + 8 then
          if a - first[ba] > 1 then inside = inside + 1
          elseif not lead_at then lead_at = c end
        end
      end
      -- a copy opening a longer paragraph beside a block of its own: a pull quote, and
      -- the paragraph keeps its words, whether its sentence goes on past the copy ("We
      -- lost," he said ...) or ends there and the next one goes on ('"We lost. Nobody
      -- ..."'): a sentence is never cut out of a body paragraph (a caption printed
      -- twice and glued to the next paragraph is left to the caption rules)
      if lead_at and anywhole then
        inside = inside + 1
      end
      local partial = anywhole and inside > 0
      -- a copy opening a block whose sentence goes on in lower case ("... Courtesy of
      -- the Cedar Bend Fire Department" above "The Cedar Bend Fire Department will
      -- ..."): the article naming the credited body, no repeat; without it, fewer than
      -- two copies are left and nothing is cut
      local last = i + (copies - 1) * best
      local lb = block_of(last)
      if copies == 2 and not whole[1] and last - first[lb] == 1 and lb == block_of(last + best - 1) then
        local b = blocks[lb]
        local s = goes_on(b, best)
        if s and b.text:find("^%l", s) then copies = 0 end
      end
      if copies > 0 then
        -- (the repeat's words, copied from the ids of the blocks it spans)
        local seg, x, z = {}, i, i + best - 1
        while x <= z do
          local bi = block_of(x)
          local e = math.min(z, first[bi + 1])
          table.move(blocks[bi].ids, x - first[bi], e - first[bi], x - i + 1, seg)
          x = e + 1
        end
        segs[#segs + 1] = seg
      end
      for c = 0, copies - 1 do
        if not partial or whole[c] then
          local a, z = i + c * best, i + (c + 1) * best - 1
          -- (the copies of the candidates taken are apart: each starts past `done`)
          for bi = block_of(a), block_of(z) do
            touched[bi] = true
            local lo, hi = math.max(a, first[bi] + 1), math.min(z, first[bi + 1])
            for x = lo, hi do dead[x] = true end
            if hi >= lo then ndead[bi] = (ndead[bi] or 0) + hi - lo + 1 end
          end
          nd = nd + 1
        end
      end
      if copies > 0 then done = i + copies * best - 1 end
    end
    ::next_cand::
  end
  -- adjacent blocks with the same words (a name under a photo printed twice), and a
  -- block that is only another copy of a cut caption
  local function same_ids(x, y)
    if #x ~= #y then return false end
    for k = 1, #x do if x[k] ~= y[k] then return false end end
    return true
  end
  -- (the cut captions by their word count, in order: a block is compared only with
  -- those of its own length, the others differ at once)
  local segs_of = {}
  for _i = 1, #segs do local seg = segs[_i]
    local l = segs_of[#seg]
    if not l then l = {}; segs_of[#seg] = l end
    l[#l + 1] = seg
  end
  local prev
  for bi = 1, #blocks do local b = blocks[bi]
    local ids = b.ids
    local m = #ids
    if m > 0 then
      -- (the lengths first: most neighbours differ in length, and a call costs more)
      if m >= 2 and prev and #blocks[prev].ids == m and same_ids(ids, blocks[prev].ids) then
        b.all_dead, blocks[prev].all_dead = true, true
        touched[bi], touched[prev] = true, true
        nd = nd + 1
      end
      local same_length = m >= minw and segs_of[m]
      if same_length then
        for _i = 1, #same_length do local seg = same_length[_i]
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
        local k = ndead[bi] or 0
        any, all = k > 0, k == m
      end
      if any and (all or b.all_dead) then
        b.removed = "repeated caption"
        b.removed_text = b.text
        -- (the block under it may be a pull quote's attribution: docpipe.clean.body)
        if blocks[bi + 1] then blocks[bi + 1].under_repeat = b end
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
-- (a pull quote set out away from the sentence it repeats): the block's ids as a
-- contiguous run inside a block of at least three words more, found by
-- docpipe.shingle.contained through the blocks' first three words.
-- @param list blocks with ids (the body candidates)
-- @param min_words shortest block tested (default 5)
-- @return set: block -> the longer block that holds its words (the first in list order)
function M.contained(list, min_words)
  -- (a block is only found in a longer one: with one block, as a one-paragraph news
  -- story, there is none, and the C call would still read every word id of it)
  if #list < 2 then return {} end
  local lists = {}
  for i = 1, #list do lists[i] = list[i].ids end
  local out = {}
  for i, j in pairs(contained(lists, min_words or 5)) do out[list[i]] = list[j] end
  return out
end

return M
