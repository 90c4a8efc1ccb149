import { asRange } from "../cell/blank";
import { attempt, CoreError, fail, problem, quote } from "../cell/error";
import type { RangeArg } from "../cell/types";
import { HEADER_SEARCH_ROWS, headerRowOf, parseColumns, type ReadSettings } from "../table/read";
import { normalizeHeader } from "../table/schema";
import { VendorIndex } from "../table/vendors";
import { dimensionKey } from "./dimension";
import { normalise, riskScale, SCALE_BOUNDS, type RiskScale } from "./scale";
import { RISK_SCHEMA, type RiskField } from "./schema";
import type { RiskWeights } from "./weights";

/** A dimension of the register, headed as first written. */
export interface Dimension {
  readonly key: string;
  readonly label: string;
}

/** A risk register read once: each vendor's value per dimension on 0-100. */
export interface Register {
  /** Vendors in order of first appearance, spelt as first written. */
  readonly vendors: VendorIndex;
  /** Dimensions in order of first appearance. */
  readonly dimensions: readonly Dimension[];
  readonly scale: RiskScale;
  /** values[vendor][dimension] on 0-100; NaN where the vendor has no assessment of that dimension. */
  readonly values: readonly Float64Array[];
  /** Per dimension, the mean of the weight column over its rows; undefined without a weight there (all undefined without the column). */
  readonly columnWeights: readonly (number | undefined)[];
  /** The header of the weight column when it has a value, for messages. */
  readonly weightHeader: string | undefined;
}

/**
 * Reads a risk register: vendor, dimension and score columns, optionally weight and date. The
 * scale is judged over every score of the range (see {@link riskScale}); a score outside it is
 * #VALUE! naming its row. A vendor's value for a dimension is its latest assessment by date
 * (assessments on that same latest day, or an undated column's, are averaged; an undated row is
 * older than any dated one); without a date column, the mean of its scores for that dimension.
 * Rows with a blank vendor or a blank score are no assessment and are left out.
 *
 * @example readRegister([["Vendor", "Dimension", "Score"], ["Acme", "Cyber", 4]]).values[0] // Float64Array [75]
 */
export function readRegister(arg: RangeArg, settings: Pick<ReadSettings, "dateOrder" | "decimal" | "mapping"> = {}): Register {
  const range = asRange(arg);
  if (range.length === 0) fail("empty_range", "The risk register is empty: give a header row vendor, dimension, score and one row per assessment.");
  const at = headerRowOf(range, RISK_SCHEMA, settings);
  const t = parseColumns(range, RISK_SCHEMA, settings, { at });
  const text = (f: RiskField) => t.columns.get(f) as string[];
  const num = (f: RiskField) => t.columns.get(f) as Float64Array | undefined;
  const [vendor, dimension, score, weight, date] = [text("vendor"), text("dimension"), num("score")!, num("weight"), num("date")];
  const rowOf = (r: number) => t.first + r + 1;
  const header = (f: RiskField) => t.matches.get(f)!.header;

  const vendors = new VendorIndex();
  const dimensions: Dimension[] = [];
  const dimOf = new Map<string, number>();
  // Per assessment row kept: vendor id, dimension index, data row.
  const kept: [number, number, number][] = [];
  // The weight column over every row of a dimension, scored or not.
  const weightSum = new Map<string, number>();
  const weightN = new Map<string, number>();
  for (let r = 0; r < t.rows; r++) {
    if (vendor[r] === "") continue;
    const scored = score[r] === score[r];
    if (dimension[r] === "") {
      if (!scored) continue;
      fail("bad_argument", `Column "${quote(header("dimension"))}", row ${rowOf(r)} of the range: the dimension is blank; name what was assessed, such as financial or cyber.`, { row: rowOf(r), column: header("dimension"), field: "dimension" });
    }
    const key = dimensionKey(dimension[r]!);
    const w = weight?.[r] ?? NaN;
    if (w === w) {
      if (w < 0) fail("bad_argument", `Column "${quote(header("weight"))}", row ${rowOf(r)} of the range: the weight ${w} is negative; give 0 or more.`, { row: rowOf(r), column: header("weight"), field: "weight" });
      weightSum.set(key, (weightSum.get(key) ?? 0) + w);
      weightN.set(key, (weightN.get(key) ?? 0) + 1);
    }
    if (!scored) continue;
    const v = vendors.id(vendor[r]!);
    if (v < 0) continue;
    let d = dimOf.get(key);
    if (d === undefined) {
      d = dimensions.length;
      dimOf.set(key, d);
      dimensions.push({ key, label: dimension[r]!.trim() });
    }
    kept.push([v, d, r]);
  }
  const scale = riskScale(kept.map(([, , r]) => score[r]!));
  const [low, high] = SCALE_BOUNDS[scale];
  for (const [, , r] of kept) {
    const s = score[r]!;
    if (s < low || s > high) {
      const why = scale === "1-5" ? `below 1, the lowest score on the 1-5 scale the register is read on (no score is above 5 and none lies strictly between 0 and 1)` : `outside 0-100, the scale the register is read on (a score is above 5)`;
      fail("bad_argument", `Column "${quote(header("score"))}", row ${rowOf(r)} of the range: the score ${s} is ${why}; write every score on one scale: 1-5, 0-1 or 0-100.`, { row: rowOf(r), column: header("score"), field: "score" });
    }
  }
  // Latest assessment per vendor and dimension: the latest day, ties (and undated rows) averaged.
  const n = dimensions.length;
  const latest = vendors.names.map(() => new Float64Array(n).fill(-Infinity));
  const sums = vendors.names.map(() => new Float64Array(n));
  const counts = vendors.names.map(() => new Float64Array(n));
  for (const [v, d, r] of kept) {
    const day = date ? date[r]! : NaN;
    const when = day === day ? day : -Infinity;
    if (when > latest[v]![d]!) {
      latest[v]![d] = when;
      sums[v]![d] = 0;
      counts[v]![d] = 0;
    }
    if (when === latest[v]![d]) {
      sums[v]![d] += score[r]!;
      counts[v]![d]++;
    }
  }
  const values = vendors.names.map((_, v) => Float64Array.from(sums[v]!, (s, d) => (counts[v]![d]! > 0 ? normalise(s / counts[v]![d]!, scale) : NaN)));
  const columnWeights = dimensions.map((d) => (weightN.has(d.key) ? weightSum.get(d.key)! / weightN.get(d.key)! : undefined));
  const weightHeader = weight && columnWeights.some((w) => w !== undefined) ? header("weight") : undefined;
  return { vendors, dimensions, scale, values, columnWeights, weightHeader };
}

/**
 * The weight of each dimension: from the settings' `risk_weight` rows when there are any (each
 * dimension of the register needs one), else the mean of the weight column (each dimension
 * needs a weight on one of its rows), else equal.
 *
 * @example dimensionWeights(register, { byDimension: new Map([["financial", 2], ["cyber", 1]]) }) // [2, 1]
 */
export function dimensionWeights(register: Register, settings?: RiskWeights): number[] | CoreError {
  const dims = register.dimensions;
  if (settings && settings.byDimension.size > 0) {
    const missing = dims.filter((d) => !settings.byDimension.has(d.key));
    if (missing.length) {
      return problem("bad_config", `The settings give risk weights but none for ${missing.map((d) => `"${quote(d.label)}"`).join(", ")}: add a row risk_weight, ${quote(missing[0]!.label)}, <weight> (0 leaves it out).`, { arg: "settings", field: "risk_weight" });
    }
    return dims.map((d) => settings.byDimension.get(d.key)!);
  }
  if (register.weightHeader !== undefined) {
    const i = register.columnWeights.findIndex((w) => w === undefined);
    if (i >= 0) {
      return problem("bad_argument", `The "${quote(register.weightHeader)}" column has no weight on any row of dimension "${quote(dims[i]!.label)}": give one on at least one of its rows, or leave the column empty for equal weights.`, { arg: "risk", column: register.weightHeader, field: "weight" });
    }
    return register.columnWeights as number[];
  }
  return dims.map(() => 1);
}

/**
 * Each vendor's risk index 0-100: the weighted mean of the dimension values it has (dimensions
 * it has no assessment for are left out and the weights renormalise); undefined when the
 * weights of the dimensions it has add up to 0.
 *
 * @example riskIndex(register, [2, 1]) // [(2 x 75 + 1 x 50) / 3] for one vendor with 75 and 50
 */
export function riskIndex(register: Register, weights: readonly number[]): (number | undefined)[] {
  return register.values.map((row) => {
    let sum = 0;
    let total = 0;
    for (let d = 0; d < row.length; d++) {
      const x = row[d]!;
      if (x !== x) continue;
      sum += weights[d]! * x;
      total += weights[d]!;
    }
    return total > 0 ? sum / total : undefined;
  });
}

/**
 * True for a range whose header (one of its top rows) holds a dimension and a score column: a
 * risk register rather than the two columns vendor, risk.
 *
 * @example isRegister([["Vendor", "Risk area", "Rating"], ["Acme", "Cyber", 4]]) // true
 */
export function isRegister(arg: RangeArg): boolean {
  const range = asRange(arg);
  const aliases = (key: RiskField) => new Set(RISK_SCHEMA.find((f) => f.key === key)!.aliases.map(normalizeHeader));
  const [dimension, score] = [aliases("dimension"), aliases("score")];
  for (let r = 0; r < Math.min(range.length, HEADER_SEARCH_ROWS); r++) {
    const cells = range[r]!.map(normalizeHeader);
    if (cells.some((c) => dimension.has(c)) && cells.some((c) => score.has(c))) return true;
  }
  return false;
}

/**
 * Supply risk per vendor from a register, as segmentation reads it: the risk index / 100 (0-1),
 * with the register's weight column or equal weights; vendors keyed by their normalised,
 * lower-cased name. A vendor whose index is undefined (all its weights 0) is left out.
 *
 * @example registerSupplyRisk([["Vendor", "Dimension", "Score"], ["Acme", "Cyber", 4]]) // Map { "acme" => 0.75 }
 */
export function registerSupplyRisk(arg: RangeArg): Map<string, number> | CoreError {
  const register = attempt(() => readRegister(arg));
  if (register instanceof CoreError) return register;
  const weights = dimensionWeights(register);
  if (weights instanceof CoreError) return weights;
  const out = new Map<string, number>();
  riskIndex(register, weights).forEach((x, v) => {
    if (x !== undefined) out.set(register.vendors.names[v]!.toLowerCase(), x / 100);
  });
  return out;
}
