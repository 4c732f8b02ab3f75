--- Speaker noun phrases next to a speech cue, and their canonical speaker.
--
-- A speaker phrase is a pronoun, a name (capitalised run, possibly after role words:
-- "fire chief Oliver Nakamura"), or a description headed by a role noun ("the agriculture
-- minister", "Union officials", "the statement"). `back` reads it leftwards from the
-- word before a cue (subject position, with an appositive between commas allowed:
-- "Priya Castellanos, a paramedic, said"), `fwd` reads it rightwards after an inverted
-- cue or "according to" ("said farmer Selin Arcos, 52, ..."). `resolve` turns the phrase
-- into the canonical speaker: names through docpipe.quotes.entities, pronouns and
-- definite role nouns through reference resolution, documents ("the statement said")
-- to the latest organisation that spoke; anything else is reported as written.
--
-- Units: token indices; `resolve` returns strings.
-- @module docpipe.quotes.speaker

local qtext = require "docpipe.quotes.text"
local ent = require "docpipe.quotes.entities"
local lex = require "docpipe.quotes.lexicon"

local M = {}

local DET = { the = true, a = true, an = true, his = true, her = true, its = true,
  their = true, our = true, another = true, one = true, two = true, three = true,
  several = true, some = true, many = true, other = true }
M.DET = DET
local PARTICLES = { de = true, van = true, von = true, der = true, da = true, di = true,
  du = true, la = true, le = true, al = true, bin = true, ["of"] = true, ["for"] = true }

local function is_poss(t) local _, p = qtext.base(t); return p end

local function is_subject_pronoun(L, t)
  local p = t.k == "w" and L.pronoun[t.low]
  return p and (p.fn == "subj" or p.fn == "first")
end

--- Skip adverbs/auxiliaries leftwards from j; returns the new index.
function M.skip_adverbs_back(C, j, lo)
  local T, L = C.T, C.L
  while j > lo and T[j].k == "w" and L.adverb[T[j].low] do j = j - 1 end
  return j
end

-- core backward parse, no appositive
local function core_back(C, j, lo)
  local T, L = C.T, C.L
  if j < lo then return nil end
  local np = { last = j }
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
  local t = T[k]
  if t.k ~= "w" then return nil end
  if is_subject_pronoun(L, t) and k == j then
    np.first, np.kind, np.pron = k, "pron", t.low
    return np
  end
  if ent.is_name_word(L, t) or qtext.is_acronym(t) then
    np.name_last = k
    while k - 1 >= lo do
      local u = T[k - 1]
      if ent.is_name_word(L, u) and not is_poss(u) and T[k].ws then
        k = k - 1
      elseif u.k == "w" and PARTICLES[u.low] and k - 2 >= lo and ent.is_name_word(L, T[k - 2]) then
        k = k - 1
      elseif u.t == "&" and k - 2 >= lo and ent.is_name_word(L, T[k - 2]) then
        k = k - 1
      else
        break
      end
    end
    np.name_first, np.kind = k, "name"
  elseif L.role[t.low] and not is_poss(t) then
    np.kind, np.role = "role", t.low
  else
    return nil
  end
  -- modifiers leftwards; up to two unknown lower-case words are kept only when a
  -- determiner, a capital, punctuation or the region start comes before them
  local commit, pending = k, 0
  while true do
    local u = T[k - 1]
    if k - 1 < lo or not u or u.k ~= "w" then commit = k; break end
    if DET[u.low] then np.det = u.low; commit = k - 1; break end
    if L.role[u.low] or L.modifier[u.low] or ent.is_name_word(L, u) then
      k = k - 1; commit = k; pending = 0
    elseif not u.cap and pending < 2 and not L.stop[u.low] and not L.pronoun[u.low]
      and not lex.match_cue(L, T, k - 1) and not L.adverb[u.low] then
      k = k - 1; pending = pending + 1
    else
      break
    end
  end
  np.first = commit
  return np
end

--- Parse the speaker phrase ending at token j (leftwards, not before lo).
-- Returns np {first, last, kind = "pron"|"name"|"role", name_first, name_last, role,
-- det, pron, acronym} or nil.
function M.back(C, j, lo)
  local T = C.T
  if j < lo then return nil end
  if T[j].t == "," then
    local c1
    for k = j - 1, math.max(lo, j - 30), -1 do
      local u = T[k]
      if u.t == "," then c1 = k; break end
      if u.k == "p" and (u.t == "." or u.t == ";" or u.t == ":" or u.t == "!" or u.t == "?") then break end
    end
    if not c1 then return nil end
    local B = core_back(C, c1 - 1, lo)
    local A = core_back(C, j - 1, c1 + 1)
    if B and B.kind == "name" then
      B.last = j - 1
      return B
    elseif A and A.first == c1 + 1 and A.kind == "name" and B then
      A.first = B.first
      return A
    elseif B and B.kind == "role" then
      B.last = j - 1
      return B
    elseif A and A.first == c1 + 1 and A.kind == "name" then
      -- "harbour master, Ingrid Soames, said": a description the lists do not know
      local d = c1
      while d - 1 >= lo and T[d - 1].k == "w" and c1 - d < 6 do d = d - 1 end
      if d < c1 and (d == lo or T[d - 1].k == "p") then
        A.first = d
        return A
      end
    end
    return nil
  end
  return core_back(C, j, lo)
end

--- Parse a speaker phrase starting at token i (rightwards, not after hi).
function M.fwd(C, i, hi)
  local T, L = C.T, C.L
  local k = i
  if k > hi or not T[k] then return nil end
  local np = { first = i }
  if T[k].k == "w" and is_subject_pronoun(L, T[k]) then
    np.last, np.kind, np.pron = k, "pron", T[k].low
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
    elseif (PARTICLES[u.low] or u.t == "&") and run_last == k - 1 and ent.is_name_word(L, T[k + 1]) then
      k = k + 1
    elseif L.role[u.low] or L.modifier[u.low] then
      -- a capitalised run before a role word was a modifier: "Depot manager Lars Okonjo"
      role = u.low
      run_first, run_last = nil, nil
      k = k + 1
    elseif not u.cap and run_last and not L.stop[u.low] and T[k + 1] and T[k + 1].k == "w"
      and L.role[T[k + 1].low] then
      -- "Iraqi security officials": the capitalised run modifies a role noun
      run_first, run_last = nil, nil
      k = k + 1
    elseif not u.cap and not run_last and lowers < 3 and not L.stop[u.low]
      and not L.pronoun[u.low] and not lex.match_cue(L, T, k)
      and not (lowers + (role and 1 or 0) >= 1 and (u.low:find("ed$") or u.low:find("ing$")
        or u.low:find("en$"))) then
      lowers = lowers + 1
      k = k + 1
    else
      break
    end
  end
  if run_last then
    np.kind, np.name_first, np.name_last = "name", run_first, run_last
    np.last = run_last
    if T[run_last + 1] and T[run_last + 1].t == "(" and T[run_last + 3]
      and T[run_last + 3].t == ")" and qtext.is_acronym(T[run_last + 2]) then
      np.acronym = T[run_last + 2].t
    end
  elseif role or lowers > 0 then
    np.kind, np.role = "role", role
    np.last = k - 1
  else
    return nil
  end
  return np
end

local function text_of(C, a, b)
  local T = C.T
  return C.text:sub(T[a].s, T[b].e)
end
M.text_of = text_of

--- Canonical speaker for a phrase: returns speaker (string or nil), mention (string),
-- the mention record of docpipe.quotes.entities (or nil).
function M.resolve(C, np)
  local T, L = C.T, C.L
  local mention = text_of(C, np.first, np.last)
  if np.kind == "pron" then
    local m = ent.resolve_pronoun(L, T, C.mentions, np.first, np.pron)
    if m then
      return m.entity.name, mention, m
    end
    return nil, mention, nil
  elseif np.kind == "name" then
    local m = C.mention_at[np.name_last]
    if m then return m.entity.name, mention, m end
    if np.acronym and C.acronyms[np.acronym] then return C.acronyms[np.acronym], mention end
    return text_of(C, np.name_first, np.name_last), mention, nil
  else
    local r = np.role and L.role[np.role]
    if r and r.kind == "doc" and C.last_org then
      return C.last_org.entity.name, mention, C.last_org
    end
    if r and r.kind == "person" and np.det == "the" then
      local m = ent.resolve_role(C.mentions, np.first, np.role)
      if m then return m.entity.name, mention, m end
    end
    if r and r.kind == "org" and np.det == "the" then
      -- "the ministry said" after "the Ministry of Transport"
      for k = #C.mentions, 1, -1 do
        local m = C.mentions[k]
        if m.last < np.first and m.entity.kind == "org" then
          for _, w in ipairs(m.entity.lows) do
            if w == np.role then return m.entity.name, mention, m end
          end
        end
      end
    end
    return mention, mention, nil
  end
end

return M
