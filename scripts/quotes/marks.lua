--- Quote-mark pairing for the quotes stage.
--
-- Finds the spans between opening and closing quotation marks, paragraph by paragraph:
-- curly double quotes, guillemets and straight double quotes (straight marks are paired
-- by order, as typesetters do), with quotes of another style nested inside kept as text.
-- Single quotes count as top-level quotation marks only when an opening mark stands at
-- a word start and a closing mark can be found that is not an apostrophe (a closing
-- mark after , . ? ! or at the paragraph end wins over a plural possessive like
-- "traders'"). A double quote left open at the end of its paragraph is a paragraph-open
-- quote: when the next paragraph opens with a quote mark the two become parts of one
-- utterance (the newswire convention for quotes running over paragraphs). In text whose
-- paragraph breaks were lost, a straight mark shaped as an opening one (space before,
-- word after) right after a full stop opens the next quote, and the quote before it is
-- taken as running over the lost break. A single mark followed by a double mark that
-- closes nothing opened after it (`'Arrow" and`) is a typo, not a quotation.
--
-- `inner` finds the quotations nested inside a span (for nested quotes with a speaker of
-- their own).
--
-- Units: token indices into the list of docpipe.quotes.text, and 1-based inclusive
-- byte offsets (inner_s, inner_e) of the text between the marks, trimmed.
-- @module docpipe.quotes.marks

local last_byte = require("docpipe.quotes.text").last_byte

local M = {}

-- words that follow a closing quotation mark but not a plural possessive ("Shootings’ in")
local FUNCTION_WORD = { ["in"] = true, at = true, on = true, to = true, ["for"] = true,
  from = true, with = true, by = true, ["of"] = true, ["and"] = true, ["or"] = true,
  but = true, is = true, was = true, are = true, were = true, as = true, that = true,
  which = true, who = true, after = true, before = true, during = true, over = true,
  under = true, into = true, about = true, than = true, this = true, last = true }

local function is_open_ctx(T, i)
  -- a mark that begins a quotation: at paragraph start or after space/opening punctuation
  local prev = T[i - 1]
  if not prev or prev.para ~= T[i].para or T[i].ws then return true end
  return prev.k == "p" and (prev.t == "(" or prev.t == "[" or prev.t == "\u{2014}"
    or prev.t == "\u{2013}" or prev.t == "-" or prev.t == ":")
end

local function next_is_word(T, i)
  local nx = T[i + 1]
  return nx and nx.para == T[i].para and not nx.ws and (nx.k == "w" or nx.k == "q")
end

-- Can the single mark at i close a quotation? (preceded by non-space, not followed
-- by a word character)
local function single_close_ok(T, i)
  local t = T[i]
  if t.side == "open" or t.ws then return false end
  local nx = T[i + 1]
  if nx and nx.para == t.para and not nx.ws and nx.k == "w" then return false end
  return true
end

-- How good a closing candidate is: 2 = after , . ? ! or before the paragraph end or
-- before , . ; :, 1 = other, 0 = looks like a plural possessive (s' word)
local function single_close_rank(T, i)
  local prev, nx = T[i - 1], T[i + 1]
  if prev and prev.k == "p" and prev.t:find("^[,%.%?!]$") then return 2 end
  if not nx or nx.para ~= T[i].para then return 2 end
  if nx.k == "p" and nx.t:find("^[,%.;:%?!]$") then return 2 end
  if nx.k == "q" then return 2 end
  if prev and prev.k == "w" and prev.t:find("s$") and nx.k == "w" and not nx.cap
    and not FUNCTION_WORD[nx.low] then
    return 0
  end
  return 1
end

local function new_span(T, open, close, style, para)
  local s = last_byte(T[open]) + 1
  local e = close and T[close].s - 1 or nil
  -- the fields named nil give the table room for those find sets later, so that it is
  -- not rehashed on the way
  return { open = open, close = close, style = style, para = para,
    first = open + 1, last = close and close - 1 or nil, inner_s = s, inner_e = e,
    closed = nil, straight = nil, run_on = nil, group_next = nil }
end

-- the first token in [lo, hi] whose paragraph comes after paragraph p (paragraph
-- indices never decrease along the tokens); hi + 1 when there is none
local function para_after(T, lo, hi, p)
  hi = hi + 1
  while lo < hi do
    local mid = (lo + hi) // 2
    if T[mid].para <= p then lo = mid + 1 else hi = mid end
  end
  return lo
end

--- Find quotation spans. T: tokens, paras: paragraph spans (from docpipe.quotes.text);
-- qpos (optional): the indices of the quote-mark tokens, ascending (the tokenizer's
-- found.quote), so that only those are visited.
-- Returns a list of spans in text order:
-- {open, close (token index or nil when left open), first, last (inner token range),
--  inner_s, inner_e (bytes), style ("double"/"single"), para, closed, group_next}
function M.find(T, paras, text, qpos)
  local spans = {}
  local n = #T
  local i = 1
  local qi = 1
  local cur          -- open top-level double span
  -- double quotations opened inside the open span and not closed yet (only double marks
  -- nest: a count, where a stack of their families was kept)
  local nested = 0
  local function finish_para(last_tok)
    if cur then
      cur.last = last_tok
      cur.inner_e = T[last_tok] and last_byte(T[last_tok]) or cur.inner_s - 1
      cur.closed = false
      if cur.last >= cur.first then spans[#spans + 1] = cur end
      cur = nil
    end
    nested = 0
  end
  while i <= n do
    if qpos then
      -- the tokens before the next mark matter only as the end of an open span's paragraph
      while qpos[qi] and qpos[qi] < i do qi = qi + 1 end
      local nq = qpos[qi] or n + 1
      if cur and (nq > n or T[nq].para ~= cur.para) then
        local x = para_after(T, i, nq - 1, cur.para)
        if x <= nq - 1 or nq <= n then finish_para(x - 1) end
      end
      if nq > n then break end
      i = nq
    end
    local t = T[i]
    if cur and t.para ~= cur.para then finish_para(i - 1) end
    if t.k == "q" then
      if cur then
        if t.fam == "double" then
          local straight = t.side == "both"
          if nested > 0 and (t.side == "close" or (straight and not is_open_ctx(T, i))) then
            nested = nested - 1
          elseif t.side == "open" or (straight and cur.straight == false and is_open_ctx(T, i)
              and next_is_word(T, i)) then
            nested = nested + 1
          elseif straight and t.ws and next_is_word(T, i) and T[i - 1].k == "p"
              and (T[i - 1].t == "." or T[i - 1].t == "?" or T[i - 1].t == "!") then
            -- 'people. "Apart from': a mark shaped as an opening one after a full stop
            -- opens the next quote; the one before ran over a paragraph break that the
            -- text has lost, so it stays open and the two are one utterance
            cur.last = i - 1
            cur.inner_e = last_byte(T[i - 1])
            cur.closed, cur.run_on = false, true
            if cur.last >= cur.first then spans[#spans + 1] = cur end
            cur = new_span(T, i, nil, "double", t.para)
            cur.straight = true
            nested = 0
          elseif t.side == "close" or straight then
            cur.close, cur.last, cur.inner_e = i, i - 1, t.s - 1
            cur.closed = true
            if cur.last >= cur.first then spans[#spans + 1] = cur end
            cur, nested = nil, 0
          end
        end
        -- single marks inside a double quote are text
      elseif t.fam == "double" and (t.side == "open" or (t.side == "both" and (is_open_ctx(T, i)
          or next_is_word(T, i)))) then
        cur = new_span(T, i, nil, "double", t.para)
        cur.straight = t.side == "both"
      elseif t.fam == "single" and t.side ~= "close" and is_open_ctx(T, i) and next_is_word(T, i) then
        -- look for the best closing single mark in the paragraph
        local best, best_rank
        local j = i + 1
        local ddepth = 0   -- double marks opened inside the candidate span
        while j <= n and T[j].para == t.para do
          local u = T[j]
          if u.k == "q" and u.fam == "double" then
            -- 'Arrow" and ...: a double mark closing what was never opened inside means
            -- the single mark was a typo for a double one, not a quotation of its own
            if u.side == "open" or (u.side == "both" and is_open_ctx(T, j) and next_is_word(T, j)) then
              ddepth = ddepth + 1
            else
              ddepth = ddepth - 1
              if ddepth < 0 then best = nil; break end
            end
          end
          if u.k == "q" and u.fam == "single" and single_close_ok(T, j) then
            local r = single_close_rank(T, j)
            if r == 2 then best, best_rank = j, r; break end
            if r == 1 and not best then best, best_rank = j, r end
          end
          if u.k == "q" and u.fam == "single" and u.side ~= "close" and is_open_ctx(T, j)
            and next_is_word(T, j) and best then break end
          j = j + 1
        end
        if best and best > i + 1 then
          local sp = new_span(T, i, best, "single", t.para)
          sp.closed = true
          spans[#spans + 1] = sp
          i = best
        end
      end
    end
    i = i + 1
  end
  finish_para(n)
  -- trim inner offsets to non-space text and link paragraph-open quotes
  for k, sp in ipairs(spans) do
    if sp.first <= sp.last then
      sp.inner_s = T[sp.first].s
      sp.inner_e = last_byte(T[sp.last])
    end
    local nx = spans[k + 1]
    if not sp.closed and nx and nx.para == sp.para + 1 and T[nx.open].s == paras[nx.para].s then
      sp.group_next = k + 1
    elseif sp.run_on and nx and nx.open == sp.last + 1 then
      sp.group_next = k + 1
    end
  end
  return spans
end

--- Quotations nested inside span sp (marks of either family, paired inside the span):
-- a list of {open, close, first, last, inner_s, inner_e} in text order.
-- qpos (optional): the indices of the quote-mark tokens, ascending (the tokenizer's
-- found.quote): only those are visited, so that a quotation holding no mark costs a
-- lookup instead of a walk over its words (the stage asks this of every direct quote).
function M.inner(T, sp, qpos)
  local out = {}
  local first, last = sp.first, sp.last
  if not (first and last) then return out end
  -- the marks inside the span: qpos[qa .. qb], or every token when qpos is not given
  local qa, qb
  if qpos then
    local lo, hi = 1, #qpos + 1   -- the first mark at or after first (binary search)
    while lo < hi do
      local mid = (lo + hi) // 2
      if qpos[mid] < first then lo = mid + 1 else hi = mid end
    end
    qa, qb = lo, lo - 1
    while qpos[qb + 1] and qpos[qb + 1] <= last do qb = qb + 1 end
  end
  local function at(x) if qpos then return qpos[x] end return x end
  local x, x_end = qa or first, qb or last
  while x <= x_end do
    local i = at(x)
    local t = T[i]
    if t.k == "q" and t.side ~= "close" and is_open_ctx(T, i) and next_is_word(T, i) then
      -- the closing mark: the first of the same family in the paragraph (paragraphs
      -- only grow along the tokens, so the first mark of a later one ends the search)
      local close, y = nil, x + 1
      while y <= x_end do
        local j = at(y)
        local u = T[j]
        if u.para ~= t.para then break end
        if u.k == "q" and u.fam == t.fam and u.side ~= "open"
          and (t.fam == "double" or single_close_ok(T, j)) then
          close = j
          break
        end
        y = y + 1
      end
      if close and close > i + 1 then
        out[#out + 1] = { open = i, close = close, first = i + 1, last = close - 1,
          inner_s = T[i + 1].s, inner_e = last_byte(T[close - 1]) }
        x = y
      end
    end
    x = x + 1
  end
  return out
end

return M
