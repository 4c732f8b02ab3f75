--- Indirect (reported) speech for the quotes stage.
--
-- Sentence by sentence, outside direct quotations, every speech cue is tried against
-- the reporting patterns of newswire English:
--   NP cue [adverbials] [that] CONTENT        "Park said that ...", "KCNA said the move ..."
--   NP told ADDRESSEE that CONTENT            (addressee cues need "that")
--   CONTENT, NP cue [adverbials].             "..., Park said.", "..., the agency reported."
--   CONTENT, cue NP.                          "..., said the minister."
--   CONTENT, according to NP. / According to NP, CONTENT.
--   ..., adding/saying that CONTENT           (speaker of the clause's main cue)
-- The content stops at the sentence end or where a following attribution starts
-- (", adding that", ", which he called"); a leading dateline ("CITY, June 3 (Agency) -")
-- is left out. Content that is a direct quotation is left to the direct pass; content
-- containing a quoted phrase of three or more words is flagged `mixed`.
--
-- Units: token indices; the stage turns spans into byte offsets.
-- @module docpipe.quotes.indirect

local lex = require "docpipe.quotes.lexicon"
local sp = require "docpipe.quotes.speaker"
local direct = require "docpipe.quotes.direct"

local M = {}

local PREP = { on = true, ["in"] = true, at = true, during = true, after = true, before = true,
  monday = true, tuesday = true, wednesday = true, thursday = true, friday = true,
  saturday = true, sunday = true, yesterday = true, today = true, tonight = true, earlier = true }
local PASSIVE = { is = true, was = true, are = true, were = true, be = true, been = true,
  being = true }
local DASH = { ["\u{2014}"] = true, ["\u{2013}"] = true, ["-"] = true }

-- trim punctuation/quote marks at the ends of a token range
local function trim(T, a, b)
  while a <= b and (T[a].k == "p") do a = a + 1 end
  while b >= a and (T[b].k == "p" or (T[b].k == "q" and T[b].side ~= "open")) do
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

local function words_in(T, a, b)
  local n = 0
  for i = a, b do if T[i].k == "w" then n = n + 1 end end
  return n
end

-- skip a dateline "HALVERTON, June 3 (Newswire) -" at the start of a content range
local function skip_dateline(T, a, b)
  local t = T[a]
  if not (t and t.k == "w" and t.t:find("^%u%u") and t.t == t.t:upper()) then return a end
  for i = a + 1, math.min(b, a + 12) do
    if DASH[T[i].t] then return i + 1 end
  end
  return a
end

-- where does the content after a cue start? returns index or nil
local function content_start(C, ce, b, tag)
  local T, L = C.T, C.L
  local k = ce + 1
  if tag == "addr" then
    for i = k, math.min(b, k + 9) do
      if T[i].t == "," or T[i].k == "q" then return nil end
      if T[i].k == "w" and T[i].low == "that" then return i + 1 end
    end
    return nil
  end
  if T[k] and T[k].k == "w" and T[k].low == "that" then return k + 1 end
  local i = k
  while i <= b and i <= k + 7 and T[i].k == "w" and L.timeword[T[i].low] do i = i + 1 end
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
  for i = a, b do
    if T[i].t == "," and T[i + 1] and i + 1 <= b then
      local ce, tag = lex.match_cue(L, T, i + 1, b)
      if ce and T[i + 1].low:find("ing$") and tag ~= "frag" then return i - 1 end
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

-- does the tail after a cue hold only short adverbials ("on Tuesday", "in a statement",
-- "after the talks")? Then the cue closes the sentence and the content came before it.
local function short_tail(C, from, b)
  local T, L = C.T, C.L
  local n = 0
  for i = from, b do
    local t = T[i]
    if t.t == "," then
      -- ", adding that ..." continues the same speaker; anything else is content
      local nx = T[i + 1]
      if i + 1 > b or not nx then return true end
      return nx.k == "w" and nx.low:find("ing$") ~= nil and lex.match_cue(L, T, i + 1, b) ~= nil
    end
    if t.k == "q" then return false end
    if t.k == "w" then
      if not (L.timeword[t.low] or PREP[t.low] or t.cap) then return false end
      n = n + 1
      if n > 8 then return false end
    end
  end
  return true
end

--- Find reported speech. sentences: list of {a, b} token ranges; indq(i) tells whether
-- token i lies inside a kept direct quotation (from its opening to its closing mark).
-- Returns a list of records {np, cue_first, cue_last, first, last (content tokens),
-- mixed, participle_of}.
function M.find(C, sentences, indq)
  local T, L = C.T, C.L
  local out = {}
  for _, sr in ipairs(sentences) do
    local a, b = sr[1], sr[2]
    -- drop the sentence terminator
    while b >= a and (T[b].k == "p" or (T[b].k == "q" and T[b].side == "close")) and not indq(b) do
      b = b - 1
    end
    local last_rec
    local c = a
    while c <= b do
      local ce, tag = nil, nil
      if not indq(c) then ce, tag = lex.match_cue(L, T, c, b) end
      local prevw = T[c - 1]
      if ce and (tag == "direct" or tag == "frag") then ce = nil end
      if ce and prevw and prevw.k == "w" and PASSIVE[prevw.low] then ce = nil end
      if ce then
        local rec
        local phrase = C.text:sub(T[c].s, T[ce].e):lower()
        if phrase == "according to" then
          local np = sp.fwd(C, ce + 1, b)
          if np then
            local lead = c == a or (c == a + 1 and T[a].k == "w" and T[a].low ~= "that")
            if lead then
              local k = np.last + 1
              while k <= b and T[k].t ~= "," do k = k + 1 end
              if k < b then rec = { np = np, first = k + 1, last = b } end
            elseif T[c - 1].t == "," then
              rec = { np = np, first = a, last = c - 2 }
            end
          end
          if rec then
            -- an appositive after the source is part of the speaker phrase, not content
            rec.cue_first, rec.cue_last = c, ce
          end
        elseif T[c].low:find("ing$") and prevw and prevw.t == "," and last_rec then
          local st = content_start(C, ce, b, tag)
          if st then
            rec = { np = last_rec.np, first = st, last = b, cue_first = c, cue_last = ce,
              participle_of = last_rec }
          end
        else
          local j = sp.skip_adverbs_back(C, c - 1, a)
          local np = sp.back(C, j, a)
          local qb = np and np.first > a and T[np.first - 1]
          if qb and qb.k == "q" and indq(np.first - 1) then
            np = nil  -- attribution of a direct quotation: '"...," Okafor said at ...'
            c = ce
          end
          if np and not indq(np.first) then
            local before = T[np.first - 1]
            if np.first > a and before and before.t == "," and short_tail(C, ce + 1, b) then
              rec = { np = np, first = a, last = np.first - 2, cue_first = c, cue_last = ce }
            else
              local st = content_start(C, ce, b, tag)
              if st then
                rec = { np = np, first = st, last = b, cue_first = c, cue_last = ce }
              end
            end
            if rec and tag == "addr" then rec.cue_last = direct.addressee_end(C, ce, b) end
          elseif not np and prevw and prevw.t == "," and c > a + 2 then
            local np2 = sp.fwd(C, ce + 1, b)
            if np2 and short_tail(C, np2.last + 1, b) then
              rec = { np = np2, first = a, last = c - 2, cue_first = c, cue_last = ce }
            end
          end
        end
        if rec and rec.first == a and last_rec and not rec.participle_of then
          rec = nil  -- content before the cue already belongs to an earlier cue
        end
        if rec then
          rec.last = cut_at_next(C, rec.first, rec.last)
          rec.first = skip_dateline(T, rec.first, rec.last)
          rec.first, rec.last = trim(T, rec.first, rec.last)
          local ok = rec.first <= rec.last and words_in(T, rec.first, rec.last) >= 3
          local inq, qwords = 0, 0
          if ok then
            local open = false
            for i = rec.first, rec.last do
              if indq(i) then inq = inq + 1 end
              if T[i].k == "q" and T[i].fam == "double" then open = not open
              elseif open and T[i].k == "w" then qwords = qwords + 1 end
            end
            if inq > 0 then ok = false end
          end
          if ok then
            rec.mixed = qwords >= 3
            out[#out + 1] = rec
            last_rec = rec
          end
        end
        c = ce + 1
      else
        c = c + 1
      end
    end
  end
  return out
end

return M
