/**
 * The state of an in-memory workbook: sheets of cells with values, formulas, number formats and
 * fills, conditional formats, charts, tables and names. Plain data; the Office.js facade in api.ts
 * reads and changes it only while a batch is synced, within the limits in limits.ts.
 */
import { MAX_CELL_CHARS, sheetNameProblem } from "./limits";

export type Cell = number | string | boolean;

/**
 * What a formula cell holds as its value. The workbook has no calculation engine, so a formula
 * reads back as Excel's "cannot calculate" error rather than as a result or as its own text.
 */
export const NOT_CALCULATED = "#CALC!";

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

/** One series of a chart: the cells it reads (on the chart's sheet) and how it is drawn. */
export interface SeriesModel {
  name: string;
  values: Rect;
  /** Categories (bar, line) or x values (scatter); null = 1, 2, 3... */
  xValues: Rect | null;
  chartType: string;
  axisGroup: "Primary" | "Secondary";
  /** Per point (0 = first value), the fill set on it ("" = the series colour). */
  pointColors: string[];
  /** Per point, the data label shown ("" = none). */
  pointLabels: string[];
}

export interface ChartModel {
  name: string;
  type: string;
  seriesBy: string;
  source: Rect;
  title: string;
  legendVisible: boolean;
  anchor: string;
  series: SeriesModel[];
  /** Axis titles by axis: "category", "value", "value2" (the secondary value axis). */
  axisTitles: Record<string, string>;
  /** Categories drawn last-to-first (`categoryAxis.reversePlotOrder`). */
  reversePlotOrder: boolean;
  /** Excel's default: cells in hidden rows and columns are not plotted. */
  plotVisibleOnly: boolean;
}

export interface SheetModel {
  id: string;
  /** Worksheet custom properties (ExcelApi 1.12), key -> value. */
  customProperties?: Record<string, string>;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  values: Cell[][];
  /** The formula of each formula cell ("" elsewhere); its value is NOT_CALCULATED. */
  formulas: string[][];
  formats: string[][];
  fills: string[][];
  fontColors: string[][];
  bold: boolean[][];
  conditionalFormats: ConditionalFormatModel[];
  charts: ChartModel[];
  frozenRows: number;
  columnWidths: number[];
  /** Columns hidden (`range.columnHidden = true`), by index. */
  hiddenColumns: boolean[];
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
  /** The largest request (writes and loads sent by one sync) and response (values it returned) so far, in bytes. */
  largestRequestBytes: number;
  largestResponseBytes: number;
  startupBehavior: string;
}

export function createWorkbook(): WorkbookModel {
  return { sheets: [], tables: [], names: [], selection: { sheetId: "", rect: { r0: 0, c0: 0, r1: 0, c1: 0 } }, activeSheetId: "", nextId: 1, syncCount: 0, runSyncs: [], largestRequestBytes: 0, largestResponseBytes: 0, startupBehavior: "None" };
}

/** Refuses a name Excel would refuse for a new or renamed sheet (`self` is the sheet being renamed). */
export function checkSheetName(wb: WorkbookModel, name: string, self?: SheetModel): void {
  const problem = sheetNameProblem(name);
  if (problem) throw officeError("InvalidArgument", problem);
  const other = wb.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (other && other !== self) throw officeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
}

export function addSheet(wb: WorkbookModel, name: string): SheetModel {
  checkSheetName(wb, name);
  const id = `{${String(wb.nextId++).padStart(8, "0")}-0000-4000-8000-000000000000}`;
  const s: SheetModel = { id, name, visibility: "Visible", values: [], formulas: [], formats: [], fills: [], fontColors: [], bold: [], conditionalFormats: [], charts: [], frozenRows: 0, columnWidths: [], hiddenColumns: [], tabColor: "" };
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

/**
 * What Excel makes of a value written through `range.values`, as if it were typed: text that
 * starts with `=`, or with `+` or `-` and is not a number, is a formula ("If the returned value
 * starts with a plus, minus, or equal sign, Excel interprets this value as a formula":
 * `Excel.Range.values`, @types/office-js); `+1` is the number 1; a leading apostrophe is Excel's
 * quote prefix, which stores the rest as text and is not part of the value. Other text (numbers,
 * dates) is kept as written: the workbook does not parse it. Text over 32,767 characters is refused.
 *
 * @example enteredCell("=1+1") // { value: "#CALC!", formula: "=1+1" }
 * @example enteredCell("'=1+1") // { value: "=1+1", formula: "" }
 */
export function enteredCell(v: unknown): { value: Cell; formula: string } {
  if (typeof v !== "string") return { value: v as Cell, formula: "" };
  if (v.startsWith("'")) return { value: checkedText(v.slice(1)), formula: "" };
  checkedText(v);
  if (v.startsWith("=")) return { value: NOT_CALCULATED, formula: v };
  if (/^[+-]./s.test(v)) {
    if (/^[+-]\d+(\.\d+)?$/.test(v)) return { value: Number(v), formula: "" };
    return { value: NOT_CALCULATED, formula: `=${v}` };
  }
  return { value: v, formula: "" };
}

function checkedText(text: string): string {
  if (text.length > MAX_CELL_CHARS) {
    throw officeError("InvalidArgument", `A cell can hold at most ${MAX_CELL_CHARS.toLocaleString("en-US")} characters; this text has ${text.length.toLocaleString("en-US")}.`);
  }
  return text;
}

/** Writes a 2D block that must match the rect's size, as Office.js insists; values are entered as typed (enteredCell). */
export function writeBlock<T>(s: SheetModel, rect: Rect, grid: unknown, which: "values" | "formats", empty: T): void {
  const rows = rect.r1 - rect.r0 + 1, cols = rect.c1 - rect.c0 + 1;
  const g = grid as unknown[][];
  if (!Array.isArray(g) || g.length !== rows || g.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw officeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows} x ${cols}).`);
  }
  if (which === "formats") {
    each(rect, (r, c) => {
      const v = g[r - rect.r0]![c - rect.c0];
      setCell(s.formats as unknown[][], r, c, v === null || v === undefined ? empty : v, empty);
    });
    return;
  }
  // Every cell is checked before any is written: Excel refuses the whole write.
  const entered = g.map((row) => row.map((v) => (v === null || v === undefined ? { value: "" as Cell, formula: "" } : enteredCell(v))));
  each(rect, (r, c) => {
    const e = entered[r - rect.r0]![c - rect.c0]!;
    setCell(s.values, r, c, e.value, "");
    if (e.formula || getCell(s.formulas, r, c, "")) setCell(s.formulas, r, c, e.formula, "");
  });
}

/** Formulas where a cell has one, values elsewhere: what `range.formulas` reads. */
export function readFormulas(s: SheetModel, rect: Rect): Cell[][] {
  return readValues(s, rect).map((row, i) => row.map((v, j) => getCell(s.formulas, rect.r0 + i, rect.c0 + j, "") || v));
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
    if (whole) {
      s.values = []; s.formulas = [];
    } else {
      fillRect(s.values, rect, "", "");
      fillRect(s.formulas, rect, "", "");
    }
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
