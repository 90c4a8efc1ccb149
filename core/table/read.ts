import { isBlank } from "../cell/blank";
import { parseDate, numericDateParts, type DateOrder } from "../cell/date";
import { fail, quote } from "../cell/error";
import { isPlaceholder, parseNumber, type Decimal } from "../cell/number";
import type { CellValue, Range } from "../cell/types";
import { matchColumns, NOT_USED, type ColumnMatch } from "./match";
import { normalizeHeader, type FieldKind, type FieldSpec, type Schema } from "./schema";
import { Tag, textTableOf, type TextColumn, type TextTable } from "./text";

/** Settings that change how cells are read; they come from setting and mapping rows of a config range. */
export interface ReadSettings {
  /** Day/month order for numeric date text in a column whose values do not show it. */
  readonly dateOrder?: DateOrder;
  /** field -> header text, from mapping rows. */
  readonly mapping?: ReadonlyMap<string, string>;
  /** Count unparseable cells instead of failing: the data-quality report reads so. */
  readonly lenient?: boolean;
  /** The decimal mark of number text, from a `decimal, comma` row; when not set, a column whose values show it. */
  readonly decimal?: Decimal;
  /** The header's row in the range (1-based), from a `header_row, N` row; when not set, it is found. */
  readonly headerRow?: number;
  /**
   * The fields a report needs: only their columns are read (required fields always are), so a
   * bad cell in a column the report does not use cannot fail it. Undefined: every field.
   */
  readonly fields?: ReadonlySet<string>;
}

/** What reading one column found, for the data-quality report. */
export interface ColumnQuality {
  placeholders: number;
  unparseable: number;
  /** The date order used for numeric date text, and whether the values showed it or the setting chose it. */
  dateOrder?: { order: DateOrder; from: "values" | "setting" };
  /** "values" when every number text of the column has a decimal comma, so the column was read so without the setting. */
  decimalComma?: "values";
  /** Cells left unread that would read with a decimal comma: the column mixes them with other number text. */
  commaCells?: number;
}

export type Column = Float64Array | string[];

/** A range read into typed columns: numbers and dates as Float64Array (NaN = blank), text as strings ("" = blank). */
export interface ColumnTable<K extends string> {
  readonly header: readonly CellValue[];
  /** Index in the range of the first data row (the row after the header); rows above the header are titles. */
  readonly first: number;
  readonly matches: ReadonlyMap<K, ColumnMatch>;
  /** Data rows (the range's rows after the header); data row r is range row `first + r`. */
  readonly rows: number;
  readonly columns: ReadonlyMap<K, Column>;
  readonly quality: ReadonlyMap<K, ColumnQuality>;
}

const YES = new Set(["yes", "y", "true", "1", "compliant", "pass", "ok"]);

/**
 * A flag cell that says yes: yes, y, true, 1, compliant, pass or ok, in any case (the compliance
 * column, a formula's `share`). Blank cells are the caller's business.
 *
 * @example isYes(" Pass ") // true
 */
export function isYes(v: CellValue): boolean {
  return YES.has(String(v).trim().toLowerCase());
}

/**
 * Chooses the rows to leave out from the text columns (a blank vendor, a cancelled status):
 * their number and date cells are then not read, so a bad cell on a line that does not count
 * cannot fail the result. 1 = leave out.
 */
export type SkipRows<K extends string> = (textColumns: ReadonlyMap<K, Column>) => Uint8Array | undefined;

/** How many rows from the top of a range are searched for the header row. */
export const HEADER_SEARCH_ROWS = 20;

/**
 * The index of a range's header row: the `header_row` setting, else the first of the first
 * {@link HEADER_SEARCH_ROWS} rows that holds a header of the schema's first required field (the
 * vendor), by alias or by its mapping row. Rows above it are titles. -1 when no row holds one:
 * {@link parseColumns} then takes the first row and its message lists the texts it saw.
 *
 * @example headerRowOf([["Procurement KPI export"], ["Vendor", "Qty"], ["Acme", 3]], PO_SCHEMA) // 1
 */
export function headerRowOf(range: Range, schema: Schema, settings: ReadSettings = {}): number {
  if (settings.headerRow !== undefined) {
    if (settings.headerRow > range.length) {
      fail("bad_config", `The setting header_row, ${settings.headerRow} is below the range's last row (${range.length}): give the row of the range that holds the headers.`, { field: "header_row" });
    }
    return settings.headerRow - 1;
  }
  const key = schema.find((f) => f.required);
  if (!key) return 0;
  const mapped = settings.mapping?.get(key.key);
  const wanted = new Set(mapped !== undefined && normalizeHeader(mapped) !== normalizeHeader(NOT_USED) ? [normalizeHeader(mapped)] : key.aliases.map(normalizeHeader));
  const n = Math.min(range.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < n; r++) {
    const row = range[r]!;
    for (let c = 0; c < row.length; c++) if (!isBlank(row[c]) && wanted.has(normalizeHeader(row[c]))) return r;
  }
  return -1;
}

/** How {@link parseColumns} reads beyond its settings. */
export interface ParseOptions<K extends string> {
  /** Chooses the rows whose number and date cells are not read, from the text columns. */
  readonly skip?: SkipRows<K>;
  /** The header's index in the range (see {@link headerRowOf}); -1, not found, is the first row. Default 0. */
  readonly at?: number;
  /**
   * Fields matched to their columns (a missing required one still fails) but not read: the caller
   * reads them with {@link readColumnsAt} at the rows it needs, such as an event log's last row per ticket.
   */
  readonly deferred?: ReadonlySet<K>;
}

/**
 * Reads the columns a schema names from a range, one column at a time, each cell once. The
 * header is the range's row `at`; the data rows follow it. Bad cells in a used column fail with
 * the column and the row of the range. Callers keep the table they build on top of it in the parse cache.
 *
 * @example parseColumns([["Vendor", "Qty"], ["Acme", 3]], PO_SCHEMA).columns.get("ordered_qty") // Float64Array [3]
 */
export function parseColumns<K extends string>(range: Range, schema: Schema<K>, settings: ReadSettings = {}, options: ParseOptions<K> = {}): ColumnTable<K> {
  let at = options.at ?? 0;
  if (range.length === 0 || range.every((row) => row.every(isBlank))) fail("empty_range", "The range is empty: select the data with its header row.");
  // When no row was found to hold the header, a missing column's message lists what the first rows hold.
  const seen = at < 0 ? range.slice(0, HEADER_SEARCH_ROWS) : undefined;
  if (at < 0) at = 0;
  if (range[at]!.every(isBlank)) fail("bad_header", "The first row of the range is blank: select the range from its header row down.");
  const header = range[at]!;
  const first = at + 1;
  const matches = matchColumns(header, schema, settings.mapping, seen);
  const rows = range.length - first;
  const columns = new Map<K, Column>();
  const quality = new Map<K, ColumnQuality>();
  const table = { header, first, matches, rows, columns, quality };
  const read = (textual: boolean, mask?: Uint8Array) => {
    const fields = readable(table, schema, settings, textual).filter((f) => !options.deferred?.has(f.key));
    for (const [key, column] of readColumns(range, table, fields, settings, mask)) columns.set(key, column);
  };
  read(true);
  read(false, options.skip?.(columns));
  return table;
}

/**
 * Reads deferred fields (see {@link ParseOptions.deferred}) of a table at the data rows `rows`
 * only: value i of each column is data row rows[i]'s, read and checked as {@link parseColumns}
 * reads it. Fields without a column are left out. The table is not changed: its columns are
 * indexed by data row, these by position in `rows`.
 *
 * @example readColumnsAt(range, table, TICKET_SCHEMA, {}, new Set(["opened"]), Int32Array.of(4, 9)).get("opened") // Float64Array [opened of row 4, of row 9]
 */
export function readColumnsAt<K extends string>(range: Range, table: ColumnTable<K>, schema: Schema<K>, settings: ReadSettings, fields: ReadonlySet<K>, rows: Int32Array): ReadonlyMap<K, Column> {
  const chosen = schema.filter((f) => fields.has(f.key));
  const text = readColumns(range, table, readable(table, chosen, settings, true), settings, undefined, rows);
  const other = readColumns(range, table, readable(table, chosen, settings, false), settings, undefined, rows);
  return new Map([...text, ...other]);
}

/** The schema's fields that have a column and are read under the settings: the text ones or the others. */
function readable<K extends string>(table: Pick<ColumnTable<K>, "matches">, schema: Schema<K>, settings: ReadSettings, textual: boolean): Schema<K> {
  const wanted = settings.fields;
  return schema.filter((f) => table.matches.has(f.key) && (f.kind === "text" || f.kind === "flag") === textual && (!wanted || f.required || wanted.has(f.key)));
}

/** Distinct date texts remembered per column: a few years of days and times. */
const SEEN_DATES = 65_536;

/** Text fields where a number 0 means something (priority P0, ticket 0), not an older Excel build's blank. */
const ZERO_IS_A_VALUE = new Set(["priority", "ticket"]);

/**
 * Reads columns of a range, every data row or with `rows` those data rows only (value i is row
 * rows[i]'s); rows the mask marks read as blank. A range of arrays (a host's) is read in one pass
 * over its rows, each row fetched once whatever the number of columns; a typed text table (a CSV
 * file's) column by column from its stores. A bad cell fails as if the columns had been read one
 * after the other: the first column that has one names its first.
 */
function readColumns<K extends string>(range: Range, table: Pick<ColumnTable<K>, "first" | "matches" | "quality">, fields: Schema<K>, settings: ReadSettings, skip?: Uint8Array, rows?: Int32Array): Map<K, Column> {
  const first = table.first;
  const n = rows === undefined ? range.length - first : rows.length;
  const readers = fields.map((f) => {
    const q: ColumnQuality = { placeholders: 0, unparseable: 0 };
    (table.quality as Map<K, ColumnQuality>).set(f.key, q);
    return new ColumnReader(range, first, table.matches.get(f.key)!, f, settings, q, n, skip);
  });
  const typed = textTableOf(range);
  if (typed !== undefined) {
    for (const reader of readers) {
      reader.readTyped(typed, rows);
      reader.check();
    }
  } else {
    const columns = readers.map((x) => x.match.column);
    const k = readers.length;
    for (let i = 0; i < n; i++) {
      const r = rows === undefined ? i : rows[i]!;
      const row = range[r + first]!;
      for (let j = 0; j < k; j++) readers[j]!.read(i, r, row[columns[j]!]);
    }
    for (const reader of readers) reader.check();
  }
  return new Map(readers.map((x) => [x.spec.key as K, x.out]));
}

/**
 * One column read cell by cell: the rules that read a text, flag, number or date cell, the
 * column's state (the date order and decimal mark its values show, the date texts already
 * read) and its values. A cell that does not read, when the read is not lenient, is kept: the
 * column stops there and {@link ColumnReader.check} fails with it.
 */
class ColumnReader {
  /** The values of a text column, or of any other (NaN where blank): two fields, so that each store sees one kind of array. */
  private readonly texts: string[];
  private readonly values: Float64Array;
  private readonly kind: FieldKind;
  private readonly optional: boolean;
  /** 0 in a text column (a vendor, a status) is an older Excel build's blank cell; not where a 0 means something. */
  private readonly zeroIsBlank: boolean;
  private order: DateOrder | undefined;
  private readonly seen = new Map<string, number>();
  private decimal: Decimal;
  /** Whether the column's decimal mark is settled: by the setting, or by a scan of its values. */
  private decided: boolean;
  /** The data row and cell of the first cell that did not read (not lenient); reading stops there. */
  private bad: { r: number; v: CellValue; decimal: Decimal } | undefined;

  constructor(
    private readonly range: Range,
    private readonly first: number,
    readonly match: ColumnMatch,
    readonly spec: FieldSpec,
    private readonly settings: ReadSettings,
    private readonly q: ColumnQuality,
    n: number,
    private readonly skip: Uint8Array | undefined,
  ) {
    this.kind = spec.kind;
    this.optional = !spec.required;
    this.zeroIsBlank = !ZERO_IS_A_VALUE.has(spec.key);
    this.texts = spec.kind === "text" ? new Array<string>(n) : [];
    this.values = new Float64Array(spec.kind === "text" ? 0 : n);
    this.decimal = settings.decimal ?? "point";
    this.decided = settings.decimal !== undefined;
  }

  get out(): Column {
    return this.kind === "text" ? this.texts : this.values;
  }

  /** The whole column from a text table: a number written as JavaScript writes it reads as itself with a decimal point, an ISO date as its serial; any other cell from its text. */
  readTyped(table: TextTable, rows: Int32Array | undefined): void {
    const c = this.match.column;
    const column = table.column(c);
    const first = this.first;
    const n = this.kind === "text" ? this.texts.length : this.values.length;
    const tags = column?.tags;
    const values = column?.values;
    const kind = this.kind;
    for (let i = 0; i < n; i++) {
      const r = rows === undefined ? i : rows[i]!;
      if (tags !== undefined && kind !== "text" && kind !== "flag" && (this.skip === undefined || this.skip[r] !== 1)) {
        const tag = tags[r + first];
        if ((tag === Tag.Number && kind === "number" && this.decimal === "point") || (tag === Tag.IsoDate && kind === "date")) {
          this.values[i] = values![r + first]!;
          continue;
        }
      }
      this.read(i, r, column !== undefined && table.has(r + first, c) ? column.text(r + first) : undefined);
    }
  }

  /** Data row r's cell `v`, as value i. */
  read(i: number, r: number, v: CellValue): void {
    const kind = this.kind;
    if (kind === "text") {
      this.texts[i] = typeof v === "string" ? trimmed(v) : isBlank(v) || (this.zeroIsBlank && v === 0) ? "" : String(v);
      return;
    }
    const out = this.values;
    if (kind === "flag") {
      out[i] = isBlank(v) ? NaN : isYes(v) ? 1 : 0;
      return;
    }
    if ((this.skip !== undefined && this.skip[r] === 1) || this.bad !== undefined) {
      out[i] = NaN;
      return;
    }
    if (typeof v === "number") {
      // The common case in Excel: numbers and serial dates need no parsing.
      // Serial 0 (1899-12-30) is no real date: it is how older Excel desktop builds pass a blank cell.
      if (kind === "date" && v === 0) {
        out[i] = NaN;
        return;
      }
      // A number that is not finite (only a script can pass one) is not a number: results stay finite.
      out[i] = kind === "number" ? (Number.isFinite(v) ? v : NaN) : v > 0 && v <= 2_958_465 ? v : NaN;
      if (out[i] === out[i]) return;
    } else if (isBlank(v)) {
      out[i] = NaN;
      return;
    } else if (kind === "number") {
      out[i] = parseNumber(v, this.decimal);
      if (out[i] !== out[i] && this.decimal === "point" && typeof v === "string" && isComma(v)) {
        // The first cell that reads only with a decimal comma: the column is read so when every
        // number text in it does (no "1,234", no "2.5"), and else this cell names the setting.
        if (!this.decided) {
          this.decided = true;
          if (commaColumn(this.range, this.cell(), this.first, this.skip)) {
            this.decimal = "comma";
            this.q.decimalComma = "values";
            out[i] = parseNumber(v, this.decimal);
            return;
          }
        }
        this.q.commaCells = (this.q.commaCells ?? 0) + 1;
      }
    } else {
      // Exports repeat the same date text on many lines: each distinct text is parsed once.
      const known = typeof v === "string" ? this.seen.get(v) : undefined;
      if (known !== undefined) out[i] = known;
      else {
        if (this.order === undefined && typeof v === "string" && numericDateParts(v)) {
          this.q.dateOrder = columnDateOrder(this.range, this.cell(), this.first, this.settings.dateOrder);
          this.order = this.q.dateOrder.order;
        }
        out[i] = parseDate(v, this.order ?? this.settings.dateOrder ?? "MDY");
        if (typeof v === "string" && this.seen.size < SEEN_DATES) this.seen.set(v, out[i]!);
      }
    }
    if (out[i] === out[i]) return;
    if (this.optional && isPlaceholder(v)) {
      this.q.placeholders++;
      return;
    }
    if (this.settings.lenient) {
      this.q.unparseable++;
      return;
    }
    this.bad = { r, v, decimal: this.decimal };
  }

  /** Fails with the first cell that did not read, naming its column and its row of the range. */
  check(): void {
    if (this.bad) badCell(this.match, this.bad.r + this.first + 1, this.bad.v, this.kind, this.spec.key, this.bad.decimal);
  }

  /** The column's cells, for a scan of all its values. */
  private cell(): (r: number) => CellValue {
    return cellReader(this.range, this.match.column);
  }
}

/**
 * `v.trim()`, without the call for text that starts and ends in printable ASCII (no whitespace
 * can be there): nearly every cell, and a log has a million of them.
 */
function trimmed(v: string): string {
  const a = v.charCodeAt(0);
  const b = v.charCodeAt(v.length - 1);
  return a > 32 && a < 127 && b > 32 && b < 127 ? v : v.trim();
}

/** Reads column `c` of a range row by row; from its typed store when the range is a {@link TextTable}'s, without building rows. */
function cellReader(range: Range, c: number): (r: number) => CellValue {
  const table = textTableOf(range);
  if (table === undefined) return (r) => range[r]![c];
  const column: TextColumn | undefined = table.column(c);
  return (r) => (column !== undefined && table.has(r, c) ? column.text(r) : undefined);
}

/** Number text that reads with a decimal comma (`235,0`, `1.234,56`). */
function isComma(v: string): boolean {
  return parseNumber(v, "comma") === parseNumber(v, "comma");
}

/**
 * True when a number column's text is comma-decimal: some text reads only with a decimal comma,
 * and every other number text reads the same either way (`235`, `98%`). Any text that reads
 * differently (`1,234`, `2.5`) makes the column ambiguous. Typed numbers say nothing.
 */
function commaColumn(range: Range, cell: (r: number) => CellValue, first: number, skip: Uint8Array | undefined): boolean {
  let comma = 0;
  for (let r = 0; r < range.length - first; r++) {
    if (skip !== undefined && skip[r] === 1) continue;
    const v = cell(r + first);
    if (typeof v !== "string") continue;
    const point = parseNumber(v);
    const k = parseNumber(v, "comma");
    if (point !== point) {
      if (k === k) comma++;
    } else if (k !== point) return false;
  }
  return comma > 0;
}

function badCell(match: ColumnMatch, row: number, v: CellValue, kind: FieldKind, field: string, decimal: Decimal): never {
  const what = kind === "date" ? "a date" : "a number";
  const fix =
    kind === "date"
      ? "write it as a date cell or as text like 2025-03-31"
      : decimal === "comma"
        ? "with the setting decimal, comma write it as 1234,5 or 1.234,50"
        : typeof v === "string" && isComma(v)
          ? `other cells of the column are not written with a decimal comma: add a setting row "decimal, comma" (or write 1234.5)`
          : "write it as a number such as 1234.5, 98% or $1,234.50";
  fail(kind === "date" ? "not_a_date" : "not_a_number", `Column "${quote(match.header)}", row ${row} of the range: "${quote(v)}" is not ${what}; ${fix}.`, { row, column: match.header, field });
}

/**
 * The day/month order of a column's numeric date text: a first part over 12 means DMY,
 * a second part over 12 means MDY; when no value shows it, the setting (default MDY) decides.
 */
function columnDateOrder(range: Range, cell: (r: number) => CellValue, first: number, setting: DateOrder | undefined): { order: DateOrder; from: "values" | "setting" } {
  for (let r = first; r < range.length; r++) {
    const v = cell(r);
    if (typeof v !== "string") continue;
    const parts = numericDateParts(v);
    if (!parts) continue;
    if (parts[0] > 12) return { order: "DMY", from: "values" };
    if (parts[1] > 12) return { order: "MDY", from: "values" };
  }
  return { order: setting ?? "MDY", from: "setting" };
}
