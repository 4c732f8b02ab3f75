--- Time HTML input on saved pages: the parse alone (docpipe.html.parse: charset, the lean
-- copy, gumbo, the flat block view) and the whole document (docpipe.htmlinput.html_doc:
-- parse, article extraction, metadata).
--
-- Run from the repo root: ./docpipe lua tests/bench/html_bench.lua [FILE.html ...]
-- (default: the three largest pages of ../shared/data/pages/html, 1.1 to 1.6 MB, and one
-- of 0.19 MB). Prints, per page, the CPU milliseconds of each (the median of N runs,
-- N = 20: the machine may be shared, and the median ignores the runs another process
-- slowed down) and the document's milliseconds per MB; then the MB/s over all pages and
-- whether each page of 1 MB or more took at most 5 ms per MB (issue 10's target, "a 1 MB
-- page in a few milliseconds", read as at most 5 ms for each MB of a page of 1 MB or more).
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

local N, TARGET_MS = 20, 5

-- the median CPU seconds of N calls of fn
local function median(fn)
  local t = {}
  for i = 1, N do
    local t0 = os.clock()
    fn()
    t[i] = os.clock() - t0
  end
  table.sort(t)
  return (t[N // 2] + t[N // 2 + 1]) / 2
end

local total_bytes, total_parse, total_doc = 0, 0, 0
local verdicts = {}
for _, path in ipairs(files) do
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  htmlinput.html_doc("warm", path, s)
  local p = median(function() dp.html.parse(s) end)
  local d = median(function() htmlinput.html_doc("x", path, s) end)
  local mb = #s / 1e6
  total_bytes, total_parse, total_doc = total_bytes + #s, total_parse + p, total_doc + d
  local name = path:match("[^/]+$")
  print(("%-28s %5.2f MB  parse %5.1f ms  document %5.1f ms  = %4.1f ms per MB"):format(
    name, mb, p * 1000, d * 1000, d * 1000 / mb))
  if mb >= 1 then
    verdicts[#verdicts + 1] = ("%s %.1f ms per MB %s"):format(name:gsub("%.html$", ""), d * 1000 / mb,
      d * 1000 / mb <= TARGET_MS and "met" or "NOT met")
  end
end
local mb = total_bytes / 1e6
print(("all: %.2f MB  parse %.0f MB/s  document %.0f MB/s = %.1f ms per MB (median of %d runs each)"):format(
  mb, mb / total_parse, mb / total_doc, total_doc * 1000 / mb, N))
if #verdicts > 0 then
  print(("target: pages of 1 MB or more in <= %d ms per MB: %s"):format(TARGET_MS, table.concat(verdicts, ", ")))
end
