/**
 * KPIs written as formulas over the data's columns: parse once ({@link parseFormula}), see what a
 * formula reads ({@link formulaNeeds}), bind formulas to the data's header ({@link planFormulas}),
 * gather their aggregates in the pass over the lines ({@link FormulaAccumulator}) and evaluate them
 * per vendor ({@link evaluateFormula}).
 *
 * Wiring into the scorecard takes four calls, none of which re-reads the range:
 * 1. the weights reader parses a row's fifth cell: `parseFormula(cell, { row })` (a problem
 *    returned as is: "Weights row 5, formula at 14: expected `)`");
 * 2. the report reads the fields of `plan.kpis` (the built-in KPIs the formulas use) beside its own;
 * 3. before the pass: `planFormulas(formulas, table.columns.header, { decimal })` and
 *    `new FormulaAccumulator(plan)`; in the pass, for each counted line,
 *    `acc.add(bucket, range[table.columns.first + r])` (bucket: the vendor id, or vendor x periods + period);
 * 4. per bucket: `evaluateFormula(formula, acc, bucket, builtInKpiValues)` gives the value or
 *    undefined (left out, weights renormalised) and whether it overflowed.
 *
 * @example
 * const f = parseFormula("1 - sum([Rejected Qty]) / sum([Received Qty])");
 * const acc = new FormulaAccumulator(planFormulas([f], ["Vendor", "Received Qty", "Rejected Qty"]));
 * acc.add(0, ["Acme", 100, 2]);
 * evaluateFormula(f, acc, 0, {}).value; // 0.98
 */
export { parseFormula, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH, type Formula, type FormulaPlace, type Expr } from "./parse";
export { formulaNeeds, type AggregateNeed, type FormulaNeeds } from "./needs";
export { planFormulas, type FormulaPlan } from "./plan";
export { FormulaAccumulator } from "./accumulate";
export { evaluateFormula, type FormulaValue } from "./evaluate";
