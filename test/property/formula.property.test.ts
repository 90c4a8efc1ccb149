import fc from "fast-check";
import { isCoreError } from "../../core/cell/error";
import type { CellValue } from "../../core/cell/types";
import { evaluateFormula, FormulaAccumulator, parseFormula, planFormulas, type Formula } from "../../core/formula";
import { KPI_KEYS, type KpiKey } from "../../core/kpi/defs";

const HEADERS = ["Vendor", "Qty", "Score", "OK", "Status"];
const COLUMN = fc.constantFrom("[Qty]", "[Score]", "[ok]", "[STATUS]");

/** Random formulas from the grammar, written as a user would (spacing and case varied). */
const formula: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(fc.integer({ min: -5, max: 1000 }).map(String), fc.constantFrom("0.5", "1e3", "0", "true", "FALSE", "1e300")),
    fc.constantFrom(...KPI_KEYS),
    fc.tuple(fc.constantFrom("sum", "mean", "median", "min", "max", "count", "share"), COLUMN).map(([f, c]) => `${f}(${c})`),
    fc.tuple(COLUMN, fc.constantFrom('"late"', '"YES"', "3", "-1", '""')).map(([c, v]) => `countif(${c}, ${v})`),
    fc.tuple(COLUMN, COLUMN, fc.constantFrom('"late"', "1", '"ok"')).map(([a, b, v]) => `sumif(${a}, ${b}, ${v})`),
    fc.tuple(tie("e"), fc.constantFrom("+", "-", "*", "/", "=", "<>", "<", "<=", ">", ">=", "and", "OR"), tie("e")).map(([a, op, b]) => `${a} ${op} ${b}`),
    tie("e").map((x) => `-${x}`),
    tie("e").map((x) => `not ${x}`),
    tie("e").map((x) => `(${x})`),
    fc.tuple(tie("e"), tie("e"), tie("e")).map(([c, a, b]) => `if(${c}, ${a}, ${b})`),
    fc.tuple(tie("e"), tie("e")).map(([a, b]) => `ifna(${a}, ${b})`),
    tie("e").map((x) => `abs(${x})`),
    fc.tuple(tie("e"), fc.integer({ min: -3, max: 20 })).map(([x, d]) => `round(${x}, ${d})`),
    fc.tuple(fc.constantFrom("min", "MAX"), fc.array(tie("e"), { minLength: 2, maxLength: 4 })).map(([f, xs]) => `${f}(${xs.join(", ")})`),
  ),
})).e.filter((text) => text.length <= 1000);

/** Cells with sums that are exact in binary (integers and quarters), so that row order cannot change a last bit. */
const exactCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -50, max: 500 }),
  fc.integer({ min: -40, max: 40 }).map((q) => q / 4),
  fc.constantFrom("", null, "yes", "no", "late", "ok", "N/A", "12", true, false),
);
/** Cells a sheet can hold, extremes included. */
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(exactCell, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1e308, -1e308, 5e-324, Number.MAX_VALUE));

const lines = (cell: fc.Arbitrary<CellValue>) =>
  fc.array(fc.tuple(fc.constantFrom("Acme", "Beta", "Gamma"), cell, cell, cell, cell).map((row) => [...row] as CellValue[]), { maxLength: 30 });

const kpiValues: fc.Arbitrary<Partial<Record<KpiKey, number>>> = fc.dictionary(fc.constantFrom(...KPI_KEYS), fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 1, noNaN: true })), { maxKeys: 9 }) as fc.Arbitrary<Partial<Record<KpiKey, number>>>;

const BUCKET: Readonly<Record<string, number>> = { Acme: 0, Beta: 1, Gamma: 2 };

function evaluateAll(f: Formula, rows: readonly CellValue[][], kpis: Partial<Record<KpiKey, number>>): (number | undefined)[] {
  const plan = planFormulas([f], HEADERS);
  if (isCoreError(plan)) throw plan;
  const acc = new FormulaAccumulator(plan);
  for (const row of rows) acc.add(BUCKET[String(row[0])]!, row);
  // Bucket 3 never had a line: every formula must still evaluate there.
  return [0, 1, 2, 3].map((b) => evaluateFormula(f, acc, b, kpis).value);
}

function parsed(text: string): Formula {
  const f = parseFormula(text);
  if (isCoreError(f)) throw new Error(`${text}: ${f.message}`);
  return f;
}

describe("formula invariants over random formulas and lines", () => {
  it("parses every formula of the grammar, never throws and never gives a number that is not finite", () => {
    fc.assert(
      fc.property(formula, lines(anyCell), kpiValues, (text, rows, kpis) => {
        for (const v of evaluateAll(parsed(text), rows, kpis)) {
          if (v !== undefined) expect(Number.isFinite(v)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("is deterministic: a second evaluation over fresh aggregates gives the same values", () => {
    fc.assert(
      fc.property(formula, lines(anyCell), kpiValues, (text, rows, kpis) => {
        expect(evaluateAll(parsed(text), rows, kpis)).toEqual(evaluateAll(parsed(text), rows, kpis));
      }),
      { numRuns: 200 },
    );
  });

  it("does not depend on the order of the lines", () => {
    fc.assert(
      fc.property(formula, lines(exactCell).chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))), kpiValues, (text, [rows, shuffled], kpis) => {
        expect(evaluateAll(parsed(text), shuffled, kpis)).toEqual(evaluateAll(parsed(text), rows, kpis));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on any text: a formula or a problem with a position inside the text (or just after it)", () => {
    const alphabet = fc.constantFrom(..."()[],+-*/=<>\". 0123456789eEabcdfimnorstuxy_".split(""), "sum(", "[Qty]", "and", "not", "if(");
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((xs) => xs.join("")), (text) => {
        const f = parseFormula(text, { row: 2 });
        if (isCoreError(f)) {
          expect(f.position).toBeGreaterThanOrEqual(1);
          expect(f.position).toBeLessThanOrEqual(text.length + 1);
          expect(f.message).toMatch(/^Weights row 2, formula at \d+: /);
        } else {
          const plan = planFormulas([f], HEADERS);
          if (!isCoreError(plan)) evaluateAll(f, [["Acme", 1, 2, "yes", "late"]], {}).forEach((v) => v === undefined || expect(Number.isFinite(v)).toBe(true));
        }
      }),
      { numRuns: 500 },
    );
  });
});
