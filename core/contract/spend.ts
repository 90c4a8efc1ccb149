import { sumByVendor } from "../kpi/accumulate";
import type { LineTable } from "../table/lines";
import { VendorIndex } from "../table/vendors";

/**
 * Spend per group of lines, as the scorecard counts it: the lines are summed by the scorecard's
 * own accumulator with each line's vendor replaced by its group (-1: in no group), so a line's
 * spend (its amount, else unit price x received or ordered qty) is exactly the scorecard's.
 * Callers group counted lines only (`vendorOf` >= 0: no blank vendor, total row or cancelled
 * line). One pass.
 * NaN for a group without a line that has a spend.
 *
 * @example spendByGroup(lines, Int32Array.of(0, -1, 0), 1) // Float64Array [spend of lines 1 and 3]
 */
export function spendByGroup(lines: LineTable, groupOf: Int32Array, groups: number): Float64Array {
  const index = new VendorIndex();
  for (let g = 0; g < groups; g++) index.id(String(g));
  const sums = sumByVendor({ ...lines, vendorOf: groupOf, vendors: index }, { asOf: 0, graceDays: 0 });
  return Float64Array.from(sums.spend, (s, g) => (sums.spendN[g]! > 0 ? s : NaN));
}

/**
 * The index of the last boundary at or below `x` in sorted `bounds`, -1 when all are above.
 *
 * @example segmentOf([1, 5, 9], 5) // 1
 */
export function segmentOf(bounds: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (bounds[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
