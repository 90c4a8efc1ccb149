import { parseDateText } from "../cell/date";
import { parseNumber } from "../cell/number";
import type { ResultCell, ResultGrid } from "../cell/types";

/** What a spreadsheet may run as a formula (`=`, `+`, `-`, `@` once trimmed) or take as its quote prefix (`'`). */
const NEEDS_PREFIX = /^(?:\s*[=+\-@]|')/;
/** A year and month (`2025-03`, a period's label), which both hosts enter as that month's first day. */
const YEAR_MONTH = /^\s*\d{4}-\d{1,2}\s*$/;

/**
 * Text a spreadsheet would enter as a number or a date (`2025`, `98%`, `2025-03`, `2025-03-31`):
 * a report's text (a period label, a ticket id) must stay the text it is.
 */
function readsAsValue(v: string): boolean {
  return v.trim() !== "" && (Number.isFinite(parseNumber(v)) || YEAR_MONTH.test(v) || !Number.isNaN(parseDateText(v)));
}

/**
 * A cell made safe to write into a report sheet: text from the data that a spreadsheet would
 * enter as a formula gets a leading apostrophe, so it is written as text; numbers (negative
 * ones too) and booleans pass unchanged.
 *
 * Why an apostrophe: both hosts enter a written value as if it were typed (Excel's
 * `Range.values` and the Office Script's `setValues`: "If the value starts with a plus, minus, or
 * equal sign, Excel interprets this value as a formula"; Sheets' `setValues` parses like typing,
 * "=1+2" becomes a formula), and both take a leading apostrophe as the quote prefix: the cell
 * holds and shows exactly the rest, as text, and the apostrophe is not part of its value. It is a
 * property of the value alone. The other documented way, the text number format `@` set before
 * the value, depends on write order and stays on the cell: the Office Script clears contents only,
 * so a cell an earlier run formatted as text would turn a later number into text. Text that
 * itself starts with an apostrophe gets one too, or the host would take it as the prefix and drop
 * it. Leading spaces are trimmed before the test because some programs trim before they parse.
 * Text that the host would enter as a number or a date (`2025`, `2025-03`: period labels) gets
 * one too, so a label stays a label.
 *
 * @example safeText('=HYPERLINK("http://x","y")') // `'=HYPERLINK("http://x","y")`, shown as the vendor's name
 * @example safeText(" -x") // "' -x"
 * @example safeText(-3) // -3: a number stays a number
 */
export function safeText(v: ResultCell): ResultCell {
  return typeof v === "string" && (NEEDS_PREFIX.test(v) || readsAsValue(v)) ? `'${v}` : v;
}

/**
 * Every cell of a grid through safeText: what a renderer writes into a report sheet.
 *
 * @example safeGrid([["Vendor", "Score"], ["@sum", -1]]) // [["Vendor", "Score"], ["'@sum", -1]]
 */
export function safeGrid(grid: ResultGrid): ResultGrid {
  return grid.map((row) => row.map(safeText));
}
