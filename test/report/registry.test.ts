import { readFileSync } from "fs";
import { join } from "path";
import Papa from "papaparse";
import { createCatalog, isCoreError, serialOf, type CellValue, type Range } from "../../core";
import { KIND_INFO, PANE_KINDS, REPORT_KINDS, buildReport, headerRows, describe as describeSheet, kindInfo, reportKind, validateConfig, type ReportKind, type ReportSheet } from "../../core/report";

const AS_OF = serialOf(2025, 3, 31);
const cx = createCatalog({ today: () => AS_OF }).context;

function sample(file: string): Range {
  const rows = Papa.parse<string[]>(readFileSync(join(__dirname, "..", "..", "samples", file), "utf8").trim(), { skipEmptyLines: true }).data;
  return rows.map((r, i) => r.map((c): CellValue => (i > 0 && /^-?\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
}

/** Each kind run on the shipped samples, with the vendor the breakdown needs. */
function run(kind: ReportKind): ReportSheet {
  const info = kindInfo(kind);
  const source = sample(({ tickets: "tickets.csv", contracts: "contracts.csv", risk: "risk.csv" } as Record<string, string>)[info.source.param] ?? "po-lines.csv");
  if (kind === "breakdown") {
    const vendor = String(source[1]![source[0]!.findIndex((h) => /vendor|supplier/i.test(String(h)))]);
    const grid = createCatalog({ today: () => AS_OF }).VENDORBREAKDOWN.call({ data: source, vendor, as_of: AS_OF });
    if (isCoreError(grid)) throw grid;
    return describeSheet(kind, grid as never);
  }
  const vendor = info.subject === "vendor" ? { vendor: String(source[1]![source[0]!.indexOf("Vendor")]) } : {};
  const r = buildReport({ kind, source, config: info.config?.defaults ?? [], calendar: info.calendar?.defaults ?? [], asOf: AS_OF, ...vendor }, cx);
  if (isCoreError(r)) throw r;
  return r;
}

describe("the report registry", () => {
  it.each(REPORT_KINDS)("%s: declares a format for every column its function spills", (kind) => {
    const sheet = run(kind);
    // "*" declares the format of the columns the data names (a trend's periods).
    const columns = kindInfo(kind).columns;
    // A sheet of blocks has a header row per table.
    const headers = sheet.blocks ? headerRows(sheet).flatMap((h) => sheet.values[h.row]!.slice(0, h.columns)) : sheet.values[0]!;
    const undeclared = headers.map(String).filter((h) => !(h in columns) && !("*" in columns));
    expect(undeclared).toEqual([]);
    expect(sheet.values.length).toBeGreaterThan(1);
  });

  it.each(REPORT_KINDS)("%s: names the parameters it fills, all declared by its function", (kind) => {
    const info = kindInfo(kind);
    const params = info.fn.params.map((p) => p.name);
    const filled = [info.source.param, ...Object.values(info.files), ...(info.config ? [info.config.param] : []), ...(info.calendar ? [info.calendar.param] : [])];
    expect(filled.filter((p) => !params.includes(p))).toEqual([]);
  });

  it("takes formats from the record, never from header words", () => {
    // "Rate" and "Share" in a header no longer make a column a percent: the record says what each is.
    const sheet = describeSheet("scorecard", [["Vendor", "Spend", "Lines", "Rate of fun"], ["Acme", 10, 1, 0.5]]);
    expect(sheet.formats).toEqual(["text", "currency", "integer", "text"]);
  });

  it.each([
    ["scorecard", "Score", true, "Grade", "D"],
    ["segments", "Score", true, "Grade", "D"],
    ["sla", "% of target", false, "Status", "breached"],
    ["contracts", undefined, false, "Status", "notice passed"],
  ] as const)("%s: colour scale on %s and red rows where %s is %s, from the record", (kind, scale, higher, column, equals) => {
    const sheet = run(kind);
    const header = sheet.values[0]!.map(String);
    expect(sheet.colorScale).toEqual(scale === undefined ? null : { column: header.indexOf(scale), higherIsBetter: higher });
    expect(sheet.redRule).toEqual({ column: header.indexOf(column), equals });
    for (const r of sheet.redRows) expect(String(sheet.values[r]![header.indexOf(column)]).toLowerCase()).toBe(equals.toLowerCase());
  });

  it("offers the pane the kinds that need no vendor, and the business review, whose vendor the pane asks for", () => {
    expect(PANE_KINDS).toEqual(["scorecard", "sla", "segments", "trends", "review", "contracts", "risk"]);
    expect(PANE_KINDS.filter((k) => kindInfo(k).subject === "vendor")).toEqual(["review"]);
    expect(REPORT_KINDS.filter((k) => !KIND_INFO[k].pane)).toEqual(["breakdown", "quality"]);
  });

  it("trends: one colour scale over the period columns, named by the data", () => {
    const sheet = run("trends");
    expect(sheet.values[0]).toEqual(["Vendor", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"]);
    expect(sheet.formats).toEqual(["text", ...Array(8).fill("number")]);
    expect(sheet.colorScale).toEqual({ column: 1, columns: 8, higherIsBetter: true });
    expect(sheet.redRule).toBeNull();
  });

  it("scorecard: standings with colours replace the red rule by one fill per standing", () => {
    const weights = [["on_time", 1], ["standing", "Low", 0, 50, "red", "block"], ["standing", "Mid", 50, 80], ["standing", "High", 80, 100, "#00AA00"]];
    const r = buildReport({ kind: "scorecard", source: sample("po-lines.csv"), config: weights, asOf: AS_OF }, cx);
    if (isCoreError(r)) throw r;
    const grade = r.values[0]!.indexOf("Grade");
    expect(r.redRule).toBeNull();
    expect(r.fillRules).toEqual([{ column: grade, equals: "Low", fill: "#C00000" }, { column: grade, equals: "High", fill: "#00AA00" }]);
    expect(r.formats.at(-1)).toBe("text");
    // The score bars take their standing's colour too ("" for a standing without one).
    const colour: Record<string, string> = { Low: "#C00000", Mid: "", High: "#00AA00" };
    expect(r.charts[0]!.series[0]!.pointColors).toEqual(r.values.slice(1).map((row) => colour[String(row[grade])]));
    expect(run("scorecard").fillRules).toEqual([]);
  });

  it("reads a kind from stored text and refuses anything else", () => {
    expect(reportKind("sla")).toBe("sla");
    expect(reportKind("constructor")).toBeUndefined();
    expect(reportKind("SLA")).toBeUndefined();
  });
});

describe("config validation reads the place from the problem", () => {
  it("highlights a bad weights row by its row number, with no message parsing", () => {
    const weights = [["kpi", "weight", "target", "floor"], ["on_time", 40, 0.95, 0.8], ["defect_rate", "lots", 0.01, 0.05]];
    expect(validateConfig("scorecard", weights, [], cx)).toEqual([{ table: "config", row: 2, column: 1, message: expect.stringContaining("weight") }]);
  });

  it("places a formula's problem in its cell, at its character, with the same parser the functions use", () => {
    const weights = [["kpi", "weight", "target", "floor", "formula"], ["on_time", 40, 0.95, 0.8, ""], ["Invoice accuracy", 10, 0.99, 0.9, "share([Invoice OK]"]];
    expect(validateConfig("scorecard", weights, [], cx)).toEqual([{ table: "config", row: 2, column: 4, position: 19, message: "Weights row 3, formula at 19: expected `)`" }]);
  });

  it("places a calendar problem in the calendar table and a policy problem in the policy table", () => {
    const policy = KIND_INFO.sla.config.defaults;
    expect(validateConfig("sla", policy, [["workdays", "Mon-Fri"], ["hours", "25:00-26:00"]], cx)).toEqual([{ table: "calendar", row: 1, column: expect.any(Number), message: expect.any(String) }]);
    expect(validateConfig("sla", [["P1", "soon"]], [], cx)).toEqual([{ table: "config", row: 0, column: expect.any(Number), message: expect.any(String) }]);
  });

  it("finds nothing wrong with every kind's defaults", () => {
    for (const k of PANE_KINDS) expect(validateConfig(k, kindInfo(k).config?.defaults ?? [], kindInfo(k).calendar?.defaults ?? [], cx)).toEqual([]);
  });
});
