--- Sorting the quotes stage's lists by a number field, without sorting what is in order.
--
-- The stage keeps most of its lists (mentions, records, quotes) in text order already and
-- sorted them again with table.sort and a comparison closure, which calls Lua once per
-- comparison. When the keys are strictly ascending the sorted order is the list itself
-- (distinct keys have one sorted order), so a linear check suffices; otherwise, or when
-- two keys tie (table.sort is not stable, and the order it gives ties is kept), the list
-- is sorted as before. Merging two lists follows the same rule.
--
-- Units: keys are numbers (token indices, byte offsets).
-- @module docpipe.quotes.order

local sort = table.sort

local M = {}

-- the comparison closures, one per field (as `function(x, y) return x[f] < y[f] end`)
local by_field = {}
local function less(field)
  local f = by_field[field]
  if not f then
    f = function(x, y) return x[field] < y[field] end
    by_field[field] = f
  end
  return f
end

--- Are the list's values of field strictly ascending?
function M.ascending(list, field)
  local prev
  for i = 1, #list do
    local v = list[i][field]
    if prev ~= nil and not (prev < v) then return false end
    prev = v
  end
  return true
end

--- Sort list in place by field (ascending), as table.sort(list, function(x, y) return
-- x[field] < y[field] end) does, skipping the sort when the keys are strictly ascending.
-- Returns list.
function M.by(list, field)
  if not M.ascending(list, field) then sort(list, less(field)) end
  return list
end

--- The items of a, then those of b, sorted by field: as table.sort on the two lists
-- appended, which it is when the keys of either list are not strictly ascending or a key
-- of a equals one of b; else a merge. Returns a new list.
function M.merge(a, b, field)
  local out, na, nb = {}, #a, #b
  if M.ascending(a, field) and M.ascending(b, field) then
    local i, j, n = 1, 1, 0
    while i <= na and j <= nb do
      local x, y = a[i], b[j]
      local kx, ky = x[field], y[field]
      if kx == ky then goto sort end
      n = n + 1
      if kx < ky then out[n] = x; i = i + 1 else out[n] = y; j = j + 1 end
    end
    for k = i, na do n = n + 1; out[n] = a[k] end
    for k = j, nb do n = n + 1; out[n] = b[k] end
    do return out end
  end
  ::sort::
  out = {}
  for k = 1, na do out[k] = a[k] end
  for k = 1, nb do out[na + k] = b[k] end
  sort(out, less(field))
  return out
end

return M
