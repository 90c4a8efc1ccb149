import type { ResultGrid } from "../cell/types";
import type { ColumnFormat } from "./format";
import type { ReportKind } from "./kinds";

/**
 * One series of a chart: a column of the report's table (or of the chart's helper block), its
 * name the column's header.
 */
export interface ChartSeries {
  readonly column: number;
  /** In a combo chart, how this series is drawn; a line goes on the secondary axis. */
  readonly as?: "bar" | "line";
  /** Per data row, the colour of that row's point ("" = the series colour). */
  readonly pointColors?: readonly string[];
  /** Per data row, the label shown beside that row's point ("" = none). */
  readonly pointLabels?: readonly string[];
}

/**
 * A chart over the report, in host-neutral terms: which columns it reads, never where cells go.
 * Its columns are the report's own (`helper` absent) or those of `helper`, a derived table the
 * hosts write to hidden cells, for a chart whose data the report does not hold as rows (a count
 * per vendor). Either way, nothing a chart reads is shown beside the table.
 */
export interface ChartSpec {
  /** `bar`: horizontal bars in row order; `combo`: bars and lines over the categories; `scatter`: x by y; `line`: a line over the categories. */
  readonly type: "bar" | "combo" | "scatter" | "line";
  readonly title: string;
  /** The category column (bar, combo) or the x column (scatter). */
  readonly categories: number;
  readonly series: readonly ChartSeries[];
  /** Axis titles, where the chart needs them to be read (the Kraljic matrix's quadrants). */
  readonly axes?: { readonly x?: string; readonly y?: string; readonly y2?: string };
  /** Header row then data rows, when the chart reads a derived table rather than the report's. */
  readonly helper?: ResultGrid;
  /**
   * On a sheet of blocks, the table the chart reads: its header row (0-based in `values`) and its
   * data rows. Absent: the report's one table, header in row 0 and every row below.
   */
  readonly rows?: { readonly header: number; readonly count: number };
}

/**
 * One block of a sheet made of several (a business review: title block, tables): where it
 * starts, how many rows it has, its own title line and header row, and its columns' number
 * formats below the header. A single-table report has no blocks: its one table starts in row 0.
 */
export interface SheetBlock {
  /** First row (0-based in `values`): the title line when there is one, else the header row. */
  readonly row: number;
  /** Rows, title line and header row included. */
  readonly rows: number;
  /** Columns the block spans from column A. */
  readonly columns: number;
  /** A bold line above the block ("Needs attention"). */
  readonly title?: string;
  /** Whether the block's first row after its title is a header row (styled as the table headers). */
  readonly header: boolean;
  /** Per column, the number format of the rows below the header. */
  readonly patterns: readonly string[];
  /** Per row below the header, where a row's numbers are its own kind (a KPI's value, target and floor): that row's formats in place of `patterns`. */
  readonly rowPatterns?: readonly (readonly string[] | undefined)[];
}

/**
 * The number formats of one row of a report: none for a header or title row, else the formats of
 * the table (or, on a sheet of blocks, of the block) holding it, padded to the sheet's width.
 *
 * @example rowPatterns(scorecard, 0) // undefined (the header)
 */
export function rowPatterns(report: Pick<ReportSheet, "patterns" | "blocks">, row: number): readonly string[] | undefined {
  if (!report.blocks) return row === 0 ? undefined : report.patterns;
  const b = report.blocks.find((x) => row >= x.row && row < x.row + x.rows);
  const firstData = b ? b.row + (b.title ? 1 : 0) + (b.header ? 1 : 0) : Infinity;
  if (!b || row < firstData) return undefined;
  const own = b.rowPatterns?.[row - firstData] ?? b.patterns;
  return report.patterns.map((general, c) => own[c] ?? general);
}

/** Rows a report styles as table headers: row 0, or each block's header row. */
export function headerRows(report: Pick<ReportSheet, "blocks" | "values">): { row: number; columns: number }[] {
  if (!report.blocks) return [{ row: 0, columns: report.values[0]?.length ?? 0 }];
  return report.blocks.filter((b) => b.header).map((b) => ({ row: b.row + (b.title ? 1 : 0), columns: b.columns }));
}

/** Rows a report sets in bold as block titles (none for a single table). */
export function titleRows(report: Pick<ReportSheet, "blocks">): number[] {
  return (report.blocks ?? []).filter((b) => b.title !== undefined).map((b) => b.row);
}

/** The rows a chart reads: its header row and data rows (the whole table when the chart names none). */
export function chartRows(report: Pick<ReportSheet, "values">, spec: ChartSpec): { header: number; count: number } {
  return spec.rows ?? { header: 0, count: report.values.length - 1 };
}

/**
 * A generated report in host-neutral terms. Both hosts render exactly this: neither decides
 * a format, a colour or a chart on its own, so a report looks the same in Excel and Sheets.
 */
export interface ReportSheet {
  readonly kind: ReportKind;
  readonly title: string;
  /** Header row then one row per result row; "" for an empty cell. */
  readonly values: ResultGrid;
  /** Per column, what the numbers are. */
  readonly formats: readonly ColumnFormat[];
  /** Per column, the number format pattern (FORMAT_PATTERN of `formats`). */
  readonly patterns: readonly string[];
  /**
   * The column that gets a 3-colour scale; `higherIsBetter` puts green at the top. With `columns`,
   * that many columns from `column` on share one scale (a heat map: each cell coloured against all).
   */
  readonly colorScale: { readonly column: number; readonly higherIsBetter: boolean; readonly columns?: number } | null;
  /** Rows whose `column` equals `equals` (any case) get a red fill: as a rule, so hosts can keep it conditional. */
  readonly redRule: { readonly column: number; readonly equals: string } | null;
  /** Indexes into `values` (1 = first data row) the red rule matches now. */
  readonly redRows: readonly number[];
  /**
   * Rows whose `column` equals `equals` (any case) get the `fill` colour: the kind's own row
   * colours beside the red rule (a contract notice due, expired), and one rule per standing with a
   * colour, in place of the red rule, when the weights give standings. Empty otherwise.
   */
  readonly fillRules: readonly FillRule[];
  /** What the reports list shows for this result ("2 notice due"); "" for a kind that counts nothing. */
  readonly summary: string;
  /** The charts drawn beside the table, in order (none for a report without one). */
  readonly charts: readonly ChartSpec[];
  /**
   * A sheet made of blocks (title block, tables) laid out down column A, `values` holding them all,
   * each block's own formats; rules (colour scale, red rows) do not apply. Absent: one table.
   */
  readonly blocks?: readonly SheetBlock[];
}

/** A row fill by the value of one column, as a conditional rule. */
export interface FillRule {
  readonly column: number;
  readonly equals: string;
  /** `#RRGGBB`. */
  readonly fill: string;
}

/** Light red fill and dark red text, as Excel's "Light red fill with dark red text" preset. */
export const RED_FILL = "#FFC7CE";
export const RED_TEXT = "#9C0006";
/** Colour scale ends: red, yellow, green (Excel's default 3-colour scale). */
export const SCALE_COLORS = { low: "#F8696B", mid: "#FFEB84", high: "#63BE7B" } as const;
/** Amber: the fill of Excel's "Yellow fill with dark yellow text" preset. */
export const AMBER_FILL = "#FFEB9C";
/** Grey, for rows that no longer call for action. */
export const GREY_FILL = "#D9D9D9";
export const HEADER_FILL = "#1F4E78";
export const HEADER_TEXT = "#FFFFFF";
/** Bar colours by grade: green to red, as the colour scale runs. */
export const GRADE_COLORS: Readonly<Record<string, string>> = { A: "#63BE7B", B: "#B1D580", C: "#FFEB84", D: "#F8696B" };

/** A chart's helper block and the sheet column (0-based) it starts at. */
export interface HelperBlock {
  readonly chart: number;
  readonly column: number;
  readonly values: ResultGrid;
}

/**
 * Where the charts' helper blocks go: side by side from one column right of the table, in columns
 * the hosts hide (and tell their charts to plot anyway). Kept on the report's own sheet so they
 * travel with it (copy, rename, delete) and need no second sheet to own; the empty column between
 * keeps them out of the table's current region. Both hosts and the Office Script place them here.
 *
 * @example helperBlocks(slaReport) // [{ chart: 0, column: 14, values: [["Vendor", "Breaches"], ["Acme", 2], ...] }]
 */
export function helperBlocks(report: Pick<ReportSheet, "values" | "charts">): HelperBlock[] {
  const blocks: HelperBlock[] = [];
  let column = (report.values[0]?.length ?? 0) + 1;
  report.charts.forEach((chart, i) => {
    if (!chart.helper || chart.helper.length === 0) return;
    blocks.push({ chart: i, column, values: chart.helper });
    column += (chart.helper[0]?.length ?? 0) + 1;
  });
  return blocks;
}

/**
 * The number formats of rows `[start, start + count)` of a report, as a host writes them with the
 * values: from `first` on, one pattern per column. A single table skips its header row (row 0);
 * a sheet of blocks gives every row, title and header rows "General".
 *
 * @example formatRows(scorecard, 0, 3) // { first: 1, rows: [patterns, patterns] }
 */
export function formatRows(report: Pick<ReportSheet, "patterns" | "blocks">, start: number, count: number): { first: number; rows: string[][] } {
  const first = report.blocks ? start : Math.max(start, 1);
  const rows: string[][] = [];
  for (let r = first; r < start + count; r++) rows.push([...(rowPatterns(report, r) ?? report.patterns.map(() => "General"))]);
  return { first, rows };
}
