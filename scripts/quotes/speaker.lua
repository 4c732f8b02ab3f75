--- Speaker noun phrases next to a speech cue, and their canonical speaker.
--
-- A speaker phrase is a pronoun, a name (capitalised run, possibly after role words:
-- "fire chief Oliver Nakamura"), or a description headed by a role noun ("the agriculture
-- minister", "Union officials", "the statement", "a spokesman for the interior
-- ministry", "the 29-year-old", or any noun after a determiner: "one parent"). `back`
-- reads it leftwards from the word before a cue (subject position; appositives between
-- commas or dashes are skipped: "Priya Castellanos, a paramedic, said", "Union
-- officials, who asked not to be named, said", "Kall -- co-editor of ... -- said", and
-- a noun inside a prepositional phrase is passed over: "Netanyahu, with his wife, Sara,
-- at his side, declared"); `fwd` reads it rightwards after an inverted cue or "according
-- to" ("said farmer Selin Arcos, 52, ...", "said one resident, Pilar Quintanilla-Obi",
-- "according to figures released by the organisers" -> the organisers, "the Tarnwick
-- fire service"). `resolve` turns the phrase into the canonical speaker: names through
-- docpipe.quotes.entities, pronouns, ages and definite role nouns through reference
-- resolution (anaphora, then cataphora), organisation nouns ("the ministry", "the
-- company", "it") to the organisation named before, documents ("the statement said") to
-- the organisation that last spoke or their named owner ("the IMF report"); anything
-- else is reported as written.
--
-- Units: token indices; `resolve` returns strings.
-- @module docpipe.quotes.speaker

local qtext = require "docpipe.quotes.text"
local ent = require "docpipe.quotes.entities"
local lex = require "docpipe.quotes.lexicon"

local byte = string.byte

local M = {}

local DET = { the = true, a = true, an = true, his = true, her = true, its = true,
  their = true, our = true, another = true, one = true, two = true, three = true,
  several = true, some = true, many = true, other = true, my = true, this = true,
  these = true, those = true, both = true }
M.DET = DET
local PARTICLES = { de = true, van = true, von = true, der = true, da = true, di = true,
  du = true, la = true, le = true, al = true, bin = true, ["of"] = true, ["for"] = true }
-- prepositions that attach a noun phrase to a role noun: "a spokesman for the ministry"
local PP = { ["for"] = true, ["of"] = true, at = true, with = true, from = true, ["in"] = true,
  by = true }
local NUMBER_WORD = { one = true, two = true, three = true, four = true, five = true,
  six = true, seven = true, eight = true, nine = true, ten = true }
local CLOSE_ADJ = { close = true, familiar = true, loyal = true, near = true, allied = true,
  linked = true, opposed = true, sympathetic = true }
-- quantifiers before "of": "one of the organisers"
local QUANT = { one = true, some = true, many = true, several = true, two = true, three = true,
  most = true, all = true, each = true, none = true, few = true, both = true, four = true }
-- organisation nouns general enough to stand for the organisation last named ("the
-- company said"); others ("the university") must match a word of its name
local GENERIC_ORG = { company = true, firm = true, group = true, organisation = true,
  organization = true, business = true, carrier = true, airline = true, operator = true,
  lender = true, retailer = true, manufacturer = true, insurer = true, utility = true,
  developer = true, publisher = true, broadcaster = true, network = true, chain = true,
  maker = true, conglomerate = true, startup = true, charity = true, agency = true,
  authority = true, service = true }
-- time words that may stand between a speaker and the cue ("the court this month rejected")
local TIME_BACK = { monday = true, tuesday = true, wednesday = true, thursday = true,
  friday = true, saturday = true, sunday = true, week = true, month = true, year = true,
  today = true, yesterday = true, earlier = true, morning = true, afternoon = true,
  evening = true, night = true, weekend = true }
-- "is alleged to have told": hearsay before a cue in the perfect infinitive
local HEARSAY = { alleged = true, said = true, reported = true, believed = true,
  understood = true, thought = true, claimed = true, known = true, reputed = true }
local BE = { is = true, was = true, are = true, were = true }
-- past participles that are not -ed/-en forms ("a letter sent to parents")
local PARTICIPLE = { sent = true, seen = true, written = true, made = true, given = true,
  taken = true, shown = true, held = true, issued = true, released = true, published = true,
  obtained = true, leaked = true, compiled = true, reviewed = true, cited = true, put = true,
  read = true, quoted = true, drawn = true, drafted = true, prepared = true, filed = true,
  circulated = true, distributed = true, posted = true, broadcast = true, presented = true }
M.PARTICIPLE = PARTICIPLE

local function is_poss(t) local _, p = qtext.base(t); return p end

local function is_subject_pronoun(L, t)
  local p = t.k == "w" and L.pronoun[t.low]
  return p and (p.fn == "subj" or p.fn == "first")
end

-- "29-year-old", "64-year-old": an age used as a noun
local function is_age(t)
  if not (t and t.k == "w") then return false end
  -- the pattern needs ten bytes ("1-year-old") and a leading digit: test the length (no
  -- call), then that byte, first
  local low = t.low
  if #low < 10 then return false end
  local b = byte(low, 1)
  return b ~= nil and b >= 48 and b <= 57 and low:find("^%d+%-year%-old$") ~= nil
end
M.is_age = is_age

local ORG_ROLE = { kind = "org" }
local GROUP_ROLE = { kind = "group" }
local function role_of(L, t)
  if not t or t.k ~= "w" then return nil end
  if is_age(t) then return { kind = "age" } end
  local r = L.role[t.low] or (L.org[t.low] and not t.cap and ORG_ROLE)
  if not r and not t.cap and byte(t.low, -1) == 115 then   -- ends in "s"
    local base = t.low:sub(1, -2)
    local sg = L.role[base]
    if sg and sg.kind == "person" then r = GROUP_ROLE
    elseif L.org[base] then r = ORG_ROLE end
  end
  return r or nil
end
M.role_of = role_of

--- Skip adverbs/auxiliaries leftwards from j ("also said", "used to say", "went on to
-- say"); returns the new index.
function M.skip_adverbs_back(C, j, lo)
  local T, L = C.T, C.L
  while j > lo and T[j].k == "w" do
    local w = T[j].low
    -- an -ly word after a determiner or possessive is a noun ("the family said")
    local pw = T[j - 1]
    local ly = #w >= 5 and not T[j].cap and byte(w, -1) == 121 and byte(w, -2) == 108   -- -ly
      and not (pw and pw.k == "w" and (DET[pw.low] or is_poss(pw)))
    local hv = T[j - 2]
    if w == "have" and T[j - 1] and T[j - 1].low == "to" and hv and HEARSAY[hv.low] and j - 3 > lo
      and T[j - 3].k == "w" and BE[T[j - 3].low] then
      -- "Edmonds is alleged to have told the informant", "was said to have told"
      j = j - 4
    elseif L.adverb[w] or ly or TIME_BACK[w]
      or (#w == 4 and w:find("^%d%d%d%d$") and T[j - 1] and T[j - 1].low == "in") then
      j = j - 1
      if T[j] and (T[j].low == "in" or T[j].low == "on" or T[j].low == "this" or T[j].low == "last")
        and (TIME_BACK[w] or w:find("^%d")) then
        j = j - 1
      end
    elseif w == "to" and j - 1 > lo and (T[j - 1].low == "used" or T[j - 1].low == "continued"
        or T[j - 1].low == "began" or T[j - 1].low == "continues"
        or T[j - 1].low == "on" and T[j - 2] and (T[j - 2].low == "went" or T[j - 2].low == "going")) then
      j = j - (T[j - 1].low == "on" and 3 or 2)
    else
      break
    end
  end
  return j
end

local core_back

-- is the name ending at token k a person's (not an organisation's or a place's)?
local function person_at(C, k)
  local m = C.mention_at and C.mention_at[k]
  return m and m.entity.kind == "person" or false
end

-- modifiers leftwards from k (the head); returns first index and determiner
local function modifiers_back(C, k, lo, np)
  local T, L = C.T, C.L
  local commit, pending = k, 0
  while true do
    local u = T[k - 1]
    if u and u.k == "q" and u.fam == "single" and u.side ~= "open" and not u.ws and k - 2 >= lo
      and T[k - 2].k == "w" and T[k - 2].low:find("s$") then
      np.owner = k - 2
      np.det = np.det or "poss"
      k = k - 2; commit = k; pending = 0
      u = T[k - 1]
    end
    if k - 1 < lo or not u or u.k ~= "w" then commit = k; break end
    if DET[u.low] then
      np.det = u.low
      commit = k - 1
      -- "the two fishermen", "their three children": a number after a determiner
      local d2 = T[k - 2]
      if (NUMBER_WORD[u.low] or u.low == "other" or u.low == "several") and k - 2 >= lo
        and d2 and d2.k == "w" and DET[d2.low] and not NUMBER_WORD[d2.low] then
        np.det = d2.low
        commit = k - 2
      end
      break
    end
    local b, poss = qtext.base(u)
    if is_age(u) then
      np.age_mod = true   -- "the 38-year-old mother of three"
      k = k - 1; commit = k; pending = 0
    elseif poss then
      -- "the company's finance director", "Vasseur-Mbeki's lawyer"
      np.owner = k - 1
      k = k - 1; commit = k; pending = 0
      np.det = np.det or "poss"
    elseif L.role[u.low] or L.modifier[u.low] or ent.is_name_word(L, u) then
      k = k - 1; commit = k; pending = 0
    elseif not u.cap and pending < 2 and not L.stop[u.low] and not L.pronoun[u.low]
      and not lex.match_cue(L, T, k - 1) and not L.adverb[u.low] and not b:find("^%d") then
      k = k - 1; pending = pending + 1
    else
      break
    end
  end
  return commit
end

-- core backward parse, no appositive
core_back = function(C, j, lo, depth)
  local T, L = C.T, C.L
  if j < lo then return nil end
  -- the fields named nil give the table room for those set below
  local np = { last = j, first = nil, kind = nil, core_last = nil, name_first = nil,
    name_last = nil, role = nil, pron = nil }
  local k = j
  if T[k].t == ")" then
    -- a short parenthetical after the name: "(KCNA)", "(D-Wis.)"
    local o
    for x = k - 1, math.max(lo, k - 8), -1 do
      if T[x].t == "(" then o = x; break end
      if T[x].t == ")" then break end
    end
    if not o or o - 1 < lo then return nil end
    if o == k - 2 and qtext.is_acronym(T[k - 1]) then np.acronym = T[k - 1].t end
    k = o - 1
  end
  -- "the 38-year-old mother of three": the head comes before "of" and a number
  if T[k] and T[k].k == "w" and NUMBER_WORD[T[k].low] and T[k - 1] and T[k - 1].low == "of"
    and k - 2 >= lo then
    k = k - 2
    np.age_mod = true   -- "the grandmother of five": a person just described, like an age
  end
  local t = T[k]
  if t.k ~= "w" then return nil end
  if is_subject_pronoun(L, t) and k == j then
    np.first, np.kind, np.pron, np.core_last = k, "pron", t.low, k
    return np
  end
  np.core_last = k
  if ent.is_name_word(L, t) or qtext.is_acronym(t) then
    np.name_last = k
    while k - 1 >= lo do
      local u = T[k - 1]
      if ent.is_name_word(L, u) and not is_poss(u) and T[k].ws then
        k = k - 1
      elseif u.k == "q" and u.fam == "single" and u.side ~= "open" and not u.ws and T[k].ws
        and k - 2 >= lo and ent.is_name_word(L, T[k - 2]) and T[k - 2].low:find("s$") then
        k = k - 2   -- "General Workers’ Federation"
      elseif u.k == "w" and PARTICLES[u.low] and k - 2 >= lo and ent.is_name_word(L, T[k - 2])
        and not (u.low == "of" and person_at(C, k - 2) and C.mention_at[k - 2].last == k - 2) then
        -- ("Tom Reyes of Harbor Bank": the entity list ended a person's name before "of")
        k = k - 1
      elseif u.t == "&" and k - 2 >= lo and ent.is_name_word(L, T[k - 2]) then
        k = k - 1
      else
        break
      end
    end
    np.name_first, np.kind = k, "name"
  elseif role_of(L, t) and not is_poss(t) then
    np.kind, np.role = "role", t.low
    if is_age(t) then np.age = true end
  elseif not t.cap and not is_poss(t) and not L.stop[t.low] and not L.pronoun[t.low]
    and not L.adverb[t.low] and t.low:find("^%a") and not lex.match_cue(L, T, k) then
    -- a description the lists do not know, kept when a determiner opens it:
    -- "one parent", "the Harrow Lane estate"
    local x = k - 1
    while x >= lo and T[x].k == "w" and not DET[T[x].low] and not is_poss(T[x]) and k - x <= 4
      and (T[x].cap or not L.stop[T[x].low]) and not lex.match_cue(L, T, x) do
      x = x - 1
    end
    -- a determiner opens it ("one parent"), or a possessor right before a noun
    -- ("Abiodun's family", not "Nigeria's elections Saturday sparked")
    if not (x >= lo and T[x].k == "w" and (DET[T[x].low]
        or (is_poss(T[x]) and x >= k - 2 and not t.low:find("ed$")))) then
      return nil
    end
    np.kind, np.generic = "role", true
  else
    return nil
  end
  np.first = modifiers_back(C, k, lo, np)
  -- "one of the organisers", "some of the residents"
  local q1, q2 = T[np.first - 1], T[np.first - 2]
  if q1 and q1.k == "w" and q1.low == "of" and q2 and q2.k == "w" and QUANT[q2.low]
    and np.first - 2 >= lo then
    np.first = np.first - 2
    return np
  end
  -- "sources close to the government", "people familiar with the plans"
  local a1, a2 = T[np.first - 1], T[np.first - 2]
  if a1 and a2 and a1.k == "w" and (a1.low == "to" or a1.low == "with") and a2.k == "w"
    and CLOSE_ADJ[a2.low] and np.first - 3 >= lo then
    local head = core_back(C, np.first - 3, lo, (depth or 0) + 1)
    if head and head.kind == "role" then
      head.last, head.core_last = np.last, np.core_last
      head.pp = np
      return head
    end
  end
  -- a role noun with a prepositional phrase: "a spokesman for the interior ministry"
  local p = T[np.first - 1]
  if (depth or 0) < 2 and p and p.k == "w" and PP[p.low] and np.first - 2 >= lo then
    local head = core_back(C, np.first - 2, lo, (depth or 0) + 1)
    local hr = head and head.role and L.role[head.role]
    if head and head.kind == "role" and hr and ((hr.kind ~= "doc" and hr.kind ~= "source")
        or p.low == "by" or head.pp) then
      head.last, head.core_last = np.last, np.core_last
      head.pp = np
      return head
    elseif head and head.kind == "name" and np.kind ~= "pron" and ((p.low ~= "of" and p.low ~= "for")
        or (p.low == "of" and T[np.first].low == "the" and person_at(C, head.name_last))
        or (p.low == "of" and np.kind == "name" and head.name_first < head.name_last
          and person_at(C, head.name_last))) then
      -- "Dan McLaughlin at the National Review", "Dwayne Wade of the Miami Heat": the
      -- person speaks
      head.last = np.last
      head.pp = np
      return head
    end
  end
  return np
end

local ADVERBIAL_PREP = { ["in"] = true, at = true, with = true, on = true, from = true,
  by = true, during = true, after = true, before = true, under = true, among = true,
  without = true, despite = true, amid = true }
local STOP_SEG = { ["."] = true, [";"] = true, [":"] = true, ["!"] = true, ["?"] = true }

-- does the segment [a, b] read like an appositive (age, relative clause, description)?
local function appositive_like(C, a, b)
  local T, L = C.T, C.L
  if a > b then return false end
  local t = T[a]
  if t.k == "w" and (t.low == "who" or t.low == "whose" or t.low == "which" or t.low == "whom") then
    return true
  end
  if t.k == "w" and t.t:find("^%d+$") and a == b then return true end
  if t.k == "w" and (t.low == "a" or t.low == "an" or t.low == "the" or L.role[t.low]
      or L.modifier[t.low]) then return true end
  if t.k == "w" and is_poss(t) then return true end
  if t.k == "w" and ADVERBIAL_PREP[t.low] then
    return true   -- ", in particular,", ", with his wife,", ", at his side,"
  end
  if t.k == "w" and t.cap then
    local all_cap = true
    for x = a, b do if T[x].k == "w" and not T[x].cap then all_cap = false end end
    if all_cap then return true end   -- ", Sara," naming the person just described
  end
  -- "His report, published on Tuesday, blamed ..."
  if t.k == "w" and not t.cap and (PARTICIPLE[t.low] or t.low:find("ed$")) then return true end
  return false
end

-- words that introduce the name of a person just described: "One user, identified as
-- NAME,", "a woman who identified herself as NAME", "another, posting as NAME,"
local NAMING = { identified = true, named = true, called = true, known = true, nicknamed = true,
  posting = true, writing = true, going = true, as = true, by = true, herself = true,
  himself = true, only = true, the = true, name = true, who = true }

-- the name an appositive [a, b] gives ("identified as Sas Vijay"): np or nil
local function naming_appositive(C, a, b)
  local T = C.T
  if a > b or T[a].k ~= "w" or not NAMING[T[a].low] or T[a].low == "the" then return nil end
  local x = a
  while x <= b and T[x].k == "w" and NAMING[T[x].low] and not T[x].cap do x = x + 1 end
  if x == a or x > b or T[x - 1].low == "who" then return nil end
  local np = core_back(C, b, x)
  if np and np.kind == "name" and np.name_first == x then return np end
  return nil
end

--- Is token x the "from" of a document sent to a recipient ("a letter to pupils from
-- the head of ...")? The document is a doc or source noun of role_nouns.txt before "to";
-- the recipient takes at most five words.
function M.document_from(C, x, lo)
  local T, L = C.T, C.L
  if not (T[x] and T[x].k == "w" and T[x].low == "from") then return false end
  for y = x - 1, math.max(lo + 1, x - 6), -1 do
    local u = T[y]
    if u.k ~= "w" then return false end
    if u.low == "to" then
      local d = T[y - 1]
      local r = d and d.k == "w" and (L.role[d.low] or role_of(L, d))
      return r and (r.kind == "doc" or r.kind == "source") or false
    end
  end
  return false
end

--- Parse the speaker phrase ending at token j (leftwards, not before lo).
-- Returns np {first, last, core_last, kind = "pron"|"name"|"role", name_first, name_last,
-- role, det, pron, acronym, age, pp} or nil.
function M.back(C, j, lo)
  local T = C.T
  if j < lo then return nil end
  if T[j].t == "-" and T[j - 1] and T[j - 1].t == "-" then j = j - 1 end
  if T[j].t == "-" or T[j].t == "\u{2014}" or T[j].t == "\u{2013}" then
    -- "Kall -- co-editor of Debating The Donald, a book ... -- said"
    for k = j - 1, math.max(lo, j - 40), -1 do
      if T[k].t == T[j].t then
        if T[k].t == "-" and T[k - 1] and T[k - 1].t == "-" then k = k - 1 end
        local np = core_back(C, k - 1, lo)
        if np and np.kind ~= "pron" then np.last = j - 1; return np end
        return nil
      end
      if T[k].k == "p" and STOP_SEG[T[k].t] then return nil end
    end
    return nil
  end
  if T[j].t == "," then
    -- commas before j, nearest first, within the clause
    local commas = {}
    for k = j - 1, math.max(lo, j - 40), -1 do
      local u = T[k]
      if u.t == "," then commas[#commas + 1] = k; if #commas >= 3 then break end end
      if u.k == "p" and STOP_SEG[u.t] then break end
      -- a quotation ending in punctuation is speech, not a title inside an appositive
      if u.k == "q" and T[k - 1] and T[k - 1].k == "p" then break end
    end
    if #commas == 0 then return nil end
    for ci, c1 in ipairs(commas) do
      local B = core_back(C, c1 - 1, lo)
      local A = core_back(C, j - 1, c1 + 1)
      -- a noun phrase inside a prepositional phrase ("Netanyahu, with his wife, Sara, at
      -- his side, declared") is not the speaker: look further left
      local pb = B and T[B.first - 1]
      if pb and pb.k == "w" and ADVERBIAL_PREP[pb.low] and pb.low ~= "by"
        and not M.document_from(C, B.first - 1, lo) then goto next_comma end
      if pb and pb.t == "," and commas[ci + 1] == B.first - 1 and commas[ci + 2] then
        local seg = T[commas[ci + 2] + 1]
        if seg and seg.k == "w" and ADVERBIAL_PREP[seg.low] then goto next_comma end
      end
      -- every segment between c1 and j must be an appositive
      local ok = true
      for cj = 1, ci - 1 do
        local s_a = commas[cj] + 1
        local s_b = (cj == 1 and j or commas[cj - 1]) - 1
        if not appositive_like(C, s_a, s_b) then ok = false end
      end
      local named = ok and ci == 1 and B and B.kind == "role" and naming_appositive(C, c1 + 1, j - 1)
      if named then
        named.first = B.first
        return named
      end
      if ok then
        if B and B.kind == "name" then
          B.last = j - 1
          return B
        elseif A and A.first == c1 + 1 and A.kind == "name" and B and B.kind == "role" then
          A.first = B.first
          return A
        elseif B and B.kind == "role" and appositive_like(C, c1 + 1, (ci == 1 and j or commas[ci - 1]) - 1) then
          B.last = j - 1
          return B
        elseif B and B.kind == "role" and ci == 1 and A and A.kind == "role"
          and appositive_like(C, c1 + 1, j - 1) then
          B.last = j - 1
          return B
        elseif A and A.first == c1 + 1 and A.kind == "name" and ci == 1 then
          -- "harbour master, Ingrid Soames, said": a description the lists do not know
          local d = c1
          while d - 1 >= lo and T[d - 1].k == "w" and c1 - d < 6 do d = d - 1 end
          if d < c1 and (d == lo or T[d - 1].k == "p") then
            A.first = d
            return A
          end
        end
      end
      ::next_comma::
    end
    return nil
  end
  return core_back(C, j, lo)
end

-- extend np over ", NAME," after a description: "one resident, Pilar Quintanilla-Obi, 64"
local function appositive_name(C, np, hi)
  local T, L = C.T, C.L
  local c = np.last + 1
  if not (T[c] and T[c].t == "," and c + 1 <= hi) then return np end
  local k = c + 1
  if not ent.is_name_word(L, T[k]) then return np end
  local a = k
  while k + 1 <= hi and (ent.is_name_word(L, T[k + 1]) or (PARTICLES[T[k + 1].low]
      and ent.is_name_word(L, T[k + 2]))) and T[k + 1].ws do
    k = k + 1
  end
  local nx = T[k + 1]
  if is_poss(T[k]) then return np end
  if nx and k + 1 <= hi and not (nx.k == "p") then return np end
  return { first = np.first, last = k, core_last = k, kind = "name", name_first = a,
    name_last = k, det = np.det }
end

-- is there a role or organisation noun within the next three lower-case words after k-1?
local function noun_ahead(L, T, k, hi)
  -- the words before the noun must read as modifiers, not verbs ("Hilton yelled several
  -- times" is no "fire service")
  for x = k, math.min(hi, k + 1) do
    local u = T[x]
    if not u or u.k ~= "w" or u.cap or L.stop[u.low] then return false end
    if L.role[u.low] or L.org[u.low] then return true end
    if u.low:find("ed$") or u.low:find("ing$") or u.low:find("ly$") or L.cue_first[u.low] then
      return false
    end
    local nx = T[x + 1]
    if nx and nx.k == "w" and not nx.cap and (L.role[nx.low] or L.org[nx.low]) then return true end
  end
  return false
end

-- is the -ing word at k a modifier of the organisation noun after it ("the authority's
-- monitoring station", "the governing council"), not a verb ("requested documents")?
local function noun_modifier(L, T, k)
  local nx = T[k + 1]
  return T[k].low:find("ing$") and nx and nx.k == "w" and not nx.cap and L.org[nx.low]
    and true or false
end

--- Parse a speaker phrase starting at token i (rightwards, not after hi).
function M.fwd(C, i, hi, depth)
  local T, L = C.T, C.L
  local k = i
  if k > hi or not T[k] then return nil end
  -- the fields named nil give the table room for those set below
  local np = { first = i, last = nil, kind = nil, core_last = nil, name_first = nil,
    name_last = nil, role = nil, pron = nil }
  if T[k].k == "w" and is_subject_pronoun(L, T[k]) then
    np.last, np.core_last, np.kind, np.pron = k, k, "pron", T[k].low
    return np
  end
  if T[k].k == "w" and DET[T[k].low] then np.det = T[k].low; k = k + 1 end
  local run_first, run_last, lowers = nil, nil, 0
  local role
  while k <= hi and T[k] and T[k].k == "w" do
    local u = T[k]
    if ent.is_name_word(L, u) or qtext.is_acronym(u) then
      if not (run_last and run_last == k - 1) then run_first = k end
      run_last = k
      k = k + 1
      if is_poss(u) then run_first, run_last = nil, nil end
    elseif (PARTICLES[u.low] or u.t == "&") and run_last == k - 1 and ent.is_name_word(L, T[k + 1])
      and not (u.low == "of" and person_at(C, k - 1) and C.mention_at[k - 1].last == k - 1) then
      k = k + 1
    elseif run_last == k - 1 and u.t:find("^%d+$") and L.role[T[k - 1].low]
      and ent.is_name_word(L, T[k + 1]) then
      -- "Chief Warrant Officer 5 Reggie Lane": a grade after a rank, the name follows
      role = T[k - 1].low
      run_first, run_last = nil, nil
      k = k + 1
    elseif role_of(L, u) or L.modifier[u.low] then
      -- a capitalised run before a role word was a modifier: "Depot manager Lars Okonjo"
      if role_of(L, u) then role = u.low end
      if is_age(u) then np.age = true end
      run_first, run_last = nil, nil
      k = k + 1
    elseif not u.cap and run_last and not L.stop[u.low] and noun_ahead(L, T, k, hi) then
      -- "Iraqi security officials", "the Tarnwick fire service": the capitalised run
      -- modifies a role or organisation noun
      run_first, run_last = nil, nil
      k = k + 1
    elseif not u.cap and not run_last and lowers < 3 and not L.stop[u.low]
      and not L.pronoun[u.low] and not lex.match_cue(L, T, k) and not PARTICIPLE[u.low]
      and not (lowers + (role and 1 or 0) >= 1 and (u.low:find("ed$") or u.low:find("ing$")
        or u.low:find("en$")) and not noun_modifier(L, T, k)) then
      lowers = lowers + 1
      k = k + 1
    else
      break
    end
  end
  if run_last then
    np.kind, np.name_first, np.name_last = "name", run_first, run_last
    np.last, np.core_last = run_last, run_last
    if T[run_last + 1] and T[run_last + 1].t == "(" and T[run_last + 3]
      and T[run_last + 3].t == ")" and qtext.is_acronym(T[run_last + 2]) then
      np.acronym = T[run_last + 2].t
    end
  elseif role or lowers > 0 then
    np.kind, np.role = "role", role
    np.last, np.core_last = k - 1, k - 1
    -- "figures released by the organisers": the agent speaks for the document
    local u = T[k]
    if (depth or 0) < 1 and u and u.k == "w" and (PARTICIPLE[u.low] or u.low:find("ed$"))
      and T[k + 1] and T[k + 1].low == "by" then
      local agent = M.fwd(C, k + 2, hi, (depth or 0) + 1)
      if agent and agent.kind ~= "pron" then
        agent.mention_first = np.first
        agent.doc_head = np
        return agent
      end
    end
    if role and (depth or 0) < 1 then
      -- "a spokeswoman for the rail operator Meridian Lines"
      if u and u.k == "w" and PP[u.low] and k + 1 <= hi then
        local obj = M.fwd(C, k + 1, hi, (depth or 0) + 1)
        if obj and obj.kind ~= "pron" then
          np.pp = obj
          np.last, np.core_last = obj.last, obj.core_last
        end
      end
      np = appositive_name(C, np, hi)
    end
  else
    return nil
  end
  return np
end

local function text_of(C, a, b)
  local T = C.T
  return C.text:sub(T[a].s, qtext.last_byte(T[b]))
end
M.text_of = text_of

local function org_named(C, word, before)
  for k = ent.first_at(C.mentions, before) - 1, 1, -1 do
    local m = C.mentions[k]
    if m.last < before and m.entity.kind == "org" and not m.inq then
      for _, w in ipairs(m.entity.lows) do
        if w == word then return m end
      end
    end
  end
  return nil
end

-- "the authority said" after "The Port Ellard harbour authority approved ...": the
-- nearest description before token `before` (outside quotations and headlines) that
-- has the head noun `head` after a determiner and more words than "the HEAD" (a
-- modifier, a name: "The Port Ellard harbour authority", "a regional growers' union").
-- Returns its text, or nil; for an appositive of a name ("Gryphon Airlines, a
-- Kuwait-based charter airline,") the name and its mention. A bare "the authority" before it is the same reference
-- and is passed over; a head that modifies the noun after it ("the union leader") is
-- no mention of the organisation.
local function org_described(C, head, before)
  local T, L = C.T, C.L
  local inq, hl = C.inq, C.headline
  for x = before - 1, 2, -1 do
    local t = T[x]
    if t.k == "w" and not t.cap and (t.low == head or t.low:sub(1, #head) == head)
      and not (inq and inq(x)) and not (hl and hl[t.para]) then
      local b, poss = qtext.base(t)
      local nx = T[x + 1]
      if b == head and not (nx and nx.k == "w" and not poss and (L.role[nx.low] or L.org[nx.low])) then
        local np = {}
        local first = modifiers_back(C, x, math.max(1, x - 8), np)
        if np.det and np.det ~= "poss" and first < x - 1 and not DET[T[first + 1].low] then
          -- "Gryphon Airlines, a Kuwait-based charter airline,": the name it describes
          local m = T[first - 1] and T[first - 1].t == "," and C.mention_at[first - 2]
          if m and not m.inq and (m.entity.kind == "org" or m.entity.kind == "unknown") then
            return m.entity.name, m
          end
          local d = text_of(C, first, x)
          if poss then d = d:gsub("['\u{2019}]s?$", "") end
          return d
        end
      end
    end
  end
  return nil
end

--- Canonical speaker for a phrase: returns speaker (string or nil), mention (string),
-- the mention record of docpipe.quotes.entities (or nil).
function M.resolve(C, np)
  local T, L = C.T, C.L
  local mention = text_of(C, np.mention_first or np.first, np.last)
  if np.kind == "pron" then
    local m = ent.resolve_pronoun(L, T, ent.antecedents(C), np.first, np.pron)
    if m then
      return m.entity.name, mention, m
    end
    local p = L.pronoun[np.pron]
    if p and p.gender == "n" and C.last_org_np then
      -- "The county council says ... it said": an organisation named by a description
      return C.last_org_np, mention, nil
    end
    return nil, mention, nil
  elseif np.kind == "name" then
    local m = C.mention_at[np.name_last]
    if m then return m.entity.name, mention, m end
    if np.acronym and C.acronyms[np.acronym] then return C.acronyms[np.acronym], mention end
    return text_of(C, np.name_first, np.name_last), mention, nil
  else
    local written = text_of(C, np.first, np.core_last or np.last)
    if np.role and not L.role[np.role] and L.org[np.role] then
      if np.det == "the" or np.det == "its" or np.det == "poss" then
        local m = org_named(C, np.role, np.first)
        if m then return m.entity.name, mention, m end
      end
      return written, mention, nil
    end
    local r0 = np.role and L.role[np.role]
    if np.age_mod and r0 and r0.kind == "person" and not (np.det == "the"
        and ent.resolve_role(C.mentions, np.first, np.role, T, 0)) then
      np.age = true   -- an age and a role: a person just named, or named next
    end
    if np.age then
      local want = r0 and (r0.gender == "m" or r0.gender == "f") and r0.gender or "person"
      local m = ent.resolve_pronoun(L, T, C.mentions, np.first, nil, want)
      if m then return m.entity.name, mention, m end
      -- "..., the 38-year-old said. Her name is Agnieszka ...": named just after
      for _, m2 in ipairs(C.mentions) do
        if m2.first > np.last and not m2.inq and m2.entity.kind == "person"
          and m2.sent <= T[np.last].sent + 2 then
          return m2.entity.name, mention, m2
        end
        if m2.first > np.last and m2.sent > T[np.last].sent + 2 then break end
      end
      return written, mention, nil
    end
    local r = np.role and L.role[np.role]
    if r and (r.kind == "source" or r.kind == "doc") then
      -- "the IMF report", "the company's statement": the named owner speaks
      for x = np.first, (np.core_last or np.last) - 1 do
        local m = C.mention_at[x]
        if m and not m.inq and (m.entity.kind == "org" or m.entity.kind == "person"
            or m.entity.article) then
          return m.entity.name, mention, m
        end
      end
    end
    if r and (r.kind == "source" or r.kind == "doc") and np.owner and not C.mention_at[np.owner] then
      -- "the family's statement read": the owner, as written
      local owner = text_of(C, np.first, np.owner):gsub("['\u{2019}]s?$", "")
      return owner, mention, nil
    end
    if r and r.kind == "source" and np.pp and np.pp.kind ~= "pron" then
      -- "data from the environment agency", "figures from the authority's station": the
      -- body the figures come from speaks
      local s2, _, m2 = M.resolve(C, np.pp)
      if s2 then return s2, mention, m2 end
    end
    if r and r.kind == "source" then return written, mention, nil end
    if r and r.kind == "medium" and np.det == "the" then
      -- "On it, a woman who identified herself as NAME says ... “...,” the voice says":
      -- the person who spoke last, within three sentences, else the person in focus
      local ls = C.last_speaker
      if ls and ls.entity.kind == "person" and T[np.first].sent - ls.sent <= 3 then
        return ls.entity.name, mention, ls
      end
      local m = ent.resolve_pronoun(L, T, C.mentions, np.first, nil, "person")
      if m then return m.entity.name, mention, m end
      return written, mention, nil
    end
    if r and r.kind == "doc" then
      -- "said a statement on the association's Facebook page": the owner named after it
      local on = T[np.last + 1]
      if on and on.k == "w" and (on.low == "on" or on.low == "from") then
        for x = np.last + 2, math.min(#T, np.last + 6) do
          local m = C.mention_at[x]
          if m and not m.inq and (m.possessive or m.entity.kind == "org") then
            return m.entity.name, mention, m
          end
          if T[x].k ~= "w" then break end
        end
      end
      -- "“...,” the family said in a statement. ... “...,” the statement added": the
      -- speaker of the last statement, when no one else has spoken since
      local ls = C.last_statement
      if np.det == "the" and ls and T[np.first].sent - ls.sent <= 12 then
        return ls.name, mention, ls.m
      end
      -- "their statement read", "its report said": the nearest organisation owns it
      local m = (np.det == "their" or np.det == "its")
        and ent.resolve_pronoun(L, T, C.mentions, np.first, nil, "org") or nil
      m = m or C.last_org or ent.resolve_pronoun(L, T, C.mentions, np.first, nil, "org")
        or C.last_speaker
      if m then return m.entity.name, mention, m end
      return written, mention, nil
    end
    local definite = np.det == "the" or np.det == "its" or np.det == "poss" or np.det == "his"
      or np.det == "her" or np.det == "their"
    if r and r.kind == "person" and definite and not np.pp then
      local m = ent.resolve_role(C.mentions, np.first, np.role, T, 2)
      if m then return m.entity.name, mention, m end
    end
    if r and r.kind == "org" and not np.pp then C.last_org_np = written end
    if r and r.kind == "org" and (np.det == "the" or np.det == "its" or np.det == "poss") and not np.pp then
      -- "the ministry said" after "the Ministry of Transport"; "the company said"
      local m = org_named(C, np.role, np.first)
      if not m and np.det == "the" and np.first + 1 == np.core_last then
        -- "the authority said": the description it repeats the head of, before the
        -- nearest organisation
        local d, dm = org_described(C, np.role, np.first)
        if d then return d, mention, dm end
      end
      if not m and GENERIC_ORG[np.role] and np.det == "the" and np.first + 1 == np.core_last then
        -- an organisation named or described before ("The coastguard said ... the agency
        -- said")
        m = ent.resolve_pronoun(L, T, C.mentions, np.first, nil, "org")
          or ent.resolve_pronoun(L, T, ent.antecedents(C), np.first, nil, "org")
      end
      if m then return m.entity.name, mention, m end
    end
    return written, mention, nil
  end
end

--- The noun phrase of a mention that is a name (tokens m.first..m.last), in the shape of
-- M.fwd's name phrases: {first, last, core_last, kind = "name", name_first, name_last}.
function M.mention_np(m)
  return { first = m.first, last = m.last, core_last = m.last, kind = "name",
    name_first = m.first, name_last = m.last }
end

return M
