--- The blurb of an audio or video widget set inside an article.
--
-- Method: a player in a page saved as text leaves a line with the segment's length
-- ("Superior Morning 7:42", "Listen 12:05", "Watch: 3 min") and often, right under it,
-- one sentence saying what the segment is ("NAME spoke with host NAME about ..."). That
-- sentence reads as the article's first paragraph; it belongs to the widget when it
-- follows such a line and carries a cue of a programme's blurb (en/clean_media_blurbs.txt,
-- PCRE2 patterns; the stage option media_blurbs adds more). jusText's context rule
-- (Pomikálek 2011), read from the widget's side.
-- Units: indices into the list of live blocks (1-based); lengths in words.

local dp = require "docpipe"
local lists = require "docpipe.clean.lists"
local re = dp.re
local find = string.find

local M = {}

-- a line that ends in a segment's length: "7:42", "1:02:10", "12 min", "3 mins"
local rx_duration = re.compile("(?:\\b\\d{1,2}:\\d{2}(?::\\d{2})?|\\b\\d{1,3}\\s?(?:min|mins|minutes)\\b\\.?)\\s*\\)?$", "i")
-- an ASCII digit (a PCRE2 scan: Lua's "%d" costs some 150 instructions a byte)
local rx_digit = re.compile("[0-9]")
local MAX_WIDGET_WORDS = 8
local MAX_BLURB_WORDS = 40

--- A matcher of programme blurbs for a language, with extra patterns (a list).
function M.new(lang, extra)
  local pats = lists.entries(lang, "clean_media_blurbs.txt", extra)
  local rx = #pats > 0 and re.compile("(?:" .. table.concat(pats, ")|(?:") .. ")") or nil
  return { rx = rx }
end

--- Whether a block is a widget's line with a duration (a media or widget cue, or a
-- short line that is no sentence, ending in a length; not a clock alone).
function M.is_widget_line(b)
  return b ~= nil and not b.clock and not b.sentence and b.nw >= 2 and b.nw <= MAX_WIDGET_WORDS
    and rx_digit:find(b.text) ~= nil and rx_duration:find(b.text) ~= nil
end

--- Drop the blurbs under a widget line inside the window [ws, we] (b.take / b.why).
function M.drop_blurbs(m, live, ws, we)
  if not m.rx then return end
  for x = math.max(ws, 2), we do
    local b = live[x]
    if b.take and b.nw <= MAX_BLURB_WORDS and not b.keep and not b.bullet and M.is_widget_line(live[x - 1])
      and m.rx:find(b.text) then
      b.take = false
      b.why = "media blurb"
    end
  end
end

-- a quote's change in a stock-quote widget: a signed figure with its percent, "+0.06
-- (+1.79%)", "▼ 0.9%", "-8.47 (-13.97%)" (the sign, "+", "-", "−" or an arrow, right
-- before the figure)
local rx_quote_change = re.compile("(?:^|[\\s(])(?:[+\\-−]|[▲▼△▽↑↓]\\s?)\\d[\\d.,]*\\s?%")
-- a data stamp's words: "As of Aug 4, 2024 close", "Prices as at 4:00 PM", "Aug 4, 2024
-- closing"
local rx_as_of = re.compile("^(?:\\S+\\s+){0,2}as\\s+(?:of|at)\\b|\\bclos(?:e|ing)\\b", "i")
local MAX_STAMP_WORDS = 10
local MAX_QUOTE_WORDS = 16

-- a quote line: a short line that is no sentence, holding a signed change in percent
local function quote_line(b)
  return b ~= nil and b.nw <= MAX_QUOTE_WORDS and not b.sentence and not b.take
    and find(b.text, "%", 1, true) ~= nil and rx_quote_change:find(b.text) ~= nil
end

--- The date of a stock-quote widget set inside an article ("RAYYAN PORTS (RPQ)" /
-- "QR3.42 +0.06 (+1.79%) | Vol 4.2mn" / "As of Aug 4, 2024 close"): a timestamp line of
-- up to MAX_STAMP_WORDS words saying what time its figures stand at ("As of", "as at",
-- "close") within two blocks of a quote line (a signed change in percent) dates the
-- quote, not the article: no timestamp (a barrier to the window and the header's anchor)
-- but the widget's line (b.timestamp false, b.cue "widget").
function M.quote_stamps(live)
  for x = 1, #live do
    local b = live[x]
    -- (the quote lines first: a plain search for '%' on a few neighbours rules out
    -- most timestamps before the pattern, whose floating half scans the whole line)
    if b.timestamp and b.nw <= MAX_STAMP_WORDS
      and (quote_line(live[x - 1]) or quote_line(live[x + 1]) or quote_line(live[x - 2]) or quote_line(live[x + 2]))
      and rx_as_of:find(b.text) then
      b.timestamp, b.cue = false, "widget"
    end
  end
end

return M
