import { attempt, fail, quote, type CoreError } from "../cell/error";
import { KPI_KEYS, type KpiKey } from "../kpi/defs";

/**
 * The formula language of KPIs written by the user, parsed once into a tree by a small
 * precedence-climbing parser. Nothing here, nor in the evaluator, turns text into code: a
 * formula is data walked by a switch, so it runs where code generation from strings is off
 * (Apps Script, a locked-down Excel runtime), and no name can reach an object's property.
 *
 * Precedence, loosest first: `or`, `and`, `not`, comparisons (`= <> < <= > >=`), `+ -`,
 * `* /`, unary minus. Binary operators group left to right. Names are case-insensitive.
 */

/** Aggregates over one column's cells of a vendor's lines. */
export type Aggregate = "sum" | "mean" | "median" | "min" | "max" | "count" | "share";
/** Functions of values (min and max with two or more arguments). */
export type Scalar = "if" | "ifna" | "abs" | "round" | "min" | "max";
export type BinaryOp = "+" | "-" | "*" | "/" | "=" | "<>" | "<" | "<=" | ">" | ">=" | "and" | "or";

/** `[Header text]` as written, at its `[` (1-based). */
export interface ColumnRef {
  readonly header: string;
  readonly at: number;
}

/** What countif and sumif compare cells with: a number, or text matched in any case. */
export type MatchValue = number | string;

/** A node of a parsed formula; `at` is the 1-based character it starts at, for messages. */
export type Expr =
  | { readonly kind: "number"; readonly value: number; readonly at: number }
  | { readonly kind: "kpi"; readonly key: KpiKey; readonly at: number }
  | { readonly kind: "negate"; readonly x: Expr; readonly at: number }
  | { readonly kind: "not"; readonly x: Expr; readonly at: number }
  | { readonly kind: "binary"; readonly op: BinaryOp; readonly a: Expr; readonly b: Expr; readonly at: number }
  | { readonly kind: "aggregate"; readonly fn: Aggregate; readonly column: ColumnRef; readonly at: number }
  | { readonly kind: "countif"; readonly column: ColumnRef; readonly value: MatchValue; readonly at: number }
  | { readonly kind: "sumif"; readonly sum: ColumnRef; readonly test: ColumnRef; readonly value: MatchValue; readonly at: number }
  | { readonly kind: "call"; readonly fn: Scalar; readonly args: readonly Expr[]; readonly at: number };

/** Where a formula was written, for messages: its weights row, or nothing (a form's field). */
export interface FormulaPlace {
  readonly row?: number;
}

/** A formula parsed once: its text, its tree and where it came from. */
export interface Formula {
  readonly text: string;
  readonly root: Expr;
  readonly place: FormulaPlace;
}

/** A formula longer than this is refused. */
export const MAX_FORMULA_LENGTH = 1000;
/** Parentheses, function calls, `not` and unary minus nested deeper than this are refused. */
export const MAX_FORMULA_DEPTH = 50;

/**
 * A problem in a formula, at a character of its text: "Weights row 5, formula at 14: expected `)`".
 * The position is also carried as data (`position`), with the row and the weights range's fifth column.
 */
export function formulaProblem(place: FormulaPlace, at: number, message: string): never {
  const where = place.row === undefined ? "Formula" : `Weights row ${place.row}, formula`;
  fail("bad_config", `${where} at ${at}: ${message}`, place.row === undefined ? { field: "formula", position: at } : { row: place.row, column: "5", field: "formula", position: at });
}

/**
 * Parses a formula into a tree, or returns the problem with its position.
 *
 * @example parseFormula("share([Invoice OK])", { row: 5 }) // { text, root: { kind: "aggregate", fn: "share", ... } }
 * @example parseFormula("round(spend / 1000", { row: 5 }) // CoreError "Weights row 5, formula at 19: expected `)`"
 */
export function parseFormula(text: string, place: FormulaPlace = {}): Formula | CoreError {
  return attempt(() => {
    if (text.length > MAX_FORMULA_LENGTH) {
      formulaProblem(place, MAX_FORMULA_LENGTH + 1, `the formula is ${text.length.toLocaleString("en-US")} characters long; at most ${MAX_FORMULA_LENGTH.toLocaleString("en-US")} are allowed.`);
    }
    const p = new Parser(tokenize(text, place), place);
    const root = p.expression(0);
    p.end();
    return { text, root, place };
  });
}

// ---------------------------------------------------------------------------------------------
// Tokens

type Token =
  | { readonly t: "number"; readonly v: number; readonly at: number }
  | { readonly t: "text"; readonly v: string; readonly at: number }
  | { readonly t: "column"; readonly v: string; readonly at: number }
  | { readonly t: "name"; readonly v: string; readonly at: number }
  | { readonly t: "op"; readonly v: string; readonly at: number }
  | { readonly t: "end"; readonly v: ""; readonly at: number };

const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const OPERATORS = ["<>", "<=", ">=", "+", "-", "*", "/", "=", "<", ">", "(", ")", ","];

function tokenize(text: string, place: FormulaPlace): Token[] {
  const out: Token[] = [];
  let i = 0;
  // A leading `=` is how a sheet formula is typed; it is allowed and means nothing.
  while (i < text.length && /\s/.test(text[i]!)) i++;
  if (text[i] === "=") i++;
  while (i < text.length) {
    const c = text[i]!;
    const at = i + 1;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if ((c >= "0" && c <= "9") || c === ".") {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) formulaProblem(place, at, "a lone `.` is not a number; write 0.5, not .x, and no property access exists.");
      const v = Number(m[0]);
      if (!Number.isFinite(v)) formulaProblem(place, at, `${quote(m[0])} is too large a number.`);
      out.push({ t: "number", v, at });
      i += m[0].length;
      continue;
    }
    if (c === '"') {
      // Text in double quotes; "" inside stands for one quote, as in a spreadsheet.
      let v = "";
      let j = i + 1;
      for (;;) {
        if (j >= text.length) formulaProblem(place, at, "the text has no closing `\"`.");
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            v += '"';
            j += 2;
            continue;
          }
          break;
        }
        v += text[j];
        j++;
      }
      out.push({ t: "text", v, at });
      i = j + 1;
      continue;
    }
    if (c === "[") {
      const close = text.indexOf("]", i + 1);
      if (close < 0) formulaProblem(place, at, "the column has no closing `]`.");
      const v = text.slice(i + 1, close).trim();
      if (v === "") formulaProblem(place, at, "`[]` names no column; write the header between the brackets, such as [Received Qty].");
      out.push({ t: "column", v, at });
      i = close + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      NAME.lastIndex = i;
      const m = NAME.exec(text)!;
      out.push({ t: "name", v: m[0].toLowerCase(), at });
      i += m[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op === undefined) formulaProblem(place, at, `unexpected character \`${c}\`.`);
    out.push({ t: "op", v: op, at });
    i += op.length;
  }
  out.push({ t: "end", v: "", at: text.length + 1 });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Parser

/** Binding power of each binary operator; `not` sits between comparisons and `and`, unary minus above `* /`. */
const BINARY: ReadonlyMap<string, number> = new Map([["or", 1], ["and", 2], ["=", 4], ["<>", 4], ["<", 4], ["<=", 4], [">", 4], [">=", 4], ["+", 5], ["-", 5], ["*", 6], ["/", 6]]);
const NOT_POWER = 3;
const NEGATE_POWER = 7;

const AGGREGATES = new Set<string>(["sum", "mean", "median", "min", "max", "count", "share"]);
const KPI_NAMES = new Set<string>(KPI_KEYS);
/** Fewest and most arguments of each scalar function. */
const ARITY: ReadonlyMap<string, readonly [number, number]> = new Map([["if", [3, 3]], ["ifna", [2, 2]], ["abs", [1, 1]], ["round", [2, 2]], ["min", [2, Infinity]], ["max", [2, Infinity]]] as const);
const KNOWN = "sum, mean, median, min, max, count, share, countif, sumif, if, ifna, abs, round";

class Parser {
  private i = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[], private readonly place: FormulaPlace) {}

  private get next(): Token {
    return this.tokens[this.i]!;
  }

  private problem(at: number, message: string): never {
    formulaProblem(this.place, at, message);
  }

  private isOp(v: string): boolean {
    return this.next.t === "op" && this.next.v === v;
  }

  private expect(v: string): void {
    // The exact form other parts rely on: "Weights row 5, formula at 14: expected `)`".
    if (!this.isOp(v)) this.problem(this.next.at, `expected \`${v}\`${this.next.t === "end" ? "" : `, found ${describe(this.next)}`}`);
    this.i++;
  }

  private nest<T>(at: number, f: () => T): T {
    if (++this.depth > MAX_FORMULA_DEPTH) this.problem(at, `the formula nests deeper than ${MAX_FORMULA_DEPTH} levels; split it or simplify it.`);
    const out = f();
    this.depth--;
    return out;
  }

  end(): void {
    if (this.next.t !== "end") this.problem(this.next.at, `unexpected ${describe(this.next)}; an operator such as + or and, or the end, was expected.`);
  }

  /** Precedence climbing: an operand, then every binary operator binding at least `min`. */
  expression(min: number): Expr {
    let left = this.prefix();
    for (;;) {
      const t = this.next;
      const op = t.t === "op" || (t.t === "name" && (t.v === "and" || t.v === "or")) ? t.v : undefined;
      const power = op === undefined ? undefined : BINARY.get(op);
      if (power === undefined || power < min) return left;
      this.i++;
      const right = this.expression(power + 1);
      left = { kind: "binary", op: op as BinaryOp, a: left, b: right, at: t.at };
    }
  }

  private prefix(): Expr {
    const t = this.next;
    if (t.t === "op" && t.v === "-") {
      this.i++;
      return this.nest(t.at, () => ({ kind: "negate", x: this.expression(NEGATE_POWER), at: t.at }));
    }
    if (t.t === "name" && t.v === "not") {
      this.i++;
      return this.nest(t.at, () => ({ kind: "not", x: this.expression(NOT_POWER), at: t.at }));
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.next;
    if (t.t === "number") {
      this.i++;
      return { kind: "number", value: t.v, at: t.at };
    }
    if (t.t === "name") return this.name(t);
    if (t.t === "op" && t.v === "(") {
      this.i++;
      const x = this.nest(t.at, () => this.expression(0));
      this.expect(")");
      return x;
    }
    if (t.t === "text") this.problem(t.at, `text ("${quote(t.v)}") is only the value of countif or sumif, such as countif([Status], "late").`);
    if (t.t === "column") this.problem(t.at, `[${quote(t.v)}] is a column, which has many cells: use it inside an aggregate such as sum([${quote(t.v)}]) or mean([${quote(t.v)}]).`);
    this.problem(t.at, t.t === "end" ? "expected a value before the end." : `expected a value, found \`${t.v}\`.`);
  }

  private name(t: Token & { t: "name" }): Expr {
    this.i++;
    if (!this.isOp("(")) {
      if (t.v === "true" || t.v === "false") return { kind: "number", value: t.v === "true" ? 1 : 0, at: t.at };
      if (KPI_NAMES.has(t.v)) return { kind: "kpi", key: t.v as KpiKey, at: t.at };
      if (t.v === "and" || t.v === "or") this.problem(t.at, `\`${t.v}\` needs a value on each side.`);
      this.problem(t.at, `unknown name \`${t.v}\`: use a built-in KPI (${KPI_KEYS.join(", ")}), true, false, or a function (${KNOWN}) followed by \`(\`.`);
    }
    const open = this.next.at;
    this.i++;
    return this.nest(open, () => this.call(t));
  }

  /** A call's arguments up to its `)`; the name's token is `t`. */
  private call(t: Token & { t: "name" }): Expr {
    const fn = t.v;
    if (fn === "countif" || fn === "sumif") {
      const n = fn === "sumif" ? 3 : 2;
      const first = this.column(fn, "the first argument");
      let test = first;
      if (fn === "sumif") {
        this.comma(fn, n);
        test = this.column(fn, "the second argument");
      }
      this.comma(fn, n);
      const value = this.matchValue(fn);
      this.close(fn, n);
      return fn === "countif" ? { kind: "countif", column: first, value, at: t.at } : { kind: "sumif", sum: first, test, value, at: t.at };
    }
    if ((fn === "min" || fn === "max") && this.next.t === "column" && this.peekIsClose()) {
      const column = this.column(fn, "the argument");
      this.i++;
      return { kind: "aggregate", fn, column, at: t.at };
    }
    if (AGGREGATES.has(fn) && fn !== "min" && fn !== "max") {
      const column = this.column(fn, "the argument");
      this.close(fn, 1);
      return { kind: "aggregate", fn: fn as Aggregate, column, at: t.at };
    }
    const range = ARITY.get(fn);
    if (range === undefined) {
      this.problem(t.at, KPI_NAMES.has(fn) ? `${fn} is a KPI, not a function: write it without \`(\`.` : `unknown function \`${fn}\`: use one of ${KNOWN}.`);
    }
    const args: Expr[] = [];
    const starts: number[] = [];
    if (!this.isOp(")")) {
      for (;;) {
        starts.push(this.next.at);
        args.push(this.expression(0));
        if (!this.isOp(",")) break;
        this.i++;
      }
    }
    // Too many arguments: at the first one too many.
    if (args.length > range[1]) this.problem(starts[range[1]]!, `${fn} takes ${range[0]} argument${range[0] === 1 ? "" : "s"}, not ${args.length}.`);
    this.expect(")");
    if (args.length < range[0]) {
      const hint = fn === "min" || fn === "max" ? ` (or one column, as in ${fn}([Unit Price]))` : "";
      this.problem(t.at, `${fn} takes ${range[1] === Infinity ? `${range[0]} or more arguments` : `${range[0]} argument${range[0] === 1 ? "" : "s"}`}${hint}, not ${args.length}.`);
    }
    return { kind: "call", fn: fn as Scalar, args, at: t.at };
  }

  private peekIsClose(): boolean {
    const after = this.tokens[this.i + 1]!;
    return after.t === "op" && after.v === ")";
  }

  private column(fn: string, which: string): ColumnRef {
    const t = this.next;
    if (t.t !== "column") this.problem(t.at, `${which} of ${fn} must be a column in brackets, such as ${fn}([Received Qty]${fn === "countif" ? ', "yes"' : fn === "sumif" ? ', [Status], "late"' : ""}).`);
    this.i++;
    return { header: t.v, at: t.at };
  }

  private comma(fn: string, n: number): void {
    if (!this.isOp(",")) this.problem(this.next.at, `expected \`,\`: ${fn} takes ${n} arguments.`);
    this.i++;
  }

  private close(fn: string, n: number): void {
    if (this.isOp(",")) this.problem(this.next.at, `${fn} takes ${n} argument${n === 1 ? "" : "s"}; expected \`)\`.`);
    this.expect(")");
  }

  /** countif's and sumif's value: a number (optionally negative), text in double quotes, true or false. */
  private matchValue(fn: string): MatchValue {
    const t = this.next;
    const minus = t.t === "op" && t.v === "-";
    const v = minus ? this.tokens[this.i + 1]! : t;
    if (v.t === "number") {
      this.i += minus ? 2 : 1;
      return minus ? -v.v : v.v;
    }
    if (!minus && v.t === "text") {
      this.i++;
      return v.v;
    }
    if (!minus && v.t === "name" && (v.v === "true" || v.v === "false")) {
      this.i++;
      return v.v;
    }
    this.problem(t.at, `the value of ${fn} must be a number or text in double quotes, such as "yes".`);
  }
}

function describe(t: Token): string {
  switch (t.t) {
    case "number":
      return `the number ${t.v}`;
    case "text":
      return `the text "${quote(t.v)}"`;
    case "column":
      return `the column [${quote(t.v)}]`;
    case "name":
      return `\`${t.v}\``;
    case "op":
      return `\`${t.v}\``;
    case "end":
      return "the end";
  }
}
