--- Article metadata from single lines: bylines, contributor lines, datelines, person names.
--
-- Method: line patterns plus a person-name shape test. A byline is an opener from
-- en/clean_byline.txt ("By", "From", "Analysis by"...) followed by names separated by
-- commas, "and" or "&", optionally closed by an outlet and a role ("..., CNN Political
-- Reporter"); a piece is a person when it has the shape of a name (2 to 5 capitalised
-- tokens, initials and particles allowed, no role word from en/clean_roles.txt); the first
-- piece after the names that is not a person gives the outlet (cut before its first role
-- word, "CNN Political Reporter" -> "CNN"). Contributor lines follow the patterns of
-- en/clean_contributors.txt ("X and Y contributed to this report", "Reporting by X;
-- Editing by Y"); possessive outlet prefixes ("CNN's X") and trailing places ("X in
-- Seoul") are removed from each name. A dateline is the place (and optional date and
-- outlet in parentheses) that opens a wire story before a dash: "Seoul, South Korea
-- (CNN) --", "BOSTON (Reuters) -", "LONDON, June 3 (Newswire) -", "WASHINGTON —",
-- "(CNN) --" or "Hong Kong (CNN Business)" glued to the first word.
-- Units: byte offsets are 1-based inclusive.

local dp = require "docpipe"

local re = dp.re
local concat = table.concat

local PARTICLES = {
  de = true, da = true, di = true, du = true, del = true, della = true, der = true, den = true,
  van = true, von = true, bin = true, ibn = true, al = true, el = true, la = true, le = true,
  dos = true, das = true, ter = true, st = true, ["st."] = true, y = true, e = true,
}
local NOT_FIRST = { the = true, a = true, an = true, ["the."] = true, our = true, my = true, this = true }
local SUFFIXES = { ["jr."] = true, jr = true, ["sr."] = true, sr = true, ii = true, iii = true, iv = true }

local rx_cap = re.compile("^\\p{Lu}[\\p{L}\\p{M}'’\\-]*\\.?$")
local rx_initials = re.compile("^(?:\\p{Lu}\\.){1,3}(?:-\\p{Lu}\\.)?$")
local rx_mc = re.compile("^(?:Mc|Mac|O'|O’|D'|D’)\\p{Lu}[\\p{L}'’\\-]*$")
local rx_dash = "(?:\\s+(?:--|—|–|-|:)\\s*|\\s*(?:--|—|–)\\s*)"

local M = {}

--- Build a metadata reader for a language.
function M.new(lang)
  lang = lang or "en"
  local roles = {}
  for _, w in ipairs(dp.data.list(lang .. "/clean_roles.txt")) do roles[w:lower()] = true end
  local openers = dp.data.list(lang .. "/clean_byline.txt")
  table.sort(openers, function(a, b) return #a > #b end)
  for i, o in ipairs(openers) do openers[i] = o:gsub("%s+", "\\s+") end
  local rx_byline = re.compile("^(?:" .. concat(openers, "|") .. ")\\s*:?\\s+(.+)$", "i")
  local contrib = {}
  for _, p in ipairs(dp.data.list(lang .. "/clean_contributors.txt")) do contrib[#contrib + 1] = re.compile(p, "i") end

  local R = {}

  --- Is s shaped like a person's name?
  function R.is_person(s)
    s = dp.text.trim(s)
    local toks = {}
    for t in s:gmatch("%S+") do toks[#toks + 1] = t end
    if #toks < 2 or #toks > 5 then return false end
    if NOT_FIRST[toks[1]:lower()] then return false end
    local caps, long = 0, 0
    for i, t in ipairs(toks) do
      local lt = t:lower()
      if roles[lt] or roles[lt:gsub("[.,]$", "")] then return false end
      if rx_initials:find(t) then
        caps = caps + 1
      elseif rx_cap:find(t) or rx_mc:find(t) then
        if t:upper() == t and #t >= 2 and not t:find("[.'’]") then
          -- an all-capitals token is an acronym (an outlet), unless the whole name is in capitals
          if s:upper() ~= s then return false end
        end
        caps = caps + 1
        if #t:gsub("[.'’]", "") >= 2 then long = long + 1 end
      elseif PARTICLES[lt] and i > 1 and i < #toks then
        -- particle inside a name
      elseif SUFFIXES[lt] and i == #toks then
        -- suffix
      else
        return false
      end
    end
    return long >= 1 and caps >= 2
  end

  -- split a list of names: "A, B and C", "A & B", "A; B"
  local function split_names(s)
    s = re.gsub(s, ",?\\s+(?:and|&|along with|with)\\s+", ",", nil, "i")
    return re.split(s, "\\s*[,;]\\s*")
  end

  -- cut an outlet name before the first role word; nil when nothing is left
  local function outlet_of(piece)
    piece = re.gsub(dp.text.trim(piece), "^(?:the|a|an)\\s+", "")
    local out = {}
    for t in piece:gmatch("%S+") do
      if roles[t:lower()] then break end
      out[#out + 1] = t
    end
    if #out == 0 or #out > 4 then return nil end
    local o = concat(out, " ")
    if not re.find(o, "^\\p{Lu}") then return nil end
    return o
  end

  local rx_handle = re.compile("\\s+@\\w+")
  local rx_email = re.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+")
  local rx_role_tail = re.compile("\\s+(?:is|was)\\s+.*$", "i")

  --- Parse a byline. @return {authors = {...}, outlet = string|nil} or nil
  -- @param dates optional dates parser: a date on the line is cut off first
  function R.byline(s, dates)
    if #s > 200 then return nil end
    local rest = rx_byline:match(s)
    if not rest then return nil end
    if dates then
      local r = dates:find(rest)
      if r then
        local first = math.huge
        for _, sp in ipairs(r.spans) do if sp[1] < first then first = sp[1] end end
        rest = rest:sub(1, first - 1)
      end
    end
    rest = rx_email:gsub(rest, " ")
    rest = rx_handle:gsub(rest, "")
    rest = re.gsub(rest, "\\s+[|•·]\\s+.*$", "")
    rest = re.gsub(rest, "[\\s,;:|–—-]+$", "")
    local authors, outlet = {}, nil
    local staff = false
    -- "A, B and C, Outlet": the last comma piece without "and" names the outlet
    local pieces = re.split(rest, "\\s*,\\s*")
    if #pieces >= 2 and not re.find(pieces[#pieces], "\\s(?:and|&)\\s", nil, "i") then
      local last = dp.text.trim(pieces[#pieces])
      local o = outlet_of(last)
      if o then
        outlet = o
        table.remove(pieces)
        rest = table.concat(pieces, ", ")
      end
    end
    for _, piece in ipairs(split_names(rest)) do
      piece = dp.text.trim(piece)
      if piece ~= "" then
        if R.is_person(piece) then
          authors[#authors + 1] = piece
        else
          for t in piece:gmatch("%S+") do if roles[t:lower()] then staff = true end end
          if not outlet then outlet = outlet_of(piece) end
        end
      end
    end
    if #authors == 0 and not (staff and outlet) then return nil end
    return { authors = authors, outlet = outlet }
  end

  local rx_possessive = re.compile("^(?:\\p{Lu}[\\p{L}\\p{N}.&-]*\\s+){0,3}?\\p{Lu}[\\p{L}\\p{N}.&-]*['’]s\\s+")
  local rx_place_tail = re.compile("\\s+(?:in|from|at)\\s+\\p{Lu}.*$")

  local function clean_name(piece)
    piece = dp.text.trim(piece)
    piece = re.gsub(piece, "^(?:and|with|by|reporting by|editing by|writing by)\\s+", "", nil, "i")
    piece = rx_place_tail:gsub(piece, "")
    -- "CNN's Jethro Mullen": drop the possessive outlet when a name follows
    local a, b = rx_possessive:find(piece)
    if a and R.is_person(piece:sub(b + 1)) then piece = piece:sub(b + 1) end
    -- a description before the name: "Gazette reporter Noor Havili-Brandt"
    do
      local toks = {}
      for t in piece:gmatch("%S+") do toks[#toks + 1] = t end
      for k = #toks - 1, 1, -1 do
        if roles[toks[k]:lower()] then
          local restn = table.concat(toks, " ", k + 1)
          if R.is_person(restn) then piece = restn end
          break
        end
      end
    end
    -- leading role words: "journalist Miguel Salay", "producer X"
    while true do
      local w, rest = piece:match("^(%S+)%s+(.+)$")
      if w and roles[w:lower()] and not w:match("^%u") then piece = rest
      elseif w and roles[w:lower()] and R.is_person(rest) then piece = rest
      else break end
    end
    piece = re.gsub(piece, "[.,;:]+$", "")
    return piece
  end

  --- Parse a contributor line. @return list of names or nil
  function R.contributors(s)
    if #s > 600 then return nil end
    local names, hit = {}, false
    for _, part in ipairs(re.split(s, "\\s*[;|]\\s*|(?<=\\p{Ll}\\p{Ll})\\.\\s+(?=\\p{Lu})|\\s+and\\s+(?=(?:\\p{Lu}[\\p{L}'’.-]*\\s+){1,4}(?:also\\s+)?(?:reported|wrote)\\b)")) do
      for _, rx in ipairs(contrib) do
        local cap = rx:match(part)
        if cap then
          hit = true
          for _, piece in ipairs(split_names(cap)) do
            local n = clean_name(piece)
            if R.is_person(n) then names[#names + 1] = n end
          end
          break
        end
      end
    end
    if not hit or #names == 0 then return nil end
    return names
  end

  -- datelines
  local place = "(\\p{Lu}[\\p{L}\\p{M}.'’-]*(?:[ ,]{1,2}(?:\\p{Lu}[\\p{L}\\p{M}.'’-]*|de|of|on|upon|la|el|am|an|der|du)){0,5})"
  local wire_date = "(?:,\\s*(?:\\p{Lu}[a-z]{2,8}\\.?\\s+\\d{1,2}|\\d{1,2}\\s+\\p{Lu}[a-z]{2,8}))?"
  local rx_dl_outlet = re.compile("^" .. place .. "?" .. wire_date .. "\\s*\\(([^()]{2,40})\\)" .. rx_dash .. "?")
  local rx_dl_caps = re.compile("^(\\p{Lu}[\\p{Lu}\\p{M}.'’ -]*\\p{Lu}\\.?(?:,\\s*\\p{Lu}[\\p{L}\\p{M}.'’ -]*?)?)" .. wire_date .. "\\s*(?:--|—|–|-|:)\\s+")

  --- Find a dateline at the start of a paragraph.
  -- @return {place = string|nil, outlet = string|nil, rest = paragraph without it} or nil
  function R.dateline(p)
    local a, b, pl, outlet = rx_dl_outlet:find(p)
    if a then
      -- an outlet in parentheses: a capitalised name, not a parenthetical remark
      if re.find(outlet, "^\\p{Lu}[\\p{L}\\p{N}.&' -]*$") and #dp.text.words(outlet) <= 4 then
        local rest = p:sub(b + 1)
        if re.find(rest, "^\\s*[\\p{Lu}\\p{N}\"'“‘(]") then
          local placev = pl and pl ~= "" and re.gsub(pl, "[\\s,]+$", "") or nil
          return { place = placev, outlet = outlet, rest = dp.text.trim(rest) }
        end
      end
    end
    a, b, pl = rx_dl_caps:find(p)
    if a then
      local letters = pl:gsub("[^%a]", "")
      local firstpart = pl:match("^[^,]+")
      if #letters >= 3 and firstpart:upper() == firstpart and #dp.text.words(pl) <= 6 then
        local rest = p:sub(b + 1)
        if re.find(rest, "^[\\p{Lu}\\p{N}\"'“‘(]") then
          return { place = dp.text.trim(pl), rest = dp.text.trim(rest) }
        end
      end
    end
    return nil
  end

  return R
end

return M
