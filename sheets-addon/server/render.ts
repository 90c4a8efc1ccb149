import { HEADER_FILL, HEADER_TEXT, RED_FILL, RED_TEXT, SCALE_COLORS, type ReportSheet, safeText } from "../../core/report";

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
 * red-row rule (conditional, so they follow later values), frozen header, chart data beside the
 * table and an embedded bar chart. Service calls grow with the blocks, not the rows.
 */
export function clearReport(sheet: Sheet): void {
  for (const c of sheet.getCharts()) sheet.removeChart(c);
  sheet.clear();
  sheet.setConditionalFormatRules([]);
}

/** Rows `[start, start + count)` of the report: values, and the columns' number formats below the header. */
export function writeRows(sheet: Sheet, report: ReportSheet, start: number, count: number): void {
  const cols = report.values[0]?.length ?? 0;
  if (count <= 0 || cols === 0) return;
  sheet.getRange(start + 1, 1, count, cols).setValues(report.values.slice(start, start + count).map((row) => row.map(safeText)));
  const first = Math.max(start, 1);
  const n = start + count - first;
  if (n > 0) {
    const row = report.patterns.slice();
    sheet.getRange(first + 1, 1, n, cols).setNumberFormats(Array.from({ length: n }, () => row));
  }
}

export function finishReport(sheet: Sheet, report: ReportSheet): void {
  const rows = report.values.length;
  const cols = report.values[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return;
  sheet.getRange(1, 1, 1, cols).setFontWeight("bold").setFontColor(HEADER_TEXT).setBackground(HEADER_FILL);

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
    if (report.colorScale) {
      const [lo, hi] = report.colorScale.higherIsBetter ? [SCALE_COLORS.low, SCALE_COLORS.high] : [SCALE_COLORS.high, SCALE_COLORS.low];
      rules.push(
        SpreadsheetApp.newConditionalFormatRule()
          .setGradientMinpoint(lo)
          .setGradientMidpointWithValue(SCALE_COLORS.mid, SpreadsheetApp.InterpolationType.PERCENTILE, "50")
          .setGradientMaxpoint(hi)
          .setRanges([sheet.getRange(2, report.colorScale.column + 1, dataRows, 1)])
          .build(),
      );
    }
    sheet.setConditionalFormatRules(rules);
  }

  if (report.chart && report.chart.data.length > 1) {
    const left = cols + 2;
    const data = report.chart.data;
    const block = sheet.getRange(1, left, data.length, 2);
    block.setValues(data.map((row) => row.map(safeText)));
    sheet.getRange(1, left, 1, 2).setFontWeight("bold");
    sheet.insertChart(
      sheet.newChart()
        .setChartType(Charts.ChartType.BAR)
        .addRange(block)
        .setNumHeaders(1)
        .setOption("title", report.chart.title)
        .setOption("legend", { position: "none" })
        .setPosition(2, left + 3, 0, 0)
        .build(),
    );
  }
  sheet.setFrozenRows(1);
  sheet.autoResizeColumns(1, cols);
  sheet.setTabColor(HEADER_FILL);
}

