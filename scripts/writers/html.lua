--- The HTML writer: one self-contained page per run, for people to read.
--
-- Each document becomes an <article class="doc">: title, byline (authors, outlet, date,
-- dateline), the summary as a numbered list linking to its sentences, the text with the
-- summary sentences highlighted (<mark class="summary" data-summary="K">) and the quotes
-- marked by speaker (<q class="quote direct"> for direct quotes, <span class="quote
-- indirect"> for reported speech, both with data-speaker="NAME"; the speaker's name shows
-- after the quote, and each speaker has a colour of their own), then the quotes grouped by
-- speaker, the highlights and, when the rouge stage ran, the document's ROUGE. A quote or a
-- summary sentence that runs over other marks or over paragraphs is cut into pieces that
-- share their data attributes. The page starts with an index of the documents.
--
-- Self-contained: the CSS is inline, there are no scripts, fonts, images or links outside
-- the page, and a Content-Security-Policy (default-src 'none') tells the browser to fetch
-- nothing, so opening the page makes no network request.
--
-- Use: M.begin_page(title) before the first document, M.write(doc) for each, and
-- M.end_page(index) after the last (index: list of {id, title, anchor} for the table of
-- contents, which the page shows first through CSS order). The engine's
-- Pipeline:begin_output / Pipeline:format / Pipeline:end_output call them for `-f html`.
--
-- Units: doc offsets are Lua byte offsets (1-based, inclusive) into doc.text: summary spans
-- from doc.meta.summary.sentences, quote spans from doc.quotes. Spans that do not fit the
-- text are left out.

local dp = require "docpipe"

local concat, sort, type, ipairs, tostring = table.concat, table.sort, type, ipairs, tostring
local gsub, format, byte = string.gsub, string.format, string.byte
local mtype = math.type

local M = {}

-- helpers ---------------------------------------------------------------------------------

local ESC = { ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;", ["'"] = "&#39;" }

--- Text escaped for HTML content and attribute values.
local function esc(s)
  return (gsub(tostring(s), "[&<>\"']", ESC))
end
M.escape = esc

local function str(v)
  return type(v) == "string" and v:find("%S") and v or nil
end

local function list(v)
  return type(v) == "table" and #v > 0 and v or nil
end

-- A fragment identifier made from a document id: letters, digits, - and _ kept.
local function anchor(id, n)
  local a = gsub(tostring(id), "[^%w%-_]+", "-")
  return "doc-" .. n .. "-" .. a:sub(1, 60)
end

-- A hue (0-359) per speaker name, stable across runs (FNV-1a of the name).
local function hue(name)
  local h = 2166136261
  for i = 1, #name do
    h = ((h ~ byte(name, i)) * 16777619) & 0xffffffff
  end
  return h % 360
end

local function human_date(iso)
  local ok, md = pcall(require, "docpipe.writers.markdown")
  if ok and type(md.human_date) == "function" then return md.human_date(iso) end
  return iso
end

-- A valid span {start, end} inside a text of length n, or nil.
local function span_of(t, n)
  if type(t) ~= "table" then return nil end
  local a, b = t.start, t["end"]
  if mtype(a) ~= "integer" or mtype(b) ~= "integer" or a < 1 or b > n or a > b then return nil end
  return a, b
end

-- The marks over doc.text: list of {start, end, kind, attrs}; kind "summary" or "quote".
local function marks_of(doc, n)
  local out = {}
  local meta = type(doc.meta) == "table" and doc.meta or {}
  local ms = type(meta.summary) == "table" and meta.summary.sentences
  if type(ms) == "table" then
    for k, sp in ipairs(ms) do
      local a, b = span_of(sp, n)
      if a then out[#out + 1] = { a, b, "summary", k } end
    end
  end
  if type(doc.quotes) == "table" then
    for k, q in ipairs(doc.quotes) do
      local a, b = span_of(q, n)
      if a then out[#out + 1] = { a, b, "quote", k, q } end
    end
  end
  return out
end

-- The speaker of a quote as shown, or "unattributed".
local function speaker_of(q)
  return str(q.speaker) or "unattributed"
end

-- Opening and closing tags of a mark piece; `last` marks the piece that ends the span.
local function open_tag(m, last, doc_anchor)
  if m[3] == "summary" then
    return format('<mark class="summary%s" data-summary="%d"%s>', last and " end" or "", m[4],
      m.first and format(' id="%s-s%d"', doc_anchor, m[4]) or "")
  end
  local q = m[5]
  local who = speaker_of(q)
  local direct = q.type == "direct"
  local tag = direct and "q" or "span"
  return format('<%s class="quote %s%s" data-quote="%d" data-speaker="%s" style="--hue:%d" title="%s%s">',
    tag, direct and "direct" or "indirect", last and " end" or "", m[4], esc(who), hue(who),
    esc(who), str(q.cue) and (" (" .. esc(q.cue) .. ")") or ""), tag
end

local function close_tag(m)
  if m[3] == "summary" then return "</mark>" end
  return m[5].type == "direct" and "</q>" or "</span>"
end

-- One paragraph text[a..b] with the marks that overlap it, as HTML.
local function render_paragraph(text, a, b, marks, doc_anchor)
  -- boundaries: paragraph edges and every mark edge inside it
  local cuts, seen = { a, b + 1 }, { [a] = true, [b + 1] = true }
  local live = {}
  for _, m in ipairs(marks) do
    if m[1] <= b and m[2] >= a then
      live[#live + 1] = m
      for _, p in ipairs({ m[1], m[2] + 1 }) do
        if p > a and p <= b and not seen[p] then seen[p] = true; cuts[#cuts + 1] = p end
      end
    end
  end
  sort(cuts)
  -- order of nesting: summary outside quotes, earlier and longer spans outside
  sort(live, function(x, y)
    if x[3] ~= y[3] then return x[3] == "summary" end
    if x[1] ~= y[1] then return x[1] < y[1] end
    return x[2] > y[2]
  end)
  local out = {}
  for i = 1, #cuts - 1 do
    local s, e = cuts[i], cuts[i + 1] - 1
    local piece = esc(text:sub(s, e))
    local opens, closes = {}, {}
    for _, m in ipairs(live) do
      if m[1] <= s and m[2] >= e then
        m.first = not m.opened
        m.opened = true
        opens[#opens + 1] = (open_tag(m, m[2] == e, doc_anchor))
        closes[#closes + 1] = close_tag(m)
      end
    end
    local rclose = {}
    for k = #closes, 1, -1 do rclose[#rclose + 1] = closes[k] end
    out[#out + 1] = concat(opens) .. piece .. concat(rclose)
  end
  return concat(out)
end

-- The text as paragraphs with summary sentences and quotes marked.
local function render_text(doc, doc_anchor)
  local text = doc.text
  local marks = marks_of(doc, #text)
  local out = {}
  for _, p in ipairs(dp.text.paragraphs(text)) do
    out[#out + 1] = "<p>" .. render_paragraph(text, p.start, p["end"], marks, doc_anchor) .. "</p>"
  end
  return concat(out, "\n")
end

-- The quotes grouped by speaker (speakers in order of first quote).
local function render_quotes(quotes)
  local order, by = {}, {}
  for _, q in ipairs(quotes) do
    if type(q) == "table" and str(q.text) then
      local who = speaker_of(q)
      if not by[who] then by[who] = {}; order[#order + 1] = who end
      local t = by[who]
      t[#t + 1] = q
    end
  end
  if #order == 0 then return nil end
  local out = { '<section class="quotes"><h3>Quotes by speaker</h3>' }
  for _, who in ipairs(order) do
    out[#out + 1] = format('<div class="speaker" data-speaker="%s" style="--hue:%d"><h4>%s</h4><ul>',
      esc(who), hue(who), esc(who))
    local qs, i = by[who], 1
    while i <= #qs do
      local q = qs[i]
      local text = dp.text.normalize_space(q.text)
      if q.type == "direct" then
        -- the parts of one utterance interrupted by its attribution share a group
        while qs[i + 1] and q.group ~= nil and qs[i + 1].group == q.group and str(qs[i + 1].text) do
          i = i + 1
          text = text .. " … " .. dp.text.normalize_space(qs[i].text)
        end
        text = text:gsub(",$", ".")   -- cut at its attribution: end it as said
        out[#out + 1] = "<li><q>" .. esc(text) .. "</q></li>"
      else
        local cue = str(q.cue) and ('<span class="cue">' .. esc(q.cue) .. ":</span> ") or ""
        out[#out + 1] = '<li class="reported">' .. cue .. esc(text) .. "</li>"
      end
      i = i + 1
    end
    out[#out + 1] = "</ul></div>"
  end
  out[#out + 1] = "</section>"
  return concat(out, "\n")
end

local function render_rouge(r)
  local rows = {}
  for _, t in ipairs({ "rouge1", "rouge2", "rougeL", "rougeLsum" }) do
    local x = r[t]
    if type(x) == "table" and type(x.f1) == "number" then
      rows[#rows + 1] = format("<tr><th>%s</th><td>%.2f</td><td>%.2f</td><td>%.2f</td></tr>", t,
        100 * (x.precision or 0), 100 * (x.recall or 0), 100 * x.f1)
    end
  end
  if #rows == 0 then return nil end
  return '<table class="rouge"><caption>ROUGE (%)</caption><tr><th></th><th>P</th><th>R</th><th>F1</th></tr>'
    .. concat(rows) .. "</table>"
end

local CSS = [[
:root{color-scheme:light;--ink:#1d2330;--muted:#5b6475;--line:#dde1e8;--paper:#fff;--bg:#f4f5f7}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:17px/1.55 Georgia,"Times New Roman",serif;display:flex;flex-direction:column;align-items:center}
header.page,nav.index,main,footer.page{width:min(52rem,100% - 2rem)}
header.page{order:-3;padding:1.5rem 0 .5rem;font:600 1rem/1.3 system-ui,sans-serif;color:var(--muted)}
nav.index{order:-2;background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:.6rem 1.2rem;font:15px/1.4 system-ui,sans-serif}
nav.index ol{margin:.3rem 0;padding-left:1.4rem}
main{order:-1}
article.doc{background:var(--paper);border:1px solid var(--line);border-radius:8px;margin:1.2rem 0;padding:1.2rem 1.6rem}
article.doc h2{margin:.2rem 0 .4rem;font:700 1.55rem/1.25 system-ui,sans-serif}
.byline{color:var(--muted);font:14px/1.4 system-ui,sans-serif;margin:0 0 1rem}
.summary-box{background:#fff8d6;border-left:4px solid #e0b400;padding:.5rem 1rem;margin:0 0 1.2rem}
.summary-box h3,.quotes h3,.highlights h3{font:700 .8rem/1.2 system-ui,sans-serif;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:.4rem 0}
.summary-box ol{margin:.2rem 0;padding-left:1.3rem}
.summary-box a{color:inherit;text-decoration:none}
.text p{margin:0 0 .9rem;white-space:pre-line}
mark.summary{background:#fff1a8;color:inherit;padding:0 .1em;border-radius:2px}
.quote{--c:hsl(var(--hue) 65% 40%);border-bottom:2px solid var(--c);background:hsl(var(--hue) 80% 50% / .07)}
.quote.indirect{border-bottom-style:dotted}
q.quote{quotes:none}
span.quote.end::after{content:attr(data-speaker)}
.quote.end::after{content:close-quote attr(data-speaker);font:600 .68rem/1 system-ui,sans-serif;color:#fff;background:var(--c);border-radius:3px;padding:.1em .35em;margin-left:.3em;vertical-align:.15em;white-space:nowrap}
.quotes .speaker{border-left:4px solid hsl(var(--hue) 65% 40%);padding-left:.8rem;margin:.6rem 0}
.quotes h4{margin:0;font:600 .95rem/1.3 system-ui,sans-serif;color:hsl(var(--hue) 65% 32%)}
.quotes ul{margin:.2rem 0 .4rem;padding-left:1.1rem}
.quotes q{quotes:"\201C" "\201D" "\2018" "\2019"}
.quotes .reported{color:var(--muted)}
.cue{font-style:italic}
.highlights ul{margin:.2rem 0;padding-left:1.1rem}
table.rouge{border-collapse:collapse;font:14px/1.3 system-ui,sans-serif;margin:.8rem 0}
table.rouge th,table.rouge td{border:1px solid var(--line);padding:.2rem .5rem;text-align:right}
table.rouge caption{text-align:left;color:var(--muted)}
footer.page{order:0;color:var(--muted);font:13px/1.4 system-ui,sans-serif;padding:1rem 0 2rem}
@media print{body{background:#fff}article.doc{border:0;break-inside:avoid-page}}
]]

--- The start of the page, up to the opening of the document list.
-- @tparam[opt] string title the page title
function M.begin_page(title)
  title = esc(title or "docpipe")
  return concat({
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    [[<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">]],
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="docpipe ' .. esc(dp.version or "") .. '">',
    "<title>" .. title .. "</title>",
    "<style>" .. CSS .. "</style>",
    "</head>",
    "<body>",
    '<header class="page">' .. title .. "</header>",
    "<main>",
    "",
  }, "\n")
end

--- One document as an <article> (a string ending in a newline).
-- @tparam table doc the document
-- @tparam[opt] integer n its number in the run (for the anchor), default 1
-- @treturn string html
-- @treturn string the anchor (the article's id)
function M.write(doc, n)
  n = n or 1
  local id = doc.id ~= nil and doc.id ~= dp.null and tostring(doc.id) or tostring(n)
  local a = anchor(id, n)
  local out = {}
  local function add(s) if s then out[#out + 1] = s end end
  add(format('<article class="doc" id="%s" data-id="%s">', a, esc(id)))
  add("<h2>" .. esc(dp.text.normalize_space(str(doc.title) or id)) .. "</h2>")
  local by = {}
  if list(doc.authors) then
    local names = {}
    for _, x in ipairs(doc.authors) do if str(x) then names[#names + 1] = esc(x) end end
    if #names > 0 then by[#by + 1] = '<span class="authors">By ' .. concat(names, ", ") .. "</span>" end
  end
  if str(doc.outlet) then by[#by + 1] = '<span class="outlet">' .. esc(doc.outlet) .. "</span>" end
  if str(doc.date) then
    by[#by + 1] = format('<time datetime="%s">%s</time>', esc(doc.date), esc(human_date(doc.date)))
  end
  if str(doc.dateline) then by[#by + 1] = '<span class="dateline">' .. esc(doc.dateline) .. "</span>" end
  if #by > 0 then add('<p class="byline">' .. concat(by, " · ") .. "</p>") end
  local text = type(doc.text) == "string" and doc.text or nil
  local summary = list(doc.summary)
  if summary then
    add('<section class="summary-box"><h3>Summary</h3><ol>')
    local spans = type(doc.meta) == "table" and type(doc.meta.summary) == "table"
      and doc.meta.summary.sentences or {}
    for k, s in ipairs(summary) do
      local body = esc(dp.text.normalize_space(tostring(s)))
      if text and span_of(spans[k], #text) then
        body = format('<a href="#%s-s%d">%s</a>', a, k, body)
      end
      add(format('<li data-summary="%d">%s</li>', k, body))
    end
    add("</ol></section>")
  end
  if text and text:find("%S") then
    add('<div class="text">')
    add(render_text(doc, a))
    add("</div>")
  end
  if list(doc.quotes) then add(render_quotes(doc.quotes)) end
  if list(doc.highlights) then
    add('<section class="highlights"><h3>Highlights</h3><ul>')
    for _, h in ipairs(doc.highlights) do
      if str(h) then add("<li>" .. esc(dp.text.normalize_space(h)) .. "</li>") end
    end
    add("</ul></section>")
  end
  if type(doc.meta) == "table" and type(doc.meta.rouge) == "table" then add(render_rouge(doc.meta.rouge)) end
  add("</article>")
  return concat(out, "\n") .. "\n", a
end

--- The end of the page: the index of the documents (shown first) and the closing tags.
-- @tparam table index list of {id, title, anchor}
function M.end_page(index)
  index = index or {}
  local out = { "</main>" }
  out[#out + 1] = format('<nav class="index"><strong>%d document%s</strong><ol>', #index,
    #index == 1 and "" or "s")
  for _, e in ipairs(index) do
    out[#out + 1] = format('<li><a href="#%s">%s</a></li>', e.anchor,
      esc(dp.text.normalize_space(str(e.title) or tostring(e.id))))
  end
  out[#out + 1] = "</ol></nav>"
  out[#out + 1] = '<footer class="page">Written by docpipe ' .. esc(dp.version or "")
    .. ": summary sentences are highlighted in the text; quotes are underlined in their speaker's colour (solid: direct, dotted: reported).</footer>"
  out[#out + 1] = "</body>"
  out[#out + 1] = "</html>"
  return concat(out, "\n") .. "\n"
end

return M
