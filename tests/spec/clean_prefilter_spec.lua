-- docpipe.clean.evidence's prefilter: the literals it reads from a pattern
-- (evidence.literal_set) are ones every match holds, so that a block the literal set
-- (docpipe.cleanc.litset) finds none of is spared the pattern without changing any
-- verdict: "prefilter says no => the pattern does not match", on the lines of the
-- fixture pages and on edge cases (case, UTF-8 letters a caseless pattern matches,
-- literals at a block's ends, empty blocks).
local dp = require "docpipe"
local ev = require "docpipe.clean.evidence"
local normalize = require "docpipe.clean.normalize"

local re = dp.re

-- every pattern of the files the prefilter covers, as it is compiled
local function patterns()
  local out = {}
  for _, line in ipairs(dp.data.list("en/clean_boilerplate.txt")) do
    local pat = line:match("^%a+:?%d*%s+(.+)$")
    if pat then out[#out + 1] = normalize.ascii_boundaries(pat) end
  end
  for _, f in ipairs { "clean_end_markers.txt", "clean_body_caption_credits.txt", "clean_body_durations.txt" } do
    for _, p in ipairs(dp.data.list("en/" .. f)) do out[#out + 1] = "(?:" .. normalize.ascii_boundaries(p) .. ")" end
  end
  return out
end

-- the texts tried: edge cases, the lines of some fixture pages, and each of those
-- upper-cased and with its k and s written as U+212A and U+017F (which a caseless
-- pattern matches as k and s)
local function texts()
  local out = { "", " ", "k", "s", "\u{212A}", "\u{017F}", "All rights reserved", "ALL RIGHTS RESERVED",
    "© 2024 Example Media", "Photo: Jane Doe", "3 hours ago", "Related stories", "Advertisement",
    "- Advertisement -", "Sign up for our newsletter", "Skip to main content", "Share this story",
    "Read more", "Tags:", "Comments (3)", "\u{212A}im", "\u{017F}hare this \u{017F}tory", "SHARE THIS STORY",
    "Duration: 1 minute 12 seconds", "1m 12s", "FILE - A caption.", "Mon 3 June - 14:05 BST" }
  local dir = "tests/fixtures/clean/"
  local n = 0
  for _, name in ipairs { "aest-slash-date.txt" } do
    local f = io.open(dir .. name)
    if f then
      for line in f:lines() do out[#out + 1] = line end
      f:close()
    end
  end
  local ok, list = pcall(function()
    local p = io.popen("ls " .. dir .. "*.txt 2>/dev/null")
    local l = {}
    for x in p:lines() do l[#l + 1] = x end
    p:close()
    return l
  end)
  if ok then
    for i = 1, #list, 12 do
      local f = io.open(list[i])
      if f then
        for line in f:lines() do
          line = dp.text.trim(line)
          if line ~= "" and #line <= 400 then out[#out + 1] = line; n = n + 1 end
        end
        f:close()
      end
    end
  end
  local base = #out
  for i = 1, base do
    local t = out[i]
    out[#out + 1] = t:upper()
    out[#out + 1] = (t:gsub("k", "\u{212A}"):gsub("s", "\u{017F}"))
  end
  return out
end

describe("docpipe.clean.evidence prefilter", function()
  it("reads the literals every match must hold", function()
    local ls = ev.literal_set
    assert.are.same({ "all right" }, ls("\\ball rights reserved\\b"))
    -- (k and s cut a literal: caselessly they match U+212A and U+017F)
    assert.are.same({ "ip to main content" }, ls("^skip to main content$"))
    -- a group's branches, an optional group left out, an alternation at the top
    assert.are.same({ "photo", "image" }, ls("\\((photo|image)( credit)?\\)"))
    assert.are.same({ "related", "more" }, ls("^related$|^more"))
    assert.is_nil(ls("^related$|^\\d+"))
    -- a quantifier cuts a run: an optional or repeated character is no part of it
    assert.are.same({ "colo" }, ls("colou?r"))
    assert.are.same({ " hour" }, ls("\\d+ hours? ago"))
    -- a class of plain signs is a set of them; a lookaround gives nothing
    assert.are.same({ "-", "|" }, ls("^\\w+ [-|] \\w+$"))
    assert.is_nil(ls("(?<=by )\\p{Lu}"))
    -- what is not read gives nothing: an option, quoting, a named group
    assert.is_nil(ls("(?i)ago"))
    assert.is_nil(ls("\\Qago\\E"))
    assert.is_nil(ls("(?<x>ago)"))
    -- a group the pattern does not close gives nothing
    assert.is_nil(ls("(ago"))
    -- a non-ASCII letter (it has a case) cuts a run; a sign does not
    assert.are.same({ "caf" }, ls("café"))
    assert.are.same({ "© the" }, ls("© the"))
  end)

  it("never rules out a text a pattern matches", function()
    local pats, list = patterns(), texts()
    local bad = {}
    for _, pat in ipairs(pats) do
      local lits = ev.literal_set(pat)
      if lits then
        local set = dp.cleanc.litset()
        for _, x in ipairs(lits) do set:add(x, 1) end
        local rx = re.compile(pat, "i")
        local masks = {}
        set:scan_list(list, 8192, masks)
        for i, t in ipairs(list) do
          assert.are.equal(set:scan(t), masks[i])
          if masks[i] == 0 and rx:find(t) then bad[#bad + 1] = pat .. " <= " .. t end
        end
      end
    end
    assert.are.same({}, bad)
  end)

  it("scans a list, not reading an item past the byte limit", function()
    local set = dp.cleanc.litset()
    set:add("ago", 2)
    set:add("|", 4)
    local out = {}
    set:scan_list({ "3 hours ago", { text = "a | b" }, "", "x ago" }, 5, out)
    assert.are.same({ -1, 4, 0, 2 }, out)
  end)
end)
