import fc from "fast-check";
import type { Range } from "../../core";
import { MS_PER_DAY } from "../../core/cell/date";
import { readCalendar, type Calendar } from "../../core/sla";
import { catalog, serial } from "../helpers/sheet";
import { table } from "../helpers/table";

const MINUTE = 1 / 1440;
const BASE = serial("2025-01-06"); // a Monday
const CALENDAR: Range = [["hours", "Mon-Fri", "09:00-17:00"], ["hours", "Sat", "22:00-04:00"], ["holiday", "2025-01-08"], ["holiday", "2025-01-18"]];
const CAL = readCalendar(CALENDAR) as Calendar;
const STATUSES = ["New", "On hold", "In progress", "Awaiting user info", "Resolved"];
const PAUSING = new Set(["On hold", "Awaiting user info"]);

/** Business hours by walking day by day: the reference, independent of the engine's arithmetic. */
function walk(a: number, b: number): number {
  let total = 0;
  const holidays = new Set(CAL.holidays);
  for (let day = Math.floor(a) - 1; day <= Math.floor(b); day++) {
    if (holidays.has(day)) continue;
    for (const s of CAL.days[(day + 6) % 7]!) {
      const from = Math.max(a, day + s.start / MS_PER_DAY);
      const to = Math.min(b, day + s.end / MS_PER_DAY);
      if (to > from) total += (to - from) * 24;
    }
  }
  return total;
}

/** A ticket's event log: minutes after BASE (distinct, any order) and a status at each. */
const ticket = fc.record({
  opened: fc.integer({ min: 0, max: 30 * 1440 }),
  events: fc.uniqueArray(fc.integer({ min: 0, max: 60 * 1440 }), { minLength: 1, maxLength: 8 }).chain((ts) =>
    fc.tuple(fc.constant(ts), fc.array(fc.constantFrom(...STATUSES), { minLength: ts.length, maxLength: ts.length }))),
  resolvedAfter: fc.option(fc.integer({ min: 0, max: 60 * 1440 })),
  asOfAfter: fc.integer({ min: 0, max: 400 * 1440 }),
  clock: fc.constantFrom("business", "24x7"),
});

describe("SLA pauses (property)", () => {
  it("elapsed with pauses equals elapsed without, less the business time inside paused intervals", () => {
    fc.assert(fc.property(ticket, ({ opened, events: [ts, sts], resolvedAfter, asOfAfter, clock }) => {
      const open = BASE + opened * MINUTE;
      const resolved = resolvedAfter === null ? "" : open + resolvedAfter * MINUTE;
      const asOf = open + asOfAfter * MINUTE;
      const rows = ts.map((t, i) => ["T", "Acme", "P2", open, resolved, BASE + t * MINUTE, sts[i]!]);
      const range: Range = [["Ticket", "Vendor", "Priority", "Opened", "Resolved", "Updated", "Status"], ...rows];
      const target: Range = [["P2", 1_000_000, "", clock]];
      const judged = (policy: Range) => table(catalog.SLASTATUS.fn(range, policy, CALENDAR, asOf)).row("T");
      const without = judged(target);
      const withPauses = judged([...target, ["pause", "on hold"], ["pause", "Awaiting User Info"]]);

      // The paused intervals, found here from the log: from a pausing event to the next event that is not.
      const order = ts.map((t, i) => [t, sts[i]!] as const).sort((x, y) => x[0] - y[0]);
      const end = resolved !== "" && resolved <= asOf ? resolved : asOf;
      const hours = clock === "24x7" ? (a: number, b: number) => (b - a) * 24 : walk;
      let paused = 0;
      let from: number | undefined;
      const close = (to: number) => {
        const a = Math.max(from!, open);
        const b = Math.min(to, end);
        if (b > a) paused += hours(a, b);
        from = undefined;
      };
      for (const [t, st] of order) {
        const at = BASE + t * MINUTE;
        if (PAUSING.has(st) && from === undefined) from = at;
        else if (!PAUSING.has(st) && from !== undefined) close(at);
      }
      if (from !== undefined) close(Infinity);

      expect(withPauses.get("Paused (h)")).toBeCloseTo(paused, 6);
      expect(withPauses.get("Elapsed (h)") as number).toBeCloseTo((without.get("Elapsed (h)") as number) - paused, 6);
      expect(without.get("Elapsed (h)")).toBeCloseTo(hours(open, end), 6);
    }), { numRuns: 300 });
  });

  it("elapsed with pauses never decreases as as-of moves on, and stands still while paused", () => {
    fc.assert(fc.property(ticket, fc.integer({ min: 1, max: 30 * 1440 }), ({ opened, events: [ts, sts], asOfAfter }, later) => {
      const open = BASE + opened * MINUTE;
      const rows = ts.map((t, i) => ["T", "Acme", "P2", open, "", BASE + t * MINUTE, sts[i]!]);
      const range: Range = [["Ticket", "Vendor", "Priority", "Opened", "Resolved", "Updated", "Status"], ...rows];
      const policy: Range = [["P2", 1_000_000], ["pause", "On hold"], ["pause", "Awaiting user info"]];
      const at = (asOf: number) => table(catalog.SLASTATUS.fn(range, policy, CALENDAR, asOf)).row("T");
      const a = at(open + asOfAfter * MINUTE);
      const b = at(open + (asOfAfter + later) * MINUTE);
      expect(b.get("Elapsed (h)") as number).toBeGreaterThanOrEqual((a.get("Elapsed (h)") as number) - 1e-9);
      if (a.get("Status") === "paused" && b.get("Status") === "paused" && (b.get("Paused (h)") as number) > (a.get("Paused (h)") as number)) {
        // Still paused at both moments after the last event: no time was used in between.
        const last = Math.max(...ts);
        if (BASE + last * MINUTE <= open + asOfAfter * MINUTE) expect(b.get("Elapsed (h)")).toBeCloseTo(a.get("Elapsed (h)") as number, 9);
      }
    }), { numRuns: 200 });
  });
});
