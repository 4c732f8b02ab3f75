-- Specs of HTML input: docpipe.html (the C parser binding), docpipe.html.extract (the
-- article), docpipe.html.meta (metadata), docpipe.htmlinput (documents) and the html
-- stage. The pages in tests/fixtures/html/ and below are invented (fictional towns,
-- people and outlets, newswire style).

local dp = require "docpipe"
local htmlinput = require "docpipe.htmlinput"
local meta = require "docpipe.html.meta"
local stage = require "docpipe.stages.html"

local DIR = "tests/fixtures/html/"

local function read(name)
  local f = assert(io.open(DIR .. name, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local function doc_of(name, opts)
  return htmlinput.html_doc(name, DIR .. name, read(name), opts)
end

local function has(text, needle) return text:find(needle, 1, true) ~= nil end

local function paragraphs(text)
  local out = {}
  for _, p in ipairs(dp.text.paragraphs(text)) do out[#out + 1] = p.text end
  return out
end

describe("docpipe.html.parse", function()
  it("returns blocks with their element, tag, link bytes and inline hints", function()
    local page = dp.html.parse('<div class="Story"><p>One <a href="/x">link</a> here.</p><p><span class="credit">Photo: A. Lund</span></p></div>')
    assert.are.equal(2, #page.blocks)
    assert.are.equal("One link here.", page.blocks[1].text)
    assert.are.equal("p", page.blocks[1].tag)
    assert.are.equal(4, page.blocks[1].links)
    assert.are.equal("credit", page.blocks[2].hint)
    local p = page.elements[page.blocks[1].el]
    assert.are.equal("div", page.elements[p.parent].tag)
    assert.are.equal("story", page.elements[p.parent].hint)
  end)

  it("collects title, meta, JSON-LD, time, rel=author, itemprop, canonical and lang", function()
    local page = dp.html.parse([[<html lang="fr"><head><title>T</title>
      <meta property="og:title" content="OG"><link rel="canonical" href="https://x.example/a">
      <script type="application/ld+json">{"@type":"NewsArticle"}</script></head>
      <body><a rel="author" href="/p">Lea Morel</a><time datetime="2030-01-02">2 Jan</time>
      <span itemprop="author">Lea Morel</span><p>Text.</p></body></html>]])
    assert.are.equal("T", page.title)
    assert.are.equal("fr", page.lang)
    assert.are.equal("https://x.example/a", page.canonical)
    assert.are.same({ key = "og:title", value = "OG" }, page.meta[1])
    assert.are.equal('{"@type":"NewsArticle"}', page.jsonld[1])
    assert.are.equal("2030-01-02", page.times[1].datetime)
    assert.are.equal("Lea Morel", page.author_links[1].text)
    assert.are.equal("author", page.itemprops[1].name)
  end)

  it("detects the charset from a BOM, a meta charset, an http-equiv, or the bytes", function()
    assert.are.same({ "utf-8", "bom" }, { dp.html.charset("\239\187\191<p>x</p>") })
    assert.are.same({ "windows-1252", "meta" }, { dp.html.charset('<meta charset="latin1"><p>x</p>') })
    assert.are.same({ "euc-kr", "meta" },
      { dp.html.charset('<meta http-equiv="content-type" content="text/html; charset=EUC-KR">') })
    assert.are.same({ "utf-8", "utf-8" }, { dp.html.charset("<p>caf\195\169</p>") })
    assert.are.same({ "windows-1252", "default" }, { dp.html.charset("<p>caf\233</p>") })
  end)

  it("converts a declared single-byte page to UTF-8", function()
    local page = dp.html.parse(read("latin1.html"))
    assert.are.equal("windows-1252", page.charset)
    assert.are.equal("Café owners protest new fees", page.title)
    assert.is_true(has(page.blocks[2].text, "“We cannot pay this,” said Renée Oster"))
  end)

  it("replaces bytes that are invalid in the charset and counts them", function()
    local s, replaced = dp.html.to_utf8("ok\129", "windows-1252")
    assert.are.equal("ok\239\191\189", s)
    assert.are.equal(1, replaced)
  end)
end)

describe("html extraction", function()
  local doc = doc_of("article.html")
  local text = doc.text

  it("keeps the article's paragraphs in page order", function()
    local ps = paragraphs(text)
    assert.is_true(ps[1]:find("^The harbor authority of Port Evander") ~= nil)
    assert.is_true(ps[#ps]:find("^The new pier is expected to handle twice as many") ~= nil)
    local a = text:find("The decision follows", 1, true)
    local b = text:find("Ferry operator Tessaline", 1, true)
    assert.is_true(a < b)
  end)

  it("keeps subheads, block quotes and list items inside the article", function()
    assert.is_true(has(text, "\n\nCrews need training\n\n"))
    assert.is_true(has(text, "said Marisol Enquist, the company's director of operations."))
    assert.is_true(has(text, "\n\nTickets will be sold only at the new pier.\n\n"))
    assert.is_true(has(text, "\n\nParking at the old terminal ends on March 1."))
  end)

  it("drops the headline, byline and time of the article header", function()
    assert.is_false(has(text, "Ferry terminal to close after sixty years"))
    assert.is_false(has(text, "By Ines Varga"))
    assert.is_false(has(text, "February 3, 2031"))
  end)

  it("drops navigation, share bars, related links, newsletter boxes and captions", function()
    for _, s in ipairs { "Home", "Share on Facebook", "Bridge repairs delayed", "Related stories",
      "morning newsletter", "The new pier at dawn", "Most read", "Storm closes coastal road" } do
      assert.is_false(has(text, s), s)
    end
  end)

  it("drops comments, cookie notices, footers, scripts, styles and hidden elements", function()
    for _, s in ipairs { "Olaf Brandt", "We use cookies", "All rights reserved", "tracking",
      "margin", "hidden paragraph" } do
      assert.is_false(has(text, s), s)
    end
  end)

  it("keeps figure captions with the option captions", function()
    local d = doc_of("article.html", { captions = true })
    assert.is_true(has(d.text, "The new pier at dawn. Photo: Lena Ostrova"))
  end)

  it("separates blocks by one blank line", function()
    assert.is_nil(text:find("\n\n\n", 1, true))
    assert.is_nil(text:find("^%s"))
  end)

  it("joins the parts of an article body split by an ad", function()
    local d = doc_of("split_body.html")
    assert.is_true(has(d.text, "Engineers told the inquiry into the Dravik mine collapse"))
    assert.is_true(has(d.text, "Families of the eleven miners who died"))
    assert.is_false(has(d.text, "Advertisement"))
  end)

  it("splits text at a double <br> and keeps a single <br> as a line break", function()
    local d = doc_of("br_paragraphs.html")
    local ps = paragraphs(d.text)
    assert.are.equal(3, #ps)
    assert.is_true(has(ps[2], "during the winter months.\nBuses ran in its place."))
    assert.is_false(has(d.text, "Front page"))
  end)

  it("moves the story highlights before the first paragraph to doc.highlights", function()
    local d = doc_of("highlights.html")
    assert.are.same({ "Winds reached 140 km/h on the coast", "About 30,000 homes lost power",
      "Schools will stay shut on Tuesday" }, d.highlights)
    assert.is_false(has(d.text, "About 30,000 homes lost power"))
    assert.is_true(has(d.text, "A storm with winds of up to 140 kilometers"))
  end)

  it("extends the boilerplate hints with drop_hints", function()
    local d = doc_of("article.html", { captions = true, drop_hints = { "inline-photo" } })
    assert.is_false(has(d.text, "The new pier at dawn"))
    assert.is_true(has(d.text, "The harbor authority of Port Evander"))
  end)
end)

describe("html extraction of links, captions and boxes inside the story", function()
  local doc = doc_of("story_links.html")
  local text = doc.text

  it("keeps a paragraph that is one in-story link to another story", function()
    assert.is_true(has(text, "\n\nBarrier costs double as delays mount\n\n"))
    assert.is_true(has(text, "\n\nFishermen block harbor in protest over barrier\n\n"))
  end)

  it("drops a link paragraph that is a call to action or written in capitals", function()
    assert.is_false(has(text, "Sign up for our morning newsletter"))
    assert.is_false(has(text, "GET THE COURIER APP"))
  end)

  it("extends the calls to action with the promo option", function()
    local d = doc_of("story_links.html", { promo = { "^Barrier costs" } })
    assert.is_false(has(d.text, "Barrier costs double as delays mount"))
    assert.is_true(has(d.text, "Fishermen block harbor in protest over barrier"))
  end)

  it("drops a caption that repeats the alt text of an image", function()
    assert.is_false(has(text, "Crews watch the eleven steel gates"))
    local d = doc_of("story_links.html", { captions = true })
    assert.is_true(has(d.text, "Crews watch the eleven steel gates"))
  end)

  it("drops a fact box set into the article even when it holds paragraphs", function()
    for _, s in ipairs { "Ferry timetable changes", "By Aron Feld", "The island ferry will leave",
      "four hundred commuters" } do
      assert.is_false(has(text, s), s)
    end
    local ps = paragraphs(text)
    assert.is_true(ps[#ps]:find("^The barrier will be opened to walkers") ~= nil)
  end)

  it("exposes the alt text of images in the parsed page", function()
    local page = dp.html.parse(read("story_links.html"))
    assert.are.equal(1, #page.images)
    assert.are.equal("Crews watch the eleven steel gates of the Varn barrier close on Monday evening.", page.images[1].alt)
    assert.are.equal("div", page.elements[page.images[1].el].tag)
  end)
end)

describe("html extraction around the article body", function()
  local text = doc_of("header_sibling.html").text

  it("leaves out the article header beside the body (headline and time line)", function()
    assert.is_false(has(text, "Updated 9:14 am"))
    assert.is_false(has(text, "Court halts quarry expansion"))
  end)

  it("keeps a paragraph whose container has a keep hint and a negative word", function()
    local ps = paragraphs(text)
    assert.is_true(ps[1]:find("^DUNMERE %(Valley Ledger%) A regional court") ~= nil)
    assert.are.equal(5, #ps)
  end)
end)

describe("html metadata", function()
  it("reads headline, authors, dates, publisher and url from JSON-LD first", function()
    local d = doc_of("article.html")
    assert.are.equal("Ferry terminal to close after sixty years", d.title)
    assert.are.same({ "Ines Varga", "Tomas Reyl" }, d.authors)
    assert.are.equal("2031-02-03T07:00:00Z", d.date)
    assert.are.equal("2031-02-03T09:30:00Z", d.meta.html.modified)
    assert.are.equal("Harbor Ledger Media", d.outlet)
    assert.are.equal("https://ledger.example/ld-url", d.url)
    assert.are.equal("json-ld", d.meta.html.sources.title)
  end)

  it("falls back to meta tags, <title>, rel=author and <time>", function()
    local d = doc_of("meta_fallbacks.html")
    assert.are.equal("Council approves harbor budget", d.title)
    assert.are.equal("title", d.meta.html.sources.title)
    assert.are.same({ "Petra Lind" }, d.authors)
    assert.are.equal("rel-author", d.meta.html.sources.authors)
    assert.are.equal("2030-11-17T18:05:00-05:00", d.date)
    assert.are.equal("Velmont Courier", d.outlet)
    assert.are.equal("The council approved the budget on Monday.", d.meta.html.description)
  end)

  it("uses Open Graph and article: tags when there is no JSON-LD", function()
    local page = dp.html.parse([[<head><meta property="og:title" content="Dam opens | Delta Post">
      <meta property="og:site_name" content="Delta Post">
      <meta property="article:published_time" content="2030-04-05 06:07:08">
      <meta name="author" content="By Karl Aune and Mia Sten">
      <meta property="og:url" content="https://delta.example/dam"></head><body><p>x</p></body>]])
    local m = meta.extract(page)
    assert.are.equal("Dam opens | Delta Post", m.title)   -- as declared (Readability's convention)
    assert.are.equal("Dam opens", m.headline)
    assert.are.equal("2030-04-05T06:07:08", m.date)
    assert.are.same({ "Karl Aune", "Mia Sten" }, m.authors)
    assert.are.equal("https://delta.example/dam", m.url)
  end)

  it("prefers the canonical link to og:url", function()
    local page = dp.html.parse([[<head><link rel="canonical" href="https://a.example/c">
      <meta property="og:url" content="https://a.example/og"></head>]])
    assert.are.equal("https://a.example/c", meta.extract(page).url)
  end)

  it("finds a byline element when the page has no author metadata", function()
    local page = dp.html.parse([[<body><div class="story"><p><span class="byline">By Oda Rask</span></p>
      <p>The ferry left on time.</p></div></body>]])
    assert.are.same({ "Oda Rask" }, meta.extract(page).authors)
  end)

  it("writes dates as ISO 8601", function()
    assert.are.equal("2030-01-02T03:04:05+01:00", meta.iso_date("2030-01-02T03:04:05.000+0100"))
    assert.are.equal("2030-01-02T03:04Z", meta.iso_date("2030-01-02T03:04Z"))
    assert.are.equal("2030-01-02", meta.iso_date("20300102"))
    assert.is_nil(meta.iso_date("soon"))
  end)

  it("splits bylines into names and skips profile URLs", function()
    assert.are.same({ "Ana Ruiz", "Tom Lee" }, meta.names("By Ana Ruiz and Tom Lee"))
    assert.are.same({ "Ana Ruiz" }, meta.names("Ana Ruiz, Staff Writer"))
    assert.are.same({}, meta.names("https://www.facebook.com/someone"))
  end)

  it("keeps a title declared in meta tags as written and cleans only <title> (as Readability)", function()
    local d = doc_of("story_links.html")
    assert.are.equal("Flood barrier opens on the Varn estuary - Coastline Courier", d.title)
    assert.are.equal("Flood barrier opens on the Varn estuary", d.meta.html.headline)
    local page = dp.html.parse('<html><head><title>Harbor tolls rise again | Coastline Courier</title>'
      .. '<meta property="og:site_name" content="Coastline Courier"></head><body><p>Text.</p></body></html>')
    local md = meta.extract(page)
    assert.are.equal("Harbor tolls rise again", md.title)
    page = dp.html.parse('<html><head><meta property="og:title" content="Harbor tolls rise again | Coastline Courier">'
      .. '<meta property="og:site_name" content="Coastline Courier"></head><body><p>Text.</p></body></html>')
    md = meta.extract(page)
    assert.are.equal("Harbor tolls rise again | Coastline Courier", md.title)
    assert.are.equal("Harbor tolls rise again", md.headline)
  end)

  it("removes the site name from a title", function()
    assert.are.equal("Rail line reopens in May", meta.clean_title("Rail line reopens in May | Orlen Daily", "Orlen Daily"))
    assert.are.equal("Rail line reopens in May", meta.clean_title("Orlen Daily - Rail line reopens in May", "Orlen Daily"))
    assert.are.equal("Rail line reopens after two years - Orlen", meta.clean_title("Rail line reopens after two years - Orlen - Orlen Daily", "Orlen Daily"))
  end)
end)

describe("html documents and the html stage", function()
  it("html_doc builds a document from the bytes of a file", function()
    local d = htmlinput.html_doc("a", "a.html", read("article.html"))
    assert.are.equal("a", d.id)
    assert.are.equal("a.html", d.source)
    assert.is_nil(d.html)
    assert.are.equal("utf-8", d.meta.html.charset)
  end)

  it("html_doc refuses binary data", function()
    local d, err = htmlinput.html_doc("b", "b.html", "<p>\0\1\2</p>")
    assert.is_nil(d)
    assert.is_true(err:find("binary", 1, true) ~= nil)
  end)

  it("html_record completes a JSON Lines record with html and no text", function()
    local rec = { id = "r1", html = read("meta_fallbacks.html"), lang_hint = "en" }
    local d = htmlinput.html_record(rec)
    assert.is_true(has(d.text, "The Velmont city council approved"))
    assert.are.equal("en", d.lang_hint)
    assert.is_nil(d.html)
    local none, err = htmlinput.html_record({ id = "r2" })
    assert.is_nil(none)
    assert.is_true(err:find('"html"', 1, true) ~= nil)
  end)

  it("reads a JSON string as UTF-8 whatever its meta says", function()
    local ctx = { opts = { charset = "" }, state = {} }
    stage.init({ unlikely = {}, drop_hints = {}, keep_hints = {}, captions = false, headings = true,
      min_chars = 500, keep_html = false }, ctx)
    local d = stage.process({ id = "j", text = "", html = '<meta charset="iso-8859-1"><article><p>Café Rivière opened its doors on the square on Saturday, the owners said, after three years of repairs.</p></article>' }, ctx)
    assert.is_true(has(d.text, "Café Rivière"))
  end)

  it("the stage passes documents that have text or no html unchanged", function()
    local ctx = { opts = { charset = "" }, state = {} }
    stage.init({ unlikely = {}, drop_hints = {}, keep_hints = {} }, ctx)
    local d = stage.process({ id = "t", text = "Already text.", html = "<p>Other</p>" }, ctx)
    assert.are.equal("Already text.", d.text)
    local e = stage.process({ id = "n", text = "Plain." }, ctx)
    assert.are.equal("Plain.", e.text)
  end)

  it("the stage leaves a document made by the HTML reader as it is", function()
    local ctx = { opts = { charset = "" }, state = {} }
    stage.init({ unlikely = {}, drop_hints = {}, keep_hints = {} }, ctx)
    local d = htmlinput.html_doc("s", DIR .. "story_links.html", read("story_links.html"))
    local text, root = d.text, d.meta.html.root
    d = stage.process(d, ctx)
    assert.are.equal(text, d.text)
    assert.are.equal(root, d.meta.html.root)
    assert.is_true(#paragraphs(d.text) >= 8)
  end)

  it("the stage rejects a bad hint pattern in init", function()
    local ok, err = pcall(stage.init, { unlikely = { "(" }, drop_hints = {}, keep_hints = {} }, { state = {} })
    assert.is_false(ok)
    assert.is_true(tostring(err):find("bad unlikely pattern", 1, true) ~= nil)
  end)

  it("the built-in html pipeline runs a record with an html field", function()
    local p = assert(dp.load_pipeline("html"))
    local out = assert(p:run_to_json({ id = "w", text = "", html = read("split_body.html") }))
    local docs = dp.json.decode(out)
    assert.are.equal("Mine inquiry hears from engineers", docs[1].title)
    assert.is_true(#docs[1].sentences >= 5)
  end)
end)

describe("the html stage on a page read as text", function()
  it("reads the text of a document from an .html file as the page", function()
    local ctx = { opts = { charset = "" }, state = {} }
    stage.init({ unlikely = {}, drop_hints = {}, keep_hints = {} }, ctx)
    local d = stage.process({ id = "f", source = "pages/split_body.html", text = read("split_body.html") }, ctx)
    assert.are.equal("Mine inquiry hears from engineers", d.title)
    assert.is_true(has(d.text, "Families of the eleven miners who died"))
    assert.is_false(has(d.text, "<p>"))
  end)

  it("leaves plain text that does not look like a page alone", function()
    local ctx = { opts = { charset = "" }, state = {} }
    stage.init({ unlikely = {}, drop_hints = {}, keep_hints = {} }, ctx)
    local d = stage.process({ id = "p", source = "notes.txt", text = "Use <b> for bold." }, ctx)
    assert.are.equal("Use <b> for bold.", d.text)
    assert.is_nil(d.title)
  end)
end)

describe("html metadata clean-up", function()
  it("ignores placeholder dates", function()
    assert.is_nil(meta.iso_date("0001-01-01T00:00:00Z"))
  end)

  it("drops the outlet written after an author's name", function()
    local page = dp.html.parse([[<head><meta property="og:site_name" content="Delta Post">
      <meta name="author" content="Karl Aune Delta Post"></head>]])
    assert.are.same({ "Karl Aune" }, meta.extract(page).authors)
  end)
end)

describe("short pages", function()
  it("keep their text when no paragraph is long enough to score", function()
    local d = htmlinput.html_doc("s", "s.html", "<nav><a href='/'>Home</a></nav><p>Bridge reopens.</p>")
    assert.are.equal("Bridge reopens.", d.text)
  end)

  it("give an empty text and a warning when there is no text at all", function()
    local d = htmlinput.html_doc("e", "e.html", "<html><body><img src=a.png></body></html>")
    assert.are.equal("", d.text)
    assert.are.same({ "html: no article text found" }, d.meta.warnings)
  end)
end)
