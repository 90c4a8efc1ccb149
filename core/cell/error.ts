/**
 * Problems are values with a closed set of codes (zod's issues, HyperFormula's CellError). Each
 * carries the spreadsheet error a host shows, where it is (the argument, and where known the row,
 * column and field) as data, and a short message that says what to fix. Callers read the place
 * from the fields, never from the message.
 */
export type ErrorKind =
  | "bad_header" // a required column is missing
  | "not_a_number" // a cell in a used number column does not parse
  | "not_a_date" // a cell in a used date column does not parse
  | "unknown_vendor"
  | "empty_range"
  | "bad_config" // weights, policy, calendar or credit table
  | "bad_argument" // a scalar argument of the wrong kind
  | "no_data" // nothing to compute from (an undefined score, a KPI with no lines)
  | "overflow"; // a number too large (or too small) to compute with

/** The literal code of a problem. */
export type ProblemCode = ErrorKind;

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
  overflow: "#NUM!",
};

/** Where a problem is. Rows are 1-based rows of the range or config table the problem is in. */
export interface Where {
  /** The function's parameter, as named in its description (`weights`, `as_of`). */
  readonly arg?: string;
  readonly row?: number;
  /** The column's header as written, or the column's position in a config table (`2`). */
  readonly column?: string;
  /** The field or setting the cell is read as (`promised`, `grace_days`, `on_time`). */
  readonly field?: string;
  /** The character of the cell's text the problem is at, 1-based (a formula's `)` missing at 14). */
  readonly position?: number;
}

/** A whole message stays readable in a cell comment or a pane: at most this many characters. */
export const MAX_MESSAGE = 300;
/** A cell or header quoted in a message: at most this many characters. */
export const MAX_QUOTE = 60;

export class CoreError extends Error implements Where {
  /** The sheet error a host shows. */
  readonly code: SheetError;
  readonly arg?: string;
  readonly row?: number;
  readonly column?: string;
  readonly field?: string;
  readonly position?: number;

  constructor(readonly kind: ErrorKind, message: string, where: Where = {}) {
    super(clip(message, MAX_MESSAGE));
    this.name = "CoreError";
    this.code = SHEET_ERROR[kind];
    if (where.arg !== undefined) this.arg = where.arg;
    if (where.row !== undefined) this.row = where.row;
    if (where.column !== undefined) this.column = where.column;
    if (where.field !== undefined) this.field = where.field;
    if (where.position !== undefined) this.position = where.position;
  }

  /** The same problem with places it did not know yet (the runner adds the argument). */
  at(where: Where): CoreError {
    return new CoreError(this.kind, this.message, { ...where, ...pick(this) });
  }

  /** The problem as plain data: code, place and message. */
  toJSON(): { kind: ErrorKind; code: SheetError; message: string } & Where {
    return { kind: this.kind, code: this.code, message: this.message, ...pick(this) };
  }
}

/** A problem as data. */
export type Problem = CoreError;

function pick(w: Where): Where {
  const out: { -readonly [K in keyof Where]: Where[K] } = {};
  if (w.arg !== undefined) out.arg = w.arg;
  if (w.row !== undefined) out.row = w.row;
  if (w.column !== undefined) out.column = w.column;
  if (w.field !== undefined) out.field = w.field;
  if (w.position !== undefined) out.position = w.position;
  return out;
}

/** A problem value, for parsers that return rather than throw. */
export function problem(kind: ErrorKind, message: string, where: Where = {}): CoreError {
  return new CoreError(kind, message, where);
}

/**
 * Raises a problem from deep inside a parse loop, where returning through every frame would cost
 * the hot path; the one runner turns it into a value. Parsers of config tables return problems.
 */
export function fail(kind: ErrorKind, message: string, where: Where = {}): never {
  throw new CoreError(kind, message, where);
}

/** What `f` returns, or the problem it raised from deep in a parse loop, as a value. */
export function attempt<T>(f: () => T): T | CoreError {
  try {
    return f();
  } catch (e) {
    if (e instanceof CoreError) return e;
    throw e;
  }
}

export function isCoreError(v: unknown): v is CoreError {
  return v instanceof CoreError;
}

/** Text cut to `max` characters with an ellipsis. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * A cell or header for a message: as text, at most {@link MAX_QUOTE} characters, so a pasted
 * 32,000-character cell cannot make a message of the same size.
 *
 * @example quote("Acme") // "Acme"
 */
export function quote(v: unknown): string {
  return clip(String(v ?? ""), MAX_QUOTE);
}
