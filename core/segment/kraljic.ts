/** The four Kraljic quadrants. */
export type Quadrant = "Strategic" | "Leverage" | "Bottleneck" | "Non-critical";

export const QUADRANTS: readonly Quadrant[] = ["Strategic", "Leverage", "Bottleneck", "Non-critical"];

/**
 * The Kraljic quadrant of a vendor from its two axes.
 *
 * | | low supply risk | high supply risk |
 * |---|---|---|
 * | **high profit impact** | Leverage | Strategic |
 * | **low profit impact** | Non-critical | Bottleneck |
 *
 * @example quadrant(true, false) // "Leverage": much spend, many other sources
 */
export function quadrant(highImpact: boolean, highRisk: boolean): Quadrant {
  if (highImpact) return highRisk ? "Strategic" : "Leverage";
  return highRisk ? "Bottleneck" : "Non-critical";
}
