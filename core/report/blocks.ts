import type { RowBlock } from "./workbook";

/**
 * Excel on the web refuses a request or a response over 5 MB; every read and write goes in
 * blocks estimated to stay under this, so the number of round trips grows with the data's size
 * (about one per 4 MB) and never fails on a large range.
 */
export const MAX_BLOCK_BYTES = 4 * 1024 * 1024;

/**
 * Bytes a row takes in a request: JSON text of its cells plus the separators, which is how
 * Office.js sends and returns values (numbers as text, strings quoted, one comma per cell).
 */
export function rowBytes(row: readonly unknown[]): number {
  let n = 2;
  for (const v of row) {
    if (typeof v === "string") n += textBytes(v) + 3;
    else if (typeof v === "number") n += String(v).length + 1;
    else n += 6;
  }
  return n;
}

/** A string's bytes in JSON: printable ASCII one each, `"` and `\` two (escaped), anything else up to six (`\u0001`, UTF-8). */
function textBytes(v: string): number {
  let n = v.length;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 34 || c === 92) n += 1;
    else if (c < 32 || c > 126) n += 5;
  }
  return n;
}

/**
 * Consecutive row blocks of a grid, each under `max` bytes by {@link rowBytes} plus `extraPerRow`
 * (a row's number formats, written with it). A single row larger
 * than `max` is a block of its own (a cell is at most 32,767 characters, so a row of a few hundred
 * columns can be: the host then says so).
 *
 * @example writeBlocks([["Vendor"], ["Acme"]]) // [{ start: 0, count: 2 }]
 */
export function writeBlocks(rows: readonly (readonly unknown[])[], max = MAX_BLOCK_BYTES, extraPerRow = 0): RowBlock[] {
  const out: RowBlock[] = [];
  let start = 0;
  let bytes = 0;
  for (let r = 0; r < rows.length; r++) {
    const b = rowBytes(rows[r]!) + extraPerRow;
    if (r > start && bytes + b > max) {
      out.push({ start, count: r - start });
      start = r;
      bytes = 0;
    }
    bytes += b;
  }
  if (rows.length > start) out.push({ start, count: rows.length - start });
  return out;
}

/**
 * How many rows to read next. First a probe of at most 1,000 rows (fewer when a row could hold 256
 * bytes a cell and pass the limit), which measures the rows; then as many as the bytes per row seen
 * so far allow, with a margin of a half for rows longer than those seen.
 */
export function readBlockRows(columns: number, bytesSeen: number, rowsSeen: number, max = MAX_BLOCK_BYTES): number {
  if (rowsSeen === 0) return Math.max(1, Math.min(FIRST_READ_ROWS, Math.floor(max / (Math.max(columns, 1) * 256))));
  const perRow = Math.max(bytesSeen / rowsSeen, columns * 4);
  return Math.max(1, Math.floor(max / (perRow * 1.5)));
}

const FIRST_READ_ROWS = 1000;
