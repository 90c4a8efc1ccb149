import { MS_PER_DAY, UNIX_EPOCH_SERIAL } from "../../core/cell/date";
import { wallClock } from "../../sheets-addon/zone";
import { serial } from "../helpers/sheet";

const QUARTER = 900_000;

/** The wall-clock serial of an instant in a zone, asked of Intl directly each time (no caching): the oracle. */
function wallSerial(zone: string, ms: number): number {
  const f = new Intl.DateTimeFormat("en-US", { timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(ms))) if (part.type !== "literal") p[part.type] = Number(part.value);
  return (Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) + (ms % 1000)) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** Instants every `step` ms over the UTC days around each 2025 offset change of a zone. */
function aroundChanges(zone: string, step: number): number[] {
  const out: number[] = [];
  let prev = wallSerial(zone, Date.UTC(2025, 0, 1)) - Date.UTC(2025, 0, 1) / MS_PER_DAY;
  for (let day = Date.UTC(2025, 0, 2); day < Date.UTC(2026, 0, 1); day += MS_PER_DAY) {
    const off = wallSerial(zone, day) - day / MS_PER_DAY;
    if (Math.abs(off - prev) > 1e-9) for (let t = day - 2 * MS_PER_DAY; t < day + MS_PER_DAY; t += step) out.push(t);
    prev = off;
  }
  return out;
}

describe("Sheets wall clock across offset changes", () => {
  // New York and Sydney change by an hour; Lord Howe by half an hour; Kathmandu (+05:45) and Kolkata never.
  const ZONES = ["America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "Asia/Kathmandu", "Asia/Kolkata"];

  it.each(ZONES)("reads every instant (7-minute steps) around %s's 2025 changes as the wall clock Intl shows", (zone) => {
    const clock = wallClock(zone);
    const instants = zone.startsWith("Asia") ? Array.from({ length: 2000 }, (_, i) => Date.UTC(2025, 2, 1) + i * 420_000) : aroundChanges(zone, 420_000);
    expect(instants.length).toBeGreaterThan(100);
    const wrong = instants.filter((t) => Math.abs(clock.toSerial(new Date(t)) - wallSerial(zone, t)) > 1e-9);
    expect(wrong.map((t) => new Date(t).toISOString())).toEqual([]);
  });

  it.each(ZONES)("writes back every wall-clock quarter hour around %s's changes as an instant showing it (gap times excepted)", (zone) => {
    const clock = wallClock(zone);
    const instants = zone.startsWith("Asia") ? [Date.UTC(2025, 5, 1)] : aroundChanges(zone, QUARTER);
    const bad: string[] = [];
    for (const t of instants) {
      const s = wallSerial(zone, t);
      // A wall time that exists: writing it gives an instant showing the same wall time.
      if (Math.abs(wallSerial(zone, clock.toDate(s).getTime()) - s) > 1e-9) bad.push(new Date(t).toISOString());
    }
    expect(bad).toEqual([]);
  });

  it("reads both 01:30s of New York's fall-back night as the 01:30 the sheet shows, as Excel stores them", () => {
    const clock = wallClock("America/New_York");
    const first = clock.toSerial(new Date("2025-11-02T05:30:00Z")); // 01:30 EDT
    const second = clock.toSerial(new Date("2025-11-02T06:30:00Z")); // 01:30 EST
    expect([first, second]).toEqual([serial("2025-11-02 01:30"), serial("2025-11-02 01:30")]);
  });
});
