import type { KpiKey } from "../kpi/defs";
import type { ScoredKpi } from "./config";
import { DEFAULT_STANDINGS, standingOf, type Standing } from "./standings";

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
  /** The standing's name: a grade A-D, or a name from the weights range's standing rows. */
  readonly grade: string | undefined;
  readonly standing: Standing | undefined;
  readonly parts: readonly ScorePart[];
}

/**
 * A KPI's score: clamp((value - floor) / (target - floor), 0, 1) x 100. The same formula serves
 * higher-is-better (target > floor) and lower-is-better (target < floor) KPIs.
 *
 * @example kpiScore(0.89, 0.98, 0.8) // 50
 */
export function kpiScore(value: number, target: number, floor: number): number {
  let x = (value - floor) / (target - floor);
  // Bounds so far apart that their difference overflows (floor -1e308, target 1e308): halving is
  // exact, so the halves give the same ratio without passing the largest number.
  if (!Number.isFinite(target - floor)) x = (value / 2 - floor / 2) / (target / 2 - floor / 2);
  // NaN (no finite value) scores nothing rather than spreading into the composite.
  return (x > 0 ? (x >= 1 ? 1 : x) : 0) * 100;
}

/**
 * A power of two that brings the largest weight of a KPI with a value near 1. Weights only matter
 * relative to each other, and scaling by a power of two is exact, so the score is the same to the
 * last bit while weights such as 1e308 can no longer overflow their sum (or weight x 100).
 */
function weightScale(values: Readonly<Record<KpiKey, number | undefined>>, kpis: readonly ScoredKpi[]): number {
  let max = 0;
  for (const k of kpis) if (k.weight > max && values[k.key] !== undefined) max = k.weight;
  if (!(max > 0 && Number.isFinite(max))) return 1;
  // Clamped so that 2^-e itself stays finite for the tiniest weights (5e-324).
  const e = Math.min(1023, Math.max(-1000, Math.floor(Math.log2(max))));
  return 2 ** -e;
}

/**
 * Composite score = sum(weight x KPI score) / sum(weight) over the KPIs that are defined for
 * the vendor and weigh more than zero; undefined when there are none. Always within 0..100.
 * Its standing (and grade, the standing's name) is the band of `standings` it falls in.
 *
 * @example scoreVendor(values, [{ key: "on_time", weight: 1e308, target: 0.98, floor: 0.8 }]).score // as with weight 1
 */
export function scoreVendor(values: Readonly<Record<KpiKey, number | undefined>>, kpis: readonly ScoredKpi[], standings: readonly Standing[] = DEFAULT_STANDINGS): VendorScore {
  const scale = weightScale(values, kpis);
  let total = 0;
  for (const k of kpis) if (values[k.key] !== undefined && k.weight > 0) total += k.weight * scale;
  let weighted = 0;
  const parts = kpis.map((k): ScorePart => {
    const value = values[k.key];
    // Fields written out: V8 is ~100x slower at `{ ...k, more }` here, and this runs per vendor per call.
    if (value === undefined) return { key: k.key, weight: k.weight, target: k.target, floor: k.floor, value, kpiScore: undefined, weightShare: 0, contribution: 0 };
    const s = kpiScore(value, k.target, k.floor);
    const w = k.weight * scale;
    const weightShare = total > 0 ? w / total : 0;
    if (k.weight > 0) weighted += w * s;
    return { key: k.key, weight: k.weight, target: k.target, floor: k.floor, value, kpiScore: s, weightShare, contribution: (w * s) / (total || 1) };
  });
  if (total === 0) return { score: undefined, grade: undefined, standing: undefined, parts };
  // Rounding must not push a perfect score past 100.
  const score = Math.min(100, weighted / total);
  const standing = standingOf(score, standings);
  return { score, grade: standing.name, standing, parts };
}
