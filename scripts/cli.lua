--- The informational commands of the docpipe command line: check,
-- stages and pipelines. Each prints to stdout (errors to stderr) and
-- returns the exit code (0 ok, 2 configuration error).
-- @module docpipe.cli

local engine = require "docpipe.engine"
local dp = require "docpipe"

local M = {}

local function eprint(s) io.stderr:write("docpipe: ", s, "\n") end

local function show(v, typ)
  if v == nil then return "none" end
  if v == dp.null then return "null" end
  if type(v) == "table" then
    if typ == "map" and next(v) == nil then return "{}" end
    return dp.json.encode(v)
  end
  -- (a string quoted, as YAML may write it: "en", and "" is not a blank)
  if type(v) == "string" then return dp.json.encode(v) end
  return tostring(v)
end

--- docpipe check PIPELINE
function M.check(ref)
  local p, errs = engine.open(ref)  -- with the stages' init: they check options too
  if not p then
    for _, e in ipairs(errs) do eprint(e) end
    return 2
  end
  print(("ok: %s"):format(p:describe()))
  return 0
end

-- A default longer than this many characters does not widen its column: the
-- description then starts on the next line, in the same column as the others.
local MAX_DEFAULT_WIDTH = 16

local function width(s) return utf8.len(s) or #s end

-- The widths of the name, type and default columns over the options of mods
-- (a list of stage modules), so that every description starts in one column
-- however long a name is (dateline_place_nouns); at least the old 16, 8, 10.
local function option_widths(mods)
  local w = { name = 16, type = 8, default = 10 }
  for _, mod in ipairs(mods) do
    for k, o in pairs(mod.options or {}) do
      w.name = math.max(w.name, width(k))
      w.type = math.max(w.type, #(o.type or "any"))
      local d = width(show(o.default, o.type))
      if d <= MAX_DEFAULT_WIDTH then w.default = math.max(w.default, d) end
    end
  end
  return w
end

-- Pad s with spaces to n characters (string.format's %-Ns counts bytes).
local function pad(s, n)
  return s .. (" "):rep(n - width(s))
end

-- The declared choices or bounds of an option, for its description: " (one of: a,
-- b)", " (0 to 1)",
-- " (at least 1)"; "" when it has none.
local function range_note(o)
  if o.choices then return " (one of: " .. table.concat(o.choices, ", ") .. ")" end
  if o.min and o.max then return (" (%s to %s)"):format(o.min, o.max) end
  if o.min then return (" (at least %s)"):format(o.min) end
  if o.max then return (" (at most %s)"):format(o.max) end
  return ""
end

-- doc with its range note; a doc that already ends in a parenthesis takes the note
-- inside it, "(0: no limit; at least 0)", rather than a second one after it.
local function with_note(doc, note)
  if note ~= "" and doc:sub(-1) == ")" then
    return doc:sub(1, -2) .. "; " .. note:sub(3)
  end
  return doc .. note
end

-- The description doc cut into lines of at most width columns at spaces (a word
-- longer than the width stands alone on its line); the whole of doc when width is nil.
local function wrap(doc, width)
  if not width or width < 20 or utf8.len(doc) == nil or utf8.len(doc) <= width then return { doc } end
  local lines, cur = {}, ""
  for word in doc:gmatch("%S+") do
    if cur == "" then cur = word
    elseif utf8.len(cur) + 1 + utf8.len(word) <= width then cur = cur .. " " .. word
    else lines[#lines + 1] = cur; cur = word end
  end
  if cur ~= "" then lines[#lines + 1] = cur end
  return lines
end

local function option_lines(mod, w)
  w = w or option_widths({ mod })
  local names, lines = {}, {}
  for k in pairs(mod.options or {}) do names[#names + 1] = k end
  table.sort(names)
  for _, k in ipairs(names) do
    local o = mod.options[k]
    local head = ("    %s %s default "):format(pad(k, w.name), pad(o.type or "any", w.type))
    local default = show(o.default, o.type)
    local doc = o.doc and with_note(o.doc, range_note(o))
    -- (on a terminal the description wraps at its width, each line in the
    -- description's column; in a pipe or a file it stays one line, for grep)
    -- (a terminal too narrow for that column, under 30 columns left: the description
    -- goes under the option, indented by 8)
    local indent = width(head) + w.default + 1
    local below = w.columns and w.columns - indent < 30
    if below then indent = 8 end
    local parts = doc and wrap(doc, w.columns and (w.columns - indent)) or {}
    if (below or width(default) > w.default) and doc then
      lines[#lines + 1] = head .. default
      for _, part in ipairs(parts) do lines[#lines + 1] = (" "):rep(indent) .. part end
    else
      -- (an option without a doc ends at its default, with no trailing blanks)
      lines[#lines + 1] = ((head .. pad(default, w.default) .. " " .. (parts[1] or "")):gsub("%s+$", ""))
      for k = 2, #parts do lines[#lines + 1] = (" "):rep(indent) .. parts[k] end
    end
  end
  return lines
end

-- Markdown reference of one stage.
local function stage_markdown(name, mod)
  local out = { ("## %s"):format(name), "", mod.doc or "", "" }
  local names = {}
  for k in pairs(mod.options or {}) do names[#names + 1] = k end
  table.sort(names)
  if #names == 0 then
    out[#out + 1] = "No options."
  else
    out[#out + 1] = "| option | type | default | description |"
    out[#out + 1] = "| --- | --- | --- | --- |"
    for _, k in ipairs(names) do
      local o = mod.options[k]
      local doc = ((o.doc or "") .. range_note(o)):gsub("|", "\\|")
      out[#out + 1] = ("| `%s` | %s | `%s` | %s |"):format(k, o.type or "any", show(o.default, o.type), doc)
    end
  end
  out[#out + 1] = ""
  return table.concat(out, "\n")
end

--- docpipe stages [--markdown] [NAME ...]: every built-in stage, or each one named
-- (a built-in name or a stage file of one's own), in the order named.
function M.stages(...)
  local markdown, picks = false, {}
  for _, a in ipairs({ ... }) do
    if a == "--markdown" then markdown = true
    elseif a:sub(1, 1) == "-" then eprint("stages: unknown option '" .. a .. "'"); return 2
    else picks[#picks + 1] = a end
  end
  local names = engine.builtin_stages()
  local builtin = {}
  for _, n in ipairs(names) do builtin[n] = true end
  local function is_file(a) return a:find("/", 1, true) or a:match("%.lua$") end
  -- every name checked first: a typo in the third fails the command before any output
  for _, a in ipairs(picks) do
    if not is_file(a) and not builtin[a] then
      local near = engine.suggest(a, names)
      eprint(("no built-in stage '%s'%s"):format(a, near and (" (did you mean '" .. near .. "'?)") or ""))
      return 2
    end
  end
  if #picks == 0 then
    picks = names
    if markdown then
      print("# docpipe's built-in stages\n")
      print("Generated by `docpipe stages --markdown`. Options go under `with:` in a pipeline file.\n")
    end
  end
  -- loaded first: the columns are as wide as the longest entry of the whole listing
  local mods, loaded, errs = {}, {}, {}
  for _, a in ipairs(picks) do
    if loaded[a] == nil and errs[a] == nil then
      loaded[a], errs[a] = engine.load_stage(a)
      mods[#mods + 1] = loaded[a]
    end
  end
  local widths = option_widths(mods)
  widths.columns = not markdown and dp.terminal_columns() or nil
  local code = 0
  for k, a in ipairs(picks) do
    local mod = loaded[a]
    if not mod then
      eprint(errs[a])
      code = 2
    else
      local name = is_file(a) and mod.name or a
      if markdown then print(stage_markdown(name, mod))
      else
        local head = name .. ": "
        local parts = wrap(mod.doc or "", widths.columns and (widths.columns - #head))
        print(head .. (parts[1] or ""))
        for k = 2, #parts do print((" "):rep(#head) .. parts[k]) end
        for _, l in ipairs(option_lines(mod, widths)) do print(l) end
        -- a blank line between stages (none after a single one, as before)
        if #picks > 1 or not is_file(a) then print("") end
      end
    end
  end
  return code
end

local STAGE_TEMPLATE = [[
--- @NAME@: one line on what this stage does.
--
-- Input: doc.text. Output: doc.@NAME@ (describe the shape; offsets in Lua are
-- 1-based inclusive byte offsets into doc.text).
-- Method: say what it follows (a paper, a standard, a library).

local dp = require "docpipe"

local M = { name = "@NAME@", doc = "Counts the words of doc.text into doc.@NAME@." }

M.options = {
  min_length = { type = "integer", default = 1, min = 1, doc = "count words of at least this many bytes" },
}

--- Once, before the first document: check options, load word lists.
function M.init(opts, ctx)
  if opts.min_length < 1 then error("@NAME@: min_length must be at least 1", 0) end
  ctx.state.documents = 0
end

--- One document: return it (nil drops it; a list emits several).
function M.process(doc, ctx)
  local n = 0
  for _, w in ipairs(dp.text.words(doc.text)) do
    if #w >= ctx.opts.min_length then n = n + 1 end
  end
  doc.@NAME@ = n
  ctx.state.documents = ctx.state.documents + 1
  return doc
end

--- At the end of the run: a corpus-level result (printed on stderr).
function M.finish(ctx)
  return { documents = ctx.state.documents }
end

return M
]]

local SPEC_TEMPLATE = [[
-- Specs for @NAME@.lua. Run them with: docpipe test @NAME@_spec.lua
local stage = dofile("@NAME@.lua")

local function ctx(opts)
  local c = { opts = opts or { min_length = 1 }, state = {}, stage = "@NAME@" }
  stage.init(c.opts, c)
  return c
end

describe("@NAME@", function()
  it("counts the words of the text", function()
    local doc = stage.process({ id = "a", text = "Three short words." }, ctx())
    assert.are.equal(3, doc.@NAME@)
  end)

  it("skips words shorter than min_length", function()
    local doc = stage.process({ id = "b", text = "a bb ccc" }, ctx({ min_length = 2 }))
    assert.are.equal(2, doc.@NAME@)
  end)

  it("rejects a min_length below 1", function()
    assert.has_error(function() ctx({ min_length = 0 }) end)
  end)
end)
]]

local PIPELINE_TEMPLATE = [[
name: @NAME@
description: Split sentences, then run @NAME@.lua.
stages:
  - stage: sentences
  - stage: @NAME@.lua
    with:
      min_length: 1
output:
  format: jsonl
  fields: [id, @NAME@]
]]

--- docpipe new-stage NAME [DIR]
function M.new_stage(name, dir)
  dir = dir or "."
  if not name:match("^[%a_][%w_]*$") then
    eprint(("new-stage: '%s' is not a valid stage name (letters, digits, _)"):format(name))
    return 2
  end
  local files = {
    { dir .. "/" .. name .. ".lua", STAGE_TEMPLATE },
    { dir .. "/" .. name .. "_spec.lua", SPEC_TEMPLATE },
    { dir .. "/" .. name .. ".yaml", PIPELINE_TEMPLATE },
  }
  for _, f in ipairs(files) do
    local existing = io.open(f[1], "r")
    if existing then
      existing:close()
      eprint(("new-stage: %s exists; nothing written"):format(f[1]))
      return 2
    end
  end
  for _, f in ipairs(files) do
    local out, err, code = io.open(f[1], "w")
    if not out then
      -- (a folder that does not exist is said so, with the command that makes it; any
      -- other place that takes no file, /proc or a read-only folder, names the file and
      -- the reason)
      local folder = io.open(dir, "r")
      if folder then folder:close() end
      if code == 2 and not folder then
        err = ("folder %s does not exist; make it first (mkdir -p %s)"):format(dir, dir)
      else
        err = ("cannot write %s: %s"):format(f[1], tostring(err):gsub("^.*: ", ""))
      end
      eprint("new-stage: " .. err); return 3
    end
    out:write((f[2]:gsub("@NAME@", name)))
    out:close()
    print("wrote " .. f[1])
  end
  print(("next: cd %s && docpipe test %s_spec.lua && docpipe run %s.yaml SOME.txt"):format(dir,
    name, name))
  return 0
end

--- docpipe eval [INPUT.jsonl ...] [options]: summarise JSON Lines records with a pipeline
-- (default: the built-in rouge pipeline) and print the ROUGE means as a table; the
-- command itself is docpipe.rouge.eval.
function M.eval(...)
  return require("docpipe.rouge.eval").main(...)
end

--- docpipe pipelines
function M.pipelines()
  for _, name in ipairs(engine.builtin_pipelines()) do
    -- by its built-in name: a file of that name in the current folder is not it
    local p, errs = engine.open("builtin:" .. name, true)
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
