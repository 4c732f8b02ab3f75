--- Article metadata from the metadata elements of a page parsed by docpipe.html.parse.
--
-- Output: {title, headline, authors (list), date, modified, outlet, url, description,
-- section, lang, sources}; a field the page does not give is nil. title follows
-- Readability: as the page declares it in JSON-LD or meta tags, else <title> without
-- the site name; headline is the title without the site name in every case. `sources` names where each
-- field came from ("json-ld", "meta:og:title", "title", "time", "rel-author", ...).
--
-- Method (in the order the sources are tried, after Mozilla Readability's
-- getJSONLD and getArticleMetadata, and trafilatura's metadata module):
--  1. JSON-LD: every <script type="application/ld+json"> is decoded (HTML comment and
--     CDATA wrappers and raw line breaks tolerated); objects are searched through
--     lists and @graph for the first whose @type is an article type (a type ending in
--     Article, Posting or Report); from it headline (or name), author (a string, a
--     Person or Organization, or a list of them), datePublished, dateModified,
--     publisher.name, url or mainEntityOfPage, description, articleSection;
--  2. meta tags (name, property or itemprop): Dublin Core, Open Graph (og:title,
--     og:site_name, og:url, og:description), article:published_time,
--     article:modified_time, article:author (names only, not profile URLs), author,
--     byl, parsely-*, sailthru.*, twitter:title, and the common date names;
--  3. the page itself: <title> without the site name, rel=author links,
--     itemprop=author / datePublished elements, a byline element (class or id with
--     byline, author, writtenby) among the blocks, the first <time datetime>, and the
--     canonical link as url.
-- Dates are written as ISO 8601 (the offset kept when the page gives one, fractions
-- of a second dropped); a date in words goes through the clean stage's date parser.
-- Units: none (strings).

local dp = require "docpipe"

local re = dp.re
local concat = table.concat
local trim = dp.text.trim
local norm = dp.text.normalize_space

local M = {}

local ARTICLE_TYPE = re.compile("(?:Article|Posting|Report|Blog)$")
local URL = re.compile("^(?:https?:)?//|^www\\.|\\.(?:com|org|net)/", "i")
local BY = re.compile("^\\s*(?:by|written by|von|par|por)\\s*[:\\-]?\\s+", "i")
local BYLINE_HINT = re.compile("byline|author|writtenby|p-author|(?<![a-z])by(?![a-z])|creator", "i")
local SPLIT_NAMES = re.compile("\\s*(?:,|;|\\||\\band\\b|&|\\bund\\b|\\bet\\b|\\by\\b)\\s*", "i")
local ROLE_TAIL = re.compile("\\s*(?:,|\\||-|–|—)\\s*(?:staff|senior|chief|special|contributing|associated|reporter|correspondent|writer|editor|columnist|producer|analyst|cnn|reuters|ap|afp|bbc|bloomberg)\\b.*$", "i")

local function str(v)
  if type(v) == "string" then
    local s = trim(norm(v))
    if s ~= "" then return s end
  elseif type(v) == "number" then
    return tostring(v)
  end
  return nil
end

--- ISO 8601 from a date string of a page: ISO forms are tidied, "YYYY-MM-DD HH:MM"
-- gets its T, compact YYYYMMDD gets dashes, other forms go to dates_parser (a
-- function, may be nil). Returns nil when nothing is recognised.
function M.iso_date(s, dates_parser)
  s = str(s)
  if not s then return nil end
  local y, mo, d, rest = s:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)(.*)$")
  if not y then
    y, mo, d, rest = s:match("^(%d%d%d%d)/(%d%d)/(%d%d)(.*)$")
  end
  if y and (tonumber(y) < 1900 or tonumber(y) > 2200 or tonumber(mo) < 1 or tonumber(mo) > 12
    or tonumber(d) < 1 or tonumber(d) > 31) then
    return nil   -- a placeholder such as 0001-01-01
  end
  if y then
    local out = y .. "-" .. mo .. "-" .. d
    local h, mi, sec, tail = rest:match("^[T ](%d%d):(%d%d):?(%d?%d?)(.*)$")
    if h then
      out = out .. "T" .. h .. ":" .. mi .. (sec ~= "" and (":" .. sec) or "")
      tail = tail:gsub("^%.%d+", "")
      tail = trim(tail)
      if tail == "Z" or tail == "z" or tail == "UTC" or tail == "GMT" then
        out = out .. "Z"
      else
        local sign, oh, om = tail:match("^([+-])(%d%d):?(%d%d)$")
        if sign then out = out .. sign .. oh .. ":" .. om end
      end
    end
    return out
  end
  local cy, cm, cd = s:match("^(%d%d%d%d)(%d%d)(%d%d)$")
  if cy and tonumber(cm) >= 1 and tonumber(cm) <= 12 then return cy .. "-" .. cm .. "-" .. cd end
  if s:match("^%d%d%d%d%d%d%d%d%d%d$") then  -- seconds since the epoch
    return os.date("!%Y-%m-%dT%H:%M:%SZ", tonumber(s))
  end
  if dates_parser then
    local ok, r = pcall(dates_parser, s)
    if ok and type(r) == "string" then return r end
  end
  return nil
end

--- Names from a byline or author value: "By Ana Ruiz and Tom Lee, Staff Writers" ->
-- {"Ana Ruiz", "Tom Lee"}. URLs and handles are skipped.
function M.names(s)
  local out = {}
  s = str(s)
  if not s or URL:find(s) or s:sub(1, 1) == "@" then return out end
  s = BY:gsub(s, "")
  s = ROLE_TAIL:gsub(s, "")
  for _, part in ipairs(SPLIT_NAMES:split(s)) do
    part = trim(BY:gsub(part, ""))
    if part ~= "" and #part <= 80 and not URL:find(part) and part:find("%a") then out[#out + 1] = part end
  end
  return out
end

local function add_names(list, seen, v)
  if type(v) == "string" then
    for _, n in ipairs(M.names(v)) do
      local k = n:lower()
      if not seen[k] then seen[k] = true; list[#list + 1] = n end
    end
  elseif type(v) == "table" then
    if v.name ~= nil then
      add_names(list, seen, type(v.name) == "table" and v.name[1] or v.name)
    elseif v["@type"] == nil then
      for _, x in ipairs(v) do add_names(list, seen, x) end
    end
  end
end

-- JSON-LD text to a value, tolerating wrappers and raw line breaks
local function decode_ld(s)
  s = s:gsub("^%s*<!%-%-", ""):gsub("%-%->%s*$", "")
  s = s:gsub("^%s*//%s*<!%[CDATA%[", ""):gsub("//%s*%]%]>%s*$", "")
  s = s:gsub("^%s*<!%[CDATA%[", ""):gsub("%]%]>%s*$", "")
  local v = dp.json.decode(s)
  if v == nil then v = dp.json.decode((s:gsub("[\r\n\t]", " "))) end
  if v == nil then v = dp.json.decode((s:gsub("[\r\n\t]", " "):gsub(",%s*([%]}])", "%1"))) end
  return v
end

local function types_of(o)
  local t = o["@type"]
  if type(t) == "string" then return { t } end
  if type(t) == "table" then return t end
  return {}
end

-- the first article object in a JSON-LD value (depth-first through lists and @graph)
local function find_article(v, depth)
  if type(v) ~= "table" or depth > 6 then return nil end
  if v["@type"] ~= nil then
    for _, t in ipairs(types_of(v)) do
      if type(t) == "string" and ARTICLE_TYPE:find(t) then return v end
    end
  end
  if type(v["@graph"]) == "table" then
    local r = find_article(v["@graph"], depth + 1)
    if r then return r end
  end
  for _, x in ipairs(v) do
    local r = find_article(x, depth + 1)
    if r then return r end
  end
  if type(v.mainEntity) == "table" then return find_article(v.mainEntity, depth + 1) end
  return nil
end

local function ld_url(v)
  if type(v) == "string" then return v end
  if type(v) == "table" then return str(v["@id"]) or str(v.url) end
  return nil
end

local META_TITLE = { "og:title", "twitter:title", "dc.title", "dcterms.title", "headline",
  "sailthru.title", "parsely-title", "title" }
local META_AUTHOR = { "author", "article:author", "byl", "dc.creator", "dcterms.creator",
  "parsely-author", "sailthru.author", "cxenseparse:author", "citation_author", "byline",
  "og:article:author", "article.author" }
local META_DATE = { "article:published_time", "og:article:published_time", "datepublished",
  "article:published", "published_time", "pubdate", "publishdate", "publish-date",
  "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.date",
  "dcterms.issued", "parsely-pub-date", "sailthru.date", "article.published",
  "originalpublicationdate", "displaydate", "og:published_time", "date.published",
  "cxenseparse:recs:publishtime", "dc.date.created", "citation_publication_date", "ptime" }
local META_MODIFIED = { "article:modified_time", "og:updated_time", "datemodified",
  "dcterms.modified", "last-modified", "article.updated", "utime" }
local META_OUTLET = { "og:site_name", "publisher", "dc.publisher", "cxenseparse:recs:publisher" }
local META_URL = { "og:url", "twitter:url" }
local META_DESC = { "og:description", "description", "twitter:description", "dc.description" }

local SEPARATORS = re.compile("\\s+[|\\-–—\\\\/>»·:]\\s+")

local function words(s)
  local n = 0
  for _ in s:gmatch("%S+") do n = n + 1 end
  return n
end

--- The title without the site name: "Headline | Site" and "Site - Headline" lose
-- the site part when it is the outlet or short (Readability's rule: keep the full
-- title when the rest would be 4 words or fewer, unless only the site was cut).
function M.clean_title(t, outlet)
  t = str(t)
  if not t then return nil end
  local seps, pos = {}, 1
  while true do
    local s, e = SEPARATORS:find(t, pos)
    if not s then break end
    seps[#seps + 1] = { s, e }
    pos = e + 1
  end
  if #seps == 0 then return t end
  local first, last = seps[1], seps[#seps]
  local head, tail = trim(t:sub(1, last[1] - 1)), trim(t:sub(last[2] + 1))
  local lead, rest = trim(t:sub(1, first[1] - 1)), trim(t:sub(first[2] + 1))
  local lo = outlet and outlet:lower()
  if lo and lo ~= "" then
    local tl = tail:lower()
    if tl == lo or tl:find(lo, 1, true) or lo:find(tl, 1, true) then return head end
    if lead:lower() == lo then return rest end
  end
  if words(head) > 4 and words(tail) <= 4 then return head end
  return t
end

local function first_meta(metas, keys)
  for _, k in ipairs(keys) do
    local v = metas[k]
    if v then return v, k end
  end
  return nil
end

--- Metadata of a page (see the module comment). content: the extractor's result, used
-- for the byline element and the time element nearest the article (may be nil).
-- dates_parser: a function from a date in words to ISO 8601 (may be nil).
function M.extract(page, content, dates_parser)
  local out = { sources = {} }
  local src = out.sources
  local function set(field, v, from)
    if out[field] == nil and v ~= nil and v ~= "" then
      out[field] = v
      src[field] = from
    end
  end
  -- 1. JSON-LD
  local art
  for _, s in ipairs(page.jsonld or {}) do
    local v = decode_ld(s)
    art = v and find_article(v, 0)
    if art then break end
  end
  if art then
    set("title", str(art.headline) or str(art.name), "json-ld")
    local names, seen = {}, {}
    add_names(names, seen, art.author)
    if #names == 0 then add_names(names, seen, art.creator) end
    if #names > 0 then set("authors", names, "json-ld") end
    set("date", M.iso_date(art.datePublished, dates_parser) or M.iso_date(art.dateCreated, dates_parser), "json-ld")
    set("modified", M.iso_date(art.dateModified, dates_parser), "json-ld")
    local pub = art.publisher
    if type(pub) == "table" and pub[1] then pub = pub[1] end
    set("outlet", type(pub) == "table" and str(pub.name) or str(pub), "json-ld")
    set("url", str(art.url) or ld_url(art.mainEntityOfPage), "json-ld")
    set("description", str(art.description), "json-ld")
    local sec = art.articleSection
    if type(sec) == "table" then sec = sec[1] end
    set("section", str(sec), "json-ld")
  end
  -- 2. meta tags (the first of each key)
  local metas = {}
  for _, m in ipairs(page.meta or {}) do
    local k = m.key
    if metas[k] == nil and str(m.value) then metas[k] = m.value end
  end
  local v, k = first_meta(metas, META_OUTLET)
  set("outlet", str(v), k and ("meta:" .. k))
  v, k = first_meta(metas, META_TITLE)
  set("title", str(v), k and ("meta:" .. k))
  for _, key in ipairs(META_AUTHOR) do
    if out.authors then break end
    local names = metas[key] and M.names(metas[key]) or {}
    if #names > 0 then set("authors", names, "meta:" .. key) end
  end
  for _, key in ipairs(META_DATE) do
    if out.date then break end
    set("date", M.iso_date(metas[key], dates_parser), "meta:" .. key)
  end
  for _, key in ipairs(META_MODIFIED) do
    if out.modified then break end
    set("modified", M.iso_date(metas[key], dates_parser), "meta:" .. key)
  end
  v, k = first_meta(metas, META_DESC)
  set("description", str(v), k and ("meta:" .. k))
  set("section", str(metas["article:section"]), "meta:article:section")
  -- 3. the page
  set("title", str(page.title), "title")
  local names, seen = {}, {}
  for _, p in ipairs(page.itemprops or {}) do
    if p.name == "author" or p.name == "creator" then add_names(names, seen, p.value) end
  end
  if #names > 0 then set("authors", names, "itemprop") end
  names, seen = {}, {}
  for _, a in ipairs(page.author_links or {}) do add_names(names, seen, a.text) end
  if #names > 0 then set("authors", names, "rel-author") end
  if not out.authors and page.blocks then
    -- a short block in a byline element, in the article first
    local els = page.elements
    local function byline_block(pred)
      for _, b in ipairs(page.blocks) do
        local e = b.el and els[b.el]
        if e and #b.text <= 120 and pred(b) then
          if b.hint and BYLINE_HINT:find(b.hint) then
            local ns = M.names(b.text)
            if #ns > 0 and #ns <= 6 then return ns end
          end
          local x, hops = e, 0
          while x and hops < 3 do
            if x.hint and x.hint ~= "" and BYLINE_HINT:find(x.hint) then
              local ns = M.names(b.text)
              if #ns > 0 and #ns <= 6 then return ns end
              break
            end
            x, hops = x.parent and els[x.parent], hops + 1
          end
        end
      end
      return nil
    end
    local ns = byline_block(function(b) return BY:find(b.text) ~= nil end)
      or byline_block(function() return true end)
    if ns then set("authors", ns, "byline") end
  end
  for _, p in ipairs(page.itemprops or {}) do
    if p.name == "datepublished" then set("date", M.iso_date(p.value, dates_parser), "itemprop") end
    if p.name == "datemodified" then set("modified", M.iso_date(p.value, dates_parser), "itemprop") end
  end
  for _, t in ipairs(page.times or {}) do
    set("date", M.iso_date(t.datetime, dates_parser), "time")
  end
  set("url", page.canonical and str(page.canonical), "canonical")
  v, k = first_meta(metas, META_URL)
  set("url", str(v), k and ("meta:" .. k))
  set("lang", page.lang and str(page.lang), "lang")
  if out.url and out.url:sub(1, 2) == "//" then out.url = "https:" .. out.url end
  if out.authors and out.outlet then
    -- "Kevin Roe USA TODAY": the outlet written after a name
    local o = out.outlet:lower()
    for i, a in ipairs(out.authors) do
      local al = a:lower()
      if #al > #o + 1 and al:sub(-#o - 1) == " " .. o then out.authors[i] = trim(a:sub(1, #a - #o - 1)) end
    end
  end
  -- Readability's convention: a title the page declares for the article (JSON-LD,
  -- og:title, dc.title, ...) is kept as written, site suffix and all; only the
  -- <title> of the window loses the site name. `headline` is the title without it
  -- either way (the extractor drops headings that repeat it).
  if out.title then
    out.headline = M.clean_title(out.title, out.outlet)
    if src.title == "title" then out.title = out.headline end
  end
  if src.title == "title" and page.blocks then
    -- a <title> that does not name the article (a site title): the page's first h1
    local tl = out.title:lower()
    for _, b in ipairs(page.blocks) do
      if b.tag == "h1" and words(b.text) >= 3 and #b.text <= 300 then
        local hl = b.text:lower()
        if not tl:find(hl, 1, true) and not hl:find(tl, 1, true) then
          out.title, src.title = norm(b.text), "h1"
          out.headline = out.title
        end
        break
      end
    end
  end
  return out
end

return M
