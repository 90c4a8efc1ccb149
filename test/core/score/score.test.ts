import type { CellValue, Range } from "../../../core";
import { PO_HEADER } from "../../helpers/ranges";
import { catalog } from "../../helpers/sheet";
import { table } from "../../helpers/table";

const AS_OF = "2025-04-10";

describe("edge cases an analyst meets", () => {
  it("grades a score that is exactly at a cutoff up, despite floating-point rounding", () => {
    // Defect rate 19 / 2000 = 0.0095: (0.05 - 0.0095) / 0.045 = 90 exactly on paper.
    const range = [["Vendor", "Received Qty", "Rejected Qty"], ["Acme", 2000, 19]];
    expect(catalog.VENDORSCORE.fn(range, "Acme", [["defect_rate", 1]])).toBeCloseTo(90, 10);
    expect(catalog.VENDORGRADE.fn(range, "Acme", [["defect_rate", 1]])).toBe("A");
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
    const parts = table(grid).column("Contribution").map((c) => (c === "" ? 0 : (c as number)));
    expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(score, 10);
  });

  it("renormalises the weights over the KPIs with data: lead_time has no order date, so on_time and defect_rate share 3:1", () => {
    const grid = catalog.VENDORBREAKDOWN.fn(range, "Acme", [["on_time", 3], ["defect_rate", 1, 0, 0.5], ["lead_time", 5]], AS_OF) as CellValue[][];
    // defect rate 1/9: KPI score (0.5 - 1/9) / 0.5 = 7/9 -> 77.78; on time 0.
    expect(table(grid).pick("KPI", "Weight share", "KPI score")).toEqual([
      ["On time", 0.75, 0],
      ["Defect rate", 0.25, expect.closeTo((7 / 9) * 100, 10)],
      ["Lead time (days)", "", ""],
    ]);
    expect(table(grid).column("Contribution").reduce<number>((a, c) => a + (c === "" ? 0 : (c as number)), 0)).toBeCloseTo((7 / 9) * 25, 10);
  });
});
