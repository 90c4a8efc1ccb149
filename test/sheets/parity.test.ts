import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { DEFINITIONS } from "../../core";
import type { ParamSpec } from "../../core/catalog/types";
import { buildExcel } from "../../scripts/build-excel";
import { wallClock } from "../../sheets-addon/zone";
import { buildBundle, loadBundle } from "../../doubles/sheets/bundle";
import { instantIn, sampleCsv, typed, type Wall } from "../../doubles/sheets/sample";
import { serial } from "../helpers/sheet";

const serialOfWall = ([y, m, d, h, mi]: Wall) => serial(`${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")} ${String(h).padStart(2, "0")}:${String(mi).padStart(2, "0")}`);
const isDateValue = (v: unknown): v is Date => Object.prototype.toString.call(v) === "[object Date]";

let excel: Record<string, (...a: unknown[]) => unknown> = {};
let sheetsDir = "";
beforeAll(async () => {
  sheetsDir = buildBundle();
  const out = await buildExcel({ outDir: mkdtempSync(join(tmpdir(), "vs-parity-excel-")), minify: false });
  class FakeError {
    constructor(readonly code: string, readonly message?: string) {}
  }
  const sandbox = {
    CustomFunctions: {
      associate: (id: string, fn: (...a: unknown[]) => unknown) => (excel[id] = fn),
      Error: FakeError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
    },
  };
  vm.runInNewContext(readFileSync(join(out, "functions.js"), "utf8"), sandbox);
}, 120_000);

/** The shipped sample workbook as each host hands it to a function. */
function workbook(host: "excel" | "sheets", zone: string) {
  const date: (w: Wall) => number | Date = host === "excel" ? serialOfWall : (w: Wall) => instantIn(zone, w);
  const omitted = host === "excel" ? null : undefined;
  return {
    po: typed(sampleCsv("po-lines"), date),
    tickets: typed(sampleCsv("tickets"), date),
    survey: typed(sampleCsv("survey"), date),
    asOf: date([2025, 3, 31, 0, 0]),
    contracts: typed(
      [
        ["Contract", "Vendor", "Start", "End", "Notice days", "Auto renew", "Value"],
        ["C-1", "Acme Metals", "2025-01-01", "2025-12-31", "30", "no", "20000"],
        ["C-2", "Birch Logistics", "2024-02-01", "2024-03-01", "0", "yes", ""],
        ["C-3", "Cobalt Components", "", "2025-02-28", "0", "yes", ""],
      ],
      date,
    ),
    risk: typed(
      [
        ["Vendor", "Dimension", "Score", "Date"],
        ["Acme Metals", "Financial", "2", "2024-06-01"],
        ["Acme Metals", "Financial", "4", "2025-01-15"],
        ["Acme Metals", "Cyber", "3", "2025-02-01"],
        ["Birch Logistics", "Cyber", "5", "2025-02-01"],
      ],
      date,
    ),
    start: date([2025, 3, 28, 16, 30]),
    end: date([2025, 3, 31, 10, 0]),
    omitted,
  };
}

/** Arguments for a catalog function from the sample workbook, by parameter name; optional ones left out except the as-of date. */
function argsFor(params: readonly ParamSpec[], wb: ReturnType<typeof workbook>): unknown[] {
  return params.map((p) => {
    switch (p.name) {
      case "data": return wb.po;
      case "tickets": return wb.tickets;
      case "contracts": return wb.contracts;
      // The register where it is required (VENDORRISK, VENDORRISKS); segmentation keeps reading the data's risk column.
      case "risk": return p.optional ? wb.omitted : wb.risk;
      case "survey": return wb.survey;
      case "vendor": return "Acme Metals";
      case "kpi": return "on_time";
      case "as_of": return wb.asOf;
      case "start": return wb.start;
      case "end": return wb.end;
      case "credit_table": return [[0.99, 0.05], [0.95, 0.1]];
      default:
        if (!p.optional) throw new Error(`The parity test has no sample value for ${p.name}: add one.`);
        return wb.omitted;
    }
  });
}

/** A result as both hosts mean it: Sheets' thrown "#CODE: message" and Date cells made comparable with Excel's error values and serials. */
function normalise(v: unknown, zone: string): unknown {
  if (isDateValue(v)) return Math.round((wallClock(zone).toSerial(v) - 25569) * 86_400_000);
  if (Array.isArray(v)) return v.map((x) => normalise(x, zone));
  if (v && typeof v === "object" && "code" in v) return `${(v as { code: string }).code}: ${(v as { message?: string }).message ?? ""}`;
  return v;
}

describe.each(["America/New_York", "Asia/Kolkata"])("the sample workbook in Excel (serials) and in Sheets (%s Date cells)", (zone) => {
  it.each(DEFINITIONS.map((d) => [d.name]))("%s gives identical results", (name) => {
    const def = DEFINITIONS.find((d) => d.name === name)!;
    const sheets = loadBundle(sheetsDir, { SpreadsheetApp: { getActive: () => ({ getSpreadsheetTimeZone: () => zone }) } });
    const fromExcel = excel[name]!(...argsFor(def.params, workbook("excel", zone)));
    let fromSheets: unknown;
    try {
      fromSheets = sheets[name]!(...argsFor(def.params, workbook("sheets", zone)));
    } catch (e) {
      fromSheets = (e as Error).message;
    }
    // Date columns: Excel gives serials, Sheets Dates; both compared to the millisecond.
    const dated = new Set((def.dateColumns ?? []).map((c) => c.toLowerCase()));
    const excelSide = Array.isArray(fromExcel)
      ? (fromExcel as unknown[][]).map((row, r) => row.map((v, c) => (r > 0 && typeof v === "number" && dated.has(String((fromExcel as unknown[][])[0]![c]).toLowerCase()) ? Math.round((v - 25569) * 86_400_000) : v)))
      : fromExcel;
    expect(normalise(fromSheets, zone)).toEqual(normalise(excelSide, zone));
    expect(typeof fromSheets === "string" && /^#/.test(fromSheets)).toBe(false);
  });
});
