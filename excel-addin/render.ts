/// <reference types="office-js" />
import { HEADER_FILL, HEADER_TEXT, RED_FILL, RED_TEXT, SCALE_COLORS, type ReportSheet, safeText } from "../core/report";
import { blockAddress, columnLetter } from "./address";

export const CHART_NAME = "vendorscore chart";

/**
 * A report is written in three steps, each queued and then synced by the caller: `clearReport`
 * empties the sheet, `writeRows` writes one block of rows (values and number formats, under the
 * request limit), `finishReport` adds the header style, colour scale, red-fill rule, frozen
 * header, chart data beside the table and a bar chart, and autofit. Rules cover whole columns,
 * so their cost does not grow with the rows.
 */
export function clearReport(sheet: Excel.Worksheet, oldCharts: readonly Excel.Chart[]): void {
  for (const c of oldCharts) c.delete();
  const all = sheet.getRange();
  all.conditionalFormats.clearAll();
  all.clear("All");
}

/** Rows `[start, start + count)` of the report: values, and the columns' number formats below the header. */
export function writeRows(sheet: Excel.Worksheet, report: ReportSheet, start: number, count: number): void {
  const cols = report.values[0]?.length ?? 0;
  if (count <= 0 || cols === 0) return;
  sheet.getRange(blockAddress(start, 0, count, cols)).values = report.values.slice(start, start + count).map((row) => row.map(safeText)) as unknown[][];
  const first = Math.max(start, 1);
  const n = start + count - first;
  if (n > 0) sheet.getRange(blockAddress(first, 0, n, cols)).numberFormat = new Array(n).fill(report.patterns) as unknown[][];
}

export function finishReport(sheet: Excel.Worksheet, report: ReportSheet): void {
  const rows = report.values.length;
  const cols = report.values[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return;
  const header = sheet.getRange(blockAddress(0, 0, 1, cols));
  header.format.font.bold = true;
  header.format.font.color = HEADER_TEXT;
  header.format.fill.color = HEADER_FILL;

  const dataRows = rows - 1;
  if (dataRows > 0) {
    // The rules run to the sheet's last row, so rows a later refresh adds (the Office Script
    // rewrites values only) are coloured too; blank cells take no colour.
    const ruleRows = SHEET_ROWS - 1;
    if (report.colorScale) {
      const cf = sheet.getRange(blockAddress(1, report.colorScale.column, ruleRows, 1)).conditionalFormats.add("ColorScale");
      const [lo, hi] = report.colorScale.higherIsBetter ? [SCALE_COLORS.low, SCALE_COLORS.high] : [SCALE_COLORS.high, SCALE_COLORS.low];
      cf.colorScale.criteria = {
        minimum: { formula: null as unknown as string, type: "LowestValue", color: lo },
        midpoint: { formula: "50", type: "Percentile", color: SCALE_COLORS.mid },
        maximum: { formula: null as unknown as string, type: "HighestValue", color: hi },
      };
    }
    if (report.redRule) {
      // A rule rather than fills row by row: one operation for 10 or 10,000 rows.
      const cf = sheet.getRange(blockAddress(1, 0, ruleRows, cols)).conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=$${columnLetter(report.redRule.column)}2="${report.redRule.equals}"`;
      cf.custom.format.fill.color = RED_FILL;
      cf.custom.format.font.color = RED_TEXT;
    }
  }

  if (report.chart && report.chart.data.length > 1) {
    const left = cols + 1;
    const data = report.chart.data;
    const block = sheet.getRange(blockAddress(0, left, data.length, 2));
    block.values = data.map((row) => row.map(safeText)) as unknown[][];
    sheet.getRange(blockAddress(0, left, 1, 2)).format.font.bold = true;
    const chart = sheet.charts.add("BarClustered", block, "Columns");
    chart.name = CHART_NAME;
    chart.title.text = report.chart.title;
    chart.legend.visible = false;
    chart.setPosition(`${columnLetter(left + 3)}2`);
  }
  sheet.freezePanes.freezeRows(1);
  sheet.getRange(blockAddress(0, 0, Math.min(rows, AUTOFIT_ROWS), cols + 3)).format.autofitColumns();
  sheet.tabColor = HEADER_FILL;
}

/** Rows in an Excel sheet. */
const SHEET_ROWS = 1_048_576;

/** Autofit looks at the first rows only: measuring 100,000 rows would cost more than it tells. */
const AUTOFIT_ROWS = 1000;

