import { asRange, isBlank, isDate } from "../cell/blank";
import { dateToSerial, parseDateAlone, type DateOrder, type Serial } from "../cell/date";
import { CoreError, problem, quote } from "../cell/error";
import { parseNumber } from "../cell/number";
import type { CellValue, Range, RangeArg } from "../cell/types";
import type { Context, ParamSpec } from "./types";

/**
 * Parameter descriptions with their conversions, one per kind of argument. The runner applies
 * them in order and hands the implementation a named, typed object. They hold the hosts' rules
 * in one place: an omitted argument is `null` (Excel), `undefined` (Sheets) or an empty cell;
 * older Excel desktop builds pass 0 for a blank cell; Sheets passes a one-cell range as a scalar
 * and dates as `Date` objects.
 */

/** A scalar argument as a host may pass it: a value, or a one-cell range (`[[v]]` or `[v]`). */
function firstCell(v: unknown): CellValue {
  return (Array.isArray(v) ? (Array.isArray(v[0]) ? v[0][0] : v[0]) : v) as CellValue;
}

/** An optional argument left out: omitted, an empty cell, or the 0 older Excel builds pass for a blank. */
function leftOut(v: unknown): boolean {
  const c = firstCell(v);
  return isBlank(c) || c === 0;
}

/** A range argument that must be given: header row first. */
export function range<const N extends string>(name: N, description: string): ParamSpec<N, Range> {
  return { name, description, type: "range", read: (v) => asRange(v as RangeArg) };
}

/** A range argument that may be left out (`undefined` then). */
export function optionalRange<const N extends string>(name: N, description: string): ParamSpec<N, Range | undefined> {
  return { name, description, type: "range", optional: true, read: (v) => (isBlank(v as CellValue) ? undefined : asRange(v as RangeArg)) };
}

/**
 * A config range read by its parser (weights, policy, calendar, credits): the implementation
 * receives what the parser made of it; a left-out range is parsed as no rows.
 */
export function config<const N extends string, T>(name: N, description: string, parse: (rows: Range) => T | CoreError, optional = true): ParamSpec<N, T> {
  return {
    name,
    description,
    type: "range",
    optional,
    read: (v) => (!optional && isBlank(v as CellValue) ? problem("bad_argument", `${name} is empty: give ${description.charAt(0).toLowerCase()}${description.slice(1)}`) : parse(isBlank(v as CellValue) ? [] : asRange(v as RangeArg))),
  };
}

/** A config range that may be left out (`undefined` then), read by its parser when given. */
export function optionalConfig<const N extends string, T>(name: N, description: string, parse: (rows: Range) => T | CoreError): ParamSpec<N, T | undefined> {
  return { name, description, type: "range", optional: true, read: (v) => (isBlank(v as CellValue) ? undefined : parse(asRange(v as RangeArg))) };
}

/** A non-blank cell as text: trimmed, a Sheets date as its serial. */
function textCell(c: CellValue): string {
  return isDate(c) ? String(dateToSerial(c)) : String(c).trim();
}

/** A text argument that must be given, such as a vendor name; trimmed. */
export function text<const N extends string>(name: N, description: string): ParamSpec<N, string> {
  return {
    name,
    description,
    type: "string",
    read: (v) => {
      const c = firstCell(v);
      return isBlank(c) ? problem("bad_argument", `${name} is empty: give a ${name} name.`) : textCell(c);
    },
  };
}

/** A text argument that may be left out (`undefined` then, as for an empty cell); trimmed. */
export function optionalText<const N extends string>(name: N, description: string): ParamSpec<N, string | undefined> {
  return {
    name,
    description,
    type: "string",
    optional: true,
    read: (v) => {
      const c = firstCell(v);
      return isBlank(c) ? undefined : textCell(c);
    },
  };
}

/** A number argument; `fallback` when left out (or 0, an older Excel build's blank). */
export function number<const N extends string>(name: N, description: string, fallback: number): ParamSpec<N, number> {
  return { name, description, type: "number", optional: true, read: (v) => (leftOut(v) ? fallback : numberCell(name, firstCell(v))) };
}

/** A number argument that may be left out (`undefined` then). */
export function optionalNumber<const N extends string>(name: N, description: string): ParamSpec<N, number | undefined> {
  return { name, description, type: "number", optional: true, read: (v) => (leftOut(v) ? undefined : numberCell(name, firstCell(v))) };
}

function numberCell(name: string, c: CellValue): number | CoreError {
  const n = parseNumber(c);
  return Number.isFinite(n) ? n : problem("bad_argument", `${name} "${quote(c)}" is not a number.`);
}

/** A date-time argument that must be given: a date cell, a serial or text like 2025-03-31 14:30. */
export function date<const N extends string>(name: N, description: string): ParamSpec<N, Serial> {
  return {
    name,
    description,
    type: "date",
    read: (v) => {
      const c = firstCell(v);
      // 0 is the blank cell older Excel builds pass.
      if (isBlank(c) || c === 0) return problem("bad_argument", `${name} is empty: give a date-time.`);
      const s = parseDateAlone(c);
      return Number.isNaN(s) ? problem("bad_argument", `${name} "${quote(c)}" is not a date-time: give a date cell or text like 2025-03-31 14:30.`) : s;
    },
  };
}

/** A converted config range that carries how its data's cells are read (weights, settings, policy). */
type WithDateOrder = { readonly read: { readonly dateOrder?: DateOrder } };

/**
 * The moment data is judged at: a date cell, a serial or date text; the host's today when left
 * out. A plain as-of date means the end of that day is not reached: on-time compares days, SLA
 * clocks stop at 00:00.
 *
 * Numeric text such as `03/04/2025` is read in the `date_order` of the config range named by
 * `orderFrom` (the weights, settings or policy of the same function), as the data's own cells
 * are; text that shows its order (`31/12/2025`) is read so whatever the setting. The runner
 * converts the config range first and hands it over (`after`), so the implementations receive a
 * plain serial and none of them re-reads the text.
 */
export function asOf<const N extends string>(name: N, description: string, orderFrom?: ParamSpec<string, WithDateOrder>): ParamSpec<N, Serial> {
  const from = orderFrom?.name;
  return {
    name,
    description,
    type: "date",
    optional: true,
    ...(from === undefined ? {} : { after: from }),
    read: (v, cx: Context, args) => {
      if (leftOut(v)) return cx.today();
      const c = firstCell(v);
      const order = from === undefined ? undefined : (args?.[from] as WithDateOrder | undefined)?.read.dateOrder;
      const s = parseDateAlone(c, order);
      return Number.isNaN(s) ? problem("bad_argument", `${name} "${quote(c)}" is not a date: give a date cell, a date serial or text like 2025-03-31.`) : s;
    },
  };
}
