import fc from "fast-check";
import type { CellValue, Range, ResultGrid } from "../../core";
import { readScoreConfig, type ScoreConfig } from "../../core/score/config";
import { analyze } from "../../core/scorecard/analyze";
import { QUADRANTS, segment, type AbcClass, type SegmentOptions } from "../../core/segment";
import { catalog } from "../helpers/sheet";

const AS_OF = 45750;
const NAMES = ["Acme", "acme ", "Bolt", "Core", "Dyn", "Erin", "Fox", "Gale"];

interface Line {
  readonly vendor: string;
  readonly amount: number | "";
  readonly risk: number | "";
}

/** Lines with whole-number amounts (some blank, a few credits) and 1-5 risks (some blank). */
const lines: fc.Arbitrary<Line[]> = fc.array(
  fc.record({
    vendor: fc.constantFrom(...NAMES),
    amount: fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 1000 }) }, { weight: 1, arbitrary: fc.integer({ min: -200, max: -1 }) }, { weight: 1, arbitrary: fc.constant("" as const) }),
    risk: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.constant("" as const) }),
  }),
  { minLength: 1, maxLength: 40 },
);

/** ABC cutoffs with 0 < a <= b <= 1. */
const cutoffs = fc
  .tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }))
  .map(([x, y]) => ({ a: Math.min(x, y) / 100, b: Math.max(x, y) / 100 }));

function rangeOf(ls: readonly Line[], scale = 1): Range {
  return [["Vendor", "Amount", "Supply risk"], ...ls.map((l): CellValue[] => [l.vendor, l.amount === "" ? "" : l.amount * scale, l.risk])];
}

function segmentsOf(range: Range, options: SegmentOptions = {}) {
  return segment(analyze(range, readScoreConfig([]) as ScoreConfig, AS_OF, catalog.context.cache), options);
}

const RANK: Record<AbcClass, number> = { A: 0, B: 1, C: 2 };

describe("segmentation invariants over random ranges", () => {
  it("never gives a vendor with more spend a worse ABC class than a vendor with less", () => {
    fc.assert(
      fc.property(lines, cutoffs, (ls, cuts) => {
        const vendors = segmentsOf(rangeOf(ls), { cutoffs: cuts, kraljic: false }).vendors;
        for (const x of vendors) {
          for (const y of vendors) {
            if ((x.spend ?? -Infinity) > (y.spend ?? -Infinity)) expect(RANK[x.abc]).toBeLessThanOrEqual(RANK[y.abc]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("changes nothing in the segment table when the rows are shuffled", () => {
    fc.assert(
      fc.property(
        lines.chain((ls) => fc.tuple(fc.constant(ls), fc.shuffledSubarray(ls, { minLength: ls.length, maxLength: ls.length }))),
        ([ls, shuffled]) => {
          // A vendor is shown as first spelled in the range ("Acme" or "acme"), so names compare in any case.
          const table = (range: Range) => {
            const r = catalog.VENDORSEGMENTS.fn(range, null, null, AS_OF);
            return Array.isArray(r) ? r.map((row) => [String(row[0]).toLowerCase(), ...row.slice(1)]) : r;
          };
          expect(table(rangeOf(shuffled))).toEqual(table(rangeOf(ls)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("puts every vendor with a supply risk in exactly one quadrant, the one its two axes name", () => {
    const thresholds = fc.record({
      impact: fc.option(fc.integer({ min: 1, max: 100 }).map((p) => p / 100), { nil: undefined }),
      risk: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(lines, thresholds, (ls, t) => {
        const options: SegmentOptions = { ...(t.impact === undefined ? {} : { impactThreshold: t.impact }), ...(t.risk === undefined ? {} : { riskThreshold: t.risk }) };
        const range = rangeOf(ls);
        const result = catalog.VENDORKRALJIC.fn(range, ls[0]!.vendor, null, t.impact ?? null, t.risk ?? null);
        if (ls.every((l) => l.risk === "")) {
          expect(result).toBeCoreError("#N/A", "Supply risk\" column has no values");
          return;
        }
        if (ls.every((l) => l.amount === "")) {
          expect(result).toBeCoreError("#N/A", "No spend and no profit impact");
          return;
        }
        const seg = segmentsOf(range, options);
        let placed = 0;
        for (const v of seg.vendors) {
          if (v.risk === undefined) {
            expect(v.quadrant).toBeUndefined();
            continue;
          }
          const memberships = QUADRANTS.filter((q) => q === v.quadrant);
          expect(memberships).toHaveLength(1);
          placed++;
          const highImpact = t.impact === undefined ? v.abc === "A" : (v.share ?? 0) >= t.impact;
          const highRisk = v.risk >= (t.risk ?? 3);
          expect(v.quadrant === "Strategic" || v.quadrant === "Leverage").toBe(highImpact);
          expect(v.quadrant === "Strategic" || v.quadrant === "Bottleneck").toBe(highRisk);
        }
        expect(placed).toBe(seg.vendors.filter((v) => v.risk !== undefined).length);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every ABC class when all amounts are scaled by the same positive constant", () => {
    fc.assert(
      fc.property(lines, fc.double({ min: 1e-3, max: 1e6, noNaN: true }), cutoffs, (ls, c, cuts) => {
        const classes = (range: Range) => Object.fromEntries(segmentsOf(range, { cutoffs: cuts, kraljic: false }).vendors.map((v) => [v.vendor, v.abc]));
        expect(classes(rangeOf(ls, c))).toEqual(classes(rangeOf(ls)));
      }),
      { numRuns: 300 },
    );
  });

  it("lists every vendor once, highest spend first, with the cumulative share rising to 1", () => {
    fc.assert(
      fc.property(lines, (ls) => {
        const result = catalog.VENDORSEGMENTS.fn(rangeOf(ls), null, null, AS_OF);
        const noRisk = ls.every((l) => l.risk === "");
        if (!noRisk && ls.every((l) => l.amount === "")) return expect(result).toBeCoreError("#N/A", "No spend");
        const grid = result as ResultGrid;
        const rows = grid.slice(1);
        // Without risk data ABC still ranks every vendor; only Kraljic and Tier stay empty.
        if (noRisk) expect(rows.every((r) => r[6] === "" && r[7] === "")).toBe(true);
        const names = new Set(ls.map((l) => l.vendor.trim().toLowerCase()));
        expect(rows.map((r) => String(r[0]).toLowerCase()).sort()).toEqual([...names].sort());
        const spends = rows.map((r) => r[1]).filter((s): s is number => typeof s === "number");
        expect(spends).toEqual([...spends].sort((x, y) => y - x));
        const cum = rows.map((r) => r[3]).filter((s): s is number => typeof s === "number");
        if (spends.some((s) => s > 0)) expect(cum[cum.length - 1]).toBeCloseTo(1, 12);
      }),
      { numRuns: 200 },
    );
  });
});
