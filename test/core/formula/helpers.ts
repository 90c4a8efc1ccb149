import { isCoreError, type CoreError } from "../../../core/cell/error";
import type { CellValue } from "../../../core/cell/types";
import { evaluateFormula, FormulaAccumulator, parseFormula, planFormulas, type FormulaValue } from "../../../core/formula";
import type { KpiKey } from "../../../core/kpi/defs";
import type { Range } from "../../../core/cell/types";
import { sumByVendor, vendorKpis } from "../../../core/kpi/accumulate";
import { ParseCache } from "../../../core/table/cache";
import { readLines } from "../../../core/table/lines";

/** A small range of lines: header first, the vendor in the first column. */
export const LINES: CellValue[][] = [
  ["Vendor", "Received Qty", "Rejected Qty", "Invoice OK", "Audit Score", "Status"],
  ["Acme", 100, 2, "yes", 80, "late"],
  ["Acme", "50", 1, "no", 90, "On time"],
  ["Acme", 50, "", "Y", "", "LATE"],
  ["Beta", 10, 0, "", "", "on time"],
];

/** Vendor names to buckets: Acme 0, Beta 1, Gamma 2 (a vendor with no line). */
export const BUCKET: Readonly<Record<string, number>> = { Acme: 0, Beta: 1, Gamma: 2 };

/** Parses, plans and accumulates `formulas` over `range` (vendor in column 0), in one pass. */
export function gather(formulas: readonly string[], range: readonly (readonly CellValue[])[] = LINES): { evaluate: (i: number, bucket: number, kpis?: Partial<Record<KpiKey, number>>) => FormulaValue } {
  const parsed = formulas.map((text) => ok(parseFormula(text)));
  const plan = ok(planFormulas(parsed, range[0]!));
  const acc = new FormulaAccumulator(plan);
  for (let r = 1; r < range.length; r++) acc.add(BUCKET[String(range[r]![0])] ?? 3 + r, range[r]!);
  return { evaluate: (i, bucket, kpis = {}) => evaluateFormula(parsed[i]!, acc, bucket, kpis) };
}

/** The value of one formula for a vendor of {@link LINES}. */
export function valueOf(formula: string, vendor = "Acme", kpis: Partial<Record<KpiKey, number>> = {}, range = LINES): number | undefined {
  return gather([formula], range).evaluate(0, BUCKET[vendor]!, kpis).value;
}

/** The problem a formula's parse or plan returns (fails the test if there is none). */
export function problemOf(formula: string, row?: number, header: readonly CellValue[] = LINES[0]!): CoreError {
  const parsed = parseFormula(formula, row === undefined ? {} : { row });
  if (isCoreError(parsed)) return parsed;
  const plan = planFormulas([parsed], header);
  if (isCoreError(plan)) return plan;
  throw new Error(`no problem in ${formula}`);
}

export function ok<T>(v: T | CoreError): T {
  if (isCoreError(v)) throw new Error(v.message);
  return v;
}

/**
 * A formula and a built-in KPI over the same counted lines, gathered in one pass over the lines
 * as the scorecard will gather them: [formula value, KPI value] per vendor.
 */
export function formulaBesideKpi(range: Range, formula: string, kpi: KpiKey): [string, number | undefined, number | undefined][] {
  const t = readLines(range, {}, new ParseCache());
  const sums = sumByVendor(t, { asOf: 45800, graceDays: 0 });
  const f = ok(parseFormula(formula));
  const acc = new FormulaAccumulator(ok(planFormulas([f], t.columns.header)));
  const first = t.columns.first;
  for (let r = 0; r < t.vendorOf.length; r++) if (t.vendorOf[r]! >= 0) acc.add(t.vendorOf[r]!, range[first + r]!);
  return t.vendors.names.map((name, v) => {
    const kpis = vendorKpis(sums, v).values;
    return [name, evaluateFormula(f, acc, v, kpis).value, kpis[kpi]];
  });
}

