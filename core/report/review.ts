import { CoreError } from "../cell/error";
import type { ResultCell, ResultGrid } from "../cell/types";
import { VENDORBREAKDOWN, VENDORSCORECARD } from "../catalog/scorecard";
import { VENDORSEGMENTS } from "../catalog/segment";
import { VENDORTREND } from "../catalog/trend";
import { bind, type Context } from "../catalog/types";
import { KPIS, kpiByName, type KpiFormat } from "../kpi/defs";
import { readScoreConfig } from "../score/config";
import { DEFAULT_STANDINGS, standingOf } from "../score/standings";
import type { ConfigGrid } from "./definition";
import { FORMAT_PATTERN, type ColumnFormat } from "./format";
import type { ReportInput } from "./build";
import type { ChartSpec, ReportSheet, SheetBlock } from "./sheet";
import { reviewSla, type ReviewPeriod } from "./review-sla";
import type { Range } from "../cell/types";

/** Every column a business review shows, with its format: the trend's, the breakdown's and the attention list's. */
export const REVIEW_COLUMNS = {
  Period: "text", Start: "date", End: "date", Lines: "integer", Spend: "currency", "On time": "percent", "In full": "percent", OTIF: "percent",
  "Defect rate": "percent", "Price variance": "percent", "Lead time (days)": "number", Score: "number", Grade: "text", Change: "number", Trend: "text",
  KPI: "text", Value: "number", Target: "number", Floor: "number", Weight: "number", "KPI score": "number", Contribution: "number",
  "Weight share": "percent", Note: "text", Misses: "text",
  "Tickets opened": "integer", Met: "integer", Breached: "integer", Compliance: "percent", Priority: "text", Breaches: "integer",
  Ticket: "text", "Elapsed (h)": "hours", "Target (h)": "hours",
} as const satisfies Record<string, ColumnFormat>;

/** The arrow a period's change gets: up, down, level; none when the change is undefined. */
export function trendArrow(change: ResultCell): string {
  if (typeof change !== "number") return "";
  return change > 0 ? "▲" : change < 0 ? "▼" : "►";
}

/** A block before it is placed: its title, whether its first row is a header, its rows. */
interface Draft {
  readonly title?: string;
  readonly header: boolean;
  readonly values: ResultGrid;
  /** Per column, its format (title blocks: the value column's). */
  readonly formats: readonly ColumnFormat[];
  /** Per data row, formats in place of `formats` (a KPI's own format for its value, target and floor). */
  readonly rowFormats?: readonly (readonly ColumnFormat[] | undefined)[];
}

/** The weights with a period row: a review is always by period (quarters when the weights name none). */
function withPeriod(weights: ConfigGrid): ConfigGrid {
  const has = weights.some((r) => String(r[0] ?? "").trim().toLowerCase() === "period");
  return has ? weights : [...weights, ["period", "quarter"]];
}

function formatsOf(header: readonly ResultCell[]): ColumnFormat[] {
  return header.map((h) => (REVIEW_COLUMNS as Record<string, ColumnFormat>)[String(h)] ?? "text");
}

/** How a KPI's own values read (On time 0.95 as 95.0%, lead time in days); undefined for a KPI of the user's own. */
const KPI_FORMAT: Readonly<Record<KpiFormat, ColumnFormat>> = { percent: "percent", currency: "currency", days: "number", count: "integer" };

/**
 * Per row of a table listing KPIs (the breakdown, the attention list), its Value, Target and Floor
 * in that KPI's own format; the other columns keep theirs.
 */
function kpiRowFormats(table: ResultGrid, formats: readonly ColumnFormat[]): (ColumnFormat[] | undefined)[] {
  const h = (table[0] ?? []).map(String);
  const own = ["Value", "Target", "Floor"].map((n) => h.indexOf(n));
  return table.slice(1).map((r) => {
    const key = kpiByName(String(r[h.indexOf("KPI")] ?? ""));
    if (!key) return undefined;
    const f = KPI_FORMAT[KPIS[key].format];
    return formats.map((x, c) => (own.includes(c) ? f : x));
  });
}

/**
 * The KPIs of the current period that miss their floor or their target, with their values: from
 * the breakdown's rows, the direction from the bounds (a target above the floor: higher is
 * better). A KPI without a value (no data) or without both bounds is not judged.
 *
 * @example needsAttention([["KPI", "Value", "Target", "Floor"], ["On time", 0.5, 0.95, 0.7]]) // [["KPI", ...], ["On time", 0.5, 0.95, 0.7, "floor"]]
 */
export function needsAttention(breakdown: ResultGrid): ResultGrid {
  const h = (breakdown[0] ?? []).map(String);
  const [kpi, value, target, floor] = ["KPI", "Value", "Target", "Floor"].map((n) => h.indexOf(n)) as [number, number, number, number];
  const out: ResultGrid = [["KPI", "Value", "Target", "Floor", "Misses"]];
  for (const r of breakdown.slice(1)) {
    const [v, t, f] = [r[value], r[target], r[floor]];
    if (typeof v !== "number" || typeof t !== "number" || typeof f !== "number" || t === f) continue;
    const worse = (a: number, b: number) => (t > f ? a < b : a > b);
    const misses = worse(v, f) ? "floor" : worse(v, t) ? "target" : "";
    if (misses) out.push([r[kpi]!, v, t, f, misses]);
  }
  return out;
}

/**
 * A business review of one vendor: the title block (vendor, period, score, standing and its
 * action), the KPIs by period for the last `history` periods with an arrow for each change, a line
 * chart of the score over those periods read from the table's own cells, the breakdown of the
 * current period and the KPIs that need attention. Laid out as blocks down column A, one blank row
 * between them. A vendor without lines this period still gets its trend; the sections that need a
 * score say why they are empty.
 *
 * @example buildReview({ kind: "review", source: poLines, config: weights, asOf: "today", vendor: "Acme" }, cx).values[0] // ["Business review: Acme", ""...]
 */
export function buildReview(input: ReportInput, cx: Context, tiers?: ReadonlyMap<string, string>): ReportSheet | CoreError {
  const vendor = input.vendor?.trim();
  if (!vendor) return new CoreError("bad_argument", "A business review is for one vendor: choose the vendor in the pane.", { arg: "vendor" });
  const weights = withPeriod(input.config);
  const config = readScoreConfig(weights);
  if (config instanceof CoreError) return config;
  const asOf = input.asOf === "today" ? null : input.asOf;
  const args = { data: input.source, vendor, weights, as_of: asOf };
  const trend = bind(VENDORTREND, cx).call(args);
  if (trend instanceof CoreError) return trend;
  const grid = trend as ResultGrid;
  const th = grid[0]!.map(String);
  const col = (n: string) => th.indexOf(n);
  const table: ResultGrid = grid.map((r, i) => [...r, i === 0 ? "Trend" : trendArrow(r[col("Change")]!)]);
  const current = grid[grid.length - 1]!;
  const score = current[col("Score")];
  const period = String(current[col("Period")]);
  const standing = typeof score === "number" ? standingOf(score, config.standings ?? DEFAULT_STANDINGS) : undefined;

  const tier = (tiers ?? tiersOf(input, cx)).get(vendor.toLowerCase());
  const title: ResultGrid = [
    ["Vendor", vendor],
    ["Period", period],
    ["Score", typeof score === "number" ? score : "no score: no counted line this period"],
    ["Standing", standing?.name ?? ""],
    ["Action", standing?.action ?? ""],
    // The relationship tier where the data gives a supply risk or a tier (the segments' Tier).
    ...(tier ? [["Tier", tier]] : []),
  ];
  const drafts: Draft[] = [
    { title: `Business review: ${vendor}`, header: false, values: title, formats: ["text", "number"] },
    { title: "Score and KPIs by period", header: true, values: table, formats: formatsOf(table[0]!) },
  ];
  const breakdown = bind(VENDORBREAKDOWN, cx).call(args);
  if (breakdown instanceof CoreError) {
    drafts.push({ title: `Breakdown, ${period}`, header: false, values: [[breakdown.message]], formats: ["text"] });
  } else {
    const b = breakdown as ResultGrid;
    const bf = formatsOf(b[0]!);
    drafts.push({ title: `Breakdown, ${period}`, header: true, values: b, formats: bf, rowFormats: kpiRowFormats(b, bf) });
    const attention = needsAttention(b);
    const af = formatsOf(attention[0]!);
    drafts.push(attention.length > 1
      ? { title: "Needs attention", header: true, values: attention, formats: af, rowFormats: kpiRowFormats(attention, af) }
      : { title: "Needs attention", header: false, values: [["Every KPI meets its target this period."]], formats: ["text"] });
  }
  if (input.tickets) drafts.push(...slaDrafts(input.tickets, vendor, grid, asOf, cx));
  const laid = layout(drafts);
  const trendAt = laid.blocks[1]!;
  const chart: ChartSpec = {
    type: "line",
    title: `${vendor}: score by period`,
    categories: col("Period"),
    series: [{ column: col("Score") }],
    rows: { header: trendAt.row + 1, count: table.length - 1 },
  };
  return {
    kind: input.kind,
    title: `Business review: ${vendor}`,
    values: laid.values,
    formats: laid.values[0]!.map(() => "text"),
    patterns: laid.values[0]!.map(() => FORMAT_PATTERN.text),
    colorScale: null,
    redRule: null,
    redRows: [],
    fillRules: [],
    summary: standing ? `${period}: ${standing.name}${standing.action !== "none" ? ` (${standing.action})` : ""}` : `${period}: no score`,
    charts: [chart],
    blocks: laid.blocks,
  };
}

/** The SLA blocks of a review: compliance this period and the last, this period's breaches by priority, open tickets at risk. */
function slaDrafts(tickets: Range, vendor: string, trend: ResultGrid, asOf: number | null, cx: Context): Draft[] {
  const h = trend[0]!.map(String);
  const periods = trend.slice(1).slice(-2).map((r): ReviewPeriod => ({ label: String(r[h.indexOf("Period")]), start: Number(r[h.indexOf("Start")]), end: Number(r[h.indexOf("End")]) }));
  const sla = reviewSla(tickets, vendor, periods, asOf, cx);
  if (sla instanceof CoreError) return [{ title: "SLA", header: false, values: [[sla.message]], formats: ["text"] }];
  const current = periods[periods.length - 1]!.label;
  const table = (title: string, values: ResultGrid, none: string): Draft =>
    values.length > 1 ? { title, header: true, values, formats: formatsOf(values[0]!) } : { title, header: false, values: [[none]], formats: ["text"] };
  return [
    table("SLA compliance", sla.compliance, ""),
    table(`Breaches by priority, ${current}`, sla.byPriority, "No ticket opened this period breached its target."),
    table("Open tickets at risk", sla.atRisk, "No open ticket is at risk."),
  ];
}

/** Places drafts down column A, one blank row between them, every row padded to the widest block. */
function layout(drafts: readonly Draft[]): { values: ResultGrid; blocks: SheetBlock[] } {
  const width = Math.max(...drafts.map((d) => Math.max(...d.values.map((r) => r.length))));
  const pad = (r: readonly ResultCell[]): ResultCell[] => [...r, ...new Array<ResultCell>(width - r.length).fill("")];
  const values: ResultGrid = [];
  const blocks: SheetBlock[] = [];
  for (const d of drafts) {
    if (values.length) values.push(pad([]));
    const row = values.length;
    if (d.title !== undefined) values.push(pad([d.title]));
    for (const r of d.values) values.push(pad(r));
    const columns = Math.max(...d.values.map((r) => r.length));
    blocks.push({ row, rows: values.length - row, columns, ...(d.title !== undefined ? { title: d.title } : {}), header: d.header, patterns: d.formats.map((f) => FORMAT_PATTERN[f]), ...(d.rowFormats ? { rowPatterns: d.rowFormats.map((r) => r?.map((f) => FORMAT_PATTERN[f])) } : {}) });
  }
  return { values, blocks };
}

/** The segments table (one row per vendor with a counted line, its Tier where the data gives a supply risk or tier); undefined for a problem. */
function segmentsOf(input: ReportInput, cx: Context): ResultGrid | undefined {
  const grid = bind(VENDORSEGMENTS, cx).call({ data: input.source, weights: withPeriod(input.config), as_of: input.asOf === "today" ? null : input.asOf });
  return grid instanceof CoreError || !Array.isArray(grid) ? undefined : (grid as ResultGrid);
}

/** Each vendor's relationship tier (VENDORSEGMENTS' Tier) by lower-case name; empty when the data gives no risk or tier. */
function tiersOf(input: ReportInput, cx: Context): Map<string, string> {
  return columnByVendor(segmentsOf(input, cx), "Tier");
}

/** One column of a per-vendor table by lower-case vendor name, blank cells left out; empty for a problem. */
function columnByVendor(grid: unknown, column: string): Map<string, string> {
  const out = new Map<string, string>();
  if (grid instanceof CoreError || !Array.isArray(grid)) return out;
  const g = grid as ResultGrid;
  const h = (g[0] ?? []).map(String);
  const [v, c] = [h.indexOf("Vendor"), h.indexOf(column)];
  if (v < 0 || c < 0) return out;
  for (const r of g.slice(1)) if (r[c] !== "" && r[c] !== undefined) out.set(String(r[v]).toLowerCase(), String(r[c]));
  return out;
}

/** At most this many review sheets for one group: beyond it a workbook of reviews is no longer read. */
export const MAX_REVIEW_SHEETS = 25;

/** Every vendor of a standing (in the current period) or of a relationship tier. */
export interface ReviewGroup {
  readonly by: "standing" | "tier";
  readonly name: string;
}

/** One sheet of a group's reviews. */
export interface ReviewPage {
  readonly vendor: string;
  readonly sheet: ReportSheet;
}

/**
 * The reviews of every vendor in a group, one sheet each, by vendor name: the vendors whose
 * standing in the current period is the group's (compared in any case), or whose relationship tier
 * is. At most {@link MAX_REVIEW_SHEETS}; the notice says how many were left out.
 *
 * @example buildReviewPages({ ...input, group: { by: "standing", name: "Poor" } }, cx) // { pages: [{ vendor: "Birch", sheet }], notice: "" }
 */
export function buildReviewPages(input: ReportInput & { readonly group: ReviewGroup }, cx: Context): { pages: ReviewPage[]; notice: string } | CoreError {
  const { group } = input;
  const segments = segmentsOf(input, cx);
  const tiers = columnByVendor(segments, "Tier");
  let members: Map<string, string>;
  if (group.by === "tier") members = tiers;
  else {
    const card = bind(VENDORSCORECARD, cx).call({ data: input.source, weights: withPeriod(input.config), as_of: input.asOf === "today" ? null : input.asOf });
    if (card instanceof CoreError) return card;
    members = columnByVendor(card, "Grade");
  }
  const vendors = [...columnByVendor(segments, "Vendor").values()].sort((a, b) => a.localeCompare(b)).filter((v) => members.get(v.toLowerCase())?.toLowerCase() === group.name.toLowerCase());
  if (vendors.length === 0) {
    const known = [...new Set(members.values())];
    return new CoreError("no_data", `No vendor has the ${group.by} "${group.name}"${group.by === "standing" ? " this period" : ""}${known.length ? ` (the data has ${known.map((k) => `"${k}"`).join(", ")})` : group.by === "tier" ? ": the data gives no supply risk or tier" : ""}.`, { arg: "group" });
  }
  const shown = vendors.slice(0, MAX_REVIEW_SHEETS);
  const pages: ReviewPage[] = [];
  for (const vendor of shown) {
    const sheet = buildReview({ ...input, vendor }, cx, tiers);
    if (sheet instanceof CoreError) return sheet;
    pages.push({ vendor, sheet });
  }
  const notice = vendors.length > shown.length ? `${vendors.length} vendors have the ${group.by} "${group.name}": the first ${MAX_REVIEW_SHEETS} by name have a review sheet, ${vendors.length - shown.length} do not.` : "";
  return { pages, notice };
}
