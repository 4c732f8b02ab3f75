--- The text writer: a document's clean text, preceded by its title when
-- the document has one.
-- @module docpipe.writers.text

local M = {}

--- Returns the document as plain text (no trailing newline needed).
function M.write(doc)
  local parts = {}
  if type(doc.title) == "string" and doc.title ~= "" then
    parts[#parts + 1] = doc.title
    parts[#parts + 1] = ""
  end
  parts[#parts + 1] = type(doc.text) == "string" and doc.text or ""
  return table.concat(parts, "\n")
end

return M
