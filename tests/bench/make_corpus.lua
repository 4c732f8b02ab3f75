-- Builds a benchmark corpus: the CNN sample's articles as {id, text} JSON
-- Lines, repeated until the file reaches the requested size.
-- usage: docpipe lua tests/bench/make_corpus.lua OUT.jsonl [MEGABYTES]
local dp = require "docpipe"
local out_path = assert(arg[1], "usage: make_corpus.lua OUT.jsonl [MEGABYTES]")
local target = (tonumber(arg[2]) or 20) * 1024 * 1024
local src = "../shared/data/summary/cnn_sample.jsonl"
local records = {}
for line in io.lines(src) do
  local r = assert(dp.json.decode(line))
  records[#records + 1] = r
end
local out = assert(io.open(out_path, "w"))
local size, n = 0, 0
while size < target do
  for _, r in ipairs(records) do
    n = n + 1
    local line = dp.json.encode(dp.object({ id = ("%s-%d"):format(r.id, n), text = r.article })) .. "\n"
    out:write(line)
    size = size + #line
    if size >= target then break end
  end
end
out:close()
io.stderr:write(("%s: %d documents, %.1f MB\n"):format(out_path, n, size / 1048576))
