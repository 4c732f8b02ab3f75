--- Helpers for the summary stage's specs (summary, summary_fast): a document built
-- from a list of sentences.

local M = {}

--- A document whose text is the sentences joined by one space, with their offsets
-- (1-based inclusive bytes, as the sentences stage gives them); the keys of extra are
-- copied into it.
function M.make_doc(sents, extra)
  local parts, list, pos = {}, {}, 1
  for i, s in ipairs(sents) do
    if i > 1 then parts[#parts + 1] = " "; pos = pos + 1 end
    list[i] = { text = s, start = pos, ["end"] = pos + #s - 1 }
    parts[#parts + 1] = s
    pos = pos + #s
  end
  local doc = { id = "t", text = table.concat(parts), sentences = list, meta = {}, errors = {} }
  for k, v in pairs(extra or {}) do doc[k] = v end
  return doc
end

return M
