import { grade } from "../kpi/defs";
import type { KpiKey } from "../kpi/defs";
import type { ScoredKpi } from "./config";

/** How one KPI adds to a vendor's score. */
export interface ScorePart extends ScoredKpi {
  readonly value: number | undefined;
  /** 0..100, undefined when the KPI has no value for this vendor. */
  readonly kpiScore: number | undefined;
  /** Share of the composite weight this KPI carries after renormalising over defined KPIs. */
  readonly weightShare: number;
  /** weightShare x kpiScore: the parts add up to the composite score. */
  readonly contribution: number;
}

export interface VendorScore {
  readonly score: number | undefined;
  readonly grade: "A" | "B" | "C" | "D" | undefined;
  readonly parts: readonly ScorePart[];
}

/**
 * A KPI's score: clamp((value - floor) / (target - floor), 0, 1) x 100. The same formula serves
 * higher-is-better (target > floor) and lower-is-better (target < floor) KPIs.
 *
 * @example kpiScore(0.89, 0.98, 0.8) // 50
 */
export function kpiScore(value: number, target: number, floor: number): number {
  const x = (value - floor) / (target - floor);
  return (x <= 0 ? 0 : x >= 1 ? 1 : x) * 100;
}

/**
 * Composite score = sum(weight x KPI score) / sum(weight) over the KPIs that are defined for
 * the vendor and weigh more than zero; undefined when there are none.
 */
export function scoreVendor(values: Readonly<Record<KpiKey, number | undefined>>, kpis: readonly ScoredKpi[]): VendorScore {
  let total = 0;
  for (const k of kpis) if (values[k.key] !== undefined && k.weight > 0) total += k.weight;
  let weighted = 0;
  const parts = kpis.map((k): ScorePart => {
    const value = values[k.key];
    // Fields written out: V8 is ~100x slower at `{ ...k, more }` here, and this runs per vendor per call.
    if (value === undefined) return { key: k.key, weight: k.weight, target: k.target, floor: k.floor, value, kpiScore: undefined, weightShare: 0, contribution: 0 };
    const s = kpiScore(value, k.target, k.floor);
    const weightShare = total > 0 ? k.weight / total : 0;
    if (k.weight > 0) weighted += k.weight * s;
    return { key: k.key, weight: k.weight, target: k.target, floor: k.floor, value, kpiScore: s, weightShare, contribution: (k.weight * s) / (total || 1) };
  });
  if (total === 0) return { score: undefined, grade: undefined, parts };
  // Rounding must not push a perfect score past 100.
  const score = Math.min(100, weighted / total);
  return { score, grade: grade(score), parts };
}
