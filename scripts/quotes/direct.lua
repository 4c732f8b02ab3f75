--- Direct quotes: attribution of quotation spans to a speaker phrase and a cue.
--
-- Newswire attribution patterns, tried in this order for every quotation span
-- (docpipe.quotes.marks):
--   after the closing mark, in the same sentence: `”, said NAME` (inverted), `” NAME said`,
--   `” the statement said`, `” —NAME` (dash attribution);
--   before the opening mark: `NAME said: “`, `NAME said, “`, `NAME was blunt: “`,
--   `Mayor NAME: ‘` (headline), a lead-in paragraph ending in a colon, and short quoted
--   phrases after a naming cue (`called the plan “...”`, `which he called “...”`).
-- A quotation with none of these is kept only when it stands as a sentence of its own:
-- it continues the previous quotation's speaker when that quotation is in the same or
-- the previous paragraph, else it is kept without speaker when it has at least
-- `min_words` words. Quoted words inside a sentence with no cue (scare quotes, titles,
-- nicknames) are not speech. Parts of one utterance (a quote interrupted by its
-- attribution, or running over paragraphs) share the speaker of the part that has one.
--
-- Units: token indices; the stage turns spans into byte offsets.
-- @module docpipe.quotes.direct

local lex = require "docpipe.quotes.lexicon"
local sp = require "docpipe.quotes.speaker"

local M = {}

local DASH = { ["\u{2014}"] = true, ["\u{2013}"] = true, ["-"] = true, ["--"] = true }
local CONJ = { ["and"] = true, but = true, ["or"] = true, so = true, yet = true }

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

local function cue_result(C, np, c, ce, how)
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
    if u.low == "that" or L.timeword[u.low] or L.stop[u.low] and not u.cap then break end
    last = k
    n = n + 1
    k = k + 1
  end
  return last or ce
end
M.addressee_end = addressee_end

local function try_post(C, k)
  local T, L = C.T, C.L
  local lo, hi = post_region(C, k)
  if not lo or hi < lo then return nil end
  local i = lo
  while i <= hi and T[i].t == "," do i = i + 1 end
  if i > hi then return nil end
  if DASH[T[i].t] then
    local np = sp.fwd(C, i + 1, hi)
    if np and np.kind == "name" then return cue_result(C, np, i, i, "dash") end
    return nil
  end
  local ce, tag = lex.match_cue(L, T, i, hi)
  if ce and tag ~= "frag" then
    local np = sp.fwd(C, ce + 1, hi)
    if np then return cue_result(C, np, i, ce, "inverted") end
  end
  for c = i, math.min(hi, i + 14) do
    local e2, tag2 = lex.match_cue(L, T, c, hi)
    if e2 and tag2 ~= "frag" then
      local j = sp.skip_adverbs_back(C, c - 1, i)
      local np = sp.back(C, j, i)
      if np and np.first == i then
        if tag2 == "addr" then e2 = addressee_end(C, e2, hi) end
        return cue_result(C, np, c, e2, "post")
      end
      return nil
    end
  end
  return nil
end

local function colon_lead(C, lo, h)
  -- speaker right before the colon: "Mayor Okafor:", "from deputy mayor Rob Tennant:"
  local T = C.T
  local np = sp.back(C, h, lo)
  if np and (np.kind == "name" or np.kind == "pron") then
    return cue_result(C, np, h + 1, h + 1, "colon")
  end
  -- clause subject followed by a few words: "chief executive Paulo Brandt was blunt:"
  local cs = lo
  for i = h, lo, -1 do if T[i].t == "," then cs = i + 1; break end end
  if T[cs] and T[cs].k == "w" and CONJ[T[cs].low] then cs = cs + 1 end
  for j = h - 1, math.max(cs, h - 4), -1 do
    if T[j + 1].k ~= "w" or T[j + 1].cap then break end
    local np2 = sp.back(C, j, cs)
    if np2 and np2.first == cs and (np2.kind == "name" or np2.kind == "pron") then
      return cue_result(C, np2, j + 1, h + 1, "colon")
    end
  end
  return nil
end

local function try_pre(C, k, lo, hi)
  local T, L = C.T, C.L
  if hi < lo then return nil end
  local last = T[hi]
  local colon, comma = last.t == ":", last.t == ","
  local h = (colon or comma) and hi - 1 or hi
  for c = h, lo, -1 do
    local ce, tag = lex.match_cue(L, T, c, h)
    if ce then
      local after = h - ce
      local ok
      if tag == "frag" then ok = after <= 4 and not colon
      elseif colon or comma then ok = after <= 6
      else ok = after == 0 end
      if ok then
        local j = sp.skip_adverbs_back(C, c - 1, lo)
        local np = sp.back(C, j, lo)
        if not np and T[c - 1] and T[c - 1].t == "," and T[c].low:find("ing$") then
          -- "Dean ... poked at Trump, tweeting, <quote>": the clause subject speaks
          local cs = lo
          if T[cs].k == "w" and CONJ[T[cs].low] then cs = cs + 1 end
          np = sp.fwd(C, cs, c - 1)
          if np and np.kind == "role" and not np.role then np = nil end
        end
        if np then
          if tag == "addr" then ce = addressee_end(C, ce, h) end
          return cue_result(C, np, c, ce, tag == "frag" and "frag" or "pre")
        end
      end
      break
    end
  end
  if colon then return colon_lead(C, lo, h) end
  return nil
end

-- lead-in paragraph: "Caddell continued:" / "And from deputy mayor Rob Tennant:"
local function try_lead_para(C, k)
  local T, s = C.T, C.spans[k]
  local o = s.open
  if o <= 1 or T[o - 1].para == s.para or T[o - 1].t ~= ":" then return nil end
  local hi = o - 1
  local lo = hi
  while lo - 1 >= 1 and T[lo - 1].para == T[hi].para and not is_term(T, lo - 1) do lo = lo - 1 end
  for _, q in ipairs(C.spans) do  -- the lead-in must not itself be a quotation
    if q.close and q.close >= lo and q.close < hi then lo = q.close + 1 end
  end
  return try_pre(C, k, lo, hi)
end

--- Attribute every span; returns a list of direct-quote records
-- {span = k, np, cue_first, cue_last, how, group, inherit_from}.
function M.attribute(C)
  local T = C.T
  local out = {}
  local rec_of = {}
  local min_words = C.opts.min_words or 5
  for k, s in ipairs(C.spans) do
    local words = 0
    for i = s.first, s.last do if T[i].k == "w" then words = words + 1 end end
    local plo, phi = pre_region(C, k)
    local r = try_post(C, k)
    if r and phi >= plo and T[phi].k == "w" and words < min_words then
      -- a short quoted title inside a sentence ('on CBS's "Face the Nation," Ryan said
      -- that ...'): speech quoted before its attribution opens its clause
      r = nil
    end
    if not r then r = try_pre(C, k, plo, phi) end
    if not r and phi < plo then r = try_lead_para(C, k) end
    local post_lo, post_hi = post_region(C, k)
    local alone = phi < plo and (not post_lo or post_hi < post_lo)
    local rec = { span = k, words = words, alone = alone }
    if r then
      for key, v in pairs(r) do rec[key] = v end
      if r.how == "frag" and words > 12 then rec = nil end
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
  -- groups: paragraph-open chains and quotes split by their attribution
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
  end
  -- share attribution within a group (nearest attributed part, later parts first)
  -- a part that opens its paragraph right after an attributed quote of the same
  -- paragraph continues that quote's speaker rather than the group's
  for idx, rec in ipairs(out) do
    local prev = out[idx - 1]
    if rec.unattributed and rec.alone and prev and not prev.unattributed
      and C.spans[prev.span].para == C.spans[rec.span].para then
      rec.inherit_from = prev
      rec.continuation = true
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
          if cand and not cand.unattributed then rec.inherit_from = cand; break end
        end
        for d = 1, #parts do
          if rec.inherit_from then break end
          local cand = parts[pi - d]
          if cand and not cand.unattributed then rec.inherit_from = cand end
        end
      end
    end
  end
  -- continuation and stand-alone quotes
  local function person_subject(sent_id, para)
    for _, m in ipairs(C.mentions) do
      if m.sent == sent_id and m.para == para and m.salient and not m.inq
        and m.entity.kind == "person" then return m end
    end
    return nil
  end
  local kept = {}
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
        rec.continuation = true
      elseif subj and rec.alone and not (ps and ps.para == s.para
          and T[ps.close or ps.last].sent == open_sent - 1) then
        rec.subject_mention = subj
      elseif prev and ps.para == s.para - 1 and rec.alone and para_initial then
        rec.inherit_from = prev
        rec.continuation = true
      elseif rec.words >= min_words and (rec.alone or s.group_next) then
        rec.standalone = true
      else
        rec.drop = true
      end
    end
    if not rec.drop then
      kept[#kept + 1] = rec
      prev = rec
    end
  end
  return kept
end

return M
