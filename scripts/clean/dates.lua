--- Timestamps on news pages: recognise a timestamp line and turn it into ISO 8601.
--
-- Method: find the parts separately (a calendar date written with a month name,
-- "January 10, 2012" / "10 January 2012" / "Jan. 10, 2012" / "3rd June 2024", ISO
-- "2012-01-10" or "2024-06-03T14:05:00Z", or numeric "03/06/2024", "3.6.2024",
-- "2024/06/03"; a numeric date reads day first when its first number is over 12, month
-- first when its second is; year first with dots, "2026.02.17" or "2026. 2. 17."; otherwise a dotted date ("03.12.2025") reads day first, then
-- a zone on the same line decides ("07/04/2026 06:00 BST" day first, "02/10/2026 3:45
-- PM CST" month first: the third field of en/clean_timezones.txt), then the page's habit
-- (`day_first`, see day_first_hint: its numeric dates that tell, "30.04.2026", else the
-- order of its month-name dates, else its time zones; the stage option numeric_dates
-- passes "dmy" or "mdy", which overrides every clue); a clock
-- time "9:45 AM", "9.45pm", "21:45", "9 a.m." or the newswire military form "0339 GMT";
-- a zone abbreviation from en/clean_timezones.txt, or "GMT+1" / "UTC-05:00" with its
-- offset; a year glued to the time by a save as text, "November 29, 20263:05 PM", is
-- read apart, and so is a month glued to the word before it, "Associated PressDecember
-- 2, 2016", on a line), then combine them. A zone given by
-- its daylight-saving rule (ET, PT, UK...) is resolved for that date with the US rules
-- (second Sunday of March to first Sunday of November, 2007 on; first Sunday of April
-- to last Sunday of October before) or the EU rules (last Sunday of March to last Sunday
-- of October). Output follows the contract: "YYYY-MM-DDTHH:MM:SS+HH:MM" when the page
-- gives a time and a zone, "YYYY-MM-DD" otherwise.
-- A line is a timestamp line when, once the date, time, zone and the words of
-- en/clean_timestamp_words.txt are taken out, at most one other word is left, or an
-- outlet's credit opens it: one to four capitalised words closed by a word of a
-- publication's name (en/clean_outlet_words.txt), "Associated Press December 2, 2016".
-- A relative
-- time ("Updated 2 hours ago", "yesterday", also with a reading time: "2 days ago · 4
-- min read") is recognised as a header line but gives no date: the page's absolute timestamp is used instead. A clock line ("9:05 AM MYT", a
-- time and perhaps its zone alone) is recognised so that the stage can read it with the
-- date printed on the line above.
-- A line of fields set apart by bars or dots gives the date of its field labelled as a
-- publication date (en/clean_date_published_labels.txt: "Media release | Date of
-- publication: 3 February 2026 | Reference: ...", "Posted: 12 September 2025 19:30 BST
-- | Category: Comets"; field_published), not of an "updated" field; a line of one such
-- label and a timestamp ("For immediate release: 09/14/2025") is a timestamp line. A
-- blog engine's footer, "This entry was posted on Thursday, May 7, 2026 at 10:14 am and
-- is filed under News." (WordPress), gives its date only (entry_posted).
-- A month and day with no year ("Nov. 28 at 3:57 PM", yearless) take the year the page
-- writes beside that same month and day, only when every such date has the same year
-- and no later year is written on the page.
-- The UTC offset of a zone is worked out by parse only (a line is often only tested).
-- Units: positions are 1-based inclusive byte offsets into the string given.

local dp = require "docpipe"
local normalize = require "docpipe.clean.normalize"
local lists = require "docpipe.clean.lists"

local re = dp.re
local A = normalize.ascii_boundaries
-- a date or clock pattern whose numbers go to tonumber: ASCII digits only (a Unicode
-- digit would match \d and then read as nil)
local function AD(p) return normalize.ascii_digits(A(p)) end
local fmt = string.format
local sub, concat, find = string.sub, table.concat, string.find
local byte = string.byte
local ulen = utf8.len -- (equal to the byte length only for ASCII)
local tonumber = tonumber
local clock_mask, stamp_words, has_any = dp.cleanc.clock_mask, dp.cleanc.stamp_words, dp.cleanc.has_any
local new_table = dp.text.table
-- four ASCII digits in a row (a PCRE2 scan: Lua's "%d%d%d%d" costs some 150
-- instructions a byte, the JIT a few)
local rx_year4 = re.compile("[0-9]{4}")

local function load_months(lang)
  local forms, alts = {}, {}
  for _, line in ipairs(dp.data.list(lang .. "/clean_months.txt")) do
    local num, rest = line:match("^(%d+)%s+(.+)$")
    if num then
      for w in rest:gmatch("%S+") do
        forms[w:lower()] = tonumber(num)
        alts[#alts + 1] = w
      end
    end
  end
  table.sort(alts, function(a, b) return #a > #b end)
  return forms, table.concat(alts, "|")
end

-- the zones (abbreviation -> offset or rule), the regex alternation of their
-- abbreviations, and the order of numeric dates on pages writing each: "dmy" unless the
-- line's third field says "mdy" (the US and Canada) or "any" (UTC)
local function load_zones(lang)
  local zones, alts, order = {}, {}, {}
  for _, line in ipairs(dp.data.list(lang .. "/clean_timezones.txt")) do
    local abbr, off, o = line:match("^(%S+)%s+(%S+)%s*(%S*)")
    if abbr then
      zones[abbr:upper()] = off
      order[abbr] = o ~= "" and o or "dmy"
      alts[#alts + 1] = abbr
    end
  end
  table.sort(alts, function(a, b) return #a > #b end)
  return zones, table.concat(alts, "|"), order
end

-- the zones read only right after a clock time ("3:40pm NFT"), never elsewhere on the
-- line: the fourth field "clock" of en/clean_timezones.txt (a zone whose letters also
-- spell a common capitals word, NFT the non-fungible token)
-- (and, as a second set, the zones read only when the page's evidence gives them, the
-- fourth field "page": en/clean_meta_zone_readings.txt, P:page_zones)
local function load_clock_zones(lang)
  local set, page_only = {}, {}
  for _, line in ipairs(dp.data.list(lang .. "/clean_timezones.txt")) do
    local abbr, f4 = line:match("^(%S+)%s+%S+%s+%S+%s+(%S+)")
    if f4 == "clock" then set[abbr] = true elseif f4 == "page" then page_only[abbr] = true end
  end
  return set, page_only
end

-- day of week, 0 = Sunday (Sakamoto's method)
local WEEKDAY_T = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 }
local function weekday(y, m, d)
  local t = WEEKDAY_T
  if m < 3 then y = y - 1 end
  return (y + y // 4 - y // 100 + y // 400 + t[m] + d) % 7
end

local DAYS = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
local function days_in_month(y, m)
  local dm = DAYS
  if m == 2 and ((y % 4 == 0 and y % 100 ~= 0) or y % 400 == 0) then return 29 end
  return dm[m]
end

-- n-th (1-based) Sunday of a month, or the last one when n == -1
local function sunday(y, m, n)
  if n == -1 then
    local last = days_in_month(y, m)
    return last - weekday(y, m, last)
  end
  local first = 1 + (7 - weekday(y, m, 1)) % 7
  return first + 7 * (n - 1)
end

-- is local date/time (y,m,d,h) inside daylight saving time under rule
local function in_dst(rule, y, m, d, h)
  local key = m * 10000 + d * 100 + h
  if rule:match("^us%-") then
    local s, e
    if y >= 2007 then
      s = 3 * 10000 + sunday(y, 3, 2) * 100 + 2
      e = 11 * 10000 + sunday(y, 11, 1) * 100 + 2
    else
      s = 4 * 10000 + sunday(y, 4, 1) * 100 + 2
      e = 10 * 10000 + sunday(y, 10, -1) * 100 + 2
    end
    return key >= s and key < e
  else -- eu rules, switching at 01:00 UTC, approximated in local time
    local s = 3 * 10000 + sunday(y, 3, -1) * 100 + 1
    local e = 10 * 10000 + sunday(y, 10, -1) * 100 + 1
    return key >= s and key < e
  end
end

local RULES = {
  ["us-eastern"] = { -5, -4 }, ["us-central"] = { -6, -5 },
  ["us-mountain"] = { -7, -6 }, ["us-pacific"] = { -8, -7 },
  ["eu-western"] = { 0, 1 }, ["eu-central"] = { 1, 2 },
}

local function resolve_offset(off, y, m, d, h)
  if off:match("^[+-]%d%d:%d%d$") then return off end
  local r = RULES[off]
  if not r then return nil end
  local hours = in_dst(off, y, m, d, h or 12) and r[2] or r[1]
  return fmt("%s%02d:00", hours < 0 and "-" or "+", math.abs(hours))
end

-- The UTC offset "+HH:MM" of a sign, hours and minutes written after GMT or UTC or a
-- clock ("+1", "-05:00", "+0530"; om "" when none), or nil when no zone has it: hours
-- past 14, minutes past 59 or not two digits
local function utc_offset(sign, oh, om)
  local h = tonumber(oh)
  if not h or h > 14 or not (om == "" or #om == 2 and tonumber(om) <= 59) then return nil end
  return fmt("%s%02d:%s", sign, h, om ~= "" and om or "00")
end

-- a zone followed by its offset from GMT or UTC, in brackets or after a comma ("AST
-- (GMT+3)", "(UZT, UTC+05:00)"): the offset written is the zone's (round 30); sets
-- r.offset and gives the end of what was read (zb when nothing follows the zone)
local function zone_offset_after(r, s, zb)
  local c = byte(s, zb + 1)
  if c ~= 32 and c ~= 44 and c ~= 40 then return zb end
  local g, sign, oh, om, after = s:match("^[%s,]*%(?%s*([GU][MT][TC])([+-])(%d%d?):?(%d?%d?)%)?()", zb + 1)
  local off = (g == "GMT" or g == "UTC") and utc_offset(sign, oh, om)
  if not off then return zb end
  r.offset = off
  return after - 1
end

local M = {}

--- Build a parser for a language (data files under LANG/).
-- @param published_extra optional list of more labels of a publication date in a line
--   of fields (the stage option published_labels)
-- @return parser table with :parse(s) and :is_timestamp(s)
function M.new(lang, published_extra)
  lang = lang or "en"
  local months, month_alt = load_months(lang)
  local zones, zone_alt, zone_order = load_zones(lang)
  local clock_zones, page_only_zones = load_clock_zones(lang)
  local tswords = {}
  for _, w in ipairs(dp.data.list(lang .. "/clean_timestamp_words.txt")) do tswords[w:lower()] = true end
  -- words of a publication's name (en/clean_outlet_words.txt): an outlet's credit
  -- opening a timestamp line ("Associated Press December 2, 2016")
  local outlet_words = {}
  for _, w in ipairs(dp.data.list(lang .. "/clean_outlet_words.txt")) do outlet_words[w:lower()] = true end
  local rx_credit = re.compile("^\\s*(\\p{Lu}[\\p{L}.&'’-]*(?:\\s+\\p{Lu}[\\p{L}.&'’-]*){0,3})[\\s,|·•–—-]*$")

  local P = {}
  -- month-name dates
  -- (a year may run into the time when a page is saved as text: "November 29, 20263:05 PM")
  local year_end = "(?:\\b|(?=\\d{1,2}[:.]\\d\\d))"
  local rx_mdy = re.compile(AD("\\b(" .. month_alt .. ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,\\s*|\\s+)(\\d{4})" .. year_end), "i")
  local rx_dmy = re.compile(AD("\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" .. month_alt .. ")\\.?,?\\s+(\\d{4})" .. year_end), "i")
  local rx_num = re.compile(AD("(?<![\\d.:/-])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})(?![\\d/-]|\\.\\d)"))
  local rx_ymd = re.compile(AD("\\b(\\d{4})/(\\d{1,2})/(\\d{1,2})\\b"))
  -- year first with dots, as Lithuanian, Hungarian, Korean and Chinese sites write it:
  -- "2026.02.17" (two-digit month and day) or "2026. 2. 17." (a space after each dot
  -- and a dot closing the day); a year of this century or the last only, and no dot
  -- and digit after it nor a digit, dot, "v" or "version " before it ("2026.02.17.3",
  -- "v2024.10.05", "Release 2024.10.05", "10.2024.10.05": a version number or an
  -- address, no date)
  local rx_ymd_dot = re.compile(AD("(?<![\\d.vV])(?<![Vv]ersion )(?<![Rr]elease )(?<![Bb]uild )((?:19|20)\\d\\d)(?:\\.(\\d\\d)\\.(\\d\\d)|\\.\\s(\\d{1,2})\\.\\s(\\d{1,2})\\.)(?!\\d|\\.\\d)"))
  -- day first with a space after each dot, as Slovene, Czech, Slovak and Croatian sites
  -- write it: "17. 9. 2024" (no dot and digit before it, no digit after the year)
  local rx_dmy_spaced = re.compile(AD("(?<![\\w.])(\\d{1,2})\\.\\s(\\d{1,2})\\.\\s((?:19|20)\\d\\d)(?![\\d]|\\.\\d)"))
  local rx_iso = re.compile(AD("\\b(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?(Z|[+-]\\d{2}:?\\d{2})?)?\\b"))
  -- clock times
  local rx_ampm = re.compile(AD("\\b(\\d{1,2})(?:[:.](\\d{2}))?(?::(\\d{2}))?\\s*([ap])\\.?\\s?m\\b\\.?"), "i")
  local rx_24 = re.compile(AD("\\b(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?\\b"))
  -- (the hour and its minutes set apart by an "h", as French, Portuguese and Spanish
  -- pages write a clock: "11h30", "18h45", "9h"; a bare hour not before "ago" or a
  -- digit, "3h ago" being an age: rx_hclock, read when no other clock is)
  local rx_hclock = re.compile(AD("(?<![\\d.,:])([01]?\\d|2[0-3])h(?:([0-5]\\d)|(?!\\s*(?:ago\\b|read\\b|left\\b|\\d)))(?![\\p{L}\\d])"), "i")
  local rx_mil = re.compile(AD("\\b([01]\\d|2[0-3])([0-5]\\d)\\s*(?:hrs?\\s*)?(?=(?:" .. zone_alt .. ")\\b)"))
  local rx_zone = re.compile(A("\\b(" .. zone_alt .. ")\\b"))
  local rx_zone_paren = re.compile(A("\\(\\s*(?:\\d{1,4}(?:[:.]\\d{2})?\\s*(?:[ap]\\.?m\\.?)?\\s*)?(?:" .. zone_alt .. ")\\s*\\)"), "i")

  --- Find the date parts in s.
  -- @return table {y,m,d,h,mi,s,zone,offset,spans={{s,e},...}} or nil (offset only for
  --   an ISO 8601 time with its own; P:parse works it out from the zone)
  -- r.zone = z, the abbreviation at s[za..zb] (its offset is worked out by P:parse: a
  -- line is often only tested), and "GMT+1", "UTC-05:00": the offset written after it
  -- (perhaps after one space, "GMT -0330", "UTC +05:30"; a sign then a digit, so the
  -- dash of "10:15 GMT - The council" is none)
  local function set_zone(r, s, za, zb, z)
    r.zone = z
    local sign, oh, om, after = s:match("^ ?([+-])(%d%d?):?(%d?%d?)()", zb + 1)
    if sign and (z:upper() == "GMT" or z:upper() == "UTC") then
      r.offset = utc_offset(sign, oh, om)
      if not r.offset then
        -- an offset no zone has ("GMT+99", "UTC+15", "GMT+5:75"): the page gives no
        -- zone that can be read, so the date stands alone (never GMT's +00:00)
        r.zone = nil
      end
      zb = after - 1
    else
      zb = zone_offset_after(r, s, zb)
    end
    r.spans[#r.spans + 1] = { za, zb }
  end

  -- a month glued to the end of a word by a page saved as text ("Associated
  -- PressDecember 2, 2016"): its capital after a lower-case letter, a day and a year
  local rx_glued = re.compile(AD("(?<=\\p{Ll})(?=\\p{Lu})(?=(?i:" .. month_alt .. ")\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4})"))
  -- (cheap test first: a lower-case letter before a month's first capital)
  local firsts = {}
  for w in pairs(months) do firsts[w:sub(1, 1):upper()] = true end
  -- (as one PCRE2 class test, "[a-z][ADFJMNOS][a-z]": the Lua pattern %l[...]%l, the
  -- same bytes, costs several times more on a line of a hundred bytes)
  local caps = ""
  for c in pairs(firsts) do if c:find("^%u$") then caps = caps .. c end end
  local glued_at = caps ~= "" and re.compile("[a-z][" .. caps .. "][a-z]") or nil
  -- the order of an ambiguous numeric date ("07/04/2026") on line s: the stage option
  -- ("dmy" or "mdy") first; a dotted date ("03.12.2025") is day first, the dotted form
  -- being European; a zone on the line reads by its order in en/clean_timezones.txt
  -- ("BST" day first, "CST" month first, "UTC" either way); else the page's habit
  -- (day_first true or false: day_first_hint)
  local function ambiguous_order(s, sep, day_first)
    if day_first == "dmy" then return true elseif day_first == "mdy" then return false end
    if sep == "." then return true end
    local pos = 1
    while true do
      local _, zb, z = rx_zone:find(s, pos)
      if not zb then break end
      local o = zone_order[z]
      if o == "dmy" then return true elseif o == "mdy" then return false end
      pos = zb + 1
    end
    return day_first and true or false
  end
  local find_date
  function P:find(s, day_first)
    -- (every date form read has a year of four ASCII digits: a line without four digits
    -- in a row is ruled out by one scan instead of five regular expressions)
    if not rx_year4:find(s) then return nil end
    local r = find_date(self, s, day_first)
    -- (only when no date was read on a line, not a page: a space is put at the
    -- junction, and the spans are given back in s's positions)
    if r or #s > 160 or not (glued_at and glued_at:find(s)) then return r end
    local k = rx_glued:find(s)
    if not k then return nil end
    r = find_date(self, sub(s, 1, k - 1) .. " " .. sub(s, k), day_first)
    if not r then return nil end
    for _, sp in ipairs(r.spans) do
      if sp[1] > k then sp[1] = sp[1] - 1 end
      if sp[2] >= k then sp[2] = sp[2] - 1 end
    end
    if r.iso_end and r.iso_end >= k then r.iso_end = r.iso_end - 1 end
    return r
  end
  function find_date(self, s, day_first)
    -- (made with room for the fields set below and by P:parse, spans, y, m, d, h, mi,
    -- s, zone, offset...: a table that grows is rebuilt at 2, 4, 8 keys and, its keys
    -- colliding, often at 8 already; the spans are one to three)
    local r = new_table(0, 16)
    r.spans = new_table(3, 0)
    local a, b, c1, c2, c3 = rx_mdy:find(s)
    if a then
      r.m, r.d, r.y = months[c1:lower()], tonumber(c2), tonumber(c3)
    else
      a, b, c1, c2, c3 = rx_dmy:find(s)
      if a then
        r.d, r.m, r.y = tonumber(c1), months[c2:lower()], tonumber(c3)
      end
    end
    if a then
      r.spans[#r.spans + 1] = { a, b }
    else
      local ia, ib, y, mo, d, hh, mm, ss, z = rx_iso:find(s)
      if ia then
        r.y, r.m, r.d = tonumber(y), tonumber(mo), tonumber(d)
        r.spans[#r.spans + 1] = { ia, ib }
        -- (a clock no day has, "24:30", "12:75", gives the date alone; so does an offset
        -- no zone has, "+99:99", "-25:00", "+14:01": never a time written as it came)
        if hh and tonumber(hh) <= 23 and tonumber(mm) <= 59 and tonumber(ss or 0) <= 60 then
          r.h, r.mi, r.s = tonumber(hh), tonumber(mm), tonumber(ss or 0)
          r.iso_end = ib
          if z then
            if z == "Z" then r.offset = "+00:00"
            else
              -- (and no later than +14:00, the easternmost zone: "+14:01" is none)
              local off = utc_offset(z:sub(1, 1), z:sub(2, 3), z:sub(-2))
              if off and (tonumber(z:sub(2, 3)) < 14 or z:sub(-2) == "00") then r.offset = off end
            end
          end
        end
      else
        local na, nb, x1, sep, x2, yy = rx_num:find(s)
        if na then
          x1, x2 = tonumber(x1), tonumber(x2)
          local dfirst
          if x1 > 12 then dfirst = true
          elseif x2 > 12 then dfirst = false
          else dfirst = ambiguous_order(s, sep, day_first) end
          if dfirst then r.d, r.m = x1, x2 else r.m, r.d = x1, x2 end
          r.y = tonumber(yy)
          r.spans[#r.spans + 1] = { na, nb }
        else
          na, nb, yy, x1, x2 = rx_ymd:find(s)
          if not na then
            local m1, d1, m2, d2
            na, nb, yy, m1, d1, m2, d2 = rx_ymd_dot:find(s)
            if not na then
              -- (or day first with a space after each dot: rx_dmy_spaced)
              na, nb, x2, x1, yy = rx_dmy_spaced:find(s)
              if not na then return nil end
              m1 = x1
            end
            x1, x2 = m1 or m2, d1 or d2 or x2
          end
          r.y, r.m, r.d = tonumber(yy), tonumber(x1), tonumber(x2)
          r.spans[#r.spans + 1] = { na, nb }
        end
      end
    end
    if not (r.m and r.d and r.y) or r.m < 1 or r.m > 12 or r.d < 1 or r.d > days_in_month(r.y, r.m) then
      return nil
    end
    if not r.h then
      -- a clock time anywhere on the line (outside the date itself)
      -- (the line with the date blanked out, made in one C call; none when no ASCII
      -- digit stands outside the date, "May 20, 2024", "Posted on June 3, 2024 by
      -- NAME": rx_ampm, rx_mil and rx_24 each need one, so no clock time is read)
      local masked = clock_mask(s, r.spans[1][1], r.spans[1][2])
      if not masked then return r end
      local ta, tb, h, mi, sec, ap = rx_ampm:find(masked)
      if ta and (mi or ap) then
        h = tonumber(h)
        -- (ap is the one letter of "([ap])" read case-insensitively: a, A, p or P)
        if (ap == "p" or ap == "P") and h < 12 then h = h + 12 end
        if (ap == "a" or ap == "A") and h == 12 then h = 0 end
        r.h, r.mi, r.s = h, tonumber(mi or 0), tonumber(sec or 0)
      else
        ta, tb, h, mi = rx_mil:find(masked)
        if not ta then ta, tb, h, mi, sec = rx_24:find(masked) end
        if not ta and find(masked, "%dh") then ta, tb, h, mi = rx_hclock:find(masked); mi = mi or "0" end
        if ta then r.h, r.mi, r.s = tonumber(h), tonumber(mi), tonumber(sec or 0) end
      end
      if ta then
        if r.h > 23 or r.mi > 59 then
          r.h, r.mi, r.s = nil, nil, nil
        else
          r.spans[#r.spans + 1] = { ta, tb }
          -- the zone: the first abbreviation after the time, else anywhere on the line
          local za, zb, z = rx_zone:find(masked, tb + 1)
          if not za then za, zb, z = rx_zone:find(masked) end
          if za and clock_zones[z] and (za <= tb or find(sub(masked, tb + 1, za - 1), "[^%s(]")) then za = nil end
          if za and page_only_zones[z] and not (self.zone_page and self.zone_page[z]) then za = nil end
          if za then set_zone(r, masked, za, zb, z)
          elseif byte(masked, tb + 2) == 43 or byte(masked, tb + 2) == 45 then
            -- (or a numeric offset right after the time, "14:05:00 +0600" as RFC 2822
            -- writes it, "08:15 +08:00"; round 29)
            local sign, oh, om, after = masked:match("^ ([+-])([01]%d):?([0-5]%d)()", tb + 1)
            local off = sign and not find(masked, "^[%d:]", after) and utc_offset(sign, oh, om)
            if off then
              r.offset = off
              r.spans[#r.spans + 1] = { tb + 1, after - 1 }
            end
          end
        end
      end
    elseif r.iso_end and not r.offset then
      -- an ISO date and time with its zone written as a word right after it
      -- ("2026-11-28 19:30 UTC")
      local za, zb, z = rx_zone:find(s, r.iso_end + 1)
      if za and page_only_zones[z] and not (self.zone_page and self.zone_page[z]) then za = nil end
      -- (or in brackets, "2024-09-27 10:00 (UZT, UTC+05:00)"; round 30)
      if za and not s:sub(r.iso_end + 1, za - 1):find("[^%s(]") then set_zone(r, s, za, zb, z) end
    end
    return r
  end

  --- ISO 8601 string for the first date on s, or nil.
  function P:parse(s, day_first)
    local r = self:find(s, day_first)
    if not r then return nil end
    if r.zone and not r.offset then
      local z = r.zone:upper()
      r.offset = resolve_offset(self.zone_page and self.zone_page[z] or zones[z], r.y, r.m, r.d, r.h)
    end
    if r.h and r.offset then
      return fmt("%04d-%02d-%02dT%02d:%02d:%02d%s", r.y, r.m, r.d, r.h, r.mi, r.s or 0, r.offset), r
    end
    return fmt("%04d-%02d-%02d", r.y, r.m, r.d), r
  end

  -- the label in front of a date: published ("Published", "Posted", "Originally
  -- published", "First published", "Created") or updated ("Updated", "Last updated",
  -- "Modified", "Edited", "Revised", the noun "Last update:"; "First uploaded on" is a
  -- published one)
  local published_own_clock
  local rx_label = re.compile(A("\\b(?:(originally|first)\\s+)?(published|posted|uploaded|created|updated|update|modified|edited|revised)\\b"), "i")
  local UPDATED = { updated = true, update = true, modified = true, edited = true, revised = true }

  -- the date under a published label whose clock was read before it, under an updated
  -- label ("Updated: 10:12 CEST | Published: 17.06.2024 07:40 CEST"): the published
  -- field alone (its own clock, else its date alone); nil when the clock is no updated one
  function published_own_clock(self, s, labels, at, clock_at, day_first)
    local ck, pi
    for i = 1, #labels do
      if labels[i].a <= clock_at then ck = labels[i].kind end
      if labels[i].a <= at then pi = i end
    end
    if ck ~= "updated" then return nil end
    local stop = labels[pi + 1] and labels[pi + 1].a - 1 or #s
    return (self:parse(s:sub(labels[pi].a, stop), day_first))
  end

  --- ISO 8601 string of the publication time on s, and what kind the line gives it:
  -- "published", "updated" or nil (no label). A line giving both ("Updated 6:02 PM,
  -- October 14, 2025 | Published 3:14 PM, October 14, 2025") gives its published one,
  -- whatever the order; without a label the first date is read (as parse does).
  -- @return iso, kind (or nil)
  function P:parse_published(s, day_first)
    local iso, r = self:parse(s, day_first)
    if not iso then return nil end
    if not s:find("[DdPpUuMmEeRrCcOoFf]") then return iso, nil end
    -- the labels on the line, in order
    local labels, pos = {}, 1
    while true do
      local a, b, first, word = rx_label:find(s, pos)
      if not a then break end
      labels[#labels + 1] = { a = a, kind = UPDATED[word:lower()] and "updated" or "published" }
      pos = b + 1
    end
    if #labels == 0 then return iso, nil end
    -- the kind of the date read: the label nearest before it (none when the labels
    -- follow it: "Oct. 14, 2025 3:14 PM (updated 6:02 PM)" is the published time)
    local at, kind = r.spans[1][1], nil
    for i = 1, #labels do if labels[i].a <= at then kind = labels[i].kind end end
    if kind == "published" and r.h and r.spans[2] and r.spans[2][1] < at then
      local d = published_own_clock(self, s, labels, at, r.spans[2][1], day_first)
      if d then return d, kind end
    end
    if kind ~= "updated" then return iso, kind end
    -- a published label after the updated one, with a date of its own, or a clock
    -- only (the day is the updated one's: "Updated 6:02 PM, Oct. 14, 2025 | Published
    -- 3:14 PM"); or before it with a numeric date of its own, which the month-name date
    -- of the updated field was read before ("Published 04/09/2024 3:10pm NUT | Updated 5
    -- September 2024")
    for i = 1, #labels do
      local l = labels[i]
      if l.kind == "published" then
        local stop = labels[i + 1] and labels[i + 1].a - 1 or #s
        local seg = s:sub(l.a, stop)
        local d = self:parse(seg, day_first)
        if not d and l.a > at and self:has_clock(seg) then
          d = self:parse(s:sub(r.spans[1][1], r.spans[1][2]) .. " " .. seg, day_first)
        end
        if d then return d, "published" end
      end
    end
    return iso, "updated"
  end

  -- labels of a publication date in one field of a line of fields
  -- (en/clean_date_published_labels.txt: "Posted", "Date of publication"), longest first
  local pub_labels = lists.entries(lang, "clean_date_published_labels.txt", published_extra)
  table.sort(pub_labels, function(a, b) return #a > #b end)
  for i, w in ipairs(pub_labels) do pub_labels[i] = lists.literal(w) end
  local rx_pub_field = re.compile("^(?:" .. concat(pub_labels, "|") .. ")\\b\\s*:?\\s*", "i")
  local rx_pub_any = re.compile("(?:" .. concat(pub_labels, "|") .. ")\\b", "i")
  local rx_field_sep = re.compile("\\s*(?:\\||¦|·|•)\\s*")

  --- The publication date of a line of fields set apart by bars or dots, one of them
  -- a labelled date ("Media release | Date of publication: 3 February 2026 |
  -- Reference: D2026/014", "Posted: 12 September 2025 19:30 BST | Category: Comets"):
  -- the field opens with a label of en/clean_date_published_labels.txt and the rest of
  -- it is a timestamp (an "updated" field or a date in other words gives none).
  -- @return ISO 8601 string or nil
  function P:field_published(s, day_first)
    if #s > 240 or not has_any(s, "|", "·", "•", "¦")
      or not find(s, "%d") or not rx_pub_any:find(s) then
      return nil
    end
    local fields = rx_field_sep:split(s)
    if #fields < 2 then return nil end
    -- (a line made only of timestamps, "Updated: ... | Published: ...": its published one)
    if self:is_timestamp(s, day_first) then
      local d, kind = self:parse_published(s, day_first)
      return kind == "published" and d or nil
    end
    -- (the other fields are fields: "LABEL: value" or up to four words, "Media
    -- release", "6 comments"; a teaser's headline beside its date makes no field line)
    local d
    for _, f in ipairs(fields) do
      local _, e = rx_pub_field:find(f)
      local rest = e and sub(f, e + 1)
      if not d and rest and rest ~= "" and self:is_timestamp(rest, day_first) then
        d = self:parse(rest, day_first)
      elseif not find(f, "^[^:]-%a%s*:") then
        local _, n = f:gsub("%S+", "")
        if n > 4 then return nil end
      end
    end
    return d
  end

  -- is a word left beside a date one a timestamp line may hold (a word of
  -- en/clean_timestamp_words.txt, a zone or a month, with or without its dot)?
  -- (remembered per word: a pure function of w and this parser's word lists; the
  -- memo is emptied past 2000 words so that it stays small)
  local plain_memo, plain_n = {}, 0
  local function plain_word(w)
    local v = plain_memo[w]
    if v ~= nil then return v end
    local lw = w:lower()
    if lw:byte(-1) == 46 then lw = lw:sub(1, -2) end
    v = (tswords[lw] or zones[w:upper()] or months[lw]) and true or false
    if plain_n >= 2000 then plain_memo, plain_n = {}, 0 end
    plain_memo[w], plain_n = v, plain_n + 1
    return v
  end

  --- True when s is a line made of a date (with optional time, zone and labels).
  function P:is_timestamp(s, day_first)
    if #s > 120 then return false end
    local r = self:find(s, day_first)
    if not r then return false end
    local rest = s
    -- blank out the spans found (from the right so offsets stay valid; at most three)
    -- (sorted in place, last first: r is this call's own, and credit_timestamp reads
    -- its spans in any order)
    local sp = r.spans
    for i = 2, #sp do
      local j = i
      while j > 1 and sp[j - 1][1] < sp[j][1] do sp[j], sp[j - 1] = sp[j - 1], sp[j]; j = j - 1 end
    end
    -- (spans apart from each other, the usual case: the pieces between them joined once)
    local apart = true
    for i = 2, #sp do if sp[i][2] >= sp[i - 1][1] then apart = false end end
    -- (the usual line, ASCII without a "(": its words are read from s piece by piece,
    -- with no leftover text built. Safe: rest would be these pieces joined by spaces,
    -- and "%a[%a.]*" never matches a space, so the words of rest are those found in
    -- each piece alone: a match cut at the piece's end. Lines with a "(" (the zone in
    -- brackets is taken out of rest first) or a byte beyond ASCII take the general way.)
    -- (tested and listed by one C call, docpipe.cleanc.stamp_words: the words of each
    -- piece, from the left, as docpipe.text.ascii_words lists them, a word running into
    -- a span cut where the span starts, as the piece alone would cut it; nil for a line
    -- with a "(" or a byte beyond ASCII. A Lua pattern with a class costs some 150 to
    -- 200 instructions a byte, and a call a piece, a test for "(" and utf8.len cost
    -- some 5,000 instructions a line more)
    local ws = apart and stamp_words(s, sp)
    if ws then
      local left = 0
      for k = 1, #ws do
        if not plain_word(ws[k]) then
          left = left + 1
          if left > 1 then return self:labelled_timestamp(s, day_first) or (self:credit_timestamp(s, r, day_first) and true or false) end
        end
      end
      return left <= 1
    end
    if apart then
      local parts, to = {}, #s
      for i = 1, #sp do
        local x = sp[i]
        parts[#sp - i + 2] = sub(s, x[2] + 1, to)
        to = x[1] - 1
      end
      parts[1] = sub(s, 1, to)
      rest = concat(parts, " ")
    else
      for i = 1, #sp do
        local x = sp[i]
        rest = rest:sub(1, x[1] - 1) .. " " .. rest:sub(x[2] + 1)
      end
    end
    if rest:find("(", 1, true) then rest = rx_zone_paren:gsub(rest, " ") end
    local left = 0
    -- the words left (letters and dots; ASCII text is read with Lua patterns)
    local iter = ulen(rest) ~= #rest and re.gmatch(rest, "[\\p{L}][\\p{L}.]*") or rest:gmatch("%a[%a.]*")
    for w in iter do
      local lw = w:lower()
      if lw:byte(-1) == 46 then lw = lw:sub(1, -2) end
      if not tswords[lw] and not zones[w:upper()] and not months[lw] then
        left = left + 1
        if left > 1 then return self:labelled_timestamp(s, day_first) or (self:credit_timestamp(s, r, day_first) and true or false) end
      end
    end
    return left <= 1
  end

  --- A publication label, perhaps with its colon, and a timestamp line after it ("For
  -- immediate release: 09/14/2025", "Date of publication 3 May 2026"): the labels of
  -- en/clean_date_published_labels.txt (a press release's "For immediate release" is
  -- its date of release). @return true or false
  local zoned_timestamp, fields_timestamp
  function P:labelled_timestamp(s, day_first)
    -- (or a published or updated line whose zone is in no list: zoned_timestamp)
    if zoned_timestamp(self, s, day_first) then return true end
    -- (or two timestamps set apart by a dash or a bar, each with its label: fields_timestamp)
    if fields_timestamp(self, s, day_first) then return true end
    local _, e = rx_pub_field:find(s)
    if not e or e >= #s then return false end
    return self:is_timestamp(sub(s, e + 1), day_first)
  end

  -- a line labelled published or updated (rx_label) whose clock times close on a zone
  -- in no list ("Published: 07 Aug 2025 09:15 AM QST | Updated: ... 07:40 PM QST"):
  -- the zones, a capital, up to three letters and a capital right after a clock time,
  -- are left out and the rest read again (the date keeps no zone then)
  local rx_clock_zone = re.compile("(\\d[:.]\\d\\d(?:\\s*[AaPp]\\.?[Mm]\\.?)?)\\s+\\p{Lu}[\\p{Ll}\\p{Lu}]{0,3}\\p{Lu}(?![\\p{L}\\p{N}])")
  function zoned_timestamp(self, s, day_first)
    -- (cheap tests first: a clock time, then a space and a capital)
    if not find(s, "%d[:.]%d%d[%s%.AaPpMm]-%s%u%a*%u") or not rx_label:find(s) then return false end
    local t = rx_clock_zone:gsub(s, "$1")
    return t ~= s and self:is_timestamp(t, day_first)
  end

  -- a line of two or three timestamps set apart by a dash or a bar, each under a label
  -- of its own in any language ("Publisert 12.06.2024 14:35 CEST - Oppdatert 12.06.2024
  -- 18:02 CEST", "Veröffentlicht 03.05.2026 | Aktualisiert 04.05.2026"): each field
  -- a timestamp line by itself (a date, and one word of its own at most)
  local rx_stamp_sep = re.compile("\\s+[-–—|·•]\\s+")
  function fields_timestamp(self, s, day_first)
    -- (cheap tests first: a separator, then a second four-digit year after the first)
    if not (find(s, " -", 1, true) or find(s, " |", 1, true) or find(s, " \226", 1, true) or find(s, " \194\183", 1, true)) then return false end
    local _, e = rx_year4:find(s)
    if not e or not rx_year4:find(s, e + 1) then return false end
    local fields = rx_stamp_sep:split(s)
    if #fields < 2 or #fields > 3 then return false end
    for i = 1, #fields do
      if not self:is_timestamp(fields[i], day_first) then return false end
    end
    return true
  end

  --- The date of a blog engine's footer under the body, "This entry was posted on
  -- Thursday, May 7, 2026 at 10:14 am and is filed under News." (WordPress's themes),
  -- "This article was first published on Saturday 21 June 2025.": the date only (the footer gives no zone). @return "YYYY-MM-DD" or nil
  local rx_entry_posted = re.compile("^This (?:entry|post|article|story|report|piece) was (?:(?:first|originally) )?(?:posted|published|written)(?: on)?\\s+(.{6,60}?)(?:\\s+and\\s+is\\s+filed\\b|\\s+(?:in|under|by)\\s|\\.?$)")
  function P:entry_posted(s, day_first)
    if #s > 400 or not find(s, "^This ") then return nil end
    local d = rx_entry_posted:match(s)
    d = d and self:parse(d, day_first)
    return d and sub(d, 1, 10) or nil
  end

  --- An outlet's credit and a timestamp ("Associated Press December 2, 2016", "Harbour
  -- Wire | Nov. 28, 2026 3:05 PM"): one to four capitalised words before the date, the
  -- last a word of a publication's name (en/clean_outlet_words.txt), and a timestamp
  -- line after them. @return the credit, or false
  function P:credit_timestamp(s, r, day_first)
    local first = r.spans[1][1]
    for i = 2, #r.spans do if r.spans[i][1] < first then first = r.spans[i][1] end end
    if first < 4 then return false end
    local credit = rx_credit:match(sub(s, 1, first - 1))
    local last = credit and credit:match("([%a]+)%.?$")
    if not (last and outlet_words[last:lower()]) then return false end
    return self:is_timestamp(sub(s, first), day_first) and credit or false
  end

  -- a clock time alone on its line, perhaps with its zone and a label ("9:05 AM MYT",
  -- "Published 14:05 SAST"): the time of a date printed on the line above
  local rx_clock_only = re.compile(A("^(?:(?:published|posted|at)\\s*:?\\s*)?\\d{1,2}(?:[:.]\\d{2}\\s*(?:[ap]\\.?\\s?m\\b\\.?)?|\\s*[ap]\\.?\\s?m\\b\\.?)\\s*(?:\\(?(?:" .. zone_alt .. ")\\)?)?$"), "i")

  --- True when s is a clock time alone, perhaps with a zone ("9:05 AM MYT", "7:15 PM"),
  -- or a zone alone as en/clean_timezones.txt writes it ("EST", "(AEDT)"): a dump wraps
  -- a long "Updated ... 9:02 a.m. EST" line before its zone.
  function P:is_clock_line(s)
    if #s > 40 then return false end
    s = dp.text.trim(s)
    if #s <= 8 and zone_order[(s:gsub("^%((.*)%)$", "%1"))] then return true end
    return rx_clock_only:find(s) ~= nil
  end

  local rx_relative = re.compile(A("^(?:(?:last\\s+)?(?:updated|published|posted|modified|edited)\\s*:?\\s*)?(?:(?:\\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|few)\\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|months?|mo|years?|yrs?)\\s+ago|just now|moments? ago|yesterday|today|this (?:morning|afternoon|evening))\\.?(?:\\s*[·|•]\\s*\\d{1,3}\\s*(?:min(?:ute)?s?|m)\\.?\\s+read)?$"), "i")

  --- True when s is only a relative time ("Updated 2 hours ago", "5 mins ago").
  function P:is_relative(s)
    if #s > 60 then return false end
    return rx_relative:find(s) ~= nil
  end

  local rx_clock = re.compile(A("\\b\\d{1,2}(?::\\d{2}\\s*(?:[ap]\\.?m\\b\\.?)?|\\s*[ap]\\.?m\\b\\.?)"), "i")
  --- The month (1 to 12) a month's name or short form of en/clean_months.txt names, in
  -- any case ("July", "aug"), or nil.
  function P:month(w)
    return months[w:lower()]
  end

  --- True when w is a zone's abbreviation of en/clean_timezones.txt as the list writes
  -- it ("ChST", "AEDT"; "Cat" is no zone).
  function P:is_zone(w)
    return zone_order[w] ~= nil
  end

  -- a numeric date with its four-digit year, read as a date or not ("2026.02.30",
  -- "30/02/2026", "2026-02-30")
  local rx_date_shape = re.compile("(?<![\\d.:/-])(?:\\d{4}([./-])\\d{1,2}\\1\\d{1,2}|\\d{1,2}([./-])\\d{1,2}\\2\\d{4})(?![\\d/-]|\\.\\d)")
  --- True when s holds a numeric date with its four-digit year, even one that is no
  -- date ("2026.02.30"): a line of one and a clock time is a date line written wrong,
  -- no clock widget ("Last trade 9:41 AM EDT").
  function P:date_shaped(s)
    return find(s, "%d%d%d%d") ~= nil and rx_date_shape:find(s) ~= nil
  end

  --- True when s holds a clock time ("9:41 AM", "14:05", "5 p.m.").
  function P:has_clock(s)
    return rx_clock:find(s) ~= nil
  end

  -- the order of a page's dates: month-name dates day first ("3 June 2024") or month
  -- first ("June 3, 2024"); else its zones (en/clean_timezones.txt's third field: the
  -- US and Canadian zones read month first, UTC either way, every other zone day first)
  local rx_dmy_all = re.compile(A("\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:" .. month_alt .. ")\\b"), "i")
  local rx_mdy_all = re.compile(A("\\b(?:" .. month_alt .. ")\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?![/.-]\\d)"), "i")
  local rx_zone_all = re.compile(A("\\b(" .. zone_alt .. ")\\b"))

  -- the page's own numeric dates: "30.04.2026" can only be day first, "04/30/2026" only
  -- month first; true or false when they agree, nil when none tells or they disagree
  local function numeric_order(text)
    local d, m, pos = false, false, 1
    while true do
      local _, y, x1, _, x2 = rx_num:find(text, pos)
      if not y then break end
      x1, x2 = tonumber(x1), tonumber(x2)
      if x1 > 12 and x2 <= 12 then d = true elseif x2 > 12 and x1 <= 12 then m = true end
      pos = y + 1
    end
    if d ~= m then return d end
    return nil
  end

  --- Does the page write numeric dates day first? true, false, or nil when it does not
  -- tell. Its own numeric dates tell first (one whose first number is over 12 is day
  -- first, "30.04.2026"), then the order of its month-name dates, then its zones.
  function P:day_first_hint(text)
    local n = numeric_order(text)
    if n ~= nil then return n end
    local d, m = 0, 0
    for _ in rx_dmy_all:gmatch(text) do d = d + 1 end
    for _ in rx_mdy_all:gmatch(text) do m = m + 1 end
    if d ~= m then return d > m end
    for z in rx_zone_all:gmatch(text) do
      local o = zone_order[z]
      if o == "dmy" then d = d + 1 elseif o == "mdy" then m = m + 1 end
    end
    if d ~= m then return d > m end
    return nil
  end

  -- a month and day written without a year ("March 18 at 3:57 PM"), and the years the
  -- page writes (1900-2099)
  local rx_md = re.compile(AD("\\b(" .. month_alt .. ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*\\d)"), "i")
  local rx_any_year = re.compile(AD("\\b(?:19|20)\\d\\d\\b"))

  --- The date of a line that gives its month and day but no year, with the year the
  -- page writes beside that same month and day ("March 18, 2025" in a caption or the
  -- story) when that is unambiguous: every such date on the page has the same year and
  -- no later year is written anywhere (a piece looking back at the day, written a year
  -- or more later, names a later year somewhere: a copyright line, a related link).
  -- @return "YYYY-MM-DD" (date only: the line gives no zone) or nil
  function P:yearless(s, text)
    local a, _, mon, day = rx_md:find(s)
    if not a then return nil end
    local m, d = months[mon:lower()], tonumber(day)
    if not m or d < 1 or d > 31 then return nil end
    local year
    for _, rx in ipairs({ rx_mdy, rx_dmy }) do
      local pos = 1
      while true do
        local x, y, c1, c2, c3 = rx:find(text, pos)
        if not x then break end
        local mm, dd = rx == rx_mdy and months[c1:lower()] or months[c2:lower()], tonumber(rx == rx_mdy and c2 or c1)
        if mm == m and dd == d then
          if year and year ~= tonumber(c3) then return nil end
          year = tonumber(c3)
        end
        pos = y + 1
      end
    end
    if not year or d > days_in_month(year, m) then return nil end
    for y in rx_any_year:gmatch(text) do if tonumber(y) > year then return nil end end
    return fmt("%04d-%02d-%02d", year, m, d)
  end

  P.months = months
  -- a zone standing for several (IST: Indian, Irish or Israel Standard Time) read by the
  -- page's evidence (en/clean_meta_zone_readings.txt): page_zones sets self.zone_page
  -- (abbreviation -> offset) for the page, which parse reads before the zone list
  local readings = {}
  for _, line in ipairs(dp.data.list(lang .. "/clean_meta_zone_readings.txt")) do
    local z, off, ev = line:match("^(%S+)%s+(%S+)%s*(.*)$")
    if z then
      local l = readings[z] or {}
      readings[z] = l
      -- (the abbreviation as a word of its own: "AST", not "EAST" or "PODCAST"; round 30)
      l.word = l.word or re.compile("\\b" .. re.escape(z) .. "\\b")
      local tests = {}
      for e in ev:gmatch("%S+") do
        if e:sub(1, 1) == "." then tests[#tests + 1] = re.compile("[A-Za-z0-9-]" .. re.escape(e) .. "(?![A-Za-z0-9-])")
        elseif re.find(e, "^\\p{Lu}\\p{Ll}") then tests[#tests + 1] = re.compile("(?<![\\p{L}\\p{N}])" .. re.escape(e) .. "(?![\\p{L}\\p{N}])")
        else tests[#tests + 1] = e end
      end
      l[#l + 1] = { off = off, tests = tests }
    end
  end
  local function holds(text, tests)
    for _, t in ipairs(tests) do
      if type(t) == "string" then
        if find(text, t, 1, true) then return true end
      elseif t:find(text) then return true end
    end
    return false
  end
  --- Read the page's zones that stand for several (en/clean_meta_zone_readings.txt):
  -- call once per page, before its dates are parsed.
  function P:page_zones(text)
    self.zone_page = nil
    for z, l in pairs(readings) do
      -- (cheap test first: the page writes the abbreviation)
      if find(text, z, 1, true) and l.word:find(text) then
        local got, n = nil, 0
        for k, rd in ipairs(l) do
          if holds(text, rd.tests) then
            n = n + 1
            if k > 1 or page_only_zones[z] then got = rd.off end
          end
        end
        if got and n == 1 then
          self.zone_page = self.zone_page or {}
          self.zone_page[z] = got
        end
      end
    end
  end

  P.zones = zones
  return P
end

return M
