--- Direct quotes: attribution of quotation spans to a speaker phrase and a cue, in sieves.
--
-- After Muzny et al. 2017 ("A two-stage sieve approach for quote attribution"): every
-- quotation span (docpipe.quotes.marks) goes through the sieves below, the most certain
-- first; the first sieve that finds a speaker phrase decides. The phrase is resolved to
-- a canonical speaker later (docpipe.quotes.speaker, docpipe.quotes.entities).
--
-- 1. `nonspeech`: quoted words that are not speech are set aside before attribution:
--    titles of works after a work noun ("the film “Salt and Iron”", "a song called
--    “...”"), words mentioned as words ("the word “closure”", "the term"), labels after
--    "so-called", "known as", "nicknamed", a nickname inside a name (Jozef “Jozzy”
--    Halloran). Word lists: data/en/quotes_work_nouns.txt, quotes_mention_nouns.txt,
--    quotes_label_cues.txt.
-- 2. `adjacent`: a cue and a speaker next to the quote, in the same sentence: after it
--    (`”, said NAME`, `” NAME said`, `” the statement said`, `” she added`, with
--    appositives and inversions; a pronoun or name and any one- or two-word verb closing
--    the clause after a quote ending in a comma: `,” she began, “`, `,” Smith let drop.`),
--    or before it (`NAME said, “`, `NAME told reporters: “`, `NAME said “`, `NAME on
--    Facebook said, “`, the subject of coordinated predicates: `X looked up and said, “`,
--    `According to NAME, who ..., “`). Not speech: a quoted addressee (`sources tell “The
--    Post” that`), a quote inside a clause after the cue (`he said he wrote it because,
--    “...”`), text on an object (`a sign reads “...”`: data/en/quotes_inscription_nouns.txt),
--    and a one-sentence quote opening in lower case inside a sentence begun before it
--    (`The email “in no way reflects ...,” X said`), which reported speech takes as mixed.
-- 3. `naming`: a short quoted phrase after a naming cue (`which he called “wildly
--    optimistic”`, `called the proposal “a tax on landlords dressed up as reform”`). A
--    label (`what it calls a “smart terminal”`, a title-case name) is not speech; a
--    phrase of fewer than four words after an object (`called the decision “responsible
--    and right”`) is also given to reported speech, where object and phrase make a
--    mixed quote; an object of more than six words leaves the quote to reported speech.
-- 4. `dash`: `” —NAME` (press releases).
-- 5. `colon`: a clause ending in a colon before the quote, its subject speaking
--    (`Mayor Okafor: ‘`, `chief executive Paulo Brandt was blunt: “`, `The head of the
--    union, Abena Kusi, had a short message for the minister: “`), also when the clause
--    is a lead-in paragraph of its own (`And from deputy mayor Rob Tennant:`).
-- 6. `group`: parts of one utterance share the speaker: a quote interrupted by its
--    attribution (`“We will not stop,” she said, “until it is done.”`) and a quote
--    running over paragraphs (the opening paragraph left open, the next one opening again).
-- 7. `continuation`: a quote standing as a sentence of its own right after an attributed
--    quote of the same paragraph continues its speaker.
-- 8. `subject`: a quote standing alone after a sentence whose subject is a person
--    continues that person (`Asante was more cautious. “Closer is not done.”`).
-- 9. `paragraph`: a quote opening a paragraph right after a paragraph whose last quote
--    has a speaker continues that speaker.
-- 10. `nested`: a quotation inside a quotation, introduced by a cue and a person of its
--    own (`“My father used to say, ‘...’,” said Selin Arcos`): a quote of its own, the
--    speaker `father of Selin Arcos`.
-- 11. `reported`: a quote standing alone right after a sentence of the same paragraph
--    whose reported speech has a speaker continues that speaker (`..., Schiff said.
--    “The other factor is ...”`).
-- 12. `standalone`: any other quote standing as a sentence of its own is kept without a
--    speaker when it has at least `min_words` words; quoted words inside a sentence with
--    no cue (scare quotes, terms) are not speech.
-- 13. `turn` (after resolution): in an exchange of questions and answers a quote with no
--    cue of its own is the other party's turn: a bare quote right after a question (the
--    marks adjacent, or after `“Did you ...?” X asked.`), a bare question after an answer
--    or standing as a paragraph of its own; the speaker is the latest earlier speaker
--    (direct or reported, within 600 bytes) other than the previous quote's.
-- A continuation (7) whose previous sentence reports someone else's speech after the
-- quote it continues takes that report's speaker (`reported_over_continuation`).
--
-- Units: token indices; the stage turns spans into byte offsets.
-- @module docpipe.quotes.direct

local lex = require "docpipe.quotes.lexicon"
local qtext = require "docpipe.quotes.text"
local sp = require "docpipe.quotes.speaker"
local marks = require "docpipe.quotes.marks"
local ent = require "docpipe.quotes.entities"
local order = require "docpipe.quotes.order"

local M = {}

M.SIEVES = { "nonspeech", "adjacent", "naming", "dash", "colon", "group", "continuation",
  "subject", "paragraph", "nested", "reported", "standalone" }

local DASH = { ["\u{2014}"] = true, ["\u{2013}"] = true, ["-"] = true, ["--"] = true }
local CONJ = { ["and"] = true, but = true, ["or"] = true, so = true, yet = true }
local ARTICLE = { a = true, an = true, the = true, its = true, his = true, her = true,
  their = true, our = true, this = true, that = true }

--- Is token i the end of a sentence or clause (outside quotes)?
local function is_term(T, i)
  local t = T[i]
  if t.k ~= "p" then return false end
  if t.t == ";" then return true end
  if t.t == "." or t.t == "!" or t.t == "?" or t.t == "\u{2026}" then
    local nx = T[i + 1]
    return not nx or nx.sent ~= t.sent or nx.para ~= t.para
  end
  return false
end
M.is_term = is_term

-- bounds of the region after span k (exclusive of terminators and the next quote)
local function find_post_region(C, k)
  local T, s = C.T, C.spans[k]
  if not s.close then return nil end
  local lo = s.close + 1
  local hi = lo - 1
  -- “... ended.” The next sentence: a full stop inside the marks ends the sentence
  local inner_last, nx = T[s.close - 1], T[lo]
  if inner_last and inner_last.k == "p" and inner_last.t == "." and nx and nx.para == s.para
    and nx.k == "w" and nx.cap then
    return lo, hi
  end
  local nxt = C.spans[k + 1]
  local stop, para = nxt and nxt.open, s.para
  local i = lo
  while true do
    local t = T[i]
    if not t or t.para ~= para then break end
    if stop and i >= stop then break end
    if t.k == "p" and is_term(T, i) then break end   -- only punctuation ends a sentence
    hi = i
    i = i + 1
  end
  return lo, hi
end

-- post_region, asked by several sieves for the same span: kept per span in C.post_regions
-- ({lo, hi}, or false for none)
local function post_region(C, k)
  local cache = C.post_regions
  if not cache then
    cache = {}
    C.post_regions = cache
  end
  local r = cache[k]
  if r == nil then
    local lo, hi = find_post_region(C, k)
    r = lo ~= nil and { lo, hi } or false
    cache[k] = r
  end
  if not r then return nil end
  return r[1], r[2]
end

local function pre_region(C, k)
  local T, s = C.T, C.spans[k]
  local hi = s.open - 1
  local lo = hi + 1
  local prev = C.spans[k - 1]
  local i = hi
  while i >= 1 and T[i].para == s.para do
    if prev and prev.close and i <= prev.close then break end
    if prev and not prev.close and prev.para == s.para then break end
    if T[i].k == "p" and is_term(T, i) then break end
    lo = i
    i = i - 1
  end
  return lo, hi
end
M.pre_region = pre_region
M.post_region = post_region

local function cue_result(np, c, ce, how)
  return { np = np, cue_first = c, cue_last = ce, how = how }
end

-- "told reporters", "told the Daily Courier": extend an addressee cue over a short object
-- prepositions that open an adverbial after the addressee ("told reporters outside the
-- port office", "told the court on Monday"): no part of the cue
local ADDR_PREP = { outside = true, inside = true, at = true, ["in"] = true, on = true,
  near = true, after = true, before = true, during = true, following = true, from = true,
  by = true, with = true, over = true, via = true, through = true, behind = true,
  aboard = true, across = true, ahead = true, about = true, ["for"] = true }
M.ADDR_PREP = ADDR_PREP

local function addressee_end(C, ce, hi)
  local T, L = C.T, C.L
  local k = ce + 1
  if T[k] and T[k].k == "w" and sp.DET[T[k].low] then k = k + 1 end
  local last
  local n = 0
  while T[k] and k <= hi and T[k].k == "w" and n < 3 do
    local u = T[k]
    local people = sp.role_of(L, u)   -- "told reporters", "told journalists"
    if u.low == "that" or (L.timeword[u.low] and not people) or L.stop[u.low] and not u.cap then break end
    if ADDR_PREP[u.low] and not u.cap then break end
    last = k
    n = n + 1
    k = k + 1
  end
  return last or ce
end
M.addressee_end = addressee_end

local post_subject

local function count_words(T, a, b)
  local n = 0
  for i = a, b do if T[i].k == "w" then n = n + 1 end end
  return n
end

---------------------------------------------------------------------------------------
-- sieve 1: nonspeech

-- Is span k quoted words that are not speech (a title, a word mentioned, a label, a
-- nickname)? Only spans inside a sentence are judged. words: the span's word count when
-- the caller has it.
local function nonspeech(C, k, words)
  local T, L = C.T, C.L
  local s = C.spans[k]
  local o = s.open
  local prev = T[o - 1]
  if not prev or prev.para ~= s.para then return false end
  words = words or count_words(T, s.first, s.last)
  -- a nickname inside a name: Jozef “Jozzy” Halloran
  local nx = s.close and T[s.close + 1]
  if words <= 3 and prev.k == "w" and prev.cap and nx and nx.k == "w" and nx.cap and nx.ws
    and nx.para == s.para and not L.stop[prev.low] and not (C.headline and C.headline[s.para]) then
    return "nickname"
  end
  -- look at up to four words before the mark: "the word", "the documentary", "so-called"
  local j = o - 1
  if T[j] and T[j].t == "," then j = j - 1 end
  local seen = 0
  while j >= 1 and T[j].para == s.para and seen < 4 do
    local u = T[j]
    if u.k ~= "w" then break end
    if L.work[u.low] then return "title" end
    if L.mention[u.low] and words <= 6 then return "mention" end
    if L.label[u.low] and words <= 6 then return "label" end
    -- two-word labels: "known as", "so called"
    local two = T[j - 1] and T[j - 1].k == "w" and (T[j - 1].low .. " " .. u.low)
    if two and L.label[two] and words <= 6 then return "label" end
    seen = seen + 1
    if not (ARTICLE[u.low] or L.modifier[u.low] or u.low == "new" or u.low == "latest"
        or u.low == "first" or u.low == "upcoming" or u.low == "hit" or u.low:find("'s$")
        or u.low == "as" or u.low == "titled" or u.low == "entitled" or u.low == "called"
        or u.low == "named" or u.cap) then
      break
    end
    j = j - 1
  end
  return false
end
M.nonspeech = nonspeech

---------------------------------------------------------------------------------------
-- sieve 2: adjacent

-- auxiliaries and other words that are not a speech verb after a pronoun
local NOT_VERB = { is = true, was = true, were = true, are = true, has = true, had = true,
  have = true, will = true, would = true, can = true, could = true, did = true, does = true,
  ["do"] = true, may = true, might = true, must = true, should = true, shall = true,
  ["and"] = true, ["or"] = true, but = true, ["not"] = true }

-- `“...,” he began, “...”`, `“...,” she jokes, wiping ...`, `“...,” Smith let drop.`:
-- after a quote ending in a comma (or ? !), a pronoun or a name followed by one or two
-- lower-case words that close the clause is an attribution whatever the verb (the
-- quote-mention-verb pattern of Muzny et al. 2017); i is the first token after the quote
local function quote_mention_verb(C, k, i, hi)
  local T = C.T
  local s = C.spans[k]
  local inner = T[s.close - 1]
  if not inner or inner.k ~= "p" or not (inner.t == "," or inner.t == "?" or inner.t == "!") then
    return nil
  end
  local np = sp.fwd(C, i, hi)
  if not np or np.first ~= i or (np.kind ~= "pron" and np.kind ~= "name") then return nil end
  if np.kind == "pron" and not (np.pron == "he" or np.pron == "she" or np.pron == "they"
      or np.pron == "i" or np.pron == "we") then return nil end
  local v = np.last + 1
  for _ = 1, 2 do
    local u = T[v]
    if not u or v > hi or u.k ~= "w" or u.cap or NOT_VERB[u.low] or C.L.stop[u.low]
      or C.L.adverb[u.low] then return nil end
    local nx = T[v + 1]
    if v == hi or not nx or nx.k == "q" or (nx.k == "p" and (nx.t == "," or nx.t == "."
        or nx.t == "!" or nx.t == "?" or nx.t == ";")) then
      return cue_result(np, np.last + 1, v, "post")
    end
    v = v + 1
  end
  return nil
end

-- words that open a clause set off between a closing quote and its cue: `“...,”
-- having edited the paper for years, he said`, `“...,” who coached the side, Reyes said`
local CLAUSE_OPEN = { who = true, whose = true, which = true, after = true, before = true,
  ["while"] = true, when = true, as = true, speaking = true, having = true }
local SUBJECT_PP = { ["in"] = true, of = true, from = true, at = true, with = true, on = true,
  ["for"] = true }

-- The subject of a cue after a quote, from token i: np (parsed leftwards from the cue)
-- when it starts at i, else np widened to start at i when what lies between is
--   a coordinated head: "his mother and father, Lena Hartig, wrote" (a name in an
--     appositive speaks; otherwise the coordinated description does);
--   a prepositional phrase after a role noun: "a mechanic in one of the crews is quoted";
--   a participle or relative clause set off by commas: "having edited ..., she said".
post_subject = function(C, np, i)
  local T = C.T
  if not np or np.first == i then return np end
  local p = T[np.first - 1]
  if not p or np.first - 2 < i then return np end
  if p.k == "w" and (p.low == "and" or p.t == "&") and np.kind ~= "pron" then
    local head = sp.back(C, np.first - 2, i)
    if head and head.first == i and head.kind ~= "pron" then
      if np.kind == "name" then np.first = i; return np end
      head.last, head.core_last = np.last, np.core_last
      return head
    end
  elseif p.k == "w" and SUBJECT_PP[p.low] and np.kind ~= "pron" then
    local head = sp.back(C, np.first - 2, i)
    if head and head.first == i and head.kind == "role" and not head.pp then
      head.last, head.core_last = np.last, np.core_last
      head.pp = np
      return head
    end
  elseif p.t == "," then
    local o = T[i]
    if not (o.k == "w" and not o.cap and (CLAUSE_OPEN[o.low] or o.low:find("ing$")
        or o.low:find("ed$"))) then return np end
    for x = i, np.first - 2 do
      if T[x].k == "q" or (T[x].k == "p" and T[x].t ~= "," and T[x].t ~= "-") then return np end
    end
    if np.first - i > 25 then return np end
    np.clause_first = i
    return np
  end
  return np
end

local function try_post(C, k)
  local T, L = C.T, C.L
  local lo, hi = post_region(C, k)
  if not lo or hi < lo then return nil end
  local i = lo
  while i <= hi and T[i].t == "," do i = i + 1 end
  if i > hi then return nil end
  if DASH[T[i].t] then return nil end
  local ce, tag = lex.match_cue(L, T, i, hi)
  if ce and tag ~= "frag" and tag ~= "attr" then
    local np = sp.fwd(C, ce + 1, hi)
    if np then return cue_result(np, i, ce, "inverted") end
  end
  local cue_first = L.cue_first
  for c = i, math.min(hi, i + 14) do
    -- only a word of L.cue_first opens a cue: the others are not asked (most tokens)
    local tc, e2, tag2 = T[c], nil, nil
    if tc and tc.k == "w" and cue_first[tc.low] then e2, tag2 = lex.match_cue(L, T, c, hi) end
    -- "X is alleged to have told ...": the hearsay verb is not the cue
    local t1, t2 = T[(e2 or c) + 1], T[(e2 or c) + 2]
    if e2 and t1 and t1.low == "to" and t2 and t2.low == "have" then e2 = nil end
    if e2 and tag2 ~= "frag" and tag2 ~= "attr" then
      local j = sp.skip_adverbs_back(C, c - 1, i)
      local np = post_subject(C, sp.back(C, j, i), i)
      if np and (np.first == i or np.clause_first == i) then
        if tag2 == "addr" then e2 = addressee_end(C, e2, hi) end
        return cue_result(np, c, e2, "post")
      end
      return nil
    end
  end
  return quote_mention_verb(C, k, i, hi)
end

-- "Aasgaard climbed onto a bollard, looked out at the crowd and said, <quote>": a cue
-- in the last of coordinated predicates speaks for the clause's subject (a name or a
-- pronoun opening the clause); c is the cue, lo the first token of the clause
local function coordinated_subject(C, c, lo)
  local T = C.T
  local a = T[c - 1]
  if not (a and a.k == "w" and a.low == "and") then return nil end
  local cs = lo
  if T[cs] and T[cs].k == "w" and CONJ[T[cs].low] then cs = cs + 1 end
  if c - cs > 40 then return nil end
  local np = sp.fwd(C, cs, c - 2)
  if not np or np.first ~= cs or (np.kind ~= "name" and np.kind ~= "pron") then return nil end
  -- the predicate must follow the subject directly (no clause or quote in between)
  local v = T[np.last + 1]
  if not v or v.k ~= "w" or v.cap then return nil end
  for x = np.last + 1, c - 1 do
    if T[x].k == "q" or (T[x].k == "p" and T[x].t ~= "," and T[x].t ~= "-") then return nil end
  end
  return np
end

local SUBORD = { because = true, that = true, ["if"] = true, when = true, since = true,
  although = true, though = true, ["while"] = true, whether = true }

-- prepositions of a phrase between a speaker and the cue ("NAME on Facebook said")
local PP_BEFORE_CUE = { on = true, via = true, ["in"] = true, at = true, during = true }

-- "A letter to parents from the head of the Shipley School, which ..., read:": a
-- document (a source or doc noun of role_nouns.txt) sent to a recipient from an author;
-- np, parsed back from the cue, starts at the recipient or at the author. Returns the
-- author's phrase
-- (up to np's end, appositives included) or nil.
local function document_author(C, np, lo)
  local T, L = C.T, C.L
  if not np or np.kind == "pron" or np.first - 2 < lo then return nil end
  if sp.document_from(C, np.first - 1, lo) then return np end
  local to, doc = T[np.first - 1], T[np.first - 2]
  -- "a letter from the mayor to residents": the author comes first
  for y = np.first - 2, math.max(lo + 1, np.first - 9), -1 do
    if to.k ~= "w" or to.low ~= "to" or T[y].k ~= "w" then break end
    local d = T[y - 1]
    local rd = d and d.k == "w" and (L.role[d.low] or sp.role_of(L, d))
    if T[y].low == "from" and rd and (rd.kind == "doc" or rd.kind == "source") then
      local a = sp.fwd(C, y + 1, np.first - 2)
      if a and a.first == y + 1 and a.last == np.first - 2
          and (a.kind == "name" or a.kind == "role") then
        a.last = np.last
        return a
      end
      break
    end
  end
  local r = doc.k == "w" and (L.role[doc.low] or sp.role_of(L, doc))
  if not (to.k == "w" and to.low == "to" and r and (r.kind == "doc" or r.kind == "source")) then
    return nil
  end
  for x = np.first + 1, math.min(np.last - 1, np.first + 6) do
    if T[x].k ~= "w" then return nil end
    if T[x].low == "from" then
      local a = sp.fwd(C, x + 1, np.last)
      if a and a.first == x + 1 and (a.kind == "name" or a.kind == "role") then
        a.last = np.last
        return a
      end
      return nil
    end
  end
  return nil
end

local function try_pre(C, lo, hi, span)
  local T, L = C.T, C.L
  if hi < lo then return nil end
  local last = T[hi]
  local colon, comma = last.t == ":", last.t == ","
  local h = (colon or comma) and hi - 1 or hi
  -- "According to Lt. Col. Ravi Okonkwo-Marsh, who coordinates ..., <quote>": the
  -- source after the cue opening the clause speaks, an appositive may follow it
  local c0 = lo
  if T[c0] and T[c0].k == "w" and CONJ[T[c0].low] then c0 = c0 + 1 end
  if comma and T[c0] and T[c0].low == "according" and T[c0 + 1] and T[c0 + 1].low == "to" then
    local np = sp.fwd(C, c0 + 2, h)
    if np and np.first == c0 + 2 and (np.kind == "name" or np.kind == "role")
      and (np.last == h or (T[np.last + 1].t == "," and h - np.last <= 25)) then
      return cue_result(np, c0, c0 + 1, "pre")
    end
  end
  local cue_first = L.cue_first
  for c = h, lo, -1 do
    -- only a word of L.cue_first opens a cue: the others are not asked (most tokens)
    local tc, ce, tag = T[c], nil, nil
    if tc and tc.k == "w" and cue_first[tc.low] then ce, tag = lex.match_cue(L, T, c, h) end
    -- "was quoted as saying": a longer cue phrase (cue_passive.txt) ending here wins
    if ce then
      for b = c - 1, math.max(lo, c - 5), -1 do
        local ce2, tag2 = lex.match_cue(L, T, b, h)
        if ce2 and ce2 >= ce then c, ce, tag = b, ce2, tag2 end
      end
    end
    if tag == "attr" then ce = nil end
    if ce then
      if tag == "frag" then return nil end
      local after = h - ce
      local ok
      if colon or comma then ok = after <= 6 else ok = after == 0 end
      -- "which he said he wrote in part because, <quote>": a clause after the cue
      -- leaves the quote inside reported content
      for x = ce + 1, h do
        if ok and T[x].k == "w" and (SUBORD[T[x].low] or (L.pronoun[T[x].low]
            and L.pronoun[T[x].low].fn == "subj" and T[x + 1] and T[x + 1].k == "w")) then
          ok = false
        end
      end
      -- 'sources tell “The Hollywood Reporter” that ...': the quoted words are the
      -- addressee, not speech
      local nx = span and span.close and T[span.close + 1]
      if tag == "addr" and not (colon or comma) and nx and nx.k == "w" and nx.low == "that" then
        ok = false
      end
      if ok then
        local j = sp.skip_adverbs_back(C, c - 1, lo)
        local np = sp.back(C, j, lo)
        -- "Matthew Conrad on Facebook said,": a place or medium after the speaker
        local pp = np and T[np.first - 1]
        if pp and pp.k == "w" and PP_BEFORE_CUE[pp.low] and np.first - 1 > lo then
          local np2 = sp.back(C, np.first - 2, lo)
          if np2 and (np2.kind == "name" or np2.kind == "pron") then np = np2 end
        end
        np = document_author(C, np, lo) or np
        local lead = T[c - 1] and (T[c - 1].t == "," or T[c - 1].low == "while"
          or T[c - 1].low == "by" or T[c - 1].low == "after" or T[c - 1].low == "before")
        if not np and lead and T[c].low:find("ing$") then
          -- "Dean ... poked at Trump, tweeting, <quote>": the clause subject speaks
          local cs = lo
          if T[cs].k == "w" and CONJ[T[cs].low] then cs = cs + 1 end
          np = sp.fwd(C, cs, c - 1)
          if np and np.kind == "role" and not np.role then np = nil end
          if np and np.first ~= cs then np = nil end
        end
        if not np and (colon or comma) then np = coordinated_subject(C, c, lo) end
        if np then
          if tag == "addr" then ce = addressee_end(C, ce, h) end
          return cue_result(np, c, ce, "pre")
        end
      end
      return nil
    end
  end
  return nil
end

---------------------------------------------------------------------------------------
-- sieve 3: naming

-- returns a result, "decline" (not a direct quote: a label, or a short phrase after an
-- object that reported speech takes as mixed), or nil (no naming cue)
local function try_naming(C, k, lo, hi)
  local T, L = C.T, C.L
  local s = C.spans[k]
  if hi < lo then return nil end
  local h = hi
  if T[h].t == "," or T[h].t == ":" then h = h - 1 end
  local cue_first = L.cue_first
  for c = h, math.max(lo, h - 8), -1 do
    -- only a word of L.cue_first opens a cue: the others are not asked (most tokens)
    local tc, ce, tag = T[c], nil, nil
    if tc and tc.k == "w" and cue_first[tc.low] then ce, tag = lex.match_cue(L, T, c, h) end
    if ce and tag == "frag" then
      local words = count_words(T, s.first, s.last)
      -- a name in title case, or a short term after an article: a label
      local titled = true
      for i = s.first, s.last do
        local t = T[i]
        if t.k == "w" and #t.t > 3 and not t.cap then titled = false end
      end
      if titled and words <= 5 then return "label" end
      if ARTICLE[T[s.open - 1].low or ""] and words <= 3 then return "label" end
      -- "on what he called “speculation”": a one-word label
      if words == 1 and T[c - 1] and T[c - 2] and T[c - 2].low == "what" then return "label" end
      local obj = 0
      for i = ce + 1, s.open - 1 do
        local t = T[i]
        if t.k == "w" and t.low ~= "as" then obj = obj + 1 end
      end
      if obj > 6 then return "decline" end
      -- "called the decision “responsible and right”": a direct quote, and reported
      -- speech takes the object and the phrase as a mixed quote too
      local also_mixed = obj > 0 and words < 4
      local j = sp.skip_adverbs_back(C, c - 1, lo)
      local np = sp.back(C, j, lo)
      local rr = np and np.role and (L.role[np.role] or sp.role_of(L, T[np.core_last]))
      if np and (np.kind ~= "role" or (rr and rr.kind ~= "doc")) then
        local r = cue_result(np, c, ce, "naming")
        r.also_mixed = also_mixed
        return r
      end
      return "decline"
    end
  end
  return nil
end

---------------------------------------------------------------------------------------
-- sieve 4: dash

local function try_dash(C, k)
  local T = C.T
  local lo, hi = post_region(C, k)
  if not lo or hi < lo then return nil end
  local i = lo
  while i <= hi and T[i].t == "," do i = i + 1 end
  if i > hi or not DASH[T[i].t] then return nil end
  local np = sp.fwd(C, i + 1, hi)
  if np and np.kind == "name" then return cue_result(np, i, i, "dash") end
  return nil
end

---------------------------------------------------------------------------------------
-- sieve 5: colon

-- nouns of an utterance whose owner speaks the quote after a colon
local SPEECH_NOUN = { call = true, message = true, words = true, reply = true, answer = true,
  response = true, plea = true, cry = true, shout = true, question = true, verdict = true,
  advice = true, instructions = true, order = true, orders = true, appeal = true }

local function colon_lead(C, lo, h)
  local T, L = C.T, C.L
  if h < lo then return nil end
  -- speaker right before the colon: "Mayor Okafor:", "from deputy mayor Rob Tennant:"
  local np = sp.back(C, h, lo)
  if np and (np.kind == "name" or np.kind == "pron") then
    return cue_result(np, h + 1, h + 1, "colon")
  end
  -- the clause's subject: "chief executive Paulo Brandt was blunt:",
  -- "The head of the union, Abena Kusi-Mensah, had a message for the minister:"
  local cs = lo
  if T[cs] and T[cs].k == "w" and CONJ[T[cs].low] then cs = cs + 1 end
  if h - cs > 30 then return nil end
  local t = T[cs]
  -- "Chief executive Annika Obuya-Brandt's message to staff was simple:", "Her reply:":
  -- the owner of the message speaks
  for x = ent.first_at(C.mentions, cs), #C.mentions do
    local m = C.mentions[x]
    if m.first > cs + 4 or m.first > h then break end
    if m.first >= cs and m.possessive and not m.inq and m.entity.kind ~= "place" then
      local nx = T[m.last + 1]
      if nx and nx.k == "q" then nx = T[m.last + 2] end
      local nr = nx and nx.k == "w" and L.role[nx.low]
      if nr and nr.kind ~= "doc" and nr.kind ~= "source" then
        nx = nil   -- "Huskins' father, Michael, made an appeal:": the father speaks
      end
      if nx and nx.k == "w" and not nx.cap then
        local np0 = sp.mention_np(m)
        return cue_result(np0, m.last + 1, h + 1, "colon")
      end
    end
  end
  -- "Jurors heard Henniger's frantic call over the police radio:": the owner of a speech
  -- noun later in the clause speaks (cue_nominal.txt and SPEECH_NOUN)
  for x = ent.first_at(C.mentions, cs), #C.mentions do
    local m = C.mentions[x]
    if m.first > h then break end
    if m.first >= cs and m.possessive and not m.inq and m.entity.kind == "person" then
      for y = m.last + 1, math.min(h, m.last + 3) do
        local u = T[y]
        if u.k ~= "w" then break end
        if L.nominal[u.low] or SPEECH_NOUN[u.low] then
          local np0 = sp.mention_np(m)
          return cue_result(np0, m.last + 1, h + 1, "colon")
        end
      end
    end
  end
  if t and t.k == "w" and (t.low == "his" or t.low == "her" or t.low == "their") and t.cap
    and T[cs + 1] and T[cs + 1].k == "w" and not T[cs + 1].cap then
    local pron = t.low == "his" and "he" or t.low == "her" and "she" or "they"
    return cue_result({ first = cs, last = cs, core_last = cs, kind = "pron", pron = pron },
      cs + 1, h + 1, "colon")
  end
  local cue_at
  for j = cs, h do
    if lex.match_cue(L, T, j, h) then cue_at = j; break end
  end
  if t and t.k == "w" and L.pronoun[t.low] and L.pronoun[t.low].fn == "subj" then
    local np2 = sp.fwd(C, cs, h)
    if np2 then return cue_result(np2, cue_at or cs + 1, h + 1, "colon") end
  end
  for x = ent.first_at(C.mentions, cs), #C.mentions do
    local m = C.mentions[x]
    if m.first >= cs and m.last < h and m.subject and not m.inq then
      if m.entity.kind == "person" or m.entity.kind == "unknown" or m.entity.kind == "org" then
        local np3 = sp.mention_np(m)
        -- the cue is the predicate up to the colon, after an appositive closing comma
        local pc = m.last + 1
        while T[pc] and pc <= h and T[pc].k ~= "w" do pc = pc + 1 end
        return cue_result(np3, cue_at or pc, h + 1, "colon")
      end
    end
    if m.first > h then break end
  end
  -- a source right before the colon: "... is exemplified by this finding:"
  local r0 = np and np.role and L.role[np.role]
  if np and np.kind == "role" and r0 and (r0.kind == "source" or r0.kind == "doc") then
    return cue_result(np, h + 1, h + 1, "colon")
  end
  -- a role subject: "The minister put it plainly:"
  local np4 = sp.fwd(C, cs, h)
  local r4 = np4 and np4.role and L.role[np4.role]
  if np4 and np4.kind == "role" and r4 and r4.kind == "person" and np4.first == cs then
    return cue_result(np4, cue_at or np4.last + 1, h + 1, "colon")
  end
  return nil
end

local function try_colon(C, k, lo, hi)
  local T = C.T
  if hi < lo or T[hi].t ~= ":" then return nil end
  return colon_lead(C, lo, hi - 1)
end

-- lead-in paragraph: "Caddell continued:" / "And from deputy mayor Rob Tennant:"
local function try_lead_para(C, k)
  local T, s = C.T, C.spans[k]
  local o = s.open
  if o <= 1 or T[o - 1].para == s.para or T[o - 1].t ~= ":" then return nil end
  local hi = o - 1
  local lo = hi
  while lo - 1 >= 1 and T[lo - 1].para == T[hi].para and not is_term(T, lo - 1) do lo = lo - 1 end
  for x = math.max(1, k - 3), k - 1 do  -- the lead-in must not itself be a quotation
    local q = C.spans[x]
    if q.close and q.close >= lo and q.close < hi then lo = q.close + 1 end
  end
  return try_pre(C, lo, hi) or try_colon(C, k, lo, hi)
end

---------------------------------------------------------------------------------------
-- sieve 10: nested

local KIN_DET = { my = true, our = true }

local function nested_quotes(C, rec)
  local T, L = C.T, C.L
  local s = rec.s
  local out = {}
  if not s.last or s.last < s.first then return out end
  for _, n in ipairs(marks.inner(T, s, C.found and C.found.quote)) do
    local words = count_words(T, n.first, n.last)
    local before = T[n.open - 1]
    if words >= 3 and before and (before.t == "," or before.t == ":") then
      local h = n.open - 2
      local lo = s.first
      for i = h, s.first, -1 do
        if is_term(T, i) or T[i].t == "." then lo = i + 1; break end
      end
      for c = h, math.max(lo, h - 6), -1 do
        local ce, tag = lex.match_cue(L, T, c, h)
        if ce and tag ~= "frag" and tag ~= "attr" then
          local j = sp.skip_adverbs_back(C, c - 1, lo)
          local np = sp.back(C, j, lo)
          local rr = np and np.role and L.role[np.role]
          if np and np.kind == "role" and rr and KIN_DET[np.det or ""] and rr.kind == "person" then
            out[#out + 1] = { s = n, np = np, cue_first = c, cue_last = ce, how = "nested",
              outer = rec, words = words, nested = true }
          elseif np and np.kind == "name" then
            out[#out + 1] = { s = n, np = np, cue_first = c, cue_last = ce, how = "nested",
              outer = rec, words = words, nested = true }
          end
          break
        end
      end
    end
  end
  return out
end
M.nested_quotes = nested_quotes

---------------------------------------------------------------------------------------

-- is the speaker phrase of result r headed by a written object ("a sign in the window
-- reads", "so reads a headline")? data/en/quotes_inscription_nouns.txt
local function inscription(C, r)
  local T, L = C.T, C.L
  local a, b = r.np.first, r.np.last
  if r.cue_first < a then b = math.min(b, r.np.core_last or b) else a = math.max(1, a - 4) end
  for x = a, b do
    local u = T[x]
    if u and u.k == "w" and L.inscription[u.low] then return true end
  end
  return false
end

-- does span s hold more than one sentence (a full stop, ? or ! followed by a word)?
local function multi_sentence(T, s)
  for i = s.first, (s.last or s.first) - 1 do
    local t = T[i]
    if t.k == "p" and (t.t == "." or t.t == "?" or t.t == "!") and T[i + 1].k == "w" then
      return true
    end
  end
  return false
end

--- Attribute every span; returns a list of direct-quote records
-- {span = k, s (the span), np, cue_first, cue_last, how (the sieve), group, inherit_from,
--  subject_mention, standalone}, then nested records {s, np, ..., outer, nested = true}.
function M.attribute(C)
  local T = C.T
  local out = {}
  local rec_of = {}
  local min_words = C.opts.min_words or 5
  C.declined = {}
  for k, s in ipairs(C.spans) do
    local words = count_words(T, s.first, s.last)
    local plo, phi = pre_region(C, k)
    local post_lo, post_hi = post_region(C, k)
    local alone = phi < plo and (not post_lo or post_hi < post_lo)
    local r
    local ns = not alone and nonspeech(C, k, words)
    if not ns then
      r = try_post(C, k)
      if r and phi >= plo and T[phi].k == "w" and words < min_words then
        -- a short quoted title inside a sentence ('on CBS's "Face the Nation," Ryan said
        -- that ...'): speech quoted before its attribution opens its clause
        r = nil
      end
      local fw = T[s.first]
      if r and phi >= plo and fw and fw.k == "w" and not fw.cap and count_words(T, plo, phi) >= 2
        and (T[phi].k == "w" or T[phi].t == ",") and not multi_sentence(T, s) then
        -- 'The email, sent by Robin Paul, "in no way reflects ...," Mattice said': a
        -- quote opening in lower case inside a sentence begun before it completes that
        -- sentence; reported speech takes the whole as a mixed quote
        r, ns = nil, "partial"
      end
      r = r or (not ns and try_pre(C, plo, phi, s)) or nil
      if not r and not ns then
        local nm = try_naming(C, k, plo, phi)
        if nm == "decline" then ns = "naming"
        elseif nm == "label" then ns = "label"
        else r = nm end
      end
      if not r and not ns then r = try_dash(C, k) end
      if not r and not ns then r = try_colon(C, k, plo, phi) end
      if not r and not ns and phi < plo then r = try_lead_para(C, k) end
    end
    -- an utterance interrupted by a long attribution: “A,” said X, who ..., “B.”
    local prec = rec_of[k - 1]
    local ps = C.spans[k - 1]
    if not r and not ns and prec and prec.cue_first and ps.close and plo == ps.close + 1
      and phi >= plo and (T[phi].t == "," or DASH[T[phi].t]) and prec.cue_first >= plo
      and prec.cue_first <= phi then
      r = { inherit = prec }
    end
    if r and r.np and r.cue_first and inscription(C, r) then r, ns = nil, "inscription" end
    -- the fields named nil give the record room for the sieve's result copied in and for
    -- what the later sieves and the stage set, so that it is not rehashed on the way
    local rec = { span = k, s = s, words = words, alone = alone, np = nil, cue_first = nil,
      cue_last = nil, how = nil, group = nil, speaker = nil, mention = nil }
    if ns then
      rec = nil
      C.declined[k] = ns
    elseif r and r.also_mixed then
      for key, v in pairs(r) do rec[key] = v end
      C.declined[k] = "naming"
    elseif r and r.inherit then
      rec.inherit_from, rec.how, rec.interrupted_of = r.inherit, "group", r.inherit
    elseif r then
      for key, v in pairs(r) do rec[key] = v end
    elseif alone or s.group_next or (C.spans[k - 1] and C.spans[k - 1].group_next == k) then
      rec.unattributed = true
    else
      rec = nil
    end
    if rec then
      out[#out + 1] = rec
      rec_of[k] = rec
    end
  end
  -- sieve 6, group: paragraph-open chains and quotes split by their attribution
  local gid = 0
  for k, s in ipairs(C.spans) do
    local rec = rec_of[k]
    if rec and not rec.group then
      gid = gid + 1
      rec.group = gid
    end
    if rec and s.group_next and rec_of[s.group_next] then
      rec_of[s.group_next].group = rec.group
    end
    local nx = rec_of[k + 1]
    if rec and nx and rec.how and nx.how == "pre" and rec.cue_first == nx.cue_first then
      nx.group = rec.group
    end
    if rec and nx and nx.interrupted_of == rec then nx.group = rec.group end
  end
  -- a part that opens its paragraph right after an attributed quote of the same
  -- paragraph continues that quote's speaker rather than the group's
  for idx, rec in ipairs(out) do
    local prev = out[idx - 1]
    if rec.unattributed and rec.alone and prev and not prev.unattributed
      and C.spans[prev.span].para == C.spans[rec.span].para then
      rec.inherit_from = prev
      rec.how = "continuation"
    end
  end
  local by_group = {}
  for _, rec in ipairs(out) do
    by_group[rec.group] = by_group[rec.group] or {}
    table.insert(by_group[rec.group], rec)
  end
  for _, parts in pairs(by_group) do
    for pi, rec in ipairs(parts) do
      if rec.unattributed and not rec.inherit_from then
        for d = 1, #parts do
          local cand = parts[pi + d]
          if cand and not cand.unattributed then rec.inherit_from = cand; rec.how = "group"; break end
        end
        for d = 1, #parts do
          if rec.inherit_from then break end
          local cand = parts[pi - d]
          if cand and not cand.unattributed then rec.inherit_from = cand; rec.how = "group" end
        end
      end
    end
  end
  -- sieves 7 to 9 and 11: continuation, subject, paragraph, standalone
  local function person_subject(sent_id, para)
    for x = ent.first_at(C.mentions, sent_id, "sent"), #C.mentions do
      local m = C.mentions[x]
      if m.sent == sent_id and m.para == para and m.subject and not m.inq
        and (m.entity.kind == "person" or m.entity.kind == "unknown") then return m end
      if m.sent > sent_id then break end
    end
    return nil
  end
  -- "He pauses.", "Asked how he felt, he paused.": a short sentence whose clause opens
  -- with he or she; returns the pronoun's antecedent mention
  local function pronoun_subject(sent_id, para)
    local first, n = nil, 0
    for x = ent.first_at(T, sent_id, "sent"), #T do
      local u = T[x]
      if u.sent ~= sent_id then break end
      if u.para ~= para or u.k == "q" then return nil end
      first = first or x
      if u.k == "w" then n = n + 1 end
    end
    if not first or n > 12 then return nil end
    for x = first, first + 12 do
      local u = T[x]
      if not u or u.sent ~= sent_id then break end
      local p = u.k == "w" and C.L.pronoun[u.low]
      if p and p.fn == "subj" and (p.gender == "m" or p.gender == "f")
        and (x == first or T[x - 1].t == ",") then
        return ent.resolve_pronoun(C.L, T, ent.antecedents(C), x, u.low)
      end
    end
    return nil
  end
  local kept, pending = {}, {}
  local prev
  for _, rec in ipairs(out) do
    local s = C.spans[rec.span]
    if rec.unattributed and not rec.inherit_from then
      local ps = C.spans[prev and prev.span or 0]
      local open_sent = T[s.open].sent
      local para_initial = T[s.open].s == C.paras[s.para].s
      local subj = open_sent > 1 and (person_subject(open_sent - 1, s.para)
        or (rec.alone and pronoun_subject(open_sent - 1, s.para)))
      if prev and ps.para == s.para and rec.alone
        and open_sent - T[ps.close or ps.last].sent <= 1 then
        rec.inherit_from = prev
        rec.how = "continuation"
      elseif subj and rec.alone and not (ps and ps.para == s.para
          and T[ps.close or ps.last].sent == open_sent - 1) then
        rec.subject_mention = subj
        rec.how = "subject"
      elseif prev and ps.para == s.para - 1 and rec.alone and para_initial then
        rec.inherit_from = prev
        rec.how = "paragraph"
      elseif rec.alone then
        rec.pending = true   -- the stage tries the speaker of the previous sentence's report
        rec.how = "standalone"
      elseif rec.words >= min_words and s.group_next then
        rec.standalone = true
        rec.how = "standalone"
      else
        rec.drop = true
      end
    end
    if rec.pending then
      pending[#pending + 1] = rec
    elseif not rec.drop then
      kept[#kept + 1] = rec
      prev = rec
    end
  end
  return kept, pending
end

---------------------------------------------------------------------------------------
-- sieve 12: turn (after resolution)

local ASK = { asked = true, asks = true, ask = true, asking = true, questioned = true,
  pressed = true, demanded = true, wondered = true }
local REPLY = { replied = true, replies = true, responded = true, responds = true,
  answered = true, answers = true, retorted = true, ["shot back"] = true }
local TURN_FROM = { continuation = true, paragraph = true, standalone = true, reported = true }
local SECOND_PERSON = { you = true, your = true, yours = true, yourself = true }
local ANSWER = { yes = true, no = true, yeah = true, yep = true, nope = true }

local function ends_question(T, s)
  local last = s.close and T[s.close - 1] or (s.last and T[s.last])
  return last and last.t == "?" or false
end

local function has_you(T, s)
  for i = s.first, s.last or s.first do
    if T[i] and T[i].k == "w" and SECOND_PERSON[T[i].low] then return true end
  end
  return false
end

--- Sieve `turn`: in an exchange of questions and answers a quote with no cue of its own
-- is the other party's turn, not a continuation: a bare quote right after a question
-- (the marks adjacent, or after `“Did you ...?” X asked.`), a bare question right after
-- an answer (`“Yes sir,” the witness responded. “Where?”`) or standing as a paragraph
-- of its own in an exchange. The speaker is the addressee: the latest earlier speaker
-- other than the previous quote's. drecs: direct records in text order, speakers
-- resolved; final(r) follows inherit_from to the record that names the speaker.
function M.turns(C, drecs, final, irecs)
  local T = C.T
  local prevs = {}
  -- reported speech with a speaker, by cue position, as addressees too ("X told the
  -- court he saw ... “Did you ...?” Y asked. “I did not.”")
  local reps = {}
  for _, ir in ipairs(irecs or {}) do
    if ir.speaker and ir.cue_first then reps[#reps + 1] = ir end
  end
  order.by(reps, "cue_first")
  -- the other party of an exchange whose last quote p was spoken by who: an earlier
  -- quote's speaker, a speaker of reported speech, else a person who is the subject of
  -- one of the two sentences before p ("McCauley approached Jenkins ... “Is that a
  -- secured firearm?” she asked. “Yes.”")
  local function other_party(p, who)
    local ps = p.s
    local near = T[ps.open].s - 600   -- the exchange is close by (bytes)
    for x = #prevs - 1, math.max(1, #prevs - 5), -1 do
      local f = final(prevs[x])
      if T[prevs[x].s.open].s < near then break end
      local role = f.np and f.np.role and C.L.role[f.np.role]
      if f.speaker and f.speaker ~= who and not (role and role.kind == "doc") then
        return f
      end
    end
    -- the nearer of a reported speaker and a subject before p
    local lim = #prevs > 1 and prevs[#prevs - 1].s.close or 0
    local rep
    for x = #reps, 1, -1 do
      local ir = reps[x]
      local at = T[ir.cue_first]
      local role = ir.np and ir.np.role and C.L.role[ir.np.role]
      if ir.cue_first < ps.open and at.s >= near and ir.cue_first > lim
        and ir.speaker ~= who and not (role and role.kind == "group") then
        rep = ir
        break
      end
    end
    local sent = T[ps.open].sent
    for x = ent.first_at(C.mentions, ps.open) - 1, 1, -1 do
      local m = C.mentions[x]
      if m.sent < sent - 2 or (rep and m.last < rep.cue_first) then break end
      if m.subject and not m.inq and m.entity.kind == "person" and m.entity.name ~= who then
        return { speaker = m.entity.name, mention = C.text:sub(T[m.first].s, qtext.last_byte(T[m.last])) }
      end
    end
    return rep
  end
  for _, r in ipairs(drecs) do
    if not r.nested then
      local p = prevs[#prevs]
      if p and r.open_role and r.cue_first and REPLY[T[r.cue_first].low]
        and ends_question(T, p.s) then
        -- "“Was there blood?” “Yes sir,” the witness responded.": a description
        -- answering a question is the other party of the exchange
        local who = final(p).speaker
        local o = who and other_party(p, who)
        if o then r.speaker = o.speaker; r.open_role = nil end
      end
      if p and TURN_FROM[r.how or ""] and r.alone then
        local s, ps = r.s, p.s
        local adjacent = ps.close and s.open == ps.close + 1 and not ps.group_next
        local pcue = p.cue_first and T[p.cue_first].low
        local pcue2 = pcue and p.cue_last and p.cue_last > p.cue_first
          and (pcue .. " " .. T[p.cue_first + 1].low)
        local pq, rq = ends_question(T, ps), ends_question(T, s)
        local alone_para = T[s.open].s == C.paras[s.para].s
        local exchange = REPLY[pcue or ""] or REPLY[pcue2 or ""]
        for x = #prevs, math.max(1, #prevs - 2), -1 do
          if ends_question(T, prevs[x].s) then exchange = true end
        end
        -- an answer opening with yes or no answers the question before it
        local a1 = T[s.first]
        local answer = a1 and a1.k == "w" and ANSWER[a1.low]
        local turn = (pq and (adjacent or (ASK[pcue or ""] and (has_you(T, ps) or answer))))
          or (rq and not pq and exchange and (adjacent or alone_para
            or REPLY[pcue or ""] or REPLY[pcue2 or ""]))
        if turn then
          local who = final(p).speaker
          local o = who and other_party(p, who)
          if o then r.inherit_from, r.how, r.standalone = o, "turn", nil end
        end
      end
      prevs[#prevs + 1] = r
    end
  end
end

-- The reported speech of each sentence that has a speaker: sentence index -> the last
-- such record whose cue lies in it. irecs: indirect records with resolved speakers.
local function reports_by_sentence(T, irecs)
  local by_sent = {}
  for it = 1, #irecs do
    local r = irecs[it]
    local cs = r.cue_first and T[r.cue_first]
    if cs and r.speaker then by_sent[cs.sent] = r end
  end
  return by_sent
end

--- A continuation quote whose previous sentence reports the speech of someone after the
-- quote it continues (`“A,” said X. Y concurred. Lately “b,” he said. “C.”`) continues
-- that report's speaker instead. irecs: indirect records with resolved speakers.
function M.reported_over_continuation(C, drecs, irecs)
  local T = C.T
  local by_sent = reports_by_sentence(T, irecs)
  for _, rec in ipairs(drecs) do
    local p = rec.inherit_from
    if rec.how == "continuation" and rec.alone and p and p.s and p.s.close then
      local src = by_sent[T[rec.s.open].sent - 1]
      if src and src.cue_first > p.s.close and T[src.cue_first].para == rec.s.para then
        rec.inherit_from, rec.how = src, "reported"
      end
    end
  end
end

--- Sieve `reported` and the end of `standalone`, for the quotes left pending by
-- `attribute`: a quote standing alone right after a sentence of the same paragraph whose
-- reported speech has a speaker continues that speaker ("..., Schiff said. “The other
-- factor is ...”"); else it is kept without a speaker when it has at least min_words
-- words. irecs: indirect records with resolved speakers. Returns the records to keep.
function M.settle(C, pending, irecs)
  local T = C.T
  local out = {}
  local min_words = C.opts.min_words or 5
  local by_sent = reports_by_sentence(T, irecs)
  for _, rec in ipairs(pending) do
    local s = rec.s
    local sent = T[s.open].sent
    local src = by_sent[sent - 1]
    if src and T[src.cue_first].para ~= s.para then src = nil end
    if src then
      rec.inherit_from = src
      rec.how = "reported"
      rec.pending = nil
      out[#out + 1] = rec
    elseif rec.words >= min_words then
      rec.standalone = true
      rec.pending = nil
      out[#out + 1] = rec
    end
  end
  return out
end

return M
