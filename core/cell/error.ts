/**
 * Errors are values with a closed set of codes. Each carries the spreadsheet error a host
 * shows and a message that says what to fix, naming the column, row or vendor it came from.
 */
export type ErrorKind =
  | "bad_header" // a required column is missing
  | "not_a_number" // a cell in a used number column does not parse
  | "not_a_date" // a cell in a used date column does not parse
  | "unknown_vendor"
  | "empty_range"
  | "bad_config" // weights, policy, calendar or credit table
  | "bad_argument" // a scalar argument of the wrong kind
  | "no_data"; // nothing to compute from (an undefined score, a KPI with no lines)

export type SheetError = "#VALUE!" | "#N/A" | "#NUM!";

const SHEET_ERROR: Record<ErrorKind, SheetError> = {
  bad_header: "#VALUE!",
  not_a_number: "#VALUE!",
  not_a_date: "#VALUE!",
  unknown_vendor: "#N/A",
  empty_range: "#N/A",
  bad_config: "#VALUE!",
  bad_argument: "#VALUE!",
  no_data: "#N/A",
};

export class CoreError extends Error {
  readonly code: SheetError;
  constructor(readonly kind: ErrorKind, message: string) {
    super(message);
    this.name = "CoreError";
    this.code = SHEET_ERROR[kind];
  }
}

/** Raises a core error from deep inside a parse loop; the catalog runner turns it into a value. */
export function fail(kind: ErrorKind, message: string): never {
  throw new CoreError(kind, message);
}

export function isCoreError(v: unknown): v is CoreError {
  return v instanceof CoreError;
}
