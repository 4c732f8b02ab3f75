--- docpipe.summary.stem: a light suffix-stripping stemmer for English words.
--
-- Maps inflected forms of one word to a shared key so that sentence comparison
-- ("release", "released", "releases", "releasing") counts them as one term. It is
-- deliberately lighter than Porter (1980): it removes possessives, plural -s/-es/-ies,
-- verbal -ed/-ing/-ied, adverbial -ly and a final -e, then undoubles a final double
-- consonant ("stopped" -> "stop"). Words of three bytes or fewer are kept as they are.
-- Keys are for matching only and need not be real words ("state" -> "stat").
-- Input is expected lowercase; only ASCII suffixes are touched, other bytes pass through.
--
-- Units: works on whole words (Lua strings); no offsets.

local sub, find = string.sub, string.find

local function has_vowel(s)
  return find(s, "[aeiouy]") ~= nil
end

local function undouble(s)
  local n = #s
  if n >= 3 then
    local a, b = sub(s, n - 1, n - 1), sub(s, n, n)
    if a == b and find(a, "[bcdfghjkmnpqrtvwxz]") then
      return sub(s, 1, n - 1)
    end
  end
  return s
end

local M = {}

--- Stem one lowercase word.
-- @tparam string w a word, lowercase
-- @treturn string its stem key
function M.stem(w)
  if #w <= 3 then return w end
  -- possessives and a trailing apostrophe
  w = w:gsub("’", "'")
  if sub(w, -2) == "'s" then w = sub(w, 1, -3)
  elseif sub(w, -1) == "'" then w = sub(w, 1, -2) end
  local n = #w
  if n <= 3 then return w end
  -- plurals and third person -s
  if sub(w, -4) == "sses" then
    w = sub(w, 1, -3)
  elseif n > 4 and sub(w, -3) == "ies" then
    w = sub(w, 1, -4) .. "y"
  elseif n > 4 and (find(w, "[sxz]es$") or find(w, "[cs]hes$")) then
    w = sub(w, 1, -3)
  elseif sub(w, -1) == "s" and not find(w, "[suia]s$") then
    w = sub(w, 1, -2)
  end
  n = #w
  -- verbal endings
  if n > 4 and sub(w, -3) == "ied" then
    w = sub(w, 1, -4) .. "y"
  elseif n > 5 and sub(w, -3) == "ing" and has_vowel(sub(w, 1, -4)) then
    w = undouble(sub(w, 1, -4))
  elseif n > 4 and sub(w, -3) == "eed" then
    w = sub(w, 1, -2)
  elseif n > 4 and sub(w, -2) == "ed" and has_vowel(sub(w, 1, -3)) then
    w = undouble(sub(w, 1, -3))
  elseif n > 5 and sub(w, -2) == "ly" then
    w = sub(w, 1, -3)
  end
  -- a final -e, so "release" and "released" meet at "releas"
  if #w > 4 and sub(w, -1) == "e" then w = sub(w, 1, -2) end
  return w
end

return M
