import { CoreError, isDate, type Result } from "../core";
import type { WallClock } from "./zone";

/**
 * Sheets' calling conventions to the core's: every `Date` (a date cell, a whole 2D range of
 * them, a single cell passed as a scalar) becomes the serial the sheet shows in its zone.
 * `""` and `undefined` pass through: the core reads both as blank. `clock` is asked for only
 * when a date is met, so a call without dates never reads the spreadsheet's zone.
 *
 * @example fromSheets([[new Date(...)]], () => wallClock("Asia/Kolkata")) // [[45747.5]]
 */
export function fromSheets(arg: unknown, clock: () => WallClock): unknown {
  if (isDate(arg)) return clock().toSerial(arg);
  if (!Array.isArray(arg)) return arg;
  return arg.map((row: unknown) => {
    if (!Array.isArray(row)) return isDate(row) ? clock().toSerial(row) : row;
    let out: unknown[] | undefined;
    for (let c = 0; c < row.length; c++) {
      const v: unknown = row[c];
      if (isDate(v)) {
        // Copy only rows that hold dates: the rest are passed as they came.
        out ??= row.slice();
        out[c] = clock().toSerial(v);
      }
    }
    return out ?? row;
  });
}

/**
 * The one place core errors become Sheets errors: a thrown Error, which Sheets shows as
 * #ERROR! with the message on hover, so the message starts with the code it would be in Excel.
 *
 * @example sheetsError(new CoreError("unknown_vendor", "No lines for vendor \"X\".")).message // '#N/A: No lines for vendor "X".'
 */
export function sheetsError(e: CoreError): Error {
  return new Error(`${e.code}: ${e.message}`);
}

/**
 * The core's result for Sheets: errors thrown, non-finite numbers as "", and the serials of
 * the catalog's date columns as `Date` objects in the sheet's zone, so they show as dates
 * and compare with other date cells.
 */
export function toSheets(r: Result | CoreError, dateColumns: readonly string[] | undefined, clock: () => WallClock): unknown {
  if (r instanceof CoreError) throw sheetsError(r);
  if (!Array.isArray(r)) return cellOut(r);
  const header = (r[0] ?? []).map((h) => String(h).trim().toLowerCase());
  const wanted = new Set((dateColumns ?? []).map((d) => d.toLowerCase()));
  const dated = header.flatMap((h, i) => (wanted.has(h) ? [i] : []));
  return r.map((row, i) =>
    row.map((v, c) => {
      if (i > 0 && typeof v === "number" && Number.isFinite(v) && dated.includes(c)) return clock().toDate(v);
      return cellOut(v);
    }),
  );
}

function cellOut(v: unknown): unknown {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" && !Number.isFinite(v)) return "";
  return v;
}
