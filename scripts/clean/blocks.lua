--- Page text to blocks: unwrap hard-wrapped lines, mark bullets, find repeated captions.
--
-- Method. A page saved as text (a browser's text dump, `lynx -dump`, copy and paste)
-- is a list of lines. 1) HTML character references left by the dump are decoded.
-- 2) Hard wrapping is detected from the line lengths: the text is wrapped at column W
-- when at least three lines reach 85% of the longest one and most of those do not end
-- a sentence. A line is then joined with the next when the next one's first word would
-- not have fitted on it (length + 1 + word > W), which is how a wrapping dumper breaks
-- lines; a new bullet never continues the line before. 3) Each logical line is a block;
-- blank lines separate groups (`group` numbers them), indentation and bullet markers are
-- kept as evidence. 4) Captions printed twice (a photo caption and its copy, a gallery
-- of "X. X." captions, a label repeated ten times) are found as adjacent repeats of the
-- same word sequence (3 words or more, compared caseless on letters and digits) over
-- the whole document, across block boundaries; every copy is cut, and a later block that
-- is only another copy of a cut caption goes too. This is the duplicate evidence used by
-- boilerplate detectors (Boilerpipe's and jusText's features work per block; repetition
-- inside a page is what tells a gallery caption from prose).
-- Units: byte offsets are 1-based inclusive into the block's text.

local dp = require "docpipe"

local re = dp.re
local concat = table.concat
local ulen = utf8.len

local ENTITIES = {
  amp = "&", lt = "<", gt = ">", quot = '"', apos = "'", nbsp = " ", mdash = "—",
  ndash = "–", hellip = "…", rsquo = "’", lsquo = "‘", rdquo = "”", ldquo = "“",
  copy = "©", reg = "®", trade = "™", eacute = "é", aacute = "á", iacute = "í",
  oacute = "ó", uacute = "ú", ntilde = "ñ", uuml = "ü", ouml = "ö", auml = "ä",
}

local rx_entity = re.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});")
local rx_bullet = re.compile("^([*•·‣▪◦●○►▸+–-]|\\d{1,2}[.)])\\s+")
local rx_word = re.compile("[\\p{L}\\p{N}]+")
local rx_tag = re.compile("</?(?:a|img|span|div|p|br|b|i|em|strong|font|iframe|script|noscript|source|video)(?:\\s+[a-z-]+\\s*=\\s*(?:'[^']*'|\"[^\"]*\"|[^\\s>]+))*\\s*/?>", "i")

local function decode_entities(s)
  return (rx_entity:gsub(s, function(e)
    local c = e:sub(1, 1)
    if c == "#" then
      local n = e:sub(2, 2):lower() == "x" and tonumber(e:sub(3), 16) or tonumber(e:sub(2))
      if n and n > 0 and n < 0x110000 and not (n >= 0xD800 and n < 0xE000) then
        return utf8.char(n)
      end
      return nil
    end
    return ENTITIES[e] or ENTITIES[e:lower()]
  end))
end

local function clen(s) return ulen(s) or #s end

local M = {}

M.decode_entities = decode_entities

--- Estimate the wrap column of a hard-wrapped text, or nil when not wrapped.
function M.wrap_width(lines)
  local lens, sorted = {}, {}
  for i, l in ipairs(lines) do
    local n = clen(l)
    lens[i] = n
    if l:find("%S") then sorted[#sorted + 1] = n end
  end
  if #sorted < 3 then return nil end
  -- the wrap column: the longest length reached by a few lines (a heading or a long
  -- word the dumper could not break may stick out beyond it)
  table.sort(sorted, function(a, b) return a > b end)
  local W = sorted[math.max(3, math.ceil(#sorted / 100))] or sorted[#sorted]
  if W < 40 then return nil end
  local near, open = 0, 0
  for i, l in ipairs(lines) do
    if lens[i] >= 0.85 * W then
      near = near + 1
      if not re.find(l, "[.!?:;\"'”’)\\]]\\s*$") then open = open + 1 end
    end
  end
  if near >= 3 and open >= 0.5 * near then return W end
  return nil
end

--- Split a page into blocks.
-- @return list of {text, indent, group, bullet (marker or nil), lines = {first, last}}
function M.split(text)
  text = decode_entities(text:gsub("\r\n?", "\n"):gsub("\t", "    "))
  local lines = dp.text.lines(text)
  local W = M.wrap_width(lines)
  local blocks, group, prev_blank = {}, 0, true
  local cur
  for i, raw in ipairs(lines) do
    local body = raw:match("^%s*(.-)%s*$")
    if body == "" then
      prev_blank = true
      cur = nil
    else
      if prev_blank then group = group + 1 end
      prev_blank = false
      local indent = #raw:match("^(%s*)")
      local marker = rx_bullet:match(body)
      local joined = false
      -- a number or a dash at the start of a wrapped line is not a list item
      local weak = marker and re.find(marker, "^(?:\\d|[–-])") ~= nil
      -- a wrapped line continues at the text column of the line it continues
      local column = cur and (cur.indent + (cur.bullet and #cur.bullet + 1 or 0))
      if cur and W and (not marker or weak) and math.abs(indent - column) <= 1 then
        local first = body:match("^(%S+)")
        local prevlen = clen(lines[cur.lines[2]]:match("^(.-)%s*$"))
        if prevlen + 1 + clen(first) > W then
          local sep = " "
          -- a word hyphenated at the end of the line stays joined ("co-" + "founder")
          if cur.text:sub(-1) == "-" and not cur.text:sub(-2, -2):match("%s") then sep = "" end
          cur.text = cur.text .. sep .. body
          cur.lines[2] = i
          joined = true
        end
      end
      if not joined then
        cur = { text = body, indent = indent, group = group, lines = { i, i } }
        if marker then
          local s, e = rx_bullet:find(body)
          cur.bullet = body:sub(s, e):match("^(%S+)")
          -- a symbol bullet goes; a list number stays part of the item's text
          if not cur.bullet:find("^%d") then cur.text = body:sub(e + 1) end
        end
        blocks[#blocks + 1] = cur
      end
    end
  end
  for _, b in ipairs(blocks) do
    -- HTML tags the dumper left in the text (an anchor inside a caption, an <img>)
    b.text = rx_tag:gsub(b.text, " ")
    b.text = dp.text.normalize_space(b.text)
  end
  return blocks, W
end

-- tokens of all blocks: list of {key, block, s, e}
local function tokens(blocks)
  local toks = {}
  for bi, b in ipairs(blocks) do
    local pos = 1
    while true do
      local s, e = rx_word:find(b.text, pos)
      if not s then break end
      toks[#toks + 1] = { key = b.text:sub(s, e):lower(), block = bi, s = s, e = e }
      pos = e + 1
    end
  end
  return toks
end

--- Cut adjacent repeats of 3 or more words (captions printed twice, repeated labels).
-- Blocks left empty get `removed = "repeated caption"`; partly cut blocks get their
-- text shortened and the cut text listed in `cut`.
-- @return list of removed text pieces {text, reason}
function M.cut_repeats(blocks, opts)
  opts = opts or {}
  local minw = opts.min_words or 3
  local maxw = opts.max_words or 150
  local toks = tokens(blocks)
  local n = #toks
  local dead = {}
  local segs = {}
  local i = 1
  while i <= n do
    local best = nil
    -- candidate lengths k: positions where the word at i occurs again
    for k = minw, math.min(maxw, (n - i + 1) // 2) do
      if toks[i + k].key == toks[i].key then
        local ok = true
        for j = 1, k - 1 do
          if toks[i + j].key ~= toks[i + k + j].key then ok = false; break end
        end
        if ok then best = k; break end
      end
    end
    if best then
      -- the same repeat can be read from several starting words (a caption ending in
      -- "2021" after a line ending in "2021"); start it at a block or sentence start
      local shift = 0
      while shift < best and i + 2 * best + shift <= n and toks[i + shift].key == toks[i + 2 * best + shift].key do
        shift = shift + 1
      end
      for t = 0, shift do
        local tk = toks[i + t]
        local prev = toks[i + t - 1]
        local starts = (not prev) or prev.block ~= tk.block
          or re.find(blocks[tk.block].text:sub(prev.e + 1, tk.s - 1), "[.!?:;]") ~= nil
        if starts then i = i + t; break end
      end
      -- how many copies follow
      local copies = 2
      while i + (copies + 1) * best - 1 <= n do
        local ok = true
        for j = 0, best - 1 do
          if toks[i + copies * best + j].key ~= toks[i + j].key then ok = false; break end
        end
        if not ok then break end
        copies = copies + 1
      end
      local keys = {}
      for j = 0, best - 1 do keys[#keys + 1] = toks[i + j].key end
      segs[concat(keys, " ")] = true
      for j = i, i + copies * best - 1 do dead[j] = true end
      i = i + copies * best
    else
      i = i + 1
    end
  end
  -- the tokens of each block
  local bkeys = {}
  for ti, t in ipairs(toks) do
    bkeys[t.block] = bkeys[t.block] or {}
    local l = bkeys[t.block]
    l[#l + 1] = ti
  end
  -- adjacent blocks with the same words (a name under a photo printed twice)
  local prev_key, prev_list
  for bi = 1, #blocks do
    local list = bkeys[bi]
    if list then
      local keys = {}
      for _, ti in ipairs(list) do keys[#keys + 1] = toks[ti].key end
      local key = concat(keys, " ")
      if #list >= 2 and key == prev_key then
        for _, ti in ipairs(list) do dead[ti] = true end
        for _, ti in ipairs(prev_list) do dead[ti] = true end
      end
      prev_key, prev_list = key, list
    end
  end
  -- a block that is only another copy of a cut caption
  for _, list in pairs(bkeys) do
    local keys = {}
    for _, ti in ipairs(list) do keys[#keys + 1] = toks[ti].key end
    if #keys >= minw and segs[concat(keys, " ")] then
      for _, ti in ipairs(list) do dead[ti] = true end
    end
  end
  -- apply: cut runs of dead tokens out of each block
  local removed = {}
  for bi, b in ipairs(blocks) do
    local list = bkeys[bi]
    if list then
      local all = true
      for _, ti in ipairs(list) do if not dead[ti] then all = false; break end end
      if all then
        b.removed = "repeated caption"
        b.removed_text = b.text
      else
        local parts, cuts, pos = {}, {}, 1
        local k = 1
        while k <= #list do
          local ti = list[k]
          if dead[ti] then
            local first = ti
            while k <= #list and dead[list[k]] do k = k + 1 end
            local last = list[k - 1]
            local cs = toks[first].s
            -- the cut ends where the next kept word starts (takes the punctuation along)
            local ce = (k <= #list) and (toks[list[k]].s - 1) or #b.text
            -- keep an opening quote or bracket that belongs to the next kept word
            if k <= #list then
              local tail = b.text:sub(toks[last].e + 1, ce)
              local lead = tail:match("([\"'“‘(%[]+)%s*$")
              if lead then ce = ce - #lead - #(tail:match("%s*$")) end
            end
            parts[#parts + 1] = b.text:sub(pos, cs - 1)
            cuts[#cuts + 1] = dp.text.trim(b.text:sub(cs, ce))
            pos = ce + 1
          else
            k = k + 1
          end
        end
        if #cuts > 0 then
          parts[#parts + 1] = b.text:sub(pos)
          b.text = dp.text.normalize_space(concat(parts, " "))
          b.cut = cuts
          for _, c in ipairs(cuts) do removed[#removed + 1] = { text = c, reason = "repeated caption" } end
          if not b.text:find("[%w\128-\255]") then
            b.removed = "repeated caption"
            b.removed_text = b.text
          end
        end
      end
    end
  end
  return removed
end

return M
