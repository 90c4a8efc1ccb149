import type { Serial } from "../cell/date";
import { attempt, CoreError, isCoreError } from "../cell/error";
import type { ResultCell, ResultGrid } from "../cell/types";
import type { ParseCache } from "../table/cache";

/** What a host's metadata says a parameter takes: a range (a 2D array, `any[][]` in Excel) or one cell. */
export type ParamType = "range" | "number" | "string" | "date" | "any";

/** What the host injects. */
export interface Env {
  /**
   * Now as the sheet shows it: a wall-clock date serial (days since 1899-12-30, the fraction
   * being the time of day). The core never reads a clock of its own.
   */
  readonly today: () => Serial;
}

/** What a function and its parameters' conversions may use: the host's environment and the catalog's parse cache. */
export interface Context extends Env {
  readonly cache: ParseCache;
}

/**
 * One parameter, described once: its metadata for the hosts and the conversion the runner
 * applies to what the host passes. `read` returns the typed value or the problem with it; the
 * runner adds the parameter's name to the problem.
 *
 * A conversion that depends on another argument names it in `after` (as_of text follows the
 * date order of the weights or policy range): the runner converts that parameter later, whatever
 * its position, and hands `read` the arguments converted so far. Positions stay the hosts'
 * business; what a conversion needs is data.
 */
export interface ParamSpec<N extends string = string, T = unknown> {
  readonly name: N;
  readonly description: string;
  readonly type: ParamType;
  readonly optional?: boolean;
  /** The parameter whose converted value `read` uses; converted first. */
  readonly after?: string;
  readonly read: (cell: unknown, cx: Context, args?: Readonly<Record<string, unknown>>) => T | CoreError;
}

/** The typed arguments an implementation receives: one property per declared parameter, by name. */
export type Args<P extends readonly ParamSpec[]> = {
  readonly [S in P[number] as S["name"]]: S extends ParamSpec<string, infer T> ? Exclude<T, CoreError> : never;
};

/** Arguments by parameter name as a host or a report passes them (cells, ranges), each optional. */
export type NamedCells<P extends readonly ParamSpec[]> = { readonly [S in P[number] as S["name"]]?: unknown };

/** What the function returns: one cell, or a table that spills (header row first). */
export type ResultType = "number" | "string" | "table";

export type Result = ResultCell | ResultGrid;

/** One spreadsheet function, described once: both hosts' metadata and bindings are generated from it. */
export interface FunctionDef<N extends string = string, P extends readonly ParamSpec[] = readonly ParamSpec[]> {
  readonly name: N;
  /** One line, as shown in the host's autocomplete. */
  readonly description: string;
  /** A worked example in the user's words, for help pages and the README. */
  readonly example: string;
  readonly params: P;
  readonly result: ResultType;
  /** Header names of table columns that hold date serials, for hosts that format or convert them. */
  readonly dateColumns?: readonly string[];
  /** The maths, on typed arguments; a problem is returned (or, from deep in a parse loop, thrown). */
  impl(args: Args<P>, cx: Context): Result | CoreError;
}

/**
 * Declares a function; the parameters' names and types flow into `impl`'s argument, so reading
 * an undeclared parameter does not compile.
 *
 * @example defineFunction({ name: "VENDORSCORE", params: [DATA, VENDOR], impl: ({ data, vendor }) => ..., ... })
 */
export function defineFunction<const N extends string, const P extends readonly ParamSpec[]>(def: FunctionDef<N, P>): FunctionDef<N, P> {
  return def;
}

/** A catalog entry: the description plus the two ways to call it. */
export interface CatalogFunction<P extends readonly ParamSpec[] = readonly ParamSpec[]> extends Omit<FunctionDef<string, P>, "impl"> {
  /** By position, with the cells a host passes: the result, or a CoreError value carrying the sheet error and what to fix. */
  readonly fn: (...args: unknown[]) => Result | CoreError;
  /** By parameter name: how reports, panels and the command line call a function. */
  readonly call: (args: NamedCells<P>) => Result | CoreError;
}

/**
 * The one runner every function goes through: converts each argument by its description, runs
 * the maths, turns problems into values, and makes sure no number that is not finite reaches a
 * sheet (it becomes #NUM! naming where it came from).
 */
export function bind<P extends readonly ParamSpec[]>(def: FunctionDef<string, P>, cx: Context): CatalogFunction<P> {
  const { impl, ...meta } = def;
  const order = conversionOrder(def);
  const run = (cellOf: (p: ParamSpec, i: number) => unknown): Result | CoreError => {
    const args: Record<string, unknown> = Object.create(null);
    for (const i of order) {
      const p = def.params[i]!;
      const v = attempt(() => p.read(cellOf(p, i), cx, args));
      if (isCoreError(v)) return v.at({ arg: p.name });
      args[p.name] = v;
    }
    const result = attempt(() => impl(args as Args<P>, cx));
    return isCoreError(result) ? result : finite(def.name, result);
  };
  return {
    ...meta,
    fn: (...cells: unknown[]) => run((_, i) => cells[i]),
    call: (named) => run((p) => (named as Record<string, unknown>)[p.name]),
  };
}

/**
 * Parameter positions in the order they are converted: declaration order, except that a
 * parameter naming another in `after` comes once that one is converted (one level is all the
 * catalog needs: as_of after its config range).
 */
function conversionOrder(def: FunctionDef): number[] {
  const names = def.params.map((p) => p.name);
  for (const p of def.params) {
    // A dependency on a parameter the function lacks is a mistake in the catalog, not in a sheet.
    if (p.after !== undefined && !names.includes(p.after)) throw new Error(`${def.name}: parameter ${p.name} reads ${p.after}, which the function does not have`);
  }
  const first = def.params.flatMap((p, i) => (p.after === undefined ? [i] : []));
  const later = def.params.flatMap((p, i) => (p.after === undefined ? [] : [i]));
  return [...first, ...later];
}

/** The result, or #NUM! when a number in it is NaN or infinite. */
function finite(name: string, result: Result): Result | CoreError {
  if (typeof result === "number") {
    return Number.isFinite(result) ? result : new CoreError("overflow", `${name}: the result overflowed (${String(result)}): check for numbers too large to add up, such as 1e308.`);
  }
  if (!Array.isArray(result)) return result;
  for (let r = 1; r < result.length; r++) {
    const row = result[r]!;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "number" && !Number.isFinite(v)) {
        const column = String(result[0]?.[c] ?? c + 1);
        return new CoreError("overflow", `${name}: "${column}" overflowed in row ${r + 1} of the result (${String(v)}): check for numbers too large to add up, such as 1e308.`, { row: r + 1, column });
      }
    }
  }
  return result;
}

/** `undefined` (a KPI with no data) as the empty cell `""`. A number that is not finite is kept, for the runner to report. */
export function cell(v: number | string | boolean | undefined): ResultCell {
  return v === undefined ? "" : v;
}

export { CoreError };
