/// <reference lib="dom" />
/**
 * The pane's column form and data-quality summary, as an analyst uses them before Generate:
 * the built preview page (the real task-pane bundle over the in-memory workbook) in headless
 * Chromium. The form is prefilled with the columns the core detects; a changed dropdown
 * becomes a mapping row in the stored definition; the summary says what will be counted.
 */
import { join } from "node:path";
import type { Page } from "playwright-core";
import { CoreError, isCoreError } from "../../core";
import { catalog } from "../helpers/sheet";
import { choose, configCell } from "../helpers/fluent";
import { KIND_INFO, buildReport, parseDefinition, type ReportKind } from "../../core/report";
import { findSheet, readValues, usedRect } from "../../doubles/excel/model";
import { SAMPLE_AS_OF, sampleWorkbook } from "../../preview/sample";
import { ARTIFACTS, PO_CSV, TICKETS_CSV, previewPages } from "../helpers/preview-page";

jest.setTimeout(60_000);

const session = previewPages();
let page: Page;
beforeEach(() => {
  page = session.page;
});

type Preview = {
  select(n: string, a: string): void;
  addSheetFromCsv(n: string, c: string): void;
  sheet(n: string): { values: unknown[][] } | null;
};
const preview = <T>(f: (p: Preview, arg: string[]) => T, arg: string[] = []) =>
  page.evaluate(([src, a]) => new Function("p", "a", `return (${src})(p, a)`)((globalThis as never as { vsPreview: Preview }).vsPreview, a), [f.toString(), arg] as const) as Promise<T>;


/** Selects a range in the workbook and tells the pane to use it, then waits for the form. */
async function useRange(sheet: string, address: string): Promise<void> {
  await preview((p, [n, a]) => p.select(n!, a!), [sheet, address]);
  await page.click("#vs-use-selection");
  await page.waitForFunction((a) => (document.querySelector("#vs-selection")?.textContent ?? "").includes(a), address);
  await page.waitForSelector("#vs-map-vendor", { state: "attached" });
  // The column form is collapsed while every required column is found: open it as a user would.
  await page.evaluate(() => ((document.querySelector("#vs-mapping") as HTMLDetailsElement).open = true));
}

/** The form as the analyst sees it: field -> the option shown. */
const formValues = () =>
  page.$$eval("#vs-mapping fluent-dropdown", (ds) => Object.fromEntries((ds as HTMLElement[]).map((d) => [d.dataset["field"], Array.from(d.querySelectorAll("fluent-option")).find((o) => (o as HTMLElement & { selected: boolean }).selected)?.textContent ?? ""])));

const qualityLines = () => page.$$eval("#vs-quality li", (lis) => lis.map((li) => li.textContent ?? ""));

async function generate(): Promise<string> {
  await page.click("#vs-generate");
  await page.waitForFunction(() => (document.querySelector("#vs-message")?.textContent ?? "") !== "" && !document.querySelector(".vs-panel[aria-busy]"));
  return (await page.textContent("#vs-message")) ?? "";
}

function sampleGrid(): unknown[][] {
  const s = findSheet(sampleWorkbook(PO_CSV, TICKETS_CSV), "PO lines")!;
  return readValues(s, usedRect(s, true)!);
}

function expectedValues(kind: ReportKind, source: unknown[][], config: unknown[][]): unknown[][] {
  const r = buildReport({ kind, source: source as never, config: config as never, asOf: SAMPLE_AS_OF }, catalog.context);
  if (r instanceof CoreError) throw r;
  return r.values;
}

describe("the column form before Generate", () => {
  it("is prefilled with the columns detected in the sample PO lines, fields without a column showing (not used)", async () => {
    await useRange("PO lines", "A1:N41");
    expect(await formValues()).toEqual({
      vendor: "Vendor", promised: "Promised Date", delivered: "Delivered Date", ordered_qty: "Ordered Qty", received_qty: "Received Qty",
      rejected_qty: "Rejected Qty", unit_price: "Unit Price", contract_price: "Contract Price", amount: "Amount", order_date: "Order Date",
      status: "Status", compliance: "Compliance", supply_risk: "Supply Risk", profit_impact: "(not used)", tier: "(not used)",
    });
    // Every header of the source is offered, plus "(not used)" for an optional field; the required vendor cannot be dropped.
    const options = await page.$$eval("#vs-map-promised fluent-option", (os) => os.map((o) => o.textContent));
    expect(options).toEqual(["(not used)", "PO Number", "Vendor", "Order Date", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty", "Rejected Qty", "Unit Price", "Contract Price", "Amount", "Status", "Compliance", "Supply Risk"]);
    expect(await page.$$eval("#vs-map-vendor fluent-option", (os) => os.map((o) => o.textContent))).not.toContain("(not used)");
    await page.screenshot({ path: join(ARTIFACTS, "panel-mapping-form.png") });
  });

  it("shows the detected ticket columns for SLA status", async () => {
    await useRange("Tickets", "A1:F31");
    await choose(page, "#vs-kind", "sla");
    expect(await formValues()).toEqual({ vendor: "Vendor", ticket: "Ticket", priority: "Priority", opened: "Opened", responded: "Responded", resolved: "Resolved", updated: "(not used)", status: "(not used)", paused_hours: "(not used)" });
    expect(await qualityLines()).toEqual(["30 rows under the header", "Not found: Updated, Status, Paused hours"]);
  });

  it("stores a changed dropdown as a mapping row in the report definition, and the report reads that column", async () => {
    await useRange("PO lines", "A1:N41");
    await choose(page, "#vs-map-delivered", "Order Date");
    // The core gives the column to the mapping, so order_date no longer has one: the form shows it.
    expect(await formValues()).toMatchObject({ delivered: "Order Date", order_date: "(not used)", promised: "Promised Date" });
    expect(await page.getAttribute("#vs-map-delivered", "title")).toBe("Detected: Delivered Date");
    await page.fill("#vs-asof-date", "2025-03-31");
    await page.check("#vs-asof-fixed");
    await page.fill("#vs-output input", "Mapped");
    expect(await generate()).toMatch(/written to "Mapped"/);

    const reg = (await preview((p) => p.sheet("vendorscore")))!.values;
    const def = parseDefinition(reg[2]![1]);
    if (isCoreError(def)) throw def;
    const weights = KIND_INFO.scorecard.config.defaults;
    expect(def.config).toEqual([...weights, ["delivered", "Order Date"]]);

    const got = (await preview((p) => p.sheet("Mapped")))!.values;
    const want = expectedValues("scorecard", sampleGrid(), [...weights, ["delivered", "Order Date"]]);
    expect(got.slice(0, want.length).map((r) => r.slice(0, want[0]!.length))).toEqual(want);
    expect(want).not.toEqual(expectedValues("scorecard", sampleGrid(), weights));
    // Every line now "arrives" on its order date, before its promise: all on time, lead time unknown.
    const onTime = want[0]!.indexOf("On time");
    expect(want.slice(1).map((r) => r[onTime])).toEqual([1, 1, 1, 1, 1]);
  });

  it("editing a stored report shows its mapping rows in the column form, where they can be undone", async () => {
    await useRange("PO lines", "A1:N41");
    await choose(page, "#vs-map-delivered", "Order Date");
    await page.fill("#vs-output input", "Mapped");
    expect(await generate()).toMatch(/written to "Mapped"/);
    const id = String((await preview((p) => p.sheet("vendorscore")))!.values[2]![0]);
    await page.click(`#vs-reports li[data-report="${id}"] [data-action="edit"]`);
    await page.waitForFunction(() => document.querySelector("#vs-map-delivered > button")?.textContent?.trim() === "Order Date");
    // The mapping row is in the form, not in the weights table.
    expect(await page.$$eval("#vs-config input", (is) => (is as HTMLInputElement[]).some((i) => i.value === "Order Date"))).toBe(false);
    await choose(page, "#vs-map-delivered", "Delivered Date");
    expect(await generate()).toMatch(/written to "Mapped"/);
    const def = parseDefinition((await preview((p) => p.sheet("vendorscore")))!.values[2]![1]);
    expect(!isCoreError(def) && def.config).toEqual(KIND_INFO.scorecard.config.defaults);
  });

  it("drops a choice set back to the detected column, so generation gets no mapping row", async () => {
    await useRange("PO lines", "A1:N41");
    await choose(page, "#vs-map-compliance", "(not used)");
    expect(await formValues()).toMatchObject({ compliance: "(not used)" });
    await choose(page, "#vs-map-compliance", "Compliance");
    await page.fill("#vs-output input", "Plain");
    expect(await generate()).toMatch(/written to "Plain"/);
    const def = parseDefinition((await preview((p) => p.sheet("vendorscore")))!.values[2]![1]);
    expect(!isCoreError(def) && def.config).toEqual(KIND_INFO.scorecard.config.defaults);
  });
});

describe("the data-quality summary before Generate", () => {
  // Hand-counted: 5 lines; PO-4 cancelled, PO-5 has no supplier; PO-2's delivery date is a
  // placeholder; the dates are all ambiguous (first part <= 12), so they read as MDY.
  const EXPORT = [
    "PO,Supplier,Scheduled Delivery Date,Delivery Date,Order Qty,Order Status",
    "PO-1,Acme,03/04/2025,03/04/2025,10,Delivered",
    "PO-2,Acme,03/05/2025,Date Not Captured,5,Delivered",
    "PO-3,Birch,03/06/2025,03/07/2025,8,Delivered",
    "PO-4,Birch,03/06/2025,N/A,8,Cancelled",
    "PO-5,,03/06/2025,03/06/2025,2,Delivered",
  ].join("\n");

  it("counts the lines, the cancelled and blank-vendor lines left out, the placeholder date and the fields not found", async () => {
    await preview((p, [csv]) => p.addSheetFromCsv("Export", csv!), [EXPORT]);
    await useRange("Export", "A1:F6");
    expect(await formValues()).toMatchObject({ vendor: "Supplier", promised: "Scheduled Delivery Date", delivered: "Delivery Date", ordered_qty: "Order Qty", status: "Order Status" });
    expect(await qualityLines()).toEqual([
      "Counted: 3 of 5 lines (2 vendors)",
      "Skipped: 1 cancelled, 1 blank vendor",
      "Not found: Received qty, Rejected qty, Unit price, Contract price, Amount, Order date, Compliance, Supply risk, Profit impact, Tier",
      "Promised date: numeric dates are ambiguous: read as MDY (date_order setting; default MDY)",
      "Delivered date: 1 placeholder read as blank",
      "Delivered date: numeric dates are ambiguous: read as MDY (date_order setting; default MDY)",
    ]);
    await page.screenshot({ path: join(ARTIFACTS, "panel-quality.png") });
  });

  it("follows the form: a field set to (not used) is listed as not found and its cells are no longer counted", async () => {
    await preview((p, [csv]) => p.addSheetFromCsv("Export", csv!), [EXPORT]);
    await useRange("Export", "A1:F6");
    await choose(page, "#vs-map-delivered", "(not used)");
    const lines = await qualityLines();
    expect(lines[2]).toBe("Not found: Delivered date, Received qty, Rejected qty, Unit price, Contract price, Amount, Order date, Compliance, Supply risk, Profit impact, Tier");
    expect(lines.join("\n")).not.toMatch(/placeholder/);
  });

  it("follows the weights table: a date_order row changes the note", async () => {
    await preview((p, [csv]) => p.addSheetFromCsv("Export", csv!), [EXPORT]);
    await useRange("Export", "A1:F6");
    await page.click("#vs-config-add");
    const last = await page.$$eval("#vs-config tbody tr", (trs) => trs.length);
    await configCell(page, `KPI, row ${last}`).fill("date_order");
    await configCell(page, `Weight, row ${last}`).fill("DMY");
    await page.waitForFunction(() => /read as DMY/.test(document.querySelector("#vs-quality")?.textContent ?? ""));
  });

  it("names what is wrong when the source has no vendor column", async () => {
    await preview((p, [csv]) => p.addSheetFromCsv("NoVendor", csv!), ["Item,Qty\nBolts,3"]);
    await preview((p) => p.select("NoVendor", "A1:B2"));
    await page.click("#vs-use-selection");
    await page.waitForFunction(() => /No vendor column/.test(document.querySelector("#vs-source-problem")?.textContent ?? ""));
    expect(await page.isVisible("#vs-source-problem")).toBe(true);
    // A required column not found opens the column form by itself, so the analyst can pick one.
    expect(await page.evaluate(() => (document.querySelector("#vs-mapping") as HTMLDetailsElement).open)).toBe(true);
    expect(await page.textContent("#vs-mapping summary")).toMatch(/1 required not found/);
  });

  it("keeps the column form collapsed while every required column is found, saying how many were", async () => {
    await preview((p) => p.select("PO lines", "A1:N41"));
    await page.click("#vs-use-selection");
    await page.waitForSelector("#vs-map-vendor", { state: "attached" });
    expect(await page.evaluate(() => (document.querySelector("#vs-mapping") as HTMLDetailsElement).open)).toBe(false);
    expect(await page.textContent("#vs-mapping summary")).toMatch(/^Columns: \d+ of \d+ found$/);
  });
});
