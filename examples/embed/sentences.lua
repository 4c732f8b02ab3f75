-- sentences.lua: uses docpipe from a plain Lua 5.4 program.
-- With docpipe installed under PREFIX:
--   LUA_CPATH="PREFIX/lib/lua/5.4/?.so;;" lua5.4 sentences.lua "Some text. More text."
local dp = require "docpipe"

local text = arg[1] or "Dr. Ada Moreau arrived at 9 a.m. on Monday. She left at noon."

-- a primitive: a compiled regular expression
local year = dp.re.compile([[\b(?:1[89]|20)\d\d\b]])
print("first year:", year:match("Founded in 1887, rebuilt in 1923.") or "none")

-- a built-in pipeline on a document table
local p = assert(dp.load_pipeline("sentences"))
local docs = p:run({ id = "example", text = text })
for i, s in ipairs(docs[1].sentences) do
  print(i, s.text, s.start, s["end"])
end
