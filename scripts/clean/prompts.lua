--- Reader prompts: newsletter and sign-up boxes, app and alert promotions, and the
-- consent line under an e-mail box, told from article text by who they speak to.
--
-- Method: a prompt addresses the reader and names a sign-up. A block of at most 60
-- words with no quotation marks and no verb of reporting ("said", "told", "according
-- to": reported speech is the article's) addresses the reader when it holds "you" or
-- "your", when one of its sentences opens with a verb of en/clean_prompt_verbs.txt (an
-- imperative: "Get ...", "Stay informed: sign up ...") when it opens with a short
-- question ("Enjoyed this story?") or speaks of the act of signing up ("By signing up,
-- you agree", "This site is protected by reCAPTCHA"); it names a sign-up when it holds one strong word of
-- en/clean_prompt_words.txt ("newsletter", "inbox", "privacy policy") or two weak ones
-- ("delivered", "every Sunday", "email"). Both must hold. This is the second-person
-- call-to-action cue that boilerplate classifiers use beside their word lists
-- (Kohlschütter et al. 2010 count such blocks by their link and word shape; here the
-- reader-address test stands in for the link density a text dump has lost).
-- Units: word counts; byte offsets are not used.

local dp = require "docpipe"

local re = dp.re
local byte, find = string.byte, string.find

local M = {}

-- the tokeniser's word bit (docpipe.clean.blocks word flags) of a prompt word
M.PROMPT = 64

-- (the quotation marks and the reporting verbs as one alternation: one PCRE2 call, not
-- two, on a block that does neither, the common case; the marks have no case)
local rx_speaks = re.compile("[\"“”«»]|\\b(?:said|says|told|according to|asked)\\b", "i")

--- Does the text quote someone (a quotation mark: " “ ” « ») or report speech (said,
-- says, told, according to, asked)? A prompt to the reader never does.
function M.speaks(text)
  return rx_speaks:find(text) ~= nil
end

-- a word addressing the reader
local you = "\\b(?:you|your|yours|you're|you’re|you'll|you’ll|you've|you’ve)\\b"
-- the first word of each sentence (after a stop, a colon or a closing quote)
local rx_starts = re.compile("(?:^|[.!?:]\\s+)\\W{0,3}(\\p{L}[\\p{L}'’-]*)")
local rx_question = re.compile("^[^.!?]{3,60}\\?\\s")
-- the consent line under a sign-up box speaks of the act, not to the reader
local consent = "\\b(?:by (?:signing|subscribing|clicking|submitting|registering|entering|continuing|providing)|this (?:site|form|page) is protected)\\b"
-- (a "you" word or the consent line, as one alternation: one PCRE2 call, not two, on a
-- block that holds neither; both caseless)
local rx_you_consent = re.compile(you .. "|" .. consent, "i")

--- Load the word lists of a language.
function M.new(lang)
  lang = lang or "en"
  local strong, weak = {}, {}
  for _, line in ipairs(dp.data.list(lang .. "/clean_prompt_words.txt")) do
    local kind, phrase = line:match("^(%a+)%s+(.+)$")
    if kind == "strong" then strong[#strong + 1] = phrase:lower()
    elseif kind == "weak" then weak[#weak + 1] = phrase:lower() end
  end
  local verbs = {}
  for _, w in ipairs(dp.data.list(lang .. "/clean_prompt_verbs.txt")) do verbs[w:lower()] = true end
  -- (the phrases filed under their first letter, "n(?:ewsletter|ews alerts)|p(?:...)":
  -- at a position PCRE2 then tries the one group its letter opens, not every phrase,
  -- a third to a half cheaper on a paragraph; the same match, as the phrases keep their
  -- order within a group and phrases of two letters never match at one position. Only
  -- when every phrase opens with a letter a-z: one opening with another character might
  -- match beside another group, caselessly)
  local function alt(list)
    local groups, order = {}, {}
    for _, p in ipairs(list) do
      local c = p:sub(1, 1)
      if not c:find("^%l$") then groups = nil; break end
      if not groups[c] then groups[c] = {}; order[#order + 1] = c end
      table.insert(groups[c], re.escape(p:sub(2)))
    end
    local out = {}
    if groups then
      for i, c in ipairs(order) do out[i] = c .. "(?:" .. table.concat(groups[c], "|") .. ")" end
    else
      for i, p in ipairs(list) do out[i] = re.escape(p) end
    end
    return re.compile("(?<![\\w-])(?:" .. table.concat(out, "|") .. ")(?![\\w-])", "i")
  end
  local rx_strong, rx_weak = alt(strong), alt(weak)

  -- the words of the phrases (not the function words): a block holding none of them is
  -- no prompt (the stage gives them a word bit in the tokeniser, PROMPT)
  local stop = {}
  for _, w in ipairs(dp.data.list(lang .. "/stopwords.txt")) do stop[w:lower()] = true end
  local words = {}
  for _, list in ipairs { strong, weak } do
    for _, phrase in ipairs(list) do
      for w in phrase:gmatch("%S+") do if not stop[w] then words[w] = true end end
    end
  end

  local P = { words = words }

  --- Does the block speak to the reader? (see the module comment)
  local function addresses(text)
    if rx_you_consent:find(text) or rx_question:find(text) then return true end
    for w in rx_starts:gmatch(text) do
      if verbs[w:lower()] then return true end
    end
    return false
  end

  -- A long block (over LONG_WORDS words) opened by a sentence of the article's own,
  -- twelve words or more holding no prompt word and not speaking to the reader ("We know
  -- how much strain this puts on everyone, ..."), then an appeal ("Please send us your
  -- experiences ..."): a paragraph of a community post, not a prompt box.
  local LONG_WORDS, LEAD_WORDS = 45, 12
  local function prose_lead(text)
    local e = text:find("[.!?] %u")
    if not e then return false end
    local lead = text:sub(1, e)
    local n = 0
    for _ in lead:gmatch("%S+") do n = n + 1 end
    return n >= LEAD_WORDS and not rx_strong:find(lead) and not rx_weak:find(lead) and not addresses(lead)
  end

  --- "newsletter" when the block is a prompt to the reader, else nil.
  -- @param text the block's text
  -- @param nw its number of words
  -- (all three tests must hold; the cheaper ones run first: the reported speech, then
  -- the address to the reader, then the phrases, whose alternations cost the most)
  function P:kind(text, nw)
    if nw < 3 or nw > 60 then return nil end
    if M.speaks(text) or not addresses(text) then return nil end
    if nw > LONG_WORDS and prose_lead(text) then return nil end
    local strong_hit = rx_strong:find(text) ~= nil
    if not strong_hit then
      -- (a numbered item, "3. Talk to your crew. Every comment counts.", is a step of
      -- the article's own list: a box that names a sign-up in weak words only is not
      -- numbered)
      local c = byte(text, 1)
      if c >= 48 and c <= 57 and find(text, "^%d%d?[.)] ") then return nil end
      local n, pos = 0, 1
      while n < 2 do
        local _, e = rx_weak:find(text, pos)
        if not e then break end
        n, pos = n + 1, e + 1
      end
      if n < 2 then return nil end
    end
    return "newsletter"
  end

  --- Is the line a prompt box's heading: a call opened by an imperative of
  -- en/clean_prompt_verbs.txt ("Get the NAME Morning Brief"), closing on no stop or
  -- colon, quoting no one? (The caller sees that a prompt follows it in its group.)
  function P:heading(text)
    local c = byte(text, -1)
    if c == 46 or c == 58 or c == 33 or c == 63 then return false end
    local w = text:match("^%a+")
    return w ~= nil and verbs[w:lower()] == true and not M.speaks(text)
  end

  return P
end

return M
