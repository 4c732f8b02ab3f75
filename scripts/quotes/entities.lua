--- Named mentions, canonical names and reference resolution for the quotes stage.
--
-- Method (rule-based, in the spirit of the Gender Gap Tracker's quote pipeline and of
-- newswire style conventions): a name is a run of capitalised words (with particles
-- such as "de", "van", "of", "&"); a title or role word inside the run ("Senator Ada
-- Ruiz", "Harbour Commissioner Elif Yildiz") is split off and kept as the entity's role.
-- Every mention is mapped to the fullest run of the article that contains its words
-- ("Park" -> "Park In-ho", "Mayor Okafor" -> "Lena Okafor"); "Full Name (ACR)" defines an
-- acronym. Each entity is typed person / org / place / unknown from word lists (given
-- names, titles, organisation and place words) and gets a gender from given names,
-- titles, gendered role nouns, or the nearest he/she/his/her that follows it in the same
-- sentence. Pronouns resolve to the most recent compatible entity, preferring one that is
-- salient (a speaker, or the first name of its sentence) close to the nearest candidate;
-- definite role nouns ("the senator") resolve to the latest entity seen with that role.
--
-- Units: token indices of docpipe.quotes.text; no byte offsets are produced here.
-- @module docpipe.quotes.entities

local qtext = require "docpipe.quotes.text"

local concat = table.concat

local M = {}

local PARTICLES = { de = true, van = true, von = true, der = true, den = true, da = true,
  di = true, du = true, la = true, le = true, al = true, bin = true, ibn = true, el = true,
  ["of"] = true, ["for"] = true }
local TITLE_ABBR = { mr = "m", mrs = "f", ms = "f", miss = "f", dr = true, prof = true,
  sen = true, rep = true, gov = true, gen = true, lt = true, col = true, capt = true,
  sgt = true, rev = true, st = true }
M.TITLE_ABBR = TITLE_ABBR
-- words that may follow the role noun of an appositive ("Ada Ruiz, the mayor of ...")
local APPOS_END = { ["of"] = true, at = true, ["for"] = true, ["in"] = true, with = true,
  who = true, whose = true }

--- Is token t a word that can belong to a name?
function M.is_name_word(L, t)
  if not t or t.k ~= "w" or not t.cap then return false end
  local b = qtext.base(t):lower():gsub("\u{2019}", "'")
  if L.stop[b] or L.pronoun[b] then return false end
  return true
end

--- Sentence index for every token (own splitter: . ! ? … followed by a capital,
-- a quote mark or a digit; not after a title abbreviation or an initial; paragraph
-- breaks always split). Sets T[i].sent, returns the number of sentences.
function M.sentences(T)
  local sent = 1
  for i, t in ipairs(T) do
    local prev = T[i - 1]
    if prev and prev.para ~= t.para then sent = sent + 1 end
    t.sent = sent
    if t.k == "p" and (t.t == "." or t.t == "!" or t.t == "?" or t.t == "\u{2026}") then
      local j = i + 1
      while T[j] and T[j].k == "q" and T[j].side ~= "open" and not T[j].ws do j = j + 1 end
      local nx = T[j]
      local pw = T[i - 1]
      local abbr = t.t == "." and pw and pw.k == "w" and not t.ws
        and (TITLE_ABBR[pw.low] or #pw.t == 1 and pw.cap)
      if nx and nx.para == t.para and nx.ws and not abbr and (nx.cap or nx.k == "q"
          or nx.t:find("^%d")) then
        for k = i + 1, j - 1 do T[k].sent = sent end
        sent = sent + 1
      end
    end
  end
  return sent
end

-- split a run of name tokens at its last title/role word; returns name tokens, role
local function split_title(L, words, lows)
  local cut
  for k = 1, #words - 1 do
    local r = L.role[lows[k]]
    if (r and (r.kind == "person")) or TITLE_ABBR[lows[k]] then cut = k end
  end
  if cut then
    for k = cut + 1, #words do if L.org[lows[k]] then cut = nil; break end end
  end
  if not cut then return 1, nil end
  local start = cut + 1
  while start < #words and PARTICLES[lows[start]] do start = start + 1 end
  return start, lows[cut]
end

-- Paragraphs written in title case (headlines): their capitalised runs are not names.
local function headline_paras(T)
  local cap, all = {}, {}
  for _, t in ipairs(T) do
    if t.k == "w" and #t.t >= 4 then
      all[t.para] = (all[t.para] or 0) + 1
      if t.cap then cap[t.para] = (cap[t.para] or 0) + 1 end
    end
  end
  local out = {}
  for p, n in pairs(all) do
    if n >= 3 and n <= 25 and (cap[p] or 0) >= 0.7 * n then out[p] = true end
  end
  return out
end

--- Collect name mentions. inq(i) tells whether token i is inside a quotation.
-- Returns a list of mentions {first, last (name tokens), words (list), key, role,
-- role_gender, inq, sent, para, acronym_of}.
function M.collect(L, T, inq)
  local mentions = {}
  local n = #T
  local i = 1
  local headline = headline_paras(T)
  while i <= n do
    local t = T[i]
    if M.is_name_word(L, t) then
      local j = i
      local words, lows, idx = {}, {}, {}
      while true do
        local u = T[j]
        local b, poss = qtext.base(u)
        words[#words + 1] = b
        lows[#lows + 1] = b:lower():gsub("\u{2019}", "'"):gsub("%.$", "")
        idx[#idx + 1] = j
        if poss then break end
        local nx = T[j + 1]
        if nx and nx.para == u.para and nx.ws and M.is_name_word(L, nx) then
          j = j + 1
        elseif nx and nx.para == u.para and (PARTICLES[nx.low] or nx.t == "&") and nx.ws
          and M.is_name_word(L, T[j + 2]) and T[j + 2].ws then
          words[#words + 1] = nx.t
          lows[#lows + 1] = nx.low
          idx[#idx + 1] = j + 1
          j = j + 2
        else
          break
        end
      end
      local start, role = split_title(L, words, lows)
      local m = { first = idx[start], last = j, words = {}, lows = {}, role = role,
        inq = inq(i), sent = t.sent, para = t.para, headline = headline[t.para] }
      for k = start, #words do m.words[#m.words + 1] = words[k]; m.lows[#m.lows + 1] = lows[k] end
      m.key = concat(m.words, " ")
      -- role or title just before the run: "chief executive Paulo Brandt", "Mr. Tan"
      local p = T[idx[1] - 1]
      if p and p.t == "." and T[idx[1] - 2] and TITLE_ABBR[T[idx[1] - 2].low] then
        m.role = m.role or T[idx[1] - 2].low
      elseif p and p.k == "w" and L.role[p.low] and L.role[p.low].kind == "person" then
        m.role = m.role or p.low
      elseif p and p.t == "," and T[idx[1] - 2] and L.role[T[idx[1] - 2].low or ""]
        and L.role[T[idx[1] - 2].low].kind == "person" then
        m.role = m.role or T[idx[1] - 2].low
      end
      -- appositive role after the run: "Park In-ho, the president of ..."
      local q = T[j + 1]
      if q and q.t == "," then
        for k = j + 2, math.min(n, j + 5) do
          local u = T[k]
          if u.k ~= "w" then break end
          local r = L.role[u.low]
          local nx = T[k + 1]
          if r and r.kind == "person" and (not nx or nx.k == "p" or APPOS_END[nx.low]) then
            m.role = m.role or u.low
            break
          end
        end
      end
      -- acronym definition "Full Name (ACR)"
      if #m.words >= 2 and T[j + 1] and T[j + 1].t == "(" and T[j + 2]
        and qtext.is_acronym(T[j + 2]) and T[j + 3] and T[j + 3].t == ")" then
        m.acronym = T[j + 2].t
      end
      mentions[#mentions + 1] = m
      i = j + 1
    else
      i = i + 1
    end
  end
  return mentions
end

local function contains(big, small)
  local nb, ns = #big, #small
  if ns > nb then return false end
  for k = 0, nb - ns do
    local ok = true
    for l = 1, ns do if big[k + l] ~= small[l] then ok = false; break end end
    if ok then return true end
  end
  return false
end

local function has_word(L, lows, set)
  for _, w in ipairs(lows) do if L[set][w] then return true end end
  return false
end

--- Build entities from mentions: sets m.entity on every mention.
-- Returns a table {list = entities, by_key = {}} where an entity is
-- {name, words, lows, kind, gender, roles = {role = true}}.
function M.build(L, T, mentions, extra_names)
  local acr = {}
  for _, m in ipairs(mentions) do if m.acronym then acr[m.acronym] = m end end
  local pool = {}
  for _, m in ipairs(mentions) do if not m.headline then pool[#pool + 1] = m end end
  for _, m in ipairs(extra_names or {}) do
    if not m.headline then m.extra = true; pool[#pool + 1] = m end
  end
  local E = { list = {}, by_key = {} }
  local function entity_for(words, lows)
    local key = concat(words, " ")
    local e = E.by_key[key]
    if not e then
      e = { name = key, words = words, lows = lows, roles = {}, mentions = {} }
      E.by_key[key] = e
      E.list[#E.list + 1] = e
    end
    return e
  end
  for _, m in ipairs(mentions) do
    local target = m
    if #m.words == 1 and acr[m.words[1]] then
      target = acr[m.words[1]]
    end
    local m_org = has_word(L, target.lows, "org")
    -- the fullest run containing the mention; ties: nearest before, else first after
    local best, best_d
    for pj, c in ipairs(pool) do
      if #c.words > #target.words and contains(c.words, target.words)
        and (m_org or not has_word(L, c.lows, "org")) then
        local d
        if not c.extra then
          d = c.first < m.first and (m.first - c.first) or (100000 + c.first)
        else
          d = 200000 + pj  -- a name from the title
        end
        if not best or #c.words > #best.words or (#c.words == #best.words and d < best_d) then
          best, best_d = c, d
        end
      end
    end
    local src = best or target
    m.entity = entity_for(src.words, src.lows)
    if m.role then m.entity.roles[m.role] = true end
    m.entity.mentions[#m.entity.mentions + 1] = m
  end
  -- kinds and genders
  for _, e in ipairs(E.list) do
    local first = e.lows[1]
    local g = (L.female[first] and "f") or (L.male[first] and "m") or nil
    local titled = false
    for r in pairs(e.roles) do
      titled = true
      local rr = L.role[r]
      local tg = TITLE_ABBR[r]
      if type(tg) == "string" then g = g or tg end
      if rr and rr.gender then g = g or rr.gender end
    end
    e.gender = g
    if has_word(L, e.lows, "org") or (#e.words == 1 and e.words[1]:find("^%u%u+$"))
      or e.name:find("&", 1, true) then
      e.kind = "org"
    elseif g or titled then
      e.kind = "person"
    elseif has_word(L, e.lows, "place") then
      e.kind = "place"
    elseif #e.words >= 2 then
      e.kind = "person"
    else
      e.kind = "unknown"
    end
  end
  return E
end

--- Learn genders from pronouns: each he/his/him/she/her outside quotes gives its gender
-- to the nearest mention before it in the same sentence, when that entity has none yet
-- and is a person (or, for non-subject forms, an unknown run of two or more words).
function M.learn_gender(L, T, mentions, inq)
  local mi = 0
  local last_by_sent = {}
  for i, t in ipairs(T) do
    while mentions[mi + 1] and mentions[mi + 1].first <= i do
      mi = mi + 1
      local m = mentions[mi]
      if not m.inq then last_by_sent[m.sent] = m end
    end
    if t.k == "w" and not inq(i) then
      local p = L.pronoun[t.low]
      if p and (p.gender == "m" or p.gender == "f") then
        local m = last_by_sent[t.sent]
        local kind = m and m.entity.kind
        -- a subject pronoun ("..., she added") may be the very thing to resolve: it
        -- only teaches the gender of a mention already known to be a person
        local ok = kind == "person" or (kind == "unknown" and #m.entity.words > 1 and p.fn ~= "subj")
        if ok and p.fn == "subj" and L.cue_first[T[i + 1] and T[i + 1].low or ""] then ok = false end
        if ok and m.last < i and not m.entity.gender then
          m.entity.gender = p.gender
          m.entity.kind = "person"
        end
      end
    end
  end
end

--- Mark the first mention of every sentence as salient (a likely subject).
function M.mark_salience(mentions)
  local seen = {}
  for _, m in ipairs(mentions) do
    if not m.inq and not seen[m.sent] and (m.entity.kind == "person" or m.entity.kind == "org") then
      seen[m.sent] = true
      m.salient = true
    end
  end
end

local function compatible(e, want)
  if want == "m" or want == "f" then
    return e.kind == "person" and (e.gender == nil or e.gender == want)
  elseif want == "org" then
    return e.kind == "org" or e.kind == "place"
  end
  return e.kind == "person"
end

--- Resolve a pronoun (lower case) at token index i. Returns the mention or nil.
function M.resolve_pronoun(L, T, mentions, i, pron)
  local p = L.pronoun[pron]
  if not p or p.fn == "first" then return nil end
  local want = p.gender == "m" and "m" or p.gender == "f" and "f" or "org"
  local para = T[i].para
  local cands = {}
  for k = #mentions, 1, -1 do
    local m = mentions[k]
    if m.last < i then
      if m.para < para - 3 then break end
      if not m.inq and compatible(m.entity, want) then
        cands[#cands + 1] = m
        if #cands >= 5 then break end
      end
    end
  end
  if #cands == 0 then return nil end
  -- among the candidates close to the nearest one, prefer a salient one, and one whose
  -- gender is known to match over one whose gender is unknown
  local near = cands[1]
  local best, best_score
  for idx, c in ipairs(cands) do
    if c.sent < near.sent - 1 then break end
    local score = (c.speaker and 2.5 or c.salient and 1.5 or 0)
      + ((want == "m" or want == "f") and c.entity.gender == want and 0.5 or 0)
      - 1.2 * (near.sent - c.sent) - idx * 0.01
    if not best or score > best_score then best, best_score = c, score end
  end
  return best
end

--- Resolve a definite role noun ("the senator") at token index i to the latest entity
-- mentioned with that role. Returns the mention or nil.
function M.resolve_role(mentions, i, role)
  for k = #mentions, 1, -1 do
    local m = mentions[k]
    if m.last < i and m.entity.roles[role] and m.entity.kind == "person" then return m end
  end
  return nil
end

return M
