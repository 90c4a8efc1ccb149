import type { ResultGrid } from "../../core";
import { dataCsv } from "../helpers/csv";
import { catalog } from "../helpers/sheet";

const { VENDORABC, VENDORKRALJIC, VENDORSEGMENTS } = catalog;

/** The column of a spilled table under a header. */
function column(grid: unknown, header: string): unknown[] {
  const g = grid as ResultGrid;
  const c = g[0]!.indexOf(header);
  if (c < 0) throw new Error(`no column ${header} in ${JSON.stringify(g[0])}`);
  return g.slice(1).map((row) => row[c]);
}

describe("segmentation of the public procurement export", () => {
  // Five suppliers; spend = quantity x unit price, cancelled lines left out. No risk column: the
  // category manager's ratings come as a risk range.
  const RANGE = dataCsv("procurement_kpi_analysis_dataset.csv");
  const head = RANGE[0]!;
  const at = (name: string) => head.indexOf(name);
  const spendOf = new Map<string, number>();
  for (const r of RANGE.slice(1)) {
    if (r[at("Order_Status")] === "Cancelled") continue;
    const s = r[at("Supplier")]!;
    spendOf.set(s, (spendOf.get(s) ?? 0) + +r[at("Quantity")]! * +r[at("Unit_Price")]!);
  }
  const ranked = [...spendOf].sort((x, y) => y[1] - x[1]);
  const total = ranked.reduce((a, [, s]) => a + s, 0);
  const RISK = [["Supplier", "Risk"], ...ranked.map(([s], i) => [s.toUpperCase(), (i % 5) + 1])];

  it("ranks the suppliers by the spend computed independently from the CSV", () => {
    const grid = VENDORSEGMENTS.fn(RANGE, RISK) as ResultGrid;
    expect(column(grid, "Vendor")).toEqual(ranked.map(([s]) => s));
    column(grid, "Spend").forEach((s, i) => expect(s).toBeCloseTo(ranked[i]![1], 6));
    column(grid, "Spend share").forEach((s, i) => expect(s).toBeCloseTo(ranked[i]![1] / total, 12));
  });

  it("classes each supplier by the share of spend ranked above it", () => {
    let before = 0;
    for (const [s, spend] of ranked) {
      const cls = before / total < 0.8 ? "A" : before / total < 0.95 ? "B" : "C";
      expect([s, VENDORABC.fn(RANGE, s)]).toEqual([s, cls]);
      before += spend;
    }
  });

  it("places each supplier by its class and the rating in the risk range", () => {
    const grid = VENDORSEGMENTS.fn(RANGE, RISK) as ResultGrid;
    const abc = column(grid, "ABC");
    const expected = ranked.map((_, i) => {
      const high = (i % 5) + 1 >= 3;
      return abc[i] === "A" ? (high ? "Strategic" : "Leverage") : high ? "Bottleneck" : "Non-critical";
    });
    expect(column(grid, "Kraljic")).toEqual(expected);
    expect(ranked.map(([s]) => VENDORKRALJIC.fn(RANGE, s.toLowerCase(), RISK))).toEqual(expected);
  });
});
