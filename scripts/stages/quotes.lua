--- quotes: direct and reported speech with their speakers.
--
-- Finds quotations (text between double quote marks, guillemets, or single quotes used
-- as quotation marks), attributes them to a speaker through the speech cue next to them
-- (said, told, added, according to, ...), and finds reported speech introduced by the
-- same cues ("Park said that ...", "..., the agency reported."). Speakers are given in
-- canonical form: the fullest name the article uses for that person, pronouns and role
-- nouns resolved to the person they refer to, acronyms to the name they stand for.
-- Quoted words that are not speech (scare quotes, titles, nicknames with no cue) are
-- not reported.
--
-- Method: rule-based attribution after the newswire conventions used by the Gender
-- Gap Tracker quote extractor and textacy's direct_quotations (quote mark pairing,
-- cue-verb lists, subject/inverted speaker patterns) with its own reference resolution
-- (see docpipe.quotes.entities); the modules under scripts/quotes/ hold the steps:
-- text (tokens), marks (quote pairing), entities (names and resolution), speaker
-- (speaker phrases), direct and indirect (attribution patterns), lexicon (word lists).
--
-- Input: doc.text, doc.sentences ({text, start, end}; when missing the stage splits
-- sentences itself), optional doc.title. Output: doc.quotes, a list of
-- {text, start, end, speaker, speaker_mention, cue, type = "direct"|"indirect", group
-- (direct: parts of one utterance share it), mixed (indirect: the content contains a
-- quoted phrase)}; unknown values are docpipe.null.
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

local sort = table.sort

local M = { name = "quotes",
  doc = "Direct and reported speech with canonical speakers, speaker mentions and cues." }

M.options = {
  cues = { type = "list", default = {},
    doc = "extra speech cues, inflected as written (\"griped\", \"pointed out\"); "
      .. "a tab then direct, frag or addr tags the cue as in data/en/cue_verbs.txt" },
  include_indirect = { type = "boolean", default = true, doc = "also report reported speech" },
  min_words = { type = "integer", default = 5,
    doc = "fewest words for a direct quote that has no cue and continues no other quote" },
  language = { type = "string", default = "en", doc = "language of the word lists (data/<lang>/)" },
}

local NULL = dp.null

-- token ranges of the sentences: from doc.sentences when present, else own split
local function sentence_ranges(doc, T)
  local out = {}
  local sents = doc.sentences
  if type(sents) == "table" and #sents > 0 then
    local i = 1
    for _, s in ipairs(sents) do
      local a, b = tonumber(s.start), tonumber(s["end"])
      if a and b then
        while T[i] and T[i].s < a do i = i + 1 end
        local first = i
        while T[i] and T[i].e <= b do i = i + 1 end
        if i - 1 >= first then out[#out + 1] = { first, i - 1 } end
      end
    end
    return out
  end
  local cur
  for i, t in ipairs(T) do
    if not cur or T[i - 1].sent ~= t.sent then
      cur = { i, i }
      out[#out + 1] = cur
    else
      cur[2] = i
    end
  end
  return out
end

local function title_mentions(L, title)
  if type(title) ~= "string" or title == "" then return {} end
  local T = qtext.tokenize(title)
  ent.sentences(T)
  return ent.collect(L, T, function() return false end)
end

--- Extract quotes from a document table; returns the list for doc.quotes.
-- opts: validated options (defaults filled in when missing); L: lexicon (optional).
function M.extract(doc, opts, L)
  opts = opts or {}
  L = L or lexicon.load(opts.language or "en", opts.cues)
  local text = type(doc.text) == "string" and doc.text or ""
  local T, paras = qtext.tokenize(text)
  ent.sentences(T)
  local spans = marks.find(T, paras, text)
  local in_span = {}
  for k, s in ipairs(spans) do
    for i = s.open, s.close or s.last do in_span[i] = k end
  end
  local function inq(i) return in_span[i] ~= nil end
  local mentions = ent.collect(L, T, inq)
  local E = ent.build(L, T, mentions, title_mentions(L, doc.title))
  ent.learn_gender(L, T, mentions, inq)
  ent.mark_salience(mentions)
  local mention_at, acronyms = {}, {}
  for _, m in ipairs(mentions) do
    for i = m.first, m.last do mention_at[i] = m end
    if m.acronym then acronyms[m.acronym] = m.entity.name end
  end
  local C = { text = text, T = T, paras = paras, L = L, spans = spans, mentions = mentions,
    mention_at = mention_at, acronyms = acronyms, entities = E,
    opts = { min_words = opts.min_words or 5 } }

  local drecs = direct.attribute(C)
  local in_direct = {}
  for _, r in ipairs(drecs) do
    local s = spans[r.span]
    for i = s.open, s.close or s.last do in_direct[i] = true end
  end
  local irecs = {}
  if opts.include_indirect ~= false then
    irecs = indirect.find(C, sentence_ranges(doc, T), function(i) return in_direct[i] end)
  end

  -- resolve speakers in text order of their cues (pronouns and "the statement" look back)
  local todo = {}
  for _, r in ipairs(drecs) do if r.np then todo[#todo + 1] = r end end
  for _, r in ipairs(irecs) do if not r.participle_of then todo[#todo + 1] = r end end
  sort(todo, function(x, y) return x.cue_first < y.cue_first end)
  for _, r in ipairs(todo) do
    local spk, mention, m = speaker.resolve(C, r.np)
    r.speaker, r.mention = spk, mention
    if m then
      m.salient, m.speaker = true, true
      if m.entity.kind == "org" then C.last_org = m end
    end
  end
  for _, r in ipairs(drecs) do
    local m = r.subject_mention
    if m then
      r.speaker, r.mention = m.entity.name, text:sub(T[m.first].s, T[m.last].e)
    end
  end
  local function cue_of(r)
    if not r.cue_first then return nil end
    return text:sub(T[r.cue_first].s, T[r.cue_last].e)
  end
  local function final(r, depth)
    if r.inherit_from and depth < 20 then return final(r.inherit_from, depth + 1) end
    return r
  end

  local out = {}
  for _, r in ipairs(drecs) do
    local s = spans[r.span]
    local src = final(r, 0)
    if s.inner_s <= s.inner_e then
      out[#out + 1] = { text = text:sub(s.inner_s, s.inner_e), start = s.inner_s,
        ["end"] = s.inner_e, speaker = src.speaker or NULL, speaker_mention = src.mention or NULL,
        cue = cue_of(src) or NULL, type = "direct", group = r.group }
    end
  end
  for _, r in ipairs(irecs) do
    local src = r.participle_of or r
    local a, b = T[r.first].s, T[r.last].e
    out[#out + 1] = { text = text:sub(a, b), start = a, ["end"] = b,
      speaker = src.speaker or NULL, speaker_mention = src.mention or NULL,
      cue = cue_of(r) or NULL, type = "indirect", mixed = r.mixed or false }
  end
  sort(out, function(x, y) return x.start < y.start end)
  for _, q in ipairs(out) do dp.object(q) end
  return dp.array(out)
end

function M.init(opts, ctx)
  ctx.state = ctx.state or {}
  ctx.state.lexicon = lexicon.load(opts and opts.language or "en", opts and opts.cues)
end

function M.process(doc, ctx)
  local opts = ctx and ctx.opts or {}
  local L = ctx and ctx.state and ctx.state.lexicon
  doc.quotes = M.extract(doc, opts, L)
  return doc
end

return M
