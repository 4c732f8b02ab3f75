--- doc_examples: runs every example in the given Markdown files as a test, so the
-- documentation cannot drift from the code (jq turns its manual's examples into tests
-- the same way).
--
--   docpipe lua tests/doc_examples.lua docs/guide.md docs/reference.md README.md
--
-- Run from the repository root. Prints each failing block as FILE:LINE with the reason
-- and ends with "doc examples: N passed, N failed"; exits 1 when a block failed.
--
-- Method: fenced code blocks are found as CommonMark defines them (a fence of three or
-- more ` or ~ indented at most three spaces; the block ends at a line holding only a
-- fence of the same character at least as long, or at the end of the file). A line
-- inside a block that starts with the closing fence but has text after it does not
-- close the block in CommonMark, so it is reported as an error (the block is taken to
-- end there, so the rest of the file is still checked). Each block is one test, by
-- its info string:
--
--   lua   A chunk, run with fresh globals (reading through to _G) and print silenced;
--         it must not raise: its assert() calls are the test. When it returns a table
--         with a process function, that table is a stage: the block is written to the
--         work folder and run by a one-stage pipeline (sandbox, option validation,
--         init, process, JSON output, finish) on the sample documents below; no call
--         may fail. A block written to a file named *_spec.lua (see `file:` below) is a
--         busted spec instead: `docpipe test NAME` runs it in the work folder and must
--         pass.
--   yaml  A pipeline (a mapping with `stages`) is loaded with
--         require("docpipe.engine").load(text, "doc.yaml", WORK) and its stages' init
--         run, as `docpipe check` does: stage paths are relative to the work folder,
--         which holds a link `stages` to examples/stages (so `stages/keywords.lua` is
--         the worked example) and every file written by a `file:` block before it.
--         Any other YAML block must parse.
--   sh    Run when one of its lines starts with "$ docpipe" or "$ ./docpipe": every
--         "$ " line is a command, run with sh from the repository root (`docpipe`
--         and `./docpipe` at the start of a command, or after | ; && ||, are the
--         binary under test, $DOCPIPE_BIN). Each command must exit 0 (a block shows a
--         failing command as `docpipe ... || echo "exit $?"`). The lines after a
--         command, up to the next "$ " line, are its expected output: its standard
--         output followed by its standard error, compared line by line with trailing
--         blanks ignored; "..." inside a line matches any text, a line holding only
--         "..." any number of lines. A command without lines after it is not compared.
--   c     Compiled against src/docpipe.h and $BUILD/libdocpipe.a (the library the
--         binary under test is linked from) with the libraries the Makefile links
--         (LDLIBS, read with make --eval; sanitizers added when the library has them),
--         else a libdocpipe.so; then run from the repository root; it must exit 0.
--   anything else (json, text, no info string) is not run, only written by `file:`.
--
-- Directives are HTML comments on the lines right before a fence:
--   <!-- not run: REASON -->   the block is skipped (counted neither way); use sparingly
--   <!-- file: NAME -->        the block is written to WORK/NAME before it runs: a stage,
--                              its spec, a helper module, a pipeline, an input file
--   <!-- cwd: work -->         (sh) the commands run in the work folder instead of the
--                              repository root, as a reader would in a folder of their own
--   <!-- fails: TEXT -->       (lua, yaml) the block must fail with an error holding TEXT
--
-- Each Markdown file gets its own work folder (a fresh temporary directory, removed at
-- the end), so the blocks of one file can build on each other in order, and files do
-- not see each other's.
--
-- The sample documents for stage blocks: an invented wire story (two paragraphs, a
-- quote, figures, non-ASCII letters) run through the built-in `sentences` pipeline, so
-- it has id, source, text and sentences; and an empty document {id, source, text = ""}.
--
-- Units: line numbers are 1-based lines of the Markdown file (the fence's line).

local dp = require "docpipe"
local engine = require "docpipe.engine"

local concat, insert = table.concat, table.insert

-- helpers ---------------------------------------------------------------------------------

local function shell_quote(s)
  return "'" .. s:gsub("'", "'\\''") .. "'"
end

-- Run a shell command; returns ok, exit code, stdout, stderr.
local function run_shell(cmd)
  local out_file, err_file = os.tmpname(), os.tmpname()
  local ok, _, code = os.execute(("( %s ) >%s 2>%s </dev/null"):format(cmd,
    shell_quote(out_file), shell_quote(err_file)))
  local function slurp(path)
    local f = io.open(path, "rb")
    local s = f and f:read("a") or ""
    if f then f:close() end
    os.remove(path)
    return s
  end
  return ok == true, code, slurp(out_file), slurp(err_file)
end

local function read_file(path)
  local f, err = io.open(path, "rb")
  if not f then return nil, err end
  local s = f:read("a")
  f:close()
  return s
end

local function write_file(path, text)
  local f, err = io.open(path, "wb")
  if not f then return nil, err end
  f:write(text)
  f:close()
  return true
end

local function dirname(path)
  return path:match("^(.*)/[^/]*$") or "."
end

local function deep_copy(v)
  if type(v) ~= "table" then return v end
  local t = {}
  for k, x in pairs(v) do t[k] = deep_copy(x) end
  return setmetatable(t, getmetatable(v))
end

local function split_lines(s)
  local lines = {}
  for line in (s .. "\n"):gmatch("(.-)\n") do lines[#lines + 1] = line end
  if lines[#lines] == "" then lines[#lines] = nil end
  return lines
end

local function rtrim(s) return (s:gsub("%s+$", "")) end

-- The last n lines of s, indented, for a failure message.
local function tail(s, n)
  local lines = split_lines(s)
  local from = math.max(1, #lines - n + 1)
  local out = {}
  for i = from, #lines do out[#out + 1] = "    " .. lines[i] end
  return concat(out, "\n")
end

-- the environment -------------------------------------------------------------------------

local ROOT = rtrim(io.popen("pwd"):read("a"))
local BIN = os.getenv("DOCPIPE_BIN") or "./docpipe"
if BIN:sub(1, 1) ~= "/" then BIN = ROOT .. "/" .. BIN:gsub("^%./", "") end
local BUILD = os.getenv("BUILD") or "build"
if BUILD:sub(1, 1) ~= "/" then BUILD = ROOT .. "/" .. BUILD end

-- DOCPIPE_PATH made absolute, for commands run in another folder.
local function absolute_path_list(v)
  if not v or v == "" then return v end
  local parts = {}
  for p in v:gmatch("[^:]+") do
    parts[#parts + 1] = p:sub(1, 1) == "/" and p or (ROOT .. "/" .. p)
  end
  return concat(parts, ":")
end
local DOCPIPE_PATH = absolute_path_list(os.getenv("DOCPIPE_PATH"))

-- A folder with `docpipe` in it, put first on PATH for sh blocks.
local TOOLS = os.tmpname()
os.remove(TOOLS)
assert(os.execute("mkdir -p " .. shell_quote(TOOLS)))
assert(os.execute(("ln -s %s %s"):format(shell_quote(BIN), shell_quote(TOOLS .. "/docpipe"))))

local SAMPLE_TEXT = [[
PORT ELVANE, Marrow Coast — The harbour council of Port Elvane voted 7-2 on Tuesday to rebuild the old ferry pier, after a winter storm left it unsafe.

"We cannot wait another season," said council chair Inès Okafor. The work will cost 4.2 million crowns and should take eight months, according to the council's engineer, Dr. Tomas Brekke.
]]

local function sample_documents()
  local base = { id = "sample", source = "sample.txt", text = SAMPLE_TEXT }
  local p = assert(dp.load_pipeline("sentences"))
  local outs, fails = p:run(dp.object(base))
  assert(#fails == 0 and outs[1], "the sentences pipeline failed on the sample document")
  return { outs[1], dp.object({ id = "empty", source = "empty.txt", text = "" }) }
end
local SAMPLES = sample_documents()

-- Markdown ---------------------------------------------------------------------------------

--- The fenced code blocks of a Markdown text: list of {line, lang, text, directives,
-- problem}; problem is a message when the block is malformed.
local function code_blocks(md)
  local lines = split_lines(md)
  local blocks = {}
  local i = 1
  while i <= #lines do
    local indent, fence, info = lines[i]:match("^( ? ? ?)(```+)%s*([^`]*)$")
    if not fence then indent, fence, info = lines[i]:match("^( ? ? ?)(~~~+)%s*(.*)$") end
    if fence then
      local b = { line = i, lang = (info:match("^(%S+)") or ""):lower(), directives = {} }
      -- directives: HTML comments on the lines right above the fence
      local j = i - 1
      while j >= 1 do
        local d = lines[j]:match("^%s*<!%-%-%s*(.-)%s*%-%->%s*$")
        if not d then break end
        local key, value = d:match("^([%w ]+):%s*(.-)$")
        if key then b.directives[key] = value end
        j = j - 1
      end
      local ch, n = fence:sub(1, 1), #fence
      local body = {}
      local k = i + 1
      local closed = false
      while k <= #lines do
        local l = lines[k]
        local run, rest = l:match("^ ? ? ?(" .. (ch == "`" and "`" or "~") .. "+)(.*)$")
        if run and #run >= n then
          if rest:match("^%s*$") then closed = true; break end
          b.problem = ("line %d: a closing fence followed by text (%q) does not close the "
            .. "block in CommonMark; put the text on a line of its own"):format(k, rest)
          closed = true
          break
        end
        -- a fence's indentation is removed from the content, as CommonMark does
        if #indent > 0 then l = l:gsub("^" .. (" ?"):rep(#indent), "", 1) end
        body[#body + 1] = l
        k = k + 1
      end
      if not closed then b.problem = "the code block is never closed" end
      b.text = concat(body, "\n") .. (#body > 0 and "\n" or "")
      blocks[#blocks + 1] = b
      i = k + 1
    else
      i = i + 1
    end
  end
  return blocks
end

-- running blocks ---------------------------------------------------------------------------

local function error_text(rec)
  local s = tostring(rec.error or rec.message)
  if rec.traceback and rec.traceback ~= "" then s = s .. "\n" .. rec.traceback end
  return s
end

--- Run a stage file (already in work) on the sample documents. Returns nil or a message.
local function run_stage(work, name, where)
  local yaml = ("stages:\n  - stage: %s\n"):format(name)
  local p, errs = engine.load(yaml, where .. " (as a stage)", work)
  if not p then return concat(errs, "\n") end
  local ok, err = p:init()
  if not ok then return err end
  for _, doc in ipairs(SAMPLES) do
    -- a stage's print writes to io.stderr: kept out of the test log
    local stderr = io.stderr
    io.stderr = { write = function(self) return self end }
    local fine, outs, fails = pcall(p.run, p, deep_copy(doc))
    io.stderr = stderr
    if not fine then return ("on the %s document: %s"):format(doc.id, tostring(outs)) end
    if #fails > 0 then
      return ("on the %s document: %s"):format(doc.id, error_text(fails[1]))
    end
    for _, out in ipairs(outs) do
      local fine, json = pcall(p.format, p, out, "jsonl")
      if not fine then
        return ("on the %s document, writing the output: %s"):format(doc.id, tostring(json))
      end
    end
  end
  local _, ffails = p:finish()
  if ffails and #ffails > 0 then return error_text(ffails[1]) end
  return nil
end

-- What a block's run comes to under its `fails:` directive: with one, the failure must
-- hold the expected text (nil when it does); without, the failure itself (nil: passed).
local function outcome(expect, failure)
  if not expect then return failure end
  if not failure then return ("expected an error holding %q, got none"):format(expect) end
  if not failure:find(expect, 1, true) then
    return ("expected an error holding %q, got: %s"):format(expect, failure)
  end
  return nil
end

-- Returns nil when the block passed, or the reason it failed.
local function run_lua(b, work, where)
  local file = b.directives.file
  if file and file:match("_spec%.lua$") then
    local ok, code, out, err = run_shell(("cd %s && PATH=%s:\"$PATH\" %s docpipe test %s"):format(
      shell_quote(work), shell_quote(TOOLS),
      DOCPIPE_PATH and ("DOCPIPE_PATH=" .. shell_quote(DOCPIPE_PATH)) or "", shell_quote(file)))
    if not ok then
      return ("docpipe test %s exited %s:\n%s"):format(file, tostring(code), tail(out .. err, 30))
    end
    return nil
  end
  local env = setmetatable({ print = function() end, arg = {} }, { __index = _G })
  -- blank lines before the code, so that error lines are lines of the Markdown file
  local chunk, err = load(("\n"):rep(b.line) .. b.text, "@" .. b.path, "t", env)
  if not chunk then return err end
  local before = {}
  for k in pairs(package.loaded) do before[k] = true end
  local saved_path = package.path
  package.path = work .. "/?.lua;" .. package.path
  local ok, r = xpcall(chunk, debug.traceback)
  package.path = saved_path
  for k in pairs(package.loaded) do  -- helper modules of one block are not another's
    if not before[k] then package.loaded[k] = nil end
  end
  local failure
  if not ok then
    failure = tostring(r)
  elseif type(r) == "table" and type(rawget(r, "process")) == "function" then
    local name = file
    if not name then
      -- padded like the chunk, so that its error lines are lines of the Markdown file
      name = ("example_%d.lua"):format(b.line)
      local wrote, werr = write_file(work .. "/" .. name, ("\n"):rep(b.line) .. b.text)
      if not wrote then return werr end
    end
    failure = run_stage(work, name, where)
  end
  local expect = b.directives.fails
  return outcome(expect, failure)
end

-- "doc.yaml:LINE:COLUMN" in a message, pointed at the Markdown file as well.
local function in_markdown(msg, b)
  return (msg:gsub("doc%.yaml:(%d+):(%d+)", function(l, c)
    return ("%s:%d:%s (doc.yaml:%s:%s)"):format(b.path, b.line + tonumber(l), c, l, c)
  end))
end

local function run_yaml(b, work, where)
  local v, pos = dp.yaml.load(b.text, "doc.yaml")
  local expect = b.directives.fails
  local failure
  if v == nil then
    failure = pos
  elseif type(v) == "table" and getmetatable(v) and getmetatable(v).__name == "object"
      and v.stages ~= nil then
    local p, errs = engine.load(b.text, "doc.yaml", work)
    if not p then
      failure = concat(errs, "\n")
    else
      local ok, err = p:init()
      if not ok then failure = err end
    end
  end
  if failure then failure = in_markdown(failure, b) end
  return outcome(expect, failure)
end

-- Does actual (list of lines) match expected (list of lines with "..." wildcards)?
local function line_matches(want, got)
  if not want:find("...", 1, true) then return want == got end
  local parts = {}
  for piece in (want .. "..."):gmatch("(.-)%.%.%.") do parts[#parts + 1] = piece end
  local pos = 1
  for i, piece in ipairs(parts) do
    if i == 1 then
      if got:sub(1, #piece) ~= piece then return false end
      pos = #piece + 1
    elseif i == #parts then
      return piece == "" or (#got - #piece + 1 >= pos and got:sub(-#piece) == piece)
    else
      local s, e = got:find(piece, pos, true)
      if not s then return false end
      pos = e + 1
    end
  end
  return true
end

local function lines_match(want, got)
  local memo = {}
  local function m(i, j)
    local key = i * 100003 + j
    if memo[key] ~= nil then return memo[key] end
    local r
    if i > #want then r = j > #got
    elseif want[i] == "..." then r = m(i + 1, j) or (j <= #got and m(i, j + 1))
    else r = j <= #got and line_matches(want[i], got[j]) and m(i + 1, j + 1) end
    memo[key] = r
    return r
  end
  return m(1, 1)
end

-- The command with `docpipe` / `./docpipe` in command position replaced by `docpipe`
-- (found on PATH: the binary under test).
local function command(cmd)
  cmd = " " .. cmd
  cmd = cmd:gsub("([%s|;&(])%./docpipe(%f[%s])", "%1docpipe%2")
  return cmd:sub(2)
end

local function run_sh(b, work, where)
  local lines = split_lines(b.text)
  local runs = false
  for _, l in ipairs(lines) do
    if l:match("^%$ %.?/?docpipe%f[%s%z]") then runs = true end
  end
  if not runs then return nil, true end
  local cwd = b.directives.cwd == "work" and work or ROOT
  local cmds = {}
  for _, l in ipairs(lines) do
    local c = l:match("^%$ (.*)$")
    if c then cmds[#cmds + 1] = { cmd = c, want = {} }
    elseif #cmds > 0 then insert(cmds[#cmds].want, rtrim(l))
    end
  end
  for _, c in ipairs(cmds) do
    while #c.want > 0 and c.want[#c.want] == "" do c.want[#c.want] = nil end
    local full = ("cd %s && PATH=%s:\"$PATH\" %s sh -c %s"):format(shell_quote(cwd),
      shell_quote(TOOLS), DOCPIPE_PATH and ("DOCPIPE_PATH=" .. shell_quote(DOCPIPE_PATH)) or "",
      shell_quote(command(c.cmd)))
    local ok, code, out, err = run_shell(full)
    if not ok then
      return ("`%s` exited %s:\n%s"):format(c.cmd, tostring(code), tail(out .. err, 30))
    end
    if #c.want > 0 then
      local got = {}
      for _, l in ipairs(split_lines(out .. err)) do got[#got + 1] = rtrim(l) end
      while #got > 0 and got[#got] == "" do got[#got] = nil end
      if not lines_match(c.want, got) then
        return ("`%s`: the output differs.\n  expected:\n%s\n  got:\n%s"):format(c.cmd,
          tail(concat(c.want, "\n"), 40), tail(concat(got, "\n"), 40))
      end
    end
  end
  return nil
end

-- The link flags for a C example: the static library the binary under test was linked
-- from, with the libraries the Makefile links (and the sanitizers when the library was
-- built with them); else a shared library.
local function c_link_flags()
  local a = BUILD .. "/libdocpipe.a"
  if io.open(a, "rb") then
    -- (a make of its own, not a sub-make: under `make -j` the parent's MAKEFLAGS and
    -- MAKELEVEL made it print "make[1]: Entering directory" into the flags)
    local ok, _, libs = run_shell(("cd %s && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s --no-print-directory "
      .. "--eval='docpipe-print-ldlibs: ; @echo $(LDLIBS)' docpipe-print-ldlibs"):format(shell_quote(ROOT)))
    if ok and libs:find("%S") then
      local san = ""
      if select(3, run_shell("nm -A " .. shell_quote(a))):find("__asan_report", 1, true) then
        san = " -fsanitize=address,undefined"
      end
      return ("%s %s%s"):format(shell_quote(a), rtrim(libs), san)
    end
  end
  for _, dir in ipairs({ BUILD, ROOT .. "/build" }) do
    local so = dir .. "/libdocpipe.so"
    if io.open(so, "rb") then
      return ("%s -Wl,-rpath,%s"):format(shell_quote(so), shell_quote(dirname(so)))
    end
  end
  return nil, "no libdocpipe.a or libdocpipe.so under " .. BUILD .. ": build first (make)"
end

local function run_c(b, work, where)
  local src = work .. "/" .. (b.directives.file or ("example_%d.c"):format(b.line))
  if not b.directives.file then
    local ok, err = write_file(src, b.text)
    if not ok then return err end
  end
  local flags, ferr = c_link_flags()
  if not flags then return ferr end
  local exe = src:gsub("%.c$", "")
  local ok, code, out, err = run_shell(("cc -std=c11 -Wall -Wextra -Werror -I%s -o %s %s %s"):format(
    shell_quote(ROOT .. "/src"), shell_quote(exe), shell_quote(src), flags))
  if not ok then return ("cc exited %s:\n%s"):format(tostring(code), tail(out .. err, 30)) end
  ok, code, out, err = run_shell(("cd %s && %s"):format(shell_quote(ROOT), shell_quote(exe)))
  if not ok then
    return ("the program exited %s:\n%s"):format(tostring(code), tail(out .. err, 30))
  end
  return nil
end

local RUNNERS = { lua = run_lua, yaml = run_yaml, yml = run_yaml, sh = run_sh, shell = run_sh,
  console = run_sh, c = run_c }

-- main -------------------------------------------------------------------------------------

local passed, failed, skipped = 0, 0, 0

local function check_file(path)
  local md, err = read_file(path)
  if not md then
    print(("FAIL %s: cannot read it: %s"):format(path, tostring(err)))
    failed = failed + 1
    return
  end
  local work = os.tmpname()
  os.remove(work)
  assert(os.execute("mkdir -p " .. shell_quote(work)))
  assert(os.execute(("ln -s %s %s"):format(shell_quote(ROOT .. "/examples/stages"),
    shell_quote(work .. "/stages"))))
  for _, b in ipairs(code_blocks(md)) do
    local where = ("%s:%d"):format(path, b.line)
    b.path = path
    local reason, not_counted
    if b.directives["not run"] then
      skipped = skipped + 1
      not_counted = true
    else
      if b.directives.file then
        local name = b.directives.file
        if name:find("..", 1, true) or name:sub(1, 1) == "/" then
          reason = "file: takes a plain name inside the work folder"
        else
          local ok, werr = write_file(work .. "/" .. name, b.text)
          if not ok then reason = werr end
        end
      end
      local runner = RUNNERS[b.lang]
      if not reason and runner then
        local ok, r, skip = pcall(runner, b, work, where)
        if not ok then reason = "the test runner failed: " .. tostring(r)
        else reason, not_counted = r, skip end
      elseif not reason and not b.problem then
        not_counted = true  -- a language that is not run
      end
      if b.problem then reason = reason and (b.problem .. "\n" .. reason) or b.problem end
    end
    if reason then
      failed = failed + 1
      print(("FAIL %s (%s): %s"):format(where, b.lang ~= "" and b.lang or "no language",
        tostring(reason):gsub("\n", "\n  ")))
    elseif not not_counted then
      passed = passed + 1
    end
  end
  os.execute("rm -rf " .. shell_quote(work))
end

local files = { ... }
if #files == 0 then files = arg or {} end
if #files == 0 then
  io.stderr:write("usage: docpipe lua tests/doc_examples.lua FILE.md ...\n")
  os.exit(2)
end
for _, f in ipairs(files) do check_file(f) end
os.execute("rm -rf " .. shell_quote(TOOLS))
print(("doc examples: %d passed, %d failed%s"):format(passed, failed,
  skipped > 0 and (" (%d not run)"):format(skipped) or ""))
if failed > 0 then os.exit(1) end
