/**
 * The command-line row of `npm run bench`: the whole `vendorscore scorecard` process (start-up,
 * reading and decoding the CSV, the core, writing CSV) on a generated CSV file, beside DuckDB's
 * `read_csv` + GROUP BY of the same KPIs on the same file, in one run so the ratio holds whatever
 * the machine. Peak memory is the child's maximum resident set size, read by /usr/bin/time.
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

export interface CliFigures {
  readonly lines: number;
  readonly fileMB: number;
  readonly cliMs: number;
  readonly cliPeakMB?: number;
  readonly duckMs: number;
}

const isoDay = (serial: number) => {
  const p = serialParts(serial);
  return `${p.y}-${String(p.m).padStart(2, "0")}-${String(p.d).padStart(2, "0")}`;
};

/** One run of the command line: wall time, peak RSS (where /usr/bin/time exists) and its output. */
function runCli(file: string): { ms: number; peakMB?: number; stdout: string } {
  const args = [BIN, "scorecard", file, "--as-of", isoDay(PO_AS_OF), "--quiet"];
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

export async function cliSuite(lines: number, duck: DuckEngine, reps = 3): Promise<CliFigures> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vendorscore-bench-"));
  try {
    const file = path.join(dir, `po-${lines}.csv`);
    writePoCsv(file, lines);
    const fileMB = fs.statSync(file).size / 1024 / 1024;
    console.log(`\n${lines} PO lines as a ${fileMB.toFixed(0)} MB CSV file: the vendorscore process vs DuckDB read_csv + GROUP BY`);
    // The first run builds the command line's bundle if needed and brings the file into the page cache.
    const first = runCli(file);
    assertSame(`vendorscore CLI vs DuckDB read_csv at ${lines} lines`, await duck.kpisFromCsv(file, PO_AS_OF), fromScorecard(parseScorecard(first.stdout)));
    console.log("checked: the command line and DuckDB's read_csv agree on on_time, in_full, defect_rate, price_variance and spend for every vendor");
    const runs = Array.from({ length: reps }, () => runCli(file));
    const duckMs: number[] = [];
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      await duck.kpisFromCsv(file, PO_AS_OF);
      duckMs.push(performance.now() - t);
    }
    const peaks = runs.map((r) => r.peakMB).filter((p): p is number => p !== undefined);
    const figures = { lines, fileMB, cliMs: median(runs.map((r) => r.ms)), duckMs: median(duckMs) };
    return peaks.length ? { ...figures, cliPeakMB: Math.max(...peaks) } : figures;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
