-- Specs of what the speed work on HTML input must not change: the lean copy gumbo
-- parses (src/dp_html_lean.c: attributes left out, long values as references, comments
-- and white space runs shortened, raw text found the tokenizer's way) and the
-- extractor's once-per-hint word matching and its choice among equal candidates. The
-- pages are invented.

local dp = require "docpipe"
local extract = require "docpipe.html.extract"

local function texts(page)
  local out = {}
  for _, b in ipairs(page.blocks) do out[#out + 1] = b.text end
  return out
end

describe("the lean copy of a page", function()
  it("keeps long class names, metadata values and hiding styles whole", function()
    local long = "story-body__inner article-content"
    local page = dp.html.parse(('<html lang="en-GB"><head><meta property="og:description" ' ..
      'content="The ferry to Holmvik runs again after the storm repairs."></head><body>' ..
      '<div class="%s" data-track="story-body-123456" id="main-story-column">' ..
      '<p style="margin: 0 0 1em 0; display : none">hidden</p><p>Kept.</p></div></body></html>'):format(long))
    assert.are.same({ "Kept." }, texts(page))
    local el = page.elements[page.blocks[1].el]
    assert.are.equal(long .. " main-story-column", page.elements[el.parent].hint)
    assert.are.equal("The ferry to Holmvik runs again after the storm repairs.", page.meta[1].value)
    assert.are.equal("en-GB", page.lang)
  end)

  it("gives a long metadata value with control characters the parser's U+FFFD, as a short one", function()
    local page = dp.html.parse('<head><meta property="og:title" content="Council\u{92}s ferry vote passes">' ..
      '<meta name="author" content="Lena\7 Voss"><meta name="x" content="a\u{92}b"></head><body><p>T.</p></body>')
    local values = {}
    for _, m in ipairs(page.meta) do values[#values + 1] = m.value end
    assert.are.same({ "Council\u{FFFD}s ferry vote passes", "Lena\u{FFFD} Voss", "a\u{FFFD}b" }, values)
  end)

  it("does not count script, style and title as open elements, so JSON-LD after 600 unclosed links is read", function()
    local page = dp.html.parse("<html><head><title>Ferry</title></head><body>" ..
      string.rep('<a href="/x">', 600) .. "link</a>" ..
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry vote",' ..
      '"author":{"@type":"Person","name":"Lena Voss"}}</script><p>Body.</p></body></html>')
    assert.are.equal(1, #page.jsonld)
    assert.truthy(page.jsonld[1]:find("Lena Voss", 1, true))
    for _, b in ipairs(page.blocks) do assert.falsy(b.text:find("NewsArticle", 1, true)) end
  end)

  it("keeps the Lua tables of a page of 20,000 elements under 750 bytes an element", function()
    collectgarbage()
    collectgarbage()
    local before = collectgarbage("count")
    local page = dp.html.parse("<ul>" .. string.rep("<li>item</li>", 20000) .. "</ul>")
    local kb = collectgarbage("count") - before
    assert.are.equal(20003, #page.elements)
    assert.is_true(kb * 1024 / #page.elements < 750, ("%.0f bytes an element"):format(kb * 1024 / #page.elements))
  end)

  it("reads a style element inside a select as markup, not as raw text to the page end", function()
    local page = dp.html.parse("<div><select><option>One</option><style>.x{}</select>" ..
      "<p>After the menu.</p></div>")
    assert.are.same({ "After the menu." }, texts(page))
  end)

  it("keeps the rest of the page after <plaintext> as its text, scripts included", function()
    local page = dp.html.parse("<p>Top.</p><plaintext>a </plaintext><script>s()</script>")
    assert.are.same({ "Top.", "a </plaintext><script>s()</script>" }, texts(page))
  end)

  it("collapses white space runs outside pre and keeps them inside", function()
    local page = dp.html.parse("<p>Port   of\n\n  Vell</p><pre>a   b\n  c</pre>")
    assert.are.same({ "Port of Vell", "a   b\n  c" }, texts(page))
  end)
end)

describe("the extractor's bookkeeping", function()
  it("counts ASCII, fullwidth and ideographic commas of a block", function()
    local page = dp.html.parse("<div><p>One, two，three、four and five.</p></div>")
    extract.new({}):extract(page, nil)
    assert.are.equal(3, page.blocks[1].commas)
  end)

  it("takes the first in the page of candidates with equal scores", function()
    local para = "<p>" .. ("The council of Vell met on Tuesday, and it voted on the harbour plan. "):rep(3) .. "</p>"
    local page = dp.html.parse("<body><div class=one>" .. para .. "</div>" ..
      "<div class=two>" .. para .. "</div></body>")
    local r = extract.new({ min_chars = 10 }):extract(page, nil)
    assert.are.equal("one", page.elements[r.root].hint)
  end)

  it("gives the same article when a hint repeats on many elements", function()
    local item = '<li class="nav-item nav-item--section"><a href="/x">Section</a></li>'
    local body = "<p>" .. ("The mill at Ostra reopened with forty workers, the owners said. "):rep(4) .. "</p>"
    local page = dp.html.parse("<body><ul class=menu>" .. item:rep(30) .. "</ul><article>" ..
      body .. body .. "</article></body>")
    local r = extract.new({}):extract(page, nil)
    assert.are.equal(2, #r.blocks)
    assert.are.equal("article", page.elements[r.root].tag)
  end)
end)
