--- fields: rename, copy and drop document fields (to map a data set's layout onto docpipe's).
--
-- Options, applied in this order: `copy` (map source -> target: target gets the value of
-- source, which stays), `rename` (map source -> target: the value moves, source is
-- removed), `drop` (list of fields removed). A source that is missing is skipped; a target
-- that exists is overwritten. The fields id and meta cannot be renamed or dropped (the
-- engine and other stages rely on them).
--
-- Example: CNN/DailyMail records {id, article, highlights} become {id, text, reference}
-- with rename: {article: text, highlights: reference} (pipelines/rouge.yaml).
--
-- Method: plain table moves; values are shared, not deep-copied (a copied list is the same
-- table under two names; JSON output writes it twice).
--
-- Units: none.

local type, pairs, ipairs, sort = type, pairs, ipairs, table.sort

local PROTECTED = { id = true, meta = true }

-- The pairs of a map in name order, so that the result never depends on table order.
local function sorted_pairs(map)
  local keys = {}
  for k in pairs(map) do keys[#keys + 1] = k end
  sort(keys)
  local i = 0
  return function()
    i = i + 1
    local k = keys[i]
    if k ~= nil then return k, map[k] end
  end
end

local function check_map(map, what)
  for k, v in pairs(map) do
    if type(k) ~= "string" or type(v) ~= "string" then
      error(("fields: %s must map field names to field names"):format(what), 0)
    end
    if what ~= "copy" and PROTECTED[k] then
      error(("fields: cannot %s '%s'"):format(what, k), 0)
    end
    if PROTECTED[v] then error(("fields: cannot overwrite '%s'"):format(v), 0) end
  end
end

local M = {
  name = "fields",
  doc = "Rename, copy and drop document fields (e.g. rename: {article: text}).",
}

M.options = {
  rename = { type = "map", default = {}, doc = "source -> target: move a field (target overwritten)" },
  copy = { type = "map", default = {}, doc = "source -> target: copy a field (target overwritten)" },
  drop = { type = "list", default = {}, doc = "fields to remove" },
}

function M.init(opts, ctx)
  opts = opts or {}
  for k, spec in pairs(M.options) do
    if opts[k] == nil then opts[k] = spec.default end
  end
  check_map(opts.rename, "rename")
  check_map(opts.copy, "copy")
  for _, f in ipairs(opts.drop) do
    if type(f) ~= "string" then error("fields: drop must be a list of field names", 0) end
    if PROTECTED[f] then error(("fields: cannot drop '%s'"):format(f), 0) end
  end
  ctx.opts = opts
end

function M.process(doc, ctx)
  local opts = ctx.opts
  for from, to in sorted_pairs(opts.copy) do
    if doc[from] ~= nil then doc[to] = doc[from] end
  end
  -- read every source first, so that {a: b, b: a} swaps
  local moved = {}
  for from, to in sorted_pairs(opts.rename) do
    if doc[from] ~= nil then moved[#moved + 1] = { from, to, doc[from] } end
  end
  for _, m in ipairs(moved) do doc[m[1]] = nil end
  for _, m in ipairs(moved) do doc[m[2]] = m[3] end
  for _, f in ipairs(opts.drop) do doc[f] = nil end
  return doc
end

return M
