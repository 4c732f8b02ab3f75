-- Runs busted inside the docpipe binary: `docpipe lua tests/busted.lua DIR`.
-- The specs then see the same `docpipe` module the stages see.
arg = arg or {}
local args = { "-o", "TAP", "--pattern", "_spec" }
for i = 1, #arg do args[#args + 1] = arg[i] end
for i = 1, #args do arg[i] = args[i] end
require("busted.runner")({ standalone = false })
