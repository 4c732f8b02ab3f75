--- Author notes: the line about the writer that opens or closes an article ("Teodora
-- Halvorsen is a retired water engineer who lives in Millbrook.", "Tamsin Okafor writes
-- about rural life. Her last piece for Meridian was ...", "Priya Raman is a markets
-- reporter for Ledgerline").
--
-- Method: a third-person description of a person named at the start of the block. The
-- block (at most 60 words) opens with a name, then a verb of description (is, was,
-- writes, covers, reports, joined ...: en/clean_bio_verbs.txt; a title before the name,
-- "Dr", is passed over). It is an author note
-- when the name is a byline author's (the whole name, or the surname when the author
-- has one, or the first name alone with a writer's cue in the first sentence, for a
-- note closing the body; the other byline authors may follow it: "A, B,
-- and C are staff writers at"); another person's name needs the evidence of a
-- writer's note in its first sentence (a job of the trade, "writes about", "covers",
-- "reach him", an e-mail address or handle: en/clean_bio_cues.txt) and must be named
-- nowhere else in the body (an article about
-- a reporter names its subject again). An author box of this shape is one of the
-- "author boxes" that boilerplate detectors drop (Kohlschütter et al. 2010 find them
-- by position at the end of the main text; the description test replaces the markup).
-- Units: none.

local dp = require "docpipe"

local re = dp.re

local M = {}

local rx_name = re.compile("^(\\p{Lu}[\\p{L}'’.-]*(?:\\s+(?:(?:de|da|van|von|der|den|del|di|la|le|bin|al)\\s+)?\\p{Lu}[\\p{L}'’.-]*){1,3})(?:,|\\s)")

local rx_box_label = re.compile("^about (?:the |this )?(?:authors?|writers?|contributors?|reporters?|columnists?)\\s*(?::|[–—]|-\\s)\\s*(?=\\p{Lu})", "i")

-- the contact form of a note ("NAME can be reached at NAME@example.com or 555-0101."):
-- "can be reached" or "contacted" (may, could), then at, by, on or via and, in the
-- note, an e-mail address or a telephone number
local rx_reach = re.compile("^,?\\s+(?:can|may|could)\\s+be\\s+(?:reached|contacted)\\s+(?:at|by|on|via)\\s", "i")
local function reach(rest)
  return rx_reach:find(rest) ~= nil and (rest:find("%S@%S") ~= nil or rest:find("%d%d%d[%s.-]?%d%d%d%d") ~= nil)
end

-- an e-mail address alone on its line (no space; the cheap tests first)
local rx_mail_alone = re.compile("^[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+$")
local function mail_alone(t)
  return t:find("@", 1, true) ~= nil and not t:find(" ", 1, true) and rx_mail_alone:find(t) ~= nil
end

--- Load the word lists of a language.
function M.new(lang)
  lang = lang or "en"
  local verbs = {}
  for _, w in ipairs(dp.data.list(lang .. "/clean_bio_verbs.txt")) do verbs[#verbs + 1] = re.escape(w:lower()) end
  local rx_verb = re.compile("^,?\\s+(?:" .. table.concat(verbs, "|") .. ")\\b", "i")
  local cues = {}
  for _, w in ipairs(dp.data.list(lang .. "/clean_bio_cues.txt")) do cues[#cues + 1] = re.escape(w:lower()):gsub("\\ ", "\\s+") end
  local titles = {}
  for _, w in ipairs(dp.data.list(lang .. "/abbreviations_titles.txt")) do titles[w:lower()] = true end
  local rx_cue = re.compile("(?:\\b(?:" .. table.concat(cues, "|") .. ")\\b|\\S@\\S|(?:^|\\s)@\\w)", "i")

  local B = {}

  --- Is the block an author note?
  -- @param text the block's text
  -- @param nw its number of words
  -- @param authors the byline authors (strings)
  -- @param elsewhere function(name) -> true when the body names that person in another
  --   block; nil: only a byline author's whole name counts (the block opening the body)
  function B:is_note(text, nw, authors, elsewhere)
    if nw < 4 or nw > 60 then return false end
    -- an author box's label opening the note's own line ("About the author: NAME
    -- volunteers as ..."): the note is the rest (only a block opening "About" is tried)
    if (text:byte(1) or 0) | 32 == 97 and rx_box_label:find(text) then text = rx_box_label:gsub(text, "") end
    -- a title before the name ("Dr Ifeoma Castellanos-Baird is a consultant ...")
    local t1, after = text:match("^(%a+)%.?%s+(%u.*)$")
    if t1 and titles[t1:lower()] then text = after end
    local name = re.match(text, rx_name)
    -- a byline author's name, whole or the surname alone ("Okafor is ...")
    local lead
    for _, a in ipairs(authors) do
      if text:sub(1, #a) == a then lead = a; break end
      local surname = elsewhere and a:match("(%S+)$")
      if surname and surname ~= a and text:sub(1, #surname) == surname and rx_verb:find(text:sub(#surname + 1)) then
        return true
      end
      -- the first name alone, as an author box writes it ("Tamsin covers strategy ...
      -- Before joining OUTLET she wrote for ..."), with a writer's cue in its first
      -- sentence
      local given = elsewhere and a:match("^(%S+)%s")
      if given and text:sub(1, #given) == given then
        local rest = text:sub(#given + 1)
        if rx_verb:find(rest) and rx_cue:find(rest:match("^(.-[.!?])%s") or rest) then return true end
      end
    end
    if lead then
      -- the other authors of the byline may follow: "A, B, and C are staff writers at"
      local rest, more = text:sub(#lead + 1), true
      while more do
        more = false
        for _, a in ipairs(authors) do
          local sep = rest:match("^,?%s+and%s+()") or rest:match("^,%s*()")
          if sep and rest:sub(sep, sep + #a - 1) == a then
            rest, more = rest:sub(sep + #a), true
            break
          end
        end
      end
      return rx_verb:find(rest) ~= nil or reach(rest)
    end
    if not name or not elsewhere then return false end
    -- the name may run into the verb's capital ("Dana Whitcombe Is ...") only in title
    -- case text: take the longest name prefix that a verb follows
    local rest = text:sub(#name + 1)
    if not rx_verb:find(rest) and not reach(rest) then return false end
    -- the evidence in the first sentence (the description itself)
    local first = rest:match("^(.-[.!?])%s") or rest
    if not rx_cue:find(first) then return false end
    return not elsewhere(name)
  end

  --- Is the short line one of an author box's, under the body's last paragraph? The
  -- writer's role line between the name line and the note ("News Writer", "Senior
  -- Reporter": a role line right above an author note), or a sign-off of a byline
  -- author's name, a comma and a role in title case, closing the body ("NAME, Team
  -- Leader"; no stop after it), or the writer's e-mail address alone on its line over
  -- the note or closing the body.
  -- @param b the block ({text, nw})
  -- @param below the kept block under it (or nil)
  -- @param authors the byline authors (strings)
  -- @param meta the stage's docpipe.clean.meta reader (is_role_line)
  -- @return "author box role", "author sign-off", "author box contact" or nil
  function B:box_line(b, below, authors, meta)
    if b.nw > 8 then return nil end
    local t = b.text
    if below and below.why == "author note" and b.nw <= 5 and meta.is_role_line(t) then return "author box role" end
    -- (the writer's e-mail address alone on its line, over the note or closing the body:
    -- "name@outlet.example")
    if b.nw <= 8 and (not below or below.why == "author note" or below.take == false) and mail_alone(t) then
      return "author box contact"
    end
    -- (the sign-off closes the body: the loop of the stage has dropped what stood below)
    if (below and below.take ~= false) or t:find("[.!?:;]$") then return nil end
    for _, a in ipairs(authors) do
      if t:sub(1, #a + 2) == a .. ", " then
        local role = t:sub(#a + 3)
        if meta.is_role_line(role) or re.find(role, "^\\p{Lu}\\p{Ll}+(?:\\s+(?:of|and|for|\\p{Lu}\\p{Ll}+)){0,3}$") then
          return "author sign-off"
        end
      end
    end
    return nil
  end

  --- Is the block the bio line of an author box that opens with the writer's role, under
  -- a line that is only a byline author's name ("NAME" / "Auch correspondent. Follows
  -- agriculture and local politics.", "NAME" / "Business reporter. Writes about
  -- forestry.")? The name line over it is the evidence the role is the writer's (a
  -- box_name of the stage); the role is the block's first sentence, or the whole block
  -- (meta.is_role_line: a beat or a place before a job word).
  -- @param b the block ({text, nw})
  -- @param above the kept block over it (or nil)
  -- @param authors the byline authors (strings)
  -- @param meta the stage's docpipe.clean.meta reader
  function B:role_note(b, above, authors, meta)
    if not above or b.nw > 40 or above.nw > 5 then return false end
    local name = above.text
    local own = false
    for _, a in ipairs(authors) do if a == name then own = true; break end end
    if not own then return false end
    local t = b.text
    -- (the role closes the line or its first sentence, which a capital goes on after)
    local role = t:match("^([^.!?]+)%.%s+%u") or t:match("^([^.!?]+)%.?$")
    return role ~= nil and #role <= 60 and meta.is_role_line(role) == true
  end

  return B
end

return M
