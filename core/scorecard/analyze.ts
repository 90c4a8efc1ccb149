import { asRange } from "../cell/blank";
import type { Serial } from "../cell/date";
import { fail } from "../cell/error";
import type { RangeArg } from "../cell/types";
import { kpiValues, sumByVendor, type VendorSums } from "../kpi/accumulate";
import type { KpiKey } from "../kpi/defs";
import type { ScoreConfig } from "../score/config";
import { scoreVendor, type VendorScore } from "../score/score";
import { readLines, type LineTable } from "../table/lines";

/** Everything the scorecard functions show about one vendor. */
export interface VendorResult extends VendorScore {
  readonly vendor: string;
  readonly values: Readonly<Record<KpiKey, number | undefined>>;
  /** 1 = best score; equal scores share a rank; undefined without a score. */
  rank: number | undefined;
}

export interface Analysis {
  readonly table: LineTable;
  readonly sums: VendorSums;
  /** Sorted by score (best first, unscored last, ties by vendor name). */
  readonly vendors: readonly VendorResult[];
  /** The result of a vendor named as a user typed it (trimmed, any case). */
  find(vendor: string): VendorResult;
}

/**
 * Reads the lines once, sums them by vendor in one pass, then scores and ranks every vendor.
 * The range is never re-read: the per-vendor functions look their vendor up in the result.
 */
export function analyze(data: RangeArg, config: ScoreConfig, asOf: Serial): Analysis {
  const table = readLines(asRange(data), config.read);
  const sums = sumByVendor(table, config.promisedDays === undefined ? { asOf, graceDays: config.graceDays } : { asOf, graceDays: config.graceDays, promisedDays: config.promisedDays });
  const results: VendorResult[] = sums.vendors.map((vendor, v) => {
    const values = kpiValues(sums, v);
    return { vendor, values, rank: undefined, ...scoreVendor(values, config.kpis) };
  });
  const sorted = [...results].sort(byScore);
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    if (r.score === undefined) return;
    r.rank = prev && prev.score === r.score ? prev.rank : i + 1;
  });
  return {
    table,
    sums,
    vendors: sorted,
    find(vendor) {
      const id = table.vendors.find(vendor);
      if (id === undefined) {
        const known = table.vendors.names.slice(0, 5).map((n) => `"${n}"`).join(", ");
        fail("unknown_vendor", `No lines for vendor "${vendor}". Vendors in the range include ${known || "none"}.`);
      }
      return results[id]!;
    },
  };
}

export function compareNames(a: string, b: string): number {
  const x = a.toLowerCase(), y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function byScore(a: VendorResult, b: VendorResult): number {
  if (a.score !== b.score) {
    if (a.score === undefined) return 1;
    if (b.score === undefined) return -1;
    return b.score - a.score;
  }
  return compareNames(a.vendor, b.vendor);
}
