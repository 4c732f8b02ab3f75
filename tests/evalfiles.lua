--- File helpers shared by the evaluation and benchmark scripts (run from the
-- repository root with `./docpipe lua`): read a whole file, list a folder.
-- @module tests.evalfiles

local M = {}

--- The content of path, or nil when it cannot be read.
function M.read(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

--- The sorted names in dir that end with suffix ({} when dir cannot be listed).
function M.ls(dir, suffix)
  local out = {}
  local p = io.popen('ls "' .. dir .. '" 2>/dev/null')
  if p then
    for name in p:lines() do
      if name:sub(-#suffix) == suffix then out[#out + 1] = name end
    end
    p:close()
  end
  table.sort(out)
  return out
end

return M
