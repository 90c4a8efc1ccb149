import { isBlank } from "../cell/blank";
import { CoreError } from "../cell/error";
import type { CellValue, Range, ResultCell, ResultGrid } from "../cell/types";
import { DEFINITIONS } from "../catalog";
import { bind, type Env, type FunctionDef } from "../catalog/types";
import { FORMAT_PATTERN, columnFormats } from "./format";
import type { AsOfRule, ConfigGrid } from "./definition";
import { KIND_INFO, type ReportKind } from "./kinds";
import type { ChartSpec, ReportSheet } from "./sheet";

/** Catalog parameter names a report fills; any other parameter is left out (null). */
const SOURCE_PARAMS = new Set(["data", "tickets"]);
const CONFIG_PARAMS = new Set(["weights", "policy", "config"]);

/**
 * The catalog function of a report kind, found by name when called: a kind whose function is
 * not in this build gives `undefined`.
 */
export function reportFunction(kind: ReportKind): FunctionDef | undefined {
  const name = KIND_INFO[kind].functionName;
  return (DEFINITIONS as readonly FunctionDef[]).find((d) => d.name === name);
}

/** Kinds whose catalog function exists in this build, for the pane's report list. */
export function availableKinds(): ReportKind[] {
  return (Object.keys(KIND_INFO) as ReportKind[]).filter((k) => reportFunction(k) !== undefined);
}

/**
 * Runs a report's catalog function on the source cells and describes the sheet to write:
 * values, formats, colour scale, red rows and chart. Errors come back as CoreError values.
 *
 * @example buildReport("scorecard", poLines, weights, "today", { now: () => new Date() }).values[0] // ["Vendor", "Lines", ...]
 */
export function buildReport(kind: ReportKind, source: Range, config: ConfigGrid, asOf: AsOfRule, env: Env, calendar: ConfigGrid = []): ReportSheet | CoreError {
  const info = KIND_INFO[kind];
  const def = reportFunction(kind);
  if (!def) return new CoreError("bad_argument", `${info.label} needs the ${info.functionName} function, which this version does not have yet.`);
  if (source.length === 0 || source.every((row) => row.every((c) => isBlank(c as CellValue)))) {
    return new CoreError("empty_range", "The source range is empty: select the data including its header row, or pick a table.");
  }
  const args = def.params.map((p): unknown => {
    if (SOURCE_PARAMS.has(p.name)) return source;
    if (CONFIG_PARAMS.has(p.name)) return config.length ? config : null;
    if (p.name === "calendar") return calendar.length ? calendar : null;
    if (p.name === "as_of") return asOf === "today" ? null : asOf;
    return null;
  });
  const result = bind(def, env).fn(...args);
  if (result instanceof CoreError) return result;
  if (!Array.isArray(result) || result.length === 0) return new CoreError("no_data", `${def.name} returned no table.`);
  return describe(kind, result, def.dateColumns ?? []);
}

/** Formats, rules and chart of a result grid. Exported for hosts that already hold a grid. */
export function describe(kind: ReportKind, values: ResultGrid, dateColumns: readonly string[] = []): ReportSheet {
  const header = (values[0] ?? []).map((h) => String(h).trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const formats = columnFormats(values, dateColumns);
  const scaleCol = kind === "sla" ? col("% of target") : col("score");
  const ruleCol = kind === "sla" ? col("status") : col("grade");
  const redRule = ruleCol < 0 ? null : { column: ruleCol, equals: kind === "sla" ? "breached" : "D" };
  const redRows: number[] = [];
  if (redRule) {
    for (let r = 1; r < values.length; r++) if (String(values[r]![redRule.column]).toLowerCase() === redRule.equals.toLowerCase()) redRows.push(r);
  }
  return {
    kind,
    title: KIND_INFO[kind].label,
    values,
    formats,
    patterns: formats.map((f) => FORMAT_PATTERN[f]),
    colorScale: scaleCol < 0 ? null : { column: scaleCol, higherIsBetter: kind !== "sla" },
    redRule,
    redRows,
    chart: chartOf(kind, values, header, redRule?.equals),
  };
}

/**
 * Scorecard: Score by vendor. Segments: Spend by vendor (the Pareto view). SLA: breached tickets
 * per vendor, every vendor listed (0 included), because a per-ticket "% of target" bar per
 * ticket would not say which vendor to call.
 */
function chartOf(kind: ReportKind, values: ResultGrid, header: string[], breached = "breached"): ChartSpec | null {
  const vendor = header.indexOf("vendor");
  if (vendor < 0) return null;
  const rows = values.slice(1);
  if (kind === "sla") {
    const status = header.indexOf("status");
    if (status < 0) return null;
    const counts = new Map<string, number>();
    for (const r of rows) {
      const v = String(r[vendor]);
      counts.set(v, (counts.get(v) ?? 0) + (String(r[status]).toLowerCase() === breached ? 1 : 0));
    }
    const data: ResultGrid = [["Vendor", "Breaches"]];
    for (const [v, n] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) data.push([v, n]);
    return { type: "bar", title: "Breached tickets by vendor", data };
  }
  const name = kind === "segments" ? "spend" : "score";
  const c = header.indexOf(name);
  if (c < 0) return null;
  const label = String(values[0]![c]);
  const data: ResultGrid = [["Vendor", label]];
  for (const r of rows) data.push([r[vendor] as ResultCell, r[c] as ResultCell]);
  return { type: "bar", title: `${label} by vendor`, data };
}
