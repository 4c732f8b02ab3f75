-- Specs of text put into the clean stage's patterns literally (docpipe.re.escape): a
-- name read from the page or a word of a stage option may hold any characters, a
-- backslash and an "E" too, which ended a \Q...\E quote early and failed the page
-- ("bad pattern ... missing closing parenthesis"). Every page below is invented.

local pages = require "tests.clean_pages"
local lists = require "docpipe.clean.lists"
local re = require("docpipe").re

describe("clean: names and option words put into patterns literally", function()
  it("cleans a page whose masthead holds a backslash and an E as it cleans the page without them", function()
    local f = assert(io.open("tests/fixtures/clean/blog-park-cleanup.txt", "rb"))
    local page = f:read("a")
    f:close()
    local plain = pages.run(page)
    local doc = pages.run((page:gsub("Eastbrook Neighbor", "Eastbrook\\E( Neighbor")))
    assert.are.equal("Volunteers pull 2 tons of trash from Mill Creek during spring cleanup", doc.title)
    assert.are.same(plain.authors, doc.authors)
    assert.are.equal(plain.date, doc.date)
    assert.are.equal(plain.text, doc.text)
  end)

  it("loads a language name option holding a backslash and an E, and matches it as written", function()
    local meta = require("docpipe.clean.meta").new("en", nil, nil, { language_names = { "Lingua\\E(" } })
    assert.is_true(meta.language_switch("Lingua\\E("))
    assert.is_true(meta.language_switch("English | Lingua\\E("))
    assert.is_false(meta.language_switch("Lingua"))
  end)

  it("lists.literal matches a word list's entry as written, any run of spaces for a space", function()
    local rx = re.compile("^" .. lists.literal("date of publication (final)") .. "$", "i")
    assert.is_truthy(rx:find("Date of  publication (final)"))
    assert.is_falsy(rx:find("Date of publication final"))
    assert.is_truthy(re.compile("^" .. lists.literal("a\\E(") .. "$"):find("a\\E("))
  end)
end)
