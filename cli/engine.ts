import * as fs from "node:fs";
import * as path from "node:path";
import type { Range, ResultGrid } from "../core";
import { scorecardSql, type ReadColumn } from "../core/sql";
import { UsageError } from "./errors";

/** Which engine computes the scorecard: embedded DuckDB over the file itself, or the core over the file read into a range. */
export type Engine = "duckdb" | "js";

/** CSV files from this size on are scored by DuckDB unless --engine js says otherwise. */
export const DUCKDB_FROM_BYTES = 50 * 1024 * 1024;

export const isParquet = (file: string) => path.extname(file).toLowerCase() === ".parquet";

/**
 * The engine for a run: the one `--engine` names, else DuckDB for a Parquet file and for a CSV
 * file over 50 MB, else the core. Only the scorecard report has a compiled query.
 */
export function chooseEngine(flag: string | undefined, file: string, report: string): Engine {
  if (flag !== undefined && flag !== "duckdb" && flag !== "js") throw new UsageError(`--engine ${flag}: use duckdb or js.`);
  if (isParquet(file) && (report !== "scorecard" || flag === "js")) {
    throw new UsageError(`${file}: a Parquet file is read by the DuckDB engine, which computes the scorecard report only${flag === "js" ? "; leave out --engine js" : ""}.`);
  }
  if (flag === "duckdb" && report !== "scorecard") throw new UsageError(`--engine duckdb computes the scorecard report only, not ${report}.`);
  if (flag !== undefined) return flag;
  if (report !== "scorecard") return "js";
  if (isParquet(file)) return "duckdb";
  return fs.existsSync(file) && fs.statSync(file).size > DUCKDB_FROM_BYTES ? "duckdb" : "js";
}

/** The scorecard from DuckDB, or why DuckDB cannot give the result the core would (the caller then runs the core). */
export type DuckOutcome = { readonly grid: ResultGrid } | { readonly fallback: string };

const DATE_TYPES = new Set(["DATE", "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS"]);
const NUMBER_TYPES = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL(\(\d+,\d+\))?)$/;

/** Lines of a CSV file sniffed for its column types and date formats before the query runs. */
const SNIFF_ROWS = 2048;

/** The line number DuckDB gives each line as it reads the file in order. */
const LINE = "vendorscore line";

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

interface DuckApi {
  DuckDBInstance: { create(path: string, options?: Record<string, string>): Promise<{ connect(): Promise<DuckConnection>; closeSync(): void }> };
}
interface DuckConnection {
  runAndReadAll(sql: string): Promise<{ columnNames(): string[]; getRowsJS(): unknown[][]; getRowObjectsJS(): Record<string, unknown>[] }>;
  run(sql: string): Promise<unknown>;
  closeSync(): void;
}

/** DuckDB, loaded when the engine is used: an install without it still runs the core. */
function loadDuckDb(): DuckApi | undefined {
  try {
    return require("@duckdb/node-api") as DuckApi;
  } catch {
    return undefined;
  }
}

/**
 * VENDORSCORECARD over a CSV or Parquet file by DuckDB: DuckDB reads the file (its CSV sniffer
 * types the columns), the compiled query of core/sql computes the scorecard. A column the query
 * needs that DuckDB does not type as the core would read it (dates written otherwise than ISO,
 * such as `2-Jun-06` or `03/04/2025`; numbers with `%`, `$` or a decimal comma; placeholders such
 * as `Date Not Captured`) gives a fallback with the reason instead, so the result never depends on
 * the engine; so does a weights row the query cannot score (a formula KPI, a survey criterion).
 * Periods and standings are the query's own. Vendor, status and compliance are read as the text
 * the file holds.
 */
export async function scorecardOnDuckDb(file: string, weights: Range | undefined, asOf: string | number): Promise<DuckOutcome> {
  const duck = loadDuckDb();
  if (!duck) return { fallback: "DuckDB (@duckdb/node-api) is not installed" };
  const db = await duck.DuckDBInstance.create(":memory:");
  const conn = await db.connect();
  try {
    const parquet = isParquet(file);
    const source = (types = "") => (parquet ? `read_parquet(${literal(file)})` : `read_csv(${literal(file)}, header = true${types})`);
    // One sniff gives the CSV's column types and its date formats; a Parquet file's schema is its own.
    // The sniff reads the first SNIFF_ROWS lines, a tenth of what read_csv samples: a column that
    // reads otherwise further down fails the cast in the query, and the JS engine runs instead.
    let typeOf: Map<string, string>;
    if (parquet) {
      const described = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${source()}`)).getRowObjectsJS();
      typeOf = new Map(described.map((r) => [String(r.column_name), String(r.column_type)]));
    } else {
      const [sniffed] = (await conn.runAndReadAll(`SELECT DateFormat, TimestampFormat, Columns FROM sniff_csv(${literal(file)}, header = true, sample_size = ${SNIFF_ROWS})`)).getRowObjectsJS();
      // Year-first dates read alike everywhere; day/month orders are the core's to choose (its date_order rules).
      const format = [sniffed?.DateFormat, sniffed?.TimestampFormat].find((f) => typeof f === "string" && f !== "" && !/^%Y[-/.]%m[-/.]%d/.test(f));
      if (format !== undefined) return { fallback: `its dates are written as ${format}, which DuckDB and the core may read in a different day/month order` };
      typeOf = new Map(((sniffed?.Columns ?? []) as { name: string; type: string }[]).map((c) => [String(c.name), String(c.type)]));
    }
    const columns = [...typeOf.keys()];
    const q = scorecardSql({ dialect: "duckdb", table: "po", columns, weights, asOf, spellings: true });
    if (q instanceof Error) return { fallback: q.message };
    const bad = q.reads.find((r) => !typedAsCore(r, typeOf.get(r.column)!));
    if (bad) return { fallback: `column "${bad.column}" (${bad.field}) reads as ${typeOf.get(bad.column)} in DuckDB, not as a ${bad.kind}` };
    // Text fields as the text the file holds: a vendor "007" stays "007".
    const text = q.reads.filter((r) => (r.kind === "text" || r.kind === "flag") && typeOf.get(r.column) !== "VARCHAR");
    const types = !parquet && text.length ? `, types = {${text.map((r) => `${literal(r.column)}: 'VARCHAR'`).join(", ")}}` : "";
    await conn.run(`CREATE VIEW po AS SELECT * FROM ${source(types)}`);
    const grid = await gridOf(conn, q.sql);
    // A vendor written several ways is shown by its first spelling, as the JS engine shows it. Only
    // then are the lines numbered (which costs DuckDB its parallel read) and the query run again.
    const spellings = grid[0]!.length - 1;
    if (grid.some((row, r) => r > 0 && Number(row[spellings]) > 1)) {
      const ordered = scorecardSql({ dialect: "duckdb", table: "po_lines", columns: [...columns, LINE], weights, asOf, lineOrder: LINE });
      if (ordered instanceof Error) return { fallback: ordered.message };
      // Parquet numbers its rows as it reads them in parallel; a CSV file's lines are numbered as they come, in order.
      const numbered = parquet
        ? `SELECT * EXCLUDE (file_row_number), file_row_number AS "${LINE}" FROM read_parquet(${literal(file)}, file_row_number = true)`
        : `SELECT *, row_number() OVER () AS "${LINE}" FROM po`;
      await conn.run(`CREATE VIEW po_lines AS ${numbered}`);
      return { grid: await gridOf(conn, ordered.sql) };
    }
    return { grid: grid.map((row) => row.slice(0, spellings)) };
  } catch (e) {
    if (isParquet(file)) throw new UsageError(`${file}: DuckDB could not read it: ${(e as Error).message.split("\n")[0]}`);
    return { fallback: `DuckDB could not read it (${(e as Error).message.split("\n")[0]})` };
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

/** A query's result as a grid: its column names, then its rows (NULL as an empty cell). */
async function gridOf(conn: DuckConnection, sql: string): Promise<ResultGrid> {
  const result = await conn.runAndReadAll(sql);
  const rows = result.getRowsJS().map((row) => row.map((v) => (v === null || v === undefined ? "" : typeof v === "bigint" ? Number(v) : (v as string | number))));
  return [result.columnNames(), ...rows];
}

/** Whether DuckDB's type for a column gives the values the core reads: dates as DATE or TIMESTAMP (no time zone), numbers numeric. */
function typedAsCore(r: ReadColumn, type: string): boolean {
  if (r.kind === "date") return DATE_TYPES.has(type);
  if (r.kind === "number") return NUMBER_TYPES.test(type);
  return true;
}
