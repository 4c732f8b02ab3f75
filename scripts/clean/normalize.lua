--- Text normalisation for pages saved as text, before they are split into blocks.
--
-- Each step is a stage option (all on by default) and each is counted in the report
-- the function returns (the clean stage puts it in meta.normalized):
--  * line ends: CR LF and lone CR become LF; tabs become four spaces (always done);
--  * controls: C0 and C1 control characters other than LF go, a form feed becomes a
--    line break, U+FEFF (byte-order mark) and U+200B (zero-width space) go, and so do
--    the bidirectional embeddings, overrides and isolates U+202A-U+202E and
--    U+2066-U+2069 (the marks U+200E, U+200F and U+061C stay);
--  * entities: HTML character references a dump left in the text are decoded
--    (`&amp;`, `&#8217;`, `&#x2019;`, the common named ones); `&nbsp;` becomes a space;
--  * mojibake: UTF-8 that was read as Windows-1252 and saved again as UTF-8 is
--    repaired: a run made of a lead character U+00C2-U+00F4 and the right number of
--    characters that Windows-1252 gives to the bytes 0x80-0xBF (`â€™`, `Ã©`, `Â `) is
--    turned back into bytes; it is replaced only when those bytes are one valid UTF-8
--    character (the test of ftfy's "sloppy Windows-1252" repair, Speer 2019, reduced
--    to its commonest case); `â€` whose last byte (0x9D, undefined in Windows-1252) was
--    dropped or saved as U+FFFD is the closing quote ” (the U+FFFD goes with it), or a
--    zero-width joiner between two emoji; other sequences with a U+FFFD for their last
--    byte have several readings and stay;
--  * nfc: Unicode Normalization Form C (UAX #15) through dp.text.nfc when the C core has
--    it, else a fallback that composes a Latin base letter with its combining marks from
--    en/clean_nfc_pairs.txt (the Unicode Character Database's compositions for
--    U+00C0-U+024F and U+1E00-U+1EFF);
--  * spaces: runs of white space inside a line are folded by the block splitter
--    (dp.text.normalize_space), which also turns no-break spaces into spaces.
-- Curly quotes, dashes and apostrophes are kept as they are.
-- Also here: the link numbers of a `lynx -dump` made without -nolist ("[12]Home") and
-- its closing "References" list of URLs are removed when the list is there.
-- Units: byte offsets are 1-based inclusive (none are returned).

local dp = require "docpipe"

local re = dp.re
local char = utf8.char
local concat = table.concat
local find = string.find

local ENTITIES = {
  amp = "&", lt = "<", gt = ">", quot = '"', apos = "'", nbsp = " ", mdash = "—",
  ndash = "–", hellip = "…", rsquo = "’", lsquo = "‘", rdquo = "”", ldquo = "“",
  sbquo = "‚", bdquo = "„", laquo = "«", raquo = "»", bull = "•", middot = "·",
  copy = "©", reg = "®", trade = "™", deg = "°", pound = "£", euro = "€", cent = "¢",
  yen = "¥", sect = "§", para = "¶", times = "×", divide = "÷", frac12 = "½",
  frac14 = "¼", frac34 = "¾", eacute = "é", aacute = "á", iacute = "í", oacute = "ó",
  uacute = "ú", egrave = "è", agrave = "à", ograve = "ò", ecirc = "ê", acirc = "â",
  ocirc = "ô", ccedil = "ç", ntilde = "ñ", uuml = "ü", ouml = "ö", auml = "ä",
  euml = "ë", iuml = "ï", szlig = "ß", aring = "å", oslash = "ø", aelig = "æ",
  Eacute = "É", Aacute = "Á", Ccedil = "Ç", Ntilde = "Ñ", Uuml = "Ü", Ouml = "Ö",
  Auml = "Ä", thinsp = " ", ensp = " ", emsp = " ", zwj = "\u{200D}", zwnj = "",
  shy = "",
}

local rx_entity = re.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8}[0-9]{0,2});")

local function decode_entities(s)
  if not s:find("&", 1, true) then return s, 0 end
  return rx_entity:gsub(s, function(e)
    local c = e:sub(1, 1)
    if c == "#" then
      local n = e:sub(2, 2):lower() == "x" and tonumber(e:sub(3), 16) or tonumber(e:sub(2))
      if n and n > 0 and n < 0x110000 and not (n >= 0xD800 and n < 0xE000) then
        if n == 160 then return " " end
        return char(n)
      end
      return nil
    end
    return ENTITIES[e] or ENTITIES[e:lower()]
  end)
end

-- Windows-1252: the characters of the bytes 0x80-0x9F (undefined bytes map to the C1
-- control of the same number, as lenient decoders do); 0xA0-0xFF are Latin-1
local CP1252 = {
  [0x80] = 0x20AC, [0x82] = 0x201A, [0x83] = 0x0192, [0x84] = 0x201E, [0x85] = 0x2026,
  [0x86] = 0x2020, [0x87] = 0x2021, [0x88] = 0x02C6, [0x89] = 0x2030, [0x8A] = 0x0160,
  [0x8B] = 0x2039, [0x8C] = 0x0152, [0x8E] = 0x017D, [0x91] = 0x2018, [0x92] = 0x2019,
  [0x93] = 0x201C, [0x94] = 0x201D, [0x95] = 0x2022, [0x96] = 0x2013, [0x97] = 0x2014,
  [0x98] = 0x02DC, [0x99] = 0x2122, [0x9A] = 0x0161, [0x9B] = 0x203A, [0x9C] = 0x0153,
  [0x9E] = 0x017E, [0x9F] = 0x0178,
}
local BYTE_OF = {} -- UTF-8 of the character -> the byte it stood for
for b = 0x80, 0xFF do
  local cp = CP1252[b] or b
  BYTE_OF[char(cp)] = b
end
local cont = { "[\\x{A0}-\\x{BF}\\x{81}\\x{8D}\\x{8F}\\x{90}\\x{9D}" }
for b = 0x80, 0x9F do
  if CP1252[b] then cont[#cont + 1] = ("\\x{%X}"):format(CP1252[b]) end
end
cont[#cont + 1] = "]"
local C = concat(cont)
local rx_mojibake = re.compile("[\\x{C2}-\\x{DF}]" .. C .. "|[\\x{E0}-\\x{EF}]" .. C .. C .. "|[\\x{F0}-\\x{F4}]" .. C .. C .. C)

-- "â€" left alone: the closing double quote U+201D (E2 80 9D), whose last byte Windows-1252
-- leaves undefined and most tools drop; or "â€" and a U+FFFD, the replacement character
-- a tool saved for that byte, taken with it. (Of the sequences ending in one of the five
-- undefined bytes 0x81 0x8D 0x8F 0x90 0x9D, every one has five readings once that byte
-- is lost: "Ã" and U+FFFD is Á Í Ï Ð or Ý, "Â" and U+FFFD only C1 controls, an emoji's
-- "ðŸ˜" and U+FFFD one of five faces; those stay as they are. "â€" is read as the
-- commonest of its five, the closing quote, as the dropped byte always was; between two
-- emoji, the zero-width joiner E2 80 8D of an emoji sequence.)
local rx_rdquo = re.compile("â€(?:\\x{FFFD}|(?!" .. C .. "))")
local rx_zwj = re.compile("(?<=ðŸ" .. C .. C .. ")â€\\x{FFFD}?(?=ðŸ" .. C .. C .. ")")
local rx_mojibake_any = re.compile("â€|" .. "[\\x{C2}-\\x{F4}]" .. C)

local function fix_mojibake(s)
  -- every mojibake run starts with a character U+00C2-U+00F4, encoded C3 82 .. C3 B4
  if not s:find("\195", 1, true) or not rx_mojibake_any:find(s) then return s, 0 end
  local n0 = 0
  if s:find("â€", 1, true) then
    local nz
    if s:find("ðŸ", 1, true) then s, nz = rx_zwj:gsub(s, "\u{200D}") end
    s, n0 = rx_rdquo:gsub(s, "”")
    n0 = n0 + (nz or 0)
  end
  local out, n = rx_mojibake:gsub(s, function(m)
    local bytes = {}
    for _, c in utf8.codes(m) do
      local b = BYTE_OF[char(c)]
      if not b then return nil end
      bytes[#bytes + 1] = string.char(b)
    end
    local out = concat(bytes)
    local n = utf8.len(out)
    if n ~= 1 then return nil end
    local cp = utf8.codepoint(out)
    if cp < 0xA0 then return nil end -- a control: not what the writer meant
    return out
  end)
  return out, n + n0
end

-- C0 controls but LF (a form feed is a line break), DEL, C1 controls, byte-order mark,
-- zero-width space, the line and paragraph separators U+2028, U+2029, and the
-- bidirectional embeddings, overrides and isolates U+202A-U+202E, U+2066-U+2069 (format
-- characters that reorder the text after them, a right-to-left override spelling a title
-- backwards; the marks of Unicode's Bidi_Control set, U+200E, U+200F and U+061C, stay:
-- one alone in Hebrew or Arabic text places its neutral characters, and it reorders
-- nothing beyond them); one PCRE2 scan finds whether there is any
local rx_controls = re.compile("[\\x{00}-\\x{09}\\x{0B}-\\x{1F}\\x{7F}-\\x{9F}\\x{FEFF}\\x{200B}\\x{2028}\\x{2029}\\x{202A}-\\x{202E}\\x{2066}-\\x{2069}]")
-- a terminal's escape sequence (ECMA-48 CSI: ESC [ parameters, intermediates, a final
-- byte), "\27[31m" colours from a captured console: gone whole, not just its ESC
local rx_csi = re.compile("\\x{1B}\\[[0-?]*[ -/]*[@-~]")

-- (a byte scan in C first, some one and a half instructions a byte where the class
-- costs twelve: a page holding none of the byte runs of those code points, most pages,
-- holds no match)
local may_control = dp.cleanc.may_control

local function strip_controls(s)
  if not may_control(s) or not rx_controls:find(s) then return s, 0 end
  local n1, n2, n3, n4 = 0, 0, 0, 0
  if s:find("\27[", 1, true) then s, n3 = rx_csi:gsub(s, "") end
  -- a form feed or vertical tab inside a line (text on both sides) is a space: the line
  -- stays one (a form feed there is no page break, and a vertical tab removed would glue
  -- two words); a form feed at a line's start or end, or alone on it, breaks the line
  -- (a page break between lines: a paragraph break), a vertical tab there goes
  if s:find("[\11\12]") then
    local src, k = s, 0
    s = s:gsub("()[\11\12]+()", function(a, b)
      if a > 1 and b <= #src and src:byte(a - 1) ~= 10 and src:byte(b) ~= 10 then
        k = k + (b - a)
        return " "
      end
    end)
    n1 = k
  end
  -- (a form feed, a next-line control U+0085 and the Unicode line and paragraph
  -- separators break lines)
  local nf
  s, nf = s:gsub("\12", "\n")
  n1 = n1 + nf
  if s:find("\194\133", 1, true) or s:find("\226\128[\168\169]") then
    s, n4 = s:gsub("\194\133", "\n"):gsub("\226\128[\168\169]", "\n")
  end
  s, n2 = rx_controls:gsub(s, "")
  return s, n1 + n2 + n3 + n4
end

-- NFC fallback: Latin base letters with combining marks
local PAIRS
local function load_pairs(lang)
  if PAIRS then return PAIRS end
  PAIRS = {}
  for _, line in ipairs(dp.data.list((lang or "en") .. "/clean_nfc_pairs.txt")) do
    local a, m, c = line:match("^(%x+)%s+(%x+)%s+(%x+)")
    if a then PAIRS[char(tonumber(a, 16)) .. char(tonumber(m, 16))] = char(tonumber(c, 16)) end
  end
  return PAIRS
end
local rx_combining = re.compile("(\\P{M})(\\p{Mn}+)")

local function nfc(s, lang)
  -- combining marks U+0300-U+036F are encoded CC 80 .. CD AF
  if not (s:find("\204", 1, true) or s:find("\205", 1, true)) then return s, 0 end
  if dp.text.nfc then
    local out = dp.text.nfc(s)
    return out, out ~= s and 1 or 0
  end
  local pairs_ = load_pairs(lang)
  return rx_combining:gsub(s, function(base, marks)
    local cur, rest = base, {}
    for _, c in utf8.codes(marks) do
      local m = char(c)
      local comp = #rest == 0 and pairs_[cur .. m]
      if comp then cur = comp else rest[#rest + 1] = m end
    end
    return cur .. concat(rest)
  end)
end

-- lynx -dump without -nolist: "[12]Home" link numbers and the closing URL list
-- ("References", a blank line, then the numbered URLs; when the page has links with no
-- text, lynx 2.9 heads the list "   Visible links:" and adds a "   Hidden links:" part)
local rx_refs_head = re.compile("\\n(?:References\\s*\\n\\s*\\n(?:[ \\t]*Visible links:?[ \\t]*\\n)?|[ \\t]*Visible links:?\\s*\\n)\\s*1\\.\\s+\\S+", "")
local rx_linknum = re.compile("\\[\\d{1,4}\\](?=\\S)")

-- The end (a byte offset) of the references list opening at byte a, and its number of
-- addresses: the heading, then numbered entries of one token each (addresses, "  12.
-- https://...", "mailto:x@y": a scheme and a colon touching what follows; or relative
-- links, "#content"), blank lines and the "Visible links:" /
-- "Hidden links:" headings; the list ends at the first other line, so that text after it
-- (a page that goes on past a list, a "References" heading of the article's own over
-- "1. Survey: ...") is never taken with it.
local function refs_extent(s, a)
  local pos, entries = s:find("\n", a + 1, true), 0
  local last = pos or #s
  while pos and pos < #s do
    local e = s:find("\n", pos + 1, true) or #s + 1
    local l = s:sub(pos + 1, e - 1)
    if find(l, "^%s*%d+%.%s+%S+%s*$") then
      -- (one token after the number: an address, or a link lynx left relative,
      -- "#content", "/news/"; only addresses with a scheme count towards the two the
      -- list needs)
      if find(l, "^%s*%d+%.%s+%a[%w+.-]*:%S") then entries = entries + 1 end
      last = e - 1
    elseif not (find(l, "^%s*$") or find(l, "^%s*Visible links:?%s*$") or find(l, "^%s*Hidden links:?%s*$")) then
      break
    end
    pos = e <= #s and e or nil
  end
  return last, entries
end

local function lynx_refs(s)
  -- (every match of the heading holds "References" or "Visible links", as written: two
  -- plain searches rule out most pages, where the pattern would scan every line break)
  if not (find(s, "References", 1, true) or find(s, "Visible links", 1, true)) then return s, 0, nil end
  local a = rx_refs_head:find(s)
  if not a then return s, 0, nil end
  -- the list must be made of numbered URLs
  local b, urls = refs_extent(s, a)
  if urls < 2 then return s, 0, nil end
  local list = s:sub(a + 1, b)
  local rest = s:sub(b + 1)
  s = s:sub(1, a)
  -- (text after the list, when there is any, stays: from its first line that is no
  -- white space)
  if find(rest, "%S") then s = s .. (rest:gsub("^%s*\n", "")) end
  -- the bytes each line loses (line number -> bytes): the dumper wrapped the lines with
  -- their link numbers in, so the unwrapper measures them at their dumped length
  -- (docpipe.clean.blocks.split)
  local pad, li, pos = {}, 1, 1
  while true do
    local q = s:find("[", pos, true)
    if not q then break end
    local e = s:find("\n", pos, true)
    while e and e < q do li = li + 1; pos = e + 1; e = s:find("\n", pos, true) end
    local ms, me = rx_linknum:find(s, q)
    if ms == q then pad[li] = (pad[li] or 0) + (me - ms + 1); pos = me + 1 else pos = q + 1 end
  end
  local n
  s, n = rx_linknum:gsub(s, "")
  return s, n, dp.text.trim(list), pad
end

local M = {}

--- A pattern with each \\b read as an ASCII word boundary. PCRE2 runs with Unicode
-- properties, where \\b costs a property lookup at every position; for English cue
-- words, month names and digits an ASCII boundary does the same job several times faster.
-- A \\b before a word (a letter, a digit, \\d, \\w, a class or a group) becomes "no word
-- character before", any other "no word character after".
function M.ascii_boundaries(pat)
  local out, i, n = {}, 1, #pat
  while i <= n do
    local c = pat:sub(i, i)
    if c == "\\" then
      local d = pat:sub(i + 1, i + 1)
      if d == "b" then
        local nx, nx2 = pat:sub(i + 2, i + 2), pat:sub(i + 3, i + 3)
        local word = nx:find("^[%w%[]") ~= nil
          or (nx == "(" and nx2 ~= "?")
          or (nx == "(" and pat:sub(i + 3, i + 4) == "?:")
          or (nx == "\\" and nx2:find("^[dwpDW]") ~= nil)
        out[#out + 1] = word and "(?<![A-Za-z0-9_])" or "(?![A-Za-z0-9_])"
      else
        out[#out + 1] = c .. d
      end
      i = i + 2
    else
      out[#out + 1] = c
      i = i + 1
    end
  end
  return table.concat(out)
end

--- A PCRE2 pattern with \\d read as an ASCII digit ([0-9]; inside a class, 0-9): for
-- numbers that tonumber must read (PCRE2_UCP makes \\d any Unicode decimal digit, which
-- tonumber cannot read, and it costs a property lookup per character).
function M.ascii_digits(pat)
  local out, i, n, in_class = {}, 1, #pat, false
  while i <= n do
    local c = pat:sub(i, i)
    if c == "\\" then
      local d = pat:sub(i + 1, i + 1)
      if d == "d" then
        out[#out + 1] = in_class and "0-9" or "[0-9]"
      else
        out[#out + 1] = c .. d
      end
      i = i + 2
    else
      if c == "[" and not in_class then
        in_class = true
        -- a ] right after [ or [^ is a member
        local j = i + 1
        if pat:sub(j, j) == "^" then j = j + 1 end
        if pat:sub(j, j) == "]" then out[#out + 1] = pat:sub(i, j); i = j + 1; goto continue end
      elseif c == "]" and in_class then
        in_class = false
      end
      out[#out + 1] = c
      i = i + 1
    end
    ::continue::
  end
  return table.concat(out)
end

M.decode_entities = decode_entities
M.fix_mojibake = fix_mojibake
M.nfc = nfc

--- Normalise a page.
-- @param s the text
-- @param o options: controls, entities, mojibake, nfc (booleans), language
-- @return text, report {entities, mojibake, controls, nfc, link_numbers}, references (string or nil),
-- pad (line number -> bytes of link numbers cut from that line, or nil: docpipe.clean.blocks.split)
function M.text(s, o)
  local rep = {}
  if s:find("\r", 1, true) then s = s:gsub("\r\n?", "\n") end
  if s:find("\t", 1, true) then s = s:gsub("\t", "    ") end
  local n
  if o.entities ~= false then
    s, n = decode_entities(s)
    if n > 0 then rep.entities = n end
  end
  if o.mojibake ~= false then
    s, n = fix_mojibake(s)
    if n > 0 then rep.mojibake = n end
  end
  -- after the repair: an undefined Windows-1252 byte comes back as a C1 control
  if o.controls ~= false then
    s, n = strip_controls(s)
    if n > 0 then rep.controls = n end
  end
  if o.nfc ~= false then
    s, n = nfc(s, o.language)
    if n > 0 then rep.nfc = n end
  end
  local refs
  local pad
  s, n, refs, pad = lynx_refs(s)
  if n > 0 then rep.link_numbers = n end
  return s, rep, refs, pad
end

return M
