import type { Range, ResultGrid } from "../cell/types";
import type { DateOrder } from "../cell/date";
import type { ParseCache } from "../table/cache";
import type { MatchHow } from "../table/match";
import type { ReadSettings } from "../table/read";
import { readLines, type LineTable } from "../table/lines";
import { PO_SCHEMA, type PoField } from "../table/schema";
import type { PeriodBy } from "../period/settings";

/** How lines are placed in periods, for the count of lines in none: the `period_by` field (undefined: the fallbacks) and any `promised_days`. */
export interface PeriodPlacement {
  readonly by?: PeriodBy;
  readonly promisedDays?: number;
}

/** What reading one field found. Counts are over the lines that count (not blank-vendor or cancelled ones). */
export interface FieldQuality {
  readonly field: PoField;
  /** The column's header and how it was matched; undefined when the range has no such column. */
  readonly match?: { readonly header: string; readonly how: MatchHow };
  readonly values: number;
  readonly blank: number;
  readonly placeholders: number;
  readonly unparseable: number;
  /** The day/month order of numeric date text, and whether the values showed it or the setting chose it. */
  readonly dateOrder?: { readonly order: DateOrder; readonly from: "values" | "setting" };
  /** "values" when the column was read with decimal commas because every number text in it has one. */
  readonly decimalComma?: "values";
  /** Unparseable cells that would read with a decimal comma, in a column that mixes them with other number text. */
  readonly commaCells?: number;
}

/** What the scorecard will count in a range, as data. */
export interface DataQuality {
  readonly fields: readonly FieldQuality[];
  /** Rows above the header row: titles, left out. */
  readonly titleRows: number;
  /** Rows under the header. */
  readonly lines: number;
  readonly skipped: { readonly blankVendor: number; readonly totals: number; readonly cancelled: number };
  readonly counted: number;
  readonly vendors: number;
  /** With periods: the counted lines that have no date to place them in a period, so are in none. */
  readonly noPeriodDate?: number;
}

/**
 * What the scorecard will count in a range, before it counts it: each field, the column it was
 * matched to and how, and per reason the cells or lines left out.
 *
 * @example dataQualityOf(range, {}, cache).skipped.cancelled // 1
 */
export function dataQualityOf(range: Range, settings: ReadSettings, cache: ParseCache, periods?: PeriodPlacement): DataQuality {
  const t = readLines(range, { ...settings, lenient: true }, cache);
  const { matches, quality, columns, rows } = t.columns;
  const fields = PO_SCHEMA.map((field): FieldQuality => {
    const m = matches.get(field.key);
    if (!m) return { field: field.key, values: 0, blank: 0, placeholders: 0, unparseable: 0 };
    const q = quality.get(field.key)!;
    const col = columns.get(field.key)!;
    // Counted over the lines that count: skipped lines' cells are not read.
    let empty = 0;
    let counted = 0;
    for (let r = 0; r < rows; r++) {
      if (t.vendorOf[r]! < 0) continue;
      counted++;
      const v = col[r];
      if (v === "" || (typeof v === "number" && v !== v)) empty++;
    }
    return {
      field: field.key,
      match: { header: m.header, how: m.how },
      values: counted - empty,
      blank: empty - q.placeholders - q.unparseable,
      placeholders: q.placeholders,
      unparseable: q.unparseable,
      ...(q.dateOrder ? { dateOrder: q.dateOrder } : {}),
      ...(q.decimalComma ? { decimalComma: q.decimalComma } : {}),
      ...(q.commaCells ? { commaCells: q.commaCells } : {}),
    };
  });
  const first = t.columns.first;
  const counted = rows - t.skipped.blankVendor - t.skipped.totals - t.skipped.cancelled - blankRows(range, first);
  const base = { fields, titleRows: first - 1, lines: rows, skipped: t.skipped, counted, vendors: t.vendors.size };
  return periods ? { ...base, noPeriodDate: withoutPeriodDate(t, periods) } : base;
}

/**
 * Counted lines with no date to place them in a period: no `period_by` date, or none of the
 * promised, delivered and order dates. A promised date made by `promised_days` is the order date's.
 */
function withoutPeriodDate(t: LineTable, p: PeriodPlacement): number {
  const col = (f: PoField) => t.num(f);
  const promisedFrom = p.promisedDays !== undefined && !col("promised") ? col("order_date") : col("promised");
  const fields = p.by === undefined ? [promisedFrom, col("delivered"), col("order_date")] : [p.by === "promised" ? promisedFrom : col(p.by)];
  const have = fields.filter((c): c is Float64Array => c !== undefined);
  let n = 0;
  for (let r = 0; r < t.vendorOf.length; r++) if (t.vendorOf[r]! >= 0 && !have.some((c) => c[r] === c[r])) n++;
  return n;
}

/** The note on a field's row: how numeric dates and decimal commas were read. */
export function dateOrderNote(q: Pick<FieldQuality, "dateOrder" | "decimalComma" | "commaCells">): string {
  const notes: string[] = [];
  if (q.dateOrder) {
    notes.push(q.dateOrder.from === "values" ? `numeric dates read as ${q.dateOrder.order} (shown by the values)` : `numeric dates are ambiguous: read as ${q.dateOrder.order} (date_order setting; default MDY)`);
  }
  if (q.decimalComma) notes.push("decimal commas: every number text in the column has one (1.234,56 read as 1234.56)");
  if (q.commaCells) notes.push(`${q.commaCells} unparseable cells have a decimal comma while other cells do not: add a setting row "decimal, comma"`);
  return notes.join("; ");
}

/**
 * {@link dataQualityOf} as the grid VENDORDATAQUALITY spills.
 *
 * @example dataQuality(range, {}, cache) // [["Field", "Header", ...], ["vendor", "Supplier", "alias", 777, 0, 0, 0, ""], ...]
 */
export function dataQuality(range: Range, settings: ReadSettings, cache: ParseCache, periods?: PeriodPlacement): ResultGrid {
  const dq = dataQualityOf(range, settings, cache, periods);
  const grid: ResultGrid = [["Field", "Header", "Matched by", "Values", "Blank", "Placeholders", "Unparseable", "Note"]];
  for (const q of dq.fields) {
    if (!q.match) {
      const aliases = PO_SCHEMA.find((f) => f.key === q.field)!.aliases;
      grid.push([q.field, "not found", "", 0, 0, 0, 0, `head a column ${aliases.slice(0, 3).map((a) => `"${a}"`).join(" or ")}, or add a mapping row "${q.field}, <header>"`]);
      continue;
    }
    grid.push([q.field, q.match.header, q.match.how === "mapping" ? "mapping row" : "alias", q.values, q.blank, q.placeholders, q.unparseable, dateOrderNote(q)]);
  }
  grid.push(["title rows", "", "", dq.titleRows, "", "", "", dq.titleRows ? `rows above the header (row ${dq.titleRows + 1} of the range) are left out` : "the header is the range's first row"]);
  grid.push(["lines", "", "", dq.lines, "", "", "", "rows under the header"]);
  grid.push(["skipped: blank vendor", "", "", dq.skipped.blankVendor, "", "", "", "lines with no vendor are left out"]);
  grid.push(["skipped: total rows", "", "", dq.skipped.totals, "", "", "", "rows whose vendor is Total, Grand total, Subtotal or Sum are left out"]);
  grid.push(["skipped: cancelled", "", "", dq.skipped.cancelled, "", "", "", "cancelled / canceled / void lines are left out of every KPI and of spend"]);
  if (dq.noPeriodDate !== undefined) {
    const date = periods?.by === undefined ? "promised, delivered or order date" : periods.by.replace("_", " ");
    grid.push(["no period date", "", "", dq.noPeriodDate, "", "", "", `counted lines with no ${date}: in no period, so left out of every period's KPIs`]);
  }
  grid.push(["counted", "", "", dq.counted, "", "", "", `${dq.vendors} vendors`]);
  return grid;
}

function blankRows(range: Range, first: number): number {
  let n = 0;
  for (let r = first; r < range.length; r++) if (range[r]!.every((c) => c === null || c === undefined || c === "")) n++;
  return n;
}
