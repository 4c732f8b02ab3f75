--- HTML input: a saved web page, or a JSON Lines record with an `html` field, becomes a
-- document whose text is the page's article and whose fields carry its metadata.
--
-- html_doc(id, source, bytes) is the reader for .html / .htm files; html_record(doc)
-- completes a decoded JSON Lines record that has an `html` string and no `text`; the
-- `html` stage (scripts/stages/html.lua) calls apply(). All three give the same document:
--   text      the article: paragraphs, headings inside it, list items and block quotes
--             in page order, one blank line between blocks (docpipe.html.extract);
--   highlights  the story highlights: a list of short items without links before the
--             article's first paragraph;
--   title, authors, date, outlet, url   from the page's metadata (docpipe.html.meta):
--             JSON-LD, meta tags, <title>, rel=author, <time>, the canonical link; the
--             title as the page declares it (Readability's convention: og:title keeps
--             its " | Site" part, <title> loses it);
--             docpipe.null (authors: []) when the page gives none, so the clean stage
--             can fill them from the text;
--   meta.html {charset, charset_source, headline (the title without the site name,
--             when it differs), description, modified, section, lang, sources,
--             blocks (kept / total), root (tag and hint of the article element)}.
-- The page is parsed by docpipe.html.parse (gumbo, an HTML5 parser; the character set
-- from the BOM or <meta>, else UTF-8 when valid, else windows-1252). A string that came
-- from JSON is already UTF-8 and is parsed as such whatever its <meta> says.
-- Units: none (strings).

local dp = require "docpipe"
local extract = require "docpipe.html.extract"
local meta = require "docpipe.html.meta"

local M = {}

M.defaults = { captions = false, headings = true, min_chars = 500, keep_html = false }

local cache = {}      -- extractors by option set
local dates_parser    -- the clean stage's date parser, loaded on first use

local function parser()
  if dates_parser == nil then
    local ok, mod = pcall(require, "docpipe.clean.dates")
    local ok2, d = false, nil
    if ok then ok2, d = pcall(mod.new, "en") end
    dates_parser = (ok2 and d) and function(s) return d:parse(s) end or false
  end
  return dates_parser or nil
end

local function key_of(opts)
  local parts = {}
  for _, k in ipairs { "captions", "headings", "min_chars" } do parts[#parts + 1] = tostring(opts[k]) end
  for _, k in ipairs { "unlikely", "drop_hints", "keep_hints", "promo" } do
    parts[#parts + 1] = table.concat(opts[k] or {}, "\1")
  end
  return table.concat(parts, "\2")
end

local function extractor(opts)
  local k = key_of(opts)
  local x = cache[k]
  if not x then
    x = extract.new(opts)
    cache[k] = x
  end
  return x
end

local function merged(opts)
  local o = {}
  for k, v in pairs(M.defaults) do o[k] = v end
  for k, v in pairs(opts or {}) do o[k] = v end
  return o
end

--- Extract the article and metadata of html (a string). charset: a label to force, or
-- nil to detect. Returns {text, title, authors, date, outlet, url, html_meta}.
function M.extract(html, opts, charset)
  opts = merged(opts)
  local page = dp.html.parse(html, charset)
  local x = extractor(opts)
  -- the title first (the extractor drops headings that repeat it)
  local md = meta.extract(page, nil, parser())
  local r = x:extract(page, md.headline)
  local text = extract.text(r)
  local root = r.root and page.elements[r.root]
  local hm = dp.object({
    charset = page.charset,
    charset_source = page.charset_source,
    blocks = dp.object({ kept = #r.blocks, total = #page.blocks }),
    root = root and (root.tag .. (root.hint ~= "" and ("." .. root.hint:gsub("%s+", ".")) or "")):sub(1, 100) or dp.null,
    sources = dp.object(md.sources),
  })
  if md.headline and md.headline ~= md.title then hm.headline = md.headline end
  for _, f in ipairs { "description", "modified", "section", "lang" } do
    if md[f] then hm[f] = md[f] end
  end
  if page.replaced > 0 then hm.replaced = page.replaced end
  return {
    text = text, title = md.title, authors = md.authors, date = md.date, highlights = r.highlights,
    outlet = md.outlet, url = md.url, html_meta = hm, page = page,
  }
end

local function warn(doc, msg)  -- the engine's, loaded when first needed
  return require("docpipe.engine").warn(doc, msg)
end

local function utf16_bom(bytes)
  local a, b = bytes:byte(1, 2)
  return (a == 0xFF and b == 0xFE) or (a == 0xFE and b == 0xFF)
end

-- True when a page holds nothing but white space (a file or string that is empty, or
-- blank lines): an empty document, as an empty text file is, not a page without an
-- article (UTF-16 behind its byte order mark is decoded first)
local function blank_page(html)
  local a = html:byte(1)
  if utf16_bom(html) then html = dp.html.to_utf8(html, a == 0xFF and "utf-16le" or "utf-16be") end
  return require("docpipe.engine").is_blank(html)
end

--- Fill doc from html: text, title, authors, date, outlet, url and meta.html. Fields the
-- page does not give are set to docpipe.null (authors to []) unless doc has them.
function M.apply(doc, html, opts, charset)
  opts = merged(opts)
  local r = M.extract(html, opts, charset)
  doc.text = r.text
  local null = dp.null
  local function put(field, v)
    if v ~= nil then doc[field] = v
    elseif doc[field] == nil then doc[field] = null end
  end
  put("title", r.title)
  put("date", r.date)
  put("outlet", r.outlet)
  put("url", r.url)
  if r.highlights and #r.highlights > 0 then
    doc.highlights = dp.array(r.highlights)
  elseif doc.highlights == nil then
    doc.highlights = dp.array({})
  end
  if r.authors then
    doc.authors = dp.array(r.authors)
  elseif doc.authors == nil then
    doc.authors = dp.array({})
  end
  if type(doc.meta) ~= "table" then doc.meta = dp.object() end
  doc.meta.html = r.html_meta
  if r.html_meta.replaced then
    warn(doc, ("invalid bytes for charset %s: %d replaced by U+FFFD"):format(r.html_meta.charset, r.html_meta.replaced))
  end
  if r.text == "" then
    warn(doc, blank_page(html) and "empty document" or "html: no article text found")
  end
  if opts.keep_html then doc.html = html else doc.html = nil end
  return doc
end

--- The document for an .html/.htm file: {id, source, text, title, authors, date,
-- outlet, url, meta}, or nil, message for binary data (a NUL byte in the first 8 KiB,
-- outside UTF-16).
function M.html_doc(id, source, bytes, opts)
  if not utf16_bom(bytes) and bytes:sub(1, 8192):find("\0", 1, true) then
    return nil, "binary file (a NUL byte in the first 8 KiB), skipped"
  end
  local doc = dp.object({ id = id, source = source })
  M.apply(doc, bytes, opts)
  return doc
end

--- Complete a decoded JSON Lines record that has an `html` string and no `text`
-- string: the record's other fields are kept, the html is parsed as UTF-8 (JSON
-- strings are). Returns doc, or nil, message when there is neither text nor html.
function M.html_record(doc, opts)
  if type(doc.text) == "string" then return doc end
  if type(doc.html) ~= "string" then return nil, 'the record has no "text" or "html" string' end
  M.apply(doc, doc.html, opts, "utf-8")
  return doc
end

return M
