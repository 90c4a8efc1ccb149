import { asRange } from "../cell/blank";
import { fail } from "../cell/error";
import type { Serial } from "../cell/date";
import type { RangeArg } from "../cell/types";
import { sumByVendor, type VendorSums } from "../kpi/accumulate";
import { overallScore } from "../period/overall";
import { periodWindow, type Period, type PeriodCalendar } from "../period/period";
import { trendCalendar } from "../period/settings";
import type { ScoreConfig } from "../score/config";
import type { ParseCache } from "../table/cache";
import { readLines, type LineTable } from "../table/lines";
import type { PoField } from "../table/schema";
import { analysisOf, analyze, configKey, memoized, num, scoreResult, type Analysis, type VendorResult } from "./analyze";

/** The period an analysis of one period is of, with each vendor's score before it and overall (by vendor id). */
export interface PeriodView {
  readonly period: Period;
  /** The period before it, whose score `previous` holds. */
  readonly before: Period;
  readonly previous: readonly (number | undefined)[];
  readonly overall: readonly (number | undefined)[];
}

/** Every vendor in every period of a window, from one pass over the lines. */
export interface PeriodAnalysis {
  readonly table: LineTable;
  readonly sums: VendorSums;
  readonly calendar: PeriodCalendar;
  /**
   * The `history` periods shown, oldest first, the last holding as_of. The sums hold one period
   * more, the one before the first shown, so the first row's change has a score to compare with.
   */
  readonly periods: readonly Period[];
  /** `results[k][v]`: vendor v (its id in the table) in shown period k; a vendor with no line there has Lines 0 and no score. */
  readonly results: readonly (readonly VendorResult[])[];
  /** Each vendor's score in the period before the first shown, by vendor id. */
  readonly before: readonly (number | undefined)[];
  /** Each vendor's overall score over the shown periods, by vendor id ({@link overallScore}). */
  readonly overall: readonly (number | undefined)[];
  /** The period holding as_of, as the scorecard functions describe it. */
  readonly current: Analysis;
}

/**
 * Reads the lines once and sums them per vendor and period in one pass: the `history` periods
 * ending with the one holding `asOf` (and the one before them), each period's KPIs judged at
 * `asOf`, scored with the config's weights and standings. The periods are the `period` row's,
 * else quarters. Kept with the table like {@link analyze}.
 *
 * @example analyzePeriods(range, readScoreConfig([["period", "month"]]), serialOf(2025, 3, 15), cache).periods.at(-1)!.label // "2025-03"
 */
export function analyzePeriods(data: RangeArg, config: ScoreConfig, asOf: Serial, cache: ParseCache, fields?: ReadonlySet<PoField>): PeriodAnalysis {
  const table = readLines(asRange(data), fields ? { ...config.read, fields } : config.read, cache);
  const calendar = trendCalendar(config.periods);
  const p = config.periods;
  const key = `periods|${num(asOf)}|${calendar.kind},${calendar.fiscalStart},${p.by ?? ""},${p.history},${p.decay}|${configKey(config)}`;
  return memoized(table, key, () => computePeriods(table, config, calendar, asOf));
}

/**
 * The analysis the scorecard functions describe: every line, or with a `period` row the period
 * holding `asOf` (then a vendor with lines elsewhere has Lines 0 and no score in it).
 *
 * @example analyzeReview(range, readScoreConfig([["period", "month"]]), asOf, cache).period?.period.label // "2025-03"
 */
export function analyzeReview(data: RangeArg, config: ScoreConfig, asOf: Serial, cache: ParseCache, fields?: ReadonlySet<PoField>): Analysis {
  return config.periods.kind === undefined ? analyze(data, config, asOf, cache, fields) : analyzePeriods(data, config, asOf, cache, fields).current;
}

/**
 * Vendor-periods a window may hold: each keeps a few dozen sums (8 bytes each), so this bounds the
 * memory of one analysis near 200 MB, e.g. 8,000 vendors over 120 weeks or 75,000 over 12 months.
 */
export const MAX_VENDOR_PERIODS = 1_000_000;

function computePeriods(table: LineTable, config: ScoreConfig, calendar: PeriodCalendar, asOf: Serial): PeriodAnalysis {
  const h = config.periods.history;
  const n = table.vendors.size;
  if (n * (h + 1) > MAX_VENDOR_PERIODS) {
    fail("bad_config", `${n.toLocaleString("en-US")} vendors over ${h + 1} periods (history ${h} and the one before) is more than ${MAX_VENDOR_PERIODS.toLocaleString("en-US")} vendor-periods: lower history or use longer periods.`, { arg: "weights", field: "history" });
  }
  const all = periodWindow(calendar, asOf, h + 1);
  const periods = all.slice(1);
  const sums = sumByVendor(table, {
    asOf,
    graceDays: config.graceDays,
    ...(config.promisedDays === undefined ? {} : { promisedDays: config.promisedDays }),
    periods: { calendar, ...(config.periods.by ? { by: config.periods.by } : {}), first: all[0]!.index, count: all.length },
  });
  const names = sums.vendors;
  const before = names.map((vendor, v) => scoreResult(sums, vendor, v, 0, config).score);
  const results = periods.map((_, k) => names.map((vendor, v) => scoreResult(sums, vendor, v, k + 1, config)));
  const overall = names.map((_, v) => overallScore(results.map((r) => r[v]!.score).reverse(), config.periods.decay));
  const now = results[h - 1]!;
  const previous = h > 1 ? results[h - 2]!.map((r) => r.score) : before;
  for (const r of results.slice(0, -1)) for (const x of r) Object.freeze(x);
  const current = analysisOf(table, sums, now, now.filter((r) => r.values.lines! > 0), { period: periods[h - 1]!, before: all[h - 1]!, previous, overall });
  return Object.freeze({ table, sums, calendar, periods, results, before, overall, current });
}
