import { asRange } from "../cell/blank";
import type { Serial } from "../cell/date";
import { problem, quote, type CoreError } from "../cell/error";
import type { Range, RangeArg } from "../cell/types";
import { formulaNeeds } from "../formula/needs";
import { sumByVendor, vendorKpis, type KpiOptions, type VendorSums } from "../kpi/accumulate";
import type { KpiKey } from "../kpi/defs";
import { fieldsFor } from "../kpi/fields";
import type { ScoreConfig, ScoredKey } from "../score/config";
import { scoreVendor, type KpiValues, type VendorScore } from "../score/score";
import { readSurvey, surveySettings, type SurveyTable } from "../survey/read";
import type { ParseCache } from "../table/cache";
import { readLines, type LineTable } from "../table/lines";
import type { PoField } from "../table/schema";
import { isBuiltIn, OwnKpis, resolveCriteria } from "./own";
import type { PeriodView } from "./periods";

/** Everything the scorecard functions show about one vendor. */
export interface VendorResult extends VendorScore {
  readonly vendor: string;
  /** The vendor's id in the line table (its index in `sums.vendors`). */
  readonly id: number;
  /** The built-in KPIs, and the formula KPIs and survey criteria of the config by their custom key. */
  readonly values: KpiValues;
  /**
   * KPIs whose sums overflowed (past about 1.8e308): their value is undefined in `values`, and
   * when one of them is scored (weight above 0) the vendor has no score, no grade and no rank.
   * Empty for any real data. A host shows such a KPI, or the score, as #NUM! naming the KPI.
   */
  readonly overflow: readonly ScoredKey[];
  /** 1 = best score; equal scores share a rank; undefined without a score. */
  rank: number | undefined;
}

export interface Analysis {
  readonly table: LineTable;
  readonly sums: VendorSums;
  /** The config scored: the weights range's, with its survey criteria resolved against the survey. */
  readonly config: ScoreConfig;
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
 * Formula KPIs are evaluated over the aggregates gathered in that same pass; survey criteria the
 * weights range names are read from `survey` (a survey range), which is read once too.
 *
 * @example analyze([["Vendor", "Ordered Qty", "Received Qty"], ["Acme", 10, 10]], config, 45700, new ParseCache()).find("acme").values.in_full // 1
 */
export function analyze(data: RangeArg, config: ScoreConfig, asOf: Serial, cache: ParseCache, fields?: ReadonlySet<PoField>, survey?: Range): Analysis {
  const range = asRange(data);
  const table = readLines(range, fields ? { ...config.read, fields } : config.read, cache);
  const own = ownOf(config, survey, cache);
  return memoized(table, `all|${num(asOf)}|${own.key}|${configKey(own.config)}`, () => compute(table, own.config, asOf, range, own.survey));
}

/** A config with its survey criteria resolved, the survey read, and what of them keys an analysis. */
export interface Resolved {
  readonly config: ScoreConfig;
  readonly survey: SurveyTable | undefined;
  readonly key: string;
}

/**
 * Reads the survey (when given and the weights range names criteria) and resolves the weights
 * range's survey criteria against it. A criterion row with no survey, or one the survey does not
 * know, is a problem at its row.
 */
export function ownOf(config: ScoreConfig, survey: Range | undefined, cache: ParseCache): Resolved {
  // A survey the weights range names no criterion of plays no part: not even a bad cell in it fails the scorecard.
  const table = survey === undefined || config.criteria.length === 0 ? undefined : readSurvey(survey, { ...surveySettings(config.read), fields: SURVEY_FIELDS }, cache);
  const resolved = resolveCriteria(config, table);
  const scores = resolved.kpis.some((k) => k.criterion !== undefined);
  return { config: resolved, survey: table, key: scores && table ? `survey${surveyId(table)}` : "" };
}

const SURVEY_FIELDS: ReadonlySet<string> = new Set(["weight", "date"]);

/** A number per survey table, so that an analysis is kept per survey it scored (the parse cache hands back the same table for the same content). */
const surveyIds = new WeakMap<SurveyTable, number>();
let nextSurveyId = 0;
function surveyId(t: SurveyTable): number {
  let id = surveyIds.get(t);
  if (id === undefined) surveyIds.set(t, (id = nextSurveyId++));
  return id;
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
  // A formula KPI reads its columns from the range itself; the built-in KPIs it uses need theirs.
  const scored = config.kpis.filter((k) => o.listed || k.weight > 0).flatMap((k) => (k.formula ? formulaNeeds(k.formula).kpis : isBuiltIn(k.key) ? [k.key] : []));
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
  let key = `${num(config.graceDays)}|${config.promisedDays === undefined ? "" : num(config.promisedDays)}|${config.surveyAggregate}`;
  for (const k of config.kpis) {
    key += `|${k.key},${num(k.weight)},${num(k.target)},${num(k.floor)}`;
    if (k.formula) key += `,${k.formula.text.length}:${k.formula.text}`;
    if (k.criterion !== undefined) key += `,c${k.criterion}`;
  }
  for (const b of config.standings ?? []) key += `|${b.name.length}:${b.name},${num(b.min)},${num(b.max)},${b.colour ?? ""},${b.action}`;
  return key;
}

/** A number as text that keeps -0 apart from 0. */
export const num = (x: number) => (Object.is(x, -0) ? "-0" : String(x));

function compute(table: LineTable, config: ScoreConfig, asOf: Serial, range: Range, survey: SurveyTable | undefined): Analysis {
  const own = new OwnKpis(table, config, survey);
  const sums = sumByVendor(table, kpiOptions(config, asOf, own, range));
  const results = sums.vendors.map((vendor, v) => scoreResult(sums, vendor, v, 0, config, own));
  return analysisOf(table, config, sums, results, results);
}

/** The options of the pass over the lines: the config's grace and promised days, and the formula KPIs' accumulator with the range it reads. */
export function kpiOptions(config: ScoreConfig, asOf: Serial, own: OwnKpis, range: Range): KpiOptions {
  return {
    asOf,
    graceDays: config.graceDays,
    ...(config.promisedDays === undefined ? {} : { promisedDays: config.promisedDays }),
    ...(own.acc ? { formulas: { acc: own.acc, range } } : {}),
  };
}

/**
 * One vendor's KPIs, score and standing from its sums in one bucket (all its lines, or a period).
 * An overflowed KPI has no value, and scoring the others alone would pass off a partial score
 * as the vendor's: no score at all instead.
 */
export function scoreResult(sums: VendorSums, vendor: string, id: number, bucket: number, config: ScoreConfig, own: OwnKpis): VendorResult {
  const builtIn = vendorKpis(sums, id, bucket);
  let values: KpiValues = builtIn.values;
  let overflow: readonly ScoredKey[] = builtIn.overflow;
  if (!own.none) {
    const mine = own.values(id, bucket, id * sums.buckets + bucket, builtIn.values);
    values = { ...builtIn.values, ...mine.values };
    if (mine.overflow.length) overflow = [...overflow, ...mine.overflow];
  }
  const scored = scoreVendor(values, config.kpis, config.standings);
  const lost = overflow.length > 0 && config.kpis.some((k) => k.weight > 0 && overflow.includes(k.key));
  // A period without a counted line has no score, even where Lines is a scored KPI (its 0 is no data).
  if (lost || !isScore(scored.score) || values.lines === 0) return { vendor, id, values, overflow, rank: undefined, parts: scored.parts, score: undefined, grade: undefined, standing: undefined };
  return { vendor, id, values, overflow, rank: undefined, ...scored };
}

/**
 * The analysis of every vendor's results (by vendor id): `shown` ranked best first, then all
 * frozen, as they are shared between calls from here on. `period` when the results are of one period.
 */
export function analysisOf(table: LineTable, config: ScoreConfig, sums: VendorSums, results: readonly VendorResult[], shown: readonly VendorResult[], period?: PeriodView): Analysis {
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
    config,
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
