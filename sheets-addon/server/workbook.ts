import type { CellValue } from "../../core";
import { markerOf, markerValue, quoteSheet, type ReportSheet, type ReportSource, type RowBlock, type SheetEntry, type SourceExtent, type StoredDefinition, type Workbook } from "../../core/report";
import { fromSheets } from "../convert";
import type { Doc } from "./doc";
import { clearReport, finishReport, writeRows } from "./render";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type GRange = GoogleAppsScript.Spreadsheet.Range;

/** The developer metadata key that marks a sheet as a report's, holding the report id. */
export const MARKER = "vendorscore.report";

/**
 * The report use cases' workbook in Google Sheets: SpreadsheetApp answers at once, so the use
 * cases run with `runSync`. Dates are read as the wall-clock serials the sheet shows.
 */
export class SheetsWorkbook implements Workbook {
  /** Sheets by id, looked up once: a block read is then one getRange and one getValues. */
  private readonly byId = new Map<string, Sheet>();
  constructor(private readonly doc: Doc) {}

  sheets(): SheetEntry[] {
    return this.doc.ss.getSheets().map((s) => ({ id: String(s.getSheetId()), name: s.getName(), marker: sheetMarker(s) }));
  }
  definitions(): StoredDefinition[] {
    return this.doc.store.definitions();
  }
  putDefinition(id: string, text: string): void {
    this.doc.store.put(id, text);
  }
  removeDefinition(id: string): void {
    this.doc.store.remove(id);
  }
  locate(source: ReportSource): SourceExtent | undefined {
    const ss = this.doc.ss;
    let range: GRange | null;
    if ("name" in source) range = ss.getRangeByName(source.name);
    else {
      const sheet = ss.getSheetByName(source.sheet);
      if (!sheet) return undefined;
      const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(source.address.trim());
      // Whole columns: down to the sheet's last row with content, so rows added below are read.
      range = cols ? sheet.getRange(`${cols[1]}1:${cols[2]}${Math.max(sheet.getLastRow(), 1)}`) : sheet.getRange(source.address);
    }
    if (!range) return undefined;
    const sheet = range.getSheet();
    return { sheetId: String(sheet.getSheetId()), sheet: sheet.getName(), row: range.getRow() - 1, column: range.getColumn() - 1, rows: range.getNumRows(), columns: range.getNumColumns() };
  }
  read(extent: SourceExtent, offset: number, rows: number): CellValue[][] {
    const values = this.sheet(extent.sheetId).getRange(extent.row + offset + 1, extent.column + 1, rows, extent.columns).getValues();
    return fromSheets(values, this.doc.clock) as CellValue[][];
  }
  addSheet(name: string, reportId: string): SheetEntry {
    const sheet = this.doc.ss.insertSheet(name);
    // The marker holds the sheet's own id too, so a duplicated sheet is not taken for it.
    sheet.addDeveloperMetadata(MARKER, markerValue(reportId, String(sheet.getSheetId())));
    return { id: String(sheet.getSheetId()), name: sheet.getName(), marker: reportId };
  }
  writeReport(sheetId: string, report: ReportSheet, blocks: readonly RowBlock[]): void {
    const sheet = this.sheet(sheetId);
    clearReport(sheet);
    for (const b of blocks) writeRows(sheet, report, b.start, b.count);
    finishReport(sheet, report);
    sheet.getRange(1, 1).setNote(`vendorscore: ${report.title}, refreshed ${this.doc.now().toISOString()}.`);
  }
  markFailed(sheetId: string, message: string): void {
    this.sheet(sheetId).getRange(1, 1).setNote(message);
  }
  deleteSheet(sheetId: string): void {
    this.doc.ss.deleteSheet(this.sheet(sheetId));
    this.byId.delete(sheetId);
  }
  activate(sheetId: string): void {
    this.sheet(sheetId).activate();
  }

  private sheet(id: string): Sheet {
    let s = this.byId.get(id);
    if (!s) {
      s = this.doc.ss.getSheets().find((x) => String(x.getSheetId()) === id);
      if (!s) throw new Error(`The sheet ${id} no longer exists.`);
      this.byId.set(id, s);
    }
    return s;
  }
}

function sheetMarker(sheet: Sheet): string {
  const md = sheet.getDeveloperMetadata().find((m) => m.getKey() === MARKER);
  return md ? markerOf(String(md.getValue() ?? ""), String(sheet.getSheetId())) : "";
}

/** `'PO lines'!A1:J41`, as the panel shows the selection and a definition stores it. */
export function rangeSource(range: GRange): { sheet: string; address: string } {
  return { sheet: range.getSheet().getName(), address: range.getA1Notation() };
}

export function rangeLabel(range: GRange): string {
  const s = rangeSource(range);
  return `${quoteSheet(s.sheet)}!${s.address}`;
}
