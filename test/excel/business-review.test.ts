import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ExcelHost } from "../../excel-addin/host";
import { officeGlobals } from "../../doubles/excel/api";
import { findSheet, setCell, type SheetModel, type WorkbookModel } from "../../doubles/excel/model";
import { SAMPLE_AS_OF, addCsvSheet, sampleWorkbook } from "../../preview/sample";
import { ATTENTION, AT, PERIOD_ROWS, REVIEW_VENDOR, REVIEW_WEIGHTS, TITLE_BLOCK, round4, tieredCsv } from "../helpers/review";

const load = (f: string) => readFileSync(join(__dirname, "..", "..", "samples", f), "utf8");
const NOW = new Date("2025-04-01T08:00:00Z");

async function generate(): Promise<{ wb: WorkbookModel; host: ExcelHost; out: SheetModel }> {
  const wb = sampleWorkbook(load("po-lines.csv"), load("tickets.csv"));
  const host = new ExcelHost(officeGlobals(wb).Excel.run as never, { now: () => NOW });
  const r = await host.generate({ kind: "review", source: { type: "range", sheet: "PO lines", address: "A1:N41" }, vendor: REVIEW_VENDOR, config: REVIEW_WEIGHTS, calendar: [], asOf: SAMPLE_AS_OF, output: "Review Delta" });
  expect(r).toMatchObject({ ok: true });
  // The message says what the review found, not how many rows its blocks take.
  expect(r.message).toBe('Business review written to "Review Delta". 2025-03: Very Poor (block).');
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

describe("business reviews for every vendor of a tier or standing in Excel", () => {
  async function byGroup(group: { by: "standing" | "tier"; name: string }, csv?: string) {
    const wb = sampleWorkbook(load("po-lines.csv"), load("tickets.csv"));
    if (csv) addCsvSheet(wb, "Tiered", csv);
    const host = new ExcelHost(officeGlobals(wb).Excel.run as never, { now: () => NOW });
    const source = csv ? { type: "range" as const, sheet: "Tiered", address: "A1:K33" } : { type: "range" as const, sheet: "PO lines", address: "A1:N41" };
    const r = await host.generate({ kind: "review", source, group, config: REVIEW_WEIGHTS, calendar: [], asOf: SAMPLE_AS_OF, output: "Reviews" });
    return { wb, host, r };
  }

  it("writes one sheet per vendor of the tier, at most 25, and says how many were left out", async () => {
    const { wb, r } = await byGroup({ by: "tier", name: "Key" }, tieredCsv());
    expect(r).toMatchObject({ ok: true, notice: '30 vendors have the tier "Key": the first 25 by name have a review sheet, 5 do not.' });
    const reviews = wb.sheets.filter((s) => /^Vendor \d\d review$/.test(s.name));
    expect(reviews.map((s) => s.name)).toEqual(Array.from({ length: 25 }, (_, i) => `Vendor ${String(i + 1).padStart(2, "0")} review`));
    for (const s of reviews) {
      // Each sheet its vendor's, with the tier in its title block and its own line chart over its own cells.
      const vendor = s.name.replace(/ review$/, "");
      expect(s.values.slice(1, 2)[0]!.slice(0, 2)).toEqual(["Vendor", vendor]);
      expect(s.values.find((row) => row[0] === "Tier")!.slice(0, 2)).toEqual(["Tier", "Key"]);
      expect(s.charts).toHaveLength(1);
      const header = s.values.findIndex((row) => row[0] === "Period" && row[1] === "Start");
      const score = s.values[header]!.indexOf("Score");
      expect(s.charts[0]!).toMatchObject({ type: "LineMarkers", series: [{ values: { r0: header + 1, r1: header + 4, c0: score, c1: score } }] });
      expect(s.values[header + 4]![score]).toBe(100);
    }
  });

  it("writes the vendors of a standing this period; a refresh that finds none fails and keeps the sheets", async () => {
    const { wb, host, r } = await byGroup({ by: "standing", name: "very poor" });
    expect(r).toMatchObject({ ok: true });
    const pages = () => wb.sheets.filter((s) => s.name.endsWith(" review")).map((s) => s.name);
    // Delta Plastics alone scores under 30 in March (18.81).
    expect(pages()).toEqual(["Delta Plastics review"]);
    const good = findSheet(wb, "Delta Plastics review")!.values.map((row) => [...row]);
    expect(good.find((row) => row[0] === "Standing")![1]).toBe("Very Poor");
    // Its March lines all on time and in full at the contract price: it leaves Very Poor, and no vendor is left.
    const po = findSheet(wb, "PO lines")!;
    const h = po.values[0]!.map(String);
    const [vendor, promised, delivered, ordered, received, rejected, unit, contract] = ["Vendor", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty", "Rejected Qty", "Unit Price", "Contract Price"].map((n) => h.indexOf(n)) as number[];
    po.values.forEach((row, i) => {
      if (i === 0 || row[vendor!] !== REVIEW_VENDOR) return;
      setCell(po.values, i, delivered!, row[promised!]!, "");
      setCell(po.values, i, received!, row[ordered!]!, "");
      setCell(po.values, i, rejected!, 0, "");
      setCell(po.values, i, unit!, row[contract!]!, "");
    });
    const failed = await host.refreshAll();
    expect(failed).toMatchObject({ ok: false, message: expect.stringMatching(/No vendor has the standing "very poor" this period \(the data has "Excellent", "Average"\)/) });
    expect(pages()).toEqual(["Delta Plastics review"]);
    expect(findSheet(wb, "Delta Plastics review")!.values).toEqual(good);
  });

  it("refreshes as vendors move in and out of the tier: a vendor keeps its sheet, a newcomer gets one, a leaver's is deleted, and all go with the report", async () => {
    const { wb, host, r } = await byGroup({ by: "tier", name: "Transactional" }, tieredCsv());
    expect(r).toMatchObject({ ok: true });
    const pages = () => wb.sheets.filter((s) => s.name.endsWith(" review")).map((s) => s.name);
    expect(pages()).toEqual(["Vendor 31 review", "Vendor 32 review"]);
    const kept = findSheet(wb, "Vendor 32 review")!.id;
    const tiered = findSheet(wb, "Tiered")!;
    const tier = tiered.values[0]!.indexOf("Tier");
    setCell(tiered.values, 1, tier, "Transactional", "");
    setCell(tiered.values, 31, tier, "Key", "");
    expect(await host.refreshAll()).toMatchObject({ ok: true });
    expect(pages().sort()).toEqual(["Vendor 01 review", "Vendor 32 review"]);
    expect(findSheet(wb, "Vendor 32 review")!.id).toBe(kept);
    const id = (await host.listReports())[0]!.id;
    expect((await host.deleteReport(id, true)).ok).toBe(true);
    expect(pages()).toEqual([]);
  });

  it("switching a report between one vendor and a group leaves no sheet of it behind", async () => {
    const { wb, host, r } = await byGroup({ by: "tier", name: "Transactional" }, tieredCsv());
    const marked = () => wb.sheets.filter((s) => s.customProperties?.["vendorscore.report"]?.startsWith(`${r.reportId}@`)).map((s) => s.name);
    expect(marked()).toEqual(["Vendor 31 review", "Vendor 32 review"]);
    const base = { id: r.reportId!, kind: "review" as const, source: { type: "range" as const, sheet: "Tiered", address: "A1:K33" }, config: REVIEW_WEIGHTS, calendar: [], asOf: SAMPLE_AS_OF, output: "Reviews" };
    expect(await host.generate({ ...base, vendor: "Vendor 05" })).toMatchObject({ ok: true });
    // The report's first sheet now holds Vendor 05's review; the other is gone.
    expect(marked()).toEqual(["Vendor 31 review"]);
    expect(findSheet(wb, "Vendor 31 review")!.values[1]!.slice(0, 2)).toEqual(["Vendor", "Vendor 05"]);
    expect(await host.generate({ ...base, group: { by: "tier", name: "Transactional" } })).toMatchObject({ ok: true });
    expect(marked().sort()).toEqual(["Vendor 31 review", "Vendor 32 review"]);
    expect(findSheet(wb, "Vendor 31 review")!.values[1]!.slice(0, 2)).toEqual(["Vendor", "Vendor 31"]);
  });

  it("says which standings there are when no vendor has the one asked for, and writes nothing", async () => {
    const { wb, r } = await byGroup({ by: "standing", name: "Gold" });
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/No vendor has the standing "Gold" this period \(the data has .*"Very Poor"/) });
    expect(wb.sheets.filter((s) => s.name.endsWith(" review"))).toEqual([]);
  });
});

describe("the business review's SLA part in Excel", () => {
  /**
   * Delta Plastics' six sample tickets, all opened in March 2025, under the default policy (P1 4 h
   * round the clock, P2 8 h, P3 24 h, P4 40 h in business hours, Mon-Fri 09:00-17:00), as of 31 March:
   * INC-2008 (P3, 21.75 business hours), INC-2023 (P3, 8 h) and INC-2028 (P4, opened and resolved on
   * a Sunday, 0 h) met; INC-2013 (P1, 50 h) and INC-2018 (P1, 41.9 h) breached, and INC-2003 (P2,
   * still open after more than 8 business hours) too. Compliance 3 / 6 = 50%; none in February.
   */
  it("adds compliance this period and the last, this period's breaches by priority and open tickets at risk", async () => {
    const wb = sampleWorkbook(load("po-lines.csv"), load("tickets.csv"));
    const host = new ExcelHost(officeGlobals(wb).Excel.run as never, { now: () => NOW });
    const r = await host.generate({ kind: "review", source: { type: "range", sheet: "PO lines", address: "A1:N41" }, tickets: { type: "range", sheet: "Tickets", address: "A:F" }, vendor: REVIEW_VENDOR, config: REVIEW_WEIGHTS, calendar: [], asOf: SAMPLE_AS_OF, output: "Review" });
    expect(r).toMatchObject({ ok: true });
    const out = findSheet(wb, "Review")!;
    const at = (title: string) => out.values.findIndex((row) => row[0] === title);
    const c = at("SLA compliance");
    expect(out.values.slice(c + 1, c + 4).map((row) => row.slice(0, 5))).toEqual([
      ["Period", "Tickets opened", "Met", "Breached", "Compliance"],
      ["2025-02", 0, 0, 0, ""],
      ["2025-03", 6, 3, 3, 0.5],
    ]);
    expect(out.formats[c + 3]!.slice(0, 5)).toEqual(["General", "0", "0", "0", "0.0%"]);
    const b = at("Breaches by priority, 2025-03");
    expect(out.values.slice(b + 1, b + 4).map((row) => row.slice(0, 2))).toEqual([["Priority", "Breaches"], ["P1", 2], ["P2", 1]]);
    expect(out.values[at("Open tickets at risk") + 1]![0]).toBe("No open ticket is at risk.");
    // The ticket source is stored with the report: a refresh reads it again.
    expect((await host.refreshAll()).ok).toBe(true);
    expect(out.values[c + 3]![4]).toBe(0.5);
  });
});
