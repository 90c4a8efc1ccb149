/**
 * Vendor names that a spreadsheet would enter as formulas if a report wrote them raw (`=`, `+`,
 * `-` after a space, and `@`, which some programs take as a formula), in place of four of the
 * sample's vendors; Evergreen Packaging keeps its name.
 */
export const FORMULA_LIKE: Readonly<Record<string, string>> = {
  "Acme Metals": '=HYPERLINK("http://x","y")',
  "Birch Logistics": "+1",
  "Cobalt Components": "@sum",
  "Delta Plastics": " -x",
};

/** The names as a report lists them: the core trims what it reads. */
export const REPORTED_NAMES = ['=HYPERLINK("http://x","y")', "+1", "@sum", "-x", "Evergreen Packaging"];

/** Sample rows (header first) with the vendor column renamed; `typed` is how the cell text is entered (Sheets: an apostrophe). */
export function withFormulaLikeVendors(rows: string[][], column: number, typed: (name: string) => string = (n) => n): string[][] {
  return rows.map((row, r) => (r === 0 || FORMULA_LIKE[row[column]!] === undefined ? row : row.map((v, c) => (c === column ? typed(FORMULA_LIKE[v]!) : v))));
}
