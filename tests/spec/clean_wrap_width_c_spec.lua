-- Specs of docpipe.cleanc.wrap_width, the C form of docpipe.clean.blocks' wrap
-- column (M.wrap_width, then M.narrow_width) that blocks.split asks: it must give
-- what the Lua functions give, on every fixture page and on pages wrapped at known
-- columns (several paragraphs, a long unwrapped line over them, lines ending in web
-- addresses, accented and broken UTF-8, no-break spaces closing lines), and each
-- line's length in characters with a column.

local dp = require "docpipe"
local blocks = require "docpipe.clean.blocks"
local cleanc = dp.cleanc

local function chars_of(l)
  if dp.utf8.valid(l) then return dp.utf8.len(l) end
  return #l
end

-- the Lua answer and the C one for the lines, and the C chars list
local function both(lines)
  local W = blocks.wrap_width(lines)
  if W then W = blocks.narrow_width(lines, W) end
  local C, chars = cleanc.wrap_width(lines, true)
  return W, C, chars
end

local function same(lines)
  local W, C, chars = both(lines)
  assert.are.equal(W, C)
  assert.are.equal(blocks.wrap_width(lines), (cleanc.wrap_width(lines)))
  if C then
    assert.are.equal(#lines, #chars)
    for i = 1, #lines do assert.are.equal(chars_of(lines[i]), chars[i]) end
    for _, m in ipairs { C - 1, C - 2, C - 3, C - 6 } do
      assert.are.equal(blocks.narrow_width(lines, m), cleanc.narrow_width(lines, m))
    end
  else
    assert.is_nil(chars)
  end
  return C
end

-- ps wrapped at width columns after a margin, as lynx -dump does
local function wrap(ps, width, margin)
  local out = {}
  for _, p in ipairs(ps) do
    local cur = ""
    for w in p:gmatch("%S+") do
      if cur ~= "" and #margin + #cur + 1 + #w > width then out[#out + 1] = margin .. cur; cur = w
      else cur = cur == "" and w or cur .. " " .. w end
    end
    out[#out + 1] = margin .. cur
    out[#out + 1] = ""
  end
  return out
end

local PS = {
  "The harbour board at Port Sorrel said on Monday that work on the new breakwater would stop for eight weeks over the nesting season, after wardens found terns nesting on the rock stockpile beside the old quay.",
  "Under a plan agreed with the contractor, heavy lifting will halt from the first of May until the end of June, although stone will still arrive by barge on weekdays and the site office stays open.",
  "The board's chair said the delay would add little to the cost of the project, which is due to be finished before the winter storms, and thanked the wardens for their care.",
}

describe("cleanc.wrap_width", function()
  it("gives blocks.wrap_width's and narrow_width's column on every fixture page", function()
    local dir = "tests/fixtures/clean/"
    local n, wrapped = 0, 0
    for name in io.popen("ls " .. dir):lines() do
      if name:match("%.txt$") then
        local f = assert(io.open(dir .. name))
        local text = f:read("a"):gsub("\r\n?", "\n"):gsub("\t", "    ")
        f:close()
        if same(dp.text.lines(text)) then wrapped = wrapped + 1 end
        n = n + 1
      end
    end
    assert.is_true(n >= 100)
    assert.is_true(wrapped >= 5)
  end)

  it("finds the column of pages wrapped at known widths", function()
    for _, width in ipairs { 50, 64, 72, 79 } do
      local lines = wrap(PS, width, "   ")
      local C = same(lines)
      assert.is_true(C ~= nil and C <= width and C >= width - 8)
      -- (a long line left unwrapped over the body, a menu)
      table.insert(lines, 1, "Home | News | Sport | Weather | Business | Opinion | Lifestyle | Travel | Contact us")
      same(lines)
      -- (and lines ending in web addresses, as a lynx References list)
      lines[#lines + 1] = "   1. https://www.example.org/a/very/long/address/that/no/dumper/breaks/at/all.html"
      lines[#lines + 1] = "   2. https://www.example.org/another/long/address/that/no/dumper/breaks.html"
      same(lines)
    end
  end)

  it("measures characters, not bytes, and broken UTF-8 in bytes", function()
    local ps = {}
    for i, p in ipairs(PS) do ps[i] = p:gsub("e", "é") end
    same(wrap(ps, 60, "  "))
    local bad = {}
    for i, p in ipairs(PS) do bad[i] = p:gsub("the ", "th\255 ") end
    same(wrap(bad, 60, "  "))
    -- (lines closed by no-break or wide spaces after their last word or stop)
    local lines = wrap(PS, 66, "")
    for i = 1, #lines, 2 do if #lines[i] > 0 then lines[i] = lines[i] .. "\194\160" end end
    for i = 2, #lines, 3 do if #lines[i] > 0 then lines[i] = lines[i] .. ".\226\128\175" end end
    same(lines)
  end)

  it("takes empty pages, blank lines and huge lines", function()
    same {}
    same { "", "", "" }
    same { "   ", "\v", "  \f  " }
    local huge = ("word "):rep(100000)
    same { huge, huge, huge, "", huge }
  end)
end)
