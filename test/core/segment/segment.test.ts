import type { CellValue, Range, ResultGrid } from "../../../core";
import { catalog, withDates } from "../../helpers/sheet";
import { table } from "../../helpers/table";
import { sourceSummary } from "../../../core/report";

const { VENDORABC, VENDORKRALJIC, VENDORSEGMENTS, VENDORSCORECARD } = catalog;

/** The column of a spilled table under a header. */
const column = (grid: unknown, header: string) => table(grid).column(header);

function classesOf(range: Range, a?: number, b?: number): Record<string, unknown> {
  const vendors = [...new Set(range.slice(1).map((r) => String(r[0]).trim()))];
  return Object.fromEntries(vendors.map((v) => [v, VENDORABC.fn(range, v, a ?? null, b ?? null)]));
}

describe("VENDORABC: Pareto classes on spend", () => {
  // Total 100. Acme starts at 0%, Bolt at 50% and crosses 80% (to 85%), Core starts at 85%, Dyn at exactly 95%.
  const CROSSING: Range = [
    ["Vendor", "Amount"],
    ["Acme", 30],
    ["Bolt", 35],
    ["Acme", 20],
    ["Core", 10],
    ["Dyn", 5],
  ];

  it("keeps in class A the vendor whose spend crosses the 80% cutoff, since 50% of spend lies above it", () => {
    expect(classesOf(CROSSING)).toEqual({ Acme: "A", Bolt: "A", Core: "B", Dyn: "C" });
  });

  it("puts a vendor that starts exactly at a cutoff in the next class (cum_before 0.80 is B, 0.95 is C)", () => {
    const tie: Range = [["Vendor", "Amount"], ["Acme", 40], ["Bolt", 40], ["Core", 15], ["Dyn", 5]];
    expect(classesOf(tie)).toEqual({ Acme: "A", Bolt: "A", Core: "B", Dyn: "C" });
  });

  it("reads a running share that reaches 80% through cent amounts (0.7 + 0.1) as an exact tie", () => {
    // Core starts at (0.7 + 0.1) / 1, which floating point makes 0.7999999999999999.
    const cents: Range = [["Vendor", "Amount"], ["Acme", 0.7], ["Bolt", 0.1], ["Core", 0.1], ["Dyn", 0.1]];
    expect(classesOf(cents)).toEqual({ Acme: "A", Bolt: "A", Core: "B", Dyn: "B" });
  });

  it("always makes the top vendor A, even with a tiny cutoff", () => {
    expect(classesOf(CROSSING, 0.01, 0.02)).toEqual({ Acme: "A", Bolt: "C", Core: "C", Dyn: "C" });
    expect(classesOf(CROSSING, 0.01, 0.6)).toEqual({ Acme: "A", Bolt: "B", Core: "C", Dyn: "C" });
  });

  it("takes cutoffs as shares or percentages", () => {
    expect(VENDORABC.fn(CROSSING, "Core", 0.9, 0.99)).toBe("A");
    expect(VENDORABC.fn(CROSSING, "Core", "90%", "99%")).toBe("A");
    expect(VENDORABC.fn(CROSSING, "Dyn", 0.9, 1)).toBe("B");
  });

  it("breaks equal spend by vendor name, so the class does not depend on row order", () => {
    // a = 0.4: Alpha ranks first (cum_before 0), Zeta second (exactly 0.4, so B), Mid starts at exactly b = 0.8.
    const equal: Range = [["Vendor", "Amount"], ["Zeta", 40], ["Alpha", 40], ["Mid", 20]];
    expect(classesOf(equal, 0.4, 0.8)).toEqual({ Alpha: "A", Zeta: "B", Mid: "C" });
    expect(classesOf([equal[0]!, equal[3]!, equal[2]!, equal[1]!], 0.4, 0.8)).toEqual({ Alpha: "A", Zeta: "B", Mid: "C" });
  });

  it("treats spends that differ only by floating-point noise (0.1 + 0.2 against 0.3) as a tie broken by name", () => {
    const noisy: Range = [["Vendor", "Amount"], ["Zeta", 0.1], ["Zeta", 0.2], ["Alpha", 0.3], ["Mid", 0.4]];
    // Mid starts at 0, Alpha at 0.4 (A), Zeta at 0.7 (B): Zeta's 0.30000000000000004 does not rank it above Alpha.
    expect(classesOf(noisy, 0.5, 0.9)).toEqual({ Mid: "A", Alpha: "A", Zeta: "B" });
  });

  it("makes vendors with zero, negative or no spend class C", () => {
    const odd: Range = [
      ["Vendor", "Unit price", "Qty", "Amount"],
      ["Acme", "", "", 100],
      ["Credit", "", "", -20],
      ["Zero", "", "", 0],
      ["Nospend", "", "", ""],
    ];
    expect(classesOf(odd)).toEqual({ Acme: "A", Credit: "C", Zero: "C", Nospend: "C" });
  });

  it("computes spend from unit price x quantity when there is no amount and leaves cancelled lines out", () => {
    const priced: Range = [
      ["Vendor", "Unit price", "Qty", "Status"],
      ["Acme", 10, 5, "Delivered"],
      ["Bolt", 100, 10, "Cancelled"],
      ["Bolt", 4, 10, "Delivered"],
      ["Core", 1, 10, "Delivered"],
    ];
    // Spend 50, 40, 10: Bolt starts at 50%, Core at exactly 90%.
    expect(classesOf(priced, 0.5, 0.9)).toEqual({ Acme: "A", Bolt: "B", Core: "C" });
  });

  it.each([
    [80, 0.95, "#VALUE!", ["a is 80", "0.8 (80%)"]],
    [-0.2, 0.95, "#VALUE!", ["a is -0.2", "above 0"]],
    [0.8, 1.5, "#VALUE!", ["b is 1.5", "0.95"]],
    [0.8, 0.7, "#VALUE!", ["b (0.7) is below a (0.8)"]],
    ["most", 0.95, "#VALUE!", ['a "most" is not a number']],
  ] as const)("rejects cutoffs a=%p b=%p with %s saying what to fix", (a, b, code, mentions) => {
    expect(VENDORABC.fn([["Vendor", "Amount"], ["Acme", 1]], "Acme", a, b)).toBeCoreError(code, ...mentions);
  });

  it("answers #N/A for a vendor with no lines, naming vendors that exist", () => {
    expect(VENDORABC.fn(CROSSING, "Nobody")).toBeCoreError("#N/A", 'vendor "Nobody"', '"Acme"');
  });

  it("answers #N/A when no line has a spend, saying which columns give one", () => {
    expect(VENDORABC.fn([["Vendor", "Qty"], ["Acme", 3]], "Acme")).toBeCoreError("#N/A", "amount column", "unit price and quantity");
  });
});

describe("VENDORKRALJIC: quadrants from profit impact and supply risk", () => {
  // Spend 50/35/10/5 -> ABC A, A, B, C. Acme's risk is the mean of 5 and 3.
  const ON_1_TO_5: Range = [
    ["Supplier", "Amount", "Supply Risk"],
    ["Acme", 30, 5],
    ["Bolt", 35, 2],
    ["Acme", 20, 3],
    ["Core", 10, 3],
    ["Dyn", 5, 1],
  ];
  const ON_0_TO_1: Range = [
    ["Supplier", "Amount", "Risk"],
    ["Acme", 50, "80%"],
    ["Bolt", 35, 0.2],
    ["Core", 10, 0.5],
    ["Dyn", 5, 0.1],
  ];
  const quadrants = (range: Range, ...rest: unknown[]) => ["Acme", "Bolt", "Core", "Dyn"].map((v) => VENDORKRALJIC.fn(range, v, ...rest));

  it("on a 1-5 risk column: high impact is ABC class A, high risk is 3 or more (the midpoint counts as high)", () => {
    expect(quadrants(ON_1_TO_5)).toEqual(["Strategic", "Leverage", "Bottleneck", "Non-critical"]);
  });

  it("on a 0-1 risk column (every value within 0-1): high risk is 0.5 or more", () => {
    expect(quadrants(ON_0_TO_1)).toEqual(["Strategic", "Leverage", "Bottleneck", "Non-critical"]);
  });

  it("reads a risk column of nothing but 1s on the default 1-5 scale, as lowest risk", () => {
    const ones: Range = [["Vendor", "Amount", "Risk"], ["Acme", 90, 1], ["Bolt", 10, 1]];
    expect(["Acme", "Bolt"].map((v) => VENDORKRALJIC.fn(ones, v))).toEqual(["Leverage", "Non-critical"]);
    const zeroOrOne: Range = [["Vendor", "Amount", "Risk"], ["Acme", 90, 1], ["Bolt", 10, 0]];
    expect(["Acme", "Bolt"].map((v) => VENDORKRALJIC.fn(zeroOrOne, v))).toEqual(["Strategic", "Non-critical"]);
  });

  it("takes an impact threshold as a share of total spend and a risk threshold on the risk scale", () => {
    // Shares 0.5, 0.35, 0.1, 0.05: with 0.1 Core becomes high impact; with risk 4 Core and Acme's 4 split.
    expect(quadrants(ON_1_TO_5, null, 0.1, 4)).toEqual(["Strategic", "Leverage", "Leverage", "Non-critical"]);
    expect(quadrants(ON_1_TO_5, null, "40%")).toEqual(["Strategic", "Non-critical", "Bottleneck", "Non-critical"]);
  });

  it("reads profit impact from an impact column when the range has one, split at its scale midpoint", () => {
    const withImpact: Range = [
      ["Vendor", "Amount", "Risk", "Profit Impact"],
      ["Acme", 1, 4, 2],
      ["Bolt", 1000, 1, 1],
      ["Core", 1, 4, 4],
      ["Dyn", 1, 1, 5],
    ];
    expect(quadrants(withImpact)).toEqual(["Bottleneck", "Non-critical", "Strategic", "Leverage"]);
    expect(quadrants(withImpact, null, 2)).toEqual(["Strategic", "Non-critical", "Strategic", "Leverage"]);
  });

  it("answers #N/A naming the vendor when the impact column has no value for it", () => {
    const gap: Range = [["Vendor", "Amount", "Risk", "Impact"], ["Acme", 10, 4, 5], ["Bolt", 10, 4, ""]];
    expect(VENDORKRALJIC.fn(gap, "Acme")).toBe("Strategic");
    expect(VENDORKRALJIC.fn(gap, "Bolt")).toBeCoreError("#N/A", 'Vendor "Bolt" has no profit impact value');
    expect(column(VENDORSEGMENTS.fn(gap), "Kraljic")).toEqual(["Strategic", ""]);
  });

  it("takes supply risk from a two-column range vendor -> risk, matching names trimmed and in any case", () => {
    const noRisk: Range = ON_1_TO_5.map((r) => r.slice(0, 2));
    const risk: Range = [["Vendor", "Risk"], ["  acme ", 4], ["BOLT", "2"], ["Core", 3], ["Dyn", 1], ["Elsewhere", 5]];
    expect(quadrants(noRisk, risk)).toEqual(["Strategic", "Leverage", "Bottleneck", "Non-critical"]);
    expect(quadrants(noRisk, risk.slice(1))).toEqual(["Strategic", "Leverage", "Bottleneck", "Non-critical"]);
  });

  it("lets the risk range override the data's risk column, on its own scale", () => {
    const risk: Range = [["Acme", 0.1], ["Bolt", 0.9], ["Core", 0.2], ["Dyn", 0.7]];
    expect(quadrants(ON_1_TO_5, risk)).toEqual(["Leverage", "Strategic", "Non-critical", "Bottleneck"]);
  });

  it("answers #N/A from VENDORKRALJIC, naming the column and its risk argument, when there is no risk data at all", () => {
    const noRisk: Range = ON_1_TO_5.map((r) => r.slice(0, 2));
    const r = VENDORKRALJIC.fn(noRisk, "Acme");
    expect(r).toBeCoreError("#N/A", '"supply risk" (or "risk") column', "risk argument");
    expect(r).toMatchObject({ kind: "no_data", arg: "risk" });
  });

  it("answers #N/A from VENDORKRALJIC naming the column, and its risk argument, when the risk column is there but empty", () => {
    const blank: Range = ON_1_TO_5.map((r, i) => [r[0], r[1], i === 0 ? "Supply Risk" : ""]);
    expect(VENDORKRALJIC.fn(blank, "Acme")).toBeCoreError("#N/A", 'The "Supply Risk" column has no values');
    expect(VENDORKRALJIC.fn(blank, "Acme")).toMatchObject({ arg: "risk" });
  });

  it("still answers an unknown vendor before the missing risk data", () => {
    expect(VENDORKRALJIC.fn(ON_1_TO_5.map((r) => r.slice(0, 2)), "Nobody")).toBeCoreError("#N/A", 'No lines for vendor "Nobody"');
  });

  it("answers #N/A naming the vendor when only that vendor has no risk value", () => {
    const gap: Range = ON_1_TO_5.map((r) => (r[0] === "Core" ? [r[0], r[1], ""] : r));
    expect(VENDORKRALJIC.fn(gap, "Acme")).toBe("Strategic");
    expect(VENDORKRALJIC.fn(gap, "Core")).toBeCoreError("#N/A", 'Vendor "Core" has no supply risk', "supply risk column");
    const risk: Range = [["Acme", 4], ["Bolt", 2]];
    expect(VENDORKRALJIC.fn(gap, "Core", risk)).toBeCoreError("#N/A", 'add a row "Core, <risk>" to the risk range');
  });

  it.each([
    ["a one-column risk range", [["Acme"], ["Bolt"]], "#VALUE!", ["one column", "vendor and supply risk"]],
    ["a risk that is not a number", [["Vendor", "Risk"], ["Acme", 4], ["Bolt", "high"]], "#VALUE!", ["row 3", '"high" is not a number']],
    ["a vendor listed twice", [["Acme", 4], ["Bolt", 2], ["ACME", 1]], "#VALUE!", ["rows 1 and 3", 'vendor "ACME"', "one row per vendor"]],
    ["a range naming no vendor of the data", [["Xeno", 4], ["Yak", 2]], "#N/A", ["No vendor in the risk range appears in the data", '"Acme"']],
    ["a range with no risk values", [["Vendor", "Risk"], ["Acme", ""]], "#N/A", ["gives no vendor a supply risk"]],
  ] as const)("rejects %s, saying what to fix", (_, risk, code, mentions) => {
    expect(VENDORKRALJIC.fn(ON_1_TO_5, "Acme", risk)).toBeCoreError(code, ...mentions);
  });

  it("refuses to guess the midpoint of a scale beyond 0-5 but accepts a risk threshold for it", () => {
    const tenScale: Range = [["Vendor", "Amount", "Risk"], ["Acme", 50, 8], ["Bolt", 50, 2]];
    expect(VENDORKRALJIC.fn(tenScale, "Acme")).toBeCoreError("#VALUE!", "from 2 to 8", "risk_threshold");
    expect(VENDORKRALJIC.fn(tenScale, "Acme", null, null, 6)).toBe("Strategic");
    expect(VENDORKRALJIC.fn(tenScale, "Bolt", null, null, 6)).toBe("Leverage");
  });

  it("rejects an impact threshold that is not a share of spend when impact is the share of spend", () => {
    expect(VENDORKRALJIC.fn(ON_1_TO_5, "Acme", null, 10)).toBeCoreError("#VALUE!", "impact_threshold is 10", "0.1 (10%)");
    expect(VENDORKRALJIC.fn(ON_1_TO_5, "Acme", null, null, "x")).toBeCoreError("#VALUE!", 'risk_threshold "x" is not a number');
  });
});

describe("VENDORSEGMENTS: the segment table", () => {
  // Spend 50/35/10/5 (Acme's two lines add up); Erin has no amount. As of 2025-04-10 (the test clock):
  // Acme: 2 lines on time -> on_time 1 -> score 100, A. Bolt: 1 of 2 on time -> 0.5, below the 0.8 floor -> 0, D.
  const DATA: Range = withDates(
    [
      ["Vendor", "Promised date", "Delivered date", "Amount", "Risk", "Tier"],
      ["Acme", "2025-03-01", "2025-03-01", 30, 5, ""],
      ["Bolt", "2025-03-01", "2025-03-01", 20, 2, ""],
      ["Acme", "2025-03-02", "2025-03-01", 20, 3, ""],
      ["Bolt", "2025-03-01", "2025-03-09", 15, 2, ""],
      ["Core", "", "", 10, "", ""],
      ["Dyn", "", "", 5, 1, ""],
      ["Dyn", "", "", "", "", "strategic partner"],
      ["Dyn", "", "", "", "", "Key"],
      ["Erin", "", "", "", 4, ""],
    ],
    "serial",
  );

  it("spills one row per vendor, highest spend first, with empty cells where there is nothing to show", () => {
    expect(VENDORSEGMENTS.fn(DATA)).toEqual([
      ["Vendor", "Spend", "Spend share", "Cumulative share", "ABC", "Supply risk", "Kraljic", "Tier", "Score", "Grade"],
      ["Acme", 50, 0.5, 0.5, "A", 4, "Strategic", "Strategic partner", 100, "A"],
      ["Bolt", 35, 0.35, 0.85, "A", 2, "Leverage", "Key", 0, "D"],
      ["Core", 10, 0.1, 0.95, "B", "", "", "", "", ""],
      ["Dyn", 5, 0.05, 1, "C", 1, "Non-critical", "Strategic partner", "", ""],
      ["Erin", "", "", "", "C", 4, "Bottleneck", "Key", "", ""],
    ]);
  });

  it("shows the same score and grade as the scorecard", () => {
    const seg = VENDORSEGMENTS.fn(DATA);
    const card = VENDORSCORECARD.fn(DATA) as ResultGrid;
    const byVendor = new Map(table(card).rows.map((r) => [r.get("Vendor"), r.pick("Score", "Grade")]));
    const segVendors = column(seg, "Vendor");
    expect(segVendors.map((v, i) => [column(seg, "Score")[i], column(seg, "Grade")[i]])).toEqual(segVendors.map((v) => byVendor.get(v as string)));
  });

  it("takes supply risk from a risk range argument over the data's risk column", () => {
    const seg = VENDORSEGMENTS.fn(DATA, [["Vendor", "Risk"], ["core", 0.9], ["acme", 0.1]]);
    expect(column(seg, "Supply risk")).toEqual([0.1, "", 0.9, "", ""]);
    expect(column(seg, "Kraljic")).toEqual(["Leverage", "", "Bottleneck", "", ""]);
    expect(column(seg, "Tier")).toEqual(["Key", "", "Key", "Strategic partner", ""]);
  });

  it("scores with the weights range and as_of like VENDORSCORECARD", () => {
    const weights: Range = [["kpi", "weight", "target", "floor"], ["on_time", 1, 0.5, 0]];
    expect(column(VENDORSEGMENTS.fn(DATA, null, weights), "Score").slice(0, 2)).toEqual([100, 100]);
    // An undelivered Core line promised 2025-03-20 is not yet due on 03-15 and late on 03-31.
    const pending = [...DATA, withDates([["Vendor"], ["Core", "2025-03-20", "", "", "", ""]], "serial")[1]!];
    expect(column(VENDORSEGMENTS.fn(pending, null, null, "2025-03-15"), "Score")[2]).toBe("");
    expect(column(VENDORSEGMENTS.fn(pending, null, null, "2025-03-31"), "Grade")[2]).toBe("D");
  });

  it("reports bad weights and a bad as_of as the scorecard does", () => {
    expect(VENDORSEGMENTS.fn(DATA, null, [["speed", 1]])).toBeCoreError("#VALUE!", '"speed" is not a KPI');
    expect(VENDORSEGMENTS.fn(DATA, null, null, "soon")).toBeCoreError("#VALUE!", 'as_of "soon" is not a date');
  });

  it("reports a missing vendor column as #VALUE!", () => {
    expect(VENDORSEGMENTS.fn([["Name", "Amount"], ["Acme", 1]])).toBeCoreError("#VALUE!", "No vendor column");
  });
});

describe("segmentation edge cases", () => {
  it("ranks equal spends by vendor name, so the second of two 50% vendors starts at 50% and is still A", () => {
    const range: Range = [["Vendor", "Amount"], ["Bolt", 50], ["Acme", 50], ["Core", 0], ["Dyn", -5]];
    expect(["Acme", "Bolt", "Core", "Dyn"].map((v) => catalog.VENDORABC.fn(range, v))).toEqual(["A", "A", "C", "C"]);
  });

  it("reads cutoffs written as percentages", () => {
    const range: Range = [["Vendor", "Amount"], ["A", 70], ["B", 20], ["C", 10]];
    expect(catalog.VENDORABC.fn(range, "B", "70%", "90%")).toBe("B");
    expect(catalog.VENDORABC.fn(range, "C", "70%", "90%")).toBe("C");
  });

  it("leaves cancelled lines out of ABC spend", () => {
    const range: Range = [["Vendor", "Amount", "Status"], ["A", 100, "Cancelled"], ["B", 5, "open"], ["A", 1, ""]];
    expect(catalog.VENDORABC.fn(range, "A")).toBe("B");
  });

  it("places vendors on the 0-1 risk scale at the 0.5 midpoint and on the 1-5 scale at 3", () => {
    const share: Range = [["Vendor", "Amount", "Risk"], ["A", 80, 0.5], ["B", 15, 0.49], ["C", 5, 0.9]];
    expect(["A", "B", "C"].map((v) => catalog.VENDORKRALJIC.fn(share, v))).toEqual(["Strategic", "Non-critical", "Bottleneck"]);
    const five: Range = [["Vendor", "Amount", "Supply Risk"], ["A", 80, 2], ["B", 15, 3], ["C", 5, 1]];
    expect(["A", "B", "C"].map((v) => catalog.VENDORKRALJIC.fn(five, v))).toEqual(["Leverage", "Bottleneck", "Non-critical"]);
  });

  it("averages the risk of a vendor's lines", () => {
    const range: Range = [["Vendor", "Amount", "Risk"], ["A", 10, 2], ["A", 10, 4], ["B", 1, 5]];
    const grid = catalog.VENDORSEGMENTS.fn(range) as CellValue[][];
    expect(table(grid).pick("Vendor", "Supply risk", "Kraljic", "Tier")).toEqual([
      ["A", 3, "Strategic", "Strategic partner"],
      ["B", 5, "Bottleneck", "Key"],
    ]);
  });

  it("matches risk range vendors trimmed and in any case", () => {
    const range: Range = [["Vendor", "Amount"], ["Acme", 80], ["Bolt", 20]];
    expect(catalog.VENDORKRALJIC.fn(range, "bolt", [["Vendor", "Risk"], [" BOLT ", 4], ["acme", 1]])).toBe("Bottleneck");
    expect(catalog.VENDORKRALJIC.fn(range, "Acme", [["Vendor", "Risk"], [" BOLT ", 4], ["acme", 1]])).toBe("Leverage");
  });
});

describe("VENDORSEGMENTS without supply risk data: ABC and spend, Kraljic and Tier empty", () => {
  const SPEND: Range = [["Vendor", "Amount"], ["Acme", 50], ["Bolt", 35], ["Core", 10], ["Dyn", 5]];

  it.each<[string, Range]>([
    ["no risk column and no risk range", SPEND],
    ["a risk column without values", SPEND.map((r, i) => [...r, i === 0 ? "Supply Risk" : ""])],
  ])("spills ABC classes, spend and shares with %s", (_what, range) => {
    const grid = VENDORSEGMENTS.fn(range);
    expect(grid).not.toBeInstanceOf(Error);
    expect(column(grid, "Vendor")).toEqual(["Acme", "Bolt", "Core", "Dyn"]);
    expect(column(grid, "Spend")).toEqual([50, 35, 10, 5]);
    expect(column(grid, "ABC")).toEqual(["A", "A", "B", "C"]);
    expect(column(grid, "Supply risk")).toEqual(["", "", "", ""]);
    expect(column(grid, "Kraljic")).toEqual(["", "", "", ""]);
    expect(column(grid, "Tier")).toEqual(["", "", "", ""]);
  });

  it("keeps a tier written in the data when there is no risk data", () => {
    const tiers: Range = [["Vendor", "Amount", "Tier"], ["Acme", 50, "strategic partner"], ["Bolt", 50, ""]];
    expect(column(VENDORSEGMENTS.fn(tiers), "Tier")).toEqual(["Strategic partner", ""]);
  });

  it("still fails on a risk range that names none of the data's vendors: that is a mistake in the argument", () => {
    expect(VENDORSEGMENTS.fn(SPEND, [["Elsewhere", 3]])).toBeCoreError("#N/A", "No vendor in the risk range appears in the data");
  });

  it("says before Generate that Kraljic and Tier stay empty when the source has no supply risk column", () => {
    const lines = sourceSummary("segments", SPEND, [], catalog.context).lines;
    expect(lines).toContain("Supply risk: no supply risk column: Kraljic and Tier stay empty (ABC, spend and scores are computed); add one or pass a risk range");
    expect(sourceSummary("segments", [["Vendor", "Amount", "Risk"], ["Acme", 1, 3]], [], catalog.context).lines.join("\n")).not.toContain("Kraljic and Tier stay empty");
  });
});
