import { readFileSync } from "node:fs";
import { join } from "node:path";
import { KIND_INFO, chooseOutput } from "../../core/report";
import { splitAddress } from "../../excel-addin/address";
import { ExcelHost } from "../../excel-addin/host";
import { REGISTRY_SHEET } from "../../excel-addin/registry";
import { officeGlobals } from "../../doubles/excel/api";
import { addSheet, findSheet, setCell, type WorkbookModel } from "../../doubles/excel/model";
import { SAMPLE_AS_OF, sampleWorkbook } from "../../preview/sample";
import { REPORTED_NAMES, withFormulaLikeVendors } from "../helpers/formula-text";

describe("sheet names in the Excel host", () => {
  const load = (f: string) => readFileSync(join(__dirname, "..", "..", "samples", f), "utf8");
  function session(): { wb: WorkbookModel; host: ExcelHost; reselect: () => void } {
    const wb = sampleWorkbook(load("po-lines.csv"), load("tickets.csv"));
    const selection = { ...wb.selection, rect: { ...wb.selection.rect } };
    const host = new ExcelHost(officeGlobals(wb).Excel.run as never, { now: () => new Date("2025-04-01T08:00:00Z") });
    return { wb, host, reselect: () => (wb.selection = { ...selection, rect: { ...selection.rect } }) };
  }
  const scorecard = (output: string, sheet = "PO lines") => ({ kind: "scorecard" as const, source: { type: "range" as const, sheet, address: "A1:N41" }, config: KIND_INFO.scorecard.config.defaults, calendar: [], asOf: SAMPLE_AS_OF, output });

  it("splits an address whose sheet name has quotes and spaces, as Excel writes it", () => {
    expect(splitAddress("'O''Brien''s Q1 lines'!A1:N41")).toEqual({ sheet: "O'Brien's Q1 lines", address: "A1:N41" });
    expect(splitAddress("Data!B2")).toEqual({ sheet: "Data", address: "B2" });
  });

  it("leaves a user's sheet whose name differs from the output only in case untouched and says where the report went", async () => {
    const { wb, host } = session();
    const mine = addSheet(wb, "scorecard");
    setCell(mine.values, 0, 0, "my notes", "");
    const r = await host.generate(scorecard("Scorecard"));
    expect(r.ok).toBe(true);
    expect(r.notice).toMatch(/"scorecard" already exists and was not created by vendorscore/);
    expect(findSheet(wb, mine.id)!.values).toEqual([["my notes"]]);
    expect(findSheet(wb, "Scorecard (2)")!.values[0]![0]).toBe("Vendor");
  });

  it("keeps a 31-character output name legal when it has to add a suffix", () => {
    const wanted = "Vendor scorecard for Q1 2025 ok";
    expect(wanted).toHaveLength(31);
    const c = chooseOutput(wanted, [{ name: wanted.toUpperCase(), id: "1", ours: false }]);
    expect(c.name).toHaveLength(31);
    expect(c.name.endsWith(" (2)")).toBe(true);
  });

  it("generates and refreshes from a source sheet whose name has apostrophes and spaces", async () => {
    const { wb, host } = session();
    findSheet(wb, "PO lines")!.name = "O'Brien's Q1 2025 lines";
    expect((await host.generate(scorecard("Scorecard", "O'Brien's Q1 2025 lines"))).ok).toBe(true);
    const [status] = await host.listReports();
    expect(status!.source).toBe("'O''Brien''s Q1 2025 lines'!A1:N41");
    expect(status!.problem).toBe("");
    expect(await host.refreshAll()).toEqual({ ok: true, message: "Refreshed 1 report." });
  });

  it("keeps the last good report when a refresh fails on a broken source, records the error, and clears it once fixed", async () => {
    const { wb, host } = session();
    await host.generate(scorecard("Scorecard"));
    const before = JSON.stringify(findSheet(wb, "Scorecard")!.values);
    const po = findSheet(wb, "PO lines")!;
    const header = po.values[0]!.slice();
    po.values[0] = header.map(() => "junk");
    const failed = await host.refreshAll();
    expect(failed.ok).toBe(false);
    expect(JSON.stringify(findSheet(wb, "Scorecard")!.values)).toBe(before);
    const [status] = await host.listReports();
    expect(status!.lastError).toMatch(/No vendor column/);
    po.values[0] = header;
    expect((await host.refreshAll()).ok).toBe(true);
    expect((await host.listReports())[0]!.lastError).toBe("");
  });

  it("reports a damaged stored definition in the list and in Refresh all without throwing or touching the report sheet", async () => {
    const { wb, host } = session();
    await host.generate(scorecard("Scorecard"));
    const before = JSON.stringify(findSheet(wb, "Scorecard")!.values);
    const registry = findSheet(wb, REGISTRY_SHEET)!;
    expect(registry.visibility).toBe("VeryHidden");
    registry.values[2]![1] = "{oops";
    const [status] = await host.listReports();
    expect(status!.problem).toMatch(/not valid JSON.*generate the report again/);
    await expect(host.refreshAll()).resolves.toMatchObject({ ok: false, message: expect.stringMatching(/^Refreshed 0, failed 1\. .*not valid JSON/) });
    expect(JSON.stringify(findSheet(wb, "Scorecard")!.values)).toBe(before);
  });

  it.each(["vendorscore", "VendorScore"])("never reads or writes a user's own sheet named %s, and keeps its registry apart", async (name) => {
    const { wb, host } = session();
    const mine = addSheet(wb, name);
    setCell(mine.values, 0, 0, "my notes", "");
    setCell(mine.values, 5, 3, "keep", "");
    const snapshot = JSON.stringify(mine.values);
    expect((await host.listReports())).toEqual([]);
    const r = await host.generate(scorecard("Scorecard"));
    expect(r).toMatchObject({ ok: true });
    expect(JSON.stringify(findSheet(wb, mine.id)!.values)).toBe(snapshot);
    const registry = wb.sheets.find((x) => x.visibility === "VeryHidden")!;
    expect(registry.name).toBe("vendorscore (2)");
    expect(await host.listReports()).toHaveLength(1);
    // A second report reuses the same registry, still leaving the user's sheet alone.
    expect((await host.generate(scorecard("Scorecard B"))).ok).toBe(true);
    expect(await host.listReports()).toHaveLength(2);
    expect(JSON.stringify(findSheet(wb, mine.id)!.values)).toBe(snapshot);
  });

  it("gives an output named like the hidden registry sheet another name instead of failing", async () => {
    const { wb, host } = session();
    await host.generate(scorecard("Scorecard"));
    const r = await host.generate(scorecard("VENDORSCORE"));
    expect(r.ok).toBe(true);
    expect(r.notice).toMatch(/already exists/);
    expect(wb.sheets.filter((x) => x.visibility === "VeryHidden")).toHaveLength(1);
  });

  it("keeps a damaged stored definition, with its message, through later saves of other settings", async () => {
    const { wb, host } = session();
    await host.generate(scorecard("Scorecard"));
    findSheet(wb, REGISTRY_SHEET)!.values[2]![1] = "{oops";
    await host.setSchedule("hourly");
    await host.generate(scorecard("Other"));
    const reports = await host.listReports();
    expect(reports).toHaveLength(2);
    expect(reports[0]!.problem).toMatch(/not valid JSON/);
    expect(findSheet(wb, REGISTRY_SHEET)!.values[2]![1]).toBe("{oops");
  });

  it("reports a source sheet that was deleted as stale, and a refresh leaves the report as it was", async () => {
    const { wb, host } = session();
    await host.generate(scorecard("Scorecard"));
    const before = JSON.stringify(findSheet(wb, "Scorecard")!.values);
    wb.sheets = wb.sheets.filter((s) => s.name !== "PO lines");
    expect((await host.listReports())[0]!.problem).toMatch(/no longer exists \(renamed or deleted\?\)/);
    const r = await host.refreshAll();
    expect(r.ok).toBe(false);
    expect(JSON.stringify(findSheet(wb, "Scorecard")!.values)).toBe(before);
  });
});

describe("text from the data in a report the Excel host writes", () => {
  const load = (f: string) => readFileSync(join(__dirname, "..", "..", "samples", f), "utf8");

  it("writes vendor names starting with =, +, - or @ as the same text, not as formulas, and numbers as numbers", async () => {
    const wb = sampleWorkbook(load("po-lines.csv"), load("tickets.csv"));
    const po = findSheet(wb, "PO lines")!;
    // Held as text in the source, as a user who typed them with a quote prefix has them.
    withFormulaLikeVendors(po.values.map((row) => row.map(String)), 1).forEach((row, r) => setCell(po.values, r, 1, row[1]!, ""));
    const host = new ExcelHost(officeGlobals(wb).Excel.run as never, { now: () => new Date("2025-04-01T08:00:00Z") });
    const r = await host.generate({ kind: "scorecard", source: { type: "range", sheet: "PO lines", address: "A1:N41" }, config: KIND_INFO.scorecard.config.defaults, calendar: [], asOf: SAMPLE_AS_OF, output: "Scorecard" });
    expect(r.ok).toBe(true);
    const out = findSheet(wb, "Scorecard")!;
    expect(out.formulas.flat().filter(Boolean)).toEqual([]);
    const vendors = out.values.slice(1).map((row) => row[0]);
    expect([...vendors].sort()).toEqual([...REPORTED_NAMES].sort());
    // The chart's categories are the table's own Vendor column: the same names.
    const chart = out.charts[0]!.series[0]!.xValues!;
    const categories = out.values.slice(chart.r0, chart.r1 + 1).map((row) => row[chart.c0]);
    expect([...categories].sort()).toEqual([...REPORTED_NAMES].sort());
    // Every other data cell of the table is a number, as the core computed it.
    const grade = out.values[0]!.indexOf("Grade");
    for (const row of out.values.slice(1)) row.slice(1, grade).forEach((v) => expect(typeof v).toBe("number"));
  });
});
