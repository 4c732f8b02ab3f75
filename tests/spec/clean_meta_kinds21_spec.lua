-- Specs of the clean stage's metadata for the failure kinds of blind sets Z and AA
-- (issue 4): a name in capitals over a club's office ("Club Secretary"), a release's
-- "For immediate release: 10/14/2025", a blog engine's "This entry was posted on ..."
-- footer, a dateline under a "File photo of ..." caption, a link's label ("Download
-- PDF") and a department's masthead line as the outlet. Every page below is invented
-- (fictional towns, people and outlets).

local pages = require "tests.clean_pages"
local run, lines = pages.run, pages.lines
local meta = require("docpipe.clean.meta").new("en")
local dates = require("docpipe.clean.dates").new("en")

local B1 = "Brambleford's senior eight won the Harrowgate Cup on Saturday, holding off Kestrel Reach by a canvas on the Mildwater course."
local B2 = "It is the club's first win in the event since 2009, and the crew had trained through a wet winter for it."
local B3 = "\"We knew the last 250 metres would decide it,\" stroke Tobias Penhallow said afterwards."

describe("clean meta: a name in capitals over a club's office", function()
  it("reads a club's or a body's office as a role line, never a newsroom outlet's", function()
    assert.is_true(meta.is_role_line("Club Secretary"))
    assert.is_true(meta.is_role_line("Society Treasurer"))
    assert.is_false(meta.is_role_line("Club Secretary", true))
    assert.is_false(meta.is_role_line("Herald Reporter"))
    assert.is_false(meta.is_role_line("Ada Baker"))
    assert.is_false(meta.is_role_line("The Captain"))
  end)

  it("takes the hyphenated name in capitals as the author and never its office", function()
    local doc = run(lines {
      "BRAMBLEFORD ROWING CLUB",
      "Home | News | Crews | Contact",
      "",
      "Brambleford eight takes Harrowgate Cup in photo finish",
      "",
      "HELENA ASHCROFT-PYNE",
      "Club Captain",
      "",
      "Sat 14 Mar 2026 at 18:40 GMT",
      "", B1, "", B2, "", B3,
    })
    assert.are.same({ "Helena Ashcroft-Pyne" }, doc.authors)
    assert.are.equal("Brambleford eight takes Harrowgate Cup in photo finish", doc.title)
  end)
end)

local R1 = "HOLLIN BRIDGE, Vt. — Marrowfield Township will repave two miles of Quarry Road starting Oct. 20, the township clerk's office said Tuesday."
local R2 = "The work is expected to take three weeks, and one lane will stay open during the day."
local R3 = "\"The road took a beating this summer, and residents have been patient,\" Township Clerk Orla Pennington said."

describe("clean meta: a release's date, its department's masthead", function()
  it("reads a labelled release date as a timestamp line, month first when the day is over 12", function()
    assert.is_true(dates:is_timestamp("For immediate release: 10/14/2025"))
    assert.is_true(dates:is_timestamp("FOR IMMEDIATE RELEASE 10/14/2025"))
    assert.are.equal("2025-10-14", dates:parse_published("For immediate release: 10/14/2025"))
    assert.is_false(dates:is_timestamp("For immediate help call 10/14/2025 now"))
  end)

  it("dates a release by its immediate-release line, keeps the headline under it and the department's masthead as outlet", function()
    local doc = run(lines {
      "Marrowfield Township, Vermont",
      "Official website",
      "Residents | Services | Departments | Search",
      "Marrowfield Township Roads",
      "Township Clerk's Office · Highway Division",
      "NEWS RELEASE",
      "For immediate release: 10/14/2025",
      "Marrowfield Township to repave Quarry Road after wet summer",
      "Media contact: Doran Albescu, Roads Supervisor, 802-555-0144",
      "Staff report",
      R1, R2, R3,
      "###",
      "Marrowfield Township Roads Division",
      "Copyright © 2025 Marrowfield Township. All rights reserved.",
    })
    assert.are.equal("2025-10-14", doc.date)
    assert.are.equal("Marrowfield Township to repave Quarry Road after wet summer", doc.title)
    assert.are.equal("Marrowfield Township Roads", doc.outlet)
    assert.are.equal("HOLLIN BRIDGE, Vt.", doc.dateline)
  end)

  it("reads a mixed-case line of capitalised words as a name, not a place's line or one in capitals", function()
    assert.is_true(meta.name_words("Harrow County Elections"))
    assert.is_false(meta.name_words("Harrow County, Oregon"))
    assert.is_false(meta.name_words("THE HARROW LANTERN"))
    assert.is_false(meta.name_words("Harrow County 2026"))
  end)

  it("reads a department's line of offices as page furniture, no headline", function()
    assert.is_true(meta.title_furniture("Township Clerk's Office · Highway Division"))
    assert.is_false(meta.title_furniture("Clerk's office to open new branch · Highway work"))
  end)
end)

describe("clean meta: a blog engine's footer date", function()
  it("reads the date only of a 'This entry was posted on' footer", function()
    assert.are.equal("2026-02-13", dates:entry_posted("This entry was posted on Friday, February 13, 2026 at 9:05 am and is filed under Grants, Branch News."))
    assert.is_nil(dates:entry_posted("This entry was never dated."))
  end)

  it("dates a page whose header has only a relative time by its footer", function()
    local doc = run(lines {
      "Wrenfield Library Foundation",
      "Home | About | Grants | Blog | Donate",
      "",
      "Foundation awards reading grants to four branch libraries",
      "",
      "Posted 3 days ago · 4 min read",
      "",
      "The Wrenfield Library Foundation has awarded reading grants to four branch libraries for the coming year, the foundation's board said this week.",
      "",
      "The grants will pay for after-school reading clubs, large-print books and a new van for the rural outreach service.",
      "",
      "\"Every branch told us what its readers needed most, and we listened,\" board chair Imelda Crossworth said.",
      "",
      "This entry was posted on Friday, February 13, 2026 at 9:05 am and is filed under Grants, Branch News. You can follow any responses to this entry through the RSS 2.0 feed.",
      "",
      "Leave a Reply",
    })
    assert.are.equal("2026-02-13", doc.date)
  end)
end)

describe("clean meta: a dateline under a photo's caption", function()
  it("reads a paragraph opening on a caption's words as caption-like", function()
    assert.is_true(meta.caption_like("File photo of a dredger working in the outer channel."))
    assert.is_true(meta.caption_like("Pictured: the new ferry at its berth."))
    assert.is_false(meta.caption_like("Photographers gathered at the quay on Sunday."))
  end)
end)

describe("clean meta: a link's label is no outlet", function()
  it("does not read a call's label as an outlet", function()
    assert.is_false(meta.outlet_like("Download PDF", true))
    assert.is_true(meta.outlet_like("Kettle Point Herald", true))
  end)

  it("takes the masthead, not the download link under the timestamp, as outlet", function()
    local doc = run(lines {
      "Kettle Point Holdings",
      "",
      "Investors   Careers   Our Companies   Newsroom   Contact",
      "",
      "Newsroom",
      "",
      "Kettle Point Holdings reports record harvest season for its fisheries",
      "",
      "Sept. 2, 2025 at 10:00 a.m. AKDT",
      "",
      "Download PDF",
      "",
      "MARLOW BAY, Alaska – Kettle Point Holdings said on Tuesday that its fisheries subsidiaries had their best season on record, landing 41 million pounds of salmon.",
      "",
      "The result lifted the company's quarterly revenue to $88 million, up 14 percent on the year before, chief financial officer Renata Volkov said.",
      "",
      "\"Our crews had a remarkable summer,\" Volkov said.",
      "",
      "© 2025 Kettle Point Holdings | Privacy Policy",
    })
    assert.are.equal("Kettle Point Holdings", doc.outlet)
    assert.are.equal("MARLOW BAY, Alaska", doc.dateline)
  end)
end)
