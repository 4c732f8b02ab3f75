--- keywords: tag each document with its most frequent content words (an example of a
-- user-written stage; examples/README.md walks through it).
--
-- Input: doc.title and doc.paragraphs (from the clean stage) or, when the document has
-- none of the fields listed in the option `fields`, doc.text. Output: doc.keywords, the
-- `top` most frequent words in ranking order (strings, or {word, count} tables with
-- `counts: true`). finish() returns corpus-level counts: the number of documents and
-- words, and the `corpus_top` most frequent words over all documents with their counts
-- and document frequencies.
--
-- Method: term frequency after stopword removal (Luhn 1958), done by the helper module
-- wordcount.lua beside this file (required as `require "wordcount"`). Stopwords come from
-- a word list file, by default stopwords.list beside this file (option `stopwords_file`; a
-- path not found beside the stage is looked up as a docpipe data path, so
-- "en/stopwords.txt" selects docpipe's built-in list), plus the option `stopwords`.
--
-- Units: counts are occurrences, lengths code points; no byte offsets are produced.

local dp = require "docpipe"
local wordcount = require "wordcount"

local type, ipairs, pairs = type, ipairs, pairs
local array, object = dp.array, dp.object

-- helpers ---------------------------------------------------------------------------------

-- word list: beside this stage (ctx.dir, the stage's folder), an absolute path, or a
-- docpipe data path; stages run in a sandbox without `io`, so files are read with
-- docpipe.data.read, which takes absolute and ./-relative paths too
local function load_stopwords(dir, path, extra)
  local content
  if path:sub(1, 1) == "/" then
    content = dp.data.read(path)
  else
    content = (dir and dp.data.read(dir .. "/" .. path)) or dp.data.read(path)
  end
  if not content then
    error(("keywords: stopword list %q not found beside the stage (%s) nor as a data path"):format(path,
      tostring(dir)), 0)
  end
  local stop = wordcount.parse_list(content)
  for _, w in ipairs(extra) do stop[wordcount.normalize(w)] = true end
  return stop
end

local function add_text(texts, s)
  if type(s) == "string" and s:find("%S") then texts[#texts + 1] = s end
end

-- the non-blank texts of the fields asked for: strings, or lists of strings or of
-- {text = ...} tables; doc.text when none of them has any
local function gather(doc, fields)
  local texts = {}
  for _, name in ipairs(fields) do
    local v = doc[name]
    if type(v) == "table" then
      for _, item in ipairs(v) do
        add_text(texts, type(item) == "table" and item.text or item)
      end
    else
      add_text(texts, v)
    end
  end
  if #texts == 0 then add_text(texts, doc.text) end
  return texts
end

local M = {
  name = "keywords",
  doc = "Tag each document with its most frequent content words (doc.keywords); finish() reports corpus counts.",
}

M.options = {
  top = { type = "integer", default = 8, doc = "how many keywords per document" },
  min_count = { type = "integer", default = 1, doc = "a keyword must occur at least this often in the document" },
  min_length = { type = "integer", default = 3, doc = "shortest word counted, in characters" },
  numbers = { type = "boolean", default = false, doc = "also count tokens without a letter (years, amounts)" },
  plurals = { type = "boolean", default = true, doc = "count a plural as its singular when both occur" },
  counts = { type = "boolean", default = false, doc = "keywords as {word, count} tables instead of strings" },
  fields = { type = "list", default = { "title", "paragraphs" },
             doc = "document fields to read (strings or lists); doc.text when none is present" },
  stopwords_file = { type = "string", default = "stopwords.list",
                     doc = "word list beside this stage, or a docpipe data path such as en/stopwords.txt" },
  stopwords = { type = "list", default = {}, doc = "extra stopwords for this pipeline" },
  corpus_top = { type = "integer", default = 20, doc = "how many words finish() reports" },
}

function M.init(opts, ctx)
  if opts.top < 1 then error("keywords: option top must be at least 1", 0) end
  ctx.state = {
    stop = load_stopwords(ctx.dir, opts.stopwords_file, opts.stopwords),
    corpus = {},   -- word -> occurrences over all documents
    docs = {},     -- word -> number of documents it occurs in
    documents = 0,
    words = 0,
  }
end

function M.process(doc, ctx)
  local opts, state = ctx.opts, ctx.state
  local texts = gather(doc, opts.fields)
  if #texts == 0 then
    ctx.warn(doc, "no text to count")
    doc.keywords = array({})
    return doc
  end
  local counts, first, total = wordcount.count(texts, {
    stop = state.stop, min_length = opts.min_length, numbers = opts.numbers, plurals = opts.plurals,
  })
  local ranked = wordcount.top(counts, opts.top, { first = first, min_count = opts.min_count })
  local keywords = {}
  for i, e in ipairs(ranked) do
    keywords[i] = opts.counts and object({ word = e.word, count = e.count }) or e.word
  end
  doc.keywords = array(keywords)

  wordcount.merge(state.corpus, counts)
  for w in pairs(counts) do state.docs[w] = (state.docs[w] or 0) + 1 end
  state.documents = state.documents + 1
  state.words = state.words + total
  return doc
end

function M.finish(ctx)
  local state = ctx.state
  local top = {}
  for i, e in ipairs(wordcount.top(state.corpus, ctx.opts.corpus_top, { docs = state.docs })) do
    top[i] = object({ word = e.word, count = e.count, documents = state.docs[e.word] })
  end
  return object({ documents = state.documents, words = state.words, top = array(top) })
end

return M
