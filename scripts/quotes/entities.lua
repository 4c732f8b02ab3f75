--- The document's people and organisations, and reference resolution for the quotes stage.
--
-- Method (rule-based; the mention-to-speaker steps of Muzny et al. 2017, "A two-stage
-- sieve approach for quote attribution", with newswire conventions instead of a
-- coreference model):
--
-- * Mentions: a name is a run of capitalised words (with particles such as "de", "van",
--   "of", "&"). A title or role word inside the run ("Senator Ada Ruiz", "Harbour
--   Commissioner Elif Yildiz") is split off and kept as the entity's role, as are a role
--   word just before the run ("chief executive Paulo Brandt", "Mr. Tan") and an appositive
--   after it ("Park In-ho, the president of Daily NK", "Ines Calder, the finance
--   director,"). "Full Name (ACR)" defines an acronym.
-- * Entities: every mention is mapped to the fullest run of the article that contains
--   its words ("Park" -> "Park In-ho", "Mayor Okafor" -> "Lena Okafor"), preferring a
--   person of the same gender when a title tells it ("Mr. Tan" among two Tans). Each
--   entity is typed person / org / place / unknown from word lists (given names, titles,
--   organisation and place words) and gets a gender from its given name, its titles and
--   gendered role nouns, else from the pronouns that refer to it (each he/she/his/her
--   outside quotes votes for the subject of its sentence, or the nearest person before it;
--   an object pronoun never for its clause's subject: "Hollister nominated her").
-- * Subjects: a mention is the subject of its clause when it opens the clause (after an
--   introductory phrase and a comma, role words and determiners allowed before it) or
--   stands as an appositive right after the clause's opening noun phrase ("The head of the
--   union, Abena Kusi, had ..."); a name after "by", "with", "to" ... is not, nor is a
--   possessor ("Perkins' father"). Capitalised words that open a sentence but are
--   ordinary words ("Critics have", "Mill owner ...", "Looking ahead"), demonyms before a
--   noun ("the Israeli people") and nicknames in marks are not names.
-- * Nominal mentions: a person description opening a clause ("Perkins' father said",
--   "A witness told") is a mention too, so a pronoun after it is not given to a name;
--   not when an appositive names it ("The editor in chief of the Chronicle, Audrey
--   Cooper,"), and a kin noun after his/her ("His grandmother") is the person at the other
--   end of a relation told before ("Her grandson Linus": the woman named before him;
--   converses in role_kin.txt).
-- * Kinds: a name after "the" ("the National Geographic") is not taken for a person from
--   its shape, nor one before ", COUNTRY" ("Monza, Italy"), which is a place.
-- * Pronouns ("she said") resolve to the best compatible person mention of the last few
--   sentences: gender must not clash; being the subject of its sentence or a speaker
--   scores up, a known matching gender a little, a possessor ("Moreno-Vos' father")
--   and each sentence and paragraph of distance score down (so the subject of the
--   previous sentence beats a nearer name in a by-phrase, and an earlier speaker).
--   "it"/"they" resolve to organisations. A role before a name that a cue follows is no
--   appositive ("his ailing mother, Naseer said").
-- * Role nouns ("the minister", "the company's finance director", "the 29-year-old")
--   resolve to the latest person who carried that role, else (cataphora) to the first
--   person given that role later in the article ("..., its chief executive said." ...
--   "Teodora Vasquez-Lind, the chief executive, ...").
--
-- Units: token indices of docpipe.quotes.text; no byte offsets are produced here.
-- @module docpipe.quotes.entities

local dp = require "docpipe"
local qtext = require "docpipe.quotes.text"
local order = require "docpipe.quotes.order"

local concat = table.concat
-- a table with room for n array items and m keys: the per-document maps of M.build are
-- made at their size, not rebuilt at every power of two as they grow
local new_table = dp.text.table
local byte, sub = string.byte, string.sub

local M = {}

local PARTICLES = { de = true, van = true, von = true, der = true, den = true, da = true,
  di = true, du = true, la = true, le = true, al = true, bin = true, ibn = true, el = true,
  ["of"] = true, ["for"] = true }
local TITLE_ABBR = { mr = "m", mrs = "f", ms = "f", miss = "f", dr = true, prof = true,
  sen = true, rep = true, gov = true, gen = true, lt = true, col = true, capt = true,
  sgt = true, rev = true, st = true }
for w in pairs(qtext.TITLES) do   -- "Maj.", "Cpl.", "Supt." (data/en/abbreviations_titles.txt)
  if TITLE_ABBR[w] == nil then TITLE_ABBR[w] = true end
end
M.TITLE_ABBR = TITLE_ABBR
-- words that may follow the role noun of an appositive ("Ada Ruiz, the mayor of ...")
local APPOS_END = { ["of"] = true, at = true, ["for"] = true, ["in"] = true, with = true,
  who = true, whose = true, ["and"] = true, on = true, from = true }
-- words that show a name is not the subject of its clause when they come before it
local BLOCK = { by = true, with = true, to = true, from = true, ["for"] = true, ["of"] = true,
  at = true, ["in"] = true, on = true, against = true, over = true, after = true, before = true,
  about = true, between = true, into = true, through = true, during = true, under = true,
  than = true, like = true, as = true, that = true, who = true, which = true, whom = true,
  is = true, was = true, are = true, were = true, has = true, had = true, have = true,
  will = true, would = true, did = true, does = true, could = true, can = true, ["not"] = true,
  met = true, said = true, says = true, told = true, beat = true, called = true, ["and"] = true,
  ["or"] = true, when = true, where = true, ["if"] = true, because = true, ["while"] = true,
  among = true, behind = true, toward = true, towards = true, upon = true, without = true }
-- words that open an introductory phrase ended by a comma ("At the hearing, ...")
local INTRO = { at = true, ["in"] = true, on = true, after = true, before = true, earlier = true,
  later = true, still = true, however = true, meanwhile = true, asked = true, during = true,
  speaking = true, ["for"] = true, since = true, although = true, though = true, when = true,
  ["while"] = true, with = true, by = true, from = true, as = true, under = true, ["if"] = true,
  instead = true, separately = true, yesterday = true, today = true, last = true, this = true,
  indeed = true, now = true, moreover = true, afterwards = true, later = true, ["then"] = true }
-- words after "her" that show it is an object ("nominated her for", "told her that"),
-- not a possessive ("her first theory")
local AFTER_OBJECT = { to = true, ["for"] = true, with = true, from = true, at = true,
  ["in"] = true, on = true, about = true, into = true, ["of"] = true, by = true, that = true,
  the = true, a = true, an = true, ["and"] = true, ["or"] = true, but = true, as = true,
  up = true, out = true, off = true, back = true, down = true, over = true, again = true,
  this = true, after = true, before = true, when = true, ["if"] = true, because = true }
local CONJ_START = { but = true, ["and"] = true, so = true, yet = true, ["or"] = true }
local VERBISH = { was = true, is = true, has = true, had = true, were = true, are = true,
  will = true, would = true, could = true, can = true, did = true, does = true, who = true,
  remained = true, became = true, seemed = true, appeared = true, looked = true, went = true }
local OPENER_PREP = { ["in"] = true, at = true, on = true, to = true, from = true, into = true,
  with = true, by = true, ["for"] = true, ["of"] = true, after = true, before = true,
  out = true, up = true, down = true, home = true, there = true, here = true }

--- Is token t a word that can belong to a name?
function M.is_name_word(L, t)
  if not t or not t.cap then return false end   -- (only a word is capitalised)
  local b = t.base_low   -- cached on the token: lower-case base without 's
  if not b then
    b = qtext.lower_base(t)
    t.base_low = b
  end
  if L.stop[b] or L.pronoun[b] then return false end
  return true
end

-- per token list: what one pass of M.sentences records for the later passes
local index_cache = setmetatable({}, { __mode = "k" })

-- paragraphs written in title case (headlines): their capitalised runs are not names.
-- long, long_cap: by paragraph, the count of words of four bytes or more and of those
-- capitalised.
local function headline_of(long, long_cap)
  local headline = {}
  for hp, n in pairs(long) do
    if n >= 3 and n <= 25 and (long_cap[hp] or 0) >= 0.7 * n then headline[hp] = true end
  end
  return headline
end

-- the words of T written in lower case (a set), and the title-case paragraphs, when the
-- tokenizer did not gather them
local function word_stats(T)
  local lower_seen, long, long_cap = {}, {}, {}
  for i = 1, #T do
    local t = T[i]
    if t.k == "w" then
      if not t.cap then lower_seen[t.low] = true end
      if #t.t >= 4 then
        long[t.para] = (long[t.para] or 0) + 1
        if t.cap then long_cap[t.para] = (long_cap[t.para] or 0) + 1 end
      end
    end
  end
  return lower_seen, headline_of(long, long_cap)
end

-- Number the sentences (sets T[i].sent); returns the first token of every sentence, the
-- words opening a sentence or following a semicolon, and the number of sentences.
local function number_sentences(T)
  local sent = 1
  local prev_para = T[1] and T[1].para
  local sent_first, starts = {}, {}
  local last_sent
  local semi = false   -- the token before is a semicolon
  for i = 1, #T do
    local t = T[i]
    local para = t.para
    if para ~= prev_para then sent = sent + 1; prev_para = para end
    local ts = t.sent
    if not ts then ts = sent; t.sent = sent end
    local new_sent = ts ~= last_sent   -- the token before (if any) is of another sentence
    if new_sent then
      last_sent = ts
      if not sent_first[ts] then sent_first[ts] = i end
    end
    local k = t.k
    if k == "w" then
      if new_sent or semi then starts[#starts + 1] = i end
      semi = false
    elseif k == "p" then
      local tt = t.t
      semi = tt == ";"
      if tt == "." or tt == "!" or tt == "?" or tt == "\u{2026}" then
        local j = i + 1
        while T[j] and T[j].k == "q" and T[j].side ~= "open" and not T[j].ws do j = j + 1 end
        local nx = T[j]
        local pw = T[i - 1]
        local abbr = tt == "." and pw and pw.k == "w" and not t.ws
          and (TITLE_ABBR[pw.low] or #pw.t == 1 and pw.cap)
        for x = i + 1, j - 1 do T[x].sent = sent end
        if nx and nx.para == para and nx.ws and not abbr and (nx.cap or nx.k == "q"
            or nx.t:find("^%d")) then
          sent = sent + 1
        end
      end
    else
      semi = false
    end
  end
  return sent_first, starts, sent
end

--- Sentence index for every token (own splitter: . ! ? … followed by a capital,
-- a quote mark or a digit; not after a title abbreviation or an initial; paragraph
-- breaks always split). Sets T[i].sent, returns the number of sentences.
-- Also records what the other passes of this module read, so that none of them walks
-- every token again (see M.index). found (optional): what the tokenizer gathered in its
-- pass (docpipe.quotes.text.tokenize with `with`): when it numbered the sentences (with
-- TITLE_ABBR, the same rule) and counted the words, nothing is walked here.
function M.sentences(T, found)
  found = found or {}
  local sent_first, starts, nsent = found.sent_first, found.starts, nil
  if not sent_first then sent_first, starts, nsent = number_sentences(T) end
  local lower_seen, headline = found.lower, nil
  if found.long and found.long_cap then headline = headline_of(found.long, found.long_cap) end
  if not lower_seen or not headline then lower_seen, headline = word_stats(T) end
  index_cache[T] = { sent_first = sent_first, starts = starts, headline = headline,
    lower_seen = lower_seen, pronouns = found.pronoun, caps = found.cap }
  return nsent or (T[#T] and T[#T].sent) or 1
end

--- What M.sentences recorded for token list T: {sent_first (sentence -> its first token),
-- starts (word tokens opening a sentence or following ";"), lower_seen (set of the
-- lower-case words), headline (set of title-case paragraphs), and when the tokenizer
-- listed them, pronouns (token indices of the words of found.pronoun) and caps (token
-- indices of the capitalised words, found.cap)}.
function M.index(T)
  return index_cache[T] or error("docpipe.quotes.entities: sentences(T) has not run on T")
end

-- words of an office's name after "of" ("Secretary of State", "Minister of Finance")
local OFFICE = { state = true, defense = true, defence = true, finance = true, foreign = true,
  affairs = true, justice = true, health = true, education = true, interior = true,
  energy = true, commerce = true, labor = true, labour = true, transport = true,
  transportation = true, homeland = true, security = true, treasury = true, agriculture = true,
  housing = true, trade = true, culture = true, environment = true, economy = true,
  industry = true, science = true, war = true, veterans = true, home = true }

-- is the run so far a person's name, a given name or a title then a surname ("Tom Reyes",
-- "Dr. Amara Lindqvist")? Then "of" after it opens an organisation ("Tom Reyes of
-- Harbor Bank"), not a longer name ("Bank of Ostrava", "Secretary of State").
local function person_run(L, lows, n)
  if n < 2 then return false end
  local w1, wn = lows[1], lows[n]
  return (L.female[w1] or L.male[w1] or TITLE_ABBR[w1]) and not L.org[wn] and not L.role[wn]
    and not L.place[wn] and true or false
end

-- split a run of name tokens at its last title/role word; returns start index, role
local function split_title(L, words, lows)
  local cut
  local roles = L.role
  for k = 1, #words - 1 do
    local w = lows[k]
    local r = roles[w]
    if (r and (r.kind == "person")) or TITLE_ABBR[w] then cut = k end
  end
  if cut then
    for k = cut + 1, #words do if L.org[lows[k]] then cut = nil; break end end
  end
  if not cut then return 1, nil end
  local start = cut + 1
  while start < #words and PARTICLES[lows[start]] do
    start = start + 1
    -- "Secretary of State Hillary Clinton", "Minister of Foreign Affairs Ana Ruiz"
    while start < #words - 1 and (OFFICE[lows[start]] or L.org[lows[start]]) do start = start + 1 end
  end
  return start, lows[cut]
end

-- Paragraphs written in title case (headlines): their capitalised runs are not names
-- (counted by M.sentences).
local function headline_paras(T)
  return M.index(T).headline
end
M.headline_paras = headline_paras

-- role head noun of an appositive starting at token k ("the finance director of ...",
-- "a spokeswoman for ...", "52, a farmer"): returns the role word or nil
local function appositive_role(L, T, k, n)
  local j = k
  if T[j] and T[j].k == "w" and T[j].t:find("^%d+$") and T[j + 1] and T[j + 1].t == "," then
    j = j + 2
  end
  -- the appositive opens with an article or the role itself ("the mayor of", "a farmer",
  -- "chief executive of"), not with a preposition ("Netanyahu, with his wife, Sara")
  local o = T[j]
  if not (o and o.k == "w" and (o.low == "a" or o.low == "an" or o.low == "the"
      or L.role[o.low] or L.modifier[o.low] or o.cap or qtext.base(o) ~= o.t)) then
    return nil
  end
  for x = j, math.min(n, j + 5) do
    local u = T[x]
    if not u or u.k ~= "w" then break end
    local r = L.role[u.low]
    local nx = T[x + 1]
    if r and r.kind == "person" and (not nx or nx.k == "p" or APPOS_END[nx.low]) then
      return u.low
    end
    -- a capitalised modifier ("a gay Syrian man", "a Google engineer") may stand
    -- before the role; a capitalised word before another one or before punctuation
    -- starts a name instead
    if u.cap and x > j and not L.role[u.low] and not (nx and nx.k == "w" and not nx.cap) then
      break
    end
  end
  return nil
end

-- vowels (byte values) for demonym_shape
local VOWEL = { [97] = true, [101] = true, [105] = true, [111] = true, [117] = true }

-- Is w shaped like a demonym ("Israeli", "German", "Chinese", "Polish", "Czech")? The
-- endings -an, -en, -ese, -ish, -ch and -i after a consonant (the same test as the
-- patterns "[ae]n$", "ese$", "ish$", "[^aeiou]ch$", "[^aeiou]i$", by bytes).
local function demonym_shape(w)
  local n = #w
  if n < 2 then return false end
  local c1, c2 = byte(w, n), byte(w, n - 1)
  if c1 == 110 then return c2 == 97 or c2 == 101 end          -- -an, -en
  if c1 == 105 then return not VOWEL[c2] end                   -- -i after a consonant
  if n < 3 then return false end
  local c3 = byte(w, n - 2)
  if c1 == 101 then return c2 == 115 and c3 == 101 end         -- -ese
  if c1 == 104 then
    if c2 == 115 then return c3 == 105 end                     -- -ish
    return c2 == 99 and not VOWEL[c3]                          -- -ch after a consonant
  end
  return false
end
M.demonym_shape = demonym_shape

-- Is w shaped like a role noun: -er, -or, -ist, -ian, -ant, -ent (the patterns "[eo]r$",
-- "ist$", "ian$", "ant$", "ent$", by bytes)?
local function role_shape(w)
  local n = #w
  if n < 2 then return false end
  local c1, c2 = byte(w, n), byte(w, n - 1)
  if c1 == 114 then return c2 == 101 or c2 == 111 end          -- -er, -or
  if n < 3 then return false end
  local c3 = byte(w, n - 2)
  if c1 == 116 then
    if c2 == 115 then return c3 == 105 end                     -- -ist
    return c2 == 110 and (c3 == 97 or c3 == 101)               -- -ant, -ent
  end
  return c1 == 110 and c2 == 97 and c3 == 105                  -- -ian
end
M.role_shape = role_shape

--- Collect name mentions. inq(i) tells whether token i is inside a quotation.
-- Returns a list of mentions {first, last (name tokens), words (list), lows, key, role,
-- inq, sent, para, headline, acronym}.
function M.collect(L, T, inq)
  local n = #T
  local i = 1
  local ix = M.index(T)
  -- a mention starts at a capitalised word: room for one per word, when they are listed
  local mentions = ix.caps and new_table(#ix.caps, 0) or {}
  local headline = ix.headline
  local lower_seen = ix.lower_seen
  -- a capitalised word opening a sentence that is an ordinary word: "Critics have ...",
  -- "Mill owner Saskia Verhoeven", "Looking ahead, ..."
  local function common_opener(k)
    local t = T[k]
    local p = T[k - 1]
    while p and p.k == "q" and p.sent == t.sent do k = k - 1; p = T[k - 1] end
    if p and p.sent == t.sent and p.para == t.para then return false end
    local low = t.base_low or qtext.lower_base(t)
    if lower_seen[low] or L.role[low] or L.modifier[low] then return true end
    local nx = T[k + 1]
    if low:find("ing$") and nx and nx.k == "w" and not nx.cap then return true end
    -- "Aid worker Yevgenia ...": a role noun (or a word shaped like one) before a name
    for x = k + 1, k + 3 do
      local u = T[x]
      if not u or u.k ~= "w" or u.cap then break end
      local rolish = L.role[u.low] or role_shape(u.low)
      if rolish and T[x + 1] and T[x + 1].k == "w" and T[x + 1].cap and T[x + 1].ws then return true end
    end
    -- "Back in her orchard, ...": a word followed by a preposition
    if nx and nx.k == "w" and not nx.cap and OPENER_PREP[nx.low] then return true end
    return false
  end
  -- the first word of a longer run opening a sentence is an ordinary word when the
  -- article writes it in lower case elsewhere, or it is an -ing or -ly form
  local function opener_word(k)
    local t = T[k]
    local p = T[k - 1]
    while p and p.k == "q" and p.sent == t.sent do k = k - 1; p = T[k - 1] end
    -- "(CNN)Waiting for ...": a parenthesis closing a dateline opens the sentence
    if p and p.sent == t.sent and p.para == t.para and not (p.t == ")" and not t.ws) then return false end
    local low = t.base_low or qtext.lower_base(t)
    if TITLE_ABBR[low] or L.role[low] then return false end
    return lower_seen[low] or L.modifier[low] or low:find("ing$") ~= nil or low:find("ly$") ~= nil
  end
  local stop, pronoun, roles, cue_first = L.stop, L.pronoun, L.role, L.cue_first
  -- M.is_name_word(L, u) for a token u of T, written out in the loops below (called
  -- for most capitalised words, twice for a name of two words)
  local caps, ci = ix.caps, 1
  -- the token index of each word of the run being read: kept by no mention (m.first is
  -- read from it), so one table serves every run
  local idx = {}
  while i <= n do
    -- a name starts at a capitalised word: jump to the next one
    if caps then
      local c = caps[ci]
      while c and c < i do ci = ci + 1; c = caps[ci] end
      if not c then break end
      i = c
    end
    local t = T[i]
    local name_word = false
    if caps or (t.k == "w" and t.cap) then   -- caps lists capitalised words only
      local b = t.base_low
      if not b then b = qtext.lower_base(t); t.base_low = b end
      name_word = not (stop[b] or pronoun[b])
    end
    if name_word then
      local j = i
      -- room for two words (most runs): no table grows on the first two. nidx counts
      -- the words (words, lows and idx grow together)
      local words, lows, nidx = { nil, nil }, { nil, nil }, 0
      while true do
        local u = T[j]
        local b, poss = u.base_, u.poss_   -- cached by the tokenizer (else qtext.base)
        if not b then b, poss = qtext.base(u) end
        nidx = nidx + 1
        words[nidx] = b
        local bl = u.base_low   -- set when u passed is_name_word: b in lower case, ’ as '
        if not bl then
          M.is_name_word(L, u)
          bl = u.base_low
        end
        -- "mr." -> "mr" (a base_low that ends in a point is one byte longer than low;
        -- most are low itself, tested first)
        local ul = u.low
        if bl ~= ul and #bl > #ul and byte(bl, -1) == 46 then bl = sub(bl, 1, -2) end
        lows[nidx] = bl
        idx[nidx] = j
        if poss then break end
        local nx = T[j + 1]
        local nx_name = false
        -- cap first: most words after a name are not capitalised (only words are)
        if nx and nx.cap and nx.ws and nx.para == u.para then
          local nb = nx.base_low
          if not nb then nb = qtext.lower_base(nx); nx.base_low = nb end
          nx_name = not (stop[nb] or pronoun[nb])
        end
        if nx_name then
          j = j + 1
        elseif nx and (PARTICLES[nx.low] or nx.t == "&") and nx.ws and nx.para == u.para
          and M.is_name_word(L, T[j + 2]) and T[j + 2].ws
          and not (nx.low == "of" and person_run(L, lows, nidx)) then
          nidx = nidx + 1
          words[nidx] = nx.t
          lows[nidx] = nx.low
          idx[nidx] = j + 1
          j = j + 2
        elseif nx and nx.k == "q" and nx.fam == "single" and nx.side ~= "open" and not nx.ws
          and u.low:find("s$") and M.is_name_word(L, T[j + 2]) and T[j + 2].ws
          and T[j + 2].para == u.para then
          -- a plural possessive inside a name: Saltmere Dockers’ Guild
          words[nidx] = words[nidx] .. nx.t
          j = j + 2
        elseif nx and nx.k == "q" and nx.fam and nx.ws and T[j + 2] and T[j + 2].k == "w"
          and T[j + 2].cap and T[j + 3] and T[j + 3].k == "q" and T[j + 4]
          and M.is_name_word(L, T[j + 4]) and T[j + 4].ws then
          -- a nickname inside the name: Jozef “Jozzy” Halloran
          j = j + 4
        else
          break
        end
      end
      local nxw = T[j + 1]
      -- j == i: a run of one word (every longer run moved j on)
      if j == i and nxw and nxw.k == "w" and not nxw.cap and nxw.ws
        and not cue_first[nxw.low] and not stop[nxw.low] and not L.adverb[nxw.low]
        and demonym_shape(words[1]) then   -- the shape last: a call, the others lookups
        i = j + 1
        goto continue
      end
      if j == i and common_opener(i) then
        i = j + 1
        goto continue
      end
      if nidx > 1 and opener_word(i) then
        i = i + 1   -- drop the ordinary first word and read the run again from the next
        goto continue
      end
      -- (a title is split off a run of two words or more)
      local start, role = 1, nil
      if nidx > 1 then start, role = split_title(L, words, lows) end
      -- the run's own lists when no title is split off (nothing changes them later)
      local m = { first = idx[start], last = j, words = start == 1 and words or {},
        lows = start == 1 and lows or {}, role = role,
        inq = inq(i), sent = t.sent, para = t.para, headline = headline[t.para] }
      local nw = nidx   -- the mention's word count
      if start > 1 then
        local mw, ml = m.words, m.lows
        for k = start, nidx do mw[k - start + 1] = words[k]; ml[k - start + 1] = lows[k] end
        nw = nidx - start + 1
      end
      -- the words joined by spaces (one or two words, most mentions: no call to concat)
      local mw = m.words
      if nw == 1 then m.key = mw[1]
      elseif nw == 2 then m.key = mw[1] .. " " .. mw[2]
      else m.key = concat(mw, " ") end
      -- role or title just before the run: "chief executive Paulo Brandt", "Mr. Tan"
      -- (p, p2: the two tokens before the run; nxw: the one after it)
      local p, p2 = T[i - 1], T[i - 2]
      local pt = p and p.t
      -- "Mr. Tan": a title abbreviation and its point before the run
      local titled = pt == "." and p2 and TITLE_ABBR[p2.low]
      -- "... his ailing mother, Naseer said": a name the cue follows is the clause's
      -- subject, not an appositive naming the role before the comma
      local cue_after = nxw and nxw.k == "w" and not nxw.cap and cue_first[nxw.low]
      local pr = p and p.k == "w" and roles[p.low]
      local p2r = not cue_after and pt == "," and p2 and roles[p2.low or ""]
      if titled then
        m.role = m.role or p2.low
      elseif pr and pr.kind == "person" then
        m.role = m.role or p.low
      elseif p2r and p2r.kind == "person" then
        m.role = m.role or p2.low
      elseif not cue_after and pt == "," then
        -- "A senior official at the transport ministry, Haruto Vellacott,"
        for x = i - 2, math.max(1, i - 10), -1 do
          local u = T[x]
          if u.k ~= "w" then break end
          local r = roles[u.low]
          local d = T[x - 1]
          if r and r.kind == "person" and d and d.k == "w" and (d.low == "a" or d.low == "an"
              or d.low == "the" or L.modifier[d.low]) then
            m.role = m.role or u.low
            break
          end
        end
      end
      if role and TITLE_ABBR[role] then m.title = role end
      -- a possessor ("Perkins' father", "Clinton’s team") is not the clause's subject
      local tj, after2 = T[j], T[j + 2]
      local ends_poss = tj.poss_   -- cached with base_ (capitalised words), else asked
      if ends_poss == nil then
        local _
        _, ends_poss = qtext.base(tj)
      end
      if ends_poss or (nxw and nxw.k == "q" and nxw.fam == "single" and nxw.side ~= "open"
          and not nxw.ws and tj.low:find("s$") and after2 and after2.k == "w" and after2.ws) then
        m.possessive = true
      end
      if titled then
        m.title = p2.low
      elseif start > 1 and TITLE_ABBR[lows[1]] then
        m.title = lows[1]
      end
      -- appositive role after the run: "Park In-ho, the president of ..."
      if nxw and nxw.t == "," then
        if after2 and (after2.low == "a" or after2.low == "an") then
          for x = j + 3, math.min(n, j + 6) do
            local u = T[x]
            if not u or u.k ~= "w" or u.cap then break end
            local r = roles[u.low]
            if r and r.kind == "org" then m.org_appos = true; break end
          end
        end
        local r = appositive_role(L, T, j + 2, n)
        if r then
          m.appos_role = r
          m.role = m.role or r
        end
      end
      -- acronym definition "Full Name (ACR)"
      if nw >= 2 and nxw and nxw.t == "(" and after2
        and qtext.is_acronym(after2) and T[j + 3] and T[j + 3].t == ")" then
        m.acronym = after2.t
      end
      if nw > 0 then mentions[#mentions + 1] = m end
      i = j + 1
    else
      i = i + 1
    end
    ::continue::
  end
  return mentions
end

--- Index of the first item of list (sorted by field) whose field is >= v (#list + 1 if
-- none): a binary search, so that lookups stay fast on long documents.
function M.first_at(list, v, field)
  field = field or "first"
  local lo, hi = 1, #list + 1
  while lo < hi do
    local mid = (lo + hi) // 2
    if list[mid][field] < v then lo = mid + 1 else hi = mid end
  end
  return lo
end

local function contains(big, small)
  local nb, ns = #big, #small
  if ns > nb then return false end
  for k = 0, nb - ns do
    local ok = true
    for l = 1, ns do if big[k + l] ~= small[l] then ok = false; break end end
    if ok then return true end
  end
  return false
end

local function has_word(L, lows, set)
  local words = L[set]
  for k = 1, #lows do if words[lows[k]] then return true end end
  return false
end

-- gender a run carries by itself: given name, title
local function lexical_gender(L, lows, title)
  local tg = title and TITLE_ABBR[title]
  if tg and tg ~= true then return tg end   -- "m" or "f" (a TITLE_ABBR value is one or true)
  local first = lows[1]
  if #lows >= 2 or not title then
    if L.female[first] and not L.male[first] then return "f" end
    if L.male[first] and not L.female[first] then return "m" end
  end
  return nil
end

-- "in Monza, Italy": is one of the mentions followed by a known country or region (a
-- comma, then a capitalised word of place_names.txt that no capitalised word follows)?
-- Asked only of an entity that no other test has typed.
local function place_after(L, T, mentions)
  for it = 1, #mentions do
    local last = mentions[it].last
    local c, pl, after = T[last + 1], T[last + 2], T[last + 3]
    if c and c.t == "," and pl and pl.k == "w" and pl.cap and L.place[pl.low]
      and not (after and after.k == "w" and after.cap) then
      return true
    end
  end
  return false
end

-- the roles of an entity no mention gave a role (most): shared, so never written
local NO_ROLES = setmetatable({}, { __newindex = function()
  error("docpipe.quotes.entities: an entity's empty roles are shared: give it its own table")
end })

--- Build entities from mentions: sets m.entity on every mention.
-- Returns a table {list = entities, by_key = {}} where an entity is
-- {name, words, lows, kind, gender, roles = {role = true}, mentions = {}} (roles: one
-- shared empty table, not to be written, when no mention gave the entity a role).
function M.build(L, T, mentions, extra_names)
  -- acr: acronym -> the mention defining it (has_acr: any; most articles define none)
  local acr, has_acr = {}, false
  local nmentions = #mentions
  local pool, npool = new_table(nmentions, 0), 0
  for it = 1, nmentions do
    local m = mentions[it]
    if m.acronym then acr[m.acronym] = m; has_acr = true end
    if not m.headline then npool = npool + 1; pool[npool] = m end
  end
  local ndoc = npool   -- pool[1 .. ndoc]: the document's mentions, then the title's
  for _, m in ipairs(extra_names or {}) do
    if not m.headline then m.extra = true; npool = npool + 1; pool[npool] = m end
  end
  -- an entity per distinct run at most
  local E = { list = new_table(npool, 0), by_key = new_table(0, npool) }
  -- key: the words joined by spaces (a mention's key), when the caller has it
  local function entity_for(words, lows, key)
    key = key or concat(words, " ")
    local e = E.by_key[key]
    if not e then
      -- the fields named nil give the table room for those set later (kinds and genders
      -- below, learn_gender: votes, {m, f, n}, made for the few entities a pronoun votes
      -- for), so that it is not rehashed on the way
      e = { name = key, words = words, lows = lows, roles = NO_ROLES, mentions = { nil },
        votes = nil, title = nil, gender = nil, fixed_gender = nil, kind = nil, article = nil,
        voted = nil }
      E.by_key[key] = e
      E.list[#E.list + 1] = e
    end
    return e
  end
  -- runs by word, one entry per distinct run with its positions, so that finding the
  -- runs that contain a mention does not scan every mention of a long article. Only
  -- runs of two words or more: a run is tried for a mention only when it has more
  -- words than the mention (most mentions are of one word)
  local by_word, runs = new_table(0, npool), new_table(0, npool)
  for pj = 1, npool do
    local c = pool[pj]
    local r = #c.words > 1 and runs[c.key]
    if r == nil then
      -- org and place: the run's word-list tests, filled in below when asked (the
      -- constructor names them so that the table has room for them)
      r = { c = c, firsts = { nil }, extra = c.extra and pj or nil, org = nil, place = nil }
      runs[c.key] = r
      local cwords = c.words
      for it2 = 1, #cwords do
        local w = cwords[it2]
        -- a word twice in the run is filed once (runs are short: no set is built)
        local dup = false
        for it3 = 1, it2 - 1 do
          if cwords[it3] == w then dup = true; break end
        end
        if not dup then
          local l = by_word[w]
          if not l then by_word[w] = { r } else l[#l + 1] = r end
        end
      end
    end
    if r and pj <= ndoc then   -- not c.extra
      local f = r.firsts
      f[#f + 1] = c.first
    end
  end
  for it = 1, nmentions do
    local m = mentions[it]
    local target = m
    if has_acr and #m.words == 1 and acr[m.words[1]] then
      target = acr[m.words[1]]
    end
    local m_org   -- has_word(L, target.lows, "org"), asked when a run has an org word
    local want = m.title and TITLE_ABBR[m.title]
    if want == true then want = nil end   -- "m", "f" or nil (m.title is a TITLE_ABBR key)
    -- the fullest run containing the mention; ties: same gender as the title asks,
    -- then nearest before, else first after
    local best, best_d, best_g
    local tw, t_place = target.words, nil   -- t_place: target's place word, looked up once
    local runs_w = by_word[tw[1]]
    for ri = 1, runs_w and #runs_w or 0 do
      local run = runs_w[ri]
      local c = run.c
      local cw = c.words
      -- a run's word-list tests are asked once per run (run.org, run.place)
      local ok = #cw > #tw and contains(cw, tw)
      if ok then
        local r_org = run.org
        if r_org == nil then r_org = has_word(L, c.lows, "org"); run.org = r_org end
        if r_org then
          if m_org == nil then m_org = has_word(L, target.lows, "org") end
          ok = m_org
        end
        if ok then
          local r_place = run.place
          if r_place == nil then r_place = has_word(L, c.lows, "place"); run.place = r_place end
          local last_place = L.place[c.lows[#c.lows]]
          if r_place and last_place then
            if t_place == nil then t_place = has_word(L, target.lows, "place") end
            ok = t_place
          end
          ok = ok and not (last_place and L.place[target.lows[1]])
        end
      end
      if ok then
        local d
        if #run.firsts > 0 then
          -- nearest occurrence before the mention, else the first one after it
          local f = run.firsts
          local lo, hi = 1, #f + 1
          while lo < hi do
            local mid = (lo + hi) // 2
            if f[mid] < m.first then lo = mid + 1 else hi = mid end
          end
          d = lo > 1 and (m.first - f[lo - 1]) or (100000 + f[1])
          -- a lone given name is not the first name of someone named only later
          -- ("Huskins' father, Michael" ... "CNN's Michael Martinez contributed")
          if lo == 1 and #target.words == 1 and c.words[1] == target.words[1] then d = nil end
        else
          d = 200000 + (run.extra or 0)  -- a name from the title
        end
        local g = d and want and lexical_gender(L, c.lows, c.title)
        local gscore = (want and g == want and 1) or (want and g and g ~= want and -1) or 0
        if d and (not best or gscore > best_g or (gscore == best_g and (#c.words > #best.words
            or (#c.words == #best.words and d < best_d)))) then
          best, best_d, best_g = c, d, gscore
        end
      end
    end
    local src = best or target
    local e = entity_for(src.words, src.lows, src.key)
    m.entity = e
    local role, appos_role = m.role, m.appos_role
    if role or appos_role then
      local rs = e.roles
      if rs == NO_ROLES then rs = {}; e.roles = rs end
      if role then rs[role] = true end
      if appos_role then rs[appos_role] = true end
    end
    if m.title then e.title = e.title or m.title end
    local em = e.mentions
    em[#em + 1] = m
  end
  -- kinds and genders
  local elist = E.list
  for it = 1, #elist do
    local e = elist[it]
    local g = lexical_gender(L, e.lows, e.title)
    local titled = false
    if e.roles ~= NO_ROLES then   -- most entities have no role: no call to next
      for r in next, e.roles do   -- as pairs (no metatable), without the call to pairs
        titled = true
        local rr = L.role[r]
        local tg = TITLE_ABBR[r]
        if tg and tg ~= true then g = g or tg end
        if rr and rr.gender then g = g or rr.gender end
      end
    end
    e.gender = g
    e.fixed_gender = g ~= nil
    local org_appos, article = false, false
    local e_mentions = e.mentions
    for it2 = 1, #e_mentions do
      local m = e_mentions[it2]
      if m.org_appos then org_appos = true end
      -- "the National Geographic": a name after "the" is not taken for a person's from
      -- its shape alone
      local d = T[m.first - 1]
      if d and d.k == "w" and d.low == "the" and not m.role and not m.inq then article = true end
    end
    if has_word(L, e.lows, "org") or (#e.words == 1 and e.words[1]:find("^%u%u+$"))
      or e.name:find("&", 1, true) or (org_appos and not g) then
      e.kind = "org"
    elseif g or titled then
      e.kind = "person"
    elseif has_word(L, e.lows, "place") or place_after(L, T, e_mentions) then
      e.kind = "place"
    elseif #e.words >= 2 and not L.nonperson[e.lows[#e.lows]]
        and not e.words[1]:find("^%u%u+$") and not article then
      -- two capitalised words are taken for a person unless the last one heads a
      -- thing ("Syrian Penal Code") or the first is an acronym ("LGBT Syrians")
      e.kind = "person"
    else
      e.kind = "unknown"
    end
    e.article = article or nil
  end
  return E
end

-- "Former player and official Jean-Michel Moutier": an "and" at x joins two
-- descriptions of one person when only role words and lower-case words come before it
local function role_pair(L, T, cs, x)
  if x == cs then return false end
  for y = cs, x - 1 do
    local u = T[y]
    if u.k ~= "w" or (u.cap and not (L.role[u.low] or L.modifier[u.low])) then return false end
  end
  return true
end

--- Mark the subject mentions (m.subject), and on every mention outside quotes whether a
-- verb follows it (m.verb_next).
function M.mark_subjects(L, T, mentions)
  local sent_first = M.index(T).sent_first
  local seen_subject = {}
  local cue_first, adverb = L.cue_first, L.adverb
  for it = 1, #mentions do
    local m = mentions[it]
    if m.inq then goto next_mention end
    do
      -- a lone surname followed by a verb ("Oyelowo-Fisk was not persuaded") may stand
      -- for a person even when the article never gives the full name
      local nx = T[m.last + 1]
      m.verb_next = nx and nx.k == "w" and not nx.cap and (VERBISH[nx.low] or cue_first[nx.low]
        or adverb[nx.low]) and true or false
    end
    -- a sentence has one subject: once it is found, the later mentions of the sentence
    -- are not tried (the test below has no other effect)
    if seen_subject[m.sent] then goto next_mention end
    do
      -- clause start: after quote marks, a leading conjunction and an introductory phrase
      local cs = sent_first[m.sent]
      local first = m.first
      local tc = T[cs]
      while tc and (tc.k == "q" or tc.k == "p") and cs < first do cs = cs + 1; tc = T[cs] end
      if tc and tc.k == "w" and CONJ_START[tc.low] then cs = cs + 1; tc = T[cs] end
      if tc and tc.k == "w" and INTRO[tc.low] then
        for x = cs + 1, math.min(m.first - 1, cs + 14) do
          if T[x].t == "," then
            cs = x + 1
            -- "In her 2003 book, Living History, Clinton noted": the title belongs to
            -- the introductory phrase
            if T[x - 1] and L.work[T[x - 1].low] then
              for y = cs, math.min(m.first - 1, cs + 8) do
                if T[y].t == "," then cs = y + 1; break end
              end
            end
            break
          end
        end
        while T[cs] and cs < m.first and (T[cs].k == "q" or T[cs].k == "p") do cs = cs + 1 end
      end
      local ok = false
      if cs <= m.first then
        local words, blocked = 0, false
        for x = cs, m.first - 1 do
          local u = T[x]
          if u.k == "w" then
            words = words + 1
            if BLOCK[u.low] and not u.cap and not (u.low == "and" and role_pair(L, T, cs, x)) then
              blocked = true
            end
          elseif u.k == "q" or (u.k == "p" and u.t ~= "-" and u.t ~= "\u{2019}" and u.t ~= "'") then
            blocked = true
          end
          if blocked or words > 7 then break end   -- the answer is no either way
        end
        ok = not blocked and words <= 7
        -- appositive after the clause's opening noun phrase: "The head of the union, NAME,"
        local pw = T[m.first - 1]
        if not ok and pw and pw.k == "w" and (pw.low == "named" or pw.low == "called") then
          -- "The patient, a 34-year-old carpenter named NAME, lost ...": the clause's
          -- subject is the person the appositive names
          local comma_at
          for x = cs, m.first - 2 do if T[x].t == "," then comma_at = x; break end end
          if comma_at and comma_at - cs <= 4 then
            local nx2 = T[m.last + 1]
            ok = nx2 and nx2.t == "," or false
          end
        end
        if not ok and T[m.first - 1] and T[m.first - 1].t == "," then
          local w2, bad = 0, false
          for x = cs, m.first - 2 do
            local u = T[x]
            if u.k == "w" then
              w2 = w2 + 1
              if BLOCK[u.low] and not (u.low == "of" or u.low == "for" or u.low == "at"
                  or u.low == "in") then bad = true end
            elseif u.k == "p" and u.t ~= "-" then bad = true
            elseif u.k == "q" and not (u.fam == "single" and u.side ~= "open" and not u.ws
                and T[x - 1] and T[x - 1].k == "w" and T[x - 1].low:find("s$")) then
              bad = true
            end
          end
          ok = not bad and w2 >= 1 and w2 <= 10
        end
      end
      if ok and m.possessive then
        ok = false
        -- "Kealy's lawyer, Simone Achterberg, had asked": the appositive name is the subject
        local o = m.last + 1
        if T[o] and T[o].k == "q" then o = o + 1 end   -- "Huskins' father"
        local r1, c1 = T[o], T[o + 1]
        if not (r1 and r1.k == "w" and L.role[r1.low] and c1 and c1.t == ",") then
          seen_subject[m.sent] = true
        end
      end
      -- a name modifying a role noun ("Saint-Germain official Jean-Michel Moutier",
      -- "Roudebush VA director Tom Mattice") leaves the subject to the name after it
      local rn = T[m.last + 1]
      if ok and rn and rn.k == "w" and not rn.cap and (L.role[rn.low] or L.modifier[rn.low]) then
        for y = m.last + 2, m.last + 3 do
          local u = T[y]
          if not u or u.k ~= "w" then break end
          if u.cap and not L.stop[u.low] then ok = false; break end
        end
      end
      if ok and not seen_subject[m.sent] then
        m.subject = true
        seen_subject[m.sent] = true
      end
    end
    ::next_mention::
  end
end

-- "Her grandson Linus ... His grandmother has doubts": a kin noun after his/her/their
-- names the person at the other end of a relation told before. kin: the converse nouns
-- of the description's head (role_kin.txt); pron: the possessive's gender ("m", "f" or
-- nil); gender: the head's. Returns the mention of that person or nil.
local function kin_antecedent(T, mentions, at_tok, kin, pron, gender)
  local sent = T[at_tok].sent
  for k = M.first_at(mentions, at_tok) - 1, 1, -1 do
    local mk = mentions[k]
    if mk.sent < sent - 6 then break end
    local e = mk.entity
    if not mk.inq and e.kind == "person" and mk.role and kin[mk.role]
      and (not pron or not e.gender or e.gender == pron) then
      -- the owner: the nearest other person before the relative, within three sentences
      for k2 = k - 1, 1, -1 do
        local mo = mentions[k2]
        if mo.sent < mk.sent - 3 then break end
        local eo = mo.entity
        if not mo.inq and eo ~= e and eo.kind == "person" and (not gender or not eo.gender
            or eo.gender == gender) then
          return mo
        end
      end
      return nil
    end
  end
  return nil
end

-- words that open a description of a person ("the witness", "his grandmother")
local NOMINAL_DET = { the = true, a = true, an = true, one = true, his = true, her = true,
  their = true }

--- Person descriptions opening a clause ("Perkins' father said ...", "A witness told
-- ..."): nominal mentions that pronouns may refer to, their speaker the description as
-- written. Returns the list of mentions and nominals merged in text order. mention_at
-- (optional): token index -> its mention, when the caller has it already.
function M.with_nominals(L, T, mentions, inq, mention_at)
  local starts = M.index(T).starts
  local at = mention_at
  if not at then
    at = {}
    for _, m in ipairs(mentions) do for x = m.first, m.last do at[x] = m end end
  end
  local out = {}
  for it = 1, #starts do
    local cs = starts[it]
    if inq(cs) then goto next_start end   -- clauses in quotes are not read
    do
      local tc = T[cs]
      if tc.k == "w" and CONJ_START[tc.low] then cs = cs + 1 end
      local k = cs
      local tk = T[k]
      local det = tk and tk.k == "w" and (NOMINAL_DET[tk.low] or (at[k] and at[k].possessive))
      if det and at[k] and at[k].possessive then k = at[k].last end
      if det then
        for x = k, math.min(#T, k + 5) do
          local u = T[x]
          if u and u.k == "q" and x == k + 1 and u.side ~= "open" then goto next_tok end
          if not u or u.k ~= "w" or (at[x] and x > k) then break end
          local r = L.role[u.low]
          if r and r.kind == "person" and x > k then
            local nx = T[x + 1]
            local named = nx and ((nx.k == "w" and nx.cap) or (nx.t == "," and T[x + 2] and T[x + 2].cap))
            if nx and nx.t == "," and not named then
              -- "The patient, a 34-year-old carpenter named Goran Velasquez-Moi,": the
              -- appositive names the person
              for y = x + 2, math.min(#T, x + 14) do
                local v = T[y]
                if v.k == "p" and v.t ~= "-" then break end
                local am = at[y]
                if am and T[y - 1].k == "w" and (T[y - 1].low == "named" or T[y - 1].low == "called")
                  and (am.entity.kind == "person" or am.entity.kind == "unknown") then
                  named = true
                  break
                end
              end
            end
            if not named and nx and nx.k == "w" and APPOS_END[nx.low] then
              -- "The editor in chief of the Chronicle, Audrey Cooper, said": the name
              -- after the prepositional phrase is the appositive
              for y = x + 1, math.min(#T - 1, x + 10) do
                local v = T[y]
                if v.t == "," then
                  local am = at[y + 1]
                  named = am and am.first == y + 1 and (am.entity.kind == "person"
                    or am.entity.kind == "unknown") or false
                  break
                end
                if v.k ~= "w" then break end
              end
            end
            local kin = L.kin[u.low]
            local pp = L.pronoun[T[k].low]
            local kin_m = not named and kin and pp and pp.fn == "poss" and x == k + 1
              and kin_antecedent(T, mentions, k, kin, pp.gender, r.gender)
            if kin_m then
              -- the description is that person: pronouns after it go to the name
              out[#out + 1] = { first = cs, last = x, sent = T[k].sent, para = T[k].para,
                subject = true, nominal = true, entity = kin_m.entity, words = {}, lows = {},
                key = kin_m.entity.name }
            elseif not named and not (nx and nx.k == "w" and L.role[nx.low]) then
              local first = cs
              if T[first].k == "w" and CONJ_START[T[first].low] then first = first + 1 end
              local name = {}
              for y = first, x do
                if T[y].k == "q" then name[#name] = name[#name] .. T[y].t
                else name[#name + 1] = T[y].t end
              end
              local e = { name = table.concat(name, " "), words = {}, lows = {}, roles = { [u.low] = true },
                mentions = {}, votes = { m = 0, f = 0, n = 0 }, kind = "person", gender = r.gender,
                nominal = true }
              out[#out + 1] = { first = first, last = x, sent = T[k].sent, para = T[k].para, subject = true,
                nominal = true, entity = e, words = {}, lows = {}, key = e.name }
            end
            break
          end
          -- "The regional health board urged ...": an organisation described, not named,
          -- that "it" may refer to
          if x > k and T[k].low == "the" and (L.org[u.low] or (r and r.kind == "org")) then
            local nx = T[x + 1]
            if not (nx and nx.k == "w" and (nx.cap or nx.low == "of" or L.org[nx.low])) then
              local name = {}
              for y = k, x do name[#name + 1] = T[y].t end
              local e = { name = table.concat(name, " "), words = {}, lows = {}, roles = { [u.low] = true },
                mentions = {}, votes = { m = 0, f = 0, n = 0 }, kind = "org", nominal = true }
              out[#out + 1] = { first = k, last = x, sent = T[k].sent, para = T[k].para, subject = true,
                nominal = true, entity = e, words = {}, lows = {}, key = e.name }
            end
            break
          end
          if L.stop[u.low] and x > k and not (u.low == "of") then break end
          ::next_tok::
        end
      end
    end
    ::next_start::
  end
  if #out == 0 then return mentions end
  return order.merge(mentions, out, "first")
end

--- The mentions with the nominal ones merged in (M.with_nominals), for pronoun
-- resolution: built on the first call for the stage's context C (its L, T, mentions,
-- mention_at and inq, the test of a token inside a quotation) and kept as
-- C.antecedents, as many documents resolve no pronoun (a third of a news sample) and
-- nothing with_nominals reads changes once the entities are built. Without C.inq, the
-- mentions alone.
function M.antecedents(C)
  local a = C.antecedents
  if not a then
    a = C.inq and M.with_nominals(C.L, C.T, C.mentions, C.inq, C.mention_at) or C.mentions
    C.antecedents = a
  end
  return a
end

-- the votes of an entity no pronoun voted for (never written)
local NO_VOTES = { m = 0, f = 0, n = 0 }

--- Learn genders from pronouns: each he/his/him/she/her outside quotes votes for the
-- subject mention of its sentence when that comes before it, else for the nearest person
-- mention before it in the sentence. A subject pronoun right before a speech cue ("she
-- said") is what resolution has to find, so it does not vote. Entities whose gender the
-- name, a title or a role gave keep it.
function M.learn_gender(L, T, mentions, inq)
  local mi = 0                -- the mentions up to the pronoun: mentions[1 .. mi]
  local nextm = mentions[1]   -- the next one
  -- the last sentence among them and the index of its first mention (the mentions are
  -- in text order, so those of a sentence follow each other)
  local block_sent, block_first = nil, 1
  -- only the pronouns vote (listed by the tokenizer, else here)
  local pronouns = M.index(T).pronouns
  if not pronouns then
    pronouns = {}
    for i = 1, #T do
      if T[i].k == "w" and L.pronoun[T[i].low] then pronouns[#pronouns + 1] = i end
    end
  end
  for it = 1, #pronouns do
    local i = pronouns[it]
    local t = T[i]
    while nextm and nextm.first <= i do
      mi = mi + 1
      if nextm.sent ~= block_sent then block_sent, block_first = nextm.sent, mi end
      nextm = mentions[mi + 1]
    end
    local p = t.k == "w" and L.pronoun[t.low]
    if p then
      if (p.gender == "m" or p.gender == "f" or (p.gender == "n" and p.fn == "poss"))
        and not inq(i) then
        -- the mentions of the pronoun's sentence up to it: mentions[lo .. mi] (outside
        -- quotes), none when hi < lo
        local lo, hi = block_first, block_sent == t.sent and mi or 0
        local target
        -- an object pronoun is not its clause's subject ("Fairweather nominated her for
        -- the award"); "himself"/"herself" and possessives are
        local nx = T[i + 1]
        local object = (p.fn == "obj" and not t.low:find("self$"))
          or (t.low == "her" and not (nx and nx.k == "w" and not AFTER_OBJECT[nx.low]))
        for x = lo, hi do
          local m = mentions[x]
          if not m.inq and m.subject and m.last < i and not object
              and (m.entity.kind == "person" or m.entity.kind == "unknown"
                or (p.gender == "n" and m.entity.kind == "org")) then
            target = m
            break
          end
        end
        if not target then
          for x = hi, lo, -1 do
            local m = mentions[x]
            local kind = m.entity.kind
            if not m.inq and m.last < i and not (object and m.subject)
              and (kind == "person" or (kind == "unknown" and #m.entity.words > 1))
              and p.gender ~= "n" then
              target = m
              break
            end
          end
        end
        local cue_next = p.fn == "subj" and T[i + 1] and L.cue_first[T[i + 1].low or ""]
        if target and not cue_next then
          local te = target.entity
          local v = te.votes
          if not v then v = { m = 0, f = 0, n = 0 }; te.votes = v end
          v[p.gender] = v[p.gender] + 1
        end
      end
    end
  end
  for it = 1, #mentions do
    local m = mentions[it]
    local e = m.entity
    if not e.fixed_gender and not e.voted then
      e.voted = true
      local v = e.votes or NO_VOTES
      local n = v.n or 0
      if n > v.m + v.f and not e.fixed_gender and (e.kind == "person" or e.kind == "unknown")
        and not e.title then
        e.kind = "org"   -- "Vantor Steel ... its blast furnace"
      elseif v.m > v.f then e.gender = "m" elseif v.f > v.m then e.gender = "f" end
      if e.gender and e.kind == "unknown" then e.kind = "person" end
    end
  end
end

local function compatible(e, want)
  if want == "m" or want == "f" then
    if e.kind == "unknown" then return e.gender == want end
    return e.kind == "person" and (e.gender == nil or e.gender == want)
  elseif want == "org" then
    return e.kind == "org" or e.kind == "place"
  end
  return e.kind == "person" or (e.kind == "unknown" and not e.article)
end

--- Resolve a pronoun (lower case) at token index i. Returns the mention or nil.
-- want: "m", "f", "org" or "person" (a person of either gender: "the 29-year-old").
function M.resolve_pronoun(L, T, mentions, i, pron, want)
  if not want then
    local p = L.pronoun[pron]
    if not p or p.fn == "first" then return nil end
    want = p.gender == "m" and "m" or p.gender == "f" and "f" or "org"
  end
  local para = T[i].para
  local sent = T[i].sent
  local best, best_score
  local count = 0
  local gendered = want == "m" or want == "f"
  for k = M.first_at(mentions, i) - 1, 1, -1 do
    local m = mentions[k]
    if m.last < i then
      if m.para < para - 3 then break end
      local e = m.entity
      -- a mention in quotes or in a headline is no antecedent: tested before its entity
      if not m.inq and not m.headline and (compatible(e, want)
          or (gendered and (m.subject and m.verb_next or m.speaker)
            and e.kind == "unknown" and not e.gender and not L.nonperson[e.lows[#e.lows] or ""])) then
        count = count + 1
        if count > 12 then break end
        local dsent = sent - m.sent
        local score = -1.2 * dsent - 0.6 * (para - m.para)
        if m.subject or m.speaker then score = score + 2.0 end
        if m.subject and m.speaker then score = score + 0.3 end
        if gendered and e.gender == want then score = score + 0.5 end
        if e.kind == "unknown" then score = score - 1.5 end
        -- a possessor is not the head of its noun phrase ("Moreno-Vos' father said he")
        if m.possessive then score = score - 1.0 end
        score = score - 0.02 * count
        if not best or score > best_score then best, best_score = m, score end
      end
    end
  end
  return best
end

-- does entity e carry role word r (or a synonym written in the article)?
local function has_role(e, r)
  return e.roles[r] == true
end

--- Resolve a role noun ("the senator", "the company's finance director") at token index
-- i to the latest person who carried that role, else to the first one given that role
-- later in the article (cataphora, up to `ahead` paragraphs on). Returns the mention or nil.
function M.resolve_role(mentions, i, role, T, ahead)
  local start = M.first_at(mentions, i)
  for k = start - 1, 1, -1 do
    local m = mentions[k]
    if m.last < i and has_role(m.entity, role) and m.entity.kind == "person" then return m end
  end
  if T then
    local para = T[i].para
    for k = start, #mentions do
      local m = mentions[k]
      if m.para > para + (ahead or 2) then break end
      if m.sent > T[i].sent + 3 then break end   -- named soon after, not pages later
      if m.first > i and not m.inq and m.entity.kind == "person"
        and (m.role == role or m.appos_role == role) then
        return m
      end
    end
  end
  return nil
end

return M
