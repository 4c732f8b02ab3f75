-- Specs of the clean stage for the failure kinds found on the sixth blind set: a line of
-- roles under a bar-separated byline taken as the title, a paywall sentence kept as
-- text, the headline of another story under a related-story label kept as text, a
-- caption closed by an agency credit with a slash qualifier kept, a trust badge and a
-- copyright company taken as the outlet. Every page below is invented (fictional towns,
-- people and outlets).

local pages = require "tests.clean_pages"
local run, lines, has_paragraph = pages.run, pages.lines, pages.has_paragraph
local meta = require("docpipe.clean.meta").new("en")

local P1 = "The Corrow Valley water board voted on Wednesday to raise household charges by 6% from April, the first increase in three years, to pay for new filters at its two treatment works."
local P2 = "Board chair Ysolde Trevanion said the filters were needed to meet tighter limits on farm chemicals in the river, and that the works had run close to those limits twice last summer."
local P3 = "\"We would rather raise the charge a little now than face a fine and a much bigger bill later,\" Trevanion said at the meeting in Polwenna."
local P4 = "The average household will pay about £2.40 more a month. Customers on the board's low-income tariff will not see a rise until October."

local function page(head, mid, tail)
  local t = { "Corrow Valley Courier", "News  Business  Sport  Opinion", "" }
  for _, l in ipairs(head) do t[#t + 1] = l end
  for _, l in ipairs { "", P1, "", P2, "" } do t[#t + 1] = l end
  for _, l in ipairs(mid or {}) do t[#t + 1] = l end
  for _, l in ipairs { "", P3, "", P4, "" } do t[#t + 1] = l end
  for _, l in ipairs(tail or {}) do t[#t + 1] = l end
  return lines(t)
end

local HEAD = { "Water charges to rise 6% to pay for new filters", "", "By Merryn Tolhurst", "November 25, 2026 9:00 AM GMT" }

describe("clean meta kinds 2: a line of roles under a byline", function()
  it("reads roles set apart by bars or commas as a role line", function()
    assert.is_true(meta.is_role_line("Senior Reporter | Managing Editor"))
    assert.is_true(meta.is_role_line("Health Correspondent, Deputy Editor"))
    assert.is_true(meta.is_role_line("Staff Writer · Photo Editor"))
    assert.is_true(meta.is_role_line("Chief Sub-Editor"))
  end)

  it("does not read names or an outlet among roles as a role line", function()
    assert.is_false(meta.is_role_line("Merryn Tolhurst | Deputy Editor"))
    assert.is_false(meta.is_role_line("Reporter, Corrow Valley Courier"))
    assert.is_false(meta.is_role_line("Sport | Business | Opinion"))
  end)

  it("keeps the authors of a bar byline and the headline as title when their roles follow on a line", function()
    local doc = run(page {
      "Water charges to rise 6% to pay for new filters",
      "",
      "The board says the increase is the smallest that will cover the cost of the work.",
      "",
      "By Merryn Tolhurst | Casek Annear",
      "Political Correspondent | Chief Sub-Editor",
      "November 25, 2026 9:00 AM GMT",
    })
    assert.are.equal("Water charges to rise 6% to pay for new filters", doc.title)
    assert.are.same({ "Merryn Tolhurst", "Casek Annear" }, doc.authors)
  end)
end)

describe("clean meta kinds 2: paywall prompts", function()
  it("drops a paywall sentence and the prompts under it where the visible text stops", function()
    local doc = run(page(HEAD, nil, {
      "This story is reserved for subscribers.",
      "Subscribe now to continue reading",
      "Already a subscriber? Log in",
    }))
    assert.are.equal(4, #doc.paragraphs)
    assert.is_false(has_paragraph(doc, "reserved for subscribers"))
  end)

  it("drops a paywall sentence standing between paragraphs", function()
    local doc = run(page(HEAD, { "The full article is available only to paid members.", "" }))
    assert.are.equal(4, #doc.paragraphs)
    assert.is_false(has_paragraph(doc, "paid members"))
  end)
end)

describe("clean meta kinds 2: related-story labels", function()
  it("drops the headline of another story under an 'Also read' label, even a long one", function()
    local doc = run(page(HEAD, {
      "ALSO READ",
      "Why the farmers of the upper Corrow Valley say the new limits on river chemicals are going to cost them dear",
      "",
    }))
    assert.are.equal(4, #doc.paragraphs)
    assert.is_false(has_paragraph(doc, "upper Corrow Valley"))
  end)

  it("drops a headline under a 'Related story' label", function()
    local doc = run(page(HEAD, { "Related story", "Polwenna treatment works to close for repairs in spring", "" }))
    assert.are.equal(4, #doc.paragraphs)
    assert.is_false(has_paragraph(doc, "treatment works to close"))
  end)
end)

describe("clean meta kinds 2: agency credits closing a caption", function()
  it("drops a caption ending in an agency credit with a slash qualifier", function()
    local doc = run(page(HEAD, {
      "A technician checks a sample at the Polwenna treatment works, which will get the first of the new filters next year. Shutterstock/Stock Image",
      "",
    }))
    assert.are.equal(4, #doc.paragraphs)
    assert.is_false(has_paragraph(doc, "Shutterstock"))
  end)

  it("drops a caption ending in a wire agency and a photographer after a slash", function()
    local doc = run(page(HEAD, {
      "The river Corrow below the weir at Polwenna, where the board takes most of its water for the valley's homes. EPA/Talan Bosanko",
      "",
    }))
    assert.are.equal(4, #doc.paragraphs)
    assert.is_false(has_paragraph(doc, "Bosanko"))
  end)
end)

describe("clean meta kinds 2: outlets", function()
  it("does not take a trust badge naming the outlet's initials as the outlet", function()
    local doc = run(page {
      "Water charges to rise 6% to pay for new filters",
      "",
      "By Merryn Tolhurst",
      "November 25, 2026 9:00 AM GMT",
      "How CVC checks its facts",
    })
    assert.are.equal("Corrow Valley Courier", doc.outlet)
  end)

  it("takes a masthead after a logo's image name over a copyright company", function()
    local text = page(HEAD, nil, { "(c) 2026 Corrow Valley Newspapers Ltd. All rights reserved." })
    text = text:gsub("^Corrow Valley Courier", "[cvc_logo.png] The Corrow Valley Courier")
    assert.are.equal("The Corrow Valley Courier", run(text).outlet)
  end)

  it("cuts a company word from a copyright holder when the page names the shorter name", function()
    local text = page(HEAD, { "Picture: Corrow Valley Courier", "" },
      { "(c) 2026 Corrow Valley Courier Newspapers Ltd. All rights reserved." })
    text = text:gsub("^Corrow Valley Courier\n", "")
    assert.are.equal("Corrow Valley Courier", run(text).outlet)
  end)

  it("keeps a copyright holder's company word when the page does not name the shorter name", function()
    local text = page(HEAD, nil, { "(c) 2026 Trevose Publishing Ltd. All rights reserved." })
    text = text:gsub("^Corrow Valley Courier\n", "")
    assert.are.equal("Trevose Publishing", run(text).outlet)
  end)
end)
