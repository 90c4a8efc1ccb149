import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import type { Range } from "../core";
import type { VendorKpis } from "./kpis";

const COLUMNS = ["po_date", "promised", "delivered", "ordered", "received", "rejected", "unit_price", "contract", "amount"];

/** The KPIs as one GROUP BY, with the same rules as the core (see core/kpi/accumulate.ts). */
function query(asOf: number): string {
  const q = "coalesce(received, ordered)";
  const priced = `unit_price IS NOT NULL AND contract IS NOT NULL AND ${q} IS NOT NULL`;
  const defects = "rejected IS NOT NULL AND received IS NOT NULL";
  return `SELECT vendor,
    avg(CASE WHEN delivered IS NOT NULL AND floor(delivered) <= floor(promised) THEN 1.0 ELSE 0.0 END)
      FILTER (WHERE promised IS NOT NULL AND (delivered IS NOT NULL OR floor(promised) < ${Math.floor(asOf)})) AS on_time,
    avg(CASE WHEN received >= ordered THEN 1.0 ELSE 0.0 END)
      FILTER (WHERE delivered IS NOT NULL AND ordered IS NOT NULL AND received IS NOT NULL) AS in_full,
    sum(rejected) FILTER (WHERE ${defects}) / nullif(sum(received) FILTER (WHERE ${defects}), 0) AS defect_rate,
    sum((unit_price - contract) * ${q}) FILTER (WHERE ${priced}) / nullif(sum(contract * ${q}) FILTER (WHERE ${priced}), 0) AS price_variance,
    sum(coalesce(amount, unit_price * ${q})) AS spend
  FROM po GROUP BY vendor`;
}

/** An in-memory DuckDB that loads a PO range with the appender and answers the KPI query. */
export class DuckEngine {
  private constructor(private readonly conn: DuckDBConnection) {}

  static async open(): Promise<DuckEngine> {
    const db = await DuckDBInstance.create(":memory:");
    return new DuckEngine(await db.connect());
  }

  /** Loads the range's rows (header first, columns as generated) into a fresh table. */
  async load(range: Range): Promise<void> {
    await this.conn.run("DROP TABLE IF EXISTS po");
    await this.conn.run(`CREATE TABLE po (vendor VARCHAR, ${COLUMNS.map((c) => `${c} DOUBLE`).join(", ")})`);
    const app = await this.conn.createAppender("po");
    for (let r = 1; r < range.length; r++) {
      const row = range[r]!;
      app.appendVarchar(row[0] as string);
      for (let c = 1; c <= COLUMNS.length; c++) {
        const v = row[c];
        if (typeof v === "number") app.appendDouble(v);
        else app.appendNull();
      }
      app.endRow();
    }
    app.flushSync();
    app.closeSync();
  }

  /**
   * DuckDB's own CSV reader over a file written by writePoCsv: `read_csv` (types detected) and the
   * same GROUP BY, dates turned into Excel serial days as the core counts them. Nothing is loaded
   * beforehand, so the time is reading plus computing, as the command line's is.
   */
  async kpisFromCsv(file: string, asOf: number): Promise<VendorKpis> {
    return this.kpisFrom(`read_csv('${file.replace(/'/g, "''")}', header = true)`, asOf);
  }

  /** The same over a Parquet file written by {@link writePoParquet}. */
  async kpisFromParquet(file: string, asOf: number): Promise<VendorKpis> {
    return this.kpisFrom(`read_parquet('${file.replace(/'/g, "''")}')`, asOf);
  }

  private async kpisFrom(source: string, asOf: number): Promise<VendorKpis> {
    const serial = (c: string) => `CAST(date_diff('day', DATE '1899-12-30', "${c}") AS DOUBLE)`;
    const num = (c: string) => `CAST("${c}" AS DOUBLE)`;
    await this.conn.run(`CREATE OR REPLACE TEMP VIEW po AS SELECT "Vendor" AS vendor, ${serial("PO Date")} AS po_date, ${serial("Promised Date")} AS promised,
      ${serial("Delivered Date")} AS delivered, ${num("Ordered Qty")} AS ordered, ${num("Received Qty")} AS received, ${num("Rejected Qty")} AS rejected,
      ${num("Unit Price")} AS unit_price, ${num("Contract Price")} AS contract, ${num("Amount")} AS amount
      FROM ${source}`);
    try {
      return await this.kpis(asOf);
    } finally {
      await this.conn.run("DROP VIEW IF EXISTS po");
    }
  }

  /**
   * Purchase-order lines with the columns of {@link writePoCsv}'s file, made by DuckDB itself
   * (seeded) and written as Parquet, dates typed DATE: ten million lines need no range in memory.
   */
  async writePoParquet(file: string, lines: number): Promise<void> {
    await this.conn.run("SELECT setseed(0.7)");
    await this.conn.run(`COPY (
      WITH g AS (SELECT floor(200 * random() * random())::INT AS v, DATE '2023-03-15' + floor(random() * 600)::INT AS po, random() AS r1, random() AS r2,
        random() AS r3, 1 + floor(random() * 500)::INT AS ordered, round(5 + random() * 995, 2) AS contract FROM range(${lines})),
      h AS (SELECT *, po + 7 + floor(r1 * 21)::INT AS promised FROM g)
      SELECT 'Vendor ' || lpad((v + 1)::VARCHAR, 3, '0') AS "Vendor", po AS "PO Date", promised AS "Promised Date",
        CASE WHEN r2 < 0.06 THEN NULL ELSE promised + (floor(r3 * 9)::INT - 5 - v % 3) END AS "Delivered Date",
        ordered AS "Ordered Qty", CASE WHEN r2 < 0.06 THEN NULL WHEN r3 < 0.1 THEN ordered - floor(r1 * ordered * 0.2) ELSE ordered END AS "Received Qty",
        CASE WHEN r2 < 0.06 THEN NULL WHEN r1 < 0.15 THEN floor(r3 * ordered * 0.05) ELSE 0 END AS "Rejected Qty",
        CASE WHEN r3 < 0.2 THEN round(contract * (0.98 + r1 * 0.1), 2) ELSE contract END AS "Unit Price", contract AS "Contract Price",
        CASE WHEN r1 < 0.5 THEN round(contract * ordered, 2) END AS "Amount"
      FROM h) TO '${file.replace(/'/g, "''")}' (FORMAT parquet)`);
  }

  async kpis(asOf: number): Promise<VendorKpis> {
    const reader = await this.conn.runAndReadAll(query(asOf));
    const out: VendorKpis = new Map();
    for (const row of reader.getRowObjectsJS()) {
      const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
      out.set(String(row.vendor), { on_time: n(row.on_time), in_full: n(row.in_full), defect_rate: n(row.defect_rate), price_variance: n(row.price_variance), spend: n(row.spend) });
    }
    return out;
  }
}
