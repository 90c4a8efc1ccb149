import Papa from "papaparse";
import { serialOf } from "../core";
import { addSheet, createWorkbook, setCell, type Cell, type WorkbookModel } from "../doubles/excel/model";

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/;

/** A CSV cell as Excel stores it after opening the file: numbers and dates (as serials) typed. */
export function typedCell(text: string): { value: Cell; format: string } {
  const t = text.trim();
  if (t === "") return { value: "", format: "General" };
  const d = ISO.exec(t);
  if (d) {
    const [, y, m, day, h, mi] = d;
    return { value: serialOf(+y!, +m!, +day!, h ? +h : 0, mi ? +mi : 0), format: h ? "yyyy-mm-dd hh:mm" : "yyyy-mm-dd" };
  }
  if (/^-?\d+(\.\d+)?$/.test(t)) return { value: Number(t), format: "General" };
  return { value: t, format: "General" };
}

/** Parses CSV text into a sheet of the workbook, header row first. */
export function addCsvSheet(wb: WorkbookModel, name: string, csv: string): { rows: number; columns: number; sheetId: string } {
  const rows = Papa.parse<string[]>(csv.trim(), { skipEmptyLines: true }).data;
  const sheet = addSheet(wb, name);
  rows.forEach((row, r) => row.forEach((text, c) => {
    const { value, format } = r === 0 ? { value: text, format: "General" } : typedCell(text);
    setCell(sheet.values, r, c, value, "");
    if (format !== "General") setCell(sheet.formats, r, c, format, "General");
    if (r === 0) setCell(sheet.bold, r, c, true, false);
  }));
  return { rows: rows.length, columns: rows[0]?.length ?? 0, sheetId: sheet.id };
}

/**
 * The shipped sample workbook: "PO lines" (a table named POLines) and "Tickets" (a table named
 * TicketsTable), with the PO lines selected, as an analyst would open it.
 */
export function sampleWorkbook(poCsv: string, ticketsCsv: string): WorkbookModel {
  const wb = createWorkbook();
  const po = addCsvSheet(wb, "PO lines", poCsv);
  const tk = addCsvSheet(wb, "Tickets", ticketsCsv);
  wb.tables.push({ name: "POLines", sheetId: po.sheetId, rect: { r0: 0, c0: 0, r1: po.rows - 1, c1: po.columns - 1 } });
  wb.tables.push({ name: "TicketsTable", sheetId: tk.sheetId, rect: { r0: 0, c0: 0, r1: tk.rows - 1, c1: tk.columns - 1 } });
  wb.selection = { sheetId: po.sheetId, rect: { r0: 0, c0: 0, r1: po.rows - 1, c1: po.columns - 1 } };
  return wb;
}

/** As-of date of the samples (their data ends in March 2025), so the preview's numbers never drift. */
export const SAMPLE_AS_OF = serialOf(2025, 3, 31);
