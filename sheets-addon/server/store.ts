type Properties = GoogleAppsScript.Properties.Properties;

const REPORT = "vendorscore.report.";
const PENDING = "vendorscore.pending";
const LAST_RUN = "vendorscore.lastRun";

/**
 * A property value holds at most 9 KB; a definition (a long SLA calendar, a stored error) may be
 * longer, so it is kept in parts of at most this many characters (3 bytes each at most in UTF-8).
 */
export const PART = 3000;

/** The outcome of the last refresh run, for the panel. */
export interface LastRun {
  readonly at: string;
  readonly message: string;
  readonly ok: boolean;
}

/**
 * The document's vendorscore state in DocumentProperties (it travels with the spreadsheet and
 * is shared by its editors): each report's definition as JSON text in parts
 * (`vendorscore.report.<id>`, `...<id>#2`, ...), read back and validated by the report use
 * cases; the reports a time-limited refresh left for the next run; the last run's outcome.
 */
export class ReportStore {
  constructor(private readonly props: Properties) {}

  /** Every stored definition's text by id, in creation order (ids start with the time). */
  definitions(all: Record<string, string> = this.props.getProperties()): { id: string; text: string }[] {
    const parts = new Map<string, string[]>();
    for (const key of Object.keys(all)) {
      if (!key.startsWith(REPORT)) continue;
      const [id, n] = key.slice(REPORT.length).split("#") as [string, string?];
      const list = parts.get(id) ?? [];
      list[n === undefined ? 0 : Number(n) - 1] = all[key]!;
      parts.set(id, list);
    }
    return [...parts.keys()].sort().map((id) => ({ id, text: Array.from(parts.get(id)!, (p) => p ?? "").join("") }));
  }

  /** Stores a definition's text in parts, replacing all its old parts in one call. */
  put(id: string, text: string): void {
    const parts: Record<string, string> = {};
    let i = 0;
    let n = 1;
    do {
      // Never between the two halves of a surrogate pair (an emoji in a vendor name).
      let end = Math.min(i + PART, text.length);
      if (end < text.length && /[\ud800-\udbff]/.test(text.charAt(end - 1))) end--;
      parts[n === 1 ? REPORT + id : `${REPORT}${id}#${n}`] = text.slice(i, end);
      i = end;
      n++;
    } while (i < text.length);
    for (const key of this.partKeys(id)) if (!(key in parts)) this.props.deleteProperty(key);
    this.props.setProperties(parts);
  }

  remove(id: string): void {
    for (const key of this.partKeys(id)) this.props.deleteProperty(key);
  }

  private partKeys(id: string): string[] {
    return Object.keys(this.props.getProperties()).filter((k) => k === REPORT + id || k.startsWith(`${REPORT}${id}#`));
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
    this.props.setProperty(LAST_RUN, JSON.stringify({ ...run, message: run.message.slice(0, 2000) }));
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
