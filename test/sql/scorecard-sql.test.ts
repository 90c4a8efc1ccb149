import * as fs from "node:fs";
import * as path from "node:path";
import { Parser } from "node-sql-parser";
import Papa from "papaparse";
import { isCoreError, type Range, type ResultGrid } from "../../core";
import { DIALECTS, sampleColumns, scorecardSql, type DialectName } from "../../core/sql";
import { catalog, serial } from "../helpers/sheet";
import { loadCsv, openDuck, openPostgres, sameScorecard, type SqlDb } from "../helpers/sqldb";

const SAMPLE = path.join(__dirname, "..", "..", "samples", "po-lines.csv");
const sampleRange = (): string[][] => Papa.parse<string[]>(fs.readFileSync(SAMPLE, "utf8").trim()).data;
const COLUMNS = sampleRange()[0]!;
const AS_OF = serial("2025-04-10");
/** Every weights feature at once: KPI rows (one lower-is-better, one at weight 0), a setting and a mapping row. */
const WEIGHTS: Range = [
  ["kpi", "weight", "target", "floor"],
  ["on_time", 40, 0.95, 0.7],
  ["defect_rate", 30, 0.01, 0.08],
  ["price_variance", 30],
  ["lead_time", 0],
  ["grace_days", 1],
  ["promised", "Promised Date"],
];

function compiled(dialect: DialectName, weights: Range | null = WEIGHTS, table = "analytics.po_lines"): string {
  const q = scorecardSql({ dialect, table, columns: COLUMNS, weights, asOf: AS_OF });
  if (isCoreError(q)) throw q;
  return q.sql;
}

describe("golden queries for the warehouses that are not run here", () => {
  // node-sql-parser has no Spark grammar: Spark SQL is parsed as Hive, whose grammar it extends.
  const PARSER: Partial<Record<DialectName, string>> = { bigquery: "bigquery", snowflake: "snowflake", spark: "hive" };
  it.each(["bigquery", "snowflake", "spark"] as const)("%s: equals its golden file and parses in that dialect", (dialect) => {
    const sql = compiled(dialect);
    const file = path.join(__dirname, "golden", `scorecard.${dialect}.sql`);
    if (process.env.UPDATE_GOLDEN === "1") fs.writeFileSync(file, sql);
    expect(sql).toBe(fs.readFileSync(file, "utf8"));
    const ast = new Parser().astify(sql, { database: PARSER[dialect]! });
    expect(Array.isArray(ast) ? ast[0]!.type : ast.type).toBe("select");
  });

  it.each(["bigquery", "snowflake", "spark"] as const)("%s: with the lines' order, parses in that dialect and shows the first spelling", (dialect) => {
    const q = scorecardSql({ dialect, table: "po", columns: [...COLUMNS, "PO Line"], weights: WEIGHTS, lineOrder: "PO Line" });
    if (isCoreError(q)) throw q;
    expect(q.sql).toMatch({ bigquery: /MIN_BY\(name, first_line\)/, snowflake: /MIN_BY\(name, first_line\)/, spark: /min_by\(name, first_line\)/ }[dialect]);
    expect(() => new Parser().astify(q.sql, { database: PARSER[dialect]! })).not.toThrow();
  });

  it.each(["bigquery", "snowflake", "spark"] as const)("%s: names its date functions and where they are documented", (dialect) => {
    const head = compiled(dialect).split("\n").filter((l) => l.startsWith("--")).join("\n");
    const fns: Record<string, RegExp> = { bigquery: /DATE_DIFF.*UNIX_MICROS[\s\S]*cloud\.google\.com/, snowflake: /DATEDIFF[\s\S]*docs\.snowflake\.com/, spark: /datediff.*unix_micros[\s\S]*spark\.apache\.org/ };
    expect(head).toMatch(fns[dialect]!);
  });

  it("bigquery: names the result columns as BigQuery allows, without parentheses", () => {
    const sql = compiled("bigquery");
    const names = [...sql.split("\n").slice(-8).join("\n").matchAll(/ AS `([^`]+)`/g)].map((m) => m[1]!);
    expect(names).toEqual(["Vendor", "Lines", "Spend", "On time", "In full", "OTIF", "Defect rate", "Price variance", "Lead time days", "Score", "Grade", "Rank"]);
    // Flexible column names: letters, numbers, connectors, dashes, marks, spaces and & % = + : ' < > # |.
    for (const n of names) expect(n).toMatch(/^[\p{L}\p{N}\p{Pc}\p{Pd}\p{M} &%=+:'<>#|]+$/u);
  });

  it("writes no invisible character and no line break inside a text literal", () => {
    for (const d of ["bigquery", "snowflake", "spark"] as const) expect(compiled(d)).not.toMatch(/[^\x20-\x7E\n]/);
  });
});

describe("what the compiler refuses, with what to fix", () => {
  it("refuses a period row: the business-review periods are not compiled yet", () => {
    const q = scorecardSql({ dialect: "duckdb", table: "po", columns: COLUMNS, weights: [["on_time", 1], ["period", "quarter"]] });
    expect(isCoreError(q) && q.message).toMatch(/Weights row 2: "period" \(business-review periods\) is not compiled to SQL yet/);
  });
  it("names the headers seen when no column is a vendor", () => {
    const q = scorecardSql({ dialect: "postgres", table: "po", columns: ["id", "due_date"] });
    expect(isCoreError(q) && q.kind).toBe("bad_header");
    expect(isCoreError(q) && q.message).toMatch(/No vendor column.*Headers seen: "id", "due_date"/);
  });
  it("names the mapping row whose header is not a column", () => {
    const q = scorecardSql({ dialect: "postgres", table: "po", columns: COLUMNS, weights: [["promised", "Ship By"]] });
    expect(isCoreError(q) && q.message).toMatch(/Mapping row "promised, Ship By": no column is headed "Ship By"/);
  });
  it("refuses a line order column the table does not have", () => {
    const q = scorecardSql({ dialect: "duckdb", table: "po", columns: COLUMNS, lineOrder: "Line" });
    expect(isCoreError(q) && q.message).toMatch(/The line order column "Line" is not one of the table's columns/);
  });
  it("refuses an unknown dialect and a table name that is not one", () => {
    expect(isCoreError(scorecardSql({ dialect: "oracle" as DialectName, table: "po", columns: COLUMNS })) && "dialect").toBe("dialect");
    const q = scorecardSql({ dialect: "duckdb", table: "po; DROP TABLE po", columns: COLUMNS });
    expect(isCoreError(q) && q.message).toMatch(/is not a table name/);
  });
  it("passes a bad weights row on as the sheet shows it", () => {
    const q = scorecardSql({ dialect: "duckdb", table: "po", columns: COLUMNS, weights: [["on_time", -1]] });
    expect(isCoreError(q) && q.message).toMatch(/Weights row 1 \(on_time\): the weight must be 0 or more/);
  });
  it("accepts quoted and dotted table names", () => {
    expect(isCoreError(scorecardSql({ dialect: "bigquery", table: "`my-project.sales.po lines`", columns: COLUMNS }))).toBe(false);
    expect(isCoreError(scorecardSql({ dialect: "snowflake", table: 'DB."Sales".PO_LINES', columns: COLUMNS }))).toBe(false);
  });
});

describe("the columns of a sample file", () => {
  it("are its header row, found below title rows as the sheet finds it", () => {
    expect(sampleColumns([["PO export, March"], [], ["Supplier", "Due Date", "Qty"], ["Acme", "2025-03-01", 3]])).toEqual(["Supplier", "Due Date", "Qty"]);
  });
  it("follow the header_row setting", () => {
    expect(sampleColumns([["a", "b"], ["Vendor", "Qty"]], [["header_row", 2]])).toEqual(["Vendor", "Qty"]);
  });
});

describe("the repository's sample data, typed by DuckDB's CSV reader, on DuckDB and on Postgres", () => {
  let duck: SqlDb;
  let pg: SqlDb;
  beforeAll(async () => {
    [duck, pg] = await Promise.all([openDuck(), openPostgres()]);
    const columns = await loadCsv(duck, pg, SAMPLE);
    expect(columns.find((c) => c.name === "Promised Date")?.type).toBe("date");
  }, 120_000);
  afterAll(async () => {
    await duck?.close();
    await pg?.close();
  }, 30_000);

  it.each<[string, Range | null]>([
    ["default weights", null],
    ["every weights feature", WEIGHTS],
    ["promised days instead of the promised date", [["promised", "(not used)"], ["promised_days", 10], ["otif", 1], ["lead_time", 1, 5, 20]]],
  ])("agrees with VENDORSCORECARD over the same file: %s", async (_, weights) => {
    const want = catalog.VENDORSCORECARD.fn(sampleRange(), weights, AS_OF) as ResultGrid;
    expect(want.length).toBeGreaterThan(5);
    for (const db of [duck, pg]) {
      const got = await db.grid(compiled(db.name, weights, "po"));
      expect([db.name, sameScorecard(want, got)]).toEqual([db.name, undefined]);
    }
  });

  it("every dialect compiles the sample", () => {
    for (const d of DIALECTS) expect(compiled(d).length).toBeGreaterThan(1000);
  });
});
