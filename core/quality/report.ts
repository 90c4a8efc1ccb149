import type { Range, ResultGrid } from "../cell/types";
import type { ReadSettings } from "../table/read";
import { readLines } from "../table/lines";
import { PO_SCHEMA } from "../table/schema";

/**
 * What the scorecard will count in a range, before it counts it: each field, the column it
 * was matched to and how, and per reason the cells or lines left out.
 *
 * @example dataQuality(range, {}) // [["Field", "Header", ...], ["vendor", "Supplier", "alias", 777, 0, 0, 0, ""], ...]
 */
export function dataQuality(range: Range, settings: ReadSettings): ResultGrid {
  const t = readLines(range, { ...settings, lenient: true });
  const { matches, quality, columns, rows } = t.columns;
  // Values, Blank, Placeholders and Unparseable count cells of the lines that are counted
  // (not those of blank-vendor or cancelled lines), so they add up to the "counted" row.
  const grid: ResultGrid = [["Field", "Header", "Matched by", "Values", "Blank", "Placeholders", "Unparseable", "Note"]];
  for (const field of PO_SCHEMA) {
    const m = matches.get(field.key);
    if (!m) {
      grid.push([field.key, "not found", "", 0, 0, 0, 0, `head a column ${field.aliases.slice(0, 3).map((a) => `"${a}"`).join(" or ")}, or add a mapping row "${field.key}, <header>"`]);
      continue;
    }
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
    const blank = empty - q.placeholders - q.unparseable;
    let note = "";
    if (q.dateOrder) {
      note = q.dateOrder.from === "values" ? `numeric dates read as ${q.dateOrder.order} (shown by the values)` : `numeric dates are ambiguous: read as ${q.dateOrder.order} (date_order setting; default MDY)`;
    }
    grid.push([field.key, m.header, m.how === "mapping" ? "mapping row" : "alias", counted - empty, blank, q.placeholders, q.unparseable, note]);
  }
  grid.push(["lines", "", "", rows, "", "", "", "rows under the header"]);
  grid.push(["skipped: blank vendor", "", "", t.skipped.blankVendor, "", "", "", "lines with no vendor are left out"]);
  grid.push(["skipped: cancelled", "", "", t.skipped.cancelled, "", "", "", "cancelled / canceled / void lines are left out of every KPI and of spend"]);
  grid.push(["counted", "", "", rows - t.skipped.blankVendor - t.skipped.cancelled - blankRows(range), "", "", "", `${t.vendors.size} vendors`]);
  return grid;
}

function blankRows(range: Range): number {
  let n = 0;
  for (let r = 1; r < range.length; r++) if (range[r]!.every((c) => c === null || c === undefined || c === "")) n++;
  return n;
}
