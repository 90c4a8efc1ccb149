import type { Range } from "../cell/types";
import type { ReadSettings } from "./read";

/**
 * Excel and Sheets hand a custom function its whole range on every call, so a sheet with 200
 * `=VENDORSCORE(data, A2)` cells would parse the same range 200 times. This cache keeps a few
 * parsed tables, keyed by a fingerprint of the range's content and the read settings.
 *
 * The fingerprint covers every cell, because a host may hand the same array object back after
 * changing a cell: an identity check would not be exact. Two 32-bit lanes are folded with a
 * step `h = imul(h ^ x, odd)`, which is a bijection of `h` for each input, so two ranges that
 * differ in one number, blank, boolean or Date cell (or in a row's length) always get different
 * fingerprints; strings enter through two independent 32-bit hashes of their characters.
 */

/** A range's content in 64 bits plus its shape. */
export interface Fingerprint {
  readonly h1: number;
  readonly h2: number;
  readonly rows: number;
  /** Cells in the range (the sum of its rows' lengths). */
  readonly cells: number;
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
 * The content fingerprint of a range: one pass over every cell, by type tag and value
 * (numbers by their 64 bits, Dates by their time value, strings by their characters).
 *
 * @example fingerprint([["Vendor"], ["Acme"]]).cells // 2
 */
export function fingerprint(range: Range): Fingerprint {
  let h1 = 0x243f6a88 | 0;
  let h2 = 0x13198a2e | 0;
  let cells = 0;
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
        // Length and tag first, then the characters: "ab" + "c" and "a" + "bc" stay apart.
        h1 = Math.imul(h1 ^ v.length, M1);
        h2 = Math.imul(h2 ^ TAG_STRING, M2);
        let s1 = 0x811c9dc5 | 0;
        let s2 = 0x01000193;
        for (let i = 0; i < v.length; i++) {
          const ch = v.charCodeAt(i);
          s1 = Math.imul(s1 ^ ch, 0x01000193);
          s2 = Math.imul(s2 + ch, 0x5bd1e995) ^ (s2 >>> 15);
        }
        a = s1;
        b = s2;
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
        const s = String(v);
        a = s.length;
        b = TAG_OTHER;
        for (let i = 0; i < s.length; i++) a = Math.imul(a ^ s.charCodeAt(i), M2);
      }
      h1 = Math.imul(h1 ^ a, M1);
      h2 = Math.imul(h2 ^ b, M2);
    }
  }
  return { h1: h1 >>> 0, h2: h2 >>> 0, rows: range.length, cells };
}

/** The read settings as text, so that a table read under other settings is another entry. */
export function settingsKey(settings: ReadSettings): string {
  const mapping = settings.mapping ? [...settings.mapping].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : [];
  return JSON.stringify([settings.dateOrder ?? "", settings.lenient === true, mapping]);
}

export interface CacheLimits {
  /** Tables kept at most. */
  readonly entries: number;
  /** Range cells the kept tables may come from in total; a larger range is parsed but not kept. */
  readonly cells: number;
}

/** Four tables, and at most 16M cells between them (about 1.5M lines of 10 columns). */
export const DEFAULT_LIMITS: CacheLimits = { entries: 4, cells: 16_000_000 };

interface Entry {
  readonly value: unknown;
  readonly cells: number;
}

/** Counts that show whether the cache works, for tests and the benchmark. */
export interface CacheStats {
  hits: number;
  misses: number;
  entries: number;
  cells: number;
}

/**
 * A small least-recently-used store of parsed tables. Keys are exact: kind of table, read
 * settings and the content fingerprint.
 *
 * @example
 * const cache = new ParseCache();
 * cache.read(range, "po", {}, () => parse(range)); // parses
 * cache.read(range, "po", {}, () => parse(range)); // returns the same table
 */
export class ParseCache {
  private readonly map = new Map<string, Entry>();
  private cells = 0;
  private hits = 0;
  private misses = 0;
  enabled = true;

  constructor(readonly limits: CacheLimits = DEFAULT_LIMITS) {}

  /** The table parsed from a range with equal content and settings, or `parse()`'s result, kept for next time. */
  read<T>(range: Range, kind: string, settings: ReadSettings, parse: () => T): T {
    if (!this.enabled) return parse();
    const fp = fingerprint(range);
    const key = `${kind}|${settingsKey(settings)}|${fp.h1}:${fp.h2}:${fp.rows}:${fp.cells}`;
    const hit = this.map.get(key);
    if (hit) {
      this.hits++;
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      this.map.delete(key);
      this.map.set(key, hit);
      return hit.value as T;
    }
    this.misses++;
    // Errors (bad header, bad cell) propagate and nothing is kept.
    const value = parse();
    if (fp.cells <= this.limits.cells && this.limits.entries > 0) {
      this.map.set(key, { value, cells: fp.cells });
      this.cells += fp.cells;
      for (const [k, e] of this.map) {
        if (this.map.size <= this.limits.entries && this.cells <= this.limits.cells) break;
        this.map.delete(k);
        this.cells -= e.cells;
      }
    }
    return value;
  }

  clear(): void {
    this.map.clear();
    this.cells = 0;
    this.hits = 0;
    this.misses = 0;
  }

  stats(): CacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.map.size, cells: this.cells };
  }
}

/**
 * The cache every read goes through. One per runtime: an Excel custom-function runtime, an Apps
 * Script execution or a Node process each have their own.
 */
export const parseCache = new ParseCache();
