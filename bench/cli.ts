/**
 * The command-line rows of `npm run bench`: the whole `vendorscore scorecard` process (start-up,
 * reading the file, computing, writing CSV) on a generated CSV file with each engine (the core
 * over the file read into typed columns; embedded DuckDB reading the file and running the
 * compiled query), beside DuckDB's own `read_csv` + GROUP BY of the same KPIs on the same file,
 * in one run so the ratios hold whatever the machine; and the process on a Parquet file.
 * Peak memory is the child's maximum resident set size, read by /usr/bin/time.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Papa from "papaparse";
import { serialParts, type ResultGrid } from "../core";
import { writePoCsv } from "./csvfile";
import type { DuckEngine } from "./duckdb";
import { PO_AS_OF } from "./generate";
import { assertSame, fromScorecard } from "./kpis";
import { median } from "./measure";

const BIN = path.join(__dirname, "..", "cli", "vendorscore.js");
const TIME = "/usr/bin/time";

export type Engine = "js" | "duckdb";

export interface ProcessFigures {
  readonly ms: number;
  readonly peakMB?: number;
}

export interface CliFigures {
  readonly lines: number;
  readonly fileMB: number;
  readonly cli: Readonly<Record<Engine, ProcessFigures>>;
  readonly duckMs: number;
}

const isoDay = (serial: number) => {
  const p = serialParts(serial);
  return `${p.y}-${String(p.m).padStart(2, "0")}-${String(p.d).padStart(2, "0")}`;
};

/** One run of the command line: wall time, peak RSS (where /usr/bin/time exists) and its output. */
function runCli(file: string, engine?: Engine): { ms: number; peakMB?: number; stdout: string } {
  const args = [BIN, "scorecard", file, "--as-of", isoDay(PO_AS_OF), "--quiet", ...(engine ? ["--engine", engine] : [])];
  const timed = fs.existsSync(TIME);
  const t = performance.now();
  const r = timed
    ? spawnSync(TIME, ["-f", "peak-rss-kb %M", process.execPath, ...args], { encoding: "utf8", maxBuffer: 1 << 30 })
    : spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`vendorscore exited ${r.status}: ${r.stderr}`);
  const kb = /peak-rss-kb (\d+)/.exec(r.stderr)?.[1];
  return kb === undefined ? { ms, stdout: r.stdout } : { ms, peakMB: Number(kb) / 1024, stdout: r.stdout };
}

/** The scorecard as the command line printed it, numbers read back. */
function parseScorecard(csv: string): ResultGrid {
  const rows = Papa.parse<string[]>(csv.trim()).data;
  return rows.map((row, r) => (r === 0 ? row : row.map((v) => (v !== "" && !Number.isNaN(Number(v)) ? Number(v) : v))));
}

/** The median time and the largest peak of several runs. */
function figures(runs: readonly { ms: number; peakMB?: number }[]): ProcessFigures {
  const peaks = runs.map((r) => r.peakMB).filter((p): p is number => p !== undefined);
  const ms = median(runs.map((r) => r.ms));
  return peaks.length ? { ms, peakMB: Math.max(...peaks) } : { ms };
}

export async function cliSuite(lines: number, duck: DuckEngine, reps = 5): Promise<CliFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vendorscore-bench-"));
  try {
    const file = path.join(dir, `po-${lines}.csv`);
    writePoCsv(file, lines);
    const fileMB = fs.statSync(file).size / 1024 / 1024;
    console.log(`\n${lines} PO lines as a ${fileMB.toFixed(0)} MB CSV file: the vendorscore process with each engine vs DuckDB read_csv + GROUP BY`);
    // The first runs build the command line's bundle if needed and bring the file into the page cache.
    const expected = await duck.kpisFromCsv(file, PO_AS_OF);
    for (const engine of ["js", "duckdb"] as const) {
      assertSame(`vendorscore CLI (${engine} engine) vs DuckDB read_csv at ${lines} lines`, expected, fromScorecard(parseScorecard(runCli(file, engine).stdout)));
    }
    console.log("checked: both engines of the command line and DuckDB's read_csv agree on on_time, in_full, defect_rate, price_variance and spend for every vendor");
    // The three take turns, round after round, so that a machine whose load changes slows them alike.
    const js: ProcessFigures[] = [];
    const viaDuck: ProcessFigures[] = [];
    const duckMs: number[] = [];
    for (let i = 0; i < reps; i++) {
      js.push(runCli(file, "js"));
      viaDuck.push(runCli(file, "duckdb"));
      const t = performance.now();
      await duck.kpisFromCsv(file, PO_AS_OF);
      duckMs.push(performance.now() - t);
    }
    return { lines, fileMB, cli: { js: figures(js), duckdb: figures(viaDuck) }, duckMs: median(duckMs) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface ParquetFigures extends ProcessFigures {
  readonly lines: number;
  readonly fileMB: number;
}

/** The command line on a Parquet file of `lines` lines (DuckDB, the default engine for Parquet), checked against DuckDB's own GROUP BY. */
export async function parquetSuite(lines: number, duck: DuckEngine, reps = 2): Promise<ParquetFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vendorscore-bench-"));
  try {
    const file = path.join(dir, `po-${lines}.parquet`);
    await duck.writePoParquet(file, lines);
    const fileMB = fs.statSync(file).size / 1024 / 1024;
    console.log(`\n${lines} PO lines as a ${fileMB.toFixed(0)} MB Parquet file: the vendorscore process (DuckDB engine)`);
    assertSame(`vendorscore CLI vs DuckDB read_parquet at ${lines} lines`, await duck.kpisFromParquet(file, PO_AS_OF), fromScorecard(parseScorecard(runCli(file).stdout)));
    console.log("checked: the command line and DuckDB's own GROUP BY agree for every vendor");
    return { lines, fileMB, ...figures(Array.from({ length: reps }, () => runCli(file))) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
