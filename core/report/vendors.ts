import { isBlank } from "../cell/blank";
import type { CellValue, Range } from "../cell/types";
import { normalizeHeader } from "../table/schema";
import type { ConfigGrid } from "./definition";
import type { ReportKind } from "./kinds";
import { mappingForm } from "./mapping";
import { standingsOf } from "./build";
import { DEFAULT_STANDINGS } from "../score/standings";
import { TIERS } from "../segment/tier";
import type { ReviewGroup } from "./review";

/**
 * The vendors a source names, for the pane's vendor choice: the distinct values of the column the
 * report reads as the vendor (by the same match, and the mapping rows given), first spelling kept,
 * compared in any case, in alphabetical order. None when no column answers to the vendor.
 *
 * @example vendorsIn("review", [["Vendor", "Qty"], ["Birch", 1], ["Acme", 2], ["acme", 3]]) // ["Acme", "Birch"]
 */
export function vendorsIn(kind: ReportKind, source: Range, mapping: ConfigGrid = []): string[] {
  const header = source[0] ?? [];
  const choices = new Map(mapping.map((r) => [String(r[0] ?? ""), String(r[1] ?? "")] as const));
  const chosen = mappingForm(kind, header, choices).fields.find((f) => f.field === "vendor")?.chosen ?? "";
  const at = chosen ? header.findIndex((h) => normalizeHeader(String(h ?? "")) === normalizeHeader(chosen)) : -1;
  if (at < 0) return [];
  const seen = new Map<string, string>();
  for (let r = 1; r < source.length; r++) {
    const v = source[r]![at] as CellValue;
    if (isBlank(v)) continue;
    const name = String(v).trim();
    if (name && !seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
}

/**
 * The groups a review can cover, one sheet per vendor: each standing of the weights (today's
 * grades when they give none), highest first, then each relationship tier.
 *
 * @example reviewGroups("review", weights)[0] // { by: "standing", name: "A" }
 */
export function reviewGroups(kind: ReportKind, config: ConfigGrid): ReviewGroup[] {
  const standings = [...(standingsOf(kind, config) ?? DEFAULT_STANDINGS)].sort((a, b) => b.min - a.min);
  return [...standings.map((b): ReviewGroup => ({ by: "standing", name: b.name })), ...TIERS.map((t): ReviewGroup => ({ by: "tier", name: t }))];
}
