import type { Range } from "../cell/types";
import type { ReadSettings } from "./read";

/**
 * Excel and Sheets hand a custom function its whole range on every call, so a sheet with 200
 * `=VENDORSCORE(data, A2)` cells would parse the same range 200 times. This cache keeps a few
 * parsed tables, each with a {@link Fingerprint} of the range it was parsed from.
 *
 * Recognising a range must read every cell, because a host hands a fresh array each call and may
 * hand back the same array after changing a cell: identity is no evidence. Numbers, blanks,
 * booleans and Dates are folded into two 32-bit lanes with a step `h = imul(h ^ x, odd)`, a
 * bijection of `h` for each input, so a change in any one of them always changes the hash.
 * Strings are not hashed but kept (one reference per string cell) and compared with `===`, which
 * is exact and about four times cheaper than hashing their characters in JavaScript; their type
 * and length still enter the hash at their position, so a string moved to another cell shows.
 */

/** A range's shape and non-string content in 64 bits, and its strings in order. */
export interface Fingerprint {
  readonly h1: number;
  readonly h2: number;
  readonly rows: number;
  /** Cells in the range (the sum of its rows' lengths). */
  readonly cells: number;
  /** The range's string cells, row by row. */
  readonly strings: readonly string[];
}

// Lane multipliers (odd, so each step is invertible) and the tags that keep types apart.
const M1 = 0x9e3779b1 | 0;
const M2 = 0x85ebca77 | 0;
const TAG_ROW = 0x7ff10001;
const TAG_STRING = 0x7ff20002;
const TAG_DATE = 0x7ff30003;
const TAG_NULL = 0x7ff40004;
const TAG_UNDEFINED = 0x7ff50005;
const TAG_TRUE = 0x7ff60006;
const TAG_FALSE = 0x7ff70007;
const TAG_OTHER = 0x7ff80008;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const toStr = Object.prototype.toString;

/**
 * The fingerprint of a range: one pass over every cell.
 *
 * @example fingerprint([["Vendor"], ["Acme"]]).strings // ["Vendor", "Acme"]
 */
export function fingerprint(range: Range): Fingerprint {
  const strings: string[] = [];
  const { h1, h2, cells } = scan(range, undefined, strings)!;
  return { h1, h2, rows: range.length, cells, strings };
}

/**
 * True when a range has exactly the content a fingerprint was taken from: one pass that hashes
 * the non-string cells and compares each string cell with the kept one, stopping at the first
 * string that differs.
 *
 * @example sameContent(fingerprint([["Vendor"], ["Acme"]]), [["Vendor"], ["Acme"]]) // true
 */
export function sameContent(fp: Fingerprint, range: Range): boolean {
  if (range.length !== fp.rows) return false;
  const got = scan(range, fp.strings, undefined);
  return got !== undefined && got.h1 === fp.h1 && got.h2 === fp.h2 && got.cells === fp.cells;
}

/** Hashes a range's non-string content; compares its strings with `expected` (undefined at the first difference) or collects them into `out`. */
function scan(range: Range, expected: readonly string[] | undefined, out: string[] | undefined): { h1: number; h2: number; cells: number } | undefined {
  let h1 = 0x243f6a88 | 0;
  let h2 = 0x13198a2e | 0;
  let cells = 0;
  let s = 0;
  for (let r = 0; r < range.length; r++) {
    const row = range[r]!;
    const n = row.length;
    cells += n;
    h1 = Math.imul(h1 ^ n, M1);
    h2 = Math.imul(h2 ^ TAG_ROW, M2);
    for (let c = 0; c < n; c++) {
      const v = row[c];
      let a: number, b: number;
      if (typeof v === "number") {
        f64[0] = v;
        a = u32[0]!;
        b = u32[1]!;
      } else if (typeof v === "string") {
        if (expected !== undefined) {
          if (s >= expected.length || expected[s] !== v) return undefined;
        } else out!.push(v);
        s++;
        a = v.length;
        b = TAG_STRING;
      } else if (v === null) {
        a = 0;
        b = TAG_NULL;
      } else if (v === undefined) {
        a = 0;
        b = TAG_UNDEFINED;
      } else if (v === true || v === false) {
        a = 0;
        b = v ? TAG_TRUE : TAG_FALSE;
      } else if (toStr.call(v) === "[object Date]") {
        h1 = Math.imul(h1 ^ 0, M1);
        h2 = Math.imul(h2 ^ TAG_DATE, M2);
        f64[0] = (v as Date).getTime();
        a = u32[0]!;
        b = u32[1]!;
      } else {
        // Not a cell type a host passes; hashed by its text so that a change still shows.
        const t = String(v);
        a = t.length;
        b = TAG_OTHER;
        for (let i = 0; i < t.length; i++) a = Math.imul(a ^ t.charCodeAt(i), M2);
      }
      h1 = Math.imul(h1 ^ a, M1);
      h2 = Math.imul(h2 ^ b, M2);
    }
  }
  if (expected !== undefined && s !== expected.length) return undefined;
  return { h1: h1 >>> 0, h2: h2 >>> 0, cells };
}

/**
 * The read settings as text, so that a table read under other settings is another entry. The
 * fields read are not in it: a table read for more fields serves a caller that needs fewer (see
 * {@link covers}), never the other way round.
 */
export function settingsKey(settings: ReadSettings): string {
  const mapping = settings.mapping ? [...settings.mapping].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : [];
  return JSON.stringify([settings.dateOrder ?? "", settings.lenient === true, mapping, settings.decimal ?? "", settings.headerRow ?? ""]);
}

/** True when a table read for the fields `have` (undefined: all) holds every field `want` needs. */
export function covers(have: ReadonlySet<string> | undefined, want: ReadonlySet<string> | undefined): boolean {
  if (have === undefined) return true;
  if (want === undefined) return false;
  for (const f of want) if (!have.has(f)) return false;
  return true;
}

export interface CacheLimits {
  /** Tables kept at most. */
  readonly entries: number;
  /**
   * Range cells the kept tables may come from in total; a larger range is parsed but not kept.
   * An entry also keeps one reference per string cell of its range.
   */
  readonly cells: number;
  /**
   * The sighting of a range's shape (kind, settings, rows, header) from which its table is kept:
   * 2 means a range parsed once is not fingerprinted, so a single call pays nothing for the cache.
   */
  readonly keepFrom: 1 | 2;
}

/** Four tables, at most 16M cells between them (about 1.5M lines of 10 columns), kept from the second sighting. */
export const DEFAULT_LIMITS: CacheLimits = { entries: 4, cells: 16_000_000, keepFrom: 2 };

interface Entry {
  readonly key: string;
  /** The fields the table was read for; undefined: all. */
  readonly fields: ReadonlySet<string> | undefined;
  readonly fp: Fingerprint;
  readonly value: unknown;
}

/** Counts that show whether the cache works, for tests and the benchmark. */
export interface CacheStats {
  hits: number;
  misses: number;
  entries: number;
  cells: number;
}

/**
 * A small least-recently-used store of parsed tables. A hit needs the same kind of table, the
 * same read settings, a table read for at least the fields asked for, and the same content (see
 * {@link sameContent}).
 *
 * @example
 * const cache = new ParseCache();
 * cache.read(range, "po", {}, () => parse(range)); // parses
 * cache.read(range, "po", {}, () => parse(range)); // returns the same table
 */
/** How many once-seen range shapes are remembered. */
const SIGHTED = 8;

export class ParseCache {
  /** Least recently used first. */
  private entries: Entry[] = [];
  private cells = 0;
  private hits = 0;
  private misses = 0;
  /** Shapes (kind, settings, row count, header) of ranges parsed once and not kept. */
  private sighted: string[] = [];

  constructor(readonly limits: CacheLimits = DEFAULT_LIMITS) {}

  /** The table parsed from a range with equal content and settings, or `parse()`'s result, kept for next time. */
  read<T>(range: Range, kind: string, settings: ReadSettings, parse: () => T): T {
    const key = `${kind}|${settingsKey(settings)}`;
    const entries = this.entries;
    // Most recent first: the range just used is the likeliest. Few entries, each checked in one pass.
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      if (e.key !== key || !covers(e.fields, settings.fields) || !sameContent(e.fp, range)) continue;
      this.hits++;
      entries.splice(i, 1);
      entries.push(e);
      return e.value as T;
    }
    this.misses++;
    // Errors (bad header, bad cell) propagate and nothing is kept.
    const value = parse();
    // A range seen once is not fingerprinted: a single call (a refresh, a one-off formula) does
    // not pay for a cache it will not use. The second call of the same shape keeps the table.
    // (Keeping a reference to check later would not be exact: a host may change the array.)
    const shape = `${key}|${range.length}|${(range[0] ?? []).map(String).join("\u0001")}`;
    if (this.limits.keepFrom === 2 && !this.sighted.includes(shape)) {
      this.sighted.push(shape);
      if (this.sighted.length > SIGHTED) this.sighted.shift();
      return value;
    }
    const fp = fingerprint(range);
    if (fp.cells <= this.limits.cells && this.limits.entries > 0) {
      entries.push({ key, fields: settings.fields, fp, value });
      this.cells += fp.cells;
      while (entries.length > this.limits.entries || this.cells > this.limits.cells) this.cells -= entries.shift()!.fp.cells;
    }
    return value;
  }

  clear(): void {
    this.entries = [];
    this.sighted = [];
    this.cells = 0;
    this.hits = 0;
    this.misses = 0;
  }

  stats(): CacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.length, cells: this.cells };
  }
}
