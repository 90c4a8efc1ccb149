import { readFileSync } from "node:fs";
import { join } from "node:path";
import { KIND_INFO } from "../core/report";
import { ExcelHost } from "../excel-addin/host";
import { officeGlobals } from "../doubles/excel/api";
import { findSheet, readFormats, readValues, usedRect } from "../doubles/excel/model";
import { formatCell, textTable } from "./format";
import { SAMPLE_AS_OF, sampleWorkbook } from "./sample";

/**
 * What the preview's Generate button does, without a browser: the real task-pane host over the
 * in-memory sample workbook, the PO lines selected, default weights. Returns the report as text.
 */
export async function generateSampleScorecard(root: string): Promise<{ text: string; message: string; syncs: number }> {
  const wb = sampleWorkbook(readFileSync(join(root, "samples", "po-lines.csv"), "utf8"), readFileSync(join(root, "samples", "tickets.csv"), "utf8"));
  const { Excel } = officeGlobals(wb);
  const host = new ExcelHost(Excel.run as never, { now: () => new Date() });
  const before = wb.syncCount;
  const selected = await host.getSelection();
  const r = await host.generate({ kind: "scorecard", source: { type: "range", sheet: selected.sheet, address: selected.local }, config: KIND_INFO.scorecard.config.defaults, calendar: [], asOf: SAMPLE_AS_OF, output: "Scorecard" });
  if (!r.ok) throw new Error(r.message);
  const sheet = findSheet(wb, "Scorecard")!;
  const rect = usedRect(sheet, true)!;
  const width = sheet.values[0]!.findIndex((v) => v === "") >>> 0;
  const table = { ...rect, c1: Math.min(rect.c1, (width || rect.c1 + 1) - 1) };
  const values = readValues(sheet, table);
  const formats = readFormats(sheet, table);
  const text = textTable(values.map((row, r) => row.map((v, c) => (r === 0 ? String(v) : formatCell(v, formats[r]![c]!)))));
  return { text, message: r.message, syncs: wb.syncCount - before };
}
