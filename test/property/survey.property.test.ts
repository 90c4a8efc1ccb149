import fc from "fast-check";
import { mean, median, weightedMean, weightedMedian } from "../../core/survey/stats";

const scores = fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 30 });
const answers = fc.array(fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 8 }).map((w) => w / 4)), { minLength: 1, maxLength: 30 });

describe("survey aggregate invariants", () => {
  it("with equal weights, the weighted median is the median and the weighted mean the mean", () => {
    fc.assert(
      fc.property(scores, fc.integer({ min: 1, max: 1000 }), (xs, w) => {
        const ws = xs.map(() => w);
        expect(weightedMedian(xs, ws)).toBe(median(xs));
        expect(weightedMean(xs, ws)).toBeCloseTo(mean(xs)!, 12);
      }),
    );
  });

  it("does not depend on the order of the answers, nor on the scale of the weights", () => {
    fc.assert(
      fc.property(answers.chain((a) => fc.tuple(fc.constant(a), fc.shuffledSubarray(a, { minLength: a.length, maxLength: a.length }))), fc.constantFrom(0.25, 2, 1024), ([a, b], k) => {
        const [xs, ws] = [a.map((x) => x[0]), a.map((x) => x[1])];
        const [ys, vs] = [b.map((x) => x[0]), b.map((x) => x[1])];
        expect(weightedMedian(ys, vs)).toBe(weightedMedian(xs, ws));
        expect(weightedMedian(xs, ws.map((w) => w * k))).toBe(weightedMedian(xs, ws));
        const m = weightedMean(xs, ws);
        if (m === undefined) expect(weightedMean(ys, vs)).toBeUndefined();
        else expect(weightedMean(ys, vs)).toBeCloseTo(m, 12);
      }),
    );
  });

  it("lies between the lowest and the highest score that weighs", () => {
    fc.assert(
      fc.property(answers, (a) => {
        const weighing = a.filter(([, w]) => w > 0).map(([x]) => x);
        const m = weightedMedian(a.map((x) => x[0]), a.map((x) => x[1]));
        if (weighing.length === 0) return expect(m).toBeUndefined();
        expect(m).toBeGreaterThanOrEqual(Math.min(...weighing));
        expect(m).toBeLessThanOrEqual(Math.max(...weighing));
      }),
    );
  });
});
