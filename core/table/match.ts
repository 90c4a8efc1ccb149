import { fail, quote } from "../cell/error";
import { normalizeHeader, type Schema } from "./schema";

/** How a field found its column: by one of its usual headers, or by a mapping row the analyst wrote. */
export type MatchHow = "alias" | "mapping";

/**
 * Header text of a mapping row that leaves a field out (`delivered, (not used)`): the panels'
 * mapping form offers it, so a column the automatic match picked can be ignored.
 */
export const NOT_USED = "(not used)";

export interface ColumnMatch {
  readonly column: number;
  readonly header: string;
  readonly how: MatchHow;
}

/**
 * Finds the column of each field in the header row. A mapping (field -> header text)
 * overrides the automatic match; a column claimed by one field is not offered to the next.
 */
export function matchColumns<K extends string>(
  header: readonly unknown[],
  schema: Schema<K>,
  mapping: ReadonlyMap<string, string> = new Map(),
  seen?: readonly (readonly unknown[])[],
): Map<K, ColumnMatch> {
  const norm = header.map(normalizeHeader);
  const matches = new Map<K, ColumnMatch>();
  const taken = new Set<number>();
  const unused = new Set<string>();
  const at = (column: number, how: MatchHow): ColumnMatch => ({ column, header: String(header[column] ?? "").trim(), how });

  for (const field of schema) {
    const wanted = mapping.get(field.key);
    if (wanted === undefined) continue;
    if (normalizeHeader(wanted) === normalizeHeader(NOT_USED)) {
      unused.add(field.key);
      continue;
    }
    const column = norm.indexOf(normalizeHeader(wanted));
    if (column < 0) {
      fail("bad_config", `Mapping row "${field.key}, ${quote(wanted)}": no column is headed "${quote(wanted)}". Headers seen: ${listHeaders(header)}.`, { field: field.key });
    }
    matches.set(field.key, at(column, "mapping"));
    taken.add(column);
  }
  for (const field of schema) {
    if (matches.has(field.key) || unused.has(field.key)) continue;
    for (const alias of field.aliases) {
      const a = normalizeHeader(alias);
      const column = norm.findIndex((h, i) => h === a && !taken.has(i));
      if (column >= 0) {
        matches.set(field.key, at(column, "alias"));
        taken.add(column);
        break;
      }
    }
  }
  for (const field of schema) {
    if (field.required && !matches.has(field.key)) {
      fail(
        "bad_header",
        `No ${field.key} column: head one column "${field.aliases[0]}" (or ${field.aliases.slice(1).map((a) => `"${a}"`).join(", ")}), ` +
          `or add a mapping row "${field.key}, <header>". Headers seen: ${seen && seen.length > 1 ? `${listHeaders(seen.flat())} (rows 1-${seen.length})` : listHeaders(header)}.`,
        { field: field.key },
      );
    }
  }
  return matches;
}

/** Characters of a message given to the list of headers, so that the whole message stays short. */
const LIST_BUDGET = 140;

/**
 * The first texts of a row (or of several rows) for a message, each distinct text once (a merged
 * title repeats in every cell), quoted short, "..." when there are more.
 */
export function listHeaders(header: readonly unknown[]): string {
  const names = [...new Set(header.map((h) => String(h ?? "").trim()).filter((h) => h !== ""))];
  if (!names.length) return "(none: is the first row of the range the header?)";
  const shown: string[] = [];
  let length = 0;
  for (const h of names.slice(0, 8)) {
    const q = `"${quote(h)}"`;
    if (shown.length > 0 && length + q.length > LIST_BUDGET) break;
    shown.push(q);
    length += q.length + 2;
  }
  return names.length > shown.length ? `${shown.join(", ")}, ... (${names.length} in all)` : shown.join(", ");
}
