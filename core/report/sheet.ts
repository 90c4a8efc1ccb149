import type { ResultGrid } from "../cell/types";
import type { ColumnFormat } from "./format";
import type { ReportKind } from "./kinds";

/** A bar chart: category in the first column of `data`, values in the second, header first. */
export interface ChartSpec {
  readonly type: "bar";
  readonly title: string;
  /** Written beside the report (two columns to its right) and charted from there. */
  readonly data: ResultGrid;
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
  /** The column that gets a 3-colour scale; `higherIsBetter` puts green at the top. */
  readonly colorScale: { readonly column: number; readonly higherIsBetter: boolean } | null;
  /** Rows whose `column` equals `equals` (any case) get a red fill: as a rule, so hosts can keep it conditional. */
  readonly redRule: { readonly column: number; readonly equals: string } | null;
  /** Indexes into `values` (1 = first data row) the red rule matches now. */
  readonly redRows: readonly number[];
  readonly chart: ChartSpec | null;
}

/** Light red fill and dark red text, as Excel's "Light red fill with dark red text" preset. */
export const RED_FILL = "#FFC7CE";
export const RED_TEXT = "#9C0006";
/** Colour scale ends: red, yellow, green (Excel's default 3-colour scale). */
export const SCALE_COLORS = { low: "#F8696B", mid: "#FFEB84", high: "#63BE7B" } as const;
export const HEADER_FILL = "#1F4E78";
export const HEADER_TEXT = "#FFFFFF";
