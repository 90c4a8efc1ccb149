import type { ConfigGrid, AsOfRule, ReportDefinition, ReportSource } from "./definition";
import { DEFINITION_VERSION, describeSource } from "./definition";
import type { ReportKind } from "./kinds";

/** A sheet of the workbook as the planner sees it: ours if the add-in created it. */
export interface SheetInfo {
  readonly name: string;
  readonly id: string;
  readonly ours: boolean;
}

/** Excel's limit, which Sheets accepts too; characters neither host allows in a tab name. */
const MAX_NAME = 31;
const BAD_CHARS = /[\\/?*[\]:]/g;

/**
 * A legal sheet name from what the user typed: forbidden characters dropped, at most 31
 * characters, no leading/trailing apostrophe; `fallback` when nothing is left.
 *
 * @example cleanSheetName("Q1: scores?", "Scorecard") // "Q1 scores"
 */
export function cleanSheetName(wanted: string, fallback: string): string {
  const s = wanted.replace(BAD_CHARS, "").replace(/^'+|'+$/g, "").trim().slice(0, MAX_NAME).trim();
  return s === "" || s.toLowerCase() === "history" ? fallback : s;
}

export interface OutputChoice {
  readonly name: string;
  /** Id of our sheet to overwrite, or "" to create a new one. */
  readonly reuseId: string;
  /** Set when the name had to change because a sheet the add-in did not create holds it. */
  readonly notice: string;
}

/**
 * Where a report goes. A name held by one of our sheets is reused (overwritten); a name held
 * by any other sheet is never touched: the next free `Name (2)`, `Name (3)`... is used and the
 * notice says so. Sheet names compare case-insensitively, as both hosts do.
 *
 * @example chooseOutput("Scorecard", [{ name: "Scorecard", id: "1", ours: false }]).name // "Scorecard (2)"
 */
export function chooseOutput(wanted: string, sheets: readonly SheetInfo[], ownId = ""): OutputChoice {
  const key = (s: string) => s.toLowerCase();
  const byName = new Map(sheets.map((s) => [key(s.name), s] as const));
  const own = ownId ? sheets.find((s) => s.id === ownId && s.ours) : undefined;
  const taken = byName.get(key(wanted));
  if (!taken) return { name: wanted, reuseId: own?.id ?? "", notice: "" };
  if (taken.ours && (!ownId || taken.id === ownId)) return { name: taken.name, reuseId: taken.id, notice: "" };
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = wanted.slice(0, MAX_NAME - suffix.length) + suffix;
    if (!byName.has(key(name))) {
      return { name, reuseId: "", notice: `A sheet named "${taken.name}" already exists and was not created by vendorscore, so it was left untouched and the report was written to "${name}".` };
    }
  }
}

/** What the pane asks for: a new report, or (with `id`) the same report again with what the pane now shows. */
export interface ReportRequest {
  /** The report being edited; a request with another kind makes a new report instead. */
  readonly id?: string;
  readonly kind: ReportKind;
  readonly source: ReportSource;
  /** Survey answers for the kinds whose function takes a survey ({@link takesSurvey}). */
  readonly survey?: ReportSource;
  /** Tickets for a business review's SLA part. */
  readonly tickets?: ReportSource;
  /** The vendor, for a kind about one vendor (a business review). */
  readonly vendor?: string;
  /** Every vendor of a standing or tier, one sheet each (a business review). */
  readonly group?: { readonly by: "standing" | "tier"; readonly name: string };
  readonly config: ConfigGrid;
  readonly calendar: ConfigGrid;
  readonly asOf: AsOfRule;
  readonly output: string;
}

/** A fresh definition; `lastRefresh` is filled when it is first written. */
export function newDefinition(id: string, req: ReportRequest): ReportDefinition {
  return { version: DEFINITION_VERSION, id, kind: req.kind, source: req.source, ...(req.survey ? { survey: req.survey } : {}), ...(req.vendor ? { vendor: req.vendor } : {}), ...(req.tickets ? { tickets: req.tickets } : {}), ...(req.group ? { group: req.group } : {}), config: req.config, calendar: req.calendar, asOf: req.asOf, output: req.output, outputId: "", lastRefresh: "", lastError: "" };
}

/** The definition after a refresh: a success clears the error (and records its summary), a failure keeps the last good time and summary. */
export function stamp(def: ReportDefinition, now: Date, result: { output?: string; outputId?: string; summary?: string; error?: string }): ReportDefinition {
  if (result.error !== undefined) return { ...def, lastError: result.error };
  const stamped = { ...def, output: result.output ?? def.output, outputId: result.outputId ?? def.outputId, lastRefresh: now.toISOString(), lastError: "" };
  return result.summary === undefined ? stamped : { ...stamped, lastSummary: result.summary };
}

/** The message for a definition whose source sheet or table is gone. */
export function staleSourceMessage(def: ReportDefinition): string {
  return `The source ${describeSource(def.source)} of "${def.output}" no longer exists (renamed or deleted?): pick the source again and generate.`;
}

/** True when a report is due: never refreshed, or refreshed longer ago than `maxAgeMs`. */
export function isStale(def: ReportDefinition, now: Date, maxAgeMs: number): boolean {
  const t = Date.parse(def.lastRefresh);
  return Number.isNaN(t) || now.getTime() - t >= maxAgeMs;
}
