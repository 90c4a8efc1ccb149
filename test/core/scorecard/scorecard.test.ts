import type { Range } from "../../../core";
import { catalog, withDates } from "../../helpers/sheet";
import { table } from "../../helpers/table";

// A worked example small enough to check on paper. As of 2025-04-10:
//  Acme 1: promised 03-10, delivered 03-10, 100/100 received, 1 rejected, price 10 = contract 10 -> on time, in full
//  Acme 2: promised 03-10, delivered 03-12 (late), 40 of 50 received, 2 rejected, price 11 vs 10, amount 440
//  Acme 3: promised 03-20, not delivered, past due at as-of -> late (counts in on_time and OTIF)
//  Acme 4: promised 04-15, not delivered, not yet due -> not evaluable
//  Beta 5, 6: on time, in full; no contract price -> price variance undefined, weights renormalise
//  Carol 7: only an amount -> no scored KPI, no score
//  row 9: blank vendor -> skipped
const PO: Range = [
  ["Vendor", "PO Date", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty", "Rejected Qty", "Unit Price", "Contract Price", "Amount"],
  ["Acme", "2025-03-01", "2025-03-10", "2025-03-10", 100, 100, 1, 10, 10, ""],
  ["Acme", "2025-03-01", "2025-03-10", "2025-03-12", 50, 40, 2, 11, 10, 440],
  ["acme ", "2025-03-05", "2025-03-20", "", 20, "", "", 10, 10, ""],
  ["ACME", "2025-03-05", "2025-04-15", null, 10, null, null, 10, 10, null],
  ["Beta", "2025-03-01", "2025-03-15", "2025-03-14", 200, 200, 0, 5, "", ""],
  ["Beta", "2025-03-02", "2025-03-16", "2025-03-16", 100, 100, 1, 5, "", 500],
  ["Carol", "", "", "", "", "", "", "", "", 300],
  ["", "2025-03-01", "2025-03-10", "2025-03-10", 5, 5, 0, 1, 1, ""],
];
const AS_OF = "2025-04-10";

const ACME = {
  lines: 4,
  on_time: 1 / 3,
  in_full: 1 / 2,
  otif: 1 / 3,
  defect_rate: 3 / 140,
  price_variance: 40 / 1700,
  lead_time: 10,
  spend: 1000 + 440 + 200 + 100,
};
// KPI scores: on time 0 (below floor), in full 0, defect (0.05 - 3/140) / 0.045 = 63.492..., variance (0.05 - 40/1700) / 0.05 = 52.941...
const ACME_DEFECT_SCORE = ((0.05 - 3 / 140) / 0.045) * 100;
const ACME_VARIANCE_SCORE = ((0.05 - 40 / 1700) / 0.05) * 100;
const ACME_SCORE = (25 * ACME_DEFECT_SCORE + 20 * ACME_VARIANCE_SCORE) / 100; // 26.461...

describe("VENDORKPI on the worked example", () => {
  it.each(Object.entries(ACME))("gives Acme's %s", (kpi, expected) => {
    expect(catalog.VENDORKPI.fn(PO, "Acme", kpi, AS_OF)).toBeCloseTo(expected, 12);
  });

  it.each([
    ["on_time", 1],
    ["in_full", 1],
    ["otif", 1],
    ["defect_rate", 1 / 300],
    ["lead_time", 13.5],
    ["spend", 1500],
    ["lines", 2],
  ])("gives Beta's %s", (kpi, expected) => {
    expect(catalog.VENDORKPI.fn(PO, "Beta", kpi, AS_OF)).toBeCloseTo(expected, 12);
  });

  it("counts an undelivered line past its promise as late, and one not yet due not at all", () => {
    const onlyUndelivered = [PO[0]!, PO[3]!, PO[4]!];
    expect(catalog.VENDORKPI.fn(onlyUndelivered, "Acme", "on_time", AS_OF)).toBe(0);
    expect(catalog.VENDORKPI.fn([PO[0]!, PO[4]!], "Acme", "on_time", AS_OF)).toBeCoreError("#N/A", "ACME", "on_time");
  });

  it("accepts a KPI by its display label", () => {
    expect(catalog.VENDORKPI.fn(PO, "Acme", "Defect rate", AS_OF)).toBeCloseTo(3 / 140, 12);
  });

  it("says a KPI with no evaluable line is undefined, not zero", () => {
    expect(catalog.VENDORKPI.fn(PO, "Beta", "price_variance", AS_OF)).toBeCoreError("#N/A", "Beta", "price_variance");
  });
});

describe("VENDORSCORE and VENDORGRADE on the worked example", () => {
  it("scores Acme from defect rate and price variance, on time and in full being below their floors", () => {
    expect(catalog.VENDORSCORE.fn(PO, "Acme", null, AS_OF)).toBeCloseTo(ACME_SCORE, 10);
    expect(catalog.VENDORGRADE.fn(PO, "Acme", null, AS_OF)).toBe("D");
  });

  it("renormalises Beta's weights over the KPIs its data supports", () => {
    expect(catalog.VENDORSCORE.fn(PO, "Beta", null, AS_OF)).toBe(100);
    expect(catalog.VENDORGRADE.fn(PO, "Beta", undefined, AS_OF)).toBe("A");
  });

  it("gives #N/A for a vendor with no data for any scored KPI", () => {
    expect(catalog.VENDORSCORE.fn(PO, "Carol", null, AS_OF)).toBeCoreError("#N/A", "Carol");
  });

  it("extends the promised day by grace days", () => {
    const grace = [["grace_days", 2]];
    // Acme 2 (two days late) is now on time: 2 of 3 evaluable lines.
    expect(catalog.VENDORKPI.fn(PO, "Acme", "on_time", AS_OF)).toBeCloseTo(1 / 3, 12);
    const score = catalog.VENDORSCORE.fn(PO, "Acme", [["kpi", "weight"], ["on_time", 1, 1, 0], ...grace], AS_OF);
    expect(score).toBeCloseTo((2 / 3) * 100, 10);
  });

  it("scores only the KPIs a weights range names, with its targets and floors", () => {
    const weights = [
      ["KPI", "Weight", "Target", "Floor"],
      ["on_time", 1, "", ""],
      ["Defect rate", 1, 0.01, 0.1],
    ];
    // Acme: on time 0; defect (0.1 - 3/140) / 0.09 = 87.30...; mean of the two.
    expect(catalog.VENDORSCORE.fn(PO, "Acme", weights, AS_OF)).toBeCloseTo((0 + ((0.1 - 3 / 140) / 0.09) * 100) / 2, 10);
    expect(catalog.VENDORSCORE.fn(PO, "Beta", weights, AS_OF)).toBe(100);
  });

  it("scores a lower-is-better KPI with target below floor", () => {
    const weights = [["lead_time", 1, 10, 20]];
    expect(catalog.VENDORSCORE.fn(PO, "Beta", weights, AS_OF)).toBeCloseTo(((13.5 - 20) / (10 - 20)) * 100, 10);
  });

  it("treats a missing column as no data: a range without contract price scores the rest", () => {
    const noContract = PO.map((row) => row.filter((_, c) => c !== 8));
    expect(catalog.VENDORSCORE.fn(noContract, "Acme", null, AS_OF)).toBeCloseTo((25 * ACME_DEFECT_SCORE) / 80, 10);
  });

  it("judges at today when as_of is omitted", () => {
    // The test catalog's today is 2025-04-10, the same as AS_OF.
    expect(catalog.VENDORSCORE.fn(PO, "Acme")).toBeCloseTo(ACME_SCORE, 10);
  });

  it("matches vendor names trimmed and in any case", () => {
    expect(catalog.VENDORSCORE.fn(PO, "  aCmE ", null, AS_OF)).toBeCloseTo(ACME_SCORE, 10);
  });
});

describe("VENDORSCORECARD", () => {
  it("spills one row per vendor, best score first, unscored last, empty cells for undefined values", () => {
    const grid = catalog.VENDORSCORECARD.fn(PO, null, AS_OF) as unknown[][];
    expect(grid[0]).toEqual(["Vendor", "Lines", "Spend", "On time", "In full", "OTIF", "Defect rate", "Price variance", "Lead time (days)", "Score", "Grade", "Rank"]);
    expect(grid.map((r) => r[0])).toEqual(["Vendor", "Beta", "Acme", "Carol"]);
    expect(grid[1]).toEqual(["Beta", 2, 1500, 1, 1, 1, 1 / 300, "", 13.5, 100, "A", 1]);
    const acme = table(grid).row("Acme");
    expect(acme.pick("Lines", "Spend", "On time", "In full", "OTIF", "Defect rate", "Price variance", "Lead time (days)")).toEqual([4, 1740, 1 / 3, 0.5, 1 / 3, 3 / 140, 40 / 1700, 10].map((v) => expect.closeTo(v, 12)));
    expect(acme.pick("Score", "Grade", "Rank")).toEqual([expect.closeTo(ACME_SCORE, 10), "D", 2]);
    expect(grid[3]).toEqual(["Carol", 1, 300, "", "", "", "", "", "", "", "", ""]);
  });

  it("gives equal scores the same rank and orders them by name", () => {
    const tied = [
      ["Vendor", "Promised", "Delivered"],
      ["Zed", "2025-03-01", "2025-03-01"],
      ["Amy", "2025-03-01", "2025-03-01"],
      ["Moe", "2025-03-01", "2025-03-09"],
    ];
    const grid = catalog.VENDORSCORECARD.fn(tied, null, AS_OF) as unknown[][];
    expect(table(grid).pick("Vendor", "Rank")).toEqual([["Amy", 1], ["Zed", 1], ["Moe", 3]]);
  });
});

describe("VENDORBREAKDOWN", () => {
  it("explains Acme's score with one row per scored KPI; the contributions add up to the score", () => {
    const grid = catalog.VENDORBREAKDOWN.fn(PO, "Acme", null, AS_OF) as unknown[][];
    expect(grid[0]).toEqual(["KPI", "Value", "Target", "Floor", "Weight", "KPI score", "Contribution", "Weight share", "Note"]);
    expect(grid).toHaveLength(5);
    expect(table(grid).pick("KPI", "Value", "Target", "Floor", "Weight")).toEqual([
      ["On time", expect.closeTo(1 / 3, 12), 0.98, 0.8, 35],
      ["In full", 0.5, 0.98, 0.8, 20],
      ["Defect rate", expect.closeTo(3 / 140, 12), 0.005, 0.05, 25],
      ["Price variance", expect.closeTo(40 / 1700, 12), 0, 0.05, 20],
    ]);
    expect(table(grid).column("KPI score")).toEqual([0, 0, expect.closeTo(ACME_DEFECT_SCORE, 10), expect.closeTo(ACME_VARIANCE_SCORE, 10)]);
    expect(table(grid).column("Weight share")).toEqual([0.35, 0.2, 0.25, 0.2]);
    const contributions = table(grid).column("Contribution") as number[];
    expect(contributions.reduce((a, b) => a + b, 0)).toBeCloseTo(ACME_SCORE, 10);
  });

  it("marks a KPI without data as left out with its weight renormalised", () => {
    const grid = catalog.VENDORBREAKDOWN.fn(PO, "Beta", null, AS_OF) as unknown[][];
    const variance = table(grid).row("Price variance");
    expect(variance.get("Value")).toBe("");
    expect(variance.get("Note")).toMatch(/no data/);
    expect(table(grid).row("On time").get("Weight share")).toBeCloseTo(35 / 80, 12);
  });
});

describe("dates as Excel serials, as Date objects and as text", () => {
  const functions: [string, unknown[]][] = [
    ["VENDORSCORECARD", [null, AS_OF]],
    ["VENDORBREAKDOWN", ["Acme", null, AS_OF]],
    ["VENDORSCORE", ["Acme", null, AS_OF]],
    ["VENDORKPI", ["Acme", "lead_time", AS_OF]],
  ];
  it.each(functions)("%s gives identical results", (name, args) => {
    const fn = catalog[name as "VENDORSCORE"].fn;
    const text = fn(PO, ...args);
    expect(fn(withDates(PO, "serial"), ...args)).toEqual(text);
    expect(fn(withDates(PO, "Date"), ...args)).toEqual(text);
  });

  it("accepts as_of as a serial or a Date", () => {
    const score = catalog.VENDORSCORE.fn(PO, "Acme", null, AS_OF);
    expect(catalog.VENDORSCORE.fn(PO, "Acme", null, 45757)).toEqual(score);
    expect(catalog.VENDORSCORE.fn(PO, "Acme", null, new Date(2025, 3, 10))).toEqual(score);
  });

  it("ignores the time of day when comparing delivery with promise", () => {
    const range = [
      ["Vendor", "Promised", "Delivered"],
      ["Acme", "2025-03-10 08:00", "2025-03-10 23:30"],
    ];
    expect(catalog.VENDORKPI.fn(range, "Acme", "on_time", AS_OF)).toBe(1);
  });
});
