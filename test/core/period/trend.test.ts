import type { Range } from "../../../core";
import { catalog, serial } from "../../helpers/sheet";

// Scored on on-time delivery alone (target 1, floor 0), so a period's score is its on-time share x 100.
// As of 2025-04-10, by month, three periods of history: 2025-02, 2025-03, 2025-04 (and January before them, for Change).
//  Acme Jan: two lines on time                                  -> 100
//  Acme Feb: one on time, one undelivered past its promise      -> 1/2 -> 50 (judged at as_of, not at February's end)
//  Acme Mar: none                                               -> empty
//  Acme Apr: one on time, one undelivered past due, one not due -> 1/2 -> 50; three lines
//  Acme Nov 2024: outside the window
//  Beta: Mar promised 03-10 delivered 03-12 (late); a line with only a delivered date (03-05, March by the
//        fallback); a line with only an order date (02-15, February by the fallback)
//  Carol Apr: delivered 04-08 against 04-03 -> late -> 0
const PO: Range = [
  ["Vendor", "Order Date", "Promised Date", "Delivered Date", "Amount"],
  ["Acme", "2024-12-20", "2025-01-10", "2025-01-10", 100],
  ["Acme", "2025-01-05", "2025-01-20", "2025-01-19", 200],
  ["Acme", "2025-01-25", "2025-02-05", "2025-02-05", 50],
  ["Acme", "2025-02-01", "2025-02-20", "", 60],
  ["Acme", "2025-03-20", "2025-04-02", "2025-04-01", 10],
  ["Acme", "2025-03-25", "2025-04-05", "", 20],
  ["Acme", "2025-04-01", "2025-04-20", "", 30],
  ["Acme", "2024-10-01", "2024-11-01", "2024-11-01", 5],
  ["Beta", "2025-02-25", "2025-03-10", "2025-03-12", 70],
  ["Beta", "", "", "2025-03-05", 80],
  ["Beta", "2025-02-15", "", "", 90],
  ["Carol", "2025-04-01", "2025-04-03", "2025-04-08", 500],
];
const AS_OF = "2025-04-10";
const MONTHLY = [["on_time", 1, 1, 0], ["period", "month"], ["history", 3]];
const TREND_HEADER = ["Period", "Start", "End", "Lines", "Spend", "On time", "In full", "OTIF", "Defect rate", "Price variance", "Lead time (days)", "Score", "Grade", "Change"];

describe("VENDORTREND", () => {
  it("gives a period without lines no score even when Lines is a scored KPI", () => {
    // Lines scored (target 3, floor 0): Acme's February has 2 lines -> 66.7, March none -> no score, April 3 -> 100.
    const trend = catalog.VENDORTREND.fn(PO, "Acme", "score", [["lines", 1, 3, 0], ["period", "month"], ["history", 3]], AS_OF) as unknown[][];
    const score = trend[0]!.indexOf("Score");
    expect(trend.slice(1).map((r) => [r[0], typeof r[score] === "number" ? Math.round((r[score] as number) * 10) / 10 : r[score]])).toEqual([["2025-02", 66.7], ["2025-03", ""], ["2025-04", 100]]);
  });

  it("spills one row per period, oldest first, every period present even when empty", () => {
    expect(catalog.VENDORTREND.fn(PO, "Acme", null, MONTHLY, AS_OF)).toEqual([
      TREND_HEADER,
      // Lead time: 02-05 - 01-25 = 11 days (the undelivered line has none). Change: 50 - January's 100.
      ["2025-02", serial("2025-02-01"), serial("2025-02-28"), 2, 110, 0.5, "", "", "", "", 11, 50, "D", -50],
      // An empty period: Lines 0, every other KPI blank, no score; the change after it is blank too.
      ["2025-03", serial("2025-03-01"), serial("2025-03-31"), 0, "", "", "", "", "", "", "", "", "", ""],
      ["2025-04", serial("2025-04-01"), serial("2025-04-30"), 3, 60, 0.5, "", "", "", "", 12, 50, "D", ""],
    ]);
  });

  it("places a line by its promised date, else its delivered date, else its order date", () => {
    const beta = catalog.VENDORTREND.fn(PO, "Beta", null, MONTHLY, AS_OF) as unknown[][];
    // February: the order-date-only line (spend 90, nothing to judge). March: the late line and the
    // delivered-only line; lead time 03-12 - 02-25 = 15; on time 0 of 1. No score in February: no change in March.
    expect(beta.map((r) => [r[0], r[3], r[4], r[5], r[10], r[11], r[13]])).toEqual([
      ["Period", "Lines", "Spend", "On time", "Lead time (days)", "Score", "Change"],
      ["2025-02", 1, 90, "", "", "", ""],
      ["2025-03", 2, 150, 0, 15, 0, ""],
      ["2025-04", 0, "", "", "", "", ""],
    ]);
  });

  it.each([
    // Named explicitly, only that field places a line; a line without it is in no period.
    ["delivered", [0, 2, 0]],
    ["order_date", [2, 0, 0]],
    ["promised", [0, 1, 0]],
  ])("with period_by, %s, counts Beta's lines by that date only", (by, lines) => {
    const weights = [...MONTHLY, ["period_by", by]];
    const beta = catalog.VENDORTREND.fn(PO, "Beta", "lines", weights, AS_OF) as unknown[][];
    expect(beta.slice(1).map((r) => r[1])).toEqual(lines);
  });

  it("counts the lines in no period in VENDORDATAQUALITY", () => {
    const row = (weights: unknown[][]) => (catalog.VENDORDATAQUALITY.fn(PO, weights) as unknown[][]).find((r) => r[0] === "no period date");
    // Every line has one of the three dates; two of Beta's have no promised date.
    expect(row(MONTHLY)?.[3]).toBe(0);
    expect(row([...MONTHLY, ["period_by", "promised"]])?.slice(3, 4)).toEqual([2]);
    expect(row([...MONTHLY, ["period_by", "order_date"]])?.[3]).toBe(1);
    expect(row([["on_time", 1]])).toBeUndefined();
  });

  it("spills Period and one KPI's column with a KPI key or label", () => {
    expect(catalog.VENDORTREND.fn(PO, "Acme", "Lead time", MONTHLY, AS_OF)).toEqual([
      ["Period", "Lead time (days)"],
      ["2025-02", 11],
      ["2025-03", ""],
      ["2025-04", 12],
    ]);
    expect(catalog.VENDORTREND.fn(PO, "Acme", "score", MONTHLY, AS_OF)).toEqual(catalog.VENDORTREND.fn(PO, "Acme", null, MONTHLY, AS_OF));
  });

  it.each([
    // ISO weeks: 04-02 and 04-05 are in W14 (Mar 31 - Apr 6); as_of 04-10 is in W15, which has none.
    ["week", 1, [["2025-W14", 2], ["2025-W15", 0]]],
    // Years: the November 2024 line, then 2025's seven.
    ["year", 1, [["2024", 1], ["2025", 7]]],
    // Fiscal years from April, named by the year they end in: FY2025 holds Nov 2024 to Feb 2025, FY2026 April on.
    ["year", 4, [["FY2025", 5], ["FY2026", 3]]],
    ["quarter", 4, [["FY2025-Q4", 4], ["FY2026-Q1", 3]]],
  ])("counts Acme's lines per %s (fiscal start %i)", (period, fiscal, expected) => {
    const t = catalog.VENDORTREND.fn(PO, "Acme", "lines", [["period", period], ["fiscal_start", fiscal], ["history", 2]], AS_OF);
    expect(t).toEqual([["Period", "Lines"], ...(expected as unknown[][])]);
  });

  it("uses quarters without a period row", () => {
    const t = catalog.VENDORTREND.fn(PO, "Acme", "lines", [["on_time", 1, 1, 0], ["history", 2]], AS_OF);
    // 2025-Q1 holds the Jan and Feb lines (4); 2025-Q2 the April ones (3); Nov 2024 is before the window.
    expect(t).toEqual([["Period", "Lines"], ["2025-Q1", 4], ["2025-Q2", 3]]);
  });

  it("gives every row, empty, to a vendor with no line in the window", () => {
    const t = catalog.VENDORTREND.fn([...PO, ["Dora", "2024-01-01", "2024-01-05", "2024-01-05", 1]], "Dora", null, MONTHLY, AS_OF) as unknown[][];
    expect(t.slice(1).map((r) => r.slice(3))).toEqual([0, 0, 0].map(() => [0, "", "", "", "", "", "", "", "", "", ""]));
  });

  it("refuses more vendor-periods than it can keep, saying to lower history", () => {
    // 8,300 vendors x (120 + 1) weeks is over 1,000,000.
    const many: Range = [["Vendor", "Promised Date"], ...Array.from({ length: 8300 }, (_, i) => [`V${i}`, "2025-03-01"])];
    expect(catalog.VENDORTRENDS.fn(many, null, [["period", "week"], ["history", 120]], AS_OF)).toBeCoreError("#VALUE!", "8,300 vendors over 121 periods", "lower history");
    expect(Array.isArray(catalog.VENDORTRENDS.fn(many, null, [["period", "week"], ["history", 100]], AS_OF))).toBe(true);
  });

  it("says what is wrong with an unknown vendor or KPI", () => {
    expect(catalog.VENDORTREND.fn(PO, "Zed", null, MONTHLY, AS_OF)).toBeCoreError("#N/A", "Zed");
    expect(catalog.VENDORTREND.fn(PO, "Acme", "speed", MONTHLY, AS_OF)).toBeCoreError("#VALUE!", "speed", "not a KPI");
  });
});

describe("VENDORTRENDS", () => {
  it("spills Vendor and a column per period, sorted best score first in the last period, undefined last", () => {
    expect(catalog.VENDORTRENDS.fn(PO, null, MONTHLY, AS_OF)).toEqual([
      ["Vendor", "2025-02", "2025-03", "2025-04"],
      ["Acme", 50, "", 50],
      ["Carol", "", "", 0],
      ["Beta", "", 0, ""],
    ]);
  });

  it("sorts a KPI whose target is below its floor lowest first", () => {
    // Lead time (target 7, floor 30): Carol 7 days, Acme 12.
    expect(catalog.VENDORTRENDS.fn(PO, "lead_time", MONTHLY, AS_OF)).toEqual([
      ["Vendor", "2025-02", "2025-03", "2025-04"],
      ["Carol", "", "", 7],
      ["Acme", 11, "", 12],
      ["Beta", "", 15, ""],
    ]);
  });

  it("sorts spend highest first, and equal values by name", () => {
    const t = catalog.VENDORTRENDS.fn([...PO, ["Aaron", "", "2025-04-01", "", 60]], "spend", MONTHLY, AS_OF) as unknown[][];
    expect(t.map((r) => [r[0], r[3]])).toEqual([["Vendor", "2025-04"], ["Carol", 500], ["Aaron", 60], ["Acme", 60], ["Beta", ""]]);
  });
});

describe("VENDORSCORECARD and the snapshot functions with a period row", () => {
  it("describes the period holding as_of, with Previous score, Change and Overall", () => {
    expect(catalog.VENDORSCORECARD.fn(PO, MONTHLY, AS_OF)).toEqual([
      ["Vendor", "Lines", "Spend", "On time", "In full", "OTIF", "Defect rate", "Price variance", "Lead time (days)", "Score", "Grade", "Rank", "Previous score", "Change", "Overall"],
      // Overall, linear over 3 periods: (50 x 3 + 50 x 1) / (3 + 1) = 50 (March, empty, is skipped).
      ["Acme", 3, 60, 0.5, "", "", "", "", 12, 50, "D", 1, "", "", 50],
      ["Carol", 1, 500, 0, "", "", "", "", 7, 0, "D", 2, "", "", 0],
    ]);
  });

  it("compares with the period before when both have a score", () => {
    const feb = catalog.VENDORSCORECARD.fn(PO, MONTHLY, "2025-02-14") as unknown[][];
    // As of 02-14, the 02-20 line is not due yet: February 1 of 1 on time -> 100; January 100; overall
    // over Dec (empty), Jan, Feb: (100 x 3 + 100 x 2) / (3 + 2). Beta's order-date-only line is in
    // February: a row with nothing to score, after the scored ones.
    expect(feb.slice(1)).toEqual([
      ["Acme", 2, 110, 1, "", "", "", "", 11, 100, "A", 1, 100, 0, 100],
      ["Beta", 1, 90, "", "", "", "", "", "", "", "", "", "", "", ""],
    ]);
  });

  it("gives the current period's score, grade, KPIs and breakdown, and #N/A naming the period for a vendor without lines in it", () => {
    expect(catalog.VENDORSCORE.fn(PO, "Acme", MONTHLY, AS_OF)).toBe(50);
    expect(catalog.VENDORGRADE.fn(PO, "Carol", MONTHLY, AS_OF)).toBe("D");
    expect(catalog.VENDORKPI.fn(PO, "Acme", "spend", AS_OF, MONTHLY)).toBe(60);
    expect(catalog.VENDORKPI.fn(PO, "Beta", "lines", AS_OF, MONTHLY)).toBe(0);
    expect(catalog.VENDORSCORE.fn(PO, "Beta", MONTHLY, AS_OF)).toBeCoreError("#N/A", "Beta", "2025-04", "2025-04-01 to 2025-04-30");
    expect(catalog.VENDORGRADE.fn(PO, "Beta", MONTHLY, AS_OF)).toBeCoreError("#N/A", "2025-04");
    expect(catalog.VENDORKPI.fn(PO, "Beta", "spend", AS_OF, MONTHLY)).toBeCoreError("#N/A", "2025-04");
    expect(catalog.VENDORBREAKDOWN.fn(PO, "Beta", MONTHLY, AS_OF)).toBeCoreError("#N/A", "2025-04");
    expect((catalog.VENDORBREAKDOWN.fn(PO, "Acme", MONTHLY, AS_OF) as unknown[][])[1]!.slice(0, 2)).toEqual(["On time", 0.5]);
  });

  it("changes nothing for the snapshot functions with history and decay rows but no period row", () => {
    const plain = [["on_time", 1, 1, 0]];
    const withRows = [...plain, ["history", 3], ["decay", "none"], ["fiscal_start", 4]];
    expect(catalog.VENDORSCORECARD.fn(PO, withRows, AS_OF)).toEqual(catalog.VENDORSCORECARD.fn(PO, plain, AS_OF));
    expect(catalog.VENDORSCORE.fn(PO, "Beta", withRows, AS_OF)).toBe(0);
  });
});

describe("VENDOROVERALL", () => {
  /** A month of lines: `onTime` delivered on their promised day, `late` a day after it. */
  function month(y: number, m: number, onTime: number, late: number): Range {
    const day = `${y}-${String(m).padStart(2, "0")}-10`;
    const lateDay = `${y}-${String(m).padStart(2, "0")}-11`;
    return [...Array<Range[number]>(onTime).fill(["Acme", day, day]), ...Array<Range[number]>(late).fill(["Acme", day, lateDay])];
  }
  /** Monthly lines for 2025, December first (newest), as [on time, late] per month. */
  function year(newestFirst: [number, number][]): Range {
    return [["Vendor", "Promised Date", "Delivered Date"], ...newestFirst.flatMap(([ok, late], n) => month(2025, 12 - n, ok, late))];
  }
  const W = [["on_time", 1, 1, 0], ["period", "month"]];
  const DEC = "2025-12-31";

  it.each([
    // ERPNext's own examples, H = 12, newest first.
    ["90, 60, 30 gives 61.818...", year([[9, 1], [3, 2], [3, 7]]), (90 * 12 + 60 * 11 + 30 * 10) / (100 * (12 + 11 + 10)) * 100],
    ["twelve 80s give 80", year(Array.from({ length: 12 }, (): [number, number] => [4, 1])), 80],
    ["100 then eleven 0s gives 15.3846...", year([[1, 0], ...Array.from({ length: 11 }, (): [number, number] => [0, 1])]), 1200 / 7800 * 100],
    ["0 then eleven 100s gives 84.615...", year([[0, 1], ...Array.from({ length: 11 }, (): [number, number] => [1, 0])]), (100 * 66) / 7800 * 100],
  ])("weighs recent periods more with linear decay: %s", (_, data, expected) => {
    expect(catalog.VENDOROVERALL.fn(data, "Acme", W, DEC)).toBeCloseTo(expected, 10);
  });

  it("writes the expected values above as ERPNext publishes them", () => {
    expect((90 * 12 + 60 * 11 + 30 * 10) / (100 * 33) * 100).toBeCloseTo(61.818181818, 8);
    expect(1200 / 7800 * 100).toBeCloseTo(15.384615385, 8);
    expect(6600 / 7800 * 100).toBeCloseTo(84.615384615, 8);
  });

  it("takes the mean of the periods with a score with decay, none", () => {
    expect(catalog.VENDOROVERALL.fn(year([[9, 1], [3, 2], [3, 7]]), "Acme", [...W, ["decay", "none"]], DEC)).toBeCloseTo(60, 10);
  });

  it("skips a period without data rather than scoring it", () => {
    // 90 in December, nothing in November, 30 in October: (90 x 12 + 30 x 10) / (100 x 22) x 100.
    expect(catalog.VENDOROVERALL.fn(year([[9, 1], [0, 0], [3, 7]]), "Acme", W, DEC)).toBeCloseTo((1080 + 300) / 22, 10);
  });

  it("spans only `history` periods", () => {
    // history 2: December 90 (weight 2), November 60 (weight 1).
    expect(catalog.VENDOROVERALL.fn(year([[9, 1], [3, 2], [3, 7]]), "Acme", [...W, ["history", 2]], DEC)).toBeCloseTo((180 + 60) / 3, 10);
  });

  it("is #N/A with no score in any period, never 100", () => {
    expect(catalog.VENDOROVERALL.fn(year([[9, 1]]), "Acme", W, "2027-06-30")).toBeCoreError("#N/A", "Acme", "2026-07 to 2027-06");
  });
});
