--- Call-to-action buttons left beside a reader appeal inside the body window.
--
-- Method: a membership, subscription or donation box is an appeal ("Support local
-- journalism. NAME is reader-supported.") and a button ("Become a member today.",
-- "Join now"). The appeal goes as a prompt (en/clean_boilerplate.txt, docpipe.clean.
-- prompts); its button, a short imperative line, is then a kept block with nothing to
-- tell it from a one-line paragraph but its neighbour. So a kept line of up to eight
-- words that is the text of a button (en/clean_body_button_calls.txt: "Become a
-- member", "Join now", "Donate today", "Subscribe for $1 a week"), quoting and
-- reporting no one, goes when it stands right beside (above or under) a block that went
-- as an appeal (a promo or newsletter cue) in its blank-line group, or across a blank
-- line when it holds four words or fewer; not a subhead announcing the paragraph under
-- it (the caller's test: "Support the growers" over "The growers' fund ..."). jusText's context rule (Pomikálek 2011)
-- applied to a box: a short block takes the class of the boilerplate beside it.
-- Units: indices into the list of live blocks (1-based); lengths in words.

local dp = require "docpipe"
local lists = require "docpipe.clean.lists"
local prompts = require "docpipe.clean.prompts"
local re = dp.re

local M = {}

local MAX_WORDS = 8      -- the longest button text
local LOOSE_WORDS = 4    -- the longest one across a blank line from its appeal

-- the kinds of cue an appeal goes as
local APPEAL = { promo = true, newsletter = true }

--- The matcher of a language's button texts (en/clean_body_button_calls.txt) and the
-- extra patterns (a list, may be nil); nil when there are none.
function M.new(lang, extra)
  local pats = lists.entries(lang or "en", "clean_body_button_calls.txt", extra)
  if #pats == 0 then return nil end
  return re.compile("^(?:please\\s+)?(?:(?:" .. table.concat(pats, ")|(?:") .. "))\\s*[.!]?\\s*(?:›|»|→|>)?$", "i")
end

-- did block c go as an appeal in block b's group (or across a blank line, b short)?
local function appeal(c, b)
  return c ~= nil and not c.take and APPEAL[c.cue] ~= nil and (c.group == b.group or b.nw <= LOOSE_WORDS)
end

--- Drop the buttons beside an appeal in the window ws..we of live blocks.
-- @param rx the matcher of M.new
-- @param subhead optional function(x): true when live[x] is a subhead (kept)
function M.drop(rx, live, ws, we, subhead)
  if not rx then return end
  for x = ws, we do
    local b = live[x]
    -- (the cheap tests first: a short kept line with an appeal beside it)
    if b.take and not b.keep and not b.bullet and b.nw >= 1 and b.nw <= MAX_WORDS
      and (appeal(live[x - 1], b) or appeal(live[x + 1], b))
      and rx:find(b.text) and not prompts.speaks(b.text)
      and not (subhead and subhead(x)) then
      b.take = false
      b.why = "call-to-action button"
    end
  end
end

-- does the text speak to the reader ("you", "your")?
local rx_you = re.compile("\\b(?:you|your|yours)\\b", "i")

--- An appeal box closing the window ws..we, right above its button: the window's last
-- block, quoting and reporting no one, up to 40 words, whose last sentence opens with
-- the text of the button line right under the window ("Gifts in wills fund ... Find
-- out more about leaving a legacy." over "Find out more"), goes as the box's blurb; so
-- does a short heading right above it that speaks to the reader ("Leave a gift in your
-- will"). The button repeating the blurb's call tells the box from a closing paragraph.
-- @return the new end of the window
function M.drop_box(rx, live, ws, we)
  if not rx or we <= ws then return we end
  local b, n = live[we], live[we + 1]
  if not (n and not n.take and n.nw >= 2 and n.nw <= MAX_WORDS and b.take and not b.keep and not b.bullet
    and b.nw <= 40 and b.sentence) then
    return we
  end
  if not rx:find(n.text) then return we end
  -- (the last sentence of the blurb opens with the button's words)
  local last = b.text:match(".*[.!?]%s+(%u.*)$") or b.text
  local call = n.text:gsub("%s*[.!›»→>]+$", "")
  if last:sub(1, #call):lower() ~= call:lower() or prompts.speaks(b.text) then return we end
  b.take = false
  b.why = "inside a boilerplate box"
  local h = live[we - 1]
  if we - 1 > ws and h.take and not h.keep and h.class == "short" and not h.sentence and h.nw <= 8
    and h.group == b.group and rx_you:find(h.text) then
    h.take = false
    h.why = "inside a boilerplate box"
    return we - 2
  end
  return we - 1
end

return M
