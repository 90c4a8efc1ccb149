import { transformSync } from "esbuild";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { CoreError, isCoreError } from "../../core";
import { catalog } from "../helpers/sheet";
import { KIND_INFO, buildReport, parseDefinition } from "../../core/report";
import { ExcelHost } from "../../excel-addin/host";
import { officeGlobals } from "../../doubles/excel/api";
import { findSheet, readValues, usedRect, type WorkbookModel } from "../../doubles/excel/model";
import { scriptWorkbook } from "../../doubles/excel/script";
import { SAMPLE_AS_OF, sampleWorkbook } from "../../preview/sample";
import { buildOfficeScript } from "../../scripts/build-office-script";
import { REPORTED_NAMES, withFormulaLikeVendors } from "../helpers/formula-text";

const ROOT = join(__dirname, "..", "..");
let script = "";

beforeAll(async () => {
  const file = await buildOfficeScript(mkdtempSync(join(tmpdir(), "vs-osts-")));
  script = transformSync(readFileSync(file, "utf8"), { loader: "ts" }).code;
}, 60_000);

function runScript(wb: WorkbookModel, now: Date): string {
  const ctx = vm.createContext({ Date: class extends Date { constructor() { super(now.getTime()); } } });
  vm.runInContext(script, ctx);
  return vm.runInContext("main", ctx)(scriptWorkbook(wb));
}

describe("the generated Office Script (refresh while closed)", () => {
  it("recomputes a report the add-in generated with the same numbers, after a source cell changed", async () => {
    const wb = sampleWorkbook(readFileSync(join(ROOT, "samples", "po-lines.csv"), "utf8"), readFileSync(join(ROOT, "samples", "tickets.csv"), "utf8"));
    const host = new ExcelHost(officeGlobals(wb).Excel.run as never, { now: () => new Date("2025-03-31T06:00:00Z") });
    const r = await host.generate({ kind: "scorecard", source: { type: "range", sheet: "PO lines", address: "A1:N41" }, config: KIND_INFO.scorecard.config.defaults, calendar: [], asOf: SAMPLE_AS_OF, output: "Scorecard" });
    expect(r.ok).toBe(true);

    const po = findSheet(wb, "PO lines")!;
    po.values[1]![7] = 25; // Acme's first line: 25 rejected
    const log = runScript(wb, new Date("2025-04-01T06:00:00Z"));
    expect(log).toBe('Refreshed 1 report.\nScorecard: Vendor scorecard written to "Scorecard" (5 rows).');

    const want = buildReport({ kind: "scorecard", source: readValues(po, usedRect(po, true)!), config: KIND_INFO.scorecard.config.defaults, asOf: SAMPLE_AS_OF }, catalog.context);
    if (want instanceof CoreError) throw want;
    const out = findSheet(wb, "Scorecard")!;
    const width = want.values[0]!.length;
    expect(readValues(out, { r0: 0, c0: 0, r1: want.values.length - 1, c1: width - 1 })).toEqual(want.values);
    expect(out.formats[1]!.slice(0, width)).toEqual(want.patterns);
    const reg = readValues(findSheet(wb, "vendorscore")!, usedRect(findSheet(wb, "vendorscore")!, true)!);
    const def = parseDefinition(reg[2]![1]);
    expect(!isCoreError(def) && def).toMatchObject({ lastRefresh: "2025-04-01T06:00:00.000Z", lastError: "" });
  });

  it("reports a renamed source sheet as that report's error and stores it for the pane", async () => {
    const wb = sampleWorkbook(readFileSync(join(ROOT, "samples", "po-lines.csv"), "utf8"), readFileSync(join(ROOT, "samples", "tickets.csv"), "utf8"));
    const host = new ExcelHost(officeGlobals(wb).Excel.run as never, { now: () => new Date() });
    await host.generate({ kind: "scorecard", source: { type: "range", sheet: "PO lines", address: "A1:N41" }, config: [], calendar: [], asOf: SAMPLE_AS_OF, output: "Scorecard" });
    findSheet(wb, "PO lines")!.name = "Old lines";
    expect(runScript(wb, new Date())).toMatch(/^Refreshed 0, failed 1\..*\nScorecard: The source 'PO lines'!A1:N41 of "Scorecard" no longer exists/s);
    const reports = await host.listReports();
    expect(reports[0]!.lastError).toMatch(/no longer exists/);
  });

  it("says so when the workbook has no reports", () => {
    expect(runScript(sampleWorkbook("Vendor\nAcme", "Ticket\nT1"), new Date())).toMatch(/No vendorscore reports/);
  });

  it("writes vendor names starting with =, +, - or @ as the same text, not as formulas", async () => {
    const wb = sampleWorkbook(readFileSync(join(ROOT, "samples", "po-lines.csv"), "utf8"), readFileSync(join(ROOT, "samples", "tickets.csv"), "utf8"));
    const po = findSheet(wb, "PO lines")!;
    const host = new ExcelHost(officeGlobals(wb).Excel.run as never, { now: () => new Date("2025-03-31T06:00:00Z") });
    expect((await host.generate({ kind: "scorecard", source: { type: "range", sheet: "PO lines", address: "A1:N41" }, config: KIND_INFO.scorecard.config.defaults, calendar: [], asOf: SAMPLE_AS_OF, output: "Scorecard" })).ok).toBe(true);
    // The names change in the source after the report was generated; the script's refresh writes them.
    withFormulaLikeVendors(po.values.map((row) => row.map(String)), 1).forEach((row, r) => (po.values[r]![1] = row[1]!));
    expect(runScript(wb, new Date("2025-04-01T06:00:00Z"))).toBe('Refreshed 1 report.\nScorecard: Vendor scorecard written to "Scorecard" (5 rows).');
    const out = findSheet(wb, "Scorecard")!;
    expect(out.formulas.flat().filter(Boolean)).toEqual([]);
    expect(out.values.slice(1).map((row) => row[0]).sort()).toEqual([...REPORTED_NAMES].sort());
    const want = buildReport({ kind: "scorecard", source: readValues(po, usedRect(po, true)!), config: KIND_INFO.scorecard.config.defaults, asOf: SAMPLE_AS_OF }, catalog.context);
    if (want instanceof CoreError) throw want;
    expect(readValues(out, { r0: 0, c0: 0, r1: want.values.length - 1, c1: want.values[0]!.length - 1 })).toEqual(want.values);
  });

  it("keeps the colour scale and red rows on rows a refresh while closed adds", async () => {
    const wb = sampleWorkbook(readFileSync(join(ROOT, "samples", "po-lines.csv"), "utf8"), readFileSync(join(ROOT, "samples", "tickets.csv"), "utf8"));
    const host = new ExcelHost(officeGlobals(wb).Excel.run as never, { now: () => new Date("2025-03-31T06:00:00Z") });
    expect((await host.generate({ kind: "scorecard", source: { type: "range", sheet: "PO lines", address: "A:N" }, config: KIND_INFO.scorecard.config.defaults, calendar: [], asOf: SAMPLE_AS_OF, output: "Scorecard" })).ok).toBe(true);
    const po = findSheet(wb, "PO lines")!;
    po.values.push(po.values[1]!.map((v, c) => (c === 1 ? "Zeta Tools" : v)));
    expect(runScript(wb, new Date("2025-04-01T06:00:00Z"))).toMatch(/\(6 rows\)/);
    const out = findSheet(wb, "Scorecard")!;
    const scale = out.conditionalFormats.find((c) => c.type === "ColorScale")!;
    const red = out.conditionalFormats.find((c) => c.type === "Custom")!;
    expect(scale.rect.r1).toBeGreaterThanOrEqual(6);
    expect(red.rect.r1).toBeGreaterThanOrEqual(6);
  });
});
