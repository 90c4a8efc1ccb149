import { attempt, quote, type CoreError } from "../cell/error";
import type { Decimal } from "../cell/number";
import type { CellValue } from "../cell/types";
import type { KpiKey } from "../kpi/defs";
import { listHeaders } from "../table/match";
import { normalizeHeader } from "../table/schema";
import { aggregateOf, formulaNeeds, nodesOf } from "./needs";
import { formulaProblem, type ColumnRef, type Expr, type Formula, type MatchValue } from "./parse";

/**
 * Where a node's aggregate lives in a bucket: numeric slots (`a`, and `b` for the count a mean
 * or a share divides by), or for a median the index of its list of values.
 */
export interface NodeSlots {
  readonly a: number;
  readonly b?: number;
}

/** One test of a column against a value: the count of equal cells, and sums of other columns over them (sumif). */
export interface ColumnTest {
  readonly value: MatchValue;
  /** Lower-case text of a text value, compared with each cell's trimmed lower-case text. */
  readonly text?: string;
  count?: number;
  readonly sums: { readonly column: number; readonly slot: number }[];
}

/** What the accumulator does with one column of each line. Slots absent are not gathered. */
export interface ColumnReader {
  readonly column: number;
  readonly header: string;
  sum?: number;
  n?: number;
  min?: number;
  max?: number;
  cells?: number;
  yes?: number;
  list?: number;
  readonly tests: ColumnTest[];
  /** Whether any slot needs the cell as a number: set once the plan is complete, so the pass tests one flag. */
  numeric?: boolean;
}

/** Some formulas bound to a data range's header: which cells to gather, and where each aggregate lands. */
export interface FormulaPlan {
  readonly formulas: readonly Formula[];
  /** Numeric slots per bucket. */
  readonly stride: number;
  /** A bucket's values before any line: NaN for min and max (no value yet), 0 for sums and counts. */
  readonly initial: Float64Array;
  /** Lists of values kept per bucket (one per column a median reads). */
  readonly lists: number;
  readonly readers: readonly ColumnReader[];
  /** The built-in KPIs the formulas use, each once. */
  readonly kpis: readonly KpiKey[];
  readonly decimal: Decimal;
  /** Where each aggregate node of the formulas reads its value. */
  readonly slots: ReadonlyMap<Expr, NodeSlots>;
}

/**
 * Binds parsed formulas to the header row of the data: each `[Header]` is matched like every
 * header (case, spaces and punctuation ignored), and every aggregate the formulas read gets its
 * slots, shared where two formulas read the same thing. An unknown header is a problem at its
 * `[`, naming it and listing the headers seen.
 *
 * @example planFormulas([parseFormula("share([Invoice OK])")], ["Vendor", "Invoice OK"]).readers[0] // column 1, cells and yes slots
 */
export function planFormulas(formulas: readonly Formula[], header: readonly CellValue[], options: { readonly decimal?: Decimal } = {}): FormulaPlan | CoreError {
  return attempt(() => {
    const norm = header.map(normalizeHeader);
    const initial: number[] = [];
    const readers = new Map<number, ColumnReader>();
    const slots = new Map<Expr, NodeSlots>();
    const kpis: KpiKey[] = [];
    let lists = 0;
    const slot = (init: number) => initial.push(init) - 1;

    for (const f of formulas) {
      const column = (ref: ColumnRef): number => {
        const c = norm.indexOf(normalizeHeader(ref.header));
        if (c < 0 || normalizeHeader(ref.header) === "") formulaProblem(f.place, ref.at, `no column is headed "${quote(ref.header)}". Headers seen: ${listHeaders(header)}.`);
        return c;
      };
      const reader = (ref: ColumnRef): ColumnReader => {
        const c = column(ref);
        let r = readers.get(c);
        if (!r) readers.set(c, (r = { column: c, header: String(header[c] ?? "").trim(), tests: [] }));
        return r;
      };
      const test = (r: ColumnReader, value: MatchValue): ColumnTest => {
        let t = r.tests.find((x) => sameValue(x.value, value));
        if (!t) r.tests.push((t = typeof value === "string" ? { value, text: value.trim().toLowerCase(), sums: [] } : { value, sums: [] }));
        return t;
      };
      for (const k of formulaNeeds(f).kpis) if (!kpis.includes(k)) kpis.push(k);
      for (const node of nodesOf(f.root)) {
        const need = aggregateOf(node);
        if (need === undefined) continue;
        if (need.fn === "sumif") {
          // The sum column is read through its test column's reader, on the lines that pass the test.
          const sumColumn = column(need.column);
          const t = test(reader(need.test), need.value);
          let s = t.sums.find((x) => x.column === sumColumn);
          if (!s) t.sums.push((s = { column: sumColumn, slot: slot(0) }));
          slots.set(node, { a: s.slot });
          continue;
        }
        const r = reader(need.column);
        switch (need.fn) {
          case "sum":
            slots.set(node, { a: (r.sum ??= slot(0)) });
            break;
          case "mean":
            slots.set(node, { a: (r.sum ??= slot(0)), b: (r.n ??= slot(0)) });
            break;
          case "min":
            slots.set(node, { a: (r.min ??= slot(NaN)) });
            break;
          case "max":
            slots.set(node, { a: (r.max ??= slot(NaN)) });
            break;
          case "median":
            slots.set(node, { a: (r.list ??= lists++) });
            break;
          case "count":
            slots.set(node, { a: (r.cells ??= slot(0)) });
            break;
          case "share":
            slots.set(node, { a: (r.yes ??= slot(0)), b: (r.cells ??= slot(0)) });
            break;
          case "countif": {
            const t = test(r, need.value);
            slots.set(node, { a: (t.count ??= slot(0)) });
            break;
          }
        }
      }
    }
    for (const r of readers.values()) r.numeric = r.sum !== undefined || r.n !== undefined || r.min !== undefined || r.max !== undefined || r.list !== undefined;
    return { formulas, stride: initial.length, initial: Float64Array.from(initial), lists, readers: [...readers.values()], kpis, decimal: options.decimal ?? "point", slots };
  });
}

function sameValue(a: MatchValue, b: MatchValue): boolean {
  return typeof a === typeof b && (typeof a === "string" ? a.trim().toLowerCase() === (b as string).trim().toLowerCase() : a === b);
}
