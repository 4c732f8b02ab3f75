--- The main text of a news page parsed by docpipe.html.parse.
--
-- Input: the page table of docpipe.html.parse (blocks: runs of text between block-level
-- tags, each with the element that holds it and its bytes inside links; elements: the
-- block-level elements that hold text, with parent, tag and a lower-case hint made of
-- class, id, role, itemprop, itemtype, data-component, data-testid). Output: the blocks of
-- the article in page order, each {text, tag, el}, and the chosen root element.
--
-- Method, in the order the extractor looks at things (after Mozilla Readability's
-- grabArticle and prepArticle, with trafilatura's pruning of boilerplate sections inside
-- the article and its link-density test on paragraphs):
--  1. elements: an element whose hint matches en/html_unlikely.txt and not
--     en/html_maybe.txt (navigation, menus, comments, sidebars, related links, cookie and
--     newsletter boxes), or whose tag is nav, aside or footer, or whose role is a menu,
--     navigation, dialog or complementary part, is out of the search with all it holds
--     (never body, main or article);
--  2. scores: every block of 25+ characters held by a paragraph-like element (p, td, pre,
--     h2-h6, section, div, custom elements) gives 1 + its commas + one per 100
--     characters (at most 3) to the element around it, half to the next one up, and a
--     third, a sixth... to three more; an element's first score is its tag's (div +5,
--     pre, td, blockquote +3; lists, forms -3; headings, th -5) plus its class weight
--     (+25 for en/html_positive.txt, -25 for en/html_negative.txt); the final score is
--     multiplied by one minus the element's link density;
--  3. the root: the best element; when three of the next best lie inside one of its
--     ancestors that ancestor is taken; then the root climbs while its parent scores
--     higher, and while it is an only child;
--  4. siblings: the root's siblings join when they score at least a fifth of it (and
--     10), or are paragraphs of 80+ characters with few links, or short sentences
--     without links; text directly in the parent counts as a paragraph; a sibling
--     that holds the h1 and no plain paragraph (the article's header: headline,
--     byline, time) does not join, nor a group of teasers (below) or an <article>
--     with its own h1 (the next story); a part of a split body joins only when no
--     <article>, h1 or teaser group lies between it and the root's branch;
--  5. inside the content, dropped: headings that repeat the title and h1; blocks inside
--     an element whose hint matches en/html_boilerplate.txt (share bars, related links,
--     comments, newsletter boxes, ads, tag lists, author boxes) or en/html_captions.txt
--     (captions, photo credits, galleries; kept with the option captions) unless it also
--     matches en/html_keep.txt or holds three or more plain paragraphs; blocks inside
--     a box set into the article (en/html_insets.txt: fact boxes, floated boxes, pull-outs)
--     whatever they hold; blocks of a group of teasers of other stories (two or more
--     short linked headlines, each with a blurb: a rail of cards, an "up next" box,
--     whatever its class; see teaser_group); blocks in nav,
--     aside, footer, header, form, and (without captions) figure and figcaption; short
--     blocks whose inline elements carry such a hint (<span class="credit">); containers (div, section, table, lists,
--     forms) with a negative weight, or with fewer than 10 commas and a link density
--     over 0.2 (0.5 with a positive weight) or under 25 characters of text (Readability's
--     conditional cleaning); blocks of which more than half is link text and that are
--     not long sentences, except a <p> of link text (an in-story link to another
--     story, kept as Readability keeps it) that is not a call to action
--     (en/html_promo.txt) nor written in capitals; (without captions) a block that
--     repeats the alt text of an image of the page (four words or more), a caption;
--  6. when the content has fewer than min_chars characters, steps 1-5 run again
--     without the unlikely filter, then without class weights, then without the
--     conditional cleaning, and the longest result is kept (as Readability does);
--     when no paragraph scored at all (a short page), every block outside nav, aside
--     and footer that is not mostly link text is the content.
-- Units: characters are UTF-8 code points; byte counts from docpipe.html are converted.

local dp = require "docpipe"

local re = dp.re
local ulen = utf8.len
local floor, min, max = math.floor, math.min, math.max
local concat = table.concat

local function clen(s) return ulen(s) or #s end

local function load_alt(path, extra)
  local parts = {}
  for _, l in ipairs(dp.data.list(path)) do parts[#parts + 1] = l end
  for _, l in ipairs(extra or {}) do parts[#parts + 1] = l end
  if #parts == 0 then return nil end
  return re.compile("(?:" .. concat(parts, "|") .. ")", "i")
end

local TAG_INIT = {
  div = 5, pre = 3, td = 3, blockquote = 3,
  address = -3, ol = -3, ul = -3, dl = -3, dd = -3, dt = -3, li = -3, form = -3,
  h1 = -5, h2 = -5, h3 = -5, h4 = -5, h5 = -5, h6 = -5, th = -5,
}
local SCORABLE = { p = true, td = true, pre = true, section = true, div = true,
  h2 = true, h3 = true, h4 = true, h5 = true, h6 = true, article = true, main = true,
  font = true, center = true }
local KNOWN = {}
for t in ([[html body head address article aside blockquote center dd details dir div dl dt
  fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup li main menu nav ol p
  pre section table tbody thead tfoot tr td th caption ul legend summary listing plaintext xmp
  noframes]]):gmatch("%S+") do KNOWN[t] = true end
local OUT_TAGS = { nav = true, aside = true, footer = true }
local NEVER_OUT = { body = true, html = true, main = true, article = true }
local DROP_TAGS = { nav = true, aside = true, footer = true, header = true, form = true,
  fieldset = true, figure = true, figcaption = true, caption = false, legend = true,
  summary = true, details = true, address = true }
local CONDITIONAL = { div = true, section = true, table = true, ul = true, ol = true,
  form = true, fieldset = true, dl = true, aside = true }
local HEADING = { h1 = true, h2 = true, h3 = true, h4 = true, h5 = true, h6 = true }
local ROLE_OUT = re.compile("(?<![a-z])(?:menu|menubar|complementary|navigation|alert|alertdialog|dialog|banner|contentinfo)(?![a-z])")
local SENTENCE_END = re.compile("[.!?…][\"'”’)]*$")
local COMMA_WIDE, COMMA_IDEO = "，", "、"

-- the commas of s: ',', the fullwidth comma U+FF0C and the ideographic comma U+3001
local function commas(s)
  local _, c = s:gsub(",", "")
  if s:find("[\xE3\xEF]") then
    local _, w = s:gsub(COMMA_WIDE, "")
    local _, i = s:gsub(COMMA_IDEO, "")
    c = c + w + i
  end
  return c
end

local X = {}
X.__index = X
local DEBUG = nil   -- set by M.debug(fn)

--- A new extractor. opts: unlikely, drop_hints, keep_hints, promo (lists of extra
-- PCRE2 fragments), captions (keep figure captions), headings (keep headings), min_chars.
local function new(opts)
  opts = opts or {}
  local x = setmetatable({}, X)
  x.unlikely = load_alt("en/html_unlikely.txt", opts.unlikely)
  x.maybe = load_alt("en/html_maybe.txt")
  x.positive = load_alt("en/html_positive.txt")
  x.negative = load_alt("en/html_negative.txt")
  local extra = {}
  if not opts.captions then extra = dp.data.list("en/html_captions.txt") end
  for _, h in ipairs(opts.drop_hints or {}) do extra[#extra + 1] = h end
  x.boiler = load_alt("en/html_boilerplate.txt", extra)
  x.keep = load_alt("en/html_keep.txt", opts.keep_hints)
  x.promo = load_alt("en/html_promo.txt", opts.promo)
  x.inset = load_alt("en/html_insets.txt")
  x.captions = opts.captions == true
  x.headings = opts.headings ~= false
  x.min_chars = opts.min_chars or 500
  x.share = re.compile("(?:^|[^a-z])(?:share|sharedaddy)(?:$|[^a-z])")
  return x
end

-- What the word lists say of a hint, each fact matched once per distinct hint of the
-- page (a page repeats its class names) and only when asked: the unlikely filter reads
-- every element, the class weight only the scored ones, boiler and inset only those in
-- the article. facts: hint -> {fact -> value}.
local FACT = {}
function FACT.keep(x, h) return x.keep ~= nil and x.keep:find(h) ~= nil end
function FACT.unlikely(x, h)
  return x.unlikely ~= nil and x.unlikely:find(h) ~= nil and not (x.maybe and x.maybe:find(h))
end
function FACT.role_out(_, h) return ROLE_OUT:find(h) ~= nil end

local function fact(x, facts, h, name)
  local f = facts[h]
  if not f then f = {}; facts[h] = f end
  local v = f[name]
  if v == nil then
    v = FACT[name](x, h, facts)
    f[name] = v
  end
  return v
end

-- (a hint of en/html_keep.txt, "sourced-paragraph", outweighs a negative word in it)
function FACT.weight(x, h, facts)
  local w = 0
  if x.negative and x.negative:find(h) and not fact(x, facts, h, "keep") then w = w - 25 end
  if x.positive and x.positive:find(h) then w = w + 25 end
  return w
end
function FACT.boiler(x, h, facts)
  return x.boiler ~= nil and x.boiler:find(h) ~= nil and not fact(x, facts, h, "keep")
end
function FACT.inset(x, h, facts)
  return x.inset ~= nil and x.inset:find(h) ~= nil and not fact(x, facts, h, "keep")
end

-- a fact of element e's hint (false, or 0 for the weight, when it has none)
local function efact(x, facts, e, name)
  local h = e.hint
  if h == nil or h == "" then return name == "weight" and 0 or false end
  return fact(x, facts, h, name)
end

-- A group of teasers of other stories (a "more on this" rail set into the article, an
-- "up next" box after it): two or more children that are each one linked headline with
-- a blurb and make up most of the group's blocks, or (flat) two or more linked headings
-- with at most one other block each (a label and the blurbs). A headline is a block of
-- at most TEASER_HEAD characters, more than half of them link text; a teaser holds at
-- most TEASER_ITEM blocks and TEASER_CHARS characters (a flat group at most
-- TEASER_CHARS per linked heading), so sections of an article under linked subheads
-- stay. The blurbs are plain sentences, so neither link density nor class names give
-- such a group away. Units: characters.
local TEASER_HEAD, TEASER_ITEM, TEASER_CHARS = 150, 4, 400
local function teaser_group(e, items, itemblocks, hl)
  if items >= 2 and itemblocks >= 0.75 * e.nblocks then return true end
  return hl >= 2 and e.nblocks - hl <= hl + 1 and e.chars <= hl * TEASER_CHARS
end

-- element facts that do not depend on the attempt's flags
local function prepare(x, page)
  local els, blocks = page.elements, page.blocks
  local facts = {}
  page.facts = facts
  -- per element index (sparse, not more fields in the element tables): headlines of
  -- teasers below it (tl), of them headings (hl), teasers among its children (items,
  -- iblocks: their blocks); teaser: the groups of teasers
  local tl, hl, items, iblocks, teaser = {}, {}, {}, {}, {}
  page.teaser = teaser
  for _, e in ipairs(els) do
    e.kids, e.chars, e.links, e.commas, e.nblocks = 0, 0, 0, 0, 0
    e.p, e.li, e.head, e.plain, e.h1 = 0, 0, 0, false, false
    local never = NEVER_OUT[e.tag] ~= nil
    e.unlikely = not never and efact(x, facts, e, "unlikely")
    e.role_out = not never and efact(x, facts, e, "role_out")
    local p = e.parent and els[e.parent]
    e.in_table = p and (p.in_table or p.tag == "table") or false
    if p then p.kids = p.kids + 1 end
  end
  for _, b in ipairs(blocks) do
    local n = clen(b.text)
    b.chars = n
    -- links are bytes; scale to characters
    b.lchars = #b.text > 0 and b.links * n / #b.text or 0
    local c = commas(b.text)
    b.commas = c
    local e = b.el and els[b.el]
    if e then
      e.chars = e.chars + n
      e.links = e.links + b.lchars
      e.commas = e.commas + c
      e.nblocks = e.nblocks + 1
      if n >= 60 and b.links == 0 then e.plain = true end
      if b.tag == "p" then e.p = e.p + 1 elseif b.tag == "li" then e.li = e.li + 1
      elseif HEADING[b.tag] then e.head = e.head + n end
      if b.tag == "h1" then e.h1 = true end
      if b.links > 0 and b.tag ~= "li" and n <= TEASER_HEAD and b.lchars > n / 2 then
        -- a short block that is mostly a link: a teaser's headline (not a list item:
        -- lists of links go by their link density)
        local k = b.el
        tl[k] = (tl[k] or 0) + 1
        if HEADING[b.tag] and b.tag ~= "h1" then hl[k] = (hl[k] or 0) + 1 end
      end
    end
  end
  -- (children come after their parent in page order, so an element's totals are
  -- complete when the loop reaches it)
  for i = #els, 1, -1 do
    local e = els[i]
    local pi = e.parent
    local p = pi and els[pi]
    local t = tl[i]
    if t then
      local h, it = hl[i], items[i]
      if ((it and it >= 2) or (h and h >= 2))
        and teaser_group(e, it or 0, iblocks[i] or 0, h or 0) then
        teaser[i] = true
      end
      if p then
        tl[pi] = (tl[pi] or 0) + t
        if h then hl[pi] = (hl[pi] or 0) + h end
        if t == 1 and e.nblocks >= 2 and e.nblocks <= TEASER_ITEM
          and e.chars <= TEASER_CHARS then
          -- a teaser: one linked headline with its blurb (and a kicker or a time)
          items[pi] = (items[pi] or 0) + 1
          iblocks[pi] = (iblocks[pi] or 0) + e.nblocks
        end
      end
    end
    if p then
      p.chars = p.chars + e.chars
      p.links = p.links + e.links
      p.commas = p.commas + e.commas
      p.nblocks = p.nblocks + e.nblocks
      p.p, p.li, p.head = p.p + e.p, p.li + e.li, p.head + e.head
      if e.plain then p.plain = true end
      if e.h1 then p.h1 = true end
    end
  end
end

local function link_density(e)
  return e.chars > 0 and e.links / e.chars or 0
end

-- is element i (or an ancestor of it) in the set?
local function inside(els, i, set)
  while i do
    if set[i] then return i end
    i = els[i].parent
  end
  return nil
end

local function norm_title(s)
  return (s or ""):lower():gsub("[%s%p]+", " "):gsub("^ ", ""):gsub(" $", "")
end

-- a paragraph of link text that belongs to the story: an in-story link to another
-- story ("Victorious Obama faces familiar challenges"), not a call to action
-- (en/html_promo.txt) nor a headline in capitals
local UPPER, LOWER = re.compile("\\p{Lu}"), re.compile("\\p{Ll}")
local function link_paragraph(x, b)
  if b.chars > 200 or (x.promo and x.promo:find(b.text)) then return false end
  local up, low = 0, 0
  for _ in UPPER:gmatch(b.text) do up = up + 1 end
  for _ in LOWER:gmatch(b.text) do low = low + 1 end
  return low > up
end

-- the k best candidates, best first: highest final score, then first in the page (a
-- selection in one pass; sorting every candidate was a fifth of the extractor's time)
local function better(a, b)
  return a.final > b.final or (a.final == b.final and a.index < b.index)
end

local function top_candidates(cands, k)
  local best = {}
  for _, c in ipairs(cands) do
    local n = #best
    if n < k or better(c, best[n]) then
      local i = n < k and n + 1 or n
      while i > 1 and better(c, best[i - 1]) do
        best[i] = best[i - 1]
        i = i - 1
      end
      best[i] = c
    end
  end
  return best
end

-- one run of steps 1-5 with the given flags
local function attempt(x, page, flags, title)
  local els, blocks, facts, teaser = page.elements, page.blocks, page.facts, page.teaser
  -- 1. out of the search
  for _, e in ipairs(els) do
    local p = e.parent and els[e.parent]
    local own = (flags.unlikely and (e.unlikely or e.role_out) and not e.in_table)
      or (OUT_TAGS[e.tag] == true)
    e.out = (p and p.out) or own
    e.score, e.pscore = nil, nil
  end
  -- 2. scores
  local cands = {}
  local function init(e)
    if e.score then return end
    local t = TAG_INIT[e.tag] or 0
    e.score = t + (flags.weights and efact(x, facts, e, "weight") or 0)
    cands[#cands + 1] = e
  end
  for _, b in ipairs(blocks) do
    local e = b.el and els[b.el]
    if e and not e.out and b.chars >= 25 and (SCORABLE[e.tag] or not KNOWN[e.tag]) then
      local start = e.kids > 0 and b.el or e.parent
      local s = 1 + b.commas + min(floor(b.chars / 100), 3)
      local a, level = start, 0
      while a and level < 5 do
        local ae = els[a]
        if not ae.parent then break end  -- not the root <html>
        init(ae)
        local div = level == 0 and 1 or (level == 1 and 2 or level * 3)
        ae.score = ae.score + s / div
        ae.pscore = (ae.pscore or 0) + s / div
        a, level = ae.parent, level + 1
      end
    end
  end
  if #cands == 0 then return nil end
  for i, e in ipairs(els) do
    e.index = i
    if e.score then e.final = e.score * (1 - link_density(e)) end
  end
  local best = top_candidates(cands, 8)
  local top = best[1]
  if DEBUG then
    for i = 1, #best do
      local c = best[i]
      DEBUG(("cand %d el %d %s.%s score %.1f final %.1f chars %d ld %.2f parent %s"):format(i, c.index, c.tag,
        (c.hint or ""):sub(1, 40), c.score, c.final, c.chars, link_density(c), tostring(c.parent)))
    end
  end
  -- 3. the root: a common ancestor of close alternatives, then climb
  local alts = {}
  for i = 2, min(#best, 5) do
    if best[i].final / top.final >= 0.75 then alts[#alts + 1] = best[i] end
  end
  if #alts >= 3 then
    local p = top.parent
    while p and els[p].tag ~= "body" do
      local hits = 0
      for _, a in ipairs(alts) do
        if inside(els, a.index, { [p] = true }) then hits = hits + 1 end
      end
      if hits >= 3 then top = els[p]; break end
      p = els[p].parent
    end
  end
  do
    local last = top.final
    local threshold = last / 3
    local p = top.parent
    while p and els[p].tag ~= "body" do
      local pe = els[p]
      if pe.final then
        if pe.final < threshold then break end
        if pe.final > last then top = pe; break end
        last = pe.final
      end
      p = pe.parent
    end
  end
  while top.parent and els[top.parent].tag ~= "body" and els[top.parent].kids == 1 do
    top = els[top.parent]
  end
  -- 4. siblings
  local roots = { [top.index] = true }
  -- the article body split in parts by ads or interrupters: elements of the root's tag
  -- and first class word elsewhere under the same article (not under body itself)
  local key = (top.hint or ""):match("^(%S+)")
  if key and #key >= 4 then
    local tf = top.final or 0
    for _, c in ipairs(cands) do
      if c ~= top and c.tag == top.tag and (c.hint or ""):match("^(%S+)") == key
        and c.final >= max(10, tf * 0.1) and link_density(c) < 0.25
        and not inside(els, c.index, { [top.index] = true })
        and not inside(els, top.index, { [c.index] = true }) then
        -- the lowest common ancestor must be below <body>
        local anc = {}
        local a = top.parent
        while a do anc[a] = true; a = els[a].parent end
        local l = c.parent
        while l and not anc[l] do l = els[l].parent end
        -- and no element between it and the part may be another story: an <article>
        -- or a box with a headline of its own
        local other = teaser[c.index] == true
        local a2 = c.index
        while not other and a2 and a2 ~= l do
          local ae = els[a2]
          if ae.tag == "article" or ae.h1 then other = true end
          a2 = ae.parent
        end
        if not other and l and els[l].tag ~= "body" and els[l].tag ~= "html" then
          roots[c.index] = true
        end
      end
    end
  end
  local phantom = nil   -- the parent, when its own text blocks join
  local pi = top.parent
  if pi and els[pi].tag ~= "body" and els[pi].tag ~= "html" then
    local tf = top.final or 0
    local limit = max(10, tf * 0.2)
    for i, e in ipairs(els) do
      if e.parent == pi and i ~= top.index and not e.out and not DROP_TAGS[e.tag] then
        local bonus = (e.hint ~= "" and e.hint == top.hint) and tf * 0.2 or 0
        local ld = link_density(e)
        if e.h1 and not e.plain then
          -- the article's header (headline, byline, time): not a part of the text
        elseif teaser[i] or (e.tag == "article" and e.h1) then
          -- teasers of other stories, or another story with its own headline
        elseif (e.pscore or 0) > 0 and (e.final or 0) + bonus >= limit then
          roots[i] = true
        elseif e.tag == "p" or (e.kids == 0 and not HEADING[e.tag]) then
          if e.chars > 80 and ld < 0.25 then roots[i] = true
          elseif e.chars > 0 and e.chars <= 80 and ld == 0 and e.nblocks == 1 then
            -- a short sentence
            for _, b in ipairs(blocks) do
              if b.el == i then
                if SENTENCE_END:find(b.text) then roots[i] = true end
                break
              end
            end
          end
        end
      end
    end
    phantom = pi
  end
  -- 5. clean inside the content
  local dropped = {}   -- element index -> true: every block under it goes
  local tnorm = norm_title(title)
  for i, e in ipairs(els) do
    local p = e.parent
    local under = roots[i] and i or (p and els[p].under)
    e.under = under
    if under then
      local pdrop = p and not roots[i] and dropped[p]
      local d = pdrop or false
      if not d and not roots[i] then
        if e.out then d = true
        elseif not NEVER_OUT[e.tag] and efact(x, facts, e, "inset") then d = true
        elseif teaser[i] then
          d = true
          if DEBUG then DEBUG(("TEASER\tel %d %s.%s chars %d blocks %d"):format(i, e.tag, e.hint or "", e.chars, e.nblocks)) end
        elseif not NEVER_OUT[e.tag] and efact(x, facts, e, "boiler")
          and not (e.p >= 3 and e.chars >= 400 and link_density(e) < 0.1) then
          -- (a container of several plain paragraphs is text whatever its name)
          d = true
        elseif DROP_TAGS[e.tag] and not (x.captions and (e.tag == "figure" or e.tag == "figcaption")) then d = true
        elseif flags.unlikely and e.role_out then d = true
        elseif x.share:find(e.hint or "") and e.chars < 500 then d = true
        elseif flags.conditional and CONDITIONAL[e.tag] then
          local w = flags.weights and efact(x, facts, e, "weight") or 0
          local ld = link_density(e)
          local is_list = e.tag == "ul" or e.tag == "ol" or e.tag == "dl"
            or (e.chars > 0 and e.li > 0 and e.li >= e.nblocks * 0.9)
          if w + (e.score or 0) < 0 then d = true
          elseif e.commas < 10 then
            local hd = e.chars > 0 and e.head / e.chars or 0
            if not is_list and hd < 0.9 and e.chars < 25 then d = true
            elseif not is_list and w < 25 and ld > 0.2 and not e.plain then d = true
            elseif w >= 25 and ld > 0.5 and not e.plain then d = true
            elseif is_list and ld > 0.5 then d = true
            end
          end
        end
      end
      dropped[i] = d
    end
  end
  local alts = not x.captions and page.alts or nil
  local out = {}
  local chars = 0
  for bi, b in ipairs(blocks) do
    local e = b.el and els[b.el]
    local take = false
    if e and e.under then
      take = not dropped[b.el]
    elseif e and phantom and b.el == phantom then
      -- text directly in the root's parent: a paragraph sibling (step 4)
      local ld = b.chars > 0 and b.lchars / b.chars or 1
      take = (b.chars > 80 and ld < 0.25) or (b.chars > 0 and ld == 0 and SENTENCE_END:find(b.text) ~= nil)
    end
    if take and b.hint and b.chars < 120 and x.boiler:find(b.hint) and not (x.keep and x.keep:find(b.hint)) then
      take = false   -- a short block marked by an inline element (<span class="caption">)
    end
    if take and alts and not HEADING[b.tag] and alts[norm_title(b.text)] then
      take = false   -- a caption: it repeats the alt text of an image
    end
    if take then
      if HEADING[b.tag] then
        if not x.headings or b.tag == "h1" or norm_title(b.text) == tnorm then take = false end
      end
      if b.chars > 0 and b.lchars / b.chars > 0.5
        and not (b.chars >= 150 and SENTENCE_END:find(b.text))
        and not (b.tag == "p" and link_paragraph(x, b)) then
        take = false
        if DEBUG then DEBUG("LINKDROP\t" .. b.tag .. "\t" .. (e.hint or "") .. "\t" .. b.text) end
      end
    end
    if take then
      out[#out + 1] = { text = b.text, tag = b.tag, el = b.el, bi = bi }
      chars = chars + b.chars
    end
  end
  -- highlights: list items before the first paragraph of the article, short and
  -- without links (the story highlights or key points of news pages)
  local highlights = {}
  local first_p = nil
  for i, b in ipairs(out) do
    if b.tag == "p" and clen(b.text) >= 80 then first_p = i; break end
  end
  -- a list just before the content, in the same container as the root
  if out[1] and pi and (first_p == 1) then
    local lead = {}
    local list_el = nil
    for bi = out[1].bi - 1, max(1, out[1].bi - 12), -1 do
      local b = blocks[bi]
      local e = b.el and els[b.el]
      if not (e and b.tag == "li" and inside(els, b.el, { [pi] = true })) then break end
      if list_el and e.parent ~= list_el then break end
      list_el = e.parent
      table.insert(lead, 1, b)
    end
    local ok = #lead >= 2
    for _, b in ipairs(lead) do
      if b.lchars > 0 or b.chars > 250 or b.chars < 15 then ok = false end
    end
    if ok then for _, b in ipairs(lead) do highlights[#highlights + 1] = b.text end end
  end
  if first_p and first_p > 1 then
    local lead = {}
    for i = 1, first_p - 1 do
      local b = out[i]
      if b.tag == "li" then lead[#lead + 1] = i end
    end
    local ok = #lead >= 2
    for _, i in ipairs(lead) do
      local b = blocks[out[i].bi]
      if b.lchars > 0 or b.chars > 250 or b.chars < 15 then ok = false end
    end
    if ok then
      for k = #lead, 1, -1 do
        local b = table.remove(out, lead[k])
        table.insert(highlights, 1, b.text)
        chars = chars - clen(b.text)
      end
    end
  end
  return { blocks = out, chars = chars, root = top.index, highlights = highlights }
end

--- The article of a parsed page: {blocks = {{text, tag, el}...}, chars, root} (root:
-- index of the chosen element in page.elements), or an empty result.
function X:extract(page, title)
  prepare(self, page)
  -- alt texts of four words or more (a caption under the image repeats it)
  local alts
  for _, im in ipairs(page.images or {}) do
    local a = norm_title(im.alt)
    if select(2, a:gsub(" ", "")) >= 3 then
      alts = alts or {}
      alts[a] = true
    end
  end
  page.alts = alts
  local best
  local tries = {
    { unlikely = true, weights = true, conditional = true },
    { unlikely = false, weights = true, conditional = true },
    { unlikely = false, weights = false, conditional = true },
    { unlikely = false, weights = false, conditional = false },
  }
  for _, flags in ipairs(tries) do
    local r = attempt(self, page, flags, title)
    if r and (not best or r.chars > best.chars) then best = r end
    if best and best.chars >= self.min_chars then break end
  end
  if not best or best.chars == 0 then
    -- no paragraph scored (a short page): every block outside navigation, asides and
    -- footers that is not mostly links
    local out, chars = {}, 0
    local els = page.elements
    for bi, b in ipairs(page.blocks) do
      local e = b.el and els[b.el]
      local ok = b.chars > 0 and b.lchars / b.chars <= 0.5
      local x = e
      while ok and x do
        if OUT_TAGS[x.tag] then ok = false end
        x = x.parent and els[x.parent]
      end
      if ok then
        out[#out + 1] = { text = b.text, tag = b.tag, el = b.el, bi = bi }
        chars = chars + b.chars
      end
    end
    best = { blocks = out, chars = chars, highlights = {} }
  end
  return best
end

--- The text of extracted blocks: one paragraph per block, separated by a blank line.
function X.text(result)
  local parts = {}
  for _, b in ipairs(result.blocks) do parts[#parts + 1] = b.text end
  return concat(parts, "\n\n")
end

local M = { new = new, text = X.text }
function M.debug(fn) DEBUG = fn end
return M
