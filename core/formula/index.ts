/**
 * KPIs written as formulas over the data's columns: parse once ({@link parseFormula}), see what a
 * formula reads ({@link formulaNeeds}), bind formulas to the data's header ({@link planFormulas}),
 * gather their aggregates in the pass over the lines ({@link FormulaAccumulator}) and evaluate them
 * per vendor ({@link evaluateFormula}).
 */
export { parseFormula, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH, type Formula, type FormulaPlace, type Expr } from "./parse";
export { formulaNeeds, type AggregateNeed, type FormulaNeeds } from "./needs";
export { planFormulas, type FormulaPlan } from "./plan";
export { FormulaAccumulator } from "./accumulate";
export { evaluateFormula, type FormulaValue } from "./evaluate";
