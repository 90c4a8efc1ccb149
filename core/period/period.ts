import { serialOf, type Serial } from "../cell/date";

/** How the lines are cut in time for a business review. */
export type PeriodKind = "week" | "month" | "quarter" | "year";
export const PERIOD_KINDS: readonly PeriodKind[] = ["week", "month", "quarter", "year"];

/**
 * A calendar of periods. A period is an integer (consecutive periods are consecutive integers),
 * so a window of periods is a range of integers and a line's place in it is a subtraction.
 */
export interface PeriodCalendar {
  readonly kind: PeriodKind;
  /** The month (1-12) quarters and years start in; months and weeks ignore it. */
  readonly fiscalStart: number;
}

/** A period as a review shows it. */
export interface Period {
  readonly index: number;
  readonly label: string;
  /** First and last day, as date serials. */
  readonly start: Serial;
  readonly end: Serial;
}

/** Serial of 1900-01-01, a Monday: ISO weeks are counted from it. */
const FIRST_MONDAY = 2;
/** Days from 0000-03-01 to 1970-01-01, and from 1899-12-30 to 1970-01-01 (see {@link monthIndex}). */
const EPOCH_SHIFT = 719_468;
const UNIX_EPOCH = 25_569;

/**
 * Months since year 0 (year x 12 + month - 1) of a date serial, by integer arithmetic on the day
 * count (the civil-from-days method): no Date is made, as this runs once per line.
 *
 * @example monthIndex(serialOf(2025, 3, 31)) // 2025 * 12 + 2
 */
export function monthIndex(s: Serial): number {
  const z = Math.floor(s) - UNIX_EPOCH + EPOCH_SHIFT;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  // mp counts months from March: January and February belong to the next year.
  const m = mp < 10 ? mp + 2 : mp - 10;
  return (yoe + era * 400 + (mp < 10 ? 0 : 1)) * 12 + m;
}

/** Serial of the first day of a month index. */
function monthStart(mi: number): Serial {
  const y = Math.floor(mi / 12);
  return serialOf(y, mi - y * 12 + 1, 1);
}

/**
 * The period a date serial falls in. Weeks are ISO weeks (Monday to Sunday); quarters and years
 * start in the calendar's fiscal start month.
 *
 * @example periodOf({ kind: "quarter", fiscalStart: 4 }, serialOf(2025, 4, 1)) // the index of FY2026-Q1
 */
export function periodOf(c: PeriodCalendar, s: Serial): number {
  if (c.kind === "week") return Math.floor((Math.floor(s) - FIRST_MONDAY) / 7);
  const mi = monthIndex(s);
  if (c.kind === "month") return mi;
  const shifted = mi - (c.fiscalStart - 1);
  return Math.floor(shifted / (c.kind === "quarter" ? 3 : 12));
}

/** First day of a period. */
export function periodStart(c: PeriodCalendar, p: number): Serial {
  switch (c.kind) {
    case "week":
      return p * 7 + FIRST_MONDAY;
    case "month":
      return monthStart(p);
    case "quarter":
      return monthStart(p * 3 + c.fiscalStart - 1);
    case "year":
      return monthStart(p * 12 + c.fiscalStart - 1);
  }
}

const two = (n: number) => String(n).padStart(2, "0");

/**
 * A period's label: `2025-W07` (by ISO week-year), `2025-03`, `2025-Q1`, `2025`; with a fiscal
 * start other than January, a fiscal year is named by the calendar year it ends in: `FY2026`,
 * `FY2026-Q1`.
 *
 * @example periodLabel({ kind: "quarter", fiscalStart: 4 }, periodOf({ kind: "quarter", fiscalStart: 4 }, serialOf(2025, 5, 1))) // "FY2026-Q1"
 */
export function periodLabel(c: PeriodCalendar, p: number): string {
  switch (c.kind) {
    case "week": {
      // The ISO week-year is the year of the week's Thursday.
      const thursday = periodStart(c, p) + 3;
      const y = Math.floor(monthIndex(thursday) / 12);
      return `${y}-W${two(Math.floor((thursday - serialOf(y, 1, 1)) / 7) + 1)}`;
    }
    case "month": {
      const y = Math.floor(p / 12);
      return `${y}-${two(p - y * 12 + 1)}`;
    }
    case "quarter": {
      const y = Math.floor(p / 4);
      return `${yearName(c, y)}-Q${p - y * 4 + 1}`;
    }
    case "year":
      return yearName(c, p);
  }
}

/** A (fiscal) year's name: the calendar year, or FY and the calendar year it ends in. */
function yearName(c: PeriodCalendar, y: number): string {
  return c.fiscalStart === 1 ? String(y) : `FY${y + 1}`;
}

/**
 * The `count` periods ending with the one holding `asOf`, oldest first, each with its label and
 * first and last day.
 *
 * @example periodWindow({ kind: "month", fiscalStart: 1 }, serialOf(2025, 3, 15), 2).map((p) => p.label) // ["2025-02", "2025-03"]
 */
export function periodWindow(c: PeriodCalendar, asOf: Serial, count: number): Period[] {
  const last = periodOf(c, asOf);
  const out: Period[] = [];
  for (let p = last - count + 1; p <= last; p++) out.push({ index: p, label: periodLabel(c, p), start: periodStart(c, p), end: periodStart(c, p + 1) - 1 });
  return out;
}
