import { MS_PER_DAY, type Serial } from "../cell/date";

/** One working period of a day, in milliseconds after midnight: [start, end). */
export interface Shift {
  readonly start: number;
  readonly end: number;
}

/**
 * A business calendar: which weekdays work, the shifts of a working day and the holidays.
 * Built once by {@link makeCalendar}; the tables it precomputes make every business-time
 * question a few arithmetic steps plus a binary search over the holidays, whatever the span.
 */
export interface Calendar {
  /** By weekday, 0 = Sunday .. 6 = Saturday. */
  readonly workdays: readonly boolean[];
  /** Sorted, disjoint. */
  readonly shifts: readonly Shift[];
  /** Day serials (whole numbers) of holidays that fall on workdays, sorted, no repeats. */
  readonly holidays: Float64Array;
  /** Business milliseconds in one working day. */
  readonly dayMs: number;
  /** Workdays per week. */
  readonly perWeek: number;
  /** before[i]: workdays among the first i days of a serial week (serial day 0 is a Saturday). */
  readonly before: readonly number[];
  /** nth[j]: offset in the serial week (0 = Saturday) of its j-th workday. */
  readonly nth: readonly number[];
}

/**
 * Builds a calendar. Holidays on non-working days are dropped: they change nothing.
 *
 * @example makeCalendar([false, true, true, true, true, true, false], [{ start: 9 * 3.6e6, end: 17 * 3.6e6 }], []) // Mon-Fri 09:00-17:00
 */
export function makeCalendar(workdays: readonly boolean[], shifts: readonly Shift[], holidays: readonly Serial[]): Calendar {
  const sorted = [...shifts].sort((a, b) => a.start - b.start);
  const dayMs = sorted.reduce((s, x) => s + (x.end - x.start), 0);
  const before = [0];
  const nth: number[] = [];
  for (let o = 0; o < 7; o++) {
    const works = workdays[(o + 6) % 7]!;
    if (works) nth.push(o);
    before.push(before[o]! + (works ? 1 : 0));
  }
  const days = [...new Set(holidays.map(Math.floor))].filter((d) => workdays[weekdayOf(d)]).sort((a, b) => a - b);
  return { workdays: [...workdays], shifts: sorted, holidays: Float64Array.from(days), dayMs, perWeek: nth.length, before, nth };
}

const HOUR_MS = 3_600_000;
const MON_FRI = [false, true, true, true, true, true, false];

/** Mon-Fri 09:00-17:00, no holidays: the calendar when none is given. */
export const DEFAULT_CALENDAR: Calendar = makeCalendar(MON_FRI, [{ start: 9 * HOUR_MS, end: 17 * HOUR_MS }], []);

/** Around the clock: business time is clock time. What a 24x7 policy row uses. */
export const ALWAYS: Calendar = makeCalendar([true, true, true, true, true, true, true], [{ start: 0, end: MS_PER_DAY }], []);

function weekdayOf(day: number): number {
  return (((day + 6) % 7) + 7) % 7;
}

/** Count of holidays strictly before `day`. */
function holidaysBefore(cal: Calendar, day: number): number {
  const h = cal.holidays;
  let lo = 0;
  let hi = h.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (h[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isHoliday(cal: Calendar, day: number): boolean {
  const i = holidaysBefore(cal, day);
  return i < cal.holidays.length && cal.holidays[i] === day;
}

/** Working days (holidays excluded) in serial days [0, day): whole weeks times workdays per week. */
function workdaysBefore(cal: Calendar, day: number): number {
  const weeks = Math.floor(day / 7);
  return weeks * cal.perWeek + cal.before[day - weeks * 7]! - holidaysBefore(cal, day);
}

/**
 * Business milliseconds from serial 0 to `t`. Elapsed time between two moments is the
 * difference of two of these, so it is additive by construction. Times are rounded to the
 * millisecond, which keeps every figure a whole number and free of rounding drift.
 *
 * @example businessClock(DEFAULT_CALENDAR, mondayAt1000) - businessClock(DEFAULT_CALENDAR, mondayAt0900) // 3_600_000
 */
export function businessClock(cal: Calendar, t: Serial): number {
  let day = Math.floor(t);
  let ms = Math.round((t - day) * MS_PER_DAY);
  if (ms >= MS_PER_DAY) {
    day++;
    ms -= MS_PER_DAY;
  }
  let total = workdaysBefore(cal, day) * cal.dayMs;
  if (ms > 0 && cal.workdays[weekdayOf(day)] && !isHoliday(cal, day)) {
    for (const s of cal.shifts) {
      if (ms <= s.start) break;
      total += Math.min(ms, s.end) - s.start;
    }
  }
  return total;
}

/**
 * Business hours from `start` to `end` (negative when `end` is earlier). Time outside shifts,
 * on non-workdays and on holidays counts nothing.
 *
 * @example businessHours(DEFAULT_CALENDAR, fridayAt1630, mondayAt1000) // 1.5
 */
export function businessHours(cal: Calendar, start: Serial, end: Serial): number {
  return (businessClock(cal, end) - businessClock(cal, start)) / HOUR_MS;
}

/** The serial day of the m-th working day (0-based, holidays skipped) counted from serial 0. */
function nthWorkday(cal: Calendar, m: number): number {
  // k - p * floor(k / p), not k % p: before serial 0 (a Date before 1900) k is negative, and a
  // negative index read undefined and made the breach moment NaN.
  const p = cal.perWeek;
  const raw = (k: number) => {
    const weeks = Math.floor(k / p);
    return 7 * weeks + cal.nth[k - weeks * p]!;
  };
  // Each holiday up to the candidate day pushes the answer one working day on; the count
  // only grows, so this settles after as many rounds as there are runs of new holidays.
  let skipped = 0;
  for (;;) {
    const day = raw(m + skipped);
    const h = holidaysBefore(cal, day + 1);
    if (h === skipped) return day;
    skipped = h;
  }
}

/**
 * The wall-clock moment at which `hours` of business time have passed since `start`: when a
 * target is (or was) reached. A target that runs out exactly at a shift's end is reached at
 * that end, not at the next opening.
 *
 * @example breachAt(DEFAULT_CALENDAR, fridayAt1630, 1.5) // Monday 10:00
 */
export function breachAt(cal: Calendar, start: Serial, hours: number): Serial {
  if (!(hours > 0)) return start;
  const goal = businessClock(cal, start) + hours * HOUR_MS;
  const m = Math.ceil(goal / cal.dayMs) - 1;
  const day = nthWorkday(cal, m);
  let left = goal - m * cal.dayMs;
  for (const s of cal.shifts) {
    const len = s.end - s.start;
    if (left <= len) return day + (s.start + left) / MS_PER_DAY;
    left -= len;
  }
  // Unreachable when dayMs is the sum of the shifts; kept so rounding can never loop.
  const last = cal.shifts[cal.shifts.length - 1]!;
  return day + last.end / MS_PER_DAY;
}
