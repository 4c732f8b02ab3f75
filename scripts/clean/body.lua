--- The body of a page: the main-text window and the blocks kept inside it.
--
-- Method: BTE's maximum-sum window (Finn et al. 2001) over the block scores of
-- docpipe.clean.evidence, then jusText-style smoothing with the neighbours (Pomikálek
-- 2011):
--  * before the window: a sentence ending in ':' followed by two bullet items or more
--    makes the items list text (b.listed), unless it is the heading of a highlights
--    box ("At a glance:", en/clean_body_box_heads.txt);
--  * the window neither starts nor ends on highlight bullets or blocks worth nothing
--    (numbered items that are sentences, and introduced lists, are text);
--  * a short opening sentence under the header or carrying a dateline starts the body;
--  * short lines between the last paragraph and the end of the article belong to the
--    body up to the last sentence among them (a closing one-line paragraph; past five
--    such lines only a sentence right under the paragraph), or up to a contributor line;
--  * inside the window, cue blocks, all-capitals labels and low-density
--    non-sentences go; an all-capitals line between two kept paragraphs is a subhead
--    and stays (unless the page repeats it: a section label; a media label in capitals,
--    "UP NEXT", over a sentence of prose too, unless it names a clip or a picture); a short line between two
--    cue lines of its group (or a cue line and a dropped label) is part of a boilerplate
--    box (a newsletter box, a chart's caption above its ticker line); the short
--    lines after an advertisement label in its group are the advertisement; the
--    headline-like lines under a "Related ..." heading (numbered ones too: "Most
--    read"), or a bare "Related:" / "Read more:" / "ALSO READ" label in their group,
--    are links (the first line under a bare label even when longer than a short line,
--    when it is headline-shaped and no sentence: the other story's title); so
--    is a run of short headline-like lines (link_run in one blank-line group, or one
--    more across groups; a time line inside the run is passed over) unless a sentence
--    ending in ':' introduces it as a list; the advertisement's copy stops at the next
--    paragraph; a relative time ("2h ago") goes; a block that is not good between a
--    list of links in its group and links or nothing kept (beside an advertisement,
--    links or a headline not kept: not the footer) is a teaser's blurb
--    (jusText's context rule); a short block right above a picture credit is its
--    caption, and so is a block between an image's name ("[pier.jpg]") and a short
--    credit line (an outlet, an agency, a person), which goes with it; in a live blog (time line, heading, text) the heading under the time line
--    just above the window opens the body; a kept block whose words all stand, in
--    order, inside a longer kept paragraph is a pull quote and goes (its sentences may
--    stand apart in the paragraph, split by "she says"); a line shaped like a headline
--    that opens with a quoted phrase and a colon is a pull quote or a link and goes; a
--    "NAME/OUTLET" line is a picture credit and the short block above it its caption; the
--    article resumes after a box set inside it (M.resumed_after_box); a table of
--    figures goes with its heading (docpipe.clean.tabular); the blurb under an audio or
--    video widget goes (docpipe.clean.widgets); a review's info box of fact lines goes
--    (docpipe.clean.factbox); the bullet links under a bare "Read
--    also:" label go across a blank line, up to the first line that is no bullet; a
--    short sentence above a sign-off ("— AB") closes the body, past a caption; a
--    correction note under the contributor line or the sign-off is text (up to four
--    blocks past the window; en/clean_body_corrections.txt); a short block closed by a
--    call to action (en/clean_body_ad_calls.txt: "Book now", "Get a quote", "Call
--    NUMBER today"), quoting and reporting no one, is an advertisement's copy when it
--    stands right under an advertisement label (across a blank line) or carries a
--    price, a discount or a phone number and no closing full stop, or opens with a
--    brand's name and a dash over a slogan of three or more short sentences ("BRAND –
--    Business loans made simple. Decisions in 48 hours. Apply online today."; under a
--    label two are enough: "BRAND — Banking for the island. Open an account online.";
--    with or without one, a slogan of sentences up to twelve words closed by a sentence
--    that opens with a call: "BRAND – more milk from every cow. Order now from your
--    nearest agrovet or call NUMBER."), or is
--    closed by two calls in a row, a call and its small print ("Bet now. 18+ only.
--    Please gamble responsibly."); a short block closed by a link arrow whose last
--    sentence opens with an imperative of en/clean_prompt_verbs.txt ("Download the
--    NAME app ▸") is a link prompt (and a button's label glued after a kept sentence's
--    full stop, "... at the club office. Buy tickets", is cut from it); under
--    a label the call may open the copy before a colon (en/clean_body_ad_openers.txt: "Book your
--    winter escape: ..."), or stand at any sentence's start with a brand's name before a
--    dash or a colon opening the block, or an offer (en/clean_body_ad_offers.txt: "NAME
--    Mobile: Stay connected. Recharge now with 20% bonus data."); a betting prompt, odds on the block ("a 9/2 chance", an
--    "Odds:" label) closed by a call to compare prices, goes too; a sentence-case
--    subhead right under an empty advertisement label, above a paragraph, stays; a
--    release's "About [the] NAME" heading over a paragraph about NAME (or "About the
--    Board" over "The NAME State Board of ... licenses ...": the one-word name heading
--    the organisation's full name) with a web
--    address, or over one describing NAME ("NAME is a ...") with no paragraph under
--    it, ends the article, and nothing resumes after it (about_boxes), nor after a
--    heading of a release's end matter for editors ("Notes to editors", "(ENDS)"); a lead
--    paragraph carrying a dateline, set apart from the window by up to four blocks of a
--    picture's debris (a caption, its credit), opens the body; a run of headline lines
--    in one group with longer ones among them (up to 20 words, no sentence but a
--    question) is a teaser list, counted like link_run; a teaser card whose headline a
--    dump writes twice, a caption under a bare "Caption" label
--    (docpipe.clean.teasers), a picture's description written twice
--    (docpipe.clean.captions) and a closing note on the credit programme behind the
--    story, or on the newsroom partnership the outlet belongs to (docpipe.clean.endnotes)
--    go; so do a caption with no credit, a short line that shows rather than tells,
--    between two longer paragraphs or under the header (bare_caption), and a
--    release's contact line ("For more information, contact ... 555-0148") right above
--    its About box or end marker (release_contact); a short closing sentence right
--    above an end marker ("– ENDS –") closes the body; a teaser card between two paragraphs, closed by its story's date stamp, goes
--    and the window runs across it (docpipe.clean.inlinebox); a clock alone over an
--    entry's heading (a live blog's entry time) goes, and so does a feed's label of
--    one or two words ("Updates") right above the first entry, under a line that went;
--    a pull quote's "— NAME" attribution goes under a pull quote the repeat cut took out
--    whole (docpipe.clean.blocks), its dash perhaps read as a bullet, and so does a
--    "NAME, role" line with no dash under a pull quote set in quotes; a lone button
--    line of up to three words, a group of its own, that is a call from its first word
--    ("Book now"), goes unless it is a subhead over its paragraph; under an
--    advertisement label, a brand and a dash over a list of services in lower case
--    with a call or an offer ("NAME - windows and doors. Free quote, call today.")
--    goes; a call-to-action
--    button beside an appeal that went goes (docpipe.clean.buttons); and a highlights
--    box under the lead paragraph ("At a glance") gives the page's highlights
--    (docpipe.clean.hlbox). Under an advertisement label, copy closed by the
--    advertiser's sign-off ("NAME Bank — Growing with you.") goes; so does a short
--    promotion closed by a button's text run into it with no stop ("... on sale now.
--    Fireworks every Friday! Buy tickets": a call of en/clean_body_ad_calls.txt after an
--    exclamation, a question to the reader or an offer of en/clean_body_ad_offers.txt);
--    a booking box closing the window (short lines, one with an offer, in the group of
--    the button right under the window: "Book now for NAME" / "From £15." / "Book
--    tickets") goes as an advertisement; a pull quote may repeat a
--    paragraph only two words longer ("... he asked."); an image's alt text right above
--    its credited caption, repeating most of its words, goes; an end box closing the
--    window (a heading and a short text in one group, alone in it, in a page that sets
--    its blocks apart by blank lines, over boilerplate: "Pray with us" over a prayer)
--    goes (end_box), and a release's contact line above it, past a correction note; a
--    closing section under a table of figures right under the window (a short heading
--    over a paragraph of 12 words or more: "Next up" over the next game; or a closing
--    sentence of 8 words or more right under the table, no imperative opening it) is
--    text, the window running over the table to it (closing_section); rows of the table
--    in a run of link-like lines go as a data table. A sponsor's line ("Presented by
--    NAME – a slogan. Visit NAME.example.ca") goes as an advertisement. An advertisement's copy
--    with no label goes when it opens with an imperative (en/clean_body_ad_verbs.txt),
--    closes with a call (a dial code, "Book now at NAME.example") and carries an offer
--    (a rate: "11.8% p.a.", "0% interest", "12 months to pay") or a brand's name
--    (imperative_copy); so does copy whose own line opens with the label
--    ("ADVERTISEMENT: Top up with NAME ..."). A caption with no credit may be longer
--    (up to 30 words) and a sentence anywhere when it carries a position marker
--    ("(right)", "(second from left)") and reports no one, or up to 20 words when it
--    names people at a place with no verb ("NAME and NAME at the powerhouse on the
--    switch-on day"): the paragraphs on either side need only be longer. A closing
--    sentence right above a release's contact line ("Media contact: NAME, 555-0148")
--    closes the body. A standfirst right under the byline or the date line, or under
--    a share bar below them (the window's first block, a headline-shaped sentence of eight words or more closed by
--    no stop, over a paragraph of prose) goes; a pull quote set in quotes may leave out
--    up to two words of its paragraph with no ellipsis; the outlet's imprint closing
--    the body ("NAME is published ... by ...", docpipe.clean.endnotes) goes. Under an
--    advertisement label, copy of one or two sentences that opens with an imperative
--    before a determiner ("Open a ... account with NAME Bank in minutes.") and names a
--    brand or carries an offer goes; a capitals subhead may follow a numbered list's last
--    item that is a sentence; a caption above a "NAME/Photographer" credit across a
--    blank line goes when the page prints it again (a gallery).
-- Sets b.take (kept) or b.why (the reason it went) on the blocks of the window.
-- Units: indices into the list of live blocks (1-based).

local ev = require "docpipe.clean.evidence"
local blocks_mod = require "docpipe.clean.blocks"
local tabular = require "docpipe.clean.tabular"
local factbox = require "docpipe.clean.factbox"
local widgets = require "docpipe.clean.widgets"
local endnotes = require "docpipe.clean.endnotes"
local teasers = require "docpipe.clean.teasers"
local captions = require "docpipe.clean.captions"
local inlinebox = require "docpipe.clean.inlinebox"
local anchor = require "docpipe.clean.anchor"
local buttons = require "docpipe.clean.buttons"
local hlbox = require "docpipe.clean.hlbox"
local entries = require("docpipe.clean.lists").entries

local NEG = ev.NEG
local score, best_window = ev.score, ev.best_window
local is_linklike, introduces, is_timeline = ev.is_linklike, ev.introduces, ev.is_timeline
local dp = require "docpipe"
local re = dp.re
local find, byte = string.find, string.byte
-- (one C call for several plain needles: each string.find is a call to C of its own)
local has_any = dp.cleanc.has_any
-- (ASCII classes as PCRE2 scans: a Lua pattern with a class costs some 150
-- instructions a byte of the text, the JIT a few)
local rx_digit, rx_money, rx_phone = re.compile("[0-9]"), re.compile("[$%]"), re.compile("[0-9]{3}[ ()-]*[0-9]{3}")
-- a pattern compiled on its first use (those read only on the rare blocks that get so
-- far: the start-up of a run does not pay for them)
local function lazy(src, flags)
  local rx
  return function()
    if not rx then rx = re.compile(src, flags) end
    return rx
  end
end

-- a credit line of a picture ("Photo: X/Agency", "Credit...X", "[Photo by X]")
local rx_credit = re.compile("^\\[?(?:(?:photo|photograph|image|picture)s?\\s*(?::|by\\b)|credit\\b)", "i")
local CAPTION_MIN, CAPTION_MAX = 7, 16 -- words of a caption with no credit
local POSED_MAX = 30 -- words of a caption with no credit and a position marker ("(right)")
local NAMED_MAX = 20 -- words of a caption with no credit naming people at a place
-- a caption with no credit: a short block (7 to 16 words: a line of six words or
-- fewer between paragraphs is as often a subhead or an inline link's headline, "NAME
-- retains control of the House") with no sentence end between two paragraphs, or
-- with a full stop as the window's first block, under the header ("The lower lock
-- from the towpath, with its new gates."; a line with no full stop there may be the
-- headline), no quote, colon, question or dateline dash, that shows rather than
-- tells: a noun phrase or a present-tense clause in the third person ("Casks in one
-- of the firm's older warehouses", "NAME celebrates his late winner at NAME Park").
-- A line that narrates (a relative pronoun, an auxiliary, a common irregular past, a
-- negation, a first or second person: "Talks that went on for a year", "Five things
-- we learned"), asks ("What the study does not say") or is set in title case (more
-- capitalised words than lower-case ones after the first: "A Backlog Years in the
-- Making") is a subhead; and it must show something (rx_shows). The paragraphs on
-- either side end a sentence and run to at least twice its words (tested by the caller).
local rx_narration = re.compile("\\b(?:i|we|you|our|your|us|that|which|who|was|were|is|are|be|been|has|have|had|will|would|could|should|can|may|might|must|did|does|do|went|came|took|made|got|gave|began|said|\\p{Ll}+n['’]t)\\b", "i")
-- what a caption shows: a thing and where it is (a noun phrase of up to five words
-- then a place or time: "Casks in ...", "The lower lock from ...") or a person doing
-- something of theirs ("NAME celebrates his late winner"); a headline names the act
-- alone ("NAME retains control of the House", "World worries as X looms")
local rx_shows = re.compile("^(?:\\S+\\s+){1,5}(?:in|at|on|from|during|outside|inside|near|beside|with|under|above|below|behind|after|before|along|across)\\s|\\b(?:his|her|their)\\b", "i")
local rx_wh_open = re.compile("^(?:what|why|how|who|whom|whose|where|when|which)\\b", "i")
-- a picture's position marker ("(right)", "(second from left)", "(l-r)", "(centre)"):
-- strong evidence of a caption
local rx_position = lazy("\\((?:(?:second|third|fourth|far|extreme|front|back|top|bottom|standing|seated)\\s+)?(?:(?:from\\s+)?(?:left|right)(?:\\s+to\\s+(?:right|left))?|centre|center|middle|l-r|r-l|left to right|row)\\)", "i")
-- a longer caption naming people at a place ("NAME and NAME, roles, at the powerhouse on
-- the switch-on day"): five to nine words before the place, at least two of them names
-- after the first, none a lower-case word in -s (a verb in the present), and no past
-- tense in the block (a narrated clause is no caption)
local rx_shows_names = lazy("^((?:\\S+\\s+){5,9}?)(?:at|in|on|outside|inside|near|beside|during)\\s")
local rx_past = lazy("\\p{Ll}ed[\\s.,]")
local rx_marker_past = lazy("\\)\\s+\\p{Ll}+ed\\b")
local function names_at_place(t)
  local pre = rx_shows_names():match(t)
  -- (a lower-case word in -s before the place may be a verb in the present: "The
  -- result lifts NAME to fourth in the table" narrates)
  if not pre or select(2, pre:gsub(" %u", "")) < 2 or find(pre, " %l+s ") then return false end
  return not rx_past():find(t)
end
local function bare_caption(t, posed, long)
  if find(t, '[":?]') or find(t, "“", 1, true) or find(t, "”", 1, true) or find(t, "%-%-")
    or find(t, " — ", 1, true) or find(t, " – ", 1, true) then return false end
  -- (words in single quotes are a headline's quotation: "NAME felt 'trapped' in ...")
  if find(t, "‘", 1, true) or find(t, "^'%a") or find(t, "%s'%a[^']*'") then return false end
  if rx_wh_open:find(t) or rx_narration:find(t) then return false end
  -- (title case: a subhead's last word is capitalised too; a caption naming a vessel or
  -- a body with a long name ends on a common noun: "The MV NAME of NAME at NAME pier.")
  if select(2, t:gsub(" %l", "")) <= select(2, t:gsub(" %u", "")) and not find(t, " %l[%l'’-]*%.?$") then
    return false
  end
  if long then return names_at_place(t) end
  return posed or rx_shows:find(t) ~= nil
end
-- do most words of an image's alt text a stand in its caption c? (words of three
-- letters or more, lower-cased; three of them at least, 70% found)
local function alt_of(a, c)
  local seen = {}
  for _, w in ipairs(dp.text.words(c:lower())) do seen[w] = true end
  local n, hit = 0, 0
  for _, w in ipairs(dp.text.words(a:lower())) do
    if #w >= 3 then n = n + 1; if seen[w] then hit = hit + 1 end end
  end
  return n >= 3 and hit >= 0.7 * n
end
-- a caption closed by its credit as a sentence of its own ("... during a recent
-- veterinary check. Photo by NAME, NAME Zoo.", "... at dawn. Photos courtesy of the
-- NAME Trust."): a short kept block (up to CREDITED_MAX words) whose last sentence only
-- names who made or gave the picture (capitalised words, "of", "and", "the"), after a
-- sentence of its own; an article's paragraph does not close on a picture credit
local CREDITED_MAX = 40
local rx_credit_close = lazy("[.!?][\"'”’)]?\\s+(?:photos?|photographs?|pictures?|images?)\\s+(?:by|courtesy\\s+of|supplied\\s+by|submitted\\s+by)\\s+(?:the\\s+)?(?-i:\\p{Lu})[\\p{L}\\p{M}.'’-]*(?:,?\\s+(?:of|and|the|for|&|(?-i:\\p{Lu})[\\p{L}\\p{M}.&'’-]*)){0,8}\\.?$", "i")
local function credit_closed(live, ws, we)
  for x = ws, we do
    local b = live[x]
    if b.take and not b.keep and not b.bullet and b.nw >= 5 and b.nw <= CREDITED_MAX then
      local t = b.text
      -- (the cheap test first: " by " or "courtesy of" among the last 80 bytes)
      local from = #t > 80 and #t - 80 or 1
      if (find(t, " by ", from, true) or find(t, "ourtesy of ", from, true)) and rx_credit_close():find(t) then
        b.take = false
        b.why = "caption (closed by its credit)"
      end
    end
  end
end
local function para_for(c, b) return c ~= nil and c.take and c.sentence and c.nw >= 2 * b.nw and not c.bullet end
local function para_over(c, b) return c ~= nil and c.take and c.sentence and c.nw > b.nw and not c.bullet end
local rx_image_name = re.compile("^\\[(?:[^\\]]*\\.(?:jpe?g|png|gif|webp|svg|avif)|img|image|photo|picture)\\]$", "i")
local function is_credit(b)
  return b ~= nil and (b.cue == "caption" or (b.cue == "media" and rx_credit:find(b.text) ~= nil))
end

-- a line of heading h's group that went already and is no sentence, shaped like a
-- headline of up to 24 words (a list of links under a "Related" heading)
local function gone_headline(b, h)
  return b ~= nil and not b.take and b.why ~= nil and b.group == h.group and b.nw <= 24 and not b.sentence
    and not b.bullet and ev.headline_shaped(b)
end
-- a short numbered or bulleted line that is no sentence: an item of a link list under
-- a "Most read" heading ("1. Wildfire near Cascabel Ridge forces evacuations")
local function is_list_link(b)
  return is_linklike(b) or (b.bullet ~= nil and b.class == "short" and not b.sentence and not b.listed)
end

local M = {}

--- Is a short block a caption with no credit by its shape? (see bare_caption)
M.bare_caption = bare_caption

-- one caseless alternation of a data file's patterns and the extra ones, anchored at the
-- start (whole: up to the end too, a colon allowed)
local function union(lang, file, extra, whole)
  local pats = entries(lang, file, extra)
  if #pats == 0 then return nil end
  return re.compile("^(?:(?:" .. table.concat(pats, ")|(?:") .. "))" .. (whole and "\\s*:?$" or ""), "i")
end

--- Matchers of a language's box headings (en/clean_body_box_heads.txt) and correction
-- notes (en/clean_body_corrections.txt), each with extra patterns (lists, may be nil).
-- (programmes: more names of credit programmes, whose closing notes go: docpipe.clean.endnotes)
-- (media: more media words of an outlet's partnership note, docpipe.clean.endnotes)
-- (button_calls: more texts of a call-to-action button, docpipe.clean.buttons)
-- (ad_offers: more offers of an advertisement's copy, en/clean_body_ad_offers.txt)
-- (result_words: more words of a result line under a table, en/clean_body_result_words.txt)
function M.new(lang, box_heads, corrections, ad_calls, ad_openers, programmes, media, button_calls, ad_offers, ad_verbs, result_words)
  local results = {}
  for _, w in ipairs(dp.data.list(lang .. "/clean_body_result_words.txt")) do results[w:lower()] = true end
  for _, w in ipairs(result_words or {}) do results[w:lower()] = true end
  local calls = entries(lang, "clean_body_ad_calls.txt", ad_calls)
  local opens = entries(lang, "clean_body_ad_openers.txt", ad_openers)
  local offers = entries(lang, "clean_body_ad_offers.txt", ad_offers)
  local verbs, ad_verbs_set = {}, {}
  for _, w in ipairs(dp.data.list(lang .. "/clean_prompt_verbs.txt")) do verbs[w:lower()] = true; ad_verbs_set[w:lower()] = true end
  for _, w in ipairs(dp.data.list(lang .. "/clean_body_ad_verbs.txt")) do ad_verbs_set[w:lower()] = true end
  for _, w in ipairs(ad_verbs or {}) do ad_verbs_set[w:lower()] = true end
  -- (the longest, in bytes: the first word of a block is looked up only when no longer)
  local ad_verb_len = 0
  for w in pairs(ad_verbs_set) do if #w > ad_verb_len then ad_verb_len = #w end end
  -- (their first two bytes, lower-cased, as integers: a block whose first two are none
  -- of them is passed over by a table lookup)
  local ad_verb_pairs = {}
  for w in pairs(ad_verbs_set) do
    local a, b = w:byte(1, 2)
    if a and b then ad_verb_pairs[(a | 32) * 256 + (b | 32)] = true end
  end
  local company = {}
  for _, w in ipairs(dp.data.list(lang .. "/clean_company_words.txt")) do company[w:lower()] = true end
  return {
    -- the words closing a company's name ("Inc.": about_boxes)
    company = company,
    -- the imperatives that open a prompt to the reader (en/clean_prompt_verbs.txt)
    verbs = verbs,
    -- the words of a result line closing a table (docpipe.clean.tabular)
    results = results,
    -- the imperatives that open an advertisement's copy (en/clean_body_ad_verbs.txt and
    -- the prompt verbs: imperative_copy)
    ad_verbs = ad_verbs_set, ad_verb_pairs = ad_verb_pairs, ad_verb_len = ad_verb_len,
    -- more imperatives of an advertisement's copy under its label (ad_evidence)
    ad_imperatives = entries(lang, "clean_body_ad_imperatives.txt"),
    -- the ways a reader writes to the outlet (en/clean_body_reader_calls.txt: reader_call)
    reader_calls = (function(l) return #l > 0 and re.compile("(?<![\\w-])(?:(?:" .. table.concat(l, ")|(?:") .. "))(?![\\w-])", "i") or nil end)(entries(lang, "clean_body_reader_calls.txt")),
    -- the text of a call-to-action button beside an appeal (docpipe.clean.buttons)
    buttons = buttons.new(lang, button_calls),
    box_head = union(lang, "clean_body_box_heads.txt", box_heads, true),
    -- the headings of a release's end matter, after which nothing resumes the body
    release_end = union(lang, "clean_body_release_ends.txt", nil, true),
    notes = endnotes.new(lang, programmes, media),
    correction = union(lang, "clean_body_corrections.txt", corrections, false),
    -- the call closing an advertisement's copy, as its last sentence
    ad_call = #calls > 0 and re.compile("(?:^|[.!?:;|–—-]\\s*)(?:(?:" .. table.concat(calls, ")|(?:")
      .. "))\\s*[.!]*$", "i") or nil,
    -- the sources of a call at a sentence's start anywhere in the copy ("... Recharge
    -- now with 20% bonus data.") and of an offer in it ("20% bonus data", "Weekend
    -- specials", "$6"): read only under an advertisement label, so compiled on first use
    -- (labelled_copy)
    ad_lead_src = #calls > 0 and "(?:^|[.!?:;|–—-]\\s*)(?:(?:" .. table.concat(calls, ")|(?:") .. "))(?![\\p{L}\\d])" or nil,
    ad_offer_src = #offers > 0 and "(?<![\\p{L}\\d])(?:(?:" .. table.concat(offers, ")|(?:") .. "))(?!\\p{L})" or nil,
    -- the call opening an advertisement's copy, before a colon or an exclamation mark
    ad_open = #opens > 0 and re.compile("^(?:(?:" .. table.concat(opens, ")|(?:") .. "))[^.:!?\"“”]{0,40}[:!]\\s", "i") or nil,
  }
end


-- a release's contact line closing the window ("For more information about the
-- programme, contact the Admissions Office at 555-0148 or admissions@..."): the last
-- kept block, one sentence of up to 40 words that opens by sending the reader to a
-- contact and holds a phone number, an e-mail address or a web address, quoting no
-- one, goes when the release's end matter follows right under the window (an "About
-- NAME" heading or an end marker: "Media contact", "– ENDS –"); an article's own
-- closing line, with no end matter under it, stays
local rx_contact_line = re.compile("^(?:(?:\\p{Lu}[\\p{L}'’-]*\\s+){1,2}(?:with (?:questions|queries|concerns)|who (?:have|want|wish) [^.!?,]{1,30}?)\\s+(?:can|should|may|are asked to|are invited to)\\s+|for (?:more|further|additional) (?:information|details)\\b[^.!?]{0,80}?,?\\s+(?:please\\s+)?|to (?:learn|find out) more\\b[^.!?]{0,80}?,?\\s+(?:please\\s+)?)?(?:contact|call|phone|ring|e-?mail|visit|write to)\\b", "i")
local rx_contact_means = re.compile("@\\S+\\.\\p{L}|\\b\\d{3}[-. ]\\d{3,4}(?:[-. ]\\d{4})?\\b|\\bwww\\.|https?://|\\.(?:com|org|net|edu|gov|example)\\b", "i")
local function release_contact(m, live, ws, we)
  local x = we
  local boxed = false
  -- (past a correction note, and past an end box that went: end_box)
  while x >= ws and (not live[x].take or (m and m.correction and live[x].sentence and m.correction:find(live[x].text))) do
    boxed = boxed or live[x].why == "end box"
    x = x - 1
  end
  local nx = live[we + 1]
  if x < ws or not nx or not (nx.about or nx.ending or boxed) then return end
  local b = live[x]
  local t = b.text
  if b.keep or b.bullet or b.nw > 40 or not b.sentence or not rx_contact_line:find(t)
    or t:find("[\"“”]") or not rx_contact_means:find(t) then return end
  -- (one sentence: no stop followed by a capital inside it)
  if t:find("[%l%d][.!?] %u") then return end
  b.take = false
  b.why = "release contact"
end

-- an end box closing the window ("Pray with us" over a prayer, "Did you know?" over a
-- fact): in a page that sets its paragraphs and subheads apart by blank lines, the
-- last kept blocks are a heading (up to six words, no stop) and one short block (up
-- to 50 words) right under it in its group, the two alone in it, and the block under
-- the window went as boilerplate or an end mark (a box of the same kind: an appeal,
-- a share bar): both go. A subhead over the article's last section has a blank line
-- under it.
local MAX_BOX_TEXT = 50
local function end_box(live, ws, we)
  local nx = live[we + 1]
  if not nx or nx.take or not (nx.cue or nx.ending) then return end
  local x = we
  while x >= ws and not live[x].take do x = x - 1 end
  local p, h = live[x], live[x - 1]
  if x - 1 <= ws or not h.take or h.keep or p.keep or h.bullet or p.bullet or h.cue or p.cue then return end
  -- (a question may head it: "Did you know?")
  if h.group ~= p.group or h.nw < 1 or h.nw > 6 or (h.sentence and h.text:sub(-1) ~= "?") or find(h.text, "[.!:;]$")
    or p.nw > MAX_BOX_TEXT or p.nw < 5 or not p.sentence then return end
  -- (the pair alone in its group, and the page's blocks above apart: the two kept
  -- blocks above in groups of their own)
  local a = x - 2
  while a >= ws and not live[a].take do a = a - 1 end
  local a2 = a - 1
  while a2 >= ws and not live[a2].take do a2 = a2 - 1 end
  if a2 < ws or live[a].group == h.group or live[a].group == live[a2].group then return end
  if live[x + 1] and live[x + 1].group == p.group and x + 1 <= we then return end
  h.take, h.why = false, "end box"
  p.take, p.why = false, "end box"
end

-- a correction note under the article, past the contributor line, the sign-off or a
-- timestamp that closes the body (up to four blocks on; not past a related box): text
local MAX_NOTE_GAP = 4
-- the most blocks of a picture's debris between a dateline's lead paragraph and the window
local MAX_LEAD_GAP = 4
local function correction_notes(m, live, we)
  if not (m and m.correction) then return end
  for c = we + 1, math.min(#live, we + MAX_NOTE_GAP) do
    local b = live[c]
    if b.ending or b.cue == "readmore" then break end
    if not b.take and b.nw >= 6 and b.nw <= 80 and b.sentence and m.correction:find(b.text) then
      b.take = true
      b.why = nil
    end
  end
end


local words_of = require("docpipe").text.words
local rx_attrib_line = re.compile("^(?:[—–―]|-{1,2})\\s*\\p{Lu}")
-- a pull quote's attribution as a name and a role set apart by a comma ("Ingrid Vale,
-- director", "Tomas Reyes, chair of the board"): two to four capitalised words, a comma,
-- a role of letters (no digit, no stop); up to ROLE_LINE_WORDS words
local ROLE_LINE_WORDS = 8
local STOP_END = { [46] = true, [33] = true, [63] = true, [58] = true }
-- (compiled on first use: it is needed only under a pull quote)
local NAME_ROLE_LINE = "^\\p{Lu}[\\p{L}'’.-]+(?:\\s+\\p{Lu}[\\p{L}'’.-]+){1,3},\\s+[\\p{L}'’&-]+(?:\\s+[\\p{L}'’&-]+){0,5}$"
local rx_name_role_line
local function name_role_line(t)
  if not rx_name_role_line then rx_name_role_line = re.compile(NAME_ROLE_LINE) end
  return rx_name_role_line:find(t) ~= nil
end
-- a sign-off closing an article: a dash and initials or an agency in capitals ("— AB",
-- "-- POPA", "— J.K./AP")
local rx_signoff = re.compile("^(?:[—–―]|-{1,2})\\s*\\p{Lu}[\\p{Lu}./ ]{0,15}$")
-- the pieces of a pull quote: split at an ellipsis, and its "— NAME" attribution cut off
local rx_attrib_tail = re.compile("\\s+(?:[—–―]|--?)\\s*\\p{Lu}[^—–―]{0,60}$")
-- (opening and closing quotes apart: an alternation with a floating branch would try
-- the anchored one at every position)
local rx_pq_open = re.compile("^\\W{0,2}[\"“‘«]")
local rx_pq_close = re.compile("[\"”’»]\\W{0,2}$")
local rx_pq_dashed = re.compile("\\s[—–―]\\s*\\p{Lu}[^—–―]{0,60}$")
-- set out in quotes, or closing on a dash and a name (the dash looked for first: the
-- pattern would otherwise be tried at every space)
local function pq_shape(t)
  return rx_pq_open:find(t) or rx_pq_close:find(t) or ((find(t, "—", 1, true) or find(t, "–", 1, true) or find(t, "―", 1, true))
    and rx_pq_dashed:find(t))
end
local rx_reporting = re.compile("\\b(?:said|says|told|asked|added|according to)\\b", "i")
-- an advertisement's copy: a short block closed by a call to action ("... from $199.
-- Book now"), with no quotation and no reporting verb, under an advertisement label (the
-- block above, across a blank line) or carrying a price, a discount or a phone number
-- and closed without a full stop ("... from $199. Book now", "Call 0977 410 220 today!";
-- a discount: "20% off", "save 10%")
local rx_offer = re.compile("[$£€¥₹]\\s?\\d|\\d\\s?(?:%|per ?cent)\\s*off\\b|\\bsave (?:up to |an extra )?\\d+(?:\\.\\d+)?\\s?(?:%|per ?cent)|\\b\\d[\\d ()-]{7,}\\d\\b", "i")
local rx_odds = re.compile("^(?:odds|betting|bet|tips?)\\s*:|\\b(?:a|an|is|are|was|were|at|from)\\s+\\d{1,3}/\\d{1,2}(?![/\\d])(?:\\s+(?:chance|shot|favourite|favorite|to)\\b)?", "i")
-- an advertiser's name, a dash and a slogan of short verbless sentences ("Harrowgate
-- Savings Bank – Business loans made simple. Decisions in 48 hours. Apply online
-- today."): the brand (title-case words) opens the block, and after the dash come at
-- least three sentences of at most eight words each (a slogan, not a clause set off
-- between dashes: "NAME – which represents 140 firms – said ...")
local rx_brand_dash = re.compile("^\\p{Lu}[\\p{L}'’&.-]*(?:\\s+(?:of|and|&|the|\\p{Lu}[\\p{L}'’&.-]*)){0,5}\\s+[–—-]\\s+\\p{Lu}")
-- (under an advertisement label the words after the dash may be a list of services in
-- lower case, in sentences of up to twelve words: "NAME - windows, doors and
-- conservatories. Free quote, call today.")
-- the number of sentences (ended by . ! or ?) in t from byte i on, or nil when one of
-- them has more than max words: a slogan's copy is a run of short sentences
local function short_sentences(t, i, max)
  local n = 0
  for sent in (t:sub(i) .. " "):gmatch("(.-[.!?])%s+") do
    n = n + 1
    local w = 0
    for _ in sent:gmatch("%S+") do w = w + 1 end
    if w > max then return nil end
  end
  return n
end

-- (compiled on first use: it is needed only under a label)
local BRAND_DASH_LOOSE = "^\\p{Lu}[\\p{L}'’&.-]*(?:\\s+(?:of|and|&|the|\\p{Lu}[\\p{L}'’&.-]*)){0,5}\\s+[–—-]\\s+\\p{Ll}"
local rx_brand_dash_loose
local function branded(t, least, loose)
  -- (the cheap test first: both patterns need one of their dashes, and most blocks hold
  -- none)
  if not has_any(t, "-", "\226\128\147", "\226\128\148") then return false end
  if loose and not rx_brand_dash_loose then rx_brand_dash_loose = re.compile(BRAND_DASH_LOOSE) end
  local s, e = (loose and rx_brand_dash_loose or rx_brand_dash):find(t)
  if not s then return false end
  -- (a list of services may run to twelve words: "bespoke beach huts, sheds and garden
  -- rooms built on the Island.")
  local n = short_sentences(t, e, loose and 12 or 8)
  return n ~= nil and n >= (least or 3)
end
-- an advertiser's name, a dash and a slogan, closed by a call to the reader ("NAME
-- Agro Inputs – quality seedlings and spray pumps at farm-gate prices. Visit our shop
-- on Station Road.", "NAME Dairy Meal – more milk from every cow. Order now from your
-- nearest agrovet or call NUMBER."): two sentences or more, each before the last of at
-- most twelve words, the last one opening with a call (en/clean_body_ad_calls.txt, as
-- a sentence's start: "Visit our shop on NAME Road.", "Order now from ...") and
-- closed by a stop (a dash set in a sentence, "NAME – which ... – said", quotes
-- someone: the caller tests that)
local function branded_call(m, t)
  -- (the cheap tests first: a stop closing the block, a spaced dash)
  -- (the caller saw a stop closing the block and a capital or a UTF-8 lead byte
  -- opening it)
  -- (a spaced en dash, em dash or hyphen after the brand's name, six words at most)
  -- (one call to C for the three first: most blocks hold none of them)
  if not has_any(t, " \226\128\147 ", " \226\128\148 ", " - ") then return false end
  local d = find(t, " \226\128\147 ", 1, true) or find(t, " \226\128\148 ", 1, true) or find(t, " - ", 1, true)
  if d > 80 then return false end
  if not rx_brand_dash_loose then rx_brand_dash_loose = re.compile(BRAND_DASH_LOOSE) end
  local s, e = rx_brand_dash:find(t)
  if not s then s, e = rx_brand_dash_loose:find(t) end
  if not s then return false end
  local sents = {}
  for sent in (t:sub(e) .. " "):gmatch("(.-[.!?])%s+") do sents[#sents + 1] = sent end
  local n = #sents
  if n < 2 then return false end
  for k = 1, n - 1 do
    local w = 0
    for _ in sents[k]:gmatch("%S+") do w = w + 1 end
    if w > 12 then return false end
  end
  if m.ad_lead == nil then
    if not m.ad_lead_src then return false end
    m.ad_lead = re.compile(m.ad_lead_src, "i")
  end
  return m.ad_lead:find(sents[n]) == 1
end
-- the words of a media label that name a clip or a picture
local rx_media_noun = re.compile("\\b(?:videos?|audio|photos?|photographs?|pictures?|images?|img|galler(?:y|ies)|graphics?|slides?(?:how)?|captions?|clips?|watch|listen|play(?:ing)?|replay)\\b", "i")
-- the byte offset of the last stop ("." "!" "?" and a space) in the last 40 bytes of t
-- (what find(t, "[.!?]%s+[^.!?]*[.!?]?$", init) gives: a match can only start at the
-- last stop before the last byte, when white space follows it; that stop is found by
-- plain searches, as a pattern with a class costs some 150 instructions a byte and
-- this one backtracks at every position)
local STOPS = { ".", "!", "?" }
local function last_stop(t)
  local n = #t
  local from, at = n > 40 and n - 40 or 1, nil
  for k = 1, 3 do
    local p = find(t, STOPS[k], from, true)
    while p and p < n do
      if not at or p > at then at = p end
      p = find(t, STOPS[k], p + 1, true)
    end
  end
  if at and find(t, "^%s", at + 1) then return at end
  return nil
end
-- is the copy closed by two calls in a row ("... Bet now. 18+ only.")? The last
-- sentence (after a stop in the last 40 bytes) must be a call, and so must the one
-- before it. (The calls are matched from the stop on, not over the whole block.)
local function two_calls(m, t)
  local i = last_stop(t)
  if not i or not m.ad_call:find(t:sub(i)) then return false end
  local rest = t:sub(1, i - 1)
  local j = last_stop(rest)
  return m.ad_call:find(j and rest:sub(j) or rest) ~= nil
end
-- a link's or a button's text closed by an arrow ("Download the NAME app ▸", "See the
-- latest warnings ›"): a short block (up to 30 words) whose last sentence opens with an
-- imperative of en/clean_prompt_verbs.txt, with no quotation and no reporting verb
local ARROW_END = {}
for _, a in ipairs { "▸", "▶", "►", "→", "➔", "➜", "➤", "›", "»", ">" } do ARROW_END[a:byte(-1)] = true end
local rx_arrow_end = re.compile("\\s(?:▸|▶|►|→|➔|➜|➤|›|»|>)\\s*$")
local rx_last_sentence = re.compile("(?:^|[.!?]\\s+)\\W{0,3}(\\p{L}[\\p{L}'’-]*)[^.!?]*$")
-- a button's label glued to the end of a kept sentence by the dump ("Tickets go on sale
-- on Tuesday at the club office. Buy tickets", "... Read more"): the byte offset of the
-- stop before it, or nil. The label is the block's last words (up to four, capitalised,
-- no digit, no stop), a call of en/clean_body_ad_calls.txt, after a full stop;
-- only the label goes (the sentence may be the article's)
local function glued_button(m, t)
  -- (the full stop before the label is found by plain searches in the last 40 bytes)
  local n = #t
  local i = find(t, ". ", n > 40 and n - 40 or 1, true)
  if not i then return nil end
  local q = find(t, ". ", i + 1, true)
  while q do i = q; q = find(t, ". ", i + 1, true) end
  local tail = t:sub(i + 1):gsub("^%s+", "")
  local c = byte(tail, 1)
  if not c or c < 65 or c > 90 or find(tail, "%d") then return nil end
  local _, nw = tail:gsub("%S+", "")
  if nw > 4 or not m.ad_call:find(tail) then return nil end
  return i
end
-- Cut a button's label glued to the end of block b (glued_button) from its text: only
-- a block of six words or more closed by an ASCII letter is tried.
local function cut_glued_button(m, b)
  if not (m and m.verbs and m.ad_call) or b.keep or b.nw < 6 then return end
  local z = byte(b.text, -1) or 0
  if not ((z >= 65 and z <= 90) or (z >= 97 and z <= 122)) then return end
  local i = glued_button(m, b.text)
  if i then b.text = b.text:sub(1, i) end
end
local function arrow_prompt(m, b)
  if not (m and m.verbs) or b.nw > 30 or b.keep then return false end
  local t = b.text
  -- (the cheap test first: the block's last byte is the last byte of an arrow)
  if not ARROW_END[byte(t, -1) or 0] or not rx_arrow_end:find(t) then return false end
  if find(t, '"', 1, true) or find(t, "“", 1, true) or rx_reporting:find(t) then return false end
  local w = rx_last_sentence:match(rx_arrow_end:gsub(t, ""))
  return w ~= nil and (m.verbs[w:lower()] == true or (m.ad_verbs ~= nil and m.ad_verbs[w:lower()] == true))
end
-- the copy right under an advertisement label: a call at a sentence's start, not
-- closing the block ("Shop now at any branch.", "Recharge now with 20% bonus data."),
-- with a brand's name before a dash or a colon opening the block ("NAME – Weekend
-- specials ...", "NAME Mobile: Stay connected ...") or an offer (en/clean_body_ad_offers.txt),
-- and no quotation or reporting verb (a paragraph of the article under the label stays)
-- does a block quote someone (straight or curly double quotes) or report speech? then
-- it is the article's, no advertisement's copy
local function speaks(t)
  return find(t, '"', 1, true) ~= nil or find(t, "“", 1, true) ~= nil or find(t, "”", 1, true) ~= nil
    or rx_reporting:find(t) ~= nil
end
-- a contact line about the page itself closing the window: the last kept block, one
-- or two sentences of up to 40 words quoting no one, naming "this article" (item,
-- story, post, notice, page, report, release) and a way to write or call in (a phone
-- number, an e-mail or a web address: "Questions about this item may be directed to
-- the Town Office at 207-555-0143.", "Members with comments on this article can write
-- to the editor ... or email NAME@example.org")
local rx_this_page = re.compile("\\b(?:on|about|regarding|concerning|to|with|in|for) this (?:article|item|story|post|notice|news item|page|report|release|piece)\\b", "i")
local function page_contact(live, ws, we)
  local x = we
  while x > ws and not live[x].take do x = x - 1 end
  local b = live[x]
  if x <= ws or b.keep or b.bullet or b.nw > 40 or b.nw < 6 then return end
  local t = b.text
  -- (the cheap tests first: "this ", then an "@", three digits or a web address)
  if not find(t, "this ", 1, true) or not (find(t, "@", 1, true) or find(t, "%d%d%d") or find(t, "www.", 1, true)
    or find(t, "://", 1, true)) or not rx_this_page:find(t) or not rx_contact_means:find(t)
    or speaks(t) or t:find("[%l%d][.!?] %u.-[.!?] %u") then return end
  b.take = false
  b.why = "reader contact line"
end
-- a prompt opened by a link arrow (">> Pledge or donate to the NAME appeal online -
-- every pound counts.", "» Read the full report"): the arrow and a space, then an
-- imperative (en/clean_prompt_verbs.txt, en/clean_body_ad_verbs.txt), up to 30 words,
-- quoting and reporting no one (only a block opening with the byte ">" or a lead byte
-- of "»" "›" "→" "▸" "►" "➤" is tried)
local rx_arrow_open = re.compile("^(?:>>|»|›|→|▸|▶|►|➤|➜)\\s+(\\p{L}+)")
local function arrow_open_prompt(m, b)
  -- (the block's fields first: a call to C costs more)
  if not (m and m.ad_verbs) or b.nw > 30 or b.keep then return false end
  local c = byte(b.text, 1)
  if not (c == 62 or c == 194 or c == 226) then return false end
  local w = rx_arrow_open:match(b.text)
  return w ~= nil and m.ad_verbs[w:lower()] == true and not speaks(b.text)
end
-- a notice set inside the body that links away: a label in capitals and a colon opening
-- it ("NOTICE: Planned maintenance, Ward 7 – Thursday ... Click here for affected
-- streets."), closed by a sentence opening with an imperative of en/clean_prompt_verbs.txt
-- and "here" (the link's text), up to 30 words, quoting and reporting no one (only a
-- block opening with two capitals is tried)
local rx_caps_label = re.compile("^\\p{Lu}{2,}(?:\\s\\p{Lu}{2,})?:\\s")
local rx_here_close = re.compile("[.!?]\\s+(\\p{L}+)\\s+here\\b[^.!?]*[.!?]?$")
local function notice_prompt(m, b)
  -- (the block's fields first: a call to C costs more)
  if not (m and m.verbs) or b.nw > 30 or b.keep then return false end
  local c1, c2 = byte(b.text, 1, 2)
  if not (c1 and c1 >= 65 and c1 <= 90 and c2 and c2 >= 65 and c2 <= 90) or not find(b.text, "here", 1, true) then
    return false
  end
  if not rx_caps_label:find(b.text) then return false end
  local w = rx_here_close:match(b.text)
  return w ~= nil and m.verbs[w:lower()] == true and not speaks(b.text)
end
local rx_brand_lead = re.compile("^\\p{Lu}[\\p{L}\\d'’&.-]*(?:\\s+(?:of|and|&|the|\\p{Lu}[\\p{L}\\d'’&.-]*)){0,4}(?:\\s+[–—-]|:)\\s+\\p{Lu}")
-- an advertiser's sign-off closing the copy: after a stop, a name of two to six words
-- (title case), a long dash and a short slogan ("Adanse Bank — Growing with you.")
local rx_brand_close = re.compile("[.!?]\\s+\\p{Lu}[\\p{L}\\d'’&.-]*(?:\\s+(?:of|and|&|the|\\p{Lu}[\\p{L}\\d'’&.-]*)){1,5}\\s+[–—]\\s+\\p{Lu}[^.!?–—\"“”]{0,40}[.!]?$")
-- does t hold an offer of en/clean_body_ad_offers.txt ("free quote", "from $199")? (the
-- alternation is compiled the first time a block gets this far)
local function has_offer(m, t)
  if m.ad_offer == nil then
    if not m.ad_offer_src then return false end
    m.ad_offer = re.compile(m.ad_offer_src, "i")
  end
  return m.ad_offer:find(t) ~= nil
end
local function labelled_copy(m, t)
  if m.ad_lead == nil and m.ad_lead_src then m.ad_lead = re.compile(m.ad_lead_src, "i") end
  if not m.ad_lead or speaks(t) then return false end
  -- (or the advertiser's sign-off closing it: "... Zero fees for the first year. NAME
  -- Bank — Growing with you.")
  if find(t, "[–—]") and rx_brand_close:find(t) then return true end
  if not m.ad_lead:find(t) then return false end
  return rx_brand_lead:find(t) ~= nil or has_offer(m, t)
end
-- a button's text run into the copy it closes, with no stop ("Single-game tickets are
-- on sale now. Fireworks every Friday! Buy tickets"): the last sentence, up to four
-- words, is a call (en/clean_body_ad_calls.txt), unstopped, after at least one stopped
-- sentence, and the copy before it carries an offer (en/clean_body_ad_offers.txt) or
-- an exclamation or a question put to the reader
local function buttoned(m, t)
  local last = t:byte(-1)
  if last == 46 or last == 33 or last == 63 or last == 34 or last == 0x9D then return false end
  -- (no test for a stop and a space anywhere first: last_stop finds none without one,
  -- and its plain searches of the last 40 bytes cost less than the class pattern's
  -- some 190 instructions a byte of the whole block)
  local i = last_stop(t)
  if not i then return false end
  local tail = t:sub(i + 1):gsub("^%s+", "")
  local _, nw = tail:gsub("%S+", "")
  if nw > 4 or not m.ad_call:find(tail) then return false end
  local head = t:sub(1, i)
  -- (an exclamation, or a question put to the reader: "Could you sing with us? ...
  -- Find out more")
  if find(head, "!", 1, true) or find(head, "?", 1, true) then return true end
  return has_offer(m, head)
end
-- an advertisement's copy with no label, set inside the body: a block of two sentences
-- or more that opens with an imperative (en/clean_body_ad_verbs.txt, the prompt verbs:
-- "Grow your savings with NAME ...", "Fly direct to NAME with NAME.") and closes with a
-- call to action (en/clean_body_ad_calls.txt: "Dial *284# today.", "Book now at
-- NAME.example"), carrying an offer (a price, a rate, en/clean_body_ad_offers.txt) or a
-- brand's name (two capitalised words in a row after the first word), quoting and
-- reporting no one (the caller tests that)
local rx_brand_run = lazy("\\s\\p{Lu}[\\p{L}'’&-]+\\s+\\p{Lu}[\\p{L}'’&-]+")
local function imperative_copy(m, t)
  -- (the first word by a plain search for its space: a class pattern costs more)
  local sp = find(t, " ", 1, true)
  if not sp or sp > m.ad_verb_len + 1 or not m.ad_verbs[t:sub(1, sp - 1):lower()] then return false end
  -- (the second word in lower case: an imperative, not a name "Grow Holdings")
  local c2 = byte(t, sp + 1)
  if not c2 or c2 < 97 or c2 > 122 then return false end
  -- (two sentences at least; the call closing the last one: from the last stop before
  -- a space, a web address's dots passed over)
  local i, p = nil, find(t, "[.!?]%s")
  while p do i = p; p = find(t, "[.!?]%s", p + 1) end
  if not i or not m.ad_call:find(t:sub(i)) then return false end
  return rx_offer:find(t) ~= nil or has_offer(m, t) or rx_brand_run():find(t) ~= nil
end
-- an advertisement label opening the copy's own line ("ADVERTISEMENT: Top up with NAME
-- and win ...", "Sponsored – NAME ...")
-- (or "AD" in capitals and a space before a capitalised word: "AD Stay by the lake this
-- spring - ... from 89,000 won a night")
local rx_label_lead = lazy("^(?:(?:advertisement|advert|sponsored|sponsored content|promoted|paid (?:content|post)|partner content)\\s*(?::|[–—|]|--?\\s)\\s*(?=\\S)|(?-i:AD)\\s+(?=(?-i:\\p{Lu}\\p{Ll})))", "i")
-- a sponsor's line: "Presented by NAME – a slogan. Visit NAME.example.ca" ("Sponsored
-- by", "In partnership with", "Brought to you by"), a capitalised name, then a dash, a
-- bar or a colon over the copy
local rx_sponsor_lead = lazy("^(?:(?:presented|sponsored|supported|brought to you) by|in partnership with)\\s+(?-i:\\p{Lu})[^–—|:.!?]{0,50}?\\s*(?::|[–—|]|-\\s)\\s*(?=\\S)", "i")
-- (under an advertisement label, a brand and a dash over two sentences or more of up
-- to twelve words each, the copy exclaiming or carrying an offer or a call: "NAME -
-- Spanish for foreigners. Small groups, near the station. First class free!", "NAME —
-- 0% financing on all pickups. Visit our showroom ..."; compiled on first use)
local rx_brand_promo
local function branded_promo(m, t)
  if not rx_brand_promo then
    rx_brand_promo = re.compile("^\\p{Lu}[\\p{L}'’&.-]*(?:\\s+(?:of|and|&|the|\\p{Lu}[\\p{L}'’&.-]*)){0,5}\\s+[–—-]\\s+[\\p{Lu}\\d$£€¥₹]")
  end
  local s, e = rx_brand_promo:find(t)
  if not s then return false end
  local n = short_sentences(t, e, 12)
  return n ~= nil and n >= 2 and (find(t, "!", 1, true) ~= nil or m.ad_call:find(t) ~= nil or has_offer(m, t))
end
-- (under a label, copy of one or two sentences that opens with an imperative of
-- en/clean_body_ad_verbs.txt or the prompt verbs, capitalised, before a determiner, a
-- pronoun or an adverb ("Open a multi-currency account with NAME Bank in minutes.",
-- "Grow your savings with ..."; not a noun: "Travel restrictions were ..."), naming a
-- brand (two capitalised words in a row) or an offer; the caller tests
-- that it quotes and reports no one)
local AD_VERB_NEXT = {}
for w in ("a an the your our my this these every each all more up now today free online in with direct"):gmatch("%S+") do AD_VERB_NEXT[w] = true end
local function labelled_imperative(m, b, t)
  if b.nw > 25 then return false end
  local sp = find(t, " ", 1, true)
  if not sp or sp > m.ad_verb_len + 1 or not m.ad_verbs[t:sub(1, sp - 1):lower()] then return false end
  local w2 = t:match("^(%l+)", sp + 1)
  if not (w2 and AD_VERB_NEXT[w2]) then return false end
  -- (no more than two sentences)
  local n, p = 0, find(t, "[.!?]%s")
  while p do n = n + 1; if n > 1 then return false end; p = find(t, "[.!?]%s", p + 1) end
  return rx_brand_run():find(t) ~= nil or rx_offer:find(t) ~= nil or has_offer(m, t)
end
-- An advertisement's copy under its label, by the weight of its evidence (one rule for
-- every shape of copy): a short block (AD_EVIDENCE_WORDS at most) right under a label,
-- or after the label on its own line ("Advertisement: NAME - ..."), is copy when two
-- signals at least point to copy and none to news. For copy: the reader addressed (you,
-- your, our, us, we); a sentence opening on an imperative (en/clean_body_ad_verbs.txt,
-- en/clean_body_ad_imperatives.txt, the prompt verbs: "Talk to us today."); an offer or a
-- price ("from $499", en/clean_body_ad_offers.txt); a fragment with no verb ("Private
-- banking, rethought."); an exclamation; a sentence closed on "today", "now", "only" or
-- small print ("Conditions apply."); an advertiser's name set off by a dash, a bar or a
-- colon at the start ("NAME | ...", "NAME – ..."); one of the first four at least (it
-- speaks to the reader). For news, each enough to keep the
-- block: a quotation or a reporting verb (said, told, according to), third-person
-- narrative (he, she, they, was, were, had), a sentence of more than 25 words. Without a
-- label nothing is taken so.
local AD_EVIDENCE_WORDS = 40
local rx_ad_address = lazy("\\b(?:[Yy]ou|[Yy]our|[Yy]ours|[Oo]ur|us|[Ww]e)\\b")
local rx_ad_news = lazy("\\b(?:[Hh]e|[Ss]he|[Tt]hey|[Hh]is|was|were|had)\\b")
local rx_ad_brand = lazy("^\\p{Lu}[\\p{L}\\d'’&.-]*(?:\\s+(?:of|and|&|the|\\p{Lu}[\\p{L}\\d'’&.-]*)){0,5}\\s*(?:[–—|:]|\\s-)\\s+\\S")
local rx_ad_close = lazy("\\b(?:today|now|tonight|only|apply|while stocks last)[.!]*$", "i")
-- (or closed by a link's arrow, the copy's button: "View listing »", "Shop the range ›",
-- "Book a table →", "More >")
local function arrow_closed(t)
  local c = byte(t, -1)
  if c == 187 then return byte(t, -2) == 194 end
  if c == 186 then return t:sub(-3) == "\226\128\186" end
  if c == 146 then return t:sub(-3) == "\226\134\146" end
  return c == 62 and byte(t, -2) == 32
end
-- (or closed by a telephone number, the copy's call: "... asparagus menu until 24.06. -
-- reservations 03 88 00 00 00", "... call (555) 010-4477": a run of digits, spaces,
-- brackets, dots and hyphens closing the line, seven digits at least; a field of M, as
-- this file's main chunk is at Lua's limit of 200 locals)
function M.phone_closed(t)
  local c = byte(t, -1)
  if not c or c < 48 or c > 57 then return false end
  local tail = t:match("[%d%s().+-]+$")
  return tail ~= nil and select(2, tail:gsub("%d", "")) >= 7
end
-- (words that make a sentence of a fragment: a verb's auxiliary, a subject pronoun)
local FINITE = {}
for w in ("is are was were be been am has have had will would can could may might must should shall do does did i he she it we they there"):gmatch("%S+") do FINITE[w] = true end
local function fragment(s)
  local n = 0
  for w in s:gmatch("[%a'’-]+") do
    n = n + 1
    if n > 6 then return false end
    local l = w:lower()
    if FINITE[l] or (n > 1 and #l > 3 and l:sub(-2) == "ed") then return false end
  end
  return n >= 2
end
-- (a number to ring, "Tel 01632 960 204", "Phone 20 000", "Call 555-0101": the copy's
-- call to the reader)
local rx_ad_phone = lazy("\\b(?:tel|telephone|phone|call|ring|whatsapp|contact)\\b\\.?:?\\s*\\+?\\(?\\d[\\d ().-]{3,}\\d", "i")
local function ad_phone(t)
  return find(t, "%d") ~= nil and rx_ad_phone():find(t) ~= nil
end
local function ad_evidence(m, t)
  if not (m and m.ad_verbs) or speaks(t) or rx_ad_news():find(t) then return false end
  if not m.copy_verbs then
    local set = {}
    for w in pairs(m.ad_verbs) do set[w] = true end
    for _, w in ipairs(m.ad_imperatives or {}) do set[w:lower()] = true end
    m.copy_verbs = set
  end
  local n, imperative, frag, close = 0, false, false, false
  -- (each sentence: its words counted, its first word looked up, its shape weighed; a
  -- last one with no stop too)
  local tt = t
  if not find(t, "[.!?][\"”’)]?$") then tt = t .. "." end
  for sent in (tt .. " "):gmatch("(.-[.!?]+[\"”’)]?)%s+") do
    local w = 0
    for _ in sent:gmatch("%S+") do w = w + 1 end
    if w > 25 then return false end
    local first = sent:match("^%W*(%u%l+)")
    if first and m.copy_verbs[first:lower()] then imperative = true end
    frag = frag or fragment(sent)
    close = close or rx_ad_close():find(sent) ~= nil
  end
  if imperative then n = n + 1 end
  if close then n = n + 1 end
  if rx_ad_address():find(t) then n = n + 1 end
  if find(t, "!", 1, true) then n = n + 1 end
  if ad_phone(t) then n = n + 1 end
  -- (one signal at least speaks to the reader: an offer, a fragment or a brand's name
  -- alone is also the shape of a report on a firm, "NAME: The dealer will offer ...")
  if n == 0 then return false end
  if frag then n = n + 1 end
  if n >= 2 then return true end
  if rx_offer:find(t) or has_offer(m, t) then n = n + 1 end
  if n >= 2 then return true end
  if rx_ad_brand():find(t) then n = n + 1 end
  return n >= 2
end
-- is block b right under an advertisement label (the block above, across a blank line
-- or not) and copy by its evidence (ad_evidence)?
local function labelled_evidence(m, b, above)
  if not (above and above.cue == "ads" and not above.take and above.nw <= 8) or b.keep
    or b.nw > AD_EVIDENCE_WORDS or b.nw < 2 then return false end
  return ad_evidence(m, b.text)
end
-- is block b copy made of verbless fragments under an advertisement label, across a
-- blank line or not? ("NAME's Supplies - ropes, paint and chandlery.", "Summer savings
-- at NAME — fans from RO99. Free fitting."): each sentence of at most twelve words
-- with no finite verb (FINITE, a word in -ed), no quotation or reporting verb, and an
-- offer (en/clean_body_ad_offers.txt) or an advertiser's name set off by a dash; or,
-- right under such copy that went, in its group, one more such fragment closed by a
-- stop ("Open seven days at the quay."); a subhead has no stop, a paragraph a verb
local FRAGMENT_WORDS = 12
local function verbless(t)
  local n = 0
  for sent in (t .. " "):gmatch("(.-[.!?]+)%s+") do
    local w = 0
    for word in sent:gmatch("[%a'’-]*%a[%a'’-]*") do -- (a spaced dash is no word)
      w = w + 1
      local l = word:lower()
      -- (a capitalised word after the first is a name, no verb: "rates for May")
      if w > FRAGMENT_WORDS or (FINITE[l] and not (w > 1 and l ~= word))
        or (w > 1 and #l > 3 and l:sub(-2) == "ed") then return false end
    end
    n = n + 1
  end
  return n >= 1
end
-- a picture credit standing as a block of its own, perhaps with its terms of use after
-- it ("Photographs by NAME for the ORG. Free to use with credit.", "Images courtesy of
-- the ORG."): the credit a sentence of its own, of capitalised words (and of, and, the,
-- for, &), then at most CREDIT_TERMS_WORDS words of verbless fragments (verbless); a
-- sentence that goes on after the name ("Photographs by NAME hang in ...") is text
local CREDIT_TERMS_WORDS = 12
local rx_credit_line = lazy("^(?:photos?|photographs?|photography|pictures?|images?|illustrations?|videos?|graphics?)\\s+(?:by|courtesy\\s+of)\\s+(?:the\\s+)?(?-i:\\p{Lu})[\\p{L}\\p{M}.'’-]*(?:,?\\s+(?:of|and|the|for|&|(?-i:\\p{Lu})[\\p{L}\\p{M}.&'’-]*)){0,10}\\.(?=\\s+(?-i:\\p{Lu})|$)", "i")
-- (keyed by the two bytes in lower case as one number, c1 * 256 + c2: no string made
-- per block to look them up)
local CREDIT_FIRST = {}
for _, p in ipairs { "ph", "pi", "im", "il", "vi", "gr" } do CREDIT_FIRST[p:byte(1) * 256 + p:byte(2)] = true end
local function credit_line(live, ws, we)
  for x = ws, we do
    local b = live[x]
    if b.take and not b.keep and not b.bullet and b.nw >= 3 and b.nw <= CREDITED_MAX then
      local t = b.text
      -- (the cheap tests first: the first two bytes, then " by " or "courtesy of")
      local c1, c2 = byte(t, 1, 2)
      if c1 and c2 and CREDIT_FIRST[(c1 | 32) * 256 + (c2 | 32)]
        and (find(t, " by ", 1, true) or find(t, "ourtesy of ", 1, true)) then
        local _, e = rx_credit_line():find(t)
        if e then
          local rest = t:sub(e + 1)
          local n = 0
          for _ in rest:gmatch("%S+") do n = n + 1 end
          if n == 0 or (n <= CREDIT_TERMS_WORDS and not speaks(rest) and verbless(rest:match("^%s*(.-)$"))) then
            b.take = false
            b.why = "picture credit (a line of its own)"
          end
        end
      end
    end
  end
end
-- a box set apart between two rule lines, with no blank line between ("------" /
-- "SAILING STATUS: All sailings operating as normal today." / "Text STATUS to NUMBER for
-- updates." / "------"; blocks.split marks rule_above and rule_below): at most
-- RULED_BOX_BLOCKS blocks on consecutive lines, of at most RULED_BOX_WORDS words in
-- all, quoting no one: a status box, a notice, an advertisement's frame
local RULED_BOX_WORDS, RULED_BOX_BLOCKS = 40, 3
local function ruled_box(live, ws, we)
  for x = ws, we do
    local b = live[x]
    if b.rule_above then
      local y, words = x, 0
      while true do
        local c = live[y]
        if not c or c.keep or c.bullet or y - x >= RULED_BOX_BLOCKS then y = nil; break end
        words = words + c.nw
        if words > RULED_BOX_WORDS or speaks(c.text) then y = nil; break end
        if c.rule_below then break end
        local nx = live[y + 1]
        if not nx or nx.first ~= c.last + 1 then y = nil; break end
        y = y + 1
      end
      if y then
        for z = x, y do
          local c = live[z]
          if c.take then c.take = false; c.why = "inside a ruled box" end
        end
      end
    end
  end
end
-- (under a label, copy that opens on the advertiser's name as a sentence of its own,
-- two to six capitalised words (and of, and, the, &), over one sentence listing its
-- goods in lower case with commas: "NAME Feed & Ranch Supply. Fencing, stock tanks,
-- mineral."; the list verbless, the name's words left out of that test: "Feed" is no
-- verb there; the caller has found it quoting no one)
local NAME_JOIN = { of = true, ["and"] = true, the = true, ["&"] = true }
local function named_list(t)
  local e = find(t, ". ", 1, true)
  if not e or e > 80 then return false end
  local n = 0
  for w in t:sub(1, e - 1):gmatch("%S+") do
    n = n + 1
    if n > 6 or not (find(w, "^%u") or NAME_JOIN[w]) then return false end
  end
  local rest = t:sub(e + 2)
  if n < 2 or not find(rest, ",", 1, true) or find(rest, "[.!?]%s") or not find(rest, "^%u%l") then return false end
  return not find(rest, "[%s%p]%u") and verbless(rest)
end
local function labelled_fragments(m, b, above)
  if not (m and above) or b.keep or b.nw > 30 or b.nw < 3 then return false end
  -- (the block above first, then the last byte: most blocks sit under no advertisement)
  local labelled = above.cue == "ads" and not above.take and above.nw <= 8
  if not labelled and not (above.why == "advertisement" and above.group == b.group and b.nw <= FRAGMENT_WORDS) then
    return false
  end
  local t = b.text
  local last = byte(t, -1)
  if last ~= 46 and last ~= 33 then return false end
  if labelled then
    if named_list(t) and not speaks(t) then return true end
    return not speaks(t) and verbless(t) and (has_offer(m, t) or rx_ad_brand():find(t) ~= nil or rx_offer:find(t) ~= nil)
  end
  return above.why == "advertisement" and above.group == b.group and b.nw <= FRAGMENT_WORDS and not speaks(t) and verbless(t)
end
-- the block above x for the tests of copy under a label: past a banner's image name
-- between them ("- Advertisement -" / "[NAME-banner.gif]" / the copy), the label
local function ad_above(live, x)
  local a = live[x - 1]
  if a and a.cue == "media" and not a.take and a.nw <= 3 and x > 2 and live[x - 2].cue == "ads" then return live[x - 2] end
  return a
end
local function ad_copy(m, b, above)
  if not (m and m.ad_call) or b.nw > 30 or b.nw < 2 or b.keep then return false end
  local t = b.text
  -- (the cheap tests first: the label above, an offer found from its first character)
  local labelled = above ~= nil and above.cue == "ads" and not above.take and above.nw <= 8
  -- (a label opening the line: the rest is the copy, taken when it opens with an
  -- imperative or carries a call or an offer; the first byte tested first)
  -- ("ad", "sp", "pa", "pr" in either case, and a colon, a dash or a bar to end it)
  local c1, c2 = byte(t, 1, 2)
  local l1, l2 = c1 and c1 | 32, c2 and c2 | 32
  if ((l1 == 97 and l2 == 100) or (l1 == 115 and l2 == 112) or (l1 == 112 and (l2 == 97 or l2 == 114)))
    and rx_label_lead():find(t) then
    local rest = rx_label_lead():gsub(t, "")
    if speaks(rest) then return false end
    local w = rest:match("^(%a+)")
    return (w ~= nil and m.ad_verbs[w:lower()] == true) or m.ad_call:find(rest) ~= nil or has_offer(m, rest)
      or ad_evidence(m, rest)
  end
  -- ("pr", "sp", "su", "in", "br" and a sponsor's lead: its copy closed by a call or
  -- carrying an offer)
  if l1 and ((l1 == 112 and l2 == 114) or (l1 == 115 and (l2 == 112 or l2 == 117)) or (l1 == 105 and l2 == 110)
    or (l1 == 98 and l2 == 114)) and (find(t, " by ", 1, true) or find(t, " with ", 1, true)) then
    if rx_sponsor_lead():find(t) then
      local rest = rx_sponsor_lead():gsub(t, "")
      if not speaks(rest) and (m.ad_call:find(rest) ~= nil or has_offer(m, rest)) then return true end
    end
  end
  if not labelled and c1 and c1 >= 65 and c1 <= 90 and l2 and m.ad_verb_pairs[l1 * 256 + l2]
    and imperative_copy(m, t) and not speaks(t) then return true end
  -- (without a label, a block closed by a full stop or a quote is taken for prose)
  local last = t:byte(-1)
  -- (under a label, the call may open the copy: "Book your winter escape: 3 nights from
  -- €129. Ionian Stays.", the advertiser's name closing it)
  if labelled and m.ad_open and m.ad_open:find(t) and not (find(t, '"', 1, true) or find(t, "“", 1, true)
    or rx_reporting:find(t)) then return true end
  if labelled and labelled_copy(m, t) then return true end
  if labelled and c1 and c1 >= 65 and c1 <= 90 and labelled_imperative(m, b, t) and not speaks(t) then return true end
  -- (under a label, a brand and a dash over a slogan of two short sentences is enough:
  -- "NAME Bank — Loans for the whole island. Apply online in minutes.")
  if labelled and branded(t, 2) and not speaks(t) then return true end
  if labelled and branded_promo(m, t) and not speaks(t) then return true end
  -- (or a brand and a dash over a list of services in lower case, with a call closing
  -- it or an offer: "NAME - windows, doors and conservatories. Free quote, call today.")
  if labelled and branded(t, 2, true) and not speaks(t) then
    if m.ad_call:find(t) or has_offer(m, t) then return true end
  end
  -- (a brand and a dash over a slogan, closed by a call: "NAME – more milk from every
  -- cow. Order now from your nearest agrovet or call NUMBER.")
  if (last == 46 or last == 33) and c1 >= 65 and (c1 <= 90 or c1 >= 195) and branded_call(m, t)
    and not speaks(t) then return true end
  -- (a betting prompt: a price in odds, "a 9/2 chance", "are 7/2 to", or an "Odds:" label,
  -- closed by a call to compare prices)
  -- (every match holds the label's ':' or the price's '/': two plain searches first)
  local betting = not labelled and (find(t, "/", 1, true) ~= nil or find(t, ":", 1, true) ~= nil)
    and rx_odds:find(t) ~= nil
  -- (or closed by two calls in a row, a call and its small print: "Bet now. 18+ only.")
  if not (labelled or betting or branded(t) or (last ~= 46 and last ~= 34 and last ~= 0x9D and rx_digit:find(t) and (rx_money:find(t) or rx_phone:find(t)
    or find(t, "£", 1, true) or find(t, "€", 1, true) or find(t, "¥", 1, true) or find(t, "₹", 1, true))
    and rx_offer:find(t)) or two_calls(m, t) or (b.nw <= 30 and buttoned(m, t))) then return false end
  return not speaks(t) and m.ad_call:find(t) ~= nil
end
-- a booking box closing the window ("Book now for NAME" / "From £15. Members' booking
-- opens ..." / "Book tickets"): the line right under the window is a button, a call
-- (en/clean_body_ad_calls.txt) of up to four words, in the same blank-line group as the
-- window's last blocks; those blocks of the group, up to 20 words each, quoting no one,
-- one of them carrying an offer (a price, a discount: en/clean_body_ad_offers.txt), go
-- with it as an advertisement (the group must not open the window)
local BOX_WORDS = 20
-- the longest lone button line inside the body ("Book now", "Buy tickets online")
local LONE_BUTTON_WORDS = 3
-- is live[x] a blank-line group of its own?
local function alone(live, x)
  local b, p, n = live[x], live[x - 1], live[x + 1]
  return (p == nil or p.group ~= b.group) and (n == nil or n.group ~= b.group)
end
-- (under an advertisement label, across a blank line or not, one line with no stop,
-- no verb, an advertiser's name set off by a colon or a dash and an offer: "NAME
-- Telecom: Double data on every reload this January"; a subhead names no brand and
-- carries no offer)
local function labelled_line(m, b, above)
  if not (m and above and above.cue == "ads" and not above.take and above.nw <= 8) or b.keep or b.nw > 16
    or b.nw < 3 then return false end
  local t = b.text
  local last = byte(t, -1)
  if last == 46 or last == 33 or last == 63 then return false end
  return rx_ad_brand():find(t) ~= nil and not speaks(t) and verbless(t .. ".")
    and (has_offer(m, t) or rx_offer:find(t) ~= nil)
end
-- (under an advertisement label, in its group: a fragment of up to 25 words with no
-- finite verb, an advertiser's name set off by a spaced dash from what it offers:
-- "NAME Guest House, NAME Road -- clean rooms, mountain views, monthly rates." is the
-- copy, no paragraph the body resumes with)
local function dashed_fragment(c)
  if c.nw > 25 or c.keep or c.bullet then return false end
  local t = c.text
  local d = find(t, " -- ", 1, true) or find(t, " - ", 1, true) or find(t, " – ", 1, true) or find(t, " — ", 1, true)
  if not d or d < 4 or speaks(t) then return false end
  local n = 0
  for word in t:gmatch("[%a'’-]*%a[%a'’-]*") do
    n = n + 1
    local l = word:lower()
    -- (a capitalised word after the first is a name, no verb: "rates for May")
    if (FINITE[l] and not (n > 1 and l ~= word)) or (n > 1 and #l > 3 and l:sub(-2) == "ed") then return false end
  end
  return select(2, t:gsub("[.!?]%s", "")) <= 1
end
-- (under an advertisement label, across a blank line or not: a line whose call opens
-- the clause after a spaced dash, "NAME tasting in the hills - book a summer visit with
-- NAME NAME.", by labelled_imperative's test on that clause)
local function labelled_dash_call(m, b, above)
  if not (m and above and above.cue == "ads" and not above.take and above.nw <= 8) or b.keep or b.nw > 25
    or b.nw < 4 then return false end
  local t = b.text
  local _, e = find(t, " [-–—] ")
  if not e or speaks(t) then return false end
  return labelled_imperative(m, b, t:sub(e + 1))
end
-- an advertisement's small print: a line opening with an asterisk ("*APR = Annual
-- Percentage Rate. Rates subject to change.") right under copy that went as an
-- advertisement and carries the asterisk it explains ("... from 5.49% APR*.")
local function small_print(b, above)
  if not (b.take and above and above.why == "advertisement") or b.keep or b.nw > 40 then return false end
  return (byte(b.text, 1) == 42 or b.bullet == "*") and find(above.text, "*", 1, true) ~= nil
end
-- under an advertisement label across a blank line, the advertiser's name on a line of
-- its own, two to six capitalised words (and of, and, the, &) with no digit or mark,
-- over its copy in the same group, up to 30 words quoting no one and carrying an offer
-- or a call ("NAME Outfitters" / "Boots, packs and maps for every trip. 10% off for
-- members."): both go (the copy marked here, as it may run past a fragment's length); a
-- field of M, as this file's main chunk is at Lua's limit of 200 locals
function M.named_over_offer(m, live, x, above)
  local b = live[x]
  if not (m and above and above.cue == "ads" and not above.take and above.nw <= 8) or b.keep or b.bullet
    or b.nw > 6 or b.nw < 2 or b.sentence then return false end
  local n = live[x + 1]
  if not n or n.group ~= b.group or n.keep or n.bullet or not n.take or n.nw > 30 or n.nw < 3 then return false end
  local t = b.text
  if find(t, "[%d.!?:;,\"“”|/]") then return false end
  for w in t:gmatch("%S+") do
    if not (find(w, "^%u") or NAME_JOIN[w]) then return false end
  end
  local u = n.text
  if speaks(u) or not (has_offer(m, u) or rx_offer:find(u) or (m.ad_call and m.ad_call:find(u))) then return false end
  n.take = false; n.why = "advertisement"
  return true
end
-- under an advertisement label across a blank line, the copy's blank-line group of two
-- to four lines (a hard-wrapped paragraph, or an indented dump's lines each a block:
-- "NAME Lodge - warm rooms, airport pickup." / "Book direct and save 10%."), up to
-- AD_EVIDENCE_WORDS words, read as one text by the tests of copy under a label
-- (ad_copy, labelled_evidence, labelled_fragments): each line alone may carry too little
-- (the name and its list, or the call alone under a line that is no copy by itself);
-- a paragraph of the body quotes or reports (speaks, ad_evidence's news words) and runs
-- longer. All the group's lines go, or none; a field of M (Lua's limit of 200 locals)
function M.labelled_group(m, live, x, label, we)
  if not m then return end
  local g, parts, nw, y = live[x].group, {}, 0, x
  while y <= we and live[y].group == g do
    local c = live[y]
    if c.keep or c.bullet or y - x >= 4 or (y > x and c.first ~= live[y - 1].last + 1) then return end
    nw = nw + c.nw
    if nw > AD_EVIDENCE_WORDS then return end
    parts[#parts + 1] = c.text
    y = y + 1
  end
  if (live[y] and live[y].group == g) or #parts < 2 then return end
  local t = table.concat(parts, " ")
  local pb = { text = t, nw = nw, take = true }
  if not (ad_copy(m, pb, label) or labelled_evidence(m, pb, label) or labelled_fragments(m, pb, label)) then return end
  for z = x, y - 1 do
    local c = live[z]
    if c.take then c.take = false; c.why = "advertisement" end
  end
end
-- the window's last kept block, a prompt to the reader closing it: a short block that
-- quotes no one and points at a control of the page ("... Stop by any Monday or click
-- JOIN above.", "Tap the button below to ..."), or opens with a short question and
-- gives an e-mail address ("Questions about the change? Read our FAQs or email
-- NAME@example.org"): a recruitment or a help box, no paragraph of the article
local PROMPT_MAX = 40
local rx_click_control = lazy("\\b(?:click|tap)\\s+(?:[^\\s.!?]+\\s+){0,3}?(?:above|below|here)\\b", "i")
local rx_question_mail = lazy("^[^.!?\\n]{3,60}\\?\\s[^\"“”]*[\\w.-]+@[\\w-]+\\.[\\w.]+", "i")
local function closing_prompt(live, ws, we)
  local x = we
  while x >= ws and not live[x].take do x = x - 1 end
  local b = live[x]
  if x <= ws or b.keep or b.bullet or b.nw > PROMPT_MAX or b.nw < 4 then return end
  local t = b.text
  -- (the cheap tests first: "click" or "tap", or a question mark and an "@")
  local click = find(t, "lick", 1, true) or find(t, "ap ", 1, true)
  local mail = not click and find(t, "?", 1, true) and find(t, "@", 1, true)
  if not (click or mail) or speaks(t) then return end
  if (click and rx_click_control():find(t)) or (mail and rx_question_mail():find(t)) then
    b.take = false
    b.why = "reader prompt (closing)"
  end
end
-- a prompt closing the body that asks readers to write to the outlet ("Have your say:
-- Letters to the editor can be left at our office or emailed to us."): the last kept
-- block, of 4 to PROMPT_MAX words, quoting no one, opened by a label of at most four
-- words ended by ':' or '?', speaking to the reader or as the outlet (you, your, us, our,
-- we) and naming a way to write in (en/clean_body_reader_calls.txt): a contact line
local rx_call_label = re.compile("^(?:[\\p{L}'’-]+\\s+){0,3}[\\p{L}'’-]+[:?]\\s+\\S")
local rx_call_person = re.compile("\\b(?:you|your|us|our|we)\\b", "i")
local function reader_call(m, live, ws, we)
  if not (m and m.reader_calls) then return end
  local x = we
  while x >= ws and not live[x].take do x = x - 1 end
  local b = live[x]
  if x <= ws or b.keep or b.bullet or b.nw > PROMPT_MAX or b.nw < 4 then return end
  local t = b.text
  -- (the cheap tests first: a ':' or a '?' among the first 40 bytes)
  local c = find(t, "[:?]")
  if not c or c > 40 or not rx_call_label:find(t) or speaks(t) then return end
  -- (an editor's note or a correction naming an address is text: en/clean_body_corrections.txt)
  if rx_call_person:find(t, c) and m.reader_calls:find(t, c) and not (m.correction and m.correction:find(t)) then
    b.take = false
    b.why = "reader prompt (letters)"
  end
end
local function booking_box(m, live, ws, we)
  local nb, z = live[we + 1], live[we]
  -- (the cheap tests first: a short line under the window, in the last block's group)
  if not (m and m.ad_call and nb and z) or nb.nw > 4 or nb.nw < 1 or nb.group ~= z.group
    or not z.take or not m.ad_call:find(nb.text) then return end
  local x, offer = we, false
  while x >= ws and live[x].group == nb.group do
    local c = live[x]
    if c.nw > BOX_WORDS or c.keep or not c.take or speaks(c.text) then return end
    offer = offer or rx_offer:find(c.text) ~= nil or has_offer(m, c.text)
    x = x - 1
  end
  if x < ws or not offer then return end
  for y = x + 1, we do live[y].take = false; live[y].why = "advertisement" end
end
local rx_ellipsis = re.compile("\\s*(?:\\.\\s?\\.\\s?\\.|…)\\s*")
-- (whether there is one: without the spaces around, which would make every position a
-- start)
local rx_has_ellipsis = re.compile("\\.\\s?\\.\\s?\\.|…")
local rx_sentence_gap = re.compile("(?<=\\p{Ll}\\p{Ll}[.!?])\\s+(?=\\p{Lu})")
-- a line opening with a quoted phrase and a colon, closing with no stop: a headline's
-- shape ("'I was running late': NAME told ...", "'We have been here before': why ..."),
-- a pull quote or a related story's link set inside the body, not a paragraph
local rx_quote_headline = re.compile("^[\"“‘'][^\"”’']{3,90}[\"”’']\\s*:\\s+\\S.*[^.!?\"”’'.]$")

local function word_line(text)
  -- (the curly apostrophe looked for first: gsub tries its pattern at every byte)
  if find(text, "’", 1, true) then text = text:gsub("’", "'") end
  -- (no apostrophe to strip from a word's ends: a word of docpipe.text.words opens and
  -- closes on a letter, mark or digit, an apostrophe only joining two of them)
  return words_of(text:lower())
end

-- do the words q stand in order in the words l, with up to budget words of l skipped
-- between two of them (a pull quote that leaves out a word with no ellipsis: "We want
-- people to hear ..." set out from "... we also want people to hear ...")?
local function within(l, q, budget)
  local first = q[1]
  for s = 1, #l - #q + 1 do
    if l[s] == first then
      local j, k, skips = 2, s + 1, 0
      while j <= #q and k <= #l do
        if l[k] == q[j] then j = j + 1
        elseif skips < budget then skips = skips + 1
        else break end
        k = k + 1
      end
      if j > #q then return true end
    end
  end
  return false
end
local PQ_SKIPS = 2

--- A subhead in quotes that quotes a fragment of a later sentence, no pull quote
-- ("'A fair deal for the valley'" over "\"This is a fair deal for the valley,\" said
-- ..."): a short line (M.SUBHEAD_QUOTE_WORDS at most) wholly in quotes, no stop, comma or
-- colon before its closing mark, of no finite verb (FINITE, a word in -ed after the
-- first), whose words stand in the longer block c after a word of the same sentence (a
-- letter or a digit before them, no quote mark or stop: the fragment leaves the
-- sentence's opening words out). A pull quote repeats a whole sentence or most of it,
-- its verb with it; a field of M (Lua's limit of 200 locals)
M.SUBHEAD_QUOTE_WORDS = 10
function M.quoted_fragment(b, c)
  local t = b.text
  local c1, cz = byte(t, 1), byte(t, -1)
  -- (cheap tests first: a quote mark opening and closing it: ' " or the curly ones)
  if b.nw > M.SUBHEAD_QUOTE_WORDS or b.nw < 3 or not (c1 == 39 or c1 == 34 or c1 == 226)
    or not (cz == 39 or cz == 34 or cz == 153 or cz == 157) then return false end
  local inner = t:match("^[\"'“‘](.-)[\"'”’]$")
  if not inner or find(inner, "[.!?,;:\"“”]%s*$") or find(inner, "[\"“”]") then return false end
  local n, low = 0, {}
  for w in inner:gmatch("[%a'’-]*%a[%a'’-]*") do
    n = n + 1
    local l = w:lower()
    if FINITE[l] or (n > 1 and #l > 3 and l:sub(-2) == "ed") then return false end
    low[#low + 1] = l
  end
  if n < 3 then return false end
  local ct = c.text:lower()
  local a = find(ct, table.concat(low, " "), 1, true)
  -- (its first word a whole word of c: "a fair" is not the end of "banana fair")
  if not a or (a > 1 and find(ct:sub(a - 1, a - 1), "%w")) then return false end
  local before = ct:sub(math.max(1, a - 40), a - 1):match("(%S)%s*$")
  return before ~= nil and find(before, "[%w]") ~= nil
end
-- is b, among the kept blocks, a quoted fragment of one of them (M.quoted_fragment)?
function M.fragment_of_kept(b, kept)
  local c1 = byte(b.text, 1)
  if b.nw > M.SUBHEAD_QUOTE_WORDS or not (c1 == 39 or c1 == 34 or c1 == 226) then return false end
  for _, c in ipairs(kept) do
    if c ~= b and c.nw > b.nw and M.quoted_fragment(b, c) then return true end
  end
  return false
end

--- Kept blocks of up to 40 words, set out in quotes (or skipping words with an
-- ellipsis) and reporting no one, whose words (apostrophes of either kind, a "— NAME"
-- attribution cut off, an ellipsis skipping words) all stand, in order, in a longer
-- kept block: pull quotes that docpipe.clean.blocks.contained reads too strictly. A
-- quote of one piece (no ellipsis) may leave out up to PQ_SKIPS words of the block
-- with no mark.
function M.loose_pull_quotes(live, ws, we)
  local kept = {}
  for x = ws, we do
    local b = live[x]
    if b.take and not b.keep and not b.bullet then kept[#kept + 1] = b end
  end
  if #kept < 2 then return end
  local lines, words
  for _, b in ipairs(kept) do
    -- set out in quotes, or skipping words, and reporting no one (a paragraph of the
    -- body that quotes someone says who)
    if b.take and b.nw >= 5 and b.nw <= 40 and (pq_shape(b.text) or rx_has_ellipsis:find(b.text))
      and not rx_reporting:find(b.text) then
      local text = rx_attrib_tail:gsub(b.text, "")
      local pieces, total, qw = {}, 0, {}
      -- (and at sentence ends: a pull quote joins sentences the paragraph splits with
      -- "she says")
      local parts = {}
      for _, part in ipairs(rx_ellipsis:split(text)) do
        for _, sp in ipairs(rx_sentence_gap:split(part)) do parts[#parts + 1] = sp end
      end
      for _, part in ipairs(parts) do
        local w = word_line(part)
        if #w > 0 then pieces[#pieces + 1] = " " .. table.concat(w, " ") .. " "; total = total + #w end
        for _, x in ipairs(w) do qw[#qw + 1] = x end
      end
      local shortest = math.huge
      for _, pc in ipairs(pieces) do
        local n = select(2, pc:gsub("%S+", ""))
        if n < shortest then shortest = n end
      end
      if total >= 5 and (#pieces == 1 or (total >= 6 and shortest >= 3)) and not M.fragment_of_kept(b, kept) then
        if not lines then
          lines = {}
          for i, c in ipairs(kept) do lines[i] = " " .. table.concat(word_line(c.text), " ") .. " " end
        end
        for i, c in ipairs(kept) do
          -- (longer by two words at least: "... he asked.", "she said.")
          if c ~= b and c.nw >= total + 2 then
            local pos, ok = 1, true
            for _, piece in ipairs(pieces) do
              local a, z = lines[i]:find(piece, pos, true)
              if not a then ok = false; break end
              pos = z
            end
            -- (a quote of one piece leaving out a word or two)
            if not ok and #pieces == 1 then
              words = words or {}
              words[i] = words[i] or word_line(c.text)
              ok = within(words[i], qw, PQ_SKIPS)
            end
            if ok then
              b.take = false
              b.why = "repeated text (pull quote)"
              break
            end
          end
        end
      end
    end
  end
end

--- Choose the body window of live blocks and mark what it keeps.
-- @return ws, we: first and last index of the window (we < ws when there is no body)
M.is_credit = is_credit

-- A subhead right above a paragraph, though it closes a run of short lines (a price
-- box's links: "£129 at Shopwell", "View all prices", then "Call quality"): a line of
-- one to four words in sentence case (a noun phrase; a longer line is a headline, and a
-- story's headline shares the article's topic words: "Tarnwick braces for second flood
-- wave" over "... advertised as flood-proof"), no cue, figure, bullet or sentence end, above a
-- kept paragraph (a sentence of 12 words or more) whose first sentence holds one of
-- its content words, or a word sharing its first five letters ("Call quality", "Calls
-- were the weak point"); a section announces its topic (a heading names what its text
-- is about), while another story's headline seldom shares a word with the first
-- sentence under it. Function words (stop) do not count.
local function subhead_above(b, n, stop)
  -- (or a sentence of six words or more introducing the list under it: "Over four
  -- evenings, the team recorded:")
  if not (n and n.take and ((n.sentence and n.class ~= "short" and n.nw >= 12)
    or (n.listed and n.nw >= 6 and byte(n.text, -1) == 58))) then return false end
  if b.cue or b.bullet or b.keep or b.nw < 1 or b.nw > 4 or find(b.text, "[%d.!:;|£$€]") or not find(b.text, "^%u") then
    return false
  end
  if select(2, b.text:gsub(" %l", "")) < select(2, b.text:gsub(" %u", "")) then return false end
  local first = n.text:match("^(.-[.!?])%s") or n.text
  local heads = {}
  for _, w in ipairs(dp.text.words(b.text:lower())) do
    if #w >= 4 and not (stop and stop[w]) then heads[#heads + 1] = w end
  end
  if #heads == 0 then return false end
  for _, w in ipairs(dp.text.words(first:lower())) do
    if #w >= 4 then
      for _, h in ipairs(heads) do
        if w == h or (#w >= 5 and #h >= 5 and w:sub(1, 5) == h:sub(1, 5)) or w:sub(1, #h) == h then return true end
      end
    end
  end
  return false
end

-- A press release's "About NAME" box: the heading "About [the] NAME" (2 to 8 words, no
-- sentence end) whose next block opens with NAME (a leading "the" aside) and goes on
-- with a verb or a comma ("NAME is a nonprofit ...", "NAME, founded in ...") and
-- points to the organisation's site (a web address in it or the block after it:
-- "Learn more at name.org"): the
-- boilerplate that closes a release, so the heading ends the article. So is one whose
-- paragraph describes NAME ("NAME is a container shipping company ...", "is an", "is
-- the"; or any present-tense description, "NAME regulates insurers ...", when the page
-- is no wire release: wire_release) with no web address, when it closes the body: no
-- paragraph (a sentence of 12 words or more) stands under it. (Another About paragraph
-- without a web address stays, as a wire release's text: see the fixture
-- press-release-solar; and
-- a body paragraph describing a firm with no "About" heading above it is the
-- article's.) A heading of a release's end matter for the editors who receive it
-- ("Notes to editors", "(ENDS)": en/clean_body_release_ends.txt) closes it the same way:
-- nothing under it resumes the body.
local function closes_body(live, x)
  for y = x, #live do
    local c = live[y]
    if c.sentence and c.nw >= 12 and not c.cue then return false end
  end
  return true
end

-- a wire release: a dateline carrying its distributor between slashes ("CITY, June 3,
-- 2024 /NAME Wire/ -- ..."), whose About paragraph is the release's own text
local rx_wire = re.compile("\\d{4}\\s*/\\s*\\p{Lu}[\\p{L} ]{1,30}/\\s*(?:--|–|—)")
local function wire_release(live)
  for x = 1, #live do
    local t = live[x].text
    if find(t, "/", 1, true) and rx_wire:find(t) then return true end
  end
  return false
end

-- a standfirst under the header: the window's first block, right under the byline or
-- the date line, a summary of the story in one headline-shaped sentence of
-- STANDFIRST_MIN words or more that closes on no stop ("NAME hits the winning runs at
-- NAME as the leaders fall for the first time"), over a paragraph of prose (a sentence
-- of 15 words or more, past a caption that went); a lead paragraph closes on a stop
local STANDFIRST_MIN, STANDFIRST_MAX = 8, 35
-- (or right under the headline, in a page with no byline, a release: the block above
-- headline-shaped, of STANDFIRST_MIN words or more, all in capitals; a
-- headline in sentence case over a standfirst is told apart by the stage's title rule)
local function headline_above(a)
  return not a.cue and not a.bullet and not a.keep and a.nw >= STANDFIRST_MIN and a.nw <= STANDFIRST_MAX
    and ev.headline_shaped(a) and not find(a.text, "%l")
end
local function standfirst(live, ws, we)
  local b, above, at = live[ws], live[ws - 1], ws
  -- (the headline in capitals may open the window: the stage takes it out as the title)
  if b and headline_above(b) and live[ws + 1] and live[ws + 1].group ~= b.group then b, above, at = live[ws + 1], b, ws + 1 end
  -- (past a share bar that went between the date line and the standfirst: "Share
  -- Facebook X Email" / "NAME say the delays could cost ...")
  if above and above.cue == "share" and not above.take and at > 2 then above = live[at - 2] end
  if not (b and above and b.take) or b.keep or b.bullet or b.sentence or b.nw < STANDFIRST_MIN
    or b.nw > STANDFIRST_MAX or not (above.byline or above.timestamp or headline_above(above)) or STOP_END[byte(b.text, -1)]
    or find(b.text, "[:;\"”’')]%s*$") or not ev.headline_shaped(b) then
    return
  end
  local y = at + 1
  while y <= we and not live[y].take do y = y + 1 end
  local n = live[y]
  if y <= we and n.sentence and n.nw >= 15 and not n.bullet then
    b.take = false
    b.why = "standfirst (under the byline)"
  end
end

-- the rest of an About paragraph that names NAME after an opening clause of its first
-- sentence ("Founded in 2016 and headquartered in Denver, NAME designs ..."), NAME
-- taken without a closing company word of en/clean_company_words.txt ("Inc."), or nil
local function named_later(name, nx, company)
  local pre, last = name:match("^(.-),? (%S+)$")
  if pre and company[(last:gsub("%.$", "")):lower()] then name = pre end
  if #name < 3 then return nil end
  local s, e = find(nx, ", " .. name, 1, true)
  if not s or s > 150 or find(nx:sub(1, s), "[.!?] ") then return nil end
  return nx:sub(e + 1)
end

-- the block after a lone advertisement label right under the window's last paragraph
-- (x = we + 1: "Advertisement" / "Voting closes on 11 May." / the share bar): the
-- story goes on under the label when that block is a short sentence; the copy of an
-- advertisement there goes later, as inside the window (ad_copy)
local function past_ad_label(live, x)
  local a, n = live[x], live[x + 1]
  if a and n and a.cue == "ads" and a.nw <= 4 and not a.bullet and not a.keep and n.class == "short"
    and n.sentence and not n.cue and not n.label and not n.bullet and not n.drop then
    return x + 1
  end
  return x
end

-- is the block y under the advertisement label x, in its group, set apart with it as an
-- indented box: both at the same indent, deeper than the block above the label and
-- the one under the box, in a group of its own ("  -- ADVERTISEMENT --" / "  NAME:
-- cabins with sea views, ... . Weekly rates available." between paragraphs at the
-- margin)? Then it is the label's copy, however much it reads as a paragraph.
-- (a field of M: the main chunk is at Lua's limit of 200 locals)
function M.indented_box(live, x, y)
  local b, c = live[x], live[y]
  if b.indent == 0 or c.indent ~= b.indent then return false end
  local p, n = live[x - 1], live[y + 1]
  return p ~= nil and n ~= nil and p.indent < b.indent and n.indent < b.indent and n.group ~= c.group
end

-- is block x right under an advertisement (its label, ADS_BACK blocks up at most, and
-- its copy) that a kept block precedes? A subhead of the body there ("BUSINESSES
-- WORRIED" under "ADVERTISEMENT" / "Tarran Fuels - ...") stands between two paragraphs
local ADS_BACK = 3
local function after_ad(live, x, ws)
  for y = x - 1, math.max(ws + 1, x - ADS_BACK), -1 do
    local c = live[y]
    if c.take then return false end
    if c.cue == "ads" then return live[y - 1].take and not live[y - 1].bullet end
  end
  return false
end

-- is block x, a capitals line, a subhead past one line of debris between it and a
-- paragraph? Above: a kept paragraph, then one dropped cue line ("Share this article:
-- Facebook Email", "Read more: NAME ... (date)"); below (dir 1): a dropped caption, then
-- the paragraph the section opens with. The line's own legal cue ("HELP ..." read as a
-- footer link) counts for nothing when it is three words or more with no separator
local function para(c)
  return c and c.take and not c.bullet and (c.class == "good" or c.class == "neargood" or (c.sentence and c.nw >= 8))
end
-- (up to DEBRIS_RUN such lines: two "READ MORE:" links in a row, a caption wrapped
-- over two lines above it; it returns the paragraph's index)
local DEBRIS_RUN = 3
local function debris_line(d, dir)
  if d.take or d.keep or d.bullet or d.nw > 40 then return false end
  if dir < 0 then return (d.cue ~= nil and d.cue ~= "ads") or d.ending == true end
  return d.cue == "caption" or d.cue == "media"
end
local function past_debris(live, x, dir, ws, we)
  local y = x + dir
  for _ = 1, DEBRIS_RUN do
    if y <= ws or y >= we or not debris_line(live[y], dir) then return false end
    y = y + dir
    if para(live[y]) then return y end
  end
  return false
end
local function legal_subhead(b)
  return b.cue == "legal" and b.label and b.nw >= 3 and not find(b.text, "[|·•©]")
    and not find(b.text:lower(), "right", 1, true)
end

-- the window's first block (up to 30 words, a sentence) over one or two blocks of a
-- picture's debris (an image's name, a caption: media and caption cues) over the lead
-- paragraph carrying the dateline: a standfirst; the article opens at its dateline
-- (the lead's dateline a wire one, as the stage reads it under a standfirst: a place
-- in capitals before a dash or an agency, meta.wire_prefix; "HOLLOWAY:" is a speaker)
local function wire_lead(meta, t)
  local dl = meta.dateline(t)
  if not dl then return false end
  return not meta.wire_prefix or meta.wire_prefix((t:sub(1, #t - #dl.rest):match("^%s*(.-)%s*$")))
end
local function past_picture(live, ws, we, meta)
  local b = live[ws]
  if ws + 2 > we or b.nw > 30 or b.keep or not b.sentence then return ws end
  local y = ws + 1
  while y <= ws + 2 and y < we and (live[y].cue == "media" or live[y].cue == "caption") do y = y + 1 end
  if y == ws + 1 or live[y].nw < 10 or not wire_lead(meta, live[y].text) or meta.dateline(b.text) then return ws end
  return y
end

-- the headlines of other stories under a bare "Read more" label alone in its group
-- ("READ MORE" / "NAME to close early on Sundays ..." / "Commentary: What ..."): two
-- or more headline-shaped lines (no sentence, up to 24 words), each alone in its group,
-- right above the paragraph the body resumes with (a sentence of 12 words or more)
local function teaser_groups(live, x, we)
  local h = live[x]
  if live[x + 1].group == h.group or (live[x - 1] and live[x - 1].group == h.group) then return end
  local y = x + 1
  while y < we do
    local c = live[y]
    if not c.take or c.keep or c.sentence or c.nw > 24 or live[y + 1].group == c.group
      or not ev.headline_shaped(c) then break end
    y = y + 1
  end
  local n = live[y]
  if y - x < 3 or not (n.take and n.sentence and n.nw >= 12) then return end
  for k = x + 1, y - 1 do live[k].take = false; live[k].why = "related links" end
end

-- is block c the heading of a release's end matter ("Forward-Looking Statements",
-- "Notes to editors": an end mark of en/clean_body_release_ends.txt)?
local function end_matter(c, release_end)
  return c ~= nil and c.ending and release_end ~= nil and c.nw <= 8 and release_end:find(c.text) ~= nil
end
-- the initials of an organisation's name ("Thar Heritage Tourism Development
-- Corporation": "THTDC"; "of", "and", "for", "the" passed over), upper case
local function initials(org)
  local s = {}
  for w in org:gmatch("%S+") do
    if not (w == "of" or w == "and" or w == "for" or w == "the") then s[#s + 1] = w:sub(1, 1):upper() end
  end
  return table.concat(s)
end

local function about_boxes(live, release_end, company)
  for x = 1, #live - 1 do
    local b = live[x]
    if b.ending and release_end and b.nw <= 4 and release_end:find(b.text) then b.about = true end
    -- (the name may follow "the": "About the Halden Trust")
    -- (a name closing on a company word's stop is no sentence: "About NAME Inc.")
    local name = b.nw >= 2 and b.nw <= 8 and (not b.sentence or company and byte(b.text, 1) | 32 == 97
      and byte(b.text, -1) == 46 and company[(b.text:match("(%a+)%.$") or ""):lower()])
      and b.text:match("^[Aa][Bb][Oo][Uu][Tt] (.-)%s*:?$")
    if name then name = name:gsub("^[Tt]he ", "") end
    if name and find(name, "^%u") then
      local nx = live[x + 1].text:gsub("^[Tt]he ", "")
      -- (the address in that paragraph or the block after it)
      local n2 = live[x + 2] and live[x + 2].text or ""
      local rest = #name >= 3 and nx:sub(1, #name):lower() == name:lower() and nx:sub(#name + 1)
      -- (or a one-word name, the head noun of the organisation's full name opening the
      -- paragraph: "About the Board" over "The NAME State Board of Dental Examiners
      -- licenses ...": the capitalised run, "of", "and", "for" inside it)
      if not rest and #name >= 3 and not find(name, " ", 1, true) then
        local org, tail = nx:match("^(%u%S*)(.*)$")
        while org and tail do
          local w, t2 = tail:match("^ (%u%S*)(.*)$")
          if not w then w, t2 = tail:match("^ (of %u%S*)(.*)$") end
          if not w then w, t2 = tail:match("^ (and %u%S*)(.*)$") end
          if not w then w, t2 = tail:match("^ (for %u%S*)(.*)$") end
          if not w then break end
          org, tail = org .. " " .. w, t2
        end
        -- (or an acronym of that name: "About THTDC" over "The Thar Heritage Tourism
        -- Development Corporation is ...")
        if org and find(org, " ", 1, true) and (find(" " .. org:lower() .. " ", " " .. name:lower() .. " ", 1, true)
          or (#name <= 8 and not find(name, "%l") and initials(org) == name)) then
          rest = tail
        end
      end
      if not rest and company and byte(nx, 1) ~= byte(name, 1) then rest = named_later(name, nx, company) end
      if rest and not (find(nx, "%l%.%l%l") or find(nx, "www.", 1, true) or find(n2, "%l%.%l%l") or find(n2, "www.", 1, true))
        and not ((closes_body(live, x + 2) or end_matter(live[x + 2], release_end)) and (rest:find("^ is an? ") or rest:find("^ is the ") or not wire_release(live))) then
        rest = nil
      end
      if rest then
        if rest:find("^,") or rest:find("^ %(") or rest:find("^'s ") or rest:find("^ is ") or rest:find("^ are ")
          or rest:find("^ was ") or rest:find("^ has ") or rest:find("^ %l+s ") then
          b.ending = true
          b.about = true
        end
      end
    end
  end
end

-- a closing news section under a table of figures ("SCORING SUMMARY" and its lines,
-- then "Next up" over "The club visits NAME on Sunday ..."): right under the window, a
-- table (an optional short heading, then two data lines or more: tabular.is_data,
-- loose, one of them strict) whose weight kept the window from reaching the section,
-- then a short heading (up to six words, no sentence, no cue) over a paragraph (a
-- sentence of 12 words or more, jusText's good or neargood, no cue): the window runs
-- to that paragraph (the table
-- then goes with tabular.drop_tables, and the heading stays, though a run of link-like
-- lines ends with it). Furniture under a table has no such paragraph. A closing
-- sentence right under the table (no heading) goes with the window too, unless an
-- imperative opens it (a call to the reader).
local MIN_SECTION_WORDS = 12
local CLOSING_WORDS = 8
-- a release's contact line under its last paragraph ("Media contact: NAME, 555-0148"):
-- end matter, under which the closing sentence above it is the article's
local rx_contact_label = lazy("^(?:media|press|news|public information) (?:contacts?|enquiries|inquiries|office|officer)\\s*:", "i")
-- a release's trailer closing the window right above its end matter (an About box or
-- an end mark): a blank-line group of its own of up to three "Label: value" lines of
-- at most 20 words, one of them a contact line ("Issued by: NAME Cell, Jaipur" /
-- "Media contact: NAME | Tel: NUMBER"): end matter too
local rx_field_line = re.compile("^\\p{Lu}[\\p{L}'’]*(?:\\s+[\\p{L}'’]+){0,2}\\s*:\\s+\\S")
local function release_trailer(live, ws, we)
  local nx, last = live[we + 1], live[we]
  if not (nx and (nx.about or nx.ending) and last and last.take) or nx.group == last.group then return end
  local x, contact = we, false
  while x > ws and we - x < 3 and live[x].take and live[x].group == last.group do
    local b = live[x]
    if b.keep or b.bullet or b.nw > 20 or not rx_field_line:find(b.text) or find(b.text, "[\"“”]") then return end
    contact = contact or (byte(b.text, 1) | 32 >= 109 and rx_contact_label():find(b.text) ~= nil)
    x = x - 1
  end
  if not contact or x == we or live[x].group == last.group then return end
  for y = x + 1, we do live[y].take = false; live[y].why = "release contact" end
end
-- is block c a label heading a box of facts under the article ("MATCH FACTS" over
-- "NAME 2 (NAME 64')" / "Venue: ..."): a short line in capitals or a label, no
-- sentence, over two short lines that are no sentences either? The short sentence right
-- above it closes the article (not a call to the reader opened by an imperative)
local function heads_box(live, c, m)
  local h, a, b = live[c], live[c + 1], live[c + 2]
  if not (h and a and b and h.label and not h.sentence and h.nw <= 4 and not h.cue) then return false end
  if a.sentence or b.sentence or a.class ~= "short" or b.class ~= "short" or a.cue or a.bullet then return false end
  local s = live[c - 1]
  if not (s and s.sentence) then return false end
  local w = s.text:match("^(%a+)")
  return not (m and w and m.ad_verbs[w:lower()])
end
local function closing_section(live, we, m)
  local x = we + 1
  local b = live[x]
  if not b or b.cue or b.keep or b.drop then return we end
  -- (a heading, and a row of column names under it: "Team W L Pts")
  for _ = 1, 2 do
    b = live[x]
    if b and b.class == "short" and not b.sentence and not b.cue and not tabular.is_data(b) and b.nw <= 6 then
      x = x + 1
    end
  end
  -- (a row may read as loose data only, or carry a cue its figures set off, but one
  -- row at least is a strict data line)
  local rows, strict = 0, false
  while live[x] and not live[x].keep and tabular.is_data(live[x], true) do
    strict = strict or tabular.is_data(live[x])
    rows = rows + 1; x = x + 1
  end
  if rows < 2 or not strict then return we end
  local h, p = live[x], live[x + 1]
  -- (or a closing paragraph right under the table: a sentence of CLOSING_WORDS or more,
  -- no cue, that the window's weight left out: "The next round is played on ...")
  if h and not h.cue and not h.label and not h.bullet and not h.keep and not h.drop and h.sentence
    and h.nw >= CLOSING_WORDS and score(h) >= 0 then
    -- (not a call to the reader opened by an imperative: "Listen to every game live on
    -- ...", en/clean_prompt_verbs.txt)
    local w = h.text:match("^(%a+)")
    if not (m and w and m.ad_verbs[w:lower()]) then h.closing = true; return x end
  end
  if not (h and p) or h.cue or h.label or h.bullet or h.sentence or h.class ~= "short" or h.nw < 1 or h.nw > 6
    or p.cue or p.label or p.bullet or not p.sentence or p.nw < MIN_SECTION_WORDS
    or (p.class ~= "good" and p.class ~= "neargood") or score(p) <= 0 then
    return we
  end
  h.section_head = true
  return x + 1
end

-- (a row of figures beside another: one line of figures alone, "2019 Elections",
-- "[5]Sports", is a menu's item, not a table)
-- (a block not weighed, with no word count, is no row; nor is one whose only figures
-- are a dump's link numbers, "[7]Science", or a list's ordinal, "4. Harvard University")
local function is_row(b)
  if not (b ~= nil and b.nw ~= nil and b.density ~= nil and tabular.is_data(b)) then return false end
  local t = b.text:gsub("%[%d+%]", "")
  t = t:gsub("^%s*%d+[.)]%s", "")
  return t:find("%d") ~= nil
end
local function data_row(list, x)
  return is_row(list[x]) and (is_row(list[x - 1]) or is_row(list[x + 1]))
end

--- Whether block x of a list of blocks (in page order) is a row of a table of figures:
-- it and a block beside it are data lines (tabular.is_data); the name of a numbered
-- row that went outside the window ("1. NAME 27 pts"), not "navigation".
M.table_row = data_row

-- the reasons of a block that went as a link, for the teaser rule of M.select (a row
-- of figures in a run of links goes as "data table", marked link_run)
local LINKISH = { ["related links"] = true, ["teaser (between links)"] = true, advertisement = true }
-- (nor is a block of two full sentences or more, one of them quoting or attributing,
-- "Hoteliers said ... . A spokesman declined to comment.", a teaser's blurb: the story's
-- own prose, set under a list of links; a blurb sums up its story in one)
local function attributed_prose(t)
  local last = byte(t, -1)
  if not (last == 46 or last == 33 or last == 63 or last == 34 or last == 157) then return false end
  if not (find(t, "[.!?] %u") or find(t, "[.!?][\"\226][\128]?[\157]? %u")) then return false end
  return speaks(t)
end

--- Is block x of live a lone bullet set before a long sentence, the lead written with a
-- bullet: a sentence of LONE_LEAD_WORDS words or more, no bullet on either side? A
-- story's highlights come several to a box, each of a few words (under twenty on every
-- page we have seen), so such a block is the article's first paragraph, no highlight.
local LONE_LEAD_WORDS = 25
function M.lone_lead(live, x)
  local b = live[x]
  if not (b and b.bullet and b.sentence and b.nw >= LONE_LEAD_WORDS) then return false end
  local p, n = live[x - 1], live[x + 1]
  return not (p and p.bullet) and not (n and n.bullet)
end

--- The window's end past a picture inside the body: under the window's last
-- paragraph, one or two blocks of a picture's debris (a caption or credit: caption and
-- media cues, up to 40 words each), then a paragraph (a sentence of 8 words or more, no
-- cue, label or bullet, scoring above zero) that the caption's penalty kept out of the
-- window ("Photo: The quay at dusk. (NAME/Outlet)" / "According to the operator, ...
-- rose by 12% last year."): the body goes on under the caption, and the window ends at
-- that paragraph (and past the next caption, the same again). The caption still goes.
-- Not when a caption or a credit follows the paragraph, or it repeats a block above: a
-- gallery's caption under the body ("Photo Gallery (1 of 2)" / the caption again /
-- "NAME/Photographer").
function M.past_caption(live, we)
  while we >= 1 and live[we].sentence do
    local y = we + 1
    while y <= we + 2 and live[y] and (live[y].cue == "caption" or live[y].cue == "media") and not live[y].keep
      and not live[y].bullet and live[y].nw <= 40 and score(live[y]) > NEG do
      y = y + 1
    end
    local p, n = live[y], live[y + 1]
    if y == we + 1 or not p or not p.sentence or p.nw < 8 or p.cue or p.label or p.bullet or p.drop or p.ending
      or score(p) <= 0 or (n and (n.cue == "caption" or n.cue == "media")) then
      return we
    end
    -- (not a caption printed again in a gallery under the body, over its credit or
    -- not: a block that repeats one above is no paragraph of the story)
    for z = 1, we do if live[z].text == p.text then return we end end
    we = y
  end
  return we
end

--- The heading of a reader prompt's box: a short line opening its group that speaks
-- to the reader by an imperative of en/clean_prompt_verbs.txt and names no sentence
-- ("Get the NAME Morning Brief"), right over the prompt the stage cued ("The stories
-- ... delivered at 6 a.m. Sign up"), in its group: the box's title, no subhead.
function M.prompt_heads(st, live, ws, we)
  if not st.prompts then return end
  for x = ws, we - 1 do
    local b, n = live[x], live[x + 1]
    if n.cue == "newsletter" and b.take and not b.keep and n.group == b.group and b.nw >= 2 and b.nw <= 8
      and not b.sentence and not b.cue and not b.bullet and (x == 1 or live[x - 1].group ~= b.group)
      and st.prompts:heading(b.text) then
      b.take = false
      b.why = "newsletter heading"
    end
  end
end

function M.select(live, st, o)
  about_boxes(live, st.body and st.body.release_end, st.body and st.body.company)
  inlinebox.mark(live)
  -- lists introduced by a sentence ending in ':' (two bullet items or more) are text
  for x = 1, #live - 2 do
    local b = live[x]
    -- (not under the heading of a highlights box: "At a glance:")
    -- (the block's fields first, then its last byte: each call to C costs more)
    -- (two bullet items right under it first: the fields of three blocks cost less than
    -- one call to C, and most blocks have no list under them)
    local i1, i2 = live[x + 1], live[x + 2]
    if i1.bullet and i2.bullet and i1.nw >= 2 and i2.nw >= 2 and not i1.cue and not i2.cue
      and b.nw >= 3 and b.density > 0 and not b.cue and not b.label and not b.bullet and byte(b.text, -1) == 58
      and not (st.body and st.body.box_head and st.body.box_head:find(b.text)) then
      local y = x + 1
      while y <= #live and live[y].bullet and not live[y].cue and live[y].nw >= 2 do y = y + 1 end
      if y - x - 1 >= 2 then
        for z = x, y - 1 do live[z].listed = true end
      end
    end
  end
  local ws, we = best_window(live)
  -- (the article's lead under its header, when the window went to teasers elsewhere)
  if ws then ws, we = anchor.window(live, ws, we, st.meta.dateline) end
  if not ws then
    -- nothing scores above zero (a very short text): the sentences are the body
    for x, b in ipairs(live) do
      if b.sentence and not b.cue and not b.label and score(b) > NEG then
        ws = ws or x
        we = x
      end
    end
    if ws then
      for x = ws, we do
        local b = live[x]
        if b.sentence and not b.cue and not b.label and score(b) > NEG then b.take = true
        else b.why = "outside main text (" .. b.class .. ")" end
      end
      return ws, we
    end
  end
  ws, we = ws or 1, we or 0
  -- the window neither starts nor ends with a bullet list (highlights sit just above
  -- the body) or with a block that adds nothing
  -- (a numbered item that is a full sentence, or an introduced list, is text)
  local function trims(b)
    if b.keep then return false end
    if score(b) <= 0 then return true end
    return b.bullet and not b.listed and not (b.bullet:find("^%d") and b.sentence) and not M.lone_lead(live, b.li)
  end
  while ws <= we and trims(live[ws]) do ws = ws + 1 end
  while we >= ws and trims(live[we]) do we = we - 1 end
  -- a short opening sentence ("BOSTON (Reuters) - It is over.") right under the header
  -- or carrying a dateline starts the body
  do
    local x = ws - 1
    while x >= 1 and ws - x <= 2 and live[x].class == "short" and live[x].sentence and score(live[x]) == 0
      and not live[x].cue and not live[x].label and not live[x].bullet do
      x = x - 1
    end
    local first = x + 1
    if first < ws then
      local above = live[x]
      if st.meta.dateline(live[first].text) or (above and (above.bullet or above.timestamp or above.byline)) then
        ws = first
      end
    end
  end
  -- a lead paragraph carrying a dateline ("LONDON (AP) — ...") set apart from the
  -- window by a picture's debris (a caption cue, non-sentences: up to MAX_LEAD_GAP
  -- blocks) opens the body
  do
    local x, debris = ws - 1, false
    while x >= 1 and ws - x <= MAX_LEAD_GAP + 1 do
      local b = live[x]
      if score(b) <= NEG or b.bullet or b.label then break end
      if b.sentence and not b.cue then
        if debris and b.nw >= 10 and st.meta.dateline(b.text) then ws = x end
        break
      end
      -- (a caption or a credit among the blocks passed over)
      debris = debris or b.cue == "caption" or b.cue == "media"
      x = x - 1
    end
  end
  -- a block of up to 30 words opening the window right above the lead paragraph carrying
  -- the dateline is a caption or a standfirst ("The NAME burn unit lies between ... NPS
  -- map" over "PLACE, Colo. – Fire managers ..."): the article opens at its dateline
  if ws < we and live[ws].nw <= 30 and not live[ws].keep and live[ws + 1].nw >= 10
    and st.meta.dateline(live[ws + 1].text) and not st.meta.dateline(live[ws].text) then
    ws = ws + 1
  end
  -- (so too past a picture between them, its image name and caption: up to two blocks
  -- of a picture's debris)
  ws = past_picture(live, ws, we, st.meta)

  we = closing_section(live, we, st.body)
  we = M.past_caption(live, we)

  -- short lines between the last paragraph and the end of the article (a contributor
  -- line, an end marker, boilerplate) belong to the body when one of them is a
  -- sentence: a closing one-line paragraph, perhaps under a last subhead
  do
    local c, last_sentence = past_ad_label(live, we + 1), nil
    while c <= #live and c - we <= 5 and score(live[c]) > NEG and live[c].class == "short"
      and not live[c].cue and not live[c].label and not live[c].bullet and not live[c].drop do
      if live[c].sentence then last_sentence = c end
      c = c + 1
    end
    local stop = live[c]
    -- (a run longer than five lines: its first line still closes the body when it is
    -- the run's only sentence, short lines that are none following it: a download link
    -- or an events box under the article)
    if c - we <= 5 or (last_sentence == we + 1 and last_sentence < c - 1) then
      if stop and stop.contrib and c - we <= 5 then
        we = c - 1
      elseif last_sentence and (not stop or score(stop) <= NEG or stop.cue or last_sentence < c - 1
        or rx_signoff:find(stop.text) or stop.ending or heads_box(live, c, st.body)
        or (byte(stop.text, 1) | 32 >= 109 and rx_contact_label():find(stop.text))) then
        -- (or a sign-off under it, "— AB", or an end marker, "– ENDS –": the line above
        -- it closes the article)
        -- up to the last sentence: link lines after it are not the article's
        we = last_sentence
      end
    end
  end

  -- a short sentence right above a sign-off ("— AB") closes the article, even when a
  -- caption stands between it and the last paragraph (the caption still goes)
  do
    local c = we + 1
    while c <= #live and c - we <= 4 and score(live[c]) > NEG and not live[c].keep and not live[c].bullet
      and (live[c].cue == "caption" or live[c].cue == "media"
        or (live[c].class == "short" and live[c].sentence and not live[c].cue and not live[c].label)) do
      c = c + 1
    end
    local s, last = live[c], live[c - 1]
    if s and c > we + 1 and last.sentence and not last.cue and rx_signoff:find(s.text) then we = c - 1 end
  end

  -- an About box inside the window ends the article at its heading (its paragraph,
  -- long enough to pull the window over the heading, is the release's boilerplate)
  for x = ws + 1, we do
    if live[x].about then we = x - 1; break end
  end

  -- keep decisions inside the window
  local resumed = M.resumed_after_box(live, ws, we)
  for i = ws, we do
    local b = live[i]
    if b.keep then b.take = true
    elseif b.inbox then b.why = "teaser box"
    elseif b.drop then b.why = "drop pattern"
    elseif b.ending then b.why = "related box heading"
    elseif b.cue then b.why = "boilerplate: " .. b.cue
    elseif b.relative then b.why = "timestamp (relative)"
    -- (a clock alone over an entry's heading, "9:58 a.m." / "Service restored": a live
    -- blog's entry time, no paragraph; over a paragraph, as in a wire's "The Latest",
    -- the time line is the text's own)
    elseif b.clock and i < we and live[i + 1].class == "short" and not live[i + 1].sentence
      and not live[i + 1].clock then
      b.why = "timestamp (entry time)"
    elseif b.label then b.why = "label"
    -- (a sentence ending in ':' over the list it introduces is text, however few its
    -- function words: "Forecasters recommend the following precautions ...:")
    elseif b.class == "bad" and not b.bullet and not (b.sentence and b.nw >= 8) and not (b.listed and b.nw >= 8) then
      b.why = "low stopword density"
    else b.take = true end
  end
  -- (under a numbered list's last item that is a sentence, "4. Walk the fence lines and
  -- repair ...", a capitals subhead opens the next section)
  local function item_sentence(p)
    return p.take and byte(p.bullet, 1) <= 57 and p.sentence and p.nw >= 8
  end
  -- all-capitals subheads between two kept paragraphs ("EARLY YEARS"), unless the page
  -- repeats the line (a section label); a media label in capitals ("UP NEXT") too when a
  -- sentence of prose follows it (a video widget's label stands over a clip's title)
  local count
  for x = ws + 1, we - 1 do
    local b = live[x]
    -- (not one naming a clip or a picture: "VIDEO", "PHOTO GALLERY", "WATCH LIVE")
    local media = b.cue == "media" and b.label and not b.drop and not b.keep and not rx_media_noun:find(b.text)
    -- (a ticker line, "HRGF 52.18 -8.47 (-13.97%)", is figures, no subhead)
    local legal = b.cue == "legal" and legal_subhead(b)
    if (media or legal or (b.why == "label" and not b.cue)) and not b.ending and not b.bullet and b.nw >= 1 and b.nw <= 8
      and not (b.text:find("%", 1, true) or b.text:find("[+-]%d+%.%d")) then
      local p, n = live[x - 1], live[x + 1]
      -- (past up to three lines of debris on either side: a share line or two links above, a caption below)
      -- (such a subhead is kept for good: no list of links under the share line)
      local past = false
      local py = not media and not p.take and past_debris(live, x, -1, ws, we)
      if py then p = live[py]; past = true end
      local ny = not media and not n.take and past_debris(live, x, 1, ws, we)
      if ny then n = live[ny]; past = true end
      if (p.take or after_ad(live, x, ws)) and n.take and (not p.bullet or item_sentence(p)) and (media and (n.sentence and n.nw >= 10 and not n.cue)
        or (not media and (n.class == "good" or n.class == "neargood" or (n.sentence and n.nw >= 8)))) then
        if not count then
          count = {}
          for _, c in ipairs(live) do count[c.text] = (count[c.text] or 0) + 1 end
        end
        -- (past debris, the paragraph under it must be a stopped sentence: a box heading
        -- over a dated headline, "MORE NEWS" / "NAME opens new hall (27/02/2026)", is none)
        if count[b.text] == 1 and (not past or ((n.sentence or byte(n.text, -1) == 58) and n.nw >= 8 and find(n.text, "[.!?:][\"”’]?$"))) then
          b.take = true; b.why = nil; b.keep = b.keep or past
        end
      end
    end
  end
  -- the label of a live blog's feed ("Updates", "Latest") right above its first entry
  -- (time line, heading, text), under a line that went (a "LIVE" label, the header)
  for x = ws, we - 2 do
    local b, t, h = live[x], live[x + 1], live[x + 2]
    if b.take and not b.keep and b.class == "short" and not b.sentence and b.nw <= 2 and not find(b.text, "%d")
      and t.clock and h.class == "short" and not h.sentence and not h.clock and (x == ws or not live[x - 1].take) then
      b.take = false
      b.why = "live feed label"
    end
  end
  standfirst(live, ws, we)
  -- tables of figures (a box score, a market table) and their heading
  tabular.drop_tables(live, ws, we, st.body and st.body.results)
  -- the blurb under an audio or video widget ("NAME spoke with host NAME about ...")
  if st.widgets then widgets.drop_blurbs(st.widgets, live, ws, we) end
  -- a review's or a listing's info box ("Rated R. 142 minutes. Opens Friday at ...")
  if st.factbox then factbox.drop(st.factbox, live, ws, we); factbox.drop_line(st.factbox, live, ws, we) end
  -- a short line inside a box of boilerplate (between two cue lines of its group: the
  -- blurb of a newsletter box between "Sign up for ..." and "Sign up")
  -- (or between a cue line and a dropped label: a chart's caption between its icon and
  -- the ticker line "HRGF 52.18 -8.47 (-13.97%)")
  local function boxed(c) return c.cue or (c.label and not c.take and c.nw <= 8) end
  for x = ws + 1, we - 1 do
    local b, p, n = live[x], live[x - 1], live[x + 1]
    if b.take and b.class == "short" and not b.keep and boxed(p) and boxed(n) and (p.cue or n.cue)
      and p.group == b.group and n.group == b.group and (p.cue and n.cue or (b.nw <= 12 and not b.text:find("[\"“”]"))) then
      b.take = false
      b.why = "inside a boilerplate box"
    end
  end
  M.prompt_heads(st, live, ws, we)
  -- the copy under an advertisement label, in the label's group
  for x = ws, we do
    local b = live[x]
    if b.cue == "ads" and not b.take then
      local y = x + 1
      while y <= we and live[y].group == b.group and live[y].nw <= 40 and not live[y].keep do
        local c = live[y]
        -- the body resumes with a paragraph (a sentence of body length): in a page of
        -- one paragraph per line the label shares its group with the text
        -- (unless it reads as the copy by its evidence: ad_evidence)
        if c.sentence and c.class ~= "short" and c.nw >= 12 and not ad_evidence(st.body, c.text)
          and not (y == x + 1 and dashed_fragment(c)) and not M.indented_box(live, x, y) then break end
        -- (nor does a line that opens a list under the copy, "Before heading out, riders
        -- should:", in a page without blank lines: it and its items are the body's)
        if y > x + 1 and c.nw >= 4 and byte(c.text, -1) == 58 and not c.cue then break end
        -- (a subhead right above that paragraph, in sentence case (after its first
        -- word, no more capitalised words than lower-case ones: a brand's name or
        -- "Advertise with NAME" is no subhead), no cue, figure or call: "Road and
        -- tourists" under a label whose advertisement the dump left empty; or under
        -- the copy, when the line above closed it with a stop: "Dial *455 now!" /
        -- "Vendors worried" / the paragraph)
        local d = live[y + 1]
        -- (or closed by a call with no stop: "... from DKK 899. Book now")
        if (y == x + 1 or find(live[y - 1].text, "[.!?]$") or arrow_closed(live[y - 1].text) or rx_ad_close():find(live[y - 1].text)
          or M.phone_closed(live[y - 1].text)) and c.take and not c.cue and d and y + 1 <= we and d.group == c.group and d.sentence
          and d.class ~= "short" and d.nw >= 12 and c.nw >= 2 and c.nw <= 8 and not c.sentence
          and not find(c.text, "[.!?:;]$") and find(c.text, "^%u") and not find(c.text, "%d")
          and select(2, c.text:gsub(" %l", "")) >= select(2, c.text:gsub(" %u", ""))
          and not (st.body and st.body.ad_call and st.body.ad_call:find(c.text)) then
          break
        end
        if c.take then c.take = false; c.why = "advertisement" end
        y = y + 1
      end
    end
  end
  -- an advertisement's copy hard-wrapped over two lines or more under its label across
  -- a blank line, read as one text (M.labelled_group)
  for x = ws, we - 2 do
    local b = live[x]
    if b.cue == "ads" and not b.take and b.nw <= 8 and live[x + 1].group ~= b.group
      and live[x + 2].group == live[x + 1].group then
      M.labelled_group(st.body, live, x + 1, b, we)
    end
  end
  -- an advertisement's copy under its label across a blank line, or closed by a call
  -- to action with an offer ("Pacific Air - fly to the islands from $199. Book now")
  for x = ws, we do
    local b = live[x]
    local above = b.take and ad_above(live, x)
    -- (the tests of copy under a label, or under copy that went, need an advertisement
    -- label or copy right above: told here by the fields of the blocks above, which
    -- spares most blocks five Lua calls; above is the block right above, or the label
    -- over a banner's image name, itself an "ads" cue)
    local a1 = live[x - 1]
    local near_ad = above and (above.cue == "ads" or above.why == "advertisement"
      or a1.cue == "ads" or a1.why == "advertisement")
    if b.take and (ad_copy(st.body, b, above) or near_ad and (labelled_evidence(st.body, b, above)
      or labelled_fragments(st.body, b, above) or labelled_line(st.body, b, above)
      or small_print(b, a1) or (x > 1 and a1.cue == "ads" and labelled_dash_call(st.body, b, a1)))
      or M.named_over_offer(st.body, live, x, above)) then
      b.take = false; b.why = "advertisement"
    else
      -- (a block kept so far loses a button's label glued to its end)
      if b.take then cut_glued_button(st.body, b) end
      -- (each of the three prompts is a block of up to 30 words with no keep pattern:
      -- tested here first, a paragraph is spared three Lua calls)
      if b.take and b.nw <= 30 and not b.keep
        and (arrow_prompt(st.body, b) or arrow_open_prompt(st.body, b) or notice_prompt(st.body, b)) then b.take = false; b.why = "link prompt"
      -- a button right under an advertisement's copy that went, in its group, a call
      -- from its first word ("Learn more" under the copy)
      elseif b.take and b.nw <= LONE_BUTTON_WORDS and b.nw >= 1 and not b.keep and not b.bullet and x > ws
        and live[x - 1].why == "advertisement" and live[x - 1].group == b.group
        and st.body and st.body.ad_call and st.body.ad_call:find(b.text) == 1 then
        b.take = false; b.why = "call-to-action button"
      -- a lone button inside the body: a line of up to three words, a group of its
      -- own, that is a call from its first word ("Book now", "Buy tickets online"), not
      -- a subhead over the paragraph under it
      elseif b.take and b.nw <= LONE_BUTTON_WORDS and b.nw >= 1 and not b.keep and not b.bullet
        and st.body and st.body.ad_call and alone(live, x)
        and st.body.ad_call:find(b.text) == 1
        and not subhead_above(b, live[x + 1], st.stop) then
        b.take = false; b.why = "call-to-action button"
      end
    end
  end
  booking_box(st.body, live, ws, we)
  -- a call-to-action button beside an appeal that went ("Become a member today.")
  -- (not a subhead over the paragraph it announces: subhead_above)
  if st.body then
    buttons.drop(st.body.buttons, live, ws, we, function(x) return x < we and subhead_above(live[x], live[x + 1], st.stop) end)
    -- (an appeal box closing the window above its button: docpipe.clean.buttons)
    buttons.drop_box(st.body.buttons, live, ws, we)
  end
  -- the short headline-like lines under a "Related ..." heading are its links
  for x = ws, we do
    local h = live[x]
    -- a "Related ..." heading, or a bare "Related:" / "Read more:" label (its links in
    -- its own group)
    local label = h.cue == "readmore" and (h.nw <= 3 or h.text:sub(-1) == ":")
    if (h.ending or label) and not h.take then
      local y = x + 1
      -- (bullet items right under the label go with it across a blank line, up to the
      -- first line that is no bullet)
      -- (a headline line of its group that went already, "... Gizo — 21 February 2024" for
      -- its few function words, does not end the list)
      while y <= we and (is_list_link(live[y]) or (h.ending and gone_headline(live[y], h))) and not live[y].keep
        and (h.ending or live[y].group == h.group or (live[y].bullet and (y == x + 1 or live[y - 1].bullet))) do
        if live[y].take then
          live[y].take = false
          live[y].why = "related links"
        end
        y = y + 1
      end
      if label and y == x + 1 then teaser_groups(live, x, we) end
      -- (a headline too long for a short line, right under a bare label in its group:
      -- the other story's title, no sentence)
      local n = live[y]
      if label and y == x + 1 and y <= we and n.group == h.group and n.take and not n.keep
        and not n.sentence and n.nw <= 24 and ev.headline_shaped(n) then
        n.take = false
        n.why = "related links"
      end
    end
  end
  -- related-link runs inside the window
  -- (rows of a table of figures in such a run are named as the table they are:
  -- tabular.is_data)
  -- (a row holds a digit: the tokenizer's bit 8, tested before tabular.is_data; marked
  -- link_run, still a link to the teaser rule below)
  local function gone_link(x)
    local b = live[x]
    b.take = false
    local bits = b.bits
    if (not bits or bits & 8 ~= 0) and data_row(live, x) then
      b.why = "data table"; b.link_run = true
    else
      b.why = "related links"
    end
  end
  -- (a time line inside a run, a teaser's time, is passed over and not counted: a
  -- live blog's "entry time, heading, text" is no list of links)
  local function links(a, z)
    local n = 0
    for x = a, z do if is_linklike(live[x]) then n = n + 1 end end
    return n
  end
  -- (the last line of a run is a subhead, and stays, when it announces the paragraph
  -- right under it: see subhead_above; "£129 at Shopwell", "View all prices", "Call
  -- quality", "Calls were the weak point ...")
  -- (or the heading of a closing section: closing_section)
  local function last_of(z)
    return z < we and (live[z].section_head or subhead_above(live[z], live[z + 1], st.stop)) and z - 1 or z
  end
  local i = ws
  while i <= we do
    if live[i].take and is_linklike(live[i]) then
      local j = i
      while j + 1 <= we and (is_linklike(live[j + 1]) or (is_timeline(live[j + 1]) and j + 2 <= we and is_linklike(live[j + 2]))) do
        j = j + 1
      end
      -- sub-runs within one group
      local k = i
      while k <= j do
        local g = live[k].group
        local m = k
        while m + 1 <= j and live[m + 1].group == g do m = m + 1 end
        local intro = introduces(live[k - 1]) or introduces(live[k])
        if (links(k, m) >= o.link_run) and not intro then
          for x = k, last_of(m) do if not live[x].keep then gone_link(x) end end
        end
        k = m + 1
      end
      -- a longer run spread over blank-separated lines
      if links(i, j) >= o.link_run + 1 then
        local intro = introduces(live[i - 1]) or introduces(live[i])
        if not intro then
          for x = i, last_of(j) do if not live[x].keep then gone_link(x) end end
        end
      end
      i = j + 1
    else
      i = i + 1
    end
  end
  -- a run of headline lines in one group opened by a kept one, longer ones among them (a
  -- teaser list whose headlines run past a short line: "Volunteers rebuild the old
  -- ferry landing after the spring floods"), counted as above; a question too, as a
  -- headline
  local function headline_line(b)
    if is_linklike(b) then return true end
    return not b.listed and not b.bullet and b.nw <= 20 and ev.headline_shaped(b)
      and (not b.sentence or b.text:find("%?[\"”’']?$") ~= nil)
  end
  do
    local x = ws
    while x <= we do
      local y = x
      -- (a paragraph is passed over at once: no headline line holds more than 20 words)
      if live[x].take and live[x].nw <= 20 and headline_line(live[x]) then
        local long = live[x].class ~= "short"
        while y + 1 <= we and live[y + 1].group == live[x].group and headline_line(live[y + 1]) do
          y = y + 1
          long = long or live[y].class ~= "short"
        end
        -- (runs of short lines only are the related-link runs above)
        if long and y - x + 1 >= o.link_run and not (introduces(live[x - 1]) or introduces(live[x])) then
          for z = x, last_of(y) do
            local b = live[z]
            if b.take and not b.keep then b.take = false; b.why = "related links" end
          end
        end
      end
      x = y + 1
    end
  end
  -- teaser cards (a headline written twice) and labelled captions (docpipe.clean.teasers)
  teasers.drop(live, ws, we)
  -- teasers stamped with their dates in brackets, and an events list closing the body
  teasers.drop_dated(live, ws, we, st.dates, st.day_first)
  teasers.drop_events(live, ws, we, st.dates)
  teasers.drop_stamped(live, ws, we, st.dates, st.day_first)
  -- a picture's description written twice (docpipe.clean.captions)
  captions.drop(live, ws, we)
  -- a caption over its credit line in capitals (docpipe.clean.captions)
  captions.drop_credited(live, ws, we)

  -- jusText's context: a block that is not good, with a list of links on one side (in
  -- its own blank-line group) and links or nothing kept on the other (in its group), is
  -- a teaser's blurb ("Related ..." lists whose items
  -- carry a sentence under each headline); twice, so that a label between two blurbs
  -- goes too
  local function linkish(c)
    if c == nil then return false end
    local w = c.why
    return LINKISH[w] or (w == "data table" and c.link_run == true)
  end
  local function off(c, x) return c == nil or x < ws or x > we or not c.take end
  for _ = 1, 2 do
    for x = ws, we do
      local b = live[x]
      -- (not the closing paragraph under a table: closing_section)
      if b.take and not b.keep and b.class ~= "good" and not b.listed and not b.closing then
        local p, n = live[x - 1], live[x + 1]
        -- links on one side in its group; on the other, links too, or something not kept
        -- in its group (a block across a blank line may be the article's again)
        local function side(c) return linkish(c) and c.group == b.group end
        -- (beside an advertisement, a block not kept must read as the list's next
        -- headline: on a page of one paragraph a line, the last paragraph stands between
        -- an advertisement and the footer)
        local function other(c, y, s)
          return linkish(c) or (c ~= nil and off(c, y) and c.group == b.group and not c.contrib
            and (s.why ~= "advertisement" or ev.headline_shaped(c)))
        end
        if ((side(p) and other(n, x + 1, p)) or (side(n) and other(p, x - 1, n))) and not attributed_prose(b.text) then
          b.take = false
          b.why = "teaser (between links)"
        end
      end
    end
  end
  -- a caption: a short kept block right above a picture credit ("Conservators at work
  -- on the ceiling in 2023." over "Photo: X/Agency"), quoting no one
  for x = ws, we - 1 do
    local b = live[x]
    -- (a credit line that carries its own description, "Image: Residents unload cars
    -- at the showground. (Outlet: NAME)", is the whole caption: the block above is text)
    if b.take and not b.keep and b.nw <= 30 and not b.bullet and is_credit(live[x + 1]) and live[x + 1].group == b.group
      and live[x + 1].nw <= 8 and not b.text:find("[\"“”]") then
      b.take = false
      b.why = "caption (above a credit)"
    end
  end
  -- a caption right under its picture's credit line or its image marker, the two alone
  -- in their group ("Photo: NAME" / "Salt-tolerant potato lines after harvest."; "[Image:
  -- The old railway line]" / "The old railway line near NAME, which ...": the marker's
  -- words standing in it, see alt_of), quoting no one
  for x = math.max(ws, 2), we do
    local b, c = live[x], live[x - 1]
    if c.cue == "media" and b.take and not b.keep and not b.bullet and b.nw <= 30 and not c.take and c.nw <= 8
      and c.group == b.group and (x == 2 or live[x - 2].group ~= b.group)
      and (x == #live or live[x + 1].group ~= b.group) and rx_credit:find(c.text) and not find(b.text, "[\"“”]") then
      local alt = c.text:match("^%[%a+:%s*(.-)%]$")
      if not alt or alt_of(alt, b.text) then
        b.take = false
        b.why = "caption (under a credit)"
      end
    end
  end
  -- an image's alt text printed right above its credited caption in a dump ("Flood
  -- wall at NAME during the storm" over "The NAME flood wall during the storm. Photo:
  -- NAME"): a short line with no stop, in the caption's group, whose words (of three
  -- letters or more, three at least) stand in the caption for 70% or more; a subhead
  -- names what follows, not the picture
  for x = ws, we - 1 do
    local b, c = live[x], live[x + 1]
    if b.take and not b.keep and not b.bullet and b.nw >= 3 and b.nw <= 20 and not c.take and c.cue == "caption"
      and c.group == b.group and not find(b.text, "[.!?:\"“”]%s*$") and alt_of(b.text, c.text) then
      b.take = false
      b.why = "caption (alt text over its caption)"
    end
  end
  -- (or across one blank line when the page prints the block again elsewhere, as a
  -- gallery repeats its captions: a paragraph of the article is printed once)
  local function printed_again(live, b, c)
    if b.group ~= c.group - 1 then return false end
    for y = 1, #live do
      local d = live[y]
      if d ~= b and d.nw == b.nw and d.text == b.text then return true end
    end
    return false
  end
  -- a picture credit of a person and an outlet set apart by a slash ("Priya
  -- Ostrander/NVPR", "Jens Wittkamp/Naturbild") on a line of its own, and the short
  -- block right above it, its caption
  for x = math.max(ws, 2), we do
    local c, b = live[x], live[x - 1]
    -- (or one taken for a caption above a credit-like line: "NAME/Ledger" over a photo
    -- shop's "Buy Now" button)
    if (c.take or c.why == "caption (above a credit)") and not c.keep and c.nw >= 2 and c.nw <= 6 and not c.sentence and not c.bullet then
      local who, src = c.text:match("^(.-)%s*/%s*(%S.-)$")
      if who and st.meta.is_person(who) and st.meta.outlet_like(src) and not src:find("/", 1, true) then
        c.take = false
        c.why = "picture credit"
        if b.take and not b.keep and not b.bullet and b.nw <= 30 and (b.group == c.group or printed_again(live, b, c))
          and not b.text:find("[\"“”]") then
          b.take = false
          b.why = "caption (above a credit)"
        end
      end
    end
  end
  -- a picture credit in brackets on a line of its own, an outlet or a person ("(Tamna
  -- News)", "(NAME/Agency)"), right under a short block of its group that closes on a
  -- stop: the credit and that block, its caption
  for x = math.max(ws, 2), we do
    local c, b = live[x], live[x - 1]
    if c.take and not c.keep and c.nw <= 5 and byte(c.text, 1) == 40 and byte(c.text, -1) == 41 and b.take
      and not b.keep and not b.bullet and b.group == c.group and b.nw >= 4 and b.nw <= 30
      and find(b.text, "[.!]$") and not find(b.text, "[\"“”]") then
      local who = c.text:sub(2, -2):gsub("^.-/", "")
      if not find(who, "[()]") and (st.meta.outlet_like(who) or st.meta.is_person(who)) then
        c.take, b.take = false, false
        c.why, b.why = "picture credit", "caption (above a credit)"
      end
    end
  end
  -- a picture's title over its caption (a text browser keeps the image's link name: "[31]
  -- Volunteer crew" / "Members of the crew carry planks ..." / "Courtesy NAME"): a short
  -- line of two to six words with no stop, opening the group, right above a block taken
  -- for a caption above a credit in that group
  for x = ws, we - 1 do
    local b, c = live[x], live[x + 1]
    if c.why == "caption (above a credit)" and b.take and c.group == b.group and not b.keep and not b.bullet
      and b.nw >= 2 and b.nw <= 6 and not b.sentence and (x == 1 or live[x - 1].group ~= b.group)
      and not find(b.text, "[.!?:;\"“”]%s*$") then
      b.take = false
      b.why = "caption (title over it)"
    end
  end
  -- a caption with no credit (bare_caption): between two kept paragraphs, or
  -- between the window's start and its first paragraph
  -- (a position marker, "(right)", makes a caption of a sentence anywhere, of up to
  -- POSED_MAX words, that reports no one: bare_caption)
  for x = ws, we - 1 do
    local b = live[x]
    -- (the cheap tests first; then the neighbours, longer sentences in either case)
    if b.take and not b.keep and not b.cue and not b.bullet and not b.label and b.nw >= CAPTION_MIN
      and b.nw <= POSED_MAX and para_over(live[x + 1], b) and (x == ws or para_over(live[x - 1], b)) then
      -- (a past tense after the marker narrates: "NAME (left) scored twice")
      local posed = find(b.text, "(", 1, true) ~= nil and rx_position():find(b.text) ~= nil
        and not rx_reporting:find(b.text) and not rx_marker_past():find(b.text)
      local strong = posed or (b.nw <= NAMED_MAX and b.sentence and names_at_place(b.text))
      local para = strong and para_over or para_for
      if (b.nw <= CAPTION_MAX or strong) and (strong or b.sentence == (x == ws))
        and (strong or (para(live[x + 1], b) and (x == ws or para(live[x - 1], b))))
        and bare_caption(b.text, strong, strong and b.nw > CAPTION_MAX)
        and not captions.margin_subhead(live, x, ws, we) then
        b.take = false
        b.why = "caption (between paragraphs)"
      end
    end
  end
  -- a caption's last lines broken off by the wrap ("[Photo] The Chairman of the ...
  -- Council, Mr NAME" / "(centre), and council members inspect ..."): the block on the
  -- next line, in the caption's group, opening in lower case or with a bracket, under a
  -- caption that went with no stop closing it, goes with it
  for x = math.max(ws, 2), we do
    local b, p = live[x], live[x - 1]
    local c1 = byte(b.text, 1)
    if (c1 == 40 or (c1 and c1 >= 97 and c1 <= 122)) and b.take and not b.keep and not b.bullet and b.nw <= 30
      and not p.take and (p.cue == "caption" or p.cue == "media") and p.group == b.group and p.last and p.last + 1 == b.first
      and not find(p.text, "[.!?:;)\"”]$") then
      b.take = false
      b.why = "caption (its wrapped line)"
    end
  end
  -- a caption in a dump: the block right under an image's name ("[photo_inn.jpg]",
  -- "[IMG]") with a short credit line right under it, all three in one group (the credit
  -- an outlet, an agency or a person: "The Asahara Daily", "Jens Wittkamp/Naturbild")
  for x = math.max(ws, 2), we - 1 do
    local b, up, dn = live[x], live[x - 1], live[x + 1]
    if b.take and not b.keep and b.nw <= 40 and not b.bullet and up.group == b.group and dn.group == b.group
      and rx_image_name:find(up.text) and dn.nw >= 1 and dn.nw <= 6 and not dn.sentence and not dn.bullet
      and (dn.text:find("/", 1, true) or st.meta.outlet_like(dn.text, true) or st.meta.name_line(dn.text)) then
      b.take, dn.take = false, false
      b.why, dn.why = "caption (under an image)", "picture credit"
    end
  end
  -- a caption closed by its credit as a sentence of its own ("... Photo by NAME, NAME.")
  credit_closed(live, ws, we)
  credit_line(live, ws, we)
  ruled_box(live, ws, we)
  -- a live blog: entries open with a time line and a heading; when a heading inside the
  -- window follows a time line, the heading under the time line just above the window
  -- opens the first entry
  if ws >= 3 and live[ws - 1].class == "short" and not live[ws - 1].sentence and not live[ws - 1].cue
    and not live[ws - 1].label and not live[ws - 1].bullet and is_timeline(live[ws - 2]) then
    local entries = 0
    for x = ws + 1, we - 1 do
      local b = live[x]
      if b.take and b.class == "short" and not b.sentence and is_timeline(live[x - 1]) then entries = entries + 1 end
    end
    if entries >= 1 then
      ws = ws - 1
      live[ws].take = true
    end
  end

  -- a headline-shaped quote line between paragraphs ("'I was running late': NAME told
  -- magistrates ..."): a pull quote or a related story's link
  for x = ws + 1, we do
    local b = live[x]
    if b.take and not b.keep and not b.bullet and not b.sentence and b.nw >= 5 and b.nw <= 30
      and rx_quote_headline:find(b.text) then
      b.take = false
      b.why = "pull quote or link (headline shape)"
    end
  end

  -- pull quotes: a kept block repeating the words of a longer kept paragraph
  local kept = {}
  for x = ws, we do
    local b = live[x]
    if b.take and not b.keep and b.ids then kept[#kept + 1] = b end
  end
  for b in pairs(blocks_mod.contained(kept, 5)) do
    -- (not a subhead quoting a fragment of a later sentence: M.fragment_of_kept)
    if not b.bullet and not M.fragment_of_kept(b, kept) then b.take = false; b.why = "repeated text (pull quote)" end
  end
  -- the same, read more loosely: apostrophes of either kind, an ellipsis where the
  -- pull quote skips words, a "— NAME" attribution after it
  M.loose_pull_quotes(live, ws, we)
  -- a pull quote's attribution on the line under it ("— Manuel Orozco, board president"),
  -- also under a pull quote that the repeat cut took out whole (docpipe.clean.blocks
  -- cut_repeats: the quote printed right under the paragraph it repeats); its dash may
  -- have been read as a bullet marker ("– NAME, head teacher")
  -- (under a pull quote set in quotes, a "NAME, role" line without a dash: "Ingrid
  -- Vale, director", the line's last byte no stop)
  local function attribution(n, quoted)
    if not n.take or n.keep or n.nw > 10 then return false end
    if n.bullet then
      return (n.bullet == "–" or n.bullet == "—" or n.bullet == "-") and find(n.text, "^%u") ~= nil
    end
    if quoted and n.nw <= ROLE_LINE_WORDS and find(n.text, ",", 1, true) and not STOP_END[n.text:byte(-1)]
      and name_role_line(n.text) then return true end
    return rx_attrib_line:find(n.text) ~= nil and not rx_signoff:find(n.text)
  end
  local function set_in_quotes(t)
    return t ~= nil and rx_pq_open:find(t) ~= nil and rx_pq_close:find(t) ~= nil
  end
  for x = ws, we do
    local b, n = live[x], live[x + 1]
    if x < we and b.why == "repeated text (pull quote)" and attribution(n, set_in_quotes(b.text)) then
      n.take = false
      n.why = "pull quote attribution"
    end
    local q = b.under_repeat
    if q and q.removed_text and pq_shape(q.removed_text) and attribution(b, set_in_quotes(q.removed_text)) then
      b.take = false
      b.why = "pull quote attribution"
    end
  end
  -- a highlights box under the lead paragraph ("At a glance", docpipe.clean.hlbox)
  if st.body then hlbox.mark(st.body.box_head, live, ws, we) end

  for _, b in ipairs(resumed) do b.take = true; b.why = nil end
  -- a closing note on the credit programme behind the story (docpipe.clean.endnotes)
  if st.body then endnotes.drop(st.body.notes, live, ws, we) end
  endnotes.drop_imprint(live, ws, we)
  end_box(live, ws, we)
  release_contact(st.body, live, ws, we)
  release_trailer(live, ws, we)
  page_contact(live, ws, we)
  closing_prompt(live, ws, we)
  reader_call(st.body, live, ws, we)
  correction_notes(st.body, live, we)
  return ws, we
end

local rx_name_word = re.compile("(?<=\\S\\s)\\p{Lu}\\p{Ll}{3,}")
-- capitalised words of four letters or more, not opening a sentence ("Dunmore")
local function names_in(text, into, initial)
  into = into or {}
  if initial then
    -- (and those opening a sentence: "Dunmore was also fined ...")
    for w in text:gmatch("%u%l%l%l+") do into[w] = true end
    return into
  end
  local pos = 1
  while true do
    local a, z = rx_name_word:find(text, pos)
    if not a then break end
    local w = text:sub(a, z)
    if not text:sub(1, a - 1):find("[.!?][\"”’']?%s*$") then into[w] = true end
    pos = z + 1
  end
  return into
end

--- The article resumes after a box set inside it (a "Related articles" list, a share
-- bar: "Share this article"), which ends the window: after the window's last block,
-- up to ten short blocks that are not text, among them an end marker or a share or
-- link cue, and the last of them a cue or a label (not a teaser's headline); then one
-- to six paragraphs (sentences, good or near-good, worth 10 or more) closed by a cue,
-- a label, a barrier or the page's end, that name someone or something the window's
-- paragraphs name (a capitalised word that opens no sentence there). jusText's
-- neighbourhood, read across a box instead of a block.
-- @return the blocks to keep
function M.resumed_after_box(live, ws, we)
  local out = {}
  local c, boxed = we + 1, false
  while c <= #live and c - we <= 10 and score(live[c]) > ev.NEG and live[c].class == "short" and not live[c].take do
    local b = live[c]
    -- (a release's About box closes it: nothing resumes after it)
    if b.about then return out end
    if b.ending or b.cue == "share" or b.cue == "readmore" then boxed = true end
    c = c + 1
  end
  if not boxed or c == we + 1 or c > #live then return out end
  local before = live[c - 1]
  if not (before.cue or before.label or before.ending) then return out end
  local first, total = c, 0
  while c <= #live and c - first < 6 do
    local b = live[c]
    if not b.sentence or b.cue or b.label or b.bullet or b.keep or score(b) <= 0
      or (b.class ~= "good" and b.class ~= "neargood") then break end
    total = total + score(b)
    c = c + 1
  end
  if c == first or total < 10 then return out end
  local after = live[c]
  if after and not (after.cue or after.label or after.ending or score(after) <= ev.NEG) then return out end
  local body = {}
  for x = ws, we do if live[x].sentence then names_in(live[x].text, body) end end
  local shared = false
  for x = first, c - 1 do
    for w in pairs(names_in(live[x].text, nil, true)) do if body[w] then shared = true; break end end
    if shared then break end
  end
  if not shared then return out end
  for x = first, c - 1 do out[#out + 1] = live[x] end
  return out
end

return M
