import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { formatSerial, type Range, type ResultCell, type ResultGrid } from "../core";
import { rowPatterns, type ReportKind, type ReportSheet } from "../core/report";
import { OutputError, systemReason } from "./errors";

export type Format = "csv" | "json" | "xlsx";

/**
 * Text that a spreadsheet would run as a formula when the file is opened (`=`, `+`, `-`, `@`,
 * and tab or carriage return, which some programs strip first) gets a leading single quote.
 * Numbers stay numbers, negative ones included: only text is escaped. CSV only: an XLSX string
 * cell is never a formula, so XLSX text is written as it is.
 *
 * @example escapeCell("=HYPERLINK(\"x\")") // "'=HYPERLINK(\"x\")"
 */
export function escapeCell(v: ResultCell): ResultCell {
  return typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/**
 * A number as text files carry it: at most 15 significant digits, the precision a double holds
 * exactly, so sums print as 7672039.37 and not 7672039.369999999.
 *
 * @example fifteen(7672039.369999999) // 7672039.37
 */
export function fifteen(v: ResultCell): ResultCell {
  return typeof v === "number" && Number.isFinite(v) ? Number(v.toPrecision(15)) : v;
}

/** Date columns (Excel serials in the grid) as `2025-03-31 14:30` text, other numbers to 15 digits: the cells of CSV and JSON. */
function textCells(grid: ResultGrid, dateColumns: readonly string[]): ResultGrid {
  const isDate = grid[0]!.map((h) => dateColumns.includes(String(h)));
  return grid.map((row, r) => (r === 0 ? row : row.map((v, c) => (isDate[c] && typeof v === "number" ? formatSerial(v) : fifteen(v)))));
}

/** A CSV field: quoted (quotes doubled) when it holds a comma, a quote or a line break. */
function csvField(v: ResultCell | undefined): string {
  const t = v === undefined || v === null ? "" : String(v);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

export function toCsv(grid: ResultGrid, dateColumns: readonly string[]): string {
  return textCells(grid, dateColumns).map((row) => row.map((v) => csvField(escapeCell(v))).join(",")).join("\n") + "\n";
}

/** Rows as objects keyed by the header; empty cells are null. JSON is data, not a sheet: nothing is escaped. */
export function toJson(grid: ResultGrid, dateColumns: readonly string[]): string {
  const [header, ...rows] = textCells(grid, dateColumns);
  const keys = header!.map(String);
  return JSON.stringify(rows.map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i] === "" || row[i] === undefined ? null : row[i]]))), null, 2) + "\n";
}

/** The output in the chosen format, as the bytes to write; `weights` (the weights rows given) colour an XLSX scorecard by its standings. */
export async function render(grid: ResultGrid, format: Format, kind: ReportKind, sheetName: string, dateColumns: readonly string[], weights?: Range): Promise<string | Buffer> {
  if (format === "csv") return toCsv(grid, dateColumns);
  if (format === "json") return toJson(grid, dateColumns);
  const { toXlsx } = await import("./xlsx-write");
  return toXlsx(grid, kind, sheetName, weights);
}

/**
 * A sheet of blocks (a business review) in the chosen format. CSV: the sheet's rows as the add-in
 * lays them out, each block under its title with a blank line between blocks, dates as text and
 * numbers to 15 digits. JSON: one object per block, `{ title, rows }` with rows keyed by the
 * block's header, or `{ title, values }` for a block of label and value pairs. XLSX: the sheet
 * with each block's number formats and its title and header in bold.
 */
export async function renderBlocks(sheet: ReportSheet, format: Format, sheetName: string): Promise<string | Buffer> {
  if (format === "xlsx") {
    const { blocksToXlsx } = await import("./xlsx-write");
    return blocksToXlsx(sheet, sheetName);
  }
  // Each cell as text files carry it: a date (a number under a date format) as its text.
  const cells = sheet.values.map((row, r) => {
    const patterns = rowPatterns(sheet, r);
    const shown = row.map((v, c) => (typeof v === "number" && patterns?.[c]?.startsWith("yyyy") ? formatSerial(v) : fifteen(v)));
    let end = shown.length;
    while (end > 0 && (shown[end - 1] === "" || shown[end - 1] === undefined)) end--;
    return shown.slice(0, end);
  });
  if (format === "csv") return cells.map((row) => row.map((v) => csvField(escapeCell(v))).join(",")).join("\n") + "\n";
  const blocks = (sheet.blocks ?? []).map((b) => {
    const rows = cells.slice(b.row + (b.title ? 1 : 0), b.row + b.rows);
    const value = (v: ResultCell | undefined) => (v === "" || v === undefined ? null : v);
    if (!b.header) return { title: b.title ?? "", values: Object.fromEntries(rows.map((row) => [String(row[0] ?? ""), value(row[1])])) };
    const [head = [], ...body] = rows;
    const keys = head.map(String);
    return { title: b.title ?? "", rows: body.map((row) => Object.fromEntries(keys.map((k, i) => [k, value(row[i])]))) };
  });
  return JSON.stringify(blocks, null, 2) + "\n";
}

/** The output to `out` (written atomically), or to standard output when no file is named. */
export async function deliver(out: string | undefined, data: string | Buffer): Promise<void> {
  if (out === undefined) await writeStdout(data);
  else writeAtomic(out, data);
}

/**
 * Writes a file atomically: the bytes go to a temporary file in the same folder, flushed to
 * disk, then renamed over the target. A failure (missing or unwritable folder, full disk)
 * removes the temporary file and leaves any existing output as it was.
 */
export function writeAtomic(out: string, data: string | Buffer): void {
  const dir = path.dirname(path.resolve(out));
  const tmp = path.join(dir, `.${path.basename(out)}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, "wx", 0o644);
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    for (let at = 0; at < bytes.length; ) at += fs.writeSync(fd, bytes, at, bytes.length - at);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, out);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw new OutputError(`cannot write ${out}: ${systemReason(e)}; nothing was changed.`);
  }
}

/** Writes to standard output; a reader that stops early (`| head`) is the caller's business (see main). */
export function writeStdout(data: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    process.stdout.write(data, (e) => (e ? reject(e) : resolve()));
  });
}
