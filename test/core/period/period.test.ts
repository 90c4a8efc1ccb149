import { serialOf } from "../../../core";
import { monthIndex, periodLabel, periodOf, periodStart, periodWindow, type PeriodCalendar } from "../../../core/period/period";
import { serial } from "../../helpers/sheet";

const cal = (kind: PeriodCalendar["kind"], fiscalStart = 1): PeriodCalendar => ({ kind, fiscalStart });

/** The period holding a day: its label, first and last day. */
function periodAt(c: PeriodCalendar, day: string): [string, number, number] {
  const p = periodOf(c, serial(day));
  return [periodLabel(c, p), periodStart(c, p), periodStart(c, p + 1) - 1];
}

describe("periods and their labels", () => {
  it.each([
    // ISO weeks run Monday to Sunday and are named by their ISO week-year (the year of their Thursday).
    ["week", "2025-02-10", "2025-W07", "2025-02-10", "2025-02-16"],
    ["week", "2025-02-16 23:59", "2025-W07", "2025-02-10", "2025-02-16"],
    ["week", "2024-12-30", "2025-W01", "2024-12-30", "2025-01-05"],
    ["week", "2021-01-03", "2020-W53", "2020-12-28", "2021-01-03"],
    ["week", "2026-12-31", "2026-W53", "2026-12-28", "2027-01-03"],
    ["month", "2025-03-31", "2025-03", "2025-03-01", "2025-03-31"],
    ["month", "2024-02-29", "2024-02", "2024-02-01", "2024-02-29"],
    ["quarter", "2025-03-31", "2025-Q1", "2025-01-01", "2025-03-31"],
    ["quarter", "2025-10-01", "2025-Q4", "2025-10-01", "2025-12-31"],
    ["year", "2025-07-04", "2025", "2025-01-01", "2025-12-31"],
  ] as const)("puts a %s on %s in %s (%s to %s)", (kind, day, label, start, end) => {
    expect(periodAt(cal(kind), day)).toEqual([label, serial(start), serial(end)]);
  });

  it.each([
    // fiscal_start 4: FY2026 is April 2025 to March 2026, named by the year it ends in.
    ["quarter", 4, "2025-04-01", "FY2026-Q1", "2025-04-01", "2025-06-30"],
    ["quarter", 4, "2025-06-30", "FY2026-Q1", "2025-04-01", "2025-06-30"],
    ["quarter", 4, "2026-03-31", "FY2026-Q4", "2026-01-01", "2026-03-31"],
    ["quarter", 4, "2025-03-31", "FY2025-Q4", "2025-01-01", "2025-03-31"],
    ["year", 4, "2025-04-01", "FY2026", "2025-04-01", "2026-03-31"],
    ["year", 4, "2026-03-31", "FY2026", "2025-04-01", "2026-03-31"],
    ["year", 7, "2025-06-30", "FY2025", "2024-07-01", "2025-06-30"],
    ["quarter", 10, "2025-10-15", "FY2026-Q1", "2025-10-01", "2025-12-31"],
    // Months and weeks do not change with the fiscal start.
    ["month", 4, "2025-04-15", "2025-04", "2025-04-01", "2025-04-30"],
    ["week", 4, "2025-02-12", "2025-W07", "2025-02-10", "2025-02-16"],
  ] as const)("with fiscal_start, puts a %s (start month %i) on %s in %s (%s to %s)", (kind, fs, day, label, start, end) => {
    expect(periodAt(cal(kind, fs), day)).toEqual([label, serial(start), serial(end)]);
  });

  it("lists a window of periods oldest first, ending with the one holding the day", () => {
    expect(periodWindow(cal("month"), serial("2025-01-15"), 3).map((p) => p.label)).toEqual(["2024-11", "2024-12", "2025-01"]);
    expect(periodWindow(cal("quarter"), serial("2025-01-15"), 2).map((p) => [p.label, p.start, p.end])).toEqual([
      ["2024-Q4", serial("2024-10-01"), serial("2024-12-31")],
      ["2025-Q1", serial("2025-01-01"), serial("2025-03-31")],
    ]);
  });

  it("finds the month of every day from 1900 to 2200 as the calendar does", () => {
    for (let s = serialOf(1900, 1, 1); s < serialOf(2200, 1, 1); s += 1) {
      const d = new Date(Math.round((s - 25569) * 86_400_000));
      if (monthIndex(s + 0.75) !== d.getUTCFullYear() * 12 + d.getUTCMonth()) throw new Error(`serial ${s}`);
    }
  });
});
