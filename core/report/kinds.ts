/**
 * The report kinds, as records in one registry. Everything a kind is lives here: the catalog
 * function that computes it (imported, not named), the source it reads, its config tables with
 * their defaults, the command line's file options, every output column with its format, the
 * colour scale, the red rule, the chart and the default output name. The report builder, both
 * hosts, the Office Script, the panel and the command line read this record; adding a report kind
 * means adding a record here (and its tests).
 */
import type { ResultCell, ResultGrid } from "../cell/types";
import { CONTRACTSTATUS } from "../catalog/contract";
import { VENDORRISKS } from "../catalog/risk";
import { CONTRACT_SCHEMA } from "../contract/schema";
import { RISK_SCHEMA } from "../risk/schema";
import { VENDORDATAQUALITY } from "../catalog/quality";
import { VENDORBREAKDOWN, VENDORSCORECARD } from "../catalog/scorecard";
import { VENDORSEGMENTS } from "../catalog/segment";
import { SLASTATUS } from "../catalog/sla";
import { VENDORTREND, VENDORTRENDS } from "../catalog/trend";
import type { FunctionDef } from "../catalog/types";
import { DEFAULT_SCORED, KPIS } from "../kpi/defs";
import { DEFAULT_POLICY } from "../sla/policy";
import type { Standing } from "../score/standings";
import { PO_SCHEMA, TICKET_SCHEMA, type Schema } from "../table/schema";
import type { ColumnFormat } from "./format";
import type { ReportInput } from "./build";
import { REVIEW_COLUMNS, buildReview, buildReviewPages, type ReviewGroup, type ReviewPage } from "./review";
import { AMBER_FILL, GRADE_COLORS, GREY_FILL, type ChartSpec, type ReportSheet } from "./sheet";
import type { Context } from "../catalog/types";
import type { CoreError } from "../cell/error";

/** A config table the pane edits, stored with the report in its `config` or `calendar` slot. */
export interface ConfigTable {
  /** The catalog parameter it fills. */
  readonly param: string;
  /** Its name in the pane ("Weights", "SLA policy"). */
  readonly label: string;
  /** Prefilled in the pane, header row first, in the shape the parameter's parser reads. */
  readonly defaults: ResultGrid;
}

/** What a report kind is made of. */
export interface ReportKindInfo {
  readonly kind: string;
  readonly label: string;
  /** One line for the command line's help. */
  readonly summary: string;
  /** The catalog function that computes it. */
  readonly fn: FunctionDef;
  /** The parameter the source range fills, and the columns it reads. */
  readonly source: { readonly param: string; readonly schema: Schema; readonly hint: string };
  /** The config table (`config` slot) and the second table (`calendar` slot), where the kind has them. */
  readonly config?: ConfigTable;
  readonly calendar?: ConfigTable;
  /** Command-line file options (`--weights FILE`) and the parameter each fills. */
  readonly files: Readonly<Record<string, string>>;
  /** Every column the function can spill, with how it is shown; `"*"`: the columns the data names (a trend's periods). */
  readonly columns: Readonly<Record<string, ColumnFormat>>;
  /** The column with a 3-colour scale; `higherIsBetter` puts green at the top. `"*"`: one scale over the columns the data names (a heat map). */
  readonly scale?: { readonly column: string; readonly higherIsBetter: boolean };
  /** Rows whose `column` equals `equals` (any case) get a red fill; with standings in the weights, each standing's colour instead. */
  readonly red?: { readonly column: string; readonly equals: string };
  /** More row colours beside the red one, by the value of one column (any case). */
  readonly fills?: { readonly column: string; readonly rows: readonly { readonly equals: string; readonly fill: string }[] };
  /** The rows sorted by this column, lowest first (blank cells last, ties in the function's order). */
  readonly sort?: { readonly column: string };
  /** What the reports list says after each refresh: how many rows have `equals` (any case) in `column`, e.g. "2 notice due". */
  readonly count?: { readonly column: string; readonly equals: string };
  /** The charts drawn from a result grid (none when its columns are missing), with the weights' standings where given. */
  readonly charts?: (values: ResultGrid, standings?: readonly Standing[]) => readonly ChartSpec[];
  /**
   * For a kind whose sheet is made of several functions' results (a business review), what builds
   * it in place of the one function's table; `fn` then names the function whose source it reads.
   */
  readonly compose?: (input: ReportInput, cx: Context) => ReportSheet | CoreError;
  /** For a kind that can write one sheet per vendor of a group (a business review by standing or tier): those sheets. */
  readonly pages?: (input: ReportInput & { readonly group: ReviewGroup }, cx: Context) => { pages: ReviewPage[]; notice: string } | CoreError;
  /** The report is about one vendor, chosen in the pane and stored with it. */
  readonly subject?: "vendor";
  /** Default name of the sheet a report is written to. */
  readonly defaultOutput: string;
  /** Offered in the task pane and sidebar (a report needing a vendor is for the command line). */
  readonly pane: boolean;
  /** What the report leaves empty when the source has no column for a field, said before Generate. */
  readonly whenMissing?: Readonly<Record<string, string>>;
}

/**
 * The default scored KPIs with their default weight, target and floor: exactly what
 * readScoreConfig assumes when no weights are given. The fifth column takes a formula, which
 * makes the row a KPI of the user's own.
 */
function defaultWeights(): ResultGrid {
  const rows: ResultGrid = [["kpi", "weight", "target", "floor", "formula"]];
  for (const key of DEFAULT_SCORED) {
    const k: { weight: number; target?: number; floor?: number } = KPIS[key];
    rows.push([key, k.weight, k.target ?? "", k.floor ?? "", ""]);
  }
  rows.push(["grace_days", 0, "", "", ""]);
  return rows;
}

const WEIGHTS: ConfigTable = { param: "weights", label: "Weights", defaults: defaultWeights() };
/** The weights with the trend's periods: the last eight quarters. */
const TREND_WEIGHTS: ConfigTable = { param: "weights", label: "Weights", defaults: [...defaultWeights(), ["period", "quarter", "", "", ""], ["history", 8, "", "", ""]] };
const PO_HINT = "Purchase-order lines with a header row (vendor, promised and delivered dates, quantities, prices).";

/** The KPI columns of the scorecard and the breakdown's KPI formats. */
const KPI_COLUMNS = {
  Vendor: "text", Lines: "integer", Spend: "currency", "On time": "percent", "In full": "percent", OTIF: "percent",
  "Defect rate": "percent", "Price variance": "percent", "Lead time (days)": "number", Score: "number", Grade: "text", Rank: "integer",
  // With a period row (the period holding as_of) and with standings.
  "Previous score": "number", Change: "number", Overall: "number", Action: "text",
} as const satisfies Record<string, ColumnFormat>;

/** The header's column indexes by name. */
function columnsOf(values: ResultGrid): (name: string) => number {
  const header = (values[0] ?? []).map(String);
  return (name) => header.indexOf(name);
}

/**
 * Score by vendor, one bar per row in the report's (rank) order, each bar in its grade's colour
 * (its standing's, with standings): read from the table's own Vendor and Score columns.
 */
function scoreChart(values: ResultGrid, standings?: readonly Standing[]): ChartSpec[] {
  const col = columnsOf(values);
  const [vendor, score, grade] = [col("Vendor"), col("Score"), col("Grade")];
  if (vendor < 0 || score < 0 || values.length < 2) return [];
  const colours = standings ? Object.fromEntries(standings.map((b) => [b.name.toUpperCase(), b.colour ?? ""])) : GRADE_COLORS;
  const pointColors = grade < 0 ? undefined : values.slice(1).map((r) => colours[String(r[grade]).toUpperCase()] ?? "");
  return [{ type: "bar", title: "Score by vendor", categories: vendor, series: [{ column: score, ...(pointColors && { pointColors }) }] }];
}

/**
 * The segments report's two charts, both from its own columns (rows are in spend order, as ABC
 * ranks them): the ABC Pareto (spend bars, cumulative share as a line on a second axis) and, when
 * any vendor has a supply risk, the Kraljic matrix (spend share across, supply risk up, one point
 * per vendor labelled with its name and quadrant; a vendor without a risk has no point).
 */
function segmentCharts(values: ResultGrid): ChartSpec[] {
  const col = columnsOf(values);
  const [vendor, spend, share, cum, risk, kraljic] = [col("Vendor"), col("Spend"), col("Spend share"), col("Cumulative share"), col("Supply risk"), col("Kraljic")];
  const rows = values.slice(1);
  if (vendor < 0 || rows.length === 0) return [];
  const charts: ChartSpec[] = [];
  if (spend >= 0 && cum >= 0) {
    charts.push({
      type: "combo",
      title: "ABC Pareto: spend and cumulative share",
      categories: vendor,
      series: [{ column: spend, as: "bar" }, { column: cum, as: "line" }],
      axes: { y: "Spend", y2: "Cumulative share" },
    });
  }
  const hasRisk = (r: readonly ResultCell[]) => risk >= 0 && typeof r[risk] === "number";
  if (share >= 0 && rows.some(hasRisk)) {
    const pointLabels = rows.map((r) => (hasRisk(r) ? [String(r[vendor]), kraljic >= 0 ? String(r[kraljic] ?? "") : ""].filter(Boolean).join(" · ") : ""));
    charts.push({
      type: "scatter",
      title: "Kraljic matrix: Strategic (top right), Leverage (bottom right), Bottleneck (top left), Non-critical (bottom left)",
      categories: share,
      series: [{ column: risk, pointLabels }],
      axes: { x: "Profit impact (spend share) →", y: "Supply risk →" },
    });
  }
  return charts;
}

/**
 * Breached tickets per vendor, every vendor listed (0 included): a per-ticket "% of target" bar
 * would not say which vendor to call. The counts are not rows of the report, so they go in the
 * chart's helper block (hidden cells).
 */
function breachesByVendor(values: ResultGrid): ChartSpec[] {
  const col = columnsOf(values);
  const [vendor, status] = [col("Vendor"), col("Status")];
  if (vendor < 0 || status < 0 || values.length < 2) return [];
  const counts = new Map<string, number>();
  for (const r of values.slice(1)) {
    const v = String(r[vendor]);
    counts.set(v, (counts.get(v) ?? 0) + (String(r[status]).toLowerCase() === "breached" ? 1 : 0));
  }
  const helper: ResultGrid = [["Vendor", "Breaches"]];
  for (const [v, n] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) helper.push([v, n]);
  return [{ type: "bar", title: "Breached tickets by vendor", categories: 0, series: [{ column: 1 }], helper }];
}

export const KIND_INFO = {
  scorecard: {
    kind: "scorecard",
    label: "Vendor scorecard",
    summary: "ranked scorecard: one row per vendor with KPIs, score, grade, rank",
    fn: VENDORSCORECARD,
    source: { param: "data", schema: PO_SCHEMA, hint: PO_HINT },
    config: WEIGHTS,
    files: { weights: "weights", survey: "survey" },
    columns: KPI_COLUMNS,
    scale: { column: "Score", higherIsBetter: true },
    red: { column: "Grade", equals: "D" },
    charts: scoreChart,
    defaultOutput: "Scorecard",
    pane: true,
  },
  breakdown: {
    kind: "breakdown",
    label: "Score breakdown",
    summary: "how one vendor's score is made (needs --vendor)",
    fn: VENDORBREAKDOWN,
    source: { param: "data", schema: PO_SCHEMA, hint: PO_HINT },
    config: WEIGHTS,
    files: { weights: "weights", survey: "survey" },
    columns: {
      KPI: "text", Value: "number", Target: "number", Floor: "number", Weight: "number", "KPI score": "number",
      Contribution: "number", "Weight share": "percent", Note: "text",
    },
    defaultOutput: "Breakdown",
    pane: false,
  },
  sla: {
    kind: "sla",
    label: "SLA status",
    summary: "each ticket's SLA status in business hours",
    fn: SLASTATUS,
    source: { param: "tickets", schema: TICKET_SCHEMA, hint: "Tickets with a header row (vendor, priority, opened, resolved)." },
    config: {
      param: "policy",
      label: "SLA policy",
      defaults: [
        ["priority", "resolution target (h)", "response target (h)", "clock"],
        ...DEFAULT_POLICY.rows.map((r) => [r.priority, r.resolution, r.response ?? "", r.clock]),
      ],
    },
    calendar: { param: "calendar", label: "Business hours", defaults: [["workdays", "Mon-Fri"], ["hours", "09:00-17:00"]] },
    files: { policy: "policy", calendar: "calendar" },
    columns: {
      Ticket: "text", Vendor: "text", Priority: "text", "Target (h)": "hours", "Elapsed (h)": "hours", "% of target": "percent",
      "Time left (h)": "hours", "Breach at": "date-time", Status: "text", "Breach by (h)": "hours",
      "Response target (h)": "hours", "Response (h)": "hours", "Response status": "text",
      "Paused (h)": "hours",
    },
    scale: { column: "% of target", higherIsBetter: false },
    red: { column: "Status", equals: "breached" },
    charts: breachesByVendor,
    defaultOutput: "SLA status",
    pane: true,
  },
  segments: {
    kind: "segments",
    label: "Vendor segments",
    summary: "ABC class, Kraljic quadrant and tier per vendor",
    fn: VENDORSEGMENTS,
    source: { param: "data", schema: PO_SCHEMA, hint: "Purchase-order lines with a header row; a supply risk column enables the Kraljic matrix." },
    config: WEIGHTS,
    files: { risk: "risk", weights: "weights" },
    columns: {
      Vendor: "text", Spend: "currency", "Spend share": "percent", "Cumulative share": "percent", ABC: "text", "Supply risk": "number",
      Kraljic: "text", Tier: "text", Score: "number", Grade: "text",
    },
    scale: { column: "Score", higherIsBetter: true },
    red: { column: "Grade", equals: "D" },
    charts: segmentCharts,
    defaultOutput: "Segments",
    pane: true,
    whenMissing: { supply_risk: "no supply risk column: Kraljic and Tier stay empty (ABC, spend and scores are computed); add one or pass a risk range" },
  },
  quality: {
    kind: "quality",
    label: "Data quality",
    summary: "what the scorecard will count: matched columns, blanks, placeholders",
    fn: VENDORDATAQUALITY,
    source: { param: "data", schema: PO_SCHEMA, hint: PO_HINT },
    files: { weights: "settings", survey: "survey" },
    columns: {
      Field: "text", Header: "text", "Matched by": "text", Values: "integer", Blank: "integer", Placeholders: "integer",
      Unparseable: "integer", Note: "text",
    },
    defaultOutput: "Data quality",
    pane: false,
  },
  trends: {
    kind: "trends",
    label: "Trends",
    summary: "portfolio heat map: each vendor's score per period, best first in the last",
    fn: VENDORTRENDS,
    source: { param: "data", schema: PO_SCHEMA, hint: PO_HINT },
    config: TREND_WEIGHTS,
    files: { weights: "weights" },
    columns: { Vendor: "text", "*": "number" },
    scale: { column: "*", higherIsBetter: true },
    defaultOutput: "Trends",
    pane: true,
  },
  review: {
    kind: "review",
    label: "Business review",
    summary: "one vendor's review sheet: standing, KPIs by period, breakdown, what needs attention (needs --vendor)",
    fn: VENDORTREND,
    source: { param: "data", schema: PO_SCHEMA, hint: PO_HINT },
    config: TREND_WEIGHTS,
    files: { weights: "weights" },
    columns: REVIEW_COLUMNS,
    compose: buildReview,
    pages: buildReviewPages,
    subject: "vendor",
    defaultOutput: "Business review",
    pane: true,
  },
  contracts: {
    kind: "contracts",
    label: "Contracts",
    summary: "each contract's current term, notice date and status, soonest notice first",
    fn: CONTRACTSTATUS,
    source: { param: "contracts", schema: CONTRACT_SCHEMA, hint: "Contracts with a header row (vendor, start, end, notice days, value, auto renew)." },
    config: { param: "settings", label: "Settings", defaults: [["setting", "value"]] },
    files: { weights: "settings", lines: "data" },
    columns: {
      Contract: "text", Vendor: "text", Start: "date", End: "date", "Notice by": "date", "Days to notice": "integer", Status: "text",
      "Auto renew": "text", Value: "currency", "Spend in term": "currency", Utilisation: "percent",
    },
    red: { column: "Status", equals: "notice passed" },
    fills: { column: "Status", rows: [{ equals: "notice due", fill: AMBER_FILL }, { equals: "expired", fill: GREY_FILL }] },
    sort: { column: "Notice by" },
    count: { column: "Status", equals: "notice due" },
    defaultOutput: "Contracts",
    pane: true,
  },
  risk: {
    kind: "risk",
    label: "Vendor risk",
    summary: "the risk register per vendor: each dimension and the risk index, as a heat map",
    fn: VENDORRISKS,
    source: { param: "risk", schema: RISK_SCHEMA, hint: "The risk register with a header row (vendor, dimension, score, and weight and date where known)." },
    config: { param: "settings", label: "Risk weights", defaults: [["setting", "dimension", "weight"]] },
    files: { weights: "settings" },
    // The dimensions and the risk index, all on 0-100, share one scale: a heat map, red for high risk.
    columns: { Vendor: "text", "*": "number" },
    scale: { column: "*", higherIsBetter: false },
    defaultOutput: "Vendor risk",
    pane: true,
  },
} as const satisfies Record<string, ReportKindInfo>;

export type ReportKind = keyof typeof KIND_INFO;

/** Every kind, in the order the pane and the help list them. */
export const REPORT_KINDS = Object.keys(KIND_INFO) as [ReportKind, ...ReportKind[]];

/** The kinds the task pane and sidebar offer. */
export const PANE_KINDS: readonly ReportKind[] = REPORT_KINDS.filter((k) => KIND_INFO[k].pane);

/** A kind's record, typed as the general shape. */
export function kindInfo(kind: ReportKind): ReportKindInfo {
  return KIND_INFO[kind];
}

/**
 * Reads a kind from text, as stored or typed.
 *
 * @example reportKind("sla") // "sla"
 */
export function reportKind(v: unknown): ReportKind | undefined {
  return typeof v === "string" && Object.prototype.hasOwnProperty.call(KIND_INFO, v) ? (v as ReportKind) : undefined;
}
