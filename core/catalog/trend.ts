import { formatSerial, type Serial } from "../cell/date";
import { CoreError, problem } from "../cell/error";
import type { RangeArg, ResultCell, ResultGrid } from "../cell/types";
import { fieldsFor } from "../kpi/fields";
import { KPIS, kpiByName, type KpiDef, type KpiKey } from "../kpi/defs";
import type { ScoreConfig } from "../score/config";
import { compareNames, needs, periodFields, type VendorResult } from "../scorecard/analyze";
import { analyzePeriods, type PeriodAnalysis } from "../scorecard/periods";
import { optionalText } from "./params";
import { AS_OF, change, DATA, SHOWN, VENDOR, WEIGHTS } from "./scorecard";
import { cell, defineFunction, type Context } from "./types";

const KPI = optionalText("kpi", 'A KPI key or label (on_time, "Defect rate"); left out or "score": the score.');

/** VENDORTREND's columns without a KPI: the scorecard's KPIs per period, then score, grade and change. */
export const TREND_COLUMNS = ["Period", "Start", "End", "Lines", "Spend", "On time", "In full", "OTIF", "Defect rate", "Price variance", "Lead time (days)", "Score", "Grade", "Change"] as const;

/** What a trend shows: the score, or one KPI. */
type Measure = "score" | KpiKey;

function measureOf(kpi: string | undefined): Measure | CoreError {
  if (kpi === undefined || kpi.toLowerCase() === "score") return "score";
  return kpiByName(kpi) ?? problem("bad_argument", `"${kpi}" is not a KPI: use score or one of ${Object.keys(KPIS).join(", ")}.`, { arg: "kpi" });
}

/** The periods of every vendor, reading only the columns the measure (and for the score, the scored KPIs) needs. */
function periodsFor(data: RangeArg, weights: ScoreConfig, asOf: Serial, cx: Context, measure: Measure, shown: readonly KpiKey[] = []): PeriodAnalysis {
  const fields = measure === "score" ? needs(weights, shown, { listed: shown.length > 0, periods: true }) : fieldsFor([measure], periodFields(weights), weights.promisedDays !== undefined);
  return analyzePeriods(data, weights, asOf, cx.cache, fields);
}

function valueOf(r: VendorResult, m: Measure): number | undefined {
  return m === "score" ? r.score : r.values[m];
}

/** The first and last shown period, for messages. */
function span(a: PeriodAnalysis): string {
  const first = a.periods[0]!, last = a.periods[a.periods.length - 1]!;
  return a.periods.length === 1 ? `${last.label} (${formatSerial(last.start)} to ${formatSerial(last.end)})` : `${first.label} to ${last.label}`;
}

export const VENDORTREND = defineFunction({
  name: "VENDORTREND",
  description: "Spills a vendor's KPIs, score, grade and change per period (the history periods ending with the one holding as_of, oldest first); with a KPI, that KPI per period.",
  example: '=VENDORTREND(A1:J5000, "Acme", , W1:D8) spills one row per month with period, month in W1:D8.',
  params: [DATA, VENDOR, KPI, WEIGHTS, AS_OF],
  result: "table",
  dateColumns: ["Start", "End"],
  impl({ data, vendor, kpi, weights, as_of }, cx) {
    const m = measureOf(kpi);
    if (m instanceof CoreError) return m;
    const a = periodsFor(data, weights, as_of, cx, m, m === "score" ? SHOWN : []);
    const id = a.current.find(vendor);
    if (id instanceof CoreError) return id;
    const v = id.id;
    if (m !== "score") return [["Period", KPIS[m].label], ...a.periods.map((p, k): ResultCell[] => [p.label, cell(a.results[k]![v]!.values[m])])];
    const grid: ResultGrid = [[...TREND_COLUMNS]];
    a.periods.forEach((p, k) => {
      const r = a.results[k]![v]!;
      const before = k === 0 ? a.before[v] : a.results[k - 1]![v]!.score;
      grid.push([p.label, p.start, p.end, ...SHOWN.map((key) => cell(r.values[key])), cell(r.score), cell(r.grade), cell(change(r.score, before))]);
    });
    return grid;
  },
});

/**
 * Whether a higher value is better: for the score, and for a KPI whose target is above its floor
 * (the weights' bounds where listed, else the defaults); spend and lines, with no bounds, too.
 */
function higherIsBetter(m: Measure, weights: ScoreConfig): boolean {
  if (m === "score") return true;
  const def: KpiDef = KPIS[m];
  const k = weights.kpis.find((x) => x.key === m) ?? def;
  return k.target === undefined || k.floor === undefined || k.target > k.floor;
}

export const VENDORTRENDS = defineFunction({
  name: "VENDORTRENDS",
  description: "Spills the portfolio heat map: one row per vendor, one column per period (oldest first), the score or a KPI, sorted best first by the last period.",
  example: "=VENDORTRENDS(A1:J5000, , W1:D8) spills Vendor, 2024-Q2 ... 2025-Q1 with each vendor's score per quarter.",
  params: [DATA, KPI, WEIGHTS, AS_OF],
  result: "table",
  impl({ data, kpi, weights, as_of }, cx) {
    const m = measureOf(kpi);
    if (m instanceof CoreError) return m;
    const a = periodsFor(data, weights, as_of, cx, m);
    const last = a.periods.length - 1;
    const sign = higherIsBetter(m, weights) ? -1 : 1;
    const rows = a.current.table.vendors.names.map((vendor, v) => ({ vendor, values: a.results.map((r) => valueOf(r[v]!, m)) }));
    rows.sort((x, y) => {
      const p = x.values[last], q = y.values[last];
      if ((p === undefined) !== (q === undefined)) return p === undefined ? 1 : -1;
      if (p !== undefined && q !== undefined && p !== q) return sign * (p - q);
      return compareNames(x.vendor, y.vendor);
    });
    return [["Vendor", ...a.periods.map((p) => p.label)], ...rows.map((r) => [r.vendor, ...r.values.map(cell)])];
  },
});

export const VENDOROVERALL = defineFunction({
  name: "VENDOROVERALL",
  description: "A vendor's overall score over the last history periods: each period's score weighted by its recency (decay, linear) or their mean (decay, none); periods without data are skipped.",
  example: '=VENDOROVERALL(A1:J5000, "Acme", W1:D8) returns 61.8 for monthly scores 90, 60, 30 (newest first) and no data before.',
  params: [DATA, VENDOR, WEIGHTS, AS_OF],
  result: "number",
  impl({ data, vendor, weights, as_of }, cx) {
    const a = periodsFor(data, weights, as_of, cx, "score");
    const r = a.current.find(vendor);
    if (r instanceof CoreError) return r;
    const overall = a.overall[r.id];
    if (overall === undefined) return problem("no_data", `Vendor "${r.vendor}" has no score in any period from ${span(a)}: no line there can be scored.`);
    return overall;
  },
});
