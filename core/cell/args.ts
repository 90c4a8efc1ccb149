import { isBlank, isDate } from "./blank";
import { dateToSerial, parseDate, type Serial } from "./date";
import { fail } from "./error";
import { parseNumber } from "./number";
import type { CellValue } from "./types";

/** An optional argument that was left out: `null` from Excel, `undefined` from Sheets, or an empty cell. */
export function omitted(v: unknown): v is null | undefined | "" {
  return isBlank(v as CellValue);
}

/** A scalar argument as a host may pass it: a value, or a one-cell range (`[[v]]` or `[v]`). */
function firstCell(v: unknown): CellValue {
  return (Array.isArray(v) ? (Array.isArray(v[0]) ? v[0][0] : v[0]) : v) as CellValue;
}

/**
 * An optional number or date argument that was left out. Older Excel desktop builds pass 0 for
 * a blank cell, and 0 is never a meaningful as-of date, threshold or cutoff, so it reads as left out.
 */
export function leftOut(v: unknown): boolean {
  const cell = firstCell(v);
  return omitted(cell) || cell === 0;
}

/**
 * The as-of moment: a date cell, a serial or ISO text; today (from the injected clock) when omitted.
 * A plain as-of date means the end of that day is not reached: on-time compares days, SLA clocks stop at 00:00.
 */
export function asOfArg(v: unknown, now: () => Date, name = "as_of"): Serial {
  if (leftOut(v)) return dateToSerial(now());
  const cell = firstCell(v);
  const s = parseDate(cell);
  if (Number.isNaN(s)) fail("bad_argument", `${name} "${String(cell)}" is not a date: give a date cell, a date serial or text like 2025-03-31.`);
  return s;
}

/** A date-time argument that must be given. */
export function dateArg(v: unknown, name: string): Serial {
  const cell = firstCell(v);
  // 0 is the blank cell older Excel builds pass.
  if (omitted(cell) || cell === 0) fail("bad_argument", `${name} is empty: give a date-time.`);
  const s = isDate(cell) ? dateToSerial(cell) : parseDate(cell);
  if (Number.isNaN(s)) fail("bad_argument", `${name} "${String(cell)}" is not a date-time: give a date cell or text like 2025-03-31 14:30.`);
  return s;
}

/** A text argument that must be given, such as a vendor name. */
export function textArg(v: unknown, name: string): string {
  const cell = firstCell(v);
  if (omitted(cell)) fail("bad_argument", `${name} is empty: give a ${name} name.`);
  return isDate(cell) ? String(dateToSerial(cell)) : String(cell).trim();
}

/** An optional number argument, `fallback` when omitted (or 0, an old Excel build's blank). */
export function numberArg(v: unknown, name: string, fallback: number): number {
  const cell = firstCell(v);
  if (leftOut(cell)) return fallback;
  const n = parseNumber(cell);
  if (Number.isNaN(n)) fail("bad_argument", `${name} "${String(cell)}" is not a number.`);
  return n;
}
