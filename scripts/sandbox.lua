--- The sandbox for stages loaded from files: an allow-list of what a stage
-- may use, in the spirit of Redis's scripting sandbox. Built-in stages are
-- trusted and run outside it; a pipeline gives a file stage more with
-- `allow: [io, os, debug, package]`.
--
-- Allowed, and why:
--   assert error ipairs next pairs select tonumber tostring type
--   rawequal rawget rawlen rawset setmetatable   plain Lua, no reach outside the state
--   getmetatable        except on strings, whose metatable is shared by every stage
--   pcall xpcall        re-raise when a time or memory limit has been hit, so a stage
--                       cannot swallow its own limit error
--   load                text chunks only, in the stage's own environment (bytecode
--                       can break out of any sandbox)
--   print               writes to stderr: stdout carries the output documents
--   require             "docpipe" (read-only), built-in "docpipe.*" modules
--                       (read-only), and Lua files beside the stage, loaded in the
--                       same sandbox; no C modules
--   string table math utf8 coroutine   copies, so a stage cannot change them for others
--   os.clock os.time os.date os.difftime   time only: no execute, remove, rename,
--                       exit, getenv or tmpname
--   debug.traceback     for error messages; nothing else of debug
--   collectgarbage      "count" only: a stage cannot stop or tune the collector
-- Not allowed unless listed in `allow`: io (files, popen), all of os, all of
-- debug, package (loadlib, C modules, searchers), dofile, loadfile.
-- @module docpipe.sandbox

local dp = require "docpipe"
local limits = require "docpipe.limits"

local M = {}

M.grants = { io = true, os = true, debug = true, package = true }

local function copy(t)
  local c = {}
  for k, v in pairs(t) do c[k] = v end
  return c
end

--- A read-only view of table t (and of the tables inside it).
local function readonly(t, seen)
  seen = seen or {}
  if seen[t] then return seen[t] end
  local proxy = {}
  seen[t] = proxy
  setmetatable(proxy, {
    __index = function(_, k)
      local v = t[k]
      if type(v) == "table" and getmetatable(v) == nil then return readonly(v, seen) end
      return v
    end,
    __newindex = function(_, k)
      error(("cannot change '%s': the docpipe module is read-only in a stage"):format(tostring(k)), 2)
    end,
    __pairs = function() return next, t, nil end,
    __len = function() return #t end,
    __metatable = false,
  })
  return proxy
end
M.readonly = readonly

-- pcall/xpcall that let a limit error through.
local function guarded_pcall(...)
  local r = table.pack(pcall(...))
  if not r[1] and limits.hit() then error(r[2], 0) end
  return table.unpack(r, 1, r.n)
end

local function guarded_xpcall(f, handler, ...)
  local r = table.pack(xpcall(f, handler, ...))
  if not r[1] and limits.hit() then error(r[2], 0) end
  return table.unpack(r, 1, r.n)
end

-- (through docpipe.stderr: a progress line on the terminal is erased first, so the
-- printed line is not glued to it, from a worker thread too)
local stderr = require "docpipe.stderr"
local function stderr_print(...)
  local parts = table.pack(...)
  for i = 1, parts.n do parts[i] = tostring(parts[i]) end
  stderr.write(table.concat(parts, "\t", 1, parts.n) .. "\n")
end

--- A new environment for a stage file in folder dir, with the grants in
-- allow (a set: {io=true, ...}). Returns the environment table.
function M.env(dir, allow)
  allow = allow or {}
  local env = {}
  for _, name in ipairs({ "assert", "error", "ipairs", "next", "pairs", "select", "tonumber",
    "tostring", "type", "rawequal", "rawget", "rawlen", "rawset", "setmetatable" }) do
    env[name] = _G[name]
  end
  env._VERSION = _VERSION
  env.string, env.table, env.math, env.utf8, env.coroutine =
    copy(string), copy(table), copy(math), copy(utf8), copy(coroutine)
  env.getmetatable = function(v)
    if type(v) == "string" then return nil end
    return getmetatable(v)
  end
  env.pcall, env.xpcall = guarded_pcall, guarded_xpcall
  env.print = stderr_print
  env.collectgarbage = function(opt)
    if opt == "count" then return collectgarbage("count") end
    error("collectgarbage: only \"count\" is allowed in a stage", 2)
  end
  env.load = function(chunk, name, _, e)
    return load(chunk, name, "t", e or env)
  end
  env.os = allow.os and os or { clock = os.clock, time = os.time, date = os.date,
    difftime = os.difftime }
  env.debug = allow.debug and debug or { traceback = debug.traceback }
  if allow.io then env.io = io end
  env._G = env
  local loaded = {}
  if allow.package then
    env.package = package
    env.require = require
    env.dofile, env.loadfile = dofile, loadfile
  else
    env.require = function(name)
      if type(name) ~= "string" then error("require: a module name expected", 2) end
      if loaded[name] then return loaded[name] end
      local mod
      if name == "docpipe" then
        mod = readonly(dp)
      elseif name:match("^docpipe%.") and name ~= "docpipe.limits" and name ~= "docpipe.sandbox" then
        local m = require(name)
        mod = type(m) == "table" and readonly(m) or m
      else
        local path = dir .. "/" .. name:gsub("%.", "/") .. ".lua"
        local chunk, err = loadfile(path, "t", env)
        if not chunk then
          error(("module '%s' not found beside the stage (%s); C modules and other paths "
            .. "need `allow: [package]`"):format(name, tostring(err)), 2)
        end
        mod = chunk(name, path)
        if mod == nil then mod = true end
      end
      loaded[name] = mod
      return mod
    end
  end
  return env
end

return M
