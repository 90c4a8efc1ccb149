import * as z from "zod/mini";
import { CoreError } from "../cell/error";
import type { ResultCell, ResultGrid } from "../cell/types";
import { REPORT_KINDS, type ReportKind } from "./kinds";

/** Bumped when the stored shape changes; an older definition is reported as stale, not misread. */
export const DEFINITION_VERSION = 1;

const Cell = z.union([z.number(), z.string(), z.boolean()]);
const Grid = z.array(z.array(Cell));

/** Where a report reads its data: a sheet and an A1 address, or a table / named range by name. */
const Source = z.union([
  z.object({ sheet: z.string().check(z.minLength(1)), address: z.string().check(z.minLength(1)) }),
  z.object({ name: z.string().check(z.minLength(1)) }),
]);

/** "today" re-reads the clock at every refresh; a number is a fixed date serial. */
const AsOf = z.union([z.literal("today"), z.number()]);

export const ReportDefinitionSchema = z.object({
  version: z.literal(DEFINITION_VERSION),
  id: z.string().check(z.minLength(1)),
  kind: z.enum(REPORT_KINDS),
  source: Source,
  /** Survey answers whose criteria the weights may score, read at every refresh like the source; absent: none. */
  survey: z.optional(Source),
  /** Tickets for a business review's SLA part, read at every refresh like the source; absent: none. */
  tickets: z.optional(Source),
  /** The vendor a report about one vendor is for (a business review); absent for the other kinds. */
  vendor: z.optional(z.string().check(z.minLength(1))),
  /** Every vendor of a standing (this period) or a relationship tier, one sheet each, in place of one vendor (a business review). */
  group: z.optional(z.object({ by: z.enum(["standing", "tier"]), name: z.string().check(z.minLength(1)) })),
  /** The sheets of a group's report, one per vendor, as last written; the first is also `output`. */
  pages: z.optional(z.array(z.object({ vendor: z.string(), output: z.string(), outputId: z.string() }))),
  /** Weights (scorecard, segments) or policy (SLA), as the cells of the pane's table. */
  config: Grid,
  /** The SLA calendar; empty for the other kinds. */
  calendar: Grid,
  asOf: AsOf,
  /** Name of the sheet written, as last written (the host also keeps its own sheet id). */
  output: z.string().check(z.minLength(1)),
  /** Host id of the output sheet: survives the user renaming the tab. "" until first written. */
  outputId: z.string(),
  /** ISO time of the last successful refresh, "" if never. */
  lastRefresh: z.string(),
  /** Message of the last failed refresh, "" if it succeeded. */
  lastError: z.string(),
  /** What the last successful refresh counted for the reports list ("2 notice due"); absent in definitions stored before it. */
  lastSummary: z.optional(z.string()),
});

export type ReportDefinition = z.infer<typeof ReportDefinitionSchema>;
export type ReportSource = ReportDefinition["source"];
export type AsOfRule = ReportDefinition["asOf"];
export type ConfigGrid = ResultGrid;

/**
 * Reads a stored definition (JSON text or an already parsed object), validating every field.
 * Corrupt JSON, a missing field or an older version give a problem for the pane, never a throw.
 *
 * @example parseDefinition('{"version":1,...}') // { version: 1, id: ..., kind: "scorecard", ... }
 */
/** A stored definition that cannot be used, with what to do about it. */
function damaged(message: string): CoreError {
  return new CoreError("bad_config", message, { arg: "definition" });
}

export function parseDefinition(stored: unknown): ReportDefinition | CoreError {
  let data = stored;
  if (typeof stored === "string") {
    try {
      data = JSON.parse(stored);
    } catch {
      return damaged("The stored report definition is not valid JSON (was the hidden registry edited?): generate the report again.");
    }
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === "number" && version !== DEFINITION_VERSION) {
    return damaged(`The stored report definition has version ${version}; this add-in reads version ${DEFINITION_VERSION}: generate the report again.`);
  }
  const r = ReportDefinitionSchema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const where = issue.path.length ? issue.path.join(".") : "the definition";
  const what = issue.code === "invalid_type" ? `expected ${issue.expected}` : issue.message;
  return damaged(`The stored report definition is damaged (${where}: ${what}): generate the report again.`);
}

/** A config grid as plain cells: `null`/`undefined` become "", dates are not expected (the pane edits text and numbers). */
export function toConfigGrid(rows: readonly (readonly unknown[])[]): ConfigGrid {
  return rows.map((r) => r.map((c): ResultCell => (typeof c === "number" || typeof c === "boolean" || typeof c === "string" ? c : c == null ? "" : String(c))));
}

/** Text that names the source for messages and the reports list. */
export function describeSource(s: ReportSource): string {
  return "name" in s ? s.name : `${quoteSheet(s.sheet)}!${s.address}`;
}

/** `Q1 Data` -> `'Q1 Data'`, as Excel and Sheets write sheet names in references. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export type { ReportKind };
