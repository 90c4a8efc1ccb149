import type { Range } from "../cell/types";
import type { ParseCache } from "./cache";
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
 * @example readLines([["Vendor", "Status"], ["Acme", "open"], ["Beta", "void"]], {}, new ParseCache()).vendors.names // ["Acme"]
 */
export function readLines(range: Range, settings: ReadSettings, cache: ParseCache): LineTable {
  // Cached whole (columns and vendor ids), so a repeated call only pays the cache check.
  return cache.read(range, "lines", settings, () => parseLines(range, settings));
}

function parseLines(range: Range, settings: ReadSettings): LineTable {
  const vendors = new VendorIndex();
  const vendorOf = new Int32Array(Math.max(0, range.length - 1));
  let blankVendor = 0;
  let cancelled = 0;
  // The lines left out are chosen from the vendor and status columns before any other cell is read.
  const columns = parseColumns(range, PO_SCHEMA, settings, (text) => {
    const vendorCol = text.get("vendor") as string[];
    const statusCol = text.get("status") as string[] | undefined;
    const skip = new Uint8Array(vendorOf.length);
    for (let r = 0; r < vendorOf.length; r++) {
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
        // A name of only invisible characters (a zero-width space) is a blank vendor.
        if (vendorOf[r]! < 0) blankVendor++;
      }
      skip[r] = vendorOf[r]! < 0 ? 1 : 0;
    }
    return skip;
  });
  return {
    columns,
    vendorOf,
    vendors,
    skipped: { blankVendor, cancelled },
    num: (f) => columns.columns.get(f) as Float64Array | undefined,
    text: (f) => columns.columns.get(f) as string[] | undefined,
  };
}
