import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import Papa from "papaparse";
import { chooseEngine, DUCKDB_FROM_BYTES } from "../../cli/engine";

// The DuckDB engine and the sql command, end to end through the command line as `npx vendorscore` runs it.
const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "cli", "vendorscore.js");
const SAMPLE = path.join(ROOT, "samples", "po-lines.csv");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vendorscore-engine-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const file = (name: string, text: string) => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, text);
  return p;
};
const WEIGHTS = file("weights.csv", "kpi,weight,target,floor\non_time,40,0.95,0.7\ndefect_rate,30,0.01,0.08\nprice_variance,30\ngrace_days,1\n");

async function duckdb(sql: string): Promise<Record<string, unknown>[]> {
  const db = await DuckDBInstance.create(":memory:");
  const conn = await db.connect();
  try {
    return (await conn.runAndReadAll(sql)).getRowObjectsJS();
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}

describe("vendorscore scorecard --engine duckdb", () => {
  it("prints the same scorecard as the JS engine, byte for byte, with and without weights", () => {
    for (const extra of [[], ["--weights", WEIGHTS]]) {
      const js = run("scorecard", SAMPLE, "--as-of", "2025-04-10", "--engine", "js", ...extra);
      const duck = run("scorecard", SAMPLE, "--as-of", "2025-04-10", "--engine", "duckdb", ...extra);
      expect([duck.code, duck.stderr]).toEqual([0, ""]);
      expect(js.code).toBe(0);
      expect(duck.stdout).toBe(js.stdout);
      expect(duck.stdout.split("\n").length).toBeGreaterThan(6);
    }
  }, 120_000);

  it.each<[string, string, string]>([
    ["fiscal quarters with standings", "on_time,40,0.95,0.7,,\ndefect_rate,30,0.01,0.08,,\nperiod,quarter,,,,\nfiscal_start,2,,,,\nhistory,4,,,,\nstanding,Very Poor,0,30,red,block\nstanding,Poor,30,50,yellow,warn\nstanding,Average,50,80,green,\nstanding,Excellent,80,100,blue,\n", "2025-03-12"],
    ["weeks by delivered date, no decay", "period,week\nperiod_by,delivered\ndecay,none\nhistory,6\n", "2025-03-12"],
    ["months by order date", "period,month\nperiod_by,order_date\nhistory,3\n", "2025-02-15"],
  ])("prints the same business review as the JS engine, byte for byte: %s", (_, weights, asOf) => {
    const w = file("review.csv", weights);
    const js = run("scorecard", SAMPLE, "--as-of", asOf, "--engine", "js", "--weights", w);
    const duck = run("scorecard", SAMPLE, "--as-of", asOf, "--engine", "duckdb", "--weights", w);
    expect([duck.code, duck.stderr]).toEqual([0, ""]);
    expect(duck.stdout).toBe(js.stdout);
    expect(duck.stdout.split("\n")[0]).toMatch(/,Rank,Previous score,Change,Overall(,Action)?$/);
    expect(duck.stdout.split("\n").length).toBeGreaterThan(5);
  }, 120_000);

  it("falls back to the JS engine for a formula KPI, naming the row", () => {
    const w = file("formula.csv", "on_time,1,,,\nReceived per line,1,50,0,mean([Received Qty])\n");
    const duck = run("scorecard", SAMPLE, "--as-of", "2025-04-10", "--engine", "duckdb", "--weights", w);
    expect(duck.code).toBe(0);
    expect(duck.stderr).toMatch(/note: the DuckDB engine cannot read po-lines\.csv as the JS engine does: Weights row 2: formula KPIs are not compiled to SQL/);
    expect(duck.stdout).toBe(run("scorecard", SAMPLE, "--as-of", "2025-04-10", "--engine", "js", "--weights", w).stdout);
    expect(duck.stdout.split("\n").length).toBeGreaterThan(6);
  }, 60_000);

  it("falls back to the JS engine, saying why on stderr, when dates are written 2-Jun-06", () => {
    const old = file("old-dates.csv", "Vendor,Promised Date,Delivered Date,Ordered Qty,Received Qty\nAcme,2-Jun-06,3-Jun-06,5,5\nBeta,2-Jun-06,1-Jun-06,5,4\nAcme,4-Jun-06,4-Jun-06,5,5\n");
    const duck = run("scorecard", old, "--as-of", "2025-04-10", "--engine", "duckdb");
    expect(duck.code).toBe(0);
    expect(duck.stderr).toMatch(/note: the DuckDB engine cannot read old-dates\.csv as the JS engine does: column "Promised Date" \(promised\) reads as VARCHAR in DuckDB, not as a date\. Running the JS engine instead\./);
    expect(duck.stdout).toBe(run("scorecard", old, "--as-of", "2025-04-10", "--engine", "js").stdout);
    // Acme: one of two lines on time (delivered 3 June, promised 2 June); Beta delivered early.
    expect(duck.stdout).toMatch(/^Beta,1,,1,0,0,/m);
    expect(duck.stdout).toMatch(/^Acme,2,,0\.5,1,0\.5,/m);
  }, 60_000);

  it.each([3_000, 30_000])("falls back to the JS engine when a date cell further down than the sniff reads (line %i) is no date", (at) => {
    const lines = Array.from({ length: at + 10 }, (_, i) => `${i % 3 ? "Acme" : "Beta"},2025-03-0${1 + (i % 5)},${i === at ? "not yet" : `2025-03-0${2 + (i % 4)}`}`);
    const late = file(`late-${at}.csv`, `Vendor,Promised Date,Delivered Date\n${lines.join("\n")}\n`);
    const duck = run("scorecard", late, "--as-of", "2025-05-01", "--engine", "duckdb");
    expect(duck.code).toBe(0);
    expect(duck.stderr).toMatch(/note: the DuckDB engine cannot read late-\d+\.csv as the JS engine does: .*Running the JS engine instead\./);
    expect(duck.stdout).toBe(run("scorecard", late, "--as-of", "2025-05-01", "--engine", "js").stdout);
    expect(duck.stdout).toMatch(/^Acme,/m);
  }, 60_000);

  it("falls back when numeric dates leave the day/month order to the reader", () => {
    const dmy = file("dmy.csv", "Vendor,Promised Date,Delivered Date\nAcme,03/04/2025,04/04/2025\nAcme,13/04/2025,12/04/2025\n");
    const duck = run("scorecard", dmy, "--as-of", "2025-05-01", "--engine", "duckdb");
    expect(duck.stderr).toMatch(/its dates are written as %d\/%m\/%Y/);
    expect(duck.stdout).toBe(run("scorecard", dmy, "--as-of", "2025-05-01").stdout);
  }, 60_000);

  it("scores a Parquet file with DuckDB by default, equal to the CSV it was written from", async () => {
    const parquet = path.join(tmp, "po-lines.parquet");
    await duckdb(`COPY (SELECT * FROM read_csv('${SAMPLE}')) TO '${parquet}' (FORMAT parquet)`);
    const fromParquet = run("scorecard", parquet, "--as-of", "2025-04-10", "--weights", WEIGHTS);
    expect([fromParquet.code, fromParquet.stderr]).toEqual([0, ""]);
    expect(fromParquet.stdout).toBe(run("scorecard", SAMPLE, "--as-of", "2025-04-10", "--weights", WEIGHTS).stdout);
  }, 60_000);

  it("refuses a Parquet file whose date column is text, saying what to write instead", async () => {
    const parquet = path.join(tmp, "text-dates.parquet");
    await duckdb(`COPY (SELECT 'Acme' AS "Vendor", '2-Jun-06' AS "Promised Date") TO '${parquet}' (FORMAT parquet)`);
    const r = run("scorecard", parquet);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/column "Promised Date" \(promised\) reads as VARCHAR in DuckDB, not as a date; a Parquet file is read by DuckDB only, so write the column as DATE, TIMESTAMP or a number type/);
  }, 60_000);

  it("shows a vendor written several ways by its first spelling, as the JS engine does, from CSV and Parquet", async () => {
    const spelt = file("spelt.csv", "Vendor,Promised Date,Delivered Date\nacme corp,2025-03-01,2025-03-01\nACME Corp ,2025-03-01,2025-03-02\nBeta,2025-03-01,2025-03-01\nAcme corp,2025-03-01,2025-03-01\n");
    const parquet = path.join(tmp, "spelt.parquet");
    await duckdb(`COPY (SELECT * FROM read_csv('${spelt}')) TO '${parquet}' (FORMAT parquet)`);
    const js = run("scorecard", spelt, "--as-of", "2025-04-01", "--engine", "js").stdout;
    expect(js).toMatch(/^acme corp,3,,0\.666666666666667,/m);
    expect(run("scorecard", spelt, "--as-of", "2025-04-01", "--engine", "duckdb").stdout).toBe(js);
    expect(run("scorecard", parquet, "--as-of", "2025-04-01").stdout).toBe(js);
  }, 60_000);

  it("keeps the JS engine for options only it reads", () => {
    const r = run("scorecard", SAMPLE, "--as-of", "2025-04-10", "--engine", "duckdb", "--decimal", "point");
    expect(r.stderr).toMatch(/--decimal is read by the JS engine only/);
    expect(r.code).toBe(0);
  }, 60_000);
});

describe("which engine runs", () => {
  const big = path.join(tmp, "big.csv");
  beforeAll(() => {
    // A sparse file: its size is what counts.
    fs.writeFileSync(big, "Vendor\n");
    fs.truncateSync(big, DUCKDB_FROM_BYTES + 1);
  });
  it.each<[string | undefined, string, string, string]>([
    [undefined, "po.csv", "scorecard", "js"],
    [undefined, "big.csv", "scorecard", "duckdb"],
    [undefined, "big.csv", "segments", "js"],
    [undefined, "po.parquet", "scorecard", "duckdb"],
    ["js", "big.csv", "scorecard", "js"],
    ["duckdb", "po.csv", "scorecard", "duckdb"],
  ])("--engine %s, %s, %s: %s", (flag, name, report, engine) => {
    expect(chooseEngine(flag, name === "big.csv" ? big : name, report)).toBe(engine);
  });
  it.each<[string | undefined, string, string, RegExp]>([
    ["fast", "po.csv", "scorecard", /--engine fast: use duckdb or js/],
    ["duckdb", "po.csv", "sla", /computes the scorecard report only, not sla/],
    [undefined, "po.parquet", "segments", /a Parquet file is read by the DuckDB engine, which computes the scorecard report only/],
    ["js", "po.parquet", "scorecard", /leave out --engine js/],
  ])("refuses --engine %s, %s, %s", (flag, name, report, message) => {
    expect(() => chooseEngine(flag, name, report)).toThrow(message);
  });
});

describe("vendorscore sql", () => {
  it("prints a query that DuckDB runs over the sample into the command line's own scorecard", async () => {
    const r = run("sql", "--dialect", "duckdb", "--table", `read_csv('${SAMPLE}')`.replace(/ /g, ""), "--sample", SAMPLE, "--weights", WEIGHTS, "--as-of", "2025-04-10");
    // A table function is no table name: the query names a view instead.
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a table name/);
    const q = run("sql", "--dialect", "duckdb", "--table", "po", "--sample", SAMPLE, "--weights", WEIGHTS, "--as-of", "2025-04-10");
    expect([q.code, q.stderr]).toEqual([0, ""]);
    const rows = await duckdb(`CREATE VIEW po AS SELECT * FROM read_csv('${SAMPLE}'); ${q.stdout}`);
    const cli = Papa.parse<string[]>(run("scorecard", SAMPLE, "--as-of", "2025-04-10", "--weights", WEIGHTS).stdout.trim()).data;
    expect(rows.map((row) => [String(row.Vendor), Number(row.Score).toPrecision(15), row.Grade, Number(row.Rank)])).toEqual(
      cli.slice(1).map((row) => [row[0], Number(row[9]).toPrecision(15), row[10], Number(row[11])]),
    );
  }, 60_000);

  it("takes the columns by name and writes the dialect asked for", () => {
    const r = run("sql", "--dialect", "BigQuery", "--table", "analytics.po_lines", "--columns", "supplier, due_date, delivery_date, qty");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^-- VENDORSCORECARD of analytics\.po_lines as bigquery SQL, as of the current date\./);
    expect(r.stdout).toMatch(/DATE_DIFF\(CAST\(`due_date` AS DATE\), DATE '1899-12-30', DAY\)/);
  });

  it("takes the lines' order from --line-order", () => {
    const r = run("sql", "--dialect", "snowflake", "--table", "PO_LINES", "--columns", "VENDOR,DUE_DATE,LINE_ID", "--line-order", "LINE_ID");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/"LINE_ID" AS line_no/);
    expect(r.stdout).toMatch(/MIN_BY\(name, first_line\) AS name/);
  });

  it.each<[string[], RegExp]>([
    [["--table", "po", "--columns", "vendor"], /sql needs --dialect: one of duckdb, postgres, bigquery, snowflake, spark/],
    [["--dialect", "oracle", "--table", "po", "--columns", "vendor"], /--dialect oracle: use one of/],
    [["--dialect", "spark", "--columns", "vendor"], /sql needs --table/],
    [["--dialect", "spark", "--table", "po"], /--columns a,b,c or --sample FILE/],
    [["--dialect", "spark", "--table", "po", "--columns", "id,due"], /No vendor column/],
    [["--dialect", "spark", "--table", "po", "--columns", "vendor", "--weights", "survey.csv"], /Weights row 2: "Responsiveness" is a survey criterion/],
  ])("says what to fix: %j", (args, message) => {
    file("survey.csv", "on_time,1\nResponsiveness,15\n");
    const r = run("sql", ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
