import { CoreError } from "../cell/error";
import type { Range, ResultGrid } from "../cell/types";
import { DEFINITIONS } from "../catalog";
import { bind, type FunctionDef } from "../catalog/types";
import type { ConfigGrid } from "./definition";
import type { ReportKind } from "./kinds";
import { mappingForm } from "./mapping";

/** What the panes show before Generate: the data-quality report of the source, in a few lines. */
export interface SourceSummary {
  readonly lines: readonly string[];
  /** The source cannot be read as it stands (no vendor column, an empty range, a bad weights row). */
  readonly problem: string;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Sums up what a report will count in a source. Scorecard and segments: the catalog's
 * VENDORDATAQUALITY with the weights range (its mapping and date_order rows apply): lines
 * counted, lines skipped and why, fields not found, placeholder and unparseable cells, the
 * date order used. SLA: the rows and the ticket fields not found.
 *
 * @example sourceSummary("scorecard", poLines, weights).lines[0] // "Counted: 38 of 40 lines (5 vendors)"
 */
export function sourceSummary(kind: ReportKind, source: Range, config: ConfigGrid): SourceSummary {
  if (kind === "sla") {
    const form = mappingForm(kind, source[0] ?? []);
    const missing = form.fields.filter((f) => f.chosen === "").map((f) => f.field);
    const rows = Math.max(0, source.length - 1);
    return { lines: [`${plural(rows, "row")} under the header`, ...(missing.length ? [`Not found: ${missing.join(", ")}`] : [])], problem: "" };
  }
  const def = (DEFINITIONS as readonly FunctionDef[]).find((d) => d.name === "VENDORDATAQUALITY");
  if (!def) return { lines: [], problem: "" };
  // The report does not depend on the date: any clock will do.
  const grid = bind(def, { now: () => new Date(0) }).fn(source, config.length ? config : null);
  if (grid instanceof CoreError) return { lines: [], problem: grid.message };
  return { lines: summarize(grid as ResultGrid), problem: "" };
}

/** Reads the data-quality grid by its column headers and row labels, as a user would. */
function summarize(grid: ResultGrid): string[] {
  const head = (grid[0] ?? []).map((h) => String(h).toLowerCase());
  const [values, placeholders, unparseable, note, header] = ["values", "placeholders", "unparseable", "note", "header"].map((h) => head.indexOf(h)) as [number, number, number, number, number];
  const byLabel = new Map(grid.slice(1).map((r) => [String(r[0]), r] as const));
  const num = (label: string) => Number(byLabel.get(label)?.[values] ?? 0);
  const lines = [`Counted: ${num("counted")} of ${plural(num("lines"), "line")} (${String(byLabel.get("counted")?.[note] ?? "")})`];
  const skipped = [[num("skipped: cancelled"), "cancelled"], [num("skipped: blank vendor"), "blank vendor"]] as const;
  const parts = skipped.filter(([n]) => n > 0).map(([n, why]) => `${n} ${why}`);
  lines.push(`Skipped: ${parts.length ? parts.join(", ") : "none"}`);
  const fields = grid.slice(1).filter((r) => !/^(lines|counted|skipped:)/.test(String(r[0])));
  const missing = fields.filter((r) => r[header] === "not found").map((r) => String(r[0]));
  if (missing.length) lines.push(`Not found: ${missing.join(", ")}`);
  for (const r of fields) {
    const p = Number(r[placeholders] || 0);
    const u = Number(r[unparseable] || 0);
    const bits = [...(p ? [`${plural(p, "placeholder")} read as blank`] : []), ...(u ? [`${u} unparseable`] : [])];
    if (bits.length) lines.push(`${String(r[0])}: ${bits.join(", ")}`);
    if (r[header] !== "not found" && r[note]) lines.push(`${String(r[0])}: ${String(r[note])}`);
  }
  return lines;
}
