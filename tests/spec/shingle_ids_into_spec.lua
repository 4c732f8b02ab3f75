-- docpipe.shingle: it:ids with a hint bit writes into each block what the list form
-- returns for it (ids, nw, nstop, hint, bits, hits), and returns first alone.
local dp = require "docpipe"

describe("docpipe.shingle it:ids into blocks", function()
  it("writes the fields the list form gives, in one call", function()
    local texts = { "The cat sat on the mat in 2024.", "", "Reporting by Ann Lee; editing by Bo", "CAT  cat\tCat", "é 12 ago" }
    local function rules(fresh)
      return {
        { { the = true, on = true, ["in"] = true, by = true }, 1 },
        { { reporting = 2, editing = 2 }, 2, fresh, true },
        { { ago = true }, 16 },
        digit = 8, year = 4,
      }
    end
    local a, b = dp.shingle.interner(), dp.shingle.interner()
    local fa, fb = {}, {}
    local lists, counts, bits, first, hits = a:ids(texts, rules(fa), 1, 2 | 16)
    local blocks = {}
    for i, t in ipairs(texts) do blocks[i] = { text = t } end
    local first2 = b:ids(blocks, rules(fb), 1, 2 | 16, 2)
    assert.are.same(first, first2)
    assert.are.same(fa, fb)
    for i, blk in ipairs(blocks) do
      assert.are.same(lists[i], blk.ids)
      assert.are.equal(#lists[i], blk.nw)
      assert.are.equal(counts[i], blk.nstop)
      assert.are.equal(bits[i] & 2 ~= 0, blk.hint)
      assert.are.equal(bits[i], blk.bits)
      assert.are.same(hits[i], blk.hits)
    end
    -- (without hitmask: no hits written)
    local c = dp.shingle.interner()
    local plain = { { text = "reporting by" } }
    c:ids(plain, rules({}), 1, nil, 2)
    assert.is_nil(plain[1].hits)
    assert.is_true(plain[1].hint)
    assert.has_error(function() c:ids({ "a string" }, rules({}), 1, nil, 2) end)
  end)
end)
