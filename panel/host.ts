import type { CellValue } from "../core";
import { describeSource, type ConfigGrid, type AsOfRule, type ReportKind, type ReportRequest, type ReportStatus, type RunResult } from "../core/report";

export type { ReportStatus };

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
  /** Reads the source, computes, writes the report sheet and stores its definition; with `id`, the same report again. */
  generate(request: PanelRequest): Promise<HostResult>;
  /** Recomputes every stored report in place, each on its own. */
  refreshAll(): Promise<HostResult>;
  /** Recomputes one stored report. */
  refreshReport(id: string): Promise<HostResult>;
  /** A stored report for the pane to edit, its sheet brought to the front unless `activate` is false; undefined when it cannot be read. */
  openReport(id: string, activate?: boolean): Promise<EditableReport | undefined>;
  /** Removes a stored report, and its sheet when `withSheet` (only a sheet carrying the report's marker). */
  deleteReport(id: string, withSheet: boolean): Promise<HostResult>;
  /**
   * The source's cells (header row first), for the mapping form and the data-quality summary
   * shown before Generate. Optional: without it the pane shows neither.
   */
  readSource?(source: PanelSource): Promise<SourceCells>;
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
  /** The sheet and its local address (`A1:P41`), as a source stores them. */
  readonly sheet: string;
  readonly local: string;
  readonly rows: number;
  readonly columns: number;
}

/**
 * A source as the pane holds it: a fixed range (taken from the selection when the user says so)
 * or a table / named range. Generate uses exactly this, never whatever is selected at the time.
 */
export type PanelSource = { readonly type: "range"; readonly sheet: string; readonly address: string } | { readonly type: "named"; readonly name: string };

/** A source as read for the pane, or why it could not be read. */
export type SourceCells = { readonly ok: true; readonly address: string; readonly values: CellValue[][] } | { readonly ok: false; readonly message: string };

export interface NamedSource {
  readonly name: string;
  readonly type: "table" | "named range";
}

/** The pane's form; `id` when it edits a stored report. */
export interface PanelRequest {
  readonly id?: string;
  readonly kind: ReportKind;
  readonly source: PanelSource;
  /** Survey answers, for a kind whose function takes a survey; read at every refresh like the source. */
  readonly survey?: PanelSource;
  /** Tickets for a business review's SLA part; read at every refresh like the source. */
  readonly tickets?: PanelSource;
  /** The vendor, for a kind about one vendor (a business review). */
  readonly vendor?: string;
  /** Or every vendor of a standing or tier, one sheet each. */
  readonly group?: { readonly by: "standing" | "tier"; readonly name: string };
  readonly config: ConfigGrid;
  readonly calendar: ConfigGrid;
  readonly asOf: AsOfRule;
  readonly output: string;
}

/** A stored report as the pane edits it. */
export interface EditableReport {
  readonly id: string;
  readonly kind: ReportKind;
  readonly source: PanelSource;
  /** The source as the pane shows it (`'PO lines'!A1:N41`, or a table's name). */
  readonly sourceLabel: string;
  readonly survey?: PanelSource;
  readonly surveyLabel?: string;
  readonly tickets?: PanelSource;
  readonly ticketsLabel?: string;
  readonly vendor?: string;
  readonly group?: { readonly by: "standing" | "tier"; readonly name: string };
  readonly config: ConfigGrid;
  readonly calendar: ConfigGrid;
  readonly asOf: AsOfRule;
  readonly output: string;
}

/** A host's answer: `ok` false means nothing in the workbook changed. `notice` adds what the user should know (a renamed output). */
export interface HostResult {
  readonly ok: boolean;
  readonly message: string;
  readonly notice?: string;
  /** The report generated (new or edited), for the pane to keep editing. */
  readonly reportId?: string;
}

/** A stored definition as the pane edits it. */
export function editable(def: { id: string; kind: ReportKind; source: StoredSource; survey?: StoredSource | undefined; tickets?: StoredSource | undefined; vendor?: string | undefined; group?: { by: "standing" | "tier"; name: string } | undefined; config: ConfigGrid; calendar: ConfigGrid; asOf: AsOfRule; output: string }, label: string): EditableReport {
  const survey = def.survey ? { survey: panelSource(def.survey), surveyLabel: describeSource(def.survey) } : {};
  return { id: def.id, kind: def.kind, source: panelSource(def.source), sourceLabel: label, ...survey, ...(def.tickets ? { tickets: panelSource(def.tickets), ticketsLabel: describeSource(def.tickets) } : {}), ...(def.vendor ? { vendor: def.vendor } : {}), ...(def.group ? { group: def.group } : {}), config: def.config, calendar: def.calendar, asOf: def.asOf, output: def.output };
}

type StoredSource = { sheet: string; address: string } | { name: string };

function panelSource(s: StoredSource): PanelSource {
  return "name" in s ? { type: "named", name: s.name } : { type: "range", sheet: s.sheet, address: s.address };
}

/** The stored form of a pane source. */
export function reportSource(s: PanelSource): StoredSource {
  return s.type === "named" ? { name: s.name } : { sheet: s.sheet, address: s.address };
}

/** The pane's form as the generate use case takes it: the source and the survey in their stored form. */
export function reportRequest(request: PanelRequest): ReportRequest {
  const { survey, tickets, ...rest } = request;
  return { ...rest, source: reportSource(request.source), ...(survey ? { survey: reportSource(survey) } : {}), ...(tickets ? { tickets: reportSource(tickets) } : {}) };
}

/** A report use case's answer as the pane shows it. */
export function hostResult(r: RunResult): HostResult {
  return { ok: r.ok, message: r.message, ...(r.notice ? { notice: r.notice } : {}), ...(r.reportId ? { reportId: r.reportId } : {}) };
}
