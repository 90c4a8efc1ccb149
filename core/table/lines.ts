import type { Range } from "../cell/types";
import type { ParseCache } from "./cache";
import { headerRowOf, parseColumns, type ColumnTable, type ReadSettings } from "./read";
import { PO_SCHEMA, type PoField } from "./schema";
import { BLANK_VENDOR, TOTAL_ROW, VendorIndex } from "./vendors";

const CANCELLED = new Set(["cancelled", "canceled", "void", "voided", "cancel"]);

/** Purchase-order lines read once into typed columns, each line tagged with its vendor. */
export interface LineTable {
  readonly columns: ColumnTable<PoField>;
  /** Vendor id per data row; -1 for a line left out (blank vendor, total row, cancelled). */
  readonly vendorOf: Int32Array;
  readonly vendors: VendorIndex;
  readonly skipped: { readonly blankVendor: number; readonly totals: number; readonly cancelled: number };
  /** A Float64Array column, or undefined when the range has no such column or the report did not ask for it. */
  num(field: PoField): Float64Array | undefined;
  text(field: PoField): string[] | undefined;
}

/**
 * Reads a range of purchase-order lines. The header is the first of the top rows that holds a
 * vendor header (or the `header_row` setting's row); rows above it are titles. Lines with a blank
 * vendor, totals rows (vendor `Total`, `Grand total:`...) and cancelled lines (status cancelled /
 * canceled / void) are left out of every KPI and of spend. With `settings.fields`, only those
 * columns are read (vendor and status always). The table is shared through the parse cache:
 * callers read it and never write to it.
 *
 * @example readLines([["Vendor", "Status"], ["Acme", "open"], ["Beta", "void"]], {}, new ParseCache()).vendors.names // ["Acme"]
 */
export function readLines(range: Range, settings: ReadSettings, cache: ParseCache): LineTable {
  const read = settings.fields && !settings.fields.has("status") ? { ...settings, fields: new Set([...settings.fields, "status"]) } : settings;
  // Cached whole (columns and vendor ids), so a repeated call only pays the cache check.
  return cache.read(range, "lines", read, () => parseLines(range, read));
}

function parseLines(range: Range, settings: ReadSettings): LineTable {
  const vendors = new VendorIndex({ totals: true });
  const at = headerRowOf(range, PO_SCHEMA, settings);
  const first = Math.max(at, 0) + 1;
  const vendorOf = new Int32Array(Math.max(0, range.length - first));
  let blankVendor = 0;
  let totals = 0;
  let cancelled = 0;
  // The lines left out are chosen from the vendor and status columns before any other cell is read.
  const columns = parseColumns(
    range,
    PO_SCHEMA,
    settings,
    {
      skip: (text) => {
        const vendorCol = text.get("vendor") as string[];
        const statusCol = text.get("status") as string[] | undefined;
        const skip = new Uint8Array(vendorOf.length);
        for (let r = 0; r < vendorOf.length; r++) {
          const v = vendorCol[r]!;
          const out = statusCol && statusCol[r] !== "" && CANCELLED.has(statusCol[r]!.toLowerCase());
          // A cancelled line's vendor is not registered: a vendor with only cancelled lines is no vendor.
          const id = v === "" ? BLANK_VENDOR : out ? (vendors.excluded(v) ?? -3) : vendors.id(v);
          if (id === BLANK_VENDOR) {
            // A row with nothing in it is the tail of a selection, not a line with a blank vendor.
            if (range[r + first]!.some((c) => c !== null && c !== undefined && c !== "")) blankVendor++;
            vendorOf[r] = -1;
          } else if (id === TOTAL_ROW) {
            totals++;
            vendorOf[r] = -1;
          } else if (out) {
            cancelled++;
            vendorOf[r] = -1;
          } else {
            vendorOf[r] = id;
          }
          skip[r] = vendorOf[r]! < 0 ? 1 : 0;
        }
        return skip;
      },
      at,
    },
  );
  return {
    columns,
    vendorOf,
    vendors,
    skipped: { blankVendor, totals, cancelled },
    num: (f) => columns.columns.get(f) as Float64Array | undefined,
    text: (f) => columns.columns.get(f) as string[] | undefined,
  };
}
