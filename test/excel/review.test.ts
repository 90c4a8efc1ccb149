import { readFileSync } from "node:fs";
import { join } from "node:path";
import { KIND_INFO, type ReportKind } from "../../core/report";
import { ExcelHost } from "../../excel-addin/host";
import { officeGlobals } from "../../doubles/excel/api";
import { findSheet, type SheetModel } from "../../doubles/excel/model";
import { SAMPLE_AS_OF, sampleWorkbook } from "../../preview/sample";
import type { ResultGrid } from "../../core";

const load = (f: string) => readFileSync(join(__dirname, "..", "..", "samples", f), "utf8");
const NOW = new Date("2025-04-01T08:00:00Z");
const LAST_ROW = 1_048_575;

/** The default weights of a kind without its period rows, then `extra` rows. */
function weights(kind: ReportKind, extra: ResultGrid): ResultGrid {
  const base = (KIND_INFO[kind] as { config: { defaults: ResultGrid } }).config.defaults.filter((r) => r[0] !== "period" && r[0] !== "history");
  return [...base, ...extra];
}

/** A report generated from the sample purchase-order lines (January to March 2025) in the in-memory Excel workbook. */
async function generate(kind: ReportKind, config: ResultGrid): Promise<SheetModel> {
  const wb = sampleWorkbook(load("po-lines.csv"), load("tickets.csv"));
  const host = new ExcelHost(officeGlobals(wb).Excel.run as never, { now: () => NOW });
  const r = await host.generate({ kind, source: { type: "range", sheet: "PO lines", address: "A1:N41" }, config, calendar: [], asOf: SAMPLE_AS_OF, output: kind });
  expect(r).toMatchObject({ ok: true });
  return findSheet(wb, kind)!;
}

const header = (s: SheetModel) => s.values[0]!.filter((h) => h !== "").map(String);
const rows = (s: SheetModel) => s.values.slice(1).filter((r) => r[0] !== "" && r[0] !== undefined);

describe("the Trends report in Excel", () => {
  it("writes VENDORTRENDS as a heat map: one colour scale over every period column, scores formatted, best first in the last period", async () => {
    const out = await generate("trends", weights("trends", [["period", "month", "", ""], ["history", 3, "", ""]]));
    expect(header(out)).toEqual(["Vendor", "2025-01", "2025-02", "2025-03"]);
    expect(out.formats[1]!.slice(0, 4)).toEqual(["General", "0.0", "0.0", "0.0"]);
    const scales = out.conditionalFormats.filter((c) => c.type === "ColorScale");
    expect(scales).toHaveLength(1);
    // One scale over the block: a cell is coloured against every period's scores, not its column's alone.
    expect(scales[0]!.rect).toEqual({ r0: 1, c0: 1, r1: LAST_ROW, c1: 3 });
    expect(scales[0]).toMatchObject({ criteria: { minimum: { color: "#F8696B" }, maximum: { color: "#63BE7B" } } });
    const march = rows(out).map((r) => r[3]).filter((v): v is number => typeof v === "number");
    expect(march).toEqual([...march].sort((a, b) => b - a));
    expect(rows(out)).toHaveLength(5);
    expect(out.charts).toHaveLength(0);
    expect(out.frozenRows).toBe(1);
  });

  it("defaults to the last eight quarters", async () => {
    const out = await generate("trends", KIND_INFO.trends.config.defaults as ResultGrid);
    expect(header(out)).toEqual(["Vendor", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1"]);
    expect(out.conditionalFormats.find((c) => c.type === "ColorScale")!.rect).toMatchObject({ c0: 1, c1: 8 });
  });
});

describe("the scorecard report with periods and standings in Excel", () => {
  const ERPNEXT = [
    ["standing", "Very Poor", 0, 30, "red", "block"],
    ["standing", "Poor", 30, 50, "yellow", "warn"],
    ["standing", "Average", 50, 80, "green", ""],
    ["standing", "Excellent", 80, 100, "blue", ""],
  ];

  it("colours each row by its standing's colour instead of the grade-D red, and ends with the Action column", async () => {
    const out = await generate("scorecard", weights("scorecard", ERPNEXT));
    const h = header(out);
    expect(h.at(-1)).toBe("Action");
    const grade = String.fromCharCode(65 + h.indexOf("Grade"));
    const rules = out.conditionalFormats.filter((c) => c.type === "Custom");
    expect(rules.map((c) => [(c as { formula: string }).formula, (c as { fill: string }).fill])).toEqual([
      [`=$${grade}2="Very Poor"`, "#C00000"],
      [`=$${grade}2="Poor"`, "#FFC000"],
      [`=$${grade}2="Average"`, "#70AD47"],
      [`=$${grade}2="Excellent"`, "#4472C4"],
    ]);
    for (const r of rows(out)) expect(["Very Poor", "Poor", "Average", "Excellent"]).toContain(r[h.indexOf("Grade")]);
  });

  it("with a period row, adds Previous score, Change and Overall, formatted as scores", async () => {
    const out = await generate("scorecard", weights("scorecard", [["period", "month", "", ""]]));
    const h = header(out);
    expect(h.slice(-4)).toEqual(["Rank", "Previous score", "Change", "Overall"]);
    expect(out.formats[1]!.slice(h.length - 3, h.length)).toEqual(["0.0", "0.0", "0.0"]);
  });
});
