--- The informational commands of the docpipe command line: check,
-- stages and pipelines. Each prints to stdout (errors to stderr) and
-- returns the exit code (0 ok, 2 configuration error).
-- @module docpipe.cli

local engine = require "docpipe.engine"
local dp = require "docpipe"

local M = {}

local function eprint(s) io.stderr:write("docpipe: ", s, "\n") end

local function show(v)
  if v == nil then return "none" end
  if v == dp.null then return "null" end
  if type(v) == "table" then return dp.json.encode(v) end
  return tostring(v)
end

--- docpipe check PIPELINE
function M.check(ref)
  local p, errs = engine.open(ref, true)
  if not p then
    for _, e in ipairs(errs) do eprint(e) end
    return 2
  end
  print(("ok: %s"):format(p:describe()))
  return 0
end

local function option_lines(mod)
  local names, lines = {}, {}
  for k in pairs(mod.options or {}) do names[#names + 1] = k end
  table.sort(names)
  for _, k in ipairs(names) do
    local o = mod.options[k]
    lines[#lines + 1] = ("    %-16s %-8s default %-10s %s"):format(k, o.type or "any",
      show(o.default), o.doc or "")
  end
  return lines
end

--- docpipe stages [NAME]
function M.stages(only)
  local names = engine.builtin_stages()
  local code = 0
  for _, name in ipairs(names) do
    if not only or only == name then
      local mod, err = engine.load_stage(name)
      if not mod then
        eprint(err)
        code = 2
      else
        print(("%s: %s"):format(name, mod.doc or ""))
        for _, l in ipairs(option_lines(mod)) do print(l) end
        print("")
      end
    end
  end
  return code
end

--- docpipe pipelines
function M.pipelines()
  for _, name in ipairs(engine.builtin_pipelines()) do
    local p, errs = engine.open(name, true)
    if p then
      print(("%-10s %s"):format(name, p.description ~= "" and p.description or p:describe()))
      local st = {}
      for _, s in ipairs(p.stages) do st[#st + 1] = s.name end
      print(("%-10s stages: %s; output: %s"):format("", table.concat(st, " -> "), p.output.format))
    else
      for _, e in ipairs(errs) do eprint(e) end
    end
  end
  return 0
end

return M
