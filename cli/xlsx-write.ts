import ExcelJS from "exceljs";
import type { Range, ResultCell, ResultGrid } from "../core";
import { describe, HEADER_FILL, HEADER_TEXT, RED_FILL, RED_TEXT, rowPatterns, SCALE_COLORS, standingsOf, type ReportKind, type ReportSheet } from "../core/report";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** Column letters of a 1-based column number: 1 -> A, 28 -> AB. */
function letters(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Characters a cell shows, for the column width: numbers in their format, text as it is. */
function shownLength(v: ResultCell, pattern: string): number {
  if (typeof v === "number") return pattern === "yyyy-mm-dd hh:mm" ? 16 : pattern.endsWith("%") ? 7 : Math.min(18, v.toFixed(2).length + Math.floor(Math.log10(Math.abs(v) + 1) / 3));
  return String(v ?? "").length;
}

/**
 * The report as an XLSX workbook formatted like the add-in's report sheet, from the kind's record
 * (`describe`): its row order, number formats per column, widths, a frozen bold header on the
 * header fill, the 3-colour scale (over every column it spans), the red rule and the row fills
 * (a contract's notice due in amber, the colours of the standings the weights rows give) as
 * conditional formats. Empty cells are
 * left empty and text is written as it is: an XLSX string cell is never a formula.
 */
export async function toXlsx(result: ResultGrid, kind: ReportKind, sheetName: string, weights?: Range): Promise<Buffer> {
  const sheet = describe(kind, result, standingsOf(kind, weights));
  const grid = sheet.values;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  const width = grid[0]!.length;
  for (const row of grid) ws.addRow(row.map((v) => (v === "" || v === undefined ? null : v)));
  const header = ws.getRow(1);
  header.font = { bold: true, color: { argb: argb(HEADER_TEXT) } };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(HEADER_FILL) } };
  });
  for (let c = 0; c < width; c++) {
    const col = ws.getColumn(c + 1);
    const pattern = sheet.patterns[c] ?? "General";
    if (pattern !== "General") col.numFmt = pattern;
    let chars = String(grid[0]![c] ?? "").length + 2;
    for (let r = 1; r < grid.length && r <= 1000; r++) chars = Math.max(chars, shownLength(grid[r]![c]!, pattern) + 2);
    col.width = Math.min(60, Math.max(8, chars));
  }
  // The header keeps its own look: a column's number format must not reach it.
  header.eachCell((cell) => {
    cell.numFmt = "General";
  });
  const last = grid.length;
  if (last > 1 && sheet.colorScale) {
    const from = sheet.colorScale.column + 1;
    const to = from + (sheet.colorScale.columns ?? 1) - 1;
    const ends = sheet.colorScale.higherIsBetter ? [SCALE_COLORS.low, SCALE_COLORS.mid, SCALE_COLORS.high] : [SCALE_COLORS.high, SCALE_COLORS.mid, SCALE_COLORS.low];
    ws.addConditionalFormatting({
      ref: `${letters(from)}2:${letters(to)}${last}`,
      rules: [{ type: "colorScale", priority: 1, cfvo: [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }], color: ends.map((h) => ({ argb: argb(h) })) }],
    });
  }
  if (last > 1 && sheet.redRule) {
    const col = letters(sheet.redRule.column + 1);
    // Excel compares text without regard to case, as the red rule does.
    const equals = sheet.redRule.equals.replace(/"/g, '""');
    ws.addConditionalFormatting({
      ref: `A2:${letters(width)}${last}`,
      rules: [{ type: "expression", priority: 2, formulae: [`$${col}2="${equals}"`], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(RED_FILL) } }, font: { color: { argb: argb(RED_TEXT) } } } }],
    });
  }
  sheet.fillRules.forEach((rule, i) => {
    if (last <= 1) return;
    const equals = rule.equals.replace(/"/g, '""');
    ws.addConditionalFormatting({
      ref: `A2:${letters(width)}${last}`,
      rules: [{ type: "expression", priority: 3 + i, formulae: [`$${letters(rule.column + 1)}2="${equals}"`], style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(rule.fill) } } } }],
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A sheet of blocks (a business review) as an XLSX workbook laid out as the add-in writes it:
 * each block's rows with its number formats (a KPI's own row formats where it has them), block
 * titles in bold, header rows bold on the header fill. Empty cells are left empty.
 */
export async function blocksToXlsx(sheet: ReportSheet, sheetName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  const widths: number[] = [];
  sheet.values.forEach((values, r) => {
    const row = ws.addRow(values.map((v) => (v === "" || v === undefined ? null : v)));
    const patterns = rowPatterns(sheet, r);
    values.forEach((v, c) => {
      const pattern = patterns?.[c] ?? "General";
      if (v !== "" && v !== undefined && pattern !== "General") row.getCell(c + 1).numFmt = pattern;
      if (v !== "" && v !== undefined) widths[c] = Math.max(widths[c] ?? 8, Math.min(40, shownLength(v, pattern) + 2));
    });
  });
  for (const b of sheet.blocks ?? []) {
    if (b.title) ws.getRow(b.row + 1).font = { bold: true };
    if (!b.header) continue;
    const header = ws.getRow(b.row + (b.title ? 2 : 1));
    header.font = { bold: true, color: { argb: argb(HEADER_TEXT) } };
    for (let c = 1; c <= b.columns; c++) header.getCell(c).fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(HEADER_FILL) } };
  }
  widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
