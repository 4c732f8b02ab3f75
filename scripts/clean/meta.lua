--- Article metadata from single lines: bylines, contributor lines, datelines, person names.
--
-- Method: line patterns plus a person-name shape test. A byline is an opener from
-- en/clean_byline.txt ("By", "From", "Opinion by", "by:"...) followed by names
-- separated by commas, "and", "&" or "with", then perhaps parts after "|", "·", "/" or a
-- spaced dash or hyphen (an outlet, a role, an e-mail address: "By: NAME - Reporter /
-- @handle"; a separator closing the line goes); a date on the line is cut off, and so
-- is the place it was filed from ("By Matthias Grell in Lisbon"), and so is a title
-- before a name ("Dr", "Prof.": en/abbreviations_titles.txt); "Special to the Gazette"
-- names the outlet; a person's name after a bar is another author ("Katrin Vogelsang |
-- Malte Reuter") unless it holds a place word (en/place_names.txt); one capitalised
-- word after a bar with no outlet word is a weak outlet (often the city filed from). A
-- piece is a person when it
-- has the shape of a name (2 to 5 capitalised tokens, initials and particles allowed,
-- no role word from en/clean_roles.txt; a name in capitals is written in title case).
-- The last comma piece is the outlet when it reads as one (a word of
-- en/clean_outlet_words.txt, one capitalised word, an acronym: "Coastline Wire",
-- "Reuters", "CNN") or is no person's name ("CNN Political Reporter"; one capitalised
-- word with no outlet word, "By NAME, Kadari", is weak: as often the town filed from,
-- the stage keeps it only when the story does not name it); a trailing run of
-- role and beat words (en/clean_role_beats.txt) that names a job is cut off it ("CNN
-- Political Reporter" -> "CNN", "Transport Correspondent" -> no outlet) while "Nordic
-- Wire" and "Associated Press" stay whole; an outlet cut from before a role word is
-- weak and the stage keeps it only when the page names it elsewhere. A line of names
-- with no opener ("Iona MacLarnon and Sefton Achebe-Ward", "A and B, Outlet") is read
-- by the stricter name_line (every piece a name, a role or an outlet); a role line
-- ("Staff Writer", "Court Reporter": on a line of its own one unlisted capitalised desk
-- word may open the job words; a line of roles set apart by bars or commas, "Senior
-- Reporter | Managing Editor", the roles of a byline of several names; a credit
-- programme's name and a job, "Local Journalism Initiative Reporter" of
-- en/clean_meta_programmes.txt, is a role, never a second author) by is_role_line. A
-- name running into an outlet in capitals ("NAME USA TODAY"), or into "The" and an
-- outlet's name after a name of two words, gives the author and the outlet.
-- Contributor lines follow the patterns of
-- en/clean_contributors.txt ("X and Y contributed to this report", "Reporting by X;
-- Editing by Y", also in parentheses: "(Reporting by X; Editing by Y)"); possessive
-- outlet prefixes ("CNN's X"), descriptions ("Gazette reporter
-- X") and trailing places ("X in Seoul") are removed from each name. Names with no
-- opener sharing their line with a timestamp after a bar ("NAME | Updated Nov. 28, 2026
-- at 3:05 p.m. CST") are a byline (the timestamp is the evidence); a sign-off after the
-- body, a dash, a name, a comma and a journalist's role ("— NAME, Ledger
-- correspondent"), is read by signoff. A dateline is the
-- place (and optional date and outlet) that opens a wire story before a dash or colon:
-- "Seoul, South Korea (CNN) --", "BOSTON (Reuters) -", "LONDON, June 3 (Newswire) -",
-- "CITY, State (AP) —", "WASHINGTON —", "FARLOW BAY:", "ASHFORD, Conn., June 3, 2024
-- /PRNewswire/ --", "(CNN) --" or "Hong Kong (CNN Business)" glued to the first word;
-- a place in mixed case only with its region after a comma ("Mallee Point, SA:",
-- "Port Ellery, Tasmania —": a region of en/clean_meta_regions.txt, two to four capitals,
-- or a name closing on a region word), since many first sentences open "Name:"; a
-- region in no list only before a dash (not a colon) with a sentence of eight words
-- after it and no given name (en/given_names_*.txt), role or outlet word in place or
-- region ("Kalamos Bay, Kefalonia –", not "Walker, Thomas –"); a
-- rights group's "(Velmora, November 29, 2026) –", place and date in parentheses; a
-- release's capitals dateline with its date in parentheses, "BROOKMERE, Ind. (Nov. 29,
-- 2026) —"; a mixed-case place with a month and day before a dash, "Prek Saom, Nov 29
-- –" (the date is the evidence; no given name, role or outlet word in the place).
-- A mixed-case place of one to three words before a colon ("Kotturpeta: The ...") only
-- when the article (or else the whole page: a caption's "over the Kalarra Downs
-- homestead") writes it after a preposition of place or before a place noun
-- (en/clean_meta_place_nouns.txt), and it is no label (en/clean_meta_not_places.txt: "Note:", "Update:"; a header field of
-- en/clean_meta_fields.txt), no speaker (a given name, a role or outlet word); those
-- labels open no dateline in capitals either ("NOTE:", "EDITOR'S NOTE:").
-- A place in capitals of one to three words closed by a full stop ("NAKURE. Farmers
-- in ...", as some African and Asian papers write it) takes the same evidence, its
-- title-case form after a preposition of place or before a place noun, and no label.
-- After a byline's names and a comma, or as a byline of its own, capitalised words
-- closing on a unit word (en/clean_meta_units.txt: "Athletic Communications", "County
-- Communications Unit", "Press Office") are the writers' unit: staff, never a person nor
-- an outlet; after a bar or a middle dot, capitalised words closing on a job whose rest
-- reads as no outlet ("Dairy Editor": a beat the lists lack) are a role, not the outlet.
-- A line closing on an organisation's head word (en/clean_meta_org_heads.txt:
-- "Sheriff's Office", "Fire Department") is no person's name; a header line of section
-- words (en/clean_meta_label_words.txt, menu words: "News Flash", "Press Release") is no
-- outlet (section_label), and one naming a section of the masthead ("Sheriff's Office
-- News" under "Alder Ridge County Sheriff's Office") gives the masthead (section_of);
-- a line of bare names ends in names, not in a clause after a number.
-- A name in capitals over its role line is a byline even when its short words read as
-- acronyms (name_line's role_below); a line opening with a label ("Media Contact:") is
-- no name line.
-- caption_like tells a kept photo caption (a credit closing it, no sentence end) so
-- the stage reads the dateline of the paragraph under it; menu_line a menu run together
-- ("Countries Topics Reports Get Involved About Donate": more than half of its words
-- from en/clean_meta_menu_words.txt). A desk after "By" ("Web Desk", "Digital Team")
-- is staff, no outlet, and so is a desk line of its own (R.is_desk; desk_line: a
-- header line "Harbour Post Bureau" naming no person, never the headline). A byline's name
-- ends before "on DATE" ("Posted by NAME on 11/28/2026 at 4:10 PM") and "at PLACE"
-- ("By NAME at Ballinmore"). A label credit, "Editor: NAME", is a contributor line,
-- but not among label fields crediting no one (an imprint, "Publisher: A | Editor: B |
-- Tel: ...", or beside a line of the paper's imprint, imprint_line:
-- en/clean_meta_imprint.txt). A label byline, "WRITER: NAME", "Story: NAME", takes its label
-- from en/clean_byline.txt (written there with its colon); field_line tells a header
-- field, "LABEL: value" with a label of en/clean_meta_fields.txt ("Category: Local
-- News", "NEWSPAPER SECTION: News"), page metadata that is no headline and no outlet.
-- Outlet forms (attested_outlet, fuller_outlet) follow what the
-- page writes more than once: an edition line written once, "Tasman News Mid Coast",
-- is the masthead's "Tasman News"; a short copyright holder, "Brackwater", is the
-- masthead's "The Brackwater Evening Post" when the page writes that twice; a line in
-- capitals with no outlet word written once ("THE CLAIM", a box label) is none.
-- Letter case is tested on Unicode letters ("Ní", "Ó" are no acronyms); a given name
-- may open with an apostrophe (Sesotho "'Mamello"); a place filed from may run to four
-- words with a particle ("in San Isidro del Valle"). outlet_case gives a name
-- title-cased from capitals ("Hall Of Science") the page's mixed-case form, else its
-- inner small words in lower case; a one-word menu section ("Regions" of "Regions
-- Correspondent") is no outlet. title_furniture tells page furniture that is no
-- headline: a menu with separators, a short call to action (en/clean_meta_calls.txt),
-- a link to the page in another language (en/clean_meta_foreign_words.txt, with no
-- English stopword), a reference number ("MBFA/PR/2026/03"), a byline naming only the
-- staff (staff_line: en/clean_meta_staff_words.txt) or a breadcrumb of sections set
-- apart by slashes (slash_path), or a breadcrumb of short labels whose last may be in
-- sentence case (crumb_path: "Journal / Behind the scenes"). domain_name reads a masthead written as a bare web address
-- ("alpinfo.ch": a word, a dot, a country's two letters or a generic domain of
-- en/clean_meta_tlds.txt). caps_name tells a name in capitals of two or three short
-- words ("ISOLDE MARRACK": each three letters or more with a vowel, no word of the
-- outlet, role, menu, label, place or stopword lists) from an outlet's acronyms.
-- reading_line tells a widget's readings, "LABEL: value" fields whose values are only
-- numbers and the units, compass points and weather words of en/clean_meta_readings.txt
-- ("Wind: SW 58mph  Next high water: 17.42"): furniture, no headline. language_switch
-- tells a language switch, names of en/clean_meta_languages.txt alone or between bars
-- ("Cymraeg", "English | Français", "EN | FR"): navigation, no outlet. org_extension
-- reads the organisation publishing under a masthead that names a place or a service:
-- the copyright holder that is the masthead's name and a head word of
-- en/clean_outlet_org_heads.txt ("Port Arden International Airport" over "© Port Arden
-- International Airport Authority"). contact_line tells a release's contact line, a
-- label of en/clean_meta_contact_labels.txt and a colon ("Contact: NAME, (402)
-- 555-0100"): with a phone number or an e-mail address never a headline, and never an
-- outlet. org_title tells an organisation's name opening with a head word of
-- en/clean_meta_org_heads.txt and "of" ("Office of the Attorney General of NAME");
-- org_masthead an organisation's name as a masthead writes it, capitalised words
-- closing on a head word or with one before "of" (en/clean_meta_masthead_heads.txt
-- adds "District"). A
-- byline's last comma piece of up to four lower-case words closing on a noun naming
-- one person (en/role_nouns.txt: "NAME, station doctor") is the person's job; a unit
-- before a job after a byline's bar ("Media Relations Manager") is a role, no outlet.
-- agency_full gives a dateline agency's full name from a byline or the outlet when the
-- page writes it twice ("By Tanjung Press" over "(Tanjung) --"); ascii_marker reads an
-- ASCII list marker ("> ", "-> ") where highlights are read.
-- A mixed-case place before a numeric date with its year may close on a colon too
-- ("Dhanpur, 02.04.2026:"). After a byline's middle dot or bar, an office of one to
-- three words closing on a person's job ("Parish Clerk", job_title; "Secretary" alone,
-- job_word) or a bureau's or desk's head ("Quebec Bureau Chief") is the writer's job; a
-- byline naming an office ("Posted by the Office of Communications and Public
-- Affairs", org_title) is staff, no person. A breadcrumb under its label ("You are
-- here: Home / News") is title furniture. A station's name closing on an outlet word
-- before its frequency and band ("Harrowmere Radio 104.6 FM") is its call_sign; unit_name
-- tells the writers' unit ("Government Media Unit"), menu_word one word of a menu.
-- A release's full date between two dashes after any dateline ("PORT ELLAN, Isle of
-- Vay – March 3, 2026 – The ...") belongs to the dateline. A masthead in capitals that
-- reads as a publication's name ("THE HARBOUR STAR") is title-cased, its acronyms kept
-- (caps_masthead); one word of a byline's job that the page also writes in lower case
-- ("Festival" of "Festival press officer") is a common noun, no outlet (common_noun);
-- a site's banner or feed link over the masthead ("An official website of the State
-- of X", "Agency News (RSS)": en/clean_meta_site_banners.txt) is site_banner.
-- Names title-cased from capitals go through docpipe.clean.ucase (letters beyond ASCII).
-- Units: byte offsets are 1-based inclusive.

local dp = require "docpipe"
local lists = require "docpipe.clean.lists"
local ucase = require "docpipe.clean.ucase"

local re = dp.re
local concat = table.concat
local find = string.find
local byte, lower, gsub = string.byte, string.lower, string.gsub
-- the fields of s (Lua's "%S+" matches) as a list, from one C call (gmatch costs a
-- call and a pattern scan per field)
local text_fields = dp.text.fields
local has_any = dp.cleanc.has_any
-- what a line holds, as bits, from one C scan (docpipe.text.shape): a regular expression
-- that needs a byte the line lacks is not run (a call into PCRE2 costs some 800
-- instructions even when it fails at once)
local text_shape, SHAPE = dp.text.shape, dp.text.SHAPE
-- dp.text.trim reads only the ends of a text whose ends are ASCII (dp_text_trim) and
-- gives the text itself back when there is nothing to trim: a paragraph's rest after
-- its dateline, a whole one-paragraph story, costs one call
local dp_trim = dp.text.trim

-- t in lower case without the [.,;:] closing it, t:lower():gsub("[.,;:]+$", "") (the
-- gsub, a pattern tried at every byte, only when the last byte is one of them)
local function bare(t)
  local lt = lower(t)
  local c = byte(lt, -1)
  if c == 46 or c == 44 or c == 59 or c == 58 then lt = gsub(lt, "[.,;:]+$", "") end
  return lt
end

-- the run of ASCII letters closing s before one optional full stop, what
-- s:match("(%a+)%.?$") gives (nil when there is none), read from the end: the
-- unanchored pattern is tried at every byte and backtracks through every word
local function last_letters(s)
  local j = #s
  if byte(s, j) == 46 then j = j - 1 end
  local i = j
  while i >= 1 do
    local c = byte(s, i)
    if c < 65 or c > 122 or (c > 90 and c < 97) then break end
    i = i - 1
  end
  return i < j and s:sub(i + 1, j) or nil
end

-- s without the separators closing it, what re.gsub(s, "[\\s,;:|/·•–—-]+$", "")
-- gives; run only when the last byte may close such a run: ASCII white space , ; : |
-- / - or a byte past ASCII (the end-anchored pattern is tried at every position)
local SEP_END = { [9] = true, [10] = true, [11] = true, [12] = true, [13] = true, [32] = true,
  [44] = true, [59] = true, [58] = true, [124] = true, [47] = true, [45] = true }
local rx_sep_end = re.compile("[\\s,;:|/·•–—-]+$")
local function cut_sep_end(s)
  local c = byte(s, -1)
  if not c or (c < 128 and not SEP_END[c]) then return s end
  return (rx_sep_end:gsub(s, ""))
end

local PARTICLES = {
  de = true, da = true, di = true, du = true, del = true, della = true, der = true, den = true,
  van = true, von = true, bin = true, ibn = true, al = true, el = true, la = true, le = true,
  dos = true, das = true, ter = true, st = true, ["st."] = true, y = true, e = true,
}
-- (nor "By": a doubled opener, "By By NAME", is no name)
local NOT_FIRST = { the = true, a = true, an = true, ["the."] = true, our = true, my = true, this = true, by = true }
local SUFFIXES = { ["jr."] = true, jr = true, ["sr."] = true, sr = true, ii = true, iii = true, iv = true }

local rx_cap = re.compile("^\\p{Lu}[\\p{L}\\p{M}'’\\-]*\\.?$")
local rx_initials = re.compile("^(?:\\p{Lu}\\.){1,3}(?:-\\p{Lu}\\.)?$")
local rx_lower = re.compile("\\p{Ll}")
local rx_upper_first = re.compile("^\\p{Lu}")
-- an ASCII punctuation sign, Lua's %p (a PCRE2 scan: the Lua class costs some 150
-- instructions a byte)
local rx_punct = re.compile("[!-/:-@\\[-`{-~]")
-- a given name that opens with an apostrophe (Sesotho "'Mamello", "’Mathabo"), first word only
local rx_elided = re.compile("^['’]\\p{Lu}\\p{Ll}[\\p{L}\\p{M}\\-]*$")
local rx_mc = re.compile("^(?:Mc|Mac|O'|O’|D'|D’)\\p{Lu}[\\p{L}'’\\-]*$")
-- a surname after a lower-case particle joined to it by a hyphen or an apostrophe
-- inside a name ("Nabil al-Sharjabi", "Hoda el-Masri", "Nasir ad-Din", "Rui d'Almeida";
-- round 30): the particle's letters, then the capitalised surname
local GLUED_PARTICLES = { al = true, el = true, ad = true, adh = true, an = true, ar = true, as = true,
  ash = true, at = true, ath = true, az = true, ud = true, ul = true, d = true, l = true }
local rx_glued_particle = re.compile("^(\\p{Ll}{1,3})[-'’]\\p{Lu}\\p{Ll}[\\p{L}\\p{M}'’\\-]*$")
local function glued_particle(t)
  local p = rx_glued_particle:match(t)
  return p ~= nil and GLUED_PARTICLES[p] == true
end
local rx_dash = "(?:\\s+(?:--|—|–|-|:)\\s*|\\s*(?:--|—|–)\\s*)"

-- Datelines of mixed-case places (round 28). PLACE_PARTS gives the lower-case words a
-- place's name may hold between its capitalised words: the particles of
-- en/clean_meta_place_particles.txt ("Paso de los Talas", "Brdce pri Lozi"), up to two
-- in a row, as an alternation (cached by language)
-- the words of en/clean_meta_saint_words.txt ("San", "St"), as a set, by language: the
-- given name after one opens a place's name, "San Pablo Xochiltepec" (given_in)
local SAINT_WORDS = setmetatable({}, { __index = function(t, lang)
  local l = {}
  for _, w in ipairs(lists.entries(lang, "clean_meta_saint_words.txt")) do l[w:lower()] = true end
  t[lang] = l
  return l
end })
local PLACE_PARTS = setmetatable({}, { __index = function(t, lang)
  local l = {}
  for _, w in ipairs(lists.entries(lang, "clean_meta_place_particles.txt")) do l[#l + 1] = re.escape(w:lower()) end
  local v = concat(l, "|")
  t[lang] = v
  return v
end })
-- A place's name of capitalised parts joined by hyphens with a lower-case joiner
-- between two of them ("Saint-Aubert-en-Camargue", "Stratford-upon-Avon",
-- "Ashby-de-la-Zouch"): the shape of a place alone, so evidence of a bare dateline
-- before a dash when the article writes the place nowhere else. The joiners are
-- en/clean_meta_hyphen_joiners.txt (a set, cached by language).
local HYPHEN_JOINERS = setmetatable({}, { __index = function(t, lang)
  local l = {}
  for _, w in ipairs(lists.entries(lang, "clean_meta_hyphen_joiners.txt")) do l[w:lower()] = true end
  t[lang] = l
  return l
end })
local rx_hyphen_part = re.compile("^\\p{Lu}[\\p{Ll}\\p{M}'’]+$")
local function joined_place(pl, lang)
  -- (cheap test first: one word holding two hyphens)
  if find(pl, " ", 1, true) or not find(pl, "%-.*%-") then return false end
  local joiners, parts, joined = HYPHEN_JOINERS[lang], {}, false
  for part in pl:gmatch("[^-]+") do parts[#parts + 1] = part end
  if #parts < 3 or #parts > 6 or #parts ~= select(2, pl:gsub("%-", "")) + 1 then return false end
  for i, part in ipairs(parts) do
    if joiners[part] then
      -- (a joiner stands between the first and last parts, which are capitalised)
      if i == 1 or i == #parts then return false end
      joined = true
    elseif not rx_hyphen_part:find(part) then return false end
  end
  return joined
end
-- the region words of en/clean_meta_regions.txt ("@province"), as an alternation: a
-- place's region in lower case after a capitalised word ("Kandal province") in a
-- dateline with its outlet in parentheses (cached by language)
local REGION_WORDS = setmetatable({}, { __index = function(t, lang)
  local l = {}
  for _, w in ipairs(dp.data.list(lang .. "/clean_meta_regions.txt")) do
    if w:sub(1, 1) == "@" then l[#l + 1] = re.escape(w:sub(2):lower()) end
  end
  local v = concat(l, "|")
  t[lang] = v
  return v
end })
-- Does the page write a bare place again after another word on one line, the evidence
-- of a menu, a caption, an address or a related headline ("Catamaran Split–Vis",
-- "Drive, Mthonjeni", "vines above Brdce pri Lozi"), or before a temperature, a
-- weather box's ("Split 31°C"), when the article does not? Not for one word the
-- article writes in lower case too (an English word: "split"), and not the dateline's
-- own line (a line break before it is no word).
local function page_writes_place(pl, page, article)
  if type(page) ~= "string" or not find(page, pl, 1, true) then return false end
  if not find(pl, " ", 1, true) and re.find(article, "(?<![\\p{L}\\p{N}])" .. re.escape(pl:lower()) .. "(?![\\p{L}\\p{N}])") then return false end
  local e = re.escape(pl)
  return re.find(page, "\\p{L}[,;]?[ \\t]+" .. e .. "(?![\\p{L}\\p{N}])") ~= nil
    or (find(page, "°", 1, true) and re.find(page, "(?<![\\p{L}\\p{N}])" .. e .. "[ \\t]+-?\\d{1,2}(?:[.,]\\d)?[ \\t]*°")) ~= nil
end

-- role words that also name a kind of organisation or qualify one ("Associated Press",
-- "Nordic Wire", "National Desk"): alone they do not make a person's job
local WEAK_ROLE = { wire = true, wires = true, press = true, service = true, services = true,
  agency = true, agencies = true, associated = true, national = true, international = true,
  foreign = true, special = true, political = true, senior = true, chief = true, bureau = true,
  desk = true, team = true, newsroom = true }

-- the first bytes of a site's banner lines (en/clean_meta_site_banners.txt: "An
-- official website", "Here's how you know", "Official websites use .gov", "Secure .gov")
local BANNER_FIRST = { [35] = true, [65] = true, [97] = true, [72] = true, [104] = true, [79] = true, [111] = true, [83] = true, [115] = true }

-- small words a section's label may hold ("For Immediate Release", "Not for Publication")
local LABEL_JOINERS = { ["for"] = true, ["not"] = true, ["until"] = true, ["the"] = true, ["of"] = true }

-- small words inside an organisation's name ("Department of Fisheries and Oceans")
local JOINER_WORDS = { of = true, the = true, ["and"] = true, ["for"] = true, on = true, ["in"] = true, at = true, ["&"] = true }

-- (a data file's entries with a stage option's extra ones, as a list or as a set)
local entries, word_set = lists.entries, lists.word_set

-- offices of a body naming one person's job that en/role_nouns.txt (the quotes
-- lexicon's) lacks ("Harbour Master", "Coroner"): en/clean_role_offices.txt, a set per
-- language read on first use
local OFFICE_NOUNS = {}
local function office_noun(lang, w)
  local set = OFFICE_NOUNS[lang]
  if not set then set = word_set(lang, "clean_role_offices.txt"); OFFICE_NOUNS[lang] = set end
  return set[w] == true
end

-- a line of two section labels or more joined by spaced dashes ("NEWS RELEASE – FOR
-- IMMEDIATE RELEASE", "Press Release - Embargoed"), each piece a label (is_label:
-- R.section_label); a release's header, never its headline
local function release_labels(s, is_label)
  local t = s:gsub(" – ", "|"):gsub(" — ", "|"):gsub(" %- ", "|")
  local n = 0
  for piece in (t .. "|"):gmatch("([^|]*)|") do
    n = n + 1
    if not is_label(piece) then return false end
  end
  return n >= 2
end

-- Patterns and masks of the name parsers in M.new (split_names, outlet_of, outlet_like,
-- role_line, parse_names, clean_name), compiled once here: M.new is near Lua's limit of
-- 200 local variables in one function
local rx_name_joiner = re.compile(",?\\s+(?:and|&|along with|with)\\s+", "i")
local rx_name_sep = re.compile("\\s*[,;]\\s*")
local rx_article = re.compile("^(?:the|a|an)\\s+")
local rx_article_any = re.compile("^(?:the|a|an)\\s+", "i")
local rx_cap_or_digit = re.compile("^[\\p{Lu}\\p{N}]")
local rx_title_word = re.compile("^\\p{Lu}\\p{Ll}+$")
-- (an outlet's short name of two words joined by a hyphen, "Courier-Ledger Staff
-- Writer", "Post-Gazette Reporter": R.outlet_role_line; round 30)
local rx_title_pair = re.compile("^\\p{Lu}\\p{Ll}+-\\p{Lu}\\p{Ll}+$")
local PARTS_BITS = SHAPE.bar | SHAPE.slash | SHAPE.hyphen | SHAPE.latin1 | SHAPE.wide
local rx_comma_sep = re.compile("\\s*,\\s*")
local rx_special_to = re.compile("(^|,\\s*)special\\s+to\\s+(?:the\\s+)?(?=\\p{Lu})", "i")
local rx_name_opener = re.compile("^(?:and|with|by|reporting by|editing by|writing by)\\s+", "i")
-- (the first letters of the name openers, in either case: a, w, b, r, e)
local NAME_OPENER_FIRST = { [97] = true, [65] = true, [119] = true, [87] = true, [98] = true, [66] = true,
  [114] = true, [82] = true, [101] = true, [69] = true }
local rx_name_closer = re.compile("[.,;:]+$")
-- a unit of a body written with its head word first and "of", after a byline's names
-- and a comma ("NAME, Directorate of Communication", "NAME, Office of the Governor"):
-- the writer's unit (staff), no outlet; the masthead names the publisher (round 29).
-- Two to six words, the first of units (en/clean_meta_units.txt), then "of", then
-- capitalised words ("the", "and", "&" between them).
local function unit_of_body(piece, units)
  local ts = text_fields(piece)
  if #ts < 3 or #ts > 6 or ts[2] ~= "of" or not units[lower(ts[1])] or not find(ts[1], "^%u") then return false end
  for k = 3, #ts do local t = ts[k]
    if not (find(t, "^%u") or t == "the" or t == "and" or t == "&") then return false end
  end
  return true
end
-- a dash opening a contributor's line, "— With files from NAME" (R.contributors)
local rx_open_dash = re.compile("^(?:—|–|--?)\\s*(?=\\p{Lu})")
-- a part of a line after a bar or a dot that credits a widget's provider
-- ("Select Language | Powered by Google Translate"): R.title_furniture
local rx_powered_part = re.compile("[|·•]\\s*[Pp]owered by\\s+\\S")
-- a picture's credit label and its colon after a byline's names ("Text: NAME Photo:
-- NAME"): R.byline reads the space before it as a bar
local rx_credit_after = re.compile("\\s+(?=(?:Photo(?:s|graphs?|graphy)?|Pictures?|Images?|Video|Graphics?|Illustrations?):\\s)")

-- A given name in mixed case before a surname in capitals, the French and West African
-- usage ("Aya KOUASSI-BAMBA", "Mathieu GNAORÉ"; round 29): two or three tokens, the
-- first capitalised with a small letter, the rest in capitals of three letters or more
-- holding a vowel (an acronym seldom does: "Jane Doe CNN" stays a name and an outlet,
-- two words before it) and no outlet word (words, en/clean_outlet_words.txt)
local rx_caps_surname = re.compile("^\\p{Lu}[\\p{Lu}\\p{M}'’-]*\\p{Lu}$")
local rx_given_word = re.compile("^\\p{Lu}\\p{Ll}+(?:-\\p{Lu}\\p{Ll}+)?$")
local rx_caps_vowel = re.compile("[AEIOUYÀ-ÝŒ]")
local function caps_surname_name(toks, words)
  if #toks < 2 or #toks > 3 or not rx_given_word:find(toks[1]) then return false end
  for i = 2, #toks do local t = toks[i]
    if #t < 3 or not rx_caps_surname:find(t) or not rx_caps_vowel:find(t) or words[lower(t)] then return false end
  end
  return true
end

-- Does the article (headline and body, or a function giving them) write the place pl
-- after another word ("linking Dhalgaon with Tarvanpur"), not only opening a line? The
-- evidence of a dateline before a colon and a date ("Tarvanpur, Aug. 21:")
local function writes_after_word(pl, article)
  if type(article) == "function" then article = article() end
  return type(article) == "string" and re.find(article, "\\p{L}[,;]?[ \\t]+" .. re.escape(pl) .. "(?![\\p{L}\\p{N}])") ~= nil
end

-- Does the page write the place before a temperature, a weather box's ("Puerto del
-- Rosal 24°C")? A place, never a label or a speaker: evidence for a place before a
-- colon (colon_place in M.new)
local function before_temperature(pl, page)
  return type(page) == "string" and find(page, "°", 1, true) ~= nil and find(page, pl, 1, true) ~= nil
    and re.find(page, "(?<![\\p{L}\\p{N}])" .. re.escape(pl) .. "[ \\t]+-?\\d{1,2}(?:[.,]\\d)?[ \\t]*°") ~= nil
end

-- the months of <lang>/clean_months.txt by their names, lower case ("jun" -> 6)
local MONTH_NUM = setmetatable({}, { __index = function(t, lang)
  local v = {}
  for _, line in ipairs(dp.data.list(lang .. "/clean_months.txt")) do
    local n = tonumber(line:match("^%d+"))
    if n then for w in line:gmatch("%a+") do v[w:lower()] = n end end
  end
  t[lang] = v
  return v
end })
-- Is a dateline's day and month ("Srinagar, Jun 12:", "Kolhar, 12 June:") the page's
-- date (ISO 8601) or the day before it (a story filed one evening and put online after
-- midnight)? Indian papers open every story so, the date being the day it was filed.
local function page_day(prefix, date, lang)
  if type(date) ~= "string" then return false end
  local y, m, d = date:match("^(%d%d%d%d)-(%d%d)-(%d%d)")
  if not y then return false end
  local mw, dd = prefix:match(",%s*(%a+)%.?%s+(%d%d?)%f[%D]")
  if not mw then dd, mw = prefix:match(",%s*(%d%d?)%s+(%a+)") end
  local mn = mw and MONTH_NUM[lang][mw:lower()]
  if not mn then return false end
  local t0 = os.time { year = tonumber(y), month = mn, day = tonumber(dd), hour = 12 }
  local t1 = os.time { year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12 }
  local days = (t1 - t0) / 86400
  return days > -0.5 and days < 1.5
end
-- The evidence of a mixed-case place before a colon and a day and month ("Tarvanpur,
-- Aug. 21:"): the article writes the place after another word (writes_after_word), or
-- the page does on one line (a menu's, a caption's, a related headline's "for Srinagar
-- city": page_writes_place), or the day and month are the page's date (page_day)
local function dated_place(pl, prefix, article, page, date, lang)
  if type(article) == "function" then article = article() end
  if writes_after_word(pl, article) then return true end
  if type(article) == "string" and page_writes_place(pl, page, article) then return true end
  return page_day(prefix, date, lang)
end

-- Does the text after a label in capitals and a colon open on a pronoun of the first
-- person ("HOLLOWAY: We ordered ...", "REYES: I think ...")? A speaker's turn in a
-- transcript or an interview, not a dateline's lead: a lead reports in the third person
-- a byline written in lower case, "by lucinda ferreira-holt", "By lucinda ferreira-holt
-- and tom ashe": after "by", one to three names joined by "and", "&" or commas, each of
-- two or three words of lower-case letters (with hyphens and apostrophes), none of them
-- a stopword (words, en/stopwords.txt); the line title-cased as a capitals byline is
-- ("By Lucinda Ferreira-Holt and Tom Ashe"), else nil
local rx_lower_name_word = re.compile("^\\p{Ll}[\\p{Ll}\\p{M}'’-]*\\p{Ll}$")
local function lower_byline_text(s, words)
  if #s > 90 or not find(s, "^[Bb]y ") or find(s, "[%u%d.!?:;|/()]", 3) then return nil end
  local names = 0
  for piece in (rx_name_joiner:gsub(s:sub(4), ",") .. ","):gmatch("([^,]*),") do
    local n = 0
    for w in piece:gmatch("%S+") do
      n = n + 1
      if n > 3 or words[w] or not rx_lower_name_word:find(w) then return nil end
    end
    if n < 2 then return nil end
    names = names + 1
  end
  if names < 1 or names > 3 then return nil end
  return "By " .. ucase.title(s:sub(4))
end

local FIRST_PERSON = { i = true, we = true, my = true, our = true, me = true, us = true }
local function speaker_turn(prefix, rest)
  if not find(prefix, ":%s*$") then return false end
  local w = rest:match("^(%a+)")
  return w ~= nil and FIRST_PERSON[lower(w)] == true
end

-- a job after beats joined by "&" or "and" ("Climate & Coastlines correspondent",
-- "Health & Wellbeing Editor"): toks[1 .. cut - 1] (cut, the first word of the trailing
-- role run, one naming a job) are two to five capitalised words, one of them a beat
-- (en/clean_role_beats.txt), none an outlet word, with the joiner between two of them:
-- a section of the newsroom, no outlet (h113)
local function coordinated_beats(toks, cut, beats, outlet_words)
  if cut < 4 or cut > 6 then return false end
  local joined, beat = false, false
  for k = 1, cut - 1 do
    local lt = bare(toks[k])
    if lt == "&" or lt == "and" then
      if k == 1 or k == cut - 1 then return false end
      joined = true
    elseif not find(toks[k], "^%u") or outlet_words[lt] then
      return false
    elseif beats[lt] then
      beat = true
    end
  end
  return joined and beat
end

-- Capitals beyond ASCII ("ÉZE", "NÎMES"): Lua's %u and %a know only A-Z, so a place
-- in capitals is measured and matched by Unicode letters (docpipe.re \p{L}, \p{Lu})
-- when it holds a byte past ASCII (cheap byte test first).
-- caps_letters: the number of letters of s; caps_stop_place: the place in capitals of
-- a dateline closed by a full stop ("NAKABALE. Sugarcane ...", "ÉZÉ. The ..."), or nil
local rx_caps_stop_place = re.compile("^(\\p{Lu}[\\p{Lu}\\p{M}' -]*\\p{Lu})\\.\\s+\\p{Lu}")
local function caps_letters(s)
  if not find(s, "[\128-\255]") then return #s:gsub("[^%a]", "") end
  return utf8.len((re.gsub(s, "[^\\p{L}]", ""))) or 0
end
local function caps_stop_place(p)
  local c = byte(p, 1)
  if c >= 65 and c <= 90 and find(p, "^%u[%u' -]*%u%.%s+%u") then return p:match("^(%u[%u' -]*%u)%.%s") end
  -- (a capital past ASCII somewhere before the full stop: a lead byte C3-D4, Latin to Cyrillic)
  if not ((c >= 65 and c <= 90) or (c >= 195 and c <= 212)) then return nil end
  local stop = find(p, ". ", 1, true)
  if not stop or stop > 60 or not find(p:sub(1, stop), "[\195-\212]") then return nil end
  local _, _, pl = rx_caps_stop_place:find(p)
  return pl
end

local M = {}

--- Build a metadata reader for a language.
-- @param menu_extra optional list of more menu words (the stage option menu_words)
-- @param field_extra optional list of more header field labels (the option field_labels)
-- @param extra optional table: programmes (more credit programme names, the option
-- outlet_programmes), not_places (more words that open no dateline, dateline_not_places),
-- place_nouns (more nouns after a place's name, "homestead"; the stage option dateline_place_nouns),
-- call_verbs (more call-to-action verbs), foreign_words (more words of a language link),
-- modifiers (more words modifying a company name's generic word, outlet_modifiers),
-- open_words (more words leaving a headline's phrase open, open_words), role_modifiers
-- (more words modifying a job title before its role word, role_modifiers),
-- reading_words, language_names, outlet_org_heads (the options of the same names)
function M.new(lang, menu_extra, field_extra, extra)
  lang = lang or "en"
  extra = extra or {}
  -- credit programmes that fund or place a reporter, never an outlet ("Local Journalism
  -- Initiative Reporter"): en/clean_meta_programmes.txt
  local programmes = word_set(lang, "clean_meta_programmes.txt", extra.programmes)
  -- the last word of a newsroom desk's name ("By Web Desk", "By Digital Team", "By
  -- Bulletin Newsdesk": en/clean_meta_desk_words.txt), and in a byline, after the
  -- names, a bureau of the paper too ("By A and B, Capitol Bureau"), though a line of
  -- its own may name an organisation ("Marrowfield County Farm Bureau")
  local DESK = word_set(lang, "clean_meta_desk_words.txt", extra.desk_words)
  local BYLINE_DESK = { bureau = true }
  for w in pairs(DESK) do BYLINE_DESK[w] = true end
  -- words that modify a generic word of a company's name ("Student" of "Student
  -- Media", "Community" of "Community Media"): en/clean_meta_outlet_modifiers.txt
  local modifiers = word_set(lang, "clean_meta_outlet_modifiers.txt", extra.modifiers)
  -- (each programme's name by its first word, for a test of a role line's opening)
  local prog_first = {}
  -- (keyed in lower case, capitalised and in capitals, as a line writes the word)
  for w in pairs(programmes) do
    local f = w:match("^%a+")
    if f then
      for _, k in ipairs({ f, f:sub(1, 1):upper() .. f:sub(2), f:upper() }) do
        prog_first[k] = prog_first[k] or {}
        table.insert(prog_first[k], w)
      end
    end
  end
  for _, l in pairs(prog_first) do table.sort(l, function(a, b) return #a > #b end) end
  -- (and their first bytes: a line opening with another is looked up with no string made)
  local prog_first_byte = {}
  for k in pairs(prog_first) do prog_first_byte[byte(k, 1)] = true end
  -- words that open a paragraph before a dash and are no place ("Analysis —")
  local not_places = word_set(lang, "clean_meta_not_places.txt", extra.not_places)
  local roles = word_set(lang, "clean_roles.txt")
  -- words modifying a job title right before its role word ("Deputy Editor"):
  -- en/clean_role_modifiers.txt
  local role_mods = word_set(lang, "clean_role_modifiers.txt", extra.role_modifiers)
  local month_words = {}
  for _, line in ipairs(dp.data.list(lang .. "/clean_months.txt")) do
    for w in line:gmatch("%a+") do month_words[#month_words + 1] = w end
  end
  local month_set = {}
  for _, w in ipairs(month_words) do month_set[w:lower()] = true end
  table.sort(month_words, function(a, b) return #a > #b end)
  local month_alt = concat(month_words, "|")
  -- a weekday before a date ("on Tuesday, 9 September 2025", "on Tue 9 Sep"): a short
  -- form only after "on" ("Sun" may be a paper's name)
  local weekday_alt = "(?:(?:on\\s+|,\\s*)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|on\\s+(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun))"
  local beats = word_set(lang, "clean_role_beats.txt")
  -- (the beats' other numbers as sets: the forms before and after a final s, looked up
  -- without making a string per word, see beat)
  local beat_singular, beat_plural = {}, {}
  for w in pairs(beats) do
    if byte(w, -1) == 115 then beat_singular[w:sub(1, -2)] = true end
    beat_plural[w .. "s"] = true
  end
  local outlet_words = word_set(lang, "clean_outlet_words.txt")
  -- titles before a name ("Dr", "Prof.", "Rev."): not part of the author's name
  local honorifics = word_set(lang, "abbreviations_titles.txt")
  for _, w in ipairs { "professor", "sir", "dame" } do honorifics[w] = true end
  local places = word_set(lang, "place_names.txt")
  -- function words that open no person's name ("All Things Local" is a programme)
  local not_openers = word_set(lang, "clean_not_name_openers.txt")
  local openers = dp.data.list(lang .. "/clean_byline.txt")
  table.sort(openers, function(a, b) return #a > #b end)
  for i, o in ipairs(openers) do openers[i] = o:gsub("%s+", "\\s+") end
  -- the first bytes an opener can start with, in either case (a line's first byte is
  -- then looked up with one call, string.byte, not two)
  local initials = {}
  for _, op in ipairs(openers) do
    local c = op:sub(1, 1):lower()
    if c ~= "" then initials[c:byte()] = true; initials[c:upper():byte()] = true end
  end
  local rx_byline = re.compile("^(?:" .. concat(openers, "|") .. ")\\s*:?\\s+(.+)$", "i")
  local contrib, contrib_alts = {}, {}
  for _, p in ipairs(dp.data.list(lang .. "/clean_contributors.txt")) do
    contrib[#contrib + 1] = re.compile(p, "i")
    -- (a pattern referring to a group, "\1", "\g1", "(?1)", "(?|", would read another
    -- group inside an alternation, and two groups of one name would not compile: then
    -- none is made)
    if contrib_alts and (p:find("\\[1-9gk]") or p:find("%(%?[%d+%-R&P|']") or p:find("%(%?<%a")) then
      contrib_alts = nil
    end
    if contrib_alts then contrib_alts[#contrib_alts + 1] = "(?:" .. p .. ")" end
  end
  -- (all of them as one alternation: a part none of them matches costs one PCRE2 call,
  -- not one a pattern)
  local contrib_any = contrib_alts and re.compile(#contrib_alts > 0 and concat(contrib_alts, "|") or "(*FAIL)", "i")

  local menu_words = word_set(lang, "clean_meta_menu_words.txt", menu_extra)

  -- labels of header field lines ("Category:", "Newspaper section:"), longest first
  local fields = entries(lang, "clean_meta_fields.txt", field_extra)
  -- (the same labels, caseless, as a set: the guard of a dateline before a colon)
  local field_set = {}
  for _, w in ipairs(fields) do field_set[w:lower()] = true end
  table.sort(fields, function(a, b) return #a > #b end)
  for i, w in ipairs(fields) do fields[i] = re.gsub(w:lower(), "\\s+", "\\s+") end
  local rx_field = re.compile("^(" .. concat(fields, "|") .. ")\\s*:\\s*(\\S.{0,79})$", "i")

  -- page furniture above a headline: call-to-action verbs ("Buy tickets") and the
  -- words of a link to the page in another language ("Lea esta nota en español")
  local call_verbs = word_set(lang, "clean_meta_calls.txt", extra.call_verbs)
  local foreign = word_set(lang, "clean_meta_foreign_words.txt", extra.foreign_words)
  local english = word_set(lang, "stopwords.txt")
  -- an episode's or an issue's label with its number, perhaps a duration after it
  -- ("Episode 52 · 41 min", "Season 2, Episode 3", "Issue 41"): en/clean_meta_episode_words.txt
  local episode_words = entries(lang, "clean_meta_episode_words.txt", extra.episode_words)
  for i, w in ipairs(episode_words) do episode_words[i] = w:lower() end
  -- news ticker labels ("Breaking News |", "Latest:"): en/clean_meta_ticker_labels.txt
  local ticker_alt = entries(lang, "clean_meta_ticker_labels.txt", extra.ticker_labels)
  for i, w in ipairs(ticker_alt) do ticker_alt[i] = lists.literal(w:lower()) end
  local rx_ticker = re.compile("^\\W{0,3}(?:" .. concat(ticker_alt, "|") .. ")\\s*(?:[|:]|\\s[–—-])\\s*\\S", "i")
  -- the words of a byline naming no person ("Staff report", "From staff reports"):
  -- en/clean_meta_staff_words.txt
  local staff_words = word_set(lang, "clean_meta_staff_words.txt", extra.staff_words)
  -- a release's contact line: a label of en/clean_meta_contact_labels.txt and a colon
  -- opening the line ("Contact:", "Media contact:"); its phone number (seven digits or
  -- more in one run of digits, spaces, dots, hyphens and brackets) or e-mail address
  local contact_alt = {}
  for i, w in ipairs(entries(lang, "clean_meta_contact_labels.txt", extra.contact_labels)) do
    contact_alt[i] = lists.literal(w:lower())
  end
  local rx_contact = re.compile("^\\W{0,3}(?:" .. concat(contact_alt, "|") .. ")\\s*:", "i")
  local rx_phone = re.compile("(?<![\\w.])\\+?\\(?\\d[\\d\\s().-]{5,}\\d(?![\\w.])")
  local rx_mail = re.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+")
  --- Does the line open with a contact label ("Contact: Press Office")? With `reach`,
  -- only when it also gives a phone number or an e-mail address.
  -- (a phone number or an e-mail address on the line)
  local function reaches(s)
    if rx_mail:find(s) then return true end
    local ph = rx_phone:match(s)
    return ph ~= nil and select(2, ph:gsub("%d", "")) >= 7
  end
  local function contact_line(s, reach)
    if not rx_contact:find(s) then return false end
    return not reach or reaches(s)
  end
  --- Does a short line give a phone number or an e-mail address (the second line of a
  -- release's contact: "(555) 0130-2291 | press@board.example")?
  local function reach_line(s)
    return #s <= 120 and (find(s, "%d%d") or find(s, "@", 1, true)) ~= nil and reaches(s)
  end
  -- a reference number alone on its line ("MBFA/PR/2026/03", "Ref: HX/114/2025"):
  -- letters and digits joined by slashes, a digit among them
  local rx_reference = re.compile("^(?:(?:ref(?:erence)?|no)\\.?\\s*:?\\s*)?(?=[^\\s]*\\d)(?=[^\\s]*\\p{L})[\\p{L}\\d]+(?:[-.][\\p{L}\\d]+)*(?:/[\\p{L}\\d]+(?:[-.][\\p{L}\\d]+)*)+$", "i")
  -- (then perhaps the issue's season, feast or month and its year, "Issue 214 – Easter
  -- 2025", "No. 88, Winter 2025/26": en/clean_meta_edition_words.txt, or a year alone)
  local edition_words = entries(lang, "clean_meta_edition_words.txt", extra.edition_words)
  for i, w in ipairs(edition_words) do edition_words[i] = lists.literal(w:lower()) end
  local year = "\\d{4}(?:[/–-]\\d{2,4})?"
  local rx_episode = re.compile("^(?:(?:" .. concat(episode_words, "|") .. ")\\.?\\s*#?\\d+\\b[\\s,:;·|•/–—-]*)+"
    .. "(?:(?:(?:" .. concat(edition_words, "|") .. ")\\b\\.?(?:\\s+" .. year .. ")?|" .. year .. ")[\\s,·|•–—-]*)?"
    .. "(?:(?:\\d+\\s*(?:min(?:ute)?s?|m|hrs?|hours?|h|sec(?:ond)?s?|s)\\b\\.?|\\d{1,2}:\\d{2}(?::\\d{2})?)[\\s,·|•–—-]*)*$", "i")
  -- an edition named by its season, feast or month, perhaps with its year ("Easter 2025
  -- Edition", "Spring Issue 2026", "The Christmas Edition")
  local rx_edition = re.compile("^(?:the\\s+)?(?:" .. concat(edition_words, "|") .. ")\\.?(?:\\s+" .. year
    .. ")?\\s+(?:edition|issue)(?:\\s+" .. year .. ")?$", "i")

  -- words closing an organisation's name, no surname ("Sheriff's Office", "Fire
  -- Department"): en/clean_meta_org_heads.txt
  -- words closing a unit or desk of an organisation ("Communications Unit", "Press
  -- Office"): en/clean_meta_units.txt
  local units = word_set(lang, "clean_meta_units.txt", extra.unit_words)
  local org_heads = word_set(lang, "clean_meta_org_heads.txt", extra.org_heads)
  -- a person's job in lower case after a comma ("Wendeline Orcutt, station engineer"):
  -- up to four words in lower case closing on a noun that names one person in
  -- en/role_nouns.txt (the quotes lexicon's, kind person; option job_nouns adds more)
  -- (read on the first phrase to look up: most pages have none)
  local job_nouns
  local rx_lower_word = re.compile("^\\p{Ll}[\\p{Ll}'’-]*$")
  local function job_phrase(s)
    local n, last = 0, nil
    for t in s:gmatch("%S+") do
      n = n + 1
      if n > 4 or not rx_lower_word:find(t) then return false end
      last = t
    end
    if not last then return false end
    if not job_nouns then
      job_nouns = {}
      for _, line in ipairs(entries(lang, "role_nouns.txt", extra.job_nouns)) do
        local name, kind = line:match("^([^\t]+)\t?(%S*)")
        local w = name and name:match("(%S+)%s*$")
        if w and (kind == "" or kind == "person" or kind == "f" or kind == "m") then job_nouns[w:lower()] = true end
      end
    end
    return job_nouns[last] == true
  end
  -- words of a section's label ("News Flash", "Press Release"): en/clean_meta_label_words.txt
  local label_words = word_set(lang, "clean_meta_label_words.txt", extra.label_words)
  -- words that leave a headline's phrase open ("... teams to some"):
  -- en/clean_meta_open_words.txt
  local open_words = word_set(lang, "clean_meta_open_words.txt", extra.open_words)
  -- units, compass points and weather words of a widget's readings:
  -- en/clean_meta_readings.txt
  local readings = word_set(lang, "clean_meta_readings.txt", extra.reading_words)
  -- language names of a language switch ("Cymraeg", "Français"): en/clean_meta_languages.txt
  local langs = entries(lang, "clean_meta_languages.txt", extra.language_names)
  table.sort(langs, function(a, b) return #a > #b end)
  for i, w in ipairs(langs) do langs[i] = re.escape(w) end
  local lang_name = "(?:" .. concat(langs, "|") .. ")"
  local lang_code = "(?-i:\\p{Lu}{2})"
  local lang_sep = "(?:\\s*[|/·•,]\\s*|\\s+)"
  local rx_lang_switch = re.compile("^\\s*(?:" .. lang_name .. "(?:" .. lang_sep .. "(?:" .. lang_name .. "|" .. lang_code .. "))*"
    .. "|" .. lang_code .. "(?:" .. lang_sep .. "(?:" .. lang_name .. "|" .. lang_code .. "))+)\\s*$", "i")
  -- words closing the name of the organisation publishing a page ("Authority"):
  -- en/clean_outlet_org_heads.txt
  local outlet_heads = word_set(lang, "clean_outlet_org_heads.txt", extra.outlet_org_heads)

  local R = {}
  R.contact_line = contact_line
  R.reach_line = reach_line

  --- Is the line a label of the page's section ("News Flash", "Press Release",
  -- "Breaking News", "Latest Updates", "For Immediate Release"), no outlet's name? Up to
  -- five words, each a menu
  -- word (en/clean_meta_menu_words.txt), a label word (en/clean_meta_label_words.txt)
  -- or a word that opens no dateline (en/clean_meta_not_places.txt: "Breaking",
  -- "Updates"), at least one of the last two.
  --- Is the word an item of a site's menu (en/clean_meta_menu_words.txt: "News", "Sport")?
  function R.menu_word(w)
    return menu_words[w:lower()] == true
  end

  function R.section_label(s)
    local n, label = 0, false
    for t in s:gmatch("%S+") do
      local lt = t:lower():gsub("[.,;:|]+$", "")
      n = n + 1
      if label_words[lt] or not_places[lt] then label = true
      elseif not (menu_words[lt] or LABEL_JOINERS[lt]) then return false end
    end
    return label and n <= 5
  end

  --- The masthead whose section a header line names ("Sheriff's Office News" under the
  -- masthead "Alder Ridge County Sheriff's Office"): the line without its closing
  -- generic words (menu and label words: "News", "Updates") is held as whole words by
  -- the masthead line, a longer name of up to eight capitalised words (joiners in lower
  -- case) that the page writes at least twice. @return the masthead or nil
  -- @param mast the text of the page's first line
  -- @param text the page's text
  function R.section_of(name, mast, text)
    if not mast then return nil end
    local toks = {}
    for t in name:gmatch("%S+") do toks[#toks + 1] = t end
    local k = #toks
    while k >= 1 and (menu_words[toks[k]:lower()] or label_words[toks[k]:lower()] or not_places[toks[k]:lower()]) do k = k - 1 end
    if k == 0 or k == #toks then return nil end
    local core = concat(toks, " ", 1, k)
    if #mast <= #core or re.find(mast, "[\\d.!?:;|]") or #dp.text.words(mast) > 8 then return nil end
    for w in mast:gmatch("%S+") do
      if not re.find(w, "^\\p{Lu}") and not JOINER_WORDS[w] then return nil end
    end
    if not re.find(mast, "(?<![\\p{L}\\p{N}])" .. re.escape(core) .. "(?![\\p{L}\\p{N}])") then return nil end
    local n = 0
    for _ in re.gmatch(text, "(?<![\\p{L}\\p{N}])" .. re.escape(mast) .. "(?![\\p{L}\\p{N}])") do n = n + 1 end
    return n >= 2 and mast or nil
  end

  --- Is the line a field of the header, "LABEL: value" with a label of
  -- en/clean_meta_fields.txt ("Category: Local News", "NEWSPAPER SECTION: News") and a
  -- value of one to eight words that ends no sentence? Such a line is page metadata:
  -- no headline, no byline and no outlet's name.
  -- @return label, value or nil
  -- (or a reviewer's credit, "Medically reviewed by Dr. NAME, MD, Chief Medical
  -- Officer": en/clean_meta_reviewer_lines.txt, the opener as label; bytes first: a
  -- line holding "ed by")
  local rx_reviewer
  function R.field_line(s)
    if find(s, "ed by", 1, true) and #s <= 200 then
      if not rx_reviewer then
        local l = {}
        for _, w in ipairs(entries(lang, "clean_meta_reviewer_lines.txt")) do l[#l + 1] = re.gsub(re.escape(w:lower()), "\\\\?\\s+", "\\s+") end
        table.sort(l, function(a, b) return #a > #b end)
        rx_reviewer = re.compile("^(" .. concat(l, "|") .. ")\\s*:?\\s+(\\p{Lu}.*)$", "i")
      end
      local a, _, label, value = rx_reviewer:find(s)
      if a then return label, value end
    end
    if not find(s, ":", 1, true) then return nil end
    local a, _, label, value = rx_field:find(s)
    if not a or find(value, "[.!?]$") then return nil end
    local n = 0
    for _ in value:gmatch("%S+") do n = n + 1 end
    if n > 8 then return nil end
    return label, value
  end

  --- Is the line a site menu run together ("Countries Topics Reports Get Involved About
  -- Donate")? Four to twelve words, each capitalised (or "&"), no punctuation, and more
  -- than half of them menu words (en/clean_meta_menu_words.txt): a headline in title
  -- case has a verb or a name among words no menu holds.
  -- (a word of a script without capitals, "বাংলা": the link to the site in another language)
  local rx_uncased = re.compile("^[\\p{Lo}\\p{M}]+$")
  function R.menu_line(s)
    -- (a hyphen inside a word is no punctuation: "E-paper")
    if #s > 120 or rx_punct:find(s) and re.find(s, "[^\\s&\\p{L}\\p{M}-]|(?<!\\p{L})-|-(?!\\p{L})") then return false end
    local n, hit, other = 0, 0, false
    for t in s:gmatch("%S+") do
      n = n + 1
      if t ~= "&" then
        if not rx_upper_first:find(t) then
          -- (one word of a script without capitals may stand among them)
          if other or not rx_uncased:find(t) then return false end
          other = true
        elseif menu_words[t:lower()] then hit = hit + 1 end
      end
    end
    return n >= 4 and n <= 12 and hit * 2 > n
  end

  --- Is the line a news ticker's item ("Breaking News | Heavy rain warning in effect for
  -- Sunday", "Latest: Bridge reopens")? A label of en/clean_meta_ticker_labels.txt
  -- opening the line, then a bar, colon or dash and more words; the stage passes it
  -- over when a headline stands below it.
  function R.ticker_line(s)
    return #s <= 200 and rx_ticker:find(s) ~= nil
  end

  --- Does the name hold a head word of an organisation (en/clean_meta_org_heads.txt:
  -- "Eastern Calder State University Extension")?
  function R.org_named(s)
    for w in s:gmatch("%a+") do if org_heads[w:lower()] then return true end end
    return false
  end

  --- Does the name open with a head word of an organisation and "of" ("Office of the
  -- Attorney General of NAME", "Ministry of Fisheries"; en/clean_meta_org_heads.txt)?
  -- An organisation's own name, as a masthead writes it.
  local rx_org_title = re.compile("^(\\p{L}+)\\s+of\\s+(?:the\\s+)?\\p{Lu}")
  function R.org_title(s)
    local head = rx_org_title:match(s)
    return head ~= nil and org_heads[head:lower()] == true
  end

  --- Is the line an organisation's name as a masthead writes it ("CASCADIA STATE BOARD OF
  -- NURSING", "Harwick County Water District")? Two to eight words, each capitalised
  -- but the joiners (of, the, and, for, &), a head word of an organisation closing it
  -- or standing before "of" (en/clean_meta_org_heads.txt, en/clean_outlet_org_heads.txt
  -- and en/clean_meta_masthead_heads.txt: "District"; option org_heads adds more).
  -- (the extra heads read on the first call: most pages have no such line)
  local masthead_heads
  local ORG_JOIN = { of = true, the = true, ["and"] = true, ["for"] = true, ["&"] = true }
  function R.org_masthead(s)
    if #s > 90 or find(s, "[%d:;,.!?|]") then return false end
    if not masthead_heads then masthead_heads = word_set(lang, "clean_meta_masthead_heads.txt", extra.org_heads) end
    local n, head, prev = 0, false, nil
    for w in s:gmatch("%S+") do
      n = n + 1
      local lw = w:lower()
      if not ORG_JOIN[lw] then
        local c = w:byte(1)
        if not c or c < 65 or (c > 90 and c < 0xC3) then return false end
      elseif lw == "of" and prev and (org_heads[prev] or outlet_heads[prev] or masthead_heads[prev]) then
        head = true
      end
      prev = lw
    end
    if n < 2 or n > 8 then return false end
    return head or org_heads[prev] == true or outlet_heads[prev] == true or masthead_heads[prev] == true
  end

  local rx_crumb_label = re.compile("^(?i:you\\s+are\\s+here|you['’]re\\s+here|breadcrumbs?)\\s*:")
  --- Is the line page furniture that a headline search passes over? A menu split by
  -- separators (three or more parts of up to four words between " · ", " | " or " • ":
  -- "Site News · Harbour · Districts · Sports"); a call to action of two or three words
  -- opening with a verb of en/clean_meta_calls.txt ("Buy tickets", "Sign in"); a link to
  -- the page in another language: up to eight words, no English stopword
  -- (en/stopwords.txt) and two words of en/clean_meta_foreign_words.txt (function words,
  -- a language's own name: "Lea esta nota en español"); an episode's or an issue's
  -- label alone, perhaps with its duration or its season and year ("Episode 52 · 41
  -- min", "Season 2, Episode 3", "Issue 214 – Easter 2025", "Spring Edition 2026":
  -- en/clean_meta_episode_words.txt, en/clean_meta_edition_words.txt); a form's text
  -- field drawn as underscores ("Search ______ Search", a text browser's dump); a
  -- masthead's tagline closing on its founding year with an outlet word
  -- (en/clean_outlet_words.txt: "The Valley's Own Weekly Since 1921"; not "Driest Summer
  -- Since 1976")
  local rx_form_field = re.compile("_{4,}")
  local rx_tagline = re.compile("(?i:\\b(?:since|est\\.?|established|founded(?:\\s+in)?))\\s+\\d{4}\\.?$")
  --- Does the line end in a picture's credit ("... on Tuesday. – NAME/Photographer",
  -- "... quay. (Photo: NAME)")? A caption, never a headline. (Bytes first: the last one
  -- must be "r" or ")", and the pattern reads only the last 70 bytes.)
  local rx_credit_end = re.compile("(?:/\\s*(?:staff\\s+|contributing\\s+|chief\\s+)?photographer|\\((?:photo|picture|image)s?\\s*(?::|by\\b)\\s*[^()]{2,50}\\))$", "i")
  function R.credit_end(s)
    local z = s:byte(-1)
    if z ~= 41 and z ~= 114 and z ~= 82 then return false end
    return rx_credit_end:find(#s > 70 and s:sub(-70) or s) ~= nil
  end

  -- a table of contents under its label, "In this issue: A * B * C"
  -- (en/clean_meta_contents_labels.txt)
  local contents_labels = word_set(lang, "clean_meta_contents_labels.txt")
  function R.contents_line(s)
    local colon = find(s, ":", 1, true)
    if not colon or colon > 40 or colon < 6 then return false end
    return contents_labels[s:sub(1, colon - 1):gsub("’", "'"):lower()] == true and find(s, "%S", colon + 1) ~= nil
  end

  function R.title_furniture(s)
    if #s > 160 then return false end
    if R.contents_line(s) then return true end
    -- (a release's labels joined by a dash, "NEWS RELEASE – FOR IMMEDIATE RELEASE":
    -- each piece a section's label, R.section_label; cheap test first, a spaced dash)
    if #s <= 80 and (find(s, " – ", 1, true) or find(s, " — ", 1, true) or find(s, " - ", 1, true))
      and release_labels(s, R.section_label) then return true end
    local c1 = byte(s, 1)
    -- (a government site's banner, "An official website of the State of X. Here's how
    -- you know": R.site_banner; cheap test first, the first letter of one)
    if (R.user_banners or #s >= 20 and BANNER_FIRST[c1]) and R.site_banner(s) then return true end
    -- (a breadcrumb under its label, "You are here: Home / News")
    if (c1 == 89 or c1 == 121 or c1 == 66 or c1 == 98) and rx_crumb_label:find(s) then return true end
    if rx_form_field:find(s) then return true end
    if contact_line(s, true) then return true end
    if #s <= 80 and rx_tagline:find(s) then
      for w in s:gmatch("%a+") do if outlet_words[w:lower()] then return true end end
    end
    if #s <= 60 and (rx_episode:find(s) or rx_reference:find(s)
      or ((find(s, "[Ss][Ss][Uu][Ee]") or find(s, "[Dd][Ii][Tt][Ii][Oo][Nn]")) and rx_edition:find(s))) then return true end
    if #s <= 60 and (R.staff_line(s) or R.slash_path(s) or R.crumb_path(s)) then return true end
    -- (a widget's readings, a language switch)
    if R.reading_line(s) or R.language_switch(s) then return true end
    if find(s, "|", 1, true) or find(s, "·", 1, true) or find(s, "•", 1, true) then
      -- (a widget's part crediting its provider, "Select Language | Powered by Google
      -- Translate": a translate or search box, never a headline; round 29)
      if find(s, "owered by ", 1, true) and rx_powered_part:find(s) then return true end
      -- (the separators are several bytes in UTF-8: each becomes "|" first)
      local menu = s:gsub("%s+·%s+", " | "):gsub("%s+•%s+", " | ")
      local parts, short, units_only = 0, true, true
      for part in (menu .. " | "):gmatch("(.-)%s+|%s+") do
        parts = parts + 1
        local n = 0
        for _ in part:gmatch("%S+") do n = n + 1 end
        if n == 0 or n > 4 or part:find("[.!?]$") then short = false end
        -- (each piece closing on a unit's or an office's word, en/clean_meta_units.txt,
        -- en/clean_meta_org_heads.txt: "County Clerk's Office · Elections Division", a
        -- department's line over a release, no headline)
        local last = units_only and part:match("(%a+)$")
        if not (last and (units[last:lower()] or org_heads[last:lower()])) then units_only = false end
      end
      if short and (parts >= 3 or (parts == 2 and units_only)) then return true end
      -- (two short parts, the first in capitals and the second of no English stopword:
      -- a masthead's or a section's kicker, "HARBOUR NOTES · Town Life", no headline)
      if short and parts == 2 then
        local first, second = menu:match("^(.-)%s+|%s+(.*)$")
        if first and first:upper() == first and find(first, "%u%u") and not find(second, "%d") then
          local plain = true
          for w in second:gmatch("%a+") do if english[w:lower()] then plain = false; break end end
          if plain then return true end
        end
      end
    end
    local _, gaps = s:gsub("%s+", "")
    if gaps > 7 then return false end
    local toks = {}
    for t in s:gmatch("%S+") do toks[#toks + 1] = t:lower():gsub("^%p+", ""):gsub("%p+$", "") end
    if #toks >= 2 and #toks <= 3 and call_verbs[toks[1]] then return true end
    if #toks > 8 then return false end
    local hits = 0
    for _, t in ipairs(toks) do
      if english[t] then return false end
      if foreign[t] then hits = hits + 1 end
    end
    return hits >= 2
  end

  --- Is the line a byline naming no person, only the staff or the wires ("Staff
  -- report", "From staff reports", "Staff and wire reports")? Two to five words of
  -- en/clean_meta_staff_words.txt, one of them "staff" or "report(s)".
  function R.staff_line(s)
    local n, key = 0, false
    for t in s:gmatch("%S+") do
      local lt = t:lower():gsub("^%p+", ""):gsub("%p+$", "")
      if not staff_words[lt] then return false end
      if lt == "staff" or lt == "report" or lt == "reports" then key = true end
      n = n + 1
    end
    return key and n >= 2 and n <= 5
  end

  --- Is the line a breadcrumb of sections set apart by slashes ("News Center / Research
  -- News", "Home / Sport / Rugby")? Two to five parts of one to three capitalised
  -- words (or "&", "and", "of"), a menu word (en/clean_meta_menu_words.txt) in at least
  -- half of them: a headline with a slash has a verb or a name no menu holds.
  function R.slash_path(s)
    if not find(s, "%s/%s") then return false end
    local parts, menu = 0, 0
    for part in (s .. " / "):gmatch("(.-)%s+/%s+") do
      parts = parts + 1
      local n, hit = 0, false
      for t in part:gmatch("%S+") do
        n = n + 1
        local lt = t:lower()
        if menu_words[lt] then hit = true
        elseif not (lt == "&" or lt == "and" or lt == "of" or rx_upper_first:find(t)) then return false end
        if find(t, "[.!?,:;]$") then return false end
      end
      if n == 0 or n > 3 then return false end
      if hit then menu = menu + 1 end
    end
    return parts >= 2 and parts <= 5 and menu * 2 >= parts
  end

  --- Is the line a breadcrumb of short labels set apart by " / ", " > ", " › " or " » "
  -- ("Journal / Behind the scenes", "Home › Community › Events")? Two to five parts
  -- of one to three words, each opening on a capital, with no digit and no closing
  -- mark; all but the last in title case (or "&", "and", "of"), the last (the page's
  -- own section) may be in sentence case. One kind of separator only. A headline
  -- with a slash runs longer than three words a side or holds a number ("Fire /
  -- rescue crews ...", "24 / 7"); a short one ("Rome / Paris talks end") is rare.
  local rx_crumb_word = re.compile("^[\\p{L}’'&-]+$")
  local crumb_seps = { " / ", " > ", " › ", " » " }
  function R.crumb_path(s)
    local sep
    for _, x in ipairs(crumb_seps) do
      if find(s, x, 1, true) then
        if sep then return false end
        sep = x
      end
    end
    if not sep or find(s, "%d") or find(s, "[.!?,:;]%s*$") then return false end
    local parts, i, n = {}, 1, #s
    while i <= n + 1 do
      local a = find(s, sep, i, true)
      parts[#parts + 1] = s:sub(i, (a or n + 1) - 1)
      i = a and a + #sep or n + 2
    end
    if #parts < 2 or #parts > 5 then return false end
    for k, part in ipairs(parts) do
      local w = 0
      for t in part:gmatch("%S+") do
        w = w + 1
        if not rx_crumb_word:find(t) then return false end
        local lt = t:lower()
        local joiner = lt == "&" or lt == "and" or lt == "of"
        if w == 1 and not rx_upper_first:find(t) then return false end
        if k < #parts and not joiner and not rx_upper_first:find(t) then return false end
      end
      if w == 0 or w > 3 then return false end
    end
    return true
  end

  --- Is the line a widget's readings, "LABEL: value" fields whose values are only
  -- numbers and the words of en/clean_meta_readings.txt ("Wind: SW 58mph  Next high
  -- water: 17.42", "Weather: 9°C Light rain")? A label runs to four words; a headline
  -- with a colon has words of its own after its reading ("Storm Morag: 70mph gusts
  -- cancel ferry").
  function R.reading_line(s)
    if #s > 120 or not find(s, ":", 1, true) or not find(s, "%d") then return false end
    local labels, values, pending = 0, 0, 0
    for t in s:gmatch("%S+") do
      if find(t, ":$") and not find(t, "%d") then
        -- a label of up to four words
        if pending > 3 then return false end
        labels, pending = labels + 1, 0
      elseif find(t, "%d") then
        -- (a number, perhaps with its unit glued on: "58mph", "(4.1m)", "9°C", "17.42")
        if pending > 0 or not find((t:gsub("^%W+", "")), "^%d[%d.,:/-]*%D*$") then return false end
        values = values + 1
      elseif pending == 0 and readings[(t:lower():gsub("^%(", ""):gsub("[%),;]+$", ""))] then
        -- (a reading's word; after other words, a label's: "Next high water:")
        values = values + 1
      else
        pending = pending + 1
      end
    end
    return labels >= 1 and values >= labels and pending == 0
  end

  --- Is the line a page's counter: a number and a word of en/clean_meta_counter_words.txt
  -- in up to four words ("Post Views: 2,317", "2,317 views", "Viewed 2,317 times")? A
  -- widget's count, never the outlet.
  local counter_words
  function R.counter_line(s)
    -- (cheap tests first: short, holding a digit)
    if #s > 48 or not find(s, "%d") then return false end
    local n, num, word = 0, false, false
    for t in s:gmatch("%S+") do
      n = n + 1
      if n > 4 then return false end
      if find(t, "^%d[%d.,]*[kKmM]?:?$") then num = true
      else
        if not counter_words then counter_words = word_set(lang, "clean_meta_counter_words.txt") end
        if counter_words[(t:lower():gsub("[:;,.]+$", ""))] then word = true end
      end
    end
    return num and word
  end

  --- Is the line a language switch: language names (en/clean_meta_languages.txt),
  -- alone or set apart by bars, slashes or dots, or two-letter codes in capitals
  -- between them ("Cymraeg", "English | Français", "EN | FR")? A link to the page in
  -- another language, navigation: never the outlet or the headline.
  function R.language_switch(s)
    if #s > 80 then return false end
    return rx_lang_switch:find(s) ~= nil or R.switch_and_menu(s)
  end
  -- (a switch of two names or more, then the account's menu words on the same line:
  -- "Korean English Login Join", en/clean_meta_menu_words.txt)
  function R.switch_and_menu(s)
    local head, n = s, 0
    while true do
      local h, w = head:match("^(.-%S)%s+(%a+)$")
      if not (h and menu_words[w:lower()]) then break end
      head, n = h, n + 1
    end
    return n > 0 and find(head, "%s") ~= nil and rx_lang_switch:find(head) ~= nil
  end

  -- a site's banner or feed link over the masthead (en/clean_meta_site_banners.txt),
  -- compiled on first use
  local rx_banner
  --- Is the line a site's banner or a feed's link above its masthead ("An official
  -- website of the State of X", "Here's how you know", "Agency News (RSS)")? Passed
  -- over when the masthead is looked for.
  local function compile_banners()
    local alts = {}
    for _, p in ipairs(dp.data.list(lang .. "/clean_meta_site_banners.txt")) do alts[#alts + 1] = "(?:" .. p .. ")" end
    for _, p in ipairs(extra.site_banners or {}) do alts[#alts + 1] = "(?:" .. p .. ")" end
    return re.compile("^#?\\s*(?:" .. table.concat(alts, "|") .. ")", "i")
  end
  -- (a user's patterns, the option site_banners, are compiled now, so that a bad one is
  -- a configuration error naming the option, and tried on every line: the byte test
  -- below fits only the shipped list)
  local user_banners = extra.site_banners and #extra.site_banners > 0
  R.user_banners = user_banners
  if user_banners then
    for _, p in ipairs(extra.site_banners) do
      local ok, err = pcall(re.compile, p, "i")
      if not ok then error(("site_banners: bad pattern '%s': %s"):format(p, tostring(err)), 0) end
    end
    rx_banner = compile_banners()
  end
  function R.site_banner(s)
    -- (cheap test first: the first letter of the list's patterns, or a closing bracket)
    if #s > 100 or not (user_banners or BANNER_FIRST[byte(s, 1)] or byte(s, -1) == 41) then return false end
    if not rx_banner then rx_banner = compile_banners() end
    return rx_banner:find(s) ~= nil
  end

  --- The site's name a feed link opening a text browser's dump gives ("#[1]Marlow
  -- County Extension RSS feed [2]alternate", "#Harbour Star » Feed"), or nil: the words
  -- before "RSS", "Atom" or "Feed" (and a separator), up to 60 bytes.
  local rx_feed_name = re.compile("^#\\s*(\\p{Lu}.{1,59}?)\\s*(?:[»|:–—-]\\s*)?(?:(?:rss|atom)(?:\\s+feeds?)?|(?:comments\\s+)?feeds?)\\b", "i")
  function R.feed_name(s)
    if byte(s, 1) ~= 35 or #s > 120 then return nil end
    return rx_feed_name:match(s)
  end

  --- The organisation that publishes a page under a masthead naming a place or a
  -- service: the copyright line's holder when it is the masthead's name and one or two
  -- more capitalised words, the last an organisation's head word
  -- (en/clean_outlet_org_heads.txt): "Port Arden International Airport" over "©
  -- Port Arden International Airport Authority 2025". Not for a publication's name
  -- (closing on a word of en/clean_outlet_words.txt, "The Valley Times"), whose owner
  -- is no outlet. @return the longer name or nil
  local company_words
  function R.org_extension(name, line)
    local a, b = find(line, name, 1, true)
    if not a then return nil end
    local last = name:match("([%w'’]+)%W*$")
    if not last or outlet_words[last:lower()] then return nil end
    if not re.find(line:sub(1, a - 1), "(?:©|\\(c\\)|copyright)\\s*(?:\\d{4}(?:\\s*[-–]\\s*\\d{4})?\\s*)?(?:the\\s+)?$", nil, "i") then
      return nil
    end
    local more = re.match(line:sub(b + 1), "^(\\s+\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*)?)(?=\\s*(?:$|[.,;|©]|\\d{4}|All\\s))")
    if not more then return nil end
    local head = more:match("(%S+)$")
    if not outlet_heads[head:lower()] then return nil end
    -- (not a publisher's name, "The Larchmont Lantern Publishing Society", "Kestrel
    -- Media Trust": a word of en/clean_company_words.txt among the words added names
    -- the masthead's owner, no outlet; nor a trust holding a museum, "... Slate Museum
    -- Trust": en/clean_outlet_owner_words.txt)
    if not company_words then
      company_words = word_set(lang, "clean_company_words.txt", entries(lang, "clean_outlet_owner_words.txt"))
    end
    for w in more:gmatch("%S+") do if company_words[w:lower()] then return nil end end
    return name .. more
  end

  -- the particles of names written with a capital inside a name ("Mac Giolla", "Al
  -- Sayed", "Van Der Berg", "Ap Rhys")
  local CAP_PARTICLES = { mac = true, mc = true, nic = true, al = true, el = true, bin = true, ibn = true,
    abu = true, abd = true, van = true, von = true, der = true, den = true, de = true, da = true,
    di = true, du = true, le = true, la = true, ap = true, ben = true, bint = true, st = true,
    -- (a Malay name's pilgrim title inside it, "Nurul Ain Haji Rahman")
    haji = true, hajah = true }
  -- the set of given names, lower case (en/given_names_*.txt, read on first use)
  local given
  local function given_names()
    if not given then
      given = {}
      for _, f in ipairs { "given_names_female.txt", "given_names_male.txt" } do
        for _, w in ipairs(dp.data.list(lang .. "/" .. f)) do given[w:lower()] = true end
      end
    end
    return given
  end

  --- Is s shaped like a person's name?
  function R.is_person(s)
    s = dp.text.trim(s)
    local toks = text_fields(s)
    if #toks < 2 or #toks > 5 then return false end
    if NOT_FIRST[toks[1]:lower()] or not_openers[toks[1]:lower()] then return false end
    -- (an organisation's head word closing it, "Sheriff's Office": no surname)
    local lt = toks[#toks]:lower():gsub("[,;:]+$", "")
    if org_heads[lt] or units[lt] then return false end
    local caps, long = 0, 0
    for i = 1, #toks do local t = toks[i]
      local lt = lower(t)
      -- (the word, or the word without the full stop or comma closing it, is a role)
      local z = byte(lt, -1)
      if roles[lt] or ((z == 46 or z == 44) and roles[lt:sub(1, -2)]) then return false end
      if rx_initials:find(t) then
        caps = caps + 1
      elseif rx_cap:find(t) or rx_mc:find(t)
        or (i == 1 and rx_elided:find(t) and not find(s, "['’]%s") and not find(s, "['’]$")) then
        -- (capitals tested on Unicode letters past ASCII: "Ní" and "Ó" are no acronyms;
        -- looked for only in a word in capitals)
        if t:upper() == t and #t >= 2 and not t:find("[.'’]")
          and not (find(t, "[\128-\255]") and (rx_lower:find(t) or utf8.len(t) < 2)) then
          -- an all-capitals token is an acronym (an outlet), unless the whole name is in capitals
          -- (a Mc or Mac prefix keeps its small letter in capitals, "CIARA McFETRIDGE")
          local su = find(s, "Ma?c%u") and s:gsub("(Ma?c)(%u%u)", function(p, r) return p:upper() .. r end) or s
          if (su:upper() ~= su or (find(su, "[\128-\255]") and rx_lower:find(su)))
            and not caps_surname_name(toks, outlet_words) then return false end
        end
        caps = caps + 1
        if #t:gsub("[.'’]", "") >= 2 then long = long + 1 end
      elseif PARTICLES[lt] and i > 1 and i < #toks then
        -- particle inside a name
      elseif i > 1 and byte(t, 1) >= 97 and glued_particle(t) then
        -- a surname behind its particle, "al-Sharjabi"
        caps = caps + 1
        long = long + 1
      elseif SUFFIXES[lt] and i == #toks then
        -- suffix
      else
        return false
      end
    end
    -- (four capitalised words or more in plain ASCII letters: a person's name opens on a
    -- given name or an initial, "Mary Anne Fenwick Hale", or holds a name's particle or
    -- a letter of another alphabet, "Ciarán Mac Giolla Rua", "Abdul Rahman Al Sayed"; a
    -- Title Case headline does none of these, "Council Approves New Budget")
    if caps >= 4 and not rx_initials:find(toks[1]) and not given_names()[toks[1]:lower()]
      and not find(s, "[\128-\255]") then
      local particle = false
      for i = 2, #toks do if CAP_PARTICLES[toks[i]:lower()] then particle = true; break end end
      if not particle then return false end
    end
    return long >= 1 and caps >= 2
  end

  --- Is the copyright holder a, a byline's name, the writer's own (a newsletter's writer
  -- holding its rights, "© 2025 NAME", under a masthead naming the publication, mast)
  -- rather than an outlet read as a name? A person's name opening on a given name
  -- (en/given_names_*.txt), and a masthead of up to six capitalised words (the page's
  -- first line, mast) naming something else that is no person's name.
  function R.writer_holder(a, mast)
    if not mast or #mast > 60 or mast == a or find(mast, a, 1, true) or find(a, mast, 1, true) then return false end
    if not R.name_words(mast) or #text_fields(mast) > 6 or R.is_person(mast) then return false end
    local first = a:match("^(%a+)")
    return first ~= nil and given_names()[first:lower()] == true and R.is_person(a)
  end

  --- Is s a person's name in capitals of two or three words ("ISOLDE MARRACK"), each
  -- a plausible name: three letters or more with a vowel, and no word of a list that
  -- names no person (an outlet, role, beat, menu, label, place, month or function
  -- word)? The stage reads such a line over a timestamp line, or under a lone "By", as
  -- a byline: an acronym outlet is one word ("KVRN") or a word and TV/FM.
  local rx_caps_word = re.compile("^(?:Ma?c)?\\p{Lu}[\\p{Lu}'’-]*\\p{Lu}$")
  local rx_vowel = re.compile("[AEIOUYÀ-ÆÈ-ÏÒ-ÖØ-Ý]")
  function R.caps_name(s)
    s = dp.text.trim(s)
    local n = 0
    for t in s:gmatch("%S+") do
      n = n + 1
      -- (a word with a capital past ASCII lowered by Unicode for the lists: "ÉDITORIAL")
      local lt = find(t, "[\128-\255]") and ucase.lower(t) or t:lower()
      if n > 3 or not rx_caps_word:find(t) or utf8.len(t) < 3 or not rx_vowel:find(t)
        or outlet_words[lt] or roles[lt] or beats[lt] or menu_words[lt] or label_words[lt]
        or not_places[lt] or english[lt] or places[lt] or org_heads[lt] or month_set[lt] then
        return false
      end
    end
    return n >= 2 and R.is_person(s)
  end

  --- The line as a bare domain name, a masthead written as its web address
  -- ("alpinfo.ch", "www.kestrelpost.co.uk"): a word, a dot and a top-level domain (a
  -- country's two letters, or a generic one of en/clean_meta_tlds.txt), no path, no
  -- scheme, alone on its line; kept as written. @return the name or nil
  local tlds = word_set(lang, "clean_meta_tlds.txt")
  local rx_domain = re.compile("^(?:www\\.)?[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(?:\\.[\\p{L}\\p{N}-]+)*\\.(\\p{L}{2,12})$")
  function R.domain_name(s)
    s = dp.text.trim(s)
    if #s > 60 then return nil end
    local tld = rx_domain:match(s)
    -- (the domain in lower case, as web addresses are written: "Vol.II" is none)
    if not tld or not tld:find("^%l+$") then return nil end
    if not ((#tld == 2 and tld:find("^%l%l$")) or tlds[tld]) then return nil end
    return s
  end

  -- split a list of names: "A, B and C", "A & B", "A; B"
  local rx_writer_open = re.compile("^(?:written|reported|words|story|text)\\s+by\\s+(?=\\p{Lu})", "i")
  local function split_names(s)
    s = rx_name_joiner:gsub(s, ",")
    return rx_name_sep:split(s)
  end

  -- the trailing run of role and beat words of toks[lo..] (en/clean_roles.txt,
  -- en/clean_role_beats.txt; with joiners, "of", "and", "&" inside the run too; a
  -- modifier of en/clean_role_modifiers.txt once a role word follows, "Deputy
  -- Editor"): the index of its first word (nil when there is none), and whether one of
  -- its words names a person's job (a role that is no outlet word and not a weak role)
  local function role_run(toks, lo, joiners)
    local cut, job = nil, false
    for k = #toks, lo, -1 do
      local lt = bare(toks[k])
      if roles[lt] or beats[lt] or (cut and role_mods[lt]) or (joiners and cut and (lt == "of" or lt == "and" or lt == "&")) then
        if roles[lt] and not outlet_words[lt] and not WEAK_ROLE[lt] then job = true end
        cut = k
      else
        break
      end
    end
    return cut, job
  end

  -- cut an outlet name before its trailing role ("CNN Political Reporter" -> "CNN",
  -- "Coastwire Wire Staff" -> "Coastwire"): the trailing run of role words goes when it
  -- holds a word naming a person's job (staff, reporter, editor...), so that "Nordic
  -- Wire" and "Associated Press" stay whole; nil when nothing is left
  -- a unit, desk or department closing capitalised words ("Athletic Communications",
  -- "County Communications Unit", "Press Office"; en/clean_meta_units.txt): the
  -- writers' unit, staff, never a person nor an outlet
  local function unit_piece(piece)
    local n, last = 0, nil
    local ts = text_fields(piece)
    for k = 1, #ts do local t = ts[k]
      n = n + 1
      if n > 5 or not (t:find("^%u") or JOINER_WORDS[t:lower()]) then return false end
      last = t
    end
    return last ~= nil and units[bare(last)] == true
  end

  --- Is the line a unit of an organisation, capitalised words closing on a word of
  -- en/clean_meta_units.txt ("Government Media Unit", "Press Office")? The writers'
  -- staff, no outlet.
  function R.unit_name(s) return unit_piece(s) end

  local function outlet_of(piece)
    piece = dp.text.trim(piece)
    local c = byte(piece, 1)
    if c == 116 or c == 97 then piece = rx_article:gsub(piece, "") end
    local toks = text_fields(piece)
    -- a desk of the newsroom ("Web Desk", "Digital Team", "Capitol Bureau"): staff,
    -- no outlet; nor is the word alone ("Posted by Newsroom")
    if #toks >= 1 and BYLINE_DESK[bare(toks[#toks])] then return nil end
    -- (nor a unit of an organisation, "Athletic Communications", "Press Office")
    if unit_piece(piece) then return nil end
    -- (nor a job written "MODIFIER of FIELD", "Head of Press", "Chief of Staff": the
    -- writer's role, en/clean_role_modifiers.txt and en/clean_roles.txt)
    if #toks >= 3 and toks[2] == "of" then
      local l1 = toks[1]:lower()
      if role_mods[l1] or (roles[l1] and not outlet_words[l1]) then return nil end
    end
    local cut, job = role_run(toks, 1)
    if not job then cut = #toks + 1 end
    -- a role word inside the name ("CNN Wire Staff Reporter" is cut above; "Reuters
    -- staff" too); otherwise the name stands as written
    local out = {}
    for k = 1, cut - 1 do out[#out + 1] = toks[k] end
    if #out == 0 or #out > 4 then return nil end
    local o = concat(out, " ")
    if not re.find(o, "^\\p{Lu}") or programmes[o:lower()] then return nil end
    -- (a unit before the job, "Broadcaster & Media Relations Manager": a role)
    if job and unit_piece(o) then return nil end
    -- (one word of a site's menu is a section, "Regions" of "Regions Correspondent")
    if #out == 1 and menu_words[o:lower()] then return nil end
    return o
  end

  -- a beat the lists lack before a job ("Dairy Editor", "Agriculture Correspondent"):
  -- capitalised words closing on a role word naming a job, and what is left before the
  -- role run reads as no outlet (no outlet word, no acronym): a role, never an outlet
  local function beat_role(piece)
    if find(piece, "&", 1, true) or find(piece, " and ", 1, true) then
      local toks = text_fields(piece)
      local cut, job = role_run(toks, 1)
      if job and coordinated_beats(toks, cut, beats, outlet_words) then return true end
    end
    local o = outlet_of(piece)
    if not o or o == dp.text.trim(piece) or R.outlet_like(o, true) then return false end
    return not re.find(piece, "(?<!\\S)(?!(?:of|the|and|for|&)\\s)\\p{Ll}")
  end

  local rx_handle = re.compile("\\s+@\\w+")
  local rx_clause = re.compile("(?<!\\S)\\p{Ll}\\S*\\s+\\p{Ll}\\S*\\s+\\p{Ll}\\S*\\s+\\p{Ll}\\S*")
  -- (a number's compound in lower case, "42-bed", "3-year-old", is a word of the clause)
  local rx_clause_num = re.compile("(?<!\\S)(?:\\d+-)?\\p{Ll}\\S*\\s+(?:\\d+-)?\\p{Ll}\\S*\\s+(?:\\d+-)?\\p{Ll}\\S*\\s+(?:\\d+-)?\\p{Ll}\\S*")
  -- (a number of one to three digits closing the line is a channel's, "WKHN Channel 4")
  -- (or a digit glued to a lower-case letter: a name run into its date, "NAME28 Nov 2026")
  local rx_names_end = re.compile("\\s(?:(?:" .. month_alt .. ")\\.?\\s+\\d|\\d(?!\\d{0,2}\\s*$)|(?:Updated|Published|Posted|Follow|Email|Twitter)\\b)|(?<=\\p{Ll})\\d", "i")
  -- (the credited name runs over no "and": "By A and B (video)" keeps A)
  local rx_picture_credit = re.compile("(?:,?\\s+(?:and|&)\\s+|,\\s*)?(?:(?!\\s(?:and|&)\\s)[^,()])*\\((?:photography|photographs|photos|pictures|video|graphics|illustrations?)\\)", "i")
  local rx_paren = re.compile("\\s*\\([^()]{0,40}\\)")
  -- a part of a byline crediting the pictures ("Words by NAME | Photos by NAME",
  -- "Pictures: NAME"): the photographer's, no author nor outlet
  local rx_credit_part = re.compile("^(?:photo(?:s|graphs?|graphy)?|pictures?|images?|video|graphics?|illustrations?)\\s*(?:by\\b|:)", "i")
  local rx_email = re.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+")
  -- (a slash with a space on one side only, "NAME/ Staff Writers", parts them too)
  local rx_parts = re.compile("\\s+[|•·/]\\s+|\\s*\\|\\s*|\\s+(?:—|–|--|-)\\s+|(?<=\\p{L})/\\s+(?=\\p{Lu})|(?<=\\p{L})\\s+/(?=\\p{Lu})")
  local rx_acronym = re.compile("^\\p{Lu}{2,6}$")
  -- the head of a bureau or a desk, "Quebec Bureau Chief", "Metro Desk Editor" (or in
  -- lower case after the place, "Paris bureau chief"): a job
  local rx_bureau_job = re.compile("^(?:\\p{Lu}[\\p{L}'’-]*\\s+){0,3}(?i:bureau|desk)\\s+(?i:chief|head|editor|manager)$")

  -- all-capitals names read as names: "BENEDIKT SAARINEN" -> "Benedikt Saarinen"
  -- (a Mc or Mac prefix written small in capitals, "CIARA McFETRIDGE", keeps it and
  -- raises the next letter: "Ciara McFetridge"; "MCDOWALL" gives "McDowall")
  local function titlecase(name)
    local mac = find(name, "Ma?c%u%u")
    local folded = mac and name:gsub("(Ma?c)(%u%u)", function(p, r) return p:upper() .. r end) or name
    if ucase.upper(folded) ~= folded or not re.find(folded, "\\p{Lu}\\p{Lu}") then
      -- (a given name before a surname in capitals, "Aya KOUASSI-BAMBA": the surname)
      if find(name, "%u%u") or find(name, "[\128-\255]") then
        local toks = text_fields(name)
        if caps_surname_name(toks, outlet_words) then
          for i = 2, #toks do toks[i] = ucase.title(toks[i]) end
          return concat(toks, " ")
        end
      end
      return name
    end
    local t = ucase.title(folded)
    if find(t, "Mc%l") then t = t:gsub("%f[%a]Mc(%l)", function(c) return "Mc" .. c:upper() end) end
    if mac and find(name, "Mac%u%u") then t = t:gsub("%f[%a]Mac(%l)", function(c) return "Mac" .. c:upper() end) end
    return t
  end

  --- Does the piece look like the name of a publication? An outlet word ("Wire",
  -- "Herald"), a single capitalised word ("Reuters") or an acronym ("CNN").
  -- @param strong when true, one capitalised word is not enough
  function R.outlet_like(piece, strong)
    piece = dp.text.trim(piece)
    -- (an article opens it: a t or an a, in either case)
    local c = byte(piece, 1)
    if c == 116 or c == 84 or c == 97 or c == 65 then piece = rx_article_any:gsub(piece, "") end
    if piece == "" or not rx_cap_or_digit:find(piece) then return false end
    local n, hit = 0, false
    local ts = text_fields(piece)
    -- (more than five words is no outlet: told before the words are looked at)
    if #ts > 5 then return false end
    for k = 1, #ts do local t = ts[k]
      n = n + 1
      local lt = bare(t)
      if outlet_words[lt] or rx_acronym:find(t) then hit = true end
    end
    if n > 5 then return false end
    -- (a link's or a button's label opening on a call, "Download PDF", "Subscribe Now":
    -- en/clean_meta_calls.txt, as in title_furniture: no outlet)
    if hit and n >= 2 and n <= 3 and call_verbs[(piece:match("^%a+") or ""):lower()] then return false end
    return hit or (n == 1 and not strong)
  end

  -- a beat word, in the list's number or the other ("Court" for "courts")
  -- (beats[lt .. "s"], or beats[lt without its final s] when lt is longer than three)
  local function beat(lt)
    return beats[lt] or beat_singular[lt] or (#lt > 3 and beat_plural[lt]) or false
  end

  -- how often the page writes the name, as whole words
  local function attested(text, name, caseless)
    local n = 0
    for _ in re.gmatch(text, "(?<![\\p{L}\\p{N}])" .. re.escape(name) .. "(?![\\p{L}\\p{N}])", nil, caseless and "i" or nil) do n = n + 1 end
    return n
  end

  -- small words that a name keeps in lower case inside it ("Hall of Science", "El
  -- Centinela del Valle")
  local JOINERS = { of = true, the = true, ["and"] = true, ["for"] = true, on = true, ["in"] = true,
    at = true, de = true, del = true, la = true, le = true, du = true, des = true, y = true,
    da = true, di = true, dos = true, das = true, von = true, van = true, upon = true }

  --- Is the outlet one word that the page also writes in lower case ("Festival" of a
  -- byline's "Festival press officer" on a page of "the festival's 38-year history"),
  -- and no word of en/clean_outlet_words.txt ("Post", "Times")? A common noun, never
  -- an outlet's name.
  function R.common_noun(o, text)
    -- (a word of en/clean_outlet_words.txt, "Post", "Times", is a short name's)
    if not find(o, "^%u%l+$") or outlet_words[o:lower()] then return false end
    return re.find(text, "(?<![\\p{L}\\p{N}])" .. ucase.lower(o) .. "(?![\\p{L}\\p{N}])") ~= nil
  end

  --- A masthead in capitals the page writes in no mixed case ("THE HARBOUR STAR"),
  -- title-cased when it reads as a publication's name: two words or more, opening on
  -- "THE" or holding a word of en/clean_outlet_words.txt. A word of three letters or
  -- fewer, or of four with no vowel, that is no outlet word, no small word and not
  -- written in lower case on the page stays in capitals, an acronym ("KPL NEWS" ->
  -- "KPL News", "RFC"; "THE VALE STAR" -> "The Vale Star"), and so does a word of two
  -- letters ("KVRN TV"); others come back unchanged (nil). (The stage applies it to a
  -- masthead line's name only, not to a byline's outlet in capitals.)
  -- @param text the page's text
  -- @param pub optional: true when a line under it names it a publication ("The member
  -- newsletter of ..."), evidence enough with no outlet word
  function R.caps_masthead(name, text, pub)
    if not find(name, "%u%u.*%s") or find(name, "%l") then return nil end
    local toks, named = {}, pub or find(name, "^THE%s") ~= nil
    for t in name:gmatch("%S+") do
      toks[#toks + 1] = t
      if outlet_words[t:lower()] then named = true end
    end
    if #toks < 2 or not named then return nil end
    for k, t in ipairs(toks) do
      local lt = ucase.lower(t)
      local word = outlet_words[lt] or JOINERS[lt] or #t > 4 or not t:find("^%a+$")
        or (#t == 4 and lt:find("[aeiouy]"))
        or re.find(text, "(?<![\\p{L}\\p{N}])" .. re.escape(lt) .. "(?![\\p{L}\\p{N}])")
        -- (or capitalised, "Oru" of "ORU VALE COUNTY NEWS" on a page of "Oru Vale")
        or (#t > 2 and re.find(text, "(?<![\\p{L}\\p{N}])" .. re.escape(ucase.title(t, "\\s'’-")) .. "(?![\\p{L}\\p{N}])"))
      -- (a word of two letters stays, "TV", "FM")
      toks[k] = word and #t > 2 and ucase.title(t, "\\s'’-") or t
      if k > 1 and JOINERS[lt] then toks[k] = lt end
    end
    return concat(toks, " ")
  end

  --- The casing of an outlet name title-cased from a masthead in capitals, when a small
  -- word inside it came out capitalised ("Wellbridge Hall Of Science"): the page's own
  -- mixed-case form of the name (a footer, a copyright line, the body), else the name
  -- with its inner small words in lower case; the page's spelling too when it differs
  -- only in an acronym of up to four letters ("Wheelers Cc" for "Wheelers CC") or in a
  -- token opening on digits ("Radio 96fm" for "Radio 96FM").
  -- Other names come back unchanged.
  -- @param text the page's text
  function R.outlet_case(name, text)
    local toks, hit = {}, false
    for t in name:gmatch("%S+") do
      toks[#toks + 1] = t
      if #toks > 1 and JOINERS[t:lower()] and t:find("^%u") then hit = true end
    end
    if not hit then
      -- (an acronym title-cased with it, "Fenwick Wheelers Cc": the page's spelling
      -- when it differs only there, "Fenwick Wheelers CC")
      -- (a word of two letters, "Cc", or of up to four and no vowel, "Rfc": no word;
      -- "Fox News" stays though the page also writes "FOX News")
      local acr = false
      for i = 2, #toks do
        local t = toks[i]
        if t:find("^%u%l+$") and (#t == 2 or (#t <= 4 and not t:lower():find("[aeiouy]"))) then acr = true end
        -- (a token of digits and letters in lower case, "96fm" of "96FM": a frequency's band)
        if #t <= 8 and t:find("^%d") and t:find("%l") then acr = true end
      end
      if not acr then return name end
      for m in re.gmatch(text, "(?<![\\p{L}\\p{N}])" .. re.escape(name) .. "(?![\\p{L}\\p{N}])", nil, "i") do
        if m ~= name and rx_lower:find(m) then
          local k, ok = 0, true
          for t in m:gmatch("%S+") do
            k = k + 1
            if t ~= toks[k] and not (#t <= 4 and t:find("^%u+$")) and not (t:find("^%d") and t:find("%u")) then ok = false; break end
          end
          if ok then return m end
        end
      end
      return name
    end
    for m in re.gmatch(text, "(?<![\\p{L}\\p{N}])" .. re.escape(name) .. "(?![\\p{L}\\p{N}])", nil, "i") do
      if m ~= name and rx_lower:find(m) and m:find("^%u") then return m end
    end
    for i = 2, #toks do
      if JOINERS[toks[i]:lower()] then toks[i] = toks[i]:lower() end
    end
    return concat(toks, " ")
  end

  --- The form of an outlet name the page attests: a name written once whose first
  -- words the page writes again on their own ("Tasman News Mid Coast", an edition line,
  -- under a "Tasman News" masthead, caption credits and a search box) is that shorter
  -- name, when it still reads as an outlet (an outlet word or an acronym).
  -- A line in capitals of several words and no outlet word ("THE CLAIM", "OUR
  -- RATING": a box's labels) names an outlet only when the page writes it again; nil.
  -- @param text the page's text
  -- @param line the line the name was read from
  function R.attested_outlet(name, text, line)
    if line and find(line, " ", 1, true) and not rx_lower:find(line) then
      local word = false
      for t in name:gmatch("%a+") do if outlet_words[t:lower()] then word = true end end
      if not word and attested(text, name, true) < 2 then return nil end
    end
    if not find(name, " ", 1, true) or attested(text, name) ~= 1 then return name end
    local toks = {}
    for t in name:gmatch("%S+") do toks[#toks + 1] = t end
    for k = #toks - 1, 1, -1 do
      local short = concat(toks, " ", 1, k)
      -- (not to one generic word of a site's menu, "News" of "News Flash": a section)
      if R.outlet_like(short, true) and attested(text, short) >= 2
        and not (k == 1 and menu_words[short:lower()]) then return short end
    end
    return name
  end

  --- A fuller form of a short outlet name ("Brackwater", the copyright holder of
  -- "© 2026 Brackwater Media Ltd."): the longest of the candidate names (masthead lines)
  -- that holds it as whole words and that the page writes at least twice ("The
  -- Brackwater Evening Post" as the masthead and in a footer note), or once when the
  -- name has two words or more; else the name.
  -- @param company true when the name was cut from a company's before a word of its
  -- form ("Meridian" of "© Meridian Media Group Ltd."): no town then, and a masthead
  -- holding it once is evidence enough
  function R.fuller_outlet(name, candidates, text, company)
    local best = name
    for _, c in ipairs(candidates) do
      -- (in any case: a masthead in capitals, "THE CEDAR COAST MAIL", holds a footer's
      -- "© Cedar Coast Media Ltd"; a holder of two words or more held whole by the
      -- masthead is evidence enough, one word, a town's name as often, is not)
      if #c > #best and re.find(c, "(?<![\\p{L}\\p{N}])" .. re.escape(name) .. "(?![\\p{L}\\p{N}])", nil, "i")
        and attested(text, c, true) >= ((company or find(name, " ", 1, true)) and 1 or 2) then best = c end
    end
    return best
  end

  --- Is the line only a name of capitalised words, with joiners ("Harrow County
  -- Elections", "Friends of the Quay"): no digit, comma or other mark, and in mixed
  -- case (a line in capitals is read, and written in title case, as an outlet's line)?
  local rx_name_words = re.compile("^\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|&|of|the|and|for|on))*$")
  function R.name_words(s)
    return #s <= 80 and find(s, "%l") ~= nil and not find(s, "%d") and rx_name_words:find(s) ~= nil
  end

  --- The name an acronym outlet stands for ("VCF" -> "Veldonian Chess Federation"):
  -- capitalised words whose initials spell the acronym (joiners "of", "the", "and",
  -- "for", "&" between them skipped), written at the start of one of the given lines
  -- (the page's masthead, menu or footer lines, not its body), or after "the" inside one
  -- ("Get the Regional Business Review briefing"); else the acronym.
  -- @param lines texts of the page's lines outside the body
  local acr_rx = {}
  function R.acronym_expansion(acr, lines)
    if not rx_acronym:find(acr) or #acr < 2 then return acr end
    -- (the patterns of each acronym compiled once: a site's pages share their logo)
    local rxs = acr_rx[acr]
    if not rxs then
      local parts = {}
      for c in acr:gmatch(".") do parts[#parts + 1] = re.escape(c) .. "[\\p{Ll}\\p{M}'’-]+" end
      local words = "(" .. concat(parts, "\\s+(?:(?:of|the|and|for|&)\\s+)?") .. ")(?![\\p{L}\\p{N}])"
      rxs = { re.compile("^(?:The\\s+)?" .. words), re.compile("(?<![\\p{L}\\p{N}])(?i:the)\\s+" .. words) }
      acr_rx[acr] = rxs
    end
    for _, l in ipairs(lines) do
      local a, _, full = rxs[1]:find(l)
      if a then return full end
    end
    -- (or after "the" inside such a line, the publication named in its own notice: "Get
    -- the Regional Business Review briefing in your inbox"; cheap test first: the
    -- acronym's first letter after "the ")
    local needle = "he " .. acr:sub(1, 1)
    for _, l in ipairs(lines) do
      if find(l, needle, 1, true) then
        local a, _, full = rxs[2]:find(l)
        if a then return full end
      end
    end
    return acr
  end

  --- Is the line only a role ("Staff Writer", "Transport Correspondent", "Senior
  -- Business Editor")? Role words, beat words (en/clean_role_beats.txt, singular or
  -- plural) and "of", "the", "and", with at least one word naming a job (not
  -- "Associated Press", "Nordic Wire"). A line of its own (not strict) may also open
  -- with one capitalised word of no list before its job words ("Gardening Columnist",
  -- "Motoring Editor": a desk the list lacks), when that word is no acronym or outlet
  -- word and the line ends on the job word; a name has two such words.
  -- A line of such roles set apart by bars, middle dots or commas ("Senior Reporter |
  -- Managing Editor", "Energy Correspondent, Deputy Editor": the roles of a byline of
  -- several names above it) is a role line too, every piece a role.
  -- @param strict when true (a piece of a byline), every word must be in the lists
  local rx_role_sep = re.compile("\\s*[|·•,]\\s*")
  local role_line
  -- a credit programme's name opening a role ("Local Journalism Initiative Reporter",
  -- "Report for America corps member"): the words after it, else nil (the programme
  -- names whose first word opens the line are tried; en/clean_meta_programmes.txt)
  local function after_programme(s)
    if not prog_first_byte[byte(s, 1)] then return nil end
    local first = s:match("^%a+")
    local cands = first and prog_first[first]
    if not cands then return nil end
    local ls = s:lower()
    for _, p in ipairs(cands) do
      if ls:sub(1, #p) == p and ls:sub(#p + 1, #p + 1):find("^[%s]") then return dp.text.trim(s:sub(#p + 1)) end
    end
    return nil
  end
  function R.is_role_line(s, strict)
    -- (a programme's name and a job: the person's role, never a second author)
    local rest = after_programme(s)
    if rest then return rest ~= "" and role_line(rest, true) end
    -- (the four separators looked for by one C call: four plain finds cost three calls more)
    if has_any(s, "|", ",", "·", "•") then
      local pieces = rx_role_sep:split(s)
      local n = 0
      for _, p in ipairs(pieces) do
        if p ~= "" then
          if not role_line(p, strict) then return false end
          n = n + 1
        end
      end
      return n >= 1 and n <= 4
    end
    if role_line(s, strict) then return true end
    -- (a club's or a body's office, "Club Secretary", "Society Treasurer": R.job_title)
    -- (both need two words: a line without a space, a menu's "Search", is none)
    if strict or not find(s, " ", 1, true) then return false end
    return R.job_title(s) or R.body_office(s)
  end
  --- Is the line of its own a role opened by the outlet's short name ("Journal Staff
  -- Reporter", "Gazette Correspondent": an outlet word of en/clean_outlet_words.txt and
  -- job words)? Under a name of its own it says the name is the writer's (the outlet
  -- comes from the masthead); alone, such a line still names the outlet (is_role_line
  -- is false for it).
  function R.outlet_role_line(s)
    -- (cheap test first: the first word is an outlet word)
    local w = s:match("^%u%l+")
    return w ~= nil and outlet_words[lower(w)] == true and not find(s, "[|,·•]") and role_line(s, false, true)
  end
  function role_line(s, strict, outlet_ok)
    local n, role, unknown, linking = 0, false, 0, false
    local last_job, prev_role = false, false
    local ts = text_fields(s)
    for k = 1, #ts do local t = ts[k]
      local lt = bare(t)
      last_job = false
      local was_role = prev_role
      prev_role = false
      if roles[lt] then
        prev_role = true
        if not WEAK_ROLE[lt] and not outlet_words[lt] then role = true; last_job = true
        elseif lt == "chief" and was_role then
          -- (a job of weak words, the chief of a desk: "Bureau Chief", "Desk Chief")
          role = true; last_job = true
        end
      elseif beat(lt) then
        -- a desk word
        prev_role = true
      elseif lt == "the" or lt == "of" or lt == "and" or lt == "&" or lt == "by" or lt == "for" then
        linking = true
      else
        -- (an outlet's short name may open it when asked: "Journal Staff Reporter")
        if strict or n > 0 or (outlet_words[lt] and not outlet_ok)
          or not (rx_title_word:find(t) or (outlet_ok and rx_title_pair:find(t))) then return false end
        unknown = 1
      end
      n = n + 1
    end
    -- (an unlisted word opens a bare desk-and-job run: not "Ask the Editor", "Dear Editor,")
    if unknown > 0 and (not last_job or linking or n > 3 or s:find("[%p]$")) then return false end
    return role and n <= 5
  end

  -- "Dr Ifeoma Castellanos-Baird" -> "Ifeoma Castellanos-Baird" (a title before a name)
  local function unhonor(piece)
    local w, rest = piece:match("^(%S+)%s+(.+)$")
    if w and honorifics[w:lower():gsub("%.$", "")] and R.is_person(rest) then return rest end
    return piece
  end
  -- does the piece hold a place word ("New York" is no second author)?
  local function places_in(piece)
    for t in piece:gmatch("%S+") do if places[t:lower()] then return true end end
    return false
  end

  -- "By Court Review Staff", "By Valley Ledger staff": the staff of a publication, no
  -- person, when the role run is the one word "staff" (or "staffer") and the words
  -- before it read as an outlet (an outlet word or an acronym, R.outlet_like strong)
  local function staff_of(name, toks, cut)
    if cut ~= #toks then return false end
    local lt = lower(toks[cut])
    return (lt == "staff" or lt == "staffer") and R.outlet_like(name, true)
  end
  -- a name that runs into its role with no separator ("Eleanor Vasquez-Hale Rural
  -- affairs correspondent", "Tomas Reyes Senior Editor"): the trailing run of role and
  -- beat words (en/clean_roles.txt, en/clean_role_beats.txt) holds a word naming a job
  -- and the words before it are a person's name; the name, else nil
  local function name_before_role(piece)
    -- (cheap test first: the last word names a job)
    -- (the last word found from the end, as the pattern is anchored: an unanchored
    -- "%a+[.,;:]*$" is tried at every position, and backtracks in every word)
    local last = piece:match("^.*%f[%a](%a+[.,;:]*)$")
    if not last then return nil end
    last = last:lower()
    if not roles[last] and not roles[last:match("^%a+")] then return nil end
    local toks = text_fields(piece)
    if #toks < 3 or #toks > 9 then return nil end
    local cut, job = role_run(toks, 2, true)
    if not cut or not job or cut < 3 then return nil end
    -- a role in sentence case ("Coastal affairs reporter"): the capitalised word just
    -- before its first lower-case word opens it (a name's words are all capitalised)
    if cut >= 4 and toks[cut]:find("^%l") and toks[cut - 1]:find("^%u%l") then cut = cut - 1 end
    local name = concat(toks, " ", 1, cut - 1)
    if R.is_person(name) and not staff_of(name, toks, cut) then return name end
    return nil
  end

  -- a name that runs into its outlet with no separator ("Kevin Okafor HARBOUR TIMES",
  -- "Mina Sato The Daily Ledger"): a person's name of two to four words, then a run that
  -- reads as an outlet (an outlet word or an acronym: R.outlet_like, strong), in capitals
  -- under a name in mixed case, or "The" and an outlet's name after a name of two words;
  -- @return name, outlet or nil
  local function name_before_outlet(piece)
    local toks = text_fields(piece)
    if #toks < 3 or #toks > 9 then return nil end
    for cut = 2, math.min(4, #toks - 1) do
      local name, tail = concat(toks, " ", 1, cut), concat(toks, " ", cut + 1)
      -- (a tail in capitals under a name in mixed case; or "The" and capitalised words
      -- closed by an outlet word after a name of two words: not a headline in title
      -- case, "Jane Ortiz Joins The Daily Post")
      local caps = tail:upper() == tail and name:upper() ~= name
      local the = not caps and cut == 2 and find(tail, "^The ") and outlet_words[(tail:match("(%a+)$") or ""):lower()]
        and not re.find(tail, "(?<!\\S)(?!(?:of|the|and|for|on|in|de|la|du|y)\\s)\\p{Ll}")
      if (caps or the) and R.outlet_like(tail, true) and R.is_person(name) and not places_in(tail) then
        return name, tail
      end
    end
    return nil
  end

  -- a name in capitals running into the outlet's short name and a role, no separator
  -- between them ("JOLENE VANDERHOEK Ledger Staff Writer"): two to four words in
  -- capitals, one to three capitalised words in mixed case, then a run of role words
  -- naming a job (role_run) closing the piece; the name (title case) and the outlet's
  -- name, when the one reads as a person's and the other as an outlet; else nil
  function R.caps_name_outlet_role(piece)
    local toks = text_fields(piece)
    if #toks < 4 or #toks > 9 then return nil end
    local cut, job = role_run(toks, 2, true)
    if not (cut and job) then return nil end
    local k = 1
    while k < cut and find(toks[k], "^%u[%u'’.-]+$") do k = k + 1 end
    if k < 3 or k > 5 or k >= cut or cut - k > 3 then return nil end
    for j = k, cut - 1 do if not find(toks[j], "^%u%l") then return nil end end
    local name, outlet = titlecase(concat(toks, " ", 1, k - 1)), concat(toks, " ", k, cut - 1)
    if R.is_person(name) and R.outlet_like(outlet, true) and not places_in(outlet) then return name, outlet end
    return nil
  end

  -- the last comma piece of a byline naming an outlet with "&" in it ("Reef & Rock
  -- Mining Weekly", "Town & Country Courier"): capitalised words on both sides of the
  -- "&", no "and", an outlet word (en/clean_outlet_words.txt, R.outlet_like strong),
  -- and no role or unit ("Food & Drink Editor"); the name without "The", else nil
  local rx_amp_name = re.compile("^(?:The\\s+)?\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|of|the|on))*\\s+&\\s+\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|of|the|on))*$")
  -- "President & CEO", "Editor and Publisher", "Owner/Chef": two or three jobs joined by
  -- "&", "and" or "/", each a role line (en/clean_roles.txt), a job noun of
  -- en/role_nouns.txt (or the same in capitals, "CEO"), an office ("Board Chair") or a
  -- job phrase; a job, never an outlet nor a person (cheap test first: a joiner); or
  -- one job noun in capitals alone ("NAME, CEO", not an acronym outlet's)
  local rx_job_joiner = re.compile("\\s*(?:&|/|\\s(?i:and)\\s)\\s*")
  local function joined_jobs(piece)
    if #piece > 60 then return false end
    -- (or one job noun in capitals alone, "NAME, CEO")
    if not (find(piece, "&", 1, true) or find(piece, "/", 1, true) or find(piece, " and ", 1, true)) then
      piece = dp.text.trim(piece)
      return find(piece, "^%u%u+$") ~= nil and job_phrase(piece:lower())
    end
    local parts = rx_job_joiner:split(dp.text.trim(piece))
    if #parts < 2 or #parts > 3 then return false end
    for _, part in ipairs(parts) do
      if part == "" then return false end
      local one = not find(part, " ", 1, true)
      if not (R.is_role_line(part, true) or job_phrase(part) or R.job_title(part)
        or (one and (R.job_word(part) or (find(part, "^%u%u+$") and job_phrase(part:lower()))))) then return false end
    end
    return true
  end
  -- "Learning and Engagement Officer", "Health & Safety Manager": a job whose beat
  -- joins two fields by "and" or "&", capitalised words closing on a job noun
  -- (R.job_word), neither side a person's name; never an outlet nor a second author
  -- (cheap test first: the last word is a job noun)
  function R.compound_job(piece)
    piece = dp.text.trim(piece)
    local last = #piece <= 60 and piece:match("%s(%a+)$")
    if not (last and R.job_word(last)) then return false end
    local parts = rx_job_joiner:split(piece)
    if #parts ~= 2 or find(parts[1], "/", 1, true) then return false end
    local beat = parts[2]:sub(1, #parts[2] - #last - 1)
    for _, part in ipairs { parts[1], beat } do
      if not re.find(part, "^\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+)?$") or R.is_person(part) then return false end
    end
    return true
  end
  --- A job title broken after a byline's last comma piece ("NAME, Learning and
  -- Engagement" and "Officer", on the next line or after a slash): when the piece and
  -- the words after it (a lone job noun or a role) read as one job (R.compound_job,
  -- a role line, R.job_title), the byline without that piece, else nil
  function R.job_tail(s, after)
    after = dp.text.trim(after)
    if after == "" or #after > 40 or not find(s, ",", 1, true) then return nil end
    if not (find(after, " ", 1, true) and R.is_role_line(after, true) or R.job_word(after)) then return nil end
    local head = s:match(",%s*([^,]+)$")
    if not head then return nil end
    local job = dp.text.trim(head) .. " " .. after
    if not (R.compound_job(job) or R.is_role_line(job, true) or R.job_title(job)) then return nil end
    return dp.text.trim((s:sub(1, #s - #head):gsub(",%s*$", "")))
  end
  local function amp_outlet(piece)
    piece = dp.text.trim(piece)
    if not rx_amp_name:find(piece) or not R.outlet_like(piece, true) then return nil end
    if R.is_role_line(piece, true) or unit_piece(piece) or job_phrase(piece) or beat_role(piece) then return nil end
    return (re.gsub(piece, "^The\\s+", ""))
  end

  -- names (and perhaps a role and an outlet) after the opener, or on a line of their own
  -- (a place of up to four words, its inner particles in lower case: "San Isidro del Valle")
  local rx_filed_in = re.compile("\\s+(?:in|at)\\s+\\p{Lu}[\\p{L}.'’-]*(?:\\s+(?:(?:de|del|de la|la|el|do|da|dos|das|di|du|of|upon|on)\\s+)?\\p{Lu}[\\p{L}.'’-]*){0,3}$")
  local rx_weekday_tail = re.compile("[\\s,]+" .. weekday_alt .. "\\.?,?\\s*$", "i")
  -- (the parts of a byline, rx_parts: a bar, a slash, a hyphen, a middle dot or a dash)
  local function parse_names(rest, dates, strict)
    -- (the steps below cut text out of rest or put a space in: a byte the line lacks,
    -- by its shape, no later form of it holds)
    local _, _, _, _, held = text_shape(rest)
    if dates then
      local r = dates:find(rest)
      if r then
        local first = math.huge
        for _, sp in ipairs(r.spans) do if sp[1] < first then first = sp[1] end end
        -- (and the word that led into the date, with its weekday: "Posted by NAME on
        -- 11/28/2026", "Posted by NAME on Tuesday, 9 September 2025")
        rest = rest:sub(1, first - 1)
        if re.find(rest, "day|\\son\\s", nil, "i") then rest = rx_weekday_tail:gsub(rest, "") end
        rest = re.gsub(rest, "\\s+(?:at|on)\\s*$", "")
      end
    end
    if held & SHAPE.at ~= 0 then
      rest = rx_email:gsub(rest, " ")
      rest = rx_handle:gsub(rest, "")
    end
    -- the names end where a date, a number or a widget word starts ("By Tamsin Orrell
    -- Nov. 28 at 3:57 PM Follow", "by Tamsin Orrell28 Nov 2026412"); a person credited
    -- for pictures is no author, and a role in parentheses goes ("Ysolde Marrack
    -- (reporting) and Kit Penrose (photography)")
    local cut = rx_names_end:find(rest)
    -- (a line of bare names ends in names, a date or a widget: a clause after the cut,
    -- four words in lower case, is a headline's, "Arvo Pulse 3 review: budget earbuds
    -- that punch above their price")
    if cut and strict and (rx_clause:find(rest, cut) or (find(rest, "%d%-%l", cut) and rx_clause_num:find(rest, cut))) then return {}, nil, false, true, false end
    if cut then
      -- (and the word that led into the time: "Posted by NAME at 2:05 PM")
      rest = re.gsub(rest:sub(1, cut - 1), "\\s+(?:at|on)\\s*$", "")
    end
    -- "By Matthias Grell in Lisbon", "By NAME at Ballinmore": the place the byline was
    -- filed from, or the venue reported at, goes (capitalised words after "in" or "at"
    -- closing the line)
    -- (a separator left before a cut time goes first: "By NAME in Place · 3 hours ago")
    if rest:find(" in ", 1, true) or rest:find(" at ", 1, true) then
      rest = rx_filed_in:gsub(cut_sep_end(rest), "")
    end
    if held & SHAPE.paren ~= 0 then
      rest = rx_picture_credit:gsub(rest, "")
      rest = rx_paren:gsub(rest, "")
    end
    -- (and a separator left closing the line: "NAME · Outlet ·", "NAME - Reporter /")
    rest = cut_sep_end(rest)
    local authors, outlet = {}, nil
    local staff, other, weak = false, false, false
    local barred = {}
    -- "Special to the Gazette": a freelance byline, the outlet after "to"
    -- (opening the line or after a comma: an s, S or the long s, U+017F, first)
    local c1 = byte(rest, 1)
    if c1 == 115 or c1 == 83 or c1 == 0xC5 or held & SHAPE.comma ~= 0 then
      rest = rx_special_to:gsub(rest, "$1")
    end
    -- "Posted by the Office of Communications and Public Affairs": an office is the
    -- staff, no person (R.org_title)
    if find(rest, " of ", 1, true) and R.org_title(re.gsub(rest, "^(?i:the)\\s+", "")) then return {}, nil, true, false, false end
    -- "A | Outlet", "A | Staff Writer": the parts after the first are outlet or role
    local parts = held & PARTS_BITS ~= 0 and rx_parts:split(rest) or { rest }
    rest = parts[1] or ""
    -- a job title broken by a slash, "NAME, Learning and Engagement / Officer": the
    -- comma piece before it and the lone job noun after it are one job (R.job_tail)
    if parts[2] and held & SHAPE.comma ~= 0 then
      local head = R.job_tail(rest, parts[2])
      if head then rest, staff = head, true end
    end
    for k = 2, #parts do
      local piece = dp.text.trim(parts[k])
      if piece ~= "" and not rx_credit_part:find(piece) then
        -- (an office after a middle dot or a bar, "Parish Clerk", "Quebec Bureau Chief",
        -- is the writer's job: no second author, no outlet)
        -- (and a role with its beat after a comma, "Senior editor, tourism")
        if R.is_role_line(piece, true) or beat_role(piece) or R.job_title(piece) or rx_bureau_job:find(piece)
          or (not find(piece, " ", 1, true) and R.job_word(piece))
          or (find(piece, ",", 1, true) and R.is_role_line(dp.text.trim(piece:match("^[^,]*")), true)) then staff = true
        elseif not outlet and R.outlet_like(piece, true) then outlet = outlet_of(piece)
        elseif not outlet and R.outlet_like(piece) then
          -- one capitalised word and no outlet word ("Written by NAME | Kestrapur |
          -- Updated ..."): a place as often as an outlet, so weak ("bar": the stage also
          -- takes it when the body never names it, as a story names its own city)
          outlet, weak = outlet_of(piece), "bar"
        elseif R.is_person(unhonor(piece)) and not places_in(piece) then
          -- "Katrin Vogelsang | Malte Reuter": names set apart by a bar
          barred[#barred + 1] = titlecase(unhonor(piece))
        elseif not outlet and outlet_of(piece) and not R.is_person(piece) then
          outlet = outlet_of(piece)
          -- (a place before a role in lower case, "Auch correspondent", "Paris bureau
          -- chief": the writer's post, weak as after a comma unless the rest reads as
          -- an outlet)
          if outlet ~= piece and not R.outlet_like(outlet, true) then weak = true end
        else other = true end
      end
    end
    -- "A, B and C, Outlet": the last comma piece without "and" names the outlet when it
    -- reads as one (an outlet word, one word, an acronym) or is no person's name
    local pieces = held & SHAPE.comma ~= 0 and rx_comma_sep:split(rest) or { rest }
    -- (two or three jobs joined by "&", "and" or "/" after the last comma, "NAME,
    -- President & CEO": the writer's jobs, never an outlet: joined_jobs)
    if #pieces >= 2 and joined_jobs(pieces[#pieces]) then
      staff = true
      table.remove(pieces)
      rest = table.concat(pieces, ", ")
    end
    -- (a job whose beat joins two fields, "NAME, Learning and Engagement Officer":
    -- R.compound_job)
    if #pieces >= 2 and R.compound_job(pieces[#pieces]) then
      staff = true
      table.remove(pieces)
      rest = table.concat(pieces, ", ")
    end
    -- (an outlet's name holding "&" after the last comma, "A and B, Reef & Rock Mining
    -- Weekly": amp_outlet)
    if #pieces >= 2 and find(pieces[#pieces], "&", 1, true) and amp_outlet(pieces[#pieces]) then
      outlet = outlet or amp_outlet(pieces[#pieces])
      table.remove(pieces)
      rest = table.concat(pieces, ", ")
    end
    if #pieces >= 2 and not re.find(pieces[#pieces], "\\s(?:and|&)\\s", nil, "i") then
      local last = dp.text.trim(pieces[#pieces])
      -- (or an office of a body, "NAME, Fair Board Secretary": R.job_title, R.body_office)
      -- (or one word naming one person's job, "NAME, Secretary": R.job_word)
      if R.is_role_line(last, true) or unit_piece(last) or job_phrase(last) or R.job_title(last) or R.body_office(last)
        or (not find(last, " ", 1, true) and R.job_word(last)) or unit_of_body(last, units)
        or ((find(last, "ureau", 1, true) or find(last, "esk", 1, true)) and rx_bureau_job:find(last)) then
        staff = true
        table.remove(pieces)
      elseif R.outlet_like(last) or not R.is_person(last) then
        local o = outlet_of(last)
        if o then
          -- "Coastwire Political Reporter" names an outlet; "Maritime Correspondent"
          -- may not: an outlet cut from before a role word is weak unless it reads as one
          if not outlet and o ~= dp.text.trim(last) and not R.outlet_like(o, true) then weak = true
          elseif not outlet and not R.outlet_like(o, true) and not o:find("%s") then
            -- one capitalised word and no outlet word ("By NAME, Kadari"): the town the
            -- story was filed from as often as an outlet, so weak as between bars
            weak = "bar"
          end
          outlet = outlet or o
          table.remove(pieces)
        end
      end
      rest = table.concat(pieces, ", ")
    end
    for _, piece in ipairs(split_names(rest)) do
      -- (a second writer's own opener after a semicolon: "Reported by A; Written by B")
      piece = rx_writer_open:gsub(unhonor(dp.text.trim(piece)), "")
      local person = piece ~= "" and name_before_role(piece)
      if person then
        -- "Eleanor Vasquez-Hale Rural affairs correspondent": a name running into its role
        authors[#authors + 1] = titlecase(person)
        staff = true
      elseif piece ~= "" then
        local pn, po
        if not outlet and (find(piece, "%u%u") or find(piece, " The ", 1, true)) and (not R.is_person(piece) or find(piece, " The ", 1, true)) then
          pn, po = name_before_outlet(piece)
        end
        -- "JOLENE VANDERHOEK Ledger Staff Writer": the person, the outlet, a role
        if not pn and not outlet and find(piece, "%u%u") then
          pn, po = R.caps_name_outlet_role(piece)
          if pn then staff = true end
        end
        if pn then
          -- "Kevin Okafor HARBOUR TIMES": the person, then the outlet
          authors[#authors + 1] = titlecase(pn)
          outlet = po
        elseif DESK[lower(last_letters(piece) or "")] then
          -- "Bulletin Newsdesk": a desk (en/clean_meta_desk_words.txt), no person
          staff = true
        elseif R.is_person(piece) and not (strict and R.outlet_like(piece)) then
          authors[#authors + 1] = titlecase(piece)
        else
          local role = unit_piece(piece)
          if role then staff = true end
          local ts = text_fields(piece)
          for k = 1, #ts do if roles[lower(ts[k])] then staff = true; role = true end end
          if not outlet then outlet = outlet_of(piece) end
          if not role and not (outlet and R.outlet_like(piece)) then other = true end
        end
      end
    end
    for _, a in ipairs(barred) do authors[#authors + 1] = a end
    return authors, outlet, staff, other, weak
  end

  -- (", a senior reporter covering ...", ", the paper's ...", or a full stop before a
  -- capital after a word of two letters or more: not the initial of "Mary J. Blige")
  local rx_bio_tail = re.compile(",\\s+(?:a|an|the|who|whose|is)\\s+\\p{Ll}|(?<=\\p{Ll}\\p{Ll})\\.\\s+\\p{Lu}")

  --- Is the name a desk or team of the newsroom ("Web Desk", "Sports Desk", "Digital
  -- Team")? Never an outlet: the masthead names the publication.
  function R.is_desk(s)
    local last = s:match("(%a+)[.,;:]*%s*$")
    return s:find("%S%s+%S") ~= nil and last ~= nil and DESK[last:lower()] == true
  end

  --- Is the line a desk byline of its own, naming no person: two to five capitalised
  -- words closing on a desk word ("Harbour Post Bureau", "Metro Desk", "Digital
  -- Team")? The header's staff line, no headline.
  function R.desk_line(s)
    local last = s:match("(%a+)%s*$")
    if not (last and BYLINE_DESK[last:lower()] and find(s, "^%u")) then return false end
    local n = 0
    for t in s:gmatch("%S+") do
      n = n + 1
      if n > 5 or not (t:find("^%u") or JOINER_WORDS[t:lower()]) then return false end
    end
    return n >= 2
  end

  --- Does the line run on past its names into a description or a sentence (", a
  -- senior reporter covering ...")?
  function R.bio_tail(s) return rx_bio_tail:find(s) ~= nil end

  --- Parse a byline. @return {authors = {...}, outlet = string|nil} or nil
  -- @param dates optional dates parser: a date on the line is cut off first
  local name_bar_time
  function R.byline(s, dates)
    if #s > 200 then return nil end
    local rest = initials[byte(s, 1) or 0] and rx_byline:match(s)
    if not rest then return dates and find(s, "|", 1, true) and name_bar_time(s, dates) or nil end
    -- "By NAME, a senior reporter covering ... . Her work has ...": the byline runs into
    -- a sentence about its author; the names end at the description or the sentence end
    local a = rx_bio_tail:find(rest)
    if a then rest = rest:sub(1, a - 1) end
    -- "Text: NAME Photo: NAME": a picture's credit after the names parts the line as
    -- a bar does (round 29)
    if find(rest, ": ", 1, true) then rest = rx_credit_after:gsub(rest, " | ") end
    -- "By By NAME", "By NAME and By NAME": an opener written twice is no name (a
    -- template's slip); "By By By" is a byline naming no one, as a staff byline
    if find(rest, "^[Bb][Yy]") then
      while find(rest, "^[Bb][Yy]:?%s") do rest = rest:gsub("^[Bb][Yy]:?%s+", "", 1) end
      if find(rest, "^[Bb][Yy]:?$") then return { authors = {}, staff = true } end
    end
    if find(rest, " By ", 1, true) then rest = rest:gsub("(%s[Aa][Nn][Dd]%s+)By%s+", "%1"):gsub("([,&]%s*)By%s+", "%1") end
    local authors, outlet, staff, _, weak = parse_names(rest, dates, false)
    if #authors == 0 and not staff then return nil end
    return { authors = authors, outlet = outlet, staff = staff or nil, outlet_weak = weak or nil }
  end

  --- A byline written in lower case ("by lucinda ferreira-holt"): its shape only
  -- (lower_byline_text); the caller tells where it stands (under the headline).
  -- @return as R.byline, the names title-cased, or nil
  function R.lower_byline(s, dates)
    local t = lower_byline_text(s, english)
    return t and R.byline(t, dates) or nil
  end

  local rx_label_open = re.compile("^\\p{L}[\\p{L} ]{1,30}:\\s")
  --- A byline without an opener: people's names, perhaps a role and an outlet, and
  -- nothing else ("Iona MacLarnon and Sefton Achebe-Ward", "A and B, Outlet").
  -- Stricter than R.byline: every piece must be a name, a role or an outlet.
  -- @return {authors, outlet} or nil
  -- @param role_below when true, the line stands over a role line ("MARCUS VELLA" /
  -- "Sports Editor"): the role is the evidence that a name in capitals is a person,
  -- so its short words are not read as an outlet's acronyms
  function R.name_line(s, dates, role_below)
    -- (the last byte: an end-anchored pattern is tried at every position)
    local z = s:byte(-1)
    if #s > 160 or z == 46 or z == 33 or z == 63 or z == 58 or z == 59 then return nil end
    -- (a label opening the line, "Media Contact: NAME, Role, phone", is a field: a label
    -- byline, "Reporter: NAME", has its opener in en/clean_byline.txt)
    if find(s, ":", 1, true) and rx_label_open:find(s) then return nil end
    local authors, outlet, _, other, weak = parse_names(s, dates, not role_below)
    if other or #authors == 0 then return nil end
    return { authors = authors, outlet = outlet, outlet_weak = weak or nil }
  end

  -- "Marlowe Quinn | Updated Nov. 28, 2026 at 3:05 p.m. CST": names with no opener
  -- sharing their line with a timestamp after a bar (the timestamp is the evidence that
  -- the names are a byline)
  -- "6 July 2025 | Fiona Greaves & Tom Ashburn | Club News, Racing": a meta bar, the
  -- date, the names, then perhaps the sections (short parts holding no digit)
  local function date_bar_names(s, dates, a, b)
    local c, d = find(s, "%s*|%s*", b + 1)
    local names = dp.text.trim(s:sub(b + 1, (c or 0) - 1))
    if names == "" or not dates:is_timestamp(s:sub(1, a - 1)) then return nil end
    if c then
      for part in (s:sub(d + 1) .. "|"):gmatch("([^|]*)|") do
        if find(part, "%d") or #part > 60 then return nil end
      end
    end
    local nl = R.name_line(names)
    if not nl or nl.outlet then return nil end
    return { authors = nl.authors }
  end
  function name_bar_time(s, dates)
    local a, b = find(s, "%s*|%s*")
    local left, right = s:sub(1, a - 1), s:sub(b + 1)
    if left == "" then return nil end
    if find(left, "%d%d%d%d") then return date_bar_names(s, dates, a, b) end
    if not dates:is_timestamp(right) then return nil end
    local nl = R.name_line(left)
    if not nl then return nil end
    return { authors = nl.authors, outlet = nl.outlet, outlet_weak = nl.outlet_weak }
  end

  --- A sign-off closing the article: a dash, a person's name, a comma and a role
  -- ("— Colm Fairweather, Ledger correspondent", "– NAME, Rural Affairs Reporter"): the
  -- role (a word of en/clean_roles.txt naming a job) is the evidence that the name is
  -- the writer's, not a quoted speaker's. @return {authors = {name}} or nil
  local rx_signoff = re.compile("^(?:—|–|--|-)\\s*(\\p{Lu}[^,]{2,60}),\\s*([^,]{3,60})$")
  function R.signoff(s)
    if #s > 130 then return nil end
    local name, role = rx_signoff:match(s)
    if not name or not R.is_person(name) then return nil end
    local toks = {}
    for t in role:gmatch("%S+") do toks[#toks + 1] = t end
    local cut, job = role_run(toks, 1, true)
    if not job or role:find("[.!?]$") then return nil end
    return { authors = { titlecase(name) } }
  end

  local rx_possessive = re.compile("^(?:\\p{Lu}[\\p{L}\\p{N}.&-]*\\s+){0,3}?\\p{Lu}[\\p{L}\\p{N}.&-]*(?:['’]s|s['’])\\s+")
  local rx_place_tail = re.compile("\\s+(?:in|from|at)\\s+\\p{Lu}.*$")

  local function clean_name(piece)
    piece = dp.text.trim(piece)
    if NAME_OPENER_FIRST[byte(piece, 1)] then piece = rx_name_opener:gsub(piece, "") end
    -- (the place needs "in", "from" or "at")
    if find(piece, "in", 1, true) or find(piece, "at", 1, true) or find(piece, "from", 1, true) then
      piece = rx_place_tail:gsub(piece, "")
    end
    -- "CNN's Jethro Mullen", "Fox News' Jessica Napoli": drop the possessive outlet when a
    -- name follows
    local a, b = rx_possessive:find(piece)
    if a and R.is_person(piece:sub(b + 1)) then piece = piece:sub(b + 1) end
    -- a description before the name: "Gazette reporter Noor Havili-Brandt"
    do
      local toks = text_fields(piece)
      for k = #toks - 1, 1, -1 do
        if roles[toks[k]:lower()] then
          local restn = table.concat(toks, " ", k + 1)
          if R.is_person(restn) then piece = restn end
          break
        end
      end
    end
    -- leading role words: "journalist Miguel Salay", "producer X"
    while true do
      local w, rest = piece:match("^(%S+)%s+(.+)$")
      if w and roles[w:lower()] and not w:match("^%u") then piece = rest
      elseif w and roles[w:lower()] and R.is_person(rest) then piece = rest
      else break end
    end
    -- (the last byte first: the end-anchored pattern is tried at every position; a
    -- line feed, before which $ also matches)
    local z = byte(piece, -1)
    if z == 46 or z == 44 or z == 59 or z == 58 or z == 10 then piece = rx_name_closer:gsub(piece, "") end
    return piece
  end

  -- a newspaper's imprint line: en/clean_meta_imprint.txt
  local imprint = entries(lang, "clean_meta_imprint.txt", extra.imprint_lines)
  local rx_imprint = re.compile("^(?:" .. concat(imprint, "|") .. ")", "i")
  --- Is the line one of a newspaper's imprint ("Publisher: NAME", "Printed and
  -- published by ...", "Registration No. 41")? A label credit beside it, "Editor:
  -- NAME", names the paper's editor, no contributor to the story.
  function R.imprint_line(s)
    return #s <= 300 and rx_imprint:find(dp.text.trim(s)) ~= nil
  end

  local rx_label_credit = re.compile("^\\p{L}[\\p{L} -]{1,24}:\\s")
  --- Is the line a label credit ("Editor: NAME")?
  function R.label_credit(s) return rx_label_credit:find(s) ~= nil end
  -- a job after a credited name ("compiled by Tom Fenwick, Parish Clerk"): one to three
  -- capitalised words closing on a noun of en/role_nouns.txt or en/clean_roles.txt,
  -- the first no given name (en/given_names_*.txt: "Ada Baker" stays a person)
  local role_nouns, given_in
  local function job_after_name(n)
    local first, last = n:match("^(%S+).-(%S+)$")
    if not first or #dp.text.words(n) > 3 then return false end
    if not role_nouns then role_nouns = word_set(lang, "role_nouns.txt") end
    last = last:lower()
    if not (role_nouns[last] or roles[last] or office_noun(lang, last)) then return false end
    return not given_names()[first:lower()]
  end

  --- Is the line only an office of a club or a body, two or three capitalised words
  -- closing on a noun naming one person's job ("Club Secretary", "Parish Clerk",
  -- "Society Treasurer": en/role_nouns.txt), the first no given name and no article?
  -- Under a name in capitals it says the name is the writer's; it is never a name.
  function R.job_title(s)
    -- (cheap tests first: short, two capitalised words at least)
    if #s > 40 or not find(s, "^%u%l+ %u%l") then return false end
    local n, last = 0, nil
    for t in s:gmatch("%S+") do
      n = n + 1
      last = t:lower()
      -- (no outlet word, "Herald Reporter", and no newsroom job: role_line reads those;
      -- a rank of en/clean_roles.txt may open it, "Senior Ranger", "Chief Warden")
      if n > 3 or not find(t, "^%u%l+$") or NOT_FIRST[last] or outlet_words[last] or (roles[last] and n > 1) then return false end
    end
    return job_after_name(s)
  end

  --- Is the line an office of a named body, capitalised words closing on the body's head
  -- word (en/clean_meta_org_heads.txt: "Committee", "Board") and a noun naming one
  -- person's job ("Water Quality Committee Chair", "Parks and Trails Board Secretary":
  -- en/role_nouns.txt)? Three to six words ("and", "of", "&" between them), the first
  -- no given name, none an outlet word. A role, never a name nor a headline.
  function R.body_office(s)
    -- (cheap tests first: short, a capitalised word and another)
    if #s > 60 or not find(s, "^%u%l+ %a") then return false end
    local n, prev, last = 0, nil, nil
    for t in s:gmatch("%S+") do
      n = n + 1
      prev, last = last, t:lower()
      if n > 6 or outlet_words[last] then return false end
      if not find(t, "^%u%l+$") and not (n > 1 and (last == "and" or last == "of" or last == "&")) then return false end
    end
    if n < 3 or not org_heads[prev] or org_heads[last] then return false end
    if not role_nouns then role_nouns = word_set(lang, "role_nouns.txt") end
    return role_nouns[last] ~= nil and not given_names()[s:match("^%a+"):lower()]
  end

  --- Is the word alone a job naming one person ("Secretary", "Clerk": en/role_nouns.txt),
  -- no outlet word and no given name? After a byline's middle dot or bar it is the
  -- writer's job.
  function R.job_word(w)
    if not find(w, "^%u%l+$") then return false end
    local lw = w:lower()
    if outlet_words[lw] then return false end
    if not role_nouns then role_nouns = word_set(lang, "role_nouns.txt") end
    if not (role_nouns[lw] or office_noun(lang, lw)) then return false end
    return not given_names()[lw]
  end

  local rx_contrib_parts = re.compile("\\s*[;|]\\s*|(?<=\\p{Ll}\\p{Ll})\\.\\s+(?=\\p{Lu})|\\s+and\\s+(?=(?:\\p{Lu}[\\p{L}'’.-]*\\s+){1,4}(?:also\\s+)?(?:reported|wrote)\\b)")
  --- Parse a contributor line. @return list of names or nil
  function R.contributors(s)
    if #s > 600 then return nil end
    -- a wire credit in parentheses closing the body: "(Reporting by A and B; Editing by C)"
    if s:byte(1) == 40 and s:byte(-1) == 41 then s = s:sub(2, -2) end
    -- (or after a dash opening the line, "— With files from NAME"; round 29)
    local d = s:byte(1)
    if (d == 0xE2 or d == 45) and rx_open_dash:find(s) then s = rx_open_dash:gsub(s, "") end
    local names, hit = {}, false
    -- (a label credit, "Editor: NAME", among other label fields that credit no one is a
    -- masthead's imprint, "Publisher: NAME | Editor: NAME | Tel: ...", naming the staff,
    -- not this article's editor)
    local label_names, imprint = {}, false
    local parts = rx_contrib_parts:split(s)
    for p = 1, #parts do local part = parts[p]
      local matched = false
      for c = 1, (not contrib_any or contrib_any:find(part)) and #contrib or 0 do local rx = contrib[c]
        local cap = rx:match(part)
        if cap then
          hit, matched = true, true
          local label = rx_label_credit:find(part) ~= nil
          for k, piece in ipairs(split_names(cap)) do
            local n = clean_name(piece)
            if R.is_person(n) and not (k > 1 and job_after_name(n)) then
              local into = label and label_names or names
              into[#into + 1] = n
            end
          end
          break
        end
      end
      -- (or an imprint's opening beside it, "Editor: NAME | Published by ... Ltd")
      if not matched and (rx_label_credit:find(part) or rx_imprint:find(part)) then imprint = true end
    end
    if not imprint then
      for _, n in ipairs(label_names) do names[#names + 1] = n end
    end
    if not hit or #names == 0 then return nil end
    return names
  end

  -- datelines
  -- (a region's name may join two names by "and", "Turks and Caicos Islands", or hold a
  -- particle glued by an apostrophe, "Côte d'Ivoire")
  -- (the particles of en/clean_meta_place_particles.txt, "Tierra del Fuego", each
  -- whole: before a space or a comma)
  local place = "(\\p{Lu}[\\p{L}\\p{M}.'’-]*(?:[ ,]{1,2}(?:\\p{Lu}[\\p{L}\\p{M}.'’-]*|(?:and|" .. PLACE_PARTS[lang] .. ")(?=[ ,])|[dl]['’]\\p{Lu}[\\p{L}\\p{M}.'’-]*|" .. REGION_WORDS[lang] .. ")){0,6})"
  -- (perhaps after a weekday, "Thurs. Aug. 21, 2025", or with its month in capitals,
  -- "22 OCTOBER 2025")
  local wire_wday = "(?:(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)(?:\\.|day)?,?\\s+)?"
  -- (or a numeric date with its year, "2026.02.17", "17.02.2026", "2026-02-17", perhaps
  -- with a clock time and a zone in capitals: "ASHCOMBE, 2026.02.17 11:42 EET —")
  local wire_date = "(?:,\\s*" .. wire_wday .. "(?:(?:\\p{Lu}[a-z]{2,8}\\.?\\s+\\d{1,2}|\\d{1,2}\\s+(?:\\p{Lu}[a-z]{2,8}|(?i:" .. month_alt .. ")\\b))(?:,?\\s+\\d{4})?"
    .. "|\\d{4}[./-]\\d{1,2}[./-]\\d{1,2}\\.?|\\d{1,2}[./-]\\d{1,2}[./-]\\d{4}\\.?)"
    .. "(?:,?\\s+\\d{1,2}[:.]\\d{2}(?:\\s*(?i:[ap]\\.?m\\.?))?(?:\\s+\\p{Lu}{2,5}\\b)?)?)?"
  -- the outlet in parentheses, "(Reuters)", or between slashes, "/PRNewswire/"
  local rx_dl_outlet = re.compile("^" .. place .. "?" .. wire_date .. "\\s*(?:\\(([^()]{2,40})\\)|/([^/\\s][^/]{1,38})/)" .. rx_dash .. "?")
  -- (a date in parentheses before the dash, a news release's "BROOKMERE, Ind. (Nov. 29,
  -- 2026) —")
  local paren_date = "(?:(?i:" .. month_alt .. ")\\.?\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+(?i:" .. month_alt .. ")\\.?,?\\s+\\d{4})"
  -- (a dash of two hyphens or an em or en dash may touch the lead's first word,
  -- "KOYAMADA, Tottori Prefecture--A 9-kilometer ...")
  -- (a bilingual town's two names set apart by a slash, "BOZEN/BOLZANO --")
  local rx_dl_caps = re.compile("^(\\p{Lu}[\\p{Lu}\\p{M}.'’/ -]*\\p{Lu}\\.?(?:,\\s*\\p{Lu}[\\p{L}\\p{M}.'’ -]*?)?)" .. wire_date .. "(?:\\s*\\((?:" .. paren_date .. "|(?i:" .. month_alt .. ")\\.?\\s+\\d{1,2}|\\d{1,2}\\s+(?i:" .. month_alt .. ")\\.?)\\))?\\s*(?:--|—|–|-|:)(?:\\s+|(?<=--|—|–)(?=\\p{Lu}\\p{Ll}*\\s))")
  -- a place in mixed case with a month and day before a dash ("Prek Saom, Nov 29 –",
  -- "Westhaven, 3 December –"; not a colon): the date is the evidence of a dateline
  local day_month = "(?:(?:" .. month_alt .. ")\\.?\\s+\\d{1,2}|\\d{1,2}\\s+(?:" .. month_alt .. ")\\.?)"
  -- (or a numeric date with its year, day or month first, "Dhanpur, 02.04.2026:", where a
  -- colon may close it too: a full date is evidence enough)
  -- (a colon may close a day and month too, as Indian papers write it, "Tarvanpur, Aug.
  -- 21: The ...", when the place is no label or weekday (en/clean_meta_not_places.txt),
  -- a sentence of eight words or more follows and the article writes the place again
  -- after another word, "linking Dhalgaon with Tarvanpur": dateline_core)
  local rx_dl_mixed_date = re.compile("^(\\p{Lu}[\\p{L}\\p{M}'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}'’-]*|de|of|on|upon|la|el|am|an|der|du)){0,3}),\\s*(?:(?i:" .. day_month .. ")(?:,?\\s+\\d{4})?\\s*(?:--|—|–|\\s-|:)|\\d{1,2}([./-])\\d{1,2}\\2\\d{4}\\s*(?:--|—|–|\\s-|:))\\s+")
  -- a place in mixed case needs its region after a comma ("Mallee Point, SA:",
  -- "Port Ellery, Tasmania —"): a region of en/clean_meta_regions.txt, two to four
  -- capitals ("NZ", "NSW"), or a name closing on a region word ("Gandaki Province")
  local rx_dl_mixed = re.compile("^(\\p{Lu}[\\p{L}\\p{M}'’-]*(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}'’-]*|de|of|on|upon|la|el|am|an|der|du)){0,3}),\\s*(\\p{Lu}[\\p{L}\\p{M}.'’-]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}.'’-]*){0,2})" .. wire_date .. "\\s*(?:--|—|–|-|:)\\s+")
  local regions, region_words = {}, {}
  for _, w in ipairs(dp.data.list(lang .. "/clean_meta_regions.txt")) do
    w = w:lower()
    if w:sub(1, 1) == "@" then region_words[w:sub(2)] = true else regions[w] = true end
  end
  local unlisted_region
  local rx_region_caps = re.compile("^(?:\\p{Lu}\\.?){2,4}$")
  local function is_region(r)
    if rx_region_caps:find(r) then return true end
    local lr = r:lower():gsub("%.$", "")
    if regions[lr] or places[lr] then return true end
    local last = lr:match("(%S+)$")
    return region_words[last] or false
  end

  -- a dateline in parentheses with its date, the style of rights groups' releases:
  -- "(Velmora, November 29, 2026) –", "(Geneva, Switzerland, 3 May 2025) —"
  local rx_dl_paren = re.compile("^\\((\\p{Lu}[^(),\\d]{1,40}(?:,\\s*\\p{Lu}[^(),\\d]{1,30})?),\\s*" .. paren_date .. "\\)\\s*(?:--|—|–|-|:)\\s+")

  -- "Kalamos Bay, Kefalonia – Two ...": a mixed-case place with a region in no list,
  -- taken only before a dash (en or em dash, or a spaced hyphen; not a colon, the mark
  -- of a headline's "Smith, Jones: ..."), when no word of place or region is a given
  -- name (en/given_names_*.txt: "Ruth Okafor, Mayor –" is a sign-off's shape), none is
  -- a role or outlet word, and a sentence of eight words or more follows
  -- (given_in: declared above R.contributors; given_names above R.is_person)
  local rx_true_dash = re.compile("\\s(?:—|–|--|-)\\s|(?:—|–)")
  function unlisted_region(pl, region, sep, rest)
    if not rx_true_dash:find(sep:sub(#pl + 1)) or #dp.text.words(rest) < 8
      or not re.find(rest, "^\\p{Lu}\\p{Ll}*(?:['’]s)?\\s+\\p{L}") then return false end
    return not given_in(pl .. " " .. region)
  end
  -- does the text hold a given name (en/given_names_*.txt), a role, an outlet word or
  -- a title ("Ruth Okafor, Mayor –" is a sign-off's shape, no place)?
  function given_in(s)
    local given = given_names()
    local saint = false
    for w in s:gmatch("[^%s,]+") do
      local lw = w:lower()
      -- (the saint's name after "San", "St.": a place's, "San Pablo Xochiltepec")
      if (given[lw] and not saint) or roles[lw] or outlet_words[lw] or honorifics[lw:gsub("%.$", "")] then return true end
      saint = SAINT_WORDS[lang][lw:gsub("%.$", "")] == true
    end
    return false
  end

  --- Is the paragraph shaped like a photo caption (a credit in parentheses or after
  -- a copyright sign closing it, "[photo]" opening it, or no sentence end), so that
  -- the dateline may open the paragraph after it? Short paragraphs only (45 words).
  local rx_caption_end = re.compile("(?:\\)|[^.!?\"”’'…:;,\\s])\\s*$")
  -- (or opening on a caption's words, "File photo of ...": en/clean_meta_caption_openers.txt)
  local cap_openers
  -- (or one sentence with a verb in the present tense, closing on the day the picture
  -- was taken, "Grower NAME checks a row of vines near Pell Hill, last Tuesday.": a
  -- caption's tense; a lead tells the news in the past)
  local rx_caption_day = re.compile("^\\p{Lu}[^.!?]*\\s\\p{Ll}{2,}(?<![su])s\\s[^.!?]*[\\s,](?:last|on|this\\s+past)\\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\.$")
  -- (or closed by its picture's credit, a sentence of its own naming the photographer:
  -- "... during a check. Photo by NAME, Calderwood Valley Zoo.", "... Photo: NAME";
  -- the credit words are en/clean_meta_caption_credits.txt)
  local rx_credit_closed
  local function credit_closed(p)
    -- (cheap test first: " by " or a colon in the last 100 bytes)
    local tail = p:sub(-100)
    if not (find(tail, " by ", 1, true) or find(tail, ":", 1, true)) then return false end
    if not rx_credit_closed then
      local l = {}
      for _, w in ipairs(entries(lang, "clean_meta_caption_credits.txt")) do l[#l + 1] = re.escape(w) end
      rx_credit_closed = re.compile("[.!?][\"”’]?\\s+(?i:" .. concat(l, "|") .. ")(?:\\s+by|\\s*:)\\s+\\p{Lu}[^.!?]{1,80}\\.?$")
    end
    return rx_credit_closed:find(p) ~= nil
  end
  function R.caption_like(p)
    if #p > 400 or #dp.text.words(p) > 45 then return false end
    if p:sub(1, 1) == "[" or find(p, "©", 1, true) ~= nil or rx_caption_end:find(p) ~= nil then return true end
    -- (cheap test first: "day." closing it)
    if #p <= 300 and p:sub(-4) == "day." and rx_caption_day:find(p) then return true end
    if not cap_openers then
      cap_openers = {}
      for _, w in ipairs(entries(lang, "clean_meta_caption_openers.txt", extra.caption_openers)) do
        cap_openers[#cap_openers + 1] = w:lower()
      end
    end
    local head = p:sub(1, 40):lower()
    for _, w in ipairs(cap_openers) do
      if head:sub(1, #w) == w and find(head, "^[%s:,]", #w + 1) then return true end
    end
    return credit_closed(p)
  end

  --- May the dateline open the paragraph after the ones kept so far (paragraphs, one or
  -- two)? "caption" for one shaped like a caption (caption_like), or two that are one
  -- caption and its credit split over two lines ("A ferry at its berth on Sept. 16." and
  -- "(Ostra News)"); "standfirst" for one short paragraph of whole sentences (45 words),
  -- where only a wire dateline may follow (wire_prefix); else nil
  function R.before_lead(ps)
    if #ps == 1 then
      if R.caption_like(ps[1]) then return "caption" end
      if #ps[1] <= 300 and find(ps[1], "[.!?][\"”’']?$") and #dp.text.words(ps[1]) <= 45 then return "standfirst" end
      return nil
    end
    if #ps[2] <= 60 and #dp.text.words(ps[2]) <= 8 and R.caption_like(ps[1] .. " " .. ps[2]) then return "caption" end
    return nil
  end
  --- Is a dateline's prefix a wire dateline, a place in capitals before a dash or its
  -- agency in parentheses ("VELMAR, Switzerland -", "TOWN (Agency) --"), not a
  -- colon's label ("SMITH:")?
  function R.wire_prefix(prefix)
    return re.find(prefix, "^\\p{Lu}{2}") ~= nil
      and (find(prefix, "%)$") or find(prefix, "%-$") or find(prefix, "\226\128[\147\148]$")) ~= nil
  end

  -- "Pano Velonia — Households in ...": a bare place of one to three capitalised words
  -- before a real dash (em or en dash, "--", or a hyphen spaced on both sides, "Kelder
  -- Flats - Farmers ...") opening the first paragraph, taken only
  -- with the guards of unlisted_region (no given name, role, outlet word or title; a
  -- sentence of eight words or more after) when no word is in
  -- en/clean_meta_not_places.txt ("Analysis —", "Update —") and the article (headline
  -- and body) writes the place again, or one of its words of four letters or more,
  -- capitalised after another word (so not opening a sentence: "In Pano Velonia, ..."),
  -- or the place is one hyphen-joined name with a joiner (joined_place)
  local rx_dl_bare = re.compile("^(\\p{Lu}[\\p{L}\\p{M}'’-]*(?:(?:\\s+(?:" .. PLACE_PARTS[lang] .. ")){0,2}\\s+\\p{Lu}[\\p{L}\\p{M}'’-]*){0,2})(?:\\s*(?:—|–|--)|\\s+-)\\s+")
  -- (the sentence may go on with a number and a word after its first word, "Around
  -- 9,000 homes in ...": rx_dl_lead; its first word may be a compound, "Thirty-one
  -- dairies ...", or a name with an apposition after a comma, "Coldwave, a ...")
  local rx_dl_lead = re.compile("^\\p{Lu}\\p{Ll}*(?:-\\p{Ll}+)?(?:['’]s)?,?\\s+(?:\\p{L}|\\p{N}[\\p{N},.]*\\s+\\p{L})")
  -- (or, when the article writes it nowhere, the page writes it as an address, the
  -- place and its region or country after a comma, "Malé, Republic of Maldives" in an
  -- imprint, "Calderwood, Ore." in a footer: a region of en/clean_meta_regions.txt, or
  -- a name of up to four words whose last is one, "Republic of Maldives")
  local rx_addr_region = "\\s*,\\s+(\\p{Lu}[\\p{L}\\p{M}.'’-]*(?:\\s+(?:of|the|\\p{Lu}[\\p{L}\\p{M}.'’-]*)){0,3})"
  local function addressed_place(pl, page)
    if type(page) ~= "string" or not find(page, pl .. ",", 1, true) then return false end
    local rx = re.compile("(?<![\\p{L}\\p{N}])" .. re.escape(pl) .. rx_addr_region)
    local pos = 1
    for _ = 1, 4 do
      local _, e, region = rx:find(page, pos)
      if not e then return false end
      region = region:gsub("[.,]+$", "")
      if is_region(region) or is_region(region:match("(%S+)$")) then return true end
      pos = e + 1
    end
    return false
  end
  -- (before a spaced hyphen, a mark that also sets off a sentence's aside, "Officials
  -- - ...", the place's own later word, "Dry Season", is no evidence: hy)
  local function bare_place(pl, rest, article, page, hy)
    if #dp.text.words(rest) < 8 or not rx_dl_lead:find(rest) or given_in(pl) then return false end
    if not re.find(pl, "\\p{Ll}") then return false end
    for w in pl:gmatch("%S+") do if not_places[w:lower()] then return false end end
    -- (a hyphen-joined name with a joiner, "Saint-Aubert-en-Camargue": a place's shape)
    if joined_place(pl, lang) then return true end
    if type(article) == "function" then article = article() end
    local words = { pl }
    for w in pl:gmatch("%S+") do if #w >= 4 and re.find(w, "^\\p{Lu}") then words[#words + 1] = w end end
    for i, w in ipairs(words) do
      -- (the place's words one by one, where it stands whole crossed out: hy)
      if hy and i == 2 and find(pl, " ", 1, true) then article = re.gsub(article, re.escape(pl), "#") end
      if re.find(article, "\\p{L}[,;]?\\s+" .. re.escape(w) .. "(?![\\p{L}\\p{N}])") then return true end
    end
    return addressed_place(pl, page) or page_writes_place(pl, page, article)
  end

  -- "Kotturpeta: The state government ...": a mixed-case place of one to three
  -- capitalised words before a colon opening the first paragraph. A colon also closes a
  -- label ("Note:", "Update:", "Photo:", "Category:") or a speaker's name, so the place
  -- must be no word of en/clean_meta_not_places.txt, no header field label
  -- (en/clean_meta_fields.txt), hold no given name, role, outlet word or title, be
  -- followed by a sentence of eight words or more, and the article must write it (or
  -- one of its words of four letters or more) after a preposition of place ("in
  -- Kotturpeta", "from Kotturpeta", "the town of Kotturpeta") or before a place noun
  -- ("the Kotturpeta district"):
  -- a person is seldom written so
  local rx_dl_colon = re.compile("^(\\p{Lu}[\\p{L}\\p{M}'’-]*(?:(?:\\s+(?:" .. PLACE_PARTS[lang] .. ")){0,2}\\s+\\p{Lu}[\\p{L}\\p{M}'’-]*){0,2})(?:,\\s*(\\p{Lu}[\\p{L}\\p{M}'’-]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}'’-]*){0,2}))?:\\s+")
  local function label_word(pl)
    if field_set[pl:lower()] then return true end
    for w in pl:gmatch("[^%s,]+") do
      local lw = w:lower():gsub("[.:]+$", ""):gsub("’", "'")
      if not_places[lw] or not_places[(lw:gsub("'s$", ""))] then return true end
    end
    return false
  end
  -- nouns that follow a place's name ("the Kalarra Downs homestead", "Wenlock
  -- district"): en/clean_meta_place_nouns.txt, as one alternation
  local place_nouns
  do
    local l = {}
    for w in pairs(word_set(lang, "clean_meta_place_nouns.txt", extra.place_nouns)) do l[#l + 1] = re.escape(w) end
    table.sort(l, function(a, b) return #a > #b end)
    place_nouns = table.concat(l, "|")
  end
  local headline_subject
  local function located_in(pl, article)
    if type(article) == "function" then article = article() end
    local words = { pl }
    for w in pl:gmatch("%S+") do if #w >= 4 and re.find(w, "^\\p{Lu}") then words[#words + 1] = w end end
    for _, w in ipairs(words) do
      if re.find(article, "(?i:\\b(?:in|at|from|near|across|around|outside|inside|throughout))\\s+" .. re.escape(w) .. "(?![\\p{L}\\p{N}])")
        or re.find(article, "(?<![\\p{L}\\p{N}])" .. re.escape(w) .. "\\s+(?i:" .. place_nouns .. ")\\b")
        or re.find(article, "(?i:\\b(?:town|city|village|county|district|region|island|port)\\s+of)\\s+" .. re.escape(w) .. "(?![\\p{L}\\p{N}])") then return true end
    end
    return false
  end
  -- (or, for a colon, the headline opens on the place before a word in lower case,
  -- "Gjógvík backs ...", and the body writes it again after a word in lower case,
  -- "leave Gjógvík cut off": the story's own town as its subject, not a speaker's label)
  function headline_subject(pl, article)
    if type(article) == "function" then article = article() end
    local a = find(article, "\n|\n", 1, true)
    if not a or article:sub(1, #pl + 1) ~= pl .. " " then return false end
    if not re.find(article:sub(#pl + 2, #pl + 5), "^\\p{Ll}") then return false end
    return re.find(article:sub(a + 3), "\\p{Ll}[,;]?\\s+" .. re.escape(pl) .. "(?![\\p{L}\\p{N}])") ~= nil
  end
  -- "Veldora, Grandmaster ... won": a mixed-case place of one or two words and a comma
  -- opening the lead, with the guards of a colon's place (the article writes it after
  -- a preposition of place or "town of"; no label, given name, role or title; a
  -- sentence of eight words or more after it): "Yesterday," and "Meanwhile," are in
  -- en/clean_meta_not_places.txt, a person is seldom written "in NAME"
  local rx_dl_comma = re.compile("^(\\p{Lu}\\p{Ll}[\\p{L}\\p{M}'’-]*(?:\\s+\\p{Lu}\\p{Ll}[\\p{L}\\p{M}'’-]*)?),\\s+(?=\\p{Lu})")
  -- (the page's whole text, a caption's "over the Kalarra Downs homestead" or a table's
  -- row, is the evidence when the headline and body give none: page, for a colon only)
  local function colon_place(pl, region, rest, article, page)
    local full = region and (pl .. " " .. region) or pl
    if #dp.text.words(rest) < 8 or not re.find(rest, "^\\p{Lu}\\p{Ll}*\\s+\\p{L}") then return false end
    if not re.find(pl, "\\p{Ll}") or given_in(full) or label_word(full) then return false end
    return located_in(pl, article) or (page ~= nil and (located_in(pl, page) or headline_subject(pl, article)
      or before_temperature(pl, page)))
  end

  --- Find a dateline at the start of a paragraph.
  -- @param article optional: the article's headline and body text (or a function giving
  -- it), the evidence for a bare place before a dash ("Pano Velonia —")
  -- @return {place = string|nil, outlet = string|nil, rest = paragraph without it} or nil
  -- a release's date between two dashes after its dateline ("PORT ELLAN, Isle of Vay
  -- – March 3, 2026 – The ..."): a full date (month name or numeric, with its year,
  -- perhaps after a weekday) and a dash, before a capital, is the dateline's too
  local rx_dl_then_date = re.compile("^" .. wire_wday .. "(?:" .. paren_date .. "|\\d{1,2}([./-])\\d{1,2}\\1\\d{4})\\s*(?:--|—|–|\\s-)\\s+(?=[\\p{Lu}\\p{N}\"'“‘(])")
  local dateline_core
  -- @param page optional: the page's whole text, more evidence for a place before a
  -- colon ("Kalarra Downs: Stations across ...")
  -- @param date optional: the page's date (ISO 8601), more evidence for a place before
  -- a day and month and a colon ("Srinagar, Jun 12:")
  function R.dateline(p, article, page, date)
    local r = dateline_core(p, article, page, date)
    -- (cheap test first: the rest opens on a capital or a digit; the anchored pattern
    -- then fails at once on most paragraphs, where a search of the whole rest for a
    -- year, some 3,500 pattern steps on a one-paragraph story, would not)
    if r and r.rest and find(r.rest, "^[%u%d]") then
      local _, b = rx_dl_then_date:find(r.rest)
      if b and find(r.rest, "%d%d%d%d") then r.rest = dp.text.trim(r.rest:sub(b + 1)) end
    end
    return r
  end
  function dateline_core(p, article, page, date)
    if p:byte(1) == 40 then
      local a, b, pl = rx_dl_paren:find(p)
      if a then
        local rest = p:sub(b + 1)
        if re.find(rest, "^[\\p{Lu}\\p{N}\"'“‘]") then return { place = dp.text.trim(pl), rest = dp_trim(rest) } end
      end
    end
    local a, b, pl, outlet, slashed = rx_dl_outlet:find(p)
    if a then
      outlet = outlet or slashed
      -- an outlet in parentheses: a capitalised name, not a parenthetical remark
      if re.find(outlet, "^\\p{Lu}[\\p{L}\\p{N}.&' -]*$") and #dp.text.words(outlet) <= 4 then
        local rest = p:sub(b + 1)
        if re.find(rest, "^\\s*[\\p{Lu}\\p{N}\"'“‘(]") then
          local placev = pl and pl ~= "" and re.gsub(pl, "[\\s,]+$", "") or nil
          return { place = placev, outlet = outlet, rest = dp_trim(rest) }
        end
      end
    end
    a, b, pl = rx_dl_caps:find(p)
    if a then
      local firstpart = pl:match("^[^,]+")
      -- (not a label in capitals, "NOTE:", "UPDATE —", "EDITOR'S NOTE:", "CATEGORY:";
      -- letters and capitals by Unicode: "ÉZE")
      if caps_letters(pl) >= 3 and firstpart:upper() == firstpart and #dp.text.words(pl) <= 6 and not label_word(pl) then
        local rest = p:sub(b + 1)
        if re.find(rest, "^[\\p{Lu}\\p{N}\"'“‘(]") and not speaker_turn(p:sub(a, b), rest) then
          return { place = dp.text.trim(pl), rest = dp_trim(rest) }
        end
      end
    end
    local region
    a, b, pl, region = rx_dl_mixed:find(p)
    if a and (is_region(region) or unlisted_region(pl, region, p:sub(a, b), p:sub(b + 1))) then
      local rest = p:sub(b + 1)
      if re.find(rest, "^[\\p{Lu}\\p{N}\"'“‘(]") then
        return { place = pl .. ", " .. region, rest = dp_trim(rest) }
      end
    end
    a, b, pl = rx_dl_mixed_date:find(p)
    if a and not given_in(pl) and not (find(p:sub(a, b), ":%s*$") and not find(p:sub(a, b), "%d[./-]%d+[./-]%d%d%d%d")
      and (label_word(pl) or #dp.text.words(p:sub(b + 1)) < 8 or not dated_place(pl, p:sub(a, b), article, page, date, lang))) then
      local rest = p:sub(b + 1)
      if re.find(rest, "^[\\p{Lu}\\p{N}\"'“‘(]") then return { place = pl, rest = dp_trim(rest) } end
    end
    if article then
      a, b, pl = rx_dl_bare:find(p)
      if a and bare_place(pl, p:sub(b + 1), article, page, byte(p, b - 1) == 45 and byte(p, b - 2) == 32) then return { place = pl, rest = dp.text.trim(p:sub(b + 1)) } end
      a, b, pl, region = rx_dl_colon:find(p)
      if a and colon_place(pl, region, p:sub(b + 1), article, page) then
        return { place = region and (pl .. ", " .. region) or pl, rest = dp.text.trim(p:sub(b + 1)) }
      end
      a, b, pl = rx_dl_comma:find(p)
      if a and colon_place(pl, nil, p:sub(b + 1), article) then
        return { place = pl, rest = dp.text.trim(p:sub(b + 1)) }
      end
      -- "NAKABALE. Sugarcane outgrowers in Nakabale District ...": a place in capitals
      -- of one to three words closed by a full stop (as some African and Asian papers
      -- write it), when the article names it in mixed case after a preposition of
      -- place or before a place noun (located_in); no label or word of
      -- en/clean_meta_not_places.txt ("NOTE.", "UPDATE."), a sentence of eight words
      -- or more after it (bytes first: capitals, then a full stop and a space)
      -- (capitals past ASCII too, "ÉZÉ.": caps_stop_place)
      pl = caps_stop_place(p)
      if pl then
        if #pl >= 4 and #pl <= 40 and #dp.text.words(pl) <= 3 and not label_word(pl) then
          local rest = p:sub(#pl + 2)
          if #dp.text.words(rest) >= 8 and re.find(rest, "^\\s*\\p{Lu}\\p{Ll}*\\s+\\p{L}")
            and located_in(ucase.title(pl), article) then
            return { place = pl, rest = dp_trim(rest) }
          end
        end
      end
    end
    return nil
  end

  --- The call sign of a broadcaster's masthead: a call sign and its frequency ("KQRV
  -- 88.3 FM" -> "KQRV", "2XYZ 101.3 FM Westvale Community Radio" -> "2XYZ"), a call sign with its service ("WDKN-TV"), or a station named by
  -- an outlet word and its frequency ("Radio 104.5"), as the first piece of a masthead
  -- line set apart by bars or dashes. @return the name, or nil
  local rx_freq = "\\d{2,4}(?:\\.\\d{1,2})?(?:\\s*(?:FM|AM|MHz|kHz))?"
  local rx_call = re.compile("^(\\p{Lu}{3,5}(?:-(?:TV|FM|AM|DT|HD|LP|LD|CD))?|\\d\\p{Lu}{2,3})\\s+" .. rx_freq .. "$")
  -- (a call sign, its frequency and band, then the station's name in capitalised words:
  -- "2XYZ 101.3 FM Westvale Community Radio")
  local rx_call_named = re.compile("^(\\p{Lu}{3,5}|\\d\\p{Lu}{2,3})\\s+\\d{2,4}(?:\\.\\d{1,2})?\\s*(?:FM|AM)(?:\\s+\\p{Lu}[\\p{L}'’&-]*){1,5}$")
  local rx_call_service = re.compile("^\\p{Lu}{3,5}-(?:TV|FM|AM|DT|HD|LP|LD|CD)$")
  -- (the outlet word closing the name, "Harrowmere Radio 104.6 FM", or opening it,
  -- "Radio Kelloway 88.7 FM")
  local rx_named_band = re.compile("^((\\p{Lu}[\\p{L}'’-]*)(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,2}\\s+(\\p{Lu}\\p{Ll}+))\\s+\\d{2,4}(?:\\.\\d{1,2})?\\s*(?:FM|AM)$")
  local rx_named_freq = re.compile("^(\\p{Lu}\\p{Ll}+)\\s+" .. rx_freq .. "$")
  local rx_name_band_freq = re.compile("^(\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,2}\\s+(?:FM|AM))\\s+\\d{2,3}(?:\\.\\d{1,2})?$")
  local rx_piece_sep = re.compile("\\s+(?:[|·•–—-]|--)\\s+|\\s*\\|\\s*")
  function R.call_sign(s)
    -- (cheap test first: three capitals, or a capitalised word and a number, open it)
    if not (find(s, "^%u%u%u") or find(s, "^%u%l+%s+%d") or find(s, "^%d%u%u")) then
      -- (a station's name closing on an outlet word before its frequency and band,
      -- "Harrowmere Radio 104.6 FM": the name)
      if find(s, "^%u") and find(s, "%d%s*[FA]M%f[%A]") then
        local name, first, last = rx_named_band:match(dp.text.trim(rx_piece_sep:split(s)[1] or ""))
        if name and (outlet_words[last:lower()] or outlet_words[first:lower()]) then return name end
      end
      -- (a station's name and its band before its frequency, "Tshwaragano FM 98.6": the
      -- name with its band, as the station calls itself)
      if find(s, "^%u.-%s[FA]M%s+%d") then
        local name = rx_name_band_freq:match(dp.text.trim(rx_piece_sep:split(s)[1] or ""))
        if name then return name end
      end
      return nil
    end
    local first = dp.text.trim(rx_piece_sep:split(s)[1] or "")
    if #first > 24 then return #first <= 80 and rx_call_named:match(first) or nil end
    local cs = rx_call:match(first) or rx_call_named:match(first)
    if cs then return cs end
    if rx_call_service:find(first) then return first end
    local word = rx_named_freq:match(first)
    if word and outlet_words[word:lower()] then return first end
    return nil
  end

  --- The end of an ASCII list marker opening the line ("> ", ">> ", "-> ", "=> "),
  -- before a word; nil when none. (Read only where highlights are: elsewhere a line
  -- opening on ">" is as often an e-mail's quoted line.)
  function R.ascii_marker(s)
    local c = byte(s, 1)
    if c ~= 62 and not ((c == 45 or c == 61) and byte(s, 2) == 62) then return nil end
    local _, e = find(s, "^[-=]?>>?%s+%S")
    return e and e - 1 or nil
  end

  --- The full name of a dateline's agency written short ("Tanjung" of "SELAT, Jan 3
  -- (Tanjung) --"): the outlet found so far, or a byline's name, that opens with the
  -- short name and a space and that the page writes at least twice in any case ("By
  -- Tanjung Press" over the dateline, "-- TANJUNG PRESS" under the body, a licence note
  -- in the footer); a staff byline ("Tanjung Staff", "Tanjung Reports") is none. Else
  -- the short name.
  -- @param short the dateline's agency; @param outlet the outlet so far or nil
  -- @param authors the byline's names; @param text the page's text
  function R.agency_full(short, outlet, authors, text)
    local head = short .. " "
    local function fuller(a)
      if not (a and #a > #head and #a <= 60 and a:sub(1, #head) == head) then return false end
      for t in a:sub(#head + 1):gmatch("%a+") do
        local lt = t:lower()
        if lt == "staff" or lt == "staffer" or lt == "report" or lt == "reports" then return false end
      end
      return attested(text, a, true) >= 2
    end
    if fuller(outlet) then return outlet end
    for k = 1, #authors do if fuller(authors[k]) then return authors[k] end end
    return short
  end

  --- A copyright holder cut before a generic word ("WHSU Student" of "© 2026 WHSU
  -- Student Media", "Brackenfold Community" of "... Community Media Ltd"): its last
  -- words modify the cut word (en/clean_meta_outlet_modifiers.txt), so the holder is
  -- the name before them when the page writes that name elsewhere as a word, else the
  -- holder with the generic word; other holders come back unchanged.
  -- @param line the copyright line; @param text the page's text
  local GENERIC = { media = true, group = true, company = true, network = true, networks = true }
  function R.undangle(holder, line, text)
    local last = holder:match("(%a+)$")
    if not (last and modifiers[last:lower()]) then return holder end
    local a, b = find(line, holder, 1, true)
    local generic = a and line:match("^%s+(%u%a+)", b + 1)
    -- (a legal form, "CBS Interactive Inc.", leaves the name whole: only a generic
    -- word of a company's name is modified)
    if not (generic and GENERIC[generic:lower()]) then return holder end
    local stem = holder
    while true do
      local s2, w = stem:match("^(.-%S)%s+(%a+)$")
      if not (s2 and modifiers[w:lower()]) then break end
      stem = s2
    end
    if stem ~= holder and attested(text, stem) > attested(line, stem) then return stem end
    return holder .. " " .. generic
  end

  --- True when a headline's line ends in a word that leaves its phrase open (an
  -- article, a determiner, a conjunction, a preposition wanting its object: "...
  -- teams to some"; en/clean_meta_open_words.txt): the dumper cut it, and the line
  -- under it goes on.
  function R.open_end(s)
    local w = s:match("(%a+)%s*$")
    return w ~= nil and open_words[w:lower()] == true
  end

  --- A copyright holder cut at the period of an abbreviation numbering the body in its
  -- own name (en/clean_outlet_number_words.txt: "Rural Municipality of Coulee Bend No"
  -- of "... Coulee Bend No. 318 | Box 40"): the holder with its number, when the page
  -- writes that name twice; other holders come back unchanged.
  -- @param line the copyright line; @param text the page's text
  local number_words
  function R.numbered(holder, line, text)
    local last = holder:match("%s(%a%a?%a?)$")
    if not last then return holder end
    number_words = number_words or word_set(lang, "clean_outlet_number_words.txt")
    if not number_words[last:lower()] then return holder end
    local _, b = find(line, holder, 1, true)
    local num = b and line:match("^%.%s?(%d%d?%d?%d?%d?)%f[^%w]", b + 1)
    if not num then return holder end
    local full = holder .. ". " .. num
    if attested(text, full) < 2 then return holder end
    return full
  end

  return R
end

return M
