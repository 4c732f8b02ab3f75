--- The text writer: a document's clean text, preceded by its title when
-- the document has one (and the pipeline's output.fields, if given, lists
-- it).
-- @module docpipe.writers.text

local M = {}

--- Returns the document as plain text. fields: the pipeline's
-- output.fields (nil: title and text).
function M.write(doc, fields)
  local want_title = fields == nil
  if fields then
    for _, f in ipairs(fields) do if f == "title" then want_title = true end end
  end
  local parts = {}
  if want_title and type(doc.title) == "string" and doc.title ~= "" then
    parts[#parts + 1] = doc.title
    parts[#parts + 1] = ""
  end
  parts[#parts + 1] = type(doc.text) == "string" and doc.text or ""
  return table.concat(parts, "\n")
end

return M
