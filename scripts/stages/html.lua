--- html: the article text and metadata of a web page held in doc.html.
--
-- Input: doc.html, a page as a string (a JSON Lines record's `html` field, or a document
-- an embedder built); a document that already has a non-empty doc.text passes
-- unchanged. Without doc.html, a document whose source ends in .html/.htm/.xhtml or whose
-- text starts like a page (<!DOCTYPE html> or <html>) has its text read as the page (its
-- bytes then went through the text loader, so a page that was not UTF-8 has lost its
-- accented letters: read such files with the HTML reader, docpipe.htmlinput.html_doc). Output: doc.text (the article: paragraphs, headings inside it, list
-- items and block quotes in page order, one blank line between blocks), doc.title,
-- doc.authors, doc.date (ISO 8601), doc.outlet, doc.url (the canonical URL) and
-- doc.meta.html (charset, description, modified, section, lang, where each field came
-- from, blocks kept, the article element). doc.html is removed unless keep_html.
--
-- Method: docpipe.htmlinput, which parses with gumbo (docpipe.html.parse), scores
-- blocks and elements as Mozilla Readability does, prunes boilerplate inside the
-- article as trafilatura does (docpipe.html.extract: the order of the rules is in that
-- module's comment), and reads JSON-LD, Open Graph and article: meta tags, <title>,
-- <time datetime>, rel=author and the canonical link (docpipe.html.meta). Follow it with
-- `clean` to remove what only the text shows (bylines, datelines, captions written
-- inside paragraphs). Units: none (strings).

local dp = require "docpipe"
local htmlinput = require "docpipe.htmlinput"

local M = {
  name = "html",
  doc = "Extract the article text and metadata (JSON-LD, Open Graph, <title>, <time>, rel=author, canonical URL) of doc.html.",
}

M.options = {
  captions = { type = "boolean", default = false, doc = "keep figure captions and photo credits in the text" },
  headings = { type = "boolean", default = true, doc = "keep headings inside the article (never the title)" },
  min_chars = { type = "integer", default = 500, min = 0, doc = "below this many characters, extract again with fewer filters (Readability's retry)" },
  unlikely = { type = "list", default = {}, doc = "extra PCRE2 fragments of class/id hints of page parts left out of the search" },
  drop_hints = { type = "list", default = {}, doc = "extra PCRE2 fragments of class/id hints of boilerplate inside the article" },
  keep_hints = { type = "list", default = {}, doc = "PCRE2 fragments of class/id hints whose blocks are always kept" },
  promo = { type = "list", default = {}, doc = "extra PCRE2 fragments of calls to action: a paragraph of link text that matches one is dropped (others are kept as in-story links)" },
  charset = { type = "string", default = "", doc = "force a character set for the page (default: UTF-8 when valid, else the page's <meta>)" },
  keep_html = { type = "boolean", default = false, doc = "keep doc.html in the output" },
}

function M.init(opts, ctx)
  for _, k in ipairs { "unlikely", "drop_hints", "keep_hints", "promo" } do
    for _, p in ipairs(opts[k] or {}) do
      local ok, err = pcall(dp.re.compile, p)
      if not ok then error(("html: bad %s pattern %s: %s"):format(k, p, tostring(err)), 0) end
    end
  end
  ctx.state.opts = {
    captions = opts.captions, headings = opts.headings, min_chars = opts.min_chars,
    unlikely = opts.unlikely, drop_hints = opts.drop_hints, keep_hints = opts.keep_hints,
    promo = opts.promo, keep_html = opts.keep_html,
  }
end

local HTML_START = dp.re.compile("^\\s*(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html[\\s>])", "is")

function M.process(doc, ctx)
  local html = doc.html
  if type(html) ~= "string" then
    -- a page read as text (an .html file before the reader knows HTML): its text is the
    -- page; a document the HTML reader made (it has meta.html) is already the article
    local t = doc.text
    if type(t) ~= "string" then return doc end
    if type(doc.meta) == "table" and doc.meta.html ~= nil then return doc end
    local src = type(doc.source) == "string" and doc.source:lower() or ""
    if not (src:find("%.x?html?$") or HTML_START:find(t:sub(1, 4096))) then return doc end
    html = t
    doc.text = ""
  end
  if type(doc.text) == "string" and doc.text:find("%S") then return doc end
  local o = ctx.state.opts or ctx.opts
  local charset = ctx.opts.charset
  if charset == nil or charset == "" then
    -- a string in a document is UTF-8 when it is valid UTF-8 (it came from JSON)
    charset = dp.utf8.valid(html) and "utf-8" or nil
  end
  htmlinput.apply(doc, html, o, charset)
  return doc
end

return M
