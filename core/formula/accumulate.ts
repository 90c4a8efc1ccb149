import { isBlank, isDate } from "../cell/blank";
import { dateToSerial } from "../cell/date";
import { medianOfSorted, parseNumber, type Decimal } from "../cell/number";
import type { CellValue } from "../cell/types";
import { isYes } from "../table/read";
import type { FormulaPlan } from "./plan";

/**
 * Gathers the column aggregates of a {@link FormulaPlan} in one pass over the lines: the caller
 * hands each counted line with its bucket (a vendor's id, or vendor and period), and every
 * formula's aggregates for that bucket are updated from the line's cells at once. Nothing is
 * re-read afterwards: the evaluator reads only these aggregates.
 *
 * Buckets are small non-negative integers; storage grows as higher ones appear.
 *
 * @example
 * const acc = new FormulaAccumulator(plan);
 * for (let r = 0; r < lines; r++) if (vendorOf[r] >= 0) acc.add(vendorOf[r], range[first + r]);
 */
export class FormulaAccumulator {
  private capacity = 0;
  private nums = new Float64Array(0);
  /** values[list][bucket]: a median's numeric cells, in line order. */
  private readonly values: number[][][];
  private readonly sorted = new Map<number, Float64Array>();
  private used = 0;

  constructor(readonly plan: FormulaPlan) {
    this.values = Array.from({ length: plan.lists }, () => []);
  }

  /** One plus the highest bucket seen: buckets below it may be read. */
  get buckets(): number {
    return this.used;
  }

  /** Adds one line (the data range's row as the host passed it) to a bucket. */
  add(bucket: number, row: readonly CellValue[]): void {
    if (bucket >= this.capacity) this.grow(bucket + 1);
    if (bucket >= this.used) this.used = bucket + 1;
    // A line added after a median was read makes the sorted copies stale.
    if (this.sorted.size) this.sorted.clear();
    const nums = this.nums;
    const base = bucket * this.plan.stride;
    const decimal = this.plan.decimal;
    const readers = this.plan.readers;
    for (let i = 0; i < readers.length; i++) {
      const r = readers[i]!;
      const v = row[r.column];
      const blank = isBlank(v);
      if (!blank) {
        if (r.cells !== undefined) nums[base + r.cells]++;
        if (r.yes !== undefined && isYes(v)) nums[base + r.yes]++;
        if (r.numeric) {
          const x = numberOf(v, decimal);
          if (x === x) {
            if (r.sum !== undefined) nums[base + r.sum] += x;
            if (r.n !== undefined) nums[base + r.n]++;
            if (r.min !== undefined) {
              const m = nums[base + r.min]!;
              if (!(m <= x)) nums[base + r.min] = x;
            }
            if (r.max !== undefined) {
              const m = nums[base + r.max]!;
              if (!(m >= x)) nums[base + r.max] = x;
            }
            if (r.list !== undefined) (this.values[r.list]![bucket] ??= []).push(x);
          }
        }
      }
      const tests = r.tests;
      if (tests.length === 0) continue;
      let text: string | undefined;
      let num: number | undefined;
      for (let t = 0; t < tests.length; t++) {
        const test = tests[t]!;
        let equal: boolean;
        if (test.text !== undefined) equal = test.text === (text ??= blank ? "" : textOf(v));
        else equal = !blank && test.value === (num ??= numberOf(v, decimal));
        if (!equal) continue;
        if (test.count !== undefined) nums[base + test.count]++;
        for (const s of test.sums) {
          const y = row[s.column];
          const x = isBlank(y) ? NaN : numberOf(y, decimal);
          if (x === x) nums[base + s.slot] += x;
        }
      }
    }
  }

  /** A numeric slot of a bucket (a bucket no line was added to reads as its starting value). */
  slot(bucket: number, slot: number): number {
    return bucket < this.used ? this.nums[bucket * this.plan.stride + slot]! : this.plan.initial[slot]!;
  }

  /** The median of a list in a bucket: the middle value, or the mean of the two middle values; NaN for none. */
  median(bucket: number, list: number): number {
    const key = bucket * this.plan.lists + list;
    let s = this.sorted.get(key);
    if (!s) {
      s = Float64Array.from(this.values[list]![bucket] ?? []).sort();
      this.sorted.set(key, s);
    }
    return medianOfSorted(s);
  }

  private grow(min: number): void {
    const stride = this.plan.stride;
    const capacity = Math.max(min, this.capacity * 2, 16);
    const nums = new Float64Array(capacity * stride);
    nums.set(this.nums);
    for (let b = this.capacity; b < capacity; b++) nums.set(this.plan.initial, b * stride);
    this.nums = nums;
    this.capacity = capacity;
  }
}

/** A cell as a number: numbers as they are, dates as serials, number text as read elsewhere; NaN otherwise. */
function numberOf(v: CellValue, decimal: Decimal): number {
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  if (typeof v === "string") return parseNumber(v, decimal);
  return isDate(v) ? dateToSerial(v) : NaN;
}

/** A cell as countif compares text: trimmed, in lower case (`TRUE` from a boolean cell reads "true"). */
function textOf(v: CellValue): string {
  return (isDate(v) ? String(dateToSerial(v)) : String(v)).trim().toLowerCase();
}
