--- The pipeline engine: loads and validates a pipeline file, loads its
-- stages, runs one document through them and formats the results.
--
-- The C runner (src/dp_run.c) reads inputs and writes outputs; everything
-- a pipeline decides (which stages, which options, what happens on an
-- error, how a document is written) is here.
--
-- Pipeline file (YAML):
--   name, description, on_error: fail|skip|keep,
--   stages: list of {stage: NAME or path.lua, with: {options}, on_error, name},
--   output: {format: jsonl|json|markdown|text|html, fields: [names]}
-- Errors are "FILE:LINE:COLUMN: message" with a suggestion for misspelt
-- keys, option names and stage names (Levenshtein distance <= 2).
-- @module docpipe.engine

local dp = require "docpipe"
local limits = require "docpipe.limits"
local sandbox = require "docpipe.sandbox"

local type, pairs, ipairs, tostring = type, pairs, ipairs, tostring
local concat, sort, insert = table.concat, table.sort, table.insert
local null = dp.null

local M = {}

-- Coroutines keep the time limit: the watchdog's signal (src/dp_limits.c) reaches only
-- the state's main thread, so coroutine.create and coroutine.wrap make coroutines that
-- look at the clock themselves (limits.cocreate). Sandboxed stages copy these. Only in
-- a state docpipe made (limits.used() answers): a program that loads the docpipe module
-- keeps its own coroutine functions.
if limits.cocreate and limits.used() ~= nil and coroutine.create ~= limits.cocreate then
  local cocreate, resume, status, close = limits.cocreate, coroutine.resume, coroutine.status,
    coroutine.close
  local pack, unpack = table.pack, table.unpack
  coroutine.create = cocreate
  coroutine.wrap = function(f)
    local co = cocreate(f)
    return function(...)
      local r = pack(resume(co, ...))
      if r[1] then return unpack(r, 2, r.n) end
      if status(co) == "dead" then close(co) end
      error(r[2], 0)
    end
  end
end

M.formats = { jsonl = true, json = true, markdown = true, text = true, html = true }
local ON_ERROR = { fail = true, skip = true, keep = true }
local PIPELINE_KEYS = { "name", "description", "stages", "on_error", "output", "limits" }
local STAGE_KEYS = { "stage", "with", "on_error", "name", "limits", "allow" }
local LIMIT_KEYS = { "time_ms", "memory_mb" }
-- The largest limits: time_ms as a C int (the limit's messages print it so; 24.8 days),
-- memory_mb 16 TiB, far past any Lua state, whose bytes a 64-bit count holds (a value
-- near 2^63 wrapped to a negative byte count: no limit at all)
local LIMIT_MAX = { time_ms = 2147483647, memory_mb = 16777216 }
local LIMIT_MAX_SAID = { time_ms = "about 24.8 days", memory_mb = "16 TiB" }

--- Default limits: a stage call may take this long on one document, and
-- the whole Lua state may hold this much memory while a stage runs.
M.default_limits = { time_ms = 30000, memory_mb = 2048 }
local OUTPUT_KEYS = { "format", "fields" }
-- the document model's top-level fields (README, "The document"), for output.fields: a
-- name within two edits of one of them and none itself is taken for a misspelling
local MODEL_FIELDS = { "id", "source", "url", "text", "html", "title", "outlet", "date",
  "dateline", "authors", "highlights", "contributors", "paragraphs", "sentences",
  "quotes", "summary", "meta", "errors" }

--- Edit distance between two strings (Levenshtein), for suggestions.
local function distance(a, b)
  local la, lb = #a, #b
  local prev = {}
  for j = 0, lb do prev[j] = j end
  for i = 1, la do
    local cur = { [0] = i }
    local ca = a:byte(i)
    for j = 1, lb do
      local cost = (ca == b:byte(j)) and 0 or 1
      local v = prev[j] + 1
      if cur[j - 1] + 1 < v then v = cur[j - 1] + 1 end
      if prev[j - 1] + cost < v then v = prev[j - 1] + cost end
      cur[j] = v
    end
    prev = cur
  end
  return prev[lb]
end

--- The closest of candidates to word, or nil when none is close.
function M.suggest(word, candidates)
  local best, bestd = nil, 3
  for _, c in ipairs(candidates) do
    local d = distance(word, c)
    if d < bestd then best, bestd = c, d end
  end
  return best
end

local function did_you_mean(word, candidates)
  local s = M.suggest(word, candidates)
  return s and (" (did you mean '" .. s .. "'?)") or ""
end

--- Names of the built-in stages, sorted.
function M.builtin_stages()
  local names = {}
  for _, path in ipairs(dp.builtin("scripts/stages/")) do
    local n = path:match("^scripts/stages/([%w_%-]+)%.lua$")
    if n then names[#names + 1] = n end
  end
  return names
end

--- Names of the built-in pipelines, sorted.
function M.builtin_pipelines()
  local names = {}
  for _, path in ipairs(dp.builtin("pipelines/")) do
    local n = path:match("^pipelines/([%w_%-]+)%.yaml$")
    if n then names[#names + 1] = n end
  end
  return names
end

-- An error collector that formats FILE:LINE:COLUMN: message.
local function collector(file, positions)
  local errs = {}
  local function at(tbl, key, which)
    local p = positions[tbl]
    if p and key ~= nil then
      local q = p[which or "values"][key]
      if q then return q end
    end
    return p
  end
  local function add(pos, msg)
    if pos then
      errs[#errs + 1] = ("%s:%d:%d: %s"):format(file, pos.line, pos.column, msg)
    else
      errs[#errs + 1] = ("%s: %s"):format(file, msg)
    end
  end
  return errs, at, add
end

local function yaml_type(v)
  if v == null then return "null" end
  local t = type(v)
  if t == "table" then
    local mt = getmetatable(v)
    return (mt and mt.__name == "object") and "mapping" or "list"
  end
  if math.type(v) == "integer" then return "integer" end
  return t
end

-- A value's kind in messages: one word for every number ("number", with the value,
-- since 1 and 2.5 are both numbers to whoever wrote the YAML), else yaml_type's word.
local function kind_of(v)
  if type(v) == "number" then return ("number (%s)"):format(tostring(v)) end
  -- (a string with its value, cut at 40 bytes: "got string 'seventy'")
  if type(v) == "string" then
    return ("string '%s'"):format(#v > 40 and v:sub(1, 37) .. "..." or v)
  end
  return yaml_type(v)
end

local function is_map(v) return yaml_type(v) == "mapping" end
local function is_list(v) return yaml_type(v) == "list" end

-- hint, optional: function(key) -> a better hint than a near key name, or nil
local function check_keys(tbl, allowed, what, at, add, hint)
  for k in pairs(tbl) do
    local known = false
    for _, a in ipairs(allowed) do if a == k then known = true end end
    if not known then
      add(at(tbl, k, "keys"), ("unknown key '%s' in %s%s"):format(tostring(k), what,
        hint and hint(k) or did_you_mean(tostring(k), allowed)))
    end
  end
end

-- A number option's value against its declared bounds (spec.min, spec.max,
-- both inclusive): a NaN or an infinity is never a setting ("length_low: .nan").
local function check_range(spec, v)
  if v ~= v or v == math.huge or v == -math.huge then
    return nil, ("must be a finite number, got %s"):format(tostring(v))
  end
  if spec.min and v < spec.min then
    return nil, ("must be at least %s, got %s"):format(tostring(spec.min), tostring(v))
  end
  if spec.max and v > spec.max then
    return nil, ("must be at most %s, got %s"):format(tostring(spec.max), tostring(v))
  end
  return v
end

--- Check one option value against its declared type; returns the value
-- (with list/map defaults copied) or nil, message and, when the fault is a
-- list's item, that item's 1-based index (for its line and column).
local TYPES = { string = true, number = true, integer = true, boolean = true,
  list = true, map = true, any = true }

local BOOLISH = { yes = true, no = false, on = true, off = false, y = true, n = false, ["true"] = true, ["false"] = false }

local function check_option(spec, v)
  local want = spec.type or "any"
  local got = yaml_type(v)
  if want == "any" then return v end
  if want == "number" and (got == "integer" or got == "number") then return check_range(spec, v) end
  if want == "integer" and got == "number" and math.tointeger(v) then return check_range(spec, math.tointeger(v)) end
  if want == "integer" and got == "integer" then return check_range(spec, v) end
  if want == "list" and got == "mapping" and next(v) == nil then return dp.array({}) end
  if want == "map" and got == "mapping" then return v end
  if want == got then
    -- (a list option's items are strings: word lists and patterns; "[1, ~]" is a
    -- configuration error, not a failure inside the stage)
    if want == "list" then
      for i = 1, #v do
        if type(v[i]) ~= "string" then
          return nil, ("must be a list of strings, got %s as item %d"):format(kind_of(v[i]), i), i
        end
      end
    end
    if spec.choices then
      for _, c in ipairs(spec.choices) do if c == v then return v end end
      return nil, ("must be one of %s, got '%s'%s"):format(concat(spec.choices, ", "), tostring(v),
        type(v) == "string" and did_you_mean(v, spec.choices) or "")
    end
    return v
  end
  -- (YAML 1.1's yes/no/on/off are strings in YAML 1.2, which libyaml's loader follows
  -- here: say what to write instead)
  local hint = ""
  if want == "boolean" and got == "string" and BOOLISH[v:lower()] ~= nil then
    local b = BOOLISH[v:lower()]
    hint = (" (write %s%s)"):format(tostring(b), tostring(b) == v:lower() and ", without quotes" or "")
  elseif want == "list" and got == "string" then
    -- (one pattern or word where a list is wanted: "drop: '^Sponsored'")
    hint = (" (write a list: ['%s'])"):format(#v > 40 and v:sub(1, 37) .. "..." or v)
  end
  return nil, ("must be %s %s, got %s%s"):format(want == "integer" and "an" or "a", want, kind_of(v), hint)
end

local function copy(v)
  if type(v) ~= "table" then return v end
  local t = {}
  for k, x in pairs(v) do t[k] = copy(x) end
  return setmetatable(t, getmetatable(v))
end

--- Validate opts (a table, possibly with positions) against a stage's
-- declared options; fills defaults. Returns the options table.
function M.validate_options(stage, opts, stage_name, at, add)
  local decl = stage.options or {}
  local names = {}
  for k in pairs(decl) do names[#names + 1] = k end
  sort(names)
  local out = {}
  for k, v in pairs(opts or {}) do
    local spec = decl[k]
    if not spec then
      add(at(opts, k, "keys"), ("stage '%s' has no option '%s'%s"):format(stage_name, tostring(k),
        did_you_mean(tostring(k), names)))
    else
      local val, err, item = check_option(spec, v)
      if err then
        -- a bad item is pointed at itself, not at the list's "[" or first "-"
        local pos = item and at(v, item) or nil
        if pos == at(v) then pos = nil end  -- (at falls back to the list's own mark)
        add(pos or at(opts, k), ("option '%s' of stage '%s' %s"):format(k, stage_name, err))
      else
        out[k] = val
      end
    end
  end
  for k, spec in pairs(decl) do
    if out[k] == nil and spec.default ~= nil then out[k] = copy(spec.default) end
    if spec.type and not TYPES[spec.type] then
      add(nil, ("stage '%s' declares option '%s' with unknown type '%s'"):format(stage_name, k,
        tostring(spec.type)))
    end
  end
  return out
end

local function dirname(path)
  return path:match("^(.*)/[^/]*$") or "."
end

local function add_module_dir(dir)
  local entry = dir .. "/?.lua;"
  if not package.path:find(entry, 1, true) then
    package.path = entry .. package.path
  end
end

--- Load a stage module: a path (.lua, relative to base_dir) or a built-in
-- name. Returns the module table or nil, message.
function M.load_stage(ref, base_dir, allow)
  if ref:find("/", 1, true) or ref:match("%.lua$") then
    local path = ref
    if path:sub(1, 1) ~= "/" and base_dir then path = base_dir .. "/" .. path end
    -- with `allow: [package]` the stage's folder joins package.path for plain require
    if allow and allow.package then add_module_dir(dirname(path)) end
    local env = sandbox.env(dirname(path), allow)
    local chunk, err = loadfile(path, "t", env)
    if not chunk then return nil, ("cannot load stage '%s': %s"):format(ref, err) end
    limits.arm(M.default_limits.time_ms, M.default_limits.memory_mb * 1048576)
    local ok, mod = pcall(chunk)
    local hit = limits.disarm()
    if not ok then
      return nil, ("error loading stage '%s': %s"):format(ref, hit and (hit .. " limit exceeded") or tostring(mod))
    end
    if type(mod) ~= "table" or type(mod.process) ~= "function" then
      return nil, ("stage '%s' must return a table with a process function"):format(ref)
    end
    return mod, path
  end
  if not ref:match("^[%w_%-]+$") then
    -- the names there are, and the nearest to what follows a prefix (builtin:nosuch)
    local bare = ref:match("^%a+:(.*)$") or ref
    local hint = did_you_mean(bare, M.builtin_stages())
    return nil, ("bad stage name '%s': a stage is a built-in stage's name (%s) or a path to a .lua file%s")
      :format(ref, concat(M.builtin_stages(), ", "), hint)
  end
  local ok, mod = pcall(require, "docpipe.stages." .. ref)
  if not ok then
    if tostring(mod):find("no built-in module", 1, true) then
      return nil, ("unknown stage '%s'%s"):format(ref, did_you_mean(ref, M.builtin_stages()))
    end
    return nil, ("error loading stage '%s': %s"):format(ref, tostring(mod))
  end
  if type(mod) ~= "table" or type(mod.process) ~= "function" then
    return nil, ("stage '%s' must return a table with a process function"):format(ref)
  end
  return mod, "builtin"
end

-- Parse a `limits` mapping into {time_ms, memory_mb}, starting from base.
local function parse_limits(tbl, base, at, add)
  local out = { time_ms = base.time_ms, memory_mb = base.memory_mb }
  check_keys(tbl, LIMIT_KEYS, "limits", at, add)
  for _, k in ipairs(LIMIT_KEYS) do
    local v = tbl[k]
    if v ~= nil then
      if type(v) == "number" and v > LIMIT_MAX[k] then
        -- (a whole number past 2^63 reads as a float: shown with its digits)
        local got = math.type(v) == "float" and v < math.huge and v == math.floor(v)
          and ("%.0f"):format(v) or tostring(v)
        add(at(tbl, k), ("limits.%s is too large: at most %d (%s), got %s"):format(k,
          LIMIT_MAX[k], LIMIT_MAX_SAID[k], got))
      elseif math.type(v) ~= "integer" or v <= 0 then
        -- (the value's type shown: "got string '2s'", "got list", not "table: 0x...")
        local got = type(v) == "number" and tostring(v)
          or type(v) == "string" and ("string '%s'"):format(v) or kind_of(v)
        add(at(tbl, k), ("limits.%s must be a positive integer, got %s"):format(k, got))
      else
        out[k] = v
      end
    end
  end
  return out
end

-- Parse an `allow` list into a set of sandbox grants.
local function parse_allow(list, at, add, owner, key)
  local set = {}
  if not is_list(list) then
    add(at(owner, key), "allow must be a list, e.g. [io, os]")
    return set
  end
  local names = { "debug", "io", "os", "package" }
  for i, g in ipairs(list) do
    if type(g) ~= "string" or not sandbox.grants[g] then
      add(at(list, i), ("allow: unknown grant '%s' (io, os, debug or package)%s"):format(tostring(g),
        did_you_mean(tostring(g), names)))
    else
      set[g] = true
    end
  end
  return set
end

local Pipeline = {}
Pipeline.__index = Pipeline

--- Parse and validate a pipeline. text: the YAML; file: the name used in
-- messages; dir: where relative stage paths resolve (nil: the current
-- directory). Returns a pipeline or nil, list of error lines.
function M.load(text, file, dir)
  local cfg, positions = dp.yaml.load(text, file)
  if cfg == nil then return nil, { positions } end
  local errs, at, add = collector(file, positions)
  if not is_map(cfg) then
    add(positions[cfg] or { line = 1, column = 1 },
      "a pipeline must be a mapping with a 'stages' list, got " .. kind_of(cfg))
    return nil, errs
  end
  check_keys(cfg, PIPELINE_KEYS, "the pipeline", at, add)
  local p = setmetatable({ name = "pipeline", description = "", stages = {}, file = file,
    on_error = "fail", output = { format = "jsonl" }, limits = M.default_limits }, Pipeline)
  if cfg.limits ~= nil then
    if not is_map(cfg.limits) then
      add(at(cfg, "limits"), "limits must be a mapping {time_ms, memory_mb}")
    else
      p.limits = parse_limits(cfg.limits, M.default_limits, at, add)
    end
  end
  for _, k in ipairs({ "name", "description" }) do
    if cfg[k] ~= nil then
      if type(cfg[k]) ~= "string" then
        add(at(cfg, k), ("'%s' must be a string, got %s"):format(k, kind_of(cfg[k])))
      else
        p[k] = cfg[k]
      end
    end
  end
  if cfg.on_error ~= nil then
    if not ON_ERROR[cfg.on_error] then
      add(at(cfg, "on_error"), "on_error must be fail, skip or keep")
    else
      p.on_error = cfg.on_error
    end
  end
  if cfg.output ~= nil then
    if not is_map(cfg.output) then
      add(at(cfg, "output"), "output must be a mapping {format, fields}")
    else
      local o = cfg.output
      check_keys(o, OUTPUT_KEYS, "output", at, add)
      if o.format ~= nil then
        if not M.formats[o.format] then
          local names = { "html", "json", "jsonl", "markdown", "text" }
          local shown = type(o.format) == "string" and o.format or kind_of(o.format)
          add(at(o, "format"), ("unknown output format '%s'%s"):format(shown,
            did_you_mean(shown, names)))
        else
          p.output.format = o.format
        end
      end
      if o.fields ~= nil then
        if not is_list(o.fields) then
          add(at(o, "fields"), "output.fields must be a list of field names")
        elseif #o.fields == 0 then
          -- (it would write {} for every document; no fields key means every field)
          add(at(o, "fields"), "output.fields is empty: name the fields to write, or leave "
            .. "output.fields out to write every field")
        else
          local model, seen = {}, {}
          for _, f in ipairs(MODEL_FIELDS) do model[f] = true end
          for i, f in ipairs(o.fields) do
            if type(f) ~= "string" then add(at(o.fields, i), "a field name must be a string")
            elseif seen[f] then
              add(at(o.fields, i), ("field '%s' is named twice in output.fields"):format(f))
            elseif not model[f] and M.suggest(f, MODEL_FIELDS) then
              -- (another name is a field of a stage of one's own or of the input records)
              add(at(o.fields, i), ("unknown field '%s' in output.fields%s"):format(f,
                did_you_mean(f, MODEL_FIELDS)))
            end
            if type(f) == "string" then seen[f] = true end
          end
          p.output.fields = o.fields
        end
      end
    end
  end
  local stages = cfg.stages
  if stages == nil then
    add(positions[cfg], "the pipeline has no 'stages' list")
  elseif not is_list(stages) then
    add(at(cfg, "stages"), "'stages' must be a list of {stage: NAME, with: {...}}")
  elseif stages[1] == nil then  -- stages: [] would pass every document through untouched
    add(at(cfg, "stages"), "a pipeline needs at least one stage")
  else
    for i, entry in ipairs(stages) do
      if type(entry) == "string" then  -- shorthand: "- sentences"
        local pos = at(stages, i)
        entry = setmetatable({ stage = entry }, getmetatable(cfg))
        positions[entry] = { line = pos.line, column = pos.column, keys = {},
          values = { stage = pos } }
      end
      if not is_map(entry) then
        add(at(stages, i), "a stage entry must be a mapping {stage: NAME, with: {...}}")
      elseif type(entry.stage) ~= "string" then
        add(positions[entry], "a stage entry needs 'stage: NAME' (a built-in name or a .lua path)")
        check_keys(entry, STAGE_KEYS, "a stage entry", at, add)
      else
        local allow = entry.allow ~= nil and parse_allow(entry.allow, at, add, entry, "allow") or nil
        local mod, origin = M.load_stage(entry.stage, dir, allow)
        -- an option of the stage written beside `stage:` instead of under `with:`
        local decl = mod and type(mod.options) == "table" and mod.options or {}
        check_keys(entry, STAGE_KEYS, "a stage entry", at, add, function(k)
          if decl[k] ~= nil then
            return (" ('%s' is an option of stage '%s': did you mean to put it under with:?)"):format(
              tostring(k), entry.stage)
          end
          -- (a misspelt option there: "explian", nearer an option than a key of the entry)
          if not M.suggest(tostring(k), STAGE_KEYS) then
            local names = {}
            for name in pairs(decl) do names[#names + 1] = name end
            table.sort(names)
            local s = M.suggest(tostring(k), names)
            if s then
              return (" (did you mean '%s', an option of stage '%s', under with:?)"):format(s, entry.stage)
            end
          end
        end)
        if not mod then
          add(at(entry, "stage"), origin)
        else
          if entry.name ~= nil and type(entry.name) ~= "string" then
            add(at(entry, "name"), "a stage's name must be a string, got " .. kind_of(entry.name))
          end
          local label = type(entry.name) == "string" and entry.name
            or type(mod.name) == "string" and mod.name or entry.stage
          local on_error = p.on_error
          if entry.on_error ~= nil then
            if not ON_ERROR[entry.on_error] then
              add(at(entry, "on_error"), "on_error must be fail, skip or keep")
            else
              on_error = entry.on_error
            end
          end
          local with = entry.with
          if with ~= nil and with ~= null and not is_map(with) then
            add(at(entry, "with"), "'with' must be a mapping of options")
            with = nil
          end
          if with == null then with = nil end
          local opts = M.validate_options(mod, with, label, at, add)
          local lim = p.limits
          if entry.limits ~= nil then
            if not is_map(entry.limits) then
              add(at(entry, "limits"), "limits must be a mapping {time_ms, memory_mb}")
            else
              lim = parse_limits(entry.limits, p.limits, at, add)
            end
          end
          local sdir
          if origin ~= "builtin" then
            sdir = dirname(origin)
            if sdir:sub(1, 1) ~= "/" and sdir:sub(1, 2) ~= "./" and sdir:sub(1, 3) ~= "../" then
              sdir = "./" .. sdir  -- so docpipe.data.read takes it as a path on disk
            end
          end
          local pos = at(entry, "with") or at(entry, "stage")
          -- where each option given under `with` has its value: init's errors point there
          -- (and of each string of a list value, by its text: a bad pattern of a list)
          local values = {}
          local function spot(q) return ("%s:%d:%d"):format(file, q.line, q.column) end
          for k, v in pairs(with or {}) do
            local vp = type(k) == "string" and at(with, k)
            if vp then
              values[k] = { at = spot(vp), items = {} }
              if yaml_type(v) == "list" then
                for i, item in ipairs(v) do
                  local ip = type(item) == "string" and at(v, i)
                  if ip and ip ~= vp then values[k].items[#values[k].items + 1] = { text = item, at = spot(ip) } end
                end
              end
            end
          end
          p.stages[#p.stages + 1] = { mod = mod, name = label, ref = entry.stage, dir = sdir,
            where = pos and ("%s:%d:%d"):format(file, pos.line, pos.column) or file,
            values = values, on_error = on_error, opts = opts, origin = origin, limits = lim }
        end
      end
    end
  end
  if #errs > 0 then
    -- in the order of the file, whatever order the tables were walked in
    local function key(e)
      local l, c = e:match("^[^\n]-:(%d+):(%d+): ")
      return (tonumber(l) or 0) * 100000 + (tonumber(c) or 0)
    end
    table.sort(errs, function(a, b)
      local ka, kb = key(a), key(b)
      if ka ~= kb then return ka < kb end
      return a < b
    end)
    return nil, errs
  end
  p.output.format = p.output.format or "jsonl"
  return p
end

-- Error handler: keeps the message and a traceback.
-- A readable message for any error value: tables as JSON (or their
-- `message` field), nil said as such, never a Lua address.
local function error_text(err)
  if err == nil then return "an error without a message (nil)" end
  if type(err) == "table" then
    if type(err.message) == "string" then return err.message end
    local ok, s = pcall(dp.json.encode, err)
    return ok and ("error value " .. s) or "an error value that is a table"
  end
  local ok, s = pcall(tostring, err)
  return ok and s or ("an error value of type " .. type(err))
end
M.error_text = error_text

local function handler(err)
  return { message = error_text(err), traceback = debug.traceback(nil, 2) }
end

-- A document id for messages, whatever the id holds.
local function show_id(id)
  if type(id) == "string" then return id end
  if math.type(id) == "integer" then return tostring(id) end
  if id == nil or id == null then return "(no id)" end
  local ok, s = pcall(dp.json.encode, id)
  return ok and s or ("(an id of type " .. type(id) .. ")")
end

-- A document id for a one-line message: show_id with every control character (a
-- newline, ESC, which would break the line or reach a terminal as an escape sequence)
-- made a space; the warning and the failure lines both name the document so.
local function line_id(id)
  return (show_id(id):gsub("%c", " "))
end

--- Call f(...) for stage st under its limits. Returns true, result or
-- false, {message, traceback}; a limit that was hit is named in the message.
local function call_stage(st, f, ...)
  local lim = st.limits
  limits.arm(lim.time_ms, lim.memory_mb * 1048576)
  local ok, r = xpcall(f, handler, ...)
  local hit, where = limits.disarm()
  if not ok then
    -- (an error for memory runs no message handler: no traceback came with it)
    if type(r) ~= "table" then r = { message = error_text(r), traceback = "" } end
    if hit == "time" or hit == "memory" then r.limit = hit end
    if hit == "time" then
      r.message = ("time limit of %d ms exceeded (limits.time_ms)"):format(lim.time_ms)
    elseif hit == "memory" then
      r.message = ("memory limit of %d MB exceeded (limits.memory_mb)"):format(lim.memory_mb)
      if r.traceback == "" then
        r.traceback = where and where ~= ""
          and ("stack traceback (the allocation refused):" .. where)
          or "(no traceback: Lua gives none for an error raised for memory)"
      end
      collectgarbage("collect")  -- give back what the failed call held
    end
    if r.traceback == "" then r.traceback = "(no traceback available)" end
  end
  return ok, r
end

-- The traceback of a failure found in what process gave back (it returned, so no stack
-- is left to show): where the stage's process function is defined.
local function returned_traceback(st)
  local info = type(st.mod.process) == "function" and debug.getinfo(st.mod.process, "S")
  if info and info.linedefined and info.linedefined > 0 then
    return ("(no traceback: process returned; it is defined at %s:%d)"):format(info.short_src,
      info.linedefined)
  end
  return "(no traceback: process returned)"
end

-- The message for a stage whose init refused its options: "WHERE: stage 'NAME' rejected
-- its configuration: MESSAGE", the stage named once (a message opening on its own name
-- loses it), WHERE the value of the option the message names first when it names one
-- given under `with` (the item of a list the message quotes), else the stage's entry.
local function init_error(st, msg)
  msg = tostring(msg)
  for _, n in ipairs({ st.name, st.mod.name, st.ref }) do
    if type(n) == "string" and msg:sub(1, #n + 2) == n .. ": " then
      msg = msg:sub(#n + 3)
      break
    end
  end
  local where, first = st.where or "?", math.huge
  for k, v in pairs(st.values or {}) do
    -- the option's name as a whole word (numeric_dates, not dates)
    local i = msg:find("%f[%w_]" .. k:gsub("%p", "%%%0") .. "%f[^%w_]")
    if i and i < first then
      where, first = v.at, i
      -- a list's item the message quotes (its first, longest when several match)
      local best = -1
      for _, item in ipairs(v.items) do
        -- quoted in the message ("" too) before merely found in it
        local score = msg:find('"' .. item.text .. '"', i, true) and #item.text + 1e6
          or #item.text > 0 and msg:find(item.text, i, true) and #item.text or -1
        if score > best then where, best = item.at, score end
      end
    end
  end
  return ("%s: stage '%s' rejected its configuration: %s"):format(where, st.name, msg)
end

--- Build the per-stage contexts and call every init. Returns true or nil, message.
function Pipeline:init()
  for _, st in ipairs(self.stages) do
    local ctx = { opts = st.opts, stage = st.name, state = {}, pipeline = self.name,
      dir = st.dir }
    function ctx.warn(doc, msg)
      doc.meta = doc.meta or dp.object()
      local w = doc.meta.warnings or dp.array()
      msg = tostring(msg)
      -- "stage: message" once, even when the stage names itself already
      if msg:sub(1, #st.name + 2) ~= st.name .. ": " then msg = st.name .. ": " .. msg end
      w[#w + 1] = msg
      doc.meta.warnings = w
      -- noted for step too: a later stage may drop the list, or the document
      local log = self.warn_log
      if log then
        if log == true then log = {}; self.warn_log = log end  -- (step's "none yet")
        log[#log + 1] = { id = doc.id, msg = msg }
      end
      -- and for run: a failed call's document is put back as it entered, with these
      local call = self.call_warnings
      if call then call[#call + 1] = { doc = doc, msg = msg } end
    end
    st.ctx = ctx
    if st.mod.init then
      local ok, err = call_stage(st, st.mod.init, st.opts, ctx)
      if not ok then
        -- a limit reached in init is no verdict on the options: said as such
        if err.limit then
          local what = err.limit == "memory"
            and ("memory limit of %d MB (limits.memory_mb)"):format(st.limits.memory_mb)
            or ("time limit of %d ms (limits.time_ms)"):format(st.limits.time_ms)
          return nil, ("%s: stage '%s' could not start: its init reached the %s"):format(
            st.where or "?", st.name, what)
        end
        -- init is where a stage checks what validation cannot: report it at the
        -- stage's entry, like the other configuration errors
        return nil, init_error(st, err.message)
      end
    end
  end
  self.counts = { documents = 0, dropped = 0, failed = 0 }
  for _, st in ipairs(self.stages) do
    st.stats = { name = st.name, ["in"] = 0, out = 0, dropped = 0, failed = 0, cpu = 0 }
  end
  return true
end

local function is_doc_list(r)
  return r[1] ~= nil and r.id == nil and r.text == nil
end

-- (raw: a stage's __metatable field does not hide or guard the one to put back)
local rawget_mt = debug and debug.getmetatable or getmetatable
local rawset_mt = debug and debug.setmetatable or setmetatable

-- A snapshot of every table reachable from doc (itself included): each mapped to a
-- shallow copy of its contents (saved) and to its metatable (mts), read raw. restore()
-- writes them back in place, so the document is what it was, also in its deep tables
-- (meta.warnings, nested lists) and in tables it shares with another document or with
-- a stage's state; tables the stage made are simply no longer reachable. Taken before
-- a stage runs, only when a failure must give the document as it entered the stage
-- (on_error keep or skip, --errors). The docpipe binary has the same in C
-- (src/dp_engine.c, a third less time on the news pipeline's documents); this one
-- serves a Lua state docpipe did not make (the Lua module in another program).
local function lua_snapshot(doc)
  local saved, mts, stack, n = { [doc] = true }, {}, { doc }, 1
  while n > 0 do
    local t = stack[n]
    stack[n] = nil
    n = n - 1
    local c = {}
    for key, v in next, t do
      c[key] = v
      if type(v) == "table" and not saved[v] then saved[v] = true; n = n + 1; stack[n] = v end
      if type(key) == "table" and not saved[key] then saved[key] = true; n = n + 1; stack[n] = key end
    end
    saved[t] = c
    mts[t] = rawget_mt(t)
  end
  return saved, mts
end

local function lua_restore(saved, mts)
  for t, c in next, saved do
    for key in next, t do rawset(t, key, nil) end
    for key, v in next, c do rawset(t, key, v) end
    rawset_mt(t, mts[t])
  end
end

local has_c, csnap = pcall(require, "dp_engine_snapshot")
local snapshot = has_c and csnap.snapshot or lua_snapshot
local restore = has_c and csnap.restore or lua_restore
M.snapshot, M.restore = snapshot, restore
-- json_doc's common case in one C call (a plain record), nil where there is none
local fast_json_doc = has_c and csnap.json_doc or nil
M.lua_snapshot, M.lua_restore = lua_snapshot, lua_restore

-- What is wrong with a document a stage gave back, or nil: a text that is no string
-- (the writers and the next stages read it as one: "text": 5 was written as it was), a
-- meta that is no table (docpipe writes its warnings there). A document without a
-- text is allowed (a stage may keep only fields).
local function malformed(x)
  local t = x.text
  if t ~= nil and type(t) ~= "string" then return ("a document whose text is a %s"):format(type(t)) end
  local m = x.meta
  if m ~= nil and type(m) ~= "table" then return ("a document whose meta is a %s"):format(type(m)) end
  return nil
end

-- A document a stage gave back for d keeps d's id and source when it names none (a new
-- table, {text = ...}, or each piece of a list): the output and the error messages
-- still say which input it came from. One a stage gave its own id keeps that.
local function inherit(x, d)
  if x ~= d then
    if x.id == nil then x.id = d.id end
    if x.source == nil then x.source = d.source end
  end
  return x
end

--- Run one document through every stage.
-- Returns outputs (list of documents), failures (list of error records
-- {id, source, stage, error, traceback, document}) and a status: "ok", or
-- "fail" when a stage with on_error=fail failed (the run should stop).
function Pipeline:run(doc, raw)
  self.counts.documents = self.counts.documents + 1
  local current = { doc }
  local failures = {}
  -- this thread's CPU time (with -j N, only this worker's); a system call on Linux, so
  -- `docpipe run` turns it off (self.timing = false) unless statistics are asked for
  -- (no call at all then: two per stage and document)
  local clock = self.timing ~= false and dp.cpu_clock
  -- failed documents are recorded (--errors): as they entered the failing stage
  local record = self.record_failed
  -- (numeric loops over the engine's own lists: ipairs is a call per item)
  local stages = self.stages
  for si = 1, #stages do
    local st = stages[si]
    local nxt = {}
    local ss = st.stats
    ss["in"] = ss["in"] + #current
    local t0 = clock and clock()
    -- a document that goes on (keep) or is recorded (skip, --errors) after a failure is
    -- the one that entered the stage: what the stage changed before it raised is undone
    local guard = record or st.on_error ~= "fail"
    for di = 1, #current do
      local d = current[di]
      local saved, mts
      if guard then
        saved, mts = snapshot(d)
        self.call_warnings = {}
      end
      local ok, r = call_stage(st, st.mod.process, d, st.ctx)
      local warned = self.call_warnings
      self.call_warnings = nil
      if ok then
        if r == nil then
          self.counts.dropped = self.counts.dropped + 1
          ss.dropped = ss.dropped + 1
        elseif type(r) ~= "table" then
          ok, r = false, { message = ("process returned a %s, not a document"):format(type(r)),
            traceback = returned_traceback(st) }
        elseif next(r) == nil then  -- an empty list: no document comes out
          self.counts.dropped = self.counts.dropped + 1
          ss.dropped = ss.dropped + 1
        elseif is_doc_list(r) then
          for i, x in ipairs(r) do
            local bad = type(x) ~= "table" and ("a " .. type(x) .. ", not a document") or malformed(x)
            if bad then
              ok, r = false, { traceback = returned_traceback(st), message =
                ("process returned a list whose item %d is %s"):format(i, bad) }
              break
            end
          end
          if ok then for _, x in ipairs(r) do nxt[#nxt + 1] = inherit(x, d) end end
        else
          local bad = malformed(r)
          if bad then ok, r = false, { traceback = returned_traceback(st), message = "process returned " .. bad }
          else nxt[#nxt + 1] = inherit(r, d) end
        end
      end
      if not ok then
        if saved then
          restore(saved, mts)
          -- the warnings the stage gave through ctx.warn before it raised stay: they are
          -- docpipe's word on the document, not the stage's work, and kept with it
          -- (in the output or the --errors record) they need no line on stderr with -q
          for _, e in ipairs(warned) do
            if e.doc == d then
              if type(d.meta) ~= "table" then d.meta = dp.object() end
              if type(d.meta.warnings) ~= "table" then d.meta.warnings = dp.array() end
              d.meta.warnings[#d.meta.warnings + 1] = e.msg
            end
          end
        end
        local id = d.id
        local msg = ("stage '%s' failed on document '%s': %s"):format(st.name, line_id(id), r.message)
        local rec = { id = id, source = d.source, stage = st.name, error = msg,
          traceback = r.traceback, on_error = st.on_error, raw = raw }
        failures[#failures + 1] = rec
        self.counts.failed = self.counts.failed + 1
        ss.failed = ss.failed + 1
        if st.on_error == "fail" then
          rec.document = d
          if clock then ss.cpu = ss.cpu + (clock() - t0) end
          return {}, failures, "fail"
        elseif st.on_error == "skip" then
          rec.document = d
        else  -- keep: the document goes on with the error recorded on it
          if record then
            -- (--errors: the document as it entered the stage, encoded now, before the
            -- later stages change it)
            rec.document = d
            local eok, line = pcall(M.encode_error, rec)
            if eok then rec.line = line end
          end
          local errs = d.errors
          if type(errs) ~= "table" then errs = dp.array(); d.errors = errs end
          errs[#errs + 1] = { stage = st.name, message = msg }
          nxt[#nxt + 1] = d
        end
      end
    end
    if clock then ss.cpu = ss.cpu + (clock() - t0) end
    ss.out = ss.out + #nxt
    current = nxt
  end
  return current, failures, "ok"
end

-- A copy of v without what JSON cannot hold (functions, userdata, threads, NaN and
-- infinities, a table met again inside itself), and the path of the first such value.
local function crossable(v, path, seen)
  local t = type(v)
  if t == "number" and (v ~= v or v == math.huge or v == -math.huge) then return nil, path end
  if (t == "function" or t == "userdata" or t == "thread") and v ~= dp.null then return nil, path end
  if t ~= "table" then return v end
  if seen[v] then return nil, path end
  seen[v] = true
  local out, first = setmetatable({}, getmetatable(v)), nil
  for k, x in pairs(v) do
    local kp = type(k) == "string" and k:match("^[%a_][%w_]*$") and path .. "." .. k
      or ("%s[%s]"):format(path, type(k) == "string" and ("%q"):format(k) or tostring(k))
    local c, where = crossable(x, kp, seen)
    out[k] = c
    first = first or where
  end
  seen[v] = nil
  return out, first
end

--- For -j N: what a worker hands the main thread at the end, as JSON:
-- its counts, each stage's statistics, and the state (ctx.state) of each
-- stage that has a finish, so that finish runs once on the merged state.
function Pipeline:export_worker()
  local stats, states = {}, dp.object()
  for i, st in ipairs(self.stages) do
    stats[i] = st.stats
    if st.mod.finish and st.ctx then states[st.name] = st.ctx.state end
  end
  local ok, s = pcall(dp.json.encode, { counts = self.counts, stats = stats, states = states })
  if ok then return s end
  -- a state holding values JSON cannot (a function, a compiled pattern, NaN, a
  -- table inside itself) crosses without them, and the main thread says which:
  -- the data in it still reaches finish, as with -j 1
  local lost = {}
  for name, state in pairs(states) do
    if not pcall(dp.json.encode, state) then
      local where
      states[name], where = crossable(state, "ctx.state", {})
      lost[#lost + 1] = { stage = name, where = where }
    end
  end
  ok, s = pcall(dp.json.encode, { counts = self.counts, stats = stats, states = states, lost = lost })
  if ok then return s end
  local bad = {}
  for name, state in pairs(states) do
    if not pcall(dp.json.encode, state) then bad[#bad + 1] = name end
  end
  return dp.json.encode({ counts = self.counts, stats = stats, unmergeable = bad })
end

-- The default merge of two stage states: numbers add up, lists are
-- joined, tables merge key by key, anything else keeps the first value.
local function merge_state(a, b)
  if type(a) ~= "table" or type(b) ~= "table" then
    if math.type(a) and math.type(b) then return a + b end
    if a == nil then return b end
    return a
  end
  if #a > 0 or #b > 0 then
    local arr = true
    for k in pairs(a) do if math.type(k) ~= "integer" then arr = false end end
    for k in pairs(b) do if math.type(k) ~= "integer" then arr = false end end
    if arr then
      for _, v in ipairs(b) do a[#a + 1] = v end
      return a
    end
  end
  for k, v in pairs(b) do a[k] = merge_state(a[k], v) end
  return a
end
M.merge_state = merge_state

local STAT_KEYS = { "in", "out", "dropped", "failed", "cpu" }

-- Add a worker's counts and stage statistics (decoded: {counts, stats}) to these.
local function add_counts(self, e)
  for k, v in pairs(e.counts or {}) do
    if math.type(v) then self.counts[k] = (self.counts[k] or 0) + v end
  end
  for i, st in ipairs(self.stages) do
    local ws = e.stats and e.stats[i]
    if ws and st.stats then
      for _, k in ipairs(STAT_KEYS) do st.stats[k] = st.stats[k] + (ws[k] or 0) end
    end
  end
end

--- For -j N, in a worker after each batch: its counts and stage statistics since the
-- last call, as JSON, and zero again. The main thread adds those of each batch whose
-- results it hands out (Pipeline:add_batch_counts), so that a run cut short (a closed
-- output, an interrupt, on_error: fail) counts in its stages only the documents it
-- read and handed out, not those the workers had done beyond.
function Pipeline:take_batch_counts()
  local stats = {}
  for i, st in ipairs(self.stages) do stats[i] = st.stats end
  local s = dp.json.encode({ counts = self.counts, stats = stats })
  for k in pairs(self.counts) do self.counts[k] = 0 end
  for _, st in ipairs(self.stages) do
    for _, k in ipairs(STAT_KEYS) do st.stats[k] = 0 end
  end
  return s
end

--- In the main thread: add what take_batch_counts gave for a batch handed out.
function Pipeline:add_batch_counts(js)
  local e = dp.json.decode(js)
  if e then add_counts(self, e) end
end

--- For -j N: merge the workers' exports (JSON strings) into this pipeline:
-- counts and stage statistics add up; each stage with a finish gets the
-- workers' states merged by its own merge(state, other) when it has one,
-- else by adding numbers, joining lists and merging tables. Returns nil, or
-- a message when a state could not cross threads.
function Pipeline:import_workers(exports)
  local merged, problems = {}, {}
  for _, js in ipairs(exports) do
    local e = dp.json.decode(js)
    if e then
      -- (zero in docpipe run: each batch's counts went with it, take_batch_counts)
      add_counts(self, e)
      for _, name in ipairs(e.unmergeable or {}) do
        problems[#problems + 1] = ("stage '%s' keeps state that cannot cross workers (a function "
          .. "or a compiled pattern in ctx.state); its finish sees no documents: keep only data "
          .. "in ctx.state, or run with -j 1"):format(name)
      end
      for _, l in ipairs(e.lost or {}) do
        local m = ("warning: stage '%s': %s cannot cross workers (a function, a compiled pattern, "
          .. "NaN or a table inside itself in ctx.state): its finish sees the state without it; "
          .. "keep only data in ctx.state, or run with -j 1"):format(l.stage, l.where)
        if not problems[m] then problems[m] = true; problems[#problems + 1] = m end
      end
      for name, state in pairs(e.states or {}) do
        merged[name] = merged[name] or {}
        local list = merged[name]
        list[#list + 1] = state
      end
    end
  end
  for _, st in ipairs(self.stages) do
    local list = merged[st.name]
    if st.mod.finish and st.ctx and list and #list > 0 then
      local state = list[1]
      for i = 2, #list do
        if st.mod.merge then
          local r = st.mod.merge(state, list[i])
          if r ~= nil then state = r end
        else
          state = merge_state(state, list[i])
        end
      end
      st.ctx.state = state
    end
  end
  if #problems > 0 then return table.concat(problems, "\n") end
  return nil
end

--- The run's statistics: per stage {name, in, out, dropped, failed, cpu
-- (seconds of CPU in the stage, summed over the workers' own thread clocks),
-- share (of all stage CPU)}, plus the totals given by the runner (read,
-- written, input_errors, io_errors, bytes, seconds of wall time, cpu_seconds
-- of the whole process).
function Pipeline:stats(totals)
  local out = dp.object(totals or {})
  out.dropped, out.failed = self.counts.dropped, self.counts.failed
  local stages, cpu = dp.array(), 0
  for _, st in ipairs(self.stages) do cpu = cpu + (st.stats and st.stats.cpu or 0) end
  for _, st in ipairs(self.stages) do
    local ss = st.stats or { name = st.name, ["in"] = 0, out = 0, dropped = 0, failed = 0, cpu = 0 }
    stages[#stages + 1] = dp.object({ name = ss.name, ["in"] = ss["in"], out = ss.out,
      dropped = ss.dropped, failed = ss.failed, cpu_seconds = ss.cpu,
      cpu_share = cpu > 0 and ss.cpu / cpu or 0 })
    -- the stage's finish result, when it gave one (set by the runner)
    local fin = self.finish_results and self.finish_results[st.name]
    if fin ~= nil then stages[#stages].finish = fin end
  end
  out.stages = stages
  return out
end

--- The statistics as a table for people (stderr).
function Pipeline:stats_text(totals)
  local st = self:stats(totals)
  local lines = { ("%-14s %9s %9s %8s %7s %9s %6s"):format("stage", "in", "out", "dropped",
    "failed", "cpu s", "share") }
  for _, s in ipairs(st.stages) do
    lines[#lines + 1] = ("%-14s %9d %9d %8d %7d %9.3f %5.1f%%"):format(s.name, s["in"], s.out,
      s.dropped, s.failed, s.cpu_seconds, 100 * s.cpu_share)
  end
  local t = totals or {}
  lines[#lines + 1] = ("documents: %d read, %d written, %d dropped, %d failed (%d input errors); "
    .. "%.1f documents/s, %.2f MB/s over %.2f s (%.2f s of CPU)"):format(t.read or 0, t.written or 0,
    self.counts.dropped, self.counts.failed, t.input_errors or 0,
    (t.seconds or 0) > 0 and (t.read or 0) / t.seconds or 0,
    (t.seconds or 0) > 0 and (t.bytes or 0) / 1048576 / t.seconds or 0, t.seconds or 0,
    t.cpu_seconds or 0)
  if t.output_closed then
    lines[#lines + 1] = "the output was closed early (its reader stopped, as head does): "
      .. "written counts only the documents that reached it"
  end
  if (t.warnings or 0) > 0 then
    lines[#lines + 1] = ("warnings: %d in %d document(s)"):format(t.warnings, t.warned_documents or 0)
  end
  return table.concat(lines, "\n")
end

--- Call every stage's finish. Returns a map stage name -> result (only
-- stages that returned something; nil when none did) and a list of
-- failures {stage, message, traceback}.
function Pipeline:finish()
  local out, any, failures = dp.object(), false, {}
  for _, st in ipairs(self.stages) do
    if st.mod.finish then
      local ok, r = call_stage(st, st.mod.finish, st.ctx)
      if not ok then
        failures[#failures + 1] = { stage = st.name, traceback = r.traceback,
          message = ("stage '%s' failed in finish: %s"):format(st.name, r.message) }
      elseif r ~= nil then
        -- a result JSON cannot hold (a cycle, a function) fails the finish, naming the
        -- stage, instead of a line "finish: value nested too deeply" after the run
        local eok, e = pcall(dp.json.encode, r)
        if eok then
          out[st.name] = r
          any = true
        else
          failures[#failures + 1] = { stage = st.name, traceback = "(no traceback available)",
            message = ("stage '%s' failed in finish: its result cannot be written as JSON: %s")
              :format(st.name, (error_text(e):gsub("^[^:\n]*%.lua:%d+: ", ""))) }
        end
      end
    end
  end
  return any and out or nil, failures
end

local function select_fields(doc, fields)
  if not fields then return doc end
  local out = dp.object()
  for _, f in ipairs(fields) do
    local v = doc[f]
    if v ~= nil then out[f] = v end
  end
  return out
end

-- Invalid UTF-8 a stage left in a document (doc.text = "ok \xff"): every writer writes
-- it the same way, each NUL and each byte that starts no valid UTF-8 sequence as U+FFFD
-- (as the JSON encoder writes strings), with one warning for the document naming the
-- fields. Finding it costs nothing more on valid text: the JSON encoder counts the bytes
-- it replaces as it writes them, and the other writers' output goes through one C pass
-- (utf8.fix). Only then is the document walked: its strings (and keys) are repaired in
-- place, so the document is written again as if the stage had written U+FFFD, and the
-- warning lands in meta.warnings too.
local function utf8_path(path, k)
  if type(k) == "number" then return ("%s[%s]"):format(path, tostring(k)) end
  return path and path .. "." .. tostring(k) or tostring(k)
end

local function repair_strings(v, path, seen, found, depth)
  local fix, keys = dp.utf8.fix, nil
  for k, x in pairs(v) do
    local tx = type(x)
    if tx == "string" then
      local fixed, n = fix(x)
      if n > 0 then
        v[k] = fixed  -- (an existing field: allowed while pairs runs)
        found[#found + 1] = { utf8_path(path, k), n }
      end
    elseif tx == "table" and not seen[x] and depth < 1000 then
      seen[x] = true
      repair_strings(x, utf8_path(path, k), seen, found, depth + 1)
    end
    if type(k) == "string" then
      local fk, n = fix(k)
      if n > 0 then
        keys = keys or {}
        keys[k] = fk
        found[#found + 1] = { "key of " .. utf8_path(path, fk), n }
      end
    end
  end
  -- keys renamed after the walk (pairs allows no new key while it runs)
  if keys then
    for k, fk in pairs(keys) do
      if v[fk] == nil then v[fk] = v[k] end
      v[k] = nil
    end
  end
end

-- Repair the invalid UTF-8 in doc's strings and warn once, naming the fields. Returns
-- true when anything was repaired.
local function repair_utf8(doc)
  local found = {}
  repair_strings(doc, nil, { [doc] = true }, found, 0)
  if #found == 0 then return false end
  table.sort(found, function(a, b) return a[1] < b[1] end)
  local names, total = {}, 0
  for i, f in ipairs(found) do
    names[i] = ("'%s' (%d)"):format(f[1], f[2])
    total = total + f[2]
  end
  M.warn(doc, ("invalid UTF-8 (or NUL) written to %s %s: %d byte(s) replaced by U+FFFD")
    :format(#found == 1 and "field" or "fields", concat(names, ", "), total))
  return true
end

-- A writer's string checked in one C pass: when it holds invalid UTF-8, the document's
-- strings are repaired (one warning) and it is written again; what a writer itself
-- made invalid is repaired in its output (with a warning of its own).
local function checked(doc, format, write)
  local s = write()
  local fixed, n = dp.utf8.fix(s)
  if n == 0 then return s end
  if repair_utf8(doc) then
    s = write()
    fixed, n = dp.utf8.fix(s)
    if n == 0 then return s end
  end
  M.warn(doc, ("the %s writer wrote invalid UTF-8: %d byte(s) replaced by U+FFFD"):format(format, n))
  return fixed
end

--- Format a document for output. Returns the string (without the final
-- newline for jsonl/json items). out: the C runner's output buffer
-- (dp_json_output_push): JSON is then appended to it and its length in bytes
-- returned instead of a string. Invalid UTF-8 in the document is repaired
-- first, with a warning (repair_utf8).
function Pipeline:format(doc, format, out)
  format = format or self.output.format
  local fields = self.output.fields
  if format == "jsonl" or format == "json" then
    -- the encoder's options, one table per pipeline reused (the encoder reads them once,
    -- before it writes anything)
    local opts = self.encode_opts
    if not opts then opts = { count_replaced = true }; self.encode_opts = opts end
    opts.spans = type(doc.text) == "string" and doc.text or nil
    opts.order = fields
    local r, bad
    if out then r, bad = out:encode(select_fields(doc, fields), opts)
    else r, bad = dp.json.encode(select_fields(doc, fields), opts) end
    -- (bad: the bytes the encoder wrote as U+FFFD; out:encode gives it only when some)
    if bad and bad > 0 then
      if repair_utf8(doc) then
        if out then out:cut(r) end
        opts.spans = type(doc.text) == "string" and doc.text or nil
        if out then r = out:encode(select_fields(doc, fields), opts)
        else r = dp.json.encode(select_fields(doc, fields), opts) end
      else  -- (a string the walk does not reach: written repaired all the same)
        M.warn(doc, ("invalid UTF-8 (or NUL) in the output: %d byte(s) replaced by U+FFFD"):format(bad))
      end
    end
    opts.spans = nil  -- (the text is not kept past its document)
    return r
  elseif format == "markdown" then
    return checked(doc, format, function()
      return require("docpipe.writers.markdown").write(doc, fields)
    end)
  elseif format == "text" then
    return checked(doc, format, function()
      return require("docpipe.writers.text").write(doc, fields)
    end)
  elseif format == "html" then
    -- the whole document is shown (its marks need text and meta); the index is kept
    -- for end_output
    local index = self.html_index or {}
    self.html_index = index
    local anchor
    local html = checked(doc, format, function()
      local h, a = require("docpipe.writers.html").write(doc, #index + 1)
      anchor = a
      return h
    end)
    index[#index + 1] = { id = doc.id, title = doc.title, anchor = anchor }
    return html
  end
  error("unknown output format '" .. tostring(format) .. "'")
end

--- What the output starts with, before the first document: the page head for html, ""
-- for the other formats (json's "[" is written by the runner). The C runner writes it
-- once per run, even when no document follows.
function Pipeline:begin_output(format)
  format = format or self.output.format
  if format == "html" then
    self.html_index = {}
    return require("docpipe.writers.html").begin_page(("docpipe: %s"):format(self.name))
  end
  return ""
end

--- What the output ends with, after the last document: for html the index of the
-- documents written and the closing tags; "" for the other formats.
function Pipeline:end_output(format)
  format = format or self.output.format
  if format == "html" then
    return require("docpipe.writers.html").end_page(self.html_index or {})
  end
  return ""
end

-- A copy of v that JSON can hold, for an error record whose document JSON cannot: each
-- value it cannot hold becomes a marker string ("<function>", "<userdata>", "<thread>",
-- "<nan>", "<inf>", "<-inf>", "<cycle>" for a table inside itself, "<nested too
-- deeply>" below 900 levels), a key neither a string nor a whole number its text
-- ("<boolean key true>", "1.5"); the array and object marks are kept.
local function json_safe(v, depth, path)
  local tv = type(v)
  if tv == "number" then
    if v ~= v then return "<nan>" end
    if v == math.huge then return "<inf>" end
    if v == -math.huge then return "<-inf>" end
    return v
  elseif tv == "string" or tv == "boolean" or v == nil or v == null then
    return v
  elseif tv ~= "table" then
    return "<" .. tv .. ">"
  end
  depth, path = depth or 0, path or {}
  if path[v] then return "<cycle>" end
  if depth >= 900 then return "<nested too deeply>" end
  path[v] = true
  local c = {}
  for key, x in next, v do
    local k = key
    if math.type(key) == "float" then
      k = math.tointeger(key) or tostring(key)
    elseif type(key) ~= "string" and math.type(key) ~= "integer" then
      k = ("<%s key %s>"):format(type(key), type(key) == "boolean" and tostring(key) or "")
        :gsub(" >$", ">")
    end
    c[k] = json_safe(x, depth + 1, path)
  end
  path[v] = nil
  local mt = rawget_mt(v)
  if mt == getmetatable(dp.array()) or mt == getmetatable(dp.object()) then setmetatable(c, mt) end
  return c
end

--- Encode an error record as one JSON line. A document that JSON cannot hold as it is
-- (a function, a cycle) is written with those values replaced by markers (json_safe);
-- when even that fails, "document_error" says why the document is missing.
function M.encode_error(rec)
  local doc = rec.document
  local text = doc and type(doc.text) == "string" and doc.text or nil
  local out = dp.object({ id = rec.id, source = rec.source, stage = rec.stage,
    error = rec.error, traceback = rec.traceback, document = doc })
  local ok, line = pcall(dp.json.encode, out, { spans = text })
  if not ok and doc ~= nil then
    local ok2, safe = pcall(json_safe, doc)
    if ok2 then out.document = safe; ok, line = pcall(dp.json.encode, out, { spans = text }) end
    if not ok then
      out.document = nil
      out.document_error = ("the document cannot be written as JSON: %s"):format(
        (error_text(line):gsub("^[^:\n]*%.lua:%d+: ", "")))
      line = dp.json.encode(out)
    end
  elseif not ok then
    error(line, 0)
  end
  if rec.raw then  -- the original JSON Lines record, exactly as it came in
    local raw = (dp.utf8.clean(rec.raw))
    line = line:sub(1, -2) .. ',"record":' .. raw:match("^%s*(.-)%s*$") .. "}"
  end
  return line
end

--- A short human description of the pipeline's stages, for `check`.
function Pipeline:describe()
  local names = {}
  for _, st in ipairs(self.stages) do names[#names + 1] = st.name end
  return ("%s: %d stage%s (%s), output %s"):format(self.name, #self.stages,
    #self.stages == 1 and "" or "s", concat(names, ", "), self.output.format)
end

-- An empty list shared by the per-document paths that find nothing (no warnings, no
-- failures): most documents, which then make no table for it. Never written to.
local NONE = setmetatable({}, { __newindex = function() error("engine: NONE is read-only", 2) end })

-- The strings of doc.meta.warnings (none when there is no such list: NONE, not to be
-- written to).
local function warnings_of(doc)
  local meta = type(doc) == "table" and doc.meta
  local w = type(meta) == "table" and meta.warnings
  if type(w) ~= "table" then return NONE end
  local out = {}
  for _, m in ipairs(w) do
    if type(m) == "string" then out[#out + 1] = m end
  end
  return out
end

-- Whether doc.meta.warnings holds a string (what warnings_of would list), without
-- making the list.
local function has_warnings(doc)
  local meta = type(doc) == "table" and doc.meta
  local w = type(meta) == "table" and meta.warnings
  if type(w) ~= "table" then return false end
  for _, m in ipairs(w) do
    if type(m) == "string" then return true end
  end
  return false
end

-- Whether documents written in this format keep meta.warnings (JSON with meta among
-- the fields): -q then leaves off stderr the warnings a written document holds.
function Pipeline:keeps_warnings(format)
  format = format or self.output.format
  if format ~= "jsonl" and format ~= "json" then return false end
  local fields = self.output.fields
  if not fields then return true end
  for _, f in ipairs(fields) do if f == "meta" then return true end end
  return false
end

-- The count of warnings each JSON Lines document came with in its record (those of an
-- earlier run, not this one's), by document; weak, so it dies with the document.
local inherited = setmetatable({}, { __mode = "k" })

-- A set of the warning strings of each document of a list.
local function warning_set(docs)
  local set = {}
  for _, d in ipairs(docs) do
    for _, m in ipairs(warnings_of(d)) do set[m] = true end
  end
  return set
end

-- The warnings this run added to one input document, for stderr, each "document 'ID':
-- MESSAGE" once: those it was read with (before: invalid UTF-8, NULs, empty; under its
-- id as read; not those its record already held, skip of them), then those stages added
-- through ctx.warn (log, in order: also when a later stage dropped the document or its
-- list), then any others found in each document that came out, or in the input
-- document when it was dropped or failed. Returns the lines and, for each, where it is kept: true when a written
-- document holds it (written: the documents written, in a format that keeps meta),
-- "errors" when only a failure's error record does (kept when there is an --errors
-- file), false when nothing does (-q must still print it).
local function warning_lines(id, before, skip, log, doc, outs, written, failed)
  local lines, kept, seen, old = {}, {}, {}, {}
  local in_out, in_err = warning_set(written), warning_set(failed)
  local function add(who, msg)
    -- one line each on stderr, whatever an id or a stage's message holds
    local line = ("document '%s': %s"):format(line_id(who), msg):gsub("%c", " ")
    if not seen[line] then
      seen[line] = true
      lines[#lines + 1] = line
      kept[#lines] = in_out[msg] and true or in_err[msg] and "errors" or false
    end
  end
  for i, m in ipairs(before) do
    if i > skip then add(id, m) end
    old[m] = true
  end
  for _, e in ipairs(log) do add(e.id, e.msg) end
  local function new_ones(d)
    for _, m in ipairs(warnings_of(d)) do
      if not old[m] then add(d.id, m) end
    end
  end
  for _, d in ipairs(outs) do new_ones(d) end
  new_ones(doc)
  return lines, kept
end

--- Run one document and format what comes out, for the C runner.
-- Returns texts (list of formatted documents: strings, or with the runner's
-- output buffer `out` the byte lengths of the JSON appended to it), errors
-- (list of {json, message, traceback}), the status from Pipeline:run, the
-- warnings this run added to the document for stderr (list of "document 'ID':
-- MESSAGE") and where each is kept (a list: true, "errors" or false; see
-- warning_lines).
function Pipeline:step(doc, format, raw, out)
  -- (a document without meta, most, has no warnings: no call to find none)
  local before = doc.meta == nil and NONE or warnings_of(doc)
  local id, skip = doc.id, inherited[doc] or 0
  -- (true: ctx.warn makes the log at the first warning; most documents get none)
  self.warn_log = true
  local outs, fails, status = self:run(doc, raw)
  local log = self.warn_log
  self.warn_log = nil
  if log == true then log = NONE end
  -- written: the documents formatted, outs itself until one fails to be
  local texts, written = {}, outs
  for i = 1, #outs do
    local d = outs[i]
    local ok, s = pcall(self.format, self, d, format, out)
    if ok then
      texts[#texts + 1] = s
      if written ~= outs then written[#written + 1] = d end
    else
      if written == outs then written = table.move(outs, 1, i - 1, 1, {}) end
      self.counts.failed = self.counts.failed + 1
      fails[#fails + 1] = { id = d.id, source = d.source, stage = "output",
        error = ("cannot write document '%s': %s"):format(line_id(d.id),
          (error_text(s):gsub("^[^:\n]*%.lua:%d+: ", ""))),
        traceback = "(no traceback available)", document = self.record_failed and d or nil,
        on_error = "skip", raw = raw }
    end
  end
  -- no failure, no warning before, during or after the run (most documents): nothing for
  -- stderr, and no sets to build
  -- (meta looked at directly first: a document without it, most, has none)
  if fails[1] == nil and before[1] == nil and log[1] == nil
      and (doc.meta == nil or not has_warnings(doc)) then
    local any = false
    for i = 1, #outs do
      local d = outs[i]
      if d ~= doc and d.meta ~= nil and has_warnings(d) then any = true; break end
    end
    if not any then return texts, NONE, status, NONE, NONE end
  end
  local errs, recorded = {}, {}
  for i, f in ipairs(fails) do
    local ok, line = f.line ~= nil, f.line  -- (on_error: keep encodes it at the failure)
    if not ok then ok, line = pcall(M.encode_error, f) end
    if not ok then  -- the record cannot be encoded: keep the error
      f.document = nil
      line = M.encode_error(f)
    end
    if f.document then recorded[#recorded + 1] = f.document end
    errs[i] = { json = line, message = f.error, traceback = f.traceback }
  end
  if not self:keeps_warnings(format) then written = {} end
  local lines, kept = warning_lines(id, before, skip, log, doc, outs, written, recorded)
  return texts, errs, status, lines, kept
end

--- Add a warning to doc.meta.warnings (creating meta and the list).
local function warn(doc, msg)
  local meta = doc.meta
  if type(meta) ~= "table" then meta = dp.object(); doc.meta = meta end
  local w = meta.warnings
  if type(w) ~= "table" then w = dp.array(); meta.warnings = w end
  w[#w + 1] = msg
end
M.warn = warn

-- A saved web page made into a document by the reader (docpipe.htmlinput), under the
-- default limits: a hostile page must not stall a worker outside every stage's limits.
local function read_page(fn, ...)
  local lim = M.default_limits
  limits.arm(lim.time_ms, lim.memory_mb * 1048576)
  local ok, d, e = pcall(fn, ...)
  local hit = limits.disarm()
  if hit == "time" then
    return nil, ("reading the page took over %d ms (the default limits.time_ms)"):format(lim.time_ms)
  elseif hit == "memory" then
    collectgarbage("collect")
    return nil, ("reading the page took over %d MB (the default limits.memory_mb)"):format(lim.memory_mb)
  end
  if not ok then return nil, "cannot read the page: " .. error_text(d) end
  return d, e
end

-- The NUL bytes of s: their count and the 1-based offset of the first (nil when none).
local function nul_bytes(s)
  local first = s:find("\0", 1, true)
  local count, at = 0, first
  while at do
    count = count + 1
    at = s:find("\0", at + 1, true)
  end
  return count, first
end

-- The warnings for the `replaced` bytes dp.utf8.clean replaced in bytes: its NULs
-- named as such (nul_note(count, first) words them), the rest as invalid UTF-8.
local function warn_replaced(doc, bytes, replaced, nul_note)
  if replaced == 0 then return end
  local nuls, first = nul_bytes(bytes)
  if replaced > nuls then
    warn(doc, ("invalid UTF-8: %d byte(s) replaced by U+FFFD"):format(replaced - nuls))
  end
  if nuls > 0 then warn(doc, nul_note(nuls, first)) end
end

-- Code points that show nothing yet are no white space to Unicode (format characters):
-- zero-width space, non-joiner and joiner, word joiner, and U+FEFF (a byte order mark
-- left inside a text).
local INVISIBLE = { "\226\128\139", "\226\128\140", "\226\128\141", "\226\129\160", "\239\187\191" }

-- True when text holds nothing to read: nothing, or white space (ASCII or Unicode:
-- NBSP, U+3000, ...) and the invisible characters above alone. (A text whose first
-- byte that is no ASCII white space is an ASCII character, most, is decided at once.)
local function is_blank(text)
  local i = text:find("%S")
  if not i then return true end
  if text:byte(i) < 0x80 then return false end
  local t = text
  for k = 1, #INVISIBLE do t = t:gsub(INVISIBLE[k], "") end
  return dp.text.trim(t) == ""
end
M.is_blank = is_blank

--- The document for a text input: {id, source, text}. Invalid UTF-8 and
-- NULs are replaced by U+FFFD (with a warning in meta.warnings, one for each
-- kind), a BOM is dropped, CRLF and CR become LF; a text that is empty or
-- only white space gets the warning "empty document". Returns nil, message
-- for binary data (a NUL byte in the first 8 KiB, as git decides): the file
-- is then not a document. A text opening on a UTF-16 byte order mark is read
-- as UTF-16 (little or big endian as the mark says).
function M.text_doc(id, source, bytes)
  -- a saved web page: the article and its metadata (docpipe.htmlinput)
  if type(source) == "string" and source:lower():find("%.x?html?$") then
    return read_page(require("docpipe.htmlinput").html_doc, id, source, bytes)
  end
  -- a text saved as UTF-16 with a byte order mark (as Windows editors write it): read
  -- through the HTML reader's decoder, the mark deciding the byte order (WHATWG
  -- Encoding); its NULs are no sign of a binary file
  local a, b = bytes:byte(1, 2)
  local utf16 = (a == 0xFF and b == 0xFE) and "utf-16le" or (a == 0xFE and b == 0xFF) and "utf-16be"
  local bad16 = 0
  if utf16 then
    bytes, bad16 = dp.html.to_utf8(bytes, utf16)
  elseif bytes:sub(1, 8192):find("\0", 1, true) then
    return nil, "binary file (a NUL byte in the first 8 KiB), skipped"
  end
  local text, replaced = dp.utf8.clean(bytes)
  local doc = dp.object({ id = id, source = source, text = text })
  if bad16 > 0 then
    warn(doc, ("invalid %s: %d code unit(s) replaced by U+FFFD"):format(utf16:upper(), bad16))
  end
  -- a NUL further on is a text file padded or damaged there (binary files show a NUL
  -- early): it is read as text, and the NUL is named as such, not as bad encoding (a
  -- U+0000 in UTF-16 is already a bad code unit of the decoder, above)
  warn_replaced(doc, bytes, replaced, function(n, at)
    return ("%d NUL byte(s) after the first 8 KiB (the first at byte %d) replaced by U+FFFD; read as text"):format(n, at)
  end)
  -- (white space alone is as empty as nothing: no stage finds anything in it)
  if is_blank(text) then warn(doc, "empty document") end
  return doc
end

-- Escaped surrogates that make no pair ("\ud800" alone, a low one first) written as
-- \uFFFD, as invalid UTF-8 is: Python's json.dumps writes them, and cJSON refuses the
-- whole record. Returns the text and the count; an escaped backslash before "u" is text.
local function fix_lone_surrogates(s)
  -- plain searches first: a pattern scan of every record costs more than the JSON parse
  if not (s:find("\\ud", 1, true) or s:find("\\uD", 1, true)) then return s, 0 end
  local out, pos, i, count = {}, 1, 1, 0
  while true do
    local a, b, bs, hex = s:find("(\\+)u([dD][89a-fA-F]%x%x)", i)
    if not a then break end
    i = b + 1
    if #bs % 2 == 1 then
      local paired = tonumber(hex, 16) <= 0xDBFF and s:find("^\\u[dD][c-fC-F]%x%x", b + 1)
      if paired then
        i = b + 7
      else
        out[#out + 1] = s:sub(pos, a + #bs - 2)
        out[#out + 1] = "\\uFFFD"
        pos = b + 1
        count = count + 1
      end
    end
  end
  out[#out + 1] = s:sub(pos)
  return table.concat(out), count
end

local record_doc

-- The text of the value of the last top-level member named "id" of the JSON object
-- text s, when that value is a number: its literal as written ("123456789012345678901"),
-- else nil. Strings are skipped whole (an "id" inside one, or in a nested object, is
-- not the record's).
local function id_literal(s)
  local depth, i, lit = 0, 1, nil
  while true do
    local a = s:find('[{}%[%]"]', i)
    if not a then return lit end
    local c = s:byte(a)
    if c == 34 then  -- '"': to the closing quote, escapes skipped
      local b = a + 1
      while true do
        local q = s:find('[\\"]', b)
        if not q then return lit end
        if s:byte(q) == 92 then b = q + 2 else b = q; break end
      end
      if depth == 1 and b == a + 3 and s:sub(a, b) == '"id"' then
        local after = s:match("^[ \t]*:[ \t]*()", b + 1)
        if after then lit = s:match("^%-?%d[%d.eE+-]*", after) end
      end
      i = b + 1
    else
      depth = depth + ((c == 123 or c == 91) and 1 or -1)
      i = a + 1
    end
  end
end

-- The decimal value of a number literal in one spelling ("DIGITS e EXP", no leading
-- or trailing zeros; "0" for zero), so that 1.50 and 1.5, 1e2 and 100 compare equal;
-- nil when the exponent is beyond any reading.
local function decimal_value(lit)
  local int, frac, exp = lit:match("^%-?(%d*)%.?(%d*)[eE]?([+-]?%d*)$")
  if not int then return nil end
  local e = exp ~= "" and math.tointeger(tonumber(exp)) or 0
  if not e then return nil end
  local digits = (int .. frac):gsub("^0+", "")
  if digits == "" then return "0" end
  local trail = #digits - #digits:gsub("0+$", "")
  digits = digits:sub(1, #digits - trail)
  return ("%s%se%d"):format(lit:sub(1, 1) == "-" and "-" or "", digits, e - #frac + trail)
end

-- The shortest text that reads back as the double x (as %.17g and shorter).
local function shortest(x)
  for p = 1, 17 do
    local t = ("%." .. p .. "g"):format(x)
    if tonumber(t) == x then return t end
  end
  return ("%.17g"):format(x)
end

-- A number id whose value the reader could not keep exactly becomes the string of its
-- literal: an integer literal beyond 64 bits (123456789012345678901), and a literal
-- whose double names another decimal value than the one written (1e400, beyond a
-- double; 1e-400, read as 0.0; 9007199254740993.0 and 1.00000000000000000001,
-- rounded): an identifier is kept exactly, not rounded into another id. An id whose
-- double gives back the same value (1.5, 1.50, 2.0, 1e3) stays a number.
local function exact_id(doc, bytes)
  local lit = id_literal(bytes)
  if not lit then return end
  if not lit:find("[.eE]") then doc.id = lit; return end
  local x = doc.id
  local want = decimal_value(lit)
  if not want or x ~= x or x == math.huge or x == -math.huge or decimal_value(shortest(x)) ~= want then
    doc.id = lit
  end
end

-- A record that gave a key twice in one object: a warning naming the key (the last
-- value is kept, as JSON readers mostly do). The count and key come from the decode just
-- made (docpipe.json.duplicates).
local json_duplicates = dp.json.duplicates
local function warn_duplicates(doc)
  local n, key = json_duplicates()
  if n then
    warn(doc, n == 1 and ("duplicate key '%s' in the record: the last value is kept"):format(key)
      or ("%d duplicate keys in the record, the first '%s': the last value of each is kept"):format(n, key))
  end
end

-- json_doc in Lua alone: every record (M.json_doc hands it those the C reader leaves).
local function lua_json_doc(bytes, name, source, line)
  local fixed, replaced = dp.utf8.clean(bytes)
  -- an escaped NUL (\u0000) would cut the string short: it becomes U+FFFD,
  -- like a raw NUL byte (an escaped backslash before "u0000" is left alone)
  local nuls, lone = 0, 0
  -- the three repairs below all start at a \u escape: most records have none
  local escaped = fixed:find("\\u", 1, true)
  if escaped and fixed:find("\\u0000", escaped, true) then
    fixed = fixed:gsub("(\\+)u0000", function(bs)
      if #bs % 2 == 1 then
        nuls = nuls + 1
        return bs:sub(1, -2) .. "\\uFFFD"
      end
    end)
  end
  if escaped then fixed, lone = fix_lone_surrogates(fixed) end
  local doc, err = dp.json.decode(fixed, true)
  if doc == nil then
    -- a record is one line: its position is the column ("FILE:LINE: ... at column N")
    if not fixed:find("\n", 1, true) then err = err:gsub(" at line 1, column ", " at column ") end
    return nil, err
  end
  return record_doc(doc, bytes, replaced, nuls, lone, name, source, line)
end

-- json_doc's second half: the checks of the decoded record doc and its id, source and
-- warnings (replaced: bytes utf8.clean replaced, nuls and lone: escapes repaired).
record_doc = function(doc, bytes, replaced, nuls, lone, name, source, line)
  if yaml_type(doc) ~= "mapping" then return nil, "a record must be a JSON object" end
  if type(doc.text) ~= "string" and type(doc.html) ~= "string" then
    return nil, 'the record has no "text" or "html" string'
  end
  -- "meta" is where the stages write what they noted (removed blocks, warnings): an
  -- object. null is none; an empty list, "meta": [], is how some encoders (PHP) write
  -- an empty object; any other value would fail a stage or lose what it writes there
  local m = doc.meta
  if m == null then
    doc.meta = nil
  elseif m ~= nil and not is_map(m) then
    if type(m) == "table" and next(m) == nil then doc.meta = dp.object({})
    else return nil, ('"meta" must be a JSON object, got %s'):format(kind_of(m)) end
  end
  if doc.id == nil or doc.id == null then
    doc.id = line and ("%s:%d"):format(name, line) or name
  elseif math.type(doc.id) == "float" then
    exact_id(doc, bytes)
  end
  if doc.source == nil then
    doc.source = line and ("%s:%d"):format(source, line) or source
  end
  -- warnings an earlier run left in the record are not this run's (step skips them)
  local had = #warnings_of(doc)
  -- (a raw NUL byte in a record is named as such, not as bad encoding)
  warn_replaced(doc, bytes, replaced, function(n) return ("%d NUL byte(s) replaced by U+FFFD"):format(n) end)
  if nuls > 0 then
    warn(doc, ("%d escaped NUL(s) (\\u0000) replaced by U+FFFD"):format(nuls))
  end
  if lone > 0 then
    warn(doc, ("%d unpaired surrogate escape(s) (\\ud800-\\udfff) replaced by U+FFFD"):format(lone))
  end
  if had > 0 then inherited[doc] = had end
  warn_duplicates(doc)
  if type(doc.text) ~= "string" then  -- a page: its article becomes the text
    local d, e = read_page(require("docpipe.htmlinput").html_record, doc)
    if not d then return nil, e end
    doc = d
  elseif is_blank(doc.text) then
    -- as for a text file: white space alone is as empty as nothing
    warn(doc, "empty document")
  end
  return doc
end

--- The document for one JSON Lines record. name and line make the default
-- id (NAME:LINE); source defaults to SOURCE:LINE. Returns nil, message when
-- the record is not an object with a "text" string.
function M.json_doc(bytes, name, source, line)
  -- most records need none of lua_json_doc's repairs and checks: the C reader
  -- (src/dp_engine.c) says which and reads them; the others are read in Lua, from the start
  if fast_json_doc then
    local doc, decoded = fast_json_doc(bytes, name, source, line)
    if doc then
      if math.type(doc.id) == "float" then exact_id(doc, bytes) end
      warn_duplicates(doc)
      -- (the C reader passes a text with a byte other than ASCII white space: Unicode
      -- white space alone, NBSP or a zero-width space, is looked at here)
      local t = doc.text
      local i = t:find("%S")
      if i and t:byte(i) >= 0x80 and is_blank(t) then warn(doc, "empty document") end
      return doc
    end
    -- read (no repair was needed) but not plain, a record with "meta" from an earlier
    -- run for one: the checks are made here, without reading it again
    if decoded ~= nil then return record_doc(decoded, bytes, 0, 0, 0, name, source, line) end
  end
  return lua_json_doc(bytes, name, source, line)
end
M.lua_json_doc = lua_json_doc

--- Run one document for an embedder (the C API and the Lua module):
-- returns the JSON array of the resulting documents, or nil, message when
-- a stage failed under on_error: fail.
function Pipeline:run_to_json(doc)
  local outs, fails, status = self:run(doc)
  if status == "fail" then
    local f = fails[#fails]
    return nil, f.error .. "\n" .. (f.traceback or "")
  end
  local parts = {}
  for i, d in ipairs(outs) do parts[i] = self:format(d, "json") end
  return "[" .. concat(parts, ",") .. "]"
end

--- Set one option of every stage named `stage` (value already decoded),
-- validate it and run that stage's init again. Returns true or nil, message.
function Pipeline:set_option(stage, option, value)
  local found = false
  for _, st in ipairs(self.stages) do
    if st.name == stage or st.ref == stage then
      found = true
      local spec = (st.mod.options or {})[option]
      if not spec then
        local names = {}
        for k in pairs(st.mod.options or {}) do names[#names + 1] = k end
        return nil, ("stage '%s' has no option '%s'%s"):format(st.name, option,
          did_you_mean(option, names))
      end
      local v, err = check_option(spec, value)
      if err then return nil, ("option '%s' of stage '%s' %s"):format(option, st.name, err) end
      st.opts[option] = v
      if st.ctx and st.mod.init then
        st.ctx.state = {}
        local ok, e = call_stage(st, st.mod.init, st.opts, st.ctx)
        if not ok then return nil, ("stage '%s' failed to start: %s"):format(st.name, e.message) end
      end
    end
  end
  if not found then return nil, ("the pipeline has no stage '%s'"):format(stage) end
  return true
end

--- Open a pipeline by path or built-in name. Returns the pipeline (with
-- init done unless no_init) or nil, list of error lines.
-- The lookup: REF names a file when one of that name can be read (a folder does
-- not count); else a bare name (letters, digits, _ and -) names a built-in
-- pipeline (DOCPIPE_PATH's pipelines/ first, then those compiled in).
-- `builtin:NAME` names the built-in alone, whatever files there are. A file that
-- takes a built-in's name (`./quotes` beside `docpipe run quotes`: a program
-- built there, a folder of notes) is read as the pipeline, by design, but when it
-- does not load the first error line says whose place it took and how to reach
-- the built-in.
-- The text of the built-in pipeline NAME, or nil and the one message for none:
-- "no built-in pipeline 'NAME' (the names) (did you mean ...?)".
local function builtin_pipeline(name)
  -- (a DOCPIPE_PATH file that is there but cannot be read: its error, not the built-in)
  local ok, text, origin = true, nil, nil
  if name:match("^[%w_%-]+$") then ok, text, origin = pcall(dp.builtin_file, "pipelines/" .. name .. ".yaml") end
  if not ok then return nil, text, true end
  -- (origin: where it was read, for its FILE:LINE:COLUMN errors: the DOCPIPE_PATH file,
  -- or builtin:pipelines/NAME.yaml for the one in the binary)
  if text then return text, origin end
  return nil, ("no built-in pipeline '%s' (%s)%s"):format(
    name, concat(M.builtin_pipelines(), ", "), did_you_mean(name, M.builtin_pipelines()))
end

function M.open(ref, no_init)
  local text, file, dir
  local forced = ref:match("^builtin:(.*)$")
  if forced then
    local builtin, none = builtin_pipeline(forced)
    if not builtin then return nil, { none } end
    text, file = builtin, none or ("builtin:pipelines/" .. forced .. ".yaml")
  else
    local f, why, errno = io.open(ref, "rb")
    -- a file that is there but cannot be opened is no built-in's name: say why
    -- (ENOENT and ENOTDIR mean no such file: the built-in is looked up)
    if not f and errno and errno ~= 2 and errno ~= 20 then
      return nil, { ("%s: cannot read the file (%s)"):format(ref, why:gsub("^[^:]*: ", "")) }
    end
    if f then
      text = f:read("a")
      f:close()
      -- a folder opens but cannot be read: a bare name then means the built-in pipeline
      -- (a corpus folder `news/` must not hide `docpipe run news`)
      if not text and not ref:match("^[%w_%-]+$") then
        return nil, { ref .. ": cannot read the file (a folder?)" }
      end
      if text then file, dir = ref, dirname(ref) end
    end
    if not text then
      if not ref:match("^[%w_%-]+$") then return nil, { ("%s: no such file"):format(ref) } end
      local builtin, none, unreadable = builtin_pipeline(ref)
      if not builtin then return nil, { unreadable and none or ("no pipeline '%s': no such file, and %s"):format(ref, none) } end
      text, file = builtin, none or ("builtin:pipelines/" .. ref .. ".yaml")
    end
  end
  -- a file read in place of a built-in pipeline of the same name: said with its errors
  local function shadowed(errs)
    if file == ref and builtin_pipeline(ref) then
      table.insert(errs, 1, ("./%s is read in place of the built-in pipeline '%s' (a file in the "
        .. "current folder comes first); rename it, or write builtin:%s for the built-in"):format(
        ref, ref, ref))
    end
    return errs
  end
  local p, errs = M.load(text, file, dir)
  if not p then return nil, shadowed(errs) end
  if no_init ~= true then
    local ok, err = p:init()
    if not ok then return nil, shadowed({ err }) end
  end
  return p
end

M.Pipeline = Pipeline
M.distance = distance
return M
