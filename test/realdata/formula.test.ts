import { dataCsv } from "../helpers/csv";
import { formulaBesideKpi } from "../core/formula/helpers";

// The public procurement export has no received qty: its defect rate divides by ordered qty on
// lines with a delivery date, which no column aggregate can single out, so the formulas compared
// here are the ones a column aggregate can state: compliance and lines.
const RANGE = dataCsv("procurement_kpi_analysis_dataset.csv");

describe("formula KPIs on the public procurement export", () => {
  it("share([Compliance]) agrees with compliance for every supplier", () => {
    const rows = formulaBesideKpi(RANGE, "share([Compliance])", "compliance");
    expect(rows).toHaveLength(5);
    for (const [, f, k] of rows) expect(f).toBeCloseTo(k!, 12);
  });

  it("count([Supplier]) agrees with lines (cancelled lines left out of both)", () => {
    for (const [, f, k] of formulaBesideKpi(RANGE, "count([Supplier])", "lines")) expect(f).toBe(k);
  });
});
