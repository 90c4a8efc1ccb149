import { asRange, isBlank } from "../cell/blank";
import { CoreError, problem, quote } from "../cell/error";
import { parseNumber } from "../cell/number";
import type { Range, RangeArg } from "../cell/types";
import { configRows, takeMapping } from "../config/rows";
import { normalizeHeader } from "../table/schema";
import { dimensionKey } from "./dimension";
import { RISK_SCHEMA } from "./schema";

/** The first cell of a risk weight row, normalised as config keys are. */
const RISK_WEIGHT = "riskweight";

/** Weights per dimension (key: {@link dimensionKey}) from `risk_weight` rows of a settings range, and its mapping rows of register columns. */
export interface RiskWeights {
  readonly byDimension: ReadonlyMap<string, number>;
  /** field -> header, from rows such as `score, Likelihood`. */
  readonly mapping: ReadonlyMap<string, string>;
}

/**
 * Reads the rows `risk_weight, <dimension>, <weight>` of a settings range, and mapping rows of
 * the register's columns (`score, Likelihood`); every other row is the business of the functions
 * that read the range for the data. A weight is a number, 0 or more; a dimension is listed once.
 *
 * @example readRiskWeights([["risk_weight", "Financial", 2], ["risk_weight", "Cyber", 1], ["grace_days", 2]]).byDimension // Map { "financial" => 2, "cyber" => 1 }
 */
export function readRiskWeights(arg: RangeArg): RiskWeights | CoreError {
  const byDimension = new Map<string, number>();
  const { mapping, rest } = takeMapping(configRows(arg, []), RISK_SCHEMA);
  for (const r of rest) {
    if (r.key !== RISK_WEIGHT) continue;
    const [dimension, weight] = [r.cells[1], r.cells[2]];
    const where = { row: r.row, field: "risk_weight" };
    if (isBlank(dimension)) return problem("bad_config", `Settings row ${r.row}: risk_weight needs a dimension in its second cell and a weight in its third, such as risk_weight, Financial, 2.`, { ...where, column: "2" });
    const w = parseNumber(weight as never);
    if (!Number.isFinite(w) || w < 0) return problem("bad_config", `Settings row ${r.row}: the weight of "${quote(dimension)}" must be a number, 0 or more, not "${quote(weight)}".`, { ...where, column: "3" });
    const key = dimensionKey(String(dimension));
    if (byDimension.has(key)) return problem("bad_config", `Settings row ${r.row}: risk_weight for "${quote(dimension)}" is given twice; keep one row per dimension.`, { ...where, column: "2" });
    byDimension.set(key, w);
  }
  return { byDimension, mapping };
}

/**
 * A settings range with its `risk_weight` rows blanked (rows keep their numbers), for the readers
 * of the data's settings and mapping rows: one settings range serves the scorecard, the
 * contracts and the risk register.
 *
 * @example withoutRiskWeights([["grace_days", 2], ["risk_weight", "Cyber", 1]]) // [["grace_days", 2], []]
 */
export function withoutRiskWeights(arg: RangeArg): Range {
  return asRange(arg).map((row) => (normalizeHeader(row[0]) === RISK_WEIGHT ? [] : row));
}
