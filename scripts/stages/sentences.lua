--- sentences: split doc.text into sentences (rule-based sentence boundary detection).
--
-- Input: doc.text. Output: doc.sentences, a list of {text, start, end}.
-- Each paragraph (a block of doc.text between blank lines; a line of spaces counts as
-- blank) is split on its own: no sentence runs over a paragraph break, none joins two.
-- A sentence's span start..end is trimmed of white space. `text` is that span, except that
-- (with the default join_lines = true) each run of white space holding a line break is
-- written as one space ("a cold \nnight" -> "a cold night"); so
-- doc.text:sub(start, end) == text for every sentence without a line break in it.
--
-- Method: in the spirit of the Pragmatic Segmenter (Kevin Dias, diasks2/pragmatic_segmenter,
-- and its English Golden Rules), written afresh. The rules run in C (src/dp_sbd.c, through
-- docpipe.sbd: one detector per language and option set, built in init from the word
-- lists); this module loads the lists and turns the spans into sentence tables. Candidate
-- boundaries are runs of . ! ? … ‼ and full-width stops, with the closing quotes, brackets
-- and reference marks ([1]) after them, and line breaks. Each is decided from the token
-- before it and the word after it, with word lists from data/<language>/:
--   * general abbreviations (abbreviations.txt + option `abbreviations`, and multi-period
--     ones made of 1-2 letter parts: U.S., e.g., Ph.D.) end a sentence only before a
--     capitalised sentence starter (sentence_starters.txt, which also lists plural
--     subjects such as Officials, Inspectors): "in the U.S. The ..." splits, "the U.S.
--     Government" does not; after capitals with periods (U.S., U.K.) a plural-looking
--     capitalised word followed by a lowercase word other than and/of/for also starts
--     one ("approved in the U.S. Regulators in Europe ..."), unless it continues a name
--     (sentences_terminal_followers.txt: "U.S. Marines");
--   * terminal abbreviations (abbreviations_terminal.txt: Inc., Corp., Jr., etc., St., Ave.,
--     states such as Calif. or N.Y.) close a name, so they end a sentence before any
--     capitalised word when the word before them ends a name: it ends with , or & ("Tulsa,
--     Okla.", "Briggs & Co.") or is capitalised or a number ("Main St.", "Elmer Pike Sr."),
--     and neither opens the sentence nor is a sentence starter ("The St. Louis team": St.
--     as Saint); a word of sentences_terminal_followers.txt continues the sentence
--     ("Kestrel Inc. Chief Executive ...", "Corp. Class B"); otherwise they are general
--     abbreviations;
--   * titles (abbreviations_titles.txt: Mr., Gov., Sen.) never end one before a name, a
--     number or a quote; abbreviations_numeric.txt (No., p., Fig.) count only before a
--     number ("She said no. The ..." splits; a single capital such as "P." is then an
--     initial);
--   * a.m./p.m. (abbreviations_time.txt) end one before a capitalised word, unless it is a
--     day, month or zone (sentences_time_followers.txt) or the time closes a short opening
--     phrase (sentences_time_openers.txt: "At 5 a.m. Mr. Smith went ...");
--   * a single capital letter is an initial after a capitalised word ("Jonas E. Smith"),
--     at the start of a sentence, before another initial, or after a word of
--     sentences_initial_preceders.txt ("by J. Smith"); else it ends the sentence before a
--     capitalised word ("size M. Returns are free."); before a sentence starter it always
--     does ("Plan B. The ..."); "I" after a lowercase word is the pronoun ("you and I.
--     Did ..."); an abbreviated journal title goes on: an initial, or a capitalised
--     word of two to four letters after an initial or an abbreviation, is no boundary
--     before a general abbreviation with its period ("J. Clin. Oncol.", "J. Am. Chem.
--     Soc.": the title words are listed in abbreviations.txt);
--   * a period inside a token (decimals, money, versions, dates, URLs, e-mail addresses)
--     is no boundary, except "word.Word" run together ("Hello world.Today is ...") and
--     reference numbers after a word or ")" ("a consultation.11 12 Take ...": the sentence
--     ends after the numbers);
--   * ! and ? end a sentence before a capitalised word or a digit, but not inside an open
--     quotation or bracket (tracked over the paragraph; a straight ' opens one only when a
--     closing ' follows), not before "(", and not after names like Yahoo!
--     (sentences_exclamation_names.txt) unless a sentence starter follows, nor after a
--     closing quote before an attribution: capitalised words and a verb of
--     sentences_attribution_verbs.txt ended by punctuation ("“Why?” Ruiz said.") or
--     followed by a preposition ("“Run!” Cruz shouted from the steps"); a dash
--     between the mark and the capitalised word is skipped;
--   * after any stop (and closing quotes) a lowercase word continues the sentence
--     ("Why now?" she asked.), except one with a capital inside after a plain word
--     ("phones. eBay listings ..."); a period inside a quotation ends a sentence as in newswire
--     gold ("“We are ready. The talks start Monday,” he said." is two sentences);
--   * ellipses: "..." or "…" attached to a word ends a sentence before a capitalised word;
--     a free-standing, spaced or bracketed one ("really ... well", ". . .", "[...]") does
--     not, unless a closing quote or bracket follows it before a capitalised word that
--     is no attribution ("know . . .” The coach ..."); a spaced four-dot ellipsis does;
--     in "word. . . . The" the sentence ends after
--     "word." and the next one starts with ". . .";
--   * lists: markers (1. 1) 1.) a. a) (a)) and bullets (• ‣ ⁃ ◦ ▪ ● ■) start a new
--     sentence at the start of a line, and in running text when they form a sequence
--     (1, 2, 3 or a, b, c) that starts at a line start or after a stop; a marker's own
--     period is no boundary; a capital letter after a capitalised word is an initial,
--     not a marker ("John A. Smith");
--   * a line break inside a paragraph after a line without a final stop ends a sentence
--     (a headline or list line) before a capitalised word, digit, quote or bullet, unless
--     the line ends in , ; - & ( / an em or en dash or a word of
--     sentences_line_continuations.txt, or the paragraph is hard-wrapped there: the next
--     line's first word would not have fitted on the line (widths in characters, the
--     width being the paragraph's longest line), at most one line in ten full ones ends
--     short without a stop, and the lines show a width: two or more full lines before
--     the last, or (one long line of 50+ characters and the next) the line ends in a
--     capitalised word or number and is no title-case headline ("taken to Carrow\nGeneral
--     Hospital"). A ? or ! at a wrapped line end is decided as in running text, and a
--     number that a wrap put at a line start ("February\n5. Born") is no list marker
--     unless the list goes on;
--     before a lowercase word it is a wrapped line,
--     unless no later line of the paragraph ends with . ! ? : or ; (then the lines are a
--     list: "features\ncontact manager\nevents"). A period at a line end followed by a
--     lowercase word still ends the sentence unless it follows an abbreviation; one
--     followed by a bullet line always does ("- Harbor Ave.\n- Pell River Bridge").
-- A no-break or other Unicode space after a stop counts as white space and is trimmed.
-- The scan is linear (one pass over each paragraph, per-paragraph facts computed once);
-- tokens longer than 256 bytes are looked at by their last 256 bytes.
--
-- Data files (data/<language>/, one entry per line, # comments): abbreviations.txt,
-- abbreviations_titles.txt, abbreviations_numeric.txt, abbreviations_time.txt,
-- sentence_starters.txt, sentences_time_followers.txt, sentences_time_openers.txt,
-- sentences_line_continuations.txt, sentences_initial_preceders.txt,
-- sentences_exclamation_names.txt, abbreviations_terminal.txt,
-- sentences_terminal_followers.txt, sentences_attribution_verbs.txt (only
-- abbreviations.txt is required).
--
-- Options: language (data files under data/<language>/), abbreviations (extra general
-- abbreviations, without the final period), join_lines.
-- M.split(text [, opts]) returns the sentence list of any string (offsets into it).
--
-- Units: byte offsets, 1-based inclusive, into doc.text (into `text` for M.split).

local dp = require "docpipe"

local concat = table.concat

-- The detector's lists: kind (see docpipe.sbd.new) -> data file; true = required.
local LISTS = {
  { "abbreviations", "abbreviations.txt", true },
  { "titles", "abbreviations_titles.txt" },
  { "numeric", "abbreviations_numeric.txt" },
  { "time", "abbreviations_time.txt" },
  { "exclamation_names", "sentences_exclamation_names.txt" },
  { "starters", "sentence_starters.txt" },
  { "time_followers", "sentences_time_followers.txt" },
  { "time_openers", "sentences_time_openers.txt" },
  { "line_continuations", "sentences_line_continuations.txt" },
  { "initial_preceders", "sentences_initial_preceders.txt" },
  { "terminal", "abbreviations_terminal.txt" },
  { "terminal_followers", "sentences_terminal_followers.txt" },
  { "attribution_verbs", "sentences_attribution_verbs.txt" },
}

local detector_cache = {}

local function read_list(path, required)
  local ok, list = pcall(dp.data.list, path)
  if ok and type(list) == "table" then return list end
  if required then
    error("sentences: no data file '" .. path .. "' (language data missing?)", 0)
  end
  return {}
end

--- Build (and cache) the detector for a language and extra abbreviations.
local function build_detector(language, extra)
  language = language or "en"
  local words = {}
  for i, w in ipairs(extra or {}) do words[i] = tostring(w) end
  local key = language
  if #words > 0 then key = language .. "\0" .. concat(words, "\0") end
  if detector_cache[key] then return detector_cache[key] end
  local lists = {}
  for _, l in ipairs(LISTS) do
    lists[l[1]] = read_list(language .. "/" .. l[2], l[3])
  end
  local abbr = lists.abbreviations
  for _, w in ipairs(words) do abbr[#abbr + 1] = w end
  local det = dp.sbd.new(lists)
  detector_cache[key] = det
  return det
end

local M = {
  name = "sentences",
  doc = "Split doc.text into sentences {text, start, end}, paragraph by paragraph (rule-based, abbreviation-aware).",
}

M.options = {
  language = { type = "string", default = "en", doc = "language of the data files (scripts/data/<language>/)" },
  abbreviations = { type = "list", default = {}, doc = "extra general abbreviations (without the final period), added to abbreviations.txt" },
  join_lines = { type = "boolean", default = true, doc = "write line breaks inside a sentence as one space in `text` (the span is unchanged)" },
}

--- Split text into sentences. opts: language, abbreviations, join_lines (and detector,
-- a docpipe.sbd detector to use instead of building one).
-- Returns a list of {text, start, end} with byte offsets into text.
function M.split(text, opts)
  opts = opts or {}
  local det = opts.detector or build_detector(opts.language, opts.abbreviations)
  return det:split(text, opts.join_lines ~= false)
end

function M.init(opts, ctx)
  ctx.state.detector = build_detector(opts.language, opts.abbreviations)
end

function M.process(doc, ctx)
  local opts = ctx and ctx.opts or {}
  local det = ctx and ctx.state and ctx.state.detector or build_detector(opts.language, opts.abbreviations)
  if type(doc.text) == "string" then
    -- built when a later stage reads it; the JSON writer writes it from the spans
    doc.sentences = det:sentences(doc.text, opts.join_lines ~= false)
  else
    doc.sentences = dp.array({})
  end
  return doc
end

return M
