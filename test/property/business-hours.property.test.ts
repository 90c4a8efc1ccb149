import fc from "fast-check";
import { MS_PER_DAY } from "../../core/cell/date";
import { ALWAYS, breachAt, businessHours, makeCalendar, weekly, type Calendar } from "../../core/sla";
import { serial } from "../helpers/sheet";

const MINUTE = 1 / 1440;
const BASE = serial("2024-01-01");
/** A moment within about three years, to the minute. */
const moment = fc.integer({ min: 0, max: 3 * 366 * 1440 }).map((m) => BASE + m * MINUTE);

/** Random calendars: at least one workday, one to three disjoint shifts, up to 30 holidays. */
const calendar: fc.Arbitrary<Calendar> = fc
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

/** Day-by-day reference: what elapsed business time means, without any arithmetic shortcut. */
function walk(cal: Calendar, a: number, b: number): number {
  let total = 0;
  const holidays = new Set(cal.holidays);
  for (let day = Math.floor(a); day <= Math.floor(b); day++) {
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

  it("24x7 elapsed equals clock hours", () => {
    fc.assert(fc.property(moment, moment, (a, b) => {
      expect(businessHours(ALWAYS, a, b)).toBeCloseTo((b - a) * 24, 6);
    }));
  });
});
