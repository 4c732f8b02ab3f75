--- Time HTML input on saved pages: the parse alone (docpipe.html.parse: charset, gumbo,
-- the flat block view) and the whole document (docpipe.htmlinput.html_doc: parse,
-- article extraction, metadata).
--
-- Run from the repo root: ./docpipe lua tests/bench/html_bench.lua [FILE.html ...]
-- (default: the three largest pages of ../shared/data/pages/html, 1.1 to 1.6 MB, and one
-- of 0.19 MB). Prints, per page, the CPU milliseconds of each (the mean of N runs, N = 20)
-- and the MB/s over all pages.
-- Units: milliseconds and MB (10^6 bytes) of CPU time.

package.path = "scripts/?.lua;" .. package.path
local dp = require "docpipe"
local htmlinput = require "docpipe.htmlinput"

local files = {}
for i = 1, #arg do files[#files + 1] = arg[i] end
if #files == 0 then
  local d = "../shared/data/pages/html/"
  files = { d .. "rdb-yahoo-2.html", d .. "aeb-cnn-ef4e67b6.html", d .. "rdb-guardian-1.html",
    d .. "aeb-bbc-70cb2d5b.html" }
end

local N = 20
local total_bytes, total_parse, total_doc = 0, 0, 0
for _, path in ipairs(files) do
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  htmlinput.html_doc("warm", path, s)
  local t0 = os.clock()
  for _ = 1, N do dp.html.parse(s) end
  local t1 = os.clock()
  for _ = 1, N do htmlinput.html_doc("x", path, s) end
  local t2 = os.clock()
  local p, d = (t1 - t0) / N, (t2 - t1) / N
  total_bytes, total_parse, total_doc = total_bytes + #s, total_parse + p, total_doc + d
  print(("%-36s %5.2f MB  parse %6.1f ms  document %6.1f ms"):format(path:match("[^/]+$"), #s / 1e6, p * 1000, d * 1000))
end
print(("all: %.2f MB  parse %.1f MB/s  document %.1f MB/s"):format(total_bytes / 1e6,
  total_bytes / 1e6 / total_parse, total_bytes / 1e6 / total_doc))
