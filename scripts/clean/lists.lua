--- The entries of a language's data files for the clean stage, with a stage option's
-- extra entries after them.
--
-- Every word list and pattern list of the clean stage is read the same way: the lines
-- of scripts/data/LANG/FILE (docpipe.data.list: one entry per line, # comments), then
-- the entries the user gave in the pipeline's options for that list. This module is
-- that one reading, so a list read as entries (an alternation's patterns) and a list
-- read as a set (words looked up) cannot drift apart.
-- @module docpipe.clean.lists

local dp = require "docpipe"

local M = {}

--- The entries of data file lang/file, in file order, then those of more (a list, may
-- be nil), as written. @return a new list
function M.entries(lang, file, more)
  local out = {}
  for _, e in ipairs(dp.data.list(lang .. "/" .. file)) do out[#out + 1] = e end
  for _, e in ipairs(more or {}) do out[#out + 1] = e end
  return out
end

--- A pattern matching the text s literally (docpipe.re.escape), each run of white space
-- in it matching any run of white space ("Date of  publication" for "Date of
-- publication"): an entry of a word list inside an alternation.
function M.literal(s)
  local parts = {}
  for w in s:gmatch("%S+") do parts[#parts + 1] = dp.re.escape(w) end
  return table.concat(parts, "\\s+")
end

--- The entries of lang/file and of more, in lower case, as a set (entry -> true).
function M.word_set(lang, file, more)
  local set = {}
  for _, w in ipairs(M.entries(lang, file, more)) do set[w:lower()] = true end
  return set
end

return M
