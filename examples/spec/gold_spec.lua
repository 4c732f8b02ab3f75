-- Consistency of the example pages and their gold annotations (examples/*.txt and
-- examples/gold/*.json): every annotated string must be found where the gold says it is.
-- Run from the repo root: ./docpipe lua tests/busted.lua examples/spec/gold_spec.lua
local dp = require "docpipe"

local NAMES = { "harbor-strike", "library-flood", "orchard-frost", "footbridge-vote" }

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local function has_line(text, line)
  for _, l in ipairs(dp.text.lines(text)) do
    if dp.text.trim(l) == line then return true end
  end
  return false
end

for _, name in ipairs(NAMES) do
  describe("example " .. name, function()
    local text = read("examples/" .. name .. ".txt")
    local gold = dp.json.decode(read("examples/gold/" .. name .. ".json"))

    it("names its own page as source", function()
      assert.equal(name .. ".txt", gold.source)
    end)

    it("has the title, dateline and every paragraph in the page", function()
      assert.is_true(has_line(text, gold.title))
      assert.truthy(text:find(gold.dateline, 1, true))
      assert.is_true(#gold.paragraphs >= 6 and #gold.paragraphs <= 12)
      for _, p in ipairs(gold.paragraphs) do assert.truthy(text:find(p, 1, true), p) end
    end)

    it("has sentences that rebuild the paragraphs in order", function()
      local joined = table.concat(gold.paragraphs, " ")
      assert.equal(joined, table.concat(gold.sentences, " "))
    end)

    it("has a date in ISO 8601", function()
      assert.truthy(gold.date:match("^%d%d%d%d%-%d%d%-%d%d$")
        or gold.date:match("^%d%d%d%d%-%d%d%-%d%dT%d%d:%d%d:%d%d[+-]%d%d:%d%d$"), gold.date)
    end)

    it("has authors, contributors and highlights taken from the page", function()
      for _, a in ipairs(gold.authors) do assert.truthy(text:find(a, 1, true), a) end
      for _, c in ipairs(gold.contributors) do assert.truthy(text:find(c, 1, true), c) end
      assert.is_true(#gold.highlights >= 3)
      for _, h in ipairs(gold.highlights) do assert.truthy(text:find(h, 1, true), h) end
    end)

    it("places every quote and reported speech in its paragraph", function()
      for _, q in ipairs(gold.quotes) do
        local p = gold.paragraphs[q.paragraph + 1]
        if q.parts then
          local texts = {}
          for i, part in ipairs(q.parts) do
            assert.truthy(p:find(part.text, 1, true), part.text)
            texts[i] = part.text
          end
          assert.equal(q.text, table.concat(texts, " "))
        else
          assert.truthy(p:find(q.text, 1, true), q.text)
        end
      end
      for _, r in ipairs(gold.reported_speech) do
        assert.truthy(gold.paragraphs[r.paragraph + 1]:find(r.cue, 1, true), r.cue)
      end
    end)

    it("keeps the dropped lines out of the paragraphs", function()
      local body = table.concat(gold.paragraphs, "\n")
      for _, line in ipairs(gold.dropped_examples) do
        assert.is_true(has_line(text, line), line)
        assert.falsy(body:find(line, 1, true), line)
      end
    end)
  end)
end
