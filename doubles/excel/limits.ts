/**
 * The limits Excel puts on an add-in, which the in-memory workbook enforces so a test sees what
 * a user of Excel on the web would see. Figures and sources:
 *
 * - 5 MB per request and per response in Excel on the web ("Excel on the web has a payload size
 *   limit for requests and responses of 5 MB. RichAPI.Error will be triggered if that limit is
 *   exceeded": office-js-docs-pr `concepts/resource-limits-and-performance-optimization.md`,
 *   PLATFORM.md §1.4). Taken as 5 x 1024 x 1024 bytes, the figure issue #12 measured against.
 *   Error codes: `ResponsePayloadSizeLimitExceeded` is in `Excel.ErrorCodes` (@types/office-js);
 *   the request side's `RequestPayloadSizeLimitExceeded` is named after it (not in the typings).
 * - 32,767 characters in a cell (Excel's specifications and limits; @types/office-js names the
 *   same figure for `#CALC!` text overflow).
 * - Sheet names: 1 to 31 characters, none of `[ ] : * ? / \`, not beginning or ending with an
 *   apostrophe, not "History", unique in any case (Excel's rename-sheet rules).
 */
import { sheetNameProblem as sharedProblem } from "../sheet-name";

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const MAX_CELL_CHARS = 32_767;

/** Bytes of a string as UTF-8, what goes over the wire. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/**
 * The size of a value as Excel serialises it in JSON: a string by its UTF-8 length plus two
 * quotes, a number by its text, arrays with brackets and commas. Escapes inside strings are not
 * counted: the estimate is for cell text, where they are rare.
 *
 * @example jsonBytes([["ab", 12, true]]) // 16, the length of [["ab",12,true]]
 */
export function jsonBytes(v: unknown): number {
  if (typeof v === "string") return utf8Bytes(v) + 2;
  if (typeof v === "number") return Number.isFinite(v) ? String(v).length : 4;
  if (typeof v === "boolean") return v ? 4 : 5;
  if (v === null || v === undefined) return 4;
  if (Array.isArray(v)) {
    let n = 2 + Math.max(0, v.length - 1);
    for (const x of v) n += jsonBytes(x);
    return n;
  }
  return utf8Bytes(JSON.stringify(v) ?? "null");
}

/** Why Excel refuses a sheet name (the shared rules in ../sheet-name.ts and two of its own), or "" when it takes it. */
export function sheetNameProblem(name: string): string {
  const shared = sharedProblem(name);
  if (shared) return shared;
  if (name.startsWith("'") || name.endsWith("'")) return `The sheet name "${name}" begins or ends with an apostrophe.`;
  if (name.toLowerCase() === "history") return `"History" is a name Excel reserves.`;
  return "";
}
