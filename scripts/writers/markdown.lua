--- The Markdown writer: a document as a short brief for people: title,
-- byline, date and dateline, the summary as bullets, the highlights, the
-- quotes grouped by speaker, then any other fields the pipeline asks for.
-- Missing parts are left out; with `output.fields` only the parts named
-- there are written (the title always). Text from the document is escaped,
-- so it cannot turn into headings, links or HTML.
-- @module docpipe.writers.markdown

local dp = require "docpipe"

local concat, ipairs, type, tostring = table.concat, ipairs, type, tostring

local M = {}

local MONTHS = { "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December" }

local function str(v)
  return type(v) == "string" and v ~= "" and v or nil
end

local function list(v)
  return type(v) == "table" and #v > 0 and v or nil
end

--- One line of document text for Markdown: white space folded, Markdown
-- and HTML syntax escaped.
local function line(s)
  s = dp.text.normalize_space(tostring(s))
  s = s:gsub("([\\`*_%[%]<>|])", "\\%1")
  s = s:gsub("^([#+%-])", "\\%1")
  s = s:gsub("^(%d+)%.", "%1\\.")
  return s
end
M.escape = line

--- A sentence that opens a quotation it does not close (the sentence
-- boundary fell inside the quote) gets its closing mark, and the reverse,
-- so a bullet never shows an unbalanced quote.
local function balanced(s)
  local _, opens = s:gsub("“", "")
  local _, closes = s:gsub("”", "")
  if opens > closes then s = s .. "”" elseif closes > opens then s = "“" .. s end
  return s
end
M.balanced = balanced

--- An ISO 8601 date as people read it: "10 January 2012, 09:45 (UTC-05:00)".
function M.human_date(iso)
  local y, mo, d, rest = iso:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)(.*)$")
  if not y then return iso end
  local out = ("%d %s %s"):format(tonumber(d), MONTHS[tonumber(mo)] or mo, y)
  local hh, mm, zone = rest:match("^T(%d%d):(%d%d)[%d:.]*(.*)$")
  if hh then
    out = out .. (", %s:%s"):format(hh, mm)
    if zone == "Z" or zone == "+00:00" then out = out .. " (UTC)"
    elseif zone ~= "" then out = out .. " (UTC" .. zone .. ")" end
  end
  return out
end

-- The quotes of one speaker, with the parts of one utterance joined.
local function quote_lines(quotes)
  local out, i = {}, 1
  while i <= #quotes do
    local q = quotes[i]
    local text = line(q.text or "")
    if q.type == "direct" then
      -- parts of one utterance interrupted by its attribution share a group
      local j = i
      while quotes[j + 1] and q.group ~= nil and quotes[j + 1].group == q.group do
        j = j + 1
        text = text .. " … " .. line(quotes[j].text or "")
      end
      i = j
      -- an utterance cut at its attribution ends in a comma: end it as said
      text = text:gsub(",$", ".")
      out[#out + 1] = "- “" .. text .. "”"
    else
      local cue = str(q.cue) and ("*" .. line(q.cue) .. ":* ") or ""
      out[#out + 1] = "- " .. cue .. text
    end
    i = i + 1
  end
  return out
end

local KNOWN = { id = true, source = true, title = true, authors = true, outlet = true,
  date = true, dateline = true, summary = true, highlights = true, quotes = true,
  contributors = true, text = true, sentences = true, paragraphs = true, meta = true,
  errors = true, speakers = true }

--- Returns the Markdown for doc (a string ending in a newline). fields: the
-- pipeline's output.fields (nil: everything).
function M.write(doc, fields)
  local want = nil
  if fields then
    want = {}
    for _, f in ipairs(fields) do want[f] = true end
  end
  local function show(f) return want == nil or want[f] end
  local out = {}
  local function add(s) out[#out + 1] = s end
  add("# " .. line(str(doc.title) or tostring(doc.id)))
  add("")
  local by = {}
  if show("authors") and list(doc.authors) then by[#by + 1] = "By " .. line(concat(doc.authors, ", ")) end
  if show("outlet") and str(doc.outlet) then by[#by + 1] = line(doc.outlet) end
  if show("date") and str(doc.date) then by[#by + 1] = M.human_date(doc.date) end
  if show("dateline") and str(doc.dateline) then by[#by + 1] = line(doc.dateline) end
  if #by > 0 then
    add("*" .. concat(by, " · ") .. "*")
    add("")
  end
  local summary = show("summary") and list(doc.summary)
  if summary then
    add("## Summary")
    add("")
    for _, s in ipairs(summary) do add("- " .. balanced(line(s))) end
    add("")
  end
  local hl = show("highlights") and list(doc.highlights)
  if hl then
    add("## Highlights")
    add("")
    for _, h in ipairs(hl) do add("- " .. line(h)) end
    add("")
  end
  local quotes = show("quotes") and list(doc.quotes)
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
      add("**" .. line(who) .. "**")
      add("")
      for _, l in ipairs(quote_lines(by_speaker[who])) do add(l) end
      add("")
    end
  end
  -- the body, when there is no summary to stand for it
  if show("text") and not summary and str(doc.text) then
    for _, p in ipairs(dp.text.paragraphs(doc.text)) do
      add(line(p.text))
      add("")
    end
  end
  if want then  -- other fields the pipeline asked for
    for _, f in ipairs(fields) do
      local v = doc[f]
      if not KNOWN[f] and v ~= nil and v ~= dp.null then
        if type(v) == "table" then
          local parts = {}
          -- tables as JSON, with their spans converted as in JSON output
          local opts = { spans = type(doc.text) == "string" and doc.text or nil }
          for _, x in ipairs(v) do
            parts[#parts + 1] = line(type(x) == "table" and dp.json.encode(x, opts) or x)
          end
          if #parts == 0 then parts[1] = line(dp.json.encode(v, opts)) end
          add("**" .. line(f) .. "**: " .. concat(parts, ", "))
        else
          add("**" .. line(f) .. "**: " .. line(v))
        end
        add("")
      end
    end
  end
  if show("contributors") and list(doc.contributors) then
    add("*Contributors: " .. line(concat(doc.contributors, ", ")) .. "*")
    add("")
  end
  if show("source") or show("id") then
    add("Source: " .. line(str(doc.source) or tostring(doc.id)))
  end
  return concat(out, "\n") .. "\n"
end

return M
