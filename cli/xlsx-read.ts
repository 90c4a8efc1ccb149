import * as path from "node:path";
import type ExcelJS from "exceljs";
import { UNIX_EPOCH_SERIAL, MS_PER_DAY, type CellValue, type Range } from "../core";
import { UsageError } from "./errors";
import type { Progress } from "./read";

type Row = CellValue[];

/** A sheet read: its cells, its name and the workbook's sheet names (for messages). */
export interface Sheet {
  readonly range: Range;
  readonly sheet: string;
  readonly sheets: readonly string[];
}

/** What the streaming reader hands per worksheet; its name is set once workbook.xml has been read. */
interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  readonly name: string;
}

/**
 * Reads one sheet of an XLSX file with exceljs's streaming reader: rows are kept as they arrive
 * and only cells present cost memory. Rows are padded to the widest row present, and rows absent
 * from the file (gaps) all share one blank row, so a lone cell at XFD1048576 costs one row of
 * that width, not rows x columns. `sheet` matches a sheet name in any case; default: the first.
 */
export async function readXlsx(file: string, progress: Progress, sheet?: string): Promise<Sheet> {
  const { default: Excel } = await import("exceljs");
  const reader = new Excel.stream.xlsx.WorkbookReader(file, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
  const present = new Map<number, Row>();
  let width = 0;
  let chosen: string | undefined;
  let names: string[] = [];
  try {
    for await (const ws of reader as unknown as AsyncIterable<SheetReader>) {
      names = sheetNames(reader);
      chosen ??= pick(file, names, sheet);
      if (ws.name !== chosen) {
        for await (const _ of ws); // the zip entry must be read through to reach the next one
        continue;
      }
      for await (const row of ws) {
        const cells: Row = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          const v = cellValue(cell.value);
          if (v !== null) cells[col - 1] = v;
        });
        if (cells.length === 0) continue;
        present.set(row.number, cells);
        if (cells.length > width) width = cells.length;
        if (present.size % 100_000 === 0) progress(`read ${present.size.toLocaleString("en-US")} rows of ${path.basename(file)}`);
      }
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${file} is not a readable .xlsx workbook (${(e as Error).message}).`);
  }
  if (names.length === 0) throw new UsageError(`${file} has no worksheet.`);
  chosen ??= pick(file, names, sheet);
  const others = `the workbook's sheets are ${listed(names)}: pick one with --sheet`;
  if (present.size === 0) throw new UsageError(`${file}: sheet "${chosen}" is empty: it needs a header row and data rows; ${others}.`);
  const last = Math.max(...present.keys());
  const blank: Row = new Array<CellValue>(width).fill(null);
  const range: Range = new Array<Row>(last);
  for (let r = 1; r <= last; r++) {
    const cells = present.get(r);
    if (!cells) {
      range[r - 1] = blank;
      continue;
    }
    for (let c = 0; c < width; c++) if (cells[c] === undefined) cells[c] = null;
    range[r - 1] = cells;
  }
  if (range.length === 1) throw new UsageError(`${file}: sheet "${chosen}" has a header row but no data lines; ${others}.`);
  return { range, sheet: chosen, sheets: names };
}

function sheetNames(reader: unknown): string[] {
  const sheets = (reader as { model?: { sheets?: { name: string }[] } }).model?.sheets ?? [];
  return sheets.map((s) => s.name);
}

/** The sheet to read: `--sheet` in any case, else the first. */
function pick(file: string, names: readonly string[], sheet: string | undefined): string {
  if (sheet === undefined) {
    if (names.length === 0) throw new UsageError(`${file} has no worksheet.`);
    return names[0]!;
  }
  const want = sheet.trim().toLowerCase();
  const found = names.find((n) => n.toLowerCase() === want);
  if (found === undefined) throw new UsageError(`${file} has no sheet "${sheet}"; its sheets are ${listed(names)}.`);
  return found;
}

export const listed = (names: readonly string[]) => names.map((n) => `"${n}"`).join(", ");

/** An exceljs cell value as a cell a host hands over: dates as serials, formulas as their result. */
function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  // exceljs reads a date cell as the UTC instant of its wall-clock time.
  if (v instanceof Date) return v.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  if (typeof v === "object") {
    if ("result" in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ("formula" in v || "sharedFormula" in v) return null;
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("error" in v) return String(v.error);
  }
  return String(v);
}
