--- Evidence and scores of page blocks for the clean stage.
--
-- Method: the shallow text features of jusText (Pomikálek 2011) and Boilerpipe
-- (Kohlschütter et al. 2010) for one block: words, characters, stopword density,
-- sentence-final punctuation, bullet, all-capitals label, boilerplate cue
-- (en/clean_boilerplate.txt, only on short blocks), end-of-article marker
-- (en/clean_end_markers.txt), timestamp line, byline, contributor line; the jusText class
-- (short / good / near-good / bad, thresholds from the stage options); a score per block
-- for the maximum-sum window of BTE (Finn et al. 2001): good blocks count their words,
-- near-good three quarters, sentences with few function words a quarter, the rest a
-- small penalty, and timestamps, bylines, contributor lines and copyright lines are
-- barriers (NEG) the window cannot cross; a run of markup debris (image names, gallery
-- counters) costs one gap whatever its length.
-- Units: byte offsets are 1-based inclusive (none are used here).

local dp = require "docpipe"

local re = dp.re
local ulen = utf8.len
local NEG = -1e9

local function clen(s) return ulen(s) or #s end

local function load_cues(lang)
  local list = {}
  for _, line in ipairs(dp.data.list(lang .. "/clean_boilerplate.txt")) do
    local kind, pat = line:match("^(%S+)%s+(.+)$")
    if kind then list[#list + 1] = { kind = kind, rx = re.compile(pat, "i") } end
  end
  return list
end

local function load_patterns(lang, file)
  local list = {}
  for _, p in ipairs(dp.data.list(lang .. "/" .. file)) do list[#list + 1] = re.compile(p, "i") end
  return list
end

local rx_sentence_end = re.compile("[.!?…][\"'”’)\\]]*$")
local rx_letter = re.compile("\\p{L}")
local rx_lower = re.compile("\\p{Ll}")
local rx_apos = re.compile("[’‘`]")

local M = { NEG = NEG }

--- Load the boilerplate cues and end-of-article markers of a language.
function M.load(lang)
  return { cues = load_cues(lang), ends = load_patterns(lang, "clean_end_markers.txt") }
end

--- Evidence for one block (fields set on b); st holds stop, cues, ends, dates, meta,
-- keep, drop; o the stage options.
function M.features(b, st, o)
  local text = b.text
  local words = dp.text.words(text)
  local nw = #words
  local nstop = 0
  for _, w in ipairs(words) do
    local lw = rx_apos:gsub(w:lower(), "'")
    if st.stop[lw] then nstop = nstop + 1 end
  end
  b.nw = nw
  b.chars = clen(text)
  b.density = nw > 0 and nstop / nw or 0
  b.sentence = rx_sentence_end:find(text) ~= nil
  b.label = nw <= 6 and rx_letter:find(text) ~= nil and not rx_lower:find(text)
  for _, rx in ipairs(st.keep) do if rx:find(text) then b.keep = true; break end end
  for _, rx in ipairs(st.drop) do if rx:find(text) then b.drop = true; break end end
  if nw <= o.cue_max_words or nw <= 300 then
    for _, c in ipairs(st.cues) do
      local limit = (c.kind == "legal" and 300) or (c.kind == "media" and 60) or o.cue_max_words
      if nw <= limit and c.rx:find(text) then b.cue = c.kind; break end
    end
  end
  if nw <= 12 or (b.cue == "legal") then
    for _, rx in ipairs(st.ends) do if rx:find(text) then b.ending = true; break end end
  end
  if nw <= 20 then
    b.timestamp = st.dates:is_timestamp(text)
    if not b.timestamp then b.byline = st.meta.byline(text, st.dates) end
  end
  if nw <= 80 then b.contrib = st.meta.contributors(text) end
  -- jusText class
  if b.chars < o.length_low then
    b.class = "short"
  elseif b.density >= o.stopwords_high and b.chars >= o.length_high then
    b.class = "good"
  elseif b.density >= o.stopwords_low then
    b.class = "neargood"
  else
    b.class = "bad"
  end
end

-- score of a block for the main-text window
function M.score(b)
  if b.keep then return b.nw end
  if b.drop then return -5 end
  if b.timestamp or b.byline or b.contrib or (b.ending and b.cue == "legal") then return NEG end
  -- "Related coverage" may head a box inside the body: a heavy penalty, not a wall
  if b.ending then return -30 end
  if b.cue then return -5 end
  if b.label then return -3 end
  if b.bullet then
    if b.class == "good" or b.class == "neargood" then return b.nw / 4 end
    return -2
  end
  if b.class == "good" then return b.nw end
  if b.class == "neargood" then return b.nw * 0.75 end
  if b.class == "short" then return b.sentence and 0 or -1 end
  -- a full sentence with few function words (names, figures) is still text
  if b.sentence and b.nw >= 8 then return b.nw / 4 end
  return -math.min(20, b.nw / 2)
end

-- markup debris (image names, gallery counters, arrows, "hide caption"): a run of it
-- is one gap, whatever its length, so a photo gallery does not cut a body in two
local DEBRIS = { markup = true, media = true }
local DEBRIS_RUN = -6

-- maximum-sum window over the live blocks; returns first, last index into list
function M.best_window(list)
  local best, bs, be = 0, nil, nil
  local sum, start = 0, 1
  local run = 0
  for i, b in ipairs(list) do
    local s = M.score(b)
    if b.cue and DEBRIS[b.cue] and s > NEG then
      s = math.max(s, DEBRIS_RUN - run)
      run = run + s
    else
      run = 0
    end
    if sum <= 0 then sum, start = 0, i end
    sum = sum + s
    if sum > best then best, bs, be = sum, start, i end
    if sum < 0 then sum = 0; start = i + 1 end
  end
  return bs, be
end

function M.headline_shaped(b)
  if b.cue or b.timestamp or b.byline or b.contrib or b.bullet or b.ending or b.drop then return false end
  if b.nw < 2 or b.nw > 30 then return false end
  if not rx_lower:find(b.text) and b.nw <= 3 then return false end
  if b.text:find("%.$") and not b.text:find("%.%.%.$") then return false end
  if not re.find(b.text, "^[\\p{Lu}\\p{N}\"'“‘]") then return false end
  return true
end

function M.is_linklike(b)
  -- a short line that reads like a headline or a link, not a sentence
  if b.class ~= "short" then return false end
  if b.bullet and b.bullet:find("^%d") then return false end -- a numbered list item
  if b.cue or b.label then return true end
  return not b.sentence or b.text:find("%?$") ~= nil
end

-- a line that opens a list in the text: a sentence ending in ':' with function words
function M.introduces(b)
  return b ~= nil and b.take and b.text:find(":$") ~= nil and b.nw >= 4 and b.density > 0
end

return M
