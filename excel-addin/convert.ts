/// <reference types="custom-functions-runtime" />
import { CoreError, type Result } from "../core";

/**
 * Excel's calling conventions to the core's. Omitted optional arguments and blank cells arrive
 * as `null`, which the core reads as blank; `undefined` is made `null` too. Dates arrive as
 * serials already. (Old desktop builds send 0 for a blank cell in an `any` parameter; nothing
 * tells such a 0 from a typed 0, so it is left as a number.)
 */
export function fromExcel(arg: unknown): unknown {
  return arg === undefined ? null : arg;
}

/** The core's result for Excel: "" (never null, which Excel shows as 0) for an empty cell. */
export function toExcel(r: Result | CoreError): unknown {
  if (r instanceof CoreError) return toExcelError(r);
  if (Array.isArray(r)) return r.map((row) => row.map(cellOut));
  return cellOut(r);
}

function cellOut(v: unknown): unknown {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" && !Number.isFinite(v)) return "";
  return v;
}

/**
 * The one place core errors become Excel errors. Excel shows a custom message only on
 * #VALUE! and #N/A, so #NUM! (an overflow) goes without one.
 */
export function toExcelError(e: CoreError): CustomFunctions.Error {
  switch (e.code) {
    case "#N/A":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, e.message);
    case "#NUM!":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    default:
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, e.message);
  }
}
