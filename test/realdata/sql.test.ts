import * as path from "node:path";
import { isCoreError, type Range, type ResultGrid } from "../../core";
import { scorecardSql } from "../../core/sql";
import { dataCsv } from "../helpers/csv";
import { catalog, serial } from "../helpers/sheet";
import { loadCsv, openDuck, openPostgres, sameScorecard, type SqlDb } from "../helpers/sqldb";

// The public procurement export as a typed table (DuckDB's CSV reader), scored by the compiled query
// on DuckDB and on Postgres, beside VENDORSCORECARD over the same file as text cells.
const FILE = path.join(__dirname, "..", "data", "procurement_kpi_analysis_dataset.csv");
const AS_OF = serial("2025-01-01");

let duck: SqlDb;
let pg: SqlDb;
let columns: string[];
beforeAll(async () => {
  [duck, pg] = await Promise.all([openDuck(), openPostgres()]);
  columns = (await loadCsv(duck, pg, FILE)).map((c) => c.name);
}, 120_000);
afterAll(async () => {
  await duck?.close();
  await pg?.close();
}, 30_000);

describe("the compiled scorecard on the public procurement export", () => {
  it.each<[string, Range, number?]>([
    ["promised days (the export has no promised date)", [["promised_days", 14]]],
    ["every KPI it has, compliance scored, grace days", [["promised_days", 14], ["grace_days", 2], ["on_time", 30], ["defect_rate", 30], ["price_variance", 20], ["compliance", 10], ["lead_time", 10, 7, 30]]],
    [
      "fiscal quarters by order date with ERPNext's standings",
      [["promised_days", 14], ["period", "quarter"], ["fiscal_start", 4], ["period_by", "order_date"], ["history", 8], ["standing", "Very Poor", 0, 30, "red", "block"], ["standing", "Poor", 30, 50, "yellow", "warn"], ["standing", "Average", 50, 80, "green"], ["standing", "Excellent", 80, 100, "blue"]],
      serial("2023-11-15"),
    ],
    ["months by the promised date made from promised days, no decay", [["promised_days", 14], ["period", "month"], ["decay", "none"]], serial("2023-12-20")],
  ])("agrees with VENDORSCORECARD on DuckDB and Postgres: %s", async (_, weights, asOf = AS_OF) => {
    const want = catalog.VENDORSCORECARD.fn(dataCsv("procurement_kpi_analysis_dataset.csv"), weights, asOf) as ResultGrid;
    expect(want.length).toBe(6);
    for (const db of [duck, pg]) {
      const q = scorecardSql({ dialect: db.name, table: "po", columns, weights, asOf });
      if (isCoreError(q)) throw q;
      expect([db.name, sameScorecard(want, await db.grid(q.sql))]).toEqual([db.name, undefined]);
    }
  });
});
