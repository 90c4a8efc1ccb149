import { CoreError, fail } from "../cell/error";
import type { Analysis, VendorResult } from "../scorecard/analyze";
import { DEFAULT_CUTOFFS, rankBySpend, type AbcClass, type AbcCutoffs } from "./abc";
import { quadrant, type Quadrant } from "./kraljic";
import { vendorKey, type RiskArgument } from "./risk";
import { emptyExtent, ratingAxis, widen, type Extent, type RatingAxis } from "./scale";
import { relationshipTier } from "./tier";

export interface SegmentOptions {
  readonly cutoffs?: AbcCutoffs;
  /** Supply risk per vendor from a risk range or register; when given it replaces the data's risk column. */
  readonly risk?: RiskArgument;
  /** Profit impact at or above which a vendor is high impact (default: ABC class A, or the impact column's scale midpoint). */
  readonly impactThreshold?: number;
  /** Supply risk at or above which a vendor is high risk (default: the scale midpoint, 3 on 1-5, 0.5 on 0-1). */
  readonly riskThreshold?: number;
  /** false: ABC only, so risk data is neither needed nor checked. Default true. */
  readonly kraljic?: boolean;
}

/** Everything the segmentation says about one vendor; undefined where there is nothing to say. */
export interface VendorSegment {
  readonly vendor: string;
  readonly spend: number | undefined;
  readonly share: number | undefined;
  readonly cumBefore: number | undefined;
  readonly cumShare: number | undefined;
  readonly abc: AbcClass;
  readonly impact: number | undefined;
  readonly risk: number | undefined;
  /** undefined when the vendor has no supply risk (or no profit impact in an impact column). */
  readonly quadrant: Quadrant | undefined;
  readonly tier: string | undefined;
  readonly score: number | undefined;
  readonly grade: string | undefined;
}

export type RiskAxis = RatingAxis & { readonly source: "column" | "argument" | "register" };

/** How profit impact is read: an impact column, the share of spend against a threshold, or ABC class A. */
export type ImpactAxis =
  | (RatingAxis & { readonly basis: "column" })
  | { readonly basis: "spend share"; readonly threshold: number }
  | { readonly basis: "abc class A" };

export interface Segmentation {
  /** Highest spend first, ties by vendor name. */
  readonly vendors: readonly VendorSegment[];
  /** undefined when there is no supply risk data at all: then no vendor has a quadrant, see `noRisk`. */
  readonly risk: RiskAxis | undefined;
  /**
   * Why the Kraljic matrix is empty when the data has no supply risk at all (no risk column and
   * no risk range, or a risk column without values), as the #N/A problem VENDORKRALJIC answers;
   * ABC classes, spend and scores are all there. undefined when there is risk data.
   */
  readonly noRisk: CoreError | undefined;
  readonly impact: ImpactAxis | undefined;
  /** The segment of a vendor named as a user typed it (trimmed, any case), or the #N/A problem naming the vendors there are. */
  find(vendor: string): VendorSegment | CoreError;
}

/**
 * Segments the vendors of an analysed range: ABC on spend, the Kraljic quadrant and the
 * relationship tier, next to the vendor's score and grade. Reads only the per-vendor sums of
 * the analysis (and scans the risk and impact columns once for their scale), never the range.
 *
 * @example segment(analyze(range, readScoreConfig(undefined), asOf)).find("Acme").quadrant // "Strategic"
 */
export function segment(analysis: Analysis, options: SegmentOptions = {}): Segmentation {
  const { sums } = analysis;
  const names = sums.vendors;
  // Every name comes from the analysis itself, so each is found.
  const results = names.map((name) => analysis.find(name) as VendorResult);
  const spend = results.map((r) => r.values.spend);
  const ranks = rankBySpend(names, spend, options.cutoffs ?? DEFAULT_CUTOFFS);
  // Without any supply risk the matrix cannot be drawn, but ABC needs only spend: the Kraljic
  // part is left out (and its reason kept) rather than failing the whole segmentation.
  const riskRead = options.kraljic !== false ? riskOf(analysis, options) : undefined;
  const noRisk = riskRead instanceof CoreError ? riskRead : undefined;
  const risk = riskRead instanceof CoreError ? undefined : riskRead;
  const impact = risk ? impactOf(analysis, spend, options) : undefined;

  const byId: VendorSegment[] = new Array(names.length);
  const vendors = ranks.map((rank): VendorSegment => {
    const id = rank.id;
    const r = results[id]!;
    const riskValue = risk?.values[id];
    const impactValue = impact?.basis === "column" ? impact.values[id] : rank.share;
    let q: Quadrant | undefined;
    if (risk && impact && riskValue !== undefined && (impact.basis !== "column" || impactValue !== undefined)) {
      const high =
        impact.axis.basis === "abc class A" ? rank.abc === "A" : (impactValue ?? 0) >= impact.axis.threshold;
      q = quadrant(high, riskValue >= risk.axis.threshold);
    }
    const seg: VendorSegment = {
      vendor: names[id]!,
      spend: rank.spend,
      share: rank.share,
      cumBefore: rank.cumBefore,
      cumShare: rank.cumShare,
      abc: rank.abc,
      impact: impact ? impactValue : undefined,
      risk: riskValue,
      quadrant: q,
      tier: relationshipTier(q, sums.tier[id]!),
      score: r.score,
      grade: r.grade,
    };
    byId[id] = seg;
    return seg;
  });
  return {
    vendors,
    risk: risk?.axis,
    noRisk,
    impact: impact?.axis,
    find(vendor) {
      const id = analysis.table.vendors.find(vendor);
      return id === undefined ? (analysis.find(vendor) as CoreError) : byId[id]!;
    },
  };
}

interface Axis<A> {
  readonly axis: A;
  readonly values: readonly (number | undefined)[];
}

const RISK_SOURCES = `add a "supply risk" (or "risk") column to the data, or pass a two-column range vendor, risk as the risk argument`;

/**
 * Supply risk per vendor id: from the risk range when given, else the mean of the risk column;
 * the #N/A problem (naming the `risk` argument) when the data has no supply risk at all. A risk
 * range that gives no vendor a risk is a mistake in the argument and fails.
 */
function riskOf(analysis: Analysis, o: SegmentOptions): Axis<RiskAxis> | CoreError {
  const names = analysis.sums.vendors;
  if (o.risk) {
    const register = o.risk.from === "register";
    const risks = o.risk.values;
    if (risks.size === 0) {
      fail("no_data", register ? `The risk register gives no vendor a score: fill its score column with each vendor's assessments.` : `The risk range gives no vendor a supply risk: fill its second column with each vendor's risk (1-5 or 0-1).`);
    }
    const values = names.map((n) => risks.get(vendorKey(n)));
    if (values.every((v) => v === undefined)) {
      fail("no_data", `No vendor in the risk ${register ? "register" : "range"} appears in the data: its vendor column must name the vendors as the data does, such as ${sample(names)}.`);
    }
    const extent = emptyExtent();
    for (const v of risks.values()) widen(extent, v);
    const axis = ratingAxis(extent, o.riskThreshold, "Supply risk", "risk_threshold", register ? "0-1" : undefined);
    return { axis: { ...axis, source: register ? "register" : "argument" }, values };
  }
  const col = meanColumn(analysis, "supply_risk", analysis.sums.risk, analysis.sums.riskN);
  if (!col) return new CoreError("no_data", `No supply risk data: ${RISK_SOURCES}.`, { arg: "risk" });
  if (col.extent.min === Infinity) return new CoreError("no_data", `The "${col.header}" column has no values: fill in each vendor's supply risk (1-5 or 0-1), or pass a two-column range vendor, risk as the risk argument.`, { arg: "risk" });
  return { axis: { ...ratingAxis(col.extent, o.riskThreshold, "Supply risk", "risk_threshold"), source: "column" }, values: col.values };
}

type ImpactValues = { readonly basis: "column" | "spend"; readonly axis: ImpactAxis; readonly values: readonly (number | undefined)[] };

/** Profit impact per vendor id: the mean of an impact column when the range has one with values, else the share of spend. */
function impactOf(analysis: Analysis, spend: readonly (number | undefined)[], o: SegmentOptions): ImpactValues {
  const col = meanColumn(analysis, "profit_impact", analysis.sums.impact, analysis.sums.impactN);
  if (col && col.extent.min !== Infinity) {
    return { basis: "column", axis: { ...ratingAxis(col.extent, o.impactThreshold, "Profit impact", "impact_threshold"), basis: "column" }, values: col.values };
  }
  if (spend.every((s) => s === undefined)) {
    fail("no_data", `No spend and no profit impact to place vendors on the Kraljic matrix: add an amount column (or unit price and quantity), or a "profit impact" column.`);
  }
  const t = o.impactThreshold;
  if (t === undefined) return { basis: "spend", axis: { basis: "abc class A" }, values: [] };
  if (!(t > 0 && t <= 1)) {
    fail("bad_argument", `impact_threshold is ${t}: without a profit impact column, impact is the vendor's share of total spend, so give a share above 0 and at most 1, such as 0.1 (10%).`);
  }
  return { basis: "spend", axis: { basis: "spend share", threshold: t }, values: [] };
}

/** A per-vendor mean of a rating column, with the extent of its line values; undefined when the range has no such column. */
function meanColumn(analysis: Analysis, field: "supply_risk" | "profit_impact", sum: Float64Array, n: Float64Array) {
  const column = analysis.table.num(field);
  if (!column) return undefined;
  const extent: Extent = emptyExtent();
  const vendorOf = analysis.table.vendorOf;
  for (let r = 0; r < column.length; r++) {
    const v = column[r]!;
    if (v === v && vendorOf[r]! >= 0) widen(extent, v);
  }
  const values: (number | undefined)[] = Array.from(sum, (s, v) => (n[v]! > 0 ? s / n[v]! : undefined));
  if (values.some((m) => m !== undefined && !Number.isFinite(m))) scaledMeans(column, vendorOf, n, extent, values);
  return { header: analysis.table.columns.matches.get(field)?.header ?? field, extent, values };
}

/**
 * Means whose sum overflowed (two lines of 1e308), summed again over the values divided by the
 * largest magnitude, so each stays finite. Only runs on such data; real ratings never get here.
 */
function scaledMeans(column: Float64Array, vendorOf: Int32Array, n: Float64Array, extent: Extent, values: (number | undefined)[]): void {
  const scale = Math.max(Math.abs(extent.min), Math.abs(extent.max));
  const sums = new Float64Array(values.length);
  for (let r = 0; r < column.length; r++) {
    const x = column[r]!;
    const v = vendorOf[r]!;
    if (x === x && v >= 0) sums[v] += x / scale;
  }
  for (let v = 0; v < values.length; v++) {
    const m = values[v];
    if (m !== undefined && !Number.isFinite(m)) values[v] = (sums[v]! / n[v]!) * scale;
  }
}

function sample(names: readonly string[]): string {
  return names.slice(0, 3).map((n) => `"${n}"`).join(", ") || "none";
}
