/** A1 addresses: Excel reports `'PO lines'!A1:P41`; the pane stores sheet and address apart. */

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `A1:L41` for a block of `rows` x `columns` starting at row `top`, column `left` (0-based). */
export function blockAddress(top: number, left: number, rows: number, columns: number): string {
  const a = `${columnLetter(left)}${top + 1}`;
  const b = `${columnLetter(left + columns - 1)}${top + rows}`;
  return a === b ? a : `${a}:${b}`;
}

/** Splits `'Q1 ''data'''!A1:B2` into the sheet name and the local address. */
export function splitAddress(full: string): { sheet: string; address: string } {
  const bang = full.lastIndexOf("!");
  if (bang < 0) return { sheet: "", address: full };
  let sheet = full.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: full.slice(bang + 1) };
}

/** 0-based index of a column's letters: `A` -> 0, `AA` -> 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * The block a local address covers: `B2:D9` -> row 1, column 1, 8 rows, 3 columns. Whole columns
 * (`A:N`) give `rows` undefined: the caller takes them to the sheet's used extent. Undefined for
 * anything else.
 */
export function parseBlock(address: string): { row: number; column: number; rows: number | undefined; columns: number } | undefined {
  const a = address.replace(/\$/g, "").trim().toUpperCase();
  const cols = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
  if (cols) {
    const c0 = columnIndex(cols[1]!), c1 = columnIndex(cols[2]!);
    return { row: 0, column: Math.min(c0, c1), rows: undefined, columns: Math.abs(c1 - c0) + 1 };
  }
  const m = /^([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?$/.exec(a);
  if (!m) return undefined;
  const r0 = Number(m[2]) - 1, c0 = columnIndex(m[1]!);
  const r1 = m[4] === undefined ? r0 : Number(m[4]) - 1, c1 = m[3] === undefined ? c0 : columnIndex(m[3]);
  return { row: Math.min(r0, r1), column: Math.min(c0, c1), rows: Math.abs(r1 - r0) + 1, columns: Math.abs(c1 - c0) + 1 };
}
