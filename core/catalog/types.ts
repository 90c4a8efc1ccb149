import { CoreError, isCoreError } from "../cell/error";
import type { ResultCell, ResultGrid } from "../cell/types";

/** What a function's parameter takes: a range (a 2D array, `any[][]` in Excel) or one cell. */
export type ParamType = "range" | "number" | "string" | "date" | "any";

export interface ParamSpec {
  readonly name: string;
  readonly description: string;
  readonly type: ParamType;
  readonly optional?: boolean;
}

/** What the function returns: one cell, or a table that spills (header row first). */
export type ResultType = "number" | "string" | "table";

/** The environment a host injects: the clock that "today" is read from. */
export interface Env {
  readonly now: () => Date;
}

export type Result = ResultCell | ResultGrid;

/** One spreadsheet function, described once: both hosts' metadata and bindings are generated from it. */
export interface FunctionDef {
  readonly name: string;
  /** One line, as shown in the host's autocomplete. */
  readonly description: string;
  /** A worked example in the user's words, for help pages and the README. */
  readonly example: string;
  readonly params: readonly ParamSpec[];
  readonly result: ResultType;
  /** Header names of table columns that hold date serials, for hosts that format or convert them. */
  readonly dateColumns?: readonly string[];
  readonly impl: (args: readonly unknown[], env: Env) => Result;
}

/** A catalog entry: the description plus `fn`, callable with the cells a host passes. */
export interface CatalogFunction extends Omit<FunctionDef, "impl"> {
  /** Returns the result, or a CoreError value carrying the sheet error code and what to fix. */
  readonly fn: (...args: unknown[]) => Result | CoreError;
}

/**
 * The one runner every function goes through: it turns core errors raised while reading
 * cells into error values and leaves undefined results as empty cells.
 */
export function bind(def: FunctionDef, env: Env): CatalogFunction {
  const { impl, ...meta } = def;
  return {
    ...meta,
    fn: (...args: unknown[]) => {
      try {
        return impl(args, env);
      } catch (e) {
        if (isCoreError(e)) return e;
        throw e;
      }
    },
  };
}

/** `undefined` (a KPI with no data) as the empty cell `""`; numbers that are not finite likewise. */
export function cell(v: number | string | boolean | undefined): ResultCell {
  if (v === undefined) return "";
  if (typeof v === "number" && !Number.isFinite(v)) return "";
  return v;
}

export { CoreError };
