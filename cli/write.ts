import * as fs from "node:fs";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { formatSerial, type ResultCell, type ResultGrid } from "../core";

export type Format = "csv" | "json" | "xlsx";

/**
 * Text that a spreadsheet would run as a formula when the file is opened (`=`, `+`, `-`, `@`,
 * and tab or carriage return, which some programs strip first) gets a leading single quote.
 * Numbers stay numbers, negative ones included: only text is escaped.
 *
 * @example escapeCell("=HYPERLINK(\"x\")") // "'=HYPERLINK(\"x\")"
 */
export function escapeCell(v: ResultCell): ResultCell {
  return typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** Date columns (Excel serials in the grid) as `2025-03-31 14:30` text for CSV and JSON. */
function withDateText(grid: ResultGrid, dateColumns: readonly string[]): ResultGrid {
  const at = grid[0]!.map((h, i) => (dateColumns.includes(String(h)) ? i : -1)).filter((i) => i >= 0);
  if (at.length === 0) return grid;
  return grid.map((row, r) => (r === 0 ? row : row.map((v, c) => (at.includes(c) && typeof v === "number" ? formatSerial(v) : v))));
}

export function toCsv(grid: ResultGrid, dateColumns: readonly string[]): string {
  return Papa.unparse(withDateText(grid, dateColumns).map((row) => row.map(escapeCell)), { newline: "\n" }) + "\n";
}

/** Rows as objects keyed by the header; empty cells are null. JSON is data, not a sheet: nothing is escaped. */
export function toJson(grid: ResultGrid, dateColumns: readonly string[]): string {
  const [header, ...rows] = withDateText(grid, dateColumns);
  const keys = header!.map(String);
  return JSON.stringify(rows.map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i] === "" || row[i] === undefined ? null : row[i]]))), null, 2) + "\n";
}

export async function toXlsx(grid: ResultGrid, sheetName: string, dateColumns: readonly string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  for (const row of grid) ws.addRow(row.map(escapeCell));
  ws.getRow(1).font = { bold: true };
  grid[0]!.forEach((h, i) => {
    if (dateColumns.includes(String(h))) ws.getColumn(i + 1).numFmt = "yyyy-mm-dd hh:mm";
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function writeResult(grid: ResultGrid, format: Format, out: string | undefined, sheetName: string, dateColumns: readonly string[]): Promise<void> {
  if (format === "xlsx") {
    const buf = await toXlsx(grid, sheetName, dateColumns);
    if (out === undefined) process.stdout.write(buf);
    else fs.writeFileSync(out, buf);
    return;
  }
  const text = format === "csv" ? toCsv(grid, dateColumns) : toJson(grid, dateColumns);
  if (out === undefined) process.stdout.write(text);
  else fs.writeFileSync(out, text);
}
