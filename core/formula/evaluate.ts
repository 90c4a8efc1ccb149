import type { KpiKey } from "../kpi/defs";
import type { FormulaAccumulator } from "./accumulate";
import type { Expr, Formula } from "./parse";
import type { NodeSlots } from "./plan";

/**
 * A formula's value for one bucket: a finite number, or undefined (no data, a division by zero,
 * or any other undefined rule). `overflow` says the numbers went past the largest a sheet holds
 * (sums of 1e308), so a caller can say so instead of "no data".
 */
export interface FormulaValue {
  readonly value: number | undefined;
  readonly overflow: boolean;
}

/**
 * Evaluates a formula of the accumulator's plan for one bucket, from the bucket's aggregates and
 * the bucket's built-in KPI values (undefined where a KPI has no data). Walks the parsed tree:
 * no code is made from the text. Inside, NaN stands for undefined, so that arithmetic carries it
 * without a test at every step; `true` and `false` are 1 and 0.
 *
 * The undefined rules: `mean`, `median`, `min`, `max` and `share` over no value are undefined;
 * `sum`, `count`, `countif` and `sumif` over nothing are 0; a division by zero is undefined;
 * arithmetic, comparisons, `and`, `or`, `not`, `abs`, `round`, `min` and `max` with an undefined
 * operand are undefined; `if` with an undefined condition is undefined (only the chosen branch is
 * evaluated); `ifna(x, y)` is y when x is undefined.
 *
 * @example evaluateFormula(formula, acc, vendorId, kpis) // { value: 0.98, overflow: false } for share([Invoice OK]) over 49 yes of 50
 */
export function evaluateFormula(formula: Formula, acc: FormulaAccumulator, bucket: number, kpis: Readonly<Partial<Record<KpiKey, number | undefined>>>): FormulaValue {
  const x = evaluate(formula.root, { acc, bucket, kpis, slots: acc.plan.slots });
  if (x === x && Number.isFinite(x)) return { value: x === 0 ? 0 : x, overflow: false };
  return { value: undefined, overflow: x === x };
}

interface Scope {
  readonly acc: FormulaAccumulator;
  readonly bucket: number;
  readonly kpis: Readonly<Partial<Record<KpiKey, number | undefined>>>;
  readonly slots: ReadonlyMap<Expr, NodeSlots>;
}

function evaluate(node: Expr, s: Scope): number {
  switch (node.kind) {
    case "number":
      return node.value;
    case "kpi": {
      const v = s.kpis[node.key];
      return v === undefined ? NaN : v;
    }
    case "negate":
      return -evaluate(node.x, s);
    case "not": {
      const x = evaluate(node.x, s);
      return x !== x ? NaN : x === 0 ? 1 : 0;
    }
    case "binary":
      return binary(node.op, evaluate(node.a, s), evaluate(node.b, s));
    case "call":
      return call(node, s);
    default:
      return aggregate(node, s);
  }
}

function binary(op: string, a: number, b: number): number {
  if (a !== a || b !== b) return NaN;
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return b === 0 ? NaN : a / b;
    case "=":
      return a === b ? 1 : 0;
    case "<>":
      return a !== b ? 1 : 0;
    case "<":
      return a < b ? 1 : 0;
    case "<=":
      return a <= b ? 1 : 0;
    case ">":
      return a > b ? 1 : 0;
    case ">=":
      return a >= b ? 1 : 0;
    case "and":
      return a !== 0 && b !== 0 ? 1 : 0;
    default:
      return a !== 0 || b !== 0 ? 1 : 0;
  }
}

function call(node: Expr & { kind: "call" }, s: Scope): number {
  const args = node.args;
  switch (node.fn) {
    case "if": {
      const c = evaluate(args[0]!, s);
      if (c !== c) return NaN;
      return evaluate(c !== 0 ? args[1]! : args[2]!, s);
    }
    case "ifna": {
      const x = evaluate(args[0]!, s);
      return x !== x ? evaluate(args[1]!, s) : x;
    }
    case "abs":
      return Math.abs(evaluate(args[0]!, s));
    case "round":
      return round(evaluate(args[0]!, s), evaluate(args[1]!, s));
    default: {
      // min and max of two or more values; NaN (undefined) in any makes the result NaN, as Math.min does.
      let out = node.fn === "min" ? Infinity : -Infinity;
      for (const a of args) out = node.fn === "min" ? Math.min(out, evaluate(a, s)) : Math.max(out, evaluate(a, s));
      return out;
    }
  }
}

/**
 * Rounds half away from zero to `digits` decimals (negative: tens, hundreds), as a spreadsheet's
 * ROUND: 2.5 -> 3, -2.5 -> -3, and 2.675 to 2 digits is 2.68 (the product is read at 15
 * significant digits first, as a sheet shows it, so the binary 2.67499... does not round down).
 */
export function round(x: number, digits: number): number {
  if (x !== x || digits !== digits || !Number.isFinite(x)) return x !== x || digits !== digits ? NaN : x;
  const d = Math.trunc(digits);
  if (d > 15) return x;
  if (d < -308) return 0;
  const scaled = d >= 0 ? Math.abs(x) * 10 ** d : Math.abs(x) / 10 ** -d;
  if (!Number.isFinite(scaled)) return x;
  const r = Math.round(Number(scaled.toPrecision(15)));
  const out = d >= 0 ? r / 10 ** d : r * 10 ** -d;
  return x < 0 ? -out : out;
}

function aggregate(node: Exclude<Expr, { kind: "number" | "kpi" | "negate" | "not" | "binary" | "call" }>, s: Scope): number {
  const at = s.slots.get(node);
  // A node the plan did not bind is a mistake in the caller (another plan's accumulator), not in a sheet.
  if (at === undefined) throw new Error("evaluateFormula: the formula is not part of the accumulator's plan");
  const { acc, bucket } = s;
  if (node.kind === "aggregate") {
    switch (node.fn) {
      case "median":
        return acc.median(bucket, at.a);
      case "mean":
      case "share": {
        const n = acc.slot(bucket, at.b!);
        return n > 0 ? acc.slot(bucket, at.a) / n : NaN;
      }
    }
  }
  // sum, count, countif, sumif (0 over nothing); min, max (NaN until a value).
  return acc.slot(bucket, at.a);
}
