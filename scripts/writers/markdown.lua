--- The Markdown writer: a document as a short brief for people: title,
-- byline, date and dateline, the summary as bullets, the quotes grouped by
-- speaker, and the highlights. Missing parts are left out.
-- @module docpipe.writers.markdown

local dp = require "docpipe"

local concat, ipairs, type = table.concat, ipairs, type

local M = {}

local function str(v)
  return type(v) == "string" and v ~= "" and v or nil
end

local function list(v)
  return type(v) == "table" and #v > 0 and v or nil
end

-- One line of text for Markdown: white space folded.
local function line(s)
  return dp.text.normalize_space(s)
end

--- Returns the Markdown for doc (a string ending in a newline).
function M.write(doc)
  local out = {}
  local function add(s) out[#out + 1] = s end
  add("# " .. line(str(doc.title) or tostring(doc.id)))
  add("")
  local by = {}
  if list(doc.authors) then by[#by + 1] = "By " .. concat(doc.authors, ", ") end
  if str(doc.outlet) then by[#by + 1] = doc.outlet end
  if str(doc.date) then by[#by + 1] = doc.date end
  if str(doc.dateline) then by[#by + 1] = doc.dateline end
  if #by > 0 then
    add("*" .. concat(by, " · ") .. "*")
    add("")
  end
  local summary = list(doc.summary)
  if summary then
    add("## Summary")
    add("")
    for _, s in ipairs(summary) do add("- " .. line(s)) end
    add("")
  end
  local quotes = list(doc.quotes)
  if quotes then
    add("## Quotes")
    add("")
    local order, by_speaker = {}, {}
    for _, q in ipairs(quotes) do
      local who = str(q.speaker) or "Unattributed"
      if not by_speaker[who] then
        by_speaker[who] = {}
        order[#order + 1] = who
      end
      local t = by_speaker[who]
      t[#t + 1] = q
    end
    for _, who in ipairs(order) do
      add("**" .. who .. "**")
      add("")
      for _, q in ipairs(by_speaker[who]) do
        local text = line(q.text or "")
        if q.type == "direct" then
          -- a quote cut at its attribution ends in a comma: show it as a stop
          text = "“" .. text:gsub(",$", ".") .. "”"
        end
        local cue = str(q.cue) and (" (" .. q.cue .. ")") or ""
        add("- " .. text .. cue)
      end
      add("")
    end
  end
  local hl = list(doc.highlights)
  if hl then
    add("## Highlights")
    add("")
    for _, h in ipairs(hl) do add("- " .. line(h)) end
    add("")
  end
  if not summary and str(doc.text) then
    add(doc.text)
    add("")
  end
  if list(doc.contributors) then
    add("*Contributors: " .. concat(doc.contributors, ", ") .. "*")
    add("")
  end
  add("<sub>" .. tostring(doc.id) .. (str(doc.source) and (" · " .. doc.source) or "") .. "</sub>")
  return concat(out, "\n") .. "\n"
end

return M
