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
--    appositives and inversions), or before it (`NAME said, “`, `NAME told reporters: “`,
--    `NAME said “`).
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
--
-- Units: token indices; the stage turns spans into byte offsets.
-- @module docpipe.quotes.direct

local lex = require "docpipe.quotes.lexicon"
local sp = require "docpipe.quotes.speaker"
local marks = require "docpipe.quotes.marks"
local ent = require "docpipe.quotes.entities"

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
local function post_region(C, k)
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
  local i = lo
  while T[i] and T[i].para == s.para do
    if nxt and i >= nxt.open then break end
    if is_term(T, i) then break end
    hi = i
    i = i + 1
  end
  return lo, hi
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
    if is_term(T, i) then break end
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
    last = k
    n = n + 1
    k = k + 1
  end
  return last or ce
end
M.addressee_end = addressee_end

local function count_words(T, a, b)
  local n = 0
  for i = a, b do if T[i].k == "w" then n = n + 1 end end
  return n
end

---------------------------------------------------------------------------------------
-- sieve 1: nonspeech

-- Is span k quoted words that are not speech (a title, a word mentioned, a label, a
-- nickname)? Only spans inside a sentence are judged.
local function nonspeech(C, k)
  local T, L = C.T, C.L
  local s = C.spans[k]
  local o = s.open
  local prev = T[o - 1]
  if not prev or prev.para ~= s.para then return false end
  local words = count_words(T, s.first, s.last)
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
  for c = i, math.min(hi, i + 14) do
    local e2, tag2 = lex.match_cue(L, T, c, hi)
    if e2 and tag2 ~= "frag" and tag2 ~= "attr" then
      local j = sp.skip_adverbs_back(C, c - 1, i)
      local np = sp.back(C, j, i)
      if np and np.first == i then
        if tag2 == "addr" then e2 = addressee_end(C, e2, hi) end
        return cue_result(np, c, e2, "post")
      end
      return nil
    end
  end
  return nil
end

local function try_pre(C, lo, hi)
  local T, L = C.T, C.L
  if hi < lo then return nil end
  local last = T[hi]
  local colon, comma = last.t == ":", last.t == ","
  local h = (colon or comma) and hi - 1 or hi
  for c = h, lo, -1 do
    local ce, tag = lex.match_cue(L, T, c, h)
    if tag == "attr" then ce = nil end
    if ce then
      if tag == "frag" then return nil end
      local after = h - ce
      local ok
      if colon or comma then ok = after <= 6 else ok = after == 0 end
      if ok then
        local j = sp.skip_adverbs_back(C, c - 1, lo)
        local np = sp.back(C, j, lo)
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
  for c = h, math.max(lo, h - 8), -1 do
    local ce, tag = lex.match_cue(L, T, c, h)
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
      if nx and nx.k == "w" and not nx.cap then
        local np0 = { first = m.first, last = m.last, core_last = m.last, kind = "name",
          name_first = m.first, name_last = m.last }
        return cue_result(np0, m.last + 1, h + 1, "colon")
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
        local np3 = { first = m.first, last = m.last, core_last = m.last, kind = "name",
          name_first = m.first, name_last = m.last }
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
  for _, n in ipairs(marks.inner(T, s)) do
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
    local ns = not alone and nonspeech(C, k)
    if not ns then
      r = try_post(C, k)
      if r and phi >= plo and T[phi].k == "w" and words < min_words then
        -- a short quoted title inside a sentence ('on CBS's "Face the Nation," Ryan said
        -- that ...'): speech quoted before its attribution opens its clause
        r = nil
      end
      r = r or try_pre(C, plo, phi)
      if not r then
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
    local rec = { span = k, s = s, words = words, alone = alone }
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
  local kept, pending = {}, {}
  local prev
  for _, rec in ipairs(out) do
    local s = C.spans[rec.span]
    if rec.unattributed and not rec.inherit_from then
      local ps = C.spans[prev and prev.span or 0]
      local open_sent = T[s.open].sent
      local para_initial = T[s.open].s == C.paras[s.para].s
      local subj = open_sent > 1 and person_subject(open_sent - 1, s.para)
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

--- Sieve `reported` and the end of `standalone`, for the quotes left pending by
-- `attribute`: a quote standing alone right after a sentence of the same paragraph whose
-- reported speech has a speaker continues that speaker ("..., Schiff said. “The other
-- factor is ...”"); else it is kept without a speaker when it has at least min_words
-- words. irecs: indirect records with resolved speakers. Returns the records to keep.
function M.settle(C, pending, irecs)
  local T = C.T
  local out = {}
  local min_words = C.opts.min_words or 5
  local by_sent = {}
  for _, r in ipairs(irecs) do
    local cs = r.cue_first and T[r.cue_first]
    if cs and r.speaker then by_sent[cs.sent] = r end
  end
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
