/**
 * The state of an in-memory workbook: sheets of cells with values, number formats and fills,
 * conditional formats, charts, tables and names. Plain data; the Office.js facade in api.ts
 * reads and changes it only while a batch is synced.
 */
export type Cell = number | string | boolean;

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface ColorScaleModel {
  type: "ColorScale";
  rect: Rect;
  criteria: { minimum: { color: string }; midpoint?: { color: string }; maximum: { color: string } } | null;
}

export interface CustomRuleModel {
  type: "Custom";
  rect: Rect;
  formula: string;
  fill: string;
  fontColor: string;
}

export type ConditionalFormatModel = ColorScaleModel | CustomRuleModel;

export interface ChartModel {
  name: string;
  type: string;
  seriesBy: string;
  source: Rect;
  title: string;
  legendVisible: boolean;
  anchor: string;
}

export interface SheetModel {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  values: Cell[][];
  formats: string[][];
  fills: string[][];
  fontColors: string[][];
  bold: boolean[][];
  conditionalFormats: ConditionalFormatModel[];
  charts: ChartModel[];
  frozenRows: number;
  columnWidths: number[];
  tabColor: string;
}

export interface TableModel {
  name: string;
  sheetId: string;
  rect: Rect;
}

export interface NameModel {
  name: string;
  sheetId: string;
  rect: Rect;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  tables: TableModel[];
  names: NameModel[];
  selection: { sheetId: string; rect: Rect };
  activeSheetId: string;
  nextId: number;
  syncCount: number;
  /** Syncs of each finished `Excel.run`, in the order they finished. */
  runSyncs: number[];
  startupBehavior: string;
}

export function createWorkbook(): WorkbookModel {
  return { sheets: [], tables: [], names: [], selection: { sheetId: "", rect: { r0: 0, c0: 0, r1: 0, c1: 0 } }, activeSheetId: "", nextId: 1, syncCount: 0, runSyncs: [], startupBehavior: "None" };
}

export function addSheet(wb: WorkbookModel, name: string): SheetModel {
  if (findSheet(wb, name)) throw officeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  const id = `{${String(wb.nextId++).padStart(8, "0")}-0000-4000-8000-000000000000}`;
  const s: SheetModel = { id, name, visibility: "Visible", values: [], formats: [], fills: [], fontColors: [], bold: [], conditionalFormats: [], charts: [], frozenRows: 0, columnWidths: [], tabColor: "" };
  wb.sheets.push(s);
  if (!wb.activeSheetId) {
    wb.activeSheetId = id;
    wb.selection = { sheetId: id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
  }
  return s;
}

/** By name (any case) or id, as `worksheets.getItem` takes either. */
export function findSheet(wb: WorkbookModel, key: string): SheetModel | undefined {
  return wb.sheets.find((s) => s.id === key) ?? wb.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase());
}

export function officeError(code: string, message: string): Error & { code: string } {
  const e = new Error(message) as Error & { code: string };
  e.name = "RichApi.Error";
  e.code = code;
  return e;
}

function layer<T>(grid: T[][], r: number, fill: T): T[] {
  while (grid.length <= r) grid.push([]);
  return grid[r]!;
}

export function getCell<T>(grid: T[][], r: number, c: number, empty: T): T {
  const v = grid[r]?.[c];
  return v === undefined ? empty : v;
}

function setCell<T>(grid: T[][], r: number, c: number, v: T, empty: T): void {
  const row = layer(grid, r, empty);
  while (row.length < c) row.push(empty);
  row[c] = v;
}

/** The used area: the smallest rect holding every non-empty value (or any format, unless valuesOnly). */
export function usedRect(s: SheetModel, valuesOnly: boolean): Rect | null {
  let r1 = -1, c1 = -1, r0 = Infinity, c0 = Infinity;
  const scan = (grid: unknown[][], empty: unknown) => grid.forEach((row, r) => row.forEach((v, c) => {
    if (v === empty || v === undefined) return;
    r0 = Math.min(r0, r); c0 = Math.min(c0, c); r1 = Math.max(r1, r); c1 = Math.max(c1, c);
  }));
  scan(s.values, "");
  if (!valuesOnly) {
    scan(s.formats, "General");
    scan(s.fills, "");
  }
  return r1 < 0 ? null : { r0, c0, r1, c1 };
}

/** The whole sheet as a rect: what `worksheet.getRange()` without an address means. */
export const WHOLE_SHEET: Rect = { r0: 0, c0: 0, r1: 1_048_575, c1: 16_383 };

export function readValues(s: SheetModel, rect: Rect): Cell[][] {
  const out: Cell[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row: Cell[] = [];
    for (let c = rect.c0; c <= rect.c1; c++) row.push(getCell(s.values, r, c, ""));
    out.push(row);
  }
  return out;
}

export function readFormats(s: SheetModel, rect: Rect): string[][] {
  const out: string[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row: string[] = [];
    for (let c = rect.c0; c <= rect.c1; c++) row.push(getCell(s.formats, r, c, "General"));
    out.push(row);
  }
  return out;
}

function each(rect: Rect, f: (r: number, c: number) => void): void {
  for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) f(r, c);
}

/** Writes a 2D block that must match the rect's size, as Office.js insists. */
export function writeBlock<T>(s: SheetModel, rect: Rect, grid: unknown, which: "values" | "formats", empty: T): void {
  const rows = rect.r1 - rect.r0 + 1, cols = rect.c1 - rect.c0 + 1;
  const g = grid as unknown[][];
  if (!Array.isArray(g) || g.length !== rows || g.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw officeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows} x ${cols}).`);
  }
  const target = which === "values" ? s.values : s.formats;
  each(rect, (r, c) => {
    let v = g[r - rect.r0]![c - rect.c0];
    if (v === null || v === undefined) v = empty;
    setCell(target as unknown[][], r, c, v, empty);
  });
}

export function fillRect(grid: unknown[][], rect: Rect, v: unknown, empty: unknown): void {
  each(clip(grid, rect), (r, c) => setCell(grid, r, c, v, empty));
}

/** Keeps whole-sheet operations to the rows that exist, plus the rect if it is small. */
function clip(grid: unknown[][], rect: Rect): Rect {
  if (rect !== WHOLE_SHEET) return rect;
  const rows = Math.max(grid.length, 1);
  const cols = Math.max(1, ...grid.map((r) => r.length));
  return { r0: 0, c0: 0, r1: rows - 1, c1: cols - 1 };
}

export function clearRect(s: SheetModel, rect: Rect, what: "All" | "Contents" | "Formats"): void {
  const whole = rect === WHOLE_SHEET;
  if (what !== "Formats") {
    if (whole) s.values = [];
    else fillRect(s.values, rect, "", "");
  }
  if (what !== "Contents") {
    if (whole) {
      s.formats = []; s.fills = []; s.fontColors = []; s.bold = [];
    } else {
      fillRect(s.formats, rect, "General", "General");
      fillRect(s.fills, rect, "", "");
      fillRect(s.fontColors, rect, "", "");
      fillRect(s.bold, rect, false, false);
    }
  }
}

// ---- addresses ----

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function colLetters(i: number): string {
  let n = i + 1, s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** `A1`, `B2:D10`, `A:B` (whole columns) or `3:5` (whole rows). */
export function parseRect(address: string): Rect {
  const a = address.replace(/\$/g, "").trim().toUpperCase();
  const cell = /^([A-Z]+)(\d+)$/;
  const [p, q = p] = a.split(":") as [string, string?];
  const m1 = cell.exec(p), m2 = cell.exec(q!);
  if (m1 && m2) {
    const r = { r0: Number(m1[2]) - 1, c0: colIndex(m1[1]!), r1: Number(m2[2]) - 1, c1: colIndex(m2[1]!) };
    return { r0: Math.min(r.r0, r.r1), c0: Math.min(r.c0, r.c1), r1: Math.max(r.r0, r.r1), c1: Math.max(r.c0, r.c1) };
  }
  if (/^[A-Z]+$/.test(p) && /^[A-Z]+$/.test(q!)) return { r0: 0, c0: colIndex(p), r1: WHOLE_SHEET.r1, c1: colIndex(q!) };
  if (/^\d+$/.test(p) && /^\d+$/.test(q!)) return { r0: Number(p) - 1, c0: 0, r1: Number(q) - 1, c1: WHOLE_SHEET.c1 };
  throw officeError("InvalidArgument", `"${address}" is not a valid range address.`);
}

export function rectAddress(r: Rect): string {
  const a = `${colLetters(r.c0)}${r.r0 + 1}`, b = `${colLetters(r.c1)}${r.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

/** Excel's form: `Sheet1!A1:B2`, or `'PO lines'!A1:B2` when the name needs quotes. */
export function fullAddress(sheet: string, r: Rect): string {
  const name = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${rectAddress(r)}`;
}

export { setCell };
