--- Reported speech and other attributions (indirect and mixed quotes) for the quotes stage.
--
-- Sentence by sentence, outside the direct quotations that were kept, the cues of
-- data/en/cue_verbs.txt (speech: said, told, argued, according to ...),
-- data/en/cue_attribution.txt (findings, stances, calls: found, showed, criticized,
-- called for ...) and the reporting nouns of data/en/cue_nominal.txt (claim, warning)
-- are tried against the reporting patterns of newswire English, in this order:
--   1. headline: in an opening title-case line, `NAME: CONTENT`, `NAME Says CONTENT`,
--      `CONTENT, NAME Says` (a short sentence-case first line: `NAME: CONTENT` only).
--   2. leading participle: `Claiming CONTENT, Trump told ...`, `After saying CONTENT,
--      she ...` (the subject after the comma speaks).
--   3. tail: the attribution closes the sentence and the content came before it:
--      `CONTENT, NP cue [adverbials].`, `CONTENT, cue NP.`, `CONTENT, according to NP.`,
--      `“...,” NP said` for a quoted phrase inside content; a parenthetical `CONTENT,
--      she said, CONTENT` gives both sides. Speech cues inside that content report
--      nested speech (`Supermarkets have warned that ..., according to ...`).
--   4. `According to NP[, appositive], CONTENT` (the appositive is not content).
--   5. `NP cue [adverbials] [that] CONTENT` ("Park said that ...", "The appeals court
--      ruled that ...", "Schiff called on the administration to ..."), with
--      `NP told ADDRESSEE [that] CONTENT`, `NP ... and/but said CONTENT` (the clause's
--      subject speaks), `NP, which reported CONTENT`, `NP's claim that CONTENT`, and
--      a naming cue with an object and a quoted phrase (`described Clinton as “a
--      lifetime politician”`) as a mixed quote.
--   6. `..., adding/saying that CONTENT`, `by announcing that CONTENT`: the speaker of
--      the clause's main cue, of the direct quote it attributes, or the clause subject.
-- Content that follows its cue stops where a clause of its own starts (", which ..."
-- to the end, a dash, ", contradicting ...", ", and the downgrade is ...", "... and
-- called for ...", ", adding that"); a leading dateline ("CITY, June 3 (Agency) -") is
-- left out; a cue in a conditional clause of other content ("until the authority
-- agreed to") reports nothing. Content that is a kept direct quotation is left to the
-- direct pass; content holding quoted words that are speech (not a title, label or
-- name) is flagged `mixed`.
--
-- Cost: the sentence loops visit only the tokens where an attribution can start (cue
-- words, reporting nouns and the cues of direct quotes, listed once per document from
-- the tokenizer's lists), not every token.
--
-- Units: token indices; the stage turns spans into byte offsets.
-- @module docpipe.quotes.indirect

local dp = require "docpipe"
local lex = require "docpipe.quotes.lexicon"
local sp = require "docpipe.quotes.speaker"
local direct = require "docpipe.quotes.direct"
local ent = require "docpipe.quotes.entities"
local qtext = require "docpipe.quotes.text"

local M = {}

local PREP = { on = true, ["in"] = true, at = true, during = true, after = true, before = true,
  monday = true, tuesday = true, wednesday = true, thursday = true, friday = true,
  saturday = true, sunday = true, yesterday = true, today = true, tonight = true,
  earlier = true, late = true, last = true, this = true, ["for"] = true, from = true,
  to = true, by = true, with = true, through = true, via = true, over = true, when = true,
  as = true, ["while"] = true, outside = true, inside = true, following = true }
local PREP_OPEN = { ["in"] = true, at = true, on = true, after = true, before = true,
  during = true, following = true, since = true, amid = true, despite = true, under = true,
  with = true, from = true, by = true, ["for"] = true, throughout = true, upon = true }
local ARTICLE = { a = true, an = true, the = true }
local SUBORD = { as = true, ["while"] = true, when = true, after = true, before = true,
  because = true, though = true, although = true, amid = true, despite = true, since = true }
local CONDITIONAL = { ["until"] = true, unless = true, ["if"] = true, once = true,
  when = true, before = true, after = true, whether = true }
-- cues of finding and showing: a person finds things, a study finds that ...
local FINDING = { found = true, finds = true, find = true, show = true, shows = true,
  showed = true, shown = true, revealed = true, reveals = true }
local PROGRESSIVE = { is = true, was = true, are = true, were = true, been = true, be = true,
  ["not"] = true, also = true, still = true }
local PARTICIPLE_LEAD = { by = true, ["while"] = true, after = true, before = true, when = true }
local RELATIVE = { which = true, who = true, that = true }
local PASSIVE = { is = true, was = true, are = true, were = true, be = true, been = true,
  being = true }
local DASH = { ["\u{2014}"] = true, ["\u{2013}"] = true, ["-"] = true }
local WH = { how = true, why = true, what = true, whether = true, where = true }
-- words of cue_time_words.txt that open an adverbial but cannot end one (a determiner,
-- a preposition or a modifier of the time noun after it)
local TIME_OPENER = { on = true, ["in"] = true, at = true, during = true, after = true,
  before = true, late = true, early = true, last = true, this = true, next = true, a = true,
  an = true, the = true, to = true, ["of"] = true, by = true, with = true, from = true }
-- the prepositions among them
local PREP_OPEN_ALL = { on = true, ["in"] = true, at = true, during = true, after = true,
  before = true, to = true, ["of"] = true, by = true, with = true, from = true }
local CONTENT_OPEN = { his = true, her = true, its = true, their = true, the = true, a = true,
  an = true, he = true, she = true, it = true, they = true, we = true, i = true, this = true,
  there = true, some = true, all = true, no = true, every = true, those = true, these = true }

local BREAK_MARK = { ["\u{2026}"] = true, ["\u{2013}"] = true, ["\u{2014}"] = true,
  ["\u{2015}"] = true }
local CLOSE_BRACKET = { [")"] = "(", ["]"] = "[", ["}"] = "{" }

-- is the punctuation token at b, the last of [a, b], part of the content? A symbol
-- written against the word before it ("60%", "41°", "1‰", "6′2″", "10€") is; so is a
-- closing bracket whose opening one is in the range ("(again)"); the marks that end or
-- break a sentence (. , ; : ! ? … dashes) are not.
local function keeps_symbol(T, a, b)
  local t = T[b]
  if t.ws or b <= a then return false end
  local tt = t.t
  local open = CLOSE_BRACKET[tt]
  if open then
    local depth = 0
    for i = b - 1, a, -1 do
      local u = T[i].t
      if u == tt then depth = depth + 1
      elseif u == open then
        if depth == 0 then return true end
        depth = depth - 1
      end
    end
    return false
  end
  return not (tt:find("^[%.,;:!%?%-/(%[{]+$") or BREAK_MARK[tt] or T[b - 1].k ~= "w")
end

-- trim punctuation/quote marks at the ends of a token range
local function trim(T, a, b)
  while a <= b and (T[a].k == "p") do a = a + 1 end
  while b >= a and (T[b].k == "p" or (T[b].k == "q" and T[b].side ~= "open")) do
    if T[b].k == "p" and keeps_symbol(T, a, b) then break end
    if T[b].k == "q" then
      -- keep a closing mark that closes a quote opened inside the range
      local opened = false
      for i = a, b - 1 do if T[i].k == "q" and T[i].fam == T[b].fam then opened = not opened end end
      if opened then break end
    end
    b = b - 1
  end
  if T[a] and T[a].k == "w" and T[a].low == "that" then a = a + 1 end
  return a, b
end

-- Are there at least m word tokens in [a, b]? (counts no further than m: the ranges
-- are whole clauses, the thresholds a few words)
local function has_words(T, a, b, m)
  local n = 0
  for i = a, b do
    if T[i].k == "w" then
      n = n + 1
      if n >= m then return true end
    end
  end
  return n >= m
end

-- index of the first item of the sorted number list that is >= v (#list + 1 if none)
local function first_at(list, v)
  local lo, hi = 1, #list + 1
  while lo < hi do
    local mid = (lo + hi) // 2
    if list[mid] < v then lo = mid + 1 else hi = mid end
  end
  return lo
end

-- The tokens where an attribution can start, in text order: a word that opens a cue
-- (data/en/cue_*.txt), a lower-case reporting noun (cue_nominal.txt) and the cue of a
-- kept direct quote. The sentence loops visit only these (any other token reports
-- nothing), so that their cost follows the cues, not the length of the text. The
-- tokenizer listed the cue words and reporting nouns (C.found.cue, C.found.nominal).
local function candidates(C)
  local T = C.T
  local cues, nouns = C.found.cue, C.found.nominal
  local extra = {}
  for i in pairs(C.direct_by_cue or {}) do extra[#extra + 1] = i end
  for _, i in ipairs(nouns) do
    if not T[i].cap then extra[#extra + 1] = i end
  end
  table.sort(extra)
  -- merge the two ascending lists, each index once
  local out, n = {}, 0
  local x, y = 1, 1
  local a, b = cues[1], extra[1]
  while a or b do
    local v
    if not b or (a and a <= b) then
      v = a
      x = x + 1
      a = cues[x]
    else
      v = b
      y = y + 1
      b = extra[y]
    end
    if v ~= out[n] then n = n + 1; out[n] = v end
  end
  return out
end

-- skip a dateline "HALVERTON, June 3 (Newswire) -" or "(CNN)" at the start of a content range
local function skip_dateline(T, a, b)
  if T[a] and T[a].t == "(" and T[a + 2] and T[a + 2].t == ")" and T[a + 1].k == "w"
    and T[a + 1].t:find("^%u%u") and a + 3 <= b then
    a = a + 3
  end
  local t = T[a]
  if not (t and t.k == "w" and t.t:find("^%u%u") and t.t == t.t:upper()) then return a end
  for i = a + 1, math.min(b, a + 12) do
    if DASH[T[i].t] or T[i].t == "\u{2015}" then return i + 1 end
  end
  return a
end

-- where does the content after a cue start? returns index or nil
local function content_start(C, ce, b, tag)
  local T, L = C.T, C.L
  local k = ce + 1
  if k > b then return nil end
  if tag == "addr" then
    for i = k, math.min(b, k + 10) do
      if T[i].t == "," and not (T[i + 1] and T[i + 1].k == "q" and T[i + 1].side ~= "open") then break end
      if T[i].k == "w" and T[i].low == "that" then return i + 1 end
    end
    -- "told the court his client had ...": a short addressee, then a clause
    local i = k
    if T[i] and T[i].k == "w" and sp.DET[T[i].low] and not CONTENT_OPEN[T[i].low] then i = i + 1 end
    if T[i] and T[i].k == "w" and (T[i].low == "the" or T[i].low == "a") then i = i + 1 end
    local n = 0
    while T[i] and i <= b and T[i].k == "w" and n < 8 and not CONTENT_OPEN[T[i].low]
      and not WH[T[i].low] do
      -- "told reporters outside the port office": an adverbial, no clause follows
      if n >= 1 and direct.ADDR_PREP[T[i].low] and not (T[i + 1] and ((L.timeword[T[i + 1].low]
          and not ARTICLE[T[i + 1].low]) or WH[T[i + 1].low])) then
        return nil
      end
      i = i + 1
      n = n + 1
    end
    if n >= 1 and T[i] and i <= b and T[i].k == "w" and (CONTENT_OPEN[T[i].low] or WH[T[i].low]) then
      return i
    end
    return nil
  end
  if T[k].k == "w" and T[k].low == "that" then return k + 1 end
  if T[k].t == "," then return nil end
  local i = k
  while i <= b and i <= k + 7 and T[i].k == "w" and L.timeword[T[i].low] do i = i + 1 end
  -- an adverbial ends on its head, not on a word that wants one after it: in "said this
  -- year's harvest", "said last week's storm", "said early results", "said this week
  -- the plan" the words from "this", "last", "early", "the" on open the content
  while i > k and TIME_OPENER[T[i - 1].low] do i = i - 1 end
  if i > k then
    if T[i] and T[i].k == "w" and T[i].low == "that" then return i + 1 end
    if T[i] and T[i].t == "," then return i + 1 end
  end
  if PREP[T[k].low] then
    -- "said on its website that ...": a longer adverbial closed by "that"
    for j = i, math.min(b, i + 6) do
      local u = T[j]
      if u.k ~= "w" then break end
      if u.low == "that" then return j + 1 end
    end
    if i > k then return i end
  end
  return k
end

-- does a later attribution start inside [a, b]? returns the index where content must stop
local function cut_at_next(C, a, b)
  local T, L = C.T, C.L
  -- every test below starts with a cue at a token of [a + 1, b + 1] (match_cue), and only
  -- a cue word opens one: without any (the tokenizer listed them, C.found.cue) the
  -- content runs to b, and its tokens are not walked
  local cues = C.found.cue
  local x = cues[first_at(cues, a + 1)]
  if not x or x > b + 1 then return b end
  for i = a, b do
    local ti = T[i]
    local tt = ti.t
    if (tt == "," or tt == ";") and T[i + 1] and i + 2 <= b then
      -- ", but they could not resist pointing out ...", ", Ham also noted ...":
      -- a clause with an attribution of its own
      local j = i + 1
      if T[j].k == "q" and T[j].side ~= "open" and T[j + 1] then j = j + 1 end
      if T[j].k == "w" and (T[j].low == "and" or T[j].low == "but") and lex.match_cue(L, T, j + 1, b) then
        return i - 1   -- ", and plans to ...": the same subject reports something else
      end
      if T[j].k == "w" and (T[j].low == "but" or T[j].low == "and" or T[j].low == "while") then
        j = j + 1
      end
      local conj = j > i + 1
      for c = j + 1, math.min(b, j + (conj and 14 or 6)) do
        -- only a word of L.cue_first opens a cue: the others are not asked (most tokens)
        local tc, ce, tag = T[c], nil, nil
        if tc.k == "w" and L.cue_first[tc.low] then ce, tag = lex.match_cue(L, T, c, b) end
        if ce then
          local k = sp.skip_adverbs_back(C, c - 1, j)
          local np = sp.back(C, k, j)
          if np and (np.first == j or (conj and (np.kind == "pron" or np.kind == "name")))
            and tag ~= "direct" then
            return i - 1
          end
          if conj and tag ~= "direct" then
            for x = j, c - 1 do
              local p = T[x].k == "w" and L.pronoun[T[x].low]
              if p and p.fn == "subj" then return i - 1 end
            end
          end
          break
        end
        if T[c].k ~= "w" and not (conj and T[c].k == "p" and T[c].t ~= ",") then break end
      end
    end
    if ti.k == "w" and (ti.low == "and" or ti.low == "but") and i > a + 2 and i + 1 <= b
      and T[i - 1].k == "w" then
      local ce, tag = lex.match_cue(L, T, i + 1, b)
      if ce and tag ~= "direct" and not T[i + 1].low:find("ing$") then return i - 1 end
    end
    if tt == "," and T[i + 1] and i + 1 <= b then
      local ce, tag = lex.match_cue(L, T, i + 1, b)
      if ce and T[i + 1].low:find("ing$") and tag ~= "frag" and tag ~= "attr" then return i - 1 end
      local w = T[i + 1]
      if w.k == "w" and w.low == "which" then
        for c = i + 2, math.min(b, i + 5) do
          if lex.match_cue(L, T, c, b) then return i - 1 end
        end
      end
    end
  end
  return b
end

-- is the cue c..ce the text "according to" (in any case, one space between)? The words
-- and the length are tested first: most cues are other words, and cutting and lowering
-- the text (two new strings) is left to those that may be
local function according_to(C, c, ce)
  local T = C.T
  return T[c].low == "according" and qtext.last_byte(T[ce]) - T[c].s == 11
    and C.text:sub(T[c].s, qtext.last_byte(T[ce])):lower() == "according to"
end

-- does a clause of its own with a speech cue start at k ("some warned that ...", "the
-- mayor said ...")? Its subject takes at most four words before the cue.
local function report_after(C, k, b)
  local T, L = C.T, C.L
  for c = k + 1, math.min(b, k + 4) do
    local t = T[c]
    if t.k ~= "w" then return false end
    if L.cue_first[t.low] then
      local ce, tag = lex.match_cue(L, T, c, b)
      return ce ~= nil and tag ~= "direct" and tag ~= "frag"
    end
  end
  return false
end

-- does the tail after a cue hold only short adverbials ("on Tuesday", "in a statement",
-- "after the talks")? Then the cue closes the sentence and the content came before it.
local function short_tail(C, from, b)
  local T, L = C.T, C.L
  local n = 0
  local first = true
  for i = from, b do
    local t = T[i]
    if t.t == "," then
      -- ", adding that ..." continues the same speaker; anything else is content
      local nx = T[i + 1]
      if i + 1 > b or not nx then return true end
      if nx.k == "w" and (SUBORD[nx.low] or PREP_OPEN[nx.low]) then return true end
      if nx.k == "w" and (nx.low == "and" or nx.low == "but") and report_after(C, i + 2, b) then
        return true   -- "..., growers said Monday, and some warned that ...": a report of its own
      end
      return nx.k == "w" and nx.low:find("ing$") ~= nil and lex.match_cue(L, T, i + 1, b) ~= nil
    end
    if t.k == "q" then return false end
    if t.k == "w" then
      -- "..., says a report by a newspaper based in Japan": a participle and its phrase
      local participle = first and t.low:find("ed$") and T[i + 1] and PREP[T[i + 1].low]
      if first and not ((L.timeword[t.low] and not ARTICLE[t.low]) or PREP[t.low] or t.cap
          or participle) then
        return false
      end
      if t.low == "that" then return false end
      first = false
      n = n + 1
      if n > 9 then return false end
    elseif t.k == "p" and t.t ~= "." and t.t ~= "(" and t.t ~= ")" and t.t ~= "-" then
      return false
    end
  end
  return true
end

-- is the quotation span k speech when it sits inside reported content?
local function quoted_speech(C, k, headline)
  local T = C.T
  local s = C.spans[k]
  local why = C.declined and C.declined[k]
  if why and why ~= "naming" and why ~= "partial" then return false end
  local titled, words = true, 0
  for i = s.first, s.last or s.first do
    local t = T[i]
    if t.k == "w" then
      words = words + 1
      if #t.t > 3 and not t.cap then titled = false end
    end
  end
  if words == 0 then return false end
  if titled and words <= 5 and not headline then return false end
  return true
end

-- the sentence's subject: the first subject mention in [a, c)
local function subject_np(C, a, c)
  for x = ent.first_at(C.mentions, a), #C.mentions do
    local m = C.mentions[x]
    if m.first >= a and m.last < c and m.subject and not m.inq then
      return sp.mention_np(m)
    end
    if m.first >= c then break end
  end
  local T, L = C.T, C.L
  -- "On September 27 they published ...": a subject pronoun
  for k = a, c - 1 do
    local t = T[k]
    if t.k == "q" then break end
    local p = t.k == "w" and L.pronoun[t.low]
    if p and p.fn == "subj" then
      return { first = k, last = k, core_last = k, kind = "pron", pron = t.low }
    end
  end
  -- "The authors of the report ... found": a description opening the sentence
  local s = a
  if T[s] and T[s].k == "w" and (T[s].low == "but" or T[s].low == "and") then s = s + 1 end
  local np = sp.fwd(C, s, c - 1)
  if np and np.kind ~= "name" and (np.role or np.kind == "pron") then return np end
  return nil
end

-- where does content that follows its cue end? At a clause of its own: ", which ..."
-- running to the end, a dash, ", contradicting ...", ", and the downgrade is ...",
-- ", though ...", " but has been ...".
local CLAUSE_OPEN = { the = true, a = true, an = true, this = true, that = true, he = true,
  she = true, it = true, they = true, we = true, i = true, his = true, her = true, its = true,
  their = true, some = true, many = true, most = true }
local AUX = { has = true, have = true, had = true, is = true, was = true, are = true,
  were = true, will = true, would = true }
local function cut_forward(C, a, b, relative)
  local T, L = C.T, C.L
  local depth = 0
  for i = a + 1, b do
    local t = T[i]
    if t.k == "q" then
      depth = (t.side == "open" or (t.side == "both" and depth == 0)) and depth + 1 or math.max(0, depth - 1)
    end
    if depth == 0 then
      local nx = T[i + 1]
      local dash = t.t == "\u{2014}" or t.t == "\u{2015}" or (t.t == "-" and nx and nx.t == "-")
        or (t.t == "\u{2013}" and t.ws)
      if dash and i > a + 2 then return i - 1 end
      local ce2 = t.t == "," and nx and nx.k == "w" and not nx.low:find("ing$")
        and lex.match_cue(L, T, i + 1, b)
      if ce2 and i > a + 1 and T[ce2 + 1] and not PREP[T[ce2 + 1].low] then
        return i - 1   -- "Stonecrest, which wants to build the quarry, said ..."
      end
      if t.t == "(" and i > a + 3 then return i - 1 end
      if t.t == "," and nx and nx.k == "w" and i + 1 <= b then
        local w = nx.low
        if AUX[w] and i > a + 3 and relative then return i - 1 end   -- "..., which contended X, is"
        if (w == "which" or w == "who" or w == "where" or w == "when") then
          local closed = false
          for x = i + 2, b do if T[x].t == "," then closed = true; break end end
          if not closed then return i - 1 end
        end
        if w == "though" or w == "although" or w == "while" or w == "whereas" then return i - 1 end
        if #w >= 6 and w:find("ing$") and not nx.cap and not L.stop[w] then return i - 1 end
        if (w == "and" or w == "but") and T[i + 2] and T[i + 2].k == "w" and CLAUSE_OPEN[T[i + 2].low] then
          return i - 1
        end
      end
      if t.k == "w" and t.low == "but" and nx and nx.k == "w" and AUX[nx.low] and i > a + 2 then
        return i - 1
      end
    end
  end
  return b
end

local REFUSAL = { comment = true, discuss = true, elaborate = true, say = true,
  speculate = true, respond = true, answer = true, confirm = true }
local function finalize(C, rec, indq, out)
  local T = C.T
  if T[rec.cue_last] and T[rec.cue_last].low == "to" and T[rec.first]
    and REFUSAL[T[rec.first].low] then
    return false   -- "declined to comment on the matter"
  end
  rec.last = cut_at_next(C, rec.first, rec.last)
  if rec.forward then rec.last = cut_forward(C, rec.first, rec.last, rec.relative) end
  -- "criticized the law as a “crazy system” during a visit": the content ends at the mark
  for x = ent.first_at(C.spans, rec.first, "open"), #C.spans do
    local s = C.spans[x]
    if s.open > rec.last then break end
    if s.open > rec.first and s.close and s.close <= rec.last and T[s.open - 1].k == "w"
      and T[s.open - 1].low == "as" or (s.open > rec.first + 1 and s.close and s.close <= rec.last
      and T[s.open - 2].low == "as" and ARTICLE[T[s.open - 1].low or ""]) then
      local nx = T[s.close + 1]
      if not (nx and nx.k == "w" and (nx.low == "who" or nx.low == "that" or nx.low == "which")) then
        rec.last = s.close
      end
      break
    end
  end
  rec.first = skip_dateline(T, rec.first, rec.last)
  rec.first, rec.last = trim(T, rec.first, rec.last)
  -- a leading preposition and its article ("from Kano, Nigeria" after "reported", "to
  -- the KMC ward" after "admitted", "to go") are not counted
  local w1 = T[rec.first]
  local lead = w1 and w1.k == "w" and PREP_OPEN_ALL[w1.low] and 1 or 0
  if lead == 1 and T[rec.first + 1] and ARTICLE[T[rec.first + 1].low] then lead = 2 end
  if rec.first > rec.last or not has_words(T, rec.first + lead, rec.last, rec.min_words or 3) then
    return false
  end
  for i = rec.first, rec.last do
    if indq[i] then return false end
  end
  local mixed = false
  local marks_in = 0
  for i = rec.first, rec.last do
    if T[i].k == "q" and T[i].fam == "double" and not C.quoted[i] and not C.span_mark[i] then
      marks_in = marks_in + 1   -- quotation marks that pair with none: still quoted words
    end
  end
  if marks_in >= 2 then mixed = true end
  for k = ent.first_at(C.spans, rec.first, "open"), #C.spans do
    local s = C.spans[k]
    if s.open >= rec.first and s.open < rec.last and quoted_speech(C, k, rec.headline) then
      mixed = true
    end
    if s.open > rec.last then break end
  end
  rec.mixed = mixed
  out[#out + 1] = rec
  return true
end

-- headline patterns: "NAME: CONTENT", "NAME Says CONTENT", "CONTENT, NAME Says"
local function headline(C, a, b, indq, out, sentence_case)
  local T, L = C.T, C.L
  for c = a + 1, math.min(b, a + 8) do
    if T[c].t == ":" then
      local np = sp.back(C, c - 1, a)
      if np and np.first == a and (np.kind == "name" or np.kind == "role") then
        local rec = { np = np, first = c + 1, last = b, cue_first = c, cue_last = c, min_words = 2,
          headline = true }
        if finalize(C, rec, indq, out) then return true end
      end
      break
    end
  end
  if sentence_case then return false end
  for c = a + 1, b do
    local ce, tag = lex.match_cue(L, T, c, b, true)
    if ce and tag ~= "direct" then
      local np = sp.back(C, c - 1, a)
      if np and np.first == a and np.kind ~= "pron" then
        local rec = { np = np, first = ce + 1, last = b, cue_first = c, cue_last = ce, min_words = 2,
          headline = true }
        if tag == "frag" or tag == "attr" or tag == "any" or tag == "addr" then
          if finalize(C, rec, indq, out) then return true end
        end
      elseif np and np.first > a + 1 and T[np.first - 1].t == "," then
        local rec = { np = np, first = a, last = np.first - 2, cue_first = c, cue_last = ce, min_words = 2,
          headline = true }
        if finalize(C, rec, indq, out) then return true end
      end
      return false
    end
  end
  return false
end

-- is [a, b] an introductory adverbial rather than reported content ("In offering
-- analysis of the election, X told ...", "After the talks, X said")?

local function adverbial(C, a, b)
  local T = C.T
  local t = T[a]
  if not (t and t.k == "w" and PREP_OPEN[t.low]) then return false end
  local nx = T[a + 1]
  if nx and nx.k == "w" and nx.low:find("ing$") then return true end
  return not has_words(T, a, b, 7)
end

-- the attribution that closes a sentence: content before it
local function tail(C, a, b, indq, cb)
  local T, L = C.T, C.L
  local cue_first = L.cue_first
  local cand = C.cue_cand
  -- cb: the last candidate at or before b
  for ci = cb or first_at(cand, b + 1) - 1, 1, -1 do
    local c = cand[ci]
    if c < a + 2 then break end
    local tc = T[c]
    if tc.k == "w" and cue_first[tc.low] and not indq[c] and not C.quoted[c] then
      local ce, tag = lex.match_cue(L, T, c, b)
      local prevw = T[c - 1]
      if ce and tag ~= "direct" and tag ~= "frag" and not (prevw and PASSIVE[prevw.low]) then
        if according_to(C, c, ce) then
          if prevw.t == "," then
            local np = sp.fwd(C, ce + 1, b)
            if np then return { np = np, first = a, last = c - 2, cue_first = c, cue_last = ce } end
          end
        else
          local j = sp.skip_adverbs_back(C, c - 1, a)
          local np = sp.back(C, j, a)
          local te = ce
          if tag == "addr" then te = direct.addressee_end(C, ce, b) end
          local before = np and T[np.first - 1]
          local comma = before and (before.t == "," or (before.k == "q" and before.side ~= "open"
            and T[np.first - 2] and T[np.first - 2].t == ","))
          if np and np.first > a + 1 and comma and not indq[np.first - 1]
            and short_tail(C, te + 1, b) and not indq[np.first] and not adverbial(C, a, np.first - 2) then
            local last = before.t == "," and np.first - 2 or np.first - 1
            local rec = { np = np, first = a, last = last, cue_first = c, cue_last = ce }
            if tag == "addr" then rec.cue_last = direct.addressee_end(C, ce, b) end
            return rec
          elseif np and (np.kind == "pron" or np.kind == "name" or (np.kind == "role" and (not np.generic or np.det == "the")))
            and tag ~= "attr" and np.first > a + 1
            and T[np.first - 1].t == "," and T[te + 1] and T[te + 1].t == "," and te + 2 <= b
            and has_words(T, te + 2, b, 2) and not adverbial(C, a, np.first - 2)
            and not indq[np.first - 2] then
            -- "The economic weapons, he added, are like ...": a parenthetical attribution;
            -- the content is both sides of it
            local rec = { np = np, first = a, last = np.first - 2, cue_first = c, cue_last = ce,
              second = { first = te + 2, last = b } }
            return rec
          elseif not np and prevw.t == "," and c > a + 2 and not indq[c - 2] and tag ~= "attr" then
            local np2 = sp.fwd(C, ce + 1, b)
            if np2 and short_tail(C, np2.last + 1, b) and not adverbial(C, a, c - 2) then
              return { np = np2, first = a, last = c - 2, cue_first = c, cue_last = ce }
            end
          end
        end
      end
    end
  end
  return nil
end

-- is the content at st a two-word clause, subject and verb ("Bob said it rained", "said
-- that she left")? A subject pronoun or a name, then a lower-case word that is no
-- adverb ("said it again", "said it all" are no reports).
local NOT_VERB = { again = true, too = true, once = true, twice = true, ["else"] = true,
  instead = true, anyway = true, though = true, later = true, first = true, today = true }
local function two_word_clause(C, st, b)
  local T, L = C.T, C.L
  local w1, w2 = T[st], T[st + 1]
  if st + 1 > b or not (w1 and w2 and w1.k == "w" and w2.k == "w") then return false end
  local p = L.pronoun[w1.low]
  local subj = p and p.fn == "subj"
  -- a name then a verb in -ed ("Tom lied"); not a name then a noun ("NIH hospital",
  -- "Paul's leave")
  if not (subj or (w1.cap and not L.stop[w1.low] and not select(2, qtext.base(w1))
      and w2.low:find("ed$"))) then
    return false
  end
  return not w2.cap and not L.stop[w2.low] and not L.adverb[w2.low] and not NOT_VERB[w2.low]
    and not L.timeword[w2.low] and not w2.low:find("ly$")
end

-- the owner of a reporting noun at c: "Trump's claim", "Tulsa police's earlier claim",
-- "his warning"
local function nominal_owner(C, c, a)
  local T, L = C.T, C.L
  for k = c - 1, math.max(a, c - 3), -1 do
    local t = T[k]
    if t.k ~= "w" then return nil end
    local p = L.pronoun[t.low]
    if p and p.fn == "poss" then
      local pron = (t.low == "his" and "he") or (t.low == "her" and "she") or (t.low == "its" and "it")
        or (t.low == "their" and "they") or nil
      if pron then return { first = k, last = k, core_last = k, kind = "pron", pron = pron } end
      return nil
    end
    local _, poss = qtext.base(t)
    if poss then
      local m = C.mention_at[k]
      if m and not m.inq then
        return { first = m.first, last = k, core_last = k, kind = "name", name_first = m.first,
          name_last = k }
      end
      local x = k
      while x - 1 >= a and T[x - 1].k == "w" and (T[x - 1].cap or sp.DET[T[x - 1].low]) do x = x - 1 end
      return { first = x, last = k, core_last = k, kind = "role", generic = true }
    end
  end
  return nil
end

-- "According to NAME, the president of X, CONTENT": index where the content starts
local function after_source(C, np, b)
  local T = C.T
  local k = np.last + 1
  if T[k] and T[k].t == "," then
    local m = np.name_last and C.mention_at[np.name_last]
    if m and m.appos_role then
      for x = k + 1, math.min(b, k + 20) do
        if T[x].t == "," then return x + 1 end
      end
    end
    return k + 1
  end
  while k <= b and T[k].t ~= "," do k = k + 1 end
  if k < b then return k + 1 end
  return nil
end

--- Find reported speech. sentences: list of {a, b} token ranges; indq[i] is true when
-- token i lies inside a kept direct quotation (from its opening to its closing mark): a
-- table, not a function, as it is read for every token of every content range.
-- Returns a list of records {np, cue_first, cue_last, first, last (content tokens),
-- mixed, participle_of}.
function M.find(C, sentences, indq)
  local T, L = C.T, C.L
  local cue_first, match_cue = L.cue_first, lex.match_cue
  local out = {}
  -- cues inside any quotation belong to the quoted words
  local quoted = dp.text.table(#T)   -- by token index
  for _, s in ipairs(C.spans) do
    for i = s.first, s.last or s.first do quoted[i] = true end
  end
  local span_mark, close_of = {}, {}
  for _, s in ipairs(C.spans) do
    span_mark[s.open] = true
    if s.close then span_mark[s.close] = true; close_of[s.close] = s end
  end
  C.quoted, C.span_mark = quoted, span_mark
  local headline_para = ent.headline_paras(T)
  local para1_words   -- counted when a sentence of paragraph 1 needs it
  local cand = candidates(C)
  C.cue_cand = cand
  local pc = 1   -- the first candidate at or after the sentence start, carried along
  for it = 1, #sentences do
    local sr = sentences[it]
    local a, b = sr[1], sr[2]
    if pc > 1 and cand[pc - 1] >= a then pc = first_at(cand, a) end   -- out of order
    while cand[pc] and cand[pc] < a do pc = pc + 1 end
    -- drop the sentence terminator (a closing mark whose quotation opened in the
    -- sentence stays, with the punctuation inside it)
    while b >= a and (T[b].k == "p" or (T[b].k == "q" and T[b].side ~= "open")) and not indq[b] do
      if T[b].k == "p" and T[b].t ~= "." and keeps_symbol(T, a, b) then break end   -- "60%."
      if T[b].k == "q" then
        local sp_ = close_of[b]
        if sp_ and sp_.open >= a then break end
      end
      b = b - 1
    end
    if b < a then goto next_sentence end
    if T[a].para == 1 and #C.paras > 1 and headline_para[1] then
      if headline(C, a, b, indq, out) then goto next_sentence end
    end
    local n_before = #out
    -- the patterns below start at a candidate: a sentence without one (most often it has
    -- no cue word at all) is left to the headline test after them
    if cand[pc] and cand[pc] <= b then
      local last_rec, last_direct, lead_done
      -- "Claiming the criticism is designed to ..., Trump told Fox ...": the subject after
      -- the comma speaks
      local a0 = a
      if T[a].k == "w" and PARTICIPLE_LEAD[T[a].low] then a0 = a + 1 end
      local t0, ce0, tag0 = T[a0], nil, nil
      if t0 and t0.k == "w" and cue_first[t0.low] then ce0, tag0 = match_cue(L, T, a0, b, true) end
      if ce0 and T[a0].low:find("ing$") and T[a0].low ~= "according" and tag0 ~= "direct"
        and not C.quoted[a0] then
        local comma
        for x = ce0 + 1, b do
          if T[x].t == "," then
            comma = x
            while T[comma + 1] and T[comma + 1].k == "q" and T[comma + 1].side ~= "open" do
              comma = comma + 1
            end
            break
          end
        end
        if comma and comma + 1 <= b then
          local np = sp.fwd(C, comma + 1, b)
          if np and (np.kind ~= "role" or np.role) then
            local rec = { np = np, first = ce0 + 1, last = comma - 1, cue_first = a0, cue_last = ce0 }
            if finalize(C, rec, indq, out) then last_rec = rec; lead_done = ce0 end
          end
        end
      end
      local cb = pc
      while cand[cb] and cand[cb] <= b do cb = cb + 1 end
      local t_rec = tail(C, a, b, indq, cb - 1)
      local c = lead_done and lead_done + 1 or a
      if t_rec then
        if finalize(C, t_rec, indq, out) then last_rec = t_rec end
        c = t_rec.cue_first
        -- attributions inside the tail's content ("Supermarkets have warned that ...,
        -- according to the fruit association")
        local x = t_rec.first
        local xi = first_at(cand, x)
        while x < t_rec.last do
          -- only a cue word can start a cue: jump to the next candidate
          while cand[xi] and cand[xi] < x do xi = xi + 1 end
          if not cand[xi] or cand[xi] >= t_rec.last then break end
          x = cand[xi]
          local cx, tx = nil, nil
          if not C.quoted[x] and not indq[x] then cx, tx = lex.match_cue(L, T, x, t_rec.last) end
          if cx and tx ~= "direct" and tx ~= "frag" and tx ~= "attr"
            and not (T[x - 1] and PASSIVE[T[x - 1].low]) then
            local jx = sp.skip_adverbs_back(C, x - 1, t_rec.first)
            local npx = sp.back(C, jx, t_rec.first)
            if npx and npx.first == t_rec.first and npx.kind ~= "pron" and not npx.generic then
              local st = content_start(C, cx, t_rec.last, tx)
              if st then
                finalize(C, { np = npx, first = st, last = t_rec.last, cue_first = x,
                  cue_last = cx, forward = true }, indq, out)
              end
            end
            x = cx + 1
          else
            x = x + 1
          end
        end
        if t_rec.second then
          local r2 = { np = t_rec.np, first = t_rec.second.first, last = t_rec.second.last,
            cue_first = t_rec.cue_first, cue_last = t_rec.cue_last, min_words = 2 }
          finalize(C, r2, indq, out)
          c = b + 1
        end
      end
      local ci = pc   -- c >= a
      while c <= b do
        -- a token that is no candidate (cue word, reporting noun, cue of a direct quote)
        -- reports nothing: jump to the next candidate
        while cand[ci] and cand[ci] < c do ci = ci + 1 end
        if not cand[ci] or cand[ci] > b then break end
        c = cand[ci]
        local ce, tag = nil, nil
        local d = C.direct_by_cue and C.direct_by_cue[c]
        if d then
          last_direct = d
          c = (d.cue_last or c) + 1
          goto continue
        end
        local tc = T[c]
        -- the word lists first: most tokens are no cue and no reporting noun
        if tc.k == "w" and cue_first[tc.low] and not indq[c] and not C.quoted[c] then
          ce, tag = match_cue(L, T, c, b)
        end
        if not ce and tc.k == "w" and not tc.cap and L.nominal[tc.low] and not indq[c]
          and not C.quoted[c]
          and T[c + 1] and T[c + 1].k == "w" and T[c + 1].low == "that" and c + 2 <= b then
          -- "Trump's claim that ...", "his warning that ...": the owner speaks
          local np = nominal_owner(C, c, a)
          if np then
            local rec = { np = np, first = c + 2, last = b, cue_first = c, cue_last = c }
            if finalize(C, rec, indq, out) then last_rec = rec end
            c = c + 2
            goto continue
          end
        end
        local prevw = T[c - 1]
        if ce and tag == "direct" then ce = nil end
        if ce and prevw and prevw.k == "w" and PASSIVE[prevw.low] then ce = nil end
        if ce and c > a and T[c].low:find("ing$") and prevw and prevw.t ~= ","
          and not PARTICIPLE_LEAD[prevw.low] and not PROGRESSIVE[prevw.low] and not C.quoted[c - 1]
          and not (prevw.k == "q" and prevw.side ~= "open") then
          -- "a statement saying that ...", "with Nigerians saying he has not ..." report;
          -- "his speech to Congress warning of the dangers" does not: a clause must follow
          local nx = T[ce + 1]
          local pr = sp.role_of(L, prevw)
          local clause = ce > c or (pr and (pr.kind == "doc" or pr.kind == "source"))
            or (nx and (nx.k == "q" or (nx.k == "w" and (nx.low == "that"
            or CONTENT_OPEN[nx.low] or WH[nx.low] or (nx.cap and not L.stop[nx.low])))))
          if not clause then ce = nil end
        end
        if ce and t_rec and c == t_rec.cue_first then c = ce + 1; goto continue end
        if ce then
          local rec
          if according_to(C, c, ce) then
            local np = sp.fwd(C, ce + 1, b)
            if np then
              local lead = c == a or (c == a + 1 and T[a].k == "w" and T[a].low ~= "that")
              if lead then
                local st = after_source(C, np, b)
                if st then rec = { np = np, first = st, last = b } end
              end
            end
            if rec then rec.cue_first, rec.cue_last = c, ce end
          elseif T[c].low:find("ing$") and prevw and (prevw.t == "," or PARTICIPLE_LEAD[prevw.low]) then
            local st = content_start(C, ce, b, tag)
            local src = last_rec or last_direct
            if st and src then
              rec = { np = src.np, first = st, last = b, cue_first = c,
                cue_last = ce, participle_of = src, forward = true }
            elseif st then
              local np = subject_np(C, a, c)
              if np then rec = { np = np, first = st, last = b, cue_first = c, cue_last = ce, forward = true } end
            end
          else
            local j = sp.skip_adverbs_back(C, c - 1, a)
            local np = sp.back(C, j, a)
            local qb = np and np.first > a and T[np.first - 1]
            if qb and qb.k == "q" and indq[np.first - 1] then
              np = nil  -- attribution of a direct quotation: '"...," Okafor said at ...'
            end
            if not np and prevw and prevw.k == "w" and RELATIVE[prevw.low] and c - 2 >= a then
              -- "the Chicago Police Department which reported ...", "the study -- which notes"
              local k = c - 2
              while k > a and (T[k].t == "," or DASH[T[k].t] or T[k].t == "--") do k = k - 1 end
              local np2 = sp.back(C, k, a)
              if np2 and np2.kind ~= "pron" then np = np2; np.relative = true end
            end
            if not np and prevw and prevw.k == "w" and (prevw.low == "and" or prevw.low == "but") then
              -- "The association welcomed the plan but said it would ...": the subject speaks
              np = last_rec and last_rec.np or subject_np(C, a, c)
            end
            if np and FINDING[T[c].low] and T[ce + 1] and T[ce + 1].low ~= "that"
              and (np.kind == "pron" or np.kind == "name") then
              -- "Osei-Marsh, who found the helmet": a person finds things; studies,
              -- courts and polls find that something is so
              local m = np.kind == "name" and C.mention_at[np.name_last]
              if np.kind == "pron" or (m and m.entity.kind == "person") then np = nil end
            end
            if np and tag == "attr" and np.generic and (np.det == "its" or np.det == "his"
              or np.det == "her" or np.det == "their" or np.det == "poss") then
              np = nil  -- "its profit forecast": a noun, not a cue
            end
            if np and np.kind == "pron" and last_rec and c >= last_rec.first and c <= last_rec.last then
              np = nil   -- "Residents say they have complained ...": part of the content
            end
            local inside = last_rec and c >= last_rec.first and c <= last_rec.last
            if np and inside and tag == "attr" then np = nil end
            if np and inside and np.first > a and T[np.first - 1].k == "w"
              and CONDITIONAL[T[np.first - 1].low] then
              np = nil   -- "... until the authority agreed to ...": not a report
            end
            if np and not indq[np.first] then
              if tag == "frag" then
                -- "criticized the law as a “crazy system”": object and quoted phrase
                local q
                for k = ent.first_at(C.spans, ce + 1, "open"), #C.spans do
                  local s = C.spans[k]
                  if s.open > ce + 12 or s.open > b then break end
                  if s.close and C.declined[k] == "naming" then q = s; break end
                end
                if q then
                  rec = { np = np, first = ce + 1, last = b, cue_first = c, cue_last = ce, forward = true }
                elseif np.kind == "name" or np.kind == "pron" then
                  local quoted_near = false
                  for x = ce + 1, math.min(b, ce + 12) do if T[x].k == "q" then quoted_near = true end end
                  if not quoted_near then
                    rec = { np = np, first = ce + 1, last = b, cue_first = c, cue_last = ce, forward = true }
                  end
                end
              else
                local st = content_start(C, ce, b, tag)
                if st then
                  rec = { np = np, first = st, last = b, cue_first = c, cue_last = ce, forward = true }
                  if (tag == "any" or tag == "addr") and two_word_clause(C, st, b) then
                    rec.min_words = 2   -- "Bob said it rained."
                  end
                end
              end
              if rec and tag == "addr" then rec.cue_last = direct.addressee_end(C, ce, b) end
            end
          end
          if rec and rec.np and rec.np.relative then rec.relative = true end
          if rec and tag == "attr" and T[rec.first - 1] and T[rec.first - 1].low == "that" then
            rec.min_words = 2   -- "found that action unconstitutional"
          end
          local nested = rec and last_rec and rec.cue_first >= last_rec.first
            and rec.cue_first <= last_rec.last and not rec.participle_of
          if rec and finalize(C, rec, indq, out) and not nested then
            last_rec = rec
          end
          c = ce + 1
        else
          c = c + 1
        end
        ::continue::
      end
    end
    -- a short first paragraph in sentence case may still be a headline ("Flynn says ...")
    if #out == n_before and T[a].para == 1 and #C.paras > 1 and not headline_para[1]
      and not para1_words then
      para1_words = 0
      for ti = 1, #T do
        local t = T[ti]
        if t.para > 1 then break end
        if t.k == "w" then para1_words = para1_words + 1 end
      end
    end
    if #out == n_before and T[a].para == 1 and #C.paras > 1 and not headline_para[1]
      and para1_words <= 40 then
      headline(C, a, b, indq, out, true)
    end
    ::next_sentence::
  end
  return out
end

return M
