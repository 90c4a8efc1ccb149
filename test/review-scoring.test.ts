import type { CellValue, Range } from "../core";
import { catalog } from "./helpers/sheet";

const AS_OF = "2025-04-10";
const PO_HEADER = ["Vendor", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty", "Rejected Qty", "Unit Price", "Contract Price"];

describe("VENDORSCORECARD order and ranks", () => {
  // on_time scored 0..1 (target 1, floor 0) so each vendor's score is its on-time share x 100.
  const range: Range = [
    ["Vendor", "Promised Date", "Delivered Date"],
    ["Zed", "2025-03-01", "2025-03-01"],
    ["alpha", "2025-03-01", "2025-03-01"],
    ["Mid", "2025-03-01", "2025-03-05"],
    ["Beta", "", ""],
    ["Mid", "2025-03-01", "2025-03-01"],
    ["omega", "2025-03-01", "2025-03-05"],
    ["omega", "2025-03-01", "2025-03-01"],
    ["Low", "2025-03-01", "2025-03-09"],
  ];
  const grid = catalog.VENDORSCORECARD.fn(range, [["on_time", 1, 1, 0]], AS_OF) as CellValue[][];

  it("sorts by score descending, ties by vendor name ignoring case, unscored vendors last", () => {
    expect(grid.slice(1).map((r) => r[0])).toEqual(["alpha", "Zed", "Mid", "omega", "Low", "Beta"]);
  });

  it("gives equal scores the same rank and skips the ranks they use (1, 1, 3, 3, 5)", () => {
    expect(grid.slice(1).map((r) => [r[9], r[11]])).toEqual([[100, 1], [100, 1], [50, 3], [50, 3], [0, 5], ["", ""]]);
  });

  it("leaves the grade and rank of a vendor without a score as empty cells", () => {
    expect(grid.at(-1)!.slice(9)).toEqual(["", "", ""]);
  });
});

describe("VENDORBREAKDOWN explains the composite", () => {
  // One delivered line: late (on_time 0), 9 of 10 received (in_full 0), 1 rejected of 9, price 10.2 vs 10.
  const range: Range = [PO_HEADER, ["Acme", "2025-03-01", "2025-03-02", 10, 9, 1, 10.2, 10]];

  it.each<[string, Range | undefined]>([
    ["the default weights", undefined],
    ["weights with a KPI that has no data", [["on_time", 3], ["defect_rate", 1, 0, 0.5], ["lead_time", 5], ["otif", 0]]],
    ["weights given as labels with a header row", [["KPI", "Weight", "Target", "Floor"], ["On Time", 1, "", ""], ["Price Variance", 3, "", ""]]],
  ])("has contributions that add up to VENDORSCORE under %s", (_what, weights) => {
    const grid = catalog.VENDORBREAKDOWN.fn(range, "acme", weights, AS_OF) as CellValue[][];
    const score = catalog.VENDORSCORE.fn(range, "Acme", weights, AS_OF) as number;
    const parts = grid.slice(1).map((r) => (r[6] === "" ? 0 : (r[6] as number)));
    expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(score, 10);
  });

  it("renormalises the weights over the KPIs with data: lead_time has no order date, so on_time and defect_rate share 3:1", () => {
    const grid = catalog.VENDORBREAKDOWN.fn(range, "Acme", [["on_time", 3], ["defect_rate", 1, 0, 0.5], ["lead_time", 5]], AS_OF) as CellValue[][];
    // defect rate 1/9: KPI score (0.5 - 1/9) / 0.5 = 7/9 -> 77.78; on time 0.
    expect(grid.slice(1).map((r) => [r[0], r[7], r[5]])).toEqual([
      ["On time", 0.75, 0],
      ["Defect rate", 0.25, expect.closeTo((7 / 9) * 100, 10)],
      ["Lead time (days)", "", ""],
    ]);
    expect(grid.slice(1).reduce((a, r) => a + (r[6] === "" ? 0 : (r[6] as number)), 0)).toBeCloseTo((7 / 9) * 25, 10);
  });
});

describe("weights range rows", () => {
  const range: Range = [
    PO_HEADER,
    ["Acme", "2025-03-10", "2025-03-10", 100, 100, 0, 10, 10],
    ["Acme", "2025-03-10", "2025-03-12", 100, 100, 0, 10, 10],
  ];

  it("keeps the default weight, target and floor of a KPI named with blank cells (on time 0.5 scores 0 against 0.98 / 0.80)", () => {
    expect(catalog.VENDORSCORE.fn(range, "Acme", [["on_time", "", "", ""]], AS_OF)).toBe(0);
  });

  it("reads targets and floors written as percentages", () => {
    // on time 0.5 against target 60%, floor 40%: (0.5 - 0.4) / 0.2 = 50.
    expect(catalog.VENDORSCORE.fn(range, "Acme", [["on_time", 1, "60%", "40%"]], AS_OF)).toBeCloseTo(50, 10);
  });

  it("lets grace days make a two-day-late line on time", () => {
    expect(catalog.VENDORKPI.fn(range, "Acme", "on_time", AS_OF)).toBe(0.5);
    expect(catalog.VENDORSCORE.fn(range, "Acme", [["Grace Days", 2], ["on_time", 1]], AS_OF)).toBe(100);
  });

  it("does not let grace days turn an undelivered line late before promise + grace has passed", () => {
    const open: Range = [PO_HEADER, ["Acme", "2025-04-08", "", 1, "", "", "", ""], ["Acme", "2025-04-01", "2025-04-01", 1, 1, "", "", ""]];
    // Due 04-08 + 2 days = 04-10, which is not before the as-of day 04-10: not yet late.
    expect(catalog.VENDORSCORE.fn(open, "Acme", [["grace_days", 2], ["on_time", 1, 1, 0]], AS_OF)).toBe(100);
    expect(catalog.VENDORSCORE.fn(open, "Acme", [["grace_days", 1], ["on_time", 1, 1, 0]], AS_OF)).toBe(50);
  });

  it.each<[string, Range, string[]]>([
    ["a negative weight", [["in_full", -1]], ["row 1", "weight"]],
    ["target equal to floor", [["KPI", "Weight"], ["in_full", 1, 0.9, 0.9]], ["row 2", "target and floor"]],
    ["an unknown KPI", [["otd", 1]], ["otd", "on_time"]],
    ["a KPI without default bounds and none given", [["spend", 1]], ["spend", "target and floor"]],
    ["a KPI listed twice", [["on_time", 1], ["On time", 2]], ["row 2", "twice"]],
  ])("rejects %s with #VALUE! saying where", (_what, weights, mentions) => {
    expect(catalog.VENDORSCORE.fn(range, "Acme", weights, AS_OF)).toBeCoreError("#VALUE!", ...mentions);
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
    expect(grid.slice(1).map((r) => [r[0], r[5], r[6], r[7]])).toEqual([
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
