import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ExcelHost } from "../../excel-addin/host";
import { officeGlobals } from "../../doubles/excel/api";
import { findSheet, setCell, type SheetModel, type WorkbookModel } from "../../doubles/excel/model";
import { SAMPLE_AS_OF, sampleWorkbook } from "../../preview/sample";
import { ATTENTION, AT, PERIOD_ROWS, REVIEW_VENDOR, REVIEW_WEIGHTS, TITLE_BLOCK, round4 } from "../helpers/review";

const load = (f: string) => readFileSync(join(__dirname, "..", "..", "samples", f), "utf8");
const NOW = new Date("2025-04-01T08:00:00Z");

async function generate(): Promise<{ wb: WorkbookModel; host: ExcelHost; out: SheetModel }> {
  const wb = sampleWorkbook(load("po-lines.csv"), load("tickets.csv"));
  const host = new ExcelHost(officeGlobals(wb).Excel.run as never, { now: () => NOW });
  const r = await host.generate({ kind: "review", source: { type: "range", sheet: "PO lines", address: "A1:N41" }, vendor: REVIEW_VENDOR, config: REVIEW_WEIGHTS, calendar: [], asOf: SAMPLE_AS_OF, output: "Review Delta" });
  expect(r).toMatchObject({ ok: true });
  return { wb, host, out: findSheet(wb, "Review Delta")! };
}

const row = (s: SheetModel, r: number) => (s.values[r] ?? []).map(round4);
const trendHeader = (s: SheetModel) => s.values[AT.trendHeader]!.map(String);
const col = (s: SheetModel, name: string) => trendHeader(s).indexOf(name);

describe("the business review in Excel", () => {
  it("writes the title block: vendor, period, score, standing and its action", async () => {
    const { out } = await generate();
    TITLE_BLOCK.forEach((cells, r) => expect(row(out, r).slice(0, cells.length)).toEqual(cells));
    expect(out.bold[AT.title]?.[0]).toBe(true);
    expect(out.formats[3]![1]).toBe("0.0");
  });

  it("writes the KPIs by period for the last `history` periods, each change with its arrow, formatted by column", async () => {
    const { out } = await generate();
    expect(trendHeader(out)).toEqual(["Period", "Start", "End", "Lines", "Spend", "On time", "In full", "OTIF", "Defect rate", "Price variance", "Lead time (days)", "Score", "Grade", "Change", "Trend"]);
    const pick = ["Period", "Lines", "Score", "Grade", "Change", "Trend"].map((n) => col(out, n));
    PERIOD_ROWS.forEach((want, i) => expect(pick.map((c) => round4(out.values[AT.firstPeriod + i]![c]))).toEqual(want));
    // The header row is styled as a table header; the rows below carry their columns' formats.
    expect(out.bold[AT.trendHeader]!.slice(0, 15).every(Boolean)).toBe(true);
    expect(out.fills[AT.trendHeader]![0]).toBe("#1F4E78");
    const f = out.formats[AT.lastPeriod]!;
    expect([f[col(out, "Start")], f[col(out, "Spend")], f[col(out, "On time")], f[col(out, "Score")], f[col(out, "Lines")]]).toEqual(["yyyy-mm-dd", "#,##0.00", "0.0%", "0.0", "0"]);
    expect(out.formats[AT.trendHeader]![col(out, "Start")]).toBe("General");
  });

  it("draws the score over the periods as a line chart reading the table's own Period and Score cells", async () => {
    const { out } = await generate();
    expect(out.charts).toHaveLength(1);
    const [chart] = out.charts;
    expect(chart).toMatchObject({ type: "LineMarkers", title: "Delta Plastics: score by period", plotVisibleOnly: true });
    const rows = { r0: AT.firstPeriod, r1: AT.lastPeriod };
    expect(chart!.series).toHaveLength(1);
    expect(chart!.series[0]).toMatchObject({ name: "Score", values: { ...rows, c0: col(out, "Score"), c1: col(out, "Score") }, xValues: { ...rows, c0: 0, c1: 0 } });
    // Nothing visible right of the widest block: no helper cells beside the table.
    const width = trendHeader(out).length;
    for (const r of out.values) expect(r.slice(width).filter((v) => v !== "" && v !== undefined)).toEqual([]);
    expect(out.hiddenColumns.some(Boolean)).toBe(false);
  });

  it("writes the current period's breakdown and what needs attention, with values", async () => {
    const { out } = await generate();
    expect(out.values[AT.breakdownHeader - 1]![0]).toBe("Breakdown, 2025-03");
    expect(out.values[AT.breakdownHeader]!.slice(0, 9)).toEqual(["KPI", "Value", "Target", "Floor", "Weight", "KPI score", "Contribution", "Weight share", "Note"]);
    expect(out.values[AT.attentionTitle]![0]).toBe("Needs attention");
    expect(out.values[AT.attentionHeader]!.slice(0, 5)).toEqual(["KPI", "Value", "Target", "Floor", "Misses"]);
    const listed = out.values.slice(AT.attentionHeader + 1).filter((r) => r[0] !== "").map((r) => [r[0], round4(r[1]), r[4]]);
    expect(listed).toEqual(ATTENTION.map(([k, v, m]) => [k, round4(v), m]));
    // A KPI's value, target and floor read in its own format (On time as a percent), weights as numbers.
    expect(out.formats[AT.breakdownHeader + 1]!.slice(0, 8)).toEqual(["General", "0.0%", "0.0%", "0.0%", "0.0", "0.0", "0.0", "0.0%"]);
    expect(out.formats[AT.attentionHeader + 1]!.slice(0, 5)).toEqual(["General", "0.0%", "0.0%", "0.0%", "General"]);
  });

  it("refreshes from the data as it is now, and a failed refresh keeps the last good sheet", async () => {
    const { wb, host, out } = await generate();
    const po = findSheet(wb, "PO lines")!;
    const h = po.values[0]!.map(String);
    const [vendor, promised, delivered] = ["Vendor", "Promised Date", "Delivered Date"].map((n) => h.indexOf(n));
    // Every March line of Delta Plastics delivered on its promised day: on time climbs to 1.
    po.values.forEach((r, i) => i > 0 && r[vendor] === REVIEW_VENDOR && setCell(po.values, i, delivered!, r[promised!]!, po.formats[i]?.[promised!] ?? "yyyy-mm-dd"));
    expect((await host.refreshAll()).ok).toBe(true);
    const onTime = col(out, "On time");
    expect(out.values[AT.lastPeriod]![onTime]).toBe(1);
    const good = out.values.map((r) => [...r]);
    // Now the vendor is gone from the data: the refresh fails and says why; the sheet is as it was.
    po.values.forEach((r, i) => i > 0 && r[vendor] === REVIEW_VENDOR && setCell(po.values, i, vendor!, "Someone Else", "General"));
    const failed = await host.refreshAll();
    expect(failed.ok).toBe(false);
    expect(failed.message).toMatch(/Delta Plastics/);
    expect(out.values).toEqual(good);
    expect((await host.listReports())[0]!.lastError).toMatch(/Delta Plastics/);
  });

  it("is not generated without a vendor, and says to choose one", async () => {
    const wb = sampleWorkbook(load("po-lines.csv"), load("tickets.csv"));
    const host = new ExcelHost(officeGlobals(wb).Excel.run as never, { now: () => NOW });
    const r = await host.generate({ kind: "review", source: { type: "range", sheet: "PO lines", address: "A1:N41" }, config: REVIEW_WEIGHTS, calendar: [], asOf: SAMPLE_AS_OF, output: "Review" });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/choose the vendor/) });
    expect(findSheet(wb, "Review")).toBeUndefined();
  });
});
