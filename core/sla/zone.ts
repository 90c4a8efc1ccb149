import { MS_PER_DAY, UNIX_EPOCH_SERIAL, type Serial } from "../cell/date";
import { fail, quote } from "../cell/error";
import type { CellValue } from "../cell/types";

/**
 * An IANA time zone: its UTC offset at any moment, read from the runtime's `Intl` (both hosts
 * have it, with the full zone database). `Intl` alone suffices: a zone's offset is the
 * difference between the wall-clock fields it formats and the moment itself. `@date-fns/tz`
 * would do the same through `Intl` per call; here offsets are cached per UTC day, because a
 * ticket range converts a million times and a zone changes its offset twice a year.
 */
export interface Zone {
  readonly name: string;
  /** The offset in milliseconds when it never changes (UTC): conversions then skip the lookup. */
  readonly fixed?: number;
  /** Milliseconds to add to a UTC moment (ms since 1970) to get the zone's wall clock. */
  offset(utc: number): number;
}

// Days cached: 1900-01-01 to 2199-12-31 (in days since 1970). Outside them offsets are asked each time.
const FIRST = -25_567;
const DAYS = 109_573;

class IntlZone implements Zone {
  private readonly fmt: Intl.DateTimeFormat;
  /** Offset at each UTC midnight, NaN until asked. */
  private readonly atMidnight = new Float64Array(DAYS).fill(NaN);
  /** Days whose offset changes before their end: the UTC moment of the change. */
  private readonly change = new Map<number, number>();

  constructor(readonly name: string) {
    this.fmt = new Intl.DateTimeFormat("en-US", {
      timeZone: name, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    });
  }

  offset(utc: number): number {
    // Most days keep one offset from midnight to midnight: two reads answer them. Small, so it runs inline.
    const d = Math.floor(utc / MS_PER_DAY);
    const i = d - FIRST;
    if (i >= 0 && i < DAYS - 1) {
      const a = this.atMidnight[i]!;
      if (a === this.atMidnight[i + 1]!) return a;
    }
    return this.changing(utc, d);
  }

  /** The offset on a day whose midnights are not both known yet, or differ. */
  private changing(utc: number, d: number): number {
    const a = this.midnight(d);
    const b = this.midnight(d + 1);
    if (a === b) return a;
    let at = this.change.get(d);
    if (at === undefined) {
      // The change lies between these two moments; halve to the second (zones change on whole minutes).
      let lo = d * MS_PER_DAY;
      let hi = lo + MS_PER_DAY;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (this.ask(mid) === a) lo = mid;
        else hi = mid;
      }
      at = hi;
      this.change.set(d, at);
    }
    return utc < at ? a : b;
  }

  private midnight(d: number): number {
    const i = d - FIRST;
    if (i < 0 || i >= DAYS) return this.ask(d * MS_PER_DAY);
    let v = this.atMidnight[i]!;
    if (v !== v) v = this.atMidnight[i] = this.ask(d * MS_PER_DAY);
    return v;
  }

  private ask(utc: number): number {
    const p: Record<string, number> = {};
    for (const part of this.fmt.formatToParts(new Date(utc))) if (part.type !== "literal") p[part.type] = Number(part.value);
    const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
    return wall - (utc - (((utc % 1000) + 1000) % 1000));
  }
}

const zones = new Map<string, Zone | undefined>();

/**
 * The zone of an IANA name (`Europe/Berlin`, `UTC`, any case), or undefined when the runtime
 * does not know it.
 *
 * @example zoneNamed("Europe/Berlin")!.offset(Date.UTC(2025, 6, 1)) // 7_200_000 (summer time)
 */
export function zoneNamed(name: string): Zone | undefined {
  const key = name.trim();
  if (zones.has(key)) return zones.get(key);
  let zone: Zone | undefined;
  try {
    const canonical = new Intl.DateTimeFormat("en-US", { timeZone: key }).resolvedOptions().timeZone;
    // UTC never changes its offset: no need to ask.
    zone = canonical === "UTC" || canonical === "Etc/UTC" ? { name: canonical, fixed: 0, offset: () => 0 } : new IntlZone(canonical);
  } catch {
    zone = undefined;
  }
  zones.set(key, zone);
  return zone;
}

const toMs = (s: Serial) => Math.round((s - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
const toSerial = (ms: number) => ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;

/**
 * The UTC moment (as a serial) of a wall-clock time in a zone. A wall-clock time skipped by the
 * spring change (02:30 in Berlin on 2025-03-30) is read with the offset before the change, so it
 * lands as far after the change as it was written (03:30); one repeated by the autumn change is
 * its first occurrence. Temporal and java.time call this "compatible".
 *
 * @example utcOf(zoneNamed("Europe/Berlin")!, serialOf(2025, 7, 1, 12)) // serialOf(2025, 7, 1, 10)
 */
export function utcOf(zone: Zone, wall: Serial): Serial {
  return toSerial(utcMs(zone, toMs(wall)));
}

/** {@link utcOf} in milliseconds since 1970: the UTC moment of wall-clock milliseconds `l`. */
function utcMs(zone: Zone, l: number): number {
  if (zone.fixed !== undefined) return l - zone.fixed;
  const before = zone.offset(l - MS_PER_DAY);
  const after = zone.offset(l + MS_PER_DAY);
  if (before === after) return l - before;
  const early = l - before;
  if (zone.offset(early) === before) return early;
  const late = l - after;
  if (zone.offset(late) === after) return late;
  return early;
}

/**
 * The wall-clock time in a zone of a UTC moment (both serials).
 *
 * @example wallOf(zoneNamed("Europe/Berlin")!, serialOf(2025, 1, 1, 12)) // serialOf(2025, 1, 1, 13)
 */
export function wallOf(zone: Zone, utc: Serial): Serial {
  const ms = toMs(utc);
  return toSerial(ms + zone.offset(ms));
}

/**
 * The wall-clock time in zone `to` of a wall-clock time in zone `from`: `wallOf(to, utcOf(from, s))`
 * in one step, without the round trip through a serial (a serial's milliseconds read back exactly,
 * so the figures are the same) and without asking a fixed zone (UTC) for its offset. Without both
 * zones it is the identity. A ticket range converts each of its times: one class, so every call
 * site sees one shape and the conversion runs inline.
 *
 * @example new Conversion(zoneNamed("UTC"), zoneNamed("Europe/Berlin")).at(serialOf(2025, 7, 1, 10)) // serialOf(2025, 7, 1, 12)
 */
export class Conversion {
  private readonly identity: boolean;
  /** The zones' fixed offsets, NaN for a zone whose offset changes. */
  private readonly kf: number;
  private readonly kt: number;

  constructor(private readonly from: Zone | undefined, private readonly to: Zone | undefined) {
    this.identity = from === undefined || to === undefined;
    this.kf = from?.fixed ?? NaN;
    this.kt = to?.fixed ?? NaN;
  }

  at(s: Serial): Serial {
    if (this.identity) return s;
    const l = toMs(s);
    const u = this.kf === this.kf ? l - this.kf : this.utc(l);
    return toSerial(this.kt === this.kt ? u + this.kt : u + this.to!.offset(u));
  }

  private utc(l: number): number {
    return utcMs(this.from!, l);
  }
}

/**
 * An IANA time zone name the runtime knows, in its canonical spelling; otherwise a problem naming it.
 *
 * @example zoneName("europe/berlin", "Calendar row 3", 3) // "Europe/Berlin"
 */
export function zoneName(v: CellValue, where: string, row: number): string {
  const zone = zoneNamed(String(v));
  if (!zone) fail("bad_config", `${where}: "${quote(v)}" is not a time zone this runtime knows; give an IANA name such as Europe/Berlin, America/New_York or UTC.`, { row });
  return zone.name;
}
