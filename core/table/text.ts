import { markRowView } from "../cell/blank";
import type { CellValue, Range } from "../cell/types";
import { serialParts, UNIX_EPOCH_SERIAL } from "../cell/date";

/**
 * The cells of an all-text range, such as a CSV file, kept by column in typed arrays. A CSV of a
 * million lines as rows of strings costs ten million string objects, most of them numbers and
 * dates; here a cell whose text is a number written the way JavaScript writes it back (`731.17`,
 * `0`, `-12.5`) is kept as that number and an ISO date (`2025-03-31`) as its serial, each
 * together with a tag that says so, so the text is always exactly recoverable: the table is a
 * lossless store of the texts, and the readers that know it take the typed value where reading
 * the text would give the same value. Any other text is kept as it is, the same text once per
 * column.
 *
 * {@link TextTable.range} shows the table as an ordinary {@link Range} (rows built on demand)
 * for every reader that does not know it; {@link textTableOf} finds the table behind such a range.
 *
 * @example
 * const t = new TextTable();
 * t.addRow(["Vendor", "Qty"]); t.addRow(["Acme", "3"]);
 * t.range()[1] // ["Acme", "3"]
 */
export class TextTable {
  private cols: TextColumn[] = [];
  private widths = new Uint16Array(1024);
  private n = 0;
  private capacity = 1024;

  /** Rows added so far. */
  get rows(): number {
    return this.n;
  }

  /** Makes room for `rows` rows in all, so that a table whose size is known (from a file's size) is not copied as it grows. */
  reserve(rows: number): void {
    if (rows <= this.capacity) return;
    this.capacity = rows;
    const w = new Uint16Array(rows);
    w.set(this.widths);
    this.widths = w;
    for (const c of this.cols) c.resize(rows);
  }

  /** Columns: the widest row's width. */
  get width(): number {
    return this.cols.length;
  }

  /**
   * Adds one row whose field `i` is `text.slice(starts[i], ends[i])`, without cutting out the
   * fields that are numbers or dates. `count` fields are read.
   */
  addFields(text: string, starts: ArrayLike<number>, ends: ArrayLike<number>, count: number): void {
    const r = this.grow();
    count = this.widen(count);
    for (let i = 0; i < count; i++) this.cols[i]!.set(r, text, starts[i]!, ends[i]!);
    this.widths[r] = count;
  }

  /** Adds one row of field texts. */
  addRow(fields: readonly string[]): void {
    const r = this.grow();
    const count = this.widen(fields.length);
    for (let i = 0; i < count; i++) this.cols[i]!.set(r, fields[i]!, 0, fields[i]!.length);
    this.widths[r] = count;
  }

  /** Makes room for `count` columns (at most 65,535); returns how many a row keeps. */
  private widen(count: number): number {
    if (count > 0xffff) count = 0xffff;
    while (this.cols.length < count) this.cols.push(new TextColumn(this.capacity));
    return count;
  }

  /** The text of a cell; `undefined` past the end of its row, as in a ragged range. */
  cell(r: number, c: number): CellValue {
    return c < this.widths[r]! ? this.cols[c]!.text(r) : undefined;
  }

  /** A row's cells as an array. */
  row(r: number): CellValue[] {
    const w = this.widths[r]!;
    const out = new Array<CellValue>(w);
    for (let c = 0; c < w; c++) out[c] = this.cols[c]!.text(r);
    return out;
  }

  /** Column `c` (for the readers that take typed values), or undefined past the widest row. */
  column(c: number): TextColumn | undefined {
    return this.cols[c];
  }

  /** Whether row `r` is at least `c + 1` cells wide. */
  has(r: number, c: number): boolean {
    return c < this.widths[r]!;
  }

  /** The table as a Range: `range[r]` builds row r's array when it is read. */
  range(): Range {
    let view = VIEWS.get(this);
    if (!view) {
      view = rangeView(this);
      VIEWS.set(this, view);
    }
    return view;
  }

  private grow(): number {
    if (this.n === this.capacity) this.reserve(this.capacity * 2);
    return this.n++;
  }
}

/** What a cell's text is, as kept. */
export const enum Tag {
  /** `""`. */
  Blank = 0,
  /** A number whose text is `String(value)`. */
  Number = 1,
  /** A date written `YYYY-MM-DD` (1900-9999, a real day), kept as its serial. */
  IsoDate = 2,
  /** Any other text, kept as it is. */
  Text = 3,
}

/** Texts kept once per column, up to this many; past it each cell keeps its own. */
const SHARED_TEXTS = 4096;

/** One column of a {@link TextTable}. */
export class TextColumn {
  tags: Uint8Array;
  values: Float64Array;
  private texts: (string | undefined)[] | undefined;
  private shared = new Map<string, string>();

  constructor(capacity: number) {
    this.tags = new Uint8Array(capacity);
    this.values = new Float64Array(capacity);
  }

  resize(capacity: number): void {
    const t = new Uint8Array(capacity);
    t.set(this.tags);
    this.tags = t;
    const v = new Float64Array(capacity);
    v.set(this.values);
    this.values = v;
  }

  set(r: number, s: string, a: number, b: number): void {
    if (a >= b) {
      this.tags[r] = Tag.Blank;
      return;
    }
    const n = canonicalNumber(s, a, b);
    if (n === n) {
      this.tags[r] = Tag.Number;
      this.values[r] = n;
      return;
    }
    const d = b - a === 10 ? isoDate(s, a) : NaN;
    if (d === d) {
      this.tags[r] = Tag.IsoDate;
      this.values[r] = d;
      return;
    }
    this.tags[r] = Tag.Text;
    let t = a === 0 && b === s.length ? s : s.slice(a, b);
    const known = this.shared.get(t);
    if (known !== undefined) t = known;
    else if (this.shared.size < SHARED_TEXTS) this.shared.set(t, t);
    (this.texts ??= [])[r] = t;
  }

  /** The cell's text, exactly as it was added. */
  text(r: number): string {
    switch (this.tags[r]) {
      case Tag.Number:
        return String(this.values[r]);
      case Tag.IsoDate:
        return isoText(this.values[r]!);
      case Tag.Text:
        return this.texts![r]!;
      default:
        return "";
    }
  }
}

const VIEWS = new WeakMap<TextTable, Range>();
const TABLES = new WeakMap<object, TextTable>();

/** The table behind a range made by {@link TextTable.range}, else undefined. */
export function textTableOf(range: unknown): TextTable | undefined {
  return typeof range === "object" && range !== null ? TABLES.get(range) : undefined;
}

/** An array-like view: indices and `length` come from the table, every array method works through them. */
function rangeView(table: TextTable): Range {
  const view = new Proxy([] as Range, {
    get(target, key, receiver) {
      if (key === "length") return table.rows;
      if (typeof key === "string") {
        const r = indexOf(key);
        if (r >= 0) return r < table.rows ? table.row(r) : undefined;
      }
      return Reflect.get(target, key, receiver);
    },
    has(target, key) {
      if (typeof key === "string") {
        const r = indexOf(key);
        if (r >= 0) return r < table.rows;
      }
      return Reflect.has(target, key);
    },
    set() {
      return false;
    },
  });
  TABLES.set(view, table);
  markRowView(view);
  return view;
}

/** An array index key as a number, else -1. */
function indexOf(key: string): number {
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57) return -1;
  const r = Number(key);
  return Number.isInteger(r) && String(r) === key ? r : -1;
}

/**
 * The value of number text that JavaScript writes back as the same text (`String(n) === text`):
 * an optional minus, digits without a leading zero (or a single 0), an optional fraction without
 * a trailing zero, at most 15 significant digits, no exponent; else NaN. The value is the
 * digits as an integer divided by a power of ten, both exact, so the one rounding of the
 * division gives the same double as `Number(text)`.
 */
export function canonicalNumber(s: string, a: number, b: number): number {
  let i = a;
  const negative = s.charCodeAt(i) === 45;
  if (negative) i++;
  if (i === b) return NaN;
  let mantissa = 0;
  let significant = 0;
  const start = i;
  let c = s.charCodeAt(i);
  if (c === 48) {
    i++;
    if (i === b) return negative ? NaN : 0;
  } else {
    for (; i < b; i++) {
      c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      mantissa = mantissa * 10 + (c - 48);
      significant++;
    }
    if (i === start) return NaN;
  }
  if (i === b) return significant > 15 ? NaN : negative ? -mantissa : mantissa;
  if (s.charCodeAt(i) !== 46) return NaN;
  i++;
  const fraction = i;
  let zeros = 0;
  for (; i < b; i++) {
    c = s.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
    if (mantissa === 0 && c === 48) zeros++;
    else significant++;
    mantissa = mantissa * 10 + (c - 48);
  }
  const digits = b - fraction;
  // No trailing zero, at least one digit, at most 15 significant, and no more than five zeros
  // after "0." (0.000001 is written so; 0.0000001 is written 1e-7).
  if (digits === 0 || s.charCodeAt(b - 1) === 48 || significant > 15 || zeros > 5) return NaN;
  const v = mantissa / POWERS[digits]!;
  return negative ? -v : v;
}

const POWERS = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** The serial of `YYYY-MM-DD` at `s[a..a+10)` (1900-9999, a real day), else NaN. */
function isoDate(s: string, a: number): number {
  if (s.charCodeAt(a + 4) !== 45 || s.charCodeAt(a + 7) !== 45) return NaN;
  const y = digits(s, a, 4);
  const m = digits(s, a + 5, 2);
  const d = digits(s, a + 8, 2);
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > DAYS[m]! || (m === 2 && d === 29 && !leap(y))) return NaN;
  return daySerial(y, m, d);
}

/**
 * The serial of a day by integer arithmetic (days from the civil calendar), equal to
 * `serialOf(y, m, d)` without a `Date.UTC` call per cell.
 */
export function daySerial(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468 + UNIX_EPOCH_SERIAL;
}

const DAYS = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function digits(s: string, a: number, n: number): number {
  let v = 0;
  for (let i = a; i < a + n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
    v = v * 10 + (c - 48);
  }
  return v;
}

function isoText(serial: number): string {
  const p = serialParts(serial);
  return `${p.y}-${p.m < 10 ? "0" : ""}${p.m}-${p.d < 10 ? "0" : ""}${p.d}`;
}
