import type { CellValue } from "../core";
import type { ConfigGrid, AsOfRule, ReportKind } from "../core/report";

/**
 * What the pane asks a host for. Excel implements it with Office.js in the task pane; Sheets
 * wraps `google.script.run` calls to its server functions. The pane never touches a host API:
 * a renamed host method breaks the build, not the user.
 */
export interface PanelHost {
  /** "Excel" or "Google Sheets", for wording such as "the selected range". */
  readonly hostName: string;
  /** Refresh intervals this host can run (Sheets add-on triggers cannot run more often than hourly). */
  readonly schedules: readonly Schedule[];
  /** The selected range, as the pane shows it; the source a "selection" request resolves to. */
  getSelection(): Promise<SelectionInfo>;
  /** Tables and named ranges the user can pick as the source. */
  listSources(): Promise<NamedSource[]>;
  /** The reports stored in this workbook, with their freshness; unreadable ones carry `problem`. */
  listReports(): Promise<ReportStatus[]>;
  /** Reads the source, computes, writes the report sheet and stores its definition. */
  generate(request: PanelRequest): Promise<HostResult>;
  /** Recomputes every stored report in place. */
  refreshAll(): Promise<HostResult>;
  /**
   * The source's cells (header row first), for the mapping form and the data-quality summary
   * shown before Generate. Optional: without it the pane shows neither.
   */
  readSource?(source: PanelRequest["source"]): Promise<SourceCells>;
  getSchedule(): Promise<Schedule>;
  setSchedule(schedule: Schedule): Promise<HostResult>;
}

/** `daily@6`: every day between 06:00 and 07:00; `weekly@6`: every Monday then (Sheets time triggers, in the spreadsheet's zone). */
export type Schedule = "off" | "15min" | "hourly" | `daily@${number}` | `weekly@${number}`;

export const SCHEDULE_LABEL: Readonly<Record<"off" | "15min" | "hourly", string>> = { off: "Off", "15min": "Every 15 minutes", hourly: "Every hour" };

/** The words for a schedule in the pane's list. */
export function scheduleLabel(s: Schedule): string {
  const at = /^(daily|weekly)@(\d+)$/.exec(s);
  if (!at) return SCHEDULE_LABEL[s as keyof typeof SCHEDULE_LABEL] ?? s;
  const h = String(Number(at[2])).padStart(2, "0");
  return `${at[1] === "daily" ? "Every day" : "Every Monday"}, ${h}:00-${String((Number(at[2]) + 1) % 24).padStart(2, "0")}:00`;
}

export interface SelectionInfo {
  /** `'PO lines'!A1:P41`, or "" when nothing usable is selected. */
  readonly address: string;
  readonly rows: number;
  readonly columns: number;
}

/** A source as read for the pane, or why it could not be read. */
export type SourceCells = { readonly ok: true; readonly address: string; readonly values: CellValue[][] } | { readonly ok: false; readonly message: string };

export interface NamedSource {
  readonly name: string;
  readonly type: "table" | "named range";
}

/** The pane's form. `source` is the current selection or a table / named range by name. */
export interface PanelRequest {
  readonly kind: ReportKind;
  readonly source: { readonly type: "selection" } | { readonly type: "named"; readonly name: string };
  readonly config: ConfigGrid;
  readonly calendar: ConfigGrid;
  readonly asOf: AsOfRule;
  readonly output: string;
}

export interface ReportStatus {
  readonly id: string;
  readonly kind: ReportKind | "";
  readonly output: string;
  readonly source: string;
  /** ISO time, "" if never refreshed. */
  readonly lastRefresh: string;
  readonly lastError: string;
  /** Set when the stored definition cannot be used (damaged, or its source is gone). */
  readonly problem: string;
}

/** A host's answer: `ok` false means nothing in the workbook changed. `notice` adds what the user should know (a renamed output). */
export interface HostResult {
  readonly ok: boolean;
  readonly message: string;
  readonly notice?: string;
}
