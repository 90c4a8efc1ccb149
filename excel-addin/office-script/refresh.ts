/**
 * Refresh while the workbook is closed: the logic of the Office Script that a Power Automate
 * flow runs on a schedule. It reads the same registry the add-in writes, recomputes each report
 * with the same core and writes values and number formats into the report sheets the add-in
 * created (only those: they are found by the sheet id stored with each report). Bundled into
 * dist/excel-addin/office-script/RefreshVendorReports.ts by the build.
 */
import { CoreError, createCatalog, dateToSerial, type Context } from "../../core";
import { buildReport, describeSource, safeGrid, stamp, type ReportDefinition } from "../../core/report";
import { blockAddress } from "../address";
import { isRegistryContent, readRegistry, registryRows, withDefinition } from "../registry";

/** The few ExcelScript calls used, typed here because the script has no access to the add-in's types. */
export interface ScriptRange {
  getValues(): (string | number | boolean)[][];
  setValues(v: (string | number | boolean)[][]): void;
  setNumberFormats(v: string[][]): void;
  clear(applyTo?: string): void;
}
export interface ScriptSheet {
  getId(): string;
  getName(): string;
  getRange(address?: string): ScriptRange;
  getUsedRange(valuesOnly?: boolean): ScriptRange | undefined;
}
export interface ScriptWorkbook {
  getWorksheet(name: string): ScriptSheet | undefined;
  getWorksheets(): ScriptSheet[];
  getTable(name: string): { getRange(): ScriptRange } | undefined;
  getNamedItem(name: string): { getRange(): ScriptRange } | undefined;
}

/** Recomputes every stored report; returns one line per report for the flow's run history. */
export function refreshAll(wb: ScriptWorkbook, now: Date): string {
  const registrySheet = wb.getWorksheets().find((w) => isRegistryContent(w.getName(), w.getUsedRange(true)?.getValues()));
  if (!registrySheet) return "No vendorscore reports in this workbook: generate one from the add-in first.";
  let reg = readRegistry(registrySheet.getUsedRange(true)?.getValues() ?? []);
  // The flow's "now", read as the day the workbook shows; one parse cache for the whole run.
  const cx = createCatalog({ today: () => dateToSerial(now) }).context;
  const lines: string[] = [];
  for (const entry of reg.entries) {
    if (!entry.def) {
      lines.push(`${entry.id}: ${entry.problem}`);
      continue;
    }
    const result = refreshOne(wb, entry.def, cx);
    reg = withDefinition(reg, stamp(entry.def, now, result.error === undefined ? {} : { error: result.error }));
    lines.push(`${entry.def.output}: ${result.error ?? `refreshed (${result.rows} rows)`}`);
  }
  const rows = registryRows(reg);
  registrySheet.getRange().clear("Contents");
  registrySheet.getRange(`A1:B${rows.length}`).setValues(rows);
  return lines.join("\n");
}

function refreshOne(wb: ScriptWorkbook, def: ReportDefinition, cx: Context): { rows?: number; error?: string } {
  const s = def.source;
  const range = "name" in s ? (wb.getTable(s.name) ?? wb.getNamedItem(s.name))?.getRange() : wb.getWorksheet(s.sheet)?.getRange(s.address);
  if (!range) return { error: `the source ${describeSource(s)} no longer exists` };
  const out = wb.getWorksheets().find((w) => w.getId() === def.outputId);
  if (!out) return { error: "its sheet was deleted: generate it again from the add-in" };
  const report = buildReport({ kind: def.kind, source: range.getValues(), config: def.config, calendar: def.calendar, asOf: def.asOf }, cx);
  if (report instanceof CoreError) return { error: report.message };
  const cols = report.values[0]!.length;
  out.getRange().clear("Contents");
  // Text from the data is written as text, never entered as a formula (safeGrid says how and why).
  out.getRange(blockAddress(0, 0, report.values.length, cols)).setValues(safeGrid(report.values));
  if (report.values.length > 1) out.getRange(blockAddress(1, 0, report.values.length - 1, cols)).setNumberFormats(report.values.slice(1).map(() => [...report.patterns]));
  if (report.chart) out.getRange(blockAddress(0, cols + 1, report.chart.data.length, 2)).setValues(safeGrid(report.chart.data));
  return { rows: report.values.length - 1 };
}
