import { sampleCsv } from "../../../doubles/sheets/sample";
import { formulaBesideKpi as side } from "./helpers";

describe("a formula equal to a built-in KPI agrees with it", () => {
  it.each([
    ["1 - sum([Rejected Qty]) / sum([Received Qty])", "defect_rate", (x: number) => 1 - x],
    ["share([Compliance])", "compliance", (x: number) => x],
    ["count([Vendor])", "lines", (x: number) => x],
  ] as const)("on the sample lines: %s against %s", (formula, kpi, expected) => {
    const rows = side(sampleCsv("po-lines"), formula, kpi);
    expect(rows.length).toBeGreaterThan(3);
    for (const [, f, k] of rows) {
      expect(k).toBeDefined();
      expect(f).toBeCloseTo(expected(k!), 12);
    }
  });

  it("and names one built-in KPI as a variable: 1 - defect_rate is the built-in's complement", () => {
    for (const [, f, k] of side(sampleCsv("po-lines"), "1 - defect_rate", "defect_rate")) expect(f).toBe(1 - k!);
  });
});
