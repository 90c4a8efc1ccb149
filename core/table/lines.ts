import type { Range } from "../cell/types";
import { parseCache } from "./cache";
import { parseColumns, type ColumnTable, type ReadSettings } from "./read";
import { PO_SCHEMA, type PoField } from "./schema";
import { VendorIndex } from "./vendors";

const CANCELLED = new Set(["cancelled", "canceled", "void", "voided", "cancel"]);

/** Purchase-order lines read once into typed columns, each line tagged with its vendor. */
export interface LineTable {
  readonly columns: ColumnTable<PoField>;
  /** Vendor id per data row; -1 for a line left out (blank vendor, cancelled). */
  readonly vendorOf: Int32Array;
  readonly vendors: VendorIndex;
  readonly skipped: { readonly blankVendor: number; readonly cancelled: number };
  /** A Float64Array column, or undefined when the range has no such column. */
  num(field: PoField): Float64Array | undefined;
  text(field: PoField): string[] | undefined;
}

/**
 * Reads a range of purchase-order lines. Lines with a blank vendor and cancelled lines
 * (status cancelled / canceled / void) are left out of every KPI and of spend. The table is
 * shared through the parse cache: callers read it and never write to it.
 *
 * @example readLines([["Vendor", "Status"], ["Acme", "open"], ["Beta", "void"]]).vendors.names // ["Acme"]
 */
export function readLines(range: Range, settings: ReadSettings = {}): LineTable {
  // Cached whole (columns and vendor ids), so a repeated call only pays the fingerprint.
  return parseCache.read(range, "lines", settings, () => parseLines(range, settings));
}

function parseLines(range: Range, settings: ReadSettings): LineTable {
  const columns = parseColumns(range, PO_SCHEMA, settings);
  const vendorCol = columns.columns.get("vendor") as string[];
  const statusCol = columns.columns.get("status") as string[] | undefined;
  const vendors = new VendorIndex();
  const vendorOf = new Int32Array(columns.rows);
  let blankVendor = 0;
  let cancelled = 0;
  for (let r = 0; r < columns.rows; r++) {
    const v = vendorCol[r]!;
    if (v === "") {
      // A row with nothing in it is the tail of a selection, not a line with a blank vendor.
      if (range[r + 1]!.some((c) => c !== null && c !== undefined && c !== "")) blankVendor++;
      vendorOf[r] = -1;
    } else if (statusCol && statusCol[r] !== "" && CANCELLED.has(statusCol[r]!.toLowerCase())) {
      cancelled++;
      vendorOf[r] = -1;
    } else {
      vendorOf[r] = vendors.id(v);
    }
  }
  return {
    columns,
    vendorOf,
    vendors,
    skipped: { blankVendor, cancelled },
    num: (f) => columns.columns.get(f) as Float64Array | undefined,
    text: (f) => columns.columns.get(f) as string[] | undefined,
  };
}
