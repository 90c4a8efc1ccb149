import type { ResultGrid } from "../cell/types";
import { DEFAULT_SCORED, KPIS } from "../kpi/defs";
import { DEFAULT_POLICY } from "../sla/policy";

/** The reports the task pane and the sidebar generate. */
export const REPORT_KINDS = ["scorecard", "sla", "segments"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** What a report kind is made of: the catalog function that computes it and the config it takes. */
export interface ReportKindInfo {
  readonly kind: ReportKind;
  /** Catalog function looked up by name at run time, so a kind whose function is not there yet is reported, not crashed on. */
  readonly functionName: string;
  readonly label: string;
  /** What the source range holds, for the pane's hint. */
  readonly sourceHint: string;
  /** Name of the config table in the pane ("Weights", "SLA policy"). */
  readonly configLabel: string;
  /** The config table prefilled in the pane, header row first, in the shape the function's parser reads. */
  readonly defaultConfig: ResultGrid;
  /** A second config table (the SLA business-hours calendar); absent for the other kinds. */
  readonly calendarLabel?: string;
  readonly defaultCalendar?: ResultGrid;
  /** Default name of the sheet a report is written to. */
  readonly defaultOutput: string;
}

const WEIGHTS_HEADER = ["kpi", "weight", "target", "floor"];

/** The default scored KPIs with their default weight, target and floor: exactly what readScoreConfig assumes when no weights are given. */
function defaultWeights(): ResultGrid {
  const rows: ResultGrid = [WEIGHTS_HEADER];
  for (const key of DEFAULT_SCORED) {
    const k: { weight: number; target?: number; floor?: number } = KPIS[key];
    rows.push([key, k.weight, k.target ?? "", k.floor ?? ""]);
  }
  rows.push(["grace_days", 0, "", ""]);
  return rows;
}

export const KIND_INFO: Readonly<Record<ReportKind, ReportKindInfo>> = {
  scorecard: {
    kind: "scorecard",
    functionName: "VENDORSCORECARD",
    label: "Vendor scorecard",
    sourceHint: "Purchase-order lines with a header row (vendor, promised and delivered dates, quantities, prices).",
    configLabel: "Weights",
    defaultConfig: defaultWeights(),
    defaultOutput: "Scorecard",
  },
  sla: {
    kind: "sla",
    functionName: "SLASTATUS",
    label: "SLA status",
    sourceHint: "Tickets with a header row (vendor, priority, opened, resolved).",
    configLabel: "SLA policy",
    defaultConfig: [
      ["priority", "resolution target (h)", "response target (h)", "clock"],
      ...DEFAULT_POLICY.rows.map((r) => [r.priority, r.resolution, r.response ?? "", r.clock]),
    ],
    calendarLabel: "Business hours",
    defaultCalendar: [
      ["workdays", "Mon-Fri"],
      ["hours", "09:00-17:00"],
    ],
    defaultOutput: "SLA status",
  },
  segments: {
    kind: "segments",
    functionName: "VENDORSEGMENTS",
    label: "Vendor segments",
    sourceHint: "Purchase-order lines with a header row; a supply risk column enables the Kraljic matrix.",
    configLabel: "Weights",
    defaultConfig: defaultWeights(),
    defaultOutput: "Segments",
  },
};

/**
 * Reads a kind from text, as stored or typed.
 *
 * @example reportKind("sla") // "sla"
 */
export function reportKind(v: unknown): ReportKind | undefined {
  return (REPORT_KINDS as readonly unknown[]).includes(v) ? (v as ReportKind) : undefined;
}
