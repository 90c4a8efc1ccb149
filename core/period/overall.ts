import type { Decay } from "./settings";

/**
 * The overall score over a vendor's last H periods, newest first (n = 0 is the period holding
 * as_of): with linear decay sum(S_n x (H - n)) / sum(100 x (H - n)) x 100 over the periods with a
 * score, H = the number of periods given; with no decay the mean of those scores. A period
 * without a score is skipped, not scored; none at all is undefined.
 *
 * @example overallScore([90, 60, 30, ...Array(9).fill(undefined)], "linear") // 61.818... (ERPNext's example)
 */
export function overallScore(newestFirst: readonly (number | undefined)[], decay: Decay): number | undefined {
  const h = newestFirst.length;
  let weighted = 0;
  let weights = 0;
  newestFirst.forEach((s, n) => {
    if (s === undefined) return;
    const w = decay === "linear" ? h - n : 1;
    weighted += s * w;
    weights += w;
  });
  // sum(S x w) / sum(100 x w) x 100 is the weighted mean: the 100s cancel.
  return weights > 0 ? weighted / weights : undefined;
}
