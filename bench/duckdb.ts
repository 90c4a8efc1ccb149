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
    const serial = (c: string) => `CAST(date_diff('day', DATE '1899-12-30', "${c}") AS DOUBLE)`;
    const num = (c: string) => `CAST("${c}" AS DOUBLE)`;
    await this.conn.run(`CREATE OR REPLACE TEMP VIEW po AS SELECT "Vendor" AS vendor, ${serial("PO Date")} AS po_date, ${serial("Promised Date")} AS promised,
      ${serial("Delivered Date")} AS delivered, ${num("Ordered Qty")} AS ordered, ${num("Received Qty")} AS received, ${num("Rejected Qty")} AS rejected,
      ${num("Unit Price")} AS unit_price, ${num("Contract Price")} AS contract, ${num("Amount")} AS amount
      FROM read_csv('${file.replace(/'/g, "''")}', header = true)`);
    try {
      return await this.kpis(asOf);
    } finally {
      await this.conn.run("DROP VIEW IF EXISTS po");
    }
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
