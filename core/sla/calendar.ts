import { MS_PER_DAY, type Serial } from "../cell/date";

/**
 * One working period, in milliseconds after the midnight of the day it starts on: [start, end).
 * An overnight shift (22:00-06:00) ends after MS_PER_DAY: its hours after midnight belong to
 * the day it started on.
 */
export interface Shift {
  readonly start: number;
  readonly end: number;
}

/**
 * A business calendar: the shifts that start on each weekday, the holidays and, when given, the
 * time zone its hours are in. Built once by {@link makeCalendar}; the tables it precomputes make
 * every business-time question a few arithmetic steps plus a binary search over the holidays,
 * whatever the span: a ticket open a year costs what one open a day costs.
 */
export interface Calendar {
  /** By weekday, 0 = Sunday .. 6 = Saturday: the shifts that start that day, sorted, disjoint, none on a day off. */
  readonly days: readonly (readonly Shift[])[];
  /** By weekday: whether any shift starts that day. */
  readonly workdays: readonly boolean[];
  /** Day serials (whole numbers) of holidays that fall on workdays, sorted, no repeats. */
  readonly holidays: Float64Array;
  /** holidayMs[i]: business milliseconds the first i holidays take away. */
  readonly holidayMs: Float64Array;
  /**
   * before[d - holidays[0]]: the count of holidays before day d, for the days from the first
   * holiday to the last; empty when there are none or they span more than {@link HOLIDAY_TABLE_DAYS}.
   */
  readonly holidaysBeforeDay: Int32Array;
  /** By weekday: business milliseconds of the shifts starting that day. */
  readonly dayMs: readonly number[];
  /** Business milliseconds in one week. */
  readonly weekMs: number;
  /** before[o]: business milliseconds of the first o days of a serial week (serial day 0 is a Saturday). */
  readonly before: readonly number[];
  /** By weekday: milliseconds after the next midnight that the day's night shift still runs, 0 when it has none. */
  readonly tail: readonly number[];
  /** Whether any day has a night shift: without one, the day before never matters. */
  readonly overnight: boolean;
  /** IANA name of the zone the hours are in; absent means wall-clock times, no conversion. */
  readonly zone?: string;
}

/**
 * Builds a calendar from the shifts of each weekday (0 = Sunday). A day's overlapping shifts are
 * merged, so no time counts twice; where a night shift runs into the next day's hours, the
 * overlap belongs to the night shift. Holidays on days without shifts are dropped: they change nothing.
 *
 * @example makeCalendar(weekly([false, true, true, true, true, true, false], [{ start: 9 * 3.6e6, end: 17 * 3.6e6 }]), []) // Mon-Fri 09:00-17:00
 */
export function makeCalendar(days: readonly (readonly Shift[])[], holidays: readonly Serial[], zone?: string): Calendar {
  const merged = days.map(union);
  // The after-midnight part of each day's last shift, which the next day's shifts must leave alone.
  const tail = merged.map((d) => Math.max(0, (d[d.length - 1]?.end ?? 0) - MS_PER_DAY));
  const own = merged.map((d, wd) => clip(d, tail[(wd + 6) % 7]!));
  const dayMs = own.map((d) => d.reduce((s, x) => s + (x.end - x.start), 0));
  const before = [0];
  for (let o = 0; o < 7; o++) before.push(before[o]! + dayMs[(o + 6) % 7]!);
  const kept = [...new Set(holidays.map(Math.floor))].filter((d) => dayMs[weekdayOf(d)]! > 0).sort((a, b) => a - b);
  const holidayMs = new Float64Array(kept.length + 1);
  kept.forEach((d, i) => (holidayMs[i + 1] = holidayMs[i]! + dayMs[weekdayOf(d)]!));
  const cal = {
    days: own, workdays: own.map((d) => d.length > 0), holidays: Float64Array.from(kept), holidayMs, holidaysBeforeDay: countsBefore(kept),
    dayMs, weekMs: before[7]!, before, tail, overnight: tail.some((x) => x > 0),
  };
  return zone === undefined ? cal : { ...cal, zone };
}

/**
 * The same shifts on each working weekday: the week {@link makeCalendar} takes.
 *
 * @example weekly([false, true, true, true, true, true, false], [{ start: 9 * 3.6e6, end: 17 * 3.6e6 }]) // Mon-Fri 09:00-17:00
 */
export function weekly(workdays: readonly boolean[], shifts: readonly Shift[]): Shift[][] {
  return workdays.map((w) => (w ? [...shifts] : []));
}

/** Sorted, overlapping and touching shifts joined. */
function union(shifts: readonly Shift[]): Shift[] {
  const out: Shift[] = [];
  for (const s of [...shifts].filter((x) => x.end > x.start).sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else out.push(s);
  }
  return out;
}

/** The shifts with [0, from) taken out. */
function clip(shifts: readonly Shift[], from: number): Shift[] {
  if (from <= 0) return [...shifts];
  return shifts.filter((s) => s.end > from).map((s) => (s.start >= from ? s : { start: from, end: s.end }));
}

const HOUR_MS = 3_600_000;
const MON_FRI = [false, true, true, true, true, true, false];

/** Mon-Fri 09:00-17:00, no holidays: the calendar when none is given. */
export const DEFAULT_CALENDAR: Calendar = makeCalendar(weekly(MON_FRI, [{ start: 9 * HOUR_MS, end: 17 * HOUR_MS }]), []);

/** Around the clock: business time is clock time. What a 24x7 policy row uses. */
export const ALWAYS: Calendar = makeCalendar(weekly([true, true, true, true, true, true, true], [{ start: 0, end: MS_PER_DAY }]), []);

function weekdayOf(day: number): number {
  return (((day + 6) % 7) + 7) % 7;
}

/** The weekday (0 = Sunday) of each day of a serial week: serial day 0 is a Saturday. */
const WEEKDAY_AT = [6, 0, 1, 2, 3, 4, 5];

/** Days of holidays, first to last, up to which their counts are tabled: a century and more. */
const HOLIDAY_TABLE_DAYS = 40_000;

/** For each day from the first holiday to the last, how many holidays fall before it; empty when none or too far apart. */
function countsBefore(holidays: readonly number[]): Int32Array {
  const first = holidays[0];
  if (first === undefined || holidays[holidays.length - 1]! - first >= HOLIDAY_TABLE_DAYS) return new Int32Array(0);
  const counts = new Int32Array(holidays[holidays.length - 1]! - first + 1);
  let k = 0;
  for (let d = 0; d < counts.length; d++) {
    counts[d] = k;
    if (holidays[k] === first + d) k++;
  }
  return counts;
}

/** Count of holidays strictly before `day`: a table read between the first holiday and the last, else a binary search. */
function holidaysBefore(cal: Calendar, day: number): number {
  const h = cal.holidays;
  if (h.length === 0 || day <= h[0]!) return 0;
  const i = day - h[0]!;
  const table = cal.holidaysBeforeDay;
  if (i < table.length) return table[i]!;
  if (table.length > 0) return h.length;
  let lo = 0;
  let hi = h.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (h[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Business milliseconds of all shifts starting on serial days [0, day), in whole: whole weeks times the week's hours. */
function shiftsBefore(cal: Calendar, day: number, holidaysBeforeDay: number): number {
  const weeks = Math.floor(day / 7);
  return weeks * cal.weekMs + cal.before[day - weeks * 7]! - cal.holidayMs[holidaysBeforeDay]!;
}

/**
 * Business milliseconds from serial 0 to `t`. Elapsed time between two moments is the
 * difference of two of these, so it is additive by construction. It is the shifts that started
 * on earlier days, less what the previous day's night shift has still to run, plus what the
 * day's own shifts have run by `t`. Times are rounded to the millisecond, which keeps every
 * figure a whole number and free of rounding drift.
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
  // The day's place in its serial week gives its weekday and the shifts before it, without a remainder.
  const weeks = Math.floor(day / 7);
  const o = day - weeks * 7;
  const h = cal.holidays;
  // Every figure is a whole number of milliseconds, so the order of the sums changes nothing.
  let total = weeks * cal.weekMs + cal.before[o]!;
  let k: number;
  if (cal.overnight) {
    // One search answers three questions: holidays before `day`, and whether `day - 1` and `day` are holidays.
    const i = holidaysBefore(cal, day - 1);
    const yesterdayOff = h[i] === day - 1;
    k = yesterdayOff ? i + 1 : i;
    const tail = cal.tail[WEEKDAY_AT[o === 0 ? 6 : o - 1]!]!;
    // What the night shift of the day before has still to run after `ms`.
    if (!yesterdayOff && tail > ms) total -= tail - ms;
  } else {
    k = holidaysBefore(cal, day);
  }
  total -= cal.holidayMs[k]!;
  if (ms > 0 && h[k] !== day) {
    const shifts = cal.days[WEEKDAY_AT[o]!]!;
    for (let j = 0; j < shifts.length; j++) {
      const s = shifts[j]!;
      if (ms <= s.start) break;
      total += Math.min(ms, s.end) - s.start;
    }
  }
  return total;
}

/**
 * Business hours from `start` to `end` (negative when `end` is earlier). Time outside shifts,
 * on non-workdays and in the shifts of holidays counts nothing.
 *
 * @example businessHours(DEFAULT_CALENDAR, fridayAt1630, mondayAt1000) // 1.5
 */
export function businessHours(cal: Calendar, start: Serial, end: Serial): number {
  return (businessClock(cal, end) - businessClock(cal, start)) / HOUR_MS;
}

/**
 * The serial day whose shifts hold the business moment `goal`: shiftsBefore(day) < goal <=
 * shiftsBefore(day + 1). Solved without holidays first, then each holiday up to the candidate
 * pushes the answer on; the amount only grows, so this settles after as many rounds as there
 * are runs of new holidays.
 */
function dayHolding(cal: Calendar, goal: number): number {
  let skipped = 0;
  for (;;) {
    const x = goal + skipped;
    const weeks = Math.ceil(x / cal.weekMs) - 1;
    const rest = x - weeks * cal.weekMs;
    let o = 0;
    while (o < 6 && cal.before[o + 1]! < rest) o++;
    const day = 7 * weeks + o;
    const h = cal.holidayMs[holidaysBefore(cal, day + 1)]!;
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
  return momentAt(cal, businessClock(cal, start) + hours * HOUR_MS);
}

/**
 * The first moment at which the business clock reads `goal` milliseconds: the inverse of
 * {@link businessClock}.
 *
 * @example momentAt(DEFAULT_CALENDAR, businessClock(DEFAULT_CALENDAR, mondayAt0900) + 3_600_000) // Monday 10:00
 */
export function momentAt(cal: Calendar, goal: number): Serial {
  const day = dayHolding(cal, goal);
  let left = goal - shiftsBefore(cal, day, holidaysBefore(cal, day));
  const shifts = cal.days[WEEKDAY_AT[day - Math.floor(day / 7) * 7]!]!;
  for (const s of shifts) {
    const len = s.end - s.start;
    if (left <= len) return day + (s.start + left) / MS_PER_DAY;
    left -= len;
  }
  // Unreachable when dayMs is the sum of the shifts; kept so rounding can never loop.
  return day + shifts[shifts.length - 1]!.end / MS_PER_DAY;
}
