import { readFileSync } from "node:fs";
import { join } from "node:path";
import { KIND_INFO } from "../../core/report";
import { ExcelHost } from "../../excel-addin/host";
import { MARKER } from "../../excel-addin/workbook";
import { REGISTRY_SHEET } from "../../excel-addin/registry";
import { officeGlobals } from "../../doubles/excel/api";
import { addSheet, findSheet, setCell, type WorkbookModel } from "../../doubles/excel/model";
import { SAMPLE_AS_OF, sampleWorkbook } from "../../preview/sample";

// Reports as entities in Excel, through ExcelHost on the in-memory workbook (which refuses what
// Excel on the web refuses: requests and responses over 5 MB, cells over 32,767 characters).
const load = (f: string) => readFileSync(join(__dirname, "..", "..", "samples", f), "utf8");
const LIMIT = 5 * 1024 * 1024;

function session(wb = sampleWorkbook(load("po-lines.csv"), load("tickets.csv"))): { wb: WorkbookModel; host: ExcelHost } {
  return { wb, host: new ExcelHost(officeGlobals(wb).Excel.run as never, { now: () => new Date("2025-04-01T08:00:00Z") }) };
}
const PO = { type: "range" as const, sheet: "PO lines", address: "A1:N41" };
const request = (output: string, extra: object = {}) => ({ kind: "scorecard" as const, source: PO, config: KIND_INFO.scorecard.config.defaults, calendar: [], asOf: SAMPLE_AS_OF, output, ...extra });
const registryRows = (wb: WorkbookModel) => findSheet(wb, REGISTRY_SHEET)!.values.slice(2).filter((r) => r[0]);

describe("a report is an entity", () => {
  it("generated again with a changed weight updates the same sheet and the same definition", async () => {
    const { wb, host } = session();
    const first = await host.generate(request("Scorecard"));
    const id = findSheet(wb, "Scorecard")!.id;
    const again = await host.generate(request("Scorecard", { id: first.reportId, config: [["kpi", "weight"], ["in_full", 1]] }));
    expect(again).toMatchObject({ ok: true, reportId: first.reportId, message: 'Vendor scorecard written to "Scorecard" (5 rows).' });
    expect(findSheet(wb, "Scorecard")!.id).toBe(id);
    expect(wb.sheets.map((s) => s.name)).toEqual(["PO lines", "Tickets", "Scorecard", REGISTRY_SHEET]);
    expect(registryRows(wb)).toHaveLength(1);
  });

  it("a generated sheet carries the marker of its report", async () => {
    const { wb, host } = session();
    const r = await host.generate(request("Scorecard"));
    const out = findSheet(wb, "Scorecard")!;
    expect(out.customProperties).toEqual({ [MARKER]: `${r.reportId}@${out.id}` });
  });

  it("opened for editing gives the pane its stored source, tables and output", async () => {
    const { host } = session();
    const r = await host.generate(request("Scorecard"));
    expect(await host.openReport(r.reportId!)).toMatchObject({ id: r.reportId, kind: "scorecard", source: PO, sourceLabel: "'PO lines'!A1:N41", output: "Scorecard" });
  });

  it("deleted with its sheet, which only goes when it carries the report's marker", async () => {
    const { wb, host } = session();
    const r = await host.generate(request("Scorecard"));
    expect(await host.deleteReport(r.reportId!, true)).toMatchObject({ ok: true, message: 'Deleted the report "Scorecard" and its sheet.' });
    expect(findSheet(wb, "Scorecard")).toBeUndefined();
    expect(await host.listReports()).toEqual([]);
  });
});

describe("ownership on the sheet", () => {
  it("a tampered registry row naming the user's data sheet writes nothing there and shows its problem", async () => {
    const { wb, host } = session();
    await host.generate(request("Scorecard"));
    const reg = findSheet(wb, REGISTRY_SHEET)!;
    const row = reg.values[2]!;
    const def = JSON.parse(String(row[1]));
    const po = findSheet(wb, "PO lines")!;
    setCell(reg.values, 3, 0, "evil", "");
    setCell(reg.values, 3, 1, JSON.stringify({ ...def, id: "evil", output: "PO lines", outputId: po.id }), "");
    const before = JSON.stringify(po.values);
    const r = await host.refreshAll();
    expect(JSON.stringify(findSheet(wb, "PO lines")!.values)).toBe(before);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^Refreshed 1, failed 1\. PO lines: .*does not carry its vendorscore marker/) });
    expect((await host.listReports()).find((s) => s.id === "evil")!.problem).toMatch(/marker/);
  });

  it("refuses a report sheet as a source", async () => {
    const { host } = session();
    await host.generate(request("Scorecard"));
    const r = await host.generate(request("Again", { source: { type: "range", sheet: "Scorecard", address: "A1:L6" } }));
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/is a sheet vendorscore writes/) });
    expect(await host.readSource({ type: "range", sheet: "Scorecard", address: "A1:L6" })).toMatchObject({ ok: false, message: expect.stringMatching(/report sheet/) });
  });

  it("a garbage stored address fails that report alone", async () => {
    const { wb, host } = session();
    await host.generate(request("One"));
    await host.generate(request("Two"));
    const reg = findSheet(wb, REGISTRY_SHEET)!;
    const def = JSON.parse(String(reg.values[2]![1]));
    setCell(reg.values, 2, 1, JSON.stringify({ ...def, source: { sheet: "PO lines", address: "not an address!" } }), "");
    const r = await host.refreshAll();
    expect(r.message).toMatch(/^Refreshed 1, failed 1\./);
  });
});

describe("what a second reader found", () => {
  it("a failed update keeps the stored report as it was and records the error on it", async () => {
    const { host } = session();
    const first = await host.generate(request("Scorecard"));
    const r = await host.generate(request("Scorecard", { id: first.reportId, source: { type: "range", sheet: "Nope", address: "A1:B2" } }));
    expect(r.ok).toBe(false);
    const stored = await host.openReport(first.reportId!, false);
    expect(stored!.source).toEqual(PO);
    expect((await host.listReports())[0]!.lastError).toMatch(/was not found|no longer exists/);
    expect((await host.refreshAll()).ok).toBe(true);
  });

  it("a copy of a report sheet (custom properties copied with it) is the user's: a source, and never written", async () => {
    const { wb, host } = session();
    const r = await host.generate(request("Scorecard"));
    const orig = findSheet(wb, "Scorecard")!;
    const copy = addSheet(wb, "Scorecard snapshot");
    copy.values = orig.values.map((row) => [...row]);
    copy.customProperties = { ...orig.customProperties };
    expect(await host.readSource({ type: "range", sheet: "Scorecard snapshot", address: "A1:L6" })).toMatchObject({ ok: true });
    const reg = findSheet(wb, REGISTRY_SHEET)!;
    const def = JSON.parse(String(reg.values[2]![1]));
    setCell(reg.values, 2, 1, JSON.stringify({ ...def, outputId: copy.id }), "");
    const before = JSON.stringify(copy.values);
    expect((await host.refreshAll()).message).toMatch(/does not carry its vendorscore marker/);
    expect(JSON.stringify(findSheet(wb, copy.id)!.values)).toBe(before);
    void r;
  });

  it.each(["'", "-", "="])("stores a definition longer than a cell whose part starts with %s unchanged", async (ch) => {
    const { wb, host } = session();
    // A weights table long enough to split, with the split point landing on the character.
    const first = await host.generate(request("Scorecard"));
    const reg = findSheet(wb, REGISTRY_SHEET)!;
    const def = JSON.parse(String(reg.values[2]![1]));
    const head = JSON.stringify({ ...def, lastError: "" });
    const pad = 30_000 - head.indexOf('"lastError":"') - '"lastError":"'.length;
    const long = { ...def, lastError: "x".repeat(pad) + ch + "y".repeat(100) };
    const { ExcelWorkbook } = await import("../../excel-addin/workbook");
    await officeGlobals(wb).Excel.run(async (ctx) => new ExcelWorkbook(ctx as never).putDefinition(first.reportId!, JSON.stringify(long)));
    const back = await officeGlobals(wb).Excel.run(async (ctx) => new ExcelWorkbook(ctx as never).definitions());
    expect(JSON.parse(back[0]!.text)).toEqual(long);
  });

  it("reads a source whose rows grow long below the first block without a response over 5 MB", async () => {
    const { wb, host } = session();
    const s = addSheet(wb, "Notes");
    ["Vendor", "Promised date", "Delivered date", "Ordered qty", "Received qty", "Unit price", "Notes"].forEach((h, c) => setCell(s.values, 0, c, h, ""));
    for (let i = 0; i < 1000; i++) s.values.push([`V${i % 5}`, 45700, 45700, 10, 10, 5, ""]);
    const note = "n".repeat(100);
    for (let i = 0; i < 60_000; i++) s.values.push([`V${i % 5}`, 45700, 45700, 10, 10, 5, note]);
    const r = await host.generate(request("Notes scorecard", { source: { type: "range", sheet: "Notes", address: "A:G" } }));
    expect(r.message).toMatch(/written/);
    expect(wb.largestResponseBytes).toBeLessThan(LIMIT);
  });

  it("reads whole columns from the first used row, and a name over whole columns", async () => {
    const { wb, host } = session();
    const po = findSheet(wb, "PO lines")!;
    const moved = addSheet(wb, "Moved");
    moved.values = [[], [], ...po.values.map((row) => [...row])];
    expect((await host.generate(request("Moved scorecard", { source: { type: "range", sheet: "Moved", address: "A:N" } }))).message).toMatch(/\(5 rows\)/);
  });
});

describe("real sizes", () => {
  it("generates from a 100,000-row, 14-column source (rows added below whole columns count) with no request over 5 MB", async () => {
    const { wb, host } = session();
    const big = addSheet(wb, "Big");
    const lines = load("po-lines.csv").trim().split("\n").map((l) => l.split(","));
    const header = lines[0]!;
    header.forEach((h, c) => setCell(big.values, 0, c, h, ""));
    const data = findSheet(wb, "PO lines")!.values.slice(1);
    for (let r = 0; r < 100_000; r++) big.values[r + 1] = [...data[r % data.length]!];
    const before = wb.syncCount;
    const r = await host.generate(request("Big scorecard", { source: { type: "range", sheet: "Big", address: "A:N" } }));
    expect(r.ok).toBe(true);
    expect(wb.largestRequestBytes).toBeLessThan(LIMIT);
    expect(wb.largestResponseBytes).toBeLessThan(LIMIT);
    expect(wb.largestResponseBytes).toBeGreaterThan(LIMIT / 4);
    // A few syncs to list, locate, add, write and store; about one per 4 MB of data read.
    expect(wb.syncCount - before).toBeLessThanOrEqual(20);
    expect(findSheet(wb, "Big scorecard")!.values).toHaveLength(6);
    // A row added below the whole columns is read at the next refresh.
    const counted = () => findSheet(wb, "Big scorecard")!.values.slice(1).reduce((n, row) => n + Number(row[1]), 0);
    const before2 = counted();
    big.values[100_001] = [...data[0]!];
    expect((await host.refreshAll()).ok).toBe(true);
    expect(counted()).toBe(before2 + 1);
  });

  it("writes 100,000 SLA rows in blocks, none over the limit", async () => {
    const { wb, host } = session();
    const t = addSheet(wb, "Many tickets");
    ["Ticket", "Vendor", "Priority", "Opened", "Resolved"].forEach((h, c) => setCell(t.values, 0, c, h, ""));
    for (let i = 0; i < 100_000; i++) t.values[i + 1] = [`INC${i}`, `Vendor ${i % 40}`, `P${1 + (i % 4)}`, 45700 + i / 2000, 45700.3 + i / 2000];
    const r = await host.generate({ kind: "sla", source: { type: "range", sheet: "Many tickets", address: "A1:E100001" }, config: KIND_INFO.sla.config.defaults, calendar: KIND_INFO.sla.calendar.defaults, asOf: SAMPLE_AS_OF, output: "SLA" });
    expect(r).toMatchObject({ ok: true, message: 'SLA status written to "SLA" (100000 rows).' });
    expect(wb.largestRequestBytes).toBeLessThan(LIMIT);
    expect(findSheet(wb, "SLA")!.values).toHaveLength(100_001);
  });
});
