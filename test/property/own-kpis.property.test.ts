import fc from "fast-check";
import { CoreError, type CellValue, type Range } from "../../core";
import { catalog } from "../helpers/sheet";

const HEADER = ["Vendor", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty", "Rejected Qty", "Invoice OK", "Status"];
const day = fc.integer({ min: 45600, max: 45760 });
const qty: fc.Arbitrary<CellValue> = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constantFrom("", null, "12", "n/a"));
const line: fc.Arbitrary<CellValue[]> = fc.tuple(
  fc.constantFrom("Acme", "Beta", "Gamma", ""),
  fc.oneof(day, fc.constant("")),
  fc.oneof(day, fc.constant("")),
  qty,
  qty,
  qty,
  fc.constantFrom("yes", "no", "Y", "", "pass", 1, 0, true),
  fc.constantFrom("open", "late", "LATE", "cancelled", ""),
);
const lines = fc.array(line, { minLength: 0, maxLength: 30 });

const WEIGHTS: Range = [
  ["on_time", 2, 1, 0],
  ["Invoice accuracy", 3, 1, 0.5, "share([Invoice OK])"],
  ["Yield", 1, 1, 0.9, "1 - sum([Rejected Qty]) / sum([Received Qty])"],
  ["Late share", 1, 0, 0.5, 'sumif([Received Qty], [Status], "late") / sum([Received Qty])'],
  ["Typical order", 1, 100, 0, "median([Ordered Qty])"],
];
const MONTHLY: Range = [...WEIGHTS, ["period", "month"], ["history", 3]];
const AS_OF = 45750;

/** A result as comparable data: numbers to 9 significant digits (sums in another order differ in the last bits), errors by code. */
function shape(r: unknown): unknown {
  if (r instanceof CoreError) return r.code;
  if (typeof r === "number") return Number(r.toPrecision(9));
  return Array.isArray(r) ? r.map(shape) : r;
}

describe("formula KPIs and survey criteria in the scorecard, over random ranges", () => {
  it("score the same whatever the order of the lines, with and without periods", () => {
    fc.assert(
      fc.property(lines, fc.func(fc.integer()), (rows, key) => {
        const shuffled = [...rows].map((r, i) => [key(i), r] as const).sort((a, b) => a[0] - b[0]).map(([, r]) => r);
        for (const w of [WEIGHTS, MONTHLY]) {
          expect(shape(catalog.VENDORSCORECARD.fn([HEADER, ...shuffled], w, AS_OF))).toEqual(shape(catalog.VENDORSCORECARD.fn([HEADER, ...rows], w, AS_OF)));
          for (const v of ["Acme", "Beta"]) {
            expect(shape(catalog.VENDORKPI.fn([HEADER, ...shuffled], v, "Typical order", AS_OF, w))).toEqual(shape(catalog.VENDORKPI.fn([HEADER, ...rows], v, "Typical order", AS_OF, w)));
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it("never give a score outside 0-100 nor a value that is not finite", () => {
    fc.assert(
      fc.property(lines, (rows) => {
        const grid = catalog.VENDORSCORECARD.fn([HEADER, ...rows], WEIGHTS, AS_OF);
        if (grid instanceof CoreError) return;
        for (const r of (grid as unknown[][]).slice(1)) {
          const s = r[9];
          if (s === "") continue;
          expect(s as number).toBeGreaterThanOrEqual(0);
          expect(s as number).toBeLessThanOrEqual(100);
        }
        for (const v of ["Acme", "Beta", "Gamma"]) {
          const b = catalog.VENDORBREAKDOWN.fn([HEADER, ...rows], v, WEIGHTS, AS_OF);
          if (b instanceof CoreError) continue;
          for (const r of (b as unknown[][]).slice(1)) if (r[1] !== "") expect(Number.isFinite(r[1])).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("score a survey criterion the same whatever the order of the answers", () => {
    const answer = fc.tuple(fc.constantFrom("Acme", "Beta"), fc.constantFrom("Responsiveness", "Quality"), fc.integer({ min: 1, max: 5 }), fc.oneof(day, fc.constant("")), fc.integer({ min: 0, max: 3 }));
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 25 }), fc.func(fc.integer()), (answers, key) => {
        const data: Range = [HEADER, ["Acme", 45700, 45700, 1, 1, 0, "yes", "open"], ["Beta", 45700, 45701, 1, 1, 0, "no", "open"]];
        const survey: Range = [["Supplier", "Question", "Rating", "Date", "Weight"], ...answers];
        const shuffled: Range = [survey[0]!, ...[...answers].map((r, i) => [key(i), r] as const).sort((a, b) => a[0] - b[0]).map(([, r]) => r)];
        for (const w of [[["Responsiveness", 1, 5, 1], ["Quality", 1, 5, 1]], [["Responsiveness", 1, 5, 1], ["period", "month"], ["survey_aggregate", "mean"]]] as Range[]) {
          for (const v of ["Acme", "Beta"]) {
            expect(shape(catalog.VENDORSCORE.fn(data, v, w, AS_OF, shuffled))).toEqual(shape(catalog.VENDORSCORE.fn(data, v, w, AS_OF, survey)));
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
