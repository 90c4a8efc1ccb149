import fc from "fast-check";
import { medianInPlace, medianOfSorted } from "../../core/cell/number";

describe("the median by selection", () => {
  it("equals the median of the sorted values, whatever their order, duplicates and signs", () => {
    const value = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), (xs) => {
        const expected = medianOfSorted(Float64Array.from(xs).sort());
        const got = medianInPlace(Float64Array.from(xs));
        // -0 and 0 are one value to a sheet.
        expect(got === 0 ? 0 : got).toBe(expected === 0 ? 0 : expected);
      }),
      { numRuns: 2000 },
    );
  });

  it.each<[string, number[], number]>([
    ["no value", [], NaN],
    ["one value", [7], 7],
    ["an even count, sorted", [1, 2, 3, 4], 2.5],
    ["an even count, reversed", [4, 3, 2, 1], 2.5],
    ["all equal", [3, 3, 3, 3, 3], 3],
    ["two numbers near the largest, halved before adding", [1.7e308, 1.7e308], 1.7e308],
  ])("is worked by hand for %s", (_what, xs, median) => {
    expect(medianInPlace(Float64Array.from(xs))).toBe(median);
  });
});
