/// <reference types="office-js" />
import { CoreError, createCatalog, dateToSerial, type Context, type Range } from "../core";
import {
  KIND_INFO, buildReport, chooseOutput, describeSource, isStale, newDefinition, stamp, staleSourceMessage,
  type GenerateRequest, type ReportDefinition, type ReportSource, type SheetInfo,
} from "../core/report";
import type { HostResult, NamedSource, PanelHost, PanelRequest, ReportStatus, Schedule, SelectionInfo, SourceCells } from "../panel/host";
import { splitAddress } from "./address";
import { freeRegistryName, isRegistrySheet, readRegistry, registryRows, withDefinition, type Registry } from "./registry";
import { CHART_NAME, renderReport } from "./render";

/** Office.js `Excel.run`, injectable so the same host runs against the in-memory workbook. */
export type Runner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

interface Snapshot {
  sheets: Excel.WorksheetCollection;
  tables: Excel.TableCollection;
  names: Excel.NamedItemCollection;
}

/**
 * The pane's host in Excel. Every operation is one `Excel.run` with a fixed number of
 * `context.sync()` calls: (1) list sheets, tables and names; (2) read the source, the registry
 * and the charts to replace; (3) write the report; (4) write the registry.
 */
export class ExcelHost implements PanelHost {
  readonly hostName = "Excel";
  readonly schedules: readonly Schedule[] = ["off", "15min", "hourly"];
  /** Called after the schedule changes, so the runtime can restart its timer. */
  onSchedule: (s: Schedule) => void = () => {};
  /** Called after a report is written, e.g. to make the add-in load with the document. */
  onGenerated: () => void = () => {};
  private counter = 0;
  /** What reports compute with: today as the workbook's machine shows it, and a parse cache of this pane's own. */
  private readonly cx: Context;

  /** `clock.now()` is the real instant: stamps use it, and its local fields are the day Excel shows. */
  constructor(private readonly run: Runner, private readonly clock: { readonly now: () => Date }) {
    this.cx = createCatalog({ today: () => dateToSerial(clock.now()) }).context;
  }

  getSelection(): Promise<SelectionInfo> {
    return this.run(async (ctx) => {
      const r = ctx.workbook.getSelectedRange();
      r.load("address,rowCount,columnCount");
      await ctx.sync();
      return { address: r.address, rows: r.rowCount, columns: r.columnCount };
    });
  }

  listSources(): Promise<NamedSource[]> {
    return this.run(async (ctx) => {
      const s = this.snapshot(ctx);
      await ctx.sync();
      return [
        ...s.tables.items.map((t) => ({ name: t.name, type: "table" as const })),
        ...s.names.items.filter((n) => n.type === "Range").map((n) => ({ name: n.name, type: "named range" as const })),
      ];
    });
  }

  listReports(): Promise<ReportStatus[]> {
    return this.run(async (ctx) => {
      const s = this.snapshot(ctx);
      await ctx.sync();
      const reg = await this.readRegistry(ctx, s);
      return reg.entries.map((e): ReportStatus => {
        const d = e.def;
        if (!d) return { id: e.id, kind: "", output: "", source: "", lastRefresh: "", lastError: "", problem: e.problem };
        return { id: e.id, kind: d.kind, output: d.output, source: describeSource(d.source), lastRefresh: d.lastRefresh, lastError: d.lastError, problem: this.sourceExists(s, d.source) ? "" : staleSourceMessage(d) };
      });
    });
  }

  generate(request: PanelRequest): Promise<HostResult> {
    return this.run(async (ctx) => {
      const s = this.snapshot(ctx);
      const sel = request.source.type === "selection" ? ctx.workbook.getSelectedRange().load("address") : undefined;
      await ctx.sync();
      let source: ReportSource;
      if (sel) {
        const { sheet, address } = splitAddress(sel.address);
        source = { sheet, address };
      } else if (request.source.type === "named" && request.source.name) {
        source = { name: request.source.name };
      } else {
        return { ok: false, message: "Pick a table or named range, or choose the selected range as the source." };
      }
      const req: GenerateRequest = { kind: request.kind, source, config: request.config, calendar: request.calendar, asOf: request.asOf, output: request.output };
      const result = await this.produce(ctx, s, newDefinition(this.newId(), req), true);
      if (result.ok) this.onGenerated();
      return result;
    });
  }

  /** Reads the source's cells for the pane's mapping form and data-quality summary: one batch, two syncs at most. */
  readSource(source: PanelRequest["source"]): Promise<SourceCells> {
    return this.run(async (ctx): Promise<SourceCells> => {
      if (source.type === "selection") {
        const r = ctx.workbook.getSelectedRange().load("address,values");
        await ctx.sync();
        return { ok: true, address: r.address, values: r.values as never[][] };
      }
      if (!source.name) return { ok: false, message: "Pick a table or named range, or choose the selected range as the source." };
      const s = this.snapshot(ctx);
      await ctx.sync();
      const src: ReportSource = { name: source.name };
      if (!this.sourceExists(s, src)) return { ok: false, message: `The source ${describeSource(src)} was not found.` };
      const r = this.sourceRange(ctx, src).load("values");
      await ctx.sync();
      return { ok: true, address: describeSource(src), values: r.values as never[][] };
    });
  }

  /** Recomputes every stored report, or only those not refreshed for `olderThanMs` (refresh on open). */
  refreshAll(olderThanMs = 0): Promise<HostResult> {
    return this.run(async (ctx) => {
      let s = this.snapshot(ctx);
      await ctx.sync();
      const reg = await this.readRegistry(ctx, s);
      const stored = reg.entries.flatMap((e) => (e.def ? [e.def] : []));
      const defs = stored.filter((d) => isStale(d, this.clock.now(), olderThanMs));
      const damaged = reg.entries.length - stored.length;
      if (defs.length === 0) {
        if (damaged) return { ok: false, message: `${damaged} stored report(s) could not be read: generate them again.` };
        return { ok: true, message: stored.length ? "All reports are up to date." : "No reports to refresh yet: generate one first." };
      }
      const failed: string[] = [];
      for (const d of defs) {
        // Each report may add a sheet, so the next one plans against a fresh list.
        if (d !== defs[0]) {
          s = this.snapshot(ctx);
          await ctx.sync();
        }
        const r = await this.produce(ctx, s, d, false);
        if (!r.ok) failed.push(`${d.output}: ${r.message}`);
      }
      const done = defs.length - failed.length;
      return failed.length
        ? { ok: false, message: `Refreshed ${done} of ${defs.length} reports. ${failed.join(" ")}` }
        : { ok: true, message: `Refreshed ${done} report${done === 1 ? "" : "s"}.` };
    });
  }

  getSchedule(): Promise<Schedule> {
    return this.run(async (ctx) => {
      const s = this.snapshot(ctx);
      await ctx.sync();
      return (await this.readRegistry(ctx, s)).schedule;
    });
  }

  setSchedule(schedule: Schedule): Promise<HostResult> {
    return this.run(async (ctx) => {
      const s = this.snapshot(ctx);
      await ctx.sync();
      const reg = await this.readRegistry(ctx, s);
      this.writeRegistry(ctx, s, { ...reg, schedule });
      await ctx.sync();
      this.onSchedule(schedule);
      return { ok: true, message: schedule === "off" ? "Automatic refresh is off." : `Reports refresh ${schedule === "15min" ? "every 15 minutes" : "every hour"} while this workbook is open.` };
    });
  }

  /**
   * Reads the source, computes, writes the report and stores the definition. On any error
   * nothing is written, except that a stored report remembers its last error.
   */
  private async produce(ctx: Excel.RequestContext, s: Snapshot, def: ReportDefinition, isNew: boolean): Promise<HostResult> {
    const fail = async (message: string): Promise<HostResult> => {
      if (!isNew) await this.saveDefinition(ctx, s, stamp(def, this.clock.now(), { error: message }));
      return { ok: false, message };
    };
    if (!this.sourceExists(s, def.source)) return fail(isNew ? `The source ${describeSource(def.source)} was not found.` : staleSourceMessage(def));

    // Sync 2: the source, the registry and the charts of every sheet (to replace ours).
    const src = this.sourceRange(ctx, def.source).load("values,address,rowCount,columnCount");
    const regRange = this.registryRange(s);
    const charts = s.sheets.items.map((ws) => ws.charts.load("items/name"));
    await ctx.sync();
    const reg = readRegistry(regRange?.isNullObject ? [] : (regRange?.values as unknown[][] | undefined));

    const report = buildReport({ kind: def.kind, source: src.values as Range, config: def.config, calendar: def.calendar, asOf: def.asOf }, this.cx);
    if (report instanceof CoreError) return fail(`${KIND_INFO[def.kind].label} from ${describeSource(def.source)}: ${report.message}`);

    const ours = new Set(reg.entries.flatMap((e) => (e.def?.outputId ? [e.def.outputId] : [])));
    // The registry sheet takes part in the name check (its name is taken) but is never an output.
    const infos: SheetInfo[] = s.sheets.items.map((w) => ({ name: w.name, id: w.id, ours: ours.has(w.id) && !isRegistrySheet(w.name, w.visibility) }));
    // A stored report follows its sheet by id even after the user renamed the tab.
    const current = infos.find((i) => i.id === def.outputId && i.ours);
    const choice = current ? { name: current.name, reuseId: current.id, notice: "" } : chooseOutput(def.output, infos, def.outputId);

    // Sync 3: the report.
    const sheet = choice.reuseId ? s.sheets.getItem(choice.reuseId) : s.sheets.add(choice.name);
    const index = s.sheets.items.findIndex((w) => w.id === choice.reuseId);
    const old = index < 0 ? [] : charts[index]!.items.filter((c) => c.name === CHART_NAME);
    renderReport(sheet, report, old);
    if (isNew) sheet.activate();
    sheet.load("id,name");
    await ctx.sync();

    // Sync 4: the definition, now that the sheet's id is known.
    const saved = stamp({ ...def, output: sheet.name }, this.clock.now(), { output: sheet.name, outputId: sheet.id });
    this.writeRegistry(ctx, s, withDefinition(reg, saved));
    await ctx.sync();
    const rows = report.values.length - 1;
    return { ok: true, message: `${KIND_INFO[def.kind].label} written to "${sheet.name}" (${rows} row${rows === 1 ? "" : "s"}).`, ...(choice.notice ? { notice: choice.notice } : {}) };
  }

  private snapshot(ctx: Excel.RequestContext): Snapshot {
    const sheets = ctx.workbook.worksheets.load("items/name,items/id,items/visibility");
    const tables = ctx.workbook.tables.load("items/name");
    const names = ctx.workbook.names.load("items/name,items/type");
    return { sheets, tables, names };
  }

  private sourceExists(s: Snapshot, src: ReportSource): boolean {
    const lower = (x: string) => x.toLowerCase();
    if ("name" in src) return s.tables.items.some((t) => lower(t.name) === lower(src.name)) || s.names.items.some((n) => lower(n.name) === lower(src.name));
    return s.sheets.items.some((w) => lower(w.name) === lower(src.sheet));
  }

  private sourceRange(ctx: Excel.RequestContext, src: ReportSource): Excel.Range {
    if ("name" in src) {
      const isTable = ctx.workbook.tables.items.some((t) => t.name.toLowerCase() === src.name.toLowerCase());
      return isTable ? ctx.workbook.tables.getItem(src.name).getRange() : ctx.workbook.names.getItem(src.name).getRange();
    }
    return ctx.workbook.worksheets.getItem(src.sheet).getRange(src.address);
  }

  private registryRange(s: Snapshot): Excel.Range | undefined {
    const reg = s.sheets.items.find((w) => isRegistrySheet(w.name, w.visibility));
    return reg?.getUsedRangeOrNullObject(true).load("values");
  }

  private async readRegistry(ctx: Excel.RequestContext, s: Snapshot): Promise<Registry> {
    const r = this.registryRange(s);
    if (!r) return readRegistry([]);
    await ctx.sync();
    return readRegistry(r.isNullObject ? [] : (r.values as unknown[][]));
  }

  private async saveDefinition(ctx: Excel.RequestContext, s: Snapshot, def: ReportDefinition): Promise<void> {
    const reg = await this.readRegistry(ctx, s);
    this.writeRegistry(ctx, s, withDefinition(reg, def));
    await ctx.sync();
  }

  /** Queues the registry write, creating the very hidden sheet the first time. */
  private writeRegistry(ctx: Excel.RequestContext, s: Snapshot, reg: Registry): void {
    let sheet = s.sheets.items.find((w) => isRegistrySheet(w.name, w.visibility));
    if (!sheet) {
      sheet = ctx.workbook.worksheets.add(freeRegistryName(s.sheets.items.map((w) => w.name)));
      sheet.visibility = "VeryHidden";
    }
    const rows = registryRows(reg);
    sheet.getRange().clear("Contents");
    sheet.getRange(`A1:B${rows.length}`).values = rows;
  }

  private newId(): string {
    this.counter += 1;
    return `r${this.clock.now().getTime().toString(36)}${this.counter}`;
  }
}
