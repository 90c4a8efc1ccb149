import { isBlank } from "../cell/blank";
import { parseDate, numericDateParts, type DateOrder } from "../cell/date";
import { fail, quote } from "../cell/error";
import { isPlaceholder, parseNumber } from "../cell/number";
import type { CellValue, Range } from "../cell/types";
import { matchColumns, type ColumnMatch } from "./match";
import type { FieldKind, Schema } from "./schema";

/** Settings that change how cells are read; they come from setting and mapping rows of a config range. */
export interface ReadSettings {
  /** Day/month order for numeric date text in a column whose values do not show it. */
  readonly dateOrder?: DateOrder;
  /** field -> header text, from mapping rows. */
  readonly mapping?: ReadonlyMap<string, string>;
  /** Count unparseable cells instead of failing: the data-quality report reads so. */
  readonly lenient?: boolean;
}

/** What reading one column found, for the data-quality report. */
export interface ColumnQuality {
  placeholders: number;
  unparseable: number;
  /** The date order used for numeric date text, and whether the values showed it or the setting chose it. */
  dateOrder?: { order: DateOrder; from: "values" | "setting" };
}

export type Column = Float64Array | string[];

/** A range read into typed columns: numbers and dates as Float64Array (NaN = blank), text as strings ("" = blank). */
export interface ColumnTable<K extends string> {
  readonly header: readonly CellValue[];
  readonly matches: ReadonlyMap<K, ColumnMatch>;
  /** Data rows (the range's rows after the header). */
  readonly rows: number;
  readonly columns: ReadonlyMap<K, Column>;
  readonly quality: ReadonlyMap<K, ColumnQuality>;
}

const YES = new Set(["yes", "y", "true", "1", "compliant", "pass", "ok"]);

/**
 * Chooses the rows to leave out from the text columns (a blank vendor, a cancelled status):
 * their number and date cells are then not read, so a bad cell on a line that does not count
 * cannot fail the result. 1 = leave out.
 */
export type SkipRows<K extends string> = (textColumns: ReadonlyMap<K, Column>) => Uint8Array | undefined;

/**
 * Reads the columns a schema names from a range (header row first), one column at a time,
 * each cell once. Bad cells in a used column fail with the column and the row of the range.
 * Callers keep the table they build on top of it in the parse cache.
 *
 * @example parseColumns([["Vendor", "Qty"], ["Acme", 3]], PO_SCHEMA).columns.get("ordered_qty") // Float64Array [3]
 */
export function parseColumns<K extends string>(range: Range, schema: Schema<K>, settings: ReadSettings = {}, skip?: SkipRows<K>): ColumnTable<K> {
  if (range.length === 0 || range.every((row) => row.every(isBlank))) fail("empty_range", "The range is empty: select the data with its header row.");
  if (range[0]!.every(isBlank)) fail("bad_header", "The first row of the range is blank: select the range from its header row down.");
  const header = range[0]!;
  const matches = matchColumns(header, schema, settings.mapping);
  const rows = range.length - 1;
  const columns = new Map<K, Column>();
  const quality = new Map<K, ColumnQuality>();
  const read = (textual: boolean, mask?: Uint8Array) => {
    for (const field of schema) {
      const match = matches.get(field.key);
      if (!match || (field.kind === "text" || field.kind === "flag") !== textual) continue;
      const q: ColumnQuality = { placeholders: 0, unparseable: 0 };
      columns.set(field.key, readColumn(range, match, field.key, field.kind, !field.required, settings, q, mask, !ZERO_IS_A_VALUE.has(field.key)));
      quality.set(field.key, q);
    }
  };
  read(true);
  read(false, skip?.(columns));
  return { header, matches, rows, columns, quality };
}

/** Text fields where a number 0 means something (priority P0, ticket 0), not an older Excel build's blank. */
const ZERO_IS_A_VALUE = new Set(["priority", "ticket"]);

function readColumn(range: Range, match: ColumnMatch, field: string, kind: FieldKind, optional: boolean, settings: ReadSettings, q: ColumnQuality, skip?: Uint8Array, zeroIsBlank = true): Column {
  const c = match.column;
  const n = range.length - 1;
  if (kind === "text") {
    const out = new Array<string>(n);
    for (let r = 0; r < n; r++) {
      const v = range[r + 1]![c];
      // 0 in a text column (a vendor, a status) is an older Excel build's blank cell.
      out[r] = typeof v === "string" ? v.trim() : isBlank(v) || (zeroIsBlank && v === 0) ? "" : String(v);
    }
    return out;
  }
  const out = new Float64Array(n);
  if (kind === "flag") {
    for (let r = 0; r < n; r++) {
      const v = range[r + 1]![c];
      out[r] = isBlank(v) ? NaN : YES.has(String(v).trim().toLowerCase()) ? 1 : 0;
    }
    return out;
  }
  let order: DateOrder | undefined;
  for (let r = 0; r < n; r++) {
    if (skip !== undefined && skip[r] === 1) {
      out[r] = NaN;
      continue;
    }
    const v = range[r + 1]![c];
    if (typeof v === "number") {
      // The common case in Excel: numbers and serial dates need no parsing.
      // Serial 0 (1899-12-30) is no real date: it is how older Excel desktop builds pass a blank cell.
      if (kind === "date" && v === 0) {
        out[r] = NaN;
        continue;
      }
      // A number that is not finite (only a script can pass one) is not a number: results stay finite.
      out[r] = kind === "number" ? (Number.isFinite(v) ? v : NaN) : v > 0 && v <= 2_958_465 ? v : NaN;
      if (out[r] === out[r]) continue;
    } else if (isBlank(v)) {
      out[r] = NaN;
      continue;
    } else if (kind === "number") {
      out[r] = parseNumber(v);
    } else {
      if (order === undefined && typeof v === "string" && numericDateParts(v)) {
        q.dateOrder = columnDateOrder(range, c, settings.dateOrder);
        order = q.dateOrder.order;
      }
      out[r] = parseDate(v, order ?? settings.dateOrder ?? "MDY");
    }
    if (out[r] === out[r]) continue;
    if (optional && isPlaceholder(v)) {
      q.placeholders++;
      continue;
    }
    if (settings.lenient) {
      q.unparseable++;
      continue;
    }
    badCell(match, r + 2, v, kind, field);
  }
  return out;
}

function badCell(match: ColumnMatch, row: number, v: CellValue, kind: FieldKind, field: string): never {
  const what = kind === "date" ? "a date" : "a number";
  const fix = kind === "date" ? "write it as a date cell or as text like 2025-03-31" : "write it as a number such as 1234.5, 98% or $1,234.50";
  fail(kind === "date" ? "not_a_date" : "not_a_number", `Column "${quote(match.header)}", row ${row} of the range: "${quote(v)}" is not ${what}; ${fix}.`, { row, column: match.header, field });
}

/**
 * The day/month order of a column's numeric date text: a first part over 12 means DMY,
 * a second part over 12 means MDY; when no value shows it, the setting (default MDY) decides.
 */
function columnDateOrder(range: Range, c: number, setting: DateOrder | undefined): { order: DateOrder; from: "values" | "setting" } {
  for (let r = 1; r < range.length; r++) {
    const v = range[r]![c];
    if (typeof v !== "string") continue;
    const parts = numericDateParts(v);
    if (!parts) continue;
    if (parts[0] > 12) return { order: "DMY", from: "values" };
    if (parts[1] > 12) return { order: "MDY", from: "values" };
  }
  return { order: setting ?? "MDY", from: "setting" };
}
