--- quotes: direct and reported speech with their speakers.
--
-- Finds quotations (text between double quote marks, guillemets, or single quotes used
-- as quotation marks) and attributes them to a speaker; finds reported speech ("Park said
-- that ...", "..., the agency reported.", "according to ...") and other attributions
-- ("The study found that ...", "Schiff called on ..."), flagging those whose content
-- holds a quoted phrase as mixed. Speakers are given in canonical form: the fullest name
-- the article uses for that person, pronouns, role nouns and ages resolved to the person
-- they refer to, documents ("the statement said") to the organisation behind them,
-- acronyms to the name they stand for. Quoted words that are not speech (scare quotes,
-- titles, nicknames, labels, words mentioned as words) are not reported. doc.speakers
-- counts the quotes of each speaker.
--
-- Method: attribution in sieves, the most certain first, after Muzny, Fang, Chang and
-- Jurafsky (2017), "A two-stage sieve approach for quote attribution" (EACL): first
-- each quotation is linked to a speaker phrase and a cue, then each phrase is resolved
-- to an entity of a document-level list of people and organisations built from name
-- shapes, titles and appositives. Cue lists follow newswire usage (the Gender Gap
-- Tracker's and textacy's cue verbs, with PolNeAR's attribution cues); no model is used.
--
-- Sieves for direct quotes, in order (docpipe.quotes.direct):
--   1. nonspeech     quoted words that are not speech are set aside: a title after a
--                    work noun ("the film “Salt and Iron”"), a word mentioned as a word
--                    ("the word “closure”"), a label ("so-called", "known as"), a
--                    nickname inside a name (Jozef “Jozzy” Halloran)
--   2. adjacent      a cue and a speaker next to the quote in its sentence: `”, said
--                    NAME`, `” NAME said`, `” she added`, `NAME said, “`, `NAME told
--                    reporters: “` (appositives and relative clauses between name and cue)
--                    `,” she began, “` (any verb closing the clause after a pronoun or
--                    name), `X paused and said, “` (coordinated predicates), `According
--                    to NAME, who ..., “`; a sign's text, a quoted addressee and a
--                    lower-case quote completing a sentence begun before it are left out
--   3. naming        a quoted phrase after called/described (`which he called “wildly
--                    optimistic”`); a label (`what it calls a “smart terminal”`, a
--                    title-case name) is not speech; after an object a short phrase is
--                    also reported as a mixed quote (`called the decision “right”`)
--   4. dash          `” —NAME` (press releases)
--   5. colon         a clause ending in a colon, its subject speaking (`Mayor Okafor: ‘`,
--                    `The head of the union, Abena Kusi, had a message: “`), also as a
--                    lead-in paragraph of its own (`And from deputy mayor Rob Tennant:`)
--   6. group         the parts of one utterance share a speaker: a quote interrupted by
--                    its attribution, a quote running over paragraphs
--   7. continuation  a quote standing alone after an attributed quote of its paragraph
--   8. subject       a quote standing alone after a sentence whose subject is a person
--                    (`Asante was more cautious. “Closer is not done.”`), or a short
--                    sentence opening with he or she (`He laughs. “Not yet.”`)
--   9. paragraph     a quote opening a paragraph after a paragraph whose last quote has
--                    a speaker
--  10. nested        a quotation inside a quotation with a cue and a person of its own
--                    (`“My father used to say, ‘...’”` -> `father of Selin Arcos`)
--  11. reported      a quote standing alone after reported speech of its paragraph
--                    (`..., Schiff said. “The other factor is ...”`)
--  12. standalone    any other quote standing as a sentence of its own is kept without a
--                    speaker when it has min_words words; words quoted inside a sentence
--                    with no cue are not speech
--  13. turn          in a question-and-answer exchange a bare quote is the other party's
--                    turn (`“Did you see him?” X asked. “I did not.”`, `“Where?” “All
--                    over the car.”`, an answer opening with yes or no), not a
--                    continuation of the previous speaker; a description no one named
--                    carries answering a question (`“Yes,” the witness replied`) is the
--                    other party too: an earlier speaker of the exchange, a reported
--                    speaker or the subject of a sentence just before the question
-- Patterns for reported speech, in order (docpipe.quotes.indirect): a title-case
-- headline (`NAME: CONTENT`, `NAME Says CONTENT`); the attribution closing a sentence
-- (`CONTENT, NP said.`, `CONTENT, said NP.`, `CONTENT, according to NP.`, a
-- parenthetical `..., she said, ...`); a leading `According to NP[, appositive],` or
-- participle (`Claiming ..., Trump told ...`); `NP cue [that] CONTENT` (with
-- `told ADDRESSEE [that]`, `... and said`, `..., which reported`, the owner of a
-- reporting noun: `Trump's claim that`); `..., adding that CONTENT` (the speaker of the
-- clause's cue or of the direct quote it attributes).
-- Resolution of speaker phrases, in order (docpipe.quotes.speaker, .entities): a name
-- -> its fullest form in the article (gender from a title when two share a surname); an
-- acronym -> the name it was defined for; a pronoun -> the best compatible person (no
-- gender clash; subject of its sentence or a speaker scores up, distance down) or, for
-- it/they, an organisation; a role noun (`the minister`, `the company's finance
-- director`) -> the latest person with that role, else the first named with it later
-- (cataphora); an age (`the 29-year-old`) -> as a pronoun of either gender; an
-- organisation noun (`the ministry`, `the company`) -> the organisation named before; a
-- document (`the statement`) -> the organisation that last spoke, or its named owner
-- (`the IMF report`), to the owner after it (`a statement on the union's website`) or to
-- whoever last spoke `in a statement` (`the statement added`); `the voice` -> the person
-- who last spoke; a kin noun after his/her (`His grandmother`) -> the person at the other
-- end of a relation told before (`Her grandson Linus`); a name an appositive gives
-- (`One user, identified as NAME,`) -> that name; anything else (`a family spokeswoman`,
-- `Huskins' family`) as written.
--
-- Cost: the tokenizer (docpipe.quotes.text.tokenize, in C) numbers the sentences, maps
-- doc.sentences to token ranges and lists the pronouns, cue words, reporting nouns,
-- capitalised words and quote marks in the pass that builds the tokens; the sieves then
-- visit those positions only, so that a document's cost follows its names, quotes and
-- cues more than its length.
--
-- Input: doc.text, doc.sentences ({text, start, end}; when missing the stage splits
-- sentences itself), optional doc.title. Output: doc.quotes, a list of
-- {text, start, end, speaker, speaker_mention, cue, type = "direct"|"indirect", group
-- (direct: parts of one utterance share it), mixed (indirect: the content contains a
-- quoted phrase)}; unknown values are docpipe.null. doc.speakers: a list of
-- {name, quotes}, most quoted first.
--
-- Units: start/end are byte offsets into doc.text, 1-based inclusive, of the quoted
-- text without its marks (direct) or of the reported content (indirect).
-- @module docpipe.stages.quotes

local dp = require "docpipe"
local qtext = require "docpipe.quotes.text"
local lexicon = require "docpipe.quotes.lexicon"
local marks = require "docpipe.quotes.marks"
local ent = require "docpipe.quotes.entities"
local speaker = require "docpipe.quotes.speaker"
local direct = require "docpipe.quotes.direct"
local indirect = require "docpipe.quotes.indirect"
local order = require "docpipe.quotes.order"

local sort = table.sort
local new_table = dp.text.table

local M = { name = "quotes",
  doc = "Direct and reported speech with canonical speakers, speaker mentions and cues." }

M.options = {
  cues = { type = "list", default = {},
    doc = "extra speech cues, inflected as written (\"griped\", \"pointed out\"); "
      .. "a tab then direct, frag, addr or attr tags the cue as in data/en/cue_verbs.txt" },
  attributions = { type = "boolean", default = true,
    doc = "also report attributions that are not speech (found, showed, called for, "
      .. "criticized: data/en/cue_attribution.txt), as PolNeAR annotates them" },
  include_indirect = { type = "boolean", default = true, doc = "also report reported speech" },
  min_words = { type = "integer", default = 5, min = 1,
    doc = "fewest words for a direct quote that has no cue and continues no other quote" },
  language = { type = "string", default = "en", doc = "language of the word lists (data/<lang>/)" },
}

local NULL = dp.null

-- token ranges of the sentences: from doc.sentences when present (found.ranges, when the
-- tokenizer walked them: found.ranges_n, their count, is 0 for an empty list), else own
-- split
local function sentence_ranges(doc, T, found)
  if found and found.ranges and found.ranges_n > 0 then return found.ranges end
  local out = {}
  local sents = doc.sentences
  if type(sents) == "table" and #sents > 0 then
    local i = 1
    for _, s in ipairs(sents) do
      local a, b = tonumber(s.start), tonumber(s["end"])
      if a and b then
        local t = T[i]
        while t and t.s < a do i = i + 1; t = T[i] end
        local first = i
        while t and t.s + #t.t - 1 <= b do i = i + 1; t = T[i] end   -- t.e (qtext.last_byte)
        if i - 1 >= first then out[#out + 1] = { first, i - 1 } end
      end
    end
    return out
  end
  local cur
  for i = 1, #T do
    local t = T[i]
    if not cur or T[i - 1].sent ~= t.sent then
      cur = { i, i }
      out[#out + 1] = cur
    else
      cur[2] = i
    end
  end
  return out
end

-- the word sets, one table per lexicon (the tokenizer merges them once per table)
local finds = setmetatable({}, { __mode = "k" })

-- what the tokenizer gathers in its pass (docpipe.quotes.text.tokenize): the positions of
-- pronouns, cue words and reporting nouns, the sentences (numbered with the titles that
-- keep their point) and the token ranges of the given sentences (passed as they are:
-- `#sents` would build the tables of the sentences stage's unread list, which the
-- tokenizer reads through its spans; an empty list gives found.ranges_n = 0)
local function gather(L, sents)
  local find = finds[L]
  if not find then
    find = { pronoun = L.pronoun, cue = L.cue_first, nominal = L.nominal }
    finds[L] = find
  end
  return { find = find,
    abbrs = ent.TITLE_ABBR,
    ranges = type(sents) == "table" and sents or nil }
end

-- the token tables of the last document, by lexicon (one per stage instance): the next
-- document's tokens reuse them (docpipe.quotes.text.tokenize's `with.pool`), as nothing
-- keeps a token past the document it came from
local pools = setmetatable({}, { __mode = "k" })

-- The mentions that are a dateline's place ("VELMAR, Wrenshire —", "LIMA, Oct 3 (Wire)
-- -"): an upper-case word opening a paragraph with a dash within twelve tokens. Not a
-- person or organisation: no pronoun or role noun refers to it ("it said" is no town).
local DATELINE_DASH = { ["-"] = true, ["\u{2014}"] = true, ["\u{2013}"] = true, ["--"] = true }
local function drop_datelines(L, T, mentions)
  local keep, n = nil, 0
  for it = 1, #mentions do
    local m = mentions[it]
    local t, p = T[m.first], T[m.first - 1]
    local dateline = false
    if (not p or p.para ~= t.para) and t.k == "w" and #t.t >= 2 and t.t:find("^%u%u")
        and t.t == t.t:upper() then
      -- a comma or an agency in parentheses before the dash, or a known place: "NATO --
      -- the alliance --" is no dateline
      local marked = L.place[t.low] or false
      for i = m.last + 1, math.min(#T, m.last + 12) do
        local u = T[i]
        if u.para ~= t.para or u.t == "." then break end
        if u.t == "," or u.t == "(" then marked = true end
        if DATELINE_DASH[u.t] then dateline = marked; break end
      end
    end
    if dateline and not keep then
      keep = {}
      for x = 1, it - 1 do keep[x] = mentions[x] end
      n = it - 1
    end
    if keep and not dateline then n = n + 1; keep[n] = m end
  end
  return keep or mentions
end

local function title_mentions(L, title)
  if type(title) ~= "string" or title == "" then return {} end
  local T, _, found = qtext.tokenize(title, gather(L))
  ent.sentences(T, found)
  return ent.collect(L, T, function() return false end)
end

--- Extract quotes from a document table; returns the list for doc.quotes.
-- opts: validated options (defaults filled in when missing); L: lexicon (optional).
function M.extract(doc, opts, L)
  opts = opts or {}
  L = L or lexicon.load(opts.language or "en", opts.cues, opts.attributions == false)
  local text = type(doc.text) == "string" and doc.text or ""
  local with = gather(L, doc.sentences)
  with.pool = pools[L] or {}
  pools[L] = with.pool
  local T, paras, found = qtext.tokenize(text, with)
  ent.sentences(T, found)
  local spans = marks.find(T, paras, text, found.quote)
  local in_span = new_table(#T)   -- maps by token index: room for every token
  for k, s in ipairs(spans) do
    for i = s.open, s.close or s.last do in_span[i] = k end
  end
  local function inq(i) return in_span[i] ~= nil end
  local mentions = drop_datelines(L, T, ent.collect(L, T, inq))
  local E = ent.build(L, T, mentions, title_mentions(L, doc.title))
  ent.mark_subjects(L, T, mentions)
  ent.learn_gender(L, T, mentions, inq)
  local mention_at, acronyms = new_table(#T), {}
  for it = 1, #mentions do
    local m = mentions[it]
    for i = m.first, m.last do mention_at[i] = m end
    if m.acronym then acronyms[m.acronym] = m.entity.name end
  end
  local C = { text = text, T = T, paras = paras, L = L, spans = spans, mentions = mentions,
    mention_at = mention_at, acronyms = acronyms, entities = E, found = found,
    opts = { min_words = opts.min_words or 5 }, headline = ent.headline_paras(T), inq = inq }
  -- C.antecedents (the mentions with the nominal ones) is built by the first pronoun
  -- that asks for it (ent.antecedents)

  local drecs, pending = direct.attribute(C)
  local in_direct = new_table(#T)
  for _, r in ipairs(drecs) do
    local s = r.s
    if not r.also_mixed then
      for i = s.open, s.close or s.last do in_direct[i] = true end
    end
  end
  C.direct_by_cue = {}
  for _, r in ipairs(drecs) do
    if r.cue_first and not r.also_mixed then C.direct_by_cue[r.cue_first] = r end
  end
  local irecs = {}
  if opts.include_indirect ~= false then
    irecs = indirect.find(C, sentence_ranges(doc, T, found), in_direct)
  end

  -- resolve speakers in text order of their cues (pronouns and "the statement" look back);
  -- each list is in that order already, most often: merged, not sorted (order.merge)
  local dtodo, itodo = {}, {}
  for _, r in ipairs(drecs) do if r.np then dtodo[#dtodo + 1] = r end end
  for _, r in ipairs(irecs) do if not r.participle_of then itodo[#itodo + 1] = r end end
  local todo = order.merge(dtodo, itodo, "cue_first")
  for it = 1, #todo do
    local r = todo[it]
    local spk, mention, m = speaker.resolve(C, r.np)
    r.speaker, r.mention = spk, mention
    -- "X said in a statement": a later "the statement said" is X's
    local a1, a2, a3 = T[r.cue_last + 1], T[r.cue_last + 2], T[r.cue_last + 3]
    if spk and a1 and a1.low == "in" and a2 and a3 and a3.low == "statement" then
      C.last_statement = { name = spk, m = m, sent = T[r.cue_last].sent }
    elseif C.last_statement and spk ~= C.last_statement.name then
      C.last_statement = nil
    end
    local role = not m and r.np.kind == "role" and r.np.role and L.role[r.np.role]
    if role and role.kind == "person" and not r.np.pp then
      r.open_role = true   -- "the witness responded": no one named carries the role
    end
    if m then
      m.speaker = true
      C.last_speaker = m
      if m.entity.kind == "org" then C.last_org = m end
    end
  end
  direct.reported_over_continuation(C, drecs, irecs)
  for _, r in ipairs(direct.settle(C, pending, irecs)) do drecs[#drecs + 1] = r end
  sort(drecs, function(x, y) return x.s.open < y.s.open end)
  for _, r in ipairs(drecs) do
    local m = r.subject_mention
    if m then
      r.speaker, r.mention = m.entity.name, text:sub(T[m.first].s, qtext.last_byte(T[m.last]))
    end
  end
  local function cue_of(r)
    if not r.cue_first then return nil end
    return text:sub(T[r.cue_first].s, qtext.last_byte(T[r.cue_last]))
  end
  local function final(r, depth)
    if r.inherit_from and depth < 20 then return final(r.inherit_from, depth + 1) end
    return r
  end

  direct.turns(C, drecs, function(r) return final(r, 0) end, irecs)

  -- quotes nested in a quote, with a speaker of their own ("My father used to say, '...'")
  local nested = {}
  for _, r in ipairs(drecs) do
    for _, n in ipairs(direct.nested_quotes(C, r)) do
      local outer = final(r, 0)
      local spk, mention = speaker.resolve(C, n.np)
      if n.np.kind == "role" then
        spk = outer.speaker and (n.np.role .. " of " .. outer.speaker) or mention
      end
      n.speaker, n.mention = spk, mention
      nested[#nested + 1] = n
    end
  end

  local out = {}   -- the direct quotes, then (merged in below) the indirect ones
  local function emit_direct(r, src)
    local s = r.s
    if s.inner_s <= s.inner_e then
      out[#out + 1] = { text = text:sub(s.inner_s, s.inner_e), start = s.inner_s,
        ["end"] = s.inner_e, speaker = src.speaker or NULL, speaker_mention = src.mention or NULL,
        cue = cue_of(src) or NULL, type = "direct", group = r.group }
    end
  end
  local gmax = 0
  for _, r in ipairs(drecs) do
    emit_direct(r, final(r, 0))
    if r.group and r.group > gmax then gmax = r.group end
  end
  for _, n in ipairs(nested) do
    gmax = gmax + 1
    n.group = gmax
    emit_direct(n, n)
  end
  local iout = {}
  for _, r in ipairs(irecs) do
    local src = r.participle_of or r
    local a, b = T[r.first].s, qtext.last_byte(T[r.last])
    iout[#iout + 1] = { text = text:sub(a, b), start = a, ["end"] = b,
      speaker = src.speaker or NULL, speaker_mention = src.mention or NULL,
      cue = cue_of(r) or NULL, type = "indirect", mixed = r.mixed or false }
  end
  out = order.merge(out, iout, "start")
  for it = 1, #out do dp.object(out[it]) end
  return dp.array(out)
end

--- Count the quotes of each speaker: a list of {name, quotes}, most quoted first (ties in
-- order of first quote). The parts of one direct utterance count once; quotes without a
-- speaker are not counted.
function M.speakers(quotes)
  local by, order = {}, {}
  local seen_group = {}
  for _, q in ipairs(quotes) do
    local name = q.speaker
    if type(name) == "string" and name ~= "" then
      local key = q.type == "direct" and q.group and ("g" .. tostring(q.group)) or nil
      if not (key and seen_group[key]) then
        if key then seen_group[key] = true end
        if not by[name] then
          by[name] = dp.object({ name = name, quotes = 0 })
          order[#order + 1] = by[name]
          by[name].first = #order
        end
        by[name].quotes = by[name].quotes + 1
      end
    end
  end
  sort(order, function(x, y)
    if x.quotes ~= y.quotes then return x.quotes > y.quotes end
    return x.first < y.first
  end)
  for _, s in ipairs(order) do s.first = nil end
  return dp.array(order)
end

function M.init(opts, ctx)
  ctx.state = ctx.state or {}
  ctx.state.lexicon = lexicon.load(opts and opts.language or "en", opts and opts.cues,
    opts and opts.attributions == false)
end

function M.process(doc, ctx)
  local opts = ctx and ctx.opts or {}
  local L = ctx and ctx.state and ctx.state.lexicon
  doc.quotes = M.extract(doc, opts, L)
  doc.speakers = M.speakers(doc.quotes)
  return doc
end

return M
