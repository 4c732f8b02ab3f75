--- Helpers for the clean stage's specs that build pages line by line (clean_layouts,
-- clean_evidence_kinds, clean_body_kinds, clean_meta_kinds): run the stage on a text,
-- join lines into a page, and look for a paragraph.

local clean = require "docpipe.stages.clean"

local M = {}

--- The clean stage's document for text, with the stage options opts (defaults when nil).
function M.run(text, opts)
  local ctx = { opts = opts or {}, state = {}, stage = "clean", warn = function() end }
  clean.init(ctx.opts, ctx)
  return clean.process({ id = "t", text = text, meta = {}, errors = {} }, ctx)
end

--- The strings of t as the lines of a page (each ended by a line feed).
function M.lines(t) return table.concat(t, "\n") .. "\n" end

--- True when a paragraph of doc holds the plain text needle.
function M.has_paragraph(doc, needle)
  for _, p in ipairs(doc.paragraphs) do
    if p:find(needle, 1, true) then return true end
  end
  return false
end

--- Four invented body paragraphs (a valley's water cuts) that several specs set under
-- the page furniture they test.
M.WATER = {
  "Households in nine hamlets of the Orvanne valley will have their water cut for ten hours a day from Monday, the district water board said on Friday.",
  "The board said its two reservoirs held less than a tenth of their capacity after the driest autumn since records began in the valley.",
  "\"Nobody wants to do this, but the taps would run dry by spring,\" said board spokeswoman Idony Farrant.",
  "The cuts will be reviewed every two weeks and lifted once the reservoirs pass a fifth of their capacity.",
}

--- Six invented body paragraphs (an estuary's ferry strike) and the header and footer of
-- the page they stand in, which the specs of the blind sets' kinds (clean_kinds_b14 to
-- b16) set their blocks into: ESTUARY, estuary_head([masthead]) (the header's lines,
-- with their blank lines), ESTUARY_FOOT (the footer's lines).
M.ESTUARY = {
  "Ferry crews on the Lormont estuary will strike for two days next week after talks on a new rota broke down, the boatmen's union said on Monday.",
  "The union said its members had worked more than forty extra shifts each since the spring because the operator had not filled nine vacant posts.",
  "\"We have asked for a fair rota for a year and we have been ignored,\" said union organiser Bettrys Harnell.",
  "The operator said it would run a reduced timetable with relief crews and that foot passengers should check its website before travelling.",
  "About 3,000 people cross the estuary each weekday, most of them workers at the shipyard and students of the college on the north shore.",
  "Talks are due to resume at the conciliation service on Friday, and the union said the strike could still be called off if the operator made an offer.",
}
function M.estuary_head(masthead)
  return {
    masthead or "LORMONT ESTUARY GAZETTE", "",
    "Home | News | Sport | Opinion | Contact", "",
    "Ferry crews to strike for two days over rota dispute", "",
    "By Aldous Penhallow", "",
    "Published 3 March 2025", "",
  }
end
M.ESTUARY_FOOT = { "(c) 2025 Lormont Estuary Gazette. All rights reserved." }

--- A page of the lines head, the paragraphs ps (a blank line before each) and the lines
-- foot (optional); lines joined by "\n".
function M.page(head, ps, foot)
  local t = {}
  for _, l in ipairs(head) do t[#t + 1] = l end
  for _, p in ipairs(ps) do t[#t + 1] = ""; t[#t + 1] = p end
  t[#t + 1] = ""
  for _, l in ipairs(foot or {}) do t[#t + 1] = l end
  return M.lines(t)
end

--- A story page for the body specs: the lines of `header` (masthead, menu, headline,
-- byline, date, with their blank lines), then the blocks head, the paragraph lead, the
-- blocks mid, the paragraphs of the list rest and the blocks foot, then the lines of
-- `footer`. A block given as a table is one group of lines. Each block is followed by a
-- blank line, unless packed (one block per line, as a page dumped with no blank lines).
-- @return the page's text, lines joined by "\n"
function M.story(header, lead, rest, head, mid, foot, footer, packed)
  local t = {}
  for _, l in ipairs(header) do t[#t + 1] = l end
  local function add(list)
    for _, l in ipairs(list or {}) do
      if type(l) == "table" then for _, x in ipairs(l) do t[#t + 1] = x end else t[#t + 1] = l end
      if not packed then t[#t + 1] = "" end
    end
  end
  add(head); add { lead }; add(mid); add(rest); add(foot)
  for _, l in ipairs(footer) do t[#t + 1] = l end
  return M.lines(t)
end

--- A page maker for specs that frame a body between one page's header and footer:
-- framed(HEAD, FOOT)(body [, head]) gives the lines of head (HEAD when nil), the lines
-- of body as given (blank lines included), a blank line and the lines of FOOT.
function M.framed(HEAD, FOOT)
  local foot = { "" }
  for _, l in ipairs(FOOT) do foot[#foot + 1] = l end
  return function(body, head) return M.stacked(head or HEAD, body, foot) end
end

--- The strings given, each followed by a blank line (a list of page lines).
function M.paragraphs(...)
  local t = {}
  for _, p in ipairs { ... } do t[#t + 1] = p; t[#t + 1] = "" end
  return t
end

--- A page of the lines of head, of paras and of foot, in that order, joined by "\n".
function M.stacked(head, paras, foot)
  local t = {}
  for _, l in ipairs(head) do t[#t + 1] = l end
  for _, l in ipairs(paras) do t[#t + 1] = l end
  for _, l in ipairs(foot) do t[#t + 1] = l end
  return M.lines(t)
end

--- Three invented body paragraphs (a council's harbour road repairs), each followed by
-- a blank line, that the metadata specs set under the headers they test.
M.ROAD = M.paragraphs(
  "The council voted on Tuesday to repair the old harbour road before the autumn storms, after residents complained about potholes for two winters.",
  "Work will begin next month and is expected to take about six weeks, with one lane kept open to traffic during the day.",
  "The repairs will be paid for from the roads budget and a grant from the regional fund, the council's finance officer said.")

--- An invented lead and two more paragraphs (a council's footbridge) that the
-- metadata specs of rounds 29 and 30 set under the headers they test: {lead, more...}.
M.FOOTBRIDGE = {
  "The district council on Tuesday approved a new footbridge over the Varne river, ending a dispute over its cost that had run for three years.",
  "The bridge will be built by a local firm and is expected to open before the end of next summer, officials said.",
  "Residents of the two villages it will join said they had waited more than a decade for a safe crossing.",
}

--- A page of the lines head, the WATER paragraphs and the lines foot.
function M.water_page(head, foot) return M.page(head, M.WATER, foot) end

--- text hard-wrapped as `lynx -dump` sets a paragraph: three spaces of margin, lines
-- broken before the word that would pass column width (bytes); lines joined by "\n".
function M.lynx_wrap(text, width)
  local out, cur = {}, "  "
  for w in text:gmatch("%S+") do
    if #cur + 1 + #w > width then out[#out + 1] = cur; cur = "   " .. w
    else cur = cur .. " " .. w end
  end
  out[#out + 1] = cur
  return table.concat(out, "\n")
end

return M
