import { asRange } from "../cell/blank";
import type { Serial } from "../cell/date";
import { problem, quote, type CoreError } from "../cell/error";
import type { RangeArg } from "../cell/types";
import { sumByVendor, vendorKpis, type VendorSums } from "../kpi/accumulate";
import type { KpiKey } from "../kpi/defs";
import { fieldsFor } from "../kpi/fields";
import type { ScoreConfig } from "../score/config";
import { scoreVendor, type VendorScore } from "../score/score";
import type { ParseCache } from "../table/cache";
import { readLines, type LineTable } from "../table/lines";
import type { PoField } from "../table/schema";
import type { PeriodView } from "./periods";

/** Everything the scorecard functions show about one vendor. */
export interface VendorResult extends VendorScore {
  readonly vendor: string;
  /** The vendor's id in the line table (its index in `sums.vendors`). */
  readonly id: number;
  readonly values: Readonly<Record<KpiKey, number | undefined>>;
  /**
   * KPIs whose sums overflowed (past about 1.8e308): their value is undefined in `values`, and
   * when one of them is scored (weight above 0) the vendor has no score, no grade and no rank.
   * Empty for any real data. A host shows such a KPI, or the score, as #NUM! naming the KPI.
   */
  readonly overflow: readonly KpiKey[];
  /** 1 = best score; equal scores share a rank; undefined without a score. */
  rank: number | undefined;
}

export interface Analysis {
  readonly table: LineTable;
  readonly sums: VendorSums;
  /** Sorted by score (best first, unscored last, ties by vendor name); in a period's analysis, the vendors with a line in it. */
  readonly vendors: readonly VendorResult[];
  /** Set when the analysis is of one period (a weights range with a `period` row): that period, and each vendor's score before it and overall. */
  readonly period?: PeriodView;
  /** The result of a vendor named as a user typed it (trimmed, any case), or the problem naming the vendors there are. */
  find(vendor: string): VendorResult | CoreError;
}

/**
 * Reads the lines once, sums them by vendor in one pass, then scores and ranks every vendor.
 * The range is never re-read: the per-vendor functions look their vendor up in the result.
 *
 * `fields` are the columns read (see {@link needs}); a KPI whose fields were not read has no
 * meaning in the result, so callers read only the KPIs they asked for. Undefined: every column.
 *
 * A sheet with 200 `=VENDORSCORE(data, A2)` cells calls this 200 times on one range: the parse
 * cache hands back the same table each time, and the analysis of that table under equal weights
 * and as-of date is kept with it, so only the first call computes. The result is shared and
 * frozen; it equals an uncached run.
 *
 * @example analyze([["Vendor", "Ordered Qty", "Received Qty"], ["Acme", 10, 10]], config, 45700, new ParseCache()).find("acme").values.in_full // 1
 */
export function analyze(data: RangeArg, config: ScoreConfig, asOf: Serial, cache: ParseCache, fields?: ReadonlySet<PoField>): Analysis {
  const table = readLines(asRange(data), fields ? { ...config.read, fields } : config.read, cache);
  return memoized(table, `all|${num(asOf)}|${configKey(config)}`, () => compute(table, config, asOf));
}

/**
 * What the analysis of a table under one config and as-of date is kept as: computed once, then
 * handed back to every call with equal arguments (see {@link analyze}). `key` says everything in
 * the config and arguments that changes the result.
 */
export function memoized<T>(table: LineTable, key: string, make: () => T): T {
  let kept = memo.get(table);
  if (!kept) memo.set(table, (kept = new Map()));
  const hit = kept.get(key);
  if (hit) {
    // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
    kept.delete(key);
    kept.set(key, hit);
    return hit as T;
  }
  const result = make();
  kept.set(key, result);
  if (kept.size > MEMO_PER_TABLE) kept.delete(kept.keys().next().value!);
  return result;
}

/**
 * The fields a report reads: those of the KPIs it shows, of the KPIs the config scores (weight
 * above 0) or, with `listed`, of every KPI the config lists, and any extra fields.
 *
 * @example needs(config, ["on_time"]) // vendor, status, promised, delivered and the scored KPIs' fields
 */
export function needs(config: ScoreConfig, shown: readonly KpiKey[], o: { readonly listed?: boolean; readonly extra?: readonly PoField[]; readonly periods?: boolean } = {}): ReadonlySet<PoField> {
  const scored = config.kpis.filter((k) => o.listed || k.weight > 0).map((k) => k.key);
  const extra = (o.periods ?? config.periods.kind !== undefined) ? [...(o.extra ?? []), ...periodFields(config)] : o.extra;
  return fieldsFor([...shown, ...scored], extra, config.promisedDays !== undefined);
}

/**
 * The fields that place a line in a period: the `period_by` field, or promised, delivered and
 * order date (the fallbacks); a promised date made from `promised_days` reads the order date.
 *
 * @example periodFields(readScoreConfig([["period_by", "delivered"]])) // ["delivered"]
 */
export function periodFields(config: ScoreConfig): PoField[] {
  const by = config.periods.by;
  if (by === undefined) return ["promised", "delivered", "order_date"];
  return by === "promised" && config.promisedDays !== undefined ? ["promised", "order_date"] : [by];
}

/**
 * Analyses kept per parsed table. A WeakMap, so they go when the parse cache drops the table
 * (or at once when the cache is off and every call parses a table of its own).
 */
const memo = new WeakMap<LineTable, Map<string, unknown>>();

/** Weights ranges (or as-of dates) used at once over one table: a few, e.g. a sheet comparing scenarios. */
export const MEMO_PER_TABLE = 4;

/** What in a config changes the analysis of a table; the read settings are already part of the table's cache key. */
export function configKey(config: ScoreConfig): string {
  let key = `${num(config.graceDays)}|${config.promisedDays === undefined ? "" : num(config.promisedDays)}`;
  for (const k of config.kpis) key += `|${k.key},${num(k.weight)},${num(k.target)},${num(k.floor)}`;
  for (const b of config.standings ?? []) key += `|${b.name.length}:${b.name},${num(b.min)},${num(b.max)},${b.colour ?? ""},${b.action}`;
  return key;
}

/** A number as text that keeps -0 apart from 0. */
export const num = (x: number) => (Object.is(x, -0) ? "-0" : String(x));

function compute(table: LineTable, config: ScoreConfig, asOf: Serial): Analysis {
  const sums = sumByVendor(table, config.promisedDays === undefined ? { asOf, graceDays: config.graceDays } : { asOf, graceDays: config.graceDays, promisedDays: config.promisedDays });
  const results = sums.vendors.map((vendor, v) => scoreResult(sums, vendor, v, 0, config));
  return analysisOf(table, sums, results, results);
}

/**
 * One vendor's KPIs, score and standing from its sums in one bucket (all its lines, or a period).
 * An overflowed KPI has no value, and scoring the others alone would pass off a partial score
 * as the vendor's: no score at all instead.
 */
export function scoreResult(sums: VendorSums, vendor: string, id: number, bucket: number, config: ScoreConfig): VendorResult {
  const { values, overflow } = vendorKpis(sums, id, bucket);
  const scored = scoreVendor(values, config.kpis, config.standings);
  const lost = overflow.length > 0 && config.kpis.some((k) => k.weight > 0 && overflow.includes(k.key));
  if (lost || !isScore(scored.score)) return { vendor, id, values, overflow, rank: undefined, parts: scored.parts, score: undefined, grade: undefined, standing: undefined };
  return { vendor, id, values, overflow, rank: undefined, ...scored };
}

/**
 * The analysis of every vendor's results (by vendor id): `shown` ranked best first, then all
 * frozen, as they are shared between calls from here on. `period` when the results are of one period.
 */
export function analysisOf(table: LineTable, sums: VendorSums, results: readonly VendorResult[], shown: readonly VendorResult[], period?: PeriodView): Analysis {
  const sorted = [...shown].sort(byScore);
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    if (!isScore(r.score)) return;
    r.rank = prev && prev.score === r.score ? prev.rank : i + 1;
  });
  // Shared between calls from here on: a caller that tried to change a result would change it for all.
  for (const r of results) Object.freeze(r);
  return Object.freeze({
    table,
    sums,
    vendors: Object.freeze(sorted),
    ...(period ? { period } : {}),
    find(vendor: string) {
      const id = table.vendors.find(vendor);
      if (id === undefined) {
        const known = table.vendors.names.slice(0, 5).map((n) => `"${quote(n)}"`).join(", ");
        return problem("unknown_vendor", `No lines for vendor "${quote(vendor)}". Vendors in the range include ${known || "none"}.`, { arg: "vendor" });
      }
      return results[id]!;
    },
  });
}

export function compareNames(a: string, b: string): number {
  const x = a.toLowerCase(), y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A score that ranks: a finite number. Anything else (undefined, and NaN or Infinity should one ever arise) is unscored. */
function isScore(s: number | undefined): s is number {
  return s !== undefined && Number.isFinite(s);
}

/** Best score first; unscored vendors last (a NaN compares as neither above nor below, so it is tested for, not subtracted). */
function byScore(a: VendorResult, b: VendorResult): number {
  const x = isScore(a.score), y = isScore(b.score);
  if (x !== y) return x ? -1 : 1;
  if (x && a.score !== b.score) return b.score! - a.score!;
  return compareNames(a.vendor, b.vendor);
}
