import fc from "fast-check";
import { MS_PER_DAY } from "../../core/cell/date";
import { ALWAYS, breachAt, businessHours, makeCalendar, readCalendar, weekly, type Calendar } from "../../core/sla";
import { serial } from "../helpers/sheet";

const MINUTE = 1 / 1440;
const BASE = serial("2024-01-01");
/** A moment within about three years, to the minute. */
const moment = fc.integer({ min: 0, max: 3 * 366 * 1440 }).map((m) => BASE + m * MINUTE);

/** Up to two shifts a weekday, each from a quarter hour for up to 24 hours: some overnight. */
const dayShifts = fc.array(fc.record({ start: fc.integer({ min: 0, max: 95 }), quarters: fc.integer({ min: 1, max: 96 }) }), { maxLength: 2 })
  .map((xs) => xs.map(({ start, quarters }) => ({ start: start * 15 * 60_000, end: (start + quarters) * 15 * 60_000 })));

/** Random calendars: the same one to three disjoint same-day shifts on chosen weekdays, up to 30 holidays. */
const uniform: fc.Arbitrary<Calendar> = fc
  .record({
    days: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }).filter((d) => d.some(Boolean)),
    cuts: fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { minLength: 2, maxLength: 6 }).filter((c) => c.length % 2 === 0),
    holidays: fc.array(fc.integer({ min: 0, max: 3 * 366 }), { maxLength: 30 }),
  })
  .map(({ days, cuts, holidays }) => {
    const q = [...cuts].sort((a, b) => a - b).map((c) => c * 15 * 60_000);
    const shifts = [];
    for (let i = 0; i < q.length; i += 2) shifts.push({ start: q[i]!, end: q[i + 1]! });
    return makeCalendar(weekly(days, shifts), holidays.map((d) => BASE + d));
  });

/** Random calendars with their own shifts per weekday, overnight ones among them, and holidays. */
const perWeekday: fc.Arbitrary<Calendar> = fc
  .record({ week: fc.array(dayShifts, { minLength: 7, maxLength: 7 }), holidays: fc.array(fc.integer({ min: 0, max: 3 * 366 }), { maxLength: 30 }) })
  .map(({ week, holidays }) => makeCalendar(week, holidays.map((d) => BASE + d)))
  .filter((cal) => cal.weekMs > 0);

const calendar = fc.oneof(uniform, perWeekday);

/** Day-by-day reference: what elapsed business time means, without any arithmetic shortcut. */
function walk(cal: Calendar, a: number, b: number): number {
  let total = 0;
  const holidays = new Set(cal.holidays);
  // From the day before: its night shift may run into the span.
  for (let day = Math.floor(a) - 1; day <= Math.floor(b); day++) {
    if (holidays.has(day)) continue;
    for (const s of cal.days[(day + 6) % 7]!) {
      const from = Math.max(a, day + s.start / MS_PER_DAY);
      const to = Math.min(b, day + s.end / MS_PER_DAY);
      if (to > from) total += (to - from) * 24;
    }
  }
  return total;
}

const ordered = (xs: number[]) => [...xs].sort((x, y) => x - y);

describe("business-hours properties", () => {
  it("elapsed is never negative for start <= end", () => {
    fc.assert(fc.property(calendar, moment, moment, (cal, x, y) => {
      const [a, b] = ordered([x, y]);
      expect(businessHours(cal, a!, b!)).toBeGreaterThanOrEqual(0);
    }));
  });

  it("business elapsed never exceeds clock elapsed", () => {
    fc.assert(fc.property(calendar, moment, moment, (cal, x, y) => {
      const [a, b] = ordered([x, y]);
      expect(businessHours(cal, a!, b!)).toBeLessThanOrEqual((b! - a!) * 24 + 1e-6);
    }));
  });

  it("is additive: elapsed(a, c) = elapsed(a, b) + elapsed(b, c)", () => {
    fc.assert(fc.property(calendar, moment, moment, moment, (cal, x, y, z) => {
      const [a, b, c] = ordered([x, y, z]);
      expect(businessHours(cal, a!, c!)).toBeCloseTo(businessHours(cal, a!, b!) + businessHours(cal, b!, c!), 6);
    }));
  });

  it("adding a holiday never increases elapsed", () => {
    fc.assert(fc.property(calendar, moment, moment, fc.integer({ min: 0, max: 3 * 366 }), (cal, x, y, extra) => {
      const [a, b] = ordered([x, y]);
      const more = makeCalendar(cal.days, [...cal.holidays, BASE + extra]);
      expect(businessHours(more, a!, b!)).toBeLessThanOrEqual(businessHours(cal, a!, b!) + 1e-9);
    }));
  });

  it("counting whole weeks gives the same hours as walking day by day, over spans up to three years", () => {
    fc.assert(fc.property(calendar, moment, moment, (cal, x, y) => {
      const [a, b] = ordered([x, y]);
      expect(businessHours(cal, a!, b!)).toBeCloseTo(walk(cal, a!, b!), 6);
    }));
  });

  it("the breach moment is the first moment at which elapsed reaches the target", () => {
    fc.assert(fc.property(calendar, moment, fc.integer({ min: 1, max: 2000 * 4 }), (cal, a, quarterHours) => {
      const target = quarterHours / 4;
      const t = breachAt(cal, a, target);
      expect(t).toBeGreaterThanOrEqual(a);
      expect(businessHours(cal, a, t)).toBeCloseTo(target, 6);
      // A minute earlier the target was not yet reached.
      expect(businessHours(cal, a, t - MINUTE)).toBeLessThan(target);
    }));
  });

  it("a calendar with hours per weekday equals the sum of single-weekday calendars over any span", () => {
    fc.assert(fc.property(perWeekday, moment, moment, (cal, x, y) => {
      const [a, b] = ordered([x, y]);
      let sum = 0;
      for (let wd = 0; wd < 7; wd++) {
        if (!cal.days[wd]!.length) continue;
        const one = makeCalendar(cal.days.map((d, i) => (i === wd ? d : [])), [...cal.holidays]);
        sum += businessHours(one, a!, b!);
      }
      expect(businessHours(cal, a!, b!)).toBeCloseTo(sum, 6);
    }));
  });

  it("an overnight calendar equals the evening part on the starting days plus the morning part on the following days", () => {
    const quarter = fc.integer({ min: 1, max: 95 });
    fc.assert(fc.property(
      fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }).filter((d) => d.some(Boolean)), quarter, quarter,
      fc.array(fc.integer({ min: 0, max: 3 * 366 }), { maxLength: 20 }), moment, moment,
      (days, q1, q2, hol, x, y) => {
        const [a, b] = ordered([x, y]);
        const [end, start] = ordered([q1, q2]).map((q) => q * 15 * 60_000);
        if (end === start) return;
        const hhmm = (ms: number) => `${String(Math.floor(ms / 3_600_000)).padStart(2, "0")}:${String((ms / 60_000) % 60).padStart(2, "0")}`;
        const names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].filter((_, i) => days[i]).join(",");
        const holidays = hol.map((d) => BASE + d);
        // The night shift start-end (end before start) as typed into a calendar range.
        const night = readCalendar([["workdays", names], ["hours", `${hhmm(start!)}-${hhmm(end!)}`], ...holidays.map((h) => ["holiday", h])]) as Calendar;
        const evening = makeCalendar(weekly(days, [{ start: start!, end: MS_PER_DAY }]), holidays);
        // Mornings fall on the day after each working day; a holiday takes the morning after it.
        const following = days.map((_, wd) => days[(wd + 6) % 7]!);
        const morning = makeCalendar(weekly(following, [{ start: 0, end: end! }]), holidays.map((h) => h + 1));
        expect(businessHours(night, a!, b!)).toBeCloseTo(businessHours(evening, a!, b!) + businessHours(morning, a!, b!), 6);
      },
    ));
  });

  it("24x7 elapsed equals clock hours", () => {
    fc.assert(fc.property(moment, moment, (a, b) => {
      expect(businessHours(ALWAYS, a, b)).toBeCloseTo((b - a) * 24, 6);
    }));
  });
});
