/// <reference lib="dom" />
/**
 * The Excel task pane as a user drives it: the built preview page (the real task-pane bundle
 * over the in-memory workbook) in headless Chromium. Selects sample data, generates each
 * report, checks what lands in the workbook, edits a source cell, refreshes, and tries bad input.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { CoreError, isCoreError } from "../../core";
import { buildReport, kindInfo, parseDefinition, type ReportKind, type ReportSheet } from "../../core/report";
import { catalog } from "../helpers/sheet";
import { choose, configCell } from "../helpers/fluent";
import { findSheet, readValues, usedRect } from "../../doubles/excel/model";
import { SAMPLE_AS_OF, sampleWorkbook } from "../../preview/sample";
import { ARTIFACTS, PO_CSV, TICKETS_CSV, previewPages } from "../helpers/preview-page";

jest.setTimeout(60_000);

const session = previewPages();
let page: Page;
beforeEach(() => {
  page = session.page;
});


/** The sample sheets as the in-memory workbook holds them (typed numbers and date serials). */
function sampleGrid(sheet: "PO lines" | "Tickets"): unknown[][] {
  const wb = sampleWorkbook(PO_CSV, TICKETS_CSV);
  const s = findSheet(wb, sheet)!;
  return readValues(s, usedRect(s, true)!);
}

function expected(kind: ReportKind, source: unknown[][]): ReportSheet {
  const info = kindInfo(kind);
  const r = buildReport({ kind, source: source as never, config: info.config?.defaults ?? [], calendar: info.calendar?.defaults ?? [], asOf: SAMPLE_AS_OF }, catalog.context);
  if (r instanceof CoreError) throw r;
  return r;
}

type Rect = { r0: number; c0: number; r1: number; c1: number };
type SheetView = {
  values: unknown[][]; formats: string[][]; frozenRows: number; headerFill: string; headerBold: boolean; visibility: string; id: string;
  conditionalFormats: { type: string; rect: { r0: number; c0: number; r1: number; c1: number }; formula?: string; fill?: string; criteria?: unknown }[];
  charts: { name: string; type: string; title: string; source: Rect; series: { values: Rect; xValues: Rect | null; pointColors: string[] }[] }[];
};

const sheet = (name: string) => page.evaluate((n) => (globalThis as never as { vsPreview: { sheet(n: string): unknown } }).vsPreview.sheet(n), name) as Promise<SheetView | null>;
/** Selects a range in the workbook and takes it as the pane's source, as a user does with "Use selection". */
async function select(name: string, address: string): Promise<void> {
  await page.evaluate(([n, a]) => (globalThis as never as { vsPreview: { select(n: string, a: string): void } }).vsPreview.select(n!, a!), [name, address]);
  await page.click("#vs-use-selection");
  await page.waitForFunction((a) => (document.querySelector("#vs-selection")?.textContent ?? "").includes(a), address);
}
const workbookState = () => page.evaluate(() => {
  const m = (globalThis as never as { vsPreview: { model: { sheets: unknown[]; tables: unknown[] } } }).vsPreview.model;
  return JSON.stringify({ sheets: m.sheets, tables: m.tables });
});
const syncLog = () => page.evaluate(() => [...(globalThis as never as { vsPreview: { runLog: number[] } }).vsPreview.runLog]);

async function fillForm(kind: ReportKind, output: string): Promise<void> {
  // A new report each time: after Generate the pane edits the report it made.
  if (await page.isVisible("#vs-new-report")) await page.click("#vs-new-report");
  await choose(page, "#vs-kind", kind);
  await page.fill("#vs-asof-date", "2025-03-31");
  await page.check("#vs-asof-fixed");
  await page.fill("#vs-output input", output);
}

/** Clicks Generate and waits until the pane has shown the result and re-listed the reports. */
async function generate(): Promise<string> {
  await page.click("#vs-generate");
  await page.waitForFunction(() => (document.querySelector("#vs-message")?.textContent ?? "") !== "" && !document.querySelector(".vs-panel[aria-busy]"));
  await page.waitForTimeout(50);
  return (await page.textContent("#vs-message")) ?? "";
}

async function registry(): Promise<unknown[][]> {
  return (await sheet("vendorscore"))?.values ?? [];
}

function dataBlock(v: SheetView, width: number): unknown[][] {
  return v.values.map((r) => r.slice(0, width)).filter((r) => r.some((c) => c !== ""));
}

describe("generating reports from the task pane", () => {
  it("writes the scorecard of a selected range: values, formats, colour scale, red grade D rows, frozen header, chart and stored definition", async () => {
    await select("PO lines", "A1:N41");
    await fillForm("scorecard", "Scorecard");
    expect(await generate()).toMatch(/Vendor scorecard written to "Scorecard" \(5 rows\)/);
    await page.screenshot({ path: join(ARTIFACTS, "excel-scorecard.png") });

    const want = expected("scorecard", sampleGrid("PO lines"));
    const got = (await sheet("Scorecard"))!;
    const width = want.values[0]!.length;
    expect(dataBlock(got, width)).toEqual(want.values);
    expect(got.formats[1]!.slice(0, width)).toEqual(want.patterns);
    expect(got.formats[1]![want.values[0]!.indexOf("On time")]).toBe("0.0%");
    expect(got.formats[1]![want.values[0]!.indexOf("Spend")]).toBe("#,##0.00");
    expect(got).toMatchObject({ frozenRows: 1, headerBold: true, headerFill: "#1F4E78" });

    const score = want.values[0]!.indexOf("Score");
    const grade = want.values[0]!.indexOf("Grade");
    const scale = got.conditionalFormats.find((c) => c.type === "ColorScale")!;
    // Down to the sheet's last row, so rows a later refresh adds are coloured too.
    expect(scale.rect).toEqual({ r0: 1, c0: score, r1: 1_048_575, c1: score });
    const red = got.conditionalFormats.find((c) => c.type === "Custom")!;
    expect(red).toMatchObject({ formula: `=$${String.fromCharCode(65 + grade)}2="D"`, fill: "#FFC7CE", rect: { r0: 1, c0: 0, r1: 1_048_575, c1: width - 1 } });
    const redRows = await page.$$eval("#grid tbody tr", (trs) => trs.map((tr, i) => ((tr.children[1] as HTMLElement | undefined)?.style.background.includes("199") ? i : -1)).filter((i) => i > 0));
    expect(redRows).toEqual([...want.redRows]);

    expect(got.charts).toHaveLength(1);
    expect(got.charts[0]).toMatchObject({ type: "BarClustered", title: "Score by vendor", name: "vendorscore chart" });
    // Read from the table's own Vendor and Score columns, each bar in its grade's colour.
    const [series] = got.charts[0]!.series;
    const rows = { r0: 1, r1: want.values.length - 1 };
    expect(series).toMatchObject({ values: { ...rows, c0: score, c1: score }, xValues: { ...rows, c0: 0, c1: 0 } });
    expect(series!.pointColors).toEqual(want.charts[0]!.series[0]!.pointColors);
    expect(got.values.every((r) => r.slice(width).every((c) => c === ""))).toBe(true);

    const reg = await registry();
    expect((await sheet("vendorscore"))!.visibility).toBe("VeryHidden");
    const def = parseDefinition(reg[2]![1]);
    expect(!isCoreError(def) && def).toMatchObject({ kind: "scorecard", source: { sheet: "PO lines", address: "A1:N41" }, asOf: SAMPLE_AS_OF, output: "Scorecard", outputId: got.id, lastError: "" });
    expect(await page.textContent("#vs-reports")).toMatch(/Scorecard.*Vendor scorecard.*'PO lines'!A1:N41.*Refreshed/);
    expect(await page.evaluate(() => (globalThis as never as { vsPreview: { model: { startupBehavior: string } } }).vsPreview.model.startupBehavior)).toBe("Load");
  });

  it("writes SLA status from a table picked by name: hours and percent formats, breached rows red, breaches charted by vendor", async () => {
    await page.check("#vs-source-named");
    await choose(page, "#vs-named", "TicketsTable");
    await fillForm("sla", "SLA status");
    expect(await generate()).toMatch(/SLA status written to "SLA status"/);
    await page.screenshot({ path: join(ARTIFACTS, "excel-sla.png") });
    const want = expected("sla", sampleGrid("Tickets"));
    const got = (await sheet("SLA status"))!;
    const width = want.values[0]!.length;
    expect(dataBlock(got, width)).toEqual(want.values);
    const h = want.values[0]!;
    expect(got.formats[1]![h.indexOf("% of target")]).toBe("0.0%");
    expect(got.formats[1]![h.indexOf("Target (h)")]).toBe("0.0");
    expect(got.formats[1]![h.indexOf("Breach at")]).toBe("yyyy-mm-dd hh:mm");
    expect(got.conditionalFormats.find((c) => c.type === "Custom")!.formula).toBe(`=$${String.fromCharCode(65 + h.indexOf("Status"))}2="breached"`);
    expect(want.redRows.length).toBeGreaterThan(0);
    expect(got.charts[0]).toMatchObject({ title: "Breached tickets by vendor" });
  });

  it("writes vendor segments from the POLines table", async () => {
    await page.check("#vs-source-named");
    await choose(page, "#vs-named", "POLines");
    await fillForm("segments", "Segments");
    expect(await generate()).toMatch(/Vendor segments written to "Segments" \(5 rows\)/);
    const want = expected("segments", sampleGrid("PO lines"));
    const got = (await sheet("Segments"))!;
    expect(dataBlock(got, want.values[0]!.length)).toEqual(want.values);
    expect(got.charts.map((c) => [c.type, c.title])).toEqual(want.charts.map((c) => [c.type === "combo" ? "ColumnClustered" : "XYScatter", c.title]));
  });

  it("refreshes a report in place after a source cell changes", async () => {
    await select("PO lines", "A1:N41");
    await fillForm("scorecard", "Scorecard");
    await generate();
    const firstId = (await sheet("Scorecard"))!.id;
    // Acme's first line: 50 received, now 25 rejected.
    await page.evaluate(() => (globalThis as never as { vsPreview: { setValue(s: string, a: string, v: number): void } }).vsPreview.setValue("PO lines", "H2", 25));
    await page.click("#vs-refresh-all");
    await page.waitForFunction(() => /Refreshed 1 report/.test(document.querySelector("#vs-message")?.textContent ?? ""));
    const source = sampleGrid("PO lines");
    source[1]![7] = 25;
    const want = expected("scorecard", source);
    const got = (await sheet("Scorecard"))!;
    expect(got.id).toBe(firstId);
    expect(dataBlock(got, want.values[0]!.length)).toEqual(want.values);
    expect(want.values).not.toEqual(expected("scorecard", sampleGrid("PO lines")).values);
    expect(got.charts).toHaveLength(1);
    await page.screenshot({ path: join(ARTIFACTS, "excel-refreshed.png") });
  });

  it("takes a few context.sync() calls, at most three more at 10,000 rows than at 10 (blocks, none per row)", async () => {
    const counts: number[] = [];
    for (const [name, rows] of [["Small", 10], ["Big", 10_000]] as const) {
      await page.evaluate(([n, r]) => (globalThis as never as { vsPreview: { addPoCopy(n: string, r: number): void } }).vsPreview.addPoCopy(n as string, r as number), [name, rows]);
      await select(name, `A1:N${rows + 1}`);
      await fillForm("scorecard", `${name} scorecard`);
      const before = (await syncLog()).length;
      expect(await generate()).toMatch(/written/);
      const runs = (await syncLog()).slice(before);
      // The generation's own batch finishes first; the pane then re-lists reports in batches of 1-2 syncs.
      counts.push(runs[0]!);
      expect(Math.max(...runs)).toBe(runs[0]);
    }
    expect(counts[1]! - counts[0]!).toBeGreaterThanOrEqual(1);
    expect(counts[1]! - counts[0]!).toBeLessThanOrEqual(3);
    expect(counts[0]).toBeLessThanOrEqual(16);
    expect((await sheet("Big scorecard"))!.values.length).toBe(6);
  });
});

describe("bad input through the pane changes nothing", () => {
  it.each([
    ["an empty selection", "Tickets", "P50", /range is empty/],
    ["a range without headers", "PO lines", "A2:N41", /header|column/i],
  ])("%s shows a clear message and blocks Generate, with the reason beside it", async (_, sheetName, address, message) => {
    await select(sheetName, address);
    const before = await workbookState();
    await page.waitForSelector("#vs-blocked:not([hidden])");
    expect(await page.isDisabled("#vs-generate")).toBe(true);
    expect(await page.textContent("#vs-blocked")).toMatch(message);
    expect(await page.textContent("#vs-source-problem")).toMatch(message);
    expect(await workbookState()).toBe(before);
    await page.screenshot({ path: join(ARTIFACTS, `excel-bad-${address.replace(/\W/g, "")}.png`) });
  });

  it("a weights table with text in a number column is flagged on its row and blocks Generate", async () => {
    await configCell(page, "Weight, In full").fill("lots");
    await expect(page.isDisabled("#vs-generate")).resolves.toBe(true);
    expect(await page.textContent(".vs-issue-row")).toMatch(/Weights row 3 \(in_full\): the weight "lots" is not a number/);
    expect(await page.locator("#vs-config tr", { has: page.getByRole("textbox", { name: "Weight, In full", exact: true }) }).getAttribute("class")).toMatch(/vs-invalid/);
    await page.screenshot({ path: join(ARTIFACTS, "excel-bad-weights.png") });
    await configCell(page, "Weight, In full").fill("20");
    await expect(page.isDisabled("#vs-generate")).resolves.toBe(false);
  });

  it("an output name taken by a sheet the add-in did not create is left alone; the report goes to a new name and the pane says so", async () => {
    await page.evaluate(() => (globalThis as never as { vsPreview: { addSheetFromCsv(n: string, c: string): void } }).vsPreview.addSheetFromCsv("Scorecard", "My notes,keep\n1,2"));
    const mine = (await sheet("Scorecard"))!;
    await select("PO lines", "A1:N41");
    await fillForm("scorecard", "Scorecard");
    expect(await generate()).toMatch(/written to "Scorecard \(2\)".*not created by vendorscore/s);
    expect(await sheet("Scorecard")).toEqual(mine);
    expect((await sheet("Scorecard (2)"))!.values[0]![0]).toBe("Vendor");
    await page.screenshot({ path: join(ARTIFACTS, "excel-name-taken.png") });
  });

  it("a damaged stored definition and a deleted source sheet show in the reports list, not as a crash", async () => {
    await select("PO lines", "A1:N41");
    await fillForm("scorecard", "Scorecard");
    await generate();
    await page.evaluate(() => {
      const p = (globalThis as never as { vsPreview: { model: { sheets: { name: string; values: unknown[][] }[] }; render(): void } }).vsPreview;
      p.model.sheets.find((s) => s.name === "PO lines")!.name = "PO lines 2024";
    });
    await page.click("#vs-refresh-all");
    await page.waitForFunction(() => /Refreshed 0, failed 1/.test(document.querySelector("#vs-message")?.textContent ?? ""));
    expect(await page.textContent("#vs-reports")).toMatch(/no longer exists/);
    const def = parseDefinition((await registry())[2]![1]);
    expect(!isCoreError(def) && def.lastError).toMatch(/no longer exists/);

    await page.evaluate(() => {
      const p = (globalThis as never as { vsPreview: { model: { sheets: { name: string; values: unknown[][] }[] } } }).vsPreview;
      p.model.sheets.find((s) => s.name === "vendorscore")!.values[2]![1] = "{damaged";
    });
    await page.click("#vs-refresh-all");
    await page.waitForFunction(() => /failed 1\..*not valid JSON/.test(document.querySelector("#vs-message")?.textContent ?? ""));
    expect(await page.textContent("#vs-reports")).toMatch(/not valid JSON/);
    await page.screenshot({ path: join(ARTIFACTS, "excel-damaged.png") });
  });
});

describe("scheduled refresh", () => {
  it("stores the interval in the workbook and refreshes on the timer while open", async () => {
    page = await session.reopen((p) => p.clock.install({ time: new Date("2025-03-31T08:00:00Z") }));
    await select("PO lines", "A1:N41");
    await fillForm("scorecard", "Scorecard");
    await generate();
    await choose(page, "#vs-schedule", "15min");
    await page.waitForFunction(() => /every 15 minutes/.test(document.querySelector("#vs-message")?.textContent ?? ""));
    const settings = (await registry()).find((r) => r[0] === "settings")!;
    expect(JSON.parse(String(settings[1]))).toEqual({ schedule: "15min" });
    const first = parseDefinition((await registry())[2]![1]);
    await page.clock.runFor(15 * 60_000 + 1000);
    await page.waitForFunction((t) => !document.querySelector("#vs-reports")?.textContent?.includes(t), new Date(isCoreError(first) ? 0 : first.lastRefresh).toLocaleString());
    const after = parseDefinition((await registry())[2]![1]);
    expect(!isCoreError(after) && !isCoreError(first) && Date.parse(after.lastRefresh) - Date.parse(first.lastRefresh)).toBeGreaterThanOrEqual(15 * 60_000);
  });
});
