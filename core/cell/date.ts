import { isDate } from "./blank";
import type { CellValue } from "./types";

/**
 * Dates inside the core are Excel serial numbers: days since 1899-12-30, the fraction
 * being the time of day. They are wall-clock times: no time zone is ever applied.
 */
export type Serial = number;

export const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01. */
export const UNIX_EPOCH_SERIAL = 25569;
/** Largest serial Excel shows (9999-12-31). */
const MAX_SERIAL = 2_958_465;
/** Serial of 1900-01-01, the first day a date cell may hold. */
const FIRST_DAY = 2;
/** Days in 400 Gregorian years: the calendar repeats after them. */
const DAYS_IN_400_YEARS = 146_097;

/**
 * Serial of a wall-clock date and time. Months are 1-12. Years 0-99 are those years (`Date.UTC`
 * alone would read them as 1900-1999), so `0050-03-01` is far before 1900, not 1950.
 *
 * @example serialOf(2025, 3, 31, 12) // 45747.5
 */
export function serialOf(y: number, m: number, d: number, h = 0, mi = 0, s = 0, ms = 0): Serial {
  if (y >= 0 && y < 100) return serialOf(y + 400, m, d, h, mi, s, ms) - DAYS_IN_400_YEARS;
  return Date.UTC(y, m - 1, d, h, mi, s, ms) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/**
 * Whether a date-time read from text or a `Date` is one a sheet can hold: from 1900-01-01 to
 * 9999-12-31 (any time that day). Serial numbers have their own, older bounds (0 to 2958465).
 *
 * @example inDateRange(serialOf(50, 3, 1)) // false: the year 50, not 1950
 */
export function inDateRange(s: Serial): boolean {
  return s >= FIRST_DAY && s < MAX_SERIAL + 1;
}

/**
 * Serial of a `Date` read by its local-time fields, as the wall-clock time a sheet shows.
 *
 * @example dateToSerial(new Date(2025, 2, 31, 12)) // 45747.5
 */
export function dateToSerial(d: Date): Serial {
  return serialOf(d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds());
}

/** The wall-clock fields of a serial, for formatting. */
export function serialParts(s: Serial): { y: number; m: number; d: number; h: number; mi: number } {
  const t = new Date(Math.round((s - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes() };
}

/** Day of week of a serial: 0 = Sunday .. 6 = Saturday. */
export function weekday(s: Serial): number {
  return (Math.floor(s) + 6) % 7;
}

/** `2025-03-31` or `2025-03-31 14:30` for messages. */
export function formatSerial(s: Serial): string {
  const p = serialParts(s);
  const two = (n: number) => String(n).padStart(2, "0");
  const day = `${p.y}-${two(p.m)}-${two(p.d)}`;
  return p.h || p.mi ? `${day} ${two(p.h)}:${two(p.mi)}` : day;
}

/** Order of the parts of a numeric date such as `03/04/2025`. */
export type DateOrder = "MDY" | "DMY" | "YMD";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function monthOf(name: string): number {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 || (name.length > 3 && !/^(january|february|march|april|may|june|july|august|september|sept|october|november|december)$/i.test(name)) ? 0 : i + 1;
}

/** Two-digit years follow Excel: 00-29 are 2000s, 30-99 are 1900s. */
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

// The space before am/pm sits inside its optional group: two `\s*` side by side (`\s*(am)?\s*`)
// made a long run of spaces after a time quadratic. Every pattern is anchored and no two
// neighbouring quantifiers can take the same character, so matching is linear in the text.
const TIME = String.raw`(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:\s*([ap]\.?m\.?))?)?\s*(?:z|[+-]\d{2}:?\d{2})?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, "i");
const NUMERIC = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})${TIME}$`, "i");
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})[-/. ]+([a-z]{3,9})\.?[-/. ,]+(\d{2}|\d{4})${TIME}$`, "i");
const MONTH_NAME_DAY = new RegExp(String.raw`^([a-z]{3,9})\.?[-/. ]+(\d{1,2})(?:st|nd|rd|th)?,?[-/. ]+(\d{2}|\d{4})${TIME}$`, "i");

function build(y: number, m: number, d: number, t: string[], ti: number): Serial {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  let h = t[ti] === undefined ? 0 : Number(t[ti]);
  const mi = t[ti + 1] === undefined ? 0 : Number(t[ti + 1]);
  const s = t[ti + 2] === undefined ? 0 : Number(t[ti + 2]);
  const ms = t[ti + 3] === undefined ? 0 : Number(`0.${t[ti + 3]}`) * 1000;
  const ampm = t[ti + 4]?.[0]?.toLowerCase();
  if (ampm) {
    if (h < 1 || h > 12) return NaN;
    h = (h % 12) + (ampm === "p" ? 12 : 0);
  }
  if (h > 23 || mi > 59 || s > 59) return NaN;
  const serial = serialOf(y, m, d, h, mi, s, ms);
  return inDateRange(serial) ? serial : NaN;
}

/**
 * The first two parts of a numeric date (`13/04/2025` -> [13, 4]), used to tell a column's
 * day/month order; undefined for any other text.
 */
export function numericDateParts(s: string): [number, number] | undefined {
  const t = NUMERIC.exec(s.trim());
  return t ? [Number(t[1]), Number(t[2])] : undefined;
}

/**
 * Reads date text: ISO (`2025-03-31`, `2025-03-31 14:30`), `2-Jun-06`, `02-Jun-2006`,
 * `Jun 2, 2006`, and numeric dates in the given day/month order. NaN when it is not a date.
 *
 * @example parseDateText("29-02-2016 01:16", "DMY") // serial of 2016-02-29 01:16
 */
export function parseDateText(text: string, order: DateOrder = "MDY"): Serial {
  const s = text.trim();
  let t = ISO.exec(s);
  if (t) return build(Number(t[1]), Number(t[2]), Number(t[3]), t, 4);
  t = NUMERIC.exec(s);
  if (t) {
    const a = Number(t[1]), b = Number(t[2]), y = fullYear(t[3]!);
    if (order === "DMY") return build(y, b, a, t, 4);
    if (order === "MDY") return build(y, a, b, t, 4);
    return NaN; // YMD needs a four-digit year first, which ISO has read
  }
  t = DAY_MONTH_NAME.exec(s);
  if (t) return build(fullYear(t[3]!), monthOf(t[2]!), Number(t[1]), t, 4);
  t = MONTH_NAME_DAY.exec(s);
  if (t) return build(fullYear(t[3]!), monthOf(t[1]!), Number(t[2]), t, 4);
  return NaN;
}

/**
 * Reads a date cell: a serial number (Excel), a `Date` (Sheets, read as wall-clock time) or date text.
 * NaN when the cell is not a date; blanks are the caller's business.
 */
export function parseDate(v: CellValue, order: DateOrder = "MDY"): Serial {
  if (typeof v === "number") return v >= 0 && v <= MAX_SERIAL ? v : NaN;
  if (typeof v === "string") {
    const s = parseDateText(v, order);
    if (!Number.isNaN(s)) return s;
    // A number typed as text, as some CSV exports write serials.
    return /^\d+(\.\d+)?$/.test(v.trim()) ? parseDate(Number(v), order) : NaN;
  }
  if (isDate(v)) {
    // Range-checked like text: a Date in the year 50 or 12000 is no date a sheet holds.
    const s = dateToSerial(v);
    return inDateRange(s) ? s : NaN;
  }
  return NaN;
}

/**
 * The day/month order one numeric date shows by itself: a first part over 12 is a day
 * (`31/12/2025` is DMY), a second part over 12 is a day too (`12/31/2025` is MDY); otherwise
 * the given order. For a single cell, such as an argument, where there is no column to look at.
 *
 * @example orderShown("31/12/2025", "MDY") // "DMY"
 */
export function orderShown(text: string, order: DateOrder): DateOrder {
  const parts = numericDateParts(text);
  if (!parts) return order;
  return parts[0] > 12 ? "DMY" : parts[1] > 12 ? "MDY" : order;
}

/**
 * Reads one date cell standing alone (an argument): numeric text follows the date order unless
 * the text shows its own ({@link orderShown}).
 *
 * @example parseDateAlone("31/12/2025", "MDY") // serial of 2025-12-31
 * @example parseDateAlone("03/04/2025", "DMY") // serial of 2025-04-03
 */
export function parseDateAlone(v: CellValue, order: DateOrder = "MDY"): Serial {
  return parseDate(v, typeof v === "string" ? orderShown(v, order) : order);
}
