/// <reference types="office-js" />
import { HEADER_FILL, HEADER_TEXT, RED_FILL, RED_TEXT, SCALE_COLORS, chartRows, formatRows, headerRows, helperBlocks, titleRows, type ChartSpec, type ReportSheet, safeText } from "../core/report";
import { blockAddress, columnLetter } from "./address";

export const CHART_NAME = "vendorscore chart";

/** The name of a report's `i`th chart: the first keeps the name earlier versions gave it. */
export function chartName(i: number): string {
  return i === 0 ? CHART_NAME : `${CHART_NAME} ${i + 1}`;
}

/** Whether a chart on a report sheet is one a report drew (and so one the next write replaces). */
export function isReportChart(name: string): boolean {
  return name === CHART_NAME || name.startsWith(`${CHART_NAME} `);
}

/**
 * A report is written in three steps, each queued and then synced by the caller: `clearReport`
 * empties the sheet, `writeRows` writes one block of rows (values and number formats, under the
 * request limit), `finishReport` adds the header style, colour scale, red-fill rule, frozen
 * header, the charts (from the table's own columns, or from helper blocks in hidden columns) and
 * autofit over the table. Rules cover whole columns, so their cost does not grow with the rows.
 */
export function clearReport(sheet: Excel.Worksheet, oldCharts: readonly Excel.Chart[]): void {
  for (const c of oldCharts) c.delete();
  const all = sheet.getRange();
  all.conditionalFormats.clearAll();
  all.clear("All");
  // The last write's helper columns: the table may now reach into them.
  all.columnHidden = false;
}

/** Rows `[start, start + count)` of the report: values, and the columns' number formats below the header. */
export function writeRows(sheet: Excel.Worksheet, report: ReportSheet, start: number, count: number): void {
  const cols = report.values[0]?.length ?? 0;
  if (count <= 0 || cols === 0) return;
  sheet.getRange(blockAddress(start, 0, count, cols)).values = report.values.slice(start, start + count).map((row) => row.map(safeText)) as unknown[][];
  const f = formatRows(report, start, count);
  if (f.rows.length > 0) sheet.getRange(blockAddress(f.first, 0, f.rows.length, cols)).numberFormat = f.rows;
}

export function finishReport(sheet: Excel.Worksheet, report: ReportSheet): void {
  const rows = report.values.length;
  const cols = report.values[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return;
  for (const h of headerRows(report)) {
    const header = sheet.getRange(blockAddress(h.row, 0, 1, h.columns));
    header.format.font.bold = true;
    header.format.font.color = HEADER_TEXT;
    header.format.fill.color = HEADER_FILL;
  }
  for (const t of titleRows(report)) sheet.getRange(blockAddress(t, 0, 1, 1)).format.font.bold = true;

  const dataRows = rows - 1;
  if (dataRows > 0) {
    // The rules run to the sheet's last row, so rows a later refresh adds (the Office Script
    // rewrites values only) are coloured too; blank cells take no colour.
    const ruleRows = SHEET_ROWS - 1;
    if (report.colorScale) {
      // One scale over the whole block for a heat map (a trend's periods), so every cell is coloured against all.
      const cf = sheet.getRange(blockAddress(1, report.colorScale.column, ruleRows, report.colorScale.columns ?? 1)).conditionalFormats.add("ColorScale");
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
    for (const f of report.fillRules) {
      // A standing's colour; Excel's = compares text in any case.
      const cf = sheet.getRange(blockAddress(1, 0, ruleRows, cols)).conditionalFormats.add("Custom");
      cf.custom.rule.formula = `=$${columnLetter(f.column)}2="${f.equals.replace(/"/g, '""')}"`;
      cf.custom.format.fill.color = f.fill;
    }
  }

  const helpers = helperBlocks(report);
  for (const h of helpers) {
    sheet.getRange(blockAddress(0, h.column, h.values.length, h.values[0]!.length)).values = h.values.map((row) => row.map(safeText)) as unknown[][];
    sheet.getRange(blockAddress(0, h.column, 1, h.values[0]!.length)).columnHidden = true;
  }
  let top = 1;
  report.charts.forEach((spec, i) => {
    const h = helpers.find((b) => b.chart === i);
    const at = h ? { header: 0, count: h.values.length - 1 } : chartRows(report, spec);
    const grid = h ? h.values : report.values;
    drawChart(sheet, spec, i, { column: h ? h.column : 0, header: at.header, count: at.count, headers: (grid[at.header] ?? []).map(String) }, `${columnLetter(cols + 1)}${top + 1}`);
    top += CHART_ROWS;
  });
  sheet.freezePanes.freezeRows(1);
  sheet.getRange(blockAddress(0, 0, Math.min(rows, AUTOFIT_ROWS), cols)).format.autofitColumns();
  sheet.tabColor = HEADER_FILL;
}

/** Rows in an Excel sheet. */
const SHEET_ROWS = 1_048_576;

/** Autofit looks at the first rows only: measuring 100,000 rows would cost more than it tells. */
const AUTOFIT_ROWS = 1000;


/** Rows a chart takes, so the next one starts below it. */
const CHART_ROWS = 20;

const EXCEL_TYPE = { bar: "BarClustered", combo: "ColumnClustered", scatter: "XYScatter", line: "LineMarkers" } as const;

/**
 * One chart whose series read columns of a block on the sheet (the table, or a helper block):
 * `data.column` is the block's first sheet column, `data.header` its header row (whose cells are
 * `data.headers`) and `data.count` its data rows below. Each
 * series is set from its own column (`setValues`, `setXAxisValues`), so the columns need not be
 * next to each other and nothing is copied beside the table.
 */
function drawChart(sheet: Excel.Worksheet, spec: ChartSpec, index: number, data: { column: number; header: number; count: number; headers: readonly string[] }, anchor: string): void {
  const n = data.count;
  if (n < 1 || spec.series.length === 0) return;
  const column = (c: number) => sheet.getRange(blockAddress(data.header + 1, data.column + c, n, 1));
  const first = spec.series[0]!;
  const chart = sheet.charts.add(EXCEL_TYPE[spec.type], column(first.column), "Columns");
  chart.name = chartName(index);
  chart.title.text = spec.title;
  chart.legend.visible = spec.series.length > 1;
  spec.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add("");
    if (i > 0) series.setValues(column(s.column));
    series.name = data.headers[s.column] ?? "";
    series.setXAxisValues(column(spec.categories));
    if (s.as === "line") {
      series.chartType = "Line";
      series.axisGroup = "Secondary";
    }
    s.pointColors?.forEach((color, p) => color && series.points.getItemAt(p).format.fill.setSolidColor(color));
    s.pointLabels?.forEach((label, p) => {
      if (!label) return;
      const point = series.points.getItemAt(p);
      point.hasDataLabel = true;
      point.dataLabel.text = label;
    });
  });
  // Bars are drawn bottom-up; reversed, the first row (the best score) is at the top as in the table.
  if (spec.type === "bar") chart.axes.categoryAxis.reversePlotOrder = true;
  if (spec.axes?.x) chart.axes.categoryAxis.title.text = spec.axes.x;
  if (spec.axes?.y) chart.axes.valueAxis.title.text = spec.axes.y;
  if (spec.axes?.y2) chart.axes.getItem("Value" as Excel.ChartAxisType, "Secondary" as Excel.ChartAxisGroup).title.text = spec.axes.y2;
  // A helper block sits in hidden columns, which Excel leaves out of a chart by default.
  if (data.column > 0) chart.plotVisibleOnly = false;
  chart.setPosition(anchor);
}
