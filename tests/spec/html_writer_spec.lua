-- Specs of the HTML writer (scripts/writers/html.lua) and of `-f html` in the engine
-- (Pipeline:begin_output, Pipeline:format, Pipeline:end_output). The documents below are
-- invented. The last block loads a page of the news pipeline over examples/ in headless
-- Chromium (Debian's `chromium`) and finds the elements in the DOM it builds; without
-- Chromium it is skipped with the line "# skipped: no chromium".

local dp = require "docpipe"
local html = require "docpipe.writers.html"
local engine = require "docpipe.engine"

local TEXT = "Flooding closed the Marlow bridge on Monday. \"We have never seen this,\" Mayor Idris Kellan said.\n\n"
  .. "Crews rescued a family of four. The bridge will stay shut, engineers said."

-- byte span {start, end} of the n-th occurrence of s in TEXT
local function span(s)
  local a, b = TEXT:find(s, 1, true)
  assert(a, s)
  return { start = a, ["end"] = b }
end

local function doc()
  local s1 = span("Flooding closed the Marlow bridge on Monday.")
  local s3 = span("Crews rescued a family of four.")
  local q = span("We have never seen this,")
  local r = span("The bridge will stay shut")
  return {
    id = "marlow<1>", title = "Bridge shut & town cut off", authors = { "Ines Varga" },
    outlet = "Marlow Courier", date = "2024-03-04", text = TEXT,
    summary = { TEXT:sub(s1.start, s1["end"]), TEXT:sub(s3.start, s3["end"]) },
    meta = { summary = { sentences = { s1, s3 } } },
    quotes = {
      { text = TEXT:sub(q.start, q["end"]), start = q.start, ["end"] = q["end"], type = "direct",
        speaker = "Idris Kellan", cue = "said" },
      { text = TEXT:sub(r.start, r["end"]), start = r.start, ["end"] = r["end"], type = "indirect",
        speaker = "engineers", cue = "said" },
    },
    highlights = { "Bridge closed" },
  }
end

local function count(s, pat)
  local n = 0
  for _ in s:gmatch(pat) do n = n + 1 end
  return n
end

describe("html writer", function()
  it("writes one article with title, byline, summary list and escaped text", function()
    local out, anchor = html.write(doc(), 1)
    assert.are.equal(1, count(out, '<article class="doc"'))
    assert.is_truthy(out:find("<h2>Bridge shut &amp; town cut off</h2>", 1, true))
    assert.is_truthy(out:find('data-id="marlow&lt;1&gt;"', 1, true))
    assert.is_truthy(out:find("By Ines Varga", 1, true))
    assert.is_truthy(out:find('<time datetime="2024-03-04">', 1, true))
    assert.are.equal(2, count(out, '<li data%-summary="%d">'))
    assert.is_truthy(anchor:match("^doc%-1%-marlow"))
    assert.is_nil(out:find("<1>", 1, true))
  end)

  it("highlights each summary sentence in the text, linked from the summary list", function()
    local out, anchor = html.write(doc(), 1)
    assert.are.equal(2, count(out, '<mark class="summary'))
    assert.is_truthy(out:find(('<a href="#%s%%-s1">'):format(anchor:gsub("%-", "%%-")), 1))
    assert.is_truthy(out:find(('id="%s-s2"'):format(anchor), 1, true))
    assert.is_truthy(out:find('data-summary="1" id="' .. anchor .. '-s1">Flooding closed', 1, true))
  end)

  it("marks quotes by speaker: q for direct, span for reported speech", function()
    local out = html.write(doc(), 1)
    assert.is_truthy(out:find('<q class="quote direct end" data-quote="1" data-speaker="Idris Kellan"', 1, true))
    assert.is_truthy(out:find('<span class="quote indirect end" data-quote="2" data-speaker="engineers"', 1, true))
    assert.is_truthy(out:find(">We have never seen this,</q>", 1, true))
    -- and grouped by speaker after the text
    assert.is_truthy(out:find('<div class="speaker" data-speaker="Idris Kellan"', 1, true))
  end)

  it("cuts a quote that runs over a summary sentence's edge into nested pieces", function()
    local d = doc()
    local a = span("Monday. \"We")
    d.quotes = { { text = "x", start = a.start, ["end"] = a["end"], type = "direct", speaker = "A" } }
    local out = html.write(d, 1)
    assert.are.equal(2, count(out, 'data%-quote="1"'))
    assert.are.equal(1, count(out, 'quote direct end'))
    -- every opened tag is closed in order
    local body = out:match('<div class="text">(.-)</div>')
    local stack = {}
    for close, tag in body:gmatch("<(/?)(%a+)[^>]*>") do
      if close == "" then stack[#stack + 1] = tag
      else assert.are.equal(stack[#stack], tag); stack[#stack] = nil end
    end
    assert.are.equal(0, #stack)
  end)

  it("leaves out spans that do not fit the text", function()
    local d = doc()
    d.meta.summary.sentences = { { start = 1, ["end"] = #TEXT + 50 }, { start = "x", ["end"] = 3 } }
    d.quotes = { { text = "x", start = 0, ["end"] = 4, type = "direct", speaker = "A" } }
    local out = html.write(d, 1)
    assert.are.equal(0, count(out, "<mark"))
    assert.are.equal(0, count(out, 'class="quote '))
  end)

  it("writes a page that needs nothing from the network", function()
    local page = html.begin_page("t") .. html.write(doc(), 1) .. html.end_page({ { id = "a", title = "A", anchor = "doc-1-a" } })
    assert.is_truthy(page:find("^<!DOCTYPE html>"))
    assert.is_truthy(page:find("default-src 'none'", 1, true))
    assert.is_nil(page:find("<script", 1, true))
    assert.is_nil(page:find("<link", 1, true))
    assert.is_nil(page:find("https?://"))
    assert.is_nil(page:find("url%("))
    assert.is_truthy(page:find("</html>\n$"))
  end)
end)

describe("html output in the engine", function()
  it("accepts html as an output format in a pipeline file", function()
    assert.is_true(engine.formats.html)
    local p = assert(engine.load("stages: [sentences]\noutput: {format: html}\n", "t.yaml"))
    assert.are.equal("html", p.output.format)
  end)

  it("frames the documents with begin_output and end_output, indexing each", function()
    local p = assert(engine.load("stages: [sentences]\n", "t.yaml"))
    assert(p:init())
    local parts = { p:begin_output("html") }
    for i, id in ipairs({ "one", "two" }) do
      local texts = p:step(dp.object({ id = id, title = "Story " .. i, text = "A sentence. Another one." }), "html")
      parts[#parts + 1] = texts[1]
    end
    parts[#parts + 1] = p:end_output("html")
    local page = table.concat(parts)
    assert.are.equal(2, count(page, '<article class="doc"'))
    assert.is_truthy(page:find('<li><a href="#doc%-2%-two">Story 2</a></li>'))
    assert.are.equal("", p:begin_output("jsonl"))
    assert.are.equal("", p:end_output("markdown"))
  end)
end)

-- Chromium ------------------------------------------------------------------------------

local function which(name)
  local h = io.popen("command -v " .. name .. " 2>/dev/null")
  local path = h:read("l")
  h:close()
  return path and path ~= "" and path or nil
end

local CHROMIUM = which("chromium") or which("chromium-browser")

describe("html page in headless Chromium", function()
  if not CHROMIUM then
    io.write("# skipped: no chromium\n")
    pending("skipped: no chromium")
    return
  end

  it("shows the news pipeline's page over examples/ with its articles, marks and quotes", function()
    local p = assert(dp.load_pipeline("news"))
    local parts = { p:begin_output("html") }
    local files = {}
    for _, f in ipairs({ "footbridge-vote", "harbor-strike", "library-flood", "orchard-frost" }) do
      files[#files + 1] = "examples/" .. f .. ".txt"
    end
    for _, path in ipairs(files) do
      local f = assert(io.open(path, "rb"))
      local doc = engine.text_doc(path:match("([^/]+)%.txt$"), path, f:read("a"))
      f:close()
      local texts, errs = p:step(doc, "html")
      assert.are.same({}, errs)
      for _, t in ipairs(texts) do parts[#parts + 1] = t end
    end
    parts[#parts + 1] = p:end_output("html")
    local dir = os.tmpname()
    os.remove(dir)
    assert(os.execute("mkdir -p " .. dir))
    local page = dir .. "/page.html"
    local f = assert(io.open(page, "w"))
    f:write(table.concat(parts))
    f:close()
    local cmd = ("timeout 120 %s --headless --no-sandbox --disable-gpu --disable-dev-shm-usage "
      .. "--no-first-run --user-data-dir=%s/profile --dump-dom file://%s 2>/dev/null"):format(CHROMIUM, dir, page)
    local h = assert(io.popen(cmd))
    local dom = h:read("a")
    h:close()
    os.execute("rm -rf " .. dir)
    -- the DOM Chromium built from the page, not the page's own text
    assert.is_truthy(dom:find("<html lang=\"en\"><head>", 1, true))
    assert.are.equal(4, count(dom, '<article class="doc"'))
    assert.is_true(count(dom, '<mark class="summary') >= 12)
    assert.is_true(count(dom, '<q class="quote direct') >= 4)
    assert.is_true(count(dom, 'data%-speaker="[^"]+"') >= 8)
    assert.are.equal(4, count(dom, '<li><a href="#doc%-%d%-'))
    assert.is_truthy(dom:find("Councilmember Rosalind Achterberg", 1, true))
  end)
end)
