import { medianOfSorted } from "../cell/number";

/**
 * The ways a vendor's answers to one criterion become one value. Each takes the scores (and
 * weights) of the answers, never empty-checked by the caller: no answer gives undefined.
 */

/**
 * The middle score, or the mean of the two middle scores.
 *
 * @example median([4, 2, 5, 3]) // 3.5
 */
export function median(scores: ArrayLike<number>): number | undefined {
  return scores.length === 0 ? undefined : medianOfSorted(Float64Array.from(scores).sort());
}

/**
 * The mean score.
 *
 * @example mean([4, 2, 5, 3]) // 3.5
 */
export function mean(scores: ArrayLike<number>): number | undefined {
  const n = scores.length;
  if (n === 0) return undefined;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += scores[i]!;
  return sum / n;
}

/**
 * Sum of weight x score over the sum of the weights; undefined when the weights add up to 0.
 *
 * @example weightedMean([5, 3], [3, 1]) // 4.5
 */
export function weightedMean(scores: ArrayLike<number>, weights: ArrayLike<number>): number | undefined {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < scores.length; i++) {
    sum += weights[i]! * scores[i]!;
    total += weights[i]!;
  }
  return total > 0 ? sum / total : undefined;
}

/**
 * The weighted median: the answers sorted by score, the smallest score at which the cumulative
 * weight reaches half the total; where it reaches exactly half, the mean of that score and the
 * next. With equal weights this is the ordinary median. Answers of weight 0 take no part;
 * undefined when the weights add up to 0. "Exactly" allows for the rounding of the running sum
 * (0.1 + 0.2 reaches half of 0.6).
 *
 * @example weightedMedian([1, 2, 3, 4], [1, 1, 1, 1]) // 2.5: the cumulative weight reaches 2 of 4 exactly at score 2
 * @example weightedMedian([1, 2, 3], [1, 1, 5]) // 3
 */
export function weightedMedian(scores: ArrayLike<number>, weights: ArrayLike<number>): number | undefined {
  const order: number[] = [];
  let total = 0;
  for (let i = 0; i < scores.length; i++) {
    if (weights[i]! > 0) {
      order.push(i);
      total += weights[i]!;
    }
  }
  if (!(total > 0)) return undefined;
  order.sort((a, b) => scores[a]! - scores[b]! || a - b);
  const half = total / 2;
  const slack = total * 1e-12;
  let cumulative = 0;
  for (let k = 0; k < order.length; k++) {
    cumulative += weights[order[k]!]!;
    if (cumulative < half - slack) continue;
    const score = scores[order[k]!]!;
    if (cumulative <= half + slack && k + 1 < order.length) return score / 2 + scores[order[k + 1]!]! / 2;
    return score;
  }
  // Unreachable: the running sum reaches the total, which is at least half.
  return scores[order[order.length - 1]!]!;
}
