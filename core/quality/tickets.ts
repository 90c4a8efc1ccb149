import { isBlank } from "../cell/blank";
import { quote } from "../cell/error";
import type { Range, ResultCell, ResultGrid } from "../cell/types";
import type { MatchHow } from "../table/match";
import { headerRowOf, parseColumns, type ReadSettings } from "../table/read";
import { normalizeHeader, TICKET_SCHEMA, type FieldSpec, type TicketField } from "../table/schema";
import { VendorIndex } from "../table/vendors";
import { dateOrderNote, type FieldQuality } from "./report";

/** What reading one ticket field found, over the rows that hold anything. */
export interface TicketFieldQuality {
  readonly field: TicketField;
  readonly required: boolean;
  /** The column's header and how it was matched; undefined when the range has no such column. */
  readonly match?: { readonly header: string; readonly how: MatchHow };
  readonly values: number;
  readonly blank: number;
  /** Text without a digit (`?`, `N/A`) in an optional time column: read as blank. */
  readonly placeholders: number;
  /** Time cells that are no date-time; in the required opened column, placeholders too (such a ticket cannot be judged). */
  readonly unparseable: number;
  readonly dateOrder?: NonNullable<FieldQuality["dateOrder"]>;
}

/**
 * Why a vendor column cannot tell vendors apart: every row blank, or one value on every row
 * (an export's literal `vendor` column of `?`).
 */
export type VendorFlag =
  | { readonly kind: "blank"; readonly header: string }
  | { readonly kind: "single"; readonly header: string; readonly value: string };

/** What the SLA functions will read from a ticket range, as data. */
export interface TicketQuality {
  readonly fields: readonly TicketFieldQuality[];
  /** Rows under the header that hold anything. */
  readonly rows: number;
  /** Distinct ticket ids (an event log repeats them); rows without an id count one each. */
  readonly tickets: number;
  readonly vendors: number;
  readonly vendorFlag?: VendorFlag;
  /** Headers of other columns that might name the vendors (group, team, company, supplier...), for the note. */
  readonly vendorCandidates: readonly string[];
}

// Only the vendor column is needed to read a ticket range at all; the report shows the other
// required fields as "not found" rather than failing on them, and counts them as required.
const SCHEMA = TICKET_SCHEMA.map((f): FieldSpec<TicketField> => (f.key === "vendor" ? f : { key: f.key, kind: f.kind, aliases: f.aliases }));
const REQUIRED = new Set<TicketField>(TICKET_SCHEMA.filter((f) => "required" in f && f.required).map((f) => f.key));
const CANDIDATE = /group|team|vendor|supplier|company|provider|contractor/;

/**
 * What the SLA functions will read from a ticket range, before they judge it: each field's
 * column and how it was matched, per field the values, blanks, placeholders and unparseable
 * cells, and a vendor column that cannot tell vendors apart.
 *
 * @example ticketQualityOf([["Number", "Vendor", "Priority", "Opened"], ["INC1", "?", "2 - High", "29-02-2016 01:16"], ["INC2", "?", "3 - Moderate", "01-03-2016 09:00"]], {}).vendorFlag // { kind: "single", header: "Vendor", value: "?" }
 */
export function ticketQualityOf(range: Range, settings: ReadSettings): TicketQuality {
  const t = parseColumns(range, SCHEMA, { ...settings, lenient: true }, { at: headerRowOf(range, SCHEMA, settings) });
  const used: number[] = [];
  for (let r = 0; r < t.rows; r++) if (!range[r + t.first]!.every(isBlank)) used.push(r);

  const fields = SCHEMA.map((spec): TicketFieldQuality => {
    const required = REQUIRED.has(spec.key);
    const m = t.matches.get(spec.key);
    if (!m) return { field: spec.key, required, values: 0, blank: 0, placeholders: 0, unparseable: 0 };
    const col = t.columns.get(spec.key)!;
    const q = t.quality.get(spec.key)!;
    let values = 0;
    for (const r of used) {
      const v = col[r];
      if (typeof v === "string" ? v !== "" : v === v) values++;
    }
    // In the required opened column a `?` is no time at all: the ticket cannot be judged.
    const placeholders = required ? 0 : q.placeholders;
    const unparseable = q.unparseable + (required ? q.placeholders : 0);
    return {
      field: spec.key, required, match: { header: m.header, how: m.how },
      values, blank: used.length - values - placeholders - unparseable, placeholders, unparseable,
      ...(q.dateOrder ? { dateOrder: q.dateOrder } : {}),
    };
  });

  const vendorCol = t.columns.get("vendor") as string[];
  const vendors = new VendorIndex();
  const ids = t.columns.get("ticket") as string[] | undefined;
  const distinct = new Set<string>();
  let unnamed = 0;
  for (const r of used) {
    if (vendorCol[r] !== "") vendors.id(vendorCol[r]!);
    const id = ids?.[r] ?? "";
    if (id === "") unnamed++;
    else distinct.add(id);
  }
  const header = t.matches.get("vendor")!.header;
  const vendorFlag: VendorFlag | undefined =
    used.length === 0 ? undefined
    : vendors.size === 0 ? { kind: "blank", header }
    : vendors.size === 1 && used.length > 1 ? { kind: "single", header, value: vendors.names[0]! }
    : undefined;
  const vendorColumn = t.matches.get("vendor")!.column;
  const vendorCandidates = t.header
    .filter((h, c) => c !== vendorColumn && typeof h === "string" && CANDIDATE.test(normalizeHeader(h)))
    .map((h) => String(h).trim());
  return { fields, rows: used.length, tickets: distinct.size + unnamed, vendors: vendors.size, ...(vendorFlag ? { vendorFlag } : {}), vendorCandidates };
}

/**
 * The note on the vendor row: what is wrong with the column and how to map another; "" when nothing is.
 *
 * @example vendorNote(ticketQualityOf(incidentLog, {})) // 'column "vendor" holds one value, "?", on all 5998 rows, so it cannot tell vendors apart: map the column that names them with a policy row "vendor, assignment_group" ...'
 */
export function vendorNote(q: TicketQuality): string {
  const f = q.vendorFlag;
  if (!f) return "";
  const what = f.kind === "blank" ? `column "${quote(f.header)}" is blank on every row` : `column "${quote(f.header)}" holds one value, "${quote(f.value)}", on all ${q.rows} rows`;
  const example = q.vendorCandidates[0] ?? "<header>";
  const others = q.vendorCandidates.length > 0 ? ` (columns that might: ${q.vendorCandidates.slice(0, 3).map((h) => `"${quote(h)}"`).join(", ")})` : "";
  return `${what}, so it cannot tell vendors apart: map the column that names them with a policy row "vendor, ${quote(example)}"${others}`;
}

/**
 * {@link ticketQualityOf} as the grid SLADATAQUALITY spills.
 *
 * @example ticketQuality(range, {}) // [["Field", "Header", ...], ["vendor", "vendor", "alias", 890, 0, 0, 0, 'column "vendor" holds one value, "?", ...'], ...]
 */
export function ticketQuality(range: Range, settings: ReadSettings): ResultGrid {
  const q = ticketQualityOf(range, settings);
  const grid: ResultGrid = [["Field", "Header", "Matched by", "Values", "Blank", "Placeholders", "Unparseable", "Note"]];
  for (const f of q.fields) {
    const need = f.required ? "required: the SLA functions fail without it; " : "";
    if (!f.match) {
      const aliases = TICKET_SCHEMA.find((s) => s.key === f.field)!.aliases;
      grid.push([f.field, "not found", "", 0, 0, 0, 0, `${need}head a column ${aliases.slice(0, 3).map((a) => `"${a}"`).join(" or ")}, or add a policy row "${f.field}, <header>"`]);
      continue;
    }
    const notes = [f.field === "vendor" ? vendorNote(q) : "", dateOrderNote(f)].filter((n) => n !== "");
    if (f.required && f.field !== "vendor" && f.unparseable > 0) notes.push(`${f.unparseable} rows cannot be judged without a readable ${f.field} time`);
    const row: ResultCell[] = [f.field, f.match.header, f.match.how === "mapping" ? "mapping row" : "alias", f.values, f.blank, f.placeholders, f.unparseable, notes.join("; ")];
    grid.push(row);
  }
  grid.push(["rows", "", "", q.rows, "", "", "", "rows under the header that hold anything"]);
  grid.push(["tickets", "", "", q.tickets, "", "", "", "distinct ticket ids: an event log's rows fold to one state per ticket"]);
  grid.push(["vendors", "", "", q.vendors, "", "", "", q.vendorFlag ? "see the vendor row" : ""]);
  return grid;
}
