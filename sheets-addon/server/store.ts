import { isCoreError } from "../../core";
import { parseDefinition, type ReportDefinition } from "../../core/report";

type Properties = GoogleAppsScript.Properties.Properties;

const REPORT = "vendorscore.report.";
const OWNED = "vendorscore.owned";
const PENDING = "vendorscore.pending";
const LAST_RUN = "vendorscore.lastRun";

export interface StoredReport {
  readonly id: string;
  /** Absent when the stored text cannot be used; `problem` says why. */
  readonly def?: ReportDefinition;
  readonly problem: string;
}

/** The outcome of the last refresh run, for the panel. */
export interface LastRun {
  readonly at: string;
  readonly message: string;
  readonly ok: boolean;
}

/**
 * The document's vendorscore state in DocumentProperties (it travels with the spreadsheet and
 * is shared by its editors): one JSON definition per report, validated with the shared zod
 * schema on every read; the ids of the sheets vendorscore created (the only ones it writes);
 * the reports a time-limited refresh left for the next run; the last run's outcome.
 */
export class ReportStore {
  constructor(private readonly props: Properties) {}

  /** Every stored report in creation order; damaged ones keep their id and a message. */
  reports(all: Record<string, string> = this.props.getProperties()): StoredReport[] {
    return Object.keys(all)
      .filter((k) => k.startsWith(REPORT))
      .sort()
      .map((k) => {
        const id = k.slice(REPORT.length);
        const parsed = parseDefinition(all[k]);
        return isCoreError(parsed) ? { id, problem: parsed.message } : { id, def: parsed, problem: "" };
      });
  }

  save(def: ReportDefinition): void {
    this.props.setProperty(REPORT + def.id, JSON.stringify(def));
  }

  owned(all: Record<string, string> = this.props.getProperties()): Set<string> {
    return new Set(readList(all[OWNED]));
  }

  own(sheetId: string): void {
    const ids = this.owned();
    if (ids.has(sheetId)) return;
    ids.add(sheetId);
    this.props.setProperty(OWNED, JSON.stringify([...ids]));
  }

  pending(all: Record<string, string> = this.props.getProperties()): string[] {
    return readList(all[PENDING]);
  }

  setPending(ids: readonly string[]): void {
    if (ids.length) this.props.setProperty(PENDING, JSON.stringify(ids));
    else this.props.deleteProperty(PENDING);
  }

  lastRun(all: Record<string, string> = this.props.getProperties()): LastRun | undefined {
    try {
      const v = JSON.parse(all[LAST_RUN] ?? "null") as LastRun | null;
      return v && typeof v.at === "string" ? v : undefined;
    } catch {
      return undefined;
    }
  }

  setLastRun(run: LastRun): void {
    this.props.setProperty(LAST_RUN, JSON.stringify(run));
  }
}

/** A stored JSON list of ids; anything else (edited by hand, damaged) reads as empty. */
function readList(text: string | undefined): string[] {
  try {
    const v: unknown = JSON.parse(text ?? "[]");
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
}

/** A new report id: time and randomness, unique enough within one document. */
export function newReportId(now: Date): string {
  return `${now.getTime().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}
