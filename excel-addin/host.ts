/// <reference types="office-js" />
import { createCatalog, dateToSerial, type Context } from "../core";
import {
  describeSource, generate, list, open, readSource, refresh, remove, runAsync, type Flow, type ReportEnv,
} from "../core/report";
import { editable, hostResult, reportRequest, reportSource, type EditableReport, type HostResult, type NamedSource, type PanelHost, type PanelRequest, type PanelSource, type ReportStatus, type Schedule, type SelectionInfo, type SourceCells } from "../panel/host";
import { splitAddress } from "./address";
import { ExcelWorkbook } from "./workbook";

/** Office.js `Excel.run`, injectable so the same host runs against the in-memory workbook. */
export type Runner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

/**
 * The pane's host in Excel: each action is one `Excel.run` that runs a report use case (written
 * once, in core/report/usecases.ts) against an {@link ExcelWorkbook}.
 */
export class ExcelHost implements PanelHost {
  readonly hostName = "Excel";
  readonly schedules: readonly Schedule[] = ["off", "15min", "hourly"];
  /** Called after the schedule changes, so the runtime can restart its timer. */
  onSchedule: (s: Schedule) => void = () => {};
  /** Called after a report is written, e.g. to make the add-in load with the document. */
  onGenerated: () => void = () => {};
  private counter = 0;
  /** What reports compute with: the instant now, today as the workbook's machine shows it, and a parse cache of this pane's own. */
  private readonly env: ReportEnv;

  /** `clock.now()` is the real instant: stamps use it, and its local fields are the day Excel shows. */
  constructor(private readonly run: Runner, private readonly clock: { readonly now: () => Date }) {
    const cx: Context = createCatalog({ today: () => dateToSerial(clock.now()) }).context;
    this.env = { now: clock.now, cx };
  }

  private flow<T>(make: () => Flow<T>): Promise<T> {
    return this.run((ctx) => runAsync(make(), new ExcelWorkbook(ctx)));
  }

  getSelection(): Promise<SelectionInfo> {
    return this.run(async (ctx) => {
      const r = ctx.workbook.getSelectedRange();
      r.load("address,rowCount,columnCount");
      await ctx.sync();
      const { sheet, address } = splitAddress(r.address);
      return { address: r.address, sheet, local: address, rows: r.rowCount, columns: r.columnCount };
    });
  }

  listSources(): Promise<NamedSource[]> {
    return this.run(async (ctx) => {
      const tables = ctx.workbook.tables.load("items/name");
      const names = ctx.workbook.names.load("items/name,items/type");
      await ctx.sync();
      return [
        ...tables.items.map((t) => ({ name: t.name, type: "table" as const })),
        ...names.items.filter((n) => n.type === "Range").map((n) => ({ name: n.name, type: "named range" as const })),
      ];
    });
  }

  listReports(): Promise<ReportStatus[]> {
    return this.flow(() => list());
  }

  async generate(request: PanelRequest): Promise<HostResult> {
    const r = await this.flow(() => generate(reportRequest(request), this.env, () => this.newId()));
    if (r.ok) this.onGenerated();
    return hostResult(r);
  }

  /** The source's cells for the pane's mapping form and summary, read as generation reads them. */
  readSource(source: PanelSource): Promise<SourceCells> {
    return this.flow(() => readSource(reportSource(source)));
  }

  /** Recomputes every stored report, or only those not refreshed for `olderThanMs` (refresh on open). */
  async refreshAll(olderThanMs?: number): Promise<HostResult> {
    return hostResult(await this.flow(() => refresh(this.env, olderThanMs === undefined ? {} : { olderThanMs })));
  }

  async refreshReport(id: string): Promise<HostResult> {
    return hostResult(await this.flow(() => refresh(this.env, { ids: [id] })));
  }

  async openReport(id: string, activate = true): Promise<EditableReport | undefined> {
    const def = await this.flow(() => open(id, activate));
    return def && editable(def, describeSource(def.source));
  }

  async deleteReport(id: string, withSheet: boolean): Promise<HostResult> {
    return hostResult(await this.flow(() => remove(id, withSheet)));
  }

  getSchedule(): Promise<Schedule> {
    return this.run(async (ctx) => (await new ExcelWorkbook(ctx).readRegistry()).schedule);
  }

  setSchedule(schedule: Schedule): Promise<HostResult> {
    return this.run(async (ctx) => {
      const wb = new ExcelWorkbook(ctx);
      await wb.writeRegistry({ ...(await wb.readRegistry()), schedule });
      this.onSchedule(schedule);
      return { ok: true, message: schedule === "off" ? "Automatic refresh is off." : `Reports refresh ${schedule === "15min" ? "every 15 minutes" : "every hour"} while this workbook is open.` };
    });
  }

  private newId(): string {
    this.counter += 1;
    return `r${this.clock.now().getTime().toString(36)}${this.counter}`;
  }
}

