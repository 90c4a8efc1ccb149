import { fail } from "../cell/error";
import { compareNames } from "../scorecard/analyze";

export type AbcClass = "A" | "B" | "C";

/** Cumulative-share cutoffs: class A below `a`, B below `b`, C from `b` on. */
export interface AbcCutoffs {
  readonly a: number;
  readonly b: number;
}

export const DEFAULT_CUTOFFS: AbcCutoffs = { a: 0.8, b: 0.95 };

/**
 * Sums of currency amounts rarely land exactly on 0.8 in floating point (0.7 + 0.1 is not 0.8):
 * a running share this close to a cutoff counts as on it, so an exact tie is read as one.
 */
const TIE = 1e-10;

/**
 * Checks ABC cutoffs a user typed: both are shares of spend with 0 < a <= b <= 1.
 *
 * @example abcCutoffs(0.7, 0.9) // { a: 0.7, b: 0.9 }
 * @example abcCutoffs(80, 95) // fails #VALUE!: a is a share such as 0.8 (80%)
 */
export function abcCutoffs(a: number = DEFAULT_CUTOFFS.a, b: number = DEFAULT_CUTOFFS.b): AbcCutoffs {
  if (!(a > 0 && a <= 1)) fail("bad_argument", `a is ${a}: give the class A cutoff as a share of spend above 0 and at most 1, such as 0.8 (80%).`);
  if (!(b > 0 && b <= 1)) fail("bad_argument", `b is ${b}: give the class B cutoff as a share of spend above 0 and at most 1, such as 0.95 (95%).`);
  if (b < a) fail("bad_argument", `b (${b}) is below a (${a}): the class B cutoff must be at least the class A cutoff, such as a = 0.8, b = 0.95.`);
  return { a, b };
}

/** One vendor's place in the spend ranking. */
export interface AbcRank {
  /** Index of the vendor in the arrays given to {@link rankBySpend}. */
  readonly id: number;
  readonly spend: number | undefined;
  /** spend / total spend; 0 for a vendor with zero or negative spend; undefined without spend or total. */
  readonly share: number | undefined;
  /** Share of total spend held by the vendors ranked above this one. */
  readonly cumBefore: number | undefined;
  /** cumBefore + share: the cumulative share including this vendor. */
  readonly cumShare: number | undefined;
  readonly abc: AbcClass;
}

/**
 * Pareto (ABC) classes on spend. Vendors are ranked by spend, highest first (ties by name);
 * cum_before is the share of total spend held by the vendors ranked above. Class A if
 * cum_before < a, B if cum_before < b, else C; so the top vendor is always A and the vendor
 * whose spend crosses the cutoff a is still A. Total spend counts positive spend only: a vendor
 * whose net spend is zero or negative (credits) holds no share and is C, as is a vendor with no
 * spend at all (no amount or price on its lines), which ranks last.
 *
 * @example rankBySpend(["Acme", "Bolt", "Core"], [80, 15, 5]).map((r) => r.abc) // ["A", "B", "C"]: Bolt starts at exactly 80%
 */
export function rankBySpend(names: readonly string[], spend: ArrayLike<number | undefined>, cutoffs: AbcCutoffs = DEFAULT_CUTOFFS): AbcRank[] {
  const ids = Array.from(names, (_, i) => i);
  ids.sort((x, y) => bySpend(spend[x], spend[y]) || compareNames(names[x]!, names[y]!));
  let total = 0;
  let max = 0;
  for (const id of ids) {
    const s = spend[id];
    if (s !== undefined && s > 0) {
      total += s;
      if (s > max) max = s;
    }
  }
  // Shares are ratios, so they can be summed on spends divided by the largest one when the plain
  // total overflows (two vendors of 1e308 each); real totals keep the exact arithmetic.
  const scale = Number.isFinite(total) ? 1 : max;
  if (scale !== 1) {
    total = 0;
    for (const id of ids) {
      const s = spend[id];
      if (s !== undefined && s > 0) total += s / scale;
    }
  }
  let running = 0;
  return ids.map((id): AbcRank => {
    const s = spend[id];
    if (s === undefined || total <= 0) return { id, spend: s, share: undefined, cumBefore: undefined, cumShare: undefined, abc: "C" };
    const cumBefore = running / total;
    if (s > 0) running += s / scale;
    const abc: AbcClass = s <= 0 ? "C" : cumBefore < cutoffs.a - TIE ? "A" : cumBefore < cutoffs.b - TIE ? "B" : "C";
    return { id, spend: s, share: s > 0 ? s / scale / total : 0, cumBefore, cumShare: running / total, abc };
  });
}

/**
 * Highest spend first; vendors without spend after every vendor with one. Spends that differ only
 * by floating-point noise (0.1 + 0.2 against 0.3, as a sheet shows them equal) are a tie.
 */
function bySpend(x: number | undefined, y: number | undefined): number {
  if (x === y) return 0;
  if (x === undefined) return 1;
  if (y === undefined) return -1;
  return Math.abs(y - x) <= TIE * Math.max(Math.abs(x), Math.abs(y)) ? 0 : y - x;
}
