import { attempt, isCoreError } from "../cell/error";
import type { CellValue } from "../cell/types";
import { NOT_USED, matchColumns } from "../table/match";
import { normalizeHeader, type FieldSpec, type Schema } from "../table/schema";
import type { ConfigGrid } from "./definition";
import { kindInfo, type ReportKind } from "./kinds";

/** One field of the mapping form: the column the core detected and the one it reads with the analyst's choices. */
export interface FieldChoice {
  readonly field: string;
  /** The field in words, for people (`Ordered qty`); `field` is the key mapping rows use. */
  readonly label: string;
  readonly required: boolean;
  /** Header the automatic match picked, "" when no column answers to the field. */
  readonly detected: string;
  /** Header the field reads once the choices apply, "" when it is not used. */
  readonly chosen: string;
}

/** The mapping form of a source: its headers, each field's column, and the mapping rows the choices need. */
export interface MappingForm {
  /** The source's non-blank headers, in sheet order, each once: the dropdown's options. */
  readonly headers: readonly string[];
  readonly fields: readonly FieldChoice[];
  /** `field, header` rows for the choices that differ from the detected column, to append to the weights or policy range. */
  readonly rows: ConfigGrid;
  /** Why the choices cannot be read, "" when they can. */
  readonly problem: string;
}

/** The columns a report kind reads: PO lines for the scorecard and segments, tickets for SLA. */
export function sourceSchema(kind: ReportKind): Schema {
  return kindInfo(kind).source.schema;
}

// The form shows every field even while a required one is missing: generation reports that.
const optional = new Map<Schema, Schema>();
function allOptional(schema: Schema): Schema {
  let s = optional.get(schema);
  if (!s) optional.set(schema, (s = schema.map((f): FieldSpec => ({ key: f.key, kind: f.kind, aliases: f.aliases }))));
  return s;
}

/**
 * The mapping form for a source's header row: each field with the column `matchColumns`
 * detects, and the column it reads once the analyst's choices (field -> header, or
 * `(not used)`) apply. A choice equal to the detected column needs no row; a choice naming a
 * header the source no longer has is dropped.
 *
 * @example mappingForm("scorecard", ["Supplier", "Ship By", "Due"], new Map([["promised", "Ship By"]])).rows // [["promised", "Ship By"]]
 */
export function mappingForm(kind: ReportKind, header: readonly CellValue[], choices: ReadonlyMap<string, string> = new Map()): MappingForm {
  const schema = sourceSchema(kind);
  const loose = allOptional(schema);
  const headers: string[] = [];
  const seen = new Set<string>();
  for (const h of header) {
    const text = String(h ?? "").trim();
    const n = normalizeHeader(text);
    if (n !== "" && !seen.has(n)) {
      seen.add(n);
      headers.push(text);
    }
  }
  const detected = matchColumns(header, loose);
  const kept = new Map<string, string>();
  for (const f of schema) {
    const choice = choices.get(f.key);
    if (choice === undefined) continue;
    const unused = normalizeHeader(choice) === normalizeHeader(NOT_USED);
    if (!unused && !seen.has(normalizeHeader(choice))) continue;
    if (normalizeHeader(unused ? "" : choice) === normalizeHeader(detected.get(f.key)?.header ?? "")) continue;
    kept.set(f.key, unused ? NOT_USED : choice);
  }
  const chosen = attempt(() => matchColumns(header, loose, kept));
  const effective = isCoreError(chosen) ? detected : chosen;
  const problem = isCoreError(chosen) ? chosen.message : "";
  return {
    headers,
    fields: schema.map((f) => ({ field: f.key, label: fieldLabel(f), required: f.required === true, detected: detected.get(f.key)?.header ?? "", chosen: effective.get(f.key)?.header ?? "" })),
    rows: [...kept].map(([field, h]) => [field, h]),
    problem,
  };
}

/** A field in words: its first header alias, capitalised (`promised date` -> `Promised date`). */
function fieldLabel(f: FieldSpec): string {
  const a = f.aliases[0] ?? f.key;
  return a.charAt(0).toUpperCase() + a.slice(1);
}

/**
 * A field of a kind's source in words, as the column form names it; the key itself when the
 * source has no such field.
 *
 * @example fieldWords("scorecard")("ordered_qty") // "Ordered qty"
 */
export function fieldWords(kind: ReportKind): (key: string) => string {
  const schema: readonly FieldSpec[] = kindInfo(kind).source.schema;
  return (key) => {
    const f = schema.find((x) => x.key === key);
    return f ? fieldLabel(f) : key;
  };
}

/**
 * A stored config table split for the pane: its mapping rows (field -> header), which the column
 * form shows as choices, and the rest, which the table editor shows. The first row is the table's
 * header and stays with the rest.
 *
 * @example splitMapping("scorecard", [["kpi", "weight"], ["on_time", 1], ["promised", "Ship By"]]).choices.get("promised") // "Ship By"
 */
export function splitMapping(kind: ReportKind, grid: ConfigGrid): { config: ConfigGrid; choices: Map<string, string> } {
  const fields = new Map(sourceSchema(kind).map((f) => [normalizeHeader(f.key), f.key] as const));
  const choices = new Map<string, string>();
  const config: ConfigGrid = [];
  grid.forEach((row, i) => {
    const field = i === 0 ? undefined : fields.get(normalizeHeader(row[0]));
    const header = row[1];
    if (field !== undefined && typeof header === "string" && header.trim() !== "" && !/^[\d\s.,%$-]+$/.test(header)) choices.set(field, header.trim());
    else config.push(row);
  });
  return { config, choices };
}
