import type { KpiKey } from "../kpi/defs";
import type { Aggregate, ColumnRef, Expr, Formula, MatchValue } from "./parse";

/**
 * One column aggregate a formula reads, by the header as written. What the accumulator gathers
 * per vendor for it:
 * - `sum`, `mean`: the sum and the count of the column's numeric cells;
 * - `min`, `max`: the least and greatest numeric cell;
 * - `median`: the numeric cells themselves;
 * - `count`: the non-blank cells; `share`: those and the ones that say yes;
 * - `countif`: the cells equal to `value`; `sumif`: the sum of `column` where `test` equals `value`.
 */
export type AggregateNeed =
  | { readonly fn: Aggregate; readonly column: ColumnRef }
  | { readonly fn: "countif"; readonly column: ColumnRef; readonly value: MatchValue }
  | { readonly fn: "sumif"; readonly column: ColumnRef; readonly test: ColumnRef; readonly value: MatchValue };

/** What a formula reads: the aggregates over columns of the lines, and the built-in KPIs. */
export interface FormulaNeeds {
  /** Each distinct aggregate once, in the order the formula names them. */
  readonly aggregates: readonly AggregateNeed[];
  /** Each built-in KPI used as a variable once, in order: the scorecard must compute these (and read their columns). */
  readonly kpis: readonly KpiKey[];
}

/**
 * What a parsed formula needs to be evaluated, found by one walk of its tree; nothing of the
 * data is read.
 *
 * @example formulaNeeds(parseFormula("1 - sum([Rejected Qty]) / sum([Received Qty])")).aggregates // sum of Rejected Qty, sum of Received Qty
 * @example formulaNeeds(parseFormula("if(lines > 10, on_time, 0)")).kpis // ["lines", "on_time"]
 */
export function formulaNeeds(f: Formula): FormulaNeeds {
  const aggregates: AggregateNeed[] = [];
  const seen = new Set<string>();
  const kpis: KpiKey[] = [];
  for (const node of nodesOf(f.root)) {
    if (node.kind === "kpi") {
      if (!kpis.includes(node.key)) kpis.push(node.key);
      continue;
    }
    const need = aggregateOf(node);
    if (need === undefined) continue;
    const key = needKey(need);
    if (seen.has(key)) continue;
    seen.add(key);
    aggregates.push(need);
  }
  return { aggregates, kpis };
}

/** The aggregate a node reads, if it reads one. */
export function aggregateOf(node: Expr): AggregateNeed | undefined {
  switch (node.kind) {
    case "aggregate":
      return { fn: node.fn, column: node.column };
    case "countif":
      return { fn: "countif", column: node.column, value: node.value };
    case "sumif":
      return { fn: "sumif", column: node.sum, test: node.test, value: node.value };
    default:
      return undefined;
  }
}

/** Every node of a tree, parents before children, left to right. */
export function* nodesOf(root: Expr): Generator<Expr> {
  const stack: Expr[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    yield node;
    switch (node.kind) {
      case "negate":
      case "not":
        stack.push(node.x);
        break;
      case "binary":
        stack.push(node.b, node.a);
        break;
      case "call":
        for (let i = node.args.length - 1; i >= 0; i--) stack.push(node.args[i]!);
        break;
    }
  }
}

/** Two aggregates with the same key read the same thing (headers compared as written, values as given). */
function needKey(n: AggregateNeed): string {
  const v = "value" in n ? `|${typeof n.value}:${String(n.value).toLowerCase()}` : "";
  return `${n.fn}|${n.column.header}${"test" in n ? `|${n.test.header}` : ""}${v}`;
}
