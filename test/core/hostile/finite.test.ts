import { createCatalog, CoreError, ParseCache, serialOf, type Range, type ResultGrid } from "../../../core";
import { readScoreConfig, type ScoreConfig } from "../../../core/score/config";
import { analyze as analyzeWith, type VendorResult } from "../../../core/scorecard/analyze";
import { businessHours, DEFAULT_CALENDAR } from "../../../core/sla/calendar";
import { dateToSerial } from "../../../core/cell/date";

const catalog = createCatalog({ today: () => serialOf(2025, 6, 1) });

/** One vendor's analysis, with a cache of its own. */
const analyze = (range: Range, config: ScoreConfig, asOf: number) => {
  const a = analyzeWith(range, config, asOf, new ParseCache());
  return { ...a, find: (v: string) => a.find(v) as VendorResult };
};
const { VENDORKPI, VENDORSCORE, VENDORGRADE, VENDORSCORECARD, VENDORSEGMENTS, VENDORABC, VENDORKRALJIC, SLASTATUS, SLAHOURS, SLACOMPLIANCE } = catalog;

/** Every number in a result, whether one cell or a spilled table. */
function numbersIn(out: unknown): number[] {
  if (typeof out === "number") return [out];
  if (Array.isArray(out)) return out.flatMap(numbersIn);
  return [];
}

function column(grid: unknown, header: string): unknown[] {
  const g = grid as ResultGrid;
  const c = g[0]!.indexOf(header);
  if (c < 0) throw new Error(`no column ${header} in ${JSON.stringify(g[0])}`);
  return g.slice(1).map((row) => row[c]);
}

const isError = (out: unknown, code: string, ...mentions: string[]) =>
  out instanceof CoreError && out.code === code && mentions.every((m) => out.message.includes(m));

const OVERFLOWING_SPEND: Range = [
  ["Vendor", "Amount"],
  ["Acme", "1e308"],
  ["Acme", "1e308"],
  ["Bolt", 100],
];

// In full and defect rate both defined: Acme 1 and 0 (100), Core 0 and 0 (50: short, no rejects), Bolt 0 and 1 (0).
const TWO_KPIS: Range = [
  ["Vendor", "Ordered Qty", "Received Qty", "Rejected Qty"],
  ["Bolt", 10, 5, 5],
  ["Acme", 10, 10, 0],
  ["Core", 10, 9, 0],
];

describe("number text that overflows", () => {
  it('reads "1e309" in a quantity column as not a number, naming the column and row', () => {
    const out = VENDORKPI.fn([["Vendor", "Ordered Qty", "Received Qty"], ["Acme", 10, 10], ["Acme", 10, "1e309"]], "Acme", "in_full");
    expect(isError(out, "#VALUE!", 'Column "Received Qty", row 3', "1e309")).toBe(true);
    expect((out as CoreError).kind).toBe("not_a_number");
  });

  it('reads "1e308%" as the number 1e306, and "1e309%" as not a number', () => {
    expect(VENDORKPI.fn([["Vendor", "Amount"], ["Acme", "1e308%"]], "Acme", "spend")).toBe(1e306);
    expect(isError(VENDORKPI.fn([["Vendor", "Amount"], ["Acme", "1e309%"]], "Acme", "spend"), "#VALUE!", "1e309%")).toBe(true);
  });

  it("refuses a weight, an ABC cutoff or a threshold written 1e309 as not a number", () => {
    expect(isError(VENDORSCORE.fn(TWO_KPIS, "Acme", [["in_full", "1e309"]]), "#VALUE!", "Weights row 1", "not a number")).toBe(true);
    expect(isError(VENDORABC.fn(OVERFLOWING_SPEND, "Bolt", "1e309"), "#VALUE!", "not a number")).toBe(true);
    expect(isError(VENDORKRALJIC.fn(OVERFLOWING_SPEND, "Bolt", null, null, "1e309"), "#VALUE!", "not a number")).toBe(true);
  });
});

describe("sums that overflow", () => {
  it("leaves an overflowed KPI without a value and lists it in the vendor's overflow", () => {
    const acme = analyze(OVERFLOWING_SPEND, (readScoreConfig([]) as ScoreConfig), 45_800).find("Acme");
    expect(acme.values.spend).toBeUndefined();
    expect(acme.overflow).toEqual(["spend"]);
    expect(analyze(OVERFLOWING_SPEND, (readScoreConfig([]) as ScoreConfig), 45_800).find("Bolt").overflow).toEqual([]);
  });

  it("never returns Infinity for a spend of 1e308 + 1e308", () => {
    const out = VENDORKPI.fn(OVERFLOWING_SPEND, "Acme", "spend");
    expect(out).toBeInstanceOf(CoreError);
    expect(VENDORKPI.fn(OVERFLOWING_SPEND, "Bolt", "spend")).toBe(100);
  });

  it("marks a price variance whose price x qty overflows, though each cell is finite", () => {
    const range = [["Vendor", "Ordered Qty", "Unit Price", "Contract Price"], ["Acme", 1e300, 1e300, 1]];
    expect(analyze(range, (readScoreConfig([]) as ScoreConfig), 45_800).find("Acme").overflow).toContain("price_variance");
    expect(VENDORKPI.fn(range, "Acme", "price_variance")).toBeInstanceOf(CoreError);
  });

  it("shows an overflowed KPI as #NUM! naming the KPI", () => {
    expect(isError(VENDORKPI.fn(OVERFLOWING_SPEND, "Acme", "spend"), "#NUM!", "spend")).toBe(true);
  });

  it("gives a vendor whose scored KPI overflowed no score, no grade and the last place without a rank", () => {
    const weights = [["spend", 1, 1000, 0]];
    const acme = analyze(OVERFLOWING_SPEND, (readScoreConfig(weights) as ScoreConfig), 45_800).find("Acme");
    expect([acme.score, acme.grade, acme.rank]).toEqual([undefined, undefined, undefined]);
    const grid = VENDORSCORECARD.fn(OVERFLOWING_SPEND, weights) as ResultGrid;
    expect(column(grid, "Vendor")).toEqual(["Bolt", "Acme"]);
    expect(grid[2]!.slice(-3)).toEqual(["", "", ""]);
    expect(column(grid, "Spend")).toEqual([100, ""]);
    expect(VENDORSCORE.fn(OVERFLOWING_SPEND, "Acme", weights)).toBeInstanceOf(CoreError);
    expect(VENDORGRADE.fn(OVERFLOWING_SPEND, "Acme", weights)).toBeInstanceOf(CoreError);
  });

  it("shows the score of a vendor whose scored KPI overflowed as #NUM! naming the KPI", () => {
    expect(isError(VENDORSCORE.fn(OVERFLOWING_SPEND, "Acme", [["spend", 1, 1000, 0]]), "#NUM!", "spend")).toBe(true);
  });

  it("still scores a vendor whose overflowed KPI is only shown (weight 0)", () => {
    expect(VENDORSCORE.fn(OVERFLOWING_SPEND, "Acme", [["spend", 0, 1000, 0], ["lines", 1, 2, 0]])).toBe(100);
  });
});

describe("weights and bounds at the edge of the number range", () => {
  it("scores with weights of 1e308 as with weights of 1", () => {
    for (const v of ["Acme", "Bolt", "Core"]) {
      expect(VENDORSCORE.fn(TWO_KPIS, v, [["in_full", "1e308"], ["defect_rate", "1e308"]])).toBe(VENDORSCORE.fn(TWO_KPIS, v, [["in_full", 1], ["defect_rate", 1]]));
    }
    expect(VENDORSCORE.fn(TWO_KPIS, "Core", [["in_full", 1e308], ["defect_rate", 1e308]])).toBe(50);
  });

  it("keeps a score within 0..100 with weights 1e308 and 5e-324 side by side", () => {
    const out = VENDORSCORE.fn(TWO_KPIS, "Core", [["in_full", "5e-324"], ["defect_rate", "1e308"]]);
    expect(out).toBe(100);
    const tiny = VENDORSCORE.fn(TWO_KPIS, "Core", [["in_full", "5e-324"], ["defect_rate", "5e-324"]]);
    expect(tiny).toBe(50);
  });

  it("scores a KPI whose target and floor lie 2e308 apart", () => {
    // (0 + 1e308) / 2e308 = 0.5: the score is 50, not NaN.
    expect(VENDORSCORE.fn(TWO_KPIS, "Core", [["in_full", 1, "1e308", "-1e308"]])).toBe(50);
  });

  it("ranks vendors by score with weights of 1e308 (a NaN score ranked first before)", () => {
    const grid = VENDORSCORECARD.fn(TWO_KPIS, [["in_full", "1e308"], ["defect_rate", "1e308"]]);
    expect(column(grid, "Vendor")).toEqual(["Acme", "Core", "Bolt"]);
    expect(column(grid, "Score")).toEqual([100, 50, 0]);
    expect(column(grid, "Rank")).toEqual([1, 2, 3]);
    expect(numbersIn(grid).every(Number.isFinite)).toBe(true);
  });
});

describe("segments at the edge of the number range", () => {
  const TWO_HUGE: Range = [
    ["Vendor", "Amount", "Supply Risk"],
    ["Acme", "1e308", "1e308"],
    ["Acme", 1, "1e308"],
    ["Bolt", "1e308", 1],
    ["Core", 5, 2],
  ];

  it("gives finite spend shares when the total spend overflows", () => {
    const grid = VENDORSEGMENTS.fn(TWO_HUGE, [["Vendor", "Risk"], ["Acme", 4], ["Bolt", 2], ["Core", 1]]);
    expect(column(grid, "Vendor")).toEqual(["Acme", "Bolt", "Core"]);
    expect(column(grid, "Spend share")).toEqual([0.5, 0.5, 5 / 1e308 / 2]);
    expect(column(grid, "Cumulative share")).toEqual([0.5, 1, 1]);
    expect(column(grid, "ABC")).toEqual(["A", "A", "C"]);
    expect(numbersIn(grid).every(Number.isFinite)).toBe(true);
  });

  it("gives a finite mean supply risk when the risk column's sum overflows", () => {
    expect(VENDORKRALJIC.fn(TWO_HUGE, "Acme", null, null, 3)).toBe("Strategic");
    expect(VENDORKRALJIC.fn(TWO_HUGE, "Acme", null, null, "1e308")).toBe("Strategic");
  });

  it("takes a Kraljic risk threshold of 1e308: no vendor is high risk", () => {
    const small: Range = [["Vendor", "Amount", "Supply Risk"], ["Acme", 100, 5], ["Bolt", 1, 1]];
    expect(VENDORKRALJIC.fn(small, "Acme", null, null, 1e308)).toBe("Leverage");
  });

  it("refuses a Kraljic impact threshold of 1e308 on spend share, and ABC cutoffs of 1e308, saying the range", () => {
    expect(isError(VENDORKRALJIC.fn(TWO_HUGE, "Acme", null, 1e308, 3), "#VALUE!", "impact_threshold", "at most 1")).toBe(true);
    expect(isError(VENDORABC.fn(TWO_HUGE, "Acme", 1e308), "#VALUE!", "at most 1")).toBe(true);
    expect(isError(VENDORABC.fn(TWO_HUGE, "Acme", 0.8, "1e308"), "#VALUE!", "at most 1")).toBe(true);
    expect(isError(VENDORABC.fn(TWO_HUGE, "Acme", NaN), "#VALUE!", "not a number")).toBe(true);
    expect(isError(VENDORABC.fn(TWO_HUGE, "Acme", Infinity), "#VALUE!", "not a number")).toBe(true);
  });
});

describe("SLA targets and spans at the edge of the number range", () => {
  const TICKETS: Range = [
    ["Ticket", "Vendor", "Priority", "Opened", "Resolved"],
    ["T1", "Acme", "P1", "2025-03-31 09:00", "2025-03-31 12:00"],
    ["T2", "Acme", "P1", "2025-03-31 09:00", ""],
  ];
  const AS_OF = "2025-04-02 09:00";

  it.each([
    ["1e308", "1e+308"],
    ["5e-324", "5e-324"],
    [1_000_001, "1000001"],
    [0.0001, "0.0001"],
  ])("refuses a policy target of %s h, naming the row and the allowed range", (target, shown) => {
    const out = SLASTATUS.fn(TICKETS, [["P1", target]], null, AS_OF);
    expect(isError(out, "#VALUE!", "Policy row 1", shown, "1 second", "1,000,000 hours")).toBe(true);
    expect((out as CoreError).kind).toBe("bad_config");
    expect(isError(SLASTATUS.fn(TICKETS, [["P1", 4, target]], null, AS_OF), "#VALUE!", "Policy row 1", "response target")).toBe(true);
  });

  it.each([
    ["1,000,000 h around the clock", [["P1", 1_000_000, "24x7"]]],
    ["1,000,000 h of a one-minute business day", [["P1", 1_000_000]]],
    ["one second around the clock", [["P1", 1 / 3600, "24x7"]]],
    ["one second of business time", [["P1", 1 / 3600]]],
  ])("gives only finite figures for a target of %s", (_name, policy) => {
    const calendar = [["workdays", "Mon"], ["hours", "09:00-09:01"], ["holiday", "2025-04-07"]];
    const wide: Range = [...TICKETS, ["T3", "Acme", "P1", new Date(-8.64e15), new Date(8.64e15)], ["T4", "Acme", "P1", new Date(8.64e15), ""]];
    for (const cal of [null, calendar]) {
      const grid = SLASTATUS.fn(wide, policy, cal, AS_OF);
      expect(grid).not.toBeInstanceOf(CoreError);
      expect(numbersIn(grid).every(Number.isFinite)).toBe(true);
      const compliance = SLACOMPLIANCE.fn(wide, "Acme", policy, cal, AS_OF);
      expect(numbersIn(compliance).every(Number.isFinite)).toBe(true);
    }
  });

  it("judges no ticket opened before 1900: its row says the opened time is not a date, the others are judged", () => {
    const grid = SLASTATUS.fn([...TICKETS, ["T9", "Acme", "P2", new Date(1025, 0, 3, 16), ""]], null, null, AS_OF) as ResultGrid;
    const status = column(grid, "Status");
    expect(status[2]).toEqual(expect.stringContaining("is not a date-time"));
    expect(status.slice(0, 2)).toEqual(["met", "breached"]);
  });

  it("refuses the first and last moments a Date can hold, far outside 1900-9999, naming the argument", () => {
    expect(isError(SLAHOURS.fn(new Date(-8.64e15), new Date(2025, 0, 1), null), "#VALUE!", "start")).toBe(true);
    expect(isError(SLAHOURS.fn(new Date(2025, 0, 1), new Date(8.64e15), null), "#VALUE!", "end")).toBe(true);
  });

  it("counts the business hours between 1900-01-01 and 9999-12-31 as a finite number", () => {
    const out = SLAHOURS.fn(new Date(1900, 0, 1), new Date(9999, 11, 31, 23, 59), null);
    expect(typeof out).toBe("number");
    expect(Number.isFinite(out)).toBe(true);
    expect(out as number).toBeGreaterThan(0);
  });
});
