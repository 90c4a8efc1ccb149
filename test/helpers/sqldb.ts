import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { fork } from "node:child_process";
import * as path from "node:path";
import { serialParts, type ResultGrid } from "../../core";

/** A warehouse column type as the scorecard query expects it. */
export type SqlType = "text" | "double" | "date" | "timestamp";
export interface SqlColumn {
  readonly name: string;
  readonly type: SqlType;
}
/** A cell of a typed table: text, a number, a date as a serial (whole for DATE, quarters of a day for TIMESTAMP), or NULL. */
export type SqlCell = string | number | boolean | null;

/** One database the agreement tests run on: DuckDB in memory, or Postgres compiled to WebAssembly (PGlite). */
export interface SqlDb {
  readonly name: "duckdb" | "postgres";
  load(table: string, columns: readonly SqlColumn[], rows: readonly (readonly SqlCell[])[]): Promise<void>;
  /** The query's rows, header first, with NULL as "" (as the sheet's empty cell) and integers as numbers. */
  grid(sql: string): Promise<ResultGrid>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

const two = (n: number) => String(n).padStart(2, "0");
const isoDay = (s: number) => {
  const p = serialParts(s);
  return `${String(p.y).padStart(4, "0")}-${two(p.m)}-${two(p.d)}`;
};
const isoTime = (s: number) => {
  const p = serialParts(s);
  return `${isoDay(s)} ${two(p.h)}:${two(p.mi)}:00`;
};

function literal(v: SqlCell, type: SqlType): string {
  if (v === null) return "NULL";
  if (type === "text") return `'${String(v).replace(/'/g, "''")}'`;
  if (type === "double") return String(v);
  if (typeof v !== "number") throw new Error(`a ${type} cell must be a serial, not ${v}`);
  return type === "date" ? `DATE '${isoDay(v)}'` : `TIMESTAMP '${isoTime(v)}'`;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** CREATE TABLE and INSERT text the two databases read alike. */
function loadSql(table: string, columns: readonly SqlColumn[], rows: readonly (readonly SqlCell[])[], double: string): string[] {
  const types: Record<SqlType, string> = { text: "VARCHAR", double, date: "DATE", timestamp: "TIMESTAMP" };
  const out = [`DROP TABLE IF EXISTS ${table}`, `CREATE TABLE ${table} (${columns.map((c) => `${quoted(c.name)} ${types[c.type]}`).join(", ")})`];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    out.push(`INSERT INTO ${table} VALUES ${chunk.map((r) => `(${r.map((v, c) => literal(v, columns[c]!.type)).join(", ")})`).join(",\n")}`);
  }
  return out;
}

function toCell(v: unknown): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  throw new Error(`unexpected value ${String(v)} (${Object.prototype.toString.call(v)})`);
}

export async function openDuck(): Promise<SqlDb> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const conn: DuckDBConnection = await instance.connect();
  return {
    name: "duckdb",
    async load(table, columns, rows) {
      for (const s of loadSql(table, columns, rows, "DOUBLE")) await conn.run(s);
    },
    async grid(sql) {
      const reader = await conn.runAndReadAll(sql);
      return [reader.columnNames(), ...reader.getRowsJS().map((r) => r.map(toCell))];
    },
    async exec(sql) {
      await conn.run(sql);
    },
    async close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** Postgres compiled to WebAssembly (PGlite), run in a child process (see pglite-worker.js). */
export async function openPostgres(): Promise<SqlDb> {
  const child = fork(path.join(__dirname, "pglite-worker.js"), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  let next = 0;
  const waiting = new Map<number, (m: { error?: string; fields?: string[]; rows?: unknown[][] }) => void>();
  child.on("message", (m: { id: number; error?: string; fields?: string[]; rows?: unknown[][] }) => {
    waiting.get(m.id)?.(m);
    waiting.delete(m.id);
  });
  const ask = (op: string, sql = "") =>
    new Promise<{ fields?: string[]; rows?: unknown[][] }>((resolve, reject) => {
      const id = next++;
      waiting.set(id, (m) => (m.error === undefined ? resolve(m) : reject(new Error(`postgres: ${m.error}`))));
      child.send({ id, op, sql });
    });
  return {
    name: "postgres",
    async load(table, columns, rows) {
      await ask("exec", loadSql(table, columns, rows, "DOUBLE PRECISION").join(";\n"));
    },
    async grid(sql) {
      const r = await ask("query", sql);
      return [r.fields!, ...r.rows!.map((row) => row.map(toCell))];
    },
    async exec(sql) {
      await ask("exec", sql);
    },
    async close() {
      await Promise.race([ask("close"), new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
      child.kill();
    },
  };
}

/**
 * A CSV file as a typed table named `po` in both databases: DuckDB's CSV reader types it (dates,
 * numbers, booleans), and Postgres gets the same columns and values (booleans as text).
 */
export async function loadCsv(duck: SqlDb, pg: SqlDb, file: string): Promise<readonly SqlColumn[]> {
  await duck.exec(`CREATE OR REPLACE TABLE po AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}')`);
  const types = await duck.grid("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'po' ORDER BY ordinal_position");
  const typeOf = (t: unknown): SqlType => (t === "DATE" ? "date" : t === "TIMESTAMP" ? "timestamp" : t === "VARCHAR" || t === "BOOLEAN" ? "text" : "double");
  const columns = types.slice(1).map(([name, t]) => ({ name: String(name), type: typeOf(t) }));
  const select = columns.map((c) => (c.type === "date" ? `CAST((${quoted(c.name)} - DATE '1899-12-30') AS DOUBLE)` : quoted(c.name))).join(", ");
  const rows = (await duck.grid(`SELECT ${select} FROM po`)).slice(1).map((r) => r.map((v) => (v === "" ? null : typeof v === "boolean" ? String(v) : v)));
  await pg.load("po", columns, rows);
  return columns;
}

/**
 * Fails naming the first difference unless a query's scorecard equals the core's: the same
 * columns, the same vendors in the same order, every number within 1e-9 (relative above 1), the
 * same grades and ranks, empty exactly where the core's is. Names are compared exactly with
 * `sameSpelling` (a query given the lines' order), else in any case: a vendor spelt several ways
 * is shown by its first spelling in the sheet and by its smallest in a query without the order.
 */
export function sameScorecard(core: ResultGrid, sql: ResultGrid, sameSpelling = false): string | undefined {
  if (JSON.stringify(core[0]) !== JSON.stringify(sql[0])) return `columns ${JSON.stringify(sql[0])}, expected ${JSON.stringify(core[0])}`;
  if (core.length !== sql.length) return `${sql.length - 1} vendors, expected ${core.length - 1}: ${sql.slice(1).map((r) => r[0]).join(", ")} vs ${core.slice(1).map((r) => r[0]).join(", ")}`;
  for (let r = 1; r < core.length; r++) {
    const want = core[r]!, got = sql[r]!;
    const name = (v: unknown) => (sameSpelling ? String(v) : String(v).toLowerCase());
    if (name(want[0]) !== name(got[0])) return `row ${r}: vendor ${got[0]}, expected ${want[0]}`;
    for (let c = 1; c < want.length; c++) {
      const a = want[c], b = got[c];
      const same = typeof a === "number" && typeof b === "number" ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) : a === b;
      if (!same) return `${want[0]} ${core[0]![c]}: ${JSON.stringify(b)}, expected ${JSON.stringify(a)}`;
    }
  }
  return undefined;
}
