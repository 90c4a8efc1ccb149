import { fail } from "../cell/error";

/** The scale a rating column is written on: shares 0-1, or scores 1-5. */
export type RatingScale = "0-1" | "1-5";

/** What a rating axis (supply risk, profit impact) reads and where it splits high from low. */
export interface RatingAxis {
  readonly scale: RatingScale;
  /** Ratings at or above this are high. */
  readonly threshold: number;
  readonly thresholdFrom: "argument" | "scale midpoint";
}

/** Lowest and highest of the values a rating axis is built from. */
export interface Extent {
  min: number;
  max: number;
}

/**
 * An extent before any value: widening it by the first value makes that value both ends.
 *
 * @example const e = emptyExtent(); widen(e, 4); widen(e, 2); // e = { min: 2, max: 4 }
 */
export function emptyExtent(): Extent {
  return { min: Infinity, max: -Infinity };
}

/** Stretches an extent to take in a value (see {@link emptyExtent}). */
export function widen(e: Extent, v: number): void {
  if (v < e.min) e.min = v;
  if (v > e.max) e.max = v;
}

/**
 * The scale of a rating and its high/low threshold. Values all within 0-1 are on the 0-1 scale,
 * otherwise on 1-5; the default threshold is the scale's midpoint (0.5 or 3). A column of nothing
 * but 1s fits both scales: it is read on the default 1-5 scale (all lowest), not as all maximal.
 * Without a threshold argument, values outside 0-5 fail: the midpoint of a scale we would have to
 * guess is no answer. A `known` scale (a risk register's index, always 0-1) is taken as it is.
 *
 * @example ratingAxis({ min: 1, max: 4 }, undefined, "Supply risk", "risk_threshold") // { scale: "1-5", threshold: 3, ... }
 * @example ratingAxis({ min: 0.1, max: 0.7 }, undefined, "Supply risk", "risk_threshold") // { scale: "0-1", threshold: 0.5, ... }
 */
export function ratingAxis(extent: Extent, threshold: number | undefined, what: string, thresholdArg: string, known?: RatingScale): RatingAxis {
  const scale: RatingScale = known ?? (extent.min >= 0 && extent.max <= 1 && extent.min < 1 ? "0-1" : "1-5");
  if (threshold !== undefined) return { scale, threshold, thresholdFrom: "argument" };
  if (extent.min < 0 || extent.max > 5) {
    fail(
      "bad_argument",
      `${what} values run from ${extent.min} to ${extent.max}, outside the 1-5 and 0-1 scales: rescale them to 1-5 (or 0-1), or give ${thresholdArg} (the lowest value that counts as high).`,
    );
  }
  return { scale, threshold: scale === "0-1" ? 0.5 : 3, thresholdFrom: "scale midpoint" };
}
