--- Title case of UTF-8 names and outlets read from a line in capitals ("CÉLINE
-- MOREL-ALCINDOR" -> "Céline Morel-Alcindor"): string.lower and string.upper change
-- only the bytes A-Z and a-z and would leave "É" a capital.
--
-- Method: lower and upper case come from docpipe.text.lower / docpipe.text.upper (the
-- Unicode simple case mappings of the Unicode Character Database, by utf8proc, code
-- point by code point); title case lowers the whole text, then raises the first letter
-- and each letter after a character of a given class. Units: whole strings in, strings
-- out.

local dp = require "docpipe"
local re = dp.re

local M = {}

--- The text in lower case (every script utf8proc knows).
M.lower = dp.text.lower

--- The text in upper case.
M.upper = dp.text.upper

--- The text title-cased: in lower case, with a capital on the first letter and on each
-- letter after one of the characters of the class `after` (a PCRE2 class body; default
-- white space, apostrophes and hyphens: "O'Neill", "Morel-Alcindor").
function M.title(s, after)
  after = after or "\\s'’-"
  return (re.gsub(M.lower(s), "(^|[" .. after .. "])(\\p{Ll})", function(pre, c) return pre .. M.upper(c) end))
end

return M
