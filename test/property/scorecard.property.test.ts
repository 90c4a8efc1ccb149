import fc from "fast-check";
import { CoreError, type CellValue, type Range } from "../../core";
import { catalog } from "../helpers/sheet";

const HEADERS = ["Vendor", "PO Date", "Promised Date", "Delivered Date", "Ordered Qty", "Received Qty", "Rejected Qty", "Unit Price", "Contract Price", "Amount", "Status", "Compliance"];
const DATE_COLUMNS = new Set(["PO Date", "Promised Date", "Delivered Date"]);

const vendor = fc.constantFrom("Acme", "acme ", "Beta", "Gamma", "", "  ", null);
const day = fc.integer({ min: 45600, max: 45800 });
const dateCell: fc.Arbitrary<CellValue> = fc.oneof(
  day,
  day.map((d) => d + 0.5),
  day.map((d) => new Date(Date.UTC(1899, 11, 30) + d * 86400000 + new Date().getTimezoneOffset() * 60000)),
  fc.constantFrom("", null, "N/A", "2025-03-31", "2025-03-31 14:30", "2-Jun-25", "Jun 2, 2025"),
);
const numberCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: 0, max: 500 }),
  fc.double({ min: 0, max: 1000, noNaN: true }),
  fc.constantFrom("", null, "98%", "$1,234.50", "-", "12"),
);
const otherCell: fc.Arbitrary<CellValue> = fc.constantFrom("Delivered", "Cancelled", "pending", "", "Yes", "No", true, false, null);

/** A random purchase-order range: a random subset of columns in random order, every cell of a shape a sheet can hold. */
const poRange: fc.Arbitrary<Range> = fc
  .tuple(fc.shuffledSubarray(HEADERS.slice(1), { minLength: 0 }), fc.integer({ min: 0, max: 25 }))
  .chain(([cols, n]) => {
    const header = ["Vendor", ...cols];
    const cell = (h: string) => (h === "Vendor" ? vendor : DATE_COLUMNS.has(h) ? dateCell : h === "Status" || h === "Compliance" ? otherCell : numberCell);
    const row = fc.tuple(...header.map(cell)) as fc.Arbitrary<CellValue[]>;
    return fc.array(row, { minLength: n, maxLength: n }).map((rows) => [header, ...rows] as Range);
  });

const weights: fc.Arbitrary<Range> = fc
  .subarray(["on_time", "in_full", "otif", "defect_rate", "price_variance", "lead_time", "compliance"], { minLength: 1 })
  .chain((keys) => fc.tuple(...keys.map((k) => fc.tuple(fc.constant(k), fc.integer({ min: 0, max: 50 })))))
  .map((rows) => rows.map(([k, w]) => [k, w] as CellValue[]));

const AS_OF = 45750;

function vendorsOf(range: Range): string[] {
  const grid = catalog.VENDORSCORECARD.fn(range, null, AS_OF);
  return Array.isArray(grid) ? grid.slice(1).map((r) => String(r[0])) : [];
}

describe("scorecard invariants over random ranges", () => {
  it("never throws: every function returns a result or a CoreError", () => {
    fc.assert(
      fc.property(poRange, fc.option(weights, { nil: null }), (range, w) => {
        for (const name of ["VENDORSCORECARD"] as const) {
          const r = catalog[name].fn(range, w, AS_OF);
          expect(Array.isArray(r) || r instanceof CoreError).toBe(true);
        }
        for (const v of [...vendorsOf(range), "nobody"]) {
          for (const r of [catalog.VENDORSCORE.fn(range, v, w, AS_OF), catalog.VENDORBREAKDOWN.fn(range, v, w, AS_OF), catalog.VENDORKPI.fn(range, v, "otif", AS_OF)]) {
            expect(typeof r === "number" || Array.isArray(r) || r instanceof CoreError).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every score within 0..100 and grades it", () => {
    fc.assert(
      fc.property(poRange, fc.option(weights, { nil: null }), (range, w) => {
        const grid = catalog.VENDORSCORECARD.fn(range, w, AS_OF);
        if (!Array.isArray(grid)) return;
        const scoreAt = grid[0]!.indexOf("Score");
        for (const row of grid.slice(1)) {
          const s = row[scoreAt];
          if (s === "") continue;
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same results whatever the order of the rows", () => {
    fc.assert(
      fc.property(
        poRange.chain((range) => fc.tuple(fc.constant(range), fc.shuffledSubarray(range.slice(1), { minLength: range.length - 1, maxLength: range.length - 1 }))),
        ([range, shuffled]) => {
          const a = catalog.VENDORSCORECARD.fn(range, null, AS_OF);
          const b = catalog.VENDORSCORECARD.fn([range[0]!, ...shuffled], null, AS_OF);
          if (a instanceof CoreError || b instanceof CoreError) {
            expect(a instanceof CoreError && b instanceof CoreError && a.code === b.code).toBe(true);
            return;
          }
          // Vendor spelling is the first seen, so compare case-insensitively; sums may differ in the last bits.
          const norm = (g: unknown) =>
            (g as unknown[][]).map((r) => r.map((c) => (typeof c === "string" ? c.toLowerCase() : typeof c === "number" ? Number(c.toPrecision(10)) : c)));
          expect(norm(b)).toEqual(norm(a));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("does not change any score when every weight is scaled by the same constant", () => {
    fc.assert(
      fc.property(poRange, weights, fc.double({ min: 0.001, max: 1000, noNaN: true }), (range, w, k) => {
        const scaled = w.map(([key, weight]) => [key, (weight as number) * k]);
        for (const v of vendorsOf(range)) {
          const a = catalog.VENDORSCORE.fn(range, v, w, AS_OF);
          const b = catalog.VENDORSCORE.fn(range, v, scaled, AS_OF);
          if (typeof a === "number") expect(b).toBeCloseTo(a, 8);
          else expect((b as CoreError).code).toBe((a as CoreError).code);
        }
      }),
      { numRuns: 200 },
    );
  });
});
