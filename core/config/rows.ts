import { asRange, isBlank } from "../cell/blank";
import { parseNumber } from "../cell/number";
import type { CellValue, RangeArg } from "../cell/types";
import { normalizeHeader, type Schema } from "../table/schema";

/** One non-blank row of a config range (weights, policy, calendar, credits), with its place for messages. */
export interface ConfigRow {
  /** Row of the config range, 1-based, for messages. */
  readonly row: number;
  /** The first cell, normalised: `Grace Days` -> `gracedays`. */
  readonly key: string;
  /** The first cell as written. */
  readonly name: string;
  readonly cells: readonly CellValue[];
}

/**
 * The non-blank rows of a config range. An omitted argument gives no rows; a first row
 * that names columns (one of `headerWords` in its first cell) is skipped.
 */
export function configRows(arg: RangeArg, headerWords: readonly string[]): ConfigRow[] {
  const range = asRange(arg);
  const rows: ConfigRow[] = [];
  range.forEach((cells, i) => {
    // Older Excel desktop builds pass 0 for blank cells: a row of zeros is a blank row.
    if (cells.every((c) => isBlank(c) || c === 0)) return;
    const key = normalizeHeader(cells[0]);
    if (rows.length === 0 && headerWords.includes(key)) return;
    rows.push({ row: i + 1, key, name: String(cells[0] ?? "").trim(), cells });
  });
  return rows;
}

/**
 * Mapping rows `field, header text`: the first cell names a field of the schema and the
 * second is text that is not a number, so a KPI row such as `compliance, 10` is never
 * taken for a mapping. Returns field -> header and leaves the other rows.
 */
export function takeMapping(rows: ConfigRow[], schema: Schema): { mapping: Map<string, string>; rest: ConfigRow[] } {
  const fields = new Map(schema.map((f) => [normalizeHeader(f.key), f.key] as const));
  const mapping = new Map<string, string>();
  const rest: ConfigRow[] = [];
  for (const r of rows) {
    const field = fields.get(r.key);
    const v = r.cells[1];
    if (field !== undefined && typeof v === "string" && v.trim() !== "" && Number.isNaN(parseNumber(v))) {
      mapping.set(field, v.trim());
    } else {
      rest.push(r);
    }
  }
  return { mapping, rest };
}
