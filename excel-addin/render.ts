/// <reference types="office-js" />
import { HEADER_FILL, HEADER_TEXT, RED_FILL, RED_TEXT, SCALE_COLORS, safeGrid, type ReportSheet } from "../core/report";
import { blockAddress, columnLetter } from "./address";

export const CHART_NAME = "vendorscore chart";

/**
 * Queues the writes that turn a ReportSheet into a formatted sheet: values in one block,
 * number formats per column, header style, colour scale, a red-fill rule, frozen header,
 * chart data beside the table and a bar chart, autofit. Nothing here syncs, so the whole
 * report costs one round trip whatever its size.
 */
export function renderReport(sheet: Excel.Worksheet, report: ReportSheet, oldCharts: readonly Excel.Chart[]): void {
  for (const c of oldCharts) c.delete();
  const all = sheet.getRange();
  all.conditionalFormats.clearAll();
  all.clear("All");

  const rows = report.values.length;
  const cols = report.values[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return;
  // Text from the data is written as text, never entered as a formula (safeGrid says how and why).
  sheet.getRange(blockAddress(0, 0, rows, cols)).values = safeGrid(report.values) as unknown as unknown[][];

  const header = sheet.getRange(blockAddress(0, 0, 1, cols));
  header.format.font.bold = true;
  header.format.font.color = HEADER_TEXT;
  header.format.fill.color = HEADER_FILL;

  const dataRows = rows - 1;
  if (dataRows > 0) {
    report.patterns.forEach((p, c) => {
      sheet.getRange(blockAddress(1, c, dataRows, 1)).numberFormat = new Array(dataRows).fill([p]);
    });
    if (report.colorScale) {
      const cf = sheet.getRange(blockAddress(1, report.colorScale.column, dataRows, 1)).conditionalFormats.add("ColorScale");
      const [lo, hi] = report.colorScale.higherIsBetter ? [SCALE_COLORS.low, SCALE_COLORS.high] : [SCALE_COLORS.high, SCALE_COLORS.low];
      cf.colorScale.criteria = {
        minimum: { formula: null as unknown as string, type: "LowestValue", color: lo },
        midpoint: { formula: "50", type: "Percentile", color: SCALE_COLORS.mid },
        maximum: { formula: null as unknown as string, type: "HighestValue", color: hi },
      };
    }
    if (report.redRule) {
      // A rule rather than fills row by row: one operation for 10 or 10,000 rows.
      const cf = sheet.getRange(blockAddress(1, 0, dataRows, cols)).conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=$${columnLetter(report.redRule.column)}2="${report.redRule.equals}"`;
      cf.custom.format.fill.color = RED_FILL;
      cf.custom.format.font.color = RED_TEXT;
    }
  }

  if (report.chart && report.chart.data.length > 1) {
    const left = cols + 1;
    const data = report.chart.data;
    const block = sheet.getRange(blockAddress(0, left, data.length, 2));
    block.values = safeGrid(data) as unknown as unknown[][];
    sheet.getRange(blockAddress(0, left, 1, 2)).format.font.bold = true;
    const chart = sheet.charts.add("BarClustered", block, "Columns");
    chart.name = CHART_NAME;
    chart.title.text = report.chart.title;
    chart.legend.visible = false;
    chart.setPosition(`${columnLetter(left + 3)}2`);
  }
  sheet.freezePanes.freezeRows(1);
  sheet.getRange(blockAddress(0, 0, rows, cols + 3)).format.autofitColumns();
  sheet.tabColor = HEADER_FILL;
}
