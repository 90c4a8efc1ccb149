import { isBlank } from "./blank";
import type { CellValue } from "./types";

/** Which character marks the decimals in number text: `1,234.50` (point) or `1.234,50` (comma). */
export type Decimal = "point" | "comma";

// Currency signs, thousands separators and spaces that exports put around numbers.
const DECORATION = /[$€£¥,\s\u00a0]/g;
// The same with a decimal comma: the point is the thousands separator.
const DECORATION_COMMA = /[$€£¥.\s\u00a0]/g;
// Both anchored and with no two quantifiers that can take the same character, so they run in
// time linear in the text (`\d+\.?\d*` was quadratic on a long run of digits).
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const THOUSANDS_POINT = /^\d{1,3}(?:\.\d{3})+(?:,\d*)?$/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** The text from its first digit to its last, "" when it has none: a scan, not `/[^\d]*$/`, which is quadratic. */
function digitSpan(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && !isDigit(s.charCodeAt(a))) a++;
  while (b > a && !isDigit(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Reads a number cell: numbers as they are, and text such as `98%`, `$1,234.50`, `(12.5)`.
 * Returns NaN when the cell is not a number, and for text too large for a number (`1e309`):
 * results are always finite. Blanks are the caller's business.
 *
 * With `decimal` "comma" (a `decimal, comma` setting row) the roles swap: `1.234,56` and
 * `235,0` read as 1234.56 and 235, and a point is a thousands separator only before groups of three.
 *
 * @example parseNumber("$1,234.50") // 1234.5
 * @example parseNumber("98%") // 0.98
 * @example parseNumber("1.234,56", "comma") // 1234.56
 */
export function parseNumber(v: CellValue, decimal: Decimal = "point"): number {
  if (typeof v === "number") return Number.isFinite(v) ? v : NaN;
  if (typeof v !== "string") return NaN;
  // Most number text in a CSV is plain (`235`, `-12.5`): read it without the decorations' passes.
  const plain = plainNumber(v, decimal);
  if (plain === plain) return plain;
  let s = v.trim();
  let sign = 1;
  if (s.startsWith("(") && s.endsWith(")")) {
    sign = -1; // accounting negative
    s = s.slice(1, -1);
  }
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (decimal === "comma") {
    // "1.5" under a decimal comma is no number a European export writes: not a silent 15.
    if (s.includes(".") && !THOUSANDS_POINT.test(digitSpan(s))) return NaN;
    s = s.replace(DECORATION_COMMA, "");
    const comma = s.indexOf(",");
    if (comma >= 0) {
      if (s.indexOf(",", comma + 1) >= 0) return NaN;
      s = `${s.slice(0, comma)}.${s.slice(comma + 1)}`;
    }
  } else {
    // A comma is a thousands separator only when groups of three digits follow it; "1,5" is
    // a decimal comma that would silently read as 15, so it is not a number.
    if (s.includes(",") && !THOUSANDS.test(digitSpan(s))) return NaN;
    s = s.replace(DECORATION, "");
  }
  if (s.startsWith("-") && sign === -1) return NaN;
  if (!PLAIN_NUMBER.test(s)) return NaN;
  // Dividing by 100 keeps "95%" exactly 0.95 (multiplying by 0.01 does not).
  const n = (sign * Number(s)) / (percent ? 100 : 1);
  return Number.isFinite(n) ? n : NaN;
}

/** Like {@link parseNumber}, but blank cells read as NaN too: the "no value" of typed columns. */
export function numberOrNaN(v: CellValue): number {
  return isBlank(v) ? NaN : parseNumber(v);
}

/** True for text that cannot be a number or date because it holds no digit: `N/A`, `?`, `-`, `Date Not Captured`. */
export function isPlaceholder(v: CellValue): boolean {
  return typeof v === "string" && !/\d/.test(v);
}

/**
 * Text of only digits, with at most one leading minus and one decimal mark (a point, or a comma
 * under a decimal comma), read in one scan; NaN for anything else, which the full reading then judges.
 */
function plainNumber(v: string, decimal: Decimal): number {
  const n = v.length;
  if (n === 0 || n > 20) return NaN;
  let i = v.charCodeAt(0) === 45 ? 1 : 0;
  if (i === n) return NaN;
  const mark = decimal === "comma" ? 44 : 46;
  let marks = 0;
  let digits = 0;
  for (; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === mark && marks === 0) marks++;
    else return NaN;
  }
  if (digits === 0) return NaN;
  return Number(marks && mark === 44 ? v.replace(",", ".") : v);
}

/**
 * The median of numbers sorted ascending: the middle one, or the mean of the two middle ones
 * (halved first, so two numbers near the largest do not overflow their sum); NaN for none.
 *
 * @example medianOfSorted(Float64Array.of(2, 3, 4, 5)) // 3.5
 */
export function medianOfSorted(s: ArrayLike<number>): number {
  const n = s.length;
  if (n === 0) return NaN;
  const h = n >> 1;
  return n % 2 ? s[h]! : s[h - 1]! / 2 + s[h]! / 2;
}
