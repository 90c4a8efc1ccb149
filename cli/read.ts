import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { CellValue, Range } from "../core";
import { UsageError } from "./errors";

export type Progress = (message: string) => void;

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25569;

/**
 * Reads a CSV or XLSX file into a range as a spreadsheet would hand it to a function: CSV cells
 * stay text (the core reads numbers, percents, currency and dates from text); XLSX date cells
 * become Excel serials, formulas their cached result.
 */
export async function readRange(file: string, progress: Progress, sheet?: string): Promise<Range> {
  if (!fs.existsSync(file)) throw new UsageError(`${file}: no such file.`);
  if (fs.statSync(file).isDirectory()) throw new UsageError(`${file} is a folder: give a .csv or .xlsx file.`);
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xlsx") return readXlsx(file, progress, sheet);
  if (ext === ".csv" || ext === ".txt" || ext === ".tsv") return readCsv(file, progress);
  throw new UsageError(`${file}: unknown file type "${ext || "(none)"}"; give a .csv or .xlsx file.`);
}

function readCsv(file: string, progress: Progress): Range {
  const text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const range: Range = [];
  let next = 0.1;
  Papa.parse<string[]>(text, {
    skipEmptyLines: "greedy",
    chunkSize: 1 << 22,
    complete: () => {},
    chunk(res: Papa.ParseResult<string[]>) {
      for (const row of res.data) range.push(row);
      const done = (res.meta.cursor ?? text.length) / text.length;
      if (done >= next && done < 1) {
        progress(`read ${Math.floor(done * 100)}% of ${path.basename(file)} (${range.length.toLocaleString("en-US")} rows)`);
        next = Math.floor(done * 10) / 10 + 0.1;
      }
    },
  });
  if (range.length === 0) throw new UsageError(`${file} is empty: it needs a header row and data rows.`);
  return range;
}

async function readXlsx(file: string, progress: Progress, sheetName?: string): Promise<Range> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new UsageError(`${file} is not a readable .xlsx workbook (${(e as Error).message}).`);
  }
  const ws = sheetName === undefined ? wb.worksheets[0] : wb.getWorksheet(sheetName);
  if (!ws) {
    const names = wb.worksheets.map((w) => `"${w.name}"`).join(", ");
    throw new UsageError(sheetName === undefined ? `${file} has no worksheet.` : `${file} has no sheet "${sheetName}"; its sheets are ${names}.`);
  }
  const width = ws.columnCount;
  const range: Range = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: CellValue[] = new Array<CellValue>(width).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellValue(cell.value);
    });
    range[n - 1] = cells;
    if (n % 100_000 === 0) progress(`read ${n.toLocaleString("en-US")} rows of ${path.basename(file)}`);
  });
  for (let i = 0; i < range.length; i++) range[i] ??= new Array<CellValue>(width).fill(null);
  if (range.length === 0) throw new UsageError(`${file}: sheet "${ws.name}" is empty: it needs a header row and data rows.`);
  return range;
}

/** An exceljs cell value as a cell a host hands over: dates as serials, formulas as their result. */
function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  // exceljs reads a date cell as the UTC instant of its wall-clock time.
  if (v instanceof Date) return v.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  if (typeof v === "object") {
    if ("result" in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("error" in v) return String(v.error);
  }
  return String(v);
}
