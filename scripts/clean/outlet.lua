--- The outlet (the publication's name) of a news page saved as text, when neither the
-- dateline, the byline nor the header named it, and the fuller form of the one they named.
--
-- Method: the evidence is read in this order, each step only while no outlet is known
-- unless it says otherwise:
--  0. a feed link opening a dump ("#NAME RSS feed") when a top line writes NAME alone;
--  1. the masthead: the page's first line (after skip links, a menu of one item a line,
--     a language switch; a name between icons), when it is a name: an outlet-like line
--     (outlet_line below), or one to four capitalised words; else a line among the top
--     ones, past a site's banner, skip links, a top bar opening on the day's date or a
--     cookie notice, that the page writes again (a name
--     in capitals title-cased; a site's own banner, "Official Website of NAME", once);
--     a newsletter's name closing on its kind though it reads as a prompt; else a name
--     the dump split over two lines whose joined name the page writes twice (a place's
--     region after a comma dropped: "Corliss County, Ohio" / "Board of Elections"); a
--     site's own banner under other top lines ("Official Website of NAME, Region");
--  2. (with an outlet from the masthead) a logo's second line joined when the page writes
--     the joined name twice; a place's or service's name whose footer copyright holder
--     adds an organisation's head word is that organisation;
--  3. the footer's copyright holder (without a company word or a legal form when the
--     page names the shorter name elsewhere; the fuller name a line above the headline
--     writes);
--     (never a link label, "Copyright Notices", nor a site vendor's credit, "Government
--     Websites by X", "Powered by X");
--  4. a bare domain name over the headline;
--  5. a release's issuing office under its headline, "From: NAME", when the page writes
--     NAME again;
--  then, whatever the source, the fuller name: a byline's short form of the masthead's
--  name (or of the name on a line of its own over the headline), "The " before it when the page writes it so (not from a footer's sentence when its copyright sign writes
--  the name without it), a publication over its tagline naming its publisher ("News
--  from the Township of X"), a byline team's acronym spelt out by the masthead ("By
--  TAIC Forecast Staff"), an issuing office's line under a state's name, an office's full name for its news label, a publication over its
--  tagline or motto, a footer's "NAME is published by", a capitals masthead in the
--  page's casing, and an acronym logo's expansion.
-- Units: indices into the list of live blocks (1-based); lengths in words. Sets a
-- block's role ("masthead") and banner flag; no globals.

local dp = require "docpipe"
local ucase = require "docpipe.clean.ucase"

local re = dp.re
local find = string.find
local byte = string.byte

local M = {}

local rx_outlet_split = dp.re.compile("\\s+(?:[|·•–—-]|--)\\s+|\\s*\\|\\s*|\\s+[·•]$")
local rx_lower = dp.re.compile("\\p{Ll}")
-- a publication's tagline: "The research magazine of ...", "Official newspaper of ...", "Official
-- news portal of ..."
local rx_tagline_pub = dp.re.compile("^(?:(?:the|an?)\\s+)?(?:(?:official|\\p{Ll}+)\\s+){0,2}(?:magazine|newspaper|paper|newsletter|journal|bulletin|newsmagazine|portal)\\s+of\\s", "i")
-- (or a masthead's motto, "Serving the Vale since 1871", "Est. 1889 | ...": taken
-- under a line that reads as an outlet's name)
local rx_tagline_motto = dp.re.compile("^(?:serving|covering)\\s|\\bsince\\s+(?:1[6-9]|20)\\d\\d$|^(?:est\\.?|established)\\s+(?:in\\s+)?(?:1[6-9]|20)\\d\\d\\b", "i")
-- a site vendor's credit, never an outlet: "Government Websites by CivicBuild",
-- "Powered by X", "Site by X", "Website design by X"
local rx_vendor = dp.re.compile("\\b(?:websites?|site|powered|designed|design|built|hosted|developed|theme)\\s+by\\b", "i")
-- a state's name as a masthead, "State of Wescona", "Government of the Kingdom of Veleka"
local rx_state_name = dp.re.compile("^(?:The\\s+)?(?:State|Kingdom|Government|Republic|Commonwealth|Province|Territory)\\s+of\\s")
-- a site's banner naming it its own, "Official Website of NAME": the name
local rx_own_site = dp.re.compile("^Official\\s+(?:Web\\s*site|Site|Home\\s*Page|Page|Portal)\\s+of\\s+(?:the\\s+)?(\\p{Lu}.*)$", "i")
-- an office's name: capitalised words (joiners and "&" between), or in capitals
local rx_office_name = dp.re.compile("^\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|of|and|for|the|&))+$")

-- words a publication's name may hold in lower case ("Voice of the Valley", "Fal y
-- Cwm"), and the question words that open a badge about the outlet, not its name
local NAME_JOINERS = { of = true, the = true, ["and"] = true, ["for"] = true, on = true, ["in"] = true,
  at = true, de = true, la = true, le = true, du = true, des = true, del = true, y = true, ["&"] = true, ["-"] = true }
-- the kinds of a publication closing its name or the words after it ("Koorabin Courier
-- – Community Newsletter", "Ponaru State News Bulletin")
local PUB_KINDS = { newsletter = true, magazine = true, bulletin = true, newspaper = true, journal = true }
local BADGE_OPENERS = { why = true, how = true, what = true, who = true, when = true, where = true }
--- The words a publication's name may hold in lower case (a set: the stage's title-case
-- test reads it too).
M.NAME_JOINERS = NAME_JOINERS

-- the line d, just under the line c with no blank between, as the second line of a
-- masthead set over two (a logo's): up to three words, no digit or punctuation, no
-- cue, not taken and no bullet
local function second_line(c, d)
  return d.nw <= 3 and d.first == c.last + 1 and not d.take and not d.cue and not d.bullet
    and not find(d.text, "[%d%p]")
end

-- the name before a masthead's tagline after a dash or a bar ("Kanaal Circuit —
-- Tech news from the river delta"): up to five capitalised words (docpipe.clean.meta
-- name_words), or nil
local function tagline_name(c, st)
  if c.nw < 3 or c.nw > 16 or c.take or c.bullet then return nil end
  -- (cheap test first: a separator between spaces)
  local t = c.text
  if not (find(t, " — ", 1, true) or find(t, " – ", 1, true) or find(t, " | ", 1, true) or find(t, " - ", 1, true)
    or find(t, " · ", 1, true)) then return nil end
  local first = dp.text.trim(rx_outlet_split:split(c.text)[1] or "")
  if first == "" or first == c.text or #dp.text.words(first) > 5 or not st.meta.name_words(first) then return nil end
  return first
end

-- a masthead in capitals before a dash and a tagline in lower case, no digit in it
-- ("CITY OF OOSTERVELDE – official website"): the name title-cased (meta.outlet_case
-- later writes its joiners as the page does), two to six words, when the page writes
-- its last word again in any case (a footer's address, the body); not a section's label
-- or a desk; else nil
local rx_caps_tagline = re.compile("^([^\\p{Ll}\\d]+?)\\s+(?:–|—|-|--)\\s+(\\p{Ll}[\\p{Ll}\\s'’-]*)$")
local function caps_tagline(c, st, text)
  if c.nw < 3 or c.nw > 14 or c.bullet or c.sentence then return nil end
  local t = c.text
  if not (find(t, " – ", 1, true) or find(t, " — ", 1, true) or find(t, " - ", 1, true) or find(t, " -- ", 1, true)) then return nil end
  local head, tail = rx_caps_tagline:match(t)
  if not head or #dp.text.words(tail) > 8 then return nil end
  local nw = #dp.text.words(head)
  if nw < 2 or nw > 6 or not re.find(head, "^\\p{Lu}[\\p{Lu}'’&.-]*(?:\\s+[\\p{Lu}'’&.-]+)+$") then return nil end
  local name = ucase.title(head, "\\s")
  if st.meta.section_label(name) or st.meta.is_desk(name) then return nil end
  local last = name:match("([%a\128-\255'’-]+)$")
  local n = 0
  if last and #last >= 3 then
    for _ in re.gmatch(text, "(?<![\\p{L}\\p{N}])" .. re.escape(last) .. "(?![\\p{L}\\p{N}])", nil, "i") do n = n + 1 end
  end
  return n >= 2 and name or nil
end

-- is the line b a publication's tagline ("The member newsletter of ...": rx_tagline_pub)?
local function pub_tagline(b)
  return b ~= nil and b.nw <= 12 and find(b.text, " of ", 1, true) ~= nil and rx_tagline_pub:find(b.text) ~= nil
end

-- does text write name at least twice as whole words (caseless when asked)?
local function written_twice(text, name, caseless)
  local n = 0
  for _ in re.gmatch(text, "(?<![\\p{L}\\p{N}])" .. re.escape(name) .. "(?![\\p{L}\\p{N}])", nil, caseless and "i" or nil) do
    n = n + 1
    if n >= 2 then return true end
  end
  return false
end

-- a skip link opening the page, "Skip to the main content", "Skip to this park
-- navigation" (a text browser's dump keeps each of a site's several): no masthead,
-- passed over like a site's banner
-- A cookie notice too long for its cue ("Limfjord Local and our partners use cookies
-- to make the website work, ..."): a block of up to 80 words naming cookies, not read
-- as a sentence of the article (a top line only: the masthead's search passes it over)
local rx_cookie_word = dp.re.compile("\\bcookies?\\b", "i")
local function cookie_text(c)
  return c.nw <= 80 and c.nw >= 8 and (find(c.text, "ookie", 1, true) or find(c.text, "OOKIE", 1, true))
    and rx_cookie_word:find(c.text) ~= nil
end

local function skip_link(b)
  return b.nw <= 8 and not b.sentence and find(b.text, "^Skip ") ~= nil and re.find(b.text, "^Skip\\s+(?:to|navigation|over|past)\\b") ~= nil
end

-- a top bar opening on the day's date, "Tuesday, June 11, 2024 e-Paper | Subscribe |
-- Log in" (a weekday before it at most): no masthead, passed over
local function date_bar(b, st)
  if b.nw > 12 or b.sentence or not find(b.text, "%d%d%d%d") then return false end
  local r = st.dates:find(b.text, true)
  local a = r and r.spans[1] and r.spans[1][1]
  return a ~= nil and find(b.text:sub(1, a - 1), "^%a*,?%s*$") ~= nil
end

-- a site's own banner among the lines over the headline, "Official Website of Kestrel
-- Sound Borough, Alaska" (under other top lines: an account's prompt, a search box): the
-- name (a region after a comma dropped when the page writes the name without it) that
-- the page writes at least twice, not a state's; the name and its line, or nil
local function own_banner(live, title_i, text)
  for y = 1, math.min(8, title_i - 1) do
    local c = live[y]
    -- (cheap test first: "Official " opens the line)
    local own = c.nw <= 10 and not c.take and find(c.text, "^Official ") and rx_own_site:match(c.text)
    if own and not rx_state_name:find(own) then
      local short = own:match("^(.-%S),%s+%u[%a.]*%s*%u?[%a.]*$")
      if short and written_twice(text, short, true) then own = short end
      if written_twice(text, own, true) then return own, c end
      return nil
    end
  end
  return nil
end

-- a publication's line right over its tagline naming its publisher, "Mallory Creek
-- Courier" over "News from the Township of Mallory Creek": the tagline opens on news
-- words and a preposition ("News from", "Updates for", "The latest news of") and holds
-- the publisher (the outlet read so far)
local rx_news_from = dp.re.compile("^(?:the\\s+)?(?:latest\\s+)?(?:news|updates|stories)\\s+(?:from|for|of|about)\\s", "i")

-- an office's name opening with its state's place ("Nebraska Office of State Parks and
-- Trails" under "State of Nebraska") whose name without the place the page writes twice
-- ("the Office of State Parks and Trails announced"): the office's own name
local function state_office(name, state, text)
  local place = state:match("%sof%s+(.+)$")
  if not place or name:sub(1, #place + 1) ~= place .. " " then return false end
  local rest = name:sub(#place + 2)
  return rest:find("%s") ~= nil and written_twice(text, rest, true)
end

-- a logo's second line that opens with the rest of the name before a tagline after a
-- dash ("LAGO HUEMUL" / "Tourism Board - Patagonia, Argentina"): the masthead with that
-- rest (up to three capitalised words, tagline_name) when the page writes the joined
-- name at least twice, in any case (the masthead in capitals too); the name as the
-- page writes it first; or nil
local function tagline_second_line(outlet, live, text, st)
  for y = 1, math.min(6, #live - 1) do
    local c, d = live[y], live[y + 1]
    if c.role == "masthead" and (c.text == outlet or #c.text == #outlet and re.find(c.text, "^" .. re.escape(outlet) .. "$", nil, "i")) then
      if d.first ~= c.last + 1 or d.cue or d.take or d.bullet then return nil end
      local rest = tagline_name(d, st)
      if not rest or #dp.text.words(rest) > 3 or find(rest, "[%d%p]") then return nil end
      local rx = "(?<![\\p{L}\\p{N}])(" .. re.escape(outlet .. " " .. rest) .. ")(?![\\p{L}\\p{N}])"
      local first, n = nil, 0
      for m in re.gmatch(text, rx, nil, "i") do first = first or m; n = n + 1 end
      if n < 2 then return nil end
      d.role = d.role or "masthead"
      return first
    end
  end
  return nil
end

-- does text hold " / "? (as find(text, " / ", 1, true): a plain search for a needle
-- opening on a space stops at every space of the page, some 40K instructions on a
-- news story; "/ " is rare, and the byte before it tells the rest)
local function has_spaced_slash(text)
  local p = find(text, "/ ", 2, true)
  while p do
    if byte(text, p - 1) == 32 then return true end
    p = find(text, "/ ", p + 1, true)
  end
  return false
end

-- a masthead set in two languages, one name a line ("Newyddion Cymuned Cwm Talog" over
-- "Cwm Talog Community News"): the line right under the masthead's is the name in the
-- page's language when the page writes the two as a pair, "NAME / NAME" (a bilingual
-- site's footer or labels), and only it reads as a publication's name in the stage's
-- language (an outlet word of en/clean_outlet_words.txt, or an acronym:
-- docpipe.clean.meta outlet_like); or nil
local function bilingual_name(outlet, live, text, st)
  for y = 1, math.min(5, #live - 1) do
    local c, d = live[y], live[y + 1]
    if c.role == "masthead" and c.text == outlet then
      if d.first == c.last + 1 and not d.cue and not d.take and not d.bullet and d.nw >= 2 and d.nw <= 6
        and (find(text, outlet .. " / " .. d.text, 1, true) or find(text, d.text .. " / " .. outlet, 1, true))
        and st.meta.outlet_like(d.text, true) and not st.meta.outlet_like(outlet, true) then
        d.role = d.role or "masthead"
        return d.text
      end
      return nil
    end
  end
  return nil
end

-- a masthead set in two languages with no "NAME / NAME" pair ("GÁISÁVÁRRI
-- BOAZOSÁPMELAČČAID SEARVI" over "Gáisávárri Reindeer Herders' Association"; round
-- 29): the line right under the masthead's, opening on the masthead's first word, is
-- the name the page writes (its footer, its copyright line) when it writes that line
-- again and the masthead's name only once, and it reads as a publisher's name in the
-- stage's language (docpipe.clean.meta outlet_like, strong, or org_named); or nil
local function translated_name(outlet, live, text, st)
  for y = 1, math.min(5, #live - 1) do
    local c, d = live[y], live[y + 1]
    if c.role == "masthead" and (c.text == outlet or (#c.text == #outlet and ucase.upper(c.text) == ucase.upper(outlet))) then
      if d.first ~= c.last + 1 or d.cue or d.take or d.bullet or d.nw < 2 or d.nw > 6 or d.text == c.text then return nil end
      local w1, w2 = c.text:match("^(%S+)"), d.text:match("^(%S+)")
      if not (w1 and w2 and ucase.lower(w1) == ucase.lower(w2)) then return nil end
      if written_twice(text, c.text, true) or not written_twice(text, d.text) then return nil end
      if not (st.meta.outlet_like(d.text, true) or st.meta.org_named(d.text)) then return nil end
      d.role = d.role or "masthead"
      return d.text
    end
  end
  return nil
end

-- an image's file name a text browser leaves in brackets beside a logo's name
-- ("Quarry Ridge Prep Report [qrpr-logo.png]"): the name is the text without it
local rx_image_name = dp.re.compile("\\s*\\[[^\\]\\s]{1,80}\\.(?i:png|jpe?g|gif|svg|webp|avif|bmp|ico)\\]\\s*")
local function without_image(b)
  -- (cheap test first: a closing bracket)
  if not find(b.text, "]", 1, true) then return b end
  local t = dp.text.trim(rx_image_name:gsub(b.text, " "))
  if t == b.text then return b end
  return { text = t, nw = #dp.text.words(t), sentence = b.sentence, bullet = b.bullet }
end

-- the outlet named by a line of its own ("The Saltire Herald"), or nil
local function outlet_line(b, st)
  b = without_image(b)
  -- (a broadcaster's call sign and frequency, "KQRV 88.3 FM | College Radio": the call sign)
  local cs = b.nw <= 12 and not b.sentence and not b.bullet and st.meta.call_sign(b.text)
  if cs then return cs end
  if b.nw < 1 or b.nw > 5 or b.sentence or b.bullet then return nil end
  -- (nor a picture's credit, two names joined by a slash with no space, one of them of
  -- two words or more: "NAME/The Outlet" under a caption, "AGENCY Photo/NAME"; the
  -- outlet it credits is named by the page's own lines)
  if find(b.text, "/", 1, true) and (find(b.text, "%a%s+%a+/%u") or find(b.text, "%a/%u%a*%s+%u")) then return nil end
  -- (nor a page's counter, "Post Views: 2,317": docpipe.clean.meta counter_line)
  if b.nw <= 4 and st.meta.counter_line(b.text) then return nil end
  -- ("NEWSPAPER SECTION: News" is a field of the header, no outlet; nor is a release's
  -- contact line, "Contact: Press Office")
  if st.meta.field_line(b.text) or st.meta.contact_line(b.text) then return nil end
  local first = rx_outlet_split:split(b.text)[1]
  if not first or first == "" then return nil end
  -- (nor a staff byline, "Staff Report": a label of the newsroom, no masthead)
  if not st.meta.outlet_like(first, true) or st.meta.is_desk(first) or st.meta.staff_line(first) then return nil end
  -- (a section's or a release's label, "News Flash", "FOR IMMEDIATE RELEASE")
  if st.meta.section_label(first) then return nil end
  -- (nor one word of a site's menu, "NEWS" over the story: a section)
  if b.nw == 1 and st.meta.menu_word(b.text) then return nil end
  -- (nor the writers' unit, "Government Media Unit": staff)
  if b.nw >= 2 and st.meta.unit_name(b.text) then return nil end
  -- (nor a piece of a timestamp: a clock time, "6:05 AM ChST", or a meridiem and a zone
  -- a dump wrapped onto a line of their own, "AM ChST")
  if find(b.text, "%d:%d%d") and st.dates:has_clock(b.text) then return nil end
  if find(b.text, "^[AaPp]%.?[Mm]%.?%f[%A]") and (b.nw == 1 or st.dates:is_zone(b.text:match("%S+$"))) then return nil end
  -- (nor a zone alone, "EST": the end of a timestamp wrapped onto a line of its own; nor
  -- digits closing on a zone, a timestamp that reads no date, "Published 12345 GMT")
  if b.nw == 1 and #b.text <= 5 and st.dates:is_zone(b.text) then return nil end
  if b.nw >= 2 and find(b.text, "%d") and st.dates:is_zone(b.text:match("%S+$")) then return nil end
  -- a name: capitalised words with only joiners in lower case; not a badge or a
  -- question about the outlet ("Why you can trust HCP", "How We Report")
  for w in first:gmatch("%S+") do
    if find(w, "^%l") and not NAME_JOINERS[w] then return nil end
  end
  if BADGE_OPENERS[(first:match("^%a+") or ""):lower()] then return nil end
  -- (nor an issue's number, "Bulletin No. 03/2026", "Vol. 12, Issue 4")
  if find(first, "%d") and re.find(first, "\\b(?:No|Nr|Number|Issue|Vol|Volume)\\.?\\s*\\d", nil, "i") then return nil end
  -- (nor a team or a section opening on an ordinal, "1st XV", "2nd Eleven")
  if find(first, "^%d") and re.find(first, "^\\d+(?:st|nd|rd|th)\\s") then return nil end
  -- (a single short word in capitals is an acronym, "KVRN", and stays, also with its
  -- service, "KVRN TV", "WDKN-FM")
  if first:upper() == first and rx_lower:find(first:lower()) and not re.find(first, "^\\p{Lu}{2,6}(?:[ -](?:TV|FM|AM))?$") then
    -- "KESTREL TECH REVIEW" -> "Kestrel Tech Review"
    first = ucase.title(first, "\\s")
  end
  return first
end
--- The outlet a block (text, nw, sentence, bullet) names by a line of its own, or nil;
-- st is the stage's state.
M.line = outlet_line

-- the name line b gives (outlet_line) when it is outlet's fuller form, a longer name
-- ending with it ("The Marlow Valley Gazette" of "Gazette"), else nil
local function fuller_line(b, st, outlet)
  local name = outlet_line(b, st)
  if name and #name > #outlet and re.find(name, "\\s" .. re.escape(outlet) .. "$", nil, "i") then return name end
  return nil
end

-- a byline's one-word short form of the masthead's name ("Ledger" of "By NAME Ledger
-- Staff Writer") under a masthead set among the top lines past a menu and a weather
-- box: the first line over the headline (of the first 16) that gives a fuller form of
-- it (fuller_line), a name the page writes twice or more; that name and its line, or nil
local function top_fuller(st, live, title_i, text, outlet)
  for y = 1, math.min(16, title_i - 1) do
    local c = live[y]
    -- (cheap tests first: a short line of the page's own holding the short form)
    if not c.take and c.nw <= 5 and find(c.text, outlet, 1, true) then
      local name = fuller_line(c, st, outlet)
      if name and written_twice(text, name) then return name, c end
    end
  end
  return nil
end

-- a byline's outlet cut before a word read as the writer's role ("The Tamarack Lakes" of
-- "By NAME, The Tamarack Lakes Reporter"): a line of its own over the headline writing
-- the outlet and one capitalised role word after it (en/clean_roles.txt), a name the page
-- writes at least twice (a copyright line, a credit); that line, or nil (round 30)
local function role_cut_outlet(st, live, title_i, text, outlet)
  local n = #outlet
  for y = 1, math.min(12, title_i - 1) do
    local c = live[y]
    local t = c.text
    -- (cheap tests first: the line opens on the outlet, one short word after it)
    if #t > n + 2 and #t <= n + 16 and t:byte(n + 1) == 32 and t:sub(1, n) == outlet then
      local w = t:match("^%u%l+$", n + 2)
      if w and st.meta.is_role_line(w, true) and written_twice(text, t) then return c end
    end
  end
  return nil
end

-- an edition's masthead over the headline, "VALL DE RIUCERD · Riucerd Valley News —
-- English edition": the name of capitalised words in mixed case right before the
-- edition's label closing the line ("English edition", "International Edition"); the
-- name and its line, or nil (round 30)
local rx_edition = dp.re.compile("^(?:\\p{L}+\\s+)?edition$", "i")
local function edition_masthead(st, live, title_i)
  for y = 1, math.min(6, title_i - 1) do
    local c = live[y]
    -- (cheap tests first: a short line writing "edition")
    if c.nw <= 16 and not c.take and not c.cue and find(c.text, "dition", 1, true) then
      local pieces = rx_outlet_split:split(c.text)
      local k = #pieces
      if k >= 2 and rx_edition:find(dp.text.trim(pieces[k])) then
        local name = dp.text.trim(pieces[k - 1])
        local nw = #dp.text.words(name)
        -- (meta.name_words passes "for" and "on" between capitalised words too; before an
        -- edition label they make a tagline: "Lokalavisa for Skarvik" under "SKARVIKPOSTEN"
        -- is the paper's line, not its name)
        local t = name .. " "
        if nw >= 2 and nw <= 6 and st.meta.name_words(name) and not find(t, "%sfor%s") and not find(t, "%son%s")
          and not st.meta.section_label(name) then
          return name, c
        end
      end
    end
  end
  return nil
end

-- a logo's image alone over the page, its file name the only masthead a text browser
-- keeps ("[lappi-today-logo.svg]"): the name its words spell (two or more, "logo"
-- left out), as the page writes it at least twice in mixed case, whole words in any
-- case; or nil (round 30)
local rx_logo_file = dp.re.compile("^\\[([A-Za-z0-9_-]{3,60})\\.(?:svg|png|jpe?g|gif|webp)\\]$", "i")
local function logo_file_name(live, text)
  for y = 1, math.min(3, #live) do
    local t = live[y].text
    -- (cheap tests first: a bracket opening the line, "logo" in it)
    if t:byte(1) == 91 and #t <= 70 and find(t:lower(), "logo", 1, true) then
      local f = rx_logo_file:match(t)
      local ws = {}
      for w in (f or ""):gmatch("[^_-]+") do
        if w:lower() ~= "logo" then
          if not w:find("^%a+$") then return nil end
          ws[#ws + 1] = re.escape(w)
        end
      end
      if #ws < 2 then return nil end
      local n, name = 0, nil
      for m in re.gmatch(text, "(?<![\\p{L}\\p{N}])" .. table.concat(ws, "\\s+") .. "(?![\\p{L}\\p{N}])", nil, "i") do
        if re.find(m, "^\\p{Lu}") and rx_lower:find(m) then name = name or m end
        n = n + 1
      end
      return n >= 2 and name or nil
    end
  end
  return nil
end

-- a dated masthead, the page's first line naming the site before a separator and a
-- date ("RIVERFORD MARATHON · SUNDAY 19.10.2025", "Kellow Parish News | March 2026"): the
-- name, up to five capitalised words (in capitals title-cased) that the page writes
-- again elsewhere in any case, when another piece of the line holds a date; not a
-- section's label or a desk. Over a footer's copyright holder, a company that runs the
-- site ("© 2025 Riverford Running Events Ltd"): the header names the publication.
local function dated_masthead(c, st, text, title_i)
  -- (cheap tests first: a short line over the headline, not taken, with a digit)
  if not c or c.take or c.cue or c.bullet or c.sentence or c.nw > 10 or c.li == title_i or not find(c.text, "%d") then return nil end
  local pieces = rx_outlet_split:split(c.text)
  local first = dp.text.trim(pieces[1] or "")
  if #pieces < 2 or first == "" or find(first, "%d") or #dp.text.words(first) > 5 then return nil end
  if not re.find(first, "^\\p{Lu}[\\p{L}'’.&-]*(?:\\s+(?:\\p{Lu}[\\p{L}'’.&-]*|of|the|and|for|on|&))*$") then return nil end
  local dated = false
  for k = 2, #pieces do
    if find(pieces[k], "%d%d%d%d") and st.dates:find(pieces[k], true) then dated = true; break end
  end
  if not dated then return nil end
  local name = first
  if name:upper() == name and rx_lower:find(name:lower()) then name = ucase.title(name, "\\s") end
  if st.meta.section_label(name) or st.meta.is_desk(name) or (not find(name, " ", 1, true) and st.meta.menu_word(name)) then return nil end
  if not written_twice(text, name, true) then return nil end
  return name
end

-- a copyright holder whose last word is one to three letters that the line goes on
-- with as a dotted abbreviation ("S" then ".r.l.", "S" then ".p.A."): the holder with
-- the whole form (a company word of en/clean_company_words.txt, taken off after)
local function dotted_form(holder, line)
  local last = holder:match("%s(%a%a?%a?)$")
  if not last then return holder end
  local _, e = find(line, holder, 1, true)
  local more = e and line:match("^%.%a%a?%a?%.[%a.]*", e + 1)
  return more and holder .. more or holder
end

-- a copyright holder cut before a registration label after its name ("NAME Reg. No
-- 0123", "NAME P.IVA 0123", "NAME VAT GB123"): the labels of
-- en/clean_outlet_registration_labels.txt (st.registration, a pattern of the stage);
-- nil when the label opens the holder
-- (read on the line from the holder on: the holder may end at the label's own dot,
-- "NAME Reg" of "NAME Reg. No 0123")
local function registration_cut(holder, line, st)
  -- (cheap test first: a space and a capital after it)
  if not (st.registration and find(holder, "%s%u")) then return holder end
  local h = find(line, holder, 1, true)
  local a = st.registration:find(h and line:sub(h, h + #holder + 40) or holder)
  if not a or a > #holder then return holder end
  if a == 1 then return nil end
  local cut = dp.text.trim(holder:sub(1, a - 1)):gsub("[%s,;:–—-]+$", "")
  return cut ~= "" and cut or nil
end

--- The page's first live block, or the second when the first is a menu: where a
-- masthead stands (nil on an empty page).
local function first_line(live)
  local b = live[1]
  if b and b.cue == "navigation" and live[2] then b = live[2] end
  return b
end
M.first_line = first_line

--- The outlet of the page: `outlet` (the one the dateline, byline or header gave, or
-- nil) checked and completed from the blocks. st is the stage's state (meta, dates,
-- company), live the page's live blocks, text the page, title_i the headline's index
-- in live (or nil), limit the body's first index, dl_outlet the dateline's agency (or
-- nil). Returns the outlet or nil.
function M.resolve(st, live, text, title_i, limit, outlet, dl_outlet)
  -- the masthead: the page's first line (after skip links), when it is a name: an
  -- outlet-like line, or one to four capitalised words
  -- (a text browser's dump opening on a feed link that names the site, "#Marlow County
  -- Extension RSS feed": that name, when a top line over the headline writes it alone)
  if not outlet and live[1] and title_i then
    local feed = st.meta.feed_name(live[1].text)
    if feed then
      for y = 2, math.min(12, title_i - 1) do
        if live[y].text == feed and not live[y].take then
          outlet = feed; live[y].role = live[y].role or "masthead"; break
        end
      end
    end
  end
  if not outlet then
    local b = live[1]
    -- a name between icons ("☰  NAME  🔍"), read as a menu row for its gaps
    local core = b and b.cue == "navigation" and b.li < (title_i or limit)
      and re.match(b.text, "^(?:[^\\p{L}\\p{N}\\s]+\\s+)+(\\p{L}.*?\\S)(?:\\s+[^\\p{L}\\p{N}\\s]+)+$")
    local name = core and outlet_line({ text = core, nw = #dp.text.words(core) }, st)
    if name then outlet = name; b.role = b.role or "masthead" end
    if not outlet and b and b.cue == "navigation" and live[2] then
      b = live[2]
      -- a menu of one item a line ("* Home" / "* News" / ...): the line after its items
      if live[1].bullet then
        local k = 2
        while b and b.bullet and b.group == live[1].group do k = k + 1; b = live[k] end
      end
    end
    -- (a language switch, "Cymraeg", "English | Français": the line after it)
    if not outlet and b and b.li <= 3 and live[b.li + 1] and st.meta.language_switch(b.text) then b = live[b.li + 1] end
    -- (a button's word of its own over the masthead, "Donate", "Subscribe": a menu word
    -- of en/clean_meta_menu_words.txt, the line after it)
    if not outlet and b and b.nw == 1 and b.li <= 3 and not b.cue and not b.bullet and live[b.li + 1]
      and st.meta.menu_word(b.text) then b = live[b.li + 1] end
    -- (not a site's banner or feed link, "Agency News (RSS)": docpipe.clean.meta site_banner)
    -- (a newsletter's own name, "Kellow Parish Newsletter", reads as a prompt's line: two
    -- to five capitalised words closing on a publication's kind are taken as a name)
    local named = not outlet and b and b.cue == "newsletter" and b.nw >= 2 and b.nw <= 5
      and PUB_KINDS[(b.text:match("(%a+)%s*$") or ""):lower()] and not find(b.text, "%s%l")
    if not outlet and b and not b.take and (not b.cue or named) and b.li < (title_i or limit) and b.li ~= title_i
      and not st.meta.site_banner(b.text) then
      name = outlet_line(b, st)
      -- a logo's image name before the name ("[Valley_logo.png] The Valley Chronicle")
      local logo = not name and find(b.text, "^%[") and re.match(b.text, "^\\[[^\\]]{1,80}\\]\\s+(\\p{L}.*)$")
      if logo then name = outlet_line({ text = logo, nw = #dp.text.words(logo) }, st) end
      -- (never one section word of a site's menu, "News": round 30)
      if not name and b.nw >= 1 and b.nw <= 4 and not b.sentence and not b.text:find("%d")
        and not (b.nw == 1 and st.meta.menu_word(b.text))
        and not st.meta.section_label(b.text) and re.find(b.text, "^\\p{Lu}[\\p{L}.'’&-]*(?:\\s+\\p{Lu}[\\p{L}.'’&-]*){0,3}$") then
        name = b.text
      end
      if name then outlet = name; b.role = b.role or "masthead" end
    end
    -- a masthead under other top lines, a cookie notice or a menu's rows ("This website
    -- uses cookies ..." / "ROCK EVENING POST"): the first line that is no cue, when it
    -- reads as an outlet (an outlet word or an acronym) and the page writes it again,
    -- in any case (a footer's address or copyright line; not a "Press Release" label);
    -- an opening-hours line ("Open today 9:30am – 5:00pm") is passed over, and a name of
    -- capitalised words in mixed case with no outlet word ("Hollin Bay Aquarium &
    -- Gardens", up to eight words with an acronym inside: "Elm Vale Hospitals NHS
    -- Foundation Trust") is taken too
    if not outlet then
      -- (a site's banner or feed link over the masthead is passed over: "An official
      -- website of the State of X", docpipe.clean.meta site_banner)
      local reach = 4
      for y = 1, math.min(6, #live) do if st.meta.site_banner(live[y].text) or skip_link(live[y]) then reach = reach + 1; live[y].banner = true end end
      for y = 1, math.min(reach, (title_i or limit) - 1) do
        local c = live[y]
        -- (and a cookie notice's heading, "Cookies on this site", over its notice; a notice
        -- too long for the cue, "NAME and our partners use cookies to ...": cookie_text)
        -- (and a top bar opening on the day's date: date_bar)
        if not c.cue and not c.banner and not (c.nw <= 12 and not c.sentence and st.dates:has_clock(c.text))
          and not (y <= 2 and date_bar(c, st))
          and not (c.nw <= 6 and st.meta.language_switch(c.text))
          and not (c.nw <= 6 and live[y + 1] and (live[y + 1].cue == "cookie" or cookie_text(live[y + 1])))
          and not cookie_text(c) then
          -- (a logo's image file name beside it left out: without_image)
          local ci = without_image(c)
          local name = not c.take and c.li ~= title_i and (outlet_line(c, st)
            or (ci.nw >= 2 and ci.nw <= 8 and not c.sentence and not c.bullet and not ci.text:find("%d")
              and not st.meta.section_label(ci.text) and not st.meta.is_desk(ci.text)
              and ci.text:find("%l") and re.find(ci.text, "^\\p{Lu}\\S*(?:\\s+(?:\\p{Lu}\\S*|&|of|the|and|for|on))*$") and ci.text))
          -- (or such a name in capitals holding an organisation's head word, "HOLLIN BAY
          -- ROWING & SAILING ASSOCIATION", title-cased, when the page writes it again in
          -- any case; not a section's label, "WORLD NEWS")
          local caps = not name and not c.take and c.li ~= title_i and c.nw >= 2 and c.nw <= 8 and not c.sentence
            and not c.bullet and not c.text:find("[%d%l]") and not st.meta.section_label(c.text)
            and not st.meta.is_desk(c.text) and re.find(c.text, "^\\p{Lu}\\S*(?:\\s+(?:\\p{Lu}\\S*|&))+$")
          -- (or with no such word, "LIMFJORD LOCAL", when the page writes the name twice
          -- in mixed case, "a member of Limfjord Local": a section's label is not)
          if caps then
            name = ucase.title(c.text, "\\s")
            if not st.meta.org_named(name) then
              local m = 0
              for _ in re.gmatch(text, "(?<![\\p{L}\\p{N}])" .. re.escape(name) .. "(?![\\p{L}\\p{N}])") do m = m + 1 end
              if m < 2 then name, caps = nil, nil end
            end
          end
          -- (a site's own banner naming it, "Official Website of Hollin Bay Rowing Club":
          -- the name, as written, once is enough; not a state's, "... of the State of X")
          local own = name and c.nw <= 10 and find(name, "^Official ") and rx_own_site:match(name)
          if own and not rx_state_name:find(own) then name = own else own = nil end
          local n = 0
          if name then
            for _ in re.gmatch(text, "(?<![\\p{L}\\p{N}])" .. re.escape(name) .. "(?![\\p{L}\\p{N}])", nil, "i") do n = n + 1 end
          end
          -- (or once, an organisation's name: "Office of the Attorney General of NAME")
          -- (or once, the page's first line right over the site's menu naming an
          -- organisation, "Eastern Calder State University Extension")
          if n >= 2 or (n == 1 and not caps and (own or st.meta.org_title(name)
            or (y == 1 and live[2] and live[2].cue == "navigation" and st.meta.org_named(name)))) then
            outlet = name; c.role = c.role or "masthead"
          end
          -- (or a name in capitals before a dash and a tagline in lower case, "CITY OF
          -- OOSTERVELDE – official website", written once: caps_tagline)
          if not outlet and not c.take and c.li ~= title_i then
            outlet = caps_tagline(c, st, text)
            if outlet then c.role = c.role or "masthead" end
          end
          break
        end
      end
    end
    -- (a site's own banner under other top lines: own_banner)
    if not outlet and title_i then
      local name, c = own_banner(live, title_i, text)
      if name then outlet = name; c.role = c.role or "masthead" end
    end
    if not outlet and title_i then
      local name, c = edition_masthead(st, live, title_i)
      if name then outlet = name; c.role = c.role or "masthead" end
    end
    -- (a dated masthead, "RIVERFORD MARATHON · SUNDAY 19.10.2025": dated_masthead)
    if not outlet then
      local c = first_line(live)
      local name = dated_masthead(c, st, text, title_i)
      if name then outlet = name; c.role = c.role or "masthead" end
    end
    -- a masthead the dump split over two lines ("Glenmoor" / "National Park" / "Idaho"
    -- over the park's menu): two lines of capitalised words, one under the other,
    -- whose joined name the page writes at least twice elsewhere (a dateline, the body)
    if not outlet and title_i then
      for y = 1, math.min(8, title_i - 2) do
        local c, d = live[y], live[y + 1]
        -- (a place and its region on the first line, "Corliss County, Ohio" / "Board of
        -- Elections": the name without the region, an organisation's name with "of")
        local ct = c.text
        local region = c.nw <= 4 and find(ct, ",", 1, true) and ct:match("^(%u[%a'’ -]-),%s+%u%a+%.?$")
        if region then ct = region end
        if c.nw <= (region and 4 or 3) and not c.take and not c.cue and not c.bullet and not find(ct, "[%d%p]")
          and second_line(c, d) then
          local name = ct .. " " .. d.text
          if (re.find(name, "^\\p{Lu}\\S*(?:\\s+\\p{Lu}\\S*)+$") or region and st.meta.org_title(d.text)) and st.meta.name_words(name)
            and not st.meta.section_label(name) and written_twice(text, name, true) then
            outlet = name; c.role = c.role or "masthead"; d.role = d.role or "masthead"; break
          end
        end
      end
    end
  end

  -- a masthead a logo sets over two lines ("Harlan Vale County" / "Public Health"):
  -- the line under it, up to three capitalised words, joins it when the page writes
  -- the joined name at least twice elsewhere (the body, the footer)
  if outlet and title_i then
    for y = 1, math.min(6, title_i - 2) do
      local c, d = live[y], live[y + 1]
      if c.role == "masthead" and c.text == outlet then
        if second_line(c, d) and re.find(d.text, "^\\p{Lu}\\S*(?:\\s+\\p{Lu}\\S*)*$") then
          local name = outlet .. " " .. d.text
          if written_twice(text, name) then outlet = name; d.role = d.role or "masthead" end
        end
        break
      end
    end
  end

  -- (a logo's second line holding the rest of the name before a tagline after a dash:
  -- tagline_second_line)
  if outlet and title_i then outlet = tagline_second_line(outlet, live, text, st) or outlet end

  -- a masthead naming a place or a service ("Port Arden International Airport") whose
  -- footer copyright holder is that name with an organisation's head word after it
  -- ("© Port Arden International Airport Authority 2025"): that organisation
  -- (docpipe.clean.meta org_extension)
  if outlet then
    local mast = false
    for y = 1, math.min(#live, 6) do if live[y].role == "masthead" then mast = true; break end end
    if mast then
      for x = #live, math.max(1, #live - 20), -1 do
        local b = live[x]
        if b.cue == "legal" and find(b.text, outlet, 1, true) then
          outlet = st.meta.org_extension(outlet, b.text) or outlet
          break
        end
      end
    end
  end
  -- outlet from a copyright line when the page names it nowhere else
  if not outlet then
    -- the last copyright notice of the page (the footer's), "© 2019 Name."
    for x = #live, 1, -1 do
      local b = live[x]
      -- (or the page's last block, a footer of fields set apart by bars read as a menu,
      -- closing on its copyright sign: "NAME AS | Street 4 | Tel. ... © NAME 2024")
      if b.cue == "legal" or (x == #live and b.cue == "navigation" and find(b.text, "©", 1, true)) then
        local holder = re.match(b.text, "(?:©|\\(c\\)|copyright)\\s*(?:\\d{4}\\s*)?(?:-\\s*\\d{4}\\s*)?(?!all\\s+rights\\b|(?:notices?|policy|policies|information|info|statement|terms)\\b)([\\p{Lu}][\\p{L}\\p{N}&.'’ -]{1,40}?)(?:[.,|]|\\s+[·•]\\s|\\s+(?:—|–|--?)\\s|\\s*\\((?:Pty|Pvt|Private|Proprietary)\\)|\\s+\\((?=\\p{Lu}[^)]*\\)\\s*$)|\\s+(?:All|Ltd|Inc|LLC|plc|Limited|Media|Group|Company|\\d{4})\\b|$)", nil, "i")
        -- (the holder ends at a comma, a full stop, a bar or a spaced middle dot: "© 2025
        -- NAME · Registered charity no. 1099999"; or at its name in another language in
        -- brackets closing the line, "© 2024 NAME (NAME in Polish)": round 30)
        -- (or at a spaced dash before a registration tail, "© 2025 NAME — P.IVA 0123";
        -- a registration label after the name, "NAME Reg. No 0123", "NAME VAT 0123",
        -- ends it too: en/clean_outlet_registration_labels.txt, registration_cut)
        if holder then holder = registration_cut(holder, b.text, st) end
        -- (a link label, "Copyright Notices", is no holder; nor a site vendor's credit,
        -- "Government Websites by X", "Powered by X", "Site by X")
        if holder and rx_vendor:find(holder) then holder = nil end
        -- (a domain-shaped name, "© 2026 BizRadar.vd.", as the page writes it again: the
        -- holder with its domain, not cut at its dot)
        -- (a holder cut at the first dot of a company's dotted legal form, "Sardinian
        -- Courier S" of "Sardinian Courier S.r.l.": the form is taken whole, then off)
        if holder then holder = dotted_form(holder, b.text) end
        if holder then
          local a, e = find(b.text, holder .. ".", 1, true)
          local tld = a and b.text:match("^%l%l%l?%l?%l?%l?%f[^%w]", e + 1)
          if tld and written_twice(text, holder .. "." .. tld) then holder = holder .. "." .. tld end
        end
        if holder then
          -- (not cut before a generic word after its modifier: "WHSU Student" of
          -- "WHSU Student Media")
          outlet = st.meta.undangle(dp.text.trim(holder), b.text, text)
          outlet = st.meta.numbered(outlet, b.text, text)
          -- a company's name, "Valley Chronicle Newspapers": the publication's name
          -- without the company word when the page also names it so elsewhere
          -- (and a company's legal forms, "Baltic Harbour News OÜ", "Kota Herald Sdn Bhd",
          -- each written with a capital)
          local short = outlet
          while true do
            local s2, last = short:match("^(.-%S)[%s,]+(%S+)$")
            -- (or a dotted form in lower case, as Czech and Slovak companies write
            -- theirs: "NAME s.r.o.")
            if not (s2 and st.company:find(last) and (re.find(last, "^\\p{Lu}") or find(last, "^%l+%.%l+%."))) then break end
            short = s2
          end
          if short ~= outlet and short:find("%s") then
            local n = 0
            for y = 1, #live do
              -- (in any case: a masthead in capitals, "THE COASTAL MIRROR", names it)
              local t = live[y].text:lower()
              if y ~= x and t:find(short:lower(), 1, true) and not t:find(outlet:lower(), 1, true) then n = n + 1 end
            end
            if n > 0 then outlet = short end
          end
          -- a short holder ("Brackwater" of "© 2026 Brackwater Media Ltd.") that a name
          -- line above the headline writes in full, the page writing it twice or more
          local names = {}
          for y = 1, math.min(#live, 12) do
            if title_i and y >= title_i then break end
            -- (or a name of capitalised words, "Harrow County Elections", a department's
            -- masthead over a release: docpipe.clean.meta name_words)
            local c = live[y]
            names[#names + 1] = outlet_line(c, st) or (c.nw >= 2 and c.nw <= 6 and not c.sentence
              and not c.take and st.meta.name_words(c.text) and c.text) or tagline_name(c, st) or nil
          end
          -- (a holder cut before its company's words, "Meridian" of "Meridian Media Group
          -- Ltd.", is no town: the masthead holding it once is enough)
          local company = re.find(b.text, "(?<![\\p{L}\\p{N}])" .. re.escape(outlet) .. "\\s+(?:Media|Group|Company|Ltd|Inc|LLC|plc|Limited)\\b") ~= nil
          outlet = st.meta.fuller_outlet(outlet, names, text, company)
          break
        end
      end
    end
  end

  -- a masthead written as a bare domain name over the headline ("alpinfo.ch"), when
  -- the page names its outlet nowhere else (not under a contact block's e-mail or phone)
  if not outlet then
    for y = 1, math.min(6, (title_i or limit) - 1) do
      local c = live[y]
      if not c or c.take or c.li == title_i then break end
      local dn = st.meta.domain_name(c.text)
      if dn then
        local pv = live[y - 1]
        if not (pv and re.find(pv.text, "@|\\d{3}[\\s.-]\\d{3,4}|\\bcontact\\b", nil, "i")) then
          outlet = dn; c.role = c.role or "masthead"
        end
        break
      end
    end
  end

  if not outlet then outlet = logo_file_name(live, text) end

  -- a release's issuing office under its headline, "From: Wescott County Sheriff's
  -- Office", when nothing else names the outlet: an office's name of capitalised words
  -- that the page writes again
  if not outlet and title_i then
    for y = title_i + 1, math.min(#live, title_i + 4) do
      local c = live[y]
      if c.take then break end
      -- (cheap test first: "From:" opens the line)
      local name = c.nw <= 10 and find(c.text, "^%s*From:") and dp.text.trim(c.text:match("^%s*From:%s*(.-)%s*$"))
      if name and #name > 3 and rx_office_name:find(name) then
        local n = 0
        for x = 1, #live do
          if x ~= y and find(live[x].text, name, 1, true) then n = n + 1 end
        end
        if n > 0 then outlet = name end
        break
      end
    end
  end

  -- "Gazette" of "Special to the Gazette" under a "The Marlow Valley Gazette" masthead:
  -- a byline's short form of the masthead's name is that name
  if outlet and not outlet:find("%s") then
    local b = first_line(live)
    local name = b and not b.take and b.li ~= title_i and fuller_line(b, st, outlet)
    if name then outlet = name
    elseif title_i then
      -- (or a line of its own right over the headline, past cues: "Nanpohn Weekly
      -- Bulletin" under a council's menu, over the story "By Bulletin Staff")
      for y = title_i - 1, math.max(1, title_i - 3), -1 do
        local c = live[y]
        if not c.cue then
          name = not c.take and c.nw <= 5 and find(c.text, outlet, 1, true) and fuller_line(c, st, outlet)
          if name then outlet = name; c.role = c.role or "masthead" end
          break
        end
      end
      -- (or a masthead higher up, past a menu and a weather box: top_fuller)
      if not find(outlet, "%s") then
        local c
        name, c = top_fuller(st, live, title_i, text, outlet)
        if name then outlet = name; c.role = c.role or "masthead" end
      end
    end
  end

  -- (a byline's short form of two words or more, "Bench Report" of "By Bench Report
  -- Staff", under the masthead "Capitol Bench Report": the masthead's name)
  if outlet and find(outlet, " ", 1, true) then
    local b = first_line(live)
    local name = b and not b.take and b.li ~= title_i and b.nw <= 5 and #b.text > #outlet and fuller_line(b, st, outlet)
    -- (not an article alone before it, "THE NAME" over a dateline's "(NAME)" or a
    -- byline's ", NAME": the name as the dateline or byline writes it)
    if name and not (#name == #outlet + 4 and find(name, "^[Tt][Hh][Ee] ")) then outlet = name end
  end
  if outlet and title_i and find(outlet, " ", 1, true) then
    local c = role_cut_outlet(st, live, title_i, text, outlet)
    if c then outlet = c.text; c.role = c.role or "masthead" end
  end

  -- "Northern Chronicle" in a dateline, "The Northern Chronicle" in the footer (or as a
  -- line of its own, a masthead among the menu; or in a byline in capitals, "REPORTER
  -- FOR THE DAILY FLARE"): the full name
  if outlet and not outlet:find("^The ") then
    local full, caps = "The " .. outlet, "THE " .. ucase.upper(outlet)
    for x = #live, 1, -1 do
      local b = live[x]
      -- (a dateline's agency is the name as the dateline writes it, "(Paulista Brief)",
      -- though the footer's copyright line and the masthead in capitals spell it with
      -- "The": only a line of its own in mixed case, a wire's credit, adds it)
      -- (not when the copyright sign names the holder without it, "The NAME is a
      -- reader-supported newsletter. © 2024 NAME LLC")
      if (b.cue == "legal" and outlet ~= dl_outlet and re.find(b.text, "(?:©|\\(c\\)|copyright)", nil, "i") and b.text:find(full, 1, true)
        and not re.find(b.text, "(?:©|\\(c\\)|copyright)\\s*(?:\\d{4}\\s*)?" .. re.escape(outlet), nil, "i"))
        or b.text == full or (b.text == caps and outlet ~= dl_outlet)
        or (b.byline and b.text:find(caps, 1, true) and not rx_lower:find((b.text:gsub("^%S+", "")))) then
        outlet = full
        break
      end
    end
  end

  -- a state's name ("State of Wescona", "Kingdom of Veleka", "Government of Kesaria")
  -- over the issuing office's own line in the header ("KESARIA INFORMATION BUREAU",
  -- "Wescona Department of Parks and Recreation": capitalised words holding a head word
  -- of en/clean_meta_org_heads.txt, within two lines under it and above the menu): the
  -- office issued the page; so did the office's name opening the page when the state's
  -- name is only the footer's copyright holder
  if outlet and title_i and rx_state_name:find(outlet) then
    -- an office's name: two to nw_max words, no sentence, no bullet, capitalised words
    -- holding an organisation's head word; it becomes the outlet (title-cased when the
    -- page sets it in capitals) and its line the masthead
    local function office(c, nw_max)
      return c.nw >= 2 and c.nw <= nw_max and not c.sentence and not c.bullet
        and rx_office_name:find(c.text) and st.meta.org_named(c.text)
    end
    local function take_office(c)
      outlet = c.text:upper() == c.text and ucase.title(c.text, "\\s") or c.text
      c.role = c.role or "masthead"
    end
    local named, state = false, outlet
    for y = 1, math.min(title_i - 1, 8) do
      if live[y].text:find(outlet, 1, true) then
        named = true
        for z = y + 1, math.min(y + 2, title_i - 1) do
          local c = live[z]
          if c.cue == "navigation" or c.take then break end
          if office(c, 8) and not c.text:find(outlet, 1, true) then
            take_office(c)
            break
          end
        end
        break
      end
    end
    -- (the state's name in the footer's copyright only, "(c) 2026 State of Kessock":
    -- the office's name opening the page, "KESSOCK STATE BOARD OF VETERINARY MEDICAL
    -- EXAMINERS", that the page writes again in any case, the body or the footer; so
    -- when the header names the state only in a banner with no office under it, "An
    -- official website of the State of Nebraska", and the opening office's name is the
    -- state's place and a name the page writes twice: state_office)
    if not named or outlet == state then
      for y = 1, math.min(title_i - 1, 3) do
        local c = live[y]
        if not c.cue and not c.take then
          if office(c, 10) and (written_twice(text, c.text, true) or state_office(c.text, state, text)) then take_office(c) end
          break
        end
      end
    end
  end
  -- no outlet yet, and a section's label over the headline names an office's news,
  -- "Police Department News": the office's full name that the page writes, capitalised
  -- words before it ("The Marlow Heights Police Department arrested ...")
  -- (or that label read as the outlet)
  if title_i then
    for y = math.max(1, title_i - 4), title_i - 1 do
      local b = live[y]
      local office = (not outlet or outlet == b.text) and b.nw >= 2 and b.nw <= 5 and not b.take and re.match(b.text, "^(\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+){0,2})\\s+(?:News|Updates|Releases|News Releases)$")
      if office and st.meta.org_named(office:match("(%a+)$")) then
        local full = re.match(text, "(?<![\\p{L}\\p{N}])((?:\\p{Lu}[\\p{L}'’-]* ){1,4}" .. re.escape(office) .. ")(?![\\p{L}\\p{N}])")
        if full then
          full = re.gsub(full, "^(?:The|A|An)\\s+", "")
          if full ~= office then outlet = full end
        end
        break
      end
    end
  end
  -- a publication's tagline, "The research magazine of Prairie Hollow State", "Official
  -- newspaper of the Conference since 1954", among the top lines: the name on the line
  -- over it (its first piece before a dash or a bar, "Te Kupu – The True Word") is the
  -- outlet, the publication under its publisher's masthead (also over a motto,
  -- "Serving the Vale since 1871", when that line reads as an outlet: rx_tagline_motto)
  if title_i then
    for y = 2, math.min(title_i - 1, 6) do
      local t = live[y].text
      -- (a motto gives way to a dateline's agency, "(CMC) –", and to an outlet the
      -- header names, a byline's "Reuters": only a footer's publisher is replaced)
      local motto = live[y].nw <= 12 and not (outlet and outlet == dl_outlet) and (find(t, "%d%d%d%d") or find(t, "^[SsCc]"))
        and not (find(t, " of ", 1, true) and rx_tagline_pub:find(t)) and rx_tagline_motto:find(t)
      if motto and outlet then
        -- (the masthead's own line is no other mention: "Cymdeithas Aredig Cwm Llwyd"
        -- over "Cwm Llwyd Ploughing Society" / "Est. 1951", a name in two languages)
        for z = 1, math.min(limit - 1, #live) do
          if live[z].role ~= "masthead" and live[z].text:find(outlet, 1, true) then motto = false; break end
        end
      end
      if live[y].nw <= 12 and (motto or (find(t, " of ", 1, true) and rx_tagline_pub:find(t))) then
        local up = live[y - 1]
        -- (over a founding year, "Est. 1963", an organisation's name the page writes
        -- again does too: "Cwm Eithin Sheepdog Trials Society", a head word of
        -- en/clean_meta_org_heads.txt)
        local name = up and not up.cue and not up.sentence and up.nw <= 8
          and (not motto or outlet_line(up, st) or (find(t, "^[Ee]st") and st.meta.org_named(up.text) and written_twice(text, up.text)))
          and rx_outlet_split:split(up.text)[1]
        if name and name ~= "" and re.find(name, "^\\p{Lu}") and #dp.text.words(name) <= 5 then
          outlet = name; up.role = up.role or "masthead"
        end
        break
      end
    end
  end
  -- a publication under its publisher's masthead, named with its kind after a dash
  -- ("Koorabin Courier – Community Newsletter") or over its issue's number ("Issue 412
  -- · December 2025"), among the lines over the headline: its own name (an outlet's
  -- line) beats its publisher's ("Shire of Koorabin")
  if outlet and title_i and outlet ~= dl_outlet then
    for y = 2, math.min(title_i - 1, 8) do
      local c, nx = live[y], live[y + 1]
      -- (a newsletter's name may read as a prompt to subscribe: its cue is passed over)
      -- (cheap tests first: the line closes on a publication's kind, or the next line
      -- opens on an issue's word)
      local last = c.nw <= 8 and c.text:match("(%a+)%s*$")
      local kind = last and PUB_KINDS[last:lower()]
      local issue = last and nx and nx.nw <= 8 and find(nx.text, "^[IiNnVv]") and re.find(nx.text, "^(?i:issue|no\\.|vol\\.?|volume)\\s*\\d")
      -- (not a tagline right under the masthead, "Ghana's Business Newspaper")
      if (kind or issue) and not c.take and (not c.cue or c.cue == "newsletter") and not c.sentence
        and live[y - 1].role ~= "masthead" and not find(c.text, "['’]s%s") and not find(c.text, outlet, 1, true) then
        local pieces = rx_outlet_split:split(c.text)
        local first = dp.text.trim(pieces[1] or "")
        local name
        if kind and pieces[2] then
          -- (its kind after the dash: the name before it, capitalised words, "Wenmouth Clarion")
          name = re.find(first, "^\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){1,3}$") and first
        elseif kind or issue then
          name = outlet_line(c.nw <= 5 and c or { text = first, nw = #dp.text.words(first) }, st)
          if name and not st.meta.outlet_like(name, true) then name = nil end
        end
        -- (a name sharing a word of four letters or more with the publisher's: the
        -- shire's, the state's own publication, not a section's "Weekly Bulletin")
        local shared = false
        if name then
          for w in name:gmatch("%u[%a'’-][%a'’-][%a'’-]+") do
            if re.find(outlet, "(?<![\\p{L}])" .. re.escape(w) .. "(?![\\p{L}])") then shared = true; break end
          end
        end
        if shared and name == first then
          outlet = name; c.role = c.role or "masthead"; break
        end
      end
    end
  end
  -- a publication's name right over its tagline naming the publisher, "Mallory Creek
  -- Courier" / "News from the Township of Mallory Creek" (rx_news_from): the publication
  -- (a line of its own holding an outlet word) beats its publisher
  if outlet and title_i and outlet ~= dl_outlet then
    for y = 1, math.min(title_i - 2, 8) do
      local c, nx = live[y], live[y + 1]
      -- (cheap tests first: a short line under a short line holding the publisher)
      if nx.nw <= 12 and c.nw <= 5 and not c.take and not c.cue and nx.first == c.last + 1
        and find(nx.text, outlet, 1, true) and rx_news_from:find(nx.text) then
        local name = outlet_line(c, st)
        if name and name ~= outlet and st.meta.outlet_like(name, true) then outlet = name; c.role = c.role or "masthead" end
        break
      end
    end
  end
  -- a footer naming the publication and its publisher, "Te Kupu is published by the
  -- Conference Communications Office": the publication is the outlet when it opens a
  -- line over the headline too (the masthead under its publisher's name)
  -- (the lines under the body only: from the page's end up to the last kept paragraph)
  -- (a needle opening on a rare letter: a plain search stops at each of its first byte)
  if title_i and find(text, "ublished by ", 1, true) then
    for x = #live, limit, -1 do
      if live[x].take then break end
      local t = live[x].text
      local name = find(t, " is published by ", 1, true) and re.match(t, "^((?:The\\s+)?\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,4})\\s+is\\s+published\\s+by\\s")
      if name then
        for y = 1, title_i - 1 do
          local h = live[y].text
          if h:sub(1, #name) == name and (#h == #name or find(h, "^[%s,:|–—-]", #name + 1)) then
            outlet = name; live[y].role = live[y].role or "masthead"; break
          end
        end
        break
      end
    end
  end
  -- a masthead in capitals ("MERIDIAN") that the page writes in mixed case elsewhere
  -- ("Her last piece for Meridian") is that name; an acronym ("KVRN") stays
  if outlet and #outlet >= 4 and not rx_lower:find(outlet) then
    local mixed = ucase.title(outlet, "\\s-")
    -- (or as the page writes it in mixed case with other capitals, "© The Bras d'Or
    -- Courier" under "THE BRAS D'OR COURIER": the first such writing)
    if mixed == outlet or not re.find(text, "(?<!\\p{L})" .. re.escape(mixed) .. "(?!\\p{L})") then
      local pat, at = "(?<!\\p{L})" .. re.escape(outlet) .. "(?!\\p{L})", 1
      while true do
        local a, b = re.find(text, pat, at, "i")
        if not a then break end
        local w = text:sub(a, b)
        -- (a name's writing: its words capitalised but for short joiners and particles,
        -- "d'Or"; not a sentence's "at the times when")
        local named = rx_lower:find(w) and re.find(w, "^\\p{Lu}")
        for word in w:gmatch("%S+") do
          if named and #word >= 4 and not find(word, "^[dlDL]['’]") and re.find(word, "^\\p{Ll}") then named = false end
        end
        if named then mixed = w; break end
        at = b + 1
      end
    end
    if mixed ~= outlet and re.find(text, "(?<!\\p{L})" .. re.escape(mixed) .. "(?!\\p{L})") then outlet = mixed
    -- (else a publication's name in capitals, "THE HARBOUR STAR": title-cased, its
    -- acronyms kept; docpipe.clean.meta caps_masthead)
    else
      -- (a masthead line's only, not a byline's outlet written in capitals)
      for y = 1, math.min(6, #live) do
        -- (over a publication's tagline, "The member newsletter of ...": a name with no
        -- outlet word is a publication's too)
        if live[y].role == "masthead" and live[y].text == outlet then outlet = st.meta.caps_masthead(outlet, text, pub_tagline(live[y + 1])) or outlet; break end
      end
    end
  end
  -- the masthead as it is written: the outlet read elsewhere (the footer's copyright,
  -- "Moravian Church Eastern Isles Province") is a top line over the headline with a
  -- dash between its words ("Moravian Church – Eastern Isles Province")
  if outlet and title_i and not find(outlet, "[–—-]") then
    for y = 1, math.min(3, title_i - 1) do
      local t = live[y].text
      if #t <= #outlet + 8 and (find(t, " – ", 1, true) or find(t, " — ", 1, true) or find(t, " - ", 1, true))
        and re.gsub(t, "\\s+[–—-]\\s+", " ") == outlet then
        outlet = t; live[y].role = live[y].role or "masthead"; break
      end
    end
  end
  -- a station's call sign before its name, "RFL Radio Falemua" (two to five capitals,
  -- then a name opening or closing on an outlet word): the name, when the page writes
  -- it without the call sign too ("told Radio Falemua", "© 2025 Radio Falemua")
  if outlet and find(outlet, "^%u%u+ %u") then
    local name = re.match(outlet, "^\\p{Lu}{2,5}\\s+(\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}[\\p{L}'’-]*){1,3})$")
    if name and st.meta.outlet_like(name, true) then
      -- (the name with no capitals of a call sign right before it)
      local rx = re.compile("(?<!\\p{Lu}\\s)(?<![\\p{L}\\p{N}])" .. re.escape(name) .. "(?![\\p{L}\\p{N}])")
      if rx:find(text) then outlet = name end
    end
  end
  -- (a masthead in two languages, the page's own under the other: bilingual_name)
  if outlet and has_spaced_slash(text) then outlet = bilingual_name(outlet, live, text, st) or outlet end
  -- (or written once over its translation, which the footer writes: translated_name)
  if outlet and live[1] and find(outlet, " ", 1, true) then outlet = translated_name(outlet, live, text, st) or outlet end
  -- ("Wellbridge Hall Of Science" title-cased from capitals: the page's casing, "of")
  if outlet then outlet = st.meta.outlet_case(outlet, text) end

  -- a byline's outlet opening on the acronym of the name on the page's first line, "TAIC
  -- Forecast" of "By TAIC Forecast Staff" under "Tenmile Avalanche Information Center"
  -- (no outlet word after it): a team of the organisation the masthead names, which is
  -- the outlet when the page writes that name twice (the masthead, the footer's
  -- copyright)
  if outlet and outlet ~= dl_outlet and find(outlet, "^%u%u+ %u") then
    local acr, rest = outlet:match("^(%u%u+) (.+)$")
    local b = first_line(live)
    if acr and #acr <= 6 and b and not b.take and b.li ~= title_i and b.nw >= 2 and b.nw <= 8 and not st.meta.outlet_like(rest, true) then
      local full = st.meta.acronym_expansion(acr, { b.text })
      if full ~= acr and (full == b.text or "The " .. full == b.text) and written_twice(text, full) then
        outlet = full; b.role = b.role or "masthead"
      end
    end
  end
  -- an acronym logo ("VCF") over the name it stands for, written at the start of a
  -- line outside the body ("Veldonian Chess Federation" under it, in the footer): that name
  -- (a dateline's agency stays as the dateline writes it, "DOVER, Del. (TP) —")
  if outlet and outlet ~= dl_outlet and #outlet <= 6 and not rx_lower:find(outlet) then
    local lines = {}
    for _, b in ipairs(live) do if not b.take and b.li ~= title_i then lines[#lines + 1] = b.text end end
    outlet = st.meta.acronym_expansion(outlet, lines)
  end
  return outlet
end

return M
