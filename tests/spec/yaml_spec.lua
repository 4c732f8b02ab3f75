-- docpipe.yaml: core schema scalars, positions, errors.
local dp = require "docpipe"

describe("docpipe.yaml", function()
  it("types plain scalars with the YAML 1.2 core schema", function()
    local v = dp.yaml.load("a: 1\nb: 2.5\nc: true\nd: null\ne: ~\nf: '1'\ng: text\nh: 0x10\n")
    assert.are.equal(1, v.a)
    assert.are.equal("integer", math.type(v.a))
    assert.are.equal(2.5, v.b)
    assert.are.equal(true, v.c)
    assert.are.equal(dp.null, v.d)
    assert.are.equal(dp.null, v.e)
    assert.are.equal("1", v.f)
    assert.are.equal("text", v.g)
    assert.are.equal(16, v.h)
  end)

  it("keeps a plain scalar tagged !!str a string", function()
    local v = dp.yaml.load("a: !!str 123\nb: !!str true\nc: 123\n")
    assert.are.equal("123", v.a)
    assert.are.equal("true", v.b)
    assert.are.equal(123, v.c)
  end)

  it("records the line and column of keys and values", function()
    local v, pos = dp.yaml.load("stages:\n  - stage: clean\n    with: {n: 3}\n")
    local entry = v.stages[1]
    assert.are.same({ line = 2, column = 5 }, pos[entry].keys.stage)
    assert.are.same({ line = 2, column = 12 }, pos[entry].values.stage)
    assert.are.same({ line = 3, column = 15 }, pos[entry.with].values.n)
  end)

  it("names file, line and column in syntax errors", function()
    local v, err = dp.yaml.load("a: [1, 2\n", "p.yaml")
    assert.is_nil(v)
    assert.matches("^p%.yaml:2:1: ", err)
  end)

  it("refuses duplicate keys", function()
    local v, err = dp.yaml.load("a: 1\na: 2\n", "d.yaml")
    assert.is_nil(v)
    assert.matches("d%.yaml:2:1: duplicate key 'a'", err)
  end)

  it("applies YAML 1.1 merge keys, the mapping's own keys winning", function()
    local v, pos = dp.yaml.load("a: &a {x: 1, y: 2}\nb: &b {y: 3, z: 4}\nc:\n  <<: [*a, *b]\n  x: 9\n"
      .. "d:\n  <<: *b\ne:\n  \"<<\": 1\n")
    assert.are.same({ 9, 2, 4 }, { v.c.x, v.c.y, v.c.z })
    assert.is_nil(v.c["<<"])
    assert.are.same({ 3, 4 }, { v.d.y, v.d.z })
    assert.are.equal(1, v.e["<<"])  -- quoted: an ordinary key
    -- a merged key is placed where the anchored mapping holds it
    assert.are.same({ 1, 2 }, { pos[v.c].keys.y.line, pos[v.c].values.z.line })
    local r, err = dp.yaml.load("x:\n  <<: [1, 2]\n", "p.yaml")
    assert.is_nil(r)
    assert.are.equal("p.yaml:2:8: a merge key (<<) takes a mapping or a list of mappings "
      .. "(such as *defaults), not a plain value", err)
  end)

  it("expands aliases and refuses an alias bomb", function()
    local v = dp.yaml.load("x: &a [1, 2]\ny: *a\n")
    assert.are.same({ 1, 2 }, { v.y[1], v.y[2] })
    local bomb = { "a: &a [x, x, x, x, x, x, x, x, x, x]" }
    for i, name in ipairs({ "b", "c", "d", "e", "f" }) do
      local prev = ({ "a", "b", "c", "d", "e" })[i]
      bomb[#bomb + 1] = ("%s: &%s [%s]"):format(name, name, ("*" .. prev .. ", "):rep(9) .. "*" .. prev)
    end
    local r, err = dp.yaml.load(table.concat(bomb, "\n") .. "\n")
    assert.is_nil(r)
    assert.matches("alias", err)
  end)
end)
