/**
 * Refresh while the workbook is closed: the logic of the Office Script that a Power Automate
 * flow runs on a schedule. It reads the same registry the add-in writes, recomputes each report
 * with the same core and writes values and number formats into the report sheets the add-in
 * created (only those: they are found by the sheet id stored with each report). Bundled into
 * dist/excel-addin/office-script/RefreshVendorReports.ts by the build.
 */
import type { CellValue } from "../../core";
import { createCatalog, dateToSerial } from "../../core";
import { markerOf, markerValue, refresh, runSync, type ReportSheet, type ReportSource, type RowBlock, type SheetEntry, type SourceExtent, type StoredDefinition, type Workbook, helperBlocks, formatRows, safeText } from "../../core/report";
import { blockAddress, parseBlock, splitAddress } from "../address";
import { hasRegistryName, isRegistryContent, readRegistry, registryRows, storedDefinitions, withoutDefinition, withText, type Registry } from "../registry";
import { MARKER } from "../workbook";

/** The few ExcelScript calls used, typed here because the script has no access to the add-in's types. */
export interface ScriptRange {
  getValues(): (string | number | boolean)[][];
  setValues(v: (string | number | boolean)[][]): void;
  setNumberFormats(v: string[][]): void;
  clear(applyTo?: string): void;
  getAddress(): string;
}
export interface ScriptSheet {
  getId(): string;
  getName(): string;
  getRange(address?: string): ScriptRange;
  getUsedRange(valuesOnly?: boolean): ScriptRange | undefined;
  getCustomProperty(key: string): { getValue(): string } | undefined;
  addCustomProperty(key: string, value: string): void;
  activate(): void;
  delete(): void;
}
export interface ScriptWorkbook {
  getWorksheet(name: string): ScriptSheet | undefined;
  getWorksheets(): ScriptSheet[];
  addWorksheet(name: string): ScriptSheet;
  getTable(name: string): { getRange(): ScriptRange } | undefined;
  getNamedItem(name: string): { getRange(): ScriptRange } | undefined;
}

/**
 * Recomputes every stored report with the report use cases the add-in runs (the same ownership
 * and isolation rules); returns the run's message and one line per report for the flow's history.
 */
export function refreshAll(wb: ScriptWorkbook, now: Date): string {
  if (!registrySheet(wb)) return "No vendorscore reports in this workbook: generate one from the add-in first.";
  const env = { now: () => now, cx: createCatalog({ today: () => dateToSerial(now) }).context };
  const r = runSync(refresh(env), new ScriptBook(wb));
  return [r.message, ...r.outcomes.map((o) => `${o.output || o.id}: ${o.message}`)].join("\n");
}

function registrySheet(wb: ScriptWorkbook): ScriptSheet | undefined {
  // Only a sheet with a registry's name is read: reading every sheet would read all the data.
  return wb.getWorksheets().find((w) => hasRegistryName(w.getName()) && isRegistryContent(w.getName(), w.getUsedRange(true)?.getValues()));
}

/**
 * The report use cases' workbook in an Office Script: ExcelScript answers at once. It writes
 * values, number formats and the charts' helper blocks (hidden columns), if any; the colour scale,
 * red-row rule, frozen header and charts stay as the add-in set them.
 */
class ScriptBook implements Workbook {
  private registry: Registry | undefined;
  constructor(private readonly wb: ScriptWorkbook) {}

  sheets(): SheetEntry[] {
    return this.wb.getWorksheets().map((w) => ({ id: w.getId(), name: w.getName(), marker: markerOf(w.getCustomProperty(MARKER)?.getValue(), w.getId()) }));
  }
  definitions(): StoredDefinition[] {
    return storedDefinitions(this.readRegistry());
  }
  putDefinition(id: string, text: string): void {
    this.writeRegistry(withText(this.readRegistry(), id, text));
  }
  removeDefinition(id: string): void {
    this.writeRegistry(withoutDefinition(this.readRegistry(), id));
  }
  locate(source: ReportSource): SourceExtent | undefined {
    let sheetName: string;
    let address: string;
    if ("name" in source) {
      const range = (this.wb.getTable(source.name) ?? this.wb.getNamedItem(source.name))?.getRange();
      if (!range) return undefined;
      ({ sheet: sheetName, address } = splitAddress(range.getAddress()));
    } else {
      sheetName = source.sheet;
      address = source.address;
    }
    const ws = this.wb.getWorksheets().find((w) => w.getName().toLowerCase() === sheetName.toLowerCase());
    const b = parseBlock(address);
    if (!ws || !b) return undefined;
    if (b.rows !== undefined) return { sheetId: ws.getId(), sheet: ws.getName(), row: b.row, column: b.column, rows: b.rows, columns: b.columns };
    // Whole columns: the sheet's used rows, as the add-in reads them.
    const used = ws.getUsedRange(true);
    const u = used ? parseBlock(splitAddress(used.getAddress()).address) : undefined;
    return { sheetId: ws.getId(), sheet: ws.getName(), row: u?.row ?? 0, column: b.column, rows: u?.rows ?? 0, columns: b.columns };
  }
  read(extent: SourceExtent, offset: number, rows: number): CellValue[][] {
    return this.sheet(extent.sheetId).getRange(blockAddress(extent.row + offset, extent.column, rows, extent.columns)).getValues();
  }
  addSheet(name: string, reportId: string): SheetEntry {
    const ws = this.wb.addWorksheet(name);
    ws.addCustomProperty(MARKER, markerValue(reportId, ws.getId()));
    return { id: ws.getId(), name: ws.getName(), marker: reportId };
  }
  writeReport(sheetId: string, report: ReportSheet, blocks: readonly RowBlock[]): void {
    const out = this.sheet(sheetId);
    const cols = report.values[0]?.length ?? 0;
    out.getRange().clear("Contents");
    for (const b of blocks) {
      const rows = report.values.slice(b.start, b.start + b.count).map((row) => row.map(safeText));
      out.getRange(blockAddress(b.start, 0, b.count, cols)).setValues(rows);
      const f = formatRows(report, b.start, b.count);
      if (f.rows.length > 0) out.getRange(blockAddress(f.first, 0, f.rows.length, cols)).setNumberFormats(f.rows);
    }
    // A chart reads the table's own columns, or a helper block in the hidden columns the add-in
    // placed it in: only such a block is rewritten, where the add-in put it.
    for (const h of helperBlocks(report)) out.getRange(blockAddress(0, h.column, h.values.length, h.values[0]!.length)).setValues(h.values.map((row) => row.map(safeText)));
  }
  deleteSheet(sheetId: string): void {
    this.sheet(sheetId).delete();
  }
  activate(sheetId: string): void {
    this.sheet(sheetId).activate();
  }

  private sheet(id: string): ScriptSheet {
    const ws = this.wb.getWorksheets().find((w) => w.getId() === id);
    if (!ws) throw new Error(`The sheet ${id} no longer exists.`);
    return ws;
  }
  private readRegistry(): Registry {
    return (this.registry ??= readRegistry(registrySheet(this.wb)?.getUsedRange(true)?.getValues() ?? []));
  }
  private writeRegistry(reg: Registry): void {
    this.registry = reg;
    const sheet = registrySheet(this.wb);
    if (!sheet) return;
    const rows = registryRows(reg);
    sheet.getRange().clear("Contents");
    sheet.getRange(blockAddress(0, 0, rows.length, rows[0]!.length)).setValues(rows);
  }
}

