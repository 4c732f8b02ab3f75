--- clean: boilerplate removal and article metadata for a news page saved as text.
--
-- Input: doc.text, a page as text (navigation, title, byline, timestamps, captions,
-- highlights, dateline, body, related links, teasers, footers). Output on the doc:
-- title, authors, outlet, date (ISO 8601), dateline, highlights, contributors,
-- paragraphs, text (the body, paragraphs joined by one blank line) and meta.removed,
-- a list of {text, reason} for every block that did not go into the body.
--
-- Method, after jusText (Pomikálek 2011, "Removing Boilerplate and Duplicate Content
-- from Web Corpora") and Boilerpipe (Kohlschütter et al. 2010, "Boilerplate Detection
-- using Shallow Text Features"), with the main-text window of BTE (Finn et al. 2001,
-- "Fact or fiction: Content classification for digital libraries"):
--  1. split the page into blocks (docpipe.clean.blocks: unwrap hard-wrapped lines, keep
--     indentation, bullets and blank-line groups) and cut captions printed twice;
--  2. give every block evidence (docpipe.clean.evidence): words, characters, stopword
--     density, sentence-final punctuation, bullet, all-capitals label, boilerplate cue
--     (en/clean_boilerplate.txt), end-of-article marker (en/clean_end_markers.txt),
--     timestamp line (docpipe.clean.dates), byline and contributor line
--     (docpipe.clean.meta); then the jusText class: short (< length_low characters), good
--     (density >= stopwords_high and >= length_high characters), near-good (density >=
--     stopwords_low), bad;
--  3. choose the main text as the window of blocks with the largest total score, BTE's
--     maximum-sum window over jusText classes (good blocks count their words, near-good
--     three quarters, everything else a small penalty, an end marker a heavy one;
--     timestamp lines, bylines, contributor lines and copyright lines are barriers);
--  4. inside the window (docpipe.clean.body), smooth with the neighbours as jusText
--     does: a short block between paragraphs stays (a subhead), but a run of short
--     headline-like lines in one group (link_run or more, or one more across blank
--     lines) is a list of related links and goes, unless a sentence ending in ':'
--     introduces it; cue blocks, labels and low-density non-sentences go;
--  5. metadata from the part before the window: the header is the last run of byline
--     and timestamp lines, the title the nearest headline-shaped block above it, the
--     date the header's timestamp, the highlights the bullets between title and body;
--     the dateline opens the first paragraph; contributors come from contributor lines;
--     the outlet from the dateline, else the byline, else the footer's copyright line.
-- Options: drop / keep (PCRE2 patterns for blocks to drop or keep), language, the
-- jusText thresholds, explain (every block's evidence in meta.clean_blocks). Units: byte offsets are 1-based inclusive (none are output here:
-- paragraphs and text are strings).

local dp = require "docpipe"
local blocks_mod = require "docpipe.clean.blocks"
local dates_mod = require "docpipe.clean.dates"
local meta_mod = require "docpipe.clean.meta"
local ev = require "docpipe.clean.evidence"
local body_mod = require "docpipe.clean.body"

local re = dp.re
local concat = table.concat
local NEG = ev.NEG
local score = ev.score
local headline_shaped = ev.headline_shaped

local function compile_user(list, what)
  local out = {}
  for _, p in ipairs(list or {}) do
    local ok, rx = pcall(re.compile, p)
    if not ok then error("clean: bad " .. what .. " pattern " .. p .. ": " .. tostring(rx), 0) end
    out[#out + 1] = rx
  end
  return out
end

local M = {
  name = "clean",
  doc = "Remove page boilerplate; extract title, authors, outlet, date, dateline, highlights, contributors and body paragraphs.",
}

M.options = {
  language = { type = "string", default = "en", doc = "language of the data files (scripts/data/LANG/)" },
  drop = { type = "list", default = {}, doc = "extra PCRE2 patterns: a block matching one is removed" },
  keep = { type = "list", default = {}, doc = "PCRE2 patterns: a block matching one is always kept in the body" },
  length_low = { type = "integer", default = 70, doc = "blocks shorter than this (characters) are short (jusText)" },
  length_high = { type = "integer", default = 200, doc = "good blocks are at least this long (characters)" },
  stopwords_low = { type = "number", default = 0.30, doc = "near-good blocks have at least this stopword density" },
  stopwords_high = { type = "number", default = 0.32, doc = "good blocks have at least this stopword density" },
  cue_max_words = { type = "integer", default = 30, doc = "boilerplate cues only count on blocks up to this many words" },
  explain = { type = "boolean", default = false, doc = "also list every block with its evidence in meta.clean_blocks" },
  link_run = { type = "integer", default = 3, doc = "this many short headline-like lines in one group are a related-links list" },
}

local function defaults(opts)
  local o = {}
  for k, spec in pairs(M.options) do
    local v = opts and opts[k]
    if v == nil then v = spec.default end
    o[k] = v
  end
  return o
end

function M.init(opts, ctx)
  local o = defaults(opts or ctx.opts)
  ctx.opts = o
  local lang = o.language
  local sw = {}
  for _, w in ipairs(dp.data.list(lang .. "/stopwords.txt")) do sw[w:lower()] = true end
  ctx.state = {
    stop = sw,
    dates = dates_mod.new(lang),
    meta = meta_mod.new(lang),
    drop = compile_user(o.drop, "drop"),
    keep = compile_user(o.keep, "keep"),
  }
  local pats = ev.load(lang)
  ctx.state.cues, ctx.state.ends = pats.cues, pats.ends
end

function M.process(doc, ctx)
  if not ctx.state or not ctx.state.stop then M.init(ctx.opts, ctx) end
  local st, o = ctx.state, ctx.opts
  local null = dp.null
  doc.meta = doc.meta or dp.object({})
  local removed = dp.array({})
  local function drop(text, reason)
    removed[#removed + 1] = dp.object({ text = text, reason = reason })
  end

  local src = type(doc.text) == "string" and doc.text or ""
  local all = blocks_mod.split(src)
  blocks_mod.cut_repeats(all)

  -- live blocks (not emptied by the caption cut)
  local live = {}
  for _, b in ipairs(all) do
    if not b.removed then
      ev.features(b, st, o)
      if b.nw == 0 and not b.keep then b.removed = b.cue and ("boilerplate: " .. b.cue) or "no words" end
    end
    if not b.removed then live[#live + 1] = b end
  end
  for i, b in ipairs(live) do b.li = i end

  local ws, we = body_mod.select(live, st, o)

  -- header: the last run of byline / timestamp lines before the body
  local body_first = nil
  for x = ws, we do if live[x].take then body_first = x; break end end
  local limit = body_first or (we + 1)
  local hdr_last, hdr_first
  for x = limit - 1, math.max(1, limit - 80), -1 do
    local b = live[x]
    if b.byline or b.timestamp then hdr_last = x; break end
  end
  if hdr_last then
    hdr_first = hdr_last
    local x = hdr_last - 1
    while x >= 1 and (live[x].byline or live[x].timestamp or (live[x].cue and hdr_last - x <= 2)) do
      if live[x].byline or live[x].timestamp then hdr_first = x end
      x = x - 1
    end
  end
  -- title
  local title_i
  local from = hdr_first or limit
  for x = from - 1, math.max(1, from - 8), -1 do
    if headline_shaped(live[x]) then title_i = x; break end
  end
  -- byline and date
  local authors, outlet, date = dp.array({}), nil, nil
  if hdr_first then
    for x = hdr_first, hdr_last do
      local b = live[x]
      if b.byline and #authors == 0 then
        for _, a in ipairs(b.byline.authors) do authors[#authors + 1] = a end
        outlet = outlet or b.byline.outlet
        b.role = "byline"
      end
      if b.byline and not date then
        local r = st.dates:find(b.text)
        if r then date = st.dates:parse(b.text) end
      end
      if b.timestamp then
        if not date then date = st.dates:parse(b.text) end
        b.role = "timestamp"
      end
    end
  end
  if not date then
    -- a publish/update line inside the body window ("First published ...")
    for x = ws, we do
      local b = live[x]
      if b.nw <= 20 and re.find(b.text, "\\b(published|updated|posted)\\b", nil, "i") then
        local d = st.dates:parse(b.text)
        if d then date = d; break end
      end
    end
  end
  -- highlights: bullets between the title (or header) and the body
  local highlights = dp.array({})
  local hl_from = (title_i or hdr_first or 0) + 1
  for x = hl_from, limit - 1 do
    local b = live[x]
    if b.bullet and not b.take and not b.cue and not b.timestamp and not b.byline and b.nw >= 3 and b.chars >= 15
      and b.density > 0 then
      highlights[#highlights + 1] = b.text
      b.role = "highlight"
    end
  end
  if title_i then live[title_i].role = "title" end

  -- contributors (anywhere: the line usually closes the body)
  local contributors = dp.array({})
  local seen = {}
  for _, b in ipairs(live) do
    if b.contrib and (not body_first or b.li >= body_first) then
      for _, n in ipairs(b.contrib) do
        if not seen[n] then seen[n] = true; contributors[#contributors + 1] = n end
      end
      b.role = "contributor line"
    end
  end

  -- paragraphs and dateline
  local paragraphs = dp.array({})
  local dateline = nil
  for _, b in ipairs(live) do
    if b.take or (b.keep and not b.role) then
      local text = b.text
      if #paragraphs == 0 then
        local dl = st.meta.dateline(text)
        if dl then
          dateline = dl.place
          if dl.outlet then outlet = dl.outlet end
          local prefix = dp.text.trim(text:sub(1, #text - #dl.rest))
          b.dateline_prefix = prefix
          text = dl.rest
        end
      end
      if text ~= "" then paragraphs[#paragraphs + 1] = text end
    end
  end

  -- outlet from a copyright line when the page names it nowhere else
  if not outlet then
    -- the last copyright notice of the page (the footer's), "© 2019 Name."
    for x = #live, 1, -1 do
      local b = live[x]
      if b.cue == "legal" then
        local holder = re.match(b.text, "(?:©|\\(c\\)|copyright)\\s*(?:\\d{4}\\s*)(?:-\\s*\\d{4}\\s*)?([\\p{Lu}][\\p{L}\\p{N}&.' -]{1,40}?)(?:[.,|]|\\s+(?:All|Ltd|Inc)\\b|$)", nil, "i")
        if holder then outlet = dp.text.trim(holder); break end
      end
    end
  end

  -- "Northern Chronicle" in a dateline, "The Northern Chronicle" in the footer: the full name
  if outlet then
    for x = #live, 1, -1 do
      local b = live[x]
      if b.cue == "legal" and b.text:find("The " .. outlet, 1, true) then
        outlet = "The " .. outlet
        break
      end
    end
  end

  -- the removed list, in page order
  for _, b in ipairs(all) do
    if b.cut then
      for _, c in ipairs(b.cut) do drop(c, "repeated caption") end
    end
    if b.dateline_prefix then drop(b.dateline_prefix, "dateline") end
    if b.removed then
      drop(b.removed_text or b.text, b.removed)
    elseif not (b.take or (b.keep and not b.role)) then
      local reason = b.role or b.why
      if not reason then
        if b.timestamp then reason = "timestamp (other story)"
        elseif b.byline then reason = "byline (other story)"
        elseif b.ending then reason = "end of article marker"
        elseif b.drop then reason = "drop pattern"
        elseif b.cue then reason = "boilerplate: " .. b.cue
        elseif b.bullet and b.class == "short" then reason = "navigation"
        else reason = "outside main text (" .. b.class .. ")" end
      end
      drop(b.text, reason)
    end
  end

  doc.title = title_i and live[title_i].text or null
  doc.authors = authors
  doc.outlet = outlet or null
  doc.date = date or null
  doc.dateline = dateline or null
  doc.highlights = highlights
  doc.contributors = contributors
  doc.paragraphs = paragraphs
  doc.text = concat(paragraphs, "\n\n")
  doc.meta.removed = removed
  if o.explain then
    local ex = dp.array({})
    for x, b in ipairs(live) do
      local flags = {}
      for _, f in ipairs { "bullet", "cue", "label", "timestamp", "ending", "drop", "keep", "sentence" } do
        if b[f] then flags[#flags + 1] = f == "cue" and ("cue:" .. b.cue) or f end
      end
      if b.byline then flags[#flags + 1] = "byline" end
      if b.contrib then flags[#flags + 1] = "contributor" end
      ex[#ex + 1] = dp.object({
        text = b.text, class = b.class, words = b.nw, density = math.floor(b.density * 100 + 0.5) / 100,
        score = score(b) <= NEG and "barrier" or score(b), window = (x >= ws and x <= we),
        kept = b.take and true or false, flags = concat(flags, " "), group = b.group,
      })
    end
    doc.meta.clean_blocks = ex
  end
  return doc
end

return M
