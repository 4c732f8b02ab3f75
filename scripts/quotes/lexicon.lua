--- Word lists of the quotes stage, loaded from scripts/data/en/ and extended by options.
--
-- Files (one entry per line, # comments, optional tab-separated tags):
-- cue_verbs.txt (speech cues, inflected, with tags direct/frag/addr), cue_passive.txt
-- (passive cue phrases: "was quoted as saying"), cue_attribution.txt
-- (attribution cues that are not speech: found, showed, called for; tag attr), pronouns.txt,
-- role_nouns.txt, role_modifiers.txt, name_stopwords.txt, org_words.txt,
-- place_names.txt, given_names_female.txt, given_names_male.txt, cue_adverbs.txt,
-- cue_time_words.txt, quotes_work_nouns.txt (nouns before a title of a work: film, song),
-- quotes_mention_nouns.txt (nouns before a word mentioned as a word: word, term),
-- quotes_label_cues.txt (words before a label: so-called, known as, nicknamed),
-- cue_nominal.txt (nouns that report speech with an owner: "Trump's claim that"),
-- quotes_inscription_nouns.txt (sign, banner, headline: text on an object, not speech),
-- quotes_nonperson_heads.txt (last words of names that are not people: code, act, cup),
-- role_kin.txt (kin nouns and their converses: grandmother -> grandson, granddaughter).
-- Every lookup key is lower case with ’ written as '.
-- @module docpipe.quotes.lexicon

local dp = require "docpipe"

local M = {}

local function fields(line)
  if not line:find("\t") then return { line } end
  local out = {}
  for f in line:gmatch("[^\t]+") do out[#out + 1] = f:match("^%s*(.-)%s*$") end
  return out
end

local function load(path, lang)
  local ok, lines = pcall(dp.data.list, lang .. "/" .. path)
  if not ok or type(lines) ~= "table" then return {} end
  return lines
end

local function norm(w) return (w:lower():gsub("\u{2019}", "'")) end

--- Build the lexicon for a language ("en") with extra cue forms (list of strings);
-- speech_only leaves out the attribution cues of cue_attribution.txt.
function M.load(lang, extra_cues, speech_only)
  lang = lang or "en"
  local L = { cue_first = {}, cue_tag = {}, pronoun = {}, role = {}, modifier = {},
    stop = {}, org = {}, place = {}, female = {}, male = {}, adverb = {}, timeword = {},
    work = {}, mention = {}, label = {}, nominal = {}, inscription = {}, nonperson = {},
    kin = {} }
  local function add_cue(line)
    local f = fields(line)
    local phrase = norm(f[1])
    local words = {}
    for w in phrase:gmatch("%S+") do words[#words + 1] = w end
    if #words == 0 then return end
    words.key = table.concat(words, " ")   -- the key of its tag in L.cue_tag
    local list = L.cue_first[words[1]]
    if not list then list = {}; L.cue_first[words[1]] = list end
    list[#list + 1] = words
    table.sort(list, function(a, b) return #a > #b end)
    L.cue_tag[phrase] = f[2] or "any"
  end
  for _, line in ipairs(load("cue_verbs.txt", lang)) do add_cue(line) end
  for _, line in ipairs(load("cue_passive.txt", lang)) do add_cue(line) end
  if not speech_only then
    for _, line in ipairs(load("cue_attribution.txt", lang)) do add_cue(line) end
  end
  for _, c in ipairs(extra_cues or {}) do add_cue(c) end
  -- per first word, the phrases that can still match once the second word is known
  -- (its own list order kept): match_cue tries only those
  L.cue_next = {}
  for w, list in pairs(L.cue_first) do
    local by2, single = {}, {}
    for _, words in ipairs(list) do
      if #words == 1 then
        single[#single + 1] = words
        for _, sub in pairs(by2) do sub[#sub + 1] = words end
      else
        local sub = by2[words[2]]
        if not sub then
          sub = {}
          for _, one in ipairs(single) do sub[#sub + 1] = one end
          by2[words[2]] = sub
        end
        sub[#sub + 1] = words
      end
    end
    L.cue_next[w] = { by2 = by2, single = single }
  end
  for _, line in ipairs(load("pronouns.txt", lang)) do
    local f = fields(line)
    L.pronoun[norm(f[1])] = { gender = f[2] ~= "-" and f[2] or nil, number = f[3], fn = f[4] }
  end
  for _, line in ipairs(load("role_nouns.txt", lang)) do
    local f = fields(line)
    local kind, gender = f[2] or "person", nil
    if kind == "f" or kind == "m" then gender, kind = kind, "person" end
    L.role[norm(f[1])] = { kind = kind, gender = gender }
  end
  for _, line in ipairs(load("role_kin.txt", lang)) do
    local f = fields(line)
    local set = {}
    for w in (f[2] or ""):gmatch("[^,%s]+") do set[norm(w)] = true end
    L.kin[norm(f[1])] = set
  end
  for name, file in pairs({ modifier = "role_modifiers.txt", stop = "name_stopwords.txt",
      org = "org_words.txt", place = "place_names.txt", female = "given_names_female.txt",
      male = "given_names_male.txt", adverb = "cue_adverbs.txt", timeword = "cue_time_words.txt",
      work = "quotes_work_nouns.txt", mention = "quotes_mention_nouns.txt",
      label = "quotes_label_cues.txt", nominal = "cue_nominal.txt",
      inscription = "quotes_inscription_nouns.txt",
      nonperson = "quotes_nonperson_heads.txt" }) do
    for _, line in ipairs(load(file, lang)) do L[name][norm(fields(line)[1])] = true end
  end
  return L
end

--- Match a cue starting at token index i (word tokens only, consecutive).
-- Returns the index of its last token and the cue's tag, or nil. allow_cap: accept a
-- capitalised cue word (headlines: "Flynn Says ...").
function M.match_cue(L, T, i, hi, allow_cap)
  local t = T[i]
  if not t or t.k ~= "w" then return nil end
  local low = t.low
  local list = L.cue_first[low]
  if not list then return nil end
  -- a capitalised cue word is a name or a headline word ("United States", "Says"),
  -- except sentence-initial "According to"
  if t.cap and low ~= "according" and not allow_cap then return nil end
  -- only the phrases whose second word is the next token's (and the one-word ones)
  local nx = L.cue_next and L.cue_next[low]
  if nx then
    local u = T[i + 1]
    list = u and not (hi and i + 1 > hi) and u.k == "w" and nx.by2[u.low] or nx.single
  end
  for x = 1, #list do
    local words = list[x]
    local ok = true
    for k = 2, #words do
      local u = T[i + k - 1]
      if not u or (hi and i + k - 1 > hi) or u.k ~= "w" or u.low ~= words[k] then ok = false; break end
    end
    if ok then return i + #words - 1, L.cue_tag[words.key] end
  end
  return nil
end

return M
