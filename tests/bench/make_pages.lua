--- Builds the page corpora of `make bench` as JSON Lines.
--
--   seed OUT.jsonl [MEGABYTES]  the seed page (a CNN article saved as text) repeated
--                               until the file reaches MEGABYTES (default 5), one
--                               {id, text} record per copy: input for the `clean` stage
--   html OUT.jsonl              the saved web pages of ../shared/data/pages (html/ and
--                               cnn2012/, expected outputs left out), one
--                               {id, text = "", html} record each: input for the `html`
--                               stage and pipeline. The empty text makes the `html` stage
--                               extract the article (a record with no `text` has it
--                               extracted by the reader, outside every stage's account)
--
-- usage: docpipe lua tests/bench/make_pages.lua seed|html OUT.jsonl [MEGABYTES]
-- Units: MEGABYTES are MiB (2^20 bytes) of JSON Lines.

local dp = require "docpipe"

local DATA = "../shared/data/"

local function slurp(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

-- The page files of a folder, sorted, without the expected outputs beside them.
local function pages_in(dir)
  local list = {}
  local p = assert(io.popen(("ls %q"):format(dir)))
  for name in p:lines() do
    if name:match("%.html$") and not name:match("%.expected%.html$") then
      list[#list + 1] = dir .. "/" .. name
    end
  end
  p:close()
  table.sort(list)
  return list
end

local function record(id, text, html)
  return dp.json.encode(dp.object({ id = id, text = text, html = html })) .. "\n"
end

local mode, out_path = arg[1], arg[2]
assert((mode == "seed" or mode == "html") and out_path,
  "usage: make_pages.lua seed|html OUT.jsonl [MEGABYTES]")
local out = assert(io.open(out_path, "wb"))
local size, n = 0, 0
if mode == "seed" then
  local page = slurp(DATA .. "seed/cnn-north-korea-amnesty.txt")
  local target = (tonumber(arg[3]) or 5) * 1048576
  while size < target do
    n = n + 1
    local line = record(("seed-%d"):format(n), page)
    out:write(line)
    size = size + #line
  end
else
  for _, dir in ipairs({ DATA .. "pages/html", DATA .. "pages/cnn2012" }) do
    for _, path in ipairs(pages_in(dir)) do
      n = n + 1
      local line = record(path:match("([^/]+)%.html$"), "", slurp(path))
      out:write(line)
      size = size + #line
    end
  end
end
out:close()
io.stderr:write(("%s: %d documents, %.1f MB\n"):format(out_path, n, size / 1048576))
