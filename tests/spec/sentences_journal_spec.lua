-- Specs of the sentences stage for abbreviated journal titles (round 31): "J. Clin.
-- Oncol.", "N. Engl. J. Med.", "Proc. Natl. Acad. Sci.", "J. Am. Chem. Soc." are no
-- sentence boundaries (the words of such titles are general abbreviations,
-- en/abbreviations.txt; an initial or a short capitalised word before one, with its
-- period, goes on: dp_sbd.c journal_goes_on). The sentences are invented.

local sentences = require "docpipe.stages.sentences"

local function texts(text)
  local out = {}
  for i, s in ipairs(sentences.split(text)) do out[i] = s.text end
  return out
end

describe("sentences: abbreviated journal titles", function()
  it("keeps \"J. Clin. Oncol.\" inside its sentence", function()
    assert.are.same({
      "The findings (published in the J. Clin. Oncol.) were welcomed by Prof. R. Adeyemi-Laird as \"overdue.\"",
      "She said more data would follow.",
    }, texts("The findings (published in the J. Clin. Oncol.) were welcomed by Prof. R. Adeyemi-Laird as \"overdue.\" She said more data would follow."))
  end)

  it("keeps \"N. Engl. J. Med.\" and \"Proc. Natl. Acad. Sci.\" whole", function()
    assert.are.same({ "The trial appeared in the N. Engl. J. Med. last spring." },
      texts("The trial appeared in the N. Engl. J. Med. last spring."))
    assert.are.same({ "A second study, in Proc. Natl. Acad. Sci., found the same." },
      texts("A second study, in Proc. Natl. Acad. Sci., found the same."))
  end)

  it("keeps a short unlisted word between two abbreviations: \"J. Am. Chem. Soc.\"", function()
    assert.are.same({ "It was printed in J. Am. Chem. Soc. in May." },
      texts("It was printed in J. Am. Chem. Soc. in May."))
  end)

  it("still ends a sentence after the title before a sentence starter", function()
    assert.are.same({ "The paper ran in Proc. Natl. Acad. Sci.", "The authors were pleased." },
      texts("The paper ran in Proc. Natl. Acad. Sci. The authors were pleased."))
  end)

  it("still ends a sentence after a time or a lone capital before a capitalised word", function()
    assert.are.same({ "We met at 9 AM.", "Police came later." }, texts("We met at 9 AM. Police came later."))
    assert.are.same({ "They chose plan B.", "Sci-fi fans cheered." }, texts("They chose plan B. Sci-fi fans cheered."))
  end)
end)
