/**
 * The subset of the Excel JavaScript API the add-in uses, over an in-memory workbook, with
 * Office's batching semantics: methods return proxies and queue commands; nothing runs until
 * `context.sync()`; reading a property that was not loaded and synced throws as Office does;
 * a failing command rejects the sync. Every sync is counted, and so are the sizes of what it
 * sends and returns: over Excel on the web's 5 MB either way, the sync is refused (limits.ts).
 */
import { formatCell } from "./format";
import { PAYLOAD_LIMIT_BYTES, jsonBytes } from "./limits";
import {
  WHOLE_SHEET, addSheet, checkSheetName, clearRect, fillRect, findSheet, fullAddress, officeError, parseRect, readFormats, readFormulas, readValues, usedRect, writeBlock,
  type ChartModel, type ConditionalFormatModel, type SeriesModel, type Rect, type SheetModel, type WorkbookModel,
} from "./model";

type Op = () => void;

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB (${n.toLocaleString("en-US")} bytes)`;

class Context {
  readonly queue: Op[] = [];
  readonly workbook: Workbook;
  /** Syncs of this batch alone (batches may overlap in time). */
  syncs = 0;
  /** Bytes the queued commands will send (values, formulas and formats written, properties loaded). */
  requestBytes = 0;
  /** Bytes the running sync returns (the properties it loads). */
  responseBytes = 0;
  constructor(readonly model: WorkbookModel) {
    this.workbook = new Workbook(this);
  }
  async sync(): Promise<void> {
    this.model.syncCount++;
    this.syncs++;
    const ops = this.queue.splice(0);
    const request = this.requestBytes;
    this.requestBytes = 0;
    this.responseBytes = 0;
    this.model.largestRequestBytes = Math.max(this.model.largestRequestBytes, request);
    // A real sync is a round trip; yielding keeps callers honest about awaiting it.
    await Promise.resolve();
    if (request > PAYLOAD_LIMIT_BYTES) {
      throw officeError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit: this sync sends ${MB(request)}, Excel on the web takes at most ${MB(PAYLOAD_LIMIT_BYTES)}.`);
    }
    for (const op of ops) op();
    const response = this.responseBytes;
    this.model.largestResponseBytes = Math.max(this.model.largestResponseBytes, response);
    if (response > PAYLOAD_LIMIT_BYTES) {
      throw officeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit: this sync returns ${MB(response)}, Excel on the web takes at most ${MB(PAYLOAD_LIMIT_BYTES)}.`);
    }
  }
}

function notLoaded(prop: string): Error {
  return officeError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
}

/** Property names from load("a,b"), load(["a","b"]) or load({ select: "a,b" }); `items/x` for collections. */
function loadNames(props: unknown): string[] {
  if (props === undefined) return [];
  if (typeof props === "string") return props.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(props)) return props.flatMap(loadNames);
  if (typeof props === "object" && props && "select" in props) return loadNames((props as { select: unknown }).select);
  return [];
}

abstract class Proxy<T> {
  protected ref: T | null | undefined;
  private loaded: Record<string, unknown> = {};
  constructor(protected readonly ctx: Context, private readonly resolver?: () => T | null) {}

  /** The model object, resolved when the first command on it runs (during a sync). */
  protected target(): T {
    if (this.ref === undefined) this.ref = this.resolver ? this.resolver() : null;
    if (this.ref === null) throw officeError("ItemNotFound", `The requested resource doesn't exist (${this.constructor.name}).`);
    return this.ref;
  }
  protected resolved(): T | null {
    if (this.ref === undefined) this.ref = this.resolver ? this.resolver() : null;
    return this.ref;
  }
  protected queue(f: (t: T) => void): void {
    this.ctx.queue.push(() => f(this.target()));
  }
  protected read<V>(prop: string): V {
    if (!(prop in this.loaded)) throw notLoaded(prop);
    return this.loaded[prop] as V;
  }
  /** What load() snapshots for a property name; subclasses list their scalar properties. */
  protected abstract snapshot(t: T, prop: string): unknown;
  protected defaultProps(): string[] {
    return [];
  }
  load(props?: unknown): this {
    const names = loadNames(props);
    this.ctx.requestBytes += jsonBytes(names);
    this.ctx.queue.push(() => {
      const t = this.resolved();
      this.loaded["isNullObject"] = t === null;
      if (t === null) return;
      for (const p of names.length ? names : this.defaultProps()) this.loaded[p] = this.returned(this.snapshot(t, p));
    });
    return this;
  }
  /** A loaded value, counted into the response of the running sync. */
  private returned<V>(v: V): V {
    this.ctx.responseBytes += jsonBytes(v);
    return v;
  }
  get isNullObject(): boolean {
    return this.read("isNullObject");
  }
  /** Loads during the command that is running now (a collection filling its items). */
  loadNow(props: string[]): this {
    const t = this.resolved();
    this.loaded["isNullObject"] = t === null;
    if (t !== null) for (const p of props.length ? props : this.defaultProps()) this.loaded[p] = this.returned(this.snapshot(t, p));
    return this;
  }
  protected queueLoad(prop: string, f: (t: T) => unknown): void {
    this.ctx.requestBytes += jsonBytes([prop]);
    this.ctx.queue.push(() => {
      this.loaded[prop] = f(this.target());
    });
  }
}

// ---- workbook ----

class Workbook {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  readonly names: NamedItemCollection;
  constructor(private readonly ctx: Context) {
    this.worksheets = new WorksheetCollection(ctx, () => ctx.model);
    this.tables = new TableCollection(ctx, () => ctx.model);
    this.names = new NamedItemCollection(ctx, () => ctx.model);
  }
  getSelectedRange(): Range {
    const m = this.ctx.model;
    return new Range(this.ctx, () => ({ sheet: findSheet(m, m.selection.sheetId)!, rect: m.selection.rect }));
  }
}

class WorksheetCollection extends Proxy<WorkbookModel> {
  protected snapshot(): unknown {
    return undefined;
  }
  override load(props?: unknown): this {
    const names = loadNames(props);
    const subs = names.filter((n) => n.startsWith("items/")).map((n) => n.slice(6));
    this.queueLoad("items", (m) => m.sheets.map((sheet) => new Worksheet(this.ctx, () => sheet).loadNow(subs)));
    return this;
  }
  get items(): Worksheet[] {
    return this.read("items");
  }
  add(name?: string): Worksheet {
    this.ctx.requestBytes += jsonBytes(name ?? null);
    const w = new Worksheet(this.ctx);
    this.ctx.queue.push(() => {
      const m = this.target();
      w.bind(addSheet(m, name ?? `Sheet${m.sheets.length + 1}`));
    });
    return w;
  }
  getItem(key: string): Worksheet {
    return new Worksheet(this.ctx, () => findSheet(this.ctx.model, key) ?? (() => { throw officeError("ItemNotFound", `The requested sheet "${key}" doesn't exist.`); })());
  }
  getItemOrNullObject(key: string): Worksheet {
    return new Worksheet(this.ctx, () => findSheet(this.ctx.model, key) ?? null);
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.ctx, () => findSheet(this.ctx.model, this.ctx.model.activeSheetId)!);
  }
}

class Worksheet extends Proxy<SheetModel> {
  readonly charts: ChartCollection;
  readonly customProperties: CustomPropertyCollection;
  readonly freezePanes: { freezeRows: (n: number) => void };
  constructor(ctx: Context, resolver?: () => SheetModel | null) {
    super(ctx, resolver);
    this.charts = new ChartCollection(ctx, () => this.target());
    this.customProperties = new CustomPropertyCollection(ctx, () => this.target(), (f) => this.queue(f));
    this.freezePanes = { freezeRows: (n: number) => this.queue((s) => (s.frozenRows = n)) };
  }
  bind(s: SheetModel): void {
    this.ref = s;
  }
  protected override defaultProps(): string[] {
    return ["name", "id", "visibility", "position", "tabColor"];
  }
  protected snapshot(s: SheetModel, prop: string): unknown {
    switch (prop) {
      case "name": return s.name;
      case "id": return s.id;
      case "visibility": return s.visibility;
      case "tabColor": return s.tabColor;
      case "position": return this.ctx.model.sheets.indexOf(s);
      default: throw officeError("InvalidArgument", `Worksheet has no property "${prop}" in this in-memory workbook.`);
    }
  }
  get name(): string { return this.read("name"); }
  set name(v: string) {
    this.ctx.requestBytes += jsonBytes(v);
    this.queue((s) => {
      checkSheetName(this.ctx.model, v, s);
      s.name = v;
    });
  }
  get id(): string { return this.read("id"); }
  get visibility(): string { return this.read("visibility"); }
  set visibility(v: string) { this.queue((s) => (s.visibility = v as SheetModel["visibility"])); }
  get tabColor(): string { return this.read("tabColor"); }
  set tabColor(v: string) { this.queue((s) => (s.tabColor = v)); }
  get position(): number { return this.read("position"); }

  getRange(address?: string): Range {
    return new Range(this.ctx, () => ({ sheet: this.target(), rect: address === undefined ? WHOLE_SHEET : parseRect(address) }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(this.ctx, () => {
      const s = this.target();
      const rect = usedRect(s, valuesOnly);
      return rect ? { sheet: s, rect } : null;
    });
  }
  getUsedRange(valuesOnly = false): Range {
    return new Range(this.ctx, () => {
      const s = this.target();
      return { sheet: s, rect: usedRect(s, valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
  activate(): void {
    this.queue((s) => {
      this.ctx.model.activeSheetId = s.id;
      this.ctx.model.selection = { sheetId: s.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
  delete(): void {
    this.queue((s) => {
      const m = this.ctx.model;
      m.sheets.splice(m.sheets.indexOf(s), 1);
    });
  }
}

// ---- worksheet custom properties ----

/** `worksheet.customProperties`: a sheet's own key/value pairs, which travel with the sheet. */
class CustomPropertyCollection {
  constructor(private readonly ctx: Context, private readonly sheet: () => SheetModel, private readonly queue: (f: (s: SheetModel) => void) => void) {}
  getItemOrNullObject(key: string): CustomProperty {
    return new CustomProperty(this.ctx, () => {
      const v = this.sheet().customProperties?.[key];
      return v === undefined ? null : { key, value: v };
    });
  }
  add(key: string, value: string): void {
    this.ctx.requestBytes += jsonBytes([key, value]);
    this.queue((s) => ((s.customProperties ??= {})[key] = value));
  }
}

class CustomProperty extends Proxy<{ key: string; value: string }> {
  protected snapshot(t: { key: string; value: string }, prop: string): unknown {
    if (prop === "key" || prop === "value") return t[prop];
    throw officeError("InvalidArgument", `WorksheetCustomProperty has no property "${prop}" in this in-memory workbook.`);
  }
  get key(): string { return this.read("key"); }
  get value(): string { return this.read("value"); }
}

// ---- ranges ----

interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

class Range extends Proxy<RangeRef> {
  readonly format: RangeFormat;
  readonly conditionalFormats: ConditionalFormatCollection;
  constructor(ctx: Context, resolver: () => RangeRef | null) {
    super(ctx, resolver);
    this.format = new RangeFormat(this);
    this.conditionalFormats = new ConditionalFormatCollection(this);
  }
  /** For the helpers below, which queue commands against this range. */
  run(f: (r: RangeRef) => void): void {
    this.queue(f);
  }
  protected override defaultProps(): string[] {
    return ["address", "values", "numberFormat", "rowCount", "columnCount"];
  }
  protected snapshot(r: RangeRef, prop: string): unknown {
    const rect = r.rect === WHOLE_SHEET ? usedRect(r.sheet, false) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } : r.rect;
    switch (prop) {
      case "address": return fullAddress(r.sheet.name, rect);
      case "values": return readValues(r.sheet, rect);
      case "formulas": return readFormulas(r.sheet, rect);
      case "numberFormat": return readFormats(r.sheet, rect);
      case "rowCount": return rect.r1 - rect.r0 + 1;
      case "columnCount": return rect.c1 - rect.c0 + 1;
      default: throw officeError("InvalidArgument", `Range has no property "${prop}" in this in-memory workbook.`);
    }
  }
  get address(): string { return this.read("address"); }
  get values(): unknown[][] { return this.read("values"); }
  set values(v: unknown[][]) {
    this.ctx.requestBytes += jsonBytes(v);
    this.queue((r) => writeBlock(r.sheet, r.rect, v, "values", ""));
  }
  get formulas(): unknown[][] { return this.read("formulas"); }
  get numberFormat(): unknown[][] { return this.read("numberFormat"); }
  set numberFormat(v: unknown[][]) {
    this.ctx.requestBytes += jsonBytes(v);
    this.queue((r) => writeBlock(r.sheet, r.rect, v, "formats", "General"));
  }
  get rowCount(): number { return this.read("rowCount"); }
  get columnCount(): number { return this.read("columnCount"); }
  get columnHidden(): boolean { throw officeError("PropertyNotLoaded", "columnHidden is write-only in this in-memory workbook."); }
  /** Hides or shows the range's columns; on the whole sheet, every column. */
  set columnHidden(v: boolean) {
    this.queue((r) => {
      if (r.rect === WHOLE_SHEET) {
        if (!v) r.sheet.hiddenColumns = [];
        return;
      }
      for (let c = r.rect.c0; c <= r.rect.c1; c++) r.sheet.hiddenColumns[c] = v;
    });
  }
  /** The rectangle, for a chart reading it during a sync. */
  rectNow(): RangeRef {
    return this.target();
  }
  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.queue((r) => {
      clearRect(r.sheet, r.rect, applyTo);
      if (applyTo !== "Contents" && r.rect === WHOLE_SHEET) r.sheet.conditionalFormats = [];
    });
  }
}

class RangeFormat {
  readonly font: { bold: boolean; color: string };
  readonly fill: { color: string };
  constructor(private readonly range: Range) {
    const r = range;
    this.font = {
      set bold(v: boolean) { r.run((x) => fillRect(x.sheet.bold, x.rect, v, false)); },
      get bold(): boolean { throw officeError("PropertyNotLoaded", "format.font.bold is write-only in this in-memory workbook."); },
      set color(v: string) { r.run((x) => fillRect(x.sheet.fontColors, x.rect, v, "")); },
      get color(): string { throw officeError("PropertyNotLoaded", "format.font.color is write-only in this in-memory workbook."); },
    };
    this.fill = {
      set color(v: string) { r.run((x) => fillRect(x.sheet.fills, x.rect, v, "")); },
      get color(): string { throw officeError("PropertyNotLoaded", "format.fill.color is write-only in this in-memory workbook."); },
    };
  }
  /** Width from the longest shown text, roughly as Excel measures (points per character). */
  autofitColumns(): void {
    this.range.run((x) => {
      const rect = x.rect === WHOLE_SHEET ? usedRect(x.sheet, true) : x.rect;
      if (!rect) return;
      for (let c = rect.c0; c <= rect.c1; c++) {
        // Excel fits a column to the text it shows (87.5%), not to the value behind it (0.875).
        let chars = 0;
        for (let r = rect.r0; r <= rect.r1; r++) chars = Math.max(chars, formatCell(x.sheet.values[r]?.[c] ?? "", x.sheet.formats[r]?.[c] ?? "General").length);
        x.sheet.columnWidths[c] = Math.max(24, Math.ceil(chars * 7 + 10));
      }
    });
  }
}

class ConditionalFormatCollection {
  constructor(private readonly range: Range) {}
  add(type: string): ConditionalFormat {
    const cf = new ConditionalFormat();
    this.range.run((x) => {
      const model: ConditionalFormatModel = type === "ColorScale"
        ? { type: "ColorScale", rect: x.rect, criteria: null }
        : type === "Custom" ? { type: "Custom", rect: x.rect, formula: "", fill: "", fontColor: "" }
        : (() => { throw officeError("InvalidArgument", `Conditional format type "${type}" is not supported by this in-memory workbook.`); })();
      x.sheet.conditionalFormats.push(model);
      cf.model = model;
    });
    cf.queue = (f) => this.range.run(() => f(cf.model!));
    return cf;
  }
  clearAll(): void {
    this.range.run((x) => {
      x.sheet.conditionalFormats = x.rect === WHOLE_SHEET ? [] : x.sheet.conditionalFormats.filter((c) => !overlaps(c.rect, x.rect));
    });
  }
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

class ConditionalFormat {
  model: ConditionalFormatModel | undefined;
  queue: (f: (m: ConditionalFormatModel) => void) => void = () => {};
  get colorScale(): { criteria: unknown } {
    const q = this.queue;
    return { set criteria(v: unknown) { q((m) => { if (m.type === "ColorScale") m.criteria = v as never; }); }, get criteria() { return undefined; } };
  }
  get custom(): { rule: { formula: string }; format: { fill: { color: string }; font: { color: string } } } {
    const q = this.queue;
    const set = (f: (m: ConditionalFormatModel & { type: "Custom" }) => void) => q((m) => { if (m.type === "Custom") f(m); });
    return {
      rule: { set formula(v: string) { set((m) => (m.formula = v)); }, get formula() { return ""; } },
      format: {
        fill: { set color(v: string) { set((m) => (m.fill = v)); }, get color() { return ""; } },
        font: { set color(v: string) { set((m) => (m.fontColor = v)); }, get color() { return ""; } },
      },
    };
  }
}

// ---- charts ----

class ChartCollection extends Proxy<SheetModel> {
  protected snapshot(): unknown {
    return undefined;
  }
  override load(): this {
    this.queueLoad("items", (s) => s.charts.map((c) => new Chart(this.ctx, s, () => c).loadNow(["name"])));
    return this;
  }
  get items(): Chart[] { return this.read("items"); }
  add(type: string, source: Range, seriesBy = "Auto"): Chart {
    const chart = new Chart(this.ctx, undefined);
    source.run((r) => {
      const s = this.target();
      if (r.sheet !== s) throw officeError("InvalidArgument", "The chart's data must be on its sheet in this in-memory workbook.");
      // One series per column (seriesBy "Columns"; rows otherwise), with no categories: Excel
      // would guess a header or a category column, this workbook guesses nothing.
      const series: SeriesModel[] = [];
      const byRows = seriesBy === "Rows";
      const n = byRows ? r.rect.r1 - r.rect.r0 + 1 : r.rect.c1 - r.rect.c0 + 1;
      for (let i = 0; i < n; i++) {
        const values = byRows ? { ...r.rect, r0: r.rect.r0 + i, r1: r.rect.r0 + i } : { ...r.rect, c0: r.rect.c0 + i, c1: r.rect.c0 + i };
        series.push({ name: `Series${i + 1}`, values, xValues: null, chartType: type, axisGroup: "Primary", pointColors: [], pointLabels: [] });
      }
      const model: ChartModel = { name: `Chart ${s.charts.length + 1}`, type, seriesBy, source: r.rect, title: "", legendVisible: true, anchor: "", series, axisTitles: {}, reversePlotOrder: false, plotVisibleOnly: true };
      s.charts.push(model);
      chart.bind(s, model);
    });
    return chart;
  }
}

/** A range of the chart's own sheet, as a series reads it. */
function seriesRect(c: ChartModel, sheet: SheetModel | undefined, range: Range): Rect {
  const r = range.rectNow();
  if (r.sheet !== sheet || r.rect === WHOLE_SHEET) throw officeError("InvalidArgument", `A series of "${c.name}" must read a block of the chart's sheet in this in-memory workbook.`);
  return r.rect;
}

/** `chart.series`: getItemAt(i) and add(name) (ExcelApi 1.7). */
class ChartSeriesCollection {
  constructor(private readonly chart: Chart) {}
  getItemAt(i: number): ChartSeries {
    return new ChartSeries(this.chart, (c) => c.series[i] ?? (() => { throw officeError("ItemNotFound", `The chart has no series ${i}.`); })());
  }
  add(name: string): ChartSeries {
    let added: SeriesModel | undefined;
    this.chart.run((c) => {
      added = { name, values: { r0: 0, c0: 0, r1: -1, c1: -1 }, xValues: null, chartType: c.type, axisGroup: "Primary", pointColors: [], pointLabels: [] };
      c.series.push(added);
    });
    return new ChartSeries(this.chart, () => added!);
  }
}

class ChartSeries {
  readonly points: { getItemAt(i: number): ChartPoint };
  constructor(private readonly chart: Chart, private readonly find: (c: ChartModel) => SeriesModel) {
    this.points = { getItemAt: (i: number) => new ChartPoint((f) => this.run((s) => f(s, i))) };
  }
  run(f: (s: SeriesModel, c: ChartModel) => void): void {
    this.chart.run((c) => f(this.find(c), c));
  }
  set name(v: string) { this.run((s) => (s.name = v)); }
  get name(): string { throw officeError("PropertyNotLoaded", "series.name is write-only in this in-memory workbook."); }
  set chartType(v: string) { this.run((s) => (s.chartType = v)); }
  get chartType(): string { throw officeError("PropertyNotLoaded", "series.chartType is write-only in this in-memory workbook."); }
  set axisGroup(v: string) { this.run((s) => (s.axisGroup = v === "Secondary" ? "Secondary" : "Primary")); }
  get axisGroup(): string { throw officeError("PropertyNotLoaded", "series.axisGroup is write-only in this in-memory workbook."); }
  setValues(range: Range): void { this.run((s, c) => (s.values = seriesRect(c, this.chart.sheetNow(), range))); }
  setXAxisValues(range: Range): void { this.run((s, c) => (s.xValues = seriesRect(c, this.chart.sheetNow(), range))); }
}

/** One point of a series: its fill and its data label (ExcelApi 1.7, label text 1.8). */
class ChartPoint {
  readonly format: { fill: { setSolidColor(color: string): void } };
  readonly dataLabel: { text: string };
  constructor(run: (f: (s: SeriesModel, i: number) => void) => void) {
    this.format = { fill: { setSolidColor: (color: string) => run((s, i) => (s.pointColors[i] = color)) } };
    this.dataLabel = {
      set text(v: string) { run((s, i) => (s.pointLabels[i] = v)); },
      get text(): string { throw officeError("PropertyNotLoaded", "dataLabel.text is write-only in this in-memory workbook."); },
    };
  }
  set hasDataLabel(_v: boolean) { /* the label's text is what this workbook records */ }
  get hasDataLabel(): boolean { return false; }
}

class Chart extends Proxy<ChartModel> {
  private sheet: SheetModel | undefined;
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly series: ChartSeriesCollection;
  readonly axes: { categoryAxis: ChartAxis; valueAxis: ChartAxis; getItem(type: string, group?: string): ChartAxis };
  constructor(ctx: Context, sheet: SheetModel | undefined, resolver?: () => ChartModel) {
    super(ctx, resolver);
    this.sheet = sheet;
    const q = (f: (c: ChartModel) => void) => this.queue(f);
    this.title = { set text(v: string) { q((c) => (c.title = v)); }, get text() { return ""; } };
    this.legend = { set visible(v: boolean) { q((c) => (c.legendVisible = v)); }, get visible() { return true; } };
    this.series = new ChartSeriesCollection(this);
    const axis = (key: string) => new ChartAxis(key, q);
    this.axes = {
      categoryAxis: axis("category"),
      valueAxis: axis("value"),
      getItem: (type: string, group = "Primary") => axis(type === "Category" ? "category" : group === "Secondary" ? "value2" : "value"),
    };
  }
  run(f: (c: ChartModel) => void): void {
    this.queue(f);
  }
  sheetNow(): SheetModel | undefined {
    return this.sheet;
  }
  set plotVisibleOnly(v: boolean) { this.queue((c) => (c.plotVisibleOnly = v)); }
  get plotVisibleOnly(): boolean { throw officeError("PropertyNotLoaded", "plotVisibleOnly is write-only in this in-memory workbook."); }
  bind(s: SheetModel, c: ChartModel): void {
    this.sheet = s;
    this.ref = c;
  }
  protected snapshot(c: ChartModel, prop: string): unknown {
    return prop === "name" ? c.name : undefined;
  }
  get name(): string { return this.read("name"); }
  set name(v: string) { this.queue((c) => (c.name = v)); }
  setPosition(start: string): void { this.queue((c) => (c.anchor = start)); }
  delete(): void {
    this.queue((c) => {
      const s = this.sheet!;
      s.charts = s.charts.filter((x) => x !== c);
    });
  }
}

/** An axis: its title and, for the category axis, the plot order. */
class ChartAxis {
  readonly title: { text: string };
  constructor(private readonly key: string, private readonly q: (f: (c: ChartModel) => void) => void) {
    const k = key;
    this.title = { set text(v: string) { q((c) => (c.axisTitles[k] = v)); }, get text() { return ""; } };
  }
  set reversePlotOrder(v: boolean) { if (this.key === "category") this.q((c) => (c.reversePlotOrder = v)); }
  get reversePlotOrder(): boolean { throw officeError("PropertyNotLoaded", "reversePlotOrder is write-only in this in-memory workbook."); }
}

// ---- tables and names ----

class TableCollection extends Proxy<WorkbookModel> {
  protected snapshot(): unknown {
    return undefined;
  }
  override load(): this {
    this.queueLoad("items", (m) => m.tables.map((t) => ({ name: t.name })));
    return this;
  }
  get items(): { name: string }[] { return this.read("items"); }
  getItem(name: string): { getRange(): Range } {
    const m = this.ctx.model;
    return {
      getRange: () => new Range(this.ctx, () => {
        const t = m.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!t) throw officeError("ItemNotFound", `The table "${name}" doesn't exist.`);
        return { sheet: findSheet(m, t.sheetId)!, rect: t.rect };
      }),
    };
  }
}

class NamedItemCollection extends Proxy<WorkbookModel> {
  protected snapshot(): unknown {
    return undefined;
  }
  override load(): this {
    this.queueLoad("items", (m) => m.names.map((n) => ({ name: n.name, type: "Range" })));
    return this;
  }
  get items(): { name: string; type: string }[] { return this.read("items"); }
  getItem(name: string): { getRange(): Range } {
    const m = this.ctx.model;
    return {
      getRange: () => new Range(this.ctx, () => {
        const n = m.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
        if (!n) throw officeError("ItemNotFound", `The name "${name}" doesn't exist.`);
        return { sheet: findSheet(m, n.sheetId)!, rect: n.rect };
      }),
    };
  }
}

// ---- globals ----

export interface FakeOffice {
  Excel: { run<T>(batch: (ctx: Context) => Promise<T>): Promise<T> };
  Office: {
    onReady(cb?: () => void): Promise<{ host: string }>;
    addin: { setStartupBehavior(b: string): Promise<void>; getStartupBehavior(): Promise<string> };
    StartupBehavior: { load: string; none: string };
    context: { officeTheme?: { bodyBackgroundColor: string; bodyForegroundColor: string; controlBackgroundColor: string; controlForegroundColor: string; isDarkTheme: boolean } };
  };
}

/** Office's Black theme as `Office.context.officeTheme` reports it, for the preview's dark pane. */
export const OFFICE_DARK_THEME = { bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff", controlBackgroundColor: "#3b3b3b", controlForegroundColor: "#ffffff", isDarkTheme: true };

/** `Excel` and `Office` globals over a model, for the preview page, the test and `npm start -- --once`. */
export function officeGlobals(model: WorkbookModel, officeTheme?: FakeOffice["Office"]["context"]["officeTheme"]): FakeOffice {
  return {
    Excel: {
      async run<T>(batch: (ctx: Context) => Promise<T>): Promise<T> {
        const ctx = new Context(model);
        try {
          const result = await batch(ctx);
          if (ctx.queue.length) await ctx.sync();
          return result;
        } finally {
          model.runSyncs.push(ctx.syncs);
        }
      },
    },
    Office: {
      onReady(cb?: () => void) {
        cb?.();
        return Promise.resolve({ host: "Excel" });
      },
      addin: {
        setStartupBehavior: async (b: string) => void (model.startupBehavior = b),
        getStartupBehavior: async () => model.startupBehavior,
      },
      StartupBehavior: { load: "Load", none: "None" },
      context: officeTheme ? { officeTheme } : {},
    },
  };
}
