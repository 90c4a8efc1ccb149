import type { Quadrant } from "./kraljic";

/** How closely a vendor is managed. */
export type Tier = "Strategic partner" | "Key" | "Transactional";

/** The tiers, closest first. */
export const TIERS: readonly Tier[] = ["Strategic partner", "Key", "Transactional"];

const BY_QUADRANT: Readonly<Record<Quadrant, Tier>> = {
  Strategic: "Strategic partner",
  Leverage: "Key",
  Bottleneck: "Key",
  "Non-critical": "Transactional",
};

/**
 * The relationship tier of a vendor:
 * - Strategic quadrant -> "Strategic partner" (joint planning, executive sponsor);
 * - Leverage or Bottleneck -> "Key" (managed actively: negotiate on volume, or secure supply);
 * - Non-critical -> "Transactional" (buy efficiently, little attention).
 *
 * A tier written in the data (a `tier` / `relationship tier` column; the first non-blank cell of
 * the vendor's lines) overrides the quadrant: a category manager's own decision wins. Text naming
 * one of the three tiers in any case is written in the standard spelling; any other text is kept
 * as written. Without a quadrant (no risk value for the vendor) and no tier written, there is no tier.
 *
 * @example relationshipTier("Bottleneck", "") // "Key"
 * @example relationshipTier("Non-critical", "strategic partner") // "Strategic partner"
 * @example relationshipTier(undefined, "Tier 1") // "Tier 1"
 */
export function relationshipTier(q: Quadrant | undefined, written: string): string | undefined {
  const w = written.trim();
  if (w !== "") return STANDARD.get(w.toLowerCase()) ?? w;
  return q === undefined ? undefined : BY_QUADRANT[q];
}

const STANDARD = new Map<string, Tier>((["Strategic partner", "Key", "Transactional"] as const).map((t) => [t.toLowerCase(), t]));
