import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GRADE_COLORS, KIND_INFO, type ReportKind } from "../../core/report";
import { ExcelHost } from "../../excel-addin/host";
import { officeGlobals } from "../../doubles/excel/api";
import { findSheet, setCell, type Rect, type SheetModel, type WorkbookModel } from "../../doubles/excel/model";
import { refreshAll } from "../../excel-addin/office-script/refresh";
import { scriptWorkbook } from "../../doubles/excel/script";
import { SAMPLE_AS_OF, sampleWorkbook } from "../../preview/sample";

const load = (f: string) => readFileSync(join(__dirname, "..", "..", "samples", f), "utf8");
const NOW = new Date("2025-04-01T08:00:00Z");

/** The sample workbook, optionally with one vendor's supply risk blanked ("*": every vendor's), and a report generated in it. */
async function generate(kind: ReportKind, options: { blankRiskOf?: string } = {}): Promise<{ wb: WorkbookModel; out: SheetModel }> {
  const wb = sampleWorkbook(load("po-lines.csv"), load("tickets.csv"));
  const po = findSheet(wb, "PO lines")!;
  if (options.blankRiskOf) {
    const vendor = po.values[0]!.indexOf("Vendor"), risk = po.values[0]!.indexOf("Supply Risk");
    po.values.forEach((row, r) => r > 0 && (options.blankRiskOf === "*" || row[vendor] === options.blankRiskOf) && setCell(po.values, r, risk, "", ""));
  }
  const host = new ExcelHost(officeGlobals(wb).Excel.run as never, { now: () => NOW });
  const info = KIND_INFO[kind];
  const source = kind === "sla" ? { type: "range" as const, sheet: "Tickets", address: "A:Z" } : { type: "range" as const, sheet: "PO lines", address: "A1:N41" };
  const r = await host.generate({ kind, source, config: "config" in info ? info.config.defaults : [], calendar: "calendar" in info ? info.calendar.defaults : [], asOf: SAMPLE_AS_OF, output: kind });
  expect(r).toMatchObject({ ok: true });
  return { wb, out: findSheet(wb, kind)! };
}

const header = (s: SheetModel) => s.values[0]!.map(String);
const width = (s: SheetModel) => header(s).indexOf("") < 0 ? header(s).length : header(s).indexOf("");
const tableRows = (s: SheetModel) => s.values.filter((row) => row[0] !== "" && row[0] !== undefined).length;
const cells = (s: SheetModel, r: Rect) => s.values.slice(r.r0, r.r1 + 1).flatMap((row) => row.slice(r.c0, r.c1 + 1));
/** The data rows of one table column, as a series reads it. */
const column = (s: SheetModel, name: string): Rect => ({ r0: 1, r1: tableRows(s) - 1, c0: header(s).indexOf(name), c1: header(s).indexOf(name) });
/** No value in a visible cell right of the table. */
function nothingVisibleBeside(s: SheetModel): void {
  const w = width(s);
  s.values.forEach((row) => row.forEach((v, c) => c >= w && v !== "" && expect({ column: c, hidden: s.hiddenColumns[c] === true }).toEqual({ column: c, hidden: true })));
}

describe("charts on the Excel report sheets", () => {
  it("draws the scorecard's Score by vendor bars from its own Vendor and Score columns, in rank order, first at the top, each bar in its grade's colour", async () => {
    const { out } = await generate("scorecard");
    expect(out.charts).toHaveLength(1);
    const [chart] = out.charts;
    expect(chart).toMatchObject({ type: "BarClustered", title: "Score by vendor", reversePlotOrder: true });
    expect(chart!.series).toHaveLength(1);
    const s = chart!.series[0]!;
    expect(s).toMatchObject({ name: "Score", values: column(out, "Score"), xValues: column(out, "Vendor") });
    const scores = cells(out, s.values) as number[];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const grades = cells(out, column(out, "Grade")).map(String);
    expect(s.pointColors).toEqual(grades.map((g) => GRADE_COLORS[g]));
    expect(new Set(s.pointColors).size).toBeGreaterThan(1);
    nothingVisibleBeside(out);
  });

  it("draws the segments' ABC Pareto (Spend bars, Cumulative share as a line on the secondary axis) from the table's own columns", async () => {
    const { out } = await generate("segments");
    const pareto = out.charts.find((c) => c.title.startsWith("ABC Pareto"))!;
    expect(pareto.type).toBe("ColumnClustered");
    expect(pareto.series.map((s) => [s.name, s.chartType, s.axisGroup])).toEqual([["Spend", "ColumnClustered", "Primary"], ["Cumulative share", "Line", "Secondary"]]);
    expect(pareto.series.map((s) => s.values)).toEqual([column(out, "Spend"), column(out, "Cumulative share")]);
    for (const s of pareto.series) expect(s.xValues).toEqual(column(out, "Vendor"));
    const spend = cells(out, column(out, "Spend")) as number[];
    expect(spend).toEqual([...spend].sort((a, b) => b - a));
    expect(pareto.axisTitles).toMatchObject({ value: "Spend", value2: "Cumulative share" });
    nothingVisibleBeside(out);
  });

  it("draws the Kraljic matrix as a scatter of supply risk by spend share, one labelled point per vendor with a supply risk, quadrants named", async () => {
    const { out } = await generate("segments", { blankRiskOf: "Acme Metals" });
    const kraljic = out.charts.find((c) => c.type === "XYScatter")!;
    expect(kraljic.title).toMatch(/Kraljic.*Strategic.*Leverage.*Bottleneck.*Non-critical/);
    expect(kraljic.axisTitles).toMatchObject({ category: expect.stringMatching(/Profit impact/), value: expect.stringMatching(/Supply risk/) });
    const [s] = kraljic.series;
    expect(s).toMatchObject({ values: column(out, "Supply risk"), xValues: column(out, "Spend share") });
    const vendors = cells(out, column(out, "Vendor")).map(String);
    const risks = cells(out, column(out, "Supply risk"));
    const quadrants = cells(out, column(out, "Kraljic")).map(String);
    const withRisk = vendors.filter((_, i) => typeof risks[i] === "number");
    expect(withRisk).not.toContain("Acme Metals");
    expect(withRisk.length).toBe(vendors.length - 1);
    const labelled = s!.pointLabels.map((l, i) => (l ? vendors[i] : undefined)).filter(Boolean);
    expect(labelled).toEqual(withRisk);
    s!.pointLabels.forEach((l, i) => l && expect(l).toBe(`${vendors[i]} · ${quadrants[i]}`));
    nothingVisibleBeside(out);
  });

  it("draws no Kraljic matrix when no vendor has a supply risk, and keeps the Pareto", async () => {
    const { out } = await generate("segments", { blankRiskOf: "*" });
    expect(out.charts.map((c) => c.type)).toEqual(["ColumnClustered"]);
    nothingVisibleBeside(out);
  });

  it("puts the SLA breaches per vendor in hidden helper columns, plotted though hidden, and nothing in visible cells beside the table", async () => {
    const { out } = await generate("sla");
    const [chart] = out.charts;
    expect(chart).toMatchObject({ type: "BarClustered", title: "Breached tickets by vendor", plotVisibleOnly: false });
    const s = chart!.series[0]!;
    expect(s.values.c0).toBeGreaterThan(width(out));
    for (const c of [s.values.c0, s.xValues!.c0]) expect(out.hiddenColumns[c]).toBe(true);
    expect(out.values[0]![s.values.c0]).toBe("Breaches");
    nothingVisibleBeside(out);
  });

  it("autofits the table's columns only", async () => {
    const { out } = await generate("sla");
    const w = width(out);
    expect(out.columnWidths.slice(0, w).every((x) => x > 0)).toBe(true);
    expect(out.columnWidths.slice(w).filter((x) => x !== undefined)).toEqual([]);
  });

  it("fits each column to the text it shows, not the value behind it: Score (79.583... shown as 79.6) and On time (a share shown as a percentage) are as wide as their headers", async () => {
    const { out } = await generate("scorecard");
    const at = (name: string) => out.columnWidths[header(out).indexOf(name)];
    expect(out.formats[1]![header(out).indexOf("Score")]).toBe("0.0");
    expect(cells(out, column(out, "Score")).some((v) => String(v).length > 5)).toBe(true);
    // 7 px a character and 10 px of margin: "Score" is 5 characters, "On time" 7.
    expect([at("Score"), at("On time")]).toEqual([5 * 7 + 10, 7 * 7 + 10]);
  });

  it("rewrites, in a refresh while closed, the helper block where the add-in put it, and writes nothing beside a table whose charts read its own columns", async () => {
    const { wb, out } = await generate("scorecard");
    const sla = await generate("sla");
    for (const [book, sheet] of [[wb, out], [sla.wb, sla.out]] as const) {
      const before = JSON.stringify(sheet.values);
      const hidden = JSON.stringify(sheet.hiddenColumns);
      expect(refreshAll(scriptWorkbook(book), NOW)).toMatch(/^Refreshed 1 report/);
      expect(JSON.stringify(sheet.values)).toBe(before);
      expect(JSON.stringify(sheet.hiddenColumns)).toBe(hidden);
      nothingVisibleBeside(sheet);
    }
  });
});
