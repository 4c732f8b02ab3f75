-- Specs of the clean stage's text normalisation (scripts/clean/normalize.lua): the
-- mojibake repair of a sequence whose lost last byte was saved as U+FFFD, and the
-- bidirectional controls the controls step removes. Pages invented.

local normalize = require "docpipe.clean.normalize"
local clean = require "docpipe.stages.clean"

local function run(text, opts)
  local ctx = { opts = opts or {}, state = {}, stage = "clean", warn = function() end }
  clean.init(ctx.opts, ctx)
  return clean.process({ id = "t", text = text, meta = {}, errors = {} }, ctx)
end

describe("clean normalisation: mojibake with a lost byte saved as U+FFFD", function()
  -- (regression: the closing quote's E2 80 9D read as Windows-1252, whose 0x9D is
  -- undefined and was saved as U+FFFD, became ” followed by the U+FFFD)
  it("repairs â€ and the U+FFFD of its lost last byte to one closing quote", function()
    local out, n = normalize.fix_mojibake("The mayor said: â€œWe will start in spring,â€\u{FFFD} and left.")
    assert.are.equal("The mayor said: “We will start in spring,” and left.", out)
    assert.are.equal(2, n)
    assert.are.equal("“Done.”", (normalize.fix_mojibake("â€œDone.â€\u{FFFD}")))
    -- the U+009D variant and the dropped byte read the same
    assert.are.equal("“Done,” he said.", (normalize.fix_mojibake("â€œDone,â€\u{9D} he said.")))
    assert.are.equal("“Done,” he said.", (normalize.fix_mojibake("â€œDone,â€ he said.")))
  end)

  it("counts the repair in meta.normalized and leaves no U+FFFD in the paragraph", function()
    local doc = run("The mayor said: â€œWe will start in spring,â€\u{FFFD} and left. Itâ€™s a cafÃ© â€” open, the council said on Monday.\n")
    assert.are.equal("The mayor said: “We will start in spring,” and left. It’s a café — open, the council said on Monday.", doc.paragraphs[1])
    assert.are.equal(5, doc.meta.normalized.mojibake)
  end)

  -- a two-byte sequence has five readings of its lost byte (Ã and U+FFFD: Á Í Ï Ð Ý;
  -- Â and U+FFFD: only C1 controls), an emoji's four-byte sequence as many: not certain
  it("leaves a sequence whose lost byte has several readings alone", function()
    assert.are.equal("JOSÃ\u{FFFD} and Â\u{FFFD}x", (normalize.fix_mojibake("JOSÃ\u{FFFD} and Â\u{FFFD}x")))
    assert.are.equal("smile ðŸ˜\u{FFFD} now", (normalize.fix_mojibake("smile ðŸ˜\u{FFFD} now")))
    -- a U+FFFD of its own, after a repaired character, stays
    assert.are.equal("café\u{FFFD}", (normalize.fix_mojibake("cafÃ©\u{FFFD}")))
    assert.are.equal("x€\u{FFFD}", (normalize.fix_mojibake("x€\u{FFFD}")))
  end)

  -- between two emoji, â€ and a lost byte are the zero-width joiner of an emoji
  -- sequence (E2 80 8D, 0x8D undefined too), not a closing quote
  it("reads â€ between two emoji as a zero-width joiner", function()
    assert.are.equal("family 👨\u{200D}👩 here", (normalize.fix_mojibake("family ðŸ‘¨â€\u{FFFD}ðŸ‘© here")))
    assert.are.equal("family 👨\u{200D}👩 here", (normalize.fix_mojibake("family ðŸ‘¨â€ðŸ‘© here")))
    -- a closing quote before an emoji stays a quote
    assert.are.equal("“Funny”😂", (normalize.fix_mojibake("â€œFunnyâ€\u{FFFD}ðŸ˜‚")))
  end)
end)

describe("clean normalisation: bidirectional controls", function()
  -- (regression: U+202E, the right-to-left override, stayed in a title while the
  -- other controls and U+200B went)
  it("removes the embeddings, overrides and isolates U+202A-U+202E, U+2066-U+2069", function()
    local out, rep = normalize.text("The mayor said hi.\u{202E} reversed", {})
    assert.are.equal("The mayor said hi. reversed", out)
    assert.are.equal(1, rep.controls)
    out, rep = normalize.text("a\u{202A}b\u{202B}c\u{202C}d\u{202D}e\u{202E}f\u{2066}g\u{2067}h\u{2068}i\u{2069}j", {})
    assert.are.equal("abcdefghij", out)
    assert.are.equal(9, rep.controls)
  end)

  it("keeps the marks U+200E, U+200F and U+061C, and the characters beside the controls", function()
    local s = "שלום\u{200F} (Tel Aviv) \u{200E}and \u{61C}عربي, U+2010‐U+2029 ‹›"
    local out, rep = normalize.text(s, {})
    assert.are.equal(s, out)
    assert.is_nil(rep.controls)
  end)

  it("removes them from a title", function()
    local doc = run("The mayor said hi.\u{202E} reversed\n\nThe city council voted on Tuesday to rebuild the old footbridge, officials said. The project will cost $2 million and take a year.\n")
    for _, r in ipairs(doc.meta.removed) do
      assert.is_nil(r.text:find("\u{202E}", 1, true))
    end
    assert.is_nil((doc.title or ""):find("\u{202E}", 1, true))
    assert.are.equal(1, doc.meta.normalized.controls)
  end)

  it("keeps them with the controls option off", function()
    assert.are.equal("hi.\u{202E} x", (normalize.text("hi.\u{202E} x", { controls = false })))
  end)
end)
