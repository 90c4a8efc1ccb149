/// <reference types="office-js" />
import type { CellValue } from "../core";
import { markerOf, markerValue, type ReportSheet, type ReportSource, type RowBlock, type SheetEntry, type SourceExtent, type StoredDefinition, type Workbook } from "../core/report";
import { blockAddress, parseBlock, splitAddress } from "./address";
import { freeRegistryName, isRegistrySheet, readRegistry, registryRows, storedDefinitions, withoutDefinition, withText, type Registry } from "./registry";
import { clearReport, finishReport, isReportChart, writeRows } from "./render";

/** The worksheet custom property that marks a sheet as a report's, holding the report id. */
export const MARKER = "vendorscore.report";

/**
 * The report use cases' workbook in the task pane: each call queues its Office.js commands and
 * ends in one `sync`, so a use case costs a few round trips plus one per block of data. Made for
 * one use case run inside one `Excel.run`; it keeps the registry it read for the writes that follow.
 */
export class ExcelWorkbook implements Workbook {
  private registry: Registry | undefined;
  private registrySheet: Excel.Worksheet | undefined;

  constructor(private readonly ctx: Excel.RequestContext) {}

  async sheets(): Promise<SheetEntry[]> {
    const sheets = this.ctx.workbook.worksheets.load("items/name,items/id,items/visibility");
    await this.ctx.sync();
    // The registry sheet is listed too (its name is taken) but carries no marker, so it is never written as a report.
    const markers = sheets.items.map((w) => (isRegistrySheet(w.name, w.visibility) ? undefined : w.customProperties.getItemOrNullObject(MARKER).load("value")));
    await this.ctx.sync();
    return sheets.items.map((w, i) => {
      const m = markers[i];
      return { id: w.id, name: w.name, marker: !m || m.isNullObject ? "" : markerOf(String(m.value ?? ""), w.id) };
    });
  }

  async definitions(): Promise<StoredDefinition[]> {
    return storedDefinitions(await this.readRegistry());
  }

  async putDefinition(id: string, text: string): Promise<void> {
    await this.writeRegistry(withText(await this.readRegistry(), id, text));
  }

  async removeDefinition(id: string): Promise<void> {
    await this.writeRegistry(withoutDefinition(await this.readRegistry(), id));
  }

  async locate(source: ReportSource): Promise<SourceExtent | undefined> {
    const ctx = this.ctx;
    const sheets = ctx.workbook.worksheets.load("items/name,items/id");
    let sheetName: string;
    let address: string;
    if ("name" in source) {
      const tables = ctx.workbook.tables.load("items/name");
      const names = ctx.workbook.names.load("items/name,items/type");
      await ctx.sync();
      const lower = source.name.toLowerCase();
      const range = tables.items.some((t) => t.name.toLowerCase() === lower)
        ? ctx.workbook.tables.getItem(source.name).getRange()
        : names.items.some((n) => n.name.toLowerCase() === lower && n.type === "Range")
          ? ctx.workbook.names.getItem(source.name).getRange()
          : undefined;
      if (!range) return undefined;
      range.load("address");
      await ctx.sync();
      ({ sheet: sheetName, address } = splitAddress(range.address));
    } else {
      await ctx.sync();
      sheetName = source.sheet;
      address = source.address;
    }
    const ws = sheets.items.find((w) => w.name.toLowerCase() === sheetName.toLowerCase());
    const block = parseBlock(address);
    if (!ws || !block) return undefined;
    if (block.rows !== undefined) return { sheetId: ws.id, sheet: ws.name, row: block.row, column: block.column, rows: block.rows, columns: block.columns };
    // Whole columns (an address or a name over `A:N`): the sheet's used rows, from the first to
    // the last, so rows added below are counted and blank rows above are not read.
    const used = ws.getUsedRangeOrNullObject(true).load("address");
    await ctx.sync();
    const extent = used.isNullObject ? undefined : parseBlock(splitAddress(used.address).address);
    if (!extent || extent.rows === undefined) return { sheetId: ws.id, sheet: ws.name, row: 0, column: block.column, rows: 0, columns: block.columns };
    return { sheetId: ws.id, sheet: ws.name, row: extent.row, column: block.column, rows: extent.rows, columns: block.columns };
  }

  async read(extent: SourceExtent, offset: number, rows: number): Promise<CellValue[][]> {
    const r = this.ctx.workbook.worksheets.getItem(extent.sheetId).getRange(blockAddress(extent.row + offset, extent.column, rows, extent.columns)).load("values");
    await this.ctx.sync();
    return r.values as CellValue[][];
  }

  async addSheet(name: string, reportId: string): Promise<SheetEntry> {
    const ws = this.ctx.workbook.worksheets.add(name);
    ws.load("id,name");
    await this.ctx.sync();
    // The marker holds the sheet's own id too, so a copy of the sheet is not taken for it.
    ws.customProperties.add(MARKER, markerValue(reportId, ws.id));
    await this.ctx.sync();
    return { id: ws.id, name: ws.name, marker: reportId };
  }

  async writeReport(sheetId: string, report: ReportSheet, blocks: readonly RowBlock[]): Promise<void> {
    const ws = this.ctx.workbook.worksheets.getItem(sheetId);
    const charts = ws.charts.load("items/name");
    await this.ctx.sync();
    clearReport(ws, charts.items.filter((c) => isReportChart(c.name)));
    for (const b of blocks) {
      writeRows(ws, report, b.start, b.count);
      await this.ctx.sync();
    }
    finishReport(ws, report);
    await this.ctx.sync();
  }

  async deleteSheet(sheetId: string): Promise<void> {
    this.ctx.workbook.worksheets.getItem(sheetId).delete();
    await this.ctx.sync();
  }

  async activate(sheetId: string): Promise<void> {
    this.ctx.workbook.worksheets.getItem(sheetId).activate();
    await this.ctx.sync();
  }

  /** The registry on the very hidden sheet (read once per run, then kept). */
  async readRegistry(): Promise<Registry> {
    if (this.registry) return this.registry;
    const sheets = this.ctx.workbook.worksheets.load("items/name,items/visibility");
    await this.ctx.sync();
    const reg = sheets.items.find((w) => isRegistrySheet(w.name, w.visibility));
    this.registrySheet = reg;
    if (!reg) return (this.registry = readRegistry([]));
    const used = reg.getUsedRangeOrNullObject(true).load("values");
    await this.ctx.sync();
    return (this.registry = readRegistry(used.isNullObject ? [] : (used.values as unknown[][])));
  }

  /** Rewrites the registry sheet, creating it very hidden the first time. */
  async writeRegistry(reg: Registry): Promise<void> {
    this.registry = reg;
    // The sheet found when the registry was read; looked up (or made) only the first time.
    let sheet = this.registrySheet;
    if (!sheet) {
      const sheets = this.ctx.workbook.worksheets.load("items/name,items/visibility");
      await this.ctx.sync();
      sheet = sheets.items.find((w) => isRegistrySheet(w.name, w.visibility));
      if (!sheet) {
        sheet = this.ctx.workbook.worksheets.add(freeRegistryName(sheets.items.map((w) => w.name)));
        sheet.visibility = "VeryHidden";
      }
      this.registrySheet = sheet;
    }
    const rows = registryRows(reg);
    sheet.getRange().clear("Contents");
    sheet.getRange(blockAddress(0, 0, rows.length, rows[0]!.length)).values = rows;
    await this.ctx.sync();
  }
}
