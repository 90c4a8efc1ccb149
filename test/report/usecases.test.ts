import { createCatalog, serialOf, type CellValue } from "../../core";
import {
  KIND_INFO, generate, list, MAX_BLOCK_BYTES, refresh, remove, rowBytes, runAsync, runSync,
  type ReportRequest, type ReportSheet, type ReportSource, type RowBlock, type SheetEntry, type SourceExtent, type StoredDefinition, type Workbook,
} from "../../core/report";

const AS_OF = serialOf(2025, 3, 31);
const env = { now: () => new Date("2025-04-01T06:00:00Z"), cx: createCatalog({ today: () => AS_OF }).context };

const PO: CellValue[][] = [
  ["Vendor", "Promised date", "Delivered date", "Ordered qty", "Received qty", "Unit price", "Supply risk"],
  ["Acme", 45700, 45700, 10, 10, 5, 4],
  ["Birch", 45700, 45710, 10, 5, 7, 2],
];

interface MemSheet { id: string; name: string; marker: string; values: CellValue[][] }

/** A workbook in memory that answers at once, counting calls and payloads. */
class MemoryWorkbook implements Workbook {
  sheetsById = new Map<string, MemSheet>();
  stored: StoredDefinition[] = [];
  calls: string[] = [];
  largestRead = 0;
  largestWrite = 0;
  written = 0;
  refuseDefinitionsOver = Infinity;
  private next = 1;

  constructor(data: Record<string, CellValue[][]>) {
    for (const [name, values] of Object.entries(data)) this.add(name, "", values);
  }
  add(name: string, marker: string, values: CellValue[][] = []): MemSheet {
    const s = { id: String(this.next++), name, marker, values };
    this.sheetsById.set(s.id, s);
    return s;
  }
  byName(name: string): MemSheet | undefined {
    return [...this.sheetsById.values()].find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  sheets(): SheetEntry[] {
    this.calls.push("sheets");
    return [...this.sheetsById.values()].map(({ id, name, marker }) => ({ id, name, marker }));
  }
  definitions(): StoredDefinition[] {
    return [...this.stored];
  }
  putDefinition(id: string, text: string): void {
    if (text.length > this.refuseDefinitionsOver) throw new Error("Argument too large: value");
    const i = this.stored.findIndex((d) => d.id === id);
    if (i < 0) this.stored.push({ id, text });
    else this.stored[i] = { id, text };
  }
  removeDefinition(id: string): void {
    this.stored = this.stored.filter((d) => d.id !== id);
  }
  locate(source: ReportSource): SourceExtent | undefined {
    if ("name" in source) return undefined;
    if (source.address === "#garbage") throw new Error("RichApi.Error: The argument is invalid or missing or has an incorrect format.");
    const s = this.byName(source.sheet);
    return s && { sheetId: s.id, sheet: s.name, row: 0, column: 0, rows: s.values.length, columns: s.values[0]?.length ?? 0 };
  }
  read(extent: SourceExtent, offset: number, rows: number): CellValue[][] {
    const block = this.sheetsById.get(extent.sheetId)!.values.slice(offset, offset + rows);
    this.largestRead = Math.max(this.largestRead, block.reduce((n, r) => n + rowBytes(r), 0));
    this.calls.push("read");
    return block;
  }
  addSheet(name: string, reportId: string): SheetEntry {
    const s = this.add(name, reportId);
    return { id: s.id, name: s.name, marker: s.marker };
  }
  writeReport(sheetId: string, report: ReportSheet, blocks: readonly RowBlock[]): void {
    const s = this.sheetsById.get(sheetId)!;
    s.values = [];
    for (const b of blocks) {
      const rows = report.values.slice(b.start, b.start + b.count);
      // What a host sends for the block: its values and each cell's number format.
      const bytes = rows.reduce((n, r) => n + rowBytes(r) + report.patterns.reduce((m, p) => m + p.length + 3, 0), 0);
      this.largestWrite = Math.max(this.largestWrite, bytes);
      this.written += bytes;
      s.values.push(...(rows as CellValue[][]));
      this.calls.push("write");
    }
  }
  deleteSheet(sheetId: string): void {
    this.sheetsById.delete(sheetId);
  }
  activate(sheetId: string): void {
    this.calls.push(`activate ${sheetId}`);
  }
}

let ids = 0;
const newId = () => `r${++ids}`;
const request = (over: Partial<ReportRequest> = {}): ReportRequest => ({
  kind: "scorecard", source: { sheet: "PO lines", address: "A1:G3" }, config: KIND_INFO.scorecard.config.defaults, calendar: [], asOf: AS_OF, output: "Scorecard", ...over,
});

describe("generate", () => {
  it("makes a report: a new sheet carrying its marker, one stored definition, the sheet activated", () => {
    const wb = new MemoryWorkbook({ "PO lines": PO });
    const r = runSync(generate(request(), env, newId), wb);
    expect(r).toMatchObject({ ok: true, message: 'Vendor scorecard written to "Scorecard" (2 rows).' });
    const out = wb.byName("Scorecard")!;
    expect(out.marker).toBe(r.reportId);
    expect(out.values[0]![0]).toBe("Vendor");
    expect(wb.stored.map((d) => d.id)).toEqual([r.reportId]);
    expect(wb.calls).toContain(`activate ${out.id}`);
  });

  it("generates the same report again after an edit: the same sheet changes, one definition stays", () => {
    const wb = new MemoryWorkbook({ "PO lines": PO });
    const first = runSync(generate(request(), env, newId), wb);
    const weights = [["kpi", "weight"], ["in_full", 1]];
    const again = runSync(generate(request({ id: first.reportId!, config: weights }), env, newId), wb);
    expect(again.reportId).toBe(first.reportId);
    expect(wb.stored).toHaveLength(1);
    expect(JSON.parse(wb.stored[0]!.text).config).toEqual(weights);
    expect([...wb.sheetsById.values()].map((s) => s.name)).toEqual(["PO lines", "Scorecard"]);
  });

  it("makes a new report when the kind changes while editing, and never writes into the other report's sheet", () => {
    const wb = new MemoryWorkbook({ "PO lines": PO });
    const first = runSync(generate(request(), env, newId), wb);
    const before = JSON.stringify(wb.byName("Scorecard")!.values);
    const seg = runSync(generate(request({ id: first.reportId!, kind: "segments", output: "Scorecard" }), env, newId), wb);
    expect(seg.reportId).not.toBe(first.reportId);
    expect(JSON.stringify(wb.byName("Scorecard")!.values)).toBe(before);
    expect(wb.byName("Scorecard (2)")!.marker).toBe(seg.reportId);
    expect(seg.notice).toMatch(/holds another report/);
    expect(wb.stored).toHaveLength(2);
  });

  it("refuses a report sheet as a source, saying why, and writes nothing", () => {
    const wb = new MemoryWorkbook({ "PO lines": PO });
    runSync(generate(request(), env, newId), wb);
    const r = runSync(generate(request({ source: { sheet: "Scorecard", address: "A1" } }), env, newId), wb);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/is a sheet vendorscore writes/) });
    expect(wb.stored).toHaveLength(1);
  });
});

describe("ownership", () => {
  function tampered(): { wb: MemoryWorkbook; poId: string } {
    const wb = new MemoryWorkbook({ "PO lines": PO });
    const r = runSync(generate(request(), env, newId), wb);
    const def = JSON.parse(wb.stored[0]!.text);
    const poId = wb.byName("PO lines")!.id;
    // A registry row edited to aim a report at the user's data sheet.
    wb.stored.push({ id: "evil", text: JSON.stringify({ ...def, id: "evil", outputId: poId }) });
    void r;
    return { wb, poId };
  }

  it("writes nothing into a sheet a tampered definition names, and shows the report's problem", () => {
    const { wb } = tampered();
    const before = JSON.stringify(wb.byName("PO lines")!.values);
    const r = runSync(refresh(env), wb);
    expect(JSON.stringify(wb.byName("PO lines")!.values)).toBe(before);
    expect(r.outcomes.find((o) => o.id === "evil")).toMatchObject({ ok: false, message: expect.stringMatching(/does not carry its vendorscore marker/) });
    expect(r.message).toMatch(/^Refreshed 1, failed 1\./);
    expect(runSync(list(), wb).find((s) => s.id === "evil")!.problem).toMatch(/marker/);
  });

  it("treats a definition stored twice or under another id as a copy that writes nothing", () => {
    const wb = new MemoryWorkbook({ "PO lines": PO });
    runSync(generate(request(), env, newId), wb);
    wb.stored.push({ id: "copy", text: wb.stored[0]!.text });
    const r = runSync(refresh(env), wb);
    expect(r.outcomes.find((o) => o.id === "copy")).toMatchObject({ ok: false, message: expect.stringMatching(/copy of another/) });
  });
});

describe("refresh", () => {
  function threeReports(): MemoryWorkbook {
    const wb = new MemoryWorkbook({ "PO lines": PO, "Other": PO });
    runSync(generate(request({ output: "One" }), env, newId), wb);
    runSync(generate(request({ output: "Two", source: { sheet: "Other", address: "A1:G3" } }), env, newId), wb);
    runSync(generate(request({ output: "Three", kind: "segments" }), env, newId), wb);
    return wb;
  }

  it("refreshes each report on its own: one broken source fails alone, its last good sheet kept", () => {
    const wb = threeReports();
    const two = JSON.stringify(wb.byName("Two")!.values);
    wb.byName("Other")!.values = [["Item"], ["Bolts"]];
    const r = runSync(refresh(env), wb);
    expect(r.message).toMatch(/^Refreshed 2, failed 1\. Two: .*No vendor column/);
    expect(JSON.stringify(wb.byName("Two")!.values)).toBe(two);
    const stored = wb.stored.map((d) => JSON.parse(d.text));
    expect(stored.find((d) => d.output === "Two").lastError).toMatch(/No vendor column/);
  });

  it("goes on when the host throws for one report (a garbage stored address) or refuses to store its error", () => {
    const wb = threeReports();
    const one = JSON.parse(wb.stored[0]!.text);
    wb.stored[0] = { id: one.id, text: JSON.stringify({ ...one, source: { sheet: "PO lines", address: "#garbage" } }) };
    wb.refuseDefinitionsOver = 10;
    const r = runSync(refresh(env), wb);
    expect(r.outcomes.map((o) => o.ok)).toEqual([false, false, false]);
    expect(r.outcomes[0]!.message).toMatch(/RichApi.Error/);
    expect(r.message).toMatch(/^Refreshed 0, failed 3\./);
  });

  it("runs the same way against a workbook that answers later", async () => {
    const wb = threeReports();
    const asyncWb = new Proxy(wb, { get: (t, k) => (typeof (t as never)[k] === "function" ? (...a: unknown[]) => Promise.resolve((t as never as Record<string, (...x: unknown[]) => unknown>)[k as string]!(...a)) : (t as never)[k]) });
    const r = await runAsync(refresh(env), asyncWb);
    expect(r.message).toBe("Refreshed 3 reports.");
  });

  it("refreshes only stale reports when asked, and says when all are up to date", () => {
    const wb = threeReports();
    expect(runSync(refresh(env, { olderThanMs: 60_000 }), wb).message).toBe("All reports are up to date.");
  });

  it("stops starting reports when its time budget runs out and names those left", () => {
    const wb = threeReports();
    let t = 0;
    const r = runSync(refresh(env, { budgetMs: 150, clock: () => (t += 100) }), wb);
    expect(r.left!.length).toBeGreaterThan(0);
    expect(r.message).toMatch(/left for the next run/);
  });
});

describe("real sizes", () => {
  it("reads a 100,000-row, 14-column source and writes 100,000 SLA rows in blocks under the limit", () => {
    const header = ["Ticket", "Vendor", "Priority", "Opened", "Resolved", "A", "B", "C", "D", "E", "F", "G", "H", "I"];
    const rows: CellValue[][] = [header];
    for (let i = 0; i < 100_000; i++) rows.push([`T${i}`, `Vendor ${i % 50}`, `P${1 + (i % 4)}`, 45700 + i / 1000, 45700.2 + i / 1000, "x", "y", i, i, i, i, "text", "more", i]);
    const wb = new MemoryWorkbook({ Tickets: rows });
    const r = runSync(generate(request({ kind: "sla", source: { sheet: "Tickets", address: "A:N" }, config: [], calendar: [], output: "SLA" }), env, newId), wb);
    expect(r.ok).toBe(true);
    expect(wb.byName("SLA")!.values).toHaveLength(100_001);
    expect(wb.largestRead).toBeLessThan(MAX_BLOCK_BYTES);
    expect(wb.largestWrite).toBeLessThan(MAX_BLOCK_BYTES);
    const reads = wb.calls.filter((c) => c === "read").length;
    const writes = wb.calls.filter((c) => c === "write").length;
    // About one block per 4 MB (plus a small first read that measures the rows).
    expect(reads).toBeLessThanOrEqual(6);
    expect(wb.written).toBeGreaterThan(2 * MAX_BLOCK_BYTES);
    expect(writes).toBeLessThanOrEqual(Math.ceil(wb.written / (MAX_BLOCK_BYTES * 0.75)) + 1);
  });
});

describe("remove", () => {
  it("deletes the definition, and its sheet only when asked and only when the sheet carries its marker", () => {
    const wb = new MemoryWorkbook({ "PO lines": PO });
    const a = runSync(generate(request({ output: "A" }), env, newId), wb);
    const b = runSync(generate(request({ output: "B" }), env, newId), wb);
    expect(runSync(remove(a.reportId!, false), wb).message).toMatch(/its sheet was kept/);
    expect(wb.byName("A")).toBeDefined();
    wb.byName("B")!.marker = "someone else";
    runSync(remove(b.reportId!, true), wb);
    expect(wb.byName("B")).toBeDefined();
    expect(wb.stored).toHaveLength(0);
  });
});

describe("the reports list's count of notice-due contracts", () => {
  // As of 2025-03-31 with the default 90 warn days: K1's notice date 2025-05-01 is 31 days away
  // (notice due), K2's 2025-12-01 is not (active), K3's 2025-06-25 is 86 days away (notice due).
  const CONTRACTS: CellValue[][] = [
    ["Contract", "Vendor", "Start", "End", "Notice days"],
    ["K1", "Acme", "2024-07-01", "2025-06-30", 60],
    ["K2", "Bolt", "2025-01-01", "2025-12-31", 30],
    ["K3", "Core", "2024-07-01", "2025-06-30", 5],
  ];
  const contracts = () => request({ kind: "contracts", source: { sheet: "Contracts", address: "A1:E4" }, config: [], output: "Contracts" });

  it("records how many contracts are notice due at each refresh", () => {
    const wb = new MemoryWorkbook({ Contracts: CONTRACTS.map((r) => [...r]) });
    runSync(generate(contracts(), env, newId), wb);
    expect(runSync(list(), wb)[0]!.summary).toBe("2 notice due");
    // K3's notice period grows to 100 days: its notice date 2025-03-22 has passed.
    wb.byName("Contracts")!.values[3]![4] = 100;
    runSync(refresh(env), wb);
    expect(runSync(list(), wb)[0]!.summary).toBe("1 notice due");
  });

  it("keeps the last count when a refresh fails, and counts nothing for other kinds", () => {
    const wb = new MemoryWorkbook({ Contracts: CONTRACTS, "PO lines": PO });
    runSync(generate(contracts(), env, newId), wb);
    runSync(generate(request(), env, newId), wb);
    wb.byName("Contracts")!.values = [["Item"], ["Bolts"]];
    runSync(refresh(env), wb);
    const [c, s] = runSync(list(), wb);
    expect(c).toMatchObject({ summary: "2 notice due", lastError: expect.stringMatching(/No vendor column/) });
    expect(s!.summary).toBe("");
  });

  it("reads a definition stored before the count existed as counting nothing yet", () => {
    const wb = new MemoryWorkbook({ Contracts: CONTRACTS });
    runSync(generate(contracts(), env, newId), wb);
    const def = JSON.parse(wb.stored[0]!.text);
    delete def.lastSummary;
    wb.stored[0] = { id: def.id, text: JSON.stringify(def) };
    expect(runSync(list(), wb)[0]).toMatchObject({ summary: "", problem: "" });
  });
});

describe("a survey source", () => {
  // Acme on time, Birch 10 days late; Responsiveness 5 for Acme and 1 for Birch (target 5, floor 1).
  const SURVEY: CellValue[][] = [["Supplier", "Question", "Rating"], ["Acme", "Responsiveness", 5], ["Birch", "Responsiveness", 1]];
  const WEIGHTS = [["kpi", "weight", "target", "floor", "formula"], ["on_time", 1, 1, 0, ""], ["Responsiveness", 1, "", "", ""]];
  const withSurvey = (over: Partial<ReportRequest> = {}) => request({ config: WEIGHTS, survey: { sheet: "Survey", address: "A1:C3" }, ...over });
  const scores = (wb: MemoryWorkbook) => wb.byName("Scorecard")!.values.slice(1).map((r) => [r[0], r[9]]);

  it("is stored with the report and scores the criteria the weights name", () => {
    const wb = new MemoryWorkbook({ "PO lines": PO, Survey: SURVEY });
    const r = runSync(generate(withSurvey(), env, newId), wb);
    expect(r.ok).toBe(true);
    // Acme: on time 100, responsiveness 100; Birch: 0 and 0.
    expect(scores(wb)).toEqual([["Acme", 100], ["Birch", 0]]);
    expect(JSON.parse(wb.stored[0]!.text).survey).toEqual({ sheet: "Survey", address: "A1:C3" });
  });

  it("is read again at refresh, like the main source", () => {
    const wb = new MemoryWorkbook({ "PO lines": PO, Survey: SURVEY });
    runSync(generate(withSurvey(), env, newId), wb);
    wb.byName("Survey")!.values = [["Supplier", "Question", "Rating"], ["Acme", "Responsiveness", 1], ["Birch", "Responsiveness", 5]];
    expect(runSync(refresh(env), wb).ok).toBe(true);
    // Acme: 100 and 0 -> 50; Birch: 0 and 100 -> 50.
    expect(scores(wb)).toEqual([["Acme", 50], ["Birch", 50]]);
  });

  it("fails a refresh, naming the survey, when its sheet is gone; the last good sheet stays", () => {
    const wb = new MemoryWorkbook({ "PO lines": PO, Survey: SURVEY });
    runSync(generate(withSurvey(), env, newId), wb);
    wb.deleteSheet(wb.byName("Survey")!.id);
    const r = runSync(refresh(env), wb);
    expect(r.ok).toBe(false);
    expect(r.outcomes[0]!.message).toMatch(/The survey Survey!A1:C3 of "Scorecard" no longer exists/);
    expect(scores(wb)).toEqual([["Acme", 100], ["Birch", 0]]);
  });

  it("refuses a report sheet as the survey", () => {
    const wb = new MemoryWorkbook({ "PO lines": PO, Survey: SURVEY });
    runSync(generate(withSurvey(), env, newId), wb);
    const r = runSync(generate(withSurvey({ output: "Other", survey: { sheet: "Scorecard", address: "A1:L3" } }), env, newId), wb);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/survey Scorecard!A1:L3 is a sheet vendorscore writes/) });
  });

  it("is dropped from the stored report when an edit gives none", () => {
    const wb = new MemoryWorkbook({ "PO lines": PO, Survey: SURVEY });
    const first = runSync(generate(withSurvey(), env, newId), wb);
    runSync(generate(request({ id: first.reportId! }), env, newId), wb);
    expect(JSON.parse(wb.stored[0]!.text)).not.toHaveProperty("survey");
  });

  it("without a survey, a weights row naming a criterion fails the report saying so", () => {
    const wb = new MemoryWorkbook({ "PO lines": PO });
    const r = runSync(generate(request({ config: WEIGHTS }), env, newId), wb);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/"Responsiveness" is not a KPI/) });
  });
});
