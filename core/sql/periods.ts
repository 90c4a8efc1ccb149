import type { PeriodCalendar } from "../period/period";

/**
 * A period as core/period/period.ts numbers it, in SQL: the same integer for the same day, so a
 * line's place in a window of periods is a subtraction. Written in the arithmetic every dialect
 * shares (FLOOR of a DOUBLE quotient, CASE), with no date function: the day is a whole day number
 * since 1899-12-30, as the query's other day columns are.
 *
 * Weeks count from 1900-01-01, a Monday. Months, quarters and years need the day's calendar
 * month, found by the civil-from-days method of monthIndex in steps, each a CTE adding columns to
 * the rows of the one before: `from` must give `per_day`, the last step gives `per`.
 *
 * @example periodSteps({ kind: "month", fiscalStart: 1 }, "p", "keyed", "DOUBLE") // [["p1", "SELECT *, ... FROM keyed"], ..., ["p4", "SELECT *, ... AS per FROM p3"]]
 */
export function periodSteps(c: PeriodCalendar, prefix: string, from: string, double: string): [string, string][] {
  const fdiv = (e: string, n: number) => floorDiv(e, n, double);
  if (c.kind === "week") return [[`${prefix}1`, `SELECT *, ${fdiv("per_day - 2", 7)} AS per FROM ${from}`]];
  // Months since year 0 of the day: the steps of monthIndex (core/period/period.ts).
  const steps: [string, string][] = [
    [`${prefix}1`, `SELECT *, per_day + 693899 - 146097 * ${fdiv("per_day + 693899", 146097)} AS doe, ${fdiv("per_day + 693899", 146097)} AS era FROM ${from}`],
    [`${prefix}2`, `SELECT *, ${fdiv(`doe - ${fdiv("doe", 1460)} + ${fdiv("doe", 36524)} - ${fdiv("doe", 146096)}`, 365)} AS yoe FROM ${prefix}1`],
    [`${prefix}3`, `SELECT *, ${fdiv(`5 * (doe - (365 * yoe + ${fdiv("yoe", 4)} - ${fdiv("yoe", 100)})) + 2`, 153)} AS mp FROM ${prefix}2`],
    // mp counts months from March: January and February belong to the next year.
    [`${prefix}4`, `SELECT *, (yoe + era * 400 + CASE WHEN mp < 10 THEN 0 ELSE 1 END) * 12 + CASE WHEN mp < 10 THEN mp + 2 ELSE mp - 10 END AS month_index FROM ${prefix}3`],
  ];
  const shifted = `month_index - ${c.fiscalStart - 1}`;
  const per = c.kind === "month" ? "month_index" : fdiv(shifted, c.kind === "quarter" ? 3 : 12);
  steps.push([`${prefix}5`, `SELECT *, ${per} AS per FROM ${prefix}4`]);
  return steps;
}

/**
 * floor(e / n) for a whole number e: the quotient taken in DOUBLE, since integer division
 * truncates towards zero in some dialects and gives a decimal in others. Exact: a multiple of n
 * divides exactly, and any other quotient is at least 1/n from a whole number.
 */
function floorDiv(e: string, n: number, double: string): string {
  return `FLOOR(CAST(${e} AS ${double}) / ${n})`;
}
