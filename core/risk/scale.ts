/** The scale a risk register's scores are written on; the high end is high risk. */
export type RiskScale = "0-100" | "0-1" | "1-5";

/**
 * The scale of a register, over all its scores: 0-100 when any score is above 5; else 0-1 when
 * every score lies within 0-1 and at least one is strictly between 0 and 1; else 1-5.
 *
 * @example riskScale([1, 3, 5]) // "1-5"
 * @example riskScale([0, 0.4, 1]) // "0-1"
 * @example riskScale([0, 1]) // "1-5": nothing strictly between, so the 0 is a problem on 1-5
 * @example riskScale([2, 70]) // "0-100"
 */
export function riskScale(scores: Iterable<number>): RiskScale {
  let within01 = true;
  let between = false;
  for (const s of scores) {
    if (s > 5) return "0-100";
    if (s < 0 || s > 1) within01 = false;
    else if (s > 0 && s < 1) between = true;
  }
  return within01 && between ? "0-1" : "1-5";
}

/**
 * A score on 0-100: (s - 1) / 4 x 100 on 1-5, s x 100 on 0-1, s itself on 0-100.
 *
 * @example normalise(4, "1-5") // 75
 */
export function normalise(score: number, scale: RiskScale): number {
  return scale === "1-5" ? ((score - 1) / 4) * 100 : scale === "0-1" ? score * 100 : score;
}

/** The lowest and highest score a scale holds. */
export const SCALE_BOUNDS: Readonly<Record<RiskScale, readonly [number, number]>> = { "0-100": [0, 100], "0-1": [0, 1], "1-5": [1, 5] };
