import { MS_PER_DAY, UNIX_EPOCH_SERIAL, type Serial } from "../core";

/**
 * Converts between the instants Sheets hands a script (`Date` objects) and the wall-clock
 * serials the core computes with, in one time zone. Sheets gives a date cell as the instant
 * whose wall-clock time in the spreadsheet's zone is what the cell shows; the script's own
 * zone may differ, so local `Date` fields cannot be trusted.
 */
export interface WallClock {
  readonly zone: string;
  /** The serial a date cell shows. */
  toSerial(d: Date): Serial;
  /** The `Date` Sheets writes back as a cell showing `s`. */
  toDate(s: Serial): Date;
}

const QUARTER_HOUR = 900_000;

/**
 * A wall clock for an IANA zone. Offsets come from `Intl` (Apps Script's V8 has it) and are
 * cached per UTC day: a zone changes offset at most once a day, so when both ends of a day
 * agree the whole day does, and only the rare transition days fall back to 15-minute buckets
 * (every real transition falls on a quarter hour). 100,000 cells spread over years cost a few
 * thousand `Intl` calls, not 100,000.
 *
 * @example wallClock("America/New_York").toSerial(new Date("2025-03-10T13:00:00Z")) // serial of 2025-03-10 09:00
 */
export function wallClock(zone: string): WallClock {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
  });
  const exact = new Map<number, number>();
  const days = new Map<number, number | null>();

  /** Offset (wall minus UTC, ms) at an instant that is a whole second. */
  function measure(ms: number): number {
    const hit = exact.get(ms);
    if (hit !== undefined) return hit;
    const p: Record<string, number> = {};
    for (const part of format.formatToParts(new Date(ms))) if (part.type !== "literal") p[part.type] = Number(part.value);
    // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
    const wall = new Date(Date.UTC(2000, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!));
    wall.setUTCFullYear(p.year!);
    const off = wall.getTime() - ms;
    exact.set(ms, off);
    return off;
  }

  function offsetAt(ms: number): number {
    const day = Math.floor(ms / MS_PER_DAY);
    let known = days.get(day);
    if (known === undefined) {
      const start = measure(day * MS_PER_DAY);
      known = measure((day + 1) * MS_PER_DAY) === start ? start : null;
      days.set(day, known);
    }
    return known ?? measure(Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR);
  }

  return {
    zone,
    toSerial(d: Date): Serial {
      const ms = d.getTime();
      return (ms + offsetAt(ms)) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
    },
    toDate(s: Serial): Date {
      const wall = Math.round((s - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
      // Two steps settle on the offset in force at the answer.
      const o1 = offsetAt(wall - offsetAt(wall));
      const t1 = wall - o1;
      if (offsetAt(t1) === o1) return new Date(t1);
      // A wall time inside a spring-forward gap does not exist: read it with the offset from
      // before the gap (the smaller one), so 02:30 becomes 03:30, as a clock moved forward shows.
      return new Date(wall - Math.min(o1, offsetAt(t1)));
    },
  };
}

/**
 * The wall clock of the script's own zone (local `Date` fields), for when no spreadsheet
 * zone is known, e.g. the bundle loaded outside Apps Script.
 */
export function localClock(): WallClock {
  return {
    zone: "local",
    toSerial: (d) => (Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds()) - Date.UTC(1970, 0, 1)) / MS_PER_DAY + UNIX_EPOCH_SERIAL,
    toDate: (s) => {
      const t = new Date(Math.round((s - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
      const d = new Date(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds(), t.getUTCMilliseconds());
      d.setFullYear(t.getUTCFullYear());
      return d;
    },
  };
}
