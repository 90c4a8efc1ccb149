import { CoreError } from "../cell/error";
import type { Range } from "../cell/types";
import type { ConfigGrid } from "./definition";
import { buildReport, reportFunction } from "./build";
import type { ReportKind } from "./kinds";

/** A problem in one of the pane's config tables, placed next to its row. */
export interface ConfigIssue {
  readonly table: "config" | "calendar";
  /** Index into the table (0 = its first row), or -1 when the message names no row. */
  readonly row: number;
  readonly message: string;
}

/**
 * A tiny source each report reads without complaint, so that running the real catalog
 * function on it reports only what is wrong with the config: the very parser the
 * function uses, not a copy of its rules.
 */
const PROBE: Readonly<Record<ReportKind, Range>> = {
  scorecard: [["Vendor", "Promised date", "Delivered date", "Ordered qty", "Unit price"], ["Probe", 45000, 45000, 1, 1]],
  segments: [["Vendor", "Promised date", "Delivered date", "Ordered qty", "Unit price", "Supply risk"], ["Probe", 45000, 45000, 1, 1, 3]],
  sla: [["Ticket", "Vendor", "Priority", "Opened", "Resolved"], ["T1", "Probe", "P1", 45000.5, 45000.6]],
};

/**
 * Checks the pane's config tables with the core's own parsers. Returns the first problem
 * (the parsers stop at the first bad row), or none; a mapping row naming a column the probe
 * lacks is not a config error and is left to generation.
 *
 * @example validateConfig("scorecard", [["kpi","weight"],["on_time","abc"]]) // [{ table: "config", row: 1, message: "Weights row 2 (on_time): the weight \"abc\" is not a number." }]
 */
export function validateConfig(kind: ReportKind, config: ConfigGrid, calendar: ConfigGrid = []): ConfigIssue[] {
  if (!reportFunction(kind)) return [];
  const r = buildReport(kind, PROBE[kind], config, 45001, { now: () => new Date(0) }, calendar);
  if (!(r instanceof CoreError) || r.kind !== "bad_config") return [];
  const m = /\brow (\d+)/i.exec(r.message);
  const table = /calendar|workdays|holiday|\bhours\b row/i.test(r.message) && kind === "sla" ? "calendar" : "config";
  return [{ table, row: m ? Number(m[1]) - 1 : -1, message: r.message }];
}
