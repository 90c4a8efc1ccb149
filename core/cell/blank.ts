import type { CellValue, Range, RangeArg } from "./types";

/** True for the cells every host means as empty: `null`, `undefined` and `""` (and text of only spaces). */
export function isBlank(v: CellValue): v is null | undefined | "" {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * Recognises a `Date` made in any realm (a custom-function runtime, a `vm` context),
 * which `instanceof Date` would miss.
 */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

/** Ranges whose rows are arrays by construction and built when read (a CSV file's typed table). */
const VIEWS = new WeakSet<object>();

/** Marks a range as a view whose rows are arrays, so {@link asRange} does not visit (and build) every row. */
export function markRowView(range: Range): void {
  VIEWS.add(range);
}

/**
 * Turns a range argument into a 2D array: Sheets passes a one-cell range as a scalar.
 *
 * @example asRange("Acme") // [["Acme"]]
 */
export function asRange(arg: RangeArg): Range {
  if (!Array.isArray(arg)) return isBlank(arg) ? [] : [[arg]];
  if (VIEWS.has(arg)) return arg as Range;
  // A 2D range (the usual case) is used as it is: no copy of a million rows on every call.
  for (let r = 0; r < arg.length; r++) if (!Array.isArray(arg[r])) return arg.map((row) => (Array.isArray(row) ? row : [row as CellValue]));
  return arg as Range;
}
