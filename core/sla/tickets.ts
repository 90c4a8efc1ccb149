import { quote } from "../cell/error";
import { isBlank } from "../cell/blank";
import { isPlaceholder } from "../cell/number";
import type { Range } from "../cell/types";
import type { ParseCache } from "../table/cache";
import { headerRowOf, parseColumns, readColumnsAt, type ColumnTable, type ReadSettings } from "../table/read";
import { TICKET_SCHEMA, type TicketField } from "../table/schema";
import { VendorIndex } from "../table/vendors";

/** Fields of a ticket, read at its state row only: an event log repeats them on each of its events. */
const TICKET_FIELDS: ReadonlySet<TicketField> = new Set(["vendor", "priority", "opened", "responded", "resolved", "paused_hours"]);

/**
 * Tickets read once into typed columns, an event log folded to one state row per ticket. Event
 * fields (ticket id, updated, status) are read on every data row; a ticket's own fields (vendor,
 * priority, times, paused hours) on its state row only, and are indexed by ticket (slot).
 */
export interface TicketTable {
  readonly columns: ColumnTable<TicketField>;
  readonly vendors: VendorIndex;
  /** Vendor id per ticket; -1 for a blank vendor. */
  readonly vendorOf: Int32Array;
  /** Data rows (0-based) that hold each ticket's state, in the order tickets first appear. */
  readonly state: Int32Array;
  /** Per ticket: the data row of an `updated` cell of that ticket that is not a date, else -1. */
  readonly badUpdated: Int32Array;
  /** Per ticket: its first data row; its other rows follow through {@link TicketTable.nextRow}. */
  readonly firstRow: Int32Array;
  /** Per data row: the next data row of the same ticket, -1 after its last. */
  readonly nextRow: Int32Array;
  /** The range the table came from: read back only to quote a cell in an error message. */
  readonly range: Range;
  /** An event field per data row. */
  num(field: "updated"): Float64Array | undefined;
  text(field: "ticket" | "status"): string[] | undefined;
  /** A ticket field per ticket (slot); undefined when the range has no such column. */
  ticketNum(field: "opened" | "responded" | "resolved" | "paused_hours"): Float64Array | undefined;
  ticketText(field: "vendor" | "priority"): string[] | undefined;
}

/**
 * Reads a ticket range. Times are read leniently (an unreadable cell becomes NaN) so that one bad
 * row is reported on that row instead of failing the table; {@link timeProblem} tells a blank
 * cell from an unreadable one. When a ticket id repeats (an event log), the row with the latest
 * `updated` time is the ticket's state, else the last of its rows. The table is shared through
 * the parse cache: callers read it and never write to it.
 *
 * @example readTickets([["Ticket", "Vendor", "Priority", "Opened"], ["T1", "Acme", "P2", "2025-03-31 09:00"]], {}, new ParseCache()).state // [0]
 */
export function readTickets(range: Range, settings: ReadSettings, cache: ParseCache): TicketTable {
  return cache.read(range, "tickets", settings, () => parseTickets(range, settings));
}

function parseTickets(range: Range, settings: ReadSettings): TicketTable {
  const lenient = { ...settings, lenient: true };
  // Rows above the first with a vendor header are titles, as in a purchase-order export.
  const at = headerRowOf(range, TICKET_SCHEMA, settings);
  const columns = parseColumns(range, TICKET_SCHEMA, lenient, { deferred: TICKET_FIELDS, at });
  const ids = columns.columns.get("ticket") as string[] | undefined;
  const updated = columns.columns.get("updated") as Float64Array | undefined;
  const first = columns.first;
  const problemTable = { columns, range };

  const state: number[] = [];
  const bad: number[] = [];
  const firstRow: number[] = [];
  const lastRow: number[] = [];
  const nextRow = new Int32Array(columns.rows).fill(-1);
  // Built only once an id is not above every id before it: until then no id can have been seen.
  let slot: Map<string, number> | undefined;
  // Logs list a ticket's events together: the row before usually has the same id, and no lookup is
  // needed. Exports sorted by ticket number (INC0000123) never need one: an id above the highest
  // so far is new. Either way each row finds the slot a lookup of every id would give.
  let prevId = "";
  let topId = "";
  let prevAt: number | undefined;
  for (let r = 0; r < columns.rows; r++) {
    const id = ids?.[r] ?? "";
    // A row with nothing in it is the tail of a selection, not a ticket. (Without ticket ids the
    // check stops at a row's first cell that holds something.)
    if (id === "" && range[r + first]!.every(isBlank)) continue;
    const badHere = updated !== undefined && updated[r] !== updated[r] && timeProblem(problemTable, "updated", r) !== undefined ? r : -1;
    let at: number | undefined;
    if (id === "") at = undefined;
    else if (id === prevId) at = prevAt;
    else if (slot === undefined && id > topId) {
      at = undefined;
      topId = id;
    } else {
      slot ??= slotsOf(ids!, firstRow);
      at = slot.get(id);
    }
    prevId = id;
    prevAt = at ?? (id === "" ? undefined : state.length);
    if (at === undefined) {
      if (id !== "") slot?.set(id, state.length);
      state.push(r);
      bad.push(badHere);
      firstRow.push(r);
      lastRow.push(r);
      continue;
    }
    nextRow[lastRow[at]!] = r;
    lastRow[at] = r;
    const cur = state[at]!;
    // Latest `updated` wins; a row with a time beats one without; on a tie the later row wins.
    if (updated === undefined || updated[cur] !== updated[cur] || updated[r]! >= updated[cur]!) state[at] = r;
    if (bad[at] === -1) bad[at] = badHere;
  }
  const stateRows = Int32Array.from(state);
  // Each ticket's own fields, from its state row. Its vendor is the one its state row names, so a
  // vendor named only on a ticket's earlier events has no ticket.
  const own = readColumnsAt(range, columns, TICKET_SCHEMA, lenient, TICKET_FIELDS, stateRows);
  const vendorNames = own.get("vendor") as string[];
  const vendors = new VendorIndex();
  const vendorOf = new Int32Array(stateRows.length);
  let prevVendor = "";
  for (let i = 0; i < stateRows.length; i++) {
    const v = vendorNames[i]!;
    vendorOf[i] = v === "" ? -1 : i > 0 && v === prevVendor ? vendorOf[i - 1]! : vendors.id(v);
    prevVendor = v;
  }
  return {
    columns, vendors, vendorOf, range, state: stateRows, badUpdated: Int32Array.from(bad), firstRow: Int32Array.from(firstRow), nextRow,
    num: (f) => columns.columns.get(f) as Float64Array | undefined,
    text: (f) => columns.columns.get(f) as string[] | undefined,
    ticketNum: (f) => own.get(f) as Float64Array | undefined,
    ticketText: (f) => own.get(f) as string[] | undefined,
  };
}

/** Ticket id -> slot of the tickets found so far (each starts at its first row). */
function slotsOf(ids: readonly string[], firstRow: readonly number[]): Map<string, number> {
  const slot = new Map<string, number>();
  for (let s = 0; s < firstRow.length; s++) {
    const id = ids[firstRow[s]!]!;
    if (id !== "") slot.set(id, s);
  }
  return slot;
}

/**
 * Why a time cell that read as NaN is a problem, or undefined when it is simply blank (or, in
 * an optional column, a placeholder such as `?`).
 *
 * @example timeProblem(table, "resolved", 5) // 'Column "Resolved", row 7 of the range: "31/31/2025" is not a date-time; ...'
 */
export function timeProblem(t: Pick<TicketTable, "columns" | "range">, field: TicketField, r: number): string | undefined {
  const match = t.columns.matches.get(field);
  if (!match) return undefined;
  const row = r + t.columns.first;
  const v = t.range[row]![match.column];
  const required = field === "opened";
  if (isBlank(v)) return required ? `Column "${match.header}", row ${row + 1} of the range: the ${field} time is blank; every ticket needs one.` : undefined;
  if (!required && isPlaceholder(v)) return undefined;
  return `Column "${quote(match.header)}", row ${row + 1} of the range: "${quote(v)}" is not a date-time; write it as a date cell or as text like 2025-03-31 14:30.`;
}
