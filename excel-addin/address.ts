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
