import fc from "fast-check";
import { serialOf, type CellValue, type Range } from "../../core";
import { catalog } from "../helpers/sheet";

const HEADER = ["Vendor", "Order Date", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty", "Rejected Qty", "Unit Price", "Contract Price"];
const FIRST = serialOf(2023, 1, 1);
const LAST = serialOf(2025, 12, 31);
const day = fc.integer({ min: FIRST, max: LAST });
const maybeDay: fc.Arbitrary<CellValue> = fc.oneof(day, day.map((d) => d + 0.75), fc.constant(null));
const qty = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constant(null));
const price = fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constant(null));

/** Random lines over three years: any date may be missing, so the fallbacks all play. */
const lines = (promised: fc.Arbitrary<CellValue>) =>
  fc.array(fc.tuple(fc.constantFrom("Acme", "Beta", "Gamma"), maybeDay, promised, maybeDay, qty, qty, qty, price, price), { minLength: 1, maxLength: 40 }).map((rows) => [HEADER, ...rows] as Range);

const calendar = fc.record({
  period: fc.constantFrom("week", "month", "quarter", "year"),
  fiscal: fc.integer({ min: 1, max: 12 }),
  history: fc.integer({ min: 1, max: 30 }),
  by: fc.constantFrom(null, "promised", "delivered", "order_date"),
});
const asOf = fc.integer({ min: serialOf(2024, 1, 1), max: LAST });

describe("period invariants over random lines", () => {
  it("the periods' line counts add up to the lines whose period date is in the window", () => {
    fc.assert(
      fc.property(lines(maybeDay), calendar, asOf, (range, c, at) => {
        const weights = [["period", c.period], ["fiscal_start", c.fiscal], ["history", c.history], ...(c.by ? [["period_by", c.by]] : [])];
        for (const vendor of ["Acme", "Beta", "Gamma"]) {
          const trend = catalog.VENDORTREND.fn(range, vendor, "lines", weights, at);
          if (!Array.isArray(trend)) continue; // a vendor not drawn
          const full = catalog.VENDORTREND.fn(range, vendor, null, weights, at) as number[][];
          // The window by its first and last day, against each line's date by the same rule: no period arithmetic.
          const start = full[1]![1]!, end = full[full.length - 1]![2]!;
          const inWindow = range.slice(1).filter((r) => {
            if (r[0] !== vendor) return false;
            const [o, p, d] = [r[1], r[2], r[3]] as (number | null)[];
            const at = c.by === "promised" ? p : c.by === "delivered" ? d : c.by === "order_date" ? o : (p ?? d ?? o);
            return at !== null && at !== undefined && Math.floor(at) >= start && Math.floor(at) <= end;
          }).length;
          expect(trend.slice(1).reduce((n, r) => n + (r[1] as number), 0)).toBe(inWindow);
          expect(trend.length - 1).toBe(c.history);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("with one period covering all lines, the period scorecard is today's snapshot", () => {
    // Every line promised in 2025 (so placed there), judged at the end of 2025, one yearly period.
    const in2025 = fc.integer({ min: serialOf(2025, 1, 1), max: serialOf(2025, 12, 31) });
    fc.assert(
      fc.property(lines(in2025), fc.integer({ min: 1, max: 5 }), (range, history) => {
        const at = serialOf(2025, 12, 31);
        const snapshot = catalog.VENDORSCORECARD.fn(range, null, at) as unknown[][];
        const period = catalog.VENDORSCORECARD.fn(range, [["period", "year"], ["history", history]], at) as unknown[][];
        expect(period.map((r) => r.slice(0, 12))).toEqual(snapshot);
        // Nothing before 2025: no previous score, and the overall score is this year's.
        period.slice(1).forEach((r, i) => {
          const score = snapshot[i + 1]![9];
          expect(r[12]).toBe("");
          if (score === "") expect(r[14]).toBe("");
          else expect(r[14]).toBeCloseTo(score as number, 9);
        });
      }),
      { numRuns: 150 },
    );
  });

  it("VENDOROVERALL with history, 1 equals the current period's score", () => {
    fc.assert(
      fc.property(lines(maybeDay), calendar, asOf, fc.constantFrom("linear", "none"), (range, c, at, decay) => {
        const weights = [["period", c.period], ["fiscal_start", c.fiscal], ["history", 1], ["decay", decay]];
        for (const vendor of ["Acme", "Beta", "Gamma"]) {
          const overall = catalog.VENDOROVERALL.fn(range, vendor, weights, at);
          const score = catalog.VENDORSCORE.fn(range, vendor, weights, at);
          if (typeof score === "number") expect(overall).toBeCloseTo(score, 9);
          else expect(typeof overall).not.toBe("number");
        }
      }),
      { numRuns: 200 },
    );
  });
});
