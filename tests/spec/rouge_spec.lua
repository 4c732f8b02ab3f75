-- Specs of ROUGE in docpipe: the scorer (scripts/rouge/score.lua), the rouge stage
-- (scripts/stages/rouge.lua), the fields stage (scripts/stages/fields.lua), the built-in
-- rouge pipeline and `docpipe eval` (scripts/rouge/eval.lua).
-- Every vector of ../shared/data/summary/rouge_vectors.json (rouge-score's upstream tests,
-- edge cases and 40 CNN/DailyMail Lead-3 pairs, with and without stemming) is one test,
-- to 1e-6 (the upstream ones to their 5 places). The texts of the other tests are invented.

local dp = require "docpipe"
local rouge = require "docpipe.rouge.score"
local stage = require "docpipe.stages.rouge"
local fields = require "docpipe.stages.fields"

local function read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local VECTORS = dp.json.decode(read("../shared/data/summary/rouge_vectors.json"))
-- (keyed by name: Lua 5.4.4 miscompiles t[a == b] on an upvalue t)
local SCORERS = { stem = rouge.new({ stem = true }), nostem = rouge.new({ stem = false }) }

-- got {precision, recall, f1} against want {p, r, f}
local function assert_close(got, want, tol, what)
  for k, name in pairs({ p = "precision", r = "recall", f = "f1" }) do
    local d = math.abs(got[name] - want[k])
    assert(d <= tol, ("%s %s: got %.6f, want %.6f"):format(what, name, got[name], want[k]))
  end
end

local function run_stage(mod, docs, opts)
  local warnings = {}
  local ctx = { opts = opts or {}, state = {}, stage = mod.name,
                warn = function(_, msg) warnings[#warnings + 1] = msg end }
  mod.init(ctx.opts, ctx)
  local out = {}
  for i, d in ipairs(docs) do out[i] = mod.process(d, ctx) end
  return out, mod.finish and mod.finish(ctx), warnings
end

describe("rouge-score vectors", function()
  for _, c in ipairs(VECTORS.upstream_tests.cases) do
    it(("reproduces upstream %s (%s%s)"):format(c.name, c.type, c.stem and ", stemmed" or ""), function()
      local tol = c.places and 10 ^ -c.places or 1e-4
      local scores = SCORERS[c.stem and "stem" or "nostem"]:score(c.target, c.prediction)
      for kind in c.type:gmatch("[^|]+") do assert_close(scores[kind], c.expect, tol, kind) end
    end)
  end

  for _, c in ipairs(VECTORS.edge_cases) do
    it(("reproduces edge case %q, tokens and scores"):format(c.name), function()
      assert.are.same(c.tokens_target, SCORERS.nostem:tokens(c.target))
      assert.are.same(c.tokens_prediction, SCORERS.nostem:tokens(c.prediction))
      assert.are.same(c.tokens_target_stem, SCORERS.stem:tokens(c.target))
      assert.are.same(c.tokens_prediction_stem, SCORERS.stem:tokens(c.prediction))
      for _, mode in ipairs({ "stem", "nostem" }) do
        local scores = SCORERS[mode]:score(c.target, c.prediction)
        for kind, want in pairs(c[mode]) do assert_close(scores[kind], want, 1e-6, mode .. " " .. kind) end
      end
    end)
  end

  for i, c in ipairs(VECTORS.cnndm_lead3.cases) do
    it(("reproduces CNN/DailyMail Lead-3 pair %d, stemmed and not"):format(i), function()
      for _, mode in ipairs({ "stem", "nostem" }) do
        local scores = SCORERS[mode]:score(c.target, c.prediction)
        for kind, want in pairs(c[mode]) do assert_close(scores[kind], want, 1e-6, mode .. " " .. kind) end
      end
    end)
  end
end)

describe("rouge scorer", function()
  it("tokenizes as rouge-score: lowercase, non-alphanumerics to spaces, stems of long tokens", function()
    assert.are.same({ "the", "mayor", "s", "plan", "cost", "4", "2m" },
      rouge.tokenize("The Mayor's plan cost $4.2M!"))
    local s = rouge.new()
    assert.are.same({ "the", "ferri", "were", "run", "late" }, s:tokens("The ferries were running late"))
  end)

  it("maps the Kelvin sign and the dotted capital I as Python's lowercase does", function()
    assert.are.same({ "5", "k" }, rouge.tokenize("5 \226\132\170"))
    assert.are.same({ "istanbul" }, rouge.tokenize("\196\176stanbul"))
  end)

  it("clips repeated n-grams to their count in the target", function()
    local r = rouge.rouge_n({ "a", "a", "b" }, { "a", "a", "a", "a" }, 1)
    assert.are.equal(0.5, r.precision)
    assert.are.equal(2 / 3, r.recall)
  end)

  it("counts a token once in Lsum even when several sentences match it", function()
    local r = rouge.rouge_lsum({ { "a", "b", "c" } }, { { "a", "b" }, { "a", "b", "c" } })
    assert.are.equal(3, r.recall * 3)
    assert.are.equal(3 / 5, r.precision)
  end)

  it("gives zeros, not an error, when either side has no token", function()
    local s = rouge.new()
    for _, kind in ipairs({ "rouge1", "rouge2", "rougeL", "rougeLsum" }) do
      assert.are.same({ precision = 0, recall = 0, f1 = 0 }, s:score("", "a b")[kind])
      assert.are.same({ precision = 0, recall = 0, f1 = 0 }, s:score("a b", "...")[kind])
    end
  end)

  it("computes higher orders and rejects unknown types", function()
    local s = rouge.new({ types = { "rouge3" } })
    assert.are.equal(1, s:score("one two three four", "one two three")["rouge3"].precision)
    assert.has_error(function() rouge.new({ types = { "rougeX" } }) end)
  end)
end)

describe("rouge stage", function()
  local DOC = {
    id = "ferry",
    summary = { "The ferry to Caldmoor Island was cancelled on Friday.", "High winds are expected." },
    highlights = { "Ferry to Caldmoor cancelled Friday", "Winds of 90 km/h expected" },
  }

  local function copy(t)
    local c = {}
    for k, v in pairs(t) do c[k] = v end
    return c
  end

  it("puts per-document ROUGE on doc.meta.rouge, equal to the scorer's", function()
    local docs = run_stage(stage, { copy(DOC) })
    local r = docs[1].meta.rouge
    local want = rouge.new():score(table.concat(DOC.highlights, "\n"), table.concat(DOC.summary, "\n"))
    for _, kind in ipairs({ "rouge1", "rouge2", "rougeL", "rougeLsum" }) do
      assert.are.same(want[kind], { precision = r[kind].precision, recall = r[kind].recall, f1 = r[kind].f1 })
    end
    assert.is_true(r.rouge1.f1 > 0.4)
  end)

  it("returns corpus means from finish, skipping documents without a reference", function()
    local a = copy(DOC)
    local b = copy(DOC)
    b.summary = { "Nothing in common here." }
    local c = copy(DOC)
    c.highlights = {}
    local docs, fin, warnings = run_stage(stage, { a, b, c })
    assert.are.equal(2, fin.documents)
    assert.are.equal(1, fin.skipped)
    assert.are.equal(0, docs[2].meta.rouge.rouge1.f1)
    assert.is_nil(docs[3].meta)
    assert.are.equal(docs[1].meta.rouge.rouge1.f1 / 2, fin.rouge1.f1)
    assert.are.equal(1, #warnings)
    assert.is_truthy(warnings[1]:find("no reference", 1, true))
  end)

  it("reads the reference and summary fields named by the options, lists or strings", function()
    local d = { id = "x", mine = "the ferry was cancelled", gold = "ferry cancelled\nwinds expected" }
    local docs = run_stage(stage, { d }, { reference = "gold", summary = "mine", types = { "rouge1" } })
    local r = docs[1].meta.rouge
    assert.are.equal(2 / 4, r.rouge1.precision)
    assert.are.equal(2 / 4, r.rouge1.recall)
    assert.is_nil(r.rouge2)
  end)

  it("scores a missing summary as empty, with a warning", function()
    local d = { id = "x", highlights = { "a reference" } }
    local docs, fin, warnings = run_stage(stage, { d })
    assert.are.equal(0, docs[1].meta.rouge.rougeLsum.f1)
    assert.are.equal(1, fin.documents)
    assert.is_truthy(warnings[1]:find("no summary", 1, true))
  end)

  it("keeps the best score per type over several references", function()
    local d = { id = "x", summary = { "storm closes the harbor" },
                highlights = { { "nothing alike" }, { "storm closes harbor" } } }
    local docs = run_stage(stage, { d }, { types = { "rouge1" } })
    assert.are.equal(1, docs[1].meta.rouge.rouge1.recall)
  end)

  it("scores without stemming when stem is off", function()
    local d = { id = "x", summary = { "running" }, highlights = { "runs" } }
    assert.are.equal(1, run_stage(stage, { d })[1].meta.rouge.rouge1.f1)
    d = { id = "x", summary = { "running" }, highlights = { "runs" } }
    assert.are.equal(0, run_stage(stage, { d }, { stem = false })[1].meta.rouge.rouge1.f1)
  end)

  it("rejects an unknown ROUGE type or stemmer", function()
    assert.has_error(function() run_stage(stage, {}, { types = { "rouge0" } }) end)
    assert.has_error(function() run_stage(stage, {}, { stemmer = "klingon" }) end)
  end)
end)

describe("fields stage", function()
  it("renames, copies and drops fields", function()
    local d = { id = "a", article = "Body.", highlights = { "h" }, junk = 1 }
    local docs = run_stage(fields, { d }, { rename = { article = "text", highlights = "reference" },
      copy = { id = "key" }, drop = { "junk" } })
    assert.are.same({ id = "a", key = "a", text = "Body.", reference = { "h" } }, docs[1])
  end)

  it("swaps two fields renamed into each other", function()
    local docs = run_stage(fields, { { id = "a", x = 1, y = 2 } }, { rename = { x = "y", y = "x" } })
    assert.are.equal(2, docs[1].x)
    assert.are.equal(1, docs[1].y)
  end)

  it("leaves documents without the source field alone", function()
    local docs = run_stage(fields, { { id = "a", text = "kept" } }, { rename = { article = "text" } })
    assert.are.equal("kept", docs[1].text)
  end)

  it("refuses to rename or drop id and meta", function()
    assert.has_error(function() run_stage(fields, {}, { rename = { id = "name" } }) end)
    assert.has_error(function() run_stage(fields, {}, { drop = { "meta" } }) end)
    assert.has_error(function() run_stage(fields, {}, { rename = { x = "meta" } }) end)
  end)
end)

describe("rouge pipeline and docpipe eval", function()
  local DOCPIPE = os.getenv("DOCPIPE_BIN") or "./docpipe"
  local RECORDS = {
    { id = "a", article = "Storms closed the port of Velmar on Monday. Ships waited offshore for two days. "
        .. "The harbor master said the port would reopen on Wednesday. Fishermen lost a week of catch.",
      highlights = { "Storms closed the port of Velmar", "It will reopen on Wednesday" } },
    { id = "b", text = "A new library opened in Dunmore. It has 40,000 books. The mayor cut the ribbon.",
      highlights = { "Dunmore opens a new library with 40,000 books" } },
  }

  local function write_records(path)
    local f = assert(io.open(path, "w"))
    for _, r in ipairs(RECORDS) do f:write(dp.json.encode(r), "\n") end
    f:close()
  end

  it("loads the built-in rouge pipeline: fields, sentences, summary, rouge", function()
    local p = assert(dp.load_pipeline("rouge", true))
    local names = {}
    for _, st in ipairs(p.stages) do names[#names + 1] = st.name end
    assert.are.same({ "fields", "sentences", "summary", "rouge" }, names)
  end)

  it("hides the highlights from the summary stage and scores against them", function()
    local p = assert(dp.load_pipeline("rouge"))
    local doc = dp.object({ id = "a", text = RECORDS[1].article, highlights = RECORDS[1].highlights })
    local outs = p:run(doc)
    assert.are.equal(1, #outs)
    assert.is_nil(outs[1].highlights)
    assert.are.same(RECORDS[1].highlights, outs[1].reference)
    assert.is_true(outs[1].meta.rouge.rouge1.f1 > 0)
    local fin = p:finish()
    assert.are.equal(1, fin.rouge.documents)
  end)

  it("prints a table of every method with docpipe eval, reading article records", function()
    local path = os.tmpname()
    write_records(path)
    local eval = require "docpipe.rouge.eval"
    local out = {}
    local real_print = print
    _G.print = function(...) out[#out + 1] = table.concat({ ... }, "\t") end
    local ok, code = pcall(eval.main, path, "-m", "all", "-q")
    _G.print = real_print
    os.remove(path)
    assert.is_true(ok, tostring(code))
    assert.are.equal(0, code)
    local text = table.concat(out, "\n")
    assert.is_truthy(text:find("| method | docs | ROUGE-1 | ROUGE-2 | ROUGE-L | ROUGE-Lsum |", 1, true))
    for _, m in ipairs({ "lead", "textrank", "lexrank", "default" }) do
      assert.is_truthy(text:find("| " .. m .. " | 2 | ", 1, true), m)
    end
  end)

  it("writes meta.rouge per document with docpipe run rouge", function()
    local path = os.tmpname()
    local f = assert(io.open(path, "w"))
    f:write(dp.json.encode({ id = "b", text = RECORDS[2].text, highlights = RECORDS[2].highlights }), "\n")
    f:close()
    local h = assert(io.popen(("%s run rouge --input-format jsonl < %s 2>/dev/null"):format(DOCPIPE, path)))
    local line = h:read("l")
    h:close()
    os.remove(path)
    local doc = assert(dp.json.decode(line))
    assert.are.equal("b", doc.id)
    assert.is_true(doc.meta.rouge.rouge1.f1 > 0)
  end)
end)
