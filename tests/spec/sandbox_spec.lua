-- The sandbox of file stages and the per-stage limits: escape attempts fail
-- with a clear error, grants open what they name, limits stop runaway stages.
local engine = require "docpipe.engine"

local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir -p " .. dir))

-- Write a stage whose process runs `body` (with doc in scope) and load a
-- pipeline with it. extra: more YAML for the stage entry.
local n = 0
local function pipeline(body, extra, top)
  n = n + 1
  local name = ("stage%d.lua"):format(n)
  local f = assert(io.open(dir .. "/" .. name, "w"))
  f:write(top or "", "\nlocal M = { name = 's' }\nfunction M.process(doc, ctx)\n", body,
    "\nreturn doc\nend\nreturn M\n")
  f:close()
  local yaml = ("stages:\n  - stage: %s\n    on_error: keep\n%s"):format(name, extra or "")
  local p, errs = engine.load(yaml, "t.yaml", dir)
  assert(p, errs and errs[1])
  assert(p:init())
  return p
end

-- Run body on a document; returns the error message or nil.
local function run(body, extra, top)
  local p = pipeline(body, extra, top)
  local outs = p:run({ id = "d", text = "x" })
  local errs = outs[1] and outs[1].errors
  return errs and errs[1] and errs[1].message or nil, outs[1]
end

describe("the stage sandbox", function()
  it("has no os.execute", function()
    assert.matches("attempt to call a nil value %(field 'execute'%)", run("os.execute('true')"))
  end)

  it("has no io.popen nor io.open", function()
    assert.matches("global 'io'", run("io.popen('ls')"))
    assert.matches("global 'io'", run("io.open('/tmp/x', 'w')"))
  end)

  it("has no package.loadlib", function()
    assert.matches("global 'package'", run("package.loadlib('libc.so.6', 'system')"))
  end)

  it("refuses C modules through require", function()
    assert.matches("module 'lfs' not found beside the stage", run("require 'lfs'"))
  end)

  it("refuses binary chunks", function()
    assert.matches("attempt to load a binary chunk",
      run("local f, e = load(string.dump(function() end)); error(e)"))
  end)

  it("has no dofile or loadfile", function()
    assert.matches("global 'dofile'", run("dofile('/etc/passwd')"))
    assert.matches("global 'loadfile'", run("loadfile('/etc/passwd')"))
  end)

  it("offers only debug.traceback", function()
    assert.matches("field 'getregistry'", run("debug.getregistry()"))
    assert.matches("field 'sethook'", run("debug.sethook()"))
    assert.is_nil(run("doc.tb = debug.traceback('x')"))
  end)

  it("hides the shared string metatable", function()
    assert.matches("attempt to index a nil value", run("getmetatable('').__index.upper = nil"))
    assert.are.equal("X", string.upper("x"))
  end)

  it("gives each stage its own copies of the libraries", function()
    assert.is_nil(run("string.rep = nil; table.concat = nil"))
    assert.are.equal("aa", string.rep("a", 2))
  end)

  it("makes the docpipe module read-only", function()
    assert.matches("read%-only", run("local dp = require 'docpipe'; dp.json.encode = nil"))
    assert.matches("read%-only", run("local dp = require 'docpipe'; dp.null = 1"))
  end)

  it("does not let a stage set globals of the engine", function()
    assert.is_nil(run("engine_hijacked = true"))
    assert.is_nil(rawget(_G, "engine_hijacked"))
  end)

  it("lets collectgarbage count but not stop the collector", function()
    assert.is_nil(run("doc.kb = collectgarbage('count')"))
    assert.matches("only \"count\"", run("collectgarbage('stop')"))
  end)

  it("prints to stderr, not into the output", function()
    assert.is_nil(run("print('(expected) a stage print goes to stderr')"))
  end)

  it("keeps the time functions of os", function()
    assert.is_nil(run("doc.t = os.time() + os.clock()"))
  end)

  it("opens io and os with allow", function()
    local err, doc = run("doc.kind = io.type(io.stdout); doc.exe = type(os.execute)",
      "    allow: [io, os]\n")
    assert.is_nil(err)
    assert.are.equal("file", doc.kind)
    assert.are.equal("function", doc.exe)
  end)

  it("rejects an unknown grant at its line", function()
    local f = assert(io.open(dir .. "/g.lua", "w"))
    f:write("return { process = function(d) return d end }\n")
    f:close()
    local p, errs = engine.load("stages:\n  - stage: g.lua\n    allow: [network]\n", "t.yaml", dir)
    assert.is_nil(p)
    assert.matches("t.yaml:3:13: allow: unknown grant 'network'", errs[1])
  end)

  it("finds a helper module beside the stage, inside the sandbox", function()
    local f = assert(io.open(dir .. "/helper_mod.lua", "w"))
    f:write("return { twice = function(x) return x * 2 end, io_seen = io ~= nil }\n")
    f:close()
    local err, doc = run("local h = require 'helper_mod'; doc.v = h.twice(21); doc.io = h.io_seen")
    assert.is_nil(err)
    assert.are.equal(42, doc.v)
    assert.is_false(doc.io)
  end)
end)

describe("stage limits", function()
  -- the last block: the temporary folder goes when it is done
  teardown(function() os.execute("rm -rf '" .. dir .. "'") end)

  it("stops an endless loop with the time limit, and names it", function()
    local err = run("while true do end", "    limits: {time_ms: 200}\n")
    assert.matches("time limit of 200 ms exceeded %(limits.time_ms%)", err)
  end)

  it("cannot be swallowed by pcall inside the stage", function()
    local err = run("for i = 1, 1e12 do pcall(function() while true do end end) end",
      "    limits: {time_ms: 200}\n")
    assert.matches("time limit of 200 ms exceeded", err)
  end)

  it("stops an endless loop inside coroutine.wrap", function()
    local err = run("local f = coroutine.wrap(function() while true do end end); f()",
      "    limits: {time_ms: 200}\n")
    assert.matches("time limit of 200 ms exceeded %(limits.time_ms%)", err)
  end)

  it("stops an endless loop inside a coroutine made by coroutine.create", function()
    local err = run("local co = coroutine.create(function() while true do end end)\n" ..
      "local ok, e = coroutine.resume(co); error(e, 0)", "    limits: {time_ms: 200}\n")
    assert.matches("time limit of 200 ms exceeded", err)
  end)

  it("runs the next document at full speed after a time limit was hit", function()
    local p = pipeline("if doc.text == 'loop' then while true do end end\n" ..
      "local s = 0; for i = 1, 3e6 do s = s + i end; doc.sum = s",
      "    limits: {time_ms: 300}\n")
    local outs = p:run({ id = "a", text = "loop" })
    assert.matches("time limit of 300 ms exceeded", outs[1].errors[1].message)
    -- the limit is armed afresh: a call well within it is not stopped by the old hit
    local again = p:run({ id = "b", text = "fine" })
    assert.is_nil(again[1].errors)
    assert.are.equal(4500001500000, again[1].sum)
    assert.is_nil(debug.gethook())
  end)

  it("gives coroutines that keep working with yields and errors", function()
    local err, doc = run("local f = coroutine.wrap(function(a) local b = coroutine.yield(a + 1); return b * 2 end)\n" ..
      "doc.first = f(1); doc.second = f(10)\n" ..
      "local g = coroutine.wrap(function() error('inner') end)\n" ..
      "local ok, e = pcall(g); doc.err = e", "    limits: {time_ms: 2000}\n")
    assert.is_nil(err)
    assert.are.equal(2, doc.first)
    assert.are.equal(20, doc.second)
    assert.matches("inner", doc.err)
  end)

  it("stops a stage that allocates without bound, and the state recovers", function()
    local p = pipeline("if doc.text == 'big' then local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(100) .. i end end",
      "    limits: {memory_mb: 64}\n")
    local outs = p:run({ id = "big", text = "big" })
    assert.matches("memory limit of 64 MB exceeded %(limits.memory_mb%)", outs[1].errors[1].message)
    local again = p:run({ id = "small", text = "small" })
    assert.is_nil(again[1].errors)
  end)

  it("takes pipeline-wide limits and rejects bad values", function()
    local p, errs = engine.load("limits: {time_ms: -5, memry_mb: 1}\nstages:\n  - stage: summary\n",
      "t.yaml", dir)
    assert.is_nil(p)
    assert.are.equal(2, #errs)
    assert.matches("t.yaml:1:19: limits.time_ms must be a positive integer", errs[1] .. errs[2])
    assert.matches("unknown key 'memry_mb' in limits %(did you mean 'memory_mb'%?%)", errs[1] .. errs[2])
  end)
end)
