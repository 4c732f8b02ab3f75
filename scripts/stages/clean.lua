--- clean: boilerplate removal and article metadata for a news page saved as text.
--
-- Input: doc.text, a page as text (navigation, title, byline, timestamps, captions,
-- highlights, dateline, body, related links, teasers, footers), either one paragraph
-- per line or hard-wrapped (`lynx -dump`). Output on the doc: title, authors, outlet,
-- date (ISO 8601), dateline, highlights, contributors, paragraphs, text (the body,
-- paragraphs joined by one blank line), meta.removed (a list of {text, reason} for
-- every block that did not go into the body) and meta.normalized (what the text
-- normalisation changed, by kind).
--
-- Method, after jusText (Pomikálek 2011, "Removing Boilerplate and Duplicate Content
-- from Web Corpora") and Boilerpipe (Kohlschütter et al. 2010, "Boilerplate Detection
-- using Shallow Text Features"), with the main-text window of BTE (Finn et al. 2001,
-- "Fact or fiction: Content classification for digital libraries"):
--  0. normalise the text (docpipe.clean.normalize: line ends, control characters, HTML
--     entities, mojibake, NFC, lynx link numbers), each step an option;
--  1. split the page into blocks (docpipe.clean.blocks: unwrap hard-wrapped lines, keep
--     indentation, bullets and blank-line groups; a contributor sentence wrapped over two
--     lines that the unwrapper left apart is joined; a byline label on its own line,
--     "Author of the article:", is joined to the name under it), tokenise each block once and cut
--     captions printed twice (a headline printed twice just above a byline or timestamp
--     keeps its second copy);
--  2. give every block evidence (docpipe.clean.evidence): words, characters, stopword
--     density, sentence-final punctuation, bullet, all-capitals label, boilerplate cue
--     (en/clean_boilerplate.txt; a prompt to the reader, docpipe.clean.prompts: a
--     newsletter box, its consent line), end-of-article marker (en/clean_end_markers.txt),
--     timestamp or relative-time line (docpipe.clean.dates), byline, role line and
--     contributor line (docpipe.clean.meta); then the jusText class: short
--     (< length_low characters), good (density >= stopwords_high and >= length_high
--     characters), near-good (density >= stopwords_low), bad;
--  3. choose the main text as the window of blocks with the largest total score, BTE's
--     maximum-sum window over jusText classes (timestamp lines, bylines, contributor
--     lines and copyright lines are barriers);
--  4. inside the window (docpipe.clean.body), smooth with the neighbours as jusText
--     does (subheads between paragraphs stay, all-capitals ones too; lists introduced
--     by a sentence ending in ':' stay; runs of headline-like lines are related links;
--     the copy after an advertisement label goes; a block repeating the words of a
--     longer paragraph is a pull quote and goes, with its "— NAME" line; a writer's note
--     closing the body goes, docpipe.clean.bio, with the author box's lone name line
--     above it and its role line, or a line that is only a byline author's name, or
--     a byline author's "NAME, ROLE" sign-off, closing the body, or a bio line opening
--     with the writer's role under such a name line, docpipe.clean.bio role_note; a
--     paragraph of speech opened by a dialogue dash keeps the dash the blocks took off
--     as a bullet, docpipe.clean.dialogue);
--  5. metadata from the part before the body: the header is the run of byline, timestamp,
--     relative-time, role, name-only byline, outlet and picture-credit ("Photographs by",
--     en/clean_credit_lines.txt) lines just above the body (relative times that also stand
--     inside the body are a live blog's entry times and do not anchor it), or a stacked
--     byline (one name a line, each perhaps with its role line) just above the body when
--     the header stands above the headline; the title the headline-shaped block above it
--     (the upper of a headline and a longer standfirst in one group or across a blank
--     line; in a hard-wrapped dump, the nearest heading set at the left margin; below the
--     header when the page puts its date above the headline, or when a menu stands
--     between the header and the block above it: a blog's tagline; not a caption right
--     above a picture credit, not the masthead over the headline; a headline the dumper
--     wrapped past the body's column, filling it and ending no sentence, takes the short
--     lower-case line right under it), the date the header's first
--     absolute timestamp (a relative one is skipped; a published one wins over an updated
--     one, in either order; else a short line between headline and body that holds a
--     date among other words, or a line of timestamps there; a byline's month and day
--     with no year, dated by the year the page writes beside them when unambiguous; a date with its time and zone on the line under it,
--     "9:05 AM MYT", read together; when the header gives an updated or a relative time
--     only, or none, a "First published" / "First uploaded on" line elsewhere on the
--     page, or a footer line made only of timestamps, "Published: ... | Last updated:
--     ..."; or, when the header gives none or an updated one, a line of fields set apart
--     by bars with a labelled publication date in one of them, above or under the body,
--     "Media release | Date of publication: 3 February 2026 | Reference: ...", none when
--     two such lines disagree; field lines, "Category: Local News" (en/clean_meta_fields.txt), belong to
--     the header and name no outlet; a byline's weak outlet that is an item of the
--     page's menu, "Esports" of "Esports Editor", is a section), the highlights the bullets between title and body (or the lines under a
--     "Key points:" heading; a bullet with no stopword among highlights too; lines marked
--     "> " or "-> " in a list or under the heading, without the marker); the
--     authors, when the header names none, from a byline between headline and body (a
--     picture or a sponsor's line may part it from the header), else right under the body ("Posted
--     by NAME at 2:05 PM") or a sign-off there ("— NAME, Ledger correspondent"); the
--     dateline opens the first paragraph; contributors come from
--     contributor lines; the outlet from the dateline, else the byline or header, else
--     (docpipe.clean.outlet) the masthead (the page's first line when it is a name, a language switch above it,
--     "Cymraeg", passed over; a widget's readings, "Wind: SW 58mph", are no headline; a
--     masthead naming a place whose copyright holder adds an organisation's head word,
--     "© Port Arden International Airport Authority", is that organisation; or a broadcaster's call sign
--     and frequency, "KQRV 88.3 FM | College Radio" -> "KQRV", after a menu of one item a
--     line or a logo's image name
--     "[logo.png]"; a line with lower-case words other than joiners, or opening with a
--     question word, "Why you can trust XYZ", is a badge and no name), else the footer's
--     copyright line (the holder without a company word of en/clean_company_words.txt,
--     "Valley Chronicle Newspapers Ltd" -> "Valley Chronicle", and without a company's
--     legal forms, "OÜ", "GmbH", "Sdn Bhd", when the page names the shorter name
--     elsewhere; a holder cut before a generic word after its modifier, "WHSU Student"
--     of "WHSU Student Media", is the name before the modifier when the page writes it
--     elsewhere, else the full name; a desk line, "Web Desk", is never the outlet) (a byline's short form of the masthead's name, "Special to the Gazette", is
--     the masthead's name; a one-word outlet between bars, "NAME | Kestrapur | Updated",
--     must be named above the byline or in a copyright line); a byline name that is the masthead or the copyright holder is the outlet, not
--     an author, and so is one giving the dateline's agency in full ("By Tanjung Press"
--     over "(Tanjung) --", the page writing it twice); a staff byline, "Staff Report", is
--     no masthead; a masthead split over two lines is joined when the page writes the
--     joined name twice; a name in capitals is written as the page writes it elsewhere;
--     a publication named over its tagline, "The research magazine of ...", or by a
--     footer, "NAME is published by ...", is the outlet under its publisher's masthead;
--     an issuing office's line under a state's name, "State of X" over "X Department of
--     Parks", is the outlet; an office's news label, "Police Department News", gives
--     the office's full name the page writes. Dates: a published time wrapped before its
--     meridiem and zone ("6:05" / "AM ChST") is joined, and when the header gives only a
--     relative time a full timestamp just under the body dates the page; the site's own
--     "Posted by OUTLET" yields to the writer's byline under it; a section's label in
--     title case over a headline in sentence case closing on no stop is no headline.
-- Evaluation: tests/clean_eval.lua (shingle F1 on real dumps, field-by-field gold on
-- the seed, examples/ and tests/fixtures/clean/, retention on already-clean text, CPU
-- time per page).
-- Options: drop / keep (PCRE2 patterns for blocks to drop or keep), language, the
-- jusText thresholds, numeric_dates (auto, dmy, mdy), the normalisation steps
-- (entities, mojibake, controls, nfc), explain (every block's evidence in
-- meta.clean_blocks). Units: byte offsets are 1-based inclusive (none are output here:
-- paragraphs and text are strings).

local dp = require "docpipe"
local normalize = require "docpipe.clean.normalize"
local blocks_mod = require "docpipe.clean.blocks"
local dates_mod = require "docpipe.clean.dates"
local meta_mod = require "docpipe.clean.meta"
local ev = require "docpipe.clean.evidence"
local body_mod = require "docpipe.clean.body"
local prompts_mod = require "docpipe.clean.prompts"
local widgets_mod = require "docpipe.clean.widgets"
local factbox_mod = require "docpipe.clean.factbox"
local bio_mod = require "docpipe.clean.bio"
local dialogue_mod = require "docpipe.clean.dialogue"
local outlet_mod = require "docpipe.clean.outlet"

local re = dp.re
local concat = table.concat
local NEG = ev.NEG
local score = ev.score
local headline_shaped = ev.headline_shaped
-- (a headline may open on a sum, "$94m to rebuild the market", where
-- evidence.headline_shaped wants a capital or a digit: the sign is read past)
local function title_shaped(b)
  if headline_shaped(b) then return true end
  local c = b.text:byte(1)
  if c ~= 36 and c ~= 0xC2 and c ~= 0xE2 then return false end
  local rest = re.match(b.text, "^(?:\\$|£|€)(\\d.*)$")
  return rest ~= nil and headline_shaped(setmetatable({ text = rest }, { __index = b }))
end

local function compile_user(list, what)
  local out = {}
  for _, p in ipairs(list or {}) do
    local ok, rx = pcall(re.compile, p)
    if not ok then error(("clean: bad %s pattern %q: %s"):format(what, p, tostring(rx)), 0) end
    -- (a pattern that matches the empty string, "" or "x*", matches every block: a
    -- slip, never a rule; one that needs some text, "^$" included, is taken)
    local s, e = rx:find("\1")
    if s and e < s then
      error(("clean: %s pattern %q matches the empty string, so it would match every block: give one that needs some text"):format(what, p), 0)
    end
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
  length_low = { type = "integer", default = 70, min = 0, doc = "blocks shorter than this (characters) are short (jusText)" },
  length_high = { type = "integer", default = 200, min = 0, doc = "good blocks are at least this long (characters)" },
  stopwords_low = { type = "number", default = 0.30, min = 0, max = 1, doc = "near-good blocks have at least this stopword density" },
  stopwords_high = { type = "number", default = 0.32, min = 0, max = 1, doc = "good blocks have at least this stopword density" },
  cue_max_words = { type = "integer", default = 30, min = 1, doc = "boilerplate cues only count on blocks up to this many words" },
  explain = { type = "boolean", default = false, doc = "also list every block with its evidence in meta.clean_blocks" },
  media_blurbs = { type = "list", default = {}, doc = "extra PCRE2 patterns of a programme's blurb under an audio or video widget (en/clean_media_blurbs.txt)" },
  fact_cues = { type = "list", default = {}, doc = "extra PCRE2 patterns of a fact line in a review's info box (en/clean_body_fact_cues.txt)" },
  box_heads = { type = "list", default = {}, doc = "extra PCRE2 patterns of a highlights box's heading (en/clean_body_box_heads.txt)" },
  button_calls = { type = "list", default = {}, doc = "extra PCRE2 patterns of a call-to-action button's text beside a reader appeal (en/clean_body_button_calls.txt)" },
  corrections = { type = "list", default = {}, doc = "extra PCRE2 patterns opening a correction note, kept under the body (en/clean_body_corrections.txt)" },
  ad_calls = { type = "list", default = {}, doc = "extra PCRE2 patterns of a call to action closing an advertisement's copy (en/clean_body_ad_calls.txt)" },
  ad_openers = { type = "list", default = {}, doc = "extra PCRE2 patterns of a call to action opening an advertisement's copy under its label (en/clean_body_ad_openers.txt)" },
  ad_offers = { type = "list", default = {}, doc = "extra PCRE2 patterns of an offer in an advertisement's copy under its label (en/clean_body_ad_offers.txt)" },
  ad_verbs = { type = "list", default = {}, doc = "extra imperatives opening an advertisement's copy set in the body with no label (en/clean_body_ad_verbs.txt; any case in the list): the block must open with the verb capitalised, then one space and a word starting with a lower-case ASCII letter, so \"Save up to 20% ...\" can be copy and \"Save 20% ...\", \"Save £20 ...\" or \"Fly Emirates ...\" never are; the copy also needs two sentences or more, the last a call to action, and an offer or a brand's name" },
  result_words = { type = "list", default = {}, doc = "extra lower-case words of a result line under a table of figures (en/clean_body_result_words.txt: \"won\", \"scorecard\"): on a page of one paragraph a line, up to two short lines under a table go with it only when each holds a figure or one of these words" },
  menu_words = { type = "list", default = {}, doc = "extra words of a site menu: a title-case line mostly of them is no headline (en/clean_meta_menu_words.txt)" },
  field_labels = { type = "list", default = {}, doc = "extra labels of header field lines, \"LABEL: value\": never a headline, byline or outlet (en/clean_meta_fields.txt)" },
  outlet_programmes = { type = "list", default = {}, doc = "extra names of credit programmes (\"Local Journalism Initiative\"): never the outlet (en/clean_meta_programmes.txt)" },
  media_members = { type = "list", default = {}, doc = "extra PCRE2 patterns of media members that make a closing \"NAME is part of ...\" line an outlet's partnership note (en/clean_body_media_members.txt)" },
  outlet_modifiers = { type = "list", default = {}, doc = "extra words modifying a company name's generic word (\"Student\" of \"Student Media\"): a copyright holder never ends in one (en/clean_meta_outlet_modifiers.txt)" },
  site_banners = { type = "list", default = {}, doc = "extra caseless PCRE2 patterns of a site's banner or feed link above its masthead, passed over when the masthead is looked for (\"An official website of ...\"; en/clean_meta_site_banners.txt)" },
  dateline_not_places = { type = "list", default = {}, doc = "extra words that open no bare dateline before a dash (\"Analysis —\"; en/clean_meta_not_places.txt)" },
  dateline_place_nouns = { type = "list", default = {}, doc = "extra nouns that follow a place's name (\"homestead\"; en/clean_meta_place_nouns.txt): evidence for a mixed-case dateline before a colon (\"Kalarra Downs:\")" },
  org_heads = { type = "list", default = {}, doc = "extra words closing an organisation's name (\"Sheriff's Office\"): a line closing on one is no person's byline, and one at the page's top over a release's header is its masthead, no headline (en/clean_meta_org_heads.txt, en/clean_meta_masthead_heads.txt)" },
  unit_words = { type = "list", default = {}, doc = "extra words closing a unit or desk of an organisation (\"Communications Unit\"): after a byline's comma or as its byline, staff, never an author or outlet (en/clean_meta_units.txt)" },
  label_words = { type = "list", default = {}, doc = "extra words of a section's label in the header (\"News Flash\"): such a label is never the outlet (en/clean_meta_label_words.txt)" },
  call_verbs = { type = "list", default = {}, doc = "extra verbs of a call-to-action link (\"Buy tickets\"): never the headline (en/clean_meta_calls.txt)" },
  imprint_lines = { type = "list", default = {}, doc = "extra openings of a paper's imprint lines (PCRE2, as YAML writes it in double quotes: \"Publisher\\\\s*:\"): a label credit beside one is no contributor (en/clean_meta_imprint.txt)" },
  episode_words = { type = "list", default = {}, doc = "extra labels of an episode or issue (\"Episode 52 · 41 min\"): never the headline (en/clean_meta_episode_words.txt)" },
  edition_words = { type = "list", default = {}, doc = "extra seasons, feasts or months naming a periodical's issue (\"Issue 214 – Easter 2025\"): never the headline (en/clean_meta_edition_words.txt)" },
  foreign_words = { type = "list", default = {}, doc = "extra function words of other languages: a line of them is a language link, never the headline (en/clean_meta_foreign_words.txt)" },
  open_words = { type = "list", default = {}, doc = "extra words that leave a headline's phrase open: a wrapped headline ending in one goes on on the next short line (en/clean_meta_open_words.txt)" },
  caption_openers = { type = "list", default = {}, doc = "extra words opening a photo's caption kept as the first paragraph (\"File photo of\"): the dateline may open the paragraph after it (en/clean_meta_caption_openers.txt)" },
  staff_words = { type = "list", default = {}, doc = "extra words of a byline naming no person (\"Staff report\", \"From staff reports\"): such a line is never the headline (en/clean_meta_staff_words.txt)" },
  desk_words = { type = "list", default = {}, doc = "extra words closing a newsroom desk's name in a byline (\"By Bulletin Newsdesk\", \"By Web Team\"): staff, no person (en/clean_meta_desk_words.txt)" },
  job_nouns = { type = "list", default = {}, doc = "extra nouns naming a person's job (\"mechanic\"): a name with such a job in lower case after a comma on a line of its own (\"NAME, station mechanic\") is a byline (en/role_nouns.txt, kind person)" },
  contact_labels = { type = "list", default = {}, doc = "extra labels of a release's contact line (\"Media contact:\"): such a line with a phone number or an e-mail address is never the headline, and no such line is the outlet (en/clean_meta_contact_labels.txt)" },
  ticker_labels = { type = "list", default = {}, doc = "extra labels of a news ticker (\"Breaking News\"): a line opening with one and a bar, colon or dash is never the headline above another (en/clean_meta_ticker_labels.txt)" },
  role_modifiers = { type = "list", default = {}, doc = "extra words modifying a job title before its role word in a byline, never an outlet (\"Deputy Editor\"; en/clean_role_modifiers.txt)" },
  reading_words = { type = "list", default = {}, doc = "extra units and words of a widget's readings (\"Wind: SW 58mph\"): a line of such fields is never the headline (en/clean_meta_readings.txt)" },
  language_names = { type = "list", default = {}, doc = "extra language names of a language switch (\"Cymraeg\"): never the outlet or the headline (en/clean_meta_languages.txt)" },
  outlet_org_heads = { type = "list", default = {}, doc = "extra head words of a publishing organisation's name (\"Authority\"): a masthead's name with one after it in the copyright line is the outlet (en/clean_outlet_org_heads.txt)" },
  published_labels = { type = "list", default = {}, doc = "extra labels of a publication date in a line of fields (\"Date of publication:\"; en/clean_date_published_labels.txt)" },
  link_run = { type = "integer", default = 3, min = 1, doc = "this many short headline-like lines in one group are a related-links list" },
  numeric_dates = { type = "string", default = "auto", choices = { "auto", "dmy", "mdy" }, doc = "order of ambiguous numeric dates like 03/06/2024: auto (a dotted date, 03.06.2024, is day first; else a zone on its line decides by its region in en/clean_timezones.txt, BST day first, CST month first; else the page's other numeric dates; else month first), dmy or mdy (every such date)" },
  entities = { type = "boolean", default = true, doc = "decode HTML character references left in the text (&amp; &#8217;)" },
  mojibake = { type = "boolean", default = true, doc = "repair UTF-8 read as Windows-1252 (â€™ -> ’)" },
  controls = { type = "boolean", default = true, doc = "remove control characters (and BOM, zero-width space, bidi embeddings, overrides and isolates)" },
  nfc = { type = "boolean", default = true, doc = "Unicode NFC (composed characters)" },
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
  if o.numeric_dates ~= "auto" and o.numeric_dates ~= "dmy" and o.numeric_dates ~= "mdy" then
    error("clean: numeric_dates must be auto, dmy or mdy (got " .. tostring(o.numeric_dates) .. ")", 0)
  end
  ctx.opts = o
  -- the user's extra patterns, each compiled here on its own so that a bad one is
  -- named with its option (the modules join them into larger alternations, whose
  -- error would name neither)
  for _, k in ipairs { "media_blurbs", "fact_cues", "box_heads", "corrections", "ad_calls", "ad_openers", "ad_offers", "field_labels", "media_members", "button_calls" } do
    compile_user(o[k], k)
  end
  local lang = o.language
  local sw = {}
  for _, w in ipairs(dp.data.list(lang .. "/stopwords.txt")) do
    w = w:lower()
    sw[w] = true
    -- the same word with a typographic apostrophe ("don’t")
    if w:find("'", 1, true) then sw[(w:gsub("'", "’"))] = true end
  end
  local pats = ev.load(lang, o.cue_max_words, sw)
  -- word bits for the tokeniser: 2 a contributor-line word, ev.TRIGGER a word that may
  -- start a cue pattern (a block without one skips those patterns), prompts_mod.PROMPT a
  -- word of a reader prompt (docpipe.clean.prompts)
  local hints = {}
  for w in pairs(ev.CONTRIB_HINT) do hints[w] = 2 end
  for w in pairs(pats.cues.word_entries) do hints[w] = (hints[w] or 0) | ev.TRIGGER end
  local prompts = prompts_mod.new(lang)
  for w in pairs(prompts.words) do hints[w] = (hints[w] or 0) | prompts_mod.PROMPT end
  local credit = {}
  for _, w in ipairs(dp.data.list(lang .. "/clean_credit_lines.txt")) do
    credit[#credit + 1] = (w:gsub("%s+", "\\s+"))
    -- (and the label form of a one-word credit: "Photography by" -> "Photography:")
    local label = w:match("^(%a+) by$")
    if label then credit[#credit + 1] = label .. "(?=:)" end
  end
  -- the company words closing a copyright holder's name ("Valley Chronicle Newspapers")
  -- and a company's legal forms ("OÜ", "GmbH"): one caseless pattern, as Lua's lower
  -- leaves letters beyond ASCII alone
  local company = {}
  for _, w in ipairs(dp.data.list(lang .. "/clean_company_words.txt")) do company[#company + 1] = re.escape(w) end
  -- registration labels after a copyright holder's name ("Reg. No", "P.IVA", "VAT"):
  -- the holder ends before one (docpipe.clean.outlet)
  local regl = {}
  for _, w in ipairs(dp.data.list(lang .. "/clean_outlet_registration_labels.txt")) do regl[#regl + 1] = re.gsub(re.escape(w), "\\\\?\\s+", "\\s*") end
  ctx.state = {
    registration = #regl > 0 and re.compile("(?:^|\\s)(?:" .. concat(regl, "|") .. ")(?![\\p{L}\\p{N}])") or nil,
    company = re.compile("^(?:" .. concat(company, "|") .. ")$", "i"),
    credit_line = re.compile("^(?:" .. concat(credit, "|") .. ")\\s*:?\\s+\\p{Lu}", "i"),
    stop = sw,
    hints = hints,
    dates = dates_mod.new(lang, o.published_labels),
    meta = meta_mod.new(lang, o.menu_words, o.field_labels, { programmes = o.outlet_programmes, not_places = o.dateline_not_places, place_nouns = o.dateline_place_nouns, modifiers = o.outlet_modifiers,
      call_verbs = o.call_verbs, episode_words = o.episode_words, edition_words = o.edition_words, imprint_lines = o.imprint_lines, foreign_words = o.foreign_words, open_words = o.open_words, role_modifiers = o.role_modifiers, ticker_labels = o.ticker_labels, staff_words = o.staff_words, desk_words = o.desk_words, caption_openers = o.caption_openers, contact_labels = o.contact_labels, job_nouns = o.job_nouns, org_heads = o.org_heads, unit_words = o.unit_words, label_words = o.label_words,
      reading_words = o.reading_words, language_names = o.language_names, outlet_org_heads = o.outlet_org_heads, site_banners = o.site_banners }),
    prompts = prompts,
    bio = bio_mod.new(lang),
    dialogue = dialogue_mod.new(lang),
    widgets = widgets_mod.new(lang, o.media_blurbs),
    factbox = factbox_mod.new(lang, o.fact_cues),
    body = body_mod.new(lang, o.box_heads, o.corrections, o.ad_calls, o.ad_openers, o.outlet_programmes, o.media_members, o.button_calls, o.ad_offers, o.ad_verbs, o.result_words),
    drop = compile_user(o.drop, "drop"),
    keep = compile_user(o.keep, "keep"),
    cues = pats.cues,
    ends = pats.ends,
    prefilter = pats.prefilter,
  }
end

-- the metatable dp.object sets (set directly: one call less per removed block)
local OBJECT_MT = getmetatable(dp.object({}))

-- (ASCII digits: the numeric dates docpipe.clean.dates reads)
local find = string.find
-- (after a post's date, its sections: "in Club news", "in News, Tours")
local rx_in_section = dp.re.compile("\\s+in\\s+\\p{Lu}[\\p{L}&', -]{0,60}$")
-- "First published ...", "Originally posted ..." (a Lua test of the first letter first)
local rx_first_published = dp.re.compile("^\\W*(?:(?:first|originally)\\s+)?(?:published|uploaded|posted)\\b", "i")
local rx_numeric_date = dp.re.compile("(?<![0-9])[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{4}(?![0-9])")
-- a contributor line's opener with no contributor hint word, "With reports from"
-- ("Reports from NAME", "With additional reports by NAME", "(With a report from NAME)")
local rx_reports_from = dp.re.compile("^\\(?(?:With\\s+(?:an?\\s+)?(?:additional\\s+)?)?[Rr]eports?\\s+(?:from|by)\\s")
local rx_highlights_head = dp.re.compile("^(?:key (?:points|takeaways|facts)|(?:story )?highlights|at a glance|in brief|in short|the big picture)\\s*:?$", "i")

-- (words a publication's name may hold in lower case: docpipe.clean.outlet)
local NAME_JOINERS = outlet_mod.NAME_JOINERS
local outlet_line = outlet_mod.line

-- a label in title case: every word capitalised but the small joiners ("Women’s and
-- Girls’ Football"), no digit, no stop
local function title_case_label(s)
  if find(s, "[%d.!?:;,]") then return false end
  for w in s:gmatch("%S+") do
    if not find(w, "^%u") and not NAME_JOINERS[w] then return false end
  end
  return true
end

-- a contributor sentence that a dumper wrapped over two lines the unwrapper left apart
-- (the first line shorter than the wrap column would allow: "Tidewater Press writer
-- NAME in CITY, STATE, and NAME in" / "CITY contributed to this report."): the next line
-- of the group, short and holding a contributor word, is joined to a line that ends no
-- sentence when the two read as one contributor line
local CREDIT_WORDS = { "contribut", "reporting", "report", "editing", "writing", "research" }
-- does s end a sentence: its last byte but white space one of . ! ? : ; " ) or a byte
-- of ” (what find(s, "[.!?:;\"”)]%s*$") tells, read from the end: the pattern is tried
-- at every byte of a paragraph)
local byte = string.byte
local CLOSING_BYTE = {}
for c in ('.!?:;")”'):gmatch(".") do CLOSING_BYTE[c:byte()] = true end
-- an author's e-mail address alone on its line, under the byline's name and over the
-- date line ("NAME" / "name@outlet.example" / "Jan 9, 2025"): passed over when the
-- header is read upwards (one word holding "@", the whole line an address)
local rx_mail_alone = dp.re.compile("^[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+$")
local function mail_alone(b)
  return b.nw <= 8 and not b.take and find(b.text, "@", 1, true) ~= nil and not find(b.text, " ", 1, true)
    and rx_mail_alone:find(b.text) ~= nil
end

local function closes(s)
  local e = #s
  local c = byte(s, e)
  while c == 32 or (c and c >= 9 and c <= 13) do e = e - 1; c = byte(s, e) end
  return c ~= nil and CLOSING_BYTE[c] == true
end
local function join_wrapped_credits(all, st)
  local i = 1
  while i < #all do
    local b, n = all[i], all[i + 1]
    if n.group == b.group and n.first == b.last + 1 and #n.text <= 80 and not n.bullet
      and (n.indent or 0) == (b.indent or 0) and not closes(b.text) then
      local low, hit = n.text:lower(), false
      for _, w in ipairs(CREDIT_WORDS) do if low:find(w, 1, true) then hit = true; break end end
      if hit then
        local joined = b.text .. " " .. n.text
        local c = st.meta.contributors(joined)
        if c and #c > 0 then
          b.text, b.last = joined, n.last
          table.remove(all, i + 1)
        end
      end
    end
    i = i + 1
  end
end

-- a byline label on a line of its own above the name ("Author of the article:" /
-- "Ryan Castellane", "By:" / "NAME"): the two lines are one byline
local rx_byline_label = dp.re.compile("^(?:author of the article|authors?|written by|words by|story by|by)\\s*:?$", "i")
local function join_byline_labels(all)
  local i = 1
  while i < #all do
    local b, n = all[i], all[i + 1]
    if #b.text <= 24 and rx_byline_label:find(b.text) and n.group - b.group <= 1 and #n.text <= 80
      and not n.bullet and not n.text:find("^%s*%p") then
      b.text, b.last = b.text .. " " .. n.text, n.last
      table.remove(all, i + 1)
    end
    i = i + 1
  end
end

-- an author's note set inside the window above the page's end matter (an events list,
-- a contact block, a legal statement: "NAME is the ... educator for ..." over "UPCOMING
-- EVENTS"): a note that opens with a byline author's whole name (docpipe.clean.bio),
-- from the third kept block on, with less than half as many words kept below it as
-- above, closes the body: it goes, and so does what was kept below it but a correction
-- note (text); kept is cut to the blocks above it
local function cut_after_note(kept, authors, note, drop_note, st)
  if #authors == 0 or #kept < 5 then return end
  local above = kept[1].nw + kept[2].nw
  for x = 3, #kept - 1 do
    local b = kept[x]
    local t, lead = b.text, false
    for _, a in ipairs(authors) do
      if t:byte(1) == a:byte(1) and t:sub(1, #a) == a then lead = true; break end
    end
    if lead and note(b, true) then
      local below = 0
      for y = x + 1, #kept do below = below + kept[y].nw end
      if below * 2 > above then return end
      drop_note(b)
      local corr = st.body.correction
      for y = x + 1, #kept do
        local c = kept[y]
        if not (corr and corr:find(c.text)) then c.take = false; c.why = "under an author note" end
      end
      for y = #kept, x, -1 do kept[y] = nil end
      return
    end
    above = above + b.nw
  end
end

-- a label credit, "Editor: NAME", beside a line of the paper's imprint ("Published by
-- ... on behalf of ...", "Publisher: NAME") within two blocks: the paper's editor
local function imprint_credit(b, all, st)
  if not st.meta.label_credit(b.text) then return false end
  for i = 1, #all do
    if all[i] == b then
      for j = math.max(1, i - 2), math.min(#all, i + 2) do
        if j ~= i and all[j].text and st.meta.imprint_line(all[j].text) then return true end
      end
      return false
    end
  end
  return false
end

-- does the text end in punctuation with a stop among it ("[.!?:;,]%W*$")? (its tail
-- after the last letter or digit is found by an anchored pattern, from the end: the
-- unanchored one is tried at every position)
local function closes_on_stop(t)
  local tail = t:match("^.*%w(%W*)$") or t
  return find(tail, "[.!?:;,]") ~= nil
end

-- a breadcrumb's last crumb over the page's section label and the headline ("Home >
-- News > HEADLINE" above "News" and "HEADLINE"): the piece cut last from the trail
-- ends on the headline after a trail's separator, and each block between the trail
-- and the headline (one or two) is a cut copy of a crumb
local CRUMB_SEPS = { [">"] = true, [">>"] = true, ["›"] = true, ["»"] = true, ["/"] = true, ["|"] = true, ["→"] = true, ["::"] = true }
local function crumb_tail(all, i)
  local t = all[i].text
  for j = i - 1, math.max(1, i - 4), -1 do
    local c = all[j]
    if not c.removed and c.cut then
      local cut = c.cut[#c.cut]
      local n = #cut - #t
      if j == i - 1 or n < 2 or cut:sub(n + 1) ~= t then return false end
      local sep = cut:sub(1, n):match("(%S+)%s*$")
      if not (sep and CRUMB_SEPS[sep]) then return false end
      for k = j + 1, i - 1 do
        local d = all[k]
        if d.nw and d.nw > 0 and not find(cut, d.text, 1, true) then return false end
      end
      return true
    end
    if c.nw and c.nw > 0 and c.removed ~= "repeated caption" then return false end
  end
  return false
end

-- a headline's continuation set deeper than its first line, under it (a dumper
-- centring an <h1>: "   Three-way race ... opens in" / "                the county"):
-- the next line starts right of the headline's margin and ends before its end
local function under_headline(tb, nx)
  return nx.indent > tb.indent
    and nx.indent + (utf8.len(nx.text) or #nx.text) <= tb.indent + (utf8.len(tb.text) or #tb.text)
end

-- a byline in lower case ("by lucinda ferreira-holt") is read where a byline stands:
-- a short line above the body right under a headline-shaped block (a line that no
-- opener's byline read; docpipe.clean.meta lower_byline tells its shape)
local function lower_bylines(live, limit, st)
  for x = math.max(2, limit - 8), limit - 1 do
    local b = live[x]
    local c1 = byte(b.text, 1)
    if (c1 == 98 or c1 == 66) and b.nw <= 12 and not b.byline and not b.take and not b.cue and not b.bullet
      and byte(b.text, 2) == 121 and byte(b.text, 3) == 32 then
      local a = live[x - 1]
      if title_shaped(a) and not a.take and not a.cue and not a.byline and not a.timestamp then
        b.byline = st.meta.lower_byline(b.text, st.dates) or nil
      end
    end
  end
end

-- a headline printed twice above the body (the page's title bar and its <h1>) is cut
-- as a repeat; its second copy comes back: two whole blocks of 4 to 25 words next to
-- each other, the same text with no closing stop, before the first block of 40 words,
-- with a byline or a timestamp among the three blocks under the second copy
local function restore_headline(all, st)
  local prev
  for i = 1, #all do
    local b = all[i]
    if not b.removed and b.nw and b.nw >= 40 then return end
    if b.nw and b.nw > 0 then
      -- (or the first copy closes a breadcrumb, "Home >> Releases >> HEADLINE", cut from it)
      if prev and b.removed == "repeated caption" and (prev.removed == "repeated caption" and prev.text == b.text
        or not prev.removed and prev.cut and prev.cut[#prev.cut] == b.text
        or prev.removed == "repeated caption" and crumb_tail(all, i))
        and not b.cut and b.nw >= 4 and b.nw <= 25 and not closes_on_stop(b.text) then
        local seen = 0
        for j = i + 1, #all do
          local c = all[j]
          if c.text == b.text then return end
          if not c.removed and c.nw and c.nw > 0 then
            if st.meta.byline(c.text, st.dates) or (#c.text <= 120 and st.dates:is_timestamp(c.text)) then
              b.removed, b.removed_text = nil, nil
              return
            end
            seen = seen + 1
            if seen == 3 then break end
          end
        end
      end
      prev = b
    end
  end
end

function M.process(doc, ctx)
  if not ctx.state or not ctx.state.stop then M.init(ctx.opts, ctx) end
  local st, o = ctx.state, ctx.opts
  local null = dp.null
  -- metadata a previous stage already set (the html stage reads it from the
  -- page's JSON-LD and meta tags) is kept; the text heuristics fill the rest
  local function given(v)
    return v ~= nil and v ~= null and v ~= "" and not (type(v) == "table" and #v == 0)
  end
  local prior = { title = doc.title, authors = doc.authors, outlet = doc.outlet, date = doc.date,
    dateline = doc.dateline, highlights = doc.highlights, contributors = doc.contributors }
  doc.meta = doc.meta or dp.object({})
  local removed = dp.array({})
  local function drop(text, reason)
    removed[#removed + 1] = setmetatable({ text = text, reason = reason }, OBJECT_MT)
  end

  local src = type(doc.text) == "string" and doc.text or ""
  local text, report, refs, link_pad = normalize.text(src, o)
  local all, wrap_w = blocks_mod.split(text, link_pad)
  local wrapped = false
  for _i = 1, #all do local b = all[_i]; if b.last > b.first then wrapped = true; break end end
  if wrapped then join_wrapped_credits(all, st) end
  join_byline_labels(all)
  st.words = st.words or {}
  st.intern, st.fresh = blocks_mod.tokenize(all, st.stop, st.hints, st.words, ev.TRIGGER)
  blocks_mod.cut_repeats(all)
  restore_headline(all, st)

  -- numeric dates: day or month first
  -- (the option passes "dmy" or "mdy" on: it overrides a line's own clues, dates.lua)
  if o.numeric_dates == "dmy" or o.numeric_dates == "mdy" then st.day_first = o.numeric_dates
  else
    st.day_first = nil
    if rx_numeric_date:find(text) then st.day_first = st.dates:day_first_hint(text) end
  end
  -- (a zone standing for several, IST, or spelling a word, NUT, read by the page's
  -- evidence: dates.lua page_zones)
  st.dates:page_zones(text)

  -- live blocks (not emptied by the caption cut)
  local live = {}
  -- (a credit line opening on "With reports from", "Reports from" holds no word of the
  -- contributor hints: on a page writing the phrase, a cheap byte test, then the opener)
  -- (needles opening on a rare letter: a plain search stops at each of its first byte)
  local reports_from = find(text, "ports from ", 1, true) or find(text, "ports by ", 1, true)
    or find(text, "port from ", 1, true) or find(text, "port by ", 1, true)
  -- (the prefilter masks of the blocks' texts, in one call: evidence.prefilter)
  local pfm = ev.prefilter(all, st, {})
  for _i = 1, #all do local b = all[_i]
    if not b.removed then
      if reports_from and not b.hint and b.nw and b.nw <= 30 then
        local c = b.text:byte(1)
        if (c == 87 or c == 82 or c == 40) and rx_reports_from:find(b.text) then b.hint = true end
      end
      ev.features(b, st, o, pfm[_i])
      -- (a release's end mark, "###" or "-30-", stays live: nothing resumes under it)
      if b.nw == 0 and not b.keep and not (b.ending and b.text:find("^[#%s-]+%d*[#%s-]*$")) then b.removed = b.cue and ("boilerplate: " .. b.cue) or "no words" end
    end
    if not b.removed then live[#live + 1] = b end
  end
  for i = 1, #live do local b = live[i]; b.li = i end
  -- (a stock-quote widget's date inside the body, "As of Aug 4, 2024 close" under its
  -- quote line, dates the quote: no timestamp, docpipe.clean.widgets quote_stamps)
  widgets_mod.quote_stamps(live)

  local ws, we = body_mod.select(live, st, o)

  -- header: the run of byline / timestamp / role / outlet lines just above the body
  local body_first = nil
  for x = ws, we do if live[x].take then body_first = x; break end end
  local limit = body_first or (we + 1)
  lower_bylines(live, limit, st)
  local function header_line(x)
    local b = live[x]
    if b.byline or b.timestamp or b.relative or b.role_line then return true end
    if b.take or b.bullet then return false end
    -- a field line, "Category: Local News" (en/clean_meta_fields.txt)
    if b.nw <= 12 and st.meta.field_line(b.text) then
      b.role = "field"
      return true
    end
    -- "Photographs by NAME": a credit in the header, not an author
    if b.nw <= 8 and st.credit_line:find(b.text) then
      b.role = "picture credit"
      return true
    end
    if b.cue then return false end
    -- a desk byline naming no person, "Harbour Post Bureau" (docpipe.clean.meta desk_line)
    if b.nw <= 5 and st.meta.desk_line(b.text) then
      b.role = "staff desk"
      return true
    end
    -- the line after "News provided by" names an organisation, not an author
    local prev = live[x - 1]
    if prev and b.nw <= 5 and re.find(prev.text, "\\b(?:provided|presented|sponsored|supported|powered|brought to you) by$", nil, "i") then
      b.role = "provider"
      return true
    end
    -- a release's contact person under a lone contact label ("Media contact:" / "NAME,
    -- Communications Manager"): no author
    if prev and b.nw <= 8 and prev.nw <= 4 and prev.text:byte(-1) == 58 and st.meta.contact_line(prev.text) then
      b.role = "contact"
      return true
    end
    if b.name_line == nil then
      b.name_line = st.meta.name_line(b.text, st.dates) or false
      -- (a name in capitals over its role line, "MARCUS VELLA" / "Sports Editor": the
      -- role says the capitals are a person's, not an outlet's acronyms)
      -- (and a name in capitals of two or three plausible names over a timestamp line
      -- or under a lone "By", "ISOLDE MARRACK": a person, not two acronyms)
      -- (or over a role opened by the outlet's short name, "Journal Staff Reporter")
      local nx, pv = live[x + 1], live[x - 1]
      if not b.name_line and nx and (nx.role_line or ((nx.timestamp or (pv and re.find(pv.text, "^\\s*by:?\\s*$", nil, "i")))
        and st.meta.caps_name(b.text)) or (nx.nw <= 4 and b.nw <= 3 and st.meta.outlet_role_line(nx.text))) then
        b.name_line = st.meta.name_line(b.text, st.dates, true) or false
      end
      -- (that role line under the name is the writer's role, not the outlet's line)
      if not b.name_line and pv and (pv.name_line or (pv.name_line == nil and pv.nw >= 2 and pv.nw <= 3))
        and b.nw <= 4 and st.meta.outlet_role_line(b.text) then
        b.role_line, b.outlet_line = true, false
      elseif not b.name_line then b.outlet_line = outlet_line(b, st) or false end
    end
    return b.name_line or b.outlet_line
  end
  local hdr_last, hdr_first
  -- relative times inside the body window date its entries (a live blog) or comments,
  -- not the article: then only a byline or an absolute timestamp anchors the header
  local entry_times = false
  for x = ws, we do if live[x].relative then entry_times = true; break end end
  for pass = 1, 2 do
    for x = limit - 1, math.max(1, limit - 200), -1 do
      local b = live[x]
      if b.byline or b.timestamp or (b.relative and (pass == 2 or not entry_times)) then hdr_last = x; break end
    end
    if hdr_last or not entry_times then break end
  end
  if hdr_last then
    hdr_first = hdr_last
    local x = hdr_last - 1
    while x >= 1 and hdr_last - x <= 8 do
      local b = live[x]
      if header_line(x) then hdr_first = x
      elseif not (b.cue and hdr_first - x <= 2) and not (hdr_first - x == 1 and x > 1 and mail_alone(b)) then break end
      x = x - 1
    end
    -- header lines below the anchor (a role line under the byline, a share bar)
    -- (a name alone on its line may stand under a programme label or a player's
    -- buttons: "Heard on Weekend Edition" / "NAME" / "4-Minute Listen"; up to two short
    -- labels, words that are no sentence, are passed over to reach it)
    x = hdr_last + 1
    local passed = 0
    while x < limit and x - hdr_last <= 3 + passed do
      local b = live[x]
      if header_line(x) then hdr_last = x
      elseif not b.cue then
        if passed < 2 and b.class == "short" and not b.sentence and not b.take and not b.bullet and b.nw <= 4 then
          passed = passed + 1
        else
          break
        end
      end
      x = x + 1
    end
  end
  -- a stacked byline just above the body, one name a line, perhaps each with its role
  -- line ("Ines Carvalho-Moyo" / "Senior Correspondent" / "Rafael Dunmore" / ...), when
  -- the header stands elsewhere (above the headline)
  local stack_first, stack_last
  if not hdr_last or hdr_last < limit - 2 then
    local x, names = limit - 1, 0
    while x >= 1 and limit - x <= 12 and (not hdr_last or x > hdr_last) do
      local b = live[x]
      if b.byline or b.timestamp or b.relative or b.take or b.cue or b.bullet then break end
      if b.role_line then
        -- a role line belongs to the name above it
      elseif header_line(x) and b.name_line and not b.outlet_line then
        names = names + 1
      else
        break
      end
      x = x - 1
    end
    if names >= 2 and x + 1 < limit then stack_first, stack_last = x + 1, limit - 1 end
  end
  -- (is a block the page's first, but for cues above it?)
  local function top_block(y)
    for x = 1, y - 1 do if not live[x].cue then return false end end
    return true
  end
  -- title: a headline-shaped block above the header (or the body)
  local title_i, dek_i
  do
    local from = hdr_first or limit
    local cands = {}
    local x = from - 1
    -- a menu between a candidate and the header: the candidate belongs to the page's
    -- top (a blog's tagline under its name), not to the article
    local menu_above, boxed = false, nil
    while x >= 1 and from - x <= 8 do
      local b = live[x]
      if #cands == 0 and not b.cue and b.nw >= 4 and b.nw <= 12 and st.meta.menu_line(b.text) then
        -- a menu run together ("Countries Topics Reports Get Involved About Donate")
        menu_above = true
      elseif not b.cue and st.meta.title_furniture(b.text) then
        -- page furniture: a menu with separators, "Buy tickets", a language link
        -- (above a box's heading: the heading stands first under the page's top)
        if #cands > 0 or boxed then break end
        menu_above = true
      elseif #cands > 0 and not b.cue and st.meta.ticker_line(b.text) then
        -- a news ticker's item over the headline ("Breaking News | ...")
        break
      elseif title_shaped(b) and not b.name_line and not b.outlet_line and not b.take
        and not (body_mod.is_credit(live[x + 1]) and live[x + 1].group == b.group and not live[x + 1].byline) then
        -- (a block right above a picture credit is its caption; not above a byline
        -- crediting the pictures too, "Words by NAME | Photos by NAME")
        if #cands == 0 and b.nw <= 3 and live[x + 1] and live[x + 1].bullet and x + 1 < from then
          -- (a box's heading over its list, "In brief", "Opening hours": a label, taken
          -- only when no headline stands above it)
          boxed = boxed or x
        else
          cands[#cands + 1] = x
        end
      elseif #cands > 0 and not b.cue then
        break
      elseif #cands == 0 and b.cue == "navigation" then
        if boxed then break end
        menu_above = true
      end
      x = x - 1
    end
    if not cands[1] and boxed then cands[1] = boxed end
    -- in a hard-wrapped dump (lynx) the headline is set at the left margin (an <h1>)
    -- while the text is indented: the nearest such line above the header or the body
    if wrapped and (live[limit] and live[limit].indent or 0) >= 2 then
      for y = from - 1, math.max(1, from - 60), -1 do
        local b = live[y]
        if b.indent == 0 and headline_shaped(b) and b.nw >= 3 and not b.take
          and not st.meta.title_furniture(b.text) then title_i = y; break end
      end
    end
    if not title_i and cands[1] then
      title_i = cands[1]
      local up = cands[2]
      -- a headline and its standfirst: the upper, shorter one is the headline
      -- (in one group, or across one blank line)
      -- (not the page's masthead: "The Marlow Valley Gazette" over the headline)
      local top = live[1] and live[1].cue == "navigation" and 2 or 1
      -- (not a section's label in title case over a headline in sentence case that
      -- closes on no stop, "Women’s and Girls’ Football" / "Record number of ...": a
      -- standfirst closes on one)
      if up and up == cands[1] - 1 and live[cands[1]].group - live[up].group <= 1 and live[up].nw >= 4
        and (live[cands[1]].nw >= live[up].nw or live[up].nw >= 6) and not (up <= top and outlet_line(live[up], st))
        and not (live[up].nw <= 4 and title_case_label(live[up].text) and not find(live[cands[1]].text, "[.!?:;\"”’']%s*$")
          and re.find(live[cands[1]].text, "^\\S+\\s+\\p{Ll}\\p{Ll}+\\s+\\p{Ll}")) then
        title_i, dek_i = up, cands[1]
      end
    end
    -- the date above the headline: a headline between the header and the body, when
    -- nothing headline-like of five words or more stands above the header
    -- (or an organisation's name at the page's top, a release's masthead: "CASCADIA
    -- STATE BOARD OF NURSING" over the release's header, meta.org_masthead)
    if hdr_last and (not title_i or live[title_i].nw < 5 or (menu_above and not dek_i)
      or (live[title_i].nw <= 8 and not dek_i and top_block(title_i) and st.meta.org_masthead(live[title_i].text))) then
      local y, in_contact = hdr_last + 1, live[hdr_last].role == "contact" or st.meta.contact_line(live[hdr_last].text)
      while y <= limit and live[y] do
        local b = live[y]
        -- (the body's first block too, when it has no closing punctuation and a taken
        -- block follows it, perhaps under a standfirst: the headline read as a paragraph)
        local nx = live[y + 1]
        local open = y < limit or (b.take and nx and (nx.take or (live[y + 2] and live[y + 2].take)) and b.nw <= 20
          and not b.text:find("[%.!?:;,][\"”’']?$"))
        -- (a release's contact, its label line and a phone or an e-mail under it, is
        -- passed over)
        local contact = st.meta.contact_line(b.text) or in_contact and st.meta.reach_line(b.text)
        in_contact = contact
        if open and headline_shaped(b) and b.nw >= 5 and not b.name_line and not b.outlet_line and not contact
          and not st.meta.credit_end(b.text) and not st.meta.menu_line(b.text) then
          title_i, dek_i = y, nil
          if y == limit then
            b.take, b.why = false, "headline"
            body_first, limit = y + 1, y + 1
          end
          break
        end
        -- (a cue, a label, or a kicker of up to three words: "Press release")
        if not (b.cue or b.label or contact or (b.nw <= 3 and not b.sentence and not b.take)) then break end
        y = y + 1
      end
    end
  end
  -- byline and date
  local authors, outlet, date = dp.array({}), nil, nil
  -- the header's first absolute timestamp, but a published one before an updated one
  -- (in either order, on one line or two: "Updated ..." above "Published ...")
  local date_kind, date_x
  local function offer_date(text, x)
    if date and date_kind ~= "updated" then return end
    local d, kind = st.dates:parse_published(text, st.day_first)
    if d and (not date or kind ~= "updated") then date, date_kind, date_x = d, kind, x end
  end
  if stack_first then
    for x = stack_first, stack_last do
      local b = live[x]
      if b.name_line then
        for _, a in ipairs(b.name_line.authors) do authors[#authors + 1] = a end
        outlet = outlet or b.name_line.outlet
      end
      b.role = "byline"
    end
  end
  if hdr_first then
    -- a byline with an opener wins over a line of bare names
    local has_byline = false
    for x = hdr_first, hdr_last do
      if live[x].byline and (#live[x].byline.authors > 0 or live[x].byline.staff) then has_byline = true end
    end
    for x = hdr_first, hdr_last do
      local b = live[x]
      local by = b.byline or (not has_byline and b.name_line)
      -- (or a name line right under a name line read as the byline, both of one shape,
      -- a name and a role after a bar or a comma: a second "NAME | ROLE" byline; a
      -- line of a role alone under the name, "Gohebydd Cymunedol", is no author)
      local p = x > hdr_first and live[x - 1]
      local sep = p and (find(b.text, " | ", 1, true) and " | " or find(b.text, ", ", 1, true) and ", ")
      local second = #authors > 0 and not b.byline and sep and p.role == "byline"
        and p.name_line and not p.byline and find(p.text, sep, 1, true)
      if by and (#authors == 0 or second) and (#by.authors > 0 or b.byline) then
        -- (a job title wrapped onto the next line, "NAME, Learning and Engagement" /
        -- "Officer": its words name no outlet, docpipe.clean.meta job_tail)
        if by.outlet and wrapped and live[x + 1] and live[x + 1].first == b.last + 1
          and st.meta.job_tail(b.text, live[x + 1].text) then
          by = { authors = by.authors, staff = true }
        end
        for _, a in ipairs(by.authors) do authors[#authors + 1] = a end
        -- (one word the page writes in lower case too, "Festival" of "Festival press
        -- officer" on a page of "the festival's": a common noun, no outlet)
        if by.outlet and st.meta.common_noun(by.outlet, text) then
          -- (no outlet)
        elseif by.outlet and by.outlet_weak then
          -- a weak outlet ("Maritime" of "Maritime Correspondent") must be named elsewhere
          -- (as a line's first words, a masthead, or after a copyright sign: "Scotland"
          -- of "Scotland Correspondent" in a breadcrumb or "Registered in Scotland" is
          -- no outlet)
          -- (a line it opens must be short, a name, and stand above the byline, a
          -- masthead: "Kestrapur metro's second line to open" is a headline about the
          -- place, "Kestrapur Metro  Kestrapur news" under the body a row of tags)
          local n = 0
          local o = by.outlet
          local ow = #dp.text.words(o)
          -- (a section's name, "Esports" of "Esports Editor", is an item of the page's
          -- menu too: its label over the headline names no outlet)
          local menu_item = false
          for _, c in ipairs(live) do
            if c.cue == "navigation" and c.li < b.li and re.find(c.text, "(?<![\\p{L}\\p{N}])" .. re.escape(o) .. "(?![\\p{L}\\p{N}])") then
              menu_item = true
              break
            end
          end
          for _, c in ipairs(live) do
            if c ~= b and c.cue ~= "navigation" and c.text:find(o, 1, true) and not (menu_item and c.text == o)
              and ((c.text:sub(1, #o) == o and c.nw <= ow + 3 and c.li < b.li) or re.find(c.text, "(?:©|\\(c\\)|copyright)\\s*(?:\\d{4}\\s*)?(?:the\\s+)?" .. re.escape(o) .. "(?!(?-i)\\s+\\p{Lu}\\p{Ll})", nil, "i")) then
              n = n + 1
            end
          end
          if n == 0 and by.outlet_weak == "bar" then
            -- one word between bars ("NAME | Bloomberg | Updated"): an outlet when
            -- neither the headline nor a paragraph names it (the city a story was filed
            -- from is named in them)
            n = 1
            for _, c in ipairs(live) do
              if (c.take or c.li == title_i) and c.text:find(o, 1, true) then n = 0; break end
            end
          end
          if n > 0 then outlet = outlet or by.outlet end
        else
          outlet = outlet or by.outlet
        end
        b.role = "byline"
      elseif b.outlet_line and not b.take then
        -- (a section's label, "News Flash", names no outlet; "Sheriff's Office News" is
        -- the section of the masthead "Alder Ridge County Sheriff's Office")
        if st.meta.section_label(b.outlet_line) then
          b.role = "section"
        else
          local m = outlet_mod.first_line(live)
          local mast = m and not m.take and m.li < x and st.meta.section_of(b.outlet_line, m.text, text)
          if mast and not outlet then m.role = m.role or "masthead" end
          outlet = outlet or mast or st.meta.attested_outlet(b.outlet_line, text, b.text)
          b.role = "outlet"
        end
      elseif b.role_line then
        b.role = "byline"
      end
      if b.byline and (not date or date_kind == "updated") then offer_date(b.text, x) end
      if b.timestamp then
        offer_date(b.text, x)
        b.role = "timestamp"
      end
      if b.relative then b.role = "timestamp (relative)" end
    end
  end
  -- a byline with its opener between the headline and the body when the header found
  -- none: a picture, its caption or a sponsor's line may stand between it and the
  -- timestamp that anchored the header
  -- (or a name of two or three words alone on its line directly over a role line,
  -- "TAPIWA MUZENDA" / "Senior Reporter": the role says the name is the writer's)
  if #authors == 0 and title_i then
    for x = title_i + 1, limit - 1 do
      local b, nx = live[x], live[x + 1]
      local by = b.byline
      -- (or a role opened by the outlet's short name, "Journal Staff Reporter")
      if not by and nx and not nx.take and b.nw >= 2 and b.nw <= 3 and not b.role
        and (nx.role_line or (nx.nw <= 4 and st.meta.outlet_role_line(nx.text))) then
        -- (in capitals, only a plausible name: not a section label, "LOCAL NEWS")
        local caps = b.text:upper() == b.text
        by = (not caps or st.meta.caps_name(b.text)) and st.meta.name_line(b.text, st.dates, caps) or nil
        if by and nx.li < limit then nx.role = nx.role or "byline" end
      end
      if by and #by.authors > 0 and not b.take and not b.contrib and (not b.role or b.role == "byline") then
        for _, a in ipairs(by.authors) do authors[#authors + 1] = a end
        b.role = "byline"
        break
      end
    end
  end
  -- a byline name that is the page's masthead or its copyright holder is the outlet
  -- ("Eleanor Pryce and Kofi Mensah, Dorset Evening Star" under a "Dorset Evening Star"
  -- masthead)
  if #authors > 0 then
    local m = outlet_mod.first_line(live)
    local keep = dp.array({})
    for _, a in ipairs(authors) do
      -- (the masthead may be written in capitals: "Touchline Uganda" / "TOUCHLINE UGANDA")
      local named = m and (m.text == a or m.text == a:upper())
      if not named then
        for x = #live, math.max(1, #live - 30), -1 do
          -- (not a newsletter writer's name in the copyright line under another
          -- masthead, "© 2025 NAME" under "The Docket Letter": meta.writer_holder)
          if live[x].cue == "legal" and live[x].text:find(a, 1, true)
            and not (m and not m.take and st.meta.writer_holder(a, m.text)) then named = true; break end
        end
      end
      if named then outlet = outlet or a else keep[#keep + 1] = a end
    end
    -- (the site posting as itself, "Posted on DATE by OUTLET", over the writer's own
    -- byline, "Words by NAME · Pictures by NAME": the next byline between the headline
    -- and the body names the author)
    if #keep == 0 and title_i then
      for x = title_i + 1, limit - 1 do
        local b = live[x]
        if b.byline and b.role ~= "byline" and #b.byline.authors > 0 and not b.contrib and not b.take then
          for _, a in ipairs(b.byline.authors) do if a ~= outlet then keep[#keep + 1] = a end end
          if #keep > 0 then b.role = "byline"; break end
        end
      end
    end
    authors = keep
  end
  -- a line of fields set apart by bars with a labelled publication date in one of them
  -- ("Media release | Date of publication: 3 February 2026 | Reference: D2026/014",
  -- "Posted: 12 September 2025 19:30 BST | Category: Comets", under the body), when the
  -- header gives no date or an updated one (docpipe.clean.dates field_published); none
  -- when two such lines give different dates (a comment thread's)
  if not date or date_kind == "updated" then
    local fx, fd
    for x = 1, #live do
      local b = live[x]
      -- (a year among its words, and a bar, "·" or "•": cheap tests first)
      if not b.take and b.nw <= 40 and (not b.bits or b.bits & 4 ~= 0) then
        local d = st.dates:field_published(b.text, st.day_first)
        if d and fd and d ~= fd then fx = nil; break end
        if d and not fd then fx, fd = x, d end
      end
    end
    if fx then
      date, date_kind = fd, "published"
      live[fx].role = live[fx].role or "timestamp"
    end
  end
  -- a blog engine's footer under the body when nothing else dates the page, "This entry
  -- was posted on Thursday, May 7, 2026 at 10:14 am and is filed under News."
  -- (docpipe.clean.dates entry_posted: the date only)
  if not date then
    for x = #live, 1, -1 do
      local t = live[x].text
      -- (cheap test first: "This " opens the line)
      if t:byte(1) == 84 and t:byte(5) == 32 then
        local d = st.dates:entry_posted(t, st.day_first)
        if d then date, date_kind = d, "published"; break end
      end
    end
  end
  if not date and title_i then
    -- a short line between the headline and the body that carries a date beside other
    -- words ("Print edition | May 19, 2025", "From the archive · 19 May 2025")
    for x = title_i + 1, limit - 1 do
      local b = live[x]
      -- (or a line made of timestamps, "May 19, 2025 at 6:01 am Updated May 20, 2025 at
      -- 3:33 pm", set apart from the byline by a picture and its caption)
      -- (not an item of a list: a highlight's date, "Submissions close on 30 March 2026")
      if not date and not b.take and not b.contrib and (b.timestamp or (b.nw <= 14 and b.class == "short"
        and not b.bullet and (not b.bits or b.bits & 12 ~= 0))) then
        offer_date(b.text, x)
        if date then b.role = b.role or "timestamp" end
      end
    end
  end
  -- a timestamp line right over the headline when the header under it (a byline) gives
  -- none ("Nautical" / "12.09.2025. 14:30 CEST" / headline / standfirst / "By NAME"):
  -- only cue lines between it and the headline
  if not date and title_i and hdr_first and hdr_first > title_i then
    for x = title_i - 1, math.max(1, title_i - 3), -1 do
      local b = live[x]
      if b.timestamp and not b.take then
        offer_date(b.text, x)
        if date then b.role = b.role or "timestamp" end
        break
      end
      if not b.cue then break end
    end
  end
  if not date then
    -- a publish/update line inside the body window ("First published ...")
    for x = ws, we do
      local b = live[x]
      if b.nw <= 20 and re.find(b.text, "\\b(published|updated|posted)\\b", nil, "i") then
        local d = st.dates:parse(b.text, st.day_first)
        if d then date = d; break end
      end
    end
  end
  -- a date without its time, the time and zone on the line under it ("Saturday, 28 Nov
  -- 2026" / "9:05 AM MYT"): read together
  -- (or a line wrapped inside its clock time, "... First published Oct 20, 2026, 6:05" /
  -- "AM ChST": the meridiem and zone under it)
  if date and date_x and #date == 10 and live[date_x + 1] then
    local nt = live[date_x + 1].text
    if st.dates:is_clock_line(nt) or (live[date_x + 1].nw <= 2 and find(live[date_x].text, "%d:%d%d$")
      and find(nt, "^[AaPp]%.?[Mm]%.?%f[%A]")) then
      local d = st.dates:parse_published(live[date_x].text .. " " .. nt, st.day_first)
      if d and d:sub(1, 10) == date then date = d; live[date_x + 1].role = "timestamp" end
    end
  end
  -- the header gave an updated time only, or only a relative one ("Published 3 hours
  -- ago"): a "First published" / "Originally published" / "First uploaded on" line
  -- elsewhere on the page (often under the body) gives the published one, and so does
  -- a bare "Published:" / "Posted on:" line made only of a timestamp (footer metadata;
  -- perhaps with the blog's section after it, "Posted Sun 17 Aug 2025 19:40 in Club news")
  if not date or date_kind == "updated" then
    for x = 1, #live do
      local b = live[x]
      -- (a "Published: ... | Last updated: ..." pair of timestamps is longer: up to 28
      -- words when the line is still made only of timestamps)
      if (x < (hdr_first or limit) or x > (hdr_last or limit)) and b.nw <= 28
        and find(b.text, "^%W*[FfOoPp]") and rx_first_published:find(b.text)
        and ((b.nw <= 14 and find(b.text, "^%W*[FfOo]")) or st.dates:is_timestamp(b.text)
          or (b.nw <= 14 and st.dates:is_timestamp(rx_in_section:gsub(b.text, "")))) then
        local d, kind = st.dates:parse_published(b.text, st.day_first)
        if d and kind == "published" then
          date, date_kind = d, kind
          b.role = "timestamp"
          break
        end
      end
    end
  end
  -- the header gives only a relative time ("3 days ago"): a line made only of a full
  -- timestamp with its clock time just under the body (within four lines of the last
  -- paragraph: "Tuesday 17 March 2026 10:20 AM (GMT+13:00)") is the absolute one
  if not date and title_i and body_first then
    local rel = false
    for x = title_i + 1, limit - 1 do
      local b = live[x]
      if b.nw <= 6 and not b.take and st.dates:is_relative(b.text) then rel = true; break end
    end
    if rel then
      local last
      for x = we, ws, -1 do if live[x].take then last = x; break end end
      for x = (last or we) + 1, math.min(#live, (last or we) + 4) do
        local b = live[x]
        if b.nw <= 14 and find(b.text, "%d%d%d%d") and st.dates:has_clock(b.text) and st.dates:is_timestamp(b.text, st.day_first) then
          local d = st.dates:parse(b.text, st.day_first)
          if d and #d > 10 then date, date_kind = d, "published"; b.role = b.role or "timestamp"; break end
        end
      end
    end
  end
  -- a header line giving a month and day but no year ("By NAME Nov. 28 at 3:05 PM"):
  -- the year the page writes beside that same month and day, when unambiguous
  -- (docpipe.clean.dates yearless)
  if not date and hdr_first then
    for x = hdr_first, hdr_last do
      local b = live[x]
      local d = b.nw <= 20 and find(b.text, "%d") and st.dates:yearless(b.text, text)
      if d then date = d; break end
    end
  end
  -- a byline closing the article when the header has none ("Posted by NAME at 2:05 PM"
  -- under a blog post): right after the last paragraph, with only cue lines between
  -- (not a contributor line: "Reporting by NAME; Editing by NAME")
  if #authors == 0 and body_first then
    local last
    for x = we, ws, -1 do if live[x].take then last = x; break end end
    for x = (last or we) + 1, math.min(#live, (last or we) + 3) do
      local b = live[x]
      if b.byline and #b.byline.authors > 0 and not b.contrib then
        for _, a in ipairs(b.byline.authors) do authors[#authors + 1] = a end
        b.role = "byline"
        break
      end
      -- a sign-off, "— NAME, Ledger correspondent" (docpipe.clean.meta.signoff)
      -- (the dash may have been read as a bullet marker: "– NAME, Role")
      local so = not b.take and b.nw <= 12 and (b.bullet == "–" or b.bullet == "-" or find(b.text, "^[\226-]"))
        and st.meta.signoff(b.bullet and not find(b.text, "^[\226-]") and "— " .. b.text or b.text)
      if so then
        for _, a in ipairs(so.authors) do authors[#authors + 1] = a end
        b.role = "byline"
        break
      end
      if not b.cue then break end
    end
  end
  -- (or, when the header gives neither byline nor date, the first byline further down
  -- that carries its own absolute date, "Posted by NAME on 22 April 2025" under a
  -- results list the body left out: the date ties it to this post, and it dates it)
  if #authors == 0 and not date and body_first then
    local last
    for x = we, ws, -1 do if live[x].take then last = x; break end end
    for x = (last or we) + 1, math.min(#live, (last or we) + 15) do
      local b = live[x]
      if b.byline then
        if #b.byline.authors > 0 and not b.contrib and not b.take and find(b.text, "%d%d%d%d") then
          offer_date(b.text, x)
          if date then
            for _, a in ipairs(b.byline.authors) do authors[#authors + 1] = a end
            b.role = "byline"
          end
        end
        break
      end
    end
  end
  -- highlights: bullets between the title (or header) and the body
  local highlights = dp.array({})
  local hl_from = (title_i or hdr_first or 0) + 1
  -- (or, under a "Key points:" heading, the lines of its group without bullets)
  local hl_head, hl_group, hl_bulleted
  for x = hl_from, limit - 1 do
    local b = live[x]
    -- (a box written with bullets ends at its first line without one: a caption under it)
    -- (an item marked in ASCII, "> Item", "-> Item", beside another so marked in its
    -- group: a list, not one quoted line of an e-mail; the marker goes)
    local mark = st.meta.ascii_marker(b.text)
    if mark and not (hl_head and b.group == hl_head.group) then
      local p, n = live[x - 1], live[x + 1]
      if not ((p and p.group == b.group and st.meta.ascii_marker(p.text)) or (n and n.group == b.group and st.meta.ascii_marker(n.text))) then mark = nil end
    end
    local listed = (b.bullet and not (not hl_head and body_mod.lone_lead(live, x))) or mark
      or (hl_head and b.group == hl_head.group and b.nw <= 40 and not hl_bulleted)
    -- (a bullet of no stopword, "Farmers' groups fear lower farm-gate prices", after
    -- highlights of its group or under their heading is one too: a menu item is shorter)
    -- (a bullet under its "Key facts" heading in one group is an item whatever its
    -- words, "• Penalty: $1.2 million", though short lists of links read as navigation)
    local boxed = b.bullet and hl_head and hl_head.group == b.group
    -- (or whatever its cue when it reads as a sentence of six words or more: "State and
    -- Centre to share the rest" is no share widget)
    if listed and not b.take and (not b.cue or (boxed and (b.cue == "navigation" or b.nw >= 6))) and not b.timestamp and not b.byline
      and (b.nw >= 3 or (boxed and b.nw >= 2)) and b.chars >= 15
      and (b.density > 0 or boxed or (b.nw >= 4 and ((hl_group == b.group and #highlights > 0) or (hl_head and hl_head.group == b.group)
        -- (or right under a bulleted highlight across a blank line, on a page of one
        -- paragraph a line with blank lines between)
        or (b.bullet and hl_bulleted and live[x - 1].role == "highlight")))) then
      highlights[#highlights + 1] = mark and b.text:sub(mark + 1) or b.text
      hl_group = b.group
      hl_bulleted = b.bullet ~= nil
      b.role = "highlight"
    elseif not b.bullet and rx_highlights_head:find(b.text) then
      hl_head, hl_bulleted = b, false
      b.role = "highlights heading"
    else
      hl_head = nil
    end
  end
  -- (or a box under the lead paragraph, "At a glance", when none stands above the body:
  -- docpipe.clean.hlbox)
  if #highlights == 0 then
    for x = limit, #live do
      local b = live[x]
      if b.hl_item then highlights[#highlights + 1] = b.text; b.role = "highlight" end
    end
  end
  if title_i then live[title_i].role = "title" end
  -- a headline the dumper wrapped past the body's column, which the unwrapper leaves
  -- whole: its line reaches the wrap width, ends no sentence, and the very next line
  -- (no blank between, same margin) is short and goes on in lower case ("... as the
  -- council asks for" / "a charter"); a headline ending in a word that leaves its
  -- phrase open (docpipe.clean.meta open_end: "... teams to some") was cut even a
  -- little short of the width, and its line may go on with a figure ("911 calls")
  local tb, nx = title_i and live[title_i], title_i and live[title_i + 1]
  local open = wrap_w and nx and st.meta.open_end(tb.text)
  if wrap_w and nx and tb.first == tb.last and nx.first == tb.last + 1 and (nx.indent == tb.indent or under_headline(tb, nx)) and not nx.byline
    and not nx.take and not nx.bullet and nx.nw <= 4 and #nx.text < 0.4 * wrap_w
    and (utf8.len(tb.text) or #tb.text) >= (open and 0.75 or 0.9) * wrap_w and not find(tb.text, "[.!?:;]$")
    and (find(nx.text, "^%l") or (open and (find(nx.text, "^%$?%d") or find(nx.text, "^£%d") or find(nx.text, "^€%d")))) then
    tb.text = tb.text .. " " .. nx.text
    nx.role = "title"
  end
  if dek_i then live[dek_i].role = "standfirst" end

  -- contributors (anywhere: the line usually closes the body)
  local contributors = dp.array({})
  local seen = {}
  for _i = 1, #live do local b = live[_i]
    if b.contrib and (not body_first or b.li >= body_first or b.role == "picture credit")
      and not imprint_credit(b, all, st) then
      for _, n in ipairs(b.contrib) do
        if not seen[n] then seen[n] = true; contributors[#contributors + 1] = n end
      end
      b.role = "contributor line"
    end
  end

  -- an author's note closing (or opening) the body: "Teodora Halvorsen is a retired
  -- water engineer who lives in Millbrook." names a byline author and describes them;
  -- "Tamsin Okafor writes about rural life. Her last piece for Meridian was ..." (a
  -- writer's note of anyone the body does not name) too; up to three at the end
  -- (docpipe.clean.bio); one of a byline author above the page's end matter ends the
  -- body there (cut_after_note)
  if body_first then
    local kept = {}
    for _i = 1, #live do local b = live[_i]; if b.take and not b.keep then kept[#kept + 1] = b end end
    local function elsewhere(name, self)
      local surname = name:match("(%S+)$")
      for _, c in ipairs(kept) do
        if c ~= self and c.take and (c.text:find(name, 1, true) or (surname and c.text:find(surname, 1, true))) then return true end
      end
      return false
    end
    local function note(b, opening)
      return b and #kept > 2 and st.bio:is_note(b.text, b.nw, authors, (not opening) and function(n) return elsewhere(n, b) end or nil)
    end
    local function drop_note(b)
      b.take = false
      b.why = "author note"
    end
    -- (an author box's name line above its note, or alone closing the body: a line
    -- that is only a byline author's name, or the name its note below opens with)
    local function box_name(b, below)
      local t = b.text
      if b.nw > 5 or not st.meta.is_person(t) then return false end
      if below and below.why == "author note" and below.text:sub(1, #t + 1) == t .. " " then return true end
      for _, a in ipairs(authors) do if a == t then return true end end
      return false
    end
    cut_after_note(kept, authors, note, drop_note, st)
    local x = #kept
    while x > #kept - 4 and x > 2 do
      if note(kept[x]) then drop_note(kept[x])
      elseif (not kept[x + 1] or kept[x + 1].take == false) and st.bio:role_note(kept[x], kept[x - 1], authors, st.meta) then
        -- (a box's bio line opening with the writer's role, under the name line)
        drop_note(kept[x])
      elseif box_name(kept[x], kept[x + 1]) then
        kept[x].take = false
        kept[x].why = "author box name"
      else
        -- (its role line, or a "NAME, ROLE" sign-off: docpipe.clean.bio)
        local why = st.bio:box_line(kept[x], kept[x + 1], authors, st.meta)
        if not why then break end
        kept[x].take = false
        kept[x].why = why
      end
      x = x - 1
    end
    if #authors > 0 and kept[1].take and note(kept[1], true) then drop_note(kept[1]) end
  end

  -- paragraphs and dateline
  local paragraphs = dp.array({})
  local dateline, dl_outlet = nil, nil
  for _i = 1, #live do local b = live[_i]
    if b.take or (b.keep and not b.role) then
      local t = b.text
      -- (a paragraph of speech opened by a dialogue dash keeps it: docpipe.clean.dialogue)
      local dash = b.bullet and b.take and st.dialogue:dash(live, _i)
      if dash then t = dash .. " " .. t end
      -- (or the second, under a caption the body kept: "A ferry at its berth. (Agency)")
      -- (or the third, under a caption and its credit on two lines; or the second under a
      -- standfirst when it opens on a wire dateline: docpipe.clean.meta before_lead)
      local lead = #paragraphs == 0 or (not dateline and #paragraphs <= 2 and st.meta.before_lead(paragraphs))
      if lead then
        -- (the headline and body, read only for a bare place before a dash)
        local dl = st.meta.dateline(t, function()
          local parts = { title_i and live[title_i] and live[title_i].text or "" }
          for _, c in ipairs(live) do if c.take then parts[#parts + 1] = c.text end end
          return table.concat(parts, "\n|\n")
        end, text, date)
        if dl and lead == "standfirst" and not st.meta.wire_prefix(dp.text.trim(t:sub(1, #t - #dl.rest))) then dl = nil end
        if dl then
          dateline = dl.place
          if dl.outlet then
            -- (the agency's fuller name, "Tanjung Press" in a byline or a footer over
            -- "(Tanjung) --", stays: docpipe.clean.meta agency_full)
            local full = st.meta.agency_full(dl.outlet, outlet, authors, text)
            outlet, dl_outlet = full, full
            -- a byline naming the dateline's agency ("By Daewon News" over "SEONGHA,
            -- Nov. 29 (Daewon News) --") credits no person
            for k = #authors, 1, -1 do
              local a = authors[k]:lower()
              if a == dl.outlet:lower() or a == full:lower() then table.remove(authors, k) end
            end
          end
          local prefix = dp.text.trim(t:sub(1, #t - #dl.rest))
          b.dateline_prefix = prefix
          -- (a page with no other date: the dateline's own, when it gives the year,
          -- "BROOKMERE, Ind. (Nov. 29, 2026) —")
          if not date and find(prefix, "%d%d%d%d") then date = st.dates:parse(prefix, st.day_first) end
          t = dl.rest
        end
      end
      if t ~= "" then paragraphs[#paragraphs + 1] = t end
    end
  end

  -- the outlet when the dateline, byline or header named none, and the fuller form of
  -- the one they named (docpipe.clean.outlet)
  outlet = outlet_mod.resolve(st, live, text, title_i, limit, outlet, dl_outlet)

  -- the removed list, in page order
  for _i = 1, #all do local b = all[_i]
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
        elseif b.relative then reason = "timestamp (relative)"
        elseif b.byline then reason = "byline (other story)"
        elseif b.ending then reason = "end of article marker"
        elseif b.drop then reason = "drop pattern"
        elseif b.cue then reason = "boilerplate: " .. b.cue
        elseif b.bullet and b.class == "short" then reason = body_mod.table_row(all, _i) and "data table" or "navigation"
        else reason = "outside main text (" .. b.class .. ")" end
      end
      b.reason = reason -- (for explain: the reason meta.removed gives)
      drop(b.text, reason)
    end
  end
  if refs then drop(refs, "link references (lynx)") end

  doc.title = given(prior.title) and prior.title or (title_i and live[title_i].text or null)
  doc.authors = given(prior.authors) and prior.authors or authors
  doc.outlet = given(prior.outlet) and prior.outlet or (outlet or null)
  doc.date = given(prior.date) and prior.date or (date or null)
  doc.dateline = given(prior.dateline) and prior.dateline or (dateline or null)
  doc.highlights = given(prior.highlights) and prior.highlights or highlights
  doc.contributors = given(prior.contributors) and prior.contributors or contributors
  doc.paragraphs = paragraphs
  doc.text = concat(paragraphs, "\n\n")
  doc.meta.removed = removed
  -- a page of furniture only (a menu, a sign-in wall, a cookie notice) keeps no body:
  -- say so, rather than write an empty text as if all went well
  if #paragraphs == 0 and #removed > 0 and ctx.warn then
    ctx.warn(doc, ("no article text found: all %d blocks were removed as boilerplate (see meta.removed)"):format(#removed))
  end
  if next(report) then doc.meta.normalized = dp.object(report) end
  if o.explain then
    local ex = dp.array({})
    for x, b in ipairs(live) do
      local flags = {}
      for _, f in ipairs { "bullet", "cue", "label", "timestamp", "relative", "role_line", "ending", "drop", "keep", "sentence" } do
        if b[f] then flags[#flags + 1] = f == "cue" and ("cue:" .. b.cue) or f end
      end
      if b.byline then flags[#flags + 1] = "byline" end
      if b.name_line then flags[#flags + 1] = "name_line" end
      if b.contrib then flags[#flags + 1] = "contributor" end
      ex[#ex + 1] = dp.object({
        text = b.text, class = b.class, words = b.nw, density = math.floor(b.density * 100 + 0.5) / 100,
        score = score(b) <= NEG and "barrier" or score(b), window = (x >= ws and x <= we),
        -- (kept as the text is made: taken, or matched by a keep pattern and given no
        -- field; the reason as meta.removed gives it)
        kept = (b.take or (b.keep and not b.role)) and true or false, flags = concat(flags, " "), group = b.group,
        reason = not (b.take or (b.keep and not b.role)) and (b.reason or b.role or b.why) or nil,
      })
    end
    doc.meta.clean_blocks = ex
  end
  return doc
end

return M
