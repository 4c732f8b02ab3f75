--- Evidence and scores of page blocks for the clean stage.
--
-- Method: the shallow text features of jusText (Pomikálek 2011) and Boilerpipe
-- (Kohlschütter et al. 2010) for one block: words, characters, stopword density,
-- sentence-final punctuation, bullet, all-capitals label, boilerplate cue
-- (en/clean_boilerplate.txt, each pattern with its word limit; the advertisement labels
-- of other languages, en/clean_ad_labels.txt, looked up as "ads" cues), a row of items set
-- apart by runs of spaces (a menu), end-of-article marker (en/clean_end_markers.txt),
-- timestamp line, relative time ("Updated 2 hours ago"), a clock without a date (a
-- market-data widget; alone on its line, "14.35 BST", the time of an entry), byline (also after a date: "Posted on DATE by NAME"), role line
-- ("Staff Writer"), contributor line; the jusText class (short / good / near-good /
-- bad, thresholds from the stage options); a score per block for the maximum-sum
-- window of BTE (Finn et al. 2001): good blocks count their words, near-good three
-- quarters, sentences with few function words a quarter, numbered list items that are
-- sentences as paragraphs, items of a list introduced by a sentence ending in ':' half,
-- the rest a small penalty, and timestamps, bylines, contributor lines and copyright
-- lines are barriers (NEG) the window cannot cross; a caption known by its credit
-- ("... on Monday. (Agency)", a "NAME/Outlet" credit glued to its last sentence, a
-- "© AGENCY/Name" one after it) or
-- opened by an image marker ("[photo] ...", en/clean_body_caption_credits.txt) and a
-- player's running time ("Duration: 1 minute 12 seconds", "1m 12s",
-- en/clean_body_durations.txt) are cues too; a run of markup debris (image
-- names, gallery counters, credited captions) costs one gap whatever its length.
-- Speed: a block is ruled out of most cue patterns without a regular expression: the
-- anchored patterns are filed by the first bytes their matches can start with, each
-- literal prefix by as many of its first four bytes as are known for sure, the
-- others by a word their matches must contain (looked up among the block's word ids);
-- only the alternation that can match runs, and the single patterns only to name the
-- kind. \b in a pattern is read as an ASCII word boundary (a Unicode one costs a
-- property lookup per position). See cue_kind below.
-- Units: byte offsets are 1-based inclusive (none are used here).

local dp = require "docpipe"
local normalize = require "docpipe.clean.normalize"

local re = dp.re
local concat = table.concat
local byte = string.byte
local NEG = -1e9

-- a block's shape from one C scan (docpipe.text.shape): its characters (what
-- `utf8.len(s) or #s` gives: docpipe's UTF-8 rules are Lua's, no overlong forms,
-- surrogates or code points past U+10FFFF), its first two bytes and its last, and
-- what it holds (the bits of SHAPE: a sentence end, ASCII letters of either case, a
-- lead byte past U+00BF, '/', '©', ':' near the end, '|', ',', '·'); the tests below
-- would each cost a call of their own (a call from Lua to C costs some 500
-- instructions, a Lua pattern with a class some 150 a byte)
local text_shape, SHAPE = dp.text.shape, dp.text.SHAPE
local S_SENTENCE, S_LOWER, S_UPPER, S_WIDE = SHAPE.sentence, SHAPE.lower, SHAPE.upper, SHAPE.wide
local S_CAPTION = SHAPE.slash | SHAPE.copyright | SHAPE.colon_end
local S_LIST = SHAPE.bar | SHAPE.comma | SHAPE.middot
local BYTE_BITS = SHAPE.byte_bits

local DEFAULT_LIMIT = { media = 60, caption = 60, legal = 300 }
-- the longest block, in bytes, a cue is looked for in (300 words of legal text come to
-- some 2,000 bytes)
local MAX_CUE_BYTES = 8192
-- the word bit (docpipe.clean.blocks word flags) of a word that triggers a cue pattern
local TRIGGER = 32

local ascii_boundaries = normalize.ascii_boundaries
local cleanc_cues = dp.cleanc.cues
local cleanc_litset = dp.cleanc.litset

-- ---------------------------------------------------------------------------------
-- Cue matching. Each pattern of en/clean_boilerplate.txt is read once for what must
-- start or appear in any of its matches, so that most blocks are ruled out without a
-- regular expression (a PCRE2 call with dozens of branches costs far more than a table
-- lookup):
--  * a pattern anchored at the start is filed, each literal prefix of its matches on
--    its own, under as many of the prefix's first four bytes as are sure ("^(share|
--    print|x)" under shar, prin and x), the first byte alone when the second is not
--    sure ("^\d+ of" under the digits, "^skip" under s: a caseless k or s also matches
--    U+212A or U+017F, and \s stands for any space); a block is tested only against
--    the one alternation of the patterns filed under its first byte, its first two,
--    three and four;
--  * any other pattern is filed under a word of each literal its matches start with
--    (the first that is not a function word, with its plural when the literal may end
--    inside a longer word: "\bshare (this|on)" under "share", "\((photo|image)" under
--    "photo(s)", "\bin your inbox" under "inbox"), or under a literal it must contain
--    ("...\s+ago$" under "ago", "^([^|]{1,30}\| ){2,}" under "|"); only the patterns
--    whose word the block holds (looked up among its word ids, after a word bit of the
--    tokeniser, TRIGGER, tells that it holds one) or whose literal it holds (in a block
--    short enough for them, after one alternation of the literals tells that it holds
--    any) are tried, one by one; a pattern with neither is tried on
--    every block (a literal that is a word, "ago", must be matched as a whole word);
--  * when an alternation matches, the patterns are tried one by one (each compiled on
--    first use) to name the kind, in file order, honouring each pattern's word limit.
-- ---------------------------------------------------------------------------------

local META = { ["\\"] = true, ["["] = true, ["]"] = true, ["("] = true, [")"] = true, ["|"] = true,
  ["?"] = true, ["*"] = true, ["+"] = true, ["{"] = true, ["}"] = true, ["."] = true, ["^"] = true, ["$"] = true }
local ESCAPED = { ["("] = true, [")"] = true, ["."] = true, ["$"] = true, ["["] = true, ["]"] = true,
  ["|"] = true, ["?"] = true, ["*"] = true, ["+"] = true, ["{"] = true, ["}"] = true, ["\\"] = true,
  ["/"] = true, ["-"] = true, ["#"] = true, ["&"] = true, [":"] = true, ["@"] = true }

-- index just past the group or class that opens at i; a second value true when the
-- pattern ends before it closes
local function skip_group(pat, i)
  local depth, in_class, k = 0, false, i
  while k <= #pat do
    local c = pat:sub(k, k)
    if c == "\\" then k = k + 1
    elseif in_class then if c == "]" then in_class = false end
    elseif c == "[" then
      in_class = true
      if pat:sub(k + 1, k + 1) == "^" then k = k + 1 end
      if pat:sub(k + 1, k + 1) == "]" then k = k + 1 end
    elseif c == "(" then depth = depth + 1
    elseif c == ")" then
      depth = depth - 1
      if depth == 0 then return k + 1 end
    end
    if depth == 0 and not in_class and c ~= "(" then return k + 1 end
    k = k + 1
  end
  return k, true  -- (ran off the end: the group is not closed)
end

-- the top-level branches of the group that opens at i: list of substrings, next index
local function branches(pat, i)
  local j = i + 1
  if pat:sub(j, j + 1) == "?:" then j = j + 2 elseif pat:sub(j, j) == "?" then return nil end
  local list, start, depth, in_class, k = {}, j, 0, false, j
  while k <= #pat do
    local c = pat:sub(k, k)
    if c == "\\" then k = k + 1
    elseif in_class then if c == "]" then in_class = false end
    elseif c == "[" then in_class = true
    elseif c == "(" then depth = depth + 1
    elseif c == ")" then
      if depth == 0 then
        list[#list + 1] = pat:sub(start, k - 1)
        return list, k + 1
      end
      depth = depth - 1
    elseif c == "|" and depth == 0 then
      list[#list + 1] = pat:sub(start, k - 1)
      start = k + 1
    end
    k = k + 1
  end
  return nil
end

local function optional_after(pat, k)
  local q = pat:sub(k, k)
  return q == "?" or q == "*" or pat:sub(k, k + 2) == "{0,"
end

local function quantifier_end(pat, k)
  local q = pat:sub(k, k)
  if q == "?" or q == "*" or q == "+" then
    k = k + 1
    if pat:sub(k, k) == "?" or pat:sub(k, k) == "+" then k = k + 1 end
  elseif q == "{" then
    local e = pat:find("}", k, true)
    if e then k = e + 1 end
  end
  return k
end

-- The lower-cased literal strings one of which starts every match of pat (from i), or
-- nil. A literal run, a group whose every branch has prefixes, an optional item
-- followed by more (both sides taken).
local function prefixes(pat, i, required)
  i = i or 1
  while pat:sub(i, i + 1) == "\\b" or pat:sub(i, i) == "^" do
    i = i + (pat:sub(i, i) == "^" and 1 or 2)
  end
  if i > #pat or pat:sub(i, i) == "$" or pat:sub(i, i) == "|" or pat:sub(i, i) == ")" then return nil end
  local c = pat:sub(i, i)
  local first, j
  if c == "(" then
    local list, k = branches(pat, i)
    if not list then return nil end
    first = {}
    for _, br in ipairs(list) do
      local p = prefixes(br)
      if not p then return nil end
      for _, x in ipairs(p) do first[#first + 1] = x end
    end
    j = k
  else
    -- a literal run
    local out, k = {}, i
    while k <= #pat do
      local ch = pat:sub(k, k)
      local lit, w = nil, 1
      if ch == "\\" then
        local d = pat:sub(k + 1, k + 1)
        if ESCAPED[d] then lit, w = d, 2 elseif d == "s" then lit, w = " ", 2 else break end
      elseif not META[ch] then
        lit = ch
      else
        break
      end
      if optional_after(pat, k + w) then break end
      out[#out + 1] = lit
      k = k + w
      if pat:sub(k, k) == "+" or pat:sub(k, k) == "{" then break end
    end
    if #out == 0 then return nil end
    first = { table.concat(out):lower() }
    -- a short run followed by a group: joined to each branch ("\((photo|image)")
    if #first[1] < 3 and pat:sub(k, k) == "(" then
      local more = prefixes(pat, k)
      if more and #more <= 40 then
        local joined = {}
        for _, m in ipairs(more) do joined[#joined + 1] = first[1] .. m end
        return joined
      end
    end
    return first
  end
  -- an optional group: what follows may start the match too (and when what is wanted
  -- is a literal every match holds, only what follows counts)
  if optional_after(pat, j) then
    local rest = prefixes(pat, quantifier_end(pat, j), required)
    if not rest then return nil end
    if required then return rest end
    for _, x in ipairs(rest) do first[#first + 1] = x end
  end
  return first
end

-- A literal every match of pat contains: the longest run of literal characters that no
-- quantifier makes optional, at the top level or inside a group of one branch that is
-- required; 3 characters or more, or one rare sign ("|", ">", "»").
local function required_literal(pat)
  local best, cur, k = "", {}, 1
  local function consider(r)
    r = dp.text.trim(r or ""):lower()
    local ok = #r >= 3 or (r ~= "" and not r:find("[%w%s]"))
    if ok and #r > #best then best = r end
  end
  local function flush()
    consider(table.concat(cur))
    cur = {}
  end
  while k <= #pat do
    local c = pat:sub(k, k)
    if c == "(" then
      flush()
      local e = skip_group(pat, k)
      local list = branches(pat, k)
      if list and #list == 1 and not optional_after(pat, e) then
        consider(required_literal(list[1]))
      end
      k = quantifier_end(pat, e)
    elseif c == "[" then
      flush()
      k = quantifier_end(pat, skip_group(pat, k))
    elseif c == "\\" then
      local d = pat:sub(k + 1, k + 1)
      local lit = ESCAPED[d] and d or (d == "s" and " ") or nil
      if lit and not optional_after(pat, k + 2) then cur[#cur + 1] = lit else flush() end
      k = quantifier_end(pat, k + 2)
    elseif META[c] then
      flush()
      k = quantifier_end(pat, k + 1)
    else
      if optional_after(pat, k + 1) then flush() else cur[#cur + 1] = c end
      k = quantifier_end(pat, k + 1)
    end
  end
  flush()
  return best ~= "" and best or nil
end

-- The first bytes (lower-cased) a match of an anchored pattern can start with, as a
-- set, or nil when it may start with any character.
local function first_bytes(pat)
  local pre = prefixes(pat)
  if pre then
    local set = {}
    for _, x in ipairs(pre) do
      local c = x:sub(1, 1)
      set[c:lower()] = true
    end
    return set
  end
  -- \d, a digit class: the digits, perhaps before an optional item
  local body = pat:gsub("^%^", "")
  if body:find("^\\d") then
    local set = {}
    for d = 0, 9 do set[tostring(d)] = true end
    return set
  end
  return nil
end

-- The first two bytes (lower-cased) a match of an anchored pattern can start with, as
-- a set of two-byte strings, or nil when some match may start otherwise: every literal
-- prefix must have a second character that only matches itself in either case (a
-- letter other than k and s, which match U+212A and U+017F caselessly, or a digit).
local function first_pairs(pat)
  local pre = prefixes(pat)
  if not pre then return nil end
  local set = {}
  for _, x in ipairs(pre) do
    if not x:find("^.[a-jl-rt-z0-9]") then return nil end
    set[x:sub(1, 2)] = true
  end
  return set
end

-- How many of the first bytes of a literal prefix (lower-cased) a match opens with
-- exactly, up to four: the first, then each byte that only matches itself in either
-- case (a letter other than k and s, which match U+212A and U+017F caselessly, or a
-- digit; not a space, which \s stands for)
local function sure_bytes(x)
  local n = 1
  while n < 4 and x:find("^[a-jl-rt-z0-9]", n + 1) do n = n + 1 end
  return n
end

-- the number a run of bytes is filed under (ASCII capitals lower-cased, as prefixes
-- lower-cases its bytes; other bytes as they are)
local function run_key(c1, c2, c3, c4)
  if c1 >= 65 and c1 <= 90 then c1 = c1 + 32 end
  if c2 >= 65 and c2 <= 90 then c2 = c2 + 32 end
  if c3 >= 65 and c3 <= 90 then c3 = c3 + 32 end
  local k = (c1 * 256 + c2) * 256 + c3
  if not c4 then return k end
  if c4 >= 65 and c4 <= 90 then c4 = c4 + 32 end
  return k * 256 + c4
end

-- ---------------------------------------------------------------------------------
-- The prefilter (docpipe.cleanc.litset): the literals one of which every match of a
-- pattern holds, found for all the blocks of a page in one C call before their
-- evidence is read; a pattern (or an alternation of patterns) whose literals a block
-- lacks is not run on it. Each pattern is given one bit of a 63-bit mask, in turn (so
-- a bit stands for several patterns, and only rules them out together); a block's mask
-- is the OR of the bits of the literals it holds, an alternation's the OR of its
-- patterns' bits, false when one of them has no literal (it always runs).
-- ---------------------------------------------------------------------------------

-- Does the character c (one UTF-8 sequence) match only itself, ASCII case aside, in a
-- caseless pattern? Not a "k" or an "s" (U+212A and U+017F match them caselessly), nor
-- a non-ASCII character with a case: of those, only the signs of U+00A1-U+00BF (but the
-- micro sign, U+00B5, a letter) and the punctuation of U+2010-U+205E are taken.
local function case_stable(c)
  local b = byte(c)
  if b < 128 then return b ~= 107 and b ~= 115 and b ~= 75 and b ~= 83 end
  local cp = utf8.codepoint(c)
  return (cp >= 0xA1 and cp <= 0xBF and cp ~= 0xB5) or (cp >= 0x2010 and cp <= 0x205E)
end

-- The end of a quantifier at k, or k when none; and whether it lets the item before it
-- appear no time ("?", "*", "{0,", "{,"), or more than once ("+", "{2,"): then a literal
-- run cannot go on through it.
local function quantifier_at(pat, k)
  local q = pat:sub(k, k)
  if q == "?" or q == "*" or q == "+" then
    local e = k + 1
    local q2 = pat:sub(e, e)
    if q2 == "?" or q2 == "+" then e = e + 1 end
    return e, q ~= "+", true
  elseif q == "{" then
    local lo, comma, e = pat:match("^{(%d*)(,?)%d*}()", k)
    if e then return e, lo == "" or tonumber(lo) == 0, comma ~= "" or tonumber(lo) ~= 1 end
  end
  return k, false, false
end

-- The literals (lower-cased) one of which every match of pat holds, as a list, or nil
-- when none is known. Read conservatively: a literal run stops at any quantifier, class,
-- escape other than an escaped sign, or character of case_stable's exceptions; a group
-- gives the literals of its branches when each branch has some and the group is
-- required; a lookaround, "." and the anchors give nothing; any construct not known
-- here ("(?i)", "\Q", a named group) gives nil for the whole pattern. Of the sets a
-- branch offers, the one whose shortest literal is longest is kept. A set of one-byte
-- literals is kept only when they are signs (no letter, digit or space).
local function literal_set(pat)
  local n, bad = #pat, false
  -- (a literal's worth: its length, none for one letter, digit or space, found in
  -- nearly every block)
  local function worth(x)
    if #x == 1 and x:find("[%w%s]") then return 0 end
    return #x
  end
  local function better(a, b) -- is set a better than b?
    if not b then return true end
    local ma, mb = math.huge, math.huge
    for _, x in ipairs(a) do if worth(x) < ma then ma = worth(x) end end
    for _, x in ipairs(b) do if worth(x) < mb then mb = worth(x) end end
    if ma ~= mb then return ma > mb end
    return #a < #b
  end
  -- the end of the group (index past its ')') opening at k; an unclosed one is bad
  local function group_end(k)
    local e, open = skip_group(pat, k)
    if open then bad = true end
    return e
  end
  local alt
  -- the branches from k to the ')' closing them (or the end): their set, and the index
  -- of that ')' (or n + 1)
  function alt(k)
    local sets, best, run = {}, nil, {}
    local function flush()
      if #run > 0 then
        local s = { concat(run):lower() }
        if better(s, best) then best = s end
        run = {}
      end
    end
    local function close_branch()
      flush()
      sets[#sets + 1] = best or false
      best = nil
    end
    while k <= n and not bad do
      local c = pat:sub(k, k)
      if c == "|" then
        close_branch()
        k = k + 1
      elseif c == ")" then
        break
      elseif c == "(" then
        flush()
        local e = group_end(k)
        local inner
        if pat:sub(k + 1, k + 2) == "?:" then
          inner = alt(k + 3)
        elseif pat:sub(k + 1, k + 1) == "?" then
          local la = pat:sub(k + 2, k + 2)
          local lb = pat:sub(k + 2, k + 3)
          if not (la == "=" or la == "!" or lb == "<=" or lb == "<!") then bad = true end
        else
          inner = alt(k + 1)
        end
        local q, optional = quantifier_at(pat, e)
        if inner and #inner > 0 and not optional and better(inner, best) then best = inner end
        k = q
      elseif c == "[" then
        -- a class (its end: past the ']' that closes it): a set of its characters when
        -- it is required and they are all plain characters of case_stable ("[-–—|·]"),
        -- else nothing known
        flush()
        local j = k + 1
        local negated = pat:sub(j, j) == "^"
        if negated then j = j + 1 end
        if pat:sub(j, j) == "]" then j = j + 1 end
        local members, plain = {}, not negated and j == k + 1
        while j <= n and pat:sub(j, j) ~= "]" do
          local d = pat:sub(j, j)
          if d == "\\" then
            plain = false
            j = j + 1
          elseif pat:sub(j, j + 1) == "[:" then
            plain = false
            local e = pat:find(":]", j + 2, true)
            if not e then bad = true; break end
            j = e + 1
          elseif byte(d) >= 0xC0 then
            local e = j + 1
            while e <= n and byte(pat, e) >= 0x80 and byte(pat, e) < 0xC0 do e = e + 1 end
            local ch = pat:sub(j, e - 1)
            if utf8.len(ch) == 1 and case_stable(ch) then members[#members + 1] = ch else plain = false end
            j = e - 1
          elseif d == "-" and j > k + 1 and pat:sub(j + 1, j + 1) ~= "]" then
            plain = false -- a range
          elseif byte(d) >= 0x80 or not case_stable(d) or d:find("%w") then
            plain = false
          else
            members[#members + 1] = d
          end
          j = j + 1
        end
        if j > n then bad = true end
        local q, optional = quantifier_at(pat, j + 1)
        if plain and #members > 0 and not optional and better(members, best) then best = members end
        k = q
      elseif c == "\\" then
        local d = pat:sub(k + 1, k + 1)
        if d == "" then bad = true; break end
        local e = k + 2
        local lit = nil
        if d:find("^[%p ]") then
          lit = d
        elseif d == "p" or d == "P" or d == "x" or d == "o" then
          -- a property, a code point: nothing known (its braces skipped)
          if pat:sub(e, e) == "{" then
            local z = pat:find("}", e, true)
            if not z then bad = true; break end
            e = z + 1
          elseif d == "x" then
            e = e + 2
          elseif d == "o" then
            bad = true; break
          else
            e = e + 1
          end
        elseif not d:find("^[dDwWsShHvVbBnrtfRNX]") then
          -- (a back reference, \Q quoting, an option: not read)
          bad = true; break
        end
        local q, optional, more = quantifier_at(pat, e)
        if lit and not optional and not more and case_stable(lit) then
          run[#run + 1] = lit
        else
          flush()
        end
        k = q
      elseif c == "." or c == "^" or c == "$" or c == "*" or c == "+" or c == "?" or c == "{" or c == "}" or c == "]" then
        flush()
        k = quantifier_at(pat, k + 1)
        if c == "{" or c == "}" or c == "]" then bad = true; break end
      else
        -- a literal character (the whole of its UTF-8 sequence)
        local e = k + 1
        if byte(c) >= 0xC0 then
          while e <= n and byte(pat, e) >= 0x80 and byte(pat, e) < 0xC0 do e = e + 1 end
        end
        local ch = pat:sub(k, e - 1)
        local q, optional, more = quantifier_at(pat, e)
        if not optional and not more and utf8.len(ch) == 1 and case_stable(ch) then
          run[#run + 1] = ch
        else
          flush()
        end
        k = q
      end
    end
    close_branch()
    local all = {}
    for _, s in ipairs(sets) do
      if not s then return nil, k end
      for _, x in ipairs(s) do all[#all + 1] = x end
    end
    return all, k
  end
  local set, k = alt(1)
  if bad or k <= n or not set or #set == 0 then return nil end
  for _, x in ipairs(set) do
    if #x < 2 and x:find("[%w%s]") then return nil end
  end
  return set
end

-- (the length, in bytes, a literal holding a letter must reach to have a bit of its own)
local WEAK_LITERAL = 3
-- (the bits: 0 for the weak patterns; 1 .. 46 given in turn to the single patterns;
-- 47 .. 62 one to each group, an alternation of a file's patterns tried as one (its bit
-- lit only by its own literals), in turn past 16 groups)
local PF_TURNS, PF_GROUPS = 46, 16

-- the bit of pattern pat in the prefilter P (its literals added to P's set), or false
-- when it has no literal; group: the list of the alternation pat is tried in as a
-- whole (docpipe.clean.evidence load_union), nil for a single pattern
local function prefilter_bit(P, pat, group)
  local lits = literal_set(pat)
  if not lits then return false end
  -- (a pattern with a short literal holding a letter, "li" of "like", is found in most
  -- blocks: those share one bit, so that they do not light the others')
  local weak = false
  for _, x in ipairs(lits) do
    if #x < WEAK_LITERAL and x:find("%a") then weak = true end
  end
  local bit = 1
  if weak then
    bit = 1
  elseif group then
    bit = P.groups[group]
    if not bit then
      bit = 1 << (PF_TURNS + 1 + P.ng % PF_GROUPS)
      P.ng = P.ng + 1
      P.groups[group] = bit
    end
  else
    bit = 1 << (1 + P.n % PF_TURNS)
    P.n = P.n + 1
  end
  for _, x in ipairs(lits) do P.set:add(x, bit) end
  return bit
end

-- the mask of an alternation of entries (each with its bit, e.pf): false when one of
-- them has none
local function prefilter_mask(list)
  local m = 0
  for _, e in ipairs(list) do
    if not e.pf then return false end
    m = m | e.pf
  end
  return m
end

local entry_rx = setmetatable({}, { __mode = "k" })
local function entry_find(e, text)
  local rx = entry_rx[e]
  if not rx then rx = re.compile(e.pat, "i"); entry_rx[e] = rx end
  return rx:find(text)
end

-- one alternation (non-capturing) over a list of entries
local function joined(list)
  if #list == 0 then return false end
  local parts = {}
  for i, e in ipairs(list) do parts[i] = e.pat end
  return re.compile("(?:" .. concat(parts, ")|(?:") .. ")", "i")
end

local function load_cues(lang, max_words, stop, P)
  local entries = {}
  local anchored_any, floats, float_words, float_raw = {}, {}, {}, {}
  local buckets_src = {}
  -- (the patterns whose first three or four bytes are known: by run_key of them; and
  -- the run_key of the two bytes opening any of them, lower-cased)
  local runs3, runs4, deep = {}, {}, {}
  for _, line in ipairs(dp.data.list(lang .. "/clean_boilerplate.txt")) do
    local kind, lim, pat = line:match("^(%a+):?(%d*)%s+(.+)$")
    if kind then
      local e = { kind = kind, pat = ascii_boundaries(pat), limit = tonumber(lim) or DEFAULT_LIMIT[kind] or max_words,
        order = #entries + 1 }
      e.pf = prefilter_bit(P, e.pat)
      entries[#entries + 1] = e
      local set = pat:sub(1, 1) == "^" and first_bytes(pat)
      local pre = set and prefixes(pat)
      if pre then
        -- each literal prefix filed under as many of its first bytes as are sure (one
        -- to four: a block is then tried only against the patterns its first word may
        -- open, not all those of its first byte or two)
        for _, x in ipairs(pre) do
          local n = sure_bytes(x)
          if n <= 2 then
            local k = x:sub(1, n)
            local l = buckets_src[k]
            if not l then l = {}; buckets_src[k] = l end
            if l[#l] ~= e then l[#l + 1] = e end
          else
            local t, k = n == 4 and runs4 or runs3, run_key(x:byte(1, n))
            local l = t[k]
            if not l then l = {}; t[k] = l end
            if l[#l] ~= e then l[#l + 1] = e end
            deep[x:byte(1) * 256 + x:byte(2)] = true
          end
        end
      elseif set then
        -- (no literal prefix: "^\d+ of" under the digits)
        for c in pairs(set) do
          local l = buckets_src[c]
          if not l then l = {}; buckets_src[c] = l end
          l[#l + 1] = e
        end
      else
        -- a floating pattern (or an anchored one of unknown start): filed under words
        local pre = pat:sub(1, 1) ~= "^" and prefixes(pat, 1, true)
        if pre then
          for _, x in ipairs(pre) do if #x < 2 and x:find("%w") then pre = nil; break end end
        end
        local req = not pre and required_literal(pat)
        local lits = pre or { req }
        if not pre and not req then
          anchored_any[#anchored_any + 1] = e -- must be tried on every block
        else
          floats[#floats + 1] = e
          local function file(t, k)
            local l = t[k]
            if not l then l = {}; t[k] = l end
            if l[#l] ~= e then l[#l + 1] = e end
          end
          for _, x in ipairs(lits) do
            -- the trigger: a word of the literal, the first that is not a function word
            -- ("in your inbox" -> "inbox"), and its plural when the literal may stop
            -- inside a longer word ("cookie" of "cookies?"); a literal the pattern must
            -- hold anywhere ("ago", "|") is searched for as it is, in the lower-cased block
            local ws = {}
            for w in x:gmatch("[%w\128-\255][%w\128-\255'’-]*") do ws[#ws + 1] = w end
            local pick
            for k, w in ipairs(ws) do
              if not (stop and stop[w]) then pick = k; break end
            end
            if pre and pick then
              file(float_words, ws[pick])
              if pick == #ws and not x:find("[^%w\128-\255'’-]$") then file(float_words, ws[pick] .. "s") end
            elseif pre and ws[1] then
              file(float_words, ws[1])
            else
              file(float_raw, x)
            end
          end
        end
      end
    end
  end
  local words, raw = {}, {}
  for w in pairs(float_words) do words[#words + 1] = w end
  for w in pairs(float_raw) do raw[#raw + 1] = w end
  table.sort(words)
  table.sort(raw)
  -- a literal that is a word ("ago" of "\s+ago$") is looked up among the block's words
  -- like a trigger word (a pattern that needs a word as its only literal matches it as
  -- a whole word); the others ("|", "»", "$") are looked for in the text, in a block
  -- short enough for one of their patterns
  local sym = {}
  for _, w in ipairs(raw) do
    if w:find("^[%a]+$") then
      for _, e in ipairs(float_raw[w]) do
        local l = float_words[w]
        if not l then l = {}; float_words[w] = l end
        l[#l + 1] = e
      end
      words[#words + 1] = w
    else
      sym[#sym + 1] = w
    end
  end
  table.sort(words)
  local C = {
    entries = entries, buckets_src = buckets_src, buckets = {}, by_sig = {}, any = anchored_any,
    runs3 = runs3, runs4 = runs4, deep = deep, deep_seen = {}, deep_n = 0,
    floats = floats, float_rx = joined(floats), words = words, raw = raw,
    word_entries = float_words, raw_entries = float_raw, raw_sym = sym, sets = {}, sets_n = 0,
  }
  -- (each literal's shape bits, those its first byte sets, docpipe.text.shape: a block
  -- whose shape lacks them does not hold it, and is spared the search; 0 when its
  -- first byte sets no bit, always searched)
  local sym_bits = {}
  for k, w in ipairs(sym) do sym_bits[k] = select(5, text_shape(w:sub(1, 1))) & BYTE_BITS end
  -- (and what a block without trigger words is told by before the C call: the most
  -- words any literal's patterns allow, and the union of the literals' bits, nil when
  -- one has none of its own)
  local raw_max, raw_bits = 0, 0
  for k, w in ipairs(sym) do
    for _, e in ipairs(float_raw[w]) do if e.limit > raw_max then raw_max = e.limit end end
    local f = sym_bits[k]
    if f == 0 or not raw_bits then raw_bits = nil else raw_bits = raw_bits | f end
  end
  C.raw_max, C.raw_bits = raw_max, raw_bits
  C.any_rx = joined(anchored_any)
  C.any_pf = prefilter_mask(anchored_any)
  -- (when each of them is anchored, one branch opening on "^", the bytes that may open
  -- a match, as PCRE2 reads them: a block opening with another is not tried)
  local all_anchored = C.any_rx and true
  for _, e in ipairs(anchored_any) do
    local br = branches("(" .. e.pat .. ")", 1)
    if e.pat:sub(1, 1) ~= "^" or not br or #br ~= 1 then all_anchored = false end
  end
  C.any_first = all_anchored and C.any_rx:first_bytes() or nil
  -- the candidates of the floating patterns are gathered in C (docpipe.cleanc.cues):
  -- their word limits, the numbers of each trigger word's patterns (mapped to the
  -- word's id for each intern table: cue_kind) and the literals with theirs (each
  -- searched for in a block within the largest word limit of its patterns)
  local limits, orders_of = {}, {}
  for i, e in ipairs(entries) do limits[i] = e.limit end
  local function orders(l)
    local o = {}
    for i, e in ipairs(l) do o[i] = e.order end
    return o
  end
  for w, l in pairs(float_words) do orders_of[w] = orders(l) end
  local gather = cleanc_cues(limits)
  for k, w in ipairs(sym) do gather:literal(w, sym_bits[k], orders(float_raw[w])) end
  C.gather, C.word_orders, C.gathered = gather, orders_of, {}
  -- the longest block (in words) any of them may name: a longer one is not tried
  local any_limit = 0
  for _, e in ipairs(anchored_any) do if e.limit > any_limit then any_limit = e.limit end end
  C.any_limit = any_limit
  return C
end

-- the alternation of the entries of these lists, in file order (cached: lists with the
-- same patterns share one)
local function bucket_of(C, lists)
  local list, seen = {}, {}
  for _, l in ipairs(lists) do
    for _, e in ipairs(l) do
      if not seen[e] then seen[e] = true; list[#list + 1] = e end
    end
  end
  table.sort(list, function(x, y) return x.order < y.order end)
  local sig = {}
  for i, e in ipairs(list) do sig[i] = e.order end
  sig = concat(sig, ",")
  local b = C.by_sig[sig]
  if not b then
    -- the longest block (in words) any of them may name
    local maxl = 0
    for _, e in ipairs(list) do if e.limit > maxl then maxl = e.limit end end
    b = { list = list, rx = joined(list), limit = maxl, pf = prefilter_mask(list) }
    C.by_sig[sig] = b
  end
  return b
end

-- the alternation of the anchored patterns that can start with bytes c, c2 (c2 nil at
-- the end of the text), in file order, made on a miss of the cache C.buckets and kept
-- there under key (cue_kind reads the cache itself, with key = c * 512 + (c2 or 256):
-- a call less per block; pairs with the same patterns share one)
local function bucket(C, key, c, c2)
  local ch = c < 128 and string.char(c):lower() or string.char(c)
  local b = bucket_of(C, { C.buckets_src[ch] or {}, c2 and C.buckets_src[ch .. string.char(c2):lower()] or {} })
  -- (and whether patterns are filed under longer runs opening with these two bytes:
  -- a bucket of its own, as another pair may share the patterns but not the runs)
  local c2l = c2 and c2 >= 65 and c2 <= 90 and c2 + 32 or c2
  if c2 and C.deep[ch:byte() * 256 + c2l] then
    b = { list = b.list, rx = b.rx, limit = b.limit, pf = b.pf, deep = true }
  end
  C.buckets[key] = b
  return b
end

-- the alternation of the anchored patterns that can start with bytes c .. c4 (c4 nil
-- past the text's end): those of bk, the bucket of c, c2, and those filed under the
-- first three or four bytes, made on a miss of the cache C.deep_seen and kept there
-- under key (cue_kind reads it, by the four bytes as written: key = ((c * 256 + c2) *
-- 256 + c3) * 256 + (c4 or 256); the cache starts empty again past 4096 of them)
local function deep_bucket(C, key, bk, c, c2, c3, c4)
  local l3 = C.runs3[run_key(c, c2, c3)]
  local l4 = c4 and C.runs4[run_key(c, c2, c3, c4)]
  local b = (l3 or l4) and bucket_of(C, { bk.list, l3 or {}, l4 or {} }) or bk
  if C.deep_n >= 4096 then C.deep_seen, C.deep_n = {}, 0 end
  C.deep_seen[key], C.deep_n = b, C.deep_n + 1
  return b
end

-- the kind of the first of these entries that matches within its word limit (pfm: the
-- text's prefilter mask, or nil: an entry whose bit it lacks cannot match)
local function first_kind(list, text, nw, pfm)
  for k = 1, #list do local e = list[k]
    if nw <= e.limit and (not pfm or not e.pf or pfm & e.pf ~= 0) and entry_find(e, text) then return e.kind end
  end
  return nil
end

--- The cue kind of block b (its text, word count nw and word ids), or nil.
-- @param intern the interner of docpipe.clean.blocks.tokenize (intern:id(word): the
--   word's id or nil)
-- @param fresh the list of words with a hint interned since it was last read
--   (docpipe.clean.blocks.tokenize); without it the trigger words are looked up again
-- @param c, c2 the text's first two bytes (nil past its end)
-- @param shape optional, the text's shape bits (docpipe.text.shape)
-- @param pfm optional, the text's prefilter mask (M.prefilter): the alternations whose
--   patterns' bits it lacks are not run
local function cue_kind(C, b, intern, fresh, c, c2, shape, pfm)
  local text, nw = b.text, b.nw
  -- (cues are short blocks, by words; a block of a few "words" of thousands of bytes,
  -- "xxxx..." for 800 KB, is none, and would send the share bar's pattern into PCRE2's
  -- match limit)
  if not c or #text > MAX_CUE_BYTES then return nil end
  -- (the caches of bucket and deep_bucket are read here, by their keys: most blocks
  -- find theirs, and are spared two Lua calls)
  local key = c * 512 + (c2 or 256)
  local bk = C.buckets[key] or bucket(C, key, c, c2)
  -- (the patterns known by their first three or four bytes: only on a block opening with
  -- two bytes one of them opens)
  if bk.deep then
    local c3, c4 = byte(text, 3, 4)
    if c3 then
      key = ((c * 256 + c2) * 256 + c3) * 256 + (c4 or 256)
      bk = C.deep_seen[key] or deep_bucket(C, key, bk, c, c2, c3, c4)
    end
  end
  if bk.rx and nw <= bk.limit and not (pfm and bk.pf and pfm & bk.pf == 0) and bk.rx:find(text) then
    local k = first_kind(bk.list, text, nw, pfm)
    if k then return k end
  end
  local any_first = C.any_first
  if C.any_rx and nw <= C.any_limit and not (pfm and C.any_pf and pfm & C.any_pf == 0)
    and (not any_first or any_first[c]) and C.any_rx:find(text) then
    local k = first_kind(C.any, text, nw, pfm)
    if k then return k end
  end
  if not C.float_rx then return nil end
  if not (intern and b.ids) then
    if not C.float_rx:find(text) then return nil end
    return first_kind(C.floats, text, nw)
  end
  -- only the patterns whose trigger word or literal the block holds are tried, one by
  -- one (the alternation of all of them costs more than the few that can match)
  -- (the candidates are gathered in one C call, C.gather: the patterns of its trigger
  -- words, by their ids, and of the literals it holds, within their word limits, in
  -- file order, each once; written to the scratch list C.gathered)
  local gather = C.gather
  local bits = b.bits
  local ids = false
  if not bits or bits & TRIGGER ~= 0 then
    -- the ids of the trigger words: all those the interner holds when it is new
    -- here, then the ones among the words interned since (`fresh`, emptied as read:
    -- the interner only grows until it is replaced, so a page costs a lookup per new
    -- word with a hint, not one per trigger word the pages have not shown yet)
    if C.ids_intern ~= intern or not fresh then
      gather:clear()
      local words, orders = C.words, C.word_orders
      for k = 1, #words do
        local w = words[k]
        local id = intern:id(w)
        if id then gather:map(id, orders[w]) end
      end
      C.ids_intern = intern
    end
    if fresh and fresh[1] then
      local orders = C.word_orders
      for k = 1, #fresh do
        local w = fresh[k]
        fresh[k] = nil
        local o = orders[w]
        local id = o and intern:id(w)
        if id then gather:map(id, o) end
      end
    end
    -- (the ids of its trigger words only, when the tokeniser listed them: b.hits)
    ids = b.hits or b.ids
  end
  -- (and the literals: a block whose shape lacks a literal's first byte is not
  -- searched for it; one without trigger words that can hold none of them, by its
  -- length in words or its shape, is spared the call)
  if not ids then
    local raw_bits = C.raw_bits
    if nw > C.raw_max or (shape and raw_bits and shape & raw_bits == 0) then return nil end
  end
  local got = C.gathered
  local nh = gather:gather(ids, nw, text, shape or false, got)
  if nh == 0 then return nil end
  local entries = C.entries
  if nh == 1 then
    local e = entries[got[1]]
    if pfm and e.pf and pfm & e.pf == 0 then return nil end
    return entry_find(e, text) and e.kind or nil
  end
  -- (three or more: their alternation first, one PCRE2 call that rules them all out
  -- on most blocks, where each would cost a call of its own; cached in a tree of
  -- tables by the candidates' numbers, no key string built per block)
  local list = {}
  local node = nh >= 3 and C.sets
  for k = 1, nh do
    local o = got[k]
    list[k] = entries[o]
    if node then
      local nx = node[o]
      if not nx then nx = {}; node[o] = nx end
      node = nx
    end
  end
  local rx = node and node.rx
  if node and not rx then
    rx = joined(list)
    node.rx, node.pf = rx, prefilter_mask(list)
    C.sets_n = C.sets_n + 1
    if C.sets_n > 4096 then C.sets, C.sets_n = {}, 0 end
  end
  if pfm and node and node.pf and pfm & node.pf == 0 then return nil end
  if not rx or rx:find(text) then return first_kind(list, text, nw, pfm) end
  return nil
end

-- the union of a file's patterns, as alternations: the anchored ones (PCRE2 tries
-- those at the first position only) and the others (one floating pattern would make
-- the whole alternation run at every position); returns an object with :find
-- (the anchored patterns whose first byte, or first two, are known (first_bytes /
-- first_pairs, as for the cues) run as one alternation only on a text that opens with
-- one of those: most blocks are ruled out by a table lookup; a text opening with a
-- non-ASCII byte is always tried, a caseless k or s may match one; the other anchored
-- patterns, "^(\d+ )?comments?...", run as an alternation of their own)
local function load_union(lang, file, P)
  local anchored, anchored_any, floating = {}, {}, {}
  -- (each alternation's prefilter mask, by its list: false when a pattern has no bit)
  local pf = {}
  local singles, pairs2 = {}, {}
  -- (a floating pattern whose matches all hold a sign, a literal of no letter, digit or
  -- space (required_literal: "/", "(", ":"), is filed under it: the alternation of a
  -- sign's patterns runs only on a text that holds the sign, found by a plain search;
  -- a pattern with letters at every position would cost the whole alternation a try
  -- at nearly every byte)
  local by_sign = {}
  for _, p in ipairs(dp.data.list(lang .. "/" .. file)) do
    local t = floating
    local sign = p:sub(1, 1) ~= "^" and required_literal(p)
    if sign and not sign:find("[%w%s]") then
      t = by_sign[sign] or {}
      by_sign[sign] = t
    end
    if p:sub(1, 1) == "^" then
      t = anchored
      local two = first_pairs(p)
      local one = not two and first_bytes(p)
      for x in pairs(two or one or {}) do
        local c1, c2 = x:lower():byte(1, 2)
        if not c1 or (two and not c2) then t = anchored_any end
      end
      if not (two or one) then t = anchored_any end
      if t == anchored then
        for x in pairs(two or one) do
          local c1, c2 = x:lower():byte(1, 2)
          if two then pairs2[c1 * 256 + c2] = true else singles[c1] = true end
        end
      end
    end
    t[#t + 1] = "(?:" .. ascii_boundaries(p) .. ")"
    local bit = prefilter_bit(P, t[#t], t)
    if pf[t] == false or not bit then pf[t] = false else pf[t] = (pf[t] or 0) | bit end
  end
  local a = #anchored > 0 and re.compile(concat(anchored, "|"), "i") or nil
  local a2 = #anchored_any > 0 and re.compile(concat(anchored_any, "|"), "i") or nil
  -- (the bytes that may open a match of those, as PCRE2 reads them: a text opening with
  -- another cannot match, "^(\d+ )?comments?" opening with a digit or a "c" only)
  local a2_first = a2 and a2:first_bytes()
  local f = #floating > 0 and re.compile(concat(floating, "|"), "i") or nil
  local signs, sign_rx = {}, {}
  for sign in pairs(by_sign) do signs[#signs + 1] = sign end
  table.sort(signs)
  for k, sign in ipairs(signs) do sign_rx[k] = re.compile(concat(by_sign[sign], "|"), "i") end
  local a_pf, a2_pf, f_pf, sign_pf = pf[anchored], pf[anchored_any], pf[floating], {}
  for k, sign in ipairs(signs) do sign_pf[k] = pf[by_sign[sign]] end
  -- (the shape bits, docpipe.text.shape, a sign's first byte sets: a text whose shape
  -- lacks them holds no such sign, and is spared the plain search; 0 when the byte sets
  -- none, always searched)
  local sign_bits = {}
  for k, sign in ipairs(signs) do sign_bits[k] = select(5, text_shape(sign:sub(1, 1))) & BYTE_BITS end
  local byte, sfind = string.byte, string.find
  return {
    -- (c1, c2: the text's first two bytes, when the caller has them; shape: its shape
    -- bits, docpipe.text.shape, when it has them; pfm: its prefilter mask, M.prefilter,
    -- when it has one: an alternation whose patterns' bits it lacks is not run)
    find = function(_, text, c1, c2, shape, pfm)
      if c1 == nil then c1, c2 = byte(text, 1, 2) end
      -- (can a match of a known anchored pattern start the text? tested here, not in a
      -- function: a Lua call costs more than the tests)
      local may = true
      if c1 and c1 < 128 then
        local l1 = c1 >= 65 and c1 <= 90 and c1 + 32 or c1
        if not singles[l1] then
          may = not c2 or c2 >= 128 or pairs2[l1 * 256 + (c2 >= 65 and c2 <= 90 and c2 + 32 or c2)] == true
        end
      end
      if a and may and not (pfm and a_pf and pfm & a_pf == 0) and a:find(text) then return true end
      if a2 and (not c1 or a2_first[c1]) and not (pfm and a2_pf and pfm & a2_pf == 0) and a2:find(text) then return true end
      if f and not (pfm and f_pf and pfm & f_pf == 0) and f:find(text) then return true end
      for k = 1, #signs do
        local sb = sign_bits[k]
        local spf = sign_pf[k]
        if (not shape or sb == 0 or shape & sb ~= 0) and not (pfm and spf and pfm & spf == 0)
          and sfind(text, signs[k], 1, true) and sign_rx[k]:find(text) then
          return true
        end
      end
      return false
    end,
  }
end

local find = string.find
-- the longest block (in words) tried as a caption known by its credit or, opened by an
-- image marker, as a caption at all; the longest tried as a running time
local MAX_CREDITED_WORDS, MAX_CAPTION_WORDS, MAX_DURATION_WORDS = 40, 60, 8
-- the last bytes of a credit word closing a caption after a dash ("pic", "pics",
-- "photo", "picture"): c, s, o, e in either case
local CREDIT_END = { [99] = true, [115] = true, [111] = true, [101] = true, [67] = true, [83] = true, [79] = true, [69] = true }
-- a block ending " photo", " photos" or " pic", a credit with no dash ("... on Sunday.
-- AGENCY photo"): its last bytes
-- (cz: its last byte; each ending is told by its own, one string cut when it may hold)
local function photo_tail(text, cz)
  if cz == 115 then return text:sub(-6) == "photos" end
  if cz == 111 then
    local t = text:sub(-6)
    return t == " photo" or t == " Photo"
  end
  return cz == 99 and text:sub(-4) == " pic"
end

local rx_dated_by = re.compile("(?<=\\s)(?:by|By|BY)\\s+(?=\\p{Lu})")
local rx_trail_sep = re.compile("[\\s|,·•–—-]+$")
-- a clock time alone, perhaps with a zone: the time of a live-blog entry ("14.35 BST",
-- "2:05pm")
local rx_clock_line = re.compile("^(?:\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?|\\d{1,2}\\s*[ap]\\.?m\\.?)(?:\\s+[A-Z]{1,5})?$", "i")
local rx_letter = re.compile("\\p{L}")
local rx_lower = re.compile("\\p{Ll}")
-- (a headline may open on an emoji, "🚧 Council approves ...": symbols with their
-- joiners, variation selectors and skin tones, then a space, before the capital)
local rx_upper_start = re.compile("^(?:[\\p{So}\\p{Sk}\\x{200D}\\x{FE0F}]+\\s+)?[\\p{Lu}\\p{N}\"'“‘]")

-- words that hint at a contributor line (cheap test before the patterns run)
local CONTRIB_HINT = {}
for w in ([[contributed contributing contributes contribution contributions contributors
  contributor reporting editing writing research compiled compilation graphics production
  reported wrote additional files edited editor editors input inputs]]):gmatch("%S+") do CONTRIB_HINT[w] = true end

-- is a label written in two languages ("Hysbyseb / Advertisement": two parts of one or
-- two words set apart by " / ") an advertisement label, one of its parts a known one
-- (an "ads" cue of en/clean_boilerplate.txt or a label of en/clean_ad_labels.txt)?
local function ad_label_pair(C, text)
  local a, z = text:match("^(%S+ ?%S*) / (%S+ ?%S*)$")
  if not a then return false end
  for _, p in ipairs { a, z } do
    if C.ad_labels and (C.ad_labels[p] or C.ad_labels[p:lower()]) then return true end
    local _, n = p:gsub("%S+", "")
    if cue_kind(C, { text = p, nw = n }, nil, nil, byte(p, 1), byte(p, 2)) == "ads" then return true end
  end
  return false
end

-- is a line of two words ("Menu Search") two navigation cues of one word each (the
-- buttons of en/clean_boilerplate.txt: "^(main )?(menu|navigation|search|...)$")?
local function nav_pair(C, text)
  local a, z = text:match("^(%S+) (%S+)$")
  if not a then return false end
  return cue_kind(C, { text = a, nw = 1 }, nil, nil, byte(a, 1), byte(a, 2)) == "navigation"
    and cue_kind(C, { text = z, nw = 1 }, nil, nil, byte(z, 1), byte(z, 2)) == "navigation"
end

local M = { NEG = NEG, TRIGGER = TRIGGER, CONTRIB_HINT = CONTRIB_HINT, prefixes = prefixes, required_literal = required_literal, literal_set = literal_set,
  first_bytes = first_bytes, first_pairs = first_pairs }

--- Load the boilerplate cues and end-of-article markers of a language.
function M.load(lang, max_words, stop)
  -- (the prefilter of all these patterns: their literals in one set, read for a page's
  -- blocks in one C call, M.prefilter)
  local P = { set = cleanc_litset(), n = 0, ng = 0, groups = {} }
  local cues = load_cues(lang, max_words or 30, stop, P)
  -- captions known by their credit or image marker, a player's running time (tried
  -- only on the blocks that can hold one: see M.features)
  cues.caption_credits = load_union(lang, "clean_body_caption_credits.txt", P)
  cues.durations = load_union(lang, "clean_body_durations.txt", P)
  -- the advertisement labels of other languages (en/clean_ad_labels.txt): a set of the
  -- labels as written and in lower case, and of their first bytes (a block of one or two
  -- words is looked up only when its first byte opens one)
  local ok, labels = pcall(dp.data.list, lang .. "/clean_ad_labels.txt")
  if ok and #labels > 0 then
    local set, first = {}, {}
    for _, w in ipairs(labels) do
      set[w] = true; set[w:lower()] = true
      local c = w:byte(1)
      first[c] = true
      if c >= 65 and c <= 90 then first[c + 32] = true elseif c >= 97 and c <= 122 then first[c - 32] = true end
    end
    cues.ad_labels, cues.ad_label_first = set, first
  end
  return {
    cues = cues,
    ends = load_union(lang, "clean_end_markers.txt", P),
    prefilter = P.set,
  }
end

--- A time line: a relative time or a clock alone (an entry's or a teaser's time).
function M.is_timeline(b)
  return b ~= nil and (b.clock or b.relative) and true or false
end

--- The prefilter masks of the blocks of a page (out[i] for blocks[i], M.features' pfm):
-- the bits of the cue, end-marker and caption patterns whose literals each block's text
-- holds, in one C call; st.prefilter from M.load. A block past MAX_CUE_BYTES is not
-- read (every bit set).
function M.prefilter(blocks, st, out)
  st.prefilter:scan_list(blocks, MAX_CUE_BYTES, out)
  return out
end

--- Evidence for one block (fields set on b); st holds stop, cues, ends, dates, meta,
-- keep, drop, roles; o the stage options. The block has b.words (docpipe.clean.blocks).
-- pfm, optional: the block's prefilter mask (M.prefilter), read while b.text is the
-- text it was made from.
function M.features(b, st, o, pfm)
  local text = b.text
  local nw, nstop, hint = b.nw, b.nstop, b.hint
  if not nstop then
    local words = b.words or dp.text.words(text:lower())
    nw, nstop, hint = #words, 0, false
    for k = 1, nw do
      local w = words[k]
      if st.stop[w] then nstop = nstop + 1 end
      if CONTRIB_HINT[w] then hint = true end
    end
  end
  b.nw = nw
  local chars, c1, c2, cz, shape = text_shape(text)
  b.chars = #text < 60 and #text or chars
  b.density = nw > 0 and nstop / nw or 0
  -- sentence-final punctuation, perhaps inside closing quotes or brackets
  b.sentence = shape & S_SENTENCE ~= 0
  -- all capitals: no lower-case letter (ASCII told by the shape, the rest by PCRE2
  -- only when the block has non-ASCII letters)
  b.label = nw <= 6 and nw > 0 and shape & S_LOWER == 0 and (shape & S_UPPER ~= 0 or rx_letter:find(text) ~= nil)
    and (shape & S_WIDE == 0 or not rx_lower:find(text))
  local keep_l = st.keep
  for _i = 1, #keep_l do local rx = keep_l[_i]; if rx:find(text) then b.keep = true; break end end
  local drop_l = st.drop
  for _i = 1, #drop_l do local rx = drop_l[_i]; if rx:find(text) then b.drop = true; break end end
  b.cue = cue_kind(st.cues, b, st.intern, st.fresh, c1, c2, shape, pfm)
  -- a caption known by its credit ("... on Monday. (Agency)", "...in 1962.NAME/Outlet")
  -- or its image marker ("[photo] ..."): only a block ending in ')', holding a '/', a
  -- '©' or a ':' among its last 40 bytes ("... Pic: Name Name"), ending as "pic",
  -- "pics", "photo" or "picture" end with a dash among its last 45 ("... - AGENCY
  -- pic"; CREDIT_END) or opening with '[' is
  -- tried; a player's running time ("Duration: 1 minute 12
  -- seconds", "1m 12s"): only a short block holding a digit
  if not b.cue and nw <= MAX_CAPTION_WORDS and nw >= 3 then
    -- (or opening "FI": a wire's "FILE - " caption)
    -- (the word count first: it rules out a long block without a search; each dash
    -- opens with ' ' then '-' or the byte E2, one search rules all three out)
    if (nw <= MAX_CREDITED_WORDS or c1 == 91)
      and (cz == 41 or c1 == 91 or shape & S_CAPTION ~= 0 or (c1 == 70 and c2 == 73)
      or (CREDIT_END[cz] and ((find(text, " [-\226]", -45) and (find(text, " - ", -45, true)
        or find(text, " – ", -45, true) or find(text, " — ", -45, true))) or photo_tail(text, cz))))
      and st.cues.caption_credits:find(text, c1, c2, shape, pfm) then
      b.cue = "caption"
    end
  end
  -- an advertisement label in another language, alone on its line ("Reklama", "Anzeige:")
  if nw <= 2 and not b.cue and st.cues.ad_label_first and st.cues.ad_label_first[c1] then
    local t = byte(text, -1) == 58 and text:sub(1, -2):gsub("%s+$", "") or text
    if st.cues.ad_labels[t] or st.cues.ad_labels[t:lower()] then b.cue = "ads" end
  end
  -- (or one given in two languages, set apart by a slash: "Hysbyseb / Advertisement")
  if nw <= 4 and nw >= 2 and not b.cue and find(text, " / ", 1, true) and ad_label_pair(st.cues, text) then
    b.cue = "ads"
  end
  if not b.cue and nw <= MAX_DURATION_WORDS and (b.bits and b.bits & 8 ~= 0 or not b.bits and find(text, "%d"))
    and st.cues.durations:find(text, c1, c2, shape, pfm) then
    b.cue = "widget"
  end
  -- a prompt to the reader (a newsletter box, its consent line: docpipe.clean.prompts)
  if not b.cue and st.prompts and nw <= 60 and nw >= 3 and (not b.bits or b.bits & 64 ~= 0) then
    b.cue = st.prompts:kind(text, nw)
  end
  -- a row of items set apart by runs of spaces: a menu, a button bar
  if not b.cue and b.gaps and b.gaps >= 2 and not b.sentence and nw <= 4 * (b.gaps + 1) then
    b.cue = "navigation"
  end
  -- (or two buttons set apart by a run of spaces, each a navigation cue alone: "Menu
  -- Search" over the masthead)
  if not b.cue and b.gaps == 1 and nw == 2 and nav_pair(st.cues, text) then b.cue = "navigation" end
  if nw <= 3 and #text <= 16 and c1 and c1 >= 48 and c1 <= 57 and rx_clock_line:find(text) then b.clock = true end
  if nw <= 12 or b.cue == "legal" then
    if st.ends:find(text, c1, c2, shape, pfm) then b.ending = true end
  end
  if nw <= 20 then
    -- every date form read has a four-digit year (a word of four digits, or digits
    -- glued to other characters: "2024-06-03T14:05:00Z", "03/06/2024")
    local bits = b.bits
    if (bits and bits & 12 ~= 0) or (not bits and text:find("%d%d%d%d")) then
      b.timestamp = st.dates:is_timestamp(text, st.day_first)
    end
    if not b.timestamp and not b.cue and nw <= 6 and not b.sentence and (bits and bits & 8 ~= 0 or not bits and text:find("%d"))
      and st.dates:has_clock(text) and not st.dates:date_shaped(text) then
      -- (not a date line written wrong, "2026.02.30 11:42": no widget, left to the body)
      b.cue = "widget" -- "Last trade 9:41 AM EDT", a clock without a date
    end
    if not b.timestamp then
      b.relative = (bits and bits & 16 ~= 0 or not bits) and st.dates:is_relative(text) or false
      if not b.relative then
        b.byline = st.meta.byline(text, st.dates)
        -- "Posted on June 3, 2024 by Marcy Tallis": a timestamp, then the byline
        if not b.byline and nw >= 4 and (not bits or bits & 12 ~= 0) then
          local a = rx_dated_by:find(text)
          if a then
            local left = rx_trail_sep:gsub(text:sub(1, a - 1), "")
            if st.dates:is_timestamp(left, st.day_first) then
              b.byline = st.meta.byline(dp.text.trim(text:sub(a)), st.dates)
            end
          end
        end
        -- (a line of roles set apart by bars or commas, the roles of a byline of several
        -- names: "Senior Reporter | Managing Editor")
        if not b.byline and (nw <= 4 or (nw <= 12 and not b.sentence
          and shape & S_LIST ~= 0)) then
          b.role_line = st.meta.is_role_line(text)
        end
      end
    end
  end
  -- a date line of two stamps and a relative time over 20 words, each clock counted as
  -- two ("First published: 03 Jun 2024, 07:50 AM IST | Last updated: ... | 3 hours
  -- ago"): read when set apart by bars and within is_timestamp's 120 bytes
  if nw > 20 and nw <= 30 and #text <= 120 and not b.cue and find(text, "|", 1, true) then
    local bits = b.bits
    if (bits and bits & 12 ~= 0) or (not bits and find(text, "%d%d%d%d")) then
      b.timestamp = st.dates:is_timestamp(text, st.day_first)
    end
  end
  -- a byline running into a sentence about its author ("By NAME, a senior reporter
  -- covering ... . Her work has appeared in ..."): longer than a byline line
  -- (the first two bytes tell "By" before the pattern runs); or a byline of many names,
  -- "By A, B, C, ... and K" (six or more, no sentence's stop closing it: a team's)
  if nw > 20 and nw <= 40 and not b.timestamp and (c1 == 66 or c1 == 98) and (c2 == 89 or c2 == 121)
    and text:find("^[Bb][Yy]:?%s") then
    local by = st.meta.byline(text, st.dates)
    if by and #by.authors > 0 and (st.meta.bio_tail(text) or (#by.authors >= 6 and not b.sentence)) then b.byline = by end
  end
  if hint and nw <= 80 then b.contrib = st.meta.contributors(text) end
  -- jusText class
  if b.chars < o.length_low then
    b.class = "short"
  elseif b.density >= o.stopwords_high and b.chars >= o.length_high then
    b.class = "good"
  elseif b.density >= o.stopwords_low then
    b.class = "neargood"
  else
    b.class = "bad"
  end
end

-- score of a block for the main-text window
function M.score(b)
  if b.keep then return b.nw end
  if b.drop then return -5 end
  -- (a teaser card's date stamp inside the article: docpipe.clean.inlinebox)
  if b.teaser_stamp then return -5 end
  if b.timestamp or b.byline or b.contrib or (b.ending and b.cue == "legal") then return NEG end
  -- "Related coverage" may head a box inside the body: a heavy penalty, not a wall
  if b.ending then return -30 end
  if b.cue then return -5 end
  if b.relative or b.role_line then return -3 end
  -- a list introduced by a sentence ending in ':' is text
  if b.listed then return math.max(1, b.nw / 2) end
  if b.label then return -3 end
  if b.bullet then
    -- a numbered item that is a full sentence is a paragraph of a list
    if b.sentence and b.bullet:find("^%d") and b.class ~= "short" then
      return b.class == "good" and b.nw or b.nw * 0.75
    end
    if b.class == "good" or b.class == "neargood" then return b.nw / 4 end
    return -2
  end
  if b.class == "good" then return b.nw end
  if b.class == "neargood" then return b.nw * 0.75 end
  if b.class == "short" then return b.sentence and 0 or -1 end
  -- a full sentence with few function words (names, figures) is still text
  if b.sentence and b.nw >= 8 then return b.nw / 4 end
  return -math.min(20, b.nw / 2)
end

-- markup debris (image names, gallery counters, arrows, "hide caption"): a run of it
-- is one gap, whatever its length, so a photo gallery does not cut a body in two
local DEBRIS = { markup = true, media = true, caption = true }
local DEBRIS_RUN = -6

-- maximum-sum window over the live blocks; returns first, last index into list
function M.best_window(list)
  local best, bs, be = 0, nil, nil
  local sum, start = 0, 1
  local run = 0
  for i = 1, #list do local b = list[i]
    local s = M.score(b)
    if b.cue and DEBRIS[b.cue] and s > NEG then
      s = math.max(s, DEBRIS_RUN - run)
      run = run + s
    else
      run = 0
    end
    if sum <= 0 then sum, start = 0, i end
    sum = sum + s
    if sum > best then best, bs, be = sum, start, i end
    if sum < 0 then sum = 0; start = i + 1 end
  end
  return bs, be
end

function M.headline_shaped(b)
  if b.cue or b.timestamp or b.relative or b.byline or b.role_line or b.contrib or b.bullet or b.ending or b.drop then
    return false
  end
  if b.nw < 2 or b.nw > 30 then return false end
  if not rx_lower:find(b.text) and b.nw <= 3 then return false end
  -- (suffix tests by bytes: an end-anchored Lua pattern is tried at every position)
  if byte(b.text, -1) == 46 and b.text:sub(-3) ~= "..." then return false end
  if not rx_upper_start:find(b.text) then return false end
  return true
end

function M.is_linklike(b)
  -- a short line that reads like a headline or a link, not a sentence (a time line is
  -- no link: it dates an entry or a teaser)
  if b.class ~= "short" or b.listed or b.clock or b.relative then return false end
  if b.bullet and b.bullet:find("^%d") then return false end -- a numbered list item
  if b.cue or b.label then return true end
  return not b.sentence or byte(b.text, -1) == 63 -- ends in '?'
end

-- a line that opens a list in the text: a sentence ending in ':' with function words
function M.introduces(b)
  return b ~= nil and b.take and byte(b.text, -1) == 58 and b.nw >= 4 and b.density > 0 -- ends in ':'
end

return M
