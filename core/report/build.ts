import { isBlank } from "../cell/blank";
import { CoreError } from "../cell/error";
import type { CellValue, Range, ResultGrid } from "../cell/types";
import { bind, type Context } from "../catalog/types";
import { readScoreConfig } from "../score/config";
import type { Standing } from "../score/standings";
import { FORMAT_PATTERN, type ColumnFormat } from "./format";
import type { AsOfRule, ConfigGrid } from "./definition";
import { kindInfo, type ReportKind } from "./kinds";
import type { ReviewGroup } from "./review";
import type { FillRule, ReportSheet } from "./sheet";

/** What a report is run on: its kind, the source's cells and the pane's tables. */
export interface ReportInput {
  readonly kind: ReportKind;
  readonly source: Range;
  /** Survey answers, passed to a kind whose function takes a survey ({@link takesSurvey}); other kinds have no use for one. */
  readonly survey?: Range;
  readonly config: ConfigGrid;
  readonly calendar?: ConfigGrid;
  readonly asOf: AsOfRule;
  /** The vendor a report about one vendor is for (a business review). */
  readonly vendor?: string;
  /** Tickets for a business review's SLA part; read at every refresh like the source. */
  readonly tickets?: Range;
  /** Every vendor of a standing or tier, one review sheet each (a business review). */
  readonly group?: ReviewGroup;
}

/**
 * Runs a report's catalog function on the source cells, its parameters filled by name from the
 * kind's record, and describes the sheet to write: values, formats, colour scale, red rows and
 * chart. Problems come back as CoreError values.
 *
 * @example buildReport({ kind: "scorecard", source: poLines, config: weights, asOf: "today" }, cx).values[0] // ["Vendor", "Lines", ...]
 */
export function buildReport(input: ReportInput, cx: Context): ReportSheet | CoreError {
  const info = kindInfo(input.kind);
  const { source } = input;
  if (source.length === 0 || source.every((row) => row.every((c) => isBlank(c as CellValue)))) {
    return new CoreError("empty_range", "The source range is empty: select the data including its header row, or pick a table.", { arg: info.source.param });
  }
  if (info.compose) return info.compose(input, cx);
  const args: Record<string, unknown> = { [info.source.param]: source, as_of: input.asOf === "today" ? null : input.asOf };
  if (info.config && input.config.length) args[info.config.param] = input.config;
  if (info.calendar && input.calendar?.length) args[info.calendar.param] = input.calendar;
  if (input.survey && takesSurvey(input.kind)) args.survey = input.survey;
  const result = bind(info.fn, cx).call(args);
  if (result instanceof CoreError) return result;
  if (!Array.isArray(result) || result.length === 0) return new CoreError("no_data", `${info.fn.name} returned no table.`);
  return describe(input.kind, result, standingsOf(input.kind, input.config));
}

/**
 * Whether a report kind's function takes a survey (the scorecard scores the criteria its weights
 * name; the data-quality report adds the survey's rows): the pane offers a survey source for these.
 *
 * @example takesSurvey("scorecard") // true
 */
export function takesSurvey(kind: ReportKind): boolean {
  return kindInfo(kind).fn.params.some((p) => p.name === "survey");
}

/** The standings a report's weights table gives, for its row colours; undefined for a kind without weights, or weights without standings. */
export function standingsOf(kind: ReportKind, weights: Range | undefined): readonly Standing[] | undefined {
  if (kindInfo(kind).config?.param !== "weights" || !weights || weights.length === 0) return undefined;
  const config = readScoreConfig(weights);
  return config instanceof CoreError ? undefined : config.standings;
}

/**
 * Formats, rules and chart of a result grid, from the kind's record. A column the record does
 * not know is a programmer's mistake: it is shown as text, and the registry's tests catch it
 * (a kind whose columns are named by the data, such as periods, gives their format as `"*"`).
 * With `standings` that have colours, rows are filled by their standing's colour instead of the
 * red rule.
 */
export function describe(kind: ReportKind, values: ResultGrid, standings?: readonly Standing[]): ReportSheet {
  const info = kindInfo(kind);
  const header = (values[0] ?? []).map(String);
  if (info.sort) values = sorted(values, header.indexOf(info.sort.column));
  const named = (h: string) => h !== OTHER && Object.prototype.hasOwnProperty.call(info.columns, h);
  const formats = header.map((h): ColumnFormat => (named(h) ? info.columns[h]! : info.columns[OTHER] ?? "text"));
  const scale = info.scale ? scaleColumns(header, info.scale.column, named) : undefined;
  const ruleCol = info.red ? header.indexOf(info.red.column) : -1;
  const fillCol = info.fills ? header.indexOf(info.fills.column) : -1;
  const fillRules: FillRule[] = info.fills && fillCol >= 0 ? info.fills.rows.map((f) => ({ column: fillCol, ...f })) : [];
  if (standings && ruleCol >= 0) for (const b of standings) if (b.colour) fillRules.push({ column: ruleCol, equals: b.name, fill: b.colour });
  const redRule = info.red && ruleCol >= 0 && !standings ? { column: ruleCol, equals: info.red.equals } : null;
  const redRows = redRule ? rowsWhere(values, redRule.column, redRule.equals) : [];
  return {
    kind,
    title: info.label,
    values,
    formats,
    patterns: formats.map((f) => FORMAT_PATTERN[f]),
    colorScale: info.scale && scale ? { ...scale, higherIsBetter: info.scale.higherIsBetter } : null,
    redRule,
    redRows,
    fillRules,
    summary: info.count ? `${rowsWhere(values, header.indexOf(info.count.column), info.count.equals).length} ${info.count.equals}` : "",
    charts: info.charts ? info.charts(values, standings) : [],
  };
}

/** Indexes into `values` (1 = first data row) of the rows whose `column` equals `equals`, in any case; none without the column. */
function rowsWhere(values: ResultGrid, column: number, equals: string): number[] {
  const want = equals.toLowerCase();
  const rows: number[] = [];
  if (column >= 0) for (let r = 1; r < values.length; r++) if (String(values[r]![column]).toLowerCase() === want) rows.push(r);
  return rows;
}

/** The data rows sorted by one column, lowest first; blank (or text) cells after every number, ties in their order. */
function sorted(values: ResultGrid, column: number): ResultGrid {
  if (column < 0) return values;
  const key = (row: readonly unknown[]) => (typeof row[column] === "number" ? (row[column] as number) : Infinity);
  // Array.prototype.sort is stable: equal keys keep the function's order.
  return [values[0]!, ...values.slice(1).sort((a, b) => {
    const x = key(a), y = key(b);
    return x === y ? 0 : x < y ? -1 : 1;
  })];
}

/** The record's key for the columns the data names (a trend's periods, a risk register's dimensions). */
export const OTHER = "*";

/** Where a colour scale goes: the named column, or for `"*"` the run of columns the record does not name. */
function scaleColumns(header: readonly string[], column: string, named: (h: string) => boolean): { column: number; columns?: number } | undefined {
  if (column !== OTHER) {
    const at = header.indexOf(column);
    return at < 0 ? undefined : { column: at };
  }
  const first = header.findIndex((h) => !named(h));
  if (first < 0) return undefined;
  let n = 0;
  while (first + n < header.length && !named(header[first + n]!)) n++;
  return n === 1 ? { column: first } : { column: first, columns: n };
}
