import { HEADER_FILL, HEADER_TEXT, RED_FILL, RED_TEXT, SCALE_COLORS, chartRows, formatRows, headerRows, helperBlocks, titleRows, type ChartSpec, type ReportSheet, safeText } from "../../core/report";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Column letters of a 0-based index: 0 -> A, 26 -> AA. */
export function columnLetter(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A ReportSheet is written as the Excel add-in writes it, in three steps: `clearReport` empties the
 * sheet; `writeRows` writes a block of rows (values and number formats, so a block stays under the
 * size a request may carry); `finishReport` adds the header style, a colour-scale rule and a
 * red-row rule (conditional, so they follow later values), frozen header, and the embedded charts,
 * which read the table's own columns or a helper block in hidden columns. Service calls grow with
 * the blocks, not the rows.
 */
export function clearReport(sheet: Sheet): void {
  for (const c of sheet.getCharts()) sheet.removeChart(c);
  // The last write's helper columns: the table may now reach into them.
  const last = sheet.getLastColumn();
  if (last > 0) sheet.showColumns(1, last);
  sheet.clear();
  sheet.setConditionalFormatRules([]);
}

/** Rows `[start, start + count)` of the report: values, and the columns' number formats below the header. */
export function writeRows(sheet: Sheet, report: ReportSheet, start: number, count: number): void {
  const cols = report.values[0]?.length ?? 0;
  if (count <= 0 || cols === 0) return;
  sheet.getRange(start + 1, 1, count, cols).setValues(report.values.slice(start, start + count).map((row) => row.map(safeText)));
  const f = formatRows(report, start, count);
  if (f.rows.length > 0) sheet.getRange(f.first + 1, 1, f.rows.length, cols).setNumberFormats(f.rows);
}

export function finishReport(sheet: Sheet, report: ReportSheet): void {
  const rows = report.values.length;
  const cols = report.values[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return;
  for (const h of headerRows(report)) sheet.getRange(h.row + 1, 1, 1, h.columns).setFontWeight("bold").setFontColor(HEADER_TEXT).setBackground(HEADER_FILL);
  for (const t of titleRows(report)) sheet.getRange(t + 1, 1).setFontWeight("bold");

  const dataRows = rows - 1;
  if (dataRows > 0) {
    const rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
    if (report.redRule) {
      const equals = report.redRule.equals.replace(/"/g, '""');
      rules.push(
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(`=LOWER($${columnLetter(report.redRule.column)}2)="${equals.toLowerCase()}"`)
          .setBackground(RED_FILL)
          .setFontColor(RED_TEXT)
          .setRanges([sheet.getRange(2, 1, dataRows, cols)])
          .build(),
      );
    }
    for (const f of report.fillRules) {
      // A standing's colour, compared in any case as the red rule is.
      rules.push(
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(`=LOWER($${columnLetter(f.column)}2)="${f.equals.replace(/"/g, '""').toLowerCase()}"`)
          .setBackground(f.fill)
          .setRanges([sheet.getRange(2, 1, dataRows, cols)])
          .build(),
      );
    }
    if (report.colorScale) {
      const [lo, hi] = report.colorScale.higherIsBetter ? [SCALE_COLORS.low, SCALE_COLORS.high] : [SCALE_COLORS.high, SCALE_COLORS.low];
      rules.push(
        SpreadsheetApp.newConditionalFormatRule()
          .setGradientMinpoint(lo)
          .setGradientMidpointWithValue(SCALE_COLORS.mid, SpreadsheetApp.InterpolationType.PERCENTILE, "50")
          .setGradientMaxpoint(hi)
          // One scale over the whole block for a heat map (a trend's periods), so every cell is coloured against all.
          .setRanges([sheet.getRange(2, report.colorScale.column + 1, dataRows, report.colorScale.columns ?? 1)])
          .build(),
      );
    }
    sheet.setConditionalFormatRules(rules);
  }

  const helpers = helperBlocks(report);
  for (const h of helpers) {
    const width = h.values[0]!.length;
    sheet.getRange(1, h.column + 1, h.values.length, width).setValues(h.values.map((row) => row.map(safeText)));
    sheet.hideColumns(h.column + 1, width);
  }
  report.charts.forEach((spec, i) => {
    const h = helpers.find((b) => b.chart === i);
    const chart = buildChart(sheet, spec, h ? h.column : 0, h ? { header: 0, count: h.values.length - 1 } : chartRows(report, spec));
    if (chart) sheet.insertChart(chart.setPosition(2 + i * CHART_ROWS, cols + 2, 0, 0).build());
  });
  sheet.setFrozenRows(1);
  sheet.autoResizeColumns(1, cols);
  sheet.setTabColor(HEADER_FILL);
}


/** Rows a chart takes, so the next one starts below it. */
const CHART_ROWS = 20;

/**
 * A chart over the columns of a block (the table, or a helper block from sheet column `left`,
 * 0-based), from its header row `at.header` (0-based) and `at.count` rows below, header row included: the category (or x) column first, then each series' column, as
 * separate ranges, so the columns need not be next to each other.
 */
function buildChart(sheet: Sheet, spec: ChartSpec, left: number, at: { header: number; count: number }): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder | undefined {
  if (at.count < 1 || spec.series.length === 0) return undefined;
  const column = (c: number) => sheet.getRange(at.header + 1, left + c + 1, at.count + 1, 1);
  const type = { bar: Charts.ChartType.BAR, combo: Charts.ChartType.COMBO, scatter: Charts.ChartType.SCATTER, line: Charts.ChartType.LINE }[spec.type];
  let b = sheet.newChart().setChartType(type).addRange(column(spec.categories));
  for (const s of spec.series) b = b.addRange(column(s.column));
  b = b
    .setNumHeaders(1)
    .setOption("title", spec.title)
    .setOption("legend", { position: spec.series.length > 1 ? "bottom" : "none" });
  // A helper block sits in hidden columns, which a Sheets chart leaves out by default.
  if (left > 0) b = b.setHiddenDimensionStrategy(Charts.ChartHiddenDimensionStrategy.SHOW_BOTH);
  if (spec.type === "combo") {
    const series: Record<number, object> = {};
    spec.series.forEach((s, i) => (series[i] = s.as === "line" ? { type: "line", targetAxisIndex: 1 } : { type: "bars", targetAxisIndex: 0 }));
    b = b.setOption("seriesType", "bars").setOption("series", series);
  }
  if (spec.axes?.x) b = b.setOption("hAxis", { title: spec.axes.x });
  if (spec.axes?.y || spec.axes?.y2) {
    b = spec.type === "combo"
      ? b.setOption("vAxes", { 0: { title: spec.axes.y ?? "" }, 1: { title: spec.axes.y2 ?? "" } })
      : b.setOption("vAxis", { title: spec.axes.y ?? "" });
  }
  // Apps Script's chart builder has no per-point colour or per-point label: the grade colours and
  // the vendor labels are kept as options of ours, which Sheets ignores (see the README).
  const colors = spec.series.map((s) => s.pointColors ?? []);
  if (colors.some((c) => c.length)) b = b.setOption("vendorscore.pointColors", colors);
  const labels = spec.series.map((s) => s.pointLabels ?? []);
  if (labels.some((l) => l.length)) b = b.setOption("vendorscore.pointLabels", labels);
  return b;
}
