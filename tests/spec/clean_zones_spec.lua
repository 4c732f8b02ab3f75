--- The clean stage's time-zone abbreviations (scripts/data/en/clean_timezones.txt):
-- a page's timestamp with one of them gets that zone's UTC offset (ISO 8601); zones
-- whose letters are also English words are listed only when pages write them as zones
-- (South America's ART, PET, BOT, COT, VET: clean_meta_round21_spec); NUT is not.

local dates = require("docpipe.clean.dates").new("en")

local function at(zone) return dates:parse("27 November 2026 10:00 " .. zone) end

describe("clean dates: time-zone abbreviations", function()
  local zones = {
    MUT = "+04:00", SCT = "+04:00", RET = "+04:00", CVT = "-01:00",
    BNT = "+08:00", BTT = "+06:00", UZT = "+05:00", KGT = "+06:00", TJT = "+05:00",
    TMT = "+05:00", ALMT = "+05:00", ULAT = "+08:00", HOVT = "+07:00", TLT = "+09:00",
    IDT = "+03:00", KALT = "+02:00", SAMT = "+04:00", YEKT = "+05:00", OMST = "+06:00",
    KRAT = "+07:00", IRKT = "+08:00", YAKT = "+09:00", VLAT = "+10:00", MAGT = "+11:00",
    SAKT = "+11:00", PETT = "+12:00", PWT = "+09:00", MHT = "+12:00", TVT = "+12:00",
    GILT = "+12:00", NRT = "+12:00", CKT = "-10:00", TAHT = "-10:00", LHST = "+10:30",
    LHDT = "+11:00", ACWST = "+08:45", CXT = "+07:00", HDT = "-09:00", UYT = "-03:00",
    CLT = "-04:00", CLST = "-03:00", GYT = "-04:00", GFT = "-03:00", FNT = "-02:00",
    AZOT = "-01:00", AZOST = "+00:00",
  }
  for zone, off in pairs(zones) do
    it("reads " .. zone .. " as UTC" .. off, function()
      assert.are.equal("2026-11-27T10:00:00" .. off, at(zone))
    end)
  end

  it("reads a Mauritian page's stamp, \"29 November 2026 14:03 MUT\"", function()
    assert.are.equal("2026-11-29T14:03:00+04:00", dates:parse("29 November 2026 14:03 MUT"))
  end)

  it("gives the date alone when the word after the time is no zone", function()
    assert.are.equal("2026-11-27", at("NUT"))
    assert.are.equal("2026-11-27", at("HAM"))
  end)
end)
